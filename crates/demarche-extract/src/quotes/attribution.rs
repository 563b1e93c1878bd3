//! Attributions in a sentence (a subject with a speech verb), the speaker and reporters each one
//! makes, and "According to X, …" sources.

use super::content::trimmed;
use super::reporters::{apposed_name, relay, relayed_at};
use super::subject::{appositive_subject, inverted_person, np_after, np_after_to, subject_before};
use super::{Attribution, Found, Np, Quotation, QuoteKind, not_place, word};
use crate::entities::{Entities, EntityRef};
use crate::lexicon::{self, Class, VerbClass, has};
use crate::tokens::{Tok, TokenKind};
use demarche_model::Span;

/// Every attribution (subject + speech verb) of a sentence, in order.
pub(super) fn attributions(
    text: &str,
    toks: &[Tok],
    entities: &Entities,
    calling: bool,
) -> Vec<Found> {
    let w = |k: usize| toks.get(k).map_or("", |t| word(text, t));
    let mut out = Vec::new();
    // A sentence in sentence case (not a title-case headline): there a capitalised verb form
    // after its first word is part of a name ("with the United States"). Counted only for
    // such a form.
    let sentence_case = || {
        toks.iter()
            .filter(|t| {
                t.kind == TokenKind::Word && {
                    let x = word(text, t);
                    x.starts_with(char::is_lowercase) && !has(Class::Function, x)
                }
            })
            .count()
            >= 3
    };
    for (v, t) in toks.iter().enumerate() {
        let vw = word(text, t);
        // "cited" relays only with "as" after its object ("Reuters cited X as saying").
        let cites_as = || {
            np_after(text, toks, v + 1, entities).is_some_and(|np| {
                apposed_name(text, toks, np, entities).is_some() || w(np.e) == "as"
            })
        };
        let speech = lexicon::verb_has(VerbClass::Speech, vw)
            || lexicon::verb_has(VerbClass::Relay, vw) && (!vw.starts_with("cit") || cites_as());
        // A participle of calling after a comma (rule calling-participle).
        let participle = calling
            && vw.ends_with("ing")
            && v > 0
            && w(v - 1) == ","
            && lexicon::verb_has(
                VerbClass::Calling,
                &demarche_text::english::get().verb_lemma(&vw.to_lowercase()),
            );
        let call = calling && lexicon::verb_has(VerbClass::Calling, vw) || participle;
        if !speech && !call {
            continue;
        }
        if v > 0 && vw.starts_with(char::is_uppercase) && sentence_case() {
            continue;
        }
        if vw.eq_ignore_ascii_case("pointed") && w(v + 1) != "out" {
            continue;
        }
        // A noun, not a verb: "a state visit", "the report", "about remarks".
        let determiner = v > 0
            && (toks
                .get(v - 1)
                .is_some_and(|p| p.kind == TokenKind::Possessive)
                || has(Class::NounMarker, w(v - 1)));
        // The base form after an adjective is a noun too ("the regional state administration").
        let after_adjective = v > 0
            && lexicon::looks_adjective(w(v - 1))
            && demarche_text::english::get()
                .lemma(vw)
                .eq_ignore_ascii_case(vw);
        // A noun two words on: the "-s" form after a lower-case word that follows a preposition
        // ("for hill states") or a participle that follows a noun marker ("in the revised
        // estimates") is a plural noun, not a verb with its subject.
        let s_form = vw.ends_with('s')
            && vw.starts_with(char::is_lowercase)
            && demarche_text::english::get().verb_lemma(vw) != vw;
        let modifier_before = v >= 2
            && toks.get(v - 1).is_some_and(|p| p.kind == TokenKind::Word)
            && w(v - 1).starts_with(char::is_lowercase)
            && !has(Class::Function, w(v - 1))
            && (has(Class::NounMarkerPreposition, w(v - 2))
                || w(v - 1).ends_with("ed") && has(Class::NounMarker, w(v - 2)));
        // A participle with its agent after a noun ("remarks carried by TASS") is no verb of
        // the sentence.
        let en = demarche_text::english::get();
        let agent_participle = en.is_prep(w(v + 1), demarche_text::english::Prep::Agent)
            && !(v > 0 && en.aux(w(v - 1)) == Some(demarche_text::english::Aux::Be));
        // The base form before a capitalised office is its modifier ("Hirshabelle state
        // President …").
        let before_office = demarche_text::english::get()
            .lemma(vw)
            .eq_ignore_ascii_case(vw)
            && toks.get(v + 1).is_some_and(|n| {
                let x = word(text, n);
                x.starts_with(char::is_uppercase) && has(Class::Role, x)
            });
        if determiner
            || after_adjective
            || s_form && modifier_before
            || agent_participle
            || before_office
        {
            continue;
        }
        // Negated or infinitive: "did not respond", "declined to comment".
        let negated = (v.saturating_sub(2)..v)
            .any(|k| matches!(w(k).to_lowercase().as_str(), "not" | "n't" | "never" | "to"));
        // After a modal: words not (yet) said ("whether Moscow would respond").
        let modal = v > 0
            && demarche_text::english::get()
                .modal(&w(v - 1).to_lowercase())
                .is_some();
        if negated || modal {
            continue;
        }
        // Inverted: "…, said Zhao Lijian."
        let after_comma = v > 0 && matches!(w(v - 1), "," | "”" | "\"");
        let inverts = lexicon::verb_has(VerbClass::Invert, vw);
        if after_comma
            && inverts
            && let Some(np) = toks
                .get(v + 1)
                .and_then(|_| np_after(text, toks, v + 1, entities))
                .map(|np| inverted_person(toks, np, entities))
                .filter(|np| np.entity.is_some())
                .filter(|np| !opens_a_clause(text, toks, np.e))
        {
            out.push(Found {
                subject: np,
                v,
                inverted: true,
                cited: None,
                outlet: trailing_report(text, toks, np.e, entities),
                after: np.e,
            });
            continue;
        }
        let mut cited_before = None;
        // "Karim Haddad, 54, said": an age between the name and the verb.
        let aged = v >= 3
            && w(v - 1) == ","
            && w(v - 3) == ","
            && w(v - 2).bytes().all(|b| b.is_ascii_digit());
        let subject = if aged {
            subject_before(text, toks, v - 3, entities)
        } else if participle {
            clause_subject(text, toks, v - 1, entities)
        } else if v > 0 && w(v - 1) == "," {
            appositive_subject(text, toks, v - 1, entities).map(|(np, c)| {
                cited_before = c;
                np
            })
        } else {
            subject_before(text, toks, v, entities)
        };
        let Some(mut subject) = subject else { continue };
        // "a source cited by TASS said", "A former colleague, cited by the newspaper X,
        // described …": the words before the participle speak, its agent relays.
        let mut relayed_by = None;
        if let Some(j) = (subject.s + 1..subject.e).find(|&j| relayed_at(text, toks, j)) {
            relayed_by = np_after(text, toks, j + 2, entities).filter(|np| np.e <= subject.e);
            let entity = toks
                .get(j - 1)
                .and_then(|t| entities.ending_at(t.span.end))
                .filter(not_place);
            subject = Np {
                s: subject.s,
                e: j,
                entity,
            };
        } else if v >= 2
            && w(v - 1) == ","
            && let Some(open) = (v.saturating_sub(16)..v - 1).rev().find(|&k| w(k) == ",")
            && relayed_at(text, toks, open + 1)
        {
            relayed_by = np_after_to(text, toks, open + 3, entities, true).map(|np| Np {
                e: np.e.min(v - 1),
                ..np
            });
        }
        // "Speaking on Citizen Television on Sunday, Governor X said …": the outlet the
        // opening participle names relays.
        if relayed_by.is_none() {
            relayed_by = speaking_on(text, toks, subject.s, entities);
        }
        // "Citing two sources, Reuters reported that …": the cited phrase opens the sentence.
        if cited_before.is_none()
            && w(0).eq_ignore_ascii_case("citing")
            && subject.s >= 2
            && w(subject.s - 1) == ","
        {
            cited_before = np_after_to(text, toks, 1, entities, true)
                .filter(|np| np.e < subject.s)
                .map(|np| Np {
                    e: np.e.min(subject.s - 1),
                    ..np
                });
        }
        let (outlet, cited, after) = relay(text, toks, v, entities);
        let outlet = outlet.or(relayed_by);
        let cited = cited.or(cited_before.map(|c| (c, c.s.saturating_sub(1))));
        out.push(Found {
            subject,
            v,
            inverted: false,
            cited,
            outlet,
            after,
        });
    }
    out
}

/// Rule calling-participle: "X on Tuesday rejected the plan, calling it "…"": a participle of
/// calling after a comma speaks for the subject of its sentence's main clause, the first person
/// or organisation named before `comma` when only a description (capitalised words, titles,
/// possessives, commas, articles) comes before it.
fn clause_subject(text: &str, toks: &[Tok], comma: usize, entities: &Entities) -> Option<Np> {
    let w = |k: usize| toks.get(k).map_or("", |t| word(text, t));
    for s in 0..comma.min(12) {
        let t = toks.get(s)?;
        if let Some((span, r)) = entities.starting_at(t.span.start).filter(not_place)
            && matches!(r, EntityRef::Person(_) | EntityRef::Organization(_))
        {
            let e = toks.iter().position(|x| x.span.end == span.end)? + 1;
            return Some(Np {
                s,
                e,
                entity: Some((span, r)),
            });
        }
        let x = w(s);
        let description = t.kind == TokenKind::Possessive
            || x == ","
            || x.starts_with(char::is_uppercase)
            || matches!(x, "the" | "a" | "an" | "his" | "her" | "its" | "their")
            || has(Class::Role, x)
            || has(Class::RoleModifier, x);
        if !description {
            return None;
        }
    }
    None
}

/// Rule content-subject: whether the token at `e`, right after the noun phrase that follows a
/// speech verb after a comma, is an auxiliary or a modal ("A resident, X, said his family had
/// lost …"): the phrase is then the subject of the reported clause, not an inverted speaker
/// ("…, said his spokesman.").
/// The phrase may end early at a pronoun that names its owner ("his" in "his family"): the
/// lower-case nouns after it are skipped first.
fn opens_a_clause(text: &str, toks: &[Tok], e: usize) -> bool {
    let en = demarche_text::english::get();
    let verb = |x: &str| en.aux(x).is_some() || en.modal(x).is_some();
    let mut k = e;
    while k < e + 3
        && toks.get(k).is_some_and(|t| {
            let x = word(text, t);
            t.kind == TokenKind::Word
                && x.starts_with(char::is_lowercase)
                && !has(Class::Function, x)
                && !verb(x)
        })
    {
        k += 1;
    }
    toks.get(k).is_some_and(|t| {
        let x = word(text, t).to_lowercase();
        t.kind == TokenKind::Word && verb(&x)
    })
}

/// "…," said X, a district police commander, Garowe Online reported.": after an inverted
/// subject (from token `e`) and its apposition, an organisation that reports at the sentence's
/// end relays.
fn trailing_report(text: &str, toks: &[Tok], e: usize, entities: &Entities) -> Option<Np> {
    let w = |k: usize| toks.get(k).map_or("", |t| word(text, t));
    if w(e) != "," {
        return None;
    }
    let comma = (e + 1..toks.len().min(e + 14))
        .take_while(|&k| toks.get(k).is_some_and(|t| t.kind == TokenKind::Word) || w(k) == ",")
        .find(|&k| w(k) == ",")
        .unwrap_or(e);
    let np = np_after(text, toks, comma + 1, entities)?;
    let org = np
        .entity
        .is_some_and(|(_, r)| matches!(r, EntityRef::Organization(_)));
    let reports =
        lexicon::verb_has(VerbClass::Relay, w(np.e)) && matches!(w(np.e + 1), "." | "" | "!" | "?");
    (org && reports).then_some(np)
}

/// "Speaking on Citizen Television on Sunday, X said …", "Speaking to the BBC, …": the outlet
/// named by a participle of speaking that opens the sentence, before the subject at `s`.
/// Rule according-opener: "According to Radio Pakistan, the army's media wing said …": the
/// outlet of an opening "According to" relays the attribution that follows its comma.
fn speaking_on(text: &str, toks: &[Tok], s: usize, entities: &Entities) -> Option<Np> {
    let w = |k: usize| toks.get(k).map_or("", |t| word(text, t));
    // "In a statement read on state broadcaster ORTM, the army said …" (rule aired-on).
    if w(0).eq_ignore_ascii_case("in")
        && s >= 2
        && w(s - 1) == ","
        && let Some(np) = super::reporters::aired_on(text, toks, 1, s - 1, entities)
        && np.e == s - 1
    {
        return Some(np);
    }
    let according = w(0).eq_ignore_ascii_case("according") && w(1) == "to";
    if !(according || w(0).eq_ignore_ascii_case("speaking") && matches!(w(1), "on" | "to")) || s < 3
    {
        return None;
    }
    let np = np_after(text, toks, 2, entities).filter(|np| np.e < s)?;
    if according && (np.e + 1 != s || w(np.e) != ",") {
        return None;
    }
    let outlet = (np.s..np.e).any(|k| has(Class::Outlet, w(k)))
        || np
            .entity
            .is_some_and(|(_, r)| matches!(r, EntityRef::Organization(_)));
    outlet.then_some(np)
}

pub(super) fn np_attribution(
    text: &str,
    toks: &[Tok],
    np: &Np,
    verb: Span,
    entities: &Entities,
) -> Option<Attribution> {
    let span = match np.entity {
        Some((sp, _)) if toks.get(np.s).is_some_and(|t| t.span.start >= sp.start) => sp,
        _ => Span::new(
            toks.get(np.s)?.span.start,
            toks.get(np.e.checked_sub(1)?)?.span.end,
        ),
    };
    let entity = np.entity.map(|(_, r)| r);
    Some(Attribution {
        text: span.slice(text)?.to_string(),
        span,
        verb: verb.slice(text)?.to_string(),
        verb_span: verb,
        entity,
        name: entity.and_then(|r| entities.name(r)).map(str::to_string),
    })
}

pub(super) fn verb_span(text: &str, toks: &[Tok], v: usize) -> Option<Span> {
    let t = toks.get(v)?;
    Some(if word(text, t).to_lowercase().starts_with("point") {
        toks.get(v + 1).map_or(t.span, |n| t.span.cover(n.span))
    } else {
        t.span
    })
}

/// The speaker and the reporters of an attribution: a cited source speaks and the subject
/// relays; an outlet told the words relays them too.
pub(super) fn speaker_and_reporters(
    text: &str,
    toks: &[Tok],
    f: &Found,
    entities: &Entities,
) -> Option<(Attribution, Vec<Attribution>)> {
    let verb = verb_span(text, toks, f.v)?;
    let subject = np_attribution(text, toks, &f.subject, verb, entities)?;
    let mut reporters = Vec::new();
    let speaker = if let Some((np, cv)) = &f.cited {
        let cverb = verb_span(text, toks, *cv).unwrap_or(verb);
        reporters.push(subject);
        np_attribution(text, toks, np, cverb, entities)?
    } else {
        subject
    };
    if let Some(o) = &f.outlet {
        reporters.insert(0, np_attribution(text, toks, o, verb, entities)?);
    }
    Some((speaker, reporters))
}

/// "According to X, …" and "…, according to X.": X is the source of the rest of the sentence
/// (and of a second content after ", who added that …").
pub(super) fn according_to(text: &str, toks: &[Tok], entities: &Entities) -> Vec<Quotation> {
    according_to_sources(text, toks, entities).unwrap_or_default()
}

fn according_to_sources(text: &str, toks: &[Tok], entities: &Entities) -> Option<Vec<Quotation>> {
    let w = |k: usize| toks.get(k).map_or("", |t| word(text, t));
    let a =
        (0..toks.len()).find(|&k| w(k).eq_ignore_ascii_case("according") && w(k + 1) == "to")?;
    let np_start = a + 2;
    let mut np_end = np_start;
    while np_end < toks.len()
        && np_end - np_start < 16
        && toks
            .get(np_end)
            .is_some_and(|t| !matches!(word(text, t), "," | "." | ";" | "!" | "?"))
    {
        np_end += 1;
    }
    // "According to the state broadcaster, NHK, …": the name in apposition is the source's.
    if a == 0
        && w(np_end) == ","
        && let Some((span, _)) = toks
            .get(np_end + 1)
            .and_then(|t| entities.starting_at(t.span.start))
            .filter(not_place)
        && let Some(e) = toks.iter().position(|t| t.span.end == span.end)
        && w(e + 1) == ","
    {
        np_end = e + 1;
    }
    // Rule according-carried: "according to a statement from the ministry carried by INA":
    // the words before the relaying participle are the source, its agent relays them.
    let carried = (np_start + 1..np_end).find(|&j| relayed_at(text, toks, j));
    let relayer = carried
        .and_then(|j| np_after(text, toks, j + 2, entities))
        .filter(|np| np.e <= np_end);
    if relayer.is_none() && np_end - np_start > 12 {
        return None;
    }
    let source_end = if relayer.is_some() {
        carried.unwrap_or(np_end)
    } else {
        np_end
    };
    let (first, last) = (toks.get(np_start)?, toks.get(source_end.checked_sub(1)?)?);
    if np_end == np_start {
        return None;
    }
    let subject = Span::new(first.span.start, last.span.end);
    let sentence_end = toks.last()?.span.end;
    // "…, according to X, the governor's spokesman(, who added that …)": a title in
    // apposition after the source closes the sentence or opens the source's second content.
    let apposition_end = (a > 0 && w(np_end) == ",")
        .then(|| crate::titles::after(text, toks, np_end))
        .filter(|t| t.role.is_some())
        .and_then(|_| {
            let b = (np_end + 1..toks.len()).find(|&k| matches!(w(k), "," | "." | ";"))?;
            let closes = toks
                .get(b + 1)
                .is_none_or(|t| matches!(word(text, t), "." | "!" | "?") && b + 2 >= toks.len());
            (w(b) != ";" && (closes || w(b) == "," && w(b + 1) == "who")).then_some(b)
        });
    let mut added = None;
    let quoted = (a > 0 && w(a - 1) == ",")
        .then(|| which_quoted(text, toks, np_end, entities))
        .flatten();
    let content = if a == 0 && w(np_end) == "," {
        // "According to X, content."
        Span::new(toks.get(np_end + 1)?.span.start, sentence_end)
    } else if a > 0
        && w(a - 1) == ","
        && (np_end + 1 >= toks.len() || apposition_end.is_some() || quoted.is_some())
    {
        // "Content, according to X."
        if let Some(b) = apposition_end {
            added = who_added(text, toks, b);
        }
        Span::new(toks.first()?.span.start, toks.get(a - 1)?.span.start)
    } else {
        return None;
    };
    let entity = entities.last_within(subject).map(|(_, r)| r);
    let verb_span = Span::new(toks.get(a)?.span.start, toks.get(a + 1)?.span.end);
    let speaker = Attribution {
        text: subject.slice(text)?.to_string(),
        span: subject,
        verb: verb_span.slice(text)?.to_string(),
        verb_span,
        entity,
        name: entity.and_then(|r| entities.name(r)).map(str::to_string),
    };
    let reported_by: Vec<Attribution> = relayer
        .and_then(|np| np_attribution(text, toks, &np, verb_span, entities))
        .into_iter()
        .collect();
    let quote = |c: Span, speaker: &Attribution, reported_by: &[Attribution]| {
        Some(Quotation {
            kind: QuoteKind::Indirect,
            span: c,
            text: c.slice(text)?.to_string(),
            speaker: speaker.clone(),
            reported_by: reported_by.to_vec(),
        })
    };
    let mut out: Vec<Quotation> = [Some(content), added]
        .into_iter()
        .flatten()
        .filter_map(|c| trimmed(text, c))
        .filter_map(|c| quote(c, &speaker, &reported_by))
        .collect();
    // "…, according to X carried by INA, which quoted Y as saying that …": Y speaks the
    // second content, relayed by whoever quoted.
    if let Some((cited, v, start)) = quoted {
        let cverb = toks.get(v)?.span;
        let cited = np_attribution(text, toks, &cited, cverb, entities)?;
        let reporter = reported_by.first().cloned().unwrap_or(speaker);
        let c = Span::new(toks.get(start)?.span.start, sentence_end);
        if let Some(q) = trimmed(text, c).and_then(|c| quote(c, &cited, &[reporter])) {
            out.push(q);
        }
    }
    Some(out)
}

/// Rule which-quoted: ", which quoted Y as saying that …" after the comma at token `comma`: Y's
/// phrase, the quoting verb's token and the token where the quoted content starts.
fn which_quoted(
    text: &str,
    toks: &[Tok],
    comma: usize,
    entities: &Entities,
) -> Option<(Np, usize, usize)> {
    let w = |k: usize| toks.get(k).map_or("", |t| word(text, t));
    if w(comma) != "," || !matches!(w(comma + 1), "which" | "who") {
        return None;
    }
    let v = comma + 2;
    if !super::reporters::quotes_as(w(v)) {
        return None;
    }
    let np = np_after(text, toks, v + 1, entities)?;
    let at = super::reporters::as_after(text, toks, np.e)?;
    let start = at + 2 + usize::from(w(at + 2) == "that");
    (start + 2 < toks.len()).then_some((np, v, start))
}

/// The content of ", who added that …" (or "said") after the comma at token `comma`, to the
/// sentence's end: the same source's second content.
fn who_added(text: &str, toks: &[Tok], comma: usize) -> Option<Span> {
    let w = |k: usize| toks.get(k).map_or("", |t| word(text, t));
    if w(comma) != "," || w(comma + 1) != "who" {
        return None;
    }
    let mut v = comma + 2;
    while has(Class::SpeechAdverb, w(v)) {
        v += 1;
    }
    if !lexicon::verb_has(VerbClass::Speech, w(v)) {
        return None;
    }
    let start = v + 1 + usize::from(w(v + 1) == "that");
    let first = toks.get(start)?;
    (start + 2 < toks.len()).then(|| {
        Span::new(
            first.span.start,
            toks.last().map_or(first.span.end, |t| t.span.end),
        )
    })
}
