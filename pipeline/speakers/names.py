"""Reading one mention of a speaker: a person's name, a group's label, a role phrase.

The attributor gives each sentence's speaker as the article writes it ("FBI Director
James Comey's", "a senior Pakistani official", "Rival Hillary Clinton") with the role
the sentence states ("Sen", "the assistant leader of the Democratic caucus and").
These functions turn one such mention into the parts the corpus-level identity needs:
a name split into given name, middle names and surname; a group label in one form
("Pakistani officials" for "senior Pakistan officials") with its qualifiers apart; a
role phrase that is never truncated, never a date, never a fragment of the next clause.
Pure functions on strings: no corpus state.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from .lexicon import (
    AUXILIARIES,
    COMMON_CAPS,
    COORDINATORS,
    COURTESY_TITLES,
    DETERMINERS,
    DOCUMENT_NOUNS,
    GENERIC_ORG_NOUNS,
    GOVERNMENT_NOUN,
    GOVERNMENT_NOUNS,
    GROUP_QUALIFIERS,
    GROUP_QUANTIFIERS,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    NATIONALITY_OF,
    NUMBER_WORDS,
    ORG_WORDS,
    PARTITIVES,
    PARTY_ADJECTIVES,
    PEOPLE_FORMS,
    PERSONAL_PRONOUNS,
    POSTNOMINAL_ADJECTIVES,
    PREPOSITIONS,
    QUANTITY_NOUNS,
    SINGULAR_OF,
    SPEECH_HEADS,
    SPOKES_NOUNS,
    SUBORDINATORS,
    TIME_WORDS,
    TITLE_ABBREVIATIONS,
    TITLE_WORDS,
    US_STATES,
)

# Characters that wrap a mention without belonging to it: quotation marks, brackets,
# stray markup and punctuation the attributor's span kept at an edge.
EDGE_CHARS = "\"'“”‘’`«»<>()[]{},;:*—–-_ "
POSSESSIVE = re.compile(r"[’']s?$")
# A name word opening with a lowercase particle and a hyphen ("al-Masri", "el-Sisi").
NAME_PREFIX = re.compile(r"^[a-z]{1,3}-[A-Z]")
INITIAL = re.compile(r"^[A-Z]\.?$|^(?:[A-Z]\.){2,}$")
# Prepositions, "to" among them (the attributor's list leaves it out: it opens verbs).
PREPOSITIONS_TO = PREPOSITIONS | {"to"}
# Words that end a role only when it was cut in the middle of a clause.
DANGLING_ROLE_ENDS = (DETERMINERS | PREPOSITIONS_TO | COORDINATORS | SUBORDINATORS
                      | {"and", "or", "but", "who", "which", "that", "as", "'s", "’s"})
# Words of a date: a role holding one was cut from a dateline or a clause.
CALENDAR_WORDS = frozenset("""monday tuesday wednesday thursday friday saturday sunday today
tomorrow yesterday tonight january february march april june july august september october
november december""".split())
# A group label longer than this is a clause the attributor took for a speaker ("Police
# shooting of a black man here sparked ..."); the longest labels of the evaluation
# corpora ("analysts as well as Pakistani and international rights groups") have nine.
MAX_LABEL_WORDS = 9
# A role relative to someone the reader cannot see ("His predecessor") is no role.
POSSESSIVE_DETERMINERS = frozenset({"his", "her", "their", "its", "our", "my", "your"})
PLURAL_ENDINGS = ("ss", "us", "is")  # "boss", "census", "analysis": no plural -s
# Words before a title that do not name a post of their own ("former Gov.").
TEMPORAL_WORDS = frozenset({"former", "retired", "then", "ex", "late", "acting", "outgoing"})


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """A key for comparing names: accents, case and punctuation ignored."""
    plain = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return re.sub(r"[^\w ]+", "", plain.casefold()).strip()


def _edges(text: str) -> str:
    return text.strip(EDGE_CHARS).strip()


def _is_title(token: str) -> bool:
    return (token in TITLE_WORDS or token in TITLE_ABBREVIATIONS
            or token in COURTESY_TITLES or token.rstrip(".") in TITLE_WORDS)


def _is_name_token(token: str) -> bool:
    if token in NAME_PARTICLES or INITIAL.match(token):
        return True
    if token.endswith(":"):
        return False  # a headline's label ("The Latest: Trump"), never inside a name
    if NAME_PREFIX.match(token):
        return True  # "al-Masri", "bin-Laden": a lowercase particle joined to a name
    head = token.lstrip("'’")[:1]
    return head.isupper() and any(c.isalpha() for c in token)


# ------------------------------------------------------------------------ persons


@dataclass(frozen=True)
class PersonName:
    """A person's name as one mention writes it, without titles."""

    given: str  # "" when only a surname is written ("Comey", "Mr. King")
    middle: tuple[str, ...]  # middle names and initials ("B.")
    surname: str  # with its particles ("bin Laden") and suffix ("Jr.")
    titles: tuple[str, ...]  # titles written before it ("Sen.", "Mr.")

    @property
    def full(self) -> str:
        return " ".join(p for p in (self.given, *self.middle, self.surname) if p)

    @property
    def words(self) -> int:
        return len(self.full.split())


def person_name(raw: str, is_common_word: frozenset[str] = frozenset()) -> PersonName | None:
    """The name in a mention of a named person, or None when it holds no name (a
    weekday, a pronoun, a title alone, a clause). `is_common_word`: lowercase words the
    article uses as ordinary words, so a capitalised one opening the mention ("Rival
    Hillary Clinton") is no part of the name."""
    tokens = _edges(raw).split()
    # a name ends at the first word that is not one ("Kaine defended people")
    for i, token in enumerate(tokens):
        if not _is_name_token(token):
            tokens = tokens[:i]
            break
    if tokens:
        tokens[-1] = POSSESSIVE.sub("", tokens[-1].rstrip(",.;:")) or tokens[-1]
    if tokens and tokens[0].casefold() in DETERMINERS:
        return None  # "The Republican": a descriptor, not a name
    suffix = tokens.pop() if len(tokens) > 1 and tokens[-1] in NAME_SUFFIXES else ""
    titles = _leading_titles(tokens, is_common_word)
    if not tokens or not _is_person_like(tokens, after_courtesy=bool(titles) and
                                         titles[-1] in COURTESY_TITLES):
        return None
    surname_at = len(tokens) - 1
    while surname_at > 0 and tokens[surname_at - 1] in NAME_PARTICLES:
        surname_at -= 1
    surname = " ".join((*tokens[surname_at:], suffix)).strip()
    rest = tokens[:surname_at]
    return PersonName(given=rest[0] if rest else "", middle=tuple(rest[1:]),
                      surname=surname, titles=tuple(titles))


def _leading_titles(tokens: list[str], is_common_word: frozenset[str]) -> list[str]:
    """Take the titles and role words before a name off `tokens` and return them: every
    word up to the last title ("FBI Director James Comey"), and common words opening a
    longer name ("Rival Hillary Clinton")."""
    last_title = max((i for i, t in enumerate(tokens[:-1]) if _is_title(t)), default=-1)
    titles = tokens[:last_title + 1]
    del tokens[:last_title + 1]
    while len(tokens) > 2 and tokens[0].casefold() in is_common_word:
        titles.append(tokens.pop(0))
    return titles


def _is_place(text: str) -> bool:
    """A country, state, people or party ("Pakistan", "Va.", "Democrats"): no surname."""
    low = text.casefold()
    singular = low[:-1] if low.endswith("s") else low
    return (low in NATIONALITY_OF or text in US_STATES or text.rstrip(".") + "." in US_STATES
            or singular in PARTY_ADJECTIVES or singular in NATIONALITY_OF)


def described_name(raw: str, is_common_word: frozenset[str]) -> PersonName | None:
    """A person named at the end of a description ("U.S. Secretary of State Madeleine
    Albright"): two or more name words, none a word the article uses as a word, after a
    title or role; the description before them becomes the titles."""
    tokens = _edges(raw).split()
    start = len(tokens)
    while start > 0 and _is_name_token(tokens[start - 1]) and not _is_title(tokens[start - 1]) \
            and tokens[start - 1].casefold() not in is_common_word \
            and tokens[start - 1] not in ORG_WORDS:
        start -= 1
    before = [t.casefold() for t in tokens[max(0, start - 2):start]]
    after_preposition = bool(before) and (before[-1] in PREPOSITIONS_TO or (
        len(before) == 2 and before[-1] in DETERMINERS and before[0] in PREPOSITIONS_TO))
    if after_preposition and len(tokens) - start > 2:
        # the capitals after "of" or "for" name a body first ("Secretary of State
        # Madeleine Albright"); when more than three are left ("for Near Eastern Affairs
        # Martin Indyk"), the person is the last two, three with a middle initial
        start += 1
        if len(tokens) - start > 3:
            start = len(tokens) - (3 if INITIAL.match(tokens[-2]) else 2)
    if len(tokens) - start < 2 or start == 0:
        return None
    person = person_name(" ".join(tokens[start:]), is_common_word)
    if person is None or not person.given:
        return None
    return PersonName(person.given, person.middle, person.surname, tuple(tokens[:start]))


def _is_people(word: str) -> bool:
    """A plural naming a people or a party ("Republicans", "Pakistanis"): no surname."""
    low = word.casefold()
    return low.endswith("s") and (low[:-1] in PARTY_ADJECTIVES or low in NATIONALITY_OF)


def _is_person_like(tokens: list[str], after_courtesy: bool = False) -> bool:
    """Tokens that can be a person's name: some word that is neither a title, a time
    word, a pronoun, an organisation word, a place nor a word that opens sentences
    (after "Mr." or "Ms." any capitalised word is a name: "Mr. King")."""
    if INITIAL.match(tokens[-1]) or _is_place(" ".join(tokens)) or _is_people(tokens[-1]):
        return False
    if after_courtesy:
        return tokens[-1][:1].isupper()
    for token in tokens:
        low = token.casefold().rstrip(".")
        if low in TIME_WORDS or low in PERSONAL_PRONOUNS:
            return False
    plain = [t for t in tokens if t not in NAME_PARTICLES and not INITIAL.match(t)]
    if any(t in ORG_WORDS for t in plain):
        return False
    return any(not _is_title(t) and t.casefold() not in COMMON_CAPS for t in plain)


def given_names_agree(a: str, b: str) -> bool:
    """Whether two given names can be one person's: equal, one the other's short form
    ("Len", "Leonard"), or a small spelling variant ("Mosi", "Mossi")."""
    a, b = fold(a), fold(b)
    if not a or not b or a == b:
        return True
    if a[0] != b[0]:
        return False
    short, long = sorted((a, b), key=len)
    if len(short) >= 3 and long.startswith(short):
        return True
    return len(short) >= 4 and _one_edit(short, long)


def _one_edit(a: str, b: str) -> bool:
    """Whether `b` is `a` with one letter added, dropped or changed."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    i = next((k for k, (x, y) in enumerate(zip(a, b)) if x != y), len(a))
    return a[i:] == b[i + 1:]


# ------------------------------------------------------------------------ groups


@dataclass(frozen=True)
class GroupLabel:
    """An unnamed speaker as a group: "senior Pakistan officials" -> label "Pakistani
    officials", qualifiers ("senior",). The label keeps the case of its words ("campaign
    aides"); a heading capitalises its first letter."""

    label: str
    qualifiers: tuple[str, ...]

    @property
    def key(self) -> str:
        return fold(self.label)


def group_label(raw: str, one_person: bool = False) -> GroupLabel | None:
    """The group an unnamed speaker stands for, or None when the mention names no one
    ("they", "some", "the letter"). `one_person`: the mention is one unnamed person ("a
    senior Pakistani official"), who is shown among the group of their peers, so the
    head noun is made plural ("Pakistani officials"); a group or body ("the Trump
    campaign") keeps its words."""
    tokens = [t for t in _edges(raw).split() if t]
    tokens = _after_partitive(tokens)
    qualifiers: list[str] = []
    kept: list[str] = []
    for token in tokens:
        low = token.casefold()
        if not kept and (low in DETERMINERS or low in GROUP_QUANTIFIERS or low in NUMBER_WORDS
                         or low.isdigit()):
            continue
        if low in GROUP_QUALIFIERS or _is_superlative(token):
            qualifiers.append(low)
            continue
        kept.append(token)
    if kept:
        kept[-1] = POSSESSIVE.sub("", kept[-1]) or kept[-1]
    kept = [t for i, t in enumerate(kept)  # "Israel's the army": no "the" after an owner
            if not (i and t.casefold() in DETERMINERS and POSSESSIVE.search(kept[i - 1]))]
    if not kept or len(kept) > MAX_LABEL_WORDS or _names_no_one(kept):
        return None
    kept, places = _place_apart(kept)
    qualifiers.extend(places)
    kept = _spoken_for(kept)
    kept = _place_first(kept, qualifiers)
    kept = _proper_name_only(kept, qualifiers)
    if len(kept) > 1 and kept[-1].casefold() in GENERIC_ORG_NOUNS and all(
            t[:1].isupper() for t in kept[:-1]):
        kept = kept[:-1]  # "Peace Now group" is Peace Now
    government = _country_speaking(kept)
    if government:
        return GroupLabel(label=government, qualifiers=tuple(qualifiers))
    label = _with_plural_head(kept) if one_person else _with_nationality(kept)
    return GroupLabel(label=label, qualifiers=tuple(qualifiers))


def _is_superlative(token: str) -> bool:
    """A superlative ("staunchest", "biggest") grades a group without changing it."""
    low = token.casefold()
    return low == token and len(low) > 6 and low.endswith("est") and not low.endswith(
        ("interest", "protest", "contest", "request", "harvest", "conquest"))


def _spoken_for(tokens: list[str]) -> list[str]:
    """"spokesman for the settlers" -> "settlers": the group a spokesperson speaks for."""
    if len(tokens) > 2 and tokens[0].casefold() in SPOKES_NOUNS and \
            tokens[1].casefold() in ("for", "of"):
        rest = tokens[2:]
        return rest[1:] if rest[0].casefold() in DETERMINERS and len(rest) > 1 else rest
    return tokens


def _proper_name_only(tokens: list[str], qualifiers: list[str]) -> list[str]:
    """"nonpartisan Commission on Presidential Debates" -> "Commission on Presidential
    Debates": lowercase words before a body's proper name describe it; they go to the
    qualifiers. A name is capitalised words with only "of", "on", "for", "and" or "the"
    between them, at least two of them."""
    first = next((i for i, t in enumerate(tokens) if t[:1].isupper()), None)
    if not first or any(t.casefold() in PREPOSITIONS_TO for t in tokens[:first]):
        return tokens
    name = tokens[first:]
    capitals = [t for t in name if t[:1].isupper()]
    if len(capitals) < 2 or not all(t[:1].isupper() or t in NAME_JOINERS for t in name):
        return tokens
    qualifiers.extend(t.casefold() for t in tokens[:first])
    return name


NAME_JOINERS = frozenset({"of", "on", "for", "and", "the"})


def _place_first(tokens: list[str], qualifiers: list[str]) -> list[str]:
    """"the separatist government in Quebec" -> "Quebec government", "the government of
    Pakistan" -> "Pakistan government": a government is named by its place; the words
    that describe it go to the qualifiers."""
    for i in range(len(tokens) - 2):
        place = tokens[i + 2:]
        if place[0].casefold() == "the" and len(place) > 1:
            place = place[1:]
        if tokens[i].casefold() in GOVERNMENT_NOUNS and tokens[i + 1].casefold() in (
                "in", "of") and all(t[:1].isupper() for t in place):
            qualifiers.extend(t.casefold() for t in tokens[:i])
            return [*place, tokens[i]]
    return tokens


def _place_apart(tokens: list[str]) -> tuple[list[str], list[str]]:
    """Capitalised words before a nationality ("West Bank Palestinian officials") name
    where the group is, not which group: kept as qualifiers."""
    for i in range(1, len(tokens)):
        if NATIONALITY_OF.get(tokens[i].casefold()) == tokens[i] and all(
                t[:1].isupper() and t.casefold() not in NATIONALITY_OF for t in tokens[:i]):
            return tokens[i:], tokens[:i]
    return tokens, []


def _country_speaking(tokens: list[str]) -> str:
    """"Pakistan", "the United States", "Islamabad" speaking, or its government or
    authorities: its officials, labelled as a group of them ("Pakistani officials"); ""
    for anything else (a people, "Afghans", speaks for itself)."""
    text = " ".join(tokens)
    if len(tokens) > 1 and tokens[-1].casefold() in GOVERNMENT_NOUNS:
        adjective = NATIONALITY_OF.get(" ".join(tokens[:-1]).casefold())
        return f"{adjective} {GOVERNMENT_NOUN}" if adjective else ""  # "Israeli government"
    adjective = NATIONALITY_OF.get(text.casefold())
    if adjective is None or text.casefold() in PEOPLE_FORMS or \
            text.casefold() == adjective.casefold():
        return ""
    return f"{adjective} {GOVERNMENT_NOUN}"


def head_index(tokens: list[str]) -> int:
    """Where a label's head noun is: before its first preposition and any adjective
    that follows a noun ("cleric close to ..."), else its last word."""
    at = next((i - 1 for i, t in enumerate(tokens) if i > 0 and t.casefold()
               in PREPOSITIONS_TO), len(tokens) - 1)
    while at > 0 and tokens[at].casefold() in POSTNOMINAL_ADJECTIVES:
        at -= 1
    return at


def _with_plural_head(tokens: list[str]) -> str:
    """The label's words with its head in the plural and its country named by the
    adjective: "Pakistan official" -> "Pakistani officials", "spokesman for the
    Taliban" -> "spokesmen for the Taliban"; a proper name ("Republicans", "Hamas")
    stays as written."""
    head_at = head_index(tokens)
    head, modifiers, tail = tokens[head_at], tokens[:head_at], tokens[head_at + 1:]
    owned = any(POSSESSIVE.search(m) for m in modifiers)  # "Donald Trump's campaign": one
    if not owned and head[:1].islower():  # "Parti Quebecois" is one party
        head = plural(head)
    return " ".join(w for w in (_nationality_form(modifiers), head, *tail) if w)


def _with_nationality(tokens: list[str]) -> str:
    return " ".join(w for w in (_nationality_form(tokens[:-1]), tokens[-1]) if w)


def _after_partitive(tokens: list[str]) -> list[str]:
    """"a chorus of prominent Republicans" -> "prominent Republicans"."""
    for i, token in enumerate(tokens[:-1]):
        if token.casefold() == "of" and i > 0:
            head = tokens[i - 1].casefold()
            if head in QUANTITY_NOUNS or head in PARTITIVES or head in {"chorus", "dozens",
                                                                         "hundreds"}:
                return tokens[i + 1:]
            return tokens
    return tokens


def _names_no_one(tokens: list[str]) -> bool:
    """A document ("the GOP's complaint to the court"), a time, a pronoun, or a party or
    country adjective with no noun ("Democratic")."""
    head_at = head_index(tokens)
    head = POSSESSIVE.sub("", tokens[head_at]).casefold()
    if len(tokens) == 1 and (head in PARTY_ADJECTIVES or
                             NATIONALITY_OF.get(head, "").casefold() == head):
        return True
    if len(tokens) == 1 and len(head) <= 5 and _is_place(tokens[0]):
        return True  # a state's abbreviation ("Md", the rest of "(D-Md.)")
    if tokens[0].casefold() in PREPOSITIONS_TO:
        return True  # "In English Canada": a place phrase cut from its clause
    singular = head[:-1] if head.endswith("s") else head
    if head in AUXILIARIES or head in ("cannot", "can't", "won't"):
        return True  # "Quebec cannot": a clause's subject and verb
    return (head in PERSONAL_PRONOUNS or head in TIME_WORDS or singular in DOCUMENT_NOUNS
            or head in SPEECH_HEADS or head in DETERMINERS or not head[:1].isalpha())


def _nationality_form(modifiers: list[str]) -> str:
    """Modifiers with a country's name or capital written as its adjective."""
    text = " ".join(modifiers)
    key = text.casefold()
    if key in NATIONALITY_OF:
        return NATIONALITY_OF[key]
    return " ".join(NATIONALITY_OF.get(m.casefold(), m) if m[:1].isupper() else m
                    for m in modifiers)


def plural(noun: str) -> str:
    """The plural of a group's head noun ("official" -> "officials")."""
    low = noun.casefold()
    if low in SINGULAR_OF or (low.endswith("s") and not low.endswith(PLURAL_ENDINGS)):
        return noun
    irregular = {singular: plural for plural, singular in SINGULAR_OF.items()}
    if low in irregular:
        return noun[: -len(low)] + irregular[low] if noun.islower() else irregular[low]
    if low.endswith("man") and not low.endswith(("human", "german")):
        return noun[:-3] + "men"
    if low.endswith("y") and low[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    if low.endswith(("s", "x", "z", "ch", "sh")):
        return noun + "es"
    return noun + "s"


# ------------------------------------------------------------------------ roles


def clean_role(raw: str | None) -> str | None:
    """A role phrase fit to print beside a name, or None: titles written out ("Sen" ->
    "Senator"), courtesy titles and the words of a cut clause at its end dropped;
    None for a date, a speech event ("a Bloomberg interview"), a name alone, a lone
    function word."""
    if not raw:
        return None
    written = [t for t in _edges(raw).split() if t not in COURTESY_TITLES]
    if len(written) > 1 and written[-1] in TITLE_ABBREVIATIONS and (any(
            t[:1].islower() and t.casefold() not in TEMPORAL_WORDS for t in written[:-1])
            or (_is_title(written[-2]) and written[-2] not in TITLE_ABBREVIATIONS)):
        written.pop()  # "nominee Gov.", "Chairman Rep." [name]: the post is said before
    tokens = [TITLE_ABBREVIATIONS.get(t, t) for t in written]
    while tokens and (tokens[-1].casefold() in DANGLING_ROLE_ENDS
                      or POSSESSIVE.search(tokens[-1])):
        tokens.pop()
    tokens = [t.rstrip(",;:") for t in tokens]
    if not tokens or _not_a_role(tokens):
        return None
    return " ".join(tokens)


def _not_a_role(tokens: list[str]) -> bool:
    words = [t.casefold().strip(".") for t in tokens]
    if words[0] in SUBORDINATORS or words[0] in PERSONAL_PRONOUNS or \
            words[0] in GROUP_QUANTIFIERS or words[0] in POSSESSIVE_DETERMINERS:
        return True
    if any(w in TIME_WORDS for w in words) and len(words) <= 2:
        return True
    if any(w in CALENDAR_WORDS for w in words):
        return True  # "August 27 -- Canada's unity minister", "face a test tomorrow"
    if len(words) > 1 and words[0].endswith("ed") and words[1] in PREPOSITIONS_TO:
        return True  # "infuriated by Netanyahu's pledge": a clause, not a post
    if words[-1] in SPEECH_HEADS or words[-1] in DOCUMENT_NOUNS:
        return True
    if not any(c.isalpha() for c in "".join(words)):
        return True
    content = [t for t, w in zip(tokens, words) if w not in DETERMINERS and w not in PREPOSITIONS]
    if not content:
        return True
    # a name alone ("Trump", "NBC") is no role; a title is ("Senator")
    return all(t[:1].isupper() and not _is_title(t) and t.casefold() not in COMMON_CAPS
               for t in content) and not any(_is_title(t) for t in tokens)


def content_words(role: str) -> int:
    """How much a role says: its words other than determiners and prepositions."""
    return sum(1 for w in role.split()
               if w.casefold() not in DETERMINERS and w.casefold() not in PREPOSITIONS)
