package dev.dataopsbot.bot.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import dev.dataopsbot.bot.incident.IncidentKnowledge;
import dev.dataopsbot.knowledge.incident.IncidentHistory;
import dev.dataopsbot.knowledge.incident.IncidentKey;
import dev.dataopsbot.knowledge.similar.PastIncidentIndexException;
import dev.dataopsbot.knowledge.similar.SimilarIncident;
import dev.dataopsbot.knowledge.summary.PostIncidentSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code summary INC-n [--out FILE]}: the markdown post-incident summary, built from the timeline. */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = {"Write the markdown post-incident summary of an incident: impact, detection, root cause with "
                + "evidence, response timeline, resolution, metrics, action items, similar past incidents.",
                "The same timeline always gives the same summary. Prints it, or writes FILE with --out."})
final class SummaryCommand implements Callable<Integer> {

    static final int SIMILAR_LIMIT = 3;

    private final CliContext context;

    @Mixin
    StoreOptions store;

    @Parameters(index = "0", paramLabel = "INC-n", description = "Incident key, e.g. INC-12.")
    IncidentKey key;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the summary to FILE (replaced if it exists).")
    Path out;

    @Option(names = "--by", paramLabel = "USER", defaultValue = "cli", description = "Who generated it, for the timeline (default: ${DEFAULT-VALUE}).")
    String by;

    SummaryCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        if (out != null && Files.isDirectory(out)) {
            throw new UsageException("--out: '" + out + "' is a folder; give a file name, e.g. " + key + ".md");
        }
        try (IncidentKnowledge knowledge = store.openExisting(context)) {
            IncidentHistory history = knowledge.store().history(key);
            String markdown = new PostIncidentSummary().render(history, similar(knowledge, history));
            if (out == null) {
                context.out().print(markdown);
            } else {
                Path parent = out.toAbsolutePath().getParent();
                if (!Files.isDirectory(parent)) {
                    throw new UsageException("--out: the folder '" + parent + "' does not exist");
                }
                Files.writeString(out, markdown, StandardCharsets.UTF_8);
                context.out().println("wrote the summary of " + key + " to " + out);
            }
            knowledge.lifecycle().summaryGenerated(key, out == null ? "printed" : "written to " + out, by);
            return ExitCode.OK;
        }
    }

    /** Resolved incidents like this one, from its mode, system, title and evidence; empty if the index is unavailable. */
    private List<SimilarIncident> similar(IncidentKnowledge knowledge, IncidentHistory history) {
        try {
            return knowledge.similarTo(history, SIMILAR_LIMIT);
        } catch (PastIncidentIndexException e) {
            context.err().println("summary: similar past incidents left out: " + e.getMessage());
            return List.of();
        }
    }
}
