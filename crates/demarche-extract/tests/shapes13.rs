//! Fixture tests for the shapes added in the thirteenth round of knowledge work (ROUND13.md): one
//! short text of our own for each general rule, none taken from the development articles.
//!
//! ```text
//! cargo test -p demarche-extract --test shapes13
//! ```

mod common;

use common::{person, persons, q, quotes};
use demarche_extract::QuoteKind::Indirect;

#[test]
fn a_spelled_out_sergeant_is_a_rank() {
    // `[rank]` in `data/names.txt`: sergeant, corporal.
    assert_eq!(
        persons("Sergeant Maria Lopes said the road to the port was open again."),
        [person("Maria Lopes", "Sergeant")]
    );
}

#[test]
fn a_news_portal_told_relays_the_words() {
    // `[outlet]`: "portal".
    assert_eq!(
        quotes(
            "A local councillor, Adnan Kovac, told the Istocno.ba portal that the bridge had collapsed."
        ),
        [q(
            Indirect,
            "Adnan Kovac",
            &["the Istocno.ba portal"],
            "the bridge had collapsed"
        )]
    );
}

#[test]
fn a_central_asian_agency_is_no_person() {
    // `[org-known]`: Kazinform, Kabar, Trend.
    let found = persons("Kabar said the pass had been closed by snow.");
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn an_electoral_list_is_no_person() {
    // `[org-head]`: list, bloc. (Since round 19's rule complement-office the role keeps its
    // complement, as round 17's convention for "the head of the community, X," says.)
    assert_eq!(
        persons("The head of the Croat List, Ivan Matic, said the vote would be boycotted."),
        [person("Ivan Matic", "head of the Croat List")]
    );
}

#[test]
fn according_to_before_a_reporting_outlet_is_the_source() {
    // Rule according-relayed: the source is X, the outlet that reports relays.
    assert_eq!(
        quotes(
            "Bread prices rose by a fifth in March, according to the statistics office, the Trend agency reported."
        ),
        [q(
            Indirect,
            "the statistics office",
            &["Trend"],
            "Bread prices rose by a fifth in March"
        )]
    );
}
