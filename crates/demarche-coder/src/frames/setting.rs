//! Where a sentence is set: the document's dateline (`setting-home`: "police" in a story
//! datelined Managua are Nicaraguan) and the place a sentence opens with (`fronted-place`: "In
//! Beijing, a foreign ministry spokeswoman said" is Chinese), and the country of the place a
//! predication happened in; `abroad`: a foreign critic's "protesters" are the setting's. Each
//! rule has a fixture in `tests/frames.rs`.

use super::sides::{mention_for, real_code};
use super::{Ctx, country};
use crate::legacy::{CodedEvent, Mention};
use demarche_model::{Antecedent, RuleRef, Span};
use demarche_predicates::{Filler, Link, PredKind, Predication, Role, Voice};
use demarche_text::english::Prep;

/// The most words a place a sentence opens with may take before its comma ("In Washington,",
/// "In the Iranian capital Tehran,").
const FRONTED_WORDS: usize = 6;

/// Rule `fronted-place` (`policy.txt`): a country-less agent (`code` "---GOV") named after the
/// comma of a sentence that opens with a place of one country ("In Tehran, foreign ministry
/// spokesman …", "In Beijing, a spokeswoman …") is of that country — the code, the policy
/// line to cite and the place named.
pub(super) fn fronted_place(
    ctx: &Ctx<'_>,
    code: &str,
    span: Option<Span>,
) -> Option<(String, RuleRef, Antecedent)> {
    let rest = code.strip_prefix("---")?;
    let rule = ctx.policy.fronted_place(rest.get(..3)?)?;
    let first = ctx.a.lower_word(ctx.tree, 0)?;
    if !ctx.en.is_prep(first, Prep::Place) {
        return None;
    }
    let comma = (1..=FRONTED_WORDS as u32 + 1)
        .find(|&i| ctx.a.lower_word(ctx.tree, i).is_some_and(|w| w == ","))?;
    let after = ctx.leaf_span(comma, comma + 1)?;
    if span?.start < after.end {
        return None;
    }
    let place = mention_for(ctx.mentions, 1, comma)?;
    // The place is the fronted phrase's own object, not a country inside a phrase of its own
    // ("In talks with Iran,", "In a rebuke of China,").
    let nested = (1..place.lo).any(|i| {
        ctx.a
            .leaves
            .get(i as usize)
            .is_some_and(|&n| matches!(ctx.tree.label(n), "IN" | "TO"))
    });
    if nested {
        return None;
    }
    let named = super::sides::one_country(ctx, &place.codes)?;
    let ante = ctx.named_here(place.span);
    Some((format!("{named}{rest}"), rule.origin.rule_ref(), ante))
}

/// Rule `setting-home` (`policy.txt`) for a pattern event's side (`code`, "---GOV") at the verb
/// of `verb_span`: an agent with no country that nothing earlier gave one ("police fired tear
/// gas", "Vice President Rosario Murillo"), in a document whose dateline names a country, is of
/// that country — the code and the policy line to cite. Not where the verb's predication (or
/// one it hangs under) names a place of another country ("police raided villages in
/// Afghanistan's Khost province" in a story datelined Islamabad). (Only the pattern coder's
/// sides: read for the layer's own sides too, the rule added false events on a held-out set.)
fn home_at(ctx: &Ctx<'_>, verb_span: Option<Span>, code: &str) -> Option<(String, RuleRef)> {
    let home = ctx.discourse.setting()?;
    let rest = code.strip_prefix("---")?;
    let rule = ctx.policy.setting_home(rest.get(..3)?)?;
    let mut chain = ctx
        .a
        .preds
        .iter()
        .find(|p| super::overlap(super::evidence_span(ctx.tree, p), verb_span));
    // Bounded: a predication hangs under a few others at most.
    for _ in 0..ctx.a.preds.len() {
        let Some(q) = chain else { break };
        let elsewhere = ctx.a.args_of(q).iter().any(|x| match (&x.role, x.filler) {
            (Role::Obl(prep), Filler::Phrase { lo, hi, .. })
                if ctx.en.is_prep(prep, Prep::PlaceOrGoal) =>
            {
                mention_for(ctx.mentions, lo, hi)
                    .is_some_and(|m| m.codes.iter().any(|c| real_code(c) && country(c) != home))
            }
            _ => false,
        });
        if elsewhere {
            return None;
        }
        chain = q.under.and_then(|(j, _)| ctx.a.preds.get(j as usize));
    }
    Some((format!("{home}{rest}"), rule.origin.rule_ref()))
}

/// Rule `setting-home` for the events the sentence coded, once the layer has read it: a side
/// the pattern coder left country-less ("---COP") and nothing gave a country takes the
/// dateline's ([`home_at`]); an event that leaves between a country and its own agents is
/// dropped unless it is inward (`own-country`). A statement whose target only the dateline
/// placed is dropped: "X told reporters" in a story datelined abroad names the statement's
/// audience, not whom it was aimed at.
pub(super) fn setting_home(ctx: &Ctx<'_>, events: &mut Vec<CodedEvent>) {
    if ctx.discourse.setting().is_none() {
        return;
    }
    events.retain_mut(|e| {
        let mut filled = false;
        let mut audience = false;
        for (i, code) in [&mut e.source, &mut e.target].into_iter().enumerate() {
            if let Some((home, rule)) = home_at(ctx, e.verb_span, code) {
                *code = home;
                e.rules.push(rule);
                filled = true;
                audience |= i == 1;
            }
        }
        let audience = audience && ctx.policy.is_statement(&e.code);
        !(filled && super::own_country(ctx.policy, e) || audience)
    });
}

/// The country of the place a predication (or the verb whose argument it is) happened in.
pub(super) fn place_country(ctx: &Ctx<'_>, p: &Predication) -> Option<String> {
    let host = ctx.a.preds.iter().find(|q| {
        q.kind == PredKind::Verb
            && ctx
                .a
                .args_of(q)
                .iter()
                .any(|x| matches!(x.filler, Filler::Phrase { node, .. } if node == p.scope))
    });
    // Or the clause that tells how ("were killed when warplanes bombed a market in Kutum").
    let how = (p.voice == Voice::Passive)
        .then(|| {
            ctx.a.preds.iter().find(|q| {
                ctx.a
                    .governor(q)
                    .is_some_and(|(g, link)| link == Link::Adjunct && std::ptr::eq(g, p))
            })
        })
        .flatten();
    [Some(p), host, how].into_iter().flatten().find_map(|q| {
        ctx.a.args_of(q).iter().find_map(|x| match &x.role {
            Role::Obl(prep) if ctx.en.is_prep(prep, Prep::Place) => {
                let Filler::Phrase { node, lo, hi } = x.filler else {
                    return None;
                };
                // "killed in an Israeli drone strike" names the event, not the place.
                if ctx.a.noun_at(node).is_some() {
                    return None;
                }
                let m = mention_for(ctx.mentions, lo, hi)?;
                let c = m.codes.iter().find(|c| real_code(c))?;
                let country = c.get(..3)?;
                ctx.policy.is_country(country).then(|| country.to_string())
            }
            _ => None,
        })
    })
}

/// The mention of a country right after a part preposition at leaf `hi` ("in Kabul").
pub(super) fn own_phrase<'c>(ctx: &Ctx<'c>, hi: u32) -> Option<&'c Mention> {
    let prep = ctx.a.lower_word(ctx.tree, hi)?;
    if !ctx.en.is_prep(prep, Prep::Part) {
        return None;
    }
    // One country ("the defence ministers of Lebanon and Syria" are a pair, read elsewhere).
    ctx.mentions.iter().find(|m| {
        m.level >= 2
            && m.lo == hi + 1
            && !m.codes.is_empty()
            && m.codes.iter().all(|c| {
                c.len() == 3 && real_code(c) && ctx.policy.is_country(c) && c == &m.codes[0]
            })
    })
}

/// Rule `abroad`: a country-less domestic agent (`domestic` in `policy.txt`: protesters,
/// journalists, the opposition) that the discourse filled with the source's own country, in a
/// story whose dateline names another ("TBILISI — … Blinken condemned what he called the
/// violent repression of protesters"), is of the dateline's country: `filled` with it.
/// `code` is the pattern's country-less code.
pub(super) fn abroad(ctx: &Ctx<'_>, source: &str, code: &str, filled: &str) -> Option<String> {
    if !code.starts_with("---") || !ctx.policy.is_domestic(filled) {
        return None;
    }
    let home = ctx.discourse.setting()?;
    let own = source.get(..3)?;
    (filled.get(..3) == Some(own) && home != own && source.len() >= 3)
        .then(|| format!("{home}{}", filled.get(3..).unwrap_or_default()))
}
