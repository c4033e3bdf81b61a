package dev.dataopsbot.rules.catalogue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import dev.dataopsbot.rules.FailureMode;
import dev.dataopsbot.rules.RuleProblem;

/**
 * Reads one catalogue file (header comments, then {@code code TAB mode TAB retry TAB weight TAB
 * meaning [TAB retry reason]} lines). A bad entry is reported with its line and skipped, so one typo does not take
 * the rest of the catalogue down; a bad header (no source, unknown match kind, a regex that does
 * not compile) makes the whole file unusable.
 */
final class CatalogueParser {

    static final Set<String> RETRY = Set.of("yes", "no", "after_fix", "-");
    static final double MIN_WEIGHT = 0.30;
    static final double MAX_WEIGHT = 0.95;
    static final int MAX_RETRY_REASON = 160;
    private static final Set<String> HEADER_KEYS =
            Set.of("catalogue", "title", "system", "source", "licence", "match", "pattern", "context", "requires");
    private static final Pattern HEADER = Pattern.compile("#\\s*([a-z]+)\\s*:\\s*(.*)");

    private final List<RuleProblem> problems = new ArrayList<>();

    /** Problems found by the last {@link #parse}. */
    List<RuleProblem> problems() {
        return List.copyOf(problems);
    }

    /** The catalogue, or empty when its header makes it unusable (see {@link #problems()}). */
    Optional<CodeCatalogue> parse(String file, String name, String text) {
        problems.clear();
        Map<String, List<String>> header = new LinkedHashMap<>();
        List<CatalogueEntry> entries = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("#")) {
                var m = HEADER.matcher(line);
                if (m.matches() && HEADER_KEYS.contains(m.group(1))) {
                    header.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(m.group(2).strip());
                }
                continue;
            }
            entry(file, lineNo, line).ifPresent(entry -> {
                if (codes.add(entry.code())) {
                    entries.add(entry);
                } else {
                    problems.add(new RuleProblem(file, lineNo, "code '" + entry.code() + "' is listed twice; keep one entry"));
                }
            });
        }
        return build(file, name, header, entries);
    }

    private Optional<CatalogueEntry> entry(String file, int lineNo, String line) {
        String[] f = line.split("\t", -1);
        if (f.length != 5 && f.length != 6) {
            problems.add(new RuleProblem(file, lineNo, "expected 5 tab-separated columns (code, mode, retry, weight, meaning)"
                    + " and an optional sixth (retry reason), found " + f.length));
            return Optional.empty();
        }
        String code = f[0].strip();
        String mode = f[1].strip();
        String retry = f[2].strip();
        if (code.isEmpty() || code.equals("*")) {
            problems.add(new RuleProblem(file, lineNo, "empty code"));
            return Optional.empty();
        }
        if (FailureMode.fromId(mode).isEmpty()) {
            problems.add(new RuleProblem(file, lineNo, "unknown failure mode '" + mode + "' (known: " + String.join(", ", FailureMode.ids()) + ")"));
            return Optional.empty();
        }
        if (!RETRY.contains(retry)) {
            problems.add(new RuleProblem(file, lineNo, "retry must be yes, no, after_fix or -, not '" + retry + "'"));
            return Optional.empty();
        }
        double weight;
        try {
            weight = Double.parseDouble(f[3].strip());
        } catch (NumberFormatException e) {
            problems.add(new RuleProblem(file, lineNo, "weight '" + f[3].strip() + "' is not a number"));
            return Optional.empty();
        }
        if (!(weight >= MIN_WEIGHT && weight <= MAX_WEIGHT)) {
            problems.add(new RuleProblem(file, lineNo, "weight " + f[3].strip() + " is outside " + MIN_WEIGHT + "-" + MAX_WEIGHT));
            return Optional.empty();
        }
        String reason = f.length == 6 ? f[5].strip() : "";
        if (f.length == 6 && reason.isEmpty()) {
            problems.add(new RuleProblem(file, lineNo, "the sixth column (retry reason) is empty; give a reason or drop the column"));
            return Optional.empty();
        }
        if (!reason.isEmpty() && retry.equals("-")) {
            problems.add(new RuleProblem(file, lineNo, "a retry reason needs retry yes, no or after_fix, not '-' (the mode's"
                    + " default keeps the mode's reason)"));
            return Optional.empty();
        }
        if (reason.length() > MAX_RETRY_REASON) {
            problems.add(new RuleProblem(file, lineNo, "retry reason is " + reason.length() + " characters; keep it under "
                    + MAX_RETRY_REASON + " (it follows \"Safe to re-run: no — \")"));
            return Optional.empty();
        }
        return Optional.of(new CatalogueEntry(code, mode, retry, weight, f[4].strip(), reason, lineNo));
    }

    private Optional<CodeCatalogue> build(String file, String name, Map<String, List<String>> header,
                                          List<CatalogueEntry> entries) {
        List<String> missing = new ArrayList<>();
        for (String key : List.of("catalogue", "title", "system", "source", "licence", "match")) {
            if (!header.containsKey(key) || header.get(key).get(0).isBlank()) {
                missing.add(key);
            }
        }
        if (!missing.isEmpty()) {
            problems.add(new RuleProblem(file, 1, "header lacks '# " + String.join(":', '# ", missing)
                    + ":' (every catalogue names its source and licence)"));
            return Optional.empty();
        }
        if (!header.get("catalogue").get(0).equals(name)) {
            problems.add(new RuleProblem(file, 1, "'# catalogue: " + header.get("catalogue").get(0)
                    + "' differs from the file name; call it '" + name + "'"));
            return Optional.empty();
        }
        Optional<MatchKind> kind = MatchKind.fromId(header.get("match").get(0));
        if (kind.isEmpty()) {
            problems.add(new RuleProblem(file, 1, "'# match:' must be token, pattern or words"));
            return Optional.empty();
        }
        Pattern pattern = null;
        Pattern context = null;
        try {
            if (kind.get() == MatchKind.PATTERN) {
                if (!header.containsKey("pattern")) {
                    problems.add(new RuleProblem(file, 1, "a pattern catalogue needs '# pattern:' with a capture group for the code"));
                    return Optional.empty();
                }
                pattern = Pattern.compile(header.get("pattern").get(0));
                if (pattern.matcher("").groupCount() < 1) {
                    problems.add(new RuleProblem(file, 1, "'# pattern:' has no capture group for the code"));
                    return Optional.empty();
                }
            }
            if (header.containsKey("context")) {
                context = Pattern.compile(header.get("context").get(0), Pattern.CASE_INSENSITIVE);
            }
        } catch (PatternSyntaxException e) {
            problems.add(new RuleProblem(file, 1, "regex does not compile: " + e.getDescription()));
            return Optional.empty();
        }
        List<CatalogueEntry> usable = new ArrayList<>();
        for (CatalogueEntry e : entries) {
            if (e.isPrefix() && kind.get() != MatchKind.PATTERN) {
                problems.add(new RuleProblem(file, e.line(), "'" + e.code() + "': a class prefix (*) only works in a pattern catalogue"));
            } else if (kind.get() == MatchKind.TOKEN && context == null && !CodeScanner.isDistinctive(e.code())) {
                problems.add(new RuleProblem(file, e.line(), "'" + e.code() + "' is a plain word: it only counts on lines that match "
                        + "'# context:', and this catalogue has none"));
            } else {
                usable.add(e);
            }
        }
        List<String> requires = header.containsKey("requires")
                ? java.util.Arrays.stream(header.get("requires").get(0).split(",")).map(String::strip)
                        .map(w -> w.toLowerCase(java.util.Locale.ROOT)).filter(w -> !w.isEmpty()).toList()
                : List.of();
        return Optional.of(new CodeCatalogue(name, file, header.get("title").get(0), header.get("system").get(0),
                header.get("source"), header.get("licence").get(0), kind.get(), pattern, context, usable, requires));
    }
}
