/**
 * Post-incident summaries: markdown rendered from an incident's stored record (the incident, its
 * timeline and alerts) and the similar past incidents found for it, in sections that follow the
 * Google SRE postmortem template where it fits data incidents. Rendering is a pure function of
 * those inputs (no clock, stable order, fixed formats), so the same timeline gives byte-identical
 * output that golden files can test; the price is that nothing relative to "now" (age, time open
 * so far) can appear in a summary.
 */
package dev.dataopsbot.knowledge.summary;
