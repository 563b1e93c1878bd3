//! Store benchmarks: ingest throughput (documents per second, file-backed store in WAL mode)
//! and dyad-series latency on a store of 1,000,000 generated events.
//!
//! `cargo bench -p demarche-store` builds the large store once in a temporary directory (its
//! build time and documents/s are printed), then measures queries on it. Set
//! `DEMARCHE_BENCH_EVENTS` to use another size (for example 100000 for a quick run).

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use demarche_store::synthetic::{SyntheticSpec, corpus};
use demarche_store::{DyadQuery, EventQuery, Granularity, IngestItem, Store};
use std::hint::black_box;
use std::time::Instant;

const EVENTS_PER_DOCUMENT: usize = 5;

fn ingest(c: &mut Criterion) {
    let items: Vec<IngestItem> = corpus(SyntheticSpec::new(1000, EVENTS_PER_DOCUMENT)).collect();
    let mut group = c.benchmark_group("ingest");
    group.sample_size(10);
    group.throughput(Throughput::Elements(items.len() as u64));
    group.bench_function("1000_documents_x5_events_batches_of_100", |b| {
        b.iter_batched(
            || tempfile::tempdir().expect("temp dir"),
            |dir| {
                let mut store = Store::open(dir.path().join("bench.db")).expect("open");
                for chunk in items.chunks(100) {
                    store.ingest_batch(chunk).expect("ingest");
                }
                dir
            },
            BatchSize::PerIteration,
        )
    });
    group.bench_function("1000_documents_x5_events_one_transaction_each", |b| {
        b.iter_batched(
            || tempfile::tempdir().expect("temp dir"),
            |dir| {
                let mut store = Store::open(dir.path().join("bench.db")).expect("open");
                for it in &items {
                    store
                        .ingest(&it.document, &it.events, it.knowledge.as_ref())
                        .expect("ingest");
                }
                dir
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

fn queries(c: &mut Criterion) {
    let events: usize = std::env::var("DEMARCHE_BENCH_EVENTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let documents = events / EVENTS_PER_DOCUMENT;
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("large.db");
    let mut store = Store::open(&path).expect("open");
    let started = Instant::now();
    let mut batch = Vec::with_capacity(1000);
    for item in corpus(SyntheticSpec::new(documents, EVENTS_PER_DOCUMENT)) {
        batch.push(item);
        if batch.len() == 1000 {
            store.ingest_batch(&batch).expect("ingest");
            batch.clear();
        }
    }
    store.ingest_batch(&batch).expect("ingest");
    let seconds = started.elapsed().as_secs_f64();
    let stats = store.stats().expect("stats");
    eprintln!(
        "built a store of {} documents, {} events, {} mentions in {seconds:.1} s: {:.0} documents/s, {:.0} events/s",
        stats.documents,
        stats.events,
        stats.mentions,
        stats.documents as f64 / seconds,
        stats.mentions as f64 / seconds
    );

    let mut group = c.benchmark_group(format!("dyad_series_{events}_events"));
    let cases = [
        (
            "CHN_RUS_month",
            DyadQuery::new("CHN", "RUS", Granularity::Month),
            false,
        ),
        (
            "CHN_RUS_month_undirected",
            DyadQuery::new("CHN", "RUS", Granularity::Month),
            true,
        ),
        (
            "USA_CHN_day",
            DyadQuery::new("USA", "CHN", Granularity::Day),
            false,
        ),
        (
            "USA_CHN_week_undirected",
            DyadQuery::new("USA", "CHN", Granularity::Week),
            true,
        ),
        (
            "RUSGOV_UKR_month",
            DyadQuery::new("RUSGOV", "UKR", Granularity::Month),
            false,
        ),
    ];
    for (name, mut q, undirected) in cases {
        q.undirected = undirected;
        let series = store.dyad_series(&q).expect("series");
        eprintln!(
            "{name}: {} events in {} buckets",
            series.total.events,
            series.buckets.len()
        );
        group.bench_function(name, |b| {
            b.iter(|| store.dyad_series(black_box(&q)).expect("series"))
        });
    }
    group.finish();

    let mut group = c.benchmark_group(format!("search_{events}_events"));
    let q = EventQuery {
        source: Some("CHN".into()),
        target: Some("RUS".into()),
        undirected: true,
        ..EventQuery::default()
    };
    group.bench_function("CHN_RUS_newest_50", |b| {
        b.iter(|| store.search_events(black_box(&q)).expect("search"))
    });
    group.finish();

    // The map's query, against the series of the same dyad (all periods, both directions) as
    // the baseline: the places look up each selected event's first mention with a place, so
    // the ratio of the two is the price of that per-event lookup. (Synthetic events have no
    // place, so this is the lookup's cost without the JSON of a place to read.)
    let mut group = c.benchmark_group(format!("places_{events}_events"));
    let mut series_q = DyadQuery::new("CHN", "RUS", Granularity::Month);
    series_q.undirected = true;
    let places = store.event_places(&q).expect("places");
    eprintln!(
        "CHN_RUS places: {} events, {} placed",
        places.events, places.placed
    );
    group.bench_function("CHN_RUS_series_month_undirected_baseline", |b| {
        b.iter(|| store.dyad_series(black_box(&series_q)).expect("series"))
    });
    group.bench_function("CHN_RUS_places_undirected", |b| {
        b.iter(|| store.event_places(black_box(&q)).expect("places"))
    });
    group.finish();
    drop(store);
    drop(dir);
}

criterion_group!(benches, ingest, queries);
criterion_main!(benches);
