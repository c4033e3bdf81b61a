#!/usr/bin/env bash
# Benchmark of `rules backtest` (see README, "Benchmarks"): records 10,000 distinct incidents
# (the samples and the failure scenarios, cycled, each under its own pipeline name) into a fresh data folder,
# then times the replay against the recorded decisions (one pass) and against the rules in force
# (a copy of the bundled rules: two passes). Run from the repository root after building the jar:
#   mvn -B -q package -DskipTests && bench/backtest.sh
set -euo pipefail
cd "$(dirname "$0")/.."
SAMPLES=rules/src/test/resources/samples/triage-samples.jsonl
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
[ -f bot/target/dataops-bot.jar ] || { echo "bench: the jar is missing; build it with: mvn -B -q package -DskipTests" >&2; exit 2; }
export DATAOPS_CDS_DIR="$WORK/cds"
now_ms() { date +%s%3N; }
echo "== machine: $(nproc) cores, $(java -version 2>&1 | head -1)"

python3 - "$SAMPLES" "$WORK/alerts.jsonl" <<'PY'
import json, sys, glob
texts = [json.loads(l)["text"] for l in open(sys.argv[1]) if l.strip()]
for path in sorted(glob.glob("rules/src/test/resources/scenarios/*/*.txt")):
    if "/unknown/" not in path:  # success and recovery notices among them open no incident
        texts.append(open(path, encoding="utf-8").read())
with open(sys.argv[2], "w") as out:
    for i in range(10_000):
        # its own DAG and task: a new incident, not a repeat of an earlier one
        out.write(json.dumps({"id": i, "text": f"dag_id=bench_{i} task_id=load_{i}\n" + texts[i % len(texts)]}) + "\n")
PY
start=$(now_ms)
bin/dataops-bot triage --batch --data-dir "$WORK/data" "$WORK/alerts.jsonl" > /dev/null 2>&1
echo "recorded 10,000 alerts in $(( $(now_ms) - start )) ms"
sqlite3 "$WORK/data/dataops.db" "select count(*) || ' incidents' from incident" 2>/dev/null || true
bin/dataops-bot rules export "$WORK/copy" > /dev/null
bin/dataops-bot rules export "$WORK/edited" > /dev/null
# the edited candidate: every rule of rate_limit.drl deleted
python3 -c 'import re,sys; p=sys.argv[1]; s=open(p).read(); open(p,"w").write(re.sub(r"(?ms)^rule \".*?^end\n?", "", s))' "$WORK/edited/rate_limit.drl"

time_it() {  # time_it LABEL ARGS...
  local label=$1; shift
  local start elapsed
  start=$(now_ms)
  bin/dataops-bot rules backtest --data-dir "$WORK/data" --json "$@" > "$WORK/out.json"
  elapsed=$(( $(now_ms) - start ))
  echo "backtest, $label: ${elapsed} ms, $(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["alerts"], "alerts,", len(d["changed"]), "changed,", len(d["redecided"]), "decided by another rule")' "$WORK/out.json")"
}
time_it "against the recorded decisions (one pass)"
time_it "a copy of the bundled rules against the rules in force (two passes)" --rules "$WORK/copy"
time_it "the copy without rate_limit.drl's rules against the rules in force (two passes)" --rules "$WORK/edited"
