"""Sentence boundaries with spaCy's English tokenizer and its rule-based sentencizer.

Chosen over pysbd after measuring both on the seed article (x20, 10,640 words, one core):
spaCy 91,000 words/s, pysbd 26,000 words/s, with the same answers on "U.S.", "Gen.", "Sen.", "Dr.",
"a.m." and initials. spaCy's tokenizer knows those abbreviations, so the sentencizer does not split
at them. Its one slip, leaving an opening quotation mark at the end of the previous sentence, is
fixed here.
"""

from __future__ import annotations

import functools
import itertools

import numpy
from spacy.attrs import IDX, IS_PUNCT, ORTH

from analysis.extract.vocabulary import CLOSING_QUOTES, SENTENCE_OPENERS, SPEECH_FORMS

# any mark that can open a quotation, straight or guillemet (vocabulary.OPENING_QUOTES: the parser's tokens)
STRANDED_OPENERS = "“\"‘'«"
MAX_SENTENCE_CHARS = 1_000


@functools.cache
def _pipeline():
    # The parser's own tokenizer: a sentence's tokens can be handed to the parser as they are
    # (`parse_paragraphs`), and a second English tokenizer took a quarter of a second to build per process.
    from analysis.extract.parse import pipeline

    return pipeline().tokenizer  # knows "Hon.", "Cllr.", …: "criticised by Hon. Femi Adisa-Oke" is one sentence


@functools.cache
def _full_stops() -> frozenset[int]:
    from spacy.pipeline import Sentencizer
    from spacy.strings import get_string_id

    return frozenset(get_string_id(mark) for mark in Sentencizer.default_punct_chars)


def _sentence_starts(doc) -> list[int]:
    """spaCy's rule-based sentencizer, read from the tokens' arrays (1 where a sentence starts, else -1): a
    sentence starts at the first word after a run of full stops and punctuation. The sentencizer itself
    made a Token object of every word, a twentieth of the whole extraction's time."""
    starts = numpy.full(len(doc), -1)
    if not len(doc):
        return starts.tolist()
    columns = doc.to_array([ORTH, IS_PUNCT])
    stops = numpy.isin(columns[:, 0], numpy.fromiter(_full_stops(), dtype=columns.dtype))
    words = numpy.flatnonzero(~stops & (columns[:, 1] == 0))
    # a word starts a sentence when a full stop stands between it and the word before it
    stops_before = numpy.cumsum(stops)
    starts[words[1:][stops_before[words[1:] - 1] > stops_before[words[:-1]]]] = 1
    starts[0] = 1
    return starts.tolist()


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) character offsets of each sentence, without surrounding white space."""
    return segmented(text)[0]


def segmented(text: str) -> tuple[list[tuple[int, int]], dict[int, object]]:
    """The sentences' offsets, and each paragraph's tokens by the paragraph's start offset."""
    spans = []
    paragraphs = {}
    for paragraph_start, paragraph in _paragraphs(text):
        doc = _pipeline()(paragraph)
        doc.user_data["text"] = paragraph
        paragraphs[paragraph_start] = doc
        starts = _sentence_starts(doc)  # the Doc's own starts are set once, by `parse.parse_paragraphs`
        offsets = doc.to_array(IDX).tolist()
        # "Governor Ts.Batsaikhan said": a Mongolian initial before a name ends no sentence ("Ts." is split
        # off as an abbreviation would be)
        firsts = [
            i
            for i, flag in enumerate(starts)
            if i == 0 or (flag == 1 and not _initial_before_name(doc, i) and not _tag_after_question(doc, i))
        ]
        for first, following in itertools.pairwise([*firsts, len(doc)]):
            end = offsets[following - 1] + len(doc[following - 1].text) if following > first else offsets[first]
            spans.append([paragraph_start + offsets[first], paragraph_start + end])
    # An opening quote stranded at the end of a sentence belongs to the next one.
    for previous, current in itertools.pairwise(spans):
        while (
            previous[1] > previous[0]
            and text[previous[1] - 1] in STRANDED_OPENERS
            and text[previous[1] - 2 : previous[1] - 1].isspace()
        ):
            previous[1] -= 1
            current[0] = previous[1]
    result = []
    for start, end in spans:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            result.extend(_capped(text, start, end))
    return result, paragraphs


def _tag_after_question(doc, i: int) -> bool:
    """'“Who thought this was a good idea?” asked Kobus Lourens': a quoted question or exclamation, and its
    speaker's tag in lower case after it, are one sentence."""
    if i < 2 or doc[i - 1].text not in CLOSING_QUOTES or doc[i - 2].text not in ("?", "!"):
        return False
    # not "Critics shouted “Resign!” as the minister spoke": a tag is a reporting verb, or a pronoun and one
    reporting = doc[i + 1] if doc[i].lower_ in TAG_PRONOUNS and i + 1 < len(doc) else doc[i]
    return doc[i].text[:1].islower() and reporting.lower_ in SPEECH_FORMS


TAG_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})


def _initial_before_name(doc, i: int) -> bool:
    """'Ts.Batsaikhan', 'N.Otgonbayar': one or two letters, a full stop and a name, with no space between."""
    stop, initial = doc[i - 1], doc[i - 2] if i >= 2 else None
    return (
        stop.text == "."
        and not stop.whitespace_
        and initial is not None
        and not initial.whitespace_
        and len(initial.text) <= 2
        and initial.is_title
        and initial.text not in NOT_INITIALS
        and doc[i].is_title
        and doc[i].text.lower() not in SENTENCE_OPENERS
    )


# words of one or two letters that end a sentence or an abbreviation, not a Mongolian initial
NOT_INITIALS = frozenset({"No", "So", "Go", "Oh", "Ok", "Hi", "Mr", "Ms", "Dr", "St", "Mt", "Up", "Me", "Us", "It"})


def _capped(text: str, start: int, end: int):
    """A run-on "sentence" (text without full stops) cut at white space into pieces of at most
    MAX_SENTENCE_CHARS: the per-sentence steps pair every cue with every mention, so an unbounded
    sentence would make extraction quadratic in the length of the text."""
    while end - start > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", start + 1, start + MAX_SENTENCE_CHARS)
        cut = start + MAX_SENTENCE_CHARS if cut <= start else cut
        piece_end = cut
        while piece_end > start and text[piece_end - 1].isspace():
            piece_end -= 1
        yield start, piece_end
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        yield start, end


def _paragraphs(text: str):
    """Paragraphs never share a sentence: a headline without a full stop ends at its line break."""
    start = 0
    for line in text.split("\n"):
        if line.strip():
            yield start, line
        start += len(line) + 1
