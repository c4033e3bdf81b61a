/**
 * Identifiers a responder needs (DAG, task, run, model, table, system, host, error code), pulled
 * from alert text with literal-triggered patterns: a pattern runs only when its trigger phrase
 * is in the text, which keeps extraction cheap on long logs.
 */
package dev.dataopsbot.rules.entity;
