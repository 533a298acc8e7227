"""The dashboard's views in a real browser (Playwright driving Debian's Chromium, as tests/test_browser.py does):
charts and their totals, the count/fatalities toggle, counters that follow the brushed period, the added filters,
the view in the URL (reload, back), the export links, and the phone layout (390x844, touch).

Screenshots at 1400x900 and 390x844 go to $EVENTWIRE_SCREENSHOTS, else to a temporary directory (CI artefacts).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from eventfactory import make_event, make_result
from eventwire.serve.app import create_app, vendor_missing
from eventwire.storage.store import Store
from liveserver import served
from test_browser import CHROMIUM, CHROMIUM_FLAGS, SIGNED_OUT_START, _need, open_dashboard, table_ids

pytestmark = pytest.mark.browser

RECENT = (dt.date.today() - dt.timedelta(days=3)).isoformat()
HOMS = dict(place="Homs", lat=34.73, lon=36.72, country="SYR", admin1="Homs")
# key -> (event, article source); every event is asserted unless said, confidence 0.7 unless said
SPECS = {
    "aleppo-clash": (dict(date="2017-02-06", fatalities=12), "Test Wire"),
    "aleppo-strike": (dict(date="2017-02-08", etype="Explosions/Remote violence", sub="Air/drone strike", fatalities=5,
                           actor1="Military Forces of Syria", actor2="Islamic State",
                           text="Syrian jets struck Islamic State positions east of Al Bab."), "Test Wire"),
    "homs-plover": (dict(date="2017-02-20", etype=None, sub=None, plover="COERCE", actor1="Military Forces of Syria",
                         actor2="Civilians (Syria)", text="Soldiers detained dozens of men at checkpoints in Homs.",
                         **HOMS), "Test Wire"),
    "kabul-protest": (dict(date="2017-03-05", etype="Protests", sub="Peaceful protest", plover="PROTEST",
                           place="Kabul", lat=34.53, lon=69.17, country="AFG", admin1="Kabul",
                           actor1="Protesters (Afghanistan)", actor2=None,
                           text="Hundreds of teachers marched in Kabul demanding unpaid salaries."), "Other Wire"),
    "mosul-future": (dict(date="2017-03-10", modality="future", place="Mosul", lat=36.34, lon=43.13, country="IRQ",
                          admin1="Nineveh", actor1="Military Forces of Iraq", actor2="Islamic State",
                          text="The army said it would attack Mosul next month."), "Test Wire"),
    "lagos-riot": (dict(date="2017-04-11", etype="Riots", sub="Mob violence", place="Lagos", lat=6.45, lon=3.39,
                        country="NGA", admin1="Lagos", actor1="Rioters (Nigeria)", actor2=None, fatalities=2,
                        confidence=0.3, text="A mob burned two suspected thieves to death in a Lagos market."),
                   "Test Wire"),
    "recent-clash": (dict(date=RECENT, place="Kidal", lat=18.44, lon=1.41, country="MLI", admin1="Kidal",
                          actor1="JNIM", actor2="Military Forces of Mali", fatalities=1,
                          text="Militants attacked an army checkpoint in Kidal."), "Test Wire"),
}
ASSERTED = set(SPECS) - {"mosul-future"}
DESKTOP = {"width": 1400, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    _need(Path(CHROMIUM).exists(), f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)")
    missing = vendor_missing()
    _need(not missing, f"the dashboard's libraries are missing ({', '.join(missing)}): run npm ci")

    store = Store(f"sqlite:///{tmp_path_factory.mktemp('views') / 'views.db'}")
    ids = {}
    for key, (kw, source) in SPECS.items():
        ev = make_event(key, start=len(f"Article {key}. "), **kw)
        ids[key] = store.add_result(make_result(key, [ev], url=f"https://news.example/{key}", source=source,
                                                title=f"Report {key}")).event_ids[0]
    with served(create_app(store=store)) as url:
        yield {"url": url, "store": store, "ids": ids, "names": {v: k for k, v in ids.items()}}
    store.close()


@pytest.fixture(scope="module")
def chromium(site):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    where = os.environ.get("EVENTWIRE_SCREENSHOTS")
    path = Path(where) if where else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


def _watched(context, site):
    """A page that fails its test on a script error or a request outside the server."""
    pg = context.new_page()
    pg.errors, pg.outside = [], []
    pg.on("pageerror", lambda exc: pg.errors.append(str(exc)))
    pg.on("console", lambda msg: pg.errors.append(msg.text) if msg.type == "error" else None)
    pg.on("request", lambda req: pg.outside.append(req.url) if not req.url.startswith(site["url"]) else None)
    pg.add_init_script(SIGNED_OUT_START)
    return pg


@pytest.fixture
def desktop(chromium, site):
    context = chromium.new_context(viewport=DESKTOP)
    context.set_default_timeout(15000)
    yield context
    context.close()


@pytest.fixture
def page(desktop, site):
    pg = _watched(desktop, site)
    open_dashboard(pg, site["url"])
    yield pg
    assert pg.outside == [] and pg.errors == [], (pg.outside, pg.errors)


def names_in_table(pg, site) -> set[str]:
    return {site["names"][i] for i in table_ids(pg)}


def wait_for_table(pg, site, expected: set[str]) -> None:
    ids = sorted(site["ids"][k] for k in expected)
    pg.wait_for_function("ids => { const got = [...document.querySelectorAll('#events-table tbody tr')]"
                         ".map(r => Number(r.dataset.id)).sort((a, b) => a - b); "
                         "return JSON.stringify(got) === JSON.stringify(ids); }", arg=ids)


def chart_total(pg) -> int:
    return int(pg.get_attribute("#chart-periods", "data-total"))


def brush(pg, start: float, end: float) -> None:
    """Drags over the timeline from `start` to `end` (fractions of its plotted width)."""
    box = pg.locator("#timeline").bounding_box()
    left, width, y = box["x"] + 40, box["width"] - 40 - 46, box["y"] + box["height"] / 2
    pg.mouse.move(left + start * width + 1, y)
    pg.mouse.down()
    pg.mouse.move(left + end * width, y, steps=5)
    pg.mouse.up()
    pg.wait_for_selector("#brush-clear:not([hidden])")


# -- the tests ----------------------------------------------------------------------------------------------------
def test_charts_show_the_totals_of_the_data_and_toggle_to_fatalities(page, site, shots):
    page.click("#show-charts")
    page.wait_for_selector("#chart-periods rect.seg")
    assert page.is_hidden("#events-table")
    dead = sum(SPECS[k][0].get("fatalities") or 0 for k in ASSERTED)
    assert chart_total(page) == len(ASSERTED) == int(page.text_content("#kpi-events"))
    segments = page.locator("#chart-periods rect.seg")
    values = segments.evaluate_all("rs => rs.map(r => [r.dataset.type, Number(r.dataset.value)])")
    assert sum(v for _, v in values) == len(ASSERTED)
    assert ["No ACLED type (PLOVER only)", 1] in values  # the PLOVER-only event has its own colour
    countries = page.locator("#chart-countries li").all_inner_texts()
    assert countries[0].split("\n")[0] == "Syria" and countries[0].split("\n")[-1] == "3"
    dyads = page.locator("#chart-dyads li").all_inner_texts()
    assert any("Islamic State" in d and "Military Forces of Syria" in d for d in dyads)
    assert not any("Protesters" in d for d in dyads)  # a one-sided event is no dyad
    page.screenshot(path=str(shots / "charts-1400x900.png"))

    page.click("#chart-measure button[data-measure='fatalities']")
    page.wait_for_function(f"() => document.querySelector('#chart-periods').dataset.total === '{dead}'")
    assert page.get_attribute("#chart-measure button[data-measure='fatalities']", "aria-pressed") == "true"
    assert parse_qs(urlparse(page.url).query)["chart"] == ["fatalities"]
    assert page.locator("#chart-countries li").first.inner_text().split("\n")[-1] == "17"  # Syria: 12 + 5
    page.click("#chart-interval button[data-interval='month']")
    page.wait_for_function("() => [...document.querySelectorAll('#chart-periods rect.seg')]"
                           ".every(r => /^\\d{4}-\\d\\d$/.test(r.dataset.period))")
    assert chart_total(page) == dead
    months = set(page.locator("#chart-periods rect.seg").evaluate_all("rs => rs.map(r => r.dataset.period)"))
    assert months == {"2017-02", "2017-04", RECENT[:7]}  # months with fatalities
    page.click("#show-table")
    page.wait_for_selector("#events-table tbody tr")


def test_counters_charts_and_table_agree_after_brushing(page, site, shots):
    page.fill("#f-from", "2017-01-01")
    page.fill("#f-to", "2017-12-31")
    page.dispatch_event("#f-to", "change")
    in_2017 = {k for k in ASSERTED if SPECS[k][0]["date"].startswith("2017")}
    wait_for_table(page, site, in_2017)
    brush(page, 0.0, 0.5)
    page.wait_for_function(f"() => document.querySelectorAll('#events-table tbody tr').length < {len(in_2017)}")
    page.wait_for_function("() => Number(document.querySelector('#kpi-events').textContent) === "
                           "document.querySelectorAll('#events-table tbody tr').length")
    shown = len(table_ids(page))
    assert 0 < shown < len(in_2017)
    assert page.text_content("#table-count") == f"{shown} matching event{'s' if shown > 1 else ''}"
    lo, hi = page.text_content("#brush-label").removeprefix("selected: ").split(" to ")
    dead = sum(SPECS[k][0].get("fatalities") or 0 for k in in_2017 if lo <= SPECS[k][0]["date"] <= hi)
    assert int(page.text_content("#kpi-fatalities")) == dead
    page.click("#show-charts")
    page.wait_for_selector("#chart-periods rect.seg")
    assert chart_total(page) == shown
    page.screenshot(path=str(shots / "brushed-charts-1400x900.png"))


@pytest.mark.parametrize("field, value, expected", [
    ("#f-min-fatalities", "5", {"aleppo-clash", "aleppo-strike"}),
    ("#f-admin1", "Homs", {"homs-plover"}),
    ("#f-modality", "future", {"mosul-future"}),
    ("#f-plover", "COERCE", {"homs-plover"}),
    ("#f-min-confidence", "0.5", ASSERTED - {"lagos-riot"}),
    ("#f-source", "Other Wire", {"kabul-protest"}),
    ("#f-preset", "7", {"recent-clash"}),
])
def test_each_added_filter_narrows_the_table_and_the_counters(page, site, field, value, expected):
    wait_for_table(page, site, ASSERTED)
    if page.locator(field).evaluate("e => e.tagName") == "SELECT":
        page.select_option(field, value)
    else:
        page.fill(field, value)
        page.dispatch_event(field, "change")
    wait_for_table(page, site, expected)
    page.wait_for_function(f"() => document.querySelector('#kpi-events').textContent === '{len(expected)}'")
    if field == "#f-preset":  # a preset fills the dates
        today = dt.date.today()
        assert page.input_value("#f-to") == today.isoformat()
        assert page.input_value("#f-from") == (today - dt.timedelta(days=6)).isoformat()


def test_the_url_holds_the_view_a_new_page_restores_it_and_back_goes_back(page, desktop, site, shots):
    page.select_option("#f-country", "SYR")
    wait_for_table(page, site, {"aleppo-clash", "aleppo-strike", "homs-plover"})
    page.fill("#f-min-fatalities", "1")
    page.dispatch_event("#f-min-fatalities", "change")
    wait_for_table(page, site, {"aleppo-clash", "aleppo-strike"})
    brush(page, 0.0, 0.75)  # the timeline pads the two Aleppo events' days to two weeks: this holds both
    wait_for_table(page, site, {"aleppo-clash", "aleppo-strike"})
    selected = site["ids"]["aleppo-strike"]
    page.click(f"#events-table tbody tr[data-id='{selected}']")
    page.wait_for_selector(f"#panel-body:not([hidden]) dd:has-text('{selected} (ew-')")
    query = parse_qs(urlparse(page.url).query)
    assert query["country"] == ["SYR"] and query["min_fatalities"] == ["1"] and query["event"] == [str(selected)]
    lo, hi = query["brush"][0].split("..")
    assert lo <= "2017-02-06" and "2017-02-08" <= hi
    label, ids = page.text_content("#brush-label"), table_ids(page)

    again = _watched(desktop, site)
    open_dashboard(again, page.url)
    again.wait_for_selector(f"#panel-body:not([hidden]) dd:has-text('{selected} (ew-')")
    assert again.input_value("#f-country") == "SYR" and again.input_value("#f-min-fatalities") == "1"
    assert again.text_content("#brush-label") == label and sorted(table_ids(again)) == sorted(ids)
    assert again.text_content("#kpi-events") == str(len(ids))
    again.screenshot(path=str(shots / "restored-1400x900.png"))
    assert again.outside == [] and again.errors == [], (again.outside, again.errors)
    again.close()

    page.go_back()  # before the brush: the two Aleppo events of every date, no period selected
    page.wait_for_selector("#brush-clear[hidden]", state="attached")
    wait_for_table(page, site, {"aleppo-clash", "aleppo-strike"})
    page.go_back()  # before the fatalities filter
    wait_for_table(page, site, {"aleppo-clash", "aleppo-strike", "homs-plover"})
    assert page.input_value("#f-min-fatalities") == "" and page.input_value("#f-country") == "SYR"
    page.go_forward()
    wait_for_table(page, site, {"aleppo-clash", "aleppo-strike"})
    assert page.input_value("#f-min-fatalities") == "1"


def test_an_old_event_hash_link_still_opens_its_event(desktop, site):
    pg = _watched(desktop, site)
    selected = site["ids"]["kabul-protest"]
    open_dashboard(pg, f"{site['url']}#event={selected}")
    pg.wait_for_selector(f"#panel-body:not([hidden]) dd:has-text('{selected} (ew-')")
    assert parse_qs(urlparse(pg.url).query)["event"] == [str(selected)]
    assert pg.errors == []


def test_every_export_link_carries_the_filters_of_the_view(page, site):
    page.select_option("#f-country", "SYR")
    page.select_option("#f-plover", "ASSAULT")
    expected = {"aleppo-clash", "aleppo-strike"}
    wait_for_table(page, site, expected)
    links = {a["format"]: a["href"] for a in page.locator("#exports a[data-format]").evaluate_all(
        "as => as.map(a => ({format: a.dataset.format, href: a.href}))")}
    assert set(links) == {"acled-csv", "plover-jsonl", "geojson", "parquet"}
    ids = {str(site["ids"][k]) for k in expected}
    for fmt, href in links.items():
        query = parse_qs(urlparse(href).query)
        assert query["country"] == ["SYR"] and query["plover"] == ["ASSAULT"] and query["format"] == [fmt]
        body = page.request.get(href)
        assert body.ok, (fmt, body.status)
        if fmt == "acled-csv":
            assert {r["eventwire_id"] for r in csv.DictReader(io.StringIO(body.text()))} == ids
        elif fmt == "plover-jsonl":
            assert len(body.text().strip().splitlines()) == len(ids)
        elif fmt == "geojson":
            assert len(json.loads(body.text())["features"]) == len(ids)
        else:
            assert body.body()[:4] == b"PAR1"


def test_the_phone_layout_folds_the_filters_brushes_by_touch_and_opens_the_event_as_a_sheet(chromium, site, shots):
    context = chromium.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    context.set_default_timeout(15000)
    pg = _watched(context, site)
    open_dashboard(pg, site["url"])
    assert pg.is_hidden("#filters") and pg.is_visible("#filters-toggle")
    assert pg.is_hidden("#panel")  # no sheet until an event is chosen
    ticks = pg.locator("#timeline .axis text[text-anchor='middle']").count()
    assert 2 <= ticks <= 3  # dates that fit side by side
    pg.screenshot(path=str(shots / "phone-390x844.png"))
    pg.click("#filters-toggle")
    assert pg.is_visible("#filters") and pg.get_attribute("#filters-toggle", "aria-expanded") == "true"
    pg.fill("#f-from", "2017-01-01")
    pg.fill("#f-to", "2017-12-31")
    pg.dispatch_event("#f-to", "change")
    in_2017 = {k for k in ASSERTED if SPECS[k][0]["date"].startswith("2017")}
    wait_for_table(pg, site, in_2017)
    pg.screenshot(path=str(shots / "phone-filters-390x844.png"))
    pg.click("#filters-toggle")
    assert pg.is_hidden("#filters")

    # a finger drags over the first half of the timeline
    pg.locator("#timeline").scroll_into_view_if_needed()
    box = pg.locator("#timeline").bounding_box()
    left, width, y = box["x"] + 40, box["width"] - 40 - 46, box["y"] + box["height"] / 2
    cdp = context.new_cdp_session(pg)
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": left + 1, "y": y}]})
    for step in range(1, 6):
        cdp.send("Input.dispatchTouchEvent", {"type": "touchMove",
                                              "touchPoints": [{"x": left + 1 + step * 0.1 * width, "y": y}]})
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    pg.wait_for_selector("#brush-clear:not([hidden])")
    pg.wait_for_function(f"() => document.querySelectorAll('#events-table tbody tr').length < {len(in_2017)}")

    first = table_ids(pg)[0]
    pg.locator(f"#events-table tbody tr[data-id='{first}']").click()
    pg.wait_for_selector(f"#panel-body:not([hidden]) dd:has-text('{first} (ew-')")
    pg.wait_for_timeout(400)  # the sheet slides up
    sheet = pg.locator("#panel").bounding_box()
    assert sheet["y"] >= 0 and sheet["y"] + sheet["height"] <= PHONE["height"] + 1 and sheet["width"] >= 380
    pg.screenshot(path=str(shots / "phone-event-390x844.png"))
    pg.click("#panel-body .close")
    pg.wait_for_function("() => !document.body.classList.contains('event-open')")
    assert "event" not in parse_qs(urlparse(pg.url).query)
    assert pg.outside == [] and pg.errors == [], (pg.outside, pg.errors)
    context.close()
