#!/usr/bin/env bash
# Benchmark of the Slack app (see README, "Benchmarks"): ack latency of 5,000 signed
# `/dataops triage` slash commands from 50 concurrent senders on 127.0.0.1, the replies sent after
# the ack, and the server's RSS. The server is `java -jar bot/target/dataops-bot.jar serve` in its
# own process against a fake Slack Web API. About a minute on 2 cores.
# Run from anywhere:  bench/slack.sh
#   BENCH_JVM_OPTS="-Xmx256m" bench/slack.sh      options for the server's JVM (default: the documented
#                                                  serve flags, read from docker/Dockerfile's ENTRYPOINT;
#                                                  BENCH_JVM_OPTS= for the JVM's own defaults)
#   BENCH_REQUESTS=1000 BENCH_CONCURRENCY=20 BENCH_WARMUP=200 bench/slack.sh
#   BENCH_CHANNELS=250 bench/slack.sh    commands come from this many channels in turn (Slack takes ~1 post/s/channel)
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=bot/target/dataops-bot.jar
# install, not package: the -pl bot step below resolves rules and knowledge from ~/.m2
[ -f "$JAR" ] || { echo "== building $JAR"; mvn -B -q -o install -DskipTests; }
FLAGS=$(sed -n 's/^ENTRYPOINT \["java", \(.*\), "-jar".*/\1/p' docker/Dockerfile | tr -d '",')
mvn -B -q -o -pl bot test-compile exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=dev.dataopsbot.bot.bench.SlackAckBenchmark \
  -Dbench.jar="$JAR" -Dbench.jvmOpts="${BENCH_JVM_OPTS-$FLAGS}" \
  -Dbench.requests="${BENCH_REQUESTS:-5000}" -Dbench.concurrency="${BENCH_CONCURRENCY:-50}" \
  -Dbench.warmup="${BENCH_WARMUP:-500}" -Dbench.channels="${BENCH_CHANNELS:-250}"
