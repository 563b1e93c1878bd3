//! Golden test: the Global Times example article splits into the right sentences.
//!
//! The article itself is not in the repository; the test reads it from
//! `$DEMARCHE_REFERENCE/../examples/` and skips (with a message) when the variable is unset.

use demarche_text::{SegmentKind, segment, split_sentences, tokenize};
use std::path::PathBuf;

fn article() -> Option<String> {
    let Ok(reference) = std::env::var("DEMARCHE_REFERENCE") else {
        eprintln!("skipped: DEMARCHE_REFERENCE is not set");
        return None;
    };
    let path = PathBuf::from(reference)
        .join("..")
        .join("examples")
        .join("global-times-2021-11-20-china-russia.txt");
    match std::fs::read_to_string(&path) {
        Ok(t) => Some(t),
        Err(e) => panic!(
            "DEMARCHE_REFERENCE is set but {} is unreadable: {e}",
            path.display()
        ),
    }
}

#[test]
fn global_times_article_splits_into_its_sentences() {
    let Some(text) = article() else { return };
    let segments = segment(&text);
    let got: Vec<(SegmentKind, &str)> = segments
        .iter()
        .map(|s| (s.kind, &text[s.span.range()]))
        .collect();
    // Each entry: kind and the first words of the segment.
    let expected: &[(SegmentKind, &str)] = &[
        (
            SegmentKind::Headline,
            "China highly appreciates Putin’s ‘China-Russia model’: FM",
        ),
        (SegmentKind::Dateline, "Global Times (20 November 2021) –"),
        (
            SegmentKind::Sentence,
            "Russian President Vladimir Putin’s positive statement",
        ),
        (
            SegmentKind::Sentence,
            "Speaking on the sidelines of the regular press conference",
        ),
        (
            SegmentKind::Sentence,
            "Zhao emphasized that China and Russia are neighbors",
        ),
        (
            SegmentKind::Sentence,
            "On Thursday, Putin said that certain Western countries",
        ),
        (
            SegmentKind::Sentence,
            "Putin confirmed that Moscow and Beijing would continue",
        ),
        (
            SegmentKind::Sentence,
            "The Russian president emphasized that the Russia-China",
        ),
        (
            SegmentKind::Sentence,
            "China-Russia relations are and will always be based",
        ),
        (
            SegmentKind::Sentence,
            "In the joint statement on the 20th anniversary",
        ),
        (
            SegmentKind::Sentence,
            "The development of a high-level strategic partnership",
        ),
        (
            SegmentKind::Sentence,
            "The two sides will continue in firmly supporting",
        ),
        (
            SegmentKind::Sentence,
            "Zhao said that both sides will follow the general direction",
        ),
        (
            SegmentKind::Sentence,
            "The bilateral economic, trade and investment cooperation",
        ),
        (
            SegmentKind::Sentence,
            "In the first three quarters of this year",
        ),
        (SegmentKind::Sentence, "Judging from the current situation"),
        (SegmentKind::Boilerplate, "Comment Here"),
    ];
    assert_eq!(got.len(), expected.len(), "segments: {got:#?}");
    for ((kind, seg), (want_kind, want_start)) in got.iter().zip(expected) {
        assert_eq!(kind, want_kind, "segment {seg:?}");
        assert!(
            seg.starts_with(want_start),
            "segment {seg:?} should start with {want_start:?}"
        );
    }
    // Every sentence (not the headline) ends with its period.
    for (kind, seg) in &got {
        if *kind == SegmentKind::Sentence {
            assert!(seg.ends_with('.'), "{seg:?}");
        }
    }
    // The sentences to code leave out the dateline and the boilerplate.
    assert_eq!(split_sentences(&text).len(), expected.len() - 2);
    // Tokens of the trade sentence keep amounts and hyphenated words whole.
    let trade = got[14].1;
    let words: Vec<String> = tokenize(trade).into_iter().map(|t| t.norm).collect();
    for w in [
        "$",
        "102",
        "billion",
        "year-on-year",
        "29.2",
        "China-Russia",
    ] {
        assert!(words.iter().any(|x| x == w), "{w} missing from {words:?}");
    }
}
