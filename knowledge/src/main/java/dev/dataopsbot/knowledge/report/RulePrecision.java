package dev.dataopsbot.knowledge.report;

import java.util.Comparator;
import java.util.OptionalDouble;

/**
 * One decider (a rule, a catalogue entry, a case or a team case) over the incidents detected in
 * the window: how many it decided and what people said of them (the latest feedback on each).
 *
 * @param rule           what decided, as stored ({@code rate_limit: http 429 too many requests},
 *                       {@code catalogue http-status: 429}, {@code case <id>}, {@code team case TC-3})
 * @param decided        incidents it decided
 * @param confirmedRight of those, how many feedback called right
 * @param confirmedWrong of those, how many feedback called wrong
 */
public record RulePrecision(String rule, int decided, int confirmedRight, int confirmedWrong) {

    /**
     * Worst first: rules with a confirmation by precision (lowest first), then more wrong, then
     * more decided, then name; after them the rules nobody confirmed, most decided first, then name.
     */
    public static final Comparator<RulePrecision> WORST_FIRST = Comparator
            .comparing((RulePrecision r) -> !r.hasConfirmations())
            .thenComparingDouble(r -> r.precision().orElse(0))
            .thenComparing(Comparator.comparingInt(RulePrecision::confirmedWrong).reversed())
            .thenComparing(Comparator.comparingInt(RulePrecision::decided).reversed())
            .thenComparing(RulePrecision::rule);

    /** How many of its decisions people confirmed or corrected. */
    public int confirmed() {
        return confirmedRight + confirmedWrong;
    }

    public boolean hasConfirmations() {
        return confirmed() > 0;
    }

    /** right / (right + wrong); empty when nobody confirmed or corrected any of its decisions. */
    public OptionalDouble precision() {
        return hasConfirmations() ? OptionalDouble.of((double) confirmedRight / confirmed()) : OptionalDouble.empty();
    }
}
