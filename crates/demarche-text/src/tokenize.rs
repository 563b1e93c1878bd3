//! Penn Treebank style tokenization with spans into the original text.
//!
//! Conventions: punctuation is split off; `n't`, `'s`, `'re`, `'ll`, `'ve`, `'d`, `'m` are split
//! from their host word (`can't` → `ca n't`, `won't` → `wo n't`, `cannot` → `can not`); `$` and
//! `%` are tokens of their own; hyphenated words (`China-Russia`, `year-on-year`), numbers with
//! separators (`1,000`, `29.2`, `12:30`) and dotted abbreviations (`U.S.`, `Gen.`, `p.m.`) stay
//! whole. A trailing period is split off unless the word is a known or dotted abbreviation.
//!
//! `Token::norm` is the form for matching: straight apostrophes (`’` → `'`), Treebank quotes
//! (`“` → ``` `` ```, `”` → `''`, a straight `"` by its position), `--` for em and en dashes,
//! `...` for `…`. `Token::span` always points into the text given, on character boundaries.

use crate::abbrev;
use demarche_model::{Span, Token};

/// Splits `text` into Penn Treebank tokens. Never panics; spans are ordered and disjoint.
///
/// ```
/// let text = "Putin’s ‘China-Russia model’ isn't new.";
/// let words: Vec<String> = demarche_text::tokenize(text).into_iter().map(|t| t.norm).collect();
/// assert_eq!(words, ["Putin", "'s", "`", "China-Russia", "model", "'", "is", "n't", "new", "."]);
/// ```
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let mut start = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                split_chunk(text, s, i, &mut out);
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        split_chunk(text, s, text.len(), &mut out);
    }
    out
}

/// Characters that are always a token of their own wherever they appear in a chunk.
fn always_split(c: char) -> bool {
    matches!(
        c,
        '(' | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '"'
            | '“'
            | '”'
            | '„'
            | '«'
            | '»'
            | ';'
            | '!'
            | '?'
            | '—'
            | '–'
            | '…'
            | '‘'
    )
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Splits the whitespace-free chunk `text[start..end]` into tokens.
fn split_chunk(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    // First cut at characters that always split, then treat each piece as a word-like run.
    let chunk = &text[start..end];
    let mut piece_start = start;
    for (i, c) in chunk.char_indices() {
        let at = start + i;
        if at < piece_start {
            // Inside a dash run already emitted.
            continue;
        }
        if always_split(c) {
            if piece_start < at {
                split_piece(text, piece_start, at, out);
            }
            push(text, at, at + c.len_utf8(), out);
            piece_start = at + c.len_utf8();
        } else if c == '-' && chunk[i..].starts_with("--") {
            // A double hyphen is a dash, not part of a compound.
            if piece_start < at {
                split_piece(text, piece_start, at, out);
            }
            let mut e = at;
            while text[e..end].starts_with('-') {
                e += 1;
            }
            push(text, at, e, out);
            piece_start = e;
        }
    }
    // `piece_start` may sit inside a run of dashes already consumed; skip those.
    if piece_start < end {
        split_piece(text, piece_start, end, out);
    }
}

/// Splits a piece without always-split characters: leading and trailing punctuation, clitics.
fn split_piece(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    // The loop above may leave a piece that begins inside a consumed dash run.
    let mut s = start;
    let mut e = end;
    if s >= e || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
        return;
    }
    let mut leading: Vec<(usize, usize)> = Vec::new();
    // Leading punctuation: opening single quotes, currency, hash, stray commas or colons.
    while s < e {
        let Some(c) = text[s..e].chars().next() else {
            break;
        };
        let rest = &text[s + c.len_utf8()..e];
        let split = match c {
            '$' | '£' | '€' | '¥' | '#' | ',' | ':' | '`' | '/' => true,
            '-' => !rest.is_empty() && !rest.starts_with(|d: char| d.is_ascii_digit()),
            '\'' | '’' => !is_clitic(rest) && !rest.starts_with(|d: char| d.is_ascii_digit()),
            _ => false,
        };
        if !split || rest.is_empty() {
            break;
        }
        leading.push((s, s + c.len_utf8()));
        s += c.len_utf8();
    }
    // Trailing punctuation, collected right to left.
    let mut trailing: Vec<(usize, usize)> = Vec::new();
    loop {
        if s >= e {
            break;
        }
        let word = &text[s..e];
        let Some(c) = word.chars().next_back() else {
            break;
        };
        let cl = c.len_utf8();
        let before = &word[..word.len() - cl];
        if before.is_empty() {
            break;
        }
        let split = match c {
            ',' | ':' | '%' | '/' | '`' => true,
            // A trailing hyphen stays ("anti- Gondor"), as in the Treebank.
            '-' => false,
            '.' => {
                if before.ends_with('.') {
                    // "..." at the end of a word: split the whole run of dots.
                    let dots = word.len() - word.trim_end_matches('.').len();
                    if dots >= 2 && dots < word.len() {
                        trailing.push((e - dots, e));
                        e -= dots;
                        continue;
                    }
                    false
                } else {
                    !abbrev::keeps_period(word)
                }
            }
            '\'' | '’' => {
                // Plural possessive (`countries'`) or a closing single quote.
                true
            }
            _ => false,
        };
        if !split {
            break;
        }
        trailing.push((e - cl, e));
        e -= cl;
    }
    for (a, b) in leading {
        push(text, a, b, out);
    }
    if s < e {
        split_clitics(text, s, e, out);
    }
    for (a, b) in trailing.into_iter().rev() {
        push(text, a, b, out);
    }
}

/// Whether `rest` (what follows an apostrophe) is a clitic like `s`, `re`, `ll`.
fn is_clitic(rest: &str) -> bool {
    ["s", "re", "ll", "ve", "d", "m", "t"]
        .iter()
        .any(|c| rest.eq_ignore_ascii_case(c))
}

/// Splits `n't` and `'s`-type clitics off the end of a word.
fn split_clitics(text: &str, s: usize, e: usize, out: &mut Vec<Token>) {
    let word = &text[s..e];
    if word.eq_ignore_ascii_case("cannot") {
        push(text, s, s + 3, out);
        push(text, s + 3, e, out);
        return;
    }
    // n't: the apostrophe may be straight or curly. Checked on bytes to avoid allocating.
    for suffix in ["n't", "n’t"] {
        let b = word.as_bytes();
        if b.len() > suffix.len()
            && b[b.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
        {
            let cut = e - suffix.len();
            push(text, s, cut, out);
            push(text, cut, e, out);
            return;
        }
    }
    // 's 're 'll 've 'd 'm: find the last apostrophe followed by a clitic (a byte test first:
    // `'`, or the E2 that starts `’`, is in few words).
    if word.bytes().any(|b| b == b'\'' || b == 0xE2)
        && let Some((i, c)) = word.char_indices().rev().find(|(_, c)| is_apostrophe(*c))
    {
        let rest = &word[i + c.len_utf8()..];
        if i > 0 && is_clitic(rest) && !rest.eq_ignore_ascii_case("t") {
            push(text, s, s + i, out);
            push(text, s + i, e, out);
            return;
        }
    }
    push(text, s, e, out);
}

fn push(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    if start >= end {
        return;
    }
    let raw = &text[start..end];
    let prev_is_space = text[..start]
        .chars()
        .next_back()
        .is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '{' | '—' | '–'));
    let norm = normalise(raw, prev_is_space);
    out.push(Token {
        span: Span::new(start, end),
        norm,
    });
}

/// The matching form of a raw token (see the module doc).
fn normalise(raw: &str, opens: bool) -> String {
    match raw {
        "“" | "„" | "«" => "``".to_string(),
        "”" | "»" => "''".to_string(),
        "\"" => if opens { "``" } else { "''" }.to_string(),
        "‘" => "`".to_string(),
        "'" | "’" if opens => "`".to_string(),
        "—" | "–" => "--".to_string(),
        "…" => "...".to_string(),
        // Both quotes are encoded E2 80 9x: a byte test rules out nearly every word first.
        _ if raw.as_bytes().contains(&0xE2) && raw.contains(['’', '‘']) => {
            raw.replace('’', "'").replace('‘', "`")
        }
        _ => raw.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(text: &str, expected: &[&str]) {
        let toks = tokenize(text);
        let norms: Vec<&str> = toks.iter().map(|t| t.norm.as_str()).collect();
        assert_eq!(norms, expected, "text {text:?}");
    }

    #[track_caller]
    fn raw(text: &str, expected: &[&str]) {
        let toks = tokenize(text);
        let got: Vec<&str> = toks.iter().map(|t| &text[t.span.range()]).collect();
        assert_eq!(got, expected, "text {text:?}");
    }

    #[test]
    fn contractions() {
        check(
            "He isn't sure they're coming, we'll see.",
            &[
                "He", "is", "n't", "sure", "they", "'re", "coming", ",", "we", "'ll", "see", ".",
            ],
        );
        check(
            "can't won't cannot",
            &["ca", "n't", "wo", "n't", "can", "not"],
        );
        check(
            "Gondor's and the countries' aims",
            &["Gondor", "'s", "and", "the", "countries", "'", "aims"],
        );
        check("didn’t", &["did", "n't"]);
    }

    #[test]
    fn curly_quotes_normalise_but_spans_stay_original() {
        let text = "Putin’s “model” and ‘China-Russia model’";
        check(
            text,
            &[
                "Putin",
                "'s",
                "``",
                "model",
                "''",
                "and",
                "`",
                "China-Russia",
                "model",
                "'",
            ],
        );
        raw(
            text,
            &[
                "Putin",
                "’s",
                "“",
                "model",
                "”",
                "and",
                "‘",
                "China-Russia",
                "model",
                "’",
            ],
        );
    }

    #[test]
    fn straight_double_quotes_by_position() {
        check(
            "\"We won,\" he said.",
            &["``", "We", "won", ",", "''", "he", "said", "."],
        );
    }

    #[test]
    fn amounts_and_percentages() {
        check(
            "$102 billion, up 29.2% or 1,000 units at 12:30.",
            &[
                "$", "102", "billion", ",", "up", "29.2", "%", "or", "1,000", "units", "at",
                "12:30", ".",
            ],
        );
    }

    #[test]
    fn abbreviations_and_hyphens() {
        check(
            "The U.S. and U.N. met Gen. Smith on Jan. 5 in year-on-year talks.",
            &[
                "The",
                "U.S.",
                "and",
                "U.N.",
                "met",
                "Gen.",
                "Smith",
                "on",
                "Jan.",
                "5",
                "in",
                "year-on-year",
                "talks",
                ".",
            ],
        );
        check(
            "John F. Kennedy at 5 p.m.",
            &["John", "F.", "Kennedy", "at", "5", "p.m."],
        );
        check("It ended.", &["It", "ended", "."]);
    }

    #[test]
    fn brackets_dashes_and_datelines() {
        check(
            "MOSCOW, Nov 18 (Reuters) - Putin—the leader--spoke...",
            &[
                "MOSCOW", ",", "Nov", "18", "(", "Reuters", ")", "-", "Putin", "--", "the",
                "leader", "--", "spoke", "...",
            ],
        );
        check(
            "an anti- Gondor parade",
            &["an", "anti-", "Gondor", "parade"],
        );
        check("CEBU CITY: -- Mayor", &["CEBU", "CITY", ":", "--", "Mayor"]);
    }

    #[test]
    fn odd_inputs() {
        check("", &[]);
        check("   ", &[]);
        // A lone straight quote at the start opens; a second one closes.
        check("'", &["`"]);
        check("''", &["`", "'"]);
        check("$", &["$"]);
        check("-", &["-"]);
        check("'90s", &["'90s"]);
    }
}

#[cfg(test)]
mod proptests {
    use super::*;
    use proptest::prelude::*;

    fn check_spans(text: &str) -> Result<(), TestCaseError> {
        let toks = tokenize(text);
        let mut last_end = 0;
        for t in &toks {
            prop_assert!(t.span.start < t.span.end, "empty token {t:?}");
            prop_assert!(t.span.start >= last_end, "overlap or disorder at {t:?}");
            prop_assert!(t.span.slice(text).is_some(), "span off boundary {t:?}");
            let raw = t.span.slice(text).unwrap_or_default();
            prop_assert!(!raw.chars().any(char::is_whitespace));
            prop_assert!(!t.norm.is_empty());
            last_end = t.span.end;
        }
        // Every non-space character is covered by some token.
        let covered: usize = toks.iter().map(|t| t.span.len()).sum();
        let non_space: usize = text
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(char::len_utf8)
            .sum();
        prop_assert_eq!(covered, non_space);
        Ok(())
    }

    proptest! {
        #[test]
        fn arbitrary_strings(text in "\\PC{0,120}") {
            check_spans(&text)?;
        }

        #[test]
        fn punctuation_heavy_strings(text in "[a-zA-Z0-9 .,'’“”\"$%()\\-—:;!?…]{0,80}") {
            check_spans(&text)?;
        }
    }
}
