//! What an amount measures (see the `amounts` module doc): the noun phrases before and after
//! it, read from the sentence.

use super::word;
use crate::entities::Phrase;
use crate::lexicon::{self, Class, VerbClass, has};
use crate::tokens::{Tok, TokenKind, run_span};

/// Words that end a noun phrase: closed-class words (`demarche_text::english`) other than
/// numbers ("the two countries" is one noun phrase).
fn np_stop(w: &str) -> bool {
    let words = demarche_text::english::words();
    has(Class::Function, w) && words.cardinal(w).is_none() && words.ordinal(w).is_none()
}

pub(super) fn phrase(text: &str, toks: &[Tok], s: usize, end: usize) -> Option<Phrase> {
    let span = run_span(toks, s, end)?;
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
            // Rule verb-before-measured: a verb's past form before the noun phrase is the
            // verb whose object it is ("Japan signed contracts worth $2 billion"), unless it
            // is the phrase's only word.
            let x = w(s - 1);
            let past = x.ends_with("ed") && demarche_text::english::get().verb_lemma(&x) != x;
            if past && s < end {
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
            "between" | "with" | "through" | "in" | "of" | "from" | "to" | "across" | "on" | "for"
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
    // An owner's possessive stays inside the phrase ("of the region's sown area").
    while e < toks.len() && e - start < 5 {
        let Some(t) = toks.get(e) else { break };
        let owner = t.kind == TokenKind::Possessive && e > start;
        if !owner && (t.kind != TokenKind::Word || np_stop(word(text, t))) {
            break;
        }
        e += 1;
    }
    phrase(text, toks, start, e)
}

/// What the amount at tokens `start..end` measures (see the `amounts` module doc).
pub(super) fn measure_of(
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
    // Rule unit-of-first: a unit's "of" complement names what is measured before any verb's
    // subject does ("Storm Helios dropped up to 400 millimetres of rain").
    if end > start
        && w(end) == "of"
        && toks
            .get(end - 1)
            .is_some_and(|t| t.kind == TokenKind::Word && has(Class::MeasureUnit, w(end - 1)))
    {
        return np_after(text, toks, end + 1);
    }
    // Rule percent-of: a percentage's "of" complement names what it is a share of ("about 60
    // percent of the houses", "15 percent of the region's sown area").
    if end > start && w(end) == "of" && matches!(w(end - 1), "percent" | "%" | "pct") {
        let mut a = end + 1;
        while matches!(
            w(a).to_lowercase().as_str(),
            "the" | "a" | "an" | "its" | "their"
        ) {
            a += 1;
        }
        return np_after(text, toks, a);
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
    // Rule percent-predicate: an amount between a form of "be" and a lower-case predicate
    // word ("The dam was still 140 percent full", "Rainfall … was 60 percent above normal")
    // measures the clause's subject, the noun phrase before the verb.
    {
        let mut b = k;
        while b > 0 && matches!(w(b - 1), "still" | "now" | "already" | "only" | "nearly") {
            b -= 1;
        }
        let predicate = toks.get(end).is_some_and(|t| {
            t.kind == TokenKind::Word
                && w(end).starts_with(char::is_lowercase)
                && !matches!(w(end), "of" | "in" | "on" | "from" | "to")
        });
        if b > 0
            && predicate
            && matches!(w(b - 1), "is" | "was" | "are" | "were")
            && let Some(np) = np_before(text, toks, b - 1, in_time)
        {
            return Some(np);
        }
    }
    // Rule amount-is-noun: an amount that is the subject of a copula with a noun phrase ("$185
    // million is a concessional loan") measures that noun phrase.
    if matches!(w(end), "is" | "was" | "are" | "were") && matches!(w(end + 1), "a" | "an" | "the") {
        return np_after(text, toks, end + 2);
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
