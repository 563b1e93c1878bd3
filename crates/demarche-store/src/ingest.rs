//! Writing documents, their events and their knowledge: idempotent by content hash,
//! one transaction per document, batch or group of batches, de-duplicating events by identity
//! (see the crate docs for the rules).
//!
//! A write is two steps. [`Prepared::new`] does what needs no database (hashes, JSON texts,
//! repeated mentions removed) and runs on any thread; [`Store::ingest_prepared`] writes a batch
//! of prepared items in one transaction: per document its row, sentences and knowledge (the
//! place for any further per-document table), then the batch's mentions, with each event new to
//! the store inserted once with its counts and each stored event counted again from its
//! mentions. [`Store::begin_writing`] keeps one transaction open for several batches
//! ([`Writing`]); what touches an event's full-text row and counts is done once, at its commit.

use crate::counts::{Counts, Table};
use crate::types::{IngestItem, IngestOutcome, IngestSummary, day_number};
use crate::{Result, Store, StoreError};
use demarche_model::{Document, Event, Span};
use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};
use sha2::{Digest, Sha256};
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap};

impl Store {
    /// Stores one document with its events and knowledge in one transaction. See the crate docs
    /// for what happens when the id is already stored.
    pub fn ingest(
        &mut self,
        doc: &Document,
        events: &[Event],
        knowledge: Option<&serde_json::Value>,
    ) -> Result<IngestOutcome> {
        let summary = self.ingest_counted(doc, events, knowledge)?;
        Ok(if summary.documents_new > 0 {
            IngestOutcome::New
        } else if summary.documents_replaced > 0 {
            IngestOutcome::Replaced
        } else {
            IngestOutcome::Unchanged
        })
    }

    /// Stores many documents in one transaction (much faster than one by one: one commit for
    /// the batch). Either the whole batch is stored or, if an error occurs, none of it.
    pub fn ingest_batch(&mut self, items: &[IngestItem]) -> Result<IngestSummary> {
        let prepared = items
            .iter()
            .map(Prepared::new)
            .collect::<Result<Vec<_>>>()?;
        self.ingest_prepared(&prepared)
    }

    /// Like [`Store::ingest_batch`], for items prepared beforehand ([`Prepared::new`], on any
    /// thread): the hashes, JSON texts and de-duplication are done, and this only writes.
    ///
    /// Foreign keys are not checked while the batch is written (they are switched back on
    /// after it, whatever happens): the writer inserts every parent row before its children, so
    /// the checks would only repeat lookups (the tests run `PRAGMA foreign_key_check` after
    /// ingests).
    pub fn ingest_prepared(&mut self, items: &[Prepared<'_>]) -> Result<IngestSummary> {
        let mut writing = self.begin_writing()?;
        let summary = writing.write(items)?;
        writing.commit()?;
        Ok(summary)
    }

    /// Starts one transaction that several batches go into ([`Writing::write`]), made
    /// durable together by [`Writing::commit`] (dropped without it, everything written in it
    /// is rolled back). A bulk writer commits every second or so instead of every batch:
    /// each commit writes every page it changed to the log, and the index pages of the
    /// events change in nearly every batch, so fewer commits write each page fewer times.
    /// The store is locked for other writers until the commit.
    ///
    /// Foreign keys are not checked while the transaction is open (they are switched back on
    /// when it ends, whatever happens): the writer inserts every parent row before its
    /// children, so the checks would only repeat lookups (the tests run `PRAGMA
    /// foreign_key_check` after ingests).
    pub fn begin_writing(&mut self) -> Result<Writing<'_>> {
        self.conn.pragma_update(None, "foreign_keys", "OFF")?;
        match Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate) {
            Ok(tx) => Ok(Writing {
                conn: &self.conn,
                tx: Some(tx),
                documents: 0,
                pending: Pending::default(),
            }),
            Err(e) => {
                self.conn.pragma_update(None, "foreign_keys", "ON")?;
                Err(e.into())
            }
        }
    }

    /// How many WAL pages a commit may leave before this connection checkpoints them into the
    /// database itself (SQLite's default is 1,000; 0 never). A bulk writer sets 0 and lets
    /// another connection checkpoint ([`Store::checkpoint`]), so that the checkpoints' syncs
    /// do not stall it.
    pub fn set_auto_checkpoint(&self, pages: u32) -> Result<()> {
        self.conn
            .query_row(&format!("PRAGMA wal_autocheckpoint = {pages}"), [], |_| {
                Ok(())
            })?;
        Ok(())
    }

    /// Like [`Store::ingest`] but also returns how many mentions and new events were written.
    pub fn ingest_counted(
        &mut self,
        doc: &Document,
        events: &[Event],
        knowledge: Option<&serde_json::Value>,
    ) -> Result<IngestSummary> {
        let item = Prepared::from_parts(
            Cow::Borrowed(doc),
            Cow::Borrowed(events),
            knowledge.map(serde_json::to_string).transpose()?,
        )?;
        self.ingest_prepared(std::slice::from_ref(&item))
    }
}

/// An open write transaction of a [`Store`] ([`Store::begin_writing`]): batches written into
/// it become visible to readers and durable together, at [`Writing::commit`]; dropped
/// uncommitted, it rolls back, and a killed process leaves the store as before it began.
pub struct Writing<'s> {
    conn: &'s rusqlite::Connection,
    /// `None` once committed.
    tx: Option<Transaction<'s>>,
    documents: usize,
    /// What the batches written so far leave for the commit.
    pending: Pending,
}

/// What a transaction's batches leave to do once, at its commit ([`Pending::finish`]): the
/// full-text rows of the events they wrote, the counts of the stored events they touched, and
/// the sums of what they added and removed. Done per transaction instead of per batch, an
/// event mentioned in several batches is counted and indexed once, and FTS5 writes one segment
/// per transaction.
#[derive(Default)]
struct Pending {
    /// Stored events whose mentions changed: counted again at the end.
    touched: BTreeSet<i64>,
    /// Events new to the store, with their day and the text of their full-text row.
    fresh: BTreeMap<i64, (i64, String)>,
    counts: Counts,
    /// The id of the first mention this transaction wrote: the mentions from it on are this
    /// transaction's (ids are given out one above the largest), unless it removed mentions.
    first_mention: Option<i64>,
    /// Whether the transaction removed a document's mentions (a replaced document).
    removed: bool,
}

impl Pending {
    /// Rewrites the full-text rows of the events written ([`crate::search::refresh`]), counts
    /// the stored events again (deleting those left without mentions) and adds up the rows and
    /// events added or removed ([`Counts`]). The full-text rows go first: a deleted event's old
    /// row is removed by its key, which needs the event's day.
    fn finish(self, tx: &Transaction<'_>) -> Result<()> {
        let Pending {
            touched,
            fresh,
            mut counts,
            first_mention,
            removed,
        } = self;
        // With nothing removed, the mentions written here are those from the first one on, and
        // a stored event whose new mentions bring no sentence it lacked keeps its row.
        let since = first_mention.filter(|_| !removed);
        crate::search::refresh(tx, &touched, fresh, since)?;
        recount(tx, &touched, removed, &mut counts)?;
        counts.apply(tx)
    }
}

impl Writing<'_> {
    /// Writes a batch of prepared items (see [`Store::ingest_prepared`]). If it fails, the
    /// whole transaction is rolled back when this is dropped.
    pub fn write(&mut self, items: &[Prepared<'_>]) -> Result<IngestSummary> {
        let tx = self
            .tx
            .as_ref()
            .ok_or_else(|| StoreError::InvalidQuery("the transaction has ended".into()))?;
        let summary = write_batch(tx, items, &mut self.pending)?;
        self.documents += items.len();
        Ok(summary)
    }

    /// Documents written in this transaction so far (unchanged ones included).
    pub fn documents(&self) -> usize {
        self.documents
    }

    /// Commits everything written.
    pub fn commit(mut self) -> Result<()> {
        if let Some(tx) = self.tx.take() {
            std::mem::take(&mut self.pending).finish(&tx)?;
            tx.commit()?;
        }
        Ok(())
    }
}

impl Drop for Writing<'_> {
    fn drop(&mut self) {
        // An uncommitted transaction rolls back as it is dropped, before the checks return.
        drop(self.tx.take());
        let _ = self.conn.pragma_update(None, "foreign_keys", "ON");
    }
}

impl std::fmt::Debug for Writing<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Writing")
            .field("open", &self.tx.is_some())
            .field("documents", &self.documents)
            .finish()
    }
}

/// One document with its events and knowledge, with everything that needs no database done:
/// the content and coding hashes, the knowledge and per-mention JSON texts, exact repeats of a
/// mention removed. Preparing is the costly part of a write that is not SQL, so a pipeline
/// prepares on its worker threads and leaves the single writer ([`Store::ingest_prepared`])
/// only the statements.
#[derive(Debug)]
pub struct Prepared<'a> {
    document: Cow<'a, Document>,
    events: Cow<'a, [Event]>,
    knowledge: Option<String>,
    content_hash: String,
    coding_hash: String,
    /// The sentences the events come from: index, the event whose `sentence_text` it is, and
    /// the span of that text in the document.
    sentences: Vec<(usize, usize, Option<Span>)>,
    /// Each mention to write: the event's index, its `rules` and `geo` columns.
    mentions: Vec<(usize, String, Option<String>)>,
}

impl<'a> Prepared<'a> {
    /// Prepares a borrowed item (see [`Prepared`]).
    pub fn new(item: &'a IngestItem) -> Result<Prepared<'a>> {
        Prepared::from_parts(
            Cow::Borrowed(&item.document),
            Cow::Borrowed(&item.events),
            item.knowledge
                .as_ref()
                .map(serde_json::to_string)
                .transpose()?,
        )
    }

    /// Prepares a document, its events and its knowledge as JSON text (written straight from
    /// the extractor's types, with no `serde_json::Value` in between), keeping them, for
    /// handing to another thread.
    pub fn owned(
        document: Document,
        events: Vec<Event>,
        knowledge_json: Option<String>,
    ) -> Result<Prepared<'static>> {
        Prepared::from_parts(Cow::Owned(document), Cow::Owned(events), knowledge_json)
    }

    fn from_parts(
        document: Cow<'a, Document>,
        events: Cow<'a, [Event]>,
        knowledge: Option<String>,
    ) -> Result<Prepared<'a>> {
        if let Some(e) = events.iter().find(|e| e.doc_id != document.id) {
            return Err(StoreError::DocumentMismatch {
                doc: document.id.clone(),
                event_doc: e.doc_id.clone(),
            });
        }
        let content_hash = content_hash(&document)?;
        let coding_hash = coding_hash(&events, knowledge.as_deref());
        // Sentences come from the events' sentence texts (the store does not segment text);
        // the first text given for an index wins.
        let mut sentences: BTreeMap<usize, usize> = BTreeMap::new();
        for (i, e) in events.iter().enumerate() {
            if !e.sentence_text.is_empty() {
                sentences.entry(e.sentence).or_insert(i);
            }
        }
        // Each sentence is looked for after the one before (sentences come in text order), so
        // that finding them all reads the document about once, not once per sentence; one not
        // found there is looked for from the start.
        let mut from = 0;
        let sentences = sentences
            .into_iter()
            .map(|(idx, i)| {
                let text = events[i].sentence_text.as_str();
                let after = document.text.get(from..).and_then(|rest| rest.find(text));
                let start = after.map(|p| p + from).or_else(|| document.text.find(text));
                let span = start.map(|start| Span::new(start, start + text.len()));
                if let Some(span) = span {
                    from = span.end;
                }
                (idx, i, span)
            })
            .collect();
        // The same record twice in one document (same event, sentence, spans and texts) is one
        // mention.
        let mut seen = BTreeSet::new();
        let mut mentions = Vec::with_capacity(events.len());
        for (i, e) in events.iter().enumerate() {
            let key = (
                (
                    &e.source,
                    &e.target,
                    &e.code,
                    day_number(e.event_date.unwrap_or(e.date)),
                ),
                e.sentence,
                (
                    e.evidence.source_span,
                    e.evidence.target_span,
                    e.evidence.verb_span,
                ),
                (&e.source_text, &e.target_text, &e.verb_text),
            );
            if !seen.insert(key) {
                continue;
            }
            let geo = e
                .action_geo
                .as_ref()
                .map(|g| serde_json::to_string(&(g, &e.geo_source)))
                .transpose()?;
            mentions.push((i, serde_json::to_string(&e.evidence.rules)?, geo));
        }
        Ok(Prepared {
            document,
            events,
            knowledge,
            content_hash,
            coding_hash,
            sentences,
            mentions,
        })
    }

    pub fn document(&self) -> &Document {
        &self.document
    }

    /// The text stored for the document's sentence `idx` (see `sentences`), if any.
    fn sentence_text(&self, idx: usize) -> Option<&str> {
        let k = self
            .sentences
            .binary_search_by_key(&idx, |&(i, _, _)| i)
            .ok()?;
        Some(self.events[self.sentences[k].1].sentence_text.as_str())
    }
}

fn hex(digest: impl IntoIterator<Item = u8>) -> String {
    let mut out = String::with_capacity(64);
    for b in digest {
        out.push_str(&format!("{b:02x}"));
    }
    out
}

/// The hash of the document record alone.
pub(crate) fn content_hash(doc: &Document) -> Result<String> {
    let mut w = HashWriter(Sha256::new());
    serde_json::to_writer(&mut w, doc)?;
    Ok(hex(w.0.finalize()))
}

/// SHA-256 fed as JSON is written, without holding the text.
struct HashWriter(Sha256);

impl std::io::Write for HashWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.update(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The hash of what was coded: every field of every event (fed to the hash without writing
/// JSON, see `digest`) and the knowledge's JSON text.
fn coding_hash(events: &[Event], knowledge: Option<&str>) -> String {
    let mut h = Sha256::new();
    crate::digest::feed(&mut h, events);
    crate::digest::feed(&mut h, &knowledge);
    hex(h.finalize())
}

/// Goldstein scores are given to one decimal; going through the shortest decimal form keeps
/// `3.4f32` as `3.4` in the database instead of `3.4000000953674316`.
pub(crate) fn goldstein_f64(g: f32) -> f64 {
    // A score of tenths is the f32 nearest some k / 10, whose shortest form is k / 10 itself:
    // the f64 nearest it, without formatting (the writer does this for every event).
    let tenths = (f64::from(g) * 10.0).round();
    if tenths.abs() < 1e6 && (tenths / 10.0) as f32 == g {
        return tenths / 10.0;
    }
    format!("{g}").parse().unwrap_or(f64::from(g))
}

fn span_cols(span: Option<Span>) -> (Option<i64>, Option<i64>) {
    match span {
        Some(s) => (i64::try_from(s.start).ok(), i64::try_from(s.end).ok()),
        None => (None, None),
    }
}

/// An event's identity (see the crate docs): source, target, code, day.
type EventKey<'e> = (&'e str, &'e str, &'e str, i64);

/// What a batch knows of an event before it is written: its first mention (for the event's own
/// columns) and the counts its mentions in the batch give.
struct NewEvent<'e> {
    first: &'e Event,
    mentions: i64,
    articles: BTreeSet<&'e str>,
    sources: BTreeSet<(bool, &'e str)>,
    /// The distinct stored sentences of its mentions here, in order of first mention.
    sentences: Vec<&'e str>,
}

/// Writes a batch inside `tx`: documents one by one (what they replace removed first), then
/// their mentions; events new to the store are inserted once with their counts, events already
/// stored are noted to be counted again. What the events written need besides (their
/// full-text rows, the counts of the stored ones, the sums of rows and events added or
/// removed) goes to `pending`, done once per transaction at its commit ([`Pending::finish`]).
fn write_batch(
    tx: &Transaction<'_>,
    items: &[Prepared<'_>],
    pending: &mut Pending,
) -> Result<IngestSummary> {
    let mut summary = IngestSummary::default();
    // Documents written whose mentions wait for their events.
    let mut waiting: Vec<&Prepared<'_>> = Vec::new();
    let mut waiting_ids: BTreeSet<&str> = BTreeSet::new();
    for item in items {
        let doc = &*item.document;
        // The same id twice in one batch: the first one's mentions go in before the second
        // is compared with it.
        if waiting_ids.contains(doc.id.as_str()) {
            write_mentions(tx, &waiting, pending, &mut summary)?;
            waiting.clear();
            waiting_ids.clear();
        }
        // Most documents are new: try the insert first, and look at the stored one only when
        // the id is taken.
        let outcome = if insert_document(tx, item, &mut pending.counts)? {
            IngestOutcome::New
        } else {
            let (c, k): (String, String) = tx
                .prepare_cached("SELECT content_hash, coding_hash FROM documents WHERE id = ?1")?
                .query_row([&doc.id], |r| Ok((r.get(0)?, r.get(1)?)))?;
            if c == item.content_hash && k == item.coding_hash {
                summary.add(IngestOutcome::Unchanged);
                continue;
            }
            remove_document(tx, &doc.id, &mut pending.touched, &mut pending.counts)?;
            pending.removed = true;
            if !insert_document(tx, item, &mut pending.counts)? {
                return Err(StoreError::InvalidQuery(format!(
                    "document `{}` is still stored after its removal",
                    doc.id
                )));
            }
            IngestOutcome::Replaced
        };
        write_document(tx, item, &mut pending.counts)?;
        summary.add(outcome);
        waiting.push(item);
        waiting_ids.insert(&doc.id);
    }
    write_mentions(tx, &waiting, pending, &mut summary)?;
    Ok(summary)
}

/// Inserts the document's row unless its id is stored; whether it did.
fn insert_document(tx: &Transaction<'_>, item: &Prepared<'_>, counts: &mut Counts) -> Result<bool> {
    let doc = &*item.document;
    let inserted = tx
        .prepare_cached(
            "INSERT INTO documents (id, content_hash, coding_hash, date, title, source, url, text) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (id) DO NOTHING",
        )?
        .execute(params![
            doc.id,
            item.content_hash,
            item.coding_hash,
            doc.date.map(day_number),
            doc.title,
            doc.source,
            doc.url,
            doc.text
        ])?;
    counts.rows(Table::Documents, inserted as i64);
    Ok(inserted > 0)
}

/// The rows of one document besides its own row and its mentions: its sentences and its
/// knowledge (a further per-document table goes here too).
fn write_document(tx: &Transaction<'_>, item: &Prepared<'_>, counts: &mut Counts) -> Result<()> {
    let doc = &*item.document;
    if !item.sentences.is_empty() {
        let mut insert = tx.prepare_cached(
            "INSERT INTO sentences (doc_id, idx, text, start_byte, end_byte) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        for &(idx, i, span) in &item.sentences {
            let (start, end) = span_cols(span);
            let text = &item.events[i].sentence_text;
            insert.execute(params![doc.id, idx_i64(idx)?, text, start, end])?;
        }
        counts.rows(Table::Sentences, item.sentences.len() as i64);
    }
    if let Some(k) = &item.knowledge {
        tx.prepare_cached("INSERT INTO knowledge (doc_id, json) VALUES (?1, ?2)")?
            .execute(params![doc.id, k])?;
        counts.rows(Table::Knowledge, 1);
    }
    Ok(())
}

/// Writes the mentions of `docs`: each event found in the store (and then counted again at the
/// end), or inserted, in order of first mention, with the counts its mentions here give.
fn write_mentions<'e>(
    tx: &Transaction<'_>,
    docs: &[&'e Prepared<'_>],
    pending: &mut Pending,
    summary: &mut IngestSummary,
) -> Result<()> {
    let Pending {
        touched,
        fresh,
        counts,
        first_mention,
        ..
    } = pending;
    // Every event of these mentions, in order of first mention, with what its mentions here
    // count; and for each mention (in order), its event's place in that list.
    let mut events: Vec<(EventKey<'e>, NewEvent<'e>)> = Vec::new();
    let mut index: HashMap<EventKey<'e>, usize> = HashMap::new();
    let mut of_mention: Vec<usize> = Vec::new();
    for item in docs {
        let doc = &*item.document;
        for &(i, _, _) in &item.mentions {
            let e = &item.events[i];
            let key = event_key(e);
            let n = *index.entry(key).or_insert_with(|| {
                events.push((
                    key,
                    NewEvent {
                        first: e,
                        mentions: 0,
                        articles: BTreeSet::new(),
                        sources: BTreeSet::new(),
                        sentences: Vec::new(),
                    },
                ));
                events.len() - 1
            });
            of_mention.push(n);
            let ev = &mut events[n].1;
            ev.mentions += 1;
            ev.articles.insert(&doc.id);
            ev.sources.insert(source_key(doc));
            if let Some(text) = item.sentence_text(e.sentence)
                && !ev.sentences.contains(&text)
            {
                ev.sentences.push(text);
            }
        }
    }
    // An event new to the store goes in with these counts (and its full-text row's text, the
    // distinct sentences of its mentions); a stored one keeps its row and is counted again
    // from all its mentions at the end of the batch.
    let mut ids: Vec<i64> = Vec::with_capacity(events.len());
    {
        let mut insert_event = tx.prepare_cached(
            "INSERT INTO events (source, target, code, day, root, quad_class, goldstein, plover, \
             num_mentions, num_sources, num_articles) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) \
             ON CONFLICT (source, target, code, day) DO NOTHING",
        )?;
        let mut find = tx.prepare_cached(
            "SELECT id FROM events WHERE source = ?1 AND target = ?2 AND code = ?3 AND day = ?4",
        )?;
        for (key, ev) in &events {
            let e = ev.first;
            let inserted = insert_event.execute(params![
                key.0,
                key.1,
                key.2,
                key.3,
                e.root,
                e.quad_class,
                goldstein_f64(e.goldstein),
                e.plover,
                ev.mentions,
                ev.sources.len() as i64,
                ev.articles.len() as i64
            ])?;
            let id = if inserted > 0 {
                summary.events_new += 1;
                counts.event(key.0, key.1, 1);
                let id = tx.last_insert_rowid();
                fresh.insert(id, (key.3, ev.sentences.join(crate::search::SEPARATOR)));
                id
            } else {
                let id: i64 = find.query_row(params![key.0, key.1, key.2, key.3], |r| r.get(0))?;
                touched.insert(id);
                id
            };
            ids.push(id);
        }
    }
    let mut insert_mention = tx.prepare_cached(
        "INSERT INTO mentions (event_id, doc_id, sentence, pub_day, event_day, source_text, \
         target_text, verb_text, source_start, source_end, target_start, target_end, \
         verb_start, verb_end, rules, geo) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
    )?;
    let mut event_of = of_mention.into_iter().map(|n| ids[n]);
    for item in docs {
        let doc = &*item.document;
        for (i, rules, geo) in &item.mentions {
            let e = &item.events[*i];
            let Some(event_id) = event_of.next() else {
                break;
            };
            let (ss, se) = span_cols(e.evidence.source_span);
            let (ts, te) = span_cols(e.evidence.target_span);
            let (vs, ve) = span_cols(e.evidence.verb_span);
            insert_mention.execute(params![
                event_id,
                doc.id,
                idx_i64(e.sentence)?,
                day_number(e.date),
                e.event_date.map(day_number),
                e.source_text,
                e.target_text,
                e.verb_text,
                ss,
                se,
                ts,
                te,
                vs,
                ve,
                rules,
                geo
            ])?;
            first_mention.get_or_insert_with(|| tx.last_insert_rowid());
            summary.mentions += 1;
            counts.rows(Table::Mentions, 1);
        }
    }
    Ok(())
}

fn event_key(e: &Event) -> EventKey<'_> {
    (
        &e.source,
        &e.target,
        &e.code,
        day_number(e.event_date.unwrap_or(e.date)),
    )
}

/// What tells sources apart in `num_sources`: the outlet, else the document itself (the
/// recount query's `COALESCE('s:' || source, 'd:' || id)`).
fn source_key(doc: &Document) -> (bool, &str) {
    match &doc.source {
        Some(s) => (true, s.as_str()),
        None => (false, doc.id.as_str()),
    }
}

fn idx_i64(i: usize) -> Result<i64> {
    i64::try_from(i).map_err(|_| StoreError::InvalidQuery(format!("sentence index {i} too large")))
}

/// Deletes a document and everything hanging off it; the events it supported go to `touched`.
fn remove_document(
    tx: &Transaction<'_>,
    id: &str,
    touched: &mut BTreeSet<i64>,
    counts: &mut Counts,
) -> Result<()> {
    {
        let mut stmt =
            tx.prepare_cached("SELECT DISTINCT event_id FROM mentions WHERE doc_id = ?1")?;
        let ids = stmt.query_map([id], |r| r.get::<_, i64>(0))?;
        for event_id in ids {
            touched.insert(event_id?);
        }
    }
    for (table, sql) in [
        (Table::Mentions, "DELETE FROM mentions WHERE doc_id = ?1"),
        (Table::Sentences, "DELETE FROM sentences WHERE doc_id = ?1"),
        (Table::Knowledge, "DELETE FROM knowledge WHERE doc_id = ?1"),
        (Table::Documents, "DELETE FROM documents WHERE id = ?1"),
    ] {
        let deleted = tx.prepare_cached(sql)?.execute([id])?;
        counts.rows(table, -(deleted as i64));
    }
    Ok(())
}

/// Recomputes GDELT-style counts of the given events from their mentions, and, when the
/// transaction `removed` mentions (only then can an event have none left), deletes events
/// that no mention supports any more (their full-text rows are gone already: see
/// [`write_batch`]).
fn recount(
    tx: &Transaction<'_>,
    events: &BTreeSet<i64>,
    removed: bool,
    counts: &mut Counts,
) -> Result<()> {
    // One pass over the event's mentions (every mention has its document) for all three.
    let mut update = tx.prepare_cached(
        "UPDATE events SET (num_mentions, num_articles, num_sources) = ( \
           SELECT count(*), count(DISTINCT m.doc_id), \
                  count(DISTINCT COALESCE('s:' || d.source, 'd:' || d.id)) \
           FROM mentions m JOIN documents d ON d.id = m.doc_id WHERE m.event_id = ?1) \
         WHERE id = ?1",
    )?;
    let mut unsupported =
        tx.prepare_cached("SELECT source, target FROM events WHERE id = ?1 AND num_mentions = 0")?;
    let mut delete = tx.prepare_cached("DELETE FROM events WHERE id = ?1")?;
    for &id in events {
        update.execute([id])?;
        if !removed {
            continue;
        }
        let gone: Option<(String, String)> = unsupported
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        if let Some((source, target)) = gone {
            delete.execute([id])?;
            counts.event(&source, &target, -1);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use demarche_model::Evidence;

    fn event(sentence: usize, text: &str) -> Event {
        Event {
            doc_id: "d".into(),
            sentence,
            date: demarche_model::parse_date("2021-11-20").expect("date"),
            event_date: None,
            source: "CHN".into(),
            target: "RUS".into(),
            code: "051".into(),
            root: String::new(),
            quad_class: 0,
            goldstein: 0.0,
            plover: None,
            source_text: String::new(),
            target_text: String::new(),
            verb_text: String::new(),
            sentence_text: text.into(),
            evidence: Evidence::default(),
            action_geo: None,
            geo_source: None,
        }
    }

    #[test]
    fn goldstein_scores_keep_their_shortest_decimal_form() {
        let shortest = |g: f32| -> f64 { format!("{g}").parse().expect("number") };
        for k in -100..=100 {
            let g = k as f32 / 10.0;
            assert_eq!(goldstein_f64(g).to_bits(), shortest(g).to_bits(), "{g}");
        }
        for g in [1.25f32, -7.125, 0.3333, -0.0, 1e7 + 0.5, f32::MAX] {
            assert_eq!(goldstein_f64(g).to_bits(), shortest(g).to_bits(), "{g}");
        }
        assert_eq!(goldstein_f64(3.4), 3.4);
    }

    #[test]
    fn sentences_are_found_in_order_and_a_repeated_one_where_it_is() {
        let text = "China praised Russia. Talks went on. China praised Russia.";
        let doc = Document {
            id: "d".into(),
            text: text.into(),
            ..Default::default()
        };
        let events = vec![
            event(0, "China praised Russia."),
            event(1, "Talks went on."),
            event(2, "China praised Russia."),
            event(3, "Not in the text."),
        ];
        let prepared = Prepared::owned(doc, events, None).expect("prepared");
        let spans: Vec<(usize, Option<(usize, usize)>)> = prepared
            .sentences
            .iter()
            .map(|&(idx, _, span)| (idx, span.map(|s| (s.start, s.end))))
            .collect();
        assert_eq!(
            spans,
            [
                (0, Some((0, 21))),
                (1, Some((22, 36))),
                (2, Some((37, 58))),
                (3, None)
            ]
        );
        // A sentence that comes before the previous one in the text is found from the start.
        let doc = Document {
            id: "d".into(),
            text: "China praised Russia. Talks went on.".into(),
            ..Default::default()
        };
        let events = vec![
            event(0, "Talks went on."),
            event(1, "China praised Russia."),
        ];
        let prepared = Prepared::owned(doc, events, None).expect("prepared");
        let spans: Vec<Option<Span>> = prepared.sentences.iter().map(|s| s.2).collect();
        assert_eq!(spans, [Some(Span::new(22, 36)), Some(Span::new(0, 21))]);
    }
}
