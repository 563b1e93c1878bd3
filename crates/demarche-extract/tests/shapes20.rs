//! Fixture tests for the general rules of the nineteenth knowledge round (helper know23,
//! ROUND19.md): one short text of our own for each construction, none taken from the
//! development articles; each failed on the code before the round.
//!
//! ```text
//! cargo test -p demarche-extract --test shapes20
//! ```

mod common;

use common::{dates, role_of, units};

#[test]
fn a_present_verb_the_lists_do_not_know_makes_a_clause() {
    // Rule present-after-subject (`src/quotes/content.rs`).
    let q = common::quotes("The curfew applies to all vehicles after dark, the police said.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "the police");
    assert_eq!(q[0].3, "The curfew applies to all vehicles after dark");
}

#[test]
fn two_complements_of_a_shared_office_go_one_to_each_name() {
    // Rule shared-complements (`src/entities/persons.rs`).
    let text =
        "The ministers of transport and of energy, Lina Haddad and Omar Saleh, visited the port.";
    assert_eq!(
        role_of(text, "Lina Haddad").as_deref(),
        Some("ministers of transport")
    );
    assert_eq!(role_of(text, "Omar Saleh").as_deref(), Some("of energy"));
}

#[test]
fn the_head_of_something_keeps_its_complement() {
    // Rule complement-office (`src/titles.rs`, `[complement-office]` in `data/names.txt`).
    let text =
        "\"The road is gone,\" the head of the village council, Tariq Nouri, told reporters.";
    assert_eq!(
        role_of(text, "Tariq Nouri").as_deref(),
        Some("head of the village council")
    );
}

#[test]
fn a_district_before_an_office_belongs_to_it() {
    // `district` as a `[role-modifier]` in `data/names.txt`.
    let text = "Kolda District Prefect Ibrahima Diallo said the bridge had collapsed.";
    assert_eq!(
        role_of(text, "Ibrahima Diallo").as_deref(),
        Some("District Prefect")
    );
}

#[test]
fn a_headline_toll_before_an_adjective_of_harm_has_no_unit() {
    // Rule harm-adjective-bare (`src/amounts/mod.rs`; `leave` a `[harm-verb]`).
    let text = "Storms leave 7 dead in southern Chile\n\nSANTIAGO, March 12 (EFE) - Rain fell.";
    assert_eq!(units(text).first(), Some(&("7".to_string(), String::new())));
}

#[test]
fn a_currency_word_takes_the_noun_it_qualifies() {
    // Rule currency-noun (`[currency-noun]` and `cfa` in `data/amounts.txt`).
    assert_eq!(
        units("The fund will pay 2 billion CFA francs to farmers."),
        [("2000000000".to_string(), "XOF".to_string())]
    );
}

#[test]
fn a_warning_of_something_looks_ahead() {
    // Rule warning-of (`src/time/matcher.rs`, `[warning]` in `data/time.txt`).
    assert_eq!(
        dates("The weather office warned of strong winds on the coast between Friday and Sunday."),
        [(
            "Friday and Sunday".to_string(),
            "2024-03-15/2024-03-17".to_string()
        )]
    );
}

#[test]
fn a_plural_noun_after_to_is_no_infinitive() {
    // Rule to-plural-noun (`src/time/matcher.rs`).
    assert_eq!(
        dates("Some 600 residents were taken to schools when the river burst its banks on Sunday."),
        [("Sunday".to_string(), "2024-03-10".to_string())]
    );
}

#[test]
fn an_order_to_act_by_a_day_looks_ahead() {
    // Rule object-infinitive-ahead (`src/time/matcher.rs`).
    assert_eq!(
        dates("The governor ordered the contractor to reopen the bridge by Thursday."),
        [("Thursday".to_string(), "2024-03-14".to_string())]
    );
}
