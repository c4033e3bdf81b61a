package dev.dataopsbot.rules.entity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TriggerLinesTest {

    private final TriggerLines triggers = new TriggerLines(List.of("dag_id=", "dag", "task", "✅ ok"));

    @Test
    void every_trigger_is_found_on_every_line_it_occurs_on_once_per_line_in_text_order() {
        String text = "dag_id=a dag\nno match here\ntask task dag\n✅ ok done";
        int second = text.indexOf("task");
        int third = text.indexOf("✅");

        Map<String, List<Integer>> found = triggers.in(text);

        assertEquals(List.of(0), found.get("dag_id="));
        assertEquals(List.of(0, second), found.get("dag"));
        assertEquals(List.of(second), found.get("task"));
        assertEquals(List.of(third), found.get("✅ ok"), "a trigger that starts outside Latin-1");
        assertArrayEquals(new int[] {0, second}, TriggerLines.anyOf(found, List.of("task", "dag_id=")));
        assertArrayEquals(new int[0], TriggerLines.anyOf(found, List.of("model")));
    }
}
