package dev.dataopsbot.bot.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.dataopsbot.bot.incident.IncidentKnowledge;
import dev.dataopsbot.knowledge.incident.DatabaseBackup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code db backup --to FILE}: a consistent copy of the incident database, safe while the bot runs. */
@Command(name = "db", mixinStandardHelpOptions = true, description = "Maintain the incident database.",
        subcommands = DbCommand.Backup.class)
final class DbCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "backup", mixinStandardHelpOptions = true,
            description = {"Copy the incident database with SQLite's online backup API: consistent even while "
                    + "the bot is writing.", "Refuses to overwrite an existing file."})
    static final class Backup implements Callable<Integer> {

        private final CliContext context;

        @Mixin
        StoreOptions store;

        @Option(names = "--to", required = true, paramLabel = "FILE", description = "The backup file to create.")
        Path to;

        Backup(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            if (Files.exists(to)) {
                throw new UsageException("--to: '" + to + "' exists; choose a new file name (backups never overwrite)");
            }
            Path parent = to.toAbsolutePath().getParent();
            if (!Files.isDirectory(parent)) {
                throw new UsageException("--to: the folder '" + parent + "' does not exist");
            }
            try (IncidentKnowledge knowledge = store.openExisting(context)) {
                long bytes = DatabaseBackup.copy(knowledge.database(), to);
                context.out().println("backed up " + knowledge.database().file() + " to " + to + " (" + bytes + " bytes)");
                return ExitCode.OK;
            }
        }
    }
}
