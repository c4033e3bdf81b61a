package dev.dataopsbot.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * The 60 labelled public examples of {@code shared/samples/triage-samples.jsonl} (a copy lives
 * in test resources so that a clean clone can run it): accuracy must stay at or above 90%.
 */
class SampleAccuracyTest {

    static List<LabelledCorpus.Example> samples() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<LabelledCorpus.Example> examples = new ArrayList<>();
        try (InputStream in = SampleAccuracyTest.class.getResourceAsStream("/samples/triage-samples.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    JsonNode node = json.readTree(line);
                    examples.add(new LabelledCorpus.Example(node.get("id").asText(), node.get("label").asText(),
                            node.get("text").asText()));
                }
            }
        }
        return examples;
    }

    @Test
    void labelled_samples_are_classified_with_at_least_90_percent_accuracy() throws IOException {
        List<LabelledCorpus.Outcome> outcomes = LabelledCorpus.classifyAll(samples());
        String report = LabelledCorpus.report(outcomes);
        System.out.println("[samples] " + report);
        assertTrue(LabelledCorpus.accuracy(outcomes) >= 0.90, report);
    }
}
