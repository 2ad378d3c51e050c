"""The speaker stage's vocabulary: `data/speakers.txt` (titles, name suffixes, group
qualifiers, speech-event nouns, nationalities), plus the attributor's lists it shares
(title words, determiners, time words, plurals), read once and checked on load."""

from __future__ import annotations

from importlib import resources

from ..attribute import lexicon as attribute_words
from ..wordlists import LexiconError, Sections

DATA = resources.files(__package__) / "data"
WORDS = Sections({"speakers.txt": (DATA / "speakers.txt").read_text(encoding="utf-8")})

TITLE_ABBREVIATIONS = WORDS.pairs("title_abbreviations")
NAME_SUFFIXES = WORDS.set("name_suffixes")
GROUP_QUALIFIERS = WORDS.set("group_qualifiers")
RANK_QUALIFIERS = WORDS.set("rank_qualifiers")
INSTITUTION_NOUNS = WORDS.set("institution_nouns")
SPEECH_HEADS = WORDS.set("speech_heads")
POSTNOMINAL_ADJECTIVES = WORDS.set("postnominal_adjectives")
GENERIC_ORG_NOUNS = WORDS.set("generic_org_nouns")
SPOKES_NOUNS = WORDS.set("spokes_nouns")
GOVERNMENT_NOUNS = WORDS.ordered("government_nouns")
GOVERNMENT_NOUN = GOVERNMENT_NOUNS[0]


def _nationalities(lines: tuple[str, ...]) -> tuple[dict[str, str], frozenset[str]]:
    """Every form of a country, casefolded -> the adjective its group labels use; and
    the forms (casefolded) that name its people rather than the country."""
    forms: dict[str, str] = {}
    people: set[str] = set()
    for line in lines:
        adjective, colon, rest = line.partition(":")
        places, _, plurals = rest.partition(";")
        if not colon or not rest.strip():
            raise LexiconError(f"speakers.txt [nationalities]: '{line}' is not "
                               "'Adjective: place, place; people'")
        for form, is_people in ((adjective, False),
                                *((f, False) for f in places.split(",") if f.strip()),
                                *((f, True) for f in plurals.split(",") if f.strip())):
            key = form.strip().casefold()
            if key in forms and forms[key] != adjective.strip():
                raise LexiconError(f"speakers.txt [nationalities]: '{form.strip()}' is "
                                   f"a form of both {forms[key]} and {adjective}")
            forms[key] = adjective.strip()
            if is_people:
                people.add(key)
    return forms, frozenset(people)


NATIONALITY_OF, PEOPLE_FORMS = _nationalities(WORDS.lines("nationalities"))
WORDS.check_all_used()

# Shared with the attributor.
TITLE_WORDS = attribute_words.TITLE_WORDS
COURTESY_TITLES = frozenset(attribute_words.COURTESY_TITLES)
NAME_PARTICLES = attribute_words.NAME_PARTICLES
DETERMINERS = attribute_words.DETERMINERS
TIME_WORDS = attribute_words.TIME_WORDS
PREPOSITIONS = attribute_words.PREPOSITIONS
COORDINATORS = attribute_words.COORDINATORS
SUBORDINATORS = attribute_words.SUBORDINATORS
PERSONAL_PRONOUNS = attribute_words.PERSONAL_PRONOUNS
NUMBER_WORDS = attribute_words.NUMBER_WORDS
GROUP_QUANTIFIERS = attribute_words.GROUP_QUANTIFIERS
PARTITIVES = attribute_words.PARTITIVES
QUANTITY_NOUNS = attribute_words.QUANTITY_NOUNS
SINGULAR_OF = attribute_words.SINGULARS  # irregular plural -> singular
ORG_WORDS = attribute_words.ORG_WORDS
COMMON_CAPS = attribute_words.COMMON_CAPS
ROLE_NOUNS = attribute_words.ROLE_NOUNS
US_STATES = attribute_words.US_STATES
PARTY_ADJECTIVES = attribute_words.PARTY_ADJECTIVES
AUXILIARIES = attribute_words.AUXILIARIES | attribute_words.NEGATIONS
DOCUMENT_NOUNS = attribute_words.DOCUMENT_NOUNS | attribute_words.PARTICIPLE_DOCUMENTS
