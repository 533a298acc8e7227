"""Probe of the scope of a hedge or a modal (issue 12, family 4): a hedge ("may have", "reportedly", "it is
feared", "possibly"), a modal, a condition, a negation, a purpose or a future governs its own clause and what depends
on it, never a conjunct verb with a subject or a tense of its own, an earlier participle clause, a past clause of
time or cause hung on it ("will retaliate after militants ambushed a convoy"), the content of a question it asks
about ("could not say why the gunman opened fire") or a sentence the parser joined to it across a semicolon
("Gunmen attacked a bus; it is feared the toll could rise"); nor is a verb of the future in another sense ("a
bomb went off", "set off a car bomb", "set up an ambush"). "Reportedly", "allegedly", "according to reports" on
a past event tell a source, not a doubt: the event is asserted (ACLED codes reported events).

- SCOPED: sentences with a hedge, a modal, a negation or a future somewhere, and the trigger words that must stay
  asserted (first tuple) and those the hedge really governs (second tuple: not asserted);
- CONTROLS: sentences hedged, negated, conditional or future as a whole (or in every verb named): none asserted
  but those of the first tuple.

Every sentence was written for these tests (real and invented names, many countries, wire, local-paper and NGO
styles); none comes from an evaluation set. `python tests/test_modality_scope_probe.py` prints the misses."""

from __future__ import annotations

import pytest

# (sentence, trigger words asserted, trigger words the hedge governs)
SCOPED = [
    ('Boko Haram fighters attacked the town, killing 10 people, and according to some reports may have taken over the town.',
     ('attacked', 'killing'), ('taken',)),
    ('Gunmen stormed a church in Owo, killing 22 worshippers, and may have abducted the priest.',
     ('stormed', 'killing'), ('abducted',)),
    ('ISWAP fighters killed 12 soldiers in Borno and may have captured the base.',
     ('killed',), ('captured',)),
    ('Protesters blocked roads in Lima and could march on Congress on Friday.',
     ('blocked',), ('march',)),
    ('Soldiers opened fire on the crowd in Khartoum, killing three people, and the army said it will investigate.',
     ('opened', 'killing'), ()),
    ('Rebels shelled the market in Goma, but it was unclear whether anyone was killed.',
     ('shelled',), ('killed',)),
    ('Police arrested 40 protesters in Minsk and said they would charge them with rioting.',
     ('arrested',), ()),
    ('A drone struck a car in Marib, killing four fighters who may have been planning an attack.',
     ('struck', 'killing'), ()),
    ('Troops did not fire on the protesters, who marched peacefully through Lagos.',
     ('marched',), ('fire',)),
    ('Al-Shabaab militants reportedly killed seven people in Mandera on Tuesday.',
     ('killed',), ()),
    ('Gunmen allegedly abducted 30 students from a school in Kaduna.',
     ('abducted',), ()),
    ('The army will deploy troops after gunmen killed 20 villagers in Zamfara.',
     ('killed',), ('deploy',)),
    ('Rebels plan to attack the city after they seized the airport on Monday.',
     ('seized',), ('attack',)),
    ('Officials fear the militants who bombed the bridge may strike again.',
     ('bombed',), ('strike',)),
    ('The group, which claimed the bombing that killed 30 in Kabul, may attack again.',
     ('killed',), ('attack',)),
    ('Gunmen possibly linked to the Islamic State attacked a checkpoint in Sinai, killing four soldiers.',
     ('attacked', 'killing'), ()),
    ('Unidentified attackers, possibly jihadists, killed 11 herders near Menaka.',
     ('killed',), ()),
    ('Police shot dead a man who allegedly stabbed two people in Hamburg.',
     ('shot',), ()),
    ('The government will hold talks with the rebels who attacked the town of Bunia last week.',
     ('attacked',), ()),
    ('The army vowed to retaliate after militants ambushed a convoy near Kidal, killing nine soldiers.',
     ('ambushed', 'killing'), ()),
    ('Police could not say why the gunman opened fire on the crowd in Hanau.',
     ('opened',), ()),
    ("Authorities fear more violence after protesters torched the governor's office in Kisumu.",
     ('torched',), ()),
    ('It is not clear who carried out the bombing that killed 14 people in Quetta.',
     ('killed',), ()),
    ('It was unclear whether the soldiers who shot three villagers in Rakhine would be punished.',
     ('shot',), ()),
    ('Residents fear the gunmen, who killed six farmers in Benue on Sunday, will return.',
     ('killed',), ()),
    ('The president promised to punish those who burned the mosque in Bangui.',
     ('burned',), ()),
    ('Officials warned that the toll may rise after a suicide bomber blew himself up at a wedding in Kunduz.',
     ('blew',), ()),
    ('The militia may retaliate because the army killed its commander in Ituri on Friday.',
     ('killed',), ()),
    ('Rebels might strike again, officials said, a day after they shelled the airport in Aden.',
     ('shelled',), ()),
    ('The opposition plans to march again on Saturday since police dispersed its rally in Dhaka on Friday.',
     ('dispersed',), ()),
    ('Investigators will try to establish why a man stabbed three people in Solingen.',
     ('stabbed',), ()),
    ('Gunmen attacked a bus in Balochistan, killing 11 passengers; it is feared the death toll could rise.',
     ('attacked', 'killing'), ()),
    ('Troops raided the camp in Rafah, and it is feared that dozens were killed.',
     ('raided',), ()),
    ('Fighting erupted in Tripoli on Monday; it was not known whether anyone was hurt.',
     ('erupted',), ()),
    ('Police arrested 12 people in Nairobi; they will be charged with rioting.',
     ('arrested',), ()),
    ('Security forces killed four militants in Pulwama, police said, adding that more may be hiding nearby.',
     ('killed',), ()),
    ('The army did not say how many people died when troops fired on the march in Yangon.',
     ('fired',), ()),
    ('Villagers said they would never forget how the militia burned their homes in Darfur.',
     ('burned',), ()),
    ('The party will boycott the vote because police arrested its leader in Kampala on Monday.',
     ('arrested',), ()),
    ('If confirmed, the attack, which killed 30 people in Mopti, would be the deadliest this year.',
     ('killed',), ()),
    ('Militants ambushed a patrol near Gao and possibly killed five soldiers.',
     ('ambushed',), ()),
    ('Security forces killed two militants in Kashmir, and more fighters are possibly hiding in the forest.',
     ('killed',), ()),
    ('Insurgents overran an army post in Tillaberi, and officials fear they could move on the town.',
     ('overran',), ('move',)),
    ('A car bomb exploded near a police station in Diyarbakir; no group has claimed responsibility.',
     ('exploded',), ()),
    ('Gunmen kidnapped two engineers in the Niger Delta; police said they would not pay a ransom.',
     ('kidnapped',), ()),
    ('Demonstrators clashed with police in Santiago; the government will not withdraw the fare rise.',
     ('clashed',), ()),
    ('Police in Dhaka detained 30 students, who say they will keep protesting.',
     ('detained',), ()),
    ('The mob lynched a man in Jharkhand whom they suspected of stealing cattle.',
     ('lynched',), ()),
    ('The commander said troops would hunt down the gunmen who massacred 40 villagers in Ituri.',
     ('massacred',), ()),
    ('Hundreds marched through Caracas, chanting that the president must resign.',
     ('marched',), ()),
    ('Rebels shot down a helicopter over Idlib and might have captured its crew.',
     ('shot',), ('captured',)),
    ('A bomb hidden in a cart killed five people at a market in Maiduguri, and police fear more devices may have been planted.',
     ('killed',), ()),
    ('The army says it will not rest until it finds the men who beheaded the chief of Mocimboa.',
     ('beheaded',), ()),
    ('Troops fired tear gas to disperse students who had occupied the campus in Tehran.',
     ('fired', 'occupied'), ()),
    ('Protesters stormed the parliament in Colombo, and the speaker said elections could be held soon.',
     ('stormed',), ()),
    ('An airstrike hit a school in Saada, killing 29 children; the coalition said it would review the strike.',
     ('hit', 'killing'), ()),
    ('The rebels who seized the town of Bunagana on Monday may push on towards Goma.',
     ('seized',), ('push',)),
    ('Two soldiers were killed when a mine exploded near Kidal, and the convoy could not continue.',
     ('killed', 'exploded'), ()),
    ('Police may charge the officers who beat a student at a rally in Jakarta.',
     ('beat',), ()),
    ('Nobody knows why the gunmen attacked the wedding party in Kandahar.',
     ('attacked',), ()),
    ('The minister will visit Beni, where rebels killed 17 civilians on Sunday.',
     ('killed',), ()),
    ('Farmers set fire to tyres on the highway near Amritsar and threatened to block the railway next.',
     ('set',), ('block',)),
    ('Gunmen attacked a mine in Ituri, but it is unclear how many workers were killed.',
     ('attacked',), ()),
    ('Police raided the offices of the newspaper in Harare; the editor may be charged.',
     ('raided',), ()),
    ('Soldiers beat and detained dozens of protesters in Conakry, and some may still be missing.',
     ('beat', 'detained'), ()),
    ('Investigators are trying to find out who fired the rocket that hit the airport in Baghdad.',
     ('fired', 'hit'), ()),
    ('The militants, who may have crossed from Afghanistan, killed three policemen in Bajaur.',
     ('killed',), ('crossed',)),
    ('The army will rebuild the bridge that insurgents blew up in Cabo Delgado.',
     ('blew',), ()),
    ('The union will strike again on Monday since the police dispersed its picket at the port of Mombasa.',
     ('dispersed',), ('strike',)),
    ('Protesters threw stones at police in Tbilisi, according to some reports, and may have injured several officers.',
     ('threw',), ('injured',)),
    ('Unidentified gunmen reportedly shot dead a village chief in Tanganyika province on Friday.',
     ('shot',), ()),
    ('According to reports, militants burned down a church in Plateau state.',
     ('burned',), ()),
    ('Pro-government militias allegedly raided the camp in Darfur, killing 12 displaced people.',
     ('raided', 'killing'), ()),
    ('The officers said they could not explain why the prisoners attacked the guards in Kigali.',
     ('attacked',), ()),
    ('No one knows where the kidnappers took the students after they stormed the school in Kebbi.',
     ('stormed',), ()),
    ('Fighters bombed the pipeline in Homs before they could be stopped.',
     ('bombed',), ()),
    ('Rescue teams may still find survivors after the airstrike destroyed a building in Gaza.',
     ('destroyed',), ()),
    ("The mob did not burn the church in Kandhamal, but it looted the priest's house.",
     ('looted',), ('burn',)),
    ('Police did not open fire, but they beat dozens of marchers in Harare.',
     ('beat',), ('fire',)),
    ('Troops will not withdraw from Kidal, and the rebels attacked a convoy there on Monday.',
     ('attacked',), ()),
    ('The army could not reach the village, and militants burned it to the ground.',
     ('burned',), ()),
    ('Rebels may attack again, and on Sunday they shelled the port of Hodeidah.',
     ('shelled',), ()),
    ('The protesters would not disperse and threw stones at the police in Yerevan.',
     ('threw',), ()),
    ('Officials might call off the talks, but gunmen have already killed three negotiators in Juba.',
     ('killed',), ()),
    ('Police cannot confirm the motive, but the gunman shot six people at the mall in Bangkok.',
     ('shot',), ()),
    ('The army did not comment on the report and shelled rebel positions near Ruhengeri.',
     ('shelled',), ()),
    # a verb of the future in another sense, with a particle: what it tells is done
    ('A bomb went off near a vegetable market in Kirkuk on Tuesday.',
     ('bomb',), ()),
    ('An explosive device went off under a police van in Peshawar, wounding six officers.',
     ('device',), ()),
    ('Militants set off a car bomb outside a school in Quetta, killing four children.',
     ('bomb',), ()),
    ('Insurgents set up an ambush near Ghazni that killed five policemen.',
     ('ambush',), ()),
    ('A second blast went off an hour later at the bus depot in Jos.',
     ('blast',), ()),
    ('The rebels set off a landmine under an army truck near Bamenda.',
     ('landmine',), ()),
    ('The march went ahead despite the ban, and police arrested 20 people in Minsk.',
     ('march', 'arrested'), ()),

]

# (sentence, trigger words asserted, trigger words hedged, negated, conditional or future)
CONTROLS = [
    ('Fighters may have killed dozens of civilians in Tigray, but the reports could not be verified.',
     (), ('killed',)),
    ('Militants might have fired the rockets that hit the base in Erbil.',
     (), ('fired',)),
    ('If the army attacks the town, rebels will retaliate.',
     (), ('attacks', 'retaliate')),
    ('The ministry denied that police beat protesters in Tbilisi.',
     (), ('beat',)),
    ('Rebels will attack the base next week.',
     (), ('attack',)),
    ('Troops would storm the town if talks fail.',
     (), ('storm',)),
    ('Police did not arrest anyone at the rally in Accra.',
     (), ('arrest',)),
    ('The army denied that its soldiers killed the farmers in Moura.',
     (), ('killed',)),
    ('Officials said rebels could attack the capital within days.',
     (), ('attack',)),
    ('The opposition plans to march on the presidential palace in Kinshasa on Friday.',
     (), ('march',)),
    ('Troops may have shelled the village of Keran, a monitor said.',
     (), ('shelled',)),
    ('The group threatened to bomb the embassy in Nairobi.',
     (), ('bomb',)),
    ('If protesters march on the palace, police will fire on them.',
     (), ('march', 'fire')),
    ('The army said it would launch an offensive on the rebel-held town of Tal Afar.',
     (), ('offensive',)),
    ('The government denied that troops had burned homes in Tigray.',
     (), ('burned',)),
    ('Police said there had been no clashes at the rally in Belgrade.',
     (), ('clashes',)),
    ('The rebels did not attack the convoy, a spokesman said.',
     (), ('attack',)),
    ('Gunmen could strike again at any time, officials warned.',
     (), ('strike',)),
    ('Should the talks fail, the army will resume its offensive on Marawi.',
     (), ('offensive',)),
    ('The militia vowed to kill any soldier who enters the forest of Sambisa.',
     (), ('kill',)),
    ('It is feared that militants may have executed the hostages in Sirte.',
     (), ('executed',)),
    ('Protesters will march on parliament in Nairobi if the bill is passed.',
     (), ('march',)),
    ('Teachers plan to strike from Monday across Zimbabwe.',
     (), ('strike',)),
    ('The authorities have not arrested anyone over the attack on the mosque.',
     (), ('arrested',)),
    ('No shots were fired during the rally in Yerevan, police said.',
     (), ('fired',)),
    ('The militants might attack the airport in Mogadishu, the embassy warned.',
     (), ('attack',)),
    ('The army did not storm the parliament building in Bamako and did not detain the president.',
     (), ('storm', 'detain')),
    ('Rebels are expected to launch an assault on the city of Mekelle soon.',
     (), ('assault',)),
    ('It was unclear whether soldiers had fired on the crowd in Juba.',
     (), ('fired',)),
    ('The police chief said officers would never shoot unarmed protesters.',
     (), ('shoot',)),
    ('Tribal elders warned that fighters could attack the pipeline and blow up the pumping station.',
     (), ('attack', 'blow')),
    ('The army will not withdraw from Kidal and will hunt down the rebels.',
     (), ('withdraw', 'hunt')),
    ('Troops might have killed the hostages when they stormed the compound, a relative said.',
     (), ('killed',)),
    ('The government may ban the protests planned for Sunday in Warsaw.',
     (), ('ban',)),
    ('Officials fear the gunmen may kill the hostages.',
     (), ('kill',)),
    ('The rebels deny that they attacked the convoy or kidnapped its drivers.',
     (), ('attacked', 'kidnapped')),
    ('Residents said soldiers may have looted shops and burned houses in Kumba.',
     (), ('looted', 'burned')),
    ('Police would arrest anyone who joined the march, the minister said.',
     (), ('arrest',)),
    ('The army has not confirmed that it bombed the bridge near Kherson.',
     (), ('bombed',)),
    ('If the strike goes ahead, unions will blockade the ports of Durban.',
     (), ('blockade',)),
    ('Did the army shell the village of Keran?',
     (), ('shell',)),
    ('Officials said it was not clear whether anyone had been abducted in Zamfara.',
     (), ('abducted',)),
    ('Any attack on the embassy would be met with force, the minister warned.',
     (), ('attack',)),
    ('Militants may try to storm the prison in Bagram, officials fear.',
     (), ('storm',)),
    ('Troops may have shelled the village of Kfar Nabl and killed ten civilians.',
     (), ('shelled', 'killed')),
    ('The soldiers did not beat the prisoners or torture them, the ministry said.',
     (), ('beat', 'torture')),
    ('Militants could storm the prison and free hundreds of inmates, officials warned.',
     (), ('storm', 'free')),
    ('The rebels will attack the city and loot its banks.',
     (), ('attack', 'loot')),
    ('Police did not arrest the organisers and did not disperse the rally in Minsk.',
     (), ('arrest', 'disperse')),
    ('Militants are going to set off more bombs in Baghdad, the minister warned.',
     (), ('bombs',)),
    ('The rebels are set to launch an offensive on Mekelle.',
     (), ('offensive',)),
    ('Police fear the cell planned to set off a bomb at the stadium in Lyon.',
     (), ('bomb',)),
    ('The group may set up ambushes on the road to Kidal, the army warned.',
     (), ('ambushes',)),
    ('The protest is going to go ahead on Saturday in Tunis.',
     (), ('protest',)),

]


def modalities(bare_nlp, classify, sentence, words):
    doc = bare_nlp(sentence)
    return {w: classify(next(t for t in doc if t.text == w)) for w in words}


def misses(bare_nlp, classify, cases):
    """The words of `cases` whose modality is wrong: an asserted one not asserted, or a hedged one asserted."""
    wrong = []
    for sentence, asserted, hedged in cases:
        found = modalities(bare_nlp, classify, sentence, asserted + hedged)
        wrong += [(sentence, w, found[w]) for w in asserted if found[w] != "asserted"]
        wrong += [(sentence, w, found[w]) for w in hedged if found[w] == "asserted"]
    return wrong


def rate(bare_nlp, classify, cases):
    words = sum(len(a) + len(h) for _, a, h in cases)
    return 1 - len(misses(bare_nlp, classify, cases)) / words


@pytest.fixture(scope="module")
def classify(pipeline):
    return pipeline.event_finder.modality.classify


def test_the_rates_hold(bare_nlp, classify):
    assert rate(bare_nlp, classify, SCOPED) >= 0.97
    assert rate(bare_nlp, classify, CONTROLS) >= 0.97


@pytest.mark.parametrize("sentence,asserted,hedged", SCOPED)
def test_a_hedge_governs_its_own_clause(bare_nlp, classify, sentence, asserted, hedged):
    assert misses(bare_nlp, classify, [(sentence, asserted, hedged)]) == []


@pytest.mark.parametrize("sentence,asserted,hedged", CONTROLS)
def test_a_sentence_hedged_as_a_whole_stays_hedged(bare_nlp, classify, sentence, asserted, hedged):
    assert misses(bare_nlp, classify, [(sentence, asserted, hedged)]) == []


if __name__ == "__main__":
    from eventwire.extraction import nlp as ew_nlp
    from eventwire.extraction.pipeline import Pipeline

    probe_classify = Pipeline(workers=1).event_finder.modality.classify
    probe_nlp = ew_nlp.load_bare()
    for name, cases in (("scoped", SCOPED), ("controls", CONTROLS)):
        for sentence, word, found in misses(probe_nlp, probe_classify, cases):
            print("MISSED", name, word, found, "|", sentence)
        print(f"{name} {rate(probe_nlp, probe_classify, cases):.3f}")
