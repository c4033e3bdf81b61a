package dev.dataopsbot.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class LineRegexTest {

    private static final Pattern FIND_CALL = Pattern.compile("find\\(\"((?:[^\"\\\\]|\\\\.)*)\"\\)");

    @Test
    void the_leading_literals_of_every_alternative_are_the_anchors() {
        assertEquals(List.of("invalid identifier", "unknown column"),
                LineRegex.Anchors.of("(invalid identifier|unknown column)"));
        assertEquals(List.of("token", "jwt", "credential"),
                LineRegex.Anchors.of("\\b(token|jwt|credentials?)s?\\b[^.;]{0,60}expired"));
        assertEquals(List.of("\"success\":", "quota"),
                LineRegex.Anchors.of("\\x22success\\x22: ?false|quota"));
        assertEquals(List.of("error.", "a", "b"), LineRegex.Anchors.of("error\\.|(?:a|b)+x"));
    }

    @Test
    void patterns_whose_matches_can_start_anywhere_are_searched_everywhere() {
        assertNull(LineRegex.Anchors.of("(the )?foo"));
        assertNull(LineRegex.Anchors.of("[abc]x"));
        assertNull(LineRegex.Anchors.of("foo|.{0,3}bar"));
        assertNull(LineRegex.Anchors.of("(?i)foo"));
        assertNull(LineRegex.Anchors.of("x?foo"));
        assertNull(LineRegex.Anchors.of("(a|)b"));
    }

    @Test
    void word_boundaries_still_see_the_character_before_the_anchor() {
        LineRegex regex = LineRegex.of("\\bok\\b");
        assertTrue(regex.foundIn("status: ok"));
        assertEquals(false, regex.foundIn("token expired"));
    }

    /**
     * Every regex of the bundled rules gives the same answer as a plain {@code find()} on every
     * line of the labelled scenarios and samples.
     */
    @Test
    void bundled_rule_regexes_answer_exactly_like_find() throws Exception {
        List<String> regexes = bundledFindRegexes();
        List<String> lines = new ArrayList<>();
        for (LabelledCorpus.Example example : ScenarioTest.scenarios()) {
            for (String line : example.text().split("\n")) {
                lines.add(line.strip().toLowerCase(Locale.ROOT));
            }
        }
        assertTrue(regexes.size() > 100, "found " + regexes.size() + " find(...) regexes in the bundled rules");
        int positives = 0;
        for (String regex : regexes) {
            Pattern plain = Pattern.compile(regex);
            LineRegex anchored = LineRegex.of(regex);
            for (String line : lines) {
                boolean expected = plain.matcher(line).find();
                assertEquals(expected, anchored.foundIn(line), () -> "regex " + regex + " on line: " + line);
                positives += expected ? 1 : 0;
            }
        }
        assertTrue(positives > 200, "only " + positives + " matching (regex, line) pairs: the comparison proves little");
    }

    static List<String> bundledFindRegexes() throws IOException {
        List<String> regexes = new ArrayList<>();
        for (String file : BundledRules.FILES) {
            try (InputStream in = LineRegexTest.class.getResourceAsStream("/dev/dataopsbot/rules/" + file)) {
                Matcher m = FIND_CALL.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                while (m.find()) {
                    regexes.add(m.group(1).replace("\\\\", "\\"));
                }
            }
        }
        return regexes;
    }
}
