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
