//! Actors a sentence names by reference to others it names itself (rules `pair-before`,
//! `group-before`, `including`): "the two sides" after a pair, "the group" after an armed
//! group, "several governments, including Brazil and Colombia".

use super::sides::real_code;
use super::{Ctx, Side, country};
use crate::legacy::{CodedEvent, Mention};
use demarche_model::Span;

/// Rule `pair-before`: "the two sides" after two actors of two countries named earlier in its
/// own sentence ("… had spoken with Trump by phone and that the two sides had agreed …") are
/// those two: the last two named before it.
pub(super) fn pair_before(ctx: &Ctx<'_>, lo: u32) -> Option<Side> {
    let mut before: Vec<&Mention> = ctx
        .mentions
        .iter()
        .filter(|m| m.hi <= lo && m.level >= 2)
        .collect();
    before.sort_by_key(|m| std::cmp::Reverse(m.lo));
    let mut codes: Vec<String> = Vec::new();
    for m in before {
        let Some(c) = m.codes.iter().find(|c| real_code(c)) else {
            continue;
        };
        if codes.len() < 2 && codes.iter().all(|k| country(k) != country(c)) {
            codes.push(c.clone());
        }
    }
    (codes.len() == 2).then(|| Side {
        codes,
        span: None,
        rules: Vec::new(),
        antecedents: Vec::new(),
    })
}

/// "the group" after an armed group named earlier in its own sentence ("Israel killed the
/// Houthi prime minister …, the group confirmed"): the last one named before it.
pub(super) fn group_before(ctx: &Ctx<'_>, lo: u32) -> Option<Side> {
    let m = ctx
        .mentions
        .iter()
        .filter(|m| m.hi <= lo && m.level >= 2)
        .filter(|m| m.codes.iter().any(|c| ctx.policy.is_armed_group(c)))
        .max_by_key(|m| m.lo)?;
    Some(Side {
        codes: m
            .codes
            .iter()
            .filter(|c| ctx.policy.is_armed_group(c))
            .cloned()
            .collect(),
        span: None,
        rules: m.rules.clone(),
        antecedents: Vec::new(),
    })
}

/// Rule `including`: a group named with its members ("several Latin American governments,
/// including Brazil and Colombia", "diplomats from seven countries, including Argentina, Chile
/// and Peru"; `forms.txt` `[including]` after a comma, inside the phrase or right after it) is
/// those members.
pub(super) fn included(ctx: &Ctx<'_>, lo: u32, hi: u32) -> Option<Side> {
    let words = ctx.lower_words(lo, hi + 2)?;
    let k =
        (1..words.len()).find(|&k| words[k - 1] == "," && ctx.en.is_form("including", words[k]))?;
    let at = lo + k as u32 + 1;
    let m = ctx
        .mentions
        .iter()
        .filter(|m| m.level >= 2 && m.lo == at)
        .max_by_key(|m| m.hi)?;
    let codes: Vec<String> = m.codes.iter().filter(|c| real_code(c)).cloned().collect();
    (!codes.is_empty()).then(|| Side {
        codes,
        span: m.span,
        rules: m.rules.clone(),
        antecedents: Vec::new(),
    })
}

/// Rule `including` over the events of a sentence: an event whose side is a group named with
/// its members (the pattern coder takes the group) is one event per member.
pub(super) fn expand_included(ctx: &Ctx<'_>, events: &mut Vec<CodedEvent>) {
    let members = |span: Option<Span>| -> Option<Vec<(String, Option<Span>)>> {
        let m = ctx
            .mentions
            .iter()
            .find(|m: &&Mention| m.span.is_some() && m.span == span)?;
        let s = included(ctx, m.lo, m.hi)?;
        Some(s.codes.into_iter().map(|c| (c, s.span)).collect())
    };
    if !events
        .iter()
        .any(|e| members(e.source_span).is_some() || members(e.target_span).is_some())
    {
        return;
    }
    let mut out: Vec<CodedEvent> = Vec::with_capacity(events.len());
    for e in events.drain(..) {
        let sources =
            members(e.source_span).unwrap_or_else(|| vec![(e.source.clone(), e.source_span)]);
        let targets =
            members(e.target_span).unwrap_or_else(|| vec![(e.target.clone(), e.target_span)]);
        for (sc, ss) in &sources {
            for (tc, ts) in &targets {
                if country(sc) == country(tc) && sc != &e.source {
                    continue;
                }
                let twin = out
                    .iter()
                    .any(|o| &o.source == sc && &o.target == tc && o.code == e.code);
                if twin {
                    continue;
                }
                let mut x = e.clone();
                x.source.clone_from(sc);
                x.target.clone_from(tc);
                x.source_span = *ss;
                x.target_span = *ts;
                out.push(x);
            }
        }
    }
    *events = out;
}
