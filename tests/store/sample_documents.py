"""Hand-built Documents (texts written for these tests) shared by the store, export and spark tests.

Four short articles, two French and two English, about NATO and Russia and about France and
Mali. Offsets are computed from the text, so every ``text`` field is an exact slice.
The same NATO -> RUS expulsion (CAMEO 174, 2021-10-06) is reported by fr/a1 and fr/a2; the
Russian suspension of its mission (161, 2021-11) by fr/a1 and en/b1; a meeting (042, symmetric)
is reported RUS -> NATO by fr/a2 and NATO -> RUS by en/b1.
"""

from __future__ import annotations

from dyads.types import Document, Entity, Event, Participant, Quote, Timex

ARTICLES = {
    "fr/a1": dict(
        outlet="Agence Alpha", published="2021-10-19T10:00:00+02:00", language="fr",
        url="https://alpha.example/otan-russie",
        title="L’Otan et Moscou rompent le dialogue",
        paragraphs=[
            "Le 6 octobre, l’Otan a décidé l’expulsion de huit diplomates russes de sa mission à Bruxelles.",
            "La Russie suspendra sa mission auprès de l’Alliance début novembre, a annoncé le Kremlin.",
            "Le porte-parole du Kremlin, Dmitri Peskov, a jugé cette mesure « nécessaire et imminente ».",
        ],
    ),
    "fr/a2": dict(
        outlet="Journal Beta", published="2021-10-26T08:30:00+02:00", language="fr",
        url="https://beta.example/lavrov",
        title="Sergueï Lavrov dénonce la décision de l’Alliance",
        paragraphs=[
            "Le 6 octobre, l’Alliance atlantique avait annoncé l’expulsion des diplomates russes.",
            "Sergueï Lavrov a critiqué l’Otan mardi lors d’une conférence de presse à Moscou.",
            "Le 25 octobre, des émissaires russes ont rencontré les représentants de l’Otan à Bruxelles.",
            "« C’est une erreur historique », a déclaré le ministre russe des Affaires étrangères, Sergueï Lavrov.",
        ],
    ),
    "en/b1": dict(
        outlet="Gamma News", published="2021-11-02T12:00:00+00:00", language="en",
        url="https://gamma.example/russia-nato",
        title="Russia closes its mission to NATO",
        paragraphs=[
            "Russia suspended its mission to NATO at the start of November, the foreign ministry said.",
            "On 25 October, NATO officials met Russian envoys in Brussels in a last attempt at dialogue.",
            "\"The door remains open\", said NATO Secretary General Jens Stoltenberg.",
        ],
    ),
    "en/b2": dict(
        outlet="Delta Wire", published="2022-01-15T09:00:00+00:00", language="en",
        url="https://delta.example/france-mali",
        title="France recalls its ambassador from Bamako",
        paragraphs=[
            "France recalled its ambassador from Mali on 14 January after weeks of tension.",
            "Mali did not expel the French troops, the junta said on Friday.",
        ],
    ),
}

# (article, sentence fragment, trigger, source (text, actor, role, code), target, cameo, root,
#  quad, goldstein, plover type/mode, date, negated)
EVENTS = [
    ("fr/a1", "l’expulsion de huit", "expulsion", ("l’Otan", "NATO", "IGO", "IGOWSTNAT"),
     ("diplomates russes", "RUS", "GOV", "RUSGOV"), "174", "17", 4, -5.0, ("COERCE", "expel"), "2021-10-06", False),
    ("fr/a1", "suspendra sa mission", "suspendra", ("La Russie", "RUS", "GOV", "RUSGOV"),
     ("l’Alliance", "NATO", "IGO", "IGOWSTNAT"), "161", "16", 4, -4.0, ("SANCTION", "reduce_relations"), "2021-11", False),
    ("fr/a2", "avait annoncé l’expulsion", "expulsion", ("l’Alliance atlantique", "NATO", "IGO", "IGOWSTNAT"),
     ("diplomates russes", "RUS", "GOV", "RUSGOV"), "174", "17", 4, -5.0, ("COERCE", "expel"), "2021-10-06", False),
    ("fr/a2", "a critiqué l’Otan", "critiqué", ("Sergueï Lavrov", "RUS", "GOV", "RUSGOV"),
     ("l’Otan", "NATO", "IGO", "IGOWSTNAT"), "111", "11", 3, -2.0, ("ACCUSE", "criticize"), None, False),
    ("fr/a2", "ont rencontré", "rencontré", ("émissaires russes", "RUS", "GOV", "RUSGOV"),
     ("représentants de l’Otan", "NATO", "IGO", "IGOWSTNAT"), "042", "04", 1, 1.9, ("CONSULT", "visit"), "2021-10-25", False),
    ("en/b1", "suspended its mission", "suspended", ("Russia", "RUS", "GOV", "RUSGOV"),
     ("NATO", "NATO", "IGO", "IGOWSTNAT"), "161", "16", 4, -4.0, ("SANCTION", "reduce_relations"), "2021-11", False),
    ("en/b1", "officials met", "met", ("NATO officials", "NATO", "IGO", "IGOWSTNAT"),
     ("Russian envoys", "RUS", "GOV", "RUSGOV"), "042", "04", 1, 1.9, ("CONSULT", "visit"), "2021-10-25", False),
    ("en/b2", "recalled its ambassador", "recalled", ("France", "FRA", "GOV", "FRAGOV"),
     ("Mali", "MLI", "GOV", "MLIGOV"), "161", "16", 4, -4.0, ("SANCTION", "reduce_relations"), "2022-01-14", False),
    ("en/b2", "did not expel", "expel", ("Mali", "MLI", "GOV", "MLIGOV"),
     ("the French troops", "FRA", "MIL", "FRAMIL"), "174", "17", 4, -5.0, ("COERCE", "expel"), None, True),
]

QUOTES = [
    ("fr/a1", "nécessaire et imminente", "Dmitri Peskov", "RUS", "GOV"),
    ("fr/a2", "C’est une erreur historique", "Sergueï Lavrov", "RUS", "GOV"),
    ("en/b1", "The door remains open", "Jens Stoltenberg", "NATO", "IGO"),
]

ENTITIES = [
    ("fr/a1", "l’Otan", "ORG", "NATO", "IGO", None),
    ("fr/a1", "Dmitri Peskov", "PER", "RUS", "GOV", "porte-parole du Kremlin"),
    ("fr/a1", "Bruxelles", "LOC", None, None, None),
    ("fr/a2", "Sergueï Lavrov", "PER", "RUS", "GOV", "ministre russe des Affaires étrangères"),
    ("fr/a2", "l’Otan", "ORG", "NATO", "IGO", None),
    ("en/b1", "Jens Stoltenberg", "PER", "NATO", "IGO", "NATO Secretary General"),
    ("en/b1", "Russia", "LOC", "RUS", "GOV", None),
    ("en/b2", "France", "LOC", "FRA", "GOV", None),
    ("en/b2", "Mali", "LOC", "MLI", "GOV", None),
]


def article_text(meta: dict) -> str:
    return "\n\n".join([meta["title"], *meta["paragraphs"]])


def _sentence(text: str, fragment: str) -> tuple[str, int]:
    at = text.index(fragment)
    start = max(text.rfind("\n\n", 0, at) + 2, 0) if text.rfind("\n\n", 0, at) >= 0 else 0
    end = text.find("\n\n", at)
    end = len(text) if end < 0 else end
    return text[start:end], start


def _participant(text: str, sentence_start: int, sentence: str, spec: tuple) -> Participant:
    words, actor, role, code = spec
    start = sentence_start + sentence.index(words)
    return Participant(text=words, actor=actor, role=role, code=code, start=start, end=start + len(words))


def _event(text: str, spec: tuple) -> Event:
    _, fragment, trigger, source, target, cameo, root, quad, goldstein, plover, when, negated = spec
    sentence, s_start = _sentence(text, fragment)
    t_start = s_start + sentence.index(trigger, sentence.index(fragment[:4]))
    return Event(
        source=_participant(text, s_start, sentence, source), target=_participant(text, s_start, sentence, target),
        cameo=cameo, root=root, quad_class=quad, goldstein=goldstein,
        plover={"type": plover[0], "mode": plover[1]}, date=when,
        location={"name": "Bruxelles", "country": "BEL", "lat": 50.85, "lon": 4.35} if "Bruxelles" in sentence else None,
        sentence=sentence, trigger={"text": trigger, "start": t_start, "end": t_start + len(trigger)},
        rule=f"test.{cameo}", negated=negated, label=plover[0], sentence_start=s_start,
    )


def make_document(article_id: str) -> Document:
    meta = ARTICLES[article_id]
    text = article_text(meta)
    document = Document(
        id=article_id, text=text, url=meta["url"], outlet=meta["outlet"], title=meta["title"],
        lede=meta["paragraphs"][0], published=meta["published"], language=meta["language"],
        source_file=f"{article_id}.txt",
    )
    document.events = [_event(text, e) for e in EVENTS if e[0] == article_id]
    for _, words, speaker, actor, role in (q for q in QUOTES if q[0] == article_id):
        start = text.index(words)
        document.quotes.append(Quote(text=words, start=start, end=start + len(words), speaker=speaker,
                                     speaker_actor=actor, speaker_role=role, direct=True, cue="a déclaré"))
    for _, words, label, actor, role, title in (e for e in ENTITIES if e[0] == article_id):
        start = text.index(words)
        document.entities.append(Entity(text=words, label=label, start=start, end=start + len(words),
                                        name=words.removeprefix("l’"), actor=actor, role=role, title=title))
    document.timexes = [Timex(text="6 octobre", value="2021-10-06", start=text.find("6 octobre"),
                              end=text.find("6 octobre") + 9)] if "6 octobre" in text else []
    return document


def sample_documents() -> list[Document]:
    return [make_document(article_id) for article_id in ARTICLES]


def filler_document(n: int) -> Document:
    """A small synthetic French article with two events, numbered ``n`` (for the crash test)."""
    sentence = f"Le ministre {n} a critiqué l’Otan et la Russie a expulsé le diplomate {n}."
    text = f"Dépêche {n}\n\n{sentence}"
    start = text.index(sentence)
    events = [
        Event(source=Participant("La Russie", "RUS", "GOV", "RUSGOV"), target=Participant("l’Otan", "NATO", "IGO"),
              cameo="111", root="11", quad_class=3, goldstein=-2.0, plover={"type": "ACCUSE"},
              date=f"2021-{n % 12 + 1:02d}-{n % 28 + 1:02d}", location=None, sentence=sentence,
              trigger={"text": "critiqué", "start": start + sentence.index("critiqué"), "end": 0},
              rule="test.filler", sentence_start=start),
        Event(source=Participant("la Russie", "RUS", "GOV", "RUSGOV"), target=Participant("le diplomate", f"X{n}", "GOV"),
              cameo="174", root="17", quad_class=4, goldstein=-5.0, plover={"type": "COERCE"},
              date=None, location=None, sentence=sentence,
              trigger={"text": "expulsé", "start": start + sentence.index("expulsé"), "end": 0},
              rule="test.filler", sentence_start=start),
    ]
    return Document(id=f"filler/{n:05d}", text=text, title=f"Dépêche {n}", outlet=f"Outlet {n % 3}",
                    published=f"2021-{n % 12 + 1:02d}-{n % 28 + 1:02d}", language="fr", events=events)
