/**
 * The case library and its nearest-neighbour vote, the second stage of classification: labelled
 * alert excerpts (bundled ones written from public error reports, and the team's own corrections)
 * indexed with log-aware analysis. The trade-off: a vote over similar messages generalises to
 * wording no rule knows, so it only decides when the rules are silent or weak, and says
 * {@code unknown} unless its neighbours are close and agree.
 */
package dev.dataopsbot.knowledge.cases;
