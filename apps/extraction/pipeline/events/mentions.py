"""Event mentions: a word of the lexicon that names an event here, with its parties and place from the parse.

A mention is one place where the text names an event ("met", "the talks", « a tenu une réunion »). Its
trigger is the word of the lexicon; its predicate the verb that carries its tense and subject (the
trigger itself for a verb, the light verb for "held talks"); its domain the tokens whose names and
places belong to it: the predicate's phrase without the clauses nested in it, so a name in a
neighbouring clause, or in what a reporting verb reports, is never its party.
"""
from __future__ import annotations

import bisect
import datetime
import functools
import itertools
from dataclasses import dataclass, field

from spacy.attrs import IDX, POS
from spacy.tokens import Token

from .. import syntax
from ..actors import ActorTable
from ...dates.lexicon import WEEKDAYS
from ..gazetteer import fold
from ..layout import Layout
from .kinds import GROUP
from .lexicon import EventLexicon, Trigger, event_lexicon
from ..syntax import morph

ACTOR_KINDS = ("person", "organization", "country", "group")
_NOUNISH_DEPS = frozenset({"pobj", "dobj", "nsubj", "obj", "obl", "nmod", "conj", "nsubjpass", "nsubj:pass", "attr",
                           "obl:arg", "obl:mod", "appos"})
_SUBJECT_DEPS = syntax.SUBJECT_DEPS
_PASSIVE_SUBJECTS = frozenset({"nsubjpass", "nsubj:pass"})
_OBJECT_PREDICATES = frozenset({"oprd", "xcomp", "ccomp", "acomp"})
# The groups of kinds that bring people together: what "agreed to meet" plans and "announced he would meet" makes
# known
_GATHERINGS = frozenset({"meet", "call", "visit"})
# what a clause agreed on must do: "agreed that talks should resume", « sont convenus que les équipes devaient… »
_DUTY = frozenset({"should", "must", "shall", "ought", "devoir", "falloir"})
# Prepositions, by meaning: the same in both languages' parses, so they are structure, not vocabulary.
WITH = ("with", "between", "among", "avec", "entre", "aupres", "auprès")
_WITH = ("with", "avec")  # a partner named on its own: "a call with Putin"
TO = ("to", "with", "à", "a", "au", "aux", "avec")
# "said on CNN", « a estimé sur France Inter »: on the air; « invité de la matinale », "a guest of the show"
ON_AIR = ("on", "sur")
GUEST_OF = ("of", "de", "d'", "du", "des")
# « depuis la Maison Blanche » is where one speaks from; "from Kyiv" is where one left
PLACE_PREPOSITIONS = ("in", "at", "to", "into", "near", "outside", "inside", "on", "for", "à", "a", "au", "aux", "en",
                      "dans", "vers", "pres", "près", "sur", "de", "d'", "du", "des", "depuis")
# the prepositions that say where a strike hit ("on Kyiv", « sur Kharkiv »); not « de » ("l'attaque de la Russie")
HIT_PREPOSITIONS = ("on", "at", "in", "into", "over", "near", "sur", "à", "a", "au", "aux", "en", "dans", "près",
                    "pres")
# the prepositions that take one to a gathering ("moved to a working lunch", « est allé au sommet »)
TO_EVENT = ("to", "into", "à", "a", "au", "aux")  # (folded: « à » is "a")
CITY_PREPOSITIONS = ("in", "at", "to", "à", "a", "au", "en")
DESTINATION = ("to", "in", "at", "into", "for", "à", "a", "au", "aux", "en", "dans", "vers")
_PERSONAL = frozenset({"Prs"})


@dataclass
class Mention:
    """One place where the text names an event, with what the parse says of it."""

    kind: str
    trigger: Token
    entry: Trigger
    predicate: Token
    basis: str  # verb | light-verb | noun | surface | genre
    sentence: tuple[int, int]
    domain: set[int] = field(default_factory=set)  # tokens whose places and dates are its own
    party_domain: set[int] | None = None  # tokens whose names are its parties, when fewer than the domain
    participants: dict[str, str] = field(default_factory=dict)  # actor key → role
    location: str | None = None
    place_start: int | None = None
    timex: object | None = None
    status: str = "occurred"
    hedged: bool = False
    wished: bool = False  # only wished for or offered ("hoped to meet Kim", "ready to meet Putin")
    questioned: bool = False  # asked about ("asked whether Modi could stop in Washington")
    anaphoric: bool = False
    needs_date: bool = False
    triggers: list[Token] = field(default_factory=list)
    paragraph: int = 0  # where the paragraph that tells it starts
    live_entry: int = 0  # the time-stamped live-blog entry that tells it (0 outside one)
    determiner: str = ""  # pointing ("this meeting", « son entretien ») | definite ("the meeting") | ""
    rescheduled: bool = False  # moved to the day it is given ("postponed to March 10")
    was_planned: bool = False  # told as planned before being called off ("the meeting planned for Tuesday")
    dropped: bool = False  # set, then said not to happen (« sans la conférence de presse prévue »): called off
    absent: bool = False  # its verb's subject stayed away ("Rubio skipped the NATO meeting"): no party of it
    distinct: bool = False  # a new one of a series ("his second trip", "met again")
    two_only: bool = False  # said to be of two ("their bilateral meeting", « un tête-à-tête »)
    weak_location: bool = False  # its place is a name spaCy found, not one the gazetteer knows
    # the country its place lies in, and whether the place is that country: "Kyiv" and "Ukraine" may be one visit
    region: str | None = None
    whole_country: bool = False
    apart: set[int] = field(default_factory=set)  # ids of mentions told as before or after it: other events
    held_at: "Mention | None" = None  # the gathering it is held at ("the conference, where Vance is to meet…")

    @property
    def group(self) -> str:
        return GROUP[self.kind]


@dataclass
class Context:
    """What the readers of one article share: its parse, layout, actors and lexicon."""

    doc: object
    text: str
    language: str
    layout: Layout
    table: ActorTable
    lexicon: EventLexicon
    resolve_pronoun: object
    statements: list = field(default_factory=list)
    mention_by_char: dict[int, str] = field(default_factory=dict)
    place_by_char: dict[int, tuple[int, str]] = field(default_factory=dict)  # char → (start, place name)
    metonym_by_char: dict[int, tuple[int, str]] = field(default_factory=dict)
    last_parties: list[str] = field(default_factory=list)
    last_parties_paragraph: int = -1  # where the last parties were told
    last_visitor: str | None = None  # the person of the last visit told: whom « son hôte » stands for
    timex_starts: set[int] = field(default_factory=set)
    timex_ends: dict[int, int] = field(default_factory=dict)  # start → end of every time expression
    token_starts: list[int] = field(default_factory=list)  # per token: its first character
    token_pos: list[str] = field(default_factory=list)  # per token: its part of speech
    title_names: dict = field(default_factory=dict)  # (actor key, language) → the name titles give it
    city_by_char: dict[int, tuple[int, str]] = field(default_factory=dict)  # places spaCy found, not the gazetteer
    place_country: dict[str, str] = field(default_factory=dict)  # place name → the country it lies in
    told: set[str] = field(default_factory=set)  # lemmas of the event nouns read so far: the series told
    resolve_office: object = None  # token → the holder of the office its phrase names ("the Prime Minister"), or None
    counterpart: object = None  # (person, country) → who holds that person's office in that country, or None
    # the words of who a source phrase names ("according to X", « selon X »): who told it, not a party of it
    sourced: frozenset[int] = frozenset()
    page_day: datetime.date | None = None  # the day the page's title names (a schedule's), for its timed entries

    @classmethod
    def build(cls, doc, text, language, layout, table, lexicon, resolve_pronoun, statements) -> "Context":
        ctx = cls(doc, text, language, layout, table, lexicon, resolve_pronoun, list(statements))
        strings = doc.vocab.strings
        for start, pos in doc.to_array([IDX, POS]).tolist():
            ctx.token_starts.append(start)
            ctx.token_pos.append(strings[pos])
        # keyed by the first character of each token a name covers: what the readers look up
        for m in table.mentions:
            if m.via == "locative":
                continue  # "talks in Saudi Arabia": the country is the place, not a party
            for pos in ctx.starts_within(m.start, m.end):
                ctx.mention_by_char.setdefault(pos, m.key)
        for p in table.places:
            for pos in ctx.starts_within(p.start, p.end):
                ctx.place_by_char.setdefault(pos, (p.start, p.name))
        for p in table.metonyms:
            for pos in ctx.starts_within(p.start, p.end):
                ctx.metonym_by_char.setdefault(pos, (p.start, p.name))
        for p in table.places + table.metonyms:
            if p.country:
                ctx.place_country.setdefault(p.name, p.country)
        # a city the gazetteer does not know (« à Saint-Pétersbourg »): spaCy's place names, as written, when
        # a preposition of place leads them; read only when the gazetteer names no place for the event
        for ent in doc.ents:
            if ent.label_ not in ("LOC", "GPE") or "\n" in ent.text or not ent.text[:1].isupper() or any(
                    pos in ctx.mention_by_char or pos in ctx.place_by_char or pos in ctx.metonym_by_char
                    for pos in ctx.starts_within(ent.start_char, ent.end_char)):
                continue
            if folded(syntax.case_word(ent.root)) in CITY_PREPOSITIONS and len(ent.text) >= 4:
                for pos in ctx.starts_within(ent.start_char, ent.end_char):
                    ctx.city_by_char[pos] = (ent.start_char, ent.text)
        # "the leaders then travelled to [RAF Lossiemouth]", « s'est rendu à [Camp David] »: a name spaCy took for an
        # organization or a building, where a verb of going leads, is where they went (an actor would be known)
        for ent in doc.ents:
            if ent.label_ in ("ORG", "FAC") and "\n" not in ent.text and ent.text[:1].isupper() and \
                    len(ent.text) >= 4 and _goal_of_going(ent.root, lexicon) and not any(
                        pos in ctx.mention_by_char or pos in ctx.place_by_char or pos in ctx.metonym_by_char
                        for pos in ctx.starts_within(ent.start_char, ent.end_char)):
                for pos in ctx.starts_within(ent.start_char, ent.end_char):
                    ctx.city_by_char[pos] = (ent.start_char, ent.text)
        return ctx

    def starts_within(self, start: int, end: int) -> list[int]:
        """The first characters of the tokens that begin in [start, end)."""
        first = bisect.bisect_left(self.token_starts, start)
        last = bisect.bisect_left(self.token_starts, end)
        return self.token_starts[first:last]

    def actor_at(self, token: Token) -> str | None:
        """The actor a token names, if it is part of an actor's mention outside quotations."""
        key = self.mention_by_char.get(token.idx)
        return key if key and self.table.party_kind(key) in ACTOR_KINDS else None

    def place_at(self, token: Token) -> tuple[int, str] | None:
        return self.place_by_char.get(token.idx)

    def is_media(self, key: str) -> bool:
        actor = self.table.actors.get(key)
        return bool(actor and actor.media)

    def speaker_at(self, pos: int) -> str | None:
        """Who speaks at a character: the speaker of the statement that holds it (a transcript's turn)."""
        for st in self.statements:
            if st.speaker and st.start <= pos < st.end:
                return st.speaker
        return None

    def tell_parties(self, parties: list[str], paragraph: int) -> None:
        """The parties an event named, and the paragraph that named them (read together by a possessive later)."""
        self.last_parties, self.last_parties_paragraph = parties, paragraph


@functools.lru_cache(maxsize=65536)
def folded(word: str) -> str:
    """A word folded as the lexicons are (lower case, no accents), cached per distinct word."""
    return fold(word)


def lemma(token: Token) -> str:
    return folded(token.lemma_)


def hyphenated(token: Token) -> tuple[str, Token] | None:
    """"a sit-down", "a face-to-face", "the counter-offensive": the word of several pieces joined by hyphens that a
    token is part of (the tokenizer splits it), folded, and the piece that stands for it in the parse (the last one
    hung outside the word); None for a token in no such word."""
    doc, first, last = token.doc, token.i, token.i
    while first >= 2 and doc[first - 1].text == "-" and not doc[first - 2].whitespace_ and \
            not doc[first - 1].whitespace_:
        first -= 2
    while last + 2 < len(doc) and doc[last + 1].text == "-" and not doc[last].whitespace_ and \
            not doc[last + 1].whitespace_:
        last += 2
    if first == last or token.text == "-":
        return None
    pieces = doc[first:last + 1]
    heads = [t for t in pieces if t.text != "-" and not first <= t.head.i <= last]
    return (folded(pieces.text), heads[-1]) if heads else None


def entry_for(token: Token, lexicon: EventLexicon) -> Trigger | None:
    """The lexicon entry a token may stand for, by part of speech and lemma (its form, for a lemma spaCy missed); a
    word of several hyphenated pieces that the lexicon names ("a sit-down") stands in the piece the parse hangs it on,
    as a noun when it is no qualifier of another noun ("a face-to-face meeting" is the meeting's)."""
    word = hyphenated(token)
    if word is not None and word[0] in lexicon.nouns:
        head = word[1]
        if head.i != token.i or head.dep_ in ("amod", "compound", "nmod", "npadvmod", "advmod"):
            return None
        return lexicon.nouns[word[0]]
    lem, pos = lemma(token), token.pos_
    if pos in ("VERB", "AUX"):
        found = lexicon.verbs.get(lem)
        if found is None and token.dep_ in _NOUNISH_DEPS:
            found = lexicon.nouns.get(lem) or lexicon.nouns.get(folded(token.text))  # "talks" tagged a verb
        return found
    if pos in ("NOUN", "PROPN"):
        return lexicon.nouns.get(lem) or lexicon.nouns.get(folded(token.text)) or \
            lexicon.nouns.get(_singular_of_name(token, lexicon))
    if pos == "ADP":
        return lexicon.prepositions.get(lem)
    if pos == "ADJ":
        found = lexicon.adjectives.get(lem)
        if found is None and "Part" in morph(token, "VerbForm"):
            found = lexicon.verbs.get(lem)  # « attendu à Moscou » tagged an adjective
        return found
    return None


def _singular_of_name(token: Token, lexicon: EventLexicon) -> str:
    """The lexicon's noun a name's plural stands for, "" if none: the tagger keeps the capital and the s of a noun in
    a name ("the Australia-U.S. Ministerial Consultations"), so its lemma is the plural (the events' pre-filter,
    `_candidates`, reads forms the same way)."""
    word = folded(token.text)
    return word[:-1] if token.pos_ == "PROPN" and word.endswith("s") and word[:-1] in lexicon.nouns else ""


# --- what the words around a trigger name ---------------------------------------------------------------

def names_party(ctx: Context, token: Token, *, persons_only: bool = False) -> bool:
    """Whether a noun phrase's head names a party: an actor, a person pronoun, or a word for people."""
    key = ctx.actor_at(token)
    if key:
        return not persons_only or ctx.table.party_kind(key) in ("person", "group")
    if lemma(token) in ctx.lexicon.cues.quantities or token.pos_ == "NUM":
        # « une centaine [d'invités] », "dozens [of leaders]", "met three [of his predecessors]": the count names whom
        # its phrase names
        return any(names_party(ctx, c, persons_only=persons_only)
                   for c in syntax.prepositional(token, ("de", "d'", "des", "of")))
    if syntax.personal_pronoun(token) and "Neut" not in morph(token, "Gender"):
        return True  # "he", « il », "they"; not "it"
    if lemma(token).rpartition("-")[2] in ctx.lexicon.cues.people:
        return True  # (« les vice-ministres iraniens », "the co-chairs": the last piece of a word with a prefix)
    if token.pos_ == "NOUN" and ctx.resolve_office is not None and ctx.resolve_office(token):
        return True  # « le secrétaire d'Etat », "the Prime Minister": the holder of the office the phrase names
    # "Defense Secretary Pete Hegseth": a name inside the head's own name parts
    return any(ctx.actor_at(c) and (not persons_only or ctx.table.party_kind(ctx.actor_at(c)) in ("person", "group"))
               for c in token.children if c.dep_ in ("compound", "flat:name", "flat", "appos", "nmod", "amod"))


def _name_after_adverbials(verb: Token) -> tuple[list[Token], str]:
    """« Giorgia Meloni reçoit vendredi après-midi au palais Chigi [le vice-président américain JD Vance] »: after
    a day and a place, the French parser loses the object or the partner and makes the name a sentence of its own.
    The first person's name after a verb with a subject, in its clause (no verb, comma or conjunction in between):
    its phrase, the name's first word last, and the preposition that leads it, folded ("" for none: an object;
    « avec le vice-président JD Vance », a partner). Nothing for a verb with no subject, or no such name."""
    if verb.pos_ != "VERB" or not any(c.dep_ in syntax.SUBJECT_DEPS for c in verb.children):
        return [], ""
    doc = verb.doc
    # (to the end of the sentence as written: the parser ended its own at the name it lost)
    for i in range(verb.i + 1, len(doc)):
        t = doc[i]
        if t.pos_ in ("VERB", "AUX", "CCONJ", "SCONJ") or t.text in ",;:()«»\".!?" or "\n" in t.text:
            return [], ""
        if t.ent_type_ not in ("PER", "PERSON") or t.pos_ != "PROPN":
            continue
        start = i  # back over the phrase that leads the name: its title, adjectives and article
        while start - 1 > verb.i and doc[start - 1].pos_ in ("NOUN", "ADJ", "PROPN") and \
                doc[start - 1].ent_type_ in ("", "PER", "PERSON"):
            start -= 1
        if start - 1 > verb.i and doc[start - 1].pos_ == "DET":
            start -= 1
        name_end = i + 1
        while name_end < len(doc) and doc[name_end].ent_iob_ == "I":
            name_end += 1
        led = folded(doc[start - 1].text) if doc[start - 1].pos_ == "ADP" else ""
        return [doc[j] for j in range(start, name_end) if j != i] + [t], led
    return [], ""


def hung_as_case(verb: Token) -> Token | None:
    """« Il a vu jeudi le chef de la diplomatie »: a participle the parser read as the preposition of the day
    after it (« vu » is also a preposition), though it has its own auxiliary or subject. Returns the day, on
    which the parser hung the verb's object; None for a verb parsed as one."""
    if verb.dep_ != "case" or verb.pos_ not in ("VERB", "AUX") or verb.head.i <= verb.i:
        return None
    own = any(c.dep_ in ("aux", "aux:tense") or c.dep_ in _SUBJECT_DEPS for c in verb.children)
    return verb.head if own and verb.head.pos_ in ("NOUN", "PROPN") else None


def objects_of(token: Token) -> list[Token]:
    """A verb's objects, with the subject of its passive ("Zelensky was received by Macron") and the noun a
    relative pronoun object stands for ("Zelensky, qu'il avait reçu")."""
    found = syntax.objects(token)
    day = hung_as_case(token)
    if day is not None:
        # « a vu jeudi [le chef de la diplomatie] » hung on « jeudi »: the nouns after the day are the verb's
        found += [c for c in day.children if c.dep_ in ("nmod", "obj", "appos") and c.i > day.i
                  and not syntax.case_word(c)]
    if not found:
        # « les cinq hommes ont appelé [Donald] Trump »: a name the parser hung as the complement of a verb that
        # has no object is its object (a complement that names, "called Zelensky a dictator", comes after one)
        found = [c for c in token.children if c.dep_ == "xcomp" and c.pos_ in ("PROPN", "X")]
    found += [c for c in token.children if c.dep_ in _PASSIVE_SUBJECTS]
    if token.dep_ == "conj" and any(c.dep_ in ("aux:pass", "auxpass") for c in token.children) and \
            not any(c.dep_ in syntax.SUBJECT_DEPS for c in token.children):
        # "Carney arrived on Monday and [was greeted by Trump] on Tuesday", « Merz est arrivé lundi et a été reçu par
        # Macron »: the passive shares the subject of the verb it is coordinated with
        found += syntax.subjects(token)
    if token.dep_ in ("xcomp", "advcl") and any(c.dep_ in ("aux:pass", "auxpass") and (
            token.dep_ == "xcomp" or {"Inf", "Ger"} & set(morph(c, "VerbForm"))) for c in token.children) and \
            not any(c.dep_ in syntax.SUBJECT_DEPS for c in token.children):
        # « Zelensky doit être reçu vendredi », "Zelensky is to be received": the passive's subject is the modal's;
        # « …, avant d'être reçu à déjeuner par son hôte », "before being received by…": the clause's it hangs on
        found += [c for c in token.head.children if c.dep_ in syntax.SUBJECT_DEPS]
    if token.dep_ == "pcomp" and token.head.dep_ == "prep" and token.head.head.pos_ in ("VERB", "AUX") and any(
            c.dep_ == "auxpass" and "Ger" in morph(c, "VerbForm") for c in token.children):
        found += [c for c in token.head.head.children if c.dep_ in syntax.SUBJECT_DEPS]  # (the English parse)
    if token.dep_ in ("acl", "acl:relcl") and "Part" in morph(token, "VerbForm") and \
            any(c.dep_ in ("obl:agent", "agent") for c in token.children):
        # « le roi a été le premier dirigeant arabe reçu par Donald Trump », "was the first leader received by
        # Trump": who was received is the subject the copula says that noun is
        found += _copula_subjects(token.head)
    if token.dep_ == "advcl" and token.i < token.head.i and "Part" in morph(token, "VerbForm") and \
            "Past" in morph(token, "Tense") and not any(not syntax.case_word(o) for o in syntax.objects(token)) and \
            not any(c.dep_ in ("aux", "aux:tense", *syntax.SUBJECT_DEPS) for c in token.children):
        # « Reçu au Guatemala par Bernardo Arévalo, le secrétaire d'Etat a obtenu… »: a participle put before its
        # clause says what was done to that clause's subject
        found += [c for c in token.head.children if c.dep_ in syntax.SUBJECT_DEPS]
    if not found:
        # "struck [what it called militant camps]", "condemned what Kyiv described as provocations": a free relative
        # is the verb's object, and the noun its own verb names it by stands for it
        for clause in (c for c in token.children if c.dep_ == "ccomp" and c.i > token.i):
            if clause.left_edge.lower_ == "what" and any(
                    c.dep_ in ("dobj", "obj") and c.lower_ == "what" for c in clause.children):
                named = [c for c in clause.children if c.dep_ in ("oprd", "xcomp", "attr") and c.pos_ in ("NOUN", "PROPN")]
                named += [g for c in clause.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children
                          if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")]
                found += named
    if not found:
        phrase, led = _name_after_adverbials(token)
        found = [t for t in phrase[-1:] if not led and t.ent_iob_ == "B"]
    found = [t for t in found if t.pos_ in ("NOUN", "PROPN", "PRON", "NUM", "X") or syntax.personal_pronoun(t)]
    antecedent = _relative_antecedent(token)
    return found + [antecedent] if antecedent is not None else found


def _possessor(ctx: Context, noun: Token, possessive: Token) -> str | None:
    """Whom « sa », "his" stands for: the subject of the main clause its noun is in (« Depuis sa conférence de presse
    du 4 février, il le répète », "since his press conference, he has repeated it"; in a clause of its own, « si
    Poutine tardait … après son investiture », the parse is too often wrong to say), else the pronoun's own reading
    ("his" is a man named before; « sa » says nothing of its possessor)."""
    verb = next((g for g in syntax.governors(noun) if g.pos_ in ("VERB", "AUX")), None)
    if verb is not None and verb.dep_ == "ccomp" and verb.head.pos_ in ("VERB", "AUX") and \
            noun.dep_ in syntax.SUBJECT_DEPS and noun.head.i == verb.i:
        # "He revealed that his final call with Trump had come the night before": the event is what the clause is
        # about, and whose it is, who tells of it (not "said that the bloc would unveil its package", whose
        # clause has a subject of its own)
        verb = verb.head
    main = verb is not None and (verb.dep_ == "ROOT" or verb.dep_ == "conj" and verb.head.dep_ == "ROOT") and \
        not any(c.dep_ == "mark" for c in verb.children)
    for subject in syntax.subjects(verb) if main else []:
        key = ctx.actor_at(subject)
        if key is None and syntax.personal_pronoun(subject) and "Plur" not in morph(subject, "Number"):
            key = ctx.resolve_pronoun(subject.idx, subject.text)
        if key is not None and ctx.table.party_kind(key) == "person":
            return key
    return ctx.resolve_pronoun(possessive.idx, possessive.text)


def _copula_subjects(noun: Token) -> list[Token]:
    """The subjects a copula says a noun is: « le roi a été [le premier dirigeant] », "the king was [the first
    leader]" (French hangs the copula on the noun, English the noun on "be")."""
    if any(c.dep_ == "cop" for c in noun.children):
        return syntax.subjects(noun)
    if noun.dep_ == "attr" and noun.head.lemma_ == "be":
        return syntax.subjects(noun.head)
    return []


def _relative_antecedent(verb: Token) -> Token | None:
    """The noun a relative clause's pronoun stands for: the clause's head, or, when the parser read the
    relative pronoun as a conjunction (« , qu'il avait reçu » as a ccomp), the word before it."""
    rel = next((c for c in verb.children if c.pos_ == "PRON" and c.i < verb.i and c.dep_ in ("obj", "dobj", "mark")
                and ("Rel" in morph(c, "PronType") or c.dep_ == "mark")), None)
    if rel is None and not syntax.objects(verb):
        # « avec Marco Rubio, [que] je verrai en septembre »: the French parser may take the pronoun for a conjunction;
        # after a comma, and with the verb lacking its object, it is the pronoun
        rel = next((c for c in verb.children if c.dep_ == "mark" and c.i < verb.i and folded(c.text) in ("que", "qu'")
                    and c.i > 0 and verb.doc[c.i - 1].text == ","), None)
    if rel is None:
        return None
    if verb.dep_ in syntax.RELATIVE_DEPS:
        return verb.head
    before = rel.i - 1
    while before >= verb.sent.start and verb.doc[before].is_punct:
        before -= 1
    if verb.dep_ == "ccomp" and before == rel.i - 1 and rel.dep_ != "mark":
        return None  # « a déclaré mardi [qu'il rencontrerait Poutine] »: a that-clause right after the day, no relative
    return verb.doc[before] if before >= verb.sent.start else None


_GOAL_PREPOSITIONS = frozenset({"to", "a", "au"})


def _goal_of_going(name: Token, lexicon) -> bool:
    """Whether a name is where a verb of going leads ("travelled [to] X", « s'est rendu [à] X »)."""
    if folded(syntax.case_word(name)) not in _GOAL_PREPOSITIONS:
        return False
    verb = name.head.head if name.dep_ == "pobj" else name.head
    entry = lexicon.verbs.get(lemma(verb)) if verb.pos_ == "VERB" else None
    return entry is not None and entry.kind == "visit" and "destination" in entry.needs


def _of_place(noun: Token) -> list[Token]:
    """The name an "of" phrase of a common noun gives ("a district [of Kryvyi Rih]", « le centre [de Kharkiv] »)."""
    if noun.pos_ != "NOUN":
        return []
    out = []
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            out += [_name_head(p) for p in c.children if p.dep_ == "pobj" and p.pos_ == "PROPN"]
        elif c.dep_ == "nmod" and c.pos_ == "PROPN" and folded(syntax.case_word(c)) in ("de", "d'", "du"):
            out.append(_name_head(c))
    return out


def place_in(ctx: Context, tokens, *, metonyms: bool = False) -> tuple[int, str] | None:
    """The first place named by these tokens (a capital standing for its country counts for a visit)."""
    for t in sorted(tokens, key=lambda t: t.i):
        found = ctx.place_by_char.get(t.idx) or (ctx.metonym_by_char.get(t.idx) if metonyms else None) or \
            ctx.city_by_char.get(t.idx)
        if found:
            return found
    return None


_NAMING = frozenset({"dit", "dite", "dits", "dites", "appele", "appelee", "baptise", "baptisee", "called", "named",
                     "dubbed", "known"})


def _modifier_kind(token: Token, entry: Trigger) -> str | None:
    """The kind a qualifying word gives a noun ("press" conference, conférence « de presse »)."""
    if not entry.modifiers:
        return None
    near = [c for c in token.children if c.dep_ in ("compound", "amod", "nmod", "nmod:poss", "npadvmod", "obl:mod")]
    near += [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    if token.i > 0:
        near.append(token.doc[token.i - 1])
    if token.i + 2 < len(token.doc) and folded(token.doc[token.i + 1].text) in ("de", "d'"):
        near.append(token.doc[token.i + 2])  # « conférence de presse » hung elsewhere by the parser
    # « le mécanisme dit de « snapback » », "the so-called snapback mechanism": the name a word of naming gives it
    near += [g for c in token.children if c.dep_ == "acl" and folded(c.text) in _NAMING
             for g in c.children if g.dep_ in ("xcomp", "obl", "obl:mod", "nmod", "obj")]
    for t in near:
        kind = entry.modifiers.get(lemma(t)) or entry.modifiers.get(folded(t.text))
        if kind:
            return kind
    return None


_WEEKDAYS = frozenset(fold(day) for days in WEEKDAYS.values() for day in days)


def _conj_of_bare_time(noun: Token) -> bool:
    """« a présenté ce vendredi [un paquet] », « a imposé mercredi [des sanctions] »: a noun the parser
    joined to, or hung on, the bare day before it is the verb's object."""
    head = noun.head
    if head.i >= noun.i or syntax.case_word(head) or head.head.pos_ not in ("VERB", "AUX"):
        return False
    if noun.dep_ == "conj" and head.dep_ in ("obl:mod", "npadvmod") and not syntax.case_word(noun):
        return True
    return noun.dep_ == "nmod" and head.dep_ in ("obj", "obl:mod", "dobj") and folded(head.lemma_) in _WEEKDAYS


def measuring(token: Token) -> Token:
    """The noun that measures or counts an event noun ("held [three hours] of talks", "a [round] of talks",
    « au terme d'une [journée] de discussions »), which stands in the sentence where the event noun would; else
    the event noun itself."""
    head = token.head
    if token.dep_ in ("pobj", "pcomp") and head.dep_ == "prep":
        head = head.head  # "talks" hangs on "of", "of" on "hours"
    if head.i == token.i or head.i > token.i or head.pos_ != "NOUN" or \
            folded(syntax.case_word(token)) not in ("of", "de", "d'"):
        return token
    return head if lemma(head) in event_lexicon(token.lang_).cues.measure else token


def introduced(noun: Token) -> Token:
    """The conjunct whose preposition introduces a noun joined to it (« après un appel avec Sheinbaum [puis deux
    entretiens avec Trudeau] »: « après », said once for both)."""
    while noun.dep_ == "conj" and noun.head.i != noun.i and not syntax.case_word(noun):
        noun = noun.head
    return noun


def told_as_setting(stand: Token, cues) -> bool:
    """"during the talks", « lors d'une conférence de presse », « au terme d'une rencontre »: whether an event noun
    (as measured, see `measuring`) is the setting of its clause, by its preposition or the word a French compound
    preposition hangs it on."""
    above = stand.head
    if above.pos_ == "ADP" and folded(above.text) in ("of", "de", "d'", "du") and above.head.i != above.i:
        above = above.head  # "on the sidelines [of] a summit": the English parser hangs the noun on its "of"
    return folded(syntax.case_word(stand)) in cues.during or \
        stand.head.i != stand.i and (lemma(above) in cues.during or folded(above.text) in cues.during)


def setting_verb(noun: Token) -> Token | None:
    """The verb done at an event its noun is the setting of, through the prepositions and common nouns the parser may
    hang that noun on ("asked Zelensky for explanations [in a phone call]"), not through a name or a clause."""
    chain = syntax.governors(noun, 5)
    found = next((k for k, g in enumerate(chain) if g.pos_ in ("VERB", "AUX")), None)
    # (« lors d'un appel »: the tagger calls the first word of a French compound preposition an adverb; "met bin
    # Farhan [on the sidelines of…]": the English parser may hang the setting on the verb's object, a name)
    return chain[found] if found is not None and all(
        g.pos_ in ("ADP", "NOUN") or k == 0 and g.pos_ == "ADV" and bool(syntax.case_word(noun))
        or g.dep_ in ("dobj", "obj") and g.head.i == chain[found].i
        for k, g in enumerate(chain[:found])) else None


def governing_verb(token: Token) -> Token | None:
    """The verb a noun is an argument of, through a preposition if need be ("took part in [the talks]"), or
    through the noun that measures it ("held three hours of [talks]")."""
    measured = measuring(token)
    # « à l'issue d'un entretien », « à la suite d'une conversation », "at the end of a call": a preposition of
    # several words whose noun the parser takes for the head (not "at the end of [a day] of talks", where the
    # measure tells the talks)
    through = measured.i == token.i
    token = measured
    below = token
    for g in syntax.governors(token, 4 if through else 3):
        if g.pos_ in ("VERB", "AUX"):
            return g
        # « a adopté vendredi un paquet »: an object hung on the day before it is the verb's object
        misread = below.dep_ in ("obj", "dobj") and g.pos_ in ("NOUN", "PROPN") or _conj_of_bare_time(below)
        # « lors d'un entretien », « près de »: a preposition of two words the tagger calls an adverb
        misread = misread or g.pos_ == "ADV" and bool(syntax.case_word(below))
        misread = misread or g.pos_ == "NOUN" and below.i > g.i and _compound_preposition(g) and \
            folded(below.text if below.pos_ == "ADP" else syntax.case_word(below)) in ("of", "de", "d'")
        if g.pos_ not in ("ADP", "SCONJ", "CCONJ") and not misread:
            return None  # "the possibility of [talks]": the noun hangs on a noun
        below = g
    return None


def tariff(noun: Token, cues) -> bool:
    """Whether a noun names tariffs: "levies", « surtaxes », « droits » with « de douane » or « sur » the goods taxed
    (« droits de l'homme » are not)."""
    if lemma(noun) in cues.tariffs:
        return True
    return lemma(noun) in cues.tariffs_qualified and any(
        lemma(c) in cues.tariff_qualifiers or folded(syntax.case_word(c)) in cues.tariff_qualifiers
        for c in noun.children if c.dep_ in ("nmod", "amod", "compound", "prep"))


def _compound_preposition(noun: Token) -> bool:
    """The noun of a preposition of several words ("at the end of", « à l'issue de », « à la suite de »)."""
    cues = event_lexicon(noun.lang_).cues
    return lemma(noun) in cues.during | cues.sequence and bool(syntax.case_word(noun))


def _signed(noun: Token, cues) -> bool:
    """"The deal [signed today] to support Türkiye's air force", « l'accord [signé jeudi] »: a text a participle says
    was signed (cues.toml "signing"), not negated."""
    # (an English clause that describes a noun with no relative word is a participle's, though tagged a past)
    if any(c.dep_ in ("acl", "relcl", "acl:relcl") and lemma(c) in cues.signing and not syntax.negated(c)
           and ("Part" in morph(c, "VerbForm") or c.tag_ == "VBN" or c.tag_ == "VBD" and c.dep_ == "acl")
           for c in noun.children):
        return True
    # (the English model may read "the deal signed today" as the deal signing something: a subject of "signed" with
    # no object)
    head = noun.head
    return noun.dep_ == "nsubj" and head.i > noun.i and lemma(head) in cues.signing and not syntax.negated(head) and \
        not syntax.objects(head) and noun.lang_ == "en" and head.tag_ in ("VBD", "VBN")


def _urged(obj: Token) -> bool:
    """« appeler [Moscou] à s'engager », « inviter [Kiev] à négocier »: an object followed by « à » and an
    infinitive, wherever the parser hung the infinitive."""
    after = obj.right_edge.i + 1
    if after >= len(obj.doc) or folded(obj.doc[after].text) not in ("a", "à") or obj.doc[after].dep_ != "mark":
        return False
    verb = obj.doc[after].head
    return verb.pos_ in ("VERB", "AUX") and "Inf" in morph(verb, "VerbForm")


def _made_anew(noun: Token) -> bool:
    """A noun with an indefinite article and an adjective (« un gouvernement rival », "a new government"): a thing the
    verb makes, which names no party that already acts."""
    return any(c.dep_ == "det" and "Ind" in morph(c, "Definite") for c in noun.children) and \
        any(c.dep_ == "amod" for c in noun.children)


def condition(ctx: Context, token: Token, entry: Trigger, name: str) -> bool:
    """Whether one condition of a lexicon entry holds for this token in its sentence."""
    cues = ctx.lexicon.cues
    if name in ("party-object", "actor-object", "person-object"):
        objs = objects_of(token)
        # ("a été reçu [lundi] à Bruxelles": a day the parser hung as the complement is no naming)
        if syntax.objects(token) and any(c.dep_ in _OBJECT_PREDICATES and c.pos_ in ("NOUN", "PROPN", "ADJ")
                                         and c.idx not in ctx.timex_starts for c in token.children):
            return False  # "called Zelensky a dictator": a naming, not a call
        if any(_urged(o) for o in syntax.objects(token)):
            return False  # « appelant Moscou à s'engager »: urging someone to do something, not a call
        if name == "party-object" and not objs:
            return True
        return any(names_party(ctx, o, persons_only=name == "person-object") for o in objs)
    if name == "object":
        return any(o.pos_ in ("NOUN", "PROPN") for o in objects_of(token))
    if name == "thing-object":
        # one announces something, not someone: « , a annoncé le département d'Etat » is its subject, inverted
        # (« a proclamé un gouvernement rival », "formed a new government": an institution made, not one that acts)
        return any(o.pos_ in ("NOUN", "PROPN") and (not names_party(ctx, o) or o.pos_ == "NOUN" and _made_anew(o))
                   for o in objects_of(token))
    if name == "complement":
        # "agreed on the importance of…", « sont convenus de la nécessité de… »: a view they share, no deal (and the
        # infinitive the parser hung on the verb is the view's: "the importance of partners [to work] together")
        agreed_on = syntax.objects(token) + syntax.prepositional(token, ("on", "to")) + [
            c for c in token.children if c.dep_.startswith("obl")]
        if any(lemma(o) in cues.opinions for o in agreed_on):
            return False
        if any(lemma(o) in cues.contact for c in token.children if c.dep_ == "xcomp"
               for o in syntax.prepositional(c, ("in", "en"))):
            return False  # "agreed to stay in close touch", « sont convenus de rester en contact »: a courtesy
        if any(o.pos_ in ("NOUN", "PROPN", "PRON") and o.dep_ not in _PASSIVE_SUBJECTS for o in syntax.objects(token)):
            return True
        lexicon = ctx.lexicon
        def plans(c: Token) -> bool:
            entry = lexicon.verbs.get(lemma(c))
            # ("agreed to stop firing": a verb that would be a stop on a trip is none without a destination)
            return lemma(c) in lexicon.light_verbs and _holds_an_event(ctx, c) or \
                entry is not None and GROUP[entry.kind] in _GATHERINGS and \
                (GROUP[entry.kind] != "visit" or _holds(ctx, c, entry))
        if any(c.dep_ == "xcomp" and plans(c) for c in token.children):
            # "the summit they had agreed to hold", "agreed to meet": the meeting is the event (« sont convenus de
            # poursuivre leurs échanges sur l'Iran », where the light verb holds no event, is an agreement)
            return False
        # ("On trade, the leaders agreed that…": a topic set before the verb is not what was agreed on)
        if any(c.dep_ == "xcomp" or c.dep_ == "prep" and c.lower_ in ("on", "to") and c.i > token.i
               for c in token.children):
            return True
        return any(syntax.case_word(c) in ("sur", "de", "d'", "du", "des") for c in token.children
                   if c.dep_.startswith("obl"))
    if name == "partner":
        partners = syntax.prepositional(token, TO + WITH + ("opposite", "facing"))
        verb = governing_verb(token) if token.pos_ == "NOUN" and token.dep_ in ("obj", "dobj") else None
        if verb is not None and _light(ctx, verb, entry, token):
            # "said goodbye [to the Trumps]", "had a long discussion [with Rubio]": the parser hangs the other side on
            # the verb that holds the noun
            partners += syntax.prepositional(verb, TO + WITH)
        if any(c.lower_ == "across" for c in token.children):
            partners += syntax.prepositional(token, ("from",))  # "sat across from the Russians": the other side
        return any(names_party(ctx, p) and not (ctx.actor_at(p) and ctx.is_media(ctx.actor_at(p)))
                   and lemma(p) not in cues.press for p in partners)
    if name == "audience":
        # "testified before Congress", « a plaidé devant les dirigeants européens »: parties one speaks before
        return any(names_party(ctx, p) and lemma(p) not in cues.press
                   for p in syntax.prepositional(token, ("before", "devant")))
    if name == "assembly":
        # "addressed parliament", "spoke before the General Assembly", « s'est adressé à la nation »: an assembly
        # as the object, or after to/before/« à »/« devant », named in the gazetteer or not
        heads = syntax.objects(token) + syntax.prepositional(token, ("to", "before", "à", "a", "au", "aux", "devant"))
        # ("told a news conference", « devant une conférence de presse »: the press, not a body)
        return any((lemma(h) in cues.assemblies or folded(h.text) in cues.assemblies) and not (
            (noun := ctx.lexicon.nouns.get(lemma(h))) is not None and _modifier_kind(h, noun) == "press_conference")
            for h in heads)
    if name == "policy-object":
        # "froze military aid", "intelligence sharing had been paused", « a suspendu le partage de renseignements »:
        # what a government gives (aid, deliveries, intelligence) as what is acted on; "froze the assets", "paused
        # to think", "suspended the player" are other senses
        heads = syntax.objects(token) + [c for c in token.children if c.dep_ in _PASSIVE_SUBJECTS]
        # « a rétabli la semaine dernière [son aide] »: an object after a bare time, misread as an oblique
        heads += [c for c in token.children if c.dep_.startswith("obl") and c.pos_ == "NOUN"
                  and not syntax.case_word(c) and c.i > token.i]
        # (« reste suspendu [à un soutien] »: hanging on it, not an object)
        heads = [h for h in heads if not syntax.case_word(h)]
        return any(lemma(t) in cues.policy_objects or folded(t.text) in cues.policy_objects
                   for h in heads for t in [h, *(c for c in h.children
                                                 if c.dep_ in ("compound", "nmod", "amod", "prep", "pobj"))])
    if name == "holder":
        # "appointed Umerov", "the Rada approved Svyrydenko", "Barnier was toppled", « nommé à Matignon, il… »: the
        # person who takes or loses an office is its object, the subject of its passive or of its participle
        # clause; "appointed a commission", "approved the budget", "approved of his tone" name none
        # (« a proposé [à Marco Rubio] d'incarcérer… »: whom one proposes something to takes no office)
        if any(names_party(ctx, o, persons_only=True) for o in objects_of(token)
               if folded(syntax.case_word(o)) not in TO_EVENT):
            return True
        # a participle of its own, passive in sense (not "has proposed [holding talks]", a perfect with its complement)
        if "Part" not in morph(token, "VerbForm") or syntax.objects(token) or any(
                c.dep_ in ("aux", "aux:tense", "xcomp", "ccomp") for c in token.children):
            return False
        if token.dep_ in syntax.RELATIVE_DEPS | {"acl"}:
            # "Carney, sworn in the day before, joined…", « Bayrou, renversé par l'Assemblée »: a career told in
            # passing on someone the sentence is about, whose day counts from a scene the clause is not in
            return False
        return any(names_party(ctx, s, persons_only=True) for s in subjects(token))
    if name == "office":
        # "Shmyhal becomes defence minister", « Umerov devient secrétaire du Conseil » : an office as what one
        # becomes, told as the news (not "who became president in 2019", a career in a relative clause, nor
        # "became a symbol")
        if token.dep_ in syntax.RELATIVE_DEPS | {"acl", "xcomp"} or token.dep_ == "ccomp" and \
                lemma(token.head) in cues.reporting:
            return False  # (or what someone said: "said he would become chancellor")
        heads = [c for c in token.children if c.dep_ in ("attr", "xcomp", "obj", "dobj", "acomp")
                 or c.dep_.startswith("obl") and not syntax.case_word(c)]
        # « est devenu jeudi [ministre] », the office hung on the bare day before it
        heads += [n for h in heads if h.dep_.startswith("obl") for n in h.children if n.dep_ == "nmod" and n.i > h.i]
        return any(lemma(t) in cues.offices or folded(t.text) in cues.offices for t in heads)
    if name == "announced-event":
        # "announced that he would meet Putin in Budapest", « a annoncé qu'il devrait rencontrer Poutine »: a
        # meeting, a call or a visit to come, made known; "announced he would think about it", "confirmed that he
        # was tired" name none, and "confirmed that they met", « a confirmé l'appel » tell a past one
        return _announced_event(ctx, token)
    if name == "dated-clause":
        # "Late last night, Macron announced that France would recognise a Palestinian state", « a annoncé jeudi
        # que… »: a that-clause made known on a day the verb itself is given (a policy told as news, not words)
        clauses = _that_clauses(token)
        # ("announced that he would think about it", « a annoncé qu'il allait y réfléchir »: a thought, not a policy)
        clauses = [c for c in clauses if not any(lemma(v) in cues.reflection or lemma(v) in cues.hedge_verbs
                                                 for v in [c, *(x for x in c.children if x.dep_ == "xcomp")])]
        if not clauses:
            return False
        own = [c for c in token.children if c.dep_ not in ("ccomp", "advcl", "nsubj", "nsubjpass", "nsubj:pass")]
        return any(t.idx in ctx.timex_starts for c in own for t in c.subtree)
    if name == "literal-object":
        # "struck a cooler tone", "struck a balance", « a frappé les esprits »: an object that makes the verb a figure
        return not any(lemma(o) in cues.figurative or folded(o.text) in cues.figurative for o in syntax.objects(token))
    if name == "tariff-object":
        # "suspended the levies for 90 days", « Bruxelles a gelé ses contre-mesures »: tariffs as what is acted on
        heads = syntax.objects(token) + [c for c in token.children if c.dep_ in _PASSIVE_SUBJECTS]
        return any(tariff(h, cues) for h in heads if not syntax.case_word(h))
    if name == "arrangements-object":
        # "the Kremlin confirmed the venue on Saturday", « a confirmé la date et le lieu de la rencontre »: the
        # arrangements of a gathering made known (not "confirmed the report", « a confirmé l'appel »)
        # (« a confirmé samedi matin [la date] »: an object after a bare time, misread as an oblique)
        heads = syntax.objects(token) + [c for c in token.children if c.dep_.startswith("obl") and c.pos_ == "NOUN"
                                         and c.i > token.i]
        return any(lemma(o) in cues.arrangements or folded(o.text) in cues.arrangements
                   for o in heads if not syntax.case_word(o))
    if name == "joint-clause":
        # "The two leaders agreed that the movement to peace will begin…", "the United States and Ukraine agreed
        # that…": parties concurring on a text, as readouts put it; one person agreeing that… says something
        clauses = [c for c in token.children if c.dep_ in ("ccomp", "csubj")]
        # what they agreed will be done ("the movement to peace will begin with…"); "agreed that a trade war does not
        # benefit anyone", "that the talks were useful" is a view they share
        if not any(syntax.tense(c) in ("future", "conditional") or c.lemma_ in _DUTY or any(
                a.dep_ == "aux" and a.lower_ in _DUTY for a in c.children) for c in clauses):
            return False
        subjects_ = subjects(token)
        if any(party_reference(ctx, s) for s in subjects_):
            return True
        named = {k for s in subjects_ for t in syntax.phrase(s) if (k := ctx.actor_at(t)) and not ctx.is_media(k)}
        return len(named) >= 2
    if name == "phone-partner":
        # "talked to Macron by phone": someone reached over the line ("talked to Macron" alone is as often a
        # word in passing as a call)
        # ("told Putin by phone", « lui a dit au téléphone »: whom one tells is on the line as well)
        return (condition(ctx, token, entry, "partner") or token.pos_ == "VERB" and any(
            names_party(ctx, o) for o in syntax.objects(token) if not syntax.case_word(o))) and \
            condition(ctx, token, entry, "phone")
    if name == "person-partner":
        # "the clash between Trump and Zelensky": people on the other side, not troops or crowds; "spent four
        # hours at Diriyah Palace with Lavrov", « a passé trois heures avec Zelensky »: a with-phrase the parser
        # hung on the verb's place or object is the verb's
        partners = syntax.prepositional(token, WITH)
        if token.pos_ in ("VERB", "AUX"):
            partners += [p for o in syntax.prepositional(token, PLACE_PREPOSITIONS) + syntax.objects(token)
                         for p in syntax.prepositional(o, WITH)]
        return any(ctx.table.kind(ctx.actor_at(t) or "") == "person" for p in partners for t in syntax.phrase(p))
    if name == "envoy-object":
        # "Tehran recalled its ambassadors", « l'Algérie rappelle son ambassadeur »: a country's envoy called home
        # ("recalled the talks", « rappelle que… », « rappelle Poutine » are other senses)
        return any(lemma(o) in cues.envoys or folded(o.text) in cues.envoys for o in syntax.objects(token))
    if name == "duration-object":
        # "spent four hours", « ont passé la journée »: time spent, not money or a law
        return any(lemma(o) in cues.measure for o in syntax.objects(token))
    if name == "place-object":
        # (or a part of a place: "hit [a residential district of Kryvyi Rih]", « a frappé [le centre de Kharkiv] »)
        return any(place_in(ctx, [_name_head(o)] + [c for c in o.children if c.dep_ in ("compound", "flat:name")]
                            + _of_place(o), metonyms=True) for o in syntax.objects(token))
    if name == "destination":
        targets = syntax.prepositional(token, DESTINATION)
        if place_in(ctx, [t for p in targets for t in syntax.phrase(p)], metonyms=True):
            return True
        # "attendu jeudi à Paris" with the place hung on the day by the parser: a place led by to/in/à
        # anywhere in the verb's phrase
        return place_in(ctx, [t for t in syntax.phrase(token) if folded(_case_of_name(t)) in DESTINATION],
                        metonyms=True) is not None
    if name == "party-subject":
        return any(names_party(ctx, s) for s in subjects(token)) or \
            token.dep_ in syntax.RELATIVE_DEPS | {"acl"} and names_party(ctx, token.head)
    if name == "reflexive":
        return syntax.reflexive(token)
    if name == "participle":
        return "Part" in morph(token, "VerbForm")
    if name == "finite":
        # "pardoned", « en avait gracié »: an act told, not one asked for (« a demandé de gracier l'écrivain »)
        return "Inf" not in morph(token, "VerbForm")
    if name == "captives":
        around = syntax.phrase(token) + ([token.head] if token.dep_ == "compound" else [])
        # ("freed six Americans [detained in Caracas]": the participle that says they were held, a clause of its own)
        around += [c for t in around for c in t.children if c.dep_ == "acl" and "Part" in morph(c, "VerbForm")]
        return any(lemma(t) in cues.captives or folded(t.text) in cues.captives for t in around)
    if name == "weapons":
        # "launched almost 100 drones at Ukrainian cities": what is launched is fired, not a plan or a product
        return any(lemma(t) in cues.weapons or folded(t.text) in cues.weapons
                   for o in syntax.objects(token) for t in syntax.phrase(o))
    if name == "support":
        verb = governing_verb(token)
        return verb is not None and _light(ctx, verb, entry, token) or _signed(token, cues) or \
            _in_force(ctx, token) or _made_by_clause(ctx, token, entry, own=False)
    if name == "support-verb":
        # "agreed a plan", "reached an understanding": one of the noun's own support verbs, a light verb is not
        # enough ("has a plan", "made arrangements", "have an understanding" make no agreement)
        verb = governing_verb(token)
        return verb is not None and lemma(verb) in entry.support and _light(ctx, verb, entry, token) or \
            _made_by_clause(ctx, token, entry, own=True)
    if name == "setting":
        # "agreed to a pause in strikes [during a call] that lasted two hours", « a-t-il dit [lors d'un appel] »:
        # the setting of something done, one event in particular ("during the call"; not "amid calls for a truce")
        stand = measuring(token)
        return told_as_setting(stand, cues) and "Plur" not in morph(token, "Number") and \
            any(c.dep_ == "det" for c in token.children) and \
            not syntax.prepositional(token, ("for", "à", "au", "aux")) and setting_verb(stand) is not None
    if name == "modifier":
        return _modifier_kind(token, entry) is not None
    if name == "plural":
        return "Plur" in morph(token, "Number") or folded(token.text) != lemma(token) and token.text.endswith("s") or \
            bool(_singular_of_name(token, ctx.lexicon))
    if name == "phone":
        scope = syntax.phrase(syntax.clause_head(token)) + syntax.phrase(token)
        return any(lemma(t) in cues.phone or folded(t.text) in cues.phone for t in scope)
    if name == "press":
        return any(lemma(t) in cues.press for t in syntax.phrase(token))
    if name == "institution":
        # (a pronoun too: « l'Union africaine a réagi : elle a suspendu Madagascar »)
        return any(ctx.table.kind(k) in ("country", "organization", "group")
                   for s in syntax.subjects(token) for k in _names_in(ctx, s))
    if name == "institution-intent":
        # « Londres et Paris ont annoncé vouloir utiliser la force conjointe »: a government announcing what it
        # will do (a person who announces an intention is most often only speaking)
        return any(c.dep_ == "xcomp" and "Inf" in morph(c, "VerbForm") for c in token.children) and \
            condition(ctx, token, entry, "institution")
    if name == "joint-subject":
        # "Today, President Trump and President Putin spoke about…" (a readout's call): two people or more as
        # the subject, and no audience they spoke at or before
        people = {k for sub in subjects(token) for t in syntax.phrase(sub)
                  if (k := ctx.actor_at(t)) and ctx.table.kind(k) == "person"}
        # "he and Trump spoke by phone": a person pronoun joined to a name is one more person (whom it stands
        # for is found when the parties are gathered)
        pronouns = [t for sub in subjects(token) for t in [sub, *sub.conjuncts] if syntax.personal_pronoun(t)
                    and "Neut" not in morph(t, "Gender") and "Plur" not in morph(t, "Number")]
        # « ont discuté à Anchorage »: a place is where they spoke, not whom they spoke to
        audience = [p for p in syntax.prepositional(token, ("at", "before", "to", "à", "a", "devant", "lors"))
                    if not place_in(ctx, [p], metonyms=True)]
        # "The two leaders talked on the sidelines": the parties told before, as the subject
        # ("The presidents spoke by phone": a bare plural subject of a call or a meeting word, see _bare_parties)
        told = not people and any((party_reference(ctx, sub) or _bare_parties(ctx, sub)) and sub.pos_ in ("NOUN", "NUM")
                                  for sub in subjects(token))
        return (told or len(people) + (len(pronouns) if people else 0) >= 2) and not audience
    if name == "joint-parties":
        # « les délégations américaine et russe ont discuté »: two parties or more of any kind as the subject
        parties = {k for sub in subjects(token) for t in syntax.phrase(sub)
                   if (k := ctx.actor_at(t)) and ctx.table.party_kind(k) in ACTOR_KINDS and not ctx.is_media(k)}
        return len(parties) >= 2
    if name == "at-table":
        # "Russian and Ukrainian delegations sat down at the same table", « se sont assises à la même table »: two
        # parties or more at one table; "Moscow must come to the table" is one side's willingness to talk
        tables = syntax.prepositional(token, ("at", "around", "à", "a", "autour"))
        if not any(lemma(t) in cues.tables for t in tables):
            return False
        # (a plural verb whose subject the parser lost says as much: the parties are read before it)
        return condition(ctx, token, entry, "joint-parties") or not subjects(token) and \
            "Plur" in morph(token, "Number")
    if name == "next-to":
        # "sitting next to Rutte in the Oval Office, Trump announced…": seated side by side, they met
        beside = [g for c in token.children if c.dep_ == "advmod" and folded(c.text) in cues.next_to
                  for p in c.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]
        return any(names_party(ctx, p, persons_only=True) for p in beside)
    if name == "reciprocal":
        # « Rubio et Lavrov doivent se voir », « se sont vus lundi »: two parties or more doing it to each other;
        # « il s'est vu refuser », « se voit contraint de » take a complement and are passives
        return syntax.reflexive(token) and condition(ctx, token, entry, "joint-parties") and not any(
            c.dep_ in ("xcomp", "ccomp", "obj", "dobj") for c in token.children)
    if name == "joint-authors":
        # "Statement by Chancellor Merz, Prime Minister Frederiksen, …": several leaders signing one text
        people = {k for p in syntax.prepositional(token, ("by", "par")) for t in syntax.phrase(p)
                  if (k := ctx.actor_at(t)) and ctx.table.kind(k) == "person"}
        return len(people) >= 2
    if name == "abroad":
        return bool(abroad(ctx, token))
    if name == "dated":
        return True  # read once the dates are placed: see Mention.needs_date
    if name == "determined":
        return any(c.dep_ in ("det", "poss", "nmod:poss", "nummod") for c in token.children)
    if name == "no-predicative":
        # "saw Putin [as a partner]", « voit Poutine [comme] un partenaire »: what the object is taken for
        return not syntax.prepositional(token, ("as", "comme"))
    if name == "signed-text":
        # « ont assisté à la signature [d'accords] », "the signing [of the minerals deal]": the signing of a text;
        # « s'est passée de [sa signature] » signs nothing
        return any(lemma(t) in cues.texts or getattr(ctx.lexicon.nouns.get(lemma(t)), "kind", None) == "agreement"
                   for t in syntax.prepositional(token, ("de", "d'", "du", "des", "of")))
    if name == "party-of":
        # « sa venue à Paris », « le séjour de Macron à Kiev », "Zelensky's stay": whose the noun is, a possessive or
        # a party after « de », "of" ; « la venue de réfugiés », « le séjour des soldats » name no party
        if any(c.dep_ in ("poss", "nmod:poss") or c.dep_ == "det" and "Yes" in morph(c, "Poss")
               for c in token.children):
            return True
        return any(names_party(ctx, p) for p in syntax.prepositional(token, ("de", "d'", "du", "des", "of")))
    if name == "beside":
        # "speaking alongside Zelensky", « s'exprimant au côté de Zelensky »: they appeared together
        if token.pos_ == "ADP":
            partners = [c for c in token.children if c.dep_ == "pobj"]
        elif syntax.case_word(token) in ("au", "aux", "à", "a"):
            partners = [c for c in token.children if syntax.case_word(c) in ("de", "d'", "du", "des")]
        else:
            return False
        return any(names_party(ctx, p, persons_only=True) for p in partners)
    return False


def _made_by_clause(ctx: Context, noun: Token, entry: Trigger, *, own: bool) -> bool:
    """"under a framework [that Trump and Albanese signed on Monday]", « l'accord [que les deux camps ont signé] »: a
    relative clause whose relative pronoun is the object of one of the noun's support verbs (or, `own` false, of a
    light verb) makes the event the noun names, wherever the noun stands in its own sentence."""
    for c in noun.children:
        if c.dep_ not in syntax.RELATIVE_DEPS or c.pos_ not in ("VERB", "AUX") or _acts_on_another(c):
            continue
        if not (lemma(c) in entry.support or not own and lemma(c) in ctx.lexicon.light_verbs):
            continue
        if any(g.dep_ in ("dobj", "obj") and g.pos_ == "PRON" and "Rel" in morph(g, "PronType") for g in c.children):
            return True
        # "the framework [the two leaders signed]": no relative pronoun, and the verb has a subject but no object
        if c.dep_ == "relcl" and any(g.dep_ == "nsubj" for g in c.children) and \
                not any(g.dep_ in ("dobj", "obj", "ccomp") for g in c.children):
            return True
    return False


def _to_come(verb: Token) -> bool:
    """Whether a verb tells something to come: a future or a conditional, or under a modal (« devrait »)."""
    return syntax.tense(verb) in ("future", "conditional") or syntax.conditional_form(verb) or \
        verb.dep_ == "xcomp" and _to_come(verb.head)


def _that_clauses(verb: Token) -> list[Token]:
    """The clauses a verb says or makes known: its complement clauses, and a that-clause the English model may take
    for an adverbial one ("announced on Thursday, after a call with Putin, [that he would meet him]")."""
    return [c for c in verb.children if c.pos_ in ("VERB", "AUX") and (c.dep_ == "ccomp" or c.dep_ == "advcl" and any(
        m.dep_ == "mark" and folded(m.text) in ("that", "que", "qu'") for m in c.children))]


def _announced_event(ctx: Context, token: Token) -> bool:
    lexicon = ctx.lexicon
    for clause in _that_clauses(token):
        for verb in [clause, *(x for x in clause.children if x.dep_ == "xcomp")]:
            entry = lexicon.verbs.get(lemma(verb))
            if entry is not None and GROUP[entry.kind] in _GATHERINGS and _to_come(verb) and _holds(ctx, verb, entry):
                return True
    return False


_AUXILIARY = frozenset({"aux", "aux:tense", "aux:pass", "auxpass"})


def abroad(ctx: Context, token: Token) -> list[str]:
    """"Carney was in Kyiv", « Carney était à Kiev »: the people a copula puts at a place in another country
    than their own (a leader at home is no visit). A parse that lost the clause's subject falls back on the
    one person the sentence names before the verb."""
    if token.dep_ in _AUXILIARY:
        return []  # "is expected in Moscow": the verb it helps says what happens
    holder = token.head if token.dep_ == "cop" else token
    if token.dep_ == "cop":
        where = [holder] if folded(syntax.case_word(holder)) in CITY_PREPOSITIONS else []
    else:
        where = syntax.prepositional(token, CITY_PREPOSITIONS)
    place = place_in(ctx, [t for w in where for t in syntax.phrase(w)], metonyms=True)
    country = ctx.place_country.get(place[1]) if place else None
    if country is None:
        return []
    found = subjects(holder)
    if found:
        people = [k for s in found for t in syntax.phrase(s) if (k := ctx.actor_at(t))]
        if not people and ctx.resolve_office is not None:
            # « le Premier ministre indien est à Marseille »: the holder of the office the subject names
            people = [k for s in found if s.pos_ == "NOUN" and (k := ctx.resolve_office(s))]
    else:
        people = [k for t in token.doc[token.sent.start:token.i] if (k := ctx.actor_at(t))
                  and not ctx.layout.in_quote[t.idx]]
        people = people if len(set(people)) == 1 else []
    return [k for k in dict.fromkeys(people) if ctx.table.kind(k) == "person"
            and (home := ctx.table.actors[k].country) and home != country]


def _holds_an_event(ctx: Context, verb: Token) -> bool:
    """Whether a light verb holds an event noun of the lexicon whose conditions hold ("to hold [a summit]"), or
    one the parse left without an object ("the summit they agreed to hold")."""
    objs = syntax.objects(verb)
    if not objs:
        return True
    for o in objs:
        entry = entry_for(o, ctx.lexicon)
        if entry is not None and entry.pos == "noun" and _holds(ctx, o, entry):
            return True
    return False


def _holds(ctx: Context, token: Token, entry: Trigger) -> bool:
    if entry.not_with and any(folded(p) in entry.not_with for p in _particles(token)):
        return False
    if entry.particles and not any(folded(p) in entry.particles for p in _particles(token) + [
            c.lower_ for c in token.children if c.dep_ in ("advmod", "prt", "compound:prt")]):
        return False  # "stepped down" ("down" an adverb to the English model); "stepped in" is another sense
    if not all(condition(ctx, token, entry, c) for c in entry.needs):
        return False
    return not entry.needs_any or any(condition(ctx, token, entry, c) for c in entry.needs_any)


def _particles(verb: Token) -> list[str]:
    """A verb's particles ("called off"), and its prepositions when it has no object ("called on Europe",
    not "called Zelensky on Monday")."""
    objects = syntax.objects(verb)
    if objects:
        found = [c.lower_ for c in verb.children if c.dep_ in ("prt", "compound:prt")]
        # « a appelé les deux camps à saisir… »: the preposition of an infinitive after the object says what the
        # verb means, whether the parser hung the infinitive on the verb or on its object
        for head in [verb, *objects]:
            found += [m.lower_ for c in head.children if c.i > verb.i and "Inf" in morph(c, "VerbForm")
                      and c.dep_ in ("xcomp", "acl", "advcl") for m in c.children if m.dep_ == "mark"]
        return found
    return syntax.particles(verb)


def _kind(ctx: Context, token: Token, entry: Trigger) -> str:
    kind = _modifier_kind(token, entry) or entry.kind
    if entry.by_phone and condition(ctx, token, entry, "phone"):
        kind = entry.by_phone
    elif entry.in_person and not condition(ctx, token, entry, "phone") and place_in(
            ctx, [t for p in syntax.prepositional(token, ("in", "at", "à", "au", "aux", "en")) for t in syntax.phrase(p)]):
        kind = entry.in_person  # "the two men spoke briefly in New York": face to face, where they both were
    if kind in ("meeting", "call") and token.pos_ == "NOUN" and _given_to_media(ctx, token):
        kind = "statement"  # « un entretien accordé au Parisien », "a conversation with the BBC": an interview
    if kind == "statement" and token.pos_ == "NOUN" and _signed_text(ctx, token) and not _agreement_sense(ctx, token):
        kind = "agreement"  # « ont signé une déclaration commune »: a text its parties sign binds them
    return kind


def _agreement_sense(ctx: Context, noun: Token) -> bool:
    """Whether a noun has a sense of agreement of its own: then it says when a text is one ("a letter of intent"),
    and a signature alone does not ("signed a letter to the editor")."""
    entry = ctx.lexicon.nouns.get(lemma(noun))
    return entry is not None and any(sense.kind == "agreement" for sense in (entry, *entry.senses))


def _named_text_signed(noun: Token, entry: Trigger, cues) -> bool:
    """"the two men signed [the Tech Prosperity Deal]", "the Lunna House Agreement [signed today]": a text known by
    its name is an agreement made where one of the noun's own support verbs takes it as object, or a participle says
    it was signed; named alone ("under the Paris Agreement") it is a text."""
    if entry.kind != "agreement":
        return False
    verb = governing_verb(noun)
    return verb is not None and noun.dep_ in ("obj", "dobj") and lemma(verb) in entry.support or _signed(noun, cues)


def _signed_text(ctx: Context, noun: Token) -> bool:
    """Whether a text is signed: the object of a verb of signing (cues.toml "signing"), or said to be signed."""
    signing = ctx.lexicon.cues.signing
    verb = governing_verb(noun)
    return verb is not None and noun.dep_ in ("obj", "dobj") and lemma(verb) in signing and \
        not syntax.negated(verb) or _signed(noun, ctx.lexicon.cues)


def _given_to_media(ctx: Context, noun: Token) -> bool:
    """Whether the one a talk is with or given to is a broadcaster or a paper (« un entretien au Monde »)."""
    clauses = [c for c in noun.children if c.dep_ == "acl" and c.pos_ in ("VERB", "AUX")]
    partners = [p for h in [noun, *clauses] for p in syntax.prepositional(h, TO)]
    return bool(partners) and all((k := ctx.actor_at(p)) and ctx.is_media(k) for p in partners)


def _determiner(token: Token) -> str:
    """How a noun is determined: 'pointing' (this, that, his, « cette », « son »), 'definite' (the, « la »)
    or ''."""
    heads = [token] + ([token.head] if token.dep_ == "compound" else [])  # "the meeting businesslike"
    found = ""
    for c in (c for h in heads for c in h.children):
        if c.dep_ in ("poss", "nmod:poss", "det") and (c.pos_ in ("PRON", "DET") and (
                "Dem" in morph(c, "PronType") or "Yes" in morph(c, "Poss") or c.dep_ != "det")):
            return "pointing"  # "this meeting", "his call", « son entretien »
        if c.dep_ in ("poss", "nmod:poss") or c.dep_ == "det" and "Def" in morph(c, "Definite"):
            found = "definite"  # "the meeting", "Macron's visit"
    return found


# --- building a mention ----------------------------------------------------------------------------------

def read_mention(ctx: Context, token: Token, sentence: tuple[int, int]) -> Mention | None:
    """The mention a token makes, if it is a trigger whose conditions hold here."""
    entry = entry_for(token, ctx.lexicon)
    if entry is None:
        return None
    series = entry.pos == "noun" and lemma(token) in ctx.told and _next_of(ctx, token)
    if not series and not _holds(ctx, token, entry):
        # (« un prochain échange » after a prisoner exchange is the next of that series); a word of several senses
        # names the event of the first whose conditions hold
        entry = next((sense for sense in entry.senses if _holds(ctx, token, sense)), None)
        if entry is None:
            return None
    names = [c for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    kinds = [ctx.table.kind(ctx.actor_at(c) or "") for c in names]
    parties = ("organization", "country", "group")
    if token.pos_ == "PROPN" and names and not (
            all(k in parties for k in kinds) or any(k in parties for k in kinds) and all(
                k in parties or not k and c.tag_ != "NNPS" for k, c in zip(kinds, names))) \
            and not _named_text_signed(token, entry, ctx.lexicon.cues):
        # "the Munich Security Conference": the name of a forum, not an event told ("the NATO Summit", a body's
        # gathering, is one, and so is "the Australia-U.S. Ministerial Consultations": a party named with words that
        # are no one; not "the NATO Foreign Ministers Meeting", a forum named by who sits in it)
        return None
    kind = _kind(ctx, token, entry)
    predicate, basis = token, "verb"
    if entry.pos == "noun":
        verb = governing_verb(token)
        basis = "noun"
        described = [c for c in token.children if c.dep_ in syntax.RELATIVE_DEPS | {"acl"} and c.pos_ in ("VERB", "AUX")
                     and _light(ctx, c, entry) and not _acts_on_another(c)]
        # « la rencontre [qu'il devait avoir avec Poutine] », "the summit [they were to hold]": the light verb
        # under the clause's modal
        described += [g for c in token.children if c.dep_ in syntax.RELATIVE_DEPS and c.pos_ in ("VERB", "AUX")
                      and not _light(ctx, c, entry) for g in c.children
                      if g.dep_ == "xcomp" and g.pos_ in ("VERB", "AUX") and _light(ctx, g, entry)]
        if described and verb is not None and _light(ctx, verb, entry, token) and all(
                c.dep_ == "acl" and "Part" in morph(c, "VerbForm") and not syntax.subjects(c) for c in described):
            # "Carney attended the summit [hosted by Starmer]", « a participé à la réunion [convoquée par
            # Starmer] »: the verb that governs the noun tells who took part and when; the participle only
            # describes the event (its agent, in the domain, is a party too)
            predicate, basis = verb, "light-verb"
        elif described:
            # "the talks they held last week", « les discussions qu'ils ont menées »: the verb of the
            # clause describing the noun carries its tense, subject and date
            predicate, basis = described[0], "light-verb"
        elif verb is not None and (lemma(verb) in entry.support or lemma(verb) not in ctx.lexicon.cues.reporting):
            light = _light(ctx, verb, entry, token)
            cues = ctx.lexicon.cues
            stand = measuring(token)
            # (« l'appel lancé samedi à Dar es Salaam [par le sommet] », "a plan adopted [by the summit] on Friday":
            # the agent of a passive does what it tells, there and then)
            agent = stand.dep_ == "obl:agent" or stand.dep_ == "pobj" and stand.head.dep_ == "agent"
            if light or agent or stand.dep_ in _SUBJECT_DEPS or stand.dep_ in ("obj", "dobj") and lemma(verb) not in \
                    cues.reporting and lemma(verb) not in cues.hedge_verbs:
                # "held talks", « la réunion s'est tenue à Paris », « a reporté ce déplacement au 10 mars »: the
                # verb carries the event's tense, place and date (and, for a light verb, its parties)
                predicate, basis = verb, ("light-verb" if light else "noun")
        if predicate is token and verb is not None and kind == "statement" and _framed(measuring(token)):
            # "said the US should resume testing, [in an interview]": the parser hangs the speech on the verb
            # of what was said; it is the saying's, whose subject, tense and day it takes
            # (« Lors d'un entretien à France Inter, Kallas a défendu… »: or the verb it frames, whose subject speaks)
            said = syntax.governing_verb(token, ctx.lexicon.cues.reporting)
            predicate = said if said is not None and said.pos_ in ("VERB", "AUX") else verb
    elif entry.pos == "preposition" and verb_above(token) is not None:
        predicate, basis = verb_above(token), "light-verb"  # "speaking alongside Zelensky"
    mention = Mention(kind=kind, trigger=token, entry=entry, predicate=predicate, basis=basis, sentence=sentence,
                      triggers=[token], needs_date="dated" in entry.needs)
    mention.determiner = _determiner(token) if entry.pos == "noun" else ""
    # "another meeting", "met again", « a de nouveau rencontré »: a new one, not the one told before; "his
    # second trip" is no back-reference, but may be the one told
    cues = ctx.lexicon.cues
    around = _qualifiers(token)
    # ("the envoy [first] met Putin in February", "they [last] met in Alaska": an earlier one of a series, told in
    # the past; "they would first meet one-on-one" is a step of the one to come)
    mention.distinct = any(lemma(c) in cues.distinct or folded(c.text) in cues.distinct for c in around) or \
        entry.pos == "verb" and "Past" in morph(token, "Tense") and \
        any(c.dep_ == "advmod" and folded(c.text) in cues.ordinal for c in token.children)
    ordinal = any(lemma(c) in cues.ordinal or folded(c.text) in cues.ordinal for c in around)
    mention.two_only = lemma(token) in cues.two_only or any(
        c.dep_ == "amod" and (lemma(c) in cues.two_only or folded(c.text) in cues.two_only) for c in token.children)
    mention.anaphoric = bool(mention.determiner) and not mention.distinct and not ordinal
    if "abroad" in entry.needs:
        mention.participants = {k: "agent" for k in abroad(ctx, token)}  # the subject, found or fallen back on
    if entry.pos == "noun":
        ctx.told.add(lemma(token))
    return mention


def _acts_on_another(clause: Token) -> bool:
    """« une lettre d'intention [qui ouvre la voie à…] »: a relative clause whose pronoun is its subject and whose
    verb has an object of its own says what the noun does, not who held it (« les discussions [qu'ils ont
    ouvertes] » holds it)."""
    relative_subject = any(c.dep_ == "nsubj" and c.pos_ == "PRON"
                           and "Rel" in morph(c, "PronType") for c in clause.children)
    # a direct object only: « qui se tient [à la fois] en visioconférence » says where the noun is held
    return relative_subject and any(c.dep_ in ("obj", "dobj") for c in clause.children)


def _qualifiers(token: Token) -> list[Token]:
    """The words that qualify an event noun, with those of the noun that counts it: "a [new] round of talks",
    « un [nouveau] cycle de pourparlers »."""
    around = [c for c in token.children if c.dep_ in ("amod", "det", "nummod", "advmod")]
    head = token.head.head if token.dep_ == "pobj" else token.head
    if folded(syntax.case_word(token)) in ("of", "de", "d'") and head.pos_ == "NOUN" and head.i < token.i:
        around += [c for c in head.children if c.dep_ in ("amod", "det", "nummod")]
    return around


def _next_of(ctx: Context, token: Token) -> bool:
    """"the next exchange", « un prochain échange », "another swap": a new one of a series the story told."""
    cues = ctx.lexicon.cues
    return any(lemma(c) in cues.distinct | cues.ordinal or folded(c.text) in cues.distinct | cues.ordinal
               for c in _qualifiers(token) if c.dep_ == "amod" or folded(c.text) in cues.distinct)


def verb_above(token: Token) -> Token | None:
    """The verb a word hangs on ("speaking [alongside] Zelensky")."""
    return next((g for g in syntax.governors(token, 3) if g.pos_ in ("VERB", "AUX")), None)


_LIGHT_DEPS = frozenset({"dobj", "obj", "nsubjpass", "nsubj:pass", "obl:arg", "attr"})
# "took part in the talks", « a participé au sommet »: a light verb reaches its noun through these
_LIGHT_CASES = ("in", "at", "à", "a", "au", "aux")
# "said in an interview", « a affirmé dans un discours »: the speech frames what its verb says
_FRAME_CASES = ("in", "during", "dans", "lors", "pendant", "cours")


def _light(ctx: Context, verb: Token, entry: Trigger, noun: Token | None = None) -> bool:
    """Whether a verb lends its subject, place and date to an event noun: a light verb ("held talks") or
    one of the noun's support verbs, with the noun as its object; "after their meeting" is not."""
    if lemma(verb) not in ctx.lexicon.light_verbs and lemma(verb) not in entry.support:
        return False
    if noun is not None:
        noun = measuring(noun)  # "held [three hours] of talks": what the verb holds is the measure
    if noun is None or noun.head.i != verb.i and noun.head.head.i != verb.i:
        return True  # a clause describing the noun: "the talks [they held]"
    if entry.kind == "statement" and _framed(noun):
        return False  # "should resume testing, [in an interview]": what is said in a speech is no holding of it
    # "threatened Moscow [with sanctions]", "hit Russia [with tariffs]": a support verb's thing after its target
    return is_light(noun) or lemma(verb) in entry.support and folded(syntax.case_word(noun)) == "with"



def _in_force(ctx: Context, noun: Token) -> bool:
    """"the tariffs took effect on March 4", « les droits de douane doivent entrer en vigueur le 2 avril »: a measure
    that comes into force is told as an event on that day (cues.toml [in_force])."""
    stand = measuring(noun)
    if stand.dep_ not in _SUBJECT_DEPS or stand.head.i == stand.i:
        return False
    verb = stand.head
    for v in (verb, *(c for c in verb.children if c.dep_ == "xcomp")):  # « doivent [entrer] en vigueur »
        ends = ctx.lexicon.cues.in_force.get(lemma(v))
        # ("came [back] into force": a phrase the parser hangs on the particle of its verb)
        if ends and any(lemma(t) in ends or folded(t.text) in ends
                        for c in v.children if c.i > v.i for t in (c, *c.children, *(
                            g for b in c.children for g in b.children if c.dep_ in ("advmod", "prt")))):
            return True
    return False


def _framed(noun: Token) -> bool:
    """"in an interview", « dans un discours », « lors d'un entretien »: a speech as the frame of what is said."""
    case = folded(syntax.case_word(noun))
    if case in ("de", "d'", "d") and noun.i >= 2:  # « lors d'un entretien », « au cours d'une interview »
        case = next((folded(t.text) for t in reversed(noun.doc[max(noun.i - 4, 0):noun.i])
                     if t.pos_ not in ("DET", "ADJ") and folded(t.text) not in ("de", "d'", "d")), case)
    return case in _FRAME_CASES


def is_light(noun: Token) -> bool:
    """Whether a noun is what its verb does ("held [talks]", "took part [in the summit]"), not a time or a
    cause around it ("[after their meeting], they…")."""
    case = syntax.case_word(noun)
    # an oblique with no preposition is an object the parser misread (« a présenté vendredi un paquet »)
    # (« a prêté serment »: a bare noun after the verb, which the French parser calls its complement, is its object)
    return noun.pos_ == "ADP" or noun.dep_ in _LIGHT_DEPS or case in _LIGHT_CASES or \
        not case and (noun.dep_.startswith("obl") or noun.dep_ == "xcomp" and noun.pos_ == "NOUN") or \
        _conj_of_bare_time(noun)


def press_mention(ctx: Context, token: Token, sentence: tuple[int, int]) -> Mention | None:
    """'told reporters', « a déclaré à la presse », "told CNN": remarks to the press, or an interview; "said on
    CNN", « a estimé sur France Inter », « invité de la matinale »: an interview on the air."""
    cues = ctx.lexicon.cues
    guest = lemma(token) in cues.broadcast_guests or folded(token.text) in cues.broadcast_guests
    if not guest and (token.pos_ not in ("VERB", "AUX") or
                      lemma(token) not in cues.reporting and lemma(token) not in cues.addressing):
        return None
    on_air = syntax.prepositional(token, ON_AIR + (GUEST_OF if guest else ()))
    # « a estimé mercredi sur France Inter »: the parser may hang the phrase on the day before it
    on_air += [p for c in token.children if c.dep_ in ("obj", "dobj", "obl:mod", "npadvmod") and c.pos_ == "NOUN"
               for p in syntax.prepositional(c, ON_AIR)]
    if guest:  # « Invité du « Grand Entretien » »: the parser may hang the preposition on the quotation mark
        on_air += [c for c in token.children if c.dep_ == "nmod" and c.i > token.i and c not in on_air]
    audience = ([] if guest else objects_of(token) + syntax.prepositional(token, TO + ("before", "devant"))) + on_air
    for a in audience:
        # "told CNN's 'State of the Union' program", "told the BBC's Today programme": the broadcaster named
        # before the programme's noun owns it
        before = [t for t in a.subtree if t.i < a.i] if a.pos_ == "NOUN" else []
        key = next((k for t in before if (k := ctx.actor_at(t)) and ctx.is_media(k)), None) or ctx.actor_at(a)
        media = bool(key and ctx.is_media(key))
        if media and a not in on_air and a.i > token.i and (not subjects(token) or syntax.after_comma(token)):
            continue  # « …, a rappelé Europe 1 »: the broadcaster the parser takes for an object is the source
        if a in on_air:  # on the air: a broadcaster, or a show ("on the morning show", « de la matinale »)
            kind = "statement" if media or lemma(a) in cues.broadcast_shows or \
                folded(a.text) in cues.broadcast_shows else None
        else:
            kind = "statement" if media else "press_conference" if lemma(a) in cues.press else None
        if kind is None and not guest and a in syntax.prepositional(token, ("before", "devant")):
            # « Devant le Forum économique mondial, il a estimé que… », "said before the General Assembly": a
            # speech to an assembly or a forum (« a lancé devant les dirigeants réunis » is said at their meeting)
            assemblies = ctx.lexicon.cues.assemblies
            kind = "statement" if lemma(a) in assemblies or folded(a.text) in assemblies else None
        if kind:
            entry = Trigger(lemma=lemma(token), pos="verb", kind=kind)
            # « Invité de la matinale, le ministre est revenu sur… »: the guest is the subject of the clause the
            # word opens
            above = None if not guest or token.pos_ in ("VERB", "AUX") else token.head \
                if token.head.i != token.i and token.head.pos_ in ("VERB", "AUX") else verb_above(token)
            predicate = above if above is not None else token
            # (read as a noun is: its parties are its own and its subject's, not those of what the guest spoke of)
            return Mention(kind=kind, trigger=token, entry=entry, predicate=predicate,
                           basis="noun" if predicate is not token else "verb", sentence=sentence, triggers=[token])
    return None


# The prepositions that place a gerund's event in time beside the verb above it ("after meeting Putin").
_BEFORE_OR_AFTER = frozenset({"after", "before", "since", "upon", "following", "while"})


def subjects(verb: Token) -> list[Token]:
    """A verb's subjects; a participle clause takes its main clause's (", agreeing to restore…"); a relative
    pronoun the parser left as the subject stands for the noun before it (« le dirigeant, qui devait… »)."""
    found = syntax.subjects(verb)
    if not found and verb.dep_ == "advcl" and verb.head.i != verb.i and (
            "Part" in morph(verb, "VerbForm") or "Ger" in morph(verb, "VerbForm")):
        found = syntax.subjects(verb.head)
    if not found and verb.dep_ == "conj" and verb.head.dep_ == "advcl" and verb.head.tag_ == "VBG" and \
            not syntax.subjects(verb.head):
        # "the prime minister begged off, pleading prior commitments, and flew on to Croatia": the parser hung the
        # last verb on the participle; it is the main clause's subject's, as the participle is
        found = syntax.subjects(verb.head.head)
    if not found and verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.dep_ == "prep" and \
            verb.head.lower_ in _BEFORE_OR_AFTER and verb.head.head.dep_ == "npadvmod" and \
            verb.head.head.head.pos_ in ("VERB", "AUX"):
        # "hosted Munir on Wednesday, [a day after speaking] by phone with Modi": a gerund counted from the verb above
        # has its subject, as the count has its day (a bare "after meeting Putin" is left as it was: the date of
        # such a clause is too often not the verb's)
        found = syntax.subjects(verb.head.head.head)
    if not found and verb.i == verb.sent.start and "Part" in morph(verb, "VerbForm"):
        # « Arrivé mercredi à Kiev, le général Kellogg a promis… »: a participle opening the sentence has the main
        # clause's subject, which the parser may hang on the participle as its object, after the comma
        found = (syntax.subjects(verb.head) if verb.head.i != verb.i else []) or [
            c for c in verb.children if c.dep_ in ("obj", "dobj") and c.pos_ in ("NOUN", "PROPN")
            and any(t.text == "," for t in verb.doc[verb.i:c.i])]
    return [_antecedent(t) if t.pos_ == "PRON" and "Rel" in morph(t, "PronType") else t for t in found]


def _antecedent(pronoun: Token) -> Token:
    """The noun just before a relative pronoun (« le dirigeant ukrainien, qui… »), else the pronoun."""
    for word in reversed(pronoun.doc[max(pronoun.sent.start, pronoun.i - 4):pronoun.i]):
        if word.pos_ in ("NOUN", "PROPN"):
            return word
    return pronoun


def domain(mention: Mention, others: list[Mention], light_verbs: frozenset[str],
           negation_prepositions: frozenset[str] = frozenset(), reactions: frozenset[str] = frozenset(),
           sequence: frozenset[str] = frozenset()) -> set[int]:
    """The tokens whose names and places belong to a mention: its predicate's phrase and its subjects,
    without the phrases of the other events of the sentence, nor those of whoever it went on without."""
    pred, trig = mention.predicate, mention.trigger
    tokens = set(t.i for t in syntax.phrase(pred))
    day = hung_as_case(pred)
    if day is not None:
        tokens |= {t.i for t in syntax.phrase(day)}  # « a vu [jeudi le chef de la diplomatie] »
    # « reçoit vendredi au palais Chigi [JD Vance] », « s'entretient … au palais Chigi [avec Vance] »
    phrase, led = _name_after_adverbials(pred)
    if phrase and (not led and not syntax.objects(pred) or led in WITH and not syntax.prepositional(pred, WITH)):
        tokens |= {t.i for t in phrase}
    tokens |= {t.i for t in syntax.phrase(trig)}
    measure = measuring(trig) if mention.entry.pos == "noun" else trig
    if measure.i != trig.i:
        # "[eight hours] of talks [in Jeddah on Tuesday]": the noun that measures the event stands for it, and the
        # parser hangs the event's place and day on it (not a phrase with a clause in it: « au terme d'une journée
        # de discussions sur le plan [présenté la semaine dernière] » dates the plan)
        tokens.add(measure.i)
        for c in measure.children:
            inner = list(c.subtree)
            if trig.i not in {t.i for t in inner} and not any(t.pos_ in ("VERB", "AUX") for t in inner):
                tokens |= {t.i for t in inner}
    if trig.dep_ == "cop" and mention.entry.pos == "verb":
        tokens |= {t.i for t in syntax.phrase(trig.head)}  # « Carney était [à Kiev] »: the word it links
    for c in pred.children:
        if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and (syntax.subjects(c) or any(
                g.dep_ in ("aux", "aux:tense") for g in c.children)):
            # "Trump imposed a tariff…, and he has threatened Moscow", « devait avoir une rencontre… et a imposé
            # des sanctions »: a clause with its own subject or tense tells of something else
            tokens -= {t.i for t in c.subtree}
    if pred.i != trig.i:
        # « la réunion doit [se tenir mercredi à Paris] »: the verb the predicate governs tells where and when
        for c in pred.children:
            if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX"):
                tokens |= {t.i for t in syntax.phrase(c)}
    described: set[int] = set()

    def makes(verb: Token) -> bool:
        return lemma(verb) in light_verbs or lemma(verb) in mention.entry.support
    if mention.entry.pos == "verb":
        # "would meet again at the G7 summit [he hosts in Kananaskis next month]": the clause that makes the gathering
        # they meet at tells where and when they meet
        for at in syntax.prepositional(pred, ("at", "à", "au", "aux")):
            for c in at.children:
                if c.dep_ in syntax.RELATIVE_DEPS and c.pos_ in ("VERB", "AUX") and makes(c):
                    tokens |= {t.i for t in syntax.phrase(c)}
    if mention.entry.pos == "noun":
        # "the summit [held on 15 August in Alaska between…]", "the summit [Trump and Putin had agreed to
        # hold]": the clauses that make the noun's event; not a that-clause the parser hung on it ("told the
        # news conference [that Putin was bluffing]"), nor any clause (« une rencontre [dont Kiev et les
        # Européens étaient absents] »)
        for c in trig.children:
            if c.dep_ in syntax.RELATIVE_DEPS and _acts_on_another(c):
                # « une lettre [qui ouvre la voie à l'acquisition par l'Ukraine…] »: what the noun leads to
                # names no party of it
                tokens -= {t.i for t in c.subtree}
            elif c.dep_ in syntax.RELATIVE_DEPS | {"acl"} and not any(g.dep_ == "mark" for g in c.children) and (
                    "Part" in morph(c, "VerbForm") and not _finite_clause(c) or makes(c)
                    or any(g.dep_ == "xcomp" and makes(g) for g in c.children)):
                # (not a clause within it: « le mécanisme dit de « snapback », qui doit rétablir fin septembre… »)
                described |= {t.i for t in syntax.phrase(c)}
        tokens |= described
    for s in subjects(pred) + syntax.passive_agent(pred):
        tokens |= {t.i for t in syntax.phrase(s)}
        # "Kirill Dmitriev, Putin's envoy, told…": what describes the subject names others (a name in
        # apposition, "the envoy Steve Witkoff", is the subject itself)
        for c in s.children:
            if c.dep_ == "appos" and c.pos_ == "NOUN":
                tokens -= {t.i for t in c.subtree}
    tokens |= _other_side(mention, sequence)
    describes = trig.dep_ in syntax.RELATIVE_DEPS | {"acl"} and trig.pos_ in ("VERB", "AUX")
    if describes and trig.head.pos_ in ("NOUN", "PROPN"):
        tokens |= {trig.head.i}  # "Zelensky, whom he received": the noun the clause describes
        # « le roi a été le premier dirigeant arabe reçu par Trump »: the noun the copula says the subject is
        tokens |= {t.i for s in _copula_subjects(trig.head) for t in syntax.phrase(s)}
    antecedent = _relative_antecedent(pred) if pred.pos_ in ("VERB", "AUX") else None
    if antecedent is not None:
        tokens |= {t.i for t in syntax.phrase(antecedent) if t.i < pred.i}
    if mention.basis == "noun" and pred.i != trig.i:
        # « la réunion s'est tenue à Paris », "discussed a possible exchange": the verb says where and when;
        # its parties are the noun's own, those it meets "with" or "between", and whoever does something
        # to it (« le dirigeant a reporté ce déplacement »), not "according to Ushakov"
        parties = {t.i for t in syntax.phrase(trig)} | described
        for p in syntax.prepositional(pred, WITH):
            parties |= {t.i for t in syntax.phrase(p)}
        # "Trump said …, in an interview with CBS": who speaks in the speech is who says
        # (not who judges it: "Egypt condemned an Israeli strike")
        if (trig.dep_ in ("obj", "dobj") or mention.kind == "statement" and pred.pos_ in ("VERB", "AUX")) and \
                lemma(pred) not in reactions:
            for s in subjects(pred):
                parties |= {t.i for t in syntax.phrase(s)}
        mention.party_domain = parties
    tokens -= _left_out(pred, trig, tokens, negation_prepositions)
    for other in others:
        if other is mention or other.predicate.i == pred.i:
            continue
        if other.trigger.i in tokens and other.predicate.i != pred.i:
            inner = {t.i for t in syntax.phrase(other.trigger)}
            if other.predicate.i != other.trigger.i and other.predicate.i != pred.i:
                inner |= {t.i for t in syntax.phrase(other.predicate)}
            if trig.i not in inner:
                tokens -= inner
                if mention.party_domain is not None:
                    mention.party_domain -= inner
    return tokens


def _other_side(mention: Mention, sequence: frozenset[str]) -> set[int]:
    """« Macron était accueilli par Luong Cuong, avant un tête-à-tête avec To Lam », "arrived ahead of talks with
    Trump": a meeting with someone, told before or after what a clause's subject does, is that subject's (the other
    side of the "with"); the agent of a passive is not (Luong Cuong welcomed, he did not sit down with To Lam)."""
    trig = mention.trigger
    # (not "a call between Macron and Putin": its parties are all named)
    if mention.entry.pos != "noun" or mention.predicate.i != trig.i or mention.group not in ("meet", "call") or \
            not syntax.prepositional(trig, ("with", "avec")):
        return set()
    verb = trig.head
    if trig.dep_ == "pobj" and verb.pos_ == "ADP":
        # "ahead of talks": the preposition, under its adverb, under the verb
        linked = folded(verb.text) in sequence or folded(verb.head.text) in sequence
        verb = verb.head.head if verb.head.pos_ == "ADV" else verb.head
    else:
        linked = trig.dep_.startswith("obl") and any(
            c.dep_ == "case" and folded(c.text) in sequence for c in trig.children)
    if not linked or verb.pos_ not in ("VERB", "AUX"):
        return set()
    return {t.i for s in subjects(verb) for t in syntax.phrase(s)}


def _left_out(pred: Token, trig: Token, tokens: set[int], negation_prepositions: frozenset[str]) -> set[int]:
    """"met in Riyadh without Ukraine", « se sont réunies à Riyad sans les Ukrainiens ni les Européens »: whom
    the event went on without is no party of it (the talks "without Kyiv" were the point of the story). The
    phrase is left out of the event's words unless the event's own word is inside it (« sans la conférence de
    presse prévue »: that event is the one called off, read by `dropped`)."""
    out: set[int] = set()
    if not negation_prepositions:
        return out
    doc = pred.doc
    for i in tokens:
        word = doc[i]
        if word.pos_ != "ADP" or folded(word.text) not in negation_prepositions:
            continue
        # English hangs the noun on the preposition ("without" → Ukraine); French the preposition on the noun
        head = word if word.dep_ == "prep" else word.head if word.dep_ == "case" else None
        if head is None or head.i in (pred.i, trig.i):
            continue
        phrase = {t.i for t in head.subtree}
        if trig.i not in phrase and pred.i not in phrase:
            out |= phrase
    return out


def _finite_clause(verb: Token) -> bool:
    """« une rencontre avec Trump [: le président a quitté le sommet lundi] »: a participle with a tense
    auxiliary and a subject of its own is a clause that tells something else (the parser may hang it on the
    noun), not a bare participle describing the noun ("the summit [held in Alaska]"); a passive one (« a été
    abandonnée ») tells what became of the noun, wherever the parser hung its subject."""
    return any(g.dep_ in ("aux", "aux:tense") for g in verb.children) and any(
        g.dep_ == "nsubj" and not (g.pos_ == "PRON" and "Rel" in morph(g, "PronType"))
        for g in verb.children)


def _quoted(ctx: Context, pos: int) -> bool:
    """Inside a quotation longer than a few words: the speaker's words, not the story's parties."""
    if not ctx.layout.in_quote[pos]:
        return False
    return not any(q.outer_start <= pos < q.outer_end and len(ctx.text[q.start:q.end].split()) <= 6
                   for q in ctx.layout.quotes)


def party_reference(ctx: Context, token: Token) -> bool:
    """'they', 'both sides', 'the two leaders', « les deux dirigeants »: the parties of the event just told."""
    cues = ctx.lexicon.cues
    if token.pos_ == "NUM":
        # "the two would meet", « les deux se verront »: a numeral standing alone for the parties
        return token.dep_ in syntax.SUBJECT_DEPS and syntax.definite(token)
    if token.pos_ == "PRON":
        # "the chiefs … the talks they held": a "they" inside the sentence has its antecedent there
        if folded(token.text) not in cues.party_pronouns or folded(token.text) in cues.first_person:
            return False
        # « avant de reprendre la discussion avec eux »: a pronoun that is no subject stands for the people its
        # sentence named before it
        return token.i - token.sent.start <= 3 or token.dep_ not in syntax.SUBJECT_DEPS and bool(
            _persons_in(ctx, token.doc[token.sent.start:token.i]))
    if lemma(token) not in cues.party_nouns or "Plur" not in morph(token, "Number"):
        return False
    if any(ctx.actor_at(t) for c in token.children if c.dep_ in ("amod", "compound", "nmod", "conj")
           for t in c.subtree):
        return False  # « les délégations américaine et russe », "the US and Russian teams": they name their own
    if any(folded(c.text) in cues.party_quantifiers for c in token.children):
        return True  # "the two leaders", "both sides"
    if any(c.dep_ == "nummod" and c.pos_ == "NUM" for c in token.children) and syntax.definite(token):
        # "the four leaders", « les quatre dirigeants »; not "some thirty countries", new parties of their own
        return True
    if lemma(token) in cues.party_alone_subject and token.dep_ in syntax.SUBJECT_DEPS:
        return syntax.definite(token)  # "The leaders agreed…" (not "Rutte hosted the leaders", NATO's)
    return lemma(token) in cues.party_alone and syntax.definite(token)  # "the parties"


def _told_parties(ctx: Context, token: Token) -> list[str]:
    """Whom "the two leaders", "they" stand for: the people named before it in its own sentence, else the parties of
    the last event told, else the people of the sentence before."""
    here = _persons_in(ctx, token.doc[token.sent.start:token.i])
    return here or ctx.last_parties or _persons_before(ctx, token)


def _bare_parties(ctx: Context, token: Token) -> bool:
    """"The presidents spoke by phone in April", « les dirigeants se sont parlé »: the bare definite plural subject of
    a meeting or a call is its parties (of an agreement it is not: "The leaders agreed to stay in touch" closes
    a readout of any call)."""
    return lemma(token) in ctx.lexicon.cues.party_nouns and "Plur" in morph(token, "Number") and \
        token.dep_ in syntax.SUBJECT_DEPS and syntax.definite(token) and \
        all(c.dep_ in ("det", "punct") for c in token.children)


def _name_head(token: Token) -> Token:
    """The last word of the name a token is part of ("York" in "New York"; "Budapest" in "the Budapest
    meeting", whose head is a noun, not a name)."""
    head = token
    while head.dep_ in ("flat:name", "flat", "compound") and head.head.i != head.i and head.head.pos_ == "PROPN":
        head = head.head
    return head


def token_at(doc, char: int) -> int:
    """The index of the token at a character (the first token, when none is there)."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.start if span is not None else 0


def metonym_names_the_event(ctx: Context, token: Token, mention: Mention) -> bool:
    """Whether a token is part of a capital or a seat of government that qualifies the event's noun ("the Riyadh
    meeting", « le sommet de la Maison Blanche », whose every word the parse may hang differently)."""
    if token.idx not in ctx.metonym_by_char:
        return False
    doc, start = token.doc, ctx.metonym_by_char[token.idx][0]

    def same(t: Token) -> bool:
        return ctx.metonym_by_char.get(t.idx, (None,))[0] == start

    first = last = token.i
    while first > 0 and same(doc[first - 1]):
        first -= 1
    while last + 1 < len(doc) and same(doc[last + 1]):
        last += 1
    # the words of the name that hang outside it: « la Maison Blanche » on « sommet »; not "the" of "the White
    # House summit", which the parser gives to the summit
    heads = [t for t in doc[first:last + 1] if t.dep_ != "det" and not first <= t.head.i <= last]
    return any(names_the_event(t, mention) for t in heads)


def names_the_event(token: Token, mention: Mention) -> bool:
    """Whether a name qualifies the event's noun itself ("the [Riyadh] meeting", « la réunion [de Londres] »)."""
    head = _name_head(token)
    return head.head.i == mention.trigger.i and mention.entry.pos == "noun" and (
        head.dep_ == "compound" or folded(syntax.case_word(head)) in ("de", "d'", "of"))


def _case_of_name(token: Token) -> str:
    """The preposition before the name a token is part of ("in" for "New" in "in New York")."""
    return syntax.case_word(_name_head(token))


def _where(token: Token, since: frozenset[str] = frozenset()) -> bool:
    """Whether a place name says where ("in Riyadh", "the Riyadh meeting"), not when or whence ("after
    Alaska", "since Minsk")."""
    if token.dep_ == "det" and token.head.pos_ == "PROPN":
        token = token.head  # (a name the gazetteer starts at its article: « la Maison-Blanche »)
    case = _case_of_name(token)
    if case and folded(case) not in PLACE_PREPOSITIONS:
        return False
    # "their first summit since Trump's return to the White House", « depuis le retour du milliardaire à la
    # Maison-Blanche »: a place in a phrase of time is the place of what that phrase tells (cues.toml [since]:
    # « depuis le quartier général de Northwood » is a place, « depuis » says since only before a moment's noun)
    for up in itertools.islice(_name_head(token).ancestors, 4):
        case = folded(syntax.case_word(up)) if up.pos_ == "NOUN" else ""
        if case and (case in since or f"{case} {lemma(up)}" in since):
            return False
    return True


def _hit(ctx: Context, token: Token, mention: Mention) -> bool:
    """Whether a name is what a strike hits: the object of its verb ("pounded Kyiv"), or after a preposition of
    place or target ("on Kyiv", « contre Kiev », « à Kiev »; not « l'attaque de la Russie »)."""
    head = _name_head(token)
    case = folded(syntax.case_word(head))
    if case:
        return case in HIT_PREPOSITIONS or case in ctx.lexicon.cues.target
    return head.dep_ in syntax.OBJECT_DEPS and head.head.i in (mention.predicate.i, mention.trigger.i)


def _places_among(ctx: Context, mention: Mention, tokens, *tables: dict) -> list[tuple[int, tuple[int, str]]]:
    """The places the tokens name outside quotations, each from the first table that has it, with its distance from
    the trigger (the nearest wins)."""
    found = []
    for t in tokens:
        place = next((table[t.idx] for table in tables if t.idx in table), None)
        if place is not None and not _quoted(ctx, t.idx):
            found.append((abs(t.i - mention.trigger.i), place))
    return found


def _suffered_by(ctx: Context, mention: Mention) -> list[Token]:
    """The subjects of a verb whose subject an attack noun hits: "Kyiv [came under] a missile attack", « Kiev a
    [subi] une attaque » (cues.toml "suffered"); none for any other mention."""
    if mention.group != "force" or mention.entry.pos != "noun":
        return []
    noun = mention.trigger
    # "a missile and drone [attack]" (read as the second of two nouns), « l'une des plus lourdes [attaques] »:
    # the phrase the verb takes
    while noun.dep_ == "conj" and noun.head.i != noun.i or noun.head.pos_ in ("PRON", "NUM") and \
            folded(syntax.case_word(noun)) in ("of", "de", "des", "d'"):
        noun = noun.head
    verb = governing_verb(noun)
    if verb is None or lemma(verb) not in ctx.lexicon.cues.suffered:
        return []
    return subjects(verb)


def _reporter(ctx: Context, pronoun: Token) -> str | None:
    """"Trump has said he would call…", « Macron a annoncé qu'il recevrait… »: a singular pronoun subject of
    what a person says is that person."""
    if pronoun.dep_ not in syntax.SUBJECT_DEPS or "Plur" in morph(pronoun, "Number"):
        return None
    clause = syntax.clause_head(pronoun)
    if clause.dep_ != "ccomp" or lemma(clause.head) not in ctx.lexicon.cues.reporting:
        return None
    people = []
    for s in syntax.subjects(clause.head):
        described = {t.i for c in s.children if c.dep_ == "appos" for t in c.subtree}  # "X, Putin's envoy,"
        people += [k for t in syntax.phrase(s) if t.i not in described
                   and (k := ctx.actor_at(t)) and ctx.table.party_kind(k) == "person"]
    return people[0] if len(set(people)) == 1 else None


def _sends_the_agent(ctx: Context, token: Token, key: str) -> bool:
    """Whether a person is named only as whose agent the phrase's head is ("Donald Trump's envoy", "Putin's
    spokesman", « l'émissaire de Donald Trump »): the agent acts, the one who sent them is not there."""
    while token.dep_ in ("compound", "flat", "flat:name") and token.head.i != token.i and ctx.actor_at(token.head) == key:
        token = token.head  # (the name's last word holds it: "Donald Trump's")
    head = token.head
    if head.i == token.i or head.pos_ != "NOUN" or lemma(head) not in ctx.lexicon.cues.agents or \
            ctx.table.party_kind(key) != "person":
        return False
    return token.dep_ in ("poss", "nmod:poss") or token.dep_ == "nmod" and folded(syntax.case_word(token)) in ("de", "d'")


def _names_in(ctx: Context, head: Token) -> list[str]:
    """The parties a noun phrase names: its actors, or the person a pronoun stands for."""
    found = []
    for t in syntax.phrase(head):
        key = ctx.actor_at(t)
        if key and not ctx.is_media(key) and not _quoted(ctx, t.idx) and key not in found and \
                not _sends_the_agent(ctx, t, key):
            found.append(key)
    if not found and syntax.personal_pronoun(head) and folded(head.text) not in ctx.lexicon.cues.first_person:
        key = ctx.resolve_pronoun(head.idx, head.text)
        if key and ctx.table.party_kind(key) in ACTOR_KINDS:
            found.append(key)
    return found


def _plural_subject(ctx: Context, token: Token) -> list[str]:
    """The actors named by the subject of the sentence's main verb, when there are several."""
    root = token.sent.root
    found = []
    for s in subjects(root):
        for t in syntax.phrase(s):
            key = ctx.actor_at(t)
            if key and key not in found:
                found.append(key)
    return found if len(found) >= 2 else []


def _sentence_before(ctx: Context, token: Token) -> int:
    """The first token of the sentence before a token's own, within its paragraph (else of its own)."""
    start = token.sent.start
    if start == 0:
        return start
    before = ctx.doc[start - 1].sent.start
    return start if "\n" in ctx.doc[before:start].text_with_ws else before


def _persons_before(ctx: Context, token: Token) -> list[str]:
    """The people the sentence before names, when no event has named parties yet ("Macron and Starmer
    spoke… The two leaders then chaired…")."""
    doc, start, words = ctx.doc, token.sent.start, []
    # (the model may cut a sentence into pieces, "Poutine a admis jeudi devant Ilham | Aliev | que…": the sentence
    # before is the pieces back to one that opens with a capital and has a verb)
    for _ in range(6):
        if not start:
            break
        sent = doc[start - 1].sent
        words[:0] = list(sent)
        start = sent.start
        if sent[0].text[:1].isupper() and any(t.pos_ in ("VERB", "AUX") for t in sent):
            break
    return _persons_in(ctx, words)


def _persons_in(ctx: Context, words) -> list[str]:
    found = []
    for t in words:
        key = ctx.actor_at(t)
        if key and ctx.table.party_kind(key) == "person" and key not in found and not _quoted(ctx, t.idx):
            found.append(key)
    return found if len(found) >= 2 else []


def has_place_pronoun(verb: Token, pronouns: frozenset[str]) -> bool:
    """Whether « y », "there" hangs on a verb as the place it happens ("there is a meeting": the word of existence is
    no place)."""
    return any(c.pos_ in ("PRON", "ADV") and c.dep_ not in ("expl", "expl:subj") and folded(c.text) in pronouns
               for c in verb.children)


def _place_pronoun(ctx: Context, mention: Mention) -> list:
    """« La suite se jouera à Londres : Macron y est attendu pour une visite »: « y » on the event's verb stands
    for the last place named before it, in its sentence or the one before."""
    verb = mention.predicate if mention.predicate.pos_ in ("VERB", "AUX") else governing_verb(mention.trigger)
    # (or on the event's noun: "after a first session [there] on February 27")
    pronouns = ctx.lexicon.cues.place_pronouns
    on_noun = mention.entry.pos == "noun" and any(c.dep_ == "advmod" and folded(c.text) in pronouns
                                                  for c in mention.trigger.children)
    if verb is None or not on_noun and not has_place_pronoun(verb, pronouns):
        return []
    doc, start = ctx.doc, verb.sent.start
    start = doc[start - 1].sent.start if start else start
    end = mention.trigger.i if on_noun else verb.i
    named = [t for t in doc[start:end] if t.idx in ctx.place_by_char or t.idx in ctx.city_by_char]
    if not named:
        return []
    last = named[-1]
    return [(abs(last.i - mention.trigger.i), ctx.place_by_char.get(last.idx) or ctx.city_by_char[last.idx])]


def counterparts(ctx: Context, mention: Mention) -> None:
    """"Macron received his Ukrainian counterpart", « Sybiha a rencontré son homologue polonais »: the counterpart is
    whoever holds, in the country its adjective names, the office of the one whose counterpart it is (the event's
    subject), not that country; when the gazetteer knows no single such holder, the country stays."""
    if ctx.counterpart is None or not ctx.lexicon.cues.counterparts:
        return
    doc = ctx.doc
    for i in sorted(mention.domain if mention.party_domain is None else mention.party_domain):
        token = doc[i]
        if token.pos_ != "NOUN" or lemma(token) not in ctx.lexicon.cues.counterparts or \
                "Plur" in morph(token, "Number"):
            continue
        country = next((k for c in token.children if c.dep_ in ("amod", "nmod", "compound")
                        and (k := ctx.actor_at(c)) and ctx.table.kind(k) == "country"), None)
        owner = next((k for s in subjects(mention.predicate) for t in syntax.phrase(s)
                      if (k := ctx.actor_at(t)) and ctx.table.kind(k) == "person"), None)
        holder = ctx.counterpart(owner, country, token) if country and owner else None
        if holder is not None and holder != owner:
            role = mention.participants.pop(country, "participant")
            mention.participants.setdefault(holder, role)


def _clitic_as_subject(pronoun: Token) -> str:
    """« l'émir [l']a reçu », « Trump [la] reçoit »: a French object clitic as the subject pronoun of its gender, which
    the participle gives where the elided « l' » does not (« l'a reçue »: her); other pronouns as they are."""
    word = folded(pronoun.text)
    if word in ("l'", "l’"):
        return "elle" if "Fem" in morph(pronoun.head, "Gender") else "il"
    return {"le": "il", "la": "elle"}.get(word, pronoun.text) if pronoun.lang_ == "fr" else pronoun.text


def gather(ctx: Context, mention: Mention) -> None:
    """Fill a mention's parties and place from its domain."""
    doc, cues = ctx.doc, ctx.lexicon.cues
    pred = mention.predicate
    # the doer: the subject, or the agent of a passive ("was received at the Kremlin by Putin")
    passive = any(c.dep_ in ("nsubjpass", "nsubj:pass", "auxpass", "aux:pass") for c in pred.children)
    doers = syntax.passive_agent(pred) if passive else subjects(pred)
    away = {t.i for s in subjects(pred) for t in syntax.phrase(s)} if mention.absent else set()
    if mention.absent:
        doers = []  # « Rubio n'a pas assisté à la réunion de l'Otan »: the meeting took place without him
    signer = []
    if not doers and pred.dep_ == "acl" and "Prog" in morph(pred, "Aspect") and \
            pred.head.dep_ in syntax.OBJECT_DEPS and pred.head.head.pos_ in ("VERB", "AUX"):
        # "Trump signed an order [imposing a tariff]": who signs the text that does it does it
        signer = subjects(pred.head.head)
        doers = list(signer)  # the trigger's own subjects join the doers below, not the signers
    if mention.trigger.i != pred.i and not passive:
        doers += subjects(mention.trigger)
    subject_tokens = {t.i for s in doers for t in syntax.phrase(s)}
    # what a verb of sanction takes is whom it is aimed at ("sanctioned two oil firms", "expelled the ambassador")
    aimed_at = {t.i for o in syntax.objects(pred) for t in o.subtree} if mention.entry.pos == "verb" and \
        mention.kind == "sanction" else set()
    words = mention.domain if mention.party_domain is None else mention.party_domain
    if signer:
        words = words | {t.i for s in signer for t in syntax.phrase(s)}
    # « les deux camps sont convenus de… »: a verb that takes « être » reads as a passive with no agent; its
    # subject still names the parties
    received = {t.i for s in syntax.subjects(pred) for t in syntax.phrase(s)} if passive else set()
    passive_subjects = received if not doers else set()
    owners = {c.i for c in mention.trigger.children if c.dep_ == "nmod"} if mention.entry.pos == "noun" else set()
    say = mention.group == "say"
    starts, pos = ctx.token_starts, ctx.token_pos
    # "Both leaders agreed…": a plural that names the parties stands for all of them, whatever single actor the
    # actor table matched its words to
    plural_parties = {s.i: {t.i for t in syntax.phrase(s)} for s in doers if s.pos_ == "NOUN" and
                      party_reference(ctx, s)}
    inside = {i for phrase in plural_parties.values() for i in phrase} - set(plural_parties)
    # "a district of Kryvyi Rih, [Volodymyr Zelensky's home town]": who an apposition describes a place by is no party
    inside |= {t.i for i in words if starts[i] in ctx.place_by_char or starts[i] in ctx.city_by_char
               for c in doc[i].children if c.dep_ == "appos" and c.pos_ == "NOUN" for t in c.subtree}
    for i in sorted(words):
        if i in inside or i in away:
            continue
        # most words name nothing: decided from the doc's arrays, without a Token object (an office the tagger
        # calls a proper noun as a subject, « le roi est reçu par Mattarella », is read below)
        if starts[i] not in ctx.mention_by_char and pos[i] not in ("PRON", "NOUN", "DET", "NUM") and not (
                pos[i] == "PROPN" and (i in subject_tokens or i in received or i in owners)):
            continue
        token = doc[i]
        if _quoted(ctx, token.idx) or i in ctx.sourced:
            continue  # (« Selon Hakan Fidan, les deux camps se sont entendus »: Fidan told it)
        key = ctx.actor_at(token) if i not in plural_parties else None
        if key and metonym_names_the_event(ctx, token, mention):
            key = None  # "the Riyadh meeting", « la réunion de Londres »: the city says where, not who
        if key and token.dep_ in ("appos", "flat", "npadvmod") and place_in(ctx, [token.head]) and \
                ctx.table.party_kind(key) == "country":
            key = None  # "in Budapest, Hungary": the country says which Budapest, not who meets
        if key and _sends_the_agent(ctx, token, key):
            key = None  # "Donald Trump's envoy flew into Caracas", « l'émissaire de Trump »: the envoy went
        if key:
            if ctx.is_media(key):
                if say:
                    mention.participants.setdefault(key, "target")
                continue
            # "sanctions on Russia"; "Russia struck Kyiv": what a strike's verb takes is what it hit
            aimed = folded(_case_of_name(token)) in cues.target or \
                mention.group == "force" and _hit(ctx, token, mention) or \
                mention.kind == "sanction" and i in aimed_at  # "expelled South Africa's ambassador"
            role = "target" if aimed else mention.entry.subject if i in subject_tokens else "participant"
            if mention.participants.get(key, "participant") == "participant":
                mention.participants[key] = role
            continue
        as_object = token.dep_ in ("obj", "dobj") and token.head.i == pred.i and not say
        # « Entretien du roi avec Giorgia Meloni »: whose the event noun is
        owner = i in owners and folded(syntax.case_word(token)) in GUEST_OF
        if token.pos_ in ("NOUN", "PROPN") and ctx.resolve_office is not None and i not in plural_parties and (
                token.dep_ in syntax.SUBJECT_DEPS and (i in subject_tokens or token.head.i == pred.i) or as_object
                or owner):
            # "The Prime Minister spoke to President Macron this evening": a readout names its own head of
            # government by the office (publishers.toml says whose); "Trump greeted the crown prince", « le
            # premier ministre a été reçu à déjeuner par Macron »: the holder the story named
            key = ctx.resolve_office(token)
            if key and ctx.table.party_kind(key) in ACTOR_KINDS:
                mention.participants.setdefault(key, mention.entry.subject if i in subject_tokens else "participant")
                continue
        if token.pos_ == "NOUN" and lemma(token) in cues.guests and ctx.last_visitor and i not in subject_tokens:
            # « Jeudi, Starmer a reçu son hôte »: the guest is whoever the story has on a visit
            mention.participants.setdefault(ctx.last_visitor, "participant")
            continue
        if token.pos_ not in ("PRON", "NUM") and not (token.pos_ == "NOUN" and i in subject_tokens | passive_subjects) \
                and not (token.pos_ == "NOUN" and token.head.i == pred.i and token.dep_ in ("obj", "dobj")
                         and party_reference(ctx, token)):
            continue  # « qui a accueilli les délégations »: whom an object names are the parties told before
        text = folded(token.text)
        role = mention.entry.subject if i in subject_tokens else "participant"
        if text in cues.first_person:
            # "We held our talks" in a transcript: who speaks there, else the last speaker the reader saw
            speaker = ctx.speaker_at(token.idx) or ctx.resolve_pronoun(token.idx, token.text)
            if speaker and ctx.table.party_kind(speaker) in ACTOR_KINDS:
                mention.participants.setdefault(speaker, role)
            elif speaker is None and "Plur" in morph(token, "Number") and token.dep_ in syntax.SUBJECT_DEPS and \
                    not ctx.layout.in_quote[token.idx] and not any(p.stamped for p in ctx.layout.paragraphs):
                # "We met in Warsaw" in a joint statement no one speaks: those who put it out, the parties told (a
                # live page's "we" is its newsroom)
                for party in _told_parties(ctx, token):
                    mention.participants.setdefault(party, role)
        elif party_reference(ctx, token) or mention.group in ("meet", "call") and _bare_parties(ctx, token):
            # "Trump spoke with Putin, then announced that the two would meet": the people named before it in
            # its own sentence, else the parties of the last event told
            for party in _told_parties(ctx, token):
                mention.participants.setdefault(party, "participant")
        elif syntax.personal_pronoun(token) and "Plur" not in morph(token, "Number") and (
                token.dep_ in syntax.SUBJECT_DEPS or token.dep_ in ("poss", "nmod:poss") or i in subject_tokens):
            # one person ("he", « il »); a "they" the sentence does not open stands for people it names itself
            key = _reporter(ctx, token) or ctx.resolve_pronoun(token.idx, token.text)
            if key and ctx.table.party_kind(key) in ACTOR_KINDS:
                mention.participants.setdefault(key, role)
        elif syntax.personal_pronoun(token) and "Plur" not in morph(token, "Number") and \
                token.dep_ in syntax.OBJECT_DEPS and token.head.i == pred.i and mention.group in ("meet", "call"):
            # "Macron welcomed him", "Trump called her": whom the doer meets is someone else than the doer
            # (anyone the subject's phrase names: « au palais Merdeka, Prabowo Subianto l'a reçu », parsed with the
            # palace as the subject and the host in apposition to it)
            doers_keys = frozenset(k for s in doers for t in syntax.phrase(s) if (k := ctx.actor_at(t)))
            key = ctx.resolve_pronoun(token.idx, _clitic_as_subject(token), exclude=doers_keys)
            if key and ctx.table.party_kind(key) in ACTOR_KINDS:
                mention.participants.setdefault(key, "participant")
    hit = _suffered_by(ctx, mention)
    for s in hit:
        for key in _names_in(ctx, s):
            mention.participants[key] = "target"
    # "his meeting with Zelensky", « son entretien »: the possessor takes part
    for c in mention.trigger.children:
        if c.dep_ in ("poss", "nmod:poss") or c.dep_ == "det" and "Yes" in morph(c, "Poss"):
            text = folded(c.text)
            if text in cues.first_person:
                key = ctx.speaker_at(c.idx)
            elif text in cues.party_possessives or text in cues.party_pronouns or \
                    c.pos_ == "NOUN" and party_reference(ctx, c):
                # "after their meeting, Zelensky and Trump…", "the two leaders' first meeting": the parties the
                # sentence names as its subject (by the word: French gives « ses » the number of what is possessed,
                # « ses propres droits de douane »)
                # (in another paragraph than the last parties told, « Lors de leur conférence de presse commune, M.
                # Bourita salue un tournant » after « David Lammy se rend à Rabat »: the people of its sentence and
                # the one before)
                told = ctx.last_parties if ctx.last_parties_paragraph == mention.paragraph else \
                    _persons_in(ctx, list(ctx.doc[_sentence_before(ctx, c):c.sent.end])) or ctx.last_parties
                for party in _plural_subject(ctx, c) or told:
                    mention.participants.setdefault(party, "participant")
                key = None
            else:
                key = ctx.actor_at(c) or (_possessor(ctx, mention.trigger, c) if c.pos_ in ("PRON", "DET") else None)
            if key and ctx.table.party_kind(key) in ACTOR_KINDS:
                mention.participants.setdefault(key, "agent")
    verb = governing_verb(mention.trigger) if mention.entry.pos == "noun" else None
    # ("told a news conference"; not "condemned an Israeli strike": who judges an event takes no part in it)
    told = verb is not None and lemma(verb) in cues.reporting and mention.trigger.dep_ in ("dobj", "obj", "dative") \
        and lemma(verb) not in cues.reactions
    stand = measuring(mention.trigger)
    at = told_as_setting(stand, cues)
    # « a quitté Kiev sans la conférence de presse prévue avec Zelensky »: who left without it was to hold it
    at = at or mention.dropped and folded(syntax.case_word(stand)) in cues.negation_prepositions
    # « Macron y est attendu la semaine prochaine pour une visite d'État »: who comes for an event takes part in it
    at = at or folded(syntax.case_word(stand)) in cues.purpose and mention.group == "visit"
    # « Zelensky se trouvait vendredi à Tirana pour le sommet », "Macron flew to Brussels for the summit": who is, or
    # goes, somewhere for a gathering attends it there
    at = at or folded(syntax.case_word(stand)) in cues.purpose and mention.group == "meet" and verb is not None and \
        lemma(verb) in cues.presence
    # "The two leaders then moved to a working lunch", « sont allés au sommet »: who goes to a gathering attends it
    at = at or folded(syntax.case_word(stand)) in TO_EVENT and mention.group == "meet" and verb is not None and \
        lemma(verb) in cues.presence
    # "after a call with Putin on Thursday, Trump announced…", « après un entretien avec Poutine, Macron a
    # annoncé… »: a call or meeting with one side named, told as what came before the subject's act, is the
    # subject's own
    lead = introduced(stand)  # (« après un appel avec Sheinbaum [puis deux entretiens avec Trudeau] »)
    at = at or mention.group in ("call", "meet") and len(mention.participants) == 1 and any(
        folded(t.text) in _WITH and stand.i in (t.head.i, t.head.head.i) for t in stand.subtree if t.i > stand.i) and (
        folded(syntax.case_word(lead)) in cues.sequence or lead.head.i != lead.i and lemma(lead.head) in
        cues.sequence)
    if verb is None and at and mention.group in ("call", "meet") and mention.predicate.i == mention.trigger.i:
        # "asked Zelensky for explanations [in a phone call]": the parser hangs the setting on the noun before it
        verb = setting_verb(stand)
    if verb is not None and mention.predicate.i == mention.trigger.i and (told or at):
        # "Meloni stressed the need … during a visit to Downing Street", "told a news conference", « a déclaré
        # lors d'une conférence de presse »: whoever did or said something at an event took part in it
        for s in subjects(verb):
            # ("The two leaders then moved to a working lunch": the parties told before)
            told = party_reference(ctx, s) or mention.group in ("meet", "call") and _bare_parties(ctx, s)
            for key in _names_in(ctx, s) or (_told_parties(ctx, s) if told else []):
                mention.participants.setdefault(key, "participant")
        if mention.group in ("call", "meet") and lemma(verb) in cues.reporting:
            # "told Putin in a phone call", « a dit à Poutine lors d'un entretien »: whom one told it took part too
            for o in syntax.objects(verb) + syntax.prepositional(verb, ("to", "à", "a")):
                if o.i != mention.trigger.i:
                    for key in _names_in(ctx, o):
                        mention.participants.setdefault(key, "participant")
    described = mention.trigger.head.i if mention.trigger.dep_ in syntax.RELATIVE_DEPS else None
    # "la Maison Blanche où il a accueilli…": the place a relative clause describes is where it happened
    named = [doc[i] for i in mention.domain if starts[i] in ctx.place_by_char or starts[i] in ctx.metonym_by_char
             or starts[i] in ctx.city_by_char]
    tokens = [t for t in named if not _quoted(ctx, t.idx) and (_where(t, cues.since) or _name_head(t).i == described)]
    places = [(abs(t.i - mention.trigger.i), ctx.place_by_char[t.idx]) for t in tokens if t.idx in ctx.place_by_char]
    places += [(abs(t.i - mention.trigger.i), ctx.metonym_by_char[t.idx]) for t in tokens
               if t.idx in ctx.metonym_by_char and (mention.kind == "visit" and t.i > mention.trigger.i
                                                     or names_the_event(t, mention))]
    if not places and verb is not None and mention.predicate.i == mention.trigger.i and (told or at):
        # « ont affirmé dimanche soir à Genève…, au terme d'une journée de discussions », "told reporters in Kyiv
        # during a visit": where something was said or done at the event is where the event was
        # (the verb, or the one it completes: « ont affirmé [à Genève] avoir élaboré… au terme de… »)
        clause = {verb.i} | ({verb.head.i} if verb.dep_ == "xcomp" else set())
        # (in English the preposition heads the name: "are due back [in Istanbul]")
        places = _places_among(ctx, mention, [t for t in verb.sent if _where(t, cues.since) and (
            _name_head(t).head.i in clause or _name_head(t).head.lower_ in ("in", "at")
            and _name_head(t).head.head.i in clause)],
                               ctx.place_by_char, ctx.city_by_char)
    host = ctx.lexicon.verbs.get(lemma(mention.predicate)) if mention.predicate.pos_ == "VERB" else None
    if not places and mention.group == "meet" and host is not None and host.subject == "host":
        # « Paris accueille le sommet », "Riyadh hosts the talks": the city that hosts a gathering is where it is held
        places = _places_among(ctx, mention, [t for s in subjects(mention.predicate) for t in syntax.phrase(s)],
                               ctx.place_by_char, ctx.metonym_by_char)
    if not places and hit:
        # « Kiev a subi une attaque »: where the strike hit
        places = _places_among(ctx, mention, [t for s in hit for t in syntax.phrase(s)],
                               ctx.place_by_char, ctx.metonym_by_char)
    if not places and mention.group == "force":
        # "struck Kyiv overnight", "a strike on Kyiv", « une attaque contre Kiev »: the capital a strike hits is
        # where it happened, besides the country it stands for (a party already)
        places = _places_among(ctx, mention, [t for t in named if _hit(ctx, t, mention)], ctx.metonym_by_char)
    if not places and mention.group == "force":
        # "hit a residential district of Kryvyi Rih": the place the part it hit belongs to
        parts = [o for o in syntax.objects(mention.predicate) if o.i in mention.domain]
        places = _places_among(ctx, mention, [t for o in parts for t in _of_place(o)], ctx.place_by_char,
                               ctx.city_by_char, ctx.metonym_by_char)
    if not places:
        places = [(abs(t.i - mention.trigger.i), ctx.city_by_char[t.idx]) for t in tokens if t.idx in ctx.city_by_char]
        mention.weak_location = bool(places)
    if not places:
        places = _place_pronoun(ctx, mention)
    if places:
        # a place the event's own verb takes ("doit se tenir mercredi [à Paris]") before one further down
        # (« une réunion élargie [au Canada] »)
        own = {mention.predicate.i, mention.trigger.i} | {c.i for c in mention.predicate.children if c.dep_ == "xcomp"}
        direct = [p for p in places if _name_head(doc[token_at(doc, p[1][0])]).head.i in own]
        _, (start, name) = min(direct or places, key=lambda p: p[0])
        mention.location, mention.place_start = name, start
    counterparts(ctx, mention)
