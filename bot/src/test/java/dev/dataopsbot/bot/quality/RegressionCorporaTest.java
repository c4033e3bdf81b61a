package dev.dataopsbot.bot.quality;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dataopsbot.bot.triage.CaseKnowledge;
import dev.dataopsbot.bot.triage.SimilarIncidentSearch;
import dev.dataopsbot.bot.triage.Triage;
import dev.dataopsbot.bot.triage.TriageService;
import dev.dataopsbot.knowledge.cases.CaseLibrary;
import dev.dataopsbot.knowledge.runbook.RunbookIndex;
import dev.dataopsbot.rules.FailureModeClassifier;
import dev.dataopsbot.rules.RuleBase;
import dev.dataopsbot.rules.text.AlertText;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The labelled corpora of the rules module (the 60 public samples, the scenarios, the regression
 * corpora) through the whole two-stage triage, bundled cases included: the cases must not cost
 * what the rules already got right.
 */
class RegressionCorporaTest {

    private static final Path RESOURCES = Path.of("../rules/src/test/resources");
    private static TriageService service;

    @BeforeAll
    static void build() {
        service = new TriageService(new AlertText(), new FailureModeClassifier(RuleBase.bundled()), RunbookIndex.bundled(),
                SimilarIncidentSearch.NONE, new CaseKnowledge(CaseLibrary.bundled()));
    }

    private static ClassificationMetrics run(List<String[]> labelled) {
        List<ClassificationMetrics.Outcome> outcomes = new ArrayList<>();
        for (String[] l : labelled) {
            Triage t = service.triage("test", l[2]);
            outcomes.add(new ClassificationMetrics.Outcome(l[0], "all", l[1], t.verdict().failureMode(), t.decidedBy() + " " + t.cases().confidence() + " " + t.cases().neighbours().stream().map(n -> n.labelledCase().mode() + ":" + n.similarity()).toList(),
                    t.verdict().confidence()));
        }
        return new ClassificationMetrics(outcomes);
    }

    private static List<String[]> jsonl(String resource) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String[]> out = new ArrayList<>();
        for (String line : Files.readAllLines(RESOURCES.resolve(resource))) {
            if (!line.isBlank()) {
                JsonNode n = json.readTree(line);
                out.add(new String[] {n.get("id").asText(), n.get("label").asText(), n.get("text").asText()});
            }
        }
        return out;
    }

    @Test
    void the_public_samples_stay_all_right() throws IOException {
        ClassificationMetrics m = run(jsonl("samples/triage-samples.jsonl"));
        System.out.println(m.report("public samples, two stages"));
        assertTrue(m.accuracy() == 1.0, m.misses().toString());
    }

    @Test
    void every_scenario_stays_right() throws IOException {
        List<String[]> scenarios = new ArrayList<>();
        try (Stream<Path> files = Files.walk(RESOURCES.resolve("scenarios"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                scenarios.add(new String[] {f.getParent().getFileName() + "/" + f.getFileName(),
                        f.getParent().getFileName().toString(), Files.readString(f)});
            }
        }
        ClassificationMetrics m = run(scenarios);
        System.out.println(m.report("scenarios, two stages"));
        assertTrue(m.accuracy() == 1.0, m.misses().toString());
    }

    @Test
    void the_regression_corpora_stay_at_or_above_95_percent() throws IOException {
        for (String corpus : List.of("corpora/corpus-2.jsonl", "corpora/corpus-3.jsonl")) {
            ClassificationMetrics m = run(jsonl(corpus));
            System.out.println(m.report(corpus + ", two stages"));
            m.misses().forEach(miss -> System.out.println("  miss " + miss));
            assertTrue(m.accuracy() >= 0.95, corpus + " " + m.misses());
        }
    }
}
