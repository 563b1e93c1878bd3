//! Verb phrases: the dictionary verb heading a verb phrase, the upper (before the verb, read
//! backwards) and lower (after it) item sequences, the first pattern of its block that matches,
//! passive voice, and the source and target by the pattern or by PETRARCH's priorities (the
//! tree subject, the first coded phrase before the verb; the first after it). The news options'
//! rules are in `news.rs`.

use super::matcher::Binds;
use super::mentions::Member;
use super::news;
use super::sent::{Item, NONE, Phrase, Sent, Tag, item_of_word, span_of_leaves};
use super::{CodedEvent, Coder, OpenCode, RuleKey, Trace, TraceVerb};
use crate::Options;
use crate::lexicon::{CompiledPattern, UNKNOWN};
use demarche_dict::VerbCode;
use demarche_model::{NodeId, RuleRef};

/// How far [`Coder::subject_ne`] climbs looking for a subject.
const MAX_CLIMB: usize = 256;

impl Coder<'_> {
    pub(super) fn code_vp(
        &self,
        s: &Sent<'_>,
        vp: NodeId,
        opts: &Options,
        (events, open): (&mut Vec<CodedEvent>, Option<&mut Vec<OpenCode>>),
        trace: Option<&mut Trace>,
    ) -> bool {
        let tree = s.tree;
        let Some(&first) = tree.children(vp).first() else {
            return false;
        };
        if !tree.is_leaf(first) {
            return false;
        }
        let v = s.lo[first.index()] as usize;
        if s.tags.get(v) != Some(&Tag::Verb) || s.deleted.get(v).copied().unwrap_or(true) {
            return false;
        }
        let Some(&vw) = s.words.get(v) else {
            return false;
        };
        // An auxiliary before its verb phrase ("which had accused Washington before the
        // meeting") is no verb of its own: its patterns ("HAVE … MEETING") would read the
        // main verb's objects.
        if tree
            .children(vp)
            .get(1)
            .is_some_and(|&c| tree.label(c) == "VP")
            && tree
                .word(first)
                .is_some_and(|w| demarche_text::english::get().aux(w).is_some())
        {
            return false;
        }
        let Some(forms) = self.lex.verb_forms.get(&vw) else {
            return false;
        };
        // Forms are sorted most specific first; among equally specific ones a later definition
        // of the same verb replaces an earlier one, as it does in PETRARCH's verb table.
        let fits = |f: &&crate::lexicon::CompiledForm| {
            let nb = f.before.len();
            let na = f.after.len();
            v >= nb
                && f.before
                    .iter()
                    .enumerate()
                    .all(|(k, w)| s.words.get(v - nb + k) == Some(w))
                && f.after
                    .iter()
                    .enumerate()
                    .all(|(k, w)| s.words.get(v + 1 + k) == Some(w))
                && v + 1 + na <= s.words.len()
        };
        let form = forms.iter().filter(fits).fold(
            None,
            |best: Option<&crate::lexicon::CompiledForm>, f| match best {
                Some(b) if b.before.len() + b.after.len() > f.before.len() + f.after.len() => {
                    Some(b)
                }
                _ => Some(f),
            },
        );
        let Some(form) = form else { return false };
        let vfirst = v - form.before.len();
        let vlast = v + form.after.len();
        // A relative clause on a noun after the verb ("ended a visit to Chad, during which
        // he held talks") is no part of the verb's lower sequence: the clause's own verb codes
        // what it says.
        let vp_hi = relative_clause_start(s, vlast + 1, s.hi[vp.index()] as usize);
        // Item ranges: upper = [ustart, ufirst) read backwards; lower = (vlast item, lend).
        let ustart = s
            .leaf_item
            .get(s.stop.get(vfirst).copied().unwrap_or(0) as usize)
            .copied()
            .unwrap_or(0) as usize;
        let ufirst = item_of_word(s, vfirst);
        let lstart = item_of_word(s, vlast) + 1;
        let lend = s
            .leaf_item
            .get(vp_hi)
            .copied()
            .map(|x| x as usize)
            .unwrap_or(s.items.len())
            .max(lstart);
        let upper: Vec<Item> = s
            .items
            .get(ustart..ufirst.max(ustart))
            .unwrap_or(&[])
            .iter()
            .rev()
            .copied()
            .collect();
        let lower: &[Item] = s.items.get(lstart..lend).unwrap_or(&[]);

        let verb = self.dicts.verbs.verb(form.form.verb);
        let block_patterns = self
            .lex
            .block_patterns
            .get(form.block as usize)
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        let mut fired: Option<(&CompiledPattern, Binds)> = None;
        for p in block_patterns {
            if !p.words.iter().all(|w| s.present.binary_search(w).is_ok()) {
                continue;
            }
            let mut b = Binds::default();
            if self.match_steps(s, lower, &p.lower, 0, &mut b, false)
                && self.match_steps(s, &upper, &p.upper, 0, &mut b, true)
            {
                fired = Some((p, b));
                break;
            }
        }
        let code: Option<&VerbCode> = match &fired {
            Some((p, _)) => Some(&p.code),
            None => self.dicts.verbs.code_of(form.form.verb),
        };
        let mut binds = fired.as_ref().map(|(_, b)| *b).unwrap_or_default();
        let verb_span = span_of_leaves(s, vfirst, vlast);
        let mut rules = vec![RuleKey::Verb(form.form.verb.0)];
        if let Some((p, _)) = &fired {
            rules.push(RuleKey::Pattern(p.pattern));
        }

        // Passive voice: `X was opposed by Y` codes Y → X.
        let passive_form = tree.label(first) == "VBN" && self.is_passive(s, &upper);
        let mut passive = false;
        if fired.is_none()
            && passive_form
            && let Some(agent) = self.by_phrase(s, lower)
        {
            passive = true;
            binds.source = Some(agent);
            binds.target = self
                .subject_ne(s, vp, Some(agent))
                .or_else(|| find_source(s, &upper, Some(agent)))
                .filter(|&n| !(opts.reported_speech && news::outside_adjunct(s, vp, n, true)));
        }
        // Rule `pattern-passive` (news reading): a passive's doer is its `by` phrase ("had
        // been granted asylum by Mexico", a pattern's act), else nobody, with or without a
        // pattern ("the killing had been ordered from Venezuela", under "prosecutors said");
        // the subject is the one it was done to.
        let mut no_doer = false;
        if opts.reported_speech && !passive && binds.source.is_none() && passive_form {
            match self
                .by_phrase(s, lower)
                .filter(|&a| Some(a) != binds.target)
            {
                Some(agent) => {
                    passive = true;
                    binds.source = Some(agent);
                    if binds.target.is_none() {
                        binds.target = self
                            .subject_ne(s, vp, Some(agent))
                            .filter(|&n| !news::outside_adjunct(s, vp, n, true));
                    }
                }
                None => no_doer = true,
            }
        }
        let reciprocal = binds.compound.is_some() && binds.target.is_none() && binds.compound_upper;
        if binds.compound.is_some() {
            if binds.compound_upper {
                if binds.source.is_none() {
                    binds.source = binds.compound;
                }
            } else if binds.target.is_none() {
                binds.target = binds.compound;
            }
        }
        let source = binds.source.or_else(|| {
            if no_doer {
                return None;
            }
            self.subject_ne(s, vp, binds.target)
                .or_else(|| find_source(s, &upper, binds.target))
                .filter(|&n| {
                    !(opts.reported_speech && news::outside_adjunct(s, vp, n, passive_form))
                })
        });
        let mutual = code
            .and_then(|c| usable(c.forward()))
            .is_some_and(|c| self.dicts.policy.is_mutual(c));
        let target = if reciprocal {
            source
        } else {
            binds.target.or_else(|| {
                find_target(s, lower, &upper, source, |n| {
                    opts.reported_speech
                        && (news::in_predicative(s, vp, n)
                            || news::before_own_clause(s, vp, n)
                            || mutual && news::in_topic(s, vp, n))
                })
                .filter(|&n| !(opts.reported_speech && news::outside_adjunct(s, vp, n, true)))
            })
        };

        if let Some(t) = trace {
            let code_text = code.map(|c| c.to_string()).unwrap_or_else(|| "---".into());
            let pattern = fired.as_ref().and_then(|(p, _)| {
                let vp = self
                    .dicts
                    .verbs
                    .pattern(demarche_dict::PatternId(p.pattern))?;
                Some((vp.origin.rule_ref(), pattern_text(vp)))
            });
            t.verbs.push(TraceVerb {
                span: verb_span,
                verb: verb.map(|v| v.written.clone()).unwrap_or_default(),
                block: verb
                    .and_then(|v| self.dicts.verbs.block(v.block))
                    .map(|b| b.name.clone())
                    .unwrap_or_default(),
                pattern,
                candidates: block_patterns.len(),
                code: code_text,
                source: source
                    .and_then(|n| s.nes.get(n as usize))
                    .map(|n| n.codes.clone()),
                target: target
                    .and_then(|n| s.nes.get(n as usize))
                    .map(|n| n.codes.clone()),
                passive,
            });
        }
        let Some(code) = code else { return false };
        // "agreed to resume talks", "pledged to send aid": with `intent`, a bare intention verb
        // leaves its infinitive to be coded (as an intention, see `news::intent_frame`).
        if opts.intent && fired.is_none() && news::leaves_infinitive(s, v, vp) {
            return false;
        }
        // Negation (an option): "did not attack", "is not ready for talks" is no event, whatever
        // pattern fired (no pattern of ours spells a negation out).
        if opts.negation && news::is_negated(s, vp) {
            return false;
        }
        if opts.intent && (news::is_hypothetical(s, vp) || news::under_object_control(s, vp)) {
            return false;
        }
        let future = opts.intent && news::is_future(s, vp);
        let policy = &self.dicts.policy;
        // `[025?]`: a code the dictionary marks as doubtful codes nothing.
        let fwd = usable(code.forward()).map(|c| if future { policy.intent_code(c) } else { c });
        let rev = usable(code.reverse()).map(|c| if future { policy.intent_code(c) } else { c });
        if fwd.is_none() && rev.is_none() {
            return false;
        }
        // "condemned the killing of a Hezbollah commander by Israel": criticism or rejection
        // of a deed is aimed at whoever did it, named by a "by" phrase (news reading only).
        let target = match fwd {
            Some(c)
                if opts.domestic()
                    && !passive
                    && fired.is_none()
                    && policy.targets_deed_agent(c) =>
            {
                self.deed_agent(s, lower, source).or(target)
            }
            _ => target,
        };
        // Joint action of a compound subject with no coded target ("India and China agreed to
        // resolve the dispute", "Armenia and Azerbaijan signed a deal"): a cooperative act
        // done together is coded between the partners, each way. Never a visit (`visit`):
        // "Spain and Britain arrived in Morocco" is made to the place, not between the two.
        let target = match (source, target) {
            (Some(src), t)
                if opts.joint_subject()
                    && fwd.is_some_and(|c| policy.is_joint(c) && !policy.is_visit(c))
                    && news::is_joint(
                        s,
                        src,
                        t,
                        fwd.is_some_and(|c| policy.setting(c).is_some()),
                    ) =>
            {
                Some(src)
            }
            (_, t) => t,
        };
        // A pattern's code that may find no target, for the layer to complete: only from a
        // pattern that names no side itself (its source is the verb's subject: "- * &13").
        let open_code = fired
            .as_ref()
            .filter(|(_, b)| b.source.is_none() && b.target.is_none() && b.compound.is_none())
            .and_then(|(p, _)| Some((p.pattern, usable(code.forward())?)));
        let mut open = open;
        let mut leave_open = || {
            if let (Some(o), Some((pattern, code))) = (open.as_mut(), open_code) {
                o.push(OpenCode {
                    verb_span,
                    code: code.to_string(),
                    pattern,
                });
            }
        };
        let (Some(src), Some(tgt)) = (source, target) else {
            if source.is_some() {
                leave_open();
            }
            // A passive with no doer still holds its complement ("was accused of plotting").
            return no_doer && target.is_some();
        };
        let (Some(sne), Some(tne)) = (s.nes.get(src as usize), s.nes.get(tgt as usize)) else {
            return false;
        };
        // An agent with no country as target ("dozens of protesters", "the government"):
        // with the option `domestic`, it takes the country of a place the verb phrase names,
        // else that of a domestic source (see `news::localise`).
        let place = if opts.domestic() {
            news::place_country(policy, s, vp, src, tgt)
        } else {
            None
        };
        let localise = |sc: &str, tc: &str, code: &str| -> Option<String> {
            if !opts.domestic() {
                return None;
            }
            news::localise(policy, place, (sc, tc), code)
        };
        let before = events.len();
        let mut emit = |a: usize, b: usize, c: &str, forward: bool| {
            let (sn, tn) = if forward { (sne, tne) } else { (tne, sne) };
            let (Some(sc), Some(tc)) = (sn.codes.get(a), tn.codes.get(b)) else {
                return;
            };
            let local_src = if forward && opts.domestic() {
                let home = place.or_else(|| news::people_country(policy, s, src));
                news::localise_source(policy, home, sc)
            } else {
                None
            };
            let sc = local_src.as_ref().unwrap_or(sc);
            let local = if forward { localise(sc, tc, c) } else { None };
            let tc = local.as_ref().unwrap_or(tc);
            // With the predicate layer, a personal pronoun source ("He urged …") is kept for
            // the layer to resolve through the document (`frames::sides::fill_pronoun`); the
            // pipeline drops it if nothing does.
            let pronoun = |ne: &super::mentions::Ne| {
                ne.hi == ne.lo + 1 && s.tags.get(ne.lo as usize) == Some(&Tag::Pronoun)
            };
            let open_source = opts.frames() && sc == "---" && pronoun(sn);
            if sc == tc || (opts.require_dyad && ((sc == "---" && !open_source) || tc == "---")) {
                if forward && tc == "---" && sc != "---" {
                    leave_open();
                }
                return;
            }
            if events
                .iter()
                .any(|e| &e.source == sc && &e.target == tc && e.code == c)
            {
                return;
            }
            let none = Member::default();
            let sm = sn.members.get(a).unwrap_or(&none);
            let tm = tn.members.get(b).unwrap_or(&none);
            let mut keys = rules.clone();
            keys.extend(sm.rules.iter().copied());
            keys.extend(tm.rules.iter().copied());
            keys.sort_unstable();
            keys.dedup();
            let mut ev_rules: Vec<RuleRef> =
                keys.iter().filter_map(|k| self.rule_ref(*k)).collect();
            ev_rules.sort();
            ev_rules.dedup();
            events.push(CodedEvent {
                source: sc.clone(),
                target: tc.clone(),
                code: c.to_string(),
                source_span: sm.span.or_else(|| tree.span(sn.node)),
                target_span: tm.span.or_else(|| tree.span(tn.node)),
                verb_span,
                rules: ev_rules,
                antecedents: Vec::new(),
            });
        };
        for a in 0..sne.codes.len() {
            for b in 0..tne.codes.len() {
                if let Some(f) = fwd {
                    emit(a, b, f, true);
                }
                if let Some(r) = rev {
                    emit(b, a, r, false);
                }
            }
        }
        // "Venezuela said it had arrested three Americans accused of plotting ...": a verb
        // with a reported clause that codes nothing itself (no country on one side) leaves
        // the clause to be coded, in the news reading.
        if opts.reported_speech && events.len() == before && news::has_finite_clause(s, vp) {
            return false;
        }
        true
    }

    /// The subject of a verb phrase, from the tree: climbing from the verb phrase, the nearest
    /// noun phrase before it in an enclosing clause (or the noun phrase a reduced relative
    /// modifies). Its first coded actor phrase is the source.
    fn subject_ne(&self, s: &Sent<'_>, vp: NodeId, exclude: Option<u32>) -> Option<u32> {
        let tree = s.tree;
        let mut child = vp;
        let mut null_subject: Option<u32> = None;
        // Clauses nest a few levels in real text; the bound keeps a pathological tree linear.
        let mut levels = 0;
        while let Some(parent) = tree.parent(child) {
            levels += 1;
            if levels > MAX_CLIMB {
                break;
            }
            let pk = s.kind[parent.index()];
            let is_s = pk == Phrase::Clause && !tree.label(parent).starts_with("SBAR");
            if is_s || pk == Phrase::Np {
                let kids = tree.children(parent);
                let pos = kids.iter().position(|&c| c == child).unwrap_or(0);
                // A clause joined to an earlier one without a subject of its own (`Gondor
                // launched X and shelling Y`) shares the earlier clause's subject.
                let shared = |c: NodeId| {
                    let sub_s = is_s
                        && !tree.is_leaf(c)
                        && s.kind[c.index()] == Phrase::Clause
                        && !tree.label(c).starts_with("SBAR");
                    if !sub_s {
                        return None;
                    }
                    tree.children(c)
                        .iter()
                        .copied()
                        .find(|&g| !tree.is_leaf(g) && s.kind[g.index()] == Phrase::Np)
                };
                for &c in kids.get(..pos).unwrap_or(&[]).iter().rev() {
                    let c = if tree.is_leaf(c) || s.kind[c.index()] != Phrase::Np {
                        match shared(c) {
                            Some(np) => np,
                            None => continue,
                        }
                    } else {
                        c
                    };
                    let (lo, hi) = (s.lo[c.index()], s.hi[c.index()]);
                    let mut nes: Vec<u32> = Vec::new();
                    for l in lo..hi {
                        let ne = s.ne_of.get(l as usize).copied().unwrap_or(NONE);
                        if ne != NONE && Some(ne) != exclude && nes.last() != Some(&ne) {
                            nes.push(ne);
                        }
                    }
                    let level = |n: u32| s.nes.get(n as usize).map_or(0, |ne| ne.level);
                    let best = nes
                        .iter()
                        .copied()
                        .find(|&n| level(n) == 2)
                        .or_else(|| nes.iter().copied().find(|&n| level(n) == 1));
                    if best.is_some() {
                        return best;
                    }
                    // An uncoded subject (`it would act`): keep looking further up, as
                    // PETRARCH takes the first coded phrase before the verb.
                    if null_subject.is_none() {
                        null_subject = nes.first().copied();
                    }
                    if !nes.is_empty() {
                        break;
                    }
                }
            }
            child = parent;
        }
        null_subject
    }

    /// Whether the nearest verb before the participle (adverbs skipped) is a `be` form: "was
    /// opposed", "were not invited".
    fn is_passive(&self, s: &Sent<'_>, upper: &[Item]) -> bool {
        for it in upper {
            if let Item::Word(l) = *it {
                let l = l as usize;
                match s.tags.get(l) {
                    Some(Tag::Adverb) => continue,
                    Some(Tag::Verb) => {
                        let w = s.words.get(l).copied().unwrap_or(UNKNOWN);
                        return w != UNKNOWN && self.be_forms.contains(&w);
                    }
                    _ => return false,
                }
            }
        }
        false
    }

    /// The noun phrase right after a passive-agent preposition (`by`) in the lower sequence.
    pub(super) fn by_phrase(&self, s: &Sent<'_>, lower: &[Item]) -> Option<u32> {
        if self.agent_preps.is_empty() {
            return None;
        }
        for (i, item) in lower.iter().enumerate() {
            if let Item::Word(l) = item
                && s.words
                    .get(*l as usize)
                    .is_some_and(|w| self.agent_preps.contains(w))
            {
                return match lower.get(i + 1) {
                    Some(Item::NeStart(ne)) => Some(*ne),
                    _ => None,
                };
            }
        }
        None
    }
}

/// Noun phrases in `seq` (an upper sequence, verb-outward) in sentence order.
fn nes_in(seq: &[Item]) -> impl Iterator<Item = u32> + '_ {
    seq.iter().rev().filter_map(|it| match it {
        Item::NeStart(n) => Some(*n),
        _ => None,
    })
}

/// The source from the upper sequence: the first coded noun phrase in sentence order
/// (dictionary actors before new actors), else the first uncoded one.
fn find_source(s: &Sent<'_>, upper: &[Item], exclude: Option<u32>) -> Option<u32> {
    let cands = || nes_in(upper).filter(|&n| Some(n) != exclude);
    let level = |n: u32| s.nes.get(n as usize).map_or(0, |ne| ne.level);
    cands()
        .find(|&n| level(n) == 2)
        .or_else(|| cands().find(|&n| level(n) == 1))
        .or_else(|| cands().next())
}

/// The target, by PETRARCH's priorities: a coded phrase after the verb whose codes differ from
/// the source's (dictionary actors before new actors); an uncoded phrase after the verb; then
/// the same before the verb, nearest first; never a phrase `skip` refuses (the news reading's
/// rules `predicative-as`, `reporter-no-target` and `meeting-topic`).
fn find_target(
    s: &Sent<'_>,
    lower: &[Item],
    upper: &[Item],
    source: Option<u32>,
    skip: impl Fn(u32) -> bool,
) -> Option<u32> {
    let src_codes = source.and_then(|n| s.nes.get(n as usize)).map(|n| &n.codes);
    let differs = |n: u32| {
        let Some(ne) = s.nes.get(n as usize) else {
            return false;
        };
        match src_codes {
            Some(sc) if sc.len() == 1 && ne.codes.len() == 1 => sc != &ne.codes,
            _ => true,
        }
    };
    let lower_nes = || {
        lower
            .iter()
            .filter_map(|it| match it {
                Item::NeStart(n) => Some(*n),
                _ => None,
            })
            .filter(|&n| Some(n) != source && !skip(n))
    };
    let upper_nes = || {
        upper
            .iter()
            .filter_map(|it| match it {
                Item::NeEnd(n) => Some(*n),
                _ => None,
            })
            .filter(|&n| Some(n) != source && !skip(n))
    };
    let level = |n: u32| s.nes.get(n as usize).map_or(0, |ne| ne.level);
    lower_nes()
        .find(|&n| level(n) == 2 && differs(n))
        .or_else(|| lower_nes().find(|&n| level(n) == 1 && differs(n)))
        .or_else(|| lower_nes().find(|&n| level(n) == 0))
        .or_else(|| upper_nes().find(|&n| level(n) == 2 && differs(n)))
        .or_else(|| upper_nes().find(|&n| level(n) == 1 && differs(n)))
        .or_else(|| upper_nes().find(|&n| level(n) == 0))
}

/// A pattern in PETRARCH's written form, for traces.
fn pattern_text(p: &demarche_dict::VerbPattern) -> String {
    use demarche_dict::PatternItem as P;
    fn item(i: &P, out: &mut String) {
        match i {
            P::Verb => out.push('*'),
            P::Word(w) => out.push_str(w),
            P::Synset(id) => {
                out.push('&');
                out.push_str(&id.0.to_string());
            }
            P::Source => out.push('$'),
            P::Target => out.push('+'),
            P::Compound => out.push('%'),
            P::Skip => out.push('^'),
            P::NounPhrase(items) => {
                out.push('{');
                for (k, x) in items.iter().enumerate() {
                    if k > 0 {
                        out.push(' ');
                    }
                    item(x, out);
                }
                out.push('}');
            }
            P::PrepPhrase {
                preposition,
                object,
            } => {
                out.push('(');
                item(preposition, out);
                for x in object {
                    out.push(' ');
                    item(x, out);
                }
                out.push(')');
            }
        }
    }
    let mut out = String::new();
    for (k, t) in p.tokens.iter().enumerate() {
        if k > 0 {
            out.push(if t.joined { '_' } else { ' ' });
        }
        item(&t.item, &mut out);
    }
    out.push_str(&format!(" [{}]", p.code));
    out
}

/// A code half that can be emitted: `[025?]` marks a doubtful code, which codes nothing.
fn usable(c: Option<&demarche_dict::EventCode>) -> Option<&str> {
    c.map(|c| c.code.as_str())
        .filter(|c| !c.contains('?') && !c.is_empty())
}

/// The first leaf, in `from..to`, of a relative clause (an `SBAR` opened by a wh-phrase) on a
/// noun phrase; `to` when there is none.
fn relative_clause_start(s: &Sent<'_>, from: usize, to: usize) -> usize {
    (from..to)
        .find(|&l| s.relative.get(l).copied().unwrap_or(false))
        .unwrap_or(to)
}
