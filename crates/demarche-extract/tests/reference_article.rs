//! The Global Times example article (`$DEMARCHE_REFERENCE/../examples/`), publication date
//! 2021-11-20: the persons, quotations, amounts and dates the issue asks for.

use demarche_extract::{EntityRef, Granularity, Knowledge, extract};
use demarche_model::Span;
use std::path::PathBuf;

fn article() -> Option<String> {
    let Ok(reference) = std::env::var("DEMARCHE_REFERENCE") else {
        eprintln!("skipped: DEMARCHE_REFERENCE is not set");
        return None;
    };
    let path =
        PathBuf::from(reference).join("../examples/global-times-2021-11-20-china-russia.txt");
    Some(std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
}

fn published() -> Option<demarche_model::Date> {
    demarche_model::parse_date("2021-11-20").ok()
}

#[track_caller]
fn span_is(text: &str, span: Span, expected: &str) {
    assert_eq!(span.slice(text), Some(expected), "span {span:?}");
}

/// Every item's span holds exactly its text.
fn check_spans(text: &str, k: &Knowledge) {
    for p in &k.persons {
        for m in &p.mentions {
            span_is(text, m.span, &m.text);
        }
        for r in [&p.role, &p.organization].into_iter().flatten() {
            span_is(text, r.span, &r.text);
        }
    }
    for o in &k.organizations {
        for m in &o.mentions {
            span_is(text, m.span, &m.text);
        }
    }
    for p in &k.places {
        for m in &p.mentions {
            span_is(text, m.span, &m.text);
        }
    }
    for q in &k.quotations {
        span_is(text, q.span, &q.text);
        for a in std::iter::once(&q.speaker).chain(&q.reported_by) {
            span_is(text, a.span, &a.text);
            span_is(text, a.verb_span, &a.verb);
        }
    }
    for a in &k.amounts {
        span_is(text, a.span, &a.text);
        if let Some(m) = &a.measure {
            span_is(text, m.span, &m.text);
        }
    }
    for d in &k.dates {
        span_is(text, d.span, &d.text);
    }
}

#[test]
fn persons_with_their_roles() {
    let Some(text) = article() else { return };
    let k = extract(&text, published(), None);
    check_spans(&text, &k);
    let person = |name: &str| {
        k.persons
            .iter()
            .find(|p| p.name == name)
            .unwrap_or_else(|| panic!("{name} not found"))
    };
    let putin = person("Vladimir Putin");
    assert_eq!(
        putin.role.as_ref().map(|r| r.text.as_str()),
        Some("President")
    );
    assert_eq!(putin.country.as_deref(), Some("RUS"));
    let putin_mentions: Vec<&str> = putin.mentions.iter().map(|m| m.text.as_str()).collect();
    assert!(
        putin_mentions.contains(&"The Russian president"),
        "{putin_mentions:?}"
    );
    assert!(
        putin_mentions.iter().filter(|m| **m == "Putin").count() >= 4,
        "{putin_mentions:?}"
    );

    let zhao = person("Zhao Lijian");
    assert_eq!(
        zhao.role.as_ref().map(|r| r.text.as_str()),
        Some("spokesperson")
    );
    assert_eq!(
        zhao.organization.as_ref().map(|r| r.text.as_str()),
        Some("Chinese foreign ministry")
    );
    assert_eq!(zhao.country.as_deref(), Some("CHN"));
    assert!(zhao.mentions.iter().filter(|m| m.text == "Zhao").count() >= 5);

    let shu = person("Shu Jueting");
    assert_eq!(
        shu.role.as_ref().map(|r| r.text.as_str()),
        Some("spokesperson")
    );
    assert_eq!(
        shu.organization.as_ref().map(|r| r.text.as_str()),
        Some("Ministry of Commerce")
    );

    // No person is invented from place names, outlets or sentence openers.
    assert_eq!(
        k.persons.len(),
        3,
        "{:?}",
        k.persons.iter().map(|p| &p.name).collect::<Vec<_>>()
    );
    let orgs: Vec<&str> = k.organizations.iter().map(|o| o.name.as_str()).collect();
    for o in ["TASS", "Ministry of Commerce", "Global Times"] {
        assert!(orgs.contains(&o), "{o} missing from {orgs:?}");
    }
    let places: Vec<(&str, &str)> = k
        .places
        .iter()
        .map(|p| (p.name.as_str(), p.country.as_str()))
        .collect();
    for p in [
        ("China", "CHN"),
        ("Russia", "RUS"),
        ("Moscow", "RUS"),
        ("Beijing", "CHN"),
    ] {
        assert!(places.contains(&p), "{p:?} missing from {places:?}");
    }
}

#[test]
fn quotations_with_speakers_and_reporters() {
    let Some(text) = article() else { return };
    let k = extract(&text, published(), None);
    let by = |name: &str| {
        k.quotations
            .iter()
            .filter(|q| q.speaker.name.as_deref() == Some(name))
            .count()
    };
    // Zhao's statements: "said on Friday", "told the media", "emphasized", "said" (twice),
    // "further noted".
    assert_eq!(by("Zhao Lijian"), 6);
    assert_eq!(by("Shu Jueting"), 1);
    let putin: Vec<_> = k
        .quotations
        .iter()
        .filter(|q| q.speaker.name.as_deref() == Some("Vladimir Putin"))
        .collect();
    assert_eq!(putin.len(), 3);
    let wedge = putin
        .iter()
        .find(|q| q.text.contains("drive a wedge"))
        .unwrap();
    assert!(
        wedge.text.starts_with("certain Western countries aspired"),
        "{}",
        wedge.text
    );
    assert!(
        wedge.text.ends_with("international arena"),
        "{}",
        wedge.text
    );
    assert_eq!(wedge.speaker.verb, "said");
    assert_eq!(wedge.reported_by.len(), 1);
    assert_eq!(wedge.reported_by[0].text, "Russian news agency TASS");
    assert!(matches!(
        wedge.reported_by[0].entity,
        Some(EntityRef::Organization(_))
    ));
    assert_eq!(wedge.reported_by[0].name.as_deref(), Some("TASS"));
    // "The Russian president emphasized that …, media reports said."
    let model = putin
        .iter()
        .find(|q| q.text.contains("model of efficient cooperation"))
        .unwrap();
    assert_eq!(model.speaker.text, "The Russian president");
    assert_eq!(model.reported_by[0].text, "media reports");
    // The first statement is Zhao's, without the dateline.
    let first = &k.quotations[0];
    assert_eq!(first.speaker.name.as_deref(), Some("Zhao Lijian"));
    assert!(
        first
            .text
            .starts_with("Russian President Vladimir Putin’s positive statement"),
        "{}",
        first.text
    );
}

#[test]
fn amounts_and_what_they_measure() {
    let Some(text) = article() else { return };
    let k = extract(&text, published(), None);
    let trade = k
        .amounts
        .iter()
        .find(|a| a.value == "102000000000")
        .expect("$102 billion");
    assert_eq!(
        (trade.text.as_str(), trade.unit.as_str()),
        ("$102 billion", "USD")
    );
    assert!(
        trade
            .measure
            .as_ref()
            .is_some_and(|m| m.text.contains("bilateral trade"))
    );
    let period = trade.period.as_ref().unwrap();
    assert_eq!(
        (period.start.to_string(), period.end.to_string()),
        ("2021-01-01".into(), "2021-09-30".into())
    );
    let growth = k
        .amounts
        .iter()
        .find(|a| a.value == "29.2")
        .expect("29.2 percent");
    assert_eq!(growth.unit, "percent");
    assert_eq!(
        growth.measure.as_ref().map(|m| m.text.as_str()),
        Some("year-on-year increase")
    );
}

#[test]
fn dates_resolved_against_publication() {
    let Some(text) = article() else { return };
    let k = extract(&text, published(), None);
    let resolved = |t: &str| -> Vec<String> {
        k.dates
            .iter()
            .filter(|d| d.text == t)
            .map(|d| d.resolved.value.clone())
            .collect()
    };
    assert_eq!(resolved("Friday"), ["2021-11-19", "2021-11-19"]);
    assert_eq!(resolved("Thursday"), ["2021-11-18"]);
    assert_eq!(resolved("October 28"), ["2021-10-28"]);
    assert_eq!(resolved("June this year"), ["2021-06"]);
    assert_eq!(
        resolved("the first three quarters of this year"),
        ["2021-01-01/2021-09-30"]
    );
    assert_eq!(resolved("2021"), ["2021"]);
    let june = k.dates.iter().find(|d| d.text == "June this year").unwrap();
    assert_eq!(june.resolved.granularity, Granularity::Month);

    // The event date of the sentence "On Thursday, Putin said …".
    let start = text.find("On Thursday, Putin said").unwrap();
    let end = start + text[start..].find("TASS reported.").unwrap() + "TASS reported.".len();
    let date = demarche_extract::event_date(&text, Span::new(start, end), published());
    assert_eq!(date.map(|d| d.to_string()).as_deref(), Some("2021-11-18"));
}

#[test]
fn tone_is_positive_for_this_article() {
    let Some(text) = article() else { return };
    let k = extract(&text, published(), None);
    // Cooperation vocabulary dominates ("cooperation", "partnership", "appreciates", …).
    assert!(k.tone.tone > 2.0, "{:?}", k.tone);
    assert!(k.tone.negative > 0.0, "{:?}", k.tone);
}

#[test]
fn gkg_row_for_the_article() {
    let Some(text) = article() else { return };
    let doc = demarche_model::Document {
        id: "global-times-2021-11-20".into(),
        date: published(),
        source: Some("Global Times".into()),
        text: text.clone(),
        ..demarche_model::Document::default()
    };
    let k = extract(&text, published(), None);
    let row = demarche_extract::gkg::gkg_row("20211120000000-1", &doc, &k);
    let cells: Vec<&str> = row.split('\t').collect();
    assert_eq!(cells.len(), 27);
    assert_eq!(cells[11], "Shu Jueting;Vladimir Putin;Zhao Lijian");
    assert_eq!(cells[13], "Global Times;Ministry of Commerce;TASS");
    assert!(cells[24].starts_with("102000000000,USD,"), "{}", cells[24]);
    // Character offsets, not bytes: the headline's ’ and ‘ are three bytes each.
    let putin_byte = text.find("Putin").unwrap();
    let putin_char = text[..putin_byte].chars().count();
    assert!(
        cells[12].starts_with(&format!("Vladimir Putin,{putin_char};")),
        "{}",
        cells[12]
    );
    assert!(
        cells[16].contains("4#11#18#2021#"),
        "Thursday resolved in V2.1DATES: {}",
        cells[16]
    );
    assert!(
        cells[16].contains("2#6#0#2021#"),
        "June this year in V2.1DATES: {}",
        cells[16]
    );
    let quotes: Vec<&str> = cells[22].split('#').collect();
    assert_eq!(quotes.len(), k.quotations.len());
    for q in quotes {
        assert_eq!(q.split('|').count(), 4, "{q}");
    }
}
