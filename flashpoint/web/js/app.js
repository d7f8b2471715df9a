// Entry point: wires the map, timeline, filters, table and event panel to the API.
// Flow: filters (actor/type/text) query the API; the date range (timeline brush or From/To)
// narrows the loaded events in the browser; a marker or row opens the event panel.

import { getAllEvents, getEvent, getInfluences, getStats } from "./api.js";
import { addCountries, createMap } from "./basemap.js";
import { byId, replaceChildren } from "./dom.js";
import { EventLayer } from "./eventlayer.js";
import { apiFilters, fillFilters, showDateRange, watchDateRange, watchFilters } from "./filters.js";
import { eventKey } from "./format.js";
import { influenceLayer } from "./influence.js";
import { addLegend } from "./legend.js";
import { overlaps } from "./months.js";
import { renderPanel, scrollToEvidence } from "./panel.js";
import { reviewSection } from "./review.js";
import { EventTable } from "./table.js";
import { Timeline } from "./timeline.js";

const state = { stats: null, events: [], total: 0, truncated: false, range: null, selectedId: null };
let busy = 0;
let map, eventLayer, table, timeline;

function setBusy(delta) {
  busy += delta;
  document.body.dataset.busy = String(busy > 0);
}

// Errors by what failed, so a later success of one part (say, the event list) does not hide
// the failure of another (say, the basemap).
const errors = new Map();

function showError(source, message) {
  if (message) errors.set(source, message);
  else errors.delete(source);
  const banner = byId("error");
  banner.hidden = errors.size === 0;
  replaceChildren(banner, [...errors].map(([what, text]) => `${what}: ${text}`).join(" · "));
}

async function guarded(source, work) {
  setBusy(1);
  try {
    const result = await work();
    showError(source, null);
    return result;
  } catch (exc) {
    showError(source, exc.message);
    return undefined;
  } finally {
    setBusy(-1);
  }
}

function applyRange() {
  const shown = state.events.filter((e) => overlaps(e.time, state.range));
  const located = eventLayer.setEvents(shown);
  table.setEvents(shown);
  table.select(state.selectedId);
  const more = state.truncated ? ` — only the first ${state.events.length} of ${state.total} matches loaded` : "";
  replaceChildren(byId("summary"),
    `${shown.length} of ${state.events.length} events shown, ${located} on the map${more}`);
  byId("summary").dataset.shown = String(shown.length);
}

function setRange(range) {
  state.range = range;
  showDateRange(range);
  timeline.setRange(range);
  applyRange();
}

async function loadEvents({ fit = false } = {}) {
  await guarded("events", async () => {
    const result = await getAllEvents(apiFilters());
    Object.assign(state, { events: result.events, total: result.total, truncated: result.truncated });
    timeline.setData(state.events, state.stats && state.stats.date_min, state.stats && state.stats.date_max);
    timeline.setRange(state.range);
    applyRange();
    if (fit) eventLayer.fit();
  });
}

function closePanel() {
  state.selectedId = null;
  byId("panel").hidden = true;
  history.replaceState(null, "", window.location.pathname + window.location.search);
  table.select(null);
  eventLayer.select(null);
}

async function refreshEvent(eventId) {
  const detail = await getEvent(eventId);
  const index = state.events.findIndex((e) => eventKey(e) === eventId);
  if (index >= 0) {
    // Update in place: rebuilding every marker here would cancel the zoom to the selected one.
    state.events[index] = { ...state.events[index], ...detail.event };
    eventLayer.update(state.events[index]);
    table.setEvents(state.events.filter((e) => overlaps(e.time, state.range)));
    table.select(state.selectedId);
  }
  return detail;
}

async function selectEvent(eventId) {
  state.selectedId = eventId;
  history.replaceState(null, "", `#event=${encodeURIComponent(eventId)}`);
  table.select(eventId);
  eventLayer.select(eventId);
  await guarded("event", async () => {
    const detail = await refreshEvent(eventId);
    if (state.selectedId !== eventId) return; // another event was opened meanwhile
    const options = { eventTypes: state.stats.event_types || [], actors: state.stats.actors || [] };
    const review = reviewSection(detail.event, detail.reviews || [], options, () => selectEvent(eventId));
    const panel = byId("panel-body");
    renderPanel(panel, detail, review);
    byId("panel").hidden = false;
    byId("panel").dataset.eventId = eventId;
    scrollToEvidence(panel);
    eventLayer.reveal();
  });
}

async function addInfluences() {
  const collection = await getInfluences();
  const layer = influenceLayer(collection);
  const toggle = byId("toggle-influence");
  const sync = () => (toggle.checked ? layer.addTo(map) : layer.remove());
  toggle.addEventListener("change", sync);
  byId("influence-count").textContent = `(${(collection.features || []).length})`;
  sync();
}

function eventFromHash() {
  const match = /^#event=(.+)$/.exec(window.location.hash);
  return match ? decodeURIComponent(match[1]) : null;
}

async function start() {
  setBusy(1);
  map = createMap(byId("map"));
  // Opening the panel narrows the map; Leaflet must re-measure or clicks land off-target.
  new ResizeObserver(() => map.invalidateSize()).observe(byId("map"));
  eventLayer = new EventLayer(map, selectEvent);
  table = new EventTable(byId("event-table"), byId("table-caption"), selectEvent);
  timeline = new Timeline(byId("timeline"), setRange);
  byId("panel-close").addEventListener("click", closePanel);
  document.addEventListener("keydown", (e) => { if (e.key === "Escape" && !byId("panel").hidden) closePanel(); });
  watchFilters(() => loadEvents());
  watchDateRange(setRange);
  const basemap = guarded("basemap", () => addCountries(map));
  state.stats = (await guarded("statistics", getStats)) || { actors: [], event_types: [] };
  fillFilters(state.stats);
  addLegend(map, state.stats.event_types || []);
  await Promise.all([basemap, guarded("influence areas", addInfluences), loadEvents({ fit: true })]);
  const wanted = eventFromHash();
  if (wanted) await selectEvent(wanted);
  document.body.dataset.ready = "true";
  setBusy(-1);
}

start();
