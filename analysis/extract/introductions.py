"""How a text introduces an actor where it first names it: the role words and gender around a person's name
('Foreign Minister X', 'X, the minister for trade,', 'Ms X', 'X ... she said'), the body noun beside an
organisation's ('Riders United Philadelphia, a passenger advocacy group,'), and where a Malay name's own names end
and its father's begin. Read once per actor by `references.Memory.remember`."""

from __future__ import annotations

import itertools
import re

from analysis.extract.actors import TITLE_WORDS
from analysis.extract.given_names import gender_of_name
from analysis.extract.vocabulary import FEMALE_WORDS, GROUP_NOUNS, MALE_WORDS, PATRONYMIC_LINKS, PERSON_ROLES

# "X said she ...", "X, 52, says he ...": a pronoun that is X's own; "X had a point, he said" is someone else's
OWN_PRONOUN = re.compile(
    r"(?:\s*,[^,.;]{1,80},)?\s*(?:has\s+|had\s+)?(?:said|says|told|tells|added|adds|argued|argues|insisted|"
    r"insists|explained|explains|warned|warns|believes|believed|thinks|thought)\s+(?:\w+\s+){0,2}?(he|she|his|her)\b",
    re.IGNORECASE,
)


def patronymic_link(words: list[str]) -> int | None:
    """Where a Malay name's link to the father's name stands ("Rosli bin Haji Mahmud"), if it has one; not an
    Arabic name's, whose family name ends it and is the one used alone ("Hilal bin Nasser al-Kindi")."""
    link = next((i for i, w in enumerate(words) if w in PATRONYMIC_LINKS and i >= 1), None)
    if link is None or re.match(r"(?:[Aa]l|[Ee]l)-", words[-1]):
        return None
    return link


def gender_of(words: str) -> str:
    """'m', 'f' or '' from gendered words (titles, pronouns, role nouns) in a short stretch of text."""
    lowered = set(re.findall(r"[a-z]+\.?", words.lower()))
    male, female = bool(lowered & MALE_WORDS), bool(lowered & FEMALE_WORDS)
    return "m" if male and not female else "f" if female and not male else ""


# "Riders United Philadelphia, a passenger advocacy group,": the apposition's head noun
# not past a preposition: "VLEN, the Albanian coalition in government," is no government
BODY_APPOSITION = re.compile(
    r"\s*(?:\([^()]{1,12}\)\s*)?,\s*(?:the|a|an|its|[\w’']+[’']s)\s+"
    r"(?:(?!(?:in|of|for|at|on|with|from|to)\s)[\w’'\-]+\s+){0,4}?(?!(?:in|of|for|at|on|with|from|to)\s)([a-z\-]+)\s*[,.;]"
)


def whole_words(text: str, word: str):
    r"""Where `word` occurs in `text` with no letter, digit, "_" or "-" on either side, as (start, end):
    what `(?<![\w-])word(?![\w-])` finds, without compiling a pattern per name (a regex per name missed
    the pattern cache and cost a tenth of the extractor's time)."""
    if not word:
        return
    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        if not _joins(text, start - 1) and not _joins(text, end):
            yield start, end
        start = text.find(word, start + 1)


def _joins(text: str, i: int) -> bool:
    return 0 <= i < len(text) and (text[i].isalnum() or text[i] in "_-")


def body_roles_near(text: str, name: str) -> tuple[str, ...]:
    """The body noun the text gives an organisation where it first names it, as the head of an apposition
    ('Riders United Philadelphia, a passenger advocacy group,') or right before it ('the campaign group
    Noto Nuclear Watch'): who "the group" is later."""
    found = next(whole_words(text, name), None)
    if found is None:
        return ()
    start, end = found
    before = re.findall(r"[a-z\-]+", re.split(r"[.;:!?,()\n]", text[max(0, start - 30) : start])[-1])
    after = BODY_APPOSITION.match(text, end)
    heads = [before[-1]] if before and text[start - 1 : start] == " " else []
    heads += [after.group(1)] if after else []
    return tuple(w for w in heads if w in GROUP_NOUNS)


def roles_near(text: str, name: str) -> tuple[tuple[str, ...], str, frozenset[str]]:
    """The role words and gender the text gives a person where it names them: 'Foreign Minister X',
    'X, the minister for trade,', 'the union's regional secretary, X', 'Ms X', 'X ... she said'; and every
    word of those introductions."""
    words = name.split()
    if not words:
        return (), "", frozenset()
    seen: set[str] = set()
    # "Norliza binti Haji Sulaiman": the titles before the father's name are his, not hers
    surname = words[(patronymic_link(words) or len(words)) - 1]
    roles: list[str] = []
    genders = []
    for start, end in itertools.islice(whole_words(text, surname), 4):  # the first few: where the text introduces them
        before = re.split(r"[.;:!?\n]", text[max(0, start - 90) : start])[-1]
        if _another_given_name(before, words):
            continue  # "Haji Umer Abdullahi" is not "Zeyneba Abdullahi": another person of that surname
        # "X, chairman of the Central Commission for Elections and Referenda (CCER),": a long title is one too
        after = text[end : end + 110]
        appositive = re.match(r"\s*,\s*(?:the|a|an|its|his|her|their|[\w’']+[’']s)?\s*([^,.;]{1,90}?)\s*[,.;]", after)
        window = " ".join(before.split()[-12:]) + " " + (appositive.group(1) if appositive else "")
        window_words = re.findall(r"[a-z]+", window.lower())
        # the words of the title or role itself ("Trade Minister X", "X, the minister for international trade,"),
        # not the clause before it ("Asked about trade, forestry minister X")
        title = (
            " ".join(re.split(r"[,()]", before)[-1].split()[-5:]) + " " + (appositive.group(1) if appositive else "")
        )
        title_words = re.findall(r"[a-z]+", title.lower())
        if any(word in PERSON_ROLES for word in title_words):
            seen.update(title_words)
        for word in window_words:
            if word in PERSON_ROLES and word not in roles:
                roles.append(word)
        own = OWN_PRONOUN.match(after)
        pronoun = gender_of(own.group(1)) if own else ""
        if pronoun and gender_of_name(name) not in ("", pronoun):
            pronoun = ""  # "Anna Lowther said he had understated the damage": he is someone else
        # "Ms Schaefer", "Minister X" say who X is; "He and Schaefer left" says who someone else is
        titled = "" if before.split()[-1:] in (["and"], ["or"]) else gender_of(" ".join(before.split()[-2:]))
        genders.append(titled if gender_of_name(name) in ("", titled) else pronoun)
    found = {g for g in genders if g}
    return tuple(roles), found.pop() if len(found) == 1 else "", frozenset(seen)


def _another_given_name(before: str, words: list[str]) -> bool:
    """Whether the capitalised word right before a surname is a name other than the person's own (not a title)."""
    previous = before.split()[-1:]
    if len(words) < 2 or not previous or not previous[0][:1].isupper():
        return False
    word = previous[0].strip("(“\"‘'")
    return word.isalpha() and word not in words and word.lower() not in TITLE_WORDS | PERSON_ROLES
