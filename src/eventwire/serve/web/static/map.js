// eventwire dashboard: the map. Leaflet and markercluster over Natural Earth borders (world-atlas), with no tiles:
// nothing is fetched from outside the server. Names are written by the page itself: countries from
// vendor/world-atlas/country-labels.json (made by copy-vendor.mjs), regions and towns of the view from
// GET /api/places/labels (the project's gazetteer). Text from data goes in as text nodes, never as HTML.
//
// app.js uses: EventMap.init(element, options), EventMap.render(events), EventMap.focus(id), EventMap.frameNext().
// options: colourOf(eventType) -> CSS colour, typeOrder (event types, in legend order), onSelect(id),
// api(path) -> Promise of JSON (with the page's token), onError(message).
"use strict";

const EventMap = (() => {
  const FOCUS_ZOOM = 7;         // selecting an event zooms in to this at most: closer, the borders show no detail
  const CLUSTER_OFF_ZOOM = 8;   // from this zoom markers are never clustered
  const MAX_ZOOM = 11;
  const LABEL_PLACES_ZOOM = 5;  // from this zoom the server names regions and towns (routes_places.py)
  const LABEL_LIMIT = 60;
  const TOWNS_BEFORE_REGIONS = 12;  // the largest towns of the view are named before its regions
  const COUNTRY_MIN_PIXELS = 700;   // a country is named once its largest polygon covers this many square pixels
  const LABEL_FONT = "12px system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";

  let map, cluster, borders, labelLayer, opts, fitted = false;
  let countryLabels = [], places = { regions: [], towns: [] }, placesSeq = 0, labelTimer = null;
  const markersById = new Map();

  function node(tag, cls, ...children) {
    const n = document.createElement(tag);
    if (cls) n.className = cls;
    for (const c of children) if (c !== null && c !== undefined) n.append(c instanceof Node ? c : document.createTextNode(String(c)));
    return n;
  }

  // -- borders across the antimeridian ------------------------------------------------------------------------
  // world-atlas is made for spherical projections: a ring crossing the antimeridian (Fiji, Chukotka) jumps from
  // +180 to -180, and Leaflet, which is planar, draws that jump as a line across the whole world. Each ring is
  // unwrapped to run on continuously (past 180 if need be); a ring that goes round a pole (Antarctica) is closed
  // along the pole; a polygon reaching past ±180 is drawn a second time one world over, so both edges show.

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

  function closeRoundPole(ring) {
    const first = ring[0], last = ring[ring.length - 1];
    const turns = Math.round((last[0] - first[0]) / 360);
    if (!turns) return ring;
    const poleLat = ring.reduce((s, p) => s + p[1], 0) / ring.length < 0 ? -90 : 90;
    const out = ring.slice();
    const steps = Math.ceil(Math.abs(last[0] - first[0]) / 90);  // short steps: no segment spans half the world
    for (let k = 0; k <= steps; k++) out.push([last[0] + (first[0] - last[0]) * (k / steps), poleLat]);
    out.push(first);
    return out;
  }

  const shiftPolygon = (rings, by) => rings.map((r) => r.map(([lon, lat]) => [lon + by, lat]));

  // A GeoJSON FeatureCollection of (Multi)Polygons -> one Leaflet can draw (MultiPolygons, rings fixed as above).
  function wrapAntimeridian(collection) {
    const features = collection.features.map((f) => {
      if (!f.geometry) return f;
      const polygons = f.geometry.type === "Polygon" ? [f.geometry.coordinates]
        : f.geometry.type === "MultiPolygon" ? f.geometry.coordinates : null;
      if (!polygons) return f;
      const out = [];
      for (const p of polygons) {
        let rings = p.map((r) => closeRoundPole(unwrapRing(r)));
        const lons = rings[0].map((c) => c[0]);
        let min = Math.min(...lons);
        const into = -360 * Math.floor((min + 180) / 360);  // the polygon's west edge into [-180, 180)
        if (into) { rings = shiftPolygon(rings, into); min += into; }
        out.push(rings);
        if (Math.max(...lons) + into > 180) out.push(shiftPolygon(rings, -360));
      }
      return Object.assign({}, f, { geometry: { type: "MultiPolygon", coordinates: out } });
    });
    return Object.assign({}, collection, { features });
  }

  // the largest jump in longitude between two points of one ring (> 180: a line drawn across the world)
  function maxLongitudeStep(collection) {
    let most = 0;
    for (const f of collection.features) {
      const g = f.geometry;
      if (!g) continue;
      const polygons = g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : [];
      for (const p of polygons) for (const r of p) for (let i = 1; i < r.length; i++) most = Math.max(most, Math.abs(r[i][0] - r[i - 1][0]));
    }
    return most;
  }

  // -- set-up ---------------------------------------------------------------------------------------------------
  function init(element, options) {
    opts = options;
    if (!window.L) {
      element.replaceChildren(node("div", "map-missing",
        "The map libraries are missing: run `npm ci` in the eventwire folder (make demo does it)."));
      return;
    }
    map = L.map(element, { worldCopyJump: true, minZoom: 2, maxZoom: MAX_ZOOM, zoomSnap: 0.5, attributionControl: true })
      .setView([20, 20], 2);
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("Borders: Natural Earth via world-atlas · Places: GeoNames");
    L.control.scale({ position: "bottomleft", maxWidth: 140 }).addTo(map);
    map.createPane("ew-labels").classList.add("ew-labels-pane");
    labelLayer = L.layerGroup().addTo(map);
    cluster = L.markerClusterGroup({
      maxClusterRadius: 38, disableClusteringAtZoom: CLUSTER_OFF_ZOOM, showCoverageOnHover: false, spiderfyOnMaxZoom: true,
      iconCreateFunction: clusterIcon,
    });
    map.addLayer(cluster);
    map.on("moveend", scheduleLabels);
    loadBorders();
  }

  async function loadBorders() {
    try {
      const [topo, labels] = await Promise.all([
        fetch("/static/vendor/world-atlas/countries-50m.json").then((r) => r.json()),
        fetch("/static/vendor/world-atlas/country-labels.json").then((r) => (r.ok ? r.json() : [])),
      ]);
      borders = L.geoJSON(wrapAntimeridian(topojson.feature(topo, topo.objects.countries)), {
        style: { color: "#8a96a8", weight: 0.6, fillColor: "#f4f1ea", fillOpacity: 1 },
        interactive: false,
      }).addTo(map);
      borders.bringToBack();
      countryLabels = labels;
      drawLabels();
    } catch (e) {
      opts.onError("Country borders could not be loaded: " + e.message);
    }
  }

  // -- labels -----------------------------------------------------------------------------------------------------
  function scheduleLabels() {
    drawLabels();  // at once with what is known; the view's places follow
    clearTimeout(labelTimer);
    labelTimer = setTimeout(loadPlaces, 200);
  }

  async function loadPlaces() {
    const seq = ++placesSeq, zoom = map.getZoom();
    if (zoom < LABEL_PLACES_ZOOM) {
      places = { regions: [], towns: [] };
      drawLabels();
      return;
    }
    const b = map.getBounds();
    const bbox = [b.getWest(), Math.max(-90, b.getSouth()), Math.max(b.getWest(), b.getEast()), Math.min(90, b.getNorth())]
      .map((v) => v.toFixed(3)).join(",");
    try {
      const found = await opts.api(`/api/places/labels?bbox=${bbox}&zoom=${zoom}&limit=${LABEL_LIMIT}`);
      if (seq !== placesSeq) return;
      places = found;
      drawLabels();
    } catch (e) {
      if (seq === placesSeq) places = { regions: [], towns: [] };  // the map still works without them
    }
  }

  let measureCtx = null;
  function textWidth(text, font) {
    measureCtx = measureCtx || document.createElement("canvas").getContext("2d");
    measureCtx.font = font;
    return measureCtx.measureText(text).width;
  }

  // the longitude of this copy of the world nearest the view's centre
  function nearLon(lon) {
    const c = map.getCenter().lng;
    return lon + 360 * Math.round((c - lon) / 360);
  }

  // Names in order of importance (countries, capitals, regions, towns by population); one that would overlap a name
  // already written is left out, so the map stays readable at every zoom.
  function drawLabels() {
    if (!map || !labelLayer) return;
    labelLayer.clearLayers();
    const zoom = map.getZoom(), size = map.getSize();
    const degPx = (256 * Math.pow(2, zoom)) / 360;
    const candidates = [];
    for (const c of countryLabels) {
      if (c.area * degPx * degPx < COUNTRY_MIN_PIXELS) continue;
      candidates.push({ kind: "country", name: c.name, lat: c.lat, lon: c.lon, font: "600 12px" });
    }
    // capitals, then the largest towns, then regions (but not one named as a town: Aleppo the province and the
    // city), then the other towns
    const towns = places.towns || [], townNames = new Set(towns.map((t) => t.name));
    const town = (t) => ({ kind: t.capital ? "town capital" : "town", name: t.name, lat: t.lat, lon: t.lon,
      font: t.capital ? "600 12px" : "12px", dot: true });
    const [first, rest] = [towns.slice(0, TOWNS_BEFORE_REGIONS), towns.slice(TOWNS_BEFORE_REGIONS)];
    candidates.push(...first.filter((t) => t.capital).map(town), ...first.filter((t) => !t.capital).map(town));
    for (const r of places.regions || []) {
      if (!townNames.has(r.name)) candidates.push({ kind: "region", name: r.name, lat: r.lat, lon: r.lon, font: "italic 11px" });
    }
    candidates.push(...rest.map(town));
    const placed = [];
    for (const c of candidates) {
      const latlng = L.latLng(c.lat, nearLon(c.lon));
      const p = map.latLngToContainerPoint(latlng);
      const w = textWidth(c.name, c.font + LABEL_FONT.slice(LABEL_FONT.indexOf(" "))) + 6, h = 16;
      const box = c.dot ? { x0: p.x - 4, y0: p.y - h / 2, x1: p.x + 8 + w, y1: p.y + h / 2 }
        : { x0: p.x - w / 2, y0: p.y - h / 2, x1: p.x + w / 2, y1: p.y + h / 2 };
      if (box.x1 < 0 || box.y1 < 0 || box.x0 > size.x || box.y0 > size.y) continue;
      if (placed.some((o) => box.x0 < o.x1 && box.x1 > o.x0 && box.y0 < o.y1 && box.y1 > o.y0)) continue;
      placed.push(box);
      const label = node("span", "ew-label " + c.kind.split(" ").map((k) => "ew-label-" + k).join(" "),
        c.dot ? node("i", "ew-label-dot") : null, c.name);
      labelLayer.addLayer(L.marker(latlng, {
        icon: L.divIcon({ className: "ew-label-icon", html: label, iconSize: null, iconAnchor: c.dot ? [4, 8] : [w / 2, 8] }),
        pane: "ew-labels", interactive: false, keyboard: false,
      }));
    }
  }

  // -- events -----------------------------------------------------------------------------------------------------
  function markerRadius(fatalities) {
    return Math.min(26, 5 + 2.2 * Math.sqrt(fatalities || 0));
  }

  function eventMarker(ev) {
    const loc = ev.location || {};
    const r = markerRadius(ev.fatalities);
    const dot = node("div", "ew-dot" + (ev.status === "rejected" ? " rejected" : ""));
    Object.assign(dot.style, { width: 2 * r + "px", height: 2 * r + "px", background: opts.colourOf(ev.event_type) });
    const marker = L.marker([loc.lat, loc.lon], {
      icon: L.divIcon({ className: "ew-marker", html: dot, iconSize: [2 * r, 2 * r] }),
      title: (ev.event_type || "PLOVER only: " + ((ev.plover && ev.plover.event) || "event")) + ", " + (ev.date || "undated"),
      riseOnHover: true,
    });
    marker.ewEvent = ev;
    const tip = node("div", "tip",
      node("strong", null, ev.sub_event_type || ev.event_type || (ev.plover && ev.plover.event) || "Event"),
      node("div", null, [loc.name, loc.country].filter(Boolean).join(", ")),
      node("div", null, (ev.date || "undated") + (ev.fatalities != null ? " · " + ev.fatalities + " killed" : "")));
    marker.bindTooltip(tip, { direction: "top", offset: [0, -r] });
    marker.on("click", () => opts.onSelect(ev.id));
    return marker;
  }

  // A cluster is a ring cut into the colours of the event types it holds (in legend order; PLOVER-only grey
  // last), its number of events in the middle.
  function clusterIcon(c) {
    const children = c.getAllChildMarkers();
    const dead = children.reduce((n, m) => n + (m.ewEvent.fatalities || 0), 0);
    const counts = new Map();
    for (const m of children) {
      const t = m.ewEvent.event_type || null;
      counts.set(t, (counts.get(t) || 0) + 1);
    }
    const order = [...(opts.typeOrder || []), null];
    const parts = [...counts.entries()].sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]));
    const size = Math.round(Math.min(60, 30 + 4 * Math.log2(children.length)));
    const SVG = "http://www.w3.org/2000/svg", stroke = 6, radius = size / 2 - stroke / 2 - 1;
    const circumference = 2 * Math.PI * radius;
    const svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("width", size); svg.setAttribute("height", size); svg.setAttribute("viewBox", `0 0 ${size} ${size}`);
    const disc = document.createElementNS(SVG, "circle");
    for (const [k, v] of Object.entries({ cx: size / 2, cy: size / 2, r: radius + stroke / 2, class: "ew-cluster-disc" })) disc.setAttribute(k, v);
    svg.append(disc);
    let offset = 0;
    for (const [type, n] of parts) {
      const len = (n / children.length) * circumference;
      const seg = document.createElementNS(SVG, "circle");
      for (const [k, v] of Object.entries({ cx: size / 2, cy: size / 2, r: radius, fill: "none", stroke: opts.colourOf(type),
        "stroke-width": stroke, "stroke-dasharray": `${len} ${circumference - len}`, "stroke-dashoffset": -offset,
        transform: `rotate(-90 ${size / 2} ${size / 2})`, "data-type": type || "" })) seg.setAttribute(k, v);
      svg.append(seg);
      offset += len;
    }
    const count = document.createElementNS(SVG, "text");
    for (const [k, v] of Object.entries({ x: size / 2, y: size / 2, "text-anchor": "middle", "dominant-baseline": "central",
      class: "ew-cluster-count" })) count.setAttribute(k, v);
    count.textContent = new Intl.NumberFormat("en").format(children.length);
    svg.append(count);
    const wrap = node("div", "ew-cluster");
    wrap.title = `${children.length} events, ${dead} killed: ` + parts.map(([t, n]) => `${n} ${t || "PLOVER only"}`).join(", ");
    wrap.append(svg);
    return L.divIcon({ html: wrap, className: "ew-cluster-icon", iconSize: [size, size] });
  }

  function render(events) {
    if (!map) return;
    cluster.clearLayers();
    markersById.clear();
    const markers = [];
    for (const ev of events) {
      const loc = ev.location || {};
      if (typeof loc.lat !== "number" || typeof loc.lon !== "number") continue;
      const m = eventMarker(ev);
      markersById.set(ev.id, m);
      markers.push(m);
    }
    cluster.addLayers(markers);
    if (!fitted && markers.length) {
      map.fitBounds(L.featureGroup(markers).getBounds().pad(0.25), { maxZoom: 6, animate: false });
      fitted = true;
    }
  }

  // Shows an event's marker: it pans to it and zooms in no closer than FOCUS_ZOOM, where the borders and names
  // still give the place its context; a marker still in a cluster there is spread out from it.
  // (Not markercluster's zoomToShowLayer: it finishes after its animation, and a re-render in between leaves it
  // working on a removed marker. Each step here checks that the marker is still on the map.)
  function focus(id) {
    const m = markersById.get(id);
    if (!m || !map || !cluster.hasLayer(m)) return;
    const current = () => markersById.get(id) === m && cluster.hasLayer(m);
    const show = () => {
      if (!current()) return;
      const parent = cluster.getVisibleParent(m);
      if (parent && parent !== m && parent.spiderfy) {
        cluster.once("spiderfied", () => { if (current()) m.openTooltip(); });
        parent.spiderfy();
      } else if (parent === m) {
        m.openTooltip();
      }
    };
    const inView = map.getBounds().contains(m.getLatLng());
    if (cluster.getVisibleParent(m) === m && inView) return show();
    const zoom = Math.max(map.getZoom(), Math.min(FOCUS_ZOOM, map.getMaxZoom()));
    if (inView && zoom === map.getZoom()) return show();
    map.once("moveend", show);
    map.setView(m.getLatLng(), zoom);
  }

  return {
    init, render, focus,
    frameNext: () => { fitted = false; },  // the next render frames its events
    get map() { return map; },
    wrapAntimeridian, maxLongitudeStep, FOCUS_ZOOM,
  };
})();
