//! The news reading on the predicate layer: every predication of the sentence
//! ([`demarche_predicates`]) is coded from its deep roles — event nouns through the frames of
//! `dictionaries/frames/`, verbs through their verb-dictionary entry — and merged with what the
//! pattern coder found.
//!
//! General rules (each with a fixture in `tests/frames.rs`):
//! - `negated`: a negated predication codes nothing.
//! - `intent`: a predication under `will`/`would` or under an intention verb ("agreed to") codes
//!   the intention the policy's `intent` rule gives for its root, or nothing.
//! - `appeal-and-possibility`: an infinitive under an object-control verb ("urged Y to …"),
//!   a denial, and `may`/`might`/`should` code nothing themselves (the governing verb does).
//! - `support`: an event noun codes only as the object of a support verb ("carried out
//!   strikes on"), taking the verb's subject and prepositional phrases.
//! - `event-agent`: an agent that is itself an event noun stands for that event's agent ("a
//!   Russian drone strike killed …"); a passive with no `by` takes the agent of an event noun in
//!   its `in`/`during`/`by` phrase ("killed in a Russian drone strike").
//! - `comitative`: a coded actor in a `with` phrase that is not the target acts too ("arrived in
//!   Kyiv with the leaders of France and Germany").
//! - `joint`: a joint frame with one compound agent codes between its members, each way.
//! - `merge`: where the pattern coder coded the same verb, its event stands, except a passive
//!   that it read backwards; elsewhere the predication's events are added.

use crate::CodedEvent;
use crate::discourse::{Discourse, Entity};
use crate::legacy::{Coder, Mention};
use demarche_dict::frames::{FrameSet, NounFrame};
use demarche_dict::policy::Policy;
use demarche_dict::{Origin, VerbCode};
use demarche_model::Antecedent;
use demarche_model::{RuleRef, Span, Tree};
use demarche_predicates::{
    Analysis, Filler, Link, Modality, Polarity, PredKind, PredicateLexicon, Predication, Role,
    Support, Voice, analyze,
};
use demarche_text::english::{self, VerbClass};
use demarche_text::english::{Anaphor, Prep};

/// The frames as the predicate layer's lexicon.
struct FrameLex<'a>(&'a FrameSet);

impl PredicateLexicon for FrameLex<'_> {
    fn event_noun(&self, words: &[&str]) -> Option<(usize, u32)> {
        self.0.event_noun(words)
    }
    fn support(&self, lemma: &str, particle: Option<&str>) -> Option<Support> {
        self.0.support_verb(lemma, particle).map(|v| {
            if v.elicit {
                Support::Elicit
            } else {
                Support::Agentive
            }
        })
    }
}

/// Prepositions whose object is a verb's target when it has no coded object.
const VERB_TARGET_PREPS: [&str; 5] = ["against", "at", "on", "with", "to"];

/// The predications of a tree, for `explain`.
pub(crate) fn analysis(coder: &Coder<'_>, tree: &Tree) -> Analysis {
    analyze(tree, &FrameLex(&coder.dictionaries().frames))
}

/// One side of an event: its codes and evidence.
#[derive(Debug, Clone, Default)]
struct Side {
    codes: Vec<String>,
    span: Option<Span>,
    rules: Vec<RuleRef>,
    /// Set when the side was named only by reference in this sentence.
    antecedents: Vec<Antecedent>,
}

/// What coding one predication needs to see.
struct Ctx<'c> {
    tree: &'c Tree,
    a: &'c Analysis,
    mentions: &'c [Mention],
    discourse: &'c Discourse,
    policy: &'c Policy,
    en: &'c english::English,
    /// Node → its leaf range.
    range: Vec<(u32, u32)>,
}

/// Codes the predications of one sentence and merges them into `events`. Returns the actors
/// the sentence named, for the discourse.
pub(crate) fn code_predications(
    coder: &Coder<'_>,
    tree: &Tree,
    a: &Analysis,
    mentions: &[Mention],
    events: &mut Vec<CodedEvent>,
    discourse: &Discourse,
    text: &str,
) -> Vec<Entity> {
    let dicts = coder.dictionaries();
    let ctx = Ctx {
        tree,
        a,
        mentions,
        discourse,
        policy: &dicts.policy,
        en: english::get(),
        range: leaf_ranges(tree),
    };
    // Rule `negated`: a negated act codes nothing, whatever a pattern matched.
    for p in a
        .preds
        .iter()
        .filter(|p| p.polarity == Polarity::Negated && !p.absorbed)
    {
        let span = evidence_span(tree, p);
        events.retain(|e| !overlap(e.verb_span, span));
    }
    let legacy = events.len();
    // Country-less descriptions in the pattern coder's events ("the ministry") take their
    // country from the discourse.
    for e in events.iter_mut() {
        for role in ["source", "target"] {
            let (code, span) = match role {
                "source" => (&mut e.source, e.source_span),
                _ => (&mut e.target, e.target_span),
            };
            if let Some((filled, ante)) = fill_country(&ctx, code, span) {
                *code = filled;
                e.antecedents.push(Antecedent {
                    role: role.into(),
                    ..ante
                });
            }
        }
    }
    for p in &a.preds {
        if p.absorbed || p.polarity == Polarity::Negated {
            continue;
        }
        let Some(mode) = mode_of(tree, a, p, ctx.en) else {
            continue;
        };
        let (code, frame, rule) = match p.kind {
            PredKind::Noun => {
                if p.support.is_none() && !happened(&ctx, p) {
                    continue;
                }
                let Some(f) = dicts.frames.frame_for(p.noun, p.support_lemma.as_deref()) else {
                    continue;
                };
                (f.code.as_str(), Some(f), &f.origin)
            }
            PredKind::Verb => match verb_code(coder, tree, p) {
                Some((c, r)) => (c, None, r),
                None => continue,
            },
        };
        // Statements are the pattern coder's (with reported speech it keeps or drops them).
        if dicts.policy.is_statement(code) {
            continue;
        }
        let code = if mode == Mode::Intent {
            let intent = dicts.policy.intent_code(code);
            if intent == code {
                continue;
            }
            intent
        } else {
            code
        };
        let Some(source) = agent_side(&ctx, p, frame) else {
            continue;
        };
        let span = evidence_span(tree, p);
        // Where the pattern coder coded this verb, its target stands (patterns know which
        // prepositional phrase a verb aims at); the layer adds what they miss around it.
        let legacy_target = events[..legacy]
            .iter()
            .filter(|e| {
                p.voice == Voice::Active && overlap(e.verb_span, span) && real_code(&e.target)
            })
            .fold(None::<Side>, |acc, e| {
                let mut s = acc.unwrap_or_else(|| Side {
                    span: e.target_span,
                    ..Side::default()
                });
                if !s.codes.contains(&e.target) {
                    s.codes.push(e.target.clone());
                }
                Some(s)
            });
        let target = legacy_target.or_else(|| target_side(&ctx, p, frame));
        let mut pairs: Vec<(&str, &Side, &str, &Side)> = Vec::new();
        // The antecedent of one code of a side: its own when the side has one per code.
        fn ante_of<'s>(side: &'s Side, code: &str) -> Vec<&'s Antecedent> {
            match side.codes.iter().position(|c| c == code) {
                Some(i) if side.antecedents.len() == side.codes.len() && side.codes.len() > 1 => {
                    side.antecedents.get(i).into_iter().collect()
                }
                _ => side.antecedents.iter().collect(),
            }
        }
        let joint = frame.is_some_and(|f| f.joint);
        let with = match &target {
            Some(t) => comitative(&ctx, p, frame).filter(|w| w.span != t.span),
            None => None,
        };
        match &target {
            Some(t) => {
                for sc in &source.codes {
                    for tc in &t.codes {
                        pairs.push((sc, &source, tc, t));
                        if joint {
                            pairs.push((tc, t, sc, &source));
                        }
                    }
                }
                // Comitative: "with B" acts too, when B is not the target.
                if let Some(w) = &with {
                    for sc in &w.codes {
                        for tc in &t.codes {
                            pairs.push((sc, w, tc, t));
                        }
                    }
                }
            }
            None if joint && source.codes.len() > 1 => {
                for x in &source.codes {
                    for y in &source.codes {
                        pairs.push((x, &source, y, &source));
                    }
                }
            }
            None => {}
        }
        for (sc, ss, tc, ts) in pairs {
            if sc == tc {
                continue;
            }
            // Decided before the event is built: most are the pattern coder's already.
            let passive = p.voice == Voice::Passive;
            let Some(slot) = merge_slot(events, legacy, (sc, tc, code), span, passive) else {
                continue;
            };
            let mut rules = vec![rule.rule_ref()];
            rules.extend(ss.rules.iter().cloned());
            rules.extend(ts.rules.iter().cloned());
            let mut antecedents: Vec<Antecedent> = Vec::new();
            for (role, side, code) in [("source", ss, sc), ("target", ts, tc)] {
                antecedents.extend(ante_of(side, code).into_iter().map(|x| Antecedent {
                    role: role.into(),
                    ..x.clone()
                }));
            }
            let ev = CodedEvent {
                source: sc.to_string(),
                target: tc.to_string(),
                code: code.to_string(),
                source_span: ss.span,
                target_span: ts.span,
                verb_span: span,
                rules,
                antecedents,
            };
            match slot {
                Some(i) => events[i] = ev,
                None => events.push(ev),
            }
        }
    }
    named(&ctx, text)
}

/// Rule `effect`: an event noun that is the subject of a verb of harm, or its `in`/`during`
/// phrase ("an Israeli strike killed …", "killed in an Israeli strike"), happened.
fn happened(ctx: &Ctx<'_>, p: &Predication) -> bool {
    ctx.a.preds.iter().any(|q| {
        q.kind == PredKind::Verb
            && q.polarity == Polarity::Affirmed
            && ctx.a.args_of(q).iter().any(|x| {
                let slot = match &x.role {
                    Role::Agent => true,
                    Role::Obl(prep) => matches!(prep.as_str(), "in" | "during" | "by"),
                    _ => false,
                };
                slot && matches!(x.filler, Filler::Phrase { node, .. } if node == p.scope)
            })
            && ctx
                .en
                .has_class(ctx.tree.word(q.head).unwrap_or(""), VerbClass::Effect)
    })
}

/// The actors this sentence named, for later sentences: every coded mention, marked subject
/// when it is the agent of a predication.
fn named(ctx: &Ctx<'_>, text: &str) -> Vec<Entity> {
    let agents: Vec<(u32, u32)> = ctx
        .a
        .args
        .iter()
        .filter(|x| x.role == Role::Agent)
        .filter_map(|x| match x.filler {
            Filler::Phrase { lo, hi, .. } => Some((lo, hi)),
            Filler::Pred(_) => None,
        })
        .collect();
    let mut out = Vec::new();
    for m in ctx.mentions.iter().filter(|m| m.level >= 2) {
        let subject = agents
            .iter()
            .any(|&(lo, hi)| m.lo >= lo && m.hi <= hi && m.lo == lo);
        for code in m.codes.iter().filter(|c| real_code(c)) {
            out.push(Entity {
                code: code.clone(),
                person: m.person,
                subject,
                sentence: ctx.discourse.sentence,
                text: m
                    .span
                    .and_then(|sp| sp.slice(text))
                    .unwrap_or_default()
                    .to_string(),
                span: m.span,
            });
        }
    }
    out
}

/// A code that names an actor with a country or organisation (not `---`, not a quoted new
/// actor).
fn real_code(c: &str) -> bool {
    !c.starts_with("---") && !c.starts_with('"')
}

/// A country-less agent code in a definite description ("the ministry" `---GOV`): the code
/// with the country of the actor the discourse gives, and where that was named.
fn fill_country(ctx: &Ctx<'_>, code: &str, span: Option<Span>) -> Option<(String, Antecedent)> {
    let rest = code.strip_prefix("---")?;
    if rest.is_empty() {
        return None;
    }
    let first = span.and_then(|sp| ctx.tree_text_first_word(sp))?;
    // `to_lowercase() == "the"`: no other character lower-cases to t, h or e.
    if !first.eq_ignore_ascii_case("the") {
        return None;
    }
    let e = ctx.discourse.country_for(code, ctx.policy)?;
    Some((format!("{}{rest}", e.code.get(..3)?), antecedent(e)))
}

fn antecedent(e: &Entity) -> Antecedent {
    Antecedent {
        role: String::new(),
        sentence: e.sentence,
        text: e.text.clone(),
        span: e.span,
    }
}

impl Ctx<'_> {
    /// The first word (as written) of the leaves a byte span covers.
    fn tree_text_first_word(&self, span: Span) -> Option<&str> {
        self.tree
            .leaves()
            .find(|&l| self.tree.span(l).is_some_and(|s| s.start >= span.start))
            .map(|l| self.tree.word(l).unwrap_or(""))
    }
}

fn country(code: &str) -> &str {
    code.get(..3).unwrap_or(code)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Asserted,
    Intent,
}

/// How a predication is framed, or `None` when it codes nothing of its own.
fn mode_of(tree: &Tree, a: &Analysis, p: &Predication, en: &english::English) -> Option<Mode> {
    let mut mode = match p.modality {
        Modality::Asserted => Mode::Asserted,
        Modality::Future => Mode::Intent,
        Modality::Possible | Modality::Obligation => return None,
    };
    if let Some((j, link)) = p.under {
        let q = a.preds.get(j as usize)?;
        let qword = tree.word(q.head).unwrap_or("");
        match link {
            Link::Deny => return None,
            Link::Control => {
                if en.has_class(qword, VerbClass::ObjectControl) || q.particle.is_some() {
                    return None;
                }
                if en.has_class(qword, VerbClass::Intent) {
                    mode = Mode::Intent;
                } else if !en.has_class(qword, VerbClass::Aspect) {
                    return None; // "refused to", "threatened to", "tried to": the verb codes it
                }
                if q.polarity == Polarity::Negated {
                    return None;
                }
            }
            // "accused X of arming Y", "talks on restoring ties", "said … would": what the
            // governing verb is about, not an event reported as done.
            Link::Complement => return None,
            _ => {}
        }
    }
    Some(mode)
}

/// A verb's own code from the verb dictionary (patterns are the pattern coder's business).
fn verb_code<'c>(
    coder: &'c Coder<'_>,
    tree: &Tree,
    p: &Predication,
) -> Option<(&'c str, &'c Origin)> {
    let verbs = &coder.dictionaries().verbs;
    let word = tree.word(p.head)?;
    let r = verbs
        .forms_of(word)
        .iter()
        .find(|r| verbs.form(**r).is_some_and(|f| f.words.len() == 1))?;
    let entry = verbs.verb(r.verb)?;
    match verbs.code_of(r.verb) {
        Some(VerbCode::Event(c)) => Some((c.code.as_str(), &entry.origin)),
        _ => None,
    }
}

/// The mention that a phrase filler stands for: the leftmost coded mention inside it (one that
/// comma-clause deletion kept, on a tie), else a coded mention around it (a modifier inside a
/// noun phrase). Deleted mentions count: the predicate layer, not comma rules, decides here.
fn mention_for(mentions: &[Mention], lo: u32, hi: u32) -> Option<&Mention> {
    let coded = |m: &&Mention| m.level >= 2;
    let inside = || {
        mentions
            .iter()
            .filter(coded)
            .filter(move |m| m.lo >= lo && m.hi <= hi)
    };
    // One with a country or organisation first: "a school … in Gaza City" is Gaza City.
    inside()
        .filter(|m| m.codes.iter().any(|c| real_code(c)))
        .min_by_key(|m| (m.lo, m.deleted, u32::MAX - m.hi))
        .or_else(|| inside().min_by_key(|m| (m.lo, m.deleted, u32::MAX - m.hi)))
        .or_else(|| {
            mentions
                .iter()
                .filter(coded)
                .filter(|m| m.lo <= lo && m.hi >= hi)
                .max_by_key(|m| m.lo)
        })
}

/// Node → the leaf range it covers (pre-order storage: fold children into parents backwards).
fn leaf_ranges(tree: &Tree) -> Vec<(u32, u32)> {
    let mut out = vec![(u32::MAX, 0u32); tree.len()];
    let mut leaf = 0u32;
    for id in tree.nodes() {
        if tree.is_leaf(id) {
            out[id.index()] = (leaf, leaf + 1);
            leaf += 1;
        }
    }
    for i in (0..tree.len()).rev() {
        if let Some(p) = tree.parent(demarche_model::NodeId(i as u32)) {
            let (lo, hi) = out[i];
            let q = &mut out[p.index()];
            *q = (q.0.min(lo), q.1.max(hi));
        }
    }
    out
}

/// The head noun phrase of a phrase: "the group" in "the group of trying to rebuild …",
/// "Putin" in "Putin, who met Xi, …".
fn head_range(ctx: &Ctx<'_>, node: demarche_model::NodeId, lo: u32, hi: u32) -> (u32, u32) {
    let mut cur = node;
    while let Some(&first) = ctx.tree.children(cur).first() {
        if ctx.tree.is_leaf(first) || !ctx.tree.label(first).starts_with("NP") {
            break;
        }
        cur = first;
    }
    match ctx.range.get(cur.index()) {
        Some(&(a, b)) if a >= lo && b <= hi && a < b => (a, b),
        _ => (lo, hi),
    }
}

/// The side a filler names: its head's mention's codes (a country-less description takes
/// the discourse's country), else what its head stands for as an anaphor, else a mention
/// elsewhere in the phrase. `p` is the predication it fills, for "it" in a reported clause.
fn side(ctx: &Ctx<'_>, p: &Predication, f: &Filler) -> Option<Side> {
    let Filler::Phrase { node, lo, hi } = *f else {
        return None;
    };
    let (hlo, hhi) = head_range(ctx, node, lo, hi);
    if (hlo, hhi) != (lo, hi) {
        let head = Filler::Phrase {
            node,
            lo: hlo,
            hi: hhi,
        };
        if let Some(s) = side_in(ctx, p, &head) {
            return Some(s);
        }
    }
    side_in(ctx, p, f)
}

fn side_in(ctx: &Ctx<'_>, p: &Predication, f: &Filler) -> Option<Side> {
    let Filler::Phrase { lo, hi, .. } = *f else {
        return None;
    };
    if let Some(m) = mention_for(ctx.mentions, lo, hi) {
        let mut out = Side {
            codes: Vec::new(),
            span: m.span,
            rules: m.rules.clone(),
            antecedents: Vec::new(),
        };
        for c in &m.codes {
            if real_code(c) {
                out.codes.push(c.clone());
            } else if let Some((filled, ante)) = fill_country(ctx, c, m.span) {
                out.codes.push(filled);
                out.antecedents.push(ante);
            }
        }
        if !out.codes.is_empty() {
            return Some(out);
        }
    }
    anaphor_side(ctx, p, lo, hi)
}

/// "he", "it", "the two sides", "the group": the actors the discourse gives.
fn anaphor_side(ctx: &Ctx<'_>, p: &Predication, lo: u32, hi: u32) -> Option<Side> {
    let lower: Vec<String> = ctx
        .tree
        .leaves()
        .skip(lo as usize)
        .take((hi as usize).checked_sub(lo as usize)?)
        .map(|l| ctx.tree.word(l).unwrap_or("").to_lowercase())
        .collect();
    if lower.len() != (hi - lo) as usize {
        return None; // the range runs past the last leaf
    }
    let words: Vec<&str> = lower.iter().map(String::as_str).collect();
    let kind = ctx.en.anaphor(&words)?;
    let span = ctx
        .tree
        .leaves()
        .nth(lo as usize)
        .and_then(|l| ctx.tree.span(l))
        .zip(
            ctx.tree
                .leaves()
                .nth(hi as usize - 1)
                .and_then(|l| ctx.tree.span(l)),
        )
        .map(|(a, b)| Span::new(a.start, b.end));
    // "Pakistan said it would …": the reporter, in its own sentence.
    if kind == Anaphor::Thing
        && let Some((j, Link::Report | Link::Control)) = p.under
        && let Some(q) = ctx.a.preds.get(j as usize)
        && let Some(agent) = ctx.a.arg(q, &Role::Agent)
        && let Filler::Phrase { lo: alo, .. } = agent.filler
        && alo < lo
        && let Some(mut s) = side(ctx, q, &agent.filler)
    {
        s.span = span;
        return Some(s);
    }
    let found = ctx.discourse.resolve(kind, ctx.policy);
    if found.is_empty() || kind == Anaphor::Pair && found.len() < 2 {
        return None;
    }
    Some(Side {
        codes: found.iter().map(|e| e.code.clone()).collect(),
        span,
        rules: Vec::new(),
        antecedents: found.iter().map(|e| antecedent(e)).collect(),
    })
}

/// The agent: the agent argument (or the agent of the event noun it names), a frame's source
/// prepositions, or — for a passive with none — the agent of an event noun in an `in`,
/// `during` or `by` phrase.
fn agent_side(ctx: &Ctx<'_>, p: &Predication, frame: Option<&NounFrame>) -> Option<Side> {
    let a = ctx.a;
    let args = a.args_of(p);
    if let Some(arg) = args.iter().find(|x| x.role == Role::Agent) {
        if let Filler::Phrase { node, .. } = arg.filler
            && let Some(n) = a.noun_at(node).and_then(|i| a.preds.get(i as usize))
            && n.kind == PredKind::Noun
        {
            return a.arg(n, &Role::Agent).and_then(|x| side(ctx, n, &x.filler));
        }
        if let Some(s) = side(ctx, p, &arg.filler) {
            return Some(s);
        }
    }
    if let Some(f) = frame {
        for x in args {
            if let Role::Obl(prep) = &x.role
                && f.source.iter().any(|s| s == prep)
                && let Some(s) = side(ctx, p, &x.filler)
            {
                return Some(s);
            }
        }
    }
    if p.voice == Voice::Passive {
        for x in args {
            if let Role::Obl(prep) = &x.role
                && matches!(prep.as_str(), "in" | "during" | "by")
                && let Filler::Phrase { node, .. } = x.filler
                && let Some(n) = a.noun_at(node).and_then(|i| a.preds.get(i as usize))
                && let Some(ag) = a.arg(n, &Role::Agent)
            {
                return side(ctx, n, &ag.filler);
            }
        }
    }
    None
}

/// The target, with rule `domestic-place`: a target with no country ("civilians", "one
/// person") takes the country of the place the event happened ("in the southern Lebanese
/// town of …"); with none, there is no target.
fn target_side(ctx: &Ctx<'_>, p: &Predication, frame: Option<&NounFrame>) -> Option<Side> {
    if let Some(t) = direct_target(ctx, p, frame) {
        return Some(t);
    }
    let place = place_country(ctx, p)?;
    let (lo, hi) = target_filler(ctx, p, frame)?;
    let m = mention_for(ctx.mentions, lo, hi)?;
    let codes: Vec<String> = m
        .codes
        .iter()
        .filter_map(|c| c.strip_prefix("---").filter(|r| !r.is_empty()))
        .map(|rest| format!("{place}{rest}"))
        .collect();
    (!codes.is_empty()).then(|| Side {
        codes,
        span: m.span,
        rules: m.rules.clone(),
        antecedents: Vec::new(),
    })
}

/// The leaf range of the phrase that would be the target.
fn target_filler(ctx: &Ctx<'_>, p: &Predication, frame: Option<&NounFrame>) -> Option<(u32, u32)> {
    let args = ctx.a.args_of(p);
    let pick = |x: &demarche_predicates::Arg| match x.filler {
        Filler::Phrase { lo, hi, .. } => Some((lo, hi)),
        Filler::Pred(_) => None,
    };
    if let Some(x) = args.iter().find(|x| x.role == Role::Patient) {
        return pick(x);
    }
    let preps: Vec<&str> = match frame {
        Some(f) => f.target.iter().map(String::as_str).collect(),
        None => VERB_TARGET_PREPS.to_vec(),
    };
    args.iter()
        .find(|x| matches!(&x.role, Role::Obl(prep) if preps.contains(&prep.as_str())))
        .and_then(pick)
}

/// The country of the place a predication (or the verb whose argument it is) happened in.
fn place_country(ctx: &Ctx<'_>, p: &Predication) -> Option<String> {
    let host = ctx.a.preds.iter().find(|q| {
        q.kind == PredKind::Verb
            && ctx
                .a
                .args_of(q)
                .iter()
                .any(|x| matches!(x.filler, Filler::Phrase { node, .. } if node == p.scope))
    });
    [Some(p), host].into_iter().flatten().find_map(|q| {
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

/// The target named directly: a noun frame's patient or target prepositions; a verb's
/// patient, else one of the usual target prepositions.
fn direct_target(ctx: &Ctx<'_>, p: &Predication, frame: Option<&NounFrame>) -> Option<Side> {
    let args = ctx.a.args_of(p);
    let by_prep = |preps: &[&str]| {
        args.iter().find_map(|x| match &x.role {
            Role::Obl(prep) if preps.contains(&prep.as_str()) => side(ctx, p, &x.filler),
            _ => None,
        })
    };
    match frame {
        // An elicited event is aimed at the support verb's subject ("drew condemnation").
        Some(f) => match args.iter().find(|x| x.role == Role::Patient) {
            Some(x) => side(ctx, p, &x.filler),
            None => {
                let preps: Vec<&str> = f.target.iter().map(String::as_str).collect();
                by_prep(&preps)
            }
        },
        // An uncoded object is still the target ("accused them of …"): no fallback then.
        None => match args.iter().find(|x| x.role == Role::Patient) {
            Some(x) => side(ctx, p, &x.filler),
            None => by_prep(&VERB_TARGET_PREPS),
        },
    }
}

fn comitative(ctx: &Ctx<'_>, p: &Predication, frame: Option<&NounFrame>) -> Option<Side> {
    if frame.is_some_and(|f| f.target.iter().any(|t| t == "with")) {
        return None;
    }
    ctx.a.args_of(p).iter().find_map(|x| match &x.role {
        Role::Obl(prep) if prep == "with" => side(ctx, p, &x.filler),
        _ => None,
    })
}

/// The verb (with its support verb, for an event noun) as evidence.
fn evidence_span(tree: &Tree, p: &Predication) -> Option<Span> {
    let head = tree.span(p.head)?;
    match p.support.and_then(|s| tree.span(s)) {
        Some(s) if s.start < head.start => Some(Span::new(s.start, head.end)),
        _ => Some(head),
    }
}

fn overlap(a: Option<Span>, b: Option<Span>) -> bool {
    a.zip(b)
        .is_some_and(|(x, y)| x.start < y.end && y.start < x.end)
}

/// Where an event goes: `Some(Some(i))` replaces the pattern coder's event `i` (it read a
/// passive backwards), `Some(None)` adds it, `None` drops it (the pattern coder already coded
/// this verb, or the same event is there). `ev` is its (source, target, code).
fn merge_slot(
    events: &[CodedEvent],
    legacy: usize,
    ev: (&str, &str, &str),
    verb_span: Option<Span>,
    passive: bool,
) -> Option<Option<usize>> {
    let (source, target, code) = ev;
    let overlaps = |e: &CodedEvent| {
        e.verb_span
            .zip(verb_span)
            .is_some_and(|(x, y)| x.start < y.end && y.start < x.end)
    };
    if let Some(i) = events[..legacy].iter().position(overlaps) {
        let reversed = country(&events[i].source) == country(target)
            && country(&events[i].target) == country(source);
        if passive && reversed {
            return Some(Some(i));
        }
        // The same act between other partners (the other way of a joint act, a comitative, a
        // coordinated actor the patterns missed) is added; another reading of the act is not.
        let same_root = events[i].code.get(..2) == code.get(..2);
        let new_dyad = !events[..legacy].iter().filter(|e| overlaps(e)).any(|e| {
            country(&e.source) == country(source) && country(&e.target) == country(target)
        });
        if !(same_root && new_dyad) {
            return None;
        }
    }
    let same = |e: &CodedEvent| {
        e.source == source && e.target == target && e.code.get(..2) == code.get(..2)
    };
    (!events.iter().any(same)).then_some(None)
}
