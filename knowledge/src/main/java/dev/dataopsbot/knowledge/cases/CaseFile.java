package dev.dataopsbot.knowledge.cases;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a case file: JSON Lines, one case per line, with {@code id}, {@code system},
 * {@code family}, {@code mode}, {@code text} and {@code source}. A bad line is reported with its
 * line number and skipped; the good lines are kept.
 */
public final class CaseFile {

    public static final int MAX_TEXT = 8_000;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,79}");
    private static final Pattern MODE = Pattern.compile("[a-z][a-z_]{1,40}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<LabelledCase> cases = new ArrayList<>();
    private final List<CaseProblem> problems = new ArrayList<>();

    private CaseFile() {
    }

    public List<LabelledCase> cases() {
        return List.copyOf(cases);
    }

    public List<CaseProblem> problems() {
        return List.copyOf(problems);
    }

    /**
     * @param file       the name used in problems
     * @param knownModes the taxonomy ids; empty accepts any lower_snake id (the build-time bundler
     *                   does not know the taxonomy, the bot checks again when it loads)
     * @param team       whether these are a team's cases
     */
    public static CaseFile parse(String file, String text, Set<String> knownModes, boolean team) {
        CaseFile result = new CaseFile();
        Set<String> ids = new HashSet<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int lineNo = i + 1;
            try {
                result.read(file, lineNo, JSON.readTree(line), knownModes, team, ids);
            } catch (JsonProcessingException e) {
                result.problems.add(new CaseProblem(file, lineNo, "not a JSON object: "
                        + e.getOriginalMessage().replaceAll("\\(.*", "").strip()));
            }
        }
        return result;
    }

    private void read(String file, int lineNo, JsonNode node, Set<String> knownModes, boolean team, Set<String> ids) {
        if (!node.isObject()) {
            problems.add(new CaseProblem(file, lineNo, "expected a JSON object"));
            return;
        }
        String id = text(node, "id");
        String mode = text(node, "mode");
        String caseText = text(node, "text");
        if (id.isEmpty() || mode.isEmpty() || caseText.isBlank()) {
            problems.add(new CaseProblem(file, lineNo, "a case needs \"id\", \"mode\" and \"text\""));
            return;
        }
        if (!ID.matcher(id).matches()) {
            problems.add(new CaseProblem(file, lineNo, "id must be letters, digits, '-', '_' or '.', at most 80"));
            return;
        }
        if (!ids.add(id)) {
            problems.add(new CaseProblem(file, lineNo, "id '" + id + "' is used twice"));
            return;
        }
        if (knownModes.isEmpty() ? !MODE.matcher(mode).matches() : !knownModes.contains(mode)) {
            problems.add(new CaseProblem(file, lineNo, "unknown failure mode '" + mode + "'"
                    + (knownModes.isEmpty() ? "" : " (known: " + String.join(", ", knownModes) + ")")));
            return;
        }
        if (caseText.length() > MAX_TEXT) {
            problems.add(new CaseProblem(file, lineNo, "text is " + caseText.length() + " characters; keep a case under "
                    + MAX_TEXT + " (the lines that show the failure)"));
            return;
        }
        String source = text(node, "source");
        if (!team && source.isEmpty()) {
            problems.add(new CaseProblem(file, lineNo, "a bundled case needs its \"source\" (where the message was seen)"));
            return;
        }
        cases.add(new LabelledCase(id, orDefault(text(node, "system"), "unknown"),
                orDefault(text(node, "family"), "unknown"), mode, caseText, source, team));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isTextual() ? "" : value.asText().strip();
    }

    private static String orDefault(String value, String fallback) {
        return value.isEmpty() ? fallback : value;
    }
}
