/**
 * Benchmark harnesses for the Slack app: {@code main} classes that start the real {@code serve}
 * process against the fake Slack Web API, load it from 127.0.0.1 (a fixed pool of senders for ack
 * latency, an open-loop sender at a fixed rate for alert ingestion) and print each figure beside
 * its target. The server runs as its own process so its memory is measured alone, at the price of
 * a slower start; speed goals live here, never in tests.
 */
package dev.dataopsbot.bot.bench;
