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
//!
//! The files: this one holds [`Amount`], [`find_amounts`] and the reading of one amount;
//! [`numbers`] the numbers and ranges, [`units`] the currency, percent or counted noun, and
//! [`measure`] what the amount measures.

mod measure;
mod numbers;
mod units;

use self::measure::{measure_of, phrase};
pub use self::numbers::normalise;
use self::numbers::{is_numeral, number_at, range_at};
use self::units::{counted_noun, money_or_percent};
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

/// Finds the amounts of one sentence, skipping tokens inside the sentence's time expressions.
#[cfg(test)]
pub fn find_amounts(text: &str, s: &SentenceTokens, times: &[TimeExpression]) -> Vec<Amount> {
    find_amounts_after(text, s, times, None)
}

/// The unit an elided count of a later sentence may stand for: that of the last amount of
/// `amounts` that counts something (a share in percent counts nothing).
///
/// Rule quote-opaque-carry: an amount inside one of the direct quotations `quoted` is the
/// speaker's own count, not the story's: "Another 700 are living in tents" after
/// `"… we found three children …," a rescuer said` counts the families counted before the
/// quotation, not children.
pub fn carried_unit<'a>(amounts: &'a [Amount], quoted: &[Span]) -> Option<&'a str> {
    amounts
        .iter()
        .rev()
        .filter(|a| {
            !quoted
                .iter()
                .any(|q| q.start <= a.span.start && a.span.end <= q.end)
        })
        .map(|a| a.unit.as_str())
        .find(|u| !u.is_empty() && *u != "percent")
}

/// [`find_amounts`], with `carried` the unit counted last in the sentences before
/// ([`carried_unit`]).
///
/// Rule another-across: a bare number after a word of `[elided-across]` ("Another 35 are
/// staying with relatives") counts what an earlier sentence counted when its own sentence
/// counted nothing before it.
pub fn find_amounts_after(
    text: &str,
    s: &SentenceTokens,
    times: &[TimeExpression],
    carried: Option<&str>,
) -> Vec<Amount> {
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
        // A count of part of a group ("five of them children") is not what a later elided
        // count stands for ("… were killed and 14 were injured").
        let previous_unit = out
            .iter()
            .rev()
            .filter(|a| !text[a.span.end..].trim_start().starts_with("of them"))
            .find(|a| !a.unit.is_empty())
            .map(|a| a.unit.clone())
            .or_else(|| {
                let after_another = i > 0
                    && toks
                        .get(i - 1)
                        .is_some_and(|t| has(Class::ElidedAcross, word(text, t)));
                carried.filter(|_| after_another).map(str::to_string)
            });
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
        // A part is no larger than its whole: its unit is that of the nearest amount before it
        // that is at least as large ("46 drones over six regions, including 17" counts drones).
        let unit = if found.part {
            let v: f64 = value.parse().unwrap_or(f64::NAN);
            out.iter()
                .rev()
                .find(|x| !x.unit.is_empty() && x.as_f64() >= v)
                .map_or(found.unit, |x| x.unit.clone())
        } else {
            found.unit
        };
        let measure = found
            .noun
            .and_then(|(s, e)| phrase(text, toks, s, e))
            .filter(|p| p.text.contains(' '))
            // Rule unit-not-measure: a unit of measure is how, not what, an amount measures
            // ("55.5 billion cubic metres of Nile water").
            .filter(|p| {
                !p.text
                    .rsplit(' ')
                    .next()
                    .is_some_and(|h| has(Class::MeasureUnit, h))
            })
            .or_else(|| measure_of(text, toks, found.start, found.end, &in_time))
            .or_else(|| converted_measure(text, toks, found.start, &out))
            .or_else(|| change_of_count(text, toks, found.start, &unit, &out));
        out.push(Amount {
            span,
            text: span.slice(text).unwrap_or("").to_string(),
            value,
            max: found.high.and_then(|h| normalise(&h, exp)),
            unit,
            measure,
            period: period_for(span.start),
        });
        i = found.end.max(i + 1);
    }
    out
}

/// Rule conversion-bracket: an amount in brackets right after another one restates it in
/// another currency or unit ("45 million pesos ($780,000)") and measures what that one does.
fn converted_measure(text: &str, toks: &[Tok], start: usize, out: &[Amount]) -> Option<Phrase> {
    let open = toks.get(start.checked_sub(1)?)?;
    let before = toks.get(start.checked_sub(2)?)?;
    let prev = out.last()?;
    (open.span.slice(text) == Some("(") && prev.span.end == before.span.end)
        .then(|| prev.measure.clone())
        .flatten()
}

/// Rule percent-after-count: a percentage of change right after a count and its comma ("put
/// the number of people in tents at 31,500, up 40 percent from Monday", "at 1,250, up 30
/// percent on the first storm") measures what that count counted: the counted noun as the
/// sentence writes it before the count.
fn change_of_count(
    text: &str,
    toks: &[Tok],
    start: usize,
    unit: &str,
    out: &[Amount],
) -> Option<Phrase> {
    if unit != "percent" || start < 3 {
        return None;
    }
    let w = |k: usize| toks.get(k).map_or("", |t| word(text, t));
    if w(start - 2) != "," || !matches!(w(start - 1), "up" | "down") {
        return None;
    }
    let comma = toks.get(start - 2)?;
    let prev = out.last()?;
    let counted = prev.unit.as_str();
    if prev.span.end != comma.span.start || counted.is_empty() || counted == "percent" {
        return None;
    }
    // The counted noun written before the count, else the count's own measure.
    let upto = toks.partition_point(|t| t.span.end <= prev.span.start);
    let before = toks
        .get(..upto)?
        .iter()
        .rposition(|t| word(text, t).eq_ignore_ascii_case(counted));
    match before {
        Some(k) => phrase(text, toks, k, k + 1),
        None => prev.measure.clone(),
    }
}

/// A currency sign or code glued to the number in one token ("US$5bn", "RM95.5", "Rs4,000"):
/// the code and the rest of the token, which starts with a digit.
fn glued_currency(tw: &str) -> Option<(&'static str, &str)> {
    let split = tw.find(|c: char| c.is_ascii_digit()).filter(|&k| k > 0)?;
    let (sign, rest) = tw.split_at(split);
    Some((lexicon::currency_before(sign)?, rest))
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
    /// A part of an amount counted before it ("including 17"), whose unit is that amount's.
    part: bool,
}

impl Found {
    /// An amount in `unit` over tokens `start..end`, with no counted noun phrase and no part.
    fn new(
        start: usize,
        end: usize,
        (low, high, exp): (String, Option<String>, u32),
        unit: String,
    ) -> Found {
        Found {
            start,
            end,
            low,
            high,
            exp,
            unit,
            noun: None,
            part: false,
        }
    }
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
    if number_in_name(text, toks, i) {
        return None;
    }
    // A currency sign or code first: "$", "US$", "RMB", or glued "US$5bn".
    let tw = w(i);
    // Rule hyphen-unit: a number joined by a hyphen to a unit of measure ("the 420-km road")
    // measures in that unit.
    if let Some((num, unit)) = tw.split_once('-')
        && is_numeral(num)
        && has(Class::MeasureUnit, unit)
    {
        return Some(Found::new(
            i,
            i + 1,
            (num.to_string(), None, 0),
            unit.to_lowercase(),
        ));
    }
    let (cur, num_at, glued) = if let Some((c, rest)) = glued_currency(tw) {
        (Some(c), i, Some(rest))
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
            return Some(Found::new(i, k + 1, (low, high, e), code.to_string()));
        }
    }
    if let Some(c) = cur {
        return Some(Found::new(i, k, (low, high, exp), c.to_string()));
    }
    if let Some((unit, used)) = money_or_percent(text, toks, k) {
        return Some(Found::new(i, k + used, (low, high, exp), unit));
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
    if harm_adjective_bare(text, toks, i, k, previous_unit) {
        return Some(Found::new(i, k, (low, high, exp), String::new()));
    }
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
            noun: (s < e && s >= k).then_some((s, e)),
            ..Found::new(i, end, (low, high, exp), unit)
        });
    }
    // A bare number after a verb of harm or a measuring verb: "kills 41", "risen above 40,000".
    if year_like {
        return None;
    }
    if let Some(unit) = of_them_noun(text, toks, k)
        .or_else(|| part_of_whole(text, toks, k, previous_unit))
        .or_else(|| put_number_at(text, toks, i))
        .or_else(|| elided_subject(text, toks, i, k, previous_unit))
    {
        return Some(Found::new(i, k, (low, high, exp), unit));
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
    // Rule elided-before: "46 drones …, including 17 over Kursk": a bare number after a word
    // that singles out part of the count before it counts the same thing.
    if has(Class::ElidedBefore, verb)
        && let Some(unit) = previous_unit
    {
        return Some(Found {
            part: true,
            ..Found::new(i, k, (low, high, exp), unit.to_string())
        });
    }
    let ends = matches!(
        w(k),
        "," | "." | ";" | "" | "as" | "in" | "on" | "and" | "since"
    );
    // A bare number before a participle of harm with nothing counted before it ("among 8
    // killed", "12 wounded"): an amount with no unit.
    let harmed = has(Class::Harm, w(k)) && w(k).ends_with("ed");
    // A gerund measures as its verb does ("numbering about 30").
    let lemma = demarche_text::english::get().verb_lemma(&verb.to_lowercase());
    let measures = lexicon::verb_has(VerbClass::Measure, verb)
        || lexicon::verb_has(VerbClass::Measure, &lemma)
        || has(Class::Harm, verb)
        || lexicon::verb_has(VerbClass::Harm, verb)
        || lexicon::verb_has(VerbClass::Harm, &lemma);
    // Rule harm-word-number: a number written as a word is bare only after a verb of harm
    // ("killing nine"), not after any measuring verb ("the two were").
    let harms =
        lexicon::verb_has(VerbClass::Harm, verb) || lexicon::verb_has(VerbClass::Harm, &lemma);
    if by_words && !harms {
        return None;
    }
    (ends && measures && !verb.is_empty() || harmed)
        .then(|| Found::new(i, k, (low, high, exp), String::new()))
}

/// Rule harm-adjective-bare: a bare number before an adjective of harm ("dead", "missing")
/// with nothing counted before it, after a verb of harm or a comma ("Floods leave 4 dead", "…,
/// 9 missing"), is a toll with no unit; after "at" or another verb ("put the toll at around
/// fifty dead", "confirm eight dead") the adjective names what it counts.
fn harm_adjective_bare(
    text: &str,
    toks: &[Tok],
    i: usize,
    k: usize,
    previous_unit: Option<&str>,
) -> bool {
    let w = |j: usize| toks.get(j).map_or("", |t| word(text, t));
    let adjective = has(Class::Harm, w(k)) && !w(k).ends_with("ed");
    if previous_unit.is_some() || !adjective || i == 0 {
        return false;
    }
    let mut b = i;
    while b > 0
        && matches!(
            w(b - 1).to_lowercase().as_str(),
            "least"
                | "about"
                | "some"
                | "around"
                | "nearly"
                | "almost"
                | "than"
                | "more"
                | "over"
                | "\""
                | "“"
        )
    {
        b -= 1;
    }
    if w(b) == "least" && b > 0 && w(b - 1).eq_ignore_ascii_case("at") {
        b -= 1;
    }
    let before = if b == 0 { "" } else { w(b - 1) };
    // A noun after the adjective is what it counts ("five missing passengers").
    let after = w(k + 1);
    let noun_after = toks.get(k + 1).is_some_and(|t| t.kind == TokenKind::Word)
        && after.starts_with(char::is_lowercase)
        && !has(Class::Function, after);
    // What governs the toll: a verb of harm ("leave 4 dead", "kills 11"), or a comma or a
    // dash of a headline's list ("…, 9 missing"); another verb ("confirm eight dead") lets the
    // adjective count itself.
    let toll = matches!(before, "," | "-" | "–" | "")
        || lexicon::verb_has(VerbClass::Harm, before)
        || lexicon::verb_has(
            VerbClass::Harm,
            &demarche_text::english::get().verb_lemma(before),
        );
    toll && !noun_after
}

/// Rule number-in-name: a numeral right after a capitalised word that is no function word, no
/// month or weekday, and before a capitalised word or an office, is part of a name ("Rescue
/// 1122 spokesman", "Operation 1027 Commander"), not an amount.
fn number_in_name(text: &str, toks: &[Tok], i: usize) -> bool {
    let w = |k: usize| toks.get(k).map_or("", |t| word(text, t));
    let x = w(i);
    if i == 0 || !x.starts_with(|c: char| c.is_ascii_digit()) || x.contains([',', '.']) {
        return false;
    }
    let before = w(i - 1);
    let names = toks.get(i - 1).is_some_and(|t| t.kind == TokenKind::Word)
        && before.starts_with(char::is_uppercase)
        && !has(Class::Function, &before.to_lowercase())
        && demarche_text::english::words().month(before).is_none()
        && crate::time::weekday_of(before).is_none()
        && lexicon::currency_before(before).is_none();
    let after = w(i + 1);
    let named_after = toks.get(i + 1).is_some_and(|t| t.kind == TokenKind::Word)
        && (after.starts_with(char::is_uppercase) && !has(Class::Function, &after.to_lowercase())
            || crate::titles::is_role(after));
    names && named_after
}

/// Rule of-them: "five of them children,", "two of them nurses.": a bare number before "of them"
/// counts the noun after it when that noun closes the apposition; a verb there ("two of them were", "two of them fell") gives none.
fn of_them_noun(text: &str, toks: &[Tok], k: usize) -> Option<String> {
    let w = |j: usize| toks.get(j).map_or("", |t| word(text, t));
    if w(k) != "of" || !matches!(w(k + 1), "them" | "whom") {
        return None;
    }
    let n = w(k + 2);
    // The shape is an apposition: the noun closes it ("Seven people, five of them children,
    // were …"; "…, two of them nurses.").
    let closes = matches!(w(k + 3), "," | "." | ";" | ")" | "" | "-" | "–" | "and");
    (closes && toks.get(k + 2).is_some_and(|t| t.kind == TokenKind::Word) && units::noun_word(n))
        .then(|| n.to_lowercase())
}

/// Rule part-of-whole: a bare number before "of" and the whole it is part of counts what the
/// whole counts: "7 of the county's 22 municipalities", "95 of Bolivia's 339 municipalities",
/// "27 of the 41 fires" count municipalities and fires; "640 of them" and "4,800 of them in …"
/// with no noun of their own count what the amount before them in the sentence counted.
fn part_of_whole(
    text: &str,
    toks: &[Tok],
    k: usize,
    previous_unit: Option<&str>,
) -> Option<String> {
    let w = |j: usize| toks.get(j).map_or("", |t| word(text, t));
    if w(k) != "of" {
        return None;
    }
    if matches!(w(k + 1), "them" | "whom") {
        return previous_unit.map(str::to_string);
    }
    // The whole: a determiner, a possessive or a name's possessive, then its own count.
    let mut j = k + 1;
    while j < k + 5 {
        let t = toks.get(j)?;
        let x = w(j);
        let opens = matches!(
            x.to_lowercase().as_str(),
            "the" | "its" | "their" | "his" | "her" | "our" | "all"
        ) || t.kind == TokenKind::Possessive
            || t.kind == TokenKind::Word
                && toks
                    .get(j + 1)
                    .is_some_and(|n| n.kind == TokenKind::Possessive);
        if !opens {
            break;
        }
        j += 1;
    }
    if j == k + 1 {
        return None;
    }
    let (_, _, n) = number_at(text, toks, j)?;
    let (unit, _, _) = counted_noun(text, toks, j + n, None)?;
    (!unit.is_empty()).then_some(unit)
}

/// Rule put-number-at: "put the number of families moved … at 1,250": a bare number after
/// "at" counts the noun after "the number of" that a form of "put" took before it in the
/// sentence.
fn put_number_at(text: &str, toks: &[Tok], i: usize) -> Option<String> {
    let w = |j: usize| toks.get(j).map_or("", |t| word(text, t));
    let mut b = i;
    while b > 0 && matches!(w(b - 1), "about" | "around" | "some" | "nearly" | "almost") {
        b -= 1;
    }
    if b == 0 || w(b - 1) != "at" {
        return None;
    }
    let from = b.saturating_sub(25);
    let put = (from..b).rev().find(|&j| w(j) == "put" || w(j) == "puts")?;
    (w(put + 1) == "the" && w(put + 2) == "number" && w(put + 3) == "of")
        .then(|| w(put + 4))
        .filter(|n| n.starts_with(char::is_lowercase) && !has(Class::Function, n))
        .map(str::to_lowercase)
}

/// Rule elided-subject: a bare number that is the subject of a form of "be" ("… were killed and
/// 14 were injured", "two are in critical condition") or that follows "and" before a
/// preposition ("four bodies … in A and three in B") counts what the amount before it in the
/// sentence counted.
fn elided_subject(
    text: &str,
    toks: &[Tok],
    i: usize,
    k: usize,
    previous_unit: Option<&str>,
) -> Option<String> {
    let w = |j: usize| toks.get(j).map_or("", |t| word(text, t));
    let unit = previous_unit?;
    let be = matches!(w(k), "were" | "are" | "was" | "is" | "remain" | "remained");
    let conjunct = i > 0
        && matches!(w(i - 1), "and" | "or")
        && matches!(w(k), "in" | "at" | "on" | "near" | "from");
    (be || conjunct).then(|| unit.to_string())
}

#[cfg(test)]
mod tests;
