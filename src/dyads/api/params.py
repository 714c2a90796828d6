"""Query and path parameter types shared by the API routes.

Input: raw query strings and path segments.
Output: validated values, passed to ``dyads.store.Store`` unchanged.
Guarantees: a value that cannot be right (a malformed date, a CAMEO code with letters, a
negative offset, an unknown sort key) is refused with a 422 before it reaches the store; free
text (``q``, actor names) is bounded in length and otherwise passed as a query parameter, never
spliced into SQL by this layer.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import Path, Query

DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
ACTOR_PATTERN = r"^[A-Za-z0-9_.\-]{1,64}$"

Text = Annotated[str | None, Query(max_length=200, description="Free text (substring match).")]
ActorFilter = Annotated[
    str | None, Query(max_length=64, description="Actor id, e.g. RUS, NATO (either side).")
]
Since = Annotated[
    str | None, Query(pattern=DATE_PATTERN, description="Earliest date: YYYY, YYYY-MM or YYYY-MM-DD.")
]
Until = Annotated[
    str | None, Query(pattern=DATE_PATTERN, description="Latest date: YYYY, YYYY-MM or YYYY-MM-DD.")
]
Limit = Annotated[int, Query(ge=1, le=1000, description="Rows to return (1-1000).")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Rows to skip.")]
Code = Annotated[
    str | None,
    Query(pattern=r"^\d{2,4}\*?$", description="CAMEO code, exact ('174') or prefix glob ('17*')."),
]
Root = Annotated[str | None, Query(pattern=r"^\d{2}$", description="2-digit CAMEO root, e.g. 17.")]
QuadClass = Annotated[
    int | None,
    Query(ge=1, le=4, description="1 verbal coop., 2 material coop., 3 verbal conflict, 4 material conflict."),
]
Period = Annotated[
    Literal["day", "week", "month", "year"], Query(description="Width of one timeline period.")
]
EventSort = Annotated[
    Literal["date", "goldstein", "cameo", "quad_class", "num_mentions", "num_sources", "num_articles"],
    Query(description="Column to sort events by."),
]
ActorPath = Annotated[str, Path(pattern=ACTOR_PATTERN, description="Actor id, e.g. RUS or NATO.")]
