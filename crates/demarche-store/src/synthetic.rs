//! A deterministic generator of documents with coded events, for benchmarks and load tests.
//!
//! The corpus looks like coded news at the level the store sees it: a few dozen countries with
//! a skewed frequency (a handful dominate, as in real news), actor codes with and without a
//! role (`CHN`, `CHNGOV`, `CHNMIL`), CAMEO codes from our table, dates spread over a span of
//! days, several events per document. The same [`SyntheticSpec`] always gives the same corpus
//! (a small xorshift generator; no randomness crate).

use crate::types::IngestItem;
use demarche_model::{Date, Document, Event, Evidence, RuleRef, Span, cameo};

/// Country codes the generator draws from; earlier ones are drawn more often.
pub const COUNTRIES: [&str; 30] = [
    "USA", "CHN", "RUS", "UKR", "GBR", "FRA", "DEU", "IND", "PAK", "IRN", "ISR", "JPN", "KOR",
    "PRK", "TUR", "SAU", "EGY", "BRA", "ZAF", "NGA", "MEX", "CAN", "AUS", "IDN", "VNM", "PHL",
    "POL", "SYR", "AFG", "ITA",
];

const ROLES: [&str; 4] = ["", "GOV", "MIL", ""];

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SyntheticSpec {
    pub documents: usize,
    pub events_per_document: usize,
    pub seed: u64,
    /// First publication day, and how many days the corpus spans.
    pub start: Date,
    pub days: u32,
}

impl SyntheticSpec {
    /// `documents` documents of `events_per_document` events over ten years from 2015.
    pub fn new(documents: usize, events_per_document: usize) -> Self {
        SyntheticSpec {
            documents,
            events_per_document,
            seed: 0x5eed_d1a1_0c0d_e5a7,
            start: Date::from_ymd_opt(2015, 1, 1).unwrap_or_default(),
            days: 3650,
        }
    }
}

/// xorshift64*: tiny, fast, and good enough to spread test data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        (self.next() % n as u64) as usize
    }

    /// An index in `0..n` skewed towards 0 (the square of a uniform draw).
    fn skewed(&mut self, n: usize) -> usize {
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        ((u * u) * n as f64) as usize % n.max(1)
    }
}

/// The generated corpus, one [`IngestItem`] per document, lazily.
pub fn corpus(spec: SyntheticSpec) -> impl Iterator<Item = IngestItem> {
    let codes: Vec<&'static str> = cameo::all_codes()
        .into_iter()
        .map(|c| c.code)
        .filter(|c| c.len() >= 3)
        .collect();
    let mut rng = Rng(spec.seed | 1);
    (0..spec.documents).map(move |i| {
        let day = spec
            .start
            .checked_add_days(chrono::Days::new(
                rng.below(spec.days.max(1) as usize) as u64
            ))
            .unwrap_or(spec.start);
        let id = format!("syn-{i:08}");
        let mut text = String::new();
        let mut events = Vec::with_capacity(spec.events_per_document);
        for s in 0..spec.events_per_document {
            let src_country = COUNTRIES[rng.skewed(COUNTRIES.len())];
            let mut tgt_country = COUNTRIES[rng.skewed(COUNTRIES.len())];
            if tgt_country == src_country {
                tgt_country = COUNTRIES[(rng.below(COUNTRIES.len() - 1) + 1) % COUNTRIES.len()];
            }
            let source = format!("{src_country}{}", ROLES[rng.below(ROLES.len())]);
            let target = format!("{tgt_country}{}", ROLES[rng.below(ROLES.len())]);
            let code = codes.get(rng.below(codes.len())).copied().unwrap_or("010");
            let sentence = format!("{source} did {code} to {target}.");
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(&sentence);
            let verb_start = source.len() + 1;
            let target_start = sentence.len() - target.len() - 1;
            events.push(
                Event {
                    doc_id: id.clone(),
                    sentence: s,
                    date: day,
                    event_date: None,
                    source_text: source.clone(),
                    target_text: target.clone(),
                    verb_text: "did".to_string(),
                    source,
                    target,
                    code: code.to_string(),
                    root: String::new(),
                    quad_class: 0,
                    goldstein: 0.0,
                    plover: None,
                    action_geo: None,
                    geo_source: None,
                    evidence: Evidence {
                        source_span: Some(Span::new(0, verb_start - 1)),
                        target_span: Some(Span::new(target_start, sentence.len() - 1)),
                        verb_span: Some(Span::new(verb_start, verb_start + 3)),
                        rules: vec![RuleRef {
                            file: "synthetic".to_string(),
                            line: s + 1,
                        }],
                        antecedents: Vec::new(),
                    },
                    sentence_text: sentence,
                }
                .with_cameo_facts(),
            );
        }
        IngestItem {
            document: Document {
                id,
                date: Some(day),
                title: None,
                source: Some(format!("outlet-{}", rng.below(20))),
                url: None,
                text,
                parses: Vec::new(),
            },
            events,
            knowledge: None,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_spec_same_corpus_and_spans_hold() {
        let spec = SyntheticSpec::new(20, 3);
        let a: Vec<IngestItem> = corpus(spec).collect();
        let b: Vec<IngestItem> = corpus(spec).collect();
        assert_eq!(a, b);
        assert_eq!(a.len(), 20);
        for item in &a {
            assert_eq!(item.events.len(), 3);
            for e in &item.events {
                let ev = &e.evidence;
                let src = ev.source_span.and_then(|s| s.slice(&e.sentence_text));
                let tgt = ev.target_span.and_then(|s| s.slice(&e.sentence_text));
                let verb = ev.verb_span.and_then(|s| s.slice(&e.sentence_text));
                assert_eq!(src, Some(e.source.as_str()));
                assert_eq!(tgt, Some(e.target.as_str()));
                assert_eq!(verb, Some("did"));
                assert_ne!(&e.source[..3], &e.target[..3]);
                assert!(item.document.text.contains(&e.sentence_text));
            }
        }
    }
}
