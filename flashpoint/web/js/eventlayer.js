// Events on the map: one circle marker per located event, styled by type and fatalities,
// clustered when dense. Events without coordinates stay in the table only.

import { h } from "./dom.js";
import { markerStyle } from "./eventstyle.js";
import { actorName, dateRange, eventKey, placeName } from "./format.js";

const L = window.L;

function hasCoordinates(event) {
  const place = event.place;
  return Boolean(place) && Number.isFinite(place.lat) && Number.isFinite(place.lon);
}

function tooltipContent(event) {
  return h("div", { class: "fp-tooltip" },
    h("strong", {}, event.event_type || "Unknown type"),
    h("div", {}, dateRange(event.time)),
    h("div", {}, placeName(event.place)),
    h("div", {}, actorName(event.actor1)));
}

// Cluster bubbles show only a count (a number, never data text).
function clusterIcon(cluster) {
  const count = cluster.getChildCount();
  const size = count < 10 ? "small" : count < 100 ? "medium" : "large";
  return L.divIcon({
    html: `<div><span>${Number(count)}</span></div>`,
    className: `marker-cluster marker-cluster-${size}`,
    iconSize: L.point(40, 40),
  });
}

export class EventLayer {
  /** `onSelect(eventId)` is called when a marker is clicked. */
  constructor(map, onSelect) {
    this.map = map;
    this.onSelect = onSelect;
    this.markers = new Map();
    this.selectedId = null;
    this.cluster = L.markerClusterGroup({
      maxClusterRadius: 45,
      disableClusteringAtZoom: 10,
      showCoverageOnHover: false,
      chunkedLoading: true,
      iconCreateFunction: clusterIcon,
    });
    this.cluster.addTo(map);
  }

  _marker(event) {
    const marker = L.circleMarker([event.place.lat, event.place.lon], markerStyle(event));
    const current = () => (this.markers.get(eventKey(event)) || { event }).event;
    marker.bindTooltip(() => tooltipContent(current()), { direction: "top" });
    marker.on("click", () => this.onSelect(eventKey(event)));
    // Tag the SVG element each time it is (re)drawn so tests and styles can find it.
    marker.on("add", () => {
      const el = marker.getElement();
      if (!el) return;
      el.setAttribute("data-testid", "event-marker");
      el.setAttribute("data-event-id", eventKey(event));
      el.classList.toggle("fp-selected", eventKey(event) === this.selectedId);
    });
    return marker;
  }

  /** Show exactly these events (those with coordinates); returns how many were placed. */
  setEvents(events) {
    this.cluster.clearLayers();
    this.markers.clear();
    const located = events.filter(hasCoordinates);
    const markers = located.map((event) => {
      const marker = this._marker(event);
      this.markers.set(eventKey(event), { marker, event });
      return marker;
    });
    this.cluster.addLayers(markers);
    this.map.getContainer().dataset.located = String(located.length);
    return located.length;
  }

  /** Zoom to the events shown, if any. */
  fit() {
    const bounds = this.cluster.getBounds();
    if (bounds.isValid()) this.map.fitBounds(bounds, { padding: [30, 30], maxZoom: 6 });
  }

  /** Emphasise one event's marker (null clears the emphasis). */
  select(eventId) {
    const previous = this.markers.get(this.selectedId);
    if (previous) this._restyle(previous, false);
    this.selectedId = eventId;
    const entry = this.markers.get(eventId);
    if (entry) this._restyle(entry, true);
  }

  /** Bring the selected marker into view: open its cluster, pan if it sits near an edge. */
  reveal() {
    const entry = this.markers.get(this.selectedId);
    if (!entry) return;
    this.map.invalidateSize({ pan: false });
    this.cluster.zoomToShowLayer(entry.marker, () => {
      entry.marker.bringToFront();
      const where = entry.marker.getLatLng();
      if (!this.map.getBounds().pad(-0.15).contains(where)) this.map.panTo(where);
    });
  }

  /** Redraw one event after a review changed it. */
  update(event) {
    const entry = this.markers.get(eventKey(event));
    if (!entry) return;
    entry.event = event;
    this._restyle(entry, eventKey(event) === this.selectedId);
  }

  _restyle(entry, selected) {
    const style = markerStyle(entry.event);
    entry.marker.setStyle(selected ? { ...style, color: "#000", weight: 3 } : style);
    const el = entry.marker.getElement();
    if (el) el.classList.toggle("fp-selected", selected);
  }
}
