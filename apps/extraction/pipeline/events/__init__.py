"""Events: meetings, calls, visits… read from the parse, dated along the story, one record per real event.

The reading, step by step:
  1. lexicon.py: per language, the words that name events (events.toml) and the cue words (cues.toml);
  2. mentions.py: each word of the lexicon whose conditions hold in its sentence is a mention, with
     its domain (the tokens whose names and places are its own), parties and place;
  3. status.py: denied mentions are dropped; the others are done, planned, called off, or only possible;
  4. discourse.py: dates go to the mention they belong to and are read along the story's clock; the
     mentions of one event become one event;
  5. titles.py: a title in each language, saying who, what and with whom.
"""
from __future__ import annotations

import bisect
import datetime
import itertools
import re
from collections.abc import Callable, Iterable

from spacy.attrs import LEMMA, ORTH
from spacy.tokens import Token

from .. import syntax
from ...dates.calendar import add_months
from ...dates.lexicon import UNITS
from ..actors import ActorTable, PlaceRef
from ..discourse import StoryTime
from ..layout import LIST_MARK, OPENING, PLACE_BEFORE_DAY, Layout, Turn, dated_entries
from ..records import Event, Participant
from .discourse import Cluster, StoryClock, assign_timexes, counted_from, merge, refers_back, spans_time
from .kinds import GROUP, KINDS, PLOVER, confidence
from .lexicon import EventLexicon, Trigger, event_lexicon
from .mentions import (ACTOR_KINDS, TO_EVENT, WITH, Context, Mention, condition, domain, entry_for, folded, gather,
                       governing_verb, hyphenated, introduced, is_light, lemma, measuring, metonym_names_the_event,
                       objects_of, place_in, press_mention, read_mention, setting_verb, token_at, told_as_setting)
from .repeats import split_repeats
from .scene import running_day
from .series import counted, members
from .status import absent, denied, dropped, hedged, questioned, rescheduled, set_for_later, status, tense_verb, wished
from .titles import make_title, titles
from ..syntax import morph

__all__ = ["GROUP", "KINDS", "PLOVER", "make_title", "read_events"]


def read_events(doc, text: str, language: str, layout: Layout, table: ActorTable, timexes: list,
                published: datetime.date, resolve_expression: Callable, resolve_pronoun: Callable,
                statements=(), story: StoryTime | None = None, resolve_office: Callable | None = None,
                counterpart: Callable | None = None,
                sourced: Iterable[int] = (), turns: Iterable[Turn] = (),
                page_day: datetime.date | None = None) -> list[Event]:
    """The events of an article, one record per real event; `story` is the statements' running time;
    `turns` are a transcript's turns, by speaker; `page_day` the day the page's title names, if any."""
    lexicon = event_lexicon(language)
    ctx = Context.build(doc, text, language, layout, table, lexicon, resolve_pronoun, statements)
    ctx.resolve_office = resolve_office
    ctx.counterpart = counterpart
    ctx.sourced = frozenset(sourced)
    ctx.page_day = page_day
    cues = lexicon.cues
    usable = [t for t in timexes if not layout.in_quote[t.start] and not layout.is_excluded(t.start, t.end)
              and (t.date is not None or refers_back(t))]
    ctx.timex_starts = {t.start for t in timexes}
    ctx.timex_ends = {t.start: t.end for t in timexes}
    lead = _lead(layout, doc)
    entry_days = dated_entries(layout, usable)  # "July 22 - Lawmakers vote…": the day each entry tells
    candidates = _candidates(doc, lexicon)
    mentions: list[Mention] = []
    series = None  # the last event told with its rank in a series ("his fourth meeting with Putin")
    for sent in doc.sents:
        # Only the words that may be triggers: building a Token object for every word of the
        # article cost more than everything else events do.
        indices = candidates[bisect.bisect_left(candidates, sent.start):bisect.bisect_left(candidates, sent.end)]
        if not indices and series is None:
            continue
        broken = None
        for start, end in _segments(sent, layout):
            para = layout.paragraph_at(start)
            if para is None or para.byline or para.credit:
                continue
            local = _read_segment(ctx, [doc[i] for i in indices if start <= doc[i].idx < end], (start, end))
            here = [t for t in usable if start <= t.start < end]
            earlier = []
            if para.heading:
                # "Trump, Zelensky meet at the Vatican": a heading tells an event only through a verb whose
                # conditions hold; its nouns ("Talks in Riyadh") are a topic's name as often as an event's
                local = [m for m in local if m.entry.pos == "verb" and m.basis == "verb"]
            elif series is not None:
                earlier = members(ctx, series, (start, end), here, local)
            for m in local:
                series = counted(m, local, cues) or series
            if not local and not earlier:
                continue
            for m in local:
                m.paragraph, m.live_entry = para.start, para.entry if para.stamped else 0
            for m in local:
                gather(ctx, m)
                # « Starmer a reçu son hôte, et les deux gouvernements ont signé un accord »: the parties of a meeting
                # told earlier in the sentence are those the next event points back to (not those of remarks, "X
                # told reporters that the two sides had agreed")
                parties = [k for k in m.participants if table.party_kind(k) in ACTOR_KINDS]
                if len(parties) >= 2 and m.group == "meet" and _names_the_parties(m, table):
                    ctx.tell_parties(parties, m.paragraph)
                # "He then called Zelensky", « puis il a appelé Zelensky »: told as what came next, another
                # event than the one told before it, though they share a party and a day
                # (« Auparavant, le Président avait eu un entretien… »: the French parser may call the adverb a clause)
                m.distinct = m.distinct or any((c.dep_ == "advmod" or c.dep_ == "advcl" and c.pos_ == "ADV")
                                               and folded(c.text) in cues.succession for c in m.predicate.children)
                # « la visite à Moscou de Witkoff »: a noun with "the" and parties in its own phrase is a
                # first report ("the Budapest meeting", "offered to host the summit" still point back);
                # "this meeting", « son entretien » always do
                m.anaphoric = m.determiner == "pointing" or m.anaphoric and (
                    not _own_parties(ctx, m) or _in_sequence(m, cues.sequence))
            assign_timexes(local, here, doc, cues)
            _when_of_the_day(local, here, doc, cues)
            _dated_with_first_conjunct(local)
            _where_clauses(local)
            _acts_at_gatherings(local, cues)
            _trips_to_gatherings(local)
            for m in local:
                if m.held_at is not None:
                    # what is held at a gathering is held where and when the gathering is, unless told otherwise
                    m.timex = m.timex or m.held_at.timex
                    if m.location is None:
                        m.location, m.place_start = m.held_at.location, m.held_at.place_start
                    if not m.participants and m.held_at.group == "meet":
                        # "…, where ministers signed the trade agreement": done at the meeting, by its sides
                        m.participants = {k: "participant" for k, role in m.held_at.participants.items()
                                          if role != "target"}
            for m in local:
                if m.timex is not None and m.timex.precision == "year" and m.timex.date is not None and \
                        m.timex.date.year == published.year and counted(m, local, cues):
                    m.timex = None  # "his fourth meeting with Putin this year": the year the count runs over
            head = entry_days.get(para.start)
            if head is not None:
                # "July 22 - … Protesters gather in Kyiv": what an entry of a chronology tells as done happened on
                # the day the entry opens with, though its sentence names no day of its own
                # ("April 11 — Zelensky says he will travel to Warsaw": the day of the saying, not of the trip)
                for m in local:
                    if m.timex is head and (m.status == "planned" or m.hedged):
                        m.timex = None
                    elif m.timex is None and m.status == "occurred" and not m.hedged:
                        m.timex = head
            _held_before(ctx, local)
            if earlier:
                # the date of a member's clause is that member's ("the second, on March 13, followed the talks")
                claimed = {id(m.timex) for m in earlier}
                for m in local:
                    if id(m.timex) in claimed:
                        m.timex = None
                for m in earlier:
                    m.paragraph = para.start
            # "the two sides agreed to exchange 1,200 prisoners": what was agreed, with no day of its own, is
            # the agreement's content (its title says it), not an event told besides it
            agreed = {m.trigger.i for m in local if m.kind == "agreement" and m.entry.pos == "verb"}
            local = [m for m in local if not (m.entry.pos == "verb" and m.trigger.dep_ == "xcomp" and m.timex is None
                                              and m.trigger.head.i in agreed)]
            local = split_repeats(ctx, local, here)
            _share_purpose(local, cues.purpose)
            local = _join_where(ctx, local) + earlier
            if any(_loose(m) for m in local):
                broken = syntax.collapsed(sent) if broken is None else broken  # only where it may matter
                if broken:
                    _read_surface(ctx, local, (start, end))
            for m in local:
                # (a subject hung above its verb is the verb's first party, whatever else its clause names)
                if _hung_on_its_subject(m.predicate):
                    _subject_before(ctx, m, start)
                elif not m.participants and _lost_its_subject(m.predicate):
                    _subject_before(ctx, m, start, bare=True)
                if not m.participants and not m.anaphoric and m.timex is None:
                    _tell_fragment(ctx, m, para, [t for t in usable if t.start >= start])
                parties = [k for k in m.participants if table.party_kind(k) in ACTOR_KINDS]
                if len(parties) >= 2 and _names_the_parties(m, table):
                    ctx.tell_parties(parties, m.paragraph)
                visitors = [k for k in m.participants if table.party_kind(k) == "person"]
                if m.group == "visit" and visitors and m.status == "occurred":
                    ctx.last_visitor = visitors[0]
            mentions += local
    _signed_at_talks(mentions, table)
    _regions(mentions, table)
    # "The Anchorage summit of August 15 … ended without a deal. Three days later, …": a date that qualifies the
    # noun of an event told as done dates that event, and the story is at its day
    told_days = {m.timex.start for m in mentions if _dates_the_event_told(m, cues)}
    # (an entry's day, « 2/6 - Nice, dimanche 8 juin. », is the day its words are at: « dans la soirée » is its evening)
    told_days |= {t.start for t in entry_days.values()}
    sentence_starts = [sent.start_char for sent in doc.sents]
    clock = StoryClock(usable, published, language, cues, resolve_expression,
                       moves=lambda t: (_tells_when(doc, t) or t.start in told_days) and not _supposed(doc, t, cues),
                       spans=lambda t: _spans(doc, t, cues), steps_back=lambda t: _steps_back(doc, t),
                       sentence_of=lambda position: bisect.bisect_right(sentence_starts, position))
    clusters = [_dated(m, clock, published, lead, ctx) for m in mentions] + _met_on_record(ctx, turns, published)
    _count_from_event_told(clusters, clock, published, ctx)
    merged = merge(clusters, person=lambda key: table.party_kind(key) == "person", side=table.side,
                   published=published)
    _series(merged)
    events = [e for e in merged if not _is_generic(e, table)]
    told = {(m.paragraph, m.group) for m in mentions}
    for e in events:
        if e.date is None and e.status == "occurred":
            _story_day(e, clock, layout, published, lead, running_day(e.first, story, ctx, told))
    events += _transcript(ctx, published, events)
    # an event with no one and nowhere ("Neither government has published a readout of a call on Wednesday", « se
    # retrouveront devant l'entrée » with no party the parse can reach) tells the analyst nothing to check
    return [r for r in (_record(e, ctx, published) for e in events) if r.participants or r.location]


def _names_the_parties(m: Mention, table: ActorTable) -> bool:
    """Whether the parties of an event are those "the two leaders" next points back to: two sides at least (not
    "U.S. President Donald Trump … told reporters", one side), and not those of a meeting only hoped for ("he hoped
    to meet Kim again. … The two leaders then sat down"), nor of one a relative clause tells in passing ("Lee, who
    flew in after talks with Ishiba, …")."""
    return len({table.side(k) for k in m.participants if table.party_kind(k) in ACTOR_KINDS}) >= 2 and \
        not m.hedged and not any(a.dep_ in ("relcl", "acl:relcl") for a in itertools.islice(m.trigger.ancestors, 8))


def _regions(mentions: list[Mention], table: ActorTable) -> None:
    """The country each mention's place lies in, from the gazetteer, and whether the place is the country."""
    countries = {a.name for a in table.actors.values() if a.kind == "country"}
    region_at = {p.start: p.country for p in table.places + table.metonyms}
    for m in mentions:
        if m.location is not None and m.place_start is not None:
            m.region = region_at.get(m.place_start)
            m.whole_country = m.location in countries


# --- finding mentions -------------------------------------------------------------------------------------

# Whether a word (by its spaCy string id) may be a trigger, per language: worked out once per distinct
# word of the vocabulary rather than once per token.
_MAY_TRIGGER: dict[object, dict[int, bool]] = {}  # language (lemmas), (language, "form") (forms)


def _candidates(doc, lexicon: EventLexicon) -> list[int]:
    """Indices of the tokens whose lemma or form is in the lexicon, read from the doc's id arrays."""
    strings, seen = doc.vocab.strings, _MAY_TRIGGER.setdefault(lexicon.language, {})
    # (apart: a lemma and a form may be the same string, "Consultations", and read against different lists)
    forms = _MAY_TRIGGER.setdefault((lexicon.language, "form"), {})
    nouns, lemmas = lexicon.nouns, lexicon.lemmas
    out, dashes, dash = [], [], strings["-"] if "-" in strings else None
    for i, (orth, lem) in enumerate(doc.to_array([ORTH, LEMMA]).tolist()):
        if orth == dash and i > 0:
            dashes.append(i)
        ok = seen.get(lem)
        if ok is None:
            ok = seen[lem] = bool(lem) and folded(strings[lem]) in lemmas
        if not ok:
            form = forms.get(orth)
            if form is None:
                word = folded(strings[orth])
                # (a name's plural noun, read at its singular: "the Ministerial Consultations", mentions.entry_for)
                form = forms[orth] = word in nouns or word.endswith("s") and word[:-1] in nouns
            ok = form
        if ok:
            out.append(i)
    # "a sit-down": a word of hyphenated pieces the lexicon names, read at the piece that stands for it
    words = [w for i in dashes if (w := hyphenated(doc[i - 1])) and w[0] in nouns]
    if words:
        out = sorted(set(out) | {head.i for _, head in words})
    return out


def _segments(sent, layout: Layout):
    """A spaCy sentence cut at line breaks: a sentence never runs across paragraphs."""
    start = sent.start_char
    text = layout.text  # doc.text is rebuilt on every access
    while start < sent.end_char:
        nl = text.find("\n", start, sent.end_char)
        end = nl if nl != -1 else sent.end_char
        if text[start:end].strip():
            yield start, end
        start = end + 1


# (the layout's opening marks, and the straight ones that open and close alike)
_OPENING_MARKS = frozenset(OPENING + '"‘\'')


def _quoted_name_of_a_text(ctx: Context, token: Token) -> bool:
    """« ont signé les « accords de Washington pour la paix et la prospérité » », 'signed the "Washington Accords"':
    a quotation that opens with the noun of an agreement the sentence outside governs is the text's name, not
    words said; the noun names the event as it would unquoted."""
    if token.pos_ not in ("NOUN", "PROPN") or token.head.i == token.i or ctx.layout.in_quote[token.head.idx]:
        return False
    # (the name's first words before its noun: "the "Washington Accords"")
    i = token.i - 1
    while i > 0 and ctx.doc[i].pos_ in ("PROPN", "ADJ", "NUM") and ctx.doc[i].head.i == token.i:
        i -= 1
    if ctx.doc[i].text not in _OPENING_MARKS:
        return False
    return ctx.lexicon.names_agreement(folded(token.lemma_))


def _read_segment(ctx: Context, tokens, sentence: tuple[int, int]) -> list[Mention]:
    """The mentions of one sentence, each with its domain, status and hedging; denied ones left out."""
    layout, cues = ctx.layout, ctx.lexicon.cues
    local: list[Mention] = []
    for token in tokens:
        if layout.in_quote[token.idx] and not _quoted_name_of_a_text(ctx, token) or \
                layout.is_excluded(token.idx, token.idx + 1):
            continue
        m = read_mention(ctx, token, sentence) or press_mention(ctx, token, sentence)
        if m is None:
            continue
        m.dropped = dropped(m, cues, ctx.lexicon.light_verbs)
        m.absent = absent(m, cues)
        if denied(m, cues) and not m.dropped:
            continue
        local.append(m)
    local = _join_linked(local, cues.sequence, cues.purpose)
    _keep_apart(local, cues.sequence)
    for m in local:
        m.domain = domain(m, local, ctx.lexicon.light_verbs, cues.negation_prepositions, cues.reactions, cues.sequence)
        m.hedged = hedged(m, cues)
        m.wished = m.hedged and wished(m, cues)
        m.questioned = m.hedged and questioned(m, cues)
        m.status = status(m, cues, ctx.lexicon.light_verbs)
        m.rescheduled = rescheduled(m, cues, ctx.lexicon.light_verbs)
        m.was_planned = m.status == "cancelled" and set_for_later(m, cues)
    return _join_purpose(local)


def _keep_apart(local: list[Mention], sequence: frozenset[str]) -> None:
    """"Rubio met Fidan before the talks began", "after their meeting, they were joined by…": an event told as
    before or after another is not that one, whatever they share."""
    for a in local:
        for b in local:
            if a is b:
                continue
            clause = syntax.clause_head(b.trigger)
            noun_after = b.entry.pos == "noun" and folded(syntax.case_word(b.trigger)) in sequence and \
                governing_verb(b.trigger) is not None and governing_verb(b.trigger).i == a.predicate.i
            clause_after = clause.head.i == a.predicate.i and clause.i != a.predicate.i and any(
                c.dep_ == "mark" and folded(c.text) in sequence for c in clause.children)
            if noun_after or clause_after:
                a.apart.add(id(b))
                b.apart.add(id(a))


# Units of time too long for an event told "after" to be held on the verb's day ("after months of talks")
_LONG_UNITS = ("W", "M", "Y", "DE")


def _held_before(ctx: Context, local: list[Mention]) -> None:
    """"Trump and von der Leyen agreed on Sunday to a framework, after an hour-long meeting", « les deux camps se
    sont entendus mardi, après trois heures de discussions »: a meeting or a call told as first reported (no
    article that points back) after the verb's event, with no parties of its own, was held by those the verb
    names, on its day, and took place if the verb's event did. "After the summit" points back; "after months of
    talks" is no day's meeting. One with parties of its own ("suspended the tariffs on Monday, after a call with
    Sheinbaum") keeps them, and was held that day too."""
    after = ctx.lexicon.cues.after
    units = UNITS.get(ctx.language, {})
    for m in local:
        if m.entry.pos != "noun" or m.group not in ("meet", "call") or m.anaphoric or m.determiner or \
                m.participants and m.timex is not None or counted_from(m, ctx.language) is not None:
            continue  # ("two days after a meeting": another day, maybe other parties)
        # (« après un appel avec Sheinbaum [puis deux entretiens avec Trudeau] »: « après » said once for both)
        noun = measuring(introduced(m.trigger))
        if folded(syntax.case_word(noun)) not in after:
            continue
        if any(units.get(folded(t.text)) in _LONG_UNITS for t in noun.subtree):
            continue  # "after months of talks", « après des semaines de négociations »
        verb = governing_verb(noun)
        if verb is not None and folded(verb.text) in after and verb.head.i != verb.i:
            verb = governing_verb(verb)  # "following a two-hour meeting": the participle is the preposition
        told = _told_by(local, m, verb)
        while told is None and verb is not None and verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i and \
                "Fin" not in morph(verb, "VerbForm") and verb.head.pos_ in ("VERB", "AUX"):
            # "agreed on Tuesday to start work … and to restore staffing, after four hours of talks": the parser may
            # hang the phrase on the infinitive; it tells when the verb that governs the infinitive was done
            verb = verb.head
            told = _told_by(local, m, verb)
        if told is None:
            continue
        if m.participants:
            m.timex, m.status = told.timex, "occurred"
            continue
        parties = {k: "participant" for k, role in told.participants.items() if role != "target"}
        if len(parties) < 2:
            continue  # one party alone does not meet
        m.participants.update(parties)
        m.timex = m.timex or told.timex
        m.status = "occurred"


def _told_by(local: list[Mention], m: Mention, verb: Token | None) -> Mention | None:
    """The event told as done whose verb is `verb`, other than `m`."""
    return next((v for v in local if v is not m and verb is not None and v.predicate.i == verb.i
                 and v.status == "occurred" and not v.hedged), None)


def _in_sequence(m: Mention, sequence: frozenset[str]) -> bool:
    """"after the summit of the coalition", « à la suite du sommet de la coalition »: an event another is
    placed after is one already told."""
    trig = m.trigger
    return folded(syntax.case_word(trig)) in sequence or trig.head.i != trig.i and lemma(trig.head) in sequence


def _own_parties(ctx: Context, m: Mention) -> bool:
    """Whether an event noun names parties in its own phrase (« la visite de Witkoff »)."""
    return any(ctx.actor_at(t) and not metonym_names_the_event(ctx, t, m)
               for t in syntax.phrase(m.trigger) if t.i != m.trigger.i)  # "the Budapest meeting" names a place


def _share_purpose(local: list[Mention], purpose: frozenset[str]) -> None:
    """"will travel to London on Friday for a meeting", « s'est rendu à Berlin pour des pourparlers »: the event a
    visit is for happens where and when the visit does (one structure, not two events that share a sentence)."""
    for m in local:
        if m.entry.pos != "noun" or folded(syntax.case_word(m.trigger)) not in purpose:
            continue
        above = governing_verb(m.trigger)
        # ("is due in Washington on Friday [for talks]": the adjective's copula is the verb the noun hangs on)
        visit = next((v for v in local if v.kind == "visit" and above is not None and (
            v.predicate.i == above.i or v.trigger.pos_ == "ADJ" and v.trigger.head.i == above.i)), None)
        if visit is None:
            continue
        if visit.timex is None and m.timex is not None and not _timex_in_domain(m):
            visit.timex = m.timex  # the day the parse hung on the noun after it is the trip's too
        # (a date it only took as the nearest, outside its phrase, yields to the visit's: « arrivé mardi à
        # Kananaskis pour une rencontre qui n'aura pas lieu : Trump est parti lundi soir »)
        if m.timex is None or visit.timex is not None and not _timex_in_domain(m):
            m.timex = visit.timex
        if m.location is None:
            m.location, m.place_start = visit.location, visit.place_start
        for key in visit.participants:  # who travels for a meeting takes part in it
            m.participants.setdefault(key, "participant")


# The relative adverb of place, in each language's parse: structure, not vocabulary.
_WHERE = ("ou", "where")


def _join_where(ctx: Context, local: list[Mention]) -> list[Mention]:
    """« Witkoff est attendu mardi à Moscou, où il doit rencontrer Poutine », "is expected in The Hague, where the
    NATO summit is held": the trip is made for the event told at its destination, one event there, on the
    trip's day, with the traveller among its parties."""
    out = list(local)
    for visit in local:
        if visit.kind != "visit" or visit.entry.pos != "verb" or visit.location is None or visit not in out:
            continue
        for m in local:
            if m is visit or m not in out or m.group in ("visit", "say"):
                # (« Arrivé à Saint-Pétersbourg, où son ministre a promis devant la presse… »: words said there by
                # another are no event the trip was made for)
                continue
            clause = syntax.clause_head(m.predicate)
            while clause.dep_ == "xcomp" and clause.head.i != clause.i:
                clause = syntax.clause_head(clause.head)  # « où il [doit] rencontrer Poutine »
            # (the parser may hang « où » on the clause's subject: « où Jens-Frederik Nielsen l'accueillera »)
            where = next((c for c in clause.children if folded(c.text) in _WHERE and c.i < clause.i), None) or (
                clause.left_edge if folded(clause.left_edge.text) in _WHERE and clause.left_edge.i < clause.i else None)
            if where is None or clause.head.i not in visit.domain | {visit.trigger.i}:
                continue
            before = where.i - 1
            while before > 0 and ctx.doc[before].is_punct:
                before -= 1
            if place_in(ctx, [ctx.doc[before]], metonyms=True) is None:
                continue  # « où » stands for the place the trip goes to
            if m.entry.subject == "host":
                # « est attendu dimanche à Nuuk, où Jens-Frederik Nielsen l'accueillera »: being welcomed there is how
                # the visit is told, one visit with its host
                for key in m.participants:
                    visit.participants.setdefault(key, "host" if m.participants[key] == "host" else "participant")
                visit.triggers += m.triggers
                out.remove(m)
                break
            for key in visit.participants:
                m.participants.setdefault(key, "participant")
            m.timex = m.timex or visit.timex
            if m.location is None:
                m.location, m.place_start = visit.location, visit.place_start
            if visit.status == "planned" and m.status == "occurred":
                m.status = "planned"
            m.triggers += visit.triggers
            out.remove(visit)
            break
    return out


def _scene(ctx: Context, m: Mention, para) -> Token | None:
    """« Huit heures de discussions, un communiqué commun. Mardi, à Djeddah, la délégation a accepté… », « Plusieurs
    heures d'entretien, une poignée de main : l'émissaire a quitté jeudi le palais… »: an event noun in a
    verbless fragment (nouns up to the root) opening a paragraph is told by the clause after its colon, or by
    the next sentence of the paragraph: the verb that heads it."""
    if m.entry.pos != "noun":
        return None
    root = measuring(m.trigger)
    while root.head.i != root.i:
        if root.head.pos_ in ("VERB", "AUX"):
            # the parser may hang the fragment on the verb after the colon, as its modifier
            after = root.head
            colon = any(t.text == ":" for t in ctx.doc[m.trigger.i:after.i])
            return after if colon and root.dep_ not in ("obj", "dobj") and syntax.subjects(after) and \
                _opens(ctx, m, para) else None
        root = root.head
    if root.pos_ not in ("NOUN", "PROPN") or not _opens(ctx, m, para):
        return None
    verb = next((c for c in root.children if c.dep_ == "parataxis" and c.pos_ in ("VERB", "AUX")
                 and c.i > m.trigger.i and syntax.subjects(c)), None)
    if verb is None and root.sent.end < len(ctx.doc) and ctx.doc[root.sent.end - 1].text == ".":
        after = ctx.doc[root.sent.end].sent.root
        if ctx.layout.paragraph_at(after.idx) is para and after.pos_ in ("VERB", "AUX"):
            verb = after
    return verb


def _opens(ctx: Context, m: Mention, para) -> bool:
    """Whether a mention's sentence opens its paragraph (after the dateline, « KIEV, 21 février (AFP) - »)."""
    opening = ctx.text[para.start:m.sentence[0]]
    return not opening.strip() or any(s <= para.start and m.sentence[0] <= e + 3 for s, e in ctx.layout.excluded)


def _tell_fragment(ctx: Context, m: Mention, para, timexes: list) -> None:
    """The parties, place and day of an event noun in a paragraph's verbless opening, from the clause that tells
    the scene (`_scene`): its subject (with what describes it), its objects and its places and date."""
    verb = _scene(ctx, m, para)
    if verb is None:
        return
    # the whole clause, with the participles that describe its nouns (« sans la conférence [prévue avec
    # Zelensky] »), without the clauses that have a subject of their own
    told = {t.i for t in verb.subtree} - {t.i for c in verb.subtree if c.i != verb.i and c.dep_ in syntax.CLAUSE_DEPS
                                          and syntax.subjects(c) for t in c.subtree}
    scene = {i for i in told if i > m.trigger.right_edge.i}  # not the fragment's own words
    when = None
    for t in timexes:
        span = ctx.doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is not None and span.root.i in scene and not spans_time(span, ctx.lexicon.cues):
            when = t
            break
    if when is None and place_in(ctx, [ctx.doc[i] for i in scene]) is None:
        return  # a clause that neither dates nor places a scene ("a video call: the Europeans got a hearing")
    m.domain, m.party_domain, m.timex = told, None, when
    gather(ctx, m)


def _timex_in_domain(m: Mention) -> bool:
    span = m.trigger.doc.char_span(m.timex.start, m.timex.end, alignment_mode="expand")
    return span is not None and span.root.i in m.domain


def _join_purpose(local: list[Mention]) -> list[Mention]:
    """'will travel to Washington next Monday to meet Trump': the meeting is the purpose of the visit, one
    event whose parties are both verbs'."""
    out = list(local)
    for visit in local:
        if visit.kind != "visit" or visit.entry.pos != "verb":
            continue
        for meet in local:
            if meet in out and meet.group == "meet" and meet.entry.pos == "verb" and meet.trigger.head.i == \
                    visit.trigger.i and "Inf" in morph(meet.trigger, "VerbForm"):
                visit.domain |= meet.domain
                visit.triggers += meet.triggers
                out.remove(meet)
    return out


def _join_linked(local: list[Mention], sequence: frozenset[str], purpose: frozenset[str]) -> list[Mention]:
    """'hosted the video call' is the call; 'met for talks' is one meeting: a verb and the event noun it
    governs are one mention when its entry yields to the noun's kind or both name the same kind of event."""
    out = list(local)
    for verb in local:
        if verb.entry.pos == "noun":
            continue
        for noun in local:
            if noun is verb or noun.entry.pos != "noun" or noun not in out or verb not in out:
                continue
            governed = verb.trigger.i in [g.i for g in _verbs_above(noun.trigger)]
            if not governed:
                continue
            if is_light(noun.trigger) and ("*" in verb.entry.yields_to or noun.kind in verb.entry.yields_to):
                noun.predicate, noun.basis = verb.trigger, "light-verb"
                noun.triggers.append(verb.trigger)
                out.remove(verb)
                break
            if counted_from(noun, noun.trigger.lang_) is not None:
                # « ont entamé lundi des discussions, au lendemain d'une séance… », "met on Monday, two days after
                # the talks in Riyadh": an event counted from is another, on another day
                noun.apart.add(id(verb))
                verb.apart.add(id(noun))
                continue
            if verb.kind == "visit" and noun.kind == "other" and folded(syntax.case_word(noun.trigger)) in purpose:
                # "expected in Rome for Pope Francis's funeral", « attendus à Nairobi pour les obsèques »: the trip
                # made for an occasion is how its guests are at it, one event
                verb.triggers.append(noun.trigger)
                out.remove(noun)
                continue
            if verb.entry.subject == "host" and noun.kind == "visit" and \
                    folded(syntax.case_word(noun.trigger)) in purpose:
                # « Macron accueille Lula aux Invalides, pour la première visite d'Etat… », "welcomed Lula for a
                # state visit": the welcome is how the guest's visit is told, one event, a visit
                verb.kind = "visit"
                verb.triggers.append(noun.trigger)
                out.remove(noun)
                continue
            if GROUP[noun.kind] == GROUP[verb.kind] and folded(syntax.case_word(noun.trigger)) not in sequence:
                # "met for talks", "was to join Merz for a videoconference": one event named twice
                verb.triggers.append(noun.trigger)
                out.remove(noun)
    for verb in local:
        # « un échange de prisonniers [négocié grâce aux Émirats] », "a swap [brokered by the UAE]": a participle
        # that describes an event noun tells how that event came about, not another event
        head = verb.trigger.head
        # (« négocié » tagged an infinitive: its ending says past participle)
        if verb in out and verb.entry.pos == "verb" and verb.trigger.dep_ in ("acl", "amod") and (
                "Part" in morph(verb.trigger, "VerbForm") or verb.trigger.lower_.endswith(("é", "ée", "és", "ées"))):
            noun = next((n for n in out if n is not verb and n.entry.pos == "noun" and n.trigger.i == head.i), None)
            if noun is None:
                # « à la faveur d'un échange de prisonniers [négocié grâce aux Émirats] » hung on « faveur »: the
                # nearest event noun before it in the phrase the parser hung it on
                inside = {t.i for t in head.subtree}
                noun = max((n for n in out if n is not verb and n.entry.pos == "noun" and n.trigger.i in inside
                            and n.trigger.i < verb.trigger.i), key=lambda n: n.trigger.i, default=None)
            if noun is not None:
                noun.triggers.append(verb.trigger)
                out.remove(verb)
    for outer in local:
        # « cette réunion, qui se tient en visioconférence à Paris »,
        if outer.entry.pos != "noun" or outer not in out:
            continue
        # « une réunion par visioconférence », "a summit meeting": one event named twice in one phrase
        described = {t.i for c in outer.trigger.children for t in c.subtree}
        for inner in local:
            if inner is outer or inner not in out or inner.trigger.i not in described or inner.group != outer.group \
                    or counted_from(inner, inner.trigger.lang_) is not None:
                continue
            if _own_subject(inner):
                inner.held_at = outer  # held there and then, by parties of its own
            else:
                outer.triggers.append(inner.trigger)
                out.remove(inner)
    return out


def _when_of_the_day(local: list[Mention], here: list, doc, cues) -> None:
    """"Ties have soured since February, when Rubio called off his trip", « depuis février, quand Rubio a annulé sa
    visite »: a when-clause right after a date tells what happened then (the parser hangs it on the date or on the
    main verb), though the date is no part of its clause."""
    ends = {t.end: t for t in here}
    for m in local:
        if m.timex is not None:
            continue
        verb = m.predicate if m.entry.pos == "verb" else governing_verb(m.trigger)
        while verb is not None and verb.dep_ == "conj" and verb.head.i != verb.i:
            verb = verb.head  # ("when Trump froze the aid and Rubio called off his trip": both clauses)
        if verb is None:
            continue
        when = next((c for c in verb.children if c.dep_ in ("advmod", "mark") and c.i < verb.i
                     and folded(c.text) in cues.simultaneous), None)
        if when is not None and when.i >= 2 and doc[when.i - 1].text == ",":
            before = doc[when.i - 2]
            m.timex = ends.get(before.idx + len(before.text))


def _dated_with_first_conjunct(local: list[Mention]) -> None:
    """« Lundi, Trump a suspendu les droits de douane après un appel avec Sheinbaum [puis deux entretiens avec
    Trudeau] »: an event noun joined to another with no date of its own is of that one's day."""
    by_trigger = {m.trigger.i: m for m in local}
    for m in local:
        if m.timex is None and m.entry.pos == "noun" and m.trigger.dep_ == "conj":
            first = by_trigger.get(m.trigger.head.i)
            if first is not None and first.timex is not None:
                m.timex = first.timex


def _trips_to_gatherings(local: list[Mention]) -> None:
    """"Rubio called off his trip to a G20 meeting in Johannesburg", « son déplacement au sommet de Doha »: a trip
    to a gathering goes where the gathering is held, and the two are at one time, when the text says it of one only."""
    for trip in local:
        if trip.group != "visit":
            continue
        for gathering in local:
            if gathering.group != "meet":
                continue
            chain = syntax.governors(gathering.trigger, 5)
            at = next((k for k, g in enumerate(chain) if g.i == trip.trigger.i), None)
            # (the parser may hang the gathering on a name before it: "to a [Group] of 20 foreign ministers' meeting")
            if at is None or not (folded(syntax.case_word(gathering.trigger)) in TO_EVENT
                                  or any(g.pos_ == "ADP" and g.lower_ in TO_EVENT for g in chain[:at])):
                continue
            if trip.location is None and gathering.location is not None:
                trip.location, trip.place_start = gathering.location, gathering.place_start
            trip.timex = trip.timex or gathering.timex
            gathering.timex = gathering.timex or trip.timex
            break


def _acts_at_gatherings(local: list[Mention], cues) -> None:
    """"Trump met Zelenskiy on the sidelines of a NATO summit in The Hague on Wednesday", « se sont entretenus lors du
    sommet »: what a verb tells as done at a gathering is held there, on its day, unless told otherwise (the parser
    hangs the day and the place on the gathering's noun)."""
    for gathering in local:
        stand = measuring(gathering.trigger)
        if gathering.group != "meet" or gathering.entry.pos != "noun" or not told_as_setting(stand, cues):
            continue
        verb = setting_verb(stand)
        if verb is None:
            continue
        for m in local:
            if m is not gathering and m.held_at is None and m.entry.pos == "verb" and m.predicate.i == verb.i:
                m.held_at = gathering
                # (who met on its sidelines attends the summit too: sharing a party and a day, they stay two events)
                m.apart.add(id(gathering))
                gathering.apart.add(id(m))


def _signed_at_talks(mentions: list[Mention], table: ActorTable) -> None:
    """« A Hanoï, Xi Jinping s'entretient avec To Lam ; quarante-cinq accords sont signés »: texts signed with no
    one named, told right after talks of two sides or more in the same paragraph and on the same day, were signed by
    those sides, where they met."""
    last: Mention | None = None
    for m in mentions:
        if m.group == "meet":
            last = m
            continue
        if m.group != "agree" or m.participants or m.hedged or m.status != "occurred" or last is None or \
                m.entry.pos != "noun" or _told_by_whom(m):
            continue  # ("les deux chefs de gouvernement ont convenu de…": whoever the subject names, not the talks')
        parties = {k: "participant" for k in last.participants if table.party_kind(k) in ACTOR_KINDS}
        if last.paragraph != m.paragraph or last.status != "occurred" or last.hedged or len(parties) < 2 or \
                m.timex is not last.timex:
            continue
        m.participants = parties
        if m.location is None:
            m.location, m.place_start = last.location, last.place_start


def _told_by_whom(m: Mention) -> bool:
    """Whether the verb that tells a noun's event names who did it: a subject other than the noun, or an agent
    (« accords signés par les ministres »)."""
    verb = m.predicate
    return verb.i != m.trigger.i and any(
        c.i != m.trigger.i and (c.dep_ in syntax.SUBJECT_DEPS and not c.dep_.endswith("pass") or c.dep_ in (
            "agent", "obl:agent")) for c in verb.children)


def _where_clauses(local: list[Mention]) -> None:
    """"Starmer hosted Modi at Chequers on Thursday, [where ministers signed the trade agreement]", « …, où les
    ministres ont signé l'accord »: an event told in a where-clause of another event's sentence was done at that
    event (the parser hangs the clause on the place or the day)."""
    for m in local:
        verb = m.predicate if m.entry.pos == "verb" else governing_verb(m.trigger)
        clause = _above_infinitives(verb) if verb is not None else None
        if m.held_at is not None or clause is None or clause.dep_ not in syntax.RELATIVE_DEPS or \
                not any(folded(c.text) in ("where", "ou") and c.i < clause.i for c in clause.children):
            continue
        verb = next((g for g in itertools.islice(clause.ancestors, 4) if g.pos_ in ("VERB", "AUX")), None)
        m.held_at = next((o for o in local if o is not m and verb is not None and o.predicate.i == verb.i
                          and o.status == m.status), None)


def _above_infinitives(verb: Token) -> Token:
    """The verb whose clause an infinitive completes ("is due [to meet]", « doit [rencontrer] »), or the verb itself."""
    while verb.dep_ == "xcomp" and verb.head.i != verb.i:
        verb = verb.head
    return verb


def _own_subject(m: Mention) -> bool:
    """"the Munich conference, [where Vance is to meet Zelensky]": a verb whose clause names a subject of its own (not
    the relative pronoun that stands for the noun, as in « cette réunion, qui se tient à Paris ») and someone it
    meets tells of another event, held at the one the noun names ("the summit, where leaders will gather" is the
    summit)."""
    if m.entry.pos != "verb":
        return False
    clause = _above_infinitives(m.trigger)
    # (one person meeting someone there: « un sommet où les dirigeants rencontreront Zelensky » is the summit)
    return any(c.dep_ in syntax.SUBJECT_DEPS and c.pos_ in ("NOUN", "PROPN") and "Plur" not in morph(c, "Number")
               and not any(g.dep_ == "conj" for g in c.children) for c in clause.children) and \
        any(o.pos_ in ("NOUN", "PROPN") for o in syntax.objects(m.trigger) + syntax.prepositional(m.trigger, WITH))


def _verbs_above(token) -> list:
    return [g for g in syntax.governors(token, 3) if g.pos_ in ("VERB", "AUX", "ADJ")][:1]


# French future endings: « coprésideront », « se rendra », read from the form when the tagger missed it.
_FR_FUTURE_FORM = re.compile(r"(?:e|i|d|v|r|u|t)r(?:a|as|ai|ont|ons|ez)$")


def _surface_tense(words) -> str | None:
    """The tense of the nearest verb before an event word, by its form where the tags cannot be trusted: a
    participle with its auxiliary is past (« il aura fallu trois heures »), « coprésideront » is future."""
    for t in reversed(list(words)):
        if t.pos_ not in ("VERB", "AUX", "X"):
            continue
        if any(c.dep_ in ("aux", "aux:tense", "aux:pass", "auxpass") for c in t.children):
            return syntax.tense(t)
        if t.lang_ == "fr" and _FR_FUTURE_FORM.search(t.lower_):
            return "future"
        return syntax.tense(t)
    return None


def _loose(m: Mention) -> bool:
    """An event noun that found no verb of its own in the parse, nor points back to an event told."""
    if m.predicate.pos_ in ("VERB", "AUX") or m.anaphoric:
        return False
    verb = governing_verb(m.trigger)
    return verb is None or verb.dep_ in syntax.NOUN_RELATIONS  # no verb, or one hung as a noun


def _hung_on_its_subject(verb: Token) -> bool:
    """« Les délégations russe et ukrainienne se sont retrouvées lundi »: the parser made the subject the root of
    the sentence and hung the verb on it as a conjunct, so the verb has no subject of its own."""
    head = verb.head
    return verb.pos_ in ("VERB", "AUX") and verb.dep_ == "conj" and head.dep_ == "ROOT" and \
        head.pos_ in ("NOUN", "PROPN") and head.i < verb.i and not syntax.subjects(verb)


def _in_prepositional(token: Token, top: Token) -> bool:
    """Whether a word stands in a prepositional phrase (or under one) below `top`."""
    current = token
    while current.i != top.i and current.head.i != current.i:
        if current.dep_ == "pobj" or any(c.dep_ == "case" for c in current.children):
            return True
        current = current.head
    return False


def _lost_its_subject(verb: Token) -> bool:
    """« Pour la première fois depuis 2022, des délégations russe et ukrainienne se sont assises vendredi à la même
    table »: the parser hung the subject on the comma before it, and the finite verb heads a sentence with no
    subject (an imperative or an infinitive has none to lose)."""
    if verb.pos_ not in ("VERB", "AUX") or verb.dep_ != "ROOT" or syntax.subjects(verb):
        return False
    if "Imp" in morph(verb, "Mood") or "Inf" in morph(verb, "VerbForm"):
        return False
    return "Fin" in morph(verb, "VerbForm") or any(c.dep_ in ("aux", "aux:tense", "aux:pass", "auxpass")
                                                       and "Fin" in morph(c, "VerbForm") for c in verb.children)


def _subject_before(ctx: Context, m: Mention, start: int, *, bare: bool = False) -> None:
    """The parties named between the sentence's start and such a verb are its subject; `bare`: only those outside
    a prepositional phrase ("meeting in Brussels [with Zelensky], endorsed the plan": Zelensky did not endorse)."""
    for t in ctx.doc[max(m.predicate.sent.start, token_at(ctx.doc, start)):m.predicate.i]:
        if bare and _in_prepositional(t, m.predicate):
            continue
        key = ctx.actor_at(t)
        if key and not ctx.is_media(key) and not ctx.layout.in_quote[t.idx]:
            m.participants.setdefault(key, m.entry.subject)


def _item_place(ctx: Context, start: int):
    """The place a list item opens with, as its own dateline: where what the item tells happens when its sentence
    names no place. An agenda's or a digest's item ("- Bruxelles. Les Etats membres votent…", "• Kyiv: the Rada
    approved…"): the place before a stop, a colon or a dash; a gallery's caption (« 1/6 - Paris, jeudi 5 juin.
    Emmanuel Macron accueille… »): the place before the day the caption opens with."""
    para = ctx.layout.paragraph_at(start)
    if para is None:
        return None
    opening = LIST_MARK.match(ctx.text, para.start, para.end)
    if not opening.group().strip():
        return None  # no mark: a paragraph, not an item
    place = next((p for p in ctx.table.places + ctx.table.metonyms if p.start == opening.end()), None)
    if place is None:
        # a town the gazetteer does not know, written as a dateline before the caption's day (« 2/6 - Nice, dimanche
        # 8 juin. »): a capitalized name, a comma, the day
        named = PLACE_BEFORE_DAY.match(ctx.text, opening.end(), para.end)
        if named is None or named.end() not in ctx.timex_starts:
            return None
        written = named.group().rstrip().rstrip(",")
        place = PlaceRef(named.start(), named.start() + len(written), written)
    after = ctx.text[place.end:place.end + 3]
    if after[:1] == ",":
        # (the caption's day, after the comma and its spaces)
        rest = ctx.text[place.end + 1:para.end]
        return place if place.end + 1 + len(rest) - len(rest.lstrip()) in ctx.timex_starts else None
    return place if after[:1] in (".", ":") or after.lstrip()[:1] in ("—", "–") else None


def _read_surface(ctx: Context, local: list[Mention], sentence: tuple[int, int]) -> None:
    """A sentence the parser broke (« co-organisera » read as an unknown word, a verb hung as a noun): an
    event noun that found no verb of its own takes the parties, place and tense of the words around it,
    from the previous event word (or the sentence's start) to a comma before a reporting verb (", a
    annoncé mardi l'Élysée") or the sentence's end."""
    doc, cues = ctx.doc, ctx.lexicon.cues
    span = doc.char_span(sentence[0], sentence[1], alignment_mode="expand")
    if span is None:
        return
    triggers = sorted(t.i for m in local for t in m.triggers)
    for m in local:
        if not _loose(m):
            continue
        left = max([i + 1 for i in triggers if i < m.trigger.i] + [span.start])
        right = span.end
        for t in doc[m.trigger.i:span.end]:
            if t.text == "," and any(lemma(v) in cues.reporting for v in doc[t.i + 1:min(t.i + 4, span.end)]):
                right = t.i
                break
        words = [t for t in doc[left:right] if not ctx.layout.in_quote[t.idx]]
        for t in words:
            key = ctx.actor_at(t)
            if key and not ctx.is_media(key):
                m.participants.setdefault(key, "participant")
        places = {ctx.place_by_char[t.idx] for t in words if t.idx in ctx.place_by_char}
        if m.location is None and len({name for _, name in places}) == 1:
            m.place_start, m.location = next(iter(places))
        if m.status == "occurred" and _surface_tense(doc[left:m.trigger.i]) == "future":
            m.status = "planned"  # the verb before it, whatever the parser made of it, is a future
        m.basis = "surface"


# --- dates --------------------------------------------------------------------------------------------------

def _spans(doc, timex, cues) -> bool:
    """Whether a date is where a span of time starts or ends ("his first visit since becoming chancellor on
    Tuesday"): the story is not at that day."""
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    return span is not None and spans_time(span, cues)


def _tells_when(doc, timex) -> bool:
    """Whether a date says when something in the story happened (it hangs on a verb: "On Feb. 12, Trump
    spoke…"), not only which of several things a noun is (« l'appel du 12 février »)."""
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is None:
        return True
    # ("Early on Saturday the two sides traded…": the adverb the parser hangs the day on is no noun's)
    up = [g for g in syntax.governors(span.root, 3) if g.pos_ not in ("ADP", "ADV")]
    return not up or up[0].pos_ in ("VERB", "AUX", "ADJ")


def _supposed(doc, timex, cues) -> bool:
    """Whether a date is in a clause that supposes ("if Putin does not agree after their meeting on Friday",
    « si la réunion de mardi échoue »): a hypothesis does not take the story to its day."""
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    token = span.root if span is not None else None
    while token is not None:
        if any(c.dep_ == "mark" and folded(c.text) in cues.hedge_conjunctions for c in token.children):
            return True
        token = token.head if token.head.i != token.i else None
    return False


def _steps_back(doc, timex) -> bool:
    """Whether a date hangs on a pluperfect ("who had met him on Thursday", « où il avait participé jeudi au
    sommet »): the story steps back behind its day to tell what came before it, and stays at its day."""
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    verb = next((g for g in syntax.governors(span.root, 3) if g.pos_ in ("VERB", "AUX")), None) if span else None
    return verb is not None and syntax.pluperfect(verb)


def _lead(layout: Layout, doc) -> tuple[int, int] | None:
    """The story's first sentence: the first one of the first paragraph that is not a heading or a byline."""
    for p in layout.paragraphs:
        if p.heading or p.byline or p.credit or not layout.text[p.start:p.end].strip():
            continue
        span = doc.char_span(p.start, p.end, alignment_mode="expand")
        first = next(iter(span.sents), None) if span is not None else None
        return (p.start, min(p.end, first.end_char)) if first is not None else (p.start, p.end)
    return None


def _speaks_of_today(m: Mention) -> bool:
    """A lead in the present perfect or the present ("has met", « a rencontré », "meets") tells of the day the
    story went out; a lead in the simple past may tell of any day before it."""
    verb = m.predicate if m.predicate.pos_ in ("VERB", "AUX") else next(
        (g for g in syntax.governors(m.predicate) if g.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "aux:tense")]
    if any(lemma(a) in ("have", "avoir", "etre") and "Pres" in morph(a, "Tense") for a in auxes):
        return True
    return syntax.tense(verb) == "present"


def _simple_present(verb: Token) -> bool:
    """A finite verb in the present, with no auxiliary (« se retrouvent », not « se sont retrouvés »)."""
    return verb.pos_ in ("VERB", "AUX") and "Fin" in morph(verb, "VerbForm") and \
        "Pres" in morph(verb, "Tense") and syntax.tense(verb) == "present"


def _told_as_done(verb: Token) -> bool:
    """A verb in a past tense of its own: "announced", « a annoncé », "has announced" (not a passive, « le roi est
    reçu », whose auxiliary may be a present, nor « se réunit », a present as much as a simple past)."""
    return verb.tag_ == "VBD" or any(a.dep_ in ("aux", "aux:tense") and a.lemma_ in ("avoir", "être", "have")
                                     for a in verb.children)


def _dated(m: Mention, clock: StoryClock, published: datetime.date, lead, ctx: Context) -> Cluster:
    """A mention as an event of its own, dated by its date expression, by the lead, or not at all."""
    c = Cluster([m], status=m.status, people=frozenset(
        k for k in m.participants if ctx.table.party_kind(k) in ("person", "group")))
    if m.timex is not None and not _schedule_stamp(ctx, m.timex):
        # « a quitté jeudi Kiev sans la conférence de presse prévue »: a day the clause above a called-off noun
        # gives is when it did not happen, not the day it was set for
        was_planned = m.was_planned and not (m.dropped and not _own_timex(m))
        tense = "future" if m.status == "planned" or was_planned else None if m.status == "cancelled" else "past"
        if m.status == "cancelled" and _called_off_before(m):
            # "in the spring he had called off a trip to Moscow for the parade on May 9", « Bakou avait annulé les
            # manifestations prévues »: called off in the story's past, and so was what it was set for
            tense = "past"
        if tense == "future" and m.entry.pos == "noun" and \
                folded(syntax.case_word(measuring(m.trigger))) in ctx.lexicon.cues.after:
            # "are due back next week…, [after a first session there on February 27]": what came before a planned
            # event may be past; its own date says which (the nearest February 27), and the status follows it
            tense = None
        if tense == "past" and _simple_present(m.predicate):
            # « Et jeudi, les Vingt-Sept se retrouvent à Bruxelles », "Trump flies to Riyadh on Tuesday": the present
            # tells of the coming days as well as of the past ones; the weekday nearest the story's day
            tense = None
        date, precision = clock.resolve(m.timex, tense=tense)
        if date is not None and tense == "past" and precision in ("month", "year") and date > published and \
                not _own_timex(m):
            # "signed an economic programme running to 2030 before Murmu hosted a banquet": a year or a month to come,
            # said outside the event's own words, is not when a thing told as done happened, but another phrase's
            date = None
        if date is not None and tense == "past" and precision == "day" and date > published and \
                m.entry.pos == "verb" and _told_as_done(m.predicate):
            # « Pékin a aussitôt annoncé … 10 % sur le pétrole brut dès le 10 février »: what a verb in the past tells
            # as done was done before the story went out; a day after it dates what was announced, not the announcing
            date = None
        if date is not None:
            c.date, c.precision, c.dated_by = date, precision, "text"
            parts = ctx.lexicon.cues.day_parts
            c.day_parts = frozenset(parts[w] for w in re.findall(r"[\w-]+", folded(m.timex.text)) if w in parts)
    counted = counted_from(m, ctx.language)
    # a count of days is exact and said of this noun, so it beats a date the sentence hangs elsewhere ("a week
    # after the summit, on 18 August, and nine days after the meeting"); "a week after" is only roughly seven
    # days, and yields to a date the text gives
    if counted is not None and (c.date is None or counted[1] == "D" and not _own_timex(m)):
        # counted from the day the story is at as the sentence opens, not from the dates the sentence gives;
        # "on 16 October, the eve of the visit" from the day it stands beside
        count, unit, apposed = counted
        anchor = clock.day_at(m.sentence[0])
        if apposed:
            anchor = next((r.date for start, r in sorted(clock.readings.items(), reverse=True)
                           if m.sentence[0] <= start < m.trigger.idx and r.date and r.precision == "day"), anchor)
        else:
            anchor = _day_of_counting_verb(ctx, m, clock) or anchor
        c.date, c.precision = _counted_day(anchor, count, unit), "month" if unit == "M" else "day"
        c.dated_by = "text"
    if c.date is None and lead and lead[0] <= m.trigger.idx < lead[1] and m.status == "occurred" \
            and not m.hedged and not m.anaphoric and _speaks_of_today(m) and not _on_dated_page(ctx, m):
        c.date, c.precision, c.dated_by = published, "day", "lead"
    if c.date is None and m.status == "occurred" and not m.hedged and not m.anaphoric and \
            _in_stamped_entry(ctx, m, clock) and not syntax.pluperfect(tense_verb(m.predicate) or m.predicate):
        # "11h20 Trois heures d'entretien / Les deux présidents se sont entretenus…": what an entry of a live page
        # tells as done, with no day of its own, was done on the page's day, whatever day the entry before it was at;
        # a schedule's entries ("9:00 a.m. Secretary Rubio meets with…") fall on the day its title names, to come
        # when that is after the page went out
        c.date, c.precision, c.dated_by = ctx.page_day or published, "day", "entry"
        if c.date > published:
            c.status = "planned"
    if c.date is None and m.group == "say":
        # a date the statement reader carried from the speaker's earlier words counts; its default, the
        # publication date, does not
        said = [st for st in ctx.statements if st.date and (not st.date_inferred or st.date != published)
                and st.speaker and st.sentence_start <= m.sentence[0] < st.sentence_end + 1]
        if said:  # a news conference is dated by what was said there
            c.date, c.precision, c.dated_by = said[0].date, said[0].date_precision, "statement"
    if c.dated_by == "text" and c.precision == "day" and c.status != "cancelled":
        if c.date > published:
            c.status = "planned"
        elif c.date < published and not m.hedged:
            c.status = "occurred"
    if m.group == "say" and not m.participants:
        # "a-t-il dit lors d'une conférence de presse": the speaker of the sentence holds it
        for st in ctx.statements:
            if st.speaker and (m.sentence[0] <= st.sentence_start < m.sentence[1] + 1
                               or st.sentence_start <= m.sentence[0] < st.sentence_end):
                m.participants.setdefault(st.speaker, "agent")
                break
    return c


def _dated_entry(ctx: Context, pos: int):
    """The timed entry at pos of a page whose title names its day (a schedule's "9:00 a.m. Secretary Rubio meets…"
    under "Public Schedule – December 8"), or None."""
    para = ctx.layout.paragraph_at(pos) if ctx.page_day is not None else None
    return para if para is not None and para.stamped else None


def _schedule_stamp(ctx: Context, timex) -> bool:
    """Whether a time expression is the time of day a dated page's entry opens with: an hour of the title's day,
    not of the day the page went out."""
    para = _dated_entry(ctx, timex.start)
    return para is not None and not ctx.text[para.start:timex.start].strip()


def _on_dated_page(ctx: Context, m: Mention) -> bool:
    """Whether a mention is in a timed entry of a dated page (a schedule's first item is no lead telling of the day
    the page went out)."""
    return _dated_entry(ctx, m.trigger.idx) is not None


def _in_stamped_entry(ctx: Context, m: Mention, clock: StoryClock) -> bool:
    """Whether a mention lies in an entry of a live page that opens with its time of day, and that entry has not
    moved the story to a day of its own before it ("8:30 a.m. — … He arrived on Thursday and met…")."""
    para = ctx.layout.paragraph_at(m.trigger.idx)
    if para is None or not para.stamped:
        return False
    moved = next(((start, day) for start, day in reversed(clock.moves) if start < m.trigger.idx), None)
    return moved is None or moved[1] == clock.published or ctx.layout.entry_at(moved[0]) != para.entry


def _called_off_before(m: Mention) -> bool:
    """Whether the verb that calls an event off (the event's own, or the one its noun is the object of) is told in
    the pluperfect, or in the past with the day hung on it, not on the noun ("pulled out of the planned summit [on
    Tuesday]": the day it was called off, not the one it was set for)."""
    verb = m.trigger if m.entry.pos == "verb" else governing_verb(m.trigger)
    if verb is None:
        return False
    return syntax.pluperfect(verb) or m.entry.pos == "noun" and not _own_timex(m) and syntax.tense(verb) == "past"


def _day_of_counting_verb(ctx: Context, m: Mention, clock: StoryClock) -> datetime.date | None:
    """"Trump met Zelensky on Friday, [two days after his call with Putin]": a count hung on a verb that the
    sentence dates counts from that verb's day, not from the day the story is at (a date said of another noun,
    « une semaine après le sommet de Washington, le 18 août », dates that noun)."""
    verb = next((t for t in m.trigger.ancestors if t.pos_ in ("VERB", "AUX")), None)  # through "[a day] after"
    if verb is None:
        return None
    # the count's verb or one above it ("told Zelensky on Friday that he hoped to end the war without sending
    # missiles, [a day after a long call]": the parser hangs the count on the nearest verb)
    above = {verb.i} | {t.i for t in verb.ancestors}
    for start, reading in clock.readings.items():
        if not m.sentence[0] <= start < m.sentence[1] or reading.date is None or reading.precision != "day" \
                or start not in ctx.timex_ends:
            continue
        span = ctx.doc.char_span(start, ctx.timex_ends[start], alignment_mode="expand")
        if span is None or span.start >= 2 and ctx.doc[span.start - 1].text == "," and \
                ctx.doc[span.start - 2].pos_ in ("NOUN", "PROPN"):
            continue  # « après le sommet de la Maison Blanche, [le 18 août] »: the noun's day, whatever the parse says
        dated = _verb_above(span.root)
        if dated is not None and dated.i in above:
            return reading.date
    return None


def _verb_above(token: Token) -> Token | None:
    """The verb a time expression hangs on, through its preposition ("met [on Friday]", « a rencontré [vendredi] »)."""
    for g in syntax.governors(token, 3):
        if g.pos_ in ("VERB", "AUX"):
            return g
        if g.pos_ != "ADP":
            return None
    return None


def _dates_the_event_told(m: Mention, cues) -> bool:
    """Whether a mention's date, said in its noun's own phrase (« le sommet du 15 août », "the summit of August
    15"), dates an event the sentence tells as done, not one it steps from ("after the call of 12 February")
    or points back to."""
    return m.timex is not None and m.entry.pos == "noun" and m.status == "occurred" and not m.hedged and \
        not m.anaphoric and _own_timex(m) and folded(syntax.case_word(m.trigger)) not in cues.sequence


def _count_from_event_told(clusters: list[Cluster], clock: StoryClock, published: datetime.date,
                           ctx: Context) -> None:
    """"The day after the summit, Trump called Zelensky", « la veille du sommet, il a appelé… », "two days after
    the meeting, …": when the sentence gives no day of its own, "the summit" points back to the last one the text
    dated, and the event the sentence tells is counted from that day, not from the day the story was last at
    ("Trump said on Monday…"). With a day in the sentence ("on 18 August, nine days after the meeting"), the
    noun is the one counted (see `_dated`)."""
    for index, c in enumerate(clusters):
        m = c.first
        counted = counted_from(m, ctx.language) if len(c.mentions) == 1 else None
        # "the summit", « du sommet » (the article inside « du »): a summit told before, not "a meeting"
        definite = m.anaphoric or m.determiner or folded(syntax.case_word(m.trigger)) in ("du", "des", "au", "aux")
        if counted is None or not definite or m.timex is not None:
            continue
        if any(m.sentence[0] <= start < m.trigger.idx and r.date and r.precision == "day"
               for start, r in clock.readings.items()):
            continue  # the sentence's own day: the noun is counted from it
        told = next((e for e in reversed(clusters[:index]) if e.group == m.group and e.dated_by == "text"
                     and e.precision == "day" and e.date and e.first.sentence[0] < m.sentence[0]
                     and (not m.participants or set(m.participants) & set(e.participants))), None)
        # "[The day after the summit], Trump called…": the verb the phrase that counts hangs on
        verb = next((g for g in syntax.governors(m.trigger, 4) if g.pos_ in ("VERB", "AUX")), None)
        teller = next((o for o in clusters if o is not c and o.first.sentence == m.sentence and verb is not None
                       and verb.i in {o.first.predicate.i, o.first.trigger.i}), None)
        if told is None or teller is None or teller.dated_by == "text" and teller.first.timex is not None:
            continue
        count, unit, _ = counted
        day = _counted_day(told.date, -count, unit)
        if day > published and _told_as_done(teller.first.predicate):
            continue  # a verb in the past counted to a day to come: the phrase points at another event than that one
        c.date, c.precision, c.dated_by = told.date, "day", "text"
        teller.date, teller.precision, teller.dated_by = day, "day", "text"
        if teller.status != "cancelled":
            teller.status = "occurred" if day <= published else "planned"


def _counted_day(anchor: datetime.date, count: int, unit: str) -> datetime.date:
    """The day `count` days, weeks (W) or months (M) from `anchor` (negative: before it)."""
    if unit == "M":
        return add_months(anchor, count)
    return anchor + datetime.timedelta(days=count * (7 if unit == "W" else 1))


def _own_timex(m: Mention) -> bool:
    """Whether the mention's date is said inside its noun's own phrase ("the summit of 15 August")."""
    trig = m.trigger
    if m.timex is None or not trig.left_edge.idx <= m.timex.start < trig.right_edge.idx + len(trig.right_edge):
        return False
    # not one said in a clause of its own below it ("speaking with Modi, [whose government denies that anyone
    # mediated last month's ceasefire]")
    token = next((t for t in trig.subtree if t.idx <= m.timex.start < t.idx + len(t.text)), None)
    while token is not None and token.i != trig.i:
        if token.dep_ in ("relcl", "acl:relcl", "ccomp"):
            return False
        token = token.head if token.head.i != token.i else None
    return True


def _story_day(e: Cluster, clock: StoryClock, layout: Layout, published: datetime.date, lead,
               running: datetime.date | None = None) -> None:
    """An event the text tells as done but does not date happened on the day its paragraph is at (the last
    day it named before it, not after the story went out), else on the day the story went out: news tells
    the day's events, and the gold conventions date them so. Flagged as inferred (lower confidence), and
    only after merging, so such a date never keeps two reports of one event apart. A planned or called-off
    event the text does not date has no date."""
    pos = e.first.trigger.idx
    para = layout.paragraph_at(pos)
    # not a day a flashback in another sentence names ("arrived from Brussels, where he had attended the
    # summit on Thursday. ¶ … he told a joint news conference")
    moves = [(start, r.date) for start, r in clock.readings.items() if para is not None and start < pos
             and r.date is not None and r.precision == "day" and not r.span and r.date <= published
             and not (r.flashback and not e.first.sentence[0] <= start < e.first.sentence[1])]
    earlier = [(start, day) for start, day in moves if start >= para.start]
    if earlier:
        e.date, e.precision, e.dated_by = max(earlier)[1], "day", "story"
    elif running is not None:
        # the narration goes on with a scene told in a paragraph before (events/scene.py says on what evidence);
        # remarks to the press answer it ("spoke to Putin on Monday… ¶ 'It went well,' Trump told reporters")
        e.date, e.precision, e.dated_by = running, "day", "story"
    elif e.group == "say" and moves:
        # remarks to the press, an interview: what was said answers the scene told just before ("Kallas said
        # on Monday… ¶ 'Putin is playing for time,' she told a news conference"), else the day the lead tells,
        # not a day a paragraph further up looked back to (« Mercredi dernier, Trump a eu un échange… »)
        told = [q for q in layout.paragraphs if q.end <= para.start and not (q.heading or q.byline or q.credit)
                and layout.text[q.start:q.end].strip()]
        e.date = max(
            [(start, day) for start, day in moves if told and start >= told[-1].start]
            or [(start, day) for start, day in moves if lead and lead[0] <= start < lead[1]] or moves)[1]
        e.precision, e.dated_by = "day", "story"
    else:
        e.date, e.precision, e.dated_by = published, "day", "default"


def _series(events: list[Cluster]) -> None:
    """"a new round of talks could take place", « un prochain échange est en préparation »: the next of a
    series, to come, with no parties of its own is between the parties of the last one told (a past "new
    talks" with no parties is talk about talks, or points back)."""
    for index, e in enumerate(events):
        if e.participants or e.status != "planned" or not all(m.distinct for m in e.mentions):
            continue
        last = next((o for o in reversed(events[:index]) if o.kind == e.kind and o.participants), None)
        if last is not None:
            e.first.participants.update({k: "participant" for k in last.participants})


# --- keeping real events ---------------------------------------------------------------------------------------

def _is_generic(e: Cluster, table: ActorTable) -> bool:
    """Talk about talks in general, a strike with no day, or a mention with nothing to pin it on."""
    countries = {a.name for a in table.actors.values() if a.kind == "country"}
    undated = e.dated_by != "text"
    if any(m.needs_date for m in e.mentions) and undated:
        return True
    nouns = all(m.basis in ("noun", "surface") and m.entry.pos == "noun" for m in e.mentions)
    located = e.location is not None and e.location not in countries
    if undated and nouns and not located and e.group == "meet" \
            and not any(m.anaphoric or m.distinct for m in e.mentions) \
            and all("Plur" in morph(m.trigger, "Number") for m in e.mentions):
        return True  # "des discussions depuis des mois", "talks have stalled"
    if all(m.anaphoric for m in e.mentions) and e.dated_by != "text" and not e.participants:
        return True  # "ahead of the summit", with no summit told to point at
    if e.group in ("agree", "sanction", "other", "force", "say") and undated and all(m.hedged for m in e.mentions):
        # "to reach a peace deal", « en vue d'un accord », "a possible prisoner swap", "a joint statement could
        # follow": a goal or a possibility, not an event
        return True
    if e.group in ("meet", "call") and e.status == "planned" and undated and any(m.wished for m in e.mentions) \
            and all(m.wished or m.anaphoric for m in e.mentions):
        # "we are ready to meet Putin at any level… He is afraid of this meeting", "hoped to meet Kim again":
        # nothing scheduled
        return True
    if undated and not e.participants and all(m.hedged for m in e.mentions):
        return True  # « on n'exclut pas qu'un ministre se rende à Alger »: nobody known, some day, perhaps
    if undated and all(m.questioned for m in e.mentions):
        return True  # "asked whether Modi could stop in Washington": a question, which he may well have declined
    if e.group == "visit" and not e.location:
        return True  # "since Witkoff's visit": a visit says where it goes, or it is only talked about
    if e.group in ("meet", "call") and e.status == "planned" and undated and not e.location and len(e.participants) < 2:
        return True  # "Starmer will hold a meeting", « une réunion est prévue »: not with whom, where or when
    # a city the gazetteer does not know pins an event a verb tells ("going down to Florida"), not a noun
    located = any(m.location and (not m.weak_location or m.entry.pos == "verb") for m in e.mentions)
    if not e.participants and not located and all(m.entry.pos == "noun" for m in e.mentions):
        return True  # « la réunion de lundi », "the call": a noun with neither parties nor place tells of nothing new
    return not e.participants and not located and e.dated_by != "text"


def _transcript(ctx: Context, published: datetime.date, events: list[Cluster]) -> list[Cluster]:
    """A transcript of questions and answers (paragraphs opening with "QUESTION:", "Q.", « Question : ») is a
    press conference that day, given by the one who answers most; an interview (its head says so: « Entretien
    diffusé le samedi », "Interview") is that one's statement."""
    cues = ctx.lexicon.cues
    labels = cues.question_labels
    questions = 0
    for p in ctx.layout.paragraphs:
        head = ctx.text[p.start:p.end].lstrip().split(None, 2)
        # (French typography puts a space before the colon: « Question : »)
        if head and folded(head[0].rstrip(":.")) in labels and (
                head[0][-1:] in (":", ".") or len(head) > 1 and head[1] == ":"):
            questions += 1
    if questions < 2 or any(e.group == "say" and e.date == published for e in events):
        return []
    speakers = [st.speaker for st in ctx.statements if st.speaker and ctx.table.party_kind(st.speaker) == "person"]
    if not speakers:
        return []
    speaker = max(sorted(set(speakers)), key=speakers.count)
    kind = "statement" if _opening_words(ctx) & cues.interview_words else "press_conference"
    first_line = (0, min(len(ctx.text), ctx.text.find("\n") if "\n" in ctx.text else len(ctx.text)))
    return [_told_by_genre(kind, ctx.doc[0], first_line, {speaker: "agent"}, published)]


def _opening_words(ctx: Context) -> set[str]:
    """The folded words of the first two paragraphs, where a transcript says what it is (« Entretien… »,
    "Telephone conversation with…")."""
    opening = " ".join(ctx.text[p.start:p.end] for p in ctx.layout.paragraphs[:2])
    return set(re.findall(r"[\w-]+", folded(opening)))


def _told_by_genre(kind: str, trigger: Token, sentence: tuple[int, int], participants: dict[str, str],
                   published: datetime.date, paragraph: int = 0) -> Cluster:
    """An event the kind of document tells, not a word of it: held on the day it went out."""
    m = Mention(kind=kind, trigger=trigger, entry=Trigger(lemma="", pos="genre", kind=kind), predicate=trigger,
                basis="genre", sentence=sentence, participants=participants, triggers=[trigger], paragraph=paragraph)
    return Cluster([m], date=published, precision="day", dated_by="lead", status="occurred")


def _met_on_record(ctx: Context, turns: Iterable[Turn], published: datetime.date) -> list[Cluster]:
    """Remarks transcribed turn by turn in which people of two countries or more speak ("President Trump." …
    "President Nawrocki.") were made together: they met that day, though no sentence of theirs says so (the
    document's title does: "Remarks Prior to a Meeting With…"). A call's transcript says it is one in its opening
    ("Telephone conversation with…"). One country's officials briefing together, or an interviewer the gazetteer
    does not know, is no meeting."""
    first_turn: dict[str, Turn] = {}
    for turn in turns:
        actor = ctx.table.actors.get(turn.speaker) if turn.speaker else None
        if actor is not None and actor.kind == "person" and actor.country and not actor.media:
            first_turn.setdefault(actor.key, turn)
    if len({ctx.table.actors[key].country for key in first_turn}) < 2:
        return []
    kind = "call" if _opening_words(ctx) & ctx.lexicon.cues.phone else "meeting"
    label = min((turn.label for turn in first_turn.values()), key=lambda label: label.start)
    paragraph = ctx.layout.paragraph_at(label.start)
    return [_told_by_genre(kind, ctx.doc[token_at(ctx.doc, label.start)],
                           (label.start, paragraph.end if paragraph else label.end),
                           {key: "participant" for key in first_turn}, published,
                           paragraph.start if paragraph else 0)]


# --- records --------------------------------------------------------------------------------------------------

# Longer, what was agreed is a sentence of its own, not a title's object.
WHAT_WORDS = 10


def _what(e: Cluster, ctx: Context) -> str | None:
    """What was agreed or announced, as the article says it ("a plan for a reassurance force", "a €1.5bn
    air-defence deal with Kyiv"), when it is short; without the day or place said of it."""
    if e.kind not in ("agreement", "announcement"):
        return None
    for m in e.mentions:
        if m.entry.what:
            continue  # "froze military aid": the lexicon says what it is (a pause), the object would not
        if m.entry.pos == "verb":
            clauses = [c for c in m.trigger.children if c.dep_ == "xcomp"]
            # « les deux dirigeants sont convenus [de poursuivre…] »: with a clause of what was agreed, the
            # parser's passive subject is who agreed (« être » the auxiliary of « convenir »)
            # (a pronoun says nothing of what: « a, lui, annoncé la création… » hangs « lui » on the verb)
            heads = [o for o in objects_of(m.trigger) if not (clauses and o.dep_ in ("nsubjpass", "nsubj:pass"))
                     and o.pos_ != "PRON"] or clauses
        elif "signed-text" in m.entry.needs:
            # « ont assisté à la signature [d'accords dans la défense] »: what was signed
            heads = syntax.prepositional(m.trigger, ("de", "d'", "du", "des", "of"))[:1]
        elif m.predicate.i != m.trigger.i:
            heads = [m.trigger]  # "announced [a deal with Kyiv]": the event's noun says what
        else:
            continue
        for head in heads:
            if head.idx in ctx.timex_starts:
                continue  # « ont convenu mardi de… »: a day is not what was agreed
            words = sorted(_phrase_without_when_and_where(ctx, head), key=lambda t: t.i)
            if m.predicate.head.i == m.trigger.i and m.predicate.i != m.trigger.i:
                # « l'accord de défense [signé lundi par…] »: the participle that describes the noun is not what
                inner = {t.i for t in m.predicate.subtree}
                words = [t for t in words if t.i not in inner]
            else:
                words = [t for t in words if t.i > m.predicate.i or m.predicate.i == m.trigger.i]
            if words and folded(words[0].text) in ("de", "d'"):
                words = words[1:]
            while words and words[-1].pos_ == "PUNCT" and words[-1].text in ",;:":
                words = words[:-1]  # (the comma before a left-out apposition)
            if 0 < len(words) <= WHAT_WORDS and not any(ctx.layout.in_quote[t.idx] for t in words) and \
                    words[-1].i - words[0].i == len(words) - 1:
                what = ctx.text[words[0].idx:words[-1].idx + len(words[-1])]
                # ("[The defence deal] signed today…": the sentence's capital is not the title's)
                return what[0].lower() + what[1:] if words[0].pos_ == "DET" and words[0].is_sent_start else what
    return None


def _phrase_without_when_and_where(ctx: Context, head) -> list:
    """A noun phrase (or an infinitive clause) without the phrases that give a day or a place ("on
    Sunday", "in London")."""
    out = [head]
    for child in head.children:
        if child.dep_ in syntax.CLAUSE_DEPS and child.pos_ in ("VERB", "AUX") and head.dep_ != "xcomp":
            continue
        if child.pos_ == "ADJ" and _governs_a_clause(child):
            continue  # « une déclaration commune [censée clore trente ans de conflit] »: without its clause, a stub
        if child.dep_ == "appos" and child.i > head.i and child.doc[child.left_edge.i - 1].text == ",":
            continue  # "the Tech Prosperity Deal[, a pact on artificial intelligence…]": the name says what
        inner = [c for c in child.children if c.dep_ in ("pobj", "pcomp")] if child.dep_ == "prep" else [child]
        if child.dep_ != "dobj" and any(t.idx in ctx.timex_starts or t.idx in ctx.place_by_char for t in inner):
            continue
        out += _phrase_without_when_and_where(ctx, child)
    return out


def _holder(e: Cluster, ctx: Context) -> str | None:
    """The one organization a gathering's own noun names ("a NATO summit", « le sommet de l'Otan »), when its phrase
    names no one else: the gathering is that organization's, whoever attends it."""
    if e.kind != "meeting" or e.first.entry.pos != "noun":
        return None
    trigger = e.first.trigger
    named = {k for c in trigger.children if c.dep_ in ("compound", "nmod", "amod", "poss", "nmod:poss")
             for t in syntax.phrase(c) if (k := ctx.actor_at(t))}
    if len(named) != 1:
        return None
    [key] = named
    return key if ctx.table.kind(key) == "organization" else None


def _governs_a_clause(adjective) -> bool:
    """Whether an adjective takes a clause ("ready to sign", « censée clore »), wherever the parser hung the verb."""
    doc = adjective.doc
    after = doc[adjective.i + 1] if adjective.i + 1 < len(doc) else None
    return any(g.dep_ in syntax.CLAUSE_DEPS and g.pos_ in ("VERB", "AUX") for g in adjective.children) or \
        after is not None and after.pos_ in ("VERB", "AUX") and "Inf" in morph(after, "VerbForm")


def _basis(e: Cluster) -> str:
    ranks = ("verb", "light-verb", "genre", "noun", "surface")
    parts = [min((m.basis for m in e.mentions), key=ranks.index)]
    if any(m.participants and m.basis != "surface" for m in e.mentions):
        parts.append("args")
    parts.append({"text": "date", "statement": "date", "lead": "lead", "entry": "lead", "story": "story",
                  "default": "default"}
                 .get(e.dated_by, "undated"))
    if all(m.hedged for m in e.mentions):
        parts.append("hedged")
    if len(e.mentions) > 1:
        parts.append("merged")
    return "+".join(parts)


# The articles a place's name may open with in the text ("in [the] Oval Office", « dans [le] Bureau ovale »).
_PLACE_ARTICLES = frozenset({"the", "le", "la", "les"})


def _record(e: Cluster, ctx: Context, published: datetime.date) -> Event:
    table, text = ctx.table, ctx.text
    participants = e.participants
    order = list(table.actors)
    # (a visit is the guest's: "Macron welcomed Lula for a state visit" is Lula's visit, his host after him)
    roles = ("agent", "participant", "target", "host") if e.kind == "visit" else ("host", "agent", "participant", "target")
    keys = sorted(participants, key=lambda k: (table.kind(k) != "person", roles.index(participants[k]),
                                               order.index(k) if k in order else 0))
    # (a strike or sanctions with only their target named: "Military action against Ukraine in Kyiv")
    acting = [k for k in keys if participants[k] != "target"] or \
        ([] if e.kind in ("military_action", "sanction") else keys)
    # people first; a group with them when the title stays short ("Macron, Starmer and coalition of the
    # willing meet"); organizations and countries only when no one else is named (not "Trump and the White
    # House", where it is his office)
    named = [k for k in acting if table.kind(k) == "person"]
    # (an act of government or parliament is its body's: "Appointment involving Verkhovna Rada and Svyrydenko")
    bodies = [k for k in acting if table.kind(k) == "group" or e.kind == "other" and table.kind(k) == "organization"]
    named = (named + bodies if len(named) + len(bodies) <= 3 else named) or acting
    holder = _holder(e, ctx)
    if holder is not None and holder in acting and not any(
            participants[k] in ("agent", "host") for k in acting if table.kind(k) == "person"):
        named = [holder]  # "a NATO summit" that Trump attends is NATO's, not "Trump holds a meeting"
    targets = [k for k in keys if participants[k] == "target" and k not in named]
    first = e.first
    kind, status_ = e.kind, e.status
    location = e.location
    item_place = _item_place(ctx, first.sentence[0]) if location is None else None
    if item_place is not None:
        location = item_place.name
    place_mention = next((m for m in e.mentions if m.location == location and m.place_start is not None), None)
    written_place, preposition = None, None
    if item_place is not None:
        # (the item's place as written, « Rome », with the language's plain preposition)
        written_place, preposition = text[item_place.start:item_place.end], "à" if ctx.language == "fr" else "in"
    elif place_mention is not None:
        place_end = next((p.end for p in table.places + table.metonyms if p.start == place_mention.place_start
                          and not p.described), None)
        if place_end is not None:
            written_place = text[place_mention.place_start:place_end]
            before = text[max(0, place_mention.place_start - 16):place_mention.place_start]
            # "in the Oval Office", « dans le Bureau ovale »: a place the text names with its article keeps it (the
            # title's « à le » contracts to « au »)
            if before[-2:] in ("l'", "l’", "L'", "L’"):
                written_place, before = before[-2:].lower() + written_place, before[:-2]
            words = before.split()
            if words and before[-1:].isspace() and folded(words[-1]) in _PLACE_ARTICLES:
                written_place, words = f"{words[-1].lower()} {written_place}", words[:-1]
            preposition = words[-1] if words and before[-1:] in (" ", "'", "’") and \
                folded(words[-1]) in ("a", "en", "au", "aux", "in", "at") else None
            if preposition is not None and preposition[:1].isupper():
                # « A Hanoï, Xi… »: a sentence's first word, capital without its accent; inside a title, « à »
                preposition = "à" if preposition == "A" and ctx.language == "fr" else preposition.lower()
    # the article's own words in its language; the lexicon's, where a word names what it is, in every language
    # ("announced [his resignation]": the noun's entry, though the verb's mention took it in)
    entries = [m.entry for m in e.mentions] + [entry_for(t, ctx.lexicon) for m in e.mentions for t in m.triggers]
    said, lexical = _what(e, ctx), next((x.what for x in entries if x is not None and x.what), None)
    if lexical and any(m.entry.what and condition(ctx, m.trigger, m.entry, "tariff-object") for m in e.mentions):
        lexical = ctx.lexicon.cues.tariff_pause or lexical  # "suspended the levies": a pause in its tariffs
    what = {**lexical, ctx.language: said} if said and lexical else said or lexical
    if what and kind != "other":  # "Britain agrees a deal with Kyiv": the other party is in what was agreed
        # (an act of government names all its parties: who appointed and who was appointed)
        named = [k for k in named if participants[k] in ("agent", "host")] or named
    all_titles = titles(kind, status_, named, table, location, article_language=ctx.language, what=what,
                        written_place=written_place, preposition=preposition, targets=targets,
                        names=ctx.title_names)
    start, end = first.sentence
    inferred = e.dated_by in ("lead", "story", "default")
    date_part = (e.date.isoformat() + ("~" if inferred else "")) if e.date else "undated"
    people = sorted(k for k in keys if table.kind(k) == "person")[:2] or sorted(keys)[:2]
    basis = _basis(e)
    return Event(
        kind=kind, plover=PLOVER[kind], title=all_titles[ctx.language], date=e.date,
        precision=e.precision if e.date else "unknown", status=status_, location=location,
        participants=[Participant(k, participants[k]) for k in keys], evidence_start=start, evidence_end=end,
        evidence_text=text[start:end], confidence=confidence(basis),
        dedup_key=f"{GROUP[kind]}|{date_part}|{(location or '').lower()}|{','.join(people)}",
        date_inferred=inferred, trigger_offsets=sorted({t.idx for m in e.mentions for t in m.triggers}),
        titles=all_titles, basis=basis)
