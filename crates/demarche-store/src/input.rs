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

/// Reads every line of `reader` (named `file` in diagnostics).
pub fn read_jsonl(reader: impl BufRead, file: &str) -> (Vec<IngestItem>, Vec<Diagnostic>) {
    let mut order: Vec<String> = Vec::new();
    let mut groups: BTreeMap<String, Group> = BTreeMap::new();
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
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        let value: serde_json::Value = match serde_json::from_str(trimmed) {
            Ok(v) => v,
            Err(e) => {
                diagnostics.push(
                    Diagnostic::error(file, Some(line_no), format!("not valid JSON: {e}"))
                        .with_column(e.column()),
                );
                continue;
            }
        };
        let has = |k: &str| value.get(k).is_some();
        if has("doc_id") && has("code") {
            match serde_json::from_value::<Event>(value) {
                Ok(event) => {
                    let id = event.doc_id.clone();
                    group_for(&mut groups, &mut order, &id).events.push(event);
                }
                Err(e) => diagnostics.push(Diagnostic::error(
                    file,
                    Some(line_no),
                    format!("not a valid event record: {e}"),
                )),
            }
        } else if has("doc_id") && has("knowledge") {
            let id = value
                .get("doc_id")
                .and_then(|v| v.as_str())
                .map(str::to_string);
            match (id, value.get("knowledge")) {
                (Some(id), Some(k)) => {
                    group_for(&mut groups, &mut order, &id).knowledge = Some(k.clone())
                }
                _ => diagnostics.push(Diagnostic::error(
                    file,
                    Some(line_no),
                    "a knowledge record needs a string `doc_id`",
                )),
            }
        } else if has("id") && has("text") {
            match serde_json::from_value::<Document>(value) {
                Ok(doc) => {
                    let id = doc.id.clone();
                    let group = group_for(&mut groups, &mut order, &id);
                    if group.document.is_some() {
                        diagnostics.push(Diagnostic::warning(
                            file,
                            Some(line_no),
                            format!("document `{id}` appears again; the later record is used"),
                        ));
                    }
                    group.document = Some(doc);
                }
                Err(e) => diagnostics.push(Diagnostic::error(
                    file,
                    Some(line_no),
                    format!("not a valid document record: {e}"),
                )),
            }
        } else {
            diagnostics.push(Diagnostic::error(
                file,
                Some(line_no),
                "expected an event record (with `doc_id` and `code`), a document record (with `id` and `text`) or a knowledge record (with `doc_id` and `knowledge`)",
            ));
        }
    }
    let items = order
        .into_iter()
        .filter_map(|id| groups.remove(&id).map(|g| (id, g)))
        .map(|(id, g)| {
            let document = g
                .document
                .unwrap_or_else(|| document_from_events(&id, &g.events));
            IngestItem {
                document,
                events: g.events,
                knowledge: g.knowledge,
            }
        })
        .collect();
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
