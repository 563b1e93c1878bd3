//! The country table, shared with the dictionaries: the names of each country are the ones
//! the coder reads (`dictionaries/actors/countries.txt`, through `demarche-dict`), and their
//! codes and kinds come from the gazetteer (`demarche-geo`). Nothing here is a list of its own.
//!
//! A line `CODE = name | name …` of a three-letter code (ISO 3166 alpha-3, which is also the
//! CAMEO country code) gives the names of one country. Each name is sorted by [`kind_of_name`]:
//! a name the gazetteer gives this country, an abbreviation ("PRC", "U.S."), a name with a
//! lower-case word ("Islamic Republic of Iran") or the line's first name is the country; a
//! city of this country in the gazetteer is a city (a capital or a city news names for the
//! country, "Kyiv"); any other name is a nationality or demonym ("Chinese", "Afghans").
//! Territory lines (six-letter codes such as `USAASM`) and countries the gazetteer lacks
//! (so without a FIPS code) are left out.
//!
//! Design decision: read the dictionary file rather than copy its names, so that a name added
//! for the coder is known here too. Rejected: a country table of this crate (what it had
//! before), which drifted from the dictionaries.

use crate::lexicon::PlaceKind;
use demarche_dict::lookup::WordHasher;
use demarche_geo::{Gazetteer, Kind};
use std::collections::HashMap;
use std::sync::OnceLock;

/// The dictionary file that names the countries.
const COUNTRY_FILE: &str = "actors/countries.txt";

/// One country: its name in news and its codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Country {
    /// The short name news uses (the first name of the dictionary line).
    pub name: &'static str,
    /// ISO 3166-1 alpha-3, which is also the CAMEO country code.
    pub iso3: &'static str,
    /// FIPS 10-4 code, which GDELT's GKG location fields use (from the gazetteer).
    pub fips: &'static str,
}

/// How a name of a country's dictionary line is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameKind {
    /// It names the country ("China", "PRC").
    Country,
    /// It names a city of the country that stands for it in news ("Beijing").
    City,
    /// A nationality adjective or demonym ("Chinese", "Afghans").
    Nationality,
}

struct Table {
    countries: Vec<Country>,
    places: HashMap<&'static str, (usize, PlaceKind), WordHasher>,
    nationalities: HashMap<&'static str, usize, WordHasher>,
}

/// Whether a name is written as an abbreviation: no lower-case letter ("PRC", "U.S.").
fn is_abbreviation(name: &str) -> bool {
    name.chars().any(char::is_alphabetic) && !name.chars().any(char::is_lowercase)
}

/// How the `position`-th name of the line of country `iso3` is read, given the names of the
/// line already read as the country (`country_names`): see the module documentation.
pub fn kind_of_name(
    g: &Gazetteer,
    iso3: &str,
    name: &str,
    position: usize,
    country_names: &[&str],
) -> NameKind {
    let entries = || g.lookup(name).iter().filter_map(|&i| g.entry(i));
    if entries().any(|e| e.kind == Kind::Country && e.iso3 == iso3) {
        return NameKind::Country;
    }
    if entries().any(|e| e.kind == Kind::City && e.iso3 == iso3) {
        return NameKind::City;
    }
    let lower_word = name
        .split_whitespace()
        .any(|w| w.starts_with(char::is_lowercase));
    // "Mainland China": a longer name ending in one of the country's names.
    let ends_in_name = name
        .rsplit_once(' ')
        .is_some_and(|(_, last)| country_names.contains(&last));
    if position == 0 || is_abbreviation(name) || lower_word || ends_in_name {
        NameKind::Country
    } else {
        NameKind::Nationality
    }
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let g = Gazetteer::get();
        let mut t = Table {
            countries: Vec::new(),
            places: HashMap::default(),
            nationalities: HashMap::default(),
        };
        let content = demarche_dict::native::default_source(COUNTRY_FILE).unwrap_or("");
        let mut by_code: HashMap<&'static str, usize> = HashMap::new();
        let mut cities = Vec::new();
        for (code, names) in demarche_dict::native::fixed_code_names(content) {
            if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
                continue;
            }
            let Some((_, entry)) = g.country(code) else {
                continue;
            };
            let i = *by_code.entry(code).or_insert_with(|| {
                t.countries.push(Country {
                    name: names[0],
                    iso3: code,
                    fips: entry.fips,
                });
                t.countries.len() - 1
            });
            let mut country_names: Vec<&str> = Vec::new();
            for (position, &name) in names.iter().enumerate() {
                match kind_of_name(g, code, name, position, &country_names) {
                    NameKind::Country => {
                        country_names.push(name);
                        t.places.entry(name).or_insert((i, PlaceKind::Country));
                        // An abbreviation modifies a noun as a nationality does ("U.S. officials").
                        if is_abbreviation(name) {
                            t.nationalities.entry(name).or_insert(i);
                        }
                    }
                    NameKind::City => cities.push((name, i)),
                    NameKind::Nationality => {
                        t.nationalities.entry(name).or_insert(i);
                    }
                }
            }
        }
        // Countries first, so that a name that is both a country's and a city's is the
        // country, as `place` promises.
        for (name, i) in cities {
            t.places.entry(name).or_insert((i, PlaceKind::City));
        }
        t
    })
}

/// Looks a place name up (as written): a country's name, or a city that stands for it.
pub fn place(name: &str) -> Option<(&'static Country, PlaceKind)> {
    let t = table();
    let &(i, kind) = t.places.get(name)?;
    t.countries.get(i).map(|c| (c, kind))
}

/// The country whose nationality adjective or demonym this is ("Russian" → Russia).
pub fn nationality(word: &str) -> Option<&'static Country> {
    let t = table();
    t.nationalities.get(word).and_then(|&i| t.countries.get(i))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_sorted_by_the_gazetteer_and_their_shape() {
        let g = Gazetteer::get();
        let k = |iso3: &str, name: &str, position: usize, names: &[&str]| {
            kind_of_name(g, iso3, name, position, names)
        };
        assert_eq!(k("CHN", "China", 0, &[]), NameKind::Country);
        assert_eq!(k("CHN", "PRC", 2, &["China"]), NameKind::Country);
        assert_eq!(k("CHN", "Mainland China", 4, &["China"]), NameKind::Country);
        assert_eq!(
            k("IRN", "Islamic Republic of Iran", 1, &["Iran"]),
            NameKind::Country
        );
        assert_eq!(k("CHN", "Chinese", 5, &["China"]), NameKind::Nationality);
        assert_eq!(k("CHN", "Beijing", 6, &["China"]), NameKind::City);
        // A city of another country is no city of this one.
        assert_eq!(k("UKR", "Beijing", 6, &["Ukraine"]), NameKind::Nationality);
    }

    #[test]
    fn the_table_reads_the_dictionary_line_of_each_country() {
        assert_eq!(
            place("Moscow").map(|(c, k)| (c.iso3, k)),
            Some(("RUS", PlaceKind::City))
        );
        assert_eq!(place("China").map(|(c, _)| c.fips), Some("CH"));
        assert_eq!(place("U.K.").map(|(c, _)| c.name), Some("United Kingdom"));
        assert_eq!(nationality("Russian").map(|c| c.iso3), Some("RUS"));
        assert_eq!(nationality("U.S.").map(|c| c.iso3), Some("USA"));
        assert!(nationality("Russia").is_none() && place("Russian").is_none());
        // Case as written: the pronoun is no country.
        assert!(place("us").is_none());
        // Every country the dictionaries name and the gazetteer knows, with codes of the
        // lengths their standards give.
        let countries = &table().countries;
        assert!(countries.len() > 190, "{}", countries.len());
        for c in countries {
            assert_eq!(c.iso3.len(), 3, "{}", c.name);
            assert_eq!(c.fips.len(), 2, "{}", c.name);
        }
    }
}
