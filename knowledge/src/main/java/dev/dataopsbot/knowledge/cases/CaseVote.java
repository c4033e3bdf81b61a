package dev.dataopsbot.knowledge.cases;

import java.util.List;

/**
 * What the nearest cases say about an alert.
 *
 * @param mode       the mode they vote for ({@code unknown} when none is near enough, or when the
 *                   nearest are non-incidents)
 * @param confidence 0..1: the vote's share times how close the supporting cases are
 * @param neighbours the nearest cases, closest first
 * @param teamCase   true when a team case near-duplicates the alert and decided the vote
 */
public record CaseVote(String mode, double confidence, List<Neighbour> neighbours, boolean teamCase) {

    public CaseVote {
        neighbours = List.copyOf(neighbours);
    }

    public static CaseVote none() {
        return new CaseVote("unknown", 0, List.of(), false);
    }

    /** The closest neighbour that votes for {@code mode}, if any. */
    public java.util.Optional<Neighbour> closestFor(String votedMode) {
        return neighbours.stream().filter(n -> n.labelledCase().mode().equals(votedMode)).findFirst();
    }
}
