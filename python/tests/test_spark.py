"""Spark in local mode (local[2]): demarche.spark on a corpus of a few thousand documents made
from our own sentences gives exactly the events `demarche code` gives on the same input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pyarrow.parquet as pq
import pytest

import demarche
from conftest import REPO, make_corpus

import pyspark
from pyspark.sql import SparkSession

import demarche.spark

# Executors' Python workers run this interpreter (the one with demarche installed).
os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)

DOCUMENTS = int(os.environ.get("DEMARCHE_SPARK_DOCS", "3000"))


@pytest.fixture(scope="module")
def spark():
    session = (
        SparkSession.builder.master("local[2]")
        .appName("demarche-test")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate()
    )
    yield session
    session.stop()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("spark")
    news = folder / "news.jsonl"
    news.write_text("".join(json.dumps(r) + "\n" for r in make_corpus(DOCUMENTS)))
    return folder, news


def rows(table):
    """Every event as a comparable tuple, in a stable order."""
    cols = [c for c in demarche.EVENT_SCHEMA.names]
    out = []
    for r in table.to_pylist():
        r["rules"] = tuple((x["file"], x["line"]) for x in r["rules"])
        out.append(tuple(r[c] for c in cols))
    return sorted(out, key=lambda t: (t[0], t[1], repr(t)))


def test_spark_events_equal_demarche_code_on_the_same_corpus(spark, corpus, binary):
    folder, news = corpus
    reference = folder / "reference.parquet"
    started = time.perf_counter()
    subprocess.run([binary, "code", news, "--threads", "2", "--to", "parquet", "-o", reference],
                   check=True, capture_output=True)
    binary_seconds = time.perf_counter() - started
    expected = pq.read_table(reference)
    assert expected.num_rows > DOCUMENTS // 2

    out = folder / "events"
    started = time.perf_counter()
    demarche.spark.run(spark, str(news), str(out), partition_by="date")
    spark_seconds = time.perf_counter() - started
    # Partitioned by day: one folder per date.
    assert any(p.name.startswith("date=") for p in out.iterdir())

    got_df = spark.read.parquet(str(out))
    assert got_df.count() == expected.num_rows
    got = got_df.select(*demarche.EVENT_SCHEMA.names).toArrow()
    assert rows(got) == rows(expected)
    print(
        f"\n{DOCUMENTS} documents, {expected.num_rows} events: demarche code --threads 2 "
        f"{binary_seconds:.1f} s, Spark local[2] job {spark_seconds:.1f} s",
        file=sys.stderr,
    )


def test_code_events_keeps_the_schema_and_reads_other_column_names(spark):
    df = spark.createDataFrame(
        [(7, "2024-05-01", "Russia accused Ukraine of shelling the plant.")],
        "story_id long, published string, body string",
    )
    events = demarche.spark.code_events(df, text_col="body", date_col="published",
                                        id_col="story_id")
    assert events.schema == demarche.spark.event_schema()
    [row] = events.collect()
    assert (row.doc_id, row.source, row.target, row.root) == ("7", "RUS", "UKR", "11")
    assert row.rules and row.rules[0].line > 0


def test_parquet_input_and_a_missing_column_is_named(spark, tmp_path):
    import pyarrow as pa

    pq.write_table(pa.table({"id": ["a"], "date": ["2024-05-01"],
                             "text": ["Russia accused Ukraine of shelling the plant."]}),
                   tmp_path / "news.parquet")
    events = demarche.spark.run(spark, str(tmp_path / "news.parquet"), str(tmp_path / "out"),
                                partition_by=None)
    assert events.count() == 1
    pq.write_table(pa.table({"id": ["a"], "body": ["x"]}), tmp_path / "bad.parquet")
    with pytest.raises(demarche.DemarcheError, match="no 'text' column"):
        demarche.spark.run(spark, str(tmp_path / "bad.parquet"), str(tmp_path / "out2"))


def test_the_job_runs_under_spark_submit(corpus, tmp_path):
    spark_submit = os.path.join(os.path.dirname(pyspark.__file__), "bin", "spark-submit")
    news = tmp_path / "small.jsonl"
    news.write_text("".join(json.dumps(r) + "\n" for r in make_corpus(40, seed=2)))
    job = REPO / "python" / "demarche" / "spark.py"
    env = dict(os.environ, PYSPARK_PYTHON=sys.executable, PYSPARK_DRIVER_PYTHON=sys.executable)
    run = subprocess.run(
        [spark_submit, "--master", "local[2]", "--conf", "spark.ui.enabled=false",
         "--conf", "spark.driver.host=127.0.0.1", str(job),
         "--input", str(news), "--output", str(tmp_path / "events")],
        capture_output=True, text=True, env=env, timeout=600,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    assert "events written to" in run.stderr + run.stdout, run.stdout[-2000:]
    assert pq.read_table(tmp_path / "events").num_rows > 0
