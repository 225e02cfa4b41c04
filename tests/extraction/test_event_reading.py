"""Reading events from the parse: the trigger and its arguments, denial and hedging, status, the story's
clock, one event per real event, titles in both languages and the basis of each reading.

Every sentence here was written for the tests.
"""
from __future__ import annotations

import pytest

from .pipeline_helpers import parties, read


def events(text: str, *, language: str = "en", published: str = "2025-03-06"):
    ex = read(text, language=language, published=published)
    return ex, ex.events


def roles(ex, event) -> dict[str, str]:
    return {ex.actor(p.key).name: p.role for p in event.participants}


# --- triggers and their arguments --------------------------------------------------------------------------

def test_a_dinner_a_light_verb_holds_is_a_meeting_of_its_subjects_and_its_guest():
    ex, [dinner] = events("Keir Starmer and Emmanuel Macron had dinner on Tuesday with Volodymyr Zelensky in London.")
    assert (dinner.kind, str(dinner.date), dinner.location) == ("meeting", "2025-03-04", "London")
    assert parties(ex, dinner) == {"Keir Starmer", "Emmanuel Macron", "Volodymyr Zelensky"}
    assert dinner.basis.startswith("light-verb")


def test_a_french_meeting_held_is_the_meeting_of_who_held_it():
    ex, [meeting] = events("Jean-Noël Barrot a tenu jeudi une réunion avec Andrii Sybiha à Paris.", language="fr",
                           published="2025-07-18")
    assert (meeting.kind, str(meeting.date), meeting.location) == ("meeting", "2025-07-17", "Paris")
    assert parties(ex, meeting) == {"Jean-Noël Barrot", "Andrii Sybiha"}


@pytest.mark.parametrize("text", ["Emmanuel Macron called for a ceasefire on Monday.",
                                  "Emmanuel Macron called off the summit on Monday."])
def test_calling_for_or_calling_off_is_no_call(text):
    _, found = events(text)
    assert [e for e in found if e.kind == "call"] == []


def test_calling_a_leader_is_a_call_whatever_the_preposition_of_its_day():
    ex, [call] = events("Emmanuel Macron called Volodymyr Zelensky on Monday.")
    assert (call.kind, str(call.date)) == ("call", "2025-03-03")
    assert roles(ex, call) == {"Emmanuel Macron": "agent", "Volodymyr Zelensky": "participant"}


def test_a_readout_speaking_to_a_leader_this_afternoon_is_a_call_today():
    ex, [call] = events("The Prime Minister spoke to President Macron this afternoon.", published="2025-02-25")
    assert (call.kind, str(call.date), call.status) == ("call", "2025-02-25", "occurred")
    assert "Emmanuel Macron" in parties(ex, call)


def test_a_deal_announced_is_an_agreement_whose_title_says_what():
    ex, [deal] = events("Britain announced a €1.5bn air-defence deal with Kyiv on Wednesday.")
    assert (deal.kind, deal.plover, str(deal.date)) == ("agreement", "AGREE", "2025-03-05")
    assert deal.titles["en"] == "United Kingdom agrees a €1.5bn air-defence deal with Kyiv"


def test_agreeing_a_plan_is_an_agreement_without_the_day_or_place_in_what():
    _, [plan] = events("The coalition of the willing agreed a plan for a reassurance force on Sunday in London.")
    assert (plan.kind, str(plan.date), plan.location) == ("agreement", "2025-03-02", "London")
    assert plan.titles["en"] == "Coalition of the willing agrees a plan for a reassurance force"


def test_a_joint_appearance_beside_a_leader_is_a_meeting():
    ex, found = events("Speaking alongside Volodymyr Zelensky in Kyiv on Monday, Emmanuel Macron said the plan was "
                       "ready.")
    [meeting] = found
    assert (meeting.kind, str(meeting.date), meeting.location) == ("meeting", "2025-03-03", "Kyiv")
    assert parties(ex, meeting) == {"Emmanuel Macron", "Volodymyr Zelensky"}


def test_remarks_to_reporters_are_a_press_conference_of_the_speaker():
    ex, [remarks] = events("Marco Rubio told reporters in Antalya on Thursday that the talks would be difficult.",
                           published="2025-05-16")
    assert (remarks.kind, str(remarks.date), remarks.location) == ("press_conference", "2025-05-15", "Antalya")
    assert parties(ex, remarks) == {"Marco Rubio"}


def test_a_follow_on_session_the_next_day_is_a_meeting_of_its_own():
    ex, found = events("European leaders met in London on Sunday and held a follow-on session on Monday.",
                       published="2025-03-04")
    assert sorted(str(e.date) for e in found if e.kind == "meeting") == ["2025-03-02", "2025-03-03"]


def test_the_press_conference_that_followed_is_no_back_reference_to_drop():
    ex, found = events("Volodymyr Zelensky a rencontré Recep Tayyip Erdogan à Ankara mardi. Dans la conférence de "
                       "presse qui a suivi, Volodymyr Zelensky a déclaré que l'Ukraine ne reconnaîtrait aucun accord.",
                       language="fr", published="2025-02-19")
    [conference] = [e for e in found if e.kind == "press_conference"]
    assert "Volodymyr Zelensky" in parties(ex, conference) and str(conference.date) == "2025-02-18"


def test_a_hyphenated_french_verb_that_breaks_the_parse_still_gives_who_where_and_when():
    ex, [meeting] = events("Keir Starmer co-organisera avec Emmanuel Macron une réunion à Londres mardi.",
                           language="fr", published="2025-09-14")
    assert (meeting.status, str(meeting.date), meeting.location) == ("planned", "2025-09-16", "London")
    assert parties(ex, meeting) == {"Keir Starmer", "Emmanuel Macron"}
    assert meeting.basis.startswith("surface")


# --- denial, hedging and status ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "language"), [
    ("Volodymyr Zelensky did not meet Vladimir Putin in Istanbul.", "en"),
    ("Il n'y a eu aucune rencontre entre Volodymyr Zelensky et Vladimir Poutine.", "fr"),
    ("Vladimir Putin refused to meet Volodymyr Zelensky in Istanbul.", "en"),
    ("Kyiv fears a settlement reached without talks with Volodymyr Zelensky.", "en"),
])
def test_a_denied_event_is_no_event(text, language):
    _, found = events(text, language=language)
    assert [e for e in found if e.kind == "meeting"] == []


@pytest.mark.parametrize("text", [
    "Officials discussed the possibility of a meeting between Donald Trump and Vladimir Putin.",
    "If Donald Trump meets Vladimir Putin, the war could end.",
    "A possible summit between Donald Trump and Vladimir Putin worries Kyiv.",
])
def test_a_possible_meeting_is_planned_undated_and_less_sure(text):
    ex, [meeting] = events(text)
    assert (meeting.status, meeting.date) == ("planned", None)
    assert {"Donald Trump", "Vladimir Putin"} <= parties(ex, meeting)
    _, [held] = events("Donald Trump met Vladimir Putin in Alaska on Friday.")
    # less sure than a meeting the text dates: undated and only possible events are right less often
    # (kinds.py, fitted by scripts/calibration.py)
    assert "hedged" in meeting.basis and meeting.confidence < held.confidence


def test_a_future_in_reported_speech_is_planned_and_dated_by_its_own_day_not_the_saying():
    ex, [meeting] = events("Dmitry Peskov said on Tuesday that Vladimir Putin would meet Donald Trump in Budapest on "
                           "Friday.", published="2025-10-14")
    assert (meeting.status, str(meeting.date), meeting.location) == ("planned", "2025-10-17", "Budapest")
    assert "hedged" not in meeting.basis


def test_a_summit_called_off_is_cancelled_and_undated_when_the_text_gives_no_day():
    ex, [summit] = events("The summit between Donald Trump and Vladimir Putin in Budapest was called off.",
                          published="2025-10-22")
    assert (summit.status, summit.date, summit.precision) == ("cancelled", None, "unknown")
    assert summit.titles["en"] == "Trump–Putin meeting in Budapest called off"


def test_talks_under_way_took_place():
    ex, [talks] = events("Talks between Russia and Ukraine were under way in Istanbul on Friday.",
                         published="2025-05-17")
    assert (talks.status, str(talks.date), talks.location) == ("occurred", "2025-05-16", "Istanbul")
    assert parties(ex, talks) == {"Russia", "Ukraine"}


# --- the story's clock, and one event per real event ---------------------------------------------------------------

def test_the_same_day_counts_from_the_day_the_story_is_at_not_from_a_date_in_passing():
    # "le 12 février" only says which call; the story is at Tuesday the 18th
    ex, found = events("Mardi, Marco Rubio a rencontré Sergueï Lavrov à Riyad. Ces pourparlers interviennent moins "
                       "d'une semaine après l'appel du 12 février entre Donald Trump et Vladimir Poutine. Le même jour, "
                       "Volodymyr Zelensky était en visite à Ankara.", language="fr", published="2025-02-18")
    [visit] = [e for e in found if e.kind == "visit"]
    assert (str(visit.date), visit.location) == ("2025-02-18", "Ankara")
    [call] = [e for e in found if e.kind == "call"]
    assert str(call.date) == "2025-02-12"


def test_two_days_later_counts_from_the_day_the_story_is_at_not_from_publication():
    ex, found = events("Marco Rubio met Sergei Lavrov in Riyadh on 18 February. Two days later, Steve Witkoff met "
                       "Vladimir Putin in Moscow.", published="2025-02-25")
    dates = {e.location: str(e.date) for e in found}
    assert dates == {"Riyadh": "2025-02-18", "Moscow": "2025-02-20"}


def test_an_undated_report_of_a_meeting_joins_the_dated_one():
    ex, [meeting] = events("Keith Kellogg met Volodymyr Zelensky in Kyiv on Thursday. Kellogg later said the meeting "
                           "had been productive.", published="2025-02-21")
    assert (str(meeting.date), meeting.location) == ("2025-02-20", "Kyiv")
    assert len(meeting.trigger_offsets) == 2 and "merged" in meeting.basis


def test_a_status_difference_does_not_keep_two_reports_apart():
    ex, [meeting] = events("Donald Trump will meet Vladimir Putin in Budapest on Thursday. The Budapest meeting was "
                           "later called off.", published="2025-10-14")
    assert (meeting.status, str(meeting.date), meeting.location) == ("cancelled", "2025-10-16", "Budapest")


def test_a_place_is_never_copied_from_another_event_of_the_sentence():
    ex, found = events("Emmanuel Macron met Volodymyr Zelensky in Paris on Monday and later spoke by phone with "
                       "Donald Trump.")
    [call] = [e for e in found if e.kind == "call"]
    assert call.location is None and parties(ex, call) == {"Emmanuel Macron", "Donald Trump"}


def test_the_two_leaders_are_the_parties_of_the_event_just_told():
    ex, found = events("Donald Trump and Vladimir Putin met in Anchorage on Friday.\n\nThe two leaders then held a "
                       "joint press conference.", published="2025-08-16")
    [conference] = [e for e in found if e.kind == "press_conference"]
    assert parties(ex, conference) == {"Donald Trump", "Vladimir Putin"}


def test_his_meeting_with_a_leader_is_the_meeting_of_whom_his_stands_for():
    ex, found = events("Volodymyr Zelensky arrived in Washington on Monday.\n\nHis meeting with Donald Trump lasted "
                       "two hours.", published="2025-08-19")
    [meeting] = [e for e in found if e.kind == "meeting"]
    assert parties(ex, meeting) == {"Volodymyr Zelensky", "Donald Trump"}


def test_an_undated_event_told_as_done_takes_the_day_the_story_went_out_and_says_it_is_inferred():
    ex, [talks] = events("Volodymyr Zelensky and Emmanuel Macron held talks in Paris.")
    assert (str(talks.date), talks.date_inferred) == ("2025-03-06", True)
    _, [dated] = events("Volodymyr Zelensky and Emmanuel Macron held talks in Paris on Monday.")
    assert talks.basis.endswith("default") and talks.confidence < dated.confidence


# --- titles and basis ---------------------------------------------------------------------------------------------

def test_titles_say_who_what_and_where_in_both_languages():
    ex, [meeting] = events("Donald Trump and Vladimir Putin met in Anchorage on Friday.", published="2025-08-16")
    assert meeting.titles == {"en": "Trump and Putin meet in Anchorage", "fr": "Trump et Putin se rencontrent à Anchorage"}
    assert meeting.title == meeting.titles["en"]


def test_a_french_title_names_the_parties_as_the_article_writes_them():
    ex, [meeting] = events("Emmanuel Macron et Vladimir Poutine se sont rencontrés vendredi à Paris.", language="fr",
                           published="2025-08-16")
    assert meeting.title == meeting.titles["fr"] == "Macron et Poutine se rencontrent à Paris"
    assert meeting.titles["en"] == "Macron and Putin meet in Paris"


def test_the_confidence_follows_how_the_event_was_read():
    _, [verb] = events("Emmanuel Macron met Volodymyr Zelensky in Paris on Monday.")
    _, [noun] = events("A summit of European leaders took place in Paris.")
    assert verb.basis == "verb+args+date" and noun.basis.startswith("noun")
    assert verb.confidence > noun.confidence


def test_a_called_off_meeting_planned_for_a_weekday_keeps_the_day_it_was_set_for():
    ex, [meeting] = events("La rencontre entre Sergueï Lavrov et Marco Rubio, prévue mardi à Genève, a été annulée.",
                           language="fr", published="2025-07-18")
    assert (meeting.status, str(meeting.date), meeting.location) == ("cancelled", "2025-07-22", "Geneva")


def test_sanctions_adopted_on_a_day_named_before_them_are_sanctions():
    # the parser hangs « un paquet » on « vendredi »
    ex, [sanction] = events("L'Union européenne a adopté vendredi un dix-huitième paquet de sanctions contre la Russie.",
                            language="fr", published="2025-07-19")
    assert (sanction.kind, str(sanction.date)) == ("sanction", "2025-07-18")
    assert roles(ex, sanction) == {"European Union": "agent", "Russia": "target"}


@pytest.mark.parametrize(("text", "language"), [
    ("Volodymyr Zelensky said security guarantees must be agreed before any peace deal is signed.", "en"),
    ("La rencontre a été annulée, a annoncé le département d'Etat américain.", "fr"),
])
def test_a_deal_in_general_or_an_inverted_subject_is_no_agreement_or_announcement(text, language):
    _, found = events(text, language=language)
    assert [e for e in found if e.kind in ("agreement", "announcement")] == []


def test_a_date_in_a_clause_that_opens_a_span_does_not_date_the_event():
    ex, [visit] = events("Karol Nawrocki, who was making his first visit to Kyiv since taking office in August, "
                         "pledged more aid on Thursday.", published="2025-09-12")
    assert visit.precision == "day" and visit.date.month == 9


def test_a_title_names_the_group_with_the_people_and_as_the_article_writes_it_with_its_article():
    ex, [meeting] = events("Emmanuel Macron et Keir Starmer ont coprésidé jeudi une réunion de la coalition des "
                           "volontaires à Northwood.", language="fr", published="2025-07-11")
    assert meeting.title == "Macron, Starmer et la coalition des volontaires se rencontrent à Northwood"


def test_they_inside_a_sentence_is_not_the_last_person_named_before_it():
    ex, found = events("Donald Trump spoke about the plan on Monday.\n\nSecurity advisers from France and Germany were "
                       "in Geneva on Sunday, where they met Andriy Yermak.", published="2025-11-24")
    [meeting] = [e for e in found if e.kind == "meeting"]
    assert "Donald Trump" not in parties(ex, meeting) and "Andriy Yermak" in parties(ex, meeting)


def test_we_in_a_transcript_is_the_one_who_speaks():
    ex, found = events("Vladimir Putin: Ladies and gentlemen,\n\nWe held our talks with President Trump in Anchorage "
                       "today in a constructive atmosphere.", published="2025-08-15")
    [talks] = [e for e in found if e.kind == "meeting"]
    assert {"Vladimir Putin", "Donald Trump"} <= parties(ex, talks)


# --- round 3: triggers met on unseen text ---------------------------------------------------------------------

def test_remarks_to_a_broadcasters_programme_are_an_interview_with_that_broadcaster():
    ex, found = events("“The offer is on the table,” Steve Witkoff told CNN's “State of the Union” program.",
                       published="2025-08-17")
    [interview] = [e for e in found if e.kind == "statement"]
    assert {"Steve Witkoff", "CNN"} <= parties(ex, interview)


@pytest.mark.parametrize(("text", "language"), [
    ("His words came after a week marked by a heated Oval Office clash between President Donald Trump and "
     "Ukrainian leader Volodymyr Zelensky.", "en"),
    ("Ces propos font suite à une vive altercation entre Donald Trump et Volodymyr Zelensky dans le Bureau ovale.",
     "fr"),
])
def test_a_clash_between_two_leaders_is_a_meeting_that_happened(text, language):
    ex, found = events(text, language=language, published="2025-03-02")
    [meeting] = [e for e in found if e.kind == "meeting"]
    assert meeting.status == "occurred" and parties(ex, meeting) == {"Donald Trump", "Volodymyr Zelensky"}


def test_troops_clashing_is_no_meeting():
    ex, found = events("Fierce clashes between Russian and Ukrainian troops continued near Pokrovsk on Monday. "
                       "Police clashed with protesters in Tbilisi.", published="2025-03-02")
    assert not [e for e in found if e.kind == "meeting"]


def test_governments_announcing_what_they_will_do_is_an_announcement_a_person_saying_so_is_not():
    ex, found = events("Mardi, l'Allemagne et la Pologne avaient annoncé vouloir créer une brigade commune.",
                       language="fr", published="2025-07-10")
    [announcement] = [e for e in found if e.kind == "announcement"]
    assert str(announcement.date) == "2025-07-08" and parties(ex, announcement) == {"Germany", "Poland"}
    ex, found = events("Emmanuel Macron a annoncé vouloir réformer les retraites.", language="fr",
                       published="2025-07-10")
    assert not [e for e in found if e.kind == "announcement"]


def test_a_passive_in_the_future_is_planned_and_not_the_meeting_that_took_place():
    ex, found = events("Donald Trump a reçu ce lundi Volodymyr Zelensky à la Maison Blanche. Après leur entretien, "
                       "Volodymyr Zelensky et Donald Trump seront rejoints par Keir Starmer.", language="fr",
                       published="2025-08-18")
    assert sorted(e.status for e in found if e.kind == "meeting") == ["occurred", "planned"]


def test_a_clause_with_its_own_subject_does_not_give_its_names_to_the_event_before_it():
    ex, found = events("Early this month, Donald Trump imposed new tariffs on steel, and he has warned Beijing against "
                       "retaliation.", published="2025-08-13")
    [tariffs] = [e for e in found if e.kind == "sanction"]
    assert parties(ex, tariffs) == {"Donald Trump"}


def test_threatened_further_sanctions_are_planned_and_not_the_sanctions_imposed():
    ex, found = events("Last week Donald Trump imposed tariffs on Brazilian coffee, and he has threatened Moscow with "
                       "further sanctions.", published="2025-08-13")
    sanctions = sorted((e.status, str(e.date)) for e in found if e.kind == "sanction")
    assert sanctions == [("occurred", "2025-08-04"), ("planned", "None")]


def test_a_possible_exchange_of_prisoners_is_a_goal_not_an_event():
    ex, found = events("Donald Trump and Vladimir Putin also discussed a possible exchange of prisoners, Yuri Ushakov "
                       "said.", published="2025-05-20")
    assert not [e for e in found if e.kind == "other"]


def test_a_meeting_the_day_before_to_prepare_a_swap_is_dated_from_the_swap():
    ex, found = events("Russia and Ukraine swapped 84 prisoners on Friday.\n\nRustem Umerov met Qatari officials in "
                       "Doha the day before to prepare the swap.", published="2025-10-06")
    [meeting] = [e for e in found if e.kind == "meeting"]
    assert str(meeting.date) == "2025-10-02"


@pytest.mark.parametrize("text", [
    "Le Conseil européen a adopté ce jeudi un vingtième paquet de sanctions contre la Russie.",
    "Le Royaume-Uni a imposé jeudi des sanctions à deux banques russes.",
])
def test_an_object_the_parser_joined_to_a_bare_day_is_still_the_verbs(text):
    ex, found = events(text, language="fr", published="2025-10-23")
    [sanctions] = [e for e in found if e.kind == "sanction"]
    assert str(sanctions.date) == "2025-10-23"


def test_remarks_to_reporters_the_text_does_not_date_belong_to_the_day_the_story_is_at():
    ex, found = events("Emmanuel Macron spoke with Xi Jinping by phone on Tuesday.\n\n“We agreed on a lot,” "
                       "Macron told reporters at the Elysee.", published="2025-11-13")
    [remarks] = [e for e in found if e.kind == "press_conference"]
    assert str(remarks.date) == "2025-11-11"


def test_a_pluperfect_day_in_passing_does_not_date_the_press_conference_told_after_it():
    ex, found = events("Keir Starmer a reçu vendredi à Londres Volodymyr Zelensky, arrivé de Bruxelles où il avait "
                       "participé jeudi à un sommet.\n\n« Nous tiendrons », a déclaré M. Starmer lors d'une "
                       "conférence de presse commune avec M. Zelensky.", language="fr", published="2025-10-24")
    [conference] = [e for e in found if e.kind == "press_conference"]
    assert str(conference.date) == "2025-10-24"


def test_remarks_to_reporters_answer_the_lead_s_day_not_a_day_a_paragraph_looked_back_to():
    ex, found = events("Emmanuel Macron received Olaf Scholz in Paris on Monday.\n\nLast Wednesday, Donald Trump "
                       "spoke with Vladimir Putin.\n\nKeir Starmer said the talks were useful.\n\n“We will not "
                       "decide over their heads,” Scholz told reporters.", published="2025-02-17")
    [remarks] = [e for e in found if e.kind == "press_conference"]
    assert str(remarks.date) == "2025-02-17"


def test_a_day_in_a_supposition_does_not_move_the_story_to_it():
    ex, found = events("On Wednesday Friedrich Merz received Volodymyr Zelensky in Berlin.\n\nIf Vladimir Putin did "
                       "not agree to a ceasefire after their meeting in Alaska on Friday, Donald Trump warned, there "
                       "would be consequences.\n\nAn hour later the coalition of the willing met by video.",
                       published="2025-08-14")
    [coalition] = [e for e in found if "Coalition of the willing" in parties(ex, e)]
    assert str(coalition.date) == "2025-08-13"


def test_a_call_told_as_what_came_next_is_another_call_with_its_own_parties():
    ex, found = events("Donald Trump and Vladimir Putin spoke by phone yesterday. He then called Emmanuel Macron and "
                       "Friedrich Merz to brief them.", published="2025-05-20")
    calls = [e for e in found if e.kind == "call"]
    assert [parties(ex, c) for c in calls] == [{"Donald Trump", "Vladimir Putin"},
                                               {"Donald Trump", "Emmanuel Macron", "Friedrich Merz"}]


def test_a_noun_with_neither_parties_nor_place_is_no_event():
    ex, found = events("Emmanuel Macron a reçu lundi Olaf Scholz à Paris. La réunion de mardi a été plus tendue, selon "
                       "un diplomate.", language="fr", published="2025-02-19")
    assert [e.kind for e in found] == ["meeting"]


def test_two_leaders_who_spoke_today_in_a_readout_held_a_call():
    ex, found = events("Today, President Emmanuel Macron and President Xi Jinping spoke about trade and climate.",
                       published="2025-03-18")
    [call] = [e for e in found if e.kind == "call"]
    assert parties(ex, call) == {"Emmanuel Macron", "Xi Jinping"} and str(call.date) == "2025-03-18"


def test_leaders_speaking_at_a_forum_held_no_call():
    ex, found = events("Emmanuel Macron and Olaf Scholz spoke at a dinner for donors in Berlin on Saturday.",
                       published="2025-03-18")
    assert not [e for e in found if e.kind == "call"]


def test_a_discussion_with_a_named_partner_is_a_meeting_dated_by_its_night():
    ex, found = events("Keir Starmer updated on his discussion with President Donald Trump last night.",
                       published="2025-03-04")
    [talk] = found
    assert str(talk.date) == "2025-03-03" and "Donald Trump" in parties(ex, talk)


def test_a_participle_that_describes_an_event_noun_is_that_event():
    ex, found = events("Russia and Ukraine carried out a swap of prisoners brokered by Qatar on Friday.",
                       published="2025-10-04")
    assert [e.kind for e in found] == ["other"]


def test_the_meeting_a_day_is_set_for_is_the_one_others_join_that_day():
    ex, found = events("The Coalition of the Willing will meet tomorrow.\n\nNATO, Canada and Australia are expected "
                       "to join the virtual meeting tomorrow morning.", published="2025-03-14")
    [meeting] = found
    assert str(meeting.date) == "2025-03-15" and {"NATO", "Canada"} <= parties(ex, meeting)


def test_a_headline_infinitive_is_planned():
    ex, found = events("Prime Minister Keir Starmer to host Emmanuel Macron for talks in London on trade and migration"
                       "\n\nThe visit comes after months of tension over migration.", published="2025-03-14")
    [meeting] = found
    assert meeting.status == "planned"


def test_sitting_down_with_a_leader_is_meeting_him():
    ex, found = events("Steve Witkoff sat down with Vladimir Putin in Moscow on Tuesday for five hours.",
                       published="2025-12-04")
    [meeting] = found
    assert (meeting.kind, str(meeting.date)) == ("meeting", "2025-12-02")
    assert {"Steve Witkoff", "Vladimir Putin"} <= parties(ex, meeting)


def test_commitments_to_be_signed_by_a_deadline_are_a_planned_agreement():
    ex, found = events("The coalition of the willing aims to sign security commitments with Kyiv by the end of the "
                       "year.", published="2025-09-08")
    [deal] = found
    assert (deal.kind, deal.status, str(deal.date)[:4]) == ("agreement", "planned", "2025")


# --- one word, several events; a leader abroad; days counted from another event -------------------------------

def test_one_verb_with_a_partner_and_later_another_is_two_calls():
    ex, found = events("Donald Trump spoke with Vladimir Putin on Wednesday and later with Volodymyr Zelensky.",
                       published="2025-02-17")
    calls = sorted(found, key=lambda e: sorted(parties(ex, e)))
    assert [(e.kind, str(e.date)) for e in calls] == [("call", "2025-02-12"), ("call", "2025-02-12")]
    assert [parties(ex, e) for e in calls] == [{"Donald Trump", "Vladimir Putin"},
                                               {"Donald Trump", "Volodymyr Zelensky"}]


def test_a_french_exchange_with_one_leader_then_another_the_same_day_is_two_calls():
    ex, found = events("Mercredi dernier, le président américain Donald Trump a eu un long échange téléphonique avec "
                       "Vladimir Poutine, puis, le même jour, avec Volodymyr Zelensky.", language="fr",
                       published="2025-02-17")
    assert sorted((e.kind, str(e.date), tuple(sorted(parties(ex, e)))) for e in found) == [
        ("call", "2025-02-12", ("Donald Trump", "Vladimir Putin")),
        ("call", "2025-02-12", ("Donald Trump", "Volodymyr Zelensky"))]


def test_talks_on_one_day_and_again_on_another_are_two_rounds():
    ex, found = events("Ukrainian officials held talks with Marco Rubio in Riyadh on Sunday and again on Tuesday.",
                       published="2025-03-25")
    assert sorted(str(e.date) for e in found) == ["2025-03-23", "2025-03-25"]
    assert all(e.location == "Riyadh" and "Marco Rubio" in parties(ex, e) for e in found)


def test_talks_with_two_partners_at_once_stay_one_meeting():
    ex, found = events("Marco Rubio held talks with Andrii Sybiha and with Hakan Fidan in Istanbul on Friday.",
                       published="2025-05-17")
    [talks] = found
    assert {"Andrii Sybiha", "Hakan Fidan"} <= parties(ex, talks)


@pytest.mark.parametrize("language, text", [
    ("en", "On Sunday, Canadian Prime Minister Mark Carney was in Kyiv for the ceremonies."),
    ("fr", "Ce même dimanche, le Premier ministre canadien, Mark Carney, était à Kiev pour les cérémonies."),
])
def test_a_leader_who_was_in_a_foreign_capital_visited_it(language, text):
    ex, [visit] = events(text, language=language, published="2025-08-24")
    assert (visit.kind, str(visit.date), visit.location) == ("visit", "2025-08-24", "Kyiv")
    assert parties(ex, visit) == {"Mark Carney"}


def test_a_leader_in_his_own_capital_is_no_visit():
    _, found = events("On Sunday, Volodymyr Zelensky was in Kyiv for the ceremonies.", published="2025-08-24")
    assert found == []


@pytest.mark.parametrize("language, text", [
    ("en", "The prisoner exchange came nine days after the summit between Donald Trump and Vladimir Putin in Alaska."),
    ("fr", "L'échange de prisonniers intervient neuf jours après la rencontre entre Donald Trump et Vladimir Poutine "
           "en Alaska."),
])
def test_an_event_told_as_days_before_the_story_s_day_is_dated_by_the_count(language, text):
    ex, found = events("On Sunday 24 August, Kyiv welcomed 146 soldiers home.\n\n" + text, language=language,
                       published="2025-08-24")
    [summit] = [e for e in found if e.kind == "meeting"]
    assert (str(summit.date), summit.location) == ("2025-08-15", "Alaska")


def test_a_count_from_the_story_s_day_is_not_counted_from_a_date_the_sentence_gives_another_event():
    ex, found = events("Le 24 août, Kiev a accueilli ses soldats.\n\nCet échange intervient une semaine après le "
                       "sommet de Washington, le 18 août, et neuf jours après la rencontre entre Donald Trump et "
                       "Vladimir Poutine en Alaska.", language="fr", published="2025-08-24")
    alaska = next(e for e in found if e.location == "Alaska")
    assert str(alaska.date) == "2025-08-15"


# --- the next of a series; resignations ------------------------------------------------------------------------

def test_a_new_round_of_talks_is_a_planned_event_between_the_sides_of_the_last_round():
    ex, found = events("Ukrainian officials held talks with the U.S. delegation on Sunday.\n\nZelenskyy said that a "
                       "new round of talks could take place in the coming weeks.", published="2025-03-25")
    [sunday, later] = sorted(found, key=lambda e: e.status)
    assert (str(sunday.date), later.status, later.date) == ("2025-03-23", "planned", None)
    assert parties(ex, later) == {"Ukraine", "United States"}


def test_the_next_prisoner_exchange_is_another_exchange_between_the_same_sides():
    ex, found = events("Dimanche 24 août, 146 soldats ukrainiens sont rentrés grâce à un échange de prisonniers avec "
                       "la Russie.\n\nUn prochain échange est déjà en préparation, selon Kiev.", language="fr",
                       published="2025-08-24")
    swaps = sorted((e for e in found if e.kind == "other"), key=lambda e: e.status)
    assert [(e.status, str(e.date)) for e in swaps] == [("occurred", "2025-08-24"), ("planned", "None")]
    assert "Russia" in parties(ex, swaps[1])


def test_an_exchange_with_no_series_told_before_is_no_event():
    _, found = events("Un prochain échange de vues est prévu, selon Kiev.", language="fr", published="2025-08-24")
    assert found == []


@pytest.mark.parametrize("language, text, title", [
    ("fr", "Andriï Iermak, le chef de cabinet de Volodymyr Zelensky, a démissionné vendredi.",
     "Iermak annonce sa démission"),
    ("en", "Andriy Yermak announced his resignation on Friday.", "Yermak announces his resignation"),
])
def test_a_dated_resignation_is_announced_by_the_one_who_leaves(language, text, title):
    ex, [resignation] = events(text, language=language, published="2025-12-04")
    assert (resignation.kind, str(resignation.date), resignation.title) == ("announcement", "2025-11-28", title)
    assert parties(ex, resignation) == {"Andriy Yermak"}
    assert resignation.titles["en" if language == "fr" else "fr"] in ("Yermak announces resignation",
                                                                         "Yermak annonce sa démission")


def test_a_resignation_the_text_does_not_date_is_no_event():
    _, found = events("Andriy Yermak resigned after a scandal.", published="2025-12-04")
    assert found == []


# --- giving up a planned meeting; a clause of its own the parser hung on another -------------------------------

def test_giving_up_the_meeting_one_was_to_have_is_a_cancelled_meeting_with_its_parties_and_place():
    ex, found = events("Donald Trump a renoncé à la rencontre qu'il devait avoir avec Vladimir Poutine à Budapest.",
                       language="fr", published="2025-10-23")
    [summit] = found
    assert (summit.kind, summit.status, summit.location) == ("meeting", "cancelled", "Budapest")
    assert parties(ex, summit) == {"Donald Trump", "Vladimir Putin"}


def test_a_verb_with_its_own_tense_after_a_planned_meeting_is_done_not_planned():
    ex, found = events("Donald Trump a renoncé à la rencontre qu'il devait avoir avec Vladimir Poutine à Budapest et a "
                       "imposé mercredi des sanctions aux groupes pétroliers Rosneft et Loukoïl.", language="fr",
                       published="2025-10-23")
    [sanctions] = [e for e in found if e.kind == "sanction"]
    assert (sanctions.status, str(sanctions.date)) == ("occurred", "2025-10-22")
    [summit] = [e for e in found if e.kind == "meeting"]
    assert "Rosneft" not in parties(ex, summit)


@pytest.mark.parametrize("language, text", [
    ("fr", "Donald Trump a annoncé le sommet le 16 octobre, la veille de la visite de Volodymyr Zelensky à la "
           "Maison blanche."),
    ("en", "Donald Trump announced the summit on October 16, the day before the visit of Volodymyr Zelensky to the "
           "White House."),
])
def test_the_eve_of_a_visit_beside_a_date_dates_the_visit_the_day_after(language, text):
    ex, found = events(text, language=language, published="2025-10-23")
    [visit] = [e for e in found if e.kind == "visit"]
    assert (str(visit.date), visit.location) == ("2025-10-17", "Washington")


def test_urging_a_government_to_act_is_no_call():
    _, found = events("Scott Bessent a publié mercredi un communiqué, appelant Moscou à s'engager sérieusement dans un "
                      "processus de paix.", language="fr", published="2025-10-23")
    assert [e for e in found if e.kind == "call"] == []


@pytest.mark.parametrize("language, text", [
    ("en", "Turkey's president, Recep Tayyip Erdoğan, told Vladimir Putin in a phone call on Sunday that Turkey was "
           "ready to host the talks."),
    ("fr", "Le président turc, Recep Tayyip Erdogan, a dit à Vladimir Poutine lors d'un entretien téléphonique "
           "dimanche que la Turquie était prête à accueillir les pourparlers."),
])
def test_telling_a_leader_something_in_a_phone_call_is_a_call_between_the_two(language, text):
    ex, found = events(text, language=language, published="2025-05-11")
    [call] = [e for e in found if e.kind == "call"]
    assert str(call.date) == "2025-05-11"
    assert {"Recep Tayyip Erdoğan", "Vladimir Putin"} <= parties(ex, call)


def test_a_participle_the_parser_hung_beside_an_exchange_tells_how_it_came_about_not_another_event():
    _, found = events("Cent quarante-six militaires ukrainiens sont rentrés chez eux dimanche, à la faveur d'un nouvel "
                      "échange de prisonniers avec la Russie négocié grâce à la médiation des Emirats arabes unis.",
                      language="fr", published="2025-08-24")
    assert [e.kind for e in found] == ["other"]


def test_the_start_of_a_span_of_time_does_not_move_the_story_to_its_day():
    ex, found = events("Emmanuel Macron travelled to Kyiv on Saturday.\n\nMerz, on his first visit since becoming "
                       "chancellor on Tuesday, struck a sharper tone.\n\nMacron told reporters that the plan was "
                       "ready.", published="2025-05-11")
    [remarks] = [e for e in found if e.kind == "press_conference"]
    assert str(remarks.date) != "2025-05-06"


def test_the_four_leaders_are_the_parties_just_told():
    ex, found = events("Emmanuel Macron, Friedrich Merz, Keir Starmer and Donald Tusk travelled together to Kyiv on "
                       "Saturday. The four leaders also spoke by phone with Donald Trump from Kyiv.",
                       published="2025-05-11")
    [call] = [e for e in found if e.kind == "call"]
    assert parties(ex, call) == {"Emmanuel Macron", "Friedrich Merz", "Keir Starmer", "Donald Tusk", "Donald Trump"}


# --- deadlines; urging; apposed places; relative clauses; the story's clock across paragraphs -----------------

def test_a_deadline_in_a_clause_that_describes_the_measure_does_not_date_the_measure():
    # (the parser hangs « qui prévoit… » on the verb as a complement, not on « paquet » as a relative clause)
    _, found = events("A Luxembourg, où les ministres des Vingt-Sept sont réunis mardi, l'Union européenne a adopté un "
                      "nouveau paquet de sanctions contre la Russie, qui prévoit la fin des achats de pétrole russe "
                      "d'ici à mars 2028.", language="fr", published="2025-06-14")
    [sanctions] = [e for e in found if e.kind == "sanction"]
    assert str(sanctions.date) == "2025-06-10"


def test_urging_people_to_act_is_no_call_whichever_word_the_parser_hung_the_infinitive_on():
    _, found = events("Le chef de la diplomatie turque, Hakan Fidan, qui présidait la rencontre, avait appelé les deux "
                      "délégations à saisir « une chance unique ».", language="fr", published="2025-06-14")
    assert [e for e in found if e.kind == "call"] == []


def test_the_two_are_the_people_the_sentence_named_before_and_a_city_s_country_is_no_party():
    ex, found = events("Keir Starmer spoke with Emmanuel Macron by phone on Monday, then said that the two would meet in "
                       "Lyon, France, next month.", published="2025-06-14")
    [meeting] = [e for e in found if e.kind == "meeting"]
    assert (meeting.status, meeting.location) == ("planned", "Lyon")
    assert parties(ex, meeting) == {"Keir Starmer", "Emmanuel Macron"}


def test_a_visit_to_the_country_of_the_city_visited_the_same_day_is_that_visit():
    ex, found = events("Emmanuel Macron and Pedro Sánchez travelled to Kyiv on Saturday.\n\nSánchez, on his first visit "
                       "to Ukraine since the election, struck a firmer tone.", published="2025-05-11")
    [visit] = [e for e in found if e.kind == "visit"]
    assert (str(visit.date), visit.location) == ("2025-05-10", "Kyiv")


# --- issue 12: talks told with a measure of time or a light verb ------------------------------------------------

@pytest.mark.parametrize("text, language, published", [
    ("Steve Witkoff held three hours of talks with Vladimir Putin in Moscow on Friday.", "en", "2025-04-26"),
    ("Steve Witkoff held a new round of talks with Vladimir Putin in Moscow on Friday.", "en", "2025-04-26"),
    ("Vendredi, à Moscou, Steve Witkoff a eu trois heures de discussions avec Vladimir Poutine.", "fr", "2025-04-26"),
])
def test_talks_counted_in_hours_or_rounds_are_the_meeting_of_who_held_them(text, language, published):
    ex, found = events(text, language=language, published=published)
    [talks] = found
    assert (talks.kind, str(talks.date), talks.location) == ("meeting", "2025-04-25", "Moscow")
    assert parties(ex, talks) == {"Steve Witkoff", "Vladimir Putin"}


@pytest.mark.parametrize("text, language", [
    ("Marco Rubio and Steve Witkoff spent four and a half hours at Diriyah Palace with Sergei Lavrov on Tuesday.",
     "en"),
    ("Marco Rubio et Steve Witkoff ont passé mardi quatre heures avec Sergueï Lavrov.", "fr"),
])
def test_time_spent_with_someone_is_a_meeting_with_him(text, language):
    ex, [meeting] = events(text, language=language, published="2025-02-19")
    assert (meeting.kind, str(meeting.date), meeting.status) == ("meeting", "2025-02-18", "occurred")
    assert parties(ex, meeting) == {"Marco Rubio", "Steve Witkoff", "Sergei Lavrov"}


def test_money_spent_is_no_meeting():
    _, found = events("Marco Rubio said the United States had spent billions with its allies on weapons for Ukraine.",
                      published="2025-02-19")
    assert [e for e in found if e.kind == "meeting"] == []


def test_a_name_the_parser_hung_as_a_complement_of_calling_is_whom_they_called():
    # (the French parser reads « Donald » as an unknown word hung on « appelé », not as its object)
    ex, found = events("Emmanuel Macron, Friedrich Merz, Keir Starmer et Donald Tusk sont arrivés samedi à Kiev. Depuis "
                       "le palais Mariinsky, les cinq hommes ont appelé Donald Trump.", language="fr",
                       published="2025-05-10")
    [call] = [e for e in found if e.kind == "call"]
    assert (str(call.date), call.status) == ("2025-05-10", "occurred")
    assert parties(ex, call) == {"Emmanuel Macron", "Friedrich Merz", "Keir Starmer", "Donald Tusk", "Donald Trump"}


@pytest.mark.parametrize("text, language", [
    ("Emmanuel Macron attended the White House summit on Monday.", "en"),
    ("Emmanuel Macron a participé lundi au sommet de la Maison Blanche.", "fr"),
])
def test_a_seat_of_government_that_names_a_summit_is_where_it_was_not_who_took_part(text, language):
    ex, [summit] = events(text, language=language, published="2025-08-20")
    assert (summit.kind, str(summit.date), summit.location) == ("meeting", "2025-08-18", "Washington")
    assert parties(ex, summit) == {"Emmanuel Macron"}


def test_a_heading_with_a_verb_tells_its_event():
    ex, found = events("11:30 – Breaking: Emmanuel Macron and Volodymyr Zelensky meet in Kyiv\nMore details to follow.",
                       published="2025-05-10")
    [meeting] = found
    assert (meeting.kind, str(meeting.date), meeting.location) == ("meeting", "2025-05-10", "Kyiv")
    assert parties(ex, meeting) == {"Emmanuel Macron", "Volodymyr Zelensky"}


def test_a_heading_that_only_names_talks_tells_no_event():
    _, found = events("Talks between Emmanuel Macron and Volodymyr Zelensky\n\nThe war entered its fourth year.",
                      published="2025-05-10")
    assert found == []


# --- mentions the blind3 dev set showed missing (issue 12) -------------------------------------------------

@pytest.mark.parametrize("text, language", [
    ("On Monday, Keir Starmer and Emmanuel Macron signed a letter of intent on fighter jets.", "en"),
    ("Lundi, Keir Starmer et Emmanuel Macron ont signé une lettre d'intention sur des avions de combat.", "fr"),
])
def test_a_signed_letter_of_intent_is_an_agreement_of_who_signed_it(text, language):
    ex, found = events(text, language=language, published="2025-11-18")
    [agreement] = [e for e in found if e.kind == "agreement"]
    assert (str(agreement.date), agreement.status) == ("2025-11-17", "occurred")
    assert parties(ex, agreement) == {"Keir Starmer", "Emmanuel Macron"}


def test_a_letter_that_opens_the_way_for_someone_does_not_make_them_a_party():
    ex, found = events("Lundi, Keir Starmer et Emmanuel Macron ont signé une lettre d'intention qui ouvre la voie à "
                       "l'achat d'avions par l'Ukraine.", language="fr", published="2025-11-18")
    [agreement] = [e for e in found if e.kind == "agreement"]
    assert parties(ex, agreement) == {"Keir Starmer", "Emmanuel Macron"}


def test_a_letter_about_something_else_is_no_agreement():
    _, found = events("Keir Starmer signed a letter to the editor on Monday.", published="2025-11-18")
    assert [e for e in found if e.kind == "agreement"] == []


def test_reaching_someone_by_phone_in_french_is_a_call():
    ex, found = events("Depuis l'Élysée, Emmanuel Macron a ensuite joint par téléphone Steve Witkoff, mardi.",
                       language="fr", published="2025-12-02")
    [call] = [e for e in found if e.kind == "call"]
    assert str(call.date) == "2025-12-02"
    assert parties(ex, call) == {"Emmanuel Macron", "Steve Witkoff"}


@pytest.mark.parametrize("text", ["On Wednesday, Donald Trump briefed European leaders by phone.",
                                  "On Wednesday, Donald Trump briefed European leaders in a call."])
def test_briefing_leaders_by_phone_is_a_call_with_them(text):
    ex, found = events(text, published="2025-08-07")
    [call] = [e for e in found if e.kind == "call"]
    assert str(call.date) == "2025-08-06"
    assert parties(ex, call) == {"Donald Trump", "European leaders"}


def test_briefing_reporters_is_no_call():
    _, found = events("On Wednesday, Donald Trump briefed reporters at the White House.", published="2025-08-07")
    assert [e for e in found if e.kind == "call"] == []


def test_a_pronoun_joined_to_a_name_as_the_subject_of_speaking_by_phone_is_a_call_of_both():
    ex, found = events("Steve Witkoff flew home on Monday. On Tuesday, he and Donald Trump spoke by phone.",
                       published="2025-03-20")
    [call] = [e for e in found if e.kind == "call"]
    assert str(call.date) == "2025-03-18"
    assert parties(ex, call) == {"Steve Witkoff", "Donald Trump"}


def test_seeing_a_person_in_french_is_meeting_them_and_seeing_a_chance_is_not():
    ex, found = events("Emmanuel Macron a vu jeudi Volodymyr Zelensky à Paris.", language="fr", published="2025-02-21")
    [meeting] = found
    assert (meeting.kind, str(meeting.date), meeting.location) == ("meeting", "2025-02-20", "Paris")
    assert parties(ex, meeting) == {"Emmanuel Macron", "Volodymyr Zelensky"}
    _, found = events("Emmanuel Macron a vu jeudi une chance de paix.", language="fr", published="2025-02-21")
    assert found == []


@pytest.mark.parametrize("text, language", [
    ("Statement by Chancellor Friedrich Merz, President Emmanuel Macron and Prime Minister Keir Starmer on peace. "
     "The leaders welcomed progress.", "en"),
    ("Déclaration par Friedrich Merz, Emmanuel Macron et Keir Starmer sur la paix. Les dirigeants ont salué des "
     "progrès.", "fr"),
])
def test_a_statement_by_several_leaders_is_their_joint_statement(text, language):
    ex, found = events(text, language=language, published="2025-12-15")
    [statement] = [e for e in found if e.kind == "statement"]
    assert str(statement.date) == "2025-12-15"
    assert parties(ex, statement) == {"Friedrich Merz", "Emmanuel Macron", "Keir Starmer"}


def test_a_statement_by_one_person_read_by_another_is_no_event():
    _, found = events("Keir Starmer read a statement by Emmanuel Macron on Monday.", published="2025-12-15")
    assert [e for e in found if e.kind == "statement"] == []


# --- the acts of governments and parliaments ----------------------------------------------------------------------

@pytest.mark.parametrize("language, text, published, day, who", [
    ("en", "The Bundestag approved Friedrich Merz as chancellor on Tuesday by 325 votes.", "2025-05-08",
     "2025-05-06", {"Friedrich Merz", "Bundestag"}),
    ("en", "Keir Starmer appointed David Lammy foreign secretary on Friday.", "2025-07-08", "2025-07-04",
     {"Keir Starmer", "David Lammy"}),
    ("en", "Michel Barnier was toppled by the National Assembly on Wednesday.", "2024-12-06", "2024-12-04",
     {"Michel Barnier"}),
    ("fr", "Emmanuel Macron a nommé mardi Sébastien Lecornu à Matignon.", "2025-09-11", "2025-09-09",
     {"Emmanuel Macron", "Sébastien Lecornu"}),
    ("fr", "Le Premier ministre Michel Barnier a été renversé mercredi par les députés.", "2024-12-06",
     "2024-12-04", {"Michel Barnier"}),
])
def test_a_person_appointed_approved_or_toppled_on_a_day_is_an_act_of_government(language, text, published, day, who):
    ex, found = events(text, language=language, published=published)
    [act] = [e for e in found if e.kind == "other"]
    assert str(act.date) == day
    assert who <= parties(ex, act)
    # the title says what was done, not "Prisoner exchange"
    assert "risonnier" not in act.titles["fr"] and "risoner" not in act.titles["en"]


@pytest.mark.parametrize("language, text", [
    ("en", "The committee approved the budget on Tuesday."),
    ("en", "The minister approved of his tone on Monday."),
    ("en", "Starmer appointed a commission on Friday."),
    ("en", "Keir Starmer appointed David Lammy foreign secretary after the election."),  # a career, no day
    ("fr", "Le Parlement a approuvé le budget mardi."),
    ("fr", "Emmanuel Macron a nommé une commission mardi."),
])
def test_approving_a_thing_or_an_undated_appointment_is_no_act_of_government(language, text):
    _, found = events(text, language=language, published="2025-07-10")
    assert [e for e in found if e.kind == "other"] == []


@pytest.mark.parametrize("language, text, day, who", [
    ("en", "President Alexander Stubb signed the bill on Thursday evening.", "2025-07-03", {"Alexander Stubb"}),
    ("en", "The Sejm passed the legislation on Wednesday.", "2025-07-02", set()),
    ("fr", "Volodymyr Zelensky a promulgué la loi jeudi soir.", "2025-07-03", {"Volodymyr Zelensky"}),
    ("fr", "L'Assemblée nationale a adopté mercredi une loi sur le budget de la défense.", "2025-07-02",
     {"Assemblée nationale"}),
])
def test_a_law_passed_or_signed_on_a_day_is_an_event_titled_as_a_law(language, text, day, who):
    ex, found = events(text, language=language, published="2025-07-04")
    [law] = [e for e in found if e.kind == "other"]
    assert str(law.date) == day and who <= parties(ex, law)
    assert law.titles["en"].startswith("Law") and law.titles["fr"].startswith("Loi")


@pytest.mark.parametrize("language, text", [
    ("en", "Starmer signed an autograph for a fan on Monday."),
    ("en", "He said the law of the jungle applied."),
    ("en", "The bill for the dinner came on Monday."),
    ("fr", "Il a signé un autographe lundi."),
    ("fr", "La loi du plus fort s'applique, a-t-il dit lundi."),
])
def test_an_autograph_or_a_law_nobody_passes_is_no_event(language, text):
    _, found = events(text, language=language, published="2025-07-04")
    assert found == []


@pytest.mark.parametrize("language, text, place", [
    ("en", "Thousands protested in Tbilisi on Sunday.", "Tbilisi"),
    ("en", "Protests broke out in Warsaw on Sunday.", "Warsaw"),
    ("fr", "Des milliers de personnes ont manifesté dimanche à Tbilissi.", "Tbilissi"),
    ("fr", "Des manifestations ont eu lieu dimanche à Varsovie.", "Varsovie"),
])
def test_dated_protests_in_a_city_are_an_event_there(language, text, place):
    _, found = events(text, language=language, published="2025-07-08")
    [protests] = [e for e in found if e.kind == "other"]
    assert str(protests.date) == "2025-07-06" and protests.location in (place, "Tbilisi", "Warsaw")
    assert protests.titles["en"].startswith("Protests") and protests.titles["fr"].startswith("Manifestations")


@pytest.mark.parametrize("language, text", [
    ("en", "He protested his innocence on Sunday."),
    ("en", "They left the room in protest on Sunday."),
    ("fr", "Le ministre a manifesté dimanche son soutien au projet."),
])
def test_protesting_one_s_innocence_or_showing_support_is_no_protest(language, text):
    _, found = events(text, language=language, published="2025-07-08")
    assert [e for e in found if e.kind == "other"] == []


@pytest.mark.parametrize("language, text, day", [
    ("en", "Friedrich Merz was sworn in as chancellor on Tuesday.", "2025-05-06"),
    ("en", "Donald Trump's inauguration on January 20 drew foreign leaders.", "2025-01-20"),
    ("fr", "L'investiture de Donald Trump le 20 janvier a attiré des dirigeants étrangers.", "2025-01-20"),
])
def test_a_swearing_in_or_an_inauguration_on_a_day_is_an_event(language, text, day):
    _, found = events(text, language=language, published="2025-05-08" if "Merz" in text else "2025-01-22")
    [oath] = [e for e in found if e.kind == "other"]
    assert str(oath.date) == day


def test_swearing_to_fight_is_no_swearing_in():
    _, found = events("He swore in public on Friday that he would fight on.", published="2025-05-08")
    assert found == []


@pytest.mark.parametrize("language, text, published, day, who", [
    ("en", "Denys Shmyhal became defence minister on Thursday.", "2025-07-18", "2025-07-17", {"Denys Shmyhal"}),
    ("en", "On Tuesday, Friedrich Merz becomes chancellor.", "2025-05-07", "2025-05-06", {"Friedrich Merz"}),
    ("fr", "Jeudi, Sébastien Lecornu est devenu Premier ministre.", "2025-09-12", "2025-09-11", {"Sébastien Lecornu"}),
])
def test_becoming_a_minister_on_a_day_is_an_appointment(language, text, published, day, who):
    ex, found = events(text, language=language, published=published)
    [act] = [e for e in found if e.kind == "other"]
    assert (str(act.date), act.status) == (day, "occurred") and who <= parties(ex, act)


@pytest.mark.parametrize("language, text", [
    ("en", "Kyiv became a symbol of resistance on Tuesday."),
    ("en", "Zelensky, who became president in 2019, spoke on Tuesday."),
    ("en", "Merz said on Tuesday that Wadephul would become foreign minister."),
    ("fr", "Kiev est devenu un symbole mardi."),
])
def test_becoming_a_symbol_a_career_or_a_plan_said_is_no_appointment(language, text):
    _, found = events(text, language=language, published="2025-07-24")
    assert [e for e in found if e.kind == "other"] == []


@pytest.mark.parametrize("language, text", [
    ("en", "Protesters gathered in Warsaw on Sunday."),
    ("fr", "Des manifestants se sont rassemblés dimanche à Varsovie."),
])
def test_protesters_gathering_on_a_day_are_protests(language, text):
    _, found = events(text, language=language, published="2025-07-08")
    [protests] = [e for e in found if e.kind == "other"]
    assert (str(protests.date), protests.location) == ("2025-07-06", "Warsaw")


@pytest.mark.parametrize(("language", "text", "title"), [
    # (written for the tests) a place the text names with its article keeps it in the title
    ("en", "Trump met Rutte in the Oval Office on Monday.", "Trump and Rutte meet in the Oval Office"),
    ("fr", "Donald Trump a rencontré Mark Rutte lundi dans le Bureau ovale.",
     "Trump et Rutte se rencontrent au Bureau ovale"),
])
def test_a_title_keeps_the_article_of_a_place_named_with_one(language, text, title):
    _, [meeting] = events(text, language=language, published="2025-07-15")
    assert meeting.title == title
