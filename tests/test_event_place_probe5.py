"""A fifth probe set for WHERE an event happened: the spot named right before its town ("opened fire in the Pulse
nightclub in Orlando", "exploded at Domodedovo airport outside Moscow"), which the parse often hangs on the verb
beside the town rather than on the spot. The spot is the event's place as much as the town is: encyclopedia
reports name the event's place by the spot ("the Argana cafe", "the Pulse nightclub"), so the location's text must
keep it.

Each probe lists the words of the SPOT only (not the town); the scoring is the one of test_event_place_probe (a
content word of the location's name or text of the most confident asserted event told in the last sentence).
Written for this test: real and invented spots and towns of many countries, wire and encyclopedia styles.

`python tests/test_event_place_probe5.py` prints the rate and every miss."""

from __future__ import annotations

import pytest

from test_event_place_probe import place_hit, place_of

# (text, words of the spot)
PROBES = [
    ("A gunman opened fire in the Pulse nightclub in Orlando, killing 49 people.", "pulse nightclub"),
    ("A bomb exploded at Domodedovo airport outside Moscow, killing 37.", "domodedovo airport"),
    ("Gunmen opened fire in the Blue Star hotel in Garissa on Friday night.", "blue star hotel"),
    ("A suicide bomber blew himself up in the Imam Reza mosque in Herat during prayers.", "imam reza mosque"),
    ("A grenade exploded at the Kivu market outside Goma, wounding eight traders.", "kivu market"),
    ("Militants opened fire at the Sagar guesthouse near Kathmandu, killing two tourists.", "sagar guesthouse"),
    ("A parcel bomb exploded in the Marmara shopping centre in Izmir, injuring four people.",
     "marmara shopping centre"),
    ("Rebels struck at the Kamembe airfield near Cyangugu before dawn.", "kamembe airfield"),
    ("Two bombs exploded in the Lotus cinema in Mandalay on Saturday evening.", "lotus cinema"),
    ("A gunman opened fire in the Saint Paul church in Lagos, killing three worshippers.", "saint paul church"),
    ("Protesters clashed with police at the Ruvuma stadium in Songea on Sunday.", "ruvuma stadium"),
    ("A bomb went off in the Gold Souk near Dubai Creek, wounding two shoppers.", "gold souk"),
    # the spot as the verb's object, the town beside it
    ("Gunmen attacked the Salaam resort outside Sharm el-Sheikh on Sunday.", "salaam resort"),
    ("Militants stormed the Sapphire hotel near Kismayo before dawn.", "sapphire hotel"),
    ("A suicide bomber targeted the Al-Huda mosque outside Maiduguri, killing 11.", "huda mosque"),
    # spots of leisure and passage
    ("A grenade exploded on a crowded beach in Mombasa, wounding six tourists.", "beach"),
    ("A car bomb exploded at a busy junction in the centre of Kirkuk.", "junction"),
]


@pytest.fixture(scope="module")
def results(pipeline):
    out = []
    for text, wanted in PROBES:
        loc = place_of(pipeline, text)
        shown = "-" if loc is None else f"{loc.name} / {loc.text}"
        out.append((text, place_hit(loc, wanted), shown))
    return out


# 0.941 measured (0.529 on main 8210852, before the spot-beside-the-town rule and the spots of leisure)
FLOOR = 0.88


def test_the_probe_set_is_varied():
    assert len(PROBES) >= 12
    assert len({t for t, _ in PROBES}) == len(PROBES)


def test_place_rate_holds(results):
    rate = sum(ok for _, ok, _ in results) / len(results)
    assert rate >= FLOOR, [(t, got) for t, ok, got in results if not ok]


if __name__ == "__main__":
    from eventwire.extraction.pipeline import Pipeline

    pipe = Pipeline()
    hits = 0
    for text, wanted in PROBES:
        loc = place_of(pipe, text)
        ok = place_hit(loc, wanted)
        hits += ok
        if not ok:
            print(f"MISS  {text}\n      -> {'-' if loc is None else f'{loc.name} / {loc.text}'}")
    print(f"place {hits / len(PROBES):.3f} over {len(PROBES)} probes")
