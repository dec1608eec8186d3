#!/bin/bash
# Issue 7 targets 1 and 2: server overhead at p50 and saturated throughput vs in-process ORT (MobileNet, no shaping),
# side by side in one BenchmarkDotNet run (joined summary). Usage: scripts/edge-bench.sh [OUTDIR]
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-results/edge-bench}
mkdir -p "$OUT"
dotnet build -c Release bench/EdgeInfer.Benchmarks -v q -nologo
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$OUT/load.txt"
dotnet bench/EdgeInfer.Benchmarks/bin/Release/net10.0/EdgeInfer.Benchmarks.dll \
  --filter '*EdgeOverheadBenchmarks*' '*EdgeThroughputBenchmarks*' --join --artifacts "$OUT/bdn" > "$OUT/bdn.log" 2>&1
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/load.txt"
grep -A6 '^| Type' "$OUT/bdn.log"
