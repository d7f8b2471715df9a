// The side panel for one event: what happened, who, where, when, how many died (each with
// its precision code), who says so, the analyst review controls, and the source reports.

import { h, replaceChildren } from "./dom.js";
import {
  actorName, datePrec, dateRange, eventKey, fatalitiesText, geoPrecision, placeName, timePrecision, UNKNOWN, wherePrec,
} from "./format.js";
import { claimText, reportView } from "./report.js";

function row(label, testid, ...value) {
  return [h("dt", {}, label), h("dd", { "data-testid": testid }, ...value)];
}

function actorLine(actor) {
  if (!actor) return UNKNOWN;
  const surface = actor.text && actor.text !== actor.name ? ` — “${actor.text}” in the report` : "";
  return `${actorName(actor)}${actor.id ? ` [${actor.id}]` : ""}${surface}`;
}

function placeLines(place) {
  if (!place) return [UNKNOWN];
  const coords = Number.isFinite(place.lat) && Number.isFinite(place.lon)
    ? `${place.lat.toFixed(4)}, ${place.lon.toFixed(4)}` : "no coordinates";
  return [placeName(place), h("br"), coords, h("br"),
    h("span", { class: "fp-code" }, `${geoPrecision(place.geo_precision)}; ${wherePrec(place.where_prec)}`),
    place.text ? [h("br"), `“${place.text}” in the report`] : null];
}

function timeLines(time) {
  if (!time) return [UNKNOWN];
  return [dateRange(time), h("br"),
    h("span", { class: "fp-code" }, `${timePrecision(time.time_precision)}; ${datePrec(time.date_prec)}`),
    time.text ? [h("br"), `“${time.text}” in the report`] : null];
}

function flags(event) {
  const set = ["aggregate", "hedged", "negated", "future"].filter((f) => event[f]);
  return set.length ? set.join(", ") : "none";
}

/** The <dl> of event fields. */
export function eventFields(event) {
  const associated = (event.assoc_actor_1 || []).map(actorName).join("; ") || UNKNOWN;
  const claims = (event.attribution || []).map(claimText).join("; ") || "no claimant named";
  return h("dl", { class: "fp-fields", "data-testid": "event-fields" },
    row("Type", "field-type", `${event.event_type || UNKNOWN} / ${event.sub_event_type || UNKNOWN}`),
    row("Actor 1", "field-actor1", actorLine(event.actor1)),
    row("Associated", "field-assoc", associated),
    row("Actor 2", "field-actor2", actorLine(event.actor2)),
    row("Place", "field-place", ...placeLines(event.place)),
    row("Time", "field-time", ...timeLines(event.time)),
    row("Fatalities", "field-fatalities", fatalitiesText(event.fatalities),
      event.fatalities && event.fatalities.text ? ` — “${event.fatalities.text}”` : ""),
    row("Claimed by", "field-claimants", claims),
    row("Confidence", "field-confidence", Number.isFinite(event.confidence) ? event.confidence.toFixed(2) : UNKNOWN),
    row("Flags", "field-flags", flags(event)),
    row("Event id", "field-id", h("code", {}, eventKey(event))));
}

/** Fill the panel for `detail` = `{event, documents}`; `reviewSection` is a prebuilt node. */
export function renderPanel(host, detail, reviewSection) {
  const { event, documents } = detail;
  const reports = (documents || []).map(reportView);
  replaceChildren(host,
    h("h2", { id: "panel-title", "data-testid": "panel-title" }, event.event_type || "Event"),
    h("p", { class: "fp-subtitle" }, `${event.sub_event_type || ""} · ${dateRange(event.time)} · ${placeName(event.place)}`),
    eventFields(event),
    reviewSection,
    h("h2", {}, `Source reports (${reports.length})`),
    reports.length ? reports : h("p", {}, "No stored report text for this event."));
}

/** Scroll each report's text box (only the box, not the panel) to its first evidence. */
export function scrollToEvidence(host) {
  for (const box of host.querySelectorAll(".fp-doc-text")) {
    const mark = box.querySelector("mark.fp-evidence");
    if (mark) box.scrollTop = Math.max(0, mark.offsetTop - box.clientHeight / 3);
  }
}
