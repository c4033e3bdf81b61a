package dev.dataopsbot.rules.routing;

import java.util.Optional;
import java.util.OptionalInt;

import dev.dataopsbot.rules.Severity;

/**
 * One entry of the routing file: when it applies and what it decides.
 *
 * @param name          shown in the triage output ({@code "routing": {"route": ...}})
 * @param line          where the route starts in its file
 * @param when          the {@code match:} block
 * @param mention       who is told in Slack, if the route says
 * @param label         who is told, for people ({@code escalate_to}); empty to keep the mention's
 *                      name or, without a mention, the taxonomy's default
 * @param tier          the dataset tier (1 is the most critical), if the route says
 * @param severityFloor the lowest severity an alert on this route may have, if the route says
 */
public record Route(String name, int line, RouteCondition when, Optional<Mention> mention, String label,
                    OptionalInt tier, Optional<Severity> severityFloor) {

    /** A Tier 1 dataset is at least SEV2 (the taxonomy: "SEV2, Tier 1 data at risk"). */
    public static final Severity TIER_1_FLOOR = Severity.SEV2;

    /** The floor this route puts under severity: its own, or the Tier 1 floor when that is higher. */
    public Optional<Severity> effectiveFloor() {
        Optional<Severity> tierFloor = tier.isPresent() && tier.getAsInt() == 1 ? Optional.of(TIER_1_FLOOR) : Optional.empty();
        if (severityFloor.isEmpty()) {
            return tierFloor;
        }
        return tierFloor.filter(t -> t.compareTo(severityFloor.get()) < 0).or(() -> severityFloor);
    }

    /** {@code severity} after this route's floor: raised if it was lower, never lowered. */
    public String severity(String severity) {
        return effectiveFloor().map(floor -> floor.floorOf(severity)).orElse(severity);
    }

    /** Who to escalate to: the label, else the mention's name, else {@code taxonomyDefault}. */
    public String escalateTo(String taxonomyDefault) {
        if (!label.isEmpty()) {
            return label;
        }
        return mention.map(Mention::display).orElse(taxonomyDefault);
    }
}
