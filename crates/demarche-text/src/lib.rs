//! demarche-text: raw text in — readers, sentence splitting and tokenization.
//!
//! Main entry points:
//! - [`read_jsonl`] streams [`Document`](demarche_model::Document)s from JSON Lines (any
//!   `BufRead`: a file, standard input), one `Result<Document, Diagnostic>` per line, in bounded
//!   memory; [`read_text`] reads one plain-text article; [`petrarch_xml`] reads PETRARCH XML;
//!   [`read_conllu`] streams CoNLL-U dependency parses as documents with their trees.
//! - [`split_sentences`] gives the byte spans of the sentences of a document text;
//!   [`segment`] also labels headlines, datelines and boilerplate.
//! - [`tokenize`] gives Penn Treebank tokens ([`Token`](demarche_model::Token)) whose spans
//!   point into the text given and whose `norm` is the form for dictionary matching.
//!
//! Design decision: sentence splitting is our own rules plus our own abbreviation list, tuned
//! for news (datelines, headlines, quotations, `U.S.`/`Gen.`/`p.m.`), and every output is a
//! span into the original text, never a copy. Rejected alternative: a statistical splitter
//! (Punkt-style) — no usable crate builds here, and training one would need a corpus we may
//! ship; rules are fast, deterministic and easy to correct with a regression test.
//!
//! ```
//! let text = "BEIJING — China’s foreign ministry didn't comment. Trade rose 29.2 percent.";
//! let sentences = demarche_text::split_sentences(text);
//! assert_eq!(&text[sentences[0].range()], "China’s foreign ministry didn't comment.");
//! let words: Vec<String> = demarche_text::tokenize(&text[sentences[0].range()])
//!     .into_iter().map(|t| t.norm).collect();
//! assert_eq!(words, ["China", "'s", "foreign", "ministry", "did", "n't", "comment", "."]);
//! ```

mod abbrev;
pub mod conllu;
pub mod english;
pub mod petrarch_xml;
mod read;
mod sentences;
mod tokenize;
pub mod wordhash;

pub use conllu::read_conllu;
pub use read::{
    JsonlReader, MAX_LINE_BYTES, MAX_TEXT_BYTES, Utf8Repair, document_id_from_path, lossy_utf8,
    read_jsonl, read_text, text_document,
};
pub use sentences::{Segment, SegmentKind, dateline, dateline_segment, segment, split_sentences};
pub use tokenize::tokenize;
