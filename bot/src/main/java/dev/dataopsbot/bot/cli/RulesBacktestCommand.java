package dev.dataopsbot.bot.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.dataopsbot.bot.backtest.AlertSource;
import dev.dataopsbot.bot.backtest.Backtest;
import dev.dataopsbot.bot.backtest.BacktestJson;
import dev.dataopsbot.bot.backtest.BacktestReport;
import dev.dataopsbot.bot.backtest.BacktestText;
import dev.dataopsbot.bot.backtest.CaseFileSource;
import dev.dataopsbot.bot.backtest.StoredAlertSource;
import dev.dataopsbot.bot.backtest.TerminalProgress;
import dev.dataopsbot.bot.config.BotConfig;
import dev.dataopsbot.bot.incident.IncidentKnowledge;
import dev.dataopsbot.bot.triage.AlertDecider;
import dev.dataopsbot.bot.triage.CaseKnowledge;
import dev.dataopsbot.knowledge.cases.CaseFile;
import dev.dataopsbot.knowledge.cases.CaseLibrary;
import dev.dataopsbot.knowledge.backtest.ClassifiedAlerts;
import dev.dataopsbot.knowledge.incident.IncidentDatabase;
import dev.dataopsbot.knowledge.report.ReportWindow;
import dev.dataopsbot.rules.FailureMode;
import dev.dataopsbot.rules.FailureModeClassifier;
import dev.dataopsbot.rules.RuleProblem;
import dev.dataopsbot.rules.RulePack;
import dev.dataopsbot.rules.text.AlertText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code rules backtest}: replays stored alerts, or a labelled case file, through a candidate rule
 * folder and the current knowledge, never posting or storing anything, and says what would change.
 */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = {"Replay stored alerts (or a labelled case file) through candidate rules and show what would change.",
                "Compares with the rules in force now when --rules is given, else with what was decided at the time.",
                "Exit 0; 1 when changes exceed --fail-on-change/--max-changes or the rules do not compile; 2 for bad usage."})
final class RulesBacktestCommand implements Callable<Integer> {

    private final CliContext context;

    @Mixin
    StoreOptions store;

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Candidate rule folder: a copy of the bundled one (rules export), or extra rules beside the bundled ones "
                    + "(default: the rules in force, DATAOPS_RULES_DIR or bundled).")
    Path rules;

    @Option(names = "--cases", paramLabel = "FILE.jsonl", description = "Replay a labelled case file (cases/*.jsonl format) instead of the store.")
    Path cases;

    @Option(names = "--since", paramLabel = "WHEN", description = "Only incidents detected since: 30d, <n>h, a UTC date or time (default: all).")
    String since;

    @Option(names = "--against", paramLabel = "recorded|current",
            description = "Compare with the decisions recorded at the time, or with the rules in force now "
                    + "(default: current with --rules or --cases, else recorded).")
    String against;

    @Option(names = "--fail-on-change", description = "Exit 1 when any alert's mode changes.")
    boolean failOnChange;

    @Option(names = "--max-changes", paramLabel = "N", description = "Exit 1 when more than N alerts change mode.")
    Integer maxChanges;

    @Option(names = "--threads", paramLabel = "N", description = "Replay threads (default: one per processor).")
    int threads;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    RulesBacktestCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        int limit = changeLimit();
        if (threads < 0) {
            throw new UsageException("--threads must be 1 or more, not " + threads);
        }
        boolean current = baselineIsCurrent();
        BotConfig config = store.config(context);
        RulePack candidate = rules != null ? pack(rules) : RulePack.of(config.rulesDir());
        List<RuleProblem> problems = candidate.problems();
        if (!problems.isEmpty()) {
            problems.forEach(context.err()::println);
            context.err().println(problems.size() + (problems.size() == 1 ? " problem in " : " problems in ")
                    + candidate.description()
                    + ": nothing was replayed; fix them ('rules check') and run the backtest again");
            return ExitCode.FAILURE;
        }
        Optional<RulePack> baseline = current ? Optional.of(RulePack.of(config.rulesDir())) : Optional.empty();
        FailureModeClassifier candidateRules = candidate.classifier();
        CaseKnowledge knowledge = new CaseKnowledge(CaseLibrary.bundled());
        Path database = config.dataDir().resolve(IncidentDatabase.FILE_NAME);
        // a case file needs no store, but the team's cases are part of the knowledge when there is one
        boolean hasStore = config.databaseUrl().isPresent() || Files.exists(database);
        IncidentKnowledge incidents = cases == null || hasStore ? store.openExisting(context) : null;
        try {
            if (incidents != null) {
                knowledge.teach(incidents.teamCaseLibrary());
            }
            AlertSource source = cases != null ? caseFile() : new StoredAlertSource(new ClassifiedAlerts(incidents.database()),
                    sinceInstant(), config.dataDir().toString());
            Backtest backtest = new Backtest(new AlertDecider(candidateRules),
                    baseline.map(pack -> new AlertDecider(pack.classifier())), knowledge,
                    threads > 0 ? threads : Runtime.getRuntime().availableProcessors());
            Backtest.Labels labels = new Backtest.Labels(
                    baseline.map(pack -> pack.description() + " now").orElse("the decisions recorded when each alert arrived"),
                    candidate.description(), candidate.hash(), baseline.map(RulePack::hash).orElse(null),
                    candidateRules.ruleNames());
            TerminalProgress progress = new TerminalProgress(context.err(), System.console() != null);
            BacktestReport report = backtest.run(source, labels, progress);
            progress.done();
            print(report);
            boolean tooMany = limit >= 0 && report.changed().size() > limit;
            if (tooMany) {
                context.err().println(report.changed().size() + " alerts change mode, more than the " + limit + " allowed");
            }
            return tooMany ? ExitCode.FAILURE : ExitCode.OK;
        } finally {
            if (incidents != null) {
                incidents.close();
            }
        }
    }

    private void print(BacktestReport report) throws IOException {
        if (json) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            context.out().println(mapper.writeValueAsString(new BacktestJson(mapper).render(report, cases != null)));
        } else {
            context.out().print(new BacktestText().render(report));
        }
    }

    /** -1 for no limit. */
    private int changeLimit() {
        if (failOnChange && maxChanges != null) {
            throw new UsageException("give --fail-on-change or --max-changes N, not both");
        }
        if (maxChanges != null && maxChanges < 0) {
            throw new UsageException("--max-changes must be 0 or more, not " + maxChanges);
        }
        return failOnChange ? 0 : maxChanges != null ? maxChanges : -1;
    }

    private boolean baselineIsCurrent() {
        if (against == null) {
            return rules != null || cases != null;
        }
        return switch (against) {
            case "current" -> true;
            case "recorded" -> {
                if (cases != null) {
                    throw new UsageException("a labelled case file has no recorded decisions: use --against current");
                }
                yield false;
            }
            default -> throw new UsageException("--against is 'recorded' or 'current', not '" + against + "'");
        };
    }

    private static RulePack pack(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new UsageException("'" + dir + "' is not a rule folder (a copy of the bundled rules: 'rules export DIR')");
        }
        return RulePack.fromFolder(dir);
    }

    private Instant sinceInstant() {
        if (since == null) {
            return null;
        }
        try {
            return ReportWindow.parse(since, Clock.systemUTC()).since();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private AlertSource caseFile() throws IOException {
        if (since != null) {
            throw new UsageException("--since applies to stored alerts, not to a case file");
        }
        if (!Files.isRegularFile(cases)) {
            throw new UsageException("case file '" + cases + "' does not exist or is not a file");
        }
        CaseFile file = CaseFile.parse(cases.toString(), Files.readString(cases, StandardCharsets.UTF_8),
                Set.copyOf(FailureMode.ids()), true);
        if (!file.problems().isEmpty()) {
            file.problems().forEach(context.err()::println);
            throw new UsageException(file.problems().size() + (file.problems().size() == 1 ? " problem in " : " problems in ")
                    + cases + ": each case is one JSON object "
                    + "per line with \"id\", \"mode\" and \"text\" as in cases/*.jsonl (CONTRIBUTING.md)");
        }
        return new CaseFileSource(cases.toString(), file.cases(), new AlertText());
    }
}
