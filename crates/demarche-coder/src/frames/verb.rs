//! A verb's own code from the verb dictionary, for a predication no pattern coded: the entry
//! of its one-word form (`verb_entry`) and the code it gives (`verb_code`).

use crate::legacy::Coder;
use demarche_dict::{Origin, PatternItem, VerbCode, VerbDictionary, VerbFormRef};
use demarche_model::Tree;
use demarche_predicates::{Analysis, Filler, Predication, Role};

/// The dictionary entry of a one-word verb form; of a verb listed twice ("strike" the protest,
/// "strike" the attack), the entry whose own line gives the code, so that the evidence cites it.
pub(super) fn verb_entry<'v>(verbs: &'v VerbDictionary, word: &str) -> Option<&'v VerbFormRef> {
    let forms = verbs.forms_of(word);
    let single = || {
        forms
            .iter()
            .filter(|r| verbs.form(**r).is_some_and(|f| f.words.len() == 1))
    };
    single()
        .find(|r| {
            verbs
                .verb(r.verb)
                .is_some_and(|v| matches!(v.code, Some(VerbCode::Event(_))))
        })
        .or_else(|| single().next())
}

/// A verb's own code from the verb dictionary (patterns are the pattern coder's business).
pub(super) fn verb_code<'c>(
    coder: &'c Coder<'_>,
    tree: &Tree,
    a: &Analysis,
    p: &Predication,
) -> Option<(&'c str, &'c Origin)> {
    let verbs = &coder.dictionaries().verbs;
    let r = verb_entry(verbs, tree.word(p.head)?)?;
    let entry = verbs.verb(r.verb)?;
    match verbs.code_of(r.verb) {
        Some(VerbCode::Event(c)) => Some((c.code.as_str(), &entry.origin)),
        // A verb that codes only with its object or a phrase ("dismiss --- / * charges 120",
        // "speak --- / * (by phone) 041"): the one-element pattern naming the object's head
        // noun, singular or plural ("a charge Abidjan dismissed"), or a preposition of the verb
        // with its noun ("after Trump and Putin spoke by phone").
        _ => {
            let upper = |leaf| Some(tree.word(leaf)?.to_ascii_uppercase());
            // The upper-case head word of a phrase filler.
            let head = |f: &Filler| {
                let Filler::Phrase { lo, hi, .. } = *f else {
                    return None;
                };
                let leaf = *a
                    .leaves
                    .get(hi.checked_sub(1)? as usize)
                    .filter(|_| hi > lo)?;
                upper(leaf)
            };
            // A prepositional phrase's noun with phrases after it: its first noun phrase's head
            // ("took to the streets of Tbilisi").
            let first_head = |f: &Filler| {
                let Filler::Phrase { node, .. } = *f else {
                    return None;
                };
                let np = tree
                    .children(node)
                    .first()
                    .copied()
                    .filter(|&c| tree.label(c) == "NP")?;
                upper(tree.leaves_under(np).last()?)
            };
            let names =
                |w: &str, noun: &str| w == noun || w.strip_suffix('S').is_some_and(|s| s == noun);
            let object = a.arg(p, &Role::Patient).and_then(|x| head(&x.filler));
            let args = a.args_of(p);
            verbs.patterns_of(r.verb).find_map(|pat| {
                let [only] = pat.after() else {
                    return None;
                };
                let named = match &only.item {
                    PatternItem::Word(w) => object.as_deref().is_some_and(|n| names(w, n)),
                    PatternItem::PrepPhrase {
                        preposition,
                        object: inner,
                    } => {
                        let PatternItem::Word(prep) = preposition.as_ref() else {
                            return None;
                        };
                        args.iter().any(|x| match &x.role {
                            Role::Obl(q) if q.eq_ignore_ascii_case(prep) => {
                                match inner.as_slice() {
                                    [] => true,
                                    [PatternItem::Word(w)] => {
                                        head(&x.filler).is_some_and(|n| names(w, &n))
                                            || first_head(&x.filler).is_some_and(|n| names(w, &n))
                                    }
                                    _ => false,
                                }
                            }
                            _ => false,
                        })
                    }
                    _ => false,
                };
                match &pat.code {
                    VerbCode::Event(c) if named && pat.before().is_empty() => {
                        Some((c.code.as_str(), &pat.origin))
                    }
                    _ => None,
                }
            })
        }
    }
}
