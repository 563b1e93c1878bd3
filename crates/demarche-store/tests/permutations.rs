//! Property: ingesting any permutation of a set of documents, with any documents repeated, in
//! any split into single ingests and batches, gives the same store contents (compared through
//! `Store::canonical_dump`, which ignores internal ids).

use demarche_model::{Date, Document, Event, Evidence, Span};
use demarche_store::{IngestItem, Store};
use proptest::prelude::*;

fn item(
    id: &str,
    date: &str,
    outlet: &str,
    events: &[(&str, &str, &str, Option<&str>)],
) -> IngestItem {
    let date: Date = demarche_model::parse_date(date).expect("date");
    let mut text = String::new();
    let events = events
        .iter()
        .enumerate()
        .map(|(i, (src, tgt, code, event_date))| {
            let sentence = format!("{src} acted on {tgt}.");
            text.push_str(&sentence);
            text.push(' ');
            Event {
                doc_id: id.to_string(),
                sentence: i,
                date,
                event_date: event_date.map(|d| demarche_model::parse_date(d).expect("date")),
                source: src.to_string(),
                target: tgt.to_string(),
                code: code.to_string(),
                root: String::new(),
                quad_class: 0,
                goldstein: 0.0,
                plover: None,
                source_text: src.to_string(),
                target_text: tgt.to_string(),
                verb_text: "acted".to_string(),
                action_geo: None,
                geo_source: None,
                evidence: Evidence {
                    source_span: Some(Span::new(0, src.len())),
                    ..Evidence::default()
                },
                sentence_text: sentence,
            }
            .with_cameo_facts()
        })
        .collect();
    IngestItem {
        document: Document {
            id: id.to_string(),
            date: Some(date),
            source: Some(outlet.to_string()),
            text,
            ..Document::default()
        },
        events,
        knowledge: Some(serde_json::json!({ "id": id })),
    }
}

/// Documents that share events across articles and outlets, so that counts depend on which
/// documents are present (and must not depend on order).
fn documents() -> Vec<IngestItem> {
    vec![
        item(
            "a",
            "2022-02-04",
            "Wire A",
            &[("CHN", "RUS", "057", None), ("RUS", "USA", "112", None)],
        ),
        item(
            "b",
            "2022-02-04",
            "Wire B",
            &[("CHN", "RUS", "057", None), ("CHN", "RUS", "057", None)],
        ),
        item(
            "c",
            "2022-02-05",
            "Wire A",
            &[
                ("CHN", "RUS", "057", Some("2022-02-04")),
                ("IND", "PAK", "190", None),
            ],
        ),
        item("d", "2022-03-01", "Wire C", &[("PAK", "IND", "111", None)]),
        item("e", "2022-03-01", "Wire C", &[]),
        item(
            "f",
            "2022-03-02",
            "Wire B",
            &[
                ("PAK", "IND", "111", Some("2022-03-01")),
                ("RUS", "USA", "112", Some("2022-02-04")),
            ],
        ),
    ]
}

fn reference_dump() -> String {
    let mut store = Store::open_in_memory().expect("store");
    for it in documents() {
        store
            .ingest(&it.document, &it.events, it.knowledge.as_ref())
            .expect("ingest");
    }
    store.canonical_dump().expect("dump")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn order_repetition_and_batching_do_not_matter(
        order in Just((0..6usize).collect::<Vec<_>>()).prop_shuffle(),
        repeats in proptest::collection::vec((0..6usize, 0..=6usize), 0..8),
        batch_sizes in proptest::collection::vec(1..4usize, 1..10),
    ) {
        let docs = documents();
        let mut sequence = order;
        for (doc, position) in repeats {
            let at = position.min(sequence.len());
            sequence.insert(at, doc);
        }
        let mut store = Store::open_in_memory().expect("store");
        let mut rest: &[usize] = &sequence;
        let mut sizes = batch_sizes.iter().cycle();
        while !rest.is_empty() {
            let n = (*sizes.next().unwrap_or(&1)).min(rest.len());
            let (chunk, tail) = rest.split_at(n);
            if n == 1 {
                let it = &docs[chunk[0]];
                store.ingest(&it.document, &it.events, it.knowledge.as_ref()).expect("ingest");
            } else {
                let items: Vec<IngestItem> = chunk.iter().map(|&i| docs[i].clone()).collect();
                store.ingest_batch(&items).expect("batch");
            }
            rest = tail;
        }
        store.integrity_check().expect("integrity");
        prop_assert_eq!(store.canonical_dump().expect("dump"), reference_dump());
    }
}

#[test]
fn the_reference_has_the_expected_shape() {
    // Guards the property above against a degenerate reference: 6 documents, 4 events
    // (CHN→RUS 057 on 2022-02-04 from a, b twice and c; RUS→USA 112 from a and f; IND→PAK 190;
    // PAK→IND 111 from d and f), 9 mentions.
    let mut store = Store::open_in_memory().expect("store");
    store.ingest_batch(&documents()).expect("ingest");
    let stats = store.stats().expect("stats");
    assert_eq!((stats.documents, stats.events, stats.mentions), (6, 4, 9));
}
