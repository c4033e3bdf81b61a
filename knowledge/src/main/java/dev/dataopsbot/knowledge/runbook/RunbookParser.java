package dev.dataopsbot.knowledge.runbook;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Parses one runbook file: YAML front matter between {@code ---} lines, then markdown whose
 * {@code ## } headings are the sections. Every problem names its line; a file with errors
 * yields no runbook.
 */
public final class RunbookParser {

    public static final List<String> REQUIRED_SECTIONS = List.of("Symptoms", "Diagnostics", "Remediation", "Validation");
    public static final List<String> RECOMMENDED_SECTIONS = List.of("Escalation");
    private static final Set<String> SEVERITIES = Set.of("SEV1", "SEV2", "SEV3", "SEV4");
    private static final Set<String> RETRY_VALUES = Set.of("yes", "no", "after_fix");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");
    private static final Pattern KEY_LINE = Pattern.compile("^([A-Za-z_][\\w-]*)\\s*:");
    private static final Pattern HEADING = Pattern.compile("^##\\s+(.+?)\\s*#*\\s*$");

    private final YAMLMapper yaml = new YAMLMapper();

    /** The runbook when the file is valid, and every problem found (warnings even when valid). */
    public record Result(Optional<Runbook> runbook, List<RunbookProblem> problems) {
    }

    public Result parse(String file, String content) {
        List<RunbookProblem> problems = new ArrayList<>();
        String[] lines = content.replace("\r\n", "\n").split("\n", -1);
        if (lines.length == 0 || !lines[0].strip().equals("---")) {
            problems.add(RunbookProblem.error(file, 1, "missing front matter: the file must start with a '---' line, then YAML, then '---'"));
            return new Result(Optional.empty(), problems);
        }
        int close = -1;
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].strip().equals("---")) {
                close = i;
                break;
            }
        }
        if (close < 0) {
            problems.add(RunbookProblem.error(file, 1, "front matter is not closed: add a '---' line after the YAML"));
            return new Result(Optional.empty(), problems);
        }
        StringBuilder yamlText = new StringBuilder();
        Map<String, Integer> keyLines = new HashMap<>();
        for (int i = 1; i < close; i++) {
            yamlText.append(lines[i]).append('\n');
            Matcher key = KEY_LINE.matcher(lines[i]);
            if (key.find()) {
                keyLines.putIfAbsent(key.group(1), i + 1);
            }
        }
        JsonNode front;
        try {
            front = yaml.readTree(yamlText.toString());
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 2 : e.getLocation().getLineNr() + 1;
            problems.add(RunbookProblem.error(file, line, "front matter is not valid YAML: " + e.getOriginalMessage().replaceAll("\\s+", " ").strip()));
            return new Result(Optional.empty(), problems);
        }
        if (front == null || !front.isObject()) {
            problems.add(RunbookProblem.error(file, 2, "front matter must be a YAML mapping of keys (id, title, failure_modes, ...)"));
            return new Result(Optional.empty(), problems);
        }
        FrontMatter fm = new FrontMatter(file, front, keyLines, problems);
        String id = fm.requiredString("id");
        String title = fm.requiredString("title");
        List<String> modes = fm.list("failure_modes", true);
        List<String> appliesTo = fm.list("applies_to", false);
        String severity = fm.optionalString("severity", "");
        String safeToRetry = fm.optionalString("safe_to_retry", "");
        String owner = fm.optionalString("owner", "");
        List<String> tags = fm.list("tags", false);

        if (id != null && !ID.matcher(id).matches()) {
            problems.add(RunbookProblem.error(file, fm.line("id"), "id '" + id + "' must be lower-case letters, digits and dashes"));
        }
        if (!severity.isEmpty() && !SEVERITIES.contains(severity)) {
            problems.add(RunbookProblem.error(file, fm.line("severity"), "severity '" + severity + "' must be one of SEV1, SEV2, SEV3, SEV4"));
        }
        if (!safeToRetry.isEmpty() && !RETRY_VALUES.contains(safeToRetry)) {
            problems.add(RunbookProblem.error(file, fm.line("safe_to_retry"), "safe_to_retry '" + safeToRetry + "' must be one of yes, no, after_fix"));
        }

        Map<String, String> sections = sections(lines, close + 1);
        for (String required : REQUIRED_SECTIONS) {
            if (!sections.containsKey(required)) {
                problems.add(RunbookProblem.error(file, close + 2, "missing required section '## " + required + "'"));
            } else if (sections.get(required).isBlank()) {
                problems.add(RunbookProblem.error(file, close + 2, "section '## " + required + "' is empty"));
            }
        }
        for (String recommended : RECOMMENDED_SECTIONS) {
            if (!sections.containsKey(recommended)) {
                problems.add(RunbookProblem.warning(file, close + 2, "recommended section '## " + recommended + "' is missing"));
            }
        }
        if (problems.stream().anyMatch(RunbookProblem::isError)) {
            return new Result(Optional.empty(), problems);
        }
        return new Result(Optional.of(new Runbook(id, title, modes, appliesTo.isEmpty() ? List.of("generic") : appliesTo,
                severity, safeToRetry, owner, tags, file, fm.line("failure_modes"), sections)), problems);
    }

    private static Map<String, String> sections(String[] lines, int from) {
        Map<String, String> sections = new LinkedHashMap<>();
        String current = null;
        StringBuilder text = new StringBuilder();
        for (int i = from; i < lines.length; i++) {
            Matcher heading = HEADING.matcher(lines[i]);
            if (heading.matches()) {
                if (current != null) {
                    sections.put(current, text.toString().strip());
                }
                current = heading.group(1).strip();
                text.setLength(0);
            } else if (current != null) {
                text.append(lines[i]).append('\n');
            }
        }
        if (current != null) {
            sections.put(current, text.toString().strip());
        }
        return sections;
    }

    /** Typed access to front-matter keys that records a located problem for each bad value. */
    private static final class FrontMatter {
        private final String file;
        private final JsonNode node;
        private final Map<String, Integer> keyLines;
        private final List<RunbookProblem> problems;

        FrontMatter(String file, JsonNode node, Map<String, Integer> keyLines, List<RunbookProblem> problems) {
            this.file = file;
            this.node = node;
            this.keyLines = keyLines;
            this.problems = problems;
        }

        int line(String key) {
            return keyLines.getOrDefault(key, 2);
        }

        String requiredString(String key) {
            JsonNode value = node.get(key);
            if (value == null || value.isNull() || scalar(value).isBlank()) {
                problems.add(RunbookProblem.error(file, line(key), "missing required key '" + key + "'"));
                return null;
            }
            if (!value.isValueNode()) {
                problems.add(RunbookProblem.error(file, line(key), "'" + key + "' must be a single value"));
                return null;
            }
            return scalar(value);
        }

        String optionalString(String key, String fallback) {
            JsonNode value = node.get(key);
            if (value == null || value.isNull()) {
                return fallback;
            }
            if (!value.isValueNode()) {
                problems.add(RunbookProblem.error(file, line(key), "'" + key + "' must be a single value"));
                return fallback;
            }
            return scalar(value);
        }

        List<String> list(String key, boolean required) {
            JsonNode value = node.get(key);
            if (value == null || value.isNull()) {
                if (required) {
                    problems.add(RunbookProblem.error(file, line(key), "missing required key '" + key + "' (a list such as [credential_expiry])"));
                }
                return List.of();
            }
            List<String> items = new ArrayList<>();
            if (value.isArray()) {
                value.forEach(item -> items.add(scalar(item)));
            } else if (value.isValueNode()) {
                items.add(scalar(value));
            } else {
                problems.add(RunbookProblem.error(file, line(key), "'" + key + "' must be a list"));
            }
            if (required && items.isEmpty()) {
                problems.add(RunbookProblem.error(file, line(key), "'" + key + "' must not be empty"));
            }
            return items;
        }

        /** YAML 1.1 reads unquoted yes/no as booleans; runbooks mean the words. */
        private static String scalar(JsonNode value) {
            if (value.isBoolean()) {
                return value.booleanValue() ? "yes" : "no";
            }
            return value.asText().strip();
        }
    }
}
