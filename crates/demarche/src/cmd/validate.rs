//! `demarche validate RECORDS.xml --dictionaries DIR [--json FILE]`: runs a PETRARCH validation
//! file through the coder and reports every failing record, then one summary line
//! `N passed, M failed` (records that expect an error are counted on their own line before it).
//! Failing records are a report, not an error: the exit code is 0 unless the input is unusable.
//!
//! `--raw` ignores each record's `<Parse>` and codes its `<Text>` through the built-in parser,
//! so the two modes can be compared; it also reports how well the built-in trees agree with the
//! records' trees (labelled bracket precision and recall, evalb-style).

use anyhow::{Context, bail};
use demarche_coder::Options;
use demarche_coder::validate::{self, Item};
use demarche_dict::{Dictionaries, PetrarchPaths};
use demarche_text::petrarch_xml;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// A PETRARCH validation file (`<Validation>` with `<Environment>` and `<Sentence>` records)
    pub records: PathBuf,
    /// Directory holding the dictionary files the `<Environment>` names (default: the records'
    /// directory)
    #[arg(long)]
    pub dictionaries: Option<PathBuf>,
    /// Also write the full report (every record, expected and got) as JSON to this file
    #[arg(long)]
    pub json: Option<PathBuf>,
    /// Code each record's text with the built-in parser instead of its <Parse> tree
    #[arg(long)]
    pub raw: bool,
    /// Coding option as NAME=VALUE, applied before the file's own <Config> changes
    #[arg(long = "option", value_name = "NAME=VALUE")]
    pub options: Vec<String>,
}

/// Reads a validation file into harness items; prints the reader's diagnostics to stderr.
pub fn read_records(path: &Path) -> anyhow::Result<(petrarch_xml::Environment, Vec<Item>)> {
    read_records_counted(path).map(|(env, items, _)| (env, items))
}

/// Like [`read_records`], also counting the reader's error diagnostics.
fn read_records_counted(
    path: &Path,
) -> anyhow::Result<(petrarch_xml::Environment, Vec<Item>, usize)> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let name = path.display().to_string();
    let file = petrarch_xml::read(&name, &bytes);
    for d in &file.diagnostics {
        eprintln!("{d}");
    }
    let errors = file
        .diagnostics
        .iter()
        .filter(|d| d.severity == demarche_model::Severity::Error)
        .count();
    let items = validate::items_from_petrarch(file.items);
    Ok((file.environment, items, errors))
}

/// Loads the dictionaries an `<Environment>` names, resolved in `dir`.
pub fn load_environment_dictionaries(
    env: &petrarch_xml::Environment,
    dir: &Path,
) -> anyhow::Result<Dictionaries> {
    if env.verb_file.is_none() && env.actor_files.is_empty() {
        bail!("the <Environment> names no <Verbfile> or <Actorfile>: nothing to code with");
    }
    let paths = PetrarchPaths {
        verbs: env.verb_file.as_ref().map(|f| dir.join(f)),
        actors: env.actor_files.iter().map(|f| dir.join(f)).collect(),
        agents: env.agent_file.as_ref().map(|f| dir.join(f)),
        discards: env.discard_file.as_ref().map(|f| dir.join(f)),
        issues: env.issue_file.as_ref().map(|f| dir.join(f)),
    };
    for p in paths.verbs.iter().chain(&paths.actors) {
        if !p.is_file() {
            bail!("dictionary file {} does not exist", p.display());
        }
    }
    let (dicts, diags) = Dictionaries::load_petrarch(&paths);
    let errors = diags
        .iter()
        .filter(|d| d.severity == demarche_model::Severity::Error)
        .count();
    if errors > 0 {
        eprintln!("{errors} dictionary error(s); first ones:");
        for d in diags
            .iter()
            .filter(|d| d.severity == demarche_model::Severity::Error)
            .take(5)
        {
            eprintln!("  {d}");
        }
    }
    Ok(dicts)
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let (env, items, read_errors) = read_records_counted(&args.records)?;
    if !items.iter().any(|i| matches!(i, Item::Record(_))) {
        bail!(
            "{}: no <Sentence> records could be read",
            args.records.display()
        );
    }
    let dir = match &args.dictionaries {
        Some(d) => d.clone(),
        None => args
            .records
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default(),
    };
    let dicts = load_environment_dictionaries(&env, &dir)?;
    let pipeline = demarche::Pipeline::new(&dicts);
    let coder = pipeline.coder();
    let items = if args.raw {
        let (items, agreement) = reparse(items, pipeline.parser());
        println!("{agreement}");
        items
    } else {
        items
    };
    let mut opts = super::dictionaries::parse_options(Options::default(), &args.options)?;
    for o in &env.options {
        // Options that do not affect coding (stop_on_error, ...) are accepted and ignored.
        opts.set(&o.option, &o.value)
            .with_context(|| format!("{}:{}", args.records.display(), o.line))?;
    }
    let report = validate::run(&items, coder, &opts);
    for r in report.results.iter().filter(|r| !r.passed) {
        println!("FAIL {} [{}]", r.id, r.category);
        match &r.expected_error {
            Some(e) => println!("  expected: error {e}"),
            None if r.expected.is_empty() => println!("  expected: no events"),
            None => println!("  expected: {}", join(&r.expected)),
        }
        match &r.got_error {
            Some(e) => println!("  got:      error {e}"),
            None if r.got.is_empty() => println!("  got:      no events"),
            None => println!("  got:      {}", join(&r.got)),
        }
    }
    if !report.ignored_options.is_empty() {
        println!(
            "ignored <Config> options: {}",
            report.ignored_options.join(", ")
        );
    }
    if let Some(path) = &args.json {
        let json = serde_json::to_string_pretty(&report)?;
        std::fs::write(path, json).with_context(|| format!("cannot write {}", path.display()))?;
    }
    println!(
        "error records: {} passed, {} failed",
        report.errors_passed, report.errors_failed
    );
    println!("{} passed, {} failed", report.passed, report.failed);
    // Failing records are the report; an unreadable part of the file is an error.
    Ok(if read_errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Replaces every record's tree by the built-in parser's tree of its text, and scores the
/// built-in trees against the records' own.
fn reparse(items: Vec<Item>, parser: &demarche_parse::Parser) -> (Vec<Item>, String) {
    let mut total = demarche_parse::Agreement::default();
    let (mut compared, mut records) = (0usize, 0usize);
    let items = items
        .into_iter()
        .map(|item| match item {
            Item::Record(mut r) => {
                records += 1;
                let text = r.text.trim().to_string();
                let ours = parser.parse(&text);
                let gold = r
                    .parse
                    .as_deref()
                    .and_then(|p| demarche_model::Tree::parse_ptb(p).ok());
                if let Some(a) = gold.and_then(|g| demarche_parse::agreement(&ours, &g)) {
                    compared += 1;
                    total += a;
                }
                r.parse = Some(ours.to_ptb());
                Item::Record(r)
            }
            other => other,
        })
        .collect();
    let report = format!(
        "raw mode: built-in parser on {records} records; tree agreement with the records' trees \
         over {compared} same-token sentences: bracket precision {:.1}, recall {:.1}, F1 {:.1}, \
         tags {:.1} %",
        total.precision() * 100.0,
        total.recall() * 100.0,
        total.f1() * 100.0,
        total.tag_accuracy() * 100.0
    );
    (items, report)
}

fn join(ts: &[validate::Triple]) -> String {
    ts.iter()
        .map(|t| format!("({t})"))
        .collect::<Vec<_>>()
        .join(" ")
}
