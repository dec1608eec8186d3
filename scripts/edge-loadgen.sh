#!/bin/bash
# Issue 7 loadgen table: MobileNet and ResNet-152 at concurrency 1, 4, 16, 64 against one server with 2 slots of one
# intra-op thread (2 cores), synthetic 1×3×224×224 tensors, no shaping. Usage: scripts/edge-loadgen.sh OUTDIR REPO
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=$1; REPO=$2
EI="dotnet src/EdgeInfer.Cli/bin/Release/net10.0/edgeinfer.dll"
PORT=${PORT:-5096}
mkdir -p "$OUT"
$EI serve --urls http://127.0.0.1:$PORT --repository "$REPO" --build mobilenet,resnet152 --max-concurrency 2 --queue-limit 64 \
  > "$OUT/serve.out" 2> "$OUT/serve.err" &
PID=$!
for i in $(seq 1 600); do curl -sf localhost:$PORT/readyz > /dev/null && break; sleep 0.5; done
echo "loadavg $(cut -d' ' -f1-3 /proc/loadavg)" > "$OUT/load.txt"
for m in mobilenet resnet152; do
  for c in 1 4 16 64; do
    if [ $m = mobilenet ]; then R=$((c < 16 ? 200 : 320)); else R=$((c < 16 ? 30 : 96)); fi
    $EI loadgen --edge http://127.0.0.1:$PORT --model $m --concurrency $c --requests $R --json > "$OUT/lg-$m-$c.json" 2> "$OUT/lg-$m-$c.err"
  done
done
kill -TERM $PID; wait $PID || true
python3 - "$OUT" <<'PY'
import json, sys
out = sys.argv[1]
print("| model | concurrency | requests | throughput (inf/s) | p50 ms | p90 ms | p99 ms | status counts |")
print("|---|---:|---:|---:|---:|---:|---:|---|")
for m in ("mobilenet", "resnet152"):
    for c in (1, 4, 16, 64):
        d = json.load(open(f"{out}/lg-{m}-{c}.json"))
        print(f"| {m} | {c} | {d['requests']} | {d['throughputPerSecond']:.1f} | {d['p50Seconds']*1e3:.1f} | {d['p90Seconds']*1e3:.1f} | {d['p99Seconds']*1e3:.1f} | {', '.join(k+': '+str(v) for k,v in d['byStatus'].items())} |")
PY
