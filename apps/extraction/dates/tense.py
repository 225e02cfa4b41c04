"""Guess whether the clause around a time expression talks about the past or the future.

News rarely states the year of "mercredi" or "in August": the verb does. We look for tense cues
in the sentence and take the one nearest to the expression, so that in "X a déclaré mercredi que
le sommet se tiendra jeudi" each weekday gets its own verb.
"""
from __future__ import annotations

import bisect
import re

# Words that often sit between an auxiliary and its participle ("a déjà signé", "has also met").
_FR_ADVERBS = (r"(?:(?:d[ée]j[àa]|aussi|[ée]galement|bien|pas|point|encore|notamment|enfin|"
               r"finalement|ensuite|alors|toujours|jamais|lui-m[êe]me|elle-m[êe]me|"
               r"donc|d'ailleurs|cependant|pourtant|tout|plus|en effet|[a-zéèêîôû]+ment)\s+)*")
_FR_PARTICIPLE = (r"[a-zàâçéèêëîïôûùüÿœ]*(?:é|ée|és|ées|i|ie|is|ies|it|ite|u|ue|us|ues|t|te|ts|"
                  r"ert|ort|int|eint|ait)")
_FR_FUTURE_WORDS = (r"prévue?s?|attendue?s?|programmée?s?|convoquée?s?|fixée?s?|planifiée?s?|"
                    r"envisagée?s?|annoncée?s? pour|prochaine?s?|à venir|bientôt|désormais")

# Participles of irregular verbs, which do not end in -é: "l'engagement pris mercredi",
# "l'accord conclu lundi". Words that are also common nouns or prepositions ("le parti",
# "y compris", "vu") are left out.
_FR_IRREGULAR_PARTICIPLES = (
    "pris|repris|entrepris|conclu|tenu|retenu|maintenu|obtenu|reçu|fait|dit|écrit|promis|"
    "rendu|atteint|rejoint|survenu|intervenu|parvenu|venu|émis|transmis|soumis|remis|admis|"
    "commis|élu|réélu|accueilli|ouvert|offert|découvert|mort|né|perdu|entendu|répondu|"
    "attendu|détruit|convaincu|réuni|choisi|saisi|établi|investi|mis")
# Nouns that end like a conditionnel ("le retrait", "un portrait"): no tense in them.
_FR_NOUNS_IN_RAIT = "retrait|portrait|attrait|extrait|trait|abstrait|distrait|soustrait"

_FR_CUES: list[tuple[str, re.Pattern[str]]] = [
    # Scheduled things: "est prévu jeudi", "est attendu jeudi", "doit se tenir jeudi".
    ("future", re.compile(rf"(?i)\b(?:{_FR_FUTURE_WORDS})\b")),
    ("future", re.compile(r"(?i)\b(?:doit|doivent|devait|devaient|devrait|devraient|va|vont|"
                          r"allait|allaient|compte|comptent|entend|entendent|pourrait|pourraient|"
                          r"souhaite|souhaitent|veut|veulent)\s+(?:(?:se|s'|y|en|lui|leur|le|la|"
                          r"les|l'|ne|pas)\s*)*[a-zàâçéèêîôû'-]+(?:er|ir|re|oir)\b")),
    # Passé composé and plus-que-parfait: "a déclaré", "ont été reçus", "s'est rendu".
    ("past", re.compile(rf"\b(?:a|ont|avait|avaient|aurait|auraient|eut|eurent|ai|as|avons|"
                        rf"avez|est|sont|était|étaient|fut|furent|s'est|se sont|été)\s+"
                        rf"{_FR_ADVERBS}{_FR_PARTICIPLE}\b")),
    # The futur antérieur of news looks back: "il aura fallu trois heures", "n'aura duré que"
    # (a participle proper: "aura lieu", "aura du mal" look ahead).
    ("past", re.compile(rf"\b(?:aura|auront)\s+{_FR_ADVERBS}(?!lieu\b)"
                        rf"(?:[a-zàâçéèêîôû]{{2,}}(?:é|ée|és|ées|i|is|u|us)|"
                        rf"(?:{_FR_IRREGULAR_PARTICIPLES})(?:e|s|es)?|pu|su|eu|dû)\b")),
    # Futur simple and conditionnel, lower-case only so that names ("Laura") do not count:
    # "se tiendra", "participeront", "pourra", "aurait lieu" is handled above as a past form.
    ("future", re.compile(r"\b(?!(?:extra|ultra|contra|orchestra|mantra|tantra|aura|sera)\b)"
                          r"[a-zàâçéèêîôû'-]*(?:e|i|d|v|r|u|t)(?:ra|ront|rai|rons|rez|ras)\b")),
    ("future", re.compile(rf"\b(?!(?:aurai|serai)(?:t|ent)\b)(?!(?:{_FR_NOUNS_IN_RAIT})s?\b)"
                          r"[a-zàâçéèêîôû'-]*(?:e|i|d|v|r|u|t)r(?:ait|aient)\b")),
    ("future", re.compile(r"(?i)\b(?:sera|seront|aura|auront)\b")),
    # Imparfait (not the conditionnel -rait): "affirmait", "était", "comparaissait".
    ("past", re.compile(r"\b(?![a-zàâçéèêîôû'-]*r(?:ait|aient)\b)"
                        r"[a-zàâçéèêîôû'-]{2,}(?:ait|aient)\b")),
    # Postponements, purposes and subjunctive passives look ahead: "reportée à vendredi",
    # "avant que le bilan soit rendu public lundi".
    ("future", re.compile(r"(?i)\b(?:(?:report|repouss|décal|ajourn)ée?s?\s+"
                          r"(?:à|au|jusqu'à|jusqu'au)|à partir d[eu]|"
                          r"(?:soit|soient)\s+[a-zàâçéèêîôû]+(?:é|ée|és|ées|u|ue|us|is|it)|"
                          r"avant que|avant de|d'ici|jusqu'à ce que|afin de|pour que)\b")),
    ("past", re.compile(r"(?i)\b(?:hier|avant-hier|derni[eè]re?s?|pass[ée]e?s?|récemment|"
                        r"naguère|auparavant)\b")),
]

# A bare participle right before the expression: "publié jeudi", "annoncées mercredi".
_FR_PARTICIPLE_BEFORE = re.compile(r"(?<!être )(?<!sera )(?<!seront )(?<!serait )(?<!seraient )"
                                   r"(?<!soit )(?<!soient )"
                                   r"\b([a-zàâçéèêîôû'-]{3,}(?:é|ée|és|ées)|"
                                   rf"(?:{_FR_IRREGULAR_PARTICIPLES})(?:e|s|es)?)\s+"
                                   r"(?:dès\s+|depuis\s+|le\s+|ce\s+)?$")
_FR_NOUNS_IN_E = set("""année journée soirée matinée armée entrée idée musée lycée été comité député
    marché côté clé café thé pré degré bébé épée durée arrivée rentrée assemblée tournée fumée
    pensée vallée allée portée traité délégué employé salarié allié réfugié blessé invité
    contrée chaussée préfecture""".split())

_EN_CUES: list[tuple[str, re.Pattern[str]]] = [
    ("future", re.compile(r"(?i)\b(?:will|won't|shall|'ll|would|going to|plans? to|planning to|"
                          r"expected|expects?|due|scheduled|slated|set to|poised|intends? to|"
                          r"upcoming|next|to be held|is to|are to|hopes? to|aims? to|"
                          r"(?:postponed|delayed|pushed back|moved|rescheduled|put off)\s+"
                          r"(?:until|to|till|for)|"
                          r"starting)\b")),
    # Modals, lower-case only so that the month "May" is not one.
    ("future", re.compile(r"\b(?:may|might|should|must|can|ought to)\b")),
    # Past forms; "is held", "will be met" are not past.
    # \b first: the look-behinds then run at word starts only, not at every character
    ("past", re.compile(r"(?i)\b(?<!\bbe )(?<!\bis )(?<!\bare )(?:said|told|was|were|had|did|"
                        r"has been|have been|met|made|took|gave|"
                        r"came|went|left|began|won|lost|held|spoke|saw|found|sent|led|fell|rose|"
                        r"struck|flew|got|became|brought|thought|kept|paid|sold|bought|wrote|ran|"
                        r"hit|put|cut|quit|shut|spent|built|felt|heard|meant|knew|grew|threw|"
                        r"drew|chose|broke|stood|sat|fought|caught|taught|sought|ago|last|"
                        r"earlier|previously|recently|yesterday)\b")),
    ("past", re.compile(r"\b(?<!\bbe )(?<!\bis )(?<!\bare )"
                        r"(?!(?:need|feed|seed|speed|proceed|succeed|exceed|breed|bed|red|"
                        r"shed|wed|bleed|embed|hundred|indeed|expected|scheduled|planned|"
                        r"slated|proposed|intended|hoped|aimed|anticipated|red)\b)[a-z]{3,}ed\b")),
]

# Where a sentence ends: a full stop not after a one-letter initial or a common abbreviation.
_ABBREVIATIONS = {"m", "mm", "mme", "mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov",
                  "lt", "col", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
                  "oct", "nov", "dec", "no", "vs", "etc", "inc", "corp", "co", "u.s", "p", "pp"}
_BOUNDARY = re.compile(r"[.!?;]+(?=\s)|\n")


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The start and end offsets of the sentence containing text[start:end]."""
    return TenseReader(text, "en").sentence(start, end)


def _is_boundary(text: str, m: re.Match[str]) -> bool:
    """Whether a full stop really ends a sentence (not "M. Blair" or "Feb. 28")."""
    if m.group().startswith(".") and len(m.group()) == 1:
        word = re.search(r"([\w.]+)$", text[max(0, m.start() - 12):m.start()])
        # "M.", "Feb.", and initialisms such as "p.m." or "U.S." do not end sentences.
        if word and (len(word.group(1)) == 1 or "." in word.group(1)
                     or word.group(1).lower() in _ABBREVIATIONS):
            return False
    return True


_CAPITALS = re.compile(r"\b[^\W\d_]{2,}\b")
# Commas, brackets, quotes and complementisers split clauses:
# "a déclaré mercredi | que le sommet se tiendra jeudi". "avant que" stays whole.
_CLAUSE_BREAK = re.compile(r"[,()«»\"\u201c\u201d\u2013\u2014]|(?<!avant )(?<!pour )(?<!afin )"
                           r"(?<!bien )(?<!jusqu'à ce )\b(?:que|qu'|that|which|qui|où)\b", re.I)
_SUBORDINATE = re.compile(r"\b(?:que|qu'|qui|dont|où|that|which|who|whose|where)\b", re.I)
# Beyond this many characters a verb is more likely to belong to another clause than to ours.
_MAX_DISTANCE = 60
_MAX_SENTENCE = 400


def _clause_bounds(text: str, start: int, end: int, left: int, right: int) -> tuple[int, int]:
    """The comma- or bracket-delimited stretch of the sentence around text[start:end]."""
    breaks_before = [m.end() for m in _CLAUSE_BREAK.finditer(text, left, start)]
    after = _CLAUSE_BREAK.search(text, end, right)
    return (breaks_before[-1] if breaks_before else left), (after.start() if after else right)


def _nearest_cue(cues: list[tuple[int, int, int, str]], starts: list[int], start: int, end: int,
                 left: int, right: int, limit: int | None) -> str | None:
    """The label of the tense cue nearest to text[start:end] within text[left:right].

    `cues` are (start, end, rank, label) sorted by start, `starts` their starts for bisection."""
    best: tuple[int, int, str] | None = None
    for index in range(bisect.bisect_left(starts, left), len(cues)):
        cue_start, cue_end, rank, label = cues[index]
        if cue_start >= right:
            break
        if cue_end > right or (cue_start < end and start < cue_end):
            continue  # a cue inside the expression itself ("jeudi prochain") is not a verb
        distance = start - cue_end if cue_end <= start else cue_start - end
        if limit is not None and distance > limit:
            continue
        if best is None or (distance, rank) < best[:2]:
            best = (distance, rank, label)
    return None if best is None else best[2]


class TenseReader:
    """Reads the tense around the expressions of one text, preparing the text only once."""

    def __init__(self, text: str, language: str) -> None:
        # Headlines in capitals ("LE VILLAGE FERA LA FÊTE DIMANCHE") are read in lower case.
        self.text = _CAPITALS.sub(lambda w: w.group().lower() if w.group().isupper() else w.group(),
                                  text)
        self.language = language
        found = [m for m in _BOUNDARY.finditer(self.text) if _is_boundary(self.text, m)]
        self._starts = [m.start() for m in found]
        self._ends = [m.end() for m in found]
        # Every tense cue of the text, found once: (start, end, rank, label), sorted by start.
        patterns = _FR_CUES if language == "fr" else _EN_CUES
        self._cues = sorted((m.start(), m.end(), rank, label)
                            for rank, (label, pattern) in enumerate(patterns)
                            for m in pattern.finditer(self.text))
        self._cue_starts = [cue[0] for cue in self._cues]

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        """The start and end offsets of the sentence containing text[start:end]."""
        before = bisect.bisect_right(self._ends, start) - 1
        left = self._ends[before] if before >= 0 else 0
        after = bisect.bisect_left(self._starts, end)
        right = self._starts[after] if after < len(self._starts) else len(self.text)
        # Text without full stops (tables, run-ons) must not make every lookup scan it all.
        return max(left, start - _MAX_SENTENCE), max(min(right, end + _MAX_SENTENCE), end)

    def tense(self, start: int, end: int) -> str | None:
        """"past", "future" or None for the expression text[start:end], from the nearest tense
        cue: first within its clause, then within the sentence if not too far away."""
        text, language = self.text, self.language
        left, right = self.sentence(start, end)
        if language == "fr":
            before = _FR_PARTICIPLE_BEFORE.search(text, max(left, start - 40), start)
            word = before.group(1) if before else ""
            if word and word not in _FR_NOUNS_IN_E and not word.endswith("ité"):
                return "future" if re.fullmatch(_FR_FUTURE_WORDS, word) else "past"
        clause_left, clause_right = _clause_bounds(text, start, end, left, right)
        # A relative or complement clause after ours ("…, qui devraient…") has its own verb.
        subordinate = _SUBORDINATE.search(text, end, right)
        return (_nearest_cue(self._cues, self._cue_starts, start, end, clause_left,
                             clause_right, None)
                or _nearest_cue(self._cues, self._cue_starts, start, end, left,
                                subordinate.start() if subordinate else right, _MAX_DISTANCE))


def guess_tense(text: str, start: int, end: int, language: str) -> str | None:
    """"past", "future" or None for the expression text[start:end] (see TenseReader.tense)."""
    return TenseReader(text, language).tense(start, end)
