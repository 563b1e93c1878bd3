//! The values the store hands out and takes in: query parameters, stored events with their
//! mentions, documents, dyad series. All are serde-serialisable so the HTTP API and the CLI's
//! `--json` output are the same records.

use chrono::Datelike;
use demarche_model::{Date, Document, Event, GeoPoint, RuleRef, Span};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

/// One unit of ingest: a document, the events coded from it, and the knowledge extracted from
/// it (persons, quotes, amounts, ... as one JSON value), if any.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct IngestItem {
    pub document: Document,
    pub events: Vec<Event>,
    pub knowledge: Option<serde_json::Value>,
}

/// What ingesting one document did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum IngestOutcome {
    /// The document id was not in the store.
    New,
    /// The same id with the same content and the same events and knowledge: nothing written.
    Unchanged,
    /// The same id with different content, events or knowledge: the new version replaced the
    /// old one (its sentences, mentions and knowledge), and event counts were recomputed.
    Replaced,
}

/// Totals of an ingest run, as printed by `demarche ingest`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct IngestSummary {
    pub documents_new: u64,
    pub documents_unchanged: u64,
    pub documents_replaced: u64,
    /// Event mentions written (one per coded event record, after removing exact repeats).
    pub mentions: u64,
    /// Events (after de-duplication) created by this run.
    pub events_new: u64,
}

impl IngestSummary {
    pub fn add(&mut self, outcome: IngestOutcome) {
        match outcome {
            IngestOutcome::New => self.documents_new += 1,
            IngestOutcome::Unchanged => self.documents_unchanged += 1,
            IngestOutcome::Replaced => self.documents_replaced += 1,
        }
    }
}

/// Row counts of the store.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct StoreStats {
    pub schema_version: u32,
    pub documents: u64,
    pub sentences: u64,
    /// De-duplicated events.
    pub events: u64,
    /// Event mentions (evidence records); `mentions >= events`.
    pub mentions: u64,
    pub knowledge: u64,
    /// Earliest and latest event date, when there are events.
    pub first_date: Option<Date>,
    pub last_date: Option<Date>,
}

/// Time resolution of a dyad series.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    Day,
    /// ISO weeks, Monday to Sunday, labelled `2021-W46`.
    Week,
    Month,
}

impl Granularity {
    /// The first day of the period containing `date`.
    pub fn period_start(self, date: Date) -> Date {
        match self {
            Granularity::Day => date,
            Granularity::Week => {
                date - chrono::Days::new(u64::from(date.weekday().num_days_from_monday()))
            }
            Granularity::Month => date.with_day(1).unwrap_or(date),
        }
    }

    /// The first day of the period after the one starting at `start`.
    pub fn next_period(self, start: Date) -> Option<Date> {
        match self {
            Granularity::Day => start.succ_opt(),
            Granularity::Week => start.checked_add_days(chrono::Days::new(7)),
            Granularity::Month => start.checked_add_months(chrono::Months::new(1)),
        }
    }

    /// The label of the period starting at `start`: `2021-11-20`, `2021-W46` or `2021-11`.
    pub fn label(self, start: Date) -> String {
        match self {
            // Plain integer formatting: chrono's strftime parser is measurably slower, and a
            // day series of ten years builds 3,650 labels.
            Granularity::Day => format!(
                "{:04}-{:02}-{:02}",
                start.year(),
                start.month(),
                start.day()
            ),
            Granularity::Week => {
                let w = start.iso_week();
                format!("{}-W{:02}", w.year(), w.week())
            }
            Granularity::Month => format!("{:04}-{:02}", start.year(), start.month()),
        }
    }
}

impl fmt::Display for Granularity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Granularity::Day => "day",
            Granularity::Week => "week",
            Granularity::Month => "month",
        })
    }
}

impl FromStr for Granularity {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "day" => Ok(Granularity::Day),
            "week" => Ok(Granularity::Week),
            "month" => Ok(Granularity::Month),
            other => Err(format!("expected day, week or month, found `{other}`")),
        }
    }
}

/// A directed dyad series request: events whose source matches `a` and whose target matches
/// `b` (and, when `undirected`, also those from `b` to `a`).
///
/// Actor matching is by prefix, case-insensitively: `CHN` matches `CHN`, `CHNGOV`, `CHNMIL`.
/// CAMEO codes put the country first, so a country code selects the country's whole apparatus;
/// a longer code (`RUSGOV`) narrows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DyadQuery {
    pub a: String,
    pub b: String,
    pub by: Granularity,
    #[serde(default)]
    pub undirected: bool,
    /// Inclusive date bounds on the event date.
    #[serde(default)]
    pub from: Option<Date>,
    #[serde(default)]
    pub to: Option<Date>,
}

impl DyadQuery {
    pub fn new(a: impl Into<String>, b: impl Into<String>, by: Granularity) -> Self {
        DyadQuery {
            a: a.into(),
            b: b.into(),
            by,
            undirected: false,
            from: None,
            to: None,
        }
    }
}

/// How many events had one CAMEO code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CodeCount {
    pub code: String,
    /// The CAMEO name of the code, when our table knows it.
    pub name: String,
    pub count: u64,
}

/// One period of a dyad series. Counts are of de-duplicated events; `mentions` sums their
/// NumMentions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DyadBucket {
    /// First day of the period.
    pub period: Date,
    pub label: String,
    pub events: u64,
    pub mentions: u64,
    /// Events by Phoenix quad class: index 0 neutral, 1 verbal cooperation, 2 material
    /// cooperation, 3 verbal conflict, 4 material conflict.
    pub quad_counts: [u64; 5],
    /// quad classes 1 + 2.
    pub cooperation: u64,
    /// quad classes 3 + 4.
    pub conflict: u64,
    /// Events by CAMEO root code ("05", "11", ...), sorted by root.
    pub root_counts: BTreeMap<String, u64>,
    pub goldstein_sum: f64,
    /// `goldstein_sum / events`, or `None` for an empty period.
    pub goldstein_mean: Option<f64>,
    /// The most frequent codes (at most 5), by count descending then code ascending.
    pub top_codes: Vec<CodeCount>,
}

impl DyadBucket {
    pub fn empty(by: Granularity, period: Date) -> Self {
        DyadBucket {
            period,
            label: by.label(period),
            events: 0,
            mentions: 0,
            quad_counts: [0; 5],
            cooperation: 0,
            conflict: 0,
            root_counts: BTreeMap::new(),
            goldstein_sum: 0.0,
            goldstein_mean: None,
            top_codes: Vec::new(),
        }
    }
}

/// A dyad's history: one bucket per period from the first to the last period that has an event
/// (empty periods in between are present with zero counts, so a chart's x axis is regular),
/// and the totals over all periods.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DyadSeries {
    pub query: DyadQuery,
    pub buckets: Vec<DyadBucket>,
    pub total: DyadBucket,
}

/// Two dyads side by side over the same periods (the union of both ranges): `left.buckets[i]`
/// and `right.buckets[i]` have the same label.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DyadComparison {
    pub left: DyadSeries,
    pub right: DyadSeries,
}

/// One piece of evidence for an event: where a document said it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    pub event_id: i64,
    pub doc_id: String,
    /// 0-based sentence index in the document.
    pub sentence: usize,
    /// The sentence the spans point into (empty if the coder gave none).
    pub sentence_text: String,
    /// The document's publication date as the event record gave it.
    pub date: Date,
    /// The event date the sentence resolved, if any.
    pub event_date: Option<Date>,
    pub source_text: String,
    pub target_text: String,
    pub verb_text: String,
    pub source_span: Option<Span>,
    pub target_span: Option<Span>,
    pub verb_span: Option<Span>,
    pub rules: Vec<RuleRef>,
    /// Outlet, title and URL of the document, when known.
    pub doc_source: Option<String>,
    pub doc_title: Option<String>,
    pub doc_url: Option<String>,
    /// Where the event happened, as the mention's event record said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action_geo: Option<GeoPoint>,
    /// `"sentence"` or `"dateline"`: how `action_geo` was found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geo_source: Option<String>,
}

/// A de-duplicated event with its GDELT-style counts and (some of) its mentions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredEvent {
    pub id: i64,
    pub source: String,
    pub target: String,
    pub code: String,
    /// CAMEO name of the code, when our table knows it.
    pub name: String,
    pub root: String,
    pub quad_class: u8,
    pub goldstein: f32,
    pub plover: Option<String>,
    /// The identity date: the event date when a mention resolved one, else the publication date.
    pub date: Date,
    /// Mentions of the event (several per article are possible).
    pub num_mentions: u64,
    /// Distinct outlets; a document without an outlet counts as its own source.
    pub num_sources: u64,
    /// Distinct documents.
    pub num_articles: u64,
    /// Mentions ordered by publication date, document id, sentence; possibly truncated (see the
    /// query that returned the event).
    pub mentions: Vec<Mention>,
}

/// Filters for [`crate::Store::search_events`]. All given filters must hold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EventQuery {
    /// Source actor prefix.
    pub source: Option<String>,
    /// Target actor prefix.
    pub target: Option<String>,
    /// With `source` and `target`: also the events from target to source.
    pub undirected: bool,
    /// Actor prefix on either side.
    pub actor: Option<String>,
    /// CAMEO code prefix ("11" finds every disapproval, "112" accusations).
    pub code: Option<String>,
    /// Inclusive bounds on the event date.
    pub from: Option<Date>,
    pub to: Option<Date>,
    /// Words that one sentence of a mention must contain, in this order and adjacent (a
    /// phrase), the last one also as a prefix when it has three characters or more; case and
    /// diacritics are folded, other characters ignored. Answered by the full-text index.
    pub text: Option<String>,
    /// Page size; capped at [`EventQuery::MAX_LIMIT`].
    pub limit: usize,
    pub offset: usize,
    /// Mentions returned per event; capped at [`EventQuery::MAX_MENTIONS`].
    pub mentions_per_event: usize,
}

impl EventQuery {
    pub const MAX_LIMIT: usize = 1000;
    pub const MAX_MENTIONS: usize = 100;
}

impl Default for EventQuery {
    fn default() -> Self {
        EventQuery {
            source: None,
            target: None,
            undirected: false,
            actor: None,
            code: None,
            from: None,
            to: None,
            text: None,
            limit: 50,
            offset: 0,
            mentions_per_event: 5,
        }
    }
}

/// A page of search results, newest first (date descending, then the most recently stored
/// first).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventPage {
    /// Events matching the filters, over all pages.
    pub total: u64,
    pub offset: usize,
    pub events: Vec<StoredEvent>,
}

/// A sentence as stored: its index, text and, when found, its byte span in the document text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredSentence {
    pub index: usize,
    pub text: String,
    pub span: Option<Span>,
}

/// A stored document with its sentences, its events (with only this document's mentions) and
/// its knowledge.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentView {
    pub id: String,
    /// Hex SHA-256 of the document's content (id, date, title, source, url, text, parses).
    pub content_hash: String,
    pub date: Option<Date>,
    pub title: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub text: String,
    pub sentences: Vec<StoredSentence>,
    pub events: Vec<StoredEvent>,
    pub knowledge: Option<serde_json::Value>,
}

/// An actor code and how many events it takes part in (as source or target).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorCount {
    pub code: String,
    pub events: u64,
}

/// Export formats of [`crate::Store::export`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    /// GDELT 2.0 event table: 61 tab-separated columns in codebook order, no header.
    Gdelt,
    /// Phoenix-style tab-separated event table with a header row.
    Phoenix,
    /// One [`StoredEvent`] (with all its mentions) per line.
    Jsonl,
    /// Parquet, one row per event.
    Parquet,
}

impl FromStr for ExportFormat {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "gdelt" => Ok(ExportFormat::Gdelt),
            "phoenix" => Ok(ExportFormat::Phoenix),
            "jsonl" => Ok(ExportFormat::Jsonl),
            "parquet" => Ok(ExportFormat::Parquet),
            other => Err(format!(
                "expected gdelt, phoenix, jsonl or parquet, found `{other}`"
            )),
        }
    }
}

impl fmt::Display for ExportFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ExportFormat::Gdelt => "gdelt",
            ExportFormat::Phoenix => "phoenix",
            ExportFormat::Jsonl => "jsonl",
            ExportFormat::Parquet => "parquet",
        })
    }
}

/// Dates are stored as `YYYYMMDD` integers: sortable, compact and readable in the SQLite shell.
pub(crate) fn day_number(date: Date) -> i64 {
    i64::from(date.year()) * 10_000 + i64::from(date.month()) * 100 + i64::from(date.day())
}

pub(crate) fn day_from_number(n: i64) -> Option<Date> {
    let year = i32::try_from(n / 10_000).ok()?;
    let month = u32::try_from((n / 100) % 100).ok()?;
    let day = u32::try_from(n % 100).ok()?;
    Date::from_ymd_opt(year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn day_numbers_round_trip() {
        assert_eq!(day_number(d(2021, 11, 20)), 20211120);
        assert_eq!(day_from_number(20211120), Some(d(2021, 11, 20)));
        assert_eq!(day_from_number(20210230), None);
    }

    #[test]
    fn periods_and_labels() {
        // 2021-11-20 is a Saturday in ISO week 46, which starts on Monday 2021-11-15.
        let sat = d(2021, 11, 20);
        assert_eq!(Granularity::Week.period_start(sat), d(2021, 11, 15));
        assert_eq!(Granularity::Week.label(d(2021, 11, 15)), "2021-W46");
        assert_eq!(Granularity::Month.period_start(sat), d(2021, 11, 1));
        assert_eq!(Granularity::Month.label(d(2021, 11, 1)), "2021-11");
        assert_eq!(
            Granularity::Month.next_period(d(2021, 12, 1)),
            Some(d(2022, 1, 1))
        );
        // 2021-01-01 belongs to ISO week 53 of 2020.
        let start = Granularity::Week.period_start(d(2021, 1, 1));
        assert_eq!(Granularity::Week.label(start), "2020-W53");
        assert_eq!("Month".parse::<Granularity>(), Ok(Granularity::Month));
        assert!("year".parse::<Granularity>().is_err());
    }
}
