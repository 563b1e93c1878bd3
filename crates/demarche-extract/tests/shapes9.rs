//! Fixture tests for the shapes of dates and places added in the ninth round of knowledge work
//! (README, "People, quotations, amounts and dates"): one short text of our own for each
//! general rule, none taken from the development articles.
//!
//! ```text
//! cargo test -p demarche-extract --test shapes9
//! ```

mod common;

use common::read;
use demarche_extract::{QuoteKind, extract};

/// (text, resolved value) of every date found, read as of `published`.
fn dates(text: &str, published: &str) -> Vec<(String, String)> {
    extract(text, demarche_model::parse_date(published).ok(), None)
        .dates
        .iter()
        .map(|d| (d.text.clone(), d.resolved.value.clone()))
        .collect()
}

fn date(text: &str, value: &str) -> (String, String) {
    (text.to_string(), value.to_string())
}

// 2024-03-12 is a Tuesday.

#[test]
fn a_word_of_plans_before_a_verb_particle_is_a_past_verb() {
    // Rule plan-word-phrasal: "set off" is no plan; the weekday lies behind.
    assert_eq!(
        dates(
            "Protests set off by the fuel price rise spread to the port on Friday.",
            "2024-03-12"
        ),
        [date("Friday", "2024-03-08")]
    );
    // After a form of "be" the auxiliary decides: "will be set up" lies ahead.
    assert_eq!(
        dates("A field hospital will be set up on Friday.", "2024-03-12"),
        [date("Friday", "2024-03-15")]
    );
}

#[test]
fn a_weekday_range_is_one_stretch_of_days() {
    // Rule weekday-range: the stretch that holds the publication day, whatever the tense.
    assert_eq!(
        dates(
            "Forecasters said storms would lash the coast from Monday to Thursday.",
            "2024-03-12"
        ),
        [date("Monday to Thursday", "2024-03-11/2024-03-14")]
    );
    // Else the tense places it: ahead …
    assert_eq!(
        dates(
            "The talks will run from Thursday to Saturday.",
            "2024-03-12"
        ),
        [date("Thursday to Saturday", "2024-03-14/2024-03-16")]
    );
    // … or behind.
    assert_eq!(
        dates("Voting took place between Friday and Sunday.", "2024-03-12"),
        [date("Friday and Sunday", "2024-03-08/2024-03-10")]
    );
}

#[test]
fn a_weekend_is_its_saturday_and_sunday() {
    // Rule weekend: ahead in a clause of the future, behind in one of the past.
    assert_eq!(
        dates(
            "Engineers will inspect the dam over the weekend.",
            "2024-03-12"
        ),
        [date("the weekend", "2024-03-16/2024-03-17")]
    );
    assert_eq!(
        dates("The militia withdrew over the weekend.", "2024-03-12"),
        [date("the weekend", "2024-03-09/2024-03-10")]
    );
    assert_eq!(
        dates("Two ferries sank last weekend.", "2024-03-12"),
        [date("last weekend", "2024-03-09/2024-03-10")]
    );
    // A text of a Sunday: "this weekend" is the one it is in.
    assert_eq!(
        dates("Markets stayed shut this weekend.", "2024-03-17"),
        [date("this weekend", "2024-03-16/2024-03-17")]
    );
}

#[test]
fn a_region_that_owns_an_office_is_a_place_even_opening_a_sentence() {
    // Rule office-owner: "Balochistan's chief minister" is the region's, not a person's.
    let k = read(
        "Pakistan said the road would reopen. Balochistan's chief minister, Sadia Raisani, \
         said the army would clear it.",
    );
    let persons: Vec<&str> = k.persons.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(persons, ["Sadia Raisani"]);
    let places: Vec<&str> = k.places.iter().map(|p| p.name.as_str()).collect();
    assert!(places.contains(&"Balochistan"), "{places:?}");
}

#[test]
fn a_name_after_a_place_noun_with_its_own_description_is_a_person() {
    // Rule described-after-place-noun: "Kandahar, the provincial capital, Mohammad Daud
    // Wardak, head of …" names a person; the round-5 shape ("the provincial capital, Feroz
    // Koh, was cut off") stays a place.
    let k = read(
        "Roads were cut near Kandahar, the provincial capital, Mohammad Daud Wardak, head of \
         the provincial health department, told reporters.",
    );
    let persons: Vec<&str> = k.persons.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(persons, ["Mohammad Daud Wardak"]);
}

#[test]
fn an_owner_of_several_words_opens_a_trailing_title() {
    // Rule owner-title, with an owner of two words before its possessive.
    assert_eq!(
        common::persons(
            "Thailand reopened the bridge. Ferries will run until June, Nakhon Phanom's deputy \
             governor, Somchai Wongsa, told reporters."
        ),
        [common::person("Somchai Wongsa", "deputy governor")]
    );
}

#[test]
fn a_noun_phrase_before_an_auxiliary_after_said_is_the_contents_subject() {
    // Rule content-subject: "said her house had …" is no inverted "…, said her spokesman";
    // the described name before it speaks.
    let k = read("A shopkeeper, Amina Yusuf, said her house had flooded twice this year.");
    let got: Vec<(Option<String>, String)> = k
        .quotations
        .iter()
        .map(|q| (q.speaker.name.clone(), q.text.clone()))
        .collect();
    assert_eq!(
        got,
        [(
            Some("Amina Yusuf".to_string()),
            "her house had flooded twice this year".to_string()
        )]
    );
}

#[test]
fn a_which_clause_between_the_subject_and_said_describes_it() {
    // Rule which-apposition.
    assert_eq!(
        common::quotes(
            "The union, which represents some 4,000 dock workers, said on Monday that the strike \
             would go on."
        ),
        [common::q(
            QuoteKind::Indirect,
            "The union",
            &[],
            "the strike would go on"
        )]
    );
}
