//! Fixture tests for the shapes added in the fourteenth round of knowledge work (ROUND14.md): one
//! short text of our own for each general rule, none taken from the development articles.
//!
//! ```text
//! cargo test -p demarche-extract --test shapes14
//! ```

mod common;

use common::{persons, q, quotes};
use demarche_extract::QuoteKind::Indirect;

#[test]
fn an_analysis_unit_is_no_person() {
    // `[org-head]`: unit.
    assert_eq!(
        persons("Thefts fell 8 percent, according to the Crime and Traffic Analysis Unit."),
        []
    );
}

#[test]
fn a_titled_speaker_who_visited_and_said() {
    // Rule titled-opening (`src/quotes/subject.rs`).
    assert_eq!(
        quotes(
            "Police Commissioner Ana Ruiz visited the market on Monday and said the stalls would reopen."
        ),
        [q(Indirect, "Ana Ruiz", &[], "the stalls would reopen")]
    );
}
