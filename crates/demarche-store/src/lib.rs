//! demarche-store: the embedded event store. Documents, sentences, de-duplicated events with
//! every mention kept as evidence, knowledge items, dyad aggregates and exports, in one SQLite
//! file (`./demarche.db` by default).
//!
//! Main types:
//! - [`Store`]: an open database. [`Store::open`] creates or migrates it; [`Store::ingest`] and
//!   [`Store::ingest_batch`] write ([`Prepared`] + [`Store::ingest_prepared`]: the same in two
//!   steps, preparing on any thread; [`Store::begin_writing`]: several batches in one
//!   transaction); [`Store::dyad_series`], [`Store::compare_dyads`],
//!   [`Store::search_events`], [`Store::document`], [`Store::actors`] and [`Store::stats`] read;
//!   [`Store::export`] writes GDELT, Phoenix, JSON Lines or Parquet; [`Store::event_places`]
//!   and [`Store::events_at_place`] group selected events by where they happened (the map).
//! - Inputs: [`IngestItem`] (a `demarche_model::Document`, its `Event`s and an optional
//!   knowledge JSON value), [`DyadQuery`], [`EventQuery`], [`ExportFormat`].
//! - Outputs: [`IngestOutcome`]/[`IngestSummary`], [`DyadSeries`] of [`DyadBucket`]s,
//!   [`DyadComparison`], [`EventPage`] of [`StoredEvent`]s with [`Mention`]s, [`DocumentView`],
//!   [`StoreStats`]. All serialise with serde; the HTTP API returns them as they are.
//! - [`StoreError`]: every failure, with the database path where it matters.
//! - [`input::read_jsonl`]: event, document and knowledge records (JSON Lines, as `demarche
//!   code` writes them) grouped into [`IngestItem`]s, with located diagnostics for bad lines.
//! - [`synthetic`]: a deterministic generator of documents and events for benchmarks and load
//!   tests (no randomness crate, same seed gives the same corpus).
//!
//! # Ingest: idempotent and crash-safe
//! A document is identified by its id. Its *content hash* is the SHA-256 of the document record
//! (id, date, title, source, url, text, parses) and its *coding hash* that of its events (every
//! field, fed to the hash without writing JSON) and knowledge. Ingesting an id already stored with both hashes equal writes nothing
//! ([`IngestOutcome::Unchanged`]). The same id with a different hash is a new version: it
//! **replaces** the old one — sentences, mentions and knowledge of the old version are deleted,
//! the counts of the events they supported are recomputed, and events left without mentions are
//! deleted ([`IngestOutcome::Replaced`]). Each document (or each batch, or each group of
//! batches written through one [`Writing`]) is one SQLite transaction in WAL mode, so a process
//! killed at any point leaves the store as it was after the last commit; running the same
//! ingest again completes it (tests/kill.rs does this with a real SIGKILL). Commits are durable
//! against a killed process; with `synchronous=NORMAL` a power loss may take back the last
//! commits, never corrupt the file.
//!
//! # Event identity (de-duplication)
//! Two event records are the same event when they have the same **source actor code, target
//! actor code, CAMEO event code and event day**, where the event day is the record's
//! `event_date` if the coder resolved one ("on Thursday") and its publication `date` otherwise.
//! Every record is kept as a [`Mention`] (document, sentence, spans, texts, rules). An event's
//! counts follow GDELT: `num_mentions` = its mentions (several per article possible),
//! `num_articles` = distinct documents, `num_sources` = distinct outlets (`Document::source`;
//! a document without an outlet counts as its own source). Counts are recomputed from the
//! mentions on every write that touches the event, so they do not depend on ingest order.
//!
//! # Aggregation
//! A dyad series counts de-duplicated events of a directed dyad (or both directions with
//! `undirected`) per day, ISO week or month: by Phoenix quad class and CAMEO root, Goldstein sum
//! and mean, the top codes. **Actors match by prefix**, case-insensitively: `CHN` matches `CHN`,
//! `CHNGOV` and `CHNMIL`, because CAMEO codes start with the country; `RUSGOV` narrows to the
//! government. A covering index answers a series without touching the table: it leads with
//! the three-letter country parts of source and target (`substr(source, 1, 3)`, then
//! `substr(target, 1, 3)`, source, target, day, code, root, quad class, Goldstein, mentions), so
//! a country-level dyad seeks straight to its own events, and a prefix shorter than three
//! letters is a range of country parts (schema version 8 dropped the second index, led by the
//! source code, that such prefixes had read). Rust folds the index rows into periods.
//! benches/store.rs measures this on 1,000,000 generated events.
//!
//! # Search and the API under load
//! Schema version 5 adds what keeps every read of the HTTP API short on a large store:
//! - **Full-text search** through SQLite FTS5 (`events_fts`): one row per event holding the
//!   distinct sentences of its mentions, keyed `day << 32 | id`, so the index itself hands out
//!   matches newest first and a date range is a key range. Ingest rewrites the rows of the
//!   events a transaction touched (not those of stored events whose new mentions bring no new
//!   sentence), once per transaction and in key order, so that FTS5 writes
//!   one segment per transaction (so re-ingest never doubles a row, and
//!   a replaced document's old sentences leave the index); the migration fills the index of
//!   an existing store once, on open. A search text is its words as one phrase within one
//!   sentence, the last word also a prefix of three characters or more; see
//!   [`Store::search_events`] for how filters and text are combined by their counts.
//! - **Counts kept by the writer**: `row_counts` (rows per table, for [`Store::stats`] and the
//!   total of an unfiltered search) and `actor_counts` (events per actor code, for
//!   [`Store::actors`]), so neither scans a million rows; ingest adds up what a transaction
//!   changed and writes the sums at its end (schema version 6; version 5 used triggers, which
//!   gave every insert a statement journal); [`Store::integrity_check`] recounts both and
//!   checks the index against the mentions.
//! - **Indexes for the filters**: the code and root filters have `events_by_code`; an actor on
//!   either side is two index ranges (as source; as target and not as source) instead of an
//!   OR that would read every row.
//!
//! Connections are opened with a bounded page cache: 64 MiB for [`Store::open`] (ingest),
//! 8 MiB for [`Store::open_read_only`]; [`Store::set_cache_kib`] changes it (`demarche ingest`
//! gives its writer [`BULK_WRITER_CACHE_KIB`]). The numbers and
//! the load test that measures them are in the README.
//!
//! # Exports
//! GDELT 2.0 event table (61 columns in codebook order, fields we do not produce left empty,
//! QuadClass mapped with `demarche_model::cameo::gdelt_quad_class`), a Phoenix-style TSV, JSON
//! Lines of [`StoredEvent`]s with all their mentions, and Parquet. Parquet is written with the
//! `parquet` crate's column writers without arrow (arrow and parquet together cost about three
//! minutes per build profile on a 2-core machine; parquet alone, snappy only, is measured in
//! the README). [`parquet_io`] holds the event table that `demarche code --to parquet`, the
//! Python package and Spark share, and the Parquet news reader.
//!
//! # Design decision and rejected alternative
//! SQLite (rusqlite, bundled) is the store: one file, transactions that survive a killed
//! process, and B-tree indexes that make a dyad series a range scan. Rejected: DuckDB, whose
//! bundled build did not finish on a 2-core machine, and an append-only JSON Lines log with an
//! in-memory index, which would need its own crash recovery and de-duplication on every start.
//! Dates are stored as `YYYYMMDD` integers (sortable and readable); numeric ids of events are
//! internal and may differ between two stores holding the same content.
//!
//! ```
//! use demarche_model::{Date, Document, Event, Evidence};
//! use demarche_store::{DyadQuery, Granularity, Store};
//!
//! let mut store = Store::open_in_memory().unwrap();
//! let date = Date::from_ymd_opt(2021, 11, 20).unwrap();
//! let text = "China praised Russia.";
//! let doc = Document { id: "d1".into(), date: Some(date), text: text.into(), ..Default::default() };
//! let event = Event {
//!     doc_id: "d1".into(), sentence: 0, date, event_date: None,
//!     source: "CHN".into(), target: "RUS".into(), code: "051".into(),
//!     root: String::new(), quad_class: 0, goldstein: 0.0, plover: None,
//!     source_text: "China".into(), target_text: "Russia".into(), verb_text: "praised".into(),
//!     sentence_text: text.into(), evidence: Evidence::default(), action_geo: None, geo_source: None,
//! }
//! .with_cameo_facts();
//! store.ingest(&doc, &[event.clone()], None).unwrap();
//! // The same document again changes nothing.
//! store.ingest(&doc, &[event], None).unwrap();
//! let series = store.dyad_series(&DyadQuery::new("CHN", "RUS", Granularity::Month)).unwrap();
//! assert_eq!(series.buckets.len(), 1);
//! assert_eq!(series.buckets[0].label, "2021-11");
//! assert_eq!(series.buckets[0].quad_counts[1], 1);
//! assert_eq!(store.stats().unwrap().mentions, 1);
//! ```

mod counts;
mod digest;
mod export;
mod ingest;
pub mod input;
mod parquet_export;
pub mod parquet_io;
mod places;
mod query;
mod schema;
mod search;
pub mod synthetic;
mod types;

pub use export::{GDELT_EVENT_COLUMNS, PHOENIX_COLUMNS};
pub use ingest::{Prepared, Writing};
pub use places::{EventPlaces, MAX_PLACES, PlaceCount};
pub use query::MAX_BUCKETS;
pub use schema::SCHEMA_VERSION;
pub use types::*;

use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

/// Page cache of a read-write connection ([`Store::open`]), in KiB: ingest into a store of a
/// million events touches several large indexes per event, and misses dominate without it.
pub const WRITER_CACHE_KIB: i64 = 64 * 1024;

/// Page cache of the writer of a bulk ingest (`demarche ingest`), in KiB: a transaction holds
/// a second of batches, and with [`WRITER_CACHE_KIB`] its changed pages and the event indexes
/// did not fit, so SQLite wrote pages to the log before the commit and read pages back from
/// the log and the file (43,000 reads of 8 KiB in an ingest of 20,000 documents; about 150 with
/// this cache).
pub const BULK_WRITER_CACHE_KIB: u32 = 256 * 1024;

/// Page cache of a read-only connection ([`Store::open_read_only`]), in KiB. A server keeps
/// several of them, each with a cache of its own; pages they miss are read from the operating
/// system's file cache, which all of them share. [`Store::set_cache_kib`] changes it.
pub const READER_CACHE_KIB: i64 = 8 * 1024;

/// The database file used when the command line does not name one.
pub const DEFAULT_DB_PATH: &str = "demarche.db";

/// Every failure of the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open database {path}: {source}")]
    Open {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("database error: {0}")]
    Sql(#[from] rusqlite::Error),
    #[error(
        "database {path} has schema version {found}, newer than this build of demarche knows ({known}); use a newer demarche"
    )]
    TooNew {
        path: PathBuf,
        found: u32,
        known: u32,
    },
    #[error(
        "database {path} has schema version {found}, older than {known}; open it once read-write (for example with `demarche ingest`) to migrate it"
    )]
    NeedsMigration {
        path: PathBuf,
        found: u32,
        known: u32,
    },
    #[error("database {path} failed its integrity check: {message}")]
    Integrity { path: PathBuf, message: String },
    #[error("event of document `{event_doc}` was passed with document `{doc}`")]
    DocumentMismatch { doc: String, event_doc: String },
    #[error("invalid query: {0}")]
    InvalidQuery(String),
    #[error("write failed: {0}")]
    Io(#[from] std::io::Error),
    #[error("JSON error: {0}")]
    Json(#[from] serde_json::Error),
    #[error("stored data is inconsistent: {0}")]
    Corrupt(String),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// An open event store. `Send`, not `Sync`: share it behind a `Mutex`, or open one [`Store`] per
/// thread ([`Store::open_read_only`] for readers; SQLite's WAL lets readers run while a writer
/// commits).
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl Store {
    /// Opens (creating if needed) the database at `path`, switches it to WAL mode and migrates
    /// it to [`SCHEMA_VERSION`].
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        let path = path.as_ref().to_path_buf();
        let conn = Connection::open(&path).map_err(|source| StoreError::Open {
            path: path.clone(),
            source,
        })?;
        Self::setup(conn, path, SCHEMA_VERSION)
    }

    /// An in-memory store, for tests and examples.
    pub fn open_in_memory() -> Result<Store> {
        let conn = Connection::open_in_memory()?;
        Self::setup(conn, PathBuf::from(":memory:"), SCHEMA_VERSION)
    }

    /// Opens an existing database for reading only. It must already be at [`SCHEMA_VERSION`]
    /// (a read-only connection cannot migrate).
    pub fn open_read_only(path: impl AsRef<Path>) -> Result<Store> {
        let path = path.as_ref().to_path_buf();
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn =
            Connection::open_with_flags(&path, flags).map_err(|source| StoreError::Open {
                path: path.clone(),
                source,
            })?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        conn.pragma_update(None, "cache_size", -READER_CACHE_KIB)?;
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        rusqlite::vtab::array::load_module(&conn)?;
        let found = schema::user_version(&conn)?;
        if found > SCHEMA_VERSION {
            return Err(StoreError::TooNew {
                path,
                found,
                known: SCHEMA_VERSION,
            });
        }
        if found < SCHEMA_VERSION {
            return Err(StoreError::NeedsMigration {
                path,
                found,
                known: SCHEMA_VERSION,
            });
        }
        Ok(Store { conn, path })
    }

    /// Opens `path` and migrates it only up to `version` (tests of migrations use this to
    /// write a database as an older build would have).
    #[doc(hidden)]
    pub fn open_at_version(path: impl AsRef<Path>, version: u32) -> Result<Store> {
        let path = path.as_ref().to_path_buf();
        let conn = Connection::open(&path).map_err(|source| StoreError::Open {
            path: path.clone(),
            source,
        })?;
        Self::setup(conn, path, version.min(SCHEMA_VERSION))
    }

    fn setup(mut conn: Connection, path: PathBuf, target: u32) -> Result<Store> {
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        // 8 KiB pages for a new database (an existing one keeps its own): shallower trees for
        // the wide dyad indexes and the knowledge rows, about a tenth less work per write.
        conn.pragma_update(None, "page_size", 8192)?;
        // WAL: readers do not block the writer, and a commit is durable against a killed
        // process without an fsync per transaction (synchronous=NORMAL). A power loss may lose
        // the last transactions but never corrupts the file.
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.pragma_update(None, "cache_size", -WRITER_CACHE_KIB)?;
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        rusqlite::vtab::array::load_module(&conn)?;
        let found = schema::user_version(&conn)?;
        if found > SCHEMA_VERSION {
            return Err(StoreError::TooNew {
                path,
                found,
                known: SCHEMA_VERSION,
            });
        }
        schema::migrate_to(&mut conn, target)?;
        Ok(Store { conn, path })
    }

    /// Sets the most memory this connection's page cache may hold, in KiB (SQLite's
    /// `cache_size`). Pages beyond it are evicted and read again from the file (usually from
    /// the operating system's cache) when needed.
    pub fn set_cache_kib(&self, kib: u32) -> Result<()> {
        self.conn
            .pragma_update(None, "cache_size", -i64::from(kib.max(1)))?;
        Ok(())
    }

    /// Stops this connection's commits from checkpointing the write-ahead log themselves
    /// (SQLite's default makes the commit that takes the log past 1,000 pages copy it into
    /// the database file and sync it, which takes that one commit from milliseconds to tens
    /// of them); after each commit the log's size in pages is stored in `pages` instead, so
    /// that someone else can call [`Store::checkpoint`] when it is worth it. Used by the
    /// server, whose ingest requests should not pay for checkpoints.
    pub fn checkpoint_elsewhere(&mut self, pages: Arc<AtomicI64>) -> Result<()> {
        self.conn.wal_hook(Some(
            move |_: &mut rusqlite::hooks::Wal, in_log: std::os::raw::c_int| {
                pages.store(i64::from(in_log), Ordering::Relaxed);
                Ok(())
            },
        ))?;
        Ok(())
    }

    /// Copies what it can of the write-ahead log into the database file, without waiting for
    /// readers or the writer (a passive checkpoint). Returns the pages in the log and how
    /// many of them are now in the database file.
    pub fn checkpoint(&self) -> Result<(i64, i64)> {
        Ok(self
            .conn
            .query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |r| {
                Ok((r.get(1)?, r.get(2)?))
            })?)
    }

    /// The file this store lives in (`:memory:` for an in-memory store).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<u32> {
        Ok(schema::user_version(&self.conn)?)
    }

    /// Runs SQLite's `integrity_check` and `foreign_key_check`, and checks that every event's
    /// stored counts match its mentions.
    pub fn integrity_check(&self) -> Result<()> {
        let fail = |message: String| StoreError::Integrity {
            path: self.path.clone(),
            message,
        };
        let result: String = self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        if result != "ok" {
            return Err(fail(result));
        }
        let mut stmt = self.conn.prepare("PRAGMA foreign_key_check")?;
        let mut rows = stmt.query([])?;
        if let Some(row) = rows.next()? {
            let table: String = row.get(0)?;
            return Err(fail(format!(
                "a row of table {table} has a dangling reference"
            )));
        }
        let bad: i64 = self.conn.query_row(
            "SELECT count(*) FROM events e WHERE e.num_mentions != \
             (SELECT count(*) FROM mentions m WHERE m.event_id = e.id) OR e.num_mentions = 0",
            [],
            |r| r.get(0),
        )?;
        if bad != 0 {
            return Err(fail(format!(
                "{bad} events have counts that do not match their mentions"
            )));
        }
        // What the triggers keep: row counts, actor counts and one index row per mention
        // with a sentence.
        for table in ["documents", "sentences", "events", "mentions", "knowledge"] {
            let (kept, counted): (i64, i64) = self.conn.query_row(
                &format!(
                    "SELECT (SELECT n FROM row_counts WHERE name = '{table}'), (SELECT count(*) FROM {table})"
                ),
                [],
                |r| Ok((r.get::<_, Option<i64>>(0)?.unwrap_or(-1), r.get(1)?)),
            )?;
            if kept != counted {
                return Err(fail(format!(
                    "row_counts says {kept} rows of {table}, the table has {counted}"
                )));
            }
        }
        let wrong: i64 = self.conn.query_row(
            "WITH counted (code, events) AS ( \
               SELECT code, sum(n) FROM ( \
                 SELECT source AS code, count(*) AS n FROM events GROUP BY source \
                 UNION ALL SELECT target, count(*) FROM events WHERE target != source GROUP BY target) \
               GROUP BY code) \
             SELECT (SELECT count(*) FROM counted c LEFT JOIN actor_counts a ON a.code = c.code \
                     WHERE a.events IS NOT c.events) \
                  + (SELECT count(*) FROM actor_counts a LEFT JOIN counted c ON c.code = a.code \
                     WHERE c.code IS NULL AND a.events != 0)",
            [],
            |r| r.get(0),
        )?;
        if wrong != 0 {
            return Err(fail(format!(
                "{wrong} actors have counts in actor_counts that do not match the events"
            )));
        }
        // One index row per event with a sentence, under the event's own key.
        let (indexed, keyed, expected): (i64, i64, i64) = self.conn.query_row(
            "SELECT (SELECT count(*) FROM events_fts), \
                    (SELECT count(*) FROM events_fts f JOIN events e \
                     ON e.id = (f.rowid & 4294967295) AND (e.day << 32) + e.id = f.rowid), \
                    (SELECT count(DISTINCT m.event_id) FROM mentions m JOIN sentences s \
                     ON s.doc_id = m.doc_id AND s.idx = m.sentence)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
        if indexed != expected || keyed != expected {
            return Err(fail(format!(
                "the full-text index has {indexed} rows ({keyed} under their event's key) for {expected} events with a sentence"
            )));
        }
        Ok(())
    }

    /// Access to the underlying connection for read-only ad-hoc SQL (for example from tests or
    /// tools). Writing through it bypasses the store's invariants.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }
}
