//! The counts that `Store::stats` and `Store::actors` read instead of counting a million rows:
//! `row_counts` (rows of each table) and `actor_counts` (events per actor code, an event
//! counted once for its source and once for its target when that differs).
//!
//! The writer keeps them (schema version 6; version 5 had triggers do it): ingest notes what
//! each of its statements added or removed in a [`Counts`] and writes the sums once, at the
//! end of the same transaction, so they commit or roll back with the rows they count. A
//! trigger made every insert a statement of several writes, and SQLite gives such a statement
//! a journal of its own (each page it touches copied first, in case it fails half-way), which
//! cost bulk ingest more than the counting itself. `Store::integrity_check` recounts both.

use crate::Result;
use rusqlite::{Transaction, params};
use std::collections::BTreeMap;

/// A table whose rows `row_counts` counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Table {
    Documents,
    Sentences,
    Events,
    Mentions,
    Knowledge,
}

impl Table {
    const ALL: [Table; 5] = [
        Table::Documents,
        Table::Sentences,
        Table::Events,
        Table::Mentions,
        Table::Knowledge,
    ];

    /// Its name, which is its row's name in `row_counts`.
    fn name(self) -> &'static str {
        match self {
            Table::Documents => "documents",
            Table::Sentences => "sentences",
            Table::Events => "events",
            Table::Mentions => "mentions",
            Table::Knowledge => "knowledge",
        }
    }
}

/// What one transaction changed in the counts: rows per table, events per actor code.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Counts {
    rows: [i64; 5],
    actors: BTreeMap<String, i64>,
}

impl Counts {
    /// `n` rows written to (negative: deleted from) `table`.
    pub(crate) fn rows(&mut self, table: Table, n: i64) {
        self.rows[table as usize] += n;
    }

    /// An event from `source` to `target` was inserted (`sign` 1) or deleted (`sign` -1): one
    /// row of `events`, and one event for each of its actors (once when they are the same).
    pub(crate) fn event(&mut self, source: &str, target: &str, sign: i64) {
        self.rows(Table::Events, sign);
        self.actor(source, sign);
        if target != source {
            self.actor(target, sign);
        }
    }

    /// Adds `n` to the events of `code` (allocating its name only the first time).
    fn actor(&mut self, code: &str, n: i64) {
        match self.actors.get_mut(code) {
            Some(events) => *events += n,
            None => {
                self.actors.insert(code.to_string(), n);
            }
        }
    }

    /// Adds the sums to `row_counts` and `actor_counts`; an actor left with no event loses its
    /// row, as the version 5 triggers did.
    pub(crate) fn apply(&self, tx: &Transaction<'_>) -> Result<()> {
        let mut rows = tx.prepare_cached("UPDATE row_counts SET n = n + ?2 WHERE name = ?1")?;
        for table in Table::ALL {
            let n = self.rows[table as usize];
            if n != 0 {
                rows.execute(params![table.name(), n])?;
            }
        }
        let mut add = tx.prepare_cached(
            "INSERT INTO actor_counts (code, events) VALUES (?1, ?2) \
             ON CONFLICT (code) DO UPDATE SET events = events + excluded.events",
        )?;
        let mut drop =
            tx.prepare_cached("DELETE FROM actor_counts WHERE code = ?1 AND events <= 0")?;
        for (code, &n) in &self.actors {
            if n == 0 {
                continue;
            }
            add.execute(params![code, n])?;
            if n < 0 {
                drop.execute([code])?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rusqlite::Connection;

    fn db() -> Connection {
        let conn = Connection::open_in_memory().expect("db");
        conn.execute_batch(
            "CREATE TABLE row_counts (name TEXT PRIMARY KEY NOT NULL, n INTEGER NOT NULL);
             INSERT INTO row_counts VALUES ('documents', 2), ('sentences', 0), ('events', 3),
                 ('mentions', 3), ('knowledge', 0);
             CREATE TABLE actor_counts (code TEXT PRIMARY KEY NOT NULL, events INTEGER NOT NULL);
             INSERT INTO actor_counts VALUES ('CHN', 2), ('RUS', 1), ('USA', 1);",
        )
        .expect("schema");
        conn
    }

    fn table(conn: &Connection, sql: &str) -> Vec<(String, i64)> {
        let mut stmt = conn.prepare(sql).expect("stmt");
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .expect("rows")
            .collect::<rusqlite::Result<_>>()
            .expect("rows")
    }

    #[test]
    fn sums_are_added_once_and_actors_without_events_go() {
        let mut conn = db();
        let mut counts = Counts::default();
        counts.rows(Table::Documents, 1);
        counts.rows(Table::Mentions, 4);
        counts.rows(Table::Mentions, -1);
        // A new event CHN -> IRN, one USA -> USA (USA counted once), RUS -> CHN deleted.
        counts.event("CHN", "IRN", 1);
        counts.event("USA", "USA", 1);
        counts.event("RUS", "CHN", -1);
        // Added and deleted in the same transaction: no row for it.
        counts.event("GBR", "GBR", 1);
        counts.event("GBR", "GBR", -1);
        let tx = conn.transaction().expect("tx");
        counts.apply(&tx).expect("apply");
        tx.commit().expect("commit");
        assert_eq!(
            table(&conn, "SELECT name, n FROM row_counts ORDER BY name"),
            [
                ("documents".to_string(), 3),
                ("events".to_string(), 4),
                ("knowledge".to_string(), 0),
                ("mentions".to_string(), 6),
                ("sentences".to_string(), 0),
            ]
        );
        assert_eq!(
            table(&conn, "SELECT code, events FROM actor_counts ORDER BY code"),
            [
                ("CHN".to_string(), 2),
                ("IRN".to_string(), 1),
                ("USA".to_string(), 2),
            ]
        );
    }
}
