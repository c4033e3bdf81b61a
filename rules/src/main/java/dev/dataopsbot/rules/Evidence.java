package dev.dataopsbot.rules;

import java.util.Objects;

/**
 * One line that points at a failure mode, inserted by a rule. The weight says how decisive the
 * line is on its own: about 0.9 for an unmistakable signature, 0.6 for a strong hint, 0.35 for
 * a hint that needs corroboration.
 */
public final class Evidence {

    private final String failureMode;
    private final double weight;
    private final int line;
    private final String text;
    private final String rule;

    public Evidence(String failureMode, double weight, int line, String text, String rule) {
        this.failureMode = Objects.requireNonNull(failureMode, "failureMode");
        if (!(weight > 0 && weight < 1)) {
            throw new IllegalArgumentException("evidence weight must be in (0, 1): " + weight);
        }
        this.weight = weight;
        this.line = line;
        this.text = Objects.requireNonNull(text, "text");
        this.rule = Objects.requireNonNull(rule, "rule");
    }

    /** Evidence found on a log line, named after the rule that found it. */
    public Evidence(String failureMode, double weight, LogLine line, String rule) {
        this(failureMode, weight, line.getNumber(), line.getText(), rule);
    }

    public String getFailureMode() {
        return failureMode;
    }

    public double getWeight() {
        return weight;
    }

    public int getLine() {
        return line;
    }

    public String getText() {
        return text;
    }

    public String getRule() {
        return rule;
    }

    @Override
    public String toString() {
        return failureMode + "(" + weight + ") line " + line + " [" + rule + "]";
    }
}
