//! Our own list of English abbreviations that news text writes with a period, and how each
//! kind behaves at a possible sentence end.
//!
//! Three kinds matter to the sentence splitter:
//! - titles (`Mr.`, `Gen.`, `Sen.`) always precede a name, so they never end a sentence;
//! - abbreviations that precede a number (`No. 5`, `Jan. 5`) do not end a sentence before a digit;
//! - everything else (`Inc.`, `U.S.`, `p.m.`, `etc.`) may end one: the splitter decides from the
//!   next word.
//!
//! Initials (`F.`) count as titles: a single capital letter with a period is almost never a
//! sentence end in news.

/// Titles and name prefixes: never the end of a sentence.
const TITLES: &[&str] = &[
    "Adm", "Amb", "Atty", "Brig", "Capt", "Cmdr", "Col", "Cpl", "Dr", "Fr", "Gen", "Gens", "Gov",
    "Govs", "Hon", "Lt", "Maj", "Messrs", "Mr", "Mrs", "Ms", "Mt", "Pres", "Prof", "Rep", "Reps",
    "Rev", "Sen", "Sens", "Sgt", "Sr", "Jr", "St", "Supt", "Sec", "Secy", "Ft", "Pvt", "Insp",
];

/// Abbreviations that usually precede a number.
const BEFORE_NUMBER: &[&str] = &[
    "No", "Nos", "no", "nos", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept",
    "Oct", "Nov", "Dec", "Fig", "Art", "Vol", "p", "pp", "Ch", "Sec", "Ref", "Tel", "ca",
];

/// Other abbreviations: may end a sentence.
const OTHER: &[&str] = &[
    "Inc", "Corp", "Ltd", "Co", "Bros", "Plc", "Cos", "etc", "vs", "approx", "est", "Dept", "Univ",
    "Assn", "Ave", "Blvd", "Rd", "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat",
    "Sun", "Calif", "Mass", "Penn", "Ariz", "Colo", "Conn", "Fla", "Ga", "Ill", "Ind", "Kan", "Ky",
    "La", "Md", "Mich", "Minn", "Miss", "Mo", "Neb", "Nev", "Okla", "Ore", "Pa", "Tenn", "Tex",
    "Va", "Vt", "Wash", "Wis", "Wyo", "al", "cf", "ie", "eg",
];

/// How a word ending in a period behaves at a possible sentence end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AbbrevKind {
    /// Not an abbreviation: the period ends the sentence.
    None,
    /// A title or an initial: never ends a sentence.
    Title,
    /// Ends a sentence unless a number follows.
    BeforeNumber,
    /// May end a sentence; decide from the next word.
    Other,
}

/// Classifies `word`, which includes its final period (`"Gen."`).
pub(crate) fn kind(word: &str) -> AbbrevKind {
    let Some(stem) = word.strip_suffix('.') else {
        return AbbrevKind::None;
    };
    if stem.is_empty() || stem.ends_with('.') && stem.trim_end_matches('.').is_empty() {
        return AbbrevKind::None;
    }
    let mut chars = stem.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && c.is_uppercase()
    {
        return AbbrevKind::Title;
    }
    if TITLES.contains(&stem) {
        return AbbrevKind::Title;
    }
    if BEFORE_NUMBER.contains(&stem) {
        return AbbrevKind::BeforeNumber;
    }
    if OTHER.contains(&stem) || is_dotted(stem) {
        return AbbrevKind::Other;
    }
    AbbrevKind::None
}

/// `U.S`, `p.m`, `U.N`, `Ph.D`: letters in short groups separated by periods.
fn is_dotted(stem: &str) -> bool {
    stem.contains('.')
        && stem
            .split('.')
            .all(|g| !g.is_empty() && g.len() <= 2 && g.chars().all(char::is_alphabetic))
}

/// Whether the tokenizer keeps the final period of `word` attached.
pub(crate) fn keeps_period(word: &str) -> bool {
    kind(word) != AbbrevKind::None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds() {
        assert_eq!(kind("Gen."), AbbrevKind::Title);
        assert_eq!(kind("F."), AbbrevKind::Title);
        assert_eq!(kind("Jan."), AbbrevKind::BeforeNumber);
        assert_eq!(kind("U.S."), AbbrevKind::Other);
        assert_eq!(kind("p.m."), AbbrevKind::Other);
        assert_eq!(kind("Inc."), AbbrevKind::Other);
        assert_eq!(kind("embassy."), AbbrevKind::None);
        assert_eq!(kind("a."), AbbrevKind::None);
        assert_eq!(kind("..."), AbbrevKind::None);
        assert_eq!(kind("."), AbbrevKind::None);
        assert_eq!(kind("Gen"), AbbrevKind::None);
    }
}
