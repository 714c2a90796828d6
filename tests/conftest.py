"""Shared fixtures. Models are explicit session fixtures, never autouse (STYLE.md 2.8)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seed" / "000_bd8ae65ee2c76035.txt"


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", help="Rewrite tests/golden files.")


@pytest.fixture(scope="session")
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")


@pytest.fixture(scope="session")
def seed_path() -> Path:
    if not SEED.is_file():
        pytest.skip(f"seed article not found at {SEED}")
    return SEED


@pytest.fixture(scope="session")
def extractor():
    from dyads.pipeline import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def nlp_fr():
    from dyads.nlp import load_pipeline

    return load_pipeline("fr")


@pytest.fixture(scope="session")
def nlp_en():
    from dyads.nlp import load_pipeline

    return load_pipeline("en")
