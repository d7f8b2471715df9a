"""Review actions: confirm, correct and reject go through the API with the bearer token, are
stored with who and when, and are still shown after the page is reloaded."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

pytestmark = pytest.mark.integration
REVIEWER = "Test Analyst"


def _fill_credentials(page: Any, token: str) -> None:
    for testid, value in (("reviewer", REVIEWER), ("api-token", token)):
        field = page.one(f"[data-testid={testid}]")
        field.clear()
        field.send_keys(value)


def _event_ids(fetch_events: Callable[..., Any]) -> list[str]:
    return sorted(e["key"] for e in fetch_events())


def _review_after_reload(page: Any, event_id: str) -> str:
    page.driver.refresh()
    page.wait_for(lambda: page.js("return document.body.dataset.ready") == "true", "reload")
    page.idle()
    assert page.one("[data-testid=field-id]").text == event_id
    return page.text("[data-testid=review-status]")


@pytest.mark.parametrize(
    ("position", "action", "field", "value", "shown"),
    [
        (1, "confirm", None, None, "confirmed by Test Analyst"),
        (2, "correct", "event_type", "Protests", "corrected event_type → Protests by Test Analyst"),
        (3, "reject", None, None, "rejected by Test Analyst"),
    ],
)
def test_page_review_is_stored_and_shown_after_reload(
    page: Any, api: Any, api_token: str, fetch_events: Callable[..., Any],
    position: int, action: str, field: str | None, value: str | None, shown: str,
) -> None:
    ids = _event_ids(fetch_events)
    assert len(ids) > 3, "the demo store must hold several events"
    event_id = ids[position]
    page.open(f"#event={event_id}")
    _fill_credentials(page, api_token)
    if action == "correct":
        page.select("review-field", str(field))
        page.one("[data-testid=review-value]").send_keys(str(value))
    page.one(f"[data-testid=review-{action}]").click()
    page.wait_for(lambda: shown in page.text("[data-testid=review-status]"), f"status '{shown}'")
    stored = api.get(f"/api/events/{event_id}").json()["event"]["review"]
    assert stored["action"] == action and stored["reviewer"] == REVIEWER
    assert _review_after_reload(page, event_id).startswith(shown)
    row = page.one(f'tr[data-event-id="{event_id}"]')
    assert shown in row.find_element("css selector", "td[data-col=review]").text
    assert ("fp-rejected" in (row.get_attribute("class") or "")) == (action == "reject")


def test_page_review_with_wrong_token_is_refused(page: Any, api: Any, fetch_events: Callable[..., Any]) -> None:
    event_id = _event_ids(fetch_events)[0]
    before = api.get(f"/api/events/{event_id}").json()["event"]["review"]
    page.open(f"#event={event_id}")
    _fill_credentials(page, token="not-the-token")
    page.one("[data-testid=review-confirm]").click()
    page.wait_for(lambda: "Review not saved" in page.text("[data-testid=review-error]"), "error shown")
    assert api.get(f"/api/events/{event_id}").json()["event"]["review"] == before
    assert "confirmed by" not in page.text("[data-testid=review-status]")


def test_page_review_token_stays_in_session_storage(page: Any, api_token: str, fetch_events: Callable[..., Any]) -> None:
    event_id = _event_ids(fetch_events)[0]
    page.open(f"#event={event_id}")
    _fill_credentials(page, api_token)
    assert page.js("return window.sessionStorage.getItem('flashpoint.token')") == api_token
    assert page.js("return window.localStorage.getItem('flashpoint.token')") is None
