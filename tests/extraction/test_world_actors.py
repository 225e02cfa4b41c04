"""Actors from the whole world, not only the parties of the Ukraine talks (issue 12).

Every text here is written for the test.
"""
from __future__ import annotations

import pytest

from .pipeline_helpers import read, speaker_of


@pytest.mark.parametrize(("language", "text"), [
    ("fr", "Donald Trump a reçu vendredi Mauro Vieira à la Maison Blanche. « Ils se serrent la main », s'est "
           "félicité le président américain. Le ministre brésilien a parlé d'« un jour que nos peuples ont trop "
           "longtemps attendu »."),
    ("en", "Donald Trump hosted Mauro Vieira at the White House on Friday. \"They shook hands,\" the American "
           "president said. The Brazilian minister spoke of \"a day our peoples have long awaited\"."),
])
def test_a_description_with_a_nationality_is_not_a_person_of_another_country(language, text):
    # the last speaker is Trump, but "the Brazilian minister" cannot be the American president
    ex = read(text, language=language, published="2025-08-11")
    assert speaker_of(ex, "serrent" if language == "fr" else "shook") == "Donald Trump"
    assert speaker_of(ex, "jour" if language == "fr" else "day") == "Mauro Vieira"


@pytest.mark.parametrize(("language", "text", "fragment"), [
    # the parser loses Merz as the subject after the long participle clause: the office finds him again
    ("fr", "Élu mardi chancelier par le Bundestag, au second tour après un premier vote manqué, Friedrich Merz s'est "
           "rendu dès mercredi matin à l'Elysée, où Emmanuel Macron l'a accueilli.\n\nLes deux dirigeants ont déjeuné "
           "ensemble. « Nous voulons que l'Europe reprenne son destin en main », a affirmé le nouveau chancelier.",
     "destin"),
    ("en", "Friedrich Merz travelled to Paris on Wednesday, where Emmanuel Macron welcomed him. \"We want Europe to "
           "take its fate in hand,\" the new chancellor said.", "fate"),
])
def test_an_office_with_an_adjective_is_still_the_office(language, text, fragment):
    # the last subject is Macron; "the new chancellor" is the chancellor the story named
    ex = read(text, language=language, published="2025-05-08")
    assert speaker_of(ex, fragment) == "Friedrich Merz"


