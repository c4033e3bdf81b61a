package dev.dataopsbot.rules.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

class TextLabelsTest {

    @Test
    void name_value_lines_are_labels_and_the_first_of_a_name_wins() {
        String alert = """
                Snowflake load failed
                team: finance
                  tier : 1\s
                team: platform
                ERROR: token expired
                http://example.com: not a label
                """;
        assertEquals(Map.of("team", "finance", "tier", "1"), new TextLabels().of(alert));
    }
}
