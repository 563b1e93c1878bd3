//! `demarche evaluate GOLD`: scores the coder on hand-coded sentences.
//!
//! Each gold sentence is coded through the same path as `demarche code` (built-in splitter and
//! parser, the same dictionaries and options, the same filter that drops events with no country
//! or organisation on a side). Coded and expected events are compared at country level: the
//! first three characters of source and target and the two-digit CAMEO root: the gold's
//! `(source, target, root)` triples of a record (a multiset, as written) against the set of
//! distinct triples coded in it — a gold record lists each triple once, however many of its
//! sentences tell it. The report gives precision, recall and F1 over
//! triples, the same over each field alone, and — over the sentences where both sides have
//! events — how often the paired events agree on source, target and root.
//!
//! Gold formats: JSON Lines `{"id","date","text","events":[{"source","target","root"}]}` and the
//! tab-separated form `sentence<TAB>SRC>TGT:ROOT;...` (`-` for no event) with `#` comment lines. A bad line is
//! reported with file and line and skipped; the rest is scored.
//!
//! Design decision: pairing for the per-field accuracy is greedy (exact triples first, then
//! the pair agreeing on most fields, ties broken by input order), which is deterministic and
//! exact for the one-or-two-event sentences gold sets hold. Rejected alternative: an optimal
//! assignment (Hungarian method), whose extra code buys nothing at these sizes.

use super::dictionaries::{
    DictionaryKind, PetrarchFiles, base_options, load_dictionaries, parse_options,
};
use anyhow::Context;
use demarche::Pipeline;
use demarche_model::{Date, Document, Event, parse_date};
use serde::Serialize;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(clap::Args, Debug)]
#[command(after_long_help = EXAMPLES)]
pub struct Args {
    /// Hand-coded sentences: JSON Lines (.jsonl) or tab-separated (.tsv)
    pub gold: PathBuf,
    /// Publication date (YYYY-MM-DD) for sentences that carry none, such as TSV lines
    /// (default: today, as `demarche code` does)
    #[arg(long, value_parser = parse_date)]
    pub date: Option<Date>,
    /// A folder of dictionaries in our own format (default: the built-in set)
    #[arg(long, value_name = "DIR", conflicts_with_all = ["verbs", "actors"])]
    pub dictionaries: Option<PathBuf>,
    #[command(flatten)]
    pub petrarch: PetrarchFiles,
    /// Coding option as NAME=VALUE (require_dyad, new_actor_length, comma_min, ...)
    #[arg(long = "option", value_name = "NAME=VALUE")]
    pub options: Vec<String>,
    /// Print each sentence's missed events and false positives
    #[arg(long)]
    pub verbose: bool,
    /// Also write the numbers as JSON to this file
    #[arg(long, value_name = "FILE")]
    pub json: Option<PathBuf>,
}

const EXAMPLES: &str = "\
Examples:
  demarche evaluate eval/handcoded.jsonl
  demarche evaluate dictionaries/eval/heldout.tsv --date 2024-06-01 --verbose
  demarche evaluate gold.jsonl --json scores.json --verbs CAMEO.2.0.txt \\
      --actors Phoenix.Countries.actors.txt --agents Phoenix.agents.txt";

/// One event at country level: source and target country (or `IGO`, ...) and CAMEO root.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Triple {
    pub source: String,
    pub target: String,
    pub root: String,
}

impl Triple {
    /// Cuts full codes down to the compared level: three characters of each actor, two of the
    /// event code.
    pub fn new(source: &str, target: &str, code: &str) -> Self {
        Triple {
            source: source.trim().chars().take(3).collect(),
            target: target.trim().chars().take(3).collect(),
            root: code.trim().chars().take(2).collect(),
        }
    }

    fn of_event(e: &Event) -> Self {
        Triple::new(&e.source, &e.target, &e.code)
    }

    /// How many of the three fields agree.
    fn agreement(&self, other: &Triple) -> usize {
        usize::from(self.source == other.source)
            + usize::from(self.target == other.target)
            + usize::from(self.root == other.root)
    }
}

impl std::fmt::Display for Triple {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}>{}:{}", self.source, self.target, self.root)
    }
}

/// A hand-coded sentence.
#[derive(Debug, Clone)]
struct GoldSentence {
    id: String,
    line: usize,
    date: Option<Date>,
    text: String,
    events: Vec<Triple>,
}

/// Counts of one comparison: matched, coded but not expected, expected but not coded.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub true_positives: usize,
    pub false_positives: usize,
    pub false_negatives: usize,
}

impl Counts {
    fn add(&mut self, other: Counts) {
        self.true_positives += other.true_positives;
        self.false_positives += other.false_positives;
        self.false_negatives += other.false_negatives;
    }

    /// Precision; 1 when nothing was coded (no false claim was made).
    pub fn precision(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_positives,
        )
    }

    /// Recall; 1 when nothing was expected.
    pub fn recall(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_negatives,
        )
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(num: usize, den: usize) -> f64 {
    if den == 0 {
        1.0
    } else {
        num as f64 / den as f64
    }
}

/// Correct out of compared, for one field of paired events.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Accuracy {
    pub correct: usize,
    pub compared: usize,
}

impl Accuracy {
    fn count(&mut self, ok: bool) {
        self.compared += 1;
        self.correct += usize::from(ok);
    }

    pub fn value(&self) -> f64 {
        ratio(self.correct, self.compared)
    }
}

/// The comparison of one sentence's coded events with its expected ones.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SentenceScore {
    pub triples: Counts,
    pub sources: Counts,
    pub targets: Counts,
    pub roots: Counts,
    /// Expected events not coded, in sorted order.
    pub missed: Vec<Triple>,
    /// Coded events not expected, in sorted order.
    pub false_positives: Vec<Triple>,
    /// Expected/coded pairs for the per-field accuracy (empty unless both sides have events).
    pub pairs: Vec<(Triple, Triple)>,
}

/// Multiset comparison of two lists of keys: matched, extra in `coded`, left in `gold`.
fn multiset<T: Ord + Clone>(gold: &[T], coded: &[T]) -> (Counts, Vec<T>, Vec<T>) {
    let mut left: Vec<T> = gold.to_vec();
    left.sort();
    let mut coded_sorted: Vec<T> = coded.to_vec();
    coded_sorted.sort();
    let mut extra = Vec::new();
    let mut tp = 0;
    for c in coded_sorted {
        match left.iter().position(|g| *g == c) {
            Some(i) => {
                left.remove(i);
                tp += 1;
            }
            None => extra.push(c),
        }
    }
    let counts = Counts {
        true_positives: tp,
        false_positives: extra.len(),
        false_negatives: left.len(),
    };
    (counts, extra, left)
}

/// Scores one sentence: triples and each field as multisets, and the greedy pairing of
/// expected with coded events for the per-field accuracy.
pub fn score_sentence(gold: &[Triple], coded: &[Triple]) -> SentenceScore {
    let (triples, false_positives, missed) = multiset(gold, coded);
    let field = |f: fn(&Triple) -> &String| {
        let g: Vec<&String> = gold.iter().map(f).collect();
        let c: Vec<&String> = coded.iter().map(f).collect();
        multiset(&g, &c).0
    };
    let sources = field(|t| &t.source);
    let targets = field(|t| &t.target);
    let roots = field(|t| &t.root);

    let mut pairs = Vec::new();
    if !gold.is_empty() && !coded.is_empty() {
        let mut g_left: Vec<&Triple> = gold.iter().collect();
        let mut c_left: Vec<&Triple> = coded.iter().collect();
        // Best agreement first: 3 (exact), then 2, then 1, then 0; first in input order wins.
        while !g_left.is_empty() && !c_left.is_empty() {
            let mut best = (0usize, 0usize, 0usize);
            let mut found = false;
            for (gi, g) in g_left.iter().enumerate() {
                for (ci, c) in c_left.iter().enumerate() {
                    let a = g.agreement(c);
                    if !found || a > best.0 {
                        best = (a, gi, ci);
                        found = true;
                    }
                }
            }
            let g = g_left.remove(best.1);
            let c = c_left.remove(best.2);
            pairs.push((g.clone(), c.clone()));
        }
    }
    SentenceScore {
        triples,
        sources,
        targets,
        roots,
        missed,
        false_positives,
        pairs,
    }
}

/// The totals over a gold set.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Totals {
    pub sentences: usize,
    pub gold_events: usize,
    pub coded_events: usize,
    pub triples: Counts,
    pub sources: Counts,
    pub targets: Counts,
    pub roots: Counts,
    /// Sentences where both the gold and the coder have at least one event.
    pub matched_sentences: usize,
    pub source_accuracy: Accuracy,
    pub target_accuracy: Accuracy,
    pub root_accuracy: Accuracy,
    /// Sentences whose coded multiset equals the gold one exactly.
    pub exact_sentences: usize,
}

impl Totals {
    pub fn add(&mut self, s: &SentenceScore) {
        self.sentences += 1;
        self.gold_events += s.triples.true_positives + s.triples.false_negatives;
        self.coded_events += s.triples.true_positives + s.triples.false_positives;
        self.triples.add(s.triples);
        self.sources.add(s.sources);
        self.targets.add(s.targets);
        self.roots.add(s.roots);
        if !s.pairs.is_empty() {
            self.matched_sentences += 1;
        }
        for (g, c) in &s.pairs {
            self.source_accuracy.count(g.source == c.source);
            self.target_accuracy.count(g.target == c.target);
            self.root_accuracy.count(g.root == c.root);
        }
        if s.missed.is_empty() && s.false_positives.is_empty() {
            self.exact_sentences += 1;
        }
    }
}

#[derive(Serialize)]
struct PrfJson {
    true_positives: usize,
    false_positives: usize,
    false_negatives: usize,
    precision: f64,
    recall: f64,
    f1: f64,
}

impl From<Counts> for PrfJson {
    fn from(c: Counts) -> Self {
        PrfJson {
            true_positives: c.true_positives,
            false_positives: c.false_positives,
            false_negatives: c.false_negatives,
            precision: c.precision(),
            recall: c.recall(),
            f1: c.f1(),
        }
    }
}

#[derive(Serialize)]
struct AccJson {
    correct: usize,
    compared: usize,
    accuracy: f64,
}

impl From<Accuracy> for AccJson {
    fn from(a: Accuracy) -> Self {
        AccJson {
            correct: a.correct,
            compared: a.compared,
            accuracy: a.value(),
        }
    }
}

#[derive(Serialize)]
struct ReportJson {
    gold: String,
    dictionaries: &'static str,
    sentences: usize,
    skipped_lines: usize,
    exact_sentences: usize,
    gold_events: usize,
    coded_events: usize,
    triples: PrfJson,
    source: PrfJson,
    target: PrfJson,
    root: PrfJson,
    matched_sentences: usize,
    source_accuracy: AccJson,
    target_accuracy: AccJson,
    root_accuracy: AccJson,
}

/// Parses `SRC>TGT:ROOT;...`; blank or `-` (the TSV files' mark) means no event.
fn parse_expected(s: &str) -> Result<Vec<Triple>, String> {
    let mut out = Vec::new();
    if s.trim() == "-" {
        return Ok(out);
    }
    for item in s.split(';').map(str::trim).filter(|i| !i.is_empty()) {
        let parsed = item
            .split_once('>')
            .and_then(|(src, rest)| rest.split_once(':').map(|(tgt, root)| (src, tgt, root)));
        match parsed {
            Some((src, tgt, root))
                if !src.trim().is_empty() && !tgt.trim().is_empty() && !root.trim().is_empty() =>
            {
                out.push(Triple::new(src, tgt, root));
            }
            _ => return Err(format!("expected an event as SRC>TGT:ROOT, found `{item}`")),
        }
    }
    Ok(out)
}

#[derive(serde::Deserialize)]
struct JsonGold {
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    date: Option<String>,
    text: String,
    #[serde(default)]
    events: Vec<JsonEvent>,
}

#[derive(serde::Deserialize)]
struct JsonEvent {
    source: String,
    target: String,
    root: String,
}

/// Reads a gold file, reporting bad lines on stderr (file:line: what was expected) and
/// returning the good ones with the number skipped.
fn read_gold(path: &Path) -> anyhow::Result<(Vec<GoldSentence>, usize)> {
    let file =
        std::fs::File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let mut sentences = Vec::new();
    let mut skipped = 0;
    let mut json: Option<bool> = match ext.as_str() {
        "jsonl" | "json" | "ndjson" => Some(true),
        "tsv" | "txt" => Some(false),
        _ => None,
    };
    for (i, line) in BufReader::new(file).lines().enumerate() {
        let n = i + 1;
        let line = line.with_context(|| format!("{}:{n}: cannot read the line", path.display()))?;
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        // Without a telling extension, the first content line decides.
        let is_json = *json.get_or_insert(trimmed.starts_with('{'));
        let parsed = if is_json {
            parse_json_line(trimmed, n)
        } else {
            parse_tsv_line(&line, n)
        };
        match parsed {
            Ok(s) => sentences.push(s),
            Err(e) => {
                skipped += 1;
                eprintln!("{}:{n}: {e}", path.display());
            }
        }
    }
    Ok((sentences, skipped))
}

fn parse_json_line(line: &str, n: usize) -> Result<GoldSentence, String> {
    let g: JsonGold = serde_json::from_str(line).map_err(|e| {
        format!(
            "expected a JSON object {{\"id\",\"date\",\"text\",\"events\":[{{\"source\",\"target\",\"root\"}}]}}: {e}"
        )
    })?;
    let date = match g.date.as_deref() {
        Some(d) if !d.trim().is_empty() => Some(parse_date(d)?),
        _ => None,
    };
    Ok(GoldSentence {
        id: g.id.unwrap_or_else(|| format!("line{n}")),
        line: n,
        date,
        text: g.text,
        events: g
            .events
            .iter()
            .map(|e| Triple::new(&e.source, &e.target, &e.root))
            .collect(),
    })
}

fn parse_tsv_line(line: &str, n: usize) -> Result<GoldSentence, String> {
    let (text, expected) = line.split_once('\t').unwrap_or((line, ""));
    if text.trim().is_empty() {
        return Err("expected a sentence, a tab, then SRC>TGT:ROOT;...".into());
    }
    Ok(GoldSentence {
        id: format!("line{n}"),
        line: n,
        date: None,
        text: text.trim().to_string(),
        events: parse_expected(expected)?,
    })
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let (gold, skipped) = read_gold(&args.gold)?;
    let (dicts, kind) = load_dictionaries(args.dictionaries.as_ref(), args.petrarch.paths())?;
    let options = parse_options(base_options(kind == DictionaryKind::Own), &args.options)?;
    let pipeline = Pipeline::new(&dicts).with_options(options);
    let fallback = args
        .date
        .unwrap_or_else(|| chrono::Local::now().date_naive());

    let mut totals = Totals::default();
    for g in &gold {
        let doc = Document {
            id: g.id.clone(),
            date: g.date,
            text: g.text.clone(),
            ..Default::default()
        };
        // The pipeline drops events without a country or organisation, as `demarche code`
        // does by default. A record's gold lists each (source, target, root) once, however
        // many of its sentences tell it, so the coded triples are compared as a set too.
        let mut coded: Vec<Triple> = pipeline
            .code_document(&doc, fallback)
            .events
            .iter()
            .map(Triple::of_event)
            .collect();
        coded.sort();
        coded.dedup();
        let score = score_sentence(&g.events, &coded);
        if args.verbose && (!score.missed.is_empty() || !score.false_positives.is_empty()) {
            println!("{} (line {}): {}", g.id, g.line, g.text);
            let list = |v: &[Triple]| {
                v.iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            if !score.missed.is_empty() {
                println!("  missed:         {}", list(&score.missed));
            }
            if !score.false_positives.is_empty() {
                println!("  false positive: {}", list(&score.false_positives));
            }
        }
        totals.add(&score);
    }

    let dict_name = match (kind, &args.dictionaries) {
        (DictionaryKind::Petrarch, _) => "petrarch",
        (DictionaryKind::Own, Some(_)) => "folder",
        (DictionaryKind::Own, None) => "built-in",
    };
    print_report(&args.gold, dict_name, skipped, &totals);
    if let Some(path) = &args.json {
        let report = ReportJson {
            gold: args.gold.display().to_string(),
            dictionaries: dict_name,
            sentences: totals.sentences,
            skipped_lines: skipped,
            exact_sentences: totals.exact_sentences,
            gold_events: totals.gold_events,
            coded_events: totals.coded_events,
            triples: totals.triples.into(),
            source: totals.sources.into(),
            target: totals.targets.into(),
            root: totals.roots.into(),
            matched_sentences: totals.matched_sentences,
            source_accuracy: totals.source_accuracy.into(),
            target_accuracy: totals.target_accuracy.into(),
            root_accuracy: totals.root_accuracy.into(),
        };
        let text = serde_json::to_string_pretty(&report)?;
        std::fs::write(path, text + "\n")
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(if skipped > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn print_report(gold: &Path, dicts: &str, skipped: usize, t: &Totals) {
    let prf = |name: &str, c: Counts| {
        println!(
            "{name:<8} P {:.3}  R {:.3}  F1 {:.3}   (tp {}, fp {}, fn {})",
            c.precision(),
            c.recall(),
            c.f1(),
            c.true_positives,
            c.false_positives,
            c.false_negatives
        );
    };
    let acc = |name: &str, a: Accuracy| {
        println!(
            "{name:<8} accuracy {:.3}  ({}/{} paired events)",
            a.value(),
            a.correct,
            a.compared
        );
    };
    println!(
        "{}: {} sentences ({} lines skipped), {} dictionaries; {} expected events, {} coded; {} sentences exactly right",
        gold.display(),
        t.sentences,
        skipped,
        dicts,
        t.gold_events,
        t.coded_events,
        t.exact_sentences
    );
    prf("triples", t.triples);
    prf("source", t.sources);
    prf("target", t.targets);
    prf("root", t.roots);
    println!(
        "over {} sentences where both gold and coder have events:",
        t.matched_sentences
    );
    acc("source", t.source_accuracy);
    acc("target", t.target_accuracy);
    acc("root", t.root_accuracy);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Triple {
        let v = parse_expected(s).unwrap_or_default();
        v.into_iter().next().unwrap_or(Triple::new("", "", ""))
    }

    #[test]
    fn triples_cut_to_country_and_root() {
        assert_eq!(
            Triple::new("RUSGOV", "WSTMIL", "112"),
            Triple::new("RUS", "WST", "11")
        );
        assert_eq!(t("CHN>RUS:051").to_string(), "CHN>RUS:05");
    }

    #[test]
    fn parse_expected_rejects_malformed_items() {
        assert_eq!(parse_expected("").map(|v| v.len()), Ok(0));
        assert_eq!(parse_expected(" - ").map(|v| v.len()), Ok(0));
        assert!(parse_expected("-;IND>PAK:08").is_err());
        assert_eq!(
            parse_expected("IND>PAK:08; PAK>IND:08").map(|v| v.len()),
            Ok(2)
        );
        assert!(parse_expected("IND-PAK:08").is_err());
        assert!(parse_expected("IND>PAK").is_err());
        assert!(parse_expected(">PAK:08").is_err());
    }

    #[test]
    fn exact_match_scores_perfectly() {
        let g = [t("CHN>RUS:05")];
        let s = score_sentence(&g, &[Triple::new("CHNGOV", "RUSGOV", "051")]);
        assert_eq!(
            s.triples,
            Counts {
                true_positives: 1,
                false_positives: 0,
                false_negatives: 0
            }
        );
        assert!(s.missed.is_empty() && s.false_positives.is_empty());
        assert_eq!(s.pairs.len(), 1);
    }

    #[test]
    fn reversed_direction_is_one_miss_one_false_positive() {
        // Gold RUS>WST:11, coded WST>RUS:11: no triple matches; as fields, the sources {RUS}
        // vs {WST} and targets {WST} vs {RUS} miss, the root matches.
        let s = score_sentence(&[t("RUS>WST:11")], &[t("WST>RUS:11")]);
        assert_eq!(s.triples.true_positives, 0);
        assert_eq!(s.triples.false_positives, 1);
        assert_eq!(s.triples.false_negatives, 1);
        assert_eq!(s.sources.true_positives, 0);
        assert_eq!(s.roots.true_positives, 1);
        let mut totals = Totals::default();
        totals.add(&s);
        assert_eq!(totals.source_accuracy.correct, 0);
        assert_eq!(totals.root_accuracy.correct, 1);
        assert_eq!(totals.matched_sentences, 1);
        assert_eq!(totals.exact_sentences, 0);
    }

    #[test]
    fn multiset_counts_duplicates() {
        // Gold has the event twice, the coder once: 1 tp, 1 fn. Coded twice vs once: 1 tp, 1 fp.
        let a = t("IND>PAK:04");
        let s = score_sentence(&[a.clone(), a.clone()], std::slice::from_ref(&a));
        assert_eq!(
            (s.triples.true_positives, s.triples.false_negatives),
            (1, 1)
        );
        let s = score_sentence(std::slice::from_ref(&a), &[a.clone(), a.clone()]);
        assert_eq!(
            (s.triples.true_positives, s.triples.false_positives),
            (1, 1)
        );
    }

    #[test]
    fn totals_over_a_small_set_match_hand_computation() {
        // Sentence 1: gold {IND>PAK:08, PAK>IND:08}, coded {IND>PAK:08} → tp 1, fn 1.
        // Sentence 2: gold {TUR>ISR:11}, coded {TUR>ISR:11, TUR>PSE:19} → tp 1, fp 1.
        // Sentence 3: gold {}, coded {USA>IRN:17} → fp 1.
        // Sentence 4: gold {JPN>UKR:03}, coded {} → fn 1.
        // Triples: tp 2, fp 2, fn 2 → P = 2/4 = 0.5, R = 2/4 = 0.5, F1 = 0.5.
        // Pairs (sentences 1 and 2 only): (IND>PAK, IND>PAK) and (TUR>ISR, TUR>ISR): all
        // fields right, 2/2 each; matched sentences = 2.
        let cases = [
            (
                vec![t("IND>PAK:08"), t("PAK>IND:08")],
                vec![t("IND>PAK:08")],
            ),
            (
                vec![t("TUR>ISR:11")],
                vec![t("TUR>ISR:11"), t("TUR>PSE:19")],
            ),
            (vec![], vec![t("USA>IRN:17")]),
            (vec![t("JPN>UKR:03")], vec![]),
        ];
        let mut totals = Totals::default();
        for (g, c) in &cases {
            totals.add(&score_sentence(g, c));
        }
        assert_eq!(
            totals.triples,
            Counts {
                true_positives: 2,
                false_positives: 2,
                false_negatives: 2
            }
        );
        assert!((totals.triples.precision() - 0.5).abs() < 1e-9);
        assert!((totals.triples.recall() - 0.5).abs() < 1e-9);
        assert!((totals.triples.f1() - 0.5).abs() < 1e-9);
        assert_eq!(totals.matched_sentences, 2);
        assert_eq!(
            totals.source_accuracy,
            Accuracy {
                correct: 2,
                compared: 2
            }
        );
        // Expected events 2 + 1 + 0 + 1 = 4; coded 1 + 2 + 1 + 0 = 4.
        assert_eq!((totals.gold_events, totals.coded_events), (4, 4));
        assert_eq!(totals.exact_sentences, 0);
        // Sources as a multiset: s1 {IND,PAK} vs {IND} → tp1 fn1; s2 {TUR} vs {TUR,TUR} → tp1
        // fp1; s3 fp1; s4 fn1 → tp 2, fp 2, fn 2.
        assert_eq!(totals.sources.true_positives, 2);
        assert_eq!(totals.sources.false_positives, 2);
    }

    #[test]
    fn pairing_prefers_the_closest_event() {
        // Gold {RUS>UKR:19}; coded {USA>CHN:04, RUS>UKR:18}: the second agrees on two fields
        // and is paired, so source and target are right, the root wrong.
        let s = score_sentence(&[t("RUS>UKR:19")], &[t("USA>CHN:04"), t("RUS>UKR:18")]);
        assert_eq!(s.pairs, vec![(t("RUS>UKR:19"), t("RUS>UKR:18"))]);
        let mut totals = Totals::default();
        totals.add(&s);
        assert_eq!(
            totals.source_accuracy,
            Accuracy {
                correct: 1,
                compared: 1
            }
        );
        assert_eq!(
            totals.root_accuracy,
            Accuracy {
                correct: 0,
                compared: 1
            }
        );
    }

    #[test]
    fn tsv_and_json_lines_parse_and_errors_name_what_was_expected() {
        let g = parse_tsv_line("India and Pakistan held talks.\tIND>PAK:04;PAK>IND:04", 7);
        let g = g.map(|g| (g.line, g.events.len(), g.text));
        assert_eq!(g, Ok((7, 2, "India and Pakistan held talks.".to_string())));
        let e = parse_tsv_line("Iran spoke.\tIRN:11", 3).map(|g| g.id);
        assert!(e.is_err_and(|m| m.contains("SRC>TGT:ROOT")));
        let j = parse_json_line(
            r#"{"id":"x1","date":"2024-03-04","text":"A.","events":[{"source":"CHN","target":"RUS","root":"05"}]}"#,
            1,
        )
        .map(|g| (g.id, g.date.map(|d| d.to_string()), g.events));
        assert_eq!(
            j,
            Ok((
                "x1".to_string(),
                Some("2024-03-04".to_string()),
                vec![t("CHN>RUS:05")]
            ))
        );
        assert!(parse_json_line("{\"text\": 3}", 2).is_err());
        assert!(parse_json_line(r#"{"text":"A.","date":"March"}"#, 2).is_err());
    }
}
