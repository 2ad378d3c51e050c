"""Attribute: sentences -> who said them (speaker, role, cue, actor, quote).

One `Attribution` per sentence, aligned with the input. A sentence is
attributed when it reports what a source said, claimed, denied, believes or
told someone, or the position a source takes (wants, decided, endorsed, voted
for: attribution as PolNeAR annotates it), or when it is (part of) a quotation
of a source. `cue` is None only for the continuation of a quote whose cue is
in another sentence. Two helpers label cues for the brief:
`cue_carries_meaning(cue)` (a denial, accusation, warning ... worth showing)
and `reports_speech(cue)` (words or beliefs, not a position taken by an act).

Measured with `benchmarks/attribution_polnear.py` (PolNeAR, sentence level) and
`benchmarks/attribution_gold.py` (the demo gold); the lexicons below say where
they come from.

How it works, per article, in one left-to-right pass plus a short second pass:

1. Quotes. Quotation marks are tracked across the sentences of a paragraph
   (ASCII `"`, typographic `“ ”`, newswire ``` `` ... '' ```), so a quote that
   opens in one sentence and closes in the next is one quote. Quoted text is
   masked: cues are only looked for in the narrative around the quotes, so
   `“Bajwa has told interlocutors ...”` inside Rubin's quote stays Rubin's.
   A quote of one or two words inside the narrative (a title or scare quote,
   `the NBC executive in charge of ''Today,'' reminded`) is read as narrative.

2. Cues. A lexicon of reporting verbs (`CUE_VERBS`, inflected by `_verb_forms`),
   "according to", noun cues ("made the outlandish claim that") and stance
   adjectives ("are confident that"). Each verb carries what must follow it
   to count (a clause, "as ...", a quote, ...), which separates "claimed that"
   from "claiming towns", "described X as Y" from "described the scene". The
   verb form must agree with what precedes it ("Taliban have claims" is a
   noun). Cues inside a relative clause ("what he sees as", "who has
   pledged"), after "to" ("to persuade ... to deny"), in the passive ("it can
   be said") or a reduced relative ("the fighters mentioned in this story"),
   after a determiner, number or preposition ("a request for comment") or in
   an if/unless clause do not count. A cue of the main clause wins over one in
   a subordinate clause ("While critics argue ..., Obama has deemed").

   Second tier, tried only when no first-tier cue attributes the sentence:
   the same verbs with looser syntax, and the stance, support and cognition
   verbs of `BROAD_CUE_VERBS` ("wants", "endorsed", "a poll found", "refused
   to say"), stance adjectives ("is critical of"), "made it clear",
   subject relatives ("Sanders, who said"), passives with an agent ("a
   practice criticized by Miller"), participles of documents and people ("a
   statement saying", "voters saying"), gerunds after a preposition ("erred in
   saying"), quantified subjects ("Some say", "About one in five say"). Its
   source must be able to hold a view (`_Attributor._holder`); a negated
   stance ("hasn't condemned") is no statement.

   Last, patterns with no cue verb: a credit line after a quote (`” ― Jane
   Doe`), a name and a verb closing a quote (`“...,” Trump shot back.`), a
   headline colon (`Trump: ...`, `Q: ...`), "To Sharp, ...", "in a CNN poll",
   a possessor and a statement noun ("Pence's call for", "his criticism of").
   Title-case headlines ("Trump Says He Will Win") are read with their cue
   verbs lowercased.

   After all of these, acts (`_Attributor._agent_pass`): the subject of the
   main clause and its finite verb ("Trump didn't apologize for ...", "was
   troubled by"), when the subject can take a position. Marked
   `Attribution.act`: PolNeAR counts them, a who-said-what section does not
   (`is_statement`).

3. Source. The subject left of the cue: the clause after the last quote,
   colon or subordinator, split at commas into a head and its appositions
   ("Shah Mahmood Qureshi, Pakistani foreign minister, warned"), or, after a
   quote or a sentence adverb, the noun phrase right of the cue ("...,” said
   Michael Kugelman, deputy director ..."). "according to X" takes X.
   A participle ("..., accusing Afghanistan of") takes the sentence subject.
   Set adverbials ("have, in fact, praised") and subjectless adverbial clauses
   ("Powell's office, when contacted by Reuters, said") are skipped.
   "I"/"we"/"you" outside quotes are the author and reader: not attributed.

4. Coreference, with a per-article registry of entities:
   * names with titles or appositions anywhere before ("Balochistan Home
     Minister Mir Ziaullah Langove", "Moeed Yusuf, Pakistan's national
     security adviser") give full names and roles; "Langove", "Mr. Khan",
     "Ms. Threlkeld" resolve to the person with that last name, the one whose
     role fits an apposition ("Khan, the prime minister"), else the most
     recently mentioned; outline member aliases are the fallback;
   * "he"/"she" -> the most recent singular person source (or a registered
     person who was the subject of a later sentence); "they" -> the most
     recent group (a source, or the plural people subject of an unattributed
     sentence: "The central authorities were afraid ... They decided");
     "it" -> the most recent organisation or country subject
     ("the T.T.P. appeared ... it claimed"); an unresolved pronoun is kept;
   * "the cleric", "his relative", "The doctor" -> the earlier descriptor
     with the same (or a synonymous) head noun, unless it adds a name ("The
     PPIC poll" after "a new poll" is another poll).

5. Continuations. Sentences of a quote whose cue sits in another sentence of
   the same quote get that quote's source; a sentence that is all quote and
   follows an attributed sentence continues it (cue None); the quotation
   right before a credit line (`― Jane Doe`) is the credited speaker's.

6. Actor, from the outline: member names and aliases first (case-sensitive,
   whole words), then descriptor phrases, then a nationality word together
   with a role word (the pair nearest to each other wins, so "Afghan Taliban
   spokesman" is the Taliban's), then role words of actors without a
   nationality. A speaker that is a country ("Pakistan says") is that
   country's actor. Former/retired/ex- officials speak as commentators and go
   to the analysts actor (see `FORMER_WORDS`), unless a member list says
   otherwise. Descriptors are matched on their head only: "a cleric close to
   the Afghan Taliban" is not the Taliban (`ASSOCIATION_MARKERS`).

No model, no download; every step looks at a bounded window around a cue, so
the stage is linear in the article.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from .models import NO_ATTRIBUTION, Article, Attribution, Sentence
from .outline import Actor

# =========================================================================== lexicons

# What must follow a cue verb for it to count as reporting, checked on the
# masked narrative right of the verb (see `_Attributor._complement_ok`).
_ANY = "any"  # nothing: the verb is unambiguous ("said")
_CLAUSE = "clause"  # "that", a finite clause, or a quote ("maintained the war ... is")
_END = "end"  # after a quote, "that", or nothing ("he added.", "added that")
_AS = "as"  # "as" soon after ("described X as Y", "cast X as Y")
_TO = "to"  # "to"/"with" soon after ("compared X favorably to Y")
_CALL = "call"  # "called on/for", "called X a Y"
_SEE = "see"  # "see X as Y", "sees some chance/risk"
_CLAIM = "claim"  # a clause, "responsibility", "credit", "as", "to"
_DOWN = "down"  # "played down"
_POINT = "point"  # "pointed out", "point to X as ..."
_REPORT = "report"  # anything but "reported from/on ..." (a reporter's credit)
_THAT = "that"  # "that" or a quote right after ("felt that", not "didn't feel well")
_TELL = "tell"  # an addressee or a clause: "told reporters", not "is telling in"
_OBJECT = "object"  # a clause, an -ing form, "as", or a speech noun: "denied the charges"
_AGREE = "agree"  # alone, "that" or "with": "Paradis agrees.", not "agree to work"
_QUOTED = "quoted"  # after a quote or before one: "Issa continued, “Yes."
_QUOTE_NEAR = "quote_near"  # quoted words soon after: "mocked Rubio for “having a tough night”"
_ABOUT = "about"  # "about", "of" or "on" right after: "talked about", "spoke of"
_ON = "on"  # "on" right after: "focused on"
_WH = "wh"  # a clause or a wh-word: "knows what you mean", "wondered whether"
_PARTICLE = "particle"  # one of `VERB_PARTICLES` right after: "voted against", "sided with"

# Reporting verbs (base form) and what must follow them. Speech acts with
# content, stances and characterisations, as in the PolNeAR/PARC cue lists;
# evaluation verbs without content ("condemned", "praised") and persuasion
# ("convince", "persuade") are not cues.
CUE_VERBS: dict[str, str] = {
    # saying and telling
    "say": _ANY, "tell": _TELL, "add": _END, "state": _CLAUSE, "declare": _ANY,
    "announce": _ANY, "write": _ANY, "tweet": _ANY, "explain": _ANY, "note": _ANY,
    "observe": _CLAUSE, "mention": _ANY, "reply": _END, "respond": _END,
    "continue": _QUOTED, "ask": _ANY, "recall": _ANY, "testify": _ANY,
    "read": _QUOTED, "shout": _ANY, "answer": _END, "retort": _ANY, "chant": _QUOTED,
    "conclude": _CLAUSE, "quote": _AS, "yell": _ANY, "exclaim": _ANY, "quip": _ANY,
    "muse": _ANY, "whisper": _ANY, "joke": _END,
    # asserting and claiming
    "claim": _CLAIM, "assert": _ANY, "insist": _ANY, "maintain": _CLAUSE,
    "argue": _ANY, "contend": _ANY, "allege": _ANY, "charge": _THAT,
    "stress": _CLAUSE, "emphasize": _ANY, "emphasise": _ANY, "reiterate": _ANY,
    "repeat": _ANY, "confirm": _CLAUSE, "acknowledge": _ANY, "admit": _ANY,
    "concede": _ANY, "reveal": _CLAUSE, "disclose": _ANY, "indicate": _CLAUSE,
    "show": _CLAUSE, "demonstrate": _CLAUSE, "report": _REPORT, "estimate": _CLAUSE,
    "predict": _ANY, "point": _POINT,
    # denying, countering, agreeing
    "deny": _OBJECT, "dispute": _ANY, "reject": _OBJECT, "dismiss": _OBJECT, "counter": _ANY,
    "rebut": _ANY, "refute": _ANY, "agree": _AGREE, "disagree": _AGREE, "concur": _ANY,
    "echo": _ANY, "downplay": _ANY, "play": _DOWN,
    # accusing, blaming, warning, urging, promising
    "accuse": _ANY, "blame": _ANY, "warn": _ANY, "caution": _CLAUSE, "urge": _ANY,
    "demand": _CLAUSE, "promise": _CLAUSE, "vow": _ANY, "pledge": _ANY,
    "assure": _CLAUSE, "complain": _ANY, "boast": _CLAUSE,
    # characterising
    "describe": _AS, "call": _CALL, "brand": _AS, "rebrand": _AS, "label": _AS,
    "dub": _ANY, "cast": _AS, "portray": _AS, "characterize": _AS,
    "characterise": _AS, "compare": _TO, "hail": _AS, "refer": _AS,
    # evaluating: a report of speech only with quoted words near
    # ("mocked Rubio for “having a tough night”"; not "hasn't condemned atrocities")
    "praise": _QUOTE_NEAR, "mock": _QUOTE_NEAR, "decry": _QUOTE_NEAR,
    "criticize": _QUOTE_NEAR, "criticise": _QUOTE_NEAR, "slam": _QUOTE_NEAR,
    "blast": _QUOTE_NEAR, "ridicule": _QUOTE_NEAR, "thank": _QUOTE_NEAR,
    "bemoan": _QUOTE_NEAR, "lament": _QUOTE_NEAR, "welcome": _QUOTE_NEAR,
    "applaud": _QUOTE_NEAR, "condemn": _QUOTE_NEAR, "tout": _QUOTE_NEAR,
    # believing
    "believe": _ANY, "think": _CLAUSE, "consider": _ANY, "fear": _CLAUSE,
    "hope": _CLAUSE, "expect": _CLAUSE, "doubt": _CLAUSE, "feel": _THAT,
    "worry": _THAT, "see": _SEE, "view": _AS, "regard": _AS,
}

# Stance, support, intention and cognition verbs: a second, broader tier of cues,
# tried only when no cue of `CUE_VERBS` attributes a sentence (see
# `_Attributor._explicit`). PolNeAR (Newell et al. 2018) counts them as
# attribution: "Sanders wants ...", "Cruz endorsed ...", "a poll found ...",
# "the campaign declined to ...". Where they come from: the head words of the
# cue spans of PolNeAR train (first annotator), grouped by lemma, verbs of
# speech, stance, support, intention and cognition with >= 3 cue occurrences
# (the long tail of "made", "took", "gave", "won": generic verbs measured at 36%
# precision in train as a tier of their own, left out); kept when the
# attributions they make in train are right at least half the time (a
# prediction more precise than F1/2 raises F1; "pitch" and "celebrate" fell
# out). Measured with benchmarks/attribution_polnear.py --split train.
BROAD_CUE_VERBS: dict[str, str] = {
    # support and opposition
    "support": _ANY, "endorse": _ANY, "back": _ANY, "oppose": _ANY, "favor": _ANY,
    "favour": _ANY, "defend": _ANY, "advocate": _ANY, "champion": _ANY, "embrace": _ANY,
    "attack": _ANY, "question": _ANY, "challenge": _ANY, "denounce": _ANY, "assail": _ANY,
    "rebuke": _ANY, "chide": _ANY, "deride": _ANY, "rail": _ANY, "lash": _ANY,
    "disavow": _ANY, "apologize": _ANY, "congratulate": _ANY, "credit": _ANY,
    "promote": _ANY, "encourage": _ANY, "threaten": _ANY, "vouch": _ANY,
    # wanting, planning, deciding, refusing
    "want": _ANY, "prefer": _ANY, "seek": _ANY, "plan": _ANY, "propose": _ANY,
    "offer": _ANY, "decline": _ANY, "refuse": _ANY, "decide": _ANY, "aim": _ANY,
    "push": _ANY, "recommend": _ANY, "order": _ANY, "nominate": _ANY,
    # expressing, citing, discussing
    "suggest": _ANY, "cite": _ANY, "express": _ANY, "discuss": _ANY, "talk": _ABOUT,
    "speak": _ABOUT, "focus": _ON, "highlight": _ANY, "underscore": _ANY,
    "reference": _ANY, "invoke": _ANY, "liken": _ANY, "imply": _ANY, "hint": _ANY,
    "outline": _ANY, "detail": _ANY, "list": _ANY, "identify": _ANY, "post": _ANY,
    "retweet": _ANY, "share": _ANY, "release": _ANY, "remark": _ANY, "recount": _ANY,
    "speculate": _ANY, "interject": _ANY, "proclaim": _ANY, "articulate": _ANY,
    "clarify": _ANY, "reaffirm": _ANY, "elaborate": _ANY, "remind": _ANY, "signal": _ANY,
    # finding and knowing
    "find": _ANY, "learn": _WH, "know": _WH, "understand": _WH, "realize": _WH,
    "notice": _WH, "remember": _WH, "wonder": _WH, "imagine": _WH, "guess": _WH,
    "determine": _WH, "recognize": _WH, "envision": _ANY, "posit": _ANY,
    # positions taken by acts of speech or vote
    "vote": _PARTICLE, "side": _PARTICLE, "weigh": _PARTICLE, "lay": _PARTICLE,
    "shrug": _PARTICLE, "balk": _PARTICLE, "open": _PARTICLE,
    "hammer": _ANY, "rip": _ANY, "knock": _ANY, "bash": _ANY, "scold": _ANY, "fault": _ANY,
    "laud": _ANY, "commend": _ANY, "protest": _ANY, "insult": _ANY,
    "tease": _ANY, "float": _ANY, "lobby": _ANY, "press": _PARTICLE,
    "plead": _ANY, "request": _ANY, "appeal": _PARTICLE, "deem": _ANY, "publish": _ANY,
    "email": _ANY, "rule": _WH, "retaliate": _ANY, "opine": _ANY, "relish": _ANY,
    # further forms with >= 3 cue occurrences and >= 30% of their occurrences in a cue
    # span in PolNeAR train (persuasion, "convince"/"persuade", is left out: no statement)
    "issue": _ANY, "voice": _ANY, "address": _ANY, "comment": _ANY, "critique": _ANY,
    "distance": _ANY, "unveil": _ANY, "introduce": _ANY, "dislike": _ANY, "react": _ANY,
    "spar": _ANY, "negotiate": _ANY,
    "opt": _ANY, "brush": _PARTICLE, "allude": _ANY, "acquiesce": _ANY, "coin": _ANY,
    "mull": _ANY, "unleash": _ANY, "trumpet": _ANY, "lambaste": _ANY,
    "contrast": _ANY, "paint": _ANY, "affirm": _ANY, "pivot": _ANY, "single": _PARTICLE,
    "brag": _ANY, "rebuff": _ANY, "utter": _ANY, "dwell": _ANY, "pronounce": _ANY,
    "frame": _ANY, "contradict": _ANY, "contemplate": _ANY, "foresee": _ANY,
    "sound": _PARTICLE,
}

# Particles that make a broad-tier verb a statement of position.
VERB_PARTICLES: dict[str, tuple[str, ...]] = {
    "vote": ("for", "against"), "side": ("with", "against"), "weigh": ("in",),
    "lay": ("out",), "shrug": ("off",), "balk": ("at",), "open": ("up",),
    "press": ("for",), "appeal": ("for", "to"), "single": ("out",), "sound": ("off", "alarm"),
    "brush": ("off", "aside"),
    "talk": ("about", "of", "on"), "speak": ("about", "of", "out"), "focus": ("on",),
}

# Broad-tier verbs that are also common nouns ("support for", "the plan"): in the
# base and -s forms an object, "that", a quote or "to" + verb must follow.
BROAD_NOUN_HOMOGRAPHS = frozenset(
    "support back favor favour attack question challenge credit want plan offer aim push "
    "order talk focus highlight reference hint outline detail list post share release remark "
    "signal find issue voice address comment critique distance react spar brush coin trumpet "
    "contrast paint pivot single frame sound rebuff".split())

# Requirements kept as strict in the broad tier ("told" needs an addressee,
# "reported from" is a byline, "claiming towns" is no claim).
STRICT_IN_BROAD = frozenset({_TELL, _REPORT, _DOWN, _QUOTED, _CLAIM})

# Auxiliaries after which a noun-homograph cue is a verb ("will support", "didn't back").
VERBAL_AUXILIARIES = frozenset(
    "will would can could may might must should shall do does did won't wouldn't can't "
    "couldn't doesn't don't didn't shouldn't 'll 'd".split())

# Prepositions before a gerund cue whose source is the clause's subject ("erred in
# saying", "was suspended after slamming", "by calling").
GERUND_PREPOSITIONS = frozenset(
    "after before in for on without while since from upon despite of when".split())

# Nouns of statements and positions: with a possessor they are a cue whose source
# is the possessor ("Pence's call for", "his criticism of", "her remark that").
# From PolNeAR train cue spans; nouns whose possessor attributions were right
# less than half the time in train are left out ("position", "speech",
# "interview", "response", "words"), and so are "support" and "request", which
# name material help and petitions as often as statements.
CUE_NOUNS = frozenset("""
statement statements remark remarks comment comments claim claims call calls warning warnings
criticism criticisms view views endorsement endorsements proposal proposals promise promises
pledge pledges vow vows argument arguments assertion assertions suggestion suggestions demand
demands decision belief beliefs insistence denial denials accusation accusations opinion
opinions refusal announcement admission explanation description prediction predictions
assessment account opposition testimony allegation allegations complaint complaints plea
objection objections message messages concern concerns fears doubts stance rhetoric tweet tweets
response responses answer answers reply replies reaction position positions pitch slogan
""".split())
# Words that may follow a cue noun for it to report content ("call for", "remark that").
CUE_NOUN_FOLLOWERS = frozenset(
    "of for to that about on against with over as in".split())

# Adjectives and role nouns of stance after "be": "is critical of", "has been a
# dogged defender of", "is skeptical that" (adjectives and role nouns found in
# PolNeAR train cue spans: "eager", "critical", "skeptical", "supporter", ...).
STANCE_ADJECTIVES = frozenset("""
critical skeptical sceptical supportive opposed wary eager confident certain sure convinced
glad happy proud impressed optimistic pessimistic hopeful adamant vocal outspoken unhappy upset
angry furious pleased thrilled disappointed frustrated concerned worried nervous reluctant
unwilling determined committed mum silent enthusiastic dismissive doubtful insistent
""".split())
STANCE_ROLE_NOUNS = frozenset("""
critic defender supporter opponent fan champion proponent advocate skeptic backer foe
""".split())

# Words after "called" that make it a visit or a phone call, not speech.
CALL_NOT_SPEECH = frozenset("in at with off up back by from out home".split())

# Words opening a clause after a cognition verb ("knows what", "wondered whether").
WH_COMPLEMENTIZERS = frozenset("that what how why whether if who when where which".split())

# Heads that carry a reporting participle for the clause's subject: "Trump issued
# a statement saying", "a video showing" (documents and messages).
PARTICIPLE_DOCUMENTS = frozenset("""
statement letter video ad advertisement commercial tweet email e-mail message post release
memo note report poll survey study website site page op-ed column editorial call petition
filing lawsuit complaint speech interview remarks tweet sign placard banner paperwork spot
cover article story headline order ruling
""".split())

# Capitalised adjectives that are no name before a participle ("the Republican
# nominating contest").
PARTY_ADJECTIVES = frozenset(
    "republican democratic democrat gop western southern northern eastern midwestern "
    "conservative liberal progressive".split())

# Sources that hold a view without being people: documents, polls, institutions
# (a broad-tier source must be a person, a name, one of these, or a people noun).
HOLDER_NOUNS = frozenset("""
poll survey study research analysis data record records figure figures number numbers review
investigation probe audit report campaign school city department court chancellery company
firm board union newspaper paper magazine network station website site blog column editorial
ad commercial spot page book document documents filing filings memo letter statement video
tally count results result agency administration committee bureau council panel caucus
coalition organization organisation group party white house team
""".split())

# Heads followed by "of" that keep the "of" phrase in the source: "67 percent of voters".
PARTITIVES = frozenset("""
percent percentage share half third thirds quarter majority minority number most many some
all none one two three four five six several few each any both plurality handful lot bulk
""".split())

# Quantifiers that stand as a subject at the start of a clause: "Some say", "Another notes".
STANDALONE_QUANTIFIERS = frozenset(
    "some many most few several others another both all none each one".split())

# Words opening a subordinate clause: a cue there yields to one in the main clause.
SUBORDINATE_OPENERS = frozenset(
    "while whereas although though when whenever because since if unless as after before "
    "what which who whom that".split())

# Reflexives used for emphasis between a subject and its cue ("Clinton herself has").
INTENSIFIERS = frozenset("himself herself themselves itself myself ourselves".split())

# Irregular participles opening an adverbial clause ("when told", "if chosen").
PARTICIPLE_IRREGULARS = frozenset(
    "told asked shown given taken chosen seen known made held brought caught".split())

# Relative pronouns that are the subject of their clause ("Sanders, who said").
SUBJECT_RELATIVES = frozenset("who which that".split())

# Words that negate a cue: in the broad tier a negated stance ("hasn't condemned",
# "doesn't want") reports no statement.
NEGATIONS = frozenset("not never n't no".split())

# Words controlling a cue infinitive, with the controller's subject as the
# source ("refused to say", "is expected to announce", "are likely to say").
CONTROL_VERBS = frozenset("""
refuse decline want plan promise vow pledge continue begin start try seem appear hope expect
agree threaten intend aim seek fail choose decide like need use prepare tend move rush wait
dare struggle manage go get have take
""".split())
CONTROL_ADJECTIVES = frozenset("""
likely unlikely quick eager willing reluctant able unable ready expected set poised due happy
glad keen hesitant careful sure certain quicker likelier going
""".split())

# Labels before a colon that introduce no speaker ("Update:", "Editor's note:").
COLON_LABELS = frozenset("""
update updated note watch read related breaking exclusive video photo photos source sources
warning correction disclosure advertisement listen also more tags tag via credit credits
image images caption subscribe follow share click contact email edt est pm am date time
latest byline
""".split())

# Verbs that are also common nouns ("the Afghan state", "police reports",
# "a press note"): in the base and -s forms they need a clause or a quote,
# whatever CUE_VERBS says.
NOUN_HOMOGRAPHS = frozenset(
    "state note report claim show answer reply charge estimate demand tweet echo "
    "counter stress dispute".split()
)

# Words before a number that keep a subject a noun phrase ("about half of voters").
APPROXIMATORS = frozenset("about nearly almost roughly around approximately over under".split())

# Degree adverbs before an -ed cue make it an adjective ("very worried").
DEGREE_ADVERBS = frozenset(
    "very so too more most less least increasingly extremely deeply highly".split())

# Number words before a cue make it a noun ("one report obtained by ...").
NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten dozen dozens hundred hundreds thousand "
    "thousands million millions".split())

# Cue verbs that often stand without an object ("said in a statement",
# "agreed on Tuesday"); other past forms followed at once by in/on/at/by
# are read as reduced relatives or passives.
INTRANSITIVE_CUES = frozenset(
    "say add write tell agree disagree reply respond testify complain warn insist concede "
    "explain continue joke shout yell muse whisper argue concur boast tweet read".split())

# Verbs that may precede their subject ("...,” said Michael Kugelman").
INVERTIBLE = frozenset(
    "say add write ask read note continue explain reply insist warn argue observe "
    "concede recall tweet declare announce shout quip answer retort conclude".split()
)

# Irregular inflections: base -> (3rd person singular, past (and participle), ...-ing).
IRREGULAR_FORMS: dict[str, tuple[str, ...]] = {
    "say": ("says", "said", "saying"),
    "tell": ("tells", "told", "telling"),
    "think": ("thinks", "thought", "thinking"),
    "write": ("writes", "wrote", "written", "writing"),
    "read": ("reads", "read", "reading"),
    "see": ("sees", "saw", "seen", "seeing"),
    "cast": ("casts", "cast", "casting"),
    "feel": ("feels", "felt", "feeling"),
    "show": ("shows", "showed", "shown", "showing"),
    "find": ("finds", "found", "finding"),
    "seek": ("seeks", "sought", "seeking"),
    "know": ("knows", "knew", "known", "knowing"),
    "speak": ("speaks", "spoke", "spoken", "speaking"),
    "understand": ("understands", "understood", "understanding"),
    "lay": ("lays", "laid", "laying"),
    "foresee": ("foresees", "foresaw", "foreseen", "foreseeing"),
}

# Verbs that double their final consonant before -ed/-ing (stress on the
# last syllable): "admitted", "dubbed", "rebutted".
DOUBLED_FINAL_CONSONANT = frozenset(
    "admit dub concur rebut regret submit commit refer prefer confer omit compel aver "
    "slam plan spar".split()
)

# A short capitalised head before a colon opening the sentence: "Trump: I'll win",
# "Q: Did you ...", "Paul Ryan: FBI Decision Defies Explanation".
# A day closing a name is when, not who: "Priebus later Thursday told", "Trump on
# Monday night said" (not "a report filed Thursday").
_TRAILING_DAY = re.compile(
    r"(?:\s+(?:early|late|later|earlier|on|last|this|next))*\s+(?:Monday|Tuesday|Wednesday|"
    r"Thursday|Friday|Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?$")
# A reply withheld: "did not immediately respond to", "declined to comment".
_NO_RESPONSE = re.compile(
    r"(?<![\w-])(?:(?:did|does|do|has|have|had|could|would)(?: not|n[’']t)\s+"
    r"(?:immediately\s+|yet\s+)?(?:"
    r"(?:respond|reply)(?:ed)?(?=\s+to\b)"  # "did not respond to"
    r"|(?:respond|reply|return)(?:ed)?(?=\s+(?:a|an|the|his|her|their|several|repeated)\s+"
    r"(?:\w+\s+)?(?:requests?|calls?|messages?|emails?|e-mails?|questions?|inquir\w+)\b)"
    r")|declined to comment)(?![\w-])")
# A quote of at least this many characters after "Name:" is what the name said.
COLON_QUOTE_MIN_CHARS = 20
_COLON_HEAD = re.compile(
    r"\s*((?:[A-Z][\w.’'&-]*\s+){0,3}[A-Z][\w.’'&-]*)\s*:\s+(?=\S)")
# A viewpoint opener: "To Sharp, Trump is ...", "For many Democrats, the decision ...".
_VIEWPOINT = re.compile(r"\s*(To)\s+([^,\x00]{2,60}?),\s+(?=\S)")
# A poll or study as the source: "led ... in a CNN national poll", "in Monday's poll".
_POLL_SOURCE = re.compile(
    r"(?<![\w-])(in|by|In|By)\s+"
    r"((?:a|an|the|this|that|its|his|her|their|last|[A-Z][\w.-]*(?:'s|’s))"
    r"\s+(?:(?!(?:of|to|in|on|for|and)\s)[^\s\x00,;:]+\s+){0,6}?"
    r"(?:poll|survey|study|analysis|tally|count|census))(?![\w-])(?!\s+(?:to|of)\b)")

# "is critical of", "are eager to", "has been a dogged defender of": a stance cue.
@lru_cache(maxsize=1)
def _broad_stance_pattern() -> re.Pattern[str]:
    adjectives = "|".join(sorted(STANCE_ADJECTIVES))
    nouns = "|".join(sorted(STANCE_ROLE_NOUNS))
    return re.compile(
        r"(?<![\w-])(?:is|are|was|were|be|been|remains?|remained|seems?|seemed|appears?|"
        r"appeared|sounded|grew|became)\s+(?:not\s+)?(?:\w+ly\s+)?(?:"
        r"(?:" + adjectives + r")(?=\s+(?:of|to|about|that|with|on|over|in|whether)\b)"
        r"|(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:" + nouns + r")s?(?=\s+of\b))")


# A possessor and a noun of statement: "Pence's call for", "his support for".
@lru_cache(maxsize=1)
def _noun_cue_pattern() -> re.Pattern[str]:
    nouns = "|".join(sorted(CUE_NOUNS, key=len, reverse=True))
    return re.compile(
        r"(?<![\w’'-])((?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.-]*(?:’s|'s|’|')|[Hh]is|[Hh]er|"
        r"[Tt]heir|[Ii]ts)\s+(?:[a-z-]+\s+){0,2}?(" + nouns + r")(?![\w-])")


# A statement noun and its content: "Rubio's response was that ...", "his answer is:".
_CONTENT_COPULA = re.compile(r"\s*(?:was|is|has been|had been)\s*(?:that\b|:|\x00)")
# "made it clear that", "makes the case for": a statement of position.
_MAKE_CLEAR = re.compile(
    r"(?<![\w-])(?:made|makes|make|making)\s+(?:(?:it|very|abundantly|perfectly)\s+)*clear"
    r"(?![\w-])|(?<![\w-])(?:made|makes|make|making)\s+(?:the|a|his|her|their|its)\s+"
    r"(?:[\w-]+\s+)?case(?![\w-])")
# A closing quote and a dash crediting the speaker, closing the sentence:
# "“... our greatest shame.” ― Sonya Herridge".
_DASH_CREDIT = re.compile(
    r"(?:^[\s\x00”\"’']*|\x00\s*|[”\"]\s*)[―—–]\s*"
    r"([A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})"
    r"[.,]?\s*$")
# A credit alone in its sentence: the quotation just before it is the credited one's.
_CREDIT_CUE = "—"
# After a quote, a name and a past or present verb closing the sentence ("“...,” Trump
# shot back.") or the verb first ("“...,” opined the Plain Dealer.").
_QUOTE_THEN_VERB = re.compile(
    r"\s*\x00[\x00\s,]*(?P<np>(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.’'-]*|[Hh]e|[Ss]he|[Tt]hey)"
    r"\s+(?P<v>[a-z]{3,}(?:ed|s)|[a-z]{3,}(?=\s+(?:back|up|out|off)\b))"
    r"(?:\s+(?:back|on|up|out|in|off|again|later|[a-z]+ly|"
    r"[A-Z][a-z]+day))*\s*[.!]?\s*")
_QUOTE_VERB_FIRST = re.compile(
    r"\s*\x00[\x00\s,]*(?P<v>[a-z]{3,}ed)\s+(?P<np>(?:[A-Z][\w.’'-]*\s+){0,3}"
    r"[A-Z][\w.’'-]*)\s*[.!]?\s*")

# "according to X": the source follows.
_ACCORDING_TO = re.compile(r"(?<![\w-])[Aa]ccording to(?![\w-])")

# Noun cues: "made the (outlandish) claim that", "made a statement".
_NOUN_CUE = re.compile(
    r"(?<![\w-])(?:made|makes|make|making)\s+(?:the|a|an|this|that|his|her|their|its|"
    r"several|many|numerous|similar|repeated)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:claim|statement|assertion|allegation|accusation|argument|"
    r"remark|pledge|promise|vow|threat|prediction|admission|denial)s?(?![\w-])"
)

# Stance adjectives with a clause: "are confident that", "is convinced that".
_STANCE_CUE = re.compile(
    r"(?<![\w-])(?:is|are|was|were|remains?|remained|seems?|seemed)\s+(?:not\s+)?"
    r"(?:\w+ly\s+)?"
    r"(?:confident|convinced|certain|sure|adamant|optimistic|pessimistic|hopeful|"
    r"skeptical|sceptical|worried|concerned|afraid|aware)"
    r"(?=\s+(?:that|whether|he|she|they|we|it)\b)"
)

# Objects that make "denied"/"rejected"/"dismissed" a reply to a statement
# ("denied the charges"), not a refusal ("denied bail").
SPEECH_OBJECTS = frozenset("""
claim claims allegation allegations accusation accusations charge charges report reports
rumor rumors rumour rumours idea notion suggestion suggestions criticism criticisms concern
concerns statement statements story stories account accounts assertion assertions
speculation responsibility involvement wrongdoing link links ties role existence
""".split())

# Objects that make "see" a stance: "sees some chance", "sees no reason".
SEE_OBJECTS = frozenset(
    "chance chances hope risk risks danger threat need opportunity sign signs no little "
    "room prospect prospects possibility reason value merit benefit evidence".split()
)

# Verbs before "to" + cue that keep the cue the subject's own statement
# ("He went on to describe"), as a sequence of words before "to".
RAISERS: tuple[tuple[str, ...], ...] = (
    ("went", "on"), ("go", "on"), ("goes", "on"), ("going", "on"),
    ("continued",), ("continues",), ("continue",),
)

# How far right of a cue its complement is looked for, in tokens.
COMPLEMENT_WINDOW = 16
# How far right of a cue an auxiliary marks a zero-"that" clause ("maintained
# the war in their country is stoked").
CLAUSE_AUX_WINDOW = 8
# How far right of a cue "as"/"to" is looked for ("described the current
# fighting across Afghanistan as ...").
AS_WINDOW = 16
# Tokens of a "told" object kept in the cue ("told German Magazine Der Spiegel").
TELL_OBJECT_MAX_TOKENS = 5

# A subject longer than this (head, before any relative clause) is not a
# subject but a clause.
MAX_SUBJECT_TOKENS = 20
# Characters left and right of a cue that are looked at: a subject with its
# appositions, a complement's first words. Bounds the work per cue, so a
# megabyte-long "sentence" full of "said" stays linear.
LEFT_WINDOW_CHARS = 600
RIGHT_WINDOW_CHARS = 400
# A plural people subject of an unattributed sentence becomes the antecedent of a
# later "they" only when it is a short noun phrase ending in its head ("The
# central authorities"), at most this many words.
CENTRE_GROUP_MAX_TOKENS = 6
# "..., records show.": a noun-homograph cue closing the sentence after a comma
# takes a subject of at most this many words ("a USA TODAY analysis shows").
INVERTED_SUBJECT_MAX_TOKENS = 5
# A quote continuation has at most this many narrative words outside quotes.
CONTINUATION_MAX_NARRATIVE_WORDS = 2
# ... and follows its speaker's sentence within this many paragraphs.
CONTINUATION_MAX_BLOCK_GAP = 1

# ------------------------------------------------------------------ word classes

# Auxiliaries and modals, skipped between a subject and its cue ("has long
# maintained"); contracted forms are split off pronouns first (`CLITICS`).
AUXILIARIES = frozenset(
    "is are was were be been being am has have had having will would can could may might "
    "must should shall does do did 's 're 've 'd 'll isn't aren't wasn't weren't hasn't "
    "haven't hadn't won't wouldn't can't couldn't doesn't don't didn't shouldn't "
    "mustn't".split()
)
# Auxiliaries that make a clause finite (not "be", "been", "having").
FINITE_AUXILIARIES = frozenset(
    "is are was were am has have had will would can could may might must should shall does "
    "do did 's 're 've 'd 'll isn't aren't wasn't weren't hasn't haven't hadn't won't "
    "wouldn't can't couldn't doesn't don't didn't shouldn't".split())
# Forms of "be" before a participle: passive ("was told"); "'s" is left out
# because it is "has" as often ("He's predicted").
BE_FORMS = frozenset("is are was were be been being am isn't aren't wasn't weren't".split())
# Forms of "be" before an -ing cue: progressive ("is saying", "He's predicting").
PROGRESSIVE_BE = BE_FORMS | {"'s", "'re"}
# Forms of "have" that a bare participle ("written", "shown") needs to be a verb.
HAVE_FORMS = frozenset("has have had having 've 'd hasn't haven't hadn't".split())
# Clitics split off a pronoun: "He's" -> "He" + "'s".
CLITICS = ("'s", "'re", "'ve", "'d", "'ll")
# Adverbs skipped between a subject and its cue ("has long maintained",
# "Langove, however, denied"); words ending in -ly are adverbs too.
SKIPPABLE_ADVERBS = frozenset(
    "also still long not never always again later then now once even just further "
    "already often repeatedly however though too yet meanwhile nonetheless "
    "nevertheless instead first last previously earlier twice thrice".split()
)
# Words ending in -ly that are not adverbs.
NOT_ADVERBS = frozenset("family italy july ally rally assembly supply reply apply".split())
# Determiners: before a cue word they make it a noun ("a claim", "the report").
DETERMINERS = frozenset(
    "a an the this that these those his her its their our my your no any some every each "
    "another such what which whose".split()
)
# Prepositions: a cue word after one is a noun ("for comment"); a segment
# opened by one is an adverbial ("in a statement on Thursday").
PREPOSITIONS = frozenset(
    "of in on at by for with from about into onto over under after before during since "
    "without within against among amid between through via per than like upon toward "
    "towards across behind beyond despite throughout until near".split()
)
# Conjunctions and sentence adverbs stripped from the start of a subject.
LEADING_FILLERS = frozenset(
    "but and or so yet still however moreover meanwhile furthermore also then thus hence "
    "well now indeed instead besides privately publicly separately similarly likewise "
    "nonetheless nevertheless too though even".split()
)
# Frequent verbs that end a clause-opening noun phrase ("The businessman
# began by ..."); regular -ed forms are recognised without a list.
COMMON_VERBS = frozenset("""
began begin begins made make makes took take takes gave give gives came come comes went go
goes got get gets kept keep keeps sought seek seeks spent spend spends won win wins lost lose
loses led lead leads ran run runs met meet meets left leave leaves brought bring brings became
become becomes stood stand stands held hold holds sent send sends found find finds knew know
knows wants want needs need seems seem appears appear remains remain tries try help helps
helped let lets include includes included
""".split())
# Irregular past forms, for `_Attributor._finite_verb` (regular ones end in -ed).
IRREGULAR_PASTS = frozenset("""
set put cut hit let quit spread bought built caught chose dealt drew drove fell felt fought
flew forgot grew heard hid hung lay lent meant paid rode rose sat shot shut slept sold spoke
spun stole struck swore taught threw understood woke wore wrote broke
""".split())
# A participle and its agent: "imposed by the Consumer Financial Protection Bureau".
_PASSIVE_AGENT = re.compile(r"\b([a-z]{3,}(?:ed|en))\s+by\s+((?:the\s+)?(?:[A-Z][\w.’'&-]*"
                            r"(?:\s+(?:of|for|and)\s+|\s+)?){1,6})")
# -ed/-en words that are not participles of an act ("seen by", "driven by" are kept).
NOT_PARTICIPLES = frozenset("hundred kitten often even seven eleven when then open".split())
# A sentence opening with a name: the capitalised words before the first lowercase one.
_LEADING_NAME = re.compile(r"\s*((?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen)\.\s+)?"
                           r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'.-]+){0,3})\s+(?=[a-z])")
# A short aside between commas after a subject: "it turned out", "he said", "however".
_ASIDE = re.compile(r"(?:it|he|she|they|we|I)\s+\w+(?:\s+\w+)?|however|though|for instance|"
                    r"for example|in fact|of course|meanwhile|too|also|again", re.I)
# Words after a predicate adjective that make it a stance of the subject ("was
# troubled by", "are mindful of", "is eager to"), for `_Attributor._finite_verb`.
STANCE_COMPLEMENTS = frozenset("of with by about to that for".split())
FEELING_COMPLEMENTS = frozenset("of with by about".split())
# Outcomes of a contest: "Clinton won both states" reports a result, not a position
# (PolNeAR train, as a tier of their own: 15 of 204 such sentences attributed).
AGENT_OUTCOMES = frozenset("""
win wins won winning lose loses lost losing lead leads led leading trail trails trailed
finish finishes finished earn earns earned capture captures captured beat beats
""".split())
# Subordinators: the subject starts after the last of them.
SUBORDINATORS = frozenset(
    "because while whereas although though as since if unless until once when whenever "
    "after before".split()
)
# A cue in a clause opened by one of these reports a generic or hypothetical
# event ("if officials say ..."), not a statement.
GENERIC_SUBORDINATORS = frozenset("whenever if unless".split())
# Coordinators: "..., but told city leaders" shares the sentence's subject.
COORDINATORS = frozenset("and but or so yet".split()) | {"and then", "but then"}
# Relative pronouns: a cue right after one is inside a relative clause.
RELATIVE_PRONOUNS = frozenset("who which that whom whose what where".split())
# Subject pronouns, resolved by salience (see `_Attributor._pronoun`).
PERSONAL_PRONOUNS = frozenset("he she they it we i you".split())
# Words before a cue that make it an imperative, with no source.
IMPERATIVE_MARKERS = frozenset("please just let's".split())
# First and second person outside quotes are the author and the reader.
AUTHOR_PRONOUNS = frozenset("i we you".split())
# Object pronouns never start an inverted source ("Just ask him.").
OBJECT_PRONOUNS = frozenset("him her them me us it".split())
# Segments opened by these extend a group descriptor ("Some critics,
# particularly in Afghanistan, accuse").
INCLUDING_WORDS = frozenset(
    "including particularly especially notably mainly mostly chiefly among".split()
)
# Time words: "On Thursday the government said" starts its subject after them.
TIME_WORDS = frozenset(
    "last this next earlier later today yesterday tonight recently month months week weeks "
    "year years day days morning evening night monday tuesday wednesday thursday friday "
    "saturday sunday january february march april may june july august september october "
    "november december jan feb mar apr jun jul aug sep sept oct nov dec spring summer "
    "autumn fall winter alone".split()
)

# Nouns that name a source: people, groups, bodies, documents (singular and
# plural forms are both recognised). Used to find a descriptor's head noun.
SOURCE_NOUNS = frozenset("""
official officer analyst expert observer critic leader minister spokesman spokesmen
spokeswoman spokesperson diplomat cleric preacher imam mullah doctor surgeon physician medic
journalist reporter correspondent editor relative resident villager refugee lawmaker
politician legislator senator general commander fighter militant student teacher scholar
professor researcher director adviser advisor ambassador envoy president governor chief
member source witness activist people person man men woman women family father mother
brother sister son daughter friend neighbor neighbour cousin police policeman authority
authorities government ministry military army agency group party statement report poster
entry entries document letter post message video study survey memo release notice
announcement leaflet organization organisation council commission committee office aide
staff worker employee prosecutor judge lawyer attorney economist historian commentator
insider representative secretary chairman head founder owner candidate voter supporter
opponent delegate negotiator strategist mayor cabinet administration ruler lawmaker critic
""".split())
# Heads naming a document: referred to as "it", never "he".
DOCUMENT_NOUNS = frozenset("""
statement report poster entry entries document letter post message video study survey memo
release notice announcement leaflet tweet
""".split())
# Heads naming an institution (singular, "it").
COLLECTIVE_NOUNS = frozenset("""
government ministry military army agency party organization organisation council commission
committee office cabinet administration group
""".split())
# Plurals without -s.
IRREGULAR_PLURALS = frozenset(
    "people men women police staff spokesmen authorities children".split())
# Partitive heads: the source is the "of" object ("A large number of Pakistanis").
QUANTITY_NOUNS = frozenset("number majority minority handful lot couple series host group".split())
# Quantifiers that stand for a group ("Many in Pakistan see").
GROUP_QUANTIFIERS = frozenset("many some most few several others both all none".split())
# Head nouns that refer to the same person ("The doctor" after "A surgeon").
HEAD_SYNONYMS: tuple[frozenset[str], ...] = (
    frozenset({"doctor", "surgeon", "physician", "medic"}),
    frozenset({"journalist", "reporter", "correspondent"}),
    frozenset({"cleric", "mullah", "imam", "preacher"}),
    frozenset({"official", "officer"}),
)

# Nouns that make an apposition a role ("Pakistani foreign minister",
# "a former Pakistani diplomat"); the outline's role words are added.
ROLE_NOUNS = frozenset("""
minister president official spokesman spokeswoman spokesperson director expert analyst
diplomat adviser advisor ambassador envoy general commander chief leader secretary governor
member refugee professor scholar researcher fellow commentator journalist editor head chairman
chairwoman chair representative senator lawmaker legislator officer warlord cleric mayor deputy
strategist economist historian lawyer attorney judge resident founder executive predecessor
successor aide negotiator correspondent activist candidate premier chancellor king queen
prince emir mufti commissioner inspector colonel lieutenant captain admiral sergeant
""".split())

# Capitalised words that are titles before a name, never part of it.
TITLE_WORDS = frozenset("""
President Vice Prime Minister Premier Chancellor Secretary General Gen. Gen Lt. Lt Lieutenant
Col. Col Colonel Maj. Maj Major Capt. Capt Captain Adm. Admiral Sgt. Gov. Gov Governor Sen.
Sen Senator Rep. Rep Representative Ambassador Amb. Judge Justice Chief Deputy Foreign
Interior Home Defense Defence Finance Information Commander Mr. Mr Mrs. Mrs Ms. Ms Miss Dr. Dr
Prof. Prof Professor Sir Lord King Queen Prince Princess Speaker Mayor Attorney Inspector
Director Chairman Spokesman Army Field Marshal Air Marshal Brig. Brigadier Former Then
""".split())
# Courtesy titles: dropped from roles; they give the gender.
COURTESY_TITLES = {"Mr.": "m", "Mr": "m", "Mrs.": "f", "Mrs": "f", "Ms.": "f", "Ms": "f",
                   "Miss": "f", "Dr.": None, "Dr": None, "Prof.": None, "Sir": "m"}
# Military ranks: dropped from the end of a role that names a post already
# ("Pakistan army chief General" -> "Pakistan army chief").
RANK_TITLES = frozenset(
    "General Gen. Gen Lt. Lt Lieutenant Col. Col Colonel Maj. Maj Major Capt. Capt Captain "
    "Adm. Admiral Sgt. Brig. Brigadier Field Marshal".split()
)
# Lowercase particles inside names ("Osama bin Laden", "Sami ul-Haq").
NAME_PARTICLES = frozenset("bin ibn ul al el de da di van von der den la le abu".split())
# Words that make a capitalised run an organisation or place, not a person.
ORG_WORDS = frozenset("""
Center Centre Institute University College School Times Press Post News Party Council
Department Ministry Office Agency Army Forces Force Taliban Emirate Shura Province District
City Radio Magazine Network Group Committee Commission Parliament Congress Senate Assembly
Bank Fund Organization Organisation Union Nations States Kingdom Republic Court Police
Service Services Intelligence Directorate Program Programme Foundation Association Movement
Front Alliance League Corps Command Navy Brigade Company Corporation Inc. Ltd. Airlines
Museum Hospital Mosque Madrassa Endowment International Times Journal Review Channel
Television TV Agence Reuters AP AFP BBC CNN House Pentagon Kremlin Cabinet Government
Line Pass Valley River Mountains Sea Ocean Gulf Street Road Square Airport Bazaar Village
Shah-e
""".split()) - {"Shah-e"}
# Countries, capitals and demonyms commonly speaking in news ("Pakistan says",
# "Washington warned"); the outline's nationality words are added. A speaker
# that is one of these is a country, not a person.
COUNTRY_WORDS = frozenset("""
Afghanistan Afghan Afghans Pakistan Pakistani Pakistanis India Indian Indians China Chinese
Russia Russian Russians Iran Iranian Iranians Iraq Iraqi Syria Syrian Turkey Turkish Qatar
Qatari Saudi Arabia Arabian Israel Israeli Palestine Palestinian Egypt Egyptian Ukraine
Ukrainian Britain British Germany German France French Japan Japanese Korea Korean America
American Americans U.S. US U.K. UK EU Europe European Uzbekistan Tajikistan Turkmenistan
Kabul Islamabad Washington Moscow Beijing Tehran Delhi New Doha London Paris Berlin Brussels
Tokyo Ankara Riyadh Kandahar Quetta Peshawar Rawalpindi Karachi Lahore Balochistan Herat
Kashmir Tashkent United Soviet Western Eastern Arab Muslim
""".split())
# US states and their AP abbreviations: the second part of "City, State," ("in St.
# Clairsville, Ohio, Brenda Johnson said"), a place and not a source.
US_STATES = frozenset("""
Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia
Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts
Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon
Pennsylvania Tennessee Texas Utah Vermont Virginia Washington Wisconsin Wyoming
Ala. Ariz. Ark. Calif. Colo. Conn. Del. Fla. Ga. Ill. Ind. Kan. Ky. La. Md. Mass. Mich.
Minn. Miss. Mo. Mont. Neb. Nev. N.H. N.J. N.M. N.Y. N.C. N.D. Okla. Ore. Pa. R.I. S.C. S.D.
Tenn. Vt. Va. Wash. W.Va. Wis. Wyo. D.C.
""".split()) | {"New Hampshire", "New Jersey", "New Mexico", "New York", "North Carolina",
                "North Dakota", "Rhode Island", "South Carolina", "South Dakota", "West Virginia"}
# Capitalised words that open a sentence but are not names.
COMMON_CAPS = frozenset("""
a an the this that these those his her its their our my your some many most few several
two three four five one another other both all each every no any senior former retired past
top local independent western eastern foreign international unnamed anonymous prominent
powerful new old still but and or so yet however moreover meanwhile still privately publicly
while when as after before since if although though because once even also then there here
it he she they we i you in on at by for with from of to last next earlier later
more less fewer nearly almost about only just half twenty thirty forty fifty sixty seventy
eighty ninety monday tuesday wednesday thursday friday saturday sunday
""".split()) | NUMBER_WORDS

# Words marking a speaker who no longer holds the post in the role.
FORMER_WORDS = re.compile(r"(?<![\w-])(?:former|retired|ex-|erstwhile|onetime|one-time)",
                          re.IGNORECASE)
# Posts that a former/retired speaker held as an official: such a speaker is
# a commentator now (when no outline member says otherwise).
FORMER_OFFICIAL_ROLES = frozenset("""
minister official diplomat ambassador general officer president governor adviser advisor
spokesman commander chief secretary envoy premier lieutenant colonel admiral
""".split())
# Role words that identify the actor taking commentators (former officials):
# the first outline actor with one of these among its roles or descriptors.
COMMENTATOR_ROLES = ("analyst", "analysts", "commentator", "expert", "experts", "observers")
# Phrases after which a descriptor names someone else: "a cleric close to
# the Afghan Taliban" is matched to actors on "a cleric" only.
ASSOCIATION_MARKERS = re.compile(
    r"\s(?:close to|closer to|linked to|tied to|allied with|aligned with|affiliated with|"
    r"sympathetic to|loyal to|familiar with|opposed to|near|who|whom|whose|which|that|"
    r"because|critical of)\s",
    re.IGNORECASE,
)

@lru_cache(maxsize=1)
def _title_name_pattern() -> re.Pattern[str]:
    """A title word followed by two or more capitalised name words."""
    titles = sorted(TITLE_WORDS - set(COURTESY_TITLES) - {"Former", "Then"}, key=len, reverse=True)
    particles = "|".join(sorted(NAME_PARTICLES))
    name_word = r"(?:[A-Z][\w’'-]*\.?|" + particles + r")"
    return re.compile(
        r"(?<![\w.])((?:" + "|".join(re.escape(w) for w in titles) + r"))"
        r"\s+(" + name_word + r"(?:\s+" + name_word + r")+)"
    )


# "Name Surname, role words," anywhere in a sentence: a person and a role.
_APPOSITION = re.compile(
    r"(?<![\w’'])((?:[A-Z][\w’'-]+\s+){1,3}[A-Z][\w’'-]+), ([^,\x00]{3,90}),")

# Characters that open a new clause for subject search.
_CLAUSE_BOUNDARY = ";:\x00"
# A quote of at most this many words inside the narrative is a title or scare quote
# ("called the TPP “insanity,” and"): it is read as narrative, not masked.
SCARE_QUOTE_MAX_WORDS = 2
_QUOTE_MARK = re.compile(r"[“”\"]|``|''")
# Set adverbials between commas, dropped before a subject is looked for ("U.S.
# officials have, in fact, praised"; "Rogers, for example, said").
_PARENTHETICAL_ADVERBIAL = re.compile(
    r",\s+(?:in fact|however|for example|for instance|of course|in turn|too|though|"
    r"meanwhile|nonetheless|nevertheless|in addition|in particular|at least|at the time|"
    r"in other words|as well|by contrast|in response|once again|again|then|also|instead|"
    r"indeed|moreover|in short|in part|in effect|in general|on the other hand|for his part|"
    r"for her part|for their part|for its part|like (?:him|her|them)|himself|herself|"
    r"themselves|itself),(?=\s)")
# A comma closing a scare quote: 'time,"' ends a clause like 'time,'.
_CLOSING_QUOTE_AFTER_COMMA = re.compile(r",(?:[\"”’']|'')+$")
# Stands in for every character of quoted text in the masked narrative.
_MASK = "\x00"


# =========================================================================== data


@dataclass
class _Entity:
    """A source in one article: a person, a group, an organisation or a document."""

    name: str  # full name or descriptor as written
    kind: str  # "person" | "group" | "org" | "document"
    named: bool = False  # a person's name (not a descriptor)
    role: str | None = None
    head: str | None = None  # head noun of a descriptor, lowercase singular
    gender: str | None = None  # "m" | "f" | None
    last_seen: int = -1


@dataclass
class _Found:
    """An explicit attribution found in one sentence."""

    entity: _Entity
    cue: str | None
    role: str | None = None  # role stated in this sentence (apposition/title)
    act: bool = False  # a position taken by an act, found by `_agent_pass`


@dataclass
class _Parsed:
    masked: str  # sentence text with quoted spans replaced by _MASK
    has_quote: bool  # carries quoted words
    starts_open: bool  # begins inside a quote opened earlier
    ends_open: bool  # ends inside a quote that continues
    narrative_words: int  # words outside quotes
    quoted_words: int  # words inside quotes


@dataclass
class _Cue:
    start: int
    end: int
    base: str  # CUE_VERBS key, or "according to" / "noun" / "stance"
    tag: str  # "base" | "3sg" | "past" | "ing" | "fixed"
    text: str


@dataclass
class _State:
    """Salience for pronouns: the latest entity of each kind and its sentence."""

    person: _Entity | None = None
    group: _Entity | None = None
    thing: _Entity | None = None
    thing_index: int = -1
    subject_org: _Entity | None = None
    subject_org_index: int = -1


# =========================================================================== inflection


def _regular_forms(base: str) -> tuple[str, str, str]:
    vowels = "aeiou"
    if base in DOUBLED_FINAL_CONSONANT:
        stem = base + base[-1]
    else:
        stem = base
    if base.endswith(("s", "sh", "ch", "x", "z", "o")):
        third = base + "es"
    elif base.endswith("y") and base[-2] not in vowels:
        third = base[:-1] + "ies"
    else:
        third = base + "s"
    if base.endswith("e"):
        past, ing = base + "d", base[:-1] + "ing"
    elif base.endswith("y") and base[-2] not in vowels:
        past, ing = base[:-1] + "ied", base + "ing"
    else:
        past, ing = stem + "ed", stem + "ing"
    return third, past, ing


@lru_cache(maxsize=1)
def _verb_forms() -> dict[str, tuple[str, str]]:
    """Every inflected form of every cue verb -> (base, tag)."""
    forms: dict[str, tuple[str, str]] = {}
    for base in (*CUE_VERBS, *BROAD_CUE_VERBS):
        forms[base] = (base, "base")
        if base in IRREGULAR_FORMS:
            irregular = IRREGULAR_FORMS[base]
            forms.setdefault(irregular[0], (base, "3sg"))
            forms.setdefault(irregular[1], (base, "past"))
            for form in irregular[2:-1]:
                forms.setdefault(form, (base, "pp"))  # "written", "seen", "shown"
            forms.setdefault(irregular[-1], (base, "ing"))
        else:
            third, past, ing = _regular_forms(base)
            forms.setdefault(third, (base, "3sg"))
            forms.setdefault(past, (base, "past"))
            forms.setdefault(ing, (base, "ing"))
    return forms


@lru_cache(maxsize=1)
def _strict_verb_forms() -> dict[str, tuple[str, str]]:
    """The forms of `CUE_VERBS` only (the first tier), for telling clauses from noun phrases."""
    return {form: v for form, v in _verb_forms().items() if v[0] in CUE_VERBS}


# A lowercase word: a cue verb is looked up in `_verb_forms` (lowercase only: "States",
# "Post" are names; hyphen-joined words are not verbs).
_LOWER_WORD = re.compile(r"(?<![\w’'-])[a-z]+(?![\w-])")


# Verbs whose object, not subject, does what the infinitive says ("persuade Pakistani
# authorities to deny"): a cue after them is no statement of the subject's.
OBJECT_CONTROL_VERBS = frozenset("""
persuade convince urge ask force pressure prompt require allow encourage push lead get tell
press order invite want expect need help challenge call dare cause compel
""".split())


@lru_cache(maxsize=1)
def _object_control_words() -> frozenset[str]:
    """Every form of `OBJECT_CONTROL_VERBS`."""
    words: set[str] = set()
    irregular = {"lead": ("leads", "led", "leading"), "get": ("gets", "got", "getting"),
                 "tell": ("tells", "told", "telling")}
    for base in OBJECT_CONTROL_VERBS:
        words.add(base)
        words.update(irregular.get(base, ()) or _regular_forms(base))
    return frozenset(words)


@lru_cache(maxsize=1)
def _control_words() -> frozenset[str]:
    """Every form of `CONTROL_VERBS`, and `CONTROL_ADJECTIVES`."""
    words = set(CONTROL_ADJECTIVES)
    irregular = {"begin": ("begins", "began", "begun", "beginning"), "go": ("goes", "went"),
                 "get": ("gets", "got"), "have": ("has", "had"), "take": ("takes", "took")}
    for base in CONTROL_VERBS:
        words.add(base)
        words.update(irregular.get(base, ()) or _regular_forms(base))
    return frozenset(words)


# A headline in title case ("Trump Says He Will Win"): at least this many words of
# four letters or more, and this share of them capitalised.
HEADLINE_MIN_WORDS = 3
HEADLINE_CAPITALISED_SHARE = 0.75


def _headline_verbs(masked: str) -> str:
    """A title-case headline with its capitalised cue verbs lowercased ("Trump Says" ->
    "Trump says"); same length, so offsets hold. Other sentences are returned as they are."""
    words = re.findall(r"(?<![\w’'-])[^\W\d_][\w’'-]{3,}", masked)
    if len(words) < HEADLINE_MIN_WORDS:
        return masked
    if sum(w[0].isupper() for w in words) < HEADLINE_CAPITALISED_SHARE * len(words):
        return masked
    forms = _verb_forms()

    def lower(m: re.Match[str]) -> str:
        word = m.group()
        entry = forms.get(word.lower())
        if m.start() == 0 or entry is None or entry[1] not in ("3sg", "past"):
            return word
        return word.lower()
    return re.sub(r"(?<![\w’'-])[A-Z][a-z]+(?![\w’'-])", lower, masked)


# =========================================================================== small helpers

# A token of masked text (quoted spans split tokens); punctuation trimmed from words.
_TOKEN = re.compile(r"[^\s\x00]+")
_PUNCT = ",.;:!?()[]\"“”‘’'`«»"


def _bare(token: str) -> str:
    return token.strip(_PUNCT)


@lru_cache(maxsize=65536)
def _lower_bare(token: str) -> str:
    if token in CLITICS:
        return token
    word = _bare(token).lower().replace("’", "'")
    if word.endswith("n't"):
        return word
    for suffix in ("’s", "'s"):
        if word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _split_clitics(tokens: list[str]) -> list[str]:
    """ "He’s predicting" -> "He", "'s", "predicting" (pronouns only: "Pakistan’s" stays)."""
    out: list[str] = []
    for tok in tokens:
        norm = tok.replace("’", "'")
        m = re.fullmatch(r"(he|she|it|that|who|there|they|we|i|you)('s|'re|'ve|'d|'ll)",
                         norm, re.IGNORECASE)
        if m:
            out.extend([tok[:len(m.group(1))], m.group(2).lower()])
        else:
            out.append(tok)
    return out


def _norm(text: str) -> str:
    """Apostrophes and quotes made ASCII, spaces collapsed: for matching."""
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.split())


def _is_cap(token: str) -> bool:
    word = _bare(token)
    return bool(word) and word[0].isupper()


def _is_possessive(token: str) -> bool:
    word = token.rstrip(",.;:)")
    return word.endswith(("’s", "'s", "s’", "s'"))


# Tokens ending in "." that do not end a clause: titles, initials, "U.S.".
_ABBREVIATION = re.compile(r"(?:[A-Z][a-z]{0,3}|(?:[A-Za-z]\.)+[A-Za-z]?|[A-Z])\.")


def _clause_prefix(text: str) -> str:
    """Text up to the first ";", ":" or sentence-final "." that ends a word."""
    out: list[str] = []
    for tok in text.split():
        if tok.endswith((";", ":")):
            out.append(tok[:-1])
            break
        if tok.endswith((".", "!", "?")) and not _ABBREVIATION.fullmatch(tok):
            out.append(tok[:-1])
            break
        out.append(tok)
    return " ".join(out)


# A finite lexical verb opening a zero-"that" clause is guessed from an -s/-ed
# word of four letters or more followed by a determiner ("claims ample
# evidence, including confessions and videos, supports these accusations").
_VERB_BEFORE_DETERMINER = re.compile(
    r"(?<![\w’'-])([a-z]{2,}(?:s|ed))\s+(?:the|a|an|these|those|this|its|their|his|her|our|"
    r"my|your)(?![\w-])")
NOT_FINITE_S_ED = frozenset(
    "this his its has was does goes thus plus less unless across whereas perhaps always "
    "sometimes towards afterwards besides news series species ones yes".split())


def _finite_verb_before_determiner(text: str) -> bool:
    return any(len(m.group(1)) >= 4 and m.group(1) not in NOT_FINITE_S_ED
               for m in _VERB_BEFORE_DETERMINER.finditer(text))


def _drop_if_before_cue(m: re.Match[str]) -> str:
    """A set adverbial between commas is dropped when only auxiliaries and adverbs follow
    it before the cue ("officials have, in fact, praised"), else kept."""
    rest = m.string[m.end():].split()
    if all(_lower_bare(t) in AUXILIARIES or _lower_bare(t) in SKIPPABLE_ADVERBS
           or _lower_bare(t).endswith("ly") for t in rest):
        return " "
    return m.group()


def _skip_adverbs(right: str) -> str:
    """The text right of a cue without the adverbs opening it ("again for" -> "for")."""
    pos = 0
    for m in re.finditer(r"\s*([a-z]+)", right):
        if m.start() != pos:
            break
        word = m.group(1)
        if word in SKIPPABLE_ADVERBS or (word.endswith("ly") and len(word) > 3
                                         and word not in NOT_ADVERBS):
            pos = m.end()
            continue
        break
    return right[pos:]


def _strip_full_stop(text: str) -> str:
    """`text` without a closing full stop, kept when it ends an initialism ("the T.T.P.",
    "U.S.") or a short abbreviation ("Jr.")."""
    if re.search(r"(?:\b[A-Z]\.){2,}$|\b(?:Jr|Sr|Inc|Co|Corp|Ltd)\.$", text):
        return text
    return text.rstrip(".")


def _drop_parentheticals(text: str) -> str:
    return re.sub(r"\s*\([^()]*\)", "", text)


@lru_cache(maxsize=4096)
def _phrase_re(phrase: str, ignore_case: bool, plural: bool) -> re.Pattern[str]:
    body = re.escape(_norm(phrase))
    if plural:
        body += r"(?:s|es)?"
    return re.compile(r"(?<![\w])" + body + r"(?![\w])", re.IGNORECASE if ignore_case else 0)


def _singular(word: str) -> str:
    if word in IRREGULAR_PLURALS:
        return {"people": "person", "men": "man", "women": "woman", "spokesmen": "spokesman",
                "children": "child", "authorities": "authority"}.get(word, word)
    if word.endswith("ies") and word[:-3] + "y" in SOURCE_NOUNS:
        return word[:-3] + "y"
    if word.endswith("s") and word[:-1] in SOURCE_NOUNS:
        return word[:-1]
    return word


def _is_plural(word: str) -> bool:
    return word in IRREGULAR_PLURALS or (word != _singular(word))


def _strip_leading_fillers(tokens: list[str]) -> list[str]:
    """Drop conjunctions, sentence adverbs and time phrases opening a subject."""
    i = 0
    while i < len(tokens):
        word = _lower_bare(tokens[i])
        if word in LEADING_FILLERS or (word.endswith("ly") and word not in NOT_ADVERBS
                                        and len(word) > 3 and i + 1 < len(tokens)):
            i += 1
            continue
        if word in PREPOSITIONS | {"last", "this", "next", "on", "in"} and i + 1 < len(tokens):
            # a time phrase: "On Thursday", "In March", "Last month"
            j = i + 1 if word in PREPOSITIONS else i
            k = j
            while k < len(tokens) and (_lower_bare(tokens[k]) in TIME_WORDS
                                       or _bare(tokens[k]).isdigit()):
                k += 1
            if k > j and k < len(tokens):
                i = k
                continue
        break
    return tokens[i:]


# =========================================================================== quotes


_QUOTE_CHARS = re.compile(r"``|''|[“”\"]")
_WORD_2 = re.compile(r"[^\W\d_]{2,}")
_LETTER = re.compile(r"[^\W\d_]")


def _parse_quotes(text: str, starts_open: bool) -> _Parsed:
    """Mask quoted spans; a quote may start before and end after the sentence."""
    regions: list[tuple[int, int]] = []
    in_quote = starts_open
    start = 0
    n = len(text)
    for m in _QUOTE_CHARS.finditer(text):
        i, mark = m.start(), m.group()
        if mark == "``":
            if not in_quote:
                in_quote, start = True, i
        elif mark == "''":
            if in_quote:
                regions.append((start, i + 2))
                in_quote = False
            elif i + 2 < n and not text[i + 2].isspace():
                in_quote, start = True, i  # archive style opens with '' as well
        elif mark == "“":
            if not in_quote:
                in_quote, start = True, i
        elif mark == "”":
            if in_quote:
                regions.append((start, i + 1))
                in_quote = False
            else:  # closing mark with its opener lost: quote from the last boundary
                regions.append((regions[-1][1] if regions else 0, i + 1))
        elif in_quote:  # '"'
            regions.append((start, i + 1))
            in_quote = False
        else:
            in_quote, start = True, i
    ends_open = in_quote
    if in_quote:
        regions.append((start, n))
    pieces: list[str] = []
    quoted_words = narrative_words = 0
    last = 0
    for s, e in regions:
        words = len(_WORD_2.findall(text, s, e))
        quoted_words += words
        narrative_words += len(_WORD_2.findall(text, last, s))
        pieces.append(text[last:s])
        last = e
        if (words <= SCARE_QUOTE_MAX_WORDS and e < n and s > 0 and (s, e) != (start, n)
                and _LETTER.search(text, 0, s) and not starts_open):
            # a title or scare quote inside the narrative ("the NBC executive in charge
            # of ''Today,'' reminded"): read as narrative, marks and all
            pieces.append(text[s:e])
            continue
        pieces.append(_MASK * (e - s))
    narrative_words += len(_WORD_2.findall(text, last))
    pieces.append(text[last:])
    masked = "".join(pieces)
    return _Parsed(masked=masked, has_quote=quoted_words > 0, starts_open=starts_open,
                   ends_open=ends_open, narrative_words=narrative_words,
                   quoted_words=quoted_words)


# =========================================================================== the attributor


class _Attributor:
    def __init__(self, actors: tuple[Actor, ...]) -> None:
        self.actors = actors
        self.persons: list[_Entity] = []
        self.by_last: dict[str, list[_Entity]] = {}
        self.by_token: dict[str, list[_Entity]] = {}
        self.full: dict[str, _Entity] = {}
        self.descriptors: dict[tuple[str, bool], _Entity] = {}  # (head, group) -> latest
        self.orgs: dict[str, _Entity] = {}
        self.proper: set[str] = set()
        self.state = _State()
        self.index = 0
        self.nationality = frozenset(COUNTRY_WORDS | {
            w for a in actors for n in a.nationality for w in n.split()})
        self.role_words = frozenset(ROLE_NOUNS | {
            w.lower() for a in actors for r in a.roles for w in r.split()})
        self.commentator = next(
            (a.id for a in actors
             if any(r.lower() in COMMENTATOR_ROLES for r in (*a.roles, *a.descriptors))),
            None,
        )
        self._actor_cache: dict[tuple[str, str, bool], str | None] = {}
        # the named person opening the current sentence (False: not looked for yet)
        self._lead: _Entity | None | bool = None
        self._lead_plural: _Entity | None | bool = False
        self._lead_text = ""
        self._verb_cues: tuple[str, list[_Cue]] | None = None  # (masked, its verb cues)

    # ------------------------------------------------------------------ main

    def run(self, sentences: tuple[Sentence, ...]) -> tuple[Attribution, ...]:
        n = len(sentences)
        # words capitalised inside a sentence somewhere in the article: proper names, as
        # opposed to common words capitalised only because they open one ("Pressure")
        self.proper = {_bare(w) for s in sentences if not s.boilerplate
                       for w in s.text.split()[1:] if _is_cap(w)}
        parsed: list[_Parsed | None] = [None] * n
        found: list[_Found | None] = [None] * n
        open_quote = False
        for i, sentence in enumerate(sentences):
            if i == 0 or sentences[i - 1].block != sentence.block:
                open_quote = False
            p = _parse_quotes(sentence.text, open_quote)
            open_quote = p.ends_open
            parsed[i] = p
            if sentence.boilerplate:
                continue
            self.index = i
            found[i] = self._explicit(p)
            if found[i] is None:
                self._centre(p)
        return self._assemble(sentences, parsed, found)

    def _assemble(self, sentences: tuple[Sentence, ...], parsed: list[_Parsed | None],
                  found: list[_Found | None]) -> tuple[Attribution, ...]:
        n = len(sentences)
        # quote runs: sentences of one paragraph joined by a quote left open
        run_of = list(range(n))
        for i in range(1, n):
            p_prev = parsed[i - 1]
            if (p_prev is not None and p_prev.ends_open
                    and sentences[i].block == sentences[i - 1].block):
                run_of[i] = run_of[i - 1]
        size: dict[int, int] = {}
        explicit: dict[int, list[int]] = {}  # run -> sentences with their own cue, in order
        for i in range(n):
            size[run_of[i]] = size.get(run_of[i], 0) + 1
            if found[i] is not None:
                explicit.setdefault(run_of[i], []).append(i)

        result: list[tuple[_Found, bool] | None] = [None] * n  # (found, is_continuation)
        previous_body: int | None = None
        for i, sentence in enumerate(sentences):
            p = parsed[i]
            assert p is not None
            if sentence.boilerplate:
                continue
            if found[i] is not None:
                result[i] = (found[i], False)
            else:
                cued = explicit.get(run_of[i], [])
                if size[run_of[i]] > 1 and cued:
                    at = bisect.bisect_left(cued, i)
                    near = [k for k in cued[max(0, at - 1):at + 1]]
                    nearest = min(near, key=lambda k: (abs(k - i), k))
                    result[i] = (found[nearest], True)  # type: ignore[arg-type]
                elif (run_of[i] != i and result[i - 1] is not None
                      and not sentences[i - 1].boilerplate):
                    result[i] = (result[i - 1][0], True)  # type: ignore[index]
                elif (previous_body is not None and result[previous_body] is not None
                      and p.quoted_words > 0
                      and p.narrative_words <= CONTINUATION_MAX_NARRATIVE_WORDS
                      and sentence.block - sentences[previous_body].block
                      <= CONTINUATION_MAX_BLOCK_GAP):
                    result[i] = (result[previous_body][0], True)  # type: ignore[index]
            previous_body = i

        # "“...” ― Sonya Herridge": a credit line gives its speaker to the quotation
        # right before it (sentences that are all quote, no attribution of their own)
        for i in range(n):
            if found[i] is None or found[i].cue != _CREDIT_CUE:  # type: ignore[union-attr]
                continue
            k = i - 1
            while k >= 0 and (result[k] is None or result[k][1]) \
                    and not sentences[k].boilerplate:  # a credit beats a guessed continuation
                pk = parsed[k]
                if (pk is None or not pk.has_quote
                        or pk.narrative_words > CONTINUATION_MAX_NARRATIVE_WORDS
                        or sentences[i].block - sentences[k].block > CONTINUATION_MAX_BLOCK_GAP):
                    break
                result[k] = (found[i], True)  # type: ignore[assignment]
                k -= 1

        out: list[Attribution] = []
        for i, sentence in enumerate(sentences):
            entry = result[i]
            if sentence.boilerplate or entry is None:
                out.append(NO_ATTRIBUTION)
                continue
            f, continuation = entry
            entity = f.entity
            role = f.role or entity.role
            out.append(Attribution(
                speaker=entity.name,
                speaker_role=role,
                cue=None if continuation else f.cue,
                actor=self._actor(entity, role),
                quote=bool(parsed[i] and parsed[i].has_quote),  # type: ignore[union-attr]
                act=f.act and not continuation,
            ))
        return tuple(out)

    # ------------------------------------------------------------------ cues

    def _cues(self, masked: str, broad: bool = False) -> list[_Cue]:
        if self._verb_cues is None or self._verb_cues[0] is not masked:
            forms = _verb_forms()
            found = []
            for m in _LOWER_WORD.finditer(masked):
                entry = forms.get(m.group())
                if entry is not None:
                    found.append(_Cue(m.start(), m.end(), entry[0], entry[1], m.group()))
            self._verb_cues = (masked, found)
        cues = [c for c in self._verb_cues[1] if broad or c.base in CUE_VERBS]
        for m in _ACCORDING_TO.finditer(masked):
            cues.append(_Cue(m.start(), m.end(), "according to", "fixed", "according to"))
        for m in _NOUN_CUE.finditer(masked):
            # "made the claim that", "made a statement: “...”"; not "made his remarks during"
            if re.match(r"\s*(?:that\b|[,:]?\s*\x00)", masked[m.end():]):
                cues.append(_Cue(m.start(), m.end(), "noun", "fixed", m.group()))
        for m in _STANCE_CUE.finditer(masked):
            cues.append(_Cue(m.start(), m.end(), "stance", "fixed", m.group()))
        if broad:
            for m in _broad_stance_pattern().finditer(masked):
                cues.append(_Cue(m.start(), m.end(), "stance", "fixed", m.group()))
            for m in _MAKE_CLEAR.finditer(masked):
                cues.append(_Cue(m.start(), m.end(), "noun", "fixed", m.group()))
        cues.sort(key=lambda c: c.start)
        # a verb inside a noun or stance cue ("made the claim") is that cue
        kept: list[_Cue] = []
        for cue in cues:
            if kept and cue.start < kept[-1].end:
                if cue.tag == "fixed" and kept[-1].tag != "fixed":
                    kept[-1] = cue
                continue
            kept.append(cue)
        return kept

    def _explicit(self, p: _Parsed) -> _Found | None:
        self._register_names(p.masked)
        masked = _headline_verbs(p.masked)
        self._lead, self._lead_text = False, masked  # computed when a "he"/"she" needs it
        self._lead_plural: _Entity | None | bool = False  # and when a "they" does
        found = self._colon_head(masked)  # "Pat Caddell: Democrat Voters Worried About ..."
        if found is None:
            found = self._cue_pass(masked, broad=False)
        if found is None:
            found = self._cue_pass(masked, broad=True)
        if found is None:
            found = self._pattern(masked)
        if found is None:
            found = self._agent_pass(masked)
            if found is not None and p.has_quote:
                found.act = False  # "Obama is rolling out a new message: “It's about me.”"
        if found is not None and found.entity.kind in ("group", "person") \
                and not found.entity.named and re.match(r"(?:\w+\s+)?(?:\d|percent|half|majority|"
                                                      r"one|two|three|four|five|six|seven|eight|"
                                                      r"nine|sixty|seventy|fifty|forty|thirty)",
                                                      found.entity.name.lower()):
            poll = _POLL_SOURCE.search(masked)  # "67 percent of voters said ... in a Post poll"
            if poll is not None:
                source = self._source_from_run([poll.group(2)])
                if source is not None:
                    found = _Found(source[0], found.cue, source[1])
        if found is not None and found.cue != "according to":
            outer = self._final_according_to(masked)
            if outer is not None:
                found = outer
        if found is not None:
            self._note(found.entity)
        return found

    def _agent_pass(self, masked: str) -> _Found | None:
        """Last tier: the subject of the main clause and its finite verb, when nothing
        else attributes the sentence ("Mr. Obama set about persuading President Xi",
        "Trump didn't apologize for ...", "The Tax Policy Center ... came to a similar
        conclusion"). PolNeAR counts such positions taken by acts as attribution; the
        result is marked `act`, so a who-said-what section leaves it out.

        Not: a subject that cannot hold a view (`_holder`), a copula that describes
        the subject rather than an act of it ("Zach Carter is a co-host", "is in
        Ohio", "is expected to"; a progressive "is raising questions" is kept), and
        outcomes of a contest ("Clinton won both states"): measured on PolNeAR train,
        these were right in under a fifth of their sentences.
        """
        head = masked.split(_MASK)[0]
        if not head.strip():
            return None
        np = self._leading_np(head)
        if np and self._np_ok(np) and head.find(np) >= 0:
            found = self._act_of(head, np)
            if found is not None:
                return found
        by = _PASSIVE_AGENT.search(head)
        if by is not None and _lower_bare(by.group(1)) not in NOT_PARTICIPLES:
            # the agent of a passive: "a record penalty imposed by the Consumer Financial
            # Protection Bureau", "six were appointed by Democratic presidents"
            entity, role = self._source_after(head[by.start(2):])
            if entity is not None and self._agent(entity):
                return _Found(entity, f"{by.group(1)} by", role, act=True)
        # a name opening the sentence, where the noun phrase reading failed ("Wilmore
        # also likes to ...": "likes" could be a noun): only a known person or body
        name = _LEADING_NAME.match(head)
        if name is None or name.group(1) == np:
            return None
        found = self._act_of(head, name.group(1))
        if found is None or not (found.entity.named or found.entity.kind == "org"):
            return None
        return found

    def _act_of(self, head: str, np: str) -> _Found | None:
        """The act of subject `np` opening `head`, if its verb follows (`_agent_pass`)."""
        tokens = np.split()
        for k in range(1, len(tokens)):
            if _lower_bare(tokens[k]) in TIME_WORDS and all(_is_cap(t) for t in tokens[:k]):
                np = " ".join(tokens[:k])  # "Trump last week invited": the time is no name
                break
        lower = [_lower_bare(t) for t in np.split()]
        if any(w in ("that's", "that’s", "it's", "it’s", "there's", "there’s", "what's",
                     "what’s") for w in lower):
            return None  # a clause, not a subject: "That's something that worries ..."
        if lower[0] in ("no", "nobody", "none", "nothing", "neither"):
            return None  # no one takes the position: "Virtually no one buys ..."
        rest = head[head.find(np) + len(np):]
        apposition = re.match(r"\s*,\s*([^,]{1,80}?),\s*(.*)", rest, re.S)
        run = [np]
        if apposition and not self._has_verb(apposition.group(1).split()):
            run.append(apposition.group(1))  # "Tom Clarke, a nursing home owner, concocted"
            rest = apposition.group(2)
        elif apposition and _ASIDE.fullmatch(apposition.group(1)):
            rest = apposition.group(2)  # "Mr. Trump, it turned out, knew"
        elif rest.lstrip().startswith(","):
            return None
        else:
            rest = re.sub(r"^\s*(?:(?:last|this|next|on|early|late)\s+)?(?:%s)\b" % "|".join(
                sorted(TIME_WORDS)), "", rest, flags=re.I)  # "Trump last week invited"
        verb = self._finite_verb(rest.split())
        if verb is None or (lower == ["it"] and re.match(
                r"(?:\S+\s+){0,2}(?:is|was|be|been|'s|’s)\b", verb)):
            return None  # "It is important to ...": "it" stands for what follows
        if verb.endswith("s") and " " not in verb and (
                lower[-1] in GROUP_QUANTIFIERS | NUMBER_WORDS | DETERMINERS | {"other"}
                or lower[-1].isdigit() or not (_is_cap(np.split()[-1])
                                               or lower[-1] in SOURCE_NOUNS | HOLDER_NOUNS)):
            return None  # a plural noun, not a verb: "Both campaigns", "Two emails"
        source = self._source_from_run(run)
        if source is None or not self._agent(source[0]):
            return None
        return _Found(source[0], verb, source[1], act=True)

    def _agent(self, entity: _Entity) -> bool:
        """Whether the subject of an act can take a position: a person, a named body, a
        pronoun, a people noun. Stricter than `_holder`: a capitalised word opening the
        sentence is not enough ("Pressure is mounting on Islamabad")."""
        words = entity.name.split()
        if len(words) == 1 and _lower_bare(words[0]) in PERSONAL_PRONOUNS:
            return False  # a pronoun with no antecedent: "It is important to ..."
        if len(words) == 1 and not (
                _bare(words[0]) in self.proper or words[0].isupper() or words[0].endswith("s")
                or words[0] in COUNTRY_WORDS or words[0] in ORG_WORDS):
            return False  # "Pressure is mounting": capitalised only as the first word
        if entity.named or entity.kind in ("org", "document"):
            return True
        head = entity.head or ""
        singular = head[:-1] if head.endswith("s") else head
        if head in SOURCE_NOUNS | HOLDER_NOUNS or singular in SOURCE_NOUNS | HOLDER_NOUNS:
            return True
        # a capitalised group ("Republicans", "House Democrats"), not a common noun
        # capitalised only because it opens the sentence
        return any(_is_cap(w) and _lower_bare(w) == head and (k > 0 or head.endswith("s"))
                   for k, w in enumerate(words))

    @staticmethod
    def _finite_verb(tokens: list[str]) -> str | None:
        """The finite verb group opening `tokens` ("set", "didn't apologize", "is
        raising"), or None when the clause does not open with an act of its subject."""
        k = 0
        while k < len(tokens) and (_lower_bare(tokens[k]) in SKIPPABLE_ADVERBS or (
                _lower_bare(tokens[k]).endswith("ly")
                and _lower_bare(tokens[k]) not in NOT_ADVERBS)):
            k += 1  # "Trump also ...", "Clinton quickly ..."
        if k >= len(tokens) or _is_cap(tokens[k]):
            return None
        word = _lower_bare(tokens[k])
        if not (word in FINITE_AUXILIARIES or word in COMMON_VERBS or word in IRREGULAR_PASTS
                or (word.endswith("ed") and len(word) > 4)
                or (word.endswith("s") and not word.endswith("ss") and len(word) > 3
                    and word not in SOURCE_NOUNS)):
            return None
        group = [tokens[k]]
        for tok in tokens[k + 1:k + 4]:
            if _lower_bare(group[-1]) not in AUXILIARIES | SKIPPABLE_ADVERBS | NEGATIONS:
                break
            group.append(tok)  # "didn't apologize", "has long been", "is raising"
        words = [_lower_bare(t) for t in group]
        if any(w in AGENT_OUTCOMES for w in words):
            return None
        copula = next((n for n, w in enumerate(words) if w in PROGRESSIVE_BE | {"be", "been"}),
                      None)
        if copula is not None:
            following = [_lower_bare(t) for t in tokens[k + len(group):k + len(group) + 3]]
            predicate = [w for w in words[copula + 1:] + following
                         if w not in SKIPPABLE_ADVERBS | NEGATIONS | DEGREE_ADVERBS
                         and not (w.endswith("ly") and w not in NOT_ADVERBS)]
            progressive = bool(predicate) and predicate[0].endswith("ing")  # "is raising"
            stance = (len(predicate) >= 2 and predicate[1] in STANCE_COMPLEMENTS
                      and predicate[0] not in DETERMINERS | PREPOSITIONS | NUMBER_WORDS
                      and not predicate[0].isdigit()
                      and not (predicate[0].endswith("ed")
                               and predicate[1] not in FEELING_COMPLEMENTS))
            # "is eager to", "are mindful of"; a participle only as a feeling ("was
            # troubled by"), not a passive ("is scheduled to", "can be said that")
            if not (progressive or stance):
                return None
        return " ".join(_bare(t) for t in group)

    def _final_according_to(self, masked: str) -> _Found | None:
        """ "..., according to X." closing a sentence with no quotation: X is the outer
        source of all the sentence reports ("The White House is considering ..., according
        to military officials"). Quoted words stay with the one who spoke them."""
        last = None
        for last in _ACCORDING_TO.finditer(masked):
            pass
        if last is None or last.start() == 0 or _MASK in masked:
            return None
        before = masked[:last.start()].rstrip()
        tail = masked[last.end():].strip()
        if not before.endswith(",") or not re.fullmatch(r"[^,;:]{3,120}?[.!?]?[”\"’']*", tail):
            return None
        entity, role = self._source_after(masked[last.end():])
        if entity is None:
            return None
        return _Found(entity, "according to", role)

    def _cue_pass(self, masked: str, broad: bool) -> _Found | None:
        """The first cue of the main clause that attributes the sentence; else the first
        cue of a subordinate clause ("While critics argue ..., Obama has deemed"); a
        participle only when nothing else."""
        participial: _Found | None = None
        subordinate: _Found | None = None
        for cue in self._cues(masked, broad):
            result = self._try(masked, cue, broad)
            if result is None:
                continue
            found, is_participle = result
            if broad and not self._holder(found.entity):
                continue
            if is_participle:
                participial = participial or found
                continue
            if self._in_subordinate_clause(masked, cue.start) or self._in_fronted_phrase(
                    masked, cue.start):
                subordinate = subordinate or found
                continue
            return found
        return subordinate or participial

    @staticmethod
    def _in_fronted_phrase(masked: str, at: int) -> bool:
        """Whether position `at` lies in a prepositional phrase opening the sentence and
        closed by a comma ("In a statement issued Tuesday, Smith said"): the main clause
        after it holds the sentence's own cue."""
        if max(masked.rfind(ch, 0, at) for ch in ",;:\x00") >= 0 or "," not in masked[at:]:
            return False
        tokens = _strip_leading_fillers(masked[:at].split())
        return len(tokens) > 1 and _lower_bare(tokens[0]) in PREPOSITIONS - {"according"}

    @staticmethod
    def _in_subordinate_clause(masked: str, at: int) -> bool:
        """Whether the clause holding position `at` opens with a subordinator or a
        relative ("When Sanders said ...", "what Trump says")."""
        start = max(masked.rfind(ch, 0, at) for ch in ",;:\x00") + 1
        tokens = _strip_leading_fillers(masked[start:at].split())
        return bool(tokens) and _lower_bare(tokens[0]) in SUBORDINATE_OPENERS

    def _try(self, masked: str, cue: _Cue, broad: bool = False) -> tuple[_Found, bool] | None:
        window_start = max(0, cue.start - LEFT_WINDOW_CHARS)
        boundary = max(masked.rfind(ch, window_start, cue.start) for ch in _CLAUSE_BOUNDARY)
        post_quote = boundary >= 0 and masked[boundary] == _MASK
        left = masked[max(boundary + 1, window_start):cue.start]
        left = re.sub(r"\s+(?:—|–|--)\s*|\s*(?:—|–|--)\s+|\s+-\s+", ", ", left)
        left = _PARENTHETICAL_ADVERBIAL.sub(_drop_if_before_cue, left)  # "have, in fact, praised"
        right = masked[cue.end:cue.end + RIGHT_WINDOW_CHARS]

        if cue.base == "according to":
            entity, role = self._source_after(right)
            if entity is None:
                return None
            return _Found(entity, "according to", role), False

        tokens = [_CLOSING_QUOTE_AFTER_COMMA.sub(",", t) for t in _split_clitics(_tokens(left))
                  if any(c.isalnum() for c in t) or t == ","]
        if tokens and tokens[0] == ",":
            tokens = tokens[1:]
        j = len(tokens)
        auxes: list[str] = []
        controlled = False
        while j > 0:
            raw = tokens[j - 1]
            word = _lower_bare(raw)
            if raw.endswith(","):
                break
            if word in AUXILIARIES or word in SKIPPABLE_ADVERBS or word in INTENSIFIERS or (
                    word.endswith("ly") and len(word) > 3 and word not in NOT_ADVERBS
                    and not _is_cap(raw)) or (controlled and word in DEGREE_ADVERBS) or (
                    word == "since" and j > 1 and _lower_bare(tokens[j - 2]) in HAVE_FORMS):
                # ("has since said": an adverb)
                if not controlled:  # the controlling word's auxiliaries are not the cue's
                    auxes.append(word)
                j -= 1
                continue
            if word == "to":
                raiser = next((r for r in RAISERS
                               if tuple(_lower_bare(t) for t in tokens[j - 1 - len(r):j - 1]) == r),
                              None)
                if raiser is not None:
                    j -= 1 + len(raiser)
                    continue
                if broad and not controlled and j > 1 \
                        and _lower_bare(tokens[j - 2]) in _control_words():
                    # "refused to say", "is expected to announce", "are more likely to say":
                    # the subject of the controlling word is the source
                    j -= 2
                    controlled = True
                    continue
                if broad and not controlled and j > 1 and not any(
                        _lower_bare(t) in _object_control_words() or _lower_bare(t) in BE_FORMS
                        or _lower_bare(t) in ("it", "there", "it's")
                        for t in tokens[max(0, j - 6):j - 1]):
                    # (not after "to persuade X", "is important", "it isn't hard")
                    # a purpose: "Ben Carson went on ABC's This Week to defend ...": the
                    # clause's subject, as a participle (other cues of the sentence win)
                    entity = self._main_subject(" ".join(tokens[:j - 1]))
                    if entity is None or not (entity.named or entity.kind == "org") \
                            or not self._complement_ok(cue, right, post_quote, False, True):
                        return None
                    return _Found(entity, self._cue_text(cue, right)), True
                return None  # "to persuade Pakistani authorities to deny"
            break
        if broad and any(a in NEGATIONS or a.endswith("n't") for a in auxes):
            return None  # "hasn't condemned", "doesn't want": no statement
        verbal = [a for a in auxes if a in AUXILIARIES]
        if broad and cue.tag in ("past", "pp") and re.match(r"\s*by\s+[A-Z]", right) and (
                any(a in BE_FORMS for a in auxes) or (j > 0 and not verbal)):
            # a passive with its agent: "a practice criticized by Miller", "opposed by
            # House Republicans"
            entity, role = self._source_after(re.sub(r"^\s*by\s+", "", right))
            if entity is not None and (entity.named or entity.kind == "org"):
                return _Found(entity, f"{cue.text} by", role), False
        nearest = verbal[0] if verbal else None  # the auxiliary closest to the cue
        if cue.tag in ("past", "pp") and any(a in BE_FORMS for a in auxes):
            return None  # passive: "it can be said", "as the border is called"
        if cue.tag == "pp" and nearest not in HAVE_FORMS:
            return None  # a bare participle: "the biases shown in the report"
        if cue.tag == "3sg" and nearest is not None:
            return None  # a noun after a verb: "Taiwan have claims"
        if cue.tag == "base" and nearest is not None and (
                nearest in HAVE_FORMS or nearest in PROGRESSIVE_BE):
            return None  # "has claims", "is report"
        participle = False
        noun_participle = False  # "a statement saying", "voters saying"
        if cue.tag == "ing" and not any(a in PROGRESSIVE_BE for a in auxes):
            if j > 0 and tokens[j - 1].endswith(",") and (not auxes or broad and not verbal):
                participle = True  # "..., accusing", "..., quickly reminding viewers"
            elif broad and not verbal and j > 1 and _lower_bare(tokens[j - 1]) in ("and", "or"):
                participle = True  # "is breaking her silence and talking up his candidacy"
                j -= 1
                if not tokens[j - 1].endswith(","):
                    tokens[j - 1] += ","
            elif j > 0 and _lower_bare(tokens[j - 1]) == "by" and not auxes:
                participle = True  # "Obama punctuated his list by saying ..."
                j -= 1
                if j > 0 and not tokens[j - 1].endswith(","):
                    tokens[j - 1] += ","
            elif broad and not verbal and j > 1 \
                    and _lower_bare(tokens[j - 1]) in GERUND_PREPOSITIONS:
                participle = True  # "erred in saying", "was suspended after slamming"
                j -= 1
                if not tokens[j - 1].endswith(","):
                    tokens[j - 1] += ","
            elif broad and not auxes and j == 0 and post_quote:
                # "... eliminated the “Golden Week,” saying that": the sentence's subject
                before_quote = re.sub(r"\x00+", ", ", masked[window_start:cue.start])
                entity = self._main_subject(before_quote)
                if entity is None or not self._complement_ok(cue, right, True, False, True):
                    return None
                return _Found(entity, self._cue_text(cue, right)), True
            elif broad and not verbal and j > 0 and self._participle_head(tokens[j - 1]):
                noun_participle = True
            else:
                return None  # gerund or adjective: "the signing agreement"
        if broad and j > 0 and _lower_bare(tokens[j - 1]) in SUBJECT_RELATIVES \
                and not tokens[j - 1].endswith(","):
            # a subject relative: "Mr. Sanders, who said", "a report that found"
            source = self._antecedent(tokens[:j - 1])
            if source is None or not self._complement_ok(cue, right, post_quote, False, broad,
                                                         self._agrees(cue, tokens[:j - 1],
                                                                      verbal)):
                return None
            return _Found(source[0], self._cue_text(cue, right), source[1]), False
        if j > 0 and not tokens[j - 1].endswith(",") and not noun_participle:
            before = _lower_bare(tokens[j - 1])
            quantifier = (broad and before in STANDALONE_QUANTIFIERS and cue.tag != "ing"
                          and (j == 1 or tokens[j - 2].endswith(",")
                               or _lower_bare(tokens[j - 2]) in COORDINATORS))
            # "About one in five say", "nine out of 10 say": a ratio of people
            quantifier = quantifier or (
                broad and cue.tag in ("base", "past") and j > 2
                and (before in NUMBER_WORDS or before.isdigit())
                and _lower_bare(tokens[j - 2]) in ("in", "of"))
            if (before in DETERMINERS or before in PREPOSITIONS or before in NUMBER_WORDS
                    or before.replace(",", "").isdigit() or _is_possessive(tokens[j - 1])) \
                    and not quantifier:
                return None  # a noun: "a claim", "for comment", "Pakistan’s claim"
            if before in DEGREE_ADVERBS:
                return None  # an adjective: "very worried"
            if before in RELATIVE_PRONOUNS:
                return None  # a relative clause: "a birther who has repeatedly pledged"
        if cue.tag == "base" and left.rstrip().endswith(",") and right.lstrip().startswith(","):
            return None  # "no better than, say, Mr. C": an interjection
        finite = (bool(verbal) and verbal[0] in HAVE_FORMS) or (j > 0 and (
            _is_cap(tokens[j - 1]) or tokens[j - 1].endswith(",")
            or _lower_bare(tokens[j - 1]) in PERSONAL_PRONOUNS))
        last_segment = left.rsplit(",", 1)[-1].split() if "," in left else []
        short_subject = 0 < len(last_segment) <= INVERTED_SUBJECT_MAX_TOKENS and not any(
            _lower_bare(t) in PREPOSITIONS or _is_possessive(t) or _lower_bare(t) in AUXILIARIES
            for t in last_segment)  # "..., Federal Election Commission records show."
        if not self._complement_ok(cue, right, post_quote, "," in left, broad,
                                   self._agrees(cue, tokens[:j], verbal) if broad else 0, finite,
                                   short_subject):
            return None
        cue_text = self._cue_text(cue, right)
        if noun_participle:
            source = self._participle_source(tokens[:j])
            if source is None:
                return None
            return _Found(source[0], cue_text, source[1]), False

        subject_tokens = tokens[:j]
        if subject_tokens and _lower_bare(subject_tokens[-1]) in IMPERATIVE_MARKERS:
            return None  # "please note that ...", "Just ask him."
        if not _strip_leading_fillers([t.rstrip(",") for t in subject_tokens if t.rstrip(",")]):
            # nothing but adverbs before the cue: the source follows it
            if cue.base not in INVERTIBLE or cue.tag == "ing":
                return None
            entity, role = self._source_after(right)
            if entity is None:
                return None
            return _Found(entity, cue_text, role), False
        if participle:
            entity = self._main_subject(" ".join(subject_tokens))
            if entity is None:
                return None
            return _Found(entity, cue_text), True
        comma_before = subject_tokens[-1].endswith(",")
        if comma_before and cue.base in INVERTIBLE and cue.tag in ("past", "3sg"):
            inverted = self._inverted_source(right)  # "..., said Larry Sabato, director of"
            if inverted is not None:
                return _Found(inverted[0], cue_text, inverted[1]), False
        source = self._subject(" ".join(subject_tokens), comma_before)
        if source is None and broad and not comma_before:
            source = self._broad_subject(subject_tokens)
        if source is None and comma_before and cue.base in INVERTIBLE and cue.tag != "ing":
            entity, role = self._source_after(right)  # "Nor are tariffs likely ..., said X"
            if entity is not None and entity.kind != "person" or entity is not None and (
                    entity.named or entity.head is not None):
                return _Found(entity, cue_text, role), False
        if source is None:
            return None
        entity, role = source
        return _Found(entity, cue_text, role), False

    def _inverted_source(self, right: str) -> tuple[_Entity, str | None] | None:
        """The source of an inverted cue closing a sentence ("..., said Larry Sabato,
        director of the Center for Politics.", "..., says one GOP source in the room."):
        a name or a determiner phrase right after the cue, and no clause of its own."""
        first = re.match(r"\s*([\w.’'-]+)", right)
        if first is None or _lower_bare(first.group(1)) in TIME_WORDS | WH_COMPLEMENTIZERS \
                or not (_is_cap(first.group(1)) or _lower_bare(first.group(1)) in (
                    "a", "an", "the", "one", "two", "three", "several", "some", "many")):
            return None
        clause = right.split(_MASK)[0]
        if self._has_verb(clause.split(",")[0].split()[1:]):
            return None  # "..., said Tuesday that", "..., says Trump is wrong"
        entity, role = self._source_after(right)
        if entity is None or not (entity.named or entity.kind != "person"
                                  or entity.head is not None):
            return None
        return entity, role

    def _complement_ok(self, cue: _Cue, right: str, post_quote: bool,
                       content_before: bool = False, broad: bool = False,
                       agrees: int = 0, finite: bool = False,
                       short_subject: bool = False) -> bool:
        if cue.tag == "fixed":
            return True
        right = _skip_adverbs(right)  # "called again for", "said repeatedly that"
        if broad:
            return self._broad_complement_ok(cue, right, post_quote, agrees, finite,
                                             content_before and short_subject)
        words = [m.group() for m in re.finditer(r"\x00+|[^\s\x00]+", right)][:COMPLEMENT_WINDOW]
        forms = _strict_verb_forms()
        for k, w in enumerate(words):
            if k > 0 and w in forms and forms[w][1] in ("3sg", "past"):
                words = words[:k]  # "he fears both ... told": "told" starts another clause
                right = right[:right.find(w)]
                break
        lower = ["<q>" if w.startswith(_MASK) else _lower_bare(w) for w in words]
        quote_soon = "<q>" in lower[:3] or right.lstrip().startswith(":")
        at_end = not words or (words[0].startswith(_MASK) is False and right.lstrip()[:1] in ".,;")
        quote_in_window = "<q>" in lower[:AS_WINDOW] or _QUOTE_MARK.search(
            " ".join(words[:AS_WINDOW])) is not None
        # "that" opening the complement, right after the verb or its object, or
        # after a parenthetical: "claimed at a conference ..., Uzbekistan, that"
        that_soon = any(w == "that" and (k <= 2 or words[k - 1].endswith(","))
                        for k, w in enumerate(lower))
        clause = (post_quote or quote_soon or that_soon or "whether" in lower[:2]
                  or (content_before and re.fullmatch(r"\s*[.!?]?\s*", right) is not None)
                  or bool(re.search(r":\s*\x00", right[:150]))
                  or any(w in FINITE_AUXILIARIES for w in lower[:CLAUSE_AUX_WINDOW])
                  or _finite_verb_before_determiner(right[:200]))
        # "as" introducing the characterisation, not "known as", "such as"
        as_soon = any(w == "as" and (k == 0 or lower[k - 1] not in ("known", "such", "so",
                                                                     "well", "same", "just"))
                      for k, w in enumerate(lower[:AS_WINDOW]))
        requirement = CUE_VERBS[cue.base]
        if (cue.tag in ("past", "pp") and cue.base not in INTRANSITIVE_CUES
                and requirement in (_ANY, _CLAUSE, _OBJECT) and not post_quote and not clause
                and lower[:1] in (["by"], ["in"], ["on"], ["at"]) and not finite):
            return False  # a reduced relative or passive: "the fighters mentioned in this story"
        if cue.tag in ("past", "pp") and lower[:1] == ["as"] and not post_quote:
            return False  # "names mentioned as nominees", "described as": no object, passive
        if (requirement == _CLAUSE and lower[:1] and lower[0] in PREPOSITIONS and not that_soon
                and not quote_in_window):
            return False  # "Jews fear for their safety"
        if cue.base in NOUN_HOMOGRAPHS and cue.tag in ("base", "3sg"):
            # "Police reports from ...", "the Afghan state and ...": a noun unless
            # a clause or a quote follows at once ("reports that", "states: “...")
            strict = (lower[:1] == ["that"] or re.match(r"\s*[,:]\s*\x00", right) is not None
                      or ((post_quote or content_before)  # "..., records show."
                          and re.fullmatch(r"\s*[.!?]?\s*", right) is not None
                          and short_subject))
            if not strict and requirement != _CLAIM:
                return False
        if requirement == _ANY:
            return True
        if requirement == _CLAUSE:
            return clause
        if requirement == _END:
            return post_quote or quote_soon or at_end or (lower[:1] == ["that"])
        if requirement == _THAT:
            return post_quote or quote_soon or lower[:1] == ["that"]
        if requirement == _REPORT:
            if len(lower) > 1 and lower[0] in ("on", "in", "last", "earlier", "this") and (
                    lower[1] in TIME_WORDS or re.fullmatch(r"\d{4}", lower[1])
                    or lower[0] != "on" and lower[0] != "in"):
                return True  # a time, not a topic: "reported on Wednesday", "in 2014"
            return lower[:1] not in (["from"], ["on"], ["for"], ["to"], ["in"], ["at"],
                                     ["back"], ["live"]) and bool(lower)
        if requirement == _QUOTED:
            return post_quote or quote_soon
        if requirement == _QUOTE_NEAR:
            return post_quote or quote_in_window
        if requirement == _AGREE:
            return (post_quote or not lower or lower[0] in ("that", "with")
                    or re.match(r"\s*[.,;]", right) is not None)
        if requirement == _OBJECT:
            return (post_quote or clause or not lower or re.match(r"\s*[.,;]", right) is not None
                    or lower[0].endswith("ing") or as_soon
                    or any(w in SPEECH_OBJECTS for w in lower[:4]))
        if requirement == _TELL:
            return post_quote or (bool(lower) and lower[0] not in PREPOSITIONS)
        if requirement == _AS:
            return as_soon or quote_in_window
        if requirement == _TO:  # "compared X favorably to Y", not "compared to Y"
            return lower[:1] not in (["to"], ["with"]) and (
                "to" in lower[:AS_WINDOW] or "with" in lower[:AS_WINDOW])
        if requirement == _CALL:
            return (lower[:1] in (["on"], ["upon"], ["for"]) or quote_in_window
                    or any(w in ("a", "an") and lower[k - 1] not in PREPOSITIONS
                           and lower[k - 1] not in AUXILIARIES
                           for k, w in enumerate(lower[1:5], start=1)))
        if requirement == _SEE:
            return as_soon or any(w in SEE_OBJECTS for w in lower[:3])
        if requirement == _CLAIM:
            return (clause or lower[:1] in (["responsibility"], ["credit"], ["to"])
                    or as_soon)
        if requirement == _DOWN:
            return lower[:1] == ["down"]
        if requirement == _POINT:
            return lower[:1] == ["out"] or (lower[:1] == ["to"] and as_soon)
        return False

    def _broad_complement_ok(self, cue: _Cue, right: str, post_quote: bool,
                             agrees: int = 0, finite: bool = False,
                             content_before: bool = False) -> bool:
        """What must follow a cue of the broad tier: little but what makes it no verb."""
        words = [m.group() for m in re.finditer(r"\x00+|[^\s\x00]+", right)][:COMPLEMENT_WINDOW]
        lower = ["<q>" if w.startswith(_MASK) else _lower_bare(w) for w in words]
        first = lower[0] if lower else ""
        requirement = CUE_VERBS.get(cue.base) or BROAD_CUE_VERBS[cue.base]
        if requirement in STRICT_IN_BROAD:
            return self._complement_ok(cue, right, post_quote, False)
        if requirement == _PARTICLE or cue.base in VERB_PARTICLES:
            return first in VERB_PARTICLES.get(cue.base, ())
        if requirement == _THAT:  # "felt that", "feel like", "worry about"; not "felt squeezed"
            return (post_quote or first in ("that", "like", "about", "<q>")
                    or first in ("he", "she", "they", "we", "i", "it"))
        if cue.tag in ("past", "pp") and not post_quote and cue.base not in INTRANSITIVE_CUES \
                and (first in ("by", "as") or (first in ("in", "on", "at") and not finite)):
            return False  # a reduced relative or passive: "the bill endorsed by", "seen as"
        if cue.base in NOUN_HOMOGRAPHS | BROAD_NOUN_HOMOGRAPHS and cue.tag in ("base", "3sg"):
            # "polls show Sanders ahead", "Sanders wants to"; not "support for", "plans."
            second = lower[1] if len(lower) > 1 else ""
            np_next = (post_quote or first in ("that", "<q>") or first in DETERMINERS
                       or first in OBJECT_PRONOUNS or (words and _is_cap(words[0]))
                       or first.replace(",", "").replace(".", "").isdigit()
                       or (first == "to" and second.isalpha() and second not in DETERMINERS)
                       or re.match(r"\s*,\s*\x00", right) is not None
                       or first in ("he", "she", "they", "we", "i", "it")  # "shows he won"
                       or (content_before and re.match(r"\s*(?:,|[.!?]?\s*$)", right)
                           is not None))  # "Democrats, Frank notes, applaud", "records show."
            agreeing = bool(agrees) and bool(first) and (first not in PREPOSITIONS
                                                         or agrees == 2)  # "can comment about"
            if not (np_next or agreeing):
                return False
            if words and words[0][-1:] in ",.;:" and not re.match(r"\s*,\s*\x00", right) \
                    and not (np_next and content_before):
                return False
        if requirement == _POINT:
            return first in ("out", "to")
        if requirement == _ABOUT:
            return first in ("about", "of", "on")
        if requirement == _ON:
            return first == "on"
        if requirement == _WH:
            return (post_quote or first in WH_COMPLEMENTIZERS or first == "<q>"
                    or any(w in FINITE_AUXILIARIES for w in lower[:CLAUSE_AUX_WINDOW])
                    or first in PERSONAL_PRONOUNS)
        if requirement == _CALL:
            return bool(first) and first not in CALL_NOT_SPEECH
        return bool(lower) or post_quote

    def _agrees(self, cue: _Cue, tokens: list[str], verbal: list[str]) -> int:
        """Whether the words before a noun-homograph cue make it a verb: 2 after an
        auxiliary ("will support"), 1 after a subject agreeing in number ("voters
        support", "Sanders wants"), else 0."""
        if verbal:
            return 2 if verbal[0] in VERBAL_AUXILIARIES else 0
        if not tokens or tokens[-1][-1:] in ",;:":
            return 0
        word = _lower_bare(tokens[-1])
        if cue.tag == "base":
            return int(word in ("they", "we", "i", "you") or word in IRREGULAR_PLURALS
                    or (word.endswith("s") and not word.endswith(("ss", "'s", "’s"))
                        and word not in DETERMINERS and len(word) > 2)
                    or word in ("two-thirds", "half", "most", "many", "some", "both", "all"))
        if cue.tag == "3sg":
            # a name: not a capitalised first word alone ("Some states", "Coastal states")
            name = (_is_cap(tokens[-1]) and word not in COMMON_CAPS
                    and _bare(tokens[-1]) not in COUNTRY_WORDS
                    and (_bare(tokens[-1]) in self.by_last  # a registered surname
                         or (len(tokens) > 1 and _is_cap(tokens[-2])  # "Bernie Sanders"
                             and _lower_bare(tokens[-2]) not in COMMON_CAPS)
                         or (len(tokens) > 1 and not word.endswith("s"))))
            return int(word in ("he", "she", "it", "who", "which", "that") or name
                       or (_singular(word) == word and word in SOURCE_NOUNS | HOLDER_NOUNS))
        return 0

    def _holder(self, entity: _Entity) -> bool:
        """Whether a source found by the broad tier can hold a view: a person, a named
        body, a pronoun, a people noun; not "the death toll" nor "a crackdown"."""
        if entity.named or entity.kind in ("org", "document"):
            return True
        words = entity.name.split()
        if len(words) == 1 and _lower_bare(words[0]) in PERSONAL_PRONOUNS:
            return True
        head = entity.head
        if head is None:
            return False
        if head.endswith("s") and head[:-1] in HOLDER_NOUNS:
            head = head[:-1]
        if re.fullmatch(r"[a-z]+-(?:thirds?|quarters?|fifths?|halves|half)", head) or re.search(
                r"\b(?:\w+|\d+) (?:in|out of) (?:\w+|\d+)$", entity.name.lower()):
            return True  # "two-thirds support", "About one in five say"
        return (head in SOURCE_NOUNS or head in HOLDER_NOUNS or head in GROUP_QUANTIFIERS
                or head in PARTITIVES
                or head in STANDALONE_QUANTIFIERS
                or any(_is_cap(w) and _lower_bare(w).rstrip("s") == head.rstrip("s")
                       for w in words))

    def _participle_head(self, token: str) -> bool:
        """Whether a word may carry a participle cue: "a statement saying", "voters saying"."""
        if token[-1:] in ",;:":
            return False
        word = _lower_bare(token)
        if _is_possessive(token):
            return False
        single = word[:-1] if word.endswith("s") and not word.endswith("ss") else word
        return (word in PARTICIPLE_DOCUMENTS or single in PARTICIPLE_DOCUMENTS
                or (_singular(word) in SOURCE_NOUNS and word not in DOCUMENT_NOUNS)
                or word in ("those", "one", "others", "many", "some", "anyone", "someone")
                or (_is_cap(token) and word not in COMMON_CAPS and word not in TIME_WORDS
                    and _bare(token) not in COUNTRY_WORDS and word not in PARTY_ADJECTIVES))

    def _participle_source(self, tokens: list[str]) -> tuple[_Entity, str | None] | None:
        """The source of "X issued a statement saying": the clause's subject for a
        document, else the noun phrase carrying the participle ("GOP voters saying")."""
        word = _lower_bare(tokens[-1])
        single = word[:-1] if word.endswith("s") and not word.endswith("ss") else word
        if word in PARTICIPLE_DOCUMENTS or single in PARTICIPLE_DOCUMENTS:
            np = self._leading_np(" ".join(_strip_leading_fillers(tokens)))
            if np and self._np_ok(np) and len(np.split()) < len(tokens):
                source = self._source_from_run([np])
                if source is not None:
                    return source
        return self._trailing_np(tokens)

    def _antecedent(self, tokens: list[str]) -> tuple[_Entity, str | None] | None:
        """The head a subject relative clause hangs on: "Mr. Sanders, who said" -> Sanders."""
        if not tokens:
            return None
        if tokens[-1].endswith(","):
            text = " ".join(tokens)
            source = self._subject(text, True)
            if source is not None:
                return source
            tokens = tokens[:-1] + [tokens[-1].rstrip(",")]
        return self._trailing_np(tokens)

    def _broad_subject(self, tokens: list[str]) -> tuple[_Entity, str | None] | None:
        """A subject the clause-level search missed: the noun phrase right before the cue
        ("... which critics said", "what Gilbert called", "than aides say")."""
        segment: list[str] = []
        for tok in reversed(tokens):
            if tok.endswith((",", ";", ":")) and segment:
                break
            segment.insert(0, tok)
        for k, tok in enumerate(segment):
            if _lower_bare(tok) in GENERIC_SUBORDINATORS:
                return None  # "if officials say": no statement
        return self._trailing_np(segment, as_subject=True)

    def _trailing_np(self, tokens: list[str],
                     as_subject: bool = False) -> tuple[_Entity, str | None] | None:
        """The noun phrase ending a run of tokens, walking left to a verb, preposition,
        relative pronoun or comma ("67 percent of voters", "Ted Cruz and Marco Rubio").
        As the subject of a cue it may not be the object of a verb or of "to"
        ("to calm Russian fears")."""
        kept: list[str] = []
        forms = _verb_forms()
        stopper = ""
        stop_at = -1
        for k in range(len(tokens) - 1, -1, -1):
            tok = tokens[k]
            word = _lower_bare(tok)
            if kept and tok[-1:] in ",;:":
                break
            if not kept and word in PERSONAL_PRONOUNS:
                kept.append(tok)
                break
            if word in ("of",) and kept and k > 0 and _lower_bare(tokens[k - 1]) in PARTITIVES:
                kept.insert(0, tok)
                continue
            if word in APPROXIMATORS and kept and (_lower_bare(kept[0]) in PARTITIVES
                                                  or _lower_bare(kept[0]) in NUMBER_WORDS
                                                  or _bare(kept[0])[:1].isdigit()
                                                  or "-" in kept[0]):
                kept.insert(0, tok)  # "About three-quarters", "nearly 40 percent of"
                continue
            if word in ("and", "&") and kept and k > 0 and _is_cap(tokens[k - 1]) \
                    and _is_cap(kept[0]):
                kept.insert(0, tok)  # "Cruz and Rubio"
                continue
            if (word in AUXILIARIES or word in RELATIVE_PRONOUNS or word in SUBORDINATORS
                    or word in PREPOSITIONS or word in PERSONAL_PRONOUNS or word in COORDINATORS
                    or word in ("than", "to", "not", "there") or word in COMMON_VERBS
                    or (not _is_cap(tok) and word in forms and forms[word][1] in ("3sg", "past"))
                    or (not _is_cap(tok) and word.endswith("ed") and word not in SOURCE_NOUNS)):
                stopper, stop_at = word, k
                break
            kept.insert(0, tok)
            if word in DETERMINERS:
                break
        if not kept:
            return None
        # a preposition opening the clause ("In a statement issued"), not one inside a
        # noun phrase ("tallies by Kantar Media show")
        clause_preposition = stopper in PREPOSITIONS and stopper != "than" and (
            stop_at == 0 or tokens[stop_at - 1][-1:] in ",;:")
        if as_subject and (stopper == "to" or stopper in COMMON_VERBS or clause_preposition or (
                stopper in forms and forms[stopper][1] in ("3sg", "past"))
                or (stopper.endswith("ed") and stopper not in AUXILIARIES)):
            return None  # an object: "worked to calm Russian fears", "In a statement issued"
        kept = _strip_leading_fillers(kept)
        if not kept:
            return None
        head = kept[-1]
        word = _lower_bare(head)
        if not (_is_cap(head) or word in PERSONAL_PRONOUNS or _singular(word) in SOURCE_NOUNS
                or word in STANDALONE_QUANTIFIERS or word in PARTITIVES
                or (word.endswith("s") and not word.endswith("ss") and len(word) > 3)):
            return None
        if _lower_bare(kept[0]) in AUTHOR_PRONOUNS:
            return None
        np = " ".join(kept).rstrip(",")
        if len(kept) > MAX_SUBJECT_TOKENS:
            return None
        return self._source_from_run([np])

    def _lead_person(self, masked: str) -> _Entity | None:
        """The registered person named by the subject opening a sentence, when no other
        name comes before the first comma: "he" later in it is most likely them."""
        head = masked.split(_MASK)[0]
        np = self._leading_np(head)
        if not np:
            return None
        named = self._name_in(np)
        if named is None:
            return None
        name = named[0]
        if len(name.split()) >= 2:
            return self.full.get(name) or self._person(
                name, self._clean_role(named[1]) if named[1] else None, named[2])
        return self._surname(name, None)

    def _lead_group(self, masked: str) -> _Entity | None:
        """The plural subject opening a sentence ("Democrats", "Trump and other
        Republicans", "the candidates' aides"): "they" later in it is most likely them."""
        head = masked.split(_MASK)[0].split(",")[0]
        np = self._leading_np(head)
        if not np or len(np.split()) > CENTRE_GROUP_MAX_TOKENS or not self._np_ok(np):
            return None
        tokens = np.split()
        while len(tokens) > 1 and _lower_bare(tokens[-1]) in SKIPPABLE_ADVERBS:
            tokens.pop()  # "Democrats also focused on"
        np = " ".join(tokens)
        lower = [_lower_bare(t) for t in tokens]
        if lower[0] in PERSONAL_PRONOUNS or lower[0] in GROUP_QUANTIFIERS | NUMBER_WORDS \
                or lower[0] in APPROXIMATORS or any(w in PREPOSITIONS for w in lower):
            return None
        coordinated = "and" in lower[1:-1]
        noun, plural = self._head(np)
        if not coordinated and not (plural and noun and (
                noun in SOURCE_NOUNS or _is_cap(tokens[-1]))):
            return None
        org = self._org_name(np)
        if org is not None:
            return self._org(org)
        entity = self._descriptor(np)
        return entity if entity.kind == "group" else None

    def _colon_head(self, masked: str) -> _Found | None:
        """ "Trump: ...", "Q: ...": a short capitalised head and a colon open the sentence."""
        m = _COLON_HEAD.match(masked)
        if m and m.group(1).isupper() and len(m.group(1).split()) > 1 and any(
                _lower_bare(t) in AUXILIARIES | PREPOSITIONS | DETERMINERS
                for t in m.group(1).split()):
            return None  # a shouted label, not a name: "FIX IS IN:", "STAT OF THE WEEK:"
        rest = masked[m.end():] if m else ""
        if m and _lower_bare(m.group(1).split()[-1]) not in COLON_LABELS \
                and (len(re.findall(r"[^\W\d_]{2,}|\x00+", rest)) >= 2
                     or rest.startswith(_MASK * COLON_QUOTE_MIN_CHARS)):
            # (or a quotation follows the head: 'Clinton: "Our goal is ..."')
            source = self._source_from_run([m.group(1)])
            if source is not None:
                return _Found(source[0], ":", source[1])
        return None

    def _pattern(self, masked: str) -> _Found | None:
        """Attributions with no cue verb: "Trump: ...", "To Sharp, ...", "in a CNN poll"."""
        m = _DASH_CREDIT.search(masked)
        if m:
            source = self._source_from_run([m.group(1)])
            if source is not None and (source[0].named or source[0].kind == "org"):
                return _Found(source[0], _CREDIT_CUE, source[1])
        m = _QUOTE_THEN_VERB.fullmatch(masked) or _QUOTE_VERB_FIRST.fullmatch(masked)
        if m and not _lower_bare(m.group("np")) in COMMON_CAPS - {"he", "she", "they"}:
            source = self._source_from_run([m.group("np")])
            if source is not None:
                return _Found(source[0], m.group("v"), source[1])
        found = self._colon_head(masked)
        if found is not None:
            return found
        m = _VIEWPOINT.match(masked)
        if m:
            holder = m.group(2)
            head, _plural = self._head(holder)
            named = self._name_in(holder)
            if (named is not None or self._org_name(holder) is not None
                    or (head in SOURCE_NOUNS and head not in DOCUMENT_NOUNS)):
                source = self._source_from_run([holder])
                if source is not None:
                    return _Found(source[0], m.group(1).lower(), source[1])
        m = _POLL_SOURCE.search(masked)
        if m:
            source = self._source_from_run([m.group(2)])
            if source is not None:
                return _Found(source[0], m.group(1).lower(), source[1])
        m = _NO_RESPONSE.search(masked)
        if m:
            # "The Cruz campaign did not immediately respond to a request for comment": a
            # reply withheld is a position the source takes
            clause = masked[:m.start()]
            clause = clause[max(clause.rfind(ch) for ch in ";:\x00") + 1:]
            entity = self._main_subject(clause) if clause.strip() else None
            if entity is not None and self._holder(entity):
                return _Found(entity, m.group(0).strip())
        for m in _noun_cue_pattern().finditer(masked):
            # "Pence's call for a special prosecutor", "his support for the bill"
            after = masked[m.end():m.end() + 40]
            nxt = re.match(r"\s*(\x00|[,:.;]|[\w’'-]+)", after)
            if nxt is None or not (nxt.group(1) in ("\x00", ":") or _lower_bare(nxt.group(1))
                                   in CUE_NOUN_FOLLOWERS or _CONTENT_COPULA.match(after)):
                continue
            owner = m.group(1)
            pronoun = {"his": "he", "her": "she", "their": "they", "its": "it"}.get(owner.lower())
            if pronoun is not None:
                entity = self._pronoun(pronoun)
                if entity is None:
                    continue
                return _Found(entity, m.group(2))
            name = re.sub(r"(?:’s|'s|’|')$", "", owner)
            source = self._source_from_run([name])
            if source is not None and self._holder(source[0]):
                return _Found(source[0], m.group(2), source[1])
        return None

    def _cue_text(self, cue: _Cue, right: str) -> str:
        if cue.tag == "fixed":
            return re.sub(r"\s+", " ", cue.text).strip()
        words = _tokens(right.split(_MASK)[0])
        if cue.base in ("play", "point") and words:
            return f"{cue.text} {_bare(words[0])}"
        if cue.base == "tell":
            kept: list[str] = []
            for w in words[:TELL_OBJECT_MAX_TOKENS]:
                lw = _lower_bare(w)
                if (lw in ("that", "of", "about", "on", "in", "at", "during", "how", "what",
                           "why", "when", "whether", "he", "she", "they", "it", "we")
                        or lw in TIME_WORDS or (lw.endswith("ly") and lw not in NOT_ADVERBS)):
                    break
                kept.append(_bare(w) if w[-1:] in ",.;:" else w)
                if w[-1:] in ",.;:":
                    break
            if kept:
                return f"{cue.text} {' '.join(kept)}"
        return cue.text

    # ------------------------------------------------------------------ sources

    def _subject(self, left: str, comma_before: bool) -> tuple[_Entity, str | None] | None:
        """The source left of a cue: a head with its appositions, or None."""
        segments = [s.strip() for s in _drop_parentheticals(left).split(",")]
        segments = [s for s in segments if any(c.isalnum() for c in s)]
        if not segments:
            return None
        if not comma_before and len(segments) > 1 and self._time_phrase(segments[-1]):
            # a time between the subject and its verb: "Reince Priebus, the GOP chairman,
            # this past week announced"
            return self._subject(", ".join(segments[:-1]) + ",", True)
        if comma_before:
            if segments[-1].lower() in COORDINATORS:
                # "..., but told city leaders": the verbs share the sentence's subject
                np = self._leading_np(", ".join(segments[:-1]))
                return self._source_from_run([np]) if np and self._np_ok(np) else None
            run: list[str] = []
            for seg in reversed(segments):
                kind = self._segment_kind(seg)
                if kind == "adverb" and not run:
                    continue  # "Langove, however, denied"
                if kind in ("pp", "participle") and not run:
                    continue  # "Mr. Trump, in a brief interview on Saturday, said"
                if kind == "stop" and not run and seg is not segments[0] and (
                        self._adverbial_clause(seg)
                        or _lower_bare(seg.split()[0]) in SUBORDINATE_OPENERS - {"that"}):
                    continue  # "Powell's office, when contacted by Reuters, said",
                    # "Clinton, after the scandal broke in March, initially said"
                if kind in ("np", "relative", "including"):
                    run.insert(0, seg)
                    continue
                break
            while run and self._segment_kind(run[0]) == "relative":
                run.pop(0)
            if not run:
                return None
            head_tokens = _strip_leading_fillers(run[0].split())
            if not head_tokens:
                return None
            run[0] = " ".join(head_tokens)
            if self._segment_kind(run[0]) != "np" or not self._np_ok(run[0]):
                return None
            return self._source_from_run(run)
        if segments[-1].lower() in COORDINATORS and len(segments) > 1:
            np = self._leading_np(", ".join(segments[:-1]))  # "..., did not ..., but told"
            return self._source_from_run([np]) if np and self._np_ok(np) else None
        tokens = segments[-1].split()
        # a relative clause before the cue: "One journalist who requested ... said"
        # keeps its head; "umbrella that they believe" embeds the cue; "an interview
        # in which he says" has its own subject
        for k, tok in enumerate(tokens):
            word = _lower_bare(tok)
            if word not in RELATIVE_PRONOUNS:
                continue
            nxt = tokens[k + 1] if k + 1 < len(tokens) else ""
            object_relative = (_lower_bare(nxt) in PERSONAL_PRONOUNS
                               or _lower_bare(nxt) in DETERMINERS or _is_cap(nxt))
            if k > 0 and _lower_bare(tokens[k - 1]) in PREPOSITIONS and object_relative:
                tokens = tokens[k + 1:]  # "in which he says"
                break
            if k == 0 and word in ("what", "which"):
                return None
            if k > 0 and object_relative:
                return None
            if k > 0:
                tokens = tokens[:k]
                break
        else:
            # the subject starts after the last subordinator or complementizer
            for k in range(len(tokens) - 1, -1, -1):
                word = _lower_bare(tokens[k])
                if word in SUBORDINATORS and k < len(tokens) - 1:
                    if _lower_bare(tokens[-1]) in COORDINATORS and not self._has_verb(
                            tokens[k + 1:-1]):
                        # no clause after it: "has cast Clinton as unqualified and accused"
                        # coordinates the verbs of the clause around it
                        continue
                    if word in GENERIC_SUBORDINATORS:
                        return None
                    tokens = tokens[k + 1:]
                    break
                if word == "that" and k < len(tokens) - 1:
                    tokens = tokens[k + 1:]
                    break
        tokens = _strip_leading_fillers(tokens)
        if not tokens:
            return None
        if _lower_bare(tokens[-1]) in COORDINATORS:
            # coordinated verbs share the clause's subject: "Pakistan opposed ... and accused";
            # across appositions: "Donald Trump, her opponent, bemoaned ... and said"
            whole = self._leading_np(left)
            if whole and self._np_ok(whole):
                source = self._source_from_run([whole])
                if source is not None and (source[0].named or source[0].kind == "org"):
                    return source
            np = self._leading_np(" ".join(tokens[:-1]))
            if np is None:
                return None
            return self._source_from_run([np])
        text = " ".join(tokens)
        if not self._np_ok(text):
            # "The report was released and officials said": the clause after "and"
            for k in range(len(tokens) - 1, 0, -1):
                if _lower_bare(tokens[k - 1]) in COORDINATORS:
                    tail = " ".join(tokens[k:])
                    if self._np_ok(tail):
                        return self._source_from_run([tail])
                    break
            return None
        return self._source_from_run([text])

    def _segment_kind(self, seg: str) -> str:
        tokens = seg.split()
        if len(tokens) > 1 and _lower_bare(tokens[0]) in ("and", "but", "or", "yet", "so"):
            tokens = tokens[1:]
        first = _lower_bare(tokens[0])
        if len(tokens) <= 2 and all(
                _lower_bare(t) in SKIPPABLE_ADVERBS | LEADING_FILLERS
                or (_lower_bare(t).endswith("ly") and _lower_bare(t) not in NOT_ADVERBS)
                for t in tokens):
            return "adverb"
        if first in RELATIVE_PRONOUNS - {"that", "what"}:
            return "relative"
        if first in INCLUDING_WORDS:
            return "including"
        if first in PREPOSITIONS and first not in SUBORDINATORS:
            return "pp"  # "in a statement on Thursday", "of course"
        if first in SUBORDINATORS or first == "to":
            return "stop"
        if first in TIME_WORDS and len(tokens) <= 3:
            return "adverb"
        if len(tokens) <= 4 and _lower_bare(tokens[-1]) in ("later", "earlier", "ago"):
            return "adverb"  # a time: "Hours later", "a few days later", "Two weeks ago"
        if first in PERSONAL_PRONOUNS and len(tokens) > 1:
            return "stop"  # a clause: "he underwent training"
        if ((first.endswith("ing") or first.endswith("ed"))
                and first not in SOURCE_NOUNS and _singular(first) not in SOURCE_NOUNS
                and not self._role_like(seg)
                and (not _is_cap(tokens[0])
                     or (len(tokens) > 1 and tokens[1][:1].islower()))  # "Dashing into ..."
                and not (len(tokens) <= 6 and any(_is_cap(t) for t in tokens[1:])
                         and not _is_cap(tokens[0]))):  # "syndicated radio host Dennis Prager"
            return "participle"  # "preparing to fight ...", not "acting political director"
        if any(_lower_bare(t) in AUXILIARIES and (k == 0 or not _is_cap(t))
               for k, t in enumerate(self._before_relative(tokens))):
            return "stop"
        return "np"

    def _time_phrase(self, seg: str) -> bool:
        """A time between a subject and its verb: "this past week", "on Sunday"."""
        words = [_lower_bare(t) for t in seg.split()]
        if self._segment_kind(seg) == "adverb":
            return words[0] in TIME_WORDS
        return (self._segment_kind(seg) == "pp" and len(words) <= 3
                and words[0] in ("on", "in", "last", "this", "early", "late")
                and words[-1] in TIME_WORDS)

    @staticmethod
    def _adverbial_clause(seg: str) -> bool:
        """A subordinator with a participle and no subject: "when asked about X",
        "while being interviewed", "if elected"."""
        tokens = seg.split()
        if len(tokens) < 2 or _lower_bare(tokens[0]) not in SUBORDINATORS:
            return False
        second = _lower_bare(tokens[1])
        if second in ("being", "not") or second.endswith("ly") and len(tokens) > 2:
            second = _lower_bare(tokens[2]) if second != "being" else "being"
        return second == "being" or ((second.endswith("ed") or second.endswith("ing")
                                      or second in PARTICIPLE_IRREGULARS)
                                     and second not in SOURCE_NOUNS)

    @staticmethod
    def _before_relative(tokens: list[str]) -> list[str]:
        for k, tok in enumerate(tokens):
            if k > 0 and _lower_bare(tok) in RELATIVE_PRONOUNS and not (
                    _lower_bare(tok) == "that" and _lower_bare(tokens[k - 1]) in PREPOSITIONS):
                return tokens[:k]  # not "of that 2013 report": a determiner
        return tokens

    def _np_ok(self, text: str) -> bool:
        tokens = self._before_relative(text.split())
        if not tokens or len(tokens) > MAX_SUBJECT_TOKENS:
            return False
        lower = [_lower_bare(t) for t in tokens]
        if not any(w for w in lower):
            return False  # punctuation only: a stray quote mark
        if any(w in PERSONAL_PRONOUNS for w in lower[1:]) or (
                lower[0] in _strict_verb_forms() and not _is_cap(tokens[0])) or lower[0] in (
                "why", "how", "whether", "when", "where"):
            return False  # a clause, not a subject: "said he", "saying they", "why he"
        if len(lower) == 1 and lower[0] not in STANDALONE_QUANTIFIERS and (
                lower[0] in SUBORDINATORS or lower[0] in RELATIVE_PRONOUNS
                or lower[0] in PREPOSITIONS or lower[0] in DETERMINERS):
            return False  # "when asked", "that said": no subject
        if any(w in AUXILIARIES and (k == 0 or not _is_cap(t))
               for k, (w, t) in enumerate(zip(lower, tokens))):  # "Will Rogers" is a name
            return False
        if lower[0] in APPROXIMATORS and len(lower) > 1 and (
                lower[1] in NUMBER_WORDS | {"half", "a", "one-third", "two-thirds"}
                or lower[1].replace(",", "").isdigit()):
            lower = lower[1:]  # "about half of Democratic voters", "About 4 in 10"
        if lower[0] in PREPOSITIONS or lower[-1] in PREPOSITIONS or lower[-1] in DETERMINERS:
            return False
        if lower[0] in PERSONAL_PRONOUNS and len(lower) > 1:
            return False
        if any(w in COMMON_VERBS for w in lower) or lower[0] in ("there", "to"):
            return False  # "Take a look at ... things Donald Trump said", "There have been"
        forms = _strict_verb_forms()
        if any(w in forms and forms[w][1] in ("3sg", "past") and not _is_cap(t)
               and k + 1 < len(lower) and lower[k + 1] in DETERMINERS
               for k, (w, t) in enumerate(zip(lower, tokens))):
            return False  # "Clinton maintains a large pledged ...": a clause, not a subject
        if re.search(r"\b[a-z]+ed\s+(?:the|a|an|this|these|those|his|her|its|their)\s",
                     " ".join(tokens) + " "):
            return False  # a clause: "Radio Mashaal independently verified the details"
        if lower[-1] in ("and", "or", "but", "to", "not"):
            return False
        return True

    def _leading_np(self, text: str) -> str | None:
        """The noun phrase opening a clause: "Afghan leaders do not ..." -> "Afghan leaders"."""
        segments = [s.strip() for s in text.split(",") if s.strip()]
        after_pp = False
        for n, seg in enumerate(segments):
            kind = self._segment_kind(seg)
            skipped_pp, after_pp = after_pp, False
            if n + 1 < len(segments) and (
                    (skipped_pp and (seg in US_STATES or seg.rstrip(".") + "." in US_STATES))
                    or re.fullmatch(r"[A-Z][\w.]*(?: [A-Z][\w.]*)* \([A-Za-z ]+\)", seg)):
                # the place closing a fronted phrase ("At an event in St. Clairsville, Ohio,
                # Brenda Johnson railed"), a dateline ("New York (AFP) – Joe Biden hit")
                after_pp = skipped_pp
                continue
            if kind == "adverb" or (n + 1 < len(segments) and (
                    kind == "participle"  # "Chastened by the analyses, Trump revised ..."
                    or (re.search(r"[A-Z]{2}", seg) and not re.search(r"[a-z]", seg)))):
                after_pp = kind == "participle"  # "Speaking in Salem, New Hampshire, Trump"
                continue  # a dateline or header: "BRUSSELS - European leaders gathered ..."
            tokens = _strip_leading_fillers(seg.split())
            if not tokens or _lower_bare(tokens[0]) in PREPOSITIONS | SUBORDINATORS:
                after_pp = True
                continue
            if n + 1 < len(segments) and (
                    any(_lower_bare(t) in SUBORDINATORS for t in tokens[1:4])
                    or (not self._has_verb(tokens) and any(
                        _lower_bare(t) in PREPOSITIONS for t in tokens[1:3]) and any(
                        re.fullmatch(r"\d{4}s?", _bare(t)) or _lower_bare(t) in TIME_WORDS
                        for t in tokens[1:5]))):
                # "Two weeks after Scalia died, Thomas broke ...", "Back in 1999, Mr. Trump"
                continue
            kept: list[str] = []
            for k, tok in enumerate(tokens):
                word = _lower_bare(tok)
                if word in AUXILIARIES or (k > 0 and (word in _strict_verb_forms()
                                                      or word in COMMON_VERBS)
                                           and not (_is_cap(tok) and _is_cap(tokens[k - 1]))):
                    break  # (not inside a name: "The State Department has deemed")
                if k > 0 and not _is_cap(tok) and (word.endswith("ed") or (
                        word.endswith("s") and word not in SOURCE_NOUNS
                        and _singular(word) == word and kept and _is_cap(kept[-1]))
                        or _verb_forms().get(word, ("", ""))[1] in ("past", "pp")
                        or (word.endswith("ly") and len(word) > 3 and word not in NOT_ADVERBS)):
                    break  # "Bernie Sanders spoke ...", "Hillary Clinton clearly erred ..."
                kept.append(tok)
            while len(kept) > 1 and _lower_bare(kept[-1]) in SKIPPABLE_ADVERBS:
                kept.pop()  # "Brenda Johnson also railed": not part of the noun phrase
            return " ".join(kept) if kept else None
        return None

    @staticmethod
    def _has_verb(tokens: list[str]) -> bool:
        """Whether a clause segment holds a finite verb (an auxiliary, a known verb form,
        a frequent verb or a lowercase -ed word)."""
        forms = _verb_forms()
        for k, tok in enumerate(tokens):
            word = _lower_bare(tok)
            if word in AUXILIARIES or word in COMMON_VERBS:
                return True
            if k > 0 and not _is_cap(tok) and (
                    (word in forms and forms[word][1] in ("3sg", "past"))
                    or (word.endswith("ed") and word not in SOURCE_NOUNS)):
                return True
        return False

    def _main_subject(self, left: str) -> _Entity | None:
        np = self._leading_np(left)
        if np is None or not self._np_ok(np):
            return None
        source = self._source_from_run([np])
        return source[0] if source else None

    def _source_after(self, right: str) -> tuple[_Entity | None, str | None]:
        """The source right of an inverted cue or "according to"."""
        text = _clause_prefix(right.split(_MASK)[0])
        segments = [s.strip() for s in _drop_parentheticals(text).split(",") if s.strip()]
        if not segments:
            return None, None
        tokens = _strip_leading_fillers(segments[0].split())
        if not tokens:
            return None, None
        run = [" ".join(tokens)]
        for seg in segments[1:]:
            kind = self._segment_kind(seg)
            if kind in ("np", "relative", "including") and (
                    kind != "np" or self._role_like(seg)):
                run.append(seg)
            else:
                break
        first = _lower_bare(run[0].split()[0])
        if not self._np_ok(run[0]) or first in OBJECT_PRONOUNS or first in (
                "that", "whether", "if", "how", "what", "why", "when") or all(
                _lower_bare(t) in TIME_WORDS or _bare(t).isdigit() for t in run[0].split()):
            return None, None  # ("said Friday.": a time, not a source)
        return self._source_from_run(run) or (None, None)

    def _role_like(self, seg: str) -> bool:
        words = {_lower_bare(t) for t in self._before_relative(seg.split())}
        return any(w in self.role_words or _singular(w) in self.role_words for w in words)

    def _source_from_run(self, run: list[str]) -> tuple[_Entity, str | None] | None:
        """Entity and stated role from a head segment and its appositions."""
        run = [_strip_full_stop(_drop_parentheticals(s).strip()) for s in run]
        if run and len(run[0].split()) > 1:
            day = _TRAILING_DAY.search(run[0])
            if day is not None and _is_cap(run[0][:day.start()].split()[-1]):
                run[0] = run[0][:day.start()]  # "Priebus later Thursday told"
        run = [s for s in run if s]
        if not run:
            return None  # only a parenthesis or a full stop: "(AP)", "."
        head = run[0]
        words = head.split()
        lower0 = _lower_bare(words[0])
        if len(words) == 1 and lower0 in PERSONAL_PRONOUNS:
            if lower0 in AUTHOR_PRONOUNS:
                return None  # "I think", "we've asked": the author's own voice
            entity = self._pronoun(lower0)
            if entity is None:  # no antecedent: keep the pronoun as written
                entity = _Entity(name=_bare(words[0]), kind="group" if lower0 == "they"
                                 else "person")
            return entity, None
        # a name in one of the segments
        apposition_role: str | None = None
        for seg in run:
            kind = self._segment_kind(seg)
            if kind in ("np",) and self._role_like(seg) and self._name_in(seg) is None:
                apposition_role = self._clean_role(seg)
                break
        for seg in run:
            if self._segment_kind(seg) == "including":
                continue  # "religious leaders, including Pope John Paul II, called": the group
            named = self._name_in(seg)
            if named is None:
                continue
            name, prefix, gender = named
            role = apposition_role or (self._clean_role(prefix) if prefix else None)
            entity = self._person(name, role, gender)
            return entity, role
        # a country or an organisation
        for seg in run[:2]:
            org = self._org_name(seg)
            if org is not None:
                return self._org(org), apposition_role if seg is not run[0] else None
        # a descriptor, extended by "including ..." segments
        descriptor = head
        for seg in run[1:]:
            if self._segment_kind(seg) == "including":
                descriptor += ", " + seg
        role = apposition_role if apposition_role and apposition_role != head else None
        return self._descriptor(descriptor), role

    # ------------------------------------------------------------------ names

    def _name_in(self, seg: str) -> tuple[str, str, str | None] | None:
        """(name, title/role prefix, gender) when the segment names a person.

        The name is the capitalised run closing the segment's main part (a
        prepositional phrase may follow: "Ms. Threlkeld of the Stimson
        Center"); what precedes it is titles and role words ("Pakistan army
        chief General", "Florida delegate", "then Pakistani Prime Minister").
        """
        tokens = _drop_parentheticals(seg).split()
        if not tokens:
            return None
        cut = next((k for k, t in enumerate(tokens)
                    if k > 0 and not _is_cap(t) and _lower_bare(t) in PREPOSITIONS
                    and _lower_bare(t) not in NAME_PARTICLES), len(tokens))
        main = tokens[:cut]
        if any(t.endswith((",", ";", ":")) for t in main[:-1]):
            return None
        # the closing run of capitalised words (and particles, initials)
        k = len(main)
        while k > 0:
            word = _bare(main[k - 1])
            if _is_cap(main[k - 1]) or (word in NAME_PARTICLES and k < len(main)):
                k -= 1
                continue
            break
        run = main[k:]
        prefix = main[:k]
        gender: str | None = None
        # everything up to the last title word is title: "Deputy Treasury Secretary X"
        last_title = max((i for i, t in enumerate(run[:-1])
                          if t in TITLE_WORDS and t not in ("Former", "Then")), default=-1)
        if last_title >= 0:
            prefix, run = prefix + run[:last_title + 1], run[last_title + 1:]
        # titles and nationality words opening the run belong to the prefix
        while run:
            word = _bare(run[0])
            if run[0] in COURTESY_TITLES or word in COURTESY_TITLES:
                gender = COURTESY_TITLES.get(run[0], COURTESY_TITLES.get(word))
                run = run[1:]
                continue
            if (run[0] in TITLE_WORDS or word in TITLE_WORDS or word in self.nationality
                    or word.lower() in COMMON_CAPS or _is_possessive(run[0])):
                prefix.append(run[0])
                run = run[1:]
                continue
            break
        for t in prefix:
            if t in COURTESY_TITLES:
                gender = COURTESY_TITLES[t]
        if not run or len(run) > 5:
            return None
        if any(_lower_bare(t) in AUXILIARIES or _lower_bare(t) in RELATIVE_PRONOUNS
               for t in prefix):
            return None
        words = [t.rstrip(",;:") if re.fullmatch(r"[A-Z]\.,?", t) else _bare(t) for t in run]
        if any(_is_possessive(t) for t in run) or any(w in ORG_WORDS for w in words):
            return None
        if all(re.fullmatch(r"[A-Z](?:\.?[A-Z])+\.?", w) for w in words):
            return None  # an acronym is an organisation: "the T.T.P.", "NATO"
        if all(w in self.nationality for w in words):
            return None
        if words[0].lower() in SOURCE_NOUNS or _singular(words[-1].lower()) in SOURCE_NOUNS:
            return None
        name = " ".join(words)
        return name, " ".join(prefix), gender

    def _org_name(self, seg: str) -> str | None:
        """A country or organisation named by a capitalised run ("India", "The T.T.P.")."""
        tokens = seg.split()
        words = tokens[1:] if tokens and tokens[0].lower() == "the" else tokens
        if not words or len(words) > 6:
            return None
        if not all(_is_cap(t) or _bare(t).lower() in ("of", "and", "for") for t in words):
            return None
        if _bare(words[0]).lower() in COMMON_CAPS or _lower_bare(words[0]) in SOURCE_NOUNS:
            return None
        return seg.strip().rstrip(",")

    def _clean_role(self, text: str) -> str | None:
        """A role phrase: relative clauses, courtesy titles and leading 'then' dropped."""
        tokens = self._before_relative(_drop_parentheticals(text).split())
        tokens = [t for t in tokens if t not in COURTESY_TITLES]
        while tokens and _lower_bare(tokens[0]) in ("then", "and"):
            tokens = tokens[1:]
        while len(tokens) > 1 and tokens[-1] in RANK_TITLES and any(
                _lower_bare(t) in self.role_words for t in tokens[:-1]):
            tokens = tokens[:-1]
        role = " ".join(tokens).strip(" ,.")
        return role or None

    def _register_names(self, masked: str) -> None:
        """Titles and appositions anywhere in a sentence give full names and roles."""
        for m in re.finditer(r"[^,;:\x00]+", masked):
            chunk = m.group()
            for t in _title_name_pattern().finditer(chunk):
                name_words = t.group(2).split()
                titles: list[str] = []
                last_title = max((i for i, w in enumerate(name_words[:-1]) if w in TITLE_WORDS),
                                 default=-1)  # "Deputy Treasury Secretary Lawrence Summers"
                titles, name_words = name_words[:last_title + 1], name_words[last_title + 1:]
                if len(name_words) < 2 or any(w in ORG_WORDS for w in name_words):
                    continue
                if name_words[0].rstrip(".") in self.nationality:
                    continue
                name = " ".join(name_words)
                if name.endswith(".") and not re.search(r"\b[A-Z]\.$", name):
                    name = name[:-1]
                prefix = (chunk[:t.start(2)] + " " + " ".join(titles)).strip()
                # role words just before the name: "Pakistan army chief General"
                self._person(name, self._clean_role(self._role_prefix(prefix)), None)
        # apposition: "Moeed Yusuf, Pakistan's national security adviser,"
        for m in _APPOSITION.finditer(masked):
            seg = m.group(2)
            if not self._role_like(seg) or self._segment_kind(seg) not in ("np", "relative"):
                continue
            named = self._name_in(m.group(1))
            if named is None or len(named[0].split()) < 2:
                continue
            self._person(named[0], self._clean_role(seg), named[2])

    def _role_prefix(self, text: str) -> str:
        """The role words right before a name, back to a clause edge."""
        tokens = text.split()
        kept: list[str] = []
        for tok in reversed(tokens):
            lw = _lower_bare(tok)
            if (tok in TITLE_WORDS or _bare(tok) in self.nationality
                    or lw in self.role_words or lw in ("army", "home", "foreign", "interior",
                                                        "security", "defense", "defence",
                                                        "national", "deputy", "senior", "top",
                                                        "then", "former", "retired", "vice")):
                kept.insert(0, tok)
                continue
            break
        return " ".join(kept)

    def _person(self, name: str, role: str | None, gender: str | None) -> _Entity:
        """The entity for a name, resolving surnames; created when new."""
        name = name.strip()
        tokens = name.split()
        entity: _Entity | None = None
        if len(tokens) >= 2 and name in self.full:
            entity = self.full[name]
        elif len(tokens) == 1:
            entity = self._surname(tokens[0], role)
            if entity is None:
                entity = self._member_alias(tokens[0], gender)
        elif len(tokens) >= 2:
            # a longer or shorter form of a registered name ("Ziaullah Langove")
            candidates = [e for e in self.by_last.get(tokens[-1], [])
                          if set(tokens) <= set(e.name.split())
                          or set(e.name.split()) <= set(tokens)]
            if candidates:
                entity = max(candidates, key=lambda e: e.last_seen)
                if len(tokens) > len(entity.name.split()):
                    self.full.pop(entity.name, None)
                    entity.name = name
                    self._index_person(entity)
        if entity is None:
            entity = _Entity(name=name, kind="person", named=True, role=role, gender=gender)
            self.persons.append(entity)
            self._index_person(entity)
        if entity.role is None and role:
            entity.role = role
        if entity.gender is None and gender:
            entity.gender = gender
        entity.last_seen = self.index
        return entity

    def _index_person(self, entity: _Entity) -> None:
        tokens = entity.name.split()
        self.full[entity.name] = entity
        self.by_last.setdefault(tokens[-1], [])
        if entity not in self.by_last[tokens[-1]]:
            self.by_last[tokens[-1]].append(entity)
        for tok in tokens[:-1]:
            self.by_token.setdefault(tok, [])
            if entity not in self.by_token[tok]:
                self.by_token[tok].append(entity)

    def _surname(self, surname: str, role_hint: str | None) -> _Entity | None:
        candidates = [e for e in self.by_last.get(surname, []) if len(e.name.split()) > 1]
        if not candidates:
            candidates = [e for e in self.by_token.get(surname, []) if len(e.name.split()) > 1]
        if not candidates:
            return None
        if len(candidates) > 1 and role_hint:
            hint = {w for w in re.findall(r"[a-z]+", role_hint.lower())
                    if w not in DETERMINERS and w not in PREPOSITIONS}
            fitting = [e for e in candidates
                       if e.role and hint & set(re.findall(r"[a-z]+", e.role.lower()))]
            if fitting:
                candidates = fitting
        return max(candidates, key=lambda e: e.last_seen)

    def _member_alias(self, surname: str, gender: str | None) -> _Entity | None:
        """An outline member whose name ends with, or alias is, the surname."""
        for actor in self.actors:
            for member in actor.members:
                aliases = {a.replace("Mr. ", "").replace("Ms. ", "").replace("Mrs. ", "")
                           for a in member.aliases}
                if member.name.split()[-1] == surname or surname in aliases:
                    entity = _Entity(name=member.name, kind="person", named=True, gender=gender)
                    self.persons.append(entity)
                    self._index_person(entity)
                    return entity
        return None

    def _org(self, text: str) -> _Entity:
        key = re.sub(r"^(?:the|The)\s+", "", text).strip()
        entity = self.orgs.get(key)
        if entity is None:
            entity = _Entity(name=text.strip(), kind="org")
            self.orgs[key] = entity
        entity.last_seen = self.index
        return entity

    def _descriptor(self, text: str) -> _Entity:
        """An unnamed source; "the X"/"his X" joins an earlier X."""
        text = text.strip().rstrip(",.")
        tokens = text.split()
        display = " ".join(self._before_relative(tokens))
        head, plural = self._head(display)
        if " and " in f" {display} " and not re.search(r"\bas well as\b", display):
            plural = True
        kind = "person"
        if head in DOCUMENT_NOUNS:
            kind = "document"
        elif plural:
            kind = "group"
        elif head in COLLECTIVE_NOUNS:
            kind = "org"
        first = _lower_bare(tokens[0]) if tokens else ""
        definite = first in ("the", "his", "her", "their", "its", "this", "these", "those")
        if definite and head:
            group = next((g for g in HEAD_SYNONYMS if head in g), frozenset({head}))
            earlier = [e for h in group
                       if (e := self.descriptors.get((h, kind == "group"))) is not None]
            names = {_bare(t) for t in tokens[1:] if _is_cap(t)}
            # "The PPIC poll" after "a new poll": a name the earlier one lacks is another
            earlier = [e for e in earlier if not names - {_bare(t) for t in e.name.split()}]
            if earlier:  # the most recently mentioned one
                entity = max(earlier, key=lambda e: e.last_seen)
                entity.last_seen = self.index
                return entity
        entity = _Entity(name=display, kind=kind, head=head)
        if head:
            self.descriptors[(head, kind == "group")] = entity
        entity.last_seen = self.index
        return entity

    @staticmethod
    def _head(text: str) -> tuple[str | None, bool]:
        """Head noun (lowercase singular) of a descriptor and whether it is plural."""
        tokens = text.split()
        cut: list[str] = []
        for k, tok in enumerate(tokens):
            lw = _lower_bare(tok)
            if k > 0 and (lw in PREPOSITIONS or lw in RELATIVE_PRONOUNS or lw in ("close",
                                                                                  "familiar")
                          or (lw.endswith("ing") and lw not in SOURCE_NOUNS)):
                if lw == "of" and cut and _lower_bare(cut[-1]) in QUANTITY_NOUNS:
                    # "A large number of Pakistanis": the source is the "of" object
                    rest = tokens[k + 1:]
                    if rest:
                        w = _lower_bare(rest[0])
                        return _singular(w), _is_plural(w) or (w.endswith("s") and _is_cap(rest[0]))
                break
            cut.append(tok)
        if not cut:
            return None, False
        lowered = [_lower_bare(t) for t in cut]
        if len(lowered) == 1 and lowered[0] in GROUP_QUANTIFIERS:
            return lowered[0], True
        for w in reversed(lowered):
            if w in SOURCE_NOUNS or _singular(w) in SOURCE_NOUNS:
                return _singular(w), _is_plural(w)
        w = lowered[-1]
        plural = (w.endswith("s") and not w.endswith("ss")) or lowered[0] in GROUP_QUANTIFIERS \
            or lowered[0] in ("two", "three", "four", "five", "several", "many", "some")
        return _singular(w), plural

    # ------------------------------------------------------------------ salience

    def _pronoun(self, word: str) -> _Entity | None:
        state = self.state
        if word in ("he", "she"):
            person = state.person
            if self._lead is False:
                self._lead = self._lead_person(self._lead_text)
            lead = self._lead
            if lead is not None and lead is not person and (
                    lead.gender is None or lead.gender == ("m" if word == "he" else "f")):
                person = lead  # "Trump made the reference as he discussed ..."
            if person is None:
                return None
            if person.gender and person.gender != ("m" if word == "he" else "f"):
                return None
            if person.gender is None and person.named:
                person.gender = "m" if word == "he" else "f"
            return person
        if word == "they":
            if self._lead_plural is False:
                self._lead_plural = self._lead_group(self._lead_text)
            lead_group = self._lead_plural
            if lead_group is not None:
                return lead_group  # "Democrats also focused on what they said was ..."
            return state.group or (state.thing if state.thing and state.thing.kind == "org"
                                   else None)
        if word == "it":
            if state.subject_org is not None and state.subject_org_index >= state.thing_index:
                return state.subject_org
            return state.thing or state.subject_org
        return None  # "I", "we", "you" outside quotes: the author

    def _note(self, entity: _Entity) -> None:
        entity.last_seen = self.index
        if entity.kind == "person":
            self.state.person = entity
        elif entity.kind == "group":
            self.state.group = entity
        else:
            self.state.thing = entity
            self.state.thing_index = self.index

    def _centre(self, p: _Parsed) -> None:
        """An unattributed sentence's subject becomes salient for pronouns."""
        np = self._leading_np(p.masked.split(_MASK)[0])
        if not np:
            return
        named = self._name_in(np)
        if named is not None:  # a registered person: "Last month Bajwa accompanied ..."
            name = named[0]
            entity = self.full.get(name) or (
                self._surname(name, None) if len(name.split()) == 1 else None)
            if entity is None and len(name.split()) >= 2 and np.split()[-1].strip(",") \
                    == name.split()[-1]:
                # a full name as the subject: "Bernie Sanders spoke in Iowa. His ..."
                entity = self._person(name, self._clean_role(named[1]) if named[1] else None,
                                      named[2])
            if entity is not None:
                entity.last_seen = self.index
                self.state.person = entity
            return
        head, plural = self._head(np)
        if (plural and head in SOURCE_NOUNS and head not in DOCUMENT_NOUNS
                and len(np.split()) <= CENTRE_GROUP_MAX_TOKENS
                and _singular(_lower_bare(np.split()[-1])) == head and self._np_ok(np)):
            # "The central authorities ... were afraid ... They decided": "they"
            self.state.group = self._descriptor(np)
            return
        if head in COLLECTIVE_NOUNS and not plural and self._np_ok(np):
            entity: _Entity | None = self._descriptor(np)  # "the government of ..." -> "it"
        else:
            org = self._org_name(np)  # "Pakistan has tried ...", "the T.T.P. appeared ..."
            entity = self._org(org) if org is not None else None
        if entity is not None:
            self.state.subject_org = entity
            self.state.subject_org_index = self.index

    # ------------------------------------------------------------------ actors

    def _actor(self, entity: _Entity, role: str | None) -> str | None:
        key = (entity.name, role or "", entity.named)
        if key not in self._actor_cache:
            self._actor_cache[key] = self._match_actor(entity, role)
        return self._actor_cache[key]

    def _match_actor(self, entity: _Entity, role: str | None) -> str | None:
        name = entity.name
        # 1. members: full names, then aliases (one-word aliases match the last name);
        # a descriptor only on its head ("a cleric close to Imran Khan" is no member)
        who = name if entity.named else ASSOCIATION_MARKERS.split(" " + name + " ")[0].strip()
        for actor in self.actors:
            for member in actor.members:
                if who and _phrase_re(member.name, False, False).search(_norm(who)):
                    return actor.id
        for actor in self.actors:
            for member in actor.members:
                for alias in member.aliases:
                    if " " in alias or "," in alias:
                        if who and _phrase_re(alias, False, False).search(_norm(who)):
                            return actor.id
                    elif who and who.split()[-1] == alias:
                        return actor.id
        # what is matched: the descriptor's head (unnamed) and the role
        parts: list[str] = []
        if role:
            parts.append(_norm(ASSOCIATION_MARKERS.split(" " + role + " ")[0]))
        if not entity.named:
            parts.append(_norm(ASSOCIATION_MARKERS.split(" " + name + " ")[0]))
        text = " | ".join(p.strip() for p in parts if p.strip())
        former = bool(FORMER_WORDS.search(text))
        chosen = self._match_text(text, entity)
        if former:
            held_post = any(re.search(r"(?<![\w])" + w + r"s?(?![\w])", text, re.IGNORECASE)
                            for w in FORMER_OFFICIAL_ROLES)
            actor = next((a for a in self.actors if a.id == chosen), None)
            if chosen is None and held_post:
                return self.commentator
            if actor is not None and actor.nationality:
                return self.commentator
        return chosen

    def _match_text(self, text: str, entity: _Entity) -> str | None:
        if not text:
            return None
        # 2. descriptor phrases, earliest in the text
        best: tuple[int, int, str] | None = None
        for order, actor in enumerate(self.actors):
            for phrase in actor.descriptors:
                m = _phrase_re(phrase, True, False).search(text)
                if m and (best is None or (m.start(), order) < best[:2]):
                    best = (m.start(), order, actor.id)
        if best is not None:
            return best[2]
        # 3. a country as the speaker: "Pakistan says"
        if not entity.named and entity.kind in ("org", "person", "group"):
            bare = re.sub(r"^(?:the|The)\s+", "", entity.name).strip().rstrip(".")
            for actor in self.actors:  # ("the T.T.P" lost its final stop as a source)
                if any(bare == n.rstrip(".") for n in actor.nationality):
                    return actor.id
        # 4. a nationality word and a role word, nearest pair first
        pairs: list[tuple[int, int, str]] = []
        for order, actor in enumerate(self.actors):
            if not actor.nationality:
                continue
            for part in text.split(" | "):
                nats = [m.start() for n in actor.nationality
                        for m in _phrase_re(n, False, False).finditer(part)]
                if not nats:
                    continue
                roles = [m.start() for r in actor.roles
                         for m in _phrase_re(r, True, True).finditer(part)]
                if roles:
                    distance = min(abs(a - b) for a in nats for b in roles)
                    pairs.append((distance, order, actor.id))
        if pairs:
            return min(pairs)[2]
        # 5. role words alone, for actors without a nationality
        for actor in self.actors:
            if actor.nationality:
                continue
            if any(_phrase_re(r, True, True).search(text) for r in actor.roles):
                return actor.id
        return None


# =========================================================================== cue labels

# Cue lemmas that say more than that something was said: denial, accusation,
# warning, claim, admission, promise, threat, judgement, belief, characterisation.
# A brief shows these next to the statement ("Pakistan denied: ..."); see
# `cue_carries_meaning`.
MEANINGFUL_CUE_LEMMAS = frozenset("""
deny dispute reject dismiss counter rebut refute accuse blame charge allege warn caution
threaten claim insist maintain assert contend argue stress emphasize emphasise reiterate
admit acknowledge concede confirm reveal disclose predict estimate promise pledge vow assure
urge demand complain boast agree disagree concur echo downplay play criticize criticise
condemn praise mock decry slam blast ridicule bemoan lament applaud welcome tout thank
describe call brand rebrand label dub cast portray characterize characterise compare hail
believe think consider fear hope expect doubt feel worry see view regard suggest imply hint
denounce assail rebuke chide deride rail lash disavow apologize congratulate credit defend
attack question challenge champion advocate endorse oppose support back favor favour
propose recommend order refuse decline want prefer seek plan vote side reaffirm affirm
contradict dismiss shrug balk brush hammer rip knock bash scold fault laud commend insult
retaliate deem rule envision speculate protest plead appeal request lambaste rebuff
""".split())
# Cue nouns and fixed cues that carry meaning in the same way.
MEANINGFUL_CUE_WORDS = frozenset("""
claim claims warning warnings criticism criticisms endorsement endorsements promise promises
pledge pledges vow vows demand demands denial denials accusation accusations allegation
allegations complaint complaints objection objections opposition insistence admission
refusal assertion assertions belief beliefs fears doubts concern concerns prediction
predictions view views opinion opinions stance decision
""".split())
# Lemmas of cues that report a position taken by an act, an intention or a vote
# rather than by words ("Islamabad decided to support", "Sanders wants"). PolNeAR
# counts them as attribution; a section of who *said* what may leave them out
# (see `reports_speech`).
NON_SPEECH_CUE_LEMMAS = frozenset("""
want prefer seek plan offer decline refuse decide aim push nominate support back oppose favor
favour embrace vote side press lobby release share unveil introduce distance opt unleash spar
pivot relish retaliate
""".split())


def _cue_lemma(cue: str) -> str:
    """The lemma of a cue's reporting word: "has denied" -> "deny", "told X" -> "tell"."""
    forms = _verb_forms()
    for word in re.findall(r"[a-z’'-]+", cue.lower()):
        if word in forms:
            return forms[word][0]
    words = re.findall(r"[a-z’'-]+", cue.lower())
    return words[-1] if words else cue.strip()


def cue_carries_meaning(cue: str | None) -> bool:
    """Whether a cue says more than that something was said, so a brief should show it.

    True for denials, accusations, warnings, claims, admissions, promises, threats,
    judgements, beliefs and characterisations ("denied", "accused", "warned",
    "claimed", "insisted", "admitted", "called ... a", "is skeptical of", "made it
    clear"); False for neutral reporting ("said", "says", "told reporters", "added",
    "noted", "wrote", "explained", "according to", a colon or dash credit) and for
    None (a continuation of a quote, whose cue is in another sentence).
    """
    if not cue:
        return False
    text = " ".join(cue.lower().split())
    if text in ("according to", ":", "—", "in", "by", "to") or not re.search(r"[a-z]", text):
        return False
    if re.search(r"(?:^|\s)(?:is|are|was|were|be|been|remains?|remained|seems?|seemed|appears?|"
                 r"appeared|sounded|grew|became)\s", " " + text + " ") or "clear" in text \
            or re.search(r"\bcase\b", text):
        return True  # a stance ("are confident that", "is critical of"), "made it clear"
    words = set(re.findall(r"[a-z’'-]+", text))
    if words & MEANINGFUL_CUE_WORDS:
        return True
    return _cue_lemma(text) in MEANINGFUL_CUE_LEMMAS


def reports_speech(cue: str | None) -> bool:
    """Whether an attribution reports words or beliefs (True), or a position taken by an
    act, an intention or a vote (False: "decided", "wants", "supported", "voted for").

    Both are attribution (PolNeAR counts both); a "who said what" section may keep
    only the first. None (a continuation of a quote) is speech.
    """
    if not cue:
        return True
    return _cue_lemma(cue) not in NON_SPEECH_CUE_LEMMAS


def is_statement(attribution: Attribution) -> bool:
    """Whether an attribution reports what its speaker said or believes: not an act
    (`Attribution.act`) nor a position taken by one (`reports_speech`)."""
    return attribution.speaker is not None and not attribution.act \
        and reports_speech(attribution.cue)


# =========================================================================== entry point


def attribute(article: Article, sentences: tuple[Sentence, ...],
              actors: tuple[Actor, ...]) -> tuple[Attribution, ...]:
    """One Attribution per sentence (aligned); boilerplate gets NO_ATTRIBUTION."""
    del article  # the sentences carry the text; kept for the stage interface
    return _Attributor(actors).run(sentences)

