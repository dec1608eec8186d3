#!/bin/bash
# Issue 14, section 3: "the store cannot take a new variant (disk full)". Mounts a small tmpfs (root only), puts a
# MobileNet repository on it with room for the model but not for a pruned variant, starts `serve`, and asks for an on-demand
# prune: a real ENOSPC during the build must answer 507 ProblemDetails, leave nothing in the cache, and the server must keep
# serving the full model. Usage: sudo scripts/probe-enospc.sh MOBILENET_REPO [SIZE_MB=30]
set -euo pipefail
cd "$(dirname "$0")/.."
SRC=$1; SIZE=${2:-30}
EI="dotnet src/EdgeInfer.Cli/bin/Release/net10.0/edgeinfer.dll"
PORT=${PORT:-5098}
MNT=$(mktemp -d /tmp/edgeinfer-enospc.XXXXXX)
mount -t tmpfs -o size=${SIZE}m tmpfs "$MNT"
trap 'kill ${PID:-0} 2>/dev/null || true; sleep 1; umount "$MNT"; rmdir "$MNT"' EXIT
mkdir -p "$MNT/repo/mobilenet"
cp -r "$SRC/mobilenet/full" "$MNT/repo/mobilenet/"
df -h "$MNT" | tail -1
$EI serve --urls http://127.0.0.1:$PORT --repository "$MNT/repo" --no-warmup > /dev/null 2> "${MNT}-serve.err" &
PID=$!
for i in $(seq 1 300); do curl -sf localhost:$PORT/healthz > /dev/null && break; sleep 0.2; done
echo "pruned on demand (expect 507):"
curl -s -w '\nstatus %{http_code}\n' "localhost:$PORT/v1/models/mobilenet/download?pf=0.5&format=wire" -o >(head -c 400; echo)
sleep 0.5
echo "cache left behind: $(find "$MNT/repo/.edge-cache" -type f 2>/dev/null | wc -l) files: $(find "$MNT/repo/.edge-cache" 2>/dev/null | tr "\n" " ")"
echo "full model still served: $(curl -s -o /dev/null -w '%{http_code} %{size_download} B' localhost:$PORT/v1/models/mobilenet/download)"
echo "healthz: $(curl -s -o /dev/null -w '%{http_code}' localhost:$PORT/healthz)"
