"""The gazetteer's breadth for 2025: the actors news of the talks and the war names, their titles right across
the year's changes of office, and the French transliterations of their names.

Every sentence here was written for the tests.
"""
from __future__ import annotations

import pytest

from .pipeline_helpers import names, read


# --- a title alone means whoever held the office on the story's date -----------------------------

@pytest.mark.parametrize(("text", "language", "published", "holder", "not_holder"), [
    # Ukraine: Shmyhal left the premiership for defence on 17 July 2025, Svyrydenko took his place
    ("Ukraine's prime minister said the grid would hold through the winter.", "en", "2025-03-10",
     "Denys Shmyhal", "Yulia Svyrydenko"),
    ("Ukraine's prime minister said the grid would hold through the winter.", "en", "2025-10-10",
     "Yulia Svyrydenko", "Denys Shmyhal"),
    ("Ukraine's defence minister said the brigades had received the shells.", "en", "2025-04-02",
     "Rustem Umerov", "Denys Shmyhal"),
    ("Ukraine's defence minister said the brigades had received the shells.", "en", "2025-08-20",
     "Denys Shmyhal", "Rustem Umerov"),
    # Yermak headed the presidential office until 28 November 2025
    ("Le chef du bureau présidentiel ukrainien a conduit la délégation à Genève.", "fr", "2025-11-24",
     "Andriy Yermak", None),
    # the UK: Lammy was foreign secretary until 5 September 2025, then deputy prime minister
    ("Britain's foreign secretary said sanctions would tighten.", "en", "2025-06-01",
     "David Lammy", "Yvette Cooper"),
    ("Britain's foreign secretary said sanctions would tighten.", "en", "2025-11-01",
     "Yvette Cooper", "David Lammy"),
    ("The UK Deputy Prime Minister said the coalition would meet again.", "en", "2025-03-01",
     "Angela Rayner", "David Lammy"),
    ("The UK Deputy Prime Minister said the coalition would meet again.", "en", "2025-10-01",
     "David Lammy", "Angela Rayner"),
    # Germany: Baerbock led German diplomacy until 6 May 2025
    ("La cheffe de la diplomatie allemande a appelé à maintenir l'aide.", "fr", "2025-02-14",
     "Annalena Baerbock", "Johann Wadephul"),
    ("Le chef de la diplomatie allemande a appelé à maintenir l'aide.", "fr", "2025-06-14",
     "Johann Wadephul", "Annalena Baerbock"),
    # the Vatican: Francis died on 21 April 2025, Leo XIV was elected on 8 May
    ("Le souverain pontife a appelé à une paix juste en Ukraine.", "fr", "2025-03-02",
     "Pope Francis", "Pope Leo XIV"),
    ("Le souverain pontife a appelé à une paix juste en Ukraine.", "fr", "2025-06-02",
     "Pope Leo XIV", "Pope Francis"),
    # NATO's command: Grynkewich took over from Cavoli on 1 July 2025
    ("NATO's top military commander said the eastern flank was ready.", "en", "2025-05-05",
     "Christopher Cavoli", "Alexus Grynkewich"),
    ("NATO's top military commander said the eastern flank was ready.", "en", "2025-09-05",
     "Alexus Grynkewich", "Christopher Cavoli"),
    # Russia's Security Council: Shoigu replaced Patrushev as its secretary in May 2024
    ("Le secrétaire du Conseil de sécurité russe a reçu l'émissaire chinois.", "fr", "2025-05-20",
     "Sergei Shoigu", "Nikolai Patrushev"),
    # the Czech government: Babiš followed Fiala on 9 December 2025
    ("The Czech Prime Minister said his country would keep buying shells for Kyiv.", "en", "2025-06-01",
     "Petr Fiala", "Andrej Babiš"),
    ("The Czech Prime Minister said his country would review the shell initiative.", "en", "2025-12-20",
     "Andrej Babiš", "Petr Fiala"),
])
def test_a_title_alone_means_whoever_held_it_on_the_storys_date(text, language, published, holder, not_holder):
    found = names(read(text, language=language, published=published))
    assert holder in found
    if not_holder:
        assert not_holder not in found


# --- French transliterations and other spellings resolve to the canonical name --------------------

@pytest.mark.parametrize(("text", "language", "canonical"), [
    ("Nikolaï Patrouchev a estimé que l'Occident cherchait l'escalade.", "fr", "Nikolai Patrushev"),
    ("Sergueï Narychkine a accusé Londres de préparer des provocations.", "fr", "Sergei Naryshkin"),
    ("Alexandre Bortnikov a affirmé que le FSB avait déjoué un attentat.", "fr", "Alexander Bortnikov"),
    ("Tatiana Moskalkova a confirmé l'échange de prisonniers.", "fr", "Tatiana Moskalkova"),
    ("Grigori Karassine a jugé les propositions européennes inacceptables.", "fr", "Grigory Karasin"),
    ("Oleg Synegoubov a fait état de frappes de drones sur Kharkiv.", "fr", "Oleh Syniehubov"),
    ("Iouri Ignat a indiqué que la défense antiaérienne avait abattu 300 drones.", "fr", "Yurii Ihnat"),
    ("Fayçal ben Farhane a reçu les délégations à Riyad.", "fr", "Faisal bin Farhan"),
    ("Benyamin Nétanyahou a salué le plan de Donald Trump.", "fr", "Benjamin Netanyahu"),
    ("Le pape François a prié pour la paix en Ukraine.", "fr", "Pope Francis"),
    ("Maroš Šefčovič negotiated the tariff deal with Washington.", "en", "Maroš Šefčovič"),
    ("Viatcheslav Gladkov a fait état de deux blessés dans la région frontalière.", "fr", "Vyacheslav Gladkov"),
    ("Le maire de Moscou a annoncé que douze drones avaient été abattus dans la nuit.", "fr", "Sergei Sobyanin"),
])
def test_a_transliteration_is_the_canonical_actor(text, language, canonical):
    assert canonical in names(read(text, language=language, published="2025-10-15"))


# --- bodies named in such news, in French and in English ------------------------------------------

@pytest.mark.parametrize(("text", "language", "canonical"), [
    ("Le Bureau national anticorruption d'Ukraine a perquisitionné chez un proche du président.", "fr", "NABU"),
    ("The National Anti-Corruption Bureau said it had charged seven people.", "en", "NABU"),
    ("Le Conseil de sécurité nationale et de défense a adopté de nouvelles sanctions.", "fr",
     "National Security and Defence Council"),
    ("L'armée de l'air ukrainienne a fait état de 500 drones lancés dans la nuit.", "fr", "Ukrainian Air Force"),
    ("Le Conseil de la Fédération a ratifié le traité.", "fr", "Federation Council"),
    ("Energoatom said the plant had lost its external power line again.", "en", "Energoatom"),
    # an agency named after "to the" is the agency, not a place where something happens
    ("The president appointed his former minister to the National Security and Defence Council.", "en",
     "National Security and Defence Council"),
    ("Les enquêteurs ont transmis le dossier au NABU.", "fr", "NABU"),
])
def test_bodies_of_the_war_and_the_talks_are_actors(text, language, canonical):
    assert canonical in names(read(text, language=language, published="2025-10-15"))


# --- surnames that are also common words are not matched alone --------------------------------------

@pytest.mark.parametrize(("text", "language", "absent"), [
    ("Les négociateurs ont servi du sirop de cassis aux délégations.", "fr", "Ignazio Cassis"),
    ("The talks were on the brink of collapse, a diplomat said.", "en", "Bridget Brink"),
    ("Le président Kim a reçu les ministres à Séoul.", "fr", "Kim Jong Un"),
    ("The Hollande affair was debated in The Hague.", "en", "François Hollande"),
])
def test_a_surname_that_is_also_a_common_word_is_no_actor_alone(text, language, absent):
    assert absent not in names(read(text, language=language, published="2025-10-15"))
