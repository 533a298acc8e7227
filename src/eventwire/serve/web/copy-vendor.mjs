// Copies the dashboard's browser libraries from node_modules/ into src/eventwire/serve/web/static/vendor/ (git-ignored),
// where the HTTP server (and an installed wheel) serves them: the dashboard makes no request outside its server.
// Runs after `npm ci` / `npm install` (package.json "postinstall").
// It also writes world-atlas/country-labels.json: where the map writes each country's name (polylabel's pole of
// inaccessibility of the country's largest polygon, which stays inside it, unlike a centroid of a crescent).
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import polylabel from "polylabel";

const require = createRequire(import.meta.url);
const topojson = require("topojson-client");

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..", "..", "..");
const modules = join(root, "node_modules");
const vendor = join(here, "static", "vendor");

const files = {
  "leaflet/dist/leaflet.js": "leaflet/leaflet.js",
  "leaflet/dist/leaflet.css": "leaflet/leaflet.css",
  "leaflet/dist/images": "leaflet/images",
  "leaflet/LICENSE": "leaflet/LICENSE",
  "leaflet.markercluster/dist/leaflet.markercluster.js": "markercluster/leaflet.markercluster.js",
  "leaflet.markercluster/dist/MarkerCluster.css": "markercluster/MarkerCluster.css",
  "leaflet.markercluster/dist/MarkerCluster.Default.css": "markercluster/MarkerCluster.Default.css",
  "leaflet.markercluster/MIT-LICENCE.txt": "markercluster/LICENSE",
  "topojson-client/dist/topojson-client.min.js": "topojson/topojson-client.min.js",
  "topojson-client/LICENSE": "topojson/LICENSE",
  "world-atlas/countries-50m.json": "world-atlas/countries-50m.json",
  "world-atlas/countries-110m.json": "world-atlas/countries-110m.json",
  "world-atlas/LICENSE": "world-atlas/LICENSE",
  "polylabel/LICENSE": "world-atlas/LICENSE-polylabel",
  "swagger-ui-dist/swagger-ui-bundle.js": "swagger-ui/swagger-ui-bundle.js",
  "swagger-ui-dist/swagger-ui.css": "swagger-ui/swagger-ui.css",
  "swagger-ui-dist/favicon-32x32.png": "swagger-ui/favicon-32x32.png",
  "swagger-ui-dist/LICENSE": "swagger-ui/LICENSE",
};

rmSync(vendor, { recursive: true, force: true });
for (const [from, to] of Object.entries(files)) {
  mkdirSync(dirname(join(vendor, to)), { recursive: true });
  cpSync(join(modules, from), join(vendor, to), { recursive: true });
}
writeFileSync(join(vendor, "world-atlas", "country-labels.json"), JSON.stringify(countryLabels(
  JSON.parse(readFileSync(join(modules, "world-atlas/countries-50m.json"), "utf8")))));
console.log(`eventwire: dashboard libraries copied to ${vendor}`);

// A ring whose longitudes jump by more than 180 degrees between two points crosses the antimeridian (Fiji,
// Russia): shifted by whole turns to run on continuously, its shape is planar again.
function unwrapRing(ring) {
  let shift = 0;
  return ring.map(([lon, lat], i) => {
    if (i) {
      const prev = ring[i - 1][0];
      if (lon - prev > 180) shift -= 360;
      else if (prev - lon > 180) shift += 360;
    }
    return [lon + shift, lat];
  });
}

function ringArea(ring) {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return Math.abs(sum / 2);
}

// Each country's name, label point and the area (square degrees) of its largest polygon, largest first: the map
// writes the names of large countries first and those of small ones as it zooms in.
function countryLabels(topo) {
  const labels = [];
  for (const f of topojson.feature(topo, topo.objects.countries).features) {
    if (!f.geometry || !f.properties || !f.properties.name) continue;
    const polygons = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
    let best = null, bestArea = -1;
    for (const p of polygons) {
      const rings = p.map(unwrapRing);
      const area = ringArea(rings[0]);
      if (area > bestArea) { best = rings; bestArea = area; }
    }
    if (!best) continue;
    const [lon, lat] = polylabel(best, 0.05);
    labels.push({ id: f.id, name: f.properties.name, lon: +(((lon + 540) % 360) - 180).toFixed(3), lat: +lat.toFixed(3),
      area: +bestArea.toFixed(3) });
  }
  return labels.sort((a, b) => b.area - a.area);
}
