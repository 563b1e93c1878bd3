//! Rule `same-act`: an act done again by another doer ("Lithuania followed suit", "two days
//! after Mali did the same"): the act just before it — the sentence's own latest event before
//! the verb, else the latest event of an earlier sentence — with the new doer and the same
//! target and code (`english/forms.txt` `[same-act]`, `policy.txt` `same-act`).

use super::merge::{coded_event, overlap};
use super::mode::{Mode, mode_of};
use super::sides::{agent_side, real_code, side};
use super::{Ctx, Side, country, evidence_span};
use crate::CodedEvent;
use demarche_predicates::{Polarity, PredKind, Predication, Role};
use demarche_text::english::Prep;

/// Adds the repeated acts of the sentence's `[same-act]` verb phrases to `events`.
pub(super) fn same_acts(ctx: &Ctx<'_>, events: &mut Vec<CodedEvent>) {
    for p in ctx.a.preds.iter().filter(|p| is_same_act(ctx, p)) {
        let Some(span) = evidence_span(ctx.tree, p) else {
            continue;
        };
        if p.polarity == Polarity::Negated {
            continue;
        }
        let Some(source) = agent_side(ctx, p, None) else {
            continue;
        };
        let others = |s: &str| source.codes.iter().all(|c| country(c) != country(s));
        // The act before it: this sentence's, else an earlier sentence's.
        let here = events
            .iter()
            .filter(|e| {
                e.verb_span.is_some_and(|v| v.end <= span.start)
                    && !overlap(e.verb_span, Some(span))
                    && real_code(&e.source)
                    && others(&e.source)
            })
            .max_by_key(|e| e.verb_span.map_or(0, |v| v.start))
            .map(|e| {
                let back = (e.source.clone(), e.source_span);
                (e.target.clone(), e.target_span, e.code.clone(), back)
            });
        let Some((target, target_span, code, back)) = here.or_else(|| {
            ctx.discourse
                .last_deed(|s, t, _| real_code(s) && real_code(t) && others(s))
                .map(|(s, t, c)| (t.to_string(), None, c.to_string(), (s.to_string(), None)))
        }) else {
            continue;
        };
        // "Iran attacked Israel in April. Israel did the same in October": done back to the
        // first doer by the one it was done to.
        let (target, target_span) = if source.codes.iter().any(|c| country(c) == country(&target)) {
            back
        } else {
            (target, target_span)
        };
        let Some(rule) = ctx.policy.same_act(&code) else {
            continue;
        };
        // "Lithuania is expected to follow suit": the intention of the act.
        let code = match mode_of(ctx.tree, ctx.a, p, ctx.en) {
            Some(Mode::Intent) => ctx.policy.intent_code(&code).to_string(),
            Some(_) => code,
            None => continue,
        };
        // "did the same to Russia's envoy", "took similar measures against Belarus": the
        // phrase the verb is aimed at (`preposition.txt` `[target]`) is the act's target, not
        // the earlier act's.
        let own = ctx.a.args_of(p).iter().find_map(|x| match &x.role {
            Role::Obl(prep) if ctx.en.is_prep(prep, Prep::Target) => {
                side(ctx, p, &x.filler).filter(|s| s.codes.iter().any(|c| real_code(c)))
            }
            _ => None,
        });
        let ts = own.unwrap_or_else(|| Side::new(vec![target], target_span));
        for sc in &source.codes {
            for tc in ts.codes.iter().filter(|tc| real_code(tc)) {
                if country(sc) == country(tc) {
                    continue;
                }
                let ev = coded_event(
                    ctx.coder,
                    &rule.origin,
                    (sc, &source),
                    (tc, &ts),
                    &code,
                    Some(span),
                    true,
                );
                events.push(ev);
            }
        }
    }
}

/// Whether `p` is a verb phrase of `[same-act]`: its lemma, then the words after it.
fn is_same_act(ctx: &Ctx<'_>, p: &Predication) -> bool {
    if p.kind != PredKind::Verb {
        return false;
    }
    // The phrases that open with the lemma; the head's leaf is looked for only for those.
    let lemma = p.lemma.as_ref();
    let mut rests = ctx
        .en
        .form_phrases("same-act")
        .iter()
        .filter_map(|ph| ph.strip_prefix(lemma)?.strip_prefix(' '))
        .peekable();
    if rests.peek().is_none() {
        return false;
    }
    let Some(at) = ctx.a.leaves.iter().position(|&l| l == p.head) else {
        return false;
    };
    rests.any(|rest| {
        rest.split_whitespace()
            .enumerate()
            .all(|(k, w)| ctx.a.lower_word(ctx.tree, (at + 1 + k) as u32) == Some(w))
    })
}
