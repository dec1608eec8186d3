#!/usr/bin/env python3
"""Idle-connection probe of an edge server (issue 14, section 2): open N idle TCP connections (no request bytes) and
check that the server keeps serving a client it admitted before, stays up, and keeps its RSS bounded.

  scripts/probe-connections.py --url http://127.0.0.1:5080 --pid PID [--connections 25000] [--hold 20]

PID is the server's process (RSS is read from /proc/PID/status). The probe needs more open files than connections:
worker processes hold the sockets, --per-process each (default 12,500, below a 20,000 open-file limit). Connections are
spread over the source addresses 127.0.0.1-127.0.0.8 so the ephemeral ports of one address do not run out. Prints one
JSON summary.
"""
import argparse
import json
import multiprocessing
import selectors
import socket
import statistics
import threading
import time
import urllib.parse


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def fds(pid):
    import os
    return len(os.listdir(f"/proc/{pid}/fd"))


def request(sock, host, path="/healthz"):
    """One keep-alive GET on sock; returns (status, seconds)."""
    start = time.perf_counter()
    sock.sendall(f"GET {path} HTTP/1.1\r\nHost: {host}\r\n\r\n".encode())
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError("closed")
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":")[1])
    while len(body) < length:
        body += sock.recv(65536)
    return int(head.split(b" ")[1]), time.perf_counter() - start


def hold(host, port, count, worker, hold_seconds, results):
    """Opens count idle connections and watches which the server closes during hold_seconds; reports counts."""
    sockets, refused = [], 0
    start = time.perf_counter()
    for i in range(count):
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            s.bind((f"127.0.0.{1 + (i + worker) % 8}", 0))
            s.connect((host, port))
            sockets.append(s)
        except OSError:
            refused += 1
            s.close()
    open_seconds = time.perf_counter() - start
    sel = selectors.DefaultSelector()
    for s in sockets:
        s.setblocking(False)
        sel.register(s, selectors.EVENT_READ)
    closed, held_at = 0, {}
    hold_end = time.perf_counter() + hold_seconds
    while time.perf_counter() < hold_end:
        for key, _ in sel.select(timeout=0.5):
            try:
                data = key.fileobj.recv(1024)
            except OSError:
                data = b""
            if not data:
                closed += 1
                sel.unregister(key.fileobj)
        held_at[round(hold_seconds - (hold_end - time.perf_counter()))] = len(sockets) - closed
    for s in sockets:
        s.close()
    results.put({"connected": len(sockets), "refused": refused, "closed": closed, "openSeconds": open_seconds, "heldAt": held_at})


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default="http://127.0.0.1:5080")
    parser.add_argument("--pid", type=int, required=True)
    parser.add_argument("--connections", type=int, default=25000)
    parser.add_argument("--hold", type=float, default=20, help="seconds to hold the idle connections after opening them")
    parser.add_argument("--per-process", type=int, default=12500, help="connections per worker process (each has its own open-file limit)")
    args = parser.parse_args()
    url = urllib.parse.urlparse(args.url)
    host, port = url.hostname, url.port or 80

    # The client admitted before the flood: one keep-alive connection, one request every 0.5 s throughout.
    admitted = socket.create_connection((host, port))
    samples, failures, stop = [], [], threading.Event()

    def served_client():
        while not stop.is_set():
            try:
                status, seconds = request(admitted, host)
                (samples if status == 200 else failures).append(seconds if status == 200 else status)
            except OSError as e:
                failures.append(str(e))
                return
            stop.wait(0.5)

    baseline_rss, baseline_fds = rss_mb(args.pid), fds(args.pid)
    thread = threading.Thread(target=served_client, daemon=True)
    thread.start()
    # Workers hold the sockets (each process has its own open-file limit); this process samples the server.
    workers = max(1, -(-args.connections // args.per_process))
    results = multiprocessing.Queue()
    procs = []
    for w in range(workers):
        share = args.connections // workers + (1 if w < args.connections % workers else 0)
        p = multiprocessing.Process(target=hold, args=(host, port, share, w, args.hold, results))
        p.start()
        procs.append(p)
    rss_peak, fds_peak = baseline_rss, baseline_fds
    deadline = time.perf_counter() + args.hold + 600
    reports = []
    while len(reports) < workers and time.perf_counter() < deadline:
        try:
            reports.append(results.get(timeout=0.5))
        except Exception:
            pass
        rss_peak, fds_peak = max(rss_peak, rss_mb(args.pid)), max(fds_peak, fds(args.pid))
    for p in procs:
        p.join(10)
    stop.set()
    thread.join(5)
    admitted.close()
    opened = sum(r["connected"] for r in reports)
    refused_at_connect = sum(r["refused"] for r in reports)
    closed = sum(r["closed"] for r in reports)
    open_seconds = max(r["openSeconds"] for r in reports)
    held_at = {}
    for r in reports:
        for t, n in r["heldAt"].items():
            held_at[t] = held_at.get(t, 0) + n

    time.sleep(1)
    alive = True
    try:
        with socket.create_connection((host, port), timeout=10) as fresh:
            status, after_seconds = request(fresh, host)
            alive = status == 200
    except OSError:
        alive, after_seconds = False, None

    print(json.dumps({
        "connectionsAttempted": args.connections,
        "connected": opened,
        "refusedAtConnect": refused_at_connect,
        "openSeconds": round(open_seconds, 2),
        "closedByServerWithinHold": closed,
        "stillHeldAfterSeconds": held_at,
        "serverRssMb": {"baseline": round(baseline_rss, 1), "peak": round(rss_peak, 1)},
        "serverOpenFds": {"baseline": baseline_fds, "peak": fds_peak},
        "admittedClient": {
            "requestsOk": len(samples),
            "failures": failures[:5],
            "p50Ms": round(statistics.median(samples) * 1000, 2) if samples else None,
            "maxMs": round(max(samples) * 1000, 2) if samples else None,
        },
        "freshClientAfterProbe": {"ok": alive, "ms": round(after_seconds * 1000, 2) if after_seconds else None},
    }, indent=2))


if __name__ == "__main__":
    main()
