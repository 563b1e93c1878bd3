//! Fixture tests for the general rules of the twenty-first knowledge round (helper know25,
//! ROUND20.md at the repository root of its branch): one short text of our own for each
//! construction, none taken from the development articles; each failed on the code before the
//! round.
//!
//! ```text
//! cargo test -p demarche-extract --test shapes22
//! ```

mod common;

use common::{names, read, role_of};
use demarche_extract::QuoteKind;

#[test]
fn a_bare_name_told_before_that_is_an_outlet() {
    // Rule told-name-outlet (`src/quotes/reporters.rs`).
    let q = common::quotes(
        "The mayor of Rundu, Peter Kamati, told Rundunews that two roads had closed.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].2, ["Rundunews"]);
}

#[test]
fn a_name_told_at_the_end_of_a_quotation_is_an_outlet() {
    // Rule told-name-outlet, closing the sentence after a direct quotation.
    let q =
        common::quotes("\"We lost the whole harvest,\" a farmer, Anna Shilongo, told Agrinews.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, QuoteKind::Direct);
    assert_eq!(q[0].2, ["Agrinews"]);
}

#[test]
fn a_capitalised_function_word_may_open_an_outlet_told() {
    // Rule told-name-outlet: "New" is a function word, not the whole name.
    let q = common::quotes("Councillor Ruth Amadhila told New Horizon that the dam had burst.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].2, ["New Horizon"]);
}

#[test]
fn the_last_words_of_a_longer_name_are_the_same_person() {
    // Rule name-tail (`src/entities/mod.rs`).
    let text =
        "Maria Ya Toivo, a nurse, said the clinic was full. \"We need tents,\" Ya Toivo said.";
    assert_eq!(names(text), ["Maria Ya Toivo"]);
    let q = common::quotes(text);
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[1].1, "Maria Ya Toivo");
}

#[test]
fn an_apposition_closed_by_an_acronym_keeps_its_office_complement() {
    // Rule complement-after (`src/titles/apposition.rs`), with `chairperson` under
    // `[complement-office]` (`data/names.txt`).
    let text = "Josef Amupolo, the chairperson of the drought committee at the Kunene Regional \
                Council (KRC), said the boreholes were dry.";
    assert_eq!(
        role_of(text, "Josef Amupolo").as_deref(),
        Some("chairperson of the drought committee at the Kunene Regional Council")
    );
}

#[test]
fn a_long_apposition_keeps_the_quotation_after_it() {
    // Rule long-apposition (`src/quotes/subject.rs`, `appositive_subject`).
    let text = "Josef Amupolo, the chairperson of the flood risk management committee at the \
                Kunene Regional Council (KRC), told reporters that boats had been requested.";
    let q = common::quotes(text);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "Josef Amupolo");
    assert_eq!(q[0].3, "boats had been requested");
}

#[test]
fn an_office_in_another_office_is_one_title() {
    // Rule office-in (`src/titles.rs`, `title_start` and `read`).
    let text = "The Minister of State in the Vice President's Office John Banda said the aid would \
                arrive.";
    assert_eq!(
        role_of(text, "John Banda").as_deref(),
        Some("Minister of State in the Vice President's Office")
    );
}

#[test]
fn a_directive_then_said_reports_the_second_verb() {
    // Rule directive-then-said (`src/quotes/content.rs`).
    let q = common::quotes(
        "The police chief, Ana Ruiz, warned drivers not to enter the ford and said 12 people had \
         been pulled out.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].3, "12 people had been pulled out");
}

#[test]
fn a_title_opening_the_clause_leads_to_its_person() {
    // Rule title-opens-clause (`src/quotes/subject.rs`).
    let q = common::quotes(
        "Deputy Prime Minister Tamir Bold visited the town on Monday and said the army would help.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "Tamir Bold");
}

#[test]
fn names_listed_before_a_plural_feature_are_no_persons() {
    // Rule listed-features (`src/entities/parts.rs`, `no_person`).
    assert!(names("The Nam Tha and Nam Beng rivers burst their banks.").is_empty());
}

#[test]
fn a_plain_noun_opening_the_sentence_stays_in_the_title() {
    // Rule opening-noun (`src/titles.rs`, `read`).
    let text = "Fire service spokesman Petros Ioannou said the fire was out.";
    assert_eq!(
        role_of(text, "Petros Ioannou").as_deref(),
        Some("Fire service spokesman")
    );
}

#[test]
fn a_province_before_an_address_keeps_the_title() {
    // `province` under `[role-modifier]` (`data/names.txt`).
    let text = "The Deputy Governor of Savannakhet province, Mr Khamphan Sitthi, said the water was \
                rising.";
    assert_eq!(
        role_of(text, "Khamphan Sitthi").as_deref(),
        Some("Deputy Governor of Savannakhet province")
    );
}

#[test]
fn a_constituency_councillor_is_a_role() {
    // `councillor` under `[role]`, `constituency` under `[role-modifier]` (`data/names.txt`); the
    // region before it is the post's place.
    let text = "Oshana constituency councillor Maria Nghipondoka said the road was closed.";
    assert_eq!(
        role_of(text, "Maria Nghipondoka").as_deref(),
        Some("constituency councillor")
    );
}

#[test]
fn brigadier_general_is_one_rank() {
    // `brigadier` under `[role-modifier]` (`data/names.txt`).
    let text =
        "Brigadier General D. Ganbold, a member of the commission, said the road was closed.";
    assert_eq!(
        role_of(text, "D. Ganbold").as_deref(),
        Some("Brigadier General")
    );
}

#[test]
fn a_plural_agency_head_ends_the_outlet_told() {
    // `services` under `[org-head]` (`data/names.txt`).
    let q = common::quotes(
        "Peter Lungu told the Kafue News and Information Services (KNIS) that 90 families had fled.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].3, "90 families had fled");
}

#[test]
fn the_tugrik_code_before_a_number_is_a_currency() {
    // `mnt MNT` under `[currency-before]` (`data/amounts.txt`).
    let k = read("The government will release MNT 300 million for repairs.");
    let a: Vec<(String, String)> = k
        .amounts
        .iter()
        .map(|a| (a.value.clone(), a.unit.clone()))
        .collect();
    assert_eq!(a, [("300000000".to_string(), "MNT".to_string())]);
}
