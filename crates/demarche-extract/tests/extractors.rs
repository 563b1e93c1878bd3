//! Golden tests for each extractor on a news text written for this project
//! (`benches/news.txt`, published 2024-03-12, a Tuesday), and property tests that extraction
//! never panics and every span holds its item's text.
//!
//! `tests/golden/news.json` is the whole output; set `UPDATE_GOLDEN=1` to rewrite it after a
//! reviewed change (the diff shows what changed).

// Rows of expected values are tuples; naming each would not make the tables clearer.
#![allow(clippy::type_complexity)]

use demarche_extract::{Knowledge, QuoteKind, extract};
use demarche_model::Span;
use proptest::prelude::*;

const NEWS: &str = include_str!("../benches/news.txt");

fn knowledge() -> Knowledge {
    extract(NEWS, demarche_model::parse_date("2024-03-12").ok(), None)
}

/// Every span of every item points at exactly the item's text.
fn spans_hold(text: &str, k: &Knowledge) -> Result<(), String> {
    let mut pairs: Vec<(Span, &str)> = Vec::new();
    for p in &k.persons {
        pairs.extend(p.mentions.iter().map(|m| (m.span, m.text.as_str())));
        pairs.extend(
            [&p.role, &p.organization]
                .into_iter()
                .flatten()
                .map(|r| (r.span, r.text.as_str())),
        );
    }
    for o in &k.organizations {
        pairs.extend(o.mentions.iter().map(|m| (m.span, m.text.as_str())));
        pairs.extend(o.description.iter().map(|d| (d.span, d.text.as_str())));
    }
    for p in &k.places {
        pairs.extend(p.mentions.iter().map(|m| (m.span, m.text.as_str())));
    }
    for q in &k.quotations {
        pairs.push((q.span, &q.text));
        for a in std::iter::once(&q.speaker).chain(&q.reported_by) {
            pairs.push((a.span, &a.text));
            pairs.push((a.verb_span, &a.verb));
        }
    }
    for a in &k.amounts {
        pairs.push((a.span, &a.text));
        pairs.extend(a.measure.iter().map(|m| (m.span, m.text.as_str())));
    }
    pairs.extend(k.dates.iter().map(|d| (d.span, d.text.as_str())));
    for (span, expected) in pairs {
        if span.slice(text) != Some(expected) {
            return Err(format!(
                "span {span:?} holds {:?}, not {expected:?}",
                span.slice(text)
            ));
        }
    }
    Ok(())
}

#[test]
fn persons_roles_and_mentions() {
    let k = knowledge();
    let got: Vec<(String, Option<String>, Option<String>, Vec<String>)> = k
        .persons
        .iter()
        .map(|p| {
            (
                p.name.clone(),
                p.role.as_ref().map(|r| r.text.clone()),
                p.organization.as_ref().map(|r| r.text.clone()),
                p.mentions.iter().map(|m| m.text.clone()).collect(),
            )
        })
        .collect();
    let s = |x: &str| Some(x.to_string());
    let v = |xs: &[&str]| xs.iter().map(|x| (*x).to_string()).collect::<Vec<_>>();
    assert_eq!(
        got,
        [
            (
                "Elena Varga".into(),
                s("Prime Minister"),
                None,
                v(&["Elena Varga", "her", "Varga"])
            ),
            (
                "Tomas Reyes".into(),
                s("Foreign Minister"),
                None,
                v(&["Tomas Reyes", "Reyes", "Reyes"])
            ),
            (
                "Marta Kovacs".into(),
                s("Opposition leader"),
                None,
                v(&["Marta Kovacs"])
            ),
            (
                "Ivan Petrov".into(),
                s("spokesperson"),
                s("Ministry of Agriculture"),
                v(&["Ivan Petrov"])
            ),
        ]
    );
}

#[test]
fn organisations_and_places() {
    let k = knowledge();
    let orgs: Vec<(&str, Option<&str>)> = k
        .organizations
        .iter()
        .map(|o| {
            (
                o.name.as_str(),
                o.description.as_ref().map(|d| d.text.as_str()),
            )
        })
        .collect();
    assert_eq!(
        orgs,
        [
            ("Capital Wire", None),
            ("Xinhua", Some("state news agency")),
            ("Ministry of Agriculture", None)
        ]
    );
    // Northland and Southland are invented: only the real capital is a place.
    let places: Vec<(&str, &str, &str)> = k
        .places
        .iter()
        .map(|p| (p.name.as_str(), p.country.as_str(), p.fips.as_str()))
        .collect();
    assert_eq!(places, [("Moscow", "RUS", "RS")]);
}

#[test]
fn quotations_direct_indirect_and_reported() {
    let k = knowledge();
    let got: Vec<(QuoteKind, Option<&str>, &str, Vec<&str>, &str)> = k
        .quotations
        .iter()
        .map(|q| {
            (
                q.kind,
                q.speaker.name.as_deref(),
                q.speaker.verb.as_str(),
                q.reported_by.iter().map(|r| r.text.as_str()).collect(),
                q.text.as_str(),
            )
        })
        .collect();
    use QuoteKind::{Direct, Indirect};
    assert_eq!(
        got,
        [
            (
                Indirect,
                Some("Elena Varga"),
                "said",
                vec![],
                "her government would resume grain exports to Southland, ending a dispute that had threatened food supplies across the region"
            ),
            (
                Direct,
                Some("Elena Varga"),
                "told",
                vec![],
                "a fair and lasting settlement for farmers on both sides of the border"
            ),
            (
                Indirect,
                Some("Xinhua"),
                "reported",
                vec![],
                "Southland Foreign Minister Tomas Reyes welcomed the deal, calling it a sign of growing trust between the two neighbours"
            ),
            (
                Direct,
                Some("Tomas Reyes"),
                "said",
                vec![],
                "We have chosen cooperation over confrontation"
            ),
            // "…," Reyes said, adding that …: the added words are reported too.
            (
                Indirect,
                Some("Tomas Reyes"),
                "said",
                vec![],
                "both governments would meet again in June this year to review progress"
            ),
            (
                Indirect,
                None,
                "warned",
                vec![],
                "the deal left farmers exposed to sudden price swings"
            ),
            (
                Indirect,
                Some("Ivan Petrov"),
                "stated",
                vec![],
                "exports in the first three quarters of last year had fallen by 30 percent because of the ban"
            ),
            (
                Indirect,
                Some("Tomas Reyes"),
                "noted",
                vec!["Capital Wire"],
                "the two sides would set up a joint commission to settle future disputes"
            ),
        ]
    );
    let critics = &k.quotations[5].speaker;
    assert_eq!(
        (critics.text.as_str(), critics.entity),
        ("Critics in Southland", None)
    );
}

#[test]
fn amounts_with_values_units_and_measures() {
    let k = knowledge();
    let got: Vec<(&str, &str, &str, Option<&str>, Option<&str>)> = k
        .amounts
        .iter()
        .map(|a| {
            (
                a.text.as_str(),
                a.value.as_str(),
                a.unit.as_str(),
                a.measure.as_ref().map(|m| m.text.as_str()),
                a.period.as_ref().map(|p| p.value.as_str()),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "2.5 million tonnes",
                "2500000",
                "tonnes",
                Some("wheat"),
                Some("2023")
            ),
            (
                "$14 billion",
                "14000000000",
                "USD",
                Some("bilateral trade"),
                Some("2023")
            ),
            (
                "12.5 percent",
                "12.5",
                "percent",
                Some("increase"),
                Some("2023")
            ),
            (
                "30 percent",
                "30",
                "percent",
                Some("exports"),
                Some("2023-01-01/2023-09-30")
            ),
        ]
    );
}

#[test]
fn dates_resolved_against_a_tuesday() {
    let k = knowledge();
    let got: Vec<(&str, &str)> = k
        .dates
        .iter()
        .map(|d| (d.text.as_str(), d.resolved.value.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("12 March 2024", "2024-03-12"),
            ("Tuesday", "2024-03-12"),
            ("Tuesday", "2024-03-12"),
            ("last year", "2023"),
            ("June this year", "2024-06"),
            ("2022", "2022"),
            ("February 28", "2024-02-28"),
            (
                "the first three quarters of last year",
                "2023-01-01/2023-09-30"
            ),
        ]
    );
}

#[test]
fn tone_counts_our_lexicon_words() {
    let k = knowledge();
    // Positive (7): agreement ×2, fair, welcomed, trust, cooperation, progress. Negative (10):
    // tension, dispute, threatened, confrontation, warned, accused, worse, rejected, ban,
    // disputes. Counted by hand from data/tone-lexicon.txt. The dateline's three words are no
    // sentence's (the project's splitter leaves datelines out).
    assert_eq!(
        (k.tone.positive_words, k.tone.negative_words, k.tone.words),
        (7, 10, 234)
    );
    assert!((k.tone.tone - (7.0 - 10.0) / 234.0 * 100.0).abs() < 1e-9);
}

#[test]
fn every_span_holds_its_text() {
    let k = knowledge();
    spans_hold(NEWS, &k).unwrap();
}

#[test]
fn golden_json() {
    let k = knowledge();
    let got = serde_json::to_string_pretty(&k).unwrap() + "\n";
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/news.json");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(path, &got).unwrap();
    }
    let expected = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        got == expected,
        "output differs from {path}; rerun with UPDATE_GOLDEN=1 and review the diff"
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics_and_spans_hold(text in "\\PC{0,400}") {
        let k = extract(&text, demarche_model::parse_date("2021-11-20").ok(), None);
        prop_assert!(spans_hold(&text, &k).is_ok(), "{:?}", spans_hold(&text, &k));
    }

    #[test]
    fn news_like_words_never_panic(words in proptest::collection::vec(proptest::sample::select(vec![
        "Zhao", "Putin", "said", "told", "that", ",", ".", "“", "”", "\"", "$", "5", "2021", "billion",
        "percent", "of", "the", "Ministry", "Commerce", "President", "Russian", "he", "on", "Friday",
        "October", "28", "first", "three", "quarters", "this", "year", "in", "June", "’s", "-", "\n\n",
        "reported", "TASS", "further", "noted", "spokesperson", "for", "The", "president", "US$", "5bn",
    ]), 0..80)) {
        let text = words.join(" ");
        let k = extract(&text, demarche_model::parse_date("2021-11-20").ok(), None);
        prop_assert!(spans_hold(&text, &k).is_ok(), "{:?}", spans_hold(&text, &k));
    }

    #[test]
    fn arbitrary_sentence_spans_never_panic(text in "\\PC{0,200}", cuts in proptest::collection::vec((0usize..250, 0usize..250), 0..6)) {
        let spans: Vec<Span> = cuts.into_iter().map(|(a, b)| Span::new(a.min(b), a.max(b))).collect();
        let k = extract(&text, None, Some(&spans));
        prop_assert!(spans_hold(&text, &k).is_ok());
    }
}
