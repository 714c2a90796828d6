"""Place lookup: French and English names resolve; the disk-cached index equals a fresh build."""

from __future__ import annotations

import pytest

from dyads.extract import geo
from dyads.textnorm import fold


@pytest.mark.parametrize("name, country", [("Bruxelles", "BEL"), ("Brussels", "BEL"), ("Varsovie", "POL"),
                                           ("Genève", "CHE"), ("New York", "USA")])
def test_geo_lookup_place_french_and_english(name, country):
    assert geo.lookup_place(name)["country"] == country


def test_geo_lookup_place_short_or_unknown():
    assert geo.lookup_place("Xy") is None
    assert geo.lookup_place("Blorgistanville") is None


@pytest.mark.parametrize("name", ["Saint-Étienne", "L`Aquila", "  New   York ", "Zürich", "São Paulo"])
def test_geo_fold_name_same_as_fold(name):
    assert geo._fold_name(name) == fold(name)


def test_geo_index_from_disk_cache_equals_fresh_build(tmp_path, monkeypatch):
    monkeypatch.setenv("DYADS_CACHE_DIR", str(tmp_path))
    stored = geo._index.__wrapped__()
    loaded = geo._index.__wrapped__()
    assert list(tmp_path.glob("places-*.pickle"))
    assert loaded == stored == geo._build_index()
