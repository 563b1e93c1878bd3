//! HTML pages: `read_html` never panics, and the nesting bound holds — a page the pre-pass
//! passes through, or rewrites, nests no deeper in the HTML parser than the bound allows.
#![no_main]

use libfuzzer_sys::fuzz_target;

/// Elements from the document root to the deepest node, walked without recursion.
fn parsed_depth(html: &str) -> usize {
    let dom = dom_query::Document::from(html);
    dom.root()
        .descendants_it()
        .map(|n| n.ancestors_it(None).count())
        .max()
        .unwrap_or(0)
}

fuzz_target!(|data: &[u8]| {
    let page = String::from_utf8_lossy(data);
    let (doc, _) = demarche_web::read_html("fuzz.html", &page);
    if let Some(d) = doc {
        assert!(!d.text.trim().is_empty());
    }
    let (bounded, at) = demarche_web::bound_nesting(&page);
    if at.is_some() || page.matches('<').count() > demarche_web::MAX_HTML_DEPTH {
        let depth = parsed_depth(&bounded);
        assert!(
            depth <= 3 * demarche_web::MAX_HTML_DEPTH + 8,
            "parsed {depth} deep (rewritten: {})",
            at.is_some()
        );
    }
    let _ = demarche_web::fragment_text(&page);
});
