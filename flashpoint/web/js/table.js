// The event table: one row per event shown, sortable by date (default, newest first) and by
// the other columns; a row opens the event like a marker does (click or Enter).

import { h, replaceChildren } from "./dom.js";
import { actorName, dateRange, eventKey, fatalitiesText, fatalityCount, isRejected, placeName, reviewText } from "./format.js";

const MAX_ROWS = 500;

const COLUMNS = [
  { key: "date", label: "Date", value: (e) => (e.time && e.time.start) || "", text: (e) => dateRange(e.time) },
  { key: "type", label: "Type", value: (e) => e.event_type || "", text: (e) => e.event_type || "—" },
  { key: "actor1", label: "Actor 1", value: (e) => actorName(e.actor1), text: (e) => actorName(e.actor1) },
  { key: "actor2", label: "Actor 2", value: (e) => actorName(e.actor2), text: (e) => actorName(e.actor2) },
  { key: "place", label: "Place", value: (e) => placeName(e.place), text: (e) => placeName(e.place) },
  { key: "fatalities", label: "Fatalities", value: (e) => fatalityCount(e.fatalities) ?? -1, text: (e) => fatalitiesText(e.fatalities), numeric: true },
  { key: "sources", label: "Sources", value: (e) => (e.sources || []).length, text: (e) => String((e.sources || []).length), numeric: true },
  { key: "review", label: "Review", value: (e) => (e.review && e.review.action) || "", text: (e) => reviewText(e.review) },
];

function compare(a, b) {
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b));
}

export class EventTable {
  /** `host` is a <table>; `onSelect(eventId)` opens an event; `caption` shows the row count. */
  constructor(host, caption, onSelect) {
    this.host = host;
    this.caption = caption;
    this.onSelect = onSelect;
    this.sort = { key: "date", dir: "desc" };
    this.events = [];
    this.selectedId = null;
    this.head = h("thead");
    this.body = h("tbody");
    replaceChildren(host, this.head, this.body);
    this.body.addEventListener("click", (e) => this._activate(e.target));
    this.body.addEventListener("keydown", (e) => {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); this._activate(e.target); }
    });
  }

  _activate(target) {
    const row = target.closest("tr[data-event-id]");
    if (row) this.onSelect(row.getAttribute("data-event-id"));
  }

  setEvents(events) {
    this.events = events;
    this.render();
  }

  select(eventId) {
    this.selectedId = eventId;
    for (const row of this.body.rows) {
      row.classList.toggle("fp-selected", row.getAttribute("data-event-id") === eventId);
      row.setAttribute("aria-selected", String(row.getAttribute("data-event-id") === eventId));
    }
  }

  _sorted() {
    const column = COLUMNS.find((c) => c.key === this.sort.key);
    const sign = this.sort.dir === "asc" ? 1 : -1;
    // Ties fall back to the event id so the order is stable across reloads.
    return [...this.events].sort((a, b) =>
      sign * compare(column.value(a), column.value(b)) || compare(eventKey(a), eventKey(b)));
  }

  _header(column) {
    const active = this.sort.key === column.key;
    const button = h("button", { type: "button", class: "fp-sort", "data-testid": `sort-${column.key}` },
      column.label, active ? (this.sort.dir === "asc" ? " ▲" : " ▼") : "");
    button.addEventListener("click", () => {
      this.sort = { key: column.key, dir: active && this.sort.dir === "desc" ? "asc" : "desc" };
      this.render();
    });
    return h("th", { scope: "col", "aria-sort": active ? (this.sort.dir === "asc" ? "ascending" : "descending") : "none",
      class: column.numeric ? "num" : null }, button);
  }

  _row(event) {
    const rejected = isRejected(event);
    return h("tr", {
      "data-event-id": eventKey(event), "data-testid": "event-row", tabindex: 0,
      class: [eventKey(event) === this.selectedId ? "fp-selected" : "", rejected ? "fp-rejected" : ""].join(" ").trim() || null,
      "aria-selected": String(eventKey(event) === this.selectedId),
    }, COLUMNS.map((c) => h("td", { class: c.numeric ? "num" : null, "data-col": c.key }, c.text(event))));
  }

  render() {
    replaceChildren(this.head, h("tr", {}, COLUMNS.map((c) => this._header(c))));
    const rows = this._sorted().slice(0, MAX_ROWS);
    replaceChildren(this.body, rows.map((e) => this._row(e)));
    const more = this.events.length > MAX_ROWS ? ` (first ${MAX_ROWS} shown; narrow the filters to see the rest)` : "";
    replaceChildren(this.caption, `${this.events.length} event${this.events.length === 1 ? "" : "s"}${more}`);
  }
}
