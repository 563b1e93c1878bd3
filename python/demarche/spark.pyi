"""Type stubs of demarche.spark."""

from typing import Any, Dict, Optional

def event_schema() -> Any:
    """The event table's schema as a pyspark.sql.types.StructType."""

def code_events(
    df: Any,
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
) -> Any:
    """A DataFrame of events (event_schema()) coded from df with mapInArrow."""

def run(
    spark: Any,
    input_path: str,
    output_path: str,
    *,
    input_format: Optional[str] = None,
    partition_by: Optional[str] = "date",
    mode: str = "errorifexists",
    **coder_args: Any,
) -> Any:
    """Reads news (JSON Lines or Parquet), codes it and writes Parquet events."""

def main(argv: Optional[list] = None) -> int: ...
