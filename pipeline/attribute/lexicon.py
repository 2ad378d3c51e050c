"""The attributor's vocabulary, read once from the data files beside this module.

`data/verbs.tsv` holds every verb the attributor knows, one row a lemma with all its
properties; `data/grammar.txt`, `data/sources.txt` and `data/cues.txt` hold the word
lists (closed word classes, source nouns, cue nouns ...), each with a header saying
what it is for and where it came from. Everything is checked when it loads: a bad row,
an entry listed twice, an empty list, a list the code never asks for, or two tables
that disagree (a flag on a verb that is no cue, particles without the `particle`
complement) raises `LexiconError` naming the file and line, so a broken edit fails at
import, not quietly in a brief.

The constants below are the only way the rest of the package sees the data; the
regular expressions that embed word lists are built here from them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources

from ..wordlists import LexiconError, Sections
from .model import Complement, Tier, VerbFlag

DATA = resources.files(__package__) / "data"
WORD_FILES = ("grammar.txt", "sources.txt", "cues.txt")
VERB_FILE = "verbs.tsv"


# ----------------------------------------------------------------- verbs


@dataclass(frozen=True)
class Verb:
    """One row of data/verbs.tsv."""

    lemma: str
    tier: Tier
    complement: Complement | None  # None for verbs that are no cue
    particles: tuple[str, ...]
    forms: tuple[str, ...]  # irregular: 3sg, past, [participles...], -ing; () if regular
    flags: frozenset[VerbFlag]


# Flags that only make sense on a cue verb.
CUE_ONLY_FLAGS = frozenset({VerbFlag.NOUN, VerbFlag.ALONE, VerbFlag.INVERTS,
                            VerbFlag.MEANINGFUL, VerbFlag.POSITION})


def _enum(kind: type, value: str, where: str) -> object:
    try:
        return kind(value)
    except ValueError:
        allowed = ", ".join(str(k.value) for k in kind)  # type: ignore[attr-defined]
        raise LexiconError(f"{where}: '{value}' is not one of {allowed}") from None


def _verb(fields: list[str], where: str) -> Verb:
    if len(fields) != 6:
        raise LexiconError(f"{where}: {len(fields)} columns, expected 6 (lemma, tier, "
                           "complement, particles, forms, flags), tab-separated")
    lemma, tier, complement, particles, forms, flags = (f.strip() for f in fields)
    verb = Verb(
        lemma=lemma,
        tier=_enum(Tier, tier, where),  # type: ignore[arg-type]
        complement=None if complement == "-" else _enum(Complement, complement, where),  # type: ignore[arg-type]
        particles=() if particles == "-" else tuple(particles.split(",")),
        forms=() if forms == "-" else tuple(forms.split()),
        flags=frozenset() if flags == "-" else frozenset(
            _enum(VerbFlag, f, where) for f in flags.split()),  # type: ignore[misc]
    )
    _check_verb(verb, where)
    return verb


def _check_verb(verb: Verb, where: str) -> None:
    """The cross-column rules of one row."""
    cue = verb.tier is not Tier.NONE
    if cue != (verb.complement is not None):
        raise LexiconError(f"{where}: '{verb.lemma}': a cue verb needs a complement, "
                           "and only a cue verb has one")
    if (verb.complement is Complement.PARTICLE) != bool(verb.particles):
        raise LexiconError(f"{where}: '{verb.lemma}': particles go with the `particle` "
                           "complement, and it needs them")
    if not cue and verb.flags & CUE_ONLY_FLAGS:
        names = ", ".join(sorted(f.value for f in verb.flags & CUE_ONLY_FLAGS))
        raise LexiconError(f"{where}: '{verb.lemma}' is no cue but is flagged {names}")
    if verb.flags & {VerbFlag.INVERTS} and verb.tier is not Tier.CUE:
        raise LexiconError(f"{where}: '{verb.lemma}': only first-tier cues invert")
    if verb.forms and len(verb.forms) < 3:
        raise LexiconError(f"{where}: '{verb.lemma}': irregular forms are 3rd person, past "
                           "[, participles], -ing")


def _read_verbs() -> tuple[Verb, ...]:
    verbs: list[Verb] = []
    seen: dict[str, int] = {}
    text = (DATA / VERB_FILE).read_text(encoding="utf-8")
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        where = f"{VERB_FILE}:{number}"
        verb = _verb(line.split("\t"), where)
        if verb.lemma in seen:
            raise LexiconError(f"{where}: '{verb.lemma}' is listed twice (also line "
                               f"{seen[verb.lemma]})")
        seen[verb.lemma] = number
        verbs.append(verb)
    return tuple(verbs)


# ----------------------------------------------------------------- load

WORDS = Sections({name: (DATA / name).read_text(encoding="utf-8") for name in WORD_FILES})
VERBS = _read_verbs()


def _flagged(flag: VerbFlag) -> frozenset[str]:
    return frozenset(v.lemma for v in VERBS if flag in v.flags)


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in words)


# Verbs by tier, each with what must follow it (in file order: inflections are assigned
# first come, first served, see inflect.verb_forms).
CUE_VERBS: dict[str, Complement] = {
    v.lemma: v.complement for v in VERBS if v.tier is Tier.CUE and v.complement}
BROAD_CUE_VERBS: dict[str, Complement] = {
    v.lemma: v.complement for v in VERBS if v.tier is Tier.BROAD and v.complement}
VERB_PARTICLES: dict[str, tuple[str, ...]] = {v.lemma: v.particles for v in VERBS
                                              if v.particles}
IRREGULAR_FORMS: dict[str, tuple[str, ...]] = {v.lemma: v.forms for v in VERBS if v.forms}
DOUBLED_FINAL_CONSONANT = _flagged(VerbFlag.DOUBLES)
NOUN_HOMOGRAPHS = _flagged(VerbFlag.NOUN)
INTRANSITIVE_CUES = _flagged(VerbFlag.ALONE)
INVERTIBLE = _flagged(VerbFlag.INVERTS)
MEANINGFUL_CUE_LEMMAS = _flagged(VerbFlag.MEANINGFUL)
NON_SPEECH_CUE_LEMMAS = _flagged(VerbFlag.POSITION)
CONTROL_VERBS = _flagged(VerbFlag.CONTROL)
OBJECT_CONTROL_VERBS = _flagged(VerbFlag.OBJECT_CONTROL)

# grammar.txt
VERBAL_AUXILIARIES = WORDS.set("verbal_auxiliaries")
AUXILIARIES = WORDS.set("auxiliaries")
FINITE_AUXILIARIES = WORDS.set("finite_auxiliaries")
BE_FORMS = WORDS.set("be_forms")
# Forms of "be" before an -ing cue: progressive ("is saying", "He's predicting").
PROGRESSIVE_BE = BE_FORMS | {"'s", "'re"}
HAVE_FORMS = WORDS.set("have_forms")
NEGATIONS = WORDS.set("negations")
DETERMINERS = WORDS.set("determiners")
PREPOSITIONS = WORDS.set("prepositions")
GERUND_PREPOSITIONS = WORDS.set("gerund_prepositions")
SUBORDINATORS = WORDS.set("subordinators")
GENERIC_SUBORDINATORS = WORDS.set("generic_subordinators")
SUBORDINATE_OPENERS = WORDS.set("subordinate_openers")
RELATIVE_PRONOUNS = WORDS.set("relative_pronouns")
SUBJECT_RELATIVES = WORDS.set("subject_relatives")
WH_COMPLEMENTIZERS = WORDS.set("wh_complementizers")
PERSONAL_PRONOUNS = WORDS.set("personal_pronouns")
AUTHOR_PRONOUNS = WORDS.set("author_pronouns")
OBJECT_PRONOUNS = WORDS.set("object_pronouns")
INTENSIFIERS = WORDS.set("intensifiers")
IMPERATIVE_MARKERS = WORDS.set("imperative_markers")
SKIPPABLE_ADVERBS = WORDS.set("skippable_adverbs")
NOT_ADVERBS = WORDS.set("not_adverbs")
DEGREE_ADVERBS = WORDS.set("degree_adverbs")
LEADING_FILLERS = WORDS.set("leading_fillers")
APPROXIMATORS = WORDS.set("approximators")
NUMBER_WORDS = WORDS.set("number_words")
STANDALONE_QUANTIFIERS = WORDS.set("standalone_quantifiers")
GROUP_QUANTIFIERS = WORDS.set("group_quantifiers")
PARTITIVES = WORDS.set("partitives")
QUANTITY_NOUNS = WORDS.set("quantity_nouns")
INCLUDING_WORDS = WORDS.set("including_words")
TIME_WORDS = WORDS.set("time_words")
TIME_WORDS_ORDERED = tuple(sorted(TIME_WORDS))
COMMON_VERBS = WORDS.set("common_verbs")
IRREGULAR_PASTS = WORDS.set("irregular_pasts")
NOT_FINITE_S_ED = WORDS.set("not_finite_s_ed")
PARTICIPLE_IRREGULARS = WORDS.set("participle_irregulars")
NOT_PARTICIPLES = WORDS.set("not_participles")
CONTROL_ADJECTIVES = WORDS.set("control_adjectives")
STANCE_COMPLEMENTS = WORDS.set("stance_complements")
FEELING_COMPLEMENTS = WORDS.set("feeling_complements")
AGENT_OUTCOMES = WORDS.set("agent_outcomes")
COORDINATORS = frozenset(WORDS.lines("coordinators"))
SINGULARS = WORDS.pairs("irregular_plurals")
IRREGULAR_PLURALS = frozenset(SINGULARS)
CLITICS = WORDS.ordered("clitics")

# sources.txt
SOURCE_NOUNS = WORDS.set("source_nouns")
DOCUMENT_NOUNS = WORDS.set("document_nouns")
COLLECTIVE_NOUNS = WORDS.set("collective_nouns")
HOLDER_NOUNS = WORDS.set("holder_nouns")
ROLE_NOUNS = WORDS.set("role_nouns")
FORMER_OFFICIAL_ROLES = WORDS.set("former_official_roles")
TITLE_WORDS = WORDS.set("title_words")
RANK_TITLES = WORDS.set("rank_titles")
NAME_PARTICLES = WORDS.set("name_particles")
ORG_WORDS = WORDS.set("org_words")
COUNTRY_WORDS = WORDS.set("country_words")
COMMON_CAPS = WORDS.set("common_caps") | NUMBER_WORDS
PARTY_ADJECTIVES = WORDS.set("party_adjectives")
PARTICIPLE_DOCUMENTS = WORDS.set("participle_documents")
US_STATES = frozenset(WORDS.lines("us_states"))
COURTESY_TITLES: dict[str, str | None] = {
    title: None if gender == "-" else gender
    for title, gender in WORDS.pairs("courtesy_titles").items()}
HEAD_SYNONYMS: tuple[frozenset[str], ...] = tuple(
    frozenset(line.split()) for line in WORDS.lines("head_synonyms"))
COMMENTATOR_ROLES = WORDS.ordered("commentator_roles")

# cues.txt
CUE_NOUNS = WORDS.set("cue_nouns")
CUE_NOUN_FOLLOWERS = WORDS.set("cue_noun_followers")
STANCE_ADJECTIVES = WORDS.set("stance_adjectives")
STANCE_ROLE_NOUNS = WORDS.set("stance_role_nouns")
CALL_NOT_SPEECH = WORDS.set("call_not_speech")
SPEECH_OBJECTS = WORDS.set("speech_objects")
SEE_OBJECTS = WORDS.set("see_objects")
COLON_LABELS = WORDS.set("colon_labels")
MEANINGFUL_CUE_WORDS = WORDS.set("meaningful_cue_words")
RAISERS: tuple[tuple[str, ...], ...] = tuple(
    tuple(line.split()) for line in WORDS.lines("raisers"))
COPULAS = _alternation(WORDS.ordered("copulas"))
CLAUSE_COPULAS = _alternation(WORDS.ordered("clause_copulas"))
CLAUSE_STANCE_ADJECTIVES = _alternation(WORDS.ordered("clause_stance_adjectives"))
NOUN_CUE_HEADS = _alternation(WORDS.ordered("noun_cue_heads"))
POLL_NOUNS = _alternation(WORDS.ordered("poll_nouns"))
SET_ADVERBIALS = _alternation(WORDS.lines("set_adverbials"))
ASSOCIATION_PHRASES = _alternation(WORDS.lines("association_markers"))
SHARE_OPENERS = _alternation(WORDS.ordered("share_openers"))

WORDS.check_all_used()


def _check_tables() -> None:
    """Rules across tables: every inflection of a cue verb belongs to one lemma, unless
    it is that lemma's own base form ("read", "cast")."""
    lemmas = {v.lemma for v in VERBS if v.tier is not Tier.NONE}
    for verb in VERBS:
        for form in verb.forms:
            if form in lemmas and form != verb.lemma:
                raise LexiconError(f"{VERB_FILE}: '{verb.lemma}' has the form '{form}', "
                                   "which is another verb's lemma")


_check_tables()
