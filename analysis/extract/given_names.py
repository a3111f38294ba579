"""A person's gender from their given name, for "he" and "she": the given names of Faker's person
providers (about 80 locales, from Brazilian Portuguese to Ukrainian; MIT licence), each read as male or
female when the locales agree. A name they list both ways ("Andrea", "Jean") gives nothing, and so does a
name they do not know: the text's own titles and pronouns still decide those (`introductions.roles_near`)."""

from __future__ import annotations

import functools
import importlib
import pkgutil
import re

from analysis.extract.actors import TITLE_WORDS, fold

# words of address and of church office that the locales also list as given names ("Elder Mary Wanjiku")
HONORIFICS = frozenset({"elder", "pastor", "dean", "deacon", "reverend", "rev", "father", "sister", "brother", "chief"})


@functools.cache
def _given_names() -> dict[str, str]:
    import faker.providers.person as providers

    male: set[str] = set()
    female: set[str] = set()
    for module in pkgutil.iter_modules(providers.__path__):
        try:
            provider = importlib.import_module(f"{providers.__name__}.{module.name}").Provider
        except (ImportError, AttributeError):
            continue
        male.update(getattr(provider, "first_names_male", ()) or ())
        female.update(getattr(provider, "first_names_female", ()) or ())
    genders = {name: "m" for name in male - female}
    genders.update({name: "f" for name in female - male})
    genders.update({name: "" for name in male & female})  # "Andrea", "Jean": a given name, of no gender
    return genders


def is_given_name(word: str) -> bool:
    """Whether the locales list the word as a given name, of either gender."""
    return word in _given_names()


# "Khalid al-Mansouri", "Ahmed el-Sayed", "Fatima al-Qattan": a family name after a particle, in lower case
HYPHENED_PARTICLE = re.compile(r"(?:al|el|ad|an|ar|as|ash|at|az|ud|bin|ibn|abu|bint)-[A-Z]")


def gender_of_name(name: str) -> str:
    """'m', 'f' or '' for a person's full name as the text writes it ("Deputy Foreign Minister Victor
    Rusu" is 'm'): of three words the first, if the locales know it as a given name ("Aminata Ndiaye Sarr",
    "Elaine Vidal Portuondo"), else the word right before the surname. Titles and places before it are never
    read as given names, though the locales list some ("Bishop", "Royal", "Green"); nor is a word of two
    letters, most often a family name written first ("Li Qiang"), which gives ''."""
    words = [w for w in name.split() if w[:1].isupper() or HYPHENED_PARTICLE.match(w)]
    if len(words) < 2 or ("-" in words[-1] and not HYPHENED_PARTICLE.match(words[-1])):
        return ""
    known = _given_names()
    # a second given name or a first family name follows the given name, never comes before it
    opening = words[0].lower().rstrip(".")
    first = [words[0]] if len(words) == 3 and opening not in TITLE_WORDS and opening not in HONORIFICS else []
    candidates = [*first, words[-2]]
    for word in candidates:
        # "María", "José": the locales list some names only without their accents
        plain = len(word) > 2 and not word.isupper()
        found = (known.get(word) or known.get(fold(word).title())) if plain else ""
        if found:
            return found
    return ""
