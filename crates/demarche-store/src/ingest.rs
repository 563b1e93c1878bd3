//! Writing documents, their events and their knowledge: idempotent by content hash,
//! one transaction per document or batch, de-duplicating events by identity (see the crate
//! docs for the rules).

use crate::types::{IngestItem, IngestOutcome, IngestSummary, day_number};
use crate::{Result, Store, StoreError};
use demarche_model::{Document, Event, Span};
use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};

impl Store {
    /// Stores one document with its events and knowledge in one transaction. See the crate docs
    /// for what happens when the id is already stored.
    pub fn ingest(
        &mut self,
        doc: &Document,
        events: &[Event],
        knowledge: Option<&serde_json::Value>,
    ) -> Result<IngestOutcome> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut touched = BTreeSet::new();
        let (outcome, _) = ingest_in(&tx, doc, events, knowledge, &mut touched)?;
        recount(&tx, &touched)?;
        tx.commit()?;
        Ok(outcome)
    }

    /// Stores many documents in one transaction (much faster than one by one: one commit for
    /// the batch). Either the whole batch is stored or, if an error occurs, none of it.
    pub fn ingest_batch(&mut self, items: &[IngestItem]) -> Result<IngestSummary> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut summary = IngestSummary::default();
        // Counts are recomputed once per batch, for every event the batch touched.
        let mut touched = BTreeSet::new();
        for item in items {
            let (outcome, counts) = ingest_in(
                &tx,
                &item.document,
                &item.events,
                item.knowledge.as_ref(),
                &mut touched,
            )?;
            summary.add(outcome);
            summary.mentions += counts.mentions;
            summary.events_new += counts.events_new;
        }
        recount(&tx, &touched)?;
        tx.commit()?;
        Ok(summary)
    }

    /// Like [`Store::ingest`] but also returns how many mentions and new events were written.
    pub fn ingest_counted(
        &mut self,
        doc: &Document,
        events: &[Event],
        knowledge: Option<&serde_json::Value>,
    ) -> Result<IngestSummary> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut touched = BTreeSet::new();
        let (outcome, counts) = ingest_in(&tx, doc, events, knowledge, &mut touched)?;
        recount(&tx, &touched)?;
        tx.commit()?;
        let mut summary = IngestSummary {
            mentions: counts.mentions,
            events_new: counts.events_new,
            ..IngestSummary::default()
        };
        summary.add(outcome);
        Ok(summary)
    }
}

#[derive(Default)]
struct Counts {
    mentions: u64,
    events_new: u64,
}

fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for b in digest {
        out.push_str(&format!("{b:02x}"));
    }
    out
}

/// The hash of the document record alone.
pub(crate) fn content_hash(doc: &Document) -> Result<String> {
    Ok(sha256_hex(&serde_json::to_vec(doc)?))
}

fn coding_hash(events: &[Event], knowledge: Option<&serde_json::Value>) -> Result<String> {
    Ok(sha256_hex(&serde_json::to_vec(&(events, knowledge))?))
}

/// Goldstein scores are given to one decimal; going through the shortest decimal form keeps
/// `3.4f32` as `3.4` in the database instead of `3.4000000953674316`.
pub(crate) fn goldstein_f64(g: f32) -> f64 {
    format!("{g}").parse().unwrap_or(f64::from(g))
}

fn span_cols(span: Option<Span>) -> (Option<i64>, Option<i64>) {
    match span {
        Some(s) => (i64::try_from(s.start).ok(), i64::try_from(s.end).ok()),
        None => (None, None),
    }
}

fn ingest_in(
    tx: &Transaction<'_>,
    doc: &Document,
    events: &[Event],
    knowledge: Option<&serde_json::Value>,
    touched: &mut BTreeSet<i64>,
) -> Result<(IngestOutcome, Counts)> {
    if let Some(e) = events.iter().find(|e| e.doc_id != doc.id) {
        return Err(StoreError::DocumentMismatch {
            doc: doc.id.clone(),
            event_doc: e.doc_id.clone(),
        });
    }
    let content = content_hash(doc)?;
    let coding = coding_hash(events, knowledge)?;
    let existing: Option<(String, String)> = tx
        .query_row(
            "SELECT content_hash, coding_hash FROM documents WHERE id = ?1",
            [&doc.id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let outcome = match existing {
        Some((c, k)) if c == content && k == coding => {
            return Ok((IngestOutcome::Unchanged, Counts::default()));
        }
        Some(_) => {
            remove_document(tx, &doc.id, touched)?;
            IngestOutcome::Replaced
        }
        None => IngestOutcome::New,
    };

    tx.prepare_cached(
        "INSERT INTO documents (id, content_hash, coding_hash, date, title, source, url, text) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        doc.id,
        content,
        coding,
        doc.date.map(day_number),
        doc.title,
        doc.source,
        doc.url,
        doc.text
    ])?;

    // Sentences come from the events' sentence texts (the store does not segment text); the
    // first text given for an index wins.
    let mut sentences: BTreeMap<usize, &str> = BTreeMap::new();
    for e in events {
        if !e.sentence_text.is_empty() {
            sentences.entry(e.sentence).or_insert(&e.sentence_text);
        }
    }
    {
        let mut insert = tx.prepare_cached(
            "INSERT INTO sentences (doc_id, idx, text, start_byte, end_byte) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        for (idx, text) in &sentences {
            let span = doc
                .text
                .find(text)
                .map(|start| Span::new(start, start + text.len()));
            let (start, end) = span_cols(span);
            insert.execute(params![doc.id, idx_i64(*idx)?, text, start, end])?;
        }
    }

    let mut counts = Counts::default();
    let mut seen: BTreeSet<String> = BTreeSet::new();
    {
        let mut insert_event = tx.prepare_cached(
            "INSERT INTO events (source, target, code, day, root, quad_class, goldstein, plover) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (source, target, code, day) DO NOTHING",
        )?;
        let mut find_event = tx.prepare_cached(
            "SELECT id FROM events WHERE source = ?1 AND target = ?2 AND code = ?3 AND day = ?4",
        )?;
        let mut insert_mention = tx.prepare_cached(
            "INSERT INTO mentions (event_id, doc_id, sentence, pub_day, event_day, source_text, \
             target_text, verb_text, source_start, source_end, target_start, target_end, \
             verb_start, verb_end, rules, geo) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
        )?;
        for e in events {
            let day = day_number(e.event_date.unwrap_or(e.date));
            // The same record twice in one document (same event, sentence, spans and texts)
            // is one mention.
            let key = serde_json::to_string(&(
                &e.source,
                &e.target,
                &e.code,
                day,
                e.sentence,
                &e.evidence.source_span,
                &e.evidence.target_span,
                &e.evidence.verb_span,
                &e.source_text,
                &e.target_text,
                &e.verb_text,
            ))?;
            if !seen.insert(key) {
                continue;
            }
            let inserted = insert_event.execute(params![
                e.source,
                e.target,
                e.code,
                day,
                e.root,
                e.quad_class,
                goldstein_f64(e.goldstein),
                e.plover
            ])?;
            counts.events_new += inserted as u64;
            let event_id: i64 =
                find_event.query_row(params![e.source, e.target, e.code, day], |r| r.get(0))?;
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
                serde_json::to_string(&e.evidence.rules)?,
                e.action_geo
                    .as_ref()
                    .map(|g| serde_json::to_string(&(g, &e.geo_source)))
                    .transpose()?
            ])?;
            counts.mentions += 1;
            touched.insert(event_id);
        }
    }

    if let Some(k) = knowledge {
        tx.prepare_cached("INSERT INTO knowledge (doc_id, json) VALUES (?1, ?2)")?
            .execute(params![doc.id, serde_json::to_string(k)?])?;
    }
    Ok((outcome, counts))
}

fn idx_i64(i: usize) -> Result<i64> {
    i64::try_from(i).map_err(|_| StoreError::InvalidQuery(format!("sentence index {i} too large")))
}

/// Deletes a document and everything hanging off it; the events it supported go to `touched`.
fn remove_document(tx: &Transaction<'_>, id: &str, touched: &mut BTreeSet<i64>) -> Result<()> {
    {
        let mut stmt =
            tx.prepare_cached("SELECT DISTINCT event_id FROM mentions WHERE doc_id = ?1")?;
        let ids = stmt.query_map([id], |r| r.get::<_, i64>(0))?;
        for event_id in ids {
            touched.insert(event_id?);
        }
    }
    tx.prepare_cached("DELETE FROM mentions WHERE doc_id = ?1")?
        .execute([id])?;
    tx.prepare_cached("DELETE FROM sentences WHERE doc_id = ?1")?
        .execute([id])?;
    tx.prepare_cached("DELETE FROM knowledge WHERE doc_id = ?1")?
        .execute([id])?;
    tx.prepare_cached("DELETE FROM documents WHERE id = ?1")?
        .execute([id])?;
    Ok(())
}

/// Recomputes GDELT-style counts of the given events from their mentions, and deletes events
/// that no mention supports any more. First their rows of the full-text index are rewritten.
fn recount(tx: &Transaction<'_>, events: &BTreeSet<i64>) -> Result<()> {
    crate::search::refresh(tx, events)?;
    let mut update = tx.prepare_cached(
        "UPDATE events SET \
           num_mentions = (SELECT count(*) FROM mentions WHERE event_id = ?1), \
           num_articles = (SELECT count(DISTINCT doc_id) FROM mentions WHERE event_id = ?1), \
           num_sources = (SELECT count(DISTINCT COALESCE('s:' || d.source, 'd:' || d.id)) \
                          FROM mentions m JOIN documents d ON d.id = m.doc_id WHERE m.event_id = ?1) \
         WHERE id = ?1",
    )?;
    let mut delete = tx.prepare_cached("DELETE FROM events WHERE id = ?1 AND num_mentions = 0")?;
    for id in events {
        update.execute([id])?;
        delete.execute([id])?;
    }
    Ok(())
}
