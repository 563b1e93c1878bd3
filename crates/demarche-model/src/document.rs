//! Documents, sentences and tokens.

use crate::{Date, Span};
use serde::{Deserialize, Serialize};

/// One news item, whatever format it arrived in.
///
/// `text` is the body that spans point into. Readers that strip markup (HTML, feeds, WARC) keep
/// the extracted text here; the original bytes are not kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Document {
    pub id: String,
    /// Publication date, when the input gave one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Publisher or outlet ("Global Times").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    pub text: String,
    /// Parse trees given with the input (PETRARCH XML `<Parse>`, JSON Lines `parse`), one per
    /// sentence, in Penn Treebank bracket notation. Empty when the text must be parsed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parses: Vec<String>,
}

/// A sentence of a document: its index (0-based) and its span in the document text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub index: usize,
    pub span: Span,
    pub tokens: Vec<Token>,
}

/// A token. `span` points into the original text (document or sentence, as the owner says);
/// `norm` is the form used for matching: Penn Treebank conventions, straight quotes and
/// apostrophes, original case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    pub span: Span,
    pub norm: String,
}
