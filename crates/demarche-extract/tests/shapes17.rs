//! Fixture tests for the general rules of the sixteenth knowledge round (helper know20,
//! ROUND16.md): one short text of our own for each construction, none taken from the
//! development articles; each failed on the code before the round.
//!
//! ```text
//! cargo test -p demarche-extract --test shapes17
//! ```

mod common;

use common::{amount, amounts, dates};

#[test]
fn a_weekday_after_will_stay_closed_lies_ahead() {
    // Rule copula-participle (`src/time/matcher.rs`, `[copula]` in `data/time.txt`): the
    // participle after "stay" is no past form; "will" decides. Published Tuesday 2024-03-12.
    assert_eq!(
        dates("Schools in the valley will stay closed on Friday, the council said."),
        [("Friday".to_string(), "2024-03-15".to_string())]
    );
}

#[test]
fn a_trailing_speaker_after_a_description_with_an_acronym() {
    // Rule acronym-in-gap (`src/quotes/direct.rs`, `closing_gap`): the bracketed acronym in the
    // description before the speaker's name no longer breaks the gap.
    let q = common::quotes(
        "\"The river is still rising,\" the head of the National Flood Response Unit (NFRU), Mara Olsen, told reporters.",
    );
    assert_eq!(
        q,
        [common::q(
            demarche_extract::QuoteKind::Direct,
            "Mara Olsen",
            &[],
            "The river is still rising"
        )]
    );
}

#[test]
fn a_titled_name_of_a_police_unit_speaks_not_the_unit() {
    // Rule person-of-unit (`src/quotes/subject.rs`): "Inspector X of the Y Police Station said".
    let q = common::quotes(
        "Inspector Rafael Ortiz of the Riverside Police Station said the driver had fled.",
    );
    assert_eq!(
        q,
        [common::q(
            demarche_extract::QuoteKind::Indirect,
            "Rafael Ortiz",
            &[],
            "the driver had fled"
        )]
    );
}

#[test]
fn elided_counts_stand_for_what_was_counted_before() {
    // Rules elided-subject and of-them (`src/amounts/mod.rs`).
    assert_eq!(
        amounts("Nine people, two of them nurses, were killed and 12 were hurt in the blast."),
        [
            amount("Nine people", "9", "people"),
            amount("two", "2", "nurses"),
            amount("12", "12", "people")
        ]
    );
    assert_eq!(
        amounts("Four bodies were found in Lamu and three in Kilifi."),
        [
            amount("Four bodies", "4", "bodies"),
            amount("three", "3", "bodies")
        ]
    );
    assert_eq!(
        amounts("Ten children, three of them girls, were taken."),
        [
            amount("Ten children", "10", "children"),
            amount("three", "3", "girls")
        ]
    );
}

#[test]
fn a_bare_count_after_put_the_number_of_at() {
    // Rule put-number-at (`src/amounts/mod.rs`).
    assert_eq!(
        amounts("The agency put the number of homes flooded since June at 2,300."),
        [amount("2,300", "2300", "homes")]
    );
}

#[test]
fn a_number_inside_a_name_is_no_amount() {
    // Rule number-in-name (`src/amounts/mod.rs`).
    assert!(amounts("Rescue 1122 spokesman Omar Baig said the road was open.").is_empty());
}

#[test]
fn a_participle_between_number_and_noun_modifies_the_noun() {
    // Rule participle-modifier (`src/amounts/units.rs`): the noun is counted, not the participle
    // or the adjective of harm; after the noun, "dead" ends the phrase.
    assert_eq!(
        amounts("Police found about 30 spent shells and three missing hikers."),
        [
            amount("30 spent shells", "30", "shells"),
            amount("three missing hikers", "3", "hikers")
        ]
    );
    assert_eq!(amounts("Storm leaves 6 fishermen dead.")[0].2, "fishermen");
}
