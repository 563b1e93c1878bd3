//! Fixture tests for the general rules of the seventeenth knowledge round (helper know21,
//! ROUND17.md): one short text of our own for each construction, none taken from the
//! development articles; each failed on the code before the round.
//!
//! ```text
//! cargo test -p demarche-extract --test shapes18
//! ```

mod common;

use common::{read, role_of};

#[test]
fn an_indefinite_description_with_a_place_is_the_role_of_the_name_after_it() {
    // Rule described-head-place (`src/titles.rs`, `described_head`): "a farmer in X, Name,".
    let text = "\"We saw the water come down,\" a farmer in Dorvan, Tomas Reyl, told reporters.";
    assert_eq!(role_of(text, "Tomas Reyl").as_deref(), Some("farmer"));
}

#[test]
fn a_hyphenated_complement_keeps_the_office_before_the_comma() {
    // Rule described-head-place: a hyphen inside the complement's name ("Lom-Bara").
    let text = "The prefect of Lom-Bara, Andre Kolo, said the road was closed.";
    assert_eq!(role_of(text, "Andre Kolo").as_deref(), Some("prefect"));
}

#[test]
fn another_count_in_a_new_sentence_counts_what_the_last_one_counted() {
    // Rule another-across (`src/amounts/mod.rs`, `[elided-across]` in `data/amounts.txt`).
    let k = read(
        "The council moved 210 families to tents. Another 35 are staying with relatives, it said.",
    );
    let a: Vec<(String, String)> = k
        .amounts
        .iter()
        .map(|a| (a.value.clone(), a.unit.clone()))
        .collect();
    assert_eq!(
        a,
        [
            ("210".to_string(), "families".to_string()),
            ("35".to_string(), "families".to_string())
        ]
    );
}

#[test]
fn a_percentage_of_a_noun_phrase_measures_it() {
    // Rule percent-of (`src/amounts/measure.rs`, `measure_of`).
    let k = read("About 15 percent of the region's sown area is under water, the ministry said.");
    let m = k
        .amounts
        .first()
        .and_then(|a| a.measure.as_ref())
        .map(|p| p.text.clone());
    assert_eq!(m.as_deref(), Some("region's sown area"));
}

#[test]
fn a_weekday_range_after_a_noun_and_its_infinitive_keeps_the_past_clause() {
    // Rule noun-infinitive (`src/time/matcher.rs`): "attempts to cross" is no future.
    // Published Tuesday 2024-03-12.
    let k = read(
        "The ministry said its units had foiled two attempts to cross the line between Friday and Sunday.",
    );
    let d: Vec<String> = k.dates.iter().map(|d| d.resolved.value.clone()).collect();
    assert_eq!(d, ["2024-03-08/2024-03-10"]);
}

#[test]
fn the_agency_of_the_dateline_is_an_outlet_not_a_person() {
    // Rule dateline-outlet (`src/entities/mod.rs`): the bracketed agency of the dateline.
    let text = "YEREVAN, May 14 (Zorapress) - The mayor, Aram Tovmasyan, told the local radio that three houses were damaged, Zorapress reported.";
    let names: Vec<String> = common::persons(text).into_iter().map(|(n, _)| n).collect();
    assert_eq!(names, ["Aram Tovmasyan"]);
}

#[test]
fn a_trailing_told_names_the_dateline_agency_as_reporter() {
    // Rule dateline-outlet: "…, X told Zorapress." relays through the agency.
    let q = common::quotes(
        "YEREVAN, May 14 (Zorapress) - Three houses were damaged, the mayor, Aram Tovmasyan, told Zorapress.",
    );
    assert_eq!(
        q,
        [common::q(
            demarche_extract::QuoteKind::Indirect,
            "Aram Tovmasyan",
            &["Zorapress"],
            "Three houses were damaged"
        )]
    );
}

#[test]
fn a_long_title_with_and_inside_its_complement_before_a_name() {
    // Rule complement-and with the domains of `[org-domain]` (`data/names.txt`): "… of A and
    // B X Y" leaves B to the title.
    let p = common::persons(
        "Deputy Minister of Coastal Administration and Infrastructure Lena Varga visited the port.",
    );
    assert_eq!(
        p,
        [common::person(
            "Lena Varga",
            "Deputy Minister of Coastal Administration and Infrastructure"
        )]
    );
}

#[test]
fn a_long_title_with_a_comma_between_its_domains() {
    // Rule domain-list-comma (`src/titles.rs`, `title_start`).
    let p = common::persons(
        "Minister of Housing, Construction and Sanitation Ines Barco said the road would reopen.",
    );
    assert_eq!(
        p,
        [common::person(
            "Ines Barco",
            "Minister of Housing, Construction and Sanitation"
        )]
    );
}

#[test]
fn an_office_far_before_for_titles_the_complement_run() {
    // Rule long-title-complement (`src/entities/parts.rs`): the office six words before "for".
    let names: Vec<String> = common::persons(
        "Chairman of the State Commission for Emergencies Rustam Nazri flew to the valley.",
    )
    .into_iter()
    .map(|(n, _)| n)
    .collect();
    assert_eq!(names, ["Rustam Nazri"]);
}

#[test]
fn the_first_half_of_a_long_title_before_and_is_no_person() {
    // Rule title-before-and (`src/entities/parts.rs`).
    let names: Vec<String> = common::persons(
        "Additional Flood Relief and Resettlement Commissioner Omar Faruk told reporters the camps were full.",
    )
    .into_iter()
    .map(|(n, _)| n)
    .collect();
    assert_eq!(names, ["Omar Faruk"]);
}
