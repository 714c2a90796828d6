"""The real pipeline on two workers gives, in order, exactly the Documents of one worker."""

from __future__ import annotations

from importlib import resources

import pytest

import dyads

DEMO = resources.files("dyads.demo").joinpath("demo.jsonl")


@pytest.mark.slow
def test_parallel_pipeline_two_workers_same_documents_as_one():
    one = [d.to_dict() for d in dyads.extract([str(DEMO)], workers=1)]
    two = [d.to_dict() for d in dyads.extract([str(DEMO)], workers=2)]
    assert len(one) == 16
    assert [d["id"] for d in two] == [d["id"] for d in one]
    assert two == one
