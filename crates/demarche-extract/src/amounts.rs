//! Amounts: money, percentages and counted things, with exact normalised values.
//!
//! Each rule is a named function:
//! - [`number_at`]: a numeral ("1,500", "29.2"), a number written as words ("three", "two
//!   hundred"; `demarche_text::english`), or digits glued to a scale ("5bn");
//! - [`range_at`]: ranges — "3-5", "between 8 and 10", "40 to 50", "three to five" — give a
//!   value and a `max`;
//! - [`money_or_percent`]: a currency sign or code before ("$102 billion", "US$5bn", "RMB 3
//!   million"), a currency word after ("300 million yuan", "50 billion U.S. dollars",
//!   "50 bln-dollar"), percentages ("29.2 percent", "5 per cent", "7%", "2 percentage
//!   points"); scale words multiply (`data/amounts.txt`);
//! - [`counted_noun`]: the noun a number counts is the head of the noun phrase after it, past
//!   its modifiers ("6 armoured vehicles" → vehicles, "1,500 Russian troops" → troops); "others"
//!   and a bare participle ("killing 12 people and wounding 95 others", "38 people were killed
//!   and 112 wounded") count what the amount before them in the sentence counted; a bare
//!   number after a verb of harm or a measuring verb ("kills 41", "risen above 40,000") is an
//!   amount with no unit.
//!
//! Values are normalised by decimal-string arithmetic, not floating point, so "$102 billion" is
//! exactly `102000000000`.
//!
//! What the amount measures ([`measure_of`]) is read from the sentence: the counted noun phrase
//! itself ("Chinese coast guard vessels"), the noun phrase before "of" ("a year-on-year
//! increase of 29.2 percent"), the subject of a measuring verb ("trade between the two countries
//! reached …" → "Trade", past the prepositional phrase), or the phrase after "of"/"in" ("2.5
//! million tonnes of wheat", "$150 million in humanitarian aid"). The period is the sentence's
//! nearest time expression that is not a single day.

use crate::entities::{Phrase, SentenceTokens};
use crate::lexicon::{self, Class, VerbClass, has};
use crate::time::{Granularity, TimeExpression, TimeValue};
use crate::tokens::{Tok, TokenKind};
use demarche_model::Span;
use serde::Serialize;

/// An amount found in the text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Amount {
    pub span: Span,
    pub text: String,
    /// The exact value as a plain decimal string ("102000000000", "29.2"); the low end of a
    /// range.
    pub value: String,
    /// The high end of a range ("3-5 billion dollars" → value 3000000000, max 5000000000).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<String>,
    /// `USD`, `EUR`, `CNY`, …, `percent`, `percentage points`, the counted noun ("troops"), or
    /// empty for a bare number ("kills 41").
    pub unit: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub measure: Option<Phrase>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<TimeValue>,
}

impl Amount {
    /// The value as a floating-point number, for arithmetic that can afford rounding.
    pub fn as_f64(&self) -> f64 {
        self.value.parse().unwrap_or(f64::NAN)
    }
}

fn word<'t>(text: &'t str, t: &Tok) -> &'t str {
    t.span.slice(text).unwrap_or("")
}

/// Multiplies a decimal numeral ("1,234.5") by `10^exp`, exactly, as a plain decimal string.
pub fn normalise(numeral: &str, exp: u32) -> Option<String> {
    let digits: String = numeral.chars().filter(|c| *c != ',').collect();
    let (int, frac) = digits.split_once('.').unwrap_or((&digits, ""));
    if int.is_empty() && frac.is_empty() {
        return None;
    }
    if !int.chars().chain(frac.chars()).all(|c| c.is_ascii_digit()) {
        return None;
    }
    let exp = usize::try_from(exp).ok()?;
    let mut all = format!("{int}{frac}");
    let mut point = int.len() + exp;
    while all.len() < point {
        all.push('0');
    }
    let (i, f) = all.split_at(point);
    let i = i.trim_start_matches('0');
    let f = f.trim_end_matches('0');
    point = usize::from(i.is_empty());
    let i = if point == 1 { "0" } else { i };
    Some(if f.is_empty() {
        i.to_string()
    } else {
        format!("{i}.{f}")
    })
}

/// Words that end a noun phrase: closed-class words (`demarche_text::english`) other than
/// numbers ("the two countries" is one noun phrase).
fn np_stop(w: &str) -> bool {
    let words = demarche_text::english::words();
    has(Class::Function, w) && words.cardinal(w).is_none() && words.ordinal(w).is_none()
}

fn phrase(text: &str, toks: &[Tok], s: usize, end: usize) -> Option<Phrase> {
    if s >= end {
        return None;
    }
    let a = toks.get(s)?;
    let b = toks.get(end - 1)?;
    let span = Span::new(a.span.start, b.span.end);
    Some(Phrase {
        text: span.slice(text)?.to_string(),
        span,
    })
}

/// The noun phrase ending right before token `end` (exclusive), stopping at determiners,
/// prepositions and punctuation; at most six words. A time expression right before `end`
/// ("exports in the first three quarters of last year had fallen") is stepped over with its
/// preposition, since it modifies the noun phrase rather than ending it. A noun phrase that a
/// prepositional phrase follows ("Trade between the two countries", "shipping traffic through
/// the Suez Canal") is the measured one, not the preposition's object.
fn np_before(
    text: &str,
    toks: &[Tok],
    end: usize,
    in_time: &dyn Fn(&Tok) -> bool,
) -> Option<Phrase> {
    let w = |k: usize| {
        toks.get(k)
            .map_or(String::new(), |t| word(text, t).to_lowercase())
    };
    let mut end = end;
    if toks.get(end.checked_sub(1)?).is_some_and(in_time) {
        while end > 0 && toks.get(end - 1).is_some_and(in_time) {
            end -= 1;
        }
        if end > 0
            && matches!(
                w(end - 1).as_str(),
                "in" | "during" | "of" | "over" | "for" | "since"
            )
        {
            end -= 1;
        }
    }
    let start_of = |end: usize| {
        let mut s = end;
        while s > 0 && end - s < 6 {
            let Some(t) = toks.get(s - 1) else { break };
            if t.kind != TokenKind::Word || np_stop(&w(s - 1)) || in_time(t) {
                break;
            }
            s -= 1;
        }
        s
    };
    let mut s = start_of(end);
    // Past one prepositional phrase to the noun phrase it modifies.
    let mut k = s;
    while k > 0 && matches!(w(k - 1).as_str(), "the" | "a" | "an" | "its" | "their") {
        k -= 1;
    }
    if k > 0
        && matches!(
            w(k - 1).as_str(),
            "between" | "with" | "through" | "in" | "of" | "from" | "to" | "across" | "on"
        )
        && k >= 2
        && toks
            .get(k - 2)
            .is_some_and(|t| t.kind == TokenKind::Word && !in_time(t))
        && !np_stop(&w(k - 2))
    {
        let e2 = k - 1;
        let s2 = start_of(e2);
        if s2 < e2 {
            s = s2;
            end = e2;
        }
    }
    phrase(text, toks, s, end)
}

/// The noun phrase after "of"/"in" at token `start`: "2.5 million tonnes of wheat" → "wheat".
fn np_after(text: &str, toks: &[Tok], start: usize) -> Option<Phrase> {
    let mut e = start;
    while e < toks.len() && e - start < 4 {
        let Some(t) = toks.get(e) else { break };
        if t.kind != TokenKind::Word || np_stop(word(text, t)) {
            break;
        }
        e += 1;
    }
    phrase(text, toks, start, e)
}

/// What the amount at tokens `start..end` measures (see the module doc).
fn measure_of(
    text: &str,
    toks: &[Tok],
    start: usize,
    end: usize,
    in_time: &dyn Fn(&Tok) -> bool,
) -> Option<Phrase> {
    let w = |k: usize| toks.get(k).map_or("", |t| word(text, t));
    // "a year-on-year increase of 29.2 percent"
    if start > 0 && w(start - 1) == "of" {
        return np_before(text, toks, start - 1, in_time);
    }
    // Skip a determiner and particles between verb and amount: "exceeded the", "rose to".
    let mut k = start;
    while k > 0 && has(Class::MeasureParticle, w(k - 1)) {
        k -= 1;
    }
    // Back over time expressions and an amount before this one ("fell 8.6% last year to $46
    // billion") to a measuring verb.
    let mut v = k;
    while v > 0
        && start - v < 8
        && toks.get(v - 1).is_some_and(|t| {
            in_time(t)
                || t.kind == TokenKind::Number
                || matches!(word(text, t), "%" | "percent" | "to" | "by" | "from" | "$")
                || lexicon::scale(word(text, t)).is_some()
        })
    {
        v -= 1;
    }
    for v in [k, v] {
        if v > 0 && lexicon::verb_has(VerbClass::Measure, w(v - 1)) {
            let mut j = v - 1;
            while j > 0 && has(Class::MeasureAux, w(j - 1)) {
                j -= 1;
            }
            if let Some(np) = np_before(text, toks, j, in_time) {
                return Some(np);
            }
        }
    }
    // "lift bilateral trade to 50 billion dollars": the object of a raising verb.
    if start > 0 && matches!(w(start - 1), "to" | "by") {
        let verb = (start.saturating_sub(8)..start - 1)
            .rev()
            .find(|&j| lexicon::verb_has(VerbClass::Raise, w(j)));
        if let Some(j) = verb {
            let mut s = j + 1;
            while s < start - 1 && np_stop(w(s)) {
                s += 1;
            }
            if let Some(np) = phrase(text, toks, s, start - 1) {
                return Some(np);
            }
        }
    }
    // "2.5 million tonnes of wheat", "$150 million in humanitarian aid"
    if matches!(w(end), "of" | "in") {
        return np_after(text, toks, end + 1);
    }
    // An amount between a determiner and a noun modifies it: "a 300 billion yen support
    // package", "the $17 billion corridor".
    let determiner = start > 0
        && has(Class::NounMarker, w(start - 1))
        && !has(Class::NounMarkerPreposition, w(start - 1));
    let noun_next = toks.get(end).is_some_and(|t| {
        t.kind == TokenKind::Word && w(end).starts_with(char::is_lowercase) && !in_time(t)
    });
    if determiner && noun_next {
        return np_after(text, toks, end);
    }
    None
}

/// A number at token `i`: (value as a numeral, power of ten glued to it, tokens used).
/// Numerals, number words ("three", "two hundred") and digits glued to a scale ("5bn").
fn number_at(text: &str, toks: &[Tok], i: usize) -> Option<(String, u32, usize)> {
    let t = toks.get(i)?;
    let w = word(text, t);
    if t.kind == TokenKind::Number {
        return Some((w.to_string(), 0, 1));
    }
    if t.kind != TokenKind::Word {
        return None;
    }
    if w.starts_with(|c: char| c.is_ascii_digit()) {
        // "5bn", "3m": digits glued to a scale word.
        let split = w.find(|c: char| !c.is_ascii_digit() && c != '.' && c != ',')?;
        let (num, suffix) = w.split_at(split);
        return Some((num.to_string(), lexicon::scale(suffix)?, 1));
    }
    let words = demarche_text::english::words();
    let n = words.cardinal(w)?;
    // "two hundred", "three thousand"
    if let Some(m) = toks
        .get(i + 1)
        .and_then(|x| words.multiplier(word(text, x)))
    {
        return Some(((n * m).to_string(), 0, 2));
    }
    Some((n.to_string(), 0, 1))
}

/// A range at token `i`: (low, high, power of ten glued, tokens used). "3-5" (one token),
/// "between 8 and 10", "40 to 50", "three to five".
fn range_at(text: &str, toks: &[Tok], i: usize) -> Option<(String, String, u32, usize)> {
    let w = |k: usize| toks.get(k).map_or("", |t| word(text, t));
    let t = toks.get(i)?;
    let tw = word(text, t);
    // One token: "3-5", "3.2-3.4", "10-15" (a Word for the tokenizer).
    if t.kind == TokenKind::Word
        && let Some((a, b)) = tw.split_once(['-', '–'])
        && is_numeral(a)
        && is_numeral(b)
    {
        return Some((a.to_string(), b.to_string(), 0, 1));
    }
    let (first, k0) = if tw.eq_ignore_ascii_case("between") {
        (i + 1, true)
    } else {
        (i, false)
    };
    let (lo, e1, n1) = number_at(text, toks, first)?;
    let link = first + n1;
    let ok_link = if k0 {
        w(link) == "and"
    } else {
        matches!(w(link), "to" | "-" | "–")
    };
    if !ok_link {
        return None;
    }
    let (hi, e2, n2) = number_at(text, toks, link + 1)?;
    if e1 != e2 {
        return None;
    }
    Some((lo, hi, e1, link + 1 + n2 - i))
}

fn is_numeral(s: &str) -> bool {
    !s.is_empty()
        && s.starts_with(|c: char| c.is_ascii_digit())
        && s.chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
}

/// Finds the amounts of one sentence, skipping tokens inside the sentence's time expressions.
pub fn find_amounts(text: &str, s: &SentenceTokens, times: &[TimeExpression]) -> Vec<Amount> {
    let toks = &s.toks;
    let in_time = |t: &Tok| {
        times
            .iter()
            .any(|x| x.span.start <= t.span.start && t.span.end <= x.span.end)
    };
    // The period of an amount: the nearest period before it in the sentence ("last month they
    // fell by 1.5%"), else the nearest after it.
    let period_for = |at: usize| -> Option<TimeValue> {
        let periods = || {
            times
                .iter()
                .filter(|t| t.resolved.granularity != Granularity::Day)
        };
        periods()
            .filter(|t| t.span.end <= at)
            .max_by_key(|t| t.span.end)
            .or_else(|| {
                periods()
                    .filter(|t| t.span.start >= at)
                    .min_by_key(|t| t.span.start)
            })
            .map(|t| t.resolved.clone())
    };
    let mut out: Vec<Amount> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let previous_unit = out
            .iter()
            .rev()
            .find(|a| !a.unit.is_empty())
            .map(|a| a.unit.clone());
        let Some(found) = amount_at(text, toks, i, &in_time, previous_unit.as_deref()) else {
            i += 1;
            continue;
        };
        let exp = found.exp;
        let (Some(a), Some(b), Some(value)) = (
            toks.get(found.start),
            toks.get(found.end.saturating_sub(1)),
            normalise(&found.low, exp),
        ) else {
            i += 1;
            continue;
        };
        let span = Span::new(a.span.start, b.span.end);
        let measure = found
            .noun
            .and_then(|(s, e)| phrase(text, toks, s, e))
            .filter(|p| p.text.contains(' '))
            .or_else(|| measure_of(text, toks, found.start, found.end, &in_time));
        out.push(Amount {
            span,
            text: span.slice(text).unwrap_or("").to_string(),
            value,
            max: found.high.and_then(|h| normalise(&h, exp)),
            unit: found.unit,
            measure,
            period: period_for(span.start),
        });
        i = found.end.max(i + 1);
    }
    out
}

/// An amount's tokens and reading.
struct Found {
    start: usize,
    end: usize,
    low: String,
    high: Option<String>,
    exp: u32,
    unit: String,
    /// The counted noun phrase (tokens), when the unit is a counted noun.
    noun: Option<(usize, usize)>,
}

/// An amount starting at token `i` (see the module doc); `previous_unit` is what the amount
/// before it in the sentence counted.
fn amount_at(
    text: &str,
    toks: &[Tok],
    i: usize,
    in_time: &dyn Fn(&Tok) -> bool,
    previous_unit: Option<&str>,
) -> Option<Found> {
    let t = toks.get(i)?;
    if in_time(t) {
        return None;
    }
    let w = |k: usize| toks.get(k).map_or("", |t| word(text, t));
    // A currency sign or code first: "$", "US$", "RMB", or glued "US$5bn".
    let tw = w(i);
    let (cur, num_at, glued) = if let Some(rest) = tw.strip_prefix("US$").filter(|r| !r.is_empty())
    {
        (Some("USD"), i, Some(rest))
    } else if let Some(c) = lexicon::currency_before(tw) {
        (Some(c), i + 1, None)
    } else {
        (None, i, None)
    };
    let (low, high, mut exp, mut k) = if let Some(rest) = glued {
        let split = rest
            .find(|c: char| !c.is_ascii_digit() && c != '.' && c != ',')
            .unwrap_or(rest.len());
        let (num, suffix) = rest.split_at(split);
        let e = if suffix.is_empty() {
            0
        } else {
            lexicon::scale(suffix)?
        };
        (num.to_string(), None, e, i + 1)
    } else if let Some((lo, hi, e, n)) = range_at(text, toks, num_at) {
        (lo, Some(hi), e, num_at + n)
    } else {
        let (num, e, n) = number_at(text, toks, num_at)?;
        (num, None, e, num_at + n)
    };
    let by_words = toks.get(num_at).is_some_and(|x| {
        x.kind == TokenKind::Word && !w(num_at).starts_with(|c: char| c.is_ascii_digit())
    }) && !w(num_at).eq_ignore_ascii_case("between");
    // "one of the largest", "No one", "the two sides": a number word must count something,
    // and after "the" it names a known set rather than counting one.
    if by_words
        && (w(num_at).eq_ignore_ascii_case("one") && w(k) == "of"
            || num_at > 0
                && matches!(
                    w(num_at - 1).to_lowercase().as_str(),
                    "no" | "the" | "these" | "those"
                ))
    {
        return None;
    }
    // A scale word: "3 million", "$5 bn"; a scale glued to a currency: "50 bln-dollar".
    if exp == 0 {
        if let Some(e) = lexicon::scale(w(k)) {
            // Single-letter scales only right after a currency: "$5 m" but not "5 m tall".
            if w(k).len() > 1 || cur.is_some() {
                exp = e;
                k += 1;
            }
        } else if let Some((sc, c)) = w(k).split_once('-')
            && let (Some(e), Some(code)) = (lexicon::scale(sc), lexicon::currency_after(c))
        {
            return Some(Found {
                start: i,
                end: k + 1,
                low,
                high,
                exp: e,
                unit: code.to_string(),
                noun: None,
            });
        }
    }
    if let Some(c) = cur {
        return Some(Found {
            start: i,
            end: k,
            low,
            high,
            exp,
            unit: c.to_string(),
            noun: None,
        });
    }
    if let Some((unit, used)) = money_or_percent(text, toks, k) {
        return Some(Found {
            start: i,
            end: k + used,
            low,
            high,
            exp,
            unit,
            noun: None,
        });
    }
    // A time of day or a year is no amount: "10 a.m.", "in 2021".
    let next = w(k).to_lowercase();
    if matches!(
        next.as_str(),
        "a.m." | "p.m." | "am" | "pm" | "gmt" | "utc" | ":"
    ) {
        return None;
    }
    let year_like = low.len() == 4 && !low.contains([',', '.']) && exp == 0 && high.is_none();
    if let Some((unit, s, e)) = counted_noun(text, toks, k, previous_unit) {
        if year_like && unit.is_empty() {
            return None;
        }
        // "one source said", "one official told": "one" before the subject of a speech verb
        // singles out an unnamed speaker, it counts nothing.
        if by_words && low == "1" && lexicon::verb_has(VerbClass::Speech, w(e)) {
            return None;
        }
        let end = e.max(k);
        return Some(Found {
            start: i,
            end,
            low,
            high,
            exp,
            unit,
            noun: (s < e && s >= k).then_some((s, e)),
        });
    }
    // A bare number after a verb of harm or a measuring verb: "kills 41", "risen above 40,000".
    if year_like || by_words {
        return None;
    }
    let mut b = i;
    while b > 0
        && matches!(
            w(b - 1).to_lowercase().as_str(),
            "above"
                | "over"
                | "to"
                | "at"
                | "least"
                | "more"
                | "than"
                | "nearly"
                | "almost"
                | "about"
                | "some"
                | "around"
        )
    {
        b -= 1;
    }
    let verb = b.checked_sub(1).map_or("", w);
    let ends = matches!(
        w(k),
        "," | "." | ";" | "" | "as" | "in" | "on" | "and" | "since"
    );
    let measures = lexicon::verb_has(VerbClass::Measure, verb)
        || has(Class::Harm, verb)
        || matches!(
            demarche_text::english::get().verb_lemma(verb).as_str(),
            "kill" | "wound" | "injure"
        );
    (ends && measures && !verb.is_empty()).then(|| Found {
        start: i,
        end: k,
        low,
        high,
        exp,
        unit: String::new(),
        noun: None,
    })
}

/// A currency word or a percent sign at token `k`: (unit, tokens used).
fn money_or_percent(text: &str, toks: &[Tok], k: usize) -> Option<(String, usize)> {
    let w = |k: usize| toks.get(k).map_or("", |t| word(text, t));
    let next = w(k);
    if let Some(c) = lexicon::currency_after(next) {
        return Some((c.to_string(), 1));
    }
    // "50 billion U.S. dollars", "US dollars"
    if matches!(next, "U.S." | "US" | "American")
        && let Some(c) = lexicon::currency_after(w(k + 1))
    {
        return Some((c.to_string(), 2));
    }
    if next == "%" || next.eq_ignore_ascii_case("percent") {
        return Some(("percent".to_string(), 1));
    }
    if next == "per" && w(k + 1) == "cent" {
        return Some(("percent".to_string(), 2));
    }
    if next == "percentage" && w(k + 1) == "points" {
        return Some(("percentage points".to_string(), 2));
    }
    None
}

/// The noun a number counts, from token `k` on: (unit, noun phrase start, end). The head of the
/// noun phrase past its modifiers; "others" or a bare participle of harm take
/// `previous_unit`; `None` when no noun follows.
fn counted_noun(
    text: &str,
    toks: &[Tok],
    k: usize,
    previous_unit: Option<&str>,
) -> Option<(String, usize, usize)> {
    let w = |j: usize| toks.get(j).map_or("", |t| word(text, t));
    let first = w(k);
    // "95 others" (the word is part of the amount), "112 wounded" (it is not).
    if has(Class::Elided, first) {
        return previous_unit.map(|u| (u.to_string(), k + 1, k + 1));
    }
    if has(Class::Harm, first) {
        // With nothing counted before, an adjective of harm counts itself ("put the toll at
        // around fifty dead"); a participle does not ("kills 41, 12 killed").
        return match previous_unit {
            Some(u) => Some((u.to_string(), k, k)),
            None => (!first.ends_with("ed")).then(|| (first.to_string(), k, k + 1)),
        };
    }
    // The noun phrase: lower-case words and nationality or place modifiers, at most five.
    let mut e = k;
    while e < toks.len() && e - k < 5 {
        let Some(t) = toks.get(e) else { break };
        let x = w(e);
        let lower = x.chars().next().is_some_and(char::is_lowercase);
        let modifier = lexicon::nationality(x).is_some();
        // A verb's past form ("the two met", "troops left") is no noun.
        let verb_form = demarche_text::english::get()
            .known_lemma(x)
            .is_some_and(|l| l != x && !x.ends_with('s'));
        let stop = t.kind != TokenKind::Word
            || verb_form
            || (!lower && !modifier && !capitalised_modifier(text, toks, e))
            || has(Class::NotUnit, x)
            || has(Class::Function, x)
            || lexicon::verb_has(VerbClass::Speech, x)
            || x.ends_with("ly");
        if stop {
            break;
        }
        e += 1;
        // A unit of measure ends the noun phrase ("250 km west of …").
        if has(Class::MeasureUnit, x) {
            break;
        }
    }
    // A capitalised plural right after the number is what it counts ("38 Palestinians").
    if e == k
        && let Some(t) = toks.get(k)
        && t.kind == TokenKind::Word
        && first.starts_with(char::is_uppercase)
        && first.ends_with('s')
        && first.len() > 4
        && !toks
            .get(k + 1)
            .is_some_and(|n| word(text, n).starts_with(char::is_uppercase))
        && demarche_text::english::words().month(first).is_none()
    {
        return Some((first.to_string(), k, k + 1));
    }
    // A participle after the noun is no part of it ("five people killed").
    while e > k + 1 && (w(e - 1).ends_with("ed") || w(e - 1).ends_with("ing")) {
        e -= 1;
    }
    if e == k {
        return None;
    }
    let head = w(e - 1);
    if head.ends_with("ed") && e - k == 1 {
        return None;
    }
    Some((head.to_lowercase(), k, e))
}

/// A capitalised word inside a counted noun phrase that modifies the head after it: a
/// nationality ("Russian troops"), a compound ("South American countries"), a capitalised
/// adjective before a lower-case word ("11 South American countries").
fn capitalised_modifier(text: &str, toks: &[Tok], e: usize) -> bool {
    let w = |j: usize| toks.get(j).map_or("", |t| word(text, t));
    let x = w(e);
    if lexicon::nationality(x).is_some() {
        return true;
    }
    // A run of capitalised words right before a lower-case noun ("South American countries",
    // "Merkava tanks").
    let mut j = e;
    while toks
        .get(j)
        .is_some_and(|t| t.kind == TokenKind::Word && w(j).starts_with(char::is_uppercase))
        && j - e < 3
    {
        j += 1;
    }
    j > e
        && w(j).starts_with(char::is_lowercase)
        && toks.get(j).is_some_and(|t| t.kind == TokenKind::Word)
        && !has(Class::Function, w(j))
        && !has(Class::NotUnit, w(j))
        && !lexicon::verb_has(VerbClass::Speech, w(j))
        && !w(j).ends_with("ed")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    type Row = (String, String, Option<String>, String, Option<String>);

    /// (text, value, max, unit, measure) of each amount.
    type Expected<'a> = (&'a str, &'a str, Option<&'a str>, &'a str, Option<&'a str>);

    #[track_caller]
    fn check(sentence: &str, expected: &[Expected<'_>]) {
        let toks = tokenize(sentence, Span::new(0, sentence.len()));
        let p = demarche_model::parse_date("2021-11-20").ok();
        let times = crate::time::find_times(sentence, &toks, p);
        let s = SentenceTokens {
            span: Span::new(0, sentence.len()),
            toks,
        };
        let got: Vec<Row> = find_amounts(sentence, &s, &times)
            .into_iter()
            .map(|a| {
                assert_eq!(&sentence[a.span.range()], a.text);
                (a.text, a.value, a.max, a.unit, a.measure.map(|m| m.text))
            })
            .collect();
        let expected: Vec<Row> = expected
            .iter()
            .map(|(a, b, m, c, d)| {
                (
                    (*a).into(),
                    (*b).into(),
                    m.map(str::to_string),
                    (*c).into(),
                    d.map(str::to_string),
                )
            })
            .collect();
        assert_eq!(got, expected, "sentence {sentence:?}");
    }

    #[test]
    fn the_period_is_the_nearest_before_the_amount() {
        let sentence = "In the past week, prices rose 3 percent; last month they fell by 1.5%.";
        let toks = tokenize(sentence, Span::new(0, sentence.len()));
        let times = crate::time::find_times(
            sentence,
            &toks,
            demarche_model::parse_date("2023-11-20").ok(),
        );
        let s = SentenceTokens {
            span: Span::new(0, sentence.len()),
            toks,
        };
        let got: Vec<(String, Option<String>, Option<String>)> = find_amounts(sentence, &s, &times)
            .into_iter()
            .map(|a| (a.text, a.measure.map(|m| m.text), a.period.map(|p| p.value)))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "3 percent".into(),
                    Some("prices".into()),
                    Some("2023-11-13/2023-11-19".into())
                ),
                // A pronoun is no measure.
                ("1.5%".into(), None, Some("2023-10".into())),
            ]
        );
    }

    #[test]
    fn normalisation_is_exact() {
        assert_eq!(normalise("102", 9).as_deref(), Some("102000000000"));
        assert_eq!(normalise("1.25", 9).as_deref(), Some("1250000000"));
        assert_eq!(normalise("29.2", 0).as_deref(), Some("29.2"));
        assert_eq!(normalise("5,000", 0).as_deref(), Some("5000"));
        assert_eq!(normalise("0.5", 0).as_deref(), Some("0.5"));
        assert_eq!(normalise("0.0001", 3).as_deref(), Some("0.1"));
        assert_eq!(normalise("abc", 0), None);
    }

    #[test]
    fn money_percent_and_counts() {
        check(
            "The bilateral trade volume reached $102 billion, a year-on-year increase of 29.2 percent.",
            &[
                (
                    "$102 billion",
                    "102000000000",
                    None,
                    "USD",
                    Some("bilateral trade volume"),
                ),
                (
                    "29.2 percent",
                    "29.2",
                    None,
                    "percent",
                    Some("year-on-year increase"),
                ),
            ],
        );
        check(
            "Aid rose to US$5bn and 300 million yuan, while 5,000 troops left.",
            &[
                ("US$5bn", "5000000000", None, "USD", Some("Aid")),
                ("300 million yuan", "300000000", None, "CNY", None),
                ("5,000 troops", "5000", None, "troops", None),
            ],
        );
        check(
            "Inflation hit 7% and fell 2 percentage points.",
            &[
                ("7%", "7", None, "percent", Some("Inflation")),
                ("2 percentage points", "2", None, "percentage points", None),
            ],
        );
        // Dates and years are time expressions, not amounts.
        check("On October 28 in 2021 the 20th anniversary came.", &[]);
    }

    #[test]
    fn number_words_and_the_head_of_the_counted_noun() {
        check(
            "Troops destroyed six armoured vehicles and 1,500 Russian troops.",
            &[
                (
                    "six armoured vehicles",
                    "6",
                    None,
                    "vehicles",
                    Some("armoured vehicles"),
                ),
                (
                    "1,500 Russian troops",
                    "1500",
                    None,
                    "troops",
                    Some("Russian troops"),
                ),
            ],
        );
        // A number word must count something.
        check("It was one of the largest; the two met.", &[]);
        // A postnominal adjective or an adverb of time after the noun is no head.
        check(
            "Two people familiar with the plans said 20 drones flew overnight.",
            &[
                ("Two people", "2", None, "people", None),
                ("20 drones", "20", None, "drones", None),
            ],
        );
    }

    #[test]
    fn others_and_bare_participles_count_the_noun_before() {
        check(
            "The strike killed 12 people and wounded 95 others.",
            &[
                ("12 people", "12", None, "people", None),
                ("95 others", "95", None, "people", None),
            ],
        );
        check(
            "38 people were killed and 112 wounded.",
            &[
                ("38 people", "38", None, "people", None),
                ("112", "112", None, "people", None),
            ],
        );
        check(
            "A drone kills 41, activists say.",
            &[("41", "41", None, "", None)],
        );
    }

    #[test]
    fn ranges() {
        check(
            "It needs $3-4 million and between 8 and 10 officials; traffic fell by 40 to 50 percent.",
            &[
                ("$3-4 million", "3000000", Some("4000000"), "USD", None),
                (
                    "between 8 and 10 officials",
                    "8",
                    Some("10"),
                    "officials",
                    None,
                ),
                (
                    "40 to 50 percent",
                    "40",
                    Some("50"),
                    "percent",
                    Some("traffic"),
                ),
            ],
        );
        check(
            "Exports of 3.2-3.4 million barrels and three to five ships.",
            &[
                (
                    "3.2-3.4 million barrels",
                    "3200000",
                    Some("3400000"),
                    "barrels",
                    Some("Exports"),
                ),
                ("three to five ships", "3", Some("5"), "ships", None),
            ],
        );
    }

    #[test]
    fn south_asian_scales_and_amounts_before_a_noun() {
        check(
            "It set aside Rs 2,140.65 crore, and 5 lakh rupees more.",
            &[
                ("Rs 2,140.65 crore", "21406500000", None, "INR", None),
                ("5 lakh rupees", "500000", None, "INR", None),
            ],
        );
        // Between a determiner and a noun, the amount measures that noun.
        check(
            "Tokyo will release a 300 billion yen support package next week.",
            &[(
                "300 billion yen",
                "300000000000",
                None,
                "JPY",
                Some("support package"),
            )],
        );
    }

    #[test]
    fn currencies_around_the_number() {
        check(
            "Trade rose to 50 billion U.S. dollars, a 50 bln-dollar goal.",
            &[
                (
                    "50 billion U.S. dollars",
                    "50000000000",
                    None,
                    "USD",
                    Some("Trade"),
                ),
                // The goal is what the amount before it measures.
                ("50 bln-dollar", "50000000000", None, "USD", Some("goal")),
            ],
        );
        check(
            "Washington pledged $150 million in humanitarian aid.",
            &[(
                "$150 million",
                "150000000",
                None,
                "USD",
                Some("humanitarian aid"),
            )],
        );
    }
}
