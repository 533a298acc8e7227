"""A person hit by name whom the actor catalogue does not know is a civilian, as ACLED codes one, unless the report
gives him an armed role: "gunmen shot dead Juan Perez" is an attack on a civilian (Violence against civilians),
not a clash with an unknown armed group. The name is the person's, without the verb's result ("shot dead").

Every sentence was written for these tests (invented names, several countries)."""

from __future__ import annotations

import pytest

from probes import acled_events

VAC = "Violence against civilians"
BATTLES = "Battles"


def _hit(pipeline, text):
    found = [e for e in acled_events(pipeline, text) if e.actor2 is not None]
    assert found, text
    return max(found, key=lambda e: e.confidence)


@pytest.mark.parametrize("text, name", [
    ("Gunmen shot dead Julio Arango in Tumaco on Monday.", "Julio Arango"),
    ("Unknown attackers killed Maria Lopez, 34, outside her shop in Buenaventura.", "Maria Lopez"),
    ("Gunmen opened fire on Hassan Abdi outside his home in Beledweyne, killing him.", "Hassan Abdi"),
    ("Assailants stabbed Oleksandr Marchuk to death in a park in Kharkiv.", "Oleksandr Marchuk"),
    ("Gunmen shot dead Ramon Ibarra, a former councillor, near Cali.", "Ramon Ibarra"),
])
def test_a_person_hit_by_name_is_a_civilian(pipeline, text, name):
    event = _hit(pipeline, text)
    assert event.event_type == VAC, (event.event_type, event.sub_event_type)
    assert event.actor2.sector == "CVL"
    assert event.actor2.name == name


@pytest.mark.parametrize("text", [
    "Troops shot dead Abu Tariq, a senior rebel commander, near Kidal.",
    "Soldiers killed Idris Barre, a militant fighter, in a raid near Marka.",
])
def test_an_armed_role_told_of_the_person_stands(pipeline, text):
    event = _hit(pipeline, text)
    assert event.event_type == BATTLES, (event.event_type, event.sub_event_type)
    assert event.actor2.sector != "CVL"
