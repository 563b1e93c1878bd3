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
    // Version 5: what keeps the HTTP API fast on large stores (see the crate docs, "Search and
    // the API under load").
    //
    // `events_fts`: a full-text index with one row per event holding the distinct sentences of
    // its mentions, separated by a private-use character (U+E000) that the tokenizer keeps as
    // a word of its own, so that no phrase can match across two sentences and no search can
    // ask for it. The rowid is `day << 32 | id` ([`crate::search::key`]), so the index returns
    // events newest first and a date range is a rowid range. Contentless (the text stays in
    // `sentences`) with contentless_delete, so an event's row can be replaced. Ingest refreshes
    // the rows of the events it touched, once per batch (`search::refresh`); this step fills
    // the index of an existing store, event by event (one DISTINCT over the sentences of a
    // million events at once held them all in memory). Words are folded to lower case and
    // their diacritics removed (unicode61). `events_fts_vocab` lists the index's words, for
    // expanding a prefix (`search::fts_query`).
    //
    // `actor_counts` answers the actor picker (`Store::actors`) without scanning the events:
    // an event counts once for its source and once for its target when that differs.
    // `row_counts` holds the number of rows of each table for `Store::stats` and the total of
    // an unfiltered search (SQLite counts rows by reading them all). Triggers keep both, so no
    // writer can forget them.
    //
    // `events_by_code` serves the code and root filters of a search; `events_by_target` gains
    // the source and the day, so that "this actor as target and not as source" is answered
    // from the index alone.
    r#"
    CREATE VIRTUAL TABLE events_fts USING fts5(
        text, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
    );
    CREATE VIRTUAL TABLE events_fts_vocab USING fts5vocab(events_fts, row);
    INSERT INTO events_fts (events_fts, rank) VALUES ('automerge', 2);
    INSERT INTO events_fts (rowid, text)
        SELECT k, t FROM (
            SELECT (e.day << 32) + e.id AS k, (
                SELECT group_concat(text, ' ' || char(57344) || ' ') FROM (
                    SELECT DISTINCT s.text FROM mentions m
                    JOIN sentences s ON s.doc_id = m.doc_id AND s.idx = m.sentence
                    WHERE m.event_id = e.id)
            ) AS t
            FROM events e
        ) WHERE t IS NOT NULL;

    CREATE TABLE actor_counts (
        code   TEXT PRIMARY KEY NOT NULL,
        events INTEGER NOT NULL
    ) WITHOUT ROWID;
    INSERT INTO actor_counts (code, events)
        SELECT code, sum(n) FROM (
            SELECT source AS code, count(*) AS n FROM events GROUP BY source
            UNION ALL
            SELECT target AS code, count(*) AS n FROM events WHERE target != source GROUP BY target
        ) GROUP BY code;
    CREATE TRIGGER actor_counts_after_insert AFTER INSERT ON events BEGIN
        INSERT INTO actor_counts (code, events) VALUES (new.source, 1)
            ON CONFLICT (code) DO UPDATE SET events = events + 1;
        INSERT INTO actor_counts (code, events) SELECT new.target, 1 WHERE new.target != new.source
            ON CONFLICT (code) DO UPDATE SET events = events + 1;
    END;
    CREATE TRIGGER actor_counts_after_delete AFTER DELETE ON events BEGIN
        UPDATE actor_counts SET events = events - 1
            WHERE code = old.source OR (code = old.target AND old.target != old.source);
        DELETE FROM actor_counts WHERE code IN (old.source, old.target) AND events <= 0;
    END;

    CREATE TABLE row_counts (
        name TEXT PRIMARY KEY NOT NULL,
        n    INTEGER NOT NULL
    ) WITHOUT ROWID;
    INSERT INTO row_counts (name, n) VALUES
        ('documents', (SELECT count(*) FROM documents)),
        ('sentences', (SELECT count(*) FROM sentences)),
        ('events', (SELECT count(*) FROM events)),
        ('mentions', (SELECT count(*) FROM mentions)),
        ('knowledge', (SELECT count(*) FROM knowledge));
    CREATE TRIGGER row_counts_documents_insert AFTER INSERT ON documents BEGIN
        UPDATE row_counts SET n = n + 1 WHERE name = 'documents';
    END;
    CREATE TRIGGER row_counts_documents_delete AFTER DELETE ON documents BEGIN
        UPDATE row_counts SET n = n - 1 WHERE name = 'documents';
    END;
    CREATE TRIGGER row_counts_sentences_insert AFTER INSERT ON sentences BEGIN
        UPDATE row_counts SET n = n + 1 WHERE name = 'sentences';
    END;
    CREATE TRIGGER row_counts_sentences_delete AFTER DELETE ON sentences BEGIN
        UPDATE row_counts SET n = n - 1 WHERE name = 'sentences';
    END;
    CREATE TRIGGER row_counts_events_insert AFTER INSERT ON events BEGIN
        UPDATE row_counts SET n = n + 1 WHERE name = 'events';
    END;
    CREATE TRIGGER row_counts_events_delete AFTER DELETE ON events BEGIN
        UPDATE row_counts SET n = n - 1 WHERE name = 'events';
    END;
    CREATE TRIGGER row_counts_mentions_insert AFTER INSERT ON mentions BEGIN
        UPDATE row_counts SET n = n + 1 WHERE name = 'mentions';
    END;
    CREATE TRIGGER row_counts_mentions_delete AFTER DELETE ON mentions BEGIN
        UPDATE row_counts SET n = n - 1 WHERE name = 'mentions';
    END;
    CREATE TRIGGER row_counts_knowledge_insert AFTER INSERT ON knowledge BEGIN
        UPDATE row_counts SET n = n + 1 WHERE name = 'knowledge';
    END;
    CREATE TRIGGER row_counts_knowledge_delete AFTER DELETE ON knowledge BEGIN
        UPDATE row_counts SET n = n - 1 WHERE name = 'knowledge';
    END;

    CREATE INDEX events_by_code ON events(code, day);
    DROP INDEX events_by_target;
    CREATE INDEX events_by_target ON events(target, source, day);
    "#,
    // Version 6: `row_counts` and `actor_counts` are kept by the writer (`crate::counts`),
    // which adds up what a transaction changed and writes the sums at its end, instead of by
    // the triggers of version 5. With a trigger every insert is a statement that writes more
    // than one row, and SQLite gives each such statement a journal of its own (every page it
    // touches copied first), which cost bulk ingest more than the counting.
    r#"
    DROP TRIGGER actor_counts_after_insert;
    DROP TRIGGER actor_counts_after_delete;
    DROP TRIGGER row_counts_documents_insert;
    DROP TRIGGER row_counts_documents_delete;
    DROP TRIGGER row_counts_sentences_insert;
    DROP TRIGGER row_counts_sentences_delete;
    DROP TRIGGER row_counts_events_insert;
    DROP TRIGGER row_counts_events_delete;
    DROP TRIGGER row_counts_mentions_insert;
    DROP TRIGGER row_counts_mentions_delete;
    DROP TRIGGER row_counts_knowledge_insert;
    DROP TRIGGER row_counts_knowledge_delete;
    "#,
    // Version 7: the mentions that say where their event happened, in the order that picks an
    // event's place (its first placed mention: `places.rs`), so the dashboard's map finds each
    // event's place with one index seek instead of reading all its mentions. Partial: only
    // mentions with a place pay for it at ingest.
    r#"
    CREATE INDEX mentions_placed ON mentions(event_id, pub_day, doc_id, sentence, source_start,
        verb_start, target_start, id) WHERE geo IS NOT NULL;
    "#,
    // Version 8: `events_dyad` goes. A dyad series reads `events_dyad_country` whatever the
    // prefixes' lengths (a prefix shorter than three characters is a range of country parts,
    // `Store::dyad_series`), and the unique key `(source, target, code, day)` serves the
    // search filters on a source prefix, so the index only cost ingest a seventh B-tree
    // insert for every new event (and an update for every recount).
    r#"
    DROP INDEX events_dyad;
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
