"""Type stubs of the native module (used through the demarche package)."""

from typing import Iterator, Optional, Sequence

__version__: str

class DemarcheError(ValueError): ...

class CodeStream(Iterator[tuple[bytes, list[str]]]):
    def __next__(self) -> tuple[bytes, list[str]]: ...

class Coder:
    dictionaries: str
    threads: int
    dictionary_warnings: list[str]
    def __init__(
        self,
        dictionaries: Optional[str] = None,
        petrarch: Optional[tuple[str, list[str], Optional[str], Optional[str], Optional[str]]] = None,
        options: Optional[list[tuple[str, str]]] = None,
        keep_unattributed: bool = False,
        threads: Optional[int] = None,
    ) -> None: ...
    def code_parquet(
        self, ids: Sequence[str], texts: Sequence[str], dates: Sequence[Optional[str]], default_date: str
    ) -> tuple[bytes, list[str]]: ...
    def code_files(
        self,
        paths: Sequence[str],
        format: Optional[str] = None,
        date: Optional[str] = None,
        default_date: Optional[str] = None,
    ) -> CodeStream: ...
    def extract_columns(
        self, ids: Sequence[str], texts: Sequence[str], dates: Sequence[Optional[str]]
    ) -> tuple[list[str], list[str], list[Optional[str]], list[Optional[int]], list[Optional[int]], list[str]]: ...

def empty_event_table() -> bytes: ...
def event_schema_text() -> str: ...
