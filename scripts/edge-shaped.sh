#!/bin/bash
# Issue 7 shaped check, emulating two machines on one 2-core host: the edge server (and its background load) pinned to
# CPU 0, the device (profile and client) pinned to CPU 1. The device profile is measured pinned the same way. Runs the six
# strategies with shaping on at loads 0 and 4 and prints the per-strategy table.
# Usage: scripts/edge-shaped.sh OUTDIR REPO PROFREPO [extra device options, e.g. --pruned-format onnx]
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=$1; REPO=$2; PROFREPO=$3; shift 3
EI="dotnet src/EdgeInfer.Cli/bin/Release/net10.0/edgeinfer.dll"
PORT=${PORT:-5095}; Q=${Q:-20}; REPEAT=${REPEAT:-1}
mkdir -p "$OUT"
taskset -c 1 $EI profile --models mobilenet --role device --pf 0.7 --method global --samples 20 --setup-samples 5 \
  --repository "$PROFREPO" -o "$OUT/device-profile.json" --json > "$OUT/profile.json" 2> "$OUT/profile.err"
for L in 0 4; do
  rm -rf "$REPO/.edge-cache" "$OUT/devcache"
  taskset -c 0 $EI serve --urls http://127.0.0.1:$PORT --repository "$REPO" --background-load $L > "$OUT/serve-$L.out" 2> "$OUT/serve-$L.err" &
  PID=$!
  for i in $(seq 1 120); do curl -sf localhost:$PORT/readyz > /dev/null && break; sleep 0.5; done
  echo "load $L: loadavg $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/load.txt"
  taskset -c 1 $EI device --edge http://127.0.0.1:$PORT --model mobilenet --requests $Q --strategy all --pf 0.7 --method global \
    --device-profile "$OUT/device-profile.json" --cache "$OUT/devcache" --repeat $REPEAT --json "$@" > "$OUT/shaped-$L.json" 2> "$OUT/shaped-$L.err"
  kill -TERM $PID; wait $PID || true
done
python3 - "$OUT" <<'PY'
import json, sys
out = sys.argv[1]
for L in (0, 4):
    print(f"load {L} plan inputs:", *json.load(open(f"{out}/shaped-{L}.json"))["sources"], sep="\n  ")
print("| load | strategy | cycle ms | predicted | error | paper-only | error | lifetime s | predicted | error | paper-only error | req median ms | T_pr ms | decode ms | session load ms |")
print("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for L in (0, 4):
    d = json.load(open(f"{out}/shaped-{L}.json"))
    for r in d["runs"]:
        m, p, e = r["measured"], r["predicted"], r["relativeError"]
        pc, pl = p['paperCycleDelaySeconds'], p['paperLifetimeDelaySeconds']
        if d["repeat"] > 1: continue
        print(f"| {L} | {r['strategy']} | {m['cycleDelaySeconds']*1e3:.1f} | {p['cycleDelaySeconds']*1e3:.1f} | {e['cycleDelay']*100:+.0f} % "
              f"| {pc*1e3:.1f} | {(m['cycleDelaySeconds']-pc)/pc*100:+.0f} % "
              f"| {m['lifetimeDelaySeconds']:.3f} | {p['lifetimeDelaySeconds']:.3f} | {e['lifetimeDelay']*100:+.0f} % | {(m['lifetimeDelaySeconds']-pl)/pl*100:+.0f} % | {m['requestMedianSeconds']*1e3:.1f} "
              f"| {m['pruneSeconds']*1e3:.0f} | {m['decodeSeconds']*1e3:.0f} | {m['sessionLoadSeconds']*1e3:.0f} |")
if json.load(open(f"{out}/shaped-0.json"))["repeat"] > 1:
    print()
    print("medians over the repetitions (cycle = first request of each repetition):")
    print("| load | strategy | runs | cycle ms (median) | predicted ms (median) | median error | per-run errors | paper-only ms | error | lifetime s | predicted s | median error |")
    print("|---:|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|")
    for L in (0, 4):
        d = json.load(open(f"{out}/shaped-{L}.json"))
        errs = {}
        for r in d["runs"]:
            errs.setdefault(r["strategy"], []).append(r["relativeError"]["cycleDelay"])
        for m in d["summary"]:
            pe = (m["cycleDelaySeconds"] - m["paperCycleDelaySeconds"]) / m["paperCycleDelaySeconds"]
            print(f"| {L} | {m['strategy']} | {m['repetitions']} | {m['cycleDelaySeconds']*1e3:.1f} | {m['predictedCycleDelaySeconds']*1e3:.1f} | {m['cycleError']*100:+.0f} % "
                  f"| {' '.join(f'{e*100:+.0f}' for e in errs[m['strategy']])} | {m['paperCycleDelaySeconds']*1e3:.1f} | {pe*100:+.0f} % "
                  f"| {m['lifetimeDelaySeconds']:.3f} | {m['predictedLifetimeDelaySeconds']:.3f} | {m['lifetimeError']*100:+.0f} % |")
PY
