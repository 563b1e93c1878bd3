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
//! - `this/last/next week|month|year` (weeks run Monday to Sunday);
//! - quarters and halves: "the first quarter of 2021", "the first three quarters of this year",
//!   "the second half of last year";
//! - years after a preposition ("in 2021", "since 2014").
//!
//! Relative forms need a publication date; without one only absolute forms are resolved.

use crate::lexicon::{Class, has, month_number};
use crate::tokens::{Tok, TokenKind};
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

fn weekday_of(word: &str) -> Option<Weekday> {
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
    lower: Vec<String>,
    published: Option<Date>,
}

impl Matcher<'_> {
    fn word(&self, i: usize) -> &str {
        self.lower.get(i).map_or("", String::as_str)
    }

    fn raw(&self, i: usize) -> &str {
        self.toks
            .get(i)
            .and_then(|t| t.span.slice(self.text))
            .unwrap_or("")
    }

    fn is_number(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Number)
    }

    fn year_at(&self, i: usize) -> Option<i32> {
        if !self.is_number(i) || self.raw(i).len() != 4 {
            return None;
        }
        self.raw(i)
            .parse()
            .ok()
            .filter(|y| (1800..=2199).contains(y))
    }

    fn day_at(&self, i: usize) -> Option<u32> {
        if !self.is_number(i) {
            return None;
        }
        self.raw(i).parse().ok().filter(|d| (1..=31).contains(d))
    }

    fn is_capitalised(&self, i: usize) -> bool {
        self.raw(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// "this year" / "last year" / "next year" / "YYYY" at `i`: (year, tokens used).
    fn year_ref(&self, i: usize) -> Option<(i32, usize)> {
        if let Some(y) = self.year_at(i) {
            return Some((y, 1));
        }
        let p = self.published?;
        if self.word(i + 1) != "year" {
            return None;
        }
        match self.word(i) {
            "this" | "the" => Some((p.year(), 2)),
            "last" | "past" => Some((p.year() - 1, 2)),
            "next" | "coming" => Some((p.year() + 1, 2)),
            _ => None,
        }
    }

    /// The tense of the clause around token `i`, from the nearest word of tense before it:
    /// a future modal or a word of plans ("will", "expected", "due"; `data/time.txt`) or an
    /// infinitive ("to resume") → ahead; a past form ("signed", "said", "was") or "since" →
    /// behind; a present auxiliary, a clause boundary or nothing → unknown.
    fn tense_before(&self, i: usize) -> Tense {
        let en = demarche_text::english::get();
        for j in (i.saturating_sub(25)..i).rev() {
            let w = self.word(j);
            if matches!(w, ";" | ":" | "\"" | "“" | "”") {
                break;
            }
            if has(Class::Future, w) {
                return Tense::Future;
            }
            if has(Class::Past, w) {
                return Tense::Past;
            }
            if w == "to" {
                let next = self.raw(j + 1);
                let infinitive = next.chars().next().is_some_and(char::is_lowercase)
                    && !has(Class::Function, next)
                    && self
                        .toks
                        .get(j + 1)
                        .is_some_and(|t| t.kind == TokenKind::Word);
                if infinitive {
                    return Tense::Future;
                }
                continue;
            }
            match en.aux(w) {
                Some(_) if matches!(w, "was" | "were" | "had" | "did") => return Tense::Past,
                Some(_) if matches!(w, "is" | "are" | "am" | "has" | "have" | "does" | "do") => {
                    return Tense::Unknown;
                }
                _ => {}
            }
            let word_tok = self.toks.get(j).is_some_and(|t| t.kind == TokenKind::Word)
                && w.chars().all(char::is_alphabetic);
            if !word_tok || self.is_capitalised(j) {
                continue;
            }
            let past_form = (w.ends_with("ed") && w.len() > 3)
                || en
                    .known_lemma(w)
                    .is_some_and(|l| l != w && !w.ends_with('s') && !w.ends_with("ing"));
            // A participle after a form of "be" is a passive whose tense is its auxiliary's
            // ("will be debated from Feb 5", "was signed on June 20"): read on to it.
            let passive =
                j > 0 && en.aux(self.word(j - 1)) == Some(demarche_text::english::Aux::Be);
            if past_form && !passive {
                return Tense::Past;
            }
        }
        Tense::Unknown
    }

    /// Tries every pattern at token `i`; returns the number of tokens used and the value.
    fn at(&self, i: usize) -> Option<(usize, TimeValue)> {
        self.quarter(i)
            .or_else(|| self.weekday(i))
            .or_else(|| self.month_first(i))
            .or_else(|| self.day_first(i))
            .or_else(|| self.deictic(i))
            .or_else(|| self.ago(i))
            .or_else(|| self.bare_year(i))
            .or_else(|| self.part_of_month(i))
    }

    /// "mid-December", "early-March", "late-June": the month (its part is not resolved).
    fn part_of_month(&self, i: usize) -> Option<(usize, TimeValue)> {
        let w = self.word(i);
        let month = ["mid-", "early-", "late-"]
            .iter()
            .find_map(|p| w.strip_prefix(p))
            .and_then(month_number)?;
        let mut used = 1;
        let year = if let Some((y, n)) = self.year_ref(i + 1) {
            used += n;
            y
        } else {
            nearest_year(self.published, month, 15)?
        };
        Some((used, TimeValue::month(year, month)?))
    }

    fn quarter(&self, i: usize) -> Option<(usize, TimeValue)> {
        let mut k = i;
        if self.word(k) == "the" {
            k += 1;
        }
        let ord = ordinal(self.word(k))?;
        k += 1;
        let (first_month, last_month, granularity) = match self.word(k) {
            "quarter" => {
                k += 1;
                (3 * ord - 2, 3 * ord, Granularity::Quarter)
            }
            "half" if ord <= 2 => {
                k += 1;
                (6 * ord - 5, 6 * ord, Granularity::Period)
            }
            w => {
                // "the first three quarters": only `first N quarters` makes sense.
                let n = u32::try_from(small_number(w)?).ok()?;
                if ord != 1 || self.word(k + 1) != "quarters" || !(2..=4).contains(&n) {
                    return None;
                }
                k += 2;
                (1, 3 * n, Granularity::Period)
            }
        };
        let year = if self.word(k) == "of" {
            let (y, used) = self.year_ref(k + 1)?;
            k += 1 + used;
            y
        } else if let Some((y, used)) = self.year_ref(k) {
            k += used;
            y
        } else {
            self.published?.year()
        };
        let value = TimeValue::months(year, first_month, last_month, granularity)?;
        Some((k - i, value))
    }

    fn weekday(&self, i: usize) -> Option<(usize, TimeValue)> {
        let (modifier, k) = match self.word(i) {
            m @ ("last" | "next" | "this" | "past" | "coming") => (m, i + 1),
            _ => ("", i),
        };
        let target = weekday_of(self.word(k))?;
        if !self.is_capitalised(k) {
            return None;
        }
        let p = self.published?;
        let back = (i64::from(p.weekday().num_days_from_monday())
            - i64::from(target.num_days_from_monday()))
        .rem_euclid(7);
        let ahead = (7 - back) % 7;
        let date = match modifier {
            "last" | "past" => p - Duration::days(if back == 0 { 7 } else { back }),
            "next" | "coming" => p + Duration::days(if ahead == 0 { 7 } else { ahead }),
            _ if self.tense_before(i) == Tense::Future => p + Duration::days(ahead),
            _ => p - Duration::days(back),
        };
        Some((k + 1 - i, TimeValue::day(date)))
    }

    fn month_first(&self, i: usize) -> Option<(usize, TimeValue)> {
        if !self.is_capitalised(i) {
            return None;
        }
        let month = month_number(self.raw(i))?;
        // A bare abbreviation must carry its dot ("Oct." but not "Oct"), except "Sept".
        let full = demarche_text::english::words().is_month_name(self.raw(i));
        let mut k = i + 1;
        if !full && !self.raw(i).ends_with('.') {
            // "Oct" without the dot: the tokenizer may have split the dot off; wire datelines
            // write "Nov 18" with a day right after.
            if self.raw(k) == "." {
                k += 1;
            } else if self.day_at(k).is_none()
                && !self.raw(k).starts_with(|c: char| c.is_ascii_digit())
            {
                return None;
            }
        }
        // A range of days: "March 14-15", "Jan. 12 to 15", "May 7 to June 2".
        if let Some(r) = self.day_range(i, month, k) {
            return Some(r);
        }
        if let Some(day) = self.day_at(k) {
            // Avoid "May 5,000 troops": the number must not be a year or large figure.
            let mut end = k + 1;
            let mut year = None;
            let comma = usize::from(self.raw(end) == ",");
            if let Some(y) = self.year_at(end + comma) {
                year = Some(y);
                end += comma + 1;
            } else if let Some((y, used)) =
                self.year_ref(end).filter(|_| self.year_at(end).is_none())
            {
                // "Oct. 8 last year"
                year = Some(y);
                end += used;
            }
            let year =
                year.or_else(|| year_for(self.published, month, day, self.tense_before(i)))?;
            let d = Date::from_ymd_opt(year, month, day)?;
            return Some((end - i, TimeValue::day(d)));
        }
        if let Some((year, used)) = self.year_ref(k) {
            return Some((k + used - i, TimeValue::month(year, month)?));
        }
        // A month alone must follow a preposition, so that "May" the verb and "March" the
        // noun are left alone.
        let prev = if i == 0 { "" } else { self.word(i - 1) };
        if year_preposition(prev) || matches!(prev, "last" | "this" | "next") {
            let year = match prev {
                "last" => {
                    let p = self.published?;
                    if month < p.month() {
                        p.year()
                    } else {
                        p.year() - 1
                    }
                }
                _ => {
                    // A month ahead or behind by the clause's tense ("by the end of March").
                    let p = self.published?;
                    match self.tense_before(i) {
                        Tense::Future if month < p.month() => p.year() + 1,
                        Tense::Future => p.year(),
                        Tense::Past if month > p.month() => p.year() - 1,
                        Tense::Past => p.year(),
                        Tense::Unknown => nearest_year(self.published, month, 15)?,
                    }
                }
            };
            return Some((k - i, TimeValue::month(year, month)?));
        }
        None
    }

    /// A range of days after the month at token `i` (its day at `k`): "14-15" (one token),
    /// "12 to 15", "7 to June 2", with an optional year: a period from the first day to the
    /// last.
    fn day_range(&self, i: usize, month: u32, k: usize) -> Option<(usize, TimeValue)> {
        let (d1, m2, d2, mut end) = if let Some((a, b)) = self.raw(k).split_once(['-', '–']) {
            let d1: u32 = a.parse().ok().filter(|d| (1..=31).contains(d))?;
            let d2: u32 = b.parse().ok().filter(|d| (1..=31).contains(d))?;
            (d1, month, d2, k + 1)
        } else {
            let d1 = self.day_at(k)?;
            if !matches!(self.word(k + 1), "to" | "-" | "–" | "and") {
                return None;
            }
            if self.word(k + 1) == "and" && !(i > 0 && self.word(i - 1) == "between") {
                return None;
            }
            let mut j = k + 2;
            let m2 = if self.is_capitalised(j) {
                let m = month_number(self.raw(j))?;
                j += 1;
                m
            } else {
                month
            };
            (d1, m2, self.day_at(j)?, j + 1)
        };
        let comma = usize::from(self.raw(end) == ",");
        let year = if let Some(y) = self.year_at(end + comma) {
            end += comma + 1;
            y
        } else {
            year_for(self.published, month, d1, self.tense_before(i))?
        };
        let start = Date::from_ymd_opt(year, month, d1)?;
        let year2 = if m2 < month { year + 1 } else { year };
        let last = Date::from_ymd_opt(year2, m2, d2)?;
        if last <= start {
            return None;
        }
        Some((
            end - i,
            TimeValue {
                granularity: Granularity::Period,
                start,
                end: last,
                value: format!("{}/{}", start.format("%Y-%m-%d"), last.format("%Y-%m-%d")),
            },
        ))
    }

    fn day_first(&self, i: usize) -> Option<(usize, TimeValue)> {
        let day = self.day_at(i)?;
        if !self.is_capitalised(i + 1) {
            return None;
        }
        let month = month_number(self.raw(i + 1))?;
        let mut end = i + 2;
        let year = if let Some(y) = self.year_at(end) {
            end += 1;
            y
        } else {
            nearest_year(self.published, month, day)?
        };
        let d = Date::from_ymd_opt(year, month, day)?;
        Some((end - i, TimeValue::day(d)))
    }

    fn deictic(&self, i: usize) -> Option<(usize, TimeValue)> {
        let p = self.published?;
        match self.word(i) {
            "today" | "tonight" => return Some((1, TimeValue::day(p))),
            "yesterday" => return Some((1, TimeValue::day(p - Duration::days(1)))),
            "tomorrow" => return Some((1, TimeValue::day(p + Duration::days(1)))),
            _ => {}
        }
        let shift: i32 = match self.word(i) {
            "this" => 0,
            "last" | "past" => -1,
            "next" | "coming" => 1,
            _ => return None,
        };
        let value = match self.word(i + 1) {
            "week" => TimeValue::week_of(p + Duration::days(7 * i64::from(shift))),
            "month" => {
                let total = p.year() * 12 + i32::try_from(p.month0()).ok()? + shift;
                TimeValue::month(
                    total.div_euclid(12),
                    u32::try_from(total.rem_euclid(12)).ok()? + 1,
                )?
            }
            "year" => TimeValue::year(p.year() + shift)?,
            _ => return None,
        };
        Some((2, value))
    }

    fn ago(&self, i: usize) -> Option<(usize, TimeValue)> {
        let n = small_number(self.word(i))?;
        if self.word(i + 2) != "ago" {
            return None;
        }
        let p = self.published?;
        let value = match self.word(i + 1).trim_end_matches('s') {
            "day" => TimeValue::day(p - Duration::days(n)),
            "week" => TimeValue::week_of(p - Duration::days(7 * n)),
            "month" => {
                let total =
                    p.year() * 12 + i32::try_from(p.month0()).ok()? - i32::try_from(n).ok()?;
                TimeValue::month(
                    total.div_euclid(12),
                    u32::try_from(total.rem_euclid(12)).ok()? + 1,
                )?
            }
            "year" => TimeValue::year(p.year() - i32::try_from(n).ok()?)?,
            _ => return None,
        };
        Some((3, value))
    }

    fn bare_year(&self, i: usize) -> Option<(usize, TimeValue)> {
        let y = self.year_at(i)?;
        let prev = if i == 0 { "" } else { self.word(i - 1) };
        if !year_preposition(prev) {
            return None;
        }
        Some((1, TimeValue::year(y)?))
    }
}

/// Finds the time expressions among `toks` (the tokens of one sentence of `text`).
pub fn find_times(text: &str, toks: &[Tok], published: Option<Date>) -> Vec<TimeExpression> {
    let lower: Vec<String> = toks
        .iter()
        .map(|t| t.span.slice(text).unwrap_or("").to_lowercase())
        .collect();
    let m = Matcher {
        text,
        toks,
        lower,
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
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    #[track_caller]
    fn check(sentence: &str, published: &str, expected: &[(&str, &str)]) {
        let p = demarche_model::parse_date(published).ok();
        let toks = tokenize(sentence, Span::new(0, sentence.len()));
        let got: Vec<(String, String)> = find_times(sentence, &toks, p)
            .into_iter()
            .map(|t| {
                assert_eq!(&sentence[t.span.range()], t.text);
                (t.text, t.resolved.value)
            })
            .collect();
        let expected: Vec<(String, String)> = expected
            .iter()
            .map(|(a, b)| ((*a).to_string(), (*b).to_string()))
            .collect();
        assert_eq!(got, expected, "sentence {sentence:?}");
    }

    #[test]
    fn weekdays_resolve_to_the_latest_on_or_before_publication() {
        // 2021-11-20 is a Saturday.
        check(
            "Zhao said on Friday.",
            "2021-11-20",
            &[("Friday", "2021-11-19")],
        );
        check(
            "On Thursday, Putin said so.",
            "2021-11-20",
            &[("Thursday", "2021-11-18")],
        );
        check(
            "They met on Saturday.",
            "2021-11-20",
            &[("Saturday", "2021-11-20")],
        );
        check(
            "They met last Saturday.",
            "2021-11-20",
            &[("last Saturday", "2021-11-13")],
        );
        check(
            "They will meet on Monday.",
            "2021-11-20",
            &[("Monday", "2021-11-22")],
        );
        check(
            "They meet next Friday.",
            "2021-11-20",
            &[("next Friday", "2021-11-26")],
        );
    }

    #[test]
    fn months_days_and_years() {
        check(
            "at a press conference on October 28.",
            "2021-11-20",
            &[("October 28", "2021-10-28")],
        );
        check(
            "issued in June this year",
            "2021-11-20",
            &[("June this year", "2021-06")],
        );
        check("issued in June", "2021-11-20", &[("June", "2021-06")]);
        check(
            "on 20 November 2021 and Oct. 5, 2020",
            "2021-11-20",
            &[
                ("20 November 2021", "2021-11-20"),
                ("Oct. 5, 2020", "2020-10-05"),
            ],
        );
        check(
            "planned for January 5",
            "2021-11-20",
            &[("January 5", "2022-01-05")],
        );
        check(
            "trade in 2021 will hit a record",
            "2021-11-20",
            &[("2021", "2021")],
        );
        check("It sold 2021 cars.", "2021-11-20", &[]);
        check("You May go.", "2021-11-20", &[]);
    }

    #[test]
    fn periods() {
        check(
            "In the first three quarters of this year, trade grew.",
            "2021-11-20",
            &[(
                "the first three quarters of this year",
                "2021-01-01/2021-09-30",
            )],
        );
        check(
            "in the second quarter of 2020",
            "2021-11-20",
            &[("the second quarter of 2020", "2020-04-01/2020-06-30")],
        );
        check(
            "the first half of last year",
            "2021-11-20",
            &[("the first half of last year", "2020-01-01/2020-06-30")],
        );
        check(
            "last week and this month",
            "2021-11-20",
            &[
                ("last week", "2021-11-08/2021-11-14"),
                ("this month", "2021-11"),
            ],
        );
        check(
            "yesterday, not today",
            "2021-11-20",
            &[("yesterday", "2021-11-19"), ("today", "2021-11-20")],
        );
        check(
            "three days ago",
            "2021-11-20",
            &[("three days ago", "2021-11-17")],
        );
        check("last month", "2021-01-10", &[("last month", "2020-12")]);
        check(
            "by mid-December or late-March 2022",
            "2021-11-20",
            &[("mid-December", "2021-12"), ("late-March 2022", "2022-03")],
        );
    }

    #[test]
    fn without_a_publication_date_only_absolute_forms_resolve() {
        check(
            "on Friday, 20 November 2021, in 2019",
            "",
            &[("20 November 2021", "2021-11-20"), ("2019", "2019")],
        );
    }

    #[test]
    fn a_month_after_as_early_as() {
        check(
            "The visit could come as early as April.",
            "2025-03-14",
            &[("April", "2025-04")],
        );
    }

    #[test]
    fn the_nearest_verb_says_ahead_or_behind() {
        // A passive's tense is its auxiliary's, not its participle's.
        check(
            "The budget will be debated from Feb 5 to Feb 9.",
            "2024-02-01",
            &[("Feb 5 to Feb 9", "2024-02-05/2024-02-09")],
        );
        check(
            "The pact was signed on Jan. 30.",
            "2024-02-01",
            &[("Jan. 30", "2024-01-30")],
        );
        // 2024-11-18 is a Monday.
        check(
            "The envoy will arrive on Thursday, officials said on Monday.",
            "2024-11-18",
            &[("Thursday", "2024-11-21"), ("Monday", "2024-11-18")],
        );
        check(
            "Talks are expected to resume on Wednesday.",
            "2024-11-18",
            &[("Wednesday", "2024-11-20")],
        );
        check(
            "The minister, who is due in Oslo on Friday, met aides on Friday.",
            "2024-11-18",
            &[("Friday", "2024-11-22"), ("Friday", "2024-11-15")],
        );
        // A date without a year: behind publication when signed, ahead when it will happen.
        check(
            "A pact signed on June 20 runs out; a summit will open on Oct. 5.",
            "2026-01-09",
            &[("June 20", "2025-06-20"), ("Oct. 5", "2026-10-05")],
        );
        check("since Oct. 3", "2025-08-14", &[("Oct. 3", "2024-10-03")]);
        check(
            "killed since Oct. 8 last year",
            "2024-10-02",
            &[("Oct. 8 last year", "2023-10-08")],
        );
    }

    #[test]
    fn ranges_of_days_and_wire_abbreviations() {
        check(
            "a summit on March 14-15 and talks from Jan. 12 to 15 or May 30 to June 2",
            "2025-03-03",
            &[
                ("March 14-15", "2025-03-14/2025-03-15"),
                ("Jan. 12 to 15", "2025-01-12/2025-01-15"),
                ("May 30 to June 2", "2025-05-30/2025-06-02"),
            ],
        );
        check(
            "KYIV, Nov 18 (Reuters)",
            "2024-11-18",
            &[("Nov 18", "2024-11-18")],
        );
    }
}
