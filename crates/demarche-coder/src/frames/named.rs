//! The actors a sentence named, for later sentences (the [`Discourse`](crate::discourse::Discourse)
//! learns them): its coded mentions, and the actors its subjects stood for by reference (rule
//! `pair-subject`).

use super::{Ctx, country, real_code};
use crate::discourse::Entity;
use crate::legacy::CodedEvent;
use demarche_model::Span;
use demarche_predicates::{Filler, Role, Via};
use demarche_text::english::{self, Prep};

/// The actors this sentence named, for later sentences: every coded mention, marked subject
/// when it is the agent of a predication (not through a controlling object).
pub(super) fn named(ctx: &Ctx<'_>, text: &str) -> Vec<Entity> {
    let agents = || {
        ctx.a
            .args
            .iter()
            // Not an object that controls a complement ("accused Washington of murdering …"):
            // that is no subject for a later "he".
            .filter(|x| x.role == Role::Agent && x.via != Via::Controller)
            .filter_map(|x| match x.filler {
                Filler::Phrase { lo, hi, .. } => Some((lo, hi)),
                Filler::Pred(_) => None,
            })
    };
    let mut out = Vec::new();
    // Rule `named-again`: a bare name of an actor named in full before ("Prince Faisal") is
    // named again here, for a later "he".
    for m in ctx
        .mentions
        .iter()
        .filter(|m| !m.codes.iter().any(|c| real_code(c)))
    {
        let subject = agents().any(|(lo, hi)| m.lo == lo && m.hi <= hi);
        if let Some(e) = super::refer::named_again_entity(ctx, m.lo, m.hi) {
            out.push(Entity {
                person: e.person,
                subject,
                ..at(ctx, &e.code, m.span, text)
            });
        }
    }
    for m in ctx.mentions.iter().filter(|m| m.level >= 2) {
        let subject = agents().any(|(lo, hi)| m.lo >= lo && m.hi <= hi && m.lo == lo);
        let venue = ctx.a.args.iter().any(|x| {
            matches!(&x.role, Role::Obl(prep) if ctx.en.is_prep(prep, Prep::Place))
                && matches!(x.filler, Filler::Phrase { lo, hi, .. } if lo == m.lo && hi == m.hi)
        });
        // Asked of the actor entries only when the mention is recorded.
        let mut person = None;
        let codes = || m.codes.iter().filter(|c| real_code(c));
        // A list that names one actor a member ("Lebanon's Michel Menassa and Syria's Murhaf Abu
        // Qasra"): each keeps its own member's words, for rule `named-again`.
        let members = (codes().count() > 1)
            .then(|| {
                list_members(
                    ctx.en,
                    m.span.and_then(|sp| sp.slice(text)).unwrap_or_default(),
                )
            })
            .filter(|parts| parts.len() == codes().count());
        for (i, code) in codes().enumerate() {
            let mut e = Entity {
                person: *person.get_or_insert_with(|| ctx.coder.is_person(m)),
                subject,
                venue,
                ..at(ctx, code, m.span, text)
            };
            if let Some(part) = members.as_ref().and_then(|p| p.get(i)) {
                e.text = (*part).to_string();
            }
            out.push(e);
        }
    }
    out
}

/// Rule `pair-subject`: the two actors a subject named by reference stood for ("The ministers
/// discussed …", "the two sides agreed …") are this sentence's subjects too, so that a later
/// "they" is that pair, not the last subject named by name.
pub(super) fn by_reference(
    ctx: &Ctx<'_>,
    events: &[CodedEvent],
    text: &str,
    named: &mut Vec<Entity>,
) {
    for e in events
        .iter()
        .filter(|e| e.antecedents.iter().any(|a| a.role == "source"))
    {
        let list = || events.iter().filter(|o| o.source_span == e.source_span);
        let first = country(&e.source);
        if !list().any(|o| country(&o.source) != first)
            || named
                .iter()
                .any(|n| n.span == e.source_span && n.code == e.source)
        {
            continue;
        }
        named.push(Entity {
            subject: true,
            ..at(ctx, &e.source, e.source_span, text)
        });
    }
}

/// The members of a list of actors' names ("A, B and C", "Lebanon's Michel Menassa and Syria's
/// Murhaf Abu Qasra"), split at its commas and "and"; none when a member is more than a name
/// ("the foreign ministers of Iran and Egypt").
fn list_members<'t>(en: &english::English, text: &'t str) -> Vec<&'t str> {
    // Members end at a comma or at a joining word (`forms.txt` `[list-joiner]`: "and").
    let mut parts = Vec::new();
    let mut start = None;
    let mut end = 0;
    for (at, word) in text
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
    {
        let bare = word.trim_end_matches(',');
        if en.is_form("list-joiner", bare) {
            parts.extend(start.take().map(|s| &text[s..end]));
            continue;
        }
        let s = *start.get_or_insert(at);
        end = at + bare.len();
        if bare.len() < word.len() {
            parts.push(&text[s..end]);
            start = None;
        }
    }
    parts.extend(start.map(|s| &text[s..end]));
    // Names only: capitalised words, the article, possessive endings and the small words inside
    // names ("Ursula von der Leyen": `forms.txt` `[name-particle]`).
    let name_word = |w: &str| {
        let w = w.trim_end_matches("'s");
        w.is_empty()
            || w.starts_with(|c: char| c.is_uppercase())
            || en.is_definite(w)
            || en.is_form("name-particle", w)
    };
    let names = parts.iter().all(|p| p.split_whitespace().all(name_word));
    if names { parts } else { Vec::new() }
}

/// The actor `code` named at `span` of this sentence (`text`).
fn at(ctx: &Ctx<'_>, code: &str, span: Option<Span>, text: &str) -> Entity {
    let words = span.and_then(|sp| sp.slice(text)).unwrap_or_default();
    Entity::new(
        code.to_string(),
        ctx.discourse.sentence,
        words.to_string(),
        span,
    )
}
