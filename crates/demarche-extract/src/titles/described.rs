//! Titles read from a description: a bracket before a name, an office that keeps its
//! complement, a described head before a comma ("the head of the Red Crescent's rescue unit in
//! the province, X").

use super::{Title, is_cap, is_lower_premodifier, is_role, phrase, read, title_start, word};
use crate::lexicon::{Class, has};
use crate::tokens::Tok;
use crate::tokens::TokenKind;

/// The "(" of a bracket that closes right before token `end`, when it holds one to eight
/// capitalised words, commas and connectors ("(MES)", "(Policy, Parliament and
/// Coordination)").
pub(super) fn bracket_before(text: &str, toks: &[Tok], end: usize) -> Option<usize> {
    if end < 3 || word(text, toks, end - 1) != ")" {
        return None;
    }
    let open = (end.saturating_sub(11)..end - 2)
        .rev()
        .find(|&k| word(text, toks, k) == "(")?;
    let inside = (open + 1..end - 1).all(|k| {
        let w = word(text, toks, k);
        is_cap(w) && toks.get(k).is_some_and(|t| t.kind == TokenKind::Word)
            || matches!(w, "," | "and" | "of" | "for")
    });
    (inside && is_cap(word(text, toks, open + 1))).then_some(open)
}

/// Rule bracketed-before-name: a capitalised title whose organisation's short name or whose
/// portfolio stands in brackets right before the name ("Head of the Osh Regional Department of
/// the Ministry of Emergency Situations (MES) X", "The Minister of Defence and President of the
/// National Council for Disaster Risk Reduction (Conarade) X") is read up to the bracket; an
/// office that says little alone keeps its complement (`[complement-office]`).
pub(super) fn bracketed_title(text: &str, toks: &[Tok], open: usize) -> Title {
    let a = title_start(text, toks, open);
    if a >= open || !is_cap(word(text, toks, open - 1)) {
        return Title::default();
    }
    let mut t = read(text, toks, a, open);
    keep_complement(text, toks, &mut t, (a, open), true);
    t
}

/// Rule complement-office: an office that says little alone ("head", "director") keeps the
/// complement after it as its role ("with the head of the parish council, X";
/// `[complement-office]` in `data/names.txt`, matched on the office's last word). A capitalised
/// office is a formal title, whole without its organisation ("Austria's Director of the … Division,
/// X," has the role "Director"), unless `formal` (before a bracket, whose acronym names the
/// organisation of the office).
pub(super) fn keep_complement(
    text: &str,
    toks: &[Tok],
    t: &mut Title,
    (from, end): (usize, usize),
    formal: bool,
) {
    if let (Some(role), Some(org)) = (&t.role, &t.organization)
        && role
            .text
            .rsplit(' ')
            .next()
            .is_some_and(|h| has(Class::ComplementOffice, h) && (formal || !is_cap(h)))
        && org.span.start > role.span.end
    {
        let mut from = from;
        while from < end && matches!(word(text, toks, from).to_lowercase().as_str(), "the" | "a") {
            from += 1;
        }
        t.role = phrase(text, toks, from, end);
    }
}

/// A description that opens its clause with a determiner, an office and its complement and
/// ends with the comma at `end` ("the head of the Red Crescent's rescue unit in the province,
/// Mojtaba Karimi"): the office is the title of the name after the comma.
pub(super) fn described_head(text: &str, toks: &[Tok], end: usize) -> Title {
    let opens = |k: usize| {
        matches!(
            word(text, toks, k).to_lowercase().as_str(),
            "the" | "a" | "an" | "its" | "his" | "her" | "their"
        ) && (k == 0 || toks.get(k - 1).is_some_and(|t| t.kind == TokenKind::Punct))
    };
    // Rule modified-described-head: one or two lower-case modifiers may stand between the
    // determiner and the office ("The communications officer of the bank, Kofi Asare").
    let office_after = |k: usize| {
        for j in k + 1..k + 4 {
            let x = word(text, toks, j);
            if is_role(x) {
                return Some(j);
            }
            if is_cap(x) || !is_lower_premodifier(x) {
                return None;
            }
        }
        None
    };
    let find = |from: usize| {
        (from..end.saturating_sub(3))
            .find_map(|k| opens(k).then(|| office_after(k)).flatten().map(|j| (k, j)))
    };
    // A complement that lists domains may run longer (rule listed-domains below).
    let near = find(end.saturating_sub(14));
    let wide = near.is_none();
    let Some((a, r)) = near.or_else(|| find(end.saturating_sub(24))) else {
        return Title::default();
    };
    // Rule described-head-place: the office's complement may also be the place of the post
    // ("a farmer in Dorvan, Tomas Reyl"), and a hyphen inside a name does not break it ("The
    // prefect of Lom-Bara, Andre Kolo").
    let complement = matches!(word(text, toks, r + 1), "of" | "for" | "at" | "in");
    // Rule listed-domains: a comma between two capitalised words of the complement lists the
    // domains of its organisation ("the director of the county's Office for Spatial Planning,
    // Construction and Civil Protection, X"); such a complement is the office's.
    let listed = |k: usize| {
        word(text, toks, k) == ","
            && is_cap(word(text, toks, k.saturating_sub(1)))
            && is_cap(word(text, toks, k + 1))
    };
    let mut commas = false;
    let plain = (r + 2..end).all(|k| {
        let inner = listed(k);
        commas |= inner;
        toks.get(k).is_some_and(|t| {
            t.kind != TokenKind::Punct || matches!(word(text, toks, k), "-") || inner
        })
    });
    if complement && plain && commas {
        let mut t = read(text, toks, r + 2, end);
        t.role = phrase(text, toks, a + 1, end);
        return t;
    }
    if wide {
        return Title::default();
    }
    if complement && plain {
        // Rule complement-office: "the head of the joint search team, X," keeps the complement.
        if has(Class::ComplementOffice, word(text, toks, r)) {
            let mut t = read(text, toks, a + 1, end);
            t.role = phrase(text, toks, a + 1, end);
            return t;
        }
        read(text, toks, a + 1, r + 1)
    } else {
        Title::default()
    }
}
