//! Behaviour of the store on a small constructed corpus whose numbers are worked out by hand
//! in the comments: idempotence, replacement, de-duplication counts, dyad series, comparisons,
//! search, documents, migrations and exports.

use demarche_model::{Date, Document, Event, Evidence, RuleRef, Span};
use demarche_store::{
    DyadQuery, EventQuery, ExportFormat, GDELT_EVENT_COLUMNS, Granularity, IngestItem,
    IngestOutcome, PHOENIX_COLUMNS, Prepared, SCHEMA_VERSION, Store, StoreError, StoredEvent,
};

fn day(s: &str) -> Date {
    demarche_model::parse_date(s).expect("test date")
}

/// An event record as the coder would emit it; the sentence is "{source} {verb} {target}."
fn ev(doc: &str, sentence: usize, date: &str, src: &str, tgt: &str, code: &str) -> Event {
    let text = format!("{src} acted on {tgt}.");
    let verb_start = src.len() + 1;
    Event {
        doc_id: doc.to_string(),
        sentence,
        date: day(date),
        event_date: None,
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
            target_span: Some(Span::new(verb_start + 9, verb_start + 9 + tgt.len())),
            verb_span: Some(Span::new(verb_start, verb_start + 5)),
            rules: vec![RuleRef {
                file: "verbs.txt".to_string(),
                line: 10 + sentence,
            }],
            antecedents: Vec::new(),
        },
        sentence_text: text,
    }
    .with_cameo_facts()
}

fn on(mut e: Event, event_date: &str) -> Event {
    e.event_date = Some(day(event_date));
    e
}

fn item(id: &str, date: &str, outlet: Option<&str>, events: Vec<Event>) -> IngestItem {
    let text = events
        .iter()
        .map(|e| e.sentence_text.clone())
        .collect::<Vec<_>>()
        .join(" ");
    IngestItem {
        document: Document {
            id: id.to_string(),
            date: Some(day(date)),
            title: Some(format!("Report {id}")),
            source: outlet.map(str::to_string),
            url: Some(format!("https://example.org/{id}")),
            text,
            parses: Vec::new(),
        },
        events,
        knowledge: Some(serde_json::json!({ "persons": [format!("person of {id}")] })),
    }
}

/// The constructed corpus. Goldstein: 051 3.4 (quad 1), 057 8.0 (1), 061 6.4 (2), 036 4.0 (1),
/// 111 -2.0 (3), 112 -2.0 (3), 190 -10.0 (4).
///
/// Events after de-duplication (7), with their mentions (10):
/// - E1 CHN→RUS 051 on 2021-01-05: d1 s0, d1 s2, d2 s0 (event date given), d5 s0 (event date
///   given) → 4 mentions, 3 articles (d1, d2, d5), 2 sources (Wire A for d1 and d5, Wire B).
/// - E2 CHNGOV→RUS 057 2021-01-05 (d1 s1); E3 RUS→CHN 111 2021-01-20 (d2 s1);
///   E4 RUS→CHN 112 2021-02-10, E5 CHN→USA 190 2021-02-10, E6 CHNMIL→RUSMIL 061 2021-02-10
///   (d3); E7 RUSGOV→CHNGOV 036 2021-04-02 (d4, no outlet).
fn corpus() -> Vec<IngestItem> {
    vec![
        item(
            "d1",
            "2021-01-05",
            Some("Wire A"),
            vec![
                ev("d1", 0, "2021-01-05", "CHN", "RUS", "051"),
                ev("d1", 1, "2021-01-05", "CHNGOV", "RUS", "057"),
                ev("d1", 2, "2021-01-05", "CHN", "RUS", "051"),
            ],
        ),
        item(
            "d2",
            "2021-01-20",
            Some("Wire B"),
            vec![
                on(ev("d2", 0, "2021-01-20", "CHN", "RUS", "051"), "2021-01-05"),
                ev("d2", 1, "2021-01-20", "RUS", "CHN", "111"),
            ],
        ),
        item(
            "d3",
            "2021-02-10",
            Some("Wire A"),
            vec![
                ev("d3", 0, "2021-02-10", "RUS", "CHN", "112"),
                ev("d3", 1, "2021-02-10", "CHN", "USA", "190"),
                ev("d3", 2, "2021-02-10", "CHNMIL", "RUSMIL", "061"),
            ],
        ),
        item(
            "d4",
            "2021-04-02",
            None,
            vec![ev("d4", 0, "2021-04-02", "RUSGOV", "CHNGOV", "036")],
        ),
        item(
            "d5",
            "2021-01-06",
            Some("Wire A"),
            vec![on(
                ev("d5", 0, "2021-01-06", "CHN", "RUS", "051"),
                "2021-01-05",
            )],
        ),
    ]
}

fn loaded() -> Store {
    let mut store = Store::open_in_memory().expect("store");
    for it in corpus() {
        let outcome = store
            .ingest(&it.document, &it.events, it.knowledge.as_ref())
            .expect("ingest");
        assert_eq!(outcome, IngestOutcome::New);
    }
    store.integrity_check().expect("integrity");
    store
}

fn find(store: &Store, source: &str, target: &str, code: &str) -> StoredEvent {
    let page = store
        .search_events(&EventQuery {
            source: Some(source.into()),
            target: Some(target.into()),
            code: Some(code.into()),
            mentions_per_event: 100,
            ..EventQuery::default()
        })
        .expect("search");
    page.events
        .into_iter()
        .find(|e| e.source == source && e.target == target && e.code == code)
        .unwrap_or_else(|| panic!("no event {source} {target} {code}"))
}

#[test]
fn counts_after_dedup() {
    let store = loaded();
    let stats = store.stats().expect("stats");
    assert_eq!(stats.documents, 5);
    assert_eq!(stats.events, 7);
    assert_eq!(stats.mentions, 10);
    assert_eq!(stats.sentences, 10);
    assert_eq!(stats.knowledge, 5);
    assert_eq!(stats.first_date, Some(day("2021-01-05")));
    assert_eq!(stats.last_date, Some(day("2021-04-02")));
    assert_eq!(stats.schema_version, SCHEMA_VERSION);

    let e1 = find(&store, "CHN", "RUS", "051");
    assert_eq!(e1.date, day("2021-01-05"));
    assert_eq!(
        (e1.num_mentions, e1.num_articles, e1.num_sources),
        (4, 3, 2)
    );
    let docs: Vec<(&str, usize)> = e1
        .mentions
        .iter()
        .map(|m| (m.doc_id.as_str(), m.sentence))
        .collect();
    // Ordered by publication date, then document, then sentence.
    assert_eq!(docs, [("d1", 0), ("d1", 2), ("d5", 0), ("d2", 0)]);
    let m = &e1.mentions[0];
    assert_eq!(m.sentence_text, "CHN acted on RUS.");
    assert_eq!(
        m.verb_span.and_then(|s| s.slice(&m.sentence_text)),
        Some("acted")
    );
    assert_eq!(
        m.target_span.and_then(|s| s.slice(&m.sentence_text)),
        Some("RUS")
    );
    assert_eq!(m.rules[0].line, 10);
    assert_eq!(m.doc_source.as_deref(), Some("Wire A"));
    assert_eq!(e1.mentions[3].event_date, Some(day("2021-01-05")));
    assert_eq!(e1.mentions[3].date, day("2021-01-20"));

    // A document without an outlet counts as its own source.
    let e7 = find(&store, "RUSGOV", "CHNGOV", "036");
    assert_eq!(
        (e7.num_mentions, e7.num_articles, e7.num_sources),
        (1, 1, 1)
    );
}

#[test]
fn same_documents_twice_are_stored_once() {
    let mut store = loaded();
    let before = store.canonical_dump().expect("dump");
    let summary = store.ingest_batch(&corpus()).expect("again");
    assert_eq!(summary.documents_unchanged, 5);
    assert_eq!(summary.documents_new + summary.documents_replaced, 0);
    assert_eq!(summary.mentions, 0);
    assert_eq!(store.canonical_dump().expect("dump"), before);
}

#[test]
fn one_batch_stores_what_one_by_one_stores() {
    // In one batch, E1's four mentions from three documents are counted before the event is
    // written; the store must equal the one built a document at a time.
    let mut batch = Store::open_in_memory().expect("store");
    let summary = batch.ingest_batch(&corpus()).expect("batch");
    assert_eq!(
        (summary.documents_new, summary.events_new, summary.mentions),
        (5, 7, 10)
    );
    batch.integrity_check().expect("integrity");
    assert_eq!(
        batch.canonical_dump().expect("dump"),
        loaded().canonical_dump().expect("dump")
    );
    let e1 = find(&batch, "CHN", "RUS", "051");
    assert_eq!(
        (e1.num_mentions, e1.num_articles, e1.num_sources),
        (4, 3, 2)
    );
}

#[test]
fn batches_in_one_transaction_store_what_separate_commits_store() {
    // Batch by batch in one transaction (as `demarche ingest` writes): E1 gains mentions in
    // three batches, d2 is replaced by a version without its report of E1 two batches after
    // it came, and d4's only event goes with d4's new version (no events) in the last batch.
    // Full-text rows and counts are written once, at the commit; the store must equal the
    // one built a document at a time, and search must find what it finds there.
    let mut later = corpus().remove(1);
    later.events.remove(0);
    later.document.text.push_str(" Corrected.");
    let mut d4 = corpus().remove(3);
    d4.events.clear();
    let items = corpus();
    let batches: Vec<Vec<IngestItem>> = vec![
        items[..2].to_vec(),
        items[2..4].to_vec(),
        vec![items[4].clone(), later.clone()],
        vec![d4.clone()],
    ];
    let mut grouped = Store::open_in_memory().expect("store");
    let mut writing = grouped.begin_writing().expect("begin");
    let mut replaced = 0;
    for batch in &batches {
        let prepared: Vec<Prepared<'_>> = batch
            .iter()
            .map(|item| Prepared::new(item).expect("prepared"))
            .collect();
        replaced += writing.write(&prepared).expect("write").documents_replaced;
    }
    assert_eq!(writing.documents(), 7);
    writing.commit().expect("commit");
    assert_eq!(replaced, 2);
    grouped.integrity_check().expect("integrity");

    let mut one_by_one = loaded();
    for it in [&later, &d4] {
        one_by_one
            .ingest(&it.document, &it.events, it.knowledge.as_ref())
            .expect("replace");
    }
    assert_eq!(
        grouped.canonical_dump().expect("dump"),
        one_by_one.canonical_dump().expect("dump")
    );
    let e1 = find(&grouped, "CHN", "RUS", "051");
    assert_eq!(
        (e1.num_mentions, e1.num_articles, e1.num_sources),
        (3, 2, 1)
    );
    let stats = grouped.stats().expect("stats");
    assert_eq!((stats.documents, stats.events, stats.mentions), (5, 6, 8));
    let found = |store: &Store, text: &str| -> Vec<(String, String, String)> {
        let page = store
            .search_events(&EventQuery {
                text: Some(text.to_string()),
                ..Default::default()
            })
            .expect("search");
        page.events
            .into_iter()
            .map(|e| (e.source, e.target, e.code))
            .collect()
    };
    for text in ["acted", "chn", "rus", "rusgov", "usa"] {
        assert_eq!(found(&grouped, text), found(&one_by_one, text), "{text}");
    }
    // d4's event went with d4's new version; E1's mentions left are d1's and d5's.
    assert!(found(&grouped, "rusgov").is_empty());
    assert_eq!(found(&grouped, "acted").len(), 6);
}

#[test]
fn a_transaction_dropped_before_its_commit_leaves_nothing() {
    let mut store = loaded();
    let before = store.canonical_dump().expect("dump");
    let mut d4 = corpus().remove(3);
    d4.events.clear();
    let fresh = item(
        "d9",
        "2021-05-01",
        Some("Wire C"),
        vec![ev("d9", 0, "2021-05-01", "USA", "CHN", "111")],
    );
    {
        let mut writing = store.begin_writing().expect("begin");
        for it in [&d4, &fresh] {
            let prepared = [Prepared::new(it).expect("prepared")];
            writing.write(&prepared).expect("write");
        }
    }
    store.integrity_check().expect("integrity");
    assert_eq!(store.canonical_dump().expect("dump"), before);
    // The connection is usable again, foreign keys checked as before.
    let on: i64 = store
        .connection()
        .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
        .expect("pragma");
    assert_eq!(on, 1);
    let summary = store
        .ingest_batch(std::slice::from_ref(&fresh))
        .expect("ingest");
    assert_eq!(summary.documents_new, 1);
}

#[test]
fn the_same_document_twice_in_one_batch_is_the_later_version() {
    // d2, then d2 without its report of E1: as if ingested one after the other.
    let mut later = corpus().remove(1);
    later.events.remove(0);
    later.document.text.push_str(" Corrected.");
    let mut items = corpus();
    items.push(later.clone());
    let mut batch = Store::open_in_memory().expect("store");
    let summary = batch.ingest_batch(&items).expect("batch");
    assert_eq!((summary.documents_new, summary.documents_replaced), (5, 1));
    batch.integrity_check().expect("integrity");
    let mut one_by_one = loaded();
    one_by_one
        .ingest(&later.document, &later.events, later.knowledge.as_ref())
        .expect("replace");
    assert_eq!(
        batch.canonical_dump().expect("dump"),
        one_by_one.canonical_dump().expect("dump")
    );
    let e1 = find(&batch, "CHN", "RUS", "051");
    assert_eq!(
        (e1.num_mentions, e1.num_articles, e1.num_sources),
        (3, 2, 1)
    );
}

#[test]
fn a_new_version_of_a_document_replaces_the_old_one() {
    let mut store = loaded();
    // d2 again, now without its report of E1 and with a changed text.
    let mut d2 = item(
        "d2",
        "2021-01-20",
        Some("Wire B"),
        vec![ev("d2", 1, "2021-01-20", "RUS", "CHN", "111")],
    );
    d2.document.text.push_str(" Corrected.");
    let outcome = store
        .ingest(&d2.document, &d2.events, d2.knowledge.as_ref())
        .expect("replace");
    assert_eq!(outcome, IngestOutcome::Replaced);
    store.integrity_check().expect("integrity");
    let e1 = find(&store, "CHN", "RUS", "051");
    // d1 (twice) and d5 remain, both Wire A.
    assert_eq!(
        (e1.num_mentions, e1.num_articles, e1.num_sources),
        (3, 2, 1)
    );
    // d4 again with no events: its only event loses its only mention and disappears.
    let mut d4 = corpus().remove(3);
    d4.events.clear();
    let outcome = store
        .ingest(&d4.document, &d4.events, None)
        .expect("replace d4");
    assert_eq!(outcome, IngestOutcome::Replaced);
    let stats = store.stats().expect("stats");
    assert_eq!((stats.documents, stats.events, stats.mentions), (5, 6, 8));
    assert_eq!(stats.knowledge, 4);
    store.integrity_check().expect("integrity");
}

#[test]
fn events_of_another_document_are_refused_and_nothing_is_written() {
    let mut store = Store::open_in_memory().expect("store");
    let mut it = corpus().remove(0);
    it.events
        .push(ev("other", 0, "2021-01-05", "USA", "CHN", "051"));
    let err = store
        .ingest(&it.document, &it.events, None)
        .expect_err("mismatch");
    assert!(matches!(err, StoreError::DocumentMismatch { .. }));
    assert_eq!(store.stats().expect("stats").documents, 0);
    // A failing batch writes none of its documents.
    let mut items = corpus();
    items[2]
        .events
        .push(ev("d9", 0, "2021-01-05", "USA", "CHN", "051"));
    assert!(store.ingest_batch(&items).is_err());
    assert_eq!(store.stats().expect("stats").documents, 0);
}

#[test]
fn directed_series_by_month() {
    let store = loaded();
    let s = store
        .dyad_series(&DyadQuery::new("chn", "RUS", Granularity::Month))
        .expect("series");
    let labels: Vec<&str> = s.buckets.iter().map(|b| b.label.as_str()).collect();
    assert_eq!(labels, ["2021-01", "2021-02"]);
    // January: E1 (051, 4 mentions) and E2 (CHNGOV, 057, 1 mention).
    let jan = &s.buckets[0];
    assert_eq!((jan.events, jan.mentions), (2, 5));
    assert_eq!(jan.quad_counts, [0, 2, 0, 0, 0]);
    assert_eq!((jan.cooperation, jan.conflict), (2, 0));
    assert!((jan.goldstein_sum - 11.4).abs() < 1e-9);
    assert!((jan.goldstein_mean.expect("mean") - 5.7).abs() < 1e-9);
    assert_eq!(jan.root_counts.get("05"), Some(&2));
    let top: Vec<(&str, u64)> = jan
        .top_codes
        .iter()
        .map(|c| (c.code.as_str(), c.count))
        .collect();
    assert_eq!(top, [("051", 1), ("057", 1)]);
    assert_eq!(jan.top_codes[0].name, "Praise or endorse");
    // February: E6 (CHNMIL→RUSMIL 061) only; E5 goes to USA.
    let feb = &s.buckets[1];
    assert_eq!(feb.events, 1);
    assert_eq!(feb.quad_counts, [0, 0, 1, 0, 0]);
    assert!((feb.goldstein_sum - 6.4).abs() < 1e-9);
    assert_eq!(s.total.events, 3);
    assert!((s.total.goldstein_sum - 17.8).abs() < 1e-9);
}

#[test]
fn undirected_series_fills_empty_months() {
    let store = loaded();
    let mut q = DyadQuery::new("CHN", "RUS", Granularity::Month);
    q.undirected = true;
    let s = store.dyad_series(&q).expect("series");
    let rows: Vec<(&str, u64, [u64; 5])> = s
        .buckets
        .iter()
        .map(|b| (b.label.as_str(), b.events, b.quad_counts))
        .collect();
    assert_eq!(
        rows,
        [
            ("2021-01", 3, [0, 2, 0, 1, 0]),
            ("2021-02", 2, [0, 0, 1, 1, 0]),
            ("2021-03", 0, [0, 0, 0, 0, 0]),
            ("2021-04", 1, [0, 1, 0, 0, 0]),
        ]
    );
    // January: 3.4 + 8.0 - 2.0 = 9.4 over 3 events.
    assert!((s.buckets[0].goldstein_sum - 9.4).abs() < 1e-9);
    assert!((s.buckets[0].goldstein_mean.expect("mean") - 9.4 / 3.0).abs() < 1e-9);
    assert_eq!(s.buckets[2].goldstein_mean, None);
    assert_eq!(s.total.events, 6);
}

#[test]
fn prefix_matching_narrows_with_longer_codes() {
    let store = loaded();
    let s = store
        .dyad_series(&DyadQuery::new("RUSGOV", "CHN", Granularity::Day))
        .expect("series");
    assert_eq!(s.buckets.len(), 1);
    assert_eq!(s.buckets[0].label, "2021-04-02");
    assert_eq!(s.total.events, 1);
    // Prefixes shorter than a country code are a range of country parts; the answers agree.
    for (a, b) in [("CH", "RU"), ("CHN", "R"), ("C", "RUS")] {
        let mut q = DyadQuery::new(a, b, Granularity::Month);
        q.undirected = true;
        let s = store.dyad_series(&q).expect("series");
        assert_eq!(s.total.events, 6, "{a} {b}");
    }
    let none = store
        .dyad_series(&DyadQuery::new("USA", "CHN", Granularity::Day))
        .expect("series");
    assert!(none.buckets.is_empty());
    assert_eq!(none.total.events, 0);
}

#[test]
fn weekly_series_and_date_bounds() {
    let store = loaded();
    let mut q = DyadQuery::new("RUS", "CHN", Granularity::Week);
    q.from = Some(day("2021-01-01"));
    q.to = Some(day("2021-01-31"));
    let s = store.dyad_series(&q).expect("series");
    // Weeks from the one holding Jan 1 (2020-W53) to the one holding Jan 31 (2021-W04);
    // only E3 (2021-01-20, W03) falls inside.
    let labels: Vec<&str> = s.buckets.iter().map(|b| b.label.as_str()).collect();
    assert_eq!(
        labels,
        ["2020-W53", "2021-W01", "2021-W02", "2021-W03", "2021-W04"]
    );
    let counts: Vec<u64> = s.buckets.iter().map(|b| b.events).collect();
    assert_eq!(counts, [0, 0, 0, 1, 0]);
    // Two centuries by day is refused, not allocated.
    let mut wide = DyadQuery::new("RUS", "CHN", Granularity::Day);
    wide.from = Some(day("1900-01-01"));
    wide.to = Some(day("2100-01-01"));
    let err = store.dyad_series(&wide).expect_err("too many periods");
    assert!(err.to_string().contains("more than the 40000"), "{err}");
    wide.by = Granularity::Month;
    assert_eq!(
        store.dyad_series(&wide).expect("by month").buckets.len(),
        2401
    );
    q.from = Some(day("2021-02-01"));
    assert!(matches!(
        store.dyad_series(&q),
        Err(StoreError::InvalidQuery(_))
    ));
    assert!(
        store
            .dyad_series(&DyadQuery::new(" ", "CHN", Granularity::Day))
            .is_err()
    );
}

#[test]
fn two_dyads_side_by_side() {
    let store = loaded();
    let c = store
        .compare_dyads(
            &DyadQuery::new("CHN", "RUS", Granularity::Month),
            &DyadQuery::new("RUS", "CHN", Granularity::Month),
        )
        .expect("compare");
    let left: Vec<(&str, u64)> = c
        .left
        .buckets
        .iter()
        .map(|b| (b.label.as_str(), b.events))
        .collect();
    let right: Vec<(&str, u64)> = c
        .right
        .buckets
        .iter()
        .map(|b| (b.label.as_str(), b.events))
        .collect();
    assert_eq!(
        left,
        [
            ("2021-01", 2),
            ("2021-02", 1),
            ("2021-03", 0),
            ("2021-04", 0)
        ]
    );
    assert_eq!(
        right,
        [
            ("2021-01", 1),
            ("2021-02", 1),
            ("2021-03", 0),
            ("2021-04", 1)
        ]
    );
    // Date bounds widen both series alike.
    let mut bounded = DyadQuery::new("CHN", "RUS", Granularity::Month);
    bounded.from = Some(day("2020-12-15"));
    bounded.to = Some(day("2021-02-01"));
    let mut reverse = bounded.clone();
    reverse.a = "RUS".into();
    reverse.b = "CHN".into();
    let c = store.compare_dyads(&bounded, &reverse).expect("compare");
    let labels: Vec<&str> = c.right.buckets.iter().map(|b| b.label.as_str()).collect();
    assert_eq!(labels, ["2020-12", "2021-01", "2021-02"]);
    // E3 (2021-01-20) is inside; E4 (2021-02-10) is after `to`, so February is empty.
    assert_eq!(c.right.total.events, 1);
    assert_eq!(c.right.buckets[2].events, 0);
    assert!(
        store
            .compare_dyads(
                &DyadQuery::new("CHN", "RUS", Granularity::Month),
                &DyadQuery::new("RUS", "CHN", Granularity::Day),
            )
            .is_err()
    );
}

#[test]
fn search_filters_and_pages() {
    let store = loaded();
    let all = store.search_events(&EventQuery::default()).expect("all");
    assert_eq!(all.total, 7);
    // Newest first.
    assert_eq!(all.events[0].code, "036");
    let conflict = store
        .search_events(&EventQuery {
            code: Some("11".into()),
            ..EventQuery::default()
        })
        .expect("code");
    assert_eq!(conflict.total, 2);
    let actor = store
        .search_events(&EventQuery {
            actor: Some("USA".into()),
            ..EventQuery::default()
        })
        .expect("actor");
    assert_eq!(actor.total, 1);
    assert_eq!(actor.events[0].code, "190");
    let undirected = store
        .search_events(&EventQuery {
            source: Some("CHN".into()),
            target: Some("RUS".into()),
            undirected: true,
            from: Some(day("2021-01-01")),
            to: Some(day("2021-01-31")),
            ..EventQuery::default()
        })
        .expect("dyad");
    assert_eq!(undirected.total, 3);
    let text = store
        .search_events(&EventQuery {
            text: Some("on usa".into()),
            ..EventQuery::default()
        })
        .expect("text");
    assert_eq!(text.total, 1);
    let percent = store
        .search_events(&EventQuery {
            text: Some("%".into()),
            ..EventQuery::default()
        })
        .expect("text");
    assert_eq!(percent.total, 0, "% is literal, not a wildcard");
    let page = store
        .search_events(&EventQuery {
            limit: 3,
            offset: 6,
            ..EventQuery::default()
        })
        .expect("page");
    assert_eq!((page.total, page.events.len()), (7, 1));
}

#[test]
fn document_view_has_sentences_events_and_knowledge() {
    let store = loaded();
    let d1 = store.document("d1").expect("query").expect("d1 stored");
    assert_eq!(d1.sentences.len(), 3);
    for s in &d1.sentences {
        assert_eq!(
            s.span.and_then(|sp| sp.slice(&d1.text)),
            Some(s.text.as_str())
        );
    }
    let codes: Vec<(&str, usize)> = d1
        .events
        .iter()
        .map(|e| (e.code.as_str(), e.mentions.len()))
        .collect();
    // E1 has 4 mentions in all but 2 in d1; only d1's are listed here.
    assert_eq!(codes, [("051", 2), ("057", 1)]);
    assert_eq!(d1.events[0].num_mentions, 4);
    assert_eq!(
        d1.knowledge,
        Some(serde_json::json!({ "persons": ["person of d1"] }))
    );
    assert!(store.document("nope").expect("query").is_none());
    let actors = store.actors(3).expect("actors");
    let top: Vec<(&str, u64)> = actors.iter().map(|a| (a.code.as_str(), a.events)).collect();
    // CHN: E1, E5 as source, E3, E4 as target = 4; RUS: E3, E4 source, E1, E2 target = 4.
    assert_eq!(top, [("CHN", 4), ("RUS", 4), ("CHNGOV", 2)]);
}

#[test]
fn gdelt_export_has_61_columns_in_codebook_order() {
    let store = loaded();
    let mut out = Vec::new();
    let n = store.export(ExportFormat::Gdelt, &mut out).expect("export");
    let text = String::from_utf8(out).expect("utf-8");
    let rows: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(n, 7);
    assert_eq!(rows.len(), 7);
    for row in &rows {
        assert_eq!(row.len(), 61);
    }
    let col = |name: &str| {
        GDELT_EVENT_COLUMNS
            .iter()
            .position(|c| *c == name)
            .expect("column")
    };
    // Rows come by day, source, target, code: the first is CHN→RUS 051 on 2021-01-05.
    let r = &rows[0];
    assert_eq!(r[col("SQLDATE")], "20210105");
    assert_eq!(r[col("MonthYear")], "202101");
    assert_eq!(r[col("FractionDate")], "2021.0959"); // 2021 + 35/365
    assert_eq!(r[col("Actor1Code")], "CHN");
    assert_eq!(r[col("Actor1Name")], "CHN");
    assert_eq!(r[col("Actor1CountryCode")], "CHN");
    assert_eq!(r[col("Actor2Code")], "RUS");
    assert_eq!(r[col("IsRootEvent")], "1");
    assert_eq!(r[col("EventCode")], "051");
    assert_eq!(r[col("EventRootCode")], "05");
    assert_eq!(r[col("QuadClass")], "1");
    assert_eq!(r[col("GoldsteinScale")], "3.4");
    assert_eq!(r[col("NumMentions")], "4");
    assert_eq!(r[col("NumSources")], "2");
    assert_eq!(r[col("NumArticles")], "3");
    assert_eq!(r[col("DATEADDED")], "20210105000000");
    assert_eq!(r[col("SOURCEURL")], "https://example.org/d1");
    let r = &rows[1];
    assert_eq!(r[col("Actor1Code")], "CHNGOV");
    assert_eq!(r[col("Actor1Type1Code")], "GOV");
    assert_eq!(r[col("IsRootEvent")], "0");
}

#[test]
fn gdelt_columns_match_the_reference_header() {
    let Ok(reference) = std::env::var("DEMARCHE_REFERENCE") else {
        eprintln!("skipped: DEMARCHE_REFERENCE is not set");
        return;
    };
    let path = std::path::Path::new(&reference)
        .join("gdelt/GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let names: Vec<&str> = text
        .lines()
        .skip(1)
        .filter_map(|l| l.split(',').next())
        .filter(|n| !n.is_empty())
        .collect();
    assert_eq!(names, GDELT_EVENT_COLUMNS);
}

#[test]
fn phoenix_and_jsonl_exports() {
    let store = loaded();
    let mut out = Vec::new();
    store
        .export(ExportFormat::Phoenix, &mut out)
        .expect("phoenix");
    let text = String::from_utf8(out).expect("utf-8");
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some(PHOENIX_COLUMNS.join("\t").as_str()));
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), 7);
    assert!(rows.iter().all(|r| r.len() == PHOENIX_COLUMNS.len()));
    // E2 CHNGOV→RUS: entity CHN, role GOV.
    assert_eq!(&rows[1][5..8], ["CHNGOV", "CHN", "GOV"]);

    let mut out = Vec::new();
    store.export(ExportFormat::Jsonl, &mut out).expect("jsonl");
    let events: Vec<StoredEvent> = String::from_utf8(out)
        .expect("utf-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("a StoredEvent per line"))
        .collect();
    assert_eq!(events.len(), 7);
    for e in &events {
        assert_eq!(
            e.mentions.len() as u64,
            e.num_mentions,
            "all mentions exported"
        );
    }
}

#[test]
fn parquet_export_reads_back() {
    use parquet::file::reader::{FileReader, SerializedFileReader};
    use parquet::record::RowAccessor;
    let store = loaded();
    let mut out = Vec::new();
    let n = store
        .export(ExportFormat::Parquet, &mut out)
        .expect("parquet");
    assert_eq!(n, 7);
    let reader = SerializedFileReader::new(bytes::Bytes::from(out)).expect("a parquet file");
    assert_eq!(reader.metadata().file_metadata().num_rows(), 7);
    let rows: Vec<_> = reader
        .get_row_iter(None)
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("rows");
    // Export order: the first row is CHN→RUS 051 with 4 mentions.
    assert_eq!(rows[0].get_string(2).expect("source"), "CHN");
    assert_eq!(rows[0].get_string(4).expect("code"), "051");
    assert_eq!(rows[0].get_long(9).expect("num_mentions"), 4);
    assert_eq!(
        rows[0].get_string(16).expect("url"),
        "https://example.org/d1"
    );
}

/// A database as version 1 of the schema wrote it: its tables filled with SQL frozen here, not
/// by today's ingest code.
#[test]
fn a_version_1_database_opens_and_migrates() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("v1.db");
    {
        let v1 = Store::open_at_version(&path, 1).expect("v1");
        assert_eq!(v1.schema_version().expect("version"), 1);
        v1.connection()
            .execute_batch(
                "INSERT INTO documents VALUES ('old', 'h1', 'h2', 20200301, 'Old', 'Wire A', NULL, 'CHN praised RUS.');
                 INSERT INTO sentences VALUES ('old', 0, 'CHN praised RUS.', 0, 16);
                 INSERT INTO events VALUES (1, 'CHN', 'RUS', '051', 20200301, '05', 1, 3.4, 'SUPPORT', 1, 1, 1);
                 INSERT INTO mentions VALUES (1, 1, 'old', 0, 20200301, NULL, 'CHN', 'RUS', 'praised',
                     0, 3, 12, 15, 4, 11, '[{\"file\":\"verbs.txt\",\"line\":3}]');",
            )
            .expect("v1 rows");
    }
    assert!(matches!(
        Store::open_read_only(&path),
        Err(StoreError::NeedsMigration { found: 1, .. })
    ));
    let store = Store::open(&path).expect("migrate");
    assert_eq!(store.schema_version().expect("version"), SCHEMA_VERSION);
    let mode: String = store
        .connection()
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .expect("journal mode");
    assert_eq!(mode, "wal");
    store.integrity_check().expect("integrity");
    let s = store
        .dyad_series(&DyadQuery::new("CHN", "RUS", Granularity::Month))
        .expect("series");
    assert_eq!(s.buckets.len(), 1);
    assert_eq!(s.buckets[0].label, "2020-03");
    let doc = store.document("old").expect("query").expect("doc");
    assert_eq!(doc.events[0].mentions[0].verb_text, "praised");
    assert_eq!(doc.knowledge, None);
    drop(store);
    let ro = Store::open_read_only(&path).expect("read-only after migration");
    assert_eq!(ro.stats().expect("stats").events, 1);
}

#[test]
fn a_database_from_a_newer_build_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("future.db");
    {
        let store = Store::open(&path).expect("open");
        store
            .connection()
            .execute_batch("PRAGMA user_version = 99")
            .expect("bump");
    }
    let err = Store::open(&path).expect_err("too new");
    assert!(matches!(err, StoreError::TooNew { found: 99, .. }));
    assert!(err.to_string().contains("future.db"));
}
