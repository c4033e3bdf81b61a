/**
 * Runbooks: markdown files with YAML front matter, parsed and linted ({@link
 * dev.dataopsbot.knowledge.runbook.RunbookLibrary}, {@link dev.dataopsbot.knowledge.runbook.RunbookLinter})
 * and searched with Lucene ({@link dev.dataopsbot.knowledge.runbook.RunbookIndex}). The index
 * lives in memory and is rebuilt at start-up: a few hundred documents index in milliseconds,
 * which is cheaper than keeping an on-disk index consistent with a folder users edit by hand.
 */
package dev.dataopsbot.knowledge.runbook;
