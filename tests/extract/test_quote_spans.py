from hypothesis import given, settings
from hypothesis import strategies as st

from dyads.extract.quotes import find_quote_spans


def spans(text):
    return [text[a:b] for a, b in find_quote_spans(text)]


def test_quote_spans_french_guillemets_with_spaces():
    assert spans("Il a dit « nécessaire et imminente » hier.") == ["nécessaire et imminente"]


def test_quote_spans_english_curly_and_straight():
    assert spans('He said “we will respond” and "never again".') == ["we will respond", "never again"]


def test_quote_spans_apostrophes_are_not_quotes():
    assert spans("l’Otan a dit ‘we’ll see’ aujourd’hui") == ["we’ll see"]


def test_quote_spans_nested_keeps_outer():
    assert spans("« il a parlé de « provocation » hier »") == ["il a parlé de « provocation » hier"]


def test_quote_spans_unmatched_marks_give_nothing():
    assert spans("« jamais fermé") == []
    assert spans('un " seul') == []


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab «»“”\"‘’\n.")), max_size=200))
def test_quote_spans_never_raise_and_are_ordered(text):
    last = -1
    for a, b in find_quote_spans(text):
        assert 0 <= a < b <= len(text)
        assert a > last
        last = b
