//! Reader throughput on the pages and feeds written for this project (`tests/fixtures/`):
//! HTML pages (readability + clean-up + metadata), RSS items, and WARC records (a generated
//! archive of the fixture page, plain and gzip-compressed).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::io::Write;

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// `n` response records, each holding the fixture page.
fn archive(page: &[u8], n: usize) -> Vec<u8> {
    let mut http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n".to_vec();
    http.extend_from_slice(page);
    let mut out = Vec::new();
    for i in 0..n {
        write!(
            out,
            "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:bench:{i}>\r\nWARC-Target-URI: https://ledger.example/{i}\r\nWARC-Date: 2024-03-15T09:30:00Z\r\nContent-Length: {}\r\n\r\n",
            http.len()
        )
        .unwrap();
        out.extend_from_slice(&http);
        out.extend_from_slice(b"\r\n\r\n");
    }
    out
}

fn bench(c: &mut Criterion) {
    let page = String::from_utf8(fixture("page.html")).unwrap();
    let rss = fixture("feed.rss");
    let mut group = c.benchmark_group("read");
    group.throughput(Throughput::Elements(1));
    group.bench_function("html_pages", |b| {
        b.iter(|| demarche_web::read_html("page.html", black_box(&page)));
    });
    group.throughput(Throughput::Elements(2));
    group.bench_function("rss_items", |b| {
        b.iter(|| demarche_web::read_feed("feed.rss", black_box(&rss)));
    });
    let warc = archive(page.as_bytes(), 20);
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(&warc).unwrap();
    let warc_gz = enc.finish().unwrap();
    group.throughput(Throughput::Elements(20));
    group.bench_function("warc_records", |b| {
        b.iter(|| demarche_web::read_warc("a.warc", std::io::Cursor::new(black_box(warc.clone()))));
    });
    group.bench_function("warc_gz_records", |b| {
        b.iter(|| {
            demarche_web::read_warc(
                "a.warc.gz",
                std::io::Cursor::new(black_box(warc_gz.clone())),
            )
        });
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
