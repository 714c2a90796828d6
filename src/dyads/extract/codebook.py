"""The CAMEO event codebook: code -> label, root, quad class, Goldstein value, PLOVER type/mode.

Input: ``codebooks/cameo.tsv`` (language-neutral package data).
Output: ``Codebook.entry(code)`` -> ``CameoEntry``; an unknown sub-code falls back to its
parent (4 -> 3 -> 2 digits), so a lexicon may use any level of the hierarchy.
Guarantees: loaded once per process; quad classes follow the roots (01–05 verbal cooperation,
06–08 material cooperation, 09–13 verbal conflict, 14–20 material conflict).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from dyads.errors import LexiconError
from dyads.lang import read_tsv


@dataclass(frozen=True)
class CameoEntry:
    code: str
    label: str
    root: str
    quad_class: int
    goldstein: float
    plover_type: str
    plover_mode: str


def quad_of(root: str) -> int:
    r = int(root)
    return 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4


class Codebook:
    def __init__(self, entries: dict[str, CameoEntry]):
        self.entries = entries

    def entry(self, code: str) -> CameoEntry:
        for k in (code, code[:3], code[:2]):
            if k in self.entries:
                found = self.entries[k]
                if k != code:
                    return CameoEntry(code, found.label, found.root, found.quad_class,
                                      found.goldstein, found.plover_type, found.plover_mode)
                return found
        root = code[:2]
        return CameoEntry(code, "", root, quad_of(root), 0.0, "", "")


@lru_cache(maxsize=1)
def get_codebook() -> Codebook:
    entries = {}
    for line, row in read_tsv("dyads.codebooks", "cameo.tsv"):
        code = row.get("code", "")
        if not code.isdigit() or not 2 <= len(code) <= 4:
            raise LexiconError("codebooks/cameo.tsv", line, f"bad code {code!r}")
        try:
            goldstein = float(row.get("goldstein") or 0)
        except ValueError as err:
            raise LexiconError("codebooks/cameo.tsv", line, "goldstein is not a number") from err
        entries[code] = CameoEntry(code, row.get("label", ""), code[:2], quad_of(code[:2]), goldstein,
                                   row.get("plover_type", ""), row.get("plover_mode", ""))
    return Codebook(entries)
