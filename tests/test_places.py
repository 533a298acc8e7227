"""The gazetteer and the geoparser, on sentences written for these tests.

The first test that needs the gazetteer index builds it in the user cache (about half a minute, once). The
geoparser tests use the session's `nlp` and `geoparser` (tests/conftest.py): the Pipeline's own.
"""

from __future__ import annotations

import pytest

from eventwire.extraction import places
from eventwire.extraction.events import EventCandidate
from eventwire.extraction.places.resolve import dominant_town
from eventwire.extraction.places.words import PlaceWords
from eventwire.geo import gazetteer as gz
from eventwire.geo import index, names
from eventwire.geo.distance import haversine_km, haversine_matrix_km
from eventwire.lang import LANG_DIR, LanguageData, LanguageDataError


# ---------------------------------------------------------------------------------------------------------
# name keys (pure functions)
# ---------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("variant", ["Al Bab", "al-Bab", "Al-Bāb", "El Bab", "AL BAB", "al Bab"])
def test_normalize_folds_article_diacritics_and_case(variant):
    assert names.normalize(variant) == "al bab"


@pytest.mark.parametrize("a,b", [("Raqqa", "Ar Raqqah"), ("Raqqa", "Rakka"), ("Deir ez-Zor", "Deir al-Zour"),
                                 ("Kobani", "Kobane")])
def test_phonetic_key_joins_transliterations(a, b):
    assert names.phonetic_key(a) == names.phonetic_key(b)


def test_phonetic_key_keeps_different_names_apart():
    assert names.phonetic_key("Homs") != names.phonetic_key("Hama")
    assert names.phonetic_key("Aleppo") != names.phonetic_key("Idlib")


def test_normalize_expands_saint_and_strips_punctuation():
    assert names.normalize("St. Louis") == names.normalize("Saint Louis") == "saint louis"
    assert names.normalize("Ma'arrat al-Nu'man") == "maarrat al numan"


def test_abbreviations_and_joinable_particles_are_data_files():
    assert names.normalize("Mt. Kenya") == "mount kenya" and names.normalize("Ft Worth") == "fort worth"
    assert "mc allen" in names.spacing_variants("McAllen") and "laporte" in names.spacing_variants("La Porte")
    assert names.ABBREVIATIONS_FILE.name == index.ABBREVIATIONS[-1] and names.PARTICLES_FILE.name == index.PARTICLES[-1]


def test_usable_alternate_drops_codes_and_other_scripts():
    assert names.usable_alternate("Halab")
    assert not names.usable_alternate("حلب")
    assert not names.usable_alternate("ALP")  # an airport code
    assert not names.usable_alternate("Москва")


def test_region_point_ignores_outlying_islands():
    mainland = [(40.0 + i * 0.1, -8.0 + (i % 5) * 0.1, 1000) for i in range(40)]
    islands = [(38.5, -28.0, 500)]  # one far-off island group must not drag the point into the ocean
    lat, lon = index.region_point(mainland + islands)
    assert 40.0 < lat < 44.0 and -8.5 < lon < -7.0
    assert index.region_point([]) is None


@pytest.mark.parametrize("edited_file", [index.SUPPLEMENT, index.COUNTRIES, index.COUNTRY_POINTS,
                                         index.REGION_POINTS, index.ARTICLES])
def test_fingerprint_follows_the_data_files(monkeypatch, edited_file):
    before = index.fingerprint()
    real = index._data_text

    def edited(*parts):
        text = real(*parts)
        return text + "Newtown\t\t1\t1\tSY\t\tcity\t10\t\t\n" if parts == edited_file else text

    monkeypatch.setattr(index, "_data_text", edited)
    assert index.fingerprint() != before


def test_cache_dir_honours_env(monkeypatch, tmp_path):
    monkeypatch.setenv(index.CACHE_ENV, str(tmp_path))
    assert index.cache_dir() == tmp_path
    assert index.index_path().parent == tmp_path


# ---------------------------------------------------------------------------------------------------------
# the index
# ---------------------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def gaz(geoparser):
    return geoparser.gaz


def test_index_finds_spelling_variants(gaz):
    for name in ("Al Bab", "al-Bab", "El Bab", "Al-Bāb"):
        assert any(e.cc == "SY" and abs(e.lat - 36.37) < 0.1 for e in gaz.find(name)), name
    for name in ("Raqqa", "Ar Raqqah", "Rakka"):
        assert any(e.cc == "SY" and e.feature == gz.CITY and abs(e.lon - 39.0) < 0.2 for e in gaz.find(name)), name
    for name in ("Deir ez-Zor", "Deir al-Zour"):
        assert any(e.cc == "SY" and e.feature == gz.CITY for e in gaz.find(name)), name
    for name in ("Kobani", "Ayn al Arab"):
        assert any(e.cc == "SY" and abs(e.lat - 36.89) < 0.1 for e in gaz.find(name)), name


def test_index_has_the_supplement_and_regions(gaz):
    dabiq = gaz.find("Dabiq")
    assert dabiq and dabiq[0].cc == "SY"
    texas = [e for e in gaz.find("Texas") if e.feature == gz.ADMIN1]
    assert texas and texas[0].cc == "US"
    assert gaz.admin1("US", "TX").name == "Texas"
    assert any(e.feature == gz.ADMIN2 and e.cc == "US" for e in gaz.find("Laurel County"))
    assert gaz.country("SY").iso3 == "SYR"


def test_regions_answer_to_the_english_names_the_news_uses(gaz):
    for name, cc in (("Lower Shabelle", "SO"), ("Middle Shebelle", "SO"), ("Hiran", "SO"), ("Salahuddin", "IQ"),
                     ("Shabwa", "YE")):
        assert any(e.cc == cc and e.feature == gz.ADMIN1 for e in gaz.find(name)), name


def test_a_region_is_shown_by_its_english_name(gaz):
    # (the first alias GeoNames gives Nīnawá is another language's: "Neynəvə mühafəzəsi")
    assert gaz.admin1("IQ", "15").name == "Nineveh"


def test_index_loads_fast(gaz):
    import time

    t = time.perf_counter()
    gz.Gazetteer(gaz.path)
    assert time.perf_counter() - t < 5  # generous: the benchmark reports the real figure (< 1 s)


# ---------------------------------------------------------------------------------------------------------
# the geoparser
# ---------------------------------------------------------------------------------------------------------
def parse(nlp, geoparser, text):
    doc = nlp(text)
    return doc, geoparser.parse(doc)


def find(mentions, text):
    hits = [m for m in mentions if m.place.text == text]
    assert hits, f"{text!r} not found in {[m.place.text for m in mentions]}"
    return hits[0]


def test_al_bab_found_although_the_model_calls_it_a_person(nlp, geoparser):
    _, ms = parse(nlp, geoparser, "Turkish troops shelled Al Bab on Tuesday. Fighters in al-Bab said the town was "
                                  "surrounded, and residents fled from El Bab towards Manbij.")
    for text in ("Al Bab", "al-Bab", "El Bab"):
        m = find(ms, text)
        assert m.place.country == "SYR" and abs(m.place.lat - 36.37) < 0.1
        assert m.kind == places.LITERAL
    assert find(ms, "Turkish").kind == places.ADJECTIVE
    assert find(ms, "Turkish").place.country == "TUR"


def test_offsets_point_at_the_words(nlp, geoparser):
    text = "Rebels said they had entered Rakka and were advancing on Deir al-Zour."
    _, ms = parse(nlp, geoparser, text)
    for m in ms:
        assert text[m.start:m.end] == m.place.text
    assert find(ms, "Rakka").place.country == "SYR"
    assert find(ms, "Deir al-Zour").place.country == "SYR"


# one sentence, one place, one attribute: (what it shows, text, place text, {attribute: expected})
ONE_PLACE_CASES = [
    ("homs is the syrian city", "Government aircraft bombed Homs and Hama on Friday, activists said.", "Homs",
     {"country": "SYR", "feature": gz.CITY}),
    ("supplement place dabiq", "Rebels backed by Turkey captured the village of Dabiq from Islamic State.", "Dabiq",
     {"country": "SYR"}),
    ("a place opening an organisation is not taken for a person",
     "The delegation stayed in Abuja, and the Abuja Chamber of Commerce and Industry hosted it.", "Abuja",
     {"country": "NGA"}),
    # Buffalo is American, but Toronto, Ontario dwarfs Toronto, Ohio
    ("a big city is not dragged to a small namesake", "Fans gathered in Toronto and Buffalo to watch the game.",
     "Toronto", {"country": "CAN"}),
    ("a town before its state is found even where the model sees a surname",
     "Greer, South Carolina, opened a new park. Mayor Rick Danner said Downtown Greer was busier than ever.",
     "Greer", {"admin1": "South Carolina"}),
    ("the name after a street address is a town",
     "The service is at the Church of the Brethren, 400 S. Locust St., Lebanon.", "Lebanon", {"feature": gz.CITY}),
]


@pytest.mark.parametrize("text,name,expected", [c[1:] for c in ONE_PLACE_CASES],
                         ids=[c[0].replace(" ", "_") for c in ONE_PLACE_CASES])
def test_one_place(nlp, geoparser, text, name, expected):
    _, ms = parse(nlp, geoparser, text)
    place = find(ms, name).place
    for attr, value in expected.items():
        assert getattr(place, attr) == value, attr


def test_tripoli_lebanon_or_libya_from_context(nlp, geoparser):
    _, ms = parse(nlp, geoparser, "Gunmen clashed overnight in Tripoli, the port city in northern Lebanon, and the "
                                  "army sent reinforcements from Beirut.")
    assert find(ms, "Tripoli").place.country == "LBN"
    _, ms = parse(nlp, geoparser, "Rival militias fought near Tripoli airport as the government in Benghazi and "
                                  "commanders in Misrata traded accusations across Libya.")
    assert find(ms, "Tripoli").place.country == "LBY"


def test_paris_texas_and_paris_france(nlp, geoparser):
    _, ms = parse(nlp, geoparser, "A tornado tore through Paris, Texas, late on Monday, destroying a school.")
    paris = find(ms, "Paris")
    assert paris.place.country == "USA" and paris.place.admin1 == "Texas"
    _, ms = parse(nlp, geoparser, "Police fired tear gas at protesters in Paris on Saturday, the French interior "
                                  "ministry said.")
    assert find(ms, "Paris").place.country == "FRA"


def test_georgia_state_or_country_from_context(nlp, geoparser):
    _, ms = parse(nlp, geoparser, "Storms flooded roads in Savannah and Macon, and the governor of Georgia declared an "
                                  "emergency in Atlanta.")
    assert find(ms, "Georgia").place.country == "USA"
    _, ms = parse(nlp, geoparser, "Russian tanks rolled into Georgia from South Ossetia, and jets bombed Gori near "
                                  "Tbilisi.")
    assert find(ms, "Georgia").place.country == "GEO"


def test_town_state_abbreviation(nlp, geoparser):
    _, ms = parse(nlp, geoparser, "The suspect was arrested in Athens, Ga., on Tuesday.")
    athens = find(ms, "Athens")
    assert athens.place.country == "USA" and athens.place.admin1 == "Georgia"
    assert find(ms, "Ga.").place.feature == gz.ADMIN1


def test_kinds_metonym_demonym_adjective(nlp, geoparser):
    _, ms = parse(nlp, geoparser, "Ankara said on Monday that Nigerians living abroad could vote. A Paris-based "
                                  "firm signed the contract.")
    assert find(ms, "Ankara").kind == places.METONYM
    nig = find(ms, "Nigerians")
    assert nig.kind == places.DEMONYM and nig.place.country == "NGA"
    assert find(ms, "Paris").kind == places.ADJECTIVE


def test_place_named_actor_is_not_a_literal_location(nlp, geoparser):
    _, ms = parse(nlp, geoparser, "The Aleppo Governorate Council condemned the shelling of Azaz.")
    aleppo = [m for m in ms if (m.place.text or "").startswith("Aleppo")]
    assert aleppo and aleppo[0].place.country == "SYR" and aleppo[0].kind != places.LITERAL
    assert find(ms, "Azaz").kind == places.LITERAL


def test_person_names_are_not_places(nlp, geoparser):
    _, ms = parse(nlp, geoparser, "President Recep Tayyip Erdogan spoke to reporters. Erdogan said the talks went "
                                  "well.")
    assert not [m for m in ms if m.place.text == "Erdogan"]


def test_generic_words_are_not_places(nlp, geoparser):
    _, ms = parse(nlp, geoparser, "The Central Bank raised rates. West of the river, Human rights groups met.")
    texts = {m.place.text for m in ms}
    assert "Central" not in texts and "Human" not in texts and "West" not in texts


# ---------------------------------------------------------------------------------------------------------
# event locations
# ---------------------------------------------------------------------------------------------------------
def candidate(doc, trigger_word: str) -> EventCandidate:
    trig = next(t for t in doc if t.text == trigger_word)
    return EventCandidate(sentence=trig.sent, trigger=trig, event_type="Battles", sub_event_type="Armed clash",
                          plover_event="ASSAULT")


def test_location_comes_from_literal_places_only(nlp, geoparser):
    doc, ms = parse(nlp, geoparser, "Turkish forces clashed with Islamic State fighters in Al Bab on Wednesday.")
    loc = geoparser.locate(doc, ms, candidate(doc, "clashed"))
    assert loc is not None and loc.country == "SYR" and loc.precision == 1


def test_relative_location_lowers_precision(nlp, geoparser):
    doc, ms = parse(nlp, geoparser, "Jets struck villages on the southern outskirts of Al Bab on Monday.")
    loc = geoparser.locate(doc, ms, candidate(doc, "struck"))
    assert loc.country == "SYR" and loc.precision == 2
    doc, ms = parse(nlp, geoparser, "Fighting raged in northern Syria on Monday.")
    loc = geoparser.locate(doc, ms, candidate(doc, "Fighting"))
    assert loc.country == "SYR" and loc.precision == 3


def test_location_falls_back_to_the_article_main_place(nlp, geoparser):
    doc, ms = parse(nlp, geoparser, "Residents of Manbij described the week. Two people were killed on Sunday.")
    loc = geoparser.locate(doc, ms, candidate(doc, "killed"))
    assert loc is not None and loc.country == "SYR" and loc.name == "Manbij"


def test_no_place_no_location(nlp, geoparser):
    doc, ms = parse(nlp, geoparser, "Two people were killed on Sunday.")
    assert geoparser.locate(doc, ms, candidate(doc, "killed")) is None


def test_ruler_patterns_are_few_and_include_the_supplement(geoparser):
    pats = geoparser.ruler_patterns()
    assert places.geoparser_ruler_patterns(geoparser) == pats
    assert 10 < len(pats) < 20000
    assert any(p["pattern"] == "Dabiq" for p in pats)
    assert any(p["pattern"] == "al-Bab" for p in pats)


def test_streets_sit_at_the_article_town(nlp, geoparser):
    _, ms = parse(nlp, geoparser, "A car exploded on Main Street in Dublin, Ohio, on Sunday, and Highway 33 was "
                                  "closed.")
    street = find(ms, "Main Street")
    assert street.place.feature == "street" and street.place.country == "USA" and street.place.precision == 2
    assert find(ms, "Dublin").place.admin1 == "Ohio"
    assert find(ms, "Highway 33").place.country == "USA"


def test_town_comma_state_names_the_state(nlp, geoparser):
    _, ms = parse(nlp, geoparser, "Police in Rochester, New York, arrested two men on Friday.")
    assert find(ms, "Rochester").place.admin1 == "New York"
    assert find(ms, "New York").place.feature == gz.ADMIN1


def test_dotted_state_abbreviation_inside_a_name(nlp, geoparser):
    _, ms = parse(nlp, geoparser, "A trooper with the S.C. Highway Patrol was hurt near Greer, South Carolina.")
    assert find(ms, "S.C.").place.admin1 == "South Carolina"
    assert find(ms, "Greer").place.admin1 == "South Carolina"


def test_one_sense_per_article(nlp, geoparser):
    text = ("Dabiq fell on Sunday. Rebels said Dabiq had been emptied. Dabiq residents returned on Monday.")
    _, ms = parse(nlp, geoparser, text)
    assert len([m for m in ms if m.place.text == "Dabiq"]) == 3


def test_a_given_name_before_a_surname_is_a_person_not_a_town(nlp, geoparser):
    _, ms = parse(nlp, geoparser, "Nadia Moayyad of Southlake said her mother loved the garden. Casey Enright agreed.")
    texts = {m.place.text for m in ms}
    assert "Nadia" not in texts and "Casey" not in texts


def test_a_list_of_counties_names_each_county(nlp, geoparser):
    _, ms = parse(nlp, geoparser, "Girls from Cooke, Grayson and Love counties will compete in Denison on Saturday.")
    assert find(ms, "Cooke").place.feature == gz.ADMIN2
    assert find(ms, "Grayson").place.admin1 == "Texas"
    assert find(ms, "Love").place.admin1 == "Oklahoma"


def test_streets_are_found_before_towns_inside_them(nlp, geoparser):
    text = ("The crash happened on Lancaster Avenue in Richmond, Kentucky. Goodwin and Pinevale streets were "
            "closed for an hour.")
    _, ms = parse(nlp, geoparser, text)
    assert find(ms, "Lancaster Avenue").place.feature == "street"
    assert not any(m.place.text == "Lancaster" for m in ms)
    assert find(ms, "Pinevale").place.admin1 == "Kentucky"
    assert find(ms, "Goodwin").place.feature == "street"


def test_a_town_and_its_county_agree(nlp, geoparser):
    text = ("A Richmond man was charged on Sunday after a crash. He was lodged in the Madison County Detention "
            "Center, Richmond police said.")
    _, ms = parse(nlp, geoparser, text)
    assert find(ms, "Richmond").place.admin1 == "Kentucky"
    assert find(ms, "Madison County").place.admin1 == "Kentucky"


def test_a_party_label_names_the_state(nlp, geoparser):
    _, ms = parse(nlp, geoparser, "\"These bonuses are a waste,\" said Rep. Earl Pomeroy, D-N.D., on Tuesday.")
    nd = find(ms, "N.D.")
    assert nd.place.admin1 == "North Dakota" and nd.kind == "adjective"


def test_spacing_variants_of_a_name(nlp, geoparser):
    _, ms = parse(nlp, geoparser, "Deputies in DeSoto Parish found the car near Mansfield on Monday.")
    parish = find(ms, "DeSoto Parish")
    assert parish.place.feature == gz.ADMIN2 and parish.place.admin1 == "Louisiana"
    assert find(ms, "Mansfield").place.admin1 == "Louisiana"


def test_spacing_variants_keys():
    assert names.spacing_variants("De Soto Parish") == {"desoto parish"}
    assert names.spacing_variants("DeKalb County") == {"de kalb county"}
    assert names.spacing_variants("Los Angeles") == set()


def test_a_longer_name_around_the_model_s_entity_wins(nlp, geoparser):
    _, ms = parse(nlp, geoparser, "The fire in St. Paris, Ohio, destroyed a barn near Urbana on Tuesday.")
    assert any(m.place.name == "Saint Paris" and m.place.admin1 == "Ohio" for m in ms)
    assert not any(m.place.name == "Paris" for m in ms)


def test_the_article_style_votes_for_a_country(geoparser):
    style_votes = geoparser.words.style_votes
    assert style_votes("Police said the crash happened at 9:37 a.m. on Sept. 26 on Interstate 75.")["US"] > 0
    assert style_votes("The council spent £40,000 on the centre, councillors said.")["GB"] > 0
    assert not style_votes("Rebels shelled the town on Tuesday.")


def test_a_local_story_s_style_decides_an_otherwise_unresolvable_town(nlp, geoparser):
    text = ("Berea police are searching for a suspect in a robbery. The victim was robbed at 9:30 p.m. in the 800 "
            "block of Candlewood Drive, Berea police said on Sept. 3.")
    _, ms = parse(nlp, geoparser, text)
    assert find(ms, "Berea").place.country == "USA"


def test_town_comma_country_reads_the_country_that_holds_the_town(nlp, geoparser):
    # "Georgia" alone could be the US state; after Tbilisi it is the country, and so is every later "Georgia"
    _, ms = parse(nlp, geoparser, "TBILISI, Georgia -- Police detained four men on Monday. Georgia says the men "
                                  "planned to bomb a bridge.")
    georgias = [m for m in ms if m.place.text == "Georgia"]
    assert len(georgias) == 2 and all(m.place.country == "GEO" for m in georgias)


def test_a_name_reads_the_same_throughout_an_article(nlp, geoparser):
    _, ms = parse(nlp, geoparser, "Firefighters in Paris, Texas, put out a kitchen fire on Main Street. Paris police "
                                  "said nobody was hurt, and the Paris fire chief praised the crew.")
    parises = [m for m in ms if m.place.text == "Paris"]
    assert len(parises) >= 2 and all(m.place.admin1 == "Texas" for m in parises)


def test_a_longer_name_turned_down_is_not_read_by_its_last_word(nlp, geoparser):
    # the model calls "Great Bend" an organisation here; "Bend" alone (Oregon) must not be read instead
    _, ms = parse(nlp, geoparser, "Shelters opened in Dodge City, Great Bend, Hutchinson and Pratt after the storm.")
    assert all(m.place.name != "Bend" for m in ms)


def test_the_sea_not_the_town_after_the(nlp, geoparser):
    _, ms = parse(nlp, geoparser, "Forecasters in Miami said warm water in the tropical Atlantic could feed more "
                                  "hurricanes this year.")
    atlantic = find(ms, "Atlantic")
    assert atlantic.place.feature == "water" and atlantic.place.country in (None, "")


def test_a_border_names_the_state(nlp, geoparser):
    _, ms = parse(nlp, geoparser, "The co-op serves farms from Chattanooga to the Kentucky border.")
    kentucky = find(ms, "Kentucky")
    assert kentucky.place.feature == gz.ADMIN1 and kentucky.place.admin1 == "Kentucky"


def test_city_suffix_finds_the_city_by_its_own_name(nlp, geoparser):
    _, ms = parse(nlp, geoparser, "The prime minister spoke to reporters in Quebec City on Thursday.")
    quebec = find(ms, "Quebec City")
    assert quebec.place.country == "CAN" and quebec.place.feature == gz.CITY


def _town(id_: int, cc: str, population: int) -> gz.Entry:
    return gz.Entry(id=id_, geonameid=None, name="Big", feature=gz.CITY, cc=cc, iso3=None, admin1=None,
                    admin1_name=None, admin2=None, lat=float(id_), lon=float(id_), population=population)


def test_a_town_dominates_only_namesakes_far_smaller_than_itself():
    big, small, near = _town(1, "CA", 2_000_000), _town(2, "US", 5_000), _town(3, "US", 500_000)
    assert dominant_town((big, small), frozenset()) is big
    assert dominant_town((big, small, near), frozenset()) is None  # a namesake of comparable size
    assert dominant_town((big, small), frozenset({1})) is None  # only an alternate name: no claim


def test_a_town_before_a_resident_word_is_a_place_even_in_an_organisation(nlp, geoparser):
    _, ms = parse(nlp, geoparser, "A Danbury stonework mason was arraigned on Monday. The Danbury man denied the "
                                  "charge.")
    danburys = [m for m in ms if m.place.text == "Danbury"]
    assert len(danburys) == 2 and all(m.place.admin1 == "Connecticut" for m in danburys)


def test_a_resident_word_does_not_cut_a_longer_name(nlp, geoparser):
    _, ms = parse(nlp, geoparser, "A Meadow Grove man was hurt when his tractor rolled over on Tuesday.")
    assert all(m.place.text != "Grove" for m in ms)


def test_hyphenated_names_the_model_cut(nlp, geoparser):
    _, ms = parse(nlp, geoparser, "Miami-Dade police said the school in southwest Miami-Dade was closed.")
    dade = [m for m in ms if m.place.text == "Miami-Dade"]
    assert len(dade) == 2 and all(m.place.admin1 == "Florida" for m in dade)
    assert all(m.place.text not in ("Miami", "Dade") for m in ms)


def test_a_us_highway_number_leaves_us_to_the_country(nlp, geoparser):
    _, ms = parse(nlp, geoparser, "Crews reopened U.S. 54 west of Pratt and Highway 19 near Larned.")
    assert find(ms, "U.S.").place.feature == gz.COUNTRY
    assert find(ms, "Highway 19").place.feature == "street"


def test_a_leader_s_name_before_administration_is_not_a_town(nlp, geoparser):
    _, ms = parse(nlp, geoparser, "The Obama administration did not consider the plan, officials in Damascus said.")
    assert all(m.place.text != "Obama" for m in ms)
    assert find(ms, "Damascus").place.country == "SYR"


def test_a_town_opening_the_model_s_person_stays_a_place(nlp, geoparser):
    # the small model calls "Huntsville Fire" a person; "Huntsville" is no given name, so it stays a town
    _, ms = parse(nlp, geoparser, "The ban was lifted after talks with Huntsville Fire Chief Tom Grisham. Residents of "
                                  "Huntsville may burn again.")
    assert len([m for m in ms if m.place.text == "Huntsville"]) >= 1


def test_a_place_s_conjunct_is_a_place(nlp, geoparser):
    # "Avondale Estates" is small and the model calls it an organisation; after "Decatur and" it is a town, and
    # the pair agrees on Georgia
    _, ms = parse(nlp, geoparser, "State legislators will review an annexation plan for Decatur and Avondale Estates.")
    assert find(ms, "Avondale Estates").place.admin1 == "Georgia"
    assert find(ms, "Decatur").place.admin1 == "Georgia"


def test_a_foreign_leader_s_given_name_is_not_a_town(nlp, geoparser):
    _, ms = parse(nlp, geoparser, "Vladimir Putin met the envoy in Moscow. Vladimir said nothing afterwards.")
    assert all(m.place.text != "Vladimir" for m in ms)


def test_the_gulf_is_the_sea_but_a_gulf_is_a_word(nlp, geoparser):
    _, ms = parse(nlp, geoparser, "Saudi Arabia cut ties with a fellow ally in the Gulf, Qatar.")
    assert find(ms, "Gulf").place.feature == "water"
    _, ms = parse(nlp, geoparser, "A gulf has opened between the two parties in Qatar.")
    assert all(m.place.text.lower() != "gulf" for m in ms)


def test_major_rivers_of_conflict_reports(nlp, geoparser):
    _, ms = parse(nlp, geoparser, "SDF fighters pushed east of the Euphrates, and Russian forces shelled villages "
                                  "across the Dnieper from Kherson.")
    assert find(ms, "Euphrates").place.feature == "water"
    assert find(ms, "Dnieper").place.feature == "water"
    assert find(ms, "Kherson").place.country == "UKR"


# ---------------------------------------------------------------------------------------------------------
# distances and data files
# ---------------------------------------------------------------------------------------------------------
def test_haversine_paris_london():
    assert abs(haversine_km(48.8566, 2.3522, 51.5074, -0.1278) - 344) < 1
    assert haversine_km(36.37, 37.52, 36.37, 37.52) == 0.0
    matrix = haversine_matrix_km([48.8566, 51.5074], [2.3522, -0.1278])
    assert abs(matrix[0, 1] - haversine_km(48.8566, 2.3522, 51.5074, -0.1278)) < 1e-6 and matrix[0, 0] == 0.0


def test_a_geoparser_without_language_reads_english(gaz):
    gp = places.Geoparser(gaz)
    assert gp.language.code == "en" and "gulf" in gp.words.not_places
    assert gp.words.admin_words["county"] == gz.ADMIN2


@pytest.fixture
def english_copy(tmp_path):
    """A copy of the English data to spoil, one file at a time."""
    import shutil

    root = tmp_path / "en"
    shutil.copytree(LANG_DIR / "en", root)
    return root


def _spoil(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_duplicate_not_places_word_names_the_file_and_line(english_copy):
    path = english_copy / "places" / "not_places.txt"
    _spoil(path, "\ngulf\n", "\ngulf\ngulf\n")
    line = path.read_text(encoding="utf-8").splitlines().index("gulf") + 2
    with pytest.raises(LanguageDataError, match=f"not_places.txt:{line}: duplicate entry 'gulf'"):
        PlaceWords(LanguageData("en", root=english_copy))


def test_a_missing_column_names_the_file_and_line(english_copy):
    path = english_copy / "places" / "admin_abbreviations.tsv"
    _spoil(path, "country\tadmin1\tabbreviations", "country\tadmin1\tabbrevs")
    with pytest.raises(LanguageDataError, match=r"admin_abbreviations.tsv:\d+: missing column\(s\) abbreviations"):
        PlaceWords(LanguageData("en", root=english_copy))


def test_a_duplicate_word_in_a_word_list_names_the_file_and_line(english_copy):
    path = english_copy / "places" / "words.yaml"
    _spoil(path, "  - frontier\n", "  - frontier\n  - border\n")
    with pytest.raises(LanguageDataError, match=r"words.yaml:\d+: 'border_words': duplicate word 'border'"):
        PlaceWords(LanguageData("en", root=english_copy))


def test_plural_admin_words_are_a_table(english_copy):
    assert PlaceWords(LanguageData("en", root=english_copy)).plural_admins == {"counties": "County", "parishes": "Parish"}
    path = english_copy / "places" / "plural_admin_words.tsv"
    _spoil(path, "parishes\tParish", "counties\tParish")
    with pytest.raises(LanguageDataError, match=r"plural_admin_words.tsv:\d+: duplicate plural 'counties'"):
        PlaceWords(LanguageData("en", root=english_copy))


# ---------------------------------------------------------------------------------------------------------
# text without normal capitals (archives, OCR, feeds): sentences written for these tests
# ---------------------------------------------------------------------------------------------------------
def recased(text: str, casing: str) -> str:
    return text.lower() if casing == "lower" else text.upper()


def place_names(ms) -> dict[str, str]:
    return {(m.place.text or "").lower(): m.place.country for m in ms}


def test_the_casing_of_a_text_is_measured_once_on_its_words():
    from eventwire.extraction.places.casing import LOWER, NORMAL, UPPER, text_casing

    assert text_casing("Gunmen attacked a market in Kano on Sunday, police said.") == NORMAL
    assert text_casing("gunmen attacked a market in kano on sunday, police said.") == LOWER
    assert text_casing("GUNMEN ATTACKED A MARKET IN KANO ON SUNDAY, POLICE SAID.") == UPPER
    assert text_casing("KANO (Reuters) - Gunmen attacked a market on Sunday, police said.") == NORMAL
    assert text_casing("in kano") == NORMAL  # too few words to tell


@pytest.mark.parametrize("casing", ["lower", "upper"])
def test_uncased_text_still_finds_towns_and_states(nlp, geoparser, casing):
    _, ms = parse(nlp, geoparser, recased("Gunmen killed five villagers near Maiduguri in Borno State on Sunday, "
                                          "and a bomb went off in Kabul.", casing))
    found = place_names(ms)
    assert found.get("maiduguri") == "NGA" and found.get("kabul") == "AFG"
    assert any(k.startswith("borno") and v == "NGA" for k, v in found.items())


@pytest.mark.parametrize("casing", ["lower", "upper"])
def test_uncased_common_words_and_currencies_are_not_places(nlp, geoparser, casing):
    _, ms = parse(nlp, geoparser, recased("It was a nice day for a march. The rand and the naira fell against the "
                                          "dollar after a car bomb in Harare.", casing))
    found = place_names(ms)
    assert found == {"harare": "ZWE"}


@pytest.mark.parametrize("casing", ["normal", "lower", "upper"])
def test_a_disease_named_after_a_place_is_not_a_place(nlp, geoparser, casing):
    text = "An outbreak of Lassa fever and of Rift Valley fever killed twelve people in Kenya, officials said."
    _, ms = parse(nlp, geoparser, text if casing == "normal" else recased(text, casing))
    found = place_names(ms)
    assert "lassa" not in found and not any("rift" in k for k in found)
    assert found.get("kenya") == "KEN"


@pytest.mark.parametrize("casing", ["lower", "upper"])
def test_an_uncased_weak_name_far_from_the_article_focus_is_dropped(nlp, geoparser, casing):
    _, ms = parse(nlp, geoparser, recased("Afghan troops fought the Taliban in Helmand province on Monday. The "
                                          "fighters later fled towards Bodo, officials said.", casing))
    assert {m.place.country for m in ms} == {"AFG"}


def test_a_place_abroad_does_not_set_the_actors_country_against_the_article_s(pipeline):
    # a capital abroad: a small town there that nothing else points to is read as a namesake in Nigeria (contain.py)
    events = pipeline.extract("Soldiers clashed with gunmen in Maiduguri and in Kano on Monday. On Tuesday "
                              "soldiers clashed with gunmen in Oslo.", published="2020-05-01")
    abroad = [e for e in events if e.location is not None and e.location.country == "NOR"]
    assert abroad and all(e.actor1 is None or e.actor1.country in (None, "NGA") for e in abroad)


@pytest.mark.parametrize("casing", ["lower", "upper"])
def test_uncased_given_names_are_people_but_regions_and_conjuncts_are_places(nlp, geoparser, casing):
    _, ms = parse(nlp, geoparser, recased("Douglas and Elizabeth met reporters on Monday. Storms hit Houston and "
                                          "Pasadena.", casing))
    found = place_names(ms)
    assert "douglas" not in found and "elizabeth" not in found
    assert found.get("houston") == "USA" and found.get("pasadena") == "USA"
    _, ms = parse(nlp, geoparser, recased("Talks on the West Bank and Gaza stalled on Monday.", casing))
    found = place_names(ms)
    assert any(k.endswith("west bank") for k in found) and "gaza" in found


@pytest.mark.parametrize("casing", ["normal", "lower", "upper"])
def test_a_district_known_only_by_an_alternate_name_is_read_by_its_bare_name(nlp, geoparser, casing):
    text = "A grenade attack on a police camp in the Samba District left an officer dead."
    _, ms = parse(nlp, geoparser, text if casing == "normal" else recased(text, casing))
    assert {m.place.country for m in ms} == {"IND"}


@pytest.mark.parametrize("casing", ["lower", "upper"])
def test_uncased_transliteration_after_in_is_read_but_an_english_word_is_not(nlp, geoparser, casing):
    _, ms = parse(nlp, geoparser, recased("Two bombs went off near a market in Diwaniyah on Friday.", casing))
    assert {m.place.country for m in ms} == {"IRQ"}
    _, ms = parse(nlp, geoparser, recased("Officials spoke in detail and in earnest on Friday.", casing))
    assert ms == []


def test_a_surname_that_is_also_a_place_is_a_surname_but_a_two_word_place_stays(nlp, geoparser):
    _, ms = parse(nlp, geoparser, "Police in Madrid arrested Eva Forest, a writer accused of helping the militants.")
    assert {m.place.country for m in ms} == {"ESP"}
    _, ms = parse(nlp, geoparser, "Police in Glen Burnie arrested two men after the shooting on Monday.")
    assert any(m.place.text == "Glen Burnie" and m.place.country == "USA" for m in ms)


@pytest.mark.parametrize("casing", ["normal", "lower", "upper"])
def test_the_end_of_a_name_after_al_is_no_town_of_its_own(nlp, geoparser, casing):
    text = "Government jets struck a market in Maarat al-Numan in Idlib province, killing 15 people."
    _, ms = parse(nlp, geoparser, text if casing == "normal" else recased(text, casing))
    assert {m.place.country for m in ms} == {"SYR"}
    if casing == "normal":
        assert find(ms, "Maarat al-Numan").place.country == "SYR"


def test_an_air_base_the_news_names_is_a_place(nlp, geoparser):
    _, ms = parse(nlp, geoparser, "A suicide bomber attacked a convoy near Bagram Air Base on Wednesday.")
    assert find(ms, "Bagram Air Base").place.country == "AFG"


@pytest.mark.parametrize("casing", ["lower", "upper"])
def test_uncased_state_abbreviation_only_after_a_town_of_the_state(nlp, geoparser, casing):
    _, ms = parse(nlp, geoparser, recased("Police in Madrid arrested a writer accused of helping the militants, on "
                                          "Tuesday.", casing))
    assert {m.place.country for m in ms} == {"ESP"}  # "ON" after a comma is no Ontario
    _, ms = parse(nlp, geoparser, recased("A gunman opened fire at a mall in Pittsburgh, PA on Saturday.", casing))
    assert {m.place.name for m in ms} == {"Pittsburgh", "Pennsylvania"}


@pytest.mark.parametrize("casing", ["normal", "lower", "upper"])
def test_uncased_text_keeps_the_longer_name_and_the_names_the_model_dated(nlp, geoparser, casing):
    def recase(text):
        return text if casing == "normal" else recased(text, casing)

    _, ms = parse(nlp, geoparser, recase("An outbreak in the Democratic Republic of Congo killed 30 people in "
                                         "North Kivu, officials said."))
    assert {m.place.country for m in ms} == {"COD"}
    _, ms = parse(nlp, geoparser, recase("A man was shot dead in a bar in Manchester late on Friday, and two "
                                         "suspects were arrested in Salford."))
    assert place_names(ms).get("salford") == "GBR"


@pytest.mark.parametrize("casing", ["lower", "upper"])
def test_uncased_weak_names_keep_the_country_two_of_them_agree_on(nlp, geoparser, casing):
    _, ms = parse(nlp, geoparser, recased("Police arrested Jack Lincoln and Mary Chester, both of Denver, after the "
                                          "robbery of a bank in Aurora.", casing))
    assert {m.place.country for m in ms} == {"USA"}


@pytest.mark.parametrize("casing", ["lower", "upper"])
@pytest.mark.parametrize("text", [
    "Heavy rain hit Nairobi on Monday; shops in Mombasa stayed shut and the shilling weakened.",
    "Militants stormed a checkpoint outside Peshawar, killing four policemen, a day after a bombing in Quetta.",
    "Troops killed 12 fighters near Kismayo, the army said, a day after a car bomb in Mogadishu.",
    "Farmers in Punjab blocked roads for a second day and police in Amritsar arrested 40 of them.",
    "A court in Ankara sentenced a journalist to five years; rights groups in Istanbul condemned the verdict.",
    "The fighting spread to Marib and Taiz, officials said, as jets struck Sanaa.",
])
def test_uncased_twins_find_the_places_of_the_cased_text(nlp, geoparser, casing, text):
    _, cased_ms = parse(nlp, geoparser, text)
    _, ms = parse(nlp, geoparser, recased(text, casing))
    assert place_names(ms) == place_names(cased_ms)


@pytest.mark.parametrize("casing", ["lower", "upper"])
def test_uncased_english_noun_used_as_a_noun_is_no_place(nlp, geoparser, casing):
    _, ms = parse(nlp, geoparser, recased("The library held its annual book sale on Monday. The sale of the old "
                                          "hall was approved by the council.", casing))
    assert "sale" not in place_names(ms)
    _, ms = parse(nlp, geoparser, recased("Russian jets struck Damascus on Monday, killing ten.", casing))
    assert place_names(ms).get("damascus") == "SYR"


@pytest.mark.parametrize("casing", ["lower", "upper"])
def test_uncased_given_names_are_no_small_parishes_abroad(nlp, geoparser, casing):
    _, ms = parse(nlp, geoparser, recased("Michael Smith and Paul Jones spoke to reporters in Fairfield on Monday "
                                          "about the plan.", casing))
    assert "michael" not in place_names(ms) and "paul" not in place_names(ms)
