package dev.dataopsbot.bot.cli;

import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.dataopsbot.bot.incident.IncidentJson;
import dev.dataopsbot.bot.incident.IncidentKnowledge;
import dev.dataopsbot.bot.incident.IncidentText;
import dev.dataopsbot.knowledge.incident.Incident;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code incidents [--open] [--json]}: the recorded incidents, newest first. */
@Command(name = "incidents", mixinStandardHelpOptions = true,
        description = "List recorded incidents, newest first: key, status, severity, alert count, detection time, title.")
final class IncidentsCommand implements Callable<Integer> {

    private final CliContext context;

    @Mixin
    StoreOptions store;

    @Option(names = "--open", description = "Only incidents not resolved yet.")
    boolean open;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most N incidents (default ${DEFAULT-VALUE}).")
    int limit;

    IncidentsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        if (limit < 1) {
            throw new UsageException("--limit must be at least 1");
        }
        try (IncidentKnowledge knowledge = store.openExisting(context)) {
            List<Incident> incidents = knowledge.store().list(open, limit);
            if (json) {
                ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
                context.out().println(mapper.writeValueAsString(new IncidentJson(mapper).list(incidents)));
            } else {
                context.out().print(new IncidentText().list(incidents));
            }
            return ExitCode.OK;
        }
    }
}
