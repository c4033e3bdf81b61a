package dev.dataopsbot.knowledge.cases;

/** A problem in a case file, reported as {@code file:line: message}. */
public record CaseProblem(String file, int line, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}
