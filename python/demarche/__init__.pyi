"""Type stubs of the demarche package (see __init__.py for the documentation)."""

import datetime
import os
from typing import Any, Iterable, Iterator, Mapping, Optional, Sequence, Union

import pyarrow

__version__: str

PathLike = Union[str, os.PathLike[str]]
DateLike = Union[str, datetime.date, None]

EVENT_SCHEMA: pyarrow.Schema
EXTRACT_SCHEMA: pyarrow.Schema

class DemarcheError(ValueError):
    """A record, a dictionary or an input demarche cannot use; the message names which and why."""

class Coder:
    """A loaded coder: dictionaries compiled once, the GIL released while coding, all cores."""

    def __init__(
        self,
        dictionaries: Optional[PathLike] = None,
        *,
        petrarch: Optional[Mapping[str, Any]] = None,
        options: Optional[Mapping[str, Any]] = None,
        keep_unattributed: bool = False,
        threads: Optional[int] = None,
    ) -> None: ...
    @property
    def threads(self) -> int: ...
    @property
    def dictionaries(self) -> str: ...
    @property
    def dictionary_warnings(self) -> list[str]: ...
    def code(
        self,
        texts: Sequence[str],
        dates: Union[Sequence[DateLike], DateLike] = None,
        ids: Optional[Sequence[Any]] = None,
        *,
        date: DateLike = None,
    ) -> pyarrow.Table:
        """Events of the texts as a table with EVENT_SCHEMA."""
    def code_batches(
        self, records: Iterable[Any], batch_size: int = 512, *, date: DateLike = None
    ) -> Iterator[pyarrow.Table]:
        """Events of a stream of records (texts, mappings with 'text', or (id, date, text)), one table per batch."""
    def code_files(
        self,
        paths: Union[PathLike, Sequence[PathLike]],
        *,
        format: Optional[str] = None,
        date: DateLike = None,
    ) -> Iterator[pyarrow.Table]:
        """Events of news files in any format the binary reads, one table per batch; format="conllu" codes dependency parses."""
    def extract(
        self,
        texts: Sequence[str],
        dates: Union[Sequence[DateLike], DateLike] = None,
        ids: Optional[Sequence[Any]] = None,
    ) -> pyarrow.Table:
        """Persons, organisations, places, quotations, amounts, dates and tone: EXTRACT_SCHEMA."""

def code(
    texts: Sequence[str],
    dates: Union[Sequence[DateLike], DateLike] = None,
    ids: Optional[Sequence[Any]] = None,
    *,
    date: DateLike = None,
    coder: Optional[Coder] = None,
) -> pyarrow.Table:
    """Events of the texts with the built-in dictionaries (or coder) as a table with EVENT_SCHEMA."""

def code_iter(
    records: Iterable[Any],
    batch_size: int = 512,
    *,
    date: DateLike = None,
    coder: Optional[Coder] = None,
) -> Iterator[pyarrow.Table]:
    """Events of a stream of records, one table per batch."""

def extract(
    texts: Sequence[str],
    dates: Union[Sequence[DateLike], DateLike] = None,
    ids: Optional[Sequence[Any]] = None,
    *,
    coder: Optional[Coder] = None,
) -> pyarrow.Table:
    """Knowledge of the texts, one row per item (EXTRACT_SCHEMA)."""
