//! The news-like documents the pipeline benchmark and `examples/pipeline_throughput.rs` code.
//!
//! Two sources, both written by us: the fictional-country articles of
//! `crates/demarche-parse/benches/news.txt`, regrouped into documents of about ten sentences,
//! and a small deterministic generator of wire-style sentences about real states (facts only:
//! country names, capitals, adjectives), so that the coder also does the work of matching
//! actors and verbs and building events, not only of finding nothing. Why both: the fictional
//! text has realistic sentence shapes but few codable actors; the generated text is formulaic
//! but event-dense. Shared by path (`#[path]`) rather than a crate so the benchmark stays a
//! dev-only concern.
//!
//! Both are short (about 13 words a sentence). [`wire_documents`] is the wire-style corpus: the
//! texts of the development sets `eval/wire/dev-*.jsonl`, which the team wrote in the shapes of
//! 2022–2026 wire copy (never the held-back `unseen-*` sets): 24 words a record, 22 a sentence
//! as the pipeline splits them.

use demarche_model::Document;

const NEWS: &str = include_str!("../../demarche-parse/benches/news.txt");

/// Sentences per document when regrouping.
const PER_DOC: usize = 10;

/// The `news.txt` sentences, in order, grouped into documents of `PER_DOC` sentences.
pub fn fictional_documents() -> Vec<Document> {
    let sentences: Vec<&str> = demarche_text::split_sentences(NEWS)
        .into_iter()
        .filter_map(|s| s.slice(NEWS))
        .collect();
    sentences
        .chunks(PER_DOC)
        .enumerate()
        .map(|(i, chunk)| Document {
            id: format!("fiction-{i:03}"),
            text: chunk.join(" "),
            ..Default::default()
        })
        .collect()
}

/// (name, adjective, capital) of the states the generator writes about.
const STATES: [(&str, &str, &str); 16] = [
    ("Russia", "Russian", "Moscow"),
    ("China", "Chinese", "Beijing"),
    ("India", "Indian", "New Delhi"),
    ("Pakistan", "Pakistani", "Islamabad"),
    ("Iran", "Iranian", "Tehran"),
    ("Turkey", "Turkish", "Ankara"),
    ("Japan", "Japanese", "Tokyo"),
    ("Germany", "German", "Berlin"),
    ("France", "French", "Paris"),
    ("Brazil", "Brazilian", "Brasilia"),
    ("Egypt", "Egyptian", "Cairo"),
    ("Ukraine", "Ukrainian", "Kyiv"),
    ("Israel", "Israeli", "Jerusalem"),
    ("Nigeria", "Nigerian", "Abuja"),
    ("Mexico", "Mexican", "Mexico City"),
    ("Indonesia", "Indonesian", "Jakarta"),
];

const DAYS: [&str; 5] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];

/// Sentence shapes in wire style; `{A}`/`{B}` are state names, `{a}`/`{b}` adjectives,
/// `{cap}` A's capital, `{day}` a weekday, `{n}` a number.
const TEMPLATES: [&str; 14] = [
    "{A} accused {B} of violating the ceasefire agreement on {day}.",
    "The {a} foreign minister met his {b} counterpart in {cap} on {day} to discuss trade.",
    "{A} and {B} signed an agreement to expand energy cooperation.",
    "{a} officials said {B} had agreed to release {n} detained fishermen.",
    "{A} imposed new sanctions on {B} over its missile programme, the ministry said.",
    "The {a} president praised {B} for its support during the crisis.",
    "{A} will send {n} tons of humanitarian aid to {B}, a government spokesman said on {day}.",
    "{b} forces shelled villages near the border with {A} overnight, local officials said.",
    "{A} condemned the {b} decision to expel two diplomats.",
    "Protesters gathered outside the {b} embassy in {cap} on {day}.",
    "{A} called on {B} to withdraw its troops from the disputed region.",
    "\"We will not accept threats,\" the {a} defence minister told reporters in {cap}.",
    "Trade between {A} and {B} rose by {n} percent in the first half of the year.",
    "{A} threatened to recall its ambassador from {B} if the talks failed.",
];

/// `documents` generated documents of `PER_DOC` sentences each, the same for the same count.
pub fn generated_documents(documents: usize) -> Vec<Document> {
    // A fixed linear congruential sequence: reproducible without a random-number crate.
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move |bound: usize| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((state >> 33) as usize) % bound.max(1)
    };
    (0..documents)
        .map(|d| {
            let mut text = String::new();
            for _ in 0..PER_DOC {
                let (a_name, a_adj, a_cap) = STATES[next(STATES.len())];
                let mut bi = next(STATES.len());
                if STATES[bi].0 == a_name {
                    bi = (bi + 1) % STATES.len();
                }
                let (b_name, b_adj, _) = STATES[bi];
                let sentence = TEMPLATES[next(TEMPLATES.len())]
                    .replace("{A}", a_name)
                    .replace("{B}", b_name)
                    .replace("{a}", a_adj)
                    .replace("{b}", b_adj)
                    .replace("{cap}", a_cap)
                    .replace("{day}", DAYS[next(DAYS.len())])
                    .replace("{n}", &(2 + next(90)).to_string());
                if !text.is_empty() {
                    text.push(' ');
                }
                text.push_str(&sentence);
            }
            Document {
                id: format!("generated-{d:04}"),
                text,
                ..Default::default()
            }
        })
        .collect()
}

/// The benchmark corpus: the fictional articles plus as many generated documents.
pub fn documents() -> Vec<Document> {
    let mut docs = fictional_documents();
    let n = docs.len();
    docs.extend(generated_documents(n));
    docs
}

/// The development sets of `eval/wire` (our own sentences in wire style).
const WIRE: [&str; 3] = [
    include_str!("../../../eval/wire/dev-a.jsonl"),
    include_str!("../../../eval/wire/dev-b.jsonl"),
    include_str!("../../../eval/wire/dev-c.jsonl"),
];

/// The wire-length corpus: the `text` of every record of `eval/wire/dev-*.jsonl`, in file
/// order, `PER_DOC` records to a document (a record may hold two or three sentences, so a
/// document holds about eleven).
pub fn wire_documents() -> Vec<Document> {
    let texts: Vec<String> = WIRE
        .iter()
        .flat_map(|file| file.lines())
        .filter(|l| !l.trim().is_empty())
        .filter_map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).ok()?;
            Some(v.get("text")?.as_str()?.to_string())
        })
        .collect();
    texts
        .chunks(PER_DOC)
        .enumerate()
        .map(|(i, chunk)| Document {
            id: format!("wire-{i:03}"),
            text: chunk.join(" "),
            ..Default::default()
        })
        .collect()
}
