"""The dashboard's map in a real browser (map.js): names of countries, regions and towns, the scale bar, the legend's
PLOVER-only entry, clusters coloured by the types they hold, a capped zoom on selecting an event, and no border
drawn across the world from the antimeridian.

The site, browser and page fixtures are test_browser.py's (Debian's Chromium, the app on 127.0.0.1); this module
adds a few events of its own around Aleppo. Screenshots at 1400x900 and 390x844 go to $EVENTWIRE_SCREENSHOTS, or
to a temporary folder (CI keeps them as artefacts from there).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from eventfactory import make_event, make_result
from test_browser import browser, page, site  # noqa: F401 - the fixtures, shared with the dashboard's tests

pytestmark = pytest.mark.browser

GREY = "rgb(125, 135, 150)"  # app.js NO_TYPE_COLOUR, the colour of events with no ACLED type


@pytest.fixture(scope="module", autouse=True)
def aleppo_events(site):  # noqa: F811 - the fixture imported above
    """Events of three kinds close together (one with a PLOVER code and no ACLED type), so that they cluster."""
    specs = [
        ("map-clash", dict(etype="Battles", sub="Armed clash", lat=36.20, lon=37.16, place="Aleppo")),
        ("map-strike", dict(etype="Explosions/Remote violence", sub="Shelling/artillery/missile attack",
                            plover="ASSAULT", lat=36.22, lon=37.10, place="Aleppo")),
        ("map-plover", dict(etype=None, sub=None, plover="COERCE", cameo="170", lat=36.18, lon=37.20,
                            place="Aleppo", text="Security forces detained dozens of people in Aleppo.")),
    ]
    ids = {}
    for key, kw in specs:
        ev = make_event(key, start=len(f"Article {key}. "), date="2017-03-02", **kw)
        ids[key] = site["store"].add_result(make_result(key, [ev], url=f"https://news.example/{key}")).event_ids[0]
    return ids


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    folder = os.environ.get("EVENTWIRE_SCREENSHOTS")
    path = Path(folder) if folder else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


def set_view(pg, lat: float, lon: float, zoom: float) -> None:
    pg.evaluate("([lat, lon, zoom]) => new Promise((done) => { const m = EventMap.map; "
                "m.once('moveend', () => setTimeout(done, 50)); m.setView([lat, lon], zoom, { animate: false }); })",
                [lat, lon, zoom])


def label_texts(pg, kind: str) -> list[str]:
    return pg.locator(f".ew-label-{kind}").all_text_contents()


def test_countries_are_named_and_towns_and_regions_when_zoomed_in(page, shots):  # noqa: F811
    page.wait_for_selector(".ew-label-country")
    set_view(page, 30, 40, 3)
    page.wait_for_selector(".ew-label-country:has-text('Iraq')")
    assert {"Saudi Arabia", "Iran", "Egypt"} <= set(label_texts(page, "country"))
    assert label_texts(page, "town") == []  # a world view names no towns
    page.set_viewport_size({"width": 1400, "height": 900})
    set_view(page, 35.5, 37.5, 7)
    page.wait_for_selector(".ew-label-town")
    towns = label_texts(page, "town") + label_texts(page, "capital")
    assert "Aleppo" in towns and "Homs" in towns, towns  # the largest towns in view, from the gazetteer
    assert label_texts(page, "region"), "no region names at zoom 7"
    page.wait_for_timeout(300)
    page.screenshot(path=str(shots / "map-syria-1400x900.png"))
    # names never overlap one another
    boxes = page.locator(".ew-label").evaluate_all(
        "ls => ls.map(l => { const r = l.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; })")
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            overlap_x = min(a[2], b[2]) - max(a[0], b[0])
            overlap_y = min(a[3], b[3]) - max(a[1], b[1])
            assert overlap_x <= 1 or overlap_y <= 1, (a, b)


def test_a_scale_bar_is_shown(page):  # noqa: F811
    line = page.locator(".leaflet-control-scale-line").first
    assert line.is_visible()
    assert re.fullmatch(r"\d+ (km|m)", line.text_content().strip())


def test_the_legend_has_the_plover_only_entry_and_its_markers_are_grey(page, aleppo_events):  # noqa: F811
    chip = page.locator("#legend .plover-only")
    assert "PLOVER only" in chip.text_content()
    assert chip.locator(".dot").evaluate("d => getComputedStyle(d).backgroundColor") == GREY
    set_view(page, 36.2, 37.15, 9)  # past the clustering zoom: every marker on its own
    colours = page.locator(".ew-marker .ew-dot").evaluate_all("ds => ds.map(d => getComputedStyle(d).backgroundColor)")
    assert GREY in colours


def test_clusters_are_rings_of_the_types_they_hold_with_their_count(page):  # noqa: F811
    set_view(page, 36.2, 37.15, 4)
    page.wait_for_selector(".ew-cluster-icon")
    clusters = page.locator(".ew-cluster").evaluate_all("""cs => cs.map(c => ({
        count: Number(c.querySelector('.ew-cluster-count').textContent),
        title: c.title,
        parts: [...c.querySelectorAll('circle[data-type]')].map(s => ({ type: s.dataset.type,
          colour: s.getAttribute('stroke'), len: Number(s.getAttribute('stroke-dasharray').split(' ')[0]) })) }))""")
    mixed = [c for c in clusters if len(c["parts"]) >= 3]
    assert mixed, clusters
    ring = mixed[0]
    assert len({p["colour"] for p in ring["parts"]}) == len(ring["parts"])  # one colour per type
    assert "#7d8796" in {p["colour"] for p in ring["parts"]}  # the PLOVER-only events' grey
    assert ring["count"] >= 3 and f"{ring['count']} events" in ring["title"] and "PLOVER only" in ring["title"]


def test_selecting_an_event_zooms_in_no_further_than_the_cap(page, site, aleppo_events):  # noqa: F811
    set_view(page, 20, 100, 3)  # Asia: Lagos out of view
    cap = page.evaluate("EventMap.FOCUS_ZOOM")
    page.evaluate("() => { window.__moved = new Promise((done) => EventMap.map.once('moveend', done)); }")
    page.click(f"#events-table tbody tr[data-id='{site['ids']['lagos']}']")
    page.evaluate("window.__moved")
    zoom = page.evaluate("EventMap.map.getZoom()")
    assert 3 < zoom <= cap
    centre = page.evaluate("(() => { const c = EventMap.map.getCenter(); return [c.lat, c.lng]; })()")
    assert abs(centre[0] - 6.45) < 0.5 and abs(centre[1] - 3.39) < 0.5  # on Lagos
    page.wait_for_selector(".ew-marker")
    assert page.locator(".leaflet-overlay-pane path").count() > 5  # borders still around the event
    # an event inside a cluster at the capped zoom is spread out of it, not zoomed into
    page.evaluate("() => { window.__moved = new Promise((done) => EventMap.map.once('moveend', done)); }")
    page.click(f"#events-table tbody tr[data-id='{aleppo_events['map-plover']}']")
    page.evaluate("window.__moved")
    assert page.evaluate("EventMap.map.getZoom()") <= cap
    page.wait_for_selector(".leaflet-tooltip:has-text('COERCE')")


def test_no_border_is_drawn_across_the_world(page):  # noqa: F811
    """Every border ring but Antarctica's (which does go round the world) spans less than half the world's width in
    pixels; the same check on the rings as world-atlas gives them finds Fiji's line across the world."""
    set_view(page, -17, 178, 2)
    got = page.evaluate("""async () => {
      const t = await (await fetch("/static/vendor/world-atlas/countries-50m.json")).json();
      const raw = topojson.feature(t, t.objects.countries);
      const m = EventMap.map, world = 256 * Math.pow(2, m.getZoom());
      const widest = (layer) => {
        let most = 0, name = null;
        layer.eachLayer((l) => {
          if (l.feature.properties.name === 'Antarctica') return;
          const rings = [], walk = (a) => (L.LineUtil.isFlat(a) ? rings.push(a) : a.forEach(walk));
          walk(l.getLatLngs());
          for (const ring of rings) {
            const xs = ring.map((ll) => m.latLngToLayerPoint(ll).x);
            const w = Math.max(...xs) - Math.min(...xs);
            if (w > most) { most = w; name = l.feature.properties.name; }
          }
        });
        return [most / world, name];
      };
      let drawn = null;
      m.eachLayer((l) => { if (l instanceof L.GeoJSON) drawn = l; });
      return { drawn: widest(drawn), raw: widest(L.geoJSON(raw)),
               rawStep: EventMap.maxLongitudeStep(raw), wrappedStep: EventMap.maxLongitudeStep(EventMap.wrapAntimeridian(raw)) };
    }""")
    assert got["raw"][0] > 0.5 and got["rawStep"] > 180  # the check sees the bug in the data as it comes
    assert got["drawn"][0] < 0.5, got["drawn"]
    assert got["wrappedStep"] <= 90
    # Fiji is drawn on both sides of the antimeridian
    fiji = page.evaluate("""() => { let lons = []; EventMap.map.eachLayer((l) => {
        if (l.feature && l.feature.properties && l.feature.properties.name === 'Fiji' && l.getLatLngs)
          lons = l.getLatLngs().flat(2).map((ll) => ll.lng); }); return [Math.min(...lons), Math.max(...lons)]; }""")
    assert fiji[0] < -180 < fiji[1] or fiji[0] < 180 < fiji[1]


def test_screenshots_wide_and_phone(page, shots):  # noqa: F811
    page.set_viewport_size({"width": 1400, "height": 900})
    page.wait_for_timeout(300)
    page.screenshot(path=str(shots / "dashboard-1400x900.png"))
    page.set_viewport_size({"width": 390, "height": 844})
    page.evaluate("EventMap.map.invalidateSize()")
    set_view(page, 35, 38, 5)
    page.wait_for_selector(".ew-label-town")
    page.locator("#map").scroll_into_view_if_needed()
    page.screenshot(path=str(shots / "map-390x844.png"))
    assert page.locator(".leaflet-control-scale-line").first.is_visible()
