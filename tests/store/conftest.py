from __future__ import annotations

import pytest
from sample_documents import sample_documents

from dyads.store import Store


@pytest.fixture
def documents():
    return sample_documents()


@pytest.fixture
def store(tmp_path, documents):
    with Store(tmp_path / "test.duckdb") as opened:
        opened.add(documents, batch_size=2)
        yield opened
