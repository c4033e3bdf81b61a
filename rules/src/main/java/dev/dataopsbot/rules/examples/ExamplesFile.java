package dev.dataopsbot.rules.examples;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.dataopsbot.rules.PackFile;
import dev.dataopsbot.rules.RuleProblem;

/**
 * One parsed examples file: {@code #} comment lines and blank lines, then one example a line,
 * {@code <rule name or code> TAB <example>}. In the example, {@code \n} separates the lines of a
 * multi-line text (a symptom and its root cause) and {@code \\} is a backslash; any other
 * backslash is kept as written. A bad line is reported with its {@code file:line} and skipped.
 *
 * @param examples the usable examples, in file order
 * @param problems what was skipped and why
 */
public record ExamplesFile(List<Example> examples, List<RuleProblem> problems) {

    public ExamplesFile {
        examples = List.copyOf(examples);
        problems = List.copyOf(problems);
    }

    /**
     * Reads {@code file}, whose subjects must be among {@code known}.
     *
     * @param knownWhat what a subject is, for the message on an unknown one
     *                  ({@code rule in rate_limit.drl}, {@code code in catalogue http-status})
     */
    public static ExamplesFile parse(PackFile file, Set<String> known, String knownWhat) {
        List<Example> examples = new ArrayList<>();
        List<RuleProblem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String[] lines = file.text().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab < 0) {
                problems.add(new RuleProblem(file.location(), lineNo,
                        "expected '<" + subjectWord(knownWhat) + "><TAB><example>', found no tab"));
                continue;
            }
            String subject = line.substring(0, tab).strip();
            String text = decode(line.substring(tab + 1)).strip();
            if (text.isEmpty()) {
                problems.add(new RuleProblem(file.location(), lineNo, "empty example for '" + subject + "'"));
            } else if (!known.contains(subject)) {
                problems.add(new RuleProblem(file.location(), lineNo, "'" + subject + "' is no " + knownWhat));
            } else if (!seen.add(line)) {
                problems.add(new RuleProblem(file.location(), lineNo, "this example is listed twice; keep one"));
            } else {
                examples.add(new Example(subject, text, file.location(), lineNo));
            }
        }
        return new ExamplesFile(examples, problems);
    }

    /** {@code \n} to a line break, {@code \\} to a backslash, every other character as written. */
    static String decode(String raw) {
        StringBuilder text = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length() && (raw.charAt(i + 1) == 'n' || raw.charAt(i + 1) == '\\')) {
                text.append(raw.charAt(i + 1) == 'n' ? '\n' : '\\');
                i++;
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }

    private static String subjectWord(String knownWhat) {
        return knownWhat.startsWith("code") ? "code" : "rule name";
    }
}
