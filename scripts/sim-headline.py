#!/usr/bin/env python3
"""The cell simulator's headline experiment (docs/simulation.md, "Joint placement and caching").

Usage: scripts/sim-headline.py [OUTDIR] [REPLICATIONS]   (default results/sim-headline, 3; REUSE=1 keeps finished sweeps)

Runs examples/cell.json (the three networks with their measured profiles, full + channel-ls-0.70, 4 replicas each,
two application classes) for 1000 s of simulated time (longer than the classes' model lifetimes of 250 and 1000 s, so
that a download's cost and its benefit both fall in the window) over devices 10, 100, 1000, 10000 x store capacity 0,
1/4, 1/2 and all of the pruned variants, every placement policy under LRU and utility-per-byte eviction, and compares at each point the joint policy
with the best fixed policy (always-*, threshold, paper, with its better eviction; only those that finished every
request) on mean delay (the joint policy minimising latency) and on device energy per request (a second pass with the
energy objective), with the Top-1 each delivered. Writes OUTDIR/headline.csv and OUTDIR/headline.md.
"""
import csv
import os
import subprocess
import sys

out = sys.argv[1] if len(sys.argv) > 1 else "results/sim-headline"
replications = sys.argv[2] if len(sys.argv) > 2 else "3"
cli = "src/EdgeInfer.Cli/bin/Release/net10.0/edgeinfer"
all_pruned = 259_975_080  # the 12 pruned variants of examples/cell.json (3 networks x 4 replicas)
capacities = [0, all_pruned // 4, all_pruned // 2, all_pruned]

def simulate(folder, *arguments):
    """Runs one sweep into OUTDIR/folder, unless REUSE=1 and it is there already."""
    if os.environ.get("REUSE") == "1" and os.path.exists(os.path.join(out, folder, "summary.csv")):
        return
    subprocess.run([cli, "simulate", "--scenario", "examples/cell.json", "-o", os.path.join(out, folder), *arguments], check=True)


simulate("runs", "--replications", replications, "--sweep", "durationSeconds=1000",
                "--sweep", "devices.count=10:10000:x10",
                "--sweep", "edge.store.capacityBytes=" + ",".join(str(c) for c in capacities))

rows = list(csv.DictReader(open(os.path.join(out, "runs", "summary.csv"))))
# The same grid with the energy objective, for the joint policy (and the paper's rule, which also takes an objective).
simulate("runs-energy", "--replications", replications, "--sweep", "durationSeconds=1000", "--sweep", "objective=energy",
         "--policies", "paper,joint", "--sweep", "devices.count=10:10000:x10",
         "--sweep", "edge.store.capacityBytes=" + ",".join(str(c) for c in capacities))
energy_rows = list(csv.DictReader(open(os.path.join(out, "runs-energy", "summary.csv"))))


def num(row, key):
    value = row[key]
    return float(value) if value not in ("", "NaN") else float("nan")


table = []
points = sorted({(int(float(r["devices.count"])), int(float(r["edge.store.capacityBytes"]))) for r in rows})
for devices, capacity in points:
    here = [r for r in rows if int(float(r["devices.count"])) == devices and int(float(r["edge.store.capacityBytes"])) == capacity]
    joint = min((r for r in here if r["policy"] == "joint"), key=lambda r: num(r, "meanDelaySeconds"))
    joint_energy = min((r for r in energy_rows if r["policy"] == "joint" and int(float(r["devices.count"])) == devices
                        and int(float(r["edge.store.capacityBytes"])) == capacity), key=lambda r: num(r, "meanDeviceEnergyJoules"))
    fixed = [r for r in here if r["policy"] != "joint" and num(r, "unfinished") == 0 and num(r, "requests") > 0]
    fair = [r for r in fixed if num(r, "meanTop1") <= num(joint, "meanTop1") + 1e-9]

    def best(candidates, key):
        return min(candidates, key=lambda r: num(r, key)) if candidates else None

    entry = {"devices": devices, "capacityBytes": capacity,
             "joint_delay_s": num(joint, "meanDelaySeconds"), "joint_energy_J": num(joint, "meanDeviceEnergyJoules"),
             "joint_top1": num(joint, "meanTop1"), "joint_unfinished": num(joint, "unfinished"), "joint_eviction": joint["eviction"],
             "joint_energy_objective_J": num(joint_energy, "meanDeviceEnergyJoules"),
             "joint_energy_objective_delay_s": num(joint_energy, "meanDelaySeconds")}
    for label, candidates in (("any", fixed), ("fair", fair)):
        for metric, key in (("delay", "meanDelaySeconds"), ("energy", "meanDeviceEnergyJoules")):
            b = best(candidates, key)
            entry[f"{label}_{metric}_policy"] = f'{b["policy"]}/{b["eviction"]}' if b else "-"
            entry[f"{label}_{metric}"] = num(b, key) if b else float("nan")
            entry[f"{label}_{metric}_top1"] = num(b, "meanTop1") if b else float("nan")
    table.append(entry)

with open(os.path.join(out, "headline.csv"), "w", newline="") as f:
    writer = csv.DictWriter(f, fieldnames=list(table[0].keys()))
    writer.writeheader()
    writer.writerows(table)


def gain(joint, other):
    return f"{(1 - joint / other) * 100:+.0f} %" if other == other and other > 0 else "-"


def ms(seconds):
    return f"{seconds * 1000:.1f}" if seconds == seconds else "-"


md = ["| devices | store MB | joint delay ms (Top-1) | best fixed on delay | its delay ms (Top-1) | delay gain "
      "| joint J/req, energy objective (delay ms) | best fixed on energy | its J/req | energy gain |",
      "|---:|---:|---:|---|---:|---:|---:|---|---:|---:|"]
for e in table:
    md.append(f'| {e["devices"]} | {e["capacityBytes"] / 1e6:.0f} | {ms(e["joint_delay_s"])} ({e["joint_top1"]:.3f}) '
              f'| {e["any_delay_policy"]} | {ms(e["any_delay"])} ({e["any_delay_top1"]:.3f}) | {gain(e["joint_delay_s"], e["any_delay"])} '
              f'| {e["joint_energy_objective_J"]:.5f} ({ms(e["joint_energy_objective_delay_s"])}) | {e["any_energy_policy"]} '
              f'| {e["any_energy"]:.5f} | {gain(e["joint_energy_objective_J"], e["any_energy"])} |')
with open(os.path.join(out, "headline.md"), "w") as f:
    f.write("\n".join(md) + "\n")
print("\n".join(md))
