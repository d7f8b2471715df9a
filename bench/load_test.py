"""`make load`: a loopback load test of the API's query endpoints over a populated store.

Builds a SQLite store in a temporary directory (the demo reports plus synthetic events,
load_store.py), starts `flashpoint serve` on a free 127.0.0.1 port, warms it up, then drives
/api/events (with and without filters and paging), /api/events/{id}, /api/stats,
/api/influences and /api/export?format=geojson for `--seconds`, with `wrk` when installed
(else Python threads). The server's RSS is sampled every second from /proc. The figures are
merged into `--out` under the tool's name; the exit status is 1 when any response was a 5xx,
any connection failed, or the RSS grew by more than `--max-growth-mb` after the warm-up.

    python bench/load_test.py --seconds 20 --clients 8 [--tool auto|wrk|python] [--out bench/load.json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shlex
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))  # bench/ is not a package: import the sibling modules
from load_drivers import DRIVERS, wrk_available
from load_store import build_load_store

from flashpoint.api.readiness import stop_process

READY_TIMEOUT_S = 120.0


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=20.0, help="Length of the measured run.")
    parser.add_argument("--warmup", type=float, default=3.0, help="Load before the measured run (RSS baseline after it).")
    parser.add_argument("--clients", type=int, default=8, help="Concurrent connections.")
    parser.add_argument("--tool", choices=("auto", "wrk", "python"), default="auto", help="auto: wrk when /usr/bin/wrk exists.")
    parser.add_argument("--events", type=int, default=300, help="Synthetic events added to the demo store.")
    parser.add_argument("--max-growth-mb", type=float, default=50.0, help="Largest RSS growth after warm-up that passes.")
    parser.add_argument("--out", type=Path, default=HERE / "load.json", help="JSON file the figures are merged into.")
    return parser.parse_args(argv)


def free_port() -> int:
    """A port free on 127.0.0.1 now (the server binds it a moment later)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def serve_command(db_url: str, port: int) -> list[str]:
    """`flashpoint serve` from this interpreter's environment."""
    script = Path(sys.executable).parent / "flashpoint"
    head = [str(script)] if script.is_file() else [sys.executable, "-c", "from flashpoint.cli.main import main; main()"]
    return [*head, "serve", "--db", db_url, "--host", "127.0.0.1", "--port", str(port)]


def start_server(db_url: str, port: int, workdir: Path) -> subprocess.Popen[bytes]:
    """Start the server with a private home and no write token (the test only reads)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("FLASHPOINT_")}
    env.update(FLASHPOINT_HOME=str(workdir / "home"), FLASHPOINT_CONFIG=str(workdir / "absent.toml"))
    with (workdir / "server.log").open("wb") as log:  # the child keeps its own descriptor
        return subprocess.Popen(serve_command(db_url, port), stdout=log, stderr=subprocess.STDOUT, env=env, cwd=workdir)


def wait_ready(base: str, server: subprocess.Popen[bytes], workdir: Path) -> None:
    """Poll /healthz until it answers 200; RuntimeError with the server log when it never does."""
    from flashpoint.api.readiness import wait_ready as answers

    if answers(f"{base}/healthz", alive=lambda: server.poll() is None, timeout=READY_TIMEOUT_S):
        return
    log = (workdir / "server.log").read_text(encoding="utf-8", errors="replace")[-2000:]
    raise RuntimeError(f"server not ready (exit code {server.poll()}):\n{log}")


def query_paths(base: str) -> list[str]:
    """The rotation of GET paths: filters, paging, details of real ids, one unknown id, stats, exports."""
    import httpx

    listed = httpx.get(f"{base}/api/events", params={"limit": 1000}, timeout=30.0).json()["events"]
    ids = [quote(e["merged_id"], safe="") for e in listed[:: max(1, len(listed) // 6)]]
    filters: list[dict[str, Any]] = [
        {}, {"limit": 20, "offset": 40}, {"limit": 50, "offset": 200}, {"bbox": "-6,10,3,18"},
        {"start": "2023-09-01", "end": "2023-12-31"}, {"actor": "jnim"}, {"actor": "islamic"},
        {"type": "Battles"}, {"type": "Explosions/Remote violence", "limit": 10}, {"q": "convoy"},
        {"country": "BF", "type": "Riots"},
        {"bbox": "-4,11,2,17", "start": "2024-01-01", "end": "2024-05-31", "actor": "jnim", "q": "patrol", "limit": 10, "offset": 2},
    ]
    events = [f"/api/events?{urlencode(f)}" if f else "/api/events" for f in filters]
    return [*events, *(f"/api/events/{i}" for i in ids), "/api/events/no-such-event",
            "/api/stats", "/api/influences", "/api/export?format=geojson"]


def rss_mb(pid: int) -> float | None:
    """Resident set size of `pid` in MB (VmRSS), None once the process is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text(encoding="ascii").splitlines():
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    except (OSError, ValueError):
        return None
    return None


class RssSampler(threading.Thread):
    """Samples the RSS of one process every `interval` seconds until stopped."""

    def __init__(self, pid: int, interval: float = 1.0) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.samples: list[tuple[float, float]] = []
        self._stop_event = threading.Event()
        self._origin = time.monotonic()

    def run(self) -> None:
        while not self._stop_event.is_set():
            value = rss_mb(self.pid)
            if value is not None:
                self.samples.append((round(time.monotonic() - self._origin, 1), value))
            self._stop_event.wait(self.interval)

    def stop(self) -> None:
        self._stop_event.set()
        self.join()

    def elapsed(self) -> float:
        """Seconds since the sampler was created (the time base of the samples)."""
        return time.monotonic() - self._origin

    def since(self, moment: float) -> list[float]:
        """RSS samples taken at or after `moment` seconds from the start."""
        return [value for at, value in self.samples if at >= moment]


def measure(args: argparse.Namespace, tool: str, base: str, pid: int) -> dict[str, Any]:
    """Warm up, then the measured run; the load summary with the RSS figures."""
    drive = DRIVERS[tool]
    paths = query_paths(base)
    sampler = RssSampler(pid)
    sampler.start()
    try:
        if args.warmup > 0:
            drive(base, paths, args.warmup, args.clients)
        rss_start, mark = rss_mb(pid), sampler.elapsed()
        result = drive(base, paths, args.seconds, args.clients)
        rss_end = rss_mb(pid)
    finally:
        sampler.stop()
    during = sampler.since(mark)
    known = [v for v in (rss_start, *during, rss_end) if v is not None]
    result["rss_mb"] = {"start": rss_start, "peak": max(known, default=None), "end": rss_end,
                        "samples": during}
    result["paths"] = paths
    return result


def verdict(result: dict[str, Any], max_growth_mb: float) -> dict[str, Any]:
    """Pass when no 5xx, no transport error, some requests, and bounded RSS growth after warm-up."""
    rss = result["rss_mb"]
    growth = round(rss["end"] - rss["start"], 1) if rss["end"] is not None and rss["start"] is not None else None
    checks = {
        "no_5xx": result["status"]["5xx"] == 0,
        "no_connection_errors": sum(result["errors"].values()) == 0,
        "requests_served": result["requests"] > 0,
        "rss_growth_bounded": growth is not None and growth < max_growth_mb,
    }
    return {"ok": all(checks.values()), "checks": checks, "rss_growth_mb": growth, "max_growth_mb": max_growth_mb}


def machine() -> dict[str, Any]:
    return {"cpus": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version(),
            "load_average_1m": round(os.getloadavg()[0], 2)}


def write_results(path: Path, key: str, record: dict[str, Any]) -> None:
    """Merge `record` under `key` into the JSON file at `path`, keeping its other keys."""
    existing: dict[str, Any] = {}
    if path.is_file():
        try:
            existing = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError:
            existing = {}
    existing[key] = record
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(existing, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def run(args: argparse.Namespace, argv: list[str]) -> dict[str, Any]:
    """Build the store, serve it, measure; the record written to the results file."""
    tool = ("wrk" if wrk_available() else "python") if args.tool == "auto" else args.tool
    host = machine()  # load average before our own load
    if tool == "wrk" and not wrk_available():
        raise SystemExit("wrk is not installed (apt-get install wrk), use --tool python")
    with tempfile.TemporaryDirectory(prefix="flashpoint-load-") as tmp:
        workdir = Path(tmp)
        db_url = f"sqlite:///{workdir / 'load.sqlite'}"
        store = build_load_store(db_url, events=args.events)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = start_server(db_url, port, workdir)
        try:
            wait_ready(base, server, workdir)
            result = measure(args, tool, base, server.pid)
        finally:
            stop_process(server, timeout=15)
    command = shlex.join(["bench/load_test.py", *argv])
    return {"command": command, "tool": tool, "clients": args.clients, "warmup_s": args.warmup, "store": store,
            "machine": host, "measured": dt.datetime.now().isoformat(timespec="seconds"),
            **result, "verdict": verdict(result, args.max_growth_mb)}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = parse_args(argv)
    record = run(args, argv)
    write_results(args.out, record["tool"], record)
    shown = {k: record[k] for k in ("tool", "requests", "requests_per_s", "latency_ms", "status", "errors")}
    print(json.dumps({**shown, "rss_mb": {k: v for k, v in record["rss_mb"].items() if k != "samples"},
                      "verdict": record["verdict"]}, indent=2))
    return 0 if record["verdict"]["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
