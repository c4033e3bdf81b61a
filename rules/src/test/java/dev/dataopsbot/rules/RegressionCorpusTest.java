package dev.dataopsbot.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two further labelled corpora (150 and 120 alerts from many systems, written independently of the
 * rules and first used to measure held-out accuracy: 86.0% and 85.0% on first contact). They
 * were used for tuning since, so they now guard against regressions: at least 95% each.
 */
class RegressionCorpusTest {

    @ParameterizedTest
    @ValueSource(strings = {"/corpora/corpus-2.jsonl", "/corpora/corpus-3.jsonl"})
    void corpus_accuracy_stays_at_or_above_95_percent(String resource) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<LabelledCorpus.Example> examples = new ArrayList<>();
        try (InputStream in = RegressionCorpusTest.class.getResourceAsStream(resource)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    JsonNode node = json.readTree(line);
                    examples.add(new LabelledCorpus.Example(node.get("id").asText(), node.get("label").asText(), node.get("text").asText()));
                }
            }
        }
        List<LabelledCorpus.Outcome> outcomes = LabelledCorpus.classifyAll(examples);
        String report = LabelledCorpus.report(outcomes);
        System.out.println("[" + resource + "] " + report);
        assertTrue(LabelledCorpus.accuracy(outcomes) >= 0.95, report);
    }
}
