//! Numbers and ranges as written (numerals, number words, digits glued to a scale), and exact
//! decimal normalisation.

use super::word;
use crate::lexicon::{self};
use crate::tokens::{Tok, TokenKind};

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

/// A number at token `i`: (value as a numeral, power of ten glued to it, tokens used).
/// Numerals, number words ("three", "two hundred") and digits glued to a scale ("5bn").
pub(super) fn number_at(text: &str, toks: &[Tok], i: usize) -> Option<(String, u32, usize)> {
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
    // Rule hyphen-cardinal: "Thirty-eight", "twenty-one": a ten and a unit joined by a hyphen.
    if let Some((tens, unit)) = w.split_once('-')
        && let (Some(a), Some(b)) = (words.cardinal(tens), words.cardinal(unit))
        && (20..=90).contains(&a)
        && a % 10 == 0
        && (1..=9).contains(&b)
    {
        return Some(((a + b).to_string(), 0, 1));
    }
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
pub(super) fn range_at(text: &str, toks: &[Tok], i: usize) -> Option<(String, String, u32, usize)> {
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
    let mut link = first + n1;
    // Rule scaled-range: "between 1 million and 1.5 million barrels": a scale word after each
    // end, the same on both, scales the range.
    let scale = crate::lexicon::scale(w(link)).filter(|_| e1 == 0);
    if scale.is_some() {
        link += 1;
    }
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
    if let Some(x) = scale {
        let after = link + 1 + n2;
        if crate::lexicon::scale(w(after)) != Some(x) {
            return None;
        }
        return Some((lo, hi, x, after + 1 - i));
    }
    Some((lo, hi, e1, link + 1 + n2 - i))
}

pub(super) fn is_numeral(s: &str) -> bool {
    !s.is_empty()
        && s.starts_with(|c: char| c.is_ascii_digit())
        && s.chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
}
