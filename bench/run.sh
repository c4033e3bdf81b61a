#!/usr/bin/env bash
# Benchmarks of the triage engine (see README, "Benchmarks"). Run from the repository root
# after building the jar:  mvn -B -q package -DskipTests && bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=bot/target/dataops-bot.jar
SAMPLES=rules/src/test/resources/samples/triage-samples.jsonl
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
[ -f "$JAR" ] || { echo "bench: $JAR is missing; build it with: mvn -B -q package -DskipTests" >&2; exit 2; }

now_ms() { date +%s%3N; }

echo "== machine: $(nproc) cores, $(java -version 2>&1 | head -1)"

echo "== in-process: rule base, index, warm classify+retrieve latency (60 labelled samples)"
java -jar "$JAR" bench "$SAMPLES" --rounds 50 --warmup 200

echo "== batch input: 10,000 alerts (the samples and scenarios, cycled)"
python3 - "$SAMPLES" "$WORK/batch.jsonl" <<'PY'
import json, sys, glob, os
texts = [json.loads(l)["text"] for l in open(sys.argv[1]) if l.strip()]
for path in sorted(glob.glob("rules/src/test/resources/scenarios/*/*.txt")):
    texts.append(open(path, encoding="utf-8").read())
with open(sys.argv[2], "w") as out:
    for i in range(10_000):
        out.write(json.dumps({"id": i, "text": texts[i % len(texts)]}) + "\n")
PY
# bin/dataops-bot keeps its class-data archive here; the first run writes it (timed below)
export DATAOPS_CDS_DIR="$WORK/cds"

batch() {  # batch LABEL COMMAND...
  local label=$1; shift
  local start elapsed lines
  start=$(now_ms)
  "$@" triage --batch --dry-run "$WORK/batch.jsonl" > "$WORK/batch.out"
  elapsed=$(( $(now_ms) - start ))
  lines=$(wc -l < "$WORK/batch.out")
  echo "batch, $label: $lines results in ${elapsed} ms = $(( lines * 1000 / elapsed )) alerts/s"
}

echo "== cold start: triage on one alert, recorded in a fresh data folder"
python3 -c "import json,sys; print(json.loads(open(sys.argv[1]).readline())['text'])" "$SAMPLES" > "$WORK/one.txt"
start=$(now_ms)
bin/dataops-bot triage --data-dir "$WORK/data0" "$WORK/one.txt" > /dev/null
echo "bin/dataops-bot first run (writes the class-data archive): $(( $(now_ms) - start )) ms"
cold() {  # cold LABEL COMMAND...: five runs
  local label=$1; shift
  local times=() start sorted
  for _ in 1 2 3 4 5; do
    start=$(now_ms)
    "$@" triage --data-dir "$WORK/data" "$WORK/one.txt" > /dev/null
    times+=( $(( $(now_ms) - start )) )
  done
  sorted=$(printf '%s\n' "${times[@]}" | sort -n | tr '\n' ' ')
  echo "cold start ms (sorted), $label: $sorted"
}
cold "bin/dataops-bot" bin/dataops-bot
cold "java -jar" java -jar "$JAR"

batch "bin/dataops-bot" bin/dataops-bot
batch "java -jar" java -jar "$JAR"
