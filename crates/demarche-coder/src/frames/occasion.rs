//! Rule `occasion`: a meeting, talks or a visit named as the occasion of a clause's act — the
//! object of an `[occasion]` preposition on its verb ("briefed his Chinese counterpart … during talks
//! in Gyeongju", "signed contracts with Saudi firms during the president's visit to Riyadh", "at
//! a meeting of their foreign ministers") — happened, and with no doer of its
//! own it is the clause's agent's; with no partner of its own, it is with the clause's object
//! or partner, unless the clause's act is hostile ("condemned Russia at a meeting of the
//! council"). Which nouns: those whose code has a root `policy.txt` lists as `occasion`; which
//! acts lend their object: roots listed as `occasion-partner`.

use super::sides::{agent_side, target_side};
use super::{Ctx, Side, overlap};
use crate::CodedEvent;
use demarche_predicates::{Link, PredKind, Predication, Voice};
use demarche_text::english::Prep;

/// The clause `p` is the occasion of, when its code is an `occasion` root: an active verb whose
/// `[occasion]` phrase names `p` (or a phrase `p` heads: "at a meeting of their ministers").
fn host<'a>(ctx: &Ctx<'a>, p: &Predication, code: &str) -> Option<&'a Predication> {
    ctx.policy.occasion(code)?;
    if p.kind != PredKind::Noun || p.support.is_some() {
        return None;
    }
    let (q, Link::Argument) = ctx.a.governor(p)? else {
        return None;
    };
    if q.kind != PredKind::Verb || q.voice != Voice::Active {
        return None;
    }
    let tree = ctx.tree;
    let mut node = p.scope;
    for _ in 0..2 {
        let up = tree.parent(node)?;
        match tree.label(up) {
            "NP" => node = up,
            "PP" => {
                let prep = tree.children(up).first().and_then(|&c| tree.word(c))?;
                return ctx.en.is_prep(prep, Prep::Occasion).then_some(q);
            }
            _ => return None,
        }
    }
    None
}

/// The occasion's doer: the agent of the clause it is the occasion of.
pub(super) fn doer(ctx: &Ctx<'_>, p: &Predication, code: &str) -> Option<Side> {
    agent_side(ctx, host(ctx, p, code)?, None)
}

/// The occasion's partner: the object or partner of the clause it is the occasion of, when
/// what the pattern coder coded at the clause's verb (`events`) is all of `occasion-partner`
/// roots ("briefed his counterpart during talks", not "condemned Russia at a meeting").
pub(super) fn partner(
    ctx: &Ctx<'_>,
    p: &Predication,
    code: &str,
    events: &[CodedEvent],
) -> Option<Side> {
    let q = host(ctx, p, code)?;
    let verb = ctx.tree.span(q.head);
    let hostile = events
        .iter()
        .any(|e| overlap(e.verb_span, verb) && !ctx.policy.lends_occasion_partner(&e.code));
    if hostile {
        return None;
    }
    target_side(ctx, q, None)
}
