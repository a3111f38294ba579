"""Round thirty-six of the extractor (issue 12): one person the text leaves unnamed ("One lender", "said one
woman", "An endocrinologist at a Minsk city clinic") holds what they say, kept vague; a description after a
name, a thing, and a person someone else speaks of do not. The parser multiplies through numpy on one thread
and parses a paragraph's sentences side by side. Sentences written for these tests, not the corpus's."""

import io
import itertools
import threading
from functools import partial

import threadpoolctl

from analysis.extract import extract
from analysis.extract.parse import parse_paragraphs, pipeline
from analysis.extract.person_nouns import is_person_noun
from analysis.extract.segment import segmented
from analysis.extract.training import person_nouns
from conftest import holders_after_lede

LEDE = "Fuel levy raised\n\nThe government raised the fuel levy by a third on Monday, the ministry said.\n"
_holders = partial(holders_after_lede, LEDE)


def _actors(body: str) -> set[str]:
    return set(extract(LEDE + body + "\n", main_target="main", arbiter=False)["actor"])


def test_one_unnamed_person_holds_what_they_say_kept_vague():
    assert _holders("\n“Let them raise it,” said one woman, who asked not to be named.", "Let them") == ["One woman"]
    assert _holders("\nOne farmer said the levy was a disaster for the harvest.", "disaster") == ["One farmer"]
    assert _holders("\nA teacher in Gori called the levy a betrayal.", "betrayal") == ["A teacher"]


def test_where_an_unnamed_person_works_is_not_who_speaks():
    body = "\nAn endocrinologist at a Minsk city clinic said she was worried about the levy."
    assert _holders(body, "worried") == ["An endocrinologist"]
    # and she goes on speaking: the quotation after is hers
    body += " “Some of our patients will stop coming,” she said."
    assert _holders(body, "stop coming") == ["An endocrinologist"]


def test_a_description_after_a_name_is_the_named_persons():
    body = "\nBut Dr Tom Odhiambo, a senior research scientist there, said three months was too short."
    assert _holders(body, "too short") == ["Dr Tom Odhiambo"]


def test_a_thing_or_a_person_spoken_of_is_no_one_who_speaks():
    assert not {"A commitment"} & _actors("\nBut a commitment of ten years is a long time for a small ministry.")
    body = (
        "\nAna Gouveia, a parent in Lavras, opposed the levy.\n\nShe also says a secretariat employee told parents "
        "privately that the levy had been decided long ago."
    )
    assert "A secretariat employee" not in _actors(body)


def test_nouns_that_name_people_come_from_the_treebank_and_the_roles():
    assert all(is_person_noun(noun) for noun in ("woman", "driver", "trader", "endocrinologist", "economist"))
    assert not any(is_person_noun(noun) for noun in ("commitment", "decision", "ministry", "levy", "union"))


def test_the_person_nouns_are_read_from_the_treebanks_typed_entities():
    # a fragment in GUM's CoNLL-U: "The driver said the road was closed", the driver a person, the road a place
    conllu = (
        "# sent_id = 1\n"
        "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\tEntity=(1-person-new-sssss-cf1-1-coref\n"
        "2\tdriver\tdriver\tNOUN\tNN\t_\t3\tnsubj\t_\tEntity=1)\n"
        "3\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\t_\n"
        "4\tthe\tthe\tDET\tDT\t_\t5\tdet\t_\tEntity=(2-place-new-sssss-cf2-1-coref\n"
        "5\troad\troad\tNOUN\tNN\t_\t7\tnsubj\t_\tEntity=2)\n"
        "6\twas\tbe\tAUX\tVBD\t_\t7\tcop\t_\t_\n"
        "7\tclosed\tclosed\tADJ\tJJ\t_\t3\tccomp\t_\tEntity=(3-abstract-new-sssss-cf3-1-coref)\n"
        "\n"
    )
    kinds = person_nouns.head_kinds(io.StringIO(conllu * 2))
    assert kinds["driver"]["person"] == 2 and kinds["road"]["place"] == 2 and "closed" not in kinds
    assert person_nouns.person_nouns(kinds) == ["driver"]


def test_the_parser_multiplies_through_numpy_on_one_thread_while_parsing_only():
    assert pipeline().get_pipe("tok2vec").model.ops.use_blis is False
    threads = [lib["num_threads"] for lib in threadpoolctl.threadpool_info() if lib["user_api"] == "blas"]
    # three threads parsing at once (an app's workers) leave the process's threads as they found them, so that
    # a model fitted in the same process keeps its threads
    workers = [threading.Thread(target=extract, args=(LEDE * 5,), kwargs={"main_target": "main"}) for _ in range(3)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert [lib["num_threads"] for lib in threadpoolctl.threadpool_info() if lib["user_api"] == "blas"] == threads


def test_a_paragraphs_sentences_parsed_side_by_side_keep_their_own_words_and_trees():
    sentences = ["The ministry welcomed the levy.", "Unions said it would hurt drivers.", "Farmers agreed."]
    _, paragraphs = segmented(" ".join(sentences))
    doc = paragraphs[0]
    starts = [token.i for token in doc if token.i == 0 or doc[token.i - 1].text == "."] + [len(doc)]
    parsed = parse_paragraphs([doc], [list(itertools.pairwise(starts))])
    assert [sentence.text for sentence in parsed] == sentences
    for sentence in parsed:
        roots = [node for node in sentence if node.head is node]
        assert len(roots) == 1 and all(0 <= node.head.i < len(sentence) for node in sentence)
    said = next(node for node in parsed[1] if node.text == "said")
    assert [c.text for c in said.children if c.dep_ == "nsubj"] == ["Unions"]


def test_a_governments_spokesman_speaks_for_the_government_as_writers_name_it():
    body = "\nIn Moscow, the Kremlin's spokesman described the levy as “a natural step”."
    assert _holders(body, "natural step") == ["Kremlin"]


def test_declining_to_speculate_is_no_position_taken():
    rows = extract(
        LEDE + "\nThe Eurasian Economic Commission said it would not speculate about the levy.\n",
        main_target="main",
        arbiter=False,
    )
    assert list(rows["stance"]) == ["neutral"]


def test_a_question_that_opens_a_reply_is_not_the_sentences_verb():
    body = "\nAsked whether the levy would stay, a Rosselkhoznadzor spokesperson declined to speculate."
    assert _holders(body, "declined to speculate") == ["Rosselkhoznadzor"]
    sentence = "Asked whether other plants could face similar curbs, a Rosselkhoznadzor spokesperson declined to speak."
    parsed = parse_paragraphs(*_one_paragraph(sentence))[0]
    root = next(node for node in parsed if node.head is node)
    assert root.text == "declined" and parsed[0].dep_ == "advcl" and parsed[0].head is root


def _one_paragraph(text: str):
    _, paragraphs = segmented(text)
    doc = paragraphs[0]
    return [doc], [[(0, len(doc))]]


def test_a_sentence_framed_as_someones_view_is_theirs_whatever_its_clauses_subjects():
    body = (
        "\nPaweł Kowalczyk of the Polish Institute of International Affairs was more measured.\n\nIn his view, "
        "Belarus has traded away one of the last bargaining chips it had, and the neighbours would be wise to respond "
        "with patience rather than alarm."
    )
    assert _holders(body, "rather than alarm") == ["Paweł Kowalczyk"]


def test_an_aside_after_the_opening_subject_is_not_the_sentences_verb():
    body = (
        "\nThe Interstate Commission for Water Coordination of Central Asia, in which Afghanistan has no seat, has "
        "stopped short of calling for a halt to the levy."
    )
    assert _holders(body, "stopped short") == ["Interstate Commission for Water Coordination"]


def test_a_ministers_portfolio_finds_him_whatever_tier_the_text_adds():
    body = (
        "\nCommerce Minister Farrukh Saeed Lodhi defended the levy.\n\nThe province's trade minister, Samina "
        "Yousafzai, did not oppose it.\n\nAsked whether the levy could be lifted, the federal commerce minister said "
        "the government was “open to talking, but not to pressure.”"
    )
    assert _holders(body, "open to talking") == ["Minister Farrukh Saeed Lodhi"]


def test_sentences_start_where_the_sentencizer_starts_them():
    text = "The levy rose. “It is too much!” said one driver. Others agreed!\n\nU.S. officials said so. Fine."
    assert [text[a:b] for a, b in segmented(text)[0]] == [
        "The levy rose.",
        "“It is too much!” said one driver.",
        "Others agreed!",
        "U.S. officials said so.",
        "Fine.",
    ]


def test_a_spokesperson_for_no_body_named_speaks_for_the_body_their_words_name():
    body = (
        "\nThe Ministry of Agriculture proposed the levy.\n\nA spokesman said the ministry was still gathering "
        "views from growers."
    )
    assert _holders(body, "still gathering") == ["Ministry of Agriculture"]


def test_which_after_a_bodys_description_of_its_people_is_the_body():
    body = (
        "\nIn Brazil, the sharpest reaction came from ABRACE, the association of large industrial energy consumers, "
        "which regretted that the levy would stay high."
    )
    assert _holders(body, "regretted") == ["ABRACE"]


def test_the_source_a_sentence_opens_with_holds_its_main_clause_whoever_holds_a_clause_below():
    body = (
        "\nAccording to Brazil's Ministry of Mines and Energy, the levy guarantees “predictability” for consumers, "
        "although some Brazilian officials have privately questioned it."
    )
    rows = extract(LEDE + body + "\n", main_target="main", arbiter=False)
    assert {"Brazil's Ministry of Mines and Energy", "Some Brazilian officials"} <= set(rows["actor"])
    ministry = rows[rows["actor"] == "Brazil's Ministry of Mines and Energy"].iloc[0]
    assert ministry["cue"] != "questioned"
