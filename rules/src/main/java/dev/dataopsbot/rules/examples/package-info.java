/**
 * Examples that back every rule and catalogue entry: {@code rate_limit.examples} beside
 * {@code rate_limit.drl}, {@code catalogues/http-status.examples} beside
 * {@code catalogues/http-status.tsv}, each line a rule name (or catalogue code), a tab and a log
 * line the rule must match. {@link dev.dataopsbot.rules.examples.ExampleCheck} runs them through the
 * pack's own classifier: a rule or entry without an example, or an example its rule does not match,
 * is an error; an example that matches but is classified as another mode is a warning.
 */
package dev.dataopsbot.rules.examples;
