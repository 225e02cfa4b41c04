"""Statements: quotations with the right speaker and the day they were said; reported speech is indirect."""
from __future__ import annotations

import pytest

from apps.extraction.pipeline import extract

from .pipeline_helpers import fixture_article, read, speaker_of


def test_guillemets_with_a_t_il_ajoute_belong_to_the_man_named_before():
    ex = read("Emmanuel Macron s'est exprimé jeudi devant la presse.\n\n"
              "« Nous devons obtenir un cessez-le-feu sans conditions », a-t-il ajouté.")
    assert speaker_of(ex, "cessez-le-feu sans conditions") == "Emmanuel Macron"


def test_a_pronoun_speaker_is_the_one_who_spoke_not_the_last_name_in_the_sentence():
    ex = extract(fixture_article("seed-reuters-fr-2025-09-04"))
    assert speaker_of(ex, "Cela étant dit") == "John Foreman"  # not Zelensky, named just before


def test_a_quote_paragraph_without_attribution_continues_the_previous_speaker():
    ex = extract(fixture_article("seed-reuters-fr-2025-09-04"))
    assert speaker_of(ex, "Tout cela est un travail préparatoire") == "John Foreman"


@pytest.mark.parametrize(("text", "fragment", "speaker"), [
    ('"We will not give up," Rubio told reporters.', "will not give up", "Marco Rubio"),
    ('“We are ready,” added Witkoff.', "We are ready", "Steve Witkoff"),
    ('According to Kremlin spokesman Dmitry Peskov, "the door remains open for talks".', "door remains open",
     "Dmitry Peskov"),
    ("Selon Sergueï Lavrov, « la Russie ne fera aucune concession territoriale ».", "aucune concession",
     "Sergei Lavrov"),
    ("« Nous soutiendrons l'Ukraine jusqu'au bout », a indiqué Kaja Kallas.", "jusqu'au bout", "Kaja Kallas"),
])
def test_common_attributions_name_the_speaker(text, fragment, speaker):
    assert speaker_of(read(text, language=None), fragment) == speaker


@pytest.mark.parametrize(("text", "fragment", "speaker"), [
    # written for the tests: the attribution cuts one quotation in two
    ("Le Kremlin a réagi. « La paix, a dit Emmanuel Macron après l'appel, ne se décrète pas à Moscou. »",
     "ne se décrète pas", "Emmanuel Macron"),
    ("Kaja Kallas était à Kyiv. « Nous sommes prêts, a-t-elle ajouté, à signer dès demain. »",
     "signer dès demain", "Kaja Kallas"),
])
def test_an_attribution_inside_the_quotation_names_its_speaker(text, fragment, speaker):
    assert speaker_of(read(text), fragment) == speaker


def test_as_x_said_inside_a_quotation_does_not_make_x_the_speaker():
    ex = read("« Cette guerre, comme l'a dit Emmanuel Macron, doit finir », a déclaré Keir Starmer.")
    assert speaker_of(ex, "Cette guerre") == "Keir Starmer"


def test_a_spokesperson_of_the_white_house_is_the_white_house_not_its_press_secretary():
    ex = read("« Il n'y a pas de nouvelle date », a indiqué un porte-parole de la Maison Blanche.",
              published="2025-09-16")
    assert speaker_of(ex, "pas de nouvelle date") == "White House"
    ex = read("« Il n'y a pas de nouvelle date », a indiqué la porte-parole de la Maison Blanche.",
              published="2025-09-16")
    assert speaker_of(ex, "pas de nouvelle date") == "Karoline Leavitt"


def test_quoted_terms_and_headings_are_not_statements():
    ex = extract(fixture_article("seed-reuters-fr-2025-09-04"))
    quoted = {s.text for s in ex.statements if s.direct}
    assert not quoted & {"coalition des volontaires", "force de réassurance", "PAIX ILLUSOIRE"}


def test_reported_speech_is_indirect_and_keeps_its_speaker():
    ex = read("Vladimir Poutine a déclaré mercredi qu'il était possible de mettre fin à la guerre.")
    st = next(s for s in ex.statements if not s.direct)
    assert ex.actor(st.speaker).name == "Vladimir Putin"
    assert st.text.startswith("il était possible")


def test_a_declaration_on_wednesday_in_a_thursday_story_is_dated_the_day_before():
    ex = read('"Nous sommes prêts", a déclaré mercredi Emmanuel Macron.', published="2025-09-04")
    assert str(ex.statements[0].date) == "2025-09-03"


def test_a_statement_made_at_a_dated_meeting_takes_the_meeting_s_day():
    ex = extract(fixture_article("fr_parley-tests_istanbul-negociations"))
    st = next(s for s in ex.statements if "poursuivre les discussions" in s.text)
    assert str(st.date) == "2025-05-16"


@pytest.mark.parametrize("name", ["seed-reuters-fr-2025-09-04", "en_parley-tests_sanctions-summit-off",
                                  "fr_parley-tests_sanctions-ue-annulation"])
def test_statement_offsets_point_at_the_quoted_words(name):
    art = fixture_article(name)
    for st in extract(art).statements:
        assert art.text[st.start:st.end] == st.text
        assert st.sentence_start <= st.start < st.end <= st.sentence_end + 1


# --- the parse names the speaker (sentences written for these tests) ------------------------------

def _indirect(ex, fragment):
    return next(s for s in ex.statements if not s.direct and fragment in s.text)


@pytest.mark.parametrize(("text", "fragment", "speaker"), [
    ('"This deal is a disgrace," fumed Kaja Kallas on Monday.', "This deal is a disgrace", "Kaja Kallas"),
    ("“We will not sign anything that hurts Ukraine,” Mr. Starmer told the Commons on Tuesday.",
     "We will not sign anything", "Keir Starmer"),
    ("“The talks will go on for as long as it takes” to reach a deal, Rubio said.", "The talks will go on",
     "Marco Rubio"),
    ("Kaja Kallas welcomed the bloc’s “steadfast backing for the people of Ukraine” and called for more "
     "pressure on Viktor Orbán.", "steadfast backing", "Kaja Kallas"),
])
def test_the_speaker_is_the_subject_of_the_verb_that_links_the_quotation(text, fragment, speaker):
    assert speaker_of(read(text, language="en"), fragment) == speaker


def test_a_pronoun_points_at_the_subject_of_the_sentence_before_not_at_the_last_name():
    text = ("After a call with Emmanuel Macron, Keir Starmer flew to Kyiv on Monday.\n\n"
            "“Nothing moved in the room today, nothing at all,” he said afterwards.")
    assert speaker_of(read(text, language="en"), "Nothing moved") == "Keir Starmer"


def test_a_new_speaker_s_gender_is_read_from_the_text_for_the_pronouns_that_follow():
    text = ("Maria Lindqvist, a Swedish negotiator, met John Harwood on Monday. Ms. Lindqvist called the talks "
            "useful. Mr. Harwood left early.\n\n“We are not there yet, far from it,” she said.")
    assert speaker_of(read(text, language="en"), "We are not there yet") == "Maria Lindqvist"


@pytest.mark.parametrize(("text", "fragment", "speaker"), [
    # written for the tests: people the gazetteer does not know, and no title before their names
    ("Linda Hargreave met Peter Osterholt in Geneva on Monday. Peter Osterholt spoke first.\n\n"
     "“We are not there yet, far from it,” she said.", "We are not there yet", "Linda Hargreave"),
    ("Oksana Dovhal a reçu Pierre Marchetti lundi à Kyiv. Pierre Marchetti a parlé le premier.\n\n"
     "« Rien n'est encore signé », a-t-elle précisé.", "Rien n'est encore signé", "Oksana Dovhal"),
])
def test_a_pronoun_finds_the_person_whose_given_name_has_its_gender(text, fragment, speaker):
    assert speaker_of(read(text, language=None), fragment) == speaker


def test_a_bare_surname_shared_by_two_new_people_is_the_one_named_first():
    # written for the tests: the story's figure is named first, a namesake later in full
    text = ("Linda Hargreave arrived in Geneva on Monday with her husband, Peter Hargreave.\n\n"
            "“We are not there yet, far from it,” Hargreave told reporters.")
    assert speaker_of(read(text, language="en"), "We are not there yet") == "Linda Hargreave"


@pytest.mark.parametrize(("text", "fragment", "speaker"), [
    ("Kaja Kallas stressed the need to keep the sanctions in place until a ceasefire holds.",
     "the need to keep the sanctions", "Kaja Kallas"),
    ("Marco Rubio pointed out that no date had been set for the next round of talks.",
     "no date had been set", "Marco Rubio"),
    ("Talks on a ceasefire will resume in Istanbul next week, Dmitry Peskov said.",
     "Talks on a ceasefire will resume", "Dmitry Peskov"),
    ("According to Sergei Lavrov, the Russian delegation will stay in Istanbul until Friday.",
     "the Russian delegation will stay", "Sergei Lavrov"),
    ("Le ministre Jean-Noël Barrot a laissé entendre que de nouvelles sanctions seraient adoptées en juin.",
     "de nouvelles sanctions seraient adoptées", "Jean-Noël Barrot"),
    ("Kaja Kallas a évoqué une reprise rapide des négociations à Genève.",
     "une reprise rapide des négociations", "Kaja Kallas"),
])
def test_reported_speech_takes_the_content_of_the_speech_verb_wherever_the_speaker_stands(text, fragment, speaker):
    ex = read(text, language=None)
    assert ex.actor(_indirect(ex, fragment).speaker).name == speaker


def test_a_second_reported_clause_in_a_sentence_is_a_second_statement_of_the_same_speaker():
    ex = read("Marco Rubio said the ceasefire was holding, adding that a meeting with Sergei Lavrov was possible.",
              language="en")
    first, second = _indirect(ex, "the ceasefire was holding"), _indirect(ex, "a meeting with Sergei Lavrov")
    assert first is not second and "adding" not in first.text
    assert ex.actor(first.speaker).name == ex.actor(second.speaker).name == "Marco Rubio"


def test_a_spokeswoman_for_an_organization_speaks_for_it():
    ex = read("“No decision has been taken on the new package,” a spokeswoman for the European Commission said.",
              language="en")
    assert speaker_of(ex, "No decision has been taken") == "European Commission"


def test_an_inverted_source_within_a_body_after_a_comma_speaks_for_that_body():
    ex = read("Le service de renseignement militaire ukrainien (GUR) a revendiqué l'opération samedi. "
              "Les missiles avaient été livrés par la mer, a raconté un responsable au sein du GUR : "
              "« Tout s'est joué dans les dernières heures. »")
    assert speaker_of(ex, "Tout s'est joué") == "HUR"


def test_a_definite_speaker_after_an_inverted_verb_is_still_the_named_person():
    ex = read("Le ministre turc Hakan Fidan a ouvert la séance vendredi. « Nous repartons avec un calendrier », "
              "a déclaré le chef de la délégation russe, Vladimir Medinski.")
    assert speaker_of(ex, "Nous repartons") == "Vladimir Medinsky"


def test_the_foreign_minister_is_the_foreign_minister_named_before_not_the_last_person():
    ex = read("Jean-Noël Barrot a commenté lundi la trêve. Samedi, le président russe Vladimir Poutine avait "
              "annoncé un cessez-le-feu de trente heures.\n\n« Ce n'est pas un plan de paix, c'est de la "
              "communication », a tranché le ministre des Affaires étrangères.")
    assert speaker_of(ex, "pas un plan de paix") == "Jean-Noël Barrot"


def test_a_deputy_foreign_minister_does_not_hold_the_foreign_minister_s_office():
    ex = read("Jean-Noël Barrot a commenté lundi la trêve. Samedi, le vice-ministre russe Sergueï Riabkov avait "
              "répondu aux Européens.\n\n« Ce n'est pas un plan de paix, c'est de la communication », a tranché "
              "le ministre des Affaires étrangères.")
    assert speaker_of(ex, "pas un plan de paix") == "Jean-Noël Barrot"


def test_the_prime_minister_in_a_downing_street_readout_is_the_prime_minister_of_that_day():
    ex = read("The Prime Minister said that Ukraine must be at the heart of any negotiations.", language="en",
              published="2025-02-25", source="Prime Minister's Office, 10 Downing Street (gov.uk)")
    assert ex.actor(_indirect(ex, "Ukraine must be at the heart").speaker).name == "Keir Starmer"


def test_a_quotation_over_several_paragraphs_has_the_speaker_named_at_its_end():
    text = ("“We came to Geneva to listen and we listened for three long days.\n\n"
            "“Now it is time for Moscow to answer,” Kaja Kallas said.")
    ex = read(text, language="en")
    assert speaker_of(ex, "We came to Geneva") == "Kaja Kallas"
    assert speaker_of(ex, "Now it is time for Moscow") == "Kaja Kallas"


def test_single_quotation_marks_delimit_speech_but_a_quoted_term_is_no_statement():
    ex = read("'We are ready to sign the agreement tomorrow,' Marco Rubio said of the 'ten-for-ten' formula.",
              language="en")
    quoted = {s.text for s in ex.statements if s.direct}
    assert "We are ready to sign the agreement tomorrow," in quoted and "ten-for-ten" not in quoted
    assert speaker_of(ex, "We are ready to sign") == "Marco Rubio"


def test_a_quotation_introduced_by_a_line_ending_with_a_colon_belongs_to_its_speaker():
    ex = read("Marco Rubio told reporters in Jeddah:\n\n“The ball is now in Russia’s court, and we will wait.”",
              language="en")
    assert speaker_of(ex, "The ball is now") == "Marco Rubio"


def test_the_speaker_goes_on_in_the_next_paragraph_but_not_into_the_next_live_blog_entry():
    text = ("10:40 GMT\n\n“We will keep pushing for peace,” Keir Starmer said.\n\n"
            "“Nobody wants this war to go on one more day.”\n\n"
            "11:15 GMT\n\n“There will be no talks without a ceasefire.”")
    ex = read(text, language="en")
    assert speaker_of(ex, "Nobody wants this war") == "Keir Starmer"
    assert speaker_of(ex, "There will be no talks") is None


def test_confidence_follows_how_the_speaker_was_found():
    ex = read("“We are ready,” Marco Rubio said.\n\n“Nobody wants this war to go on one more day.”", language="en")
    named, carried = sorted((s for s in ex.statements if s.direct), key=lambda s: s.start)
    assert (named.basis, carried.basis) == ("subject-of-verb", "carry-over")
    # a quotation carried over is right about as often as the one before it, within an article set (0.94 over
    # 124, mostly PolNeAR's, harder than the articles'): never surer than it
    assert named.confidence >= carried.confidence


def test_a_quotation_signed_with_a_dash_belongs_to_the_name_after_it_even_a_new_one():
    ex = read("“We want this war to end, and we want it to end now.” — Keir Starmer\n\n"
              "“Nobody in this room believes the Kremlin any more.”\n— Tomas Varga", language="en")
    assert speaker_of(ex, "We want this war to end") == "Keir Starmer"
    assert speaker_of(ex, "Nobody in this room") == "Tomas Varga"
    assert next(s for s in ex.statements if "Nobody in this room" in s.text).basis == "signed"


def test_a_live_blog_entry_opens_at_a_time_alone_on_its_line_or_before_a_dash():
    from apps.extraction.pipeline.layout import analyse

    text = ("17:44 GMT — Keir Starmer arrived first.\n\nHe spoke briefly.\n\n18:10\n\nThe meeting began.\n\n"
            "10h48 — La séance reprend.")
    layout = analyse(text)
    entries = [layout.entry_at(text.index(part)) for part in
               ("Keir Starmer", "He spoke", "The meeting", "La séance")]
    assert entries == [1, 1, 2, 3]


@pytest.mark.parametrize(("text", "language", "fragment", "speaker"), [
    # written for the tests: nobody named, the description is the speaker, as the text words it
    ("“We will not comment on rumours,” a spokeswoman said on Tuesday.", "en", "comment on rumours",
     "a spokeswoman"),
    ("The advert opens in a kitchen. “It is 3 a.m. and your children are asleep,” the announcer says.", "en",
     "children are asleep", "the announcer"),
    ("« Nous ne commenterons pas ces rumeurs », a déclaré un diplomate européen.", "fr", "ces rumeurs",
     "un diplomate européen"),
])
def test_a_description_nobody_names_speaks_as_the_text_describes_it(text, language, fragment, speaker):
    from apps.extraction.pipeline import to_contract_json

    ex = read(text, language=language)
    assert speaker_of(ex, fragment) == speaker
    assert next(s for s in ex.statements if fragment in s.text).basis == "described"
    # a speaker, but nobody one can identify: not in the list of actors
    assert speaker not in {a["name"] for a in to_contract_json(ex)["actors"]}


def test_a_description_that_names_no_person_or_document_is_no_speaker():
    ex = read("Le ministre a dit préférer une solution négociée, ajoutant préférer la voie diplomatique.")
    assert not any("voie" in (ex.actor(s.speaker).name if s.speaker else "") for s in ex.statements)
    assert all(a.name != "la voie diplomatique" for a in ex.actors)


def test_a_description_after_selon_is_named_without_the_preposition():
    ex = read("Selon le rapport, la guerre devait finir avant l'hiver.")
    assert speaker_of(ex, "la guerre devait finir", direct=False) == "le rapport"


def test_words_a_source_phrase_reports_with_a_speaker_of_their_own_are_that_speaker_s():
    # written for the tests (after blind11's dev half): CCTV tells what Xi said; Xi is who spoke
    ex = read("Xi Jinping a reçu jeudi les dirigeants européens. Selon la télévision CCTV, le dirigeant chinois a "
              "exhorté les Européens à gérer leurs différends « avec sagesse » plutôt que par la confrontation.")
    assert speaker_of(ex, "gérer leurs différends", direct=False) == "Xi Jinping"
    ex = read("According to the Kremlin, the talks will continue next week.", language="en")
    assert speaker_of(ex, "talks will continue", direct=False) == "Kremlin"


def test_a_few_quoted_words_inside_a_clause_are_no_statement_even_before_a_comma():
    # written for the tests: American style puts the comma inside the marks
    ex = read("Keir Starmer called the plan “a good start,” and the talks went on. She said she felt “confused,” and "
              "left the room early.", language="en")
    assert not any(s.direct for s in ex.statements)


def test_the_opening_words_of_a_quotation_cut_by_its_attribution_are_not_a_statement_of_their_own():
    ex = read("Marco Rubio spoke after the meeting.\n\n“My hope,” he said, “is that the talks resume before winter "
              "and that nobody walks away.”", language="en")
    direct = [s for s in ex.statements if s.direct]
    assert [s.text for s in direct] == ["is that the talks resume before winter and that nobody walks away."]
    assert speaker_of(ex, "talks resume before winter") == "Marco Rubio"


def test_a_described_speaker_is_named_by_its_own_words_and_takes_part_in_no_event():
    ex = read("Selon un diplomate européen, la réunion, qui a duré trois heures, s'est achevée sans décision.")
    assert speaker_of(ex, "sans décision", direct=False) == "un diplomate européen"
    assert not any(p.key.startswith("new:un diplomate") for e in ex.events for p in e.participants)


def test_a_pronoun_points_at_a_name_in_apposition_to_the_subject_before_an_earlier_speaker():
    # written for the tests; the French parse hangs this sentence on its commas and gives it no subject
    ex = read("« Nous les ramènerons tous », a promis Kyrylo Boudanov.\n\n"
              "Samedi, le Premier ministre canadien, Mark Carney, était à Kiev. Il a promis une aide nouvelle. "
              "« Le Canada restera aux côtés de l'Ukraine », a-t-il dit.")
    assert speaker_of(ex, "restera aux côtés") == "Mark Carney"


def test_an_inverted_subject_after_a_prepositional_object_speaks():
    ex = read("« Nous avons conclu un accord sur les prisonniers », a déclaré aux journalistes le chef de la "
              "délégation, le ministre de la Défense Roustem Oumerov.")
    assert speaker_of(ex, "un accord sur les prisonniers") == "Rustem Umerov"


def test_a_quotation_after_a_sentence_about_someone_new_is_theirs_not_the_last_speaker_s():
    ex = read('"We will keep talking," Keir Starmer said.\n\n'
              "Friedrich Merz, in Kyiv for the first time as chancellor, struck a harder tone. "
              '"The ball is in Moscow\'s court now. If there is no answer, sanctions will follow."\n\n'
              '"We will not be intimidated," he said.', language="en")
    assert speaker_of(ex, "The ball is in Moscow's court") == "Friedrich Merz"
    assert speaker_of(ex, "We will not be intimidated") == "Friedrich Merz"


def test_a_speaker_known_only_by_a_description_is_not_the_he_that_follows():
    ex = read("Donald Trump spoke at a forum on Monday. One questioner said the army had “gone soft on "
              "discipline for years now.”\n\n“You're right, we will fix it and we will fix it fast,” he said.",
              language="en")
    assert speaker_of(ex, "we will fix it fast") == "Donald Trump"


def test_a_time_or_a_dateline_before_a_quotation_is_no_reported_speech_and_no_speaker():
    ex = read("Live: talks in Paris\n\n10:15 GMT: Volodymyr Zelensky arrives in Paris.\n\n"
              "11:02 GMT: “We want a just peace,” Zelensky told reporters.", language="en")
    assert [(s.text, s.direct) for s in ex.statements] == [("We want a just peace,", True)]
    assert speaker_of(ex, "just peace") == "Volodymyr Zelensky"
    assert not any("GMT" in a.name for a in ex.actors)


def test_a_short_quotation_right_after_a_dateline_is_a_statement():
    ex = read("PARIS, 4 septembre (Reuters) - « Nous sommes prêts », a déclaré jeudi la porte-parole du gouvernement.")
    assert speaker_of(ex, "Nous sommes prêts") == "la porte-parole du gouvernement"


def test_a_title_cased_description_is_no_name_and_a_described_spokeswoman_is_the_she_after():
    ex = read("La Porte-Parole Du Kremlin Dénonce Les Sanctions\n\nLa porte-parole a jugé les sanctions illégales. "
              "« Ces sanctions ne changeront rien », a-t-elle ajouté.")
    assert not any(a.name == "La Porte-Parole" and not a.described for a in ex.actors)
    ex = read('KYIV, March 3 (Reuters) - "We are ready," the spokeswoman said.\n\n"We wait for Moscow," she added.',
              language="en")
    assert speaker_of(ex, "We wait for Moscow") == "the spokeswoman"


def test_reported_words_around_a_short_quotation_stay_reported_speech():
    ex = read("Dmitri Peskov a prévenu vendredi que Moscou riposterait « sans délai ».")
    assert speaker_of(ex, "Moscou riposterait", direct=False) == "Dmitry Peskov"


def test_a_quotation_nobody_is_named_for_is_the_least_trusted_and_reported_speech_less_than_a_quote():
    ex = read("Keir Starmer said talks would resume on Monday. “We are ready,” Starmer said.\n\n"
              "The room was silent. “There is no other way out of this war for anyone.”\n\n"
              "Another paragraph, far away. Words were exchanged.\n\n“Nobody knows when this ends or how it ends.”",
              language="en")
    named = next(s for s in ex.statements if "We are ready" in s.text)
    reported = next(s for s in ex.statements if not s.direct)
    nobody = [s for s in ex.statements if s.speaker is None]
    assert nobody and all(s.confidence < reported.confidence < named.confidence for s in nobody)


def test_a_quotation_in_what_a_country_agreed_to_belongs_to_who_said_it():
    # written for the tests: "agree" reports a clause, so the quoted infinitive it governs is the ministry's words
    ex = read("The Kremlin said on Monday that both governments had agreed to \"keep the ferry lines "
              "open through the winter.\"", language="en", published="2025-11-03")
    assert speaker_of(ex, "keep the ferry lines open") == "Kremlin"


def test_a_name_after_its_title_and_a_comma_is_the_speaker_not_the_title():
    # written for the tests: the French parse makes « secrétaire » and « Scott Bessent » two subjects of the verb
    ex = read("Donald Trump a reçu mardi le président finlandais à la Maison Blanche.\n\n"
              "Le secrétaire au Trésor, Scott Bessent, a affirmé que les droits de douane resteraient en place. "
              "« Nous avançons pas à pas », a-t-il déclaré.", published="2025-11-04")
    assert speaker_of(ex, "les droits de douane resteraient", direct=False) == "Scott Bessent"
    assert speaker_of(ex, "Nous avançons pas à pas") == "Scott Bessent"


def test_a_pronoun_takes_the_person_its_paragraph_names_before_the_speaker_of_an_earlier_one():
    # written for the tests: the paragraph is about Rubio; Lavrov spoke in the paragraph before
    ex = read("Sergei Lavrov spoke in Moscow. \"There is nothing to discuss yet,\" Lavrov said.\n\n"
              "For Secretary of State Marco Rubio, the stakes are different. \"We will keep the channel open, "
              "whatever happens,\" he told reporters on Wednesday.", language="en", published="2025-11-05")
    assert speaker_of(ex, "keep the channel open") == "Marco Rubio"


def test_a_second_quotation_in_single_marks_goes_on_with_the_speaker_of_the_first():
    # written for the tests: British style, single quotation marks, two quotations in one paragraph
    ex = read("Talks on the fishing quota resumed in Oslo on Tuesday.\n\n"
              "'We have not closed the gap,' said Keir Starmer after the first session. "
              "'But both sides want a deal before the winter.' He left without taking questions.",
              language="en", published="2025-11-05")
    assert speaker_of(ex, "both sides want a deal") == "Keir Starmer"


def test_a_subject_less_continuing_verb_keeps_the_speaker_of_the_words_before_it():
    # the parser gives « affirmé » (its subject inverted) and « ajoutant » no subject: the first name after
    # the verb is inside what is reported, and the United Kingdom or Hungary did not speak
    ex = read("« Il faut tenir », a affirmé la ministre Kaja Kallas lors d'une conférence de presse à Bruxelles, "
              "ajoutant que la Hongrie lèverait son veto avant l'été.", language="fr")
    assert ex.actor(_indirect(ex, "la Hongrie lèverait").speaker).name == "Kaja Kallas"


def test_a_pronoun_points_at_a_person_the_sentence_before_describes_not_at_a_name_beside_it():
    # written for the tests: "the German chancellor" leads the paragraph; Zelensky is only the company he keeps
    ex = read("Friedrich Merz hosted Volodymyr Zelensky in Berlin on Wednesday.\n\n"
              "The German chancellor, who had called the meeting, spoke first afterwards. At a joint appearance "
              "with Zelensky he said that the talks had gone well. \"Nobody will sign away land under fire,\" "
              "he said.", language="en", published="2025-08-14")
    assert speaker_of(ex, "the talks had gone well", direct=False) == "Friedrich Merz"
    assert speaker_of(ex, "Nobody will sign away land") == "Friedrich Merz"


def test_an_attribution_set_inside_the_words_it_reports_is_not_about_their_subject():
    # written for the tests: "he said" and "he warned" stand inside clauses about Putin; Zelensky and Trump speak
    ex = read("Volodymyr Zelensky was blunt in Berlin on Wednesday. Putin, he said, was playing for time: "
              "\"He wants the whole country and he cannot take it.\"\n\n"
              "Donald Trump spoke at the White House. If Putin walked away from the talks, he warned, "
              "there would be a heavy price. He added that a second meeting could follow soon.",
              language="en", published="2025-08-14")
    assert speaker_of(ex, "He wants the whole country") == "Volodymyr Zelensky"
    assert speaker_of(ex, "a second meeting could follow", direct=False) == "Donald Trump"


def test_a_lone_surname_right_after_the_words_it_said_is_their_speaker():
    # written for the tests: "Hale" is named nowhere else and the recognizer tags it as nothing
    ex = read("Voters in the state backed the governor by a wide margin.\n\n"
              "\"They took his slogan and gave it to Trump,\" Hale said.", language="en",
              published="2016-02-11")
    assert speaker_of(ex, "They took his slogan") == "Hale"


def test_a_name_the_tagger_takes_for_a_common_noun_still_speaks_when_the_recognizer_says_person():
    # written for the tests: spaCy tags "Sanders" NOUN (lemma "sander") but PERSON
    ex = read("The senator met the pope in Rome on Saturday.\n\n"
              "\"I am an enormous fan of the pope,\" Sanders said in an interview.", language="en",
              published="2016-04-18")
    assert speaker_of(ex, "enormous fan of the pope") == "Sanders"


def test_a_described_speaker_after_a_quotation_the_parse_left_alone_is_the_subject_of_the_verb():
    # written for the tests: the parser leaves the exclamation on its own; "one person" and "his colleague"
    # are the subjects of the verbs that follow the quotations
    ex = read("The governor stood silently behind the candidate at the rally.\n\n"
              "“Governor, blink twice if you are in trouble!” one person tweeted.\n\n"
              "“One of the reasons why I work in mining was the support I got from Richard Osman,” his colleague "
              "wrote on Facebook.", language="en", published="2016-03-02")
    assert speaker_of(ex, "blink twice") == "one person"
    assert speaker_of(ex, "why I work in mining") == "his colleague"



def test_a_bare_attribution_after_a_quotation_that_ends_its_sentence_names_its_speaker():
    # written for the tests: the full stop inside the quotation ends the sentence, "Trump said." stands alone
    ex = read("The Republican nominee caused howls of outrage on Wednesday.\n\n"
              "“Russia, if you are listening, I hope you are able to find the emails that are missing.” Trump said.\n\n"
              "Clinton says the emails were personal.", language="en", published="2016-07-27")
    assert speaker_of(ex, "find the emails") == "Donald Trump"


def test_the_spokeswoman_later_is_the_person_the_story_first_called_a_spokeswoman():
    # written for the tests: a man is named between the spokeswoman and her quotation
    ex = read("Dana Whitfield, a spokeswoman for the Harbor Alliance, spoke to reporters on Monday. "
              "Carl Brenner, the alliance's founder, attended the meeting in Geneva.\n\n"
              "“We will not sign this agreement before the spring,” the spokeswoman said.",
              language="en", published="2016-03-01")
    assert speaker_of(ex, "before the spring") == "Dana Whitfield"


def test_one_party_member_is_someone_new_not_the_candidate_the_story_is_about():
    # written for the tests: "one New Hampshire Democrat" is an unnamed voice, not the senator named before
    ex = read("Senator Paul Hadley campaigned in Manchester on Monday.\n\n"
              "“Every candidate here is lowering expectations ahead of the vote,” said one New Hampshire Democrat.",
              language="en", published="2016-03-01")
    assert speaker_of(ex, "lowering expectations") == "one New Hampshire Democrat"


def test_a_description_resolved_to_a_person_is_listed_among_that_person_s_mentions():
    # written for the tests: "the Ohio senator" is Grainger, and the actor says which words stand for him
    ex = read("Senator Walter Grainger arrived in Columbus on Monday.\n\n"
              "“We will win this state by a very wide margin,” the Ohio senator told reporters.",
              language="en", published="2016-03-01")
    assert speaker_of(ex, "very wide margin") == "Walter Grainger"
    assert "the Ohio senator" in [m.text for m in ex.actor(next(a.key for a in ex.actors
                                                                if a.name == "Walter Grainger")).mentions]


def test_a_document_that_says_or_reads_speaks_for_itself():
    # written for the tests: "the suit" is the speaker of what it says and of what it reads
    ex = read("The former clerk Martin Osgood sued the committee in March.\n\n"
              "“The plaintiff was the only employee punished for the alleged violation,” the suit says.\n\n"
              "“No other staff member received any reprimand at all,” the suit reads.",
              language="en", published="2016-03-01")
    assert speaker_of(ex, "only employee punished") == "the suit"
    assert speaker_of(ex, "any reprimand") == "the suit"


def test_a_surname_the_tagger_calls_an_organization_is_still_the_person_for_the_he_after():
    # written for the tests: spaCy tags the lone "Whitlock" as an organization; it is the congressman
    ex = read("Congressman Gary Whitlock spoke at a rally in Dayton on Friday. Whitlock said the plan would fail.\n\n"
              "“We cannot pay for this with more borrowing from abroad,” he said.",
              language="en", published="2016-03-01")
    assert speaker_of(ex, "the plan would fail", direct=False) == "Gary Whitlock"
    assert {a.name for a in ex.actors} >= {"Gary Whitlock"} and "Whitlock" not in {a.name for a in ex.actors}


def test_a_title_before_a_name_does_not_end_the_sentence():
    # written for the tests: "Sen." is no full stop; "Nora Quill" is not a sentence whose subject she would be
    ex = read("Lena Marsh, a retired teacher from Keene, said Sarah Holt should be ready for hard questions. "
              "She came to the rally, though she is still not sure whether she will vote for Holt or "
              "Vermont Sen. Nora Quill.\n\n"
              "“I ask my husband every night who is going to win,” she said.",
              language="en", published="2016-03-01")
    assert speaker_of(ex, "who is going to win") == "Lena Marsh"


def test_a_quotation_followed_by_a_no_break_space_still_goes_on_with_the_speaker_before():
    # written for the tests: web copy often leaves a no-break space after the closing mark
    ex = read("Jared Sexton attended the rally in Greensboro.\n\n"
              "“People looked at the protesters and had a desire to do them harm,” Sexton said. "
              "“And I don’t think there are many of them.”\u00a0\nSexton later wrote about the rally.",
              language="en", published="2016-03-01")
    assert speaker_of(ex, "there are many of them") == "Jared Sexton"


@pytest.mark.parametrize(("text", "fragment", "speaker"), [
    # written for the tests: a verb that says how the words came out attributes the quotation
    ("Even the comedian Lowell Brandt, who hosts a weekly show, appeared to lose his temper.\n\n"
     "“For a start, his wife has explained why she chose not to speak, you fool,” Brandt barked.",
     "why she chose not to speak", "Lowell Brandt"),
    # a surname the tagger reads as a common noun, right after the closing mark
    ("The tour strained the staff.\n\n“We ran out of money by the middle of March,” O’Donnell said.",
     "ran out of money", "O’Donnell"),
    # the parser makes the quotation the subject and the name, with a long apposition, its apposition
    ("“Very good reporter, very good reporter this guy,” Trump, the 2016 GOP presidential frontrunner nationally "
     "and current polling leader in South Carolina by a wide margin, said when asked.",
     "this guy", "Donald Trump"),
])
def test_an_attribution_after_the_quotation_names_its_speaker_however_the_parse_reads_it(text, fragment, speaker):
    assert speaker_of(read(text, language="en", published="2016-03-01"), fragment) == speaker


def test_the_title_given_before_a_name_is_who_the_description_later_means():
    # written for the tests: "the senator" is Hadley, titled so before, not Quill, the subject before
    ex = read("Nora Quill spoke in Keene on Monday after Senator Paul Hadley.\n\n"
              "The senator drew loud applause, saying, “We will rebuild every bridge in this state.”",
              language="en", published="2016-03-01")
    assert speaker_of(ex, "rebuild every bridge") == "Paul Hadley"


def test_upon_saying_takes_the_subject_of_the_verb_the_phrase_hangs_on():
    # written for the tests: "upon saying" has no subject of its own; Quill drew the boos, not Hadley named after her
    ex = read("Senator Paul Hadley spoke first in Keene on Monday.\n\n"
              "Nora Quill drew a wave of boos from supporters of Senator Paul Hadley upon saying, "
              "“We will rebuild every bridge in this state.”",
              language="en", published="2016-03-01")
    assert speaker_of(ex, "rebuild every bridge") == "Nora Quill"


def test_an_author_or_a_cable_the_text_names_only_so_speaks_as_described():
    # written for the tests: nobody named stands behind "the author" or "the cable"
    ex = read("A former agent has written a book about the first lady.\n\n"
              "In the excerpt, the author wrote, “The first lady had a very different sort of liveliness.”\n\n"
              "The ambassador sent a cable in July. "
              "The cable said, “Overall security conditions continue to be unpredictable in the capital.”",
              language="en", published="2016-03-01")
    assert speaker_of(ex, "sort of liveliness") == "the author"
    assert speaker_of(ex, "security conditions") == "The cable"


def test_a_lone_first_name_that_leads_the_sentence_before_is_the_he_that_speaks():
    # written for the tests: "Miguel" alone makes no actor anywhere, but he is the subject "he" points back to
    ex = read("Governor Alma Reyes toured the flooded district on Friday.\n\n"
              "Miguel walked with Reyes through the shelter before the evening briefing.\n\n"
              "“We lost everything we owned in a single night,” he said.",
              language="en", published="2016-03-01")
    assert speaker_of(ex, "in a single night") == "Miguel"


def test_a_clause_ending_in_a_colon_introduces_the_words_of_its_subject():
    # written for the tests: "went back to his usual refrain:" is no speech verb, but it introduces his words
    ex = read("Senator Paul Hadley toured the harbor on Tuesday and praised the dock workers.\n\n"
              "At the evening rally, he went back to his usual refrain: “We will rebuild every single bridge and "
              "every single road in this state, and we will pay for it.”",
              language="en", published="2016-03-01")
    assert speaker_of(ex, "every single bridge") == "Paul Hadley"


# Written for the tests: an attribution that ends a sentence inside the quotation marks splits the quotation.
@pytest.mark.parametrize("text", [
    "« Nous avons tenu nos engagements, a déclaré jeudi soir le ministre des Affaires étrangères Jean-Noël Barrot "
    "devant les députés. La balle est désormais dans le camp du Kremlin. »",
    "« Nous avons tenu nos engagements, a-t-il déclaré jeudi soir au Sénat. La balle est désormais dans le camp "
    "du Kremlin. »",
])
def test_an_aside_that_ends_a_sentence_inside_french_quotation_marks_splits_the_quote(text):
    ex = read("Jean-Noël Barrot était à Paris jeudi. " + text, published="2025-03-14", language="fr")
    direct = [s for s in ex.statements if s.direct]
    assert [s.text for s in direct] == ["Nous avons tenu nos engagements,",
                                        "La balle est désormais dans le camp du Kremlin."]
    assert {ex.actor(s.speaker).name for s in direct} == {"Jean-Noël Barrot"}
    assert {str(s.date) for s in direct} == {"2025-03-13"}


def test_a_comma_aside_inside_a_quotation_still_gives_one_quote():
    ex = read("« La paix, a dit Emmanuel Macron après l'appel, ne se décrète pas. »", published="2025-03-14",
              language="fr")
    [quote] = [s for s in ex.statements if s.direct]
    assert ex.actor(quote.speaker).name == "Emmanuel Macron"
    assert quote.text.startswith("La paix") and quote.text.endswith("ne se décrète pas.")


# Written for the tests: a second speech verb the parser hangs on the reported clause speaks for the first subject.
@pytest.mark.parametrize(("text", "language", "speaker"), [
    ('The Russian Defence Ministry said on Sunday that several aircraft had caught fire and insisted that "the '
     'perpetrators have been detained".', "en", "Russian Defence Ministry"),
    ("Le ministère russe de la Défense a indiqué dimanche que des appareils avaient pris feu et assuré que « les "
     "auteurs ont été arrêtés ».", "fr", "Russian Defence Ministry"),
    ('Zelensky said on Sunday that Putin had lied and had insisted that "the war will go on".', "en",
     "Vladimir Putin"),
])
def test_a_second_speech_verb_in_a_reported_clause(text, language, speaker):
    ex = read(text, published="2025-06-02", language=language)
    [quote] = [s for s in ex.statements if s.direct]
    assert ex.actor(quote.speaker).name == speaker


def test_a_clause_with_its_subject_first_inside_a_quotation_is_the_quotation_going_on():
    ex = read("Hillary Clinton wrote on Friday: “When the pressure rises, he lashes out and cannot stop. That is "
              "dangerous for a leader.”", published="2016-09-30", language="en")
    [quote] = [s for s in ex.statements if s.direct]
    assert quote.text.endswith("dangerous for a leader.") and ex.actor(quote.speaker).name == "Hillary Clinton"


# Written for the tests: a quoted noun phrase hanging on a noun is the name of a thing, not words said.
@pytest.mark.parametrize(("text", "language"), [
    ("Speaking in Vilnius on Monday, Zelensky warned that Kyiv would accept no deal made behind its back, invoking "
     "the principle of “nothing about Ukraine without Ukraine”.", "en"),
    ("Jean-Noël Barrot a défendu lundi à Bruxelles la doctrine de « la paix par la force européenne », sans "
     "convaincre ses homologues.", "fr"),
])
def test_a_quoted_noun_phrase_hanging_on_a_noun_is_a_name_not_a_statement(text, language):
    ex = read(text, published="2025-03-04", language=language)
    assert [s.text for s in ex.statements if s.direct] == []


@pytest.mark.parametrize(("text", "fragment"), [
    ('The governor called the ruling a "huge win for Ohio voters and their families".', "huge win for Ohio voters"),
    ('Sybiha warned of "grave consequences for the whole of Europe" if the talks failed.', "grave consequences"),
])
def test_a_partial_quote_after_a_verb_or_a_determiner_is_still_a_quote(text, fragment):
    ex = read(text, published="2025-03-04", language="en")
    assert any(fragment in s.text for s in ex.statements if s.direct)


def test_a_source_within_a_national_body_speaks_for_the_body_not_its_country():
    ex = read('"The hardest part was the waiting," a source within Ukraine\'s SBU security service said.',
              published="2025-06-02", language="en")
    [quote] = [s for s in ex.statements if s.direct]
    assert ex.actor(quote.speaker).name == "SBU"


# Written for the tests.
def test_a_national_body_named_after_its_country_possessive_is_that_body():
    ex = read("Russia's defence ministry said on Saturday that 307 servicemen had been returned.",
              published="2025-05-24", language="en")
    [said] = [s for s in ex.statements if not s.direct]
    assert ex.actor(said.speaker).name == "Russian Defence Ministry"


def test_an_opening_phrase_the_parser_takes_for_a_subject_does_not_hide_the_named_speaker():
    ex = read("Le chef de cabinet de Volodymyr Zelensky, Andriï Iermak, a souligné que Kiev n'avait rien cédé. Côté "
              "russe, la porte-parole de la diplomatie, Maria Zakharova, a estimé mercredi qu'il fallait éviter des "
              "conclusions hâtives.", published="2025-03-12", language="fr")
    said = next(s for s in ex.statements if "conclusions" in s.text)
    assert ex.actor(said.speaker).name == "Maria Zakharova"


# Written for the tests: a call on someone to act is reported speech; a phone call is not.
@pytest.mark.parametrize(("text", "language", "content"), [
    ("Volodymyr Zelensky a appelé mercredi les Européens à rester à la table.", "fr", "rester à la table"),
    ("Zelensky called on the Europeans on Wednesday to stay at the table.", "en", "stay at the table"),
])
def test_a_call_on_someone_to_act_is_reported_speech(text, language, content):
    ex = read(text, published="2025-12-03", language=language)
    [said] = [s for s in ex.statements if not s.direct]
    assert content in said.text and ex.actor(said.speaker).name == "Volodymyr Zelensky"


@pytest.mark.parametrize(("text", "language"), [
    ("Emmanuel Macron a appelé Volodymyr Zelensky mardi.", "fr"),
    ("Trump called Putin on Tuesday.", "en"),
])
def test_a_phone_call_is_no_reported_speech(text, language):
    assert [s for s in read(text, published="2025-12-03", language=language).statements if not s.direct] == []


# Written for the tests: a reporting clause after what it reports, its subject after the verb.
@pytest.mark.parametrize(("text", "language", "speaker", "said"), [
    ("Roustem Oumerov retrouvera jeudi à Miami Steve Witkoff et Jared Kushner, annonce la présidence ukrainienne.",
     "fr", "Office of the President of Ukraine", "Roustem Oumerov retrouvera jeudi"),
    ("Les Européens se réuniront lundi à Londres, a annoncé mardi Keir Starmer.", "fr", "Keir Starmer",
     "Les Européens se réuniront lundi à Londres"),
    ("Les deux camps sont convenus d'un nouvel échange de prisonniers, a annoncé Roustem Oumerov devant la presse.",
     "fr", "Rustem Umerov", "Les deux camps sont convenus"),
    ("Talks will resume in Geneva on Monday, said the Ukrainian foreign ministry.", "en",
     "Ukrainian Foreign Ministry", "Talks will resume in Geneva"),
])
def test_a_reporting_clause_set_after_what_it_reports(text, language, speaker, said):
    ex = read(text, published="2025-12-03", language=language)
    [st] = [s for s in ex.statements if not s.direct]
    assert st.text.startswith(said) and ex.actor(st.speaker).name == speaker


def test_an_opening_phrase_is_not_what_a_speech_verb_with_an_object_reports():
    ex = read("After the meeting in Paris on Monday, Macron announced new sanctions.", published="2025-12-03",
              language="en")
    assert not any("After the meeting" in s.text for s in ex.statements)


@pytest.mark.parametrize(("text", "language"), [
    # written for the tests: a lead sentence of its own, then the quotation alone in the next paragraph
    ("Les Européens ont présenté mardi un plan de paix.\n\nÀ Moscou, Dmitri Peskov s'est montré cinglant.\n\n"
     "« Ce plan est inacceptable. Il ignore les réalités du terrain. »", "fr"),
    ("Les Européens ont présenté mardi un plan de paix.\n\nDmitri Peskov a réagi dans l'heure.\n\n"
     "« Ce plan est inacceptable. Il ignore les réalités du terrain. »", "fr"),
    ("Europeans presented a peace plan on Tuesday.\n\nIn Moscow, the Kremlin spokesman, Dmitry Peskov, was "
     "dismissive.\n\n\"This plan is unacceptable. It ignores the reality on the ground.\"", "en"),
])
def test_a_quotation_opening_a_paragraph_is_the_words_of_the_one_the_paragraph_before_ended_on(text, language):
    assert speaker_of(read(text, language=language), "Ce plan est inacceptable" if language == "fr"
                      else "This plan is unacceptable") == "Dmitry Peskov"


def test_a_quotation_after_a_heading_or_after_someone_else_spoke_is_not_given_to_the_lead_of_an_earlier_one():
    # written for the tests: Macron spoke last, so the quotation is his, not Peskov's of the paragraph before
    ex = read("Dmitri Peskov s'est montré cinglant.\n\n« Nous irons jusqu'au bout », a répondu Emmanuel Macron.\n\n"
              "« Et nous ne céderons rien. »", language="fr")
    assert speaker_of(ex, "ne céderons rien") == "Emmanuel Macron"
    # a heading is no lead: the heading's subject does not speak the quotation under it
    ex = read("DMITRI PESKOV CRITIQUE LE PLAN\n\n« Ce plan est inacceptable. »", language="fr")
    assert speaker_of(ex, "Ce plan est inacceptable") is None


@pytest.mark.parametrize(("text", "language", "speaker"), [
    # written for the tests: the reporting clause set between two commas inside what it reports
    ("The plan, Peskov said, is dead on arrival.", "en", "Dmitry Peskov"),
    ("The talks, the Kremlin said on Tuesday, would resume next week.", "en", "Kremlin"),
    ("Le plan, a dit Peskov, est mort-né.", "fr", "Dmitry Peskov"),
    ("Les discussions, a précisé le Kremlin, reprendront la semaine prochaine.", "fr", "Kremlin"),
])
def test_an_attribution_between_commas_reports_the_sentence_around_it(text, language, speaker):
    ex = read(text, language=language, published="2025-09-04")
    [st] = [s for s in ex.statements if not s.direct]
    assert ex.actor(st.speaker).name == speaker
    assert st.text.split(",")[0] == text.split(",")[0] and st.text.rstrip(".").endswith(text.rstrip(".")[-12:])


@pytest.mark.parametrize(("text", "language"), [
    # written for the tests: the sentence's own verb between commas, a relative clause, a quotation
    ("Samedi, le président russe avait annoncé, lors d'une réunion, une trêve de trente heures.", "fr"),
    ("Le ministre a salué la mémoire du pape, dont le Vatican a annoncé, lundi matin, la mort.", "fr"),
    ("The ministers, as announced, met in Brussels on Tuesday.", "en"),
])
def test_a_verb_between_commas_that_does_not_interrupt_what_it_reports_reports_no_whole_sentence(text, language):
    ex = read(text, language=language, published="2025-09-04")
    assert not [s for s in ex.statements if not s.direct and s.start == 0 and s.end >= len(text) - 2]


def test_a_quotation_and_its_attribution_before_a_comma_stay_a_quotation():
    ex = read("« Les garanties seront solides », a affirmé Friedrich Merz, avant de quitter Berlin pour Londres.",
              language="fr")
    assert speaker_of(ex, "garanties seront solides") == "Friedrich Merz"
    assert not [s for s in ex.statements if not s.direct]


# --- descriptions and asides that point back to the speaker (written for the tests) -------------------------------

_RADIO = ("Invité de la matinale ce mardi, le ministre délégué chargé de l'Europe, Benjamin Haddad, est revenu sur "
          "l'ultimatum de Donald Trump, fixé la veille à l'issue d'un entretien avec le Premier ministre britannique "
          "Keir Starmer. « Enfin, la pression change de camp », a estimé le ministre. Emmanuel Macron doit s'entretenir "
          "mercredi avec Volodymyr Zelensky, a-t-il ajouté.")


def test_the_minister_is_not_the_prime_minister_named_since():
    assert speaker_of(read(_RADIO, published="2025-07-29"), "la pression change de camp") == "Benjamin Haddad"


def test_an_aside_that_goes_on_is_the_speaker_before_not_the_subject_of_the_words():
    ex = read(_RADIO, published="2025-07-29")
    assert speaker_of(ex, "Emmanuel Macron doit s'entretenir", direct=False) == "Benjamin Haddad"


def test_an_aside_after_a_clause_about_its_subject_is_that_subject_speaking():
    ex = read("« Nous sommes prêts », a assuré le Premier ministre britannique Keir Starmer devant la presse. Le "
              "président ukrainien Volodymyr Zelensky, lui, a rencontré à Rome l'émissaire américain Keith Kellogg, "
              "« un échange utile », a-t-il écrit sur les réseaux sociaux.", published="2025-07-11")
    assert speaker_of(ex, "a rencontré à Rome", direct=False) == "Volodymyr Zelensky"


@pytest.mark.parametrize(("language", "text"), [
    ("fr", "Le sommet s'est tenu jeudi à l'Elysée.\n\nCE QU'ILS ONT DIT\n« Aucune levée de sanctions tant que les armes ne "
           "se seront pas tues », Keir Starmer, jeudi.\n« Chaque euro promis doit arriver sur le front avant l'été », "
           "Volodymyr Zelensky, mercredi soir."),
    ("en", "The summit was held on Thursday in Paris.\n\nWHAT THEY SAID\n\"No lifting of sanctions until the guns fall "
           "silent,\" Keir Starmer, Thursday.\n\"Every euro pledged must reach the front before summer,\" Volodymyr "
           "Zelensky, Wednesday evening."),
])
def test_a_name_and_a_day_after_a_quotation_sign_it(language, text):
    # (written for the tests) a newsletter's list of quotes: no verb, the name after the comma is the speaker
    ex = read(text, language=language, published="2025-03-28")
    assert speaker_of(ex, "sanctions") == "Keir Starmer"
    assert speaker_of(ex, "euro") == "Volodymyr Zelensky"
