"""Death counts of lists the parser splits up: appositions that run on, brackets, parts that are the count."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def count(nlp, pipeline):
    def count(text):
        found = pipeline.fatality_counter.find(nlp(text)[:])
        return None if found is None else found.count
    return count


@pytest.mark.parametrize("expected, text", [
    (7, "Three Malians, two Nigeriens, one Chadian and one Togolese were killed in the ambush."),
    (9, "Four Kenyans, one Ugandan, one Afghan and three Somalis died in the explosion."),
    (2, "Two persons, a policeman and a civilian, were killed."),
    (33, "18 soldiers (including a colonel) and 15 civilians were killed in the raid."),
    (20, "20 people (including 8 peacekeepers and 12 soldiers) were killed."),
    (2, "The gunman killed two of them before he fled."),
    (5, "Five people were killed, two of them children."),
    (12, "Bombs killed 12 people, three of whom were police officers."),
    (14, "A bomber blew himself up at a bank, killing four guards working for a security firm and ten customers."),
    (3, "Gunmen killed three guards protecting the mayor and his two sons."),
])
def test_list_counts(count, expected, text):
    assert count(text) == expected


@pytest.mark.parametrize("expected, text", [
    (2, "One guard was killed on the spot, while his colleague died of his injuries in hospital."),
    (7, "Four soldiers were killed, while three attackers were shot dead."),
    (4, "Four people were killed while trying to flee the village."),
    (2, "Two soldiers were killed while three others were wounded."),
])
def test_a_while_of_contrast_adds_its_dead(count, expected, text):
    assert count(text) == expected
