"""Folding: lower case without accents, one character for one, so offsets in the folded text are
offsets in the original (the date rules and the gazetteer both match on folded text)."""

import pytest

from apps.extraction.dates import fold as fold_for_dates
from apps.extraction.pipeline.gazetteer import fold as fold_for_names

SAMPLES = [
    ("Élysée, Kyïv, Gdańsk, Pörtschach", "elysee, kyiv, gdansk, portschach"),
    ("l’Otan ‘Witkoff’ Zelenskyʼs", "l'otan 'witkoff' zelensky's"),
    ("ŒUVRE Straße", "œuvre straße"),
]


@pytest.mark.parametrize("fold", [fold_for_dates, fold_for_names])
@pytest.mark.parametrize(("text", "folded"), SAMPLES)
def test_fold_lowers_and_strips_accents_and_apostrophes(fold, text, folded):
    assert fold(text) == folded


@pytest.mark.parametrize("fold", [fold_for_dates, fold_for_names])
def test_fold_keeps_every_offset_even_for_characters_whose_lower_case_is_longer(fold):
    text = "İstanbul ǅ ﬁn 20‑25 « août » 東京"
    folded = fold(text)
    assert len(folded) == len(text)
    assert folded.index("aout") == text.index("août")
    assert fold(text) == folded  # the second time (from the table) gives the same


def test_the_date_fold_also_joins_hyphen_variants():
    assert fold_for_dates("mi‑août") == "mi-aout"
    assert fold_for_names("mi‑août") == "mi‑aout"  # names keep them: they split words anyway
