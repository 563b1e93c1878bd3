//! Coded events and their evidence. This is an API boundary: the JSON Lines event record.

use crate::{Date, Span, cameo};
use serde::{Deserialize, Serialize};

/// A dictionary entry that fired, by file and 1-based line.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct RuleRef {
    pub file: String,
    pub line: usize,
}

/// Where an event came from: byte spans into the sentence text and the entries that fired.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Evidence {
    pub source_span: Option<Span>,
    pub target_span: Option<Span>,
    pub verb_span: Option<Span>,
    pub rules: Vec<RuleRef>,
    /// For a side the sentence names only by reference ("he", "the two sides", "the
    /// ministry"): where the document named it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub antecedents: Vec<Antecedent>,
}

/// Where an actor that a sentence names only by reference was named earlier in its document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Antecedent {
    /// `source` or `target`.
    pub role: String,
    /// 0-based index of the sentence that named it.
    pub sentence: usize,
    /// Its words there.
    pub text: String,
    /// Its byte span in that sentence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
}

/// A place on the map, as the geoparser resolved it from the embedded gazetteer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GeoPoint {
    pub name: String,
    /// `country`, `admin1`, `city`, `sea` or `region`.
    pub kind: String,
    /// CAMEO country code; empty for international waters and multi-country regions.
    pub country: String,
    /// FIPS 10-4 country code, as GDELT writes geography.
    pub fips: String,
    /// GDELT's ADM1 code ("UP08"); the FIPS code for a country.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adm1: Option<String>,
    pub lat: f64,
    pub lon: f64,
    /// Gazetteer id: a GeoNames id, "A-<ISO2>-<code>" for an admin-1 region, "X-<slug>" for
    /// our own places.
    pub id: String,
    /// GDELT geo type: 1 country, 2 US state, 3 US city, 4 world city (also seas and regions),
    /// 5 world state.
    pub gdelt_type: u8,
    /// GDELT full name ("Kherson, Kherson, Ukraine").
    pub full_name: String,
    /// GDELT feature id (GeoNames id, ADM1 code or FIPS code).
    pub feature_id: String,
}

/// One coded event: who did what to whom, when, with its evidence.
///
/// Field names are stable: other tools parse this record (see the README's event record table).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub doc_id: String,
    /// 0-based index of the sentence in the document.
    pub sentence: usize,
    /// The publication date (or the record's date): serialised as YYYY-MM-DD.
    pub date: Date,
    /// The date the event happened, when the sentence resolves one ("on Thursday").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_date: Option<Date>,
    pub source: String,
    pub target: String,
    /// CAMEO event code, as a string ("051", "1123").
    pub code: String,
    /// CAMEO root code, the first two digits.
    pub root: String,
    /// Phoenix quad class: 0 neutral, 1 verbal cooperation, 2 material cooperation,
    /// 3 verbal conflict, 4 material conflict.
    pub quad_class: u8,
    pub goldstein: f32,
    /// PLOVER category (`AGREE`, `ACCUSE`, ...), when the code has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plover: Option<String>,
    pub source_text: String,
    pub target_text: String,
    pub verb_text: String,
    /// The sentence text the spans point into.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub sentence_text: String,
    pub evidence: Evidence,
    /// Where the event happened, when the sentence or the dateline says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action_geo: Option<GeoPoint>,
    /// How `action_geo` was found: `"sentence"` ("in Doha") or `"dateline"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geo_source: Option<String>,
}

impl Event {
    /// Fills `root`, `quad_class`, `goldstein` and `plover` from our CAMEO table.
    /// Unknown codes keep root from their first two characters and neutral scores.
    pub fn with_cameo_facts(mut self) -> Self {
        match cameo::lookup(&self.code) {
            Some(info) => {
                self.root = info.root.to_string();
                self.quad_class = info.quad_class;
                self.goldstein = info.goldstein;
                self.plover = info.plover.map(str::to_string);
            }
            None => {
                self.root = self.code.chars().take(2).collect();
                self.quad_class = cameo::quad_class_of_root(&self.root).unwrap_or(0);
                self.goldstein = 0.0;
                self.plover = None;
            }
        }
        self
    }
}
