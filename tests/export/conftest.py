from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from dyads.store import Store


def _samples():
    path = Path(__file__).parents[1] / "store" / "sample_documents.py"
    spec = importlib.util.spec_from_file_location("dyads_test_samples", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "export.duckdb") as opened:
        opened.add(_samples().sample_documents())
        yield opened
