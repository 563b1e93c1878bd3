//! A deterministic generator of documents with coded events, for benchmarks and load tests.
//!
//! The corpus looks like coded news at the level the store sees it: a few dozen countries with
//! a skewed frequency (a handful dominate, as in real news), actor codes with and without a
//! role (`CHN`, `CHNGOV`, `CHNMIL`), CAMEO codes from our table, dates spread over a span of
//! days, several events per document. The same [`SyntheticSpec`] always gives the same corpus
//! (a small xorshift generator; no randomness crate).
//!
//! With [`SyntheticSpec::prose`] each sentence also carries a tail of words drawn from a
//! Zipf-like vocabulary of pronounceable made-up words ([`word`]), so that full-text search has
//! something to find: a few words occur in a large share of the sentences, most in very few, as
//! in news text. The words come from a generator of their own, so a spec with and without prose
//! gives the same events (actors, codes, days) and differs only in the texts.

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
    /// Words added after each sentence's "SOURCE did CODE to TARGET" (0: none, the default).
    pub prose: usize,
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
            prose: 0,
        }
    }

    /// The same spec with `words` made-up words of prose in every sentence.
    pub fn with_prose(mut self, words: usize) -> Self {
        self.prose = words;
        self
    }
}

/// Size of the prose vocabulary: [`word`] of ranks `0..VOCABULARY`.
pub const VOCABULARY: usize = 20_000;

const ONSETS: [&str; 16] = [
    "b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "sh", "tr",
];
const VOWELS: [&str; 4] = ["a", "e", "i", "o"];

/// The made-up word of a vocabulary rank (0 is the most frequent): three consonant-vowel
/// syllables, lower case ASCII, different for every rank. All words of the vocabulary have
/// three syllables, so none is the beginning of another (as "said" is of few words, while a
/// vocabulary where "beba" began 64 other words would make every prefix search expensive).
pub fn word(rank: usize) -> String {
    // Digits of rank + 64² in base 64 (each a syllable): three of them for every rank of the
    // vocabulary, and no two ranks share a word.
    let mut n = rank + 64 * 64;
    let mut syllables = Vec::new();
    while n > 0 {
        syllables.push(n % 64);
        n /= 64;
    }
    let mut out = String::new();
    for s in syllables.iter().rev() {
        out.push_str(ONSETS[s / 4]);
        out.push_str(VOWELS[s % 4]);
    }
    out
}

/// The share of all prose words that are the word of `rank` (Zipf with exponent 1 over
/// [`VOCABULARY`] words), for choosing search terms of known frequency.
pub fn word_share(rank: usize) -> f64 {
    if rank >= VOCABULARY {
        return 0.0;
    }
    static HARMONIC: std::sync::OnceLock<f64> = std::sync::OnceLock::new();
    let harmonic = HARMONIC.get_or_init(|| (1..=VOCABULARY).map(|k| 1.0 / k as f64).sum());
    1.0 / ((rank + 1) as f64 * harmonic)
}

/// Cumulative Zipf weights of the vocabulary, for drawing a rank by binary search.
fn zipf_table() -> Vec<f64> {
    let mut acc = 0.0;
    (1..=VOCABULARY)
        .map(|k| {
            acc += 1.0 / k as f64;
            acc
        })
        .collect()
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
    // Prose words have a generator of their own, so the events do not depend on them.
    let mut words_rng = Rng((spec.seed ^ 0x0123_4567_89ab_cdef) | 1);
    let zipf = if spec.prose > 0 {
        zipf_table()
    } else {
        Vec::new()
    };
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
            let mut sentence = format!("{source} did {code} to {target}");
            let target_end = sentence.len();
            let total = zipf.last().copied().unwrap_or(0.0);
            for _ in 0..spec.prose {
                let u = (words_rng.next() >> 11) as f64 / (1u64 << 53) as f64 * total;
                let rank = zipf.partition_point(|&c| c < u).min(VOCABULARY - 1);
                sentence.push(' ');
                sentence.push_str(&word(rank));
            }
            sentence.push('.');
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(&sentence);
            let verb_start = source.len() + 1;
            let target_start = target_end - target.len();
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
                        target_span: Some(Span::new(target_start, target_end)),
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

    #[test]
    fn prose_changes_only_the_texts() {
        let plain: Vec<IngestItem> = corpus(SyntheticSpec::new(50, 3)).collect();
        let prose: Vec<IngestItem> = corpus(SyntheticSpec::new(50, 3).with_prose(8)).collect();
        let mut counts = std::collections::BTreeMap::new();
        for (a, b) in plain.iter().zip(&prose) {
            assert_eq!(a.document.date, b.document.date);
            for (x, y) in a.events.iter().zip(&b.events) {
                assert_eq!(
                    (&x.source, &x.target, &x.code),
                    (&y.source, &y.target, &y.code)
                );
                let target = y
                    .evidence
                    .target_span
                    .and_then(|s| s.slice(&y.sentence_text));
                assert_eq!(target, Some(y.target.as_str()));
                let tail: Vec<&str> = y.sentence_text.trim_end_matches('.').split(' ').collect();
                assert_eq!(tail.len(), 5 + 8, "{}", y.sentence_text);
                for w in &tail[5..] {
                    *counts.entry(w.to_string()).or_insert(0usize) += 1;
                }
            }
        }
        // Zipf: the most frequent word is common, most words are rare.
        let top = counts.get(&word(0)).copied().unwrap_or(0);
        assert!(top > 50 * 3 * 8 / 20, "top word {top} times");
        assert!(counts.values().filter(|&&n| n == 1).count() > counts.len() / 2);
    }

    #[test]
    fn words_are_distinct_and_pronounceable() {
        let words: std::collections::BTreeSet<String> = (0..VOCABULARY).map(word).collect();
        assert_eq!(words.len(), VOCABULARY);
        assert_eq!(word(0), "bebaba");
        assert!(
            words
                .iter()
                .all(|w| w.len() >= 6 && w.bytes().all(|b| b.is_ascii_lowercase()))
        );
        let mut sorted: Vec<&String> = words.iter().collect();
        sorted.sort();
        assert!(
            sorted.windows(2).all(|p| !p[1].starts_with(p[0].as_str())),
            "no word begins another"
        );
        let shares: f64 = (0..VOCABULARY).map(word_share).sum();
        assert!((shares - 1.0).abs() < 1e-9);
    }
}
