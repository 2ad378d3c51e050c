"""Step 6, actors: which outline actor a speaker belongs to.

In order: member names and aliases (case-sensitive, whole words); descriptor phrases;
a speaker that is a country ("Pakistan says") goes to that country's actor; a
nationality word together with a role word (the pair nearest to each other wins, so
"Afghan Taliban spokesman" is the Taliban's); role words of actors without a
nationality. Former/retired/ex- officials speak as commentators and go to the actor
taking commentators (`COMMENTATOR_ROLES`), unless a member list says otherwise.
Descriptors are matched on their head only: "a cleric close to the Afghan Taliban" is
not the Taliban (`ASSOCIATION_MARKERS`).
"""

from __future__ import annotations

import functools
import re

from ..outline import Actor
from .lexicon import (
    ASSOCIATION_PHRASES,
    COMMENTATOR_ROLES,
    COUNTRY_WORDS,
    FORMER_OFFICIAL_ROLES,
    PARTY_ADJECTIVES,
)
from .model import Entity, EntityKind
from .text import norm, phrase_re

# Words marking a speaker who no longer holds the post in the role.
FORMER_WORDS = re.compile(r"(?<![\w-])(?:former|retired|ex-|erstwhile|onetime|one-time)",
                          re.IGNORECASE)
# Phrases after which a descriptor names someone else (data/cues.txt).
ASSOCIATION_MARKERS = re.compile(r"\s(?:" + ASSOCIATION_PHRASES + r")\s", re.IGNORECASE)
_THE = re.compile(r"^(?:the|The)\s+")


def _head_part(text: str) -> str:
    """A descriptor or role before an association marker ("a cleric close to ...")."""
    return ASSOCIATION_MARKERS.split(" " + text + " ")[0]


# How a speaker was matched to an actor, strongest evidence first: a member's name or
# alias; the person a descriptor or affiliation is named after ("Trump campaign", set by
# the speakers stage); the actor's own descriptor, one of its affiliations (a party, an
# organisation), or its country speaking; a nationality word with a role word; a role
# word alone (the weakest: "nominee" is anybody's nominee).
HOW_STRENGTH = {"member": 6, "alias": 6, "eponym": 5, "descriptor": 4, "affiliation": 4,
                "country": 4, "nationality and role": 3, "former official": 2, "role": 1}


@functools.lru_cache(maxsize=4096)
def _number_forms(phrase: str) -> re.Pattern[str]:
    """A phrase in the singular or the plural ("Republican" and "Republicans")."""
    base = phrase
    if phrase.endswith("ies"):
        base = phrase[:-3] + "y"
    elif phrase.endswith("s") and not phrase.endswith("ss"):
        base = phrase[:-1]
    body = re.escape(norm(base))
    if base.endswith("y"):
        body = body[:-1] + r"(?:y|ies)"
    else:
        body += r"(?:s|es)?"
    return re.compile(r"(?<![\w])" + body + r"(?![\w])", re.IGNORECASE)


def affiliation_re(name: str) -> re.Pattern[str]:
    """An affiliation as whole words; a short form ("R", "GOP", "PQ") only in capitals,
    its other forms in any case and number."""
    if len(name) <= 3 or name.isupper():
        return re.compile(r"(?<![\w])" + re.escape(name) + r"(?![\w])")
    return _number_forms(name)


def member_words(entity: Entity) -> str:
    """What a member's name or alias is matched against: a named speaker's name, an
    unnamed one's head ("a cleric close to Imran Khan" is no member)."""
    return entity.name if entity.named else _head_part(entity.name).strip()


def names_member(who: str, form: str, alias: bool) -> bool:
    """Whether `who` (`member_words`) is written with a member's name or alias `form`:
    as whole words, case-sensitive; a one-word alias only as its last word ("Clinton"
    of "Bill Clinton")."""
    if alias and " " not in form and "," not in form:
        return who.split()[-1:] == [form]
    return bool(phrase_re(form, False, False).search(norm(who)))


class ActorMatcher:
    """Matches speakers to the actors of one outline; remembers each answer."""

    def __init__(self, actors: tuple[Actor, ...]) -> None:
        self.actors = actors
        self.commentator = next(
            (a.id for a in actors
             if any(r.lower() in COMMENTATOR_ROLES for r in (*a.roles, *a.descriptors))),
            None,
        )
        self._affiliations = {a.id: [affiliation_re(n) for n in a.affiliations]
                              for a in actors}
        self._cache: dict[tuple[str, str, bool, str], tuple[str | None, str]] = {}

    def actor(self, entity: Entity, role: str | None) -> str | None:
        return self.match(entity, role)[0]

    def match(self, entity: Entity, role: str | None, tags: tuple[str, ...] = ()
              ) -> tuple[str | None, str]:
        """The actor of a speaker and how it was found (a key of HOW_STRENGTH, or ""
        for none). `tags`: party tags the text gives the speaker ("R" of "(R-Va.)")."""
        key = (entity.name, role or "", entity.named, " ".join(tags))
        if key not in self._cache:
            self._cache[key] = self._match(entity, role, tags)
        return self._cache[key]

    def _match(self, entity: Entity, role: str | None, tags: tuple[str, ...]
               ) -> tuple[str | None, str]:
        member = self._member(entity)
        if member is not None:
            return member
        if entity.named:  # a "name" that is an actor's organisation ("Peace Now")
            whole = self._whole_name(entity.name)
            if whole is not None:
                return whole
        # what is matched: the descriptor's head (unnamed) and the role
        parts: list[str] = []
        if role:
            parts.append(norm(_head_part(role)))
        if not entity.named:
            parts.append(norm(_head_part(entity.name)))
        text = " | ".join(p.strip() for p in parts if p.strip())
        chosen = self._match_text(text, entity, tags)
        if FORMER_WORDS.search(text):
            return self._former(text, chosen)
        return chosen

    def _member(self, entity: Entity) -> tuple[str, str] | None:
        """Members: full names, then aliases (see `names_member`)."""
        who = member_words(entity)
        if not who:
            return None
        for actor in self.actors:
            for member in actor.members:
                if names_member(who, member.name, alias=False):
                    return actor.id, "member"
        for actor in self.actors:
            for member in actor.members:
                for alias in member.aliases:
                    if names_member(who, alias, alias=True):
                        return actor.id, "alias"
        return None

    def _whole_name(self, name: str) -> tuple[str, str] | None:
        for actor in self.actors:
            if any(p.fullmatch(norm(name)) for p in self._affiliations[actor.id]):
                return actor.id, "affiliation"
            if any(_number_forms(d).fullmatch(norm(name)) for d in actor.descriptors):
                return actor.id, "descriptor"
        return None

    def _former(self, text: str, chosen: tuple[str | None, str]) -> tuple[str | None, str]:
        """A former official is a commentator now."""
        held_post = any(re.search(r"(?<![\w])" + w + r"s?(?![\w])", text, re.IGNORECASE)
                        for w in FORMER_OFFICIAL_ROLES)
        actor = next((a for a in self.actors if a.id == chosen[0]), None)
        if (chosen[0] is None and held_post) or (actor is not None and actor.nationality):
            return self.commentator, "former official" if self.commentator else ""
        return chosen

    def _match_text(self, text: str, entity: Entity, tags: tuple[str, ...]
                    ) -> tuple[str | None, str]:
        if not text and not tags:
            return None, ""
        for how, found in (("descriptor", lambda: self._descriptor(text)),
                           ("affiliation", lambda: self._affiliation(text, tags)),
                           ("country", lambda: self._country(entity)),
                           ("nationality and role", lambda: self._nationality_and_role(text)),
                           ("role", lambda: self._role_alone(text, tags))):
            actor = found()
            if actor is not None:
                return actor, how
        return None, ""

    def _descriptor(self, text: str) -> str | None:
        """Descriptor phrases (singular or plural), earliest in the text."""
        best: tuple[int, int, str] | None = None
        for order, actor in enumerate(self.actors):
            for phrase in actor.descriptors:
                m = _number_forms(phrase).search(text)
                if m and (best is None or (m.start(), order) < best[:2]):
                    best = (m.start(), order, actor.id)
        return best[2] if best is not None else None

    def _affiliation(self, text: str, tags: tuple[str, ...]) -> str | None:
        """An affiliation in the role or descriptor, or a party tag, earliest first."""
        best: tuple[int, int, str] | None = None
        for order, actor in enumerate(self.actors):
            for pattern in self._affiliations[actor.id]:
                if any(pattern.fullmatch(tag) for tag in tags):
                    return actor.id
                m = pattern.search(text)
                if m and (best is None or (m.start(), order) < best[:2]):
                    best = (m.start(), order, actor.id)
        return best[2] if best is not None else None

    def contradicts(self, actor: Actor, text: str, tags: tuple[str, ...]) -> bool:
        """Whether a speaker's words or tags name another actor's affiliation or
        nationality, or a party tag this actor does not list (when it lists any), or a
        party or country this actor, which names its own, does not name."""
        own = self._affiliations[actor.id]
        if tags and own and not any(p.fullmatch(t) for p in own for t in tags):
            return True
        stated = [w for w in re.findall(r"[A-Z][\w.]*", text)
                  if w.casefold().rstrip("s") in PARTY_ADJECTIVES or w in COUNTRY_WORDS]
        mine = [*own, *(phrase_re(n, False, False) for n in actor.nationality)]
        if stated and mine and not any(p.search(text) for p in mine):
            return True  # "the Democratic nominee" is no nominee of a Republican actor
        for other in self.actors:
            if other.id == actor.id:
                continue
            theirs = [*self._affiliations[other.id],
                      *(phrase_re(n, False, False) for n in other.nationality)]
            if any(p.search(text) for p in theirs) and not any(p.search(text) for p in own):
                return True
        return False

    def _country(self, entity: Entity) -> str | None:
        """A country as the speaker: "Pakistan says"."""
        if entity.named or entity.kind not in (EntityKind.ORG, EntityKind.PERSON,
                                               EntityKind.GROUP):
            return None
        bare = _THE.sub("", entity.name).strip().rstrip(".")
        for actor in self.actors:  # ("the T.T.P" lost its final stop as a source)
            if any(bare == n.rstrip(".") for n in actor.nationality):
                return actor.id
        return None

    def _nationality_and_role(self, text: str) -> str | None:
        """A nationality word and a role word, nearest pair first."""
        pairs: list[tuple[int, int, str]] = []
        for order, actor in enumerate(self.actors):
            if not actor.nationality:
                continue
            for part in text.split(" | "):
                nats = [m.start() for n in actor.nationality
                        for m in phrase_re(n, False, False).finditer(part)]
                if not nats:
                    continue
                roles = [m.start() for r in actor.roles
                         for m in phrase_re(r, True, True).finditer(part)]
                if roles:
                    distance = min(abs(a - b) for a in nats for b in roles)
                    pairs.append((distance, order, actor.id))
        return min(pairs)[2] if pairs else None

    def _role_alone(self, text: str, tags: tuple[str, ...]) -> str | None:
        """Role words alone, for actors without a nationality, unless the speaker's
        words or tags say they belong elsewhere, or the role fits several actors."""
        matched = [actor.id for actor in self.actors if not actor.nationality
                   and any(phrase_re(r, True, True).search(text) for r in actor.roles)
                   and not self.contradicts(actor, text, tags)]
        # a role word two actors share ("senator" of Republicans and of Democrats)
        # decides nothing
        return matched[0] if len(matched) == 1 else None
