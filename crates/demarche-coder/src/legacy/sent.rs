//! The per-sentence working state ([`Sent`]) and how it is built: the tree's leaves as
//! interned words and tag classes, every node's leaf range and phrase kind, where clauses end,
//! comma-clause deletion (PETRARCH's `comma_*` options) and the flat item sequence (words and
//! noun-phrase markers) that patterns are matched against. Buffers are reused between sentences.

use super::Coder;
use super::mentions::Ne;
use crate::Options;
use crate::lexicon::{UNKNOWN, WordId};
use demarche_model::{NodeId, Span, Tree};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tag {
    Verb,
    Punct,
    Comma,
    Possessive,
    Conj,
    Adverb,
    /// A personal pronoun (`PRP`): never an actor name ("us" is not the USA).
    Pronoun,
    /// The `to` of an infinitive (`TO` heading a verb phrase): no preposition, so a pattern's
    /// `(to)` phrase does not match it ("protested … to demand").
    Infinitive,
    Other,
}

fn classify_tag(tag: &str) -> Tag {
    let b = tag.as_bytes();
    match b {
        b"," => Tag::Comma,
        b"POS" => Tag::Possessive,
        b"CC" => Tag::Conj,
        b"PRP" => Tag::Pronoun,
        _ if b.starts_with(b"VB") => Tag::Verb,
        _ if b.starts_with(b"RB") => Tag::Adverb,
        _ if b.iter().all(|c| !c.is_ascii_alphabetic()) => Tag::Punct,
        b"-LRB-" | b"-RRB-" | b"HYPH" | b"NFP" => Tag::Punct,
        _ => Tag::Other,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Phrase {
    Np,
    Vp,
    Pp,
    Clause,
    Mod,
    Other,
}

fn classify_label(label: &str) -> Phrase {
    let base = label.split(['-', '=']).next().unwrap_or(label);
    match base {
        "NP" if label.contains("TMP") => Phrase::Other,
        "NP" | "NML" | "NX" => Phrase::Np,
        "VP" => Phrase::Vp,
        "PP" => Phrase::Pp,
        "S" | "SBAR" | "SINV" | "SQ" | "SBARQ" => Phrase::Clause,
        "ADJP" | "QP" | "ADVP" => Phrase::Mod,
        _ => Phrase::Other,
    }
}

/// A flat-sequence item: a word (leaf index) or a noun-phrase boundary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Item {
    Word(u32),
    NeStart(u32),
    NeEnd(u32),
}

/// Arrays of [`Sent`] kept between sentences so that coding a sentence allocates little.
#[derive(Debug, Default)]
pub(super) struct Buffers {
    leaf_node: Vec<NodeId>,
    words: Vec<WordId>,
    tags: Vec<Tag>,
    leaf_index: Vec<u32>,
    lo: Vec<u32>,
    hi: Vec<u32>,
    kind: Vec<Phrase>,
    closes: Vec<bool>,
    relative: Vec<bool>,
    stop: Vec<u32>,
    deleted: Vec<bool>,
    ne_of: Vec<u32>,
    items: Vec<Item>,
    leaf_item: Vec<u32>,
    present: Vec<WordId>,
}

impl Buffers {
    pub(super) fn reclaim(&mut self, s: Sent<'_>) {
        self.leaf_node = s.leaf_node;
        self.words = s.words;
        self.tags = s.tags;
        self.lo = s.lo;
        self.hi = s.hi;
        self.kind = s.kind;
        self.stop = s.stop;
        self.deleted = s.deleted;
        self.ne_of = s.ne_of;
        self.items = s.items;
        self.leaf_item = s.leaf_item;
        self.present = s.present;
        self.relative = s.relative;
    }
}

thread_local! {
    pub(super) static BUFFERS: std::cell::RefCell<Buffers> =
        std::cell::RefCell::new(Buffers::default());
}

/// The per-sentence working state.
pub(super) struct Sent<'t> {
    pub(super) tree: &'t Tree,
    /// Leaf index → node.
    pub(super) leaf_node: Vec<NodeId>,
    pub(super) words: Vec<WordId>,
    pub(super) tags: Vec<Tag>,
    pub(super) deleted: Vec<bool>,
    /// Node → leaf range.
    pub(super) lo: Vec<u32>,
    pub(super) hi: Vec<u32>,
    pub(super) kind: Vec<Phrase>,
    pub(super) nes: Vec<Ne>,
    /// Leaf → NE index or u32::MAX.
    pub(super) ne_of: Vec<u32>,
    /// The sentence's known words, sorted, for ruling out patterns quickly.
    pub(super) present: Vec<WordId>,
    /// Noun phrases inside actor phrases: (first leaf, end leaf, NE index), in pre-order.
    pub(super) inner: Vec<(u32, u32, u32)>,
    pub(super) items: Vec<Item>,
    /// Leaf → index of its first item (its NE start if it opens one).
    pub(super) leaf_item: Vec<u32>,
    /// Leaf → index of the first leaf after the last clause that closed at or before it.
    pub(super) stop: Vec<u32>,
    /// Node → whether it is a flat noun phrase (only words, nested flat noun phrases,
    /// modifiers and merged `of` phrases), set by `find_nes`.
    pub(super) flat: Vec<bool>,
    /// Leaf → whether a relative clause on a noun phrase (an `SBAR` opened by a wh-phrase)
    /// starts there (one leaf past the end too).
    pub(super) relative: Vec<bool>,
    /// Flat noun phrases comma-clause deletion removed entirely (not actor phrases; for
    /// mentions only), outermost only.
    pub(super) deleted_nps: Vec<NodeId>,
}

/// No index (no noun phrase, no leaf range).
pub(super) const NONE: u32 = u32::MAX;

impl Coder<'_> {
    pub(super) fn prepare<'t>(&self, tree: &'t Tree, bufs: &mut Buffers) -> Sent<'t> {
        let n = tree.len();
        let mut leaf_node = std::mem::take(&mut bufs.leaf_node);
        leaf_node.clear();
        let mut words = std::mem::take(&mut bufs.words);
        words.clear();
        let mut tags = std::mem::take(&mut bufs.tags);
        tags.clear();
        let mut upper = String::new();
        let mut leaf_index = std::mem::take(&mut bufs.leaf_index);
        leaf_index.clear();
        leaf_index.resize(n, NONE);
        for id in tree.nodes() {
            if let Some(w) = tree.word(id) {
                leaf_index[id.index()] = leaf_node.len() as u32;
                leaf_node.push(id);
                upper.clear();
                if w.is_ascii() {
                    upper.push_str(w);
                    upper.make_ascii_uppercase();
                } else {
                    for c in w.chars() {
                        upper.extend(c.to_uppercase());
                    }
                }
                words.push(self.lex.word(&upper));
                let label = tree.label(id);
                let infinitive =
                    label == "TO" && tree.parent(id).is_some_and(|p| tree.label(p) == "VP");
                tags.push(if infinitive {
                    Tag::Infinitive
                } else {
                    classify_tag(label)
                });
            }
        }
        let mut lo = std::mem::take(&mut bufs.lo);
        lo.clear();
        lo.resize(n, NONE);
        let mut hi = std::mem::take(&mut bufs.hi);
        hi.clear();
        hi.resize(n, 0u32);
        let mut kind = std::mem::take(&mut bufs.kind);
        kind.clear();
        kind.resize(n, Phrase::Other);
        for i in (0..n).rev() {
            let id = NodeId(i as u32);
            if tree.is_leaf(id) {
                lo[i] = leaf_index[i];
                hi[i] = leaf_index[i] + 1;
                continue;
            }
            kind[i] = classify_label(tree.label(id));
            for &c in tree.children(id) {
                let c = c.index();
                if lo[c] != NONE {
                    lo[i] = lo[i].min(lo[c]);
                    hi[i] = hi[i].max(hi[c]);
                }
            }
            if lo[i] == NONE {
                lo[i] = 0;
                hi[i] = 0;
            }
        }
        let nl = leaf_node.len();
        let mut present = std::mem::take(&mut bufs.present);
        present.clear();
        present.extend(words.iter().copied().filter(|&w| w != UNKNOWN));
        present.sort_unstable();
        present.dedup();
        // stop[v]: where a verb's upper sequence ends, going backwards: just after the last
        // clause that closed before the verb.
        let mut closes = std::mem::take(&mut bufs.closes);
        closes.clear();
        closes.resize(nl + 1, false);
        let mut relative = std::mem::take(&mut bufs.relative);
        relative.clear();
        relative.resize(nl + 1, false);
        for i in 0..n {
            if kind[i] == Phrase::Clause && hi[i] > lo[i] {
                closes[hi[i] as usize] = true;
                let id = NodeId(i as u32);
                let wh = tree
                    .children(id)
                    .first()
                    .is_some_and(|&c| tree.label(c).starts_with("WH"));
                let on_noun = tree
                    .parent(id)
                    .is_some_and(|p| kind[p.index()] == Phrase::Np);
                if tree.label(id) == "SBAR" && wh && on_noun {
                    relative[lo[i] as usize] = true;
                }
            }
        }
        let mut stop = std::mem::take(&mut bufs.stop);
        stop.clear();
        stop.resize(nl + 1, 0u32);
        let mut last = 0u32;
        for (v, c) in closes.iter().enumerate() {
            if *c {
                last = v as u32;
            }
            stop[v] = last;
        }
        bufs.leaf_index = leaf_index;
        bufs.closes = closes;
        Sent {
            tree,
            leaf_node,
            words,
            tags,
            deleted: {
                let mut v = std::mem::take(&mut bufs.deleted);
                v.clear();
                v.resize(nl, false);
                v
            },
            lo,
            hi,
            kind,
            nes: Vec::new(),
            ne_of: {
                let mut v = std::mem::take(&mut bufs.ne_of);
                v.clear();
                v.resize(nl, NONE);
                v
            },
            present,
            inner: Vec::new(),
            items: {
                let mut v = std::mem::take(&mut bufs.items);
                v.clear();
                v
            },
            leaf_item: {
                let mut v = std::mem::take(&mut bufs.leaf_item);
                v.clear();
                v
            },
            stop,
            relative,
            flat: Vec::new(),
            deleted_nps: Vec::new(),
        }
    }
}

/// Removes comma-delimited clauses by length, as TABARI and PETRARCH do: an internal clause
/// between two commas, the initial clause before the first comma and the terminal clause after
/// the last one, each within its configured word-count range. Commas inside noun phrases are
/// lists, not clause boundaries, and are left alone.
pub(super) fn delete_comma_clauses(s: &mut Sent<'_>, opts: &Options) {
    let tree = s.tree;
    let nl = s.leaf_node.len();
    let commas: Vec<usize> = (0..nl)
        .filter(|&l| {
            s.tags.get(l) == Some(&Tag::Comma)
                && s.leaf_node
                    .get(l)
                    .and_then(|&n| tree.parent(n))
                    .is_none_or(|p| s.kind[p.index()] != Phrase::Np)
        })
        .collect();
    if commas.is_empty() {
        return;
    }
    let count = |a: usize, b: usize| {
        (a..b)
            .filter(|&l| {
                !matches!(
                    s.tags.get(l),
                    Some(Tag::Punct) | Some(Tag::Comma) | Some(Tag::Possessive)
                )
            })
            .count()
    };
    // The end of the sentence, before its final punctuation.
    let mut end = nl;
    while end > 0 && matches!(s.tags.get(end - 1), Some(Tag::Punct)) {
        end -= 1;
    }
    let mut del: Vec<(usize, usize)> = Vec::new();
    let (first, last) = (commas[0], commas[commas.len() - 1]);
    if opts.comma_bmax > 0 {
        let n = count(0, first);
        if n >= opts.comma_bmin && n <= opts.comma_bmax {
            del.push((0, first + 1));
        }
    }
    // Rule `quote-reporter`: in `"…," Foreign Minister X said in a statement, warning …` the
    // clause after the quote's closing comma is the sentence's reporter and main clause, not an
    // aside between two commas. (News reading only.)
    let reporter_after_quote = |w0: usize, w1: usize| {
        opts.reported_speech
            && s.leaf_node
                .get(w0 + 1)
                .is_some_and(|&n| tree.label(n) == "''")
            && (w0 + 2..w1).any(|l| s.tags.get(l) == Some(&Tag::Verb))
    };
    if opts.comma_max > 0 {
        for w in commas.windows(2) {
            let n = count(w[0] + 1, w[1]);
            if n >= opts.comma_min && n <= opts.comma_max && !reporter_after_quote(w[0], w[1]) {
                del.push((w[0], w[1]));
            }
        }
    }
    if opts.comma_emax > 0 && last < end {
        let n = count(last + 1, end);
        // In the news reading, a terminal clause that is part of the sentence stays.
        if n >= opts.comma_emin
            && n <= opts.comma_emax
            && !(opts.reported_speech && terminal_clause_kept(s, last, end))
        {
            del.push((last, end));
        }
    }
    for (a, b) in del {
        for l in a..b {
            if let Some(d) = s.deleted.get_mut(l) {
                *d = true;
            }
        }
    }
}

/// Whether what follows the last comma (`last..end`) is part of the sentence rather than a
/// trailing aside, in the news reading (PETRARCH deletes it).
fn terminal_clause_kept(s: &Sent<'_>, last: usize, end: usize) -> bool {
    let tree = s.tree;
    // "According to the air force, Russia launched 40 drones at Ukraine": when nothing before
    // the last comma is a verb phrase, what follows it is the main clause.
    let main_clause_after =
        || !(0..s.kind.len()).any(|n| s.kind[n] == Phrase::Vp && (s.hi[n] as usize) <= last);
    // "…, and recalled its ambassador from Addis Ababa", "…, and police fired tear gas": a
    // verb phrase or clause coordinated after the last comma is a predicate.
    let coordinated_verb_after = || {
        s.tags.get(last + 1) == Some(&Tag::Conj)
            && (last + 2..end).any(|l| s.tags.get(l) == Some(&Tag::Verb))
    };
    // Rule `participle-after`: "…, Katz said in a statement, warning Dublin and Oslo of grave
    // consequences": a participle clause that the tree attaches to a verb before the comma is
    // that verb's subject's act.
    let participle_after = || {
        s.leaf_node.get(last + 1).is_some_and(|&leaf| {
            tree.label(leaf) == "VBG"
                && std::iter::successors(tree.parent(leaf), |&n| tree.parent(n))
                    .take(4)
                    .any(|n| s.kind[n.index()] == Phrase::Vp && (s.lo[n.index()] as usize) < last)
        })
    };
    // Rule `verb-after`: "Russia, which called the move \"illegal,\" expelled two diplomats":
    // a finite verb right after the last comma (and a closing quote) whose verb phrase hangs on
    // a clause begun before the comma is that clause's predicate.
    let verb_after = || {
        (last + 1..end)
            .find(|&l| s.leaf_node.get(l).is_some_and(|&n| tree.label(n) != "''"))
            .and_then(|l| s.leaf_node.get(l))
            .filter(|&&leaf| matches!(tree.label(leaf), "VBD" | "VBZ" | "VBP"))
            .and_then(|&leaf| tree.parent(leaf))
            .filter(|vp| s.kind[vp.index()] == Phrase::Vp && (s.lo[vp.index()] as usize) > last)
            .and_then(|vp| tree.parent(vp))
            .is_some_and(|up| {
                s.kind[up.index()] != Phrase::Np && (s.lo[up.index()] as usize) < last
            })
    };
    // Rule `fronted-clause`: "When Russia attacked Ukraine, Poland condemned the attack": the
    // comma that closes a sentence's opening subordinate clause opens its main clause.
    let after_fronted = || {
        s.leaf_node
            .get(last)
            .and_then(|&c| tree.parent(c))
            .is_some_and(|clause| {
                tree.parent(clause).is_none_or(|r| tree.parent(r).is_none())
                    && tree
                        .children(clause)
                        .first()
                        .is_some_and(|&f| tree.label(f) == "SBAR")
            })
    };
    main_clause_after()
        || after_fronted()
        || verb_after()
        || coordinated_verb_after()
        || participle_after()
}

pub(super) fn build_items(s: &mut Sent<'_>) {
    let nl = s.leaf_node.len();
    s.items.clear();
    s.leaf_item.clear();
    s.leaf_item.resize(nl + 1, 0);
    let mut open: u32 = NONE;
    for l in 0..nl {
        s.leaf_item[l] = s.items.len() as u32;
        let ne = s.ne_of.get(l).copied().unwrap_or(NONE);
        if ne != open && open != NONE {
            s.items.push(Item::NeEnd(open));
            s.leaf_item[l] = s.items.len() as u32;
            open = NONE;
        }
        if s.deleted.get(l).copied().unwrap_or(true) {
            continue;
        }
        if ne != NONE && ne != open {
            s.items.push(Item::NeStart(ne));
            open = ne;
        }
        s.items.push(Item::Word(l as u32));
    }
    if open != NONE {
        s.items.push(Item::NeEnd(open));
    }
    s.leaf_item[nl] = s.items.len() as u32;
}

pub(super) fn item_of_word(s: &Sent<'_>, leaf: usize) -> usize {
    // The Word item of a leaf: its first item, plus one when it opens a noun phrase.
    let first = s.leaf_item.get(leaf).copied().unwrap_or(0) as usize;
    match s.items.get(first) {
        Some(Item::NeStart(_)) => first + 1,
        _ => first,
    }
}

pub(super) fn span_of_leaves(s: &Sent<'_>, a: usize, b: usize) -> Option<Span> {
    let sa = s.leaf_node.get(a).and_then(|&n| s.tree.span(n));
    let sb = s.leaf_node.get(b).and_then(|&n| s.tree.span(n));
    match (sa, sb) {
        (Some(x), Some(y)) => Some(x.cover(y)),
        (x, y) => x.or(y),
    }
}

/// The span covering leaves `lo..hi`.
pub(super) fn span_of_range(s: &Sent<'_>, lo: u32, hi: u32) -> Option<Span> {
    let mut cover: Option<Span> = None;
    for l in lo..hi {
        if s.deleted.get(l as usize).copied().unwrap_or(true) {
            continue;
        }
        if let Some(sp) = s.leaf_node.get(l as usize).and_then(|&n| s.tree.span(n)) {
            cover = Some(cover.map_or(sp, |c| c.cover(sp)));
        }
    }
    cover
}

/// The text of leaf word `v` ("" when out of range).
pub(super) fn vw_text<'a>(s: &'a Sent<'_>, v: usize) -> &'a str {
    s.leaf_node
        .get(v)
        .and_then(|&n| s.tree.word(n))
        .unwrap_or("")
}
