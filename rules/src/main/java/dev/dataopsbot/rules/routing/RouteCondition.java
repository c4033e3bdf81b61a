package dev.dataopsbot.rules.routing;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.dataopsbot.rules.FailureMode;

/**
 * The {@code match:} block of a route. Every key given must match (and); within a list, any
 * value may (or). An empty set or map means the key was not given and matches anything.
 * Entity and label values are regular expressions matched against the whole value, so a plain
 * word matches exactly itself.
 *
 * <p>A route that does not name {@code unknown} or {@code pii_exposure} in {@code failure_mode}
 * never matches them: an unrecognised message (a recovery notice among them) must not page a
 * team, and personal data goes to Security whatever the routing says.
 *
 * @param failureModes taxonomy ids
 * @param systems      system names, compared ignoring case
 * @param entities     entity name to pattern; an entity not extracted from the text is looked up
 *                     among the labels of the same name (an Alertmanager alert's {@code topic} label, say)
 * @param labels       label name to pattern
 * @param severities   SEV1..SEV4, compared with the severity the rules gave (before any floor)
 */
public record RouteCondition(Set<String> failureModes, Set<String> systems, Map<String, Pattern> entities,
                             Map<String, Pattern> labels, Set<String> severities) {

    /** Matches every alert the taxonomy says is a failure. */
    public static final RouteCondition ANY = new RouteCondition(Set.of(), Set.of(), Map.of(), Map.of(), Set.of());

    private static final Set<String> ONLY_WHEN_NAMED = Set.of(FailureMode.UNKNOWN.id(), FailureMode.PII_EXPOSURE.id());

    public RouteCondition {
        failureModes = Set.copyOf(failureModes);
        systems = Set.copyOf(systems.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList());
        entities = Map.copyOf(entities);
        labels = Map.copyOf(labels);
        severities = Set.copyOf(severities);
    }

    public boolean matches(RoutingFacts facts) {
        if (failureModes.isEmpty() ? ONLY_WHEN_NAMED.contains(facts.failureMode()) : !failureModes.contains(facts.failureMode())) {
            return false;
        }
        if (!severities.isEmpty() && !severities.contains(facts.severity())) {
            return false;
        }
        if (!systems.isEmpty()) {
            String system = facts.entities().get("system");
            if (system == null || !systems.contains(system.toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        for (Map.Entry<String, Pattern> entity : entities.entrySet()) {
            if (!fullMatch(entity.getValue(), facts.entity(entity.getKey()))) {
                return false;
            }
        }
        for (Map.Entry<String, Pattern> label : labels.entrySet()) {
            if (!fullMatch(label.getValue(), facts.labels().get(label.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean fullMatch(Pattern pattern, String value) {
        return value != null && pattern.matcher(value).matches();
    }
}
