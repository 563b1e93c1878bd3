//! Rule `counterpart`: a threat with no target named is aimed at the other side of the
//! event its clause answers. An act the rule cannot aim when the layer reaches it waits
//! (`Waiting`) until the sentence's later rules (naming, consequences, obligations, retorts)
//! have coded their events, and is aimed then. Fixtures in `tests/frames.rs`.

use super::merge::add_across;
use super::sides::real_code;
use super::{Ctx, Side, country};
use crate::CodedEvent;
use demarche_dict::Origin;
use demarche_model::Span;
use demarche_predicates::{Link, Predication, Role, Via};
use demarche_text::english::VerbClass;

/// Rule `counterpart` (`policy.txt`): an act with no target, in a clause that follows an
/// event as its doer's answer (a participle after a comma, a second verb phrase of the same
/// subject, or what either intends), is aimed at the other side of the last event coded before
/// `start` in the sentence that involves the doer's country.
pub(super) fn counterpart(
    ctx: &Ctx<'_>,
    p: &Predication,
    code: &str,
    source: &Side,
    events: &[CodedEvent],
    start: usize,
) -> Option<Side> {
    if !ctx.policy.seeks_counterpart(code) || !answers_clause(ctx, p) {
        return None;
    }
    let mine = |c: &str| source.codes.iter().any(|s| country(s) == country(c));
    events.iter().rev().find_map(|e| {
        if e.verb_span.is_none_or(|v| v.end > start)
            || !real_code(&e.source)
            || !real_code(&e.target)
            || mine(&e.source) == mine(&e.target)
        {
            return None;
        }
        let (code, span) = match mine(&e.source) {
            true => (&e.target, e.target_span),
            false => (&e.source, e.source_span),
        };
        Some(Side::new(vec![code.clone()], span))
    })
}

/// Whether a predication follows its clause as the doer's own answer: up its control chain and
/// through what a warning reports, a participle after a comma, or a verb phrase sharing the
/// subject of one before it.
fn answers_clause(ctx: &Ctx<'_>, p: &Predication) -> bool {
    let mut cur = p;
    for _ in 0..4 {
        let Some((_, link)) = cur.under else {
            return ctx
                .a
                .arg(cur, &Role::Agent)
                .is_some_and(|x| x.via == Via::SharedSubject);
        };
        match (link, ctx.a.governor(cur)) {
            (Link::Participle, _) => return true,
            (Link::Control | Link::Complement, Some((q, _))) => cur = q,
            // "… and warned that it would take countermeasures": what a warning reports.
            (Link::Report, Some((q, _))) if q.classes.has(VerbClass::Threat) => cur = q,
            _ => return false,
        }
    }
    false
}

/// An act with no target that rule `counterpart` may aim once every event of the sentence is
/// coded.
pub(super) struct Waiting<'a> {
    pub p: &'a Predication,
    pub code: &'a str,
    pub source: Side,
    pub span: Option<Span>,
    pub rule: &'a Origin,
}

/// Rule `counterpart`, late: the acts that found no counterpart among the events coded before
/// them in clause order look again among all the sentence's events before them ("Beijing
/// called the EU's decision protectionist and warned it would take all necessary measures":
/// the naming is coded after the layer's pass).
pub(super) fn aim_waiting(
    ctx: &Ctx<'_>,
    events: &mut Vec<CodedEvent>,
    legacy: usize,
    waiting: Vec<Waiting<'_>>,
) {
    for w in waiting {
        let start = w.span.map_or(0, |s| s.start);
        if let Some(t) = counterpart(ctx, w.p, w.code, &w.source, events, start) {
            add_across(
                ctx,
                events,
                legacy,
                w.rule,
                (&w.source, &t),
                w.code,
                w.span,
                false,
            );
        }
    }
}
