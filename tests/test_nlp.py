"""dyads.nlp: the line-break sentence component."""

from __future__ import annotations

from spacy.attrs import SENT_START

from dyads.nlp import block_sentences


def test_nlp_block_sentences_start_after_each_line_break(nlp_fr):
    text = "Titre de l'article\n\nLe ministre a parlé lundi\nà Paris. Il a dit non.\n"
    doc = block_sentences(nlp_fr.make_doc(text))
    starts = [t.text for t in doc if t.is_sent_start]
    expected = [t.text for t in doc if t.i > 0 and "\n" in doc[t.i - 1].text_with_ws]
    assert starts == [doc[0].text, *expected] or starts == expected
    assert "Le" in starts and "à" in starts
    again = block_sentences(nlp_fr.make_doc(text))  # token forms already seen
    assert again.to_array(SENT_START).tolist() == doc.to_array(SENT_START).tolist()


def test_nlp_block_sentences_short_docs(nlp_fr):
    assert len(block_sentences(nlp_fr.make_doc(""))) == 0
    assert block_sentences(nlp_fr.make_doc("\n"))[0].text == "\n"


def test_nlp_block_sentences_split_wire_datelines(nlp_fr):
    text = ("PARIS (AFP) - Le ministre a parlé.\n\nDubai (Reuters) – Le ministre est parti.\n\n"
            "KABUL, Afghanistan — Des frappes ont eu lieu.\n\nLe ministre - qui a parlé - est parti.")
    doc = block_sentences(nlp_fr.make_doc(text))
    starts = [(t.text, doc[t.i - 1].text if t.i else "") for t in doc if t.is_sent_start and t.i]
    assert ("Le", "-") in starts and ("Le", "–") in starts and ("Des", "—") in starts
    assert ("qui", "-") not in starts  # a dash inside a sentence with no dateline before it


def test_nlp_participle_tagged_as_noun_becomes_a_verb():
    from dyads.nlp import load_pipeline

    doc = load_pipeline("fr")("Joe Biden a téléphoné à Benyamin Netanyahou dimanche.")
    assert all(t.pos_ == "VERB" for t in doc if any(c.dep_.startswith("aux") and c.pos_ == "AUX" for c in t.children))
    assert any(t.text == "téléphoné" and t.pos_ == "VERB" for t in doc)
