//! Fixture tests for the shapes of attribution, naming and amounts added in the sixth round of
//! knowledge work (README, "People, quotations, amounts and dates"): one short sentence of our
//! own for each general rule, none taken from the development articles.
//!
//! ```text
//! cargo test -p demarche-extract --test shapes6
//! ```

mod common;

use common::{amount, amounts, person, persons, q, quotes};
use demarche_extract::QuoteKind;

#[test]
fn cited_as_saying_like_quoted_as_saying() {
    assert_eq!(
        quotes("The AP cited two police officers as saying that the road had reopened."),
        [q(
            QuoteKind::Indirect,
            "two police officers",
            &["AP"],
            "the road had reopened"
        )]
    );
}

#[test]
fn a_name_in_apposition_to_the_quoted_phrase_speaks() {
    assert_eq!(
        quotes(
            "The newspaper quoted a port engineer, Omar Salem Haddad, as saying that the cranes \
             were \"beyond repair\" after the storm."
        ),
        [q(
            QuoteKind::Direct,
            "Omar Salem Haddad",
            &["The newspaper"],
            "beyond repair"
        )]
    );
    assert_eq!(
        quotes(
            "Reuters cited the mayor's brother, Tomas Rivera Luna, as saying that the town was calm."
        ),
        [q(
            QuoteKind::Indirect,
            "Tomas Rivera Luna",
            &["Reuters"],
            "the town was calm"
        )]
    );
}

#[test]
fn quoted_as_saying_past_a_long_description() {
    assert_eq!(
        quotes(
            "\"The pumps failed before dawn,\" state radio quoted senior Water and Sewerage \
             Authority engineer Karim Bazzi as saying."
        ),
        [q(
            QuoteKind::Direct,
            "Karim Bazzi",
            &["state radio"],
            "The pumps failed before dawn"
        )]
    );
}

#[test]
fn an_outlet_that_reports_after_an_inverted_attribution() {
    assert_eq!(
        quotes(
            "\"Nobody was hurt,\" said Yusuf Dualeh, a regional fire chief, Hiiraan Online \
             reported."
        ),
        [q(
            QuoteKind::Direct,
            "Yusuf Dualeh",
            &["Hiiraan Online"],
            "Nobody was hurt"
        )]
    );
}

#[test]
fn speaking_on_an_outlet_and_telling_a_titled_publication() {
    assert_eq!(
        quotes(
            "Speaking on Kaya Radio on Friday, Senator Amina Wekesa said the bridge would be \
             rebuilt."
        ),
        [q(
            QuoteKind::Indirect,
            "Amina Wekesa",
            &["Kaya Radio"],
            "the bridge would be rebuilt"
        )]
    );
    assert_eq!(
        quotes("A fisherman, Joseph Otieno, told The Observer that the lake had risen."),
        [q(
            QuoteKind::Indirect,
            "Joseph Otieno",
            &["The Observer"],
            "the lake had risen"
        )]
    );
}

#[test]
fn said_on_an_outlet_but_not_on_its_own_channel() {
    assert_eq!(
        quotes("Governor Ruth Keter said on Kass Television that the dam was safe."),
        [q(
            QuoteKind::Indirect,
            "Ruth Keter",
            &["Kass Television"],
            "the dam was safe"
        )]
    );
    assert_eq!(
        quotes("The ministry said on its Telegram channel that the dam was safe."),
        [q(
            QuoteKind::Indirect,
            "The ministry",
            &[],
            "the dam was safe"
        )]
    );
}

#[test]
fn an_outlet_named_after_its_medium_word() {
    assert_eq!(
        quotes("A trader, Musa Idris, told Radio Tamazuj that the market had been looted."),
        [q(
            QuoteKind::Indirect,
            "Musa Idris",
            &["Radio Tamazuj"],
            "the market had been looted"
        )]
    );
    assert!(persons("Radio Mille Collines reported that the bridge was shut.").is_empty());
}

#[test]
fn sources_of_an_organisation_speak_as_written() {
    assert_eq!(
        quotes("Defence Ministry sources said the exercise would end on Friday."),
        [q(
            QuoteKind::Indirect,
            "Defence Ministry sources",
            &[],
            "the exercise would end on Friday"
        )]
    );
}

#[test]
fn a_cited_source_runs_on_to_the_content_that() {
    assert_eq!(
        quotes("The Guardian reported citing Kenyan police sources that the convoy was ambushed."),
        [q(
            QuoteKind::Indirect,
            "Kenyan police sources",
            &["The Guardian"],
            "the convoy was ambushed"
        )]
    );
}

#[test]
fn a_long_description_between_a_quotation_and_its_verb() {
    assert_eq!(
        quotes(
            "\"We reached the village at noon,\" the head of the army's engineering unit in the \
             region, Farid Nassar, later told the broadcaster."
        ),
        [q(
            QuoteKind::Direct,
            "Farid Nassar",
            &["the broadcaster"],
            "We reached the village at noon"
        )]
    );
}

#[test]
fn a_place_noun_inside_a_persons_description_leaves_the_name_a_person() {
    assert_eq!(
        persons(
            "The spokesman of the rescue service in the province, Reza Amini, confirmed the toll."
        ),
        [person("Reza Amini", "spokesman")]
    );
}

#[test]
fn malaysian_styles_ranks_and_elders() {
    assert_eq!(
        persons("Deputy Minister Datuk Seri Dr Aminah Yusof opened the centre."),
        [person("Aminah Yusof", "Deputy Minister")]
    );
    assert_eq!(
        persons("Commodore Luis Baltazar said the patrol had ended."),
        [person("Luis Baltazar", "Commodore")]
    );
    assert_eq!(
        persons("Rear Admiral Ana Reyes said the ships had left."),
        [person("Ana Reyes", "Rear Admiral")]
    );
    assert_eq!(
        persons("A village elder, Ole Sankale, said the cattle were returned."),
        [person("Ole Sankale", "village elder")]
    );
}

#[test]
fn names_that_are_no_persons() {
    // The subject of a report that cites a source is an outlet.
    assert!(persons("Kenya's Kameme reported, citing police, that the road was shut.").is_empty());
    // A name before a lower-case division word is the division's.
    assert_eq!(
        persons("Galmudug state Governor Abdi Nur Farah visited the camp."),
        [person("Abdi Nur Farah", "Governor")]
    );
    // A plural "Ports" heads an organisation, not a name.
    assert_eq!(
        persons("Aden Ports Corporation official Salim Bakri said the berth was closed.")
            .into_iter()
            .map(|p| p.0)
            .collect::<Vec<_>>(),
        ["Salim Bakri"]
    );
}

#[test]
fn capitalised_verb_forms_inside_names_are_no_attributions() {
    assert_eq!(
        quotes("Canada and the United States signed a fisheries accord in Ottawa on Monday."),
        []
    );
    // The sentence's own verb still attributes.
    assert_eq!(
        quotes("Canada and the United States signed an accord, officials said."),
        [q(
            QuoteKind::Indirect,
            "officials",
            &[],
            "Canada and the United States signed an accord"
        )]
    );
}

#[test]
fn a_verb_after_a_pronoun_after_a_noun_is_a_relative_clause() {
    assert_eq!(
        quotes("The militia claimed the ambush in a post on a channel it controls."),
        []
    );
}

#[test]
fn glued_currency_signs_shillings_and_two_word_units() {
    assert_eq!(
        amounts("The state gave RM12.5 million and Rs4,000 to the fund."),
        [
            amount("RM12.5 million", "12500000", "MYR"),
            amount("Rs4,000", "4000", "INR"),
        ]
    );
    assert_eq!(
        amounts("NAIROBI, May 2 - The county will spend 40 million shillings on roads."),
        [amount("40 million shillings", "40000000", "KES")]
    );
    assert_eq!(
        amounts("The ships stayed 9 nautical miles off the reef."),
        [amount("9 nautical miles", "9", "nautical miles")]
    );
}

#[test]
fn others_harm_participles_and_verbs_after_plural_nouns() {
    assert_eq!(
        amounts("At least 22 others were hurt in the crush."),
        [amount("22 others", "22", "people")]
    );
    assert_eq!(
        amounts("Mayor among 6 killed in market blast"),
        [amount("6", "6", "")]
    );
    assert_eq!(
        amounts("Three trucks exploded hours apart near the depot."),
        [amount("Three trucks", "3", "trucks")]
    );
}
