#!/bin/bash
# Real-system measurements to validate the cell simulator against (docs/simulation.md, "Against the real system"): on this machine,
# an edge profile of MobileNet (full) at loads 0–16 with serve's intra-op threads; then `serve` on 127.0.0.1 (no
# background load), its no-load service time (closed loop, concurrency 1, over HTTP and --in-process), its capacity
# (closed loop, saturating), and K = 8 devices with Poisson arrivals at about 30 %, 60 % and 85 % of that capacity,
# 60 s each. Everything lands in OUTDIR: profile, one loadgen JSON (+ per-request CSV) per step, the server's status,
# load averages, the exact commands (commands.txt) and a summary (summary.md, summary.json). About 7 minutes.
# Usage: scripts/sim-validate.sh [OUTDIR]   (default results/sim-validation, git-ignored)
# Environment: MODEL (mobilenet), DEVICES (8), LEVELS ("0.30 0.60 0.85"), LEVEL_DURATION (60s), SEED (42),
#   PROFILE_LOADS (0,1,2,3,4,6,8,12,16), MAX_CONCURRENCY (64), QUEUE_LIMIT (256), THREADS (1), CAP_CONCURRENCY (8), CAP_DURATION (20s), SERVICE_REQUESTS (500),
#   PROFILE_SAMPLES (60), PORT (5097), REPO (OUTDIR/repo), SKIP_BUILD (unset: build the CLI first; set: use the last build).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-results/sim-validation}
MODEL=${MODEL:-mobilenet}
DEVICES=${DEVICES:-8}
LEVELS=${LEVELS:-"0.30 0.60 0.85"}
LEVEL_DURATION=${LEVEL_DURATION:-60s}
SEED=${SEED:-42}
# Processor sharing by default, as the simulator's default edge: every admitted request runs at once on a single-thread
# session, so n requests in the server are 1 foreground + (n - 1) background tasks, the profile's load n - 1 (measured
# with --edge-threads THREADS). MAX_CONCURRENCY=2 gives serve's default on 2 cores instead (2 slots x 1 thread + a FIFO
# queue), which the simulator's fcfs discipline with 2 cores describes.
MAX_CONCURRENCY=${MAX_CONCURRENCY:-64}
QUEUE_LIMIT=${QUEUE_LIMIT:-256}
THREADS=${THREADS:-1}
CAP_CONCURRENCY=${CAP_CONCURRENCY:-8}
CAP_DURATION=${CAP_DURATION:-20s}
SERVICE_REQUESTS=${SERVICE_REQUESTS:-500}
PROFILE_SAMPLES=${PROFILE_SAMPLES:-60}
PROFILE_LOADS=${PROFILE_LOADS:-0,1,2,3,4,6,8,12,16}
PORT=${PORT:-5097}
mkdir -p "$OUT"
REPO=${REPO:-$OUT/repo}
EI="dotnet $OUT/cli/edgeinfer.dll"
URL=http://127.0.0.1:$PORT
CMDS=$OUT/commands.txt
: > "$CMDS"
: > "$OUT/loadavg.txt"

# Every measuring command is written to commands.txt before it runs, exactly as run.
run() { echo "$*" >> "$CMDS"; "$@"; }
loadavg() { echo "$(date -u +%H:%M:%S) $1 loadavg $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/loadavg.txt"; }

{
  echo "started $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown) (working tree may differ)"
  echo "cpu $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB"
  echo "model=$MODEL devices=$DEVICES levels=\"$LEVELS\" levelDuration=$LEVEL_DURATION seed=$SEED"
  echo "serve: maxConcurrency=$MAX_CONCURRENCY queueLimit=$QUEUE_LIMIT intraOpThreads=$THREADS; capacity: c=$CAP_CONCURRENCY $CAP_DURATION"
} > "$OUT/run.txt"

if [ -z "${SKIP_BUILD:-}" ]; then
  loadavg "build-before"
  run dotnet build -c Release src/EdgeInfer.Cli > "$OUT/build.log" 2>&1 || { echo "build failed; see $OUT/build.log" >&2; exit 1; }
fi
# Run from a private copy of the build: a rebuild in the working tree during the run then cannot swap the binaries.
rm -rf "$OUT/cli"
cp -r src/EdgeInfer.Cli/bin/Release/net10.0 "$OUT/cli"
echo "EI = dotnet $OUT/cli/edgeinfer.dll (a copy of src/EdgeInfer.Cli/bin/Release/net10.0)" >> "$CMDS"

# 1. Edge profile: foreground inference with THREADS intra-op threads under L single-thread background tasks.
loadavg "profile-before"
run $EI profile --models "$MODEL" --role edge --loads "$PROFILE_LOADS" --samples "$PROFILE_SAMPLES" --warmup 5 \
  --edge-threads "$THREADS" --repository "$REPO" -o "$OUT/profile.json" > "$OUT/profile.txt" 2> "$OUT/profile.err"
loadavg "profile-after"

# 2. The server, no background load, no start-up prune calibration (nothing is pruned here); warmed up below instead.
echo "$EI serve --urls $URL --repository $REPO --max-concurrency $MAX_CONCURRENCY --queue-limit $QUEUE_LIMIT" \
  "--intra-op-threads $THREADS --no-warmup --json &" >> "$CMDS"
$EI serve --urls "$URL" --repository "$REPO" --max-concurrency "$MAX_CONCURRENCY" --queue-limit "$QUEUE_LIMIT" \
  --intra-op-threads "$THREADS" --no-warmup --json > "$OUT/serve.json" 2> "$OUT/serve.err" &
SERVER=$!
trap 'kill -TERM $SERVER 2> /dev/null || true' EXIT
for _ in $(seq 1 240); do curl -sf "$URL/readyz" > /dev/null && break; sleep 0.5; done
curl -sf "$URL/readyz" > /dev/null || { echo "server did not become ready; see $OUT/serve.err" >&2; exit 1; }

# Unmeasured: JIT tiering of Kestrel, the handler and the client, and one session per slot (the server opens sessions on
# first need, each with a warm-up run; opened in the middle of a measured level they would add their open time).
run $EI loadgen --edge "$URL" --model "$MODEL" --concurrency "$MAX_CONCURRENCY" --requests 1000 --json > "$OUT/warmup.json"

# 3. No-load service time: one request at a time over HTTP, then the server's inference step in process (no HTTP).
loadavg "service-before"
run $EI loadgen --edge "$URL" --model "$MODEL" --concurrency 1 --requests "$SERVICE_REQUESTS" --json > "$OUT/service-http.json"
curl -sf "$URL/v1/status" > "$OUT/status-service.json"
run $EI loadgen --in-process --repository "$REPO" --max-concurrency "$MAX_CONCURRENCY" --intra-op-threads "$THREADS" \
  --model "$MODEL" --concurrency 1 --requests "$SERVICE_REQUESTS" --json > "$OUT/service-inprocess.json"
loadavg "service-after"

# 4. Capacity: closed loop, enough clients to keep the cores busy.
loadavg "capacity-before"
run $EI loadgen --edge "$URL" --model "$MODEL" --concurrency "$CAP_CONCURRENCY" --duration "$CAP_DURATION" --json > "$OUT/capacity.json"
loadavg "capacity-after"
CAPACITY=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["throughputPerSecond"])' "$OUT/capacity.json")

# 5. K devices, Poisson arrivals, at each fraction of the capacity.
for f in $LEVELS; do
  pct=$(python3 -c 'import sys; print(round(float(sys.argv[1]) * 100))' "$f")
  rate=$(python3 -c 'import sys; print(f"{float(sys.argv[1]) * float(sys.argv[2]) / int(sys.argv[3]):.4f}")' "$f" "$CAPACITY" "$DEVICES")
  loadavg "poisson-$pct-before"
  run $EI loadgen --edge "$URL" --model "$MODEL" --arrivals poisson --devices "$DEVICES" --rate "$rate" --seed "$SEED" \
    --duration "$LEVEL_DURATION" --samples-csv "$OUT/poisson-$pct.csv" --json > "$OUT/poisson-$pct.json"
  loadavg "poisson-$pct-after"
done

curl -sf "$URL/v1/status" > "$OUT/status-end.json"
kill -TERM $SERVER; wait $SERVER || true
trap - EXIT
rm -rf "$OUT/cli"
echo "finished $(date -u +%Y-%m-%dT%H:%M:%SZ)" >> "$OUT/run.txt"

python3 - "$OUT" "$LEVELS" <<'PY'
import json, sys
out, levels = sys.argv[1], sys.argv[2].split()
load = lambda name: json.load(open(f"{out}/{name}"))
profile = load("profile.json")["edge"]["models"][0]
curve = {m["load"]: m["inference"] for m in profile["measurements"]}
t0 = curve[0]["medianSeconds"]
http, local, cap = load("service-http.json"), load("service-inprocess.json"), load("capacity.json")
levels_out = []
for f in levels:
    d = load(f"poisson-{round(float(f) * 100)}.json")
    levels_out.append({k: d[k] for k in ("offeredRatePerSecond", "arrivalRatePerSecond", "throughputPerSecond", "meanSeconds", "p50Seconds",
                                         "p90Seconds", "p99Seconds", "requests", "succeeded", "errors", "rejected", "maxInFlight",
                                         "meanDispatchLagSeconds", "maxDispatchLagSeconds")} | {"fractionOfCapacity": float(f)})
summary = {
    "capacityPerSecond": cap["throughputPerSecond"],
    "serviceNoLoad": {
        "httpMeanSeconds": http["meanSeconds"], "httpMedianSeconds": http["p50Seconds"],
        "inProcessMeanSeconds": local["meanSeconds"], "inProcessMedianSeconds": local["p50Seconds"],
        "profileMedianSeconds": t0, "profileMeanSeconds": curve[0]["meanSeconds"],
    },
    "slowdownProfile": [[load_, round(v["medianSeconds"] / t0, 4)] for load_, v in sorted(curve.items())],
    "levels": levels_out,
}
json.dump(summary, open(f"{out}/summary.json", "w"), indent=2)
ms = lambda s: f"{s * 1e3:.2f}"
lines = [f"capacity (closed loop, c={cap['concurrency']}): {cap['throughputPerSecond']:.1f} inf/s; "
         f"its p50 {ms(cap['p50Seconds'])} ms",
         "",
         "| no-load service time | mean ms | median ms |", "|---|---:|---:|",
         f"| HTTP, concurrency 1 (end to end) | {ms(http['meanSeconds'])} | {ms(http['p50Seconds'])} |",
         f"| in process, concurrency 1 | {ms(local['meanSeconds'])} | {ms(local['p50Seconds'])} |",
         f"| profile, edge load 0 (inference only) | {ms(curve[0]['meanSeconds'])} | {ms(t0)} |",
         "",
         "| load L | " + " | ".join(str(k) for k in sorted(curve)) + " |", "|---|" + "---:|" * len(curve),
         "| median ms | " + " | ".join(ms(curve[k]["medianSeconds"]) for k in sorted(curve)) + " |",
         "| S(L) = T(L)/T(0) | " + " | ".join(f"{curve[k]['medianSeconds'] / t0:.2f}" for k in sorted(curve)) + " |",
         "",
         "| level | offered /s | sent /s | achieved /s | mean ms | p50 ms | p90 ms | p99 ms | count | errors | rejected | max in flight | lag mean ms |",
         "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
for l in levels_out:
    lines.append(f"| {l['fractionOfCapacity']:.0%} | {l['offeredRatePerSecond']:.1f} | {l['arrivalRatePerSecond']:.1f} | {l['throughputPerSecond']:.1f} "
                 f"| {ms(l['meanSeconds'])} | {ms(l['p50Seconds'])} | {ms(l['p90Seconds'])} | {ms(l['p99Seconds'])} | {l['requests']} "
                 f"| {l['errors']} | {l['rejected']} | {l['maxInFlight']} | {ms(l['meanDispatchLagSeconds'])} |")
open(f"{out}/summary.md", "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
PY
echo "results in $OUT (summary.md, summary.json, commands.txt, loadavg.txt)"
