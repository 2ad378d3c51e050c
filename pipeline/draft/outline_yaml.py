"""The drafted outline as YAML, a comment on every key saying what it does and what to
change. Corpus text (names, roles, example sentences) goes through the same quoting and
comment cleaning as `brief speakers --format yaml`."""

from __future__ import annotations

from ..speakers.report import yaml_comment, yaml_quoted
from . import Draft
from .actors import ProposedActor
from .themes import ProposedTheme

SCHEMA_LINE = "# yaml-language-server: $schema={schema}"
EXAMPLE_CHARS = 110


def outline_yaml(draft: Draft, corpus_arg: str, schema: str = "") -> str:
    """The outline text; `corpus_arg` is the folder as the user named it (for the header),
    `schema` the path of outline.schema.json relative to the outline, if known."""
    lines = [SCHEMA_LINE.format(schema=schema)] if schema else []
    lines += [
        f"# Drafted by `brief init {yaml_comment(corpus_arg)}` from {draft.articles} "
        "articles. Every key is a proposal:",
        "# edit titles, queries and actors, then `brief build` this file. Reference for "
        "every key: README.md, \"Outline reference\".",
        f"title: {yaml_quoted(draft.title)}  # the commonest names and nouns across the "
        "articles: name the brief",
        f"subtitle: {yaml_quoted(draft.subtitle)}  # the line under the title",
        f"date: {yaml_quoted(draft.date)}  # the latest source date; also the PDF's date"
        if draft.date else 'date: ""  # no source is dated: give YYYY-MM-DD',
        f"corpus: {yaml_quoted(draft.corpus)}  # the articles' folder, from this file's folder",
        "",
    ]
    lines += _themes(draft)
    lines += _actors(draft.actors)
    lines += _layout()
    return "\n".join(lines) + "\n"


def _themes(draft: Draft) -> list[str]:
    if not draft.themes:
        return ["# Too few sentences to propose themes: add theme sections by hand.",
                "themes: []", ""]
    lines = ["# Themes: the articles' sentences clustered by what they are about. A theme's",
             "# query is the words most typical of its cluster; sentences are ranked by it.",
             "# Rewrite a query in your words to aim it; delete a theme you do not need.",
             "themes:  # largest first"]
    for theme in draft.themes:
        lines += _theme(theme, draft.examples)
    return lines + [""]


def _theme(theme: ProposedTheme, examples: dict[int, str]) -> list[str]:
    lines = [f"  - id: {theme.id}  # {theme.share:.0%} of the sentences "
             f"({theme.sentences}); names the section's anchor",
             f"    title: {yaml_quoted(theme.title)}  # the section heading",
             f"    query: {yaml_quoted(theme.query)}  # what the theme is about: "
             "rewrite it in your words"]
    for index in theme.examples:
        text = examples[index]
        cut = text if len(text) <= EXAMPLE_CHARS else text[:EXAMPLE_CHARS - 3] + "..."
        lines.append(f"    # e.g. {yaml_comment(cut)}")
    lines.append("    max_words: 200  # the section's budget, whole sentences only")
    return lines


def _actors(actors: tuple[ProposedActor, ...]) -> list[str]:
    if not actors:
        return ["# No speakers were found to propose actors: add them by hand, or [] for none.",
                "actors: []", ""]
    lines = ["# Actors: the speakers the articles quote, grouped by party, commentators,",
             "# organisation, nationality or role. `members` always belong to the actor;",
             "# `descriptors` name it without a person; `nationality` with `roles`, and",
             "# `affiliations`, take speakers of new articles too. Move members between",
             "# actors as you see fit; `brief speakers` lists every speaker.",
             "actors:  # most statements first"]
    for actor in actors:
        lines += _actor(actor)
    return lines + [""]


def _actor(actor: ProposedActor) -> list[str]:
    lines = [f"  - id: {actor.id}  # {actor.statements} statements; {yaml_comment(actor.basis)}",
             f"    title: {yaml_quoted(actor.title)}  # the section heading"]
    if actor.members:
        lines.append("    members:  # people who always belong here")
        for member in actor.members:
            lines.append(f"      - name: {yaml_quoted(member.name)}  # "
                         f"{yaml_comment(member.note)}")
            if member.aliases:
                lines.append("        aliases: ["
                             + ", ".join(yaml_quoted(a) for a in member.aliases)
                             + "]  # other forms the articles write")
    for key, values in (("descriptors", actor.descriptors), ("nationality", actor.nationality),
                        ("affiliations", actor.affiliations), ("roles", actor.roles)):
        if values:
            lines.append(f"    {key}: [" + ", ".join(yaml_quoted(v) for v in values)
                         + f"]  # {KEY_NOTES[key]}")
    return lines


KEY_NOTES = {
    "descriptors": "groups quoted without a person's name",
    "nationality": "with a word of `roles`, takes a speaker of this country",
    "affiliations": "parties or organisations whose speakers belong here",
    "roles": "role words; alone (no nationality) they take anyone with the role",
}


def _layout() -> list[str]:
    return [
        "layout:  # paper, marking and the optional sections",
        "  page_size: A4  # or Letter",
        "  marking: \"\"  # a handling caveat for the title block and running header",
        "  key_points: 5  # key points drawn from across the themes (0 for none)",
        "  chronology: true  # dated events in time order ({entries: 12, theme: ID} to narrow)",
        "  charts: true  # share of voice and sources by theme, after the key points",
        "  people: true  # an appendix of everyone quoted",
        "  other_voices: true  # statements of speakers in no actor",
    ]
