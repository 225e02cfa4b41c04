"""When words were said: the story's running time dates a quotation that names no day of its own."""
from __future__ import annotations

from .pipeline_helpers import read


def date_of(extraction, fragment: str, *, direct: bool = True) -> str | None:
    """The day of the statement holding a fragment, as YYYY-MM-DD."""
    st = next(s for s in extraction.statements if fragment in s.text and s.direct == direct)
    return str(st.date) if st.date else None


def test_a_quotation_paragraphs_after_the_lead_keeps_the_day_the_lead_told():
    # Thursday story; the talks were on Wednesday, the quotation two paragraphs later names no day
    ex = read("OSLO, Sept 4 - Negotiators from Armenia and Azerbaijan agreed in Oslo on Wednesday to reopen "
              "their border crossings, according to both delegations.\n\n"
              "Foreign Minister Ararat Mirzoyan and his counterpart Jeyhun Bayramov spent six hours at the "
              "Holmenkollen hotel.\n\n"
              '"This was a good day for the whole region," Mirzoyan told reporters afterwards.',
              language="en", published="2025-09-04")
    assert date_of(ex, "good day for the whole region") == "2025-09-03"


def test_a_quotation_in_the_paragraph_after_the_day_before_takes_that_day_not_the_publication():
    ex = read("Jeyhun Bayramov said on Thursday that Baku would study the proposal.\n\n"
              "The day before, standing next to Ararat Mirzoyan in Oslo, Bayramov announced that the two "
              "countries would exchange prisoners.\n\n"
              '"We have waited for this for thirty years," Mirzoyan said.',
              language="en", published="2025-09-04")
    assert date_of(ex, "waited for this for thirty years") == "2025-09-03"


def test_a_month_named_in_a_plan_after_the_speech_verb_does_not_date_the_words():
    # « d'ici à la fin du mois » is when he might travel, « Lundi » is when he spoke
    ex = read("Lundi, Ilham Aliev a estimé que la liste des désaccords était plus courte. « Beaucoup de choses "
              "peuvent encore avancer », a-t-il dit, sans préciser s'il pourrait se rendre à Erevan d'ici à la "
              "fin du mois pour rencontrer Nikol Pachinian.",
              published="2025-09-09")
    assert date_of(ex, "Beaucoup de choses") == "2025-09-08"


def test_background_in_another_paragraph_does_not_move_the_next_quotation_to_its_day():
    # the lead's day is the story's time; a paragraph of background told of Saturday
    ex = read("Nikol Pachinian a reçu mardi à Erevan le ministre turc Hakan Fidan.\n\n"
              "Samedi, le Premier ministre arménien avait rencontré Ilham Aliev à Abou Dhabi.\n\n"
              "« La frontière doit rouvrir avant l'hiver », a déclaré Hakan Fidan à la presse.",
              published="2025-09-10")
    assert date_of(ex, "La frontière doit rouvrir") == "2025-09-09"


def test_a_day_planned_in_a_relative_clause_is_not_when_the_words_were_said():
    ex = read("Ilham Aliev, who was in Astana on Tuesday for talks with Kassym-Jomart Tokayev, did not go to "
              "Oslo: he postponed a visit to Norway that had been planned for Wednesday. "
              '"No one decides our borders without us," he told a news conference with Tokayev.',
              language="en", published="2025-09-10")
    assert date_of(ex, "No one decides our borders") == "2025-09-09"


def test_present_tense_reporting_is_the_day_of_the_story():
    ex = read("Ararat Mirzoyan met Jeyhun Bayramov in Oslo on Monday.\n\n"
              '"The border will open," Mirzoyan says.',
              language="en", published="2025-09-10")
    assert date_of(ex, "The border will open") == "2025-09-10"


def test_a_day_the_narration_gives_as_pluperfect_background_sets_no_scene_for_the_next_quotation():
    # written for the tests: Monday is what the delegation had done before; Macron spoke on Tuesday's scene
    ex = read("Mardi, à Paris, Emmanuel Macron a reçu Volodymyr Zelensky à l'Elysée.\n\n"
              "La délégation ukrainienne avait passé lundi la journée à Berlin avec des émissaires américains.\n\n"
              "« Rien n'est décidé », a déclaré Emmanuel Macron lors d'une conférence de presse commune.",
              language="fr", published="2025-03-06")
    assert date_of(ex, "Rien n'est décidé") == "2025-03-04"
