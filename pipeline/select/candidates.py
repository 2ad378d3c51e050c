"""Candidates: the body sentences of the corpus that may become items, with the
filters that say whether a sentence can stand alone under a heading."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from ..analysis import index
from ..clean import without_dateline
from ..models import AnalysedArticle, Attribution, Insertion, Sentence
from ..vectors import word_count
from .standalone import opening

# --- Candidate filters -------------------------------------------------------
# Sentences shorter than this are datelines, fragments or headings; longer
# than the cap are run-ons from pages whose punctuation was lost.
MIN_SENTENCE_WORDS = 6
MAX_SENTENCE_WORDS = 90
# A sentence starting with one of these leans on the previous sentence for its
# subject; quoted alone under a theme heading it reads as a riddle. Actor
# sections keep them, because the resolved speaker is shown beside them.
DANGLING_STARTS = frozenset("""
he she they it his her their its this these those that such both
""".split())
# A sentence ending on a bare demonstrative ("... played a role in this.")
# points back at what the previous sentence said.
DANGLING_END = re.compile(r"\b(?:this|that|these|those)[.!?”\"'’]*$", re.IGNORECASE)
CLOSING_MARKS = ".!?\"'”’)]"


@dataclass(frozen=True)
class Candidate:
    sentence: Sentence
    attribution: Attribution
    source: int  # source number
    position: float  # 0.0 = first sentence of its article, 1.0 = last
    terms: tuple[str, ...] = ()  # the sentence's index (`AnalysedArticle.terms`)
    concepts: tuple[str, ...] = ()
    quotable: bool = False  # `quotable`: may be an item at all
    # reads alone (`standalone.opening`, `stands_alone`, `quote_in_context`): themes may
    # take it, actor sections prefer it
    standalone: bool = False
    words: int = 0  # `word_count` of the text: what it spends of a theme's budget
    insertions: tuple[Insertion, ...] = ()  # editorial words beside the text
    leans_on: str = ""  # `standalone.Opening.leans_on`: why its opening needs the article
    published: str = ""  # the article's publication date, ISO 8601, if known


def quotable(text: str) -> bool:
    """Whether a sentence can stand alone as an item at all."""
    words = text.split()
    if not MIN_SENTENCE_WORDS <= len(words) <= MAX_SENTENCE_WORDS:
        return False
    first = text.lstrip("“\"'‘`(")[:1]
    if not first or first.islower():  # a fragment cut from its sentence
        return False
    return text.rstrip()[-1] in CLOSING_MARKS


def stands_alone(text: str) -> bool:
    """Whether a sentence reads without the one before it (themes, key points), as far
    as its end and an opening pronoun inside a quote tell (`standalone.opening` reads
    how it opens)."""
    stripped = text.rstrip()
    if stripped.endswith(("?", "?”")):
        return False  # rhetorical questions state nothing
    if DANGLING_END.search(stripped):
        return False
    first_word = text.lstrip("“\"'‘`(").split(maxsplit=1)[:1]
    return not first_word or first_word[0].lower().strip(",") not in DANGLING_STARTS


# Quotation marks: newswire ``...'', typographic “...”, and ASCII "..." (which
# opens and closes alike, so only its parity tells).
_OPEN_QUOTES = ("``", "“")
_CLOSE_QUOTES = ("''", "”")
_QUOTED = re.compile(r"``.*?''|“.*?”|\".*?\"", re.DOTALL)
# Words that do not tell a reader who is speaking: pronouns and reporting verbs.
_NO_SOURCE_WORDS = frozenset("""
he she they it we i you his her their its our this that who one
said says say told tells added adds asked asks explained explains noted notes
continued continues insisted insists argued argues
""".split())
_LETTERS = re.compile(r"[^\W\d_]+")
# Reported speech whose only source is a trailing pronoun: "..., he said."
_PRONOUN_SOURCE = re.compile(
    r",[”’\"']*\s+(?:he|she|they)\s+(?:\w+\s+)?(?:said|says|added|adds|noted|notes|told\s+\S+)"
    r"[.!]?[”’\"']*$", re.IGNORECASE)


def quote_in_context(text: str, attribution: Attribution) -> bool:
    """Whether a sentence that reports speech says who speaks (themes, key points).

    Out: a piece of a quote that runs over several sentences (its quote marks
    do not pair up, or the attribution stage found quoted words with no cue of
    their own), and a quote or reported statement whose only source is a
    pronoun ("..., he said."): under a theme heading the reader cannot tell
    who "he" is. Sentences reporting no speech are in.
    """
    opens = sum(text.count(q) for q in _OPEN_QUOTES)
    closes = sum(text.count(q) for q in _CLOSE_QUOTES)
    if opens != closes or text.count('"') % 2:
        return False
    if _PRONOUN_SOURCE.search(text.rstrip()):
        return False
    if not (opens or '"' in text or attribution.quote):
        return True
    if attribution.quote and attribution.cue is None:
        return False
    narrative = _QUOTED.sub(" ", text)
    if narrative.strip() == text.strip():
        return True  # no quote marks: reported speech the attribution stage found
    return any(w.lower() not in _NO_SOURCE_WORDS for w in _LETTERS.findall(narrative))


Gathered = dict[int, tuple[AnalysedArticle, int, str, tuple[Candidate, ...]]]


def gather(analysed: Sequence[AnalysedArticle], numbers: dict[str, int],
           only_quotable: bool = True, memory: Gathered | None = None,
           published: Mapping[str, str] | None = None) -> tuple[Candidate, ...]:
    """Body sentences (those that can be items, unless told otherwise) with source numbers.

    `published`: each article's publication date by doc id, where the source list
    found one the file's metadata did not give (its date line, its file name).
    `memory` (kept by `brief watch` between builds) holds each article's body
    sentences by the identity of its analysis, its source number and date, and is
    left holding those of `analysed` only."""
    out: list[Candidate] = []
    kept: Gathered = {}
    for article in analysed:
        number = numbers[article.article.doc]
        day = (published or {}).get(article.article.doc) or article.article.meta.date
        known = memory.get(id(article)) if memory is not None else None
        if known is not None and known[0] is article and known[1:3] == (number, day):
            body = known[3]
        else:
            body = _body_sentences(article, number, day)
        kept[id(article)] = (article, number, day, body)
        out.extend(c for c in body if c.quotable or not only_quotable)
    if memory is not None:
        memory.clear()
        memory.update(kept)
    return tuple(out)


def _body_sentences(article: AnalysedArticle, number: int,
                    published: str) -> tuple[Candidate, ...]:
    total = max(len(article.sentences) - 1, 1)
    # (an article built by hand, not by the analysis stage, is indexed here)
    terms, concepts = ((article.terms, article.concepts)
                       if len(article.terms) == len(article.sentences)
                       else index(article.sentences))
    out = []
    previous = ""
    for i, (sentence, attribution) in enumerate(zip(article.sentences, article.attributions)):
        if sentence.boilerplate:
            continue
        sentence = without_dateline(sentence)
        whole = sentence.text
        start = opening(whole, attribution, previous)
        previous = whole
        sentence = _cut(sentence, start.cut)
        text = sentence.text
        # (the dates' insertions are added when a candidate becomes an item, Selector._item:
        # reading every sentence's dates costs seconds on a large corpus)
        reads_alone = (not start.leans_on and stands_alone(text)
                       and quote_in_context(text, attribution))
        out.append(Candidate(sentence, attribution, number, sentence.index / total, terms[i],
                             concepts[i], quotable=quotable(whole) and bool(text),
                             standalone=reads_alone, words=word_count(text),
                             insertions=start.insertions, leans_on=start.leans_on,
                             published=published))
    return tuple(out)


def _cut(sentence: Sentence, cut: int) -> Sentence:
    """The sentence starting `cut` characters later (still a verbatim span)."""
    if not cut:
        return sentence
    return replace(sentence, start=sentence.start + cut, text=sentence.text[cut:])


def reading_order(candidates: Sequence[Candidate], chosen: Sequence[int]) -> list[int]:
    """Chosen indices in reading order: by source number, then position in it."""
    return sorted(chosen, key=lambda i: (candidates[i].source, candidates[i].sentence.start))




def date_order(candidates: Sequence[Candidate], chosen: Sequence[int]) -> list[int]:
    """Chosen indices by their article's publication date (undated last), then in
    reading order."""
    return sorted(chosen, key=lambda i: (not candidates[i].published,
                                         candidates[i].published, candidates[i].source,
                                         candidates[i].sentence.start))
