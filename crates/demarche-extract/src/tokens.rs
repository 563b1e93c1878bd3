//! The extractor's word tokens: the project's tokenizer (`demarche_text::tokenize`), with a kind
//! for each token that the extractors' patterns need.
//!
//! `demarche-text` keeps hyphenated words ("China-Russia", "year-on-year", "14-15"), numbers with
//! separators ("1,500", "29.2") and dotted abbreviations and initials ("U.S.", "Gen.", "R.")
//! whole, and splits possessive endings ("Putin’s" → "Putin" + "’s") and punctuation off. Every
//! token is a byte span into the document text, never a copy. Sentences come from
//! `demarche_text::split_sentences` too ([`split_sentences`]).

use demarche_model::Span;

/// What a token is; enough for the extractors' patterns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (and digits mixed with letters or hyphens: "20th", "14-15"), with inner `-`,
    /// `'`, `’` and abbreviation dots.
    Word,
    /// Digits with optional `,` thousands separators and one `.` decimal part.
    Number,
    /// The possessive ending `'s` / `’s`.
    Possessive,
    /// Anything else: punctuation, quotation marks, `$`, `%`.
    Punct,
}

/// One token of the text: its span and kind. The text itself is `&text[span.range()]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    pub span: Span,
    pub kind: TokenKind,
}

/// The span of the run of tokens `toks[start..end]`, from the first's start to the last's end;
/// `None` for an empty run or one past the tokens.
pub(crate) fn run_span(toks: &[Tok], start: usize, end: usize) -> Option<Span> {
    let a = toks.get(start)?;
    let b = toks.get(end.checked_sub(1)?)?;
    (start < end).then(|| Span::new(a.span.start, b.span.end))
}

fn kind_of(word: &str) -> TokenKind {
    let mut chars = word.chars();
    let first = chars.next().unwrap_or(' ');
    if first.is_ascii_digit() {
        let digits_only = word
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b',' || b == b'.');
        if digits_only && !word.ends_with([',', '.']) {
            return TokenKind::Number;
        }
        return TokenKind::Word;
    }
    if first.is_alphabetic() {
        return TokenKind::Word;
    }
    if matches!(word, "'s" | "’s" | "'S" | "’S") {
        return TokenKind::Possessive;
    }
    TokenKind::Punct
}

/// Splits `text[span]` into tokens whose spans are relative to the whole `text`.
pub fn tokenize(text: &str, span: Span) -> Vec<Tok> {
    let Some(part) = span.slice(text) else {
        return Vec::new();
    };
    from_tokens(text, span, &demarche_text::tokenize(part))
}

/// The tokens of `text[span]` as [`tokenize`] gives them, from the tokens
/// [`demarche_text::tokenize`] already found in that text (spans relative to it).
pub fn from_tokens(text: &str, span: Span, tokens: &[demarche_model::Token]) -> Vec<Tok> {
    let Some(part) = span.slice(text) else {
        return Vec::new();
    };
    tokens.iter().map(|t| tok(part, span.start, t)).collect()
}

fn tok(part: &str, offset: usize, t: &demarche_model::Token) -> Tok {
    let word = t.span.slice(part).unwrap_or("");
    Tok {
        span: Span::new(offset + t.span.start, offset + t.span.end),
        kind: kind_of(word),
    }
}

/// The sentence spans of a text, as the project's splitter gives them
/// (`demarche_text::split_sentences`: headlines and sentences, without datelines and page
/// boilerplate).
pub fn split_sentences(text: &str) -> Vec<Span> {
    demarche_text::split_sentences(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(&str, TokenKind)> {
        tokenize(text, Span::new(0, text.len()))
            .iter()
            .map(|t| (&text[t.span.range()], t.kind))
            .collect()
    }

    #[test]
    fn tokens_keep_compounds_initials_and_split_possessives() {
        use TokenKind::{Number, Possessive, Punct, Word};
        assert_eq!(
            words("Putin’s ‘China-Russia model’ grew 29.2 percent to $102,000."),
            [
                ("Putin", Word),
                ("’s", Possessive),
                ("‘", Punct),
                ("China-Russia", Word),
                ("model", Word),
                ("’", Punct),
                ("grew", Word),
                ("29.2", Number),
                ("percent", Word),
                ("to", Word),
                ("$", Punct),
                ("102,000", Number),
                (".", Punct)
            ]
        );
        assert_eq!(
            words("Lt. Gen. Avi R. Rotem of the U.S. on March 14-15"),
            [
                ("Lt.", Word),
                ("Gen.", Word),
                ("Avi", Word),
                ("R.", Word),
                ("Rotem", Word),
                ("of", Word),
                ("the", Word),
                ("U.S.", Word),
                ("on", Word),
                ("March", Word),
                ("14-15", Word)
            ]
        );
    }

    #[test]
    fn spans_are_relative_to_the_whole_text() {
        let text = "Intro. Zhao said so.";
        let toks = tokenize(text, Span::new(7, text.len()));
        assert_eq!(&text[toks[0].span.range()], "Zhao");
        assert_eq!(toks.len(), 4);
    }
}
