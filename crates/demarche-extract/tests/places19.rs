//! Fixture tests for the places of round 19 (helper places19, PLACES19.md): one short text of
//! our own for each general rule and data case, none taken from the development articles; each
//! failed before the round.
//!
//! ```text
//! cargo test -p demarche-extract --test places19
//! ```

mod common;

use common::{place, places};

#[test]
fn a_town_or_region_before_a_capitalised_office_is_its_jurisdiction() {
    // Rule office-jurisdiction (`src/geo/licensing.rs`, `office_after`): a town or region of a
    // country the text names, right before a capitalised office and its holder's name, even
    // opening the sentence.
    let found = places(
        "Heavy rain hit Guatemala on Monday. Escuintla Departmental Governor Ana Lopez said 300 families had left.",
    );
    assert!(
        found.contains(&place("Escuintla", "Admin1", "GTM")),
        "{found:?}"
    );
    let found = places(
        "Police in Pakistan closed the highway, and Mastung Assistant Commissioner Ali Khan said it would reopen.",
    );
    assert!(
        found.contains(&place("Mastung", "City", "PAK")),
        "{found:?}"
    );
    // A division's adjective before the office makes the name the region, not its city.
    let found = places(
        "Floods cut roads across Senegal. Kaolack Regional Governor Moussa Fall asked for boats.",
    );
    assert!(
        found.contains(&place("Kaolack", "Admin1", "SEN")),
        "{found:?}"
    );
    // Not without its country in the text, and not a person's name before an office.
    let found = places("Southland Regional Governor Ana Ruiz said the port was closed.");
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_town_before_a_word_of_a_second_level_unit_is_a_place() {
    // `REGION_WORDS` in `src/geo/licensing.rs`: "Municipality", "regency", "upazila".
    let found = places("Two men were shot in the Bolgatanga Municipality of Ghana on Friday.");
    assert!(
        found.contains(&place("Bolgatanga", "City", "GHA")),
        "{found:?}"
    );
}

#[test]
fn a_dateline_names_its_region_when_its_town_is_unknown() {
    // Rule dateline-parts-alone (`src/geo/licensing.rs`, `GeoContext::new`): the region after
    // a dateline town the gazetteer lacks.
    let found = places("Kalisuren, West Java, March 4 (ANTARA) - Rain flooded 80 houses.");
    assert_eq!(found, [place("West Java", "Admin1", "IDN")]);
}

#[test]
fn villages_below_the_threshold_that_wire_copy_names_are_found() {
    // Gazetteer data (`towns.tsv`, `places.tsv`): towns GeoNames has below 15,000 people, and
    // rows of ours where it has none.
    let found = places("The river rose above its alert level at Podor in northern Senegal.");
    assert!(found.contains(&place("Podor", "City", "SEN")), "{found:?}");
    let found = places("Two boats capsized off Taveuni in Fiji on Sunday.");
    assert!(
        found.contains(&place("Taveuni", "Region", "FJI")),
        "{found:?}"
    );
    // Islands, which the packages give only as their towns.
    let found = places("A migrant boat reached Lanzarote on Tuesday, Spain's rescue service said.");
    assert!(
        found.contains(&place("Lanzarote", "Region", "ESP")),
        "{found:?}"
    );
    let found = places("Aid reached Chikwawa after the floods in Malawi.");
    assert!(
        found.contains(&place("Chikwawa", "City", "MWI")),
        "{found:?}"
    );
}
