//! Coding throughput on parse-tree input with the full Phoenix dictionaries (CAMEO.2.0 verbs;
//! Countries, International and MilNonState actors; agents; discards; issues), over the trees of
//! PETRARCH's unit-test records, cycled. Reported as sentences per second on one thread.
//!
//! Needs DEMARCHE_REFERENCE (the shared reference folder); without it the bench prints why and
//! measures nothing.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use demarche_coder::{Coder, Options};
use demarche_dict::{Dictionaries, PetrarchPaths};
use demarche_model::{Date, Tree};
use std::hint::black_box;
use std::path::PathBuf;

fn reference() -> Option<PathBuf> {
    match std::env::var_os("DEMARCHE_REFERENCE") {
        Some(p) => Some(PathBuf::from(p)),
        None => {
            eprintln!("DEMARCHE_REFERENCE is not set: skipping the coding benchmark");
            None
        }
    }
}

fn sentences(reference: &std::path::Path) -> Vec<(Tree, String, Date)> {
    let path = reference.join("petrarch2/validation/PETR.UnitTest.records.xml");
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let file = demarche_text::petrarch_xml::read("records", &bytes);
    file.records()
        .filter_map(|r| {
            let tree = Tree::parse_ptb(r.parse.as_deref()?)
                .ok()?
                .aligned_to(&r.text);
            Some((tree, r.text.clone(), r.date.unwrap_or_default()))
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let Some(reference) = reference() else { return };
    let dir = reference.join("petrarch2/dictionaries");
    let paths = PetrarchPaths::phoenix(&dir);
    let (dicts, _) = Dictionaries::load_petrarch(&paths);
    assert!(
        dicts.actors.len() > 1000,
        "Phoenix actors did not load from {}",
        dir.display()
    );
    let input = sentences(&reference);
    assert!(
        input.len() > 200,
        "too few validation trees: {}",
        input.len()
    );
    let coder = Coder::new(&dicts);
    let opts = Options::default();

    let mut g = c.benchmark_group("code");
    g.throughput(Throughput::Elements(input.len() as u64));
    g.bench_function("phoenix_unit_test_trees", |b| {
        b.iter(|| {
            let mut events = 0usize;
            for (tree, text, date) in &input {
                events += coder.code(tree, text, *date, &opts).events.len();
            }
            black_box(events)
        })
    });
    g.finish();

    let mut g = c.benchmark_group("compile");
    g.sample_size(10);
    g.bench_function("coder_from_phoenix", |b| {
        b.iter(|| black_box(Coder::new(&dicts)))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
