// How an event looks on the map: colour by ACLED event type (Okabe–Ito palette, readable by
// colour-blind analysts) and radius by fatalities on a square-root scale, so that area, not
// radius, grows with the count.

import { fatalityCount, isRejected } from "./format.js";

const TYPE_COLOURS = {
  "Battles": "#d55e00",
  "Explosions/Remote violence": "#e69f00",
  "Violence against civilians": "#cc79a7",
  "Riots": "#56b4e9",
  "Protests": "#0072b2",
  "Strategic developments": "#009e73",
};
const OTHER_COLOUR = "#6b6b6b";
const MIN_RADIUS = 5;
const MAX_RADIUS = 26;

export const KNOWN_TYPES = Object.keys(TYPE_COLOURS);

export function typeColour(eventType) {
  return TYPE_COLOURS[eventType] || OTHER_COLOUR;
}

/** Marker radius in pixels: 5 px for unknown or zero deaths, growing with sqrt(count). */
export function fatalityRadius(fatalities) {
  const count = fatalityCount(fatalities);
  if (!count || count < 0) return MIN_RADIUS;
  return Math.min(MAX_RADIUS, MIN_RADIUS + 2.2 * Math.sqrt(count));
}

/** Leaflet path options for one event; rejected events are drawn hollow and dashed. */
export function markerStyle(event) {
  const colour = typeColour(event.event_type);
  const rejected = isRejected(event);
  return {
    radius: fatalityRadius(event.fatalities),
    color: rejected ? colour : "#1f1f1f",
    weight: rejected ? 2 : 1,
    dashArray: rejected ? "3 3" : null,
    fillColor: colour,
    fillOpacity: rejected ? 0.1 : 0.8,
    className: "fp-event-marker",
  };
}
