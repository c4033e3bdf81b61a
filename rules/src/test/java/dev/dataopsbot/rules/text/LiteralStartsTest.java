package dev.dataopsbot.rules.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class LiteralStartsTest {

    private final LiteralStarts literals = new LiteralStarts(List.of("dag", "dag_id=", "d", "✅ ok", "dag"));

    @Test
    void every_literal_that_starts_at_a_position_is_found_in_the_order_given_each_once() {
        List<String> found = new ArrayList<>();
        literals.forEachAt("x dag_id=1", 2, found::add);

        assertEquals(List.of("dag", "dag_id=", "d"), found);
        assertTrue(literals.anyAt("✅ ok", 0), "a literal that starts outside Latin-1");
        assertTrue(literals.anyAt("ad", 1), "a one-character literal at the end of the text");
        assertFalse(literals.anyAt("x dag", 0));
        assertFalse(literals.anyAt("✅ no", 0));
    }

    @Test
    void an_empty_literal_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> new LiteralStarts(List.of("a", "")));
    }
}
