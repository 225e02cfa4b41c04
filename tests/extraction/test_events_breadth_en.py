"""Breadth of the English event words: the wire's other verbs and nouns for meetings, calls, visits, the press,
agreements, sanctions, strikes, prisoner exchanges and the acts of governments, each beside a look-alike in
another sense that must not fire.

The sentences were written for the tests."""
from __future__ import annotations

import pytest

from .pipeline_helpers import parties, read


def _kinds(text: str) -> list[str]:
    return [e.kind for e in read(text, language="en", published="2025-04-14").events]


def _first(text: str, kind: str):
    """The extraction and its first event of that kind (the test fails, naming the kinds read, if there is none)."""
    ex = read(text, language="en", published="2025-04-14")
    found = [e for e in ex.events if e.kind == kind]
    assert found, [e.kind for e in ex.events]
    return ex, found[0]


@pytest.mark.parametrize(("text", "kind", "who"), [
    ("Trump chatted with Putin by phone on Tuesday.", "call", {"Donald Trump", "Vladimir Putin"}),
    ("President Macron lunched with Chancellor Merz in Berlin on Monday.", "meeting",
     {"Emmanuel Macron", "Friedrich Merz"}),
    ("Prime Minister Starmer entertained President Zelensky at Chequers on Sunday.", "meeting",
     {"Keir Starmer", "Volodymyr Zelensky"}),
    ("The president rang Vladimir Putin on Tuesday.", "call", {"Vladimir Putin"}),
    ("Steve Witkoff jetted to Moscow on Thursday.", "visit", {"Steve Witkoff"}),
    ("Zelensky came to Washington on Friday.", "visit", {"Volodymyr Zelensky"}),
    ("Macron held a bilateral with Merz on the sidelines of the summit on Monday.", "meeting", {"Friedrich Merz"}),
    ("Starmer had a brief chat with Trump on Monday.", "meeting", {"Keir Starmer", "Donald Trump"}),
    ("Zelensky told a presser in Kyiv on Monday that the talks would continue.", "press_conference",
     {"Volodymyr Zelensky"}),
    ("Zelensky spoke at a joint press appearance with Macron in Paris on Monday.", "press_conference",
     {"Volodymyr Zelensky", "Emmanuel Macron"}),
    ("In a video message on Monday, Zelensky said the army held the line.", "statement", {"Volodymyr Zelensky"}),
    ("The handshake between Trump and Putin in Anchorage on Friday lasted a minute.", "meeting",
     {"Donald Trump", "Vladimir Putin"}),
])
def test_other_words_for_meetings_calls_visits_and_the_press_name_the_event(text, kind, who):
    ex, event = _first(text, kind)
    assert who <= parties(ex, event)


@pytest.mark.parametrize("text", [
    "The committee entertained the idea on Sunday.",
    "The decision came to nothing on Friday.",
    "The message was clear on Monday.",
    "He finished his tour of duty.",
    "The bells rang on Tuesday.",
])
def test_the_same_words_in_another_sense_name_no_event(text):
    assert _kinds(text) == []


@pytest.mark.parametrize(("text", "who"), [
    ("The United States and the EU agreed a trade framework on Sunday.", {"United States", "European Union"}),
    ("EU leaders endorsed the roadmap in Brussels on Thursday.", {"European Union"}),
    ("Ukraine accepted the U.S. peace plan on Tuesday.", {"Ukraine"}),
    ("Russia and Ukraine reached an understanding on Black Sea shipping on Tuesday.", {"Russia", "Ukraine"}),
    ("Macron and Meloni issued a communique after their meeting in Rome on Tuesday.",
     {"Emmanuel Macron", "Giorgia Meloni"}),
    ("Ukraine ratified the treaty on Thursday.", {"Ukraine"}),
])
def test_a_text_the_parties_make_together_is_an_agreement_with_the_verb_that_makes_it(text, who):
    ex, event = _first(text, "agreement")
    assert who <= parties(ex, event)


@pytest.mark.parametrize("text", [
    "Kyiv has a plan for the winter.",
    "The plan is to keep talking.",
    "The declaration of war shocked Europe.",
    "Zelensky said he had no understanding of the Russian position.",
    "The ministers made arrangements for the trip on Monday.",
])
def test_a_plan_or_a_declaration_with_no_verb_that_agrees_it_is_no_agreement(text):
    assert "agreement" not in _kinds(text)


@pytest.mark.parametrize(("text", "who"), [
    ("The EU imposed an oil embargo on Russia on Monday.", {"European Union"}),
    ("Britain announced a ban on Russian LNG imports on Monday.", {"United Kingdom"}),
    ("Washington tightened export restrictions on Russia on Friday.", {"United States"}),
    ("The EU adopted restrictive measures against 20 Russian individuals on Thursday.", {"European Union"}),
    ("Britain froze the assets of two Russian banks on Tuesday.", {"United Kingdom"}),
    ("The EU banned imports of Russian diamonds on Friday.", {"European Union"}),
    ("Trump hit Russia with new sanctions on Wednesday.", {"Donald Trump"}),
    ("Britain imposed an asset freeze on Rosneft on Monday.", {"United Kingdom"}),
])
def test_embargoes_bans_restrictions_and_frozen_assets_are_sanctions(text, who):
    ex, event = _first(text, "sanction")
    assert who <= parties(ex, event)


@pytest.mark.parametrize("text", [
    "A ban on smoking has long applied in bars.",
    "Zelensky designated Umerov as his envoy on Monday.",
    "The measures taken on Monday were modest.",
    "The EU wants to use frozen Russian assets.",
])
def test_a_ban_a_measure_or_an_asset_with_no_act_of_sanction_is_none(text):
    assert "sanction" not in _kinds(text)


@pytest.mark.parametrize(("text", "day"), [
    ("Russian missiles hit Kyiv overnight on Sunday.", "2025-04-13"),
    ("Russian drones targeted energy facilities in Odesa on Sunday.", "2025-04-13"),
    ("Russia pummelled Kharkiv on Saturday.", "2025-04-12"),
    ("Russia rained drones on Kyiv on Monday night.", "2025-04-14"),
    ("Russia unleashed 300 drones on Ukraine on Sunday.", "2025-04-13"),
    ("Russian troops ambushed a Ukrainian convoy near Pokrovsk on Monday.", "2025-04-14"),
    ("Russia launched a fresh onslaught on Sumy on Sunday.", "2025-04-13"),
    ("Ukraine launched an incursion into Kursk in August 2024.", "2024-08-01"),
])
def test_other_verbs_and_nouns_of_strikes_on_a_day_are_military_actions(text, day):
    _, event = _first(text, "military_action")
    assert str(event.date) == day


@pytest.mark.parametrize("text", [
    "Trump hit Russia with new sanctions on Wednesday.",
    "Oil prices hit a record on Monday.",
    "The talks hit a snag in Istanbul on Monday.",
    "The negotiators hammered out a deal in Geneva on Sunday.",
    "The campaign targeted voters in Ohio on Monday.",
    "The storm hit Odesa on Monday.",
    "Zelensky stormed out of the meeting on Friday.",
    "The minister faced a volley of criticism on Monday.",
])
def test_hitting_a_record_or_a_snag_or_hammering_out_a_deal_is_no_strike(text):
    assert "military_action" not in _kinds(text)


@pytest.mark.parametrize(("text", "kind", "who"), [
    ("Russia and Ukraine traded 150 prisoners of war on Saturday.", "other", {"Russia", "Ukraine"}),
    ("Ukraine repatriated the bodies of 900 soldiers on Friday.", "other", {"Ukraine"}),
    ("Russia handed over 84 prisoners of war on Sunday.", "other", {"Russia"}),
    ("Qatar mediated between Moscow and Kyiv in Doha on Monday.", "negotiation", {"Qatar", "Russia", "Ukraine"}),
    ("Trump named Keith Kellogg special envoy on Wednesday.", "other", {"Keith Kellogg"}),
    ("The Verkhovna Rada voted on Thursday to dismiss the defence minister.", "other", {"Verkhovna Rada"}),
])
def test_swaps_mediation_appointments_and_votes_by_other_words(text, kind, who):
    ex, event = _first(text, kind)
    assert who <= parties(ex, event)


@pytest.mark.parametrize("text", [
    "The two men traded barbs on Monday.",
    "Russia handed over the keys on Monday.",
    "The street was named after him on Monday.",
    "Ukrainians voted in 2019.",
    "Zelensky rules by decree.",
])
def test_trading_barbs_handing_over_keys_or_a_street_named_after_someone_is_no_event(text):
    assert _kinds(text) == []


@pytest.mark.parametrize(("text", "kind", "who"), [
    ("Russian forces captured the village of Velyka Novosilka in Donetsk on Sunday.", "military_action", {"Russia"}),
    ("Ukrainian forces launched a counterattack near Kupiansk on Sunday.", "military_action", {"Ukraine"}),
    ("Trump was inaugurated on January 20.", "other", {"Donald Trump"}),
    ("Zelensky said in a tweet on Monday that the talks had failed.", "statement", {"Volodymyr Zelensky"}),
    ("Britain and Ukraine signed security guarantees in Kyiv on Thursday.", "agreement", {"United Kingdom", "Ukraine"}),
])
def test_captures_inaugurations_tweets_and_guarantees_signed(text, kind, who):
    ex, event = _first(text, kind)
    assert who <= parties(ex, event)


@pytest.mark.parametrize("text", [
    "The film captured the mood of Washington on Monday.",
    "Trump blasted the plan on Monday.",
    "Zelensky inaugurated the bridge on Monday.",
    "The event was held in Paris.",
    "Ukraine wants security guarantees.",
    "Zelensky said on Thursday that security guarantees must be agreed before any deal is signed.",
])
def test_capturing_a_mood_blasting_a_plan_or_guarantees_still_wanted_are_no_event(text):
    assert [k for k in _kinds(text) if k != "statement"] == []


@pytest.mark.parametrize(("text", "kind", "who"), [
    ("Trump and Putin had a sit-down in Geneva on Monday.", "meeting", {"Donald Trump", "Vladimir Putin"}),
    ("Zelensky held a face-to-face with Putin in Istanbul on Friday.", "meeting",
     {"Volodymyr Zelensky", "Vladimir Putin"}),
    ("Macron had a one-on-one with Trump on Monday.", "meeting", {"Emmanuel Macron", "Donald Trump"}),
    ("Macron and Merz had a tête-à-tête in Paris on Monday.", "meeting", {"Emmanuel Macron", "Friedrich Merz"}),
    ("Ukraine launched a counter-offensive in June 2023.", "military_action", {"Ukraine"}),
])
def test_a_word_of_hyphenated_pieces_is_read_whole(text, kind, who):
    ex, event = _first(text, kind)
    assert who <= parties(ex, event)


def test_a_hyphenated_word_that_qualifies_a_meeting_leaves_it_one_meeting():
    assert _kinds("Zelensky and Putin held a face-to-face meeting in Istanbul on Friday.") == ["meeting"]


def test_a_sit_down_with_no_one_met_is_no_meeting():
    assert _kinds("The protesters staged a sit-down in front of the Rada on Monday.") == []


@pytest.mark.parametrize(("text", "kind", "who"), [
    ("In a joint declaration on Monday, Britain and France pledged to defend Ukraine.", "agreement",
     {"United Kingdom", "France"}),
    ("Trump held a video link with Zelensky on Monday.", "call", {"Donald Trump", "Volodymyr Zelensky"}),
    ("Washington imposed penalties on Chinese refiners on Monday.", "sanction", {"United States"}),
    ("The United States tightened export controls on Russia on Friday.", "sanction", {"United States"}),
    ("The EU lowered the price cap on Russian oil on Friday.", "sanction", {"European Union"}),
])
def test_joint_texts_video_links_penalties_export_controls_and_price_caps(text, kind, who):
    ex, event = _first(text, kind)
    assert who <= parties(ex, event)


@pytest.mark.parametrize("text", [
    "The penalty for speeding rose on Monday.",
    "Poland tightened border controls on Friday.",
    "The declaration of war came on Monday.",
])
def test_a_penalty_for_speeding_or_border_controls_are_no_sanction(text):
    assert _kinds(text) == []


@pytest.mark.parametrize("text", [
    "Zelensky departed from his script in Kyiv on Monday.",
    "Ukraine's government adopted a plan to rebuild the grid on Monday.",
    "Trump dialled back his threats on Monday.",
    "Russia handed over a list of demands in Istanbul on Monday.",
])
def test_leaving_a_script_a_governments_own_plan_or_a_list_handed_over_are_no_event(text):
    assert _kinds(text) == []
