//! What a text says in favour of one entry of a name shared by several places: the one rule
//! the geoparser (`demarche-extract`, which adds each entry's own weight: kind, population,
//! region word, "X, Y") and the coder's rule `place-country` (`demarche-coder`, which keeps only
//! the best-supported readings and then asks for one dominant country) both apply, so that
//! "near Beni" in a story about Congo is the Congolese town for both.
//!
//! The rule, strongest first — each a number of points an analyst can read back as a reason:
//! - **dateline country** (4): the entry lies in the country of the dateline's place;
//! - **country named in the text** (3): the text names the entry's country (by name,
//!   nationality or capital; what "names" means is the caller's: the whole article for the
//!   geoparser, the sentence's dictionary actors for the coder);
//! - **near a place named before** (2): the entry (not a country) lies within
//!   [`NEAR_KM`] of a place resolved before it;
//! - **feature a region is named after** (the country evidence of that region, less ½): a sea
//!   or region of ours that lies in no one country (the Red Sea, the Sahel) and shares its name
//!   with a country's admin-1 region named after it (Sudan's and Egypt's Red Sea, Burkina
//!   Faso's Sahel) earns the dateline and named-country points that region earns: they tell
//!   which country's region a text means, not whether it means the region or the feature, so
//!   "a ship sank in the Red Sea" in a story from Port Sudan stays the sea. Half a point less,
//!   so that a region word, which lifts both readings alike, still decides for the region
//!   ("Red Sea state");
//! - **preferred referent** (1): with the name's other readings equal, the reading news means
//!   most often, as `data/preferred.tsv` lists it with a comment saying why ("Kurdistan": Iraq's
//!   Kurdistan Region). It is worth less than any evidence of the text, so an article that names
//!   Iran and not Iraq still reads "Kurdistan" as Iran's province.
//!
//! The preferred referents are data, not code: one line a name, read once.

use crate::{Entry, Gazetteer, Kind};
use std::sync::OnceLock;

/// Places within this distance of a place named before are "near" it.
pub const NEAR_KM: f64 = 400.0;

/// The points of each kind of evidence (module doc).
const DATELINE: f64 = 4.0;
const NAMED: f64 = 3.0;
const NEAR: f64 = 2.0;
const PREFERRED: f64 = 1.0;
/// How much less a feature earns than the region named after it (rule `feature a region is
/// named after`): a region word then decides for the region.
const FEATURE_MARGIN: f64 = 0.5;

/// What the text around a name says about where it is.
pub struct Evidence<'a> {
    /// The CAMEO code of the dateline place's country.
    pub dateline: Option<&'a str>,
    /// Whether the text names a country (CAMEO code).
    pub named: &'a dyn Fn(&str) -> bool,
    /// Positions of the places resolved before this name.
    pub anchors: &'a [(f64, f64)],
}

impl Evidence<'_> {
    /// No evidence at all: only the preferred referents count.
    pub fn none() -> Evidence<'static> {
        Evidence {
            dateline: None,
            named: &|_| false,
            anchors: &[],
        }
    }
}

/// The support the text gives one entry: points, and the reasons that earned them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Support {
    pub points: f64,
    pub reasons: Vec<&'static str>,
}

impl Gazetteer {
    /// How strongly `ev` supports reading `name` as entry `e` (module doc): the one rule of
    /// context both the geoparser and the coder apply.
    pub fn support(&self, name: &str, e: &Entry, ev: &Evidence<'_>) -> Support {
        let mut s = Support::default();
        let mut add = |points: f64, why: &'static str| {
            s.points += points;
            s.reasons.push(why);
        };
        if !e.iso3.is_empty() && ev.dateline == Some(e.iso3) {
            add(DATELINE, "dateline country");
        }
        if !e.iso3.is_empty() && (ev.named)(e.iso3) {
            add(NAMED, "country named in the text");
        }
        if e.kind != Kind::Country
            && ev
                .anchors
                .iter()
                .any(|&a| crate::distance_km(a, (e.lat, e.lon)) < NEAR_KM)
        {
            add(NEAR, "near a place named before");
        }
        let shared = self.feature_points(name, e, ev);
        if shared > 0.0 {
            add(shared, "feature a region is named after");
        }
        if is_preferred(name, e) {
            add(PREFERRED, "preferred referent");
        }
        s
    }

    /// Rule `feature a region is named after` (module doc): for a sea or region of ours in no
    /// one country, the most dateline and named-country points an admin-1 region of the same
    /// name earns, less [`FEATURE_MARGIN`]; 0 for any other entry, or when no such region
    /// earns any.
    fn feature_points(&self, name: &str, e: &Entry, ev: &Evidence<'_>) -> f64 {
        if !(e.is_ours() && e.iso3.is_empty()) {
            return 0.0;
        }
        let best = self
            .lookup(name)
            .iter()
            .filter_map(|&i| self.entry(i))
            .filter(|r| r.kind == Kind::Admin1 && !r.iso3.is_empty())
            .map(|r| {
                let mut points = 0.0;
                if ev.dateline == Some(r.iso3) {
                    points += DATELINE;
                }
                if (ev.named)(r.iso3) {
                    points += NAMED;
                }
                points
            })
            .fold(0.0, f64::max);
        (best - FEATURE_MARGIN).max(0.0)
    }
}

/// Whether `data/preferred.tsv` names `e` as what news means by `name`.
pub fn is_preferred(name: &str, e: &Entry) -> bool {
    preferred()
        .iter()
        .any(|(n, iso3, kind)| *iso3 == e.iso3 && *kind == e.kind && n.eq_ignore_ascii_case(name))
}

/// The preferred referents: (name, CAMEO country code, kind), one per line of the file.
fn preferred() -> &'static [(&'static str, &'static str, Kind)] {
    static P: OnceLock<Vec<(&'static str, &'static str, Kind)>> = OnceLock::new();
    P.get_or_init(|| parse_preferred(include_str!("../data/preferred.tsv")))
}

/// Reads the preferred-referents file: `name TAB iso3 TAB kind`, `#` comments. A malformed
/// line is skipped (the file is ours and tested).
fn parse_preferred(text: &'static str) -> Vec<(&'static str, &'static str, Kind)> {
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim_end())
        .filter(|l| !l.trim().is_empty())
        .filter_map(|l| {
            let mut cols = l.split('\t').map(str::trim);
            let (name, iso3, kind) = (cols.next()?, cols.next()?, cols.next()?);
            Some((name, iso3, Kind::parse(kind)?))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(name: &str) -> Vec<&'static Entry> {
        let g = Gazetteer::get();
        g.lookup(name).iter().filter_map(|&i| g.entry(i)).collect()
    }

    #[test]
    fn every_preferred_referent_is_an_entry_of_its_name() {
        let text = include_str!("../data/preferred.tsv");
        let lines = text
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .count();
        assert_eq!(preferred().len(), lines, "a malformed line");
        for (name, iso3, kind) in preferred() {
            assert!(
                entries(name)
                    .iter()
                    .any(|e| e.iso3 == *iso3 && e.kind == *kind),
                "{name} {iso3} {kind:?}"
            );
            // A preferred referent chooses among readings of several countries.
            assert!(
                entries(name).iter().any(|e| e.iso3 != *iso3),
                "{name} is not ambiguous"
            );
        }
    }

    #[test]
    fn a_feature_earns_the_country_evidence_of_the_region_named_after_it() {
        // Rule `feature a region is named after`: in a story from Port Sudan, the Red Sea and
        // Sudan's Red Sea State both lie where the dateline points; the sea earns the state's
        // dateline and named-country points, half a point less.
        let g = Gazetteer::get();
        let red_sea = entries("Red Sea");
        let sea = red_sea.iter().find(|e| e.kind == Kind::Sea).unwrap();
        let state = red_sea.iter().find(|e| e.iso3 == "SDN").unwrap();
        let named = |c: &str| c == "SDN";
        let ev = Evidence {
            dateline: Some("SDN"),
            named: &named,
            anchors: &[],
        };
        let s = g.support("Red Sea", sea, &ev);
        assert_eq!(s.reasons, ["feature a region is named after"]);
        assert_eq!(
            s.points,
            g.support("Red Sea", state, &ev).points - FEATURE_MARGIN
        );
        // No evidence for any region of the name: nothing for the feature either.
        assert_eq!(g.support("Red Sea", sea, &Evidence::none()).points, 0.0);
        // Only our features of no one country earn it: not Egypt's Red Sea Governorate.
        let egypt = red_sea.iter().find(|e| e.iso3 == "EGY").unwrap();
        assert!(
            !g.support("Red Sea", egypt, &ev)
                .reasons
                .contains(&"feature a region is named after")
        );
    }

    #[test]
    fn a_named_country_outweighs_the_preferred_referent() {
        let g = Gazetteer::get();
        let kurdistan = entries("Kurdistan");
        let iran = kurdistan.iter().find(|e| e.iso3 == "IRN").unwrap();
        let iraq = kurdistan.iter().find(|e| e.iso3 == "IRQ").unwrap();
        let none = Evidence::none();
        assert!(
            g.support("Kurdistan", iraq, &none).points > g.support("Kurdistan", iran, &none).points
        );
        let named = |c: &str| c == "IRN";
        let ev = Evidence {
            dateline: None,
            named: &named,
            anchors: &[],
        };
        let s = g.support("Kurdistan", iran, &ev);
        assert!(s.points > g.support("Kurdistan", iraq, &ev).points);
        assert_eq!(s.reasons, ["country named in the text"]);
    }
}
