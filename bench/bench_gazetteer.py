"""Gazetteer benchmark: lookups/s, p99 latency and peak RSS, on the embedded index and
on a synthetic GeoNames import of N names (12 M by default, like allCountries).

Each phase runs in its own process so its peak RSS is its own. Results are merged
into bench/results.json under "gazetteer" (other keys are kept).

Example:
    .venv/bin/python bench/bench_gazetteer.py --names 300000 --lookups 5000
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results.json"
SYLLABLES_C = "b d f g h j k l m n r s t w y z gh kh ch sh dj ou".split()
SYLLABLES_V = "a e i o u ou é".split()
COUNTRIES = [f"{a}{b}" for a in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" for b in "ABCDEFGHIJ"]
NAMES_PER_PLACE = 3
WARM_UP = 200


def _peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _synthetic_name(rng: random.Random) -> str:
    syllables = rng.randint(2, 4)
    return "".join(rng.choice(SYLLABLES_C) + rng.choice(SYLLABLES_V) for _ in range(syllables)).capitalize()


def _variant(name: str, rng: random.Random) -> str:
    """A spelling variant like French/English transliterations produce."""
    swaps = [("ou", "u"), ("kh", "k"), ("gh", "g"), ("dj", "j"), ("ch", "sh"), ("é", "e"), ("a", "")]
    old, new = rng.choice(swaps)
    return name.replace(old, new, 1) if old in name else name + rng.choice("aei")


def write_synthetic_dump(path: Path, names: int, *, seed: int = 7) -> int:
    """A GeoNames-format file with `names` names (3 per place); returns the place count."""
    rng = random.Random(seed)
    places = max(1, names // NAMES_PER_PLACE)
    with path.open("w", encoding="utf-8") as out:
        for number in range(1, places + 1):
            name = _synthetic_name(rng)
            alternates = f"{_variant(name, rng)},{_synthetic_name(rng)}"
            lat, lon = rng.uniform(-60, 70), rng.uniform(-180, 180)
            row = [str(20_000_000 + number), name, name, alternates, f"{lat:.5f}", f"{lon:.5f}", "P", "PPL",
                   rng.choice(COUNTRIES), "", "01", "", "", "", str(rng.choice((0, 0, 0, 500, 20000))), "", "0", "UTC", "2024-01-01"]
            out.write("\t".join(row) + "\n")
    return places


def _queries(index: Path, count: int, *, seed: int = 11) -> list[tuple[str, str | None, tuple[str, ...]]]:
    """A query mix: exact names with soft country context, without context, and misspelled with context."""
    import sqlite3

    rng = random.Random(seed)
    with sqlite3.connect(f"file:{index}?mode=ro", uri=True) as conn:
        # Sample between the real first and last ids: synthetic ids start at 20 M, and
        # sampling from 0 asked for the same first places over and over.
        bottom, top = conn.execute("SELECT min(id), max(id) FROM places WHERE id > 0").fetchone()
        # Distinct places: a repeated query would only measure the lookup memo.
        found: dict[tuple[str, str], None] = {}
        for _ in range(count * 10):  # bounded: a small index may hold fewer places
            if len(found) >= count:
                break
            start = rng.randint(bottom, top)
            found.update(dict.fromkeys(conn.execute("SELECT name, country FROM places WHERE id >= ? AND fclass = 'P' LIMIT 20", (start,))))
        rows = list(found)
    queries: list[tuple[str, str | None, tuple[str, ...]]] = []
    for number, (name, country) in enumerate(rows[:count]):
        kind = number % 4
        if kind in (0, 1):
            queries.append((name, None, (country,)))
        elif kind == 2:
            queries.append((name, None, ()))
        else:
            queries.append((_variant(name, rng), country, ()))
    return queries


def phase_lookups(index: Path, count: int) -> dict[str, Any]:
    """Run `count` lookups on one core; latency percentiles, rate and peak RSS."""
    sys.path.insert(0, str(ROOT))
    from flashpoint.gazetteer.index import Gazetteer

    queries = _queries(index, count + WARM_UP)
    gaz = Gazetteer.open(index)
    for name, country, countries in queries[:WARM_UP]:  # warm the page cache and statement cache
        gaz.lookup(name, country=country, countries=countries)
    queries = queries[WARM_UP:]  # other names: the warm-up must not prime the lookup memo
    latencies, cpu_latencies = [], []
    started, cpu_started = time.perf_counter(), time.thread_time()
    for name, country, countries in queries:
        t0, c0 = time.perf_counter(), time.thread_time()
        gaz.lookup(name, country=country, countries=countries)
        latencies.append(time.perf_counter() - t0)
        cpu_latencies.append(time.thread_time() - c0)
    elapsed, cpu_elapsed = time.perf_counter() - started, time.thread_time() - cpu_started
    latencies.sort()
    cpu_latencies.sort()
    p99 = int(len(latencies) * 0.99)
    # Wall-clock figures include time the OS gave other processes (the machine is shared);
    # CPU-time figures are what one core delivers to this process.
    return {
        "lookups": len(queries), "lookups_per_s": round(len(queries) / elapsed, 1),
        "lookups_per_cpu_s": round(len(queries) / cpu_elapsed, 1),
        "p50_ms": round(latencies[len(latencies) // 2] * 1000, 3), "p99_ms": round(latencies[p99] * 1000, 3),
        "cpu_p99_ms": round(cpu_latencies[p99] * 1000, 3),
        "peak_rss_mb": _peak_rss_mb(), "index_mb": round(index.stat().st_size / 2**20, 1),
        "load_average": round(os.getloadavg()[0], 2),
    }


def phase_import(dump: Path, index: Path) -> dict[str, Any]:
    """Import the synthetic dump into a fresh index; time and peak RSS."""
    sys.path.insert(0, str(ROOT))
    from flashpoint.gazetteer.importer import import_files

    report = import_files(index, [dump])
    return {"places": report.places, "import_seconds": report.seconds, "import_peak_rss_mb": _peak_rss_mb(),
            "index_mb": round(index.stat().st_size / 2**20, 1)}


def _run_phase(*args: str) -> dict[str, Any]:
    output = subprocess.run([sys.executable, __file__, "--phase", *args], check=True, capture_output=True, text=True, cwd=ROOT)
    return dict(json.loads(output.stdout.strip().splitlines()[-1]))


def _embedded_index(given: str | None, workdir: Path) -> Path:
    sys.path.insert(0, str(ROOT))
    from flashpoint.settings import load_settings

    path = Path(given) if given else load_settings().gazetteer_path
    if not path.is_file():
        from flashpoint.gazetteer.build import build_default_index

        path = build_default_index(workdir / "embedded.sqlite")
    return path


def _synthetic(workdir: Path, names: int, lookups: int, reuse: Path | None) -> dict[str, Any]:
    """Import a synthetic dump of `names` names (unless `reuse` already holds one), then measure lookups.

    Importing 12 M names takes minutes: `reuse` keeps the index to re-measure lookups
    after a change to the lookup path without importing again.
    """
    index = reuse or workdir / "synthetic.sqlite"
    synthetic: dict[str, Any] = {"names": max(1, names // NAMES_PER_PLACE) * NAMES_PER_PLACE}
    if reuse is None or not reuse.is_file():
        dump = workdir / "synthetic.txt"
        write_synthetic_dump(dump, names)
        synthetic.update(_run_phase("import", str(dump), str(index)))
    else:
        synthetic["reused_index"] = str(reuse)
    synthetic.update(_run_phase("lookups", str(index), str(lookups)))
    return synthetic


def merge_results(section: dict[str, Any]) -> None:
    """Write `section` under "gazetteer" in bench/results.json, keeping other keys."""
    results = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.is_file() else {}
    results["gazetteer"] = section
    RESULTS.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--names", type=int, default=12_000_000, help="names in the synthetic import (default 12 M)")
    parser.add_argument("--lookups", type=int, default=20_000, help="lookups per measured index")
    parser.add_argument("--index", help="embedded index to measure (default: the settings' index, built if absent)")
    parser.add_argument("--workdir", help="folder for the synthetic dump and index (default: a temp dir)")
    parser.add_argument("--reuse", help="synthetic index to keep: imported there if absent, else only measured"
                        " (the import figures then come from the first run)")
    parser.add_argument("--phase", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        kind, *rest = args.phase
        result = phase_lookups(Path(rest[0]), int(rest[1])) if kind == "lookups" else phase_import(Path(rest[0]), Path(rest[1]))
        print(json.dumps(result))
        return
    with tempfile.TemporaryDirectory(dir=args.workdir) as tmp:
        workdir = Path(tmp)
        embedded = _embedded_index(args.index, workdir)
        section: dict[str, Any] = {"embedded": _run_phase("lookups", str(embedded), str(args.lookups))}
        section["synthetic"] = _synthetic(workdir, args.names, args.lookups, Path(args.reuse) if args.reuse else None)
    section["targets"] = {"lookups_per_s": 5000, "p99_ms": 5, "peak_rss_mb": 1024}
    section["machine"] = {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform()}
    section["command"] = " ".join(["bench/bench_gazetteer.py", *sys.argv[1:]])
    section["measured"] = time.strftime("%Y-%m-%dT%H:%M:%S")
    merge_results(section)
    print(json.dumps(section, indent=2))


if __name__ == "__main__":
    main()
