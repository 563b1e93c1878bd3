//! Pattern events the predicate layer reads better, removed before it codes: rules
//! `clause-target`, `setting`, `venue`, `support` (a support verb's own code), `object-relative` and
//! `merge` for passives read backwards. Each has a fixture in `tests/frames.rs`.

use super::merge::{overlap, within};
use super::{Ctx, evidence_span, lower, verb_code, verb_entry};
use crate::CodedEvent;
use demarche_dict::VerbCode;
use demarche_model::{Span, Tree};
use demarche_predicates::{Link, Modality, Polarity, PredKind, Role, Via, Voice};
use demarche_text::english::{self, Prep, VerbClass};

/// Rule `clause-target`: a target the pattern coder found inside a participial or adverbial
/// clause of the same verb ("fired a missile into the sea, drawing condemnation from Japan";
/// "attacked the town after Congo and Rwanda met") is the clause's, not the verb's; the clause
/// codes its own events.
pub(super) fn clause_targets(ctx: &Ctx<'_>, events: &mut Vec<CodedEvent>) {
    let (a, tree) = (ctx.a, ctx.tree);
    for q in &a.preds {
        let Some((j, link @ (Link::Participle | Link::Adjunct))) = q.under else {
            continue;
        };
        let (Some(verb), Some(vp)) = (
            a.preds.get(j as usize).and_then(|p| evidence_span(tree, p)),
            tree.span(q.scope),
        ) else {
            continue;
        };
        // The clause with its subject: the verb phrase's parent, when that is not the
        // governing verb's clause too.
        let clause = tree
            .parent(q.scope)
            .and_then(|s| tree.span(s))
            .filter(|s| !overlap(Some(*s), Some(verb)))
            .unwrap_or(vp);
        // Of adverbial clauses, those of time and circumstance (`preposition.txt`
        // `[circumstance]`: "after", "before"); "as protesters defied the ban" names whom the
        // verb's act met.
        if link == Link::Adjunct
            && !tree
                .leaves()
                .take_while(|&l| tree.span(l).is_some_and(|s| s.end <= clause.start))
                .last()
                .and_then(|l| tree.word(l))
                .is_some_and(|w| ctx.en.is_prep(&lower(w), Prep::Circumstance))
        {
            continue;
        }
        events.retain(|e| !(overlap(e.verb_span, Some(verb)) && within(e.target_span, clause)));
    }
}

/// Rule `setting`: a pattern's target inside a phrase of the occasion (`forms.txt`
/// `[setting]`: "on the sidelines of the ASEAN summit", "at a ceremony in Riyadh") is where
/// the act took place, not whom it was aimed at.
pub(super) fn settings(ctx: &Ctx<'_>, events: &mut Vec<CodedEvent>) {
    events.retain(|e| {
        !e.target_span
            .is_some_and(|t| in_setting(ctx.tree, ctx.en, t))
    });
}

/// Rule `venue`: a meeting's (`mutual` in `policy.txt`) pattern side named only as where it
/// was held — the object of a place preposition of its verb or event noun (`preposition.txt`
/// `[place]`: "the two men held meetings in Nairobi, Geneva and Athens", "European governments
/// held an emergency meeting in Paris") — is the venue, not a partner.
pub(super) fn venues(ctx: &Ctx<'_>, events: &mut Vec<CodedEvent>) {
    for p in &ctx.a.preds {
        let Some(verb) = evidence_span(ctx.tree, p) else {
            continue;
        };
        // A partner "with" it is rule `partner`'s to put in the place's stead ("discussed the
        // situation in Gaza with Jordan's king").
        let args = ctx.a.args_of(p);
        let with = |x: &&demarche_predicates::Arg| matches!(&x.role, Role::Obl(prep) if ctx.en.is_prep(prep, Prep::Comitative));
        if args.iter().any(|x| with(&x)) {
            continue;
        }
        for x in args {
            let place = match &x.role {
                Role::Obl(prep) if ctx.en.is_prep(prep, Prep::Place) => ctx.filler_span(&x.filler),
                _ => None,
            };
            let Some(place) = place else {
                continue;
            };
            events.retain(|e| {
                !(ctx.policy.is_mutual(&e.code)
                    && overlap(e.verb_span, Some(verb))
                    && (within(e.target_span, place) || within(e.source_span, place)))
            });
        }
    }
}

/// Whether `target` lies inside a prepositional phrase (within a few levels) whose noun phrase
/// is headed by a noun of an occasion (`forms.txt` `[setting]`).
fn in_setting(tree: &Tree, en: &english::English, target: Span) -> bool {
    let Some(mut node) = tree
        .leaves()
        .find(|&l| tree.span(l).is_some_and(|s| s.start >= target.start))
    else {
        return false;
    };
    for _ in 0..6 {
        let Some(parent) = tree.parent(node) else {
            return false;
        };
        if tree.label(parent) == "PP" {
            // The PP's object, and the head of its first noun phrase.
            let mut np = tree
                .children(parent)
                .iter()
                .copied()
                .find(|&c| tree.label(c) == "NP");
            while let Some(n) = np
                && let Some(&first) = tree.children(n).first()
                && tree.label(first) == "NP"
            {
                np = Some(first);
            }
            let head = np
                .and_then(|n| tree.children(n).last().copied())
                .filter(|&h| tree.is_leaf(h));
            if head
                .and_then(|h| tree.word(h))
                .is_some_and(|w| en.is_form("setting", w))
            {
                return true;
            }
        }
        node = parent;
    }
    false
}

/// Rule `support`, where a support verb has a code of its own ("pressed an offensive toward
/// Uvira": `press` is an appeal): the event noun names the act, so the pattern event that only
/// the verb's own code made (no pattern of the verb fired), aimed outside the noun's phrase,
/// gives way. So does a pattern event of another root at a verb that the frame of a noun of
/// several words names (`with`), asserted: "signed a formal ceasefire agreement" is the truce
/// of `08-yield.txt`, not the agreement the `sign` pattern reads in the head noun alone.
pub(super) fn support_verb_codes(ctx: &Ctx<'_>, events: &mut Vec<CodedEvent>) {
    let (a, tree) = (ctx.a, ctx.tree);
    let verbs = &ctx.coder.dictionaries().verbs;
    for p in a
        .preds
        .iter()
        .filter(|p| p.kind == PredKind::Noun && p.polarity == Polarity::Affirmed)
    {
        let support_lemma = p.support_lemma.as_deref();
        let Some(frame) = ctx.coder_frames.frame_for(p.noun, support_lemma) else {
            continue;
        };
        let Some(support) = p.support else {
            continue;
        };
        let (Some(span), Some(word)) = (tree.span(support), tree.word(support)) else {
            continue;
        };
        if p.lemma.contains(' ')
            && p.modality == Modality::Asserted
            && frame.with.iter().any(|w| Some(w.as_str()) == support_lemma)
        {
            let root = frame.code.get(..2);
            events.retain(|e| !(overlap(e.verb_span, Some(span)) && e.code.get(..2) != root));
            continue;
        }
        let Some(r) = verb_entry(verbs, word) else {
            continue;
        };
        let (Some(entry), Some(VerbCode::Event(base))) =
            (verbs.verb(r.verb), verbs.code_of(r.verb))
        else {
            continue;
        };
        // A target inside the noun's own phrase says the verb acts on it ("struck a meeting of
        // Hamas leaders"), not through it.
        let noun = tree.span(p.scope);
        let own = &entry.origin;
        events.retain(|e| {
            !(overlap(e.verb_span, Some(span))
                && e.code == base.code
                && e.rules.iter().any(|x| own.is(x))
                && !e
                    .rules
                    .iter()
                    .any(|x| verbs.patterns_of(r.verb).any(|pat| pat.origin.is(x)))
                && !overlap(e.target_span, noun))
        });
    }
}

/// Rule `merge`, for passives: a pattern event of force or coercion (`inward` in
/// `policy.txt`) at a passive verb aimed at the verb's agent ("nationals deported from the
/// United States", "men deported by the United States") or, in a relative clause, done by its
/// patient ("Americans who were imprisoned in Iran") read it backwards; the layer codes the act
/// the right way round where it can.
pub(super) fn passives_backwards(ctx: &Ctx<'_>, events: &mut Vec<CodedEvent>) {
    let (a, tree) = (ctx.a, ctx.tree);
    for p in a.preds.iter().filter(|p| p.voice == Voice::Passive) {
        // The noun a participle or relative clause hangs on ("Americans who were imprisoned").
        let patient = a.arg(p, &Role::Patient);
        let antecedent = patient.filter(|x| x.via == Via::Antecedent);
        // Or done by the one it was done to, in a relative clause ("Americans who were
        // imprisoned in Iran": no act of the Americans) or as the passive's subject ("Three
        // Chinese workers were killed when a drone struck …": no act of the workers).
        let undergoer = patient.filter(|x| matches!(x.via, Via::Antecedent | Via::Subject));
        // With no `by` phrase, a passive's subject does none of its verb's acts, whatever the
        // code ("Israeli ministers will be banned from entering Britain": no act of theirs).
        let by = a.args_of(p).iter().any(|x| x.via == Via::By);
        let subject = undergoer.is_some_and(|x| x.via == Via::Subject) && !by;
        let undergoer = undergoer.and_then(|x| ctx.filler_span(&x.filler));
        if let Some(patient) = undergoer {
            drop_doers_within(events, tree.span(p.head), patient, |e| {
                subject || ctx.policy.is_inward(&e.code)
            });
        }
        // Rule `agentless-passive`: a passive clause under another ("…, adding that the
        // group's launchers had been destroyed") with no `by` phrase names no doer; a pattern
        // event at its verb whose sides both come from before its subject is another clause's
        // pair, not this act's.
        if subject
            && p.under.is_some()
            && let Some(start) = undergoer.map(|s| s.start)
        {
            let before = |x: Option<Span>| x.is_some_and(|x| x.end <= start);
            events.retain(|e| {
                !(overlap(e.verb_span, tree.span(p.head))
                    && before(e.source_span)
                    && before(e.target_span))
            });
        }
        let Some(agent) = a.args_of(p).iter().find(|x| {
            x.via == Via::By
                || matches!(&x.role, Role::Obl(prep) if prep == "from")
                    && tree
                        .word(p.head)
                        .is_some_and(|w| ctx.en.is_form("removal", w))
        }) else {
            continue;
        };
        // A participle on a noun ("talks between Washington and Tehran mediated by Qatar"):
        // no act of any kind but a meeting is aimed at its `by` phrase; and a host or broker
        // there (`third-party`) is no party to another verb's act either ("signed a ceasefire
        // after talks mediated by China"; not "struck a tunnel used by Hezbollah").
        let on_noun = agent.via == Via::By && antecedent.is_some();
        let (Some(verb), Some(agent)) = (tree.span(p.head), ctx.filler_span(&agent.filler)) else {
            continue;
        };
        let here = |e: &CodedEvent| overlap(e.verb_span, Some(verb));
        let broker = on_noun
            && verb_code(ctx.coder, tree, a, p)
                .is_some_and(|(code, _)| ctx.policy.third_party(code).is_some());
        events.retain(|e| {
            let backwards = ctx.policy.is_inward(&e.code)
                || on_noun && !ctx.policy.is_mutual(&e.code)
                || broker;
            !((here(e) || broker) && backwards && within(e.target_span, agent))
        });
    }
}

/// Rule `measure-target`: a pattern's target named after the verb only as the modifier of a
/// measure noun ("UN sanctions") that a phrase of one of the noun's target prepositions naming
/// an actor follows ("warned it could trigger the return of UN sanctions on Iran") is that
/// actor: the modifier is the measure's author, not whom the act is aimed at. Only for threats,
/// sanctions and coercion (`measure-object` in `policy.txt`; criticism, protest and support are
/// aimed at the author: "condemned Israeli strikes on Gaza", "backed new EU sanctions on
/// Russia"), and not for a modifier of the doer's own country.
pub(super) fn measure_targets(ctx: &Ctx<'_>, events: &mut [CodedEvent]) {
    for e in events.iter_mut() {
        if !ctx.policy.aims_at_measure_object(&e.code)
            || e.source.get(..3) == e.target.get(..3)
            || e.verb_span
                .zip(e.target_span)
                .is_none_or(|(v, t)| v.end > t.start)
        {
            continue;
        }
        let Some(m) = super::sides::mention_at(ctx, e.target_span) else {
            continue;
        };
        let word = |i: u32| {
            ctx.a
                .leaves
                .get(i as usize)
                .and_then(|&l| ctx.tree.word(l))
                .map(lower)
        };
        let (Some(head), Some(prep)) = (word(m.hi.saturating_sub(1)), word(m.hi)) else {
            continue;
        };
        let measure = m.hi >= m.lo + 2
            && ctx
                .coder_frames
                .event_noun(&[&head])
                .is_some_and(|(_, name)| ctx.coder_frames.aims_through(name, &prep));
        if !measure {
            continue;
        }
        let Some((code, span)) = ctx
            .mentions
            .iter()
            .filter(|x| x.lo == m.hi + 1 && x.level >= 2)
            .find_map(|x| Some((x.codes.iter().find(|c| super::real_code(c))?, x.span)))
        else {
            continue;
        };
        // A measure on the doer's own ("threatened retaliation against EU sanctions on Russian
        // banks") is answered, not aimed: its author stays the target.
        if e.source.get(..3) == code.get(..3) {
            continue;
        }
        e.target.clone_from(code);
        e.target_span = span;
    }
}

/// Rule `participle-agent`: a pattern's target inside the `by` phrase of a passive participle
/// that modifies the noun of a prepositional phrase of the verb ("freed prisoners in an
/// exchange brokered by Oman", "released hostages under a deal mediated by Qatar") is the
/// participle's doer, not whom the verb's act was aimed at; the participle codes its own event.
pub(super) fn participle_agents(ctx: &Ctx<'_>, events: &mut Vec<CodedEvent>) {
    let (a, tree) = (ctx.a, ctx.tree);
    for q in &a.preds {
        let Some((_, Link::Complement | Link::Relative)) = q.under else {
            continue;
        };
        if q.kind != PredKind::Verb || q.voice != Voice::Passive {
            continue;
        }
        let Some(by) = a
            .args_of(q)
            .iter()
            .find(|x| x.role == Role::Agent && x.via == Via::By)
            .and_then(|x| ctx.filler_span(&x.filler))
        else {
            continue;
        };
        // Only a participle in a phrase of a preposition ("in an exchange brokered by …"): the
        // object's own ("struck a tunnel used by Hezbollah") names whose it was.
        let Some(under) = q.under.and_then(|(j, _)| a.preds.get(j as usize)) else {
            continue;
        };
        let own = evidence_span(tree, q);
        // Not in a phrase the act is aimed at ("fired on a convoy operated by the UN"): there the
        // participle names whose the thing hit is.
        let in_pp = a.args_of(under).iter().any(|x| {
            matches!(&x.role, Role::Obl(prep) if !ctx.en.is_prep(prep, Prep::Target))
                && ctx.filler_span(&x.filler).is_some_and(|f| within(own, f))
        });
        if !in_pp {
            continue;
        }
        events.retain(|e| overlap(e.verb_span, own) || !within(e.target_span, by));
    }
}

/// Rule `urged-one`: a pattern of a verb of urging that took its target from inside the urged
/// one's clause ("raised the case at the Organization of American States and urged the bloc to
/// press Caracas for the corporal's release": not Caracas) is aimed at the urged one, when the
/// layer resolves who that is ("the bloc": the OAS).
pub(super) fn urged_ones(ctx: &Ctx<'_>, events: &mut [CodedEvent]) {
    let a = ctx.a;
    for q in &a.preds {
        let Some((j, Link::Control)) = q.under else {
            continue;
        };
        let Some(p) = a.preds.get(j as usize) else {
            continue;
        };
        if !p.classes.has(VerbClass::ObjectControl) {
            continue;
        }
        let Some(x) = a.arg(q, &Role::Agent).filter(|x| x.via == Via::Subject) else {
            continue;
        };
        let (Some(urged), Some(clause)) = (ctx.filler_span(&x.filler), ctx.tree.span(q.scope))
        else {
            continue;
        };
        let verb = evidence_span(ctx.tree, p);
        let aimed_inside = |e: &CodedEvent| {
            overlap(e.verb_span, verb)
                && within(e.target_span, clause)
                && !within(e.target_span, urged)
        };
        if !events.iter().any(aimed_inside) {
            continue;
        }
        let Some(side) = super::sides::side(ctx, q, &x.filler) else {
            continue;
        };
        let Some(code) = side.codes.first() else {
            continue;
        };
        for e in events.iter_mut().filter(|e| aimed_inside(e)) {
            e.target.clone_from(code);
            e.target_span = Some(urged);
            e.antecedents
                .extend(side.antecedents.iter().cloned().map(|mut a| {
                    a.role = "target".into();
                    a
                }));
        }
    }
}

/// Rule `compound-object`: a pattern reading of a verb with an object as a meeting (`mutual`
/// in `policy.txt`) between the members of its coordinated subject ("Premier Li Qiang and top
/// legislator Zhao Leji met Prabowo" is no meeting of Li with Zhao) goes; the layer codes each
/// member's meeting with the object. Exchanges stay ("Russia and Ukraine exchanged prisoners").
pub(super) fn compound_objects(ctx: &Ctx<'_>, events: &mut Vec<CodedEvent>) {
    let (a, tree) = (ctx.a, ctx.tree);
    for p in a.preds.iter().filter(|p| p.kind == PredKind::Verb) {
        let span = |role: Role| a.arg(p, &role).and_then(|x| ctx.filler_span(&x.filler));
        let (Some(agent), Some(_)) = (span(Role::Agent), span(Role::Patient)) else {
            continue;
        };
        let verb = evidence_span(tree, p);
        events.retain(|e| {
            !(overlap(e.verb_span, verb)
                && ctx.policy.is_mutual(&e.code)
                && within(e.source_span, agent)
                && within(e.target_span, agent))
        });
    }
}

/// Rule `object-relative`: in a relative clause with a subject of its own, the noun it hangs on
/// is the verb's object ("turned to Pyongyang, which it has backed ever since"); a pattern
/// event that took that noun for the doer read the clause backwards, and the layer codes it
/// from the clause's subject.
pub(super) fn object_relatives(ctx: &Ctx<'_>, events: &mut Vec<CodedEvent>) {
    let (a, tree) = (ctx.a, ctx.tree);
    for p in a.preds.iter().filter(|p| p.voice == Voice::Active) {
        let own_subject = a
            .arg(p, &Role::Agent)
            .is_some_and(|x| x.via == Via::Subject);
        let Some(noun) = a
            .arg(p, &Role::Patient)
            .filter(|x| own_subject && x.via == Via::Antecedent)
            .and_then(|x| ctx.filler_span(&x.filler))
        else {
            continue;
        };
        drop_doers_within(events, tree.span(p.head), noun, |_| true);
    }
}

/// Drops the pattern events at `verb` (those `which` takes) whose doer lies within `span`:
/// the pattern read the clause backwards.
fn drop_doers_within(
    events: &mut Vec<CodedEvent>,
    verb: Option<Span>,
    span: Span,
    which: impl Fn(&CodedEvent) -> bool,
) {
    events.retain(|e| !(overlap(e.verb_span, verb) && which(e) && within(e.source_span, span)));
}

/// Rule `question-topic`: a pattern's meeting (`mutual` in `policy.txt`) aimed inside a
/// question its verb governs ("officers discussed how Ukraine might use the missiles",
/// "talked about whether Iran would attend") met no one there: the question is the topic.
pub(super) fn question_topics(ctx: &Ctx<'_>, events: &mut Vec<CodedEvent>) {
    let (a, tree) = (ctx.a, ctx.tree);
    for q in &a.preds {
        let Some((j, Link::Complement)) = q.under else {
            continue;
        };
        // (SBAR (WHADVP how) (S … q …)) or (SBAR (IN whether) (S …)), through the clause's
        // auxiliaries.
        let Some(sbar) = super::mode::enclosing(tree, q, "SBAR", 5) else {
            continue;
        };
        let question = tree.children(sbar).first().is_some_and(|&o| {
            tree.label(o).starts_with("WH")
                || tree
                    .word(o)
                    .is_some_and(|w| ctx.en.is_form("open-question", w))
        });
        let (Some(verb), Some(clause)) = (
            a.preds.get(j as usize).and_then(|p| evidence_span(tree, p)),
            tree.span(sbar),
        ) else {
            continue;
        };
        if question {
            events.retain(|e| {
                !(overlap(e.verb_span, Some(verb))
                    && ctx.policy.is_mutual(&e.code)
                    && within(e.target_span, clause))
            });
        }
    }
}
