package dev.dataopsbot.rules.routing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The routes of a routing file, in file order; the first that matches an alert decides. */
public final class RoutingTable {

    private static final RoutingTable NONE = new RoutingTable(List.of());

    private final List<Route> routes;

    public RoutingTable(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    /** No routing file: every alert keeps the taxonomy's escalation and severity. */
    public static RoutingTable none() {
        return NONE;
    }

    /**
     * Reads and checks a routing file.
     *
     * @throws RoutingFileException when the file has problems, each naming its line
     * @throws UncheckedIOException when it cannot be read
     */
    public static RoutingTable load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading routing file " + file, e);
        }
        RoutingParser.Result result = new RoutingParser().parse(file.toString(), text);
        if (!result.problems().isEmpty()) {
            throw new RoutingFileException(result.problems());
        }
        return result.table();
    }

    public List<Route> routes() {
        return routes;
    }

    public boolean isEmpty() {
        return routes.isEmpty();
    }

    /** The first route that matches, if any. */
    public Optional<Route> route(RoutingFacts facts) {
        for (Route route : routes) {
            if (route.when().matches(facts)) {
                return Optional.of(route);
            }
        }
        return Optional.empty();
    }
}
