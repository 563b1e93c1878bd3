//! Whether an event noun names an event that happened, not one talked about: rules `effect`,
//! `between`, `answered` and `fronted` (and partitive counts, "a third round of talks").

use super::sides::side;
use super::{Ctx, Side, pair_arg, sibling_before};
use demarche_predicates::{Filler, Modality, Polarity, PredKind, Predication, Role, Voice};
use demarche_text::english::{Prep, VerbClass};

/// Rule `effect`: an event noun that is the subject of a verb of harm, or its `in`/`during`
/// phrase ("an Israeli strike killed …", "killed in an Israeli strike"), happened.
///
/// Rule `aspect`: an event noun that is the subject of an asserted aspect verb (`aspect.txt`:
/// "China's drills around Taiwan continued", "Israeli strikes on Gaza resumed") happened.
///
/// Rule `between`: an event between a pair ("fighting between the army and the RSF",
/// "talks between Russia and Ukraine") happened when it is the subject of any affirmed,
/// asserted verb ("raged on", "ended without a deal").
pub(super) fn happened(ctx: &Ctx<'_>, p: &Predication) -> bool {
    if answered(ctx, p) {
        return true;
    }
    let pair = pair_arg(ctx, p).is_some();
    ctx.a.preds.iter().any(|q| {
        q.kind == PredKind::Verb
            && q.polarity == Polarity::Affirmed
            && ctx.a.args_of(q).iter().any(|x| {
                let slot = match &x.role {
                    Role::Agent => true,
                    Role::Obl(prep) => ctx.en.is_prep(prep, Prep::Event),
                    _ => false,
                };
                slot && matches!(x.filler, Filler::Phrase { node, .. }
                    if node == p.scope || counted_in(ctx, node, p.scope))
            })
            && (pair && q.modality == Modality::Asserted && q.voice == Voice::Active
                || q.classes.has(VerbClass::Effect)
                || q.classes.has(VerbClass::Aspect) && q.modality == Modality::Asserted)
    })
}

/// Rule `answered`: an event noun named as what an act follows or answers happened: the
/// object of a `[past]` preposition ("after Israeli strikes on Gaza") or of the phrase of a
/// noun of answering (`forms.txt` `[answer]`: "in response to Tehran's missile barrage on
/// Israel", "in retaliation for the strike").
pub(super) fn answered(ctx: &Ctx<'_>, p: &Predication) -> bool {
    answered_how(ctx, p).is_some()
}

/// How an event noun is answered (rule `answered`): `Some(true)` when a noun of answering
/// names it ("in retaliation for the strike"), `Some(false)` when it is only followed ("after
/// the strike"), `None` when neither.
pub(super) fn answered_how(ctx: &Ctx<'_>, p: &Predication) -> Option<bool> {
    let tree = ctx.tree;
    let mut pp = tree.parent(p.scope).filter(|&n| tree.label(n) == "PP")?;
    let first = |n| tree.children(n).first().and_then(|&c| tree.word(c));
    // Through "of" ("after three days of talks"): the phrase the measure sits in.
    for _ in 0..2 {
        match tree
            .parent(pp)
            .filter(|&g| first(pp) == Some("of") && tree.label(g) == "NP")
            .and_then(|g| tree.parent(g))
            .filter(|&h| tree.label(h) == "PP")
        {
            Some(h) => pp = h,
            None => break,
        }
    }
    if first(pp).is_some_and(|w| ctx.en.is_prep(w, Prep::Past)) {
        return Some(false);
    }
    // The phrase of the noun of answering: (NP (NP response) (PP to …)), or a flat verb phrase
    // (PP in (NP retaliation)) (PP for …).
    let parent = tree.parent(pp)?;
    let head = match tree.label(parent) {
        "NP" => tree.children(parent).first().copied(),
        _ => sibling_before(tree, pp).filter(|&b| tree.label(b) == "PP"),
    };
    let word = head
        .and_then(|n| tree.leaves_under(n).last())
        .and_then(|l| tree.word(l));
    word.is_some_and(|w| {
        ctx.en
            .forms("answer")
            .iter()
            .any(|f| f.eq_ignore_ascii_case(w))
    })
    .then_some(true)
}

/// Whether `outer` counts the event noun phrase `scope` ("a third round of talks between …",
/// `partitive.txt`): its head is a partitive noun and `scope` sits in its `of` phrase.
fn counted_in(ctx: &Ctx<'_>, outer: demarche_model::NodeId, scope: demarche_model::NodeId) -> bool {
    let tree = ctx.tree;
    let head = tree
        .children(outer)
        .first()
        .and_then(|&h| tree.leaves_under(h).last())
        .and_then(|l| tree.word(l));
    if !head.is_some_and(|w| ctx.en.is_partitive(w)) {
        return false;
    }
    let mut node = scope;
    for _ in 0..3 {
        let Some(up) = tree.parent(node) else {
            return false;
        };
        if tree.parent(up) == Some(outer) && tree.label(up) == "PP" {
            return tree
                .children(up)
                .first()
                .and_then(|&c| tree.word(c))
                .is_some_and(|w| ctx.en.is_prep(w, Prep::Counted));
        }
        node = up;
    }
    false
}

/// Rule `fronted`: an event noun in a phrase that opens the sentence ("In a phone call with
/// Macron on Friday, Putin said …", "During talks with Li Qiang, Scholz …") happened, and the
/// clause's subject did it.
pub(super) fn fronted_subject(ctx: &Ctx<'_>, p: &Predication) -> Option<Side> {
    if p.kind != PredKind::Noun || ctx.a.arg(p, &Role::Agent).is_some() {
        return None;
    }
    let tree = ctx.tree;
    let pp = tree.parent(p.scope).filter(|&n| tree.label(n) == "PP")?;
    let prep = tree.children(pp).first().and_then(|&c| tree.word(c))?;
    if !(ctx.en.is_prep(prep, Prep::Event) || ctx.en.is_prep(prep, Prep::PlaceOrGoal)) {
        return None;
    }
    let s = tree
        .parent(pp)
        .filter(|&n| tree.label(n).starts_with('S'))?;
    let kids = tree.children(s);
    let at = kids.iter().position(|&k| k == pp)?;
    // The phrase opens the clause: nothing but phrases and commas before it.
    if kids[..at]
        .iter()
        .any(|&k| !matches!(tree.label(k), "PP" | "," | "ADVP"))
    {
        return None;
    }
    let subject = kids[at + 1..]
        .iter()
        .copied()
        .find(|&k| tree.label(k) == "NP")?;
    let (lo, hi) = ctx.range.get(subject.index()).copied()?;
    side(
        ctx,
        p,
        &Filler::Phrase {
            node: subject,
            lo,
            hi,
        },
    )
}

/// Rule `killed-when`: a passive act of force with no `by` phrase whose adverbial clause tells
/// another act of force ("Three Chinese workers were killed when a drone struck a camp",
/// "34 soldiers were killed when JNIM fighters overran an army post") was done by that
/// clause's agent.
pub(super) fn killed_when(ctx: &Ctx<'_>, p: &Predication) -> Option<Side> {
    let force = |q: &Predication| {
        super::verb_code(ctx.coder, ctx.tree, ctx.a, q)
            .is_some_and(|(c, _)| crate::discourse::is_conflict(c) && ctx.policy.is_inward(c))
    };
    if p.kind != PredKind::Verb || p.voice != Voice::Passive || !force(p) {
        return None;
    }
    ctx.a.preds.iter().find_map(|q| {
        let Some((g, demarche_predicates::Link::Adjunct)) = ctx.a.governor(q) else {
            return None;
        };
        if !std::ptr::eq(g, p)
            || q.kind != PredKind::Verb
            || q.voice != Voice::Active
            || q.polarity != Polarity::Affirmed
            || !force(q)
        {
            return None;
        }
        side(ctx, q, &ctx.a.arg(q, &Role::Agent)?.filler)
    })
}
