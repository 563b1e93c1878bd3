//! The demo's stand-in for the coding pipeline: events coded by hand, by us, for the bundled
//! demo corpus (`corpus/demo/reports.jsonl`), kept in `data/demo-codings.tsv`.
//!
//! `demarche demo` takes its coder as a closure `Fn(&Document) -> Vec<Event>`; until the
//! built-in pipeline (tokenise, parse, code) is wired into that closure, [`hand_coded`] fills
//! it from this table. The table doubles as a reference coding of the demo corpus that the
//! pipeline's output can be compared with.
//!
//! Format: one event per line, tab-separated: document id, sentence number (1-based, as the
//! caller's sentence splitter numbers them), source actor code, source text, verb text, target
//! actor code, target text, CAMEO code. `#` starts a comment line. Texts are located in the
//! sentence (first occurrence; the target is searched after the source when both texts are
//! equal), which gives the evidence spans.

use demarche_model::{Diagnostic, Document, Event, Evidence, RuleRef, Span};

/// The hand-coded events of the demo corpus.
pub const HAND_CODED: &str = include_str!("../data/demo-codings.tsv");
/// The name under which [`HAND_CODED`] appears in diagnostics and rule references.
pub const HAND_CODED_FILE: &str = "demo-codings.tsv";

/// One line of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coding {
    pub line: usize,
    pub doc_id: String,
    /// 1-based sentence number.
    pub sentence: usize,
    pub source: String,
    pub source_text: String,
    pub verb_text: String,
    pub target: String,
    pub target_text: String,
    pub code: String,
}

/// Reads the table; bad lines become diagnostics and the rest is kept.
pub fn parse_codings(file: &str, table: &str) -> (Vec<Coding>, Vec<Diagnostic>) {
    let mut out = Vec::new();
    let mut diags = Vec::new();
    for (i, raw) in table.lines().enumerate() {
        let line = i + 1;
        if raw.trim().is_empty() || raw.trim_start().starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = raw.split('\t').map(str::trim).collect();
        let [
            doc_id,
            sentence,
            source,
            source_text,
            verb_text,
            target,
            target_text,
            code,
        ] = cols.as_slice()
        else {
            diags.push(Diagnostic::error(
                file,
                Some(line),
                format!("expected 8 tab-separated columns, found {}", cols.len()),
            ));
            continue;
        };
        let Ok(sentence) = sentence.parse::<usize>() else {
            diags.push(Diagnostic::error(
                file,
                Some(line),
                format!("expected a sentence number from 1, found `{sentence}`"),
            ));
            continue;
        };
        if sentence == 0 || !demarche_model::cameo::is_known(code) {
            diags.push(Diagnostic::error(
                file,
                Some(line),
                format!("expected a sentence number from 1 and a known CAMEO code, found {sentence} and `{code}`"),
            ));
            continue;
        }
        out.push(Coding {
            line,
            doc_id: doc_id.to_string(),
            sentence,
            source: source.to_string(),
            source_text: source_text.to_string(),
            verb_text: verb_text.to_string(),
            target: target.to_string(),
            target_text: target_text.to_string(),
            code: code.to_string(),
        });
    }
    (out, diags)
}

fn find(text: &str, needle: &str, from: usize) -> Option<Span> {
    let start = text.get(from..)?.find(needle)? + from;
    Some(Span::new(start, start + needle.len()))
}

/// The events of `doc` according to `codings`, given the document's sentence spans (in the
/// order the caller's splitter found them). A coding whose sentence or texts cannot be found
/// is reported and skipped.
pub fn events_for(
    doc: &Document,
    sentences: &[Span],
    codings: &[Coding],
) -> (Vec<Event>, Vec<Diagnostic>) {
    let mut events = Vec::new();
    let mut diags = Vec::new();
    let Some(date) = doc.date else {
        if codings.iter().any(|c| c.doc_id == doc.id) {
            diags.push(Diagnostic::error(
                HAND_CODED_FILE,
                None,
                format!(
                    "document `{}` has no date, so its events cannot be dated",
                    doc.id
                ),
            ));
        }
        return (events, diags);
    };
    for c in codings.iter().filter(|c| c.doc_id == doc.id) {
        let fail = |what: String| Diagnostic::error(HAND_CODED_FILE, Some(c.line), what);
        let Some(sentence) = sentences
            .get(c.sentence - 1)
            .and_then(|s| s.slice(&doc.text))
        else {
            diags.push(fail(format!(
                "document `{}` has {} sentences, not {}",
                doc.id,
                sentences.len(),
                c.sentence
            )));
            continue;
        };
        let source_span = find(sentence, &c.source_text, 0);
        let target_from = match source_span {
            Some(s) if c.source_text == c.target_text => s.end,
            _ => 0,
        };
        let spans = (
            source_span,
            find(sentence, &c.verb_text, 0),
            find(sentence, &c.target_text, target_from),
        );
        let (Some(source_span), Some(verb_span), Some(target_span)) = spans else {
            diags.push(fail(format!(
                "`{}` / `{}` / `{}` not all found in sentence {} of `{}`: {sentence:?}",
                c.source_text, c.verb_text, c.target_text, c.sentence, doc.id
            )));
            continue;
        };
        events.push(
            Event {
                doc_id: doc.id.clone(),
                sentence: c.sentence - 1,
                date,
                event_date: None,
                source: c.source.clone(),
                target: c.target.clone(),
                code: c.code.clone(),
                root: String::new(),
                quad_class: 0,
                goldstein: 0.0,
                plover: None,
                source_text: c.source_text.clone(),
                target_text: c.target_text.clone(),
                verb_text: c.verb_text.clone(),
                sentence_text: sentence.to_string(),
                action_geo: None,
                geo_source: None,
                evidence: Evidence {
                    source_span: Some(source_span),
                    target_span: Some(target_span),
                    verb_span: Some(verb_span),
                    rules: vec![RuleRef {
                        file: HAND_CODED_FILE.to_string(),
                        line: c.line,
                    }],
                    antecedents: Vec::new(),
                },
            }
            .with_cameo_facts(),
        );
    }
    (events, diags)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_table_reads_without_diagnostics() {
        let (codings, diags) = parse_codings(HAND_CODED_FILE, HAND_CODED);
        assert_eq!(diags, []);
        assert!(codings.len() > 100, "only {} codings", codings.len());
    }

    #[test]
    fn bad_lines_are_reported_with_their_line_and_the_rest_kept() {
        let table = "# comment\nd1\t1\tCHN\tChina\tpraised\tRUS\tRussia\t051\nd1\tx\tCHN\n\
                     d1\t0\tCHN\tChina\tpraised\tRUS\tRussia\t051\nd1\t1\tCHN\tChina\tpraised\tRUS\tRussia\t999\n";
        let (codings, diags) = parse_codings("t.tsv", table);
        assert_eq!(codings.len(), 1);
        let lines: Vec<Option<usize>> = diags.iter().map(|d| d.line).collect();
        assert_eq!(lines, [Some(3), Some(4), Some(5)]);
        assert!(
            diags[0]
                .to_string()
                .starts_with("t.tsv:3: error: expected 8")
        );
    }

    #[test]
    fn events_get_spans_into_their_sentence() {
        let text = "Talks were held. China praised Russia for its support.";
        let doc = Document {
            id: "d1".into(),
            date: demarche_model::parse_date("2022-01-14").ok(),
            text: text.into(),
            ..Document::default()
        };
        let sentences = [Span::new(0, 16), Span::new(17, text.len())];
        let (codings, _) = parse_codings(
            "t.tsv",
            "d1\t2\tCHN\tChina\tpraised\tRUS\tRussia\t051\nd1\t3\tCHN\tChina\tpraised\tRUS\tRussia\t051\nd1\t2\tCHN\tChina\tcondemned\tRUS\tRussia\t051\n",
        );
        let (events, diags) = events_for(&doc, &sentences, &codings);
        assert_eq!(events.len(), 1);
        let e = &events[0];
        assert_eq!(e.sentence, 1);
        assert_eq!(e.sentence_text, "China praised Russia for its support.");
        let at = |s: Option<Span>| s.and_then(|s| s.slice(&e.sentence_text));
        assert_eq!(at(e.evidence.source_span), Some("China"));
        assert_eq!(at(e.evidence.verb_span), Some("praised"));
        assert_eq!(at(e.evidence.target_span), Some("Russia"));
        assert_eq!((e.root.as_str(), e.quad_class), ("05", 1));
        // Line 2 names a third sentence; line 3 a verb the sentence does not have.
        let lines: Vec<Option<usize>> = diags.iter().map(|d| d.line).collect();
        assert_eq!(lines, [Some(2), Some(3)]);
    }
}
