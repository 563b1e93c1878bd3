//! RSS/Atom feeds: `read_feed` never panics; every document has text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (docs, diags) = demarche_web::read_feed("fuzz.rss", data);
    for d in &docs {
        assert!(!d.text.trim().is_empty());
    }
    for d in &diags {
        assert_eq!(d.file, "fuzz.rss");
    }
});
