//! Fixture tests for the places of round 21 (helper places21): one short text of our own for
//! each general rule and data case, none taken from the development articles; each failed
//! before the round.
//!
//! ```text
//! cargo test -p demarche-extract --test places21
//! ```

mod common;

use common::{place, places};

#[test]
fn a_list_after_plural_first_level_units_names_the_regions() {
    // Rule division-list (`src/geo/licensing.rs`, `division_list_before`): "the departments of
    // X, Y and Z" whose names are all first-level regions of the table names those regions,
    // not their capitals.
    let found = places(
        "Rain was forecast in Bolivia over the departments of Oruro, Cochabamba and Potosi on Friday.",
    );
    assert!(
        found.contains(&place("Cochabamba", "Admin1", "BOL")),
        "{found:?}"
    );
    assert!(
        found.contains(&place("Oruro", "Admin1", "BOL")),
        "{found:?}"
    );
}

#[test]
fn a_list_with_a_unit_below_the_first_level_names_towns() {
    // Rule division-list: when one name of the list is no first-level region ("Podor"), the
    // list names second-level units named after their towns, so "Matam" is the town, not the
    // region of that name.
    let found = places(
        "Floods in Senegal cut roads in the departments of Podor and Matam, officials said.",
    );
    assert!(found.contains(&place("Matam", "City", "SEN")), "{found:?}");
    assert!(found.contains(&place("Podor", "City", "SEN")), "{found:?}");
    // An organisation's capitalised "Department of" is no list of divisions.
    let found = places("The Department of Matam officials met in Dakar, Senegal.");
    assert!(found.iter().all(|(t, _, _)| t != "Department"), "{found:?}");
}

#[test]
fn round_21_towns_and_regions_are_in_the_table() {
    // Data: towns.tsv and places.tsv lines of round 21 (GeoNames towns by name and country;
    // our own rows placed to about 10 km).
    let found = places(
        "Floods hit Ozalj and Slunj in Croatia, and landslides cut the road to Chulumani in Bolivia's Yungas.",
    );
    for (name, kind, iso) in [
        ("Ozalj", "City", "HRV"),
        ("Slunj", "City", "HRV"),
        ("Chulumani", "City", "BOL"),
        ("Yungas", "Region", "BOL"),
    ] {
        assert!(found.contains(&place(name, kind, iso)), "{name}: {found:?}");
    }
    let found = places("Two men drowned near Mirbat in Oman, and a wadi rose at Al Awabi.");
    assert!(found.contains(&place("Mirbat", "City", "OMN")), "{found:?}");
    assert!(
        found.contains(&place("Al Awabi", "City", "OMN")),
        "{found:?}"
    );
}
