"""Hand-written Documents for the API and dashboard tests (texts written for these tests).

Input: nothing.
Output: ``sample_documents()`` -> list[Document]: a Russia–NATO story over several months
(French and English), a France–Mali pair with emoji before the events (astral characters:
code-point and UTF-16 offsets differ), and ``hostile_document()``: markup and a ``javascript:``
link in every text field, for the escaping tests.
Guarantees: every offset is computed from the text (``text[start:end] == surface``), so the
documents obey the DESIGN.md contract.
"""

from __future__ import annotations

from dyads.types import Document, Entity, Event, Participant, Quote

QUADS = {"01": 1, "03": 1, "04": 1, "08": 2, "11": 3, "12": 3, "16": 4, "17": 4}


def _find(text: str, surface: str, start: int = 0) -> int:
    at = text.find(surface, start)
    if at < 0:
        raise ValueError(f"{surface!r} not in text after {start}")
    return at


def _party(text: str, surface: str, actor: str, code: str, after: int) -> Participant:
    at = _find(text, surface, after)
    return Participant(text=surface, actor=actor, code=code, role=code[3:] or None, start=at, end=at + len(surface))


def event(text: str, sentence: str, trigger: str, source: tuple[str, str, str], target: tuple[str, str, str], *,
          cameo: str, goldstein: float, date: str, plover: str, label: str) -> Event:
    """An Event whose offsets point into ``text``; parties are (surface, actor, CAMEO code)."""
    s0 = _find(text, sentence)
    t0 = _find(text, trigger, s0)
    return Event(
        source=_party(text, source[0], source[1], source[2], s0),
        target=_party(text, target[0], target[1], target[2], s0),
        cameo=cameo, root=cameo[:2], quad_class=QUADS[cameo[:2]], goldstein=goldstein,
        plover={"type": plover, "mode": ""}, date=date, location=None, sentence=sentence,
        trigger={"text": trigger, "start": t0, "end": t0 + len(trigger)}, rule="test.hand",
        label=label, sentence_start=s0,
    )


def quote(text: str, said: str, speaker: str, actor: str | None) -> Quote:
    at = _find(text, said)
    return Quote(text=said, start=at, end=at + len(said), speaker=speaker, speaker_actor=actor, direct=True)


def entity(text: str, surface: str, label: str, actor: str | None = None) -> Entity:
    at = _find(text, surface)
    return Entity(text=surface, label=label, start=at, end=at + len(surface), name=surface, actor=actor)


def _doc(doc_id: str, title: str, body: str, *, published: str, language: str, outlet: str) -> Document:
    return Document(id=doc_id, text=f"{title}\n\n{body}", title=title, published=published,
                    language=language, outlet=outlet, url=f"https://example.org/{doc_id}")


def expulsion() -> Document:
    d = _doc("fr/otan-expulsion", "L'Otan expulse huit diplomates russes",
             "L'Otan a expulsé huit diplomates russes accusés d'espionnage, a annoncé mercredi "
             "l'Alliance à Bruxelles. La mission russe auprès de l'Otan passera de 20 à 10 personnes.\n\n"
             "« Cette décision est regrettable », a déclaré Dmitri Peskov, porte-parole du Kremlin.",
             published="2021-10-06T18:30:00+02:00", language="fr", outlet="Dépêche test")
    sentence = "L'Otan a expulsé huit diplomates russes accusés d'espionnage, a annoncé mercredi l'Alliance à Bruxelles."
    d.events = [event(d.text, sentence, "expulsé", ("L'Otan", "NATO", "IGOWSTNAT"), ("diplomates russes", "RUS", "RUSGOV"),
                      cameo="174", goldstein=-5.0, date="2021-10-06", plover="COERCE", label="expel")]
    d.quotes = [quote(d.text, "Cette décision est regrettable", "Dmitri Peskov", "RUS")]
    d.entities = [entity(d.text, "Dmitri Peskov", "PER", "RUS"), entity(d.text, "Bruxelles", "LOC", "BEL")]
    return d


def suspension() -> Document:
    d = _doc("fr/russie-suspend", "La Russie suspend sa mission auprès de l'Otan",
             "Moscou a annoncé lundi la suspension de sa mission auprès de l'Otan à partir de début novembre. "
             "Sergueï Lavrov a dénoncé l'Otan et « une provocation » de l'Alliance.",
             published="2021-10-18T12:00:00+02:00", language="fr", outlet="Dépêche test")
    s1 = "Moscou a annoncé lundi la suspension de sa mission auprès de l'Otan à partir de début novembre."
    s2 = "Sergueï Lavrov a dénoncé l'Otan et « une provocation » de l'Alliance."
    d.events = [
        event(d.text, s1, "suspension", ("Moscou", "RUS", "RUSGOV"), ("l'Otan", "NATO", "IGOWSTNAT"),
              cameo="161", goldstein=-4.0, date="2021-10-18", plover="REDUCE", label="reduce relations"),
        event(d.text, s2, "dénoncé", ("Sergueï Lavrov", "RUS", "RUSGOV"), ("l'Otan", "NATO", "IGOWSTNAT"),
              cameo="111", goldstein=-2.0, date="2021-10-18", plover="ACCUSE", label="criticize"),
    ]
    d.quotes = [quote(d.text, "une provocation", "Sergueï Lavrov", "RUS")]
    d.entities = [entity(d.text, "Sergueï Lavrov", "PER", "RUS")]
    return d


def talks() -> Document:
    d = _doc("en/nato-talks", "NATO offers talks, Moscow says no",
             "NATO offered on Wednesday to hold talks with Russia in January. \"We are ready to meet,\" "
             "Jens Stoltenberg said. Russia rejected the proposal the next day.",
             published="2021-12-15T09:00:00Z", language="en", outlet="Test Wire")
    s1 = "NATO offered on Wednesday to hold talks with Russia in January."
    s2 = "Russia rejected the proposal the next day."
    d.events = [
        event(d.text, s1, "offered", ("NATO", "NATO", "IGOWSTNAT"), ("Russia", "RUS", "RUS"),
              cameo="036", goldstein=4.0, date="2021-12-15", plover="CONSULT", label="express intent to meet"),
        event(d.text, s2, "rejected", ("Russia", "RUS", "RUS"), ("the proposal", "NATO", "IGOWSTNAT"),
              cameo="125", goldstein=-5.0, date="2021-12-16", plover="REJECT", label="reject proposal to meet"),
    ]
    d.quotes = [quote(d.text, "We are ready to meet,", "Jens Stoltenberg", "NATO")]
    return d


def meeting() -> Document:
    d = _doc("en/nato-russia-council", "NATO and Russia meet in Brussels",
             "Russian and NATO officials met in Brussels on Wednesday for four hours.",
             published="2022-01-12T17:00:00Z", language="en", outlet="Test Wire")
    s = "Russian and NATO officials met in Brussels on Wednesday for four hours."
    d.events = [event(d.text, s, "met", ("NATO officials", "NATO", "IGOWSTNAT"), ("Russian", "RUS", "RUSGOV"),
                      cameo="040", goldstein=1.0, date="2022-01-12", plover="CONSULT", label="consult")]
    return d


def sanctions() -> Document:
    d = _doc("en/sanctions", "Allies sanction Moscow",
             "NATO members imposed new sanctions on Russia on Wednesday.",
             published="2022-03-02T10:00:00Z", language="en", outlet="Test Wire")
    s = "NATO members imposed new sanctions on Russia on Wednesday."
    d.events = [event(d.text, s, "imposed", ("NATO members", "NATO", "IGOWSTNAT"), ("Russia", "RUS", "RUS"),
                      cameo="163", goldstein=-8.0, date="2022-03-02", plover="SANCTION", label="impose embargo")]
    return d


def emoji_mali() -> Document:
    """Flags (two astral code points each) before every event: offsets differ in UTF-16."""
    d = _doc("en/mali-🇲🇱", "Paris 🇫🇷 and Bamako 🇲🇱",
             "Paris 🇫🇷 condemned the decision of Bamako 🇲🇱 to expel the French ambassador.",
             published="2022-02-01T08:00:00Z", language="en", outlet="Test Wire")
    s = "Paris 🇫🇷 condemned the decision of Bamako 🇲🇱 to expel the French ambassador."
    d.events = [
        event(d.text, s, "condemned", ("Paris", "FRA", "FRAGOV"), ("Bamako", "MLI", "MLIGOV"),
              cameo="111", goldstein=-2.0, date="2022-02-01", plover="ACCUSE", label="criticize"),
        event(d.text, s, "expel", ("Bamako", "MLI", "MLIGOV"), ("the French ambassador", "FRA", "FRAGOV"),
              cameo="174", goldstein=-5.0, date="2022-01-31", plover="COERCE", label="expel"),
    ]
    return d


HOSTILE_TEXT = (
    "<script>window.__pwned=1</script> Alerte\n\n"
    "L'Otan <img src=x onerror=\"window.__pwned=1\"> a sanctionné la Russie. "
    "Voir <a href=\"javascript:window.__pwned=1\">ce lien</a> et « <b onmouseover=alert(1)>rien</b> »."
)


def hostile_document() -> Document:
    """Markup in the title, text, quote, speaker, outlet and a ``javascript:`` URL."""
    title = "<script>window.__pwned=1</script> Alerte"
    d = Document(id="hostile/<img src=x onerror=alert(1)>", text=HOSTILE_TEXT, title=title,
                 url="javascript:window.__pwned=1", outlet="<i onclick=alert(1)>Outlet</i>",
                 published="2022-03-10T10:00:00Z", language="fr")
    s = "L'Otan <img src=x onerror=\"window.__pwned=1\"> a sanctionné la Russie."
    d.events = [event(d.text, s, "sanctionné", ("L'Otan <img src=x onerror=\"window.__pwned=1\">", "NATO", "IGOWSTNAT"),
                      ("la Russie", "RUS", "RUS"), cameo="163", goldstein=-8.0, date="2022-03-10",
                      plover="SANCTION", label="impose embargo")]
    d.quotes = [quote(d.text, "<b onmouseover=alert(1)>rien</b>", "<img src=x onerror=window.__pwned=1>", "RUS")]
    return d


def sample_documents() -> list[Document]:
    return [expulsion(), suspension(), talks(), meeting(), emoji_mali(), sanctions()]


def stub_extract(articles):
    """Stand-in for ``dyads.pipeline.extract`` in ingest tests: the hand-made Document of the
    same id when there is one, an ErrorRecord for ids starting with "fail", else a Document
    with the article's text and no events."""
    from dyads.types import ErrorRecord

    known = {d.id: d for d in [*sample_documents(), hostile_document()]}
    for article in articles:
        if article.id.startswith("fail"):
            yield ErrorRecord(source="api", reason="stub refuses it", stage="extract", id=article.id)
        elif article.id in known:
            yield known[article.id]
        else:
            yield Document(id=article.id, text=article.text, title=article.title, url=article.url,
                           outlet=article.outlet, published=article.published, language=article.language)
