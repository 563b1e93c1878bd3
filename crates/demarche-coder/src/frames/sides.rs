//! Who an event's sides are: a predication's arguments resolved to actor mentions, with the
//! fallbacks of the news reading (rules `addressee`, `domestic-place`, `event-agent`,
//! `comitative`, and the anaphors: "it" as the reporter, an object pronoun of a participle as
//! the main object, "each other", and the [`Discourse`](crate::discourse::Discourse)).

use super::{Ctx, Side, country, lower, refer};
use crate::discourse::Entity;
use crate::legacy::{CodedEvent, Mention};
use demarche_dict::frames::NounFrame;
use demarche_model::{Antecedent, RuleRef, Span};
use demarche_predicates::{Filler, Link, Polarity, PredKind, Predication, Role, Voice};
use demarche_text::english::{Anaphor, Prep};

/// A code that names an actor with a country or organisation (not `---`, not a quoted new
/// actor).
pub(super) fn real_code(c: &str) -> bool {
    !c.starts_with("---") && !c.starts_with('"')
}

/// The one country a mention's `codes` name: the country of its real country codes, when
/// there is one and they all agree.
pub(super) fn one_country<'c>(ctx: &Ctx<'_>, codes: &'c [String]) -> Option<&'c str> {
    let mut countries = codes
        .iter()
        .filter(|c| real_code(c) && ctx.policy.is_country(country(c)))
        .map(|c| country(c));
    let k = countries.next()?;
    countries.all(|o| o == k).then_some(k)
}

/// A country-less agent code: with the country of the place its sentence opens with (rule
/// `fronted-place`, citing its policy line), or, in a definite description ("the ministry"
/// `---GOV`), of the actor the discourse gives; and where that was named.
pub(super) fn fill_country(
    ctx: &Ctx<'_>,
    code: &str,
    span: Option<Span>,
) -> Option<(String, Antecedent, Option<RuleRef>)> {
    if let Some((placed, rule, ante)) = super::setting::fronted_place(ctx, code, span) {
        return Some((placed, ante, Some(rule)));
    }
    described_country(ctx, code, span).map(|(c, ante)| (c, ante, None))
}

/// [`fill_country`] for a definite description.
fn described_country(
    ctx: &Ctx<'_>,
    code: &str,
    span: Option<Span>,
) -> Option<(String, Antecedent)> {
    let first = span.and_then(|sp| ctx.tree_text_first_word(sp))?;
    if !ctx.en.is_definite(&first) {
        return None;
    }
    let words = span.and_then(|sp| sp.slice(ctx.text)).unwrap_or_default();
    let Some(rest) = code.strip_prefix("---") else {
        // Rule `same-noun` over a pattern's localisation: "The court issued the warrant …
        // over the war in Gaza" after "the International Criminal Court" is that court, not
        // a Palestinian one (a country-less mention the pattern coder gave a place's country).
        let suffix = code.get(3..).filter(|r| !r.is_empty())?;
        mention_at(ctx, span)?
            .codes
            .iter()
            .find(|c| c.strip_prefix("---") == Some(suffix))?;
        let e = ctx.discourse.same_noun(suffix, words)?;
        return (e.code != code).then(|| (e.code.clone(), antecedent(e)));
    };
    if rest.is_empty() {
        let e = refer::name_head(ctx, span?)?;
        return Some((e.code.clone(), antecedent(e)));
    }
    // Rule `own-phrase`: "the authorities in Kabul" name their country themselves.
    if let Some(m) = mention_at(ctx, span).and_then(|m| super::setting::own_phrase(ctx, m.hi)) {
        let place = m.codes.first()?;
        return Some((format!("{place}{rest}"), ctx.named_here(m.span)));
    }
    let Some(e) = ctx.discourse.country_for(code, words, ctx.policy) else {
        return refer::sentence_country(ctx, rest, span?);
    };
    // An organisation's code that goes on past the agent ("the court", IGOJUDICC) is whole.
    let filled = match e.code.get(3..) {
        Some(r) if r.starts_with(rest) || r.ends_with(rest) => e.code.clone(),
        _ => format!("{}{rest}", e.code.get(..3)?),
    };
    Some((filled, antecedent(e)))
}

/// A pattern's side that is a personal pronoun alone (code `---`: "He urged the Afghan
/// authorities to …"): the actor the discourse gives for it (rules `person-pronoun`,
/// `thing-pronoun`), and where that was named.
pub(super) fn fill_pronoun(
    ctx: &Ctx<'_>,
    code: &str,
    span: Option<Span>,
) -> Option<(String, Antecedent)> {
    let sp = span.filter(|sp| code == "---" && sp.end > sp.start)?;
    let word = ctx.tree_text_first_word(sp)?;
    if word.len() != sp.end - sp.start {
        return None;
    }
    let kind = ctx.en.anaphor(&[word.as_ref()])?;
    if !matches!(kind, Anaphor::Person | Anaphor::Thing | Anaphor::Plural) {
        return None;
    }
    // The agent of a predication: as the layer reads it there ("said in a statement, in which
    // he thanked …" is the sayer).
    let own = ctx.a.preds.iter().find_map(|p| {
        let x = ctx.a.arg(p, &Role::Agent)?;
        let Filler::Phrase { lo, hi, .. } = x.filler else {
            return None;
        };
        (ctx.leaf_span(lo, hi) == Some(sp)).then(|| anaphor_side(ctx, p, lo, hi))?
    });
    if let Some(s) = own.filter(|s| s.codes.len() == 1) {
        let here = || Antecedent {
            role: String::new(),
            sentence: ctx.discourse.sentence,
            text: s
                .span
                .and_then(|x| x.slice(ctx.text))
                .unwrap_or_default()
                .into(),
            span: s.span,
        };
        let ante = s.antecedents.first().cloned().unwrap_or_else(here);
        return Some((s.codes.first()?.clone(), ante));
    }
    let e = *ctx.discourse.resolve(kind, ctx.policy).first()?;
    Some((e.code.clone(), antecedent(e)))
}

/// Rule `state-protest`: a protest whose doer is a state itself — a country or capital named by
/// one of its names (not its people's: "Kenyans"), or its government — is recoded as the
/// policy's official complaint. Returns whether that complaint is aimed at the state's own
/// country (the `at-home` reading of a people's protest), which is no event.
pub(super) fn state_complaint(ctx: &Ctx<'_>, e: &mut CodedEvent) -> bool {
    let Some(rule) = ctx.policy.state_protest(&e.code) else {
        return false;
    };
    // Its government is the agent a people's protest at home is aimed at (`at-home`).
    let government = ctx.policy.at_home(&e.code).map(|a| a.code.as_str());
    let state = match (e.source.len(), e.source.get(3..)) {
        (3, _) => ctx.policy.is_country(&e.source) && names_state(ctx, e.source_span),
        (_, Some(agent)) => government == Some(agent) && ctx.policy.is_country(country(&e.source)),
        _ => false,
    };
    if !state {
        return false;
    }
    e.code.clone_from(&rule.code);
    e.rules.push(rule.origin.rule_ref());
    country(&e.target) == country(&e.source)
}

/// Whether the mention at `span` is one of its actor's names (a leading "the" aside) and not
/// the name of its people, nor what a phrase counts ("thousands of Congolese").
fn names_state(ctx: &Ctx<'_>, span: Option<Span>) -> bool {
    let Some(m) = mention_at(ctx, span) else {
        return false;
    };
    if ctx
        .tree
        .parent(m.node)
        .is_some_and(|p| ctx.tree.label(p) == "PP")
    {
        return false;
    }
    let Some(words) = ctx.lower_words(m.lo, m.hi) else {
        return false;
    };
    let words = match words.as_slice() {
        [first, rest @ ..] if ctx.en.is_definite(first) => rest,
        all => all,
    };
    ctx.coder.names_state(m, words)
}

/// The mention whose phrase is exactly `span` (an event's side).
pub(super) fn mention_at<'c>(ctx: &Ctx<'c>, span: Option<Span>) -> Option<&'c Mention> {
    let span = span?;
    ctx.mentions.iter().find(|m| m.span == Some(span))
}

pub(super) fn antecedent(e: &Entity) -> Antecedent {
    Antecedent {
        role: String::new(),
        sentence: e.sentence,
        text: e.text.clone(),
        span: e.span,
    }
}

/// The mention that a phrase filler stands for: the leftmost coded mention inside it (one that
/// comma-clause deletion kept, on a tie), else a coded mention around it (a modifier inside a
/// noun phrase). Deleted mentions count: the predicate layer, not comma rules, decides here.
pub(super) fn mention_for(mentions: &[Mention], lo: u32, hi: u32) -> Option<&Mention> {
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

/// The head noun phrase of a phrase: "the group" in "the group of trying to rebuild …",
/// "Putin" in "Putin, who met Xi, …".
pub(super) fn head_range(
    ctx: &Ctx<'_>,
    node: demarche_model::NodeId,
    lo: u32,
    hi: u32,
) -> (u32, u32) {
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
pub(super) fn side(ctx: &Ctx<'_>, p: &Predication, f: &Filler) -> Option<Side> {
    let Filler::Phrase { node, lo, hi } = *f else {
        return None;
    };
    if let Some(s) = refer::included(ctx, lo, hi) {
        return Some(s);
    }
    let (hlo, hhi) = head_range(ctx, node, lo, hi);
    if (hlo, hhi) != (lo, hi) && !refer::named_in_complement(ctx, hlo, hhi, hi) {
        let head = Filler::Phrase {
            node,
            lo: hlo,
            hi: hhi,
        };
        if let Some(s) = side_in(ctx, p, &head) {
            return Some(s);
        }
        // An unresolved pronoun heads the phrase: the names inside it are not its referent
        // ("them of inciting violence against Palestinians").
        if is_anaphor(ctx, hlo, hhi) {
            return None;
        }
    }
    side_in(ctx, p, f).or_else(|| refer::named_again(ctx, lo, hi))
}

pub(super) fn side_in(ctx: &Ctx<'_>, p: &Predication, f: &Filler) -> Option<Side> {
    let Filler::Phrase { lo, hi, .. } = *f else {
        return None;
    };
    // "the two leaders", "both governments": a pair, though an agent word names its kind.
    if is_pair(ctx, lo, hi)
        && let Some(s) = anaphor_side(ctx, p, lo, hi)
    {
        return Some(s);
    }
    // "the two countries' ambassadors": rule `pair-owner`.
    let possessive = ctx
        .lower_words(lo, hi)
        .and_then(|w| w.iter().position(|&x| x == "'s" || x == "'"))
        .filter(|&k| k > 0);
    if let Some(s) = possessive.and_then(|k| super::pairs::pair_owner(ctx, p, lo, hi, k as u32)) {
        return Some(s);
    }
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
            } else if let Some((filled, ante, _)) = fill_country(ctx, c, m.span) {
                out.codes.push(filled);
                out.antecedents.push(ante);
            }
        }
        if !out.codes.is_empty() {
            return Some(out);
        }
        // "said its drones had struck …": a country-less agent owned by a pronoun takes the
        // country of the actor the pronoun stands for.
        if hi > lo + 1
            && m.codes.iter().any(|c| c.starts_with("---") && c.len() > 3)
            && let Some(owner) = anaphor_side(ctx, p, lo, lo + 1)
        {
            for c in m.codes.iter().filter_map(|c| c.strip_prefix("---")) {
                for o in &owner.codes {
                    out.codes.push(format!("{}{c}", country(o)));
                }
            }
            out.antecedents = owner.antecedents;
            if !out.codes.is_empty() {
                return Some(out);
            }
        }
    }
    // "praised the bloc's decision": a possessor that stands for an actor named before.
    if let Some(k) = possessive.filter(|&k| is_anaphor(ctx, lo, lo + k as u32)) {
        return anaphor_side(ctx, p, lo, lo + k as u32);
    }
    anaphor_side(ctx, p, lo, hi).or_else(|| {
        let span = ctx.leaf_span(lo, hi)?;
        let e = refer::name_head(ctx, span)?;
        Some(Side {
            codes: vec![e.code.clone()],
            span: Some(span),
            rules: Vec::new(),
            antecedents: vec![antecedent(e)],
        })
    })
}

pub(super) fn is_pair(ctx: &Ctx<'_>, lo: u32, hi: u32) -> bool {
    ctx.lower_words(lo, hi).is_some_and(|w| {
        matches!(
            ctx.en.anaphor(&w),
            Some(Anaphor::Pair | Anaphor::RecentPair | Anaphor::Counted(_))
        )
    })
}

pub(super) fn is_anaphor(ctx: &Ctx<'_>, lo: u32, hi: u32) -> bool {
    ctx.lower_words(lo, hi)
        .is_some_and(|w| ctx.en.anaphor(&w).is_some())
}

/// What a clause's act is aimed at: its object, or — for a support verb — its event noun's
/// target ("imposed sanctions on two ministers").
pub(super) fn main_object(ctx: &Ctx<'_>, q: &Predication) -> Option<Side> {
    if q.absorbed {
        let noun = ctx.a.preds.iter().find(|n| n.support == Some(q.head))?;
        let frame = ctx
            .coder_frames
            .frame_for(noun.noun, noun.support_lemma.as_deref())?;
        return direct_target(ctx, noun, Some(frame));
    }
    let obj = ctx.a.arg(q, &Role::Patient)?;
    side(ctx, q, &obj.filler)
}

/// "he", "it", "the two sides", "the group": the actors the discourse gives.
pub(super) fn anaphor_side(ctx: &Ctx<'_>, p: &Predication, lo: u32, hi: u32) -> Option<Side> {
    let words = ctx.lower_words(lo, hi)?;
    let kind = ctx.en.anaphor(&words)?;
    // "each other": the members of the agent, each to the other.
    if kind == Anaphor::Reciprocal {
        let agent = ctx.a.arg(p, &Role::Agent)?;
        if let Filler::Phrase { lo: alo, .. } = agent.filler
            && alo >= lo
        {
            return None;
        }
        return side(ctx, p, &agent.filler).filter(|s| s.codes.len() > 1);
    }
    let span = ctx.leaf_span(lo, hi);
    // "Pakistan said it would …": the reporter, in its own sentence; so in a relative or
    // adverbial clause ("sanctioned Kabarebe, whom it accused of …"). "'We will respond,' the
    // ministry said": the speaker.
    // Up a short chain: "Russia said it was prepared to strike": "prepared" has no agent.
    let mut cur = p;
    for _ in 0..3 {
        let Some((j, link @ (Link::Report | Link::Control | Link::Relative | Link::Adjunct))) =
            cur.under
        else {
            break;
        };
        // "Erdogan visited Baku, where he signed …", "ended a visit to Chad, during which he
        // held talks …": a person in a clause on a place, time or noun is the host's agent.
        let person = kind == Anaphor::Person && matches!(link, Link::Adjunct | Link::Relative);
        if !(person || matches!(kind, Anaphor::Thing | Anaphor::Plural | Anaphor::Speaker)) {
            break;
        }
        let Some(q) = ctx.a.preds.get(j as usize) else {
            break;
        };
        // A plural agent is no "he" ("Kazakh fighter jets escorted Putin's plane into the
        // capital, where he was met …"): rule `person-number`.
        if let Some(agent) = ctx.a.arg(q, &Role::Agent)
            && let Filler::Phrase {
                lo: alo, hi: ahi, ..
            } = agent.filler
            && (alo < lo || kind == Anaphor::Speaker)
            && !(person && ctx.plural_head(alo, ahi))
            && let Some(mut s) = side(ctx, q, &agent.filler)
                .or_else(|| refer::document_author(ctx, q, &agent.filler))
        {
            // "Erdogan hosted the leaders of Somalia and Ethiopia in Ankara, where they
            // agreed …": "they" is a list the clause names, its object when its agent is one.
            if kind == Anaphor::Plural
                && s.codes.len() < 2
                && let Some(o) = main_object(ctx, q).filter(|o| o.codes.len() > 1)
            {
                s = o;
            }
            s.span = span;
            return Some(s);
        }
        // Rule `unknown-reporter`: "Tuareg-led rebels said they had killed …": the pronoun is
        // its reporter, an actor the dictionaries do not know; not an actor named before.
        if link == Link::Report
            && kind == Anaphor::Plural
            && let Some(agent) = ctx.a.arg(q, &Role::Agent)
            && let Filler::Phrase {
                lo: alo, hi: ahi, ..
            } = agent.filler
            && alo < lo
            && !is_anaphor(ctx, alo, ahi)
            && ctx.plural_head(alo, ahi)
        {
            return None;
        }
        cur = q;
    }
    // ", accusing them of …", ", accusing him of …": an object pronoun in a participial
    // clause is the main clause's object.
    if matches!(kind, Anaphor::Thing | Anaphor::Plural | Anaphor::Person)
        && let Some((j, Link::Participle)) = p.under
        && ctx
            .a
            .arg(p, &Role::Agent)
            .is_some_and(|x| !matches!(x.filler, Filler::Phrase { lo: alo, .. } if alo == lo))
        && let Some(q) = ctx.a.preds.get(j as usize)
        && let Some(mut s) = main_object(ctx, q)
    {
        s.span = span;
        return Some(s);
    }
    // Rule `pair-kind`: "the two leaders" names the kind of its pair (GOV).
    // (Its own words only: "the two countries" of "the two countries' ambassadors" is no GOV.)
    let agent = mention_for(ctx.mentions, lo, hi)
        .filter(|m| m.lo >= lo && m.hi <= hi)
        .and_then(|m| m.codes.iter().find_map(|c| c.strip_prefix("---")))
        .filter(|a| !a.is_empty() && kind == Anaphor::Pair);
    let before = match kind {
        Anaphor::Pair | Anaphor::RecentPair => super::pairs::pair_before(ctx, lo, agent),
        Anaphor::Group => refer::group_before(ctx, lo, false),
        Anaphor::Bloc => refer::group_before(ctx, lo, true),
        Anaphor::Neighbour => refer::neighbour(ctx, p, lo),
        Anaphor::Person => refer::person_before(ctx, lo),
        _ => None,
    };
    if let Some(mut s) = before {
        s.span = span;
        return Some(s);
    }
    // Rule `pair-kind`: "the two leaders" are the last pair of leaders named; rule
    // `pair-besides`: else, aimed at by one of a list of three, the other two.
    let found = match agent
        .and_then(|a| ctx.discourse.pair_of(a))
        .or_else(|| super::pairs::pair_besides(ctx, p, lo, kind))
    {
        Some((a, b)) => vec![a, b],
        None => ctx.discourse.resolve(kind, ctx.policy),
    };
    let pair = matches!(kind, Anaphor::Pair | Anaphor::RecentPair);
    if found.is_empty() || pair && found.len() < 2 {
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
pub(super) fn agent_side(
    ctx: &Ctx<'_>,
    p: &Predication,
    frame: Option<&NounFrame>,
) -> Option<Side> {
    let a = ctx.a;
    let args = a.args_of(p);
    for arg in args.iter().filter(|x| x.role == Role::Agent) {
        // An agent that is an event ("a Russian drone strike killed …") stands for its agent.
        if let Filler::Phrase { node, .. } = arg.filler
            && let Some(n) = a.noun_at(node).and_then(|i| a.preds.get(i as usize))
            && n.kind == PredKind::Noun
            && n.head != p.head
        {
            if let Some(s) = a.arg(n, &Role::Agent).and_then(|x| side(ctx, n, &x.filler)) {
                return Some(s);
            }
            // A partitive with no agent stands for what it counts ("hit by a barrage of
            // Russian missiles").
            if ctx.en.is_partitive(&n.lemma)
                && let Some(s) = a.args_of(n).iter().find_map(|x| match &x.role {
                    Role::Obl(prep) if ctx.en.is_prep(prep, Prep::Counted) => {
                        side(ctx, n, &x.filler)
                    }
                    _ => None,
                })
            {
                return Some(s);
            }
            // Else the phrase itself, as written ("its drones struck …").
        }
        if let Some(s) = side(ctx, p, &arg.filler) {
            return Some(s);
        }
    }
    // "Venezuelans deported from the United States": a passive verb of removal (`forms.txt`
    // `[removal]`) with no `by` phrase was done by its `from` phrase; "was summoned to the
    // Russian foreign ministry" (`[summoned-to]`, rule `summoned-to`) by its `to` phrase.
    // Summoned to an office or a government, not to a place ("reservists were summoned to
    // Belarus for drills"): `offices` only.
    for (list, from, offices) in [("removal", "from", false), ("summoned-to", "to", true)] {
        if p.kind == PredKind::Verb
            && p.voice == Voice::Passive
            && ctx
                .tree
                .word(p.head)
                .is_some_and(|w| ctx.en.is_form(list, w))
            && let Some(s) = args.iter().find_map(|x| match &x.role {
                Role::Obl(prep) if prep == from => side(ctx, p, &x.filler)
                    .filter(|s| !offices || s.codes.iter().all(|c| c.len() > 3)),
                _ => None,
            })
        {
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
                && ctx.en.is_prep(prep, Prep::Event)
                && let Filler::Phrase { node, .. } = x.filler
                && let Some(n) = a.noun_at(node).and_then(|i| a.preds.get(i as usize))
                && let Some(ag) = a.arg(n, &Role::Agent)
            {
                return side(ctx, n, &ag.filler);
            }
        }
        if let Some(s) = super::happened::killed_when(ctx, p) {
            return Some(s);
        }
    }
    // "Ethiopia and Somalia agreed to restore relations after talks mediated by Turkey": a
    // joint event that a clause follows (rule `answered`), with no agent of its own, was held
    // by the clause's subject.
    if p.kind == PredKind::Noun
        && frame.is_some_and(|f| f.joint)
        && super::happened::answered(ctx, p)
        && let Some((j, Link::Argument)) = p.under
        && let Some(q) = a.preds.get(j as usize)
        && q.polarity == Polarity::Affirmed
        && let Some(ag) = a.arg(q, &Role::Agent)
        // Not an event ("Fighting between … raged, hours after talks …").
        && !matches!(ag.filler, Filler::Phrase { node, .. } if a.noun_at(node).is_some())
    {
        return side(ctx, q, &ag.filler);
    }
    None
}

/// The target, with rule `domestic-place`: a target with no country ("civilians", "one
/// person") takes the country of the place the event happened ("in the southern Lebanese
/// town of …"); with none, there is no target.
pub(super) fn target_side(
    ctx: &Ctx<'_>,
    p: &Predication,
    frame: Option<&NounFrame>,
) -> Option<Side> {
    if let Some(t) = direct_target(ctx, p, frame) {
        return Some(t);
    }
    // Rule `pronoun-owner`: a target no actor names, owned by a possessive pronoun ("Manila
    // said a Chinese ship had rammed its patrol boat"), is the pronoun's actor; not when the
    // doer is a state or an organisation itself, whose own things the pronoun names ("North
    // Korea fired its missiles", "Russia violated its obligations").
    let state = |c: &String| c.len() == 3 || ctx.policy.is_bloc(c);
    if let Some((lo, hi)) = target_filler(ctx, p, frame)
        && hi > lo + 1
        && is_anaphor(ctx, lo, lo + 1)
        && !agent_side(ctx, p, frame).is_some_and(|a| a.codes.iter().all(state))
        && let Some(owner) = anaphor_side(ctx, p, lo, lo + 1)
    {
        return Some(owner);
    }
    let place = super::setting::place_country(ctx, p)?;
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
pub(super) fn target_filler(
    ctx: &Ctx<'_>,
    p: &Predication,
    frame: Option<&NounFrame>,
) -> Option<(u32, u32)> {
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
        None => ctx.en.preps(Prep::Target).collect(),
    };
    args.iter()
        .find(|x| matches!(&x.role, Role::Obl(prep) if preps.contains(&prep.as_ref())))
        .and_then(pick)
}

/// The target named directly: a noun frame's patient or target prepositions; a verb's
/// patient, else one of the usual target prepositions.
pub(super) fn direct_target(
    ctx: &Ctx<'_>,
    p: &Predication,
    frame: Option<&NounFrame>,
) -> Option<Side> {
    let args = ctx.a.args_of(p);
    let by_prep = |preps: &[&str]| {
        args.iter().find_map(|x| match &x.role {
            Role::Obl(prep) if preps.contains(&prep.as_ref()) => side(ctx, p, &x.filler),
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
            None => by_prep(&ctx.en.preps(Prep::Target).collect::<Vec<_>>()),
        },
    }
}

/// Rule `condition`: an intended act with no target named (a threat, a promise) is aimed at
/// the doer of its condition (`preposition.txt` `[condition]`: "warned it would take
/// countermeasures if the United States and South Korea held the drills"). The condition hangs
/// on the act's verb, or on the support verb of an event noun.
pub(super) fn condition(ctx: &Ctx<'_>, p: &Predication) -> Option<Side> {
    let tree = ctx.tree;
    clauses_under(ctx, p, &[Link::Complement, Link::Adjunct]).find_map(|q| {
        let clause = tree.parent(q.scope)?;
        let sbar = tree.parent(clause)?;
        let opener = tree.children(sbar).first().and_then(|&f| tree.word(f))?;
        if tree.label(sbar) != "SBAR" || !ctx.en.is_prep(&lower(opener), Prep::Condition) {
            return None;
        }
        agent_side(ctx, q, None)
    })
}

/// Rule `purpose`: a protest with no target named is aimed at whom its purpose infinitive is
/// aimed at ("rallied to demand the removal of American troops", "closed their stores to
/// protest Israel's plan"), before rule `at-home` aims it at the protesters' own government.
pub(super) fn purpose(ctx: &Ctx<'_>, p: &Predication) -> Option<Side> {
    // A protest that names what it is against ("rallied against the decision to …") keeps
    // that: the infinitive is more likely the noun's.
    let against = ctx
        .a
        .args_of(p)
        .iter()
        .any(|x| matches!(&x.role, Role::Obl(prep) if ctx.en.is_prep(prep, Prep::Target)));
    if against {
        return None;
    }
    let tree = ctx.tree;
    // The verb phrase the clause must hang on: the verb's, or an event noun's support verb's.
    let host = match p.support {
        Some(_) => support_of(ctx, p)?.1.scope,
        None => p.scope,
    };
    // A purpose clause of that phrase itself, not of a phrase inside it ("rallied against the
    // government's decision to freeze the talks").
    let own = |q: &Predication| {
        let mut node = q.scope;
        for _ in 0..8 {
            let Some(up) = tree.parent(node) else {
                return false;
            };
            if up == host {
                return true;
            }
            if matches!(tree.label(up), "NP" | "PP") {
                return false;
            }
            node = up;
        }
        false
    };
    clauses_under(ctx, p, &[Link::Complement, Link::Control])
        .filter(|q| q.kind == PredKind::Verb && q.infinitive && own(q))
        .find_map(|q| direct_target(ctx, q, None))
}

/// The support verb's predication of an event noun, with its index.
fn support_of<'a>(ctx: &Ctx<'a>, p: &Predication) -> Option<(usize, &'a Predication)> {
    let h = p.support?;
    ctx.a.preds.iter().enumerate().find(|(_, x)| x.head == h)
}

/// The predications hung on `p` (or on the support verb of an event noun) by one of `links`.
fn clauses_under<'a>(
    ctx: &Ctx<'a>,
    p: &Predication,
    links: &'a [Link],
) -> impl Iterator<Item = &'a Predication> + 'a {
    let a = ctx.a;
    let own = a.preds.iter().position(|x| std::ptr::eq(x, p));
    let support = support_of(ctx, p).map(|(i, _)| i);
    a.preds.iter().filter(move |q| {
        q.under.is_some_and(|(j, link)| {
            links.contains(&link) && (Some(j as usize) == own || Some(j as usize) == support)
        })
    })
}

/// Rule `addressee`: an act reported by a verb of saying with an addressee, that names no
/// target of its own, is aimed at the addressee ("China warned the Philippines that it would
/// take countermeasures").
pub(super) fn addressee(ctx: &Ctx<'_>, p: &Predication) -> Option<Side> {
    let (j, Link::Report) = p.under? else {
        return None;
    };
    let q = ctx.a.preds.get(j as usize)?;
    let x = ctx.a.arg(q, &Role::Patient)?;
    side(ctx, q, &x.filler)
}
