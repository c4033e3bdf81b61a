package dev.dataopsbot.bot.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.dataopsbot.bot.config.BotConfig;
import dev.dataopsbot.bot.incident.IncidentKnowledge;
import dev.dataopsbot.knowledge.incident.DatabaseBackup;
import dev.dataopsbot.knowledge.incident.IncidentDatabase;
import dev.dataopsbot.knowledge.incident.PostgresUrl;
import dev.dataopsbot.knowledge.incident.StoreCopy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code db backup --to FILE}: a consistent copy of the SQLite incident database, safe while the bot
 * runs; {@code db copy --to postgresql://...}: the SQLite store moved into PostgreSQL.
 */
@Command(name = "db", mixinStandardHelpOptions = true, description = "Maintain the incident database.",
        subcommands = {DbCommand.Backup.class, DbCommand.Copy.class})
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
            store.config(context).databaseUrl().ifPresent(url -> {
                throw new UsageException("the incident store is on PostgreSQL (" + url + "), and db backup copies the SQLite file: "
                        + "back PostgreSQL up with its own tools, e.g. pg_dump -Fc -f dataops.dump '<the URL>' (restore with "
                        + "pg_restore; see docs/deploy.md)");
            });
            try (IncidentKnowledge knowledge = store.openExisting(context)) {
                long bytes = DatabaseBackup.copy(knowledge.database(), to);
                context.out().println("backed up " + knowledge.database().location() + " to " + to + " (" + bytes + " bytes)");
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "copy", mixinStandardHelpOptions = true,
            description = {"Copy the SQLite incident store (of --data-dir) into an empty PostgreSQL database, ids kept,",
                    "in one transaction, verified by counting every table on both sides.",
                    "Stop the bot first: alerts it stores during the copy would not be copied."})
    static final class Copy implements Callable<Integer> {

        private final CliContext context;

        @Option(names = "--data-dir", paramLabel = "DIR", description = "The data folder of the SQLite store (env DATAOPS_DATA_DIR, default ./data).")
        Path dataDir;

        @Option(names = "--to", required = true, paramLabel = "URL",
                description = "The PostgreSQL database, postgresql://user:password@host:port/db (created by you, empty).")
        String to;

        Copy(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            BotConfig config = BotConfig.fromEnv(context.env()).withFlags(dataDir, null, null).validated();
            PostgresUrl target;
            try {
                target = PostgresUrl.parse(to);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--to: " + e.getMessage());
            }
            Path file = config.dataDir().resolve(IncidentDatabase.FILE_NAME);
            if (!Files.exists(file)) {
                throw new UsageException("no SQLite incident database at " + file + " to copy; point --data-dir at its folder");
            }
            try (IncidentDatabase from = IncidentDatabase.open(config.dataDir());
                 IncidentDatabase into = IncidentDatabase.open(target, 1)) {
                Map<String, Long> copied = StoreCopy.copy(from, into);
                context.out().println("copied " + from.location() + " into " + into.location() + ", verified by counts: "
                        + copied.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                        .collect(java.util.stream.Collectors.joining(", ")));
                return ExitCode.OK;
            }
        }
    }
}
