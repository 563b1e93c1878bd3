//! The crate's words: the word
//! lists of `data/names.txt` (roles, ranks, organisation heads, name particles, what is no
//! person), `data/speech.txt` (speech, calling and relaying verbs as lemmas, hearers) and
//! `data/amounts.txt` (currencies, scales, measuring verbs) and `data/time.txt` (words of tense). English closed-class words,
//! number words, month and weekday names and verb inflection come from
//! `demarche_text::english`, the project's one home of English words.
//!
//! The country table is the dictionaries' (`crate::countries`); the word lists are our own choice.
//! Lookups go through hash maps built once (`OnceLock`); nothing here is iterated into output,
//! so the maps' order does not matter.

use demarche_dict::lookup::WordHasher;
use demarche_text::english::with_lower;
use std::collections::HashMap;
use std::sync::OnceLock;

pub use crate::countries::{nationality, place};

/// What kind of place a place is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PlaceKind {
    Country,
    City,
    /// A first-order administrative region (state, province, oblast).
    Admin1,
    /// A sea, ocean, gulf, strait or canal.
    Sea,
    /// A disputed or occupied area, or a region news names ("Gaza Strip", "Sahel").
    Region,
}

/// The word classes of the data files (`data/names.txt`, `data/speech.txt`,
/// `data/amounts.txt`), looked up through one map of bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u64)]
pub enum Class {
    /// Offices and titles ("president", "spokesperson").
    Role = 1,
    /// Words that lengthen a role before its head ("foreign", "deputy").
    RoleModifier = 1 << 1,
    /// Head words of organisation names ("ministry").
    OrgHead = 1 << 2,
    /// Words that continue an organisation name after its head ("commerce").
    OrgDomain = 1 << 3,
    /// Words between a speaker and its verb ("further").
    SpeechAdverb = 1 << 4,
    /// Words that are never a name: `demarche_text::english` function words and our page
    /// furniture words.
    Function = 1 << 5,
    /// Military and police ranks ("Gen.", "Adm.").
    Rank = 1 << 6,
    /// Forms of address ("Mr.", "Sheikh").
    Honorific = 1 << 7,
    /// Lower-case words inside names ("van", "der", "bin").
    Particle = 1 << 8,
    /// Words after a name that belong to it ("Jr.").
    NameSuffix = 1 << 9,
    /// Heads that make a name no organisation ("treaty").
    NonOrgHead = 1 << 10,
    /// First words of names that are no persons ("Operation", "USS").
    NonPersonPrefix = 1 << 11,
    /// Words before a vessel's name ("tanker").
    Vessel = 1 << 12,
    /// Last words of names of places and features ("Island", "Prefecture").
    PlaceHead = 1 << 13,
    /// Nouns that make a name next to them a news outlet ("newspaper").
    Outlet = 1 << 14,
    /// Words that form a nationality with the next one ("South American").
    Direction = 1 << 15,
    /// Objects of "told" that are an audience ("reporters").
    Hearer = 1 << 16,
    /// Words that may follow a closing attribution ("on", "citing").
    TrailingStarter = 1 << 17,
    /// Words after a number that are not what it counts ("of").
    NotUnit = 1 << 18,
    /// Words after a number that stand for the noun counted before ("others").
    Elided = 1 << 19,
    /// Participles after a bare number that leave its noun out ("wounded").
    Harm = 1 << 20,
    /// Words before a speech verb's form that make it a noun ("a state visit", "about
    /// remarks").
    NounMarker = 1 << 21,
    /// Units of measure ("km", "tonnes").
    MeasureUnit = 1 << 22,
    /// Words that put a date after them ahead of publication ("will", "expected").
    Future = 1 << 23,
    /// Words that put a date behind publication ("since").
    Past = 1 << 24,
    /// Well-known people news names by one word ("Lula").
    KnownPerson = 1 << 25,
    /// Words between a measured noun phrase and its verb ("expected", "had").
    MeasureAux = 1 << 26,
    /// Words between a measuring verb and its amount ("to", "about").
    MeasureParticle = 1 << 27,
    /// Words before a bare year or month that make it a time ("in", "since").
    YearPreposition = 1 << 28,
    /// Description nouns that may stand for any organisation that spoke ("group").
    GenericSpeaker = 1 << 29,
    /// The prepositions among the noun markers: before a lower-case word and a speech verb's
    /// "-s" form they make both one noun phrase ("for hill states").
    NounMarkerPreposition = 1 << 30,
    /// Words that give a person's second name after the first ("known as", "nicknamed").
    Alias = 1 << 31,
    /// Royal and noble titles ("Prince", "Emir"): after an office and before a name, a form
    /// of address ("Foreign Minister Prince Faisal …").
    Noble = 1 << 32,
    /// Words that close an apposition's title before its comma: a relative pronoun ("…, a
    /// rescuer who declined …") or a place adverb ("…, the governor's spokesman there,").
    AppositionEnd = 1 << 33,
    /// Units of measure that modify a second one after them ("nautical" miles, "cubic"
    /// metres).
    UnitModifier = 1 << 35,
    /// Nouns of people who speak for an organisation without an office ("Ministry sources",
    /// "Hamas insiders"): with the organisation's name before them, they speak as written.
    Member = 1 << 36,
    /// Region words that name a first-level division ("oblast", "state"), not the area of a
    /// town ("district", "county").
    Admin1Word = 1 << 34,
    /// Words before a bare number that single out part of what was just counted ("46 drones,
    /// including 17 over Kursk").
    ElidedBefore = 1 << 37,
    /// Adverb particles of phrasal verbs ("off" in "set off"): after a word of plans they make
    /// it a verb's past form, not a plan ("floods set off by rain").
    PhrasalParticle = 1 << 38,
    /// Participles of putting words on air before "on" and an outlet ("a statement read on
    /// state broadcaster ORTM"): the outlet relays the words.
    Aired = 1 << 39,
    /// Top-level web domains: a capitalised word that ends with one after a dot is a news
    /// site ("Dawn.com", "Rappler.com").
    WebDomain = 1 << 40,
    /// Nouns of settlements and areas whose "of" names one ("the towns of Teorama and El
    /// Tarra", "the village of Tassia").
    SettlementOf = 1 << 41,
    /// Nouns of companies before a company's name ("its operator Fingrid").
    CompanyNoun = 1 << 42,
    /// First words that open the names of villages and divisions only ("Barangay Masara", "St
    /// Catherine"): the run they open is a place, not a person.
    PlacePrefix = 1 << 43,
    /// First words that open village names but also persons' names ("Sidi Mansour", "San
    /// Juan", "Ban Ki-moon"): a place only after a preposition of place.
    PlacePrefixLoose = 1 << 44,
    /// Linking verbs that take a participle as a predicate adjective ("will stay closed on
    /// Thursday", "remains shut"): the participle after them is no past form of the clause.
    Copula = 1 << 45,
    /// Words before a bare number that count more of what an earlier sentence counted
    /// ("Another 35 are staying with relatives").
    ElidedAcross = 1 << 46,
    /// Verbs of warning whose "of" object lies ahead ("warned of more rain between Friday and
    /// Sunday").
    Warning = 1 << 47,
    /// Offices that say little without their complement ("head" in "the head of the parish
    /// council"): the role keeps the complement.
    ComplementOffice = 1 << 48,
    /// Nouns a currency word before them qualifies ("CFA francs"): part of the currency.
    CurrencyNoun = 1 << 49,
}

/// Verb classes, matched by lemma (`demarche_text::english` inflects them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerbClass {
    /// Verbs of saying ("say", "tell", "warn").
    Speech = 1,
    /// Verbs that give a short quotation about their object ("call", "describe").
    Calling = 2,
    /// Speech verbs that may precede their subject ("…," said Zhao).
    Invert = 4,
    /// Verbs of relaying ("report", "quote", "cite").
    Relay = 8,
    /// Verbs whose subject an amount after them measures ("reach", "rise").
    Measure = 16,
    /// Verbs whose object an amount after "to" or "by" measures ("lift trade to …").
    Raise = 32,
    /// Verbs of harm whose bare number object counts people ("kills 41", "abduct 12").
    Harm = 64,
    /// Speech verbs whose hearer follows "to" ("confirmed to Radio Dabanga that …").
    ToHearer = 128,
    /// Speech verbs that with a bare noun-phrase object perform an act, not report words
    /// ("Peru declares emergency", "declares four provinces disaster areas").
    Declaring = 256,
}

const NAMES: &str = include_str!("../data/names.txt");
const SPEECH: &str = include_str!("../data/speech.txt");
const AMOUNTS: &str = include_str!("../data/amounts.txt");
const TIME: &str = include_str!("../data/time.txt");

/// Content lines of a data file by `[section]`: (section, line without comment).
fn sections(text: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    let mut section = "";
    text.lines().filter_map(move |l| {
        let l = l.split_once('#').map_or(l, |(a, _)| a).trim();
        if l.is_empty() {
            return None;
        }
        if let Some(s) = l.strip_prefix('[').and_then(|s| s.strip_suffix(']')) {
            section = s;
            return None;
        }
        Some((section, l))
    })
}

/// The word class of a section of `names.txt`, `speech.txt` or `amounts.txt`.
fn class_of(section: &str) -> Option<Class> {
    Some(match section {
        "role" => Class::Role,
        "role-modifier" => Class::RoleModifier,
        "org-head" => Class::OrgHead,
        "org-domain" => Class::OrgDomain,
        "speech-adverb" => Class::SpeechAdverb,
        "not-name" => Class::Function,
        "rank" => Class::Rank,
        "honorific" => Class::Honorific,
        "particle" => Class::Particle,
        "name-suffix" => Class::NameSuffix,
        "non-org-head" => Class::NonOrgHead,
        "non-person-prefix" => Class::NonPersonPrefix,
        "vessel" => Class::Vessel,
        "place-head" => Class::PlaceHead,
        "outlet" => Class::Outlet,
        "direction" => Class::Direction,
        "hearer" => Class::Hearer,
        "trailing-starter" => Class::TrailingStarter,
        "not-unit" => Class::NotUnit,
        "elided" => Class::Elided,
        "harm" => Class::Harm,
        "noun-marker" => Class::NounMarker,
        "measure-unit" => Class::MeasureUnit,
        "future" => Class::Future,
        "person-known" => Class::KnownPerson,
        "measure-aux" => Class::MeasureAux,
        "measure-particle" => Class::MeasureParticle,
        "year-preposition" => Class::YearPreposition,
        "generic-speaker" => Class::GenericSpeaker,
        "noun-marker-preposition" => Class::NounMarkerPreposition,
        "alias" => Class::Alias,
        "past" => Class::Past,
        "noble" => Class::Noble,
        "apposition-end" => Class::AppositionEnd,
        "admin1-word" => Class::Admin1Word,
        "unit-modifier" => Class::UnitModifier,
        "member" => Class::Member,
        "elided-before" => Class::ElidedBefore,
        "phrasal-particle" => Class::PhrasalParticle,
        "aired" => Class::Aired,
        "web-domain" => Class::WebDomain,
        "settlement-of" => Class::SettlementOf,
        "warning" => Class::Warning,
        "complement-office" => Class::ComplementOffice,
        "currency-noun" => Class::CurrencyNoun,
        "company-noun" => Class::CompanyNoun,
        "place-prefix" => Class::PlacePrefix,
        "place-prefix-loose" => Class::PlacePrefixLoose,
        "copula" => Class::Copula,
        "elided-across" => Class::ElidedAcross,
        _ => return None,
    })
}

fn verb_class_of(section: &str) -> Option<VerbClass> {
    Some(match section {
        "speech" => VerbClass::Speech,
        "calling" => VerbClass::Calling,
        "invert" => VerbClass::Invert,
        "relay" => VerbClass::Relay,
        "measure-verb" => VerbClass::Measure,
        "raise-verb" => VerbClass::Raise,
        "harm-verb" => VerbClass::Harm,
        "to-hearer" => VerbClass::ToHearer,
        "declaring" => VerbClass::Declaring,
        _ => return None,
    })
}

/// Whether `word` (any case) belongs to a word class. Words without capitals are looked up
/// as they are, so most tokens need no allocation.
pub fn has(class: Class, word: &str) -> bool {
    let found = with_lower(word, |w| index().classes.get(w).copied());
    if found.is_some_and(|c| c & class as u64 != 0) {
        return true;
    }
    class == Class::Function && demarche_text::english::words().is_function_word(word)
}

/// Whether the verb form `word` (any case; not a gerund) is of a verb class: its lemma, by
/// `demarche_text::english`, is listed in the class.
pub fn verb_has(class: VerbClass, word: &str) -> bool {
    with_lower(word, |w| {
        if w.ends_with("ing") || !w.starts_with(char::is_alphabetic) {
            return false;
        }
        let idx = index();
        if let Some(c) = idx.verb_forms.get(w) {
            return c & class as u16 != 0;
        }
        demarche_text::english::get()
            .known_lemma(w)
            .and_then(|l| idx.verb_forms.get(l))
            .is_some_and(|c| c & class as u16 != 0)
    })
}

/// Whether a name (as written) is a known organisation without a head word ("Reuters").
pub fn is_known_org(name: &str) -> bool {
    index().known_orgs.contains(name)
}

/// The full office word of an abbreviated one ("Gov." → "governor"; `data/names.txt`,
/// `[role-abbreviation]`), else the word itself, in lower case.
pub fn role_full(word: &str) -> String {
    let lower = word.to_lowercase();
    index()
        .role_abbreviation
        .get(lower.as_str())
        .map_or(lower.clone(), |f| (*f).to_string())
}

/// The ISO 4217 code of a currency sign or code written before a number ("$", "RMB").
pub fn currency_before(word: &str) -> Option<&'static str> {
    with_lower(word, |w| index().currency_before.get(w).copied())
}

/// The ISO 4217 code of a currency word written after a number ("dollars").
pub fn currency_after(word: &str) -> Option<&'static str> {
    with_lower(word, |w| index().currency_after.get(w).copied())
}

/// The local currency a currency code read from a shared word or sign stands for in a country
/// ("INR" from "rupees" or "Rs" in Pakistan → "PKR"; `data/amounts.txt`, `[currency-local]`).
pub fn currency_local(code: &str, country: &str) -> Option<&'static str> {
    index()
        .currency_local
        .iter()
        .find(|(c, iso3, _)| *c == code && *iso3 == country)
        .map(|(.., local)| *local)
}

/// Whether a lower-case word ends like an adjective (`data/speech.txt`, `[adjective-ending]`):
/// "regional" before "state", "annual" before "report".
pub fn looks_adjective(word: &str) -> bool {
    word.len() > 4
        && word.starts_with(|c: char| c.is_ascii_lowercase())
        && index().adjective_endings.iter().any(|e| word.ends_with(e))
}

/// Phrases of a day counted from the day named last ("the night before" → -1;
/// `data/time.txt`, `[relative-day]`), as lower-case words with their offsets in days.
pub fn relative_days() -> &'static [(Vec<&'static str>, i64)] {
    &index().relative_days
}

/// What an elided word counts when nothing was counted before it in the sentence ("others" →
/// "people"; `data/amounts.txt`, `[elided-default]`).
pub fn elided_default(word: &str) -> Option<&'static str> {
    with_lower(word, |w| index().elided_default.get(w).copied())
}

/// Whether a unit of measure modifies the unit after it ("nautical miles";
/// `data/amounts.txt`, `[unit-modifier]`).
pub fn unit_modifier(word: &str) -> bool {
    has(Class::UnitModifier, word)
}

/// The power of ten of a scale word ("billion" → 9, "bn" → 9).
pub fn scale(word: &str) -> Option<u32> {
    with_lower(word, |w| index().scale.get(w).copied())
}

/// Whether `word` (any case) is a personal pronoun that refers back to a person ("he", "her"),
/// by `demarche_text::english`'s anaphora list.
pub fn is_person_pronoun(word: &str) -> bool {
    with_lower(word, |w| {
        demarche_text::english::get().anaphor(&[w]) == Some(demarche_text::english::Anaphor::Person)
    })
}

/// Month number (1–12) for a month name or its common abbreviation, any case.
pub fn month_number(word: &str) -> Option<u32> {
    demarche_text::english::words().month(word)
}

/// The lexicon's maps: word keys, built once and only read, hashed by the dictionaries'
/// word hasher (SipHash's protection against flooding is not needed here; its cost showed in
/// profiles).
type Map<K, V> = HashMap<K, V, WordHasher>;

struct Index {
    classes: Map<&'static str, u64>,
    /// Lemma and regular forms (not gerunds) → bits of [`VerbClass`].
    verb_forms: Map<String, u16>,
    known_orgs: std::collections::HashSet<&'static str, WordHasher>,
    currency_before: Map<&'static str, &'static str>,
    currency_after: Map<&'static str, &'static str>,
    /// (code read, country, local code).
    currency_local: Vec<(&'static str, &'static str, &'static str)>,
    /// Phrases of a day counted from another, and their offsets in days.
    relative_days: Vec<(Vec<&'static str>, i64)>,
    /// Endings of lower-case adjectives ("regional", "annual").
    adjective_endings: Vec<&'static str>,
    scale: Map<&'static str, u32>,
    /// Elided words and what they count when nothing was counted before ("others" → people).
    elided_default: Map<&'static str, &'static str>,
    /// Abbreviated offices and their full word ("gov." → governor).
    role_abbreviation: Map<&'static str, &'static str>,
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut idx = Index {
            classes: Map::default(),
            verb_forms: Map::default(),
            known_orgs: Default::default(),
            currency_before: Map::default(),
            currency_after: Map::default(),
            currency_local: Vec::new(),
            relative_days: Vec::new(),
            adjective_endings: Vec::new(),
            scale: Map::default(),
            elided_default: Map::default(),
            role_abbreviation: Map::default(),
        };
        // The lower-case words inside names, from the shared language layer.
        for w in demarche_text::english::get().forms("name-particle") {
            *idx.classes.entry(w).or_default() |= Class::Particle as u64;
        }
        for (section, line) in sections(NAMES)
            .chain(sections(SPEECH))
            .chain(sections(AMOUNTS))
            .chain(sections(TIME))
        {
            if section == "org-known" {
                idx.known_orgs.insert(line);
            } else if let Some(c) = class_of(section) {
                for w in line.split_whitespace() {
                    *idx.classes.entry(w).or_default() |= c as u64;
                }
            } else if let Some(v) = verb_class_of(section) {
                for lemma in line.split_whitespace() {
                    let [third, past, _gerund] = demarche_text::english::verb_forms(lemma);
                    for form in [lemma.to_string(), third, past] {
                        *idx.verb_forms.entry(form).or_default() |= v as u16;
                    }
                }
            } else if section == "adjective-ending" {
                idx.adjective_endings.extend(line.split_whitespace());
            } else if section == "relative-day" {
                let words: Vec<&'static str> = line.split_whitespace().collect();
                if let Some((offset, phrase)) = words.split_last()
                    && let Ok(days) = offset.parse()
                {
                    idx.relative_days.push((phrase.to_vec(), days));
                }
            } else {
                let mut parts = line.split_whitespace();
                let (Some(w), Some(v)) = (parts.next(), parts.next()) else {
                    continue;
                };
                if section == "currency-local"
                    && let Some(local) = parts.next()
                {
                    idx.currency_local.push((w, v, local));
                    continue;
                }
                match section {
                    "currency-before" => {
                        idx.currency_before.insert(w, v);
                    }
                    "currency-after" => {
                        idx.currency_after.insert(w, v);
                    }
                    "elided-default" => {
                        idx.elided_default.insert(w, v);
                    }
                    "role-abbreviation" => {
                        idx.role_abbreviation.insert(w, v);
                    }
                    "scale" => {
                        if let Ok(e) = v.parse() {
                            idx.scale.insert(w, e);
                        }
                    }
                    _ => {}
                }
            }
        }
        idx
    })
}

/// Whether `word` is in `list`, ignoring case. The lists are lowercase ASCII, so an ASCII
/// case-insensitive comparison is exact for them and needs no allocation.
pub fn is_in(list: &[&str], word: &str) -> bool {
    list.iter().any(|x| x.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups() {
        assert_eq!(month_number("Oct."), Some(10));
        assert_eq!(month_number("May"), Some(5));
        assert_eq!(month_number("Mayday"), None);
        assert!(has(Class::Role, "Spokesperson") && has(Class::Rank, "Gen."));
        assert!(has(Class::Function, "the") && has(Class::Function, "Western"));
        assert!(!has(Class::Function, "Putin"));
        assert!(has(Class::Particle, "der") && has(Class::PlaceHead, "Prefecture"));
        assert!(verb_has(VerbClass::Speech, "said") && verb_has(VerbClass::Speech, "told"));
        assert!(verb_has(VerbClass::Speech, "Warns") && !verb_has(VerbClass::Speech, "saying"));
        assert!(!verb_has(VerbClass::Relay, "citing") && verb_has(VerbClass::Relay, "quoted"));
        assert!(verb_has(VerbClass::Measure, "rose") && verb_has(VerbClass::Calling, "called"));
        assert!(is_known_org("Reuters") && is_known_org("Global Times") && !is_known_org("who"));
        assert_eq!(currency_before("$"), Some("USD"));
        assert_eq!(currency_after("Euros"), Some("EUR"));
        assert_eq!(scale("bln"), Some(9));
        assert!(is_person_pronoun("She") && !is_person_pronoun("it"));
    }
}
