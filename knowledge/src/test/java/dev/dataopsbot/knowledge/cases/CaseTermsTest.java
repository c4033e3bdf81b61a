package dev.dataopsbot.knowledge.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class CaseTermsTest {

    /** The tokenizer's specification: the regex it replaced. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.$-]*[A-Za-z0-9]|[A-Za-z0-9]");

    private static List<String> byRegex(String line) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(line);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }

    @Test
    void tokens_are_what_the_regex_finds_on_every_line_of_the_case_library_and_on_edge_cases() {
        List<String> lines = new ArrayList<>(List.of("", "-", "__a__", "a-_", "-abc", "abc--def x", "a._b", "$x$", "é1 ü",
                "ORA-00942: table", "s3://b/k", "run_20240101T0300.", "x...y", "1.2.3-", "a b\tc"));
        for (LabelledCase c : CaseLibrary.readFolder(Path.of("../cases"), Set.of()).cases()) {
            lines.addAll(c.text().lines().toList());
        }
        assertTrue(lines.size() > 3_000, "read " + lines.size() + " lines");
        for (String line : lines) {
            assertEquals(byRegex(line), CaseTerms.tokens(line), line);
        }
    }

    @Test
    void identifiers_are_read_as_words_and_whole_and_error_codes_stay_whole() {
        assertEquals(List.of("concurrent", "run", "exceeded", "exception", "concurrentrunsexceededexception"),
                CaseTerms.of("ConcurrentRunsExceededException"));
        assertEquals(List.of("iceberg", "commit", "error", "iceberg_commit_error"), CaseTerms.of("ICEBERG_COMMIT_ERROR"));
        assertEquals(List.of("ora-00942", "table"), CaseTerms.of("ORA-00942: table"));
        assertEquals(List.of("429", "too", "many", "request"), CaseTerms.of("429 Too Many Requests"));
    }
}
