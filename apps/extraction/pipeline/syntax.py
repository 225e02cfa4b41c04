"""Reading the dependency parse: who did what, with whom, and whether it is denied or only future.

The stages ask the same questions in both languages; only the label sets differ. The English
model uses ClearNLP labels (nsubj, dobj, prep → pobj, agent, neg); the French one Universal
Dependencies (nsubj, obj, obl + case, obl:agent, advmod with Polarity=Neg). Every helper takes
and returns spaCy tokens and never raises on an odd parse: a parse that collapsed gives empty
answers, and the caller falls back on what it can read from the surface.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Token

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "nsubj:pass", "csubj", "csubjpass", "expl:subj"})
OBJECT_DEPS = frozenset({"dobj", "obj", "iobj", "dative", "attr", "obl:arg"})
# A clause starts below one of these: what it holds belongs to its own verb, not to its head's.
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "acl", "relcl", "acl:relcl", "parataxis", "csubj",
                         "csubj:pass"})
RELATIVE_DEPS = frozenset({"relcl", "acl:relcl"})
_VERBAL = frozenset({"VERB", "AUX"})
# French negation adverbs that spaCy does not always mark Polarity=Neg.
_FR_NEGATORS = frozenset({"pas", "jamais", "aucun", "aucune", "nullement", "guere", "guère", "point"})
_EN_FUTURE_AUX = frozenset({"will", "shall", "'ll"})
_EN_CONDITIONAL_AUX = frozenset({"would", "could", "might", "may", "should", "'d"})


# A word's morphological features by (analysis, feature). spaCy parses a token's analysis string anew on
# every `token.morph.get(…)` (2 µs, more than the rest of most rules); a text has a few hundred distinct
# analyses, each parsed once per feature here.
_FEATURES: dict[tuple[int, str], list[str]] = {}


def morph(token: Token, feature: str) -> list[str]:
    """`token.morph.get(feature)`: the values of one feature ("Tense" → ["Past"]), read once per analysis.
    The list is shared: read it, never change it."""
    analysis = token.morph
    key = (analysis.key, feature)
    values = _FEATURES.get(key)
    if values is None:
        values = _FEATURES[key] = analysis.get(feature)
    return values


def conjuncts(token: Token) -> list[Token]:
    """A token and the tokens coordinated with it ("Macron, Starmer and Merz": all three)."""
    out = [token]
    for child in token.children:
        if child.dep_ == "conj" and child.pos_ not in _VERBAL:
            out += conjuncts(child)
    return out


def _expand(tokens: Iterable[Token]) -> list[Token]:
    out: list[Token] = []
    for token in tokens:
        for t in conjuncts(token):
            if t not in out:
                out.append(t)
    return out


def subjects(verb: Token) -> list[Token]:
    """The grammatical subjects of a verb or predicate noun, with their conjuncts.

    A subject is shared by a coordinated verb ("X met Y and signed…"), a controlled infinitive
    ("X wants to meet Y", "X is due to meet Y") and a relative clause's antecedent ("Zelensky, who met Y").
    """
    token = verb
    for _ in range(5):
        found = [c for c in token.children if c.dep_ in SUBJECT_DEPS]
        if found and token.dep_ in RELATIVE_DEPS and all(_relative_pronoun(f) for f in found):
            return _expand([token.head])  # "who", « qui »: the noun the clause describes
        if found:
            return _expand(found)
        if token.dep_ in RELATIVE_DEPS:
            return _expand([token.head])
        if token.dep_ in ("conj", "xcomp", "acomp") and token.head.i != token.i:
            token = token.head
            continue
        break
    return []


def _relative_pronoun(token: Token) -> bool:
    return "Rel" in morph(token, "PronType") or token.lower_ in ("who", "which", "that", "qui", "lequel", "laquelle")


def passive_agent(verb: Token) -> list[Token]:
    """The doer of a passive verb ("was hosted by Erdogan", « reçu par Macron »)."""
    found = []
    for child in verb.children:
        if child.dep_ == "agent":
            found += [c for c in child.children if c.dep_ == "pobj"]
        elif child.dep_ == "obl:agent":
            found.append(child)
    return _expand(found)


def objects(verb: Token) -> list[Token]:
    """The direct and indirect objects of a verb, with their conjuncts."""
    return _expand(c for c in verb.children if c.dep_ in OBJECT_DEPS)


def prepositional(token: Token, prepositions: Iterable[str]) -> list[Token]:
    """The nouns a token governs through one of these prepositions ("with X", « avec X »)."""
    preps = frozenset(p.lower() for p in prepositions)
    found = []
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            found += [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
        elif child.dep_ in ("obl", "obl:mod", "obl:arg", "nmod", "obl:agent") and any(
                c.dep_ == "case" and c.lower_ in preps for c in child.children):
            found.append(child)
    return _expand(found)


def negated(token: Token) -> bool:
    """Whether the parse denies this predicate ("did not meet", « ne rencontrera pas »)."""
    for child in token.children:
        if child.dep_ == "neg":
            return True
        if child.dep_ == "advmod" and child.lower_ in _FR_NEGATORS:
            return True
        if child.dep_ == "advmod" and "Neg" in morph(child, "Polarity") and not _restrictive(token, child):
            return True
        if child.dep_ == "det" and child.lower_ in ("no", "aucun", "aucune"):
            return True
        if child.dep_ in ("nsubj", "obj", "dobj") and child.lower_ in ("rien", "nothing"):
            return True  # "signed nothing", « n'avoir rien promis » (the « ne » hung on the auxiliary)
    return False


def _restrictive(verb: Token, ne: Token) -> bool:
    """« n'avaient débouché que sur des échanges »: a bare « ne » with « que » after the verb says "only", not
    "not" (« ne … pas que » still denies: its « pas » is read first)."""
    if ne.lower_ not in ("ne", "n'"):
        return False
    if any(c.dep_ == "advmod" and c.lower_ in _FR_NEGATORS | {"plus", "rien", "personne"} for c in verb.children):
        return False
    # (not the « que » that opens a clause with a subject of its own: « ne dit pas qu'il viendra »)
    return any(t.lower_ in ("que", "qu'") and t.i > verb.i and (t.head.i == verb.i or not any(
        c.dep_ in ("nsubj", "nsubj:pass") for c in t.head.children)) for t in verb.subtree)


def clause_head(token: Token) -> Token:
    """The verb (or predicate) that heads the clause a token belongs to."""
    current = token
    for _ in range(12):
        if current.pos_ in _VERBAL and (current.dep_ in CLAUSE_DEPS or current.head.i == current.i):
            return current
        if current.head.i == current.i:
            return current
        if current.dep_ in CLAUSE_DEPS:
            return current
        current = current.head
    return current


def governing_verb(token: Token, lemmas: frozenset[str]) -> Token | None:
    """The verb among `lemmas` whose complement clause holds this token ("X said [that … token …]").

    Climbs clause by clause, at most three, so a date in what was said is told apart from the
    date of the saying.
    """
    head = clause_head(token)
    for _ in range(3):
        if head.head.i == head.i:
            return None
        parent = clause_head(head.head)
        if parent.lemma_.lower() in lemmas:
            return parent
        head = parent
    return None


# Where a Doc keeps the tenses already read of its verbs (see tense).
_TENSES = "parley.tenses"


def tense(verb: Token) -> str:
    """'future', 'conditional', 'past', 'present' or 'nonfinite', from morphology and auxiliaries."""
    # The quote, event, status and story readers ask about the same verbs, three times each on
    # average; the parse does not change once made, so each verb is read once per Doc.
    known = verb.doc.user_data.get(_TENSES)
    if known is None:
        known = verb.doc.user_data[_TENSES] = {}
    found = known.get(verb.i)
    if found is None:
        found = known[verb.i] = _tense(verb)
    return found


def _tense(verb: Token) -> str:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "aux:tense", "aux:pass", "auxpass")]
    for aux in auxes:
        low = aux.lower_
        if low in _EN_FUTURE_AUX:
            return "future"
        if low in _EN_CONDITIONAL_AUX:
            return "conditional"
        if aux.lemma_ == "aller" and "Inf" in morph(verb, "VerbForm"):
            return "future"  # « il va rencontrer » parsed with "va" as an auxiliary
        if "Cnd" in morph(aux, "Mood"):
            return "conditional"  # « aurait rencontré »
        if aux.dep_ in ("aux:pass", "auxpass") and "Fut" in morph(aux, "Tense"):
            return "future"  # « seront reçus » (« il aura fallu trois heures » is a past told as a guess)
    if verb.dep_ == "xcomp" and verb.head.i != verb.i and (
            verb.head.lemma_ == "aller" and "Pres" in morph(verb.head, "Tense")
            or verb.head.lemma_ == "go" and "Prog" in morph(verb.head, "Aspect")):
        return "future"  # « va rencontrer », "is going to meet"
    if "Fut" in morph(verb, "Tense"):
        return "future"
    if "Cnd" in morph(verb, "Mood"):
        return "conditional"
    if any(a.lemma_ in ("avoir", "être", "have") for a in auxes) or "Past" in morph(verb, "Tense"):
        return "past"
    if "Fin" in morph(verb, "VerbForm") or "Pres" in morph(verb, "Tense"):
        return "present"
    return "nonfinite"


def pluperfect(verb: Token) -> bool:
    """Whether a verb is told in the pluperfect ("had met", « avait annulé », « était venu »): what came before the
    story's time."""
    return "Part" in morph(verb, "VerbForm") and any(
        c.dep_ in ("aux", "aux:tense") and c.lemma_ in ("have", "avoir", "être")
        and ("Imp" if c.lang_ == "fr" else "Past") in morph(c, "Tense") for c in verb.children)


def phrase(token: Token) -> list[Token]:
    """A token's phrase: its subtree without the clauses nested in it ("the talks [that began…]"). A noun
    the parser hung as a clause ("lundi" as an xcomp) stays in: it has no verb of its own."""
    out = [token]
    for child in token.children:
        if child.dep_ not in CLAUSE_DEPS or child.pos_ not in _VERBAL:
            out += phrase(child)
    return out


def case_word(token: Token) -> str:
    """The preposition that introduces a noun ("with" Macron, « avec » Macron), lower case, or ""."""
    if token.dep_ in ("pobj", "pcomp") and token.head.dep_ in ("prep", "agent", "dative"):
        return token.head.lower_
    # a day the parser hung as a case marker (« vendredi un paquet ») introduces nothing
    return next((c.lower_ for c in token.children if c.dep_ == "case" and c.pos_ not in ("NOUN", "PROPN", "NUM")), "")


def particles(verb: Token) -> list[str]:
    """The particles and bare prepositions of a verb, lower case ("called off", "call for", « appeler à »)."""
    found = [c.lower_ for c in verb.children if c.dep_ in ("prt", "compound:prt")]
    found += [c.lower_ for c in verb.children if c.dep_ == "prep" and not any(g.dep_ == "pcomp" for g in c.children)]
    found += [g.lower_ for c in verb.children if c.dep_ in ("obl", "obl:arg", "obl:mod", "iobj")
              for g in c.children if g.dep_ == "case"]
    return found


def reflexive(verb: Token) -> bool:
    """Whether a French verb is in its pronominal form (« se rendre », « s'entretenir »)."""
    return any("Yes" in morph(c, "Reflex") or c.dep_ in ("expl:pv", "expl:comp") and c.lower_ in ("se", "s'", "s’")
               for c in verb.children)


_NOT_A_CLAUSE_OF_ITS_OWN = frozenset({"aux", "aux:tense", "aux:pass", "auxpass", "cop", "conj", "fixed", "ROOT"})
# Relations of a noun or a word inside a phrase: a verb hung by one of them is a parse gone wrong.
NOUN_RELATIONS = frozenset({"dep", "nmod", "appos", "flat:name", "flat", "det", "case", "nummod", "obj", "iobj",
                             "nsubj", "nsubj:pass"})


def collapsed(sentence) -> bool:
    """Whether the parser lost a sentence's structure: a finite verb hangs on it as if it were a noun or
    an adverb (« va » as an advmod), or a word it could not tag stands for one (« co-organisera » read
    as an unknown word)."""
    if any(t.pos_ == "X" and "-" in t.text and t.dep_ not in ("flat:name", "flat", "compound") for t in sentence):
        return True
    return any(t.pos_ == "VERB" and t.dep_ in NOUN_RELATIONS or t.pos_ in _VERBAL and "Fin" in morph(t, "VerbForm")
               and t.dep_ not in CLAUSE_DEPS and t.dep_ not in _NOT_A_CLAUSE_OF_ITS_OWN for t in sentence)


def misread_name(token: Token) -> bool:
    """A first name the tagger read as a verb (« Mette Frederiksen »: Mette as a form of « mettre »): a verb
    does not head the rest of a name."""
    return token.pos_ in _VERBAL and any(c.dep_ == "flat:name" for c in token.children)


def governors(token: Token, limit: int = 4) -> list[Token]:
    """The words above a token within its clause, nearest first: for a noun, the noun or verb it hangs on;
    a controlled infinitive climbs to its verb ("refused [to meet]"); a clause boundary, or a verb
    coordinated with another, stops the climb."""
    out: list[Token] = []
    current = token
    for _ in range(limit):
        if current.head.i == current.i or current.dep_ in CLAUSE_DEPS and current.dep_ != "xcomp":
            break
        if current.dep_ in ("conj", "pcomp") and current.pos_ in _VERBAL and not _shared_infinitive(current):
            break  # "was called off, and the Treasury imposed…", "after [announcing it]": a verb of its own
        current = current.head
        out.append(current)
    return out


def _shared_infinitive(verb: Token) -> bool:
    """"was due to speak … and to visit Philadelphia", « doit rencontrer Lee et visiter le chantier »: an infinitive
    joined to an infinitive complement is a complement of the same verb."""
    head = verb.head
    return verb.dep_ == "conj" and "Inf" in morph(verb, "VerbForm") and "Inf" in morph(head, "VerbForm") \
        and head.dep_ == "xcomp"


# French conditional endings the morphologizer often tags as the imperfect (« appellerait » Tense=Imp):
# the future stem ends in r after one of these letters; « déclarait », « espérait » do not match.
_FR_CONDITIONAL_FORM = re.compile(r"(?:e|i|d|v|r|u|t)r(?:ait|aient)$")


def conditional_form(verb: Token) -> bool:
    """Whether a French verb is a conditional by its form, whatever tag the morphologizer gave it."""
    return verb.lang_ == "fr" and "Imp" in morph(verb, "Tense") and bool(_FR_CONDITIONAL_FORM.search(verb.lower_))


def after_comma(verb: Token) -> bool:
    """« …, a rappelé Europe 1 », "…, said the ministry": a verb set, with its auxiliaries, right after a comma of
    its sentence, as an attribution put after what it reports is."""
    first = min([verb.i] + [c.i for c in verb.children if c.dep_.startswith("aux")])
    return first > verb.sent.start and verb.doc[first - 1].text == ","


def definite(token: Token) -> bool:
    """Whether a definite article heads the token's phrase ("the two", « les délégations »)."""
    return any(c.dep_ == "det" and "Def" in morph(c, "Definite") for c in token.children)


_CLITICS = frozenset({"le", "la", "les", "l'", "l’"})


def personal_pronoun(token: Token) -> bool:
    """Whether a pronoun stands for a person or a party ("he", « il », "they"), not a relative, demonstrative
    or indefinite one; French tags often lack PronType, so the absence of another type counts."""
    if token.pos_ == "DET" and token.dep_ in ("obj", "iobj") and token.lower_ in _CLITICS and \
            token.head.i == token.i + 1 and token.head.pos_ in ("VERB", "AUX"):
        return True  # « où Trump [le] reçoit jeudi »: an object clitic the French tagger took for an article
    if token.pos_ != "PRON":
        return False
    kinds = morph(token, "PronType")
    return not kinds or "Prs" in kinds


# Conjunctions that open a condition: "if Putin did not agree…, there would be…" supposes the future.
_CONDITIONS = frozenset({"if", "si", "s'", "s’"})


def _finite_tense(verb: Token) -> str:
    """`tense`, reading do-support too ("did not agree": past, "does not meet": present)."""
    found = tense(verb)
    if found == "nonfinite":
        aux = next((c for c in verb.children if c.dep_ == "aux" and c.lemma_ == "do"), None)
        if aux is not None:
            return "past" if "Past" in morph(aux, "Tense") else "present"
    return found


def time_direction(token: Token) -> str | None:
    """'past' or 'future' for a time word ("Friday", « vendredi ») from the clause that owns it, or None when
    the parse does not say (a present tense, a participle, a clause it cannot climb).

    A future or a conditional looks ahead ("will meet", "could follow", « rencontrera »), unless it is a
    perfect told as hearsay (« aurait rencontré »); a finite past or a perfect looks back. An infinitive
    takes its governing verb's future only ("agreed to meet on Friday" may be either side of the day the
    story went out), and a condition takes the future of the clause it conditions ("if he did not agree…
    on Friday, there would be…")."""
    verb, steps = token, 0
    while verb.pos_ not in _VERBAL or misread_name(verb):
        if verb.head.i == verb.i or steps == 8:
            return None
        verb, steps = verb.head, steps + 1
    controlled = False
    while verb.dep_ == "xcomp" and verb.head.i != verb.i and "Fin" not in morph(verb, "VerbForm"):
        verb, controlled = verb.head, True
    # « Accueilli lundi par Tokaïev, puis reçu…, le président chinois a signé… », "Welcomed on Monday, Xi signed…": a
    # participle without an auxiliary, set beside a verb, is told in that verb's time
    while verb.dep_ in ("advcl", "conj", "dep") and "Part" in morph(verb, "VerbForm") and verb.head.i != verb.i \
            and verb.head.pos_ in _VERBAL and not any(c.dep_.startswith("aux") for c in verb.children):
        verb = verb.head
    if verb.dep_ == "advcl" and verb.head.i != verb.i and any(
            c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in verb.children):
        verb, controlled = verb.head, True
        # "if he did not agree…, he warned, there would be…": the parser hangs the condition on the inserted
        # "he warned"; the clause it conditions is the one that parenthesis sits in
        while verb.dep_ == "parataxis" and verb.head.i != verb.i:
            verb = verb.head
    found = _finite_tense(verb)
    perfect = any(c.dep_ in ("aux", "aux:tense") and c.lemma_ in ("have", "avoir", "être") for c in verb.children)
    if found in ("future", "conditional"):
        return "past" if perfect and found == "conditional" else "future"
    if found == "past" and not controlled and ("Fin" in morph(verb, "VerbForm") or perfect
                                               or any(c.dep_ == "aux" and c.lemma_ == "do" for c in verb.children)):
        return "past"
    return None


def directions_in(doc):
    """`time_direction` for a stretch of the parsed text, by its character offsets: what the date package
    takes as `clause_tense`."""
    def direction(start: int, end: int) -> str | None:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return None
        found = time_direction(span.root)
        if found is None and _heads_an_entry(span):
            # « Lundi. Les Vingt-Sept ont tenu… »: a day that is a sentence of its own at the head of an
            # entry takes the direction of the sentence it opens
            found = time_direction(doc[span.sent.end].sent.root)
        return found
    return direction


def _heads_an_entry(span) -> bool:
    """Whether a time expression is the whole of its sentence and another sentence follows on its line."""
    sent, doc = span.sent, span.doc
    if sent.end >= len(doc) or "\n" in doc[sent.end - 1].whitespace_ + doc[sent.end].text:
        return False
    return all(t.is_punct or span.start <= t.i < span.end for t in sent)
