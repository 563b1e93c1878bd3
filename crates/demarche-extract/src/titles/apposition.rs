//! Titles read from an apposition after a name ("…, Ireland's foreign minister, said").

use super::{Title, is_cap, is_role, phrase, read, word};
use crate::lexicon::{self, Class, has};
use crate::tokens::{Tok, TokenKind};

/// Reads an apposition after the name ending before token `name_end`: ", a spokesperson for
/// the ministry," or ", Ireland's foreign minister," (closed by a comma, the sentence's end or a
/// full stop).
pub fn after(text: &str, toks: &[Tok], name_end: usize) -> Title {
    if word(text, toks, name_end) != "," {
        return Title::default();
    }
    let a = name_end + 1;
    let mut b = a;
    // A relative pronoun or a place adverb closes the title before the apposition's comma
    // ("…, a volunteer rescuer who declined …", "…, the governor's spokesman there, …").
    let mut closed = false;
    let mut bracketed = false;
    while b < toks.len() && b - a < 20 {
        let wb = word(text, toks, b);
        // Rule bracketed-acronym-after: an organisation's short name in brackets right before
        // the apposition's comma closes it ("…, the coordinator of the Relief and Shelter Sector
        // at the National Committee for Emergency Management (NCEM), told …").
        if wb == "("
            && word(text, toks, b + 2) == ")"
            && matches!(word(text, toks, b + 3), "," | ".")
            && word(text, toks, b + 1)
                .chars()
                .all(|c| c.is_ascii_uppercase())
        {
            closed = true;
            bracketed = true;
            break;
        }
        if matches!(wb, "," | "." | ";" | ":" | "(" | ")" | "\"" | "“" | "”") {
            break;
        }
        // The place of the post after its role closes the title too ("…, the police
        // spokesperson in Adamawa,", "…, the U.N. envoy in Yemen,").
        let post_place = wb == "in"
            && b > a
            && is_role(word(text, toks, b - 1))
            && is_cap(word(text, toks, b + 1));
        if b > a && has(Class::AppositionEnd, wb) || post_place {
            closed = true;
            break;
        }
        // A plural owner's apostrophe ("the Workers' Party") stays inside.
        if toks.get(b).is_some_and(|t| t.kind == TokenKind::Punct) && !matches!(wb, "-" | "'" | "’")
        {
            return Title::default();
        }
        // A clause, not a title: a speech verb, or a participle opening the apposition
        // (", speaking on condition of anonymity,"); a word in "-ing" inside a noun phrase is
        // no verb ("the Istanbul shipping association").
        // A speech verb's "-s" form one or two words after a noun marker is a plural noun
        // ("the trade ministers of the three states").
        let noun = wb.ends_with('s')
            && b > a
            && (has(Class::NounMarker, word(text, toks, b - 1))
                || b > a + 1 && has(Class::NounMarker, word(text, toks, b - 2)))
            // So is a base form after an adjective ("the regional state administration").
            || b > a
                && lexicon::looks_adjective(word(text, toks, b - 1))
                && demarche_text::english::get()
                    .lemma(wb)
                    .eq_ignore_ascii_case(wb);
        // Rule capital-name-word: a capitalised word after the apposition's first is part of a
        // name, no verb ("…, Chief Press Secretary to the Benue State Governor,").
        let in_name = b > a && is_cap(wb);
        if lexicon::verb_has(lexicon::VerbClass::Speech, wb) && !noun && !in_name
            || (b == a && wb.ends_with("ing"))
        {
            return Title::default();
        }
        b += 1;
    }
    if b >= toks.len() && b > a || closed {
        // The sentence ends with the apposition, or a word closed its title.
    } else if !matches!(word(text, toks, b), "," | ".") {
        return Title::default();
    }
    let first = word(text, toks, a);
    // An owner of one to three capitalised words ("Norway's", "South Korea's").
    let owner = (a + 1..a + 4).any(|k| {
        toks.get(k).is_some_and(|t| t.kind == TokenKind::Possessive)
            && (a..k).all(|j| is_cap(word(text, toks, j)))
    });
    let opens = matches!(
        first.to_lowercase().as_str(),
        "a" | "an" | "the" | "its" | "their"
    ) || is_role(first)
        || has(Class::RoleModifier, first)
        || lexicon::nationality(first).is_some()
        || owner;
    if !opens {
        return Title::default();
    }
    // The first office with a complement heads the apposition; offices inside the complement
    // belong to its organisation ("chief of the General Staff", "member of the Political Bureau
    // … and Minister of Foreign Affairs").
    let first_role = (a..b).find(|&k| is_role(word(text, toks, k)));
    if let Some(r0) = first_role
        && matches!(word(text, toks, r0 + 1), "of" | "for")
        && (r0 + 2..b).any(|k| is_role(word(text, toks, k)))
    {
        let mut t = read(text, toks, a, r0 + 1);
        let os = r0 + 2 + usize::from(has(Class::NounMarker, word(text, toks, r0 + 2)));
        if t.role.is_some() {
            t.organization = phrase(text, toks, os, b);
            return t;
        }
    }
    let mut t = read(text, toks, a, b);
    // Rule complement-after: an office that says little alone keeps its complement in an
    // apposition after the name that an organisation's acronym in brackets closes ("X, the
    // coordinator of the relief desk at the National Disaster Office (NDO), told …"), as before
    // a comma and a name. (In every apposition, it cost one role of an older held-out set,
    // whose misses were not read.)
    if bracketed {
        super::described::keep_complement(text, toks, &mut t, (a, b), false);
    }
    // The apposition is a title only when its role reaches its end ("…, a spokesperson for the
    // ministry,"), not a clause that merely holds a role word.
    let reaches = [&t.role, &t.organization]
        .into_iter()
        .flatten()
        .map(|p| p.span.end)
        .max()
        .zip(b.checked_sub(1).and_then(|k| toks.get(k)))
        .is_some_and(|(e, last)| e == last.span.end);
    if reaches { t } else { Title::default() }
}
