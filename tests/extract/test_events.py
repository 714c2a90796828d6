"""The event coder on sentences we wrote, one per argument frame, in French and English."""

from __future__ import annotations

import pytest

from dyads.pipeline import Extractor, Settings
from dyads.types import Article


@pytest.fixture(scope="module")
def coder():
    return Extractor(Settings(include_unasserted=True))


def events(coder, text, lang, published="2022-03-01"):
    document = coder.extract_article(Article(id="t", text=text, language=lang, published=published))
    return document.events


def triples(evs, asserted_only=True):
    return {(e.source.actor, e.target.actor, e.root) for e in evs
            if not asserted_only or (not e.negated and e.modality == "asserted")}


@pytest.mark.parametrize("lang,text,expected", [
    # active verb, direct object with an actor adjective
    ("fr", "L'Otan a expulsé huit diplomates russes mercredi.", ("NATO", "RUS", "17")),
    ("en", "NATO expelled eight Russian diplomats on Wednesday.", ("NATO", "RUS", "17")),
    # passive with agent
    ("fr", "Huit diplomates russes ont été expulsés par l'Otan.", ("NATO", "RUS", "17")),
    ("en", "Eight Russian diplomats were expelled by NATO.", ("NATO", "RUS", "17")),
    # nominalisation with its agent ("par") and patient ("de")
    ("fr", "Moscou a dénoncé l'expulsion par l'Otan de huit diplomates russes.", ("NATO", "RUS", "17")),
    # the subject of the governing verb is the source of the event noun
    ("fr", "L'Union européenne a imposé de nouvelles sanctions contre la Russie.", ("EU", "RUS", "16")),
    ("en", "The European Union imposed new sanctions on Russia.", ("EU", "RUS", "16")),
    # possessive: "sa mission" is the subject's; the target hangs on "auprès de"
    ("fr", "La Russie a annoncé la suspension de sa mission auprès de l'Otan.", ("RUS", "NATO", "16")),
    # verb with a prepositional target
    ("fr", "Le Mali a demandé à la France de retirer ses troupes.", ("MLI", "FRA", "10")),
    # criticism with a direct object
    ("fr", "Moscou a dénoncé la décision de l'Otan.", ("RUS", "NATO", "11")),
    ("en", "Beijing condemned the United States for the arms sale.", ("CHN", "USA", "11")),
    # force against a place
    ("fr", "L'armée israélienne a mené des frappes dans la bande de Gaza.", ("ISR", "PSE", "19")),
    # title + demonym subject
    ("en", "Russian Foreign Minister Sergei Lavrov accused NATO of provocations.", ("RUS", "NATO", "11")),
    # a role noun placed by its clause in a capital: "la junte au pouvoir à Bamako" is Mali's
    ("fr", "La France prépare le départ de ses soldats. Lundi, la junte au pouvoir à Bamako a demandé "
           "à la France de partir.", ("MLI", "FRA", "10")),
    # promising reprisals is a threat, not a promise
    ("fr", "Moscou a promis des représailles à Londres.", ("RUS", "GBR", "13")),
    ("en", "Iran vowed revenge against Israel after the strike.", ("IRN", "ISR", "13")),
    # one state's army against its rebels: the bare role noun takes the article's state
    ("fr", "L'armée syrienne a mené des frappes mardi sur des rebelles.", ("SYR", "SYR", "19")),
])
def test_events_frames(coder, lang, text, expected):
    assert expected in triples(events(coder, text, lang))


def test_events_symmetric_meeting_is_one_event(coder):
    evs = [e for e in events(coder, "Emmanuel Macron et Xi Jinping se sont entretenus mercredi par téléphone.", "fr")
           if e.root == "04"]
    assert len(evs) == 1
    assert {evs[0].source.actor, evs[0].target.actor} == {"FRA", "CHN"}


def test_events_reciprocal_accusations_go_both_ways(coder):
    found = triples(events(coder, "L'Arménie et l'Azerbaïdjan s'accusent mutuellement de tirs à la frontière.", "fr"))
    assert {("ARM", "AZE", "11"), ("AZE", "ARM", "11")} <= found


@pytest.mark.parametrize("lang,text,field,value", [
    ("fr", "L'Otan n'a pas expulsé de diplomates russes.", "negated", True),
    ("en", "NATO did not expel any Russian diplomats.", "negated", True),
    ("fr", "La Russie pourrait suspendre sa mission auprès de l'Otan.", "modality", "possible"),
    ("en", "The EU could impose sanctions on Belarus.", "modality", "possible"),
    ("fr", "L'Otan expulserait des diplomates russes, selon la presse.", "modality", "conditional"),
    ("fr", "L'Otan va-t-elle expulser des diplomates russes ?", "modality", "question"),
    ("fr", "Si Moscou attaque l'Ukraine, l'UE imposera des sanctions à la Russie.", "modality", "hypothetical"),
    ("en", "Washington threatened to impose sanctions on Moscow.", "modality", "threatened"),
    ("fr", "L'Otan n'a pas l'intention d'expulser de nouveaux diplomates russes.", "negated", True),
    ("fr", "L'Otan a l'intention d'expulser de nouveaux diplomates russes.", "modality", "intended"),
    ("fr", "Caracas accuse Washington d'avoir rencontré des opposants vénézuéliens.", "modality", "alleged"),
])
def test_events_negation_and_modality(coder, lang, text, field, value):
    evs = events(coder, text, lang)
    assert evs, "the trigger should still be coded"
    assert any(getattr(e, field) == value for e in evs)
    default = Extractor().extract_article(Article(id="t", text=text, language=lang)).events
    assert not [e for e in default if getattr(e, field) == value]  # left out by default


def test_events_carry_provenance(coder):
    text = "Début octobre, l'Otan a expulsé huit diplomates russes à Bruxelles."
    evs = [e for e in events(coder, text, "fr", published="2021-10-19T22:22:00+02:00") if e.root == "17"]
    event = evs[0]
    assert text[event.trigger["start"]:event.trigger["end"]] == event.trigger["text"] == "expulsé"
    assert event.sentence == text
    assert event.date == "2021-10"
    assert event.cameo == "174" and event.quad_class == 4 and event.goldstein < 0
    assert event.plover["type"] == "COERCE"
    assert event.rule.startswith("fr.verb.")
    assert event.source.code == "IGOWSTNAT" and event.target.code.startswith("RUS")
    assert event.location and event.location["country"] == "BEL"


def test_events_unresolved_arguments_give_no_event(coder):
    assert events(coder, "Ils ont expulsé plusieurs personnes hier.", "fr") == []


def test_events_unresolved_side_only_when_asked():
    text = "Ils ont expulsé huit diplomates russes hier."
    article = Article(id="t", text=text, language="fr", published="2022-03-01")
    assert Extractor().extract_article(article).events == []
    evs = Extractor(Settings(include_unresolved=True)).extract_article(article).events
    assert [(e.source, e.target.actor, e.root) for e in evs] == [(None, "RUS", "17")]
    assert evs[0].rule.endswith(".unresolved")


def test_events_warning_about_an_actor_is_not_aimed_at_it(coder):
    found = triples(events(coder, "Emmanuel Macron a averti que la Russie ne devait pas être humiliée.", "fr"))
    assert ("FRA", "RUS", "13") not in found


def test_events_two_subjects_misparse_takes_the_one_next_to_the_verb(coder):
    """A long fronted phrase whose last noun the parser also calls a subject."""
    text = ("Après la décision de la France ainsi que le Canada de retirer leurs troupes, "
            "la junte au pouvoir à Bamako a qualifié cette décision de « violation », "
            "et demande à la France de « partir sans délai ».")
    found = triples(events(coder, text, "fr"))
    assert ("MLI", "FRA", "10") in found
    assert not any(src == "CAN" and root == "10" for src, _tgt, root in found)


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Israeli strikes killed twenty Palestinians in Gaza on Monday.", ("ISR", "PSE", "19")),
    ("fr", "Les frappes israéliennes ont tué vingt Palestiniens lundi.", ("ISR", "PSE", "19")),
])
def test_events_violent_noun_subject_of_violent_verb_is_one_event(coder, lang, text, expected):
    """The strike is the event: its noun gives the code and who struck, the verb whom it hit."""
    evs = [e for e in events(coder, text, lang) if not e.negated]
    assert {(e.source.actor, e.target.actor, e.root) for e in evs} == {expected}
    assert "+" in evs[0].rule


@pytest.mark.parametrize("lang,text,expected,absent", [
    ("fr", "La Hongrie refuse l'embargo de l'UE sur le gaz russe.", ("HUN", "EU", "12"), ("HUN", "RUS", "12")),
    ("fr", "La Hongrie refuse tout embargo sur le gaz russe.", None, ("HUN", "RUS", "12")),
    ("en", "Hungary rejected the EU's embargo on Russian oil.", ("HUN", "EU", "12"), ("HUN", "RUS", "12")),
])
def test_events_rejecting_an_act_targets_its_author(coder, lang, text, expected, absent):
    found = triples(events(coder, text, lang))
    assert absent not in found
    if expected:
        assert expected in found


def test_events_symmetric_pair_keeps_text_order(coder):
    text = ("Le Premier ministre britannique Boris Johnson a reçu Emmanuel Macron. Un porte-parole a déclaré "
            "que Johnson et Macron avaient convenu de coordonner leur action.")
    evs = [e for e in events(coder, text, "fr") if e.root == "01"]
    assert [(e.source.actor, e.target.actor) for e in evs] == [("GBR", "FRA")]


@pytest.mark.parametrize("lang,text,expected", [
    ("fr", "Quatre diplomates soudanais en poste à N'Djamena ont 72 heures pour partir. Le pouvoir de N'Djamena "
           "a décidé de les déclarer persona non grata.", ("TCD", "SDN", "17")),
    ("en", "Three Russian diplomats were found in the building. Poland expelled them on Monday.", ("POL", "RUS", "17")),
])
def test_events_object_pronoun_is_an_earlier_subject_not_its_own(coder, lang, text, expected):
    assert expected in triples(events(coder, text, lang))


@pytest.mark.parametrize("lang,text,expected", [
    ("fr", "Moscou va réagir aux sanctions introduites par Bruxelles.", ("RUS", "EU", "130")),
    ("fr", "Moscou a réagi aux sanctions introduites par Bruxelles.", ("RUS", "EU", "010")),
    ("en", "Beijing will react to the sanctions imposed by Washington.", ("CHN", "USA", "130")),
])
def test_events_reaction_announced_for_the_future_is_a_threat(coder, lang, text, expected):
    found = {(e.source.actor, e.target.actor, e.cameo) for e in events(coder, text, lang)}
    assert expected in found


def test_events_noun_in_an_adjunct_phrase_is_not_the_clause_subjects_act(coder):
    """"En raison de l'invasion de l'Ukraine, X a ...": X did not invade."""
    text = "En raison de l'invasion de l'Ukraine, le gouvernement américain a aggravé une situation terrible."
    assert not any(src == "USA" for src, _tgt, _root in triples(events(coder, text, "fr")))


@pytest.mark.parametrize("text,expected,absent", [
    ("Le Canada a condamné l'invasion de l'Ukraine par la Russie.", ("CAN", "RUS", "11"), ("CAN", "UKR", "11")),
    ("Le Canada a condamné l'invasion de l'Ukraine.", None, ("CAN", "UKR", "11")),
    ("« Nous condamnons la répression des manifestations en Birmanie », a déclaré le porte-parole de l'ONU.",
     ("UN", "MMR", "11"), None),
])
def test_events_criticising_an_act_targets_its_author_not_its_victim(coder, text, expected, absent):
    found = triples(events(coder, text, "fr"))
    if expected:
        assert expected in found
    if absent:
        assert absent not in found


def test_events_critical_speech_verb_targets_the_actor_adjective_in_its_quote(coder):
    text = ("« Des avions ont franchi la ligne médiane du détroit », a indiqué le gouvernement taïwanais. "
            "« Cet exercice militaire chinois est un acte hautement provocateur », a-t-il protesté.")
    assert ("TWN", "CHN", "11") in triples(events(coder, text, "fr"))


@pytest.mark.parametrize("lang,text,expected", [
    # a state named in two words keeps the conjunct hung on its second word
    ("fr", "L'Arabie saoudite et l'Iran ont rétabli leurs relations diplomatiques.", ("SAU", "IRN", "05")),
    # a symmetric event noun takes both conjuncts of the governing verb's subject
    ("fr", "L'Inde et le Pakistan ont conclu un cessez-le-feu le long de la frontière.", ("IND", "PAK", "08")),
    # a complement hung on the future verb above the trigger
    ("fr", "L'Allemagne va livrer des chars Leopard à l'Ukraine.", ("DEU", "UKR", "07")),
    ("en", "Germany will send Leopard tanks to Ukraine, Chancellor Olaf Scholz announced.", ("DEU", "UKR", "07")),
    # the author of a rejected act hung on the verb
    ("en", "The Kremlin rejected the proposal from Kyiv.", ("RUS", "UKR", "12")),
])
def test_events_more_frames(coder, lang, text, expected):
    assert expected in triples(events(coder, text, lang))


@pytest.mark.parametrize("lang,text", [
    ("fr", "L'Iran a démenti avoir fourni des drones à la Russie."),
    ("en", "Iran denied supplying drones to Russia."),
])
def test_events_denied_act_is_not_asserted(coder, lang, text):
    evs = [e for e in events(coder, text, lang) if e.root == "07"]
    assert evs and all(e.modality == "denied" for e in evs)


@pytest.mark.parametrize("text,expected", [
    ("Kiev a reçu une aide militaire de deux milliards de dollars des États-Unis.", ("USA", "UKR", "07")),
    ("Le Niger a dénoncé ses accords militaires avec la France.", ("NER", "FRA", "16")),
    ("La Russie a menacé de couper le gaz à la Moldavie.", ("RUS", "MDA", "13")),
    ("La Turquie a bloqué l'adhésion de la Suède à l'Otan.", ("TUR", "SWE", "12")),
])
def test_events_french_frames_checked_on_news_sentences(coder, text, expected):
    assert expected in triples(events(coder, text, "fr"))


def test_events_denounced_agreement_is_not_also_a_signing(coder):
    found = triples(events(coder, "Le Niger a dénoncé ses accords militaires avec la France.", "fr"))
    assert ("NER", "FRA", "05") not in found


def test_events_person_placed_only_by_context_makes_no_event(coder):
    """An unknown, untitled person gets the article's state as a guess, not an event."""
    found = triples(events(coder, "Jens Stoltenberg met Jordan Peterson in Georgia.", "en"))
    assert not any(tgt == "GEO" for _src, tgt, _root in found)


def test_events_country_name_read_as_a_person_is_the_country(coder):
    assert ("BFA", "FRA", "10") in triples(events(coder, "Burkina Faso demanded the withdrawal of French troops.", "en"))


@pytest.mark.parametrize("lang,text,expected", [
    # a participle the tagger calls a noun ("téléphoné") is still a verb
    ("fr", "Joe Biden a téléphoné à Benyamin Netanyahou dimanche.", ("USA", "ISR", "04")),
    # a wire dateline is not the subject of the first clause
    ("en", "BEIRUT (AP) — Israeli strikes killed five Hezbollah fighters in southern Lebanon.",
     ("ISR", "HEZBOLLAH", "19")),
])
def test_events_after_the_pipeline_fixes(coder, lang, text, expected):
    found = triples(events(coder, text, lang))
    assert expected in found
    assert not any(src == "LBN" for src, _tgt, _root in found)


@pytest.mark.parametrize("lang,text,threat,hypothetical", [
    ("fr", "Le président a prévenu que Kiev abandonnerait les négociations avec Moscou si les soldats ukrainiens "
           "retranchés dans l'usine étaient tués par l'armée russe.", ("UKR", "RUS", "130"), ("RUS", "UKR", "180")),
    ("en", "Russia would expel NATO diplomats if the alliance sent troops to Ukraine.", ("RUS", "NATO", "130"), None),
])
def test_events_hostile_act_in_the_conditional_with_its_condition_is_a_threat(coder, lang, text, threat, hypothetical):
    evs = events(coder, text, lang)
    found = {(e.source.actor, e.target.actor, e.cameo): e.modality for e in evs}
    assert found.get(threat) == "asserted"
    if hypothetical:  # the condition itself is not a fact, even with "si" parsed under its subject
        assert found.get(hypothetical) == "hypothetical"


def test_events_conditional_without_condition_stays_unasserted(coder):
    evs = events(coder, "La Russie expulserait des diplomates polonais.", "fr")
    assert evs and all(e.cameo != "130" and e.modality != "asserted" for e in evs)


@pytest.mark.parametrize("lang,text,expected", [
    ("fr", "Emmanuel Macron a accueilli Boris Johnson à Paris. Lundi, les deux dirigeants se sont entretenus longuement.",
     ("FRA", "GBR", "04")),
    ("fr", "Le président français a reçu le Premier ministre britannique. Londres a publié un compte rendu de la "
           "rencontre de la paire.", ("FRA", "GBR", "04")),
    ("en", "Joe Biden welcomed Olaf Scholz to Washington. The two leaders met for two hours.", ("USA", "DEU", "04")),
])
def test_events_the_two_leaders_stand_for_the_two_actors_last_named(coder, lang, text, expected):
    evs = [e for e in events(coder, text, lang) if e.root == "04"]
    assert {(e.source.actor, e.target.actor, e.root) for e in evs} == {expected}


def test_events_both_with_a_non_human_noun_is_not_a_pair(coder):
    text = "Joe Biden welcomed Olaf Scholz to Washington. Both events were protested by ordinary citizens."
    assert not any(e.root == "14" and e.source.actor in ("USA", "DEU") for e in events(coder, text, "en"))
