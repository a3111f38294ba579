"""Proposing statements from a document: who takes which stance on what, with the evidence span.

Per sentence: find the actors and the stance cues; give each cue to its speaker (for quoted speech) or
to the nearest actor group before it (a coordinated group gives one row per actor); "he added",
"the group's chair" and the like go to the actor last mentioned; cues are grouped by actor and target,
and each group is decided by `stance.decide`. Pure and per-document, so it maps over an archive.
"""

from __future__ import annotations

import bisect
import functools
import re

import pandas as pd

from analysis.extract import actors as actor_finder
from analysis.extract import attribution
from analysis.extract.actors import Actor, ActorIndex, Mention
from analysis.extract.lexicon import Lexicon, load_lexicon
from analysis.extract.segment import sentences
from analysis.extract.stance import Decision, decide

PROPOSAL_COLUMNS = ["statement_id", "source_id", "actor_id", "target_id", "stance", "quote", "start", "end", "cue",
                    "summary", "mode", "date", "date_precision", "confidence", "origin", "reviewed", "actor",
                    "evidence", "actor_kind", "actor_country", "actor_bloc", "known_actor"]
TONE_THRESHOLD = 0.3
CLAUSE_BREAK = re.compile(r",?\s+while\s+|;\s+|,\s+whereas\s+|\s+—\s+")
REPORTED_SPEECH = re.compile(r"\b(?:saying|argued|argues|insisted|insists|maintained|maintains|contended|"
                             r"said|says|told\s+\w+)\s+(?:that\s+)?(?:the|it|its|their|this|these|they|a|an)\b")
TargetKeywords = tuple[tuple[str, re.Pattern, str], ...]  # (folded keyword, its regex, target id)


def target_rows(targets: pd.DataFrame | None) -> tuple[tuple, ...]:
    """(target_id, keywords) of the targets table as hashable rows: the key of its compiled keywords."""
    if targets is None or len(targets) == 0:
        return ()
    keywords = targets["keywords"].tolist() if "keywords" in targets.columns else [""] * len(targets)
    return tuple(zip(targets["target_id"].tolist(), keywords))


@functools.lru_cache(maxsize=16)
def target_keywords(rows: tuple[tuple, ...]) -> TargetKeywords:
    """Every target keyword, compiled once per table content and ordered longest first (a stable sort, so
    among equally long keywords the table's order still decides): the first that matches wins."""
    found = []
    for target_id, keywords in rows:
        for keyword in filter(None, str(keywords or "").split("|")):
            keyword = actor_finder.fold(keyword)
            found.append((keyword, re.compile(rf"(?<![\w-]){re.escape(keyword)}(?![\w-])"), target_id))
    return tuple(sorted(found, key=lambda item: -len(item[0])))


def _target_of(text: str, start: int, end: int, keywords: TargetKeywords, main_target: str) -> str:
    """The document's main target, unless this stretch of text clearly names another known target."""
    if not keywords:
        return main_target
    lowered = actor_finder.fold(text[start:end])
    for keyword, pattern, target_id in keywords:
        if keyword in lowered and pattern.search(lowered):  # the substring test skips most regex searches
            return target_id
    return main_target


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    bounds, cursor = [], start
    for match in CLAUSE_BREAK.finditer(text, start, end):
        bounds.append((cursor, match.start()))
        cursor = match.end()
    bounds.append((cursor, end))
    return [(a, b) for a, b in bounds if b > a]


def _inside_quotes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(start + m.start(), start + m.end()) for m in attribution.QUOTE_SPANS.finditer(text[start:end])]


def extract(text: str, *, actors: pd.DataFrame | None = None, targets: pd.DataFrame | None = None,
            main_target: str = "", source_id: str = "", lexicon: Lexicon | None = None,
            index: ActorIndex | None = None) -> pd.DataFrame:
    """Proposed statements for one document, as a DataFrame with PROPOSAL_COLUMNS.

    `actors` and `targets` are the known tables (optional); `main_target` is the target id (or label) a
    position is about unless its sentence names another known target. Offsets index `text` as
    open(path, encoding="utf-8").read() returns it.
    """
    lexicon = lexicon or load_lexicon()
    index = index or ActorIndex.build(actors)
    keywords = target_keywords(target_rows(targets))
    memory = attribution.Memory()
    rows: list[dict] = []
    # Actors are found a paragraph at a time (fewer, longer regex passes), then shared out by sentence.
    # Mentions come in text order, so a sentence's share is found by bisecting their starts (a long
    # paragraph of short sentences would otherwise be scanned once per sentence).
    paragraph_mentions: dict[int, tuple[list[Mention], list[int]]] = {}
    for sentence_start, sentence_end in sentences(text):
        if _is_headline(text, sentence_start, sentence_end):
            continue
        paragraph_start = text.rfind("\n", 0, sentence_start) + 1
        if paragraph_start not in paragraph_mentions:
            paragraph_end = text.find("\n", sentence_start)
            found = actor_finder.find_mentions(text, paragraph_start,
                                               len(text) if paragraph_end < 0 else paragraph_end, index)
            paragraph_mentions[paragraph_start] = found, [m.start for m in found]
        found, starts = paragraph_mentions[paragraph_start]
        mentions = [m for m in found[bisect.bisect_left(starts, sentence_start):
                                     bisect.bisect_right(starts, sentence_end)] if m.end <= sentence_end]
        mentions = memory.surname_mentions(text, sentence_start, sentence_end, mentions)
        mentions = attribution.own_governments(text, sentence_start, sentence_end, mentions, index, memory)
        cues = list(lexicon.find(text, sentence_start, sentence_end))
        cues = [c for c in cues if not _is_false_cue(text, c)]
        cues = [c for c in cues if not any(m.start <= c[0] < m.end for m in mentions)]
        quotes = _inside_quotes(text, sentence_start, sentence_end)
        speaker = attribution.speaker(text, sentence_start, sentence_end, mentions, memory) if quotes else None
        groups: dict[tuple[str, str], dict] = {}
        last_subject: list[Actor] = []  # a clause without its own subject continues the previous one
        for clause_start, clause_end in _clauses(text, sentence_start, sentence_end):
            last_target: dict[str, str] = {}
            for cue in (c for c in cues if clause_start <= c[0] < clause_end):
                in_quote = any(q0 < cue[0] < q1 for q0, q1 in quotes)
                if in_quote and speaker is not None:
                    subject, mode = [speaker], "direct"
                else:
                    outside = [m for m in mentions if not attribution.in_quotes(m, quotes)]
                    subject = (attribution.passive_agent(text, cue[1], clause_end, mentions)
                               or attribution.subject_before(text, cue[0], clause_start, outside, memory))
                    subject = subject or attribution.named_subject(text, clause_start, cue[0], index) or last_subject
                    mode = "reported"
                if not subject:
                    continue
                last_subject = subject
                # A cue's scope runs from the previous cue to the end of the next one; a cue whose scope names
                # no target of its own continues the target of the actor's previous cue.
                scope_start = max([c[1] for c in cues if c[1] <= cue[0] and c[0] >= clause_start] + [clause_start])
                scope_end = min([c[1] for c in cues if c[0] > cue[1] and c[0] < clause_end] + [clause_end])
                named = _target_of(text, scope_start, scope_end, keywords, "")
                subject_key = "|".join(a.actor_id or a.name for a in subject)
                target = named or last_target.get(subject_key, main_target)
                last_target[subject_key] = target
                for actor in subject:
                    key = (actor.actor_id or actor.name, target)
                    group = groups.setdefault(key, {"actor": actor, "target": target, "cues": [], "mode": mode,
                                                    "clause": (clause_start, clause_end), "mentions": []})
                    group["cues"].append(cue)
                    if mode == "direct":
                        group["mode"] = "direct"
        if not groups and speaker is None:
            # Reported speech with no cue ("Rubio issued the statement, saying the designation marks ..."):
            # the actor stated a position the lexicon cannot read; propose it as neutral, weakly.
            for verb in REPORTED_SPEECH.finditer(text, sentence_start, sentence_end):
                subject = attribution.subject_before(text, verb.start(), sentence_start, mentions, memory)
                if subject:
                    for actor in subject:
                        groups[(actor.actor_id or actor.name, main_target)] = {
                            "actor": actor, "target": main_target, "cues": [], "mode": "reported",
                            "clause": (sentence_start, sentence_end), "quoted_only": True,
                            "speech": verb.group(0).split()[0]}
                    break
        if speaker is not None and not any((speaker.actor_id or speaker.name) == key[0] for key in groups):
            # Quoted words with no cue: the speaker still took a position; say so as neutral, weakly.
            groups[(speaker.actor_id or speaker.name, main_target)] = {
                "actor": speaker, "target": main_target, "cues": [], "mode": "direct",
                "clause": (sentence_start, sentence_end), "quoted_only": True}
        for group in groups.values():
            if group.get("quoted_only"):
                start, end = _evidence(text, group, mentions, sentence_start, sentence_end)
                decision = _tone(text, quotes, start, end)
                if not decision.cue:  # the reporting verb is what the (neutral) proposal rests on
                    decision = Decision(decision.stance, group.get("speech", "said"), start, start, 0.4)
                rows.append(_row(text, group, decision, start, end, source_id))
                continue
            decision = decide(text, group["cues"], window_start=sentence_start)
            if decision is None:
                continue
            start, end = _evidence(text, group, mentions, sentence_start, sentence_end)
            rows.append(_row(text, group, decision, start, end, source_id))
        for mention in mentions:
            memory.remember(mention.actor)
        if speaker is not None:
            memory.remember(speaker)
    return pd.DataFrame(rows, columns=PROPOSAL_COLUMNS)


def _tone(text: str, quotes, start: int, end: int) -> Decision:
    """No cue in the lexicon: read the tone of the quoted words (VADER) instead, with low confidence.
    A clearly positive quote counts as support, a clearly negative one as opposition, else neutral."""
    spoken = " ".join(text[q0 + 1:q1 - 1] for q0, q1 in quotes if start <= q0 < end) or text[start:end]
    compound = tone_score(spoken)
    stance = "supportive" if compound >= TONE_THRESHOLD else "opposed" if compound <= -TONE_THRESHOLD else "neutral"
    return Decision(stance, "(tone of the quote)" if stance != "neutral" else "", start, start, 0.4)


@functools.cache
def _vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def tone_score(text: str) -> float:
    return _vader().polarity_scores(text)["compound"]


def _is_headline(text: str, start: int, end: int) -> bool:
    """A line of its own without closing punctuation: a headline or dateline, not a statement."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    line = text[line_start:line_end].strip()
    return start == line_start + (len(text[line_start:line_end]) - len(text[line_start:line_end].lstrip())) and \
        end >= line_start + len(text[line_start:line_end].rstrip()) and not line.endswith(
            (".", "!", "?", "”", "\"", "’", "'", ":", ")"))


def _is_false_cue(text: str, cue) -> bool:
    """Cue words used in another sense: 'back to', 'in support of the troops' and the like."""
    start, end, found = cue
    following = text[end:end + 12].lower().split()
    if found.text == "back":
        return bool(following) and following[0] in {"to", "from", "in", "into", "on", "down", "up", "off", "away",
                                                     "home", "then"}
    if found.text == "accus*":
        return bool(following) and following[0] == "of"  # "officials accused of ..." are the accused
    if found.text == "oppos*" and text[start:end].lower() == "opposition":
        return not following or following[0] != "to"  # "opposition leader" names a group, not a stance
    return False


def _evidence(text: str, group: dict, mentions: list[Mention], sentence_start: int, sentence_end: int):
    """The evidence span: from the actor's mention (or its clause) to the end of the clause, trimmed."""
    clause_start, clause_end = group["clause"]
    first_cue = min((c[0] for c in group["cues"]), default=clause_end)
    own = [m for m in mentions if m.actor == group["actor"] and clause_start <= m.start <= first_cue]
    start = own[-1].start if own else clause_start
    if group["mode"] == "direct":
        start, clause_end = sentence_start, sentence_end
    end = clause_end
    while end > start and text[end - 1] in " ,;:—-":
        end -= 1
    while start < end and text[start] in " ,;:—-":
        start += 1
    return start, end


def _row(text: str, group: dict, decision, start: int, end: int, source_id: str) -> dict:
    actor: Actor = group["actor"]
    known = bool(actor.actor_id) and bool(actor.bloc or actor.aliases)
    confidence = decision.confidence + (0.05 if known else 0.0)
    return {
        "statement_id": "", "source_id": source_id, "actor_id": actor.actor_id, "target_id": group["target"],
        "stance": decision.stance, "quote": text[start:end], "start": start, "end": end, "cue": decision.cue,
        "summary": f"{actor.name}: {decision.cue} ({decision.stance})", "mode": group["mode"], "date": "",
        "date_precision": "unknown", "confidence": round(min(confidence, 0.95), 2), "origin": "extracted",
        "reviewed": False, "actor": actor.name, "evidence": text[start:end], "actor_kind": actor.kind,
        "actor_country": actor.country, "actor_bloc": actor.bloc, "known_actor": known,
    }
