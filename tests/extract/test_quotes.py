"""Quote speaker attribution (extract.quotes) through the real pipeline, on sentences we wrote."""

from __future__ import annotations

import pytest

from dyads.types import Article


def speakers(extractor, text: str, lang: str, published: str = "2022-06-01") -> dict[str, str | None]:
    """Quote text -> speaker name."""
    document = extractor.extract_article(Article(id="t", text=text, language=lang, published=published))
    return {q.text: q.speaker for q in document.quotes}


def speaker_of(extractor, text: str, lang: str, quote_start: str, **kw) -> str:
    found = speakers(extractor, text, lang, **kw)
    return next(sp for q, sp in found.items() if q.startswith(quote_start)) or ""


@pytest.mark.parametrize("text,quote,expected", [
    # the verb whose clause holds the quote, not the first verb of the sentence
    ("Le président Jean Morel a déclaré que l'accord était signé, tandis que la sénatrice Claire "
     "Vasseur a affirmé que ce texte était « une erreur historique et grave ».", "une erreur", "Vasseur"),
    # words quoted inside a reported clause belong to the one who reports it
    ("Un porte-parole du Kremlin a déclaré que les deux dirigeants avaient convenu d'un « moment "
     "décisif pour la paix en Europe ».", "moment décisif", "Kremlin"),
    # an inverted subject after a prepositional phrase
    ("« Les troupes ennemies ont ouvert le feu à l'aube sur nos positions », a indiqué dans un "
     "communiqué le ministère arménien de la Défense.", "Les troupes", "ministère arménien de la Défense"),
    # a time word after the verb is not the speaker
    ("« Nous sommes prêts à reprendre les discussions », a déclaré mercredi le ministre Paul Vautrin.",
     "Nous sommes", "Vautrin"),
    # the agent of a participle after its quote
    ("Le chef du parti Louis Aliot a réclamé l'abandon des sanctions, un propos jugé \"extrêmement "
     "dangereux et irresponsable\" par la ministre de l'Énergie Claire Vasseur.", "extrêmement", "Vasseur"),
    # a relative pronoun stands for its noun
    ("Caracas répondait ainsi au ministre canadien, Paul Vautrin, qui avait condamné la « violence "
     "aveugle contre les étudiants ».", "violence", "Vautrin"),
])
def test_quotes_french_verb_and_speaker(extractor, text, quote, expected):
    assert expected in speaker_of(extractor, text, "fr", quote)


def test_quotes_pronoun_agrees_in_gender(extractor):
    text = ("La ministre Claire Vasseur était à Lyon mardi. Le député Pierre Lefort l'a accueillie à "
            "la gare. « Nous allons travailler ensemble sur ce dossier difficile », a-t-elle déclaré.")
    assert "Vasseur" in speaker_of(extractor, text, "fr", "Nous allons")


def test_quotes_pronoun_takes_the_last_speaker(extractor):
    text = ("Le président Jean Morel a rencontré le chancelier. « Cette décision est une erreur », a "
            "déclaré à la presse Tomasz Nowak. « J'espère que le calme reviendra vite », a-t-il ajouté.")
    found = speakers(extractor, text, "fr")
    assert "Nowak" in (found["Cette décision est une erreur"] or "")
    assert "Nowak" in (found["J'espère que le calme reviendra vite"] or "")


def test_quotes_bare_title_is_the_person_of_the_article(extractor):
    text = ("Le Premier ministre polonais Jan Kowalczyk a rencontré lundi les dirigeants européens à "
            "Bruxelles. Le dirigeant polonais a ensuite affirmé que son pays « ne cédera jamais au "
            "chantage de Moscou ».")
    assert "Kowalczyk" in speaker_of(extractor, text, "fr", "ne cédera")


def test_quotes_unnamed_spokesman_of_a_ministry_is_the_ministry(extractor):
    text = ("Varsovie a convoqué l'ambassadeur de France. « Nous attendons des explications claires et "
            "rapides », a indiqué le porte-parole du ministère polonais des Affaires étrangères.")
    assert "ministère polonais des Affaires étrangères" in speaker_of(
        extractor, text, "fr", "Nous attendons", published="2022-04-08")


def test_quotes_bare_institution_refers_back(extractor):
    text = ("Des navires chinois ont franchi la ligne médiane, a annoncé le gouvernement taïwanais. "
            "« Plusieurs groupes de navires ont manœuvré autour de l'île », a précisé le gouvernement "
            "dans un communiqué.")
    assert speaker_of(extractor, text, "fr", "Plusieurs groupes") == "gouvernement taïwanais"


def test_quotes_selon_right_after_the_quote_names_its_source(extractor):
    text = ("Le chef de l'État russe a évoqué les mesures prévues et « l'ouverture de couloirs "
            "humanitaires pour les civils », selon le communiqué du Kremlin.")
    assert "Kremlin" in speaker_of(extractor, text, "fr", "l'ouverture")


def test_quotes_selon_a_person_beats_an_institution_subject(extractor):
    text = ("Selon la porte-parole Maria Petrova, Moscou estime que cette décision constitue « une "
            "provocation ouverte et dangereuse ».")
    assert "Petrova" in speaker_of(extractor, text, "fr", "une provocation")


def test_quotes_headline_takes_the_speaker_of_the_same_words(extractor):
    text = ("« Une erreur historique et grave » : Paris critique Berlin\n\nLe président Jean Morel a "
            "dénoncé jeudi « une erreur historique et grave » de son voisin.")
    document = extractor.extract_article(Article(id="t", text=text, language="fr"))
    assert "Morel" in (document.quotes[0].speaker or "")


def test_quotes_scare_quote_gets_no_phrase_speaker(extractor):
    text = "La démocratie exige souvent l'apaisement de la « majorité » silencieuse."
    assert speakers(extractor, text, "fr")["majorité"] is None


@pytest.mark.parametrize("text,quote,expected", [
    # a quote that is its own sentence, attributed by a short sentence after it
    ("Iran's foreign minister Ali Karimi met his Sudanese counterpart in Baku on Thursday.\n\n"
     "“Our delegation discussed how to resume diplomatic ties between our two countries” Karimi "
     "tweeted.", "Our delegation", "Ali Karimi"),
    # a coordinated verb inherits its subject
    ("Trump also said he hopes to bring troops home, but said \"that is not on the table right now.\"",
     "that is not", "Trump"),
    # a participle clause inherits the subject of the verb it hangs on
    ("President Donald Trump met Kim in Singapore. By contrast, Trump appeared to back off on Tuesday, "
     "declaring the US will stop the \"war games with the South\" for now.", "war games", "Trump"),
    # "was overheard saying": the passive subject, here a possessive resolved to the last speaker
    ("\"We had a historic meeting today,\" Kim Jong Un said through a translator. Later, \"many people "
     "will think of this as a fantasy,\" his translator was overheard saying.", "many people", "Kim"),
])
def test_quotes_english_speaker(extractor, text, quote, expected):
    assert expected in speaker_of(extractor, text, "en", quote, published="2018-06-12")


def test_quotes_relative_clause_on_a_quoted_noun_is_no_attribution(extractor):
    text = ("Le secrétaire d'État Mike Pompeo désigne l'Ukraine comme « le dernier rempart de la liberté "
            "en Europe » que ces alliances doivent soutenir.")
    assert "alliances" not in speaker_of(extractor, text, "fr", "le dernier rempart")


def test_quotes_colon_after_a_person_introduces_the_quote(extractor):
    text = ("President Recep Tayyip Erdogan has threatened the town. Midweek, Erdogan exploded: "
            "\"They tell us not to come to the border. We will come anyway.\"")
    assert "Erdogan" in speaker_of(extractor, text, "en", "They tell us")


def test_quotes_name_in_quotes_does_not_inherit_the_last_speaker(extractor):
    text = ("\"We will not back down on this,\" said Mayor Libby Carter. The council then held the "
            "\"annual festival of the river\" in June.")
    found = speakers(extractor, text, "en")
    assert "Carter" in (found["We will not back down on this,"] or "")
    assert found["annual festival of the river"] is None


def test_quotes_unnamed_office_holder_is_not_taken_from_the_people_table(extractor):
    # the gold convention: the person as named in the article, else the title as written
    text = "« Nous n'avons rien à ajouter sur ce sujet », a déclaré mardi le président russe."
    assert speaker_of(extractor, text, "fr", "Nous n'avons", published="2022-03-01") == "président russe"


def test_quotes_attribution_split_into_the_next_sentence(extractor):
    text = ("Elle l'a dit mardi sur une radio. « Bien sûr qu'il le ferait. Et le fait est qu'il l'a "
            "déjà fait de manière rhétorique, n'est-ce pas ? » a déclaré Hill. « Il nous a mis dans "
            "une position difficile. »")
    assert speaker_of(extractor, text, "fr", "Bien sûr") == "Hill"


def test_quotes_last_speaker_does_not_carry_over_someone_else(extractor):
    text = ("\"I am sure we will win this election,\" Senator John Whitfield said. In response, Mary "
            "Holloway painted him as \"a man who does not understand this country at all.\"")
    found = speakers(extractor, text, "en")
    assert "Whitfield" in (found["I am sure we will win this election,"] or "")
    assert "Whitfield" not in (found["a man who does not understand this country at all."] or "")
