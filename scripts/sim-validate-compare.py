#!/usr/bin/env python3
"""Simulates what scripts/sim-validate.sh measured and compares (docs/simulation.md, "Against the real system").

Usage: scripts/sim-validate-compare.py OUTDIR [EDGEINFER|-] [profile|cores]
  OUTDIR     the folder sim-validate.sh wrote (profile.json, service-http.json, poisson-*.json)
  EDGEINFER  the CLI (default, or -: src/EdgeInfer.Cli/bin/Release/net10.0/edgeinfer)
  mode       the edge's slowdown S(L): profile (default: the measured curve) or cores (ideal sharing of the machine's
             cores, S = max(1, (L + 1)/c))

For each load level: one cell, K devices with Poisson arrivals at the rate the real schedule realised, every request
offloaded (always-edge) with 1-byte messages (the real requests travel over loopback: no radio), one model whose idle
service time is the server's no-load time over HTTP (service-http.json: HTTP handling, tensor copy, ORT, top-5, at
concurrency 1; its mean, and a log-normal spread through its p50 and p90), processor sharing with the slowdown S(L) of
the profile measured on the same machine (profile.json). The real delays are taken from the moment the client sent
each request (poisson-*.csv: delay minus the client's dispatch lag, which is the load generator's, not the server's).
Writes OUTDIR/compare.csv and OUTDIR/compare.md and prints the table; exit 1 when a level is off by more than 15 %.
"""
import csv
import json
import math
import os
import subprocess
import sys

out = sys.argv[1]
cli = sys.argv[2] if len(sys.argv) > 2 and sys.argv[2] != "-" else "src/EdgeInfer.Cli/bin/Release/net10.0/edgeinfer"
service = json.load(open(os.path.join(out, "service-http.json")))
# The edge's work per request: the no-load time over HTTP (Kestrel, the tensor, ORT, top-5 and the client, all on the
# same 2 cores), its spread as a log-normal through its median and p90 (z(0.9) = 1.2816).
mode = sys.argv[3] if len(sys.argv) > 3 else "profile"
if mode not in ("profile", "cores"):
    sys.exit("mode must be profile or cores")
work = service["meanSeconds"]
overhead = 0.0
sigma = math.log(service["p90Seconds"] / service["p50Seconds"]) / 1.2815516
variation = math.sqrt(math.exp(sigma * sigma) - 1)


def sent_to_answer(csv_path):
    """Mean and p90 of (delay - dispatch lag): from the moment the client sent the request to the answer, seconds."""
    values = []
    with open(csv_path) as f:
        reader = csv.DictReader(f)
        for row in reader:
            if row["status"] == "200":
                values.append(float(row["delaySeconds"]) - float(row["dispatchLagSeconds"]))
    values.sort()
    return sum(values) / len(values), values[math.ceil(0.9 * len(values)) - 1]


levels = sorted(f for f in os.listdir(out) if f.startswith("poisson-") and f.endswith(".json"))
profile = json.load(open(os.path.join(out, "profile.json")))
curve = sorted((m["load"], m["inference"]["medianSeconds"]) for m in profile["edge"]["models"][0]["measurements"])
cores = profile["edge"]["machine"]["logicalCores"]
edge = {"discipline": "processor-sharing", "serviceTimes": "log-normal", "serviceVariation": variation, "cores": cores}
if mode == "profile":
    edge["slowdownProfile"] = {"path": os.path.abspath(os.path.join(out, "profile.json")), "model": profile["edge"]["models"][0]["model"]}
rows = []
for name in levels:
    real = json.load(open(os.path.join(out, name)))
    devices = real["devices"]
    rate = real["arrivalRatePerSecond"] / devices
    scenario = {
        "radio": {"condition": "los"},
        "devices": {"count": devices, "outerRadiusMeters": 50},
        "messages": {"inputBytes": 1, "resultBytes": 1, "requestBytes": 1},
        "applications": [{"arrivals": {"kind": "poisson", "ratePerSecond": rate}, "requestsPerLifetime": 1000000}],
        "catalog": {"models": [{"name": real["model"], "variants": [{
            "name": "full", "sizeBytes": 17034132, "deviceInferenceSeconds": 0.0065,
            "edgeInferenceSeconds": work}]}]},
        "overheads": {"requestSeconds": overhead},
        "edge": edge,
        "policies": ["always-edge"],
        "durationSeconds": 200000 / (rate * devices),
        "warmupSeconds": 100,
    }
    path = os.path.join(out, name.replace("poisson-", "sim-"))
    with open(path, "w") as f:
        json.dump(scenario, f, indent=2)
    result = subprocess.run([cli, "simulate", "--scenario", path, "--json", "-o", path.replace(".json", "")],
                            check=True, capture_output=True, text=True)
    sim = json.loads(result.stdout)
    sim = sim[0] if isinstance(sim, list) else sim["rows"][0]
    real_mean, real_p90 = sent_to_answer(os.path.join(out, name.replace(".json", ".csv")))
    rows.append({
        "level": name[len("poisson-"):-len(".json")],
        "ratePerSecond": real["arrivalRatePerSecond"],
        "realRequests": real["succeeded"],
        "realMeanMs": real_mean * 1000,
        "simMeanMs": sim["meanDelaySeconds"] * 1000,
        "realP90Ms": real_p90 * 1000,
        "simP90Ms": sim["p90DelaySeconds"] * 1000,
        "simRequests": sim["requests"],
    })

header = "level,rate/s,real requests,real mean ms,sim mean ms,mean error %,real p90 ms,sim p90 ms,p90 error %,sim requests"
lines = [header]
worst = 0.0
for r in rows:
    e_mean = (r["simMeanMs"] / r["realMeanMs"] - 1) * 100
    e_p90 = (r["simP90Ms"] / r["realP90Ms"] - 1) * 100
    worst = max(worst, abs(e_mean), abs(e_p90))
    lines.append(f'{r["level"]} %,{r["ratePerSecond"]:.1f},{r["realRequests"]},{r["realMeanMs"]:.2f},{r["simMeanMs"]:.2f},'
                 f'{e_mean:+.1f},{r["realP90Ms"]:.2f},{r["simP90Ms"]:.2f},{e_p90:+.1f},{r["simRequests"]}')
with open(os.path.join(out, f"compare-{mode}.csv"), "w") as f:
    f.write("\n".join(lines) + "\n")
md = ["| " + " | ".join(header.split(",")) + " |", "|" + "---|" * len(header.split(","))]
md += ["| " + " | ".join(l.split(",")) + " |" for l in lines[1:]]
md.append("")
md.append(f"Slowdown: {mode}. Edge work per request: {work * 1000:.2f} ms (HTTP, no load), coefficient of variation "
          f"{variation:.3f} (log-normal through its p50 and p90). Real delays: from sending to the answer (the client's dispatch "
          f"lag taken out). Worst error {worst:.1f} %.")
with open(os.path.join(out, f"compare-{mode}.md"), "w") as f:
    f.write("\n".join(md) + "\n")
print("\n".join(md))
sys.exit(0 if worst <= 15 else 1)
