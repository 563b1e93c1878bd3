//! `demarche explain`: shows, for one sentence or one validation record, the tree, the noun
//! phrases coded as actors, each dictionary verb with the pattern that fired, and the events
//! with their evidence (spans shown as the text they cover).
//!
//! A sentence of raw text: `demarche explain "Putin accused the West of meddling."` — parsed by
//! the built-in parser and coded with our dictionaries (or the dictionary flags of `code`).
//! A sentence with its tree: `--parse "(ROOT ...)" --text "..." --date YYYY-MM-DD` with
//! dictionary flags. A record: `RECORDS.xml --id ID` with `--dictionaries DIR` (the
//! `<Environment>`'s files); the `<Config>` changes before the record apply. Dependency
//! parses: `--conllu FILE` (spaCy, Stanza, UDPipe), every sentence of the file or of the
//! document `--id` names, each from the tree `demarche code --conllu` codes it from.

use super::dictionaries::{
    DictionaryKind, PetrarchFiles, base_options, load_dictionaries, parse_options,
};
use super::validate::{load_environment_dictionaries, read_records};
use anyhow::{Context, bail};
use demarche_coder::validate::{Expected, Item};
use demarche_coder::{Coder, Options};
use demarche_dict::Dictionaries;
use demarche_model::{Date, Span, Tree, parse_date};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(clap::Args, Debug)]
#[command(after_long_help = "Examples:
  demarche explain \"Russian President Vladimir Putin accused Western countries of meddling.\"
  demarche explain records.xml --id DEMO-01 --dictionaries DIR
  demarche explain --conllu parses.conllu --id wire-1 --date 2024-05-01
  demarche explain --parse \"(ROOT (S (NP (NNP Arnor)) (VP (VBD attacked) (NP (NNP Gondor)))))\" \\
      --date 2020-01-01 --verbs verbs.txt --actors actors.txt")]
pub struct Args {
    /// A sentence to parse and code, or a PETRARCH XML file to take a record from (with --id)
    pub input: Option<String>,
    /// The record's id; with --conllu, the document's (`# newdoc id`)
    #[arg(long)]
    pub id: Option<String>,
    /// CoNLL-U dependency parses (spaCy, Stanza, UDPipe; `-` reads stdin): explain each
    /// sentence from the tree made of its parse, as `demarche code --conllu` codes it
    #[arg(long, value_name = "FILE", conflicts_with_all = ["input", "parse", "text"])]
    pub conllu: Option<PathBuf>,
    /// A Penn Treebank tree for the sentence
    #[arg(long)]
    pub parse: Option<String>,
    /// The sentence text (default: the tree's words joined by blanks)
    #[arg(long)]
    pub text: Option<String>,
    /// The sentence date (YYYY-MM-DD or YYYYMMDD)
    #[arg(long)]
    pub date: Option<String>,
    /// Directory with the dictionaries a records file's <Environment> names; for a sentence, a
    /// folder of dictionaries in our own format
    #[arg(long)]
    pub dictionaries: Option<PathBuf>,
    #[command(flatten)]
    pub petrarch: PetrarchFiles,
    /// Coding option as NAME=VALUE
    #[arg(long = "option", value_name = "NAME=VALUE")]
    pub options: Vec<String>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if let Some(path) = &args.conllu {
        return explain_conllu(&args, path);
    }
    let explicit = args.petrarch.given();
    let records = args
        .input
        .as_ref()
        .map(PathBuf::from)
        .filter(|p| p.is_file());
    if let (Some(sentence), None, None) = (&args.input, &records, &args.parse) {
        return explain_sentence(&args, sentence);
    }
    let mut opts = parse_options(Options::default(), &args.options)?;
    let load_explicit = || {
        let (d, _) = Dictionaries::load_petrarch(&args.petrarch.paths());
        d
    };
    let (dicts, text, parse, date, expected) = match (&records, &args.parse) {
        (Some(path), _) => {
            let Some(id) = &args.id else {
                bail!("explain RECORDS.xml needs --id ID");
            };
            let (env, items) = read_records(path)?;
            for o in &env.options {
                opts.set(&o.option, &o.value)?;
            }
            let mut found = None;
            for item in &items {
                match item {
                    Item::Config { option, value } => {
                        opts.set(option, value)?;
                    }
                    Item::Record(r) if &r.id == id => {
                        found = Some(r.clone());
                        break;
                    }
                    _ => {}
                }
            }
            let Some(r) = found else {
                bail!("no record with id `{id}` in {}", path.display());
            };
            let dicts = if explicit {
                load_explicit()
            } else {
                let dir = args
                    .dictionaries
                    .clone()
                    .or_else(|| path.parent().map(Path::to_path_buf))
                    .unwrap_or_default();
                load_environment_dictionaries(&env, &dir)?
            };
            let Some(parse) = r.parse.clone() else {
                bail!("record `{id}` has no <Parse>");
            };
            (
                dicts,
                r.text.clone(),
                parse,
                r.date.unwrap_or_default(),
                Some(r.expected),
            )
        }
        (None, Some(parse)) => {
            if !explicit {
                bail!("explain --parse needs dictionaries: --verbs FILE --actors FILE [...]");
            }
            let date = match &args.date {
                Some(d) => parse_date(d).map_err(anyhow::Error::msg)?,
                None => bail!("explain --parse needs --date YYYY-MM-DD"),
            };
            let tree = Tree::parse_ptb(parse).context("--parse")?;
            let text = args
                .text
                .clone()
                .unwrap_or_else(|| tree.words_under(tree.root()));
            (load_explicit(), text, parse.clone(), date, None)
        }
        (None, None) => bail!("give RECORDS.xml --id ID, or --parse TREE --text TEXT --date DATE"),
    };
    let tree = Tree::parse_ptb(&parse)
        .context("the record's parse tree")?
        .aligned_to(&text);
    opts.trace = true;
    let coder = Coder::new(&dicts);
    print_explanation(&coder, &tree, &text, date, &opts, expected);
    Ok(ExitCode::SUCCESS)
}

/// The dictionaries (`--dictionaries`, PETRARCH's, or the built-in set), the coding options
/// with the trace on, and the date (`--date`, else today) that explaining with the pipeline
/// needs.
fn pipeline_setup(args: &Args) -> anyhow::Result<(Dictionaries, Options, Date)> {
    let (dicts, kind) = load_dictionaries(args.dictionaries.as_ref(), args.petrarch.paths())?;
    let mut opts = parse_options(base_options(kind == DictionaryKind::Own), &args.options)?;
    opts.trace = true;
    let date = match &args.date {
        Some(d) => parse_date(d).map_err(anyhow::Error::msg)?,
        None => chrono::Local::now().date_naive(),
    };
    Ok((dicts, opts, date))
}

/// Parses and codes one sentence of raw text with the pipeline's parser and dictionaries.
fn explain_sentence(args: &Args, sentence: &str) -> anyhow::Result<ExitCode> {
    let (dicts, opts, date) = pipeline_setup(args)?;
    let pipeline = demarche::Pipeline::new(&dicts);
    let tree = pipeline.parser().parse(sentence);
    print_explanation(pipeline.coder(), &tree, sentence, date, &opts, None);
    Ok(ExitCode::SUCCESS)
}

/// Explains the sentences of a CoNLL-U file (those of the document `--id` names, if given), each
/// from its converted tree aligned to its text, coded with the pipeline's dictionaries. Each
/// sentence is coded on its own, as `explain SENTENCE` does: pronouns that `code` resolves
/// through the sentences before stay unresolved here. Unreadable sentences are reported as
/// `code` reports them; exit status 1 if there were any, or if `--id` names no document.
fn explain_conllu(args: &Args, path: &Path) -> anyhow::Result<ExitCode> {
    let (dicts, opts, date) = pipeline_setup(args)?;
    let pipeline = demarche::Pipeline::new(&dicts).with_trees(demarche::TreeSource::Given);
    let stdin = path.as_os_str() == "-";
    let name = if stdin {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    };
    let reader: Box<dyn std::io::BufRead> = if stdin {
        Box::new(std::io::stdin().lock())
    } else {
        let file = std::fs::File::open(path).with_context(|| format!("cannot open {name}"))?;
        Box::new(std::io::BufReader::new(file))
    };
    let default_id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "stdin".to_string());
    let mut problems = 0usize;
    let mut explained = 0usize;
    let mut found = false;
    for item in demarche_text::read_conllu(reader, &name, &default_id) {
        let (doc, line) = match item {
            Ok(read) => read,
            Err(d) => {
                eprintln!("{d}");
                problems += 1;
                continue;
            }
        };
        if args.id.as_ref().is_some_and(|id| *id != doc.id) {
            continue;
        }
        found = true;
        let (trees, diagnostics) = pipeline.sentence_trees(&doc);
        for d in diagnostics {
            eprintln!("{d}");
            problems += 1;
        }
        for (k, (span, tree)) in trees.iter().enumerate() {
            let text = &doc.text[span.range()];
            println!("=== document {} (line {line}), sentence {k} ===", doc.id);
            print_explanation(pipeline.coder(), tree, text, date, &opts, None);
            println!();
            explained += 1;
        }
    }
    if let Some(id) = &args.id
        && !found
    {
        bail!("no document with id `{id}` in {name} (documents are named by `# newdoc id = ...`)");
    }
    if explained == 0 && problems == 0 {
        bail!("{name}: no sentence to explain");
    }
    Ok(if problems > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn print_explanation(
    coder: &Coder<'_>,
    tree: &Tree,
    text: &str,
    date: demarche_model::Date,
    opts: &Options,
    expected: Option<Vec<Expected>>,
) {
    let coded = coder.code(tree, text, date, opts);
    let show = |sp: Option<Span>| match sp.and_then(|s| s.slice(text).map(|t| (s, t))) {
        Some((s, t)) => format!("\"{t}\" [{}..{}]", s.start, s.end),
        None => "(no span)".to_string(),
    };
    println!("sentence: {text}");
    println!("date:     {date}");
    println!(
        "options:  require_dyad={} new_actor_length={} comma {}-{} begin {}-{} end {}-{}",
        opts.require_dyad,
        opts.new_actor_length,
        opts.comma_min,
        opts.comma_max,
        opts.comma_bmin,
        opts.comma_bmax,
        opts.comma_emin,
        opts.comma_emax
    );
    println!("\ntree:\n{}", tree.pretty());
    if let Some(r) = &coded.rejected {
        println!("\nrejected: {} ({r:?})", r.error_name());
    }
    if let Some(t) = &coded.trace {
        if !t.deleted.is_empty() {
            let words: Vec<String> = t.deleted.iter().map(|s| show(Some(*s))).collect();
            println!("\ncomma clauses removed: {}", words.join(" "));
        }
        println!("\nactor phrases:");
        for a in &t.actors {
            let rules: Vec<String> = a
                .rules
                .iter()
                .map(|r| format!("{}:{}", r.file, r.line))
                .collect();
            println!(
                "  {} -> {}  {}",
                show(a.span),
                a.codes.join(", "),
                rules.join(" ")
            );
        }
        if !t.predicates.is_empty() {
            println!("\npredicates (the predicate layer, coded with dictionaries/frames):");
            for line in t.predicates.lines() {
                println!("  {line}");
            }
        }
        println!("\nverbs:");
        for v in &t.verbs {
            println!(
                "  {} verb {} (block {}), {} pattern(s) tried",
                show(v.span),
                v.verb,
                v.block,
                v.candidates
            );
            match &v.pattern {
                Some((r, p)) => println!("    pattern fired: {}:{}  - {p}", r.file, r.line),
                None => println!("    no pattern fired: verb code"),
            }
            println!(
                "    code {}  source {}  target {}{}",
                v.code,
                v.source
                    .as_ref()
                    .map(|c| c.join(","))
                    .unwrap_or_else(|| "(none)".into()),
                v.target
                    .as_ref()
                    .map(|c| c.join(","))
                    .unwrap_or_else(|| "(none)".into()),
                if v.passive { "  (passive)" } else { "" }
            );
        }
    }
    println!("\nevents:");
    if coded.events.is_empty() {
        println!("  (none)");
    }
    for e in &coded.events {
        println!("  {} -> {} {}", e.source, e.target, e.code);
        println!(
            "    source {}  target {}  verb {}",
            show(e.source_span),
            show(e.target_span),
            show(e.verb_span)
        );
        let rules: Vec<String> = e
            .rules
            .iter()
            .map(|r| format!("{}:{}", r.file, r.line))
            .collect();
        println!("    rules: {}", rules.join(" "));
    }
    if let Some(exp) = expected {
        println!("\nexpected by the record:");
        for e in exp {
            match e {
                Expected::Event {
                    source,
                    target,
                    code,
                } => println!("  {source} -> {target} {code}"),
                Expected::NoEvents => println!("  no events"),
                Expected::Error(s) => println!("  error {s}"),
            }
        }
    }
}
