//! Full-text search through the index (`events_fts`): that it is the index that answers, that
//! re-ingest keeps it exact, what a search text means, and that every way the search can take
//! (chosen by counts) gives the same events as a plain scan of the sentences.

use demarche_model::{Date, Document, Event, Evidence, Span};
use demarche_store::synthetic::{SyntheticSpec, corpus, word};
use demarche_store::{EventQuery, IngestItem, IngestOutcome, Store};
use std::collections::{BTreeMap, BTreeSet};

fn day(s: &str) -> Date {
    demarche_model::parse_date(s).expect("test date")
}

/// An event whose sentence is `text`, with `source` at its start.
fn ev(doc: &str, sentence: usize, date: &str, source: &str, code: &str, text: &str) -> Event {
    Event {
        doc_id: doc.to_string(),
        sentence,
        date: day(date),
        event_date: None,
        source: source.to_string(),
        target: "RUS".to_string(),
        code: code.to_string(),
        root: String::new(),
        quad_class: 0,
        goldstein: 0.0,
        plover: None,
        source_text: source.to_string(),
        target_text: "Russia".to_string(),
        verb_text: "x".to_string(),
        action_geo: None,
        geo_source: None,
        evidence: Evidence {
            source_span: Some(Span::new(0, 1)),
            ..Evidence::default()
        },
        sentence_text: text.to_string(),
    }
    .with_cameo_facts()
}

fn item(id: &str, date: &str, events: Vec<Event>) -> IngestItem {
    let text = events
        .iter()
        .map(|e| e.sentence_text.clone())
        .collect::<Vec<_>>()
        .join(" ");
    IngestItem {
        document: Document {
            id: id.to_string(),
            date: Some(day(date)),
            text,
            ..Document::default()
        },
        events,
        knowledge: None,
    }
}

fn search(store: &Store, text: &str) -> (u64, Vec<String>) {
    let page = store
        .search_events(&EventQuery {
            text: Some(text.to_string()),
            ..EventQuery::default()
        })
        .expect("search");
    let codes = page.events.iter().map(|e| e.code.clone()).collect();
    (page.total, codes)
}

fn fts_rows(store: &Store) -> i64 {
    store
        .connection()
        .query_row("SELECT count(*) FROM events_fts", [], |r| r.get(0))
        .expect("count")
}

/// Two documents, five mentions of four events (b's second mention is a's first event).
fn batch() -> Vec<IngestItem> {
    vec![
        item(
            "a",
            "2021-03-01",
            vec![
                ev(
                    "a",
                    0,
                    "2021-03-01",
                    "CHN",
                    "051",
                    "China praised Russia on Monday.",
                ),
                ev(
                    "a",
                    1,
                    "2021-03-01",
                    "CHN",
                    "190",
                    "Sabotage of the pipeline was alleged.",
                ),
            ],
        ),
        item(
            "b",
            "2021-04-01",
            vec![
                ev(
                    "b",
                    0,
                    "2021-04-01",
                    "USA",
                    "112",
                    "Washington accused Moscow of sabotage.",
                ),
                {
                    let mut e = ev(
                        "b",
                        1,
                        "2021-04-01",
                        "CHN",
                        "051",
                        "Beijing later praised Moscow.",
                    );
                    e.event_date = Some(day("2021-03-01"));
                    e
                },
                ev(
                    "b",
                    2,
                    "2021-04-01",
                    "USA",
                    "036",
                    "Zürich talks on Monday.",
                ),
            ],
        ),
    ]
}

fn small() -> Store {
    let mut store = Store::open_in_memory().expect("store");
    store.ingest_batch(&batch()).expect("ingest");
    store.integrity_check().expect("integrity");
    store
}

#[test]
fn text_search_finds_words_phrases_and_prefixes_newest_first() {
    let store = small();
    // Two events mention sabotage; the newest comes first.
    assert_eq!(
        search(&store, "SABOTAGE"),
        (2, vec!["112".into(), "190".into()])
    );
    // A prefix of three letters or more stands for the words it begins.
    assert_eq!(search(&store, "sabot").0, 2);
    assert_eq!(search(&store, "prais").0, 1);
    // Words form a phrase within one sentence: in order, adjacent.
    assert_eq!(search(&store, "praised russia").0, 1);
    assert_eq!(search(&store, "russia praised").0, 0);
    // The event's two sentences are one row of the index, but a phrase cannot run from the
    // end of one into the next ("... on Monday." + "Beijing later ...").
    assert_eq!(search(&store, "monday beijing").0, 0);
    assert_eq!(search(&store, "later praised moscow").0, 1);
    // Case and diacritics are folded.
    assert_eq!(search(&store, "zurich").0, 1);
    assert_eq!(search(&store, "ZÜRICH").0, 1);
    // No word, no match; query syntax is only text.
    assert_eq!(search(&store, "%").0, 0);
    assert_eq!(search(&store, "\"").0, 0);
    assert_eq!(search(&store, "sabotage OR praised").0, 0);
    assert_eq!(search(&store, "sabot*").0, 2);
    assert_eq!(search(&store, "qqqq").0, 0);
}

#[test]
fn search_is_served_by_the_index() {
    let store = small();
    let sql = "EXPLAIN QUERY PLAN SELECT rowid FROM events_fts WHERE events_fts MATCH ?1 \
               AND rowid BETWEEN ?2 AND ?3 ORDER BY rowid DESC LIMIT 25";
    let plan: Vec<String> = {
        let mut stmt = store.connection().prepare(sql).expect("plan");
        stmt.query_map(rusqlite::params!["\"sabotage\"", i64::MIN, i64::MAX], |r| {
            r.get::<_, String>(3)
        })
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("plan rows")
    };
    assert!(
        plan.iter().any(|l| l.contains("events_fts VIRTUAL TABLE")),
        "{plan:?}"
    );
    assert!(!plan.iter().any(|l| l.contains("TEMP B-TREE")), "{plan:?}");
    // The answer comes from the index, not from the stored sentences: change the sentences
    // behind its back and the search still finds what was indexed...
    store
        .connection()
        .execute_batch("UPDATE sentences SET text = 'nothing to see'")
        .expect("update");
    assert_eq!(search(&store, "sabotage").0, 2);
    assert_eq!(search(&store, "nothing").0, 0);
    // ...and take a row out of the index and the search no longer finds its event.
    let key: i64 = store
        .connection()
        .query_row(
            "SELECT (day << 32) + id FROM events WHERE code = '112'",
            [],
            |r| r.get(0),
        )
        .expect("key");
    store
        .connection()
        .execute("DELETE FROM events_fts WHERE rowid = ?1", [key])
        .expect("delete");
    assert_eq!(search(&store, "sabotage"), (1, vec!["190".into()]));
}

#[test]
fn reingest_keeps_one_index_row_per_event() {
    let mut store = small();
    let rows = fts_rows(&store);
    assert_eq!(rows, 4, "five mentions of four events");
    // The same documents again: unchanged, nothing written.
    let summary = store.ingest_batch(&batch()).expect("again");
    assert_eq!(summary.documents_unchanged, 2);
    assert_eq!(fts_rows(&store), rows);
    // A new version of b: its sentences change, so do the index rows of its events (and of
    // the event it shares with a, which keeps a's sentence).
    let b2 = item(
        "b",
        "2021-04-01",
        vec![
            ev(
                "b",
                0,
                "2021-04-01",
                "USA",
                "112",
                "Washington blamed Moscow for the blast.",
            ),
            {
                let mut e = ev(
                    "b",
                    1,
                    "2021-04-01",
                    "CHN",
                    "051",
                    "Beijing applauded Moscow.",
                );
                e.event_date = Some(day("2021-03-01"));
                e
            },
        ],
    );
    let outcome = store
        .ingest(&b2.document, &b2.events, None)
        .expect("replace");
    assert_eq!(outcome, IngestOutcome::Replaced);
    store.integrity_check().expect("integrity");
    assert_eq!(fts_rows(&store), 3, "036 had only b's mention and is gone");
    assert_eq!(search(&store, "sabotage"), (1, vec!["190".into()]));
    assert_eq!(search(&store, "blast").0, 1);
    assert_eq!(search(&store, "zurich").0, 0);
    assert_eq!(search(&store, "later").0, 0);
    // The shared event now has a's sentence and b's new one.
    assert_eq!(search(&store, "praised russia").0, 1);
    assert_eq!(search(&store, "applauded").0, 1);
    // Replaced once more with the same content: nothing changes.
    store.ingest(&b2.document, &b2.events, None).expect("same");
    assert_eq!(fts_rows(&store), 3);
}

/// The words of a sentence as the index folds them (the generated text is lower-case ASCII
/// words, actor codes and CAMEO codes).
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

#[test]
fn every_way_of_searching_agrees_with_a_scan_of_the_sentences() {
    let mut store = Store::open_in_memory().expect("store");
    let mut spec = SyntheticSpec::new(3000, 3).with_prose(12);
    spec.days = 400;
    let items: Vec<IngestItem> = corpus(spec).collect();
    for chunk in items.chunks(500) {
        store.ingest_batch(chunk).expect("ingest");
    }
    store.integrity_check().expect("integrity");
    // Reference: per event, its day and the words of each of its sentences.
    let mut sentences: BTreeMap<i64, (i64, Vec<Vec<String>>)> = BTreeMap::new();
    {
        let mut stmt = store
            .connection()
            .prepare(
                "SELECT e.id, e.day, s.text FROM events e JOIN mentions m ON m.event_id = e.id \
                 JOIN sentences s ON s.doc_id = m.doc_id AND s.idx = m.sentence",
            )
            .expect("reference");
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })
            .expect("rows");
        for row in rows {
            let (id, d, text) = row.expect("row");
            sentences
                .entry(id)
                .or_insert((d, Vec::new()))
                .1
                .push(words(&text));
        }
    }
    // Every event's actors, code and day, for applying the filters by hand.
    let events: BTreeMap<i64, (String, String, String, i64)> = {
        let mut stmt = store
            .connection()
            .prepare("SELECT id, source, target, code, day FROM events")
            .expect("events");
        stmt.query_map([], |r| {
            Ok((r.get(0)?, (r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))
        })
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("events")
    };
    let passes = |q: &EventQuery, (source, target, code, d): &(String, String, String, i64)| {
        let starts =
            |s: &str, p: &Option<String>| p.as_ref().is_none_or(|p| s.starts_with(p.as_str()));
        let dyad = if q.undirected {
            (starts(source, &q.source) && starts(target, &q.target))
                || (starts(source, &q.target) && starts(target, &q.source))
        } else {
            starts(source, &q.source) && starts(target, &q.target)
        };
        let actor = q
            .actor
            .as_ref()
            .is_none_or(|a| source.starts_with(a.as_str()) || target.starts_with(a.as_str()));
        let number = |date: Option<Date>| {
            date.map(|x| x.format("%Y%m%d").to_string().parse::<i64>().expect("day"))
        };
        let dates = number(q.from).is_none_or(|f| *d >= f) && number(q.to).is_none_or(|t| *d <= t);
        dyad && actor && starts(code, &q.code) && dates
    };
    // A phrase of `query` words matches a sentence when they appear in order, adjacent, the
    // last one as a prefix.
    let phrase_in = |query: &[String], sentence: &[String]| -> bool {
        sentence.windows(query.len()).any(|w| {
            w.iter().zip(query).enumerate().all(|(i, (have, want))| {
                if i + 1 == query.len() && want.chars().count() >= 3 {
                    have.starts_with(want.as_str())
                } else {
                    have == want
                }
            })
        })
    };
    let texts = [
        word(0),
        word(1),
        word(7),
        word(300),
        word(9000),
        format!("{} {}", word(0), word(1)),
        word(0)[..4].to_string(),
        word(0)[..3].to_string(),
        "did".to_string(),
        "to usa".to_string(),
    ];
    let filters: Vec<(&str, EventQuery)> = vec![
        ("none", EventQuery::default()),
        (
            "dyad undirected, a month",
            EventQuery {
                source: Some("USA".into()),
                target: Some("CHN".into()),
                undirected: true,
                from: Some(day("2015-03-01")),
                to: Some(day("2015-03-31")),
                ..EventQuery::default()
            },
        ),
        (
            "actor",
            EventQuery {
                actor: Some("RUS".into()),
                ..EventQuery::default()
            },
        ),
        (
            "root",
            EventQuery {
                code: Some("19".into()),
                ..EventQuery::default()
            },
        ),
        (
            "dates",
            EventQuery {
                from: Some(day("2015-02-01")),
                to: Some(day("2015-06-30")),
                ..EventQuery::default()
            },
        ),
    ];
    let mut ways_with_matches = BTreeSet::new();
    for text in &texts {
        let query_words = words(text);
        for (name, base) in &filters {
            let selected: BTreeSet<i64> = events
                .iter()
                .filter(|(_, e)| passes(base, e))
                .map(|(id, _)| *id)
                .collect();
            // Without text: the filters alone, newest first.
            let mut by_filters: Vec<(i64, i64)> =
                selected.iter().map(|id| (events[id].3, *id)).collect();
            by_filters.sort_by(|a, b| b.cmp(a));
            for (offset, limit) in [(0, 25), (30, 10)] {
                let page = store
                    .search_events(&EventQuery {
                        limit,
                        offset,
                        mentions_per_event: 0,
                        ..base.clone()
                    })
                    .expect("filters");
                let want: Vec<i64> = by_filters
                    .iter()
                    .skip(offset)
                    .take(limit)
                    .map(|p| p.1)
                    .collect();
                let got: Vec<i64> = page.events.iter().map(|e| e.id).collect();
                assert_eq!(page.total, by_filters.len() as u64, "total with {name}");
                assert_eq!(got, want, "page {offset}+{limit} with {name}");
            }
            let mut expected: Vec<(i64, i64)> = sentences
                .iter()
                .filter(|(id, (_, texts))| {
                    selected.contains(id) && texts.iter().any(|s| phrase_in(&query_words, s))
                })
                .map(|(id, (d, _))| (*d, *id))
                .collect();
            expected.sort_by(|a, b| b.cmp(a));
            for (offset, limit) in [(0, 25), (3, 7), (40, 10)] {
                let page = store
                    .search_events(&EventQuery {
                        text: Some(text.clone()),
                        limit,
                        offset,
                        mentions_per_event: 0,
                        ..base.clone()
                    })
                    .expect("search");
                let want: Vec<i64> = expected
                    .iter()
                    .skip(offset)
                    .take(limit)
                    .map(|p| p.1)
                    .collect();
                let got: Vec<i64> = page.events.iter().map(|e| e.id).collect();
                assert_eq!(
                    page.total,
                    expected.len() as u64,
                    "total of {text:?} with {name}"
                );
                assert_eq!(got, want, "page {offset}+{limit} of {text:?} with {name}");
            }
            if !expected.is_empty() {
                ways_with_matches.insert(*name);
            }
        }
    }
    assert_eq!(
        ways_with_matches.len(),
        filters.len(),
        "{ways_with_matches:?}"
    );
}

/// Segments of the full-text index: FTS5 stores segment `s`'s pages in `events_fts_data`
/// under ids `s << 37` and up (segment ids 1 to 65535; tombstone pages have higher ones).
fn fts_segments(store: &Store) -> i64 {
    store
        .connection()
        .query_row(
            "SELECT count(DISTINCT id >> 37) FROM events_fts_data WHERE id >> 37 BETWEEN 1 AND 65535",
            [],
            |r| r.get(0),
        )
        .expect("segments")
}

#[test]
fn a_batch_goes_into_the_index_as_one_segment_whatever_its_days() {
    // Forty documents whose days run backwards, two events each, one of them shared by every
    // document of the same month: the events' keys (day first) come in no order at all.
    let items: Vec<IngestItem> = (0..40)
        .map(|i| {
            let date = format!("2021-{:02}-{:02}", 12 - i % 12, 28 - i % 27);
            let id = format!("d{i}");
            let month = format!("2021-{:02}-01", 12 - i % 12);
            let mut shared = ev(
                &id,
                1,
                &date,
                "CHN",
                "051",
                &format!("Beijing praised Moscow {i}."),
            );
            shared.event_date = Some(day(&month));
            item(
                &id,
                &date,
                vec![
                    ev(
                        &id,
                        0,
                        &date,
                        "USA",
                        "112",
                        &format!("Washington accused Moscow {i}."),
                    ),
                    shared,
                ],
            )
        })
        .collect();
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(dir.path().join("segments.db")).expect("open");
    store.ingest_batch(&items).expect("ingest");
    store.integrity_check().expect("integrity");
    assert_eq!(fts_segments(&store), 1);
    assert_eq!(search(&store, "accused moscow").0, 40);
    assert_eq!(search(&store, "praised").0, 12);
    // A second batch adds mentions to stored events (their rows are deleted and written
    // again) and new events, in the same mixed order: one more segment at most, and every
    // search exact.
    let more: Vec<IngestItem> = (40..60)
        .map(|i| {
            let date = format!("2021-{:02}-{:02}", 12 - i % 12, 28 - i % 27);
            let id = format!("d{i}");
            let mut shared = ev(
                &id,
                0,
                &date,
                "CHN",
                "051",
                &format!("Beijing lauded Moscow {i}."),
            );
            shared.event_date = Some(day(&format!("2021-{:02}-01", 12 - i % 12)));
            item(&id, &date, vec![shared])
        })
        .collect();
    store.ingest_batch(&more).expect("ingest more");
    store.integrity_check().expect("integrity");
    assert!(
        fts_segments(&store) <= 2,
        "{} segments",
        fts_segments(&store)
    );
    assert_eq!(search(&store, "praised").0, 12);
    assert_eq!(search(&store, "lauded").0, 12);
    assert_eq!(search(&store, "moscow 45").0, 1);
}

/// Every page of the full-text index, in order, as text.
fn index_pages(store: &Store) -> String {
    store
        .connection()
        .query_row(
            "SELECT group_concat(id || ':' || hex(block), ',') FROM \
             (SELECT id, block FROM events_fts_data ORDER BY id)",
            [],
            |r| r.get(0),
        )
        .expect("pages")
}

#[test]
fn a_sentence_reported_again_leaves_the_index_row_of_its_event_as_it_is() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(dir.path().join("again.db")).expect("open");
    let copy = |id: &str, outlet: &str, text: &str| {
        let mut it = item(
            id,
            "2021-11-20",
            vec![ev(id, 0, "2021-11-20", "CHN", "051", text)],
        );
        it.document.source = Some(outlet.to_string());
        it
    };
    store
        .ingest_batch(&[copy("w1", "North", "Beijing praised Moscow.")])
        .expect("first");
    let before = index_pages(&store);
    // Another outlet's copy of the story, in a transaction of its own: the same event from the
    // same sentence. The event is counted again; its index row is not written again.
    store
        .ingest_batch(&[copy("w2", "South", "Beijing praised Moscow.")])
        .expect("copy");
    store.integrity_check().expect("integrity");
    assert_eq!(index_pages(&store), before);
    assert_eq!(search(&store, "praised moscow").0, 1);
    let counts: (i64, i64) = store
        .connection()
        .query_row("SELECT num_mentions, num_sources FROM events", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .expect("counts");
    assert_eq!(counts, (2, 2));
    // A copy that words it its own way brings a sentence: the row is written again and finds it.
    store
        .ingest_batch(&[copy("w3", "East", "Beijing lauded Moscow.")])
        .expect("reworded");
    store.integrity_check().expect("integrity");
    assert_ne!(index_pages(&store), before);
    assert_eq!(search(&store, "lauded").0, 1);
    assert_eq!(search(&store, "praised").0, 1);
    // Replacing that copy by one with the first wording removes its mention: the row loses
    // the sentence.
    store
        .ingest_batch(&[copy("w3", "East", "Beijing praised Moscow.")])
        .expect("replaced");
    store.integrity_check().expect("integrity");
    assert_eq!(search(&store, "lauded").0, 0);
    assert_eq!(search(&store, "praised").0, 1);
}
