package dev.dataopsbot.rules.catalogue;

import java.util.Arrays;
import java.util.Optional;

/** How a catalogue's codes are found in a line. */
public enum MatchKind {
    /** Codes are identifier tokens (exception classes, error names), matched whole and case-sensitively. */
    TOKEN("token"),
    /** The catalogue's regex captures the code (SQLSTATEs, HTTP statuses, numeric vendor codes). */
    PATTERN("pattern"),
    /**
     * Codes are sets of words an identifier is made of ({@code concurrent exceeded}), for identifiers
     * no other catalogue knows: {@code ConcurrentRunsExceededException} is read from its parts.
     */
    WORDS("words");

    private final String id;

    MatchKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    static Optional<MatchKind> fromId(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
    }
}
