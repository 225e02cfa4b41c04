"""The story around the mentions: the day it is at as it is read, which date goes to which event, and which
mentions are one event.

A story moves in time: "On Feb. 12, Trump spoke to Putin… Two days later, Vance met Zelensky." The
clock keeps the day the story is at, so an expression that counts from it ("the next day", « le même
jour ») is resolved against that day, not against the publication date. A mention the text does not
date stays undated unless the text supports the day the story went out (its lead); an undated mention
joins the dated event it refers to, and a default date never keeps two reports of one event apart.
"""
from __future__ import annotations

import datetime
import itertools
from dataclasses import dataclass

from .. import syntax
from ...dates import counted_again
from ...dates.lexicon import NUMBERS, UNITS
from .lexicon import Cues
from .mentions import Mention, folded, has_place_pronoun, lemma, measuring, told_as_setting
from ..syntax import morph

# A reporting verb this close to a date is the date of the saying ("said on Tuesday that…", « a annoncé
# mardi »); a date further away in the sentence is in what was said, where the parse often hangs it on
# the reporting verb all the same.
SAYING_DISTANCE = 4
# What two mentions must share to be one event when neither points back: the day (4), two parties
# (2 each), a party and the place (2 + 2), or a party in the same paragraph (2 + 2).
SAME_EVENT = 4


def resolve_at(expression: str, reference: datetime.date, published: datetime.date, language: str,
               resolve_expression, *, tense: str | None = None):
    """The date of an expression that counts from the story's day `reference` ("two days later",
    « le lendemain »); the date package resolves deictic ones ("yesterday") from `published` still."""
    return resolve_expression(expression, published, language, tense=tense, reference=reference)


def refers_back(timex) -> bool:
    """Whether a time expression counts from the story's day rather than from the publication date."""
    return bool(getattr(timex, "anaphoric", False))


@dataclass
class Reading:
    """A time expression as the story reads it: the day it was read from and its resolution."""

    reference: datetime.date
    anaphoric: bool
    date: datetime.date | None
    precision: str
    span: bool = False  # where a span of time starts or ends ("since Tuesday"): no day the story is at
    flashback: bool = False  # said of what came before the story's day ("had met on Thursday"): not its day
    # the last day the story was at that is not to come: what a past tense counts from ("The two officers will
    # speak again on Monday. … Dar told reporters that afternoon" is Saturday's; « Le même jour, Kellogg doit
    # arriver à Kiev » after a day to come is that day)
    told: datetime.date | None = None


class StoryClock:
    """The day a story is at, walked through its time expressions in text order. A day that only dates a
    noun in passing ("after the call of 12 February") does not move the story (`moves` says which do)."""

    def __init__(self, timexes, published: datetime.date, language: str, cues: Cues, resolve_expression,
                 skip=lambda t: False, moves=lambda t: True, spans=lambda t: False, steps_back=lambda t: False,
                 sentence_of=lambda position: None):
        self.published, self.language, self.resolve_expression = published, language, resolve_expression
        self.readings: dict[int, Reading] = {}
        self.moves: list[tuple[int, datetime.date]] = []  # (where, the day the story is at from there)
        reference = told = published  # the day the story is at; the last such day not to come
        day_here = None  # (sentence, day): the last day its sentence gives, though it may not move the story
        flashback = None  # the day of the last look back ("Lundi soir, le texte avait recueilli…"), till the story moves
        for t in sorted(timexes, key=lambda t: t.start):
            if skip(t):
                continue
            anaphoric = refers_back(t)
            sentence = sentence_of(t.start)
            span, back = spans(t), steps_back(t)
            if anaphoric:
                # « Mardi, Merz avait manqué la majorité…, avant d'être élu [dans l'après-midi] », "had met Putin on
                # August 15 and called him [the next day]": counted from the day its own sentence gave, though that
                # day told of the past and left the story where it was; « Lundi soir, le texte avait recueilli 124
                # voix. [Dans l'après-midi], Tedros avait téléphoné à Fico »: a look back told on goes on from its day
                same = day_here is not None and sentence is not None and day_here[0] == sentence
                given = same or back and flashback is not None
                here = day_here[1] if same else flashback if given else reference
                found = resolve_at(t.text, here, published, language, resolve_expression) or \
                    counted_again(t, here) or t
                date, precision = found.date, found.precision
            else:
                date, precision = t.date, t.precision
            # (re-read by its tense in resolve(): from the day its sentence gave, or from where the story is)
            base, last = (here, here) if anaphoric and given else (reference, told)
            self.readings[t.start] = Reading(base, anaphoric, date, precision, span, back, last)
            if date is not None and precision == "day" and not span:
                day_here = (sentence, date)
                if back:
                    flashback = date
            if date is not None and precision == "day" and not span and not back and moves(t):
                reference, flashback = date, None  # the story is now at that day
                if date <= published:
                    told = date
                self.moves.append((t.start, date))

    def day_at(self, position: int) -> datetime.date:
        """The day the story is at when it reaches a character: the last day it moved to before it."""
        return next((day for start, day in reversed(self.moves) if start < position), self.published)

    def resolve(self, timex, *, tense: str | None) -> tuple[datetime.date | None, str]:
        """A time expression's date and precision for an event of this tense ('past', 'future' or None)."""
        reading = self.readings.get(timex.start)
        if reading is None or not reading.anaphoric:
            found = self.resolve_expression(timex.text, self.published, self.language, tense=tense) or timex
            return found.date, found.precision
        reference = reading.told if tense == "past" and reading.told is not None else reading.reference
        found = resolve_at(timex.text, reference, self.published, self.language, self.resolve_expression,
                           tense=tense) or counted_again(timex, reference)
        return (found.date, found.precision) if found else (reading.date, reading.precision)


# "the eve of the visit", « la veille de la visite »: a day named by its distance to an event (days after it)
_EVE = {"veille": 1, "avant-veille": 2, "lendemain": -1, "surlendemain": -2, "eve": 1}


def counted_from(m: Mention, language: str) -> tuple[int, str, bool] | None:
    """How far the event a noun names is from a day the text gives, as (signed count, unit D/W/M, apposed):
    "nine days after the summit", « une semaine après la rencontre » count from the day the story is at;
    « le 16 octobre, la veille de la visite », "the day before the summit" from the day they stand beside
    (apposed). None when the noun is not counted so."""
    trig = m.trigger
    if m.entry.pos != "noun" or m.predicate.i != trig.i:
        # "a day after US bombers struck the sites", "nine days after a strike on the city killed 20", « deux jours
        # après que Kiev a frappé la base »: the event of a clause counted from the day the story is at
        clause = _counted_clause(m.predicate, language)
        if clause is not None or m.entry.pos != "noun":
            return clause
    case = next((c for c in trig.children if c.dep_ == "case" and c.i < trig.i), None)
    if case is None and trig.dep_ == "pobj" and trig.head.pos_ == "ADP":
        case = trig.head
    if case is None or case.i < 2:
        return None
    doc = trig.doc
    word = folded(case.text)
    if word in ("de", "d'", "du", "of"):
        # « la veille de la visite », "on the eve of the summit"
        eve = trig.head.head if trig.dep_ == "pobj" else trig.head
        days = _EVE.get(folded(eve.text))
        return (days, "D", True) if days is not None and eve.i < trig.i else None
    sign = _SIGNS.get(word)
    if sign is None:
        return None
    found = _count_before(doc, case.i, language, ones=("the", "a", "one", "un", "une"))
    if found is None or found[2] == "the" and found[1] != "D":
        return None  # ("the week after" is no count; "the day before" is)
    count, unit, count_word = found
    # "the day before the summit" names a day, as « la veille » does; "nine days after" counts from the story
    return sign * count, unit, count_word == "the"


# "after", « après » count back from the day after them; "before", « avant » forward
_SIGNS = {"apres": -1, "after": -1, "avant": 1, "before": 1}


def _count_before(doc, at: int, language: str, ones: tuple[str, ...]) -> tuple[int, str, str] | None:
    """(count, unit D/W/M, count word) of the two words before "after"/"before" at `at` ("nine [days] after",
    « deux [jours] après »), a word of `ones` counting one; None unless a count of days, weeks or months."""
    unit = UNITS[language].get(folded(doc[at - 1].text))
    count_word = folded(doc[at - 2].text)
    count = int(count_word) if count_word.isdigit() else 1 if count_word in ones else \
        NUMBERS[language].get(count_word)
    return (count, unit, count_word) if unit in ("D", "W", "M") and count else None


def _counted_clause(verb, language: str) -> tuple[int, str, bool] | None:
    """(signed count, unit, True) for a verb whose clause opens with a count and "after"/"before" (« après que »,
    « avant que »): "struck on Monday, [two days after] the envoys met", counted from the day the sentence gives
    before it (else the day the story is at)."""
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    # "hosted Munir on Wednesday, [a day after] speaking by phone with Modi": a gerund after the preposition
    clause = verb if verb.dep_ == "pcomp" and verb.head.pos_ == "ADP" else syntax.clause_head(verb)
    if clause.i == clause.head.i:
        return None  # the sentence's own verb: the count dates what it tells, not the count's anchor
    doc = verb.doc
    marks = [c for c in clause.children if c.dep_ == "mark" and c.i < clause.i]
    if clause.dep_ == "pcomp":
        marks.append(clause.head)
    for mark in marks:
        at = mark.i
        if folded(mark.text) in ("que", "qu'") and at > 0:
            at -= 1  # « après que », parsed as one mark or two
        sign = _SIGNS.get(folded(doc[at].text))
        if sign is None:
            continue
        if at < 2:
            return None
        found = _count_before(doc, at, language, ones=("a", "one", "the", "un", "une"))
        if found is not None:
            return sign * found[0], found[1], True  # from the day the sentence gives before it, as an apposed count
    return None


def _saying_date(root, cues: Cues) -> bool:
    """Whether a date is the date of a saying: it hangs on a reporting verb close to it, and is not what
    something was set for ("announced for early October")."""
    if folded(syntax.case_word(root)) in cues.set_for:
        return False
    for g in [root] + syntax.governors(root, 4):
        if g.pos_ in ("VERB", "AUX") and not syntax.misread_name(g):
            return lemma(g) in cues.reporting and abs(g.i - root.i) <= SAYING_DISTANCE
    return False


def _setting_of_saying(mention: Mention, root, cues: Cues) -> bool:
    """« a exprimé mardi sa gratitude à Trump [lors d'un appel] », "reaffirmed on Tuesday his support [during a
    meeting with Merz]": an event noun the saying took place at shares the saying's date."""
    if mention.entry.pos != "noun":
        return False
    stand = measuring(mention.trigger)
    if not told_as_setting(stand, cues):
        return False
    verb = next((g for g in [root] + syntax.governors(root, 4) if g.pos_ in ("VERB", "AUX")), None)
    return verb is not None and any(g.i == verb.i for g in syntax.governors(stand, 5))


def spans_time(span, cues: Cues) -> bool:
    """Whether a date opens or closes a span of time ("since March", "since [taking office in August]")."""
    doc, root = span.doc, span.root
    # the words just before it in its own sentence: "…stalled it ever since. Five days later, …" opens no span
    first = root.sent.start if doc.has_annotation("SENT_START") else 0
    before = [folded(doc[i].text) for i in range(max(span.start - 2, first, 0), span.start)]
    up = [root]
    for _ in range(4):  # through clauses too: "since [taking office in August]"
        up.append(up[-1].head)
    opened = [folded(syntax.case_word(g)) for g in up if g.pos_ in ("NOUN", "PROPN")]
    opened += [folded(g.text) for g in up if g.pos_ in ("ADP", "SCONJ")]
    return any(w in cues.span_time for w in before + opened)


def assign_timexes(mentions: list[Mention], timexes: list, doc, cues: Cues) -> None:
    """Give each mention of a sentence the date expression that belongs to it: one in its domain first
    (the innermost), else the nearest one no reporting verb claims; one date per mention."""
    pairs = []
    # (the days of gatherings and remarks: "since his appointment in 2023" stays a span of time)
    triggers = {t.i for m in mentions if m.group in ("meet", "call", "visit", "say") for t in m.triggers}
    for ti, t in enumerate(timexes):
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        if spans_time(span, cues) and not _names_the_day_of(root, triggers):
            continue  # "since March", « depuis le début de l'invasion en février 2022 »: a span of time
        saying = _saying_date(root, cues)
        # « l'UE a adopté son paquet, [qui prévoit l'interdiction … d'ici à janvier 2027] »: a date in a clause
        # that describes a noun tells of that noun, not of an event around it
        clause = syntax.clause_head(root)
        # (a clause opened by « qui », "which" is one though the parser labels it a complement of the verb)
        relative = clause.dep_ in syntax.RELATIVE_DEPS or clause.head.i != clause.i and any(
            c.dep_ != "mark" and c.i < clause.i and "Rel" in morph(c, "PronType") for c in clause.children)
        # « le plan [présenté la semaine dernière par Washington] », "the plan [unveiled last week]": a participle
        # after a noun describes that noun the way a relative clause does, unless that noun is in the event's own
        # phrase (« la visite de Witkoff, un temps [annoncée pour octobre] », read as « un temps »'s)
        # (a past participle: "Trump, [speaking in Florida on Tuesday], said…" tells of Trump's day)
        described = clause.head if clause.dep_ == "acl" and "Part" in morph(clause, "VerbForm") and \
            "Prog" not in morph(clause, "Aspect") and \
            clause.head.pos_ in ("NOUN", "PROPN") and clause.head.i < clause.i else None
        relative = relative or described is not None
        nested = {t.i for t in clause.subtree} if relative else None
        for mi, m in enumerate(mentions):
            if nested is not None and root.i not in m.domain and not any(t.i in nested for t in m.triggers) and \
                    (described is None or described.i not in m.domain):
                continue
            distance = min(abs(trig.i - root.i) for trig in m.triggers)
            # ("announced the agreement late Tuesday": a support verb of the noun dates what it makes known)
            if root.i in m.domain and not (saying and m.group != "say" and root.i not in
                                           {t.i for t in syntax.phrase(m.trigger)} and m.predicate.i != m.trigger.i
                                           and lemma(m.predicate) in cues.reporting
                                           and not (lemma(m.predicate) in m.entry.support
                                                    and m.predicate.head.i != m.trigger.i)):
                pairs.append((0, len(m.domain), distance, ti, mi))
            elif not saying and not (m.anaphoric and not m.participants) and not (
                    _in_content_of(root, m.predicate) and not _in_content_of(m.trigger, m.predicate)) and \
                    not _before_the_day(root, m, cues) and not _dates_another_noun(root, m):
                # a bare back-reference ("the meeting") takes no date from around it; "before the Rome
                # conference on Ukraine, on 10 and 11 July" does
                pairs.append((1, 0, distance, ti, mi))
            elif saying and (m.group == "say" or _setting_of_saying(m, root, cues)):
                pairs.append((1, 0, distance, ti, mi))
    used_t, used_m = set(), set()
    for _, _, _, ti, mi in sorted(pairs):
        if ti in used_t or mi in used_m:
            continue
        used_t.add(ti)
        used_m.add(mi)
        mentions[mi].timex = timexes[ti]
    _share_with_when_clause(mentions, cues)
    _share_with_place_pronoun(mentions, cues)


def _dates_another_noun(root, m: Mention) -> bool:
    """« Rubio reçoit Bourita et réaffirme la reconnaissance américaine [de 2020] », "the law [of July 2]": a date that
    qualifies a noun other than the event's word is that noun's, not the day of an event told beside it."""
    noun = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "of" else root.head
    # (« de », "of" after the noun: a bare day the parser hung on a name, « Starmer coprésideront vendredi », is not)
    qualifies = root.dep_ == "nmod" and folded(syntax.case_word(root)) in ("de", "du", "d'", "des") or \
        root.dep_ == "pobj" and root.head.lower_ == "of"
    return qualifies and noun.pos_ == "NOUN" and noun.i < root.i and all(t.i != noun.i for t in m.triggers)


def _before_the_day(root, m: Mention, cues: Cues) -> bool:
    """"Carmakers led a rally on Wednesday [after Trump said the US [had struck a deal]…, hours after he met the
    negotiator]": a clause opened by "after" tells what came before the day of the clause it hangs on; what is told
    inside it (or in the pluperfect) does not take that day. The verb of the after-clause itself still may (« Après
    avoir reçu Zelensky, Macron a annoncé jeudi… »: most often the same day)."""
    crossed = []
    for a in itertools.chain([m.predicate], m.predicate.ancestors):
        if a.i == root.i or a.is_ancestor(root):
            break  # the clause that holds the date
        if a.dep_ == "advcl" and any(c.dep_ == "mark" and folded(c.text) in cues.after for c in a.children):
            crossed.append(a)
    return bool(crossed) and (len(crossed) > 1 or crossed[0].i != m.predicate.i or syntax.pluperfect(m.predicate))


def _names_the_day_of(root, triggers: set[int]) -> bool:
    """Whether a date qualifies an event's own noun (« depuis sa conférence de presse [du 4 février] », "since the
    summit [on August 15]"): it dates that event, though the span it opens runs from it."""
    if folded(syntax.case_word(root)) in ("depuis", "since") or root.head.lower_ in ("since", "depuis"):
        return False  # « leurs premières négociations [depuis 2022] »: the span's own start
    head = root.head.head if root.head.pos_ == "ADP" else root.head
    if head.i not in triggers and head.dep_ in ("nmod", "compound") and head.head.pos_ == "NOUN":
        head = head.head  # « sa conférence de presse du 4 février »: the date hangs on « presse »
    return head.i in triggers and root.i != head.i


def _in_content_of(token, verb) -> bool:
    """Whether a word stands in what a verb reports ("Wi told reporters [that the deal struck on July 30 had not been
    reopened]"): a date there is the content's, not the telling's."""
    return any(a.dep_ == "ccomp" and a.head.i == verb.i for a in itertools.islice(token.ancestors, 12))


def _share_with_when_clause(mentions: list[Mention], cues: Cues) -> None:
    """"The envoy first met Putin in February, [when he flew to Moscow]", « lorsqu'il s'est rendu à Moscou, il a
    rencontré Poutine en février »: a clause of the same time as the verb it hangs on (cues.toml "simultaneous")
    shares its date, whichever of the two the text dates."""
    if not cues.simultaneous:
        return
    by_verb = {m.predicate.i: m for m in mentions}
    for m in mentions:
        clause = syntax.clause_head(m.predicate)
        # ("[sitting next to Rutte in the Oval Office], Trump announced…": a present participle with no conjunction
        # is of the same time too)
        bare_participle = clause.tag_ == "VBG" and not any(c.dep_ in ("mark", "aux", "nsubj") for c in clause.children)
        if clause.dep_ != "advcl" or clause.head.i == clause.i or not bare_participle and not any(
                c.dep_ in ("mark", "advmod") and c.i < clause.i and folded(c.text) in cues.simultaneous
                for c in clause.children):
            continue
        other = by_verb.get(clause.head.i)
        if other is None:
            continue
        if m.timex is None and other.timex is not None:
            m.timex = other.timex
        elif other.timex is None and m.timex is not None:
            other.timex = m.timex


def _share_with_place_pronoun(mentions: list[Mention], cues: Cues) -> None:
    """« Premier sommet UE-Asie centrale vendredi : Costa et von der Leyen y ont scellé un partenariat », "met in
    Samarkand on Friday and signed a partnership there": what is done at an event the sentence has just named (« y »,
    "there" on the verb) is done on that event's day, when the text gives none of its own."""
    if not cues.place_pronouns:
        return
    for m in mentions:
        verb = m.predicate
        if m.timex is not None or verb.pos_ not in ("VERB", "AUX") or not has_place_pronoun(verb, cues.place_pronouns):
            continue
        before = [o for o in mentions if o is not m and o.timex is not None and o.entry.pos == "noun"
                  and o.trigger.sent.start == verb.sent.start and o.trigger.i < verb.i]
        if before:
            m.timex = max(before, key=lambda o: o.trigger.i).timex


# --- one event per real event ---------------------------------------------------------------------------

@dataclass
class Cluster:
    """One event: the mentions that report it."""

    mentions: list[Mention]
    date: datetime.date | None = None
    precision: str = "unknown"
    dated_by: str = ""  # text | lead | statement | "" (undated)
    status: str = "occurred"
    # the people and groups among the parties (not the countries or offices that may stand for them)
    people: frozenset[str] = frozenset()
    # the parts of the day its dates name (« lundi matin »): morning, evening…
    day_parts: frozenset[str] = frozenset()

    @property
    def first(self) -> Mention:
        return self.mentions[0]

    @property
    def group(self) -> str:
        return self.first.group

    @property
    def participants(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for m in self.mentions:
            for key, role in m.participants.items():
                if out.get(key, "participant") == "participant":
                    out[key] = role
        return out

    @property
    def location(self) -> str | None:
        # the city before the country it lies in, whichever mention told it first
        placed = [m for m in self.mentions if m.location]
        return next((m.location for m in placed if not m.whole_country), placed[0].location if placed else None)

    @property
    def kind(self) -> str:
        # the most telling word names the event: a verb or a light verb over a bare noun
        order = {"verb": 0, "light-verb": 0, "genre": 0, "noun": 1, "surface": 2}
        return min(self.mentions, key=lambda m: (order.get(m.basis, 3), m.trigger.i)).kind


def _same_day(a: Cluster, b: Cluster) -> bool | None:
    """True or False when both are dated from the text, None when either is not (no evidence either way)."""
    # (the day of a live page's entry is the day its time stamp says; but a stay runs over several days, and an
    # entry that tells of it on its day does not say it began that day)
    firm = ("text", "statement") if a.group == "visit" else ("text", "statement", "entry")
    if a.dated_by not in firm or b.dated_by not in firm or not a.date or not b.date:
        return None
    coarse = a.precision if _rank(a.precision) > _rank(b.precision) else b.precision
    if coarse == "year":
        return a.date.year == b.date.year
    if coarse == "month":
        return (a.date.year, a.date.month) == (b.date.year, b.date.month)
    if coarse == "week":
        return a.date.isocalendar()[:2] == b.date.isocalendar()[:2]
    return a.date == b.date


def _rank(precision: str) -> int:
    return {"day": 0, "week": 1, "month": 2, "quarter": 3, "year": 4}.get(precision, 5)


def _compatible(event: Cluster, mention: Cluster, person=lambda key: False, side=lambda key: key) -> int | None:
    """How well a mention fits an event already told, or None when it cannot be the same event."""
    if event.group != mention.group:
        return None
    if event.group in _ONE_SIDED:
        # "Trump imposed sanctions on Rosneft… the EU adopted its 19th package", "Russia struck Kyiv… Ukraine hit a
        # refinery": sanctions or strikes by two sides (a person's country, an institution's) are two events
        ours, theirs = _sides(event, side), _sides(mention, side)
        if ours and theirs and not ours & theirs:
            return None
    if any(id(m) in other.apart for m in event.mentions for other in mention.mentions):
        return None  # told as before or after it
    if event.group == "other" and not _pointing(mention) and _whats(event) and _whats(mention) and \
            not _whats(event) & _whats(mention) and not set(event.participants) & set(mention.participants):
        # "Zelenskiy signs the bill. Protesters gather in Kyiv": a law and protests, two events of one day
        return None
    day = _same_day(event, mention)
    if day is False and not (mention.first.anaphoric and mention.first.rescheduled):
        return None  # two days, two events; unless "this trip" was moved to another day
    if day and event.day_parts and mention.day_parts and not event.day_parts & mention.day_parts:
        return None  # « lundi matin » and « lundi soir »: two times of one day, two events
    a, b = event.location, mention.location
    if a and b and a != b and not _within(event, mention) and not _unknown_place(event, mention):
        return None
    if mention.first.distinct and not day:
        return None  # "met Putin again": another meeting, unless the same day is told
    if event.first.distinct and event.date is None and len(event.mentions) == 1 and not _pointing(mention):
        # « Auparavant, le Président avait eu un entretien bilatéral avec al-Sissi. … La veille au soir, il avait dîné
        # avec son homologue »: the dinner told next is no more that other meeting than it was the one before
        return None
    if event.group == "call" and not _pointing(mention) and _other_lines(event, mention):
        return None
    if event.group == "say" and event.people and mention.people and not event.people & mention.people:
        return None  # "he said in his nightly video address": his words, not the remarks told before by another
    shared = set(event.participants) & set(mention.participants)
    # « Zelensky a eu un tête-à-tête avec Carney… Starmer, qui a lui aussi vu le président ukrainien »: two
    # meetings of two people each, with one in common, are two meetings (a leader sees many people in a day)
    pair_a = {k for k in event.participants if person(k)}
    pair_b = {k for k in mention.participants if person(k)}
    # (a pointing "their bilateral meeting" that names its two is no more the other two's)
    if len(pair_a) == len(pair_b) == 2 and pair_a != pair_b and (
            not _pointing(mention) or any(m.two_only for m in mention.mentions)):
        return None
    # « La veille, Meloni avait reçu Merz au palais Chigi »: with someone none of the day's meetings had, at a place
    # and on a day of its own, it is another meeting (the day the others took from the story's is no evidence); so
    # is one a live page's entry tells with other people than those of the other entries' (« 16h25 … reçu par Vance
    # et Rubio », « 17h50 … entre Meloni, Vance et von der Leyen »)
    entries = {m.live_entry for m in event.mentions}
    other_entry = mention.first.live_entry and 0 not in entries and mention.first.live_entry not in entries
    if len(pair_b) >= 2 and pair_b - pair_a and pair_a - pair_b and not _pointing(mention) and (
            other_entry or mention.dated_by == "text" and event.dated_by != "text"):
        return None
    # « Après leur réunion bilatérale, Zelensky et Trump seront rejoints par des dirigeants européens »: a meeting
    # said to be of two is not the one where a third party joined them
    for two, other in ((event, mention), (mention, event)):
        if any(m.two_only for m in two.mentions) and len(other.participants) >= 3 and \
                set(two.participants) < set(other.participants):
            return None
    same_day_back = mention.first.anaphoric and day and event.precision == mention.precision == "day"
    # "the US had struck a trade deal with Japan… Trump announced the agreement late Tuesday": what a country agrees,
    # its leader agrees; the same sides are the same parties to a deal told again
    same_sides = event.group == "agree" and mention.first.anaphoric and \
        bool({side(k) for k in event.participants} & {side(k) for k in mention.participants})
    if event.participants and mention.participants and not shared and not _pointing(mention) and not same_day_back \
            and not same_sides:
        # two sets of parties: two events ("the meeting" may name its parties otherwise, and "the virtual
        # meeting tomorrow" those who join the meeting told for tomorrow)
        return None
    # the same paragraph tells of one thing at a time
    near = any(m.paragraph == mention.first.paragraph for m in event.mentions)
    # the same day is telling; the same week or month only says they may be one
    exact = day and event.precision == mention.precision == "day"
    return (4 if exact else 1 if day else 0) + 2 * len(shared) + (2 if a and a == b else 0) + \
        (2 if near and shared else 0) + (SAME_EVENT if same_sides and not shared else 0)


# Groups of events done by one side to another: who does them tells them apart.
_ONE_SIDED = frozenset({"sanction", "force"})


def _sides(c: Cluster, side) -> set[str]:
    """The sides of those who do what an event tells (its agents and hosts, by country where they have one)."""
    return {side(k) for k, role in c.participants.items() if role in ("agent", "host")}


def _whats(c: Cluster) -> frozenset[str]:
    """What the words of an event of no kind of its own name it ("law", "protests", "appointment")."""
    return frozenset(m.entry.what.get("en", "") for m in c.mentions if m.entry.what)


def _other_lines(a: Cluster, b: Cluster) -> bool:
    """"Zelenskiy, who spoke with Trump on Wednesday" and "Trump briefed European leaders in a call later that
    day": a leader makes many calls a day; two calls that each name someone on the line the other does not
    are two calls, whatever party and day they share (a call told again names a part of its parties)."""
    return bool(a.people - b.people) and bool(b.people - a.people) and len(a.people) >= 2 and len(b.people) >= 2


def _within(a: Cluster, b: Cluster) -> bool:
    """Whether one place is the country the other lies in ("visited Kyiv… his first visit to Ukraine")."""
    pa, pb = _placed(a), _placed(b)
    return pa.region is not None and pa.region == pb.region and (pa.whole_country or pb.whole_country)


def _placed(c: Cluster) -> Mention:
    """The mention that told the event's place."""
    return next(m for m in c.mentions if m.location == c.location)


def _unknown_place(a: Cluster, b: Cluster) -> bool:
    """Whether one place is a name the gazetteer does not know, on the same day as the other: it may hold the other
    (« retrouver les émissaires américains jeudi en Floride », « retrouvera jeudi à Miami Steve Witkoff »)."""
    pa, pb = _placed(a), _placed(b)
    return (pa.weak_location or pb.weak_location) and a.date is not None and a.date == b.date


def _pointing(c: Cluster) -> bool:
    """A mention that points back to an event told ("the meeting", « cette réunion ») and has no date of its
    own, or one that moves it to a new date (« a reporté ce déplacement au 10 mars »)."""
    return c.first.anaphoric and (c.dated_by != "text" or c.first.rescheduled)


def _told_again(event: Cluster, c: Cluster) -> bool:
    """"Trump met Zelenskiy on Wednesday… adding that the meeting with Zelenskiy had been very nice": a noun with
    "the" and no day of its own, whose parties are all among those of an event told before, is that event again."""
    m = c.first
    return len(c.mentions) == 1 and m.entry.pos == "noun" and m.determiner == "definite" and c.date is None and \
        bool(c.participants) and set(c.participants) <= set(event.participants)


def _told(c: Cluster) -> int:
    return (not all(m.hedged for m in c.mentions)) + (c.dated_by == "text")


def _empty(c: Cluster) -> bool:
    return not c.participants and not c.location and c.date is None


def merge(clusters: list[Cluster], person=lambda key: False, side=lambda key: key,
          published: datetime.date | None = None) -> list[Cluster]:
    """Mentions of one event become one event, in text order: a mention that points back ("the meeting")
    joins the latest event it fits; another joins an event it shares a party and a day with, or that it
    fits when either is undated. Status and default dates never keep two reports apart; but what the text
    tells as done is not what it dates after the day the story went out."""
    events: list[Cluster] = []
    by_mention = {id(m): c for c in clusters for m in c.mentions}
    for c in clusters:
        _dated_by_setting(c, events)
        # "Rubio met Fidan before the talks began": the event "the talks" points back to is not this one
        partners = [by_mention[i] for m in c.mentions for i in m.apart if i in by_mention]
        reserved = {id(t) for p in partners if _pointing(p) for t in [_target(events, p)] if t is not None}
        target = _target([e for e in events if id(e) not in reserved and not _done_and_to_come(e, c, published)],
                         c, person, side)
        if target is not None:
            _absorb(target, c)
        else:
            events.append(c)
    return events


def _dated_by_setting(c: Cluster, events: list[Cluster]) -> None:
    """« À l'issue du sommet, les trois dirigeants se sont entretenus par téléphone avec Trump »: what was done at a
    gathering the text told before, with no day of its own, was done on the day that gathering was told to be."""
    held = c.first.held_at
    if held is None or c.dated_by in ("text", "statement"):
        return
    setting = next((e for e in events if any(m is held for m in e.mentions)), None)
    if setting is not None and setting.date is not None and setting.dated_by == "text":
        c.date, c.precision, c.dated_by = setting.date, setting.precision, setting.dated_by


def _done_and_to_come(a: Cluster, b: Cluster, published: datetime.date | None) -> bool:
    """« Les deux dirigeants se sont entretenus en marge de la visite… Ils doivent se retrouver dès vendredi au
    sommet de la CEI »: a meeting told in the past tense, undated, and one the text dates after the story's day
    are two meetings."""
    return published is not None and (_to_come(a, published) and _told_done(b) or
                                      _to_come(b, published) and _told_done(a))


def _to_come(c: Cluster, published: datetime.date) -> bool:
    # (« offre ce soir un dîner d'Etat »: a time of the story's day still to come)
    return c.status == "planned" and c.dated_by == "text" and c.date is not None and (
        c.date > published or c.date == published and bool(c.day_parts))


def _told_done(c: Cluster) -> bool:
    """Told as done by a verb in a past tense of its own (a noun may point at either), and never as to come."""
    return all(m.status == "occurred" for m in c.mentions) and any(
        not m.anaphoric and m.predicate.pos_ in ("VERB", "AUX") and syntax.tense(m.predicate) == "past"
        for m in c.mentions)


def _target(events: list[Cluster], c: Cluster, person=lambda key: False, side=lambda key: key) -> Cluster | None:
    """The event told before that a mention reports again: the best fit; for "the summit" that fits all
    alike, an event told for a fact before one only possible, then the latest."""
    pointing = _pointing(c)
    candidates = []
    for index, e in enumerate(events):
        score = _compatible(e, c, person, side)
        if score is None or _empty(e):
            continue
        if not pointing and score < SAME_EVENT and not _told_again(e, c):
            continue  # a party in common is not enough: a leader meets many people
        candidates.append((score, _told(e), index, e))
    return max(candidates, key=lambda x: x[:3])[3] if candidates else None


def _absorb(into: Cluster, other: Cluster) -> None:
    into.mentions += other.mentions
    into.people = into.people | other.people
    into.day_parts = into.day_parts | other.day_parts
    # a back-reference brings a date only if the text gives it one ("the meeting on Tuesday")
    inferred = other.dated_by not in ("text", "statement") and other.first.anaphoric
    moved = other.first.rescheduled and other.dated_by == "text"  # « reporté au 10 mars »: the new day
    better = not inferred and _rank_date(other) < _rank_date(into) or moved
    if better:
        into.date, into.precision, into.dated_by = other.date, other.precision, other.dated_by
    if other.status == "cancelled" or into.status != "cancelled" and better and other.dated_by == "text":
        into.status = other.status


def _rank_date(c: Cluster) -> tuple[int, int]:
    order = {"text": 0, "statement": 1, "entry": 2, "lead": 2, "": 3}
    return order.get(c.dated_by, 3), _rank(c.precision) if c.date else 9
