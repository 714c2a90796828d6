"""Shared, serialised access to one ``dyads.store.Store`` for the API's worker threads.

Input: a database path and whether writes are allowed.
Output: ``StoreAccess.call(name, *args, **kwargs)`` runs one Store method and returns its result.
Guarantees: the Store is opened on first use (so building the app costs nothing) and closed by
``close()``; one call runs at a time (a DuckDB connection must not be used by two threads at
once); a read-only server opens the database with ``read_only=True``, creating an empty one
first if the file does not exist yet, so nothing a request does can change it.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from dyads.api.errors import BadQuery
from dyads.store import Store


class StoreAccess:
    """One lazily opened Store behind a lock."""

    def __init__(self, path: str | Path, *, writable: bool = False):
        self.path = str(path)
        self.writable = writable
        self._store: Store | None = None
        self._lock = threading.RLock()

    def call(self, name: str, *args: Any, **kwargs: Any) -> Any:
        """Run ``Store.<name>(*args, **kwargs)`` under the lock.

        Args:
            name: a public Store method name (``articles``, ``dyad``, ``add``, ...).

        Returns:
            Whatever the Store method returns.

        Raises:
            BadQuery: the store refused an argument (its ``ValueError``).
            StoreError: the database cannot be opened or refused the operation.
        """
        with self._lock:
            store = self._open()
            try:
                return getattr(store, name)(*args, **kwargs)
            except ValueError as err:  # the store's word for a filter value it cannot use
                raise BadQuery(str(err)) from err

    def close(self) -> None:
        """Close the Store if it was opened; the next call reopens it."""
        with self._lock:
            if self._store is not None:
                self._store.close()
                self._store = None

    def _open(self) -> Store:
        if self._store is None:
            if not self.writable and not Path(self.path).exists():
                Store(self.path).close()  # an empty database with the schema, then read-only
            self._store = Store(self.path, read_only=not self.writable)
        return self._store
