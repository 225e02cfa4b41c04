"""Actors: one record per real-world actor, under its canonical name, journalists and headings left out."""
from __future__ import annotations

import pytest

from apps.extraction.pipeline import Gazetteer

from .pipeline_helpers import fixture_article, names, read
from apps.extraction.pipeline import extract


@pytest.fixture(scope="session")
def seed():
    return extract(fixture_article("seed-reuters-fr-2025-09-04"))


def test_bylines_and_credits_are_journalists_not_actors(seed):
    assert {"John Irish", "Andrew Gray", "Tom Balmforth", "Jean Terzian"} <= set(seed.authors)
    assert not {"John Irish", "Andrew Gray", "Tom Balmforth", "Jean Terzian"} & names(seed)


def test_the_seed_story_names_its_thirteen_actors_once_each(seed):
    expected = {"Volodymyr Zelensky", "Emmanuel Macron", "Donald Trump", "Vladimir Putin", "Mark Rutte",
                "Steve Witkoff", "John Foreman", "NATO", "Coalition of the willing", "Élysée", "Ukraine",
                "Russia", "United States"}
    found = [a.name for a in seed.actors if a.kind != "place"]
    assert expected <= set(found)
    assert len(found) == len(set(found)), "an actor was recorded twice"


def test_every_mention_points_at_its_words_in_the_text(seed):
    text = fixture_article("seed-reuters-fr-2025-09-04").text
    for actor in seed.actors:
        for m in actor.mentions:
            assert text[m.start:m.end] == m.text


def test_heading_in_capitals_is_not_a_name(seed):
    assert not any("CLART" in a.name or "ILLUSOIRE" in a.name for a in seed.actors)


def test_a_capital_as_subject_is_its_country_and_after_a_preposition_a_place():
    ex = read("Moscou a rejeté la proposition. Le sommet se tiendra à Londres.", published="2025-05-02")
    assert "Russia" in names(ex)
    assert "United Kingdom" not in names(ex)


def test_a_title_points_at_the_person_named_right_after_it():
    ex = read("Le président ukrainien Volodymyr Zelensky est arrivé.")
    zelensky = next(a for a in ex.actors if a.name == "Volodymyr Zelensky")
    assert {"président ukrainien", "Volodymyr Zelensky"} <= {m.text for m in zelensky.mentions}


@pytest.mark.parametrize(("published", "chancellor"), [("2024-06-01", "Olaf Scholz"), ("2025-09-01", "Friedrich Merz")])
def test_a_title_alone_means_whoever_held_it_that_day(published, chancellor):
    ex = read("Le chancelier allemand a appelé à la prudence.", published=published)
    assert chancellor in names(ex)


def test_spelling_variants_are_the_same_person():
    ex = read("Volodymyr Zelenskyi a rencontré Volodimir Zelensky. Zelenskiy a parlé.", published="2025-05-02")
    assert [a.name for a in ex.actors if a.kind == "person"] == ["Volodymyr Zelensky"]


def test_an_unknown_person_becomes_a_new_actor_and_the_surname_later_links_to_it():
    ex = read("Marie Lefebvre, analyste à Paris, a souligné que la trêve était fragile. Lefebvre a ajouté qu'il fallait attendre.")
    lefebvre = next(a for a in ex.actors if a.name == "Marie Lefebvre")
    assert lefebvre.is_new and lefebvre.key == "new:marie lefebvre"
    assert [m.text for m in lefebvre.mentions] == ["Marie Lefebvre", "Lefebvre"]


def test_a_name_editors_rejected_never_becomes_an_actor():
    gaz = Gazetteer.from_file()
    rejecting = Gazetteer([e for e in _raw_entries()], rejected_names=["Marie Lefebvre"])
    text = "Marie Lefebvre, analyste, a souligné que la trêve était fragile."
    assert "Marie Lefebvre" in names(read(text, gazetteer=gaz))
    assert "Marie Lefebvre" not in names(read(text, gazetteer=rejecting))


def test_an_alias_editors_added_is_matched_in_the_next_article():
    entries = _raw_entries() + [{"key": "db:7", "name": "Oleksandr Merezhko", "kind": "person", "country": "UA",
                                 "aliases": [{"name": "Merejko", "language": "fr"}]}]
    ex = read("Merejko a estimé que la paix était lointaine.", gazetteer=Gazetteer(entries))
    assert "Oleksandr Merezhko" in names(ex)


def _raw_entries() -> list[dict]:
    import json

    from apps.extraction.pipeline.gazetteer import DATA_FILE

    return json.loads(DATA_FILE.read_text(encoding="utf-8"))["entries"]


def test_a_group_written_as_a_common_noun_is_still_found():
    # written for the tests: the gazetteer spells it "Coalition of the willing" and "coalition of the willing"
    ex = read("Macron said after a summit of the coalition of the willing on Thursday that 26 countries had "
              "pledged to take part.", language="en")
    assert "Coalition of the willing" in names(ex)
