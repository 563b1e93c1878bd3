//! Reading the store: statistics, dyad series and comparisons, event search, documents with
//! their evidence, actor lists, and a canonical dump for comparing two stores.

use crate::types::*;
use crate::{Result, Store, StoreError};
use demarche_model::{Date, GeoPoint, RuleRef, Span, cameo};
use rusqlite::types::ToSql;
use rusqlite::{OptionalExtension, Row, params};
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// The most periods a dyad series may have (110 years by day).
pub const MAX_BUCKETS: usize = 40_000;

/// Number of codes in [`DyadBucket::top_codes`].
const TOP_CODES: usize = 5;

/// The inclusive-exclusive string range of codes that start with `prefix`: `[prefix,
/// prefix + U+10FFFF)`. SQLite compares text bytewise, and no valid UTF-8 continuation of the
/// prefix sorts after U+10FFFF's encoding, so the range is exact and can use an index.
pub(crate) fn prefix_range(prefix: &str) -> (String, String) {
    let p = prefix.trim().to_uppercase();
    let mut hi = p.clone();
    hi.push('\u{10FFFF}');
    (p, hi)
}

/// The first three characters of an actor prefix (its country part in CAMEO), when it has
/// that many.
fn country_part(prefix: &str) -> Option<String> {
    let p = prefix.trim().to_uppercase();
    (p.chars().count() >= 3).then(|| p.chars().take(3).collect())
}

fn check_actor(which: &str, code: &str) -> Result<()> {
    if code.trim().is_empty() {
        return Err(StoreError::InvalidQuery(format!(
            "{which} is empty: expected an actor code or prefix such as CHN or RUSGOV"
        )));
    }
    Ok(())
}

fn check_dates(from: Option<Date>, to: Option<Date>) -> Result<()> {
    if let (Some(f), Some(t)) = (from, to)
        && f > t
    {
        return Err(StoreError::InvalidQuery(format!(
            "date range is empty: from {f} is after to {t}"
        )));
    }
    Ok(())
}

fn date_of(n: i64) -> rusqlite::Result<Date> {
    day_from_number(n).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Integer,
            format!("{n} is not a YYYYMMDD date").into(),
        )
    })
}

fn span_of(start: Option<i64>, end: Option<i64>) -> Option<Span> {
    match (start, end) {
        (Some(s), Some(e)) => Some(Span::new(
            usize::try_from(s).ok()?,
            usize::try_from(e).ok()?,
        )),
        _ => None,
    }
}

fn code_name(code: &str) -> String {
    cameo::lookup(code)
        .map(|c| c.name.to_string())
        .unwrap_or_default()
}

/// Small integer ids for the codes (event and root) met by one query, so that the per-event
/// work of a series compares and stores integers instead of strings. Codes of the CAMEO table
/// take their rank in the table's code order (found by binary search in a static sorted list,
/// no hashing, no allocation); a code outside the table (none that the coder emits) gets the
/// next free id after them.
///
/// Measured on the 1,000,000-event bench store: the string-keyed per-bucket maps (allocation,
/// `memcmp`, hashing for table lookups, sorting) took most of a series' time, SQLite's index
/// scan a small part of it. An aggregate table was considered and rejected: event identity is
/// `(source, target, code, day)`, so a per-day aggregate that keeps the code (needed for the
/// top codes) has one row per event and saves nothing.
struct Codes {
    extra: Vec<String>,
}

fn table_codes() -> &'static [&'static str] {
    static CODES: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    CODES.get_or_init(|| cameo::all_codes().into_iter().map(|c| c.code).collect())
}

/// A code of at most four bytes, none of them NUL, as one big-endian integer: for such codes
/// integer order is string order (a shorter code pads with zero bytes, which sort first), so
/// the table can be searched with integer compares instead of `memcmp` calls.
fn packed(code: &str) -> Option<u32> {
    let bytes = code.as_bytes();
    if bytes.len() > 4 || bytes.contains(&0) {
        return None;
    }
    let mut key = [0u8; 4];
    key.iter_mut().zip(bytes).for_each(|(k, b)| *k = *b);
    Some(u32::from_be_bytes(key))
}

/// The packed form of [`table_codes`], index for index, when every table code packs (they
/// are at most four characters); otherwise empty, and lookups fall back to string search.
fn packed_codes() -> &'static [u32] {
    static PACKED: std::sync::OnceLock<Vec<u32>> = std::sync::OnceLock::new();
    PACKED.get_or_init(|| {
        let keys: Option<Vec<u32>> = table_codes().iter().map(|c| packed(c)).collect();
        keys.unwrap_or_default()
    })
}

impl Codes {
    fn new() -> Self {
        Codes { extra: Vec::new() }
    }

    fn id(&mut self, code: &str) -> u32 {
        let table = table_codes();
        let packed_table = packed_codes();
        let found = match packed(code) {
            Some(key) if !packed_table.is_empty() => packed_table.binary_search(&key).ok(),
            _ => table.binary_search(&code).ok(),
        };
        if let Some(i) = found {
            return i as u32;
        }
        let pos = match self.extra.iter().position(|c| c == code) {
            Some(p) => p,
            None => {
                self.extra.push(code.to_string());
                self.extra.len() - 1
            }
        };
        (table.len() + pos) as u32
    }

    fn name(&self, id: u32) -> &str {
        let table = table_codes();
        let i = id as usize;
        match table.get(i) {
            Some(c) => c,
            None => self
                .extra
                .get(i - table.len())
                .map(String::as_str)
                .unwrap_or(""),
        }
    }
}

/// Adds `n` to the count of `id` in a list kept sorted by id.
fn bump(list: &mut Vec<(u32, u64)>, id: u32, n: u64) {
    match list.binary_search_by_key(&id, |e| e.0) {
        Ok(i) => {
            if let Some(e) = list.get_mut(i) {
                e.1 += n;
            }
        }
        Err(i) => list.insert(i, (id, n)),
    }
}

/// Running totals of one bucket.
#[derive(Default)]
struct Acc {
    events: u64,
    mentions: u64,
    quad: [u64; 5],
    /// (code id, events), sorted by id.
    roots: Vec<(u32, u64)>,
    codes: Vec<(u32, u64)>,
    goldstein: f64,
}

impl Acc {
    /// Adds `n` events of one code with their summed Goldstein scores and mentions.
    fn add(&mut self, code: u32, root: u32, quad: u8, n: u64, goldstein: f64, mentions: u64) {
        self.events += n;
        self.mentions += mentions;
        if let Some(q) = self.quad.get_mut(usize::from(quad)) {
            *q += n;
        }
        bump(&mut self.roots, root, n);
        bump(&mut self.codes, code, n);
        self.goldstein += goldstein;
    }

    fn merge(&mut self, other: &Acc) {
        self.events += other.events;
        self.mentions += other.mentions;
        for (a, b) in self.quad.iter_mut().zip(other.quad) {
            *a += b;
        }
        for &(id, n) in &other.roots {
            bump(&mut self.roots, id, n);
        }
        for &(id, n) in &other.codes {
            bump(&mut self.codes, id, n);
        }
        self.goldstein += other.goldstein;
    }

    fn into_bucket(self, by: Granularity, period: Date, names: &Codes) -> DyadBucket {
        let mut top: Vec<(&str, u64)> = self
            .codes
            .iter()
            .map(|&(id, n)| (names.name(id), n))
            .collect();
        // By count descending, ties by code ascending.
        top.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        let [_, q1, q2, q3, q4] = self.quad;
        let mut root_counts: BTreeMap<String, u64> = BTreeMap::new();
        for &(id, n) in &self.roots {
            *root_counts.entry(names.name(id).to_string()).or_default() += n;
        }
        DyadBucket {
            period,
            label: by.label(period),
            events: self.events,
            mentions: self.mentions,
            quad_counts: self.quad,
            cooperation: q1 + q2,
            conflict: q3 + q4,
            root_counts,
            goldstein_sum: self.goldstein,
            goldstein_mean: (self.events > 0).then(|| self.goldstein / self.events as f64),
            top_codes: top
                .into_iter()
                .take(TOP_CODES)
                .map(|(code, count)| CodeCount {
                    code: code.to_string(),
                    name: code_name(code),
                    count,
                })
                .collect(),
        }
    }
}

/// The per-period accumulators of one dyad query and the names of their code ids.
struct Accs {
    periods: BTreeMap<Date, Acc>,
    codes: Codes,
}
impl Store {
    /// Row counts and the date range of the events.
    pub fn stats(&self) -> Result<StoreStats> {
        let count = |table: &str| -> Result<u64> {
            let n: i64 =
                self.conn
                    .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?;
            Ok(n.max(0) as u64)
        };
        let (first, last): (Option<i64>, Option<i64>) =
            self.conn
                .query_row("SELECT min(day), max(day) FROM events", [], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })?;
        Ok(StoreStats {
            schema_version: self.schema_version()?,
            documents: count("documents")?,
            sentences: count("sentences")?,
            events: count("events")?,
            mentions: count("mentions")?,
            knowledge: count("knowledge")?,
            first_date: first.and_then(day_from_number),
            last_date: last.and_then(day_from_number),
        })
    }

    /// Sparse per-period accumulators of a dyad query.
    fn dyad_accumulators(&self, q: &DyadQuery) -> Result<Accs> {
        check_actor("actor A", &q.a)?;
        check_actor("actor B", &q.b)?;
        check_dates(q.from, q.to)?;
        let lo = q.from.map(day_number).unwrap_or(i64::MIN);
        let hi = q.to.map(day_number).unwrap_or(i64::MAX);
        let (a_lo, a_hi) = prefix_range(&q.a);
        let (b_lo, b_hi) = prefix_range(&q.b);
        let a3 = country_part(&q.a);
        let b3 = country_part(&q.b);
        let mut accs: BTreeMap<Date, Acc> = BTreeMap::new();
        let mut codes = Codes::new();
        let mut last_day: Option<(i64, Date)> = None;
        let mut directions = vec![(&a_lo, &a_hi, &b_lo, &b_hi, &a3, &b3, false)];
        if q.undirected {
            // The reverse direction leaves out events the forward one counted (A = CHN,
            // B = CHN would otherwise count CHNGOV→CHNMIL twice).
            directions.push((&b_lo, &b_hi, &a_lo, &a_hi, &b3, &a3, true));
        }
        for (s_lo, s_hi, t_lo, t_hi, s3, t3, exclude) in directions {
            // With two prefixes of at least three characters (country level), seek on their
            // country parts first; otherwise scan the source prefix's range. Rust folds the rows
            // into periods: measured, that is faster than a GROUP BY in SQLite, which sorts
            // the rows in a temporary b-tree first.
            let country = s3.is_some() && t3.is_some();
            let sql = format!(
                "SELECT day, code, root, quad_class, 1, goldstein, num_mentions \
                 FROM events INDEXED BY {index} \
                 WHERE {country_terms} source >= :s_lo AND source < :s_hi \
                   AND target >= :t_lo AND target < :t_hi AND day >= :lo AND day <= :hi {exclusion}",
                index = if country {
                    "events_dyad_country"
                } else {
                    "events_dyad"
                },
                country_terms = if country {
                    "substr(source, 1, 3) = :s3 AND substr(target, 1, 3) = :t3 AND"
                } else {
                    ""
                },
                exclusion = if exclude {
                    "AND NOT (source >= :t_lo AND source < :t_hi AND target >= :s_lo AND target < :s_hi)"
                } else {
                    ""
                },
            );
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let mut args: Vec<(&str, &dyn ToSql)> = vec![
                (":s_lo", s_lo),
                (":s_hi", s_hi),
                (":t_lo", t_lo),
                (":t_hi", t_hi),
                (":lo", &lo),
                (":hi", &hi),
            ];
            if let (true, Some(s3), Some(t3)) = (country, s3, t3) {
                args.push((":s3", s3));
                args.push((":t3", t3));
            }
            let mut rows = stmt.query(args.as_slice())?;
            while let Some(row) = rows.next()? {
                // Rows come in day order within each (source, target) pair: convert a day
                // number to its period only when it changes.
                let day_number: i64 = row.get(0)?;
                let period = match last_day {
                    Some((n, period)) if n == day_number => period,
                    _ => {
                        let period = q.by.period_start(date_of(day_number)?);
                        last_day = Some((day_number, period));
                        period
                    }
                };
                let code = row.get_ref(1)?.as_str().map_err(rusqlite::Error::from)?;
                let root = row.get_ref(2)?.as_str().map_err(rusqlite::Error::from)?;
                let quad: u8 = row.get(3)?;
                let n: i64 = row.get(4)?;
                let goldstein: f64 = row.get(5)?;
                let mentions: i64 = row.get(6)?;
                let code = codes.id(code);
                let root = codes.id(root);
                accs.entry(period).or_default().add(
                    code,
                    root,
                    quad,
                    n.max(0) as u64,
                    goldstein,
                    mentions.max(0) as u64,
                );
            }
        }
        Ok(Accs {
            periods: accs,
            codes,
        })
    }

    /// The history of a dyad: one bucket per period from the first to the last period with an
    /// event (or from `from` to `to` when both are given), empty periods included.
    pub fn dyad_series(&self, q: &DyadQuery) -> Result<DyadSeries> {
        let accs = self.dyad_accumulators(q)?;
        let range = match (q.from, q.to) {
            (Some(f), Some(t)) => Some((q.by.period_start(f), q.by.period_start(t))),
            _ => accs
                .periods
                .keys()
                .next()
                .zip(accs.periods.keys().next_back())
                .map(|(a, b)| (*a, *b)),
        };
        check_range(q.by, range)?;
        Ok(build_series(q, accs, range))
    }

    /// Two dyads over the same periods (the union of their ranges). Both queries must use the
    /// same granularity.
    pub fn compare_dyads(&self, left: &DyadQuery, right: &DyadQuery) -> Result<DyadComparison> {
        if left.by != right.by {
            return Err(StoreError::InvalidQuery(format!(
                "cannot compare a series by {} with one by {}",
                left.by, right.by
            )));
        }
        let l = self.dyad_accumulators(left)?;
        let r = self.dyad_accumulators(right)?;
        // Periods of both series' data, widened to the given date bounds (as for one series,
        // bounds count when a query gives both).
        let bounds = [left, right]
            .into_iter()
            .filter_map(|q| match (q.from, q.to) {
                (Some(f), Some(t)) => Some([q.by.period_start(f), q.by.period_start(t)]),
                _ => None,
            });
        let starts: Vec<Date> = l
            .periods
            .keys()
            .chain(r.periods.keys())
            .copied()
            .chain(bounds.flatten())
            .collect();
        let range = starts
            .iter()
            .min()
            .zip(starts.iter().max())
            .map(|(a, b)| (*a, *b));
        check_range(left.by, range)?;
        Ok(DyadComparison {
            left: build_series(left, l, range),
            right: build_series(right, r, range),
        })
    }

    /// Events matching all given filters, newest first, one page at a time.
    pub fn search_events(&self, q: &EventQuery) -> Result<EventPage> {
        check_dates(q.from, q.to)?;
        let mut clauses: Vec<String> = Vec::new();
        let mut args: Vec<Box<dyn ToSql>> = Vec::new();
        let push_prefix =
            |col: &str, prefix: &str, clauses: &mut Vec<String>, args: &mut Vec<Box<dyn ToSql>>| {
                let (lo, hi) = prefix_range(prefix);
                args.push(Box::new(lo));
                args.push(Box::new(hi));
                let n = args.len();
                clauses.push(format!("({col} >= ?{} AND {col} < ?{n})", n - 1));
            };
        // A dyad's terms: with two country-level prefixes, also the country parts, so that
        // SQLite can seek in events_dyad_country (for each side of an undirected OR).
        let dyad_terms = |s: &str, t: &str, args: &mut Vec<Box<dyn ToSql>>| -> String {
            let mut terms = Vec::new();
            if let (Some(s3), Some(t3)) = (country_part(s), country_part(t)) {
                args.push(Box::new(s3));
                terms.push(format!("substr(source, 1, 3) = ?{}", args.len()));
                args.push(Box::new(t3));
                terms.push(format!("substr(target, 1, 3) = ?{}", args.len()));
            }
            push_prefix("source", s, &mut terms, args);
            push_prefix("target", t, &mut terms, args);
            terms.join(" AND ")
        };
        match (&q.source, &q.target) {
            (Some(s), Some(t)) => {
                let forward = dyad_terms(s, t, &mut args);
                if q.undirected {
                    let backward = dyad_terms(t, s, &mut args);
                    clauses.push(format!("(({forward}) OR ({backward}))"));
                } else {
                    clauses.push(format!("({forward})"));
                }
            }
            (s, t) => {
                if let Some(s) = s {
                    push_prefix("source", s, &mut clauses, &mut args);
                }
                if let Some(t) = t {
                    push_prefix("target", t, &mut clauses, &mut args);
                }
            }
        }
        if let Some(actor) = &q.actor {
            let mut a = Vec::new();
            push_prefix("source", actor, &mut a, &mut args);
            push_prefix("target", actor, &mut a, &mut args);
            clauses.push(format!("({})", a.join(" OR ")));
        }
        if let Some(code) = &q.code {
            push_prefix("code", code, &mut clauses, &mut args);
        }
        if let Some(f) = q.from {
            args.push(Box::new(day_number(f)));
            clauses.push(format!("day >= ?{}", args.len()));
        }
        if let Some(t) = q.to {
            args.push(Box::new(day_number(t)));
            clauses.push(format!("day <= ?{}", args.len()));
        }
        if let Some(text) = q.text.as_deref().filter(|t| !t.trim().is_empty()) {
            // LIKE with ESCAPE so that `%` and `_` in the user's text are literal.
            let escaped = text
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_");
            args.push(Box::new(format!("%{escaped}%")));
            clauses.push(format!(
                "EXISTS (SELECT 1 FROM mentions m JOIN sentences s ON s.doc_id = m.doc_id AND s.idx = m.sentence \
                 WHERE m.event_id = events.id AND s.text LIKE ?{} ESCAPE '\\')",
                args.len()
            ));
        }
        let where_sql = if clauses.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", clauses.join(" AND "))
        };
        let arg_refs: Vec<&dyn ToSql> = args.iter().map(|a| a.as_ref()).collect();
        let total: i64 = self.conn.query_row(
            &format!("SELECT count(*) FROM events {where_sql}"),
            arg_refs.as_slice(),
            |r| r.get(0),
        )?;
        let limit = q.limit.min(EventQuery::MAX_LIMIT);
        let sql = format!(
            "SELECT {EVENT_COLUMNS} FROM events {where_sql} ORDER BY day DESC, id DESC LIMIT {limit} OFFSET {}",
            q.offset
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let mut events: Vec<StoredEvent> = stmt
            .query_map(arg_refs.as_slice(), event_from_row)?
            .collect::<rusqlite::Result<_>>()?;
        let per_event = q.mentions_per_event.min(EventQuery::MAX_MENTIONS);
        for e in &mut events {
            e.mentions = self.mentions_of(e.id, None, per_event)?;
        }
        Ok(EventPage {
            total: total.max(0) as u64,
            offset: q.offset,
            events,
        })
    }

    /// One event with up to `max_mentions` of its mentions.
    pub fn event(&self, id: i64, max_mentions: usize) -> Result<Option<StoredEvent>> {
        let event = self
            .conn
            .query_row(
                &format!("SELECT {EVENT_COLUMNS} FROM events WHERE id = ?1"),
                [id],
                event_from_row,
            )
            .optional()?;
        match event {
            Some(mut e) => {
                e.mentions = self.mentions_of(e.id, None, max_mentions)?;
                Ok(Some(e))
            }
            None => Ok(None),
        }
    }

    /// Mentions of an event, ordered by publication date, document and sentence; only those of
    /// `doc` when given.
    pub(crate) fn mentions_of(
        &self,
        event_id: i64,
        doc: Option<&str>,
        limit: usize,
    ) -> Result<Vec<Mention>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT m.event_id, m.doc_id, m.sentence, COALESCE(s.text, ''), m.pub_day, m.event_day, \
                    m.source_text, m.target_text, m.verb_text, m.source_start, m.source_end, \
                    m.target_start, m.target_end, m.verb_start, m.verb_end, m.rules, \
                    d.source, d.title, d.url, m.geo \
             FROM mentions m JOIN documents d ON d.id = m.doc_id \
             LEFT JOIN sentences s ON s.doc_id = m.doc_id AND s.idx = m.sentence \
             WHERE m.event_id = ?1 AND (?2 IS NULL OR m.doc_id = ?2) \
             ORDER BY m.pub_day, m.doc_id, m.sentence, m.source_start, m.verb_start, m.target_start, m.id \
             LIMIT ?3",
        )?;
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let rows = stmt.query_map(params![event_id, doc, limit], mention_from_row)?;
        let mut out = Vec::new();
        for m in rows {
            out.push(m??);
        }
        Ok(out)
    }

    /// A stored document with its sentences, its events (each with this document's mentions)
    /// and its knowledge.
    pub fn document(&self, id: &str) -> Result<Option<DocumentView>> {
        let row = self
            .conn
            .query_row(
                "SELECT id, content_hash, date, title, source, url, text FROM documents WHERE id = ?1",
                [id],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, Option<i64>>(2)?,
                        r.get::<_, Option<String>>(3)?,
                        r.get::<_, Option<String>>(4)?,
                        r.get::<_, Option<String>>(5)?,
                        r.get::<_, String>(6)?,
                    ))
                },
            )
            .optional()?;
        let Some((id, content_hash, date, title, source, url, text)) = row else {
            return Ok(None);
        };
        let mut stmt = self.conn.prepare_cached(
            "SELECT idx, text, start_byte, end_byte FROM sentences WHERE doc_id = ?1 ORDER BY idx",
        )?;
        let sentences = stmt
            .query_map([&id], |r| {
                Ok(StoredSentence {
                    index: r.get::<_, i64>(0)?.max(0) as usize,
                    text: r.get(1)?,
                    span: span_of(r.get(2)?, r.get(3)?),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {EVENT_COLUMNS} FROM events WHERE id IN \
             (SELECT event_id FROM mentions WHERE doc_id = ?1) ORDER BY day, source, target, code"
        ))?;
        let mut events = stmt
            .query_map([&id], event_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        for e in &mut events {
            e.mentions = self.mentions_of(e.id, Some(&id), usize::MAX)?;
        }
        let knowledge: Option<String> = self
            .conn
            .query_row("SELECT json FROM knowledge WHERE doc_id = ?1", [&id], |r| {
                r.get(0)
            })
            .optional()?;
        let knowledge = knowledge.map(|k| serde_json::from_str(&k)).transpose()?;
        Ok(Some(DocumentView {
            id,
            content_hash,
            date: date.and_then(day_from_number),
            title,
            source,
            url,
            text,
            sentences,
            events,
            knowledge,
        }))
    }

    /// The stored document record (without its parses, which are not stored), if any.
    pub fn stored_document(&self, id: &str) -> Result<Option<demarche_model::Document>> {
        Ok(self
            .conn
            .query_row(
                "SELECT id, date, title, source, url, text FROM documents WHERE id = ?1",
                [id],
                |r| {
                    Ok(demarche_model::Document {
                        id: r.get(0)?,
                        date: r.get::<_, Option<i64>>(1)?.and_then(day_from_number),
                        title: r.get(2)?,
                        source: r.get(3)?,
                        url: r.get(4)?,
                        text: r.get(5)?,
                        parses: Vec::new(),
                    })
                },
            )
            .optional()?)
    }

    /// Actor codes by the number of events they take part in (as source or target), most
    /// frequent first, then by code. Scans all events: cache the answer on large stores.
    pub fn actors(&self, limit: usize) -> Result<Vec<ActorCount>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT code, sum(n) FROM ( \
               SELECT source AS code, count(*) AS n FROM events GROUP BY source \
               UNION ALL SELECT target AS code, count(*) AS n FROM events WHERE target != source GROUP BY target) \
             WHERE code != '' GROUP BY code ORDER BY 2 DESC, 1 LIMIT ?1",
        )?;
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let rows = stmt.query_map([limit], |r| {
            Ok(ActorCount {
                code: r.get(0)?,
                events: r.get::<_, i64>(1)?.max(0) as u64,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// A text dump of the whole content, independent of ingest order and of internal ids:
    /// two stores with the same documents, events, mentions and knowledge dump the same.
    pub fn canonical_dump(&self) -> Result<String> {
        let mut lines: Vec<String> = Vec::new();
        let mut stmt = self.conn.prepare(
            "SELECT id, content_hash, coding_hash, date, title, source, url, text FROM documents",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            lines.push(format!(
                "D {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?}",
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Option<i64>>(3)?,
                r.get::<_, Option<String>>(4)?,
                r.get::<_, Option<String>>(5)?,
                r.get::<_, Option<String>>(6)?,
                r.get::<_, String>(7)?
            ));
        }
        let mut stmt = self
            .conn
            .prepare("SELECT doc_id, idx, text, start_byte, end_byte FROM sentences")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            lines.push(format!(
                "S {:?} {} {:?} {:?} {:?}",
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Option<i64>>(3)?,
                r.get::<_, Option<i64>>(4)?
            ));
        }
        let mut stmt = self.conn.prepare(
            "SELECT source, target, code, day, root, quad_class, goldstein, plover, \
             num_mentions, num_sources, num_articles FROM events",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            lines.push(format!(
                "E {:?} {:?} {:?} {} {:?} {} {} {:?} {} {} {}",
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, i64>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, i64>(5)?,
                r.get::<_, f64>(6)?,
                r.get::<_, Option<String>>(7)?,
                r.get::<_, i64>(8)?,
                r.get::<_, i64>(9)?,
                r.get::<_, i64>(10)?
            ));
        }
        let mut stmt = self.conn.prepare(
            "SELECT e.source, e.target, e.code, e.day, m.doc_id, m.sentence, m.pub_day, m.event_day, \
             m.source_text, m.target_text, m.verb_text, m.source_start, m.source_end, \
             m.target_start, m.target_end, m.verb_start, m.verb_end, m.rules \
             FROM mentions m JOIN events e ON e.id = m.event_id",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let mut line = String::from("M");
            for i in 0..18 {
                let v: rusqlite::types::Value = r.get(i)?;
                let _ = write!(line, " {v:?}");
            }
            lines.push(line);
        }
        let mut stmt = self.conn.prepare("SELECT doc_id, json FROM knowledge")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            lines.push(format!(
                "K {:?} {:?}",
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?
            ));
        }
        lines.sort();
        let mut out = lines.join("\n");
        out.push('\n');
        Ok(out)
    }
}

/// Refuses ranges that would make more than [`MAX_BUCKETS`] periods (memory is bounded by the
/// answer's size, and the range can come from an HTTP query).
fn check_range(by: Granularity, range: Option<(Date, Date)>) -> Result<()> {
    if let Some((first, last)) = range {
        let days = (last - first).num_days().max(0) as u64;
        let periods = match by {
            Granularity::Day => days,
            Granularity::Week => days / 7,
            Granularity::Month => days / 28,
        } + 1;
        if periods > MAX_BUCKETS as u64 {
            return Err(StoreError::InvalidQuery(format!(
                "{first} to {last} by {by} is {periods} periods, more than the {MAX_BUCKETS} a series may have: narrow the dates or use a longer period"
            )));
        }
    }
    Ok(())
}

fn build_series(q: &DyadQuery, accs: Accs, range: Option<(Date, Date)>) -> DyadSeries {
    let Accs {
        periods: mut accs,
        codes,
    } = accs;
    let mut buckets = Vec::new();
    let mut total = Acc::default();
    if let Some((first, last)) = range {
        let mut period = first;
        while period <= last {
            match accs.remove(&period) {
                Some(acc) => {
                    total.merge(&acc);
                    buckets.push(acc.into_bucket(q.by, period, &codes));
                }
                None => buckets.push(DyadBucket::empty(q.by, period)),
            }
            match q.by.next_period(period) {
                Some(next) => period = next,
                None => break,
            }
        }
    }
    let total_start = range.map(|r| r.0).unwrap_or_default();
    let mut total_bucket = total.into_bucket(q.by, total_start, &codes);
    total_bucket.label = "total".to_string();
    DyadSeries {
        query: q.clone(),
        buckets,
        total: total_bucket,
    }
}

/// Columns read by [`event_from_row`], in order.
pub(crate) const EVENT_COLUMNS: &str = "id, source, target, code, root, quad_class, goldstein, \
     plover, day, num_mentions, num_sources, num_articles";

pub(crate) fn event_from_row(r: &Row<'_>) -> rusqlite::Result<StoredEvent> {
    let code: String = r.get(3)?;
    Ok(StoredEvent {
        id: r.get(0)?,
        source: r.get(1)?,
        target: r.get(2)?,
        name: code_name(&code),
        code,
        root: r.get(4)?,
        quad_class: r.get(5)?,
        goldstein: r.get::<_, f64>(6)? as f32,
        plover: r.get(7)?,
        date: date_of(r.get(8)?)?,
        num_mentions: r.get::<_, i64>(9)?.max(0) as u64,
        num_sources: r.get::<_, i64>(10)?.max(0) as u64,
        num_articles: r.get::<_, i64>(11)?.max(0) as u64,
        mentions: Vec::new(),
    })
}

fn mention_from_row(r: &Row<'_>) -> rusqlite::Result<Result<Mention>> {
    let rules_json: String = r.get(15)?;
    let rules: Vec<RuleRef> = match serde_json::from_str(&rules_json) {
        Ok(rules) => rules,
        Err(e) => {
            return Ok(Err(StoreError::Corrupt(format!(
                "rules of a mention are not JSON: {e}"
            ))));
        }
    };
    // A geo column that does not read is left out rather than failing the query: it is
    // derived data.
    let geo: Option<(GeoPoint, Option<String>)> = r
        .get::<_, Option<String>>(19)?
        .and_then(|j| serde_json::from_str(&j).ok());
    Ok(Ok(Mention {
        event_id: r.get(0)?,
        doc_id: r.get(1)?,
        sentence: r.get::<_, i64>(2)?.max(0) as usize,
        sentence_text: r.get(3)?,
        date: date_of(r.get(4)?)?,
        event_date: r.get::<_, Option<i64>>(5)?.and_then(day_from_number),
        source_text: r.get(6)?,
        target_text: r.get(7)?,
        verb_text: r.get(8)?,
        source_span: span_of(r.get(9)?, r.get(10)?),
        target_span: span_of(r.get(11)?, r.get(12)?),
        verb_span: span_of(r.get(13)?, r.get(14)?),
        rules,
        doc_source: r.get(16)?,
        doc_title: r.get(17)?,
        doc_url: r.get(18)?,
        action_geo: geo.as_ref().map(|g| g.0.clone()),
        geo_source: geo.and_then(|g| g.1),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_codes_sort_like_their_strings() {
        let table = table_codes();
        assert_eq!(packed_codes().len(), table.len(), "every table code packs");
        let mut words = vec![
            "", "0", "01", "010", "0101", "011", "1", "190", "20", "ZZZZ",
        ];
        words.extend(table.iter().copied());
        let mut by_string = words.clone();
        by_string.sort();
        let mut by_key = words.clone();
        by_key.sort_by_key(|w| packed(w));
        assert_eq!(by_key, by_string);
        assert_eq!(packed("01234"), None);
        assert_eq!(packed("0\u{0}1"), None);
    }

    #[test]
    fn code_ids_name_table_and_unknown_codes() {
        let mut codes = Codes::new();
        let a = codes.id("190");
        let b = codes.id("NOTACODE");
        let c = codes.id("19");
        assert_eq!(codes.name(a), "190");
        assert_eq!(codes.name(b), "NOTACODE");
        assert_eq!(codes.name(c), "19");
        assert_eq!(codes.id("NOTACODE"), b);
        assert_ne!(a, b);
    }
}
