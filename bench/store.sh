#!/usr/bin/env bash
# Benchmarks of the incident store (see README, "Benchmarks"): timeline appends, summary of a
# 10,000-event incident, report over 100,000 incidents, similar-incident search over 100,000
# resolved incidents. Each harness builds its own data in a temp folder (and, on PostgreSQL, a new
# database) and deletes it.
# Run from anywhere:  bench/store.sh                   (all four on SQLite, about 3 minutes on 2 cores)
#                     bench/store.sh Report            (one of Append, Summary, Report, SimilarIncident)
#                     bench/store.sh --postgresql      (the same on PostgreSQL, with serve's pool of 4)
#
# --postgresql uses the server of DATAOPS_TEST_POSTGRES_URL when set; else it starts a throwaway one
# with .ci/postgres in a temp folder (fsync on, as a real server) and stops it at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

engine=sqlite
if [[ "${1:-}" == --postgresql ]]; then
  engine=postgresql
  shift
fi
names=("${@:-Append Summary Report SimilarIncident}")

properties=(-Dbench.engine="$engine")
if [[ "$engine" == postgresql ]]; then
  if [[ -z "${DATAOPS_TEST_POSTGRES_URL:-}" ]]; then
    pg_dir=$(mktemp -d /tmp/store-bench-pg.XXXXXX)
    trap '.ci/postgres stop "$pg_dir" || true; rm -rf "$pg_dir"' EXIT
    echo "== starting a throwaway PostgreSQL in $pg_dir (.ci/postgres)"
    DATAOPS_TEST_POSTGRES_URL=$(.ci/postgres start "$pg_dir")
  else
    echo "== PostgreSQL from DATAOPS_TEST_POSTGRES_URL"
  fi
  properties+=(-DDATAOPS_TEST_POSTGRES_URL="$DATAOPS_TEST_POSTGRES_URL")
fi

for name in ${names[@]}; do
  echo "== ${name}Benchmark ($engine)"
  mvn -B -q -pl knowledge test-compile exec:java -Dexec.classpathScope=test \
    -Dexec.mainClass="dev.dataopsbot.knowledge.bench.${name}Benchmark" "${properties[@]}"
done
