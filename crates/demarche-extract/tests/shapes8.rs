//! Fixture tests for the shapes of naming, titles and attribution added in the eighth round of
//! knowledge work (README, "People, quotations, amounts and dates"): one short text of our own
//! for each general rule, none taken from the development articles.
//!
//! ```text
//! cargo test -p demarche-extract --test shapes8
//! ```

mod common;

use common::{person, persons, q, quotes, read};
use demarche_extract::QuoteKind;

#[test]
fn civil_service_offices_are_roles() {
    // The [role] words "undersecretary" and "officer".
    assert_eq!(
        persons(
            "Foreign Affairs Undersecretary Lena Duarte met Marco Ruiz, the chief customs \
             officer of Callao."
        ),
        [
            person("Lena Duarte", "Foreign Affairs Undersecretary"),
            person("Marco Ruiz", "chief customs officer"),
        ]
    );
}

#[test]
fn the_second_titled_name_of_a_list_opens_after_its_and() {
    // Rule listed-title.
    assert_eq!(
        persons(
            "The Minister of Health, Ama Boateng, and the Minister of State for Health, Kofi \
             Mensah, opened the clinic."
        ),
        [
            person("Ama Boateng", "Minister of Health"),
            person("Kofi Mensah", "Minister of State for Health"),
        ]
    );
}

#[test]
fn an_owner_opens_a_title_after_a_name_and_its_and() {
    // Rules owner-title and and-after-name: the title before the comma neither runs back
    // across "and" into the first person's name nor needs an article.
    assert_eq!(
        persons(
            "State Secretary for European Affairs Jan Novak and Austria's Director of the \
             Baltic and Nordic Affairs Division, Eva Gruber, met in Vienna."
        )[1],
        person("Eva Gruber", "Director")
    );
}

#[test]
fn a_weekday_before_the_comma_is_no_part_of_the_title() {
    // Rule time-before-title.
    assert_eq!(
        persons("Shops reopened on Tuesday, the district administrator, Omar Jama, said."),
        [person("Omar Jama", "district administrator")]
    );
}

#[test]
fn a_capitalised_verb_form_inside_an_apposition_is_part_of_a_name() {
    // Rule capital-name-word: "State" in "Lagos State Governor" is no speech verb.
    assert_eq!(
        persons("Bola Ade, Special Adviser to the Lagos State Governor, opened the bridge."),
        [person("Bola Ade", "Special Adviser")]
    );
}

#[test]
fn an_office_complement_goes_on_after_and() {
    // Rule complement-and, with the domain words "fisheries" and "housing".
    assert_eq!(
        persons("Minister of Fisheries and Housing Rui Tavares visited the harbour."),
        [person("Rui Tavares", "Minister of Fisheries and Housing")]
    );
}

#[test]
fn an_organisation_name_takes_in_and_before_its_head() {
    // Rule and-org-ahead: no person "Coastal Flood Protection".
    assert!(
        persons(
            "The National Coastal Flood Protection and Drainage Authority said roads were shut."
        )
        .is_empty()
    );
    // A person before "and" stays a person.
    assert_eq!(
        persons("President Ana Costa and World Bank officials toured the dam."),
        [person("Ana Costa", "President")]
    );
}

#[test]
fn a_description_before_an_apposed_name_belongs_to_the_trailing_speaker() {
    // Rule description-apposition, with a ranked name.
    assert_eq!(
        quotes(
            "Two bridges were closed on Friday, the head of the road agency, Col. Amir Saleh, \
             said."
        ),
        [q(
            QuoteKind::Indirect,
            "Amir Saleh",
            &[],
            "Two bridges were closed on Friday"
        )]
    );
}

#[test]
fn a_leading_order_yields_to_a_trailing_teller() {
    // Rule trailing-teller.
    assert_eq!(
        quotes(
            "Governor Rosa Lima had urged farmers to move their herds, her spokeswoman, Ms. \
             Clara Nunes, told Reuters."
        ),
        [q(
            QuoteKind::Indirect,
            "Clara Nunes",
            &["Reuters"],
            "Governor Rosa Lima had urged farmers to move their herds"
        )]
    );
}

#[test]
fn an_organisation_told_after_an_article_relays() {
    // Rule told-organisation: an acronym in brackets, and an owner's outlet.
    assert_eq!(
        quotes("Ade Bello told the Ghana News Agency (GNA) that two schools had reopened."),
        [q(
            QuoteKind::Indirect,
            "Ade Bello",
            &["Ghana News Agency"],
            "two schools had reopened"
        )]
    );
    assert_eq!(
        quotes("Sara Tadesse told the BBC's Somali service that the port was calm."),
        [q(
            QuoteKind::Indirect,
            "Sara Tadesse",
            &["BBC"],
            "the port was calm"
        )]
    );
}

#[test]
fn a_participle_of_calling_speaks_for_the_main_clause() {
    // Rule calling-participle.
    assert_eq!(
        quotes(
            "Peru's foreign minister, Elena Rojas, on Monday rejected the fishing ban, calling \
             it \"a breach of every treaty we signed.\""
        ),
        [q(
            QuoteKind::Direct,
            "Elena Rojas",
            &[],
            "a breach of every treaty we signed"
        )]
    );
}

/// (text, value, unit, measure) of every amount found.
fn amounts(text: &str) -> Vec<(String, String, String, Option<String>)> {
    read(text)
        .amounts
        .iter()
        .map(|a| {
            (
                a.text.clone(),
                a.value.clone(),
                a.unit.clone(),
                a.measure.as_ref().map(|m| m.text.clone()),
            )
        })
        .collect()
}

fn amount(
    text: &str,
    value: &str,
    unit: &str,
    measure: Option<&str>,
) -> (String, String, String, Option<String>) {
    (
        text.to_string(),
        value.to_string(),
        unit.to_string(),
        measure.map(str::to_string),
    )
}

#[test]
fn a_number_word_after_a_verb_of_harm_is_an_amount() {
    // Rule harm-word-number; a number word after another verb stays no amount.
    assert_eq!(
        amounts("Storm hits coastal towns, killing seven"),
        [amount("seven", "7", "", None)]
    );
    assert!(amounts("Talks resumed on Monday and the two agreed.").is_empty());
}

#[test]
fn an_elided_word_before_a_noun_modifies_it() {
    // Rule elided-modifier.
    assert_eq!(
        amounts("Schools shut in four other provinces.")[0],
        amount(
            "four other provinces",
            "4",
            "provinces",
            Some("other provinces")
        )
    );
}

#[test]
fn a_predicative_adjective_after_the_counted_noun_is_no_unit() {
    // [not-unit] alive, unharmed, unhurt, safe.
    assert_eq!(
        amounts("Divers brought three fishermen alive to the shore."),
        [amount("three fishermen", "3", "fishermen", None)]
    );
}

#[test]
fn a_number_hyphenated_to_a_unit_of_measure() {
    // Rule hyphen-unit.
    assert_eq!(
        amounts("The army closed the 85-km highway."),
        [amount("85-km", "85", "km", Some("highway"))]
    );
}

#[test]
fn what_an_amount_measures_past_its_unit_after_worth_and_as_a_subject() {
    // Rule unit-not-measure.
    assert_eq!(
        amounts("The dam holds 74 billion cubic metres of river water.")[0].3,
        Some("river water".to_string())
    );
    // "worth" in [measure-verb], and in [not-unit] after a counted noun.
    assert_eq!(
        amounts("They signed 12 accords worth $5 billion.")[0],
        amount("12 accords", "12", "accords", None)
    );
    assert_eq!(
        amounts("Japan signed contracts worth $2 billion.")[0].3,
        Some("contracts".to_string())
    );
    // Past a prepositional phrase with "for" to the noun it modifies.
    assert_eq!(
        amounts("Spain approved a fresh loan for Peru worth 300 million euros.")[0].3,
        Some("fresh loan".to_string())
    );
    // Rule amount-is-noun.
    assert_eq!(
        amounts("Of that sum, $40 million is a grant.")[0].3,
        Some("grant".to_string())
    );
}

#[test]
fn quoted_to_have_said() {
    // Rule quoted-to-have-said.
    assert_eq!(
        quotes("Mayor Efe Okon was quoted to have said the market would reopen."),
        [q(
            QuoteKind::Indirect,
            "Efe Okon",
            &[],
            "the market would reopen"
        )]
    );
}

#[test]
fn a_lower_case_modifier_before_a_described_office() {
    // Rule modified-described-head.
    assert_eq!(
        persons("The procurement officer of the port, Lina Haddad, confirmed the order."),
        [person("Lina Haddad", "procurement officer")]
    );
}

#[test]
fn a_description_opening_the_sentence_before_an_adjunct_speaks() {
    // Rule described-before-adjunct.
    assert_eq!(
        quotes("The two governors, in a joint letter on Friday, said the road would stay shut."),
        [q(
            QuoteKind::Indirect,
            "The two governors",
            &[],
            "the road would stay shut"
        )]
    );
}
