"""Bylines, credits and agency tags: the people and agencies who wrote a story are not its actors."""
from __future__ import annotations

from apps.extraction.pipeline.layout import analyse

from .pipeline_helpers import names, read


def test_an_agency_tag_after_a_dateline_is_an_agency_whatever_its_name():
    text = ("GDANSK (Baltic Wire) — Poland's president said on Monday that the port would stay open.\n\n"
            "Baltic Wire reporters counted forty ships in the harbour.")
    assert analyse(text).agencies == ["Baltic Wire"]
    assert "Baltic Wire" not in names(read(text, language="en", published="2025-05-02"))


def test_a_dateline_of_two_cities_and_a_date_is_read_with_its_agency():
    layout = analyse("OSLO/HELSINKI, March 3 (Nordpress) - The two governments agreed a plan.")
    assert layout.agencies == ["Nordpress"]
    assert layout.datelines  # the cities are where the story was filed


def test_an_agency_tag_opening_the_first_line_is_an_agency():
    assert analyse("(Nordpress) Les deux dirigeants ont coprésidé jeudi une réunion.").agencies == ["Nordpress"]


def test_credits_at_the_end_name_journalists():
    text = ("The two leaders spoke by phone on Monday, officials said.\n\n"
            "Reporting by Ann Berg and Piotr Nowak in Warsaw; Editing by Lena Holt")
    assert {"Ann Berg", "Piotr Nowak", "Lena Holt"} <= set(analyse(text).authors)


def test_an_assistance_credit_and_a_contribution_line_name_journalists_not_actors():
    text = ("Ministers will meet again in Brussels on Friday, diplomats said.\n\n"
            "Nordpress writers Ada Quist in Kyiv and Ben Ortiz in Riga contributed to this report.\n\n"
            "--With assistance from Jan Kowal and Eva Lind.")
    layout = analyse(text)
    assert {"Ada Quist", "Ben Ortiz", "Jan Kowal", "Eva Lind"} <= set(layout.authors)
    found = names(read(text, language="en", published="2025-05-02"))
    assert not {"Ada Quist", "Ben Ortiz", "Jan Kowal", "Eva Lind", "Nordpress"} & found


def test_an_interview_credit_inside_a_paragraph_names_the_journalist():
    text = ("ENTRETIEN\n\nL'amiral revient sur l'état des discussions. Propos recueillis par Claire Vernet.\n\n"
            "« Rien n'est joué », estime Paul Garnier, ancien chef d'état-major.")
    assert "Claire Vernet" in analyse(text).authors
    found = names(read(text, published="2025-06-20"))
    assert "Claire Vernet" not in found and "Paul Garnier" in found


def test_a_byline_after_several_headings_is_a_byline():
    text = ("THE LONG GAME\n\nHow a small port became a bargaining chip\n\nA profile\n\nBy Mira Stone\n\n"
            "The port of Gdansk has seen more diplomats this year than ships.")
    assert "Mira Stone" in analyse(text).authors


def test_a_name_after_a_dash_closing_the_story_signs_it_but_after_a_quotation_it_signs_the_quotation():
    story = "The ministers agreed to meet again next week.\n\n— Olga Teren"
    assert "Olga Teren" in analyse(story).authors
    quoted = "Quote:\n“We will meet again next week.”\n— Olga Teren"
    assert "Olga Teren" not in analyse(quoted).authors


def test_a_dateline_before_a_horizontal_bar_is_a_dateline():
    assert analyse("WASHINGTON ― The administration announced plans on Monday.").datelines == [(0, 11)]
