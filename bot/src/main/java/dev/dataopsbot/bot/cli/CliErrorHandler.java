package dev.dataopsbot.bot.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

import dev.dataopsbot.bot.config.ConfigException;
import dev.dataopsbot.bot.slack.SlackUnavailableException;
import dev.dataopsbot.bot.triage.EmptyAlertException;
import dev.dataopsbot.knowledge.incident.LifecycleException;
import dev.dataopsbot.knowledge.incident.StoreException;
import dev.dataopsbot.rules.RuleCompilationException;
import dev.dataopsbot.rules.RuleProblem;
import dev.dataopsbot.rules.routing.RoutingFileException;
import picocli.CommandLine;

/**
 * The one place where failures become what a user reads: a one-line message naming the problem
 * and an exit code. Stack traces only with {@code --verbose}.
 */
public final class CliErrorHandler implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        String command = commandLine.getCommandName();
        int code;
        if (e instanceof RuleCompilationException rules) {
            err.println(command + ": the extra rules do not compile:");
            for (RuleProblem problem : rules.problems()) {
                err.println(problem);
            }
            code = ExitCode.FAILURE;
        } else if (e instanceof RoutingFileException routing) {
            err.println(command + ": the routing file has errors (run 'rules check --routing FILE' to check it):");
            for (RuleProblem problem : routing.problems()) {
                err.println(problem);
            }
            code = ExitCode.FAILURE;
        } else if (e instanceof UsageException || e instanceof ConfigException) {
            err.println(command + ": " + e.getMessage());
            code = ExitCode.USAGE;
        } else if (e instanceof EmptyAlertException || e instanceof StoreException || e instanceof LifecycleException
                || e instanceof SlackUnavailableException) {
            err.println(command + ": " + e.getMessage());
            code = ExitCode.FAILURE;
        } else if (e instanceof UncheckedIOException || e instanceof IOException) {
            Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
            err.println(command + ": " + describe(e) + (cause != e ? ": " + cause.getMessage() : ""));
            code = ExitCode.FAILURE;
        } else {
            err.println(command + ": internal error: " + describe(e) + " (run with --verbose for the stack trace)");
            code = ExitCode.FAILURE;
        }
        if (isVerbose(parseResult)) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println(cmd.getCommandName() + ": " + e.getMessage());
        err.println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
        err.flush();
        return ExitCode.USAGE;
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static boolean isVerbose(CommandLine.ParseResult parseResult) {
        CommandLine.ParseResult current = parseResult;
        while (current != null) {
            if (current.hasMatchedOption("--verbose")) {
                return true;
            }
            current = current.subcommand();
        }
        return false;
    }
}
