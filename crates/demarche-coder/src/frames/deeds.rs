//! Reactions to deeds named by a description: rules `deed-back` (criticism, rejection or
//! approval of "the attack", "the decision" answers whoever did it), `deed-noun` (of the deeds
//! the noun can name) and `co-target` (else the target of the critic's other act alongside).
//! Each has a fixture in `tests/frames.rs`.

use super::sides::{self, real_code};
use super::{Ctx, Side, country, overlap};
use crate::CodedEvent;
use demarche_predicates::{Filler, PredKind, Predication, Role};

/// Rule `deed-back`: criticism or rejection (`deed-agent` in `policy.txt`) of a deed named only
/// by a definite description ("Caracas condemned the measures", "Tokyo rejected the move") is
/// aimed at whoever an earlier sentence said did something to the critic, else at the latest
/// earlier deed's doer; approval (`approval-back`: "Canberra welcomed the decision") only at
/// the first.
pub(super) fn deed_back(ctx: &Ctx<'_>, p: &Predication, code: &str, source: &Side) -> Option<Side> {
    if !described_deed(ctx, p, code) {
        return None;
    }
    // A deed against the critic, else the latest deed of another country ("Israel struck Gaza.
    // Egypt condemned the attack"); approval only the first (`approval-back`).
    let approval = !ctx.policy.targets_deed_agent(code);
    let doer = source
        .codes
        .iter()
        .find_map(|c| {
            // Criticism answers conflict, approval the rest ("welcomed the decision" after
            // aid, not after the accusation that followed it).
            let kind = |d: &str| crate::discourse::is_conflict(d) != approval;
            ctx.discourse.deed_against(country(c), kind)
        })
        .or_else(|| {
            if approval {
                return None;
            }
            // Rule `deed-noun`: of the deeds the noun can name ("the raid": force), else any.
            let roots = deed_roots(ctx, p);
            let named = |c: &str| roots.iter().any(|r| c.get(..2) == r.get(..2));
            let first = country(source.codes.first()?);
            let by_other =
                |kind: &dyn Fn(&str) -> bool| ctx.discourse.deed_by_other(first, ctx.policy, kind);
            (!roots.is_empty())
                .then(|| by_other(&named))
                .flatten()
                .or_else(|| by_other(&|_| true))
        })?;
    Some(Side::new(vec![doer.to_string()], None))
}

/// The codes the head noun of `p`'s object names by itself ("the raid", "the strikes").
fn deed_roots<'c>(ctx: &Ctx<'c>, p: &Predication) -> Vec<&'c str> {
    let Some(Filler::Phrase { hi, .. }) = ctx.a.arg(p, &Role::Patient).map(|x| x.filler) else {
        return Vec::new();
    };
    let Some(head) = hi
        .checked_sub(1)
        .and_then(|i| ctx.a.lower_word(ctx.tree, i))
    else {
        return Vec::new();
    };
    ctx.coder_frames
        .event_noun(&[head])
        .map(|(_, name)| ctx.coder_frames.plain_codes(name))
        .unwrap_or_default()
}

/// Rule `co-target`: criticism or rejection of a deed named only by a definite description
/// that no earlier deed answers (rule `deed-back`) is aimed at the target of the act its doer
/// does alongside it ("South Korea condemned the launch as a violation of the resolutions and
/// urged Pyongyang to return to dialogue": KOR -> PRK 111).
pub(super) fn co_target(
    ctx: &Ctx<'_>,
    p: &Predication,
    code: &str,
    source: &Side,
    events: &[CodedEvent],
) -> Option<Side> {
    if !described_deed(ctx, p, code) {
        return None;
    }
    let agent = |q: &Predication| match ctx.a.arg(q, &Role::Agent)?.filler {
        Filler::Phrase { lo, hi, .. } => Some((lo, hi)),
        Filler::Pred(_) => None,
    };
    let own = agent(p)?;
    ctx.a
        .preds
        .iter()
        .filter(|q| q.head != p.head && q.kind == PredKind::Verb && agent(q) == Some(own))
        .find_map(|q| {
            let head = ctx.tree.span(q.head);
            let e = events.iter().find(|e| {
                overlap(e.verb_span, head)
                    && real_code(&e.target)
                    && source.codes.iter().any(|c| c == &e.source)
            })?;
            Some(Side::new(vec![e.target.clone()], e.target_span))
        })
}

/// Whether `p` is criticism or rejection (`deed-agent`), or approval (`approval-back`), of a
/// deed named only by a definite description ("the measures", "the launch"), not by an
/// anaphor.
fn described_deed(ctx: &Ctx<'_>, p: &Predication, code: &str) -> bool {
    let answered = ctx.policy.targets_deed_agent(code) || ctx.policy.approves_deed(code);
    if p.kind != PredKind::Verb || !answered {
        return false;
    }
    let Some(Filler::Phrase { lo, hi, .. }) = ctx.a.arg(p, &Role::Patient).map(|x| x.filler) else {
        return false;
    };
    let Some(words) = ctx.lower_words(lo, hi) else {
        return false;
    };
    matches!(words.first().copied(), Some("the" | "this" | "these"))
        && !sides::is_anaphor(ctx, lo, hi)
        && !sides::is_anaphor(ctx, lo, (lo + 2).min(hi))
}
