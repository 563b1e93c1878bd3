//! Fixture tests for the places-as-persons rules of round 17 (helper places17, PLACES17.md): one
//! short text of our own for each general rule, none taken from the development articles.
//!
//! ```text
//! cargo test -p demarche-extract --test shapes16
//! ```

mod common;

use common::persons;

#[test]
fn a_village_a_place_prefix_opens_is_no_person() {
    // Rule place-prefix (`src/entities/parts.rs`, `[place-prefix]` in `data/names.txt`).
    assert!(persons("Floodwater cut off Barangay Lumbia and two schools on Friday.").is_empty());
    // The loose prefixes only after a preposition of place, or in a list that follows one.
    assert!(persons("Two boats were found off Sidi Bechir on Sunday.").is_empty());
    assert!(persons("The victim was a man of Arouca, San Rafael; police said.").is_empty());
}

#[test]
fn a_run_a_settlement_noun_describes_is_a_place() {
    // Rule place-apposition and the settlement nouns of `[settlement-of]`.
    assert!(persons("The boat left Tell Hamra, a farming village east of the river.").is_empty());
    assert!(persons("Families fled the hamlet of El Rosario overnight.").is_empty());
}

#[test]
fn an_office_complement_before_an_apposition_is_no_person() {
    // Rule complement-before-apposition.
    let p = persons(
        "A resident of Gornja Lipa, Marko Simic, said the road was gone. The spokesman for the National Office for Flood Control (Onaf), Rosa Vidal, said more rain was coming.",
    );
    let names: Vec<&str> = p.iter().map(|(n, _)| n.as_str()).collect();
    assert!(!names.contains(&"Gornja Lipa"), "{names:?}");
    assert!(!names.contains(&"Flood Control"), "{names:?}");
    assert!(names.contains(&"Rosa Vidal"), "{names:?}");
}
