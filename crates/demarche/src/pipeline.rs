//! The coding pipeline for whole documents: segment → parse (or take the given trees) → code →
//! event records, with the event date resolved from the sentence when it names one.
//!
//! This module composes the stage crates and holds no stage logic of its own: sentence
//! splitting is `demarche-text`'s, trees are `demarche-parse`'s (or the input's), coding is
//! `demarche-coder`'s and date resolution is `demarche-extract`'s.

use demarche_coder::{Coded, CodedEvent, Coder, Options};
use demarche_dict::Dictionaries;
use demarche_extract::Knowledge;
use demarche_model::{Date, Diagnostic, Document, Event, Evidence, Span, Tree};
use demarche_parse::Parser;
use demarche_text::SegmentKind;
use std::collections::HashSet;

/// Where a document's trees come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TreeSource {
    /// Parse the text with the built-in parser (trees in the input are ignored).
    Builtin,
    /// Use the Penn Treebank trees given with the input (`<Parse>`, JSON Lines `parse`).
    Given,
}

/// Everything the pipeline made of one document.
#[derive(Debug, Clone)]
pub struct CodedDocument {
    pub doc_id: String,
    /// Document spans of the sentences that were coded (headlines included; datelines and
    /// boilerplate not). `Event::sentence` indexes this list.
    pub sentences: Vec<Span>,
    pub events: Vec<Event>,
    /// Filled when the pipeline was asked for knowledge extraction.
    pub knowledge: Option<Knowledge>,
    pub diagnostics: Vec<Diagnostic>,
}

/// A compiled pipeline: dictionaries, coder, parser and options, shareable across threads.
pub struct Pipeline<'d> {
    coder: Coder<'d>,
    parser: Parser,
    options: Options,
    trees: TreeSource,
    knowledge: bool,
    keep_unattributed: bool,
}

impl std::fmt::Debug for Pipeline<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pipeline")
            .field("options", &self.options)
            .field("trees", &self.trees)
            .field("knowledge", &self.knowledge)
            .finish_non_exhaustive()
    }
}

impl<'d> Pipeline<'d> {
    /// A pipeline over `dicts` that parses raw text. The parser learns the dictionaries' verb
    /// forms, so a word the verb dictionary knows is preferred as a verb.
    pub fn new(dicts: &'d Dictionaries) -> Self {
        let verbs = verb_words(dicts);
        Pipeline {
            coder: Coder::new(dicts),
            parser: Parser::with_verb_lexicon(move |w| verbs.contains(w)),
            options: Options::default(),
            trees: TreeSource::Builtin,
            knowledge: false,
            keep_unattributed: false,
        }
    }

    pub fn with_options(mut self, options: Options) -> Self {
        self.options = options;
        self
    }

    pub fn with_trees(mut self, trees: TreeSource) -> Self {
        self.trees = trees;
        self
    }

    /// Also extract persons, quotations, amounts, dates and tone for each document.
    pub fn with_knowledge(mut self, on: bool) -> Self {
        self.knowledge = on;
        self
    }

    /// Keep events whose source or target has no country or organisation part (`---GOV`,
    /// "the police arrested protesters"). Off by default: such events cannot be placed in a
    /// dyad, and most are statements to "the media" or "officials".
    pub fn with_unattributed(mut self, keep: bool) -> Self {
        self.keep_unattributed = keep;
        self
    }

    pub fn options(&self) -> &Options {
        &self.options
    }

    pub fn coder(&self) -> &Coder<'d> {
        &self.coder
    }

    pub fn parser(&self) -> &Parser {
        &self.parser
    }

    /// Codes one document. `fallback_date` is used when the document has no date of its own.
    pub fn code_document(&self, doc: &Document, fallback_date: Date) -> CodedDocument {
        let date = doc.date.unwrap_or(fallback_date);
        let mut out = CodedDocument {
            doc_id: doc.id.clone(),
            sentences: Vec::new(),
            events: Vec::new(),
            knowledge: None,
            diagnostics: Vec::new(),
        };
        let sentences = match self.trees {
            TreeSource::Given if !doc.parses.is_empty() => {
                self.given_sentences(doc, &mut out.diagnostics)
            }
            _ => self.parsed_sentences(&doc.text),
        };
        // Places are resolved once per document (the dateline and the places named before
        // inform each choice); each event then takes its sentence's location or the dateline.
        let spans: Vec<Span> = sentences.iter().map(|(s, _)| *s).collect();
        // Places are resolved once per document, and only for a document with an event.
        let places_cell = std::cell::OnceCell::new();
        // Actors named in one sentence resolve "he", "the two sides", "the ministry" in the next.
        let mut discourse = demarche_coder::Discourse::new();
        for (index, (span, tree)) in sentences.into_iter().enumerate() {
            let text = &doc.text[span.range()];
            out.sentences.push(span);
            let coded = self
                .coder
                .code_in(&tree, text, date, &self.options, &mut discourse);
            if coded.events.is_empty() {
                continue;
            }
            let event_date = demarche_extract::event_date(&doc.text, span, Some(date));
            let (places, dateline) =
                places_cell.get_or_init(|| demarche_extract::places(&doc.text, Some(&spans)));
            let geo = demarche_extract::event_location(&doc.text, span, places, *dateline)
                .and_then(|(i, source)| {
                    let point = demarche_extract::geo_point(places.get(i)?)?;
                    let source = match source {
                        demarche_extract::GeoSource::Sentence => "sentence",
                        demarche_extract::GeoSource::Dateline => "dateline",
                    };
                    Some((point, source.to_string()))
                });
            let keep_all = self.keep_unattributed;
            out.events.extend(
                events_of(
                    coded,
                    &SentenceRef {
                        doc_id: &doc.id,
                        index,
                        text,
                        date,
                        event_date,
                        geo: geo.as_ref(),
                    },
                )
                .filter(|e| keep_all || attributed(e)),
            );
        }
        if self.knowledge {
            out.knowledge = Some(demarche_extract::extract(
                &doc.text,
                Some(date),
                Some(&out.sentences),
            ));
        }
        out
    }

    /// Sentences from the built-in splitter and parser.
    fn parsed_sentences(&self, text: &str) -> Vec<(Span, Tree)> {
        demarche_text::segment(text)
            .into_iter()
            .filter(|s| matches!(s.kind, SegmentKind::Sentence | SegmentKind::Headline))
            .filter_map(|s| {
                let sentence = s.span.slice(text)?;
                Some((s.span, self.parser.parse(sentence)))
            })
            .collect()
    }

    /// Sentences from the trees given with the input: each tree is found in the text after the
    /// previous one, and its sentence is the stretch of text its words cover.
    fn given_sentences(&self, doc: &Document, diags: &mut Vec<Diagnostic>) -> Vec<(Span, Tree)> {
        let mut out = Vec::new();
        let mut cursor = 0;
        for (i, parse) in doc.parses.iter().enumerate() {
            let tree = match Tree::parse_ptb(parse) {
                Ok(t) => t,
                Err(e) => {
                    diags.push(Diagnostic::error(
                        doc.id.clone(),
                        None,
                        format!("parse tree {}: {e}", i + 1),
                    ));
                    continue;
                }
            };
            let rest = &doc.text[cursor..];
            let located = tree.clone().aligned_to(rest);
            let Some(found) = located.span(located.root()) else {
                diags.push(Diagnostic::error(
                    doc.id.clone(),
                    None,
                    format!("parse tree {}: its words are not in the text", i + 1),
                ));
                continue;
            };
            let span = found.shift(cursor);
            cursor = span.end;
            out.push((span, tree.aligned_to(&doc.text[span.range()])));
        }
        out
    }
}

/// The coding options for a dictionary set: PETRARCH's defaults for PETRARCH's dictionaries
/// (`own_dictionaries = false`); with our own dictionaries also negation, intent versus action,
/// reported speech, joint subjects ("India and China agreed ..." codes both ways) and domestic
/// targets (a country-less target takes the country of its place or of a domestic source), and
/// the predicate layer coded with the event frames.
pub fn coding_options(own_dictionaries: bool) -> Options {
    let mut opts = Options::default();
    if own_dictionaries {
        opts.negation = true;
        opts.intent = true;
        opts.reported_speech = true;
        opts.joint_subject = Some(true);
        opts.domestic = Some(true);
        opts.frames = Some(true);
        opts.places = Some(true);
    }
    opts
}

/// Whether both sides of an event name a country or an organisation (not `---...`).
pub fn attributed(e: &Event) -> bool {
    !e.source.starts_with("---") && !e.target.starts_with("---")
}

/// Every word the verb dictionary knows as a verb, lower-cased, for the parser.
fn verb_words(dicts: &Dictionaries) -> HashSet<String> {
    dicts
        .verbs
        .verbs
        .iter()
        .flat_map(|v| v.forms.iter())
        .map(|f| f.verb().to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

struct SentenceRef<'a> {
    doc_id: &'a str,
    index: usize,
    text: &'a str,
    date: Date,
    event_date: Option<Date>,
    geo: Option<&'a (demarche_model::GeoPoint, String)>,
}

fn events_of<'s>(coded: Coded, s: &'s SentenceRef<'_>) -> impl Iterator<Item = Event> + 's {
    coded.events.into_iter().map(move |e| event_record(e, s))
}

/// The JSON Lines event record for one coded event.
fn event_record(e: CodedEvent, s: &SentenceRef<'_>) -> Event {
    let piece = |span: Option<Span>| {
        span.and_then(|sp| sp.slice(s.text))
            .unwrap_or_default()
            .to_string()
    };
    Event {
        doc_id: s.doc_id.to_string(),
        sentence: s.index,
        date: s.date,
        event_date: s.event_date.filter(|d| *d != s.date),
        source_text: piece(e.source_span),
        target_text: piece(e.target_span),
        verb_text: piece(e.verb_span),
        source: e.source,
        target: e.target,
        code: e.code,
        root: String::new(),
        quad_class: 0,
        goldstein: 0.0,
        plover: None,
        sentence_text: s.text.to_string(),
        action_geo: s.geo.map(|g| g.0.clone()),
        geo_source: s.geo.map(|g| g.1.clone()),
        evidence: Evidence {
            source_span: e.source_span,
            target_span: e.target_span,
            verb_span: e.verb_span,
            rules: e.rules,
            antecedents: e.antecedents,
        },
    }
    .with_cameo_facts()
}
