//! The shared nouns of demarche: every stage speaks in these types and no others.
//!
//! Main types:
//! - [`Span`]: a byte range into an original text. Every token, phrase, mention and event points
//!   back into the text it came from by span, never by a copy that could drift.
//! - [`Document`]: one news item as read from any input format.
//! - [`Tree`]: a phrase-structure tree (Penn Treebank labels) whose leaves carry spans into the
//!   sentence text. Three front ends fill it: the PTB reader, the built-in parser, and the
//!   converter from dependency parses ([`Tree::from_dependencies`], for CoNLL-U). The coder
//!   sees only this type.
//! - [`Event`] and [`Evidence`]: a coded event and the proof of where it came from.
//! - [`cameo`]: our own table of CAMEO codes with Goldstein score, quad class and PLOVER category.
//! - [`Diagnostic`]: a located, human-readable problem found in an input.
//!
//! Design decision: this crate depends on no other crate of ours, and does no IO, so every stage
//! can use it without pulling in anything heavy. Rejected alternative: one "types" module per
//! stage with conversions between them, which multiplies the places a span can be got wrong.
//!
//! ```
//! use demarche_model::{Span, Tree};
//! let sentence = "Arnor attacked Gondor.";
//! let tree = Tree::parse_ptb("(ROOT (S (NP (NNP Arnor)) (VP (VBD attacked) (NP (NNP Gondor))) (. .)))")
//!     .unwrap()
//!     .aligned_to(sentence);
//! let words: Vec<&str> = tree.leaves().map(|l| &sentence[tree.span(l).unwrap().range()]).collect();
//! assert_eq!(words, ["Arnor", "attacked", "Gondor", "."]);
//! assert_eq!(Span::new(0, 5).slice(sentence), Some("Arnor"));
//! ```

pub mod cameo;
mod date;
mod dependency;
mod diagnostic;
mod document;
mod event;
mod span;
mod tree;

pub use date::{Date, parse_date};
pub use dependency::{DepWord, DependencyError, MAX_DEPENDENCY_WORDS};
pub use diagnostic::{Diagnostic, Severity};
pub use document::{Document, Sentence, Token};
pub use event::{Antecedent, Event, Evidence, GeoPoint, RuleRef};
pub use span::Span;
pub use tree::{
    MAX_ALIGN_GAP, MAX_TREE_DEPTH, MAX_TREE_WORDS, NodeId, NodeKind, Tree, TreeError, TreeLimits,
};
