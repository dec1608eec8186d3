#!/usr/bin/env python3
"""The cell simulator's headline experiment (docs/simulation.md, "Joint placement and caching").

Usage: scripts/sim-headline.py [OUTDIR] [REPLICATIONS]   (default results/sim-headline, 3)

Runs examples/cell.json (the three networks with their measured profiles, full + channel-ls-0.70, 4 replicas each,
two application classes) for 1000 s of simulated time (longer than the classes' model lifetimes of 250 and 1000 s, so
that a download's cost and its benefit both fall in the window) over devices 10, 100, 1000, 10000 x store capacity 0,
1/4, 1/2 and all of the pruned variants, every placement policy under LRU and utility-per-byte eviction, and compares at each point the joint policy
with the best fixed policy (always-*, threshold, paper, with its better eviction) on mean delay and device energy per
request, (a) over all fixed policies that finished every request and (b) over those that delivered no more Top-1 than
the joint policy (equal or better accuracy for the joint policy). Writes OUTDIR/headline.csv and OUTDIR/headline.md.
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
subprocess.run([cli, "simulate", "--scenario", "examples/cell.json", "-o", os.path.join(out, "runs"),
                "--replications", replications, "--sweep", "durationSeconds=1000",
                "--sweep", "devices.count=10:10000:x10",
                "--sweep", "edge.store.capacityBytes=" + ",".join(str(c) for c in capacities)], check=True)

rows = list(csv.DictReader(open(os.path.join(out, "runs", "summary.csv"))))


def num(row, key):
    value = row[key]
    return float(value) if value not in ("", "NaN") else float("nan")


table = []
points = sorted({(int(float(r["devices.count"])), int(float(r["edge.store.capacityBytes"]))) for r in rows})
for devices, capacity in points:
    here = [r for r in rows if int(float(r["devices.count"])) == devices and int(float(r["edge.store.capacityBytes"])) == capacity]
    joint = min((r for r in here if r["policy"] == "joint"), key=lambda r: num(r, "meanDelaySeconds"))
    fixed = [r for r in here if r["policy"] != "joint" and num(r, "unfinished") == 0 and num(r, "requests") > 0]
    fair = [r for r in fixed if num(r, "meanTop1") <= num(joint, "meanTop1") + 1e-9]

    def best(candidates, key):
        return min(candidates, key=lambda r: num(r, key)) if candidates else None

    entry = {"devices": devices, "capacityBytes": capacity,
             "joint_delay_s": num(joint, "meanDelaySeconds"), "joint_energy_J": num(joint, "meanDeviceEnergyJoules"),
             "joint_top1": num(joint, "meanTop1"), "joint_unfinished": num(joint, "unfinished"), "joint_eviction": joint["eviction"]}
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


md = ["| devices | store MB | joint delay ms | best fixed (delay) | its delay ms | gain | joint J/req | best fixed (energy) | its J/req | gain "
      "| joint Top-1 | best fixed at ≤ joint's Top-1 (delay) | gain |",
      "|---:|---:|---:|---|---:|---:|---:|---|---:|---:|---:|---|---:|"]
for e in table:
    md.append(f'| {e["devices"]} | {e["capacityBytes"] / 1e6:.0f} | {e["joint_delay_s"] * 1000:.1f} | {e["any_delay_policy"]} '
              f'| {e["any_delay"] * 1000:.1f} | {gain(e["joint_delay_s"], e["any_delay"])} | {e["joint_energy_J"]:.3f} '
              f'| {e["any_energy_policy"]} | {e["any_energy"]:.3f} | {gain(e["joint_energy_J"], e["any_energy"])} | {e["joint_top1"]:.3f} '
              f'| {e["fair_delay_policy"]} ({e["fair_delay"] * 1000:.1f} ms) | {gain(e["joint_delay_s"], e["fair_delay"])} |')
with open(os.path.join(out, "headline.md"), "w") as f:
    f.write("\n".join(md) + "\n")
print("\n".join(md))
