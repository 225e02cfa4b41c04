"""Topics: which subjects of the talks an article, a statement or an event is about."""
from __future__ import annotations

import functools
from collections import Counter
import json
import re
from pathlib import Path

from apps.extraction.literals import required_literals

from .gazetteer import fold

TOPICS_FILE = Path(__file__).resolve().parent.parent / "data" / "topics.json"


class TopicMatcher:
    """Keyword matcher over folded text, one compiled pattern per topic and language."""

    def __init__(self, topics: list[dict]):
        self.patterns: dict[str, dict[str, re.Pattern]] = {}
        self._by_language: dict[str, list] = {}
        self.names = {t["slug"]: t.get("name", t["slug"]) for t in topics}
        # Lemma rules ("négocier" matches "négocient", "négocié"): compared with spaCy's lemmas.
        self.lemmas = {t["slug"]: {fold(l) for l in t.get("lemmas", []) if l.strip()} for t in topics}
        for topic in topics:
            for lang in ("fr", "en"):
                words = topic.get(lang, [])
                if not words:
                    continue
                alternatives = []
                for word in sorted(words, key=len, reverse=True):
                    # "cessez-le-feu" = "cessez le feu"; a * ending a word matches any ending,
                    # at the end of the phrase ("sanction*") or inside it ("deploy* troops").
                    parts = [p for p in re.split(r"[\s\-]+", fold(word)) if p.rstrip("*")]
                    alternatives.append(r"[\s\-]+".join(
                        re.escape(p.rstrip("*")) + (r"\w*" if p.endswith("*") else "") for p in parts
                    ))
                self.patterns.setdefault(topic["slug"], {})[lang] = re.compile(
                    r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")

    @classmethod
    def from_file(cls, path: Path | str = TOPICS_FILE) -> "TopicMatcher":
        """The topics shipped with Parley."""
        return _load(str(path))

    def counts(self, text: str, language: str, lemmas: Counter | None = None) -> dict[str, int]:
        """How often each topic's keywords (and, given the text's lemma counts, lemmas) occur."""
        folded = fold(text)
        out = {}
        for slug, pattern, needs in self._rules(language):
            n = 0
            if pattern is not None:
                if needs is None:
                    n = len(pattern.findall(folded))
                else:
                    for word in needs:  # a plain loop: any() over a generator cost as much as the scans
                        if word in folded:
                            n = len(pattern.findall(folded))
                            break
            if lemmas and self.lemmas.get(slug):
                n += sum(lemmas[lemma] for lemma in self.lemmas[slug])
            if n:
                out[slug] = n
        return out

    def _rules(self, language: str) -> list[tuple[str, re.Pattern | None, tuple[str, ...] | None]]:
        """(slug, pattern, the words its matches need) for each topic, in catalogue order, worked out once
        per language: counts() runs for every statement and event of every article."""
        rules = self._by_language.get(language)
        if rules is None:
            rules = []
            for slug in self.names:
                pattern = self.patterns.get(slug, {}).get(language) or self.patterns.get(slug, {}).get("en")
                needs = required_literals(pattern) if pattern is not None else None
                rules.append((slug, pattern, tuple(needs) if needs is not None else None))
            self._by_language[language] = rules
        return rules

    def topics(self, text: str, language: str, lemmas: Counter | None = None) -> list[str]:
        """The topics a short text (a statement, an event's sentence) touches, in catalogue order."""
        return list(self.counts(text, language, lemmas))

    def article_topics(self, title: str | None, text: str, language: str, lemmas: Counter | None = None) -> list[str]:
        """An article's topics: named in its title, or twice in its text; most frequent first."""
        in_title = self.counts(title or "", language)
        in_text = self.counts(text, language, lemmas)
        chosen = {slug: in_text.get(slug, 0) + 2 * n for slug, n in in_title.items()}
        for slug, n in in_text.items():
            if n >= 2:
                chosen[slug] = chosen.get(slug, 0) + n
        return sorted(chosen, key=lambda s: -chosen[s])


def lemma_counts(tokens) -> Counter:
    """Folded lemmas of spaCy tokens (a Doc or a Span), for lemma rules."""
    return Counter(fold(t.lemma_) for t in tokens if t.is_alpha)


@functools.cache
def _load(path: str) -> TopicMatcher:
    return TopicMatcher(json.loads(Path(path).read_text(encoding="utf-8"))["topics"])
