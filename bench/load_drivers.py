"""Load generators for the load test: `wrk` (Debian package) with a Lua script, or Python threads.

Both send GET requests for a bounded time over keep-alive connections, rotating through the
same list of paths, and return the same summary: requests, requests/s, latency p50/p99 (ms),
counts by status class and transport errors (connect, read, write, timeout).
"""

from __future__ import annotations

import json
import subprocess
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

WRK = Path("/usr/bin/wrk")
MARKER = "FLASHPOINT_JSON "
ERROR_KINDS = ("connect", "read", "write", "timeout")
REQUEST_TIMEOUT_S = 30.0

# Per-thread counters by status class; `done` sums them over threads and prints one JSON line.
WRK_SCRIPT = """
local paths = {%(paths)s}
local threads = {}
local classes = {"1xx", "2xx", "3xx", "4xx", "5xx"}
function setup(thread)
  thread:set("start", #threads)
  table.insert(threads, thread)
end
function init(args)
  counter = start
  counts = {}
  for _, c in ipairs(classes) do counts[c] = 0 end
end
function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
function response(status, headers, body)
  local c = classes[math.floor(status / 100)] or "5xx"
  counts[c] = counts[c] + 1
end
function done(summary, latency, requests)
  local status = {}
  for _, c in ipairs(classes) do status[c] = 0 end
  for _, thread in ipairs(threads) do
    local counts = thread:get("counts")
    for _, c in ipairs(classes) do status[c] = status[c] + counts[c] end
  end
  local e = summary.errors
  io.write(string.format(
    '%(marker)s{"requests": %%d, "duration_us": %%d, "p50_us": %%d, "p99_us": %%d, ' ..
    '"status": {"1xx": %%d, "2xx": %%d, "3xx": %%d, "4xx": %%d, "5xx": %%d}, ' ..
    '"errors": {"connect": %%d, "read": %%d, "write": %%d, "timeout": %%d}}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    status["1xx"], status["2xx"], status["3xx"], status["4xx"], status["5xx"],
    e.connect, e.read, e.write, e.timeout))
end
"""


def wrk_available() -> bool:
    """True when the Debian `wrk` binary is installed."""
    return WRK.is_file()


def _summary(requests: int, seconds: float, p50_ms: float, p99_ms: float, status: dict[str, int], errors: dict[str, int]) -> dict[str, Any]:
    return {
        "requests": requests,
        "seconds": round(seconds, 2),
        "requests_per_s": round(requests / seconds, 1) if seconds > 0 else 0.0,
        "latency_ms": {"p50": round(p50_ms, 2), "p99": round(p99_ms, 2)},
        "status": {c: status.get(c, 0) for c in ("2xx", "3xx", "4xx", "5xx")},
        "errors": {k: errors.get(k, 0) for k in ERROR_KINDS},
    }


def run_wrk(base: str, paths: list[str], seconds: float, clients: int) -> dict[str, Any]:
    """Drive `base` with wrk: `clients` connections on up to 2 threads for `seconds`."""
    script = WRK_SCRIPT % {"paths": ", ".join(json.dumps(p) for p in paths), "marker": MARKER}
    threads = max(1, min(2, clients))
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
        handle.write(script)
    try:
        command = [str(WRK), "-t", str(threads), "-c", str(max(clients, threads)), "-d", f"{max(1, round(seconds))}s",
                   "--timeout", f"{int(REQUEST_TIMEOUT_S)}s", "-s", handle.name, base]
        done = subprocess.run(command, capture_output=True, text=True, timeout=seconds + REQUEST_TIMEOUT_S + 30, check=False)
    finally:
        Path(handle.name).unlink(missing_ok=True)
    lines = [line for line in done.stdout.splitlines() if line.startswith(MARKER)]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"wrk failed (exit {done.returncode}): {done.stderr.strip() or done.stdout.strip()}")
    raw = json.loads(lines[-1][len(MARKER):])
    return _summary(raw["requests"], raw["duration_us"] / 1e6, raw["p50_us"] / 1e3, raw["p99_us"] / 1e3,
                    raw["status"], raw["errors"])


@dataclass
class _Tally:
    latencies: list[float] = field(default_factory=list)
    status: Counter[str] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)


def _error_kind(exc: Exception) -> str:
    import httpx

    if isinstance(exc, httpx.TimeoutException):
        return "timeout"
    if isinstance(exc, httpx.ConnectError):
        return "connect"
    if isinstance(exc, httpx.WriteError):
        return "write"
    return "read"  # ReadError, RemoteProtocolError: the server dropped or garbled a response


def _client_loop(base: str, paths: list[str], deadline: float, first: int) -> _Tally:
    """One client on one keep-alive connection, rotating through `paths` from `first`."""
    import httpx

    tally, index = _Tally(), first
    with httpx.Client(base_url=base, timeout=REQUEST_TIMEOUT_S) as client:
        while time.monotonic() < deadline:
            path, index = paths[index % len(paths)], index + 1
            started = time.perf_counter()
            try:
                response = client.get(path)
            except httpx.TransportError as exc:
                tally.errors[_error_kind(exc)] += 1
                time.sleep(0.05)  # a refused connection would otherwise spin
                continue
            tally.latencies.append(time.perf_counter() - started)
            tally.status[f"{response.status_code // 100}xx"] += 1
    return tally


def _percentile(ordered: list[float], share: float) -> float:
    if not ordered:
        return 0.0
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def run_python(base: str, paths: list[str], seconds: float, clients: int) -> dict[str, Any]:
    """Drive `base` with `clients` threads, each an httpx client, for `seconds`."""
    started = time.monotonic()
    deadline = started + seconds
    with ThreadPoolExecutor(max_workers=clients, thread_name_prefix="load") as pool:
        tallies = list(pool.map(lambda i: _client_loop(base, paths, deadline, i * len(paths) // clients), range(clients)))
    elapsed = time.monotonic() - started
    ordered = sorted(x for t in tallies for x in t.latencies)
    status: Counter[str] = sum((t.status for t in tallies), Counter())
    errors: Counter[str] = sum((t.errors for t in tallies), Counter())
    return _summary(len(ordered), elapsed, _percentile(ordered, 0.50) * 1e3, _percentile(ordered, 0.99) * 1e3,
                    dict(status), dict(errors))


DRIVERS = {"wrk": run_wrk, "python": run_python}
