"""Wait for a `flashpoint serve` process to answer, and stop it: for scripts and tests that start one."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable

import httpx


def wait_ready(url: str, *, alive: Callable[[], bool], timeout: float, interval: float = 0.2) -> bool:
    """Poll `url` until it answers 200 (True), the process dies or `timeout` passes (False).

    Example: `wait_ready(f"{base}/healthz", alive=lambda: proc.poll() is None, timeout=60)`.
    """
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and alive():
        try:
            if httpx.get(url, timeout=2.0).status_code == 200:
                return True
        except httpx.TransportError:
            pass
        time.sleep(interval)
    return False


def stop_process(process: subprocess.Popen[bytes], *, timeout: float = 10.0) -> None:
    """Terminate a server process, killing it if it has not exited within `timeout`."""
    process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=timeout)
