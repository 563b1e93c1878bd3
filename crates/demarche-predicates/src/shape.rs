//! What each node of a tree is, read once: its category (with PTB function tags stripped) and
//! the leaf range it covers.

use demarche_model::{NodeId, Tree};

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
    /// Leaves, by tag.
    Verb(VerbTag),
    Modal,
    To,
    Noun,
    Pos,
    Prep,
    Adverb,
    Conj,
    Comma,
    Det,
    Word,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum VerbTag {
    Base,
    Past,
    Gerund,
    Participle,
    Present,
}

/// Per-node facts of one tree.
pub(crate) struct Shape<'t> {
    pub tree: &'t Tree,
    pub cat: Vec<Cat>,
    /// Node → first leaf index and one past the last.
    pub lo: Vec<u32>,
    pub hi: Vec<u32>,
}

fn phrase_cat(label: &str) -> Cat {
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

fn leaf_cat(tag: &str) -> Cat {
    match tag {
        "VB" => Cat::Verb(VerbTag::Base),
        "VBD" => Cat::Verb(VerbTag::Past),
        "VBG" => Cat::Verb(VerbTag::Gerund),
        "VBN" => Cat::Verb(VerbTag::Participle),
        "VBP" | "VBZ" => Cat::Verb(VerbTag::Present),
        "MD" => Cat::Modal,
        "TO" => Cat::To,
        "NN" | "NNS" | "NNP" | "NNPS" => Cat::Noun,
        "POS" => Cat::Pos,
        "IN" => Cat::Prep,
        "RB" | "RBR" | "RBS" => Cat::Adverb,
        "CC" => Cat::Conj,
        "," | ":" => Cat::Comma,
        "DT" | "PDT" | "CD" | "PRP$" => Cat::Det,
        _ => Cat::Word,
    }
}

impl<'t> Shape<'t> {
    pub fn new(tree: &'t Tree) -> Self {
        let n = tree.len();
        let mut cat = Vec::with_capacity(n);
        let mut leaves = 0u32;
        let mut lo = vec![u32::MAX; n];
        let mut hi = vec![0u32; n];
        for id in tree.nodes() {
            if tree.is_leaf(id) {
                cat.push(leaf_cat(tree.label(id)));
                lo[id.index()] = leaves;
                hi[id.index()] = leaves + 1;
                leaves += 1;
            } else {
                cat.push(phrase_cat(tree.label(id)));
            }
        }
        // Children come after parents in pre-order: fold leaf ranges upwards in reverse.
        for id in (0..n).rev() {
            if let Some(p) = tree.parent(NodeId(id as u32)) {
                let (l, h) = (lo[id], hi[id]);
                let pi = p.index();
                lo[pi] = lo[pi].min(l);
                hi[pi] = hi[pi].max(h);
            }
        }
        for i in 0..n {
            if lo[i] == u32::MAX {
                lo[i] = hi[i];
            }
        }
        Shape { tree, cat, lo, hi }
    }

    pub fn cat(&self, id: NodeId) -> Cat {
        self.cat.get(id.index()).copied().unwrap_or(Cat::Other)
    }

    pub fn word(&self, id: NodeId) -> &'t str {
        self.tree.word(id).unwrap_or("")
    }

    pub fn children(&self, id: NodeId) -> &'t [NodeId] {
        self.tree.children(id)
    }

    pub fn parent(&self, id: NodeId) -> Option<NodeId> {
        self.tree.parent(id)
    }

    /// The verb (or modal, or `to`) that heads a verb phrase: its first such leaf child,
    /// skipping adverbs ("then also attacked").
    pub fn vp_head(&self, vp: NodeId) -> Option<NodeId> {
        self.children(vp)
            .iter()
            .copied()
            .find(|&c| matches!(self.cat(c), Cat::Verb(_) | Cat::Modal | Cat::To))
    }

    /// The first child of `parent` with category `cat` before `before` (or anywhere if `None`).
    pub fn child_before(&self, parent: NodeId, cat: Cat, before: Option<NodeId>) -> Option<NodeId> {
        self.children(parent)
            .iter()
            .copied()
            .take_while(|&c| Some(c) != before)
            .find(|&c| self.cat(c) == cat)
    }

    pub fn range(&self, id: NodeId) -> (u32, u32) {
        (
            self.lo.get(id.index()).copied().unwrap_or(0),
            self.hi.get(id.index()).copied().unwrap_or(0),
        )
    }

    /// The noun phrase inside a prepositional phrase.
    pub fn pp_object(&self, pp: NodeId) -> Option<NodeId> {
        self.children(pp)
            .iter()
            .copied()
            .find(|&c| self.cat(c) == Cat::Np)
    }

    /// A prepositional phrase's preposition, lower case, with a second word for two-word ones
    /// ("according to", "because of", "out of").
    pub fn pp_prep(&self, pp: NodeId) -> Option<String> {
        let kids = self.children(pp);
        let first = *kids.first()?;
        if self.tree.is_leaf(first) {
            let mut p = self.word(first).to_lowercase();
            if let Some(&second) = kids.get(1)
                && self.tree.is_leaf(second)
                && matches!(self.cat(second), Cat::Prep | Cat::To)
            {
                p.push(' ');
                p.push_str(&self.word(second).to_lowercase());
            }
            return Some(p);
        }
        // (PP (VBG according) (PP (TO to) NP)) and similar.
        None
    }
}
