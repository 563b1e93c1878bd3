//! Tests of time expressions: a sentence and a publication date in, each expression and its
//! resolved range out.

use super::*;
use crate::tokens::tokenize;

#[track_caller]
fn check(sentence: &str, published: &str, expected: &[(&str, &str)]) {
    let p = demarche_model::parse_date(published).ok();
    let toks = tokenize(sentence, Span::new(0, sentence.len()));
    let got: Vec<(String, String)> = find_times(sentence, &toks, p)
        .into_iter()
        .map(|t| {
            assert_eq!(&sentence[t.span.range()], t.text);
            (t.text, t.resolved.value)
        })
        .collect();
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(a, b)| ((*a).to_string(), (*b).to_string()))
        .collect();
    assert_eq!(got, expected, "sentence {sentence:?}");
}

#[test]
fn weekdays_resolve_to_the_latest_on_or_before_publication() {
    // 2021-11-20 is a Saturday.
    check(
        "Zhao said on Friday.",
        "2021-11-20",
        &[("Friday", "2021-11-19")],
    );
    check(
        "On Thursday, Putin said so.",
        "2021-11-20",
        &[("Thursday", "2021-11-18")],
    );
    check(
        "They met on Saturday.",
        "2021-11-20",
        &[("Saturday", "2021-11-20")],
    );
    check(
        "They met last Saturday.",
        "2021-11-20",
        &[("last Saturday", "2021-11-13")],
    );
    check(
        "They will meet on Monday.",
        "2021-11-20",
        &[("Monday", "2021-11-22")],
    );
    check(
        "They meet next Friday.",
        "2021-11-20",
        &[("next Friday", "2021-11-26")],
    );
}

#[test]
fn months_days_and_years() {
    check(
        "at a press conference on October 28.",
        "2021-11-20",
        &[("October 28", "2021-10-28")],
    );
    check(
        "issued in June this year",
        "2021-11-20",
        &[("June this year", "2021-06")],
    );
    check("issued in June", "2021-11-20", &[("June", "2021-06")]);
    check(
        "on 20 November 2021 and Oct. 5, 2020",
        "2021-11-20",
        &[
            ("20 November 2021", "2021-11-20"),
            ("Oct. 5, 2020", "2020-10-05"),
        ],
    );
    check(
        "planned for January 5",
        "2021-11-20",
        &[("January 5", "2022-01-05")],
    );
    check(
        "trade in 2021 will hit a record",
        "2021-11-20",
        &[("2021", "2021")],
    );
    check("It sold 2021 cars.", "2021-11-20", &[]);
    check("You May go.", "2021-11-20", &[]);
}

#[test]
fn periods() {
    check(
        "In the first three quarters of this year, trade grew.",
        "2021-11-20",
        &[(
            "the first three quarters of this year",
            "2021-01-01/2021-09-30",
        )],
    );
    check(
        "in the second quarter of 2020",
        "2021-11-20",
        &[("the second quarter of 2020", "2020-04-01/2020-06-30")],
    );
    check(
        "the first half of last year",
        "2021-11-20",
        &[("the first half of last year", "2020-01-01/2020-06-30")],
    );
    check(
        "last week and this month",
        "2021-11-20",
        &[
            ("last week", "2021-11-08/2021-11-14"),
            ("this month", "2021-11"),
        ],
    );
    check(
        "yesterday, not today",
        "2021-11-20",
        &[("yesterday", "2021-11-19"), ("today", "2021-11-20")],
    );
    check(
        "three days ago",
        "2021-11-20",
        &[("three days ago", "2021-11-17")],
    );
    check("last month", "2021-01-10", &[("last month", "2020-12")]);
    check(
        "by mid-December or late-March 2022",
        "2021-11-20",
        &[("mid-December", "2021-12"), ("late-March 2022", "2022-03")],
    );
}

#[test]
fn without_a_publication_date_only_absolute_forms_resolve() {
    check(
        "on Friday, 20 November 2021, in 2019",
        "",
        &[("20 November 2021", "2021-11-20"), ("2019", "2019")],
    );
}

#[test]
fn a_month_after_as_early_as() {
    check(
        "The visit could come as early as April.",
        "2025-03-14",
        &[("April", "2025-04")],
    );
}

#[test]
fn the_nearest_verb_says_ahead_or_behind() {
    // A passive's tense is its auxiliary's, not its participle's.
    check(
        "The budget will be debated from Feb 5 to Feb 9.",
        "2024-02-01",
        &[("Feb 5 to Feb 9", "2024-02-05/2024-02-09")],
    );
    check(
        "The pact was signed on Jan. 30.",
        "2024-02-01",
        &[("Jan. 30", "2024-01-30")],
    );
    // 2024-11-18 is a Monday.
    check(
        "The envoy will arrive on Thursday, officials said on Monday.",
        "2024-11-18",
        &[("Thursday", "2024-11-21"), ("Monday", "2024-11-18")],
    );
    check(
        "Talks are expected to resume on Wednesday.",
        "2024-11-18",
        &[("Wednesday", "2024-11-20")],
    );
    check(
        "The minister, who is due in Oslo on Friday, met aides on Friday.",
        "2024-11-18",
        &[("Friday", "2024-11-22"), ("Friday", "2024-11-15")],
    );
    // A date without a year: behind publication when signed, ahead when it will happen.
    check(
        "A pact signed on June 20 runs out; a summit will open on Oct. 5.",
        "2026-01-09",
        &[("June 20", "2025-06-20"), ("Oct. 5", "2026-10-05")],
    );
    check("since Oct. 3", "2025-08-14", &[("Oct. 3", "2024-10-03")]);
    check(
        "killed since Oct. 8 last year",
        "2024-10-02",
        &[("Oct. 8 last year", "2023-10-08")],
    );
}

#[test]
fn ranges_of_days_and_wire_abbreviations() {
    check(
        "a summit on March 14-15 and talks from Jan. 12 to 15 or May 30 to June 2",
        "2025-03-03",
        &[
            ("March 14-15", "2025-03-14/2025-03-15"),
            ("Jan. 12 to 15", "2025-01-12/2025-01-15"),
            ("May 30 to June 2", "2025-05-30/2025-06-02"),
        ],
    );
    check(
        "KYIV, Nov 18 (Reuters)",
        "2024-11-18",
        &[("Nov 18", "2024-11-18")],
    );
}
