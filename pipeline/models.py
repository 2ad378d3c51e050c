"""The data that flows between the stages.

Every stage takes and returns frozen dataclasses (with tuples, never lists),
so no stage can change what another produced:

    Article -> Block (clean) -> Sentence (split) -> Attribution (attribute)
            -> Section/Item (select) -> Brief -> HTML/PDF/JSON/Markdown (render)

Offsets (`start`, `end`) are always Python string indices into `Article.text`,
so `article.text[start:end] == text` for every span. For a `.txt`/`.md` file that
text is the file decoded as UTF-8 with a leading BOM removed (the `utf-8-sig`
codec); for a web page, PDF or Word file it is the text the extractor wrote
(ingest/), which `brief extract` prints.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

# What a block of lines is (clean stage), and what a section of the brief is (the JSON
# contract's `kind`).
BlockKind = Literal["paragraph", "heading", "title"]
SectionKind = Literal["key_points", "charts", "theme", "contention", "chronology", "actor",
                      "other_voices", "people"]


# How an article's text was read from its file (ingest/formats.py): the file decoded
# as it is, or the text an extractor wrote from a web page, a PDF or a Word file.
ExtractionKind = Literal["text", "html", "pdf", "docx"]


@dataclass(frozen=True)
class SourceMeta:
    """What is known of a text's origin; empty string when unknown. Each value comes
    from sources.yaml, else the file's own metadata, else the text (a byline, a date
    line, a wire dateline); `origins` says which, field by field."""

    title: str = ""
    outlet: str = ""
    author: str = ""
    date: str = ""  # ISO 8601 (YYYY-MM-DD) when known
    url: str = ""
    fetched: str = ""  # when `brief fetch` downloaded it (sources.yaml), YYYY-MM-DD
    origins: tuple[tuple[str, str], ...] = ()  # (field, where its value was found)


@dataclass(frozen=True)
class Copy:
    """Another file holding the same article (ingest/copies.py): cited through the
    article that stands for it, never counted as a source of its own."""

    path: str
    kind: ExtractionKind
    meta: SourceMeta


@dataclass(frozen=True)
class Article:
    """One corpus file, read."""

    doc: str  # stable id: the file name without suffix
    path: str  # as shown in outputs: relative to the outline's folder, or absolute
    # what offsets index: a text file decoded with utf-8-sig (errors replaced, with a
    # warning), or the text extracted from a page, PDF or Word file (`brief extract`)
    text: str
    meta: SourceMeta
    kind: ExtractionKind = "text"
    # where the file marks its headline in `text` (a page's h1, the metadata title on
    # the first line); the clean stage files that block as the title
    title_span: tuple[int, int] | None = None
    copies: tuple[Copy, ...] = ()  # other files with the same article


@dataclass(frozen=True)
class Block:
    """A line-level span of an article, classified by the clean stage.

    Blocks tile the article: consecutive, non-overlapping, and together they
    cover every non-blank line. `reason` names the rule that marked a block as
    boilerplate ("caption", "teaser", "dateline", "legal", ...; see
    clean.BOILERPLATE_REASONS), empty for body text.
    """

    start: int
    end: int
    boilerplate: bool
    reason: str = ""
    kind: BlockKind = "paragraph"


@dataclass(frozen=True)
class Sentence:
    """One sentence: a span of its article, never rewritten."""

    doc: str
    index: int  # position in the article, 0-based, over all sentences
    start: int
    end: int
    text: str  # == article.text[start:end]
    block: int  # index of the Block it lies in (paragraph number)
    boilerplate: bool
    reason: str = ""  # why it is boilerplate, empty otherwise


@dataclass(frozen=True)
class Attribution:
    """Who a sentence reports, if anyone.

    `speaker` is the fullest name the article gives ("Ashraf Ghani" for "he",
    "Mr. Ghani", "Ghani"), or the descriptor when no name is given ("a senior
    Pakistani security official"). `actor` is an outline actor id or None.
    """

    speaker: str | None = None
    speaker_role: str | None = None
    cue: str | None = None  # the reporting word(s): "said", "denied", "told Radio Mashaal"
    actor: str | None = None
    quote: bool = False  # the sentence carries quoted speech
    # the cue is an act of the speaker, not words or a belief ("set about persuading",
    # "didn't apologize for"): attribution as PolNeAR counts it, left out of actor sections
    act: bool = False
    # what the speaker is, as the article's registry saw it: "person", "group", "org" or
    # "document", and whether `speaker` is a person's name ("Imran Khan") rather than a
    # descriptor ("a senior Pakistani official")
    speaker_kind: str | None = None
    speaker_named: bool = False
    # one id per person or group across the corpus (speakers/); set after the analysis,
    # which also makes `speaker` the canonical name and keeps the article's words here
    speaker_id: str | None = None
    speaker_text: str | None = None


NO_ATTRIBUTION = Attribution()


@dataclass(frozen=True)
class AnalysedArticle:
    """An article with its blocks, sentences and one attribution per sentence."""

    article: Article
    blocks: tuple[Block, ...]
    sentences: tuple[Sentence, ...]
    attributions: tuple[Attribution, ...]  # aligned with `sentences`
    # The index selection works from, aligned with `sentences` (empty for boilerplate,
    # and for the whole article when it was built by hand: `select.gather` indexes it
    # then): the sentence's content terms and word-pair concepts (`vectors`), of its
    # text without a wire dateline.
    terms: tuple[tuple[str, ...], ...] = ()
    concepts: tuple[tuple[str, ...], ...] = ()

    def body(self) -> tuple[tuple[Sentence, Attribution], ...]:
        """Sentences that may reach the brief (not boilerplate), with attribution."""
        return tuple(
            (s, a) for s, a in zip(self.sentences, self.attributions) if not s.boilerplate
        )


@dataclass(frozen=True)
class Insertion:
    """Editorial words shown in square brackets beside an item's verbatim text, never
    inside it: who an opening pronoun is ("[Kevin Sullivan] says ..."), a name's missing
    part ("[James] Baker wrote ..."), the date a relative date means ("Sunday [15
    August 2021]")."""

    at: int  # offset in the item's text where the brackets stand
    text: str  # the words inside the brackets
    kind: Literal["referent", "name", "date"]
    value: str = ""  # a date's ISO 8601 value at its precision ("2021-08-15")


@dataclass(frozen=True)
class Item:
    """One quoted sentence in the brief, with its citations."""

    text: str
    doc: str
    start: int
    end: int
    citations: tuple[int, ...]  # source numbers; the item's own source first
    more_sources: int = 0  # sources with the same statement beyond those cited
    speaker: str | None = None
    speaker_role: str | None = None
    actor: str | None = None
    cue: str | None = None
    act: bool = False  # the cue is an act of the speaker, not words (`Attribution.act`)
    score: float = 0.0  # selection score, for ordering and the method note
    speaker_id: str | None = None  # one id per person or group across the corpus
    insertions: tuple[Insertion, ...] = ()  # editorial words beside the text, by `at`
    stance: str | None = None  # the cue's stance label (`select/stance.py`), None for acts
    published: str = ""  # the publication date of the item's own source, ISO 8601, if known
    # the date a chronology entry refers to, ISO 8601 at its precision ("2021-08-13",
    # "2021-08", "2021"; a decade as "199"), and that precision; "" elsewhere
    date: str = ""
    date_precision: str = ""


@dataclass(frozen=True)
class PersonEntry:
    """One row of the who's who: a person or group the brief quotes."""

    speaker_id: str
    speaker: str  # canonical name
    kind: str  # "person" | "group"
    roles: tuple[str, ...]  # clean roles, best first
    affiliation: str  # party tags the articles give ("R"), or ""
    actor: str | None  # actor id
    actor_title: str  # the actor's section title, or ""
    statements: int  # attributed statements in the corpus
    in_brief: int  # items of the brief they speak
    citations: tuple[int, ...]  # sources that quote them (at most MAX_CITATIONS)
    more_sources: int = 0  # the others


@dataclass(frozen=True)
class Chart:
    """The numbers of one chart: a row per bar (or matrix row), a column per part."""

    id: str
    title: str
    description: str  # what it shows, in words: the SVG's <desc>
    rows: tuple[str, ...]
    columns: tuple[str, ...]
    values: tuple[tuple[int, ...], ...]  # rows x columns


@dataclass(frozen=True)
class Section:
    """A section of the brief: key points, a theme, or an actor."""

    kind: SectionKind
    id: str
    title: str
    items: tuple[Item, ...]
    query: str = ""  # the theme query, shown under theme headings
    note: str = ""  # e.g. "No sentence in the corpus matched this theme."
    people: tuple[PersonEntry, ...] = ()  # a "people" section's rows
    charts: tuple[Chart, ...] = ()  # a "charts" section's charts


@dataclass(frozen=True)
class Source:
    """One numbered entry of the source list."""

    n: int
    doc: str
    path: str
    title: str
    outlet: str
    author: str
    date: str
    url: str
    kind: ExtractionKind = "text"  # how the text was read from the file
    fetched: str = ""
    copies: tuple[Copy, ...] = ()
    origins: tuple[tuple[str, str], ...] = ()  # (field, where its value was found)


@dataclass(frozen=True)
class MethodNote:
    """Figures for the brief's short method note."""

    articles: int
    sentences: int
    boilerplate_sentences: int
    words: int
    date_range: tuple[str, str] | None  # earliest, latest known source date
    text: str  # one paragraph saying how sentences were chosen


@dataclass(frozen=True)
class Brief:
    """Everything the renderers need; nothing they must compute."""

    title: str
    subtitle: str
    date: str  # ISO date shown in the title block and PDF metadata; may be ""
    marking: str  # handling caveat, e.g. "FOR INTERNAL USE"; may be ""
    page_size: str  # "A4" | "Letter"
    sections: tuple[Section, ...]
    sources: tuple[Source, ...]
    method: MethodNote
    generator: str = field(default="brief")
    citation_dates: bool = False  # print each item's source date beside its citation
