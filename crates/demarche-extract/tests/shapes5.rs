//! Fixture tests for the shapes of attribution, naming, places and dates added in the fifth
//! round of knowledge work (README, "People, quotations, amounts and dates"): one short sentence
//! of our own for each general rule, none taken from the development articles.
//!
//! ```text
//! cargo test -p demarche-extract --test shapes5
//! ```

mod common;

use common::{person, persons, place, places, q, quotes, read};
use demarche_extract::QuoteKind;

#[test]
fn according_to_a_source_with_a_title_in_apposition_and_who_added() {
    assert_eq!(
        quotes("Two bridges were washed away, according to Karim Nouri, the mayor's spokesman."),
        [q(
            QuoteKind::Indirect,
            "Karim Nouri",
            &[],
            "Two bridges were washed away"
        )]
    );
    assert_eq!(
        quotes(
            "Nine fishermen are missing, according to Lina Farah, the port director there, who \
             added that the search would resume at dawn."
        ),
        [
            q(
                QuoteKind::Indirect,
                "Lina Farah",
                &[],
                "Nine fishermen are missing"
            ),
            q(
                QuoteKind::Indirect,
                "Lina Farah",
                &[],
                "the search would resume at dawn"
            ),
        ]
    );
}

#[test]
fn an_outlet_whose_name_holds_a_hearer_word_is_told() {
    // "Press" is an audience ("told the press"), but not inside an outlet's name.
    assert_eq!(
        quotes("\"The roads are gone,\" Omar Haidari told the Associated Press."),
        [q(
            QuoteKind::Direct,
            "Omar Haidari",
            &["Associated Press"],
            "The roads are gone"
        )]
    );
}

#[test]
fn told_an_outlet_by_phone_that() {
    assert_eq!(
        quotes("Omar Haidari told Reuters by phone that the river had burst its banks."),
        [q(
            QuoteKind::Indirect,
            "Omar Haidari",
            &["Reuters"],
            "the river had burst its banks"
        )]
    );
}

#[test]
fn quoting_a_source_with_a_title_in_apposition_as_saying() {
    assert_eq!(
        quotes(
            "The agency reported the launch, quoting Pak Son Il, a deputy director of the \
             Academy of Sciences, as saying it was a \"complete success.\""
        ),
        [q(
            QuoteKind::Direct,
            "Pak Son Il",
            &["The agency"],
            "complete success"
        )]
    );
}

#[test]
fn members_of_an_organisation_in_the_plural_speak_as_written() {
    assert_eq!(
        quotes("Heavy rain closed the highway, Hamas officials said."),
        [q(
            QuoteKind::Indirect,
            "Hamas officials",
            &[],
            "Heavy rain closed the highway"
        )]
    );
}

#[test]
fn a_one_word_name_after_an_inverted_speech_verb_with_its_apposition() {
    let text = "The shelling lasted two hours, said Aung, a 41-year-old volunteer rescuer who \
                asked that his full name be withheld.";
    assert_eq!(persons(text), [person("Aung", "volunteer rescuer")]);
    assert_eq!(
        quotes(text),
        [q(
            QuoteKind::Indirect,
            "Aung",
            &[],
            "The shelling lasted two hours"
        )]
    );
}

#[test]
fn appositions_closed_by_a_relative_pronoun_a_place_adverb_or_the_post_place() {
    assert_eq!(
        persons("Ruth Adeyemi, a local medic who treated the wounded, told reporters it was calm."),
        [person("Ruth Adeyemi", "local medic")]
    );
    assert_eq!(
        persons("The market reopened, said Musa Bello, the police spokesman in Kano, on Monday."),
        [person("Musa Bello", "police spokesman")]
    );
    assert_eq!(
        persons("A resident, Halima Yusuf, said the water had receded."),
        [person("Halima Yusuf", "resident")]
    );
}

#[test]
fn a_name_in_apposition_to_a_place_noun_is_no_person() {
    assert!(persons("Floods cut off the district capital, Dara Kala, on Sunday.").is_empty());
    // An opening adjunct before the comma leaves the name a person's.
    assert_eq!(
        persons("In the capital, Ahmed Saleh said the shops were shut.")
            .into_iter()
            .map(|p| p.0)
            .collect::<Vec<_>>(),
        ["Ahmed Saleh"]
    );
}

#[test]
fn the_places_a_dateline_names_after_its_city() {
    assert_eq!(
        places("KADUNA (Kaduna, Nigeria), June 2 (Xinhua) -- Gunmen attacked a village on Sunday."),
        [
            place("KADUNA", "City", "NGA"),
            place("Kaduna", "Admin1", "NGA"),
            place("Nigeria", "Country", "NGA"),
        ]
    );
    // An agency in capitals after the city is no place.
    assert_eq!(
        places("LAGOS, Nigeria (AP) -- Fuel prices rose again on Monday."),
        [
            place("LAGOS", "City", "NGA"),
            place("Nigeria", "Country", "NGA")
        ]
    );
}

#[test]
fn a_place_and_its_region_word_before_a_title() {
    assert_eq!(
        places("Gangwon Province Governor Lee Min-ho ordered an evacuation."),
        [place("Gangwon", "Admin1", "KOR")]
    );
}

#[test]
fn abbreviated_korean_countries_and_news_spellings_of_regions() {
    assert_eq!(
        places("N. Korea fires missiles toward the sea"),
        [place("N. Korea", "Country", "PRK")]
    );
    assert_eq!(
        places("Floods hit Ghor province in Afghanistan and Gyeonggi province in South Korea."),
        [
            place("Afghanistan", "Country", "AFG"),
            place("Ghor", "Admin1", "AFG"),
            place("Gyeonggi", "Admin1", "KOR"),
            place("South Korea", "Country", "KOR"),
        ]
    );
}

#[test]
fn a_participle_after_a_determiner_tells_no_tense() {
    // Published 2024-03-12: "to help those affected through July" looks ahead.
    let k = read("The agency said it needed funds to help those affected through July.");
    let dates: Vec<(String, String)> = k
        .dates
        .iter()
        .map(|d| (d.text.clone(), d.resolved.value.clone()))
        .collect();
    assert_eq!(dates, [("July".to_string(), "2024-07".to_string())]);
}

#[test]
fn a_place_modifier_inside_a_list_of_places() {
    assert_eq!(
        places("Roads were cut in Kunar and neighbouring Laghman, Afghan officials said."),
        [
            place("Kunar", "Admin1", "AFG"),
            place("Laghman", "Admin1", "AFG")
        ]
    );
}
