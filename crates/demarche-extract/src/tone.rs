//! Document tone from our own word lists (`data/tone-lexicon.txt`, documented in its header).
//!
//! The scores follow the shape of GDELT's V2Tone so that the GKG export can carry them:
//! positive and negative are percentages of all words, tone is their difference, polarity their
//! sum. The self/group reference density is the percentage of words that are personal pronouns.
//! Activity reference density (GDELT counts "active" words with a list of its own) is not
//! computed and is reported as `None`.

use crate::tokens::{Tok, TokenKind};
use serde::Serialize;
use std::collections::HashSet;
use std::sync::OnceLock;

/// The lexicon file, compiled into the crate so that extraction needs no file at run time.
pub const LEXICON: &str = include_str!("../data/tone-lexicon.txt");

/// The tone of a document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tone {
    /// `positive - negative`: (pos − neg) / words × 100.
    pub tone: f64,
    /// Positive words per hundred words.
    pub positive: f64,
    /// Negative words per hundred words.
    pub negative: f64,
    /// `positive + negative`.
    pub polarity: f64,
    /// Not computed (no activity lexicon of ours yet).
    pub activity_density: Option<f64>,
    /// Personal pronouns per hundred words.
    pub self_group_density: f64,
    pub words: usize,
    pub positive_words: usize,
    pub negative_words: usize,
}

struct Lexicon {
    positive: HashSet<&'static str>,
    negative: HashSet<&'static str>,
}

fn lexicon() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(|| {
        let mut positive = HashSet::new();
        let mut negative = HashSet::new();
        for line in LEXICON.lines() {
            if let Some(w) = line.strip_prefix("+ ") {
                positive.insert(w.trim());
            } else if let Some(w) = line.strip_prefix("- ") {
                negative.insert(w.trim());
            }
        }
        Lexicon { positive, negative }
    })
}

const PRONOUNS: &[&str] = &[
    "i",
    "me",
    "my",
    "mine",
    "myself",
    "we",
    "us",
    "our",
    "ours",
    "ourselves",
    "you",
    "your",
    "yours",
    "he",
    "him",
    "his",
    "she",
    "her",
    "hers",
    "they",
    "them",
    "their",
    "theirs",
];

/// Scores the words among `tokens` (tokens of `text`).
pub fn tone<'a>(text: &str, tokens: impl IntoIterator<Item = &'a Tok>) -> Tone {
    let lex = lexicon();
    let (mut words, mut pos, mut neg, mut pron) = (0usize, 0usize, 0usize, 0usize);
    for t in tokens {
        if t.kind != TokenKind::Word {
            continue;
        }
        let raw = t.span.slice(text).unwrap_or("");
        // Most words are lowercase already: no allocation for them.
        let w: std::borrow::Cow<'_, str> = if raw.chars().any(char::is_uppercase) {
            raw.to_lowercase().into()
        } else {
            raw.into()
        };
        if !w.chars().any(char::is_alphabetic) {
            continue;
        }
        words += 1;
        if lex.positive.contains(&*w) {
            pos += 1;
        } else if lex.negative.contains(&*w) {
            neg += 1;
        }
        if PRONOUNS.contains(&&*w) {
            pron += 1;
        }
    }
    let pct = |n: usize| {
        if words == 0 {
            0.0
        } else {
            // Counts stay far below 2^52, so the conversion is exact.
            #[allow(clippy::cast_precision_loss)]
            let r = 100.0 * n as f64 / words as f64;
            r
        }
    };
    let (positive, negative) = (pct(pos), pct(neg));
    Tone {
        tone: positive - negative,
        positive,
        negative,
        polarity: positive + negative,
        activity_density: None,
        self_group_density: pct(pron),
        words,
        positive_words: pos,
        negative_words: neg,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;
    use demarche_model::Span;

    #[test]
    fn lexicon_parses_and_lists_do_not_overlap() {
        let lex = lexicon();
        assert!(lex.positive.len() > 80, "{}", lex.positive.len());
        assert!(lex.negative.len() > 80, "{}", lex.negative.len());
        assert!(lex.positive.is_disjoint(&lex.negative));
        for line in LEXICON
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            assert!(
                line.starts_with("+ ") || line.starts_with("- "),
                "bad lexicon line {line:?}"
            );
        }
    }

    #[test]
    fn scores_follow_the_documented_formula() {
        // 10 words: 2 positive (peaceful, cooperation), 2 negative (rejected, attack), 1 pronoun.
        let text = "They rejected no peaceful cooperation after the attack on Tuesday";
        let toks = tokenize(text, Span::new(0, text.len()));
        let t = tone(text, &toks);
        assert_eq!(t.words, 10);
        assert_eq!((t.positive_words, t.negative_words), (2, 2));
        assert!((t.tone - 0.0).abs() < 1e-9);
        assert!((t.polarity - 40.0).abs() < 1e-9);
        assert!((t.self_group_density - 10.0).abs() < 1e-9);
        let empty = tone("", &[]);
        assert_eq!(empty.words, 0);
        assert!(empty.tone.abs() < 1e-9);
    }
}
