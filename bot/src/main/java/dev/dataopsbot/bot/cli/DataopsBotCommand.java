package dev.dataopsbot.bot.cli;

import dev.dataopsbot.knowledge.incident.IncidentKey;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The root command: triage alerts, lint runbooks, check rules. */
@Command(name = "dataops-bot",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Chat-ops incident triage for DataOps teams: names the failure mode of an alert or log, "
                + "says what to do and whether a re-run is safe, and finds the runbooks that fit.",
        subcommands = {TriageCommand.class, IncidentsCommand.class, IncidentCommand.class, SummaryCommand.class,
                ReportCommand.class, CasesCommand.class, DbCommand.class, ServeCommand.class,
                RunbooksCommand.class, RulesCommand.class, BenchCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:a failure the command reports (lint errors, triage failed, a refused incident command)", "2:bad usage (unknown option, missing file)"})
public final class DataopsBotCommand implements Runnable {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT, description = "Print stack traces of internal errors.")
    boolean verbose;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The command line with our error handling and commands built with the context. */
    public static CommandLine commandLine(CliContext context) {
        CommandLine cli = new CommandLine(new DataopsBotCommand(), new ContextFactory(context));
        cli.registerConverter(IncidentKey.class, new IncidentKeyConverter());
        CliErrorHandler errors = new CliErrorHandler();
        cli.setExecutionExceptionHandler(errors);
        cli.setParameterExceptionHandler(errors);
        cli.setOut(new java.io.PrintWriter(context.out(), true));
        cli.setErr(new java.io.PrintWriter(context.err(), true));
        return cli;
    }

    /** Creates commands that take a {@link CliContext} in their constructor; plain wiring, no container. */
    private record ContextFactory(CliContext context) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                return type.getDeclaredConstructor(CliContext.class).newInstance(context);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }
}
