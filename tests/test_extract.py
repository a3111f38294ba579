"""The extractor, rule by rule (table-driven), and its measured accuracy (so a regression fails CI)."""

import json
import random
import re

import pandas as pd
import pytest

from analysis.__main__ import main
from analysis.data.schema import STANCES
from analysis.extract import confidence, extract, extract_many, fitting, said_words
from analysis.extract import evaluation as evaluate
from analysis.extract.actors import Actor, ActorIndex, Mention
from analysis.extract.core import explain
from analysis.extract.country_regex import alternation
from analysis.extract.mentions import _longest_first, find_mentions, groups
from analysis.extract.parse import parse
from analysis.extract.segment import sentences
from conftest import ROOT, extract_rows

CORPUS = ROOT / "tests" / "fixtures" / "extraction"
BLIND = ROOT / "tests" / "fixtures" / "blind"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The U.S. State Department spoke. Officials agreed.",
            ["The U.S. State Department spoke.", "Officials agreed."],
        ),
        ("Gen. Vladimir Padrino rejected it. He left.", ["Gen. Vladimir Padrino rejected it.", "He left."]),
        (
            "Sen. Ann Lee spoke at 9 a.m. on Monday. Reporters listened.",
            ["Sen. Ann Lee spoke at 9 a.m. on Monday.", "Reporters listened."],
        ),
        (
            "Dr. Jane Smith said J. R. Tolkien was right. Others disagreed.",
            ["Dr. Jane Smith said J. R. Tolkien was right.", "Others disagreed."],
        ),
        (
            "“We reject this,” said Foreign Minister Yván Gil. “It is illegal.”",
            ["“We reject this,” said Foreign Minister Yván Gil.", "“It is illegal.”"],
        ),
        (
            "Headline without a stop\nFirst sentence here. Second one.",
            ["Headline without a stop", "First sentence here.", "Second one."],
        ),
    ],
)
def test_sentences_do_not_split_at_abbreviations(text, expected):
    assert [text[a:b] for a, b in sentences(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chancellor Olaf Brandt said it.", [("Chancellor Olaf Brandt", "person", "")]),
        ("Foreign Secretary David Lammy spoke.", [("Foreign Secretary David Lammy", "person", "")]),
        ("Council member Rosa Diaz objected.", [("Council member Rosa Diaz", "person", "")]),
        ("The Finance Ministry said so.", [("Finance Ministry", "organization", "")]),
        ("The Lagos Chamber of Commerce agreed.", [("Lagos Chamber of Commerce", "organization", "")]),
        # named as the text names them (how a reader quotes them), the country's code kept
        ("The French government objected.", [("French government", "government", "FRA")]),
        ("China's commerce ministry said.", [("China's commerce ministry", "government", "CHN")]),
        ("Beijing responded quickly.", [("Beijing", "government", "CHN")]),
        ("Kinshasa and Moscow agreed.", [("Kinshasa", "government", "COD"), ("Moscow", "government", "RUS")]),
        ("Some Democrats urged caution.", [("Some Democrats", "commentators", "")]),
        ("Human rights groups protested.", [("Human rights groups", "commentators", "")]),
        (
            "Aid organisations and economists agreed.",
            [("Aid organisations", "commentators", ""), ("Economists", "commentators", "")],
        ),
        ("Officials met in Beijing.", [("Officials", "commentators", "")]),  # a place after "in" is no actor
    ],
)
def test_actor_finder(text, expected):
    found = [
        (m.actor.name, m.actor.kind, m.actor.country) for m in find_mentions(text, 0, len(text), ActorIndex.build(None))
    ]
    assert found == expected


def test_known_actors_match_by_alias_and_near_spelling(tables):
    index = ActorIndex.build(tables.actors)
    text = "Nicolas Maduro met the Venezuelan leader; Washington and President Trump replied."
    ids = [m.actor.actor_id for m in find_mentions(text, 0, len(text), index)]
    assert ids == ["nicolas-maduro", "nicolas-maduro", "us-government", "donald-trump"]


def test_coordinated_subjects_form_one_group():
    text = "China, Russia and Algeria criticised the plan."
    mentions = find_mentions(text, 0, len(text), ActorIndex.build(None))
    assert [[m.actor.name for m in g] for g in groups(text, mentions)] == [["China", "Russia", "Algeria"]]


rows = extract_rows


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kenya and Ghana welcomed the agreement.", [("Kenya", "supportive"), ("Ghana", "supportive")]),
        (
            "China, Russia and Algeria criticised the resolution.",
            [("China", "opposed"), ("Russia", "opposed"), ("Algeria", "opposed")],
        ),
        # not opposing is a reservation, as the blind corpora's writers read it (37 of 42 such rows)
        ("The union did not oppose the plan.", [("Union", "cautious")]),
        ("Germany could not back the proposal.", [("Germany", "opposed")]),
        ("Saudi Arabia never supported the levy.", [("Saudi Arabia", "opposed")]),
        ("Economists supported the goal but worried that prices would rise.", [("Economists", "cautious")]),
        (
            "Arcline AI stopped short of opposing the bill but expressed concern about costs.",
            [("Arcline AI", "cautious")],
        ),
        ("Several lawmakers praised the designation, calling it overdue.", [("Several lawmakers", "supportive")]),
        ("Business groups called the rules unworkable.", [("Business groups", "opposed")]),
        ("The German government denounced it as naked protectionism.", [("German government", "condemning")]),
        ("Critics called the tax an act of economic self-harm.", [("Critics", "opposed")]),
        ("Orion Systems declined to comment.", [("Orion Systems", "neutral")]),
        ("The ministry said it was studying the proposal.", []),  # no antecedent for "the ministry"
        ("The fund will channel $150 billion a year from 2027.", []),  # a fact, nobody takes a position
    ],
)
def test_stance_rules(text, expected):
    # the cue rules' reading; on articles the arbiter reads each stance again (tests/test_arbiter.py)
    assert rows(text, arbiter=False) == expected


def test_quotes_go_to_their_speaker_and_follow_ups_to_the_right_actor():
    text = (
        "“This deal is a betrayal,” said Foreign Minister Ana Ruiz. She added that Madrid would "
        "not accept it. The Lagos Chamber of Commerce welcomed the deal. The group’s chair said it "
        "was necessary."
    )
    # "She added that Madrid would not accept it": Madrid is the subject that holds the position. (The learned
    # gate may also propose the sentence for the minister, as a row with no cue read; the rules' rows are these.)
    table = extract(text, main_target="main")
    ruled = table[~table["rule"].str.startswith("no cue read")]
    assert list(zip(ruled["actor"], ruled["stance"])) == [
        ("Foreign Minister Ana Ruiz", "condemning"),
        ("Madrid", "opposed"),
        ("Lagos Chamber of Commerce", "supportive"),
        ("Lagos Chamber of Commerce", "supportive"),
    ]


def test_a_sentence_naming_another_known_target_gets_that_target(tables):
    text = "Some Democrats urged caution and warned against steps that could lead to military escalation."
    table = extract(text, actors=tables.actors, targets=tables.targets, main_target="fto-designation")
    assert list(zip(table["target_id"], table["stance"])) == [
        ("fto-designation", "cautious"),
        ("military-escalation", "opposed"),
    ]


def test_offsets_index_the_text_and_inputs_are_not_changed(tables):
    text = tables.texts["2025-11-cartel-de-los-soles-fto"]
    actors_before = tables.actors.copy(deep=True)
    table = extract(text, actors=tables.actors, targets=tables.targets, main_target="fto-designation")
    pd.testing.assert_frame_equal(tables.actors, actors_before)
    assert len(table) >= 15
    for row in table.itertuples():
        assert text[row.start : row.end] == row.evidence == row.quote
        assert 0 < row.confidence <= 0.95 and row.origin == "extracted" and not row.reviewed


def test_seed_recall_is_at_least_0_95(tables):
    ours, baseline = evaluate.evaluate_seed(tables)
    assert ours.recall >= 0.95, ours.line("seed")
    assert ours.f1 > baseline.f1


def test_corpus_f1_is_at_least_0_8_and_beats_the_baseline():
    ours, baseline, per_file = evaluate.evaluate_corpus(CORPUS)
    assert len(per_file) >= 5
    assert ours.f1 >= 0.8, ours.line("corpus")
    assert ours.f1 > baseline.f1 + 0.1


@pytest.mark.parametrize(
    ("split", "articles", "gold", "floor", "recall_floor"),
    [
        ("dev", 35, 531, 0.8, 0.8),
        ("dev2", 12, 176, 0.8, 0.8),
        ("dev3", 40, 618, 0.78, 0.8),
        ("dev4", 40, 664, 0.78, 0.8),
        ("dev5", 12, 204, 0.82, 0.8),
        ("dev6", 40, 743, 0.8, 0.8),
        ("dev7", 40, 735, 0.78, 0.77),
        ("dev8", 40, 731, 0.79, 0.78),
        ("dev9", 20, 366, 0.8, 0.8),
        ("dev10", 16, 326, 0.78, 0.8),
        ("dev11", 16, 320, 0.78, 0.8),
        ("dev12", 16, 329, 0.8, 0.8),
        ("dev13", 16, 358, 0.8, 0.8),
        ("dev14", 16, 373, 0.8, 0.8),
        ("dev15", 16, 403, 0.8, 0.76),
        ("dev16", 16, 371, 0.78, 0.76),
        ("dev17", 16, 379, 0.74, 0.7),
        ("dev18", 16, 378, 0.78, 0.76),
        ("dev19", 16, 388, 0.66, 0.64),
        ("dev20", 16, 384, 0.78, 0.76),
        ("dev21", 16, 379, 0.74, 0.72),
        ("dev22", 16, 371, 0.78, 0.76),
        ("dev23", 16, 395, 0.76, 0.74),
        ("dev24", 16, 401, 0.74, 0.70),
        ("dev25", 16, 393, 0.80, 0.78),
        ("dev26", 16, 388, 0.80, 0.78),
        ("dev27", 16, 392, 0.80, 0.78),
        ("dev28", 16, 383, 0.78, 0.76),
        ("dev29", 16, 371, 0.72, 0.70),
        ("dev30", 16, 408, 0.76, 0.72),
        ("dev31", 16, 408, 0.74, 0.72),
        ("dev32", 16, 368, 0.76, 0.74),
        ("dev33", 16, 402, 0.76, 0.72),
        ("dev34", 16, 421, 0.74, 0.72),
        ("dev35", 16, 396, 0.76, 0.74),
        ("dev36", 16, 397, 0.74, 0.72),
    ],
)
def test_the_blind_dev_splits_hold_their_score_and_the_baseline_stays_behind(
    split, articles, gold, floor, recall_floor
):
    """The dev splits are tuned on, so this guards against regressions rather than measuring generalisation
    (the sealed test splits do that, once, by hand: see tests/fixtures/blind/README.md). dev3, tuned on for
    one round only, has a lower floor: 0.73 when it came in, 0.82 now; dev4 came in at 0.75 and dev5 at 0.81,
    0.82 and 0.87 now; dev6 came in at 0.79; dev7, the hardest yet, came in at 0.74 (recall 0.72) and is at
    0.80 (recall 0.79) after one round; dev8 came in at 0.81 (recall 0.80), dev9 at 0.80 (recall 0.81) and is
    at 0.82 once fitted on; dev15 came in at 0.81 (recall 0.75: its writers count the decision-maker's own act
    and headlines, which the extractor does not read as positions) and is at 0.83 (recall 0.79) once fitted on;
    dev17, written at the end of round fifteen, came in at 0.76 (recall 0.72); dev19, written at the start of
    round sixteen and kept back as a fresh measure, came in at 0.70 (recall 0.66); dev20, written at the start of
    round seventeen, came in at 0.81 (recall 0.78); dev21, written at the start of round eighteen, came in at
    0.77 (recall 0.76); dev22, written at the start of round nineteen, came in at 0.83 (recall 0.82); dev23, written
    at the start of round twenty, came in at 0.80 (recall 0.78); dev24, written at the end of round twenty, came in
    at 0.77 (recall 0.73) with the extractor that round shipped; dev25, written at the start of round twenty-one,
    came in at 0.84 (recall 0.83); dev26, written at the end of round twenty-one, came in at 0.78 (recall 0.74)
    with the extractor that round shipped; dev27, written at the start of round twenty-two, came in at 0.83
    (recall 0.81); dev28, written at the end of round twenty-two, came in at 0.80 (recall 0.78) with the
    extractor that round shipped; dev29, written at the start of round twenty-three, came in at 0.74 (recall
    0.74); dev30, written at the end of round twenty-three, came in at 0.77 (recall 0.73) with the extractor that
    round shipped, and is at 0.81 (recall 0.77) once read for rules in round twenty-four; dev31, written at the
    start of round twenty-four, came in at 0.75 (recall 0.73) and is at 0.79 (recall 0.78) with that round's
    rules; dev32, written at the end of round twenty-four, came in at 0.79 (recall 0.77) with that round's
    rules and is at 0.80 (recall 0.79) once read for rules in round twenty-five; dev33, written at the start of
    round twenty-five, came in at 0.79 (recall 0.74); dev34, written at the end of round twenty-five, came in at
    0.77 (recall 0.75) with that round's rules; dev35, written at the start of round twenty-six, came in at 0.82
    (recall 0.78); dev36, written at the end of round twenty-six, came in at 0.79 (recall 0.75)."""
    ours, baseline, per_file = evaluate.evaluate_corpus(BLIND / split)
    assert len(per_file) == articles and ours.gold == gold
    assert ours.f1 >= floor and ours.recall >= recall_floor, ours.line(f"blind {split}")
    assert ours.f1 > baseline.f1 + 0.2


def test_the_blind_corpus_is_big_varied_and_split_as_the_protocol_says():
    """Counts only: the sealed splits are never run through the extractor here (that is done once, by hand)."""
    splits = (
        *("dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12"),
        *("dev13", "dev14", "dev15", "dev16", "dev17", "dev18", "dev19", "dev20", "dev21", "dev22"),
        *("dev23", "dev24", "dev25", "dev26", "dev27", "dev28", "dev29", "dev30", "dev31", "dev32", "dev33"),
        *("dev34", "dev35", "dev36", "dev37", "dev38", "dev39", "dev40", "dev41", "dev42", "dev43"),
        *("dev44", "dev45", "dev46", "dev47", "dev48", "dev49", "dev50", "dev51", "dev52", "dev53"),
        *("dev54", "dev55", "dev56", "dev57", "dev58", "dev59"),
        *("val", "val2"),
        *("test", "test2", "test3", "test4", "test5", "test6", "test7", "test8", "test9", "test10", "test11"),
        *("test12", "test13", "test14", "test15", "test16", "test17", "test18", "test19", "test20", "test21"),
        *("test22", "test23", "test24", "test25", "test26", "test27", "test28", "test29", "test30"),
        *("test31", "test32", "test33", "test34", "test35", "test36", "test37", "test38", "test39", "test40"),
        *("test41", "test42", "test43", "test44", "test45", "test46", "test47", "test48", "test49"),
    )
    listings = {split: evaluate.corpus_listing(BLIND / split) for split in splits}
    assert len(listings["dev"]) + len(listings["test"]) >= 40
    sealed = (
        "test",
        "test2",
        "test3",
        "test4",
        "test5",
        "test6",
        "test7",
        "test8",
        "test9",
        "test10",
        "test11",
        "test12",
        "test13",
        "test14",
        "test15",
        "test16",
        "test17",
        "test18",
        "test19",
        "test20",
        "test21",
        "test22",
        "test23",
        "test24",
        "test25",
        "test26",
        "test27",
        "test28",
        "test29",
        "test30",
        "test31",
        "test32",
        "test33",
        "test34",
        "test35",
        "test36",
        "test37",
        "test38",
        "test39",
        "test40",
        "test41",
        "test42",
        "test43",
        "test44",
        "test45",
        "test46",
        "test47",
        "test48",
        "test49",
    )
    assert all(len(listings[split]) >= 15 for split in sealed)
    assert len(listings["val"]) == len(listings["val2"]) == 20
    # every gold evidence is verbatim in its article (corpus_documents raises otherwise), on a scale stance
    for split in listings:
        for _, _, gold_rows in evaluate.corpus_documents(BLIND / split):
            assert set(gold_rows["stance"]) <= set(STANCES), split
    gold = sum(
        len(pd.read_csv(BLIND / split / e["file"].replace(".txt", ".gold.csv")))
        for split in listings
        for e in listings[split]
    )
    assert gold >= 400
    topics = {e["main_target"] for split in listings for e in listings[split]}
    assert len(topics) >= 25
    # no article is in two splits (the same name in two folders would be the same article copied)
    texts = [(BLIND / split / e["file"]).read_text(encoding="utf-8") for split in listings for e in listings[split]]
    assert len(set(texts)) == len(texts)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a stance only in quoted words, with no cue verb
        # every blind-corpus writer reads "a kick in the teeth" as opposition in measured terms, "an insult" as
        # hostility
        ("Nigeria called the decision “a kick in the teeth”.", [("Nigeria", "opposed")]),
        # cues the old lexicon missed, and cautious ones that are not support
        ("The federation congratulated the committee.", [("Federation", "supportive")]),
        ("Japan regretted the decision.", [("Japan", "opposed")]),
        (
            "The Lagos Chamber of Commerce gave the plan a cautious welcome.",
            [("Lagos Chamber of Commerce", "cautious")],
        ),
        # a name with its role after it, a title before it, an acronym defined once, a capital for its government
        ("Peter Mwangi, the minister for trade, said the plan was long overdue.", [("Peter Mwangi", "supportive")]),
        ("County board chairman Lyle Ostrander said the rezoning was misguided.", [("Lyle Ostrander", "opposed")]),
        (
            "The Peace and Security Council (PSC) met. The PSC condemned the coup.",
            [("Peace and Security Council", "condemning")],
        ),
        ("Tokyo welcomed the ruling.", [("Tokyo", "supportive")]),
        ("The government in Kinshasa rejected the report.", [("Government in Kinshasa", "opposed")]),
        ("A spokesman for the Mai-Mai militia said the group would abstain.", [("Mai-Mai militia", "neutral")]),
        (
            "The Ghana Association of Bankers and Financial Institutions welcomed the cap.",
            [("Ghana Association of Bankers and Financial Institutions", "supportive")],
        ),
        # according to X; a passive agent with no title; two actors in one sentence
        ("The plan is a mistake, according to Amara Osei.", [("Amara Osei", "opposed")]),
        ("The plan was criticised by Amara Osei.", [("Amara Osei", "opposed")]),
        (
            "While Kenya welcomed the ruling, Nigeria called it a mistake.",
            [("Kenya", "supportive"), ("Nigeria", "opposed")],
        ),
        ("Kenya backed the plan, with Ghana calling it a mistake.", [("Kenya", "supportive"), ("Ghana", "opposed")]),
        # neutral positions
        ("Uganda did not comment on the agreement.", [("Uganda", "neutral")]),
        ("The Ministry of Finance is still reviewing the decree.", [("Ministry of Finance", "neutral")]),
        ("Senegal would abstain.", [("Senegal", "neutral")]),
        # stray words that must not decide
        ("The president invited the opposition to talks.", []),
        ("The IEC said it would reply to the statement of objections.", []),
        ("Germany avoided any direct criticism of the plan.", [("Germany", "cautious")]),
        ("Canada did not oppose the plan, but its support was conditional on a review.", [("Canada", "cautious")]),
        # a greeting is nobody's position; Brussels is the EU when the text is about the EU
        ("Good morning and welcome to our coverage of the vote.", []),
        ("The EU proposal drew fire. Brussels has blocked national rules before.", [("Brussels", "opposed")]),
    ],
)
def test_phenomena_of_unseen_news(text, expected):
    # the rules' reading of one-line examples, which are not the articles the arbiter was fitted on
    assert rows(text, arbiter=False) == expected


def test_a_hyphenated_target_keyword_is_found_in_the_cue_phrase():
    # the cue's phrase was rebuilt with a space between tokens ("narco - terrorism"), so a keyword with a
    # hyphen in it never matched and the row went to the main target
    targets = pd.DataFrame({"target_id": ["levy", "cross-border-trade"], "keywords": ["levy", "cross-border trade"]})
    table = extract("Kenya opposed any curbs on cross-border trade.", targets=targets, main_target="levy")
    assert list(zip(table["actor"], table["target_id"])) == [("Kenya", "cross-border-trade")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # round ten (dev10): neutral idioms, a riposte, a host's greeting, a view given "For X, ..."
        (
            "The Road Hauliers Association declined to take a position on the ban.",
            [("Road Hauliers Association", "neutral")],
        ),
        ("The Commercial Bank of Ethiopia has kept its counsel.", [("Commercial Bank of Ethiopia", "neutral")]),
        ("The World Bank has stayed out of the argument over timing.", [("World Bank", "neutral")]),
        ("Kyiv hit back within minutes.", [("Kyiv", "opposed")]),
        ("Bologan welcomed EU ambassadors to a reception at the government building.", []),
        ("Kenya welcomed the switch to a four-day week.", [("Kenya", "supportive")]),
        ("For years, the union has opposed the plan.", [("Union", "opposed")]),
        # "For X, ..." is a view only where X is a person or a named body, and no one is said to speak
        ("For Christmas, the shops were a disaster.", []),
        ("For Brexit, the vote was a disaster.", []),
        ("“For Kenya, the plan is a disaster,” Amina Sow said.", [("Amina Sow", "opposed")]),
        # round eleven (dev11): a refusal of both sides, rights and stages named with a cue word, new speech
        # verbs and idioms, a passive agent whose "by" the parse hung inside the name, and a body's own name
        (
            "The Supreme Court said it was “neither endorsing nor striking down” the scheme.",
            [("Supreme Court", "neutral")],
        ),
        ("Germany neither backed nor opposed the plan.", [("Germany", "neutral")]),
        (
            "Germany opposed the plan, and neither France nor Italy supported it.",
            [("Germany", "opposed"), ("France", "opposed"), ("Italy", "opposed")],
        ),
        (
            "“Nobody is taking away anybody’s right to object,” Mifsud Borg told the House.",
            [("Mifsud Borg", "supportive")],
        ),
        ("Mifsud Borg said they were simply moving the moment of objection to the start.", []),
        (
            "German Green MEP Hanna Petersen answered that the cut was “long overdue”.",
            [("MEP Hanna Petersen", "supportive")],
        ),
        ("Rome has also come out against the cut.", [("Rome", "opposed")]),
        ("The decree was welcomed by the Madrid Tenants' Union.", [("Madrid Tenants' Union", "supportive")]),
        (
            "Ioanna Mela of the Hellenic Foundation for European and Foreign Policy (ELIAMEP) argues that the cut was "
            "a mistake.",
            [("Ioanna Mela", "opposed")],
        ),
        (
            "The Conseil du Café-Cacao (CCC) welcomed the price. The Groupement des Exportateurs de Café-Cacao "
            "(GEPEX) said it opposed the decision.",
            [("Conseil du Café-Cacao", "supportive"), ("Groupement des Exportateurs de Café-Cacao", "opposed")],
        ),
        (
            "According to Elena Murillo Sanz, a housing economist at Pompeu Fabra University in Barcelona, the cap "
            "will fail.",
            [("Elena Murillo Sanz", "opposed")],
        ),
        (
            "Cepesca, the Spanish Fisheries Confederation, has sent us its reaction: the proposal is “a slap in the "
            "face for a fleet that has done everything Brussels asked.”",
            [("Spanish Fisheries Confederation", "condemning")],
        ),
        (
            "Spain approved the plan. The Andalusian regional government, whose farmers draw on the same river, "
            "warned that any abstraction must be agreed with Spain first.",
            [("Andalusian regional government", "cautious")],
        ),
        (
            "Salvatore Lo Giudice, 54, who skippers a trawler out of Mazara del Vallo in Sicily, told us the plan was "
            "“a death sentence for our ports.”",
            [("Salvatore Lo Giudice", "condemning")],
        ),
        (
            "The Lagos Chamber of Commerce and Industry opposed the levy.",
            [("Lagos Chamber of Commerce and Industry", "opposed")],
        ),
        (
            "The decree must be ratified by the Congress within 30 days, and the minority government depends on "
            "smaller parties. Sumar, the junior partner in the coalition, backed the measure.",
            [("Sumar", "supportive")],
        ),
        ("Some founding families are uneasy about the change.", [("Some founding families", "cautious")]),
        (
            "The Tadawul All Share Index rose 2 percent. Index providers were non-committal.",
            [("Index providers", "neutral")],
        ),
        (
            "Malaysia raises minimum wage\nKUALA LUMPUR: The Dewan Rakyat began debating a bill, with government "
            "backbenchers praising it as overdue.",
            [("Government backbenchers", "supportive")],
        ),
        (
            "At the Department of Finance, which estimates forgone tariff revenue at 12 billion pesos, "
            "Undersecretary Carmela Reyes praised the cut.",
            [("Undersecretary Carmela Reyes", "supportive")],
        ),
        (
            "In Dili, Timor-Leste's Secretariat of State for Vocational Training and Employment Policy (SEFOPE) said "
            "it was still studying the decision.",
            [("Timor-Leste's Secretariat of State for Vocational Training and Employment Policy", "neutral")],
        ),
        # the review's counter-examples: each rule above kept to its construction
        ("Kyiv said it would neither accept nor tolerate the referendum.", [("Kyiv", "opposed")]),
        ("Hungary insisted on its right to block the sanctions package.", [("Hungary", "opposed")]),
        (
            "Responding to Greenpeace, which had criticised the plan, the ministry, led by Ahmed Khan, welcomed the "
            "decision.",
            [("Greenpeace", "opposed"), ("Ahmed Khan", "supportive")],
        ),
        (
            "The European Commission unveiled the plan on Monday. Although Poland objected, it defended the proposal.",
            [("Poland", "opposed"), ("European Commission", "supportive")],
        ),
        (
            "The US Chamber of Commerce and Greenpeace opposed the tariff.",
            # the chamber's name stops at its own portfolios (Greenpeace, not found here, is another matter)
            [("US Chamber of Commerce", "opposed")],
        ),
        (
            "Charles de Gaulle opposed the plan. Later, France's de Gaulle rejected the treaty.",
            [("Charles de Gaulle", "opposed"), ("Charles de Gaulle", "opposed")],
        ),
        ("Shell said it was grateful to its staff but opposed the tax.", [("Shell", "opposed")]),
        (
            "Germany passed the law. Bavaria's state government said it was still studying the text.",
            [("Bavaria's state government", "neutral")],
        ),
        # the state's own authorities, not a regional government (a group of bodies, as "Chinese authorities" is)
        ("The Chinese state authorities rejected the report.", [("Chinese state authorities", "opposed")]),
    ],
)
def test_phenomena_of_later_dev_splits(text, expected):
    # what the cue rules read; the unread gate may still weigh a sentence they read nothing in
    assert rows(text, arbiter=False, gate=False) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "it" in the sentence that names a body as a subject is that body, not the last one named before
        (
            "Kyiv raised the price. The National Energy Regulatory Commission (NEURC) said in a statement that the "
            "price is set by the Cabinet, and it declined to take a position on the new level.",
            ("National Energy Regulatory Commission", "neutral"),
        ),
        # a relative clause listing names between the subject and its verb: none of them said it
        (
            "The Council of the Baltic Sea States (CBSS), whose members include all four countries as well as "
            "Norway, Sweden and Finland, said defence matters fell outside its mandate and that it would not take a "
            "position.",
            ("Council of the Baltic Sea States", "neutral"),
        ),
        # "said" parsed as sharing the subject of the clause "noted" reports: the noter said it
        (
            "Norway opened the round. The International Seabed Authority (ISA) noted that the blocks lie within "
            "Norway's own waters and said it took no position on national licensing decisions.",
            ("International Seabed Authority", "neutral"),
        ),
        # a surname the tagger took for a common noun still tells whom "he" means
        (
            "Commissioner Nikos Stylianou opened the debate. Most Italian MEPs voted against. Stylianou congratulated "
            "MEPs on what he called “a responsible vote for the next generation of fishers.”",
            ("Commissioner Nikos Stylianou", "supportive"),
        ),
    ],
)
def test_a_reference_in_a_sentence_is_its_own_subject(text, expected):
    assert rows(text, arbiter=False)[-1] == expected


def test_she_after_a_spokeswoman_for_a_body_is_the_body():
    text = (
        "WWF Norway called the plan reckless. A spokeswoman for the Norwegian Fishermen's Association said members "
        "had not been consulted. “We were ignored and this is wrong,” she said."
    )
    assert rows(text)[-1] == ("Norwegian Fishermen's Association", "opposed")


def test_a_sentence_that_opens_for_x_gives_x_view():
    text = (
        "Anna Bielecki runs a guesthouse. For Bielecki, the new zone is “a padlock on the only thing this village has”."
    )
    table = extract(text, main_target="main")
    assert list(table["actor"]) == ["Anna Bielecki"] and list(table["rule"]) == ["according to"]
    body = extract(
        "For Amnesty International's Finnish section, the law means “a legal black hole”.", main_target="main"
    )
    assert list(body["actor"]) == ["Amnesty International"]
    assert extract("For now, the new zone is “a padlock on the village”.", main_target="main").empty


def test_phase_in_is_a_cue_as_a_verb_and_not_as_a_noun():
    # the seed story: "the designation marks a new phase in the United States' campaign" was read cautious
    verb = extract("Kenya urged the regulator to phase in the increase.", main_target="main")
    assert list(verb["cue"]) == ["phase in"] and list(verb["stance"]) == ["cautious"]
    noun = extract("Kenya said the ruling marks a new phase in the talks.", main_target="main")
    assert "phase in" not in set(noun["cue"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # round two: names
        (
            "Thirty NGOs, under the banner of the Clean Air Coalition, welcomed the ban.",
            [("Clean Air Coalition", "supportive")],
        ),
        ("A spokesman for the militia said the group would “never accept” the deal.", [("Militia", "opposed")]),
        (
            "The Ministry of Foreign Affairs and International Cooperation condemned the decision.",
            [("Ministry of Foreign Affairs and International Cooperation", "condemning")],
        ),
        (
            # (since round six a group that "was pleased" holds that feeling: the guide counts vague groups)
            "Growers were pleased. Horticulture New Zealand said it was “relieved”.",
            [("Growers", "supportive"), ("Horticulture New Zealand", "supportive")],
        ),
        (
            "In Moscow, the agriculture ministry said it “fully understood” the decision.",
            [("Agriculture ministry", "supportive")],
        ),
        ("The chamber of commerce urged the council to scrap the plan.", [("Chamber of commerce", "opposed")]),
        # holders: a prediction is nobody's; a raised subject and a participle's agent are
        ("Egypt’s delegation is expected to vote against.", []),
        ("Spain is understood to back the plan, according to diplomats.", [("Spain", "supportive")]),
        ("The ban was a decision welcomed by licensed taxi operators.", [("Licensed taxi operators", "supportive")]),
        # stance: a dismissed objection backs the measure; two things judged are two positions; loss is opposed
        ("Minister Ana Ruiz said complaints about the fund were “unfair”.", [("Minister Ana Ruiz", "supportive")]),
        ("Kenya backed the plan and condemned the sanctions.", [("Kenya", "supportive"), ("Kenya", "condemning")]),
        ("Farmers said buyers “would have no choice left”.", [("Farmers", "opposed")]),
        # a presenter's narration reports others' votes; the lede's decision-maker and a schedule are no position
        (
            "JENNA HALVORSEN (PRESENTER): Good morning.\n"
            "HALVORSEN: Last night Commissioners Ruth Aaseng and Bill Tollefson voted no.",
            [("Ruth Aaseng", "opposed"), ("Bill Tollefson", "opposed")],
        ),
        (
            "Lisbon’s Municipal Assembly on Tuesday approved a freeze on new licences.\n"
            "The hosts’ association condemned the freeze.\n"
            "Mayor Ana Ruiz said the freeze would apply from 1 March.",
            [("Hosts’ association", "condemning")],
        ),
    ],
)
def test_phenomena_of_round_two(text, expected):
    assert rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # round three: a round-up's paragraph headings are not a transcript's speakers
        (
            "Legislative Yuan: The opposition KMT caucus condemned the increase.\n"
            "Industry: The Chinese National Federation of Industries backed it.",
            [("KMT caucus", "condemning"), ("Chinese National Federation of Industries", "supportive")],
        ),
        # ... and the heading names the paragraph's actor when the sentence only describes it
        (
            "Swedish Bankers' Association: A brief statement congratulated the new governor.",
            [("Swedish Bankers' Association", "supportive")],
        ),
        # a transcript in capitals with a Turkish dotted capital İ is still a transcript
        (
            "ELİF AYDIN (PRESENTER): Hakan Demir joins us.\n"
            "DEMİR: We will not oppose it, but our support is conditional.",
            [("Hakan Demir", "cautious")],
        ),
        # a clause beside a reporting verb keeps its own holder ("While A hailed it, B said ...")
        (
            "While the NHO hailed the vote, WWF Norway said it was “a black day for the ocean”.",
            [("NHO", "supportive"), ("WWF Norway", "opposed")],
        ),
        # a he/she resolved once gives that person a gender, so the next "she" is someone else
        (
            "First up is Adrian Voinea. He calls the tax “long overdue”. Ioana Marinescu spoke next. "
            "He was absent. She says her party will vote against it.",
            [("Adrian Voinea", "supportive"), ("Ioana Marinescu", "opposed")],
        ),
        # the holder's own evaluative verb decides, not the tone of what it reports
        ("Meron Assefa complained that the licences had been granted quickly.", [("Meron Assefa", "opposed")]),
        # asking both sides to talk takes no side; a question takes no position
        (
            "The Ministry of Labour urged the company and the union to keep talking.",
            [("Ministry of Labour", "neutral")],
        ),
        ("PRESENTER: Dr Rashed, is the fee necessary?", []),
        # the decision named by who made it is no position; "according to" and "in his view" need no cue
        ("Operators must comply with the Gaming Act approved by Parliament in November.", []),
        # a party word, a role in lower case and a name: the person; a cue verb the tagger misread is the name's
        ("Labour backbencher Sarah Quinn said the levy was welcome.", [("Sarah Quinn", "supportive")]),
        ("Confederation lawmaker Tomasz Nowak denounced price freezes as socialism.", [("Tomasz Nowak", "condemning")]),
        # Arabic name particles stay inside the name
        ("Khalid al-Mansouri, the under-secretary, said the plan was a mistake.", [("Khalid al-Mansouri", "opposed")]),
        # a transcript speaker reporting someone else: the one reported holds it; a headline is no speaker label
        (
            "Transcript: the fee cap\nPRESENTER (HAN JI-WON): Good evening.\n"
            "KANG DONG-HYUN: They are right. The American Chamber of Commerce said it was “concerned”.",
            [("American Chamber of Commerce", "cautious")],
        ),
        # an acronym defined in apposition
        (
            "The Korea Fair Trade Commission, KFTC, met. The KFTC welcomed the cap.",
            [("Korea Fair Trade Commission", "supportive")],
        ),
        # a name is no cue, whatever its letters ("Deniz" is not "denied")
        ("Deniz Yilmaz said the extension was welcome.", [("Deniz Yilmaz", "supportive")]),
    ],
)
def test_phenomena_of_round_three(text, expected):
    assert rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # transcripts: a journalist's lines are narration, so the third parties they report hold the positions
        (
            "PRESENTER (Marloes Verbeek): With us is our political reporter, Joost Kramer.\n"
            "KRAMER: The Gelderland Provincial Council said it was still studying the details, while "
            "Friesland’s King’s Commissioner, Anke Postma, called the decision “reckless”.\n"
            "PRESENTER: Thank you.",
            [("Anke Postma", "opposed"), ("Gelderland Provincial Council", "neutral")],
        ),
        # ... a caller is named by the name in brackets, and a guest's line of under five words is no position
        (
            "PRESENTER (WANJIKU MWANGI): Good morning.\n"
            "CALLER (AKINYI): That levy was daylight robbery, and I am happy the judges stopped it.\n"
            "MWANGI: Thank you.\nCALLER (AKINYI): Yes, thank you.",
            [("Akinyi", "condemning")],
        ),
        # ... a third party named as the subject of a cue verb in a guest's line holds it
        (
            "PRESENTER: Minister, the Pirates are not happy.\n"
            "NOVOTNÝ: The Pirates voted for the budget framework in the cabinet.\nPRESENTER: Thanks.",
            [("Pirates", "supportive")],
        ),
        # a province's government and a ministry are named as written (with the country's id)
        (
            "Pakistan raised power tariffs on Monday. The government in Peshawar said it would challenge the "
            "tariff. The finance ministry did not comment on it.",
            [("Government in Peshawar", "opposed"), ("Finance ministry", "neutral")],
        ),
        # staff of a body speak for it; "&" inside a name; a lower-case prefix inside a name
        (
            "Economists at the Bureau for Economic Research warned that inflation would rise.",
            [
                ("Bureau for Economic Research", "cautious"),
            ],
        ),
        ("Haus & Grund said it would oppose the extension.", [("Haus & Grund", "opposed")]),
        ("The uMkhonto weSizwe Party (MK) abstained.", [("uMkhonto weSizwe Party", "neutral")]),
        # a vague group in a reported clause is what the reporter speaks of
        (
            "Councillor Farzana Haque said residents had petitioned for the ban and described it as long overdue.",
            [
                ("Councillor Farzana Haque", "supportive"),
            ],
        ),
        # a name opening the sentence before its description; an opening preposition is no part of a name
        (
            "Alpenkabel welcomed the ruling. Salt, the third mobile operator, said the merger was a mistake.",
            [("Alpenkabel", "supportive"), ("Salt", "opposed")],
        ),
        (
            "Outside Parliament, the Ghana Chamber of Mines condemned the vote.",
            [("Ghana Chamber of Mines", "condemning")],
        ),
        # an acronym that leaves out a last "of the Philippines"; a long acronym written only in capitals
        (
            "The Grains Retailers’ Confederation of the Philippines (GRECON) met. GRECON welcomed the order.",
            [("Grains Retailers’ Confederation of the Philippines", "supportive")],
        ),
        # a round-up's organisation name on a line of its own, or as a heading, names the body its paragraph
        # describes
        (
            "Reactions to the levy\nThe parliament passed the levy on Wednesday.\n"
            "Danish Agriculture & Food Council\nThe council gave the law a cautious welcome.",
            [("Danish Agriculture & Food Council", "cautious")],
        ),
        ("Focus Ireland: The charity applauded the cap.", [("Focus Ireland", "supportive")]),
        # he/she: the nearest person named earlier in the sentence whose gender agrees
        (
            "Heiko Brandt backed it. The CDU group was split; its chairwoman, Anja Behrens, said she would abstain.",
            [("Heiko Brandt", "supportive"), ("Anja Behrens", "neutral")],
        ),
        # votes with words between, protest actions, requests, harm foreseen
        ("The Broad Front voted en bloc against.", [("Broad Front", "opposed")]),
        ("The union has called a general strike for Thursday.", [("Union", "opposed")]),
        ("The FNCCI called on the government to waive the contributions.", [("FNCCI", "supportive")]),
        ("Lim Wei Sheng said the measure would hit hawkers hardest.", [("Lim Wei Sheng", "opposed")]),
        # each voter named after "the votes ... came from" holds the vote's side
        (
            "The board voted to close the home. The votes to close came from Dale Lindqvist and Linda Pohl.",
            [("Dale Lindqvist", "supportive"), ("Linda Pohl", "supportive")],
        ),
        # greetings are manners, not positions
        ("“Good morning and welcome to this special meeting,” the Lord Provost told members.", []),
    ],
)
def test_phenomena_of_round_four(text, expected):
    assert rows(text) == expected


def test_according_to_x_with_no_cue_is_proposed_less_surely_than_with_a_cue():
    """The source holds what it reports even with no cue (the words model reads its stance), with a lower
    confidence than where a cue names the stance."""
    text = "According to the Ministry of Energy, the treaty ends “thirty years of improvisation”."
    table = extract(text, main_target="main", min_confidence=0.0)
    assert list(zip(table["actor"], table["stance"], table["rule"], table["cue"])) == [
        ("Ministry of Energy", "supportive", "according to", "")
    ]
    cued = extract(text.replace("ends", "is a welcome end to"), main_target="main", min_confidence=0.0)
    assert list(cued["cue"]) == ["welcome"]
    assert table["confidence"].iloc[0] < cued["confidence"].iloc[0]


def test_a_government_is_named_as_written_with_its_countrys_id():
    table = extract("Tokyo welcomed the ruling. The Japanese government said it was overdue.", main_target="main")
    assert list(table["actor"]) == ["Tokyo", "Japanese government"]
    assert set(table["actor_id"]) == {"japan"}
    # saved as one new actor under its country's name, whichever way the text named it first
    from analysis.data.curation import new_actor_rows

    saved = new_actor_rows(table)
    assert list(zip(saved["actor_id"], saved["name"], saved["kind"])) == [("japan", "Japan", "government")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the minister said" several sentences after the minister was named
        (
            "Trade Minister Ana Ruiz announced the tariff on Monday. Exporters met officials. Prices rose. "
            "The minister said the tariff was necessary.",
            [("Trade Minister Ana Ruiz", "supportive")],
        ),
        # "he" goes to the man who spoke, not to the man spoken of
        (
            "Senator Tom Hale attacked Governor Bill Reyes on Monday. He said the plan was reckless.",
            [("Senator Tom Hale", "opposed"), ("Senator Tom Hale", "opposed")],
        ),
        # a quotation over two paragraphs belongs to the speaker who opened it
        (
            "“This is a betrayal of our members,” said union leader Maria Costa. “We will fight it.\n"
            "“And we will win, because the plan is unlawful,” she added.",
            [("Maria Costa", "condemning"), ("Maria Costa", "opposed"), ("Maria Costa", "opposed")],
        ),
        # a transcript's speaker labels
        (
            "HOST (presenter): Good morning. Is the fee fair?\nNEEMA KIMARO: It is the right decision for patients.",
            [("Neema Kimaro", "supportive")],
        ),
    ],
)
def test_references_across_the_document(text, expected):
    assert rows(text) == expected


def test_a_quoted_passage_is_one_position_whose_evidence_holds_all_of_it():
    text = (
        "“I have been on Main Street for thirty years,” Gary Pfister said. “Two hundred workers is two hundred "
        "people buying lunch.\n“My father opened this hardware store in 1961.”\n"
        "Linda Kruse disagreed. “It is a disgrace,” she said."
    )
    table = extract(text, main_target="main")
    assert list(table["actor"]) == ["Gary Pfister", "Linda Kruse"]
    pfister = table.iloc[0]
    # the passage runs from the first quotation to the end of the one that carries it on, verbatim
    assert pfister["start"] == 0 and text[pfister["start"] : pfister["end"]].endswith("store in 1961.”")
    assert pfister["quote"] == text[pfister["start"] : pfister["end"]]
    # another speaker's quotation in the next paragraph is not joined to it
    assert "Kruse" not in pfister["quote"] and table.iloc[1]["stance"] == "condemning"


def test_a_passage_keeps_each_sentence_that_carries_its_own_cue():
    text = "“We welcome the ruling,” said Ana Ruiz. “But the fee is unfair and we reject it.”"
    table = extract(text, main_target="main")
    assert [(r.actor, r.stance) for r in table.itertuples()] == [("Ana Ruiz", "supportive"), ("Ana Ruiz", "opposed")]


def test_every_proposal_says_how_it_was_found():
    table = extract("Kenya welcomed the deal. It said the plan was flawed.", main_target="main")
    why = [explain(row) for row in table.itertuples()]
    assert why[0] == "“welcomed” (supportive) · holder: the subject of the cue"
    assert "via pronoun" in why[1] and "“flawed” (opposed)" in why[1]
    assert list(table["cue_start"]) == [6, 46] and set(table["sentence_start"]) == {0, 25}


def test_confidence_is_a_calibrated_probability_and_the_cut_is_chosen_on_dev(tmp_path, monkeypatch):
    weights = confidence.weights()
    assert set(weights) <= set(confidence.FEATURES) and 0.05 <= confidence.min_confidence() <= 0.6
    fitted = fitting.calibrate(BLIND / "dev", path=tmp_path / "calibration.json")
    assert json.loads((tmp_path / "calibration.json").read_text())["weights"] == fitted["weights"]
    # measured as on a new article: the words and view models fitted on the other dev splits, not on this one
    # (on the statements they were fitted on they are right more often than the confidence, fitted
    # cross-fitted, says, and the dev split looks underconfident)
    # the splits the shipped models were fitted on (a dev split written since is not among them yet)
    shipped_on = json.loads(said_words.MODEL_FILE.read_text(encoding="utf-8"))["fitted_on"].split()
    others = sorted(ROOT / split for split in shipped_on if split.rsplit("/", 1)[-1] != "dev")
    assert len(others) >= 10 and all(p.is_dir() for p in others)
    words = said_words.WordsModel.of(said_words.fit(fitting._statements(others)))
    view = said_words.WordsModel.of(said_words.fit(fitting._views(others)))
    monkeypatch.setattr(
        said_words, "shipped", lambda path=said_words.MODEL_FILE: view if path == said_words.VIEW_FILE else words
    )
    ours, _, _ = evaluate.evaluate_corpus(BLIND / "dev")
    table = evaluate.reliability(ours)
    # where there are enough rows, the share that is right is near the confidence claimed: within 0.15, or within
    # 2.5 binomial standard errors for a bin of few rows (50 rows at 0.55 err by 0.07 by chance alone)
    busy = table[table["proposals"] >= 40]
    assert len(busy) >= 3
    error = (busy["right"] - busy["mean confidence"]).abs()
    chance = 2.5 * (busy["mean confidence"] * (1 - busy["mean confidence"]) / busy["proposals"]) ** 0.5
    assert (error <= chance.clip(lower=0.15)).all(), table.to_string()
    # and over all the rows, weighted by how many each bin holds
    assert (error * busy["proposals"]).sum() / busy["proposals"].sum() <= 0.07, table.to_string()


def test_the_logistic_fit_keeps_the_prior_of_a_feature_the_data_never_shows():
    rows = [{"bias": 1.0, "lexicon_cue": 1.0}, {"bias": 1.0, "lexicon_cue": 0.0}] * 20
    fitted = confidence.fit(rows, [1, 0] * 20)
    assert fitted["lexicon_cue"] > 1.0
    assert fitted["known_actor"] == confidence.PRIOR["known_actor"]


def test_errors_are_broken_down_by_cause():
    gold = pd.DataFrame(
        {
            "actor": ["Kenya", "Ghana", "Togo"],
            "stance": ["supportive", "opposed", "neutral"],
            "evidence": ["a", "b", "c"],
            "start": [0, 10, 20],
            "end": [5, 15, 25],
        }
    )
    proposals = pd.DataFrame(
        {
            "actor": ["Kenya", "Chad", "Mali"],
            "actor_id": ["", "", ""],
            "stance": ["opposed", "opposed", "neutral"],
            "start": [0, 10, 40],
            "end": [5, 15, 45],
            "confidence": [0.9, 0.5, 0.3],
            "rule": ["subject", "pronoun", "according to"],
        }
    )
    result = evaluate.score(proposals, gold, by_id=False)
    assert (result.matched, result.stance_correct) == (1, 0)
    assert result.causes["stance wrong: supportive -> opposed"] == 1
    assert result.causes["missed, actor wrong"] == 1 and result.causes["actor wrong via pronoun"] == 1
    assert result.causes["missed, nothing proposed there"] == 1
    assert result.causes["spurious, no position there"] == 1 and result.causes["spurious via according to"] == 1


def test_a_position_lost_to_its_actors_row_matching_another_is_counted_apart():
    # two gold rows of one actor in one sentence (two targets), one proposal over both: one is matched, and
    # the other was not "nothing proposed there"
    gold = pd.DataFrame(
        {
            "actor": ["Left Party", "Left Party", "Greens"],
            "stance": ["opposed", "opposed", "opposed"],
            "evidence": ["a", "b", "c"],
            "start": [0, 30, 80],
            "end": [25, 60, 90],
        }
    )
    proposals = pd.DataFrame(
        {"actor": ["Left Party"], "actor_id": [""], "stance": ["opposed"], "start": [10], "end": [60]}
        | {"confidence": [0.9], "rule": ["subject"]}
    )
    result = evaluate.score(proposals, gold, by_id=False)
    assert result.matched == 1
    assert result.causes["missed, its actor's row there matched another"] == 1
    assert result.causes["missed, nothing proposed there"] == 1  # the Greens' row only


def test_scores_are_logged_one_line_each(tmp_path):
    result, _, per_file = evaluate.evaluate_corpus(CORPUS)
    path = tmp_path / "scores.csv"
    evaluate.log_score("tests/fixtures/extraction", len(per_file), result, path=path)
    evaluate.log_score("tests/fixtures/extraction", len(per_file), result, path=path)
    lines = path.read_text().splitlines()
    assert lines[0].startswith("date,commit,corpus") and len(lines) == 3
    assert lines[1].split(",")[7] == f"{result.recall:.3f}"


def test_cli_evaluate_refuses_to_calibrate_on_the_sealed_split(capsys):
    assert main(["evaluate", "--corpus", str(BLIND / "test"), "--calibrate"]) == 2
    assert "sealed" in capsys.readouterr().err
    # the validation split is held out too, even beside a dev split
    assert main(["evaluate", "--corpus", str(BLIND / "dev2"), "--corpus", str(BLIND / "val"), "--calibrate"]) == 2
    assert "validation" in capsys.readouterr().err


def test_the_model_loads_offline_and_its_readme_credits_the_treebanks():
    readme = (ROOT / "analysis" / "extract" / "model" / "README.md").read_text(encoding="utf-8")
    assert "UD English EWT" in readme and "GUM" in readme and "CC BY-SA 4.0" in readme and "LAS" in readme
    size = sum(p.stat().st_size for p in (ROOT / "analysis" / "extract" / "model").rglob("*") if p.is_file())
    assert size < 30e6
    parsed = parse(["The minister said the plan was flawed."])[0]
    assert [n.dep_ for n in parsed if n.text in ("minister", "said")] == ["nsubj", "ROOT"]


@pytest.mark.parametrize(
    ("proposed", "gold", "same"),
    [
        ("Some Democrats", "Democrats", True),
        ("Foreign Minister Li Wen", "Li Wen|Li", True),
        ("China", "China|Beijing", True),
        ("Critics of the increase", "Critics", True),
        ("Russia", "China", False),
        ("Economists", "Critics", False),
    ],
)
def test_actor_names_match_for_scoring(proposed, gold, same):
    assert evaluate.same_actor(proposed, gold) is same


def test_cli_extract_prints_csv_and_json(capsys):
    path = str(CORPUS / "05-drc-ceasefire.txt")
    assert main(["extract", path, "--format", "json"]) == 0
    proposals = json.loads(capsys.readouterr().out)
    assert proposals and set(proposals[0]) == {
        "source",
        "actor",
        "actor_id",
        "stance",
        "target_id",
        "evidence",
        "start",
        "end",
        "cue",
        "mode",
        "confidence",
    }
    assert main(["extract", path]) == 0
    assert capsys.readouterr().out.startswith("source,actor,actor_id,stance")


def test_cli_extract_write_saves_unreviewed_rows(data_copy, capsys):
    data, seeds = data_copy
    path = str(CORPUS / "01-eu-steel-tariffs.txt")
    assert main(["extract", path, "--data", str(data), "--seeds", str(seeds), "--write"]) == 2
    assert "needs --target" in capsys.readouterr().err
    assert (
        main(["extract", path, "--data", str(data), "--seeds", str(seeds), "--write", "--target", "fto-designation"])
        == 0
    )
    assert main(["validate", "--data", str(data), "--seeds", str(seeds)]) == 0
    statements = pd.read_csv(data / "statements.csv", dtype=str, keep_default_na=False)
    extracted = statements[statements["origin"] == "extracted"]
    assert len(extracted) >= 8 and set(extracted["reviewed"]) == {"false"}
    assert (seeds / "eu-steel-tariffs.txt").exists() or any(
        p.name.endswith("steel-tariffs.txt") for p in seeds.iterdir()
    )


def test_cli_evaluate_prints_the_scores(capsys):
    assert main(["evaluate", "--corpus", str(CORPUS)]) == 0
    out = capsys.readouterr().out
    assert "VADER sentence baseline" in out and "Confusion matrix" in out


# --- speed without changing answers: caches keyed by table content, and the batch over every core ------


def test_the_actor_index_is_built_once_per_table_content_and_again_when_it_changes(tables):
    assert ActorIndex.build(tables.actors) is ActorIndex.build(tables.actors.copy(deep=True))
    renamed = tables.actors.copy(deep=True)
    renamed.loc[renamed["actor_id"] == "marco-rubio", "aliases"] = "Rubio|the top diplomat"
    text = "The top diplomat backed the plan."
    before = [m.actor.actor_id for m in find_mentions(text, 0, len(text), ActorIndex.build(tables.actors))]
    after = [m.actor.actor_id for m in find_mentions(text, 0, len(text), ActorIndex.build(renamed))]
    assert "marco-rubio" not in before and after == ["marco-rubio"]


def test_a_changed_targets_table_is_read_afresh(tables):
    text = "Some Democrats warned against a naval blockade."
    first = extract(text, actors=tables.actors, targets=tables.targets, main_target="fto-designation")
    targets = tables.targets.copy(deep=True)
    targets.loc[targets["target_id"] == "military-escalation", "keywords"] += "|naval blockade"
    second = extract(text, actors=tables.actors, targets=targets, main_target="fto-designation")
    assert list(first["target_id"]) == ["fto-designation"] and list(second["target_id"]) == ["military-escalation"]


@pytest.mark.parametrize(
    "text",
    [
        "Niger and Nigeria agreed; Guinea-Bissau, Guinea and Equatorial Guinea objected.",
        "Nigerian officials met Nigeriaa, Nige and Papua New Guinea's envoy.",
    ],
)
def test_the_prefix_tree_alternation_matches_like_the_flat_one(text):
    words = ["Niger", "Nigeria", "Nigerian", "Guinea", "Guinea-Bissau", "Equatorial Guinea", "Papua New Guinea"]
    flat = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # longest first
    for template in (r"(?<![\w-])({})(?![\w-])", r"({})(?:[’']s)?\s+\w+"):
        expected = [m.span(1) for m in re.finditer(template.format(flat), text)]
        assert [m.span(1) for m in re.finditer(template.format(alternation(words)), text)] == expected


def test_overlapping_mentions_keep_the_longest_as_a_pairwise_check_would():
    def pairwise(mentions):  # the definition: each kept mention overlaps no longer (or known, or earlier) one
        ranked = sorted(mentions, key=lambda m: (-(m.end - m.start), m.actor.actor_id == "", m.start))
        kept = []
        for mention in ranked:
            if all(mention.end <= k.start or mention.start >= k.end for k in kept):
                kept.append(mention)
        return sorted(kept, key=lambda m: m.start)

    rng = random.Random(0)
    for _ in range(2000):
        mentions = []
        for _ in range(rng.randint(0, 10)):
            start = rng.randint(0, 30)
            mentions.append(Mention(start, start + rng.randint(1, 8), Actor(name="x", actor_id=rng.choice(["", "k"]))))
        assert _longest_first(mentions) == pairwise(mentions)


def test_extract_many_on_every_core_equals_one_document_at_a_time(tables):
    texts = [tables.texts["2025-11-cartel-de-los-soles-fto"]] + [
        p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))[:3]
    ]
    source_ids = [f"doc-{i}" for i in range(len(texts))]
    options = {"actors": tables.actors, "targets": tables.targets, "main_target": "fto-designation"}
    in_parallel = extract_many(texts, source_ids=source_ids, workers=2, **options)
    assert len(in_parallel) == len(texts)
    for text, source_id, proposals in zip(texts, source_ids, in_parallel):
        pd.testing.assert_frame_equal(proposals, extract(text, source_id=source_id, **options))
    assert [len(p) for p in extract_many(texts, workers=1, **options)] == [len(p) for p in in_parallel]
    with pytest.raises(ValueError, match="source ids"):
        extract_many(texts, source_ids=["one"], **options)


def test_extract_many_takes_one_main_target_per_text(tables):
    texts = [tables.texts["2025-11-cartel-de-los-soles-fto"]] * 2
    mains = ["fto-designation", ""]
    each = extract_many(texts, actors=tables.actors, targets=tables.targets, main_target=mains, workers=1)
    for text, main_target, proposals in zip(texts, mains, each):
        pd.testing.assert_frame_equal(
            proposals, extract(text, actors=tables.actors, targets=tables.targets, main_target=main_target)
        )
    assert not each[0].equals(each[1])  # the main target matters, so the test would see a mix-up
    with pytest.raises(ValueError, match="main targets"):
        extract_many(texts, actors=tables.actors, targets=tables.targets, main_target=["fto-designation"])
