"""On-disk cache of tables derived from data files (knowledge bases, the place index).

Input: a name, the things a table is derived from (files, versions, strings) and a function that
builds it. Output: the table, unpickled from ``<cache dir>/<name>-<key>.pickle`` when that entry
exists, else built, saved and returned.
Guarantees: the key is a hash of the bytes of every file given (data files and the source of the
modules that build the table) and of the other parts, so an edited file or a new version makes a
new entry, never a stale hit; an unreadable or corrupt entry is rebuilt; an unwritable directory
only costs the rebuild; entries are written to a temporary file and renamed, so concurrent
processes never read half an entry; each name keeps its three newest entries. The directory is
``$DYADS_CACHE_DIR``, else ``$XDG_CACHE_HOME/dyads``, else ``~/.cache/dyads``;
``DYADS_CACHE_DIR=off`` turns the cache off. Only this user's own cache is ever unpickled.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")
_KEEP = 3  # entries kept per name
_READ_ERRORS = (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, IndexError,
                TypeError, ValueError)


def cache_dir() -> Path | None:
    """Where entries go, or None when the cache is turned off."""
    configured = os.environ.get("DYADS_CACHE_DIR", "")
    if configured.lower() in ("off", "0", "false", "no"):
        return None
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "dyads"


def cache_key(files: Iterable[Path], parts: Iterable[str] = ()) -> str:
    """A hash of the files' bytes (in order) and of the other parts."""
    digest = hashlib.sha256(f"python {sys.version_info[:2]} pickle {pickle.HIGHEST_PROTOCOL}".encode())
    for path in files:
        digest.update(str(path.name).encode() + b"\0")
        digest.update(path.read_bytes() if path.is_file() else b"<missing>")
    for part in parts:
        digest.update(b"\0" + part.encode())
    return digest.hexdigest()[:24]


def cached(name: str, key: str, build: Callable[[], T]) -> T:
    """The value stored under ``name`` and ``key``, built and stored when absent.

    Args:
        name: a file-name-safe label ("kb-fr", "places").
        key: from ``cache_key``: it must change whenever the value would.
        build: makes the value (picklable) when the cache has none.

    Returns:
        The value, from the cache or from ``build``.
    """
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{name}-{key}.pickle"
    if path.is_file():
        try:
            with path.open("rb") as fh:
                return pickle.load(fh)
        except _READ_ERRORS as err:  # corrupt or from an incompatible version: build again
            log.info("cache entry %s unreadable (%s); rebuilding", path, err)
    value = build()
    _store(folder, name, path, value)
    return value


def _store(folder: Path, name: str, path: Path, value: Any) -> None:
    tmp: str | None = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}-", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        tmp = None
        entries = sorted(folder.glob(f"{name}-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[_KEEP:]:
            old.unlink(missing_ok=True)
    except OSError as err:  # read-only or full disk: the value is still returned, just not kept
        log.info("cannot write cache entry %s: %s", path, err)
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
