"""Parsing sentences with the project's own spaCy pipeline (a tagger and a dependency parser trained on
UD English EWT and GUM; see model/README.md), loaded once per process.

The model ships in the repository (`analysis/extract/model/`), so nothing is downloaded; `make model`
rebuilds it from ../shared/corpora. After parsing, each sentence becomes a list of plain `Node`s: the rules
walk the tree many times, and reading a spaCy token's attributes builds a new Python object each time.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import re
from collections.abc import Sequence
from pathlib import Path

import numpy
import spacy
import thinc.api
import threadpoolctl
from spacy.attrs import DEP, HEAD, IDX, LENGTH, ORTH, SENT_START, SPACY, TAG
from spacy.tokens import Doc

from analysis.extract.nodes import ADJECTIVE_TAGS as ADJECTIVE_TAGS
from analysis.extract.nodes import NOUN_TAGS as NOUN_TAGS
from analysis.extract.nodes import OPENING_MARKS, UNION_OF_CONFEDERATION
from analysis.extract.nodes import PRONOUN_TAGS as PRONOUN_TAGS
from analysis.extract.nodes import PROPER_TAGS as PROPER_TAGS
from analysis.extract.nodes import VERB_TAGS as VERB_TAGS
from analysis.extract.nodes import Node as Node
from analysis.extract.nodes import Parsed as Parsed
from analysis.extract.nodes import child as child
from analysis.extract.nodes import child_case as child_case
from analysis.extract.nodes import children as children
from analysis.extract.nodes import is_proper as is_proper
from analysis.extract.nodes import is_verb as is_verb
from analysis.extract.parse_repairs import repair
from analysis.extract.vocabulary import SENTENCE_OPENERS, words

# Titles before a name that spaCy's English exceptions do not list
TITLE_ABBREVIATIONS = (
    "Hon.",
    "Cllr.",
    "Rt.",
    "Supt.",
    "Insp.",
    "Sgt.",
    "Cpl.",
    "Pte.",
    "Amb.",
    "Rev.",
    "Fr.",
    "Msgr.",
    "Brig.",
    "Maj.",
    "Adm.",
    "Lt.",
    "Col.",
    "Capt.",
    "Prof.",
    "Sen.",
    "Rep.",
    "Reps.",
    "Sens.",
    "Cllrs.",
    "Gov.",
    "Pres.",
    "Dept.",
    "Eng.",
    "Engr.",
)

MODEL_DIR = Path(__file__).resolve().parent / "model"
BATCH_SIZE = 256


@functools.cache
def pipeline() -> spacy.Language:
    """The trained pipeline; its tokenizer is spaCy's English one, whose tokens match UD's."""
    # numpy's matrix products, not thinc's bundled BLIS: on this machine's CPU BLIS multiplied the
    # tok2vec's matrices three times slower, and the parses are the same (numpy's BLAS runs on one thread
    # while it parses: `_one_blas_thread`)
    with thinc.api.use_ops("numpy", use_blis=False):
        nlp = spacy.load(MODEL_DIR)
    for abbreviation in TITLE_ABBREVIATIONS:  # one token, so that no sentence ends at "Hon."
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    # "a limit of 90 km/h. La France insoumise said …": spaCy's exceptions read "h." as an initial, and the
    # sentence ran on into the next
    nlp.tokenizer.add_special_case("h.", [{ORTH: "h"}, {ORTH: "."}])
    nlp.tokenizer.token_match = ACRONYM_WITH_SUFFIX.match
    nlp.max_length = 2_000_000
    return nlp


# "CPI(M)", "JD(S)": a party's acronym with its faction's letter, one name (not "CPI(M" and ")"); "Fistel-CISL",
# "Filt-CGIL": a union's name joined to its confederation's acronym, one name (not "Anti-EU")
ACRONYM_WITH_SUFFIX = re.compile(rf"[A-Z]{{2,}}\([A-Z]{{1,2}}\)\Z|{UNION_OF_CONFEDERATION.pattern}")


def parse(texts: Sequence) -> list[Parsed]:
    """One parsed sentence per text (a string, or a spaCy Doc of its tokens), in order."""
    if not len(texts):
        return []
    strings = pipeline().vocab.strings
    with _one_blas_thread():
        return [_nodes(doc, strings) for doc in pipeline().pipe(texts, batch_size=BATCH_SIZE)]


@contextlib.contextmanager
def _one_blas_thread():
    """The budget is per core, and `extract_many` already keeps every core busy with its own process; the
    limit holds while parsing only (a model fitted elsewhere in the process keeps its threads). The threads are
    set back to what the process started with, not to what they were on entry: two threads parsing at once
    would otherwise leave the second one's limit in place for good."""
    for library in BLAS.lib_controllers:
        library.set_num_threads(1)
    try:
        yield
    finally:
        for library, threads in zip(BLAS.lib_controllers, BLAS_THREADS):
            library.set_num_threads(threads)


# read once, on import (which no two threads do at once): numpy's BLAS and the threads the process started with
BLAS = threadpoolctl.ThreadpoolController().select(user_api="blas")
BLAS_THREADS = [library.num_threads for library in BLAS.lib_controllers]


def _nodes(doc, strings) -> Parsed:
    return _sentence(
        doc.text,
        doc.to_array([TAG, DEP, IDX, SPACY, LENGTH]).tolist(),
        doc.to_array(HEAD).astype("int64").tolist(),
        0,
        len(doc),
        strings,
    )


def _sentence(text: str, rows: list, heads: list, first: int, last: int, strings) -> Parsed:
    """Tokens first..last-1 of a parsed text as a sentence of nodes, offsets counted from its first token."""
    parsed = Parsed()
    origin = rows[first][2] if first < last else 0
    parsed.text = text[origin : rows[last - 1][2] + rows[last - 1][4]] if first < last else ""
    for i in range(first, last):
        tag, dep, idx, space, length = rows[i]
        parsed.append(
            Node(
                parsed,
                i - first,
                text[idx : idx + length],
                idx - origin,
                strings[tag],
                strings[dep],
                " " if space else "",
            )
        )
    for node, head in zip(parsed, heads[first:last]):
        target = node.i + head
        if head and 0 <= target < len(parsed):
            node.head = parsed[target]
            node.head.children.append(node)
    repair(parsed)
    return parsed


def parse_paragraphs(paragraphs: Sequence, sentences: Sequence[Sequence[tuple[int, int]]]) -> list[Parsed]:
    """Parse each paragraph's tokens (a spaCy Doc) once, with its sentence boundaries fixed beforehand,
    and cut it into the sentences given as token ranges: no sentence is tokenised twice."""
    strings = pipeline().vocab.strings
    for doc, ranges in zip(paragraphs, sentences):
        starts = {first for first, _ in ranges} | {last for _, last in ranges} | {0}
        # set as one array: setting each token's is_sent_start checks the whole document every time
        flags = numpy.full(len(doc), -1, dtype="int32")
        flags[[i for i in starts if i < len(doc)]] = 1
        doc.from_array([SENT_START], flags.reshape(-1, 1).astype("uint64"))
    paragraphs = [_truecased(doc, ranges) for doc, ranges in zip(paragraphs, sentences)]
    # the tagger reads whole paragraphs, whose words it sees across the sentences' edges; the parser reads
    # their sentences, each a Doc, all at once: it steps every sentence's parse together, where a paragraph's
    # sentences were parsed one after another (a third of its time on an article of one long paragraph).
    # The parses are the same but where the parser had looked past a sentence's end into the next (the rows
    # differed on 10 of the 1,463 dev and held articles, and scored the same)
    with _one_blas_thread():
        tagged = list(pipeline().pipe(paragraphs, batch_size=BATCH_SIZE // 8, disable=["parser"]))
        pieces = [_sentence_docs(doc) for doc in tagged]
        parser = pipeline().get_pipe("parser")
        arcs = iter(list(parser.pipe([s for p in pieces for s in p], batch_size=BATCH_SIZE * 4)))
    parsed = []
    for doc, ranges, piece in zip(tagged, sentences, pieces):
        rows = doc.to_array([TAG, DEP, IDX, SPACY, LENGTH])
        parses = list(itertools.islice(arcs, len(piece)))
        rows[:, 1] = numpy.concatenate([sentence.to_array(DEP) for sentence in parses])
        heads = numpy.concatenate([sentence.to_array(HEAD).astype("int64") for sentence in parses]).tolist()
        text = doc.user_data.get("text") or doc.text  # Doc.text joins every token each time it is read
        rows = rows.tolist()
        parsed.extend(_sentence(text, rows, heads, first, last, strings) for first, last in ranges)
    return parsed


def _sentence_docs(doc: Doc) -> list[Doc]:
    """The tagged paragraph cut at its sentence starts: a Doc per sentence, with its words, tags and the
    tagger's token vectors (which the parser reads)."""
    columns = doc.to_array([ORTH, SPACY, TAG, SENT_START])
    strings = doc.vocab.strings
    words = [strings[orth] for orth in columns[:, 0].tolist()]
    starts = sorted({0, *numpy.flatnonzero(columns[:, 3] == 1).tolist(), len(doc)})
    pieces = []
    for first, last in itertools.pairwise(starts):
        piece = Doc(doc.vocab, words=words[first:last], spaces=columns[first:last, 1].astype(bool).tolist())
        piece.from_array([TAG, SENT_START], columns[first:last, 2:4])
        piece.tensor = doc.tensor[first:last]
        pieces.append(piece)
    return pieces


def _truecased(doc, ranges):
    """The paragraph's tokens with each sentence's capitalised opening word lower-cased when it is a
    closed-class word, or an acronym written as a name ("SHRI took no position" is parsed as "Shri took ...":
    in capitals the parser read it as an adverb; elsewhere in a sentence it reads acronyms well, and as names
    worse); the same Doc when neither is."""
    lowered = {}
    for first, last in ranges:
        i = first
        while i < last - 1 and doc[i].text in OPENING_MARKS:
            i += 1
        word = doc[i].text
        if word[:1].isupper() and word.lower() in SENTENCE_OPENERS and not word.isupper():
            lowered[i] = word.lower()
        elif _opening_acronym(word) and word.lower() not in CAPITALISED_WORDS and not _in_capitals(doc, first, last):
            lowered[i] = word.title()
        if word == "The" and i + 1 < last and _opening_acronym(doc[i + 1].text) and not _in_capitals(doc, first, last):
            lowered[i + 1] = doc[i + 1].text.title()  # "The DHSC's own release": the name after the article too
    lowered.update(_given_names_in_two_parts(doc))
    lowered.update(_particles_in_names(doc))
    if not lowered:
        return doc
    # only the sentences' openings are read above: a Token object per word of every paragraph was a
    # tenth of the time spent parsing
    words = [lowered.get(i, t.text) for i, t in enumerate(doc)]
    truecased = Doc(doc.vocab, words=words, spaces=[bool(t.whitespace_) for t in doc])
    truecased.from_array([SENT_START], doc.to_array([SENT_START]).reshape(-1, 1))
    truecased.user_data.update(doc.user_data)
    return truecased


def _opening_acronym(word: str) -> bool:
    """'SHRI', 'TÜSİAD' (capitals beyond ASCII), 'UKHospitality' (an acronym run into a word): a name the
    parser reads better written as one."""
    if len(word.title()) != len(word):
        return False  # "İ" lower-cased takes two characters: the offsets must not move
    in_capitals = 3 <= len(word) <= 8 and word.isalpha() and word.isupper()
    return bool(ACRONYM.fullmatch(word) or in_capitals or ACRONYM_THEN_WORD.fullmatch(word))


ACRONYM_THEN_WORD = re.compile(r"[A-Z]{2,}[A-Z][a-z]{3,}")


def _given_names_in_two_parts(doc) -> dict[int, str]:
    """'Tsai Ming-hsien', 'Park Young-hee': the tokenizer splits a romanised given name at its hyphen, and
    the parser reads its lower-case second part as a common noun and loses the name. Parsed with the part
    capitalised ("Ming-Hsien"), it is read as a name; the text and its offsets are unchanged."""
    found = {}
    # the hyphens found in one array pass: a Token object per word of every paragraph was a tenth of the time
    hyphens = numpy.flatnonzero(doc.to_array(ORTH) == doc.vocab.strings["-"]).tolist()
    for i in hyphens:
        if not 2 <= i < len(doc) - 1:
            continue
        hyphen, surname, given, part = doc[i], doc[i - 2], doc[i - 1], doc[i + 1]
        if (
            not given.whitespace_
            and not hyphen.whitespace_
            and given.is_title
            and surname.is_title
            and surname.text.lower() not in SENTENCE_OPENERS
            and len(given.text) <= 5
            and part.is_lower
            and part.is_alpha
            and 2 <= len(part.text) <= 5
        ):
            found[part.i] = part.text.title()
    return found


def _particles_in_names(doc) -> dict[int, str]:
    """'the Anton de Kom University', 'the Observatorio Ciudadano del Agua', 'Joost van Damme': the parser reads
    a name's lower-case particle as a word of its own (a foreign word, a subject) and breaks the name in two.
    Parsed capitalised ("De", "Del"), the name is read whole; the text and its offsets are unchanged."""
    found = {}
    orths = doc.to_array(ORTH)
    particles = [doc.vocab.strings[p] for p in NAME_PARTICLES if p in doc.vocab.strings]
    for i in numpy.flatnonzero(numpy.isin(orths, particles)).tolist():
        if 1 <= i < len(doc) - 1 and _between_name_words(doc[i - 1], doc[i + 1]) and not _after_of(doc, i):
            found[i] = doc[i].text.title()
    return found


def _after_of(doc, particle: int) -> bool:
    """'Ignacio Ferrer of Casa de Bolsa Pacífico', 'the president of the Colegio de Médicos': after "of", a name
    capitalised whole is read as one with the person or role before it."""
    start = particle - 1
    while start > 0 and (doc[start - 1].is_title or doc[start - 1].text in NAME_PARTICLES):
        start -= 1
    if start > 2 and doc[start - 1].lower_ == "the" and doc[start - 3].is_lower:
        start -= 1  # "the president of the Colegio de Médicos del Zulia, Freddy Atencio" (not "Ramdin of the …")
    return start > 0 and doc[start - 1].lower_ == "of"


def _between_name_words(before, after) -> bool:
    return before.is_title and before.text.lower() not in SENTENCE_OPENERS and after.is_title and after.is_alpha


NAME_PARTICLES = ("de", "del", "della", "da", "das", "do", "dos", "du", "des", "van", "von", "der", "den", "di", "y")


def _in_capitals(doc, first: int, last: int) -> bool:
    """A heading or a line in capitals, whose words are no acronyms."""
    letters = "".join(t.text for t in doc[first:last])
    return sum(c.isupper() for c in letters) * 2 > sum(c.isalpha() for c in letters)


# three to eight capitals standing alone; two-letter ones ("EU", "US", "IT") the parser knows, or are words
ACRONYM = re.compile(r"(?<![\w\-.’'])[A-Z]{3,8}(?![\w\-’'])")
# words a news text writes in capitals that are no acronyms
CAPITALISED_WORDS = words(
    "the and for but not nor yet are was has had can all new our who why how yes now off out one two six "
    "ten end live update breaking news clip sot vox pop you she her his its they them this that with from "
    "will any may per via"
)
