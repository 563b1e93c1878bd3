//! PETRARCH XML: the reader never panics; records keep their lines inside the file.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let file = demarche_text::petrarch_xml::read("fuzz.xml", data);
    let lines = data.iter().filter(|&&b| b == b'\n').count() + 1;
    for r in file.records() {
        assert!(r.line >= 1 && r.line <= lines);
    }
});
