package dev.dataopsbot.rules.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class SnowflakeErrorCodeTest {

    /** What the scan replaces: the regex it must answer exactly like. */
    private static final Pattern REGEX = Pattern.compile("\\b\\d{6} \\([0-9a-z]{5}\\):");

    @Test
    void the_scan_answers_like_the_regex() {
        List<String> texts = List.of(
                "000904 (42000): sql compilation error", "x 002003 (02000): does not exist", "a000904 (42000): glued to a word",
                "_000904 (42000): underscore", "-000904 (42000): dash", "00904 (42000): five digits", "1000904 (42000): seven",
                "000904 (4200): short state", "000904 (42000) no colon", "000904 (42a0b): letters", "000904 (42A0B): upper",
                "000904  (42000): two spaces", "(42000): no code", "line one\n390114 (08001): on line two", "000904 (42000)",
                "", " (", "123456 (", "text 123456 (abcde):");
        for (String text : texts) {
            assertEquals(REGEX.matcher(text).find(), EntityExtractor.hasSnowflakeErrorCode(text), text);
        }
    }
}
