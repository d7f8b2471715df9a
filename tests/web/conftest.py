"""Fixtures for the browser tests: a `flashpoint serve` process on a fixture database and a
headless Chromium driven by Selenium.

The server runs as a real subprocess on a free 127.0.0.1 port, exactly as an analyst starts it.
Chromium comes from Debian (`.ci/chromium.sh`); without it the tests skip locally but FAIL in CI
(env `CI` set), so a green CI always means the page was exercised in a browser.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from flashpoint.api.readiness import stop_process, wait_ready
from flashpoint.model import Span

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
API_TOKEN = "web-test-token"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
WINDOW = (1400, 950)
CHROME_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
)
SERVER_START_SECONDS = 90.0
WAIT_SECONDS = 20.0


def _require_chromium() -> None:
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    if not missing:
        return
    message = f"headless Chromium is not installed ({', '.join(missing)} missing); run `bash .ci/chromium.sh`"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# Invented report whose text and title carry markup and an astral character before the
# evidence (so code-point vs UTF-16 offsets matter). The page must show all of it as text.
HOSTILE_TITLE = "Market attack <b>in</b> Ménaka"
HOSTILE_REPORT = (
    "Market attack in Ménaka 🔥\n\n"
    "Residents said gunmen <script>window.fpPwned = 1</script> opened fire at the market in Ménaka on "
    "12 February, killing four traders. <img src=x onerror=\"window.fpPwned = 1\"> A local official "
    "confirmed the toll."
)


def hostile_document() -> Any:
    """A hand-coded document with one event whose evidence contains a <script> tag."""
    from flashpoint.model import ActorRef, Claim, Document, Event, Fatalities, Place, TimeRange, Trigger

    doc = Document.from_text(HOSTILE_REPORT, published=dt.date(2024, 2, 13), source="Test Wire <i>",
                              title=HOSTILE_TITLE, url="javascript:alert(1)")
    t = doc.text
    claim = Claim(source="Residents", kind="anonymous", span=Span.of(t, "Residents"),
                  covers=Span.of(t, "killing four traders"), verb="said")
    event = Event(
        doc_id=doc.doc_id, event_id="e0", event_type="Violence against civilians", sub_event_type="Attack",
        trigger=Trigger("Violence against civilians", "Attack", Span.of(t, "opened fire"), "opened fire"),
        actor1=ActorRef(id=None, name=None, text="gunmen", span=Span.of(t, "gunmen"), country="ML"),
        actor2=ActorRef(id="civilians", name="Civilians (Mali)", text="traders", span=Span.of(t, "traders"), inter=7, country="ML"),
        place=Place(name="Ménaka", gazetteer_id=None, country="ML", admin1="Ménaka", admin2=None, lat=15.9182, lon=2.4022,
                    geo_precision=1, where_prec=1, text="Ménaka", span=Span.of(t, "market in Ménaka")),
        time=TimeRange(dt.date(2024, 2, 12), dt.date(2024, 2, 12), 1, 1, "12 February", Span.of(t, "12 February")),
        fatalities=Fatalities(low=4, best=4, high=4, text="four traders", span=Span.of(t, "four traders")),
        attribution=(claim,), confidence=0.7,
        evidence=(Span.of(t, "gunmen <script>window.fpPwned = 1</script> opened fire at the market in Ménaka on 12 February, killing four traders."),),
    )
    return doc.with_layers(events=(event,), claims=(claim,), lang="en")


def build_web_store(url: str) -> None:
    """The demo store plus the hostile report, merged as an ingest would."""
    from flashpoint.store.engine import open_store
    from flashpoint.store.fixtures import build_demo_store
    from flashpoint.store.merge import merge_pending
    from flashpoint.store.repository import write_document

    build_demo_store(url)
    store = open_store(url)
    try:
        write_document(store, hostile_document())
        with store.session.begin() as session:
            merge_pending(session)
    finally:
        store.close()


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """URL of a fresh SQLite store per test module (reviews in one module do not leak)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('webdb') / 'web.sqlite'}"
    build_web_store(url)
    return url


def _wait_for_server(proc: subprocess.Popen[bytes], base: str, log: Path) -> None:
    if wait_ready(f"{base}/api/stats", alive=lambda: proc.poll() is None, timeout=SERVER_START_SECONDS, interval=0.3):
        return
    if proc.poll() is not None:
        pytest.fail(f"flashpoint serve exited with {proc.returncode}:\n{log.read_text(errors='replace')[-3000:]}")
    pytest.fail(f"flashpoint serve did not answer within {SERVER_START_SECONDS}s:\n{log.read_text(errors='replace')[-3000:]}")


@pytest.fixture(scope="module")
def server(demo_db: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL of `flashpoint serve` running on the demo store; stopped after the session."""
    home = tmp_path_factory.mktemp("webhome")
    port = _free_port()
    log = home / "serve.log"
    env = {**os.environ, "FLASHPOINT_API_TOKEN": API_TOKEN, "FLASHPOINT_HOME": str(home)}
    command = [sys.executable, "-c", "from flashpoint.cli.main import main; main()",
               "serve", "--db", demo_db, "--host", "127.0.0.1", "--port", str(port)]
    with log.open("wb") as out:
        proc = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=home)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_for_server(proc, base, log)
        yield base
    finally:
        stop_process(proc)


@pytest.fixture(scope="module")
def api(server: str) -> Iterator[httpx.Client]:
    """An HTTP client on the same server, to compare what the page shows with the API."""
    with httpx.Client(base_url=server, timeout=10.0) as client:
        yield client


def all_events(client: httpx.Client, **filters: str) -> list[dict[str, Any]]:
    """Every event the API returns for `filters`, following its paging.

    Each gets a `key`: the id the API addresses it by (the store id `id`; a record's
    `event_id` is only unique within its document), as the page's `eventKey` does.
    """
    events: list[dict[str, Any]] = []
    while True:
        body = client.get("/api/events", params={**filters, "limit": 200, "offset": len(events)}).json()
        assert body["ok"], body
        events.extend({**e, "key": str(e.get("id") or e["event_id"])} for e in body["events"])
        if not body["events"] or len(events) >= body["total"]:
            return events


class Page:
    """A Chromium tab on the Flashpoint page, with waits keyed to the page's own busy flags."""

    def __init__(self, driver: Any, base: str) -> None:
        self.driver = driver
        self.base = base

    def open(self, fragment: str = "") -> Page:
        self.driver.get(f"{self.base}/{fragment}")
        self.wait_for(lambda: self.js("return document.body.dataset.ready") == "true", "page ready")
        return self.idle()

    def js(self, script: str, *args: Any) -> Any:
        return self.driver.execute_script(script, *args)

    def wait_for(self, condition: Callable[[], Any], what: str, seconds: float = WAIT_SECONDS) -> Any:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            value = condition()
            if value:
                return value
            time.sleep(0.1)
        raise AssertionError(f"timed out after {seconds}s waiting for {what}")

    def idle(self) -> Page:
        """Wait until no API request is in flight (body[data-busy]) and the map stopped moving."""
        self.wait_for(lambda: self.js("return document.body.dataset.busy") == "false", "page idle")
        return self.settle()

    def settle(self) -> Page:
        """Wait until no zoom or cluster animation has run for a moment (markers are final)."""
        moving = "return document.querySelector('.leaflet-zoom-anim, .leaflet-cluster-anim') !== null"
        quiet = 0
        while quiet < 3:
            self.wait_for(lambda: not self.js(moving), "map animations to end")
            quiet += 1
            time.sleep(0.1)
            if self.js(moving):
                quiet = 0
        return self

    def css(self, selector: str) -> list[Any]:
        from selenium.webdriver.common.by import By

        return list(self.driver.find_elements(By.CSS_SELECTOR, selector))

    def one(self, selector: str) -> Any:
        return self.wait_for(lambda: (self.css(selector) or [None])[0], selector)

    def text(self, selector: str) -> str:
        """textContent of the first match, read in one call (no stale handle while the page redraws)."""
        return str(self.js("const n = document.querySelector(arguments[0]); return n ? n.textContent : ''", selector))

    def row_ids(self) -> list[str]:
        return [str(r.get_attribute("data-event-id")) for r in self.css("[data-testid=event-row]")]

    def open_event(self, event_id: str) -> Any:
        """Click the event's table row and wait for its panel."""
        row = self.one(f'[data-testid=event-row][data-event-id="{event_id}"]')
        self.js("arguments[0].scrollIntoView({block: 'center'})", row)
        row.click()
        self.wait_for(lambda: self.js(
            "const p = document.getElementById('panel'); return !p.hidden && p.dataset.eventId === arguments[0]",
            event_id), f"panel of {event_id}")
        return self.idle().one("[data-testid=event-panel]")

    def set_date_range(self, start: str, end: str) -> None:
        """Type a range into From/To (ISO dates); date inputs take `.value` in ISO whatever the locale."""
        for testid, value in (("filter-start", start), ("filter-end", end)):
            field = self.one(f"[data-testid={testid}]")
            self.js("arguments[0].value = arguments[1];"
                    "arguments[0].dispatchEvent(new Event('change', {bubbles: true}))", field, value)

    def select(self, testid: str, value: str) -> None:
        from selenium.webdriver.support.ui import Select

        Select(self.one(f"[data-testid={testid}]")).select_by_value(value)
        self.idle()

    def module_call(self, module: str, function: str, *args: Any) -> Any:
        """Call an exported function of one of the page's ES modules (`js/<module>.js`) in the browser."""
        script = (
            "const [path, name, args, done] = [arguments[0], arguments[1], arguments[2], arguments[arguments.length - 1]];"
            "import(path).then((m) => done({value: m[name](...args)})).catch((e) => done({error: String(e)}));"
        )
        result = self.driver.execute_async_script(script, f"/js/{module}.js", function, list(args))
        if "error" in result:
            raise AssertionError(f"{module}.{function}: {result['error']}")
        return result["value"]

    def severe_logs(self) -> list[str]:
        return [e["message"] for e in self.driver.get_log("browser") if e["level"] == "SEVERE"]

    def screenshot(self, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        self.driver.save_screenshot(str(path))
        return path


@pytest.fixture(scope="session")
def chromium() -> Path:
    """The Chromium binary; checked before the server starts so a missing browser fails fast."""
    _require_chromium()
    return CHROMIUM


@pytest.fixture(scope="module")
def browser(chromium: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """One headless Chromium per test module, with its own fresh profile."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(chromium)
    for flag in CHROME_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--window-size={WINDOW[0]},{WINDOW[1]}")
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(WAIT_SECONDS)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture()
def page(browser: Any, server: str) -> Page:
    """The browser on a clean slate: the page's storage emptied and old console lines drained."""
    browser.get(f"{server}/favicon.svg")
    browser.execute_script("window.localStorage.clear(); window.sessionStorage.clear();")
    browser.get_log("browser")
    return Page(browser, server)


@pytest.fixture(scope="session")
def api_token() -> str:
    """The token `flashpoint serve` was started with (FLASHPOINT_API_TOKEN)."""
    return API_TOKEN


@pytest.fixture(scope="module")
def fetch_events(api: httpx.Client) -> Callable[..., list[dict[str, Any]]]:
    """`fetch_events(actor=..., type=...)`: every matching event, straight from the API."""
    return lambda **filters: all_events(api, **filters)
