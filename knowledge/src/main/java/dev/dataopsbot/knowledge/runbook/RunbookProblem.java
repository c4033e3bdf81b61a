package dev.dataopsbot.knowledge.runbook;

/**
 * Something wrong with a runbook, reported as {@code file:line: message}.
 *
 * @param line 1-based; 0 when the problem concerns the whole library
 */
public record RunbookProblem(String file, int line, Severity severity, String message) {

    public enum Severity { ERROR, WARNING }

    public static RunbookProblem error(String file, int line, String message) {
        return new RunbookProblem(file, line, Severity.ERROR, message);
    }

    public static RunbookProblem warning(String file, int line, String message) {
        return new RunbookProblem(file, line, Severity.WARNING, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return file + ":" + line + ": " + (severity == Severity.WARNING ? "warning: " : "") + message;
    }
}
