"""Headline English of front-line reports: verbless headlines, a violence noun set at a place, present tense
for past events, and headline verbs the tagger misreads as nouns or auxiliaries; each gives its event, and the
same words about contests, careers or illness give none."""

import pytest

VIOLENT = ("Battles", "Explosions/Remote violence", "Violence against civilians")


@pytest.fixture(scope="module")
def violent(pipeline):
    def run(text, published="2024-03-11"):
        return [e for e in pipeline.extract(text, published=published)
                if e.modality == "asserted" and e.event_type in VIOLENT]

    return run


@pytest.mark.parametrize("text", [
    "Casualties in the western districts of Benghazi",
    "Explosions in the outskirts of Kandahar city",
    "Bombardment in the hills above Kandahar",
])
def test_a_verbless_headline_of_harm_at_a_place_is_an_event(violent, text):
    assert violent(text)


@pytest.mark.parametrize("text", [
    "Shelling resumed on villages east of Sirte",  # the gerund subject, read as a verb or an auxiliary
    "Clashes rage on the outskirts of Sirte between rival militias",  # "clashes rage" read as one noun phrase
    "Regime helicopters bombard villages in the northern countryside of Hama",  # "bombard" read as a noun
])
def test_a_headline_verb_misread_by_the_tagger_keeps_its_event(violent, text):
    assert violent(text)


@pytest.mark.parametrize("text, event_type", [
    ("Human losses in Kandahar province", "Violence against civilians"),
    ("Losses in army ranks near Kandahar", "Battles"),
    ("Militants carry out mass executions in a village near Mosul", "Violence against civilians"),
    ("Roadside mines claim the lives of three shepherds near Sirte", "Explosions/Remote violence"),
    ("Army takes control of two villages south of Sirte", "Battles"),
])
def test_headline_wordings_of_killing_and_capture(violent, text, event_type):
    assert [e.event_type for e in violent(text)] == [event_type]


@pytest.mark.parametrize("text", [
    "A budget battle in Ohio",
    "Flu deaths in Texas rise",
    "Ministers clashed in Brussels over the budget",
    "Career advancement in Paris is slow",
    "Heavy losses in the Asian market",
    "Farmers fight drought in Kenya",
    "The company reported losses in Texas",
    "The company completed the execution of its plan in Paris",
])
def test_contests_careers_and_illness_at_a_place_are_no_violence(violent, text):
    assert not violent(text)


@pytest.mark.parametrize("text, places", [
    ("Air strikes on Kandahar and Herat kill five", 2),
    ("Casualties in Benghazi, Sirte and Misrata", 3),
    ("Two explosions in the outskirts of Mosul and the southern countryside of Kirkuk", 2),
    ("Clashes in Aden between government troops and separatists", 1),
])
def test_violence_at_coordinated_places_is_an_event_at_each(violent, text, places):
    events = violent(text)
    assert len(events) == places
    assert len({e.location.name for e in events}) == places
    assert len({e.event_id for e in events}) == places


def test_the_toll_of_several_places_stays_with_the_first(violent):
    first, second = violent("Air strikes on Kandahar and Herat kill five")
    assert first.fatalities == 5 and not second.fatalities


@pytest.mark.parametrize("text, sub", [
    ("More than 300 air and ground strikes hit the southern countryside of Idlib on the tenth day", "Air/drone strike"),
    ("Rocket strikes on villages near Kandahar", "Shelling/artillery/missile attack"),
])
def test_strikes_of_weapons_are_no_labour_strikes(violent, text, sub):
    assert [e.sub_event_type for e in violent(text)] == [sub]


def test_an_event_noun_joined_by_and_with_a_place_of_its_own_is_a_second_event(violent):
    text = "Casualties in air strikes on the countryside of Idlib and continuous clashes at the outskirts of Aleppo"
    assert {e.event_type for e in violent(text)} == {"Explosions/Remote violence", "Battles"}


def test_martyrs_are_a_conflict_word_for_a_weak_trigger(violent):
    assert violent("Martyrs and wounded in raids on villages east of Kandahar")


def test_truce_breaches_are_fighting(violent):
    assert [e.event_type for e in violent("Truce breaches continue in the south of the country")] == ["Battles"]
