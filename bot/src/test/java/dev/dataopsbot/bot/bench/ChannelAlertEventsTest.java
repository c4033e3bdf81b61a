package dev.dataopsbot.bot.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import dev.dataopsbot.bot.config.BotConfig;
import dev.dataopsbot.bot.triage.TriageService;
import dev.dataopsbot.bot.triage.TriageServiceFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The benchmark's channel alerts: each classifies as intended and is a new alert in its own thread. */
class ChannelAlertEventsTest {

    private static TriageService triage;

    @BeforeAll
    static void buildTheClassifierOnce() {
        triage = TriageServiceFactory.create(BotConfig.fromEnv(Map.of()), warning -> { });
    }

    @ParameterizedTest(name = "error line of alert {0}")
    @ValueSource(ints = {0, 8, 16, 24, 32, 40, 48, 56})
    void every_error_line_is_classified_as_the_generator_expects(int n) {
        assertEquals(ChannelAlertEvents.expectedFailureMode(n),
                triage.triage("Airflow", ChannelAlertEvents.text(n)).verdict().failureMode(), ChannelAlertEvents.text(n));
    }

    @Test
    void every_event_names_its_own_dag_and_thread_and_the_channels_take_turns() {
        ChannelAlertEvents events = new ChannelAlertEvents(List.of("CA", "CB"), "secret", 1_750_000_000L);
        Set<String> dags = new HashSet<>();
        Set<String> threads = new HashSet<>();
        IntStream.range(0, 2_000).forEach(n -> {
            dags.add(ChannelAlertEvents.text(n).lines().filter(line -> line.startsWith("*Dag*")).findFirst().orElseThrow());
            threads.add(events.ts(n));
        });
        assertEquals(2_000, dags.size());
        assertEquals(2_000, threads.size());
        assertEquals(List.of("CA", "CB", "CA"), List.of(events.channel(0), events.channel(1), events.channel(2)));
    }
}
