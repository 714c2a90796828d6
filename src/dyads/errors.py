"""Exceptions raised by dyads.

    DyadsError
    ├── InputError(source, line, reason)   a record that cannot be read; the batch goes on
    ├── LexiconError(path, line, reason)   a package data file is malformed
    ├── UnsupportedLanguage(code)          no data bundle / model for a language
    └── StoreError                          the database refused an operation

Messages carry the values that explain them (file, line, reason).
"""

from __future__ import annotations


class DyadsError(Exception):
    """Base class of every error dyads raises on purpose."""


class InputError(DyadsError):
    def __init__(self, source: str, reason: str, line: int | None = None):
        self.source, self.reason, self.line = source, reason, line
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {reason}")


class LexiconError(DyadsError):
    def __init__(self, path: str, line: int, reason: str):
        self.path, self.line, self.reason = path, line, reason
        super().__init__(f"{path}:{line}: {reason}")


class UnsupportedLanguage(DyadsError):
    def __init__(self, code: str, available: list[str] | None = None):
        self.code = code
        self.available = available or []
        avail = ", ".join(self.available) or "none"
        super().__init__(f"language {code!r} not supported yet (available: {avail})")


class StoreError(DyadsError):
    """The store could not complete an operation."""
