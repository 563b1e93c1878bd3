//! The news reading's options (off in PETRARCH mode): reported speech (a statement's clause is
//! coded and the statement dropped when it codes), negation, intent (future modals and
//! intention verbs), joint acts of compound subjects, the agent of a criticised deed, and
//! domestic targets (a country-less agent takes the country of a place or of a domestic
//! source). The words come from `demarche_text::english` (negation, modal, forms and
//! preposition lists), the codes from the dictionaries' CAMEO
//! [`Policy`] (`dictionaries/policy.txt`).

use super::mentions::{Ne, has_country};
use super::sent::{Item, Phrase, Sent, Tag, vw_text};
use super::{CodedEvent, Coder};
use demarche_dict::policy::Policy;
use demarche_model::NodeId;
use demarche_text::english::{self, Modal, Prep, VerbClass};

/// `forms.txt`: verbs whose infinitive complement is an intention, not an act ("agreed to
/// resume talks").
const INTENT_FORMS: &str = "legacy-intent";
/// `forms.txt`: verbs that carry the modality of an enclosing "will" ("would continue to
/// support").
const ASPECT_FORMS: &str = "legacy-aspect";
/// `forms.txt`: adjectives whose infinitive is intended ("ready to resume talks"), as the
/// predicate layer reads them too.
const READY_FORMS: &str = "ready";

/// A statement verb phrase whose events may be dropped for the clause it reports.
#[derive(Debug, Clone)]
pub(super) struct Statement {
    /// Its events (indices into the sentence's events).
    pub(super) events: std::ops::Range<usize>,
    /// Its verb phrase and the phrase's leaf range.
    pub(super) vp: NodeId,
    pub(super) lo: u32,
    pub(super) hi: u32,
}

/// With `reported_speech`: drops a statement's events aimed at a phrase inside the clause it
/// reports ("Ukraine said Russian forces shelled Kharkiv": the clause's subject is not what the
/// statement is addressed to), and all of them when a verb inside the statement's phrase coded
/// an event of its own.
pub(super) fn drop_statements(
    s: &Sent<'_>,
    statements: &[Statement],
    events: &mut Vec<CodedEvent>,
) {
    let tree = s.tree;
    let mut drop = vec![false; events.len()];
    for st in statements {
        let clause_spans = tree
            .children(st.vp)
            .iter()
            .filter(|c| s.kind.get(c.index()) == Some(&Phrase::Clause))
            .filter_map(|c| tree.span(*c));
        for span in clause_spans {
            for i in st.events.clone() {
                let inside = events
                    .get(i)
                    .and_then(|e| e.target_span)
                    .is_some_and(|t| t.start >= span.start && t.end <= span.end);
                if inside && let Some(d) = drop.get_mut(i) {
                    *d = true;
                }
            }
        }
        let (Some(a), Some(b)) = (
            s.leaf_node.get(st.lo as usize).and_then(|&n| tree.span(n)),
            s.leaf_node
                .get(st.hi as usize - 1)
                .and_then(|&n| tree.span(n)),
        ) else {
            continue;
        };
        // An event of an adverbial clause with its own subject is no part of what was said
        // ("China warned Manila that …, after the Philippines voiced concern": rule
        // `adjunct-clause`).
        let adjunct: Vec<(usize, usize)> = adjunct_clauses(s, st.vp)
            .into_iter()
            .filter_map(|(lo, hi)| {
                let first = s.leaf_node.get(lo as usize).and_then(|&n| tree.span(n))?;
                let last = s
                    .leaf_node
                    .get((hi as usize).checked_sub(1)?)
                    .and_then(|&n| tree.span(n))?;
                Some((first.start, last.end))
            })
            .collect();
        let inner = events.iter().enumerate().any(|(i, e)| {
            !st.events.contains(&i)
                && e.verb_span.is_some_and(|v| {
                    v.start >= a.start
                        && v.end <= b.end
                        && !adjunct.iter().any(|&(x, y)| v.start >= x && v.end <= y)
                })
        });
        if inner {
            for i in st.events.clone() {
                if let Some(d) = drop.get_mut(i) {
                    *d = true;
                }
            }
        }
    }
    let mut k = drop.iter();
    events.retain(|_| !k.next().copied().unwrap_or(false));
}

/// With `intent`: whether the verb at leaf `v`, heading `vp`, is an intention verb with an
/// infinitive complement, which it leaves to be coded.
pub(super) fn leaves_infinitive(s: &Sent<'_>, v: usize, vp: NodeId) -> bool {
    english::get().is_form(INTENT_FORMS, vw_text(s, v)) && has_infinitive(s, vp)
}

/// With `negation`: whether a negation stands before the verb of `vp` ("did not attack").
pub(super) fn is_negated(s: &Sent<'_>, vp: NodeId) -> bool {
    let en = english::get();
    aux_before(s, vp, |w| en.is_negation(w)) || negated_head(s, vp) || negated_noun(s, vp)
}

/// Rule `no-move`: the infinitive of a noun opened by a negative determiner (`forms.txt`
/// `[negative-determiner]`: "made no move to detain him",
/// "took no steps to arrest", "made no attempt to stop") is not done.
fn negated_noun(s: &Sent<'_>, vp: NodeId) -> bool {
    let tree = s.tree;
    let en = english::get();
    let opens_no = |np: NodeId| {
        s.kind.get(np.index()) == Some(&Phrase::Np)
            && s.leaf_node
                .get(s.lo[np.index()] as usize)
                .and_then(|&l| tree.word(l))
                .is_some_and(|w| en.is_form("negative-determiner", w))
    };
    // Only an infinitive ("to detain"): a finite clause after such a noun is done ("there
    // were no injuries after Hamas fired rockets", "made no secret that it will strike").
    let infinitive = |n: NodeId| {
        s.lo.get(n.index())
            .and_then(|&lo| s.leaf_node.get(lo as usize))
            .is_some_and(|&l| tree.label(l) == "TO")
    };
    let mut node = vp;
    // Up through the infinitive's own phrases, (NP (NP no move) (S (VP to (VP detain …)))) or
    // (VP took (NP no steps) (S (VP to (VP arrest …)))): the noun phrase right before it.
    for _ in 0..4 {
        let Some(parent) = tree.parent(node) else {
            return false;
        };
        let kids = tree.children(parent);
        let before = kids
            .iter()
            .position(|&c| c == node)
            .and_then(|i| i.checked_sub(1))
            .and_then(|i| kids.get(i));
        if s.kind.get(node.index()) == Some(&Phrase::Clause)
            && infinitive(node)
            && before.is_some_and(|&b| opens_no(b))
        {
            return true;
        }
        match s.kind.get(parent.index()) {
            Some(Phrase::Vp | Phrase::Clause) => node = parent,
            Some(Phrase::Np) => {
                return opens_no(parent) && kids.first() != Some(&node) && infinitive(node);
            }
            _ => return false,
        }
    }
    false
}

/// Whether the verb heading `vp` is followed at once by a negation ("is not ready for talks",
/// "were not under way"): a copula or auxiliary negated after itself.
fn negated_head(s: &Sent<'_>, vp: NodeId) -> bool {
    let tree = s.tree;
    let en = english::get();
    match tree.children(vp) {
        [verb, next, ..] => {
            tree.is_leaf(*verb)
                && en.aux(tree.word(*verb).unwrap_or("")).is_some()
                && tree.word(*next).is_some_and(|w| en.is_negation(w))
        }
        _ => false,
    }
}

/// With `intent`: whether the verb of `vp` is announced for the future ("will visit") or is
/// the infinitive of an intention ("agreed to resume talks").
pub(super) fn is_future(s: &Sent<'_>, vp: NodeId) -> bool {
    aux_before(s, vp, is_future_modal) || intent_frame(s, vp, 0)
}

/// With `intent`: whether the verb of `vp` is only possible or owed ("could strike", "may
/// retaliate", "must hand over"): not done, and no intention of the subject; the predicate
/// layer reads what such a clause means (a threat under a warning, a demand when reported).
pub(super) fn is_hypothetical(s: &Sent<'_>, vp: NodeId) -> bool {
    let en = english::get();
    aux_before(s, vp, |w| {
        matches!(en.modal(w), Some(Modal::Possible) | Some(Modal::Obligation))
    })
}

fn is_future_modal(w: &str) -> bool {
    english::get().modal(w) == Some(Modal::Future)
}

fn is_infinitive_marker(w: &str) -> bool {
    english::get().is_prep(w, Prep::Infinitive)
}

/// Whether verb phrase `vp` has a clause complement that is not an infinitive ("said [it had
/// arrested ...]").
pub(super) fn has_finite_clause(s: &Sent<'_>, vp: NodeId) -> bool {
    let tree = s.tree;
    tree.children(vp)
        .iter()
        .any(|&c| s.kind.get(c.index()) == Some(&Phrase::Clause))
        && !has_infinitive(s, vp)
}

/// Whether verb phrase `vp` has an infinitive complement `(S (VP (TO to) (VP ...)))`.
fn has_infinitive(s: &Sent<'_>, vp: NodeId) -> bool {
    let tree = s.tree;
    tree.children(vp).iter().any(|&c| {
        s.kind.get(c.index()) == Some(&Phrase::Clause)
            && tree.children(c).first().is_some_and(|&inner| {
                s.kind.get(inner.index()) == Some(&Phrase::Vp)
                    && tree
                        .children(inner)
                        .first()
                        .and_then(|&t| tree.word(t))
                        .is_some_and(is_infinitive_marker)
            })
    })
}

/// For an infinitive verb phrase `vp`, `(X head (S … (VP (TO to) vp)))`: the `to` phrase, its
/// clause `S` and the phrase `X` around it, whose first word governs the infinitive.
fn infinitive_frame(s: &Sent<'_>, vp: NodeId) -> Option<(NodeId, NodeId, NodeId)> {
    let tree = s.tree;
    let to_vp = tree.parent(vp)?;
    let to_first = tree.children(to_vp).first().and_then(|&t| tree.word(t));
    if s.kind.get(to_vp.index()) != Some(&Phrase::Vp) || !to_first.is_some_and(is_infinitive_marker)
    {
        return None;
    }
    let clause = tree.parent(to_vp)?;
    let frame = tree.parent(clause)?;
    (s.kind.get(clause.index()) == Some(&Phrase::Clause)).then_some((to_vp, clause, frame))
}

/// With `intent`: whether the verb of `vp` is the infinitive of an object-control verb
/// (`control.txt` `[object]`: "invited the king to pay a state visit", "urged Myanmar to
/// release prisoners"): asked for, not done; the governing verb codes the request.
pub(super) fn under_object_control(s: &Sent<'_>, vp: NodeId) -> bool {
    let tree = s.tree;
    let Some((_, clause, frame)) = infinitive_frame(s, vp) else {
        return false;
    };
    // The clause has the controlled object as its subject: (S (NP the king) (VP to …)).
    let object = tree
        .children(clause)
        .first()
        .is_some_and(|&c| s.kind.get(c.index()) == Some(&Phrase::Np));
    if !object || s.kind.get(frame.index()) != Some(&Phrase::Vp) {
        return false;
    }
    tree.children(frame)
        .first()
        .and_then(|&h| tree.word(h))
        .is_some_and(|head| {
            let classes = english::get().verb_classes(head);
            // Not a causative ("prompting Tokyo to demand …": the object did it).
            classes.has(english::VerbClass::ObjectControl)
                && !classes.has(english::VerbClass::Causative)
        })
}

/// Whether verb phrase `vp` is the infinitive of an intention ("agreed to [resume talks]",
/// "will continue to [support]"): `(VP intent-verb (S (VP (TO to) vp)))`, or the same under
/// an aspect verb that is itself future or an intention.
fn intent_frame(s: &Sent<'_>, vp: NodeId, depth: usize) -> bool {
    let tree = s.tree;
    // "agreed to keep [negotiating]": a gerund under an aspect verb that is itself future or
    // an intention.
    if depth < 2
        && let Some(frame) = gerund_aspect(s, vp)
    {
        return aux_before(s, frame, is_future_modal) || intent_frame(s, frame, depth + 1);
    }
    let Some((to_vp, clause, frame)) = infinitive_frame(s, vp) else {
        return false;
    };
    let Some(head) = tree.children(frame).first().and_then(|&h| tree.word(h)) else {
        return false;
    };
    let en = english::get();
    // "was ready to [resume talks]": an adjective of readiness (`forms.txt` `[ready]`).
    if en.is_form(READY_FORMS, head) {
        return true;
    }
    if s.kind.get(frame.index()) != Some(&Phrase::Vp) {
        return false;
    }
    let np_before = |parent: NodeId, child: NodeId| {
        tree.children(parent)
            .iter()
            .take_while(|&&c| c != child)
            .any(|&c| s.kind.get(c.index()) == Some(&Phrase::Np))
    };
    // "is to travel to Kabul on Saturday", "are to hold talks": "be" with an infinitive
    // announces the act; not an infinitive after be's noun ("was the first country to
    // recognise Israel": done).
    let be = en.aux(head) == Some(english::Aux::Be);
    if en.is_form(INTENT_FORMS, head) || be && !np_before(frame, clause) {
        return true;
    }
    // "will send experts to [help Kuwait]": the purpose of an intended act after its object
    // is intended too (not an object's infinitive: "will urge Iran to release …").
    let purpose = (np_before(frame, clause) || np_before(clause, to_vp))
        && !en.has_class(head, VerbClass::ObjectControl);
    depth < 2
        && (en.is_form(ASPECT_FORMS, head) || purpose)
        && (aux_before(s, frame, is_future_modal) || intent_frame(s, frame, depth + 1))
}

/// The aspect verb's phrase above a gerund phrase `(VP keep (S (VP negotiating …)))`.
fn gerund_aspect(s: &Sent<'_>, vp: NodeId) -> Option<NodeId> {
    let tree = s.tree;
    let first = *tree.children(vp).first()?;
    if !tree.is_leaf(first) || tree.label(first) != "VBG" {
        return None;
    }
    let clause = tree.parent(vp)?;
    let frame = tree.parent(clause)?;
    let head = tree.children(frame).first().and_then(|&h| tree.word(h))?;
    let shape = s.kind.get(clause.index()) == Some(&Phrase::Clause)
        && tree.children(clause).first() == Some(&vp)
        && s.kind.get(frame.index()) == Some(&Phrase::Vp);
    (shape && english::get().is_form(ASPECT_FORMS, head)).then_some(frame)
}

/// Whether a word `is` stands before `vp` in up to three enclosing verb phrases, as a leaf
/// child of the phrase or inside an adverb phrase before the path to the verb ("did not
/// [attack]", "will not [visit]").
fn aux_before(s: &Sent<'_>, vp: NodeId, is: impl Fn(&str) -> bool) -> bool {
    let tree = s.tree;
    let mut child = vp;
    for _ in 0..3 {
        let Some(parent) = tree.parent(child) else {
            return false;
        };
        if s.kind[parent.index()] != Phrase::Vp {
            return false;
        }
        for &c in tree.children(parent) {
            if c == child {
                break;
            }
            if let Some(w) = tree.word(c)
                && is(w)
            {
                return true;
            }
            // `did not`, `will not` under an ADVP.
            if !tree.is_leaf(c) && s.kind[c.index()] == Phrase::Mod {
                for &g in tree.children(c) {
                    if tree.word(g).is_some_and(&is) {
                        return true;
                    }
                }
            }
        }
        child = parent;
    }
    false
}

impl Coder<'_> {
    /// With `domestic`, for a criticism or rejection of a deed: the actor phrase of the deed's
    /// `by` phrase when it names a country or organisation and is not the source.
    pub(super) fn deed_agent(
        &self,
        s: &Sent<'_>,
        lower: &[Item],
        source: Option<u32>,
    ) -> Option<u32> {
        self.by_phrase(s, lower)
            .filter(|&b| Some(b) != source)
            .filter(|&b| s.nes.get(b as usize).is_some_and(has_country))
    }
}

/// With `joint_subject`, for a joint act: whether source `src` is a compound of at least two
/// coded members and target `t` is absent, has no country, or is a place — not for aid
/// (`setting` in `policy.txt`, `aid`), whose place is where it went ("rescue teams from A and B
/// arrived in C").
pub(super) fn is_joint(s: &Sent<'_>, src: u32, t: Option<u32>, aid: bool) -> bool {
    t.is_none_or(|t| {
        s.nes
            .get(t as usize)
            .is_none_or(|n| !has_country(n) || !aid && is_place(s, n))
    }) && s
        .nes
        .get(src as usize)
        .is_some_and(|n| n.codes.iter().filter(|c| !c.starts_with("---")).count() >= 2)
}

/// Whether an actor phrase is the object of a [`Prep::Place`] preposition ("signed a pact in
/// Manila"): a place, not a participant.
fn is_place(s: &Sent<'_>, ne: &Ne) -> bool {
    let tree = s.tree;
    tree.parent(ne.node).is_some_and(|pp| {
        s.kind.get(pp.index()) == Some(&Phrase::Pp)
            && tree
                .children(pp)
                .first()
                .and_then(|&c| tree.word(c))
                .is_some_and(|w| english::get().is_prep(w, Prep::Place))
    })
}

/// The country (three letters) of a place named by a [`Prep::PlaceOrGoal`] phrase inside verb
/// phrase `vp` that is neither the source nor the target: "killed 20 people in Gaza" gives
/// PSE, "will send police officers to Haiti" HTI, "launched drones at Ukraine" UKR; or by the
/// `of` phrase of a compass point (`forms.txt` `[compass]`: "east of Gaza City"); not the
/// destination of a removal ("deported the migrants to El Salvador").
pub(super) fn place_country<'a>(
    policy: &Policy,
    s: &'a Sent<'_>,
    vp: NodeId,
    src: u32,
    tgt: u32,
) -> Option<&'a str> {
    let tree = s.tree;
    let en = english::get();
    let (lo, hi) = (s.lo.get(vp.index())?, s.hi.get(vp.index())?);
    // "deported the migrants to El Salvador": where the removed are sent is not where the act
    // happened (`forms.txt` `[removal]`).
    let removal = tree
        .children(vp)
        .iter()
        .filter_map(|&c| tree.word(c))
        .any(|w| en.is_form("removal", w));
    s.nes.iter().enumerate().find_map(|(i, ne)| {
        if i as u32 == src || i as u32 == tgt || ne.lo < *lo || ne.hi > *hi {
            return None;
        }
        let pp = tree.parent(ne.node)?;
        let prep = tree.children(pp).first().and_then(|&c| tree.word(c))?;
        if removal && prep.eq_ignore_ascii_case("to") {
            return None;
        }
        // "killed three people east of Gaza City": the `of` phrase of a compass point.
        let compass = || {
            tree.parent(pp)
                .filter(|&a| matches!(tree.label(a), "ADJP" | "ADVP"))
                .and_then(|a| tree.children(a).first().and_then(|&c| tree.word(c)))
                .is_some_and(|w| en.is_form("compass", w))
        };
        if s.kind.get(pp.index()) != Some(&Phrase::Pp)
            || !(en.is_prep(prep, Prep::PlaceOrGoal)
                || prep.eq_ignore_ascii_case("of") && compass())
        {
            return None;
        }
        let code = ne.codes.first()?;
        let country = code.get(..3)?;
        (!code.starts_with("---") && policy.is_country(country)).then_some(country)
    })
}

/// The country of a sentence's people: its first mention, before the source `src`, that is a
/// country alone or a country's domestic agents ("thousands of Kenyans marched …, and police
/// fired tear gas").
pub(super) fn people_country<'a>(policy: &Policy, s: &'a Sent<'_>, src: u32) -> Option<&'a str> {
    let before = s.nes.get(src as usize)?.lo;
    s.nes.iter().find_map(|ne| {
        if ne.hi > before {
            return None;
        }
        let code = ne.codes.first()?;
        let country = code.get(..3)?;
        let people = code.len() == 3 || policy.is_domestic(code);
        (!code.starts_with("---") && people && policy.is_country(country)).then_some(country)
    })
}

/// With `domestic`: the code a country-less domestic source (`---COP`: "police fired tear gas
/// at protesters in Dar es Salaam") takes from the place its verb phrase names, else from the
/// sentence's people ([`people_country`]) — police, courts and crowds act in their own country.
pub(super) fn localise_source(policy: &Policy, place: Option<&str>, sc: &str) -> Option<String> {
    if sc.len() <= 3 || !sc.starts_with("---") || !policy.is_domestic(sc) {
        return None;
    }
    Some(format!("{}{}", place?, sc.get(3..)?))
}

/// With `domestic`: the code a country-less agent target `tc` (`---GOV`) takes from source
/// code `sc`: the place's country when the verb phrase names one, else the source's country
/// when the source is domestic (police, courts, opposition, students, workers, civilians:
/// "Serbian students protested against the government"), or when a state coerces a domestic
/// target (`home-coercion` in `policy.txt`: "Armenian authorities arrested an opposition
/// leader").
pub(super) fn localise(
    policy: &Policy,
    place: Option<&str>,
    (sc, tc): (&str, &str),
    code: &str,
) -> Option<String> {
    if tc.len() <= 3 || !tc.starts_with("---") || sc.starts_with("---") {
        return None;
    }
    let agent = tc.get(3..)?;
    if let Some(p) = place {
        return Some(format!("{p}{agent}"));
    }
    let country = sc.get(..3)?;
    let home =
        policy.is_domestic(sc) || policy.is_home_coercion(code, sc) && policy.is_domestic(tc);
    (home && policy.is_country(country)).then(|| format!("{country}{agent}"))
}

/// Rule `adjunct-clause`: the leaf ranges of the adverbial clauses with a subject of their own
/// inside verb phrase `vp` ("struck Gaza on Monday, a day after Hamas fired rockets at
/// Israel": `Hamas fired rockets at Israel`). Such a clause is asserted on its own, so coding
/// `vp` does not swallow it; its verbs are coded as the main clause's are. The opening words
/// are `demarche_text::english`'s adjunct subordinators (`adjunct.txt`).
pub(super) fn adjunct_clauses(s: &Sent<'_>, vp: NodeId) -> Vec<(u32, u32)> {
    let tree = s.tree;
    let en = english::get();
    let mut out = Vec::new();
    let mut stack = vec![vp];
    // Clauses nest a few levels; the bound keeps a pathological tree linear.
    let mut budget = 4 * (s.hi[vp.index()] - s.lo[vp.index()]) as usize + 16;
    while let Some(n) = stack.pop() {
        if budget == 0 {
            break;
        }
        budget -= 1;
        for &c in tree.children(n) {
            if tree.is_leaf(c) {
                continue;
            }
            if tree.label(c) == "SBAR"
                && let Some(clause) = adjunct_clause(s, c, en)
            {
                out.push((s.lo[clause.index()], s.hi[clause.index()]));
                continue;
            }
            stack.push(c);
        }
    }
    out
}

/// The clause of `(SBAR (NP hours)? (IN after) (S (NP subject) (VP …)))` when the subordinator
/// is an adjunct word and the clause has its own subject.
fn adjunct_clause(s: &Sent<'_>, sbar: NodeId, en: &english::English) -> Option<NodeId> {
    let tree = s.tree;
    let kids = tree.children(sbar);
    let sub = kids
        .iter()
        .copied()
        .find(|&c| s.kind.get(c.index()) != Some(&Phrase::Np))?;
    let word = if tree.is_leaf(sub) {
        tree.word(sub)
    } else {
        tree.children(sub).first().and_then(|&w| tree.word(w))
    }?;
    if !en.is_adjunct(word) {
        return None;
    }
    let clause = kids.iter().copied().find(|&c| tree.label(c) == "S")?;
    let ck = tree.children(clause);
    let np = ck
        .iter()
        .position(|&c| s.kind.get(c.index()) == Some(&Phrase::Np))?;
    // A past-tense head: a noun read as a verb ("a week after the Mumbai attacks") has the
    // present tense, and a modal one is an indirect question ("failed to say when it would
    // arrive") more often than an adverbial clause.
    let vp = ck
        .get(np + 1..)?
        .iter()
        .copied()
        .find(|&c| s.kind.get(c.index()) == Some(&Phrase::Vp))?;
    let head = tree.children(vp).first().copied()?;
    (tree.label(head) == "VBD").then_some(clause)
}

/// Rule `adjunct-clause`: whether actor `ne`, found for verb phrase `vp` by climbing or by
/// the flat item sequence, lies outside the adverbial clause with its own subject that `vp`
/// heads ("opened an investigation after an explosion damaged a railway line": the
/// explosion, not the prosecutors, did the damage; "withdrew from the court hours after
/// Netanyahu arrived": he did not arrive at the court). A pronoun subject refers out of the
/// clause ("after it fired") unless `strict`: for a target, or in the passive, whose subject
/// is no doer ("hours after he had been granted asylum by Mexico").
pub(super) fn outside_adjunct(s: &Sent<'_>, vp: NodeId, ne: u32, strict: bool) -> bool {
    let tree = s.tree;
    let Some(clause) = clause_of(s, vp) else {
        return false;
    };
    let Some(sbar) = tree.parent(clause) else {
        return false;
    };
    if tree.label(sbar) != "SBAR" || adjunct_clause(s, sbar, english::get()) != Some(clause) {
        return false;
    }
    let pronoun = tree.children(clause).iter().any(|&c| {
        s.kind.get(c.index()) == Some(&Phrase::Np)
            && (s.lo[c.index()]..s.hi[c.index()])
                .any(|l| s.tags.get(l as usize) == Some(&Tag::Pronoun))
    });
    let lo = s.nes.get(ne as usize).map_or(0, |n| n.lo);
    (strict || !pronoun) && (lo < s.lo[clause.index()] || lo >= s.hi[clause.index()])
}

/// Rule `predicative-as`: whether actor `ne` lies in a predicative phrase after the object of
/// verb phrase `vp` ("condemned the strikes as a violation of Venezuela's sovereignty"): a
/// description of the object, not a participant. The prepositions are `preposition.txt`'s
/// `predicative`.
pub(super) fn in_predicative(s: &Sent<'_>, vp: NodeId, ne: u32) -> bool {
    vp_phrase_of(s, vp, ne, Prep::Predicative).is_some_and(|(kids, pos)| {
        kids[..pos]
            .iter()
            .any(|&k| s.kind.get(k.index()) == Some(&Phrase::Np))
    })
}

/// Rule `meeting-topic`: whether actor `ne` lies in a topic phrase of verb phrase `vp` ("the
/// Security Council met over a Russian missile barrage", "held talks on Ukraine"): what a
/// meeting is about is no side of it. The prepositions are `preposition.txt`'s `topic`.
pub(super) fn in_topic(s: &Sent<'_>, vp: NodeId, ne: u32) -> bool {
    vp_phrase_of(s, vp, ne, Prep::Topic).is_some()
}

/// The children of `vp` and the position among them of the prepositional phrase, headed by a
/// preposition of `role`, that holds actor `ne`.
fn vp_phrase_of<'t>(
    s: &Sent<'t>,
    vp: NodeId,
    ne: u32,
    role: Prep,
) -> Option<(&'t [NodeId], usize)> {
    let tree = s.tree;
    let mut c = s.nes.get(ne as usize)?.node;
    while let Some(p) = tree.parent(c) {
        if p == vp {
            break;
        }
        c = p;
    }
    let kids = tree.children(vp);
    let pos = kids.iter().position(|&k| k == c)?;
    (s.kind.get(c.index()) == Some(&Phrase::Pp)
        && tree
            .children(c)
            .first()
            .and_then(|&w| tree.word(w))
            .is_some_and(|w| english::get().is_prep(w, role)))
    .then_some((kids, pos))
}

/// Rule `reporter-no-target`: whether actor `ne` lies before the clause that verb phrase `vp`
/// heads, when that clause is the complement of another verb ("A British official said Canada
/// had frozen the ministers' assets": the official who reports it is not whose assets were
/// frozen). The pattern coder's fallback target before the verb stays inside the verb's clause.
pub(super) fn before_own_clause(s: &Sent<'_>, vp: NodeId, ne: u32) -> bool {
    let tree = s.tree;
    let Some(clause) = clause_of(s, vp).filter(|&p| tree.label(p) == "S") else {
        return false;
    };
    // A complement: the clause (or its SBAR) hangs on a verb phrase.
    let mut up = tree.parent(clause);
    if up.is_some_and(|u| tree.label(u) == "SBAR") {
        up = up.and_then(|u| tree.parent(u));
    }
    if !up.is_some_and(|u| s.kind.get(u.index()) == Some(&Phrase::Vp)) {
        return false;
    }
    s.nes
        .get(ne as usize)
        .is_some_and(|n| n.lo < s.lo[clause.index()])
}

/// The phrase around the verb phrases that `vp` heads (through its auxiliaries: "had been
/// granted"): the clause the verb is the predicate of.
fn clause_of(s: &Sent<'_>, vp: NodeId) -> Option<NodeId> {
    let tree = s.tree;
    let mut c = vp;
    while let Some(p) = tree.parent(c)
        && s.kind.get(p.index()) == Some(&Phrase::Vp)
    {
        c = p;
    }
    tree.parent(c)
}
