/**
 * Benchmark harnesses for the knowledge module: {@code main} classes that build their data in a
 * temp folder, warm up, measure and print each figure beside its target. Speed goals live here,
 * never in tests, because a shared 2-core machine makes timed assertions flaky.
 */
package dev.dataopsbot.knowledge.bench;
