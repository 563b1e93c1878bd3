//! Tests of amounts: a sentence in, each amount's text, value, maximum, unit and measure out.

use super::*;
use crate::tokens::tokenize;

type Row = (String, String, Option<String>, String, Option<String>);

/// (text, value, max, unit, measure) of each amount.
type Expected<'a> = (&'a str, &'a str, Option<&'a str>, &'a str, Option<&'a str>);

#[track_caller]
fn check(sentence: &str, expected: &[Expected<'_>]) {
    let toks = tokenize(sentence, Span::new(0, sentence.len()));
    let p = demarche_model::parse_date("2021-11-20").ok();
    let times = crate::time::find_times(sentence, &toks, p);
    let s = SentenceTokens {
        span: Span::new(0, sentence.len()),
        toks,
    };
    let got: Vec<Row> = find_amounts(sentence, &s, &times)
        .into_iter()
        .map(|a| {
            assert_eq!(&sentence[a.span.range()], a.text);
            (a.text, a.value, a.max, a.unit, a.measure.map(|m| m.text))
        })
        .collect();
    let expected: Vec<Row> = expected
        .iter()
        .map(|(a, b, m, c, d)| {
            (
                (*a).into(),
                (*b).into(),
                m.map(str::to_string),
                (*c).into(),
                d.map(str::to_string),
            )
        })
        .collect();
    assert_eq!(got, expected, "sentence {sentence:?}");
}

#[test]
fn the_period_is_the_nearest_before_the_amount() {
    let sentence = "In the past week, prices rose 3 percent; last month they fell by 1.5%.";
    let toks = tokenize(sentence, Span::new(0, sentence.len()));
    let times = crate::time::find_times(
        sentence,
        &toks,
        demarche_model::parse_date("2023-11-20").ok(),
    );
    let s = SentenceTokens {
        span: Span::new(0, sentence.len()),
        toks,
    };
    let got: Vec<(String, Option<String>, Option<String>)> = find_amounts(sentence, &s, &times)
        .into_iter()
        .map(|a| (a.text, a.measure.map(|m| m.text), a.period.map(|p| p.value)))
        .collect();
    assert_eq!(
        got,
        [
            (
                "3 percent".into(),
                Some("prices".into()),
                Some("2023-11-13/2023-11-19".into())
            ),
            // A pronoun is no measure.
            ("1.5%".into(), None, Some("2023-10".into())),
        ]
    );
}

#[test]
fn normalisation_is_exact() {
    assert_eq!(normalise("102", 9).as_deref(), Some("102000000000"));
    assert_eq!(normalise("1.25", 9).as_deref(), Some("1250000000"));
    assert_eq!(normalise("29.2", 0).as_deref(), Some("29.2"));
    assert_eq!(normalise("5,000", 0).as_deref(), Some("5000"));
    assert_eq!(normalise("0.5", 0).as_deref(), Some("0.5"));
    assert_eq!(normalise("0.0001", 3).as_deref(), Some("0.1"));
    assert_eq!(normalise("abc", 0), None);
}

#[test]
fn money_percent_and_counts() {
    check(
        "The bilateral trade volume reached $102 billion, a year-on-year increase of 29.2 percent.",
        &[
            (
                "$102 billion",
                "102000000000",
                None,
                "USD",
                Some("bilateral trade volume"),
            ),
            (
                "29.2 percent",
                "29.2",
                None,
                "percent",
                Some("year-on-year increase"),
            ),
        ],
    );
    check(
        "Aid rose to US$5bn and 300 million yuan, while 5,000 troops left.",
        &[
            ("US$5bn", "5000000000", None, "USD", Some("Aid")),
            ("300 million yuan", "300000000", None, "CNY", None),
            ("5,000 troops", "5000", None, "troops", None),
        ],
    );
    check(
        "Inflation hit 7% and fell 2 percentage points.",
        &[
            ("7%", "7", None, "percent", Some("Inflation")),
            ("2 percentage points", "2", None, "percentage points", None),
        ],
    );
    // Dates and years are time expressions, not amounts.
    check("On October 28 in 2021 the 20th anniversary came.", &[]);
}

#[test]
fn number_words_and_the_head_of_the_counted_noun() {
    check(
        "Troops destroyed six armoured vehicles and 1,500 Russian troops.",
        &[
            (
                "six armoured vehicles",
                "6",
                None,
                "vehicles",
                Some("armoured vehicles"),
            ),
            (
                "1,500 Russian troops",
                "1500",
                None,
                "troops",
                Some("Russian troops"),
            ),
        ],
    );
    // A number word must count something.
    check("It was one of the largest; the two met.", &[]);
    // A postnominal adjective or an adverb of time after the noun is no head.
    check(
        "Two people familiar with the plans said 20 drones flew overnight.",
        &[
            ("Two people", "2", None, "people", None),
            ("20 drones", "20", None, "drones", None),
        ],
    );
}

#[test]
fn others_and_bare_participles_count_the_noun_before() {
    check(
        "The strike killed 12 people and wounded 95 others.",
        &[
            ("12 people", "12", None, "people", None),
            ("95 others", "95", None, "people", None),
        ],
    );
    check(
        "38 people were killed and 112 wounded.",
        &[
            ("38 people", "38", None, "people", None),
            ("112", "112", None, "people", None),
        ],
    );
    check(
        "A drone kills 41, activists say.",
        &[("41", "41", None, "", None)],
    );
}

#[test]
fn ranges() {
    check(
        "It needs $3-4 million and between 8 and 10 officials; traffic fell by 40 to 50 percent.",
        &[
            ("$3-4 million", "3000000", Some("4000000"), "USD", None),
            (
                "between 8 and 10 officials",
                "8",
                Some("10"),
                "officials",
                None,
            ),
            (
                "40 to 50 percent",
                "40",
                Some("50"),
                "percent",
                Some("traffic"),
            ),
        ],
    );
    check(
        "Exports of 3.2-3.4 million barrels and three to five ships.",
        &[
            (
                "3.2-3.4 million barrels",
                "3200000",
                Some("3400000"),
                "barrels",
                Some("Exports"),
            ),
            ("three to five ships", "3", Some("5"), "ships", None),
        ],
    );
}

#[test]
fn south_asian_scales_and_amounts_before_a_noun() {
    check(
        "It set aside Rs 2,140.65 crore, and 5 lakh rupees more.",
        &[
            ("Rs 2,140.65 crore", "21406500000", None, "INR", None),
            ("5 lakh rupees", "500000", None, "INR", None),
        ],
    );
    // Between a determiner and a noun, the amount measures that noun.
    check(
        "Tokyo will release a 300 billion yen support package next week.",
        &[(
            "300 billion yen",
            "300000000000",
            None,
            "JPY",
            Some("support package"),
        )],
    );
}

#[test]
fn currencies_around_the_number() {
    check(
        "Trade rose to 50 billion U.S. dollars, a 50 bln-dollar goal.",
        &[
            (
                "50 billion U.S. dollars",
                "50000000000",
                None,
                "USD",
                Some("Trade"),
            ),
            // The goal is what the amount before it measures.
            ("50 bln-dollar", "50000000000", None, "USD", Some("goal")),
        ],
    );
    check(
        "Washington pledged $150 million in humanitarian aid.",
        &[(
            "$150 million",
            "150000000",
            None,
            "USD",
            Some("humanitarian aid"),
        )],
    );
}
