// The map legend: colour per event type and marker size per fatality count. Built as a
// Leaflet control from DOM nodes (type names come from the API, so they are text nodes).

import { h, svg } from "./dom.js";
import { fatalityRadius, KNOWN_TYPES, typeColour } from "./eventstyle.js";

const L = window.L;
const SIZE_STEPS = [0, 1, 10, 50];

function swatch(colour, radius) {
  const side = 2 * radius + 2;
  return svg("svg", { width: side, height: side, "aria-hidden": "true", class: "fp-swatch" },
    svg("circle", { cx: radius + 1, cy: radius + 1, r: radius, fill: colour, stroke: "#1f1f1f", "stroke-width": 1 }));
}

function legendBody(eventTypes) {
  const types = [...new Set([...KNOWN_TYPES, ...eventTypes])];
  return h("details", { class: "fp-legend", "data-testid": "legend", open: true },
    h("summary", {}, "Legend"),
    h("div", { class: "fp-legend-title" }, "Event type"),
    h("ul", { class: "fp-legend-types" }, types.map((type) => h("li", {}, swatch(typeColour(type), 6), " ", type))),
    h("div", { class: "fp-legend-title" }, "Fatalities"),
    h("ul", { class: "fp-legend-sizes" }, SIZE_STEPS.map((n) =>
      h("li", {}, swatch("#bbbbbb", fatalityRadius({ best: n })), n === 0 ? "none/unknown" : String(n)))),
    h("div", { class: "fp-legend-note" }, "Dashed hollow marker: rejected by a reviewer"));
}

/** Add the legend to the map's bottom-right corner. */
export function addLegend(map, eventTypes) {
  const Legend = L.Control.extend({
    options: { position: "bottomright" },
    onAdd: () => {
      const body = legendBody(eventTypes);
      L.DomEvent.disableClickPropagation(body);
      L.DomEvent.disableScrollPropagation(body);
      return body;
    },
  });
  return new Legend().addTo(map);
}
