"""Speakers in actor sections: one heading per person, clean headings, the right actor.

    .venv/bin/python benchmarks/speakers.py [../shared/eval] [--corpus NAME ...]
                                            [--details] [--headings] [--limit N]

Issue 14's measures, on three corpora whose outlines name actors the way a new
user would from the README alone (titles, descriptors, nationality, roles,
affiliations; no hand-listed members): the PolNeAR dev articles (84 US
political news articles of 2016) and DUC 2006 topics D0609I (Israeli West Bank
settlements) and D0614E (Quebec independence). The outlines and the gold are in
`benchmarks/speakers/`; the evaluation data is read from `../shared/eval` and
only ever written to a temporary folder outside the repository (the PolNeAR
articles as `benchmarks/attribution_polnear.py` writes them). Without that
folder the script says so and exits 0.

How it is measured:

* The real code path. Each outline is copied to a temporary folder with its
  `corpus: CORPUS` line replaced by the corpus folder, and the brief is built
  in-process (`pipeline.build.build_brief`, no analysis cache). Should the
  outline loader refuse a key of the outline (`affiliations` before the code
  knows it), the keys the schema does not know are removed, the script says
  which, and the build is retried.
* Headings. The actor and "other voices" sections are cut into headings
  exactly as the renderer does (`pipeline.render.view.speaker_groups`): a
  heading is a group's speaker, with its role after " · ".
* Matching a name to the gold (`benchmarks/speakers/<corpus>.gold.yaml`:
  `people`, `groups`, `not_speakers`, `bad_roles`). Names are normalised:
  accents removed, casefolded, "'s" removed, apostrophes and hyphens inside a
  word dropped ("O'Neill" -> "oneill"), other punctuation a space. A name
  matches, in this order:
  1. exactly, a gold person's `name` or one of its `variants` (forms of the
     name), or a group's `label` or `variants`: a clean match;
  2. exactly, one of the entry's `mentions` (forms that refer to it but make
     no clean heading: "the Republican nominee", "a senior U.S. envoy",
     garbled forms): a match, not clean;
  3. after removing leading titles, party words and determiners ("Minority
     Leader Harry Reid", "Democrat Hillary Clinton", "the Palestinians";
     `TITLES`), as in 1 or 2: a match, not clean;
  4. exactly (or after titles), a `not_speakers` string (a fragment the
     attributor gave as a speaker: "Md", "Some", "Donald Trump's tweet"): no
     one, broken;
  5. a gold person whose surname occurs in the name, preceded by a given name
     compatible with the person's (the same, one a prefix of the other of at
     least three letters, an initial, or a short form in `NICKNAMES`): "Rival
     Hillary Clinton", "Affairs Martin Indyk"; only when exactly one gold
     person fits; a match, not clean (extra words).
  A form that belongs to two gold entries is refused at load time. A heading
  that matches nothing is "unjudged": printed for review, counted apart.
* (a) split persons: gold persons (and, counted apart, groups) given more than
  one heading across the actor and "other voices" sections, within one
  section or across sections.
* (b) broken headings: an empty speaker ("Unattributed"); a speaker starting
  in lowercase, made of titles alone ("President") or holding a date; a match
  that is not clean (titles, extra words, a description); a `not_speakers`
  fragment; or a role that is a fragment: only function words ("The",
  "One"), a day or date ("Monday", "August 27 -- Canada's unity minister"),
  titles stacked without anything else ("Chairman Representative"), ending in
  a function word, or one of the gold's `bad_roles`. Roles are otherwise not
  judged against the gold. Target 0.
* (c) actor precision. Each item of an actor section is given the gold entry
  of its own speaker: the speaker as its article writes it (the attribution's
  `speaker_text`, pronouns resolved within the article) when that matches the
  gold, else the heading's speaker (the corpus-wide name). So an item filed
  under a wrong corpus-wide name ("Quebec officials" for "Quebecers") is
  judged by who spoke. Precision is the share, over items with a gold entry,
  whose gold `actor` is the section's actor (a gold actor of null means
  "Other voices": wrong in any actor section). Items with no gold entry (no
  match, or a `not_speakers` fragment) are counted apart and listed, never
  dropped silently. Also shown: items of "other voices" whose speaker, by the
  gold, belongs to an actor (missed).
* `speaker_id`: the number of distinct ids among the headings is shown beside
  the number of headings, with the headings whose items carry none.

The gold is a small human judgment written once by reading the articles and
`brief annotate` output (who speaks, with what role); each gold file says in its
header how it was written and where it is thin. It covers every person and
group that the attributor gives at least two sentences, and anyone else who
appeared in a brief's actor or "other voices" sections when the gold was
written; a new speaker the code starts to show is "unjudged" until the gold is
extended (`--headings` lists every heading with its match).

Baseline at f44079c, before issue 14's rewrite of speaker identity (3 s for the
three briefs):

| corpus | actor items | headings | (a) split persons (groups) | (b) broken | (c) precision |
|---|---|---|---|---|---|
| polnear-dev | 48 | 45 | 0 (2) | 11 | 0.745 (35/47; 1 not in gold) |
| d0609i | 35 | 30 | 0 (5) | 10 | 1.000 (35/35) |
| d0614e | 32 | 27 | 1 (2) | 10 | 0.906 (29/32) |
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import hashlib
import io
import json
import re
import sys
import tempfile
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.attribution_polnear import load_records, write_corpus  # noqa: E402
from pipeline import outline as outline_schema  # noqa: E402
from pipeline.build import BuildOptions, build_brief  # noqa: E402
from pipeline.errors import UserError  # noqa: E402
from pipeline.models import Item, Section  # noqa: E402
from pipeline.render.view import speaker_groups  # noqa: E402

HERE = REPO / "benchmarks" / "speakers"
DEFAULT_DATA = REPO.parent / "shared" / "eval"
CORPUS_LINE = re.compile(r"^corpus:\s*CORPUS\s*$", re.MULTILINE)
SPEAKER_KINDS = ("actor", "other_voices")

# Titles, offices, ranks and party words ("Minority Leader Harry Reid", "Democrat Hillary
# Clinton"), and determiners, removed from the front of a name before the second try at
# matching (step 3), as normalised text; the longest is tried first.
TITLES = (
    "mr", "mrs", "ms", "miss", "dr", "sen", "senator", "rep", "representative",
    "congressman", "congresswoman", "gov", "governor", "president", "vice president",
    "former", "ex", "late", "rival", "democrat", "republican", "secretary",
    "secretary of state", "attorney general", "director", "chairman", "chairwoman", "chair",
    "minister", "prime minister", "foreign minister", "defense minister", "deputy",
    "general", "gen", "lt", "lieutenant", "col", "colonel", "maj", "major", "sgt", "judge",
    "justice", "chief justice", "commissioner", "mayor", "speaker", "leader",
    "minority leader", "majority leader", "senate", "house", "rabbi", "sheikh", "premier",
    "ambassador", "spokesman", "spokeswoman", "chief", "rev", "reverend",
)
DETERMINERS = ("the", "a", "an", "some", "many", "several", "most", "both")
LEADING = tuple(sorted(TITLES + DETERMINERS, key=len, reverse=True))
TITLE_WORDS = frozenset(w for title in TITLES for w in title.split())
# Titles whose juxtaposition makes a role fragment ("Chairman Representative").
ROLE_TITLES = frozenset("""
chairman chairwoman chair representative rep senator sen governor gov president speaker
minister secretary director commissioner mayor judge justice leader ambassador
""".split())
FUNCTION_WORDS = frozenset("""
the a an this that these those some many most several all both each every any no other
another such one and or but of in on at by for with from to as who whom which when while
if than then also not it its his her their he she they we i you
""".split())
# A role holding a day or a date is a fragment of the sentence ("Monday", "August 27 --
# Canada's unity minister", "... face a crucial test tomorrow").
_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|"
           "december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
DATE = re.compile(rf"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|"
                  rf"yesterday|tomorrow|tonight)\b|\b(?:{_MONTHS}) \d{{1,2}}\b|"
                  rf"\b\d{{1,2}} (?:{_MONTHS})\b")
# Short forms of given names, as normalised text (step 4 of the matching).
NICKNAMES = (
    {"william", "bill", "billy", "will"}, {"james", "jim", "jimmy"},
    {"robert", "bob", "bobby", "rob"}, {"michael", "mike"}, {"christopher", "chris"},
    {"thomas", "tom"}, {"edward", "ted", "ed", "eddie"}, {"theodore", "ted"},
    {"richard", "dick", "rick", "rich"}, {"joseph", "joe"}, {"daniel", "dan"},
    {"david", "dave"}, {"stephen", "steven", "steve"}, {"leonard", "len"},
    {"patrick", "pat"}, {"patricia", "pat"}, {"anthony", "tony"},
    {"benjamin", "ben", "bibi"}, {"andrew", "andy"}, {"donald", "don"},
    {"henry", "hank"}, {"lawrence", "larry"}, {"samuel", "sam"},
    {"elizabeth", "liz", "beth"}, {"katherine", "kate", "kathy"},
)


def normalise(text: str) -> str:
    """Casefolded, accents, possessives and punctuation removed ("O’Neill's" -> "oneill")."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'").replace("‘", "'").casefold()
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"(?<=\w)['\-](?=\w)", "", text)
    return " ".join(re.findall(r"[^\W_]+", text))


def strip_titles(norm: str) -> str:
    """`norm` without leading titles and determiners ("minority leader harry reid")."""
    changed = True
    while changed and norm:
        changed = False
        for title in LEADING:
            if norm.startswith(title + " "):
                norm, changed = norm[len(title) + 1:], True
                break
    return norm


def given_compatible(a: str, b: str) -> bool:
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    if min(len(a), len(b)) >= 3 and (a.startswith(b) or b.startswith(a)):
        return True
    return any(a in names and b in names for names in NICKNAMES)


# --- Gold -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Entry:
    """A gold person or group."""

    kind: str  # "person" | "group"
    name: str  # canonical name or label
    actor: str | None
    clean: frozenset[str]  # normalised name/label and variants
    mentions: frozenset[str]  # digests (`digest`) of forms that are no clean heading


@dataclass
class Gold:
    entries: list[Entry]
    not_speakers: frozenset[str]  # digests
    bad_roles: frozenset[str]  # digests
    forms: dict[str, tuple[Entry, bool]] = field(default_factory=dict)  # form -> entry, clean

    def __post_init__(self) -> None:
        for entry in self.entries:
            for form, clean in [(f, True) for f in entry.clean] + \
                               [(f, False) for f in entry.mentions]:
                other = self.forms.get(form)
                if other is not None and other[0] is not entry:
                    raise SystemExit(f"gold: {form!r} belongs to both {other[0].name!r} "
                                     f"and {entry.name!r}")
                if other is None or clean:
                    self.forms[form] = (entry, clean)

    def people(self) -> Iterator[Entry]:
        return (e for e in self.entries if e.kind == "person")


def _without_article(norm: str) -> str:
    for article in ("the ", "a ", "an "):
        if norm.startswith(article):
            return norm[len(article):]
    return norm


def load_gold(path: Path, actor_ids: Iterable[str]) -> Gold:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    ids = set(actor_ids)
    entries: list[Entry] = []
    for kind, key, rows in (("person", "name", data.get("people") or []),
                            ("group", "label", data.get("groups") or [])):
        for row in rows:
            actor = row.get("actor")
            if actor is not None and actor not in ids:
                raise SystemExit(f"{path.name}: {row[key]!r} has actor {actor!r}, not an "
                                 f"actor of the outline ({', '.join(sorted(ids))})")
            clean = {normalise(row[key])} | {normalise(v) for v in row.get("variants") or []}
            mentions = {key_of(m) for m in row.get("mentions") or []}
            # "The Trump campaign" in the gold also names the heading "Trump campaign"
            mentions |= {digest(_without_article(f)) for f in clean}
            mentions -= {digest(f) for f in clean}
            entries.append(Entry(kind, row[key], actor, frozenset(clean), frozenset(mentions)))
    return Gold(entries, frozenset(key_of(s) for s in data.get("not_speakers") or []),
                frozenset(key_of(r) for r in data.get("bad_roles") or []))


def digest(norm: str) -> str:
    """The key of a normalised phrase quoted from the evaluation articles. Mentions,
    fragments and broken roles are verbatim text of licensed data, so the gold keeps
    only this digest of each, never the words (names and labels stay readable)."""
    return "h:" + hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


def key_of(value: str) -> str:
    """A gold phrase's key: its digest as written in the gold, or the digest of a
    phrase written out (a new entry may be written as text; store it digested)."""
    return value if value.startswith("h:") else digest(normalise(value))


@dataclass(frozen=True)
class Match:
    entry: Entry | None
    clean: bool
    how: str  # "exact" | "mention" | "titles" | "surname" | "not a speaker" | "none" | ...


def match(speaker: str | None, gold: Gold) -> Match:
    """The gold entry a heading's speaker names (the numbered steps of the docstring)."""
    if not speaker:
        return Match(None, False, "unattributed")
    norm = normalise(speaker)
    for candidate, how in ((norm, "exact"), (strip_titles(norm), "titles")):
        found = gold.forms.get(candidate) or gold.forms.get(digest(candidate))
        if found is not None:
            entry, clean = found
            if how == "exact" and not clean:
                how = "mention"
            return Match(entry, clean and how == "exact", how)
    if digest(norm) in gold.not_speakers or digest(strip_titles(norm)) in gold.not_speakers:
        return Match(None, False, "not a speaker")
    tokens = strip_titles(norm).split()
    fits = []
    for person in gold.people():
        name = normalise(person.name).split()
        if len(name) < 2:
            continue
        given, surname = name[0], name[-1]
        for i, token in enumerate(tokens):
            if token != surname or i == 0:
                continue
            before = [t for t in tokens[:i] if len(t) > 1 or t == given[0]]
            if before and before[-1] not in TITLE_WORDS \
                    and given_compatible(before[-1], given):
                fits.append(person)
                break
    if len(fits) == 1:
        return Match(fits[0], False, "surname")
    return Match(None, False, "ambiguous" if fits else "none")


def role_problem(role: str | None, gold: Gold) -> str | None:
    """Why a heading's role is a fragment, or None."""
    if not role:
        return None
    norm = normalise(role)
    words = norm.split()
    if not words:
        return "role without words"
    if digest(norm) in gold.bad_roles:
        return "role judged broken"
    if all(w in FUNCTION_WORDS for w in words):
        return "role of function words only"
    if DATE.search(norm):
        return "role holds a date"
    if len(words) >= 2 and all(w in ROLE_TITLES for w in words):
        return "titles stacked"
    if words[-1] in FUNCTION_WORDS:
        return "role ends in a function word"
    return None


def heading_problem(speaker: str | None, role: str | None, m: Match, gold: Gold) -> str | None:
    """Why a heading is not a clean person name or group label (None: clean or unjudged)."""
    if not speaker:
        return "no speaker"
    if speaker[:1].islower():
        return "lowercase"
    words = normalise(speaker).split()
    if words and all(w in TITLE_WORDS or w in FUNCTION_WORDS for w in words) \
            and any(w in TITLE_WORDS for w in words):
        return "a title alone"
    if DATE.search(normalise(speaker)):
        return "a date"
    if m.how == "not a speaker":
        return "not a name"
    if m.entry is not None and not m.clean:
        return {"mention": "a description", "titles": "titles in the name",
                "surname": "extra words"}.get(m.how, m.how)
    return role_problem(role, gold)


# --- Corpora --------------------------------------------------------------------------

@dataclass(frozen=True)
class Corpus:
    name: str  # outline and gold: benchmarks/speakers/<name>.yaml, <name>.gold.yaml
    title: str

    def folder(self, data: Path, tmp: Path) -> Path | None:
        """The corpus folder (written into `tmp` for PolNeAR); None when data is absent."""
        if self.name == "polnear-dev":
            if not (data / "polnear" / "dev.jsonl").is_file():
                return None
            records, _ = load_records(data / "polnear", "dev")
            work = tmp / "polnear"
            work.mkdir()
            write_corpus(records, work)
            return work / "corpus"
        docs = data / "duc2006" / self.name.upper() / "docs"
        return docs if docs.is_dir() else None


CORPORA = (
    Corpus("polnear-dev", "PolNeAR dev (84 articles)"),
    Corpus("d0609i", "DUC 2006 D0609I (West Bank settlements)"),
    Corpus("d0614e", "DUC 2006 D0614E (Quebec independence)"),
)


def write_outline(corpus: Corpus, folder: Path, tmp: Path) -> Path:
    text = (HERE / f"{corpus.name}.yaml").read_text(encoding="utf-8")
    text, count = CORPUS_LINE.subn(f"corpus: {json.dumps(str(folder))}", text)
    if count != 1:
        raise SystemExit(f"{corpus.name}.yaml: expected one line `corpus: CORPUS`")
    path = tmp / f"{corpus.name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def strip_unknown(data: Any, model: Any, where: str, removed: list[str]) -> Any:
    """`data` without the keys `model` (a pydantic class of the outline schema) lacks."""
    if not isinstance(data, dict):
        return data
    fields = getattr(model, "model_fields", {})
    out = {}
    for key, value in data.items():
        if key not in fields:
            removed.append(f"{where}{key}")
            continue
        sub = {"themes": outline_schema.Theme, "actors": outline_schema.Actor,
               "layout": outline_schema.Layout, "members": outline_schema.Member}.get(key)
        if sub is not None and isinstance(value, list):
            value = [strip_unknown(v, sub, f"{where}{key}[{n}].", removed)
                     for n, v in enumerate(value)]
        elif sub is not None:
            value = strip_unknown(value, sub, f"{where}{key}.", removed)
        out[key] = value
    return out


@dataclass(frozen=True)
class Built:
    sections: list[Section]  # the brief's actor and other-voices sections
    actors: list[str]  # the outline's actor ids
    notes: list[str]
    surface: dict[tuple[str, int], str]  # (doc, start) -> the speaker as the article writes it


def build(outline: Path) -> Built:
    """Build the brief in-process; retry without the keys the schema does not know."""
    notes: list[str] = []
    try:
        result = build_brief(outline, options=BuildOptions(cache=False))
    except UserError as exc:
        removed: list[str] = []
        data = strip_unknown(yaml.safe_load(outline.read_text(encoding="utf-8")),
                             outline_schema.Outline, "", removed)
        if not removed:
            raise
        notes.append(f"the outline loader refused it ({exc}); removed the keys it does not "
                     f"know and built again: {', '.join(removed)}")
        stripped = outline.with_suffix(".stripped.json")
        stripped.write_text(json.dumps(data), encoding="utf-8")
        result = build_brief(stripped, options=BuildOptions(cache=False))
    surface = {(s.doc, s.start): a.speaker_text
               for article in result.analysed
               for s, a in zip(article.sentences, article.attributions) if a.speaker_text}
    return Built([s for s in result.brief.sections if s.kind in SPEAKER_KINDS],
                 [a.id for a in result.loaded.actors], notes, surface)


# --- Scoring --------------------------------------------------------------------------

@dataclass(frozen=True)
class Heading:
    section: Section
    speaker: str | None
    role: str | None
    items: tuple[Item, ...]
    match: Match
    problem: str | None

    @property
    def text(self) -> str:
        return (self.speaker or "Unattributed") + (f" · {self.role}" if self.role else "")


@dataclass(frozen=True)
class Judged:
    """An item with the gold entry of its speaker."""

    heading: Heading
    item: Item
    surface: str | None  # the speaker as its article writes it
    entry: Entry | None
    by: str  # "article" (its own words matched) | "heading" | "none"


@dataclass
class Result:
    corpus: Corpus
    notes: list[str]
    headings: list[Heading]
    actor_items: int = 0
    correct: int = 0
    by: collections.Counter[str] = field(default_factory=collections.Counter)
    wrong: list[Judged] = field(default_factory=list)
    not_in_gold: list[Judged] = field(default_factory=list)
    missed: list[Judged] = field(default_factory=list)  # other voices, of an actor

    def split(self, kind: str) -> dict[str, list[Heading]]:
        by: dict[str, list[Heading]] = collections.defaultdict(list)
        for h in self.headings:
            if h.match.entry is not None and h.match.entry.kind == kind:
                by[h.match.entry.name].append(h)
        return {name: hs for name, hs in by.items() if len(hs) > 1}

    @property
    def broken(self) -> list[Heading]:
        return [h for h in self.headings if h.problem]

    @property
    def unjudged(self) -> list[Heading]:
        return [h for h in self.headings if not h.problem and h.match.entry is None]

    @property
    def ids(self) -> tuple[int, int]:
        """Distinct speaker ids among the headings, and headings without one."""
        ids = [h.items[0].speaker_id for h in self.headings]
        return len({i for i in ids if i}), sum(1 for i in ids if not i)


def judge(h: Heading, item: Item, surface: str | None, gold: Gold) -> Judged:
    """The gold entry of an item's speaker: by the article's own words for the speaker
    when they match the gold, else by its heading (the corpus-wide name)."""
    own = match(surface, gold) if surface else None
    if own is not None and own.entry is not None:
        return Judged(h, item, surface, own.entry, "article")
    if h.match.entry is not None:
        return Judged(h, item, surface, h.match.entry, "heading")
    return Judged(h, item, surface, None, "none")


def score(corpus: Corpus, built: Built, gold: Gold) -> Result:
    headings = []
    for section in built.sections:
        for group in speaker_groups(section.items):
            m = match(group.speaker, gold)
            headings.append(Heading(section, group.speaker, group.speaker_role, group.items,
                                    m, heading_problem(group.speaker, group.speaker_role, m,
                                                       gold)))
    result = Result(corpus, built.notes, headings)
    for h in headings:
        for item in h.items:
            j = judge(h, item, built.surface.get((item.doc, item.start)), gold)
            if h.section.kind == "other_voices":
                if j.entry is not None and j.entry.actor is not None:
                    result.missed.append(j)
                continue
            result.actor_items += 1
            result.by[j.by] += 1
            if j.entry is None:
                result.not_in_gold.append(j)
            elif j.entry.actor == h.section.id:
                result.correct += 1
            else:
                result.wrong.append(j)
    return result


def evaluate(corpus: Corpus, data: Path) -> Result | None:
    with tempfile.TemporaryDirectory(prefix="brief-speakers-") as name:
        tmp = Path(name)
        folder = corpus.folder(data, tmp)
        if folder is None:
            return None
        outline = write_outline(corpus, folder, tmp)
        with contextlib.redirect_stderr(io.StringIO()):
            built = build(outline)
    gold = load_gold(HERE / f"{corpus.name}.gold.yaml", built.actors)
    return score(corpus, built, gold)


# --- Report ---------------------------------------------------------------------------

def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "n/a"


def table(results: Sequence[Result]) -> str:
    lines = [
        "| corpus | actor items | headings (ids; none) | (a) split persons (groups) | "
        "(b) broken headings | unjudged | (c) actor precision | not in gold | "
        "other voices with an actor |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        ids, none = r.ids
        judged = r.correct + len(r.wrong)
        lines.append(
            f"| {r.corpus.name} | {r.actor_items} | {len(r.headings)} ({ids}; {none}) | "
            f"{len(r.split('person'))} ({len(r.split('group'))}) | {len(r.broken)} | "
            f"{len(r.unjudged)} | {_ratio(r.correct, judged)} ({r.correct}/{judged}) | "
            f"{len(r.not_in_gold)} | {len(r.missed)} |")
    return "\n".join(lines)


def _where(h: Heading) -> str:
    return h.section.id if h.section.kind == "actor" else "other voices"


def _who(j: Judged) -> str:
    """The heading, and the article's words for the speaker when they differ."""
    own = f" [article: {j.surface}]" if j.surface and j.surface != j.heading.speaker else ""
    return f"{j.heading.text}{own}"


def details(r: Result, limit: int) -> list[str]:
    def cut(rows: list[str]) -> list[str]:
        return rows[:limit] + ([f"    ... and {len(rows) - limit} more"]
                               if limit and len(rows) > limit else []) if limit else rows

    out = [f"\n## {r.corpus.title}"]
    out += [f"note: {n}" for n in r.notes]
    out.append(f"actor-section items judged by the article's words for the speaker: "
               f"{r.by['article']}, by the heading: {r.by['heading']}, not at all: "
               f"{r.by['none']}")
    for kind in ("person", "group"):
        split = sorted(r.split(kind).items(), key=lambda kv: (-len(kv[1]), kv[0]))
        out.append(f"{kind}s with several headings ({len(split)}):")
        out += cut([f"  {name}: " + "; ".join(f"[{_where(h)}] {h.text} ({len(h.items)})"
                                              for h in hs) for name, hs in split])
    out.append(f"broken headings ({len(r.broken)}):")
    out += cut([f"  [{_where(h)}] {h.text!r}: {h.problem}"
                + (f" (= {h.match.entry.name})" if h.match.entry else "")
                + f", {len(h.items)} items" for h in r.broken])
    out.append(f"items in a wrong actor section ({len(r.wrong)}):")
    out += cut([f"  [{_where(j.heading)}] {_who(j)} (gold: {j.entry.name if j.entry else '?'}"
                f" -> {j.entry.actor if j.entry else '?'}): {j.item.text[:80]!r}"
                for j in r.wrong])
    out.append(f"items of actor sections whose speaker is not in the gold "
               f"({len(r.not_in_gold)}):")
    out += cut([f"  [{_where(j.heading)}] {_who(j)} ({j.heading.match.how}): "
                f"{j.item.text[:80]!r}" for j in r.not_in_gold])
    out.append(f"other-voices items whose speaker belongs to an actor ({len(r.missed)}):")
    out += cut([f"  {_who(j)} (gold: {j.entry.name if j.entry else '?'} -> "
                f"{j.entry.actor if j.entry else '?'}): {j.item.text[:80]!r}"
                for j in r.missed])
    out.append(f"unjudged headings ({len(r.unjudged)}):")
    out += cut([f"  [{_where(h)}] {h.text!r} ({h.match.how}), {len(h.items)} items"
                for h in r.unjudged])
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA,
                        help="the shared evaluation folder (polnear/, duc2006/)")
    parser.add_argument("--corpus", action="append", choices=[c.name for c in CORPORA],
                        help="only this corpus (repeatable)")
    parser.add_argument("--details", action="store_true",
                        help="list split persons, broken headings, wrong-actor items, "
                             "items not in the gold and unjudged headings")
    parser.add_argument("--headings", action="store_true",
                        help="list every heading with the gold entry it matched")
    parser.add_argument("--limit", type=int, default=0,
                        help="with --details, at most N lines of each list (0: all)")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"evaluation data not found at {args.data}; skipping", file=sys.stderr)
        return 0
    results = []
    for corpus in CORPORA:
        if args.corpus and corpus.name not in args.corpus:
            continue
        result = evaluate(corpus, args.data)
        if result is None:
            print(f"{corpus.name}: its data is not in {args.data}; skipped", file=sys.stderr)
            continue
        for note in result.notes:
            print(f"{corpus.name}: {note}", file=sys.stderr)
        results.append(result)
    if not results:
        return 0
    print(table(results))
    for r in results:
        if args.details:
            print("\n".join(details(r, args.limit)))
        if args.headings:
            print(f"\nheadings of {r.corpus.name}:")
            for h in r.headings:
                entry = h.match.entry
                print(f"  [{_where(h)}] {h.text!r} ({len(h.items)}): {h.match.how}"
                      + (f" = {entry.name} -> {entry.actor}" if entry else "")
                      + (f"; {h.problem}" if h.problem else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
