"""What the speakers stage found, for people: `brief speakers` (a table, JSON, or
outline entries to paste) and the speaker warnings of `brief check`.

Every function reads a build's `Speakers` and outline and returns data (rows, text,
warning lines); the CLI prints it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import yaml

from ..attribute.actors import affiliation_re, member_words, names_member
from ..attribute.model import Entity, EntityKind
from ..attribute.text import norm
from ..errors import shown
from ..outline import Actor, Member
from . import Speaker
from .names import person_name

if TYPE_CHECKING:
    from ..build import BuildResult

__all__ = ["FREQUENT_SPEAKER_STATEMENTS", "SPEAKER_FORMATS", "Ambiguous", "ambiguous_members",
           "member_aliases", "speaker_rows", "speaker_warnings", "speakers_json",
           "speakers_table", "speakers_yaml"]

SPEAKER_FORMATS = ("table", "yaml", "json")

# `brief speakers --format table`: roles and names longer than these are cut with "…"
# (the JSON has them whole). The demo's longest roles run to 70 characters and its
# longest group labels to 60, which would make every row some 250 columns wide; cut
# so, a row fits 160 columns but for the id, which is never cut (it is what other
# outputs name a speaker by) and so comes last.
ROLE_WIDTH = 36
NAME_WIDTH = 32

# `brief check`: a speaker quoted this often who belongs to no actor is worth a
# warning. An actor section shows 8 statements by default (Actor.max_items), so five
# is a speaker who could fill most of one; in the demo and the test corpora most
# speakers are quoted once or twice, and a lower floor would name them all.
FREQUENT_SPEAKER_STATEMENTS = 5
# ... naming at most this many of them (the rest counted), and this many speakers an
# actor takes on a role word alone: one line stays readable.
FREQUENT_SPEAKERS_NAMED = 5
ROLE_ALONE_NAMED = 3


def ordered(speakers: Iterable[Speaker]) -> list[Speaker]:
    """Most statements first, then by name (then id: two people of one name)."""
    return sorted(speakers, key=lambda s: (-s.statements, s.name, s.id))


def matched_affiliation(speaker: Speaker, actors: Sequence[Actor]) -> str | None:
    """The affiliation of its actor through which a speaker was matched (its party tag
    or a word of its name or roles), or None when it was not matched by affiliation."""
    if speaker.matched_by != "affiliation":
        return None
    actor = next((a for a in actors if a.id == speaker.actor), None)
    if actor is None:
        return None
    texts = [norm(t) for t in (speaker.name, *speaker.variants, *speaker.roles)]
    for name in actor.affiliations:
        pattern = affiliation_re(name)
        if any(pattern.fullmatch(t) for t in speaker.tags) or \
                any(pattern.search(t) for t in texts):
            return name
    return None


def speaker_rows(speakers: Iterable[Speaker], actors: Sequence[Actor]) -> list[dict[str, Any]]:
    """One object per speaker (`ordered`), keys in a fixed order."""
    return [{
        "id": s.id, "name": s.name, "kind": s.kind, "role": s.role, "roles": list(s.roles),
        "tags": list(s.tags), "affiliation": matched_affiliation(s, actors),
        "statements": s.statements, "sources": len(s.docs), "docs": list(s.docs),
        "actor": s.actor, "matched_by": s.matched_by or None, "variants": list(s.variants),
    } for s in ordered(speakers)]


def speakers_json(speakers: Iterable[Speaker], actors: Sequence[Actor]) -> str:
    return json.dumps(speaker_rows(speakers, actors), ensure_ascii=False, indent=2) + "\n"


# ------------------------------------------------------------------------------ table


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[:width - 1].rstrip() + "…"


def _affiliation_cell(row: dict[str, Any]) -> str:
    """Party tags, and the affiliation the actor was matched by ("Taliban")."""
    parts = list(row["tags"])
    if row["affiliation"] is not None and row["affiliation"] not in parts:
        parts.append(row["affiliation"])
    return ", ".join(parts) or "-"


def _actor_cell(row: dict[str, Any]) -> str:
    return f"{row['actor']} ({row['matched_by']})" if row["actor"] else "-"


TABLE_COLUMNS = ("NAME", "KIND", "ROLE", "AFFILIATION", "STATEMENTS", "SOURCES",
                 "ACTOR (HOW)", "ID")
NUMERIC_COLUMNS = frozenset({"STATEMENTS", "SOURCES"})


def speakers_table(speakers: Iterable[Speaker], actors: Sequence[Actor]) -> str:
    """An aligned plain-text table, one speaker a line: corpus text made safe to print
    (`shown`) and on one line, names and roles cut (NAME_WIDTH, ROLE_WIDTH)."""
    cells = [[shown(c) for c in (
        _cut(_one_line(r["name"]), NAME_WIDTH), r["kind"],
        _cut(_one_line(r["role"] or "-"), ROLE_WIDTH), _affiliation_cell(r),
        str(r["statements"]), str(r["sources"]), _actor_cell(r), r["id"])]
        for r in speaker_rows(speakers, actors)]
    widths = [max(len(row[i]) for row in [list(TABLE_COLUMNS), *cells])
              for i in range(len(TABLE_COLUMNS))]
    lines = []
    for row in [list(TABLE_COLUMNS), *cells]:
        padded = [c.rjust(w) if name in NUMERIC_COLUMNS else c.ljust(w)
                  for c, w, name in zip(row, widths, TABLE_COLUMNS)]
        lines.append("  ".join(padded).rstrip())
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------------------------- yaml

# What YAML refuses to read anywhere, comments included (PyYAML's reader).
_NOT_YAML = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def yaml_quoted(text: str) -> str:
    """A YAML double-quoted scalar: quotes, colons, line breaks and controls escaped."""
    return yaml.safe_dump(text, default_style='"', allow_unicode=True,
                          width=1_000_000).rstrip("\n")


def yaml_comment(text: str) -> str:
    """Corpus text in a YAML comment: one line (a line break would end the comment and
    make the rest YAML), no terminal controls, nothing YAML refuses."""
    return _NOT_YAML.sub("?", shown(_one_line(text)))


def _surname(name: str) -> str:
    parsed = person_name(name)
    return parsed.surname if parsed is not None else name.split()[-1] if name.split() else ""


def member_aliases(speaker: Speaker, others: Sequence[Speaker]) -> list[str]:
    """The forms a person is written in, other than their canonical name, titles and
    possessives taken off: full names, and a bare surname only when no other person
    of the corpus has that surname (else it would catch them too)."""
    shared = {_surname(o.name) for o in others if o.kind == "person" and o.id != speaker.id}
    aliases: list[str] = []
    for variant in speaker.variants:
        parsed = person_name(variant)
        if parsed is None:
            continue
        form = parsed.full
        if form == speaker.name or form in aliases:
            continue
        if parsed.given or form not in shared:
            aliases.append(form)
    return aliases


def _sources_note(speaker: Speaker) -> str:
    statements = f"{speaker.statements} statement{'s' * (speaker.statements != 1)}"
    sources = f"{len(speaker.docs)} source{'s' * (len(speaker.docs) != 1)}"
    return f"{statements} in {sources}: {', '.join(speaker.docs)}"


def speakers_yaml(speakers: Sequence[Speaker], outline: str) -> str:
    """Outline entries for the speakers that belong to no actor: persons as `members:`
    (name, aliases, and a comment with role, statements and sources), groups as
    candidate `descriptors:`. Valid YAML; the same corpus gives the same text."""
    persons = [s for s in ordered(speakers) if s.actor is None and s.kind == "person"]
    groups = [s for s in ordered(speakers) if s.actor is None and s.kind == "group"]
    lines = [f"# brief speakers {yaml_comment(outline)}: the speakers that belong to no actor.",
             "# Persons: paste each under the `members:` of the actor they speak for.",
             "members:" if persons else "members: []"]
    for s in persons:
        note = "; ".join(p for p in (s.role, _sources_note(s)) if p)
        lines.append(f"  - name: {yaml_quoted(s.name)}  # {yaml_comment(note)}")
        aliases = member_aliases(s, speakers)
        if aliases:
            lines.append(f"    aliases: [{', '.join(yaml_quoted(a) for a in aliases)}]")
    lines += ["# Groups: candidate `descriptors:` of an actor. A descriptor matches its singular",
              "# and plural anywhere in a label or role, and wins over nationality and role:",
              "# a broad one (\"Officials\") would take speakers from other actors.",
              "descriptors:" if groups else "descriptors: []"]
    for s in groups:
        note = f"{_sources_note(s)}; as written: {', '.join(s.variants)}"
        lines.append(f"  - {yaml_quoted(s.name)}  # {yaml_comment(note)}")
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- warnings


def _forms(speaker: Speaker) -> list[str]:
    """What the member rule reads of a speaker, for each form they are written in."""
    entity = [Entity(name=f, kind=EntityKind.PERSON if speaker.kind == "person"
                     else EntityKind.GROUP, named=speaker.kind == "person")
              for f in dict.fromkeys((speaker.name, *speaker.variants))]
    return [w for w in (member_words(e) for e in entity) if w]


@dataclass(frozen=True)
class Ambiguous:
    """A member's name or alias that matches two or more speakers."""

    actor: Actor
    member: Member
    form: str  # the name or alias
    alias: bool
    speakers: tuple[Speaker, ...]  # those it matches, most statements first


def ambiguous_members(speakers: Sequence[Speaker], actors: Sequence[Actor]) -> list[Ambiguous]:
    """Each member name or alias of the outline that matches two or more speakers, by
    the rule of `ActorMatcher._member` (attribute/actors.py), read on every form a
    speaker is written in."""
    forms = [(s, _forms(s)) for s in ordered(speakers)]
    found = []
    for actor in actors:
        for member in actor.members:
            for form, alias in ((member.name, False), *((a, True) for a in member.aliases)):
                hit = tuple(s for s, words in forms
                            if any(names_member(w, form, alias) for w in words))
                if len(hit) > 1:
                    found.append(Ambiguous(actor, member, form, alias, hit))
    return found


def _alias_warning(where: str, found: Ambiguous) -> str:
    """Names the actor, the alias, two of the speakers, and a full name to write: the
    member's own when it is one, else that of a speaker the actor has."""
    full = found.member.name if " " in found.member.name.strip() else next(
        (s.name for s in found.speakers if s.actor == found.actor.id and " " in s.name),
        "the person's given name and surname")
    named = [f"{s.name} ({s.id})" for s in found.speakers[:2]]
    more = f" and {len(found.speakers) - 2} more" if len(found.speakers) > 2 else ""
    what, fix = (("alias", f"write the alias as a full name (\"{full}\") or drop it")
                 if found.alias else ("member name", f"write the member's full name (\"{full}\")"))
    return (f"{where}: actor '{found.actor.id}': {what} \"{found.form}\" matches "
            f"{len(found.speakers)} different speakers, {' and '.join(named)}{more}; "
            f"{fix}, so that it names one person")


def _role_alone_warnings(where: str, speakers: Sequence[Speaker],
                         actors: Sequence[Actor]) -> list[str]:
    lines = []
    for actor in actors:
        taken = [s for s in ordered(speakers) if s.actor == actor.id and s.matched_by == "role"]
        if not taken:
            continue
        named = ", ".join(
            f"{s.name} ({_cut(s.role or 'no role', ROLE_WIDTH)}, {s.statements} "
            f"statement{'s' * (s.statements != 1)})" for s in taken[:ROLE_ALONE_NAMED])
        more = f" and {len(taken) - ROLE_ALONE_NAMED} more" \
            if len(taken) > ROLE_ALONE_NAMED else ""
        lines.append(f"{where}: actor '{actor.id}' takes {len(taken)} speaker"
                     f"{'s' * (len(taken) != 1)} on a role word alone: {named}{more}; "
                     "give the actor a `nationality` or `affiliations`, or list its "
                     "`members`")
    return lines


def _frequent_warning(where: str, speakers: Sequence[Speaker]) -> list[str]:
    frequent = [s for s in ordered(speakers)
                if s.actor is None and s.statements >= FREQUENT_SPEAKER_STATEMENTS]
    if not frequent:
        return []
    named = ", ".join(f"{s.name} ({s.statements} statements)"
                      for s in frequent[:FREQUENT_SPEAKERS_NAMED])
    more = f" and {len(frequent) - FREQUENT_SPEAKERS_NAMED} more" \
        if len(frequent) > FREQUENT_SPEAKERS_NAMED else ""
    return [f"{where}: {len(frequent)} speaker{'s' * (len(frequent) != 1)} quoted "
            f"{FREQUENT_SPEAKER_STATEMENTS} times or more belong{'s' * (len(frequent) == 1)} "
            f"to no actor: {named}{more}; `brief speakers {where} --format yaml` drafts "
            "their `members:` and `descriptors:` entries"]


def speaker_warnings(result: BuildResult) -> list[str]:
    """`brief check`'s warnings about speakers and actors: a member name or alias that
    matches two speakers; an actor taking speakers on a role word alone; frequent
    speakers that belong to no actor (when the outline has actors)."""
    where = str(result.loaded.path)
    speakers = result.speakers.speakers
    actors = result.loaded.actors
    lines = [_alias_warning(where, found) for found in ambiguous_members(speakers, actors)]
    lines += _role_alone_warnings(where, speakers, actors)
    if actors:
        lines += _frequent_warning(where, speakers)
    return lines
