//! Tests of quotations: a text in, each quotation's kind, speaker, verb, reporters and text out.

use crate::{QuoteKind, extract};

/// (kind, speaker name or subject text, verb, reporters, quoted text) for each quotation.
#[track_caller]
fn check(text: &str, expected: &[(QuoteKind, &str, &str, &[&str], &str)]) {
    let k = extract(text, demarche_model::parse_date("2024-03-12").ok(), None);
    let got: Vec<(QuoteKind, String, String, Vec<String>, String)> = k
        .quotations
        .iter()
        .map(|q| {
            assert_eq!(&text[q.span.range()], q.text);
            (
                q.kind,
                q.speaker
                    .name
                    .clone()
                    .unwrap_or_else(|| q.speaker.text.clone()),
                q.speaker.verb.clone(),
                q.reported_by
                    .iter()
                    .map(|r| r.name.clone().unwrap_or_else(|| r.text.clone()))
                    .collect(),
                q.text.clone(),
            )
        })
        .collect();
    let expected: Vec<(QuoteKind, String, String, Vec<String>, String)> = expected
        .iter()
        .map(|(k, s, v, r, t)| {
            (
                *k,
                (*s).into(),
                (*v).into(),
                r.iter().map(|x| (*x).into()).collect(),
                (*t).into(),
            )
        })
        .collect();
    assert_eq!(got, expected, "text {text:?}");
}

use QuoteKind::{Direct, Indirect};

#[test]
fn leading_and_trailing_attributions() {
    check(
        "Anna Lind said that the port would stay open.",
        &[(
            Indirect,
            "Anna Lind",
            "said",
            &[],
            "the port would stay open",
        )],
    );
    check(
        "The port would stay open, Anna Lind said on Monday.",
        &[(
            Indirect,
            "Anna Lind",
            "said",
            &[],
            "The port would stay open",
        )],
    );
    check(
        "Anna Lind told reporters in Eastport on Monday that the port would stay open.",
        &[(
            Indirect,
            "Anna Lind",
            "told",
            &[],
            "the port would stay open",
        )],
    );
    check(
        "Anna Lind said that the port would stay open, the Ledger Wire reported.",
        &[(
            Indirect,
            "Anna Lind",
            "said",
            &["Ledger Wire"],
            "the port would stay open",
        )],
    );
}

#[test]
fn apposition_pronoun_and_inverted_speakers() {
    check(
        "Anna Lind, a senior adviser to the government, said the port would stay open.",
        &[(
            Indirect,
            "Anna Lind",
            "said",
            &[],
            "the port would stay open",
        )],
    );
    check(
        "Anna Lind arrived on Monday. She said that the port would stay open.",
        &[(
            Indirect,
            "Anna Lind",
            "said",
            &[],
            "the port would stay open",
        )],
    );
    check(
        "“We will keep the harbour open,” said Anna Lind.",
        &[(
            Direct,
            "Anna Lind",
            "said",
            &[],
            "We will keep the harbour open",
        )],
    );
}

#[test]
fn continued_quotations_keep_their_speaker_within_the_paragraph() {
    check(
        "\"The port stays open,\" Anna Lind said. \"Ships may dock at night.\"",
        &[
            (Direct, "Anna Lind", "said", &[], "The port stays open"),
            (Direct, "Anna Lind", "said", &[], "Ships may dock at night"),
        ],
    );
    // A new paragraph is no continuation.
    check(
        "\"The port stays open,\" Anna Lind said.\n\n\"Ships may dock at night and leave at dawn.\"",
        &[(Direct, "Anna Lind", "said", &[], "The port stays open")],
    );
}

#[test]
fn relative_aged_time_adjunct_and_apposed_name_subjects() {
    check(
        "The envoy met Anna Lind, who said on Monday that the port \"will stay open\".",
        &[(Direct, "Anna Lind", "said", &[], "will stay open")],
    );
    check(
        "Norland on Monday said the port would stay open.",
        &[(Indirect, "Norland", "said", &[], "the port would stay open")],
    );
    check(
        "\"It shook the walls,\" baker Omar Saleh, 41, said.",
        &[(Direct, "Omar Saleh", "said", &[], "It shook the walls")],
    );
    check(
        "The navy's chief, Vice Adm. Omar Saleh, said the port would stay open.",
        &[(
            Indirect,
            "Omar Saleh",
            "said",
            &[],
            "the port would stay open",
        )],
    );
    check(
        "\"The port stays open,\" said U.N. spokesman Omar Saleh.",
        &[(Direct, "Omar Saleh", "said", &[], "The port stays open")],
    );
}

#[test]
fn an_object_and_its_infinitive_are_no_reported_words() {
    check("Anna Lind urged the allies to send more ships.", &[]);
}

#[test]
fn speech_after_a_modal_is_no_attribution() {
    check(
        "Asked whether Norland would respond, Anna Lind said: \"Of course.\"",
        &[(Direct, "Anna Lind", "said", &[], "Of course")],
    );
}

#[test]
fn direct_quotations_across_sentences_and_scare_quotes() {
    check(
        "Anna Lind spoke first. “The harbour stays open. Nobody gains from empty nets,” she said.",
        &[(
            Direct,
            "Anna Lind",
            "said",
            &[],
            "The harbour stays open. Nobody gains from empty nets",
        )],
    );
    // Two quoted words are a scare quote, not a quotation.
    check(
        "The ‘harbour model’ was praised by \"many people\" there.",
        &[],
    );
}

#[test]
fn regression_clauses_after_a_comma_that_are_not_attributions() {
    // "…, while X pledged €1.2 billion" goes on after its verb: it closes nothing.
    check(
        "Olaf Scholz, speaking in Berlin, said Germany would send helmets, while the European Commission pledged €1.2 billion.",
        &[(
            Indirect,
            "Olaf Scholz",
            "said",
            &[],
            "Germany would send helmets, while the European Commission pledged €1.2 billion",
        )],
    );
    // The organisation inside a longer subject is the speaker.
    check(
        "The envoy met his counterpart in Baghdad, the state-run IRNA news agency reported.",
        &[(
            Indirect,
            "IRNA",
            "reported",
            &[],
            "The envoy met his counterpart in Baghdad",
        )],
    );
}

#[test]
fn regression_weekday_right_after_the_verb() {
    // Wire style without "on": the weekday is an adjunct, not the content.
    check(
        "The port would stay open, Anna Lind said Tuesday.",
        &[(
            Indirect,
            "Anna Lind",
            "said",
            &[],
            "The port would stay open",
        )],
    );
    check(
        "Anna Lind said Tuesday that the port would stay open.",
        &[(
            Indirect,
            "Anna Lind",
            "said",
            &[],
            "the port would stay open",
        )],
    );
    // A day between the verb and a content without "that" is no part of the content.
    check(
        "Anna Lind said on Friday the port would stay open.",
        &[(
            Indirect,
            "Anna Lind",
            "said",
            &[],
            "the port would stay open",
        )],
    );
}

#[test]
fn plural_nouns_that_look_like_speech_verbs() {
    // "for hill states", "the revised estimates": nouns, so no speaker and no content.
    check(
        "Anna Lind said the sum was \"too little\" for hill states.",
        &[(Direct, "Anna Lind", "said", &[], "too little")],
    );
    check(
        "The ministry set aside $20 million, up from $18 million in the revised estimates.",
        &[],
    );
}

#[test]
fn according_to_leading_and_closing() {
    check(
        "According to the Ministry of Health, at least 23 people were killed.",
        &[(
            Indirect,
            "Ministry of Health",
            "According to",
            &[],
            "at least 23 people were killed",
        )],
    );
    check(
        "Trade fell by 18 percent last year, according to the port authority.",
        &[(
            Indirect,
            "the port authority",
            "according to",
            &[],
            "Trade fell by 18 percent last year",
        )],
    );
    // In the middle of a clause it attributes nothing we can delimit.
    check("The talks, according to one account, lasted late.", &[]);
}

#[test]
fn subjects_that_are_not_there_are_not_guessed() {
    // "and said": the subject is the first clause's; no attribution is made up.
    check(
        "The minister arrived late and said the talks were over.",
        &[],
    );
    // A speech verb without content is no quotation.
    check("Anna Lind said.", &[]);
}

#[test]
fn reporter_chains_in_passives_participles_and_opening_citations() {
    // "X was quoted by Y as saying", "X was quoted as saying by Y": X speaks, Y relays.
    check(
        "The talks would go on, Lena Dahl was quoted by Interfax as saying.",
        &[(
            Indirect,
            "Lena Dahl",
            "quoted",
            &["Interfax"],
            "The talks would go on",
        )],
    );
    check(
        "\"We will respond,\" Lena Dahl was quoted as saying by Interfax.",
        &[(
            Direct,
            "Lena Dahl",
            "quoted",
            &["Interfax"],
            "We will respond",
        )],
    );
    // "in comments carried by X", "a source cited by X", ", cited by X,": X relays.
    check(
        "Lena Dahl said in comments carried by Interfax that the front was calm.",
        &[(
            Indirect,
            "Lena Dahl",
            "said",
            &["Interfax"],
            "the front was calm",
        )],
    );
    check(
        "The front was calm, a source cited by Interfax said.",
        &[(
            Indirect,
            "a source",
            "said",
            &["Interfax"],
            "The front was calm",
        )],
    );
    check(
        "A former colleague, cited by the newspaper Morning Ledger, said the man was calm.",
        &[(
            Indirect,
            "A former colleague",
            "said",
            &["Morning Ledger"],
            "the man was calm",
        )],
    );
    // "Citing X, Y reported that …": X speaks, Y relays.
    check(
        "Citing two sources, Interfax reported that the talks had stalled.",
        &[(
            Indirect,
            "two sources",
            "Citing",
            &["Interfax"],
            "the talks had stalled",
        )],
    );
    // "told reporters the …": the hearer ends before the content's article.
    check(
        "Anna Lind told reporters the port would reopen.",
        &[(Indirect, "Anna Lind", "told", &[], "the port would reopen")],
    );
}

#[test]
fn headlines_need_no_verb_form() {
    check(
        "Kremlin says no date yet for summit\n\nMOSCOW - Talks go on.",
        &[(Indirect, "Kremlin", "says", &[], "no date yet for summit")],
    );
    check(
        "Northland fires short-range missiles, Southland says\n\nThe launch was seen.",
        &[(
            Indirect,
            "Southland",
            "says",
            &[],
            "Northland fires short-range missiles",
        )],
    );
}

#[test]
fn described_subjects_before_an_apposed_name_lead() {
    // A description and a name between commas open the sentence: the attribution leads.
    check(
        "A senior official, Basem Nour, said the group had accepted the plan.",
        &[(
            Indirect,
            "Basem Nour",
            "said",
            &[],
            "the group had accepted the plan",
        )],
    );
    check(
        "In Kyiv, officials said the strike hit a school.",
        &[(
            Indirect,
            "officials",
            "said",
            &[],
            "the strike hit a school",
        )],
    );
}

#[test]
fn reporter_chains_cite_tell_and_quote() {
    // "…, X reported, citing Y": Y speaks, X relays.
    check(
        "The port will reopen in May, the Harbour Post newspaper reported, citing two shipping officials.",
        &[(
            Indirect,
            "two shipping officials",
            "citing",
            &["Harbour Post"],
            "The port will reopen in May",
        )],
    );
    // "X, citing Y, said …"
    check(
        "State radio, citing a port official, said the ferry had sunk.",
        &[(
            Indirect,
            "a port official",
            "citing",
            &["State radio"],
            "the ferry had sunk",
        )],
    );
    // "told an outlet" relays; "told reporters" does not.
    check(
        "Anna Lind told public broadcaster NHK that the port would stay open.",
        &[(
            Indirect,
            "Anna Lind",
            "told",
            &["NHK"],
            "the port would stay open",
        )],
    );
    check(
        "Anna Lind told reporters that the port would stay open.",
        &[(
            Indirect,
            "Anna Lind",
            "told",
            &[],
            "the port would stay open",
        )],
    );
}

#[test]
fn short_quotations_need_an_attribution() {
    check(
        "Anna Lind called the blockade \"reckless\" on Monday.",
        &[(Direct, "Anna Lind", "called", &[], "reckless")],
    );
    check(
        "Anna Lind said the talks had been \"frank\" and useful.",
        &[(Direct, "Anna Lind", "said", &[], "frank")],
    );
    // No attribution: a scare quote.
    check("The \"harbour model\" was discussed.", &[]);
}

#[test]
fn pronoun_and_description_speakers_resolve_to_who_spoke_before() {
    check(
        "The Harbour Authority said the port was closed. \"Ships must wait outside the bay,\" it said.",
        &[
            (
                Indirect,
                "Harbour Authority",
                "said",
                &[],
                "the port was closed",
            ),
            (
                Direct,
                "Harbour Authority",
                "said",
                &[],
                "Ships must wait outside the bay",
            ),
        ],
    );
    check(
        "The Coastal Union said it rejected the plan. The group said talks were over.",
        &[
            (
                Indirect,
                "Coastal Union",
                "said",
                &[],
                "it rejected the plan",
            ),
            (Indirect, "Coastal Union", "said", &[], "talks were over"),
        ],
    );
    // "she said" is the person who spoke last, not the person named in the content.
    check(
        "Anna Lind spoke first. Pedro Sanz will visit the port on Monday, she said.",
        &[(
            Indirect,
            "Anna Lind",
            "said",
            &[],
            "Pedro Sanz will visit the port on Monday",
        )],
    );
}

#[test]
fn contents_that_are_no_clause_and_nouns_that_look_like_verbs() {
    // "pledged $150 million in aid" gives no clause; "did not respond" is negated.
    check("Norway pledged $150 million in aid.", &[]);
    check("The army did not respond to a request for comment.", &[]);
    // "a state visit" is a noun.
    check("Pedro Sanz will pay a state visit to Peru.", &[]);
}
