//! Reading the store: statistics, dyad series and comparisons, event search, documents with
//! their evidence, actor lists, and a canonical dump for comparing two stores.

use crate::types::*;
use crate::{Result, Store, StoreError, search};
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

pub(crate) fn check_dates(from: Option<Date>, to: Option<Date>) -> Result<()> {
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
    /// The ids of recently met codes by their packed form, direct-mapped: a series meets a
    /// few hundred codes, each thousands of times.
    memo: Box<[(u32, u32); MEMO_SLOTS]>,
}

const MEMO_SLOTS: usize = 256;

/// A memo slot that no packed code occupies (packed codes have no NUL byte, so none is
/// `u32::MAX`, which is four 0xFF bytes and not UTF-8 either).
const MEMO_EMPTY: (u32, u32) = (u32::MAX, 0);

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
        Codes {
            extra: Vec::new(),
            memo: Box::new([MEMO_EMPTY; MEMO_SLOTS]),
        }
    }

    fn id(&mut self, code: &str) -> u32 {
        let key = packed(code);
        let slot = key.map(|k| (k.wrapping_mul(0x9E37_79B1) >> 24) as usize % MEMO_SLOTS);
        if let (Some(k), Some(slot)) = (key, slot)
            && let Some(&(have, id)) = self.memo.get(slot)
            && have == k
        {
            return id;
        }
        let id = self.lookup(code, key);
        if let (Some(k), Some(slot)) = (key, slot)
            && let Some(entry) = self.memo.get_mut(slot)
        {
            *entry = (k, id);
        }
        id
    }

    fn lookup(&mut self, code: &str, key: Option<u32>) -> u32 {
        let table = table_codes();
        let packed_table = packed_codes();
        let found = match key {
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

/// Adds a period's running totals to the map: moved in when the period is new there, merged
/// otherwise.
fn put(accs: &mut BTreeMap<Date, Acc>, period: Date, acc: Acc) {
    match accs.entry(period) {
        std::collections::btree_map::Entry::Vacant(v) => {
            v.insert(acc);
        }
        std::collections::btree_map::Entry::Occupied(mut o) => o.get_mut().merge(&acc),
    }
}

/// The per-period accumulators of one dyad query and the names of their code ids.
struct Accs {
    periods: BTreeMap<Date, Acc>,
    codes: Codes,
}
impl Store {
    /// Row counts and the date range of the events. The counts come from `row_counts`, which
    /// triggers keep up to date (counting a million rows takes longer than an API request may).
    pub fn stats(&self) -> Result<StoreStats> {
        let mut counts: BTreeMap<String, u64> = BTreeMap::new();
        {
            let mut stmt = self.conn.prepare_cached("SELECT name, n FROM row_counts")?;
            let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
            for row in rows {
                let (name, n) = row?;
                counts.insert(name, n.max(0) as u64);
            }
        }
        let count = |table: &str| counts.get(table).copied().unwrap_or(0);
        let (first, last): (Option<i64>, Option<i64>) = self
            .conn
            // Two subqueries: SQLite answers a lone min() or max() from the index in one
            // step, but both in one query by reading every row.
            .query_row(
                "SELECT (SELECT min(day) FROM events), (SELECT max(day) FROM events)",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
        Ok(StoreStats {
            schema_version: self.schema_version()?,
            documents: count("documents"),
            sentences: count("sentences"),
            events: count("events"),
            mentions: count("mentions"),
            knowledge: count("knowledge"),
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
        let mut current: Option<(Date, Acc)> = None;
        let mut directions = vec![(&a_lo, &a_hi, &b_lo, &b_hi, &a3, &b3, false)];
        if q.undirected {
            // The reverse direction leaves out events the forward one counted (A = CHN,
            // B = CHN would otherwise count CHNGOV→CHNMIL twice).
            directions.push((&b_lo, &b_hi, &a_lo, &a_hi, &b3, &a3, true));
        }
        for (s_lo, s_hi, t_lo, t_hi, s3, t3, exclude) in directions {
            // The covering index leads with the actors' three-letter country parts: a prefix
            // of three characters or more seeks on its country part, a shorter one is a range
            // of country parts (they start with the prefix exactly when the code does). Rust
            // folds the rows into periods: measured, that is faster than a GROUP BY in SQLite,
            // which sorts the rows in a temporary b-tree first. Every condition below is
            // tested on every row of the scan, so the ones that cannot fail are left out: a
            // prefix that is at most its country part is implied by the country part's terms,
            // and absent dates bound nothing.
            let mut terms: Vec<&str> = Vec::new();
            terms.push(if s3.is_some() {
                "substr(source, 1, 3) = :s3"
            } else {
                "substr(source, 1, 3) >= :s_lo AND substr(source, 1, 3) < :s_hi"
            });
            terms.push(if t3.is_some() {
                "substr(target, 1, 3) = :t3"
            } else {
                "substr(target, 1, 3) >= :t_lo AND substr(target, 1, 3) < :t_hi"
            });
            if s3.as_deref().is_some_and(|c| c != s_lo.as_str()) {
                terms.push("source >= :s_lo AND source < :s_hi");
            }
            if t3.as_deref().is_some_and(|c| c != t_lo.as_str()) {
                terms.push("target >= :t_lo AND target < :t_hi");
            }
            if q.from.is_some() {
                terms.push("day >= :lo");
            }
            if q.to.is_some() {
                terms.push("day <= :hi");
            }
            if exclude {
                terms.push(
                    "NOT (source >= :t_lo AND source < :t_hi AND target >= :s_lo AND target < :s_hi)",
                );
            }
            let sql = format!(
                "SELECT day, code, root, quad_class, goldstein, num_mentions \
                 FROM events INDEXED BY events_dyad_country WHERE {where_sql}",
                where_sql = terms.join(" AND "),
            );
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let mut args: Vec<(&str, &dyn ToSql)> = Vec::new();
            let named: [(&str, &dyn ToSql); 8] = [
                (":s_lo", s_lo),
                (":s_hi", s_hi),
                (":t_lo", t_lo),
                (":t_hi", t_hi),
                (":lo", &lo),
                (":hi", &hi),
                (":s3", s3),
                (":t3", t3),
            ];
            // Only the parameters the statement has (binding another is an error).
            for (name, value) in named {
                if sql.contains(name) {
                    args.push((name, value));
                }
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
                let goldstein: f64 = row.get(4)?;
                let mentions: i64 = row.get(5)?;
                let code = codes.id(code);
                let root = codes.id(root);
                // Rows of one (source, target) pair come in day order, so most rows fall in the
                // period of the row before: they are added to a running accumulator, which
                // goes into the map only when the period changes.
                if current.as_ref().is_some_and(|(p, _)| *p != period)
                    && let Some((p, acc)) = current.take()
                {
                    put(&mut accs, p, acc);
                }
                current
                    .get_or_insert_with(|| (period, Acc::default()))
                    .1
                    .add(code, root, quad, 1, goldstein, mentions.max(0) as u64);
            }
        }
        if let Some((p, acc)) = current.take() {
            put(&mut accs, p, acc);
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

    /// Events matching all given filters, newest first (date descending, then the most
    /// recently stored first), one page at a time.
    ///
    /// The text filter goes through the full-text index (`events_fts`, see the crate docs):
    /// the words of `text` as one phrase within one sentence of a mention, the last word also
    /// as a prefix (see `search::fts_query`); a text without letters or digits matches
    /// nothing. How the page is found depends on how many events the filters and the text
    /// match, which are counted first, so that a common word, a rare word, a broad filter and
    /// a narrow one each cost about as little as they can.
    pub fn search_events(&self, q: &EventQuery) -> Result<EventPage> {
        check_dates(q.from, q.to)?;
        let filters = Filters::of(q);
        let limit = q.limit.min(EventQuery::MAX_LIMIT);
        let text = q.text.as_deref().filter(|t| !t.trim().is_empty());
        let (total, ids) = match text {
            None => self.filter_page(&filters, limit, q.offset)?,
            Some(text) => match search::fts_query(&self.conn, text)? {
                Some(query) => self.text_page(&filters, &query, limit, q.offset)?,
                // No word (only punctuation or spaces): nothing to look for, nothing matches.
                None => (0, Vec::new()),
            },
        };
        let mut stmt = self
            .conn
            .prepare_cached(&format!("SELECT {EVENT_COLUMNS} FROM events WHERE id = ?1"))?;
        let mut events = Vec::with_capacity(ids.len());
        for id in ids {
            events.push(stmt.query_row([id], event_from_row)?);
        }
        let per_event = q.mentions_per_event.min(EventQuery::MAX_MENTIONS);
        for e in &mut events {
            e.mentions = self.mentions_of(e.id, None, per_event)?;
        }
        Ok(EventPage {
            total,
            offset: q.offset,
            events,
        })
    }

    /// Events stored, from the row counts the triggers keep.
    fn event_count(&self) -> Result<u64> {
        let n: i64 =
            self.conn
                .query_row("SELECT n FROM row_counts WHERE name = 'events'", [], |r| {
                    r.get(0)
                })?;
        Ok(n.max(0) as u64)
    }

    /// Total and page ids of a search without text. The total is an index count (or the
    /// stored row count without filters). The page comes either from walking all events newest
    /// first until enough match, when matches are frequent enough that the walk is short
    /// (about `(offset + limit) * events / total` rows), or from the filters' own index and a
    /// sort, when that is shorter.
    fn filter_page(&self, f: &Filters, limit: usize, offset: usize) -> Result<(u64, Vec<i64>)> {
        let all = self.event_count()?;
        let total = if f.is_empty() {
            all
        } else {
            let n: i64 = self
                .conn
                .query_row(&f.count_sql(), f.params().as_slice(), |r| r.get(0))?;
            n.max(0) as u64
        };
        if total == 0 || offset as u64 >= total || limit == 0 {
            return Ok((total, Vec::new()));
        }
        let walk = (offset + limit) as f64 * all as f64 / total as f64;
        // Limit and offset are parameters, so that every page of one search is one cached
        // statement.
        let page = format!(
            "ORDER BY day DESC, id DESC LIMIT ?{} OFFSET ?{}",
            f.args.len() + 1,
            f.args.len() + 2
        );
        let sql = if walk < total as f64 {
            format!(
                "SELECT id FROM events INDEXED BY events_by_day WHERE {} {page}",
                f.any()
            )
        } else {
            format!("SELECT id FROM ({}) {page}", f.day_ids_sql())
        };
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let offset = i64::try_from(offset).unwrap_or(i64::MAX);
        let mut params = f.params();
        params.push(&limit);
        params.push(&offset);
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let ids = stmt
            .query_map(params.as_slice(), |r| r.get::<_, i64>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok((total, ids))
    }

    /// Total and page ids of a search with text (`phrase` is an FTS5 query). The index counts
    /// its matches in the date range first (it reads posting lists only). Without other
    /// filters that count is the total and the page comes straight from the index, newest
    /// first. With other filters, the matches' keys are read (in the date range) and either
    /// each match is looked up and checked against the filters, when matches are few, or the
    /// events the filters select are read from their index and kept when they match, when
    /// those are fewer.
    fn text_page(
        &self,
        f: &Filters,
        phrase: &str,
        limit: usize,
        offset: usize,
    ) -> Result<(u64, Vec<i64>)> {
        let (lo, hi) = search::key_range(f.from, f.to);
        let matches: i64 = self.conn.query_row(
            "SELECT count(*) FROM events_fts WHERE events_fts MATCH ?1 AND rowid BETWEEN ?2 AND ?3",
            params![phrase, lo, hi],
            |r| r.get(0),
        )?;
        if matches <= 0 {
            return Ok((0, Vec::new()));
        }
        if !f.beyond_dates {
            let mut stmt = self.conn.prepare_cached(
                "SELECT rowid FROM events_fts WHERE events_fts MATCH ?1 AND rowid BETWEEN ?2 AND ?3 \
                 ORDER BY rowid DESC LIMIT ?4 OFFSET ?5",
            )?;
            let limit = i64::try_from(limit).unwrap_or(i64::MAX);
            let offset = i64::try_from(offset).unwrap_or(i64::MAX);
            let ids = stmt
                .query_map(params![phrase, lo, hi, limit, offset], |r| {
                    r.get::<_, i64>(0).map(search::id_of)
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            return Ok((matches as u64, ids));
        }
        let selected: i64 = self
            .conn
            .query_row(&f.count_sql(), f.params().as_slice(), |r| r.get(0))?;
        if selected <= 0 {
            return Ok((0, Vec::new()));
        }
        let mut keys: Vec<i64> = {
            let mut stmt = self.conn.prepare_cached(
                "SELECT rowid FROM events_fts WHERE events_fts MATCH ?1 AND rowid BETWEEN ?2 AND ?3",
            )?;
            stmt.query_map(params![phrase, lo, hi], |r| r.get::<_, i64>(0))?
                .collect::<rusqlite::Result<Vec<_>>>()?
        };
        let rows = if (matches as f64) * COST_SEEK < (selected as f64) * COST_SCAN {
            let ids: Vec<i64> = keys.iter().map(|&k| search::id_of(k)).collect();
            self.day_ids_of(&ids, Some(f))?
        } else {
            keys.sort_unstable();
            self.day_ids(&f.day_ids_sql(), &f.params())?
                .into_iter()
                .filter(|&(day, id)| keys.binary_search(&search::key(day, id)).is_ok())
                .collect()
        };
        Ok(page_of(rows, limit, offset))
    }

    /// `(day, id)` rows of a query.
    fn day_ids(&self, sql: &str, params: &[&dyn ToSql]) -> Result<Vec<(i64, i64)>> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let rows = stmt
            .query_map(params, |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// `(day, id)` of the events with the given ids that pass the filters, looked up by id.
    fn day_ids_of(&self, ids: &[i64], f: Option<&Filters>) -> Result<Vec<(i64, i64)>> {
        let list: Vec<rusqlite::types::Value> = ids
            .iter()
            .map(|&id| rusqlite::types::Value::Integer(id))
            .collect();
        let list = std::rc::Rc::new(list);
        let mut params: Vec<&dyn ToSql> = match f {
            Some(f) => f.params(),
            None => Vec::new(),
        };
        params.push(&list);
        let sql = format!(
            "SELECT day, id FROM events WHERE id IN rarray(?{}) AND ({})",
            params.len(),
            f.map_or("1".to_string(), Filters::any)
        );
        self.day_ids(&sql, &params)
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
    /// frequent first, then by code. Read from `actor_counts`, which triggers keep up to date.
    pub fn actors(&self, limit: usize) -> Result<Vec<ActorCount>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT code, events FROM actor_counts WHERE code != '' AND events > 0 \
             ORDER BY events DESC, code LIMIT ?1",
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

/// Rough relative costs of the two ways a text search with filters can go, per row (measured
/// on the load test's stores): looking up one event by id (a random seek into the table), and
/// reading one event from the filters' index (the next entry of a range scan).
const COST_SEEK: f64 = 20.0;
const COST_SCAN: f64 = 1.0;

/// The SQL condition of a search's filters other than text, with its arguments, as disjoint
/// branches: an event matches when it matches one branch, and never matches two. Each branch
/// is a plain conjunction, so SQLite answers it from one index (the dyad, source, target or
/// code index, which hold the day and id too) without reading the table; an OR across
/// columns (an undirected dyad, an actor on either side) would make it look up every row.
pub(crate) struct Filters {
    /// Conjunctions; empty when nothing is filtered.
    branches: Vec<String>,
    args: Vec<Box<dyn ToSql>>,
    /// The date bounds as day numbers (they are in every branch too).
    from: Option<i64>,
    to: Option<i64>,
    /// Whether there is a filter other than the dates.
    beyond_dates: bool,
}

impl Filters {
    pub(crate) fn of(q: &EventQuery) -> Filters {
        let mut args: Vec<Box<dyn ToSql>> = Vec::new();
        // `col` starts with `prefix`, as an index range.
        let range = |col: &str, prefix: &str, args: &mut Vec<Box<dyn ToSql>>| -> String {
            let (lo, hi) = prefix_range(prefix);
            args.push(Box::new(lo));
            args.push(Box::new(hi));
            let n = args.len();
            format!("{col} >= ?{} AND {col} < ?{n}", n - 1)
        };
        // A dyad's terms: with two country-level prefixes, also the country parts, so that
        // SQLite can seek in events_dyad_country.
        let dyad = |s: &str, t: &str, args: &mut Vec<Box<dyn ToSql>>| -> String {
            let mut terms = Vec::new();
            if let (Some(s3), Some(t3)) = (country_part(s), country_part(t)) {
                args.push(Box::new(s3));
                terms.push(format!("substr(source, 1, 3) = ?{}", args.len()));
                args.push(Box::new(t3));
                terms.push(format!("substr(target, 1, 3) = ?{}", args.len()));
            }
            terms.push(range("source", s, args));
            terms.push(range("target", t, args));
            terms.join(" AND ")
        };
        let mut branches: Vec<Vec<String>> = vec![Vec::new()];
        match (&q.source, &q.target) {
            (Some(s), Some(t)) => {
                let forward = dyad(s, t, &mut args);
                if q.undirected {
                    // The way back, less what the way there already has (CHN and CHN).
                    let backward = dyad(t, s, &mut args);
                    branches = vec![
                        vec![forward.clone()],
                        vec![backward, format!("NOT ({forward})")],
                    ];
                } else {
                    branches = vec![vec![forward]];
                }
            }
            (s, t) => {
                if let Some(s) = s {
                    let c = range("source", s, &mut args);
                    branches[0].push(c);
                }
                if let Some(t) = t {
                    let c = range("target", t, &mut args);
                    branches[0].push(c);
                }
            }
        }
        if let Some(actor) = &q.actor {
            // As source, or as target and not as source.
            let as_source = range("source", actor, &mut args);
            let as_target = range("target", actor, &mut args);
            branches = branches
                .into_iter()
                .flat_map(|b| {
                    let mut one = b.clone();
                    one.push(as_source.clone());
                    let mut two = b;
                    two.push(as_target.clone());
                    two.push(format!("NOT ({as_source})"));
                    [one, two]
                })
                .collect();
        }
        let mut common = Vec::new();
        if let Some(code) = &q.code {
            common.push(range("code", code, &mut args));
        }
        let beyond_dates = branches.len() > 1 || !branches[0].is_empty() || !common.is_empty();
        let from = q.from.map(day_number);
        let to = q.to.map(day_number);
        if let Some(f) = from {
            args.push(Box::new(f));
            common.push(format!("day >= ?{}", args.len()));
        }
        if let Some(t) = to {
            args.push(Box::new(t));
            common.push(format!("day <= ?{}", args.len()));
        }
        let branches: Vec<String> = branches
            .into_iter()
            .map(|mut b| {
                b.extend(common.iter().cloned());
                b.join(" AND ")
            })
            .filter(|b| !b.is_empty())
            .collect();
        Filters {
            branches,
            args,
            from,
            to,
            beyond_dates,
        }
    }

    fn is_empty(&self) -> bool {
        self.branches.is_empty()
    }

    /// The whole condition as one expression (`1` without filters).
    fn any(&self) -> String {
        match self.branches.as_slice() {
            [] => "1".to_string(),
            [one] => one.clone(),
            many => many
                .iter()
                .map(|b| format!("({b})"))
                .collect::<Vec<_>>()
                .join(" OR "),
        }
    }

    /// A query counting the matching events, branch by branch.
    fn count_sql(&self) -> String {
        if self.branches.is_empty() {
            return "SELECT count(*) FROM events".to_string();
        }
        let counts: Vec<String> = self
            .branches
            .iter()
            .map(|b| format!("(SELECT count(*) FROM events WHERE {b})"))
            .collect();
        format!("SELECT {}", counts.join(" + "))
    }

    /// A query of `day, id` of the matching events, branch by branch.
    pub(crate) fn day_ids_sql(&self) -> String {
        if self.branches.is_empty() {
            return "SELECT day, id FROM events".to_string();
        }
        self.branches
            .iter()
            .map(|b| format!("SELECT day, id FROM events WHERE {b}"))
            .collect::<Vec<_>>()
            .join(" UNION ALL ")
    }

    pub(crate) fn params(&self) -> Vec<&dyn ToSql> {
        self.args.iter().map(|a| a.as_ref()).collect()
    }
}

/// Sorts `(day, id)` rows newest first (day, then id, descending) and cuts out one page.
/// Returns the number of rows and the page's ids.
pub(crate) fn page_of(mut rows: Vec<(i64, i64)>, limit: usize, offset: usize) -> (u64, Vec<i64>) {
    let total = rows.len() as u64;
    let wanted = offset.saturating_add(limit).min(rows.len());
    if wanted == 0 {
        return (total, Vec::new());
    }
    let newest_first = |a: &(i64, i64), b: &(i64, i64)| b.cmp(a);
    if wanted < rows.len() {
        rows.select_nth_unstable_by(wanted - 1, newest_first);
        rows.truncate(wanted);
    }
    rows.sort_unstable_by(newest_first);
    (
        total,
        rows.into_iter().skip(offset).map(|(_, id)| id).collect(),
    )
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
