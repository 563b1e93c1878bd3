//! Titles around a person's name: the role, the organisation and the country a title gives.
//!
//! A title is read in three places, each a named rule:
//! - [`before`]: the words right before a name ("Qatar's Prime Minister and Foreign Minister
//!   Sheikh …", "Chief of Staff Lt. Gen. …", "EU foreign policy chief …");
//! - [`after`]: an apposition after it ("…, Ireland's foreign minister, said");
//! - [`before_comma`]: a title that a comma separates from the names it introduces ("her
//!   Chinese counterpart, Zhou Hanlin,", "The Egyptian, Saudi and Emirati foreign ministers,
//!   A, B and C,").
//!
//! All three read the title's words with [`read`], which finds the office (the role word nearest
//! the name, with its modifiers and, for a capitalised office, its complement: "Special Envoy
//! for Middle East Peace", "Chief of Staff"), the organisation (named before the office, or in a
//! complement with "the" or after a lower-case office: "spokesperson for the Ministry of
//! Commerce") and the country (a nationality, a country's name, a possessive "Qatar's"). Ranks
//! and forms of address between the office and the name ("Lt. Gen.", "Sheikh", "Ambassador"
//! after an office) are no part of the office; a rank alone is the role ("Vice Adm.").

mod apposition;
mod described;

pub use self::apposition::after;

use self::described::{bracket_before, bracketed_title, described_head, keep_complement};
use crate::entities::Phrase;
use crate::lexicon::{self, Class, has};
use crate::tokens::{Tok, TokenKind};
use demarche_model::Span;

/// What a title says about a person.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Title {
    pub role: Option<Phrase>,
    pub organization: Option<Phrase>,
    pub country: Option<&'static str>,
}

impl Title {
    /// Whether the role is a rank only ("Lt. Gen."), which an office given elsewhere beats.
    pub fn rank_only(&self) -> bool {
        self.role
            .as_ref()
            .is_some_and(|r| r.text.split_whitespace().all(|w| has(Class::Rank, w)))
    }
}

fn word<'t>(text: &'t str, toks: &[Tok], k: usize) -> &'t str {
    toks.get(k).and_then(|t| t.span.slice(text)).unwrap_or("")
}

fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// A role word, also in the plural ("ministers", "chiefs", "witnesses").
pub fn is_role(w: &str) -> bool {
    has(Class::Role, w)
        || w.strip_suffix('s')
            .is_some_and(|s| s.len() > 2 && has(Class::Role, s))
        || w.strip_suffix("es")
            .is_some_and(|s| s.len() > 2 && s.ends_with(['s', 'x', 'h']) && has(Class::Role, s))
}

/// A role word in the plural only ("ministers"): a title shared by the names after it.
pub fn is_plural_role(w: &str) -> bool {
    !has(Class::Role, w) && is_role(w)
}

fn is_rank_or_address(w: &str) -> bool {
    has(Class::Rank, w) || has(Class::Honorific, w)
}

/// Lower-case words that may stand before a lower-case role as part of it ("foreign policy
/// chief", "army chief"): not closed-class, no verb form, no number.
fn is_lower_premodifier(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_lowercase)
        && w.chars().all(|c| c.is_alphabetic() || c == '-')
        && !has(Class::Function, w)
        && !lexicon::verb_has(lexicon::VerbClass::Speech, w)
        && !w.ends_with("ing")
        && (!w.ends_with("ed") || has(Class::RoleModifier, w))
        && !w.ends_with("ly")
}

/// A capitalised word that names the domain of a capitalised office right after it
/// ("Infrastructure" in "Infrastructure Minister"; not "Northland" in "Northland Prime
/// Minister", which is a place the gazetteer may lack): a plain word that is no nationality, place, organisation,
/// rank, form of address, acronym or function word.
fn is_office_domain(w: &str) -> bool {
    is_cap(w)
        && w.chars().skip(1).any(char::is_lowercase)
        && w.chars().all(|c| c.is_alphabetic() || c == '-')
        && lexicon::nationality(w).is_none()
        && lexicon::place(w).is_none()
        && !crate::geo::is_region_word(w)
        && !lexicon::is_known_org(w)
        && !has(Class::OrgHead, w)
        && !is_rank_or_address(w)
        && !has(Class::Function, w)
}

/// Whether a token may be part of a title before a name.
fn title_word(text: &str, toks: &[Tok], k: usize) -> bool {
    let Some(t) = toks.get(k) else { return false };
    let w = word(text, toks, k);
    if t.kind == TokenKind::Possessive {
        return true;
    }
    if t.kind != TokenKind::Word {
        return false;
    }
    is_role(w)
        || has(Class::RoleModifier, w)
        || is_rank_or_address(w)
        || has(Class::OrgHead, w)
        || lexicon::nationality(w).is_some()
        || (is_cap(w) && !has(Class::Function, w))
        || matches!(w, "of" | "for" | "the" | "and")
}

/// Whether the preposition at token `k` stands between a capitalised office's words (a
/// capitalised role within six tokens before it) and "the" and a capitalised organisation or
/// office after it: rules office-in and office-at.
fn office_before_the(text: &str, toks: &[Tok], k: usize) -> bool {
    k > 0
        && is_cap(word(text, toks, k - 1))
        && word(text, toks, k + 1) == "the"
        && is_cap(word(text, toks, k + 2))
        && (k.saturating_sub(6)..k)
            .any(|j| is_role(word(text, toks, j)) && is_cap(word(text, toks, j)))
}

/// The first token of the title that ends right before token `end` (a name), scanning back at
/// most sixteen tokens; `end` when there is none.
fn title_start(text: &str, toks: &[Tok], end: usize) -> usize {
    let mut a = end;
    // Lower-case words before a lower-case role join the title only next to that role.
    while a > 0 && end - a < 16 {
        let k = a - 1;
        let w = word(text, toks, k);
        let next = word(text, toks, a);
        let lower_premod = is_lower_premodifier(w)
            && a < end
            && (is_role(next) && !is_cap(next)
                || (is_lower_premodifier(next) && !is_role(next) && end - a < 4));
        // "and" joins two titles ("Prime Minister and Foreign Minister"), not a name and a
        // title ("… Amir-Abdollahian and U.N. Secretary-General …").
        let joins_names = w == "and"
            && k > 0
            && !(is_role(word(text, toks, k - 1))
                || has(Class::RoleModifier, word(text, toks, k - 1))
                || has(Class::OrgDomain, word(text, toks, k - 1)));
        // "Ambassador to Manila": "to" between an office and its capitalised complement.
        // Rule office-complement: also "to the" ("Special Assistant to the Prime Minister")
        // and "on" after an office or a capitalised complement word ("… Prime Minister on
        // Overseas Pakistanis").
        let prev = word(text, toks, k.saturating_sub(1));
        let to_complement = k > 0
            && (w == "to" && is_role(prev) || w == "on" && (is_role(prev) || is_cap(prev)))
            && (is_cap(next) || next == "the" && is_cap(word(text, toks, a + 1)));
        // Rule domain-list-comma: a comma between two capitalised domains of an office's
        // complement stays inside the title ("Minister of Housing, Construction and
        // Sanitation Carla …").
        let domain_comma = w == ","
            && k > 0
            && a < end
            && is_cap(prev)
            && is_cap(next)
            && has(Class::OrgDomain, prev)
            && has(Class::OrgDomain, next);
        // Rule office-in: "in the" between a capitalised office's words and a capitalised
        // office or organisation stays inside the title ("The Minister of State in the Vice
        // President's Office X"), as rule office-at keeps it before a comma.
        let office_in = w == "in" && office_before_the(text, toks, k);
        if (title_word(text, toks, k) || lower_premod || to_complement || domain_comma || office_in)
            && !joins_names
        {
            a = k;
        } else {
            break;
        }
    }
    // A title does not open with a connector.
    while a < end && matches!(word(text, toks, a), "of" | "for" | "and") {
        a += 1;
    }
    a
}

/// Reads the title right before the name starting at token `name_start`.
pub fn before(text: &str, toks: &[Tok], name_start: usize) -> Title {
    if let Some(open) = bracket_before(text, toks, name_start) {
        return bracketed_title(text, toks, open);
    }
    let a = title_start(text, toks, name_start);
    read(text, toks, a, name_start)
}

/// Reads a title that ends with the comma at token `comma`, right before a name: "her Chinese
/// counterpart, Zhou Hanlin", "The U.N. Personal Envoy for Sudan, Ibrahim Kone", "The
/// Egyptian, Saudi and Emirati foreign ministers, Karim Mansour". The title must open with a
/// determiner or a possessive pronoun, and its role or organisation must reach the comma.
///
/// Rule dash-apposition: a dash opens the apposition as a comma does ("The defense chiefs of
/// South Korea, the United States and Japan -- Kim Sun-ho, …").
pub fn before_comma(text: &str, toks: &[Tok], comma: usize) -> Title {
    if !matches!(word(text, toks, comma), "," | "--" | "—" | "–") || comma == 0 {
        return Title::default();
    }
    // Rule bracketed-acronym-title: an organisation's short name in brackets before the comma
    // closes the title without being part of it ("The Director-General of the National Roads
    // Agency (NRA), B,").
    let end = if comma >= 4
        && word(text, toks, comma - 1) == ")"
        && word(text, toks, comma - 3) == "("
        && word(text, toks, comma - 2)
            .chars()
            .all(|c| c.is_ascii_uppercase())
    {
        comma - 3
    } else {
        comma
    };
    let mut a = end;
    while a > 0 && end - a < 16 {
        let k = a - 1;
        let w = word(text, toks, k);
        // "Egyptian, Saudi and Emirati": a comma between capitalised words of the title.
        // Rule time-before-title: a weekday or month before the comma is no word of the
        // title ("… on Sunday, the police chief, Ali Musa, said").
        let before = word(text, toks, k.saturating_sub(1));
        let en = demarche_text::english::words();
        let inner_comma = w == ","
            && is_cap(before)
            && en.weekday(before).is_none()
            && en.month(before).is_none()
            && (is_cap(word(text, toks, a)) || word(text, toks, a) == "the")
            && k > 0;
        // "of South Korea, the United States and Japan": an article inside a list of names.
        let listed_article =
            w == "the" && k > 0 && word(text, toks, k - 1) == "," && is_cap(word(text, toks, a));
        let lower_premod = is_lower_premodifier(w)
            && (is_role(word(text, toks, a)) || is_lower_premodifier(word(text, toks, a)))
            && end - a < 4;
        // Rule and-after-name: "and" before a new title's opener (an article, a possessive
        // determiner, an owner: "Park Sung-min and Japan's Director-General …, B") ends the
        // title, unless an office or its modifier comes before it; inside a title it stays
        // ("Baltic and Nordic Affairs").
        let prev = word(text, toks, k.saturating_sub(1));
        let next = word(text, toks, a);
        let opener = matches!(
            next.to_lowercase().as_str(),
            "the" | "a" | "an" | "his" | "her" | "its" | "their"
        ) || is_cap(next)
            && toks
                .get(a + 1)
                .is_some_and(|t| t.kind == TokenKind::Possessive);
        let after_name =
            w == "and" && k > 0 && opener && !(is_role(prev) || has(Class::RoleModifier, prev));
        if after_name {
            break;
        }
        // Rule office-at: "at" or "in" between a capitalised office's words and an
        // organisation with "the" stays inside the title ("The Director General of Meteorology
        // at the Civil Aviation Authority, X,").
        let office_at = matches!(w, "at" | "in") && office_before_the(text, toks, k);
        if title_word(text, toks, k) || inner_comma || lower_premod || listed_article || office_at {
            a = k;
        } else {
            break;
        }
    }
    // Rule listed-title: a title does not open with a connector, so the second titled name of
    // a list opens after its "and" ("The Minister of Defence, A, and the Minister of State for
    // Defence, B,").
    while a < end && matches!(word(text, toks, a), "and" | "of" | "for") {
        a += 1;
    }
    let opener = a
        .checked_sub(1)
        .map(|k| word(text, toks, k).to_lowercase())
        .unwrap_or_default();
    let at_start = a == 0;
    let first = word(text, toks, a).to_lowercase();
    // Rule owner-title: a capitalised owner with its possessive opens a title as a determiner
    // does ("… and Japan's Director-General of the Asian and Oceanian Affairs Bureau, B,"); the
    // owner may run to three words ("…, Sa Kaeo's governor, B, told …").
    let owner = (a + 1..a + 4).any(|p| {
        toks.get(p).is_some_and(|t| t.kind == TokenKind::Possessive)
            && (a..p).all(|k| is_cap(word(text, toks, k)))
    });
    let (from, opened) = if matches!(first.as_str(), "the" | "its" | "her" | "his" | "their") {
        (a + 1, true)
    } else {
        (
            a,
            at_start
                || owner
                || matches!(
                    opener.as_str(),
                    "the" | "its" | "her" | "his" | "their" | "a" | "an"
                ),
        )
    };
    if !opened || from >= end {
        return described_head(text, toks, end);
    }
    let mut t = read(text, toks, from, end);
    // Before the comma and a name, an office that says little alone keeps its complement.
    keep_complement(text, toks, &mut t, (from, end), false);
    let last_end = toks.get(end - 1).map(|x| x.span.end);
    let reaches = [&t.role, &t.organization]
        .into_iter()
        .flatten()
        .any(|p| Some(p.span.end) == last_end);
    if reaches && t.role.is_some() {
        t
    } else {
        // A title that does not reach the comma may be a long description's tail: read the
        // description whole (rule listed-domains in `described_head`).
        described_head(text, toks, end)
    }
}

fn phrase(text: &str, toks: &[Tok], a: usize, b: usize) -> Option<Phrase> {
    if a >= b {
        return None;
    }
    let first = toks.get(a)?;
    let last = toks.get(b - 1)?;
    let span = Span::new(first.span.start, last.span.end);
    Some(Phrase {
        text: span.slice(text)?.to_string(),
        span,
    })
}

/// Reads the title words `toks[a..b]` (see the module doc).
pub fn read(text: &str, toks: &[Tok], a: usize, b: usize) -> Title {
    let w = |k: usize| word(text, toks, k);
    let mut a = a;
    while a < b
        && matches!(
            w(a).to_lowercase().as_str(),
            "the" | "a" | "an" | "of" | "for"
        )
    {
        a += 1;
    }
    if a >= b {
        return Title::default();
    }
    // Ranks and forms of address next to the name; an office word after a complement there is
    // a form of address too ("Special Envoy for Middle East Peace Ambassador …").
    let mut e = b;
    while e > a && is_rank_or_address(w(e - 1)) {
        e -= 1;
    }
    // A royal title between an office and the name is a form of address too ("Foreign
    // Minister Prince Turki …").
    while e > a && has(Class::Noble, w(e - 1)) && (a..e - 1).any(|k| is_role(w(k))) {
        e -= 1;
    }
    if e > a && is_role(w(e - 1)) {
        let complement_before =
            (a..e - 1).any(|k| matches!(w(k), "for" | "of") && (a..k).any(|j| is_role(w(j))));
        if complement_before {
            e -= 1;
        }
    }
    let country = (a..e)
        .find_map(|k| lexicon::nationality(w(k)))
        .or_else(|| {
            (a..e).find_map(|k| {
                let possessive = toks
                    .get(k + 1)
                    .is_some_and(|t| t.kind == TokenKind::Possessive);
                lexicon::place(w(k))
                    .filter(|(_, kind)| possessive || *kind == lexicon::PlaceKind::Country)
                    .map(|(c, _)| c)
            })
        })
        .map(|c| c.iso3);
    let rank = (e < b && (e..b).any(|k| has(Class::Rank, w(k))))
        .then(|| {
            // The rank phrase without forms of address before it.
            let mut s = e;
            while s < b && !has(Class::Rank, w(s)) {
                s += 1;
            }
            phrase(text, toks, s, b)
        })
        .flatten();
    // The office: the role word nearest the name, unless an earlier office opens a complement
    // with "to" or "on" that holds it ("Special Assistant to the Prime Minister on …").
    let Some(r) = (a..e)
        .find(|&k| is_role(w(k)) && matches!(w(k + 1), "to" | "on") && k + 2 < e)
        .or_else(|| {
            // Rule office-in: a capitalised office whose complement goes on with "in the"
            // holds the offices named there ("Minister of State in the Prime Minister's
            // Office").
            (a..e).find(|&k| {
                is_role(w(k))
                    && is_cap(w(k))
                    && w(k + 1) == "of"
                    && (k + 2..e).any(|j| w(j) == "in" && w(j + 1) == "the")
            })
        })
        .or_else(|| (a..e).rev().find(|&k| is_role(w(k))))
    else {
        return Title {
            role: rank,
            organization: organization_before(text, toks, a, e),
            country,
        };
    };
    let head_cap = is_cap(w(r));
    let mut oe = r + 1;
    let mut organization = None;
    // Whether the organisation is the office's complement after it ("… of the X").
    let mut complement_org = false;
    if oe < e && matches!(w(oe), "of" | "for" | "at" | "to") {
        let the = matches!(w(oe + 1), "the" | "a" | "an");
        if head_cap && !the && w(oe) != "at" {
            oe = e;
        } else {
            let os = oe + 1 + usize::from(the);
            organization = phrase(text, toks, os, e);
            complement_org = organization.is_some();
        }
    }
    let mut os = r;
    // Whether the word at `os` joined as an office's domain ("Affairs" in "Parliamentary
    // Affairs Minister"): another such word may join before it.
    let mut domain = false;
    while os > a {
        let p = w(os - 1);
        // A sentence's first word is capitalised for its place only ("Opposition leader …"
        // before a lower-case office).
        let lower = p.to_lowercase();
        // Rule opening-noun: so is a plain noun that opens the sentence before a lower-case
        // organisation word of the title ("Fire service spokesman X"; not a place: "Kenya
        // police spokesman X").
        let opening_noun = os < r
            && has(Class::OrgHead, w(os))
            && !is_cap(w(os))
            && is_lower_premodifier(&lower)
            && lexicon::place(p).is_none()
            && lexicon::nationality(p).is_none()
            && !lexicon::is_known_org(p)
            && !crate::geo::is_region_word(p);
        let lower_p = if !head_cap
            && os - 1 == 0
            && is_cap(p)
            && (has(Class::RoleModifier, &lower) || is_role(&lower) || opening_noun)
        {
            lower
        } else {
            p.to_string()
        };
        let p = lower_p.as_str();
        let before_p = if os >= 2 && os - 2 >= a {
            w(os - 2)
        } else {
            ""
        };
        let joins = if head_cap {
            is_role(p)
                || has(Class::RoleModifier, p) && is_cap(p)
                || ((os == r || domain) && is_office_domain(p))
                || has(Class::OrgDomain, p) && is_cap(p) && p != "the" && p != "of"
                || p == "and" && (is_role(before_p) || has(Class::RoleModifier, before_p))
                || has(Class::OrgHead, p) && is_cap(p) && is_role(before_p)
        } else {
            // A bare organisation word before a lower-case role is part of it ("army chief");
            // one with its own modifier is the organisation ("foreign ministry spokesperson").
            let bare_org = has(Class::OrgHead, p)
                && !is_cap(p)
                && (os - 1 == a
                    || !(is_lower_premodifier(before_p)
                        || has(Class::RoleModifier, before_p)
                        || lexicon::nationality(before_p).is_some()));
            !is_cap(p)
                && (has(Class::RoleModifier, p)
                    || is_role(p)
                    || bare_org
                    || (is_lower_premodifier(p) && !has(Class::OrgHead, p)))
        };
        if joins {
            domain = head_cap
                && (os == r || domain)
                && is_office_domain(p)
                && !has(Class::RoleModifier, p)
                && !is_role(p);
            os -= 1;
        } else {
            break;
        }
    }
    while os < r && w(os) == "and" {
        os += 1;
    }
    // Rule joined-offices: a capitalised office with its complement, "and", and a second
    // office ("Deputy Minister of Emergency Situations and Chairman of the Republican Flood
    // Commission X"): the title holds both; with the second office's complement, the whole is
    // the role ("Regional Commissioner and Chairman of the Regional Security Committee").
    let mut joined = (os..r).any(|k| w(k) == "and");
    // The first office's complement may hold an office modifier ("Minister of Defence and
    // President of …": "Defence" joined the second office, its office opens before "of").
    if head_cap
        && os < r
        && os >= a + 2
        && matches!(w(os - 1), "of" | "for")
        && is_role(w(os - 2))
        && is_cap(w(os - 2))
        && (os..r).any(|k| w(k) == "and")
    {
        os -= 2;
        while os > a
            && is_cap(w(os - 1))
            && (is_role(w(os - 1)) || has(Class::RoleModifier, w(os - 1)))
        {
            os -= 1;
        }
    }
    if head_cap
        && os == r
        && os > a + 2
        && w(os - 1) == "and"
        && let Some(k0) = (a..os - 1)
            .rev()
            .find(|&k| is_role(w(k)) && is_cap(w(k)) && matches!(w(k + 1), "of" | "for"))
        && (k0 + 2..os - 1).all(|k| {
            is_cap(w(k))
                || matches!(w(k), "the" | "of" | "for" | "and")
                || toks.get(k).is_some_and(|t| t.kind == TokenKind::Possessive)
        })
    {
        os = k0;
        while os > a
            && is_cap(w(os - 1))
            && (is_role(w(os - 1)) || has(Class::RoleModifier, w(os - 1)))
        {
            os -= 1;
        }
        joined = true;
    }
    if joined && complement_org {
        oe = e;
        organization = None;
    }
    let role = phrase(text, toks, os, oe);
    if organization.is_none() {
        organization = organization_before(text, toks, a, os);
    }
    Title {
        role,
        organization,
        country,
    }
}

/// The organisation named before an office (`toks[a..os]`): the words from the first one that
/// is no determiner, when they hold an organisation's head word or are a known organisation
/// ("Chinese foreign ministry", "Mossad", "U.N."); a bare country is no organisation.
fn organization_before(text: &str, toks: &[Tok], a: usize, os: usize) -> Option<Phrase> {
    let w = |k: usize| word(text, toks, k);
    let mut s = a;
    // A possessive owner ("Qatar's") is the country, not part of the organisation.
    if let Some(k) =
        (a..os).rfind(|&k| toks.get(k).is_some_and(|t| t.kind == TokenKind::Possessive))
    {
        let owner_is_place = k > a && lexicon::place(w(k - 1)).is_some();
        if owner_is_place {
            s = k + 1;
        }
    }
    // Lower-case modifiers of the office stay out of the organisation ("senior" in "a senior
    // Hamas official").
    while s < os && !is_cap(w(s)) && has(Class::RoleModifier, w(s)) {
        s += 1;
    }
    if s >= os {
        return None;
    }
    let p = phrase(text, toks, s, os)?;
    let has_head = (s..os).any(|k| has(Class::OrgHead, w(k)));
    let known = lexicon::is_known_org(&p.text) || (s..os).any(|k| lexicon::is_known_org(w(k)));
    (has_head || known).then_some(p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    /// (role, organisation, country) of the title before the name `name` in `text`.
    fn title_of(text: &str, name: &str) -> (Option<String>, Option<String>, Option<&'static str>) {
        let toks = tokenize(text, Span::new(0, text.len()));
        let at = text.find(name).unwrap();
        let k = toks.iter().position(|t| t.span.start == at).unwrap();
        let t = before(text, &toks, k);
        (
            t.role.map(|r| r.text),
            t.organization.map(|o| o.text),
            t.country,
        )
    }

    fn s(x: &str) -> Option<String> {
        Some(x.to_string())
    }

    #[test]
    fn offices_with_modifiers_and_complements() {
        assert_eq!(
            title_of(
                "Qatar's Prime Minister and Foreign Minister Sheikh Ali Nur said",
                "Ali"
            ),
            (s("Prime Minister and Foreign Minister"), None, Some("QAT"))
        );
        assert_eq!(
            title_of("Chief of Staff Lt. Gen. Avi Rotem said", "Avi"),
            (s("Chief of Staff"), None, None)
        );
        assert_eq!(
            title_of(
                "U.S. Special Envoy for Middle East Peace Ambassador Dan Ray said",
                "Dan"
            ),
            (s("Special Envoy for Middle East Peace"), None, Some("USA"))
        );
        assert_eq!(
            title_of("Chief Cabinet Secretary Haruto Kimura said", "Haruto"),
            (s("Chief Cabinet Secretary"), None, None)
        );
        assert_eq!(
            title_of("said Mines and Energy Minister Ana Prado", "Ana"),
            (s("Mines and Energy Minister"), None, None)
        );
        // The domain of an office right before it; a place the gazetteer lacks two words
        // before it is none ("Northland Prime Minister").
        assert_eq!(
            title_of("said Polish Fisheries Minister Ana Prado", "Ana"),
            (s("Fisheries Minister"), None, Some("POL"))
        );
        assert_eq!(
            title_of("said Northland Prime Minister Ana Prado", "Ana"),
            (s("Prime Minister"), None, None)
        );
        // "to" and a capitalised complement after an office.
        assert_eq!(
            title_of("said Chinese Ambassador to Manila Ana Prado", "Ana"),
            (s("Ambassador to Manila"), None, Some("CHN"))
        );
    }

    #[test]
    fn lower_case_roles_and_their_organisations() {
        assert_eq!(
            title_of(
                "Chinese foreign ministry spokesperson Zhao Lijian said",
                "Zhao"
            ),
            (
                s("spokesperson"),
                s("Chinese foreign ministry"),
                Some("CHN")
            )
        );
        assert_eq!(
            title_of("talks with army chief Gen. Abdel Burhan on", "Abdel"),
            (s("army chief"), None, None)
        );
        assert_eq!(
            title_of("EU foreign policy chief Katrin Ostermann said", "Katrin"),
            (s("foreign policy chief"), s("EU"), None)
        );
        assert_eq!(
            title_of(
                "The spokesperson for the Ministry of Agriculture Ivan Petrov said",
                "Ivan"
            ),
            (s("spokesperson"), s("Ministry of Agriculture"), None)
        );
        assert_eq!(
            title_of("Mossad director Eli Harpaz", "Eli"),
            (s("director"), s("Mossad"), None)
        );
    }

    #[test]
    fn ranks_alone_are_roles() {
        assert_eq!(
            title_of("said Vice Adm. Thomas R. Hale", "Thomas"),
            (s("Vice Adm."), None, None)
        );
        assert_eq!(title_of("Mr. Ali Nur said", "Ali"), (None, None, None));
    }

    #[test]
    fn appositions_after_and_titles_before_a_comma() {
        let text = "Simon Kerr, Ireland's foreign minister, told reporters. Its commander, Ali Nur, spoke. The Egyptian, Saudi and Emirati foreign ministers, Karim Mansour, Faisal Harbi and Salem Nuaimi, met.";
        let toks = tokenize(text, Span::new(0, text.len()));
        let at = |w: &str| {
            let i = text.find(w).unwrap();
            toks.iter().position(|t| t.span.start == i).unwrap()
        };
        let t = after(text, &toks, at("Kerr") + 1);
        assert_eq!(t.role.map(|r| r.text).as_deref(), Some("foreign minister"));
        let t = before_comma(text, &toks, at("Ali") - 1);
        assert_eq!(t.role.map(|r| r.text).as_deref(), Some("commander"));
        let t = before_comma(text, &toks, at("Karim") - 1);
        assert_eq!(t.role.map(|r| r.text).as_deref(), Some("foreign ministers"));
        // A clause before a comma is no title.
        let text = "When the minister arrived, Ali Nur spoke.";
        let toks = tokenize(text, Span::new(0, text.len()));
        assert_eq!(before_comma(text, &toks, 4), Title::default());
    }

    #[test]
    fn plural_roles() {
        assert!(is_role("ministers") && is_plural_role("ministers"));
        assert!(!is_plural_role("minister") && !is_role("process"));
    }
}
