"""One word of the text, several events: "spoke with Putin and later with Zelensky", « a eu un échange avec
Poutine, puis, le même jour, avec Zelensky », "held talks on Sunday and again on Tuesday".

A verb (or a light verb's noun) that takes two partners, or two days, each in a phrase of its own and the
second opened by a word of succession ("later", "again", « puis »), tells of two events: a call with each
partner, a round of talks on each day. The subject, and whatever the sentence says before the first of
those phrases, belong to every one of them; each phrase and what follows it, up to the next word of
succession, to one only.

Days joined by "and", « et » need no word of succession: "met in Riyadh on February 18 and in Jeddah on
March 11", « les pourparlers d'Istanbul du 16 mai et du 2 juin », "the meetings of October 3 and October 17"
tell one round on each day, each at the place its own phrase gives (else at the place of the one before).
Not a plural of one event: a singular noun ("the summit of May 16 and 17") or days that follow each other
("talks on Monday and Tuesday") tell one event over several days, and years ("for 2026 and 2027") a span.
"""
from __future__ import annotations

import dataclasses

from .. import syntax
from .mentions import (CITY_PREPOSITIONS, Context, Mention, _name_head, _relative_antecedent, entry_for, folded,
                       gather, place_in, token_at)
from ..syntax import morph

# "with", « avec »: a partner of one's own; "between", « entre » join the parties of one event
_PARTNER = ("with", "avec", "aupres", "auprès")


def split_repeats(ctx: Context, local: list[Mention], timexes: list) -> list[Mention]:
    """The mentions of a sentence, each told twice over by one word split into one mention per occurrence."""
    out = []
    for m in local:
        for one in _occurrences(ctx, m, local, timexes):
            out += _destinations(ctx, one)
    return out


def _destinations(ctx: Context, m: Mention) -> list[Mention]:
    """"will then travel to Gabon and Angola", « poursuivra sa tournée au Gabon et en Angola »: a trip to places
    joined by "and" is a visit to each, as a visit is to one place; the rest of what the mention says is theirs."""
    if m.group != "visit" or m.place_start is None:
        return [m]
    doc = ctx.doc
    head = _name_head(doc[token_at(doc, m.place_start)])
    places, countries = [], set()
    for conj in head.conjuncts:
        if conj.i < head.i:
            continue
        place = place_in(ctx, list(conj.subtree), metonyms=True)
        key = ctx.actor_at(conj) if place is None else None
        if key is not None and ctx.table.kind(key) == "country":
            # "to Gabon and Angola": a country after "and", with no preposition of its own, the table reads as a
            # party; it is the second place of the trip
            place = (conj.idx, ctx.table.actors[key].name)
            countries.add(key)
        if place is not None and place[1] != m.location and place[1] not in {p[1] for p in places}:
            places.append(place)
    if not places:
        return [m]
    out = [m] + [dataclasses.replace(m, triggers=list(m.triggers), domain=set(m.domain), location=name,
                                     place_start=start) for start, name in places]
    for one in out:
        one.participants = {k: role for k, role in m.participants.items() if k not in countries}
        one.apart = {id(o) for o in out if o is not one}
    return out


def _occurrences(ctx: Context, m: Mention, local: list[Mention], timexes: list) -> list[Mention]:
    succession = ctx.lexicon.cues.succession
    doc = ctx.doc
    # after the event's word; a noun told before its verb ("the talks [on May 16 and June 2] produced…") is
    # followed by its own phrase
    after = m.trigger.i if m.entry.pos == "noun" and m.predicate.i > m.trigger.i else max(m.predicate.i, m.trigger.i)
    others = {t.i for o in local if o is not m for t in o.triggers}
    end = _incise_end(m)
    days = [p for p in _days(ctx, m, after, timexes) if p[0] < end]
    for pieces in ([p for p in _partners(ctx, m, after) if p[0] < end], days):
        if len(pieces) < 2:
            continue
        # a cut between two pieces: the word of succession that opens the second ("and later with…")
        cuts, joined = [], False
        for (left, left_day), (right, right_day) in zip(pieces, pieces[1:]):
            between = range(left + 1, right)
            if any(i in others for i in between):
                break  # another event's word between them: its phrase, not a second occurrence of this one
            cut = next((i for i in between if folded(doc[i].text) in succession), None)
            if cut is None and pieces is days and _apart(left_day, right_day, m):
                cut = next((i for i in between if doc[i].pos_ == "CCONJ"), None)
                joined = cut is not None
            if cut is None:
                break
            cuts.append(cut)
        else:
            return _split(ctx, m, pieces, cuts, timexes, after, joined=joined)
    return [m]


def _incise_end(m: Mention) -> int:
    """Where a relative clause set off by commas ends: « il appellerait le dirigeant russe, [qu'il avait rencontré
    vendredi en Alaska], plus tard lundi »: what follows its closing comma is the main clause's, whatever the parse
    hangs it on (the day of the call is no second day of the meeting)."""
    verb, doc = m.predicate, m.predicate.doc
    if verb.dep_ not in syntax.RELATIVE_DEPS and _relative_antecedent(verb) is None:
        return len(doc)
    first = verb.left_edge.i
    if first == 0 or doc[first - 1].text != ",":
        return len(doc)
    return next((i for i in range(verb.i + 1, verb.sent.end) if doc[i].text == ","), len(doc))


def _apart(left, right, m: Mention) -> bool:
    """Whether two days joined by "and" are two occurrences of the event word: a verb or a plural noun, on days
    that do not follow each other."""
    if left.date is None or right.date is None or left.precision != "day" or right.precision != "day":
        return False  # "a loan for 2026 and 2027": a span of years, not two rounds
    if m.entry.pos == "noun" and "Plur" not in morph(m.trigger, "Number"):
        return False
    return abs((right.date - left.date).days) > 1


def _partners(ctx: Context, m: Mention, after: int) -> list[tuple[int, object]]:
    """The with-phrases after the event's word that name a party, as (first token, preposition)."""
    found = []
    for i in sorted(m.domain):
        t = ctx.doc[i]
        if i <= after or t.pos_ != "ADP" or folded(t.text) not in _PARTNER:
            continue
        named = t.children if t.dep_ == "prep" else [t.head] if t.dep_ == "case" else []
        if any(ctx.actor_at(w) for n in named for w in syntax.phrase(n)):
            found.append((i, t))
    return found


def _days(ctx: Context, m: Mention, after: int, timexes: list) -> list[tuple[int, object]]:
    """The dates in the event's domain after its word, as (first token with its preposition, timex)."""
    found = []
    for t in timexes:
        span = ctx.doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None or span.root.i not in m.domain or span.start <= after:
            continue
        head = span.root.head
        first = head.i if head.pos_ == "ADP" and head.i < span.start else span.start
        found.append((first, t))
    return sorted(found, key=lambda p: p[0])


def _split(ctx: Context, m: Mention, pieces, cuts: list[int], timexes: list, after: int, *,
           joined: bool = False) -> list[Mention]:
    first_piece = pieces[0][0]
    if joined:
        # "met [in Riyadh on February 18] and [in Jeddah on March 11]": the place said before the first day is
        # the first round's
        first_piece = min((i for i in m.domain if i > after), default=first_piece)
    bounds = [first_piece] + cuts + [max(m.domain) + 1]
    # « la rencontre entre Rubio et Lavrov du 18 février, puis les consultations de Djeddah du 11 mars », "the
    # meeting between A and B on 18 February and then the talks in Jeddah on 11 March": where a later piece names
    # the event again with a noun of its own, what the first noun's phrase says is the first event's only
    renamed = any(bounds[1] <= t.i for t in m.triggers if t.i != m.trigger.i) or any(
        (e := entry_for(ctx.doc[i], ctx.lexicon)) is not None and e.pos == "noun" and e.kind == m.kind
        for i in m.domain if i >= bounds[1] and ctx.doc[i].pos_ in ("NOUN", "PROPN"))
    edge = m.trigger.i + 1 if renamed and m.entry.pos == "noun" else first_piece
    shared = {i for i in m.domain if i < min(edge, first_piece)}
    at = {id(t): _token(ctx, t) for t in timexes}
    # a date said before the first piece ("on Wednesday spoke with A and later with B") dates them all
    said_before = m.timex if m.timex is not None and _token(ctx, m.timex) in shared else \
        next((t for t in timexes if at[id(t)] in shared), None)
    out = []
    for k in range(len(bounds) - 1):
        own = {i for i in m.domain if bounds[k] <= i < bounds[k + 1] or k == 0 and edge <= i < first_piece}
        part = shared | own
        one = dataclasses.replace(
            m, domain=part, participants={}, triggers=list(m.triggers), apart=set(),
            party_domain=None if m.party_domain is None else {i for i in m.party_domain if i in part},
            location=None, place_start=None)
        gather(ctx, one)
        place = place_in(ctx, [ctx.doc[i] for i in sorted(own)]) if joined else None
        if place is not None:  # "and [in Miami] on November 30": the place of its own phrase
            one.place_start, one.location = place
        # "on Wednesday with A and later with B": told on from the day of the one before, as the story is
        one.timex = next((t for t in timexes if at[id(t)] in own), None) or said_before or (
            out[-1].timex if out else None)
        out.append(one)
    if joined:
        # the rounds differ by day and place only: who took part, and where when a phrase does not say, carry over
        for k, one in enumerate(out):
            if not one.participants:
                one.participants = dict(next((o.participants for o in out if o.participants), {}))
            if one.location is None and k and not _names_a_place(ctx, one.domain - shared):
                one.location, one.place_start = out[k - 1].location, out[k - 1].place_start
    for one in out:
        one.apart = {id(o) for o in out if o is not one}
    return out


def _names_a_place(ctx: Context, tokens: set[int]) -> bool:
    """Whether a phrase says a place of its own, known to the gazetteer or not ("and in Hallandale Beach")."""
    doc = ctx.doc
    return any(doc[i].pos_ == "PROPN" and (folded(syntax.case_word(doc[i])) in CITY_PREPOSITIONS
                                           or i and folded(doc[i - 1].text) in CITY_PREPOSITIONS) for i in tokens)


def _token(ctx: Context, timex) -> int:
    span = ctx.doc.char_span(timex.start, timex.end, alignment_mode="expand")
    return span.root.i if span is not None else -1
