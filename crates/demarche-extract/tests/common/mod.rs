//! Helpers shared by the fixture tests of knowledge shapes (`shapes.rs`, `shapes5.rs` …
//! `shapes22.rs`): what the extractor finds in one short text, as tuples that read well in
//! `assert_eq!`.
#![allow(dead_code)] // each test file uses the helpers its rounds need

use demarche_extract::{Knowledge, QuoteKind, extract};

pub fn read(text: &str) -> Knowledge {
    extract(text, demarche_model::parse_date("2024-03-12").ok(), None)
}

/// (name, role) of every person found.
pub fn persons(text: &str) -> Vec<(String, Option<String>)> {
    read(text)
        .persons
        .iter()
        .map(|p| (p.name.clone(), p.role.as_ref().map(|r| r.text.clone())))
        .collect()
}

pub fn person(name: &str, role: &str) -> (String, Option<String>) {
    (name.to_string(), Some(role.to_string()))
}

/// (kind, speaker's name or words, reporters, quoted text) of every quotation found.
pub fn quotes(text: &str) -> Vec<(QuoteKind, String, Vec<String>, String)> {
    let who = |a: &demarche_extract::Attribution| a.name.clone().unwrap_or_else(|| a.text.clone());
    read(text)
        .quotations
        .iter()
        .map(|q| {
            (
                q.kind,
                who(&q.speaker),
                q.reported_by.iter().map(who).collect(),
                q.text.clone(),
            )
        })
        .collect()
}

pub fn q(
    kind: QuoteKind,
    speaker: &str,
    reporters: &[&str],
    text: &str,
) -> (QuoteKind, String, Vec<String>, String) {
    (
        kind,
        speaker.to_string(),
        reporters.iter().map(|r| (*r).to_string()).collect(),
        text.to_string(),
    )
}

/// (surface, kind, country) of every place mention found, sorted.
pub fn places(text: &str) -> Vec<(String, String, String)> {
    let (found, _) = demarche_extract::places(text, None);
    let mut out: Vec<(String, String, String)> = found
        .iter()
        .flat_map(|p| {
            let kind = format!("{:?}", p.kind);
            p.mentions
                .iter()
                .map(move |m| (m.text.clone(), kind.clone(), p.country.clone()))
        })
        .collect();
    out.sort();
    out
}

pub fn place(text: &str, kind: &str, country: &str) -> (String, String, String) {
    (text.to_string(), kind.to_string(), country.to_string())
}

/// (text, value, unit) of every amount found.
pub fn amounts(text: &str) -> Vec<(String, String, String)> {
    read(text)
        .amounts
        .iter()
        .map(|a| (a.text.clone(), a.value.clone(), a.unit.clone()))
        .collect()
}

/// An expected amount: (text, value, unit).
pub fn amount(text: &str, value: &str, unit: &str) -> (String, String, String) {
    (text.to_string(), value.to_string(), unit.to_string())
}

/// The role found for the person named `name`, if any.
pub fn role_of(text: &str, name: &str) -> Option<String> {
    persons(text)
        .into_iter()
        .find(|(n, _)| n == name)
        .and_then(|(_, r)| r)
}

/// The names of the persons found.
pub fn names(text: &str) -> Vec<String> {
    persons(text).into_iter().map(|(n, _)| n).collect()
}

/// (value, unit) of every amount found.
pub fn units(text: &str) -> Vec<(String, String)> {
    read(text)
        .amounts
        .iter()
        .map(|a| (a.value.clone(), a.unit.clone()))
        .collect()
}

/// (text, resolved value) of every date found, as of the date `read` gives the text.
pub fn dates(text: &str) -> Vec<(String, String)> {
    read(text)
        .dates
        .iter()
        .map(|d| (d.text.clone(), d.resolved.value.clone()))
        .collect()
}
