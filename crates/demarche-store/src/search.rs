//! The full-text index of events (`events_fts`, schema version 5): its row keys, how ingest
//! refreshes it, and how a search text becomes an FTS5 query.
//!
//! One row per event holds the distinct sentences of the event's mentions. Its rowid is the
//! event's **key**, `day << 32 | id`: keys sort like the search results (newest day first,
//! then the highest id), so FTS5 hands out a page of matches newest first without sorting,
//! and a date range is a rowid range. Event ids stay below 2^32 (SQLite gives them out one
//! by one from 1), so the id fits in the low 32 bits.

use crate::Result;
use rusqlite::{Connection, OptionalExtension, params};
use std::collections::{BTreeMap, BTreeSet};

/// Between two sentences of an event's row: U+E000 (private use) between spaces. The
/// tokenizer keeps it as a word of its own, so a phrase cannot run from the end of one
/// sentence into the next, and no search can ask for it ([`fts_phrase`] keeps letters and
/// digits only).
pub(crate) const SEPARATOR: &str = " \u{e000} ";

/// The low 32 bits of a key: the event id.
pub(crate) const ID_MASK: i64 = 0xFFFF_FFFF;

/// The index key of the event `id` on `day` (a `YYYYMMDD` number).
pub(crate) fn key(day: i64, id: i64) -> i64 {
    (day << 32) + id
}

/// The event id of a key.
pub(crate) fn id_of(key: i64) -> i64 {
    key & ID_MASK
}

/// The range of keys of events from day `from` to day `to`, inclusive (unbounded sides are
/// the whole range).
pub(crate) fn key_range(from: Option<i64>, to: Option<i64>) -> (i64, i64) {
    (
        from.map_or(i64::MIN, |d| key(d, 0)),
        to.map_or(i64::MAX, |d| key(d, ID_MASK)),
    )
}

/// Rewrites the index rows of the events a transaction wrote: `fresh` are new to the store in
/// this transaction (they have no row yet), with their day and the text their mentions give (the distinct
/// sentences joined by [`SEPARATOR`], as the writer had them at hand); `touched` were stored
/// before and gained or lost mentions (their old row goes, their text is read from the
/// store, as is that of a fresh event touched again later in the transaction). A new row is
/// written for every event that has a mention with a sentence. Ingest calls this once per transaction, before the events' counts are
/// recomputed and events left without mentions are deleted, so the index never holds an event
/// twice or a stale text. Idempotent: refreshing an unchanged event writes the same row again.
///
/// `since`, when given, is the id of the transaction's first mention, all mentions from it on
/// being the transaction's own and none of the event's older ones removed (the writer gives
/// none when the transaction removed a mention). A stored event none of whose new mentions
/// brings a sentence its older mentions lack (the same sentence reported again, as in copies of
/// one wire story) keeps its row as it is: its text is unchanged. Rewriting it would cost a
/// delete, whose tombstone FTS5 counts as a page of merge work, and an insert.
///
/// Written for speed in bulk: FTS5 keeps a transaction's new rows in memory and writes them as
/// one segment when the transaction (or the next statement that opens a savepoint) ends, but
/// only while the rowids it is given grow: a rowid below the last one written, a delete or an
/// insert, makes it write out what it holds as a segment of its own, to be merged later. Keys
/// lead with the day and a batch's events have every day, so the rows are written here in
/// key order, each old row deleted just before its new one.
pub(crate) fn refresh(
    conn: &Connection,
    touched: &BTreeSet<i64>,
    fresh: BTreeMap<i64, (i64, String)>,
    since: Option<i64>,
) -> Result<()> {
    let mut find = conn.prepare_cached("SELECT day FROM events WHERE id = ?1")?;
    // Whether a mention of the event from `since` on has a sentence that no older mention of
    // it has.
    let mut brings_new = conn.prepare_cached(
        "SELECT EXISTS (SELECT 1 FROM mentions m \
           JOIN sentences s ON s.doc_id = m.doc_id AND s.idx = m.sentence \
           WHERE m.event_id = ?1 AND m.id >= ?2 AND NOT EXISTS ( \
             SELECT 1 FROM mentions o \
             JOIN sentences t ON t.doc_id = o.doc_id AND t.idx = o.sentence \
             WHERE o.event_id = ?1 AND o.id < ?2 AND t.text = s.text))",
    )?;
    let mut text_of = conn.prepare_cached(
        "SELECT group_concat(text, ?2) FROM ( \
           SELECT DISTINCT s.text FROM mentions m \
           JOIN sentences s ON s.doc_id = m.doc_id AND s.idx = m.sentence \
           WHERE m.event_id = ?1)",
    )?;
    // Each event's key, whether it may have a row already, and its new text.
    let mut rows: Vec<(i64, bool, Option<String>)> =
        Vec::with_capacity(touched.len() + fresh.len());
    for &id in touched {
        let old = !fresh.contains_key(&id);
        if old
            && let Some(since) = since
            && !brings_new.query_row([id, since], |r| r.get::<_, bool>(0))?
        {
            continue;
        }
        let Some(day) = find.query_row([id], |r| r.get::<_, i64>(0)).optional()? else {
            continue;
        };
        let text: Option<String> = text_of.query_row(params![id, SEPARATOR], |r| r.get(0))?;
        if old || text.is_some() {
            rows.push((key(day, id), old, text));
        }
    }
    for (id, (day, text)) in fresh {
        if !touched.contains(&id) && !text.is_empty() {
            rows.push((key(day, id), false, Some(text)));
        }
    }
    rows.sort_unstable_by_key(|r| r.0);
    let mut delete = conn.prepare_cached("DELETE FROM events_fts WHERE rowid = ?1")?;
    let mut insert = conn.prepare_cached("INSERT INTO events_fts (rowid, text) VALUES (?1, ?2)")?;
    for (k, old, text) in rows {
        if old {
            delete.execute([k])?;
        }
        if let Some(text) = text {
            insert.execute(params![k, text])?;
        }
    }
    Ok(())
}

/// Most words a prefix may stand for (itself included) before the search leaves the
/// expansion to FTS5.
const MAX_EXPANSION: usize = 32;

/// The FTS5 query for a search text, or `None` when the text has no word. The text's words
/// (runs of letters and digits) form one phrase, so that "on usa" finds those two words in
/// that order within one sentence. The last word also stands for every longer word it begins
/// when it has three characters or more, so that "sanct" finds "sanctions" while a filter is
/// being typed (shorter prefixes would stand for too many words).
///
/// FTS5 answers a prefix by merging the posting lists of every word it begins, in full, before
/// reading any of them, even when a date range asks for a sliver: "said*" would cost as much
/// as reading every "said" in the store, for every search. So the prefix is expanded here
/// instead, from the index's own vocabulary (`events_fts_vocab`): the word and the longer
/// words it begins, up to [`MAX_EXPANSION`] of them, become phrases joined by OR, which FTS5
/// reads lazily and seeks by rowid. A prefix that begins more words, or has letters other than
/// ASCII (whose folding, diacritics removed, is the tokenizer's business), goes to FTS5 as a
/// prefix. Only letters, digits, spaces, quotes and `OR` reach FTS5, so no character of the
/// text can act as query syntax.
pub(crate) fn fts_query(conn: &Connection, text: &str) -> Result<Option<String>> {
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let Some((last, head)) = words.split_last() else {
        return Ok(None);
    };
    let phrase = |word: &str| -> String {
        if head.is_empty() {
            format!("\"{word}\"")
        } else {
            format!("\"{} {word}\"", head.join(" "))
        }
    };
    if last.chars().count() < 3 {
        return Ok(Some(phrase(last)));
    }
    if last.is_ascii() {
        // Terms are lower case; every term that starts with `word` and is longer sorts in
        // (word, word + U+10FFFF). The vocabulary reads the posting list of each term it
        // returns (it counts them), so the word itself, which may be the commonest of the
        // store, is left out of that range and added to the phrases as it is: a word that is
        // not in the index matches nothing.
        // (`term > word` would still read the word's own list to step past it, so the range
        // starts just after it, at the word and U+0001, which no term has.)
        let word = last.to_ascii_lowercase();
        let after = format!("{word}\u{1}");
        let hi = format!("{word}\u{10FFFF}");
        let mut stmt = conn.prepare_cached(
            "SELECT term FROM events_fts_vocab WHERE term >= ?1 AND term < ?2 ORDER BY term LIMIT ?3",
        )?;
        let mut terms = stmt
            .query_map(params![after, hi, MAX_EXPANSION as i64], |r| {
                r.get::<_, String>(0)
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        if terms.len() < MAX_EXPANSION {
            terms.insert(0, word);
            let alternatives: Vec<String> = terms.iter().map(|t| phrase(t)).collect();
            return Ok(Some(alternatives.join(" OR ")));
        }
    }
    Ok(Some(format!("{}*", phrase(last))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_sort_like_newest_first_and_give_back_the_id() {
        let a = key(20210105, 7);
        let b = key(20210105, 9);
        let c = key(20210106, 1);
        assert!(a < b && b < c);
        assert_eq!(id_of(b), 9);
        assert_eq!(id_of(key(20991231, ID_MASK)), ID_MASK);
        let (lo, hi) = key_range(Some(20210105), Some(20210105));
        assert!(lo <= a && b <= hi && c > hi);
        assert_eq!(key_range(None, None), (i64::MIN, i64::MAX));
        // Days before year 0 are negative numbers; their keys still sort by day.
        assert!(key(-5_000_101, 3) < key(101, 1));
    }

    fn index(texts: &[&str]) -> Connection {
        let conn = Connection::open_in_memory().expect("db");
        conn.execute_batch(
            "CREATE VIRTUAL TABLE events_fts USING fts5(text, content = '', contentless_delete = 1, \
               tokenize = 'unicode61 remove_diacritics 2');
             CREATE VIRTUAL TABLE events_fts_vocab USING fts5vocab(events_fts, row);",
        )
        .expect("schema");
        for (i, t) in texts.iter().enumerate() {
            conn.execute(
                "INSERT INTO events_fts (rowid, text) VALUES (?1, ?2)",
                params![i as i64 + 1, t],
            )
            .expect("row");
        }
        conn
    }

    #[test]
    fn search_text_becomes_a_quoted_phrase_with_the_prefix_expanded() {
        let conn = index(&[
            "Sanctions were imposed on USA firms.",
            "The sanctioned banks protested.",
            "Talks on usage rights.",
            "Zürich hosted talks.",
        ]);
        let q = |text: &str| fts_query(&conn, text).expect("query");
        assert_eq!(q("on us").as_deref(), Some("\"on us\""));
        assert_eq!(q("on usa").as_deref(), Some("\"on usa\" OR \"on usage\""));
        assert_eq!(
            q("  SANCTION!! ").as_deref(),
            Some("\"sanction\" OR \"sanctioned\" OR \"sanctions\"")
        );
        // Syntax characters are not words; quotes cannot be smuggled in.
        assert_eq!(
            q("a\" OR b* NEAR(c) tal").as_deref(),
            Some("\"a OR b NEAR c tal\" OR \"a OR b NEAR c talks\"")
        );
        // A prefix no word begins: the word as it is, which matches nothing.
        assert_eq!(q("qqq").as_deref(), Some("\"qqq\""));
        // Not ASCII: left to FTS5, which folds it as it folded the text.
        assert_eq!(q("Züri").as_deref(), Some("\"Züri\"*"));
        assert_eq!(q("% - \""), None);
        assert_eq!(q(""), None);
        let matches = |text: &str| -> Vec<i64> {
            let Some(query) = q(text) else {
                return Vec::new();
            };
            let mut stmt = conn
                .prepare("SELECT rowid FROM events_fts WHERE events_fts MATCH ?1 ORDER BY rowid")
                .expect("stmt");
            stmt.query_map([query], |r| r.get(0))
                .expect("rows")
                .collect::<rusqlite::Result<Vec<i64>>>()
                .expect("ids")
        };
        assert_eq!(matches("sanction"), vec![1, 2]);
        assert_eq!(matches("on usa"), vec![1, 3]);
        assert_eq!(matches("Züri"), vec![4]);
        assert_eq!(matches("zurich"), vec![4]);
        assert_eq!(matches("talks on"), vec![3]);
        assert_eq!(matches("firms talks"), Vec::<i64>::new());
    }

    #[test]
    fn a_prefix_of_many_words_is_left_to_fts5() {
        let texts: Vec<String> = (0..40).map(|i| format!("word{i:02}")).collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let conn = index(&refs);
        assert_eq!(
            fts_query(&conn, "word").expect("query").as_deref(),
            Some("\"word\"*")
        );
        let expected: Vec<String> = std::iter::once("\"word3\"".to_string())
            .chain((0..10).map(|i| format!("\"word3{i}\"")))
            .collect();
        assert_eq!(
            fts_query(&conn, "word3").expect("query"),
            Some(expected.join(" OR "))
        );
    }
}
