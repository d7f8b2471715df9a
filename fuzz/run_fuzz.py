"""Fuzz the text-facing functions with generated hostile inputs; write fuzz/results.json.

Usage (the `make fuzz` target):
    .venv/bin/python fuzz/run_fuzz.py --count 100000 --jobs 2 --output fuzz/results.json

Each input (a deterministic function of --seed and its index) goes through every light
target and, in turn, one heavy target. Raising a FlashpointError is an allowed answer;
any other exception "escapes". Inputs run in worker processes; a call that does not
return within --timeout seconds is a "hang": the parent kills the worker, records the
input and restarts after it, so even a regex stuck in C code is caught. Exit status is 0
only with zero escaped exceptions, zero hangs and zero invariant violations.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import platform
import sys
import time
import traceback
from collections import Counter
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fuzz_inputs import make_bytes, make_text  # noqa: E402
from fuzz_targets import Target, build_targets  # noqa: E402

_PROGRESS_EVERY = 100
_EXAMPLES_PER_SIGNATURE = 3
# Models and extractors initialise lazily on first use (lingua loads every model when it meets a
# letter outside its alphabets; trafilatura's fallbacks load on the first page that needs them):
# pay that before the clock starts, so a first call is not mistaken for a hang.
_WARM_UPS = (
    "Clashes on 3 March killed 2. Des tirs. اشتباكات في المدينة. Бои в городе. Љ 城市冲突. עימותים בעיר.",
    "<html><body><article>" + "<p>Armed men attacked the market on Monday, killing three traders, police said.</p>" * 8
    + "</article></body></html>",
    "<html><body><nav><a href='/'>Home</a></nav><td>x<li>y</p><div>" + "3 mars tués. " * 40 + "</div></body></html>",
)


def _targets_for(index: int, targets: list[Target]) -> list[Target]:
    light = [target for target in targets if not target.heavy]
    heavy = [target for target in targets if target.heavy]
    return light + ([heavy[index % len(heavy)]] if heavy else [])


def _run_one(target: Target, text: str, data: bytes) -> tuple[str, str | None]:
    """('ok'|'input_error'|'violation'|'escaped', detail)."""
    from flashpoint.errors import FlashpointError

    try:
        problem = target.run(data if target.kind == "bytes" else text)
    except FlashpointError:
        return "input_error", None
    except Exception as exc:  # the whole point: find what escapes
        where = traceback.extract_tb(exc.__traceback__)[-1]
        return "escaped", f"{type(exc).__name__}: {exc} (at {Path(where.filename).name}:{where.lineno})"
    return ("violation", problem) if problem else ("ok", None)


def _worker(
    conn: Connection, tick: Any, current: Any, seed: int, indices: list[int], skip: list[list[Any]], only: str | None
) -> None:
    """Run the inputs `indices` (through target `only`, if given); report counts every few inputs
    and every problem at once."""
    targets, _ = build_targets()
    skipped = {(index, name) for index, name in skip}
    for warm_up in _WARM_UPS:
        for target in targets:
            _run_one(target, warm_up, warm_up.encode())
    conn.send(("ready", None))
    counts: Counter[str] = Counter()
    for position, index in enumerate(indices):
        family, text = make_text(seed, index)
        data = make_bytes(seed, index, text)
        for number, target in enumerate(_targets_for(index, targets)):
            if (index, target.name) in skipped or only not in (None, target.name):
                continue
            current[0], current[1] = index, number
            with tick.get_lock():
                tick.value += 1
            outcome, detail = _run_one(target, text, data)
            counts[f"{target.name}\t{outcome}"] += 1
            if detail is not None:
                conn.send(("problem", (outcome, target.name, family, index, detail)))
        done = position + 1
        if done % _PROGRESS_EVERY == 0 or done == len(indices):
            conn.send(("progress", (index, (done - 1) % _PROGRESS_EVERY + 1, dict(counts))))
            counts.clear()
    conn.send(("done", None))


class _Run:
    """Parent-side bookkeeping: counts, problems, hangs."""

    def __init__(self, seed: int, targets: list[Target]) -> None:
        self.seed = seed
        self.targets = targets
        self.calls: Counter[str] = Counter()
        self.inputs_done = 0
        self.problems: dict[str, dict[str, Any]] = {}
        self.hangs: list[dict[str, Any]] = []
        self.slow: list[dict[str, Any]] = []

    def record_problem(self, outcome: str, target: str, family: str, index: int, detail: str) -> None:
        signature = f"{outcome}\t{target}\t{detail.split(':', 1)[0]}\t{detail.rsplit('(at ', 1)[-1]}"
        entry = self.problems.setdefault(signature, {"kind": outcome, "target": target, "count": 0, "examples": []})
        entry["count"] += 1
        if len(entry["examples"]) < _EXAMPLES_PER_SIGNATURE:
            _, text = make_text(self.seed, index)
            entry["examples"].append({"index": index, "family": family, "detail": detail, "input": text[:300]})


def _run_chunk(run: _Run, indices: list[int], timeout: float, only: str | None = None) -> None:
    """Run `indices` in one worker, restarting it after each hang or crash until all are done."""
    context = mp.get_context("spawn")
    skip: list[list[Any]] = []
    remaining = list(indices)
    while remaining:
        parent, child = context.Pipe(duplex=False)
        tick = context.Value("q", 0)
        current = context.Array("q", 2)
        arguments = (child, tick, current, run.seed, remaining, skip, only)
        process = context.Process(target=_worker, args=arguments, daemon=True)
        process.start()
        child.close()
        remaining = _supervise(run, _Worker(process, parent, tick, current), remaining, skip, timeout)
        parent.close()


def _confirm_hangs(run: _Run, timeout: float) -> None:
    """Re-run each timed-out call alone in a fresh, warmed-up worker: only a second timeout is a
    hang; a call that now finishes was slowed by a loaded machine and is listed as slow instead."""
    suspects, run.hangs = run.hangs, []
    for suspect in suspects:
        probe = _Run(run.seed, run.targets)
        started = time.monotonic()
        _run_chunk(probe, [suspect["index"]], timeout, only=suspect["target"])
        if probe.hangs:
            run.hangs.append(suspect)
            continue
        run.slow.append({**suspect, "seconds_on_retry": round(time.monotonic() - started, 1)})
        run.calls.update(probe.calls)
        _merge_problems(run, probe)


def _merge_problems(into: _Run, source: _Run) -> None:
    for signature, entry in source.problems.items():
        merged = into.problems.setdefault(signature, {**entry, "count": 0, "examples": []})
        merged["count"] += entry["count"]
        merged["examples"] = (merged["examples"] + entry["examples"])[:_EXAMPLES_PER_SIGNATURE]


class _Worker:
    """A worker process with its pipe, its call counter and the (input, target) it is on."""

    def __init__(self, process: Any, conn: Connection, tick: Any, current: Any) -> None:
        self.process, self.conn, self.tick, self.current = process, conn, tick, current


def _supervise(run: _Run, worker: _Worker, remaining: list[int], skip: list[list[Any]], timeout: float) -> list[int]:
    """Collect reports until the worker finishes (-> []) or hangs/dies (-> inputs still to run)."""
    last_tick, last_change, ready, acked = -1, time.monotonic(), False, -1
    while True:
        while worker.conn.poll(0.05):
            try:
                kind, payload = worker.conn.recv()
            except EOFError:
                break
            if kind == "ready":
                ready, last_change = True, time.monotonic()
            elif kind == "problem":
                run.record_problem(*payload)
            elif kind == "progress":
                acked = payload[0]
                run.inputs_done += payload[1]
                run.calls.update(payload[2])
            elif kind == "done":
                worker.process.join()
                return []
        if worker.tick.value != last_tick:
            last_tick, last_change = worker.tick.value, time.monotonic()
        hung = time.monotonic() - last_change > (timeout if ready else max(timeout, 600.0))
        if hung or not worker.process.is_alive():
            _record_stop(run, worker, skip, timeout if hung else None)
            return [index for index in remaining if index > acked]


def _record_stop(run: _Run, worker: _Worker, skip: list[list[Any]], timeout: float | None) -> None:
    """Kill the worker; log the input and target it was on as a hang (or a crash) and skip it next time."""
    index, number = int(worker.current[0]), int(worker.current[1])
    worker.process.kill()
    worker.process.join()
    target = _targets_for(index, run.targets)[number]
    skip.append([index, target.name])
    _, text = make_text(run.seed, index)
    if timeout is None:
        run.record_problem("escaped", target.name, "?", index, f"worker died with exit code {worker.process.exitcode}")
        return
    run.hangs.append({"target": target.name, "index": index, "timeout": timeout, "input": text[:300], "length": len(text)})


def _summary(run: _Run, args: argparse.Namespace, seconds: float, skipped: dict[str, str]) -> dict[str, Any]:
    per_target: dict[str, Counter[str]] = {}
    for key, count in run.calls.items():
        name, outcome = key.split("\t")
        per_target.setdefault(name, Counter())[outcome] += count
    problems = sorted(run.problems.values(), key=lambda entry: -entry["count"])
    return {
        "command": " ".join([Path(sys.executable).name, *sys.argv]),
        "seed": args.seed,
        "inputs": run.inputs_done,
        "calls": sum(run.calls.values()),
        "timeout_seconds": args.timeout,
        "seconds": round(seconds, 1),
        "escaped": sum(entry["count"] for entry in problems if entry["kind"] == "escaped"),
        "violations": sum(entry["count"] for entry in problems if entry["kind"] == "violation"),
        "hangs": len(run.hangs),
        "targets": {name: dict(counts) for name, counts in sorted(per_target.items())},
        "targets_not_importable": skipped,
        "problems": problems,
        "hang_inputs": run.hangs,
        "slow_first_tries": run.slow,
        "machine": {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count()},
    }


def main(argv: list[str] | None = None) -> int:
    """Run the fuzz campaign; return 0 when nothing escaped, hung or broke an invariant."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=100_000, help="number of generated inputs")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds one call may take before it is a hang")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes")
    parser.add_argument("--output", type=Path, default=Path(__file__).resolve().parent / "results.json")
    args = parser.parse_args(argv)
    targets, skipped = build_targets()
    started = time.monotonic()
    chunks = [list(range(job, args.count, args.jobs)) for job in range(args.jobs)]
    runs = [_Run(args.seed, targets) for _ in chunks]
    threads = [_threaded(_run_chunk, run, chunk, args.timeout) for run, chunk in zip(runs, chunks, strict=True)]
    while any(thread.is_alive() for thread in threads):
        threads[0].join(timeout=60)
        done = sum(run.inputs_done for run in runs)
        print(f"fuzz: {done}/{args.count} inputs after {time.monotonic() - started:.0f} s", file=sys.stderr, flush=True)
    merged = _merge(runs, args.seed, targets)
    _confirm_hangs(merged, args.timeout)
    summary = _summary(merged, args, time.monotonic() - started, skipped)
    args.output.write_text(json.dumps(summary, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
    print(f"fuzz: {summary['inputs']} inputs, {summary['calls']} calls, {summary['escaped']} escaped, "
          f"{summary['hangs']} hangs, {summary['violations']} violations in {summary['seconds']} s -> {args.output}")  # fmt: skip
    return 0 if summary["escaped"] == summary["hangs"] == summary["violations"] == 0 else 1


def _threaded(function: Any, *args: Any) -> Any:
    import threading

    thread = threading.Thread(target=function, args=args, daemon=True)
    thread.start()
    return thread


def _merge(runs: list[_Run], seed: int, targets: list[Target]) -> _Run:
    merged = _Run(seed, targets)
    for run in runs:
        merged.calls.update(run.calls)
        merged.inputs_done += run.inputs_done
        merged.hangs.extend(run.hangs)
        _merge_problems(merged, run)
    return merged


if __name__ == "__main__":
    sys.exit(main())
