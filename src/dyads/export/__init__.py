"""Exports of a store to the formats other event-data tools read.

Input: an open ``dyads.store.Store``.
Output: ``export_gdelt`` (GDELT 2.0 event table, 61 tab-separated columns),
``export_plover`` (PLOVER / POLECAT-style JSON lines), ``export_parquet`` (one Parquet table per
entity, events partitioned by month; the layout the Spark job writes too).
Guarantees: exports only read the store; each returns the number of records written.
"""

from dyads.export.gdelt import GDELT_COLUMNS, export_gdelt
from dyads.export.parquet import export_parquet
from dyads.export.plover import export_plover

__all__ = ["GDELT_COLUMNS", "export_gdelt", "export_parquet", "export_plover"]
