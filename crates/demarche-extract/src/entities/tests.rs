//! Tests of persons, organisations and places: a text in, each entity with its mentions out.

use crate::extract;

/// (name, role, organisation, country, mention texts) for each person.
type Expected<'a> = (
    &'a str,
    Option<&'a str>,
    Option<&'a str>,
    Option<&'a str>,
    &'a [&'a str],
);
type Row = (
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Vec<String>,
);

#[track_caller]
fn check_persons(text: &str, expected: &[Expected<'_>]) {
    let k = extract(text, None, None);
    let got: Vec<Row> = k
        .persons
        .iter()
        .map(|p| {
            for m in &p.mentions {
                assert_eq!(&text[m.span.range()], m.text);
            }
            (
                p.name.clone(),
                p.role.as_ref().map(|r| r.text.clone()),
                p.organization.as_ref().map(|r| r.text.clone()),
                p.country.clone(),
                p.mentions.iter().map(|m| m.text.clone()).collect(),
            )
        })
        .collect();
    let expected: Vec<Row> = expected
        .iter()
        .map(|(n, r, o, c, m)| {
            (
                (*n).into(),
                r.map(Into::into),
                o.map(Into::into),
                c.map(Into::into),
                m.iter().map(|x| (*x).into()).collect(),
            )
        })
        .collect();
    assert_eq!(got, expected, "text {text:?}");
}

#[test]
fn titles_nationalities_and_organisations_before_names() {
    check_persons(
        "U.S. President Joe Biden met Chinese Foreign Minister Wang Yi in Washington.",
        &[
            (
                "Joe Biden",
                Some("President"),
                None,
                Some("USA"),
                &["Joe Biden"],
            ),
            (
                "Wang Yi",
                Some("Foreign Minister"),
                None,
                Some("CHN"),
                &["Wang Yi"],
            ),
        ],
    );
    check_persons(
        "A spokesperson for the Ministry of Commerce Shu Jueting spoke.",
        &[(
            "Shu Jueting",
            Some("spokesperson"),
            Some("Ministry of Commerce"),
            None,
            &["Shu Jueting"],
        )],
    );
}

#[test]
fn regression_possessive_country_and_known_organisation_before_a_title() {
    check_persons(
        "Iran's Foreign Minister Hossein Amir-Abdollahian and U.N. Secretary-General Antonio Guterres met.",
        &[
            (
                "Hossein Amir-Abdollahian",
                Some("Foreign Minister"),
                None,
                Some("IRN"),
                &["Hossein Amir-Abdollahian"],
            ),
            (
                "Antonio Guterres",
                Some("Secretary-General"),
                Some("U.N."),
                None,
                &["Antonio Guterres"],
            ),
        ],
    );
}

#[test]
fn regression_title_case_headlines_name_no_new_persons() {
    // Headline words name no new persons, except well-known people named by one word
    // (`data/names.txt`, [person-known]): "Lavrov" is one.
    let text = "China Highly Appreciates Putin Model, Says Foreign Ministry\n\nLavrov Says Talks Went Well\n\nRussian President Vladimir Putin spoke on Friday.";
    check_persons(
        text,
        &[
            (
                "Vladimir Putin",
                Some("President"),
                None,
                Some("RUS"),
                &["Putin", "Vladimir Putin"],
            ),
            ("Lavrov", None, None, None, &["Lavrov"]),
        ],
    );
    let k = extract(text, None, None);
    assert!(k.organizations.is_empty());
    assert_eq!(k.places.len(), 1, "China from the headline");
}

#[test]
fn roles_in_apposition() {
    check_persons(
        "Anna Lind, a senior adviser at the Eastport Harbour Authority, arrived.",
        &[(
            "Anna Lind",
            Some("senior adviser"),
            Some("Eastport Harbour Authority"),
            None,
            &["Anna Lind"],
        )],
    );
}

#[test]
fn regression_words_in_ing_inside_an_apposition() {
    check_persons(
        "Anna Lind, a member of the Eastport shipping association, arrived.",
        &[(
            "Anna Lind",
            Some("member"),
            Some("Eastport shipping association"),
            None,
            &["Anna Lind"],
        )],
    );
}

#[test]
fn runs_that_name_no_person() {
    // Buildings, a nationality of two words, a place after a place preposition that the
    // gazetteer lacks, the place completing a title, a storm, a role in the plural.
    check_persons(
        "Strikes hit the Omar Saleh School and the Al-Huda Mosque near Beit Qamar. South Korean officials left. Ambassador to Manila Lin Wei arrived. Typhoon Omar hit the coast. Witnesses said the coast was flooded.",
        &[(
            "Lin Wei",
            Some("Ambassador to Manila"),
            None,
            None,
            &["Lin Wei"],
        )],
    );
}

#[test]
fn short_names_pronouns_and_descriptions_merge() {
    check_persons(
        "Lind spoke first. Russian President Vladimir Putin replied. Putin said he was ready. The Russian president left. Lind stayed.",
        &[(
            "Vladimir Putin",
            Some("President"),
            None,
            Some("RUS"),
            &["Vladimir Putin", "Putin", "he", "The Russian president"],
        )],
    );
}

#[test]
fn pronouns_reach_back_two_sentences_only() {
    check_persons(
        "Anna Lind arrived. The talks began. The rooms were cold. She left.",
        &[("Anna Lind", None, None, None, &["Anna Lind"])],
    );
}

#[test]
fn places_organisations_and_non_names() {
    let text = "NATO and the European Union met in Brussels. Moscow and Beijing replied. Western countries and the Treaty of Friendly Cooperation were cited.";
    let k = extract(text, None, None);
    let orgs: Vec<&str> = k.organizations.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(orgs, ["NATO", "European Union"]);
    let places: Vec<(&str, &str)> = k
        .places
        .iter()
        .map(|p| (p.name.as_str(), p.country.as_str()))
        .collect();
    assert_eq!(
        places,
        [("Brussels", "BEL"), ("Moscow", "RUS"), ("Beijing", "CHN")]
    );
    assert!(k.persons.is_empty(), "{:?}", k.persons);
}

#[test]
fn initials_particles_suffixes_and_ranks() {
    check_persons(
        "Vice Adm. Mara T. Quill met Defence Minister Joost van der Wel and President Leon Ortiz Jr. in Oslo.",
        &[
            (
                "Mara T. Quill",
                Some("Vice Adm."),
                None,
                None,
                &["Mara T. Quill"],
            ),
            (
                "Joost van der Wel",
                Some("Defence Minister"),
                None,
                None,
                &["Joost van der Wel"],
            ),
            (
                "Leon Ortiz Jr.",
                Some("President"),
                None,
                None,
                &["Leon Ortiz Jr."],
            ),
        ],
    );
    check_persons(
        "Talks with army chief Gen. Omar al-Rashid ended.",
        &[(
            "Omar al-Rashid",
            Some("army chief"),
            None,
            None,
            &["Omar al-Rashid"],
        )],
    );
}

#[test]
fn features_operations_vessels_and_outlets_are_no_persons() {
    let text = "Operation Stone Wall reached Marlo Island and Kesh Prefecture. The tanker Blue Heron and USS Ada Brook sailed. Kaan Demir told the Morning Ledger newspaper and public broadcaster Radio Vela.";
    let k = extract(text, None, None);
    let persons: Vec<&str> = k.persons.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(persons, ["Kaan Demir"]);
    let orgs: Vec<&str> = k.organizations.iter().map(|o| o.name.as_str()).collect();
    assert!(
        orgs.contains(&"Morning Ledger") && orgs.contains(&"Radio Vela"),
        "{orgs:?}"
    );
}

#[test]
fn well_known_people_by_one_word() {
    check_persons(
        "Lula met Xi in Beijing.",
        &[
            ("Lula", None, None, None, &["Lula"]),
            ("Xi", None, None, None, &["Xi"]),
        ],
    );
    // Named in full once, the one word is a short mention.
    check_persons(
        "Lula Hails Deal\n\nPresident Luiz Inacio Lula da Silva spoke.",
        &[(
            "Luiz Inacio Lula da Silva",
            Some("President"),
            None,
            None,
            &["Lula", "Luiz Inacio Lula da Silva"],
        )],
    );
}

#[test]
fn titles_shared_across_lists_and_before_a_comma() {
    check_persons(
        "The Dutch and Danish trade ministers, Anke Visser and Lars Holm, met. Its commander, Ivo Maric, left.",
        &[
            (
                "Anke Visser",
                Some("trade ministers"),
                None,
                Some("NLD"),
                &["Anke Visser"],
            ),
            (
                "Lars Holm",
                Some("trade ministers"),
                None,
                Some("NLD"),
                &["Lars Holm"],
            ),
            ("Ivo Maric", Some("commander"), None, None, &["Ivo Maric"]),
        ],
    );
    check_persons(
        "Nora Vik, Norway's fisheries minister, spoke.",
        &[(
            "Nora Vik",
            Some("fisheries minister"),
            None,
            Some("NOR"),
            &["Nora Vik"],
        )],
    );
}

#[test]
fn names_after_the_definite_article_are_no_persons() {
    // A camp, a chamber and a newspaper after "the"; a title between keeps the person.
    check_persons(
        "Shelling hit the Abu Shouk camp. Rina Dev, a member of the Rajya Sabha, spoke. \
         The Yomiuri Shimbun reported it. Aiko Sato met the late Pope Leo Ferro.",
        &[
            (
                "Rina Dev",
                Some("member"),
                Some("Rajya Sabha"),
                None,
                &["Rina Dev"],
            ),
            ("Aiko Sato", None, None, None, &["Aiko Sato"]),
            ("Leo Ferro", Some("Pope"), None, None, &["Leo Ferro"]),
        ],
    );
    // Without an article, a newspaper's head word ("Shimbun", "Ilbo") names an outlet.
    check_persons("Asahi Shimbun and Chosun Ilbo reported it.", &[]);
}

#[test]
fn offices_at_a_sentences_start_and_with_two_domain_words() {
    check_persons(
        "Opposition leader Ana Ruiz spoke. Later Parliamentary Affairs Minister Ravi Nair spoke.",
        &[
            (
                "Ana Ruiz",
                Some("Opposition leader"),
                None,
                None,
                &["Ana Ruiz"],
            ),
            (
                "Ravi Nair",
                Some("Parliamentary Affairs Minister"),
                None,
                None,
                &["Ravi Nair"],
            ),
        ],
    );
}

#[test]
fn places_joined_to_places_and_buildings_are_no_persons() {
    // Joined by "and" to a place, or to a name after "in"; a city and a hall.
    check_persons(
        "Strikes hit Gaza City and Khan Younis. Voters in Nuevo Leon and Baja Norte agreed. \
         Gunmen hit Crocus City Hall. Anna Lind and Ole Berg met.",
        &[
            ("Anna Lind", None, None, None, &["Anna Lind"]),
            ("Ole Berg", None, None, None, &["Ole Berg"]),
        ],
    );
}

#[test]
fn nationality_before_an_outlet_occupations_and_abbreviated_offices() {
    // "Turkish broadcaster Kanal D": the nationality is no outlet, the name after it is.
    let k = extract(
        "Kemal Arslan told Turkish broadcaster Kanal D that talks went on.",
        None,
        None,
    );
    let orgs: Vec<&str> = k.organizations.iter().map(|o| o.name.as_str()).collect();
    assert!(!orgs.contains(&"Turkish"), "{orgs:?}");
    check_persons(
        "Physicist Ana Lima met Tokyo Gov. Yuri Sato.",
        &[
            ("Ana Lima", Some("Physicist"), None, None, &["Ana Lima"]),
            ("Yuri Sato", Some("Gov."), None, None, &["Yuri Sato"]),
        ],
    );
}

#[test]
fn plural_appositions_after_a_list_and_owners_of_two_words() {
    check_persons(
        "Anke Visser, Lars Holm and Ivo Maric, the trade ministers of the three states, met. \
         Lee Min-ho, South Korea's president, spoke.",
        &[
            (
                "Anke Visser",
                Some("trade ministers"),
                Some("three states"),
                None,
                &["Anke Visser"],
            ),
            (
                "Lars Holm",
                Some("trade ministers"),
                Some("three states"),
                None,
                &["Lars Holm"],
            ),
            (
                "Ivo Maric",
                Some("trade ministers"),
                Some("three states"),
                None,
                &["Ivo Maric", "the trade ministers"],
            ),
            (
                "Lee Min-ho",
                Some("president"),
                None,
                Some("KOR"),
                &["Lee Min-ho"],
            ),
        ],
    );
}

#[test]
fn a_second_name_after_known_as_is_the_same_persons() {
    check_persons(
        "Omar Hassan Idris, also known as Hemedti, spoke. Hemedti left.",
        &[(
            "Omar Hassan Idris",
            None,
            None,
            None,
            &["Omar Hassan Idris", "Hemedti", "Hemedti"],
        )],
    );
}

#[test]
fn complements_of_a_title_and_credits_are_no_part_of_a_name() {
    check_persons(
        "Minister of State for Foreign Affairs Kirti Vardhan Singh spoke. (AP Photo/Susan Walsh)",
        &[(
            "Kirti Vardhan Singh",
            Some("Minister of State for Foreign Affairs"),
            None,
            None,
            &["Kirti Vardhan Singh"],
        )],
    );
}
