//! Throughput of the whole pipeline on ONE thread: raw text → sentences → trees → events, the
//! way `demarche code` runs it per document (`Pipeline::code_document`).
//!
//! Corpus (`corpus.rs`, our own text): the fictional articles of the parser benchmark regrouped
//! into documents of ten sentences, plus as many generated wire-style documents about real
//! states. Measured with our built-in dictionaries and — when `DEMARCHE_REFERENCE` is set —
//! with the full Phoenix dictionaries of PETRARCH-2, each with knowledge extraction off and on.
//! Criterion reports elements per second: sentences (as the pipeline splits them) or
//! documents. Dictionaries are loaded and the pipeline built outside the timed loops; loading
//! the built-in set is measured on its own.

use criterion::{Criterion, Throughput, black_box, criterion_group, criterion_main};
use demarche::Pipeline;
use demarche_dict::{Dictionaries, PetrarchPaths};
use demarche_model::{Date, Document};
use std::path::PathBuf;

#[path = "corpus.rs"]
mod corpus;

fn date() -> Date {
    Date::from_ymd_opt(2024, 6, 1).unwrap_or_default()
}

/// Sentences and events the pipeline finds in `docs` (so the throughput counts real work).
fn count(pipeline: &Pipeline<'_>, docs: &[Document]) -> (u64, u64) {
    let (mut sentences, mut events) = (0u64, 0u64);
    for d in docs {
        let coded = pipeline.code_document(d, date());
        sentences += coded.sentences.len() as u64;
        events += coded.events.len() as u64;
    }
    (sentences, events)
}

fn code_all(pipeline: &Pipeline<'_>, docs: &[Document]) -> usize {
    docs.iter()
        .map(|d| pipeline.code_document(black_box(d), date()).events.len())
        .sum()
}

fn bench_set(c: &mut Criterion, name: &str, dicts: &Dictionaries, own: bool, docs: &[Document]) {
    // The options `demarche code` uses with these dictionaries.
    let options = demarche::coding_options(own);
    let plain = Pipeline::new(dicts).with_options(options.clone());
    let with_knowledge = Pipeline::new(dicts)
        .with_options(options)
        .with_knowledge(true);
    let (sentences, events) = count(&plain, docs);
    println!(
        "{name}: {} documents, {sentences} sentences, {events} events per pass",
        docs.len()
    );

    let mut group = c.benchmark_group(format!("pipeline_{name}"));
    group.throughput(Throughput::Elements(sentences));
    group.bench_function("raw_text_to_events/sentences", |b| {
        b.iter(|| code_all(&plain, docs))
    });
    group.bench_function("with_knowledge/sentences", |b| {
        b.iter(|| code_all(&with_knowledge, docs))
    });
    group.throughput(Throughput::Elements(docs.len() as u64));
    group.bench_function("with_knowledge/documents", |b| {
        b.iter(|| code_all(&with_knowledge, docs))
    });
    group.finish();
}

fn bench(c: &mut Criterion) {
    let docs = corpus::documents();

    let mut load = c.benchmark_group("dictionary_load");
    load.sample_size(10);
    load.bench_function("builtin", |b| {
        b.iter(|| {
            demarche_dict::native::default_dictionaries()
                .0
                .verbs
                .verbs
                .len()
        })
    });
    load.finish();

    let (builtin, _) = demarche_dict::native::default_dictionaries();
    bench_set(c, "builtin", &builtin, true, &docs);

    match std::env::var_os("DEMARCHE_REFERENCE") {
        None => println!(
            "skipping the Phoenix-dictionary benchmarks: DEMARCHE_REFERENCE is not set \
             (point it at the shared reference folder)"
        ),
        Some(reference) => {
            let dir = PathBuf::from(reference).join("petrarch2/dictionaries");
            let (phoenix, diags) = Dictionaries::load_petrarch(&PetrarchPaths::phoenix(&dir));
            println!(
                "Phoenix dictionaries from {}: {} verbs, {} diagnostics",
                dir.display(),
                phoenix.verbs.verbs.len(),
                diags.len()
            );
            bench_set(c, "phoenix", &phoenix, false, &docs);
        }
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
