//! Fixture tests for the places of round 18 (helper places18, PLACES18.md): one short text of
//! our own for each general rule and data case, none taken from the development articles; each
//! failed before the round.
//!
//! ```text
//! cargo test -p demarche-extract --test places18
//! ```

mod common;

use common::{place, places};

#[test]
fn an_admin1_name_no_other_entry_shares_is_a_place_after_a_preposition_alone() {
    // Rule lone-admin1 (`src/geo/licensing.rs`): no country is named in these texts.
    assert_eq!(
        places("Three soldiers were killed in Hadramout on Sunday."),
        [place("Hadramout", "Admin1", "YEM")]
    );
    assert_eq!(
        places("Police in Balochistan said two men were detained in Sindh overnight."),
        [
            place("Balochistan", "Admin1", "PAK"),
            place("Sindh", "Admin1", "PAK")
        ]
    );
    // Not when the text writes it before an office, as an (invented) country's.
    let found = places(
        "Moscow will resume grain exports to Southland. Southland Foreign Minister Ana Ruiz welcomed it.",
    );
    assert_eq!(found, [place("Moscow", "City", "RUS")]);
    // A name some city or another country's region shares still needs its country or a
    // region word: "in Kherson" is the city, "in Punjab" is no place without a country.
    assert_eq!(
        places("Shelling was heard in Kherson at dawn."),
        [place("Kherson", "City", "UKR")]
    );
    assert!(places("The harvest began in Punjab last week.").is_empty());
}

#[test]
fn an_admin1_name_of_one_word_is_a_place_when_its_country_is_named() {
    // Rule lone-admin1: one word, no preposition, its country named in the text.
    assert_eq!(
        places("Heavy rain flooded Akkar and cut roads across northern Lebanon."),
        [
            place("Akkar", "Admin1", "LBN"),
            place("Lebanon", "Country", "LBN")
        ]
    );
    // Not before a numeral, which makes it part of a designation.
    assert_eq!(
        places("Two inmates left a cellblock of the Guayas 4 jail, Ecuador's prison service said."),
        [place("Ecuador", "Country", "ECU")]
    );
    // Not a nationality that is also a region's name ("Somali", Ethiopia's region).
    assert_eq!(
        places("Ethiopian and Somali officers met at the border post."),
        Vec::<(String, String, String)>::new()
    );
}

#[test]
fn an_all_capitals_dateline_with_a_lower_case_particle_is_found() {
    // `src/geo/mod.rs`, `candidates`: "PORT OF SPAIN" is "Port of Spain".
    let found = places("PORT OF SPAIN, May 4 (Reuters) - The port reopened on Monday.");
    assert!(
        found.contains(&place("PORT OF SPAIN", "City", "TTO")),
        "{found:?}"
    );
    let found = places("PORT-AU-PRINCE, May 4 (Reuters) - Schools reopened on Monday.");
    assert!(
        found.contains(&place("PORT-AU-PRINCE", "City", "HTI")),
        "{found:?}"
    );
}

#[test]
fn a_country_table_name_that_is_our_region_resolves_to_the_region() {
    // `src/geo/resolution.rs`, `choose`: "Somaliland" is the country table's name for SOM (so
    // the coder codes it), but the place is our region, not Somalia.
    let (found, _) = demarche_extract::places(
        "Somaliland's leader flew to Berbera on Monday, officials in Somaliland said.",
        None,
    );
    let s = found
        .iter()
        .find(|p| p.mentions.iter().any(|m| m.text == "Somaliland"))
        .expect("Somaliland found");
    assert_eq!(
        (s.name.as_str(), format!("{:?}", s.kind), s.country.as_str()),
        ("Somaliland", "Region".to_string(), "SOM")
    );
}

#[test]
fn villages_below_the_threshold_that_wire_copy_names_are_found() {
    // Gazetteer data (`towns.tsv`, `places.tsv`): towns GeoNames has below 15,000 people, and
    // rows of ours where it has none.
    let found = places("Gunmen attacked a convoy near Kantchari in eastern Burkina Faso.");
    assert!(
        found.contains(&place("Kantchari", "City", "BFA")),
        "{found:?}"
    );
    let found = places("Ukrainian troops held positions near Verbove, Ukraine's army said.");
    assert!(
        found.contains(&place("Verbove", "City", "UKR")),
        "{found:?}"
    );
    let found = places("A landslide blocked the road to Gharm in Tajikistan.");
    assert!(found.contains(&place("Gharm", "City", "TJK")), "{found:?}");
}
