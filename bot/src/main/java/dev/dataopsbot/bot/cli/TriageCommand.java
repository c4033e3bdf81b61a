package dev.dataopsbot.bot.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.dataopsbot.bot.config.BotConfig;
import dev.dataopsbot.bot.incident.IncidentKnowledge;
import dev.dataopsbot.bot.incident.PastIncidentSearch;
import dev.dataopsbot.bot.incident.TriageRecorder;
import dev.dataopsbot.bot.triage.BatchTriage;
import dev.dataopsbot.bot.triage.Triage;
import dev.dataopsbot.bot.triage.TriageJson;
import dev.dataopsbot.bot.triage.TriageService;
import dev.dataopsbot.bot.triage.TriageServiceFactory;
import dev.dataopsbot.bot.triage.TriageText;
import dev.dataopsbot.knowledge.incident.IncidentDatabase;
import dev.dataopsbot.knowledge.incident.StoreException;
import dev.dataopsbot.knowledge.similar.PastIncidentIndexException;
import dev.dataopsbot.rules.text.BoundedInput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code triage [FILE|-]}: classify one alert or log excerpt, or a JSON Lines batch. */
@Command(name = "triage", mixinStandardHelpOptions = true,
        description = {"Classify an alert or log excerpt: failure mode, confidence, severity, whether a re-run is safe, "
                + "who to tell, the evidence lines and the runbooks that fit.",
                "Reads FILE, or standard input when FILE is '-' or absent. Secrets and personal data are redacted before anything is printed."})
final class TriageCommand implements Callable<Integer> {

    private static final String SOURCE = "cli";

    private final CliContext context;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE|-", description = "Alert or log file; '-' or nothing for standard input.")
    String file;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Option(names = "--batch", description = "Input is JSON Lines of {\"id\": ..., \"text\": ...}; output is one JSON result per line, in order.")
    boolean batch;

    @Option(names = "--dry-run", description = "Classify and retrieve (similar past incidents too, when the data folder has some), record nothing.")
    boolean dryRun;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where the database and indexes live (env DATAOPS_DATA_DIR, default ./data).")
    Path dataDir;

    @Option(names = "--database-url", paramLabel = "URL",
            description = "The PostgreSQL incident store, postgresql://user:password@host:port/db (env DATAOPS_DATABASE_URL; "
                    + "default: SQLite in the data folder).")
    String databaseUrl;

    @Option(names = "--runbooks", paramLabel = "DIR", description = "Runbook folder instead of the bundled runbooks (env DATAOPS_RUNBOOKS_DIR).")
    Path runbooksDir;

    @Option(names = "--rules", paramLabel = "DIR", description = "Extra .drl rule files and .tsv error-code catalogues loaded beside the bundled ones (env DATAOPS_RULES_DIR).")
    Path rulesDir;

    @Option(names = "--routing", paramLabel = "FILE", description = "Routing file: who is told, dataset tiers, severity floors (env DATAOPS_ROUTING_FILE; see docs/routing.md).")
    Path routingFile;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads for --batch (default: number of CPUs).")
    Integer threads;

    TriageCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        BotConfig config = BotConfig.fromEnv(context.env()).withFlags(dataDir, runbooksDir, rulesDir)
                .withRoutingFlag(routingFile).withDatabaseUrlFlag(databaseUrl).validated();
        if (threads != null && threads < 1) {
            throw new UsageException("--threads must be at least 1");
        }
        try (InputStream in = open()) {
            // the database and the past-incident index open while the rule base builds: all three
            // are on the path of every call
            CompletableFuture<IncidentKnowledge> opening = CompletableFuture.supplyAsync(() -> openKnowledge(config));
            TriageService service = TriageServiceFactory.create(config, context.err()::println);
            try (IncidentKnowledge knowledge = join(opening)) {
                Function<String, Triage> triage = triageFor(service, knowledge);
                return batch ? batch(in, triage) : single(in, triage);
            }
        }
    }

    /**
     * The incident store, or null for a dry run on a folder without one. A dry run reads past
     * incidents when there are some but never fails for want of them.
     */
    private IncidentKnowledge openKnowledge(BotConfig config) {
        if (dryRun && config.databaseUrl().isEmpty() && !Files.exists(config.dataDir().resolve(IncidentDatabase.FILE_NAME))) {
            return null;
        }
        IncidentKnowledge knowledge;
        try {
            knowledge = IncidentKnowledge.open(config, 1, Clock.systemUTC());
            knowledge.announceIfCreated(context.err()::println);
        } catch (StoreException e) {
            if (!dryRun) {
                throw e;
            }
            context.err().println("triage: similar past incidents skipped: " + e.getMessage());
            return null;
        }
        try {
            knowledge.pastIncidents();
        } catch (PastIncidentIndexException e) {
            context.err().println("triage: similar past incidents skipped: " + e.getMessage());
        }
        return knowledge;
    }

    private Function<String, Triage> triageFor(TriageService service, IncidentKnowledge knowledge) {
        if (knowledge == null) {
            return text -> service.triage(SOURCE, text);
        }
        service.cases().teach(knowledge.teamCaseLibrary());
        TriageService withPast = service.withPastIncidents(new PastIncidentSearch(knowledge));
        if (dryRun) {
            return text -> withPast.triage(SOURCE, text);
        }
        TriageRecorder recorder = knowledge.recorder();
        return text -> recorder.record(withPast.triage(SOURCE, text), SOURCE, null, null);
    }

    private int single(InputStream in, Function<String, Triage> triage) throws IOException {
        Triage result = triage.apply(new BoundedInput().read(in));
        if (json) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            context.out().println(mapper.writeValueAsString(new TriageJson(mapper).render(result)));
        } else {
            context.out().print(new TriageText().render(result));
        }
        return ExitCode.OK;
    }

    private int batch(InputStream in, Function<String, Triage> triage) throws IOException {
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
        int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        ObjectMapper mapper = new ObjectMapper();
        BatchTriage.Summary summary = new BatchTriage(triage, new TriageJson(mapper), mapper, workers).run(reader, context.out());
        if (summary.errors() > 0) {
            context.err().println("triage: " + summary.errors() + " of " + summary.lines() + " lines had errors (see their \"error\" fields)");
        }
        return ExitCode.OK;
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    private InputStream open() throws IOException {
        if (file == null || file.equals("-")) {
            return context.in();
        }
        Path path = Path.of(file);
        if (!Files.exists(path)) {
            throw new UsageException("file '" + file + "' does not exist");
        }
        if (Files.isDirectory(path)) {
            throw new UsageException("'" + file + "' is a directory; pass a file with the alert text");
        }
        if (!Files.isReadable(path)) {
            throw new UsageException("file '" + file + "' is not readable");
        }
        return Files.newInputStream(path);
    }
}
