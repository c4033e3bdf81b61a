package dev.dataopsbot.bot.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dataopsbot.knowledge.cases.CaseFile;
import dev.dataopsbot.knowledge.cases.CaseProblem;
import dev.dataopsbot.knowledge.cases.LabelledCase;
import dev.dataopsbot.knowledge.incident.TeamCase;
import dev.dataopsbot.knowledge.incident.TeamCases;
import dev.dataopsbot.rules.FailureMode;

/**
 * {@code cases import}: a JSON Lines file of cases into the team's cases. Only {@code mode} and
 * {@code text} are required; a line's {@code id} and {@code source} are kept as the note, never
 * used for identity, so files from several places (or two exports) can be concatenated. The case
 * file rules ({@link CaseFile}) and the taxonomy judge each line; text is redacted before it is
 * stored, and a case whose mode and redacted text the team already has is not added again.
 */
final class TeamCaseImport {

    /** What one import did; {@code problems} are the skipped invalid lines, in line order. */
    record Result(int imported, int present, List<CaseProblem> problems) {

        String summary() {
            int skipped = present + problems.size();
            List<String> why = new ArrayList<>();
            if (present > 0) {
                why.add(present + " already present");
            }
            if (!problems.isEmpty()) {
                why.add(problems.size() + " invalid");
            }
            return "imported " + imported + (imported == 1 ? " case" : " cases") + " (" + skipped + " skipped"
                    + (why.isEmpty() ? "" : ": " + String.join(", ", why)) + ")";
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_NOTE_CHARS = 300;
    private static final String SYNTHETIC_ID = "line-";

    private final TeamCases cases;
    private final UnaryOperator<String> redact;
    private final String by;

    TeamCaseImport(TeamCases cases, UnaryOperator<String> redact, String by) {
        this.cases = cases;
        this.redact = redact;
        this.by = redact.apply(by.strip());
    }

    Result run(String file, String text) {
        List<CaseProblem> problems = new ArrayList<>();
        Map<Integer, String> notes = new HashMap<>();
        String checked = prepare(file, text, problems, notes);
        CaseFile parsed = CaseFile.parse(file, checked, new LinkedHashSet<>(FailureMode.ids()), true);
        problems.addAll(parsed.problems());
        problems.sort(Comparator.comparingInt(CaseProblem::line));

        Set<String> known = new HashSet<>();
        cases.list().forEach(c -> known.add(identity(c.mode(), c.text())));
        int imported = 0;
        int present = 0;
        for (LabelledCase c : parsed.cases()) {
            String redacted = redact.apply(c.text());
            if (known.contains(identity(c.mode(), redacted)) || known.contains(identity(c.mode(), c.text()))) {
                present++;
                continue;
            }
            int line = Integer.parseInt(c.id().substring(SYNTHETIC_ID.length()));
            TeamCase stored = cases.importCase(c.mode(), redact.apply(c.system()), redacted, by,
                    redact.apply(notes.get(line)));
            known.add(identity(c.mode(), redacted));
            known.add(identity(stored.mode(), stored.text()));
            imported++;
        }
        return new Result(imported, present, List.copyOf(problems));
    }

    /**
     * The file as {@link CaseFile} should judge it: each object line gets a synthetic id (its
     * line number, so the stored case can be traced back to its line) and {@code system} "team"
     * when it has none; a line without mode or text is reported here, in words that do not ask
     * for an id. Lines that are not JSON objects pass through for CaseFile to report.
     */
    private static String prepare(String file, String text, List<CaseProblem> problems, Map<Integer, String> notes) {
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            out.append(i == 0 ? "" : "\n").append(prepareLine(file, lineNo, lines[i].strip(), problems, notes));
        }
        return out.toString();
    }

    private static String prepareLine(String file, int lineNo, String line, List<CaseProblem> problems,
                                      Map<Integer, String> notes) {
        if (line.isEmpty()) {
            return line;
        }
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return line;
        }
        if (!(node instanceof ObjectNode object)) {
            return line;
        }
        List<String> missing = new ArrayList<>();
        if (field(object, "mode").isEmpty()) {
            missing.add("\"mode\"");
        }
        if (field(object, "text").isBlank()) {
            missing.add("\"text\"");
        }
        if (!missing.isEmpty()) {
            problems.add(new CaseProblem(file, lineNo, "a case needs \"mode\" and \"text\"; this one has no "
                    + String.join(" and no ", missing)));
            return "";
        }
        notes.put(lineNo, note(field(object, "id"), field(object, "source")));
        object.put("id", SYNTHETIC_ID + lineNo);
        if (field(object, "system").isEmpty()) {
            object.put("system", TeamCaseJson.FAMILY);
        }
        return object.toString();
    }

    private static String note(String id, String source) {
        String note = id.isEmpty() || source.isEmpty() ? id + source : id + ": " + source;
        return note.length() > MAX_NOTE_CHARS ? note.substring(0, MAX_NOTE_CHARS - 1) + "…" : note;
    }

    private static String field(ObjectNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || !value.isTextual() ? "" : value.asText().strip();
    }

    /** Two cases are the same case when they teach the same mode with the same text. */
    private static String identity(String mode, String text) {
        return mode + "\u0000" + text.strip();
    }
}
