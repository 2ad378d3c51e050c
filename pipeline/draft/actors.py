"""Proposed actors: the corpus's speakers (the speakers stage, run with no actors)
grouped by what their labels and roles say about them, in this order:

1. a party tag the text gives ("(R-Va.)"): one actor per party;
2. a commentator's role ("analyst", "expert", a former official): "Analysts";
3. an organisation named in the role or label of at least MIN_ORG_SPEAKERS speakers
   ("Taliban", "FBI"): one actor per organisation;
4. a nationality or country ("Pakistani foreign minister", "Afghanistan's
   president", "Israeli officials"): one actor per country;
5. a role word several speakers share ("lawmaker", "doctor"): members only, no
   `roles` (a role word alone would take every speaker with it).

A nationality counts only when the corpus names the country itself ("Pakistan",
"Islamabad"): "Indian" in a corpus that never names India is no Indian government.

Persons become `members` (with the forms the articles write them in), groups
`descriptors`; the actor's nationality, affiliations and roles are those its speakers
have, so articles added later match too. Actors with fewer than MIN_ACTOR_STATEMENTS
statements are left out; the MAX_OTHERS persons quoted most (MIN_STATEMENTS times or
more) that no rule places are proposed together as "Others quoted", for the user to
sort.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from ..attribute.lexicon import (
    COMMENTATOR_ROLES,
    COUNTRY_WORDS,
    FORMER_OFFICIAL_ROLES,
    ROLE_NOUNS,
    TITLE_WORDS,
)
from ..speakers import Speaker
from ..speakers.lexicon import NATIONALITY_OF, WORDS
from ..speakers.report import member_aliases

MIN_ORG_SPEAKERS = 2
MIN_ACTOR_STATEMENTS = 3
MIN_STATEMENTS = 2
MAX_ACTORS = 6
MAX_OTHERS = 15  # "Others quoted" lists the most quoted; `brief speakers` lists all
PARTIES = {"R": ("Republicans", ["Republican", "GOP", "R"]),
           "D": ("Democrats", ["Democratic", "Democrat", "D"]),
           "I": ("Independents", ["Independent", "I"])}
# The words of a commentator's role: the attribution lexicon's, and the posts a former
# official held (a "former diplomat" comments, he no longer speaks for a government).
COMMENTATOR_WORDS = frozenset(COMMENTATOR_ROLES) | {"scholar", "professor", "researcher",
                                                    "fellow", "economist", "historian"}
FORMER = frozenset({"former", "retired", "ex"})
_CAPITALISED_RUN = re.compile(r"(?:[A-Z][\w.&'-]*)(?:\s+(?:of\s+|for\s+|the\s+)*[A-Z][\w.&'-]*)*")
_WORD = re.compile(r"[\w.'’-]+")


@dataclass(frozen=True)
class Member:
    name: str
    aliases: tuple[str, ...]
    note: str  # role and statements, for a comment


@dataclass(frozen=True)
class ProposedActor:
    id: str
    title: str
    basis: str  # why these speakers are together, for a comment
    members: tuple[Member, ...]
    descriptors: tuple[str, ...]
    nationality: tuple[str, ...]
    affiliations: tuple[str, ...]
    roles: tuple[str, ...]
    statements: int


def _texts(speaker: Speaker) -> list[str]:
    return [speaker.name, *speaker.roles] if speaker.kind == "group" else list(speaker.roles)


def _words(text: str) -> list[str]:
    return [w.casefold().rstrip(".").removesuffix("'s").removesuffix("’s")
            for w in _WORD.findall(text)]


def nationality_of(speaker: Speaker) -> str | None:
    """The adjective of the first country a group's label or a speaker's role names."""
    for text in _texts(speaker):
        words = _words(text)
        for size in (3, 2, 1):
            for i in range(len(words) - size + 1):
                found = NATIONALITY_OF.get(" ".join(words[i:i + size]))
                if found:
                    return found
    return None


def _commentator(speaker: Speaker) -> bool:
    for text in _texts(speaker):
        words = _words(text)
        if COMMENTATOR_WORDS & set(words):
            return True
        if FORMER & set(words) and FORMER_OFFICIAL_ROLES & set(words):
            return True
    return False


def organisations(speaker: Speaker) -> list[str]:
    """Capitalised runs of a role or group label that are neither titles nor places:
    "Taliban", "Islamic Emirate", "Stimson Center"."""
    found = []
    for text in _texts(speaker):
        for run in _CAPITALISED_RUN.findall(text):
            words = [w for w in run.split() if w not in TITLE_WORDS]
            while words and (words[0] in COUNTRY_WORDS or words[0].casefold() in NATIONALITY_OF
                             or words[0].lower() in ("of", "for", "the")):
                words = words[1:]
            name = " ".join(words).removesuffix("'s").removesuffix("’s").strip()
            if name and name.casefold() not in NATIONALITY_OF and name not in COUNTRY_WORDS:
                found.append(name)
    return list(dict.fromkeys(found))


def _role_word(speaker: Speaker) -> str | None:
    for text in _texts(speaker):
        nouns = [w for w in _words(text) if w in ROLE_NOUNS]
        if nouns:
            return nouns[-1]
    return None


def propose_actors(speakers: Sequence[Speaker], texts: Sequence[str]
                   ) -> tuple[ProposedActor, ...]:
    """Actors for the speakers of a corpus whose article texts are `texts`, most
    statements first."""
    quoted = [s for s in speakers if s.statements > 0]
    shared = Counter(org for s in quoted for org in organisations(s))
    countries = named_countries(texts)
    groups: dict[tuple[str, str], list[Speaker]] = defaultdict(list)
    for speaker in quoted:
        groups[_key(speaker, shared, countries)].append(speaker)
    actors = [_actor(key, members, quoted) for key, members in groups.items()
              if key[0] != "none" and (key[0] != "role word" or len(members) >= 2)]
    actors = [a for a in actors if a.statements >= MIN_ACTOR_STATEMENTS]
    actors.sort(key=lambda a: (-a.statements, a.id))
    chosen = actors[:MAX_ACTORS]
    placed = {m.name for a in chosen for m in a.members}
    rest = [s for s in quoted if s.kind == "person" and s.statements >= MIN_STATEMENTS
            and s.name not in placed][:MAX_OTHERS]  # most quoted first: a list to sort
    if rest:
        chosen.append(_actor(("others", "Others quoted"), rest, quoted))
    return tuple(chosen)


def named_countries(texts: Sequence[str]) -> frozenset[str]:
    """The nationalities whose country the texts name (a name or capital): the evidence
    that "Indian" means India's, not American Indians'."""
    found = set()
    for line in WORDS.lines("nationalities"):
        adjective = line.partition(":")[0].strip()
        forms = _country_forms(adjective)
        pattern = re.compile(r"\b(?:" + "|".join(re.escape(f) for f in forms) + r")\b")
        if forms and any(pattern.search(text) for text in texts):
            found.add(adjective)
    return frozenset(found)


def _key(speaker: Speaker, shared: Counter[str], countries: frozenset[str]
         ) -> tuple[str, str]:
    for tag in speaker.tags:
        if tag in PARTIES:
            return ("party", tag)
    if _commentator(speaker):
        return ("commentators", "Analysts")
    orgs = [o for o in organisations(speaker) if shared[o] >= MIN_ORG_SPEAKERS]
    if orgs:
        return ("organisation", max(orgs, key=lambda o: (shared[o], o)))
    nationality = nationality_of(speaker)
    if nationality in countries:
        return ("nationality", nationality)
    role = _role_word(speaker)
    return ("role word", role) if role else ("none", "")


def _actor(key: tuple[str, str], members: Sequence[Speaker], everyone: Sequence[Speaker]
           ) -> ProposedActor:
    kind, value = key
    persons = [s for s in members if s.kind == "person"]
    groups = [s for s in members if s.kind == "group"]
    title, nationality, affiliations, basis = _label(kind, value, members)
    return ProposedActor(
        id=_slug(title), title=title, basis=basis,
        members=tuple(Member(s.name, tuple(member_aliases(s, everyone)),
                             "; ".join(p for p in (s.role or "", _statements(s)) if p))
                      for s in persons),
        descriptors=tuple(s.name for s in groups),
        nationality=nationality, affiliations=affiliations,
        roles=_roles(kind, value, members),
        statements=sum(s.statements for s in members))


def _statements(speaker: Speaker) -> str:
    return f"{speaker.statements} statement{'s' * (speaker.statements != 1)}"


def _roles(kind: str, value: str, members: Sequence[Speaker]) -> tuple[str, ...]:
    """The role words an actor takes new speakers by. A role word alone takes every
    speaker with it (README, "Who a speaker is"), so only with the actor's nationality,
    and commentators' words for the analysts; none for a party or an organisation
    (affiliations do it) or a role-word actor (its members only)."""
    if kind not in ("nationality", "commentators"):
        return ()
    words = Counter(w for s in members for text in _texts(s) for w in _words(text)
                    if w in (COMMENTATOR_WORDS if kind == "commentators" else ROLE_NOUNS))
    return tuple(w for w, _ in sorted(words.items(), key=lambda kv: (-kv[1], kv[0])))


def _label(kind: str, value: str, members: Sequence[Speaker]
           ) -> tuple[str, tuple[str, ...], tuple[str, ...], str]:
    """Title, nationality words, affiliations and the basis comment of an actor."""
    if kind == "party":
        title, party_forms = PARTIES[value]
        return title, (), tuple(party_forms), f"the articles tag them ({value}-...)"
    if kind == "commentators":
        return ("Analysts", (), (),
                "their roles are commentators' (analyst, expert, former official)")
    if kind == "organisation":
        return value, (), (value,), f"their roles or labels name {value}"
    if kind == "nationality":
        forms = tuple(dict.fromkeys([value, *_country_forms(value)]))
        official = sum(s.statements for s in members
                       if set(" ".join(_texts(s)).casefold().split()) & FORMER_OFFICIAL_ROLES)
        noun = "officials" if official * 2 >= sum(s.statements for s in members) else "voices"
        return f"{value} {noun}", forms, (), f"their roles or labels name {value} places"
    if kind == "role word":
        return (f"{value.capitalize()}s", (), (),
            f"their roles say '{value}'; add roles or affiliations to take new speakers")
    return value, (), (), "quoted often but placed by no rule above: sort them"


def _country_forms(adjective: str) -> list[str]:
    """The country's names and capitals as the lexicon writes them ("Pakistani:
    Pakistan, Islamabad; Pakistanis" -> Pakistan, Islamabad)."""
    for line in WORDS.lines("nationalities"):
        name, _, rest = line.partition(":")
        if name.strip() == adjective:
            return [f.strip() for f in rest.split(";")[0].split(",") if f.strip()]
    return []


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.casefold()).strip("_")[:60] or "actor"
