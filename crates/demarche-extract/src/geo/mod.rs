//! Geoparsing: every place mention resolved to one entry of the embedded gazetteer
//! (`demarche-geo`), and the place where each event happened.
//!
//! 1. **Which capitalised names are places.** A name is looked up in the gazetteer (upper-case
//!    dateline names in title case: "KYIV" → "Kyiv"). Countries, our seas and regions, and the
//!    dateline city are always places. Other names must be *licensed*, because many towns share
//!    their name with a word or a person ("Of", "Nice", "Victoria"): a place preposition before
//!    them anywhere in the document ("in/near/at/from X", "the coast/outskirts/city of X", with
//!    "the" and a direction word allowed between: "in southern X"), a region word after them
//!    ("X region", "X Oblast"), an "X, Y" pattern whose Y is a country or region, a city of a
//!    million people or more, or a city (or a region of two words or more: "North Darfur") of
//!    a country the document names — by name, nationality, a capital only it has, one of our
//!    regions ("Gaza Strip"), or the dateline — when no title stands before it and no speech
//!    verb after it, it does not open its sentence, and it is not a later word of a longer
//!    name that is no place ("Gonzalez" of "Edmundo Gonzalez"). An admin-1 region licensed only
//!    by a preposition also needs its country in the document (or to be in the United States),
//!    so that invented or foreign region names do not become places — unless no other entry
//!    shares its name and the document does not write it before an office as a country's
//!    ("Southland Foreign Minister") (rule lone-admin1: "killed in Hadramout"; such a name of
//!    one word is also licensed by its country alone, "floods hit Akkar in northern Lebanon"). A dateline in
//!    capitals is read in title case, its particles in lower case ("PORT OF SPAIN").
//!    A name the gazetteer spells otherwise ("Baramulla", GeoNames "Baramula"; "Gedaref",
//!    "Gadarif") is found by its spelling key ([`demarche_geo::spelling_key`]) among the
//!    places of the countries the document names, and only when a preposition, a region word,
//!    "X, Y" or a list of places introduces it.
//! 2. **Which entry.** Candidates are scored, and the reasons are kept in [`Resolution`]:
//!    each entry's own weight — countries and our own places first, then cities by population
//!    (log10), admin-1 regions below large cities unless a region word follows — plus "X, Y"
//!    (+20 when the pattern names its country or region) and the context, by the rule the
//!    coder's `place-country` shares ([`demarche_geo::Gazetteer::support`]): +4 when the
//!    candidate lies in the dateline's country, +3 when the document names its country, +2
//!    when it lies within 400 km of a place resolved before it, +1 when `demarche-geo`'s
//!    `data/preferred.tsv` lists it as what news means by the name ("Kurdistan": Iraq's
//!    region); a sea or region of no one country earns the dateline and country points of an
//!    admin-1 region named after it, less ½ ("the Red Sea" in a story from Port Sudan). A
//!    first-level region word after a city's name ("the Kharkiv region", "Sennar
//!    state"; `[admin1-word]` in `data/names.txt`) also offers the admin-1 region the city lies
//!    in, when no region has the name ("Kharkivs'ka Oblast'", "Sinnar"). A list after "the
//!    <division words> of" (rule division-list: "the departments of La Paz, Cochabamba and
//!    Santa Cruz") names regions when every name of it is one, and units below the first level
//!    when one is not ("the departments of Podor and Matam": a town outranks a region of the
//!    name). Ties go to the table order, so output is deterministic.
//! 3. **Where an event happened** ([`event_location`]): the first place in the event's sentence
//!    introduced as a location ("in southern Lebanon", "in Doha", "near Kharkiv", "off the
//!    coast of Y"), else the dateline's place.
//!
//! The files: [`licensing`] holds step 1, [`resolution`] step 2 and [`location`] step 3; this
//! one the gazetteer lookup, the document's context they share, and GDELT's geography fields.

mod licensing;
mod location;
mod resolution;

pub(crate) use self::licensing::{PendingPlace, is_region_word};
#[cfg(test)]
pub(crate) use self::location::introduced_at_for_tests;
pub(crate) use self::location::location_of;
pub use self::location::{GeoSource, PlaceMentions, event_location, event_location_in};
pub use self::resolution::Resolution;
pub(crate) use self::resolution::resolve;
use crate::lexicon::PlaceKind;
use crate::tokens::Tok;
use demarche_geo::{Gazetteer, title_case};
use demarche_model::Span;
use std::collections::BTreeSet;

fn word<'t>(text: &'t str, t: &Tok) -> &'t str {
    t.span.slice(text).unwrap_or("")
}

fn is_in(list: &[&str], w: &str) -> bool {
    list.iter().any(|x| x.eq_ignore_ascii_case(w))
}

/// The gazetteer candidates for a name as written: as is, or in title case when it is all
/// capitals ("KYIV"). Empty when the gazetteer does not know it.
pub(crate) fn candidates(name: &str) -> &'static [u32] {
    let g = Gazetteer::get();
    let found = g.lookup(name);
    if !found.is_empty() {
        return found;
    }
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    if letters >= 3 && name.chars().all(|c| !c.is_lowercase()) {
        let titled = g.lookup(&title_case(name));
        if titled.is_empty() {
            return g.lookup(&particles_lower(&title_case(name)));
        }
        return titled;
    }
    &[]
}

/// Words that place names write in lower case after their first word ("Port of Spain",
/// "Port-au-Prince"): a name written in capitals gets them back when its title case is unknown.
const NAME_PARTICLES: &[&str] = &[
    "of", "de", "du", "des", "da", "do", "dos", "das", "del", "la", "le", "les", "au", "aux", "el",
    "al", "en", "es", "et", "y", "on", "upon", "sur", "the", "and",
];

/// A title-cased name with its particles in lower case, except the first word: "Port Of
/// Spain" → "Port of Spain", "Port-Au-Prince" → "Port-au-Prince".
pub(crate) fn particles_lower(titled: &str) -> String {
    let mut out = String::with_capacity(titled.len());
    for (k, word) in titled.split_inclusive([' ', '-']).enumerate() {
        let bare = word.trim_end_matches([' ', '-']);
        if k > 0 && NAME_PARTICLES.iter().any(|p| p.eq_ignore_ascii_case(bare)) {
            out.push_str(&word.to_lowercase());
        } else {
            out.push_str(word);
        }
    }
    out
}

/// What the document says around its places, gathered before names are classified.
#[derive(Debug, Default)]
pub(crate) struct GeoContext {
    /// Names licensed as places by their context somewhere in the document.
    licensed: BTreeSet<String>,
    /// Names the gazetteer spells otherwise, with the entries of their spelling key in the
    /// countries the document names ([`demarche_geo::spelling_key`]).
    spelled: std::collections::BTreeMap<String, Vec<u32>>,
    /// Countries the document names (CAMEO codes), from names and nationality adjectives.
    countries: BTreeSet<&'static str>,
    /// The dateline's place name and its span.
    pub dateline: Option<(Span, String)>,
    /// The dateline's "CITY, Country" constraint, when it gives one.
    dateline_within: Option<String>,
    /// The other places the dateline names ("YOLA (Adamawa, Nigeria)"), with their spans.
    dateline_parts: Vec<(Span, String)>,
    /// Names the document writes right before a lower-case word of a first-level division
    /// somewhere ("the semi-autonomous Puntland region"): places wherever they stand.
    divisions: BTreeSet<String>,
}

/// A place in GDELT's terms: the geography fields of events (`ActionGeo_*`) and of GKG
/// locations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GdeltLocation {
    /// 1 country, 2 US state, 3 US city, 4 world city, 5 world state (admin-1). Seas, straits
    /// and regions are points and written as 4, since GDELT has no type for them.
    pub kind: u8,
    /// "Kherson, Kherson, Ukraine": the place, its admin-1 region and its country, as GDELT
    /// writes full names.
    pub full_name: String,
    /// FIPS country code + admin-1 code ("UP08"); the FIPS code for a country.
    pub adm1: String,
    /// GeoNames id for cities; the ADM1 code for regions and countries, as GDELT writes them;
    /// our own id ("X-gaza-strip") for our places.
    pub feature_id: String,
    /// Degrees, four decimals; empty when unknown.
    pub lat: String,
    pub lon: String,
}

/// How `p` is written in GDELT's geography fields.
pub fn gdelt_location(p: &crate::Place) -> GdeltLocation {
    let us = p.country == "USA";
    let kind = match p.kind {
        PlaceKind::Country => 1,
        PlaceKind::Admin1 if us => 2,
        PlaceKind::Admin1 => 5,
        PlaceKind::City if us => 3,
        PlaceKind::City | PlaceKind::Sea | PlaceKind::Region => 4,
    };
    let adm1 = match p.kind {
        PlaceKind::Country => p.fips.clone(),
        _ => p.admin1.clone().unwrap_or_default(),
    };
    let feature_id = match p.kind {
        PlaceKind::Country => p.fips.clone(),
        PlaceKind::Admin1 if !adm1.is_empty() => adm1.clone(),
        _ => p.id.clone().unwrap_or_default(),
    };
    let country = Gazetteer::get()
        .country(&p.country)
        .map(|(_, e)| e.name.to_string())
        .filter(|_| p.kind != PlaceKind::Country);
    let mut parts = vec![p.name.clone()];
    if p.kind == PlaceKind::City {
        parts.extend(p.admin1_name.clone());
    }
    parts.extend(country);
    let full_name = parts.join(", ");
    let deg = |v: Option<f64>| v.map_or_else(String::new, |v| format!("{v:.4}"));
    GdeltLocation {
        kind,
        full_name,
        adm1,
        feature_id,
        lat: deg(p.lat),
        lon: deg(p.lon),
    }
}

#[cfg(test)]
mod tests;
