//! Tree → predications, in passes: verb chains and their arguments, links between clauses,
//! controllers, event nouns (with support verbs), links of event nouns.

use crate::Support;
use crate::shape::{Cat, Shape, VerbTag};
use crate::{
    Analysis, Arg, Filler, Link, Modality, Polarity, PredKind, PredicateLexicon, Predication, Role,
    Via, Voice,
};
use demarche_model::{NodeId, Tree};
use demarche_text::english::{self, Aux, Modal, Prep, VerbClass};
use std::borrow::Cow;

/// Arguments gathered for one predication before they go into the arena.
type Args = Vec<Arg>;

/// A predication under construction.
struct Draft {
    pred: Predication,
    args: Args,
    /// The topmost verb phrase of its chain (auxiliaries and coordination included).
    top: NodeId,
}

/// Builds the predications of a tree.
pub fn analyze(tree: &Tree, lex: &dyn PredicateLexicon) -> Analysis {
    let mut out = Analysis::default();
    analyze_into(tree, lex, &mut out);
    out
}

thread_local! {
    /// The drafts of the last analysis on this thread, emptied, and their argument lists: their
    /// capacity is reused, so a sentence allocates no draft arrays once a thread has read one
    /// as long.
    static DRAFTS: std::cell::Cell<Pool> = const {
        std::cell::Cell::new(Pool {
            drafts: Vec::new(),
            spare: Vec::new(),
            leaves: Vec::new(),
            keep: Vec::new(),
        })
    };
}

/// The per-sentence arrays of [`analyze_into`], kept between sentences for their capacity.
#[derive(Default)]
struct Pool {
    drafts: Vec<Draft>,
    /// Emptied argument lists.
    spare: Vec<Args>,
    /// The leaves of a noun phrase.
    leaves: Vec<NodeId>,
    /// Which drafts become predications.
    keep: Vec<bool>,
}

/// [`analyze`] into `out`, whose arrays are cleared and reused (a caller coding many sentences
/// keeps one [`Analysis`] and allocates its arrays once).
pub fn analyze_into(tree: &Tree, lex: &dyn PredicateLexicon, out: &mut Analysis) {
    out.preds.clear();
    out.args.clear();
    out.ranges.clear();
    out.leaves.clear();
    out.lower.clear();
    out.lower_at.clear();
    if tree.is_empty() {
        return;
    }
    let sh = Shape::new(tree);
    let en = english::get();
    let Pool {
        mut drafts,
        mut spare,
        leaves,
        mut keep,
    } = DRAFTS.with(std::cell::Cell::take);
    drafts.clear();
    for id in tree.nodes() {
        if sh.cat(id) == Cat::Vp
            && let Some(d) = verb_draft(&sh, en, lex, id, &mut spare)
        {
            drafts.push(d);
        }
    }
    link_clauses(&sh, en, &mut drafts);
    fill_gaps(&sh, en, lex, &mut drafts);
    let verbs = drafts.len();
    // Buffers for the leaves and lower-case words of each noun phrase, reused.
    let mut scratch = (leaves, Vec::new());
    for id in tree.nodes() {
        if sh.cat(id) == Cat::Np
            && let Some(d) = noun_draft(
                &sh,
                en,
                lex,
                id,
                &mut drafts[..verbs],
                &mut scratch,
                &mut spare,
            )
        {
            drafts.push(d);
        }
    }
    link_nouns(&sh, &mut drafts, verbs);
    // A partitive that is itself an event noun ("a barrage of drone strikes") gives way to
    // the event noun after its `of`, which has the same scope and comes later.
    let kept_at = |k: usize| {
        k < verbs
            || !drafts[k + 1..]
                .iter()
                .any(|d| d.pred.scope == drafts[k].pred.scope)
    };
    let (kept, kept_args) = (0..drafts.len())
        .filter(|&k| kept_at(k))
        .fold((0, 0), |(n, a), k| (n + 1, a + drafts[k].args.len()));
    out.ranges.extend(tree.nodes().map(|id| sh.range(id)));
    sh.leaves_into(&mut out.leaves, &mut out.lower, &mut out.lower_at);
    out.preds.reserve(kept);
    out.args.reserve(kept_args);
    keep.clear();
    keep.extend((0..drafts.len()).map(kept_at));
    for (d, &k) in drafts.drain(..).zip(&keep) {
        let Draft {
            mut pred, mut args, ..
        } = d;
        if k {
            let start = out.args.len() as u32;
            out.args.append(&mut args);
            pred.args = start..out.args.len() as u32;
            out.preds.push(pred);
        }
        args.clear();
        spare.push(args);
    }
    let (mut leaves, _) = scratch;
    leaves.clear();
    DRAFTS.with(|c| {
        c.set(Pool {
            drafts,
            spare,
            leaves,
            keep,
        })
    });
}

fn phrase(sh: &Shape<'_>, node: NodeId) -> Filler {
    let (lo, hi) = sh.range(node);
    Filler::Phrase { node, lo, hi }
}

fn is_neg(sh: &Shape<'_>, en: &english::English, node: NodeId) -> bool {
    match sh.cat(node) {
        Cat::Adverb => en.is_negation(sh.word(node)),
        Cat::Advp => sh
            .children(node)
            .iter()
            .any(|&c| sh.cat(c) == Cat::Adverb && en.is_negation(sh.word(c))),
        _ => false,
    }
}

/// Whether `node` is an infinitive clause or verb phrase ("(S (VP (TO to) …))").
fn opens_infinitive(sh: &Shape<'_>, node: NodeId) -> bool {
    let vp = match sh.cat(node) {
        Cat::S => sh.children(node).first().copied(),
        Cat::Vp => Some(node),
        _ => None,
    };
    vp.filter(|&v| sh.cat(v) == Cat::Vp)
        .and_then(|v| sh.vp_head(v))
        .is_some_and(|h| sh.cat(h) == Cat::To)
}

/// A lexical verb phrase's predication: its chain of auxiliaries, its subject and objects.
fn verb_draft(
    sh: &Shape<'_>,
    en: &'static english::English,
    lex: &dyn PredicateLexicon,
    vp: NodeId,
    spare: &mut Vec<Args>,
) -> Option<Draft> {
    let head = sh.vp_head(vp)?;
    let kids = sh.children(vp);
    let has_vp = kids.iter().any(|&c| sh.cat(c) == Cat::Vp);
    let word = sh.word(head);
    let aux = en.aux(word);
    if matches!(sh.cat(head), Cat::Modal | Cat::To) || (aux.is_some() && has_vp) {
        return None; // an auxiliary layer: the predication is further down
    }
    // "did the same", "did business with": `do` with an object is a lexical verb.
    let done = aux == Some(Aux::Do) && kids.iter().any(|&c| sh.cat(c) == Cat::Np);
    if aux == Some(Aux::Be) || aux == Some(Aux::Do) && !done {
        return None; // copula or emphatic do: no event verb
    }
    let tag = sh.cat(head).verb_tag()?;
    // The English lists first, then the coder's verb dictionary, then a guess.
    let lemma = match en.known_lemma(word) {
        Some(l) => std::borrow::Cow::Borrowed(l),
        None => lex
            .verb_lemma(word)
            .map_or_else(|| en.lemma(word), std::borrow::Cow::Owned),
    };
    let mut pred = Predication::new(head, lemma, PredKind::Verb, 0, sh.range(head).0, vp);
    // `English::verb_classes(word)`, from the lemma just looked up.
    pred.classes = if word.contains(' ') {
        en.verb_classes(word)
    } else {
        en.lemma_classes(&pred.lemma)
    };
    // "urged Israel not to launch …": a negation before an infinitive clause is that
    // clause's, not the verb's.
    let own_negation = kids.iter().enumerate().any(|(i, &c)| {
        is_neg(sh, en, c) && !kids.get(i + 1).is_some_and(|&n| opens_infinitive(sh, n))
    });
    if own_negation {
        pred.polarity = Polarity::Negated;
    }
    // Climb the auxiliaries and coordinations above.
    let mut cur = vp;
    let mut shared = false;
    let mut first_layer = true;
    let mut auxed = false;
    while let Some(p) = sh.parent(cur) {
        if sh.cat(p) != Cat::Vp {
            break;
        }
        match sh.vp_head(p) {
            Some(h) => {
                let w = sh.word(h);
                auxed |= matches!(sh.cat(h), Cat::Modal | Cat::To) || en.aux(w).is_some();
                match sh.cat(h) {
                    Cat::Modal => {
                        pred.modality = match en.modal(w) {
                            Some(Modal::Future) => Modality::Future,
                            Some(Modal::Possible) => Modality::Possible,
                            _ => Modality::Obligation,
                        }
                    }
                    Cat::To => pred.infinitive = true,
                    _ => {
                        let a = en.aux(w);
                        if first_layer
                            && tag == VerbTag::Participle
                            && matches!(a, Some(Aux::Be) | Some(Aux::Get))
                        {
                            pred.voice = Voice::Passive;
                        }
                        if a.is_none() {
                            break; // a lexical verb above: this VP is its complement
                        }
                    }
                }
                if sh.children(p).iter().any(|&c| is_neg(sh, en, c)) {
                    pred.polarity = Polarity::Negated;
                }
            }
            None => shared = true,
        }
        first_layer = false;
        cur = p;
    }
    let top = cur;
    let clause = sh.parent(top);
    // A reduced relative on a noun: "activists detained by China" is passive.
    if clause.is_some_and(|c| sh.cat(c) == Cat::Np) && tag == VerbTag::Participle {
        pred.voice = Voice::Passive;
    }
    // A participial clause with no auxiliary and a `by` phrase is passive too: "…, mediated
    // by Egypt and Qatar" (the parser hangs it on the clause, not on the noun it describes).
    if tag == VerbTag::Participle
        && !auxed
        && kids.iter().any(|&c| {
            sh.cat(c) == Cat::Pp
                && sh
                    .children(c)
                    .first()
                    .is_some_and(|&f| sh.word(f).eq_ignore_ascii_case("by"))
        })
    {
        pred.voice = Voice::Passive;
    }
    let mut args = spare.pop().unwrap_or_default();
    // Objects, PPs and clauses of the verb's own phrase.
    let mut objects = 0;
    for (i, &c) in kids.iter().skip_while(|&&c| c != head).skip(1).enumerate() {
        // "carried (PP out (NP strikes))": a particle read as a preposition, right after the
        // verb, and its object.
        if i == 0
            && sh.cat(c) == Cat::Pp
            && pred.particle.is_none()
            && let Some(&first) = sh.children(c).first()
            && en.is_prep(sh.word(first), Prep::Particle)
            && let Some(obj) = sh.pp_object(c)
        {
            pred.particle = Some(first);
            objects += 1;
            args.push(Arg {
                role: Role::Patient,
                filler: phrase(sh, obj),
                via: Via::Object,
            });
            continue;
        }
        match sh.cat(c) {
            Cat::Np => {
                let role = if objects == 0 {
                    Role::Patient
                } else {
                    Role::Second
                };
                objects += 1;
                args.push(Arg {
                    role,
                    filler: phrase(sh, c),
                    via: Via::Object,
                });
            }
            Cat::Pp => {
                if let (Some(prep), Some(obj)) = (sh.pp_prep(c), sh.pp_object(c)) {
                    let passive_by = prep == "by" && pred.voice == Voice::Passive;
                    args.push(Arg {
                        role: if passive_by {
                            Role::Agent
                        } else {
                            Role::Obl(prep)
                        },
                        filler: phrase(sh, obj),
                        via: if passive_by { Via::By } else { Via::Pp },
                    });
                }
            }
            Cat::Prt if pred.particle.is_none() => pred.particle = sh.children(c).first().copied(),
            _ => {}
        }
    }
    // The subject, or the noun a reduced relative hangs on.
    let subject = clause.and_then(|cl| match sh.cat(cl) {
        Cat::S => sh.subject_before(cl, top).map(|np| {
            (
                np,
                if shared {
                    Via::SharedSubject
                } else {
                    Via::Subject
                },
            )
        }),
        Cat::Np => sh
            .child_before(cl, Cat::Np, Some(top))
            .map(|np| (np, Via::Antecedent)),
        _ => None,
    });
    if let Some((np, via)) = subject {
        let reduced = via == Via::Antecedent;
        let role = if pred.voice == Voice::Passive {
            Role::Patient
        } else {
            Role::Agent
        };
        let _ = reduced;
        if role == Role::Patient {
            // The surface object slot is empty in a passive: keep the patient unique.
            args.retain(|a| a.role != Role::Patient);
        }
        args.push(Arg {
            role,
            filler: phrase(sh, np),
            via,
        });
    }
    Some(Draft { pred, args, top })
}

/// For a clause with no subject inside a WH relative, `(NP (NP antecedent) (SBAR (WHNP who)
/// (S (VP …))))`: the antecedent.
/// For an infinitive's verb phrase `(ADJP (JJ ready) (S (VP to …)))` on a `[ready]` adjective:
/// the subject of the clause the adjective is predicated in.
fn ready_subject(sh: &Shape<'_>, en: &english::English, top: NodeId) -> Option<NodeId> {
    let s = sh.parent(top).filter(|&s| sh.cat(s) == Cat::S)?;
    let adjp = sh.parent(s)?;
    let adjective = *sh.children(adjp).first()?;
    if !en.is_form("ready", sh.word(adjective)) {
        return None;
    }
    let mut vp = sh.parent(adjp).filter(|&v| sh.cat(v) == Cat::Vp)?;
    while let Some(up) = sh.parent(vp).filter(|&v| sh.cat(v) == Cat::Vp) {
        vp = up;
    }
    let clause = sh.parent(vp).filter(|&c| sh.cat(c) == Cat::S)?;
    sh.child_before(clause, Cat::Np, Some(vp))
}

fn relative_antecedent(sh: &Shape<'_>, top: NodeId) -> Option<NodeId> {
    let s = sh.parent(top).filter(|&p| sh.cat(p) == Cat::S)?;
    if sh.child_before(s, Cat::Np, Some(top)).is_some() {
        return None;
    }
    let sbar = sh.parent(s).filter(|&p| sh.cat(p) == Cat::Sbar)?;
    sh.children(sbar)
        .first()
        .filter(|&&w| sh.cat(w) == Cat::Wh)?;
    let np = sh.parent(sbar).filter(|&p| sh.cat(p) == Cat::Np)?;
    sh.child_before(np, Cat::Np, Some(sbar))
}

/// The antecedent of an object relative clause ("Kabarebe, whom it accused of …", "diplomats it
/// accused of …"): the clause has its own subject, and its wh-phrase is a noun phrase or
/// missing, so the noun phrase it modifies fills the object gap.
fn object_relative_antecedent(sh: &Shape<'_>, top: NodeId) -> Option<NodeId> {
    let s = sh.parent(top).filter(|&p| sh.cat(p) == Cat::S)?;
    sh.child_before(s, Cat::Np, Some(top))?;
    let sbar = sh.parent(s).filter(|&p| sh.cat(p) == Cat::Sbar)?;
    // A wh-noun phrase ("whom"), or none at all ("diplomats it accused of …").
    let first = *sh.children(sbar).first()?;
    let wh_np = sh.cat(first) == Cat::Wh && sh.tree.label(first).starts_with("WHNP");
    if !(wh_np || first == s) {
        return None;
    }
    let np = sh.parent(sbar).filter(|&p| sh.cat(p) == Cat::Np)?;
    sh.child_before(np, Cat::Np, Some(sbar))
}

/// Sets `under` for verb predications: the nearest verb predication whose own phrase holds this
/// one's clause, and the link's kind from that verb's class and the clause's shape.
fn link_clauses(sh: &Shape<'_>, en: &english::English, drafts: &mut [Draft]) {
    let n = drafts.len();
    for i in 0..n {
        let top = drafts[i].top;
        let mut child = top;
        let mut sbar: Option<NodeId> = None;
        let mut pp: Option<NodeId> = None;
        let mut comma_before = false;
        for anc in sh.ancestors(top) {
            match sh.cat(anc) {
                Cat::Sbar if sbar.is_none() => sbar = Some(anc),
                Cat::Pp if pp.is_none() => pp = Some(anc),
                _ => {}
            }
            if sh.cat(anc) == Cat::Np && sbar.is_some() {
                drafts[i].pred.under = owner_of(sh, drafts, anc).map(|o| (o, Link::Relative));
                break;
            }
            // A clause attached to a verb phrase or a clause, after a comma.
            if let Some(pos) = sh.children(anc).iter().position(|&c| c == child) {
                comma_before = pos > 0
                    && sh
                        .children(anc)
                        .get(pos - 1)
                        .is_some_and(|&c| sh.cat(c) == Cat::Comma);
            }
            if let Some(j) = drafts
                .iter()
                .position(|d| d.pred.scope == anc && d.top != top)
            {
                let classes = drafts[j].pred.classes;
                // Past a measure of time ("(SBAR (NP days) (IN after) (S …))").
                let sub = sbar.and_then(|s| {
                    sh.children(s)
                        .iter()
                        .copied()
                        .find(|&c| !matches!(sh.cat(c), Cat::Np | Cat::Advp))
                });
                // "…, where they agreed": the word of a wh-adverb phrase.
                let sub = sub.map(|c| match sh.cat(c) {
                    Cat::Wh => sh.children(c).first().copied().unwrap_or(c),
                    _ => c,
                });
                let sub_word = sub.map(|c| sh.lower(c)).unwrap_or_default();
                // A gerund in a prepositional phrase: "after seizing" is asserted, "accused X of
                // arming" and "talks on restoring" are the verb's complement.
                let pp_word = pp
                    .and_then(|p| sh.children(p).first().copied())
                    .map(|c| sh.lower(c));
                // "…, the ministry said, calling the strike a war crime": a participial clause
                // after a comma is the speaker's own act, not what was said.
                let participle = comma_before
                    && sbar.is_none()
                    && matches!(
                        sh.cat(drafts[i].pred.head),
                        Cat::VerbGerund | Cat::VerbParticiple
                    );
                let link = if en.is_adjunct(sub_word) || pp_word.is_some_and(|w| en.is_adjunct(w)) {
                    Link::Adjunct
                } else if pp_word.is_some() {
                    Link::Complement
                } else if participle && !drafts[i].pred.infinitive {
                    Link::Participle
                } else if classes.has(VerbClass::Report) {
                    Link::Report
                } else if classes.has(VerbClass::Deny) {
                    Link::Deny
                } else if drafts[i].pred.infinitive
                    && (classes.has(VerbClass::SubjectControl)
                        || classes.has(VerbClass::ObjectControl)
                        || is_phrasal_control(sh, en, &drafts[j].pred))
                {
                    Link::Control
                } else if participle {
                    Link::Participle
                } else {
                    Link::Complement
                };
                drafts[i].pred.under = Some((j as u32, link));
                break;
            }
            // Reporting tail: (S (S content) , (NP X) (VP said)), or flat: (S (NP We) (VP will
            // …) , '' (NP X) (VP said)).
            if sh.cat(anc) == Cat::S && matches!(sh.cat(child), Cat::S | Cat::Vp) {
                let tail = sh
                    .children(anc)
                    .iter()
                    .rev()
                    .find(|&&c| sh.cat(c) == Cat::Vp)
                    .copied()
                    .filter(|&vp| {
                        vp != child && sh.subject_before(anc, vp) != sh.subject_before(anc, child)
                    });
                if let Some(vp) = tail
                    && let Some(j) = drafts.iter().position(|d| d.top == vp)
                    && drafts[j].pred.classes.has(VerbClass::Report)
                {
                    drafts[i].pred.under = Some((j as u32, Link::Report));
                    break;
                }
            }
            // A participial clause after a comma, attached to the main clause.
            let participial = comma_before
                && (sbar.is_none() && sh.cat(child) == Cat::S
                    || sh.cat(child) == Cat::Vp && sh.cat(anc) == Cat::S);
            if participial
                && let Some(vp) = sh.child_before(anc, Cat::Vp, Some(child))
                && let Some(j) = drafts.iter().position(|d| d.top == vp)
            {
                let link = match sbar {
                    Some(_) => Link::Adjunct,
                    None => Link::Participle,
                };
                drafts[i].pred.under = Some((j as u32, link));
                break;
            }
            child = anc;
        }
    }
    // "slapped sanctions on a refinery that processes Iranian crude, drawing an angry response
    // from Beijing": a participle after a comma that closes a relative clause answers the
    // clause the relative hangs on.
    for i in 0..n {
        if let Some((j, Link::Participle)) = drafts[i].pred.under
            && let Some((k, Link::Relative)) = drafts.get(j as usize).and_then(|d| d.pred.under)
        {
            drafts[i].pred.under = Some((k, Link::Participle));
        }
    }
    // "demanded that Turkey pull its troops out, calling their presence a violation": a
    // participle of saying (`forms.txt` `[saying-participle]`) after a comma that closes a
    // reported or complement clause is the one who reports or demands, not the clause subject.
    // Up through clauses inside clauses ("condemned North Korea for sending troops to fight
    // …, calling it …"), adverbial ones too ("said it had expelled the boats after they
    // entered its waters, accusing Manila …"): the outermost one.
    for i in 0..n {
        let Some((mut j, Link::Participle)) = drafts[i].pred.under else {
            continue;
        };
        if !en.is_form("saying-participle", sh.word(drafts[i].pred.head)) {
            continue;
        }
        let mut moved = false;
        for _ in 0..4 {
            match drafts.get(j as usize).and_then(|d| d.pred.under) {
                Some((k, Link::Report | Link::Complement | Link::Control | Link::Adjunct)) => {
                    (j, moved) = (k, true)
                }
                _ => break,
            }
        }
        if moved {
            drafts[i].pred.under = Some((j, Link::Participle));
        }
    }
}

fn is_phrasal_control(sh: &Shape<'_>, en: &english::English, p: &Predication) -> bool {
    p.particle.is_some_and(|pt| {
        en.has_phrasal_class(sh.word(p.head), sh.word(pt), VerbClass::ObjectControl)
    })
}

/// The verb predication that owns a node: the lexical verb phrase above it.
fn owner_of(sh: &Shape<'_>, drafts: &[Draft], node: NodeId) -> Option<u32> {
    std::iter::once(node)
        .chain(sh.ancestors(node))
        .find_map(|a| drafts.iter().position(|d| d.pred.scope == a))
        .map(|j| j as u32)
}

fn has_role(args: &Args, role: &Role) -> bool {
    args.iter().any(|a| &a.role == role)
}

/// Fills missing agents: relative antecedents, controllers, the main clause's subject.
fn fill_gaps(
    sh: &Shape<'_>,
    en: &english::English,
    lex: &dyn PredicateLexicon,
    drafts: &mut [Draft],
) {
    for i in 0..drafts.len() {
        let has_subject = drafts[i]
            .args
            .iter()
            .any(|a| matches!(a.via, Via::Subject | Via::SharedSubject | Via::Antecedent));
        let passive = drafts[i].pred.voice == Voice::Passive;
        if has_subject {
            // "whom it accused of …": the antecedent is the object.
            if !passive
                && !has_role(&drafts[i].args, &Role::Patient)
                && let Some(np) = object_relative_antecedent(sh, drafts[i].top)
            {
                drafts[i].args.push(Arg {
                    role: Role::Patient,
                    filler: phrase(sh, np),
                    via: Via::Antecedent,
                });
            }
            continue;
        }
        // "it was ready to resume talks": an infinitive on an adjective of readiness
        // (`forms.txt` `[ready]`) is intended by the clause's subject, and so is an event noun
        // its verb supports.
        if drafts[i].pred.infinitive
            && let Some(subject) = ready_subject(sh, en, drafts[i].top)
        {
            let head = drafts[i].pred.head;
            let role = if passive { Role::Patient } else { Role::Agent };
            drafts[i].pred.modality = Modality::Future;
            drafts[i].args.push(Arg {
                role,
                filler: phrase(sh, subject),
                via: Via::Controller,
            });
            for d in drafts.iter_mut().filter(|d| d.pred.support == Some(head)) {
                d.pred.modality = Modality::Future;
                if !has_role(&d.args, &Role::Agent) {
                    d.args.push(Arg {
                        role: Role::Agent,
                        filler: phrase(sh, subject),
                        via: Via::SupportSubject,
                    });
                }
            }
            continue;
        }
        if let Some(np) = relative_antecedent(sh, drafts[i].top) {
            let role = if passive { Role::Patient } else { Role::Agent };
            if !has_role(&drafts[i].args, &role) {
                drafts[i].args.push(Arg {
                    role,
                    filler: phrase(sh, np),
                    via: Via::Antecedent,
                });
            }
            continue;
        }
        let Some((j, link)) = drafts[i].pred.under else {
            continue;
        };
        let j = j as usize;
        let (role, filler, via) = match link {
            Link::Relative => {
                // (NP (NP antecedent) (SBAR (WHNP which) (S ...))): the antecedent fills the
                // gap — the subject when there is none, else the object.
                let Some(np) = sh
                    .tree
                    .ancestors(drafts[i].top)
                    .find(|&a| sh.cat(a) == Cat::Np)
                    .and_then(|np| sh.child_before(np, Cat::Np, None))
                else {
                    continue;
                };
                let role = if passive { Role::Patient } else { Role::Agent };
                (role, phrase(sh, np), Via::Antecedent)
            }
            Link::Control => {
                let ctl = &drafts[j];
                let object_control = ctl.pred.classes.has(VerbClass::ObjectControl)
                    || is_phrasal_control(sh, en, &ctl.pred);
                // "Wang was expected to meet …", "Russia was urged to withdraw": a passive
                // controller's subject is the infinitive's doer, whatever its class.
                let raised = (ctl.pred.voice == Voice::Passive)
                    .then(|| ctl.args.iter().find(|a| a.role == Role::Patient))
                    .flatten();
                let agent = || ctl.args.iter().find(|a| a.role == Role::Agent);
                let from = raised.or_else(|| match object_control {
                    true => ctl
                        .args
                        .iter()
                        .find(|a| a.role == Role::Patient || a.role == Role::Obl("on".into()))
                        .or_else(agent),
                    false => agent(),
                });
                let Some(a) = from else { continue };
                let role = if passive { Role::Patient } else { Role::Agent };
                (role, a.filler, Via::Controller)
            }
            Link::Participle | Link::Adjunct | Link::Complement => {
                if link == Link::Adjunct
                    && !matches!(
                        sh.cat(drafts[i].pred.head),
                        Cat::VerbGerund | Cat::VerbParticiple
                    )
                {
                    continue;
                }
                // "accused Y of arming Z", "warned Y against …": a gerund in a PP of a verb
                // with an object is done by that object; otherwise by the main subject.
                // After a circumstance preposition ("after blaming Moscow") it is the subject's.
                let in_pp = sh
                    .parent(drafts[i].top)
                    .and_then(|s| sh.parent(s))
                    .filter(|&pp| sh.cat(pp) == Cat::Pp)
                    .is_some_and(|pp| {
                        sh.children(pp)
                            .first()
                            .is_none_or(|&c| !en.is_prep(sh.word(c), Prep::Circumstance))
                    });
                let patient = drafts[j].args.iter().find(|a| a.role == Role::Patient);
                // "…'s minister suggested that Milei took drugs, drawing a protest from Buenos
                // Aires": what a participle of eliciting answers is the saying, not what it says.
                let elicit = link == Link::Participle
                    && lex.support(&drafts[i].pred.lemma, None) == Some(Support::Elicit);
                let host = match drafts[j].pred.under {
                    Some((k, Link::Report)) if elicit => k as usize,
                    _ => j,
                };
                let (a, via) = match (in_pp, patient) {
                    (true, Some(p)) => (p, Via::Controller),
                    _ => match drafts[host].args.iter().find(|a| a.role == Role::Agent) {
                        Some(a) => (a, Via::MatrixSubject),
                        None => continue,
                    },
                };
                let role = if passive { Role::Patient } else { Role::Agent };
                (role, a.filler, via)
            }
            Link::Report | Link::Deny | Link::Argument => continue,
        };
        if !has_role(&drafts[i].args, &role) {
            drafts[i].args.push(Arg { role, filler, via });
        }
    }
}

/// An event noun phrase's predication; a support verb whose object it is lends it its
/// subject, prepositional phrases and framing, and is marked absorbed.
fn noun_draft<'s>(
    sh: &'s Shape<'_>,
    en: &english::English,
    lex: &dyn PredicateLexicon,
    np: NodeId,
    verbs: &mut [Draft],
    (leaves, refs): &mut (Vec<NodeId>, Vec<&'s str>),
    spare: &mut Vec<Args>,
) -> Option<Draft> {
    let kids = sh.children(np);
    // A base noun phrase: its leaves (and a possessor) but no noun phrase heading it.
    let possessor = kids.iter().copied().find(|&c| {
        sh.cat(c) == Cat::Np
            && sh
                .children(c)
                .last()
                .is_some_and(|&l| sh.cat(l) == Cat::Pos)
    });
    if kids
        .iter()
        .any(|&c| sh.cat(c) == Cat::Np && Some(c) != possessor)
    {
        return None;
    }
    leaves.clear();
    leaves.extend(kids.iter().copied().filter(|&c| sh.is_leaf(c)));
    let head_pos = leaves.iter().rposition(|&l| sh.cat(l) == Cat::Noun)?;
    // The last noun must end the phrase (bar punctuation): "attack helicopters" is no attack.
    if leaves[head_pos + 1..]
        .iter()
        .any(|&l| matches!(sh.cat(l), Cat::Noun | Cat::Word))
    {
        return None;
    }
    refs.clear();
    refs.extend(leaves[..=head_pos].iter().map(|&l| sh.lower(l)));
    let (len, mut id) = lex.event_noun(refs)?;
    let mut name_start = head_pos + 1 - len.min(head_pos + 1);
    let mut name = None;
    // "their joint Zapad exercises", "the annual Freedom Shield exercise": a capitalised name
    // between the modifiers and the head does not part a longer event-noun name around it.
    let cap = |l: NodeId| sh.word(l).starts_with(char::is_uppercase);
    let run = leaves[..head_pos]
        .iter()
        .rev()
        .take_while(|&&l| sh.cat(l) == Cat::Noun && cap(l))
        .count();
    if run > 0 && run < head_pos && !cap(leaves[head_pos - run - 1]) {
        let r = head_pos - run;
        refs.drain(r..head_pos);
        if let Some((l2, id2)) = lex.event_noun(refs).filter(|&(l2, _)| l2 > len.max(1)) {
            id = id2;
            name_start = r + 1 - l2.min(r + 1);
            name = Some(refs[name_start..].join(" "));
        }
        refs.clear();
        refs.extend(leaves[..=head_pos].iter().map(|&l| sh.lower(l)));
    }
    let head = leaves[head_pos];
    let mut pred = Predication::new(
        head,
        Cow::Owned(name.unwrap_or_else(|| refs[name_start..].join(" "))),
        PredKind::Noun,
        id,
        sh.range(leaves[name_start]).0,
        np,
    );
    let mut args = spare.pop().unwrap_or_default();
    if let Some(p) = possessor {
        args.push(Arg {
            role: Role::Agent,
            filler: phrase(sh, p),
            via: Via::Possessor,
        });
    } else {
        // Modifiers before the name: "Russian shelling", "Israeli air strikes"; not the name
        // of a titled document ("the Ankara Declaration": `forms.txt` `[titled-document]`).
        let titled = name_start > 0
            && english::get().is_titled_document(sh.word(leaves[name_start - 1]), sh.word(head));
        let first_mod = leaves[..name_start]
            .iter()
            .position(|&l| !matches!(sh.cat(l), Cat::Det | Cat::Quote))
            .filter(|_| !titled);
        if let Some(f) = first_mod {
            let lo = sh.range(leaves[f]).0;
            let hi = sh.range(leaves[name_start]).0;
            if hi > lo {
                args.push(Arg {
                    role: Role::Agent,
                    filler: Filler::Phrase { node: np, lo, hi },
                    via: Via::Modifier,
                });
            }
        }
    }
    // Prepositional phrases after the noun: (NP (NP strikes) (PP on (NP Gaza))); through a
    // partitive, "(NP (NP a wave) (PP of (NP drone strikes)) (PP on …))", the outer phrase.
    let outer = sh.parent(np).filter(|&p| sh.cat(p) == Cat::Np);
    let mut scope = np;
    let mut pp_host: Option<(NodeId, usize)> = None;
    if let Some(o) = outer
        && sh.children(o).first() == Some(&np)
    {
        scope = o;
        pp_host = Some((o, 1));
    } else if let Some(g) = partitive_outer(sh, en, np) {
        scope = g;
        pp_host = Some((g, 2));
    }
    for (host, skip) in pp_host.into_iter().chain(
        outer
            .filter(|&o| Some(o) != pp_host.map(|h| h.0) && sh.children(o).first() == Some(&np))
            .map(|o| (o, 1)),
    ) {
        for &c in sh.children(host).iter().skip(skip) {
            if sh.cat(c) == Cat::Pp
                && let (Some(prep), Some(obj)) = (sh.pp_prep(c), sh.pp_object(c))
            {
                if obj == np {
                    continue;
                }
                let by = prep == "by";
                args.push(Arg {
                    role: if by { Role::Agent } else { Role::Obl(prep) },
                    filler: phrase(sh, obj),
                    via: if by { Via::By } else { Via::Pp },
                });
            }
        }
    }
    // "in retaliation for an Israeli strike on Beirut", "during a visit to Hanoi by Japan's
    // minister": the parser hangs the phrases after a noun that is itself the object of a
    // prepositional phrase on the verb; the ones right after that phrase are the noun's too.
    // Through "of" phrases ("after three days of talks (between A and B)"): the outermost
    // noun phrase of the chain.
    let mut low = np;
    for _ in 0..2 {
        match sh
            .parent(low)
            .filter(|&p| sh.cat(p) == Cat::Pp && sh.pp_prep_is(p, "of"))
            .and_then(|p| sh.parent(p))
            .filter(|&g| sh.cat(g) == Cat::Np)
        {
            Some(g) => low = g,
            None => break,
        }
    }
    // (A partitive host, "three days of talks", has no phrases of its own there.)
    if pp_host.is_none_or(|(h, skip)| skip == 2 && sh.children(h).len() <= 2)
        && let Some(pp) = sh.parent(low).filter(|&p| sh.cat(p) == Cat::Pp)
        && let Some(vp) = sh.parent(pp).filter(|&v| sh.cat(v) == Cat::Vp)
        // Not a particle read as a preposition ("carried (out strikes) (on Gaza)"): the
        // support verb lends its phrases itself.
        && sh
            .pp_prep(pp)
            .is_some_and(|w| !en.is_prep(&w, Prep::Particle))
    {
        let after = sh.children(vp).iter().skip_while(|&&c| c != pp).skip(1);
        for &c in after.take_while(|&&c| sh.cat(c) == Cat::Pp) {
            // Not a place ("in the town of …"): that is as likely the verb's.
            if let (Some(prep), Some(obj)) = (sh.pp_prep(c), sh.pp_object(c))
                && !en.is_prep(&prep, Prep::Place)
            {
                let by = prep == "by";
                args.push(Arg {
                    role: if by { Role::Agent } else { Role::Obl(prep) },
                    filler: phrase(sh, obj),
                    via: Via::Adjacent,
                });
            }
        }
    }
    pred.scope = scope;
    // Object of a support verb?
    // Or its second object ("handed Turkey a protest note"): the first is the recipient, as
    // a `to` phrase ("handed a protest note to Turkey").
    let mut second = false;
    let support = verbs.iter_mut().find_map(|d| {
        let object = d.args.iter().find(|a| {
            matches!(a.role, Role::Patient | Role::Second)
                && matches!(a.filler, Filler::Phrase { node, .. } if node == scope || node == np)
        })?;
        second = object.role == Role::Second;
        let particle = d.pred.particle.map(|p| sh.lower(p));
        lex.support(&d.pred.lemma, particle).map(|k| (d, k))
    });
    if let Some((v, kind)) = support {
        v.pred.absorbed = true;
        pred.support = Some(v.pred.head);
        pred.support_lemma = Some(match v.pred.particle {
            Some(p) => format!("{} {}", v.pred.lemma, sh.lower(p)),
            None => v.pred.lemma.to_string(),
        });
        pred.voice = v.pred.voice;
        pred.polarity = v.pred.polarity;
        pred.modality = v.pred.modality;
        pred.infinitive = v.pred.infinitive;
        pred.under = v.pred.under;
        // A possessor or `by` phrase is the agent; an adjective before the noun may be one
        // ("Israeli strikes") or not ("resolute countermeasures"): the support verb's subject
        // is kept as a second candidate after it.
        let has_agent = args
            .iter()
            .any(|a| a.role == Role::Agent && a.via != Via::Modifier);
        for a in &v.args {
            match (&a.role, kind) {
                (Role::Agent, Support::Agentive) if !has_agent => args.push(Arg {
                    role: Role::Agent,
                    filler: a.filler,
                    via: Via::SupportSubject,
                }),
                // "drew condemnation from Japan": the subject is what it is aimed at.
                (Role::Agent, Support::Elicit) => args.push(Arg {
                    role: Role::Patient,
                    filler: a.filler,
                    via: Via::SupportSubject,
                }),
                (Role::Obl(_), _) => args.push(Arg {
                    role: a.role.clone(),
                    filler: a.filler,
                    via: Via::SupportPp,
                }),
                (Role::Patient, _) if second => args.push(Arg {
                    role: Role::Obl(Cow::Borrowed("to")),
                    filler: a.filler,
                    via: Via::SupportPp,
                }),
                _ => {}
            }
        }
        // A passive support verb's subject is the event ("talks were held"): its agent is
        // the `by` phrase, already taken above.
    }
    Some(Draft {
        pred,
        args,
        top: scope,
    })
}

/// For a noun phrase inside "a wave of …": the outer phrase, when its head is a partitive.
fn partitive_outer(sh: &Shape<'_>, en: &english::English, np: NodeId) -> Option<NodeId> {
    let pp = sh.parent(np).filter(|&p| sh.cat(p) == Cat::Pp)?;
    if !sh.pp_prep_is(pp, "of") {
        return None;
    }
    let g = sh.parent(pp).filter(|&p| sh.cat(p) == Cat::Np)?;
    let first = *sh.children(g).first()?;
    let head = sh
        .children(first)
        .iter()
        .rev()
        .find(|&&l| sh.cat(l) == Cat::Noun)
        .copied()?;
    en.is_partitive(sh.word(head)).then_some(g)
}

/// Event nouns not taken by a support verb sit under the verb whose argument holds them.
fn link_nouns(sh: &Shape<'_>, drafts: &mut [Draft], verbs: usize) {
    for i in verbs..drafts.len() {
        if drafts[i].pred.support.is_some() {
            continue;
        }
        let scope = drafts[i].pred.scope;
        let owner = sh.ancestors(scope).find_map(|a| {
            drafts[..verbs]
                .iter()
                .position(|d| d.pred.scope == a || d.top == a)
        });
        if let Some(j) = owner {
            drafts[i].pred.under = Some((j as u32, Link::Argument));
        }
    }
}
