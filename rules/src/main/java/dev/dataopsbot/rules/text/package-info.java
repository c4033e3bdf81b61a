/**
 * How raw text becomes safe text before any rule, output or store sees it: bounded reading
 * (1 MiB, head and tail), normalisation (line ends, ANSI, Slack markup), then redaction of secrets
 * and personal data ({@link dev.dataopsbot.rules.redaction}). Every pattern has bounded
 * repetition, so hostile input costs linear time.
 */
package dev.dataopsbot.rules.text;
