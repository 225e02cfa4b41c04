"""Speech verbs beyond 'say' and « dire »: proposals, denials, pledges, rebuttals, estimates, and their look-alikes.

Sentences written for these tests (no article's wording): each verb in its speech sense, with the complement
its frame in speech.toml reads, and in a sense that reports nothing, which must give no statement.
"""
from __future__ import annotations

import pytest

from .pipeline_helpers import read


def _reported(text: str, language: str) -> list[tuple[str | None, str]]:
    extraction = read(text, language=language)
    out = []
    for st in extraction.statements:
        if st.direct:
            continue
        actor = extraction.actor(st.speaker)
        out.append((actor.name if actor else None, st.text))
    return out


@pytest.mark.parametrize("text,speaker,fragment", [
    ("Volodymyr Zelensky a proposé que les négociations reprennent à Genève la semaine prochaine.",
     "Volodymyr Zelensky", "les négociations reprennent à Genève"),
    ("Volodymyr Zelensky a proposé de tenir un sommet avec Vladimir Poutine en Turquie.",
     "Volodymyr Zelensky", "tenir un sommet avec Vladimir Poutine"),
    ("Le Kremlin a nié que des soldats russes aient franchi la frontière polonaise.",
     "Kremlin", "des soldats russes aient franchi la frontière"),
    ("Sergueï Lavrov a nié avoir reçu une proposition écrite de la part des Américains.",
     "Sergei Lavrov", "avoir reçu une proposition écrite"),
    ("Donald Trump a reproché à Volodymyr Zelensky de bloquer un accord de paix avec Moscou.",
     "Donald Trump", "bloquer un accord de paix"),
    ("Emmanuel Macron a demandé à Vladimir Poutine de cesser immédiatement les frappes contre les civils.",
     "Emmanuel Macron", "cesser immédiatement les frappes"),
    ("Volodymyr Zelensky s'est engagé à organiser des élections une fois la guerre terminée.",
     "Volodymyr Zelensky", "organiser des élections"),
    ("Volodymyr Zelensky espère que les Etats-Unis livreront de nouveaux systèmes Patriot avant l'hiver.",
     "Volodymyr Zelensky", "les Etats-Unis livreront de nouveaux systèmes Patriot"),
    ("Emmanuel Macron a réaffirmé le soutien indéfectible de la France à l'Ukraine face à l'agression russe.",
     "Emmanuel Macron", "le soutien indéfectible de la France"),
    ("Emmanuel Macron a mis en garde que la Russie ne respecterait aucun cessez-le-feu.",
     "Emmanuel Macron", "la Russie ne respecterait aucun cessez-le-feu"),
    ("Sergueï Lavrov a rétorqué que les sanctions occidentales n'avaient aucun effet sur l'économie russe.",
     "Sergei Lavrov", "les sanctions occidentales n'avaient aucun effet"),
    ("Emmanuel Macron a fait remarquer que la Russie n'avait respecté aucune trêve depuis le printemps.",
     "Emmanuel Macron", "la Russie n'avait respecté aucune trêve"),
    ("Keir Starmer a garanti que son pays resterait aux côtés de Kiev aussi longtemps que nécessaire.",
     "Keir Starmer", "son pays resterait aux côtés de Kiev"),
])
def test_french_speech_verbs_report_what_they_take(text, speaker, fragment):
    reported = _reported(text, "fr")
    assert any(fragment in body and who == speaker for who, body in reported), reported


@pytest.mark.parametrize("text", [
    "Volodymyr Zelensky a proposé un plan de paix en dix points lors du sommet de Bruxelles.",
    "Les forces ukrainiennes ont contesté le contrôle de la ville pendant plusieurs semaines.",
    "L'armée ukrainienne a riposté en frappant une raffinerie russe près de Novorossiïsk.",
    "Les Européens veulent garantir la sécurité de l'Ukraine après un cessez-le-feu.",
    "Kiev et Moscou ont engagé des pourparlers directs à Istanbul au printemps.",
    "Le conseiller diplomatique de l'Elysée a rencontré les négociateurs américains mardi.",
    "Emmanuel Macron a rapporté de Washington un engagement ferme de Donald Trump.",
    "Moscou a proclamé l'annexion de quatre régions ukrainiennes en septembre 2022.",
    "Emmanuel Macron a mis en garde contre une paix bâclée qui récompenserait l'agresseur russe.",
])
def test_french_look_alikes_report_nothing(text):
    assert _reported(text, "fr") == []


@pytest.mark.parametrize("text,speaker,fragment", [
    ("Zelensky proposed that talks resume in Geneva next week.", "Volodymyr Zelensky", "talks resume in Geneva"),
    ("Rubio reaffirmed Washington's commitment to a just and lasting peace in Ukraine.",
     "Marco Rubio", "commitment to a just and lasting peace"),
    ("Peskov rejected claims that Russian troops had crossed into Poland.",
     "Dmitry Peskov", "Russian troops had crossed into Poland"),
    ("The Pentagon estimates that Russia has lost more than a million soldiers.",
     "Pentagon", "Russia has lost more than a million soldiers"),
    ("Starmer expressed hope that the talks would lead to a durable settlement.",
     "Keir Starmer", "the talks would lead to a durable settlement"),
    ("Macron voiced strong support for sending European troops to Ukraine.",
     "Emmanuel Macron", "support for sending European troops"),
    ("Trump reassured Zelensky that the United States would not abandon Ukraine.",
     "Donald Trump", "the United States would not abandon Ukraine"),
    ("Merz encouraged Zelensky to accept the framework agreement.", "Friedrich Merz", "accept the framework agreement"),
    ("Lavrov disputed that Moscow had ever agreed to a meeting with Zelensky.",
     "Sergei Lavrov", "Moscow had ever agreed to a meeting"),
    ("Kellogg advised Kyiv to hold elections before any peace deal.", "Keith Kellogg", "hold elections before"),
    ("Rubio confided that the talks had nearly collapsed twice.", "Marco Rubio", "the talks had nearly collapsed"),
])
def test_english_speech_verbs_report_what_they_take(text, speaker, fragment):
    reported = _reported(text, "en")
    assert any(fragment in body and who == speaker for who, body in reported), reported


@pytest.mark.parametrize("text", [
    "Zelensky proposed a 30-day ceasefire covering energy infrastructure.",
    "Peskov rejected the European proposal for a ceasefire along the front line.",
    "Putin has ruled Russia for a quarter of a century.",
    "Ukrainian forces repelled the attack and projected power across the Black Sea.",
    "The army swore in new recruits in Kyiv on Monday.",
])
def test_english_look_alikes_report_nothing(text):
    assert _reported(text, "en") == []


@pytest.mark.parametrize("text,language", [
    ("« Nous ne céderons pas un mètre de notre territoire », souffle un conseiller de la présidence ukrainienne.", "fr"),
    ("« Nous ne céderons pas un mètre de notre territoire », a analysé Mykhaïlo Podoliak.", "fr"),
    ("“We will not give up an inch of our land,” the adviser elaborated.", "en"),
])
def test_ways_of_saying_attribute_a_quotation(text, language):
    extraction = read(text, language=language)
    quotes = [s for s in extraction.statements if s.direct]
    assert quotes and quotes[0].speaker is not None


@pytest.mark.parametrize("text,language,speaker,fragment", [
    ("À en croire Sergueï Lavrov, les Occidentaux ne veulent pas vraiment la paix en Ukraine.", "fr",
     "Sergei Lavrov", "les Occidentaux ne veulent pas vraiment la paix"),
    ("De l'avis de Mark Rutte, la Russie n'est pas prête à négocier sérieusement un cessez-le-feu.", "fr",
     "Mark Rutte", "la Russie n'est pas prête à négocier"),
    ("Pour reprendre les mots d'Emmanuel Macron, l'Europe doit devenir une puissance militaire.", "fr",
     "Emmanuel Macron", "l'Europe doit devenir une puissance militaire"),
    ("In the view of Mark Rutte, Russia is not ready to negotiate a ceasefire in earnest.", "en",
     "Mark Rutte", "Russia is not ready to negotiate"),
    ("By the admission of Volodymyr Zelensky, the counteroffensive fell short of its goals.", "en",
     "Volodymyr Zelensky", "the counteroffensive fell short"),
])
def test_source_phrases_of_several_words_name_the_source_they_end_with(text, language, speaker, fragment):
    reported = _reported(text, language)
    assert any(body.startswith(fragment) and who == speaker for who, body in reported), reported


def test_a_phrase_that_only_looks_like_a_source_names_none():
    assert _reported("Il faut en croire les sondages pour comprendre la situation.", "fr") == []


@pytest.mark.parametrize("text,language,speaker", [
    ("Un commentateur a estimé que les discussions étaient vouées à l'échec.", "fr", "Un commentateur"),
    ("Le commandement militaire a indiqué que douze drones avaient été abattus.", "fr", "Le commandement militaire"),
    ("The commissioner said that the bloc would adopt a new sanctions package.", "en", "The commissioner"),
    ("The readout said that both leaders had agreed to keep talking.", "en", "The readout"),
])
def test_descriptions_nobody_named_speak_as_the_text_names_them(text, language, speaker):
    assert [who for who, _ in _reported(text, language)] == [speaker]


@pytest.mark.parametrize("text,language", [
    # an infinitive of purpose is no pledge: « engagés pour garantir »
    ("Les pays volontaires, engagés pour garantir la sécurité de l'Ukraine, se réunissent jeudi à Paris.", "fr"),
    # a verb with its own complement after it reports nothing before its comma
    ("Volodymyr Zelensky, arrivé jeudi à Washington, sera reçu vendredi à la Maison Blanche, où il espère obtenir "
     "des missiles.", "fr"),
    # nor does a verb whose subject stands before the comma
    ("À Moscou, le porte-parole du Kremlin, Dmitri Peskov, a répliqué dans la journée.", "fr"),
])
def test_words_before_a_comma_are_not_what_a_verb_with_its_own_frame_reports(text, language):
    assert _reported(text, language) == []


def test_a_saying_at_an_event_gives_the_event_the_saying_s_day():
    extraction = read("Volodymyr Zelensky a réaffirmé mardi son soutien lors d'une rencontre avec Friedrich Merz.",
                      language="fr", published="2025-04-16")
    [meeting] = [e for e in extraction.events if e.kind == "meeting"]
    assert str(meeting.date) == "2025-04-15"


def test_the_clause_a_gerund_hangs_on_is_not_what_it_reports():
    text = ("Une trentaine de dirigeants participent jeudi à des discussions sur les garanties de sécurité, "
            "en espérant convaincre les Etats-Unis de soutenir ces démarches.")
    assert not any(body.startswith("Une trentaine") for _, body in _reported(text, "fr"))
