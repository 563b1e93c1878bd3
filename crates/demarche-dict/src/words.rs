//! Word-level helpers shared by the readers: normalisation, phrase splitting, and the regular
//! noun plurals and verb forms the PETRARCH documentation says are generated automatically.
//!
//! The rules here are ours, written from the documentation's description:
//! - plurals: `S`; `IES` for a root ending in consonant + `Y`; `ES` for a root ending in `SS`
//!   (we extend this to the other sibilant endings `S`, `X`, `Z`, `CH`, `SH`, which English needs
//!   and which cannot match anything wrongly). A vowel + `Y` root takes `S` (`ATTORNEY` →
//!   `ATTORNEYS`), where the documentation's literal wording would give `ATTORNIES`.
//! - verb forms: `S`/`ES`/`IES`, `ED`/`D`/`IED`, `ING` (dropping a silent final `E`). There is
//!   **no** consonant doubling: the documentation does not describe it and the reference
//!   dictionaries spell doubled forms out in `{...}` (`STOP {STOPS STOPPING STOPPED}`).

use crate::model::Phrase;
use std::borrow::Cow;

/// Upper-cases a word the way every lookup in this crate expects (PETRARCH upper-cases
/// everything). Borrows when the word has no lower-case letter, which is the common case for
/// dictionary text and cheap to check for tree leaves.
pub fn normalize_word(word: &str) -> Cow<'_, str> {
    if word.chars().any(char::is_lowercase) {
        Cow::Owned(word.to_uppercase())
    } else {
        Cow::Borrowed(word)
    }
}

/// Splits PETRARCH phrase text (`UNITED_NATIONS`, `HAMAS WING`, `AFGHANISTAN_`) into a
/// [`Phrase`]: `_` and blanks both separate words; a blank allows a gap; a trailing `_` marks an
/// exact end.
pub fn parse_phrase(text: &str) -> Phrase {
    let text = text.trim();
    let exact_end = text.ends_with('_');
    let mut words = Vec::new();
    let mut gap_allowed = Vec::new();
    // Separators seen since the last word: `None` before the first word, else whether every
    // separator character was a blank (an `_` anywhere demands adjacency).
    let mut gap: Option<bool> = None;
    let mut word_start: Option<usize> = None;
    let mut finish_word =
        |start: usize, end: usize, gap: &mut Option<bool>, words: &mut Vec<String>| {
            if words.is_empty() {
                *gap = Some(true);
            } else {
                gap_allowed.push(gap.unwrap_or(false));
            }
            words.push(normalize_word(&text[start..end]).into_owned());
            *gap = Some(true);
        };
    for (i, c) in text.char_indices() {
        let separator = c == '_' || c.is_whitespace();
        match (separator, word_start) {
            (true, Some(start)) => {
                finish_word(start, i, &mut gap, &mut words);
                word_start = None;
                if c == '_' {
                    gap = Some(false);
                }
            }
            (true, None) => {
                if c == '_' {
                    gap = gap.map(|_| false);
                }
            }
            (false, None) => word_start = Some(i),
            (false, Some(_)) => {}
        }
    }
    if let Some(start) = word_start {
        finish_word(start, text.len(), &mut gap, &mut words);
    }
    Phrase {
        words,
        gap_allowed,
        exact_end,
    }
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'A' | b'E' | b'I' | b'O' | b'U')
}

fn ends_with_consonant_y(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() >= 2 && b[b.len() - 1] == b'Y' && !is_vowel(b[b.len() - 2])
}

fn ends_with_sibilant(word: &str) -> bool {
    ["S", "X", "Z", "CH", "SH"]
        .iter()
        .any(|e| word.ends_with(e))
}

/// The regular plural of an upper-case noun.
pub fn plural(word: &str) -> String {
    if ends_with_consonant_y(word) {
        format!("{}IES", &word[..word.len() - 1])
    } else if ends_with_sibilant(word) {
        format!("{word}ES")
    } else {
        format!("{word}S")
    }
}

/// The phrase with its last word made plural (`AUSTRIAN FLORIN` → `AUSTRIAN FLORINS`).
pub fn plural_phrase(phrase: &Phrase) -> Option<Phrase> {
    let last = phrase.words.last()?;
    let mut p = phrase.clone();
    if let Some(w) = p.words.last_mut() {
        *w = plural(last);
    }
    Some(p)
}

/// The regular forms of an upper-case verb besides the base: third person, past, gerund.
pub fn regular_verb_forms(verb: &str) -> [String; 3] {
    let third = plural(verb);
    let (past, ing) = if ends_with_consonant_y(verb) {
        let stem = &verb[..verb.len() - 1];
        (format!("{stem}IED"), format!("{verb}ING"))
    } else if let Some(stem) = verb.strip_suffix("IE") {
        (format!("{verb}D"), format!("{stem}YING"))
    } else if verb.ends_with("EE") || verb.ends_with("YE") || verb.ends_with("OE") {
        (format!("{verb}D"), format!("{verb}ING"))
    } else if let Some(stem) = verb.strip_suffix('E') {
        (format!("{verb}D"), format!("{stem}ING"))
    } else {
        (format!("{verb}ED"), format!("{verb}ING"))
    };
    [third, past, ing]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check_plural(word: &str, expected: &str) {
        assert_eq!(plural(word), expected, "plural of {word}");
    }

    #[track_caller]
    fn check_verb(verb: &str, expected: [&str; 3]) {
        assert_eq!(regular_verb_forms(verb), expected, "forms of {verb}");
    }

    #[track_caller]
    fn check_phrase(text: &str, words: &[&str], gaps: &[bool], exact_end: bool) {
        let p = parse_phrase(text);
        assert_eq!(p.words, words, "words of {text:?}");
        assert_eq!(p.gap_allowed, gaps, "gaps of {text:?}");
        assert_eq!(p.exact_end, exact_end, "exact end of {text:?}");
    }

    #[test]
    fn plurals_follow_the_documented_rules() {
        check_plural("TROOP", "TROOPS");
        check_plural("AUTHORITY", "AUTHORITIES");
        check_plural("CONGRESS", "CONGRESSES");
        check_plural("ATTORNEY", "ATTORNEYS");
        check_plural("CHURCH", "CHURCHES");
    }

    #[test]
    fn verb_forms_drop_silent_e_and_do_not_double() {
        check_verb("ACCELERATE", ["ACCELERATES", "ACCELERATED", "ACCELERATING"]);
        check_verb("ATTACK", ["ATTACKS", "ATTACKED", "ATTACKING"]);
        check_verb("DENY", ["DENIES", "DENIED", "DENYING"]);
        check_verb("PLAY", ["PLAYS", "PLAYED", "PLAYING"]);
        check_verb("STOP", ["STOPS", "STOPED", "STOPING"]);
        check_verb("DIE", ["DIES", "DIED", "DYING"]);
        check_verb("AGREE", ["AGREES", "AGREED", "AGREEING"]);
        check_verb("PUSH", ["PUSHES", "PUSHED", "PUSHING"]);
    }

    #[test]
    fn phrases_split_on_blanks_and_underscores() {
        check_phrase("UNITED_NATIONS", &["UNITED", "NATIONS"], &[false], false);
        check_phrase("Hamas wing", &["HAMAS", "WING"], &[true], false);
        check_phrase("AFGHANISTAN_", &["AFGHANISTAN"], &[], true);
        check_phrase(
            "  CARLOS SANTOS_CRUZ_ ",
            &["CARLOS", "SANTOS", "CRUZ"],
            &[true, false],
            true,
        );
        check_phrase("DA__NANDO", &["DA", "NANDO"], &[false], false);
        check_phrase("", &[], &[], false);
    }

    #[test]
    fn normalize_borrows_upper_case() {
        assert!(matches!(normalize_word("GAZA"), Cow::Borrowed(_)));
        assert_eq!(normalize_word("Erdoğan"), "ERDOĞAN");
    }
}
