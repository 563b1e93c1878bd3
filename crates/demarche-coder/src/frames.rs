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
use crate::legacy::{Coder, Mention};
use demarche_dict::VerbCode;
use demarche_dict::frames::{FrameSet, NounFrame};
use demarche_model::{RuleRef, Span, Tree};
use demarche_predicates::{
    Analysis, Filler, Link, Modality, Polarity, PredKind, PredicateLexicon, Predication, Role,
    Voice, analyze,
};
use demarche_text::english::{self, VerbClass};

/// The frames as the predicate layer's lexicon.
struct FrameLex<'a>(&'a FrameSet);

impl PredicateLexicon for FrameLex<'_> {
    fn event_noun(&self, words: &[&str]) -> Option<(usize, u32)> {
        self.0.event_noun(words)
    }
    fn is_support(&self, lemma: &str, particle: Option<&str>) -> bool {
        self.0.is_support(lemma, particle)
    }
}

/// Prepositions whose object is a verb's target when it has no coded object.
const VERB_TARGET_PREPS: [&str; 5] = ["against", "at", "on", "with", "to"];

/// The predications of a tree, for `explain`.
pub(crate) fn analysis(coder: &Coder<'_>, tree: &Tree) -> Analysis {
    analyze(tree, &FrameLex(&coder.dictionaries().frames))
}

/// One side of an event: codes with the mention they came from.
struct Side<'m> {
    codes: Vec<&'m str>,
    mention: &'m Mention,
}

/// Codes the predications of one sentence and merges them into `events`.
pub(crate) fn code_predications(
    coder: &Coder<'_>,
    tree: &Tree,
    a: &Analysis,
    mentions: &[Mention],
    events: &mut Vec<CodedEvent>,
) {
    let dicts = coder.dictionaries();
    let en = english::get();
    let legacy = events.len();
    for p in &a.preds {
        if p.absorbed || p.polarity == Polarity::Negated {
            continue;
        }
        let Some(mode) = mode_of(tree, a, p, en) else {
            continue;
        };
        let (code, frame, rule) = match p.kind {
            PredKind::Noun => {
                if p.support.is_none() {
                    continue;
                }
                let Some(f) = dicts.frames.frame_for(p.noun, p.support_lemma.as_deref()) else {
                    continue;
                };
                (f.code.clone(), Some(f), f.origin.rule_ref())
            }
            PredKind::Verb => match verb_code(coder, tree, p) {
                Some(c) => c,
                None => continue,
            },
        };
        // Statements are the pattern coder's (with reported speech it keeps or drops them).
        if dicts.policy.is_statement(&code) {
            continue;
        }
        let code = if mode == Mode::Intent {
            let intent = dicts.policy.intent_code(&code);
            if intent == code {
                continue;
            }
            intent.to_string()
        } else {
            code
        };
        let Some(source) = agent_side(a, p, frame, mentions) else {
            continue;
        };
        let target = target_side(a, p, frame, mentions);
        let span = evidence_span(tree, p);
        let mut pairs: Vec<(&str, &Mention, &str, &Mention)> = Vec::new();
        match &target {
            Some(t) => {
                let joint = frame.is_some_and(|f| f.joint);
                for s in &source.codes {
                    for tc in &t.codes {
                        pairs.push((s, source.mention, tc, t.mention));
                        if joint {
                            pairs.push((tc, t.mention, s, source.mention));
                        }
                    }
                }
                // Comitative: "with B" acts too, when B is not the target.
                if let Some(w) = comitative(a, p, frame, mentions) {
                    for s in &w.codes {
                        for tc in &t.codes {
                            pairs.push((s, w.mention, tc, t.mention));
                        }
                    }
                }
            }
            None if frame.is_some_and(|f| f.joint) && source.codes.len() > 1 => {
                for x in &source.codes {
                    for y in &source.codes {
                        pairs.push((x, source.mention, y, source.mention));
                    }
                }
            }
            None => {}
        }
        for (s, sm, t, tm) in pairs {
            if s == t {
                continue;
            }
            let mut rules = vec![rule.clone()];
            rules.extend(sm.rules.iter().cloned());
            rules.extend(tm.rules.iter().cloned());
            let ev = CodedEvent {
                source: s.to_string(),
                target: t.to_string(),
                code: code.clone(),
                source_span: sm.span,
                target_span: tm.span,
                verb_span: span,
                rules,
            };
            merge(events, legacy, ev, p.voice == Voice::Passive);
        }
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
fn verb_code(
    coder: &Coder<'_>,
    tree: &Tree,
    p: &Predication,
) -> Option<(String, Option<&'static NounFrame>, RuleRef)> {
    let verbs = &coder.dictionaries().verbs;
    let word = tree.word(p.head)?;
    for r in verbs.forms_of(word) {
        let form = verbs.form(*r)?;
        if form.words.len() != 1 {
            continue;
        }
        let entry = verbs.verb(r.verb)?;
        if let Some(VerbCode::Event(c)) = verbs.code_of(r.verb) {
            return Some((c.code.clone(), None, entry.origin.rule_ref()));
        }
        return None;
    }
    None
}

/// The mention that a phrase filler stands for: the leftmost coded mention inside it (one that
/// comma-clause deletion kept, on a tie), else a coded mention around it (a modifier inside a
/// noun phrase). Deleted mentions count: the predicate layer, not comma rules, decides here.
fn mention_for(mentions: &[Mention], lo: u32, hi: u32) -> Option<&Mention> {
    let coded = |m: &&Mention| m.level >= 2;
    mentions
        .iter()
        .filter(coded)
        .filter(|m| m.lo >= lo && m.hi <= hi)
        .min_by_key(|m| (m.lo, m.deleted, u32::MAX - m.hi))
        .or_else(|| {
            mentions
                .iter()
                .filter(coded)
                .filter(|m| m.lo <= lo && m.hi >= hi)
                .max_by_key(|m| m.lo)
        })
}

fn side<'m>(mentions: &'m [Mention], f: &Filler) -> Option<Side<'m>> {
    let Filler::Phrase { lo, hi, .. } = *f else {
        return None;
    };
    let m = mention_for(mentions, lo, hi)?;
    let codes: Vec<&str> = m
        .codes
        .iter()
        .map(String::as_str)
        .filter(|c| *c != "---" && !c.starts_with('"'))
        .collect();
    (!codes.is_empty()).then_some(Side { codes, mention: m })
}

/// The agent: the agent argument (or the agent of the event noun it names), a frame's source
/// prepositions, or — for a passive with none — the agent of an event noun in an `in`,
/// `during` or `by` phrase.
fn agent_side<'m>(
    a: &Analysis,
    p: &Predication,
    frame: Option<&NounFrame>,
    mentions: &'m [Mention],
) -> Option<Side<'m>> {
    let args = a.args_of(p);
    if let Some(arg) = args.iter().find(|x| x.role == Role::Agent) {
        if let Filler::Phrase { node, .. } = arg.filler
            && let Some(n) = a.noun_at(node).and_then(|i| a.preds.get(i as usize))
            && n.kind == PredKind::Noun
        {
            return a
                .arg(n, &Role::Agent)
                .and_then(|x| side(mentions, &x.filler));
        }
        if let Some(s) = side(mentions, &arg.filler) {
            return Some(s);
        }
    }
    if let Some(f) = frame {
        for x in args {
            if let Role::Obl(prep) = &x.role
                && f.source.iter().any(|s| s == prep)
                && let Some(s) = side(mentions, &x.filler)
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
                return side(mentions, &ag.filler);
            }
        }
    }
    None
}

/// The target: a noun frame's target prepositions; a verb's patient, else one of the usual
/// target prepositions.
fn target_side<'m>(
    a: &Analysis,
    p: &Predication,
    frame: Option<&NounFrame>,
    mentions: &'m [Mention],
) -> Option<Side<'m>> {
    let args = a.args_of(p);
    let by_prep = |preps: &[&str]| {
        args.iter().find_map(|x| match &x.role {
            Role::Obl(prep) if preps.contains(&prep.as_str()) => side(mentions, &x.filler),
            _ => None,
        })
    };
    match frame {
        Some(f) => {
            let preps: Vec<&str> = f.target.iter().map(String::as_str).collect();
            by_prep(&preps)
        }
        // An uncoded object is still the target ("accused them of …"): no fallback then.
        None => match args.iter().find(|x| x.role == Role::Patient) {
            Some(x) => side(mentions, &x.filler),
            None => by_prep(&VERB_TARGET_PREPS),
        },
    }
}

fn comitative<'m>(
    a: &Analysis,
    p: &Predication,
    frame: Option<&NounFrame>,
    mentions: &'m [Mention],
) -> Option<Side<'m>> {
    if frame.is_some_and(|f| f.target.iter().any(|t| t == "with")) {
        return None;
    }
    if frame.is_none() && a.arg(p, &Role::Patient).is_none() {
        return None; // "with" may be the verb's target ("clashed with")
    }
    a.args_of(p).iter().find_map(|x| match &x.role {
        Role::Obl(prep) if prep == "with" => side(mentions, &x.filler),
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

/// Adds an event unless the pattern coder already coded this verb; replaces its event when it
/// read a passive backwards.
fn merge(events: &mut Vec<CodedEvent>, legacy: usize, ev: CodedEvent, passive: bool) {
    let overlaps = |e: &CodedEvent| {
        e.verb_span
            .zip(ev.verb_span)
            .is_some_and(|(x, y)| x.start < y.end && y.start < x.end)
    };
    if let Some(i) = events[..legacy].iter().position(overlaps) {
        let reversed = country(&events[i].source) == country(&ev.target)
            && country(&events[i].target) == country(&ev.source);
        if passive && reversed {
            events[i] = ev;
        }
        return;
    }
    let same = |e: &CodedEvent| {
        e.source == ev.source && e.target == ev.target && e.code.get(..2) == ev.code.get(..2)
    };
    if !events.iter().any(same) {
        events.push(ev);
    }
}
