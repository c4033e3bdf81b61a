package dev.dataopsbot.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * In each failure-mode file every line rule starts with the same shared gate (so Drools
 * evaluates it once per line for the whole file) followed by the rule's own gate. The shared gate
 * must contain every word of every rule gate, or a rule silently stops firing.
 */
class SharedGateTest {

    private static final Pattern GATES = Pattern.compile(
            "\\$l : LogLine\\( hasAnyWord\\(([^)]*)\\),\\s+hasAnyWord\\(([^)]*)\\)");

    @Test
    void every_rule_gate_is_inside_its_file_shared_gate() throws IOException {
        for (String file : BundledRules.FILES) {
            String drl = Files.readString(Path.of("src/main/resources", RuleBase.BUNDLED_FOLDER, file));
            Matcher m = GATES.matcher(drl);
            Set<String> shared = null;
            while (m.find()) {
                Set<String> union = words(m.group(1));
                if (shared == null) {
                    shared = union;
                }
                assertEquals(shared, union, file + ": every rule must repeat the same shared gate");
                Set<String> missing = new HashSet<>(words(m.group(2)));
                missing.removeAll(union);
                assertTrue(missing.isEmpty(), file + ": words " + missing + " of a rule gate are missing from the shared gate");
            }
        }
    }

    private static Set<String> words(String arguments) {
        Set<String> words = new LinkedHashSet<>();
        Arrays.stream(arguments.split(",")).map(String::strip).map(w -> w.replace("\"", "")).forEach(words::add);
        return words;
    }
}
