//! A store written by the `demarche` binary at schema version 4 (tests/fixtures/README.md says
//! how it was made) opens with today's code: it is migrated on open, its full-text index is
//! filled from the stored sentences, and search, counts and actors answer as they should.

use demarche_store::{EventQuery, SCHEMA_VERSION, Store, StoreError};

fn fixture_copy() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("store.sqlite");
    let fixture =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/store-v4.sqlite");
    std::fs::copy(&fixture, &path).expect("copy the fixture");
    (dir, path)
}

fn search(store: &Store, text: &str) -> Vec<(String, String, String, String)> {
    let page = store
        .search_events(&EventQuery {
            text: Some(text.to_string()),
            ..EventQuery::default()
        })
        .expect("search");
    assert_eq!(page.total as usize, page.events.len());
    page.events
        .iter()
        .map(|e| {
            (
                e.source.clone(),
                e.target.clone(),
                e.code.clone(),
                e.date.to_string(),
            )
        })
        .collect()
}

#[test]
fn a_version_4_store_from_the_binary_is_migrated_on_open_and_searchable() {
    let (_dir, path) = fixture_copy();
    {
        let raw = rusqlite::Connection::open(&path).expect("raw open");
        let version: u32 = raw
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .expect("version");
        assert_eq!(version, 4, "the fixture is a version 4 store");
    }
    // A reader cannot migrate, and says so.
    assert!(matches!(
        Store::open_read_only(&path),
        Err(StoreError::NeedsMigration { found: 4, .. })
    ));
    let store = Store::open(&path).expect("open and migrate");
    assert_eq!(store.schema_version().expect("version"), SCHEMA_VERSION);
    store.integrity_check().expect("integrity after migration");
    let stats = store.stats().expect("stats");
    assert_eq!(
        (
            stats.documents,
            stats.sentences,
            stats.events,
            stats.mentions
        ),
        (6, 15, 21, 23),
        "the migration changes no content"
    );
    // The full-text index was filled from the stored sentences.
    assert_eq!(
        search(&store, "praised"),
        vec![
            (
                "CHNGOV".into(),
                "RUS".into(),
                "051".into(),
                "2022-02-04".into()
            ),
            (
                "CHN".into(),
                "RUS".into(),
                "051".into(),
                "2022-01-14".into()
            ),
        ]
    );
    assert_eq!(search(&store, "reliable partner").len(), 1);
    assert_eq!(search(&store, "sanction").len(), 1, "prefix of sanctions");
    assert_eq!(search(&store, "partner reliable").len(), 0);
    // The actor counts were filled too.
    let actors = store.actors(3).expect("actors");
    assert!(!actors.is_empty());
    assert!(actors.windows(2).all(|w| w[0].events >= w[1].events));
    drop(store);
    // After the migration a reader opens it, and ingest keeps the index going.
    let reader = Store::open_read_only(&path).expect("reader");
    assert_eq!(search(&reader, "praised").len(), 2);
    drop(reader);
    let mut store = Store::open(&path).expect("reopen");
    let doc = store
        .stored_document("cr-001")
        .expect("query")
        .expect("stored");
    let old = store.document("cr-001").expect("query").expect("view");
    let mut events: Vec<demarche_model::Event> = Vec::new();
    for e in &old.events {
        for m in &e.mentions {
            let mut text = m.sentence_text.clone();
            if text.contains("praised") {
                text = text.replace("praised", "commended");
            }
            events.push(demarche_model::Event {
                doc_id: doc.id.clone(),
                sentence: m.sentence,
                date: m.date,
                event_date: m.event_date,
                source: e.source.clone(),
                target: e.target.clone(),
                code: e.code.clone(),
                root: e.root.clone(),
                quad_class: e.quad_class,
                goldstein: e.goldstein,
                plover: e.plover.clone(),
                source_text: m.source_text.clone(),
                target_text: m.target_text.clone(),
                verb_text: m.verb_text.clone(),
                sentence_text: text,
                evidence: demarche_model::Evidence {
                    source_span: m.source_span,
                    target_span: m.target_span,
                    verb_span: m.verb_span,
                    rules: m.rules.clone(),
                    antecedents: Vec::new(),
                },
                action_geo: None,
                geo_source: None,
            });
        }
    }
    store.ingest(&doc, &events, None).expect("re-ingest");
    store.integrity_check().expect("integrity after re-ingest");
    assert_eq!(search(&store, "praised").len(), 1);
    assert_eq!(search(&store, "commended").len(), 1);
}
