//! Rules of the news reading that answer one clause with another: `consequence` (a warning
//! that someone will pay), `retort` (a vow to answer in kind) and, across a sentence's events,
//! `mutual` (a meeting is both sides'), `brokered` (talks a host brings a pair to) and
//! `third-party` (the pair a host or mediator acts towards). Each has
//! a fixture in `tests/frames.rs`.

use super::merge::add_across;
use super::sides::{self, addressee, agent_side, real_code};
use super::{Ctx, Mode, Side, between_pair, country, evidence_span, overlap};
use crate::CodedEvent;
use demarche_dict::policy::{Policy, PolicyCode};
use demarche_model::{Antecedent, Span};
use demarche_predicates::{
    Filler, Link, Modality, Polarity, PredKind, Predication, Role, Via, Voice,
};
use demarche_text::english::{Anaphor, Prep, VerbClass};

/// Rule `consequence`: a warning or vow (`consequence.txt` `[threat]`) whose clause says that
/// an actor will face, pay, bear or suffer something (`[consequence]`: "warned that Tokyo would
/// bear full responsibility"; passive: "vowed that the attackers would be punished"), or that
/// a deed will be met with something (`[response]`, passive: "warned Pakistan that any strikes
/// would be met with a forceful response" — aimed at the one warned), is `policy.txt`'s
/// `consequence` code from the one who warned to that actor. The warning's own
/// statement code gives way to it (rule `statement`).
pub(super) fn consequences(
    ctx: &Ctx<'_>,
    events: &mut Vec<CodedEvent>,
    legacy: usize,
    reported: &mut Vec<Span>,
) {
    let Some(rule) = &ctx.policy.consequence else {
        return;
    };
    let a = ctx.a;
    for q in &a.preds {
        let Some((g, Link::Report | Link::Complement)) = a.governor(q) else {
            continue;
        };
        let future = q.kind == PredKind::Verb
            && q.modality == Modality::Future
            && q.polarity == Polarity::Affirmed;
        let befalls = future && q.classes.has(VerbClass::Consequence);
        // "any further strikes would be met with a forceful response": what meets a deed.
        let meets = future && q.voice == Voice::Passive && q.classes.has(VerbClass::Response);
        let warns = g.kind == PredKind::Verb
            && g.polarity == Polarity::Affirmed
            && g.classes.has(VerbClass::Threat);
        if !((befalls || meets) && warns) {
            continue;
        }
        // Who it befalls: the subject, or the patient of a passive ("would be punished"); for
        // a deed that will be met with something, whoever the deed's noun names as its agent,
        // else the one warned ("warned Pakistan that any strikes would be met with …").
        let role = if q.voice == Voice::Passive {
            Role::Patient
        } else {
            Role::Agent
        };
        let arg = a.arg(q, &role);
        // The deed's noun, when the clause's subject names one ("any further air strikes").
        let deed = arg
            .and_then(|x| match x.filler {
                Filler::Phrase { node, .. } => a.noun_at(node),
                _ => None,
            })
            .and_then(|i| a.preds.get(i as usize));
        let befallen = match deed {
            Some(n) if meets => a
                .arg(n, &Role::Agent)
                .and_then(|x| sides::side(ctx, n, &x.filler))
                .or_else(|| addressee(ctx, q)),
            _ => arg
                .and_then(|x| sides::side(ctx, q, &x.filler))
                .or_else(|| meets.then(|| addressee(ctx, q)).flatten()),
        };
        let Some(source) = agent_side(ctx, g, None) else {
            continue;
        };
        // No one warns that they themselves will pay: a pronoun read as the warner's own side,
        // or not read at all, is the one warned ("warned Greece that it would pay a heavy
        // price").
        let own = |t: &Side| {
            t.codes
                .iter()
                .all(|c| source.codes.iter().any(|s| country(s) == country(c)))
        };
        let Some(target) = befallen.filter(|t| !own(t)).or_else(|| addressee(ctx, q)) else {
            continue;
        };
        // The evidence is the clause's verb; the warning's own statement gives way.
        let span = evidence_span(ctx.tree, q);
        if add_rule(ctx, events, legacy, rule, (&source, &target), span) {
            reported.extend(ctx.tree.span(g.head));
        }
    }
}

/// A `policy.txt` rule's one code between two sides (every pair of their codes), evidenced by
/// `span`; whether an event was placed.
fn add_rule(
    ctx: &Ctx<'_>,
    events: &mut Vec<CodedEvent>,
    legacy: usize,
    rule: &PolicyCode,
    sides: (&Side, &Side),
    span: Option<Span>,
) -> bool {
    add_across(
        ctx,
        events,
        legacy,
        &rule.origin,
        sides,
        &rule.code,
        span,
        false,
    )
}

/// Rule `obligation`: a reported clause saying that another actor must or should do something
/// the dictionaries code (`english/modal.txt` `[obligation]`: "Britain said Russia must hand
/// over the suspect", "told Iran that it must cooperate with the inspectors": a pronoun obliged
/// is the one told) is `policy.txt`'s
/// `obligation` code — a demand — from the one who said it to the one obliged; the saying's own
/// statement gives way to it (rule `statement`). `codes` says whether a clause's verb codes.
pub(super) fn obligations(
    ctx: &Ctx<'_>,
    events: &mut Vec<CodedEvent>,
    legacy: usize,
    reported: &mut Vec<Span>,
    codes: &dyn Fn(&Predication) -> bool,
) {
    let Some(rule) = &ctx.policy.obligation else {
        return;
    };
    let a = ctx.a;
    for q in &a.preds {
        let Some((g, Link::Report)) = a.governor(q) else {
            continue;
        };
        if q.kind != PredKind::Verb
            || q.modality != Modality::Obligation
            || q.polarity != Polarity::Affirmed
            || q.voice != Voice::Active
            || g.polarity != Polarity::Affirmed
            || !codes(q)
        {
            continue;
        }
        // "told Iran that it must cooperate": a pronoun obliged is the one told.
        let pronoun = a.arg(q, &Role::Agent).is_some_and(
            |x| matches!(x.filler, Filler::Phrase { lo, hi, .. } if sides::is_anaphor(ctx, lo, hi)),
        );
        let obliged = match pronoun {
            true => addressee(ctx, q).or_else(|| agent_side(ctx, q, None)),
            false => agent_side(ctx, q, None),
        };
        let (Some(source), Some(target)) = (agent_side(ctx, g, None), obliged) else {
            continue;
        };
        let span = evidence_span(ctx.tree, q);
        if add_rule(ctx, events, legacy, rule, (&source, &target), span) {
            reported.extend(ctx.tree.span(g.head));
        }
    }
}

/// Rule `accord`: a pair (two or more actors) agreeing, pledging or deciding to do something
/// (`english/intent.txt`, an infinitive under the verb) that coded nothing in the sentence is
/// `policy.txt`'s `accord` code, each to the other ("the two agreed to keep in regular
/// contact", "India and Canada agreed to restore their high commissioners").
pub(super) fn accords(ctx: &Ctx<'_>, events: &mut Vec<CodedEvent>, legacy: usize) {
    let Some(rule) = &ctx.policy.accord else {
        return;
    };
    let a = ctx.a;
    for q in &a.preds {
        let Some((g, Link::Control)) = a.governor(q) else {
            continue;
        };
        if q.kind != PredKind::Verb
            || !q.infinitive
            || g.polarity != Polarity::Affirmed
            || g.modality != Modality::Asserted
            || !g.classes.has(VerbClass::Intent)
        {
            continue;
        }
        let (span, own) = (evidence_span(ctx.tree, q), evidence_span(ctx.tree, g));
        let scope = ctx.tree.span(q.scope);
        if events.iter().any(|e| {
            overlap(e.verb_span, span) || overlap(e.verb_span, own) || overlap(e.verb_span, scope)
        }) {
            continue;
        }
        let Some(pair) = agent_side(ctx, g, None).filter(|s| s.codes.len() > 1) else {
            continue;
        };
        add_rule(ctx, events, legacy, rule, (&pair, &pair), own);
    }
}

/// Rule `retort`: a vow or threat to answer in kind with no one named (`consequence.txt`
/// `[retort]` under a `[threat]` verb or a future: "Slovakia expelled three Russian diplomats,
/// and Moscow vowed to respond in kind") is `policy.txt`'s `consequence` code aimed at whoever
/// this sentence, else the latest earlier one, says did something to the one who vows.
pub(super) fn retorts(ctx: &Ctx<'_>, events: &mut Vec<CodedEvent>, legacy: usize) {
    let Some(rule) = &ctx.policy.consequence else {
        return;
    };
    let a = ctx.a;
    for q in &a.preds {
        if q.kind != PredKind::Verb
            || q.polarity != Polarity::Affirmed
            || !q.classes.has(VerbClass::Retort)
            || a.args_of(q).iter().any(|x| x.role == Role::Patient)
        {
            continue;
        }
        let vowed = q.modality == Modality::Future
            || matches!(q.under, Some((j, Link::Control)) if a.preds.get(j as usize)
                .is_some_and(|g| g.polarity == Polarity::Affirmed
                    && g.classes.has(VerbClass::Threat)));
        if !vowed {
            continue;
        }
        let source = agent_side(ctx, q, None).or_else(|| super::refer::reported_agent(ctx, q));
        let Some(source) = source else {
            continue;
        };
        let span = evidence_span(ctx.tree, q);
        // "would respond to Moldova's expulsion of its diplomats": the deed is named; its doer
        // may be a "by" phrase the parse hangs on the verb ("would respond harshly to any
        // seizure of its assets by the EU").
        let phrase = |is: &dyn Fn(&str) -> bool| {
            a.args_of(q).iter().find_map(|x| match &x.role {
                Role::Obl(w) if is(w) => sides::side(ctx, q, &x.filler),
                _ => None,
            })
        };
        let by = |w: &str| ctx.en.is_prep(w, Prep::Agent);
        let answered = phrase(&|w| w == "to").and_then(|t| match q.voice {
            Voice::Active => phrase(&by).or(Some(t)),
            _ => Some(t),
        });
        let targets = match answered {
            Some(t) => vec![t],
            None => deeds_against(ctx, events, &source, span),
        };
        for target in &targets {
            add_rule(ctx, events, legacy, rule, (&source, target), span);
        }
    }
}

/// The doers a vow to respond in kind answers, when it names no deed: those of this sentence's
/// deeds against the vower; else the one the vower blames in this sentence ("accused Seoul of
/// a serious provocation and warned that it would respond in kind": `policy.txt`
/// `deed-agent`); else the latest deed an earlier sentence told against the vower ("The U.S.
/// imposed sanctions on … . Caracas vowed to respond in kind").
fn deeds_against(
    ctx: &Ctx<'_>,
    events: &[CodedEvent],
    source: &Side,
    span: Option<Span>,
) -> Vec<Side> {
    // One of the vower's countries is `to` and not `from`.
    let against = |to: &str, from: &str| {
        source
            .codes
            .iter()
            .any(|c| country(c) == country(to) && country(c) != country(from))
    };
    let mut deeds: Vec<(String, Option<Span>)> = events
        .iter()
        .filter(|e| real_code(&e.source) && !overlap(e.verb_span, span))
        .filter(|e| against(&e.target, &e.source))
        .map(|e| (e.source.clone(), e.source_span))
        .collect();
    if deeds.is_empty() {
        deeds.extend(
            events
                .iter()
                .filter(|e| {
                    real_code(&e.target)
                        && ctx.policy.targets_deed_agent(&e.code)
                        && against(&e.source, &e.target)
                })
                .map(|e| (e.target.clone(), e.target_span)),
        );
    }
    if deeds.is_empty() {
        deeds.extend(
            source
                .codes
                .iter()
                .filter_map(|c| ctx.discourse.deed_against(country(c), |_| true))
                .map(|d| (d.to_string(), None)),
        );
    }
    deeds
        .into_iter()
        .map(|(code, span)| Side::new(vec![code], span))
        .collect()
}

/// Rule `mutual`: a meeting, call or negotiation between two actors (`mutual` in `policy.txt`)
/// is done by both, whichever the sentence names first ("Putin met Trump" is also Trump →
/// Putin); the other way is added, citing the policy line, unless the sentence has it or the
/// actor does the same act with a third (a host or broker).
pub(super) fn mutual(policy: &Policy, events: &mut Vec<CodedEvent>) {
    let n = events.len();
    for i in 0..n {
        let e = &events[i];
        let Some(rule) = policy.mutual_codes.iter().find(|m| m.code == e.code) else {
            continue;
        };
        if !real_code(&e.source)
            || !real_code(&e.target)
            || country(&e.source) == country(&e.target)
        {
            continue;
        }
        let back = |x: &CodedEvent| {
            country(&x.source) == country(&e.target)
                && country(&x.target) == country(&e.source)
                && x.code.get(..2) == e.code.get(..2)
        };
        // One actor hosting or brokering (`third-party`) two others with the same act hosts
        // their talks ("Qatar hosted talks between the US and the Taliban"): not a partner of
        // each. Meeting two others ("Xi met Japarov and Berdimuhamedov") is meeting each.
        // The pair may be one country's two sides ("between the Congolese government and the
        // M23": CODGOV and CODREB).
        let host = |x: &CodedEvent| {
            policy.third_party(&e.code).is_some()
                && country(&x.source) == country(&e.source)
                && real_code(&x.target)
                && x.target != e.target
                && country(&x.target) != country(&e.source)
                && x.code == e.code
        };
        // A host's or mediator's act towards a pair (rule `third-party`) is not mutual.
        let third = policy
            .third_party(&e.code)
            .is_some_and(|t| e.rules.contains(&t.origin.rule_ref()));
        if third || events[..n].iter().any(back) || events[..n].iter().any(host) {
            continue;
        }
        let mut rules = e.rules.clone();
        rules.push(rule.origin.rule_ref());
        let other = CodedEvent {
            source: e.target.clone(),
            target: e.source.clone(),
            code: e.code.clone(),
            source_span: e.target_span,
            target_span: e.source_span,
            verb_span: e.verb_span,
            rules,
            antecedents: e
                .antecedents
                .iter()
                .map(|a| Antecedent {
                    role: if a.role == "source" {
                        "target"
                    } else {
                        "source"
                    }
                    .into(),
                    ..a.clone()
                })
                .collect(),
        };
        events.push(other);
    }
}

/// Rule `brokered`: talks that a third party hosts, brokers or mediates between a pair
/// ("Saudi Arabia hosted talks between Russian and U.S. officials", "A and B signed a
/// declaration after talks brokered by C": `pair`, the third party's target) are the pair's own
/// talks too: the noun's joint frame (the one with no support verb) codes among the pair; a
/// ceasefire a third party mediates is the pair's ceasefire (its frame under `[brokered]` verbs).
pub(super) fn brokered(
    ctx: &Ctx<'_>,
    p: &Predication,
    mode: Mode,
    span: Option<Span>,
    events: &mut Vec<CodedEvent>,
    legacy: usize,
    pair: Option<&Side>,
) {
    // "Qatar and Turkey mediated a ceasefire between Pakistan and Afghanistan": the event noun
    // an active verb of mediating takes as its object.
    let p = match (p.kind, p.voice) {
        (PredKind::Noun, _) => p,
        (PredKind::Verb, Voice::Active) => {
            let Some(Filler::Phrase { node, .. }) = ctx.a.arg(p, &Role::Patient).map(|x| x.filler)
            else {
                return;
            };
            let Some(n) = ctx
                .a
                .noun_at(node)
                .and_then(|i| ctx.a.preds.get(i as usize))
            else {
                return;
            };
            n
        }
        _ => return,
    };
    let span = evidence_span(ctx.tree, p).or(span);
    // The noun's joint frame with no support verb, else the one under a verb that makes the
    // pair's own act of it (`forms.txt` `[brokered]`: a ceasefire mediated is agreed).
    let frames = ctx.coder_frames;
    let joint = |v: Option<&str>| frames.frame_for(p.noun, v).filter(|f| f.joint);
    let Some(f) =
        joint(None).or_else(|| ctx.en.forms("brokered").iter().find_map(|v| joint(Some(v))))
    else {
        return;
    };
    let code = match mode {
        Mode::Intent => ctx.policy.intent_code(&f.code),
        Mode::Asserted => f.code.as_str(),
    };
    if mode == Mode::Intent && code == f.code {
        return;
    }
    let Some(pair) = between_pair(ctx, p, Some(f)).or_else(|| pair.cloned()) else {
        return;
    };
    add_across(
        ctx,
        events,
        legacy,
        &f.origin,
        (&pair, &pair),
        code,
        span,
        true,
    );
}

/// Rule `third-party`: hosting or mediating a pair's talks (`policy.txt` `third-party`) with
/// no target named is aimed at each side of the pair: a pair that is the agent of the predicate
/// the act hangs under ("met for talks hosted by Turkey"), else the `between` phrase of a joint
/// event noun of the sentence ("after talks between A and B …, mediated by Egypt and Qatar"),
/// else the pair that does a main clause's act. The third party is neither side.
pub(super) fn third_party(ctx: &Ctx<'_>, p: &Predication, source: &Side) -> Option<Side> {
    let apart = |s: &Side| {
        s.codes.len() > 1
            && !s
                .codes
                .iter()
                .any(|c| source.codes.iter().any(|x| country(x) == country(c)))
    };
    if let Some((j, _)) = p.under
        && let Some(q) = ctx.a.preds.get(j as usize)
        && let Some(s) = agent_side(ctx, q, None).filter(apart)
    {
        return Some(s);
    }
    ctx.a
        .preds
        .iter()
        .filter(|q| q.kind == PredKind::Noun)
        .filter_map(|q| between_pair(ctx, q, ctx.coder_frames.frame_for(q.noun, None)))
        .find(apart)
        // "A and B met in Brasilia, with Brazil's foreign minister acting as mediator": an
        // absolute clause hangs on no predicate; the pair is the agent of a main clause.
        .or_else(|| {
            ctx.a
                .preds
                .iter()
                .filter(|q| q.under.is_none() && !std::ptr::eq(*q, p))
                .filter_map(|q| agent_side(ctx, q, None))
                .find(apart)
        })
        .or_else(|| earlier_pair(ctx, p).filter(apart))
}

/// Rule `third-party`, across sentences: talks or a truce named only by a definite or
/// demonstrative description of an event noun ("The talks were mediated by Egypt and Qatar",
/// "That truce, brokered by Egypt, …": at most three words, none of them an actor) are the
/// talks of the pair the sentence just before named (`[pair-recent]`), or, after a
/// demonstrative (`forms.txt` `[demonstrative]`), the pair "the two sides" stands for.
fn earlier_pair(ctx: &Ctx<'_>, p: &Predication) -> Option<Side> {
    // The noun's own phrase, else the verb's object when that is an event noun.
    let (node, lo, hi) = match (p.kind, ctx.a.arg(p, &Role::Patient).map(|x| x.filler)) {
        (PredKind::Noun, _) => {
            let (lo, hi) = *ctx.range.get(p.scope.index())?;
            (p.scope, lo, hi)
        }
        (_, Some(Filler::Phrase { node, lo, hi })) if ctx.a.noun_at(node).is_some() => {
            (node, lo, hi)
        }
        _ => return None,
    };
    // Its head noun phrase ("That truce" of "That truce, brokered by …,").
    let (lo, hi) = sides::head_range(ctx, node, lo, hi);
    let words = ctx.lower_words(lo, hi)?;
    let named = ctx
        .mentions
        .iter()
        .any(|m| m.lo >= lo && m.hi <= hi && m.codes.iter().any(|c| real_code(c)));
    if words.len() > 3 || named || !words.first().is_some_and(|w| ctx.en.is_definite(w)) {
        return None;
    }
    // "that truce" points back anywhere in the document; "the talks" only to the sentence
    // just before.
    let kind = match words.first() {
        Some(w) if ctx.en.is_form("demonstrative", w) => Anaphor::Pair,
        _ => Anaphor::RecentPair,
    };
    let pair = ctx.discourse.resolve(kind, ctx.policy);
    let mut side = Side::new(pair.iter().map(|e| e.code.clone()).collect(), None);
    side.antecedents = pair.iter().map(|e| sides::antecedent(e)).collect();
    Some(side)
}

/// Rule `partner`: a meeting or call (`mutual` in `policy.txt`) "with" an actor is with that
/// actor, not with the place or topic a pattern took for its target ("discussed the situation
/// in Gaza with Jordan's king"): the pattern's events at the verb take the partner as target.
pub(super) fn partner(
    ctx: &Ctx<'_>,
    p: &Predication,
    events: &mut [CodedEvent],
    legacy: usize,
    dropped: &mut Vec<usize>,
) {
    // The last "with" phrase: "the border with Belarus with Polish President Duda".
    let Some(with) = ctx.a.args_of(p).iter().rev().find_map(|x| match &x.role {
        Role::Obl(prep) if ctx.en.is_prep(prep, Prep::Comitative) => sides::side(ctx, p, &x.filler),
        _ => None,
    }) else {
        return;
    };
    let Some(tc) = with.codes.first() else {
        return;
    };
    let span = evidence_span(ctx.tree, p);
    for i in 0..legacy.min(events.len()) {
        let e = &events[i];
        if !overlap(e.verb_span, span) || with.codes.contains(&e.target) {
            continue;
        }
        let twin = events[..legacy.min(events.len())]
            .iter()
            .any(|x| x.source == e.source && &x.target == tc && x.code == e.code);
        if twin {
            dropped.push(i);
        } else {
            let e = &mut events[i];
            e.target = tc.clone();
            e.target_span = with.span;
        }
    }
}

/// Rule `avenged`: a deed an act answers by a noun of answering ("Hezbollah fired rockets at
/// Israel in retaliation for the killing of one of its commanders") with no doer of its own
/// was done by the one the answering act is aimed at, to the one answering: (source, target).
/// Only deeds of force (`avenged` in `policy.txt`: not "in response to its nuclear tests"),
/// and not when the noun names a doer or what it was aimed at ("a chemical attack on Khan
/// Sheikhoun").
pub(super) fn avenged(
    ctx: &Ctx<'_>,
    p: &Predication,
    code: &str,
    events: &[CodedEvent],
) -> Option<(Side, Side)> {
    if p.kind != PredKind::Noun
        || !ctx.policy.is_avenged(code)
        || super::happened::answered_how(ctx, p) != Some(true)
    {
        return None;
    }
    let named = ctx.a.args_of(p).iter().any(|x| match &x.role {
        Role::Agent => true,
        Role::Obl(w) => ctx.en.is_prep(w, Prep::Target),
        _ => false,
    });
    if named {
        return None;
    }
    let q = ctx.a.preds.get(p.under?.0 as usize)?;
    let head = ctx.tree.span(q.head);
    let e = events
        .iter()
        .find(|e| overlap(e.verb_span, head) && real_code(&e.source) && real_code(&e.target))?;
    Some((
        Side::new(vec![e.target.clone()], e.target_span),
        Side::new(vec![e.source.clone()], e.source_span),
    ))
}

/// Rule `naming`: calling something by a word of disapproval (`forms.txt` `[naming]` verbs,
/// `[disapproval]` words after the verb in its clause: "called the ban illegal", "called the
/// EU's decision protectionist") is `policy.txt`'s `naming` code from the namer to the named
/// thing's owner, or — a deed named by a description — to its doer (rule `deed-back`). A
/// pattern's reading of the naming verb goes. Returns how many pattern events are left first.
pub(super) fn naming(ctx: &Ctx<'_>, events: &mut Vec<CodedEvent>, mut legacy: usize) -> usize {
    let Some(rule) = &ctx.policy.naming else {
        return legacy;
    };
    let (a, tree, en) = (ctx.a, ctx.tree, ctx.en);
    // The two lists, found once.
    let (naming, disapproval) = (en.forms("naming"), en.forms("disapproval"));
    let listed = |list: &[&str], w: &str| list.iter().any(|f| f.eq_ignore_ascii_case(w));
    for p in &a.preds {
        if p.kind != PredKind::Verb
            || p.polarity != Polarity::Affirmed
            || p.modality != Modality::Asserted
            || !listed(naming, tree.word(p.head).unwrap_or(""))
        {
            continue;
        }
        let (Some(head), Some(clause)) = (tree.span(p.head), tree.span(p.scope)) else {
            continue;
        };
        let disapproves = tree.leaves().any(|l| {
            tree.span(l)
                .is_some_and(|s| s.start > head.start && s.end <= clause.end)
                && listed(disapproval, tree.word(l).unwrap_or(""))
        });
        if !disapproves {
            continue;
        }
        let Some(source) = agent_side(ctx, p, None) else {
            continue;
        };
        let code = rule.code.as_str();
        let Some(target) = a
            .arg(p, &Role::Patient)
            .and_then(|x| sides::side(ctx, p, &x.filler))
            // ", calling the military takeover unconstitutional" after a clause with an
            // object: the named deed is that object's; after a saying ("…, Kyiv said,
            // calling the attack a war crime") it is the deed coded before in the sentence.
            .or_else(|| match p.under {
                Some((j, Link::Participle)) => a
                    .preds
                    .get(j as usize)
                    .and_then(|q| sides::main_object(ctx, q))
                    .or_else(|| doer_before(events, head.start)),
                _ => None,
            })
            .or_else(|| super::deeds::deed_back(ctx, p, code, &source))
            .or_else(|| apposed(ctx, p, events))
        else {
            continue;
        };
        // Rule `own-member`: a list names no deed of its own members ("The three governments
        // called the downing a hostile act" after "Mali, Burkina Faso and Niger recalled …").
        let own = |t: &String| source.codes.iter().any(|s| s.get(..3) == t.get(..3));
        if source.codes.len() > 1 && target.codes.iter().all(own) {
            continue;
        }
        let span = evidence_span(tree, p);
        // The naming is what the verb says: a pattern's reading of it goes ("called the
        // strikes a brutal aggression" is no call for strikes).
        let mut i = 0;
        let before = events.len();
        events.retain(|e| {
            i += 1;
            i > legacy || !overlap(e.verb_span, span)
        });
        legacy -= before - events.len();
        let sides = (&source, &target);
        add_across(ctx, events, legacy, &rule.origin, sides, code, span, false);
    }
    legacy
}

/// Rule `apposed`: a relative clause on a noun apposed to a clause (`forms.txt`
/// `[apposed-deed]`, with `a`/`an`, after a comma or a preposition) reacts to that clause's deed:
/// "Trump said he would lift the sanctions on Syria, a move Damascus welcomed" (or "… said it
/// firmly opposes": the reported verb of the relative clause); "…, a charge
/// Abidjan dismissed as baseless"; "…, in an attack Qatar called cowardly". The reaction is
/// aimed at the doer: the source of the last event coded before the noun, else the subject of
/// the sentence's first clause.
pub(super) fn apposed(ctx: &Ctx<'_>, p: &Predication, events: &[CodedEvent]) -> Option<Side> {
    if p.kind != PredKind::Verb {
        return None;
    }
    // "…, a step Beijing said it firmly opposes": the reported verb reacts to what the saying
    // verb's relative clause hangs on.
    let reporter = match p.under {
        Some((j, Link::Report)) if ctx.a.arg(p, &Role::Patient).is_none() => {
            ctx.a.preds.get(j as usize)
        }
        _ => None,
    };
    let arg = ctx.a.arg(reporter.unwrap_or(p), &Role::Patient)?;
    let Filler::Phrase { lo, hi, .. } = arg.filler else {
        return None;
    };
    if arg.via != Via::Antecedent || lo < 2 || hi < lo + 2 {
        return None;
    }
    let words = ctx.lower_words(lo - 2, hi)?;
    let [before2, before, first, ..] = words.as_slice() else {
        return None;
    };
    let apposed = matches!(*first, "a" | "an")
        && words
            .last()
            .is_some_and(|w| ctx.en.is_form("apposed-deed", w))
        && (*before == "," || *before2 == "," && ctx.en.is_prep(before, Prep::Event));
    if !apposed {
        return None;
    }
    let leaf = ctx.tree.leaves().nth(lo as usize)?;
    let start = ctx.tree.span(leaf)?.start;
    if let Some(doer) = doer_before(events, start) {
        return Some(doer);
    }
    let first = ctx.a.preds.iter().find(|q| {
        q.under.is_none()
            && q.kind == PredKind::Verb
            && ctx.tree.span(q.head).is_some_and(|h| h.end <= start)
    })?;
    agent_side(ctx, first, None)
}

/// The doer of the last event coded before `start`: the deed a later reaction is about.
fn doer_before(events: &[CodedEvent], start: usize) -> Option<Side> {
    let e = events
        .iter()
        .rev()
        .find(|e| e.verb_span.is_some_and(|v| v.end <= start) && real_code(&e.source))?;
    Some(Side::new(vec![e.source.clone()], e.source_span))
}
