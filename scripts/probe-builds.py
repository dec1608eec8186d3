#!/usr/bin/env python3
"""Probe of the edge's on-demand builds (issue 14, section 2): N distinct (pf, method) downloads at once.

Starts `edgeinfer serve` over REPO (its .edge-cache is emptied first), fires N concurrent downloads of distinct variants
of MODEL, and meanwhile samples the server's RSS (/proc/PID/status) every 50 ms and GET /healthz every 100 ms. Prints one
JSON object: status codes, RSS before/peak, VmHWM, /healthz p50/max during the burst, wall time, load average.
With --one: a single prune, to measure the peak memory of one build as a multiple of the model file's size.

Usage: scripts/probe-builds.py --repo DIR [--model resnet152] [--n 40] [--one] [--cli "dotnet src/EdgeInfer.Cli/bin/Release/net10.0/edgeinfer.dll"]
       [-- extra serve flags, e.g. --max-concurrent-builds 40 --max-queued-builds 1000 --builds-per-client 1000]
Only the Python standard library is used.
"""
import argparse, json, os, shlex, shutil, statistics, subprocess, sys, threading, time, urllib.error, urllib.request

def rss_kb(pid, field="VmRSS"):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0

def get(url, timeout=600):
    start = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            while r.read(1 << 20):
                pass
            return r.status, time.monotonic() - start
    except urllib.error.HTTPError as e:
        return e.code, time.monotonic() - start
    except Exception as e:  # connection refused or reset: the server fell over
        return f"error:{type(e).__name__}", time.monotonic() - start

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repo", required=True)
    ap.add_argument("--model", default="resnet152")
    ap.add_argument("--n", type=int, default=40)
    ap.add_argument("--one", action="store_true")
    ap.add_argument("--port", type=int, default=5097)
    ap.add_argument("--cli", default="dotnet src/EdgeInfer.Cli/bin/Release/net10.0/edgeinfer.dll")
    ap.add_argument("serve", nargs="*")
    a = ap.parse_args()
    shutil.rmtree(os.path.join(a.repo, ".edge-cache"), ignore_errors=True)
    base = f"http://127.0.0.1:{a.port}"
    cmd = shlex.split(a.cli) + ["serve", "--urls", base, "--repository", a.repo, "--no-warmup"] + a.serve
    server = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        for _ in range(600):
            if get(base + "/healthz", 2)[0] == 200:
                break
            time.sleep(0.2)
        get(f"{base}/v1/models/{a.model}/download")  # the full model once: JIT and page cache, not a build
        time.sleep(1)
        before = rss_kb(server.pid)
        hwm_before = rss_kb(server.pid, "VmHWM")
        methods = ["global", "layer", "channel"]
        grid = [round(0.05 * i, 2) for i in range(1, 20)]
        variants = [(pf, m) for m in methods for pf in grid][: (1 if a.one else a.n)]
        if a.one:
            variants = [(0.7, "global")]
        peak, health, done = [before], [], threading.Event()

        def sample():
            while not done.is_set():
                peak.append(rss_kb(server.pid))
                time.sleep(0.05)

        def probe_health():
            while not done.is_set():
                health.append(get(base + "/healthz", 60)[1])
                time.sleep(0.1)

        results = [None] * len(variants)

        def fire(i, pf, m):
            results[i] = get(f"{base}/v1/models/{a.model}/download?pf={pf}&method={m}&format=wire")

        threads = [threading.Thread(target=sample), threading.Thread(target=probe_health)]
        threads += [threading.Thread(target=fire, args=(i, pf, m)) for i, (pf, m) in enumerate(variants)]
        start = time.monotonic()
        for t in threads:
            t.start()
        for t in threads[2:]:
            t.join()
        wall = time.monotonic() - start
        done.set()
        for t in threads[:2]:
            t.join()
        codes = {}
        for code, _ in results:
            codes[str(code)] = codes.get(str(code), 0) + 1
        size = os.path.getsize(os.path.join(a.repo, a.model, "full", "model.onnx"))
        hwm = rss_kb(server.pid, "VmHWM")
        out = {
            "model": a.model, "modelBytes": size, "variants": len(variants), "serveFlags": a.serve, "codes": codes,
            "wallSeconds": round(wall, 1), "rssBeforeMB": round(before / 1024), "rssPeakMB": round(max(peak) / 1024),
            "vmHwmBeforeMB": round(hwm_before / 1024), "vmHwmMB": round(hwm / 1024),
            "peakOverModelSize": round((max(peak) - before) * 1024 / size, 2),
            "healthzP50ms": round(statistics.median(health) * 1e3, 1) if health else None,
            "healthzMaxms": round(max(health) * 1e3, 1) if health else None,
            "slowestDownloadSeconds": round(max(t for _, t in results), 1),
            "serverAlive": server.poll() is None, "loadavg": open("/proc/loadavg").read().split()[:3],
        }
        print(json.dumps(out, indent=1))
    finally:
        server.terminate()
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            server.kill()

if __name__ == "__main__":
    sys.exit(main())
