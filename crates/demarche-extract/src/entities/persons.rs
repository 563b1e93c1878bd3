//! A person's title (the words before the name, a comma's apposition, a list's plural title)
//! and aliases ("Mohamed Hamdan Dagalo, also known as Hemedti").

use super::runs::is_cap_word;
use super::{PendingPerson, Phrase, word};
use crate::lexicon::{Class, has};
use crate::titles::{self, Title};
use crate::tokens::Tok;
use demarche_model::Span;

pub(super) fn is_role_word(w: &str) -> bool {
    titles::is_role(w)
}

pub(super) fn phrase(text: &str, toks: &[Tok], a: usize, b: usize) -> Option<Phrase> {
    let first = toks.get(a)?;
    let last = toks.get(b.checked_sub(1)?)?;
    if a >= b {
        return None;
    }
    let span = Span::new(first.span.start, last.span.end);
    Some(Phrase {
        text: span.slice(text)?.to_string(),
        span,
    })
}

/// The title of the person named by `toks[start..end]`: the words before the name, else a title
/// a comma separates from it ("her Chinese counterpart, Zhou Hanlin"), else an apposition after
/// it, else the plural title of the list the name continues ("… foreign ministers, A, B and
/// C"). An office found later beats a rank alone before the name.
pub(super) fn person_title(
    text: &str,
    toks: &[Tok],
    start: usize,
    end: usize,
    listed: &[(usize, usize, Title)],
) -> Title {
    let mut t = titles::before(text, toks, start);
    if t.role.is_none() || t.rank_only() {
        // Rule address-before-apposition: ranks and forms of address between the comma and the
        // name ("A community leader, Pa Samuel Ayodele", "…'s spokesperson, SP Musa Adeyemi")
        // leave the title before the comma the name's.
        let mut k = start;
        while k > 0
            && toks.get(k - 1).is_some_and(|x| {
                let w = word(text, x);
                has(Class::Honorific, w) || has(Class::Rank, w)
            })
        {
            k -= 1;
        }
        let c = k
            .checked_sub(1)
            .map(|k| titles::before_comma(text, toks, k))
            .unwrap_or_default();
        if c.role.is_some() {
            t = Title {
                country: c.country.or(t.country),
                ..c
            };
        }
    }
    if t.role.is_none() || t.rank_only() {
        let a = titles::after(text, toks, end);
        if a.role.is_some() {
            t = Title {
                country: a.country.or(t.country),
                ..a
            };
        }
    }
    // "Takeshi Iwaya and Johann Wadephul, the foreign ministers of Japan and Germany, met": a
    // plural title in apposition after a list of names is each name's.
    if t.role.is_none()
        && let Some(comma) = list_end(text, toks, end)
    {
        let a = titles::after(text, toks, comma);
        let plural = a.role.as_ref().is_some_and(|r| {
            r.text
                .split_whitespace()
                .next_back()
                .is_some_and(titles::is_plural_role)
        });
        if plural {
            t = Title {
                country: a.country.or(t.country),
                ..a
            };
        }
    }
    if t.role.is_none()
        && let Some((_, prev_end, prev)) = listed.last()
        && start >= 1
        && (*prev_end + 1 == start
            || *prev_end + 2 == start && toks.get(start - 2).is_some_and(|x| word(text, x) == ","))
        && toks
            .get(start - 1)
            .is_some_and(|x| matches!(word(text, x), "," | "and"))
        && prev.role.as_ref().is_some_and(|r| {
            // A shared office keeps its plural head even when rule shared-complements gave the
            // first name its own complement ("ministers of health").
            r.text
                .split_whitespace()
                .next_back()
                .is_some_and(titles::is_plural_role)
                || r.text
                    .split_whitespace()
                    .next()
                    .is_some_and(titles::is_plural_role)
                    && r.text.split_whitespace().nth(1) == Some("of")
        })
    {
        t = prev.clone();
    }
    shared_complements(text, toks, start, t)
}

/// Rule shared-complements: a plural office with two complements before a list of two names
/// ("The ministers of the interior and of national defence, A and B,") gives each name its own
/// complement: the first name "ministers of the interior", the second "of national defence"
/// (round 17's convention). Any other title is returned as it is.
fn shared_complements(text: &str, toks: &[Tok], start: usize, t: Title) -> Title {
    let w = |k: usize| toks.get(k).map_or("", |x| word(text, x));
    let Some(role) = t.role.as_ref() else {
        return t;
    };
    // The plural office inside the role.
    let Some(r) = toks.iter().position(|x| {
        role.span.start <= x.span.start
            && x.span.end <= role.span.end
            && titles::is_plural_role(word(text, x))
    }) else {
        return t;
    };
    let prep = w(r + 1);
    if !matches!(prep, "of" | "for") || r + 1 >= start {
        return t;
    }
    // The comma that closes the title, and the "and" + preposition that opens the second
    // complement before it.
    let Some(comma) = (r + 2..start).find(|&k| w(k) == ",") else {
        return t;
    };
    let Some(and) = (r + 2..comma).find(|&k| w(k) == "and" && w(k + 1) == prep) else {
        return t;
    };
    let first = start == comma + 1;
    let second = start >= 2
        && w(start - 1) == "and"
        && (comma + 1..start - 1).all(|k| toks.get(k).is_some_and(|x| is_cap_word(text, x)));
    let own = if first {
        phrase(text, toks, r, and)
    } else if second {
        phrase(text, toks, and + 1, comma)
    } else {
        None
    };
    match own {
        Some(p) => Title { role: Some(p), ..t },
        None => t,
    }
}

/// The person whose name the word at `ti` gives a second time ("Mohamed Hamdan Dagalo, also
/// known as Hemedti"): an alias word (and "as") before it, a comma and that person's name
/// before them.
pub(super) fn alias_of(
    text: &str,
    toks: &[Tok],
    ti: usize,
    persons: &[PendingPerson],
) -> Option<usize> {
    let w = |k: usize| toks.get(k).map_or("", |t| word(text, t));
    let mut k = ti.checked_sub(1)?;
    if w(k) == "as" {
        k = k.checked_sub(1)?;
    }
    if !has(Class::Alias, w(k)) {
        return None;
    }
    // "also known as": an adverb before the alias word.
    let mut c = k.checked_sub(1)?;
    if w(c) != "," {
        c = c.checked_sub(1)?;
    }
    if w(c) != "," {
        return None;
    }
    let end = toks.get(c.checked_sub(1)?)?.span.end;
    persons
        .iter()
        .position(|p| p.mentions.iter().any(|m| m.span.end == end))
}

/// The comma that closes a list of names going on from token `end` ("…, B and C,"): the list
/// holds "and" and capitalised words only, and its last name is followed by the comma.
fn list_end(text: &str, toks: &[Tok], end: usize) -> Option<usize> {
    let mut k = end;
    let mut and = false;
    while k < toks.len() && k - end < 24 {
        let w = toks.get(k).map_or("", |t| word(text, t));
        let joins = w == "and" || w == ",";
        if !joins {
            return None;
        }
        and |= w == "and";
        let mut n = k + 1;
        while toks.get(n).is_some_and(|t| w_is_name(text, t)) {
            n += 1;
        }
        if n == k + 1 {
            // ", and": the joiners may come two in a row.
            if w == "," && toks.get(n).is_some_and(|t| word(text, t) == "and") {
                k = n;
                continue;
            }
            // The comma after the last name.
            return (and && w == "," && k > end).then_some(k);
        }
        k = n;
    }
    None
}

/// A word of a name inside a list: capitalised, or a name particle.
fn w_is_name(text: &str, t: &Tok) -> bool {
    is_cap_word(text, t) || has(Class::Particle, word(text, t))
}
