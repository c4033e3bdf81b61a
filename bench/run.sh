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
java -jar "$JAR" bench "$SAMPLES" --rounds 50 --warmup 30

echo "== batch throughput: triage --batch --dry-run on 10,000 alerts (whole process, JVM start included)"
python3 - "$SAMPLES" "$WORK/batch.jsonl" <<'PY'
import json, sys, glob, os
texts = [json.loads(l)["text"] for l in open(sys.argv[1]) if l.strip()]
for path in sorted(glob.glob("rules/src/test/resources/scenarios/*/*.txt")):
    texts.append(open(path, encoding="utf-8").read())
with open(sys.argv[2], "w") as out:
    for i in range(10_000):
        out.write(json.dumps({"id": i, "text": texts[i % len(texts)]}) + "\n")
PY
start=$(now_ms)
java -jar "$JAR" triage --batch --dry-run "$WORK/batch.jsonl" > "$WORK/batch.out"
elapsed=$(( $(now_ms) - start ))
lines=$(wc -l < "$WORK/batch.out")
echo "batch: $lines results in ${elapsed} ms = $(( lines * 1000 / elapsed )) alerts/s"

echo "== cold start: java -jar ... triage on one alert, recorded in a fresh data folder (5 runs)"
python3 -c "import json,sys; print(json.loads(open(sys.argv[1]).readline())['text'])" "$SAMPLES" > "$WORK/one.txt"
times=()
for _ in 1 2 3 4 5; do
  start=$(now_ms)
  java -jar "$JAR" triage --data-dir "$WORK/data" "$WORK/one.txt" > /dev/null
  times+=( $(( $(now_ms) - start )) )
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n | tr '\n' ' ')
echo "cold start ms (sorted): $sorted"
