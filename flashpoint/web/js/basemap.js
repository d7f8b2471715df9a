// The map and its offline basemap: Natural Earth country polygons (world-atlas TopoJSON,
// vendored) drawn as vectors. No tile server is contacted, so the page works air-gapped.

const L = window.L;
const COUNTRIES_URL = "vendor/world-atlas/countries-50m.json";

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
  map.getContainer().dataset.basemap = String(countries.features.length);
  return layer;
}
