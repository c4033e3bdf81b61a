package dev.dataopsbot.bot.cli;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.dataopsbot.bot.incident.IncidentJson;
import dev.dataopsbot.bot.incident.IncidentKnowledge;
import dev.dataopsbot.bot.incident.IncidentText;
import dev.dataopsbot.knowledge.incident.Incident;
import dev.dataopsbot.knowledge.incident.IncidentHistory;
import dev.dataopsbot.knowledge.incident.IncidentKey;
import dev.dataopsbot.knowledge.incident.IncidentLifecycle;
import dev.dataopsbot.rules.FailureMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code incident show|ack|sev|update|note|action|mitigate|resolve|reopen INC-n ...}: read one
 * incident or move it through its lifecycle. Each change is one transaction and one timeline
 * event; a change the incident's status does not allow is refused (exit 1) and changes nothing.
 */
@Command(name = "incident", mixinStandardHelpOptions = true,
        description = "Show one incident or record what was done about it.",
        subcommands = {IncidentCommand.Show.class, IncidentCommand.Ack.class, IncidentCommand.Sev.class,
                IncidentCommand.Update.class, IncidentCommand.Note.class, IncidentCommand.Action.class,
                IncidentCommand.Mitigate.class, IncidentCommand.Resolve.class, IncidentCommand.Reopen.class,
                IncidentCommand.Feedback.class})
final class IncidentCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "The incident, its metrics and its whole timeline.")
    static final class Show implements Callable<Integer> {

        private final CliContext context;

        @Mixin
        StoreOptions store;

        @Parameters(index = "0", paramLabel = "INC-n", description = "Incident key, e.g. INC-12.")
        IncidentKey key;

        @Option(names = "--json", description = "Print JSON (with the timeline and the redacted alerts).")
        boolean json;

        Show(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            try (IncidentKnowledge knowledge = store.openExisting(context)) {
                IncidentHistory history = knowledge.store().history(key);
                if (json) {
                    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
                    context.out().println(mapper.writeValueAsString(new IncidentJson(mapper).show(history)));
                } else {
                    context.out().print(new IncidentText().show(history.incident(), history.timeline()));
                }
                return ExitCode.OK;
            }
        }
    }

    /** What every lifecycle subcommand shares: the store, the key, who did it, and the confirmation line. */
    abstract static class Change implements Callable<Integer> {

        private final CliContext context;

        @Mixin
        StoreOptions store;

        @Parameters(index = "0", paramLabel = "INC-n", description = "Incident key, e.g. INC-12.")
        IncidentKey key;

        @Option(names = "--by", paramLabel = "USER", defaultValue = "cli", description = "Who did it (default: ${DEFAULT-VALUE}).")
        String by;

        Change(CliContext context) {
            this.context = context;
        }

        /** Applies the change; returns the incident after it and a few words on what happened. */
        abstract Incident apply(IncidentLifecycle lifecycle);

        abstract String done();

        @Override
        public Integer call() {
            try (IncidentKnowledge knowledge = store.openExisting(context)) {
                Incident incident = apply(knowledge.lifecycle());
                context.out().print(new IncidentText().confirmation(incident, knowledge.redact(done() + " by " + by)));
                return ExitCode.OK;
            }
        }

        static String words(List<String> words) {
            return words == null ? "" : String.join(" ", words);
        }
    }

    @Command(name = "ack", mixinStandardHelpOptions = true, description = "Acknowledge: someone is on it.")
    static final class Ack extends Change {
        Ack(CliContext context) {
            super(context);
        }

        @Override
        Incident apply(IncidentLifecycle lifecycle) {
            return lifecycle.acknowledge(key, by);
        }

        @Override
        String done() {
            return "acknowledged";
        }
    }

    @Command(name = "sev", mixinStandardHelpOptions = true, description = "Change the severity (SEV1 is the worst).")
    static final class Sev extends Change {
        @Parameters(index = "1", paramLabel = "SEVERITY", description = "SEV1, SEV2, SEV3 or SEV4.")
        String severity;

        @Option(names = "--reason", paramLabel = "TEXT", description = "Why.")
        String reason;

        Sev(CliContext context) {
            super(context);
        }

        @Override
        Incident apply(IncidentLifecycle lifecycle) {
            return lifecycle.changeSeverity(key, severity, reason, by);
        }

        @Override
        String done() {
            return "severity changed";
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true, description = "Post a status update for stakeholders.")
    static final class Update extends Change {
        @Parameters(index = "1..*", arity = "1..*", paramLabel = "TEXT", description = "The update.")
        List<String> text;

        @Option(names = "--impact-started", paramLabel = "TIME",
                description = "When the impact began, UTC (2026-11-25T02:00:00Z); gives the time to detect.")
        Instant impactStarted;

        Update(CliContext context) {
            super(context);
        }

        @Override
        Incident apply(IncidentLifecycle lifecycle) {
            return lifecycle.statusUpdate(key, words(text), impactStarted, by);
        }

        @Override
        String done() {
            return "status update posted";
        }
    }

    @Command(name = "note", mixinStandardHelpOptions = true, description = "Add a note to the timeline.")
    static final class Note extends Change {
        @Parameters(index = "1..*", arity = "1..*", paramLabel = "TEXT", description = "The note.")
        List<String> text;

        @Option(names = "--impact", description = "The note describes the impact (it goes to the summary's Impact section).")
        boolean impact;

        Note(CliContext context) {
            super(context);
        }

        @Override
        Incident apply(IncidentLifecycle lifecycle) {
            return lifecycle.note(key, words(text), impact, by);
        }

        @Override
        String done() {
            return impact ? "impact note added" : "note added";
        }
    }

    @Command(name = "action", mixinStandardHelpOptions = true, description = "Add an action item (a follow-up to do).")
    static final class Action extends Change {
        @Parameters(index = "1..*", arity = "1..*", paramLabel = "TEXT", description = "What to do.")
        List<String> text;

        @Option(names = "--owner", paramLabel = "USER", description = "Who owns it.")
        String owner;

        Action(CliContext context) {
            super(context);
        }

        @Override
        Incident apply(IncidentLifecycle lifecycle) {
            return lifecycle.actionItem(key, words(text), owner, by);
        }

        @Override
        String done() {
            return "action item added" + (owner == null ? "" : " for " + owner);
        }
    }

    @Command(name = "mitigate", mixinStandardHelpOptions = true, description = "The impact is stopped; the cause may remain.")
    static final class Mitigate extends Change {
        @Parameters(index = "1..*", arity = "0..*", paramLabel = "TEXT", description = "What stopped the impact.")
        List<String> text;

        Mitigate(CliContext context) {
            super(context);
        }

        @Override
        Incident apply(IncidentLifecycle lifecycle) {
            return lifecycle.mitigate(key, words(text), by);
        }

        @Override
        String done() {
            return "mitigated";
        }
    }

    @Command(name = "resolve", mixinStandardHelpOptions = true, description = "Resolve, saying what fixed it.")
    static final class Resolve extends Change {
        @Parameters(index = "1..*", arity = "1..*", paramLabel = "TEXT", description = "The resolution: what fixed it.")
        List<String> text;

        Resolve(CliContext context) {
            super(context);
        }

        @Override
        Incident apply(IncidentLifecycle lifecycle) {
            return lifecycle.resolve(key, words(text), by);
        }

        @Override
        String done() {
            return "resolved";
        }
    }

    @Command(name = "reopen", mixinStandardHelpOptions = true, description = "Reopen a resolved incident: the fix did not hold.")
    static final class Reopen extends Change {
        @Parameters(index = "1..*", arity = "0..*", paramLabel = "TEXT", description = "Why.")
        List<String> text;

        Reopen(CliContext context) {
            super(context);
        }

        @Override
        Incident apply(IncidentLifecycle lifecycle) {
            return lifecycle.reopen(key, words(text), by);
        }

        @Override
        String done() {
            return "reopened";
        }
    }

    @Command(name = "feedback", mixinStandardHelpOptions = true,
            description = "Say whether the classification was right; feedback is kept on the timeline for rule authors.")
    static final class Feedback extends Change {
        @Parameters(index = "1", paramLabel = "right|wrong", description = "Was the failure mode right?")
        String verdict;

        @Parameters(index = "2..*", arity = "0..*", paramLabel = "TEXT", description = "Comment.")
        List<String> text;

        @Option(names = "--mode", paramLabel = "MODE", description = "The failure mode it really was (with 'wrong').")
        String mode;

        Feedback(CliContext context) {
            super(context);
        }

        @Override
        Incident apply(IncidentLifecycle lifecycle) {
            boolean right = switch (verdict.toLowerCase(java.util.Locale.ROOT)) {
                case "right" -> true;
                case "wrong" -> false;
                default -> throw new UsageException("'" + verdict + "': say 'right' or 'wrong'");
            };
            if (mode != null && (right || FailureMode.fromId(mode).isEmpty())) {
                throw new UsageException(right ? "--mode goes with 'wrong'"
                        : "--mode: '" + mode + "' is not a failure mode; one of " + String.join(", ", FailureMode.ids()));
            }
            return lifecycle.feedback(key, right, mode, words(text), by);
        }

        @Override
        String done() {
            return "feedback recorded";
        }
    }
}
