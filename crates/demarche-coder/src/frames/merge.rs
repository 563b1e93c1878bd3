//! Putting the layer's events among the pattern coder's: where an event goes
//! ([`merge_slot`], rule `merge`), the event itself with its evidence ([`coded_event`]), and
//! both for every pair of two sides' codes ([`add_across`]).

use super::{Ctx, Side, country};
use crate::CodedEvent;
use crate::legacy::Coder;
use demarche_dict::Origin;
use demarche_model::{Antecedent, Span};

/// Whether two spans (when both are known) overlap.
pub(super) fn overlap(a: Option<Span>, b: Option<Span>) -> bool {
    a.zip(b)
        .is_some_and(|(x, y)| x.start < y.end && y.start < x.end)
}

/// Whether `inner` (when known) lies within `outer`.
pub(super) fn within(inner: Option<Span>, outer: Span) -> bool {
    inner.is_some_and(|t| t.start >= outer.start && t.end <= outer.end)
}

/// Codes `code` from each of `source`'s codes to each of `target`'s of another country, where
/// [`merge_slot`] leaves room (not in place of a passive), citing `rule` with the layer's
/// evidence `span`. Returns whether any event was placed.
#[allow(clippy::too_many_arguments)]
pub(super) fn add_across(
    ctx: &Ctx<'_>,
    events: &mut Vec<CodedEvent>,
    legacy: usize,
    rule: &Origin,
    (source, target): (&Side, &Side),
    code: &str,
    span: Option<Span>,
    per_code: bool,
) -> bool {
    let mut placed = false;
    for sc in &source.codes {
        for tc in target.codes.iter().filter(|tc| country(tc) != country(sc)) {
            let Some(slot) = merge_slot(events, legacy, (sc, tc, code), span, false) else {
                continue;
            };
            let ev = coded_event(
                ctx.coder,
                rule,
                (sc, source),
                (tc, target),
                code,
                span,
                per_code,
            );
            place(events, slot, ev);
            placed = true;
        }
    }
    placed
}

/// The antecedents of one code of a side: its own when the side has one per code (and
/// `per_code`), else all of them.
fn ante_of<'s>(side: &'s Side, code: &str, per_code: bool) -> Vec<&'s Antecedent> {
    match side.codes.iter().position(|c| c == code) {
        Some(i)
            if per_code && side.antecedents.len() == side.codes.len() && side.codes.len() > 1 =>
        {
            side.antecedents.get(i).into_iter().collect()
        }
        _ => side.antecedents.iter().collect(),
    }
}

/// An event of the layer between two sides, citing the rule that coded it and the sides'
/// entries and antecedents.
pub(super) fn coded_event(
    coder: &Coder<'_>,
    rule: &Origin,
    (sc, ss): (&str, &Side),
    (tc, ts): (&str, &Side),
    code: &str,
    verb_span: Option<Span>,
    per_code: bool,
) -> CodedEvent {
    let mut rules = vec![rule.rule_ref()];
    rules.extend(coder.rule_refs(&ss.rules));
    rules.extend(coder.rule_refs(&ts.rules));
    let mut antecedents: Vec<Antecedent> = Vec::new();
    for (role, side, c) in [("source", ss, sc), ("target", ts, tc)] {
        antecedents.extend(ante_of(side, c, per_code).into_iter().map(|x| Antecedent {
            role: role.into(),
            ..x.clone()
        }));
    }
    CodedEvent {
        source: sc.to_string(),
        target: tc.to_string(),
        code: code.to_string(),
        source_span: ss.span,
        target_span: ts.span,
        verb_span,
        rules,
        antecedents,
    }
}

/// Puts an event where [`merge_slot`] said: over the pattern coder's event `i`, or added.
pub(super) fn place(events: &mut Vec<CodedEvent>, slot: Option<usize>, ev: CodedEvent) {
    match slot {
        Some(i) => events[i] = ev,
        None => events.push(ev),
    }
}

/// Where an event goes: `Some(Some(i))` replaces the pattern coder's event `i` (it read a
/// passive backwards), `Some(None)` adds it, `None` drops it (the pattern coder already coded
/// this verb, or the same event is there). `ev` is its (source, target, code).
pub(super) fn merge_slot(
    events: &[CodedEvent],
    legacy: usize,
    ev: (&str, &str, &str),
    verb_span: Option<Span>,
    passive: bool,
) -> Option<Option<usize>> {
    let (source, target, code) = ev;
    // Never past the end, whatever a caller counted.
    let legacy = legacy.min(events.len());
    let overlaps = |e: &CodedEvent| overlap(e.verb_span, verb_span);
    if let Some(i) = events[..legacy].iter().position(overlaps) {
        let reversed = country(&events[i].source) == country(target)
            && country(&events[i].target) == country(source);
        if passive && reversed {
            return Some(Some(i));
        }
        // The pattern coder left a side unattributed ("said its drones had struck …": `---MIL`)
        // where the layer found who: the layer's reading of the same act replaces it.
        let unattributed = |c: &str| c.starts_with("---");
        if (unattributed(&events[i].source) || unattributed(&events[i].target))
            && !unattributed(source)
            && !unattributed(target)
            && events[i].code.get(..2) == code.get(..2)
            && (events[i].source.get(3..) == source.get(3..)
                || events[i].target.get(3..) == target.get(3..))
        {
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
