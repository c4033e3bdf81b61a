package dev.dataopsbot.rules.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import dev.dataopsbot.rules.FailureMode;
import dev.dataopsbot.rules.RuleProblem;
import dev.dataopsbot.rules.Severity;
import dev.dataopsbot.rules.entity.EntityExtractor;

/**
 * Reads a routing file and checks everything that can be checked offline: unknown keys,
 * failure modes, severities, entity names, regular expressions and mention forms. Every
 * problem names its line; a file with problems yields no routes at all (half a routing table
 * would page the wrong people silently).
 */
public final class RoutingParser {

    static final List<String> TOP_KEYS = List.of("routes");
    static final List<String> ROUTE_KEYS = List.of("name", "match", "notify", "tier", "severity_floor");
    static final List<String> MATCH_KEYS = List.of("failure_mode", "system", "entities", "labels", "severity");
    static final List<String> NOTIFY_KEYS = List.of("mention", "label");
    static final int MAX_TIER = 9;
    private static final Set<String> EVERYONE = Set.of("<!channel>", "<!here>", "<!everyone>");

    /** The routes when the file is valid (else none), and every problem found. */
    public record Result(RoutingTable table, List<RuleProblem> problems) {
    }

    public Result parse(String file, String text) {
        Problems problems = new Problems(file);
        List<YamlNode.Field> duplicates = new ArrayList<>();
        YamlNode root;
        try {
            root = YamlNode.parse(text, duplicates);
        } catch (YamlNode.SyntaxException e) {
            problems.add(e.line, "not valid YAML: " + e.getMessage());
            return problems.result(List.of());
        }
        duplicates.forEach(d -> problems.add(d.line(), "duplicate key '" + d.key() + "': each key may appear once here"));
        if (root.kind() != YamlNode.Kind.MAPPING) {
            problems.add(root.line(), "a routing file is a mapping with a 'routes:' list (see examples/routing.yaml); got "
                    + root.describe());
            return problems.result(List.of());
        }
        knownKeys(root, TOP_KEYS, "at the top level", problems);
        YamlNode.Field routes = root.fields().get("routes");
        if (routes == null) {
            problems.add(root.line(), "missing 'routes:', the list of routes (see examples/routing.yaml)");
            return problems.result(List.of());
        }
        if (routes.value().kind() == YamlNode.Kind.EMPTY) {
            return problems.result(List.of());
        }
        if (routes.value().kind() != YamlNode.Kind.LIST) {
            problems.add(routes.line(), "'routes' must be a list of routes, each starting with '- name:'");
            return problems.result(List.of());
        }
        List<Route> parsed = new ArrayList<>();
        Map<String, Integer> names = new HashMap<>();
        for (YamlNode item : routes.value().items()) {
            route(item, problems).ifPresent(route -> {
                Integer first = names.putIfAbsent(route.name(), route.line());
                if (first != null) {
                    problems.add(route.line(), "route name '" + route.name() + "' is already used on line " + first
                            + "; names must be unique");
                }
                parsed.add(route);
            });
        }
        return problems.result(parsed);
    }

    private Optional<Route> route(YamlNode node, Problems problems) {
        if (node.kind() != YamlNode.Kind.MAPPING) {
            problems.add(node.line(), "a route is a mapping of name, match and notify/tier/severity_floor; got " + node.describe());
            return Optional.empty();
        }
        int before = problems.count();
        knownKeys(node, ROUTE_KEYS, "in a route", problems);
        Map<String, YamlNode.Field> fields = node.fields();
        String name = "";
        if (!fields.containsKey("name")) {
            problems.add(node.line(), "route without a name: add 'name:', it is shown in the triage output");
        } else {
            name = text(fields.get("name"), problems).orElse("");
        }
        RouteCondition when = fields.containsKey("match") ? condition(fields.get("match"), problems) : RouteCondition.ANY;
        Optional<Mention> mention = Optional.empty();
        String label = "";
        YamlNode.Field notify = fields.get("notify");
        if (notify != null) {
            knownKeys(notify, NOTIFY_KEYS, "in notify", problems);
            mention = Optional.ofNullable(notify.value().fields().get("mention")).flatMap(f -> mention(f, problems));
            label = Optional.ofNullable(notify.value().fields().get("label")).flatMap(f -> text(f, problems)).orElse("");
            if (notify.value().kind() == YamlNode.Kind.MAPPING && mention.isEmpty() && label.isEmpty()
                    && problems.count() == before) {
                problems.add(notify.line(), "notify needs a mention or a label");
            }
        }
        OptionalInt tier = Optional.ofNullable(fields.get("tier")).map(f -> tier(f, problems)).orElse(OptionalInt.empty());
        Optional<Severity> floor = Optional.ofNullable(fields.get("severity_floor")).flatMap(f -> severity(f, f.value(), problems));
        if (notify == null && !fields.containsKey("tier") && !fields.containsKey("severity_floor")) {
            problems.add(node.line(), "route '" + name + "' decides nothing: give it notify, tier or severity_floor");
        }
        if (problems.count() > before) {
            return Optional.empty();
        }
        return Optional.of(new Route(name, node.line(), when, mention, label, tier, floor));
    }

    private RouteCondition condition(YamlNode.Field match, Problems problems) {
        if (match.value().kind() == YamlNode.Kind.EMPTY) {
            return RouteCondition.ANY;
        }
        if (!knownKeys(match, MATCH_KEYS, "in match", problems)) {
            return RouteCondition.ANY;
        }
        Map<String, YamlNode.Field> fields = match.value().fields();
        Set<String> modes = new LinkedHashSet<>();
        field(fields, "failure_mode").ifPresent(f -> words(f, problems).forEach(mode -> {
            if (FailureMode.fromId(mode.scalar()).isEmpty()) {
                problems.add(mode.line(), "unknown failure mode '" + mode.scalar() + "' (known: "
                        + String.join(", ", FailureMode.ids()) + ")");
            }
            modes.add(mode.scalar());
        }));
        Set<String> systems = new LinkedHashSet<>();
        field(fields, "system").ifPresent(f -> words(f, problems).forEach(system -> systems.add(system.scalar())));
        Set<String> severities = new LinkedHashSet<>();
        field(fields, "severity").ifPresent(f -> words(f, problems)
                .forEach(sev -> severity(f, sev, problems).ifPresent(s -> severities.add(s.name()))));
        Map<String, Pattern> entities = field(fields, "entities").map(f -> patterns(f, EntityExtractor.names(), problems))
                .orElse(Map.of());
        Map<String, Pattern> labels = field(fields, "labels").map(f -> patterns(f, null, problems)).orElse(Map.of());
        return new RouteCondition(modes, systems, entities, labels, severities);
    }

    private static Optional<YamlNode.Field> field(Map<String, YamlNode.Field> fields, String key) {
        return Optional.ofNullable(fields.get(key));
    }

    /** A scalar or a list of scalars ("any of"); an empty list is an error, it would match nothing. */
    private static List<YamlNode> words(YamlNode.Field field, Problems problems) {
        YamlNode value = field.value();
        if (value.isScalar()) {
            return List.of(value);
        }
        if (value.kind() != YamlNode.Kind.LIST || value.items().isEmpty()) {
            problems.add(field.line(), "'" + field.key() + "' must be a value or a non-empty list of values "
                    + "(remove it to match any); got " + value.describe());
            return List.of();
        }
        List<YamlNode> words = new ArrayList<>();
        for (YamlNode item : value.items()) {
            if (item.isScalar()) {
                words.add(item);
            } else {
                problems.add(item.line(), "'" + field.key() + "' lists " + item.describe() + "; list plain values");
            }
        }
        return words;
    }

    /** Name to full-match pattern; {@code known} limits the names (null: any name). */
    private static Map<String, Pattern> patterns(YamlNode.Field field, List<String> known, Problems problems) {
        if (field.value().kind() != YamlNode.Kind.MAPPING || field.value().fields().isEmpty()) {
            problems.add(field.line(), "'" + field.key() + "' must be a non-empty mapping of name: pattern, e.g. "
                    + ("labels".equals(field.key()) ? "{team: finance}" : "{dag_id: \"finance_.*\"}") + "; got "
                    + field.value().describe());
            return Map.of();
        }
        Map<String, Pattern> patterns = new LinkedHashMap<>();
        for (YamlNode.Field entry : field.value().fields().values()) {
            if (known != null && !known.contains(entry.key())) {
                problems.add(entry.line(), "unknown entity '" + entry.key() + "' (known: " + String.join(", ", known) + ")");
                continue;
            }
            text(entry, problems).ifPresent(regex -> {
                try {
                    patterns.put(entry.key(), Pattern.compile(regex));
                } catch (PatternSyntaxException e) {
                    problems.add(entry.line(), "invalid regex '" + regex + "' for " + field.key() + "." + entry.key() + ": "
                            + e.getDescription() + " near index " + e.getIndex());
                }
            });
        }
        return patterns;
    }

    private static Optional<Mention> mention(YamlNode.Field field, Problems problems) {
        Optional<String> text = text(field, problems);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (EVERYONE.contains(text.get())) {
            problems.add(field.line(), "mention '" + text.get() + "' would notify everyone in the channel; name a user "
                    + "group, a user or a channel: " + Mention.FORMS);
            return Optional.empty();
        }
        Optional<Mention> mention = Mention.parse(text.get());
        if (mention.isEmpty()) {
            problems.add(field.line(), "mention '" + text.get() + "' is not a Slack mention; write one of " + Mention.FORMS);
        }
        return mention;
    }

    private static OptionalInt tier(YamlNode.Field field, Problems problems) {
        String value = field.value().isScalar() ? field.value().scalar() : "";
        if (value.matches("[1-9]") && Integer.parseInt(value) <= MAX_TIER) {
            return OptionalInt.of(Integer.parseInt(value));
        }
        problems.add(field.line(), "tier must be a whole number from 1 (most critical) to " + MAX_TIER + "; got "
                + field.value().describe());
        return OptionalInt.empty();
    }

    private static Optional<Severity> severity(YamlNode.Field field, YamlNode value, Problems problems) {
        Optional<Severity> severity = value.isScalar() ? Severity.fromId(value.scalar()) : Optional.empty();
        if (severity.isEmpty()) {
            problems.add(value.line(), "'" + field.key() + "' has severity " + value.describe() + "; it must be one of "
                    + String.join(", ", Severity.ids()));
        }
        return severity;
    }

    /** A non-blank scalar. */
    private static Optional<String> text(YamlNode.Field field, Problems problems) {
        YamlNode value = field.value();
        if (!value.isScalar() || value.scalar().isBlank()) {
            problems.add(field.line(), "'" + field.key() + "' must be a text value; got " + value.describe());
            return Optional.empty();
        }
        return Optional.of(value.scalar().strip());
    }

    /** Reports keys not in {@code known}; false when the field is not a mapping at all. */
    private static boolean knownKeys(YamlNode.Field field, List<String> known, String where, Problems problems) {
        if (field.value().kind() != YamlNode.Kind.MAPPING) {
            problems.add(field.line(), "'" + field.key() + "' must be a mapping of " + String.join(", ", known) + "; got "
                    + field.value().describe());
            return false;
        }
        return knownKeys(field.value(), known, where, problems);
    }

    private static boolean knownKeys(YamlNode mapping, List<String> known, String where, Problems problems) {
        for (YamlNode.Field field : mapping.fields().values()) {
            if (!known.contains(field.key())) {
                problems.add(field.line(), "unknown key '" + field.key() + "' " + where + " (known: " + String.join(", ", known) + ")");
            }
        }
        return true;
    }

    /** Problems of one file, reported in line order. */
    private static final class Problems {
        private final String file;
        private final List<RuleProblem> found = new ArrayList<>();

        Problems(String file) {
            this.file = file;
        }

        void add(int line, String message) {
            found.add(new RuleProblem(file, line, message));
        }

        int count() {
            return found.size();
        }

        Result result(List<Route> routes) {
            List<RuleProblem> sorted = found.stream().sorted(Comparator.comparingInt(RuleProblem::line)).toList();
            return new Result(sorted.isEmpty() ? new RoutingTable(routes) : RoutingTable.none(), sorted);
        }
    }
}
