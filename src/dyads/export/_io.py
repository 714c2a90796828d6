"""Output helper shared by the exports: a path or an open text stream -> a text stream."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import IO, Iterator


@contextlib.contextmanager
def open_out(out: str | Path | IO[str]) -> Iterator[IO[str]]:
    """Open ``out`` for writing (UTF-8, "\\n" line ends) if it is a path; else use it as is."""
    if isinstance(out, (str, Path)):
        with open(out, "w", encoding="utf-8", newline="\n") as stream:
            yield stream
    else:
        yield out
