#!/usr/bin/env bash
# Benchmarks of the incident store (see README, "Benchmarks"): timeline appends, summary of a
# 10,000-event incident, report over 100,000 incidents, similar-incident search over 100,000
# resolved incidents. Each harness builds its own data in a temp folder and deletes it.
# Run from anywhere:  bench/store.sh            (all four, about 3 minutes on 2 cores)
#                     bench/store.sh Report     (one of Append, Summary, Report, SimilarIncident)
set -euo pipefail
cd "$(dirname "$0")/.."
names=("${@:-Append Summary Report SimilarIncident}")
for name in ${names[@]}; do
  echo "== ${name}Benchmark"
  mvn -B -q -pl knowledge test-compile exec:java -Dexec.classpathScope=test \
    -Dexec.mainClass="dev.dataopsbot.knowledge.bench.${name}Benchmark"
done
