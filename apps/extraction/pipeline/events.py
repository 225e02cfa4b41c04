"""Events: trigger words in each sentence, with kind, date, status, location and participants."""
from __future__ import annotations

import bisect
import datetime
import functools
import re
from dataclasses import dataclass, field

from spacy.attrs import LEMMA, ORTH

from .actors import ActorTable
from .gazetteer import fold
from .layout import Layout
from .records import Event, Participant

KINDS = ("meeting", "call", "visit", "press_conference", "statement", "negotiation", "agreement", "announcement",
         "sanction", "military_action", "other")
# PLOVER (successor of CAMEO): meetings, calls, visits and negotiations are CONSULT (CAMEO 04x); an agreement is
# AGREE; sanctions are SANCTION (CAMEO 16); armed force is ASSAULT (CAMEO 18-20). PLOVER dropped CAMEO 01
# "make public statement", so statements, press conferences and announcements have no PLOVER category. The one
# "other" event read is a prisoner exchange: the release of persons, RETREAT (CAMEO 0841).
PLOVER = {"meeting": "CONSULT", "call": "CONSULT", "visit": "CONSULT", "negotiation": "CONSULT",
          "agreement": "AGREE", "sanction": "SANCTION", "military_action": "ASSAULT",
          "press_conference": None, "statement": None, "announcement": None, "other": "RETREAT"}
GROUP = {"meeting": "meet", "negotiation": "meet", "call": "call", "visit": "visit", "press_conference": "say",
         "statement": "say", "announcement": "say", "agreement": "agree", "sanction": "sanction",
         "military_action": "force", "other": "other"}

NOUNS = {
    "fr": {"reunion": "meeting", "reunions": "meeting", "sommet": "meeting", "rencontre": "meeting",
           "discussions": "meeting", "entretien": "meeting", "entretiens": "meeting", "tete-a-tete": "meeting",
           "visioconference": "meeting", "audience": "meeting", "pourparlers": "negotiation", "negociations": "negotiation",
           "negociation": "negotiation", "visite": "visit", "deplacement": "visit", "appel": "call",
           "conference": "press_conference", "point": "press_conference", "interview": "statement",
           "sanctions": "sanction", "frappe": "military_action", "frappes": "military_action",
           "attaque": "military_action", "bombardement": "military_action", "bombardements": "military_action",
           "offensive": "military_action", "accord": "agreement", "cote": "meeting", "cotes": "meeting",
           "surtaxe": "sanction", "surtaxes": "sanction", "droits": "sanction", "echange": "other",
           "echanges": "other"},
    "en": {"meeting": "meeting", "meetings": "meeting", "summit": "meeting", "talks": "meeting",
           "discussions": "meeting", "clash": "meeting", "bust-up": "meeting", "negotiations": "negotiation",
           "visit": "visit", "trip": "visit", "call": "call", "conference": "press_conference",
           "briefing": "press_conference", "interview": "statement", "sanctions": "sanction",
           "strike": "military_action", "strikes": "military_action", "attack": "military_action",
           "attacks": "military_action", "offensive": "military_action", "agreement": "agreement",
           "deal": "agreement", "alongside": "meeting", "tariff": "sanction", "tariffs": "sanction",
           "exchange": "other", "exchanges": "other", "swap": "other", "swaps": "other"},
}
VERBS = {
    "fr": {"rencontrer": "meeting", "reunir": "meeting", "accueillir": "meeting", "recevoir": "meeting",
           "rejoindre": "meeting", "entretenir": "meeting", "telephoner": "call",
           "appeler": "call", "rendre": "visit", "visiter": "visit", "arriver": "visit", "attendre": "visit",
           "negocier": "negotiation", "signer": "agreement", "sanctionner": "sanction",
           "annoncer": "announcement", "frapper": "military_action", "bombarder": "military_action",
           "echanger": "other"},
    "en": {"meet": "meeting", "host": "meeting", "gather": "meeting", "receive": "meeting",
           "join": "meeting", "phone": "call", "call": "call", "speak": "call", "visit": "visit", "travel": "visit",
           "arrive": "visit", "expect": "visit", "negotiate": "negotiation", "sign": "agreement", "agree": "agreement",
           "sanction": "sanction", "announce": "announcement", "strike": "military_action",
           "attack": "military_action", "bomb": "military_action", "exchange": "other", "swap": "other"},
}
_NEGATION = {"absence", "hypothese", "cas", "sans", "without", "no", "pas", "jamais", "never", "refus", "refuse",
             "refused", "if", "si", "unless", "whether", "menace", "threat", "threatened", "menace", "eventuel",
             "eventuelle", "possible", "potential", "any", "tout", "toute", "aucun", "aucune"}
_NEGATING_HEADS = {"absence", "hypothese", "sans", "without", "refus", "lack", "absence", "instead"}
_NOUNISH_DEPS = {"pobj", "dobj", "nsubj", "obj", "obl", "nmod", "conj", "nsubjpass", "attr"}
_DEFINITE = {"le", "la", "les", "l'", "du", "au", "aux", "ce", "cet", "cette", "ces", "son", "sa", "ses", "leur",
             "leurs", "the", "this", "that", "these", "his", "her", "their", "its"}
_FUTURE = re.compile(r"\b(?:prevue?s?|doit|doivent|devrait|devraient|pourrait|pourraient|va|vont|attendue?s?|envisagee?s?|prochaine?s?|"
                     r"will|shall|would|to be held|expected|due|plans?|planned|scheduled|upcoming|next|set to|"
                     r"is to|are to|souhaite|veut|voulait|wants)\b")
# "un temps annoncée pour début octobre", "scheduled for March": the date a called-off event was set for
_SET_FOR = re.compile(r"\b(?:annoncee?s?|prevue?s?|programmee?s?|fixee?s?|envisagee?s?|scheduled|planned|set|slated|"
                      r"due|announced)\s+(?:pour|au|a|for|on|in)\s+(?:le\s+|la\s+|l'|the\s+)?$")
_CANCELLED = re.compile(r"\b(?:annulee?s?|annule|cancel(?:l)?ed|called off|scrapped|calls? off)\b")
_FUT_VERB = re.compile(r"(?:rai|ras|ra|rons|rez|ront|rait|raient)$")
_CLAUSE_DEPS = {"advcl", "acl:relcl", "relcl", "ccomp", "csubj", "parataxis"}
_SANCTION_VERBS = {"imposer", "annoncer", "adopter", "approuver", "decider", "prendre", "durcir", "impose",
                   "announce", "adopt", "approve", "unveil", "slap", "target", "levy", "introduce", "decreter",
                   "presenter", "proposer", "devoiler", "present", "propose", "roll"}
# The only "other" events Parley reads: prisoners (or captives, or the dead) handed over both ways.
# PLOVER files the release of persons under RETREAT (CAMEO 0841).
_CAPTIVES = re.compile(r"\b(?:prisonn\w*|prisoners?|pows?|captives?|captifs?|detenus?|detainees?|otages?|hostages?|"
                       r"civils|civilians|corps|bodies)\b")
_AGREE_OK = {"signer", "conclure", "parvenir", "sign", "reach", "strike", "seal", "conclude", "agree"}
_APPEARANCE = {"exprimer", "parler", "declarer", "dire", "apparaitre", "tenir", "intervenir", "adresser", "poser",
               "speak", "appear", "stand", "say", "address", "talk"}
_SPEECH_LEMMAS = {"declarer", "dire", "affirmer", "ajouter", "indiquer", "souligner", "estimer", "expliquer",
                  "assurer", "preciser", "annoncer", "rappeler", "say", "tell", "add", "state", "note", "stress",
                  "warn", "explain", "suggest", "announce", "confirm", "savoir"}
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
    spans: list = field(default_factory=list)  # character spans of the clause tokens


def _folded(token) -> str:
    return _fold_word(token.text)


def _lemma(token) -> str:
    return _fold_word(token.lemma_)


@functools.lru_cache(maxsize=65536)
def _fold_word(word: str) -> str:
    return fold(word)


_ANY_TRIGGER = {lang: set(NOUNS[lang]) | set(VERBS[lang]) | {"tell", "say", "speak", "told", "said"} for lang in NOUNS}
# Whether a word form (by its spaCy string id) or a lemma may be a trigger, per language: worked
# out once per distinct word of the vocabulary rather than once per token.
_FORM_MAY_TRIGGER: dict[str, dict[int, bool]] = {lang: {} for lang in NOUNS}
_LEMMA_MAY_TRIGGER: dict[str, dict[int, bool]] = {lang: {} for lang in NOUNS}


def _maybe_triggers(doc, lang: str) -> list[int]:
    """Indices of the tokens _trigger_kind does not turn down at once (a trigger by form or lemma),
    read from the doc's id arrays."""
    words, strings = _ANY_TRIGGER[lang], doc.vocab.strings
    forms, lemmas = _FORM_MAY_TRIGGER[lang], _LEMMA_MAY_TRIGGER[lang]
    out = []
    for i, (orth, lemma) in enumerate(doc.to_array([ORTH, LEMMA]).tolist()):
        form_ok = forms.get(orth)
        if form_ok is None:
            form_ok = forms[orth] = _fold_word(strings[orth]) in words
        lemma_ok = lemmas.get(lemma)
        if lemma_ok is None:
            folded = _fold_word(strings[lemma]) if lemma else ""
            lemma_ok = lemmas[lemma] = folded in words or folded in _SPEECH_LEMMAS
        if form_ok or lemma_ok:
            out.append(i)
    return out


def _trigger_kind(token, lang: str, sent_folded: str, table: ActorTable, mention_at) -> str | None:
    """The event kind a token announces in its sentence, or None."""
    text, lemma = _folded(token), _lemma(token)
    if text not in _ANY_TRIGGER[lang] and lemma not in _ANY_TRIGGER[lang] and lemma not in _SPEECH_LEMMAS:
        return None  # most tokens: decided without looking around
    nxt = [_folded(t) for t in token.doc[token.i + 1:token.i + 4]]
    prv = [_folded(t) for t in token.doc[max(0, token.i - 3):token.i]]
    kind = None
    if token.pos_ in ("NOUN", "PROPN", "ADP", "ADV"):
        kind = NOUNS[lang].get(text) or (NOUNS[lang].get(lemma) if token.pos_ == "NOUN" else None)
    elif token.pos_ == "VERB":
        kind = VERBS[lang].get(lemma)
        if kind is None and token.dep_ in _NOUNISH_DEPS:
            kind = NOUNS[lang].get(text)  # a noun the tagger took for a verb ("an Oval Office clash")
    if lang == "en" and lemma in ("tell", "say", "speak") or lang == "fr" and lemma in _SPEECH_LEMMAS:
        # "Witkoff told CNN's State of the Union": an interview is a public statement
        if any(mention_at(t.idx) and table.actors.get(mention_at(t.idx)) and table.actors[mention_at(t.idx)].media
               for c in token.children if c.dep_ in ("dobj", "obj", "iobj", "dative", "obl", "obl:arg", "prep")
               for t in c.subtree):
            return "statement"
    if kind is None:
        return None
    if lang == "fr":
        if text in ("cote", "cotes"):
            # "s'exprimant aux côtés de X": a joint appearance, so the two met
            appearing = _lemma(token.head) in _APPEARANCE or _lemma(token.head.head) in _APPEARANCE
            return "meeting" if prv[-1:] in (["au"], ["aux"]) and nxt[:1] == ["de"] and appearing else None
        if text == "appel":
            # "un appel en visioconférence", never "un appel en faveur d'une trêve"
            return "call" if nxt[:1] in (["telephonique"], ["avec"], ["video"]) or \
                nxt[:2] in (["en", "video"], ["en", "visio"], ["en", "visioconference"]) else None
        if text in ("conference",):
            return "press_conference" if nxt[:2] == ["de", "presse"] else ("meeting" if nxt[:1] != ["de"] else None)
        if text == "point":
            return "press_conference" if nxt[:2] == ["de", "presse"] else None
        if lemma in ("entretenir",) or text in ("entretien", "entretiens"):
            return "call" if "telephon" in sent_folded else "meeting"
        if lemma == "appeler" and (nxt[:1] in (["a"], ["à"]) or not _object_is_actor(token, mention_at)):
            return None  # "appeler à" is to call for, not to phone
        if lemma == "rendre" and not (prv[-1:] in (["se"], ["s"]) or "s'" in prv[-2:] or "se" in prv):
            return None
        if lemma in ("arriver", "attendre") and not (re.search(r"\b(?:a|en|au)\s+[A-Z]", token.doc[token.i:token.i + 6].text)
                                                   or re.search(r"\b(?:a|en|au)\s", " ".join(nxt))):
            return None
        if lemma == "attendre" and not ("attendu" in text):
            return None
        if lemma == "rejoindre" and not _object_is_actor(token, mention_at, ("person", "group"), table):
            return None  # "rejoindre l'Otan" is membership, not a meeting
        if text == "accord" and not any(_lemma(t) in _AGREE_OK and t.i < token.i and _past_finite(t) for t in token.sent):
            return None
    else:
        if text in ("call", "calls"):
            held = any(_lemma(t) in ("hold", "have") for t in token.doc[max(token.sent.start, token.i - 7):token.i])
            if token.pos_ == "NOUN" and not (prv[-1:] in (["phone"], ["video"], ["telephone"], ["conference"])
                                             or nxt[:1] in (["with"], ["between"]) or held
                                             or "phone" in prv or _lemma(token.head) in ("hold", "have", "host", "chair")):
                return None
        if lemma == "call" and token.pos_ == "VERB":
            if nxt[:1] in (["for"], ["on"], ["off"], ["it"]) or not _object_is_actor(token, mention_at, ("person", "country", "organization", "group"), table):
                return None  # "called off", "call for", "calling it": no phone call
        if text == "conference":
            return "press_conference" if prv[-1:] in (["press"], ["news"]) else "meeting"
        if text == "briefing" and prv[-1:] not in (["press"], ["news"]):
            return None
        if lemma == "speak":
            after = [_folded(t) for t in token.doc[token.i + 1:token.i + 5]]
            if "with" not in after and not ("to" in after and "phone" in sent_folded):
                return None
        if lemma in ("expect", "arrive", "travel") and not re.search(r"\b(?:in|to|at)\b", " ".join(nxt)):
            return None
        if lemma == "agree" and not nxt[:1] in (["to"], ["on"]):
            return None
        if text in ("agreement", "deal") and not any(_lemma(t) in _AGREE_OK and _past_finite(t) for t in token.sent):
            return None
        if text in ("clash", "bust-up") and not any(table.kind(mention_at(t.idx) or "") == "person" for t in token.subtree):
            return None
        if lemma == "join" and not _object_is_actor(token, mention_at, ("person", "group"), table):
            return None
        if text == "alongside" and not (any(mention_at(t.idx) for t in token.doc[token.i + 1:token.i + 3])
                                        and (_lemma(token.head) in _APPEARANCE or _lemma(token.head.head) in _APPEARANCE)):
            return None
    if kind == "sanction" and text == "droits" and nxt[:2] != ["de", "douane"]:
        return None
    if kind == "other" and not (_CAPTIVES.search(sent_folded) and (token.pos_ == "VERB" or any(
            _CAPTIVES.match(_folded(t)) for t in token.doc[max(0, token.i - 3):token.i + 6]))):
        return None  # a prisoner exchange, "146 prisoners of war each were swapped"; not an exchange of views
    if kind == "sanction" and token.pos_ == "NOUN":
        if not any(_lemma(t) in _SANCTION_VERBS for t in token.sent):
            return None
    if kind == "announcement":
        subj = [c for c in token.children if c.dep_.startswith("nsubj")]
        keys = [mention_at(t.idx) for s in subj for t in s.subtree]
        if not subj:  # a parse that lost the subject: the names that open the paragraph's sentence
            first = token.i
            while first > 0 and "\n" not in token.doc[first - 1].text + token.doc[first - 1].whitespace_ \
                    and token.doc[first - 1].text not in (".", "!", "?"):
                first -= 1
            keys = [mention_at(t.idx) for t in token.doc[first:token.i]
                    if t.pos_ == "PROPN" and t.dep_ not in ("obl", "obl:mod", "nmod")]
        if not any(k and table.kind(k) in ("country", "organization", "group") for k in keys):
            return None  # a person announcing is reported speech, not an event
    if kind == "meeting" and lemma in ("recevoir", "accueillir", "host", "receive"):
        # one hosts people: "receive guarantees from Washington" is no meeting
        objects = [c for c in token.children if c.dep_ in ("obj", "dobj")]
        objects += [cc for c in objects for cc in c.children if cc.dep_ == "conj"]
        if not any(table.kind(mention_at(c.idx) or "") in ("person", "group") for c in objects) \
                and not _hosts_relative_antecedent(token, table, mention_at):
            return None
    return kind


def _hosts_relative_antecedent(token, table: ActorTable, mention_at) -> bool:
    """"… avec Volodymyr Zelensky, qu'il avait reçu le 3 septembre": the person before "que" is the guest."""
    rel = next((c for c in token.children if _folded(c) in ("que", "qu'", "qu’", "whom", "who")), None)
    if rel is None or rel.i >= token.i:
        return False
    before = rel.i - 1
    while before >= 0 and token.doc[before].is_punct:
        before -= 1
    return before >= 0 and table.kind(mention_at(token.doc[before].idx) or "") in ("person", "group")


def _object_is_actor(token, mention_at, kinds=None, table=None) -> bool:
    """Whether the verb's object (or agent) names an actor, of the given kinds when asked."""
    def ok(t) -> bool:
        key = mention_at(t.idx)
        return bool(key) and (kinds is None or table.kind(key) in kinds)
    deps = ("obj", "dobj", "iobj", "obl", "obl:arg", "obl:agent", "agent", "prep", "pobj")
    return any(ok(t) for c in token.children if c.dep_ in deps for t in c.subtree) or \
        any(ok(t) for t in token.doc[token.i + 1:token.i + 4])


def _past_finite(token) -> bool:
    """'ont signé', 'signed', 'reached': a done act, not 'pour parvenir à' or 'to reach'."""
    if "Inf" in token.morph.get("VerbForm") or token.tag_ in ("VB", "VBG"):
        return False
    return token.i == 0 or _folded(token.doc[token.i - 1]) not in ("pour", "to", "de", "d'")


def _negated(token) -> bool:
    tokens = list(token.doc[max(token.sent.start, token.i - 6):token.i])
    # a word of another clause does not negate this one: "before discussing any concessions when he
    # meets Putin"; the subordinator itself counts ("if he meets")
    opens = [k for k, t in enumerate(tokens) if t.pos_ == "SCONJ" or t.text in (",", ";")]
    window = [_folded(t) for t in tokens[opens[-1] if opens else 0:]]
    if any(w in _NEGATION for w in window):
        return True
    head = token
    for _ in range(4):  # "l'absence d'avancée vers la tenue de négociations"
        if head.head.i == head.i or head.dep_ in _CLAUSE_DEPS:
            break
        head = head.head
        if _folded(head) in _NEGATING_HEADS:
            return True
    return False


def _is_anaphoric(token) -> bool:
    if token.pos_ != "NOUN" or _folded(token) in ("cote", "cotes"):
        return False
    dets = [_folded(c) for c in token.children if c.dep_ in ("det", "nmod:poss", "poss")]
    prev = _folded(token.doc[token.i - 1]) if token.i > 0 else ""
    prev2 = _folded(token.doc[token.i - 2]) if token.i > 1 else ""
    return any(d in _DEFINITE for d in dets) or prev in _DEFINITE or (prev2 in _DEFINITE and token.doc[token.i - 1].pos_ == "ADJ")


def _clause_tokens(trigger) -> set[int]:
    """Tokens that can name the event's parties: the trigger's own phrase, and for nouns its verb's subject."""
    keep: set[int] = set()
    is_noun = trigger.pos_ in ("NOUN", "PROPN", "ADP", "ADV")

    def walk(tok, depth: int) -> None:
        keep.add(tok.i)
        for child in tok.children:
            if child.dep_ in _CLAUSE_DEPS and not (is_noun and depth == 0 and child.dep_ != "parataxis"):
                continue  # nested clauses speak of other things, except those describing the trigger noun
            walk(child, depth + 1)
    walk(trigger, 0)
    head = trigger.head
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    has_subject = any(c.dep_.startswith("nsubj") for c in trigger.children)
    speech_head = _lemma(head) in _SPEECH_LEMMAS and _lemma(head) not in ("annoncer", "announce")
    if (is_noun or not has_subject) and head.i != trigger.i and not speech_head:
        for child in head.children:
            if child.dep_.startswith(("nsubj", "obl:agent", "agent")):
                keep.update(t.i for t in child.subtree)
    # "le dirigeant russe, qu'il avait rencontré": the noun a relative clause hangs on takes part too
    if trigger.dep_ in ("acl:relcl", "relcl", "acl", "ccomp") and trigger.head.pos_ in ("NOUN", "PROPN"):
        keep.update(t.i for t in trigger.head.subtree if t.i < trigger.i)
    return keep


def _verb_clause(trigger) -> set[int]:
    """The clause of the verb that governs a trigger, without nested clauses."""
    head = trigger
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    keep: set[int] = set()

    def walk(tok) -> None:
        keep.add(tok.i)
        for child in tok.children:
            if child.dep_ in _CLAUSE_DEPS and not any(t.i == trigger.i for t in child.subtree):
                continue
            walk(child)
    walk(head)
    return keep


def _status(trigger, sentence_text) -> str:
    lo = max(trigger.sent.start, trigger.i - 8)
    in_quote = sentence_text  # a bytearray marking quoted characters
    window = " ".join(_folded(t) for t in trigger.doc[lo:trigger.i + 4] if not in_quote[t.idx])
    near = [trigger.head] + list(trigger.head.children) + list(trigger.children) + [trigger]
    near_text = " ".join(_folded(t) + (" " + _folded(trigger.doc[t.i + 1]) if t.i + 1 < len(trigger.doc) else "")
                         for t in near)
    if _CANCELLED.search(window) or _CANCELLED.search(near_text) or \
            any(_lemma(t) in ("annuler", "cancel", "scrap", "suspendre") for t in near if t.pos_ == "VERB"):
        return "cancelled"
    # a noun takes its verb's tense; an infinitive the tense of the verb it depends on ("pourrait s'entretenir")
    governs = trigger.pos_ == "NOUN" or "Inf" in trigger.morph.get("VerbForm") or trigger.tag_ == "VB"
    verbs = [trigger] + ([trigger.head] if governs else [])
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
    if trigger.pos_ == "NOUN" and any(_future_form(t) for t in trigger.doc[lo:trigger.i] if not in_quote[t.idx]):
        return "planned"  # "coprésideront vendredi une réunion", when the parse lost the verb
    return "occurred"


def _future_form(token) -> bool:
    if token.pos_ not in ("VERB", "AUX"):
        return False
    text = _folded(token)
    return "Fut" in token.morph.get("Tense") or (token.lang_ == "fr" and len(text) > 5 and bool(_FUT_VERB.search(text))
                                                  and not text.endswith(("ra", "ras")))


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


def _linked(a, b) -> bool:
    """Two triggers describe one event when one governs the other directly ("coprésidé … une réunion")."""
    return a.head.i == b.i or b.head.i == a.i


def read_events(doc, text: str, language: str, layout: Layout, table: ActorTable, timexes: list,
                published: datetime.date, resolve_expression, resolve_pronoun, statements=()) -> list[Event]:
    """The events of an article, merged so that one real event is one record."""
    mention_by_char: dict[int, str] = {}
    for m in table.mentions:
        if m.via == "locative":
            continue  # "talks in Saudi Arabia": the country is the place, not a party
        for pos in range(m.start, m.end):
            mention_by_char.setdefault(pos, m.key)
    mention_at = mention_by_char.get
    countries = {a.name for a in table.actors.values() if a.kind == "country"}
    drafts: list[_Draft] = []
    maybe = _maybe_triggers(doc, language)
    for sent in doc.sents:
        # Only the words that may be triggers: building a Token object for every word of the
        # article cost more than everything else events do.
        sent_tokens = [doc[i] for i in maybe[bisect.bisect_left(maybe, sent.start):bisect.bisect_left(maybe, sent.end)]]
        if not sent_tokens:
            continue
        for s, e in _segments(sent, layout):
            para = layout.paragraph_at(s)
            if para is None or para.heading or para.byline or para.credit:
                continue
            seg_folded = fold(text[s:e])
            local: list[_Draft] = []
            for token in sent_tokens:
                if not (s <= token.idx < e) or layout.in_quote[token.idx] or layout.is_excluded(token.idx, token.idx + 1):
                    continue
                kind = _trigger_kind(token, language, seg_folded, table, mention_at)
                if kind is None or _negated(token):
                    continue
                twin = next((d for d in local if GROUP[d.kind] == GROUP[kind]
                             and (GROUP[kind] == "say" or any(_linked(t, token) for t in d.triggers))), None)
                if twin:
                    twin.triggers.append(token)
                else:
                    local.append(_Draft(kind, [token], sentence=(s, e)))
            local = _fold_linked(local)
            if not local:
                continue
            # the dateline's date ("HELSINKI, 8 September (Parley) –") is when the story was filed
            _assign_timexes(local, [t for t in timexes if s <= t.start < e and t.date and not layout.in_quote[t.start]
                                    and not layout.is_excluded(t.start, t.end)], doc, text)
            for draft in local:
                _fill(draft, doc, text, language, layout, table, mention_at, published, resolve_expression,
                      resolve_pronoun, statements)
            for draft in local:
                if draft.location is None and draft.kind in ("meeting", "visit") and \
                        any(t.pos_ == "VERB" for t in draft.triggers):
                    # "seront rejoints … venus à Washington": the one place of the sentence no other event claims
                    free = [p for p in table.places if s <= p.start < e and not layout.in_quote[p.start]
                            and not any(a <= p.start < b for o in local if o is not draft for a, b in o.spans)]
                    if len({p.name for p in free}) == 1:
                        draft.location = free[0].name
                if _is_generic(draft, countries):
                    continue
                drafts.append(draft)
    return _finish(_merge(drafts, published, table.metonyms), text, table, published)


def _fold_linked(local: list[_Draft]) -> list[_Draft]:
    """'announced sanctions' is a sanction; 'travel to Kyiv to meet officials' is one visit."""
    absorbing = {("say", "sanction"): "sanction", ("say", "agree"): "agree", ("meet", "visit"): "visit",
                 ("say", "force"): "force"}
    out = list(local)
    for a in local:
        for b in local:
            if a is b or a not in out or b not in out:
                continue
            winner = absorbing.get((GROUP[a.kind], GROUP[b.kind]))
            if winner and GROUP[b.kind] == winner and any(_linked(x, y) or x.head.i == y.head.i
                                                          for x in a.triggers for y in b.triggers):
                b.triggers.extend(a.triggers)
                out.remove(a)
    return out


def _is_generic(draft: _Draft, countries: set[str] = frozenset()) -> bool:
    """Talk about talks in general ("des discussions depuis des mois"), or an event with nothing to pin it on."""
    nouns = all(t.pos_ == "NOUN" for t in draft.triggers)
    # "la guerre en Ukraine via des négociations": a whole country is no venue for one event
    located = draft.location is not None and draft.location not in countries
    if draft.timex is None and draft.kind == "military_action" and nouns:
        return True
    if draft.timex is None and not located and not draft.anaphoric and nouns and GROUP[draft.kind] == "meet" \
            and all("Plur" in t.morph.get("Number") or _folded(t) in ("talks", "pourparlers", "discussions", "negociations")
                    for t in draft.triggers):
        return True
    return not draft.participants and not draft.location and draft.timex is None and not draft.anaphoric


def _assign_timexes(drafts: list[_Draft], timexes: list, doc, text: str) -> None:
    """Each date expression goes to the event it belongs to: syntax first, then distance; one per event."""
    pairs = []
    if not timexes:
        return
    # "depuis 2022", "since March" open a span of time; they do not date the event
    timexes = [t for t in timexes if not re.search(r"(?:depuis|since|jusqu'(?:a|à|au)|until|till)\s+(?:le\s+|la\s+|l')?$",
                                                     text[max(0, t.start - 14):t.start].lower())]
    for ti, t in enumerate(timexes):
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None:
            continue
        chain = []
        tok = span.root
        for _ in range(6):
            chain.append(tok.i)
            if tok.head.i == tok.i or (tok.dep_ in _CLAUSE_DEPS and tok.pos_ in ("VERB", "AUX")):
                if tok.dep_ in ("acl", "acl:relcl", "relcl") and tok.head.i != tok.i:
                    chain.append(tok.head.i)  # "le sommet organisé le 15 août": the noun the clause describes
                break  # a date belongs to its own clause, not to the verb that reports it
            tok = tok.head
        first_verb = next((doc[i] for i in chain[1:] if doc[i].pos_ in ("VERB", "AUX")), None)
        # "a prévenu vendredi que…", "said on Tuesday that…": the date of the saying. A date far
        # from the speech verb sits in what was said ("…coprésideront vendredi une réunion…, a
        # annoncé mardi l'Élysée"), where a parse often hangs it on the speech verb all the same.
        speech_head = (first_verb is not None and _lemma(first_verb) in _SPEECH_LEMMAS
                       and abs(first_verb.i - span.root.i) <= 6)
        for di, d in enumerate(drafts):
            best = min(abs(trig.idx - t.start) for trig in d.triggers)
            linked = any(trig.i in chain for trig in d.triggers)
            sibling = any(trig.head.i == span.root.head.i and trig.i != trig.head.i for trig in d.triggers)
            if not linked and not sibling and ((speech_head and GROUP[d.kind] != "say")
                                               or all(_is_anaphoric(trig) for trig in d.triggers)):
                continue
            pairs.append((0 if linked else 1 if sibling else 2, best, ti, di))
    used_t, used_d = set(), set()
    for _, _, ti, di in sorted(pairs):
        if ti in used_t or di in used_d:
            continue
        used_t.add(ti)
        used_d.add(di)
        drafts[di].timex = timexes[ti]


def _fill(draft: _Draft, doc, text, lang, layout, table, mention_at, published, resolve_expression,
          resolve_pronoun, statements=()) -> None:
    trigger = draft.triggers[0]
    draft.anaphoric = draft.timex is None and all(_is_anaphoric(t) for t in draft.triggers)
    draft.status = _status(trigger, layout.in_quote)
    if draft.timex is not None and draft.timex.date:
        lo = max(trigger.sent.start, trigger.i - 8)
        cue = " ".join(_folded(t) for t in doc[lo:trigger.i + 10])
        planned = draft.status == "planned" or (draft.status == "cancelled" and (
            _FUTURE.search(cue) or _SET_FOR.search(fold(text[max(0, draft.timex.start - 40):draft.timex.start]))))
        tense = "future" if planned else "past"
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
    short_quotes = [(q.outer_start, q.outer_end) for q in layout.quotes if len(text[q.start:q.end].split()) <= 6]
    for start, end in spans:
        key = mention_at(start)
        quoted = layout.in_quote[start] and not any(a <= start < b for a, b in short_quotes)
        if key and not quoted and table.kind(key) in ("person", "organization", "country", "group"):
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
    pool = [p for p in places if any(s <= p.start < e for s, e in spans)]
    if not pool:
        context = _verb_clause(trigger)
        pool = [p for p in places if any(doc[i].idx <= p.start < doc[i].idx + len(doc[i]) + 1 for i in context)]
    draft.spans = spans
    if pool:
        draft.location = min(pool, key=lambda p: abs(p.start - trigger.idx)).name
    if not draft.participants and trigger.pos_ == "NOUN":
        # "Rubio and Lavrov held what officials described as a productive call": the subject higher up
        verb, climbs = trigger.head, 0
        while climbs < 3 and verb.head.i != verb.i:
            if verb.pos_ in ("VERB", "AUX") and _lemma(verb) not in _SPEECH_LEMMAS:
                subjects = [c for c in verb.children if c.dep_.startswith("nsubj")]
                for subj in subjects:
                    for tok in subj.subtree:
                        key = mention_at(tok.idx)
                        if key and table.kind(key) in ("person", "organization", "country", "group"):
                            draft.participants.setdefault(key, "participant")
                if draft.participants:
                    break
            verb, climbs = verb.head, climbs + 1
    if draft.location is None and draft.kind == "visit":
        # "visit Washington": the capital is where one goes, not the government
        objects = [m for m in table.metonyms if any(s <= m.start < e for s, e in spans) and m.start > trigger.idx]
        if objects:
            draft.location = objects[0].name
    if GROUP[draft.kind] == "say" and draft.timex is None:
        dated = [st for st in statements if st.date and st.date != published and
                 st.sentence_start <= draft.sentence[0] < st.sentence_end + 1 and st.speaker]
        if dated:  # a news conference is dated by what was said there
            draft.date, draft.precision = dated[0].date, dated[0].date_precision
    if GROUP[draft.kind] == "say":
        # "a-t-il dit lors d'une conférence de presse": the speaker of the sentence holds it
        for st in statements:
            if st.speaker and draft.sentence[0] <= st.sentence_start < draft.sentence[1] + 1 or \
                    st.speaker and st.sentence_start <= draft.sentence[0] < st.sentence_end:
                draft.participants.setdefault(st.speaker, "agent")
                break
        for m in table.between(*draft.sentence, layout):
            actor = table.actors.get(m.key)
            if actor and actor.media:
                draft.participants.setdefault(m.key, "target")
    if not draft.participants:
        draft.confidence = 0.5
    if len(draft.triggers) > 1:
        draft.confidence = min(0.9, draft.confidence + 0.1)


def _compatible_location(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def _absorb(into: _Draft, other: _Draft) -> None:
    into.triggers = into.triggers + [t for t in other.triggers if t not in into.triggers]
    for key, role in other.participants.items():
        into.participants.setdefault(key, role)
    into.location = into.location or other.location
    into.confidence = min(0.95, into.confidence + 0.05)
    other.merged = True


def _merge(drafts: list[_Draft], published: datetime.date, metonyms=()) -> list[_Draft]:
    """The same event reported twice becomes one: references, undated repeats and same-day duplicates."""
    for i, d in enumerate(drafts):
        if not d.anaphoric:
            continue
        candidates = [p for p in reversed(drafts[:i]) if not p.merged and not p.anaphoric
                      and GROUP[p.kind] == GROUP[d.kind] and _compatible_location(p.location, d.location)]
        # "la réunion de Londres": the city names the meeting it refers to, not a party to it
        named = {m.name for m in metonyms if any(a <= m.start < b for a, b in d.spans)}
        same_place = [p for p in candidates if p.location and (p.location == d.location or p.location in named)]
        sharing = [p for p in candidates if set(p.participants) & set(d.participants)]
        target = (same_place or sharing or candidates or [None])[0]
        if target is not None:
            _absorb(target, d)
        elif d.location and len(d.participants) >= 2:
            d.anaphoric = False  # "Merz hosted the video call in Berlin with Zelensky": the first report of it
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
        if d.date is None and d.status != "cancelled":
            # a report names the day only when it is not today: an undated event is taken as of publication,
            # flagged as inferred so that editors see it was not read from the text
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
        words = actor.name.split()
        if " von der " in actor.name:
            return "von der Leyen"
        if re.fullmatch(r"[IVXL]+", words[-1]) or words[0] in ("Pope", "King", "Queen", "Prince"):
            return actor.name  # "Pope Leo XIV", not "XIV"
        return words[-1]
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
        title = f"Military action{(' involving ' + who) if names else ''}{where}"
    elif kind == "other":  # prisoner exchanges, the only "other" events read
        title = f"{'Planned prisoner' if planned else 'Prisoner'} exchange" + (f" between {who}" if names else "") + where
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
        # the same event in another report: same kind of event, day, place and main people
        date_part = (d.date.isoformat() + ("~" if d.date_inferred else "")) if d.date else "undated"
        people = sorted(k for k in keys if table.kind(k) == "person")[:2] or sorted(keys)[:2]
        dedup = f"{GROUP[d.kind]}|{date_part}|{(d.location or '').lower()}|{','.join(people)}"
        events.append(Event(
            kind=d.kind, plover=PLOVER[d.kind], title=make_title(d.kind, d.status, names, d.location),
            date=d.date, precision=d.precision if d.date else "unknown", status=d.status, location=d.location,
            participants=[Participant(k, d.participants[k]) for k in keys], evidence_start=s, evidence_end=e,
            evidence_text=text[s:e], confidence=d.confidence - (0.2 if d.date_inferred else 0.0),
            dedup_key=dedup, date_inferred=d.date_inferred, trigger_offsets=sorted(t.idx for t in d.triggers)))
    return events
