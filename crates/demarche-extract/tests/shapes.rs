//! Fixture tests for the shapes of attribution, naming and amounts added in the fourth round of
//! knowledge work (README, "People, quotations, amounts and dates"): one short sentence of our
//! own for each general rule, none taken from the development articles.
//!
//! ```text
//! cargo test -p demarche-extract --test shapes
//! ```

mod common;

use common::{amounts, dates, person, persons, place, places, q, quotes, read};
use demarche_extract::QuoteKind;

#[test]
fn a_royal_title_after_an_office_is_a_form_of_address() {
    assert_eq!(
        persons(
            "Bahraini Interior Minister Prince Rashid bin Khalid Al Khalifa met envoys on Monday."
        ),
        [person("Rashid bin Khalid Al Khalifa", "Interior Minister")]
    );
}

#[test]
fn the_complement_of_an_office_is_no_part_of_the_name() {
    assert_eq!(
        persons("Minister of State for International Development Sara Njoroge opened the fair."),
        [person(
            "Sara Njoroge",
            "Minister of State for International Development"
        )]
    );
}

#[test]
fn specialists_are_occupations() {
    assert_eq!(
        persons(
            "Marta Ruiz, a Sahel specialist at a university in Madrid, said the junta was isolated."
        ),
        [person("Marta Ruiz", "specialist")]
    );
}

#[test]
fn an_outlet_named_with_a_number_is_one_organisation_and_no_place() {
    let text = "Ali Haidar told France 24 that the border was closed.";
    assert_eq!(
        quotes(text),
        [q(
            QuoteKind::Indirect,
            "Ali Haidar",
            &["France 24"],
            "the border was closed"
        )]
    );
    assert!(read(text).places.is_empty());
}

#[test]
fn an_added_content_is_the_same_speakers_second_one() {
    // After a trailing attribution, which stays trailing.
    assert_eq!(
        quotes(
            "The port reopened on Monday, the transport ministry said, adding that ferries would resume on Friday."
        ),
        [
            q(
                QuoteKind::Indirect,
                "the transport ministry",
                &[],
                "The port reopened on Monday"
            ),
            q(
                QuoteKind::Indirect,
                "the transport ministry",
                &[],
                "ferries would resume on Friday"
            ),
        ]
    );
    // After a leading one.
    assert_eq!(
        quotes("The minister said the deficit would narrow, adding that taxes would not rise."),
        [
            q(
                QuoteKind::Indirect,
                "The minister",
                &[],
                "the deficit would narrow"
            ),
            q(
                QuoteKind::Indirect,
                "The minister",
                &[],
                "taxes would not rise"
            ),
        ]
    );
}

#[test]
fn saying_after_an_object_and_a_statement_relayed_by_an_outlet() {
    // "claimed the bombing in a statement relayed by …" is an object and its adjunct, no
    // content; the content follows "saying", and the agent of "relayed" is the reporter.
    assert_eq!(
        quotes(
            "The group claimed the bombing in a statement relayed by the SITE Intelligence Group, saying its fighters had planted the device."
        ),
        [q(
            QuoteKind::Indirect,
            "The group",
            &["SITE Intelligence Group"],
            "its fighters had planted the device"
        )]
    );
}

#[test]
fn a_participle_with_its_agent_a_gerund_or_a_noun_after_an_article_makes_no_clause() {
    assert!(
        quotes("The president announced the plan at a meeting attended by governors.").is_empty()
    );
    assert!(quotes("The agency announced the pledge at a donors' meeting in Rome.").is_empty());
}

#[test]
fn according_to_after_a_speaker_names_the_reporter() {
    assert_eq!(
        quotes(
            "Mayor Lena Ortiz spoke to residents. \"We will not leave this town,\" she said, according to Kyodo."
        ),
        [q(
            QuoteKind::Direct,
            "Lena Ortiz",
            &["Kyodo"],
            "We will not leave this town"
        )]
    );
}

#[test]
fn a_quotation_then_a_description_and_a_name_in_apposition_then_the_verb() {
    assert_eq!(
        quotes(
            "The ministry rejected the report as \"baseless,\" its spokeswoman, Ana Lind, told Reuters."
        ),
        [q(QuoteKind::Direct, "Ana Lind", &["Reuters"], "baseless")]
    );
}

#[test]
fn a_description_opening_the_sentence_is_the_subject_of_and_said() {
    assert_eq!(
        quotes(
            "A port official put the damage at \"several million dollars\" and said the berth would close."
        ),
        [
            q(
                QuoteKind::Direct,
                "A port official",
                &[],
                "several million dollars"
            ),
            q(
                QuoteKind::Indirect,
                "A port official",
                &[],
                "the berth would close"
            ),
        ]
    );
}

#[test]
fn a_writers_as_clause_in_the_past_ends_the_content() {
    assert_eq!(
        quotes(
            "The minister said talks would resume next week, as the two sides exchanged prisoners."
        ),
        [q(
            QuoteKind::Indirect,
            "The minister",
            &[],
            "talks would resume next week"
        )]
    );
    // "as well as" is no clause of the writer's.
    assert_eq!(
        quotes("The minister said talks would resume, as well as trade."),
        [q(
            QuoteKind::Indirect,
            "The minister",
            &[],
            "talks would resume, as well as trade"
        )]
    );
}

#[test]
fn one_before_a_speaker_counts_nothing_and_an_adjective_of_harm_counts_itself() {
    assert_eq!(
        amounts("One official said the toll stood at 30 dead."),
        [("30 dead".to_string(), "30".to_string(), "dead".to_string())]
    );
}

#[test]
fn shared_currency_words_read_as_the_datelines_local_currency() {
    let unit = |text: &str| {
        amounts(text)
            .into_iter()
            .map(|(.., u)| u)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        unit(
            "ISLAMABAD, May 2 (Reuters) - The government will spend Rs 20 billion on dams, officials said."
        ),
        ["PKR"]
    );
    assert_eq!(
        unit("COLOMBO, May 2 (Reuters) - The central bank sold 3 billion rupees of bonds."),
        ["LKR"]
    );
    assert_eq!(
        unit("NEW DELHI, May 2 (Reuters) - The state will spend Rs 5 crore on roads."),
        ["INR"]
    );
    assert_eq!(
        unit("ABU DHABI, May 2 (WAM) - The fund pledged 40 million dirhams."),
        ["AED"]
    );
}

#[test]
fn reporters_of_wire_and_state_media_shapes() {
    // "was quoted in a PTI report as saying": the report's organisation relays.
    assert_eq!(
        quotes(
            "The minister was quoted in a PTI report as saying that the state's loss was large."
        ),
        [q(
            QuoteKind::Indirect,
            "The minister",
            &["PTI"],
            "the state's loss was large"
        )]
    );
    // "quoted the KCNA report as saying": "report" after "the KCNA" is a noun.
    assert_eq!(
        quotes(
            "Yonhap News Agency quoted the KCNA report as saying the leader had inspected the factory."
        ),
        [q(
            QuoteKind::Indirect,
            "the KCNA report",
            &["Yonhap News Agency"],
            "the leader had inspected the factory"
        )]
    );
    // "in a statement published by X" relays like "carried by X".
    assert_eq!(
        quotes(
            "The authorities said in a statement published by the Al-Ahram newspaper that the crossing was open."
        ),
        [q(
            QuoteKind::Indirect,
            "The authorities",
            &["the Al-Ahram newspaper"],
            "the crossing was open"
        )]
    );
    // ", quoting X" after a trailing attribution, like ", citing X".
    assert_eq!(
        quotes(
            "Rescuers pulled 12 survivors from the rubble, the Xinhua news agency said, quoting local officials."
        ),
        [q(
            QuoteKind::Indirect,
            "local officials",
            &["Xinhua"],
            "Rescuers pulled 12 survivors from the rubble"
        )]
    );
}

#[test]
fn a_leading_attribution_with_that_or_a_description_before_a_trailing_reporter() {
    assert_eq!(
        quotes(
            "Pakistan's foreign ministry said in a statement that India had violated the ceasefire, state broadcaster PTV reported."
        ),
        [q(
            QuoteKind::Indirect,
            "Pakistan's foreign ministry",
            &["PTV"],
            "India had violated the ceasefire"
        )]
    );
    assert_eq!(
        quotes("The ministry said 14 people were killed, the official Saba news agency reported."),
        [q(
            QuoteKind::Indirect,
            "The ministry",
            &["Saba"],
            "14 people were killed"
        )]
    );
    // "The United States" is no description before the verb "States".
    assert_eq!(
        quotes("The United States paused all military aid, a White House official said."),
        [q(
            QuoteKind::Indirect,
            "a White House official",
            &[],
            "The United States paused all military aid"
        )]
    );
}

#[test]
fn according_to_a_description_and_a_name_in_apposition() {
    assert_eq!(
        quotes("According to the state broadcaster, NHK, more than 100 people were injured."),
        [q(
            QuoteKind::Indirect,
            "NHK",
            &[],
            "more than 100 people were injured"
        )]
    );
}

#[test]
fn someone_of_an_organisation_speaks_as_written() {
    assert_eq!(
        quotes("A senior Hamas official told the BBC the group had accepted the proposal."),
        [q(
            QuoteKind::Indirect,
            "A senior Hamas official",
            &["BBC"],
            "the group had accepted the proposal"
        )]
    );
}

#[test]
fn a_capitalised_region_word_in_the_name_makes_it_a_region() {
    assert_eq!(
        places("A quake struck off Miyazaki Prefecture on Thursday."),
        [place("Miyazaki", "Admin1", "JPN")]
    );
}

#[test]
fn a_plural_region_word_after_a_list_makes_each_name_a_region() {
    assert_eq!(
        places("Tsunami advisories were issued for Kochi, Ehime, Oita and Kagoshima prefectures."),
        [
            place("Ehime", "Admin1", "JPN"),
            place("Kagoshima", "Admin1", "JPN"),
            place("Kochi", "Admin1", "JPN"),
            place("Oita", "Admin1", "JPN"),
        ]
    );
    assert_eq!(
        places("Air alerts sounded in Vinnytsia and Cherkasy oblasts."),
        [
            place("Cherkasy", "Admin1", "UKR"),
            place("Vinnytsia", "Admin1", "UKR"),
        ]
    );
}

#[test]
fn the_plural_of_a_place_noun_before_of() {
    assert_eq!(
        places("Three people were hurt in the cities of Miyazaki and Miyakonojo."),
        [
            place("Miyakonojo", "City", "JPN"),
            place("Miyazaki", "City", "JPN")
        ]
    );
}

#[test]
fn a_day_counted_from_the_day_named_last() {
    // Published on Tuesday 2024-03-12: "on Sunday" is 2024-03-10, the day before it the 9th.
    assert_eq!(
        dates("Shelling hit the town on Sunday. The day before, two bridges were destroyed."),
        [
            ("Sunday".to_string(), "2024-03-10".to_string()),
            ("The day before".to_string(), "2024-03-09".to_string()),
        ]
    );
    // With no day named before it, it is not guessed.
    assert!(dates("The day before, two bridges were destroyed.").is_empty());
}

#[test]
fn a_word_completing_an_office_is_no_person() {
    assert_eq!(
        persons("Colombia's High Commissioner for Peace, Danilo Rueda, said the delegations met."),
        [person("Danilo Rueda", "High Commissioner for Peace")]
    );
    assert_eq!(
        persons(
            "Today, Minister of State for Foreign Affairs, Ms. Hina Rabbani Khar, spoke in Geneva."
        ),
        [("Hina Rabbani Khar".to_string(), None)]
    );
    assert!(
        !persons(
            "He met Minister for Investment of Saudi Arabia, Engineer Khalid Al-Falih, in Riyadh."
        )
        .iter()
        .any(|(n, _)| n == "Investment")
    );
}

#[test]
fn styles_of_royalty_and_office_are_forms_of_address() {
    assert_eq!(
        persons("His Highness Sheikh Mohamed bin Zayed Al Nahyan received the envoy."),
        [("Mohamed bin Zayed Al Nahyan".to_string(), None)]
    );
    assert_eq!(
        persons("He met the Saudi Crown Prince and Prime Minister HRH Mohammed bin Salman."),
        [person(
            "Mohammed bin Salman",
            "Crown Prince and Prime Minister"
        )]
    );
    assert_eq!(
        persons("The visit of Vice President of Turkiye, H.E. Cevdet Yilmaz, ended on Friday."),
        [("Cevdet Yilmaz".to_string(), None)]
    );
}

#[test]
fn a_region_word_is_no_domain_of_an_office() {
    assert_eq!(
        persons(
            "Kyiv Oblast Governor Oleksiy Kuleba wrote on Telegram that air defences were working."
        ),
        [person("Oleksiy Kuleba", "Governor")]
    );
}

#[test]
fn a_speech_verbs_base_form_after_an_adjective_is_a_noun() {
    // "state" in "regional state administration" is no verb of saying.
    assert!(
        quotes("Serhiy Gaidai, head of the Luhansk regional state administration, called on people to stay calm.")
            .is_empty()
    );
}

#[test]
fn appositions_with_an_adjective_before_a_noun_like_state_or_a_plural_owner() {
    assert_eq!(
        persons("Serhiy Gaidai, head of the Luhansk regional state administration, urged calm."),
        [person("Serhiy Gaidai", "head")]
    );
    assert_eq!(
        persons(
            "Kim was accompanied by Choe Ryong-hae, vice chairman of the Workers' Party of Korea, on Friday."
        ),
        [person("Choe Ryong-hae", "vice chairman")]
    );
}
