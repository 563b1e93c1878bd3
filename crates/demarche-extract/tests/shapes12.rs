//! Fixture tests for the shapes added in the twelfth round of knowledge work (ROUND12.md): one
//! short text of our own for each general rule, none taken from the development articles.
//!
//! ```text
//! cargo test -p demarche-extract --test shapes12
//! ```

mod common;

use common::{persons, places, q, quotes, read};
use demarche_extract::QuoteKind::Indirect;

#[test]
fn an_outlet_after_confirmed_to_relays_the_words() {
    // Rule confirmed-to, `[to-hearer]` in `data/speech.txt`.
    assert_eq!(
        quotes(
            "The district police chief, Omar Saleh, confirmed to Radio Dabanga that four suspects had been arrested."
        ),
        [q(
            Indirect,
            "Omar Saleh",
            &["Radio Dabanga"],
            "four suspects had been arrested"
        )]
    );
}

#[test]
fn confirmed_to_an_outlet_with_its_acronym_is_no_content() {
    // Rule confirmed-to: the bracketed short name belongs to the outlet, not to the content.
    let found = quotes(
        "The district police chief, Omar Saleh, confirmed to the Sudan Tribune (ST) that four suspects had been arrested.",
    );
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].3, "four suspects had been arrested");
    assert_eq!(found[0].2.len(), 1, "{found:?}");
}

#[test]
fn a_news_site_told_relays_the_words() {
    // `[outlet]`: "site"; rule capitalised-function-word keeps "Now" inside the outlet's name.
    assert_eq!(
        quotes("A local elder, Hassan Ali, told the Kaab Now news site that the road was closed."),
        [q(
            Indirect,
            "Hassan Ali",
            &["the Kaab Now news site"],
            "the road was closed"
        )]
    );
}

#[test]
fn a_web_address_is_an_outlet() {
    // Rule web-address, `[web-domain]` in `data/names.txt`.
    assert_eq!(
        quotes("Farmers told Kabarnews.com that the canal had burst."),
        [q(
            Indirect,
            "Farmers",
            &["Kabarnews.com"],
            "the canal had burst"
        )]
    );
}

#[test]
fn a_statement_read_on_a_broadcaster_is_relayed_by_it() {
    // Rule aired-on, `[aired]` in `data/speech.txt`: after the verb and opening the sentence.
    assert_eq!(
        quotes(
            "The army said in a statement read on state broadcaster ORTM on Monday that 12 fighters had been killed."
        ),
        [q(
            Indirect,
            "The army",
            &["ORTM"],
            "12 fighters had been killed"
        )]
    );
    assert_eq!(
        quotes(
            "In a statement aired on state broadcaster ORTM, the army said 12 fighters had been killed."
        ),
        [q(
            Indirect,
            "the army",
            &["ORTM"],
            "12 fighters had been killed"
        )]
    );
}

#[test]
fn an_owner_spelled_like_a_speech_verb_opens_a_trailing_title() {
    // Rule owner-noun: "state" before "'s" is a noun, so the title is the speaker's.
    assert_eq!(
        quotes(
            "The flood has affected some 30,000 people, the state's environment commissioner, Amina Yusuf, said."
        ),
        [q(
            Indirect,
            "Amina Yusuf",
            &[],
            "The flood has affected some 30,000 people"
        )]
    );
}

#[test]
fn a_title_closed_by_a_bracketed_acronym_is_the_role() {
    // Rule bracketed-acronym-title.
    let p = persons(
        "The head of the Federal Roads Maintenance Agency (FERMA), Musa Danjuma, said the bridge would reopen.",
    );
    assert_eq!(p.len(), 1);
    assert!(p[0].1.is_some(), "{p:?}");
}

#[test]
fn an_ombudswoman_is_a_role() {
    // `[role]`: "ombudsman", "ombudswoman".
    assert_eq!(
        persons("The ombudswoman, Carla Rueda, said on X that the schools were closed."),
        [common::person("Carla Rueda", "ombudswoman")]
    );
}

#[test]
fn an_armed_group_named_without_a_head_word_is_no_person() {
    // `[org-known]`: "Islamic State".
    let k = read("Militants of Islamic State attacked the post, the army said.");
    assert!(k.persons.is_empty(), "{:?}", k.persons);
}

#[test]
fn a_company_after_its_company_noun_is_no_person() {
    // Rule company-noun, `[company-noun]` in `data/names.txt`.
    let k = read("The field's operator Sahara Basin Energy said a relief crew had arrived.");
    assert!(k.persons.is_empty(), "{:?}", k.persons);
}

#[test]
fn a_company_named_with_holdings_is_no_person() {
    // `[org-head]`: "Holdings", "Ltd", "Inc", "Plc".
    let k = read("Arcadia Mining Holdings said on Monday that the mine would close.");
    assert!(k.persons.is_empty(), "{:?}", k.persons);
}

#[test]
fn names_after_towns_of_are_places_not_persons() {
    // Rule settlement-of, `[settlement-of]` in `data/names.txt`.
    let k = read("Families fled to the towns of Gadamar and San Luis Tarra on Monday.");
    assert!(k.persons.is_empty(), "{:?}", k.persons);
}

#[test]
fn a_name_the_text_calls_a_region_is_no_person_elsewhere() {
    // Rule named-division: "Puntland region" makes the headline's "Puntland" a place.
    let k = read(
        "Puntland says its forces took the town\n\nForces of the semi-autonomous Puntland region took the town on Monday.",
    );
    assert!(k.persons.is_empty(), "{:?}", k.persons);
}

#[test]
fn a_plural_head_opening_a_sentence_does_not_take_a_country_into_a_name() {
    // Rule plural-opener: "Forces of Somalia's …" names Somalia, no organisation (and, since
    // session 15, Puntland, which places.tsv holds).
    let found = places("Forces of Somalia's semi-autonomous Puntland region took four bases.");
    assert_eq!(
        found,
        [
            common::place("Puntland", "Region", "SOM"),
            common::place("Somalia", "Country", "SOM")
        ]
    );
}
