//! How a predication is framed: asserted, intended (a future, an intention verb, a
//! possible act under a warning), or nothing of its own (under a denial, a complement, a
//! negation). Rule `negated` reads [`denied`]; every other rule reads [`mode_of`].

use super::{Ctx, lower};
use demarche_model::{NodeId, Tree};
use demarche_predicates::{
    Analysis, Link, Modality, Polarity, PredKind, Predication, Role, Via, Voice,
};
use demarche_text::english::{self, Prep, VerbClass};

/// Whether a predication is the infinitive of an asserted verb of refusing ("refused to free").
pub(super) fn refused(ctx: &Ctx<'_>, p: &Predication) -> bool {
    matches!(p.under, Some((j, Link::Control)) if ctx.a.preds.get(j as usize).is_some_and(|q| {
        q.classes.has(VerbClass::Refusing)
            && q.polarity == Polarity::Affirmed
            && q.modality == Modality::Asserted
    }))
}

/// Whether a predication is negated, under a denial, or the infinitive of "fail to".
pub(super) fn denied(ctx: &Ctx<'_>, p: &Predication) -> bool {
    if p.polarity == Polarity::Negated {
        return true;
    }
    match p.under {
        Some((_, Link::Deny)) => true,
        Some((j, Link::Control)) => ctx
            .a
            .preds
            .get(j as usize)
            .is_some_and(|q| q.classes.has(VerbClass::Negating)),
        _ => false,
    }
}

/// Rule `open-question`: a predication in a clause opened by a word of `forms.txt`
/// `[open-question]` ("declined to say whether Takaichi would meet Li", "if China attacks")
/// asserts nothing.
pub(super) fn in_question(tree: &Tree, p: &Predication, en: &english::English) -> bool {
    opening_word(tree, p, "SBAR", 5).is_some_and(|w| en.is_form("open-question", w))
}

/// The first word of the nearest phrase labelled `label` around a predication's own phrase,
/// within `levels` parents ("whether" of a question's SBAR, "by" of a PP of means).
fn opening_word<'t>(
    tree: &'t Tree,
    p: &Predication,
    label: &str,
    levels: usize,
) -> Option<&'t str> {
    let up = enclosing(tree, p, label, levels)?;
    tree.children(up).first().and_then(|&f| tree.word(f))
}

/// The nearest phrase labelled `label` around a predication's own phrase, within `levels`
/// parents.
pub(super) fn enclosing(
    tree: &Tree,
    p: &Predication,
    label: &str,
    levels: usize,
) -> Option<NodeId> {
    let mut node = p.scope;
    for _ in 0..levels {
        let up = tree.parent(node)?;
        if tree.label(up) == label {
            return Some(up);
        }
        node = up;
    }
    None
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    Asserted,
    Intent,
}

/// How a predication is framed, or `None` when it codes nothing of its own.
pub(super) fn mode_of(
    tree: &Tree,
    a: &Analysis,
    p: &Predication,
    en: &english::English,
) -> Option<Mode> {
    mode_within(tree, a, p, en, 0)
}

/// [`mode_of`] through at most a few aspect verbs above ("would continue to keep up …").
fn mode_within(
    tree: &Tree,
    a: &Analysis,
    p: &Predication,
    en: &english::English,
    depth: u8,
) -> Option<Mode> {
    if in_question(tree, p, en) {
        return None;
    }
    let mut mode = match p.modality {
        Modality::Asserted => Mode::Asserted,
        Modality::Future => Mode::Intent,
        // "warned that Israel could send Lebanon back to the Stone Age": what a warning says
        // its maker could do is threatened, as with "would".
        Modality::Possible if warned(a, p) => Mode::Intent,
        Modality::Possible | Modality::Obligation => return None,
    };
    if let Some((j, link)) = p.under {
        let q = a.preds.get(j as usize)?;
        match link {
            Link::Deny => return None,
            // "prompting Mexico to break off relations": the object did it.
            Link::Control
                if q.classes.has(VerbClass::Causative)
                    && (q.polarity == Polarity::Negated || q.modality != Modality::Asserted) =>
            {
                return None;
            }
            Link::Control if q.classes.has(VerbClass::Causative) => {}
            // "refused to free the aid worker": intended not to be done (rule `refusal`).
            Link::Control if q.classes.has(VerbClass::Refusing) => {
                if q.polarity == Polarity::Negated || q.modality != Modality::Asserted {
                    return None;
                }
                mode = Mode::Intent;
            }
            Link::Control => {
                if q.classes.has(VerbClass::ObjectControl) || q.particle.is_some() {
                    return None;
                }
                if q.classes.has(VerbClass::Intent) {
                    // "accused Ethiopia of seeking to seize the port": an intention that is
                    // itself only what an accusation is about is no event.
                    if depth < 4 && mode_within(tree, a, q, en, depth + 1).is_none() {
                        return None;
                    }
                    mode = Mode::Intent;
                } else if q.classes.has(VerbClass::Aspect) {
                    // "would continue to boost ties": the aspect verb's own framing.
                    if depth < 4 && mode_within(tree, a, q, en, depth + 1)? == Mode::Intent {
                        mode = Mode::Intent;
                    }
                } else {
                    return None; // "refused to", "threatened to", "tried to": the verb codes it
                }
                if q.polarity == Polarity::Negated {
                    return None;
                }
            }
            // "continued in supporting", "kept attacking": the aspect verb's event, framed as
            // it is.
            Link::Complement if q.classes.has(VerbClass::Aspect) => {
                // "promised to keep sending weapons": the aspect verb's own framing too.
                if q.modality == Modality::Future
                    || depth < 4 && mode_within(tree, a, q, en, depth + 1) == Some(Mode::Intent)
                {
                    mode = Mode::Intent;
                }
                if q.polarity == Polarity::Negated {
                    return None;
                }
            }
            // A reduced relative on a noun says it was done: "met for talks hosted by Turkey",
            // "a truce brokered by Qatar" (the support verb's noun), "in a swap mediated by
            // the United Arab Emirates" (the participle itself).
            Link::Complement
                if p.voice == Voice::Passive
                    && (p.kind == PredKind::Noun
                        || a.args_of(p)
                            .iter()
                            .any(|x| x.role == Role::Patient && x.via == Via::Antecedent)) => {}
            // "accused X of arming Y", "talks on restoring ties", "said … would": what the
            // governing verb is about, not an event reported as done.
            Link::Complement => return None,
            // "accused Ethiopia of violating the ceasefire by shelling …": the means of an act
            // that is not asserted is not asserted either.
            Link::Adjunct
                if by_means(tree, p, en)
                    && depth < 4
                    && mode_within(tree, a, q, en, depth + 1).is_none() =>
            {
                return None;
            }
            _ => {}
        }
    }
    Some(mode)
}

/// Whether a verb is a gerund of means: in a `by` phrase (`preposition.txt` `[agent]`: "by
/// shelling Eritrean positions").
fn by_means(tree: &Tree, p: &Predication, en: &english::English) -> bool {
    opening_word(tree, p, "PP", 2).is_some_and(|w| en.is_prep(&lower(w), Prep::Agent))
}

/// Whether a predication is the reported clause of an affirmed warning or vow
/// (`consequence.txt` `[threat]`).
fn warned(a: &Analysis, p: &Predication) -> bool {
    matches!(p.under, Some((j, Link::Report | Link::Complement)) if a.preds.get(j as usize)
        .is_some_and(|g| g.kind == PredKind::Verb
            && g.polarity == Polarity::Affirmed
            && g.classes.has(VerbClass::Threat)))
}
