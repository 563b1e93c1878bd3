//! Golden trees for sentence shapes the coder relies on, and property tests.

use super::*;

#[track_caller]
fn check(sentence: &str, expected: &str) {
    let tree = Parser::new().parse(sentence);
    assert_eq!(tree.to_ptb(), expected, "sentence {sentence:?}");
}

#[test]
fn simple_transitive_with_pp_on_the_verb() {
    check(
        "Arnor restored full diplomatic ties with Gondor on Thursday.",
        "(ROOT (S (NP (NNP Arnor)) (VP (VBD restored) (NP (JJ full) (JJ diplomatic) (NNS ties)) (PP (IN with) (NP (NNP Gondor))) (PP (IN on) (NP (NNP Thursday)))) (. .)))",
    );
}
