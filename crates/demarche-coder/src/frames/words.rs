//! Reading a sentence's words for the rules: byte spans of leaves and fillers, and phrases'
//! words in lower case, from the analysis's leaf table (no walk over the tree, no `String` a
//! word).

use super::Ctx;
use demarche_model::{Antecedent, Span};
use demarche_predicates::Filler;
use std::borrow::Cow;

impl Ctx<'_> {
    /// An antecedent named in this sentence at `span` (its text as written).
    pub(super) fn named_here(&self, span: Option<Span>) -> Antecedent {
        Antecedent {
            role: String::new(),
            sentence: self.discourse.sentence,
            text: span
                .and_then(|sp| sp.slice(self.text))
                .unwrap_or_default()
                .into(),
            span,
        }
    }

    /// The first word (lower case) of the leaves a byte span covers.
    pub(super) fn tree_text_first_word(&self, span: Span) -> Option<Cow<'_, str>> {
        let i = self
            .a
            .leaves
            .iter()
            .position(|&l| self.tree.span(l).is_some_and(|s| s.start >= span.start))?;
        self.a.lower_word(self.tree, i as u32).map(Cow::Borrowed)
    }

    /// The byte span of a phrase filler.
    pub(super) fn filler_span(&self, f: &Filler) -> Option<Span> {
        let Filler::Phrase { lo, hi, .. } = *f else {
            return None;
        };
        self.leaf_span(lo, hi)
    }

    /// The byte span of leaves `lo..hi`.
    pub(super) fn leaf_span(&self, lo: u32, hi: u32) -> Option<Span> {
        let first = *self.a.leaves.get(lo as usize)?;
        let last = *self.a.leaves.get((hi as usize).checked_sub(1)?)?;
        Some(Span::new(
            self.tree.span(first)?.start,
            self.tree.span(last)?.end,
        ))
    }

    /// Whether the head of the phrase of leaves `lo..hi` is a plural noun (`NNS`, `NNPS`): the
    /// last word before a preposition or a comma ("the Speaker of the House of
    /// Representatives", "Iran's Minister of Foreign Affairs, …"), else the last word.
    pub(super) fn plural_head(&self, lo: u32, hi: u32) -> bool {
        let label = |l: u32| self.a.leaves.get(l as usize).map(|&n| self.tree.label(n));
        let end = (lo..hi)
            .find(|&l| l > lo && matches!(label(l), Some("IN" | "TO" | ",")))
            .unwrap_or(hi);
        end.checked_sub(1)
            .is_some_and(|l| matches!(label(l), Some("NNS" | "NNPS")))
    }

    /// The words of leaves `lo..hi` in lower case (`None` when the range runs past the last
    /// leaf), borrowed from the analysis, which lowered each word once.
    pub(super) fn lower_words(&self, lo: u32, hi: u32) -> Option<Words<'_>> {
        let n = (hi as usize).checked_sub(lo as usize)?;
        if n > FEW {
            let words = (lo..hi).map(|i| self.a.lower_word(self.tree, i));
            return words.collect::<Option<Vec<_>>>().map(Words::Many);
        }
        let mut few = [""; FEW];
        for (slot, i) in few.iter_mut().zip(lo..hi) {
            *slot = self.a.lower_word(self.tree, i)?;
        }
        Some(Words::Few(few, n))
    }
}

/// How many words [`Words`] holds without a heap block.
const FEW: usize = 8;

/// A phrase's words: a short phrase (the usual one) in place, a longer one in a vector.
pub(super) enum Words<'a> {
    Few([&'a str; FEW], usize),
    Many(Vec<&'a str>),
}

impl<'a> std::ops::Deref for Words<'a> {
    type Target = [&'a str];

    fn deref(&self) -> &[&'a str] {
        match self {
            Words::Few(words, n) => words.get(..*n).unwrap_or(&[]),
            Words::Many(words) => words,
        }
    }
}

impl<'a> Words<'a> {
    pub(super) fn as_slice(&self) -> &[&'a str] {
        self
    }
}
