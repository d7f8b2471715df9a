"""Read GeoNames export files as streams of typed rows.

Handles the dump formats of https://download.geonames.org/export/dump/ (format
described in its readme.txt): the 19-column geoname table (`allCountries`,
`<CC>`, `cities500`...), `alternateNamesV2`, `admin1CodesASCII` and
`admin2Codes`, each as `.txt` or inside a `.zip`. Lines are read one at a time
(constant memory) and numbered so an import can resume after a given line.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from flashpoint.errors import GazetteerError
from flashpoint.gazetteer.normalise import is_readable_script
from flashpoint.gazetteer.writer import PlaceRow

GEONAME_COLUMNS = 19
# alternateNames "languages" that are codes or links, not names.
NON_NAME_LANGUAGES = frozenset({"link", "post", "iata", "icao", "faac", "fr_1793", "abbr", "wkdt", "unlc", "tcid", "phon", "piny"})
# Members of a GeoNames zip that are documentation, not data.
_DOC_MEMBERS = ("readme", "iso-languagecodes")


@dataclass(frozen=True, slots=True)
class Member:
    """One data file: its label (path or zip!member), kind, and opener."""

    label: str
    kind: str
    """geoname, alternate, admin1, admin2."""
    path: Path
    inner: str | None


def _kind_of(name: str) -> str:
    lowered = Path(name).name.lower()
    if lowered.startswith("admin1codes"):
        return "admin1"
    if lowered.startswith("admin2codes"):
        return "admin2"
    if lowered.startswith("alternatenames") or lowered.startswith("alternatename"):
        return "alternate"
    return "geoname"


def members_of(path: Path) -> list[Member]:
    """The data files in `path` (a GeoNames .txt, or a .zip of them)."""
    if not path.is_file():
        raise GazetteerError("no such file", path=str(path))
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            names = [n for n in archive.namelist() if n.endswith(".txt") and not Path(n).name.lower().startswith(_DOC_MEMBERS)]
        if not names:
            raise GazetteerError("zip holds no GeoNames .txt file", path=str(path))
        return [Member(f"{path}!{name}", _kind_of(name), path, name) for name in names]
    return [Member(str(path), _kind_of(path.name), path, None)]


def numbered_lines(member: Member, *, skip: int = 0) -> Iterator[tuple[int, str]]:
    """(line number from 1, line) of a member, after the first `skip` lines."""
    if member.inner is None:
        stream: io.TextIOBase = open(member.path, encoding="utf-8", newline="\n")  # noqa: SIM115
        handles: tuple[object, ...] = (stream,)
    else:
        archive = zipfile.ZipFile(member.path)
        stream = io.TextIOWrapper(archive.open(member.inner), encoding="utf-8", newline="\n")
        handles = (stream, archive)
    try:
        for number, line in enumerate(stream, start=1):
            if number > skip:
                yield number, line.rstrip("\n")
    finally:
        for handle in handles:
            handle.close()  # type: ignore[attr-defined]


def parse_geoname(line: str) -> tuple[PlaceRow, list[str]] | None:
    """A geoname row and its names; None for a comment, blank or malformed line."""
    cols = line.split("\t")
    if len(cols) < GEONAME_COLUMNS or line.startswith("#"):
        return None
    try:
        row = PlaceRow(int(cols[0]), cols[1], cols[8], cols[10], cols[11], float(cols[4]), float(cols[5]),
                       cols[6], cols[7], int(cols[14] or 0), cols[18])
    except ValueError:
        return None
    names = [cols[2], *(name for name in cols[3].split(",") if name and is_readable_script(name))]
    return row, names


def parse_alternate(line: str) -> tuple[int, str] | None:
    """(geonameid, name) of an alternateNames row worth indexing, else None."""
    cols = line.split("\t")
    if len(cols) < 4 or cols[2] in NON_NAME_LANGUAGES or not cols[1].isdigit():
        return None
    name = cols[3]
    return (int(cols[1]), name) if name and is_readable_script(name) else None


def parse_admin1(line: str) -> tuple[str, str, str, int | None] | None:
    """(country, admin1 code, name, geonameid) from admin1CodesASCII."""
    cols = line.split("\t")
    if len(cols) < 2 or cols[0].count(".") != 1:
        return None
    country, code = cols[0].split(".")
    return country, code, cols[1], int(cols[3]) if len(cols) > 3 and cols[3].isdigit() else None


def parse_admin2(line: str) -> tuple[str, str, str, str, int | None] | None:
    """(country, admin1 code, admin2 code, name, geonameid) from admin2Codes."""
    cols = line.split("\t")
    if len(cols) < 2 or cols[0].count(".") != 2:
        return None
    country, admin1, code = cols[0].split(".")
    return country, admin1, code, cols[1], int(cols[3]) if len(cols) > 3 and cols[3].isdigit() else None
