package dev.dataopsbot.bot.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import dev.dataopsbot.bot.config.BotConfig;
import dev.dataopsbot.knowledge.runbook.RunbookLibrary;
import dev.dataopsbot.knowledge.runbook.RunbookLinter;
import dev.dataopsbot.knowledge.runbook.RunbookProblem;
import dev.dataopsbot.rules.FailureMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code runbooks lint [DIR]}. */
@Command(name = "runbooks", mixinStandardHelpOptions = true, description = "Work with the runbook library.",
        subcommands = RunbooksCommand.Lint.class)
final class RunbooksCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "lint", mixinStandardHelpOptions = true,
            description = {"Validate runbooks: front matter, failure-mode ids, required sections, duplicate ids, "
                    + "and taxonomy modes that no runbook covers.",
                    "Prints file:line: message per problem; exits 1 if any error."})
    static final class Lint implements Callable<Integer> {

        private final CliContext context;

        @Parameters(arity = "0..1", paramLabel = "DIR",
                description = "Runbook folder (default: DATAOPS_RUNBOOKS_DIR, else the bundled runbooks).")
        Path dir;

        Lint(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            BotConfig config = BotConfig.fromEnv(context.env()).withFlags(null, dir, null);
            if (dir != null && !java.nio.file.Files.isDirectory(dir)) {
                throw new UsageException("'" + dir + "' is not a directory of runbooks");
            }
            RunbookLibrary library = config.runbooksDir().map(RunbookLibrary::load).orElseGet(RunbookLibrary::bundled);
            String folder = config.runbooksDir().map(Path::toString).orElse("runbooks (bundled)");
            List<RunbookProblem> problems = new RunbookLinter(FailureMode.ids()).lint(library, folder);
            problems.forEach(p -> (p.isError() ? context.err() : context.out()).println(p));
            long errors = problems.stream().filter(RunbookProblem::isError).count();
            long warnings = problems.size() - errors;
            context.out().println(library.runbooks().size() + " runbooks valid in " + folder + ", "
                    + errors + " errors, " + warnings + " warnings");
            return errors > 0 ? ExitCode.FAILURE : ExitCode.OK;
        }
    }
}
