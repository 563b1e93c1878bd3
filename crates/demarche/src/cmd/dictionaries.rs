//! Dictionary and coding-option flags shared by the commands that code (`code`, `explain`,
//! `ingest`, `evaluate`), and the one place that decides which dictionaries and options a run
//! uses.

use anyhow::bail;
use demarche_coder::Options;
use demarche_dict::{Dictionaries, PetrarchPaths};
use demarche_model::Severity;
use std::path::PathBuf;

/// The community's dictionary files, read unchanged (PETRARCH-1 or -2 formats).
#[derive(clap::Args, Debug, Clone, Default)]
pub struct PetrarchFiles {
    /// PETRARCH verb dictionary (PETRARCH-1 or PETRARCH-2 dialect)
    #[arg(long, value_name = "FILE")]
    pub verbs: Option<PathBuf>,
    /// PETRARCH actor dictionary (repeat for several)
    #[arg(long, value_name = "FILE")]
    pub actors: Vec<PathBuf>,
    /// PETRARCH agent dictionary
    #[arg(long, value_name = "FILE")]
    pub agents: Option<PathBuf>,
    /// PETRARCH discard list
    #[arg(long, value_name = "FILE")]
    pub discards: Option<PathBuf>,
    /// PETRARCH issue list
    #[arg(long, value_name = "FILE")]
    pub issues: Option<PathBuf>,
}

impl PetrarchFiles {
    pub fn paths(&self) -> PetrarchPaths {
        PetrarchPaths {
            verbs: self.verbs.clone(),
            actors: self.actors.clone(),
            agents: self.agents.clone(),
            discards: self.discards.clone(),
            issues: self.issues.clone(),
        }
    }

    /// Whether any PETRARCH file was named.
    pub fn given(&self) -> bool {
        self.verbs.is_some() || !self.actors.is_empty()
    }
}

/// The coding options for a dictionary set: PETRARCH's defaults for PETRARCH files; with our
/// own dictionaries also negation, intent versus action, and reported speech (see the README).
pub fn base_options(own_dictionaries: bool) -> Options {
    demarche::coding_options(own_dictionaries)
}

/// Applies `--option NAME=VALUE` flags to `opts`.
pub fn parse_options(mut opts: Options, list: &[String]) -> anyhow::Result<Options> {
    for o in list {
        let Some((k, v)) = o.split_once('=') else {
            bail!("--option expects NAME=VALUE, found `{o}`");
        };
        if !opts.set(k, v)? {
            bail!("unknown coding option `{k}`");
        }
    }
    Ok(opts)
}

/// Which dictionaries were loaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DictionaryKind {
    Petrarch,
    Own,
}

/// The dictionaries the flags name: PETRARCH files, a folder of ours, or the built-in set.
/// Diagnostics are printed; loading goes on past a bad line.
pub fn load_dictionaries(
    dir: Option<&PathBuf>,
    petrarch: PetrarchPaths,
) -> anyhow::Result<(Dictionaries, DictionaryKind)> {
    let kind = if petrarch.verbs.is_some() || !petrarch.actors.is_empty() {
        DictionaryKind::Petrarch
    } else {
        DictionaryKind::Own
    };
    let (dicts, diags) = if kind == DictionaryKind::Petrarch {
        if petrarch.verbs.is_none() || petrarch.actors.is_empty() {
            bail!(
                "PETRARCH dictionaries need at least --verbs FILE and --actors FILE \
                 (optionally --agents, --discards, --issues)"
            );
        }
        Dictionaries::load_petrarch(&petrarch)
    } else if let Some(dir) = dir {
        if !dir.is_dir() {
            bail!(
                "--dictionaries {}: expected a folder of dictionary files",
                dir.display()
            );
        }
        demarche_dict::native::load_dir(dir)
    } else {
        demarche_dict::native::default_dictionaries()
    };
    let errors = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    for d in diags.iter().take(20) {
        eprintln!("{d}");
    }
    if diags.len() > 20 {
        eprintln!("... and {} more dictionary diagnostics", diags.len() - 20);
    }
    if errors > 0 {
        eprintln!("{errors} dictionary line(s) skipped; the rest is loaded");
    }
    Ok((dicts, kind))
}
