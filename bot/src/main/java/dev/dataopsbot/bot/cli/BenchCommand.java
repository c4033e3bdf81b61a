package dev.dataopsbot.bot.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dataopsbot.bot.triage.BatchTriage;
import dev.dataopsbot.bot.triage.TriageJson;
import dev.dataopsbot.bot.triage.SimilarIncidentSearch;
import dev.dataopsbot.bot.triage.CaseKnowledge;
import dev.dataopsbot.bot.triage.TriageService;
import dev.dataopsbot.knowledge.runbook.Runbook;
import dev.dataopsbot.knowledge.cases.CaseLibrary;
import dev.dataopsbot.knowledge.runbook.RunbookIndex;
import dev.dataopsbot.knowledge.runbook.RunbookLibrary;
import dev.dataopsbot.rules.FailureModeClassifier;
import dev.dataopsbot.rules.RuleBase;
import dev.dataopsbot.rules.text.AlertText;
import org.kie.api.KieBase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bench ALERTS.jsonl}: the in-process half of the benchmark (see README, "Benchmarks").
 * Rule base load and compile times, runbook index build times, warm classify+retrieve latency
 * percentiles and heap after warm-up. Batch throughput and cold start are timed from outside by
 * {@code bench/run.sh}, because they are about the whole process.
 */
@Command(name = "bench", hidden = true, mixinStandardHelpOptions = true,
        description = "Measure rule-base build, index build and warm triage latency over a JSON Lines file of alerts.")
final class BenchCommand implements Callable<Integer> {

    private static final int BATCH_ALERTS = 10_000;
    /**
     * Passes after which latency is measured a first time: the JIT has compiled the hot paths
     * once by then, but not yet re-optimised them (C2 recompiles for tens of seconds on 2 cores).
     */
    private static final int SHORT_WARMUP = 30;

    private final CliContext context;

    @Parameters(paramLabel = "ALERTS.jsonl", description = "JSON Lines with a \"text\" field per alert.")
    Path alerts;

    @Option(names = "--rounds", description = "Measured passes over the alerts (default ${DEFAULT-VALUE}).", defaultValue = "50")
    int rounds;

    @Option(names = "--warmup", description = "Unmeasured passes before the warm measurement (default ${DEFAULT-VALUE}; "
            + "a first measurement is taken after " + SHORT_WARMUP + ").", defaultValue = "200")
    int warmup;

    @Option(names = "--synthetic-runbooks", description = "Runbooks in the index-build test (default ${DEFAULT-VALUE}).", defaultValue = "500")
    int syntheticRunbooks;

    BenchCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(alerts)) {
            throw new UsageException("'" + alerts + "' is not a file of JSON Lines alerts");
        }
        List<String> texts = readTexts(alerts);

        long t = System.nanoTime();
        KieBase kieBase = RuleBase.bundled();
        double modelMs = millisSince(t);
        t = System.nanoTime();
        int drlProblems = RuleBase.checkBundled().size();
        double drlMs = millisSince(t);

        t = System.nanoTime();
        RunbookIndex index = RunbookIndex.bundled();
        double indexMs = millisSince(t);
        RunbookLibrary library = RunbookLibrary.bundled();
        List<Runbook> synthetic = synthetic(library.runbooks(), syntheticRunbooks);
        t = System.nanoTime();
        try (RunbookIndex big = RunbookIndex.build(synthetic)) {
            big.size();
        }
        double bigIndexMs = millisSince(t);

        t = System.nanoTime();
        CaseKnowledge cases = new CaseKnowledge(CaseLibrary.bundled());
        double caseLibraryMs = millisSince(t);
        TriageService service = new TriageService(new AlertText(), new FailureModeClassifier(kieBase), index,
                SimilarIncidentSearch.NONE, cases);
        int shortWarmup = Math.min(SHORT_WARMUP, warmup);
        warm(service, texts, shortWarmup);
        Latency early = measure(service, texts, rounds);
        warm(service, texts, warmup - shortWarmup);
        Latency warmed = measure(service, texts, rounds);
        double batchRate = warmBatchRate(service, texts);
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long heapMiB = (runtime.totalMemory() - runtime.freeMemory()) >> 20;

        var out = context.out();
        out.printf(Locale.ROOT, "rule base from precompiled executable model: %.0f ms%n", modelMs);
        out.printf(Locale.ROOT, "rule base compiled from DRL at run time (what --rules pays): %.0f ms (%d problems)%n", drlMs, drlProblems);
        out.printf(Locale.ROOT, "runbook index, %d bundled runbooks, prebuilt, loaded: %.0f ms%n", index.size(), indexMs);
        out.printf(Locale.ROOT, "runbook index, %d runbooks parsed earlier, built in memory: %.0f ms%n", synthetic.size(), bigIndexMs);
        out.printf(Locale.ROOT, "case library, %d bundled cases, prebuilt, loaded: %.0f ms%n", cases.bundledCount(), caseLibraryMs);
        out.printf(Locale.ROOT, "classify+retrieve over %d alerts x %d rounds (1 thread) after %d rounds of warm-up: %s%n",
                texts.size(), rounds, shortWarmup, early);
        out.printf(Locale.ROOT, "warm classify+retrieve over %d alerts x %d rounds (1 thread) after %d rounds of warm-up: %s%n",
                texts.size(), rounds, warmup, warmed);
        out.printf(Locale.ROOT, "warm batch (triage --batch code path, %d alerts, %d threads): %.0f alerts/s%n",
                BATCH_ALERTS, threads(), batchRate);
        out.printf(Locale.ROOT, "heap in use after warm-up and GC: %d MiB%n", heapMiB);
        return ExitCode.OK;
    }

    private static void warm(TriageService service, List<String> texts, int passes) {
        for (int i = 0; i < passes; i++) {
            texts.forEach(text -> service.triage("bench", text));
        }
    }

    private static Latency measure(TriageService service, List<String> texts, int rounds) {
        long[] nanos = new long[texts.size() * rounds];
        int n = 0;
        long wall = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            for (String text : texts) {
                long start = System.nanoTime();
                service.triage("bench", text);
                nanos[n++] = System.nanoTime() - start;
            }
        }
        double wallSeconds = (System.nanoTime() - wall) / 1e9;
        Arrays.sort(nanos);
        return new Latency(pct(nanos, 50), pct(nanos, 90), pct(nanos, 99), nanos[nanos.length - 1] / 1e6,
                nanos.length / wallSeconds);
    }

    /** Per-alert latency percentiles in milliseconds, and the rate. */
    private record Latency(double p50, double p90, double p99, double max, double perSecond) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms, %.0f alerts/s",
                    p50, p90, p99, max, perSecond);
        }
    }

    /**
     * Throughput of the batch code path (JSON in, JSON out, worker pool) once the JIT has warmed
     * up: the whole-process figure of {@code bench/run.sh} includes JVM start and warm-up.
     */
    private static double warmBatchRate(TriageService service, List<String> texts) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        StringBuilder input = new StringBuilder();
        for (int i = 0; i < BATCH_ALERTS; i++) {
            input.append(mapper.writeValueAsString(java.util.Map.of("id", i, "text", texts.get(i % texts.size())))).append('\n');
        }
        BatchTriage batch = new BatchTriage(text -> service.triage("batch", text), new TriageJson(mapper), mapper, threads());
        java.io.PrintStream sink = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
        long start = System.nanoTime();
        batch.run(new java.io.StringReader(input.toString()), sink);
        return BATCH_ALERTS / ((System.nanoTime() - start) / 1e9);
    }

    private static int threads() {
        return Runtime.getRuntime().availableProcessors();
    }

    private static List<String> readTexts(Path file) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<String> texts = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                JsonNode node = mapper.readTree(line);
                if (node.hasNonNull("text")) {
                    texts.add(node.get("text").asText());
                }
            }
        }
        if (texts.isEmpty()) {
            throw new UsageException("no alerts with a \"text\" field in the file");
        }
        return texts;
    }

    private static List<Runbook> synthetic(List<Runbook> source, int count) {
        List<Runbook> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Runbook r = source.get(i % source.size());
            out.add(new Runbook(r.id() + "-" + i, r.title() + " " + i, r.failureModes(), r.appliesTo(), r.severity(),
                    r.safeToRetry(), r.owner(), r.tags(), r.path(), r.failureModesLine(), r.sections()));
        }
        return out;
    }

    private static double millisSince(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static double pct(long[] sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
