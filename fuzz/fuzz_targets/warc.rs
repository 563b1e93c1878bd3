//! WARC archives (plain or gzip): the record reader never panics and every diagnostic names
//! the file; every document comes from an HTML response and has text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for item in demarche_web::warc_records("fuzz.warc", std::io::Cursor::new(data.to_vec())) {
        match item {
            Ok(doc) => assert!(!doc.text.trim().is_empty()),
            Err(d) => assert!(d.file.starts_with("fuzz.warc")),
        }
    }
});
