"""On-disk cache: built once, reloaded after, rebuilt when an input changes or an entry is corrupt."""

from __future__ import annotations

import pytest

from dyads import diskcache


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("DYADS_CACHE_DIR", str(folder))
    return folder


def counting_build(value):
    calls = []

    def build():
        calls.append(1)
        return value

    return build, calls


def test_diskcache_builds_once_then_loads(cache, tmp_path):
    data = tmp_path / "terms.tsv"
    data.write_text("term\tactor\nOtan\tNATO\n", encoding="utf-8")
    build, calls = counting_build({("otan",): "NATO"})
    key = diskcache.cache_key([data], ["v1"])
    assert diskcache.cached("kb-xx", key, build) == {("otan",): "NATO"}
    assert diskcache.cached("kb-xx", key, build) == {("otan",): "NATO"}
    assert len(calls) == 1
    assert len(list(cache.glob("kb-xx-*.pickle"))) == 1


def test_diskcache_key_changes_with_file_bytes_and_parts(tmp_path):
    data = tmp_path / "terms.tsv"
    data.write_text("a", encoding="utf-8")
    first = diskcache.cache_key([data], ["v1"])
    assert diskcache.cache_key([data], ["v2"]) != first
    data.write_text("b", encoding="utf-8")
    assert diskcache.cache_key([data], ["v1"]) != first


def test_diskcache_corrupt_entry_is_rebuilt(cache):
    build, calls = counting_build([1, 2, 3])
    diskcache.cached("places", "k", build)
    (cache / "places-k.pickle").write_bytes(b"not a pickle")
    assert diskcache.cached("places", "k", build) == [1, 2, 3]
    assert len(calls) == 2


def test_diskcache_off_builds_every_time(tmp_path, monkeypatch):
    monkeypatch.setenv("DYADS_CACHE_DIR", "off")
    build, calls = counting_build("value")
    assert diskcache.cached("places", "k", build) == "value"
    assert diskcache.cached("places", "k", build) == "value"
    assert len(calls) == 2


def test_diskcache_unwritable_directory_still_returns_the_value(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("DYADS_CACHE_DIR", str(blocker / "cache"))  # a folder under a file
    assert diskcache.cached("places", "k", lambda: 42) == 42


def test_diskcache_keeps_three_entries_per_name(cache):
    for key in ["k1", "k2", "k3", "k4", "k5"]:
        diskcache.cached("kb-xx", key, lambda: key)
    diskcache.cached("places", "k", lambda: 0)
    assert len(list(cache.glob("kb-xx-*.pickle"))) == 3
    assert (cache / "places-k.pickle").is_file()
    assert not list(cache.glob(".*tmp"))
