"""demarche on Spark: code a DataFrame of news with ``mapInArrow``, one ``Coder`` per executor.

>>> from demarche.spark import code_events
>>> events = code_events(spark.read.json("news.jsonl"))      # doctest: +SKIP
>>> events.write.partitionBy("date").parquet("events/")    # doctest: +SKIP

The returned DataFrame has the event table's schema (``demarche.EVENT_SCHEMA``, the README's
"Parquet event table"), the same rows ``demarche code`` writes for the same records. The package
must be installed on every executor (see the README's cluster notes: ``pip install`` the wheel,
or ship a packed virtual environment with ``--archives``).

Run as a job::

    spark-submit python/demarche/spark.py --input news.jsonl --output events/

reads JSON Lines (``.jsonl``/``.json``) or Parquet (``.parquet`` or a folder of it) with ``id``,
``date`` and ``text`` columns and writes Parquet events partitioned by ``date``.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any, Dict, Iterator, Optional, Tuple

import pyarrow as pa

import demarche

__all__ = ["code_events", "event_schema", "run", "main"]

# One Coder per Python worker process, kept across tasks (Spark reuses its Python workers by
# default), keyed by the coder's settings.
_CODERS: Dict[Tuple[Any, ...], demarche.Coder] = {}


def _coder(settings: Tuple[Any, ...]) -> demarche.Coder:
    coder = _CODERS.get(settings)
    if coder is None:
        dictionaries, petrarch, options, keep_unattributed, threads = settings
        coder = demarche.Coder(
            dictionaries,
            petrarch=dict(petrarch) if petrarch else None,
            options=dict(options) if options else None,
            keep_unattributed=keep_unattributed,
            threads=threads,
        )
        _CODERS[settings] = coder
    return coder


def event_schema():
    """The event table's schema as a Spark ``StructType``."""
    from pyspark.sql.pandas.types import from_arrow_schema

    return from_arrow_schema(demarche.EVENT_SCHEMA)


def _frozen(mapping: Optional[Dict[str, Any]]) -> Optional[Tuple[Tuple[str, Any], ...]]:
    if not mapping:
        return None
    return tuple(
        sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in mapping.items())
    )


def code_events(
    df,
    text_col: str = "text",
    date_col: Optional[str] = "date",
    id_col: str = "id",
    *,
    dictionaries: Optional[str] = None,
    petrarch: Optional[Dict[str, Any]] = None,
    options: Optional[Dict[str, Any]] = None,
    keep_unattributed: bool = False,
    threads: int = 1,
    date: Optional[str] = None,
):
    """Codes the news of a Spark DataFrame; returns a DataFrame of events (``event_schema()``).

    ``text_col``, ``date_col`` and ``id_col`` name the columns to read (``date_col=None`` when
    there is none; dates may be ``DateType``, timestamps or ``'YYYY-MM-DD'`` strings; ids are
    cast to strings). Each executor's Python worker loads one ``Coder`` (``dictionaries``,
    ``petrarch``, ``options``, ``keep_unattributed`` as for ``demarche.Coder``; dictionary paths
    must exist on the executors) and codes each Arrow batch with ``threads`` threads: Spark
    already runs one task per core, so the default is 1. Records without a date are coded as of
    ``date`` (default: today). A record whose text is not a string stops the job with a
    ``DemarcheError`` naming it.
    """
    from pyspark.sql import functions as F

    columns = [F.col(id_col).cast("string").alias("id"), F.col(text_col).alias("text")]
    if date_col is not None:
        columns.append(F.col(date_col).alias("date"))
    source = df.select(*columns)
    settings = (
        dictionaries,
        _frozen(petrarch),
        _frozen(options),
        keep_unattributed,
        threads,
    )
    fallback = date

    def code_partition(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        coder = _coder(settings)
        for batch in batches:
            if batch.num_rows == 0:
                continue
            ids = batch.column("id").to_pylist()
            texts = batch.column("text").to_pylist()
            dates = (
                batch.column("date").to_pylist()
                if "date" in batch.schema.names
                else [None] * batch.num_rows
            )
            table = coder.code(texts, dates=dates, ids=ids, date=fallback)
            yield from table.to_batches()

    return source.mapInArrow(code_partition, event_schema())


def run(spark, input_path: str, output_path: str, *, input_format: Optional[str] = None,
        partition_by: Optional[str] = "date", mode: str = "errorifexists", **coder_args: Any):
    """Reads news from ``input_path``, codes it and writes Parquet events to ``output_path``.

    Returns the events DataFrame (already written). ``input_format`` is ``json`` or
    ``parquet`` (default: from the path's extension; a folder is read as Parquet).
    """
    fmt = input_format
    if fmt is None:
        lower = input_path.rstrip("/").lower()
        fmt = "json" if lower.endswith((".jsonl", ".json", ".ndjson", ".jsonl.gz")) else "parquet"
    if fmt == "json":
        news = spark.read.json(input_path)
    elif fmt == "parquet":
        news = spark.read.parquet(input_path)
    else:
        raise demarche.DemarcheError(f"input format {fmt!r}: expected json or parquet")
    for col in ("id", "text"):
        if col not in news.columns:
            raise demarche.DemarcheError(
                f"{input_path}: no {col!r} column (found {', '.join(news.columns)}); "
                "news needs id, date and text"
            )
    events = code_events(
        news, date_col="date" if "date" in news.columns else None, **coder_args
    )
    writer = events.write.mode(mode)
    if partition_by:
        writer = writer.partitionBy(partition_by)
    writer.parquet(output_path)
    return events


def main(argv: Optional[list] = None) -> int:
    parser = argparse.ArgumentParser(
        description="Code news (JSON Lines or Parquet with id, date, text) into Parquet events "
        "partitioned by date, on Spark."
    )
    parser.add_argument("--input", required=True, help="news: .jsonl/.json file(s) or Parquet")
    parser.add_argument("--output", required=True, help="folder for the Parquet events")
    parser.add_argument("--format", choices=["json", "parquet"], help="input format")
    parser.add_argument("--partition-by", default="date", help="column to partition by ('' for none)")
    parser.add_argument("--mode", default="errorifexists", help="Spark save mode (overwrite, ...)")
    parser.add_argument("--dictionaries", help="a folder of dictionaries in demarche's format")
    parser.add_argument("--threads", type=int, default=1, help="coding threads per task")
    parser.add_argument("--master", help="Spark master when not set by spark-submit")
    args = parser.parse_args(argv)

    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("demarche-code-events")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    run(
        spark,
        args.input,
        args.output,
        input_format=args.format,
        partition_by=args.partition_by or None,
        mode=args.mode,
        dictionaries=args.dictionaries,
        threads=args.threads,
    )
    written = spark.read.parquet(args.output).count()
    print(f"{written} events written to {args.output}", file=sys.stderr)
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
