//! Fixture tests for the shapes added in the fifteenth round of knowledge work (ROUND15.md): one
//! short text of our own for each general rule, none taken from the development articles.
//!
//! ```text
//! cargo test -p demarche-extract --test shapes15
//! ```

mod common;

use common::{q, quotes};
use demarche_extract::QuoteKind::Direct;

#[test]
fn a_trailing_speaker_with_a_title_and_a_rank_told_a_paper() {
    // Rule rank-in-gap (`src/quotes/direct.rs`).
    assert_eq!(
        quotes(
            "\"The road is open again,\" the spokesman for the Coast Guard, Colonel Lena Moss, told the private radio Wave FM."
        ),
        [q(
            Direct,
            "Lena Moss",
            &["Wave FM"],
            "The road is open again"
        )]
    );
}

#[test]
fn a_trailing_doctor_told_an_agency() {
    // Rule rank-in-gap (`src/quotes/direct.rs`): the name leaves "Dr" out.
    assert_eq!(
        quotes(
            "\"Nine patients are stable,\" the director of the city hospital, Dr Omar Haddad, told the Lira news agency."
        ),
        [q(
            Direct,
            "Omar Haddad",
            &["the Lira news agency"],
            "Nine patients are stable"
        )]
    );
}
