//! JSON Lines and plain text: the readers never panic, yield at most one item a line, and
//! plain text is read losslessly where it is valid UTF-8 (invalid bytes replaced).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let lines = data.iter().filter(|&&b| b == b'\n').count() + 1;
    let n = demarche_text::read_jsonl(data, "fuzz.jsonl").count();
    assert!(n <= lines);
    match demarche_text::read_text(data, "fuzz.txt", "fuzz", None) {
        Ok((doc, _)) => assert_eq!(doc.text, String::from_utf8_lossy(data)),
        Err(_) => assert!(String::from_utf8_lossy(data).trim().is_empty()),
    }
});
