package dev.dataopsbot.knowledge.cases;

import java.util.Objects;

/**
 * An alert excerpt with the failure mode a person gave it: a bundled case written from a public
 * error report, or a team case added by a correction.
 *
 * @param id     {@code dagster-007} for bundled cases, {@code TC-3} for team cases
 * @param system the failing system's slug ({@code dagster}), or {@code team} when unknown
 * @param family the system's family ({@code orchestrator}, {@code warehouse}, ...)
 * @param mode   a taxonomy id
 * @param text   the excerpt (redacted before a team case is stored)
 * @param source where it came from: a URL, or "corrected by U123 on INC-7"
 * @param team   true for the team's own cases
 */
public record LabelledCase(String id, String system, String family, String mode, String text, String source,
                           boolean team) {

    public LabelledCase {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(text, "text");
    }
}
