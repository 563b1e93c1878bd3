//! Dyad series against a reference computed directly from the stored events: on seeded
//! synthetic corpora, every bucket of every series (directed and undirected; day, week and
//! month; country-level, longer and shorter prefixes, same-country dyads) must equal what a
//! plain scan of the events table (read through `Store::canonical_dump`) gives.

use demarche_model::Date;
use demarche_store::synthetic::{SyntheticSpec, corpus};
use demarche_store::{DyadQuery, Granularity, Store};
use std::collections::BTreeMap;

/// One row of the events table as the canonical dump prints it.
struct Row {
    source: String,
    target: String,
    code: String,
    day: Date,
    root: String,
    quad: usize,
    goldstein: f64,
    mentions: u64,
}

fn unquote(s: &str) -> String {
    s.trim_matches('"').to_string()
}

fn events_of(store: &Store) -> Vec<Row> {
    let dump = store.canonical_dump().expect("dump");
    let mut rows = Vec::new();
    for line in dump.lines().filter(|l| l.starts_with("E ")) {
        let t: Vec<&str> = line.split_whitespace().collect();
        let n: i64 = t[4].parse().expect("day");
        let day = Date::from_ymd_opt(
            (n / 10_000) as i32,
            ((n / 100) % 100) as u32,
            (n % 100) as u32,
        )
        .expect("date");
        rows.push(Row {
            source: unquote(t[1]),
            target: unquote(t[2]),
            code: unquote(t[3]),
            day,
            root: unquote(t[5]),
            quad: t[6].parse().expect("quad"),
            goldstein: t[7].parse().expect("goldstein"),
            mentions: t[t.len() - 3].parse().expect("mentions"),
        });
    }
    rows
}

#[derive(Default, Debug, PartialEq)]
struct Expected {
    events: u64,
    mentions: u64,
    quad: [u64; 5],
    roots: BTreeMap<String, u64>,
    codes: BTreeMap<String, u64>,
    goldstein: f64,
}

fn reference(rows: &[Row], q: &DyadQuery) -> BTreeMap<Date, Expected> {
    let a = q.a.to_uppercase();
    let b = q.b.to_uppercase();
    let mut out: BTreeMap<Date, Expected> = BTreeMap::new();
    for r in rows {
        let forward = r.source.starts_with(&a) && r.target.starts_with(&b);
        let backward = r.source.starts_with(&b) && r.target.starts_with(&a);
        if !(forward || (q.undirected && backward)) {
            continue;
        }
        let e = out.entry(q.by.period_start(r.day)).or_default();
        e.events += 1;
        e.mentions += r.mentions;
        e.quad[r.quad] += 1;
        *e.roots.entry(r.root.clone()).or_default() += 1;
        *e.codes.entry(r.code.clone()).or_default() += 1;
        e.goldstein += r.goldstein;
    }
    out
}

fn check(store: &Store, rows: &[Row], q: &DyadQuery) -> u64 {
    let series = store.dyad_series(q).expect("series");
    let expected = reference(rows, q);
    let nonempty: Vec<_> = series.buckets.iter().filter(|b| b.events > 0).collect();
    assert_eq!(
        nonempty.iter().map(|b| b.period).collect::<Vec<_>>(),
        expected.keys().copied().collect::<Vec<_>>(),
        "periods of {q:?}"
    );
    for bucket in nonempty {
        let e = &expected[&bucket.period];
        assert_eq!(bucket.events, e.events, "{q:?} {}", bucket.label);
        assert_eq!(bucket.mentions, e.mentions, "{q:?} {}", bucket.label);
        assert_eq!(bucket.quad_counts, e.quad, "{q:?} {}", bucket.label);
        assert_eq!(bucket.root_counts, e.roots, "{q:?} {}", bucket.label);
        // The reference sums in another order than the store: compare to rounding error.
        assert!(
            (bucket.goldstein_sum - e.goldstein).abs() < 1e-9,
            "{q:?} {}: {} vs {}",
            bucket.label,
            bucket.goldstein_sum,
            e.goldstein
        );
        let mut top: Vec<(&String, &u64)> = e.codes.iter().collect();
        top.sort_by(|x, y| y.1.cmp(x.1).then_with(|| x.0.cmp(y.0)));
        let top: Vec<(String, u64)> = top
            .into_iter()
            .take(5)
            .map(|(c, n)| (c.clone(), *n))
            .collect();
        let got: Vec<(String, u64)> = bucket
            .top_codes
            .iter()
            .map(|c| (c.code.clone(), c.count))
            .collect();
        assert_eq!(got, top, "{q:?} {}", bucket.label);
    }
    assert_eq!(
        series.total.events,
        expected.values().map(|e| e.events).sum::<u64>()
    );
    series.total.events
}

#[test]
fn series_equal_a_direct_scan_of_the_events() {
    for seed in [1u64, 0x5eed, 0xdead_beef] {
        let mut spec = SyntheticSpec::new(1500, 4);
        spec.seed = seed;
        spec.days = 200;
        let mut store = Store::open_in_memory().expect("store");
        let items: Vec<_> = corpus(spec).collect();
        for chunk in items.chunks(250) {
            store.ingest_batch(chunk).expect("ingest");
        }
        let rows = events_of(&store);
        assert!(rows.len() > 5000, "corpus too small: {}", rows.len());
        let mut seen = 0;
        for (a, b) in [
            ("CHN", "RUS"),
            ("USA", "CHN"),
            ("CHNGOV", "USA"),
            ("usa", "usamil"),
            ("U", "C"),
            ("CHN", "CHN"),
            ("RUS", "R"),
        ] {
            for by in [Granularity::Day, Granularity::Week, Granularity::Month] {
                for undirected in [false, true] {
                    let mut q = DyadQuery::new(a, b, by);
                    q.undirected = undirected;
                    seen += check(&store, &rows, &q);
                }
            }
        }
        assert!(seen > 1000, "queries matched too few events: {seen}");
    }
}
