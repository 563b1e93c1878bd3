//! The matcher: each recognised form (see the `time` module doc) read from a sentence's tokens
//! and resolved against the publication date.

use super::{
    Granularity, Matcher, Tense, TimeValue, nearest_year, ordinal, small_number, weekday_of,
    year_for, year_preposition,
};
use crate::lexicon::{Class, has, month_number};
use crate::tokens::TokenKind;
use chrono::{Datelike, Duration};
use demarche_model::Date;

impl Matcher<'_> {
    fn word(&self, i: usize) -> &str {
        let Some(&end) = self.ends.get(i) else {
            return "";
        };
        let start = i.checked_sub(1).map_or(0, |p| self.ends[p]);
        &self.lower[start..end]
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
                // Rule plan-word-phrasal: a word of plans before a verb particle is a phrasal
                // verb ("floods set off by rain swept …"): after "to" or a modal it lies ahead,
                // after a form of "be" its auxiliary decides, else it is a past form.
                if has(Class::PhrasalParticle, self.word(j + 1)) {
                    let prev = if j == 0 { "" } else { self.word(j - 1) };
                    if prev == "to" || has(Class::Future, prev) {
                        return Tense::Future;
                    }
                    if en.aux(prev) == Some(demarche_text::english::Aux::Be) {
                        continue;
                    }
                    return Tense::Past;
                }
                return Tense::Future;
            }
            if has(Class::Past, w) {
                return Tense::Past;
            }
            // Rule warning-of: a verb of warning with "of" before the time warns of what lies
            // ahead, whatever its tense ("warned of heavy rain in the highlands between Friday
            // and Sunday"; `[warning]` in `data/time.txt`). A time between the verb and "of"
            // ("warned on Monday of …") is the warning's own and reads on.
            if has(Class::Warning, w) && self.word(j + 1) == "of" {
                return Tense::Future;
            }
            if w == "to" {
                let next = self.raw(j + 1);
                // Rule to-plural-noun: a word in "-s" after "to" is a plural noun, no infinitive
                // ("were moved to shelters … on Wednesday"); "-ss" and "-us" stay verbs
                // ("to discuss", "to focus").
                let plural_noun =
                    next.ends_with('s') && !next.ends_with("ss") && !next.ends_with("us");
                let infinitive = next.chars().next().is_some_and(char::is_lowercase)
                    && !plural_noun
                    && !has(Class::Function, next)
                    && self
                        .toks
                        .get(j + 1)
                        .is_some_and(|t| t.kind == TokenKind::Word);
                // Rule noun-infinitive: an infinitive after a noun that a determiner or a number
                // opens modifies that noun ("foiled two attempts to cross the line between
                // Friday and Sunday"); the clause's verb before it decides, unless the noun is
                // a word of plans ("the plan to meet on Monday").
                // Rule object-infinitive-ahead: a noun after a verb of directing is that verb's
                // object and the infinitive its order ("ordered the army to open the road by
                // Friday"), which lies ahead.
                let directed = j >= 3
                    && demarche_text::english::get().has_class(
                        self.word(j - 3),
                        demarche_text::english::VerbClass::ObjectControl,
                    );
                let noun_before = j >= 2
                    && !directed
                    && {
                        let n = self.word(j - 1);
                        let d = self.word(j - 2).to_lowercase();
                        n.chars().next().is_some_and(char::is_lowercase)
                        && !has(Class::Future, n)
                        && !has(Class::Function, n)
                        // A sum is no such noun: "$12 million to help those affected through
                        // July" is its purpose, ahead.
                        && crate::lexicon::scale(n).is_none()
                        && (matches!(d.as_str(), "a" | "an" | "the" | "its" | "their" | "his" | "her")
                            || demarche_text::english::words().cardinal(&d).is_some()
                            || self.toks.get(j - 2).is_some_and(|t| t.kind == TokenKind::Number))
                    };
                if infinitive && !noun_before {
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
            // A participle right after a determiner or a preposition modifies a noun ("to help
            // those affected through July", "in the revised plan"): no verb of the clause.
            let modifier = j > 0 && has(Class::NounMarker, self.word(j - 1));
            // Rule copula-participle: a participle after a linking verb is a predicate
            // adjective ("schools will stay closed on Thursday", "the road remains shut"): read
            // on to the linking verb and what stands before it.
            let predicate = j > 0 && has(Class::Copula, self.word(j - 1));
            if past_form && !passive && !modifier && !predicate {
                return Tense::Past;
            }
        }
        Tense::Unknown
    }

    /// Tries every pattern at token `i`; returns the number of tokens used and the value.
    pub(super) fn at(&self, i: usize) -> Option<(usize, TimeValue)> {
        self.quarter(i)
            .or_else(|| self.weekday(i))
            .or_else(|| self.month_first(i))
            .or_else(|| self.day_first(i))
            .or_else(|| self.weekend(i))
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
        // Only "quarter", "half" or "N quarters" can follow the ordinal: tested before the
        // ordinal's look-up, which every word would otherwise pay.
        if !matches!(self.word(k + 1), "quarter" | "half") && self.word(k + 2) != "quarters" {
            return None;
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
        // The cheap test first: most words are not capitalised.
        if !self.is_capitalised(k) {
            return None;
        }
        let target = weekday_of(self.word(k))?;
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
        if modifier.is_empty()
            && let Some(r) = self.weekday_range(i, k, p - Duration::days(back), date)
        {
            return Some(r);
        }
        Some((k + 1 - i, TimeValue::day(date)))
    }

    /// Rule weekday-range: "from Sunday to Wednesday", "between Monday and Thursday" (the
    /// first weekday at token `k`): the days from the first to the next such second weekday.
    /// The stretch that holds the publication day is the one meant, whatever the tense
    /// ("rain would hit … from Sunday to Wednesday" in a text of the Tuesday between); else
    /// the first day falls where the tense puts it (`by_tense`).
    fn weekday_range(
        &self,
        i: usize,
        k: usize,
        latest: Date,
        by_tense: Date,
    ) -> Option<(usize, TimeValue)> {
        let opener = if i == 0 { "" } else { self.word(i - 1) };
        let joined = match opener {
            "from" => matches!(
                self.word(k + 1),
                "to" | "through" | "until" | "till" | "-" | "–"
            ),
            "between" => self.word(k + 1) == "and",
            _ => false,
        };
        if !joined || !self.is_capitalised(k + 2) {
            return None;
        }
        let first = weekday_of(self.word(k))?;
        let last = weekday_of(self.word(k + 2))?;
        let span = (i64::from(last.num_days_from_monday())
            - i64::from(first.num_days_from_monday()))
        .rem_euclid(7);
        if span == 0 {
            return None;
        }
        let p = self.published?;
        let start = if latest + Duration::days(span) >= p {
            latest
        } else {
            by_tense
        };
        Some((
            k + 3 - i,
            TimeValue::period(start, start + Duration::days(span)),
        ))
    }

    /// Rule weekend: "over the weekend", "this weekend", "last weekend", "next weekend",
    /// "the coming weekend": Saturday and Sunday. A publication day at the weekend is in it;
    /// "the weekend" lies ahead when the clause speaks of the future, else behind.
    fn weekend(&self, i: usize) -> Option<(usize, TimeValue)> {
        let (modifier, used) = match (self.word(i), self.word(i + 1), self.word(i + 2)) {
            ("the", m @ ("coming" | "past"), "weekend") => (m, 3),
            (m @ ("the" | "this" | "last" | "next" | "past" | "coming"), "weekend", _) => (m, 2),
            _ => return None,
        };
        let p = self.published?;
        let from_saturday = i64::from((p.weekday().num_days_from_monday() + 2) % 7);
        let in_weekend = from_saturday <= 1;
        // The Saturday of the weekend that holds the publication day or comes after it.
        let current = if in_weekend {
            p - Duration::days(from_saturday)
        } else {
            p + Duration::days(7 - from_saturday)
        };
        // The Saturday of the last weekend wholly before it.
        let previous = current - Duration::days(7);
        let saturday = match modifier {
            "last" | "past" => previous,
            "next" | "coming" if in_weekend => current + Duration::days(7),
            "next" | "coming" | "this" => current,
            _ if in_weekend || self.tense_before(i) == Tense::Future => current,
            _ => previous,
        };
        Some((
            used,
            TimeValue::period(saturday, saturday + Duration::days(1)),
        ))
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
            let before = if i > 0 { self.word(i - 1) } else { "" };
            // Rule until-range: "from Dec. 3 until Jan. 31", "Dec. 3 through Dec. 10": "until"
            // and "till" join a range after "from" only ("until Jan. 31" alone is its end).
            let joins = match self.word(k + 1) {
                "to" | "-" | "–" | "through" => true,
                "and" => before == "between",
                "until" | "till" => before == "from",
                _ => false,
            };
            if !joins {
                return None;
            }
            let mut j = k + 2;
            let m2 = if self.is_capitalised(j) {
                let m = month_number(self.raw(j))?;
                j += 1;
                // An abbreviation's dot the tokenizer split off ("Jan . 31").
                if self.raw(j) == "." {
                    j += 1;
                }
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
        // "ago" first: reading a number word is a look-up.
        if self.word(i + 2) != "ago" {
            return None;
        }
        let n = small_number(self.word(i))?;
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
