"""dyads.types: the records' dictionaries are what dataclasses.asdict gives, key for key."""

from __future__ import annotations

from dataclasses import asdict

from dyads.types import Document, Entity, Event, Participant, Quote, Timex


def test_types_to_dict_equals_asdict_in_content_and_key_order():
    event = Event(source=Participant(text="l'Otan", actor="NATO", role="IGO", code="IGOWSTNAT", start=0, end=6),
                  target=Participant(text="Russie", actor="RUS", role=None, code="RUS", start=20, end=26),
                  cameo="174", root="17", quad_class=4, goldstein=-5.0,
                  plover={"type": "COERCE", "mode": ""}, trigger={"text": "expulsé", "start": 9, "end": 16},
                  date="2021-10-18", location=None, sentence="l'Otan a expulsé des diplomates de Russie", rule="fr.verb.expulser")
    document = Document(id="a", title="t", entities=[Entity(text="Russie", label="LOC", start=20, end=26)],
                        quotes=[Quote(text="non", start=30, end=33)],
                        timexes=[Timex(text="lundi", start=40, end=45, value="2021-10-18", kind="date")],
                        events=[event], notes=["n"])
    plain = document.to_dict()
    assert plain == asdict(document)
    assert list(plain) == list(asdict(document))
    assert list(plain["events"][0]) == list(asdict(event))
    plain["events"][0]["plover"]["type"] = "changed"  # a copy, not the record's own dict
    assert event.plover["type"] == "COERCE"
