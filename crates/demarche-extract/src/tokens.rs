//! The extractor's own word tokens and a fallback sentence splitter.
//!
//! The extractors need only a light tokenization: words (with inner hyphens and apostrophes kept,
//! so "China-Russia" and "year-on-year" stay whole), numbers (with thousands separators and a
//! decimal point), possessive endings split off ("Putin’s" → "Putin" + "’s"), and single
//! punctuation marks. Every token is a byte span into the document text, never a copy.
//!
//! The project's real sentence splitter lives in `demarche-text`; callers that have its spans pass
//! them in. [`split_sentences`] is a simple fallback so this crate also works on its own.

use demarche_model::Span;

/// What a token is; enough for the extractors' patterns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (and digits mixed with letters), with inner `-`, `'`, `’` and abbreviation dots.
    Word,
    /// Digits with optional `,` thousands separators and one `.` decimal part.
    Number,
    /// The possessive ending `'s` / `’s` (or a bare `'` / `’` after a plural).
    Possessive,
    /// Any other single character that is not white space.
    Punct,
}

/// One token of the text: its span and kind. The text itself is `&text[span.range()]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    pub span: Span,
    pub kind: TokenKind,
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// The characters of a piece of text by index, with their byte offsets. ASCII text (nearly all
/// news) is read in place; other text is decoded once.
enum Chars<'a> {
    Ascii(&'a [u8]),
    Decoded(Vec<(usize, char)>),
}

impl<'a> Chars<'a> {
    fn new(part: &'a str) -> Self {
        if part.is_ascii() {
            Chars::Ascii(part.as_bytes())
        } else {
            Chars::Decoded(part.char_indices().collect())
        }
    }

    fn get(&self, k: usize) -> Option<(usize, char)> {
        match self {
            Chars::Ascii(b) => b.get(k).map(|&c| (k, char::from(c))),
            Chars::Decoded(v) => v.get(k).copied(),
        }
    }
}

/// Splits `text[span]` into tokens whose spans are relative to the whole `text`.
pub fn tokenize(text: &str, span: Span) -> Vec<Tok> {
    let Some(part) = span.slice(text) else {
        return Vec::new();
    };
    let base = span.start;
    let chars = Chars::new(part);
    // Sized once (a token every four bytes is more than news has), so it does not grow by
    // copying.
    let mut out = Vec::with_capacity(part.len() / 4 + 1);
    let mut i = 0;
    let end_of = |k: usize| -> usize { chars.get(k).map_or(part.len(), |(b, _)| b) };
    while let Some((start, c)) = chars.get(i) {
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c.is_ascii_digit() {
            // A number: digits, with `,` or `.` only when a digit follows them.
            let mut j = i + 1;
            let mut has_letter = false;
            while let Some((_, d)) = chars.get(j) {
                let next_is_digit = chars.get(j + 1).is_some_and(|(_, n)| n.is_ascii_digit());
                if d.is_ascii_digit() || ((d == ',' || d == '.') && next_is_digit) {
                    j += 1;
                } else if d.is_alphabetic() {
                    // "20th", "21st", "5G": a word, not a number.
                    has_letter = true;
                    j += 1;
                } else {
                    break;
                }
            }
            let kind = if has_letter {
                TokenKind::Word
            } else {
                TokenKind::Number
            };
            out.push(Tok {
                span: Span::new(base + start, base + end_of(j)),
                kind,
            });
            i = j;
            continue;
        }
        if c.is_alphabetic() {
            let mut j = i + 1;
            while let Some((_, d)) = chars.get(j) {
                let next = chars.get(j + 1).map(|(_, n)| n);
                // Inner apostrophe as in "O'Brien" or "don't", but not the possessive "’s".
                let possessive = matches!(next, Some('s' | 'S'))
                    && !chars.get(j + 2).is_some_and(|(_, n)| n.is_alphanumeric());
                let inner_apostrophe =
                    is_apostrophe(d) && next.is_some_and(char::is_alphabetic) && !possessive;
                if d.is_alphanumeric()
                    || (d == '-' && next.is_some_and(char::is_alphanumeric))
                    || inner_apostrophe
                {
                    j += 1;
                } else if d == '.'
                    && next.is_some_and(|n| n.is_alphabetic())
                    && chars.get(j + 2).is_some_and(|(_, n)| n == '.')
                {
                    // Abbreviations written with dots: "U.S.", "U.N.".
                    j += 2;
                } else {
                    break;
                }
            }
            // Keep the final dot of "U.S." with the word when the word is a dotted abbreviation.
            if chars.get(j).is_some_and(|(_, d)| d == '.')
                && part
                    .get(start..end_of(j))
                    .is_some_and(|w| w.contains('.') && w.len() <= 6)
            {
                j += 1;
            }
            out.push(Tok {
                span: Span::new(base + start, base + end_of(j)),
                kind: TokenKind::Word,
            });
            i = j;
            continue;
        }
        if is_apostrophe(c) && !out.is_empty() {
            let prev_adjacent = out
                .last()
                .is_some_and(|t: &Tok| t.span.end == base + start && t.kind == TokenKind::Word);
            if prev_adjacent {
                let next = chars.get(i + 1).map(|(_, n)| n);
                let after = chars.get(i + 2).map(|(_, n)| n);
                if matches!(next, Some('s' | 'S')) && !after.is_some_and(char::is_alphanumeric) {
                    out.push(Tok {
                        span: Span::new(base + start, base + end_of(i + 2)),
                        kind: TokenKind::Possessive,
                    });
                    i += 2;
                    continue;
                }
            }
        }
        out.push(Tok {
            span: Span::new(base + start, base + end_of(i + 1)),
            kind: TokenKind::Punct,
        });
        i += 1;
    }
    out
}

/// Words that end with a dot without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "gov", "sen",
    "rep", "st", "jr", "sr", "no", "vs", "etc", "inc", "corp", "co", "ltd", "jan", "feb", "mar",
    "apr", "aug", "sept", "sep", "oct", "nov", "dec", "u.s", "u.n", "u.k", "e.g", "i.e", "pres",
];

/// Splits a text into sentence spans: at blank lines (paragraphs), at line ends of short lines
/// such as headlines, and after `.`, `!` or `?` (with closing quotes) when the next non-space
/// character starts a new sentence and the word before the dot is no known abbreviation.
///
/// This is a fallback for standalone use; `demarche-text` owns the project's real splitter.
pub fn split_sentences(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut offset = 0;
    // Paragraphs first: a blank line always ends a sentence.
    for line in text.split_inclusive('\n') {
        let line_span = Span::new(offset, offset + line.len());
        offset += line.len();
        split_line(text, line_span, &mut spans);
    }
    spans
}

fn split_line(text: &str, span: Span, out: &mut Vec<Span>) {
    let Some(line) = span.slice(text) else {
        return;
    };
    let bytes: Vec<(usize, char)> = line.char_indices().collect();
    let mut start = 0;
    let mut k = 0;
    while let Some(&(b, c)) = bytes.get(k) {
        if matches!(c, '.' | '!' | '?') {
            // Include closing quotes and brackets after the mark.
            let mut e = k + 1;
            while bytes
                .get(e)
                .is_some_and(|(_, q)| matches!(q, '"' | '”' | '’' | '\'' | ')'))
            {
                e += 1;
            }
            let end_byte = bytes.get(e).map_or(line.len(), |(x, _)| *x);
            let next_visible = bytes
                .get(e..)
                .unwrap_or(&[])
                .iter()
                .find(|(_, ch)| !ch.is_whitespace())
                .map(|(_, ch)| *ch);
            let followed_by_space = bytes.get(e).is_none_or(|(_, ch)| ch.is_whitespace());
            let starts_new = next_visible.is_none_or(|n| {
                n.is_uppercase() || n.is_ascii_digit() || matches!(n, '"' | '“' | '‘' | '(')
            });
            let word_before = line
                .get(start..b)
                .and_then(|s| s.rsplit(|ch: char| ch.is_whitespace() || ch == '(').next())
                .unwrap_or("")
                .to_lowercase();
            let is_abbrev = c == '.'
                && (ABBREVIATIONS.contains(&word_before.as_str())
                    || (word_before.chars().count() == 1
                        && word_before.chars().all(char::is_alphabetic)));
            if followed_by_space && starts_new && !is_abbrev {
                push_trimmed(line, span.start, start, end_byte, out);
                start = end_byte;
            }
            k = e;
            continue;
        }
        k += 1;
    }
    push_trimmed(line, span.start, start, line.len(), out);
}

fn push_trimmed(line: &str, base: usize, start: usize, end: usize, out: &mut Vec<Span>) {
    let Some(piece) = line.get(start..end) else {
        return;
    };
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        let s = base + start + lead;
        out.push(Span::new(s, s + trimmed.len()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, Span::new(0, text.len()))
            .iter()
            .map(|t| &text[t.span.range()])
            .collect()
    }

    #[test]
    fn tokens_keep_compounds_and_split_possessives() {
        assert_eq!(
            words("Putin’s ‘China-Russia model’ grew 29.2 percent to $102,000."),
            [
                "Putin",
                "’s",
                "‘",
                "China-Russia",
                "model",
                "’",
                "grew",
                "29.2",
                "percent",
                "to",
                "$",
                "102,000",
                "."
            ]
        );
        assert_eq!(
            words("the U.S. and O'Brien's 20th"),
            ["the", "U.S.", "and", "O'Brien", "'s", "20th"]
        );
    }

    #[test]
    fn sentences_split_at_paragraphs_and_stops_but_not_abbreviations() {
        let text = "Headline here\n\nMr. Smith met Gen. Jones in the U.S. on Friday. He left.\n“Go,” she said. Then 5 more.";
        let got: Vec<&str> = split_sentences(text)
            .iter()
            .map(|s| &text[s.range()])
            .collect();
        assert_eq!(
            got,
            [
                "Headline here",
                "Mr. Smith met Gen. Jones in the U.S. on Friday.",
                "He left.",
                "“Go,” she said.",
                "Then 5 more."
            ]
        );
    }
}
