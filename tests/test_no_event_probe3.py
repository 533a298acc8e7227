"""Probes of no event, third set (issue 12): protest-news snippets of the CASE 2021 kind that report no political
violence or protest taking place: court cases and verdicts, policy statements, strikes and marches announced for
later, calls to protest, elections, commemorations, investigations, opinions, sports, economic news, celebrations
and appeals. They must give no asserted record with an ACLED type. True events told in the same style keep theirs.

Every snippet was written for these tests (real and invented names); none comes from an evaluation set. The
probes the rules do not handle yet are kept as expected failures (KNOWN_GAPS), so that a fix shows up as XPASS."""

from __future__ import annotations

import pytest

from probes import acled_events

NON_EVENTS = [
    # -- courts and verdicts
    'The Madras High Court on Thursday reserved its verdict on the bail plea of the trade union leader.',
    'A special court in Kolkata acquitted all 11 accused in the 2009 rail blockade case for want of evidence.',
    'The Constitutional Court in Johannesburg ruled that the eviction of the Kliptown shack dwellers was unlawful.',
    'A federal judge in Buenos Aires ordered the release of the union secretary after three months in custody.',
    "Brazil's Supreme Court will decide next week whether the former governor can stand for office.",
    'The magistrate adjourned the hearing of the Marikana miners to March 14 at the request of the defence.',
    'The Allahabad High Court dismissed a petition seeking a ban on the farmers rally in Meerut.',
    'Prosecutors in Sao Paulo filed charges of fraud against four executives of the construction firm.',
    'The court granted bail to the student leader Farhan Qureshi, who had been held since January.',
    # -- policy statements and government decisions
    'The Kerala government announced a relief package of Rs 500 crore for fishermen hit by the ban.',
    'President Alberto Fernandez said on Monday that fuel subsidies would be kept in place until December.',
    'The Gauteng education department said schools would reopen on January 12 as planned.',
    'The Union Cabinet approved the new labour code, which merges 29 central laws into four.',
    'Finance Minister Tito Mboweni said the state could not afford a wage increase for public servants this year.',
    'The municipal corporation decided to regularise the hawkers in the old city after talks with their union.',
    # -- strikes, marches and protests announced or called for
    'Truck operators in Tamil Nadu have threatened to go on an indefinite strike from Monday over rising diesel prices.',
    'The All India Kisan Sabha will hold a nationwide protest on November 26 against the farm laws.',
    'COSATU has called on workers to join a national shutdown next Wednesday to protest against corruption.',
    'The opposition urged its supporters to take to the streets if the election result is not annulled.',
    'Teachers unions in Buenos Aires province plan to strike for 48 hours next week unless wages are raised.',
    'Bank employees will observe a two-day strike on March 15 and 16 against privatisation, the union said.',
    'The Naga Students Federation warned of an agitation if the exam dates are not changed.',
    'Metalworkers in Sao Bernardo voted to strike if the carmaker goes ahead with the layoffs.',
    'Residents of Alexandra said they would march to the municipal offices on Friday to demand water.',
    # -- elections
    'Voters in Bihar queued from early morning as polling for the first phase began in 71 constituencies.',
    'The ANC won 57 percent of the vote, its worst result since the end of apartheid.',
    'Counting of votes for the municipal elections in Rosario will begin on Sunday evening.',
    'The Trinamool Congress fielded a former footballer as its candidate for the Howrah seat.',
    # -- commemorations, celebrations
    'Thousands of devotees took a holy dip in the Ganga on the occasion of Makar Sankranti.',
    'South Africans marked Freedom Day on Tuesday with concerts and speeches across the country.',
    'The nation paid homage to the martyrs of the Jallianwala Bagh massacre on its 101st anniversary.',
    'Fans poured into the streets of Buenos Aires to celebrate the World Cup victory.',
    'Residents of Olinda danced through the streets as the carnival opened on Saturday.',
    'The party celebrated its foundation day with a blood donation camp at its headquarters.',
    # -- investigations and inquiries
    'The CBI has registered a case and begun investigating the disappearance of funds from the cooperative bank.',
    'A commission of inquiry into the Marikana shootings heard testimony from a police general on Monday.',
    'The police have formed a special team to trace the missing college student from Guntur.',
    'Investigators are looking into the cause of the fire that gutted the textile market in Surat.',
    # -- opinions, appeals, statements
    'The chief minister appealed to the agitating doctors to call off their strike in the interest of patients.',
    'Human rights groups urged the government to withdraw the sedition charges against the journalists.',
    'The bishop appealed for calm and asked both communities to resolve their differences through dialogue.',
    'In a column, the economist argued that the protests reflect a deep crisis of confidence in the state.',
    'The union leader said the workers were ready for talks but would not accept the pay offer.',
    'The opposition leader accused the government of using the police to silence dissent.',
    'The minister condemned the violence and promised strict action against those responsible.',
    # -- economy, business
    'The rupee fell to a record low of 83 against the dollar as oil prices climbed.',
    'Petrobras raised the price of diesel at refineries by 8 percent on Tuesday.',
    'Eskom announced stage 4 load shedding from 4pm as more generating units broke down.',
    'Inflation in Argentina reached 94 percent in the year to November, the statistics agency said.',
    'The sugar mills owe cane farmers more than Rs 12,000 crore in arrears, the minister told the assembly.',
    # -- sports and entertainment
    'India crushed Sri Lanka by nine wickets in the second one-day international at Guwahati.',
    'Flamengo stormed back to beat Palmeiras 3-2 in a thrilling final in Lima.',
    'The Proteas fought off a late challenge to win the series in Centurion.',
    'Boca Juniors fans blasted the referee after the club was knocked out of the Copa Libertadores.',
    # -- crime and accidents
    'Police arrested a man in Thane for allegedly duping job seekers of Rs 40 lakh.',
    'Two men were killed when their motorcycle collided with a truck on the national highway near Nashik.',
    'A fire broke out in a slum in Mumbai, gutting more than 200 huts; no one was injured.',
    'A gang of thieves broke into an ATM in Pune and stole Rs 18 lakh, police said.',
    'Eleven people died after drinking spurious liquor in a village in Amritsar district.',
    'A bus carrying wedding guests plunged into a gorge in Uttarakhand, killing 25.',
    'Police seized 300 kg of ganja from a truck at the Odisha border and arrested the driver.',
    # -- talks and agreements that end an action
    'The transporters called off their strike after talks with the transport minister on Saturday night.',
    'The striking nurses returned to work after the government agreed to pay their arrears.',
    'The mine workers union and the employers signed a three-year wage agreement on Friday.',
    # -- reports, figures and history
    'The report found that more than 1,200 protests took place across India last year.',
    'The 1984 riots remain a painful chapter in the history of the capital.',
    'Since the farm laws were passed, the union says it has held dozens of meetings in villages.',
    'The movie depicts the 1976 Soweto uprising through the eyes of a young student.',
]

TRUE_EVENTS = [
    'Thousands of farmers blocked the Delhi-Jaipur highway on Tuesday to protest against the farm laws.',
    'Police fired tear gas at students marching towards the parliament in Cape Town.',
    'Truck operators went on an indefinite strike on Monday over rising diesel prices.',
    'Members of the All India Kisan Sabha staged a dharna outside the collectorate in Nashik.',
    'Residents of Alexandra marched to the municipal offices on Friday to demand water.',
    'Teachers in Buenos Aires province walked off the job for 48 hours demanding higher wages.',
    'Metalworkers in Sao Bernardo downed tools and rallied outside the carmaker plant.',
    'Angry villagers set fire to two buses after a boy was run over in Patna.',
    'A mob torched the police station in Bhainsa after a clash between two communities.',
    'Police lathi-charged protesters who tried to storm the secretariat in Bhubaneswar.',
    'Protesters burned tyres and blocked the N2 near Khayelitsha over the lack of electricity.',
    'Unemployed workers known as piqueteros blocked the Pueyrredon bridge in Buenos Aires.',
    'Landless workers occupied a sugar cane farm in Pernambuco on Sunday.',
    'Maoists killed two policemen in an ambush in Dantewada district.',
    'Gunmen shot dead a councillor outside his home in Umlazi on Saturday night.',
    'Police arrested 40 protesters who had gathered outside the governor residence in Chennai.',
    'Hundreds of students held a candlelight march in Kolkata demanding justice for the victim.',
    'Doctors at the government hospital in Jaipur boycotted work after a colleague was assaulted.',
    'Supporters of the opposition clashed with police in Rio de Janeiro after the vote.',
    'A crowd lynched a man suspected of stealing cattle in Alwar district.',
    'Miners at the Lonmin platinum mine went on a wildcat strike on Thursday.',
    'Activists of the youth wing gheraoed the vice-chancellor in Lucknow.',
    'Residents pelted stones at the police when they tried to demolish the shanties.',
    'Masked men hurled petrol bombs at the office of the ruling party in Kannur.',
    'Bank employees observed a strike on Tuesday, paralysing banking services across the state.',
    'Police opened fire on protesters in Thoothukudi, killing 13 people.',
    'Hundreds of women staged a sit-in at the Plaza de Mayo demanding an end to gender violence.',
    'Shopkeepers downed their shutters in Srinagar in protest against the killing.',
    'Students boycotted classes and protested at the university gate in Pretoria over fees.',
    'Farmers dumped tomatoes on the road in Kurnool to protest against falling prices.',
]

# the probes the rules do not handle yet (expected failures until a fix lands)
KNOWN_GAPS = {
    'Landless workers occupied a sugar cane farm in Pernambuco on Sunday.',
    'Bank employees observed a strike on Tuesday, paralysing banking services across the state.',
}


def _marked(texts):
    return [pytest.param(t, marks=pytest.mark.xfail(strict=False)) if t in KNOWN_GAPS else t for t in texts]


def acled_records(pipeline, text):
    return [f"{e.event_type}/{e.sub_event_type}: {e.evidence.text}" for e in acled_events(pipeline, text)]


@pytest.mark.parametrize("text", _marked(NON_EVENTS))
def test_no_asserted_acled_record(pipeline, text):
    assert acled_records(pipeline, text) == [], text


@pytest.mark.parametrize("text", _marked(TRUE_EVENTS))
def test_true_event_keeps_its_record(pipeline, text):
    assert acled_records(pipeline, text), text


# -- the rules behind the probes, each both ways ------------------------------------------------------------

@pytest.mark.parametrize("no_event,event", [
    # a measure that hits a trade is no attack; a bomb that hits a market is one
    ("Shopkeepers hit by the lockdown demanded a waiver of rent.",
     "Militants hit a police patrol with a roadside bomb in Kupwara."),
    # custody as the time held before a release; custody taken is an arrest
    ("The magistrate freed the two journalists on bail after a week in police custody.",
     "Police took 25 students into custody outside the assembly in Hyderabad."),
    # an arrest for cheating people of money is police work against crime; an arrest of protesters is not
    ("Police arrested three men for cheating farmers of their crop insurance money.",
     "Police arrested three farmers who blocked the highway in Sangrur."),
    # a petition named before its signers is no agreement; an accord signed by two sides is one
    ("A petition signed by 40,000 residents was handed to the mayor of Rosario.",
     "The government and the rebels signed a ceasefire agreement in Juba on Sunday."),
    # attacked for a stance or a record is blamed in words; attacked for a role, with a killing, is violence
    ("The opposition attacked the minister for his handling of the floods in Assam.",
     "Gunmen attacked the village chief for his role in the peace talks, killing him."),
    # homage to the dead of an old massacre recalls it
    ("Leaders paid homage to the victims of the Sharpeville massacre.",
     "Police massacred 69 protesters at Sharpeville on Monday."),
])
def test_rule_pairs(pipeline, no_event, event):
    assert acled_records(pipeline, no_event) == [], no_event
    assert acled_records(pipeline, event), event


@pytest.mark.parametrize("announced,done", [
    # a headline's bare infinitive with a subject is announced, still to come; the same headline in the present
    # tells it done
    ("Farmers to block highways from Monday, says union", "Farmers block highways across Haryana, says union"),
    ("Teachers to strike from Monday over pay", "Teachers strike across Mendoza over pay"),
    ("Opposition parties to hold protests across Kerala on Friday", "Opposition parties hold protests across Kerala"),
    ("Villagers to gherao collectorate on Monday", "Villagers gheraoed the collectorate in Nalgonda"),
    ("Nurses to go on strike from Monday in Gauteng", "Nurses go on strike in Gauteng hospitals"),
    # a headline's verb the parser takes for a noun keeps its purpose clause real; so does a noun's purpose
    ("Dockers to stage walkout in Santos next week", "Counter attack by the rebels to repel the army advance on Bama"),
    ("Truckers to block roads across Minas Gerais from Monday", "Police fire tear gas to disperse protesters in Nairobi"),
])
def test_headline_infinitive_is_announced(pipeline, announced, done):
    assert acled_records(pipeline, announced) == [], announced
    assert acled_records(pipeline, done), done
