"""Every threshold of the attributor, in one place, each with the reason for its value.

The windows bound the work per cue, so the stage stays linear in the article however
long a "sentence" is; the others were set by reading the demo corpus and PolNeAR train
(never dev or held-out data) where the attributor erred.
"""

from __future__ import annotations

# ---------------------------------------------------------------- windows around a cue

# Characters left and right of a cue that are looked at: a subject with its
# appositions, a complement's first words. Bounds the work per cue, so a
# megabyte-long "sentence" full of "said" stays linear.
LEFT_WINDOW_CHARS = 600
RIGHT_WINDOW_CHARS = 400
# How far right of a cue its complement is looked for, in tokens.
COMPLEMENT_WINDOW = 16
# How far right of a cue an auxiliary marks a zero-"that" clause ("maintained
# the war in their country is stoked").
CLAUSE_AUX_WINDOW = 8
# How far right of a cue "as"/"to" is looked for ("described the current
# fighting across Afghanistan as ...").
AS_WINDOW = 16
# Characters right of a cue in which ": “" marks a quoted complement.
COLON_QUOTE_WINDOW_CHARS = 150
# Characters right of a cue in which a finite verb before a determiner marks a clause
# ("claims ample evidence, including confessions, supports these accusations").
FINITE_VERB_WINDOW_CHARS = 200
# Characters after a statement noun in which its content opens ("Pence's call for").
CUE_NOUN_LOOKAHEAD_CHARS = 40
# Tokens before "to" + cue in which a verb of persuasion, "be" or "it" makes the
# infinitive no purpose of the subject ("to persuade X to deny", "it isn't hard to say").
PURPOSE_LOOKBACK_TOKENS = 5

# ---------------------------------------------------------------- sizes of phrases

# Tokens of a "told" object kept in the cue ("told German Magazine Der Spiegel").
TELL_OBJECT_MAX_TOKENS = 5
# A subject longer than this (head, before any relative clause) is not a
# subject but a clause.
MAX_SUBJECT_TOKENS = 20
# A plural people subject of an unattributed sentence becomes the antecedent of a
# later "they" only when it is a short noun phrase ending in its head ("The
# central authorities"), at most this many words.
CENTRE_GROUP_MAX_TOKENS = 6
# "..., records show.": a noun-homograph cue closing the sentence after a comma
# takes a subject of at most this many words ("a USA TODAY analysis shows").
INVERTED_SUBJECT_MAX_TOKENS = 5

# ---------------------------------------------------------------- quotes

# A quote of at most this many words inside the narrative is a title or scare quote
# ("called the TPP “insanity,” and"): it is read as narrative, not masked.
SCARE_QUOTE_MAX_WORDS = 2
# A quote of at least this many characters after "Name:" is what the name said.
COLON_QUOTE_MIN_CHARS = 20
# A quote continuation has at most this many narrative words outside quotes ...
CONTINUATION_MAX_NARRATIVE_WORDS = 2
# ... and follows its speaker's sentence within this many paragraphs.
CONTINUATION_MAX_BLOCK_GAP = 1

# ---------------------------------------------------------------- headlines

# A headline in title case ("Trump Says He Will Win"): at least this many words of
# four letters or more, and this share of them capitalised.
HEADLINE_MIN_WORDS = 3
HEADLINE_CAPITALISED_SHARE = 0.75
