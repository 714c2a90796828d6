"""Scale-out: the extraction pipeline on PySpark, writing the ``export_parquet`` layout.

Input: paths or object-store URLs. Output: Parquet tables (see ``dyads.spark.job``).
PySpark is an optional dependency (``pip install dyads[spark]``); importing this package does
not import it, ``run_spark`` does.
"""

from dyads.spark.job import read_documents, run_spark, spark_session

__all__ = ["read_documents", "run_spark", "spark_session"]
