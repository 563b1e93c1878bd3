//! Compiled phrase lookup over the words of a sentence.
//!
//! A [`PhraseIndex`] maps the first word of every phrase to the phrases starting with it,
//! longest first. A lookup at a position costs one hash probe plus a comparison per candidate;
//! candidates per first word are few (the Phoenix actors have at most a few hundred phrases
//! starting with `THE`), so this beats a character trie in both build time and memory, and
//! a word trie would only pay off for much longer candidate lists. Rejected alternative:
//! Aho-Corasick over the sentence text, which needs a word-boundary check on every hit and
//! does not give the coder word positions, which is what it works with on a tree's leaves.

use crate::model::Phrase;
use crate::words::normalize_word;
use std::collections::HashMap;

/// A phrase found in a word sequence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PhraseMatch {
    /// The entry the phrase belongs to (an `ActorId`, `AgentId`, … index).
    pub entry: u32,
    /// Which of the entry's phrases or forms matched.
    pub form: u32,
    /// Number of words matched.
    pub len: usize,
}

/// A phrase after its first word: `len` words whose spans start at `spans[start]`.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    start: u32,
    len: u32,
    entry: u32,
    form: u32,
}

/// Phrases keyed by their first upper-case word, candidates longest first, then in insertion
/// (file) order, so every lookup result is deterministic.
///
/// The words after the first are stored in one string arena (`arena`, sliced by `spans`) rather
/// than one allocation per word: loading the Phoenix actors makes ~100,000 of them.
#[derive(Debug, Clone, Default)]
pub struct PhraseIndex {
    by_first: HashMap<Box<str>, Vec<Candidate>, WordHasher>,
    arena: String,
    spans: Vec<(u32, u32)>,
    phrases: usize,
}

pub use demarche_text::wordhash::{WordHash, WordHasher};

impl PhraseIndex {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a phrase (its words must be upper-case, as [`Phrase`] keeps them). Call
    /// [`finish`](Self::finish) after the last insertion.
    pub fn insert(&mut self, phrase: &Phrase, entry: u32, form: u32) {
        let Some((first, rest)) = phrase.words.split_first() else {
            return;
        };
        let start = self.spans.len() as u32;
        for w in rest {
            self.spans.push((self.arena.len() as u32, w.len() as u32));
            self.arena.push_str(w);
        }
        let candidate = Candidate {
            start,
            len: rest.len() as u32,
            entry,
            form,
        };
        match self.by_first.get_mut(first.as_str()) {
            Some(list) => list.push(candidate),
            None => {
                self.by_first.insert(first.as_str().into(), vec![candidate]);
            }
        }
        self.phrases += 1;
    }

    /// Sorts candidates longest first (stable, so equal lengths stay in insertion order).
    pub fn finish(&mut self) {
        for list in self.by_first.values_mut() {
            list.sort_by_key(|c| std::cmp::Reverse(c.len));
        }
    }

    /// Number of phrases indexed.
    pub fn len(&self) -> usize {
        self.phrases
    }

    pub fn is_empty(&self) -> bool {
        self.phrases == 0
    }

    /// Every phrase that matches the words starting at `start`, longest first. Words may be in
    /// any case.
    pub fn matches_at<S: AsRef<str>>(&self, words: &[S], start: usize) -> Vec<PhraseMatch> {
        let mut out = Vec::new();
        self.for_each_match(words, start, |m| {
            out.push(m);
            true
        });
        out
    }

    /// The longest phrase matching at `start` (the first written, among equally long ones).
    pub fn longest_at<S: AsRef<str>>(&self, words: &[S], start: usize) -> Option<PhraseMatch> {
        let mut found = None;
        self.for_each_match(words, start, |m| {
            found = Some(m);
            false
        });
        found
    }

    /// Whether the whole word sequence is exactly one indexed phrase; returns the first such.
    pub fn exact<S: AsRef<str>>(&self, words: &[S]) -> Option<PhraseMatch> {
        let mut found = None;
        self.for_each_match(words, 0, |m| {
            if m.len == words.len() {
                found = Some(m);
                false
            } else {
                true
            }
        });
        found
    }

    fn word(&self, span: usize) -> Option<&str> {
        let (s, l) = *self.spans.get(span)?;
        self.arena.get(s as usize..(s + l) as usize)
    }

    /// Calls `f` for each match at `start`, longest first, until `f` returns false.
    pub fn for_each_match<S: AsRef<str>>(
        &self,
        words: &[S],
        start: usize,
        mut f: impl FnMut(PhraseMatch) -> bool,
    ) {
        let Some(first) = words.get(start) else {
            return;
        };
        let first = normalize_word(first.as_ref());
        let Some(candidates) = self.by_first.get(first.as_ref()) else {
            return;
        };
        let following = words.get(start + 1..).unwrap_or(&[]);
        // Normalise the following words lazily and at most once each.
        let mut normalized: Vec<std::borrow::Cow<'_, str>> = Vec::new();
        for c in candidates {
            let len = c.len as usize;
            if len > following.len() {
                continue;
            }
            while normalized.len() < len {
                let i = normalized.len();
                normalized.push(normalize_word(following[i].as_ref()));
            }
            let start = c.start as usize;
            let ok = normalized
                .iter()
                .take(len)
                .enumerate()
                .all(|(k, got)| self.word(start + k) == Some(got.as_ref()));
            if ok {
                let m = PhraseMatch {
                    entry: c.entry,
                    form: c.form,
                    len: len + 1,
                };
                if !f(m) {
                    return;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::parse_phrase;

    fn index(phrases: &[&str]) -> PhraseIndex {
        let mut idx = PhraseIndex::new();
        for (i, p) in phrases.iter().enumerate() {
            idx.insert(&parse_phrase(p), i as u32, 0);
        }
        idx.finish();
        idx
    }

    #[track_caller]
    fn check(phrases: &[&str], sentence: &str, start: usize, expected: Option<(u32, usize)>) {
        let idx = index(phrases);
        let words: Vec<&str> = sentence.split_whitespace().collect();
        let got = idx.longest_at(&words, start).map(|m| (m.entry, m.len));
        assert_eq!(got, expected, "{sentence:?} at {start}");
    }

    #[test]
    fn longest_phrase_wins() {
        let p = ["UNITED", "UNITED_STATES", "UNITED_NATIONS"];
        check(&p, "the United States said", 1, Some((1, 2)));
        check(&p, "the United Nations said", 1, Some((2, 2)));
        check(&p, "the United front", 1, Some((0, 1)));
        check(&p, "the United", 1, Some((0, 1)));
        check(&p, "the United", 0, None);
        check(&p, "the United", 5, None);
    }

    #[test]
    fn equal_length_keeps_file_order() {
        check(
            &["PALESTINIAN", "PALESTINIAN"],
            "Palestinian",
            0,
            Some((0, 1)),
        );
    }

    #[test]
    fn matches_are_case_insensitive_and_listed_longest_first() {
        let idx = index(&["GAZA", "GAZA_CITY", "GAZA_STRONGHOLD"]);
        let words = ["gaza", "City"];
        let all: Vec<_> = idx.matches_at(&words, 0).iter().map(|m| m.entry).collect();
        assert_eq!(all, [1, 0]);
        assert_eq!(idx.exact(&["GAZA"]).map(|m| m.entry), Some(0));
        assert_eq!(idx.exact(&["GAZA", "STRIP"]), None);
    }
}
