//! Fixture tests for the shapes added in the eleventh round of knowledge work (README, "People,
//! quotations, amounts and dates"): one short text of our own for each general rule, none taken
//! from the development articles.
//!
//! ```text
//! cargo test -p demarche-extract --test shapes11
//! ```

mod common;

use common::read;

// 2024-03-12 is a Tuesday.

#[test]
fn barrister_is_a_form_of_address_not_part_of_the_name() {
    // `[honorific]`: "Barrister" before a name in South Asian copy.
    let k = read(
        "The provincial spokesman, Barrister Omar Farooq Durrani, said the road would reopen.",
    );
    let persons: Vec<&str> = k.persons.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(persons, ["Omar Farooq Durrani"]);
}

#[test]
fn a_paper_known_by_one_word_is_no_person() {
    // `[org-known]`: "Dawn" told and reporting is the Pakistani daily.
    let k = read(
        "Protests have closed 12 roads in the district since Monday, and traders said they would march on Friday, Dawn reported.",
    );
    assert!(k.persons.is_empty(), "{:?}", k.persons);
}

#[test]
fn a_weekday_after_expect_lies_ahead() {
    // `[future]`: "expect" in the present is a word of plans, like "expected".
    let k = read("Forecasters expect heavy rain in the hills on Sunday, the weather office said.");
    let dates: Vec<(&str, &str)> = k
        .dates
        .iter()
        .map(|d| (d.text.as_str(), d.resolved.value.as_str()))
        .collect();
    assert_eq!(dates, [("Sunday", "2024-03-17")]);
}
