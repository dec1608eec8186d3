#!/bin/bash
# Issue 14 §4: coverage-guided fuzzing of one parser with SharpFuzz + AFL++ (Debian `afl++`).
# Usage: scripts/fuzz.sh TARGET MINUTES
#   TARGET: wire | onnx | scenario | study-config | idx | image | tensor-body (fuzz/EdgeInfer.Fuzz.Targets/FuzzTargets.cs)
# Needs: afl-fuzz on PATH and the SharpFuzz instrumenter (`dotnet tool install --global SharpFuzz.CommandLine --version 2.3.0`).
# Builds fuzz/EdgeInfer.Fuzz (Release), copies it to results/fuzz/TARGET/bin, instruments the assemblies under test with
# `sharpfuzz`, seeds afl-fuzz with every file under fuzz/corpus/TARGET (regressions included) and fuzzes for MINUTES
# (nice'd). Output (git-ignored): results/fuzz/TARGET/out/default/{fuzzer_stats,queue,crashes,hangs}. A crash or hang
# replays with the uninstrumented build: `dotnet fuzz/EdgeInfer.Fuzz/bin/Release/net10.0/EdgeInfer.Fuzz.dll TARGET FILE`
# (instrumented assemblies only run under afl-fuzz). Extra afl-fuzz flags: AFL_EXTRA_ARGS;
# FUZZ_SKIP_BUILD=1 reuses the last build (two targets started together).
set -euo pipefail
cd "$(dirname "$0")/.."
TARGET=${1:?usage: scripts/fuzz.sh TARGET MINUTES}
MINUTES=${2:?usage: scripts/fuzz.sh TARGET MINUTES}
TIMEOUT_MS=${FUZZ_TIMEOUT_MS:-10000}      # one input taking longer is a hang (generous: the machine may be loaded)
HEAP_LIMIT=${FUZZ_HEAP_LIMIT:-0x40000000} # 1 GiB managed heap: an allocation sized by a forged length fails loudly

case "$TARGET" in
  wire) ASSEMBLIES="EdgeInfer.Pruning EdgeInfer.Models Google.Protobuf" ;;
  onnx) ASSEMBLIES="EdgeInfer.Models EdgeInfer.Core Google.Protobuf" ;;
  scenario) ASSEMBLIES="EdgeInfer.Simulation EdgeInfer.Core" ;;
  study-config) ASSEMBLIES="EdgeInfer.Study EdgeInfer.Core EdgeInfer.Pruning" ;;
  idx) ASSEMBLIES="EdgeInfer.Accuracy" ;;
  image) ASSEMBLIES="EdgeInfer.Imaging" ;;
  tensor-body) ASSEMBLIES="EdgeInfer.Edge EdgeInfer.Imaging" ;;
  *) echo "unknown target '$TARGET' (wire, onnx, scenario, study-config, idx, image, tensor-body)" >&2; exit 2 ;;
esac

SHARPFUZZ=$(command -v sharpfuzz || echo "$HOME/.dotnet/tools/sharpfuzz")
[ -x "$SHARPFUZZ" ] || { echo "sharpfuzz not found: dotnet tool install --global SharpFuzz.CommandLine --version 2.3.0" >&2; exit 2; }
command -v afl-fuzz > /dev/null || { echo "afl-fuzz not found: apt-get install afl++" >&2; exit 2; }

WORK=results/fuzz/$TARGET
rm -rf "$WORK/bin" "$WORK/in"
mkdir -p "$WORK/bin" "$WORK/in"
[ -n "${FUZZ_SKIP_BUILD:-}" ] || nice -n 10 dotnet build fuzz/EdgeInfer.Fuzz -c Release -v q -nologo
cp -r fuzz/EdgeInfer.Fuzz/bin/Release/net10.0/. "$WORK/bin/"
for assembly in $ASSEMBLIES; do
  "$SHARPFUZZ" "$WORK/bin/$assembly.dll"
done
i=0
find "fuzz/corpus/$TARGET" -type f | sort | while read -r seed; do
  i=$((i + 1))
  cp "$seed" "$WORK/in/$(printf '%03d' "$i")-$(basename "$seed")"
done

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$WORK/load.txt"
export AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_BIN_CHECK=1 AFL_NO_AFFINITY=1 AFL_NO_UI=1
export AFL_FORKSRV_INIT_TMOUT=120000 DOTNET_GCHeapHardLimit=$HEAP_LIMIT DOTNET_TieredPGO=0
# -m none: the .NET runtime reserves far more address space than it uses; the heap limit above bounds memory instead.
# -V: stop after MINUTES. A resumed run (-i -) is not used: each run starts from the seeds.
rm -rf "$WORK/out"
# shellcheck disable=SC2086
nice -n 10 afl-fuzz -i "$WORK/in" -o "$WORK/out" -t "$TIMEOUT_MS" -m none -V "$((MINUTES * 60))" ${AFL_EXTRA_ARGS:-} \
  -- dotnet "$WORK/bin/EdgeInfer.Fuzz.dll" "$TARGET" > "$WORK/afl.log" 2>&1 || { tail -40 "$WORK/afl.log" >&2; exit 1; }
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$WORK/load.txt"

STATS=$WORK/out/default/fuzzer_stats
stat() { awk -F' *: *' -v k="$1" '$1 == k { print $2 }' "$STATS"; }
crashes=$(find "$WORK/out/default/crashes" -type f -name 'id:*' | wc -l)
hangs=$(find "$WORK/out/default/hangs" -type f -name 'id:*' | wc -l)
echo "target: $TARGET"
echo "run time (s): $(stat run_time)"
echo "executions: $(stat execs_done)"
echo "exec/s: $(stat execs_per_sec)"
echo "paths (corpus_count): $(stat corpus_count)"
echo "crashes: $crashes"
echo "hangs: $hangs"
[ "$crashes" -eq 0 ] && [ "$hangs" -eq 0 ] || { echo "findings in $WORK/out/default/{crashes,hangs}" >&2; exit 1; }
