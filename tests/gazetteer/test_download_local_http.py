"""`flashpoint gazetteer download` against a GeoNames-like server on 127.0.0.1."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flashpoint.cli.main import build_app
from flashpoint.errors import ConfigError, GazetteerError
from flashpoint.gazetteer.download import download_dumps, dump_file_name
from flashpoint.gazetteer.index import Gazetteer

pytestmark = pytest.mark.integration


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        return None


@pytest.fixture
def server(tmp_path: Path, geonames_files: dict[str, Path]) -> Iterator[str]:
    root = tmp_path / "export"
    root.mkdir()
    (root / "ML.zip").write_bytes(geonames_files["zip"].read_bytes())
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(root)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/dump"
    httpd.shutdown()
    httpd.server_close()


def test_download_command_fetches_and_imports(server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FLASHPOINT_HOME", str(tmp_path / "home"))
    index = tmp_path / "index.sqlite"
    base = server.rsplit("/", 1)[0]
    result = CliRunner().invoke(build_app(), ["gazetteer", "download", "ml", "--base-url", base, "--index", str(index), "-q"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "home" / "geonames" / "ML.zip").is_file()
    assert Gazetteer.open(index).lookup("Tamalat", country="ML")[0].gazetteer_id == "geonames:9000001"


def test_download_missing_file_is_a_gazetteer_error(server: str, tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="404"):
        download_dumps(["NE"], base_url=server.rsplit("/", 1)[0], dest=tmp_path / "dl")
    assert not list((tmp_path / "dl").iterdir())


@pytest.mark.parametrize(("code", "name"), [("ML", "ML.zip"), ("bf", "BF.zip"), ("cities500", "cities500.zip"), ("admin2Codes", "admin2Codes.txt")])
def test_dump_file_name(code: str, name: str) -> None:
    assert dump_file_name(code) == name


@pytest.mark.parametrize("code", ["../etc/passwd", "MLI", "cities42"])
def test_dump_file_name_rejects_other_names(code: str) -> None:
    with pytest.raises(ConfigError):
        dump_file_name(code)
