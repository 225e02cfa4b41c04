"""A text its parties sign is an agreement, whatever its noun (« une déclaration commune », "a joint statement"); a
retreat the leaders hold is a meeting (not the retirement one takes). The sentences were written for the tests
(after blind8's dev half: a French analysis of a White House summit; blind11's: a weekly recap)."""
from __future__ import annotations

from .pipeline_helpers import parties, read


def test_a_joint_declaration_the_leaders_signed_is_an_agreement():
    story = read("Vendredi, à Washington, Ilham Aliev a reçu Nikol Pachinian. Les deux dirigeants ont signé une "
                 "déclaration commune censée clore trente ans de conflit.", language="fr", published="2025-08-11")
    [agreement] = [e for e in story.events if e.kind == "agreement"]
    assert {"Ilham Aliyev", "Nikol Pashinyan"} <= parties(story, agreement)
    assert str(agreement.date) == "2025-08-08"
    # what was agreed, without an adjective whose clause the title leaves out (« censée »)
    assert "déclaration commune" in agreement.title and "censée" not in agreement.title


def test_a_joint_statement_signed_in_english_is_an_agreement_and_one_issued_is_a_statement():
    story = read("On Friday, Aliyev and Pashinyan signed a joint statement meant to end decades of conflict. On "
                 "Tuesday, Putin and Xi issued a joint statement on energy.", language="en", published="2025-08-11")
    kinds = {frozenset(parties(story, e)): e.kind for e in story.events}
    assert kinds[frozenset({"Ilham Aliyev", "Nikol Pashinyan"})] == "agreement"
    assert kinds[frozenset({"Vladimir Putin", "Xi Jinping"})] == "statement"


def test_a_retreat_the_leaders_held_on_a_day_is_a_meeting():
    story = read("Les Vingt-Sept ont tenu lundi à Bruxelles leur première retraite consacrée à la défense.",
                 language="fr", published="2025-02-08")
    [meeting] = [e for e in story.events if e.kind == "meeting"]
    assert (str(meeting.date), meeting.location) == ("2025-02-03", "Brussels")
    assert parties(story, meeting) == {"European Union"}


def test_a_retirement_or_a_retreat_begun_is_no_meeting():
    story = read("Le ministre a pris sa retraite lundi. Les troupes ont entamé leur retraite mardi. La réforme des "
                 "retraites divise la majorité.", language="fr", published="2025-02-08")
    assert not [e for e in story.events if e.kind == "meeting"]
