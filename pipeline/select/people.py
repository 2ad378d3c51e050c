"""The who's who: every person and group the brief quotes, one row each (never one per
spelling: rows are the speakers stage's identities)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from ..models import PersonEntry, Section
from ..outline import Actor
from ..speakers import Speakers
from .greedy import MAX_CITATIONS


def people_section(sections: Sequence[Section], speakers: Speakers, actors: Sequence[Actor],
                   numbers: Mapping[str, int]) -> Section:
    """The "People quoted" section of a brief whose other sections are `sections`;
    `numbers`: source number of each article (doc id)."""
    in_brief = Counter(item.speaker_id for s in sections for item in s.items
                       if item.speaker_id)
    titles = {a.id: a.title for a in actors}
    rows = []
    for speaker in speakers.speakers:
        if speaker.id not in in_brief:
            continue
        cited = sorted({numbers[d] for d in speaker.docs if d in numbers})
        rows.append(PersonEntry(
            speaker_id=speaker.id, speaker=speaker.name, kind=speaker.kind,
            roles=distinct_roles(speaker.roles)[:MAX_ROLES], affiliation=", ".join(speaker.tags),
            actor=speaker.actor, actor_title=titles.get(speaker.actor or "", ""),
            statements=speaker.statements, in_brief=in_brief[speaker.id],
            citations=tuple(cited[:MAX_CITATIONS]),
            more_sources=max(len(cited) - MAX_CITATIONS, 0)))
    # People before groups: a reader looks a name up; groups follow as a second list.
    rows.sort(key=lambda r: (r.kind != "person", r.speaker.casefold(), r.speaker_id))
    note = "" if rows else "The brief quotes no one by name or group."
    return Section(kind="people", id="people", title="People quoted", items=(), note=note,
                   people=tuple(rows))


def distinct_roles(roles: Sequence[str]) -> tuple[str, ...]:
    """`roles` without one whose words all stand in a role kept before it ("Prime
    Minister" after "Pakistani Prime Minister" says nothing more)."""
    kept: list[str] = []
    for role in roles:
        words = set(role.casefold().split())
        if not any(words <= set(k.casefold().split()) for k in kept):
            kept.append(role)
    return tuple(kept)


# A row shows this many roles at most: the most informative first.
MAX_ROLES = 2
