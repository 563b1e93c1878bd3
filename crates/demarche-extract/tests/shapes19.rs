//! Fixture tests for the general rules of the eighteenth knowledge round (helper know22,
//! ROUND18.md): one short text of our own for each construction, none taken from the
//! development articles; each failed on the code before the round.
//!
//! ```text
//! cargo test -p demarche-extract --test shapes19
//! ```

mod common;

use common::{read, role_of, units};
use demarche_extract::QuoteKind;

fn speakers(text: &str) -> Vec<(String, String)> {
    common::quotes(text)
        .into_iter()
        .map(|(_, who, _, t)| (who, t))
        .collect()
}

fn reporter_of(text: &str) -> Vec<String> {
    common::quotes(text)
        .into_iter()
        .flat_map(|(_, _, r, _)| r)
        .collect()
}

fn measures(text: &str) -> Vec<Option<String>> {
    read(text)
        .amounts
        .iter()
        .map(|a| a.measure.as_ref().map(|m| m.text.clone()))
        .collect()
}

#[test]
fn a_headline_that_declares_a_state_is_no_quotation() {
    // Rule headline-act (`src/quotes/mod.rs`, `[declaring]` in `data/speech.txt`).
    let text = "Chile declares state of catastrophe in two southern regions\n\nSANTIAGO, March 3 (Reuters) - Fires burned 40 houses.";
    assert!(common::quotes(text).is_empty());
}

#[test]
fn a_compound_rank_is_the_role() {
    // Rule compound-rank (`[role-modifier]` in `data/names.txt`).
    let text = "Lieutenant Colonel Ana Ruiz of the Civil Guard said the road was closed.";
    assert_eq!(
        role_of(text, "Ana Ruiz").as_deref(),
        Some("Lieutenant Colonel")
    );
}

#[test]
fn it_said_after_an_unattributed_subject_is_that_subject() {
    // Rule it-last-subject (`src/quotes/discourse.rs`).
    let text = "The minister flew to Kulob on Tuesday, his office said. The committee moved 40 families to tents. Another 12 are staying with relatives, it said.";
    let q = speakers(text);
    assert_eq!(q.last().map(|(w, _)| w.as_str()), Some("the committee"));
}

#[test]
fn an_outlet_named_with_of_keeps_its_complement() {
    // Rule outlet-of (`src/quotes/reporters.rs`).
    let text =
        "The spokesman, Ali Rezki, told the National Radio of Tunisia that the fire was out.";
    let r = reporter_of(text);
    assert!(
        r.len() == 1 && r[0].ends_with("National Radio of Tunisia"),
        "{r:?}"
    );
}

#[test]
fn a_count_after_a_quotation_counts_what_was_counted_outside_it() {
    // Rule quote-opaque-carry (`src/amounts/mod.rs`).
    let text = "The agency put the number of people in shelters at 300.\n\n\"We saw 40 cows drown,\" a farmer, Ivan Petrov, said.\n\nAnother 90 are staying with relatives, the agency said.";
    assert_eq!(units(text).last().map(|(_, u)| u.as_str()), Some("people"));
}

#[test]
fn a_percentage_after_a_count_measures_what_it_counted() {
    // Rule percent-after-count (`src/amounts/measure.rs`).
    let text =
        "The ministry put the number of people in tents at 2,100, up 30 percent from Sunday.";
    assert_eq!(
        measures(text).last().cloned().flatten().as_deref(),
        Some("people")
    );
}

#[test]
fn a_percentage_full_measures_the_subject() {
    // Rule percent-predicate (`src/amounts/measure.rs`).
    let text = "The Kariba reservoir was 120 percent full on Monday, the authority said.";
    assert_eq!(
        measures(text).first().cloned().flatten().as_deref(),
        Some("Kariba reservoir")
    );
}

#[test]
fn a_long_title_joined_by_and_before_a_name_is_no_person() {
    // Rule long-title-and (`src/entities/parts.rs`).
    let text = "Deputy Prime Minister and Minister for Lands and Mineral Resources Tevita Naulu flew to Lautoka on Tuesday.";
    let p = common::persons(text);
    assert_eq!(
        p.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(),
        ["Tevita Naulu"]
    );
}

#[test]
fn an_office_with_a_for_complement_before_a_name_is_no_person() {
    // Rule long-title-complement, without "the".
    let text = "\"We need boats,\" Commissioner for Refugee Affairs Peter Banda told reporters.";
    let q = common::quotes(text);
    assert_eq!(
        q.first().map(|x| (x.0, x.1.clone())),
        Some((QuoteKind::Direct, "Peter Banda".to_string()))
    );
}
