package dev.dataopsbot.bot.cli;

import java.time.Clock;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.dataopsbot.bot.incident.IncidentKnowledge;
import dev.dataopsbot.knowledge.report.ReliabilityReport;
import dev.dataopsbot.knowledge.report.ReportBuilder;
import dev.dataopsbot.knowledge.report.ReportJson;
import dev.dataopsbot.knowledge.report.ReportText;
import dev.dataopsbot.knowledge.report.ReportWindow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code report [--since 7d|30d|DATE] [--json]}: the reliability review of a period. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"The reliability report of a period: incidents by failure mode with median and p90 time to "
                + "acknowledge and resolve, the noisiest alert fingerprints, open incidents, SEV1/SEV2 incidents."})
final class ReportCommand implements Callable<Integer> {

    private final CliContext context;

    @Mixin
    StoreOptions store;

    @Option(names = "--since", paramLabel = "WHEN", defaultValue = ReportWindow.DEFAULT_SPEC,
            description = "7d, 30d, any <n>d or <n>h, a UTC date (2026-11-01) or time (2026-11-01T09:30:00Z); default ${DEFAULT-VALUE}.")
    String since;

    @Option(names = "--json", description = "Print JSON (durations in seconds, times in UTC).")
    boolean json;

    ReportCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        ReportWindow window;
        try {
            window = ReportWindow.parse(since, Clock.systemUTC());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        try (IncidentKnowledge knowledge = store.openExisting(context)) {
            ReliabilityReport report = new ReportBuilder(knowledge.database()).build(window);
            if (json) {
                ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
                context.out().println(mapper.writeValueAsString(new ReportJson(mapper).render(report)));
            } else {
                context.out().print(new ReportText().render(report));
            }
            return ExitCode.OK;
        }
    }
}
