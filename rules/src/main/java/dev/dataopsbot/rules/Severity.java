package dev.dataopsbot.rules;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The severity scale of {@code failure-modes.md}: SEV1 (critical, page now) to SEV4 (informational). */
public enum Severity {
    SEV1, SEV2, SEV3, SEV4;

    public static Optional<Severity> fromId(String id) {
        return Arrays.stream(values()).filter(s -> s.name().equals(id)).findFirst();
    }

    /** Every id, most severe first. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(Severity::name).toList();
    }

    /** {@code current} raised to this severity if it is lower; never lowered. */
    public String floorOf(String current) {
        Severity now = fromId(current).orElseThrow(() ->
                new IllegalArgumentException("unknown severity " + current + " (known: " + ids() + ")"));
        return now.compareTo(this) > 0 ? name() : now.name();
    }
}
