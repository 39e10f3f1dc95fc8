"""Phrasings of the PLOVER types the event tables cover: phrasal verbs, light verbs
with an event noun, verbs limited to an object list. Sentences are written for
these tests.

Trigger cases check the coding of one word of a sentence; event cases check the
whole coded event (source, type, target, modality) where the roles are plain.
"""

from __future__ import annotations

import pytest

from newsevents.analyze import analyze
from newsevents.evaluate.events import actor_code
from newsevents.extract.event_triggers import sentence_triggers
from newsevents.lexicon import load_lexicon
from newsevents.records import Article

# (sentence, trigger word, PLOVER type)
TRIGGERS: list[tuple[str, str, str]] = [
    ("Chile's government backed down after weeks of strikes.", "backed", "CONCEDE"),
    ("Bowing to weeks of protests, the council voted to hold early elections.",
     "Bowing", "CONCEDE"),
    ("Ecuador restored internet access after the protests.", "restored", "CONCEDE"),
    ("Argentina called up 20,000 reservists on Monday.", "called", "MOBILIZE"),
    ("Thousands of reservists were called up by the army.", "called", "MOBILIZE"),
    ("Pakistan put its air force on high alert on Tuesday.", "put", "MOBILIZE"),
    ("Britain dispatched two destroyers to the Black Sea.", "dispatched", "MOBILIZE"),
    ("France sent an aircraft carrier to the eastern Mediterranean.", "sent", "MOBILIZE"),
    ("Russia moved rocket launchers to the border.", "moved", "MOBILIZE"),
    ("Taiwan scrambled jets as Chinese bombers approached.", "scrambled", "MOBILIZE"),
    ("China's envoy defended the Russian government at the United Nations.",
     "defended", "SUPPORT"),
    ("Nigeria sided with Niger in its dispute with France.", "sided", "SUPPORT"),
    ("Egypt turned to Saudi Arabia for financial help.", "turned", "REQUEST"),
    ("Greece pressed Turkey to withdraw its survey ship.", "pressed", "REQUEST"),
    ("Students staged a sit-in outside the Israeli embassy.", "staged", "PROTEST"),
    ("Hundreds of Iraqis gathered outside the Turkish embassy.", "gathered", "PROTEST"),
    ("Protesters in Serbia took to the streets of Belgrade.", "took", "PROTEST"),
    ("Teachers in Kenya began an indefinite strike on Monday.", "strike", "PROTEST"),
    ("Smugglers who cross the border will meet the same fate, the general said.",
     "meet", "THREATEN"),
    ("The 400 peacekeepers are due to be flown home next week.", "flown", "RETREAT"),
    ("Canada will bring its troops home by June.", "bring", "RETREAT"),
    ("Ghanaian police are working side by side with Togolese officers.", "working",
     "COOPERATE"),
    ("Germany was sharply critical of the Polish decision.", "critical", "ACCUSE"),
    ("Peru and Chile inked a fisheries pact on Friday.", "inked", "AGREE"),
    ("Moldova kicked out two Belarusian diplomats.", "kicked", "SANCTION"),
    ("Bolivia walked away from the trade deal.", "walked", "REJECT"),
    ("Canada rolled back its sanctions on Venezuelan oil.", "rolled", "RETREAT"),
    ("Nurses walked off the job in Lagos.", "walked", "PROTEST"),
    ("Militants rained rockets on the border town.", "rained", "ASSAULT"),
    ("Ukraine launched a counteroffensive in the east.", "counteroffensive", "ASSAULT"),
    ("Seoul said Pyongyang would pay a heavy price for any provocation.", "pay", "THREATEN"),
    ("Vietnam poured cold water on the Chinese proposal.", "poured", "REJECT"),
    ("Argentina turned a deaf ear to the creditors' appeals.", "turned", "REJECT"),
    ("Hungary dug in its heels over the new sanctions.", "dug", "REJECT"),
    ("Russia drew a red line over NATO expansion.", "drew", "THREATEN"),
    ("Ghana took issue with Togo's remarks.", "took", "ACCUSE"),
    ("China flexed its military muscle near the strait.", "flexed", "MOBILIZE"),
    ("The Iranian delegation walked out of the talks in Geneva.", "walked", "SANCTION"),
    ("Qatar footed the bill for the new hospital.", "footed", "AID"),
    ("The United States reimposed sanctions on Cuba.", "reimposed", "SANCTION"),
    ("The European Union tightened sanctions on Iran.", "tightened", "SANCTION"),
    ("China announced export curbs on rare metals.", "curbs", "SANCTION"),
    ("Hungary blocked an aid package for Ukraine.", "blocked", "REJECT"),
    ("Beijing dismissed the tribunal's ruling as void.", "dismissed", "REJECT"),
    ("Estonia handed its Finnish partners intelligence on the ship.", "handed", "COOPERATE"),
    ("Tajikistan will supply Afghanistan with electricity.", "supply", "COOPERATE"),
    ("Tents were flown to Morocco by Turkey's disaster agency.", "flown", "AID"),
    ("Armenia and Azerbaijan exchanged prisoners on Sunday.", "exchanged", "RETREAT"),
    ("The government accepted the union's demands for higher pay.", "accepted", "CONCEDE"),
    ("Algeria objected to France's support for Morocco's plan.", "support", "SUPPORT"),
    ("The ambassador's denunciation of the test was blunt.", "denunciation", "ACCUSE"),
    ("Jordan closed its border with Syria on Friday.", "closed", "SANCTION"),
    ("Israeli jets targeted militant positions near the border.", "targeted", "ASSAULT"),
    ("Police placed the opposition leader under house arrest.", "placed", "COERCE"),
    ("Japan offered aid to Turkey after the earthquake.", "offered", "AID"),
    ("Russia staged naval drills in the Baltic Sea.", "staged", "MOBILIZE"),
    ("Washington eased sanctions on Venezuela's oil sector.", "eased", "RETREAT"),
    ("Ecuador lifted the curfew in Quito.", "lifted", "CONCEDE"),
    ("Some protesters threw stones at riot police.", "threw", "PROTEST"),
    ("The Iranian delegation was led by the foreign minister.", "led", "CONSULT"),
    ("Iran hit out at France over the arrests.", "hit", "ACCUSE"),
    ("Missiles hit the city on Monday.", "hit", "ASSAULT"),
    ("Brazil took aim at the United States over tariffs.", "took", "ACCUSE"),
    ("China voted against the resolution.", "voted", "REJECT"),
    ("Ukraine mounted an offensive near Kharkiv.", "mounted", "ASSAULT"),
    # a complaint reports what was done; it does not swallow it as an accusation does
    ("Austria has not voiced support for Croatia's bid, Croatian officials complained.",
     "voiced", "SUPPORT"),
    ("Estonian police boarded the Vega, a Panamanian freighter, on Friday.",
     "boarded", "COERCE"),
    ("The Aurora Star, a Maltese tanker, was boarded by marines.", "boarded", "COERCE"),
    ("Militias blocked the only route into the port city.", "blocked", "COERCE"),
    ("Georgia joined the regional trade pact in 2019.", "joined", "AGREE"),
    ("Japan has not joined the embargo on Iranian oil.", "joined", "SANCTION"),
    ("Sudan allowed UN monitors into Darfur.", "allowed", "RETREAT"),
    ("The peacekeepers left over the weekend.", "left", "RETREAT"),
    ("The rebels pledged to respect the truce.", "pledged", "AGREE"),
    ("Oman said it was in contact with both governments.", "contact", "CONSULT"),
    # a plural "noun" that takes an object is a present-tense verb the tagger misread
    ("“Chile thanks its Argentine neighbours,” the minister said.", "thanks", "SUPPORT"),
    ("A court in Dhaka found the editor guilty of sedition.", "found", "COERCE"),
    ("About 300 Rwandan troops landed in Bangui on Monday.", "landed", "MOBILIZE"),
    ("Farmers blocked motorways around Lyon with tractors.", "blocked", "PROTEST"),
    ("Tehran branded the sanctions illegal.", "branded", "REJECT"),
    ("The opposition branded the minister a traitor.", "branded", "ACCUSE"),
    ("Both leaders will attend the signing of the treaty in Geneva.", "signing", "AGREE"),
    ("A new bridge was opened jointly by Laos and Thailand.", "opened", "COOPERATE"),
    ("The junta expelled the UN peacekeeping mission last year.", "expelled", "SANCTION"),
    ("The junta expelled two French journalists.", "expelled", "COERCE"),
    ("Qatar promised to keep mediating between the two sides.", "promised", "AGREE"),
    ("Japan promised $50 million in aid to Sri Lanka.", "promised", "AID"),
    ("Ghana convened an emergency meeting of West African leaders.", "convened", "CONSULT"),
    ("Kenya will partner with Ethiopia on border security.", "partner", "COOPERATE"),
    ("Jordanian planes airdropped food over northern Gaza.", "airdropped", "AID"),
    ("Azerbaijan repatriated 32 Armenian prisoners.", "repatriated", "RETREAT"),
    ("Washington unfroze $6 billion in Iranian funds.", "unfroze", "RETREAT"),
    ("Ukraine applied for membership of the European Union.", "applied", "REQUEST"),
    ("Hungary declined the invitation to the summit.", "declined", "REJECT"),
    ("Protesters defied the curfew in Dhaka.", "defied", "REJECT"),
    ("Washington withheld military aid from Cairo.", "withheld", "SANCTION"),
    ("Niger ended military cooperation with France.", "ended", "SANCTION"),
    ("The journalist was charged with espionage by a Russian court.", "charged", "COERCE"),
    ("Guatemala restricted the movement of Honduran migrants.", "restricted", "COERCE"),
    ("The junta dissolved the main opposition party.", "dissolved", "COERCE"),
    ("Gunmen hijacked a bus near the border.", "hijacked", "ASSAULT"),
    ("Bulldozers demolished Palestinian homes near Hebron.", "demolished", "ASSAULT"),
    ("Seoul proposed a dialogue with Pyongyang.", "dialogue", "CONSULT"),
    ("The president announced an amnesty for political prisoners.", "amnesty", "CONCEDE"),
    ("The junta allowed opposition parties to resume their activities.", "allowed", "CONCEDE"),
    ("Myanmar let UN monitors enter Rakhine state.", "let", "RETREAT"),
    ("A student exchange between Lyon and Quebec begins in May.", "exchange", "COOPERATE"),
    ("Germany pledged its support for Moldova's accession bid.", "pledged", "SUPPORT"),
    ("Saudi Arabia and Iran restored diplomatic relations in March.", "restored", "SUPPORT"),
    ("Sweden resumed aid to Somalia after a two-year pause.", "resumed", "AID"),
    ("The electoral board barred opposition candidates from the vote.", "barred", "COERCE"),
    ("Government troops recaptured the town on Friday.", "recaptured", "ASSAULT"),
    ("Chadian troops fought alongside the Malian army in 2013.", "fought", "COOPERATE"),
    ("The mediators suspended the next round of talks.", "suspended", "SANCTION"),
    ("Peru scrapped its summit with Chile.", "scrapped", "SANCTION"),
    ("Peru scrapped its summit with Chile.", "summit", "CONSULT"),
    ("Iran came to an agreement with the agency.", "came", "AGREE"),
    ("Ethiopia signed on to the accord.", "signed", "AGREE"),
    ("Iraq gave its blessing to the plan.", "gave", "SUPPORT"),
    ("China backed off from its demands.", "backed", "CONCEDE"),
    ("Turkey pulled out of the arms treaty.", "pulled", "REJECT"),
    ("Iran withdrew from the nuclear talks.", "withdrew", "SANCTION"),
    ("The junta set free 200 prisoners.", "set", "RETREAT"),
    ("Turkey rounded on Greece over the migrants.", "rounded", "ACCUSE"),
    ("Russia pinned the blame on Ukraine.", "pinned", "ACCUSE"),
    ("Armenia levelled fresh accusations against Azerbaijan.", "levelled", "ACCUSE"),
    ("Poland raised concerns with Belarus about the camps.", "raised", "ACCUSE"),
    ("Government troops stormed the rebel stronghold.", "stormed", "ASSAULT"),
    ("Egypt shut down the news website.", "shut", "COERCE"),
    ("Farmers blockaded roads near Lyon.", "blockaded", "PROTEST"),
    ("Qatar bankrolled the reconstruction of the port.", "bankrolled", "AID"),
    ("China issued a formal protest to Japan over the visit.", "issued", "ACCUSE"),
    ("Germany gave assurances to Poland on security.", "gave", "AGREE"),
    ("France made a donation to the Lebanese army.", "made", "AID"),
    ("Norway facilitated talks between the two sides.", "facilitated", "CONSULT"),
    ("The EU played host to both leaders.", "played", "CONSULT"),
    ("Nigeria extended an olive branch to Niger.", "extended", "AGREE"),
    ("India suspended the water treaty with Pakistan.", "suspended", "REJECT"),
    ("Niger and Mali formed a defence pact.", "formed", "AGREE"),
    ("Kenya joined hands with Ethiopia against the locusts.", "joined", "COOPERATE"),
    ("Iran raised its alert level on Sunday.", "raised", "MOBILIZE"),
    # a weapons test is a show of force, not an attack
    ("North Korea test-fired a ballistic missile.", "fired", "MOBILIZE"),
    ("The government lifted the state of emergency.", "lifted", "CONCEDE"),
    ("The army imposed martial law in the province.", "imposed", "COERCE"),
    ("Dock workers downed tools in Durban.", "downed", "PROTEST"),
    # "aside" and "down" parsed as adverbs still make the phrasal verb
    ("Russia brushed aside the Western demands.", "brushed", "REJECT"),
    ("Serbia climbed down over the licence plates.", "climbed", "CONCEDE"),
    ("Hungary balked at the new package.", "balked", "REJECT"),
    ("Iran threw out the American proposal.", "threw", "REJECT"),
    ("Turkey blasted Sweden over the protest.", "blasted", "ACCUSE"),
    ("France chided Italy over the migrants.", "chided", "ACCUSE"),
    ("Russia came to the defence of Iran.", "came", "SUPPORT"),
    ("Ethiopia gave ground on the dam.", "gave", "CONCEDE"),
    ("Poland made a U-turn on the grain ban.", "made", "CONCEDE"),
    ("Israel softened its stance on the convoys.", "softened", "CONCEDE"),
    ("The two leaders huddled with their advisers.", "huddled", "CONSULT"),
    ("Greece put its navy on standby.", "put", "MOBILIZE"),
    ("Iran's refusal of the offer surprised no one.", "refusal", "REJECT"),
    ("The French pullout from Mali was completed.", "pullout", "RETREAT"),
    ("The American drawdown took a year.", "drawdown", "RETREAT"),
    ("A Ukrainian counterattack near the town was repulsed.", "counterattack", "ASSAULT"),
    ("Japan's apology to South Korea was welcomed.", "apology", "CONCEDE"),
    ("The US rushed emergency aid to Libya.", "rushed", "AID"),
    ("The IMF unlocked a $3 billion tranche for Egypt.", "unlocked", "AID"),
    ("France and Germany pooled resources for the new jet.", "pooled", "COOPERATE"),
    ("India provided satellite data to Sri Lanka.", "provided", "COOPERATE"),
    ("Armenia ceded territory to Azerbaijan.", "ceded", "RETREAT"),
    ("The junta outlawed the opposition rally.", "outlawed", "COERCE"),
    ("Kenyan police tear-gassed the crowd on Monday.", "gassed", "ASSAULT"),
    ("The rebels overran an army base.", "overran", "ASSAULT"),
    # a truce struck is agreed, not an attack
    ("Israel and Hamas struck a truce.", "struck", "AGREE"),
    ("Ethiopia and Eritrea made peace in 2018.", "made", "AGREE"),
    ("Kosovo and Serbia settled their dispute.", "settled", "AGREE"),
    ("The two sides ironed out their differences.", "ironed", "AGREE"),
    ("Mexico and the US renewed their security pact.", "renewed", "AGREE"),
    ("Chile took up Peru's offer of talks.", "took", "AGREE"),
    ("Russia and Ukraine traded prisoners.", "traded", "RETREAT"),
    ("China lodged stern representations with Japan.", "lodged", "ACCUSE"),
    ("Troops headed to the border on Monday.", "headed", "MOBILIZE"),
    ("The minister landed in Beijing on Sunday.", "landed", "CONSULT"),
    ("The UN envoy shuttled between Riyadh and Sanaa.", "shuttled", "CONSULT"),
    ("Russia rattled its nuclear sabre at NATO.", "rattled", "THREATEN"),
    ("North Korea vowed to crush its enemies.", "crush", "THREATEN"),
    ("Security forces crushed the uprising in 2011.", "crushed", "ASSAULT"),
    ("Turkey held out the threat of military action.", "held", "THREATEN"),
    ("Serbia served an ultimatum on the rebels.", "served", "THREATEN"),
    ("Moscow dubbed the sanctions economic warfare.", "dubbed", "ACCUSE"),
    ("The EU targeted Belarusian officials with sanctions.", "targeted", "SANCTION"),
    ("Canada placed sanctions on Iranian officials.", "placed", "SANCTION"),
    ("Japan tightened export controls on chips.", "tightened", "SANCTION"),
    ("Argentina nationalised a Spanish oil company.", "nationalised", "COERCE"),
    ("The junta suspended the French broadcaster.", "suspended", "COERCE"),
    ("The US reassured Taiwan of its support.", "reassured", "SUPPORT"),
    ("France vouched for Morocco's plan.", "vouched", "SUPPORT"),
    ("China championed Pakistan's bid.", "championed", "SUPPORT"),
    ("Russia moved nuclear weapons to Belarus.", "moved", "MOBILIZE"),
    ("Ukraine begged the West for more weapons.", "begged", "REQUEST"),
]

# A hostile act the actor will or could take on a condition is also a threat.
THREATS: list[tuple[str, str]] = [
    ("Peru said it would suspend talks with the miners unless the road was cleared.",
     "suspend"),
    ("If the shelling persists, Kenya could cut ties with both factions.", "cut"),
    ("Spain said it might expel Algeria's ambassador.", "expel"),
]

# "ready to cooperate": an actor that says it is ready to act expresses intent (AGREE).
OFFERS: list[tuple[str, str, str]] = [
    ("Norway said it was ready to host talks between the two sides.", "host", "CONSULT"),
    ("Chile is willing to cooperate with Bolivian investigators.", "cooperate", "COOPERATE"),
]

# "released a report", "pressed ahead with": the verb is no event
NOT_EVENTS: list[tuple[str, str]] = [
    ("The ministry pressed ahead with its plans.", "pressed"),
    ("The army released a report on Monday.", "released"),
    ("Two other trawlers met the same fate last spring.", "met"),
    ("Free elections are due in May.", "Free"),
    ("Japan took a hard look at the figures.", "took"),
    ("The supreme court struck down the law in March.", "struck"),
    ("Ukraine has paid a heavy price for its resistance.", "paid"),
    ("Japan's exports hit a record high in March.", "hit"),
    ("Sweden will deport rejected Afghan asylum seekers, the minister said.", "rejected"),
    ("The minister left for Brussels on Monday.", "left"),
    ("Officials said he was wanted on fraud charges.", "wanted"),
    ("The minister declined to comment.", "declined"),
    ("The union called a press conference on Monday.", "called"),
    ("Israel evacuated its embassy staff on Friday.", "evacuated"),
    ("A decision is due in March.", "due"),
    ("Laos and Thailand jointly announced the results.", "announced"),
]

Expected = tuple[str | None, str, str | None, str]

# (sentence, expected events)
EVENTS: list[tuple[str, list[Expected]]] = [
    # a cancelled visit is a cancellation and a visit that will not take place
    ("Kenya's president called off his visit to Uganda.",
     [("KEN", "SANCTION", "UGA", "asserted"), ("KEN", "CONSULT", "UGA", "negated")]),
    ("The visit to Algeria by the French president was put off.",
     [("FRA", "CONSULT", "DZA", "negated")]),
    ("The meeting between Japan and China was shelved.",
     [("JPN", "CONSULT", "CHN", "negated"), ("CHN", "CONSULT", "JPN", "negated")]),
    ("The US arms sale to Taiwan infuriated Beijing.",
     [("USA", "AID", "TWN", "asserted")]),
    ("Russia's annexation of Crimea was condemned.",
     [("RUS", "ASSAULT", "UKR", "asserted")]),
    ("Saudi Arabia's recognition of Israel came in March.",
     [("SAU", "SUPPORT", "ISR", "asserted")]),
    # money set aside for a recipient is promised, not yet given
    ("Japan earmarked $5 million for Turkey's quake victims.",
     [("JPN", "AID", "TUR", "planned")]),
    ("Japan pledged closer cooperation with the Philippines.",
     [("JPN", "COOPERATE", "PHL", "planned")]),
    ("The Indian prime minister is due in Washington next week.",
     [("IND", "CONSULT", "USA", "planned")]),
    ("A Chinese loan to Kenya funded the railway.",
     [("CHN", "AID", "KEN", "asserted")]),
    ("The US airlift to Kabul ended in August.",
     [("USA", "AID", "AFG", "asserted")]),
    ("Serbia held Kosovo responsible for the violence.",
     [("SRB", "ACCUSE", "XKX", "asserted")]),
    ("Saudi Arabia deposited $3 billion in Pakistan's central bank.",
     [("SAU", "AID", "PAK", "asserted")]),
    ("Japan is seeking talks with China over the disputed islands.",
     [("JPN", "CONSULT", "CHN", "planned")]),
    ("Turkey reimposed sanctions on Syria on Tuesday.",
     [("TUR", "SANCTION", "SYR", "asserted")]),
    ("Pakistan put its air force on alert after India's threats.",
     [("PAK", "MOBILIZE", "IND", "asserted")]),
    ("Egypt turned to Saudi Arabia for financial help.",
     [("EGY", "REQUEST", "SAU", "asserted")]),
    ("Hundreds of Iraqis gathered outside the Turkish embassy in Baghdad.",
     [("IRQ", "PROTEST", "TUR", "asserted")]),
    ("Greece pressed Turkey to withdraw its survey ship.",
     [("GRC", "REQUEST", "TUR", "asserted")]),
    ("China's envoy defended the Russian government at the United Nations.",
     [("CHN", "SUPPORT", "RUS", "asserted")]),
    ("A new bridge was opened jointly by Laos and Thailand.",
     [("LAO", "COOPERATE", "THA", "asserted"), ("THA", "COOPERATE", "LAO", "asserted")]),
    ("Spain said it might expel Algeria's ambassador.",
     [("ESP", "THREATEN", "DZA", "asserted")]),
    ("Iran called Israel's strike an act of aggression.",
     [("IRN", "ACCUSE", "ISR", "asserted")]),
    ("China described the US sanctions as blatant interference.",
     [("CHN", "ACCUSE", "USA", "asserted")]),
    ("Chile said it was willing to send aid to Bolivia.",
     [("CHL", "AID", "BOL", "planned"), ("CHL", "AGREE", "BOL", "planned")]),
    ("Kenya is prepared to deploy troops to Haiti.", [("KEN", "MOBILIZE", "HTI", "planned")]),
    ("Kenya said it was grateful to Ethiopia for its help.",
     [("KEN", "SUPPORT", "ETH", "asserted")]),
    ("Germany took a tough line on Russia.", [("DEU", "REJECT", "RUS", "asserted")]),
    ("Canada hit Iran with new sanctions.", [("CAN", "SANCTION", "IRN", "asserted")]),
    ("Japan wrote off part of Laos's debt.", [("JPN", "AID", "LAO", "asserted")]),
    ("Brussels put pressure on Budapest to drop its veto.",
     [("IGO:EU", "REQUEST", "HUN", "asserted")]),
    ("Chile reached out to Peru after the election.", [("CHL", "CONSULT", "PER", "asserted")]),
    ("Indian and Pakistani troops traded fire along the border.",
     [("IND", "ASSAULT", "PAK", "asserted"), ("PAK", "ASSAULT", "IND", "asserted")]),
    ("Egypt's president received a call from King Salman of Saudi Arabia.",
     [("SAU", "CONSULT", "EGY", "asserted")]),
    ("Greece and Turkey mended ties in 2020.",
     [("GRC", "SUPPORT", "TUR", "asserted"), ("TUR", "SUPPORT", "GRC", "asserted")]),
    ("The European Union gave Minsk ten days to free the detained journalists or face "
     "further sanctions.", [("IGO:EU", "THREATEN", "BLR", "asserted")]),
    ("Turkey told Sweden to extradite the suspects or face a veto.",
     [("TUR", "THREATEN", "SWE", "asserted")]),
]


@pytest.fixture(scope="module")
def tables():
    return load_lexicon().events


def _triggers(nlp, tables, sentence: str) -> dict[str, str]:
    doc = nlp(sentence)
    return {m.token.text: m.pattern.type for s in doc.sents
            for m in sentence_triggers(s, tables, [])}


@pytest.mark.parametrize("case", TRIGGERS, ids=lambda c: c[1] + "-" + c[2])
def test_phrasing_is_coded(nlp, tables, case) -> None:
    sentence, word, type_ = case
    assert _triggers(nlp, tables, sentence).get(word) == type_


@pytest.mark.parametrize("case", THREATS, ids=lambda c: c[1])
def test_conditional_hostility_is_a_threat(nlp, tables, case) -> None:
    sentence, word = case
    doc = nlp(sentence)
    types = {m.pattern.type for s in doc.sents for m in sentence_triggers(s, tables, [])
             if m.token.text == word}
    assert "THREATEN" in types and len(types) == 2


@pytest.mark.parametrize("case", OFFERS, ids=lambda c: c[1])
def test_readiness_is_an_offer(nlp, tables, case) -> None:
    sentence, word, type_ = case
    doc = nlp(sentence)
    types = {m.pattern.type for s in doc.sents for m in sentence_triggers(s, tables, [])
             if m.token.text == word}
    assert types == {type_, "AGREE"}


def test_onlookers_forecast_is_no_threat(nlp, tables) -> None:
    doc = nlp("Analysts said China could cut ties with Manila if the row escalates.")
    types = {m.pattern.type for s in doc.sents for m in sentence_triggers(s, tables, [])}
    assert types == {"SANCTION"}


def test_aid_cut_for_want_of_money_is_no_threat(nlp, tables) -> None:
    doc = nlp("The agency will halve rations next month unless donors come forward.")
    types = {m.pattern.type for s in doc.sents for m in sentence_triggers(s, tables, [])}
    assert types == {"SANCTION"}


@pytest.mark.parametrize("case", NOT_EVENTS, ids=lambda c: c[1])
def test_phrasing_is_not_coded(nlp, tables, case) -> None:
    sentence, word = case
    assert word not in _triggers(nlp, tables, sentence)


@pytest.mark.parametrize("case", EVENTS, ids=lambda c: c[1][0][1])
def test_phrasing_gives_event(nlp, case) -> None:
    sentence, expected = case
    article = Article(id="t", text=sentence, title=None, source="Test Wire",
                      published="2021-03-10", published_how="given")
    found = {(actor_code(e.source.contract_dict()) if e.source else None, e.type,
              actor_code(e.target.contract_dict()) if e.target else None, e.modality)
             for e in analyze(article, nlp=nlp).events}
    for event in expected:
        assert event in found, f"{event} not in {found}"
