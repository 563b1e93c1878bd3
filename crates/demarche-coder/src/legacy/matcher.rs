//! The pattern matcher: TABARI-style pattern steps (words, noun sets, `$ + % ^` actor
//! elements, open and closed steps) matched over an item sequence with backtracking.

use super::Coder;
use super::sent::{Item, NONE, Sent};
use crate::lexicon::{Elem, Step, UNKNOWN};

/// Pattern bindings: noun phrases matched by `$`, `+` and `%`.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Binds {
    pub(super) source: Option<u32>,
    pub(super) target: Option<u32>,
    pub(super) compound: Option<u32>,
    pub(super) compound_upper: bool,
}

impl Coder<'_> {
    /// Matches `steps` against `seq` from position `pos`, with backtracking over open steps
    /// and over the noun phrases an actor element can stand for.
    /// `backwards` is true for the upper sequence (items already reversed), which flips the
    /// meaning of noun-phrase start and end markers and the order of synset phrase words.
    pub(super) fn match_steps(
        &self,
        s: &Sent<'_>,
        seq: &[Item],
        steps: &[Step],
        pos: usize,
        b: &mut Binds,
        backwards: bool,
    ) -> bool {
        let Some((step, rest)) = steps.split_first() else {
            return true;
        };
        let mut q = pos;
        while q < seq.len() {
            // An open word step: jump straight to the next occurrence of the word.
            if let (Elem::Word(w) | Elem::Prep(w), false) = (step.elem, step.closed) {
                let prep = matches!(step.elem, Elem::Prep(_));
                let found = seq.get(q..).and_then(|rest| {
                    rest.iter()
                        .position(|it| matches!(it, Item::Word(l) if word_is(s, *l, w, prep)))
                });
                let Some(k) = found else {
                    return false;
                };
                if w != UNKNOWN && self.match_steps(s, seq, rest, q + k + 1, b, backwards) {
                    return true;
                }
                q += k + 1;
                continue;
            }
            match step.elem {
                Elem::Word(_) | Elem::Prep(_) | Elem::Synset(_) => {
                    if let Some(next) =
                        self.match_words(s, seq, step.elem, q, step.closed, backwards)
                        && self.match_steps(s, seq, rest, next, b, backwards)
                    {
                        return true;
                    }
                }
                _ => {
                    for (ne, next) in self.ne_candidates(s, seq, step.elem, q, backwards) {
                        let saved = *b;
                        match step.elem {
                            Elem::Source => b.source = Some(ne),
                            Elem::Target => b.target = Some(ne),
                            Elem::Compound => {
                                b.compound = Some(ne);
                                b.compound_upper = backwards;
                            }
                            _ => {}
                        }
                        if self.match_steps(s, seq, rest, next, b, backwards) {
                            return true;
                        }
                        *b = saved;
                    }
                }
            }
            if step.closed {
                return false;
            }
            q += 1;
        }
        false
    }

    /// Tries a word or synset element at `q`; returns the position after it.
    fn match_words(
        &self,
        s: &Sent<'_>,
        seq: &[Item],
        elem: Elem,
        q: usize,
        closed: bool,
        backwards: bool,
    ) -> Option<usize> {
        match elem {
            Elem::Word(w) | Elem::Prep(w) => {
                let q = skip_markers(seq, q, closed);
                let prep = matches!(elem, Elem::Prep(_));
                match seq.get(q)? {
                    Item::Word(l) if word_is(s, *l, w, prep) && w != UNKNOWN => Some(q + 1),
                    _ => None,
                }
            }
            Elem::Synset(id) => {
                let q0 = skip_markers(seq, q, closed);
                let synset = self.lex.synsets.get(id as usize)?;
                let Some(Item::Word(l0)) = seq.get(q0) else {
                    return None;
                };
                let w0 = *s.words.get(*l0 as usize)?;
                // The longest phrase that matches here.
                let mut best: Option<usize> = None;
                for ph in synset.starting_with(w0, backwards) {
                    let mut p = q0;
                    let mut ok = true;
                    let n = ph.len();
                    for k in 0..n {
                        let w = if backwards { ph[n - 1 - k] } else { ph[k] };
                        if k > 0 {
                            p = skip_markers(seq, p, true);
                        }
                        match seq.get(p) {
                            Some(Item::Word(l)) if s.words.get(*l as usize) == Some(&w) => p += 1,
                            _ => {
                                ok = false;
                                break;
                            }
                        }
                    }
                    if ok && n > 0 && best.is_none_or(|bp| p > bp) {
                        best = Some(p);
                    }
                }
                best
            }
            _ => None,
        }
    }

    /// The noun phrases an actor element (`$ + % ^`) can match at `q`, each with the position
    /// after it: a whole actor phrase starting here, a noun phrase inside it starting (ending,
    /// backwards) at this word, or the rest of the actor phrase a previous word matched into.
    /// `^` prefers the smallest phrase, the others the largest.
    fn ne_candidates(
        &self,
        s: &Sent<'_>,
        seq: &[Item],
        elem: Elem,
        q: usize,
        backwards: bool,
    ) -> Vec<(u32, usize)> {
        let mut out: Vec<(u32, usize)> = Vec::new();
        let mut q = q;
        // Step over the end of the phrase before (a start marker, read backwards).
        while let Some(Item::NeEnd(_)) | Some(Item::NeStart(_)) = seq.get(q) {
            let opening = matches!(
                (seq.get(q), backwards),
                (Some(Item::NeStart(_)), false) | (Some(Item::NeEnd(_)), true)
            );
            if opening {
                break;
            }
            q += 1;
        }
        let find =
            |from: usize, target: Item| (from..seq.len()).find(|&p| seq.get(p) == Some(&target));
        let inner_at = |leaf: u32| {
            s.inner.iter().filter(move |&&(lo, hi, _)| {
                if backwards {
                    hi == leaf + 1
                } else {
                    lo == leaf
                }
            })
        };
        let inner_next = |lo: u32, hi: u32, from: usize| {
            let boundary = if backwards { lo } else { hi.saturating_sub(1) };
            find(from, Item::Word(boundary)).map(|p| p + 1)
        };
        match seq.get(q) {
            Some(&Item::NeStart(x)) | Some(&Item::NeEnd(x)) => {
                let Some(ne) = s.nes.get(x as usize) else {
                    return out;
                };
                let close = if backwards {
                    Item::NeStart(x)
                } else {
                    Item::NeEnd(x)
                };
                if let Some(p) = find(q + 1, close) {
                    out.push((x, p + 1));
                }
                let leaf = if backwards {
                    ne.hi.saturating_sub(1)
                } else {
                    ne.lo
                };
                for &(lo, hi, k) in inner_at(leaf) {
                    if let Some(p) = inner_next(lo, hi, q) {
                        out.push((k, p));
                    }
                }
            }
            Some(&Item::Word(l)) => {
                for &(lo, hi, k) in inner_at(l) {
                    if let Some(p) = inner_next(lo, hi, q) {
                        out.push((k, p));
                    }
                }
                // The rest of the phrase this word is in.
                // Only `^` may stand for the rest of a phrase: `$` and `+` name whole actors.
                let x = s.ne_of.get(l as usize).copied().unwrap_or(NONE);
                if elem == Elem::Skip && x != NONE && q > 0 {
                    let prev_inside = match seq.get(q - 1) {
                        Some(Item::Word(pl)) => s.ne_of.get(*pl as usize) == Some(&x),
                        _ => false,
                    };
                    let close = if backwards {
                        Item::NeStart(x)
                    } else {
                        Item::NeEnd(x)
                    };
                    if prev_inside && let Some(p) = find(q, close) {
                        out.insert(0, (x, p + 1));
                    }
                }
            }
            None => {}
        }
        if elem == Elem::Compound {
            out.retain(|&(k, _)| s.nes.get(k as usize).is_some_and(|n| n.codes.len() >= 2));
        }
        if elem == Elem::Skip {
            out.reverse();
        }
        out
    }
}

/// Skips noun-phrase markers (they are not words, so they do not break adjacency).
fn skip_markers(seq: &[Item], mut q: usize, _closed: bool) -> usize {
    while let Some(Item::NeStart(_) | Item::NeEnd(_)) = seq.get(q) {
        q += 1;
    }
    q
}

/// Whether leaf `l` is the word `w`; for a pattern's preposition, not an infinitive's `to`.
fn word_is(s: &Sent<'_>, l: u32, w: crate::lexicon::WordId, prep: bool) -> bool {
    s.words.get(l as usize) == Some(&w)
        && !(prep && s.tags.get(l as usize) == Some(&super::sent::Tag::Infinitive))
}
