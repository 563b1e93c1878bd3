//! The database schema as a list of migration steps, and the code that applies them.
//!
//! `PRAGMA user_version` holds the number of steps applied. A step is never edited once
//! released: a change to the schema is a new step at the end of [`MIGRATIONS`]. Each step runs
//! in its own transaction together with the version bump, so a crash during a migration leaves
//! the database at the previous version, and the next open retries the step.
//!
//! Dates are `YYYYMMDD` integers. Event identity (see the crate docs) is the unique key
//! `(source, target, code, day)` of `events`.

use rusqlite::Connection;

/// Migration steps; step `i` (0-based) takes the database from version `i` to `i + 1`.
pub(crate) const MIGRATIONS: &[&str] = &[
    // Version 1: documents, sentences, de-duplicated events and their mentions.
    r#"
    CREATE TABLE documents (
        id           TEXT PRIMARY KEY NOT NULL,
        content_hash TEXT NOT NULL,
        coding_hash  TEXT NOT NULL,
        date         INTEGER,
        title        TEXT,
        source       TEXT,
        url          TEXT,
        text         TEXT NOT NULL
    );
    CREATE TABLE sentences (
        doc_id     TEXT NOT NULL REFERENCES documents(id),
        idx        INTEGER NOT NULL,
        text       TEXT NOT NULL,
        start_byte INTEGER,
        end_byte   INTEGER,
        PRIMARY KEY (doc_id, idx)
    ) WITHOUT ROWID;
    CREATE TABLE events (
        id           INTEGER PRIMARY KEY,
        source       TEXT NOT NULL,
        target       TEXT NOT NULL,
        code         TEXT NOT NULL,
        day          INTEGER NOT NULL,
        root         TEXT NOT NULL,
        quad_class   INTEGER NOT NULL,
        goldstein    REAL NOT NULL,
        plover       TEXT,
        num_mentions INTEGER NOT NULL DEFAULT 0,
        num_sources  INTEGER NOT NULL DEFAULT 0,
        num_articles INTEGER NOT NULL DEFAULT 0,
        UNIQUE (source, target, code, day)
    );
    CREATE TABLE mentions (
        id           INTEGER PRIMARY KEY,
        event_id     INTEGER NOT NULL REFERENCES events(id),
        doc_id       TEXT NOT NULL REFERENCES documents(id),
        sentence     INTEGER NOT NULL,
        pub_day      INTEGER NOT NULL,
        event_day    INTEGER,
        source_text  TEXT NOT NULL,
        target_text  TEXT NOT NULL,
        verb_text    TEXT NOT NULL,
        source_start INTEGER, source_end INTEGER,
        target_start INTEGER, target_end INTEGER,
        verb_start   INTEGER, verb_end   INTEGER,
        rules        TEXT NOT NULL
    );
    CREATE INDEX mentions_by_event ON mentions(event_id);
    CREATE INDEX mentions_by_doc ON mentions(doc_id);
    "#,
    // Version 2: knowledge items per document, and a covering index that answers a dyad
    // series from the index alone (no table lookups), for both directions of a dyad.
    r#"
    CREATE TABLE knowledge (
        doc_id TEXT PRIMARY KEY NOT NULL REFERENCES documents(id),
        json   TEXT NOT NULL
    );
    CREATE INDEX events_dyad ON events(source, target, day, code, quad_class, goldstein, num_mentions);
    CREATE INDEX events_by_day ON events(day);
    CREATE INDEX events_by_target ON events(target);
    "#,
    // Version 3: the dyad index gains the root code (so a series needs no table lookup at all),
    // and a second index leads with the three-letter country part of both actors, so that a
    // dyad of two country-level prefixes seeks straight to its own events instead of scanning
    // every event of its source country.
    r#"
    DROP INDEX events_dyad;
    CREATE INDEX events_dyad ON events(source, target, day, code, root, quad_class, goldstein, num_mentions);
    CREATE INDEX events_dyad_country ON events(substr(source, 1, 3), substr(target, 1, 3), source, target, day, code, root, quad_class, goldstein, num_mentions);
    "#,
    // Version 4: where each mention's event happened (the event record's `action_geo` and
    // `geo_source` as JSON), for the GDELT export's ActionGeo columns.
    r#"
    ALTER TABLE mentions ADD COLUMN geo TEXT;
    "#,
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

pub(crate) fn user_version(conn: &Connection) -> rusqlite::Result<u32> {
    conn.query_row("PRAGMA user_version", [], |r| r.get::<_, u32>(0))
}

/// Applies the steps after the database's version, up to `target` (at most [`SCHEMA_VERSION`]).
/// Returns the version reached.
pub(crate) fn migrate_to(conn: &mut Connection, target: u32) -> rusqlite::Result<u32> {
    let mut version = user_version(conn)?;
    while version < target {
        let Some(step) = MIGRATIONS.get(version as usize) else {
            break;
        };
        let tx = conn.transaction()?;
        tx.execute_batch(step)?;
        // PRAGMA does not take parameters; the value is our own integer.
        tx.execute_batch(&format!("PRAGMA user_version = {}", version + 1))?;
        tx.commit()?;
        version += 1;
    }
    Ok(version)
}
