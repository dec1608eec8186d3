#!/bin/bash
# Issue 7 saturation target with the client off the server's core, as on a real network: the server (1 slot x 1 intra-op
# thread) pinned to CPU 0 and loaded over HTTP by loadgen pinned to CPU 1, against the server's own inference step in
# process (loadgen --in-process, same options: 1 slot x 1 thread) pinned to CPU 0. A/B alternated ROUNDS times; each
# pair's ratio is printed. MobileNet, synthetic tensor, no shaping, 2 clients (one queued, so the slot is never idle).
# Usage: scripts/edge-throughput.sh OUTDIR REPO [ROUNDS] [DURATION]
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=$1; REPO=$2; ROUNDS=${3:-3}; DUR=${4:-20s}
EI="dotnet src/EdgeInfer.Cli/bin/Release/net10.0/edgeinfer.dll"
PORT=${PORT:-5094}
mkdir -p "$OUT"
taskset -c 0 $EI serve --urls http://127.0.0.1:$PORT --repository "$REPO" --build mobilenet --max-concurrency 1 --intra-op-threads 1 --no-warmup \
  > "$OUT/serve.out" 2> "$OUT/serve.err" &
PID=$!
for i in $(seq 1 240); do curl -sf localhost:$PORT/readyz > /dev/null && break; sleep 0.5; done
# Steady state first: 2,000 unmeasured requests (JIT tiering of Kestrel and the handler; measured on a cold server the
# first round read 87 %).
taskset -c 1 $EI loadgen --edge http://127.0.0.1:$PORT --model mobilenet --concurrency 2 --requests 2000 > /dev/null
echo "loadavg $(cut -d' ' -f1-3 /proc/loadavg)" > "$OUT/load.txt"
for r in $(seq 1 "$ROUNDS"); do
  taskset -c 0 $EI loadgen --in-process --repository "$REPO" --max-concurrency 1 --intra-op-threads 1 --model mobilenet \
    --concurrency 2 --duration "$DUR" --json > "$OUT/inprocess-$r.json"
  taskset -c 1 $EI loadgen --edge http://127.0.0.1:$PORT --model mobilenet --concurrency 2 --duration "$DUR" --json > "$OUT/server-$r.json"
done
kill -TERM $PID; wait $PID || true
python3 - "$OUT" "$ROUNDS" <<'PY'
import json, sys
out, rounds = sys.argv[1], int(sys.argv[2])
print("| round | in-process inf/s | server inf/s | ratio | in-process p50 ms | server p50 ms |")
print("|---:|---:|---:|---:|---:|---:|")
for r in range(1, rounds + 1):
    a = json.load(open(f"{out}/inprocess-{r}.json")); b = json.load(open(f"{out}/server-{r}.json"))
    print(f"| {r} | {a['throughputPerSecond']:.1f} | {b['throughputPerSecond']:.1f} | {b['throughputPerSecond']/a['throughputPerSecond']*100:.1f} % "
          f"| {a['p50Seconds']*1e3:.2f} | {b['p50Seconds']*1e3:.2f} |")
PY
