//! The news reading on the predicate layer: every predication of the sentence
//! ([`demarche_predicates`]) is coded from its deep roles — event nouns through the frames of
//! `dictionaries/frames/`, verbs through their verb-dictionary entry — and merged with what the
//! pattern coder found.
//!
//! General rules, each a named unit with a fixture in `tests/frames.rs` (`sides.rs` finds who;
//! `answers.rs` holds the rules that answer one clause or event with another — `consequence`,
//! `retort`, `deed-back`, `naming`, `mutual`, `brokered`, `partner`, `apposed`, `accord`;
//! `happened.rs` whether an event noun happened — `effect`, `aspect`, `answered`;
//! `occasion.rs` whose a meeting or visit named as a clause's occasion is — `occasion`;
//! `setting.rs` where a sentence is set — `setting-home`, `fronted-place`;
//! `refer.rs` references within the sentence — `including`, `topic`, `norm`, `discussed`,
//! `home-crowd`, `departure`, `sentence-country`, `origin`, `reporter-own` for the layer's
//! doers; `counterpart.rs` — `counterpart`, early and late; `mode.rs` — `open-question`;
//! `comitative.rs` — `comitative`, `frontier`; `pairs.rs` which two a pair is — `between`,
//! `onset`, `pair-before`, `met-pair`; `same.rs` — `same-act`;
//! `prune.rs`
//! removes the pattern events the layer reads better before it codes — `clause-target`,
//! `setting`, a support verb's own code, passives read backwards; `merge.rs` places the
//! layer's events among the pattern coder's; this file decides what is coded):
//! - `fronted`: an event noun in the phrase that opens the sentence is the subject's deed.
//! - `partner`: a meeting or call "with" an actor is with that actor, whatever a pattern took.
//! - `own-country`: a pattern event between a country and its own agents is dropped unless
//!   it is force, coercion or protest (`inward`); so is a statement between two of its agents.
//! - `clause-target`: a pattern's target inside a participial clause of its verb is dropped.
//! - `negated`: a negated or denied act, or the infinitive of "fail to", codes nothing, and
//!   removes what a pattern coded at its verb.
//! - `intent`: under `will`/`would` or an intention verb ("agreed to") an act codes the
//!   intention `policy.txt`'s `intent` rule gives for its root, or nothing; `may`/`might`/
//!   `should`, object control ("urged Y to …"), complements ("accused X of arming Y") code
//!   nothing themselves (the governing verb does); aspect verbs ("continued to") pass through.
//! - `support`: an event noun codes as the object of a support verb ("carried out strikes on",
//!   "drew condemnation from"), or — rule `effect` — as the subject or `in` phrase of a verb of
//!   harm ("an Israeli strike killed …").
//! - `harm`: a verb of harm with no code of its own codes `policy.txt`'s `harm` code.
//! - `statement`: statements are the pattern coder's; one whose reported clause coded an event
//!   here is dropped.
//! - `addressee` (in `sides.rs`): a reported act with no target is aimed at the verb of saying's
//!   addressee; `domestic-place`: a country-less target takes the country of the place;
//!   `event-agent`: an agent that is an event stands for that event's agent; `comitative`: a
//!   `with` actor that is not the target acts too; pronouns, pairs, "the group" and definite
//!   descriptions resolve within the sentence, then through the [`Discourse`].
//! - `joint`: a joint frame codes both ways; a compound agent with no target, between its
//!   members, and so does a pair doing a joint act (`policy.txt` `joint`) with no target. `brokered`: talks a third party hosts between a pair are the pair's talks too. `mutual`: so does a verb whose code `policy.txt` lists as `mutual` ("met").
//! - `merge`: where the pattern coder coded the same verb, its event stands (its target is
//!   kept), except a passive it read backwards; the layer adds the same act between other
//!   partners there, and elsewhere its own events; one event per dyad and root.
//! - `object-named-before`: a pattern's target outside the verb's object yields to a bare name
//!   in the object that the document named before.
//! - `own-member`: a list acts on none of its own members, and names no deed of one of them
//!   (`answers.rs`, rule `naming`).
//! - `onset`: an event noun that is the subject of a verb with no object takes the verb's
//!   `between` phrase ("fighting erupted in April between …").
//! - `agreed-with` (in `refer.rs`): an act under a subject-control verb, naming no one, is aimed
//!   at that verb's `with` partner; `document-author`: what a statement says, its issuer says;
//!   `person-before` (in `refer.rs`): "he" after a titled person its sentence made a subject.

mod answers;
mod comitative;
mod counterpart;
mod deeds;
mod happened;
mod merge;
mod mode;
mod named;
mod occasion;
mod pairs;
mod prune;
mod refer;
mod same;
mod setting;
mod sides;
mod verb;
mod words;

use crate::CodedEvent;
use crate::discourse::{Discourse, Entity};
use crate::legacy::{Coder, Mention, OpenCode, RuleKey};
use demarche_dict::frames::FrameSet;
use demarche_dict::policy::Policy;
use demarche_model::Antecedent;
use demarche_model::{Span, Tree};
use demarche_predicates::{
    Analysis, Filler, Link, Modality, Polarity, PredKind, PredicateLexicon, Predication, Role,
    Support, Voice, analyze_into,
};
use demarche_text::english::{self, VerbClass};
use merge::{coded_event, merge_slot, overlap, place, within};
use mode::{Mode, denied, mode_of};
use pairs::{between_pair, pair_arg};
use sides::{addressee, agent_side, fill_country, fill_pronoun, real_code, target_side};
use std::borrow::Cow;
use verb::{verb_code, verb_entry};

/// The frames (and the verb dictionary's forms, for lemmas) as the predicate layer's lexicon.
struct FrameLex<'a>(&'a FrameSet, &'a demarche_dict::VerbDictionary);

impl PredicateLexicon for FrameLex<'_> {
    fn event_noun(&self, words: &[&str]) -> Option<(usize, u32)> {
        self.0.event_noun(words)
    }
    fn verb_lemma(&self, word: &str) -> Option<String> {
        let r = verb_entry(self.1, word)?;
        let base = self.1.verb(r.verb)?.forms.first()?;
        (base.words.len() == 1).then(|| base.verb().to_ascii_lowercase())
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

/// The predications of a tree into `out` (its arrays reused from sentence to sentence).
pub(crate) fn analysis_into(coder: &Coder<'_>, tree: &Tree, out: &mut Analysis) {
    let dicts = coder.dictionaries();
    analyze_into(tree, &FrameLex(&dicts.frames, &dicts.verbs), out)
}

/// One side of an event: its codes and evidence.
#[derive(Debug, Clone, Default)]
struct Side {
    codes: Vec<String>,
    span: Option<Span>,
    /// The mention's entries, turned into `RuleRef`s only for the events coded.
    rules: Vec<RuleKey>,
    /// Set when the side was named only by reference in this sentence.
    antecedents: Vec<Antecedent>,
}

impl Side {
    /// A side named by these codes, with no entries or antecedents of its own to cite.
    fn new(codes: Vec<String>, span: Option<Span>) -> Side {
        Side {
            codes,
            span,
            ..Side::default()
        }
    }
}

/// What coding one predication needs to see.
struct Ctx<'c> {
    coder: &'c Coder<'c>,
    tree: &'c Tree,
    a: &'c Analysis,
    mentions: &'c [Mention],
    discourse: &'c Discourse,
    policy: &'c Policy,
    coder_frames: &'c FrameSet,
    en: &'c english::English,
    /// Node → its leaf range (the analysis's).
    range: &'c [(u32, u32)],
    /// The sentence's text.
    text: &'c str,
}

/// Codes the predications of one sentence and merges them into `events`. Returns the actors
/// the sentence named and its acts of conflict done to no one named (rule `lone-deed`), for
/// the discourse.
pub(crate) fn code_predications(
    coder: &Coder<'_>,
    tree: &Tree,
    a: &Analysis,
    mentions: &[Mention],
    (events, open): (&mut Vec<CodedEvent>, &[OpenCode]),
    discourse: &Discourse,
    text: &str,
) -> (Vec<Entity>, Vec<(String, String)>) {
    let dicts = coder.dictionaries();
    let ctx = Ctx {
        coder,
        tree,
        a,
        mentions,
        discourse,
        policy: &dicts.policy,
        coder_frames: &dicts.frames,
        en: english::get(),
        range: &a.ranges,
        text,
    };
    // Rule `negated`: a negated or denied act ("did not attack", "failed to force", "denied
    // that it had shelled") codes nothing, whatever a pattern matched.
    // Rule `open-question` too: "did not say whether Russia had attacked".
    let unasserted = |p: &Predication| denied(&ctx, p) || mode::in_question(tree, p, ctx.en);
    for p in a.preds.iter().filter(|p| !p.absorbed && unasserted(p)) {
        let span = evidence_span(tree, p);
        events.retain(|e| !overlap(e.verb_span, span));
    }
    prune::clause_targets(&ctx, events);
    prune::settings(&ctx, events);
    prune::venues(&ctx, events);
    prune::support_verb_codes(&ctx, events);
    prune::passives_backwards(&ctx, events);
    prune::measure_targets(&ctx, events);
    prune::participle_agents(&ctx, events);
    prune::urged_ones(&ctx, events);
    prune::compound_objects(&ctx, events);
    prune::object_relatives(&ctx, events);
    prune::question_topics(&ctx, events);
    // Pattern events that rule `partner` found doubled, removed after the loop.
    let mut dropped: Vec<usize> = Vec::new();
    // Verbs of saying whose reported clause coded an event here.
    let mut reported: Vec<Span> = Vec::new();
    // Country-less descriptions in the pattern coder's events ("the ministry") take their
    // country from the discourse.
    for e in events.iter_mut() {
        // Rule `at-home`, for a named target: a protest against "the government" is against
        // the protesters' own (`policy.txt` `at-home`), not the last government named.
        if dicts.policy.at_home(&e.code).is_some()
            && real_code(&e.source)
            && dicts.policy.is_country(country(&e.source))
            && let Some(rest) = e.target.strip_prefix("---").filter(|r| !r.is_empty())
        {
            e.target = format!("{}{rest}", country(&e.source));
            continue;
        }
        let source = e.source.clone();
        for role in ["source", "target"] {
            let (code, span) = match role {
                "source" => (&mut e.source, e.source_span),
                _ => (&mut e.target, e.target_span),
            };
            let filled = fill_country(&ctx, code, span)
                .or_else(|| fill_pronoun(&ctx, code, span).map(|(c, ante)| (c, ante, None)));
            if let Some((filled, ante, rule)) = filled {
                e.rules.extend(rule);
                // Rule `abroad`: "condemned the repression of protesters" by a foreign critic in
                // a story datelined elsewhere is of the setting's people (no antecedent named).
                match (role == "target").then(|| setting::abroad(&ctx, &source, code, &filled)) {
                    Some(Some(home)) => *code = home,
                    _ => {
                        *code = filled;
                        e.antecedents.push(Antecedent {
                            role: role.into(),
                            ..ante
                        });
                    }
                }
            } else if let Some(own) = (role == "source")
                .then(|| refer::reporter_own(&ctx, code, e.verb_span))
                .flatten()
            {
                *code = own;
            }
        }
    }
    // Rule `own-country` (below), at once for meetings: "held talks in Kabul with …" is no
    // Afghan meeting with Afghanistan, and the layer finds the partners.
    let policy = &dicts.policy;
    events.retain(|e| !(own_country(policy, e) && policy.is_mutual(&e.code)));
    let legacy = events.len();
    let mut waiting = Vec::new();
    // Acts of conflict with a doer and no target (rule `lone-deed`): (doer, code).
    let mut lone = Vec::new();
    for p in &a.preds {
        // Rule `refusal` (below): "would not ease its sanctions" is read, to be refused.
        let refused = mode::refused(&ctx, p);
        let negated = p.polarity == Polarity::Negated || refused;
        if p.absorbed || negated && p.modality != Modality::Future && !refused {
            continue;
        }
        let Some(mode) = mode_of(tree, a, p, ctx.en) else {
            continue;
        };
        let (code, frame, rule) = match p.kind {
            PredKind::Noun => {
                if p.support.is_none()
                    && !happened::happened(&ctx, p)
                    && happened::fronted_subject(&ctx, p).is_none()
                {
                    continue;
                }
                let has_prep = |prep: &str| {
                    a.args_of(p)
                        .iter()
                        .any(|x| matches!(&x.role, Role::Obl(w) if w == prep))
                };
                let support = p.support_lemma.as_deref();
                let Some(f) = dicts.frames.frame_for_args(p.noun, support, has_prep) else {
                    continue;
                };
                (f.code.as_str(), Some(f), &f.origin)
            }
            // Rule `departure`: "Mali left ECOWAS", "withdrew from the WHO" — not a retreat,
            // whatever the verb codes alone (the pattern coder's reading takes this code).
            PredKind::Verb if let Some(d) = refer::departure(&ctx, p) => {
                let span = evidence_span(tree, p);
                for e in events[..legacy].iter_mut() {
                    if overlap(e.verb_span, span) {
                        e.code.clone_from(&d.code);
                        e.rules.push(d.origin.rule_ref());
                    }
                }
                (d.code.as_str(), None, &d.origin)
            }
            // A pattern's code that found no target ("sent 40 tonnes of tents", "released 80
            // political prisoners"), before the verb's own, less specific code.
            PredKind::Verb => match refer::open_code(coder, open, evidence_span(tree, p))
                .or_else(|| verb_code(coder, tree, a, p))
            {
                Some((c, r)) => (c, None, r),
                // Rule `harm`: a verb of harm with no code of its own ("was hit by missiles").
                None => match &dicts.policy.harm {
                    Some(h) if p.classes.has(VerbClass::Effect) => {
                        (h.code.as_str(), None, &h.origin)
                    }
                    _ => continue,
                },
            },
        };
        // Statements are the pattern coder's (with reported speech it keeps or drops them);
        // a statement named by an event noun and aimed at someone is the layer's ("sent a
        // cable of condolence to", `frames/01-statement.txt`).
        if dicts.policy.is_statement(code) && p.kind == PredKind::Verb {
            continue;
        }
        let meeting = !negated && p.kind == PredKind::Verb && dicts.policy.is_mutual(code);
        if meeting {
            answers::partner(&ctx, p, events, legacy, &mut dropped);
        }
        // Rule `refusal`: a cooperative act said to be not done in the future is refused
        // (`policy.txt` `refusal`); any other act said so is no event.
        let refusal = match (negated, dicts.policy.refusal(code)) {
            (false, _) => None,
            (true, Some(r)) => Some(r),
            (true, None) => continue,
        };
        let code = if let Some(r) = refusal {
            r.code.as_str()
        } else if mode == Mode::Intent {
            let intent = dicts.policy.intent_code(code);
            if intent == code {
                continue;
            }
            intent
        } else {
            code
        };
        let mut home_from = None;
        let avenged = answers::avenged(&ctx, p, code, events);
        let Some(source) = agent_side(&ctx, p, frame)
            .or_else(|| between_pair(&ctx, p, frame))
            .or_else(|| happened::fronted_subject(&ctx, p))
            .or_else(|| refer::reported_agent(&ctx, p))
            .or_else(|| occasion::doer(&ctx, p, code))
            .or_else(|| avenged.as_ref().map(|(s, _)| s.clone()))
            .or_else(|| {
                let (s, from) = refer::home_crowd(&ctx, p)?;
                home_from = from;
                Some(s)
            })
        else {
            continue;
        };
        let span = evidence_span(tree, p);
        let source = match pairs::met_pair(&ctx, p, code, &source) {
            Some(met) => {
                // The pattern coder's reading of the pair, replaced.
                dropped.extend((0..legacy).filter(|&i| {
                    let e = &events[i];
                    overlap(e.verb_span, span) && overlap(e.source_span, source.span)
                }));
                met
            }
            None => source,
        };
        let topic = refer::discussed(&ctx, p);
        let discussed = |t: Option<Span>| topic.is_some_and(|o| within(t, o));
        // "'…,' Lebanon's prime minister said, urging Washington …": the pattern coder, which
        // drops the saying as a comma clause, gives the participle the quote's subject; the
        // speaker is its agent (rule `speaker-act`). Rule `topic`: "coordination on the
        // situation in Gaza" is not aimed at Gaza. Either drops the pattern coder's reading.
        let after_saying = matches!(p.under, Some((j, Link::Participle))
            if a.preds.get(j as usize).is_some_and(|q| q.classes.has(VerbClass::Report)));
        let speaker = |c: &str| source.codes.iter().any(|s| country(s) == country(c));
        dropped.extend((0..legacy).filter(|&i| {
            let e = &events[i];
            overlap(e.verb_span, span)
                && (after_saying && !speaker(&e.source)
                    || refer::in_topic(&ctx, e.target_span)
                    || discussed(e.target_span))
        }));
        // Where the pattern coder coded this verb, its target stands (patterns know which
        // prepositional phrase a verb aims at); the layer adds what they miss around it.
        // "lift all U.S. sanctions on Syria": a pattern that took the source's own country in
        // the object for the target (rule `own-country` drops it) names no target.
        let object = match (p.kind, ctx.a.arg(p, &Role::Patient).map(|x| x.filler)) {
            (PredKind::Noun, _) => tree.span(p.scope),
            (_, Some(Filler::Phrase { lo, hi, .. })) => ctx.leaf_span(lo, hi),
            _ => None,
        };
        // Rule `object-named-before`: a pattern's target outside the verb's object yields to the
        // object the document names ("accused Persad-Bissessar of turning her country into a
        // launch pad for Washington", the bare name the prime minister named before: patterns,
        // blind to earlier sentences, went on to Washington).
        let named_object = match ctx.a.arg(p, &Role::Patient).map(|x| x.filler) {
            Some(Filler::Phrase { lo, hi, .. })
                if p.kind == PredKind::Verb && p.voice == Voice::Active =>
            {
                refer::named_again(&ctx, lo, hi).zip(object)
            }
            _ => None,
        };
        let aside = |e: &CodedEvent| {
            named_object.as_ref().is_some_and(|(named, o)| {
                overlap(e.verb_span, span)
                    && !within(e.target_span, *o)
                    && named.codes.iter().all(|c| country(c) != country(&e.target))
            })
        };
        dropped.extend((0..legacy).filter(|&i| aside(&events[i])));
        // A pattern's target that is a pair named by reference: the layer's.
        let pair_named: Vec<usize> = (0..legacy)
            .filter(|&i| pairs::pair_named(&ctx, p, span, &events[i]))
            .collect();
        dropped.extend(&pair_named);
        let legacy_target = events[..legacy]
            .iter()
            .enumerate()
            .filter(|&(i, _)| !pair_named.contains(&i))
            .map(|(_, e)| e)
            .filter(|e| {
                p.voice == Voice::Active
                    && !aside(e)
                    && overlap(e.verb_span, span)
                    && real_code(&e.target)
                    && !(own_country(policy, e) && object.is_some_and(|o| within(e.target_span, o)))
                    && !refer::in_topic(&ctx, e.target_span)
                    && !discussed(e.target_span)
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
        // Rule `shared-object` also stands for a pattern's target that is the doer's own country.
        let shared = refer::shared_object(&ctx, p);
        let own = |t: &Side| {
            let home = |c: &String| source.codes.iter().any(|s| country(s) == country(c));
            shared.is_some() && t.codes.iter().all(home)
        };
        let named = legacy_target
            .filter(|t| !own(t))
            .or_else(|| target_side(&ctx, p, frame).filter(|t| !discussed(t.span)))
            .or_else(|| refer::origin(&ctx, p, frame))
            .or_else(|| occasion::partner(&ctx, p, code, &events[..legacy]))
            .or_else(|| addressee(&ctx, p))
            .or_else(|| refer::control_partner(&ctx, p))
            .or_else(|| refer::urged_one(&ctx, p))
            .or_else(|| avenged.map(|(_, t)| t))
            .or(shared);
        let target = match home_from {
            // Rule `home-crowd`: a crowd's act is aimed at what it names, else at home.
            Some(_) => named,
            None => named
                .or_else(|| deeds::deed_back(&ctx, p, code, &source))
                .or_else(|| deeds::co_target(&ctx, p, code, &source, events))
                .or_else(|| answers::apposed(&ctx, p, events))
                .or_else(|| (!meeting).then(|| comitative::frontier(&ctx, p)).flatten()),
        };
        // A host's or mediator's own country in its phrase is the venue, not a side ("talks in
        // Doha mediated by Qatar and Turkey").
        let third = dicts.policy.third_party(code);
        let target = target.filter(|t| {
            third.is_none()
                || !t.codes.iter().any(|c| {
                    let c = country(c);
                    source.codes.iter().any(|s| country(s) == c)
                })
        });
        let at_home = dicts.policy.at_home(code);
        // Rule `home-curb`: a curfew or martial law with no target is aimed at the doer's own
        // people (`policy.txt` `home-curb`).
        let curb = dicts.policy.home_curb(code);
        let home_rule = at_home.or(curb);
        // A protest whose only target is the doer's own country itself (a place: "took to the
        // streets of Tbilisi") names no target: it is aimed at home (rule `at-home`).
        let target = target.filter(|t| {
            at_home.is_none()
                || !t
                    .codes
                    .iter()
                    .all(|c| c.len() == 3 && source.codes.iter().any(|s| country(s) == c.as_str()))
        });
        let third = match target {
            None => third,
            Some(_) => None,
        };
        let target = target
            .or_else(|| third.and_then(|_| answers::third_party(&ctx, p, &source)))
            .or_else(|| {
                (mode == Mode::Intent)
                    .then(|| sides::condition(&ctx, p))
                    .flatten()
            })
            .or_else(|| at_home.and_then(|_| sides::purpose(&ctx, p)))
            .or_else(|| {
                let start = span.map_or(0, |s| s.start);
                counterpart::counterpart(&ctx, p, code, &source, events, start)
            });
        // Unless what they act against is an armed group of that country ("security forces
        // killed 11 militants of the Pakistani Taliban"): rebels are at home too.
        if home_from.is_some()
            && target.as_ref().is_some_and(|t| {
                overlap(t.span, home_from) && !t.codes.iter().all(|c| policy.is_armed_group(c))
            })
        {
            continue;
        }
        // Rule `at-home`: a protest with no target is aimed at the doer's own government.
        let home = match (&target, home_rule) {
            (None, Some(agent)) => {
                let codes: Vec<String> = source
                    .codes
                    .iter()
                    .filter(|c| real_code(c) && ctx.policy.is_country(country(c)))
                    .map(|c| format!("{}{}", country(c), agent.code))
                    .collect();
                Some(Side::new(codes, None))
            }
            _ => None,
        };
        let controller = match p.under {
            Some((j, Link::Control)) => {
                a.preds.get(j as usize).and_then(|g| evidence_span(tree, g))
            }
            _ => None,
        };
        // Rule `setting`: aid with no recipient goes to the dateline's country.
        let setting = (target.is_none() && home.is_none())
            .then(|| refer::setting(&ctx, code, &source))
            .flatten();
        let (target, setting) = match setting {
            Some((side, rule)) => (Some(side), Some(rule)),
            None => (target, None),
        };
        let mut pairs: Vec<(&str, &Side, &str, &Side)> = Vec::new();
        let allied = target
            .is_none()
            .then(|| refer::allied(&ctx, code, &source, &events[..legacy], span))
            .flatten();
        let code = allied.map_or(code, |a| a.code.as_str());
        let joint = frame.is_some_and(|f| f.joint) && refusal.is_none() || allied.is_some();
        // A meeting's "with" phrases are its partners (rule `partner`), not co-agents.
        let with = match &target {
            Some(t) if !meeting => {
                comitative::comitative(&ctx, p, frame).filter(|w| w.span != t.span)
            }
            _ => None,
        };
        match &target {
            Some(t) => {
                // Rule `own-member`: a list does not act on one of its own members ("The three
                // governments called the downing a hostile act": no one of them at another).
                // Rule `reciprocal`: "each other" is the agent's members, each to the other
                // ("Armenia and Azerbaijan accused each other of …"): the side is the agent's.
                let reciprocal = t.span.is_some() && t.span == source.span;
                let member = |tc: &str| {
                    source.codes.len() > 1
                        && !joint
                        && !reciprocal
                        && source.codes.iter().any(|s| country(s) == country(tc))
                };
                for sc in &source.codes {
                    for tc in t.codes.iter().filter(|tc| !member(tc)) {
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
            // A pair doing a joint act (`policy.txt` `joint`) with no target does it each to
            // the other ("The two sides agreed to a ceasefire"); co-mediators do not mediate
            // between themselves (`third-party`, not `mutual`: "brokered by Egypt and Qatar").
            // A visit is made to a host, never among the visitors ("migrants from A, B and C
            // arrived at the border").
            None if (joint || meeting || dicts.policy.is_joint(code))
                && !dicts.policy.is_visit(code)
                && source.codes.len() > 1
                && (dicts.policy.third_party(code).is_none() || dicts.policy.is_mutual(code))
                && !refer::elsewhere(&ctx, p, code, &source) =>
            {
                for x in &source.codes {
                    for y in &source.codes {
                        pairs.push((x, &source, y, &source));
                    }
                }
            }
            None => {
                if let Some(h) = &home {
                    for sc in &source.codes {
                        for tc in h.codes.iter().filter(|tc| country(tc) == country(sc)) {
                            pairs.push((sc, &source, tc, h));
                        }
                    }
                }
            }
        }
        // Rule `lone-deed`: an act of conflict done to no one named ("seized a cargo ship") is
        // still a deed a later "condemned the seizure" answers (rule `deed-back`).
        if pairs.is_empty() && target.is_none() && mode == Mode::Asserted && !negated {
            let doer = source.codes.iter().find(|c| real_code(c));
            if let Some(doer) = doer.filter(|_| crate::discourse::is_conflict(code)) {
                lone.push((doer.clone(), code.to_string()));
            }
        }
        if pairs.is_empty() && target.is_none() && policy.seeks_counterpart(code) {
            let source = source.clone();
            waiting.push(counterpart::Waiting {
                p,
                code,
                source,
                span,
                rule,
            });
        }
        for (sc, ss, tc, ts) in pairs {
            // One country both sides: only between two of its agents ("the army" and "the
            // RSF"), not a country and its own government.
            // Acts of force, coercion and protest can be inward (`inward` in `policy.txt`).
            if sc == tc
                || country(sc) == country(tc)
                    && (sc.len() <= 3 || tc.len() <= 3)
                    && !ctx.policy.is_inward(code)
            {
                continue;
            }
            // "agreed to halt all firing": a pattern of the controlling verb that coded this
            // pair read the infinitive already; its code stands.
            if controller.is_some_and(|g| {
                events[..legacy].iter().any(|e| {
                    overlap(e.verb_span, Some(g))
                        && e.source.as_str() == sc
                        && e.target.as_str() == tc
                })
            }) {
                continue;
            }
            // Decided before the event is built: most are the pattern coder's already.
            let passive = p.voice == Voice::Passive;
            let Some(slot) = merge_slot(events, legacy, (sc, tc, code), span, passive) else {
                continue;
            };
            let mut ev = coded_event(coder, rule, (sc, ss), (tc, ts), code, span, true);
            if home.as_ref().is_some_and(|h| std::ptr::eq(h, ts)) {
                ev.rules.extend(home_rule.map(|a| a.origin.rule_ref()));
            }
            ev.rules.extend(
                third
                    .or(refusal)
                    .or(allied)
                    .or(setting)
                    .map(|t| t.origin.rule_ref()),
            );
            place(events, slot, ev);
            reported.extend(report_span(&ctx, p));
        }
        if !joint {
            // The pair a third party's act was aimed at (rule `third-party`).
            let pair = dicts.policy.third_party(code).and(target.as_ref());
            answers::brokered(&ctx, p, mode, span, events, legacy, pair);
        }
    }
    dropped.sort_unstable();
    dropped.dedup();
    // Removing pattern events shortens the pattern coder's part (`legacy`) by as many.
    let mut legacy = legacy - dropped.iter().filter(|&&i| i < legacy).count();
    for i in dropped.into_iter().rev() {
        events.remove(i);
    }
    let mut index = 0;
    let mut removed = 0;
    events.retain_mut(|e| {
        refer::crowd_force(&ctx, e);
        let keep = !sides::state_complaint(&ctx, e) && !own_country(policy, e);
        removed += usize::from(!keep && index < legacy);
        index += 1;
        keep
    });
    legacy -= removed;
    answers::consequences(&ctx, events, legacy, &mut reported);
    let verbs = &coder.dictionaries().verbs;
    let codes = |q: &Predication| {
        q.absorbed
            || tree
                .word(q.head)
                .is_some_and(|w| verb_entry(verbs, w).is_some())
    };
    answers::obligations(&ctx, events, legacy, &mut reported, &codes);
    answers::retorts(&ctx, events, legacy);
    answers::accords(&ctx, events, legacy);
    let legacy = answers::naming(&ctx, events, legacy);
    counterpart::aim_waiting(&ctx, events, legacy, waiting);
    same::same_acts(&ctx, events);
    refer::expand_included(&ctx, events);
    answers::mutual(ctx.policy, events);
    // Rule `statement`: a statement whose reported clause coded an event is dropped (the
    // pattern coder does the same for the clauses it codes itself).
    if !reported.is_empty() {
        let policy = ctx.policy;
        events.retain(|e| {
            !(policy.is_statement(&e.code)
                && reported.iter().any(|r| overlap(e.verb_span, Some(*r))))
        });
    }
    setting::setting_home(&ctx, events);
    // An actor does nothing to itself ("Foreign Minister Hakan Fidan met the two
    // delegations", the pair read as his own country's).
    events.retain(|e| e.source != e.target && !refer::inward_from_sentence(&ctx, e));
    // Rule `no-visit`: refugees and migrants who come somewhere make no visit.
    events.retain(|e| !ctx.policy.no_visit(&e.code, &e.source));
    let mut out = named::named(&ctx, text);
    named::by_reference(&ctx, events, text, &mut out);
    (out, lone)
}

/// Rule `own-country`: a country and its own agents do nothing to each other but force,
/// coercion and protest (`inward`), as in the layer's events: "… to protect Chinese companies"
/// is no Chinese aid to China; a statement is none between two of its agents either. Its armed
/// groups are parties of their own ("Colombia and the ELN rebels agreed to a ceasefire").
fn own_country(policy: &Policy, e: &CodedEvent) -> bool {
    real_code(&e.source)
        && real_code(&e.target)
        && country(&e.source) == country(&e.target)
        // A statement within one country is no event between its agents either ("officials
        // say 23 people died").
        && (e.source.len() <= 3 || e.target.len() <= 3 || policy.is_statement(&e.code))
        && !policy.is_inward(&e.code)
        && !policy.is_armed_group(&e.source)
        && !policy.is_armed_group(&e.target)
}

/// The child of `node`'s parent right before it.
fn sibling_before(tree: &Tree, node: demarche_model::NodeId) -> Option<demarche_model::NodeId> {
    let kids = tree.children(tree.parent(node)?);
    let i = kids.iter().position(|&k| k == node)?;
    i.checked_sub(1).map(|i| kids[i])
}

/// `word.to_lowercase()`, borrowed when the word is lower-case ASCII already.
fn lower(word: &str) -> Cow<'_, str> {
    if word
        .bytes()
        .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
    {
        Cow::Owned(word.to_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

fn country(code: &str) -> &str {
    code.get(..3).unwrap_or(code)
}

/// The verb (with its support verb, for an event noun) as evidence.
fn evidence_span(tree: &Tree, p: &Predication) -> Option<Span> {
    let head = tree.span(p.head)?;
    match p.support.and_then(|s| tree.span(s)) {
        Some(s) if s.start < head.start => Some(Span::new(s.start, head.end)),
        _ => Some(head),
    }
}

/// The span of the verb of saying a predication is reported under.
fn report_span(ctx: &Ctx<'_>, p: &Predication) -> impl Iterator<Item = Span> {
    let q = match p.under {
        Some((j, Link::Report)) => ctx.a.preds.get(j as usize),
        _ => None,
    };
    // Rule `document-author`: "issued a statement saying …" reports through the issuing verb.
    let issuer = q.and_then(|q| {
        let agent = ctx.a.arg(q, &Role::Agent)?;
        refer::document_author(ctx, q, &agent.filler)?;
        ctx.tree.span(ctx.a.preds.get(q.under?.0 as usize)?.head)
    });
    q.and_then(|q| ctx.tree.span(q.head))
        .into_iter()
        .chain(issuer)
}
