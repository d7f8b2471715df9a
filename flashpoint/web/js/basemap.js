// The map and its offline basemap: Natural Earth country polygons (world-atlas TopoJSON,
// vendored) drawn as vectors, with country names once zoomed in. No tile server is contacted,
// so the page works air-gapped.

import { h } from "./dom.js";

const L = window.L;
const COUNTRIES_URL = "vendor/world-atlas/countries-50m.json";
const LABEL_MIN_ZOOM = 4;

/** Create the Leaflet map in `container` with panes ordered basemap < influence < events. */
export function createMap(container) {
  const map = L.map(container, {
    center: [15, 10],
    zoom: 3,
    minZoom: 2,
    maxZoom: 13,
    worldCopyJump: true,
    zoomControl: true,
    attributionControl: true,
  });
  map.createPane("basemap").style.zIndex = "250";
  map.createPane("influence").style.zIndex = "350";
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Basemap: Natural Earth (public domain)");
  return map;
}

/** Fetch the vendored TopoJSON and draw the countries; resolves with the GeoJSON layer. */
export async function addCountries(map) {
  const response = await fetch(COUNTRIES_URL);
  if (!response.ok) throw new Error(`basemap: ${COUNTRIES_URL}: HTTP ${response.status}`);
  const topology = await response.json();
  const countries = window.topojson.feature(topology, topology.objects.countries);
  const layer = L.geoJSON(countries, {
    pane: "basemap",
    interactive: false,
    style: { color: "#9a9488", weight: 0.7, fillColor: "#f4f1ea", fillOpacity: 1 },
  });
  layer.addTo(map);
  addCountryLabels(map, layer);
  map.getContainer().dataset.basemap = String(countries.features.length);
  return layer;
}

// Label at the centre of the bounding box of the country's largest outer ring: cheap, and
// inside the country for all but odd shapes, which is enough for orientation.
function labelPoint(polygonLayer) {
  const latlngs = polygonLayer.getLatLngs();
  // A Polygon gives [outer, ...holes]; a MultiPolygon gives [[outer, ...holes], ...].
  const polygons = L.LineUtil.isFlat(latlngs[0]) ? [latlngs] : latlngs;
  const boxes = polygons.map((rings) => L.latLngBounds(rings[0]));
  const area = (b) => (b.getNorth() - b.getSouth()) * (b.getEast() - b.getWest());
  return boxes.reduce((best, b) => (area(b) > area(best) ? b : best)).getCenter();
}

function addCountryLabels(map, countries) {
  const labels = L.layerGroup();
  countries.eachLayer((polygon) => {
    const name = polygon.feature.properties && polygon.feature.properties.name;
    if (!name) return;
    const icon = L.divIcon({ className: "fp-country-label", html: h("span", {}, name), iconSize: null });
    L.marker(labelPoint(polygon), { icon, interactive: false, keyboard: false, pane: "basemap" }).addTo(labels);
  });
  const sync = () => (map.getZoom() >= LABEL_MIN_ZOOM ? labels.addTo(map) : labels.remove());
  map.on("zoomend", sync);
  sync();
}
