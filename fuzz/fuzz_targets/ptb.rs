//! Penn Treebank trees: the reader never panics, stays within its limits, prints trees it
//! reads so that they read back the same, and alignment spans lie inside the text on
//! character boundaries.
#![no_main]

use demarche_model::{MAX_TREE_DEPTH, MAX_TREE_WORDS, Tree};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    // The first line is the tree, the rest the text it is aligned to.
    let (bracketed, text) = input.split_once('\n').unwrap_or((&input, ""));
    let Ok(tree) = Tree::parse_ptb(bracketed) else {
        return;
    };
    assert!(tree.depth() <= MAX_TREE_DEPTH + 1);
    assert!(tree.leaves().count() <= MAX_TREE_WORDS);
    let printed = tree.to_ptb();
    let again = Tree::parse_ptb(&printed).expect("a printed tree reads back");
    assert_eq!(again.to_ptb(), printed);
    let aligned = tree.aligned_to(text);
    for n in aligned.nodes() {
        if let Some(span) = aligned.span(n) {
            assert!(span.slice(text).is_some(), "{span:?} outside the text");
        }
    }
});
