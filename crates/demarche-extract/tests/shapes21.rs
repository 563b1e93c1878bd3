//! Fixture tests for the general rules of the twentieth knowledge round (helper know24,
//! ROUND20.md): one short text of our own for each construction, none taken from the
//! development articles; each failed on the code before the round.
//!
//! ```text
//! cargo test -p demarche-extract --test shapes21
//! ```

mod common;

use common::{names, role_of, units};

#[test]
fn a_part_of_a_counted_whole_counts_what_the_whole_counts() {
    // Rule part-of-whole (`src/amounts/mod.rs`).
    assert_eq!(
        units("Schools were shut in 12 of the province's 40 districts."),
        [
            ("12".to_string(), "districts".to_string()),
            ("40".to_string(), "districts".to_string())
        ]
    );
    assert_eq!(
        units("About 900 pupils were stranded, and 350 of them were flown out."),
        [
            ("900".to_string(), "pupils".to_string()),
            ("350".to_string(), "pupils".to_string())
        ]
    );
}

#[test]
fn a_ten_and_a_unit_joined_by_a_hyphen_is_one_number() {
    // Rule hyphen-cardinal (`src/amounts/numbers.rs`).
    assert_eq!(
        units("Forty-two fishermen were rescued."),
        [("42".to_string(), "fishermen".to_string())]
    );
}

#[test]
fn a_verb_of_remaining_is_no_counted_noun() {
    // `remain remained` under `[not-unit]` (`data/amounts.txt`); rule elided-subject.
    assert_eq!(
        units("Nine people have died and three remain missing."),
        [
            ("9".to_string(), "people".to_string()),
            ("3".to_string(), "people".to_string())
        ]
    );
}

#[test]
fn a_word_after_a_plural_is_no_part_of_its_noun() {
    // Rule plural-ends-noun (`src/amounts/units.rs`).
    assert_eq!(
        units("Storm hits coast, 60 families homeless"),
        [("60".to_string(), "families".to_string())]
    );
}

#[test]
fn an_outlet_whose_name_opens_with_a_digit_relays() {
    // Rule told-numbered-outlet (`src/quotes/reporters.rs`).
    let q = common::quotes("The mayor, Ana Ruiz, told 7dias.bo that the bridge had collapsed.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].2, ["7dias.bo"]);
}

#[test]
fn major_before_a_name_is_a_rank() {
    // `major` under `[rank]` and `[role-modifier]` (`data/names.txt`).
    let text = "The commander of the river patrol, Major Ivo Petrak, said the boats were out.";
    assert_eq!(names(text), ["Ivo Petrak"]);
}

#[test]
fn two_offices_joined_by_and_keep_their_complements() {
    // Rule joined-offices (`src/titles.rs`, `read`).
    let text = "Deputy Minister of Water and Chairman of the Drought Commission Emil Sarkov said \
                the wells were dry.";
    assert_eq!(
        role_of(text, "Emil Sarkov").as_deref(),
        Some("Deputy Minister of Water and Chairman of the Drought Commission")
    );
}

#[test]
fn a_bracket_before_the_name_closes_its_title() {
    // Rule bracketed-before-name (`src/titles.rs`, `before`).
    let text = "Director of the National Roads Agency (NRA) Paul Mensah said the road was shut.";
    assert_eq!(
        role_of(text, "Paul Mensah").as_deref(),
        Some("Director of the National Roads Agency")
    );
}

#[test]
fn a_complement_that_lists_domains_stays_with_its_office() {
    // Rule listed-domains (`src/titles.rs`, `described_head`); rule domain-run
    // (`src/entities/parts.rs`).
    let text = "The director of the city's Office for Housing, Transport and Civil Protection, \
                Lea Marin, said 40 homes were flooded.";
    assert_eq!(
        role_of(text, "Lea Marin").as_deref(),
        Some("director of the city's Office for Housing, Transport and Civil Protection")
    );
    assert_eq!(names(text), ["Lea Marin"]);
}

#[test]
fn an_office_at_an_organisation_stays_one_title() {
    // Rule office-at (`src/titles.rs`, `before_comma`).
    let text = "The Director of Forecasting at the Weather Authority, Omar Said, said rain would \
                ease.";
    assert_eq!(
        role_of(text, "Omar Said").as_deref(),
        Some("Director of Forecasting at the Weather Authority")
    );
}

#[test]
fn a_bracketed_acronym_closes_an_apposition() {
    // Rule bracketed-acronym-after (`src/titles.rs`, `after`).
    let text = "Sara Lind, the spokeswoman for the Coast Rescue Service (CRS), said two boats \
                were missing.";
    assert_eq!(role_of(text, "Sara Lind").as_deref(), Some("spokeswoman"));
}

#[test]
fn a_run_before_a_lower_case_office_is_no_person() {
    // Rule post-before-office (`src/entities/parts.rs`).
    let text = "Novo Selo mayor Darko Ilic said the school would stay shut.";
    assert_eq!(names(text), ["Darko Ilic"]);
}

#[test]
fn a_domain_of_an_office_after_of_is_no_name() {
    // `civil` and the other round-20 domains under `[org-domain]` (`data/names.txt`).
    let text = "Vice Minister of Civil Defence Rosa Flores said aid was on its way.";
    assert_eq!(names(text), ["Rosa Flores"]);
}
