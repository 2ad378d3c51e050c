"""Clean: article text -> line-level blocks, each marked body or boilerplate.

Articles copied from web pages carry debris around and inside the story:
navigation strings, photo captions and credits, repeated lines, related-story
teasers with their date lines, newsletter prompts, legal notices, bylines,
author bios, subheads, explainer boxes and the headline itself. This stage
marks that debris; it never deletes anything, so every offset still points
into the original text (`text[block.start:block.end]` is the stripped line).

The package follows the stage's steps (`classify_blocks` composes them):

    lines.py       1. the text's non-blank lines, stripped, with their offsets and gaps
    shapes.py      2. rules on the shape of one line alone, first match wins
    neighbours.py  3. rules on a line's neighbours (headline, captions, teasers,
                      duplicates, author lines, subheads, explainer boxes)
    classify.py    the cascade: `classify_blocks`
    sentence.py    `sentence_boilerplate`: the one-sentence rules (bio, credit, prompt,
                   lone date, byline, legal) for debris glued into a paragraph
    dateline.py    `dateline_end`, `without_dateline`: wire datelines opening a lead
    words.py       word-level tests the rules share (capitals, sentence ends, names)
    thresholds.py  the named thresholds, each with how it was chosen
    patterns.py    the regular expressions, built from the lists where they embed them
    lexicon.py     the word and phrase lists of `data/*.txt`, read once and validated

Every rule looks at a bounded prefix of a line or at whole-line hashes, so the
stage runs in linear time: one 20 MB line is one block, found in one pass.

Thresholds were set on the five demo articles (corpus/pakistan-taliban) and
checked on the DUC 2006 newswire (../shared/eval/duc2006, 1,250 clean
articles), where they mark well under 1% of the text; each constant says how.
"""

from __future__ import annotations

from .classify import classify_blocks
from .dateline import DATELINE, dateline_end, without_dateline
from .sentence import sentence_boilerplate

__all__ = [
    "BOILERPLATE_REASONS",
    "DATELINE",
    "classify_blocks",
    "dateline_end",
    "sentence_boilerplate",
    "without_dateline",
]

# Every reason a block or sentence can be marked boilerplate with (`Block.reason`).
BOILERPLATE_REASONS: frozenset[str] = frozenset({
    "navigation",  # web-page interface strings, link lines, "click here"
    "overlong",  # a "sentence" too long to be one (sentences.MAX_SENTENCE_CHARS)
    "caption",  # photo captions (and their alt-text copies)
    "credit",  # photo credits: "(Name / Agency)", "Name for The Times"
    "duplicate",  # a block repeated (or extended) elsewhere in the article
    "teaser",  # a related-story teaser, found by the date line after it
    "dateline",  # a line that is only a date: "Aug. 11, 2021", "Published ..."
    "newsletter",  # "Sign up for ...", "Get it sent to your inbox"
    "legal",  # copyright, "undesirable organization", "... saving our content"
    "byline",  # "By Emily Schmall", an author's name alone on a line
    "wire",  # a wire service's note to editors: "UPDATES with ...", "(Adds quotes)"
    "bio",  # "<Name> is a visiting scholar at ...", "<Name>, associate professor, ..."
    "subhead",  # a short unpunctuated line between paragraphs
    "title",  # the headline
    "explainer",  # an explainer box: question-led text under a subhead
    "markup",  # a line without a single letter: rules, "-0-", "***"
})

