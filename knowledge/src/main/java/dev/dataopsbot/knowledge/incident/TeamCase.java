package dev.dataopsbot.knowledge.incident;

import java.time.Instant;

import dev.dataopsbot.knowledge.cases.LabelledCase;

/**
 * One of the team's own labelled cases, as stored.
 *
 * @param incident the incident it came from, null for an imported case
 * @param origin   {@code correction}, {@code confirmation} or {@code import}
 */
public record TeamCase(long id, String mode, String system, String text, IncidentKey incident, String addedBy,
                       Instant addedAt, String origin, String note) {

    public static final String CORRECTION = "correction";
    public static final String CONFIRMATION = "confirmation";
    public static final String IMPORT = "import";

    /** {@code TC-7}. */
    public String key() {
        return "TC-" + id;
    }

    /** Where it came from, in words: "corrected by U123 on INC-7". */
    public String provenance() {
        return switch (origin) {
            case CORRECTION -> "corrected by " + addedBy + " on " + incident;
            case CONFIRMATION -> "confirmed by " + addedBy + " on " + incident;
            default -> "imported by " + addedBy + (note.isBlank() ? "" : " (" + note + ")");
        };
    }

    /** As a case for the nearest-neighbour vote. */
    public LabelledCase asCase() {
        return new LabelledCase(key(), system, "team", mode, text, provenance(), true);
    }
}
