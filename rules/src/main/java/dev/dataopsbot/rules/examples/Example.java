package dev.dataopsbot.rules.examples;

/**
 * One example: a text the rule or catalogue entry {@code subject} must match.
 *
 * @param subject the rule name as declared in its DRL file, or the code as written in its catalogue
 * @param text    the example, its lines separated by {@code \n}
 * @param file    the examples file, as shown in {@code file:line:} messages
 * @param line    1-based line in that file
 */
public record Example(String subject, String text, String file, int line) {
}
