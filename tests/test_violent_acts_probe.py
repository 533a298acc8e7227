"""Probes of violent acts that must give a record: abductions by kidnappers, killings told by their means (buried
alive, executed by drowning, hacked to death, lynched, set ablaze), killings by unnamed men, and the state's forces
killed in fights with smugglers or gangs. Each must give an asserted ACLED event of the expected type. Their near
misses (ordinary crime against one person, accidents, burials, drownings, court cases) must give none.

Every sentence was written for these tests (real and invented names, many countries, wire, local and headline
styles, active and passive); none comes from an evaluation set. `python tests/test_violent_acts_probe.py` prints
what each gives."""

from __future__ import annotations

import pytest

from probes import acled_events

ABDUCTION = "Abduction/forced disappearance"
VAC = "Violence against civilians"

# (text, an accepted event type or sub-event type of some asserted event)
EVENTS = [
    # -- kidnappers carrying off groups, aid workers, clergy
    ("Kidnappers abducted three aid workers in the north of the country on Monday.", ABDUCTION),
    ("Three aid workers were abducted by kidnappers in Darfur on Wednesday.", ABDUCTION),
    ("Kidnappers seized two Chinese engineers working on a road project in Cameroon's Far North region.", VAC),
    ("Kidnappers seized 15 passengers from a bus on the Abuja-Kaduna highway on Monday.", ABDUCTION),
    ("Kidnappers abducted a Catholic priest on his way to Mass in Enugu state.", ABDUCTION),
    ("Boko Haram kidnappers seized 20 girls from a school in Borno state.", ABDUCTION),
    ("Unidentified kidnappers snatched a businessman outside his home in Port Harcourt.", ABDUCTION),
    ("Gunmen kidnapped a Catholic priest in Kaduna state on Sunday.", ABDUCTION),
    ("Armed bandits abducted 15 travellers on the Abuja-Kaduna highway.", ABDUCTION),
    ("Gunmen abducted the mayor of Lenqua and his driver on Thursday.", ABDUCTION),
    ("Kidnappers stormed a seminary in Kogi state and abducted four seminarians and two pupils.", ABDUCTION),
    ("Masked kidnappers snatched 12 villagers from their homes near Tillaberi overnight.", ABDUCTION),
    ("Kidnappers seize 30 worshippers from church in Zamfara", ABDUCTION),
    # -- killings told by their means
    ("Islamic State militants buried 30 prisoners alive near Mosul.", VAC),
    ("Villagers were buried alive by fighters of the Tarnovo Liberation Front, witnesses said.", VAC),
    ("The militia buried six farmers alive in a pit outside Djugu, survivors said.", VAC),
    ("The jihadists executed four captives by drowning them in a river in Deir ez-Zor.", VAC),
    ("Four captives were executed by drowning in the Euphrates, activists said.", VAC),
    # (an execution or a massacre is never an accident, whoever the killers are named as)
    ("Boko Haram executed six hostages by drowning them in Lake Chad.", VAC),
    ("Al-Shabaab executed two men by drowning them in the Jubba river near Jilib.", VAC),
    ("Soldiers massacred 30 villagers, drowning some of them in a well.", VAC),
    ("Jihadists slit the throats of five villagers near Mopti.", VAC),
    ("Gunmen slit the throat of a shepherd and stole his flock near Kerem.", VAC),
    ("Militiamen hacked to death seven villagers in Beni territory.", VAC),
    ("Two farmers were hacked to death by Fulani herders in Benue state.", VAC),
    ("A mob lynched a man accused of blasphemy in Sialkot.", "Mob violence"),
    ("Residents lynched two men suspected of witchcraft in Kasai province.", "Mob violence"),
    ("Militants set ablaze a village in Tillaberi, killing 12.", VAC),
    ("Houses were set ablaze by gunmen in Plateau state overnight.", "Looting/property destruction"),
    ("Gunmen beheaded a village chief in Cabo Delgado province.", VAC),
    ("Soldiers summarily executed five men in a village in central Mali, rights groups said.", VAC),
    # -- killings by unnamed men: the victim is a civilian
    ("Unknown men shot dead a shopkeeper in Quetta on Friday.", VAC),
    ("A shopkeeper was shot dead by unknown men in Peshawar.", VAC),
    ("Unidentified gunmen shot dead a journalist in Veracruz.", VAC),
    ("Gunmen killed a tourist and wounded a bystander in Sousse.", VAC),
    ("Bandits killed 11 people in raids on three villages in Zamfara.", VAC),
    # -- the state's forces in fights with smugglers, traffickers and gangs
    ("Two border guards were killed in a clash with smugglers near the Iranian border.", "Armed clash"),
    ("Three gendarmes died in a shootout with drug traffickers in northern Benin.", "Armed clash"),
    ("Three soldiers died in a gunfight with drug traffickers in Sinaloa.", "Armed clash"),
    ("Smugglers shot dead a border guard near the Afghan frontier.", "Battles"),
    ("Members of the Ville Rouge gang shot dead three police officers in Croix-des-Bouquets.", "Battles"),
    ("A border guard was wounded when traffickers opened fire on a patrol near Ciudad Juarez.", "Battles"),
]

NON_EVENTS = [
    # -- ordinary crime against one person, told with a criminal
    "Kidnappers abducted a shopkeeper and demanded a ransom.",
    "The court sentenced the kidnappers of a businessman to 20 years in jail.",
    "Kidnappers released the Italian aid worker after a ransom was paid, police sources said.",
    "Armed robbers killed a police officer during a bank heist in Offa.",
    "Thieves killed a security guard in a robbery at a warehouse in Nairobi.",
    "Police shot dead a suspected armed robber during a shootout in Soweto.",
    "A man was stabbed to death by his brother-in-law after an argument over land in Nakuru.",
    "A teenager was shot dead in a robbery at a petrol station in Chicago.",
    # -- accidents, burials and drownings
    "Miners were buried alive when a tunnel collapsed in Mongolia.",
    "Relatives buried the victims of the flood on Sunday.",
    "Two children drowned while swimming in the Niger river.",
    "A man drowned in a flooded quarry near Leeds.",
    "Four fishermen drowned when their boat capsized off Mombasa.",
    "Twelve migrants drowned after their dinghy sank off Lampedusa, the coast guard said.",
    "The cook slit the throat of a goat for the wedding feast.",
    "The company buried the report for two years.",
    "A driver was killed when his car crashed into a lorry on the M1.",
    "Police seized 40 kilograms of heroin from traffickers at the border.",
]


@pytest.mark.parametrize("text,expected", EVENTS)
def test_violent_act_gives_its_event(pipeline, text, expected):
    found = acled_events(pipeline, text)
    kinds = {e.event_type for e in found} | {e.sub_event_type for e in found}
    assert expected in kinds, [(e.event_type, e.sub_event_type) for e in found]


@pytest.mark.parametrize("text", NON_EVENTS)
def test_near_miss_gives_no_event(pipeline, text):
    assert acled_events(pipeline, text) == []


if __name__ == "__main__":
    from eventwire.extraction.pipeline import Pipeline

    p = Pipeline()
    for text, _ in EVENTS:
        print(text, [(e.event_type, e.sub_event_type) for e in acled_events(p, text)])
    for text in NON_EVENTS:
        print("(none)", text, [(e.event_type, e.sub_event_type) for e in acled_events(p, text)])
