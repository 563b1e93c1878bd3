//! Word lists written for this crate: countries (names, adjectives, capitals and codes), role and
//! title words, organisation head words, speech verbs and function words.
//!
//! The country table holds facts (ISO 3166 alpha-3 codes, which CAMEO also uses for states, and
//! the FIPS 10-4 codes that GDELT's knowledge graph writes); the word lists are our own choice.
//! Lookups go through hash maps built once (`OnceLock`); nothing here is iterated into output,
//! so the maps' order does not matter.
//! The team's full actor dictionary (`dictionaries/actors/`) may replace the country table later.

use std::collections::HashMap;
use std::sync::OnceLock;

/// One country: how texts name it, its adjective(s), its capital(s), and its codes.
#[derive(Debug, Clone, Copy)]
pub struct Country {
    /// Canonical English short name.
    pub name: &'static str,
    /// Other names the text may use ("United States", "America", "US", "U.S.").
    pub aliases: &'static [&'static str],
    /// Nationality adjectives ("Chinese").
    pub adjectives: &'static [&'static str],
    /// Capital cities (and seats of government) that stand for the country in news ("Beijing").
    pub capitals: &'static [&'static str],
    /// ISO 3166-1 alpha-3, which is also the CAMEO country code.
    pub iso3: &'static str,
    /// FIPS 10-4 code, which GDELT's GKG location fields use.
    pub fips: &'static str,
}

macro_rules! country {
    ($name:expr, [$($al:expr),*], [$($adj:expr),*], [$($cap:expr),*], $iso:expr, $fips:expr) => {
        Country { name: $name, aliases: &[$($al),*], adjectives: &[$($adj),*], capitals: &[$($cap),*], iso3: $iso, fips: $fips }
    };
}

pub const COUNTRIES: &[Country] = &[
    country!(
        "China",
        ["People's Republic of China", "PRC", "Mainland China"],
        ["Chinese"],
        ["Beijing"],
        "CHN",
        "CH"
    ),
    country!(
        "Russia",
        ["Russian Federation"],
        ["Russian"],
        ["Moscow"],
        "RUS",
        "RS"
    ),
    country!(
        "United States",
        [
            "United States of America",
            "America",
            "US",
            "U.S.",
            "USA",
            "U.S.A."
        ],
        ["American", "US", "U.S."],
        ["Washington"],
        "USA",
        "US"
    ),
    country!(
        "United Kingdom",
        ["Britain", "Great Britain", "UK", "U.K."],
        ["British"],
        ["London"],
        "GBR",
        "UK"
    ),
    country!("France", [], ["French"], ["Paris"], "FRA", "FR"),
    country!("Germany", [], ["German"], ["Berlin"], "DEU", "GM"),
    country!("Italy", [], ["Italian"], ["Rome"], "ITA", "IT"),
    country!("Spain", [], ["Spanish"], ["Madrid"], "ESP", "SP"),
    country!("Japan", [], ["Japanese"], ["Tokyo"], "JPN", "JA"),
    country!(
        "South Korea",
        ["Republic of Korea", "ROK"],
        ["South Korean"],
        ["Seoul"],
        "KOR",
        "KS"
    ),
    country!(
        "North Korea",
        ["DPRK"],
        ["North Korean"],
        ["Pyongyang"],
        "PRK",
        "KN"
    ),
    country!("India", [], ["Indian"], ["New Delhi"], "IND", "IN"),
    country!("Pakistan", [], ["Pakistani"], ["Islamabad"], "PAK", "PK"),
    country!("Afghanistan", [], ["Afghan"], ["Kabul"], "AFG", "AF"),
    country!("Iran", [], ["Iranian"], ["Tehran"], "IRN", "IR"),
    country!("Iraq", [], ["Iraqi"], ["Baghdad"], "IRQ", "IZ"),
    country!("Syria", [], ["Syrian"], ["Damascus"], "SYR", "SY"),
    country!(
        "Israel",
        [],
        ["Israeli"],
        ["Jerusalem", "Tel Aviv"],
        "ISR",
        "IS"
    ),
    country!(
        "Turkey",
        ["Turkiye", "Türkiye"],
        ["Turkish"],
        ["Ankara"],
        "TUR",
        "TU"
    ),
    country!("Saudi Arabia", [], ["Saudi"], ["Riyadh"], "SAU", "SA"),
    country!("Egypt", [], ["Egyptian"], ["Cairo"], "EGY", "EG"),
    country!("Ukraine", [], ["Ukrainian"], ["Kyiv", "Kiev"], "UKR", "UP"),
    country!("Belarus", [], ["Belarusian"], ["Minsk"], "BLR", "BO"),
    country!("Poland", [], ["Polish"], ["Warsaw"], "POL", "PL"),
    country!("Canada", [], ["Canadian"], ["Ottawa"], "CAN", "CA"),
    country!("Mexico", [], ["Mexican"], ["Mexico City"], "MEX", "MX"),
    country!("Brazil", [], ["Brazilian"], ["Brasilia"], "BRA", "BR"),
    country!(
        "Argentina",
        [],
        ["Argentine", "Argentinian"],
        ["Buenos Aires"],
        "ARG",
        "AR"
    ),
    country!("Venezuela", [], ["Venezuelan"], ["Caracas"], "VEN", "VE"),
    country!("Cuba", [], ["Cuban"], ["Havana"], "CUB", "CU"),
    country!("Australia", [], ["Australian"], ["Canberra"], "AUS", "AS"),
    country!(
        "New Zealand",
        [],
        ["New Zealander"],
        ["Wellington"],
        "NZL",
        "NZ"
    ),
    country!("Indonesia", [], ["Indonesian"], ["Jakarta"], "IDN", "ID"),
    country!(
        "Vietnam",
        ["Viet Nam"],
        ["Vietnamese"],
        ["Hanoi"],
        "VNM",
        "VM"
    ),
    country!(
        "Philippines",
        [],
        ["Philippine", "Filipino"],
        ["Manila"],
        "PHL",
        "RP"
    ),
    country!("Thailand", [], ["Thai"], ["Bangkok"], "THA", "TH"),
    country!("Malaysia", [], ["Malaysian"], ["Kuala Lumpur"], "MYS", "MY"),
    country!("Singapore", [], ["Singaporean"], [], "SGP", "SN"),
    country!(
        "Myanmar",
        ["Burma"],
        ["Myanmar", "Burmese"],
        ["Naypyidaw"],
        "MMR",
        "BM"
    ),
    country!("Mongolia", [], ["Mongolian"], ["Ulaanbaatar"], "MNG", "MG"),
    country!(
        "Kazakhstan",
        [],
        ["Kazakh"],
        ["Astana", "Nur-Sultan"],
        "KAZ",
        "KZ"
    ),
    country!("Nigeria", [], ["Nigerian"], ["Abuja"], "NGA", "NI"),
    country!(
        "South Africa",
        [],
        ["South African"],
        ["Pretoria"],
        "ZAF",
        "SF"
    ),
    country!("Ethiopia", [], ["Ethiopian"], ["Addis Ababa"], "ETH", "ET"),
    country!("Kenya", [], ["Kenyan"], ["Nairobi"], "KEN", "KE"),
    country!("Sudan", [], ["Sudanese"], ["Khartoum"], "SDN", "SU"),
    country!("Libya", [], ["Libyan"], ["Tripoli"], "LBY", "LY"),
    country!("Algeria", [], ["Algerian"], ["Algiers"], "DZA", "AG"),
    country!("Morocco", [], ["Moroccan"], ["Rabat"], "MAR", "MO"),
    country!("Lebanon", [], ["Lebanese"], ["Beirut"], "LBN", "LE"),
    country!("Jordan", [], ["Jordanian"], ["Amman"], "JOR", "JO"),
    country!("Yemen", [], ["Yemeni"], ["Sanaa"], "YEM", "YM"),
    country!("Qatar", [], ["Qatari"], ["Doha"], "QAT", "QA"),
    country!(
        "United Arab Emirates",
        ["UAE"],
        ["Emirati"],
        ["Abu Dhabi"],
        "ARE",
        "AE"
    ),
    country!("Greece", [], ["Greek"], ["Athens"], "GRC", "GR"),
    country!(
        "Netherlands",
        ["Holland"],
        ["Dutch"],
        ["Amsterdam", "The Hague"],
        "NLD",
        "NL"
    ),
    country!("Belgium", [], ["Belgian"], ["Brussels"], "BEL", "BE"),
    country!("Sweden", [], ["Swedish"], ["Stockholm"], "SWE", "SW"),
    country!("Norway", [], ["Norwegian"], ["Oslo"], "NOR", "NO"),
    country!("Finland", [], ["Finnish"], ["Helsinki"], "FIN", "FI"),
    country!("Serbia", [], ["Serbian"], ["Belgrade"], "SRB", "RI"),
    country!("Hungary", [], ["Hungarian"], ["Budapest"], "HUN", "HU"),
    country!("Georgia", [], ["Georgian"], ["Tbilisi"], "GEO", "GG"),
    country!("Armenia", [], ["Armenian"], ["Yerevan"], "ARM", "AM"),
    country!("Azerbaijan", [], ["Azerbaijani"], ["Baku"], "AZE", "AJ"),
    country!("Taiwan", [], ["Taiwanese"], ["Taipei"], "TWN", "TW"),
];

/// Looks a place name up: a country's name or alias, or a capital city.
pub fn place(name: &str) -> Option<(&'static Country, PlaceKind)> {
    let (i, kind) = index().places.get(name)?;
    COUNTRIES.get(*i).map(|c| (c, *kind))
}

/// The country whose nationality adjective this is ("Russian" → Russia).
pub fn nationality(word: &str) -> Option<&'static Country> {
    index()
        .nationalities
        .get(word)
        .and_then(|i| COUNTRIES.get(*i))
}

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

/// Titles and roles that introduce a person ("President", "spokesperson"), compared lowercase.
pub const ROLE_WORDS: &[&str] = &[
    "president",
    "vice-president",
    "minister",
    "premier",
    "chancellor",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "secretary",
    "secretary-general",
    "ambassador",
    "envoy",
    "governor",
    "mayor",
    "senator",
    "congressman",
    "congresswoman",
    "lawmaker",
    "general",
    "chairman",
    "chairwoman",
    "chair",
    "director",
    "director-general",
    "leader",
    "king",
    "queen",
    "prince",
    "princess",
    "emperor",
    "pope",
    "commander",
    "chief",
    "official",
    "representative",
    "diplomat",
    "adviser",
    "advisor",
    "counselor",
    "prosecutor",
    "judge",
    "justice",
    "mp",
    "ceo",
    "head",
    "dr",
    "dr.",
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "prof",
    "prof.",
    "gen.",
    "sen.",
    "gov.",
    "rep.",
    "analyst",
    "professor",
    "researcher",
    "expert",
    "economist",
    "colonel",
    "admiral",
    "marshal",
    "captain",
    "sheikh",
    "ayatollah",
    "cardinal",
    "bishop",
    "reporter",
    "correspondent",
    "editor",
    "scholar",
    "dean",
];

/// Words that modify a role ("Foreign Minister", "deputy director"), compared lowercase.
pub const ROLE_MODIFIERS: &[&str] = &[
    "foreign",
    "prime",
    "deputy",
    "vice",
    "former",
    "acting",
    "senior",
    "top",
    "state",
    "defense",
    "defence",
    "interior",
    "finance",
    "commerce",
    "trade",
    "assistant",
    "executive",
    "press",
    "national",
    "security",
    "chief",
    "supreme",
    "general",
    "first",
    "economy",
    "health",
    "justice",
    "energy",
    "education",
    "military",
    "presidential",
    "special",
    "permanent",
    "regional",
    "provincial",
    "party",
    "associate",
    "research",
    "economic",
];

/// Head words of organisation names ("Ministry", "Agency"), compared lowercase.
pub const ORG_HEADS: &[&str] = &[
    "ministry",
    "agency",
    "office",
    "department",
    "government",
    "embassy",
    "consulate",
    "council",
    "party",
    "army",
    "navy",
    "commission",
    "committee",
    "bank",
    "union",
    "nations",
    "organization",
    "organisation",
    "association",
    "institute",
    "university",
    "academy",
    "court",
    "parliament",
    "congress",
    "senate",
    "assembly",
    "corporation",
    "company",
    "group",
    "federation",
    "forum",
    "times",
    "post",
    "news",
    "press",
    "daily",
    "herald",
    "journal",
    "tribune",
    "gazette",
    "television",
    "tv",
    "radio",
    "network",
    "foundation",
    "fund",
    "alliance",
    "front",
    "force",
    "forces",
    "police",
    "service",
    "administration",
    "cabinet",
    "bureau",
    "authority",
    "kremlin",
    "pentagon",
    "treaty",
    "summit",
    "conference",
    "center",
    "centre",
    "xinhua",
    "reuters",
    "tass",
    "wire",
    "interfax",
    "ria",
    "bbc",
    "cnn",
    "cctv",
];

/// Organisation names that carry no head word but are known to be organisations.
pub const KNOWN_ORGS: &[&str] = &[
    "Xinhua",
    "Reuters",
    "TASS",
    "Interfax",
    "Kremlin",
    "Pentagon",
    "White House",
    "NATO",
    "Hamas",
    "Hezbollah",
    "Taliban",
    "Google",
    "Apple",
    "Amazon",
    "Microsoft",
    "Huawei",
    "Sputnik",
    "Bloomberg",
    "Associated Press",
    "AFP",
    "Al Jazeera",
    "Politburo",
    "U.N.",
    "UN",
    "EU",
    "WHO",
    "IMF",
    "WTO",
];

/// Words that may continue an organisation name after its head ("Ministry of Commerce"),
/// compared lowercase. A capitalised word outside this list after "of" starts a new name.
pub const ORG_DOMAIN_WORDS: &[&str] = &[
    "commerce",
    "foreign",
    "affairs",
    "defense",
    "defence",
    "justice",
    "state",
    "health",
    "finance",
    "trade",
    "industry",
    "education",
    "interior",
    "energy",
    "agriculture",
    "culture",
    "economy",
    "economic",
    "public",
    "security",
    "national",
    "international",
    "development",
    "information",
    "technology",
    "science",
    "transport",
    "labor",
    "labour",
    "environment",
    "ecology",
    "emergency",
    "situations",
    "home",
    "internal",
    "external",
    "relations",
    "cooperation",
    "friendly",
    "good-neighborliness",
    "good-neighbourliness",
    "peace",
    "friendship",
    "communist",
    "people's",
    "people",
    "liberation",
    "army",
    "central",
    "military",
    "commission",
    "china",
    "russia",
    "america",
    "europe",
    "asia",
    "nations",
    "united",
    "states",
    "republic",
    "federal",
    "reserve",
    "european",
    "world",
    "global",
    "human",
    "rights",
    "the",
    "and",
    "of",
    "for",
    "investigation",
    "intelligence",
    "shanghai",
    "strategic",
    "studies",
];

/// Verbs that report speech, in the forms news uses; "told" and "reported" included. Verbs of
/// judgement that take a noun object rather than a clause ("welcomed the deal", "accused X of")
/// are left out: what follows them is no quotation.
pub const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "stated",
    "states",
    "noted",
    "notes",
    "added",
    "adds",
    "told",
    "tells",
    "reported",
    "reports",
    "emphasized",
    "emphasised",
    "emphasizes",
    "emphasises",
    "stressed",
    "stresses",
    "confirmed",
    "confirms",
    "announced",
    "announces",
    "warned",
    "warns",
    "urged",
    "urges",
    "insisted",
    "insists",
    "claimed",
    "claims",
    "argued",
    "argues",
    "explained",
    "explains",
    "remarked",
    "declared",
    "declares",
    "affirmed",
    "reaffirmed",
    "reiterated",
    "reiterates",
    "asserted",
    "acknowledged",
    "admitted",
    "denied",
    "wrote",
    "writes",
    "commented",
    "replied",
    "responded",
    "underlined",
    "highlighted",
    "maintained",
    "suggested",
    "vowed",
    "pledged",
    "pointed",
    "observed",
    "believes",
    "believed",
    "predicted",
    "estimated",
    "revealed",
    "disclosed",
    "recalled",
    "complained",
    "cautioned",
];

/// Adverbs that may sit between a speaker and its verb ("Zhao further noted").
pub const SPEECH_ADVERBS: &[&str] = &[
    "further",
    "also",
    "again",
    "then",
    "later",
    "earlier",
    "previously",
    "once",
    "repeatedly",
    "clearly",
    "firmly",
    "strongly",
    "publicly",
    "recently",
    "reportedly",
    "has",
    "have",
    "had",
    "was",
    "is",
    "would",
    "will",
    "separately",
    "specifically",
    "additionally",
];

/// Capitalised words that start sentences but are no names, compared lowercase: function words,
/// common sentence openers, and words that are capitalised in names only after a name head.
pub const FUNCTION_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "on",
    "in",
    "at",
    "of",
    "for",
    "to",
    "from",
    "by",
    "with",
    "without",
    "and",
    "or",
    "but",
    "nor",
    "so",
    "yet",
    "if",
    "when",
    "while",
    "after",
    "before",
    "since",
    "as",
    "this",
    "that",
    "these",
    "those",
    "there",
    "here",
    "it",
    "its",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "their",
    "our",
    "my",
    "your",
    "what",
    "which",
    "who",
    "whom",
    "whose",
    "where",
    "why",
    "how",
    "all",
    "both",
    "each",
    "every",
    "some",
    "many",
    "most",
    "more",
    "other",
    "another",
    "such",
    "no",
    "not",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "first",
    "second",
    "third",
    "last",
    "next",
    "new",
    "however",
    "meanwhile",
    "moreover",
    "also",
    "still",
    "then",
    "now",
    "today",
    "yesterday",
    "tomorrow",
    "earlier",
    "later",
    "according",
    "despite",
    "although",
    "though",
    "because",
    "during",
    "under",
    "over",
    "about",
    "against",
    "between",
    "among",
    "into",
    "through",
    "until",
    "upon",
    "within",
    "amid",
    "following",
    "regarding",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "will",
    "would",
    "can",
    "could",
    "should",
    "may",
    "might",
    "must",
    "shall",
    "do",
    "does",
    "did",
    "certain",
    "several",
    "few",
    "western",
    "eastern",
    "northern",
    "southern",
    "comment",
    "share",
    "read",
    "click",
    "subscribe",
    "related",
    "advertisement",
    "photo",
    "video",
    "home",
    "menu",
    "search",
];

/// Personal pronouns that can refer back to a person, compared lowercase.
pub const PERSON_PRONOUNS: &[&str] = &["he", "she", "him", "his", "her", "hers"];

pub const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

pub const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Month number (1–12) for a month name or its common abbreviation, compared lowercase.
pub fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.');
    if let Some(i) = MONTHS.iter().position(|m| m.eq_ignore_ascii_case(w)) {
        return u32::try_from(i + 1).ok();
    }
    let abbrev = [
        "jan", "feb", "mar", "apr", "", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    if w.eq_ignore_ascii_case("sept") {
        return Some(9);
    }
    abbrev
        .iter()
        .position(|m| !m.is_empty() && m.eq_ignore_ascii_case(w))
        .and_then(|i| u32::try_from(i + 1).ok())
}

/// The word classes of the large lists above, looked up through one hash map.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    Role = 1,
    RoleModifier = 2,
    OrgHead = 4,
    OrgDomain = 8,
    Speech = 16,
    SpeechAdverb = 32,
    Function = 64,
    Pronoun = 128,
}

struct Index {
    classes: HashMap<&'static str, u16>,
    places: HashMap<&'static str, (usize, PlaceKind)>,
    nationalities: HashMap<&'static str, usize>,
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut classes: HashMap<&'static str, u16> = HashMap::new();
        let lists: [(&[&'static str], Class); 8] = [
            (ROLE_WORDS, Class::Role),
            (ROLE_MODIFIERS, Class::RoleModifier),
            (ORG_HEADS, Class::OrgHead),
            (ORG_DOMAIN_WORDS, Class::OrgDomain),
            (SPEECH_VERBS, Class::Speech),
            (SPEECH_ADVERBS, Class::SpeechAdverb),
            (FUNCTION_WORDS, Class::Function),
            (PERSON_PRONOUNS, Class::Pronoun),
        ];
        for (list, class) in lists {
            for w in list {
                *classes.entry(w).or_default() |= class as u16;
            }
        }
        let mut places = HashMap::new();
        let mut nationalities = HashMap::new();
        // Countries first, so that a name that is both a country alias and a capital (none
        // today) resolves to the country, as `place` promises.
        for (i, c) in COUNTRIES.iter().enumerate() {
            for n in std::iter::once(&c.name).chain(c.aliases) {
                places.entry(*n).or_insert((i, PlaceKind::Country));
            }
            for a in c.adjectives {
                nationalities.entry(*a).or_insert(i);
            }
        }
        for (i, c) in COUNTRIES.iter().enumerate() {
            for n in c.capitals {
                places.entry(*n).or_insert((i, PlaceKind::City));
            }
        }
        Index {
            classes,
            places,
            nationalities,
        }
    })
}

/// Whether `word` (any case) belongs to a word class. Words without capitals are looked up
/// as they are, so most tokens need no allocation.
pub fn has(class: Class, word: &str) -> bool {
    let classes = &index().classes;
    // Short ASCII words (nearly all) are lowered on the stack: this runs for most tokens.
    let mut buf = [0u8; 32];
    let found = if !word.bytes().any(|b| b.is_ascii_uppercase()) && word.is_ascii() {
        classes.get(word)
    } else if word.is_ascii() && word.len() <= buf.len() {
        let lower = buf.get_mut(..word.len()).unwrap_or(&mut []);
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        std::str::from_utf8(lower).ok().and_then(|w| classes.get(w))
    } else {
        classes.get(word.to_lowercase().as_str())
    };
    found.is_some_and(|c| c & class as u16 != 0)
}

/// Whether `word` is in `list`, ignoring case. The lists are lowercase ASCII, so an ASCII
/// case-insensitive comparison is exact for them and needs no allocation (this runs for most
/// tokens several times).
pub fn is_in(list: &[&str], word: &str) -> bool {
    list.iter().any(|x| x.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups() {
        assert_eq!(
            place("Moscow").map(|(c, k)| (c.iso3, k)),
            Some(("RUS", PlaceKind::City))
        );
        assert_eq!(place("China").map(|(c, _)| c.fips), Some("CH"));
        assert_eq!(nationality("Russian").map(|c| c.iso3), Some("RUS"));
        assert_eq!(month_number("Oct."), Some(10));
        assert_eq!(month_number("May"), Some(5));
        assert_eq!(month_number("Mayday"), None);
        // Every code is the length its standard gives.
        for c in COUNTRIES {
            assert_eq!(c.iso3.len(), 3, "{}", c.name);
            assert_eq!(c.fips.len(), 2, "{}", c.name);
        }
    }
}
