//! The conformance harness: runs PETRARCH validation records through the coder and compares
//! what it codes with what each record expects, as PETRARCH's validator does — the set of
//! (source, target, code) triples must be equal; `noevents` expects the empty set; `error`
//! records expect the sentence to be rejected for that reason and are counted apart.
//!
//! The harness takes records already read (see `demarche_text::petrarch_xml`, whose items
//! [`items_from_petrarch`] converts) and does no IO.

use crate::{Coder, Options};
use demarche_model::{Date, Tree};
use serde::Serialize;
use std::collections::BTreeSet;

/// What a record expects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expected {
    Event {
        source: String,
        target: String,
        code: String,
    },
    NoEvents,
    Error(String),
}

/// One validation record, as the harness needs it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Record {
    pub id: String,
    pub category: String,
    pub date: Option<Date>,
    pub text: String,
    pub parse: Option<String>,
    pub expected: Vec<Expected>,
}

/// One item of a validation file, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    Record(Record),
    /// A `<Config>` change that applies to the records after it.
    Config {
        option: String,
        value: String,
    },
    Stop,
}

/// A (source, target, code) triple.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Triple {
    pub source: String,
    pub target: String,
    pub code: String,
}

impl std::fmt::Display for Triple {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {} {}", self.source, self.target, self.code)
    }
}

/// The outcome of one record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecordResult {
    pub id: String,
    pub category: String,
    pub expected: Vec<Triple>,
    pub got: Vec<Triple>,
    /// The error the record expects (`dateline`, `bad_input_parse`, ...), if it expects one.
    pub expected_error: Option<String>,
    /// The error the coder reported, if any.
    pub got_error: Option<String>,
    pub passed: bool,
}

/// All results plus the counts the summary line prints.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Report {
    pub results: Vec<RecordResult>,
    /// Event-coding records (not expecting an error) that passed / failed.
    pub passed: usize,
    pub failed: usize,
    /// Error-expecting records that got / did not get their error.
    pub errors_passed: usize,
    pub errors_failed: usize,
    /// `<Config>` changes the coder did not understand, as `option=value`.
    pub ignored_options: Vec<String>,
    /// Whether a `<Stop>` ended the run early.
    pub stopped: bool,
}

/// The harness items of a PETRARCH file read by `demarche_text::petrarch_xml::read`, in order.
pub fn items_from_petrarch(items: Vec<demarche_text::petrarch_xml::Item>) -> Vec<Item> {
    use demarche_text::petrarch_xml::{self as px, ExpectedCoding};
    items
        .into_iter()
        .map(|i| match i {
            px::Item::Record(r) => Item::Record(Record {
                id: r.id,
                category: r.category,
                date: r.date,
                text: r.text,
                parse: r.parse,
                expected: r
                    .expected
                    .into_iter()
                    .map(|e| match e {
                        ExpectedCoding::Event {
                            source,
                            target,
                            code,
                        } => Expected::Event {
                            source,
                            target,
                            code,
                        },
                        ExpectedCoding::NoEvents => Expected::NoEvents,
                        ExpectedCoding::Error(s) => Expected::Error(s),
                    })
                    .collect(),
            }),
            px::Item::Config(c) => Item::Config {
                option: c.option,
                value: c.value,
            },
            px::Item::Stop { .. } => Item::Stop,
        })
        .collect()
}

/// Runs every record (honouring `<Config>` changes and `<Stop>`) and compares.
pub fn run(items: &[Item], coder: &Coder<'_>, base: &Options) -> Report {
    let mut opts = base.clone();
    let mut report = Report::default();
    for item in items {
        match item {
            Item::Config { option, value } => match opts.set(option, value) {
                Ok(true) => {}
                Ok(false) | Err(_) => report.ignored_options.push(format!("{option}={value}")),
            },
            Item::Stop => {
                report.stopped = true;
                break;
            }
            Item::Record(r) => {
                let res = check(r, coder, &opts);
                match (res.expected_error.is_some(), res.passed) {
                    (false, true) => report.passed += 1,
                    (false, false) => report.failed += 1,
                    (true, true) => report.errors_passed += 1,
                    (true, false) => report.errors_failed += 1,
                }
                report.results.push(res);
            }
        }
    }
    report
}

/// Codes one record and compares with its expectation.
pub fn check(r: &Record, coder: &Coder<'_>, opts: &Options) -> RecordResult {
    let expected_error = r.expected.iter().find_map(|e| match e {
        Expected::Error(s) => Some(s.clone()),
        _ => None,
    });
    let expected: BTreeSet<Triple> = r
        .expected
        .iter()
        .filter_map(|e| match e {
            Expected::Event {
                source,
                target,
                code,
            } => Some(Triple {
                source: source.clone(),
                target: target.clone(),
                code: code.clone(),
            }),
            _ => None,
        })
        .collect();
    let (got, got_error) = code_record(r, coder, opts);
    let passed = match &expected_error {
        Some(e) => got_error.as_deref() == Some(e.as_str()),
        None => got_error.is_none() && got == expected,
    };
    RecordResult {
        id: r.id.clone(),
        category: r.category.clone(),
        expected: expected.into_iter().collect(),
        got: got.into_iter().collect(),
        expected_error,
        got_error,
        passed,
    }
}

/// The triples a record codes to, or the error it is rejected with.
pub fn code_record(
    r: &Record,
    coder: &Coder<'_>,
    opts: &Options,
) -> (BTreeSet<Triple>, Option<String>) {
    let Some(parse) = r.parse.as_deref() else {
        return (BTreeSet::new(), Some("no_parse".to_string()));
    };
    let tree = match Tree::parse_ptb(parse) {
        Ok(t) => t.aligned_to(&r.text),
        Err(_) => return (BTreeSet::new(), Some("bad_input_parse".to_string())),
    };
    let date = r.date.unwrap_or_default();
    let coded = coder.code(&tree, &r.text, date, opts);
    if let Some(rej) = coded.rejected {
        return (BTreeSet::new(), Some(rej.error_name().to_string()));
    }
    let got = coded
        .events
        .into_iter()
        .map(|e| Triple {
            source: e.source,
            target: e.target,
            code: e.code,
        })
        .collect();
    (got, None)
}
