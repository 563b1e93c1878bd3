//! Time expressions and their resolution against the publication date.
//!
//! Recognised forms (case-insensitive where it is safe):
//! - weekdays, with optional `last` / `next` / `this`: "on Friday" → the latest Friday on or
//!   before publication (or the next one on or after it when the sentence speaks of the future
//!   with "will" before the weekday);
//! - `today`, `yesterday`, `tomorrow`, `tonight`; `N days/weeks/months/years ago`;
//! - month and day with or without a year ("October 28", "28 October 2021", "Oct. 28, 2021"),
//!   a month with a year or with "this/last/next year" ("June 2021", "June this year"), and a
//!   month alone after a preposition ("in June"); a year missing from the text is the one that
//!   puts the date nearest to publication;
//! - `this/last/next week|month|year` (weeks run Monday to Sunday); weekday ranges ("from
//!   Sunday to Wednesday") and weekends ("over the weekend", "next weekend");
//! - quarters and halves: "the first quarter of 2021", "the first three quarters of this year",
//!   "the second half of last year";
//! - years after a preposition ("in 2021", "since 2014").
//!
//! Relative forms need a publication date; without one only absolute forms are resolved.
//!
//! The files: this one holds the types, the calendar helpers and [`find_times`]; [`matcher`]
//! reads each form from the tokens.

mod matcher;

use crate::lexicon::{Class, has};
use crate::tokens::Tok;
use chrono::{Datelike, Duration, Weekday};
use demarche_model::{Date, Span};
use serde::Serialize;

/// How precise a resolved time is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    Day,
    Week,
    Month,
    Quarter,
    Year,
    /// Any other run of days, such as "the first three quarters of this year".
    Period,
}

/// A resolved time: always a closed range of days; a single day has `start == end`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimeValue {
    pub granularity: Granularity,
    pub start: Date,
    pub end: Date,
    /// ISO 8601 form: `2021-11-19`, `2021-06`, `2021`, or `2021-01-01/2021-09-30`.
    pub value: String,
}

impl TimeValue {
    pub(crate) fn day(d: Date) -> Self {
        TimeValue {
            granularity: Granularity::Day,
            start: d,
            end: d,
            value: d.format("%Y-%m-%d").to_string(),
        }
    }

    fn month(year: i32, month: u32) -> Option<Self> {
        let start = Date::from_ymd_opt(year, month, 1)?;
        let end = last_day_of_month(year, month)?;
        Some(TimeValue {
            granularity: Granularity::Month,
            start,
            end,
            value: format!("{year:04}-{month:02}"),
        })
    }

    fn year(year: i32) -> Option<Self> {
        Some(TimeValue {
            granularity: Granularity::Year,
            start: Date::from_ymd_opt(year, 1, 1)?,
            end: Date::from_ymd_opt(year, 12, 31)?,
            value: format!("{year:04}"),
        })
    }

    fn months(year: i32, first: u32, last: u32, granularity: Granularity) -> Option<Self> {
        let start = Date::from_ymd_opt(year, first, 1)?;
        let end = last_day_of_month(year, last)?;
        Some(TimeValue {
            granularity,
            start,
            end,
            value: format!("{}/{}", start.format("%Y-%m-%d"), end.format("%Y-%m-%d")),
        })
    }

    /// Any run of days from `start` to `end`.
    fn period(start: Date, end: Date) -> Self {
        TimeValue {
            granularity: Granularity::Period,
            start,
            end,
            value: format!("{}/{}", start.format("%Y-%m-%d"), end.format("%Y-%m-%d")),
        }
    }

    fn week_of(d: Date) -> Self {
        let start = d - Duration::days(i64::from(d.weekday().num_days_from_monday()));
        let end = start + Duration::days(6);
        TimeValue {
            granularity: Granularity::Week,
            start,
            end,
            value: format!("{}/{}", start.format("%Y-%m-%d"), end.format("%Y-%m-%d")),
        }
    }
}

/// A time expression found in the text, with its span and resolved value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimeExpression {
    pub span: Span,
    pub text: String,
    pub resolved: TimeValue,
}

fn last_day_of_month(year: i32, month: u32) -> Option<Date> {
    let (ny, nm) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    Date::from_ymd_opt(ny, nm, 1).map(|d| d - Duration::days(1))
}

/// Words before a bare year or month that make it a time (`data/time.txt`).
fn year_preposition(w: &str) -> bool {
    has(Class::YearPreposition, w)
}

pub(crate) fn weekday_of(word: &str) -> Option<Weekday> {
    let n = demarche_text::english::words().weekday(word)?;
    // Full names only ("Sat" is no weekday in running text).
    if word.len() < 6 {
        return None;
    }
    let i = usize::try_from(n).ok()?.checked_sub(1)?;
    [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ]
    .get(i)
    .copied()
}

/// A small count in words or digits ("three", "a", "12"), from `demarche_text::english`.
fn small_number(word: &str) -> Option<i64> {
    if word == "a" {
        return Some(1);
    }
    if let Some(n) = demarche_text::english::words().cardinal(word) {
        return i64::try_from(n).ok();
    }
    word.parse().ok().filter(|n| (1..=1000).contains(n))
}

/// An ordinal in words ("third" → 3), from `demarche_text::english`.
fn ordinal(word: &str) -> Option<u32> {
    demarche_text::english::words().ordinal(word)
}

/// The year, among the one before, the one of, and the one after `published`, that puts
/// `month`/`day` nearest to the publication date.
fn nearest_year(published: Option<Date>, month: u32, day: u32) -> Option<i32> {
    let p = published?;
    (p.year() - 1..=p.year() + 1)
        .filter_map(|y| Date::from_ymd_opt(y, month, day).map(|d| (y, (d - p).num_days().abs())))
        .min_by_key(|(_, dist)| *dist)
        .map(|(y, _)| y)
}

/// What the words before a time expression say about when it lies (see [`Matcher::tense_before`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tense {
    /// Ahead of publication: "will meet on Thursday", "is expected on Monday".
    Future,
    /// Behind it: "signed on June 20", "since Oct. 3".
    Past,
    /// Nothing either way: the nearest such day.
    Unknown,
}

/// The year, among the one before, the one of, and the one after `published`, that puts
/// `month`/`day` on the side of publication that `tense` says, else nearest to it.
fn year_for(published: Option<Date>, month: u32, day: u32, tense: Tense) -> Option<i32> {
    let p = published?;
    let candidates = (p.year() - 1..=p.year() + 1)
        .filter_map(|y| Date::from_ymd_opt(y, month, day).map(|d| (y, d)));
    match tense {
        Tense::Future => candidates.filter(|(_, d)| *d >= p).map(|(y, _)| y).min(),
        Tense::Past => candidates.filter(|(_, d)| *d <= p).map(|(y, _)| y).max(),
        Tense::Unknown => nearest_year(published, month, day),
    }
}

struct Matcher<'a> {
    text: &'a str,
    toks: &'a [Tok],
    /// The tokens' lower-case forms, one after the other; token `i`'s ends at `ends[i]`.
    lower: String,
    ends: Vec<usize>,
    published: Option<Date>,
}

/// Finds the time expressions among `toks` (the tokens of one sentence of `text`).
pub fn find_times(text: &str, toks: &[Tok], published: Option<Date>) -> Vec<TimeExpression> {
    // Every token's lower-case form in one buffer, not a string each.
    let bytes = match (toks.first(), toks.last()) {
        (Some(a), Some(b)) => b.span.end.saturating_sub(a.span.start),
        _ => 0,
    };
    let mut lower = String::with_capacity(bytes + 8);
    let mut ends = Vec::with_capacity(toks.len());
    for t in toks {
        let w = t.span.slice(text).unwrap_or("");
        if w.is_ascii() {
            lower.extend(w.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            lower.push_str(&w.to_lowercase());
        }
        ends.push(lower.len());
    }
    let m = Matcher {
        text,
        toks,
        lower,
        ends,
        published,
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if let Some((used, resolved)) = m.at(i) {
            let used = used.max(1);
            if let (Some(first), Some(last)) = (toks.get(i), toks.get(i + used - 1)) {
                let span = Span::new(first.span.start, last.span.end);
                out.push(TimeExpression {
                    span,
                    text: span.slice(text).unwrap_or("").to_string(),
                    resolved,
                });
            }
            i += used;
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests;
