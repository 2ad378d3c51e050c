"""Named thresholds of the clean stage, each with how it was chosen.

Words are whitespace-separated tokens. Thresholds were set on the five demo articles
(corpus/pakistan-taliban) and checked on the DUC 2006 newswire (../shared/eval/duc2006,
1,250 clean articles), where the rules mark well under 1% of the text.
"""

from __future__ import annotations

# Lines longer than this are never short-line debris: the longest debris line
# in the demo corpus (the RFE/RL legal notice) has 325 characters and the
# longest caption 229, so 2,000 leaves a wide margin. Shape rules look only at
# lines up to this length, which keeps them cheap on a 20 MB line.
LONG_LINE_CHARS = 2000

# A headline: the demo headlines have 6-12 words; news headlines rarely pass
# 20. It must not end like a sentence (final period, comma, colon).
TITLE_MAX_WORDS = 20
# The headline is looked for among this many leading blocks, skipping
# navigation strings ("Accessibility links", "Breaking News" come before the
# RFE/RL headline as blocks 1 and 2).
TITLE_SEARCH_BLOCKS = 4

# A subhead: the demo subheads have 2-6 words ("Uninterrupted Taliban War
# Effort", "Understand the Taliban Takeover in Afghanistan"); 10 words and 80
# characters keep one-line sentences without a final stop out (on DUC every
# line this rule marks is a section label, list item, table row or wire code).
SUBHEAD_MAX_WORDS = 10
SUBHEAD_MAX_CHARS = 80

# Hard-wrapped text (paragraphs broken into lines) is told by its lines of
# five words or more: in it most end mid-sentence; in the demo and DUC text
# (a paragraph a line) 10% and 2% do (8 of 1,255 files pass, all one-line
# wire files or tables). More than half decides.
WRAP_STYLE_MIN_WORDS = 5
WRAPPED_SHARE = 0.5

# A name alone on a line ("Georgi Asatrian"): two to four name tokens.
NAME_LINE_MIN_TOKENS = 2
NAME_LINE_MAX_TOKENS = 4
# A name line counts as a byline (not a subhead) within this many blocks of
# either end of the article, where author lines sit.
NAME_LINE_EDGE_BLOCKS = 4

# A byline ("By Emily Schmall", "By KATE BEEM Knight Ridder Newspapers"): the
# longest seen in DUC has 6 words; 12 allows two authors and an outlet.
BYLINE_MAX_WORDS = 12

# A photo credit: the demo credits have 2-10 words ("Pakistan Prime Minister
# Office, via Agence France-Presse — Getty Images" is the longest).
CREDIT_MAX_WORDS = 12
# Share of a credit's words that must be capitalised (names, agencies);
# "for", "via", "of" and "the" are exempt. 0.75 keeps "He wrote an op-ed for
# The New York Times" (5 lowercase words of 9) out.
CREDIT_MIN_CAPITALISED = 0.75
# A caption: the demo captions have 14-34 words (credit included); 60 leaves
# room for longer captions and stays below an ordinary paragraph.
CAPTION_MAX_WORDS = 60
# Lines run together (no blank line between) with a credit line that are
# taken as its caption: alt text + caption is the longest group seen (AP).
CAPTION_GROUP_MAX_LINES = 2

# A teaser before a date line: the demo teasers have 7-36 words (a headline,
# or a one- or two-sentence summary); 60 is the caption cap again.
TEASER_MAX_WORDS = 60

# A date line: "Published Aug. 13, 2021 Updated Nov. 1, 2021" is 44 chars;
# 80 allows weekday, time and time zone twice.
DATELINE_MAX_CHARS = 80

# A newsletter prompt: the NYT one has 25 words; a body paragraph that
# mentions signing up is longer or lacks the prompt's imperative.
NEWSLETTER_MAX_WORDS = 60
# Navigation strings and "click here" prompts: short by nature; the demo's
# "To find out more, click here." has 6 words.
NAV_MAX_WORDS = 6
CALL_TO_ACTION_MAX_WORDS = 12
# A link line ("On the Net: http://www.cdc.gov", an e-mail address): DUC
# resource and contact lines have up to 11 words; longer lines with a URL are
# sentences that cite it, and stay body.
LINK_LINE_MAX_WORDS = 12

# Legal notices: the RFE/RL notice paragraph has 53 words; 80 keeps an
# ordinary paragraph that mentions copyright out of the pattern rules.
LEGAL_MAX_WORDS = 80
# Status notices count only in the page header (before a headline can come:
# the first two blocks) or footer (the last four blocks; the RFE/RL notice is
# third from last). A story's lead about such a designation stays body.
LEGAL_HEAD_BLOCKS = 2
LEGAL_TAIL_BLOCKS = 4

# Author bios: the demo bios have 14 and 17 words; 50 allows a two-line bio and
# keeps long paragraphs (which merely mention a professor) out.
BIO_MAX_WORDS = 50

# An explainer box under a subhead opens with a short question ("Who are the
# Taliban?", 4 words) and is one short paragraph (the NYT one has 50 words).
EXPLAINER_QUESTION_MAX_WORDS = 8
EXPLAINER_MAX_WORDS = 100

# Duplicates: blocks shorter than this (normalised characters) are never
# called duplicates, so a repeated "he said." or "Reuters" stays as it is;
# the shortest demo duplicate (the asatrian lead) has 150.
DUP_MIN_CHARS = 40
# A block is compared for a word-prefix only with the distinct blocks sharing
# its first DUP_MIN_CHARS normalised characters, at most this many of them, so
# a file of a million lines with one opening stays linear (no real article
# opens more than a few paragraphs alike).
DUP_GROUP_MAX = 20

# A wire service's note to editors ("UPDATES with minister's comments", "(Adds quotes
# from the mayor, paragraphs 5-7)") is a line of a few words; Reuters' longest run to
# about 15.
WIRE_NOTE_MAX_WORDS = 20
