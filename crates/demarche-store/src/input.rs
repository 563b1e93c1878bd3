//! Reading JSON Lines into [`IngestItem`]s for `demarche ingest`.
//!
//! A line is one of:
//! - an **event record** as `demarche code` writes it (`doc_id`, `sentence`, `date`, `source`,
//!   `target`, `code`, ... — the `demarche_model::Event` schema);
//! - a **document record** (`id`, `text`, optionally `date`, `title`, `source`, `url`) — the
//!   demo corpus's format;
//! - a **knowledge record**: `{"doc_id": ..., "knowledge": {...}}`.
//!
//! Records are grouped by document id, in the order documents first appear. A document that
//! has events but no document record is rebuilt from its events: its text is its sentences'
//! texts in index order joined by spaces, its date the first event's date. Bad lines become
//! diagnostics naming file and line; the other lines are read.

use crate::types::IngestItem;
use demarche_model::{Diagnostic, Document, Event};
use std::collections::BTreeMap;
use std::io::BufRead;

#[derive(Default)]
struct Group {
    document: Option<Document>,
    events: Vec<Event>,
    knowledge: Option<serde_json::Value>,
}

/// An item read from JSON Lines, and whether a document record was given for it (otherwise the
/// document was rebuilt from its events' sentences, and a caller may prefer a stored version).
#[derive(Debug, Clone, PartialEq)]
pub struct ReadItem {
    pub item: IngestItem,
    pub document_given: bool,
}

/// Groups records of one or more JSON Lines inputs by document id, so that a document record
/// in one file and its events in another make one item.
#[derive(Default)]
pub struct Grouper {
    order: Vec<String>,
    groups: BTreeMap<String, Group>,
}

impl Grouper {
    pub fn new() -> Self {
        Grouper::default()
    }

    /// Reads every line of `reader` (named `file` in diagnostics).
    pub fn read(&mut self, reader: impl BufRead, file: &str) -> Vec<Diagnostic> {
        let mut diagnostics = Vec::new();
        for (i, line) in reader.lines().enumerate() {
            let line_no = i + 1;
            let line = match line {
                Ok(l) => l,
                Err(e) => {
                    diagnostics.push(Diagnostic::error(
                        file,
                        Some(line_no),
                        format!("cannot read line: {e}"),
                    ));
                    // An IO error (or invalid UTF-8) may repeat forever on some readers: stop.
                    break;
                }
            };
            if let Err(d) = self.line(line.trim(), file, line_no) {
                diagnostics.push(d);
            }
        }
        diagnostics
    }

    fn group(&mut self, id: &str) -> &mut Group {
        group_for(&mut self.groups, &mut self.order, id)
    }

    fn line(&mut self, line: &str, file: &str, line_no: usize) -> Result<(), Diagnostic> {
        if line.is_empty() {
            return Ok(());
        }
        let error = |message: String| Diagnostic::error(file, Some(line_no), message);
        let value: serde_json::Value = serde_json::from_str(line)
            .map_err(|e| error(format!("not valid JSON: {e}")).with_column(e.column()))?;
        let has = |k: &str| value.get(k).is_some();
        if has("doc_id") && has("code") {
            let event = serde_json::from_value::<Event>(value)
                .map_err(|e| error(format!("not a valid event record: {e}")))?;
            let id = event.doc_id.clone();
            self.group(&id).events.push(event);
        } else if has("doc_id") && has("knowledge") {
            let id = value
                .get("doc_id")
                .and_then(|v| v.as_str())
                .ok_or_else(|| error("a knowledge record needs a string `doc_id`".into()))?
                .to_string();
            self.group(&id).knowledge = value.get("knowledge").cloned();
        } else if has("id") && has("text") {
            let doc = serde_json::from_value::<Document>(value)
                .map_err(|e| error(format!("not a valid document record: {e}")))?;
            let id = doc.id.clone();
            let group = self.group(&id);
            let repeated = group.document.is_some();
            group.document = Some(doc);
            if repeated {
                return Err(Diagnostic::warning(
                    file,
                    Some(line_no),
                    format!("document `{id}` appears again; the later record is used"),
                ));
            }
        } else {
            return Err(error(
                "expected an event record (with `doc_id` and `code`), a document record (with `id` and `text`) or a knowledge record (with `doc_id` and `knowledge`)".into(),
            ));
        }
        Ok(())
    }

    /// The items, in the order their documents first appeared.
    pub fn finish(mut self) -> Vec<ReadItem> {
        let order = std::mem::take(&mut self.order);
        order
            .into_iter()
            .filter_map(|id| self.groups.remove(&id).map(|g| (id, g)))
            .map(|(id, g)| {
                let document_given = g.document.is_some();
                let document = g
                    .document
                    .unwrap_or_else(|| document_from_events(&id, &g.events));
                ReadItem {
                    item: IngestItem {
                        document,
                        events: g.events,
                        knowledge: g.knowledge,
                    },
                    document_given,
                }
            })
            .collect()
    }
}

/// Reads one input: [`Grouper::read`] then [`Grouper::finish`], keeping only the items.
pub fn read_jsonl(reader: impl BufRead, file: &str) -> (Vec<IngestItem>, Vec<Diagnostic>) {
    let mut grouper = Grouper::new();
    let diagnostics = grouper.read(reader, file);
    let items = grouper.finish().into_iter().map(|r| r.item).collect();
    (items, diagnostics)
}

/// The group of document `id`, created (and its first appearance noted) if new.
fn group_for<'a>(
    groups: &'a mut BTreeMap<String, Group>,
    order: &mut Vec<String>,
    id: &str,
) -> &'a mut Group {
    if !groups.contains_key(id) {
        order.push(id.to_string());
    }
    groups.entry(id.to_string()).or_default()
}

/// A document rebuilt from its events' sentence texts.
pub fn document_from_events(id: &str, events: &[Event]) -> Document {
    let mut sentences: BTreeMap<usize, &str> = BTreeMap::new();
    for e in events {
        if !e.sentence_text.is_empty() {
            sentences.entry(e.sentence).or_insert(&e.sentence_text);
        }
    }
    Document {
        id: id.to_string(),
        date: events.first().map(|e| e.date),
        text: sentences.into_values().collect::<Vec<_>>().join(" "),
        ..Document::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EVENT: &str = r#"{"doc_id":"d1","sentence":1,"date":"2022-02-04","source":"CHN","target":"RUS","code":"057","root":"05","quad_class":1,"goldstein":8.0,"source_text":"China","target_text":"Russia","verb_text":"signed","sentence_text":"China and Russia signed an agreement.","evidence":{"source_span":[0,5],"target_span":[10,16],"verb_span":[17,23],"rules":[]}}"#;

    #[test]
    fn events_documents_and_knowledge_group_by_document() {
        let input = format!(
            "{EVENT}\n\n{{\"id\":\"d2\",\"date\":\"2022-03-01\",\"title\":\"T\",\"source\":\"Wire\",\"text\":\"Pakistan protested.\"}}\n{{\"doc_id\":\"d1\",\"knowledge\":{{\"persons\":[]}}}}\n"
        );
        let (items, diags) = read_jsonl(input.as_bytes(), "in.jsonl");
        assert!(diags.is_empty(), "{diags:?}");
        let ids: Vec<&str> = items.iter().map(|i| i.document.id.as_str()).collect();
        assert_eq!(ids, ["d1", "d2"]);
        assert_eq!(items[0].events.len(), 1);
        assert_eq!(
            items[0].document.text,
            "China and Russia signed an agreement."
        );
        assert_eq!(
            items[0].document.date,
            demarche_model::parse_date("2022-02-04").ok()
        );
        assert!(items[0].knowledge.is_some());
        assert_eq!(items[1].document.source.as_deref(), Some("Wire"));
        assert!(items[1].events.is_empty());
    }

    #[test]
    fn a_document_and_its_events_in_two_files_make_one_item() {
        let mut g = Grouper::new();
        let doc = r#"{"id":"d1","date":"2022-02-04","source":"Wire","text":"Intro. China and Russia signed an agreement."}"#;
        assert!(g.read(doc.as_bytes(), "docs.jsonl").is_empty());
        assert!(g.read(EVENT.as_bytes(), "events.jsonl").is_empty());
        let items = g.finish();
        assert_eq!(items.len(), 1);
        assert!(items[0].document_given);
        assert_eq!(items[0].item.document.source.as_deref(), Some("Wire"));
        assert_eq!(items[0].item.events.len(), 1);
        let mut g = Grouper::new();
        g.read(EVENT.as_bytes(), "events.jsonl");
        assert!(!g.finish()[0].document_given);
    }

    #[test]
    fn bad_lines_are_named_and_the_rest_is_read() {
        let input =
            format!("{{not json\n{EVENT}\n{{\"doc_id\":\"d3\",\"code\":5}}\n{{\"hello\":1}}\n");
        let (items, diags) = read_jsonl(input.as_bytes(), "in.jsonl");
        assert_eq!(items.len(), 1);
        let shown: Vec<String> = diags.iter().map(|d| d.to_string()).collect();
        assert_eq!(shown.len(), 3, "{shown:?}");
        assert!(
            shown[0].starts_with("in.jsonl:1:2: error: not valid JSON"),
            "{}",
            shown[0]
        );
        assert!(
            shown[1].starts_with("in.jsonl:3: error: not a valid event record"),
            "{}",
            shown[1]
        );
        assert!(
            shown[2].starts_with("in.jsonl:4: error: expected an event record"),
            "{}",
            shown[2]
        );
    }
}
