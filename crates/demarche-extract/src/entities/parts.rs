//! Cutting a capitalised run into its parts: titles, organisations, places, known
//! organisations and person names.

use super::persons::is_role_word;
use super::places::{
    after_place_preposition, apposed_to_place_noun, joined_to_place, place_complement,
};
use super::runs::{ORG_CONNECTORS, is_cap_word, is_role_modifier};
use super::word;
use crate::geo::{self, GeoContext};
use crate::lexicon::{self, Class, PlaceKind, has, is_in};
use crate::tokens::{Tok, TokenKind};

/// What a part of a capitalised run turned out to be.
pub(super) enum Part {
    Person {
        start: usize,
        end: usize,
    },
    Organization {
        start: usize,
        end: usize,
    },
    Place {
        start: usize,
        end: usize,
    },
    /// A name with an organisation-like head that is no organisation ("Treaty of ...").
    Other,
}

/// Whether the run `toks[start..end]` names a news outlet by the words around it: an outlet
/// noun right before it ("the newspaper Folha de S.Paulo", "public broadcaster NHK", "state
/// news agency SUNA") or right after it ("the Haaretz newspaper", "Al-Manar television").
fn outlet_around(text: &str, toks: &[Tok], start: usize, end: usize) -> bool {
    let before = start
        .checked_sub(1)
        .and_then(|k| toks.get(k))
        .is_some_and(|t| has(Class::Outlet, word(text, t)) && !is_cap_word(text, t));
    // A nationality before the outlet noun only says whose outlet it is ("Turkish broadcaster
    // Kanal D"): the outlet's name comes after.
    let nationality = end - start == 1
        && toks
            .get(start)
            .is_some_and(|t| lexicon::nationality(word(text, t)).is_some());
    let after = !nationality
        && toks
            .get(end)
            .is_some_and(|t| has(Class::Outlet, word(text, t)) && !is_cap_word(text, t));
    before || after
}

/// Whether the run `toks[start..end]` names a vessel, an operation or a feature, not a person:
/// a first word such as "Operation" or "USS", a last word such as "Island" or "Prefecture", or a
/// vessel word or a "-flagged" compound right before it ("the tanker …", "the Palau-flagged …").
fn no_person(text: &str, toks: &[Tok], start: usize, end: usize) -> bool {
    let w = |k: usize| toks.get(k).map_or("", |t| word(text, t));
    let before = start.checked_sub(1).map_or("", w);
    // Rule domain-run: a run of domains of offices and ministries only ("Climate Change",
    // "Disaster Management", "Meteorology" in a list of a ministry's domains).
    let domains = (start..end).all(|k| has(Class::OrgDomain, w(k)) && !is_role_word(w(k)));
    // Rule post-before-office: a run right before a lower-case office and a name is the post's
    // place or body, not a person ("Duga Resa mayor Tihomir Babic"), unless it is a person
    // news names by one word ("Putin spokesman …").
    let post = toks.get(end).is_some_and(|t| {
        let x = word(text, t);
        x.starts_with(char::is_lowercase) && is_role_word(x)
    }) && toks.get(end + 1).is_some_and(|t| is_cap_word(text, t))
        && !(start..end).any(|k| has(Class::KnownPerson, w(k)));
    // Rule listed-features: a run before a lower-case plural of a place's head word names one
    // of the features it lists ("the Nam Khan and Nam Ou rivers", "the Etambo and Okantyole
    // villages"), not a person.
    let features = toks.get(end).is_some_and(|t| {
        let x = word(text, t);
        x.starts_with(char::is_lowercase)
            && x.strip_suffix('s')
                .is_some_and(|one| has(Class::PlaceHead, one) || has(Class::PlaceHead, x))
    });
    domains
        || post
        || features
        || has(Class::NonPersonPrefix, w(start))
        || end
            .checked_sub(1)
            .is_some_and(|k| has(Class::PlaceHead, w(k)))
        || has(Class::Vessel, before)
        || before.ends_with("-flagged")
        || w(start).ends_with("-flagged")
}

/// Whether a word only modifies the name after it: a rank, a form of address, a role word or
/// modifier, a nationality (with a direction word before it: "South American"), or a compound
/// of a place or nationality and a lower-case participle ("Indian-administered",
/// "Palau-flagged", "Iran-backed").
fn is_name_modifier(text: &str, toks: &[Tok], k: usize) -> bool {
    let w = toks.get(k).map_or("", |t| word(text, t));
    let next = toks.get(k + 1).map_or("", |t| word(text, t));
    let compound = w.split_once('-').is_some_and(|(a, b)| {
        a.starts_with(char::is_uppercase) && b.starts_with(char::is_lowercase)
    });
    is_role_word(w)
        || is_role_modifier(w)
        || has(Class::Rank, w)
        || has(Class::Honorific, w)
        || lexicon::nationality(w).is_some()
        || (has(Class::Direction, w) && lexicon::nationality(next).is_some())
        || compound
}

pub(super) fn classify(
    text: &str,
    toks: &[Tok],
    start: usize,
    end: usize,
    ctx: &GeoContext,
    out: &mut Vec<Part>,
) {
    classify_as(
        text,
        toks,
        start,
        end,
        ctx,
        !title_before_and(text, toks, start, end),
        out,
    );
}

/// Rule title-before-and: a run followed by "and", at most three capitalised words and an
/// office is the first half of a long title ("Additional Refugee Relief and Repatriation
/// Commissioner X"), no person, when the run ends with a domain itself ("Relief"; "Maria Lopez
/// and Health Minister Karl Benz" and "Minister of Emergency Situations A B and Region Governor
/// C D" keep their names).
fn title_before_and(text: &str, toks: &[Tok], start: usize, end: usize) -> bool {
    let w = |k: usize| toks.get(k).map_or("", |t| word(text, t));
    if w(end) != "and" || start >= end || !has(Class::OrgDomain, w(end - 1)) {
        return false;
    }
    // The words between "and" and the office are its domain, not a modifier of a new title
    // ("A and Deputy Minister B", "A and Foreign Minister B" keep A a person).
    let domain = |k: usize| {
        !is_role_word(w(k)) && !is_role_modifier(w(k)) && lexicon::nationality(w(k)).is_none()
    };
    let caps = (end + 1..end + 5)
        .take_while(|&k| toks.get(k).is_some_and(|t| is_cap_word(text, t)))
        .count();
    (end + 2..=end + caps).any(|k| is_role_word(w(k)) && (end + 1..k).all(domain))
}

/// Cuts the run `toks[start..end]` into parts; `persons` says whether a part may be a person
/// (a premodifier before a title inside the run may not: "Middle East Peace" in "Special Envoy
/// for Middle East Peace Ambassador Daniel R. Whitfield").
fn classify_as(
    text: &str,
    toks: &[Tok],
    start: usize,
    end: usize,
    ctx: &GeoContext,
    persons: bool,
    out: &mut Vec<Part>,
) {
    if start >= end {
        return;
    }
    let span_text = |a: usize, b: usize| -> &str {
        match (toks.get(a), b.checked_sub(1).and_then(|x| toks.get(x))) {
            (Some(x), Some(y)) => text.get(x.span.start..y.span.end).unwrap_or(""),
            _ => "",
        }
    };
    let whole = span_text(start, end);
    // Rule web-address: one word with a web domain after its last dot is a news site
    // ("Dawn.com"), an organisation.
    let web = end == start + 1
        && whole
            .rsplit_once('.')
            .is_some_and(|(name, domain)| !name.is_empty() && has(Class::WebDomain, domain));
    // Rule company-noun: a name right after a company noun that a determiner or an owner opens
    // ("the field's operator Delta Creek Energy", "its operator Fingrid", "the state utility
    // Eskom") is the company's.
    let w_at = |k: usize| toks.get(k).map_or("", |t| word(text, t));
    let company = start >= 2 && {
        let noun = w_at(start - 1);
        let mut d = start - 2;
        // One lower-case modifier may stand between ("the state utility").
        if w_at(d).starts_with(char::is_lowercase) && !has(Class::Function, w_at(d)) && d > 0 {
            d -= 1;
        }
        noun.starts_with(char::is_lowercase)
            && has(Class::CompanyNoun, noun)
            && (toks.get(d).is_some_and(|t| t.kind == TokenKind::Possessive)
                || matches!(w_at(d).to_lowercase().as_str(), "the" | "its" | "their"))
    };
    // A known organisation or outlet first: news agencies share names with towns ("Xinhua").
    if web || company || lexicon::is_known_org(whole) && lexicon::place(whole).is_none() {
        out.push(Part::Organization { start, end });
        return;
    }
    // "Hirshabelle state President …", "Adamawa state": a run right before a lower-case word of
    // a first-level division is that division's name.
    let division_after = toks.get(end).is_some_and(|t| {
        let x = word(text, t);
        x.starts_with(char::is_lowercase) && has(Class::Admin1Word, x)
    });
    if division_after
        || ctx.is_division(whole)
        || lexicon::place(whole).is_some()
        || ctx.is_place(text, toks, start, end)
    {
        out.push(Part::Place { start, end });
        return;
    }
    // A nationality of several words ("South Korean authorities") is no name.
    if end - start > 1 && lexicon::nationality(whole).is_some() {
        out.push(Part::Other);
        return;
    }
    // "Ambassador to Manila Huang Zhiming": the place that completes a title before the run
    // is no part of the name after it.
    if end - start >= 3
        && place_complement(text, toks, start)
        && (lexicon::place(word(text, &toks[start])).is_some()
            || ctx.is_place(text, toks, start, start + 1))
    {
        out.push(Part::Place {
            start,
            end: start + 1,
        });
        classify_as(text, toks, start + 1, end, ctx, persons, out);
        return;
    }
    // "Kherson Oblast", "Kharkiv Region": a place and its region word.
    if end - start >= 2
        && toks
            .get(end - 1)
            .is_some_and(|t| geo::is_region_word(word(text, t)))
        && ctx.is_place(text, toks, start, end - 1)
    {
        out.push(Part::Place {
            start,
            end: end - 1,
        });
        return;
    }
    if outlet_around(text, toks, start, end) {
        out.push(Part::Organization { start, end });
        return;
    }
    // "Gyeonggi Province Governor Kim …", "Chernihiv Oblast Governor …": a place the gazetteer
    // knows and its region word before a title; the title and the name follow.
    if end - start >= 4
        && toks
            .get(start + 1)
            .is_some_and(|t| geo::is_region_word(word(text, t)))
        && toks
            .get(start + 2)
            .is_some_and(|t| is_role_word(word(text, t)))
        && !geo::candidates(span_text(start, start + 1)).is_empty()
    {
        out.push(Part::Place {
            start,
            end: start + 1,
        });
        classify_as(text, toks, start + 2, end, ctx, persons, out);
        return;
    }
    // A country before a title ("U.S. Secretary of State Antony Blinken"): a place, then the
    // title and the name.
    if toks
        .get(start + 1)
        .is_some_and(|t| is_role_word(word(text, t)))
        && toks
            .get(start)
            .is_some_and(|t| matches!(lexicon::place(word(text, t)), Some((_, PlaceKind::Country))))
    {
        out.push(Part::Place {
            start,
            end: start + 1,
        });
        classify_as(text, toks, start + 1, end, ctx, persons, out);
        return;
    }
    // An organisation head anywhere in the run: the organisation runs from the start (titles and
    // nationality adjectives included: "Russian Foreign Ministry") through its continuation.
    let head = (start..end).find(|&k| {
        toks.get(k)
            .is_some_and(|t| has(Class::OrgHead, word(text, t)))
    });
    if let Some(h) = head {
        let mut last = h;
        let mut k = h + 1;
        while k < end {
            let w = toks.get(k).map_or("", |t| word(text, t));
            let continues = has(Class::OrgHead, w)
                || has(Class::OrgDomain, w)
                || lexicon::place(w).is_some()
                || toks.get(k).is_some_and(|t| t.kind == TokenKind::Possessive)
                // "Department of European and Eurasian Affairs": capitalised words after
                // "and" inside a name with "of".
                || (is_cap_word(text, &toks[k])
                    && (h + 1..k).any(|j| toks.get(j).is_some_and(|t| word(text, t) == "of"))
                    && toks.get(k + 1).is_some_and(|t| has(Class::OrgDomain, word(text, t))));
            if continues {
                if !is_in(ORG_CONNECTORS, w) {
                    last = k;
                }
                k += 1;
            } else {
                break;
            }
        }
        let head_word = toks.get(h).map_or("", |t| word(text, t));
        // "Radio Dabanga", "Radio Free Asia": a medium word that opens the run names an outlet
        // with the capitalised words after it, up to an office ("… Director …").
        if h == start && has(Class::Outlet, head_word) {
            while k < end {
                let w = toks.get(k).map_or("", |t| word(text, t));
                if is_role_word(w) || has(Class::Rank, w) {
                    break;
                }
                last = k;
                k += 1;
            }
        }
        // Rule service-seat: a town or region the document licenses (or a capital of the
        // country table; not a country), opening a public service's name that an office follows
        // ("Helsinki Police Chief X"), is a place too; the organisation keeps its whole name.
        let officer_after = toks
            .get(last + 1)
            .is_some_and(|t| (last + 1) < end && is_role_word(word(text, t)));
        if h > start
            && officer_after
            && !matches!(
                lexicon::place(span_text(start, h)),
                Some((_, PlaceKind::Country))
            )
            && (lexicon::place(span_text(start, h)).is_some() || ctx.is_place(text, toks, start, h))
        {
            out.push(Part::Place { start, end: h });
        }
        if has(Class::NonOrgHead, head_word) {
            out.push(Part::Other);
        } else {
            // Titles before an organisation's name stay out of it when they are its
            // officer's ("Defence Minister" in "Defence Minister Ministry" is rare), but
            // nationality and modifier words are the organisation's ("Russian Foreign
            // Ministry").
            out.push(Part::Organization {
                start,
                end: last + 1,
            });
        }
        classify_as(text, toks, last + 1, end, ctx, persons, out);
        return;
    }
    if no_person(text, toks, start, end) {
        out.push(Part::Other);
        return;
    }
    // A title inside the run: "Northland Prime Minister Elena Varga" is a premodifier, a title
    // and a name; the premodifier is classified on its own (a place, or nothing).
    let w_at = |k: usize| toks.get(k).map_or("", |t| word(text, t));
    if let Some(r) = (start + 1..end.saturating_sub(1))
        .rev()
        .find(|&k| is_role_word(w_at(k)) || has(Class::Rank, w_at(k)))
    {
        let mut rs = r;
        while rs > start && (is_role_modifier(w_at(rs - 1)) || is_name_modifier(text, toks, rs - 1))
        {
            rs -= 1;
        }
        classify_as(text, toks, start, rs, ctx, false, out);
        classify_as(text, toks, r + 1, end, ctx, persons, out);
        return;
    }
    // A run that ends with a title is a title, not a name ("U.N. Personal Envoy"): what comes
    // before the title may be a place or an organisation.
    if toks
        .get(end - 1)
        .is_some_and(|t| is_role_word(word(text, t)) || has(Class::Rank, word(text, t)))
    {
        let mut rs = end - 1;
        while rs > start && (is_role_modifier(w_at(rs - 1)) || is_name_modifier(text, toks, rs - 1))
        {
            rs -= 1;
        }
        if rs < end - 1 || end - start > 1 {
            classify_as(text, toks, start, rs, ctx, false, out);
            return;
        }
    }
    // Leading titles, ranks, forms of address and nationality adjectives are not part of a
    // name.
    let mut s = start;
    // A run that opens the complement of an office before it ("Minister of State for
    // International Cooperation Amna …") is titled from its first word.
    // Rule complement-and: so is a run after "and" inside that complement ("Minister of Water
    // Resources and Irrigation Karim Fouad").
    // Rule long-title-complement: the office may stand up to six words before the "for" or
    // "of" ("Chairman of the State Commission for Emergencies Usmon …").
    let complement = start >= 2
        && (matches!(w_at(start - 1), "for" | "of" | "on")
            && (start.saturating_sub(7)..start - 1).any(|k| is_role_word(w_at(k)))
            || w_at(start - 1) == "and"
                && (start.saturating_sub(6)..start - 1).any(|k| {
                    k > 0 && matches!(w_at(k), "for" | "of") && is_role_word(w_at(k - 1))
                }));
    let mut titled = complement;
    while s < end {
        if is_name_modifier(text, toks, s) {
            titled |= is_role_word(w_at(s)) || is_role_modifier(w_at(s));
            s += 1;
        } else if titled
            && s + 2 <= end
            && (has(Class::OrgDomain, w_at(s)) || plural_demonym(w_at(s)))
            && s + 1 < end
        {
            // The complement of a title before the name ("Minister of State for Foreign
            // Affairs Kirti Singh", "Special Assistant on Overseas Pakistanis Zulfiqar …").
            s += 1;
        } else {
            break;
        }
    }
    // A people's plural name inside the complement ends it ("… on Diaspora Nigerians Amina
    // Yusuf"): the name starts after it.
    if titled
        && let Some(d) = (s..end.saturating_sub(1))
            .rev()
            .find(|&k| plural_demonym(w_at(k)))
    {
        s = d + 1;
    }
    if s >= end {
        return;
    }
    // The last word of an office's complement ("Affairs" of "Minister of State for Foreign
    // Affairs, Ms. …") is no name.
    if s > start && titled && end - s == 1 && has(Class::OrgDomain, w_at(s)) {
        return;
    }
    if s > start {
        classify_as(text, toks, s, end, ctx, persons, out);
        return;
    }
    let rest = span_text(s, end);
    if lexicon::place(rest).is_some() || ctx.is_place(text, toks, s, end) {
        out.push(Part::Place { start: s, end });
        return;
    }
    if end - s == 1 {
        let w = rest;
        let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
        // Acronyms of three letters or more are organisations ("NATO", "TASS"); two-letter ones
        // are too often abbreviations of roles ("FM", "PM") unless listed as organisations.
        if letters.len() >= 3 && letters.iter().all(|c| c.is_uppercase()) {
            out.push(Part::Organization { start: s, end });
            return;
        }
    }
    // One word completing an office ("Minister for Investment", "High Commissioner for
    // Peace") is its domain, no person; so is a longer complement closed by a bracketed acronym
    // or, after "of", by a name in apposition (rule complement-before-apposition).
    let office_domain = complement
        && s == start
        && (end - s == 1 || complement_before_apposition(text, toks, s, end));
    // Rule place-prefix: a run a village word opens ("Barangay Masara", "off Sidi Mansour").
    if persons && s == start && place_prefixed(text, toks, s, end) {
        // "Barangay Masara": the gazetteer may know the name without its village word.
        let bare = has(Class::PlacePrefix, w_at(s))
            && geo::candidates(span_text(s, end)).is_empty()
            && !geo::candidates(span_text(s + 1, end)).is_empty();
        let from = if bare { s + 1 } else { s };
        out.push(Part::Place { start: from, end });
        return;
    }
    // Rule place-apposition: a run a settlement noun describes ("Sidi Mansour, a fishing
    // village north of Sfax") is a place.
    if persons && s == start && settlement_apposition(text, toks, end) {
        out.push(Part::Place { start: s, end });
        return;
    }
    if !persons
        || office_domain
        || after_place_preposition(text, toks, s, end)
        || apposed_to_place_noun(text, toks, s, end)
        || noun_modifier(text, toks, s, end)
        || joined_to_place(text, toks, s, end, ctx)
    {
        return;
    }
    // A person's name: no word of it is a function word, a role or an organisation word.
    let clean = (s..end).all(|k| {
        toks.get(k).is_some_and(|t| {
            let w = word(text, t);
            // A credit joined by a slash ("AP Photo/Susan Walsh") is no name as written.
            !has(Class::Function, w) && !w.chars().any(|c| c.is_ascii_digit() || c == '/')
        })
    });
    if clean {
        out.push(Part::Person { start: s, end });
    }
}

/// Rule plural-demonym: a people's plural name ("Pakistanis", "Afghans") is no word of a
/// person's name; in an office's complement it ends the complement, not opens the name.
fn plural_demonym(w: &str) -> bool {
    w.strip_suffix('s')
        .is_some_and(|one| lexicon::nationality(one).is_some())
}

/// Whether the run `toks[start..end]` stands right after a definite article: English puts none
/// before a person's name, so the run names a thing ("the Biden administration", "the Abu
/// Shouk camp", "a member of the Rajya Sabha", "The Yomiuri Shimbun reported"). Titles between
/// the article and the name ("the late Pope Francis", "the Russian President Vladimir Putin")
/// keep the name a person's: the run checked here starts after them.
fn noun_modifier(text: &str, toks: &[Tok], start: usize, _end: usize) -> bool {
    start
        .checked_sub(1)
        .and_then(|k| toks.get(k))
        .is_some_and(|t| demarche_text::english::get().is_definite(word(text, t)))
}

/// Rule complement-before-apposition: whether the run `toks[start..end]`, which completes an
/// office before it, is closed by a bracketed acronym ("the spokesman for the National
/// Coordinator for Disaster Reduction (Conred), …") or, after "of", by a comma and a
/// capitalised name ("the acting district head of East Flores, Maria Rihi, said", "a resident
/// of Donja Jablanica, Emir Hadzic,"): the run names the office's body or place, the person
/// comes after it.
fn complement_before_apposition(text: &str, toks: &[Tok], start: usize, end: usize) -> bool {
    let w = |k: usize| toks.get(k).map_or("", |t| word(text, t));
    let bracket = w(end) == "("
        && toks.get(end + 1).is_some_and(|t| is_cap_word(text, t))
        && w(end + 2) == ")";
    let named_after = start >= 1
        && w(start - 1) == "of"
        && w(end) == ","
        && toks.get(end + 1).is_some_and(|t| is_cap_word(text, t))
        && !has(Class::Function, w(end + 1));
    bracket || named_after
}

/// Rule place-prefix: whether the run `toks[start..end]` of two words or more opens with a word
/// of `[place-prefix]` in `data/names.txt` ("Barangay Masara", "St Catherine"), or with one of
/// `[place-prefix-loose]` after a preposition of place or in a list of places that follows one
/// ("off Sidi Mansour", "of Barataria, San Juan"); a title right before it keeps it a person's
/// ("Mayor San Pedro").
fn place_prefixed(text: &str, toks: &[Tok], start: usize, end: usize) -> bool {
    let w = |k: usize| toks.get(k).map_or("", |t| word(text, t));
    if end - start < 2 {
        return false;
    }
    let before = start.checked_sub(1).map_or("", w);
    if is_role_word(before) || has(Class::Rank, before) || has(Class::Honorific, before) {
        return false;
    }
    let first = w(start);
    if has(Class::PlacePrefix, first) {
        return true;
    }
    if !has(Class::PlacePrefixLoose, first) {
        return false;
    }
    let place_prep = |x: &str| {
        matches!(
            x,
            "in" | "near"
                | "off"
                | "at"
                | "from"
                | "of"
                | "into"
                | "towards"
                | "toward"
                | "around"
                | "outside"
                | "inside"
                | "across"
                | "through"
                | "between"
        )
    };
    if place_prep(before) {
        return true;
    }
    // A list of places after the preposition: "of Barataria, San Juan".
    if before != "," || start < 2 {
        return false;
    }
    let mut k = start - 1;
    while k > 0 && toks.get(k - 1).is_some_and(|t| is_cap_word(text, t)) {
        k -= 1;
    }
    k < start - 1 && k >= 1 && place_prep(w(k - 1))
}

/// Rule place-apposition: whether a comma after the run at `end` opens a description whose head
/// is a settlement noun of `[settlement-of]` ("Sidi Mansour, a fishing village north of Sfax",
/// "…, a small town in the hills"): the run names that settlement.
fn settlement_apposition(text: &str, toks: &[Tok], end: usize) -> bool {
    let w = |k: usize| toks.get(k).map_or("", |t| word(text, t));
    if w(end) != "," || !matches!(w(end + 1), "a" | "an") {
        return false;
    }
    let mut k = end + 2;
    while k < end + 5 {
        let x = w(k);
        if x.is_empty() || !x.starts_with(char::is_lowercase) {
            return false;
        }
        if has(Class::SettlementOf, x) {
            let next = w(k + 1);
            return !next.starts_with(char::is_lowercase)
                || matches!(
                    next,
                    "of" | "in"
                        | "near"
                        | "on"
                        | "north"
                        | "south"
                        | "east"
                        | "west"
                        | "outside"
                        | "close"
                        | "about"
                        | "some"
                        | "where"
                        | "that"
                        | "which"
                        | "with"
                );
        }
        k += 1;
    }
    false
}
