//! The demarche library: the facade over the pipeline's stages.
//!
//! Stages live in their own crates and are re-exported here: [`model`] (the shared nouns),
//! [`text`] (readers, sentence splitting, tokenization), [`parse`] (the built-in parser),
//! [`dict`] (dictionaries), [`coder`] (events from trees), [`extract`] (knowledge),
//! [`web`] (HTML, feeds, WARC), [`store`] (SQLite store). [`Pipeline`] composes them: a
//! document in, events with evidence (and optionally knowledge) out.
//!
//! Design decision: the facade owns composition only; every rule lives in a stage crate, so a
//! library user can take just the stage they need. Rejected alternative: one big crate, which
//! would make every user compile SQLite and the HTTP stack to code a sentence.
//!
//! ```no_run
//! use demarche::{Pipeline, dict::{Dictionaries, PetrarchPaths}};
//! let (dicts, _diagnostics) = Dictionaries::load_petrarch(&PetrarchPaths::phoenix("dicts".as_ref()));
//! let pipeline = Pipeline::new(&dicts);
//! let doc = demarche::model::Document {
//!     id: "d1".into(),
//!     text: "Russian President Vladimir Putin accused Western countries of meddling.".into(),
//!     ..Default::default()
//! };
//! let date = demarche::model::parse_date("2021-11-20").unwrap();
//! for event in pipeline.code_document(&doc, date).events {
//!     println!("{} {} {}", event.source, event.target, event.code);
//! }
//! ```

pub mod input;
mod pipeline;

pub use demarche_coder as coder;
pub use demarche_dict as dict;
pub use demarche_extract as extract;
pub use demarche_model as model;
pub use demarche_parse as parse;
pub use demarche_store as store;
pub use demarche_text as text;
pub use demarche_web as web;
pub use pipeline::{
    CodedDocument, MAX_GIVEN_SPAN, MAX_SENTENCE_BYTES, MAX_WINDOW_BYTES, Pipeline, TreeSource,
    attributed, coding_options,
};
