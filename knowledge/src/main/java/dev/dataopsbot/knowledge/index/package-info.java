/**
 * Lucene indexes prebuilt at package time and loaded from the classpath (the runbook index and the
 * case library): start-up copies bytes instead of analysing text.
 */
package dev.dataopsbot.knowledge.index;
