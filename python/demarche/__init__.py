"""demarche: political event data from news text, in Python.

Who did what to whom, when: CAMEO events with their PLOVER category, Goldstein score and quad
class, and for every event its evidence (the sentence, the byte spans of source, verb and target,
the dictionary lines that fired). The coding is the ``demarche`` Rust library's, the same code as
the ``demarche`` command: this package adds no coder of its own.

>>> import demarche
>>> t = demarche.code(["Russia accused Ukraine of shelling the plant."], dates=["2024-05-01"])
>>> t.to_pandas()[["source", "target", "code"]].values.tolist()
[['RUS', 'UKR', '112']]

Tables are ``pyarrow.Table`` objects with the event table's schema (``EVENT_SCHEMA``), the one
``demarche code --to parquet`` writes and ``demarche.spark.code_events`` returns.
"""

from __future__ import annotations

import datetime as _dt
import os as _os
import threading as _threading
import warnings as _warnings
from typing import Any, Iterable, Iterator, Mapping, Optional, Sequence, Union

import pyarrow as _pa
import pyarrow.parquet as _pq

from . import _demarche
from ._demarche import DemarcheError, __version__

__all__ = [
    "Coder",
    "DemarcheError",
    "EVENT_SCHEMA",
    "EXTRACT_SCHEMA",
    "code",
    "code_iter",
    "extract",
    "__version__",
]

PathLike = Union[str, "_os.PathLike[str]"]
DateLike = Union[str, _dt.date, None]


def _table(parquet_bytes: bytes) -> _pa.Table:
    return _pq.read_table(_pa.BufferReader(parquet_bytes))


#: The event table's schema (the README's "Parquet event table"): one row per event.
EVENT_SCHEMA: _pa.Schema = _table(_demarche.empty_event_table()).schema

#: The schema of ``extract``'s table: one row per extracted item.
EXTRACT_SCHEMA: _pa.Schema = _pa.schema(
    [
        _pa.field("doc_id", _pa.string(), nullable=False),
        _pa.field("kind", _pa.string(), nullable=False),
        _pa.field("text", _pa.string()),
        _pa.field("start", _pa.int64()),
        _pa.field("end", _pa.int64()),
        _pa.field("detail", _pa.string(), nullable=False),
    ]
)


def _date_text(value: Any, index: int, doc_id: str) -> Optional[str]:
    if value is None:
        return None
    try:
        if value != value:  # NaN, pandas.NaT: a missing date
            return None
    except (TypeError, ValueError):
        pass
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return value
    # pandas.Timestamp, numpy.datetime64 and the like.
    if hasattr(value, "isoformat"):
        return str(value.isoformat())[:10]
    raise DemarcheError(
        f"record {index} (id {doc_id!r}): date is {type(value).__name__}, "
        "expected a 'YYYY-MM-DD' string or a datetime.date"
    )


def _records(
    texts: Sequence[Any], dates: Any, ids: Any
) -> "tuple[list[str], list[str], list[Optional[str]]]":
    if isinstance(texts, str):
        raise DemarcheError("texts is one string: pass a list of texts, e.g. [text]")
    texts = list(texts)
    n = len(texts)
    id_list = [str(i) for i in range(n)] if ids is None else [str(i) for i in ids]
    if len(id_list) != n:
        raise DemarcheError(f"{n} texts but {len(id_list)} ids: give one id per text")
    if dates is None or isinstance(dates, (str, _dt.date)):
        date_list = [dates] * n
    else:
        date_list = list(dates)
        if len(date_list) != n:
            raise DemarcheError(f"{n} texts but {len(date_list)} dates: give one date per text")
    out_texts: list[str] = []
    for i, t in enumerate(texts):
        if not isinstance(t, str):
            raise DemarcheError(
                f"record {i} (id {id_list[i]!r}): text is {type(t).__name__}, expected str"
            )
        out_texts.append(t)
    out_dates = [_date_text(d, i, id_list[i]) for i, d in enumerate(date_list)]
    return id_list, out_texts, out_dates


def _warn(messages: Iterable[str]) -> None:
    for m in messages:
        _warnings.warn(m, RuntimeWarning, stacklevel=3)


class Coder:
    """A loaded coder: dictionaries compiled once, reused for every call.

    ``Coder()`` uses demarche's built-in dictionaries; ``Coder(dictionaries="path/to/dir")`` a
    folder in demarche's format; ``Coder(petrarch={"verbs": ..., "actors": [...], "agents": ...,
    "discards": ..., "issues": ...})`` the PETRARCH/Phoenix dictionary files, read unchanged (with
    PETRARCH's semantics). ``options`` sets coding options by name (as ``--option NAME=VALUE``),
    ``keep_unattributed`` keeps events without a country or organisation on one side, and
    ``threads`` sizes the coder's own thread pool (default: all cores).

    Every call releases the GIL while it codes and spreads the records over the pool. A Coder is
    safe to share between threads; create one per process and reuse it.
    """

    def __init__(
        self,
        dictionaries: Optional[PathLike] = None,
        *,
        petrarch: Optional[Mapping[str, Any]] = None,
        options: Optional[Mapping[str, Any]] = None,
        keep_unattributed: bool = False,
        threads: Optional[int] = None,
    ) -> None:
        petrarch_files = None
        if petrarch is not None:
            unknown = set(petrarch) - {"verbs", "actors", "agents", "discards", "issues"}
            if unknown:
                raise DemarcheError(
                    f"petrarch: unknown key(s) {sorted(unknown)}; expected verbs, actors, "
                    "agents, discards, issues"
                )
            if "verbs" not in petrarch or "actors" not in petrarch:
                raise DemarcheError("petrarch needs at least 'verbs' and 'actors'")
            actors = petrarch["actors"]
            if isinstance(actors, (str, _os.PathLike)):
                actors = [actors]
            petrarch_files = (
                _os.fspath(petrarch["verbs"]),
                [_os.fspath(a) for a in actors],
                *(
                    _os.fspath(petrarch[k]) if petrarch.get(k) is not None else None
                    for k in ("agents", "discards", "issues")
                ),
            )
        opts = None
        if options:
            opts = [
                (str(k), str(v).lower() if isinstance(v, bool) else str(v))
                for k, v in options.items()
            ]
        self._inner = _demarche.Coder(
            None if dictionaries is None else _os.fspath(dictionaries),
            petrarch_files,
            opts,
            keep_unattributed,
            threads,
        )

    @property
    def threads(self) -> int:
        """Worker threads of this coder's pool."""
        return self._inner.threads

    @property
    def dictionaries(self) -> str:
        """Which dictionaries were loaded (``built-in``, a folder, or the PETRARCH verbs file)."""
        return self._inner.dictionaries

    @property
    def dictionary_warnings(self) -> "list[str]":
        """Lines of the dictionaries that could not be read (``file:line: message``)."""
        return list(self._inner.dictionary_warnings)

    def __repr__(self) -> str:
        return repr(self._inner)

    def code(
        self,
        texts: Sequence[str],
        dates: Union[Sequence[DateLike], DateLike] = None,
        ids: Optional[Sequence[Any]] = None,
        *,
        date: DateLike = None,
    ) -> _pa.Table:
        """Codes news texts; returns the events as a ``pyarrow.Table`` (``EVENT_SCHEMA``).

        ``dates`` gives each text's publication date (``'YYYY-MM-DD'`` or ``datetime.date``; one
        date for all is accepted too), ``ids`` each text's record id (default ``'0'``, ``'1'``,
        ...). A text without a date is coded as of ``date``, else today (with a warning): actor
        roles are date-bounded, so give dates for old news. Raises ``DemarcheError`` naming the
        record for a text that is not a string or a date that cannot be read.
        """
        id_list, text_list, date_list = _records(texts, dates, ids)
        fallback = _date_text(date, -1, "") if date is not None else None
        if fallback is None:
            if any(d is None for d in date_list):
                _warnings.warn(
                    "some texts carry no date: coded as of today; pass dates= or date=",
                    RuntimeWarning,
                    stacklevel=2,
                )
            fallback = _dt.date.today().isoformat()
        data, warnings = self._inner.code_parquet(id_list, text_list, date_list, fallback)
        _warn(warnings)
        return _table(data)

    def code_batches(
        self,
        records: Iterable[Any],
        batch_size: int = 512,
        *,
        date: DateLike = None,
    ) -> Iterator[_pa.Table]:
        """Codes a stream of records lazily, ``batch_size`` at a time: one table per batch.

        A record is a mapping with ``text`` and optionally ``id`` and ``date`` (as JSON Lines
        news), a ``(id, date, text)`` tuple, or a bare text. Memory stays bounded whatever the
        stream's length.
        """
        if batch_size < 1:
            raise DemarcheError(f"batch_size={batch_size}: expected 1 or more")
        texts: list = []
        dates: list = []
        ids: list = []
        seen = 0

        def flush() -> _pa.Table:
            table = self.code(texts, dates=dates, ids=ids, date=date)
            texts.clear()
            dates.clear()
            ids.clear()
            return table

        for r in records:
            if isinstance(r, str):
                ids.append(str(seen))
                dates.append(None)
                texts.append(r)
            elif isinstance(r, Mapping):
                if "text" not in r:
                    raise DemarcheError(f"record {seen} (id {r.get('id')!r}): no 'text'")
                ids.append(str(r.get("id", seen)))
                dates.append(r.get("date"))
                texts.append(r["text"])
            elif isinstance(r, tuple) and len(r) == 3:
                ids.append(str(r[0]))
                dates.append(r[1])
                texts.append(r[2])
            else:
                raise DemarcheError(
                    f"record {seen}: expected a text, a mapping with 'text', or an "
                    f"(id, date, text) tuple, found {type(r).__name__}"
                )
            seen += 1
            if len(texts) >= batch_size:
                yield flush()
        if texts:
            yield flush()

    def code_files(
        self,
        paths: Union[PathLike, Sequence[PathLike]],
        *,
        format: Optional[str] = None,
        date: DateLike = None,
    ) -> Iterator[_pa.Table]:
        """Reads news files with the binary's readers and codes them: one table per batch.

        Any format ``demarche code`` reads (plain text, JSON Lines, PETRARCH XML, HTML, RSS/Atom,
        WARC, Parquet news tables, CoNLL-U), by extension or ``format=``. ``format="conllu"``
        codes the files' dependency parses (spaCy, Stanza, UDPipe), as ``demarche code
        --conllu`` does; a CoNLL-U file recognised by its name alone is coded from its text, as
        ``demarche code FILE.conllu`` does. Files are read and coded in a background thread
        while you consume the tables; unreadable records are warned about with their file and
        line (or row).
        """
        if isinstance(paths, (str, _os.PathLike)):
            paths = [paths]
        path_list = [_os.fspath(p) for p in paths]
        date_text = _date_text(date, -1, "") if date is not None else None
        stream = self._inner.code_files(
            path_list, format, date_text, date_text or _dt.date.today().isoformat()
        )
        for data, warnings in stream:
            _warn(warnings)
            if data:
                yield _table(data)

    def extract(
        self,
        texts: Sequence[str],
        dates: Union[Sequence[DateLike], DateLike] = None,
        ids: Optional[Sequence[Any]] = None,
    ) -> _pa.Table:
        """Persons, organisations, places, quotations, amounts, dates and tone of each text.

        Returns a ``pyarrow.Table`` (``EXTRACT_SCHEMA``) with one row per item: ``doc_id``,
        ``kind`` (``person``, ``organization``, ``place``, ``quotation``, ``amount``, ``date``,
        ``tone``), ``text``, ``start``/``end`` (byte offsets into the text of the item or its first
        mention) and ``detail``, the item's full JSON record as ``demarche extract`` writes it.
        """
        id_list, text_list, date_list = _records(texts, dates, ids)
        cols = self._inner.extract_columns(id_list, text_list, date_list)
        names = [f.name for f in EXTRACT_SCHEMA]
        return _pa.table(dict(zip(names, cols)), schema=EXTRACT_SCHEMA)


_default: Optional[Coder] = None
_default_lock = _threading.Lock()


def _default_coder() -> Coder:
    global _default
    with _default_lock:
        if _default is None:
            _default = Coder()
        return _default


def code(
    texts: Sequence[str],
    dates: Union[Sequence[DateLike], DateLike] = None,
    ids: Optional[Sequence[Any]] = None,
    *,
    date: DateLike = None,
    coder: Optional[Coder] = None,
) -> _pa.Table:
    """Codes news texts with the built-in dictionaries (or ``coder``): see ``Coder.code``."""
    return (coder or _default_coder()).code(texts, dates=dates, ids=ids, date=date)


def code_iter(
    records: Iterable[Any],
    batch_size: int = 512,
    *,
    date: DateLike = None,
    coder: Optional[Coder] = None,
) -> Iterator[_pa.Table]:
    """Codes a stream of records batch by batch: see ``Coder.code_batches``."""
    return (coder or _default_coder()).code_batches(records, batch_size, date=date)


def extract(
    texts: Sequence[str],
    dates: Union[Sequence[DateLike], DateLike] = None,
    ids: Optional[Sequence[Any]] = None,
    *,
    coder: Optional[Coder] = None,
) -> _pa.Table:
    """Knowledge of news texts, one row per item: see ``Coder.extract``."""
    return (coder or _default_coder()).extract(texts, dates=dates, ids=ids)


