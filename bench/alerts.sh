#!/usr/bin/env bash
# Benchmark of alert ingestion by the Slack app (see README, "Benchmarks"): Alertmanager webhook
# calls sent open-loop at 50/s for 60 s (response time, every alert stored), then signed Airflow
# alert messages at 10/s for 30 s over 20 alert channels (time until the triage reply lands in each
# alert's thread), the event ack latency and the server's RSS. The server is
# `java -jar bot/target/dataops-bot.jar serve` in its own process against a fake Slack Web API;
# after it stops, its database is opened and counted. About two minutes on 2 cores.
# Run from anywhere:  bench/alerts.sh
#   BENCH_JVM_OPTS="-Xmx256m" bench/alerts.sh     options for the server's JVM (default: the documented
#                                                  serve flags, read from docker/Dockerfile's ENTRYPOINT;
#                                                  BENCH_JVM_OPTS= for the JVM's own defaults)
#   BENCH_WEBHOOK_RATE=100 BENCH_WEBHOOK_SECONDS=30 bench/alerts.sh
#   BENCH_EVENT_RATE=10 BENCH_EVENT_SECONDS=30 BENCH_CHANNELS=20 bench/alerts.sh
#   BENCH_WARMUP_SECONDS=10 BENCH_SENDERS=64 bench/alerts.sh   warm-up per phase; sender pool size
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=bot/target/dataops-bot.jar
# install, not package: the -pl bot step below resolves rules and knowledge from ~/.m2
[ -f "$JAR" ] || { echo "== building $JAR"; mvn -B -q -o install -DskipTests; }
FLAGS=$(sed -n 's/^ENTRYPOINT \["java", \(.*\), "-jar".*/\1/p' docker/Dockerfile | tr -d '",')
mvn -B -q -o -pl bot test-compile exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=dev.dataopsbot.bot.bench.AlertIngestBenchmark \
  -Dbench.jar="$JAR" -Dbench.jvmOpts="${BENCH_JVM_OPTS-$FLAGS}" \
  -Dbench.webhookRate="${BENCH_WEBHOOK_RATE:-50}" -Dbench.webhookSeconds="${BENCH_WEBHOOK_SECONDS:-60}" \
  -Dbench.eventRate="${BENCH_EVENT_RATE:-10}" -Dbench.eventSeconds="${BENCH_EVENT_SECONDS:-30}" \
  -Dbench.channels="${BENCH_CHANNELS:-20}" -Dbench.warmupSeconds="${BENCH_WARMUP_SECONDS:-10}" \
  -Dbench.senders="${BENCH_SENDERS:-64}"
