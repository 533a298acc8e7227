"""Places in short conflict reports: transliterated names, settlement words, names tagged as languages, and the
gazetteer supplement's extra names. Sentences written for these tests."""

from __future__ import annotations

import pytest

from eventwire.extraction.places.words import has_arabic_article
from eventwire.geo import index


def places(nlp, geoparser, text):
    return [(pm.place.name, pm.place.country, pm.place.feature) for pm in geoparser.parse(nlp(text))]


@pytest.mark.parametrize("name", ["al-Raqqah", "Ras al-Ain", "Al Bab", "Deir ez-Zor", "El-Bab", "Khan al-Shih"])
def test_arabic_article_names(name):
    assert has_arabic_article(name)


@pytest.mark.parametrize("name", ["El Paso", "Las Vegas", "Alabama", "Salem", "Los Angeles", "Albany"])
def test_names_without_the_arabic_article(name):
    assert not has_arabic_article(name)


def test_supplement_rows_are_aligned():
    """Every row either places a new point (lat and lon numbers) or only adds names (both empty), and names
    its country in the country column."""
    for row in index._data_rows(index.SUPPLEMENT):
        lat, lon = row.get("lat", ""), row.get("lon", "")
        assert bool(lat) == bool(lon), row
        for v in (lat, lon):
            if v:
                float(v)
        assert row.get("country", "") == "" or row["country"].isalpha(), row


def test_supplement_alias_reaches_its_town(geoparser):
    found = geoparser.gaz.find("Serekaniye")
    assert any(e.cc == "SY" for e in found)


def test_town_named_with_city_word(nlp, geoparser):
    got = places(nlp, geoparser, "A car bomb went off in Azaz city on Monday, killing four people.")
    assert ("SYR", "city") in {(c, f) for _, c, f in got}


def test_city_word_picks_the_town_over_its_province(nlp, geoparser):
    got = places(nlp, geoparser, "Two blasts shook Daraa city late on Sunday.")
    assert [(c, f) for _, c, f in got] == [("SYR", "city")]


def test_province_word_keeps_the_province(nlp, geoparser):
    got = places(nlp, geoparser, "Fighting spread across Daraa province during the week.")
    assert ("SYR", "admin1") in {(c, f) for _, c, f in got}


def test_name_after_in_is_a_place_even_when_tagged_a_language(nlp, geoparser):
    got = places(nlp, geoparser, "Shelling resumed on the districts held by the army in Aleppo")
    assert any(c == "SYR" for _, c, _ in got)


def test_language_after_in_stays_a_language(nlp, geoparser):
    got = places(nlp, geoparser, "The statement was read out in English on state television.")
    assert not any(c == "GBR" for _, c, _ in got)


def test_arabic_article_prefers_the_arab_namesake(nlp, geoparser):
    got = places(nlp, geoparser, "Gunmen attacked a checkpoint in Ras al-Ayn overnight.")
    assert [c for _, c, _ in got] == ["SYR"]


def test_arabic_article_name_is_no_variant_of_a_european_town(nlp, geoparser):
    got = places(nlp, geoparser, "Two shells fell on al-Jenna in the evening.")
    assert not any(c in ("DEU", "USA", "IND") for _, c, _ in got)


def test_name_opener_alone_is_no_place(nlp, geoparser):
    got = places(nlp, geoparser, "Rebels took the hill near Abu Zeitoun after a night of fighting.")
    assert not any(c == "IND" for _, c, _ in got)


def test_arabic_compound_name_is_read_whole(nlp, geoparser):
    got = places(nlp, geoparser, "Mortar fire hit the market of Tal Afar on Friday.")
    assert [c for _, c, _ in got] == ["IRQ"]


def test_a_named_group_says_which_country_the_article_is_about(pipeline):
    doc = pipeline.nlp("Hay'at Tahrir al-Sham fighters repelled an attack on Madaya at dawn.")
    got = pipeline.geoparser.parse(doc, pipeline.catalogue.find_mentions(doc))
    assert [pm.place.country for pm in got] == ["SYR"]


def test_a_town_of_unknown_population_is_not_dwarfed():
    from eventwire.extraction.places.resolve import dominant_town
    from eventwire.geo.gazetteer import Entry

    def town(i, cc, population):
        return Entry(i, None, "Foo", "city", cc, None, None, None, None, 0.0, 0.0, population)

    assert dominant_town([town(1, "AA", 50000), town(2, "BB", 0)], frozenset()) is None
    assert dominant_town([town(1, "AA", 5000000), town(2, "BB", 0)], frozenset()) is not None


@pytest.mark.parametrize("name,bare", [("Al Mayādīn", "Mayādīn"), ("Ash-Shaddādah", "Shaddādah"), ("Al Ain", None),
                                       ("Tall Rif‘at", None), ("Homs", None)])
def test_name_without_the_arabic_article(name, bare):
    from eventwire.geo.names import without_article

    assert without_article(name) == bare


def test_town_found_by_its_name_without_the_article(geoparser):
    found, alt, by_sound = geoparser.gaz.match("Mayadin")
    assert any(e.cc == "SY" and e.id not in alt for e in found) and not by_sound


def test_name_before_city_is_a_place_even_when_tagged_a_language(nlp, geoparser):
    got = places(nlp, geoparser, "A second blast rocks Afrin city this morning")
    assert any(c == "SYR" for _, c, _ in got)


def test_joined_article_spelling_reaches_the_town(geoparser):
    found, alt, _ = geoparser.gaz.match("Deir Ezzor")
    assert any(e.cc == "SY" and e.feature == "city" and e.id not in alt for e in found)


def test_supplement_rows_have_every_column():
    text = index._data_path(*index.SUPPLEMENT).read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    assert {len(line.split("\t")) for line in rows} == {len(rows[0].split("\t"))}


def test_capital_named_like_its_governorate_is_the_town(nlp, geoparser):
    got = places(nlp, geoparser, "Barrel bombs fell on Daraa overnight.")
    assert [(c, f) for _, c, f in got] == [("SYR", "city")]
