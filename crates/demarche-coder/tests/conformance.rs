//! The conformance test: PETRARCH's unit-test records, with the dictionaries their
//! `<Environment>` names, through the coder. Asserts a floor on the records passed, equal to
//! what the coder reaches today, so that a regression fails CI.
//!
//! Needs DEMARCHE_REFERENCE (the shared reference folder); skipped with a message when unset.

use demarche_coder::validate::{self, Item};
use demarche_coder::{Coder, Options};
use demarche_dict::{Dictionaries, PetrarchPaths};
use demarche_text::petrarch_xml;
use std::path::PathBuf;

/// Event-coding records that must pass (of 277); raise it when the coder improves.
const FLOOR_PASSED: usize = 269;
/// Error-expecting records that must get their error (of 7).
const FLOOR_ERRORS: usize = 7;

fn reference() -> Option<PathBuf> {
    match std::env::var_os("DEMARCHE_REFERENCE") {
        Some(p) => Some(PathBuf::from(p)),
        None => {
            eprintln!("DEMARCHE_REFERENCE is not set: skipping the conformance test");
            None
        }
    }
}

pub fn load(reference: &std::path::Path) -> (Vec<Item>, Dictionaries, Options) {
    let path = reference.join("petrarch2/validation/PETR.UnitTest.records.xml");
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let file = petrarch_xml::read("PETR.UnitTest.records.xml", &bytes);
    assert!(file.diagnostics.is_empty(), "{:?}", file.diagnostics);
    let dir = reference.join("petrarch2/dictionaries");
    let env = &file.environment;
    let paths = PetrarchPaths {
        verbs: env.verb_file.as_ref().map(|f| dir.join(f)),
        actors: env.actor_files.iter().map(|f| dir.join(f)).collect(),
        agents: env.agent_file.as_ref().map(|f| dir.join(f)),
        discards: env.discard_file.as_ref().map(|f| dir.join(f)),
        issues: None,
    };
    let (dicts, _) = Dictionaries::load_petrarch(&paths);
    let mut opts = Options::default();
    for o in &env.options {
        opts.set(&o.option, &o.value).expect("environment option");
    }
    let items = validate::items_from_petrarch(file.items);
    (items, dicts, opts)
}

#[test]
fn unit_test_records_pass_at_least_the_floor() {
    let Some(reference) = reference() else { return };
    let (items, dicts, opts) = load(&reference);
    let coder = Coder::new(&dicts);
    let report = validate::run(&items, &coder, &opts);
    for r in report.results.iter().filter(|r| !r.passed) {
        eprintln!(
            "FAIL {} expected {:?} {:?} got {:?} {:?}",
            r.id, r.expected, r.expected_error, r.got, r.got_error
        );
    }
    eprintln!(
        "{} passed, {} failed; error records {} passed, {} failed",
        report.passed, report.failed, report.errors_passed, report.errors_failed
    );
    assert_eq!(report.passed + report.failed, 277, "scored records");
    assert_eq!(
        report.errors_passed + report.errors_failed,
        7,
        "error records"
    );
    assert!(
        report.passed >= FLOOR_PASSED,
        "passed {} < floor {FLOOR_PASSED}",
        report.passed
    );
    assert!(
        report.errors_passed >= FLOOR_ERRORS,
        "errors passed {} < floor {FLOOR_ERRORS}",
        report.errors_passed
    );
}
