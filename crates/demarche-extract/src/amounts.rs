//! Amounts: money, percentages and counted things, with exact normalised values.
//!
//! Forms: a currency sign or code before the number ("$102 billion", "US$5bn", "RMB 3
//! million"), a currency word after it ("300 million yuan"), percentages ("29.2 percent",
//! "5 per cent", "7%", "2 percentage points"), and a number followed by a noun ("5,000
//! troops"). Scale words (thousand, million, billion, trillion, and the short forms m, mn, bn,
//! tn) multiply the value. Values are normalised by decimal-string arithmetic, not floating
//! point, so "$102 billion" is exactly `102000000000`.
//!
//! What the amount measures is read from the sentence: the noun phrase before "of" ("a
//! year-on-year increase of 29.2 percent") or the subject of a measuring verb ("the bilateral
//! trade volume reached $102 billion"). The period is the sentence's first time expression that
//! is not a single day.

use crate::entities::{Phrase, SentenceTokens};
use crate::time::{Granularity, TimeExpression, TimeValue};
use crate::tokens::{Tok, TokenKind};
use demarche_model::Span;
use serde::Serialize;

/// An amount found in the text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Amount {
    pub span: Span,
    pub text: String,
    /// The exact value as a plain decimal string ("102000000000", "29.2").
    pub value: String,
    /// `USD`, `EUR`, `CNY`, …, `percent`, `percentage points`, or the counted noun ("troops").
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

fn currency_before(w: &str) -> Option<&'static str> {
    match w {
        "$" | "US$" | "USD" => Some("USD"),
        "€" | "EUR" => Some("EUR"),
        "£" | "GBP" => Some("GBP"),
        // ¥ is used for both; news in English about China writes "yuan" or "RMB" instead.
        "¥" | "JPY" => Some("JPY"),
        "RMB" | "CNY" => Some("CNY"),
        "RUB" => Some("RUB"),
        "INR" | "Rs" => Some("INR"),
        _ => None,
    }
}

fn currency_after(w: &str) -> Option<&'static str> {
    match w.to_lowercase().as_str() {
        "dollar" | "dollars" => Some("USD"),
        "euro" | "euros" => Some("EUR"),
        "yuan" | "renminbi" => Some("CNY"),
        "ruble" | "rubles" | "rouble" | "roubles" => Some("RUB"),
        "pound" | "pounds" | "sterling" => Some("GBP"),
        "yen" => Some("JPY"),
        "rupee" | "rupees" => Some("INR"),
        _ => None,
    }
}

/// Powers of ten of the scale words.
fn scale(w: &str) -> Option<u32> {
    match w.to_lowercase().as_str() {
        "thousand" | "k" => Some(3),
        "million" | "millions" | "m" | "mn" | "mln" => Some(6),
        "billion" | "billions" | "bn" | "b" => Some(9),
        "trillion" | "trillions" | "tn" | "trn" => Some(12),
        _ => None,
    }
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

/// Verbs whose subject is what the following amount measures.
#[rustfmt::skip]
const MEASURE_VERBS: &[&str] = &[
    "reached", "reach", "reaches", "hit", "hits", "totaled", "totalled", "totals", "stood",
    "stands", "rose", "rises", "fell", "falls", "grew", "grows", "increased", "decreased",
    "dropped", "jumped", "climbed", "declined", "amounted", "exceeded", "surpassed", "topped",
    "was", "were", "is", "are", "came", "valued", "worth", "cost", "costs", "fallen", "risen",
    "grown", "expanded", "shrank", "shrunk", "contracted", "surged", "soared", "plunged",
    "slumped", "gained", "lost", "rise", "fall", "grow", "increase", "exceed", "top",
];

const NP_STOP: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those", "of",
    "in", "on", "at", "for", "to", "by", "with", "and", "has", "have", "had", "will", "would",
    "it", "they", "he", "she", "we", "i", "you", "them", "which", "who",
];

/// Words between a measured noun phrase and its verb: "is expected to reach", "had fallen".
const AUX: &[&str] = &[
    "to",
    "expected",
    "is",
    "are",
    "was",
    "were",
    "set",
    "likely",
    "will",
    "would",
    "could",
    "may",
    "might",
    "has",
    "have",
    "had",
    "been",
    "be",
    "projected",
    "forecast",
    "seen",
    "already",
    "also",
    "further",
    "again",
];

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
/// preposition, since it modifies the noun phrase rather than ending it.
fn np_before(
    text: &str,
    toks: &[Tok],
    end: usize,
    in_time: &dyn Fn(&Tok) -> bool,
) -> Option<Phrase> {
    let mut end = end;
    if toks.get(end.checked_sub(1)?).is_some_and(in_time) {
        while end > 0 && toks.get(end - 1).is_some_and(in_time) {
            end -= 1;
        }
        if end > 0
            && toks.get(end - 1).is_some_and(|t| {
                matches!(
                    word(text, t),
                    "in" | "during" | "of" | "over" | "for" | "since"
                )
            })
        {
            end -= 1;
        }
    }
    let mut s = end;
    while s > 0 && end - s < 6 {
        let Some(t) = toks.get(s - 1) else { break };
        let w = word(text, t);
        if t.kind != TokenKind::Word || NP_STOP.contains(&w.to_lowercase().as_str()) || in_time(t) {
            break;
        }
        s -= 1;
    }
    phrase(text, toks, s, end)
}

/// The noun phrase after "of" at token `start`: "2.5 million tonnes of wheat" → "wheat".
fn np_after(text: &str, toks: &[Tok], start: usize) -> Option<Phrase> {
    let mut e = start;
    while e < toks.len() && e - start < 4 {
        let Some(t) = toks.get(e) else { break };
        if t.kind != TokenKind::Word || NP_STOP.contains(&word(text, t).to_lowercase().as_str()) {
            break;
        }
        e += 1;
    }
    phrase(text, toks, start, e)
}

/// What the amount at tokens `start..end` measures.
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
    while k > 0
        && matches!(
            w(k - 1),
            "the"
                | "a"
                | "an"
                | "to"
                | "at"
                | "by"
                | "about"
                | "around"
                | "nearly"
                | "over"
                | "some"
                | "almost"
                | "than"
                | "more"
                | "less"
                | "up"
                | "down"
        )
    {
        k -= 1;
    }
    if k > 0 && MEASURE_VERBS.contains(&w(k - 1).to_lowercase().as_str()) {
        let mut j = k - 1;
        while j > 0 && AUX.contains(&w(j - 1).to_lowercase().as_str()) {
            j -= 1;
        }
        if let Some(np) = np_before(text, toks, j, in_time) {
            return Some(np);
        }
    }
    // "2.5 million tonnes of wheat"
    if w(end) == "of" {
        return np_after(text, toks, end + 1);
    }
    None
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
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(t) = toks.get(i) {
        let Some(found) = amount_at(text, toks, i, &in_time) else {
            i += 1;
            continue;
        };
        let (start, end, numeral, exp, unit) = found;
        if let (Some(a), Some(b), Some(value)) =
            (toks.get(start), toks.get(end - 1), normalise(&numeral, exp))
        {
            let span = Span::new(a.span.start, b.span.end);
            out.push(Amount {
                span,
                text: span.slice(text).unwrap_or("").to_string(),
                value,
                unit,
                measure: measure_of(text, toks, start, end, &in_time),
                period: period_for(span.start),
            });
        }
        let _ = t;
        i = end.max(i + 1);
    }
    out
}

type Found = (usize, usize, String, u32, String);

/// An amount starting at token `i`: (start, end, numeral, power of ten, unit).
fn amount_at(text: &str, toks: &[Tok], i: usize, in_time: &dyn Fn(&Tok) -> bool) -> Option<Found> {
    let t = toks.get(i)?;
    if in_time(t) {
        return None;
    }
    let w = word(text, t);
    // Currency first: "$", "US$" (two tokens), "RMB".
    let (cur, num_at) = if w == "US"
        && toks
            .get(i + 1)
            .is_some_and(|n| word(text, n) == "$" && n.span.start == t.span.end)
    {
        (Some("USD"), i + 2)
    } else if let Some(c) = currency_before(w) {
        (Some(c), i + 1)
    } else {
        (None, i)
    };
    let n = toks.get(num_at)?;
    let nw = word(text, n);
    // "5bn", "3m": digits glued to a scale word.
    let (numeral, glued_scale) = if n.kind == TokenKind::Number {
        (nw.to_string(), None)
    } else if n.kind == TokenKind::Word && nw.starts_with(|c: char| c.is_ascii_digit()) {
        let split = nw.find(|c: char| !c.is_ascii_digit() && c != '.' && c != ',')?;
        let (num, suffix) = nw.split_at(split);
        (num.to_string(), Some(scale(suffix)?))
    } else {
        return None;
    };
    if cur.is_none() && num_at != i {
        return None;
    }
    let mut k = num_at + 1;
    let mut exp = glued_scale.unwrap_or(0);
    if let (None, Some(e)) = (glued_scale, toks.get(k).and_then(|x| scale(word(text, x)))) {
        // Single-letter scales only right after a currency: "$5 m" but not "5 m tall".
        let single = toks.get(k).is_some_and(|x| word(text, x).len() == 1);
        if !single || cur.is_some() {
            exp = e;
            k += 1;
        }
    }
    if let Some(c) = cur {
        return Some((i, k, numeral, exp, c.to_string()));
    }
    let next = toks.get(k).map_or("", |x| word(text, x));
    if let Some(c) = currency_after(next) {
        return Some((i, k + 1, numeral, exp, c.to_string()));
    }
    if next == "%" || next.eq_ignore_ascii_case("percent") {
        return Some((i, k + 1, numeral, exp, "percent".to_string()));
    }
    if next == "per" && toks.get(k + 1).is_some_and(|x| word(text, x) == "cent") {
        return Some((i, k + 2, numeral, exp, "percent".to_string()));
    }
    if next == "percentage" && toks.get(k + 1).is_some_and(|x| word(text, x) == "points") {
        return Some((i, k + 2, numeral, exp, "percentage points".to_string()));
    }
    // A counted noun: lowercase word after a number that is no year.
    let year_like = numeral.len() == 4 && !numeral.contains([',', '.']) && exp == 0;
    let noun = toks.get(k).filter(|x| {
        x.kind == TokenKind::Word && next.chars().all(|c| c.is_lowercase() || c == '-')
    });
    // Words after a number that are no counted noun.
    const NOT_NOUNS: &[&str] = &[
        "of", "and", "or", "to", "in", "on", "at", "per", "a", "the", "times", "year", "is", "was",
        "were", "are", "will", "would", "has", "have", "had", "for", "from", "by", "with",
    ];
    if !year_like && noun.is_some() && !NOT_NOUNS.contains(&next) {
        return Some((i, k + 1, numeral, exp, next.to_string()));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    #[track_caller]
    fn check(sentence: &str, expected: &[(&str, &str, &str, Option<&str>)]) {
        let toks = tokenize(sentence, Span::new(0, sentence.len()));
        let p = demarche_model::parse_date("2021-11-20").ok();
        let times = crate::time::find_times(sentence, &toks, p);
        let s = SentenceTokens {
            span: Span::new(0, sentence.len()),
            toks,
        };
        let got: Vec<(String, String, String, Option<String>)> = find_amounts(sentence, &s, &times)
            .into_iter()
            .map(|a| {
                assert_eq!(&sentence[a.span.range()], a.text);
                (a.text, a.value, a.unit, a.measure.map(|m| m.text))
            })
            .collect();
        let expected: Vec<(String, String, String, Option<String>)> = expected
            .iter()
            .map(|(a, b, c, d)| ((*a).into(), (*b).into(), (*c).into(), d.map(str::to_string)))
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
                    "USD",
                    Some("bilateral trade volume"),
                ),
                (
                    "29.2 percent",
                    "29.2",
                    "percent",
                    Some("year-on-year increase"),
                ),
            ],
        );
        check(
            "Aid rose to US$5bn and 300 million yuan, while 5,000 troops left.",
            &[
                ("US$5bn", "5000000000", "USD", Some("Aid")),
                ("300 million yuan", "300000000", "CNY", None),
                ("5,000 troops", "5000", "troops", None),
            ],
        );
        check(
            "Inflation hit 7% and fell 2 percentage points.",
            &[
                ("7%", "7", "percent", Some("Inflation")),
                ("2 percentage points", "2", "percentage points", None),
            ],
        );
        // Dates and years are time expressions, not amounts.
        check("On October 28 in 2021 the 20th anniversary came.", &[]);
    }
}
