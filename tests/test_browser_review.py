"""The review queue in a real browser (Playwright driving Debian's Chromium, as tests/test_browser.py): open the
queue, accept with the keyboard, reject with a reason, undo, bulk accept a filtered selection, and the panel of
actors the catalogue did not know.

Screenshots go to $EVENTWIRE_SCREENSHOTS if set, else test-output/browser/ (or $EVENTWIRE_TEST_OUTPUT/browser/),
the folder CI keeps as an artefact. Without Chromium these tests skip locally and fail in CI (test_browser._need).
"""

from __future__ import annotations

import json
import os
import urllib.request
from pathlib import Path

import pytest

from eventfactory import make_event, make_result
from eventwire.serve.app import create_app, vendor_missing
from eventwire.storage.store import Store
from liveserver import served
from test_browser import CHROMIUM, CHROMIUM_FLAGS, OUT, SIGNED_OUT_START, _need, open_dashboard, sign_in

pytestmark = pytest.mark.browser

SHOTS = Path(os.environ["EVENTWIRE_SCREENSHOTS"]) if os.environ.get("EVENTWIRE_SCREENSHOTS") else OUT

# key -> (country, confidence, sentence); the queue is lowest confidence first
EVENTS = {
    "raqqa": ("SYR", 0.21, "Islamic State fighters clashed with Kurdish forces in Raqqa overnight."),
    "tikrit": ("IRQ", 0.34, "Gunmen fought an Iraqi army patrol outside Tikrit on Tuesday."),
    "deir": ("SYR", 0.45, "Rebels and government troops fought for the Deir ez-Zor airport."),
    "hama": ("SYR", 0.58, "Fighting broke out between rebel factions in northern Hama."),
    "kunduz": ("AFG", 0.81, "Taliban fighters attacked a police post in Kunduz."),
    "kandahar": ("AFG", 0.86, "Afghan troops clashed with Taliban fighters in Kandahar province."),
}
PLACES = {"SYR": (35.9, 39.0, "Raqqa"), "IRQ": (34.6, 43.7, "Salah al-Din"), "AFG": (36.7, 68.9, "Kunduz")}
UNKNOWN_ACTOR = "Sons of the Valley Brigade"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A database of hand-built events (one naming an actor the catalogue does not know), a reviewer's token,
    and the app on a free port of 127.0.0.1 in a thread."""
    _need(Path(CHROMIUM).exists(), f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)")
    missing = vendor_missing()
    _need(not missing, f"the dashboard's libraries are missing ({', '.join(missing)}): run npm ci")

    store = Store(f"sqlite:///{tmp_path_factory.mktemp('browser-review') / 'queue.db'}")
    ids = {}
    for i, (key, (iso3, confidence, sentence)) in enumerate(EVENTS.items()):
        lat, lon, admin1 = PLACES[iso3]
        ev = make_event(key, country=iso3, lat=lat + i, lon=lon, admin1=admin1, place=key.title(),
                        confidence=confidence, date=f"2017-03-{4 * i + 1:02d}", text=sentence, start=len(f"Article {key}. "),
                        actor2=UNKNOWN_ACTOR if key == "hama" else "Military Forces of Turkey")
        if key == "hama":
            ev.actor2.known = False
        ids[key] = store.add_result(make_result(key, [ev], url=f"https://news.example/{key}",
                                                title=f"Report from {key.title()}")).event_ids[0]
    store.run_dedup()
    assert store.count_events() == len(EVENTS)  # far apart: dedup keeps them apart
    token = store.create_token("tester", role="reviewer")
    with served(create_app(store=store)) as url:
        yield {"url": url, "store": store, "ids": ids, "token": token}
    store.close()


@pytest.fixture(scope="module")
def browser(site, tmp_path_factory):
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=CHROMIUM, headless=True,
            args=CHROMIUM_FLAGS, viewport={"width": 1500, "height": 1000})
        context.set_default_timeout(15000)
        yield context
        context.close()


@pytest.fixture
def page(browser, site):
    """A fresh page on the dashboard, signed in as the reviewer; fails the test on any script error."""
    pg = browser.new_page()
    errors = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    pg.add_init_script(SIGNED_OUT_START)
    open_dashboard(pg, site["url"])
    sign_in(pg, site["token"])
    yield pg
    pg.close()
    assert errors == [], f"errors in the page: {errors}"


def shot(pg, name: str) -> None:
    pg.wait_for_timeout(300)
    pg.screenshot(path=str(SHOTS / f"{name}.png"))


def open_queue(pg) -> None:
    pg.click("#queue-toggle")
    pg.wait_for_selector("#queue-bar:not([hidden])")
    pg.wait_for_selector("#queue-progress:has-text('unreviewed')")


def showing(pg, event_id: int) -> None:
    pg.wait_for_selector(f"#panel-body:not([hidden]) dd:has-text('{event_id} (ew-')")


def progress(store, reviewer: str = "tester", **filters) -> str:
    return f"{store.reviewed_today(reviewer, **filters)} reviewed today / {store.count_queue(**filters)} unreviewed"


def queue_order(store) -> list[int]:
    return store.queue_ids(limit=100)


# -- the tests -----------------------------------------------------------------------------------------------------
def test_the_queue_opens_on_the_least_confident_event_with_its_evidence_and_progress(page, site):
    store = site["store"]
    open_queue(page)
    first = queue_order(store)[0]
    assert first == site["ids"]["raqqa"]
    showing(page, first)
    assert page.text_content("#queue-progress") == progress(store)
    assert page.text_content("#panel-body blockquote.evidence") == EVENTS["raqqa"][2]
    help_line = page.text_content("#queue-help")
    for words in ("a accept", "r reject", "e edit", "n / j next", "k previous", "u undo"):
        assert words in help_line
    shot(page, "review-01-queue")


def test_keyboard_accept_reject_with_a_reason_and_undo(page, site):
    store = site["store"]
    open_queue(page)
    order = queue_order(store)
    first, second = order[0], order[1]
    showing(page, first)
    # typing in a field is typing, not a shortcut
    page.keyboard.press("e")
    page.wait_for_selector("#panel-body .edit-form:not([hidden])")
    page.fill("#panel-body .edit-form input[name='comment']", "")
    page.type("#panel-body .edit-form input[name='comment']", "arjkn")
    assert store.reviews(first) == []
    page.evaluate("document.activeElement.blur()")
    page.keyboard.press("a")
    showing(page, second)  # accepted: on to the next one
    page.wait_for_selector("#queue-progress:has-text('1 reviewed today')")
    assert [(r["field"], r["status"], r["reviewer"]) for r in store.reviews(first)] == [("event", "accepted", "tester")]
    page.keyboard.press("r")
    page.wait_for_selector("#reject-dialog[open]")
    page.fill("#reject-comment", "the same clash as the day before")
    shot(page, "review-02-reject-reason")
    page.click("#reject-confirm")
    page.wait_for_selector("#queue-progress:has-text('2 reviewed today')")
    assert store.get_event(second).status == "rejected"
    assert store.reviews(second)[-1]["comment"] == "the same clash as the day before"
    # undo: the rejection is reverted exactly, the queue shows the event again, the history keeps both
    page.keyboard.press("u")
    showing(page, second)
    page.wait_for_selector("#review-state:has-text('unreviewed')")
    page.wait_for_selector("#queue-progress:has-text('1 reviewed today')")
    assert store.get_event(second).status == "active"
    assert page.locator("#panel-body .audit li.undone").count() == 1
    assert "undid an earlier review" in page.text_content("#panel-body .audit")
    shot(page, "review-03-undone")
    page.keyboard.press("k")
    showing(page, first)
    page.keyboard.press("j")
    showing(page, second)


def test_bulk_accept_of_a_filtered_selection_after_a_confirmation(page, site):
    store, ids = site["store"], site["ids"]
    page.select_option("#f-country", "AFG")
    page.wait_for_function("() => document.querySelectorAll('#events-table tbody tr').length === 2")
    open_queue(page)
    showing(page, ids["kunduz"])
    before = {k: (store.get_event(ids[k]).record, store.get_event(ids[k]).status) for k in ("kunduz", "kandahar")}
    page.click("#bulk-accept")
    page.wait_for_selector("#bulk-dialog[open]")
    assert page.text_content("#bulk-count").startswith("2 events will be accepted")
    assert "country AFG" in page.text_content("#bulk-selection")
    assert page.text_content("#bulk-confirm") == "Accept 2 events"
    page.fill("#bulk-comment", "both confirmed by the governor's office")
    shot(page, "review-04-bulk-confirm")
    page.click("#bulk-confirm")
    page.wait_for_selector("#toast:has-text('2 events accepted')")
    page.wait_for_selector("#queue-empty:not([hidden])")
    for key in ("kunduz", "kandahar"):
        trail = store.reviews(ids[key])
        assert [(r["status"], r["comment"]) for r in trail] == [("accepted", "both confirmed by the governor's office")]
    assert trail[0]["action_id"] == store.reviews(ids["kunduz"])[0]["action_id"]  # one action
    assert store.reviews(ids["deir"]) == []  # outside the filter
    shot(page, "review-05-bulk-done")
    page.click("#queue-undo")  # one undo reverts the whole bulk review
    page.wait_for_selector("#toast:has-text('2 events are back')")
    page.wait_for_selector(f"#panel-body:not([hidden]) dd:has-text('{ids['kunduz']} (ew-')")
    assert {k: (store.get_event(ids[k]).record, store.get_event(ids[k]).status) for k in before} == before
    assert store.count_queue(country="AFG") == 2 and store.reviews(ids["kunduz"])[-1]["status"] == "undone"


def test_the_unknown_actors_panel_lists_what_the_command_lists(page, site):
    page.click("#actors-open")
    page.wait_for_selector("#actors-table tbody tr")
    row = page.locator("#actors-table tbody tr").first
    cells = row.locator("td").all_text_contents()
    assert cells[0].startswith(UNKNOWN_ACTOR) and cells[1] == "1"
    assert EVENTS["hama"][2] in cells[2]
    with urllib.request.urlopen(site["url"] + "api/actors/unresolved") as answer:
        listed = json.load(answer)
    assert [a["name"] for a in listed] == [UNKNOWN_ACTOR]
    suggested = [listed[0]["suggested_sector"], f"inter {listed[0]['suggested_inter']}", listed[0]["suggested_country"]]
    assert cells[3] == " · ".join(str(x) for x in suggested if x and x != "inter None")
    shot(page, "review-06-unknown-actors")
    page.click("#actors-close")
    assert not page.locator("#actors-dialog").evaluate("d => d.open")
