package dev.dataopsbot.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Golden scenarios as data: {@code scenarios/<mode>/*.txt} holds alert text whose expected
 * failure mode is the folder name; {@code hard-*} files carry misleading keywords, noise or a
 * cause deep in a traceback. Every scenario must be classified as labelled.
 */
class ScenarioTest {

    static List<LabelledCorpus.Example> scenarios() throws IOException, URISyntaxException {
        Path root = Path.of(ScenarioTest.class.getResource("/scenarios").toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".txt")).sorted().map(p -> {
                try {
                    return new LabelledCorpus.Example(root.relativize(p).toString(), p.getParent().getFileName().toString(),
                            Files.readString(p, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }

    @Test
    void every_mode_has_at_least_eight_scenarios_half_of_them_hard() throws Exception {
        Map<String, List<LabelledCorpus.Example>> byMode = scenarios().stream()
                .collect(Collectors.groupingBy(LabelledCorpus.Example::label));
        for (String mode : FailureMode.ids()) {
            List<LabelledCorpus.Example> examples = byMode.getOrDefault(mode, List.of());
            long hard = examples.stream().filter(e -> Path.of(e.id()).getFileName().toString().startsWith("hard-")).count();
            assertTrue(examples.size() >= 8, mode + " has " + examples.size() + " scenarios, needs 8");
            assertTrue(hard >= examples.size() / 2, mode + " has " + hard + " hard scenarios of " + examples.size());
        }
    }

    @Test
    void every_scenario_is_classified_as_labelled() throws Exception {
        List<LabelledCorpus.Outcome> outcomes = LabelledCorpus.classifyAll(scenarios());
        String report = LabelledCorpus.report(outcomes);
        System.out.println("[scenarios] " + report);
        assertEquals(1.0, LabelledCorpus.accuracy(outcomes), report);
    }
}
