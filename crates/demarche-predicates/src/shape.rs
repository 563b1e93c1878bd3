//! What each node of a tree is, read once: its category (with PTB function tags stripped) and
//! the leaf range it covers.

use demarche_model::{NodeId, Tree};
use demarche_text::english;
use std::borrow::Cow;
use std::cell::Cell;

/// A node's category.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cat {
    /// S, SINV, SQ: a clause.
    S,
    /// SBAR, SBARQ: a clause with its complementizer.
    Sbar,
    Vp,
    Np,
    Pp,
    Prt,
    Advp,
    /// WHNP, WHADVP, WHPP.
    Wh,
    Other,
    /// Leaves, by tag. Verbs by their tag, one variant each (see [`Cat::verb_tag`]), so that
    /// `Cat` is one byte without a payload and comparing two is comparing bytes.
    VerbBase,
    VerbPast,
    VerbGerund,
    VerbParticiple,
    VerbPresent,
    Modal,
    To,
    Noun,
    Pos,
    Prep,
    Adverb,
    Conj,
    Comma,
    Det,
    /// Opening and closing quotation marks (`` and ''): an event noun quoted ("would take
    /// "overwhelming countermeasures"") still ends its phrase.
    Quote,
    Word,
}

impl Cat {
    /// A verb's tag, or `None` for any other category.
    pub fn verb_tag(self) -> Option<VerbTag> {
        match self {
            Cat::VerbBase => Some(VerbTag::Base),
            Cat::VerbPast => Some(VerbTag::Past),
            Cat::VerbGerund => Some(VerbTag::Gerund),
            Cat::VerbParticiple => Some(VerbTag::Participle),
            Cat::VerbPresent => Some(VerbTag::Present),
            _ => None,
        }
    }

    /// A verb (any tag).
    pub fn is_verb(self) -> bool {
        self.verb_tag().is_some()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum VerbTag {
    Base,
    Past,
    Gerund,
    Participle,
    Present,
}

/// Per-node facts of one tree, in flat arrays: the layer's walks (children, parents, leaf
/// ranges, categories) read these and never the tree's own nodes, whose labels, words and
/// child lists each sit in a heap block of their own. The arrays are borrowed from a
/// per-thread pool and given back when it is dropped, so reading a sentence allocates nothing
/// once a thread has read one as long.
pub(crate) struct Shape<'t> {
    pub tree: &'t Tree,
    /// By node index.
    nodes: Vec<NodeFacts>,
    /// Every node's children, one node after another (`NodeFacts::kids` slices it).
    kids: Vec<NodeId>,
    /// The lower-case forms of the leaves' words that are not lower case already, one after
    /// another (`NodeFacts::lower` slices it).
    lower: String,
    /// The leaves in order.
    leaves: Vec<NodeId>,
}

/// The arrays of a [`Shape`].
type Buffers = (Vec<NodeFacts>, Vec<NodeId>, String, Vec<NodeId>);

thread_local! {
    /// The arrays of the last [`Shape`] this thread dropped, cleared, for the next one.
    static POOL: Cell<Buffers> =
        const { Cell::new((Vec::new(), Vec::new(), String::new(), Vec::new())) };
}

impl Drop for Shape<'_> {
    fn drop(&mut self) {
        let mut nodes = std::mem::take(&mut self.nodes);
        let mut kids = std::mem::take(&mut self.kids);
        let mut lower = std::mem::take(&mut self.lower);
        let mut leaves = std::mem::take(&mut self.leaves);
        nodes.clear();
        kids.clear();
        lower.clear();
        leaves.clear();
        // Keep the larger buffers if the pool was refilled meanwhile (a nested Shape).
        POOL.with(|p| {
            let (n, k, l, v) = p.take();
            p.set((
                if n.capacity() > nodes.capacity() {
                    n
                } else {
                    nodes
                },
                if k.capacity() > kids.capacity() {
                    k
                } else {
                    kids
                },
                if l.capacity() > lower.capacity() {
                    l
                } else {
                    lower
                },
                if v.capacity() > leaves.capacity() {
                    v
                } else {
                    leaves
                },
            ));
        });
    }
}

/// No parent (the root).
const NO_PARENT: u32 = u32::MAX;

#[derive(Clone, Copy)]
struct NodeFacts {
    cat: Cat,
    /// A leaf (it has a word).
    leaf: bool,
    /// First leaf index and one past the last.
    lo: u32,
    hi: u32,
    /// The parent's index, or [`NO_PARENT`].
    parent: u32,
    /// The children: a range of `Shape::kids`.
    kids: (u32, u32),
    /// For a leaf whose word is not lower case, the byte range of its lower-case form in
    /// `Shape::lower`; `None` when the word is its own lower case (and for phrases).
    lower: Option<(u32, u32)>,
}

/// The byte range of `word.to_lowercase()` appended to `out`, or `None` when that is `word`
/// itself (plain lower-case ASCII, the usual case).
fn push_lowercase(out: &mut String, word: &str) -> Option<(u32, u32)> {
    let start = out.len() as u32;
    // One pass: lower-case ASCII needs nothing.
    if !word
        .bytes()
        .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
    {
        return None;
    }
    if word.is_ascii() {
        out.push_str(word);
        out[start as usize..].make_ascii_lowercase();
    } else {
        out.push_str(&word.to_lowercase());
    }
    Some((start, out.len() as u32))
}

fn phrase_cat(label: &str) -> Cat {
    // The label up to its first function tag (`NP-SBJ`, `NP=2`), unless it starts with `-`.
    let b = label.as_bytes();
    let base = match b.first() {
        Some(b'-') => b,
        _ => {
            let end = b.iter().position(|&c| c == b'-' || c == b'=');
            &b[..end.unwrap_or(b.len())]
        }
    };
    match base {
        b"S" | b"SINV" | b"SQ" => Cat::S,
        b"SBAR" | b"SBARQ" => Cat::Sbar,
        b"VP" => Cat::Vp,
        b"NP" | b"NX" | b"NML" => Cat::Np,
        b"PP" => Cat::Pp,
        b"PRT" => Cat::Prt,
        b"ADVP" => Cat::Advp,
        b"WHNP" | b"WHADVP" | b"WHPP" => Cat::Wh,
        _ => Cat::Other,
    }
}

fn leaf_cat(tag: &str) -> Cat {
    match tag.as_bytes() {
        [b'V', b'B', rest @ ..] => match rest {
            [] => Cat::VerbBase,
            b"D" => Cat::VerbPast,
            b"G" => Cat::VerbGerund,
            b"N" => Cat::VerbParticiple,
            b"P" | b"Z" => Cat::VerbPresent,
            _ => Cat::Word,
        },
        b"NN" | b"NNS" | b"NNP" | b"NNPS" => Cat::Noun,
        b"MD" => Cat::Modal,
        b"TO" => Cat::To,
        b"POS" => Cat::Pos,
        b"IN" => Cat::Prep,
        b"RB" | b"RBR" | b"RBS" => Cat::Adverb,
        b"CC" => Cat::Conj,
        b"," | b":" => Cat::Comma,
        b"DT" | b"PDT" | b"CD" | b"PRP$" => Cat::Det,
        b"``" | b"''" => Cat::Quote,
        _ => Cat::Word,
    }
}

impl<'t> Shape<'t> {
    pub fn new(tree: &'t Tree) -> Self {
        let n = tree.len();
        let (mut nodes, mut kids, mut lower, mut leaf_ids) = POOL.with(Cell::take);
        nodes.reserve(n);
        kids.reserve(n.saturating_sub(1));
        let mut leaves = 0u32;
        // One read of each tree node.
        for id in tree.nodes() {
            let start = kids.len() as u32;
            // One push each: the lists are short, and a copy of a slice of unknown length
            // would call `memcpy`.
            for &c in tree.children(id) {
                kids.push(c);
            }
            let (cat, leaf, lo, hi, low) = match tree.word(id) {
                Some(w) => {
                    leaves += 1;
                    leaf_ids.push(id);
                    let low = push_lowercase(&mut lower, w);
                    (leaf_cat(tree.label(id)), true, leaves - 1, leaves, low)
                }
                None => (phrase_cat(tree.label(id)), false, u32::MAX, 0, None),
            };
            nodes.push(NodeFacts {
                cat,
                leaf,
                lo,
                hi,
                parent: tree.parent(id).map_or(NO_PARENT, |p| p.0),
                kids: (start, kids.len() as u32),
                lower: low,
            });
        }
        // Children come after parents in pre-order: fold leaf ranges upwards in reverse.
        for id in (0..n).rev() {
            let NodeFacts { lo, hi, parent, .. } = nodes[id];
            if let Some(q) = nodes.get_mut(parent as usize) {
                q.lo = q.lo.min(lo);
                q.hi = q.hi.max(hi);
            }
        }
        for f in &mut nodes {
            if f.lo == u32::MAX {
                f.lo = f.hi;
            }
        }
        Shape {
            tree,
            nodes,
            kids,
            lower,
            leaves: leaf_ids,
        }
    }

    /// The leaves in order, their lower-case forms (one after another) and each leaf's range
    /// of them (`None`: the word is its own lower case), appended.
    pub fn leaves_into(
        &self,
        leaves: &mut Vec<NodeId>,
        lower: &mut String,
        lower_at: &mut Vec<Option<(u32, u32)>>,
    ) {
        let base = lower.len() as u32;
        lower.push_str(&self.lower);
        leaves.extend_from_slice(&self.leaves);
        lower_at.extend(self.leaves.iter().map(|l| {
            self.nodes
                .get(l.index())
                .and_then(|f| f.lower)
                .map(|(a, b)| (a + base, b + base))
        }));
    }

    pub fn cat(&self, id: NodeId) -> Cat {
        self.nodes.get(id.index()).map_or(Cat::Other, |f| f.cat)
    }

    pub fn word(&self, id: NodeId) -> &'t str {
        self.tree.word(id).unwrap_or("")
    }

    /// Whether the node is a leaf (has a word).
    pub fn is_leaf(&self, id: NodeId) -> bool {
        self.nodes.get(id.index()).is_some_and(|f| f.leaf)
    }

    /// [`Shape::word`] in lower case (`word(id).to_lowercase()`, computed once per leaf).
    pub fn lower(&self, id: NodeId) -> &str {
        match self.nodes.get(id.index()).and_then(|f| f.lower) {
            Some((a, b)) => self.lower.get(a as usize..b as usize).unwrap_or(""),
            None => self.word(id),
        }
    }

    pub fn children(&self, id: NodeId) -> &[NodeId] {
        self.nodes
            .get(id.index())
            .and_then(|f| self.kids.get(f.kids.0 as usize..f.kids.1 as usize))
            .unwrap_or(&[])
    }

    pub fn parent(&self, id: NodeId) -> Option<NodeId> {
        self.nodes
            .get(id.index())
            .filter(|f| f.parent != NO_PARENT)
            .map(|f| NodeId(f.parent))
    }

    /// The node's parent, its parent's parent, … up to the root.
    pub fn ancestors(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        std::iter::successors(self.parent(id), move |&n| self.parent(n))
    }

    /// The verb (or modal, or `to`) that heads a verb phrase: its first such leaf child,
    /// skipping adverbs ("then also attacked").
    pub fn vp_head(&self, vp: NodeId) -> Option<NodeId> {
        self.children(vp)
            .iter()
            .copied()
            .find(|&c| self.cat(c).is_verb() || matches!(self.cat(c), Cat::Modal | Cat::To))
    }

    /// The first child of `parent` with category `cat` before `before` (or anywhere if `None`).
    pub fn child_before(&self, parent: NodeId, cat: Cat, before: Option<NodeId>) -> Option<NodeId> {
        self.children(parent)
            .iter()
            .copied()
            .take_while(|&c| Some(c) != before)
            .find(|&c| self.cat(c) == cat)
    }

    /// A clause's subject for its verb phrase `vp`: the first noun phrase before it that is no
    /// time phrase (`NP-TMP`), or, when
    /// another verb phrase and a comma come right before that noun phrase in the same clause
    /// ("Russia shelled Kharkiv, Ukraine said"), that noun phrase.
    pub fn subject_before(&self, clause: NodeId, vp: NodeId) -> Option<NodeId> {
        let kids = self.children(clause);
        let before = kids.iter().position(|&c| c == vp).unwrap_or(kids.len());
        let tail = match kids[..before] {
            [ref rest @ .., np] if self.cat(np) == Cat::Np => {
                // Past the comma and any quotation mark ("…," the minister said).
                let gap = rest.iter().rev().take_while(|&&c| self.is_punct(c)).count();
                let comma = rest[rest.len() - gap..]
                    .iter()
                    .any(|&c| self.cat(c) == Cat::Comma);
                let vp_before = rest
                    .len()
                    .checked_sub(gap + 1)
                    .is_some_and(|i| self.cat(rest[i]) == Cat::Vp);
                (comma && vp_before).then_some(np)
            }
            _ => None,
        };
        // Not a time phrase before the subject ("Last week, Russian forces …").
        tail.or_else(|| {
            kids[..before]
                .iter()
                .copied()
                .find(|&c| self.cat(c) == Cat::Np && !self.tree.label(c).ends_with("-TMP"))
        })
    }

    /// A comma, colon or quotation mark.
    pub fn is_punct(&self, id: NodeId) -> bool {
        self.cat(id) == Cat::Comma || matches!(self.tree.label(id), "``" | "''")
    }

    pub fn range(&self, id: NodeId) -> (u32, u32) {
        self.nodes.get(id.index()).map_or((0, 0), |f| (f.lo, f.hi))
    }

    /// The noun phrase inside a prepositional phrase.
    pub fn pp_object(&self, pp: NodeId) -> Option<NodeId> {
        self.children(pp)
            .iter()
            .copied()
            .find(|&c| self.cat(c) == Cat::Np)
    }

    /// Whether [`Shape::pp_prep`] is the one-word `word` (no look-up, no allocation).
    pub fn pp_prep_is(&self, pp: NodeId, word: &str) -> bool {
        let kids = self.children(pp);
        let Some(&first) = kids.first() else {
            return false;
        };
        if !self.is_leaf(first) || self.lower(first) != word {
            return false;
        }
        // Not a two-word preposition ("because of").
        !kids.get(1).is_some_and(|&second| {
            self.is_leaf(second) && matches!(self.cat(second), Cat::Prep | Cat::To)
        })
    }

    /// A prepositional phrase's preposition, lower case, with a second word for two-word ones
    /// ("according to", "because of", "out of").
    pub fn pp_prep(&self, pp: NodeId) -> Option<Cow<'static, str>> {
        let kids = self.children(pp);
        let first = *kids.first()?;
        if self.is_leaf(first) {
            let word = self.lower(first);
            if let Some(&second) = kids.get(1)
                && self.is_leaf(second)
                && matches!(self.cat(second), Cat::Prep | Cat::To)
            {
                return Some(Cow::Owned(format!("{word} {}", self.lower(second))));
            }
            // The usual one-word preposition is the word list's own copy: no allocation.
            return Some(match english::words().function_word(word) {
                Some(w) if w == word => Cow::Borrowed(w),
                _ => Cow::Owned(word.to_string()),
            });
        }
        // (PP (VBG according) (PP (TO to) NP)) and similar.
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The categories as first written (string matches), to check the byte matches against.
    fn reference_cat(label: &str, leaf: bool) -> Cat {
        if leaf {
            return match label {
                "VB" => Cat::VerbBase,
                "VBD" => Cat::VerbPast,
                "VBG" => Cat::VerbGerund,
                "VBN" => Cat::VerbParticiple,
                "VBP" | "VBZ" => Cat::VerbPresent,
                "MD" => Cat::Modal,
                "TO" => Cat::To,
                "NN" | "NNS" | "NNP" | "NNPS" => Cat::Noun,
                "POS" => Cat::Pos,
                "IN" => Cat::Prep,
                "RB" | "RBR" | "RBS" => Cat::Adverb,
                "CC" => Cat::Conj,
                "," | ":" => Cat::Comma,
                "DT" | "PDT" | "CD" | "PRP$" => Cat::Det,
                "``" | "''" => Cat::Quote,
                _ => Cat::Word,
            };
        }
        let base = if label.starts_with('-') {
            label
        } else {
            label.split(['-', '=']).next().unwrap_or(label)
        };
        match base {
            "S" | "SINV" | "SQ" => Cat::S,
            "SBAR" | "SBARQ" => Cat::Sbar,
            "VP" => Cat::Vp,
            "NP" | "NX" | "NML" => Cat::Np,
            "PP" => Cat::Pp,
            "PRT" => Cat::Prt,
            "ADVP" => Cat::Advp,
            "WHNP" | "WHADVP" | "WHPP" => Cat::Wh,
            _ => Cat::Other,
        }
    }

    #[test]
    fn categories_match_the_string_reading() {
        let labels = [
            "VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "VBX", "V", "MD", "TO", "NN", "NNS", "NNP",
            "NNPS", "NNX", "N", "POS", "IN", "RB", "RBR", "RBS", "RBX", "CC", ",", ":", ".", "DT",
            "PDT", "CD", "PRP$", "PRP", "JJ", "", "S", "SINV", "SQ", "SBAR", "SBARQ", "VP", "NP",
            "NX", "NML", "PP", "PRT", "ADVP", "WHNP", "WHADVP", "WHPP", "ADJP", "NP-SBJ",
            "NP-SBJ-1", "NP=2", "S-TPC", "VP-1", "-NONE-", "-LRB-", "=1", "-", "SBAR-ADV",
            "PP-LOC=3", "np", "ROOT",
        ];
        for l in labels {
            assert_eq!(leaf_cat(l), reference_cat(l, true), "leaf {l:?}");
            assert_eq!(phrase_cat(l), reference_cat(l, false), "phrase {l:?}");
        }
    }

    #[test]
    fn children_and_parents_as_the_tree_has_them() {
        let tree = Tree::parse_ptb(
            "(ROOT (S (NP (NP (NNP Israel) (POS 's)) (NN army)) (, ,) (ADVP (RB then)) \
             (VP (VBD struck) (NP (NNP Gaza)) (PP (IN on) (NP (NNP Monday)))) (. .)))",
        )
        .unwrap();
        let sh = Shape::new(&tree);
        for id in tree.nodes() {
            assert_eq!(sh.children(id), tree.children(id), "children of {id:?}");
            assert_eq!(sh.parent(id), tree.parent(id), "parent of {id:?}");
            assert_eq!(sh.is_leaf(id), tree.is_leaf(id));
            let up: Vec<NodeId> = sh.ancestors(id).collect();
            assert_eq!(up, tree.ancestors(id).collect::<Vec<_>>());
        }
        assert_eq!(sh.children(NodeId(999)), &[] as &[NodeId]);
    }

    #[test]
    fn pp_prep_is_the_one_word_preposition() {
        let tree = Tree::parse_ptb(
            "(ROOT (S (NP (NP (NN wave)) (PP (IN Of) (NP (NNS strikes)))) (VP (VBD came) \
             (PP (IN because) (IN of) (NP (NN rain))) (PP (NP (NN x)))) (. .)))",
        )
        .unwrap();
        let sh = Shape::new(&tree);
        for id in tree.nodes().filter(|&n| sh.cat(n) == Cat::Pp) {
            for w in ["of", "because", "x"] {
                assert_eq!(
                    sh.pp_prep_is(id, w),
                    sh.pp_prep(id).as_deref() == Some(w),
                    "{w:?} at {id:?}"
                );
            }
        }
    }

    #[test]
    fn lower_case_words_and_ranges() {
        let tree = Tree::parse_ptb(
            "(ROOT (S (NP (NNP Israel) (POS 's)) (VP (VBD Carried) (PRT (RP out)) \
             (NP (NN ÉTAT) (NNS strikes))) (. .)))",
        )
        .unwrap();
        for _ in 0..2 {
            // The second time reads from the pool's buffers.
            let sh = Shape::new(&tree);
            let leaves: Vec<NodeId> = tree.leaves().collect();
            let lower: Vec<&str> = leaves.iter().map(|&l| sh.lower(l)).collect();
            assert_eq!(
                lower,
                ["israel", "'s", "carried", "out", "état", "strikes", "."]
            );
            for (i, &l) in leaves.iter().enumerate() {
                assert_eq!(sh.lower(l), sh.word(l).to_lowercase());
                assert_eq!(sh.range(l), (i as u32, i as u32 + 1));
            }
            assert_eq!(sh.range(tree.root()), (0, 7));
            assert_eq!(sh.lower(tree.root()), "");
            let (mut ids, mut low, mut at) = (Vec::new(), "x".to_string(), Vec::new());
            sh.leaves_into(&mut ids, &mut low, &mut at);
            assert_eq!(ids, leaves);
            let read: Vec<&str> = ids
                .iter()
                .zip(&at)
                .map(|(&l, r)| r.map_or(sh.word(l), |(a, b)| &low[a as usize..b as usize]))
                .collect();
            assert_eq!(read, lower);
        }
    }
}
