//! Exports of the de-duplicated events: the GDELT 2.0 event table, a Phoenix-style table,
//! JSON Lines, and Parquet.
//!
//! Rows come in a deterministic order (event day, source, target, code). Fields we do not
//! produce (geography, tone) are left empty, as GDELT leaves fields it cannot fill. Where an
//! export needs one mention to stand for the event (GDELT's `SOURCEURL`, actor names,
//! `IsRootEvent`), it is the first mention by publication date, document id and sentence, so the
//! choice does not depend on ingest order.

use crate::query::{EVENT_COLUMNS, event_from_row};
use crate::types::{ExportFormat, Mention, StoredEvent, day_number};
use crate::{Result, Store};
use chrono::Datelike;
use demarche_model::cameo;
use std::io::Write;

/// The GDELT 2.0 event table's 61 columns, in codebook order.
pub const GDELT_EVENT_COLUMNS: [&str; 61] = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// Columns of our Phoenix-style table (tab-separated, with this header row). It follows the
/// Phoenix real-time dataset's layout for the fields we have, and adds GDELT-style counts.
pub const PHOENIX_COLUMNS: [&str; 20] = [
    "EventID",
    "Date",
    "Year",
    "Month",
    "Day",
    "SourceActorFull",
    "SourceActorEntity",
    "SourceActorRole",
    "TargetActorFull",
    "TargetActorEntity",
    "TargetActorRole",
    "EventCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScore",
    "SentenceID",
    "URLs",
    "NumMentions",
    "NumSources",
    "NumArticles",
];

/// Three-letter CAMEO prefixes that are not a country or region: for these the next three
/// letters name the group (`IGOUNO` is the United Nations).
const NON_STATE_PREFIXES: [&str; 5] = ["IGO", "NGO", "NGM", "MNC", "UIS"];

/// The parts of an actor code that GDELT has columns for.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct ActorParts {
    pub country: String,
    pub known_group: String,
    pub types: Vec<String>,
}

/// Splits a CAMEO actor code into three-letter parts: `RUSGOV` → country RUS, type GOV;
/// `IGOUNO` → known group UNO. Codes that are not a sequence of three-letter parts are left
/// whole (only Actor*Code is filled for them).
pub(crate) fn actor_parts(code: &str) -> ActorParts {
    let mut parts = ActorParts::default();
    if code.is_empty()
        || !code.len().is_multiple_of(3)
        || !code.bytes().all(|b| b.is_ascii_uppercase())
    {
        return parts;
    }
    let triples: Vec<&str> = (0..code.len() / 3)
        .filter_map(|i| code.get(i * 3..i * 3 + 3))
        .collect();
    let mut rest = triples.as_slice();
    if let Some((first, tail)) = rest.split_first() {
        if NON_STATE_PREFIXES.contains(first) {
            if let Some((group, tail)) = tail.split_first() {
                parts.known_group = (*group).to_string();
                rest = tail;
            } else {
                rest = tail;
            }
        } else {
            parts.country = (*first).to_string();
            rest = tail;
        }
    }
    parts.types = rest.iter().map(|s| (*s).to_string()).collect();
    parts
}

/// Tabs and line breaks would break a TSV row: replace them by spaces.
fn cell(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

impl Store {
    /// Writes every event in `format` to `out`; returns the number of events written.
    pub fn export<W: Write>(&self, format: ExportFormat, mut out: W) -> Result<u64> {
        match format {
            ExportFormat::Gdelt => self.for_each_event(1, |e| write_gdelt_row(&mut out, e)),
            ExportFormat::Phoenix => {
                writeln!(out, "{}", PHOENIX_COLUMNS.join("\t"))?;
                self.for_each_event(1, |e| write_phoenix_row(&mut out, e))
            }
            ExportFormat::Jsonl => self.for_each_event(usize::MAX, |e| {
                serde_json::to_writer(&mut out, e)?;
                out.write_all(b"\n")?;
                Ok(())
            }),
            ExportFormat::Parquet => return self.export_parquet(out),
        }
        .and_then(|n| {
            out_flush(&mut out)?;
            Ok(n)
        })
    }

    /// Calls `f` for every event in export order, with up to `mentions` of its mentions.
    pub(crate) fn for_each_event(
        &self,
        mentions: usize,
        mut f: impl FnMut(&StoredEvent) -> Result<()>,
    ) -> Result<u64> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {EVENT_COLUMNS} FROM events ORDER BY day, source, target, code"
        ))?;
        let mut rows = stmt.query([])?;
        let mut n = 0u64;
        while let Some(row) = rows.next()? {
            let mut event = event_from_row(row)?;
            event.mentions = self.mentions_of(event.id, None, mentions)?;
            f(&event)?;
            n += 1;
        }
        Ok(n)
    }
}

fn out_flush<W: Write>(out: &mut W) -> Result<()> {
    out.flush()?;
    Ok(())
}

fn write_gdelt_row<W: Write>(out: &mut W, e: &StoredEvent) -> Result<()> {
    let first: Option<&Mention> = e.mentions.first();
    let d = e.date;
    let mut cols: Vec<String> = Vec::with_capacity(GDELT_EVENT_COLUMNS.len());
    cols.push(e.id.to_string());
    cols.push(day_number(d).to_string());
    cols.push(format!("{}{:02}", d.year(), d.month()));
    cols.push(d.year().to_string());
    // The codebook's approximation: YYYY + (MONTH * 30 + DAY) / 365, four decimals.
    let fraction = f64::from(d.year()) + f64::from(d.month() * 30 + d.day()) / 365.0;
    cols.push(format!("{fraction:.4}"));
    for (code, name) in [
        (&e.source, first.map(|m| m.source_text.as_str())),
        (&e.target, first.map(|m| m.target_text.as_str())),
    ] {
        let parts = actor_parts(code);
        cols.push(cell(code));
        cols.push(cell(&name.unwrap_or_default().to_uppercase()));
        cols.push(parts.country);
        cols.push(parts.known_group);
        cols.push(String::new()); // ethnic
        cols.push(String::new()); // religion 1
        cols.push(String::new()); // religion 2
        for i in 0..3 {
            cols.push(parts.types.get(i).cloned().unwrap_or_default());
        }
    }
    cols.push(
        if first.is_some_and(|m| m.sentence == 0) {
            "1"
        } else {
            "0"
        }
        .to_string(),
    );
    cols.push(cell(&e.code));
    cols.push(cell(e.code.get(..3).unwrap_or(&e.code)));
    cols.push(cell(&e.root));
    cols.push(cameo::gdelt_quad_class(e.quad_class).to_string());
    cols.push(format!("{}", e.goldstein));
    cols.push(e.num_mentions.to_string());
    cols.push(e.num_sources.to_string());
    cols.push(e.num_articles.to_string());
    cols.push(String::new()); // AvgTone: not computed yet
    // Actor1Geo, Actor2Geo: the actor's country (the first three letters of its code), as the
    // gazetteer places it; ActionGeo: where the first mention that says so puts the event.
    cols.extend(geo_block(actor_country(&e.source).as_ref()));
    cols.extend(geo_block(actor_country(&e.target).as_ref()));
    cols.extend(geo_block(
        e.mentions.iter().find_map(|m| m.action_geo.as_ref()),
    ));
    // DATEADDED: we do not record when a row was added (that would make the store depend on
    // the clock); the first report's publication day at midnight stands in for it.
    cols.push(
        first
            .map(|m| format!("{}000000", day_number(m.date)))
            .unwrap_or_default(),
    );
    cols.push(cell(
        &first
            .map(|m| m.doc_url.clone().unwrap_or_else(|| m.doc_id.clone()))
            .unwrap_or_default(),
    ));
    writeln!(out, "{}", cols.join("\t"))?;
    Ok(())
}

/// The gazetteer's country for an actor code whose first three letters are a country
/// ("RUSGOV" → Russia).
fn actor_country(code: &str) -> Option<demarche_model::GeoPoint> {
    let (_, c) = demarche_geo::Gazetteer::get().country(code.get(..3)?)?;
    Some(demarche_model::GeoPoint {
        name: c.name.to_string(),
        kind: "country".into(),
        country: c.iso3.to_string(),
        fips: c.fips.to_string(),
        adm1: Some(c.fips.to_string()),
        lat: c.lat,
        lon: c.lon,
        id: c.id.to_string(),
        gdelt_type: 1,
        full_name: c.name.to_string(),
        feature_id: c.fips.to_string(),
    })
}

/// One GDELT geography block: Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long,
/// FeatureID (all empty without a place).
fn geo_block(g: Option<&demarche_model::GeoPoint>) -> [String; 8] {
    match g {
        None => Default::default(),
        Some(g) => [
            g.gdelt_type.to_string(),
            cell(&g.full_name),
            g.fips.clone(),
            g.adm1.clone().unwrap_or_default(),
            String::new(),
            format!("{:.4}", g.lat),
            format!("{:.4}", g.lon),
            cell(&g.feature_id),
        ],
    }
}

fn write_phoenix_row<W: Write>(out: &mut W, e: &StoredEvent) -> Result<()> {
    let first = e.mentions.first();
    let d = e.date;
    let src = actor_parts(&e.source);
    let tgt = actor_parts(&e.target);
    let entity = |p: &ActorParts| {
        if p.country.is_empty() {
            p.known_group.clone()
        } else {
            p.country.clone()
        }
    };
    let cols = [
        e.id.to_string(),
        day_number(d).to_string(),
        d.year().to_string(),
        d.month().to_string(),
        d.day().to_string(),
        cell(&e.source),
        entity(&src),
        src.types.first().cloned().unwrap_or_default(),
        cell(&e.target),
        entity(&tgt),
        tgt.types.first().cloned().unwrap_or_default(),
        cell(&e.code),
        cell(&e.root),
        e.quad_class.to_string(),
        format!("{}", e.goldstein),
        first
            .map(|m| cell(&format!("{}-{}", m.doc_id, m.sentence)))
            .unwrap_or_default(),
        first
            .and_then(|m| m.doc_url.as_deref())
            .map(cell)
            .unwrap_or_default(),
        e.num_mentions.to_string(),
        e.num_sources.to_string(),
        e.num_articles.to_string(),
    ];
    writeln!(out, "{}", cols.join("\t"))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actor_codes_split_into_gdelt_parts() {
        let p = actor_parts("RUSGOV");
        assert_eq!(p.country, "RUS");
        assert_eq!(p.types, ["GOV"]);
        let p = actor_parts("IGOUNO");
        assert_eq!(p.country, "");
        assert_eq!(p.known_group, "UNO");
        let p = actor_parts("USAMILREB");
        assert_eq!(p.types, ["MIL", "REB"]);
        assert_eq!(actor_parts("RU"), ActorParts::default());
        assert_eq!(actor_parts("---"), ActorParts::default());
    }
}
