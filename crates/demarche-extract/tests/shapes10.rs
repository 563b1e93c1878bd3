//! Fixture tests for the shapes added in the tenth round of knowledge work (README, "People,
//! quotations, amounts and dates"): one short text of our own for each general rule, none taken
//! from the development articles.
//!
//! ```text
//! cargo test -p demarche-extract --test shapes10
//! ```

mod common;

use common::read;

// 2024-03-12 is a Tuesday.

#[test]
fn a_surname_without_its_joined_particle_is_the_same_person() {
    // Rule particle-surname: "Rashid" is "Karim al-Rashid", no second person.
    let k = read(
        "The interior minister, Karim al-Rashid, said on Monday that the road was open. Rashid told reporters that more trucks would follow.",
    );
    let persons: Vec<&str> = k.persons.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(persons, ["Karim al-Rashid"]);
}

#[test]
fn an_interview_with_an_outlet_relays_the_words() {
    // Rule interview-with: the broadcaster of the interview is the reporter.
    let q = common::quotes(
        "Opposition leader Lina Perez called the budget \"a fantasy\" in an interview with Radio Centro.",
    );
    let reporters: Vec<String> = q.iter().flat_map(|x| x.2.clone()).collect();
    assert_eq!(reporters, ["Radio Centro"]);
}

#[test]
fn from_one_date_until_another_is_one_stretch_of_days() {
    // Rule until-range: "from Dec. 20 until Jan. 15" runs across the new year (past tense:
    // the winter before publication).
    let k = read("The ministry extended the curfew from Dec. 20 until Jan. 15, officials said.");
    let dates: Vec<(&str, &str)> = k
        .dates
        .iter()
        .map(|d| (d.text.as_str(), d.resolved.value.as_str()))
        .collect();
    assert_eq!(dates, [("Dec. 20 until Jan. 15", "2023-12-20/2024-01-15")]);
}

#[test]
fn rupiah_are_a_currency_written_before_the_number() {
    let k = read("The province will spend Rp 2.5 billion on new clinics.");
    let amounts: Vec<(&str, &str)> = k
        .amounts
        .iter()
        .map(|a| (a.value.as_str(), a.unit.as_str()))
        .collect();
    assert_eq!(amounts, [("2500000000", "IDR")]);
}

#[test]
fn a_name_ending_in_village_or_sub_district_is_no_person() {
    let k = read(
        "Families from Sukamaju Village and Cibeber Sub-district were moved to a school, said Rina Wulandari, a local official.",
    );
    let persons: Vec<&str> = k.persons.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(persons, ["Rina Wulandari"]);
}

#[test]
fn an_amount_in_brackets_after_another_measures_the_same() {
    // Rule conversion-bracket: the dollars restate the pesos of the grant.
    let k = read("The city approved a flood grant of 90 million pesos ($1.6 million) on Monday.");
    let measures: Vec<Option<&str>> = k
        .amounts
        .iter()
        .map(|a| a.measure.as_ref().map(|m| m.text.as_str()))
        .collect();
    assert_eq!(measures, [Some("flood grant"), Some("flood grant")]);
}

#[test]
fn a_units_of_complement_is_what_it_measures() {
    // Rule unit-of-first: the rain, not the storm that dropped it.
    let k = read("Cyclone Mira dropped 300 millimetres of rain on the coast.");
    let measures: Vec<Option<&str>> = k
        .amounts
        .iter()
        .map(|a| a.measure.as_ref().map(|m| m.text.as_str()))
        .collect();
    assert_eq!(measures, [Some("rain")]);
}
