#!/usr/bin/env python3
"""Issue 14 section 2: probe an edge server's image path as an attacker would and report status, latency and RSS.

Usage: scripts/probe-images.py --url http://127.0.0.1:5080 --pid PID [--model mobilenet] [--out results/probe-images.csv]

PID is the server's process id (its RSS is sampled from /proc/PID/status every 10 ms). Only the Python standard library
is used: the images are written here (PNG with zlib, a minimal baseline JPEG by hand), some with a header that lies
about the size. Probes (each after the previous has answered):
  jpeg-claims-20000x20000   an 8x8 JPEG whose SOF0 header claims 20000 x 20000 (about 400 bytes)
  png-1x1000000             a real 1 x 1,000,000 PNG (about 4 kB)
  png-10000x10000 x6        six concurrent real 10000^2 PNGs (about 300 kB each)
  png-4000x4000 x6          six concurrent real 4000 x 4000 PNGs (16 M pixels: at the default limit, decoded)
  jpeg-8x8                  the same JPEG with its true header (a control: 200)
"""
import argparse
import csv
import json
import struct
import sys
import threading
import time
import urllib.error
import urllib.request
import zlib
from concurrent.futures import ThreadPoolExecutor


def png(width, height):
    """A real RGB PNG; every row is filter byte 0 and grey pixels (streamed through zlib, so 10000^2 is cheap)."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    row = b"\x00" + bytes([128]) * (3 * width)
    compressor = zlib.compressobj(9 if len(row) * height < 50_000_000 else 1)
    block = max(1, min(height, 4_000_000 // len(row)))  # rows per zlib call
    parts = [compressor.compress(row * min(block, height - y)) for y in range(0, height, block)]
    body = b"".join(parts) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body) + chunk(b"IEND", b"")


def jpeg(claimed_width=8, claimed_height=8):
    """A baseline grey JPEG holding one 8x8 block (DC 0, EOB), its SOF0 claiming the given size."""
    one_code = bytes([1] + [0] * 15) + b"\x00"  # a Huffman table with one 1-bit code for symbol 0
    return (b"\xff\xd8"
            + b"\xff\xdb\x00\x43\x00" + bytes([1] * 64)
            + b"\xff\xc0\x00\x0b\x08" + struct.pack(">HH", claimed_height, claimed_width) + b"\x01\x01\x11\x00"
            + b"\xff\xc4\x00\x14\x00" + one_code
            + b"\xff\xc4\x00\x14\x10" + one_code
            + b"\xff\xda\x00\x08\x01\x01\x00\x00\x3f\x00" + b"\x3f"
            + b"\xff\xd9")


class RssSampler:
    """Samples VmRSS of a process every 10 ms in a thread (peak and baseline in MB), and the server's in-flight count."""

    def __init__(self, pid, url):
        self.pid = pid
        self.url = url
        self.peak = 0
        self.in_flight = 0
        self.running = False
        self.thread = None

    def rss_mb(self):
        with open(f"/proc/{self.pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        return 0

    def __enter__(self):
        self.baseline = self.rss_mb()
        self.peak = self.baseline
        self.running = True
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()
        return self

    def run(self):
        polls = 0
        while self.running:
            try:
                self.peak = max(self.peak, self.rss_mb())
                if polls % 5 == 0:
                    self.in_flight = max(self.in_flight, in_flight(self.url))
            except (OSError, ValueError):
                pass
            polls += 1
            time.sleep(0.01)

    def __exit__(self, *exc):
        self.running = False
        self.thread.join()


def post(url, body, content_type):
    request = urllib.request.Request(url, data=body, method="POST", headers={"Content-Type": content_type})
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        error.read()
        status = error.code
    except (urllib.error.URLError, ConnectionError) as error:
        status = f"error: {error}"
    return status, time.perf_counter() - start


def in_flight(url):
    """inFlight of /v1/status."""
    with urllib.request.urlopen(url + "/v1/status", timeout=10) as response:
        return json.load(response).get("inFlight") or 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", required=True)
    parser.add_argument("--pid", type=int, required=True)
    parser.add_argument("--model", default="mobilenet")
    parser.add_argument("--out")
    args = parser.parse_args()
    infer = f"{args.url.rstrip('/')}/v1/models/{args.model}/infer"
    probes = [
        ("jpeg-claims-20000x20000", jpeg(20000, 20000), "image/jpeg", 1),
        ("png-1x1000000", png(1, 1_000_000), "image/png", 1),
        ("png-10000x10000 x6", png(10000, 10000), "image/png", 6),
        ("png-4000x4000 x6", png(4000, 4000), "image/png", 6),
        ("jpeg-8x8", jpeg(), "image/jpeg", 1),
    ]
    with open("/proc/loadavg") as load:
        print(f"load average before: {' '.join(load.read().split()[:3])}", file=sys.stderr)
    rows = []
    for name, body, content_type, copies in probes:
        with RssSampler(args.pid, args.url.rstrip("/")) as rss, ThreadPoolExecutor(copies) as pool:
            results = list(pool.map(lambda _: post(infer, body, content_type), range(copies)))
        statuses = sorted({str(s) for s, _ in results})
        slowest = max(seconds for _, seconds in results)
        row = {
            "probe": name,
            "body_bytes": len(body),
            "status": "/".join(statuses),
            "slowest_s": f"{slowest:.3f}",
            "rss_before_mb": f"{rss.baseline:.0f}",
            "rss_peak_mb": f"{rss.peak:.0f}",
            "rss_added_mb": f"{rss.peak - rss.baseline:.0f}",
            "max_in_flight": rss.in_flight,
        }
        rows.append(row)
        print(", ".join(f"{k}={v}" for k, v in row.items()))
    with open("/proc/loadavg") as load:
        print(f"load average after: {' '.join(load.read().split()[:3])}", file=sys.stderr)
    if args.out:
        with open(args.out, "w", newline="") as target:
            writer = csv.DictWriter(target, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)


if __name__ == "__main__":
    main()
