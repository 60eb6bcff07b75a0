"""A bounded load test on loopback: gunicorn, 2 workers, 50 clients, 60 seconds.

Starts the app under gunicorn (the production set-up when the checkout has
one, else plain ``gunicorn --preload 'bodymap:create_app()'``), then:

1. warms up for a few seconds with the mix below and records worker memory;
2. runs the mix (pages, thumbnails, lookups, results fragments, SVG and PNG
   exports, static files) from ``--clients`` concurrent clients for
   ``--duration`` seconds and prints requests/s, p50/p99 and errors, by kind;
3. runs ``/api/views`` alone and ``/api/lookup`` alone, alternating
   (``--rounds`` of ``--phase`` seconds each), and prints their throughput
   ratio;
4. times a cached muscle page against ``/api/views`` from one client;
5. prints worker memory again, with samples taken during the mixed run and
   the growth over its second half (caches fill, then memory should stay flat).

Muscles and regions are picked as real traffic picks pages (Zipf: a few
often, most rarely); drawings are random. Requests are built before the clock
starts (3,000 of each kind, reused in turn). Every request sends the
Accept-Encoding of a browser over HTTPS (gzip, deflate, br, zstd). The client
is asyncio on the same machine, so it takes some of the CPU it measures:
compare runs made the same way, on a quiet machine (check ``uptime``).

    python benchmarks/load.py [--workers 2] [--clients 50] [--duration 60]
    python benchmarks/load.py --checkout DIR   # measure another checkout
"""

import argparse
import asyncio
import importlib.util
import itertools
import json
import os
import random
import re
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
LISTENING = re.compile(r"Listening at: http://127\.0\.0\.1:(\d+)")

MIX = {
    "page": 30,
    "thumbnail": 12,
    "static": 5,
    "lookup": 20,
    "results": 10,
    "views": 10,
    "export-svg": 8,
    "export-png": 5,
}
"""Relative weights of the kinds of request in the mixed run."""
POOL = 3000
"""Requests prepared per kind, reused in turn."""


# ---------------------------------------------------------------- the server


def server_command(checkout, workers, sync=False):
    """Return the gunicorn command line for the checkout's production set-up."""
    has_wsgi = (checkout / "bodymap" / "wsgi.py").exists()
    common = [str(BIN / "gunicorn"), "--preload", "-w", str(workers)]
    common += ["-b", "127.0.0.1:0", "--access-logfile", "/dev/null"]
    if has_wsgi and sync:
        return [*common, "bodymap.wsgi:app"]
    if has_wsgi and (checkout / "bodymap" / "serving.py").exists():
        sys.path.insert(0, str(checkout))
        spec = importlib.util.spec_from_file_location(
            "serving", checkout / "bodymap" / "serving.py"
        )
        serving = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(serving)
        common += ["-k", "gthread", "--threads", str(serving.THREADS)]
        return [*common, "bodymap.wsgi:app"]
    return [*common, "bodymap:create_app()"]


def start_server(checkout, workers, log_path, sync=False):
    command = server_command(checkout, workers, sync)
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    log = open(log_path, "w")  # noqa: SIM115 - closed by the caller via the process
    process = subprocess.Popen(
        command, cwd=checkout, env=env, stdout=log, stderr=subprocess.STDOUT
    )
    for _ in range(1200):
        found = LISTENING.search(Path(log_path).read_text())
        if found and len(worker_pids(process.pid)) >= workers:
            return process, int(found.group(1))
        if process.poll() is not None:
            sys.exit(f"the server did not start:\n{Path(log_path).read_text()}")
        time.sleep(0.1)
    process.terminate()
    sys.exit("the server did not start within 2 minutes")


def worker_pids(master):
    pids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == master:
            pids.append(int(stat.parent.name))
    return sorted(pids)


def rss_mb(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def memory(master):
    return [round(rss_mb(pid), 1) for pid in worker_pids(master)]


# ---------------------------------------------------------------- requests


def get_json(base, path):
    with urllib.request.urlopen(base + path, timeout=60) as response:
        return json.load(response)


class Requests:
    """Builds requests of each kind, seeded."""

    def __init__(self, base, seed):
        self.rng = random.Random(seed)
        self.pools = {}
        self.muscles = [m["id"] for m in get_json(base, "/api/muscles")["muscles"]]
        regions = get_json(base, "/api/regions")["regions"]
        self.regions = [r["id"] for r in regions]
        self.points = [(r["view"], *r["label_point"]) for r in regions]
        html = urllib.request.urlopen(base + "/", timeout=60).read().decode()
        self.static = sorted(set(re.findall(r'(?:href|src)="(/static/[^"]+)"', html)))

    def prepare(self, kinds):
        """Build ``POOL`` requests of each kind before the clock starts.

        Clients then only take the next one, so the client's own work (random
        drawings, JSON) does not eat the CPU that the server is timed on.
        """
        for kind in kinds:
            if kind not in self.pools:
                made = [self.make(kind) for _ in range(POOL)]
                self.pools[kind] = itertools.cycle(made)

    def next(self, kind):
        """Return the next prepared request of ``kind``."""
        return next(self.pools[kind])

    def popular(self, items):
        """Pick as real traffic does: a few items often, most rarely (Zipf)."""
        weights = [1 / rank for rank in range(1, len(items) + 1)]
        return self.rng.choices(items, weights)[0]

    def make(self, kind):
        """Return (method, path, body, content type) of one request of ``kind``."""
        rng = self.rng
        muscle = self.popular(self.muscles)
        if kind == "page":
            path = rng.choice(
                [
                    "/",
                    "/muscles",
                    f"/muscles/{muscle}",
                    f"/muscles/{muscle}",
                    f"/regions/{self.popular(self.regions)}",
                    "/study",
                ]
            )
            return "GET", path, None, None
        if kind == "thumbnail":
            return "GET", f"/thumbnails/muscles/{muscle}.svg", None, None
        if kind == "static":
            return "GET", rng.choice(self.static), None, None
        if kind == "views":
            return "GET", "/api/views", None, None
        if kind == "lookup":
            points = [
                {"view": v, "x": x, "y": y, "intensity": rng.randint(1, 3)}
                for v, x, y in rng.sample(self.points, rng.randint(1, 5))
            ]
            body = json.dumps({"points": points, "limit": 10}).encode()
            return "POST", "/api/lookup", body, "application/json"
        if kind == "results":
            fields = [("region", r) for r in rng.sample(self.regions, 3)]
            body = urllib.parse.urlencode(fields).encode()
            return (
                "POST",
                "/results?partial=1",
                body,
                "application/x-www-form-urlencoded",
            )
        view = rng.choice(["front", "back"])
        fmt = "png" if kind == "export-png" else "svg"
        return "GET", f"/export/muscles/{muscle}/{view}.{fmt}", None, None


async def fetch(port, method, path, body, content_type):
    """Send one request on a fresh connection; return (status, bytes read)."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    head = [
        f"{method} {path} HTTP/1.1",
        f"Host: 127.0.0.1:{port}",
        "Accept-Encoding: gzip, deflate, br, zstd",
        "Connection: close",
    ]
    if body is not None:
        head += [f"Content-Type: {content_type}", f"Content-Length: {len(body)}"]
    writer.write(("\r\n".join(head) + "\r\n\r\n").encode() + (body or b""))
    await writer.drain()
    data = await reader.read()
    writer.close()
    status = int(data[9:12]) if data[:5] == b"HTTP/" else 0
    return status, len(data)


async def sample_memory(master, deadline, every, samples):
    """Append the workers' RSS to ``samples`` every ``every`` seconds."""
    while time.perf_counter() + every <= deadline:
        await asyncio.sleep(every)
        samples.append(memory(master))


async def run_clients(port, requests, kinds, clients, duration, watch=None):
    """Return ({kind: [(latency s, status)]}, elapsed s) from ``clients``.

    Clients start requests for ``duration`` seconds; the elapsed time runs
    until the last answer.  ``watch`` is (master pid, seconds, samples): the
    workers' memory is sampled that often while the clients run.
    """
    results = defaultdict(list)
    started = time.perf_counter()
    names, weights = zip(*kinds.items(), strict=True)
    requests.prepare(names)
    deadline = time.perf_counter() + duration

    async def client():
        while time.perf_counter() < deadline:
            kind = requests.rng.choices(names, weights)[0]
            request = requests.next(kind)
            started = time.perf_counter()
            try:
                status, _size = await asyncio.wait_for(fetch(port, *request), 60)
            except (OSError, TimeoutError, ValueError):
                status = 0
            results[kind].append((time.perf_counter() - started, status))

    watching = [sample_memory(watch[0], deadline, *watch[1:])] if watch else []
    await asyncio.gather(*(client() for _ in range(clients)), *watching)
    return results, time.perf_counter() - started


def summary(results, duration):
    """Return (lines, total requests/s, errors)."""
    lines = []
    everything = [item for items in results.values() for item in items]
    errors = sum(1 for _latency, status in everything if status == 0 or status >= 500)
    limited = sum(1 for _latency, status in everything if status == 429)
    for kind, items in sorted(results.items()) + [("all", everything)]:
        latencies = sorted(latency for latency, _status in items)
        if not latencies:
            continue
        p50 = latencies[len(latencies) // 2] * 1000
        p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000
        bad = sum(1 for _latency, status in items if status == 0 or status >= 500)
        lines.append(
            f"  {kind:11} {len(items) / duration:8.1f} req/s  p50 {p50:7.1f} ms  "
            f"p99 {p99:7.1f} ms  errors {bad}"
        )
    if limited:
        lines.append(f"  (429 Too Many Requests, by design: {limited})")
    return lines, len(everything) / duration, errors


def single_client_median(port, requests, path, count):
    async def go():
        latencies = []
        for _ in range(count):
            started = time.perf_counter()
            await fetch(port, "GET", path, None, None)
            latencies.append(time.perf_counter() - started)
        return statistics.median(latencies)

    return asyncio.run(go())


def alone_rates(port, requests, args):
    """Return (views/s, lookups/s), each kind alone, in alternating phases.

    Alternating (views, lookups, views, lookups ...) keeps a change in the
    machine's load from favouring one kind.
    """
    counts, times = defaultdict(int), defaultdict(float)
    for _round in range(args.rounds):
        for kind in ("views", "lookup"):
            results, elapsed = asyncio.run(
                run_clients(port, requests, {kind: 1}, args.clients, args.phase)
            )
            counts[kind] += len(results[kind])
            times[kind] += elapsed
    return counts["views"] / times["views"], counts["lookup"] / times["lookup"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checkout", type=Path, default=ROOT)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--duration", type=float, default=60)
    parser.add_argument("--phase", type=float, default=5)
    parser.add_argument(
        "--rounds", type=int, default=5, help="alternating views/lookup phases"
    )
    parser.add_argument("--warmup", type=float, default=10)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument(
        "--memory-every",
        type=float,
        default=10,
        help="seconds between samples of worker memory during the mixed run",
    )
    parser.add_argument("--log", type=Path, default=None)
    parser.add_argument(
        "--sync", action="store_true", help="gunicorn's sync workers, for comparison"
    )
    args = parser.parse_args()
    checkout = args.checkout.resolve()
    log_path = args.log or Path(os.environ.get("TMPDIR", "/tmp")) / (
        f"bodymap-load-{os.getpid()}.log"
    )

    print(f"load on {os.uname().nodename}: {os.getloadavg()[0]:.2f} (1-min average)")
    server, port = start_server(checkout, args.workers, log_path, args.sync)
    try:
        base = f"http://127.0.0.1:{port}"
        requests = Requests(base, args.seed)
        command = server_command(checkout, args.workers, args.sync)
        print(f"server: {' '.join(command[3:])}")
        start_memory = memory(server.pid)
        asyncio.run(run_clients(port, requests, MIX, args.clients, args.warmup))
        warm_memory = memory(server.pid)

        samples = []
        results, elapsed = asyncio.run(
            run_clients(
                port,
                requests,
                MIX,
                args.clients,
                args.duration,
                watch=(server.pid, args.memory_every, samples),
            )
        )
        lines, rate, errors = summary(results, elapsed)
        print(f"mixed: {args.clients} clients, {args.duration:g} s")
        print("\n".join(lines))
        after_memory = memory(server.pid)

        views_rate, lookup_rate = alone_rates(port, requests, args)
        muscle = f"/muscles/{requests.muscles[0]}"
        single_client_median(port, requests, muscle, 5)
        muscle_time = single_client_median(port, requests, muscle, 200)
        views_time = single_client_median(port, requests, "/api/views", 200)
        end_memory = memory(server.pid)

        print(
            f"alone: /api/views {views_rate:.1f} req/s, /api/lookup "
            f"{lookup_rate:.1f} req/s: lookup/views = {lookup_rate / views_rate:.2f}"
        )
        print(
            f"one client: {muscle} {muscle_time * 1000:.2f} ms, /api/views "
            f"{views_time * 1000:.2f} ms (median): ratio "
            f"{muscle_time / views_time:.1f}"
        )
        print(
            f"worker RSS MB: started {start_memory}, after warm-up {warm_memory}, "
            f"after the mixed run {after_memory}, at the end {end_memory}"
        )
        print(
            f"worker RSS MB every {args.memory_every:g} s of the mixed run: "
            + " ".join(str(sample) for sample in samples)
        )
        if len(samples) >= 2:
            half = samples[len(samples) // 2 :]
            growth = (sum(half[-1]) - sum(half[0])) / max(len(half[0]), 1)
            print(
                f"growth per worker over the second half of the run: {growth:+.1f} MB"
            )
        print(f"RESULT mixed {rate:.1f} req/s, errors {errors}")
    finally:
        server.terminate()
        server.wait(timeout=60)


if __name__ == "__main__":
    main()
