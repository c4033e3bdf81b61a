package dev.dataopsbot.rules.routing;

import java.util.List;
import java.util.stream.Collectors;

import dev.dataopsbot.rules.RuleProblem;

/** The routing file has errors; each problem names its file and line. */
public final class RoutingFileException extends RuntimeException {

    private final List<RuleProblem> problems;

    public RoutingFileException(List<RuleProblem> problems) {
        super(problems.stream().map(RuleProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
