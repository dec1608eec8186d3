#!/usr/bin/env python3
"""Converts a measured study (edgeinfer reproduce: measurements.json + report.md) into a profile document, the format
`edgeinfer profile` writes (src/EdgeInfer.Runtime/Profiles/ProfileDocument.cs, read by ProfileFile.Read), so that the
cell simulator can read the study's numbers through a scenario's "profile" references.

  device role: deviceFull / devicePruned (all statistics, median and spread), one entry at load 0
  edge role:   per load the full / pruned inference statistics, and for the pruned variant the prune statistics
               (above the lowest load these are derived, not timed, where the study's pruneDerived flag says so)
  variants:    `full` and `channel-ls-<pf>` (the study's pruned spec), sizes = the ONNX files (onnxBytes), as a profile
               records them; machine and settings from the report's header and the statistics' sample counts.

Usage: scripts/profile-from-study.py [STUDY_FOLDER] [OUTPUT]
       (defaults docs/results/paper and examples/profiles/paper-2core.json)
"""
import json
import re
import sys
from pathlib import Path

study = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/results/paper")
output = Path(sys.argv[2] if len(sys.argv) > 2 else "examples/profiles/paper-2core.json")
measurements = json.loads((study / "measurements.json").read_text())
report = (study / "report.md").read_text()


def find(pattern, what):
    match = re.search(pattern, report)
    if not match:
        sys.exit(f"{study / 'report.md'}: no {what} (pattern {pattern!r})")
    return match


machine_line = find(r"Machine: ([^,]+), (\d+) logical cores, (\d+) GiB, ([^;]+); ONNX Runtime ([^,]+), (\.NET [^\s]+?)\.?\n", "machine line")
cpu, cores, gib, system, ort, dotnet = machine_line.groups()
machine = {
    "cpuModel": cpu,
    "logicalCores": int(cores),
    "memoryBytes": int(gib) * 2**30,
    "operatingSystem": system,
    "onnxRuntimeVersion": ort,
    "dotnetVersion": dotnet,
}
run = find(r"run (\d{4}-\d\d-\d\d) (\d\d:\d\d) UTC", "run time")
measured_at = f"{run.group(1)}T{run.group(2)}:00+00:00"
warmup = int(find(r"after (\d+) warm-up", "warm-up count").group(1))
device_threads = int(find(r"device role is an ONNX Runtime session with (\d+) intra-op", "device threads").group(1))
load_model = find(r"background ONNX Runtime sessions of (\S+) ", "load model").group(1)


def pruned_name(spec):
    return f"{spec['method']}-{spec['pruningFactor']:.2f}"


def entry(model, variant, spec, size, trained, points):
    return {
        "model": model,
        "variant": variant,
        "pruningFactor": spec["pruningFactor"] if spec["method"] else None,
        "pruningMethod": spec["method"],
        "sizeBytes": size,
        "trained": trained,
        "measurements": points,
    }


def point(load, inference, prune=None):
    return {
        "load": load,
        "inference": inference,
        "pruneSeconds": prune,
        "sessionOpenSeconds": None,
        "firstSessionOpenSeconds": None,
        "wireDecodeSeconds": None,
        "backgroundInferences": 0,
    }


device_models, edge_models, derived = [], [], []
samples = prune_samples = None
for m in measurements["models"]:
    name, full, pruned = m["model"], m["full"], m["pruned"]
    variant = pruned_name(pruned["spec"])
    samples = m["deviceFull"]["count"]
    device_models.append(entry(name, "full", full["spec"], full["onnxBytes"], full["trained"], [point(0, m["deviceFull"])]))
    device_models.append(entry(name, variant, pruned["spec"], pruned["onnxBytes"], pruned["trained"], [point(0, m["devicePruned"])]))
    edge = sorted(m["edge"], key=lambda e: e["load"])
    prune_samples = edge[0]["prune"]["count"]
    derived_loads = [str(e["load"]) for e in edge if e.get("pruneDerived")]
    if derived_loads:
        derived.append(f"{name} at L = {', '.join(derived_loads)}")
    edge_models.append(entry(name, "full", full["spec"], full["onnxBytes"], full["trained"], [point(e["load"], e["full"]) for e in edge]))
    edge_models.append(
        entry(name, variant, pruned["spec"], pruned["onnxBytes"], pruned["trained"], [point(e["load"], e["pruned"], e["prune"]) for e in edge]))

loads = [e["load"] for e in sorted(measurements["models"][0]["edge"], key=lambda e: e["load"])]


def role(threads, role_loads, models, prunes):
    settings = {
        "samples": samples,
        "warmupRuns": warmup,
        "intraOpThreads": threads,
        "allowSpinning": True,
        "loads": role_loads,
        "loadModel": load_model if role_loads != [0] else None,
        "pruneSamples": prunes,
    }
    return {"machine": machine, "settings": settings, "measuredAtUtc": measured_at, "models": models}


profile = {
    "schemaVersion": 1,
    "complete": True,
    "device": role(device_threads, [0], device_models, 0),
    "edge": role(int(cores), loads, edge_models, prune_samples),
}
output.parent.mkdir(parents=True, exist_ok=True)
output.write_text(json.dumps(profile, indent=2) + "\n")
print(f"wrote {output}: {len(device_models)} variants, edge loads {loads}")
print(f"prune times derived (not timed): {'; '.join(derived) if derived else 'none'}")
