//! `demarche dict`: lint our dictionaries, convert between our format and PETRARCH's, and
//! print entry counts. The work is in `demarche_dict::native`; this module reads arguments,
//! touches files and prints.

use anyhow::{Context, bail};
use demarche_dict::native::{self, write::Converted};
use demarche_dict::{Dictionaries, PetrarchPaths, Severity};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(subcommand)]
    command: DictCommand,
}

#[derive(clap::Subcommand, Debug)]
enum DictCommand {
    /// Check a dictionary directory in our format (default: the built-in set); prints
    /// `file:line: problem` and exits non-zero when there is any problem
    Lint {
        /// Directory holding actors/, verbs/, agents.txt, discards.txt
        dir: Option<PathBuf>,
    },
    /// Convert dictionaries between our format and the PETRARCH formats
    Convert {
        /// Input format
        #[arg(long, value_enum)]
        from: Format,
        /// Output format
        #[arg(long, value_enum)]
        to: Format,
        /// Inputs: PETRARCH files (kind taken from the name: *actors*, *agents*, *discards*,
        /// *issue*, anything else is a verb file) or one directory in our format (none: the
        /// built-in set)
        inputs: Vec<PathBuf>,
        /// Directory to write the converted files into (created if missing)
        #[arg(long, short)]
        output: PathBuf,
    },
    /// Print entry counts of a dictionary directory in our format (default: the built-in set)
    Stats { dir: Option<PathBuf> },
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Native,
    Petrarch,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    match args.command {
        DictCommand::Lint { dir } => lint(dir.as_deref()),
        DictCommand::Convert {
            from,
            to,
            inputs,
            output,
        } => convert(from, to, &inputs, &output),
        DictCommand::Stats { dir } => {
            let (set, diags) = match &dir {
                Some(d) => native::read_dir(d),
                None => native::default_set(),
            };
            for d in &diags {
                eprintln!("{d}");
            }
            let groups = set.verb_groups.len();
            let verb_lines: usize = set.verb_groups.iter().map(|g| g.verbs.len()).sum();
            let patterns: usize = set.verb_groups.iter().map(|g| g.patterns.len()).sum();
            println!(
                "native: {} noun sets, {groups} verb groups, {verb_lines} verb lines, {patterns} pattern lines; {} actors; {} agent names; {} discards",
                set.sets.len(),
                set.actors.len(),
                set.agents.len(),
                set.discards.len()
            );
            println!("compiled: {}", set.compile().summary());
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn lint(dir: Option<&Path>) -> anyhow::Result<ExitCode> {
    let (set, diags) = match dir {
        Some(d) => {
            if !d.is_dir() {
                bail!("{}: not a directory", d.display());
            }
            native::read_dir(d)
        }
        None => native::default_set(),
    };
    let problems = native::lint(&set, &diags);
    for p in &problems {
        println!("{p}");
    }
    if problems.is_empty() {
        eprintln!("dict lint: no problems");
        Ok(ExitCode::SUCCESS)
    } else {
        eprintln!("dict lint: {} problem(s)", problems.len());
        Ok(ExitCode::FAILURE)
    }
}

fn petrarch_paths(inputs: &[PathBuf]) -> anyhow::Result<PetrarchPaths> {
    let mut files = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let mut inside: Vec<PathBuf> = std::fs::read_dir(input)
                .with_context(|| format!("reading directory {}", input.display()))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file())
                .collect();
            inside.sort();
            files.extend(inside);
        } else {
            files.push(input.clone());
        }
    }
    let mut paths = PetrarchPaths::default();
    for f in files {
        let name = f
            .file_name()
            .map(|n| n.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        if name.contains("actors") {
            paths.actors.push(f);
        } else if name.contains("agents") {
            paths.agents = Some(f);
        } else if name.contains("discard") {
            paths.discards = Some(f);
        } else if name.contains("issue") {
            paths.issues = Some(f);
        } else if let Some(prev) = &paths.verbs {
            bail!(
                "two verb files given ({} and {}); a dictionary set has one",
                prev.display(),
                f.display()
            );
        } else {
            paths.verbs = Some(f);
        }
    }
    Ok(paths)
}

fn convert(
    from: Format,
    to: Format,
    inputs: &[PathBuf],
    output: &Path,
) -> anyhow::Result<ExitCode> {
    let (dicts, diags): (Dictionaries, _) = match from {
        Format::Petrarch => {
            if inputs.is_empty() {
                bail!("--from petrarch needs input files");
            }
            Dictionaries::load_petrarch(&petrarch_paths(inputs)?)
        }
        Format::Native => match inputs {
            [] => native::default_dictionaries(),
            [dir] => native::load_dir(dir),
            _ => bail!("--from native takes one directory (or none for the built-in set)"),
        },
    };
    for d in &diags {
        eprintln!("{d}");
    }
    let Converted { files, notes } = match to {
        Format::Native => native::write::to_native(&dicts),
        Format::Petrarch => native::write::to_petrarch(&dicts),
    };
    for (rel, content) in &files {
        let path = output.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("creating {}", parent.display()))?;
        }
        std::fs::write(&path, content).with_context(|| format!("writing {}", path.display()))?;
        eprintln!("wrote {}", path.display());
    }
    for n in &notes {
        eprintln!("note: {n}");
    }
    let errors = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    Ok(if errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
