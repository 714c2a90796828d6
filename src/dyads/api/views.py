"""Small shaping of store results for the API: list envelopes and dyad ranking.

Input: lists of dicts returned by ``dyads.store.Store``.
Output: JSON-ready dicts.
Guarantees: pure functions, no store access; input rows are not modified.
"""

from __future__ import annotations

from typing import Any


def listing(rows: list[dict[str, Any]], *, limit: int, offset: int) -> dict[str, Any]:
    """Wrap a page of rows: ``{"ok", "rows", "count", "limit", "offset", "next_offset"}``.

    ``next_offset`` is None when the page was not full (there is nothing after it).
    """
    rows = list(rows)
    full = len(rows) >= limit
    return {
        "ok": True,
        "rows": rows,
        "count": len(rows),
        "limit": limit,
        "offset": offset,
        "next_offset": offset + len(rows) if full else None,
    }


def top_dyads(edges: list[dict[str, Any]], *, limit: int) -> list[dict[str, Any]]:
    """Merge directed edges into unordered pairs, busiest first.

    Args:
        edges: ``{source, target, count, goldstein_mean}`` rows (``Store.network``).
        limit: pairs to return.

    Returns:
        ``{a, b, count, a_to_b, b_to_a}`` rows; ``a`` is the busier direction's source, ties by name.
    """
    pairs: dict[tuple[str, str], dict[str, int]] = {}
    for edge in edges:
        source, target = str(edge["source"]), str(edge["target"])
        if source == target:
            continue
        key = tuple(sorted((source, target)))
        counts = pairs.setdefault(key, {})
        counts[source] = counts.get(source, 0) + int(edge.get("count") or 0)
    ranked = []
    for (x, y), counts in pairs.items():
        a, b = (x, y) if counts.get(x, 0) >= counts.get(y, 0) else (y, x)
        ranked.append({"a": a, "b": b, "count": counts.get(a, 0) + counts.get(b, 0),
                       "a_to_b": counts.get(a, 0), "b_to_a": counts.get(b, 0)})
    ranked.sort(key=lambda row: (-row["count"], row["a"], row["b"]))
    return ranked[:limit]
