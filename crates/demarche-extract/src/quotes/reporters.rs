//! The reporter chain after a speech verb: the outlet a "told" names, a "quoted X as saying"
//! source, a cited source ("reported, citing officials") and relaying participles ("cited by").

use super::subject::{np_after, np_after_to};
use super::{Np, word};
use crate::entities::{Entities, EntityRef};
use crate::lexicon::{self, Class, VerbClass, has};
use crate::tokens::{Tok, TokenKind};
use demarche_model::Span;

/// The organisation named inside a noun phrase of a report or an interview ("a PTI report",
/// "an interview with the BBC"), as its own phrase.
fn reporting_org(text: &str, toks: &[Tok], np: Np, entities: &Entities) -> Option<Np> {
    let span = Span::new(toks.get(np.s)?.span.start, toks.get(np.e - 1)?.span.end);
    let (sp, r) = entities
        .last_within(span)
        .filter(|(_, r)| matches!(r, EntityRef::Organization(_)))?;
    let _ = text;
    let s = toks.iter().position(|t| t.span.start == sp.start)?;
    let e = toks.iter().position(|t| t.span.end == sp.end)? + 1;
    Some(Np {
        s,
        e,
        entity: Some((sp, r)),
    })
}

/// The "as" of "quoting X as saying" at token `e`, right after the phrase X, or after a title
/// in apposition to it ("quoting Ri Chol Man, a vice director of the party's Central
/// Committee, as saying").
pub(super) fn as_after(text: &str, toks: &[Tok], e: usize) -> Option<usize> {
    let w = |k: usize| toks.get(k).map_or("", |t| word(text, t));
    if w(e) == "as" {
        return Some(e);
    }
    crate::titles::after(text, toks, e).role?;
    let b = (e + 1..toks.len().min(e + 24)).find(|&k| w(k) == ",")?;
    (w(b + 1) == "as").then_some(b + 1)
}

/// Whether a verb form relays its object's words with "as" ("quoted X as saying", "quoting
/// him as calling", "cited X as saying"): the relaying verbs of quoting and citing.
pub(super) fn quotes_as(verb: &str) -> bool {
    let lower = verb.to_lowercase();
    lower == "quoting"
        || lexicon::verb_has(VerbClass::Relay, verb)
            && (lower.starts_with("quot") || lower.starts_with("cit"))
}

/// A person named in apposition right after the phrase `np`, and the "as" after it ("a Chinese
/// maritime expert, Chen Xiaodong, as saying"; "the minister's cousin, Hassan Ali Gedi, as
/// saying"): the name's phrase and the token of "as".
pub(super) fn apposed_name(
    text: &str,
    toks: &[Tok],
    np: Np,
    entities: &Entities,
) -> Option<(Np, usize)> {
    let w = |k: usize| toks.get(k).map_or("", |t| word(text, t));
    if w(np.e) != "," {
        return None;
    }
    let name = np_after(text, toks, np.e + 1, entities).filter(|n| {
        n.entity
            .is_some_and(|(_, r)| matches!(r, EntityRef::Person(_)))
    })?;
    (w(name.e) == "," && w(name.e + 1) == "as").then_some((name, name.e + 1))
}

/// The person named right before the first "as" with a form in "-ing" within sixteen tokens of
/// `k`, with nothing but words between `k` and the name: its phrase, ending before "as".
fn person_before_as(text: &str, toks: &[Tok], k: usize, entities: &Entities) -> Option<Np> {
    let w = |j: usize| toks.get(j).map_or("", |t| word(text, t));
    let at = (k + 1..toks.len().min(k + 16))
        .take_while(|&j| toks.get(j).is_some_and(|t| t.kind == TokenKind::Word))
        .find(|&j| w(j) == "as" && w(j + 1).ends_with("ing"))?;
    let (sp, r) = entities
        .ending_at(toks.get(at - 1)?.span.end)
        .filter(|(_, r)| matches!(r, EntityRef::Person(_)))?;
    let s = toks.iter().position(|t| t.span.start == sp.start)?;
    Some(Np {
        s,
        e: at,
        entity: Some((sp, r)),
    })
}

/// Whether token `j` is a relaying participle with its agent ("cited by", "quoted by").
pub(super) fn relayed_at(text: &str, toks: &[Tok], j: usize) -> bool {
    let w = |k: usize| toks.get(k).map_or("", |t| word(text, t));
    lexicon::verb_has(VerbClass::Relay, w(j))
        && demarche_text::english::get().is_prep(w(j + 1), demarche_text::english::Prep::Agent)
}

/// Rule told-organisation: the organisation a speaker told, named after an article ("told the
/// News Agency of Nigeria (NAN) that", its acronym in brackets included) or owning the outlet
/// ("told the BBC's Amharic service that": the BBC relays).
fn told_org(text: &str, toks: &[Tok], k: usize, entities: &Entities) -> Option<Np> {
    let w = |j: usize| toks.get(j).map_or("", |t| word(text, t));
    if !matches!(w(k), "the" | "The") {
        return None;
    }
    let (span, r) = entities
        .starting_at(toks.get(k + 1)?.span.start)
        .filter(|(_, r)| matches!(r, EntityRef::Organization(_)))?;
    let mut e = toks.iter().position(|t| t.span.end == span.end)? + 1;
    if w(e) == "(" && w(e + 2) == ")" {
        e += 3;
    } else if toks.get(e).is_some_and(|t| t.kind == TokenKind::Possessive) {
        // The owner's outlet: up to three lower- or upper-case words before "that" or a comma.
        e += 1;
        let mut n = 0;
        while n < 3 && toks.get(e).is_some_and(|t| t.kind == TokenKind::Word) && w(e) != "that" {
            e += 1;
            n += 1;
        }
        if n == 0 {
            return None;
        }
    } else {
        return None;
    }
    Some(Np {
        s: k,
        e,
        entity: Some((span, r)),
    })
}

/// Rule told-name-outlet: a capitalised name of one to three words right after "told" at `k`
/// that names no person and no place the text knows, and closes the attribution ("told Nampa
/// that", "told New Era that", "told Ikon.mn that", "…," a farmer said, told Philenews."), is
/// an outlet's: the end of its name. A hearer is a person introduced elsewhere ("told Banda
/// that" after "John Banda") or a place ("told Russia that"), and stays no outlet.
fn told_name_outlet(text: &str, toks: &[Tok], k: usize, entities: &Entities) -> Option<usize> {
    let w = |j: usize| toks.get(j).map_or("", |t| word(text, t));
    let mut e = k;
    while e < k + 3
        && toks.get(e).is_some_and(|t| {
            let x = word(text, t);
            t.kind == TokenKind::Word
                && x.starts_with(char::is_uppercase)
                && !matches!(
                    x,
                    "The" | "A" | "An" | "This" | "That" | "His" | "Her" | "Its" | "Their" | "Our"
                )
                && !has(Class::Hearer, &x.to_lowercase())
        })
    {
        e += 1;
    }
    // A capitalised function word may open a name ("told New Era that"), not make one alone.
    if (k..e).all(|j| has(Class::Function, &w(j).to_lowercase()))
        || !matches!(w(e), "that" | "." | "," | "on" | "by")
    {
        return None;
    }
    let span = Span::new(toks.get(k)?.span.start, toks.get(e - 1)?.span.end);
    let known = entities.index.iter().any(|(sp, r)| {
        sp.start < span.end
            && span.start < sp.end
            && matches!(r, EntityRef::Person(_) | EntityRef::Place(_))
    });
    (!known).then_some(e)
}

/// Rule aired-on: the outlet after "on" and a participle of putting words on air within
/// `toks[from..to]` ("in a statement read on state broadcaster ORTM", "in remarks aired on
/// state television"): the phrase of the outlet, which relays the words.
pub(super) fn aired_on(
    text: &str,
    toks: &[Tok],
    from: usize,
    to: usize,
    entities: &Entities,
) -> Option<Np> {
    let w = |k: usize| toks.get(k).map_or("", |t| word(text, t));
    let j = (from..to.min(toks.len()))
        .take_while(|&j| toks.get(j).is_some_and(|t| t.kind == TokenKind::Word) && w(j) != "that")
        .find(|&j| has(Class::Aired, w(j)) && w(j + 1) == "on")?;
    let np = np_after(text, toks, j + 2, entities).filter(|np| np.e <= to)?;
    let outlet = (np.s..np.e).any(|x| has(Class::Outlet, w(x)))
        || np
            .entity
            .is_some_and(|(_, r)| matches!(r, EntityRef::Organization(_)));
    outlet.then_some(np)
}

/// What follows a speech verb at `v`: a hearer or an outlet ("told reporters", "told
/// public broadcaster NHK"), a "quoted X as saying" source, a cited source ("reported, citing
/// officials"), and the token after all of it.
pub(super) fn relay(
    text: &str,
    toks: &[Tok],
    v: usize,
    entities: &Entities,
) -> (Option<Np>, Option<(Np, usize)>, usize) {
    let w = |k: usize| toks.get(k).map_or("", |t| word(text, t));
    let verb = w(v).to_lowercase();
    let mut k = v + 1;
    if w(k) == "out" && verb.starts_with("point") {
        k += 1;
    }
    let mut outlet = None;
    let mut cited = None;
    let en = demarche_text::english::get();
    // The passive "X was quoted by Interfax as saying", "X was quoted as saying by the RIA
    // news agency": X is the speaker, the agent the outlet that relays.
    let passive = v > 0 && en.aux(w(v - 1)) == Some(demarche_text::english::Aux::Be);
    if passive && lexicon::verb_has(VerbClass::Relay, &verb) && verb.starts_with("quot") {
        for _ in 0..2 {
            if en.is_prep(w(k), demarche_text::english::Prep::Agent)
                && let Some(np) = np_after(text, toks, k + 1, entities)
            {
                outlet = Some(np);
                k = np.e;
            } else if w(k) == "in"
                && let Some(np) = np_after(text, toks, k + 1, entities)
                && w(np.e) == "as"
                && let Some(org) = reporting_org(text, toks, np, entities)
            {
                // "was quoted in a PTI report as saying": the organisation whose report it is.
                outlet = Some(org);
                k = np.e;
            } else if w(k) == "as"
                && lexicon::verb_has(VerbClass::Speech, &en.verb_lemma(&w(k + 1).to_lowercase()))
            {
                k += 2;
            } else if w(k) == "to"
                && w(k + 1) == "have"
                && lexicon::verb_has(VerbClass::Speech, w(k + 2))
            {
                // Rule quoted-to-have-said: "X was quoted to have said the loans …".
                k += 3;
            }
        }
        return (outlet, None, k);
    }
    // Rule confirmed-to: the hearer of a speech verb with "to" ("confirmed to Radio Dabanga
    // that …") is named as the object of "told" is, and an outlet there relays the words.
    let to_hearer = !passive
        && w(k) == "to"
        && lexicon::verb_has(VerbClass::ToHearer, &verb)
        && toks.get(k + 1).is_some_and(|t| t.kind == TokenKind::Word);
    let hear_at = if to_hearer { k + 1 } else { k };
    let tell = en.verb_lemma(&verb) == "tell" || to_hearer;
    if tell
        && let Some(np) = told_org(text, toks, hear_at, entities)
            .or_else(|| np_after(text, toks, hear_at, entities))
    {
        // A hearer word inside an organisation's name names no audience ("told the
        // Associated Press", "told the Press Trust of India").
        let in_org = |j: usize| {
            np.entity.is_some_and(|(sp, r)| {
                matches!(r, EntityRef::Organization(_))
                    && toks
                        .get(j)
                        .is_some_and(|t| t.span.start >= sp.start && t.span.end <= sp.end)
            })
        };
        let hearer = (np.s..np.e).any(|j| has(Class::Hearer, w(j)) && !in_org(j));
        // A title with a capitalised article inside a sentence names a publication ("told The
        // Standard", "told The Hindu").
        let titled = np.s > 0
            && w(np.s) == "The"
            && np.e > np.s + 1
            && (np.s + 1..np.e).all(|j| w(j).starts_with(char::is_uppercase));
        let is_outlet = (np.s..np.e).any(|j| has(Class::Outlet, w(j)))
            || titled
            || np
                .entity
                .is_some_and(|(_, r)| matches!(r, EntityRef::Organization(_)));
        if is_outlet && !hearer {
            outlet = Some(np);
        }
        k = np.e;
    }
    // Rule told-numbered-outlet: a name that opens with a digit after "told" ("told 24.kg
    // that", "told 15min, BNS reported") is an outlet's, no person's.
    if tell
        && outlet.is_none()
        && toks.get(hear_at).is_some_and(|t| {
            let x = word(text, t);
            t.kind == TokenKind::Word
                && x.starts_with(|c: char| c.is_ascii_digit())
                && x.chars().any(char::is_alphabetic)
        })
        && matches!(w(hear_at + 1), "that" | "," | "." | "by" | "on")
    {
        outlet = Some(Np {
            s: hear_at,
            e: hear_at + 1,
            entity: None,
        });
        k = hear_at + 1;
    }
    if tell
        && outlet.is_none()
        && let Some(e) = told_name_outlet(text, toks, hear_at, entities)
    {
        outlet = Some(Np {
            s: hear_at,
            e,
            entity: None,
        });
        k = e;
    }
    // "quoted X as saying", "quoting him as calling", "cited X as saying"; a name in
    // apposition to X speaks ("quoted a maritime expert, Chen Xiaodong, as saying").
    if quotes_as(&verb)
        && let Some(np) = np_after(text, toks, k, entities)
    {
        if let Some((name, at)) = apposed_name(text, toks, np, entities) {
            cited = Some((name, v));
            k = at + 2;
        } else if let Some(at) = as_after(text, toks, np.e) {
            cited = Some((np, v));
            k = at + 2;
        } else if let Some(name) = person_before_as(text, toks, k, entities) {
            // "quoted senior Ports and Maritime Administration official Hamid Rezaei as
            // saying": a long description runs into the person named right before "as".
            cited = Some((name, v));
            k = name.e + 2;
        }
    }
    // "said in comments carried by state media that …": a relaying participle and its agent
    // in an adjunct after the verb name the outlet.
    if outlet.is_none() {
        let carried = (k..toks.len().min(k + 6))
            .take_while(|&j| {
                toks.get(j).is_some_and(|t| t.kind == TokenKind::Word) && w(j) != "that"
            })
            .find(|&j| {
                lexicon::verb_has(VerbClass::Relay, w(j))
                    && en.is_prep(w(j + 1), demarche_text::english::Prep::Agent)
            });
        if let Some(j) = carried
            && let Some(np) = np_after(text, toks, j + 2, entities)
        {
            outlet = Some(np);
            k = np.e;
        }
    }
    if outlet.is_none()
        && let Some(np) = aired_on(text, toks, k, k + 12, entities)
    {
        outlet = Some(np);
        k = np.e;
    }
    // "said on Citizen Television", "told the conference on state radio": the outlet the words
    // went out on relays them; the speaker's own page or channel does not ("wrote on its
    // Telegram channel").
    if outlet.is_none()
        && w(k) == "on"
        && let Some(np) = np_after(text, toks, k + 1, entities)
        && (np.s..np.e).any(|j| has(Class::Outlet, w(j)))
        && !matches!(
            w(np.s).to_lowercase().as_str(),
            "its" | "his" | "her" | "their" | "our" | "my"
        )
    {
        outlet = Some(np);
        k = np.e;
    }
    // Rule interview-with: "called the account "propaganda" in an interview with DZBB radio",
    // "said in an interview with the BBC that": the outlet of an interview among the
    // attribution's adjuncts relays the words.
    if outlet.is_none()
        && let Some(j) = (k..toks.len().min(k + 24))
            .take_while(|&j| w(j) != "that")
            .find(|&j| {
                w(j) == "interview"
                    && w(j + 1) == "with"
                    && j >= k + 2
                    && w(j - 2).eq_ignore_ascii_case("in")
            })
        && let Some(np) = np_after(text, toks, j + 2, entities)
        && ((np.s..np.e).any(|x| has(Class::Outlet, w(x)))
            || np
                .entity
                .is_some_and(|(_, r)| matches!(r, EntityRef::Organization(_))))
    {
        outlet = Some(np);
        if j == k + 2 {
            k = np.e;
        }
    }
    // "…," she said, according to WAM.": the source of the account relays the speaker's
    // words, when it closes the sentence.
    if outlet.is_none()
        && w(k) == ","
        && w(k + 1).eq_ignore_ascii_case("according")
        && w(k + 2) == "to"
        && let Some(np) = np_after(text, toks, k + 3, entities)
        && toks
            .get(np.e)
            .is_none_or(|t| matches!(word(text, t), "." | "!" | "?"))
    {
        outlet = Some(np);
        k = np.e;
    }
    // "…, NHK reported on Friday, citing people familiar with the matter."
    let mut j = k;
    while j < toks.len()
        && j - k < 6
        && !matches!(w(j), "citing" | "quoting" | "." | "that" | "\"" | "“")
    {
        j += 1;
    }
    let comma_citing = matches!(w(j), "citing" | "quoting") && (j == k || w(j - 1) == ",");
    if comma_citing && let Some(mut np) = np_after_to(text, toks, j + 1, entities, true) {
        // "reported citing Chinese state media that …": a source that a name only opens runs
        // on to the "that" of the content.
        if let Some(that) = (np.e..toks.len().min(np.e + 8))
            .take_while(|&x| toks.get(x).is_some_and(|t| t.kind == TokenKind::Word))
            .find(|&x| w(x) == "that")
            .filter(|&x| x > np.e)
        {
            np = Np {
                s: np.s,
                e: that,
                entity: None,
            };
        }
        cited = Some((np, j));
        k = np.e;
    }
    (outlet, cited, k)
}
