package dev.dataopsbot.rules.redaction;

/** A secret catalogue that cannot be used, with the file and line of the first problem. */
public final class CatalogueException extends RuntimeException {

    private final String file;
    private final int line;

    CatalogueException(String file, int line, String problem) {
        super(file + ":" + line + ": " + problem);
        this.file = file;
        this.line = line;
    }

    CatalogueException(String file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
        this.line = 0;
    }

    public String file() {
        return file;
    }

    /** 1-based; 0 when the problem is with the file as a whole. */
    public int line() {
        return line;
    }
}
