"""Events: trigger words in each sentence, with kind, date, status, location and participants."""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from .actors import ActorTable
from .gazetteer import fold
from .layout import Layout
from .records import Event, Participant

KINDS = ("meeting", "call", "visit", "press_conference", "statement", "negotiation", "agreement", "announcement",
         "sanction", "military_action", "other")
# PLOVER (successor of CAMEO): meetings, calls, visits and negotiations are CONSULT (CAMEO 04x); an agreement is
# AGREE; sanctions are SANCTION (CAMEO 16); armed force is ASSAULT (CAMEO 18-20). PLOVER dropped CAMEO 01
# "make public statement", so statements, press conferences and announcements have no PLOVER category.
PLOVER = {"meeting": "CONSULT", "call": "CONSULT", "visit": "CONSULT", "negotiation": "CONSULT",
          "agreement": "AGREE", "sanction": "SANCTION", "military_action": "ASSAULT",
          "press_conference": None, "statement": None, "announcement": None, "other": None}
GROUP = {"meeting": "meet", "negotiation": "meet", "call": "call", "visit": "visit", "press_conference": "say",
         "statement": "say", "announcement": "say", "agreement": "agree", "sanction": "sanction",
         "military_action": "force", "other": "other"}

NOUNS = {
    "fr": {"reunion": "meeting", "reunions": "meeting", "sommet": "meeting", "rencontre": "meeting",
           "discussions": "meeting", "entretien": "meeting", "entretiens": "meeting", "tete-a-tete": "meeting",
           "visioconference": "meeting", "pourparlers": "negotiation", "negociations": "negotiation",
           "negociation": "negotiation", "visite": "visit", "deplacement": "visit", "appel": "call",
           "conference": "press_conference", "point": "press_conference", "interview": "statement",
           "sanctions": "sanction", "frappe": "military_action", "frappes": "military_action",
           "attaque": "military_action", "bombardement": "military_action", "bombardements": "military_action",
           "offensive": "military_action", "accord": "agreement", "cote": "meeting", "cotes": "meeting"},
    "en": {"meeting": "meeting", "meetings": "meeting", "summit": "meeting", "talks": "meeting",
           "discussions": "meeting", "clash": "meeting", "bust-up": "meeting", "negotiations": "negotiation",
           "visit": "visit", "trip": "visit", "call": "call", "conference": "press_conference",
           "briefing": "press_conference", "interview": "statement", "sanctions": "sanction",
           "strike": "military_action", "strikes": "military_action", "attack": "military_action",
           "attacks": "military_action", "offensive": "military_action", "agreement": "agreement",
           "deal": "agreement", "alongside": "meeting"},
}
VERBS = {
    "fr": {"rencontrer": "meeting", "reunir": "meeting", "accueillir": "meeting", "recevoir": "meeting",
           "copresider": "meeting", "rejoindre": "meeting", "entretenir": "meeting", "telephoner": "call",
           "appeler": "call", "rendre": "visit", "visiter": "visit", "arriver": "visit", "attendre": "visit",
           "negocier": "negotiation", "signer": "agreement", "conclure": "agreement", "sanctionner": "sanction",
           "annoncer": "announcement", "frapper": "military_action", "bombarder": "military_action"},
    "en": {"meet": "meeting", "host": "meeting", "gather": "meeting", "co-chair": "meeting", "receive": "meeting",
           "join": "meeting", "phone": "call", "call": "call", "speak": "call", "visit": "visit", "travel": "visit",
           "arrive": "visit", "expect": "visit", "negotiate": "negotiation", "sign": "agreement", "agree": "agreement",
           "sanction": "sanction", "announce": "announcement", "strike": "military_action",
           "attack": "military_action", "bomb": "military_action"},
}
_NEGATION = {"absence", "hypothese", "cas", "sans", "without", "no", "pas", "jamais", "never", "refus", "refuse",
             "refused", "if", "si", "unless", "whether", "menace", "threat", "threatened", "menace", "eventuel",
             "eventuelle", "possible", "potential", "any", "tout", "toute", "aucun", "aucune"}
_DEFINITE = {"le", "la", "les", "l'", "du", "au", "aux", "ce", "cet", "cette", "ces", "son", "sa", "ses", "leur",
             "leurs", "the", "this", "that", "these", "his", "her", "their", "its"}
_FUTURE = re.compile(r"\b(?:prevue?s?|doit|doivent|devrait|devraient|va|vont|attendue?s?|envisagee?s?|prochaine?|"
                     r"will|shall|would|to be held|expected|due|plans?|planned|scheduled|upcoming|next|set to|"
                     r"is to|are to|souhaite|veut|voulait|wants)\b")
_CANCELLED = re.compile(r"\b(?:annulee?s?|annule|cancel(?:l)?ed|called off|scrapped|calls? off)\b")
_FUT_VERB = re.compile(r"(?:rai|ras|ra|rons|rez|ront|rait|raient)$")
_CLAUSE_DEPS = {"advcl", "acl:relcl", "relcl", "ccomp", "csubj", "parataxis", "acl"}
_SANCTION_VERBS = {"imposer", "annoncer", "adopter", "approuver", "decider", "prendre", "durcir", "impose",
                   "announce", "adopt", "approve", "unveil", "slap", "target", "levy", "introduce", "decreter"}
_AGREE_OK = {"signer", "conclure", "parvenir", "sign", "reach", "strike", "seal", "conclude", "agree"}
_PRONOUNS = {"il": "m", "elle": "f", "he": "m", "she": "f"}


@dataclass
class _Draft:
    kind: str
    triggers: list = field(default_factory=list)  # spaCy tokens
    sentence: tuple[int, int] = (0, 0)
    anaphoric: bool = False
    timex: object | None = None
    status: str = "occurred"
    date: datetime.date | None = None
    precision: str = "unknown"
    date_inferred: bool = False
    location: str | None = None
    participants: dict[str, str] = field(default_factory=dict)  # key → role
    confidence: float = 0.7
    merged: bool = False


def _folded(token) -> str:
    return fold(token.text)


def _lemma(token) -> str:
    return fold(token.lemma_)


def _trigger_kind(token, lang: str, sent_folded: str, table: ActorTable, mention_at) -> str | None:
    """The event kind a token announces in its sentence, or None."""
    text, lemma = _folded(token), _lemma(token)
    nxt = [_folded(t) for t in token.doc[token.i + 1:token.i + 4]]
    prv = [_folded(t) for t in token.doc[max(0, token.i - 3):token.i]]
    kind = None
    if token.pos_ in ("NOUN", "PROPN", "ADP", "ADV"):
        kind = NOUNS[lang].get(text) or (NOUNS[lang].get(lemma) if token.pos_ == "NOUN" else None)
    elif token.pos_ in ("VERB", "AUX") and token.pos_ == "VERB":
        kind = VERBS[lang].get(lemma)
    if kind is None:
        return None
    if lang == "fr":
        if text in ("cote", "cotes"):
            return "meeting" if prv[-1:] in (["au"], ["aux"]) and nxt[:1] == ["de"] else None
        if text == "appel":
            return "call" if nxt[:1] in (["telephonique"], ["avec"]) else None
        if text in ("conference",):
            return "press_conference" if nxt[:2] == ["de", "presse"] else ("meeting" if nxt[:1] != ["de"] else None)
        if text == "point":
            return "press_conference" if nxt[:2] == ["de", "presse"] else None
        if lemma in ("entretenir",) or text in ("entretien", "entretiens"):
            return "call" if "telephon" in sent_folded else "meeting"
        if lemma == "appeler" and nxt[:1] in (["a"], ["à"]):
            return None  # "appeler à" is to call for, not to phone
        if lemma == "rendre" and not (prv[-1:] in (["se"], ["s"]) or "s'" in prv[-2:] or "se" in prv):
            return None
        if lemma in ("arriver", "attendre") and not (re.search(r"\b(?:a|en|au)\s+[A-Z]", token.doc[token.i:token.i + 6].text)
                                                   or re.search(r"\b(?:a|en|au)\s", " ".join(nxt))):
            return None
        if lemma == "attendre" and not ("attendu" in text):
            return None
        if text == "accord" and not any(_lemma(t) in _AGREE_OK and t.i < token.i for t in token.sent):
            return None
    else:
        if text == "call":
            if token.pos_ == "NOUN" and not (prv[-1:] == ["phone"] or nxt[:1] in (["with"], ["between"])):
                return None
            if token.pos_ == "VERB" and nxt[:1] in (["for"], ["on"]):
                return None
        if text == "conference":
            return "press_conference" if prv[-1:] in (["press"], ["news"]) else "meeting"
        if text == "briefing" and prv[-1:] not in (["press"], ["news"]):
            return None
        if lemma == "speak" and not (nxt[:1] in (["with"], ["to"]) and "phone" in sent_folded or nxt[:1] == ["with"]):
            return None
        if lemma in ("expect", "arrive", "travel") and not re.search(r"\b(?:in|to|at)\b", " ".join(nxt)):
            return None
        if lemma == "agree" and not nxt[:1] in (["to"], ["on"]):
            return None
        if text in ("agreement", "deal") and not any(_lemma(t) in _AGREE_OK for t in token.sent):
            return None
        if lemma == "join" and not any(mention_at(t.idx) for t in token.doc[token.i + 1:token.i + 4]):
            return None
        if text == "alongside" and not any(mention_at(t.idx) for t in token.doc[token.i + 1:token.i + 3]):
            return None
    if kind == "sanction" and token.pos_ == "NOUN":
        if not any(_lemma(t) in _SANCTION_VERBS for t in token.sent):
            return None
    if kind == "announcement":
        subj = [c for c in token.children if c.dep_.startswith("nsubj")]
        keys = [mention_at(t.idx) for s in subj for t in s.subtree]
        if not any(k and table.kind(k) in ("country", "organization", "group") for k in keys):
            return None  # a person announcing is reported speech, not an event
    if kind == "meeting" and lemma in ("recevoir", "accueillir", "host", "receive", "rencontrer", "meet"):
        if not any(mention_at(t.idx) for t in token.sent if t.i > token.i):
            if lemma not in ("rencontrer", "meet"):
                return None
    return kind


def _negated(token) -> bool:
    window = [_folded(t) for t in token.doc[max(token.sent.start, token.i - 5):token.i]]
    return any(w in _NEGATION for w in window)


def _is_anaphoric(token) -> bool:
    if token.pos_ != "NOUN":
        return False
    dets = [_folded(c) for c in token.children if c.dep_ in ("det", "nmod:poss", "poss")]
    prev = _folded(token.doc[token.i - 1]) if token.i > 0 else ""
    prev2 = _folded(token.doc[token.i - 2]) if token.i > 1 else ""
    return any(d in _DEFINITE for d in dets) or prev in _DEFINITE or (prev2 in _DEFINITE and token.doc[token.i - 1].pos_ == "ADJ")


def _clause_tokens(trigger) -> set[int]:
    """Token indices of the clause a trigger belongs to, without the clauses nested in it."""
    head = trigger
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    keep: set[int] = set()

    def walk(tok):
        keep.add(tok.i)
        for child in tok.children:
            if child.dep_ in _CLAUSE_DEPS and not any(t.i == trigger.i for t in child.subtree):
                continue
            walk(child)
    walk(head)
    # the noun a relative clause hangs on takes part too: "le dirigeant russe, qu'il avait rencontré"
    if head.dep_ in ("acl:relcl", "relcl", "acl", "ccomp") and head.head.pos_ in ("NOUN", "PROPN"):
        keep.update(t.i for t in head.head.subtree if t.i < head.i)
    return keep


def _status(trigger, sentence_text: str) -> str:
    lo = max(trigger.sent.start, trigger.i - 8)
    window = " ".join(_folded(t) for t in trigger.doc[lo:trigger.i + 4])
    if _CANCELLED.search(window):
        return "cancelled"
    verbs = [trigger] + ([trigger.head] if trigger.pos_ == "NOUN" else [])
    for verb in verbs:
        forms = [verb] + [c for c in verb.children if c.dep_.startswith("aux")]
        for f in forms:
            text = _folded(f)
            if "Fut" in f.morph.get("Tense") or "Cnd" in f.morph.get("Mood") or \
                    (f.pos_ in ("VERB", "AUX") and _FUT_VERB.search(text) and f.lang_ == "fr" and len(text) > 4):
                return "planned"
            if text in ("will", "shall", "would", "'ll"):
                return "planned"
    if _FUTURE.search(window):
        return "planned"
    return "occurred"


def read_events(doc, text: str, language: str, layout: Layout, table: ActorTable, timexes: list,
                published: datetime.date, resolve_expression, resolve_pronoun) -> list[Event]:
    """The events of an article, merged so that one real event is one record."""
    mention_by_char: dict[int, str] = {}
    for m in table.mentions:
        for pos in range(m.start, m.end):
            mention_by_char.setdefault(pos, m.key)
    mention_at = mention_by_char.get
    drafts: list[_Draft] = []
    for sent in doc.sents:
        s, e = sent.start_char, sent.end_char
        if layout.is_heading(s) or layout.is_excluded(s, s + 1):
            continue
        sent_folded = fold(sent.text)
        by_group: dict[str, _Draft] = {}
        for token in sent:
            if layout.in_quote[token.idx] or layout.is_heading(token.idx):
                continue
            kind = _trigger_kind(token, language, sent_folded, table, mention_at)
            if kind is None or _negated(token):
                continue
            group = GROUP[kind]
            draft = by_group.get(group)
            if draft is None:
                draft = by_group[group] = _Draft(kind, sentence=(s, e))
            elif draft.kind == "meeting" and kind == "negotiation":
                pass
            draft.triggers.append(token)
        if not by_group:
            continue
        sentence_drafts = list(by_group.values())
        _assign_timexes(sentence_drafts, [t for t in timexes if s <= t.start < e and not layout.in_quote[t.start]], doc)
        for draft in sentence_drafts:
            _fill(draft, doc, text, language, layout, table, mention_at, published, resolve_expression, resolve_pronoun)
            if draft.kind == "meeting" and not draft.timex and not draft.location and all(
                    _folded(t) in ("discussions", "negociations", "pourparlers", "talks") and not _is_anaphoric(t)
                    for t in draft.triggers) and len(draft.participants) < 2:
                continue  # "des discussions" in general, with no time, place or parties: not one event
            drafts.append(draft)
    return _finish(_merge(drafts, published), text, table, published)


def _assign_timexes(drafts: list[_Draft], timexes: list, doc) -> None:
    """Each date expression goes to the event it belongs to: syntax first, then distance; one per event."""
    pairs = []
    for ti, t in enumerate(timexes):
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None:
            continue
        chain = []
        tok = span.root
        for _ in range(6):
            chain.append(tok.i)
            if tok.head.i == tok.i:
                break
            tok = tok.head
        for di, d in enumerate(drafts):
            best = min(abs(trig.idx - t.start) for trig in d.triggers)
            linked = any(trig.i in chain for trig in d.triggers)
            pairs.append((0 if linked else 1, best, ti, di))
    used_t, used_d = set(), set()
    for _, _, ti, di in sorted(pairs):
        if ti in used_t or di in used_d:
            continue
        used_t.add(ti)
        used_d.add(di)
        drafts[di].timex = timexes[ti]


def _fill(draft: _Draft, doc, text, lang, layout, table, mention_at, published, resolve_expression,
          resolve_pronoun) -> None:
    trigger = draft.triggers[0]
    draft.anaphoric = draft.timex is None and all(_is_anaphoric(t) for t in draft.triggers)
    draft.status = _status(trigger, text[draft.sentence[0]:draft.sentence[1]])
    if draft.timex is not None and draft.timex.date:
        tense = "future" if draft.status == "planned" else "past"
        t = resolve_expression(draft.timex.text, published, lang, tense=tense) or draft.timex
        draft.date, draft.precision = t.date, t.precision
        if draft.status != "cancelled" and draft.date and draft.precision == "day":
            if draft.date > published:
                draft.status = "planned"
            elif draft.date < published:
                draft.status = "occurred"
    clause: set[int] = set()
    for trig in draft.triggers:
        clause |= _clause_tokens(trig)
    spans = [(doc[i].idx, doc[i].idx + len(doc[i])) for i in sorted(clause)]
    for start, end in spans:
        key = mention_at(start)
        if key and not layout.in_quote[start] and table.kind(key) in ("person", "organization", "country", "group"):
            draft.participants.setdefault(key, "participant")
    for i in clause:
        tok = doc[i]
        if tok.dep_.startswith("nsubj") and _folded(tok) in _PRONOUNS:
            key = resolve_pronoun(tok.idx, tok.text)
            if key:
                draft.participants.setdefault(key, "agent")
        elif tok.dep_.startswith("nsubj"):
            key = mention_at(tok.idx)
            if key in draft.participants:
                draft.participants[key] = "host" if _lemma(draft.triggers[0]) in ("accueillir", "recevoir", "host") else "agent"
    places = [p for p in table.places if draft.sentence[0] <= p.start < draft.sentence[1] and not layout.in_quote[p.start]]
    in_clause = [p for p in places if any(s <= p.start < e for s, e in spans)]
    pool = in_clause or places
    if pool:
        draft.location = min(pool, key=lambda p: abs(p.start - trigger.idx)).name
    if not draft.participants:
        s, e = draft.sentence
        for m in table.between(s, e, layout):
            if table.kind(m.key) in ("person", "organization", "country", "group"):
                draft.participants.setdefault(m.key, "participant")
        draft.confidence = 0.5
    if len(draft.triggers) > 1:
        draft.confidence = min(0.9, draft.confidence + 0.1)


def _compatible_location(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def _absorb(into: _Draft, other: _Draft) -> None:
    for key, role in other.participants.items():
        into.participants.setdefault(key, role)
    into.location = into.location or other.location
    into.confidence = min(0.95, into.confidence + 0.05)
    other.merged = True


def _merge(drafts: list[_Draft], published: datetime.date) -> list[_Draft]:
    """The same event reported twice becomes one: references, undated repeats and same-day duplicates."""
    for i, d in enumerate(drafts):
        if not d.anaphoric:
            continue
        for prev in reversed(drafts[:i]):
            if not prev.merged and not prev.anaphoric and GROUP[prev.kind] == GROUP[d.kind] \
                    and _compatible_location(prev.location, d.location):
                _absorb(prev, d)
                break
        else:
            d.merged = True  # "ahead of the summit" with no summit to point at: not an event of its own
    live = [d for d in drafts if not d.merged]
    for d in live:
        if d.date is None and d.status == "planned":
            for other in live:
                if other is not d and not other.merged and other.date and other.status == d.status and \
                        GROUP[other.kind] == GROUP[d.kind] and set(other.participants) & set(d.participants) \
                        and _compatible_location(other.location, d.location):
                    _absorb(other, d)
                    break
    live = [d for d in live if not d.merged]
    for d in live:
        if d.date is None and d.status == "occurred":
            # a report names the day only when it is not today: an undated past event is taken as of publication
            d.date, d.precision, d.date_inferred = published, "day", True
    out: list[_Draft] = []
    for d in live:
        twin = next((o for o in out if GROUP[o.kind] == GROUP[d.kind] and o.date == d.date and o.status == d.status
                     and o.date is not None and not (o.date_inferred and d.date_inferred)
                     and _compatible_location(o.location, d.location)
                     and (set(o.participants) & set(d.participants) or not o.participants or not d.participants
                          or o.location and o.location == d.location)), None)
        if twin:
            _absorb(twin, d)
            if twin.date_inferred and not d.date_inferred:
                twin.date, twin.precision, twin.date_inferred = d.date, d.precision, False
        else:
            out.append(d)
    return out


def _short(table: ActorTable, key: str) -> str:
    actor = table.actors.get(key)
    if actor is None:
        return key
    if actor.kind == "person":
        return actor.name.split()[-1] if " von der " not in actor.name else "von der Leyen"
    return actor.name


_VERB_TITLES = {
    "meeting": ("meet", "meets", "to meet"), "negotiation": ("negotiate", "negotiates", "to negotiate"),
    "call": ("speak by phone", "holds a call", "to speak by phone"), "agreement": ("reach an agreement", "reaches an agreement", "to reach an agreement"),
}


def make_title(kind: str, status: str, names: list[str], location: str | None) -> str:
    """A short human title such as 'Macron and Zelensky meet in Paris'."""
    who = " and ".join(names[:2]) if len(names) <= 2 else ", ".join(names[:2]) + " and others"
    where = f" in {location}" if location else ""
    planned = status == "planned"
    if kind in _VERB_TITLES and names:
        plural, singular, future = _VERB_TITLES[kind]
        verb = future if planned else (plural if len(names) > 1 else singular)
        title = f"{who} {verb}{where}"
    elif kind == "visit" and names:
        title = f"{names[0]} {'to visit' if planned else 'visits'} {location or 'abroad'}"
    elif kind == "press_conference" and names:
        title = f"{names[0]} {'to hold' if planned else 'holds'} a press conference{where}"
    elif kind == "statement" and names:
        title = f"{names[0]} {'to speak' if planned else 'speaks'}" + (f" to {names[1]}" if len(names) > 1 else "")
    elif kind == "announcement" and names:
        title = f"{who} {'to announce' if planned else 'announce' if len(names) > 1 else 'announces'}"
    elif kind == "sanction" and names:
        title = f"{who} {'to impose' if planned else 'impose' if len(names) > 1 else 'imposes'} sanctions"
    elif kind == "military_action":
        title = f"Military action{(' by ' + who) if names else ''}{where}"
    else:
        title = f"{kind.replace('_', ' ').capitalize()}{(' of ' + who) if names else ''}{where}"
    if status == "cancelled":
        title += " (cancelled)"
    return title[:1].upper() + title[1:]


def _finish(drafts: list[_Draft], text: str, table: ActorTable, published: datetime.date) -> list[Event]:
    events = []
    for d in drafts:
        keys = sorted(d.participants, key=lambda k: (table.kind(k) != "person", list(table.actors).index(k) if k in table.actors else 0))
        names = [_short(table, k) for k in keys if table.kind(k) == "person"] or [_short(table, k) for k in keys]
        s, e = d.sentence
        date_part = d.date.isoformat() if d.date else "undated"
        dedup = f"{GROUP[d.kind]}|{date_part}|{(d.location or '').lower()}|{'+'.join(sorted(keys)[:4])}"
        events.append(Event(
            kind=d.kind, plover=PLOVER[d.kind], title=make_title(d.kind, d.status, names, d.location),
            date=d.date, precision=d.precision if d.date else "unknown", status=d.status, location=d.location,
            participants=[Participant(k, d.participants[k]) for k in keys], evidence_start=s, evidence_end=e,
            evidence_text=text[s:e], confidence=d.confidence - (0.2 if d.date_inferred else 0.0),
            dedup_key=dedup, date_inferred=d.date_inferred))
    return events
