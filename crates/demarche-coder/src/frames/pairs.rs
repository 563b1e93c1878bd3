//! Which two actors a pair is: a joint event's `between` phrase (rules `between`, `onset`), "the
//! two sides" after two actors its own sentence names (`pair-before`, with `pair-kind` in the
//! sentence), "the two sides" of a joint act after a meeting (`met-pair`), "the two leaders"
//! aimed at by one of a list of three (`pair-besides`), "the two countries' ambassadors"
//! (`pair-owner`), and a pattern's target that is such a pair.

use super::sides::{self, real_code};
use super::{Ctx, Side, country};
use crate::discourse::Entity;
use crate::legacy::Mention;
use demarche_dict::frames::NounFrame;
use demarche_predicates::{Arg, Filler, PredKind, Predication, Role, Voice};
use demarche_text::english::{Anaphor, Prep};

/// Rule `between`: the sides of a joint event named by its `between` phrase ("clashes between
/// Armenian and Azerbaijani troops"), when it names two or more; the event is coded among them.
pub(super) fn between_pair(
    ctx: &Ctx<'_>,
    p: &Predication,
    frame: Option<&NounFrame>,
) -> Option<Side> {
    if !frame.is_some_and(|f| f.joint) {
        return None;
    }
    let x = pair_arg(ctx, p)?;
    sides::side(ctx, p, &x.filler).filter(|s| s.codes.len() > 1)
}

/// A predication's argument that names both sides (`preposition.txt` `[pair]`: "between").
/// Rule `onset`: an event noun that is the subject of a verb with no object takes the verb's
/// ("fighting erupted in April between the army and the RSF", "clashes broke out between …").
pub(super) fn pair_arg<'a>(ctx: &Ctx<'a>, p: &Predication) -> Option<&'a Arg> {
    let own = |q: &Predication| {
        ctx.a
            .args_of(q)
            .iter()
            .find(|x| matches!(&x.role, Role::Obl(prep) if ctx.en.is_prep(prep, Prep::Pair)))
    };
    own(p).or_else(|| {
        if p.kind != PredKind::Noun {
            return None;
        }
        let subject_of = |q: &&Predication| {
            q.kind == PredKind::Verb
                && q.voice == Voice::Active
                && ctx.a.arg(q, &Role::Patient).is_none()
                && ctx.a.arg(q, &Role::Agent).is_some_and(
                    |x| matches!(x.filler, Filler::Phrase { node, .. } if node == p.scope),
                )
        };
        ctx.a.preds.iter().find(subject_of).and_then(own)
    })
}

/// Rule `pair-before`: "the two sides" after two actors of two countries named earlier in its
/// own sentence ("… had spoken with Trump by phone and that the two sides had agreed …") are
/// those two: the last two named before it — or, first, the last phrase before it that names
/// two countries together ("Modi and Xi held talks in Kazan, where both attended the BRICS
/// summit, two days after the two countries reached an agreement").
/// A pair that names its kind ("the two leaders": `agent` GOV) is of actors of that kind when
/// two are named before it ("Scholz urged Xi to use his influence over Moscow …, as the two
/// leaders met": not Moscow and Ukraine).
pub(super) fn pair_before(ctx: &Ctx<'_>, lo: u32, agent: Option<&str>) -> Option<Side> {
    let mut before: Vec<&Mention> = ctx
        .mentions
        .iter()
        .filter(|m| m.hi <= lo && m.level >= 2)
        .collect();
    before.sort_by_key(|m| std::cmp::Reverse(m.lo));
    // The last two codes of two countries that `keep` takes; a list names its members last to
    // first ("pressing Tokyo and Seoul to …").
    let last_two = |keep: &dyn Fn(&String) -> bool| {
        let mut codes: Vec<String> = Vec::new();
        for m in &before {
            for c in m.codes.iter().rev().filter(|c| real_code(c) && keep(c)) {
                if codes.len() < 2 && codes.iter().all(|k| country(k) != country(c)) {
                    codes.push(c.clone());
                }
            }
        }
        (codes.len() == 2).then(|| Side::new(codes, None))
    };
    if let Some(kind) = agent
        && let Some(pair) = last_two(&|c| c.get(3..).is_some_and(|r| r.starts_with(kind)))
    {
        return Some(pair);
    }
    let two = |m: &&&Mention| {
        let real: Vec<&String> = m.codes.iter().filter(|c| real_code(c)).collect();
        matches!(real.as_slice(), [a, b] if country(a) != country(b))
    };
    // The list, unless two agents of two countries are named after it ("Qatar and Egypt
    // hosted the talks, where an Israeli envoy met Lebanese officials, and the two sides
    // agreed …"); a venue or a summit's organisation after it is no pair ("…, two days after
    // the two countries reached an agreement").
    if let Some(m) = before.iter().find(two) {
        let after = last_two(&|_| true).filter(|p| {
            p.codes
                .iter()
                .all(|c| c.len() > 3 && !ctx.policy.is_bloc(c))
                && before
                    .iter()
                    .take_while(|x| x.lo > m.lo)
                    .any(|x| x.codes.iter().any(|c| c == &p.codes[1]))
        });
        if after.is_some() {
            return after;
        }
        let codes = m.codes.iter().filter(|c| real_code(c)).cloned().collect();
        return Some(Side::new(codes, None));
    }
    last_two(&|_| true)
}

/// Rule `met-pair`: "the two sides" doing a joint act (`policy.txt` `joint`: "discussed trade",
/// "signed several memorandums") after a meeting are the two who met, not the last pair named
/// since in the background ("Russia's Defence Ministry accused Kyiv …"), unless the sentence
/// names its own pair before it.
pub(super) fn met_pair(ctx: &Ctx<'_>, p: &Predication, code: &str, source: &Side) -> Option<Side> {
    if !ctx.policy.is_joint(code) {
        return None;
    }
    let Filler::Phrase { lo, hi, .. } = ctx.a.arg(p, &Role::Agent)?.filler else {
        return None;
    };
    if !sides::is_pair(ctx, lo, hi) || pair_before(ctx, lo, None).is_some() {
        return None;
    }
    let (a, b) = ctx.discourse.met_pair()?;
    let same = |e: &Entity| source.codes.iter().any(|c| country(c) == country(&e.code));
    // Only over a pair that shares one of the two ("Russia's Defence Ministry accused Kyiv"
    // after Putin met Deby); a pair of two others named since stands ("Indian and Pakistani
    // officials traded warnings. The two sides agreed to talk").
    if same(a) == same(b) {
        return None;
    }
    Some(Side {
        codes: vec![a.code.clone(), b.code.clone()],
        span: source.span,
        rules: Vec::new(),
        antecedents: vec![sides::antecedent(a), sides::antecedent(b)],
    })
}

/// Rule `pair-besides`: "the two African leaders" aimed at by one member of the latest list of
/// three ("China, Tanzania and Zambia signed a memorandum. Xi held separate talks with the two
/// African leaders") are the list's other two, not a bloc their description names.
pub(super) fn pair_besides<'c>(
    ctx: &Ctx<'c>,
    p: &Predication,
    lo: u32,
    kind: Anaphor,
) -> Option<(&'c Entity, &'c Entity)> {
    if kind != Anaphor::Pair {
        return None;
    }
    // The agent of the act (of its support verb, for a noun), named by name before the pair.
    let own = ctx.a.args_of(p).iter().find_map(|x| match x.filler {
        Filler::Phrase {
            lo: alo, hi: ahi, ..
        } if matches!(x.role, Role::Agent) && ahi <= lo && !sides::is_anaphor(ctx, alo, ahi) => {
            sides::side(ctx, p, &x.filler)
        }
        _ => None,
    })?;
    let [code] = own.codes.as_slice() else {
        return None;
    };
    ctx.discourse.pair_besides(country(code))
}

/// Rule `pair-owner`: "the two countries' ambassadors" — a pair (its words up to the possessive
/// at `lo + k`) owning a country-less agent is both its members' agents, before any country the
/// discourse would lend the agent.
pub(super) fn pair_owner(ctx: &Ctx<'_>, p: &Predication, lo: u32, hi: u32, k: u32) -> Option<Side> {
    if !sides::is_pair(ctx, lo, lo + k) {
        return None;
    }
    let m = sides::mention_for(ctx.mentions, lo, hi)?;
    if !m.codes.iter().all(|c| c.starts_with("---")) {
        return None;
    }
    let mut owner = sides::anaphor_side(ctx, p, lo, lo + k)?;
    let kinds: Vec<&str> = m
        .codes
        .iter()
        .filter_map(|c| c.strip_prefix("---"))
        .collect();
    owner.codes = owner
        .codes
        .iter()
        .flat_map(|o| kinds.iter().map(move |k| format!("{}{k}", country(o))))
        .collect();
    owner.span = m.span;
    Some(owner)
}

/// A pattern's event at `span` whose target is a pair named by reference ("the two African
/// leaders") that the layer resolves to others than the code the pattern gave (a region its
/// words name): the layer codes it instead. A country-less target the layer fills in place
/// (rule `merge`).
pub(super) fn pair_named(
    ctx: &Ctx<'_>,
    p: &Predication,
    span: Option<demarche_model::Span>,
    e: &crate::CodedEvent,
) -> bool {
    super::overlap(e.verb_span, span)
        && real_code(&e.target)
        && ctx.mentions.iter().any(|m| {
            m.span.is_some()
                && m.span == e.target_span
                && sides::is_pair(ctx, m.lo, m.hi)
                && sides::anaphor_side(ctx, p, m.lo, m.hi).is_some_and(|s| {
                    s.codes.len() > 1 && s.codes.iter().all(|c| country(c) != country(&e.target))
                })
        })
}
