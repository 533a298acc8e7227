// Copies the dashboard's browser libraries from node_modules/ into src/eventwire/serve/web/static/vendor/ (git-ignored),
// where the HTTP server (and an installed wheel) serves them: the dashboard makes no request outside its server.
// Runs after `npm ci` / `npm install` (package.json "postinstall").
import { cpSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

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
console.log(`eventwire: dashboard libraries copied to ${vendor}`);
