//! Fixture tests for the shapes of attribution, naming and amounts added in the seventh round
//! of knowledge work (README, "People, quotations, amounts and dates"): one short sentence of
//! our own for each general rule, none taken from the development articles.
//!
//! ```text
//! cargo test -p demarche-extract --test shapes7
//! ```

mod common;

use common::{person, persons, q, quotes, read};
use demarche_extract::QuoteKind;

/// (text, value, max, unit) of every amount found.
fn amounts(text: &str) -> Vec<(String, String, Option<String>, String)> {
    read(text)
        .amounts
        .iter()
        .map(|a| {
            (
                a.text.clone(),
                a.value.clone(),
                a.max.clone(),
                a.unit.clone(),
            )
        })
        .collect()
}

fn amount(text: &str, value: &str, unit: &str) -> (String, String, Option<String>, String) {
    (text.to_string(), value.to_string(), None, unit.to_string())
}

fn range(
    text: &str,
    value: &str,
    max: &str,
    unit: &str,
) -> (String, String, Option<String>, String) {
    (
        text.to_string(),
        value.to_string(),
        Some(max.to_string()),
        unit.to_string(),
    )
}

#[test]
fn a_described_speaker_leads_before_an_outlets_report() {
    // Rule common-head.
    assert_eq!(
        quotes("Kenya's health ministry said two clinics had closed, the Nation reported."),
        [q(
            QuoteKind::Indirect,
            "Kenya's health ministry",
            &["the Nation"],
            "two clinics had closed"
        )]
    );
    // A verb that only relays ("carried out") makes no speaker of its subject.
    assert_eq!(
        quotes("Rebel fighters carried out raids near the dam, a local radio station reported."),
        [q(
            QuoteKind::Indirect,
            "a local radio station",
            &[],
            "Rebel fighters carried out raids near the dam"
        )]
    );
}

#[test]
fn a_speaker_before_the_reporting_agency_at_the_end() {
    // Rule double-trailing.
    assert_eq!(
        quotes(
            "Aid Minister Clara Ortiz toured the camp. The wells would be repaired by June, she \
             said, the agency reported."
        ),
        [q(
            QuoteKind::Indirect,
            "Clara Ortiz",
            &["the agency"],
            "The wells would be repaired by June"
        )]
    );
}

#[test]
fn a_direct_quotation_inside_a_told_clause_relayed_by_a_trailing_report() {
    // Rule relayed-direct.
    assert_eq!(
        quotes(
            "Mayor Ilse Brandt told reporters in Bremen that the port was \"open for business,\" \
             the DPA news agency reported."
        ),
        [q(
            QuoteKind::Direct,
            "Ilse Brandt",
            &["DPA"],
            "open for business"
        )]
    );
}

#[test]
fn an_opening_according_to_relays_the_attribution_after_it() {
    // Rule according-opener.
    assert_eq!(
        quotes("According to Radio Dhaka, the coast guard said six boats had capsized."),
        [q(
            QuoteKind::Indirect,
            "the coast guard",
            &["Radio Dhaka"],
            "six boats had capsized"
        )]
    );
}

#[test]
fn according_to_a_statement_carried_by_an_outlet_which_quoted_someone() {
    // Rules according-carried and which-quoted.
    assert_eq!(
        quotes(
            "Exports would resume next month, according to a statement from the trade ministry \
             carried by the Saba news agency, which quoted ministry official Nabil Qasim as \
             saying that the first ship had been loaded."
        ),
        [
            q(
                QuoteKind::Indirect,
                "a statement from the trade ministry",
                &["the Saba news agency"],
                "Exports would resume next month"
            ),
            q(
                QuoteKind::Indirect,
                "Nabil Qasim",
                &["the Saba news agency"],
                "the first ship had been loaded"
            ),
        ]
    );
}

#[test]
fn a_name_in_an_adjuncts_apposition_is_not_the_subject() {
    // Rule adjunct-apposition.
    assert_eq!(
        quotes(
            "Senator Paula Greco, in a letter signed by her chief of staff, Marco Villa, called \
             the ruling \"a grave mistake.\""
        ),
        [q(QuoteKind::Direct, "Paula Greco", &[], "a grave mistake")]
    );
}

#[test]
fn a_list_of_names_in_apposition_speaks() {
    // Rule name-list subject.
    let found = quotes(
        "The health ministers of Chile and Peru, Rosa Vidal and Juan Paredes, said on Monday that \
         the vaccine drive would be extended.",
    );
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].3, "the vaccine drive would be extended");
    assert!(
        ["Rosa Vidal", "Juan Paredes"].contains(&found[0].1.as_str()),
        "{found:?}"
    );
}

#[test]
fn a_passive_quoted_by_leaves_the_auxiliary_out_of_the_speaker() {
    assert_eq!(
        quotes(
            "The bridge will stay shut for a week, transport officials were quoted by the Anadolu \
             agency as saying."
        ),
        [q(
            QuoteKind::Indirect,
            "transport officials",
            &["the Anadolu agency"],
            "The bridge will stay shut for a week"
        )]
    );
}

#[test]
fn police_ranks_and_forms_of_address_are_no_part_of_a_name() {
    // Rule address-before-apposition, with the ranks and forms of address of data/names.txt.
    assert_eq!(
        persons(
            "The command's spokesman, DSP Aliyu Bello, and a village elder, Pa Joseph Ade, spoke."
        ),
        [
            person("Aliyu Bello", "spokesman"),
            person("Joseph Ade", "village elder"),
        ]
    );
}

#[test]
fn a_title_shared_by_names_between_dashes() {
    // Rule dash-apposition, with an article inside the title's list of countries.
    assert_eq!(
        persons(
            "The trade ministers of Ghana, the Gambia and Togo -- Kofi Mensah, Awa Jallow and \
             Edem Kodjo -- met in Accra."
        ),
        [
            person("Kofi Mensah", "trade ministers"),
            person("Awa Jallow", "trade ministers"),
            person("Edem Kodjo", "trade ministers"),
        ]
    );
}

#[test]
fn an_office_with_a_complement_after_to_and_on() {
    // Rules office-complement and plural-demonym.
    let found = persons(
        "Special Adviser to the President on Diaspora Nigerians Amina Yusuf visited the camp.",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "Amina Yusuf");
    assert!(
        found[0]
            .1
            .as_deref()
            .is_some_and(|r| r.starts_with("Special Adviser")),
        "{found:?}"
    );
}

#[test]
fn the_office_word_refers_back_to_its_abbreviation() {
    // Rule abbreviated-office ([role-abbreviation] in data/names.txt).
    assert_eq!(
        quotes("Gov. Ruth Akande visited the market. \"We will rebuild,\" the governor said."),
        [q(QuoteKind::Direct, "Ruth Akande", &[], "We will rebuild")]
    );
}

#[test]
fn signs_rials_square_units_and_scaled_ranges() {
    assert_eq!(
        amounts("The council paid N12 million and 40 billion rials for 300 square metres."),
        [
            amount("N12 million", "12000000", "NGN"),
            amount("40 billion rials", "40000000000", "IRR"),
            amount("300 square metres", "300", "square metres"),
        ]
    );
    // Rule scaled-range.
    assert_eq!(
        amounts("They will pump between 2 million and 2.5 million barrels."),
        [range(
            "between 2 million and 2.5 million barrels",
            "2000000",
            "2500000",
            "barrels"
        )]
    );
}

#[test]
fn bare_numbers_after_harm_verbs_gerunds_and_parts_of_a_count() {
    assert_eq!(
        amounts("Bandits kidnap 9 in Zamfara"),
        [amount("9", "9", "")]
    );
    assert_eq!(
        amounts("The raiders, numbering about 40, fled."),
        [amount("40", "40", "")]
    );
    // Rule elided-before: the part takes the unit of the nearest count at least as large.
    assert_eq!(
        amounts("Guards seized 80 rifles in five towns, including 30 in Gao."),
        [
            amount("80 rifles", "80", "rifles"),
            amount("five towns", "5", "towns"),
            amount("30", "30", "rifles"),
        ]
    );
}
