"""Download GeoNames dump files over HTTP (streamed to disk), then import them.

`<base_url>/<CC>.zip` for a country code, or `<base_url>/<name>.zip` for a named
dump such as `cities500` or `allCountries`. Files land in a folder first (written
to a temporary name and renamed when complete), so a failed download never
leaves a truncated zip that looks finished.

Example:
    >>> download_dumps(["ML", "NE"], base_url="https://download.geonames.org/export/dump/",
    ...                dest=Path("geonames"))  # doctest: +SKIP
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import httpx

from flashpoint.errors import ConfigError, GazetteerError
from flashpoint.gazetteer.progress import track

_DUMP_NAME = re.compile(r"^(?:[A-Z]{2}|allCountries|cities(?:500|1000|5000|15000)|alternateNamesV2|alternateNames|admin1CodesASCII|admin2Codes)(?:\.zip|\.txt)?$")
TIMEOUT_SECONDS = 60.0
CHUNK_BYTES = 1 << 16


def dump_file_name(code: str) -> str:
    """The file name on the GeoNames server for a country code or dump name."""
    name = code.strip()
    if len(name) == 2:
        name = name.upper()
    if not _DUMP_NAME.match(name):
        raise ConfigError(f"{code!r} is not a country code (e.g. ML) or GeoNames dump name (e.g. cities500)", field="codes", value=code)
    if name.endswith((".zip", ".txt")):
        return name
    return f"{name}.txt" if name.startswith(("admin1", "admin2")) else f"{name}.zip"


def _fetch(client: httpx.Client, url: str, target: Path, *, progress: bool) -> None:
    partial = target.with_name(target.name + ".part")
    try:
        with client.stream("GET", url) as response:
            response.raise_for_status()
            total = int(response.headers.get("content-length", 0)) or None
            with track(progress, f"download {target.name}", total) as tracker, partial.open("wb") as out:
                for chunk in response.iter_bytes(CHUNK_BYTES):
                    out.write(chunk)
                    tracker.advance(len(chunk))
        partial.replace(target)
    except httpx.HTTPError as exc:
        partial.unlink(missing_ok=True)
        raise GazetteerError(f"download failed: {exc}", path=url) from exc


def download_dumps(codes: Sequence[str], *, base_url: str, dest: Path, progress: bool = False) -> list[Path]:
    """Download each dump into `dest`; returns the local paths in the order given."""
    dest.mkdir(parents=True, exist_ok=True)
    base = base_url if base_url.endswith("/") else base_url + "/"
    paths = []
    with httpx.Client(timeout=TIMEOUT_SECONDS, follow_redirects=True) as client:
        for code in codes:
            name = dump_file_name(code)
            target = dest / name
            _fetch(client, base + name, target, progress=progress)
            paths.append(target)
    return paths
