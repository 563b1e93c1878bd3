//! Throughput of raw text to trees on one thread: sentence splitting, tokenization, tagging
//! and parsing, over `benches/news.txt` (news-style articles we wrote for this purpose, about
//! 200 sentences). Criterion reports elements per second, where an element is a sentence.

use criterion::{Criterion, Throughput, black_box, criterion_group, criterion_main};
use demarche_parse::Parser;

const NEWS: &str = include_str!("news.txt");

fn bench(c: &mut Criterion) {
    let parser = Parser::new();
    let sentences = demarche_text::split_sentences(NEWS);
    let n = sentences.len() as u64;
    let mut group = c.benchmark_group("raw_text");
    group.throughput(Throughput::Elements(n));
    group.bench_function("split_sentences", |b| {
        b.iter(|| demarche_text::split_sentences(black_box(NEWS)).len())
    });
    group.bench_function("split_and_tokenize", |b| {
        b.iter(|| {
            let mut tokens = 0;
            for s in demarche_text::split_sentences(black_box(NEWS)) {
                tokens += demarche_text::tokenize(&NEWS[s.range()]).len();
            }
            tokens
        })
    });
    group.bench_function("split_tokenize_tag", |b| {
        b.iter(|| {
            let mut tags = 0;
            for s in demarche_text::split_sentences(black_box(NEWS)) {
                tags += parser.tag(&NEWS[s.range()]).len();
            }
            tags
        })
    });
    group.bench_function("split_tokenize_tag_parse", |b| {
        b.iter(|| {
            let mut nodes = 0;
            for s in demarche_text::split_sentences(black_box(NEWS)) {
                nodes += parser.parse(&NEWS[s.range()]).len();
            }
            nodes
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
