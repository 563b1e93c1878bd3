//! Criterion benchmarks of the API in process (router, handler, store on the blocking pool,
//! JSON): a dyad series by month and a page of event search with highlighted mentions, on a
//! generated store of 100,000 events. The HTTP load test (`examples/load_test.rs`) measures
//! the same requests over loopback on 1,000,000 events.

use axum::body::{Body, to_bytes};
use axum::http::{Request, StatusCode};
use criterion::{Criterion, criterion_group, criterion_main};
use demarche_server::{AppState, ServerConfig, router};
use demarche_store::Store;
use demarche_store::synthetic::{SyntheticSpec, corpus};
use std::hint::black_box;
use tower::ServiceExt;

fn api(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("bench.db");
    let mut store = Store::open(&db).expect("store");
    let items: Vec<_> = corpus(SyntheticSpec::new(10_000, 10)).collect();
    for chunk in items.chunks(1000) {
        store.ingest_batch(chunk).expect("ingest");
    }
    drop(store);
    let app = router(AppState::open(ServerConfig::new(&db)).expect("state"));
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let get = |uri: &'static str| {
        let app = app.clone();
        let runtime = &runtime;
        move || {
            runtime.block_on(async {
                let response = app
                    .clone()
                    .oneshot(Request::get(uri).body(Body::empty()).expect("request"))
                    .await
                    .expect("response");
                assert_eq!(response.status(), StatusCode::OK);
                let body = to_bytes(response.into_body(), usize::MAX)
                    .await
                    .expect("body");
                black_box(body.len())
            })
        }
    };
    let mut group = c.benchmark_group("api_100k_events");
    group.sample_size(30);
    let series = get("/api/dyads/USA/CHN/series?by=month&undirected=true");
    group.bench_function("dyad_series_by_month_undirected", |b| b.iter(&series));
    let search = get("/api/events?source=USA&target=CHN&page_size=25&mentions=3");
    group.bench_function("event_search_page_of_25", |b| b.iter(&search));
    group.finish();
}

criterion_group!(benches, api);
criterion_main!(benches);
