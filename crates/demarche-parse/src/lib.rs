//! demarche-parse: the built-in English tagger and parser for raw news text.
//!
//! Main types: [`Parser`] turns one sentence (a `&str`) into a [`demarche_model::Tree`] with
//! Penn Treebank labels, shaped like the Stanford parses the PETRARCH coder was written
//! against, whose leaves carry byte spans into the sentence text. [`Parser::tag`] gives the
//! tokens and part-of-speech tags alone. [`agreement`] scores trees against reference trees
//! (labelled bracket precision, recall and F1, evalb-style).
//!
//! Inputs and outputs: sentence text in (tokenized by [`demarche_text::tokenize`]), a tree out;
//! no IO, nothing downloaded, no model files: the lexicon and rules are Rust source.
//!
//! Design decision: a rule-based system — our own lexicon of closed-class words and common
//! verbs with their inflections, suffix and capitalisation heuristics, a left-to-right
//! disambiguation pass, then a deterministic recursive-descent builder for NP/VP/PP/SBAR
//! structure. It is deterministic, fast (tens of thousands of sentences a second on one core)
//! and each error can be fixed by a rule with a regression test. The caller may pass extra
//! known verb forms (for instance from a loaded verb dictionary) through
//! [`Parser::with_verb_lexicon`] to improve verb/noun decisions; this crate does not depend on
//! the dictionary crate. Rejected alternative: a statistical tagger and parser trained on a
//! treebank — no treebank we may ship is reachable, and a model trained on the PETRARCH
//! validation parses would be trained on the test.
//!
//! ```
//! let parser = demarche_parse::Parser::new();
//! let sentence = "Arnor restored ties with Gondor.";
//! let tree = parser.parse(sentence);
//! assert_eq!(
//!     tree.to_ptb(),
//!     "(ROOT (S (NP (NNP Arnor)) (VP (VBD restored) (NP (NNS ties)) (PP (IN with) (NP (NNP Gondor)))) (. .)))"
//! );
//! let first = tree.leaves().next().unwrap();
//! assert_eq!(tree.span(first).unwrap().slice(sentence), Some("Arnor"));
//! ```

mod eval;
mod grammar;
mod lexicon;
mod tagger;

pub use eval::{Agreement, agreement, brackets};

use demarche_model::{Token, Tree};
use grammar::{Grammar, Node};
use std::borrow::Cow;

/// Longest run of tokens parsed as one unit; longer "sentences" (lists, tables, text without
/// punctuation) are cut into pieces of this size so time stays linear in the input.
pub const MAX_PARSE_TOKENS: usize = 160;

/// A verb-form predicate: does this lower-case word form a verb?
pub type VerbLexicon = dyn Fn(&str) -> bool + Send + Sync;

/// The built-in tagger and parser. Cheap to create; immutable and shareable across threads.
#[derive(Default)]
pub struct Parser {
    extra_verbs: Option<Box<VerbLexicon>>,
}

impl std::fmt::Debug for Parser {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Parser")
            .field("extra_verbs", &self.extra_verbs.is_some())
            .finish()
    }
}

/// A token with its part-of-speech tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaggedToken {
    pub token: Token,
    pub tag: &'static str,
}

impl Parser {
    pub fn new() -> Self {
        Parser::default()
    }

    /// A parser that also treats the words `is_verb` accepts (lower case) as verb forms.
    pub fn with_verb_lexicon(is_verb: impl Fn(&str) -> bool + Send + Sync + 'static) -> Self {
        Parser {
            extra_verbs: Some(Box::new(is_verb)),
        }
    }

    /// Tokens of `sentence` with their tags. Spans point into `sentence`.
    pub fn tag(&self, sentence: &str) -> Vec<TaggedToken> {
        let tokens = demarche_text::tokenize(sentence);
        let (tags, _) = self.tags_for(&tokens);
        tokens
            .into_iter()
            .zip(tags)
            .map(|(token, tag)| TaggedToken { token, tag })
            .collect()
    }

    fn tags_for<'t>(&self, tokens: &'t [Token]) -> (Vec<&'static str>, Vec<Cow<'t, str>>) {
        let words: Vec<&str> = tokens.iter().map(|t| t.norm.as_str()).collect();
        let mut tags = Vec::with_capacity(words.len());
        let mut lowers = Vec::with_capacity(words.len());
        for piece in words.chunks(MAX_PARSE_TOKENS) {
            let hook: Option<&dyn Fn(&str) -> bool> = match &self.extra_verbs {
                Some(f) => Some(f.as_ref()),
                None => None,
            };
            let (t, l) = tagger::tag(piece, hook);
            tags.extend(t);
            lowers.extend(l);
        }
        (tags, lowers)
    }

    /// Parses one sentence into a tree rooted at `ROOT`. Never panics; an empty sentence gives
    /// an empty `(ROOT)`.
    pub fn parse(&self, sentence: &str) -> Tree {
        self.parse_tokens(&demarche_text::tokenize(sentence))
    }

    /// Parses a sentence already tokenized by [`demarche_text::tokenize`] (spans into the
    /// sentence text): the same tree as [`Parser::parse`] of that text, for a caller that
    /// reads the same tokens for something else too.
    pub fn parse_tokens(&self, tokens: &[Token]) -> Tree {
        let (tags, lowers) = self.tags_for(tokens);
        build(tokens, &tags, &lowers)
    }

    /// Parses already tagged tokens (spans into the sentence text).
    pub fn parse_tagged(&self, tokens: &[Token], tags: &[&'static str]) -> Tree {
        let low: Vec<Cow<'_, str>> = tokens
            .iter()
            .map(|t| Cow::Owned(t.norm.to_lowercase()))
            .collect();
        build(tokens, tags, &low)
    }
}

/// Builds the tree for tagged tokens; `low` holds the lower-cased words.
fn build(tokens: &[Token], tags: &[&'static str], low: &[Cow<'_, str>]) -> Tree {
    let n = tokens.len().min(tags.len()).min(low.len());
    let caps: Vec<bool> = tokens
        .iter()
        .map(|t| t.norm.chars().next().is_some_and(char::is_uppercase))
        .collect();
    // The tree is first laid out as open/leaf/close operations, then replayed into the
    // builder (whose type is private to the model crate).
    // Room for every leaf and for an open and a close per phrase (under one phrase a word,
    // counting the wrappers), so the list grows at most rarely.
    let mut ops: Vec<Op> = Vec::with_capacity(3 * n + 6);
    ops.push(Op::Open("ROOT"));
    if n > 0 {
        let mut pieces = Vec::new();
        let mut offset = 0;
        while offset < n {
            let end = (offset + MAX_PARSE_TOKENS).min(n);
            let mut g = Grammar::new(&tags[offset..end], &low[offset..end], &caps[offset..end]);
            g.first_upper = tokens.get(offset).is_some_and(|t| {
                t.norm.chars().filter(|c| c.is_alphabetic()).count() >= 2
                    && !t.norm.chars().any(char::is_lowercase)
            });
            pieces.push((offset, g.sentence()));
            offset = end;
        }
        let wrap = pieces.len() > 1;
        if wrap {
            ops.push(Op::Open("S"));
        }
        for (off, node) in &pieces {
            flatten(node, *off, &mut ops);
        }
        if wrap {
            ops.push(Op::Close);
        }
    }
    ops.push(Op::Close);
    let nodes = ops.iter().filter(|op| !matches!(op, Op::Close)).count();
    let mut b = Tree::builder_with_capacity(nodes);
    for op in ops {
        match op {
            Op::Open(label) => {
                b.open(label);
            }
            Op::Leaf(k) => {
                if let (Some(tok), Some(tag)) = (tokens.get(k), tags.get(k)) {
                    b.leaf(tag, leaf_word(&tok.norm), Some(tok.span));
                }
            }
            Op::Close => b.close(),
        }
    }
    b.finish()
}

enum Op {
    Open(&'static str),
    Leaf(usize),
    Close,
}

/// Lays a node out as operations; empty phrases are dropped.
fn flatten(node: &Node, offset: usize, ops: &mut Vec<Op>) {
    match node {
        Node::Leaf(i) => ops.push(Op::Leaf(offset + i)),
        Node::Phrase(label, kids) => {
            if kids.is_empty() {
                return;
            }
            ops.push(Op::Open(label));
            for k in kids {
                flatten(k, offset, ops);
            }
            ops.push(Op::Close);
        }
    }
}

/// The word a tree leaf shows: Treebank escapes for brackets, the normalised form otherwise.
fn leaf_word(norm: &str) -> &str {
    match norm {
        "(" => "-LRB-",
        ")" => "-RRB-",
        "[" => "-LSB-",
        "]" => "-RSB-",
        "{" => "-LCB-",
        "}" => "-RCB-",
        _ => norm,
    }
}

#[cfg(test)]
mod tests;
