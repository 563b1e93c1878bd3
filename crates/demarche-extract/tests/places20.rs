//! Fixture tests for the places of round 20 (helper places20, PLACES20.md): one short text of
//! our own for each general rule and data case, none taken from the development articles; each
//! failed before the round.
//!
//! ```text
//! cargo test -p demarche-extract --test places20
//! ```

mod common;

use common::{place, places};

#[test]
fn a_place_name_with_a_possessive_inside_is_one_name() {
    // Rule possessive-name (`src/entities/runs.rs`): "Cox's Bazar" in running text is one name
    // when the gazetteer knows the whole, not "Cox" and "Bazar".
    let found =
        places("Heavy rain flooded three camps in Ukhiya upazila of Cox's Bazar in Bangladesh.");
    assert!(
        found.contains(&place("Cox's Bazar", "City", "BGD")),
        "{found:?}"
    );
    // Not an owner before a name the gazetteer lacks.
    let found = places("Officials in Kenya's Turkana County said the wells were dry.");
    assert!(found.iter().all(|(t, _, _)| !t.contains("'s")), "{found:?}");
}

#[test]
fn a_town_before_a_public_service_and_its_office_is_a_place() {
    // Rule service-seat (`src/entities/parts.rs`): a town the document licenses, written before
    // a public service's name and its officer ("Tampere Police Chief X"), is a place as well.
    let found = places(
        "The ferry was stopped north of Tampere, and Tampere Police Chief Anna Virta said two men were held in Finland.",
    );
    let tampere = found.iter().filter(|(t, _, _)| t == "Tampere").count();
    assert_eq!(tampere, 2, "{found:?}");
    // A capital of the country table too.
    let found = places(
        "The ship was held west of Helsinki, Helsinki Police Chief Ari Koski told reporters.",
    );
    let helsinki = found.iter().filter(|(t, _, _)| t == "Helsinki").count();
    assert_eq!(helsinki, 2, "{found:?}");
    // Not a country before its police ("Kenya Police Chief X" keeps its organisation alone).
    let found = places("Kenya Police Chief Ali Noor said 20 officers were sent to Garissa.");
    assert!(found.iter().all(|(t, _, _)| t != "Kenya"), "{found:?}");
}

#[test]
fn a_direction_word_before_its_region_word_keeps_it() {
    // Rule direction-region (`src/geo/licensing.rs`, `direction_region`): "Western Province" is a
    // region's whole name, not "Western".
    let found = places(
        "A canoe that left Gizo in Western Province has not reached the Solomon Islands capital.",
    );
    assert!(
        found.contains(&place("Western Province", "Admin1", "SLB")),
        "{found:?}"
    );
    assert!(found.iter().all(|(t, _, _)| t != "Western"), "{found:?}");
}

#[test]
fn a_province_inside_a_named_region_is_its_town() {
    // Rule nested-division (`src/geo/resolution.rs`, `with_regions_of_cities`): "Ancash region's
    // Huari province" names a second-level unit inside the Ancash region; its town is Huari, not
    // the region the town lies in.
    let found = places("Mud buried a road in Peru's Ancash region's Huari province on Monday.");
    let huari: Vec<_> = found.iter().filter(|(t, _, _)| t == "Huari").collect();
    assert_eq!(huari, [&place("Huari", "City", "PER")], "{found:?}");
}

#[test]
fn towns_of_round_twenty_are_found() {
    // Gazetteer data (`towns.tsv`, `places.tsv`).
    let found =
        places("Gunmen attacked a village near Dansadau in Zamfara state, Nigeria, on Sunday.");
    assert!(
        found.contains(&place("Dansadau", "City", "NGA")),
        "{found:?}"
    );
    let found = places(
        "Russian drones struck Antonivka, a suburb on the Dnipro in Ukraine's Kherson region.",
    );
    assert!(
        found.contains(&place("Antonivka", "City", "UKR")),
        "{found:?}"
    );
    let found = places(
        "Ash fell on villages in East Flores after the eruption, Indonesian officials said.",
    );
    assert!(
        found.contains(&place("East Flores", "Region", "IDN")),
        "{found:?}"
    );
}
