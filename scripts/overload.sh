#!/bin/bash
# Issue 14 §5: overload at 2x the measured capacity (see scripts/soak.sh). Usage: scripts/overload.sh [MINUTES=3] [OUTDIR=results/overload]
exec env MODE=overload "$(dirname "$0")/soak.sh" "$@"
