// Areas of influence (who controls or operates where, per the reports) as a toggleable layer.
// Points are drawn as circles whose size reflects how vague the place is; polygons as given.

import { h } from "./dom.js";
import { dateRange, UNKNOWN } from "./format.js";

const L = window.L;
// Circle radius in metres by ACLED geo_precision: a town, a district, a province.
const RADIUS_BY_PRECISION = { 1: 8000, 2: 25000, 3: 70000 };
const KIND_COLOURS = { control: "#7b3294", presence: "#c2a5cf", operations: "#008837" };

function colour(kind) {
  return KIND_COLOURS[kind] || "#5e3c99";
}

// Properties are the flat GIS columns of /api/influences (actor, location, start, ...).
function popupContent(props) {
  const where = [props.location, props.admin1, props.country].filter(Boolean).join(", ") || UNKNOWN;
  return h("div", { class: "fp-influence-popup", "data-testid": "influence-popup" },
    h("strong", {}, props.actor || props.actor_id || "Unknown actor"),
    h("div", {}, `${props.kind || "influence"} · ${where}`),
    h("div", {}, props.start ? dateRange({ start: props.start, end: props.end }) : "date not stated"),
    props.claimants ? h("div", {}, `Claimed by: ${props.claimants}`) : null,
    props.text ? h("q", {}, props.text) : null);
}

/** A GeoJSON layer (not yet on the map) for a FeatureCollection from /api/influences. */
export function influenceLayer(collection) {
  return L.geoJSON(collection, {
    pane: "influence",
    style: (feature) => ({
      color: colour(feature.properties && feature.properties.kind),
      weight: 1.5,
      dashArray: "4 3",
      fillOpacity: 0.15,
      className: "fp-influence",
    }),
    pointToLayer: (feature, latlng) => {
      const precision = (feature.properties || {}).geo_precision;
      return L.circle(latlng, { radius: RADIUS_BY_PRECISION[precision] || 25000, pane: "influence" });
    },
    onEachFeature: (feature, layer) => {
      layer.bindPopup(() => popupContent(feature.properties || {}));
      layer.on("add", () => {
        const el = layer.getElement && layer.getElement();
        if (el) el.setAttribute("data-testid", "influence-area");
      });
    },
  });
}
