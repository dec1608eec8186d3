#!/bin/bash
# The cell simulator's scaling measurements (docs/simulation.md, "Performance"), one at a time on a quiet machine:
#  1. wall time against simulated requests, 10^5 … 10^8, on the reference workload (examples/cell-reference.json, the
#     joint policy, one run at a time);
#  2. 1,000,000 devices (the same workload spread over them): peak RSS (/usr/bin/time -v);
#  3. the PureEdgeSim 5.1 anchor: 10,000 devices for 10 minutes, 1.13 M tasks (0.188 requests/s per device), here on
#     4 cells of 2,500 devices each so that the radio is not overloaded.
# Usage: scripts/sim-scaling.sh [OUTDIR]   (default results/sim-scaling; about 5 minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-results/sim-scaling}
EI=src/EdgeInfer.Cli/bin/Release/net10.0/edgeinfer
[ -n "${SKIP_BUILD:-}" ] || dotnet build -c Release src/EdgeInfer.Cli > /dev/null
mkdir -p "$OUT"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$OUT/scaling.txt"
echo "requests_target,requests,wall_s,requests_per_wall_s,max_rss_kb" > "$OUT/scaling.csv"
for n in 100000 1000000 10000000 100000000; do
  seconds=$((n / 100))   # 10,000 devices x 0.01 requests/s = 100 requests/s
  dir="$OUT/requests-$n"
  rm -rf "$dir"
  /usr/bin/time -v "$EI" simulate --scenario examples/cell-reference.json --sweep "durationSeconds=$seconds" --policies joint \
    -o "$dir" > "$dir.stdout" 2> "$dir.time"
  python3 - "$dir" "$n" >> "$OUT/scaling.csv" <<'PY'
import json, re, sys
d, n = sys.argv[1], sys.argv[2]
run = json.load(open(d + "/run.json"))
rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", open(d + ".time").read()).group(1)
print(f'{n},{run["simulatedRequests"]},{run["wallSeconds"]},{run["requestsPerWallSecond"]},{rss}')
PY
  tail -1 "$OUT/scaling.csv"
done

dir="$OUT/devices-1000000"; rm -rf "$dir"
/usr/bin/time -v "$EI" simulate --scenario examples/cell-reference.json --policies joint --sweep devices.count=1000000 \
  --sweep durationSeconds=100 --sweep 'applications[0].arrivals.ratePerSecond=0.0001' -o "$dir" > "$dir.stdout" 2> "$dir.time"
echo "1,000,000 devices: $(grep -E 'Maximum resident|Elapsed' "$dir.time" | tr '\n' ' ')" | tee -a "$OUT/scaling.txt"

dir="$OUT/pureedgesim-anchor"; rm -rf "$dir"
/usr/bin/time -v "$EI" simulate --scenario examples/cell-pureedgesim.json -o "$dir" > "$dir.stdout" 2> "$dir.time"
python3 -c "import json;r=json.load(open('$dir/run.json'));print('PureEdgeSim anchor:', r['simulatedRequests'], 'requests,', r['wallSeconds'], 's wall,', r['requestsPerWallSecond'], 'requests/s')" | tee -a "$OUT/scaling.txt"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/scaling.txt"
