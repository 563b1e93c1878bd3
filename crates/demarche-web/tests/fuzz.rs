//! Fuzz-style property tests: the HTML, feed and WARC readers never panic, on arbitrary bytes
//! and on mutations of well-formed inputs (which reach deeper into each reader than noise).

use proptest::prelude::*;
use std::io::Write;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap_or_default()
}

/// A small well-formed WARC with one HTML response.
fn warc() -> Vec<u8> {
    let body = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>Talks resumed on Friday in the harbour town.</p></body></html>";
    let mut out = Vec::new();
    write!(out, "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://x.example/\r\nContent-Length: {}\r\n\r\n", body.len()).unwrap();
    out.extend_from_slice(body);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

/// Applies `edits` (position, byte, kind) to `base`: overwrite, insert or delete.
fn mutate(base: &[u8], edits: &[(usize, u8, u8)]) -> Vec<u8> {
    let mut out = base.to_vec();
    for &(pos, byte, kind) in edits {
        if out.is_empty() {
            out.push(byte);
            continue;
        }
        let at = pos % out.len();
        match kind % 3 {
            0 => out[at] = byte,
            1 => out.insert(at, byte),
            _ => {
                out.remove(at);
            }
        }
    }
    out
}

fn run_all(bytes: &[u8]) {
    let _ = demarche_web::read_html("fuzz.html", &String::from_utf8_lossy(bytes));
    let _ = demarche_web::read_feed("fuzz.rss", bytes);
    let _ = demarche_web::read_warc("fuzz.warc", std::io::Cursor::new(bytes.to_vec()));
    let _ = demarche_web::InputFormat::sniff(bytes);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        run_all(&bytes);
    }

    #[test]
    fn mutated_html_never_panics(edits in proptest::collection::vec((any::<usize>(), any::<u8>(), any::<u8>()), 1..20)) {
        let bytes = mutate(&fixture("page.html"), &edits);
        let (doc, _) = demarche_web::read_html("fuzz.html", &String::from_utf8_lossy(&bytes));
        if let Some(d) = doc {
            prop_assert!(!d.text.trim().is_empty());
        }
    }

    #[test]
    fn mutated_feeds_never_panic(edits in proptest::collection::vec((any::<usize>(), any::<u8>(), any::<u8>()), 1..20), atom in any::<bool>()) {
        let base = fixture(if atom { "feed.atom" } else { "feed.rss" });
        let (docs, _) = demarche_web::read_feed("fuzz.rss", &mutate(&base, &edits));
        prop_assert!(docs.len() <= 2);
    }

    #[test]
    fn mutated_warc_never_panics(edits in proptest::collection::vec((any::<usize>(), any::<u8>(), any::<u8>()), 1..12), gz in any::<bool>()) {
        let mut base = warc();
        base.extend(warc());
        if gz {
            let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            enc.write_all(&base).unwrap();
            base = enc.finish().unwrap();
        }
        let (docs, _) = demarche_web::read_warc("fuzz.warc", std::io::Cursor::new(mutate(&base, &edits)));
        prop_assert!(docs.len() <= 2);
    }
}
