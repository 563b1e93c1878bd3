//! Extraction throughput on news-style text written for this project (`benches/news.txt`):
//! documents per second and sentences per second, sentence splitting included.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use demarche_extract::{extract, split_sentences};
use std::hint::black_box;

const NEWS: &str = include_str!("news.txt");

fn bench(c: &mut Criterion) {
    let published = demarche_model::parse_date("2024-03-12").ok();
    let sentences = u64::try_from(split_sentences(NEWS).len()).unwrap_or(0);
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Elements(1));
    group.bench_function("documents", |b| {
        b.iter(|| extract(black_box(NEWS), published, None));
    });
    group.throughput(Throughput::Elements(sentences));
    group.bench_function("sentences", |b| {
        b.iter(|| extract(black_box(NEWS), published, None));
    });
    // With the caller's sentence spans given, as the pipeline will call it.
    let spans = split_sentences(NEWS);
    group.bench_function("sentences_given_spans", |b| {
        b.iter(|| extract(black_box(NEWS), published, Some(&spans)));
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
