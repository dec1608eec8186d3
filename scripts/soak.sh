#!/bin/bash
# Issue 14 §5, load held over time. Starts `edgeinfer serve` (Release build), measures its capacity with a closed loop
# (MobileNet tensors, like edge-loadgen.sh), then runs `edgeinfer soak` open loop against it and stops it again:
#   soak (default):  MINUTES at 80 % of capacity with the realistic mix (60 % tensor + 15 % image inferences, 12 % ranged
#                    downloads in three formats, 6 % on-demand prunes of a pf grid, 2 % cache deletions, 5 % malformed);
#                    verdicts: RSS drift after warm-up <= 5 %, no 5xx, malformed -> 4xx, p99 flat, queue bounded.
#   MODE=overload:   MINUTES at 2x capacity, tensor inferences only (scripts/overload.sh); verdicts: goodput >= 90 % of
#                    capacity, rejections p99 <= 5 ms, Retry-After on every rejection, queue never above its limit.
# Usage: scripts/soak.sh [MINUTES=30] [OUTDIR=results/soak]        MODE=overload scripts/soak.sh [MINUTES=3] [OUTDIR]
# Environment: PORT (5097), REPO (results/soak-repo), SLOTS (serve --max-concurrency, 2), QUEUE (--queue-limit, 64),
#   CAPACITY (inf/s; skips the measurement), SHARE (0.8 soak, 2 overload), WINDOW (30s; 10s below 10 min),
#   WARMUP (5m; a third of the run below 15 min), GRID (0.25,0.5,0.75), SERVER_CPUS / CLIENT_CPUS (taskset lists, optional).
# Output in OUTDIR: NAME.json (report), NAME.png/.svg/.csv (RSS and p50/p99 over time), NAME-windows.csv, NAME-samples.csv,
#   capacity.json, serve.err/serve.out, load.txt. Exit status: the soak's (1 when a verdict failed).
set -euo pipefail
cd "$(dirname "$0")/.."
MODE=${MODE:-soak}
case "$MODE" in soak) DEFAULT_MIN=30 ;; overload) DEFAULT_MIN=3 ;; *) echo "MODE must be soak or overload" >&2; exit 2 ;; esac
MIN=${1:-$DEFAULT_MIN}; OUT=${2:-results/$MODE}
PORT=${PORT:-5097}; REPO=${REPO:-results/soak-repo}; SLOTS=${SLOTS:-2}; QUEUE=${QUEUE:-64}; GRID=${GRID:-0.25,0.5,0.75}
DLL=src/EdgeInfer.Cli/bin/Release/net10.0/edgeinfer.dll
SERVE_PIN=(); CLIENT_PIN=()
[ -n "${SERVER_CPUS:-}" ] && SERVE_PIN=(taskset -c "$SERVER_CPUS")
[ -n "${CLIENT_CPUS:-}" ] && CLIENT_PIN=(taskset -c "$CLIENT_CPUS")
[ -f "$DLL" ] || dotnet build src/EdgeInfer.Cli -c Release -v q -nologo
mkdir -p "$OUT"
log() { echo "[$(date -u +%H:%M:%S)] $*" | tee -a "$OUT/progress.txt" >&2; }

# Generous flags when this build has them: the soak's prune grid allowed (another part of issue 14 adds --prune-grid).
EXTRA=()
HELP=$(dotnet "$DLL" serve --help)
grep -q -- '--prune-grid' <<< "$HELP" && EXTRA+=(--prune-grid "$GRID")
log "starting serve on 127.0.0.1:$PORT (repository $REPO, $SLOTS slots, queue $QUEUE) ${EXTRA[*]}"
"${SERVE_PIN[@]}" dotnet "$DLL" serve --urls "http://127.0.0.1:$PORT" --repository "$REPO" --build mobilenet \
  --max-concurrency "$SLOTS" --queue-limit "$QUEUE" "${EXTRA[@]}" > "$OUT/serve.out" 2> "$OUT/serve.err" &
PID=$!
cleanup() { if kill -0 "$PID" 2> /dev/null; then kill -TERM "$PID" 2> /dev/null; wait "$PID" 2> /dev/null || true; fi; }
trap cleanup EXIT
trap 'exit 130' INT TERM
for _ in $(seq 1 1200); do
  curl -sf "localhost:$PORT/readyz" > /dev/null && break
  kill -0 "$PID" 2> /dev/null || { log "serve exited; see $OUT/serve.err"; tail -5 "$OUT/serve.err" >&2; exit 1; }
  sleep 0.5
done
curl -sf "localhost:$PORT/readyz" > /dev/null || { log "serve not ready after 10 min"; exit 1; }
EI() { "${CLIENT_PIN[@]}" dotnet "$DLL" "$@"; }

if [ -z "${CAPACITY:-}" ]; then
  log "measuring capacity: closed loop, $((2 * SLOTS)) clients, 500 unmeasured then 30 s"
  EI loadgen --edge "http://127.0.0.1:$PORT" --model mobilenet --concurrency $((2 * SLOTS)) --requests 500 > /dev/null
  EI loadgen --edge "http://127.0.0.1:$PORT" --model mobilenet --concurrency $((2 * SLOTS)) --duration 30s --json > "$OUT/capacity.json"
  CAPACITY=$(python3 -c 'import json,sys; print(round(json.load(open(sys.argv[1]))["throughputPerSecond"], 1))' "$OUT/capacity.json")
fi
if [ "$MODE" = soak ]; then SHARE=${SHARE:-0.8}; else SHARE=${SHARE:-2}; fi
RATE=$(python3 -c "print(round($CAPACITY * $SHARE, 1))")
if [ "$MIN" -ge 10 ]; then WINDOW=${WINDOW:-30s}; else WINDOW=${WINDOW:-10s}; fi
if [ "$MIN" -ge 15 ]; then WARMUP=${WARMUP:-5m}; else WARMUP=${WARMUP:-$((MIN * 20))s}; fi
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" > "$OUT/load.txt"
[ "$MODE" = soak ] && NOTE=", warm-up $WARMUP" || NOTE=""
log "capacity $CAPACITY inf/s; $MODE at $RATE req/s ($SHARE x) for $MIN min, windows $WINDOW$NOTE; load $(cut -d' ' -f1-3 /proc/loadavg)"
ARGS=(--edge "http://127.0.0.1:$PORT" --model mobilenet --rate "$RATE" --duration "${MIN}m" --window "$WINDOW" --server-pid "$PID" --out "$OUT")
if [ "$MODE" = soak ]; then
  ARGS+=(--warmup "$WARMUP" --prune-grid "$GRID")
else
  ARGS+=(--warmup 0 --mix inference --capacity "$CAPACITY")
fi
set +e
# The server's pid is dotnet's own (no wrapper), so /proc/$PID/status is the server's RSS.
EI soak "${ARGS[@]}" 2> >(tee -a "$OUT/progress.txt" >&2) | tee "$OUT/verdicts.txt"
CODE=${PIPESTATUS[0]}
set -e
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/load.txt"
log "stopping serve"
cleanup
log "done (exit $CODE): $OUT/$MODE.png, $OUT/verdicts.txt; $(tr '\n' ' ' < "$OUT/load.txt")"
exit "$CODE"
