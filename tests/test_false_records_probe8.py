"""Probes of false records, eighth set (issue 12): the background paragraphs of long reports on attacks, as news
articles cited by encyclopedias write them. Each article tells an event of its own (a sentence marked EVENT must
keep an asserted record) among sentences that tell none of the reporting period (QUIET): reactions, condolences,
security stepped up, the group's history, earlier attacks listed by month and year, the investigation, funerals
and statistics. Families measured on their own:

- an earlier attack dated by a month of a named year ("In August 2022, its fighters besieged a hotel") in a text
  without a publication date, next to the attack of the report's own day: background (a text that tells only the
  dated event reports it, and it stays asserted);
- a group's record told over years with verbs that share one subject ("has killed more than 35,000 people and
  displaced two million since it took up arms in 2009"): a tally, no event;
- what a group is capable of ("remains capable of carrying out complex attacks"): a capacity, no event.

Every sentence was written for these tests (real and invented names, many countries, wire and local-paper styles);
none comes from an evaluation set. The sentences the rules do not handle yet are kept as expected failures
(KNOWN_GAPS). `python tests/test_false_records_probe8.py` prints the misses and the rates."""

from __future__ import annotations

import pytest

EVENT = "event"
QUIET = "quiet"

ARTICLES = [
    [
        (EVENT, 'A suicide bomber detonated an explosive vest at a crowded market in Maiduguri on Tuesday, killing at '
                'least 23 people and wounding dozens, emergency officials said.'),
        (EVENT, 'Witnesses said the attacker, a young woman, walked into the fish section of the market shortly after '
                '9 a.m.'),
        (QUIET, 'Governor Babagana Zulum visited the wounded at the State Specialist Hospital and promised that the '
                'state would pay for their treatment.'),
        (QUIET, '"This is a cowardly act against innocent traders who were only trying to feed their families," he '
                'told reporters.'),
        (QUIET, 'President Bola Tinubu vowed to hunt down those responsible and said the attackers would not go '
                'unpunished.'),
        (QUIET, 'Security was stepped up at markets, mosques and motor parks across the city after the blast.'),
        (QUIET, 'Police deployed additional officers to the main roads leading into Maiduguri and set up new '
                'checkpoints.'),
        (QUIET, 'No group has yet claimed responsibility, but the attack bore the hallmarks of Boko Haram, which has '
                'used women and girls as suicide bombers in the past.'),
        (QUIET, 'The jihadist group has killed more than 35,000 people and displaced over two million since it took '
                'up arms in 2009.'),
        (QUIET, 'In June 2024, suicide bombers struck a wedding, a funeral and a hospital in Gwoza, killing 32 '
                'people.'),
        (QUIET, 'The United Nations Secretary-General condemned the bombing and extended his condolences to the '
                'families of the victims.'),
        (QUIET, 'The victims were buried on Wednesday afternoon in accordance with Islamic rites, as hundreds of '
                'mourners gathered at the cemetery.'),
        (QUIET, 'Traders said the market would remain closed for three days of mourning.'),
    ],
    [
        (EVENT, 'Gunmen stormed a hotel in the Somali capital Mogadishu late on Friday, taking guests hostage and '
                'exchanging fire with security forces.'),
        (EVENT, 'At least 15 people were killed in the siege, which lasted more than twelve hours, police officer '
                'Abdikadir Hassan said.'),
        (QUIET, 'Al-Shabaab, which is linked to al-Qaeda, claimed responsibility for the attack in a statement on its '
                'radio station.'),
        (QUIET, 'The group has fought for more than 15 years to overthrow the federal government and impose its own '
                'strict interpretation of Islamic law.'),
        (QUIET, 'It frequently targets hotels, restaurants and government buildings in Mogadishu.'),
        (QUIET, 'In August 2022, its fighters besieged the Hayat Hotel for 30 hours, killing 21 people.'),
        (QUIET, 'Prime Minister Hamza Abdi Barre said the government would not be intimidated by terrorists and '
                'pledged to continue the offensive against the militants.'),
        (QUIET, 'The African Union mission said it was ready to support Somali forces in securing the capital.'),
        (QUIET, 'The United States, Turkey and Qatar sent messages of sympathy to the Somali people.'),
        (QUIET, 'Authorities closed the roads around the hotel and ordered businesses in the area to shut until '
                'further notice.'),
        (QUIET, 'Analysts say the militants have been weakened by a government offensive launched in 2022 but remain '
                'capable of carrying out complex attacks in the capital.'),
        (QUIET, 'The group controls large parts of rural southern and central Somalia.'),
    ],
    [
        (EVENT, 'A car bomb exploded outside a police station in the southeastern Turkish city of Diyarbakir on '
                'Thursday morning, killing four officers, the interior ministry said.'),
        (QUIET, 'Interior Minister Ali Yerlikaya said investigators had identified the vehicle used in the attack and '
                'that several suspects were being sought.'),
        (QUIET, 'Police searched homes in three districts of the city overnight and seized documents and computers.'),
        (QUIET, 'Investigators are examining footage from security cameras near the station.'),
        (QUIET, 'The government blamed the Kurdistan Workers Party, or PKK, which has waged an insurgency against the '
                'Turkish state since 1984.'),
        (QUIET, 'More than 40,000 people have died in the conflict, most of them Kurdish militants.'),
        (QUIET, 'The PKK is designated a terrorist organisation by Turkey, the United States and the European Union.'),
        (QUIET, 'Funerals for the four officers were held on Friday in their hometowns, attended by the governor and '
                'senior police commanders.'),
        (QUIET, 'Their coffins, draped in Turkish flags, were carried through the streets as crowds chanted slogans.'),
        (QUIET, 'Opposition leaders offered their condolences and called for national unity.'),
        (QUIET, 'The attack came two weeks after the government announced new military operations against PKK bases '
                'in northern Iraq.'),
    ],
    [
        (EVENT, 'Militants attacked an army base in the Tillaberi region of western Niger on Saturday, killing 17 '
                'soldiers, the defence ministry said.'),
        (EVENT, 'The army said it had killed dozens of the assailants in the fighting and recovered weapons and '
                'motorcycles.'),
        (QUIET, 'The government declared three days of national mourning and flags flew at half mast on public '
                'buildings.'),
        (QUIET, 'General Abdourahamane Tiani, who seized power in a coup in July 2023, promised to avenge the fallen '
                'soldiers.'),
        (QUIET, 'The junta has strengthened its ties with Russia and expelled French troops who had helped fight the '
                'insurgency.'),
        (QUIET, 'The Tillaberi region, near the borders with Mali and Burkina Faso, has been the scene of repeated '
                'jihadist attacks for years.'),
        (QUIET, 'According to the monitoring group ACLED, more than 1,500 people were killed in political violence in '
                'Niger last year.'),
        (QUIET, 'Reinforcements were sent to the area and air patrols were intensified, the ministry said.'),
        (QUIET, 'Soldiers at the base had complained of a lack of equipment and ammunition, relatives told reporters.'),
        (QUIET, 'The attack is the deadliest on the army since the coup.'),
    ],
    [
        (EVENT, 'A man drove a truck into a crowd at a Christmas market in the German city of Magdeburg on Friday '
                'evening, killing five people and injuring more than 200.'),
        (EVENT, 'Police arrested the driver, a 50-year-old doctor, at the scene.'),
        (QUIET, 'Chancellor Olaf Scholz travelled to Magdeburg on Saturday and laid flowers at the site.'),
        (QUIET, '"The people of Magdeburg are not alone," he said, thanking the rescue workers and doctors.'),
        (QUIET, 'Prosecutors said the suspect had made threatening posts online and had been investigated for '
                'threatening a medical association in 2013.'),
        (QUIET, 'A vigil was held at the cathedral on Saturday night, where thousands lit candles for the victims.'),
        (QUIET, 'Christmas markets in several cities were closed on Saturday as a precaution, and police increased '
                'their presence at others.'),
        (QUIET, 'The attack revived memories of 2016, when a Tunisian man killed 12 people by driving a truck into a '
                'Christmas market in Berlin.'),
        (QUIET, 'The interior minister said the country must ask whether warnings about the suspect had been ignored.'),
        (QUIET, 'Regional parliament held a minute of silence on Monday.'),
    ],
    [
        (EVENT, 'Security forces opened fire on protesters in the Kenyan capital Nairobi on Tuesday, killing at least '
                'eight people, a rights group said.'),
        (EVENT, 'Thousands of demonstrators had marched toward parliament to oppose new taxes in the finance bill.'),
        (QUIET, 'The Kenya National Commission on Human Rights said it had documented cases of excessive force and '
                'called for an independent investigation.'),
        (QUIET, 'Interior Minister Kithure Kindiki defended the police and said officers had acted to protect lives '
                'and property.'),
        (QUIET, 'Opposition leader Raila Odinga accused the government of using brutal force against peaceful '
                'citizens.'),
        (QUIET, 'The families of the dead demanded justice, saying their sons had been unarmed.'),
        (QUIET, 'Rights groups say police have killed more than 100 people during protests in the country since 2023.'),
        (QUIET, 'Western embassies, including those of the United States and Britain, urged restraint and called for '
                'dialogue.'),
        (QUIET, 'The army was deployed to support the police in what the defence ministry called a security '
                'emergency.'),
        (QUIET, 'The president is expected to address the nation on Wednesday.'),
    ],
]

# the records the rules do not handle yet (reactions as PLOVER statements, funerals and vigils, a past "when" clause)
KNOWN_GAPS = {
    'Governor Babagana Zulum visited the wounded at the State Specialist Hospital and promised that the state would '
    'pay for their treatment.',
    'President Bola Tinubu vowed to hunt down those responsible and said the attackers would not go unpunished.',
    'Security was stepped up at markets, mosques and motor parks across the city after the blast.',
    'Police deployed additional officers to the main roads leading into Maiduguri and set up new checkpoints.',
    'No group has yet claimed responsibility, but the attack bore the hallmarks of Boko Haram, which has used women '
    'and girls as suicide bombers in the past.',
    'The United Nations Secretary-General condemned the bombing and extended his condolences to the families of the '
    'victims.',
    'The group has fought for more than 15 years to overthrow the federal government and impose its own strict '
    'interpretation of Islamic law.',
    'The African Union mission said it was ready to support Somali forces in securing the capital.',
    'Authorities closed the roads around the hotel and ordered businesses in the area to shut until further notice.',
    'Interior Minister Ali Yerlikaya said investigators had identified the vehicle used in the attack and that several '
    'suspects were being sought.',
    'Police searched homes in three districts of the city overnight and seized documents and computers.',
    'The government blamed the Kurdistan Workers Party, or PKK, which has waged an insurgency against the Turkish '
    'state since 1984.',
    'Their coffins, draped in Turkish flags, were carried through the streets as crowds chanted slogans.',
    'Opposition leaders offered their condolences and called for national unity.',
    'The attack came two weeks after the government announced new military operations against PKK bases in northern '
    'Iraq.',
    'The junta has strengthened its ties with Russia and expelled French troops who had helped fight the insurgency.',
    'Analysts say the militants have been weakened by a government offensive launched in 2022 but remain capable of '
    'carrying out complex attacks in the capital.',
    'The Tillaberi region, near the borders with Mali and Burkina Faso, has been the scene of repeated jihadist '
    'attacks for years.',
    'Reinforcements were sent to the area and air patrols were intensified, the ministry said.',
    'Soldiers at the base had complained of a lack of equipment and ammunition, relatives told reporters.',
    'The attack is the deadliest on the army since the coup.',
    'Chancellor Olaf Scholz travelled to Magdeburg on Saturday and laid flowers at the site.',
    'Prosecutors said the suspect had made threatening posts online and had been investigated for threatening a '
    'medical association in 2013.',
    'A vigil was held at the cathedral on Saturday night, where thousands lit candles for the victims.',
    'Christmas markets in several cities were closed on Saturday as a precaution, and police increased their presence '
    'at others.',
    'The attack revived memories of 2016, when a Tunisian man killed 12 people by driving a truck into a Christmas '
    'market in Berlin.',
    'The Kenya National Commission on Human Rights said it had documented cases of excessive force and called for an '
    'independent investigation.',
    'Interior Minister Kithure Kindiki defended the police and said officers had acted to protect lives and property.',
    'Opposition leader Raila Odinga accused the government of using brutal force against peaceful citizens.',
    'The families of the dead demanded justice, saying their sons had been unarmed.',
    'Western embassies, including those of the United States and Britain, urged restraint and called for dialogue.',
    'The army was deployed to support the police in what the defence ministry called a security emergency.',
    'Witnesses said the attacker, a young woman, walked into the fish section of the market shortly after 9 a.m.',
}

# (the attack of the report's day, an earlier one dated by a month of a named year)
DATED_BEFORE = [
    ('Gunmen attacked a village in Zamfara state on Sunday, killing nine farmers.',
     'In March 2021, the same gang abducted 279 schoolgirls from a boarding school in Jangebe.'),
    ('A car bomb exploded near a checkpoint in Mogadishu on Saturday, killing six soldiers.',
     'In August 2022, al-Shabaab fighters besieged the Hayat Hotel for 30 hours, killing 21 people.'),
    ('A suicide bomber struck a Shia mosque in Peshawar during Friday prayers, killing 57 worshippers.',
     'In January 2023, a bomber killed more than 80 policemen at a mosque inside a police compound in the city.'),
    ('Militants ambushed an army patrol near Djibo on Wednesday, killing 14 soldiers.',
     'In November 2021, jihadists stormed a gendarmerie post at Inata and killed 53 people.'),
    ('Police fired tear gas at protesters in Dhaka on Monday as thousands marched on parliament.',
     'In July 2024, security forces shot dead hundreds of students during weeks of unrest.'),
    ('Rebels shelled the town of Goma on Thursday, killing four civilians.',
     'In January 2025, the rebels seized the airport and much of the city after days of fighting.'),
    ('A roadside bomb killed two police officers in the Cauca department on Tuesday.',
     'In June 2024, dissident guerrillas detonated a motorcycle bomb in the town of Jamundi.'),
    ('Unknown attackers set fire to a polling station in Kinshasa on Friday.',
     'In September 2023, soldiers killed more than 50 people at a religious protest in Goma.'),
]

# an earlier event told alone, with nothing of the text's own time to set it against: the text reports it
TOLD_ALONE = [
    'In March 2019, police arrested 40 protesters in Algiers.',
    'In August 2022, al-Shabaab fighters besieged a hotel in Mogadishu, killing 21 people.',
    'In May 2023, gunmen kidnapped twelve villagers near Kaduna.',
]

# a group's record over years, told with verbs that share its subject, and the event of a day beside it
TALLIES = [
    ('The jihadist group has killed more than 35,000 people and displaced over two million since it took up arms in '
     '2009.', 'Gunmen have killed five villagers and burned dozens of homes in Zamfara state.'),
    ('The militants have kidnapped hundreds of foreigners and beheaded several of them since 2014.',
     'The militants have kidnapped two engineers and killed their driver near Kidal.'),
    ('Cartel gunmen have murdered dozens of journalists and threatened hundreds more over the past decade.',
     'Cartel gunmen have shot dead a journalist outside his home in Tijuana.'),
    pytest.param('Government forces have bombed hospitals and besieged whole towns since the uprising began.',
                 'Government forces have bombed a hospital in Idlib, killing four medics.',
                 marks=pytest.mark.xfail(reason="known gap: the era clause on the second verb", strict=False)),
]

# a capacity to act, and an act done that a look-alike tells
CAPABILITIES = [
    ('Analysts say the militants remain capable of carrying out complex attacks in the capital.',
     'Police were able to arrest the gunman after a short chase in Nantes.'),
    ('The group is still capable of launching deadly raids across the border into Niger.',
     'Fighters launched a deadly raid across the border into Niger on Sunday.'),
    ('Officials warned that the rebels were capable of shelling the city from the hills.',
     'The rebels shelled the city from the hills overnight, killing three people.'),
]


def _sentences(article):
    """The article's text and each sentence's (kind, text, start, end)."""
    spans, start = [], 0
    for kind, sentence in article:
        spans.append((kind, sentence, start, start + len(sentence)))
        start += len(sentence) + 1
    return " ".join(s for _, s in article), spans


def _asserted(pipeline, text):
    """Every asserted record, PLOVER-only ones too: a WikiEvents sentence with none of its events holds none."""
    return [e for e in pipeline.extract(text) if e.modality == "asserted"]


def _overlaps(record, start, end):
    return record.evidence.start < end and start < record.evidence.end


def describe(records):
    return [f"{e.event_type or '-'}/{e.plover.event if e.plover else '-'}: {e.trigger}" for e in records]


def _records_in(pipeline, index, sentence):
    text, spans = _sentences(ARTICLES[index])
    start, end = next((s, e) for _, t, s, e in spans if t == sentence)
    return [r for r in _asserted(pipeline, text) if _overlaps(r, start, end)]


def _family_misses(pipeline):
    """(family, sentence) of each family probe the rules get wrong."""
    misses = []
    for today, before in DATED_BEFORE:
        text = f"{today} {before}"
        records = _asserted(pipeline, text)
        if not any(_overlaps(r, 0, len(today)) for r in records):
            misses.append(("dated: the day's event lost", today))
        if any(_overlaps(r, len(today) + 1, len(text)) for r in records):
            misses.append(("dated: the earlier event asserted", before))
    misses += [("dated alone: lost", s) for s in TOLD_ALONE if not _asserted(pipeline, s)]
    for family, pairs in (("tally", TALLIES), ("capability", CAPABILITIES)):
        for quiet, event in (getattr(pair, "values", pair) for pair in pairs):
            if _asserted(pipeline, quiet):
                misses.append((f"{family}: asserted", quiet))
            if not _asserted(pipeline, event):
                misses.append((f"{family}: look-alike lost", event))
    return misses


def measure(pipeline):
    """(share of QUIET sentences with no asserted record, share of EVENT sentences with one, family misses)."""
    n_quiet = n_clean = n_events = n_found = 0
    for article in ARTICLES:
        text, spans = _sentences(article)
        records = _asserted(pipeline, text)
        for kind, _, start, end in spans:
            inside = any(_overlaps(r, start, end) for r in records)
            n_quiet += kind == QUIET
            n_clean += kind == QUIET and not inside
            n_events += kind == EVENT
            n_found += kind == EVENT and inside
    return n_clean / n_quiet, n_found / n_events, _family_misses(pipeline)


def test_the_families_and_the_articles(pipeline):
    clean, found, misses = measure(pipeline)
    # measured on main e857bfc: quiet sentences clean 0.35, events kept 0.91, family misses 13; now 0.42, 0.91, 1
    assert clean >= 0.40 and found >= 0.9 and len(misses) <= 2, (clean, found, misses)


def test_there_are_enough_probes():
    sentences = [s for article in ARTICLES for _, s in article]
    assert len(ARTICLES) >= 6 and len(set(sentences)) == len(sentences)
    assert KNOWN_GAPS <= set(sentences)
    assert len(DATED_BEFORE) + len(TALLIES) + len(CAPABILITIES) >= 15
    assert all(len(getattr(pair, "values", pair)) == 2 for pair in TALLIES + CAPABILITIES)


def _quiet_cases():
    for i, article in enumerate(ARTICLES):
        for kind, sentence in article:
            if kind == QUIET:
                marks = [pytest.mark.xfail(reason="known gap", strict=False)] if sentence in KNOWN_GAPS else []
                yield pytest.param(i, sentence, marks=marks, id=f"{i}-{sentence[:40]}")


@pytest.mark.parametrize("index,sentence", list(_quiet_cases()))
def test_a_quiet_sentence_gives_no_asserted_record(pipeline, index, sentence):
    assert describe(_records_in(pipeline, index, sentence)) == [], sentence


@pytest.mark.parametrize("today,before", DATED_BEFORE)
def test_an_earlier_attack_dated_by_month_is_background(pipeline, today, before):
    text = f"{today} {before}"
    records = _asserted(pipeline, text)
    assert any(_overlaps(r, 0, len(today)) for r in records), today
    assert describe([r for r in records if _overlaps(r, len(today) + 1, len(text))]) == [], before


@pytest.mark.parametrize("sentence", TOLD_ALONE)
def test_a_dated_event_told_alone_is_reported(pipeline, sentence):
    assert _asserted(pipeline, sentence), sentence


@pytest.mark.parametrize("quiet,event", TALLIES + CAPABILITIES)
def test_a_tally_or_a_capacity_is_no_event(pipeline, quiet, event):
    assert describe(_asserted(pipeline, quiet)) == [], quiet
    assert _asserted(pipeline, event), event


if __name__ == "__main__":
    from eventwire.extraction.pipeline import Pipeline

    probe_pipeline = Pipeline(workers=1)
    for index, article in enumerate(ARTICLES):
        for kind, sentence in article:
            if kind == QUIET and sentence not in KNOWN_GAPS:
                got = describe(_records_in(probe_pipeline, index, sentence))
                if got:
                    print("FALSE", got, "::", sentence)
    quiet_rate, event_rate, family_misses = measure(probe_pipeline)
    for family, sentence in family_misses:
        print("MISS", family, "::", sentence)
    print(f"quiet sentences clean {quiet_rate:.2f}, event sentences kept {event_rate:.2f}, "
          f"family misses {len(family_misses)}")
