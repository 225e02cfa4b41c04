"""Signings told by a noun or a name, a call told in the pluperfect as the setting of a preparation, and the entries of
a live page whose time and title share a line. The sentences were written for the tests (after blind12's dev half: a
French live page on a state visit, an English live blog of a state visit)."""
from __future__ import annotations

from .pipeline_helpers import parties, read


def test_a_deal_known_by_its_name_that_two_leaders_signed_is_an_agreement():
    story = read("Keir Starmer met Mark Carney in London on Thursday. Before the press conference, the two men signed "
                 "the Northern Corridor Compact, a pact on critical minerals, shipping and nuclear fuel, after their "
                 "talks.", language="en", published="2025-06-13")
    [agreement] = [e for e in story.events if e.kind == "agreement"]
    assert parties(story, agreement) == {"Keir Starmer", "Mark Carney"}
    assert str(agreement.date) == "2025-06-12"
    # the title says which deal, without the apposition that describes it
    assert "Northern Corridor Compact" in agreement.title and "minerals" not in agreement.title


def test_a_named_agreement_that_is_only_talked_about_is_no_event():
    story = read("Trump has long mocked the Paris Agreement. On Monday he said the Paris Agreement was a bad deal "
                 "for America.", language="en", published="2025-06-13")
    assert not [e for e in story.events if e.kind == "agreement"]


def test_the_signing_of_agreements_that_two_presidents_attended_is_an_agreement():
    story = read("Mercredi, Emmanuel Macron et Luiz Inácio Lula da Silva ont assisté à la signature d'accords dans "
                 "l'espace et la santé.", language="fr", published="2025-06-06")
    [agreement] = [e for e in story.events if e.kind == "agreement"]
    assert parties(story, agreement) == {"Emmanuel Macron", "Luiz Inácio Lula da Silva"}
    assert str(agreement.date) == "2025-06-04"
    assert "accords" in agreement.title and "signature" not in agreement.title


def test_the_signing_of_an_order_attended_the_day_before_is_an_agreement_of_that_day():
    story = read("Mardi, à Hanoï, Emmanuel Macron avait assisté à la signature d'une commande de dix Airbus par une "
                 "compagnie locale.", language="fr", published="2025-05-28")
    [agreement] = [e for e in story.events if e.kind == "agreement"]
    assert "Emmanuel Macron" in parties(story, agreement)
    assert str(agreement.date) == "2025-05-27"


def test_a_signature_that_a_text_does_without_is_no_signing():
    story = read("Mardi, la déclaration finale du sommet s'est passée de sa signature, et de celle de Londres.",
                 language="fr", published="2025-02-12")
    assert not [e for e in story.events if e.kind == "agreement"]


def test_a_call_during_which_a_visit_had_been_prepared_took_place_on_its_day():
    # « préparer » schedules what is prepared (the visit), not the call it was prepared in
    story = read("Emmanuel Macron et Luiz Inácio Lula da Silva avaient préparé cette visite lors d'un appel "
                 "téléphonique le 2 avril.", language="fr", published="2025-06-06")
    [call] = [e for e in story.events if e.kind == "call"]
    assert (str(call.date), call.status) == ("2025-04-02", "occurred")


def test_each_entry_of_a_live_page_whose_time_opens_its_title_line_is_told_on_the_day_of_the_page():
    # the intro's « mardi soir » moves the story to Tuesday; an entry under its own time is the page's day
    text = ("Ce qu'il faut savoir\n"
            "Emmanuel Macron est en visite d'Etat au Brésil. Arrivé mardi soir à Brasilia, il a été accueilli par "
            "Luiz Inácio Lula da Silva.\n\n"
            "11h20 Trois heures d'entretien\n"
            "Les deux présidents se sont entretenus pendant trois heures avant un déjeuner de travail.\n\n"
            "09h05 Accueil officiel\n"
            "Une garde d'honneur a accueilli le président français au palais du Planalto.")
    story = read(text, language="fr", published="2025-06-04")
    [talks] = [e for e in story.events if e.kind == "meeting" and e.status == "occurred"
               and {"Emmanuel Macron", "Luiz Inácio Lula da Silva"} <= parties(story, e)
               and str(e.date) == "2025-06-04"]
    assert talks.precision == "day"


def test_a_line_that_opens_with_a_time_inside_a_sentence_opens_no_entry():
    from apps.extraction.pipeline.layout import analyse

    layout = analyse("Le sommet s'ouvre demain.\n14h30, les dirigeants se sont retrouvés à huis clos pour une séance "
                     "consacrée à l'Ukraine.\n15h10 Fin de la séance\nLes dirigeants sont sortis.")
    assert [p.entry for p in layout.paragraphs] == [0, 0, 1, 1]
