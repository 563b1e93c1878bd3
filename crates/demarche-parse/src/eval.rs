//! Tree agreement: labelled bracket precision, recall and F1 (evalb-style).
//!
//! A bracket is (label, first word, last word) over the indices of the non-punctuation leaves.
//! As evalb does, punctuation leaves (`, . : `` '' -LRB- -RRB- #`; `$` is kept) are not
//! counted, the root bracket is ignored, function tags are dropped (`NP-TMP` → `NP`), `PRT`
//! counts as `ADVP`, and brackets are matched as multisets. Trees over different numbers of
//! words cannot be compared bracket by bracket: [`agreement`] returns `None` for them.

use demarche_model::Tree;

/// Counts for one or more tree pairs; add them up with `+=`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Agreement {
    /// Brackets in both trees.
    pub matched: usize,
    /// Brackets in the tree under test.
    pub test: usize,
    /// Brackets in the reference tree.
    pub gold: usize,
    /// Leaves with the same part-of-speech tag (punctuation excluded).
    pub tags_matched: usize,
    /// Leaves compared for tags.
    pub tags_total: usize,
}

impl Agreement {
    pub fn precision(&self) -> f64 {
        ratio(self.matched, self.test)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.gold)
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    pub fn tag_accuracy(&self) -> f64 {
        ratio(self.tags_matched, self.tags_total)
    }
}

impl std::ops::AddAssign for Agreement {
    fn add_assign(&mut self, o: Agreement) {
        self.matched += o.matched;
        self.test += o.test;
        self.gold += o.gold;
        self.tags_matched += o.tags_matched;
        self.tags_total += o.tags_total;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

fn is_punct_tag(tag: &str) -> bool {
    matches!(
        tag,
        "," | "." | ":" | "``" | "''" | "-LRB-" | "-RRB-" | "#" | "-NONE-"
    )
}

fn base_label(label: &str) -> &str {
    let base = match label.find(['-', '=']) {
        Some(0) | None => label,
        Some(i) => &label[..i],
    };
    if base == "PRT" { "ADVP" } else { base }
}

/// The labelled brackets of a tree, sorted: (label, first word, one past the last word), over
/// non-punctuation leaves; also the tags of those leaves.
pub fn brackets(tree: &Tree) -> (Vec<(String, usize, usize)>, Vec<String>) {
    let mut out = Vec::new();
    let mut tags = Vec::new();
    if tree.is_empty() {
        return (out, tags);
    }
    // Word index of each node's first word and count of words under it, computed in one pass
    // over the pre-order node list: a leaf's index is the running count of words before it.
    let n = tree.len();
    let mut word_at = vec![usize::MAX; n];
    let mut count = 0usize;
    for id in tree.nodes() {
        if tree.is_leaf(id) && !is_punct_tag(tree.label(id)) {
            word_at[id.index()] = count;
            tags.push(tree.label(id).to_string());
            count += 1;
        }
    }
    // First and last word under each node, children before parents (they have larger ids in
    // pre-order), so the whole tree costs one pass whatever its depth.
    let mut range: Vec<Option<(usize, usize)>> = word_at
        .iter()
        .map(|&w| (w != usize::MAX).then_some((w, w)))
        .collect();
    for id in tree.nodes().collect::<Vec<_>>().into_iter().rev() {
        if tree.is_leaf(id) {
            continue;
        }
        let mut cover: Option<(usize, usize)> = None;
        for &c in tree.children(id) {
            if let Some((f, l)) = range[c.index()] {
                cover = Some(cover.map_or((f, l), |(cf, cl)| (cf.min(f), cl.max(l))));
            }
        }
        range[id.index()] = cover;
    }
    for id in tree.nodes() {
        if tree.is_leaf(id) || id == tree.root() {
            continue;
        }
        if let Some((f, l)) = range[id.index()] {
            out.push((base_label(tree.label(id)).to_string(), f, l + 1));
        }
    }
    out.sort();
    (out, tags)
}

/// Bracket agreement of `test` against `gold`; `None` when they cover different numbers of
/// (non-punctuation) words.
pub fn agreement(test: &Tree, gold: &Tree) -> Option<Agreement> {
    let (tb, tt) = brackets(test);
    let (gb, gt) = brackets(gold);
    if tt.len() != gt.len() {
        return None;
    }
    // Multiset intersection of two sorted lists.
    let (mut i, mut j, mut matched) = (0, 0, 0);
    while i < tb.len() && j < gb.len() {
        match tb[i].cmp(&gb[j]) {
            std::cmp::Ordering::Equal => {
                matched += 1;
                i += 1;
                j += 1;
            }
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
        }
    }
    let tags_matched = tt.iter().zip(&gt).filter(|(a, b)| a == b).count();
    Some(Agreement {
        matched,
        test: tb.len(),
        gold: gb.len(),
        tags_matched,
        tags_total: gt.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(s: &str) -> Tree {
        Tree::parse_ptb(s).unwrap()
    }

    #[test]
    fn deep_trees_are_scored_in_linear_time() {
        // 200,000 levels: the old per-node subtree scan took minutes here.
        let depth = 200_000;
        let s = format!(
            "(ROOT {}(NN a) (NN b){})",
            "(X ".repeat(depth),
            ")".repeat(depth)
        );
        let t = Tree::parse_ptb_with(&s, demarche_model::TreeLimits::NONE).unwrap();
        let start = std::time::Instant::now();
        let (b, tags) = brackets(&t);
        assert_eq!(b.len(), depth);
        assert!(b.iter().all(|(l, f, e)| l == "X" && (*f, *e) == (0, 2)));
        assert_eq!(tags, ["NN", "NN"]);
        assert!(start.elapsed().as_secs() < 10, "{:?}", start.elapsed());
    }

    #[test]
    fn identical_trees_agree_fully() {
        let t = tree("(ROOT (S (NP (NNP Arnor)) (VP (VBD won) (NP (DT the) (NN war))) (. .)))");
        let a = agreement(&t, &t).unwrap();
        assert_eq!((a.matched, a.test, a.gold), (4, 4, 4));
        assert!((a.f1() - 1.0).abs() < 1e-12);
        assert_eq!(a.tag_accuracy(), 1.0);
    }

    #[test]
    fn punctuation_and_function_tags_are_ignored() {
        let gold =
            tree("(ROOT (S (NP-SBJ (NNP Arnor)) (, ,) (VP (VBD won) (NP-TMP (NN today))) (. .)))");
        let test = tree("(ROOT (S (NP (NNP Arnor)) (VP (VBD won) (NP (NN today)))))");
        let a = agreement(&test, &gold).unwrap();
        assert_eq!((a.matched, a.test, a.gold), (4, 4, 4));
    }

    #[test]
    fn attachment_difference_costs_brackets() {
        let gold =
            tree("(ROOT (S (NP (NNP A)) (VP (VBD met) (NP (NNP B)) (PP (IN in) (NP (NNP C))))))");
        let test = tree(
            "(ROOT (S (NP (NNP A)) (VP (VBD met) (NP (NP (NNP B)) (PP (IN in) (NP (NNP C)))))))",
        );
        let a = agreement(&test, &gold).unwrap();
        // gold: S, NP A, VP, NP B, PP, NP C = 6; test adds NP(B in C) = 7; the new one is wrong.
        assert_eq!((a.matched, a.test, a.gold), (6, 7, 6));
        assert!(a.precision() < 1.0 && a.recall() == 1.0);
    }

    #[test]
    fn different_word_counts_are_not_compared() {
        let a = tree("(ROOT (S (NN a) (NN b)))");
        let b = tree("(ROOT (S (NN a)))");
        assert_eq!(agreement(&a, &b), None);
    }
}
