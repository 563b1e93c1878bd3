//! The coding pipeline for whole documents: segment → parse (or take the given trees) → code →
//! event records, with the event date resolved from the sentence when it names one.
//!
//! This module composes the stage crates and holds no stage logic of its own: sentence
//! splitting is `demarche-text`'s, trees are `demarche-parse`'s (or the input's), coding is
//! `demarche-coder`'s and date resolution is `demarche-extract`'s.
//!
//! Memory and time stay flat inside a document too. Sentences are parsed and coded one at a
//! time (no document's trees are held together); a "sentence" longer than
//! [`MAX_SENTENCE_BYTES`] (text without full stops, lists, tables) is coded in pieces cut at
//! white space, with a warning naming the document and the byte offset; a document longer than
//! [`MAX_WINDOW_BYTES`] is coded window by window ([`Pipeline::code_document_parts`]), each
//! window with its own places and discourse, so that one huge input costs the memory of one
//! window's events. Given trees are bounded by `demarche_model::TreeLimits` and aligned within
//! a budget linear in the input.

use demarche_coder::{Coded, CodedEvent, Coder, Options};
use demarche_dict::Dictionaries;
use demarche_extract::Knowledge;
use demarche_model::{Date, Diagnostic, Document, Event, Evidence, Span, Token, Tree};
use demarche_parse::Parser;
use demarche_text::SegmentKind;

/// Longest sentence coded as one, in bytes (the same bound the knowledge extractor cuts at).
/// A longer one is coded in pieces of at most this size, cut at white space.
pub const MAX_SENTENCE_BYTES: usize = 4096;

/// Longest stretch of a document coded as one window, in bytes: places, the discourse (who
/// "he" and "the two sides" are) and, in [`Pipeline::code_document_parts`], the events are per
/// window. A news article is one window.
pub const MAX_WINDOW_BYTES: usize = 1 << 20;

/// Longest stretch of text a given tree may cover once aligned (its words are found at most
/// `demarche_model::MAX_ALIGN_GAP` bytes apart, so a sentence's tree covers far less).
pub const MAX_GIVEN_SPAN: usize = 64 * 1024;

/// Where a document's trees come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TreeSource {
    /// Parse the text with the built-in parser (trees in the input are ignored).
    Builtin,
    /// Use the Penn Treebank trees given with the input (`<Parse>`, JSON Lines `parse`).
    Given,
}

/// Everything the pipeline made of one document (or, from
/// [`Pipeline::code_document_parts`], of one window of a long document).
#[derive(Debug, Clone)]
pub struct CodedDocument {
    pub doc_id: String,
    /// Document spans of the sentences that were coded (headlines included; datelines and
    /// boilerplate not). `Event::sentence - first_sentence` indexes this list.
    pub sentences: Vec<Span>,
    /// The document's index of `sentences[0]`: 0 for a whole document; for a window, the
    /// number of sentences in the windows before it.
    pub first_sentence: usize,
    pub events: Vec<Event>,
    /// Filled when the pipeline was asked for knowledge extraction (for a window: the
    /// knowledge of the window's sentences).
    pub knowledge: Option<Knowledge>,
    pub diagnostics: Vec<Diagnostic>,
}

impl CodedDocument {
    fn new(doc_id: &str, first_sentence: usize) -> Self {
        CodedDocument {
            doc_id: doc_id.to_string(),
            sentences: Vec::new(),
            first_sentence,
            events: Vec::new(),
            knowledge: None,
            diagnostics: Vec::new(),
        }
    }

    /// The document span of the sentence an event of this part came from.
    pub fn sentence_of(&self, event: &Event) -> Option<Span> {
        let k = event.sentence.checked_sub(self.first_sentence)?;
        self.sentences.get(k).copied()
    }
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

/// The sentences of a document, before they are parsed: spans, and for given trees the index
/// of the tree in `Document::parses`.
struct Plan {
    sentences: Vec<(Span, Option<usize>)>,
    diagnostics: Vec<Diagnostic>,
}

impl<'d> Pipeline<'d> {
    /// A pipeline over `dicts` that parses raw text. The parser learns the dictionaries' verb
    /// forms, so a word the verb dictionary knows is preferred as a verb.
    pub fn new(dicts: &'d Dictionaries) -> Self {
        let verbs = dicts.verb_words();
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
    ///
    /// The whole document's events are returned together; for a document longer than
    /// [`MAX_WINDOW_BYTES`], [`Pipeline::code_document_parts`] hands them out window by window
    /// instead, in bounded memory.
    pub fn code_document(&self, doc: &Document, fallback_date: Date) -> CodedDocument {
        self.code_document_with(doc, fallback_date, self.trees)
    }

    /// Like [`Pipeline::code_document`], with the trees taken from `trees` instead of the
    /// pipeline's own setting: one loaded pipeline codes the text of some inputs and the given
    /// parses of others (the Python package's `code_files(..., format="conllu")`).
    pub fn code_document_with(
        &self,
        doc: &Document,
        fallback_date: Date,
        trees: TreeSource,
    ) -> CodedDocument {
        let date = doc.date.unwrap_or(fallback_date);
        let plan = plan(doc, trees);
        let setting = self.dateline_country(doc, date);
        let mut out = CodedDocument::new(&doc.id, 0);
        out.diagnostics = plan.diagnostics;
        let windows = windows(&plan.sentences);
        // The knowledge of a document of one window is the window's, from the tokens its
        // coding read; a longer document's is extracted from all its sentences at the end.
        let whole = windows.len() == 1;
        for window in &windows {
            let part = self.code_window(
                doc,
                (date, setting.as_deref()),
                window,
                out.sentences.len(),
                whole && self.knowledge,
            );
            out.sentences.extend(part.sentences);
            out.events.extend(part.events);
            out.diagnostics.extend(part.diagnostics);
            out.knowledge = part.knowledge;
        }
        if self.knowledge && out.knowledge.is_none() {
            out.knowledge = Some(demarche_extract::extract(
                &doc.text,
                Some(date),
                Some(&out.sentences),
            ));
        }
        out
    }

    /// Codes one document window by window (windows of at most [`MAX_WINDOW_BYTES`] of text,
    /// cut between sentences), handing each window's result to `each` as soon as it is coded;
    /// stops at the first error `each` returns. A news article is one window, coded exactly as
    /// [`Pipeline::code_document`] codes it (knowledge aside: here it is per window).
    pub fn code_document_parts<E>(
        &self,
        doc: &Document,
        fallback_date: Date,
        mut each: impl FnMut(CodedDocument) -> Result<(), E>,
    ) -> Result<(), E> {
        let date = doc.date.unwrap_or(fallback_date);
        let plan = plan(doc, self.trees);
        let setting = self.dateline_country(doc, date);
        let mut diagnostics = plan.diagnostics;
        let mut first = 0;
        let mut any = false;
        for window in windows(&plan.sentences) {
            let mut part = self.code_window(
                doc,
                (date, setting.as_deref()),
                window,
                first,
                self.knowledge,
            );
            first += part.sentences.len();
            part.diagnostics
                .splice(0..0, std::mem::take(&mut diagnostics));
            any = true;
            each(part)?;
        }
        if !any {
            let mut part = CodedDocument::new(&doc.id, 0);
            part.diagnostics = diagnostics;
            if self.knowledge {
                part.knowledge = Some(demarche_extract::extract(&doc.text, Some(date), Some(&[])));
            }
            each(part)?;
        }
        Ok(())
    }

    /// Codes the sentences of one window; `first` is the document index of its first sentence.
    /// `setting` is the country of the document's dateline (read once per document).
    fn code_window(
        &self,
        doc: &Document,
        (date, setting): (Date, Option<&str>),
        window: &[(Span, Option<usize>)],
        first: usize,
        knowledge: bool,
    ) -> CodedDocument {
        let mut out = CodedDocument::new(&doc.id, first);
        // Each sentence is tokenized once: the parser, the places, the event date and the
        // event location all read these tokens.
        let tokens: Vec<Vec<Token>> = window
            .iter()
            .map(|(span, _)| demarche_text::tokenize(&doc.text[span.range()]))
            .collect();
        let sentences = demarche_extract::Sentences::from_tokens(
            &doc.text,
            window
                .iter()
                .zip(&tokens)
                .map(|((s, _), t)| (*s, t.as_slice())),
        );
        // The knowledge of the window, when asked for, holds its places too.
        let known = knowledge.then(|| sentences.extract(Some(date)));
        // Places are resolved once per window (the dateline and the places named before
        // inform each choice), and only for a window with an event; each event then takes
        // its sentence's location or the dateline.
        let own_places = std::cell::OnceCell::new();
        let places_cell = std::cell::OnceCell::new();
        // Actors named in one sentence resolve "he", "the two sides", "the ministry" in the next.
        let mut discourse = demarche_coder::Discourse::new();
        if self.options.frames() {
            discourse.set_setting(setting.map(str::to_string));
        }
        for (k, (&(span, given), tokens)) in window.iter().zip(&tokens).enumerate() {
            let index = first + k;
            let text = &doc.text[span.range()];
            out.sentences.push(span);
            // Parsed (or read) one sentence at a time: no document's trees are held together.
            let Some(tree) = self.tree_of(doc, span, given, Some(tokens)) else {
                continue;
            };
            let coded = self
                .coder
                .code_in(&tree, text, date, &self.options, &mut discourse);
            drop(tree);
            if coded.events.is_empty() {
                continue;
            }
            let event_date = sentences.event_date(span, Some(date));
            let (places, dateline, mentions) = places_cell.get_or_init(|| {
                let (places, dateline) = match &known {
                    Some(k) => (k.places.as_slice(), k.dateline),
                    None => {
                        let (places, dateline) = own_places.get_or_init(|| sentences.places());
                        (places.as_slice(), *dateline)
                    }
                };
                (
                    places,
                    dateline,
                    demarche_extract::PlaceMentions::new(places),
                )
            });
            let geo = sentences
                .event_location(span, mentions, places.len(), *dateline)
                .and_then(|(i, source)| {
                    let point = demarche_extract::geo_point(places.get(i)?)?;
                    let source = match source {
                        demarche_extract::GeoSource::Sentence => "sentence",
                        demarche_extract::GeoSource::Dateline => "dateline",
                        demarche_extract::GeoSource::Mentioned => "mentioned",
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
        out.knowledge = known;
        out
    }

    /// The country of the document's dateline ("MANILA, Nov. 12 (PNA) --"): where the story
    /// happens (the coder's rule `setting`), read once for every window of the document.
    fn dateline_country(&self, doc: &Document, date: Date) -> Option<String> {
        if !self.options.frames() {
            return None;
        }
        let head = &doc.text[demarche_text::dateline(&doc.text)?.range()];
        let tree = self.parser.parse(head);
        self.coder
            .dateline_country(&tree, head, date, &self.options)
    }

    /// The tree of the sentence at `span`: the given tree `given` of the document aligned to
    /// the sentence's text, else the built-in parser's (of `tokens`, the sentence's tokens,
    /// when the caller has them). `None` for a given tree that cannot be read (the plan
    /// reported it already).
    fn tree_of(
        &self,
        doc: &Document,
        span: Span,
        given: Option<usize>,
        tokens: Option<&[Token]>,
    ) -> Option<Tree> {
        let text = &doc.text[span.range()];
        match (given.and_then(|g| doc.parses.get(g)), tokens) {
            (Some(parse), _) => Tree::parse_ptb(parse).ok().map(|t| t.aligned_to(text)),
            (None, Some(tokens)) => Some(self.parser.parse_tokens(tokens)),
            (None, None) => Some(self.parser.parse(text)),
        }
    }

    /// The sentences [`Pipeline::code_document`] codes, in order, each with the tree it is
    /// coded from, and the problems found on the way (the same diagnostics): for `demarche
    /// explain`, which shows them one by one. Holds every tree of the document at once, so it
    /// is for inspecting a document, not for coding a corpus.
    pub fn sentence_trees(&self, doc: &Document) -> (Vec<(Span, Tree)>, Vec<Diagnostic>) {
        let plan = plan(doc, self.trees);
        let trees = plan
            .sentences
            .iter()
            .filter_map(|&(span, given)| Some((span, self.tree_of(doc, span, given, None)?)))
            .collect();
        (trees, plan.diagnostics)
    }
}

/// The sentences to code, in order: from the given trees when there are some and `trees` says
/// to take them, else from the sentence splitter.
fn plan(doc: &Document, trees: TreeSource) -> Plan {
    match trees {
        TreeSource::Given if !doc.parses.is_empty() => given_sentences(doc),
        _ => split_sentences(doc),
    }
}

/// Headlines and sentences from the splitter, each longer than [`MAX_SENTENCE_BYTES`] cut into
/// pieces at white space (one warning per document says where the first was).
fn split_sentences(doc: &Document) -> Plan {
    let text = &doc.text;
    let mut sentences = Vec::new();
    let (mut long, mut first_long) = (0usize, None);
    for s in demarche_text::segment(text) {
        if !matches!(s.kind, SegmentKind::Sentence | SegmentKind::Headline)
            || s.span.slice(text).is_none()
        {
            continue;
        }
        if s.span.len() <= MAX_SENTENCE_BYTES {
            sentences.push((s.span, None));
            continue;
        }
        long += 1;
        first_long.get_or_insert(s.span);
        sentences.extend(pieces(text, s.span).into_iter().map(|p| (p, None)));
    }
    let mut diagnostics = Vec::new();
    if let Some(first) = first_long {
        let others = match long {
            1 => String::new(),
            n => format!(" ({} more such sentence(s) after it)", n - 1),
        };
        diagnostics.push(Diagnostic::warning(
            doc.id.clone(),
            None,
            format!(
                "a sentence of {} bytes at byte {} is longer than the {MAX_SENTENCE_BYTES}-byte \
                 cap{others}: expected sentences ending in a full stop; coded in pieces cut at \
                 white space",
                first.len(),
                first.start
            ),
        ));
    }
    Plan {
        sentences,
        diagnostics,
    }
}

/// `span` cut into pieces of at most [`MAX_SENTENCE_BYTES`], each ending at white space where
/// there is some (else at a character boundary), trimmed.
fn pieces(text: &str, span: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = span.start;
    while start < span.end {
        let mut end = (start + MAX_SENTENCE_BYTES).min(span.end);
        while end > start && !text.is_char_boundary(end) {
            end -= 1;
        }
        if end < span.end {
            let window = &text[start..end];
            if let Some(ws) = window.rfind(char::is_whitespace).filter(|&w| w > 0) {
                end = start + ws;
            }
        }
        if end == start {
            // One character longer than the cap (impossible for UTF-8): take it whole.
            end = text[start..]
                .chars()
                .next()
                .map_or(span.end, |c| start + c.len_utf8());
        }
        let piece = &text[start..end];
        let lead = piece.len() - piece.trim_start().len();
        let trimmed = piece.trim();
        if !trimmed.is_empty() {
            out.push(Span::new(start + lead, start + lead + trimmed.len()));
        }
        start = end;
    }
    out
}

/// The windows of a document's sentences: consecutive runs covering at most
/// [`MAX_WINDOW_BYTES`] of text (a longer sentence is a window of its own).
fn windows(sentences: &[(Span, Option<usize>)]) -> Vec<&[(Span, Option<usize>)]> {
    let mut out = Vec::new();
    let mut from = 0;
    for k in 1..=sentences.len() {
        let ends_window = k == sentences.len()
            || sentences[k].0.end.saturating_sub(sentences[from].0.start) > MAX_WINDOW_BYTES;
        if ends_window {
            out.push(&sentences[from..k]);
            from = k;
        }
    }
    out
}

/// Sentences from the trees given with the input: each tree is found in the text after the
/// previous one, and its sentence is the stretch of text its words cover. Trees are read here
/// only to find their spans (and read again, one at a time, when coded); the alignment of all
/// of a document's trees shares one budget linear in the document.
fn given_sentences(doc: &Document) -> Plan {
    let mut sentences = Vec::new();
    let mut diagnostics = Vec::new();
    let given_bytes: usize = doc.parses.iter().map(String::len).sum();
    let mut budget = (doc.text.len() + given_bytes)
        .saturating_mul(16)
        .saturating_add(1 << 20);
    let mut cursor = 0;
    for (i, parse) in doc.parses.iter().enumerate() {
        let tree = match Tree::parse_ptb(parse) {
            Ok(t) => t,
            Err(e) => {
                diagnostics.push(Diagnostic::error(
                    doc.id.clone(),
                    None,
                    format!("parse tree {}: {e}", i + 1),
                ));
                continue;
            }
        };
        let rest = &doc.text[cursor..];
        let located = tree.aligned_within(rest, &mut budget);
        if budget == 0 {
            diagnostics.push(Diagnostic::error(
                doc.id.clone(),
                None,
                format!(
                    "parse trees {} to {}: finding their words in the text took more steps than \
                     the text and trees allow (expected each tree's words in the text, in \
                     order); skipped",
                    i + 1,
                    doc.parses.len()
                ),
            ));
            break;
        }
        let Some(found) = located.span(located.root()) else {
            diagnostics.push(Diagnostic::error(
                doc.id.clone(),
                None,
                format!("parse tree {}: its words are not in the text", i + 1),
            ));
            continue;
        };
        if found.len() > MAX_GIVEN_SPAN {
            diagnostics.push(Diagnostic::error(
                doc.id.clone(),
                None,
                format!(
                    "parse tree {}: its words are spread over {} bytes of the text from byte {} \
                     (expected one sentence, at most {MAX_GIVEN_SPAN} bytes); skipped",
                    i + 1,
                    found.len(),
                    found.start + cursor
                ),
            ));
            continue;
        }
        let span = found.shift(cursor);
        cursor = span.end;
        sentences.push((span, Some(i)));
    }
    Plan {
        sentences,
        diagnostics,
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
