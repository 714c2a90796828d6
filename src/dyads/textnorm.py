"""Small text helpers shared by every stage: folding for lookups, apostrophe normalisation.

Input: strings. Output: strings. Guarantees: pure functions, no state; ``fold`` is the one
definition of "the same word" used by lexicon lookups (case, accents, apostrophes and dashes
ignored), so data files and text are compared the same way everywhere.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOS = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'",
                       "‐": "-", "‑": "-", "–": "-", "—": "-"})
_SPACES = re.compile(r"\s+")


def norm_apostrophes(text: str) -> str:
    """Curly apostrophes and typographic dashes to their ASCII forms (same length)."""
    return text.translate(_APOS)


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Lower case, no accents, ASCII apostrophes, single spaces: the lookup key of a word."""
    text = unicodedata.normalize("NFKD", norm_apostrophes(text))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return _SPACES.sub(" ", text).strip()
