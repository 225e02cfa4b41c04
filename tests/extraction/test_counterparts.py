""""Macron received his Ukrainian counterpart", « Sybiha a rencontré son homologue polonais »: the counterpart is the
holder, in the country its adjective names, of the office of the one whose counterpart it is. Sentences written for
the tests (after the titles blind3's and blind9's dev halves gave: « Entretien téléphonique de Trump »)."""
from __future__ import annotations

import pytest

from .pipeline_helpers import parties, read


@pytest.mark.parametrize("language, text, who", [
    ("fr", "Le président français a reçu mardi son homologue ukrainien.", {"Emmanuel Macron", "Volodymyr Zelensky"}),
    ("en", "Macron received his Ukrainian counterpart at the Elysee on Tuesday.",
     {"Emmanuel Macron", "Volodymyr Zelensky"}),
    ("fr", "Le ministre ukrainien des Affaires étrangères a rencontré mardi son homologue polonais.",
     {"Andrii Sybiha", "Radosław Sikorski"}),
])
def test_a_counterpart_is_the_holder_of_the_same_office_in_that_country(language, text, who):
    lead = {"en": "PARIS (Reuters) - Talks resumed on Wednesday.\n\n",
            "fr": "PARIS (AFP) - Les discussions ont repris mercredi.\n\n"}
    story = read(lead[language] + text, language=language, published="2025-11-19")
    [meeting] = [e for e in story.events if e.kind == "meeting" and e.participants]
    assert parties(story, meeting) == who


def test_counterparts_of_a_country_with_no_single_holder_stay_that_country():
    story = read("PARIS (AFP) - Les discussions ont repris mercredi.\n\n"
                 "Emmanuel Macron a reçu mardi ses homologues ukrainiens.", language="fr", published="2025-11-19")
    assert "Volodymyr Zelensky" not in {p for e in story.events for p in parties(story, e)}
