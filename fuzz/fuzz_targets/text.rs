//! Sentence splitting and tokenization of any text: no panic, and every span lies inside the
//! text, on character boundaries, in order.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut last = 0;
    for s in demarche_text::segment(&text) {
        let sentence = s.span.slice(&text).expect("a segment inside the text");
        assert!(s.span.start >= last, "segments out of order");
        last = s.span.end;
        for t in demarche_text::tokenize(sentence) {
            assert!(t.span.slice(sentence).is_some(), "token outside its sentence");
        }
    }
});
