package dev.dataopsbot.rules.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.dataopsbot.rules.PackFile;

/**
 * A rule as declared in a DRL file: its name and where it starts.
 *
 * @param name the name between the quotes of {@code rule "..."}
 * @param file the DRL file, as shown in {@code file:line:} messages
 * @param line 1-based line of the {@code rule} keyword
 */
public record DeclaredRule(String name, String file, int line) {

    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+(?:\"([^\"]+)\"|'([^']+)')");

    /** The rules a DRL file declares, in file order. */
    public static List<DeclaredRule> in(PackFile drl) {
        List<DeclaredRule> rules = new ArrayList<>();
        String[] lines = drl.text().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = RULE.matcher(lines[i]);
            if (m.find()) {
                rules.add(new DeclaredRule(m.group(1) != null ? m.group(1) : m.group(2), drl.location(), i + 1));
            }
        }
        return rules;
    }
}
