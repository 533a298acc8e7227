"""The dashboard in a real browser: Playwright (Python) driving Debian's Chromium against `eventwire serve`'s app
on 127.0.0.1, over a database of events built here plus two example articles run through the real pipeline.

Screenshots go to test-output/browser/ (or $EVENTWIRE_TEST_OUTPUT/browser/). Chromium comes from apt
(`.ci/run` installs it); Playwright never downloads a browser. Locally, without Chromium, these tests skip;
in CI (CI=true) a missing Chromium or missing map libraries (`npm ci`) fail them instead.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from eventfactory import make_event, make_result
from eventwire.serve.app import create_app, vendor_missing
from eventwire.storage.store import Store
from liveserver import served

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("EVENTWIRE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
OUT = Path(os.environ.get("EVENTWIRE_TEST_OUTPUT", ROOT / "test-output")) / "browser"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
EXAMPLES = [ROOT / "examples" / "02_syria_air_strike.txt", ROOT / "examples" / "09_sri_lanka_peaceful_protest.txt"]

XSS_TEXT = ('Militants stormed an army checkpoint in Kidal on Sunday. <script>window.__pwned = 1</script> '
            '<img src=x onerror="window.__pwned = 2"> Residents said two soldiers died in the attack.')
XSS_TITLE = '<b>Kidal</b> checkpoint <script>window.__pwned = 3</script>'
XSS_ACTOR = "<i>JNIM</i> <img src=x onerror=window.__pwned=4>"


def _need(condition: bool, reason: str) -> None:
    if not condition:
        if IN_CI:
            pytest.fail(reason + " (CI must run the browser tests: see .ci/run and the Makefile)")
        pytest.skip(reason)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A database (hand-built events, an article with markup in it, two examples through the pipeline), a token,
    and the app on a free port of 127.0.0.1 in a thread."""
    _need(Path(CHROMIUM).exists(), f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)")
    missing = vendor_missing()
    _need(not missing, f"the dashboard's libraries are missing ({', '.join(missing)}): run npm ci")

    from eventwire.extraction.pipeline import Pipeline
    from eventwire.ingest import ingest

    db = tmp_path_factory.mktemp("browser") / "dash.db"
    store = Store(f"sqlite:///{db}")
    ids, hand_built = {}, set()
    specs = [
        ("al-bab", dict(date="2017-02-09", fatalities=12,
                        text="Islamic State fighters fought Turkish troops on the edge of Al Bab for a third day.")),
        ("mosul", dict(date="2017-03-01", place="Mosul", lat=36.34, lon=43.13, country="IRQ", admin1="Nineveh",
                       etype="Explosions/Remote violence", sub="Air/drone strike", fatalities=5,
                       actor1="Military Forces of Iraq", actor2="Islamic State",
                       text="Iraqi jets struck a depot of Islamic State fighters in western Mosul.")),
        ("kabul", dict(date="2017-03-05", place="Kabul", lat=34.53, lon=69.17, country="AFG", admin1="Kabul",
                       etype="Protests", sub="Peaceful protest", plover="PROTEST", actor1="Protesters (Afghanistan)",
                       actor2=None, text="Hundreds of teachers marched in Kabul demanding unpaid salaries.")),
        ("herat", dict(date="2017-03-20", place="Herat", lat=34.35, lon=62.20, country="AFG", admin1="Herat",
                       etype="Protests", sub="Peaceful protest", plover="PROTEST", actor1="Protesters (Afghanistan)",
                       actor2=None, text="Shopkeepers in Herat closed their stores to protest new taxes.")),
        ("lagos", dict(date="2017-04-11", place="Lagos", lat=6.45, lon=3.39, country="NGA", admin1="Lagos",
                       etype="Riots", sub="Mob violence", actor1="Rioters (Nigeria)", actor2=None, fatalities=2,
                       text="A mob burned two suspected thieves to death in a Lagos market.")),
        ("kidal", dict(date="2017-05-14", place="Kidal", lat=18.44, lon=1.41, country="MLI", admin1="Kidal",
                       etype="Battles", sub="Armed clash", actor1=XSS_ACTOR, actor2="Military Forces of Mali",
                       fatalities=2, text="Militants stormed an army checkpoint in Kidal on Sunday.")),
    ]
    for key, kw in specs:
        text = XSS_TEXT if key == "kidal" else None
        ev = make_event(key, start=0 if text else len(f"Article {key}. "), **kw)
        title = XSS_TITLE if key == "kidal" else f"Report from {kw.get('place', 'Al Bab')}"
        added = store.add_result(make_result(key, [ev], text=text, url=f"https://news.example/{key}", title=title))
        ids[key] = added.event_ids[0]
        hand_built.add(added.article_id)
    summary = ingest([str(p) for p in EXAMPLES], store, Pipeline(workers=1))
    assert summary.articles == 2 and summary.errors == 0
    token = store.create_token("tester", role="reviewer")
    reader_token = store.create_token("onlooker", role="reader")

    with served(create_app(store=store)) as url:
        yield {"url": url, "store": store, "ids": ids, "token": token, "reader_token": reader_token,
               "hand_built": hand_built}
    store.close()


@pytest.fixture(scope="module")
def browser(site, tmp_path_factory):
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=CHROMIUM, headless=True,
            args=CHROMIUM_FLAGS, viewport={"width": 1500, "height": 1000})
        context.set_default_timeout(15000)
        yield context
        context.close()


@pytest.fixture
def page(browser, site):
    """A fresh page on the dashboard, signed out; fails the test on any script error or outside request."""
    pg = browser.new_page()
    errors, outside = [], []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    pg.on("request", lambda req: outside.append(req.url) if not req.url.startswith(site["url"]) else None)
    # a signed-out start, once per page: a reload keeps what the page stored, as a real browser does
    pg.add_init_script(SIGNED_OUT_START)
    open_dashboard(pg, site["url"])
    yield pg
    pg.close()
    assert outside == [], f"the dashboard made requests outside its server: {outside}"
    assert errors == [], f"errors in the page: {errors}"


SIGNED_OUT_START = ("if (!sessionStorage.getItem('ew-test')) { localStorage.clear(); "
                    "sessionStorage.setItem('ew-test', '1'); }")


def open_dashboard(pg, url: str) -> None:
    pg.goto(url)
    pg.wait_for_selector("body[data-ready='1']")
    pg.wait_for_selector("#events-table tbody tr")


def shot(pg, name: str) -> None:
    pg.wait_for_timeout(300)  # let Leaflet finish its zoom animation
    pg.screenshot(path=str(OUT / f"{name}.png"))


def table_ids(pg) -> list[int]:
    return [int(i) for i in pg.locator("#events-table tbody tr").evaluate_all("rows => rows.map(r => r.dataset.id)")]


def sign_in(pg, token: str, shown: str = "tester (reviewer)") -> None:
    pg.click("#signin")
    pg.fill("#token-input", token)
    pg.click("#signin-ok")
    pg.wait_for_selector(f"#whoami:has-text('{shown}')")


def open_event(pg, event_id: int) -> None:
    pg.click(f"#events-table tbody tr[data-id='{event_id}']")
    pg.wait_for_selector(f"#panel-body:not([hidden]) dd:has-text('{event_id} (ew-')")


# -- the tests -----------------------------------------------------------------------------------------------------
def test_the_dashboard_loads_with_markers_borders_timeline_and_table(page, site):
    store = site["store"]
    expected = store.count_events()
    assert len(table_ids(page)) == expected
    assert page.text_content("#kpi-events") == str(expected)
    page.wait_for_selector(".ew-marker, .ew-cluster-icon")
    markers = page.locator(".ew-marker").count()
    clusters = page.locator(".ew-cluster-icon").count()
    assert markers + clusters > 0
    assert page.locator(".leaflet-overlay-pane path").count() > 100  # world-atlas country borders
    assert page.locator("#timeline rect.bar").count() > 0
    assert page.locator("#timeline path.fatal-line").count() == 1
    shot(page, "01-dashboard")
    # zoomed in on the Levant the events come apart into markers sized by fatalities
    page.click(f"#events-table tbody tr[data-id='{site['ids']['al-bab']}']")
    page.wait_for_selector(".ew-marker")
    sizes = page.locator(".ew-marker .ew-dot").evaluate_all("ds => ds.map(d => d.getBoundingClientRect().width)")
    assert max(sizes) > min(sizes)  # 12 dead is drawn bigger than none


def test_a_type_filter_changes_the_table_and_columns_sort(page, site):
    before = table_ids(page)
    page.select_option("#f-type", "Protests")
    page.wait_for_function("() => [...document.querySelectorAll('#events-table tbody tr td:nth-child(2)')]"
                           ".every(td => td.textContent.includes('Protests'))")
    after = table_ids(page)
    ids = site["ids"]
    assert set(after) >= {ids["kabul"], ids["herat"]} and ids["al-bab"] not in after and len(after) < len(before)
    assert all(t == "Protests" for t in page.locator("#events-table tbody td:nth-child(2)").all_text_contents())
    shot(page, "02-type-filter")
    page.select_option("#f-type", "")
    page.wait_for_function(f"() => document.querySelectorAll('#events-table tbody tr').length === {len(before)}")
    page.click("#events-table th[data-key='fatalities']")
    first = page.locator("#events-table tbody tr").first
    deaths = [int(t) for t in page.locator("#events-table tbody td:nth-child(8)").all_text_contents() if t]
    assert first.locator("td:nth-child(8)").text_content() == str(max(deaths))


def test_an_event_opens_with_its_record_evidence_and_sources(page, site):
    ev_id = site["ids"]["al-bab"]
    open_event(page, ev_id)
    evidence = "Islamic State fighters fought Turkish troops on the edge of Al Bab for a third day."
    assert page.text_content("#panel-body blockquote.evidence") == evidence
    page.wait_for_selector("#panel-body mark.evidence-hl")
    assert page.text_content("#panel-body mark.evidence-hl") == evidence
    assert "Report from Al Bab" in page.text_content("#panel-body .source header")
    assert "12" in page.text_content("#panel-body dl.record")
    assert page.locator(f"#events-table tbody tr.selected[data-id='{ev_id}']").count() == 1
    shot(page, "03-event-panel")


def test_events_from_the_real_pipeline_show_with_their_article(page, site):
    store = site["store"]
    found = [e for e in store.iter_events() if e.sources and e.sources[0].article_id not in site["hand_built"]]
    assert found, "the two example articles gave no stored event"
    ev = found[0]
    open_event(page, ev.id)
    page.wait_for_selector("#panel-body .article-text .text")
    article = store.get_article(ev.sources[0].article_id)
    assert page.text_content("#panel-body .article-text .text") == article.text
    assert page.text_content("#panel-body mark.evidence-hl") == ev.sources[0].evidence["text"]


def test_a_rejection_made_in_the_review_screen_survives_a_reload(page, site):
    ev_id = site["ids"]["mosul"]
    sign_in(page, site["token"])
    open_event(page, ev_id)
    reject_with_reason(page, "a training exercise")
    page.wait_for_selector("#review-state:has-text('rejected')")
    page.reload()
    page.wait_for_selector("body[data-ready='1']")
    assert page.text_content("#whoami") == "tester (reviewer)"  # still signed in
    assert ev_id not in table_ids(page)  # rejected events are left out by default
    page.check("#f-rejected")
    page.wait_for_selector(f"#events-table tbody tr.rejected[data-id='{ev_id}']")
    open_event(page, ev_id)
    assert page.text_content("#review-state") == "rejected"
    trail = page.text_content("#panel-body .audit")
    assert "tester" in trail and "rejected the event" in trail
    shot(page, "04-rejected-after-reload")
    reviews = site["store"].reviews(ev_id)
    assert [(r["field"], r["status"], r["reviewer"], r["comment"]) for r in reviews] == [
        ("event", "rejected", "tester", "a training exercise")]


def reject_with_reason(pg, reason: str) -> None:
    pg.click("#btn-reject")
    pg.wait_for_selector("#reject-dialog[open]")
    pg.fill("#reject-comment", reason)
    pg.click("#reject-confirm")


def test_reject_asks_for_a_reason_and_can_be_cancelled(page, site):
    ev_id = site["ids"]["kabul"]
    sign_in(page, site["token"])
    open_event(page, ev_id)
    page.click("#btn-reject")
    page.wait_for_selector("#reject-dialog[open]")
    shot(page, "06a-reject-dialog")
    page.click("#reject-cancel")  # cancelled: nothing is sent
    assert not page.locator("#reject-dialog").evaluate("d => d.open")
    assert site["store"].reviews(ev_id) == []
    page.click("#btn-reject")
    page.fill("#reject-comment", "   ")  # blanks are no reason
    page.click("#reject-confirm")
    assert page.text_content("#reject-error") == "Say why the event is rejected."
    assert page.locator("#reject-dialog").evaluate("d => d.open") and site["store"].reviews(ev_id) == []
    page.fill("#reject-comment", "a teachers' strike, not a protest")
    page.click("#reject-confirm")
    page.wait_for_selector("#review-state:has-text('rejected')")
    assert "a teachers' strike, not a protest" in page.text_content("#panel-body .audit")
    assert [(r["status"], r["comment"]) for r in site["store"].reviews(ev_id)] == [
        ("rejected", "a teachers' strike, not a protest")]
    page.click("#btn-accept")  # and back, for the tests that follow
    page.wait_for_selector("#review-state:has-text('accepted')")


def test_the_type_selects_offer_only_valid_combinations(page, site):
    ev_id = site["ids"]["al-bab"]
    sign_in(page, site["token"])
    open_event(page, ev_id)
    page.click("#btn-edit")
    form = "#panel-body .edit-form"

    def options(name: str) -> list[str]:
        return page.eval_on_selector_all(f"{form} select[name='{name}'] option", "os => os.map(o => o.value)")

    assert options("sub_event_type") == ["", "Armed clash", "Government regains territory",
                                         "Non-state actor overtakes territory"]
    page.select_option(f"{form} select[name='event_type']", "Riots")
    assert options("sub_event_type") == ["", "Violent demonstration", "Mob violence"]
    page.click(f"{form} button[type='submit']")  # a type without its sub-type is not sent
    assert page.eval_on_selector(f"{form} select[name='sub_event_type']", "s => s.validity.valueMissing")
    assert site["store"].reviews(ev_id) == []
    page.select_option(f"{form} select[name='sub_event_type']", "Violent demonstration")
    assert options("plover") == ["PROTEST"]  # the sub-type's own category, nothing else
    assert options("cameo") == ["141", "145"]
    assert page.input_value(f"{form} select[name='cameo']") == "145"
    shot(page, "06b-type-selects")
    page.click(f"{form} button[type='submit']")
    page.wait_for_selector("#review-state:has-text('edited')")
    record = site["store"].get_event(ev_id).record
    assert (record["event_type"], record["sub_event_type"], record["plover"]["event"], record["cameo"]) == (
        "Riots", "Violent demonstration", "PROTEST", "145")


def test_edits_in_the_review_screen_change_the_event_and_its_history(page, site):
    ev_id = site["ids"]["lagos"]
    sign_in(page, site["token"])
    open_event(page, ev_id)
    page.click("#btn-edit")
    page.fill("#panel-body input[name='fatalities']", "4")
    page.fill("#panel-body input[name='actor1']", "Rioters (Lagos)")
    page.fill("#panel-body input[name='comment']", "hospital figure")
    page.click("#panel-body button[type='submit']")
    page.wait_for_selector("#panel-body .audit li:has-text('fatalities')")
    trail = page.text_content("#panel-body .audit")
    assert "set fatalities from 2 to 4" in trail and "hospital figure" in trail and "Rioters (Lagos)" in trail
    row = page.locator(f"#events-table tbody tr[data-id='{ev_id}']")
    assert row.locator("td:nth-child(8)").text_content() == "4"
    assert row.locator("td:nth-child(4)").text_content() == "Rioters (Lagos)"
    shot(page, "05-edited")
    assert site["store"].get_event(ev_id).record["fatalities"] == 4


def test_a_reader_signs_in_without_review_buttons_and_a_refused_review_is_explained(browser, site):
    """Not the `page` fixture: the refused PATCH is logged by Chromium as a failed resource, which is expected."""
    pg = browser.new_page()
    script_errors = []
    pg.on("pageerror", lambda exc: script_errors.append(str(exc)))
    pg.add_init_script(SIGNED_OUT_START)
    open_dashboard(pg, site["url"])
    ev_id = site["ids"]["herat"]
    sign_in(pg, site["reader_token"], "onlooker (reader)")
    open_event(pg, ev_id)
    assert "reviewing needs a reviewer token" in pg.text_content("#review-denied")
    assert pg.locator("#btn-accept").count() == 0
    shot(pg, "08-reader-cannot-review")
    pg.click("#signin")  # signs out
    sign_in(pg, site["token"])
    open_event(pg, ev_id)
    # the reviewer's screen, but another tab has since signed in with a reader's token: the server refuses
    pg.evaluate("t => localStorage.setItem('eventwire.token', t)", site["reader_token"])
    pg.click("#btn-accept")
    pg.wait_for_selector("#toast:has-text('Not allowed: this needs the reviewer role or above')")
    assert "onlooker" in pg.text_content("#toast")
    shot(pg, "09-review-refused")
    # a token revoked while its holder is signed in: the page signs out and says why
    store = site["store"]
    brief = store.issue_token("brief", role="reviewer")
    pg.click("#signin")
    sign_in(pg, brief["token"], "brief (reviewer)")
    open_event(pg, ev_id)
    store.revoke_token(brief["id"])
    pg.click("#btn-accept")
    pg.wait_for_selector("#toast:has-text('Your token is no longer valid: sign in again.')")
    assert pg.text_content("#whoami") == "read-only"
    pg.close()
    assert store.reviews(ev_id) == [] and script_errors == []


def test_markup_inside_an_article_shows_as_text_and_never_runs(page, site):
    ev_id = site["ids"]["kidal"]
    row = page.locator(f"#events-table tbody tr[data-id='{ev_id}']")
    assert row.locator("td:nth-child(4)").text_content() == XSS_ACTOR
    open_event(page, ev_id)
    page.wait_for_selector("#panel-body .article-text .text")
    assert page.text_content("#panel-body .article-text .text") == XSS_TEXT
    assert page.text_content("#panel-body .article-text h4") == XSS_TITLE
    assert page.locator("#panel img, #events-table img, #panel script, #panel b, #events-table i").count() == 0
    page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned") is None
    shot(page, "06-script-as-text")


def test_brushing_a_period_on_the_timeline_filters_the_map_and_table(page, site):
    page.fill("#f-from", "2017-01-01")
    page.fill("#f-to", "2017-12-31")
    page.dispatch_event("#f-to", "change")
    ids = site["ids"]
    n = site["store"].count_events(date_from="2017-01-01", date_to="2017-12-31")
    page.wait_for_function(f"() => document.querySelectorAll('#events-table tbody tr').length === {n}")
    box = page.locator("#timeline").bounding_box()
    # the timeline now spans 2017-02-09 .. 2017-05-14; drag over roughly its first third (February-March)
    left, width = box["x"] + 40, box["width"] - 40 - 46
    y = box["y"] + box["height"] / 2
    page.mouse.move(left + 0.0 * width + 1, y)
    page.mouse.down()
    page.mouse.move(left + 0.45 * width, y, steps=5)
    page.mouse.up()
    page.wait_for_selector("#brush-clear:not([hidden])")
    page.wait_for_function(f"() => document.querySelectorAll('#events-table tbody tr').length < {n}")
    got = set(table_ids(page))
    assert {ids["al-bab"], ids["kabul"]} <= got and ids["kidal"] not in got and ids["lagos"] not in got
    dates = page.locator("#events-table tbody td:nth-child(1)").all_text_contents()
    lo, hi = page.text_content("#brush-label").removeprefix("selected: ").split(" to ")
    assert all(lo <= d <= hi for d in dates)
    shot(page, "07-brushed")
    page.click("#brush-clear")
    page.wait_for_function(f"() => document.querySelectorAll('#events-table tbody tr').length === {n}")


def test_the_api_docs_render_offline_under_their_content_security_policy(browser, site):
    """Swagger UI at /docs runs under the policy every response carries: no violation, nothing from outside."""
    pg = browser.new_page()
    errors, outside = [], []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    pg.on("request", lambda req: outside.append(req.url) if not req.url.startswith(site["url"]) else None)
    response = pg.goto(site["url"] + "docs")
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    pg.wait_for_selector(".opblock-summary-path")
    paths = pg.locator(".opblock-summary-path").all_inner_texts()
    assert any("/api/extract" in p for p in paths) and any("/api/events" in p for p in paths)
    shot(pg, "api-docs")
    pg.close()
    assert outside == [] and errors == [], (outside, errors)
