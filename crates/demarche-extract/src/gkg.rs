//! GDELT Global Knowledge Graph 2.1 rows from a document and its [`Knowledge`].
//!
//! The 27 columns and their order follow the GKG 2.1 codebook (see [`COLUMNS`]); cells use the
//! codebook's delimiters so that existing GKG readers take our rows:
//! - `V1Counts` / `V2.1Counts`: `CountType#Number#ObjectType#` + seven empty location fields
//!   (+ `#CharOffset` in V2.1) for counted amounts near a trigger word of ours ("23 people were
//!   killed" → `KILL#23#people`); count types are the codebook's (KILL, WOUND, ARREST, …).
//! - `V1Persons` / `V1Organizations`: unique names joined by `;`; `V2Persons` /
//!   `V2Organizations`: `Name,CharOffset` for every name mention, joined by `;`.
//! - `V1Locations`: `Type#FullName#CountryCode#ADM1Code#Lat#Long#FeatureID` per unique place;
//!   `V2Locations`: `Type#FullName#CountryCode#ADM1Code#ADM2Code#Lat#Long#FeatureID#CharOffset`
//!   per mention. Type 1 is a country, 4 a world city; country codes are FIPS 10-4 as GDELT
//!   writes them. We have no gazetteer yet, so ADM2 codes, latitude and longitude are empty; a
//!   country's ADM1 code and FeatureID are its FIPS code (as GDELT writes countries).
//! - `V2Tone`: `Tone,Positive,Negative,Polarity,ActivityDensity,SelfGroupDensity,WordCount`
//!   (activity density is written as 0: we do not compute it).
//! - `V2.1Dates`: `Resolution#Month#Day#Year#CharOffset` joined by `;` for expressions that are
//!   a day (resolution 4), a month (2) or a year (1); other periods are left out.
//! - `V2.1Quotations`: `CharOffset|Length|Verb|Quote` joined by `#`.
//! - `V2.1AllNames`: `Name,CharOffset` for persons, organisations and places, joined by `;`.
//! - `V2.1Amounts`: `Amount,Object,CharOffset` joined by `;`; the object is the unit ("USD",
//!   "percent", "troops").
//! - `V2ExtrasXML`: `<PAGE_TITLE>…</PAGE_TITLE>` when the document has a title.
//!
//! Offsets are counted in characters (Unicode scalar values) from the start of the text, as
//! GKG counts them; our spans are bytes, and are converted here. Themes, GCAM, images
//! and translation info are empty: we do not produce them.

use crate::{Granularity, Knowledge};
use chrono::Datelike;
use demarche_model::{Date, Document};
use std::fmt::Write as _;

/// The GKG 2.1 column names in order.
pub const COLUMNS: [&str; 27] = [
    "GKGRECORDID",
    "V2.1DATE",
    "V2SOURCECOLLECTIONIDENTIFIER",
    "V2SOURCECOMMONNAME",
    "V2DOCUMENTIDENTIFIER",
    "V1COUNTS",
    "V2.1COUNTS",
    "V1THEMES",
    "V2ENHANCEDTHEMES",
    "V1LOCATIONS",
    "V2ENHANCEDLOCATIONS",
    "V1PERSONS",
    "V2ENHANCEDPERSONS",
    "V1ORGANIZATIONS",
    "V2ENHANCEDORGANIZATIONS",
    "V1.5TONE",
    "V2.1ENHANCEDDATES",
    "V2GCAM",
    "V2.1SHARINGIMAGE",
    "V2.1RELATEDIMAGES",
    "V2.1SOCIALIMAGEEMBEDS",
    "V2.1SOCIALVIDEOEMBEDS",
    "V2.1QUOTATIONS",
    "V2.1ALLNAMES",
    "V2.1AMOUNTS",
    "V2.1TRANSLATIONINFO",
    "V2EXTRASXML",
];

/// The record id for the `n`-th row of a batch dated `date`: `YYYYMMDDHHMMSS-n`.
pub fn record_id(date: Option<Date>, n: usize) -> String {
    match date {
        Some(d) => format!("{}000000-{n}", d.format("%Y%m%d")),
        None => format!("00000000000000-{n}"),
    }
}

/// Byte offset → character offset, for GKG's character-counted offsets.
struct CharOffsets<'a> {
    text: &'a str,
}

impl CharOffsets<'_> {
    fn at(&self, byte: usize) -> usize {
        self.text.get(..byte).map_or_else(
            || {
                self.text
                    .char_indices()
                    .take_while(|(b, _)| *b < byte)
                    .count()
            },
            |s| s.chars().count(),
        )
    }
}

/// Removes the characters GKG uses as delimiters from a value.
fn clean(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' | ';' | '#' | '|' | ',' => ' ',
            c => c,
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Removes only the quotation field's own delimiters (`#` between quotations, `|` between
/// fields) and line breaks: commas and semicolons stay in quoted text.
fn clean_quote(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' | '#' | '|' => ' ',
            c => c,
        })
        .collect()
}

/// GKG count types and the words (near a counted amount) that signal them. Our own choice of
/// trigger words; the count type names are the codebook's.
const COUNT_TRIGGERS: &[(&str, &[&str])] = &[
    (
        "KILL",
        &["killed", "dead", "deaths", "died", "killing", "death"],
    ),
    (
        "WOUND",
        &["injured", "wounded", "hurt", "injuring", "wounding"],
    ),
    ("ARREST", &["arrested", "detained", "arrests", "detentions"]),
    ("KIDNAP", &["kidnapped", "abducted", "hostages", "hostage"]),
    (
        "PROTEST",
        &[
            "protesters",
            "protestors",
            "demonstrators",
            "protested",
            "marched",
        ],
    ),
    ("DISPLACED", &["displaced", "fled", "refugees", "homeless"]),
    ("EVACUATION", &["evacuated", "evacuees"]),
    ("AFFECT", &["affected"]),
];

/// The count type of a counted amount ("23 people were killed" → KILL), read from the unit and
/// the words right after the amount, within its sentence.
fn count_type(text: &str, a: &crate::Amount) -> Option<&'static str> {
    // Money (a three-letter currency code) and percentages are amounts, not counts.
    let currency = a.unit.len() == 3 && a.unit.chars().all(|c| c.is_ascii_uppercase());
    if currency || a.unit == "percent" || a.unit == "percentage points" {
        return None;
    }
    let after = text.get(a.span.end..).unwrap_or("");
    let mut end = after
        .find(['.', ';', '!', '?'])
        .unwrap_or(after.len())
        .min(60);
    while !after.is_char_boundary(end) {
        end -= 1;
    }
    let window = after.get(..end).unwrap_or("");
    // The verb right before the amount ("police arrested 40 protesters") speaks first, then
    // the counted noun, then the words after ("23 people were killed").
    let before = text.get(..a.span.start).unwrap_or("");
    let previous = before
        .split(|c: char| !c.is_alphanumeric())
        .rev()
        .find(|w| !w.is_empty())
        .map(str::to_lowercase);
    let words: Vec<String> = previous
        .into_iter()
        .chain(std::iter::once(a.unit.to_lowercase()))
        .chain(
            window
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .take(4)
                .map(str::to_lowercase),
        )
        .collect();
    words.iter().find_map(|w| {
        COUNT_TRIGGERS
            .iter()
            .find(|(_, triggers)| triggers.contains(&w.as_str()))
            .map(|(t, _)| *t)
    })
}

fn number(x: f64) -> String {
    let s = format!("{x:.6}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_string()
    } else {
        s.to_string()
    }
}

fn host(url: &str) -> Option<&str> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?.split(':').next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then_some(host)
}

/// One GKG 2.1 row (tab-separated, no final newline) for `doc` and its extracted `knowledge`.
pub fn gkg_row(record_id: &str, doc: &Document, knowledge: &Knowledge) -> String {
    let offs = CharOffsets { text: &doc.text };
    let date = doc
        .date
        .map_or_else(String::new, |d| format!("{}000000", d.format("%Y%m%d")));
    // 1 = WEB (the identifier is a URL), 2 = CITATIONONLY (a textual citation).
    let (collection, identifier) = match &doc.url {
        Some(u) => ("1", clean(u)),
        None => ("2", clean(&doc.id)),
    };
    let common_name = doc
        .url
        .as_deref()
        .and_then(host)
        .map(str::to_string)
        .or_else(|| doc.source.clone())
        .map(|s| clean(&s))
        .unwrap_or_default();

    let mut v1_locations = Vec::new();
    let mut v2_locations = Vec::new();
    let mut all_names: Vec<(usize, String)> = Vec::new();
    for p in &knowledge.places {
        let l = crate::geo::gdelt_location(p);
        let (ty, adm1, feature, lat, lon) = (l.kind, &l.adm1, &l.feature_id, &l.lat, &l.lon);
        let (name, cc, adm2) = (clean(&l.full_name), &p.fips, "");
        v1_locations.push(format!("{ty}#{name}#{cc}#{adm1}#{lat}#{lon}#{feature}"));
        for m in &p.mentions {
            let o = offs.at(m.span.start);
            v2_locations.push((
                o,
                format!("{ty}#{name}#{cc}#{adm1}#{adm2}#{lat}#{lon}#{feature}#{o}"),
            ));
            all_names.push((o, format!("{},{o}", clean(&m.text))));
        }
    }
    v2_locations.sort();

    let mut v1_persons = Vec::new();
    let mut v2_persons = Vec::new();
    for p in &knowledge.persons {
        v1_persons.push(clean(&p.name));
        for m in p
            .mentions
            .iter()
            .filter(|m| matches!(m.kind, crate::MentionKind::Name | crate::MentionKind::Short))
        {
            let o = offs.at(m.span.start);
            v2_persons.push((o, format!("{},{o}", clean(&p.name))));
            all_names.push((o, format!("{},{o}", clean(&p.name))));
        }
    }
    v2_persons.sort();

    let mut v1_orgs = Vec::new();
    let mut v2_orgs = Vec::new();
    for org in &knowledge.organizations {
        v1_orgs.push(clean(&org.name));
        for m in &org.mentions {
            let o = offs.at(m.span.start);
            v2_orgs.push((o, format!("{},{o}", clean(&org.name))));
            all_names.push((o, format!("{},{o}", clean(&org.name))));
        }
    }
    v2_orgs.sort();
    all_names.sort();

    let t = &knowledge.tone;
    let tone = format!(
        "{},{},{},{},0,{},{}",
        number(t.tone),
        number(t.positive),
        number(t.negative),
        number(t.polarity),
        number(t.self_group_density),
        t.words
    );

    let dates: Vec<String> = knowledge
        .dates
        .iter()
        .filter_map(|d| {
            let s = d.resolved.start;
            let o = offs.at(d.span.start);
            match d.resolved.granularity {
                Granularity::Day => Some(format!("4#{}#{}#{}#{o}", s.month(), s.day(), s.year())),
                Granularity::Month => Some(format!("2#{}#0#{}#{o}", s.month(), s.year())),
                Granularity::Year => Some(format!("1#0#0#{}#{o}", s.year())),
                _ => None,
            }
        })
        .collect();

    let quotes: Vec<String> = knowledge
        .quotations
        .iter()
        .map(|q| {
            let o = offs.at(q.span.start);
            let len = q.text.chars().count();
            format!(
                "{o}|{len}|{}|{}",
                clean(&q.speaker.verb),
                clean_quote(&q.text)
            )
        })
        .collect();

    // Counts: CountType#Number#ObjectType and seven location fields we leave empty (V1), plus
    // the character offset (V2.1).
    let mut v1_counts = Vec::new();
    let mut v2_counts = Vec::new();
    for a in &knowledge.amounts {
        if let Some(ty) = count_type(&doc.text, a) {
            let object = clean(&a.unit);
            v1_counts.push(format!("{ty}#{}#{object}#######", a.value));
            v2_counts.push(format!(
                "{ty}#{}#{object}########{}",
                a.value,
                offs.at(a.span.start)
            ));
        }
    }

    let amounts: Vec<String> = knowledge
        .amounts
        .iter()
        .map(|a| format!("{},{},{}", a.value, clean(&a.unit), offs.at(a.span.start)))
        .collect();

    let extras = doc
        .title
        .as_deref()
        .map(|t| format!("<PAGE_TITLE>{}</PAGE_TITLE>", clean(t)))
        .unwrap_or_default();

    let join =
        |v: Vec<(usize, String)>| v.into_iter().map(|(_, s)| s).collect::<Vec<_>>().join(";");
    let uniq = |mut v: Vec<String>| {
        v.sort();
        v.dedup();
        v.join(";")
    };
    let cells: [String; 27] = [
        record_id.to_string(),
        date,
        collection.to_string(),
        common_name,
        identifier,
        v1_counts.join(";"),
        v2_counts.join(";"),
        String::new(),
        String::new(),
        uniq(v1_locations),
        join(v2_locations),
        uniq(v1_persons),
        join(v2_persons),
        uniq(v1_orgs),
        join(v2_orgs),
        tone,
        dates.join(";"),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        quotes.join("#"),
        join(all_names),
        amounts.join(";"),
        String::new(),
        extras,
    ];
    let mut row = String::new();
    for (i, c) in cells.iter().enumerate() {
        if i > 0 {
            row.push('\t');
        }
        let _ = write!(row, "{c}");
    }
    row
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_has_27_cells_in_codebook_formats() {
        let text = "Chinese foreign ministry spokesperson Zhao Lijian said on Friday that trade with Russia reached $102 billion.";
        let doc = Document {
            id: "doc-1".into(),
            date: demarche_model::parse_date("2021-11-20").ok(),
            title: Some("Trade; up".into()),
            url: Some("https://www.example.org/a/1".into()),
            text: text.into(),
            ..Document::default()
        };
        let k = crate::extract(text, doc.date, None);
        let row = gkg_row(&record_id(doc.date, 1), &doc, &k);
        let cells: Vec<&str> = row.split('\t').collect();
        assert_eq!(cells.len(), COLUMNS.len());
        assert_eq!(cells[0], "20211120000000-1");
        assert_eq!(cells[1], "20211120000000");
        assert_eq!(cells[2], "1");
        assert_eq!(cells[3], "example.org");
        // A country's position is the public country table's point (scripts/build-gazetteer).
        assert_eq!(cells[9], "1#Russia#RS#RS#61.5240#105.3190#RS");
        assert_eq!(cells[10], "1#Russia#RS#RS##61.5240#105.3190#RS#81");
        assert_eq!(cells[11], "Zhao Lijian");
        assert_eq!(cells[12], "Zhao Lijian,38");
        assert_eq!(cells[16], "4#11#19#2021#58");
        assert_eq!(
            cells[22],
            "70|38|said|trade with Russia reached $102 billion"
        );
        assert_eq!(cells[24], "102000000000,USD,96");
        assert_eq!(cells[26], "<PAGE_TITLE>Trade up</PAGE_TITLE>");
        // 15 words: numbers are no words.
        assert!(cells[15].ends_with(",15"), "tone {}", cells[15]);
    }

    #[test]
    fn counts_from_counted_amounts_near_trigger_words() {
        let text = "At least 23 people were killed and 110 injured; police arrested 40 protesters. Trade grew 5 percent.";
        let doc = Document {
            id: "d".into(),
            text: text.into(),
            ..Document::default()
        };
        let k = crate::extract(text, None, None);
        let row = gkg_row("x-1", &doc, &k);
        let cells: Vec<&str> = row.split('\t').collect();
        assert_eq!(
            cells[5],
            "KILL#23#people#######;WOUND#110#people#######;ARREST#40#protesters#######"
        );
        let v2: Vec<&str> = cells[6].split(';').collect();
        assert_eq!(v2[0], "KILL#23#people########9");
        assert_eq!(v2[0].split('#').count(), 11);
        assert_eq!(
            cells[5].split(';').next().map(|c| c.split('#').count()),
            Some(10)
        );
    }

    #[test]
    fn offsets_count_characters_not_bytes() {
        let offs = CharOffsets { text: "’’ab" };
        assert_eq!(offs.at(6), 2);
        assert_eq!(offs.at(7), 3);
        assert_eq!(offs.at(4), 2); // inside a character: counts the ones that start before it
    }
}
