"""Throughput of the Spark local-mode job against `demarche code --threads 2` on the same news
(the README's "Spark" numbers). Usage, from the repository root, with the wheel installed:

    python python/examples/spark_throughput.py DOCUMENTS [BINARY]

DOCUMENTS records are made of our own demo-corpus sentences (python/tests/conftest.py's
make_corpus); BINARY defaults to target/release/demarche. Both write Parquet events."""

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from conftest import make_corpus  # noqa: E402

import pyarrow.parquet as pq  # noqa: E402

n = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
binary = sys.argv[2] if len(sys.argv) > 2 else "target/release/demarche"
os.environ.setdefault("PYSPARK_PYTHON", sys.executable)

from pyspark.sql import SparkSession  # noqa: E402

import demarche.spark  # noqa: E402

with tempfile.TemporaryDirectory() as tmp:
    news = Path(tmp) / "news.jsonl"
    news.write_text("".join(json.dumps(r) + "\n" for r in make_corpus(n)))
    sentences = sum(r["text"].count(". ") + 1 for r in make_corpus(n))
    started = time.perf_counter()
    subprocess.run([binary, "code", str(news), "--threads", "2", "--to", "parquet",
                    "-o", str(Path(tmp) / "ref.parquet")], check=True, capture_output=True)
    cli = time.perf_counter() - started
    events = pq.read_table(Path(tmp) / "ref.parquet").num_rows

    spark = (SparkSession.builder.master("local[2]").config("spark.ui.enabled", "false")
             .config("spark.driver.host", "127.0.0.1").getOrCreate())
    spark.range(1).count()  # JVM and session up before the clock starts
    started = time.perf_counter()
    demarche.spark.run(spark, str(news), str(Path(tmp) / "events"))
    job = time.perf_counter() - started
    df = spark.read.json(str(news)).repartition(2)
    started = time.perf_counter()
    coded = demarche.spark.code_events(df).count()
    only = time.perf_counter() - started
    started = time.perf_counter()
    demarche.spark.run(spark, str(news), str(Path(tmp) / "flat"), partition_by=None)
    flat = time.perf_counter() - started
    days = len(list((Path(tmp) / "events").glob("date=*")))
    spark.stop()
    print(f"{n} documents (~{sentences} sentences), {events} events")
    print(f"demarche code --threads 2: {cli:.1f} s ({n / cli:,.0f} documents/s)")
    print(f"Spark local[2] job:        {job:.1f} s ({n / job:,.0f} documents/s), {days} date partitions")
    print(f"  same job, unpartitioned:  {flat:.1f} s ({n / flat:,.0f} documents/s)")
    print(f"  coding only (count()):    {only:.1f} s ({n / only:,.0f} documents/s), {coded} events")
