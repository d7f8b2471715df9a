// The filter bar: actor, event type and free text go to the API (a new query); the date
// range is applied in the browser to the loaded events, together with the timeline brush.

import { byId, h } from "./dom.js";

function fillSelect(select, allLabel, options) {
  select.replaceChildren(h("option", { value: "" }, allLabel),
    ...options.map(([value, label]) => h("option", { value }, label)));
}

/** Offer the actors and event types known to the store. */
export function fillFilters(stats) {
  const actors = [...(stats.actors || [])].sort((a, b) => String(a.name || a.id).localeCompare(String(b.name || b.id)));
  fillSelect(byId("filter-actor"), "All actors", actors.map((a) => [a.id, a.name || a.id]));
  fillSelect(byId("filter-type"), "All event types", (stats.event_types || []).map((t) => [t, t]));
}

/** The API query for the current filter values. */
export function apiFilters() {
  return {
    actor: byId("filter-actor").value,
    type: byId("filter-type").value,
    q: byId("filter-q").value.trim(),
  };
}

/** Call `onQuery()` when an API filter changes (text after a short pause while typing). */
export function watchFilters(onQuery) {
  byId("filter-actor").addEventListener("change", onQuery);
  byId("filter-type").addEventListener("change", onQuery);
  let timer = null;
  byId("filter-q").addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(onQuery, 350);
  });
  byId("filters").addEventListener("submit", (e) => { e.preventDefault(); clearTimeout(timer); onQuery(); });
}

/** The date range typed in the From/To fields, or null when both are empty. */
export function dateRangeInputs() {
  const start = byId("filter-start").value;
  const end = byId("filter-end").value;
  return start || end ? { start, end } : null;
}

/** Show a range (from the timeline brush) in the From/To fields. */
export function showDateRange(range) {
  byId("filter-start").value = (range && range.start) || "";
  byId("filter-end").value = (range && range.end) || "";
}

/** Call `onRange(range|null)` when the From/To fields change or are cleared. */
export function watchDateRange(onRange) {
  for (const id of ["filter-start", "filter-end"]) {
    byId(id).addEventListener("change", () => onRange(dateRangeInputs()));
  }
  byId("filter-clear-time").addEventListener("click", () => { showDateRange(null); onRange(null); });
}
