package dev.dataopsbot.rules;

/**
 * A problem in a rule, catalogue or routing file, reported as {@code file:line: message}.
 *
 * @param file    the DRL file as the user named it
 * @param line    1-based line, 0 when the compiler gave none
 * @param message what is wrong
 */
public record RuleProblem(String file, int line, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}
