//! demarche-dict: the dictionary model, readers for the PETRARCH/Phoenix dictionary formats, and
//! the compiled lookups the coder uses.
//!
//! # Main types
//! - [`Dictionaries`]: one compiled set — [`VerbDictionary`], [`ActorDictionary`],
//!   [`AgentDictionary`], [`DiscardList`], [`IssueList`]. Immutable after loading, `Send + Sync`,
//!   meant to be shared behind an `Arc` by every coding thread.
//! - The entry types in [`model`]: [`ActorEntry`], [`AgentEntry`], [`VerbBlock`], [`VerbEntry`],
//!   [`VerbPattern`], [`Synset`], [`Transformation`], [`DiscardEntry`], [`IssuePhrase`]. Each
//!   keeps its [`Origin`] (file name, 1-based line) for the coder's evidence.
//!
//! # Inputs and outputs
//! Readers take file *content* (`&str`) and a file name and return entries plus
//! [`Diagnostic`]s; they never fail as a whole and never panic: a malformed line yields a
//! diagnostic naming file, line and what was expected, and reading goes on with the next line.
//! IO happens only in the small `load_*` conveniences ([`Dictionaries::load_petrarch`]).
//!
//! # How PETRARCH constructs map to the model
//! | PETRARCH | model |
//! |---|---|
//! | `&NAME` + `+WORD` lines | [`Synset`] (members kept, `phrases` flattened with plurals) |
//! | `+&OTHER` inside a synset | [`SynsetMember::Synset`], flattened into `phrases` |
//! | `--- NAME [code] ---` | [`VerbBlock`] with [`VerbCode`] (`Null` when absent or `[---]`) |
//! | `GIVE {GAVE GIVEN} [070]` | [`VerbEntry`] with `forms` and its own `code` |
//! | `+CORDON_OFF`, `WIRE_+TAP` | [`VerbForm`] with several `words` and `verb_word` |
//! | `- A_B * $ [code]` (PETRARCH-1) | [`VerbPattern`]: [`PatternToken`]s with `joined` flags |
//! | `- * {FINANCIAL AID} (FOR ^)` (PETRARCH-2) | [`PatternItem::NounPhrase`], [`PatternItem::PrepPhrase`] |
//! | `[031:032]`, `[:110]` | [`VerbCode::Pair`] (forward and reverse events) |
//! | `[075A]`, `[025?]` | [`EventCode`] kept as written, `known == false`, warning |
//! | `~ a (a b ATTACK) SAY = a b 015` | [`Transformation`] |
//! | actor line + `+synonyms` | [`ActorEntry`] with `phrases` |
//! | `[CODE <date]`, `[CODE >date]`, `[CODE d1-d2]` | [`DatedCodes`] with [`DateRestriction`] |
//! | `[CODE]` (primary line or undated restriction) | `ActorEntry::default_codes` |
//! | `[FRO/BIL/SAM]` | [`ActorCodes`] with three `codes` |
//! | `PHRASE {PLURAL} [~CODE]` / `[CODE~]` | [`AgentEntry`] with `forms`, [`AgentPlacement`] |
//! | `!PERSON! = MAN, MEN` and `CONGRESS!PERSON!` | expanded into `AgentEntry::forms` |
//! | discard line, `+` story discard, trailing `_` | [`DiscardEntry`] |
//! | `<ISSUE CATEGORY=…>`, `n:`/`v:`/`+` expansions, `~`/`~~` | [`IssueCategory`], [`IssuePhrase`] |
//!
//! Comments: `#` (outside `[...]`), `;` (the KEDS/TABARI legacy), and `<!-- ... -->` on one or
//! several lines are removed before a line is read.
//!
//! # Design decision
//! The coder works on parse-tree leaves, so lookups are over *words*: every phrase is a word
//! sequence indexed by its first word ([`lookup::PhraseIndex`]), verb forms are indexed by the
//! word the tree tags as a verb, and patterns are grouped per verb block. Rejected alternative:
//! PETRARCH's own layout (nested dictionaries with `#` end markers and per-word type markers),
//! which is made for a dynamic language and would give the coder string keys to decode.
//! Discards and issues, which PETRARCH matches on sentence text, are compiled into
//! Aho-Corasick automata instead.
//!
//! ```
//! use demarche_dict::{ActorDictionary, actors};
//! let (entries, diagnostics) = actors::read_actors(
//!     "ARNOR_ [ARN]\n+NORTH_KINGDOM\nGONDOR\n\t[GON <20200101]\n\t[GONGOV]\n",
//!     "demo.actors.txt",
//! );
//! assert!(diagnostics.is_empty());
//! let dict = ActorDictionary::from_entries(entries);
//! let words = ["the", "North", "Kingdom", "attacked", "Gondor"];
//! let hit = dict.longest_at(&words, 1).unwrap();
//! assert_eq!(hit.len, 2);
//! let gondor = dict.longest_at(&words, 4).unwrap().actor;
//! let date = demarche_model::parse_date("2021-06-01").unwrap();
//! assert_eq!(dict.code_on(gondor, date), Some("GONGOV"));
//! ```

pub mod actors;
pub mod agents;
mod compiled;
pub mod discards;
pub mod issues;
pub mod lookup;
pub mod model;
pub mod native;
mod source;
pub mod verbs;
pub mod words;

pub use compiled::{
    ActorDictionary, ActorMatch, AgentDictionary, AgentMatch, DiscardHit, DiscardList, IssueList,
    IssueMatches, VerbDictionary, VerbFormRef,
};
pub use demarche_model::{Diagnostic, Severity};
pub use model::*;

use std::path::{Path, PathBuf};

/// One compiled dictionary set.
#[derive(Debug, Clone, Default)]
pub struct Dictionaries {
    pub verbs: VerbDictionary,
    pub actors: ActorDictionary,
    pub agents: AgentDictionary,
    pub discards: DiscardList,
    pub issues: IssueList,
}

/// The PETRARCH files of one dictionary set. Any may be absent (an empty dictionary is used).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PetrarchPaths {
    pub verbs: Option<PathBuf>,
    pub actors: Vec<PathBuf>,
    pub agents: Option<PathBuf>,
    pub discards: Option<PathBuf>,
    pub issues: Option<PathBuf>,
}

impl PetrarchPaths {
    /// The full Phoenix set in `dir`: CAMEO.2.0 verbs, the Countries, International and
    /// MilNonState actors, agents, discards and issues.
    pub fn phoenix(dir: &Path) -> Self {
        PetrarchPaths {
            verbs: Some(dir.join("CAMEO.2.0.txt")),
            actors: vec![
                dir.join("Phoenix.Countries.actors.txt"),
                dir.join("Phoenix.International.actors.txt"),
                dir.join("Phoenix.MilNonState.actors.txt"),
            ],
            agents: Some(dir.join("Phoenix.agents.txt")),
            discards: Some(dir.join("Phoenix.discards.txt")),
            issues: Some(dir.join("Phoenix.IssueCoding.txt")),
        }
    }

    /// The set PETRARCH's unit-test records name (`PETR.Validate.*`), without issues.
    pub fn validation(dir: &Path) -> Self {
        PetrarchPaths {
            verbs: Some(dir.join("PETR.Validate.verbs.txt")),
            actors: vec![dir.join("PETR.Validate.actors.txt")],
            agents: Some(dir.join("PETR.Validate.agents.txt")),
            discards: Some(dir.join("PETR.Validate.discards.txt")),
            issues: None,
        }
    }
}

/// File contents for [`Dictionaries::from_petrarch_sources`]: `(file name, content)` pairs.
#[derive(Debug, Clone, Copy, Default)]
pub struct PetrarchSources<'a> {
    pub verbs: Option<(&'a str, &'a str)>,
    pub actors: &'a [(&'a str, &'a str)],
    pub agents: Option<(&'a str, &'a str)>,
    pub discards: Option<(&'a str, &'a str)>,
    pub issues: Option<(&'a str, &'a str)>,
}

impl Dictionaries {
    /// Reads and compiles PETRARCH files. A file that cannot be read gives an error diagnostic
    /// and an empty part; everything else is still loaded.
    pub fn load_petrarch(paths: &PetrarchPaths) -> (Dictionaries, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let mut read = |p: &PathBuf| source::read_file(p, &mut diags);
        let verbs = paths.verbs.as_ref().and_then(&mut read);
        let actors: Vec<(String, String)> = paths.actors.iter().filter_map(&mut read).collect();
        let agents = paths.agents.as_ref().and_then(&mut read);
        let discards = paths.discards.as_ref().and_then(&mut read);
        let issues = paths.issues.as_ref().and_then(&mut read);
        let actor_refs: Vec<(&str, &str)> = actors
            .iter()
            .map(|(n, c)| (n.as_str(), c.as_str()))
            .collect();
        let sources = PetrarchSources {
            verbs: as_pair(&verbs),
            actors: &actor_refs,
            agents: as_pair(&agents),
            discards: as_pair(&discards),
            issues: as_pair(&issues),
        };
        let (dicts, more) = Dictionaries::from_petrarch_sources(sources);
        diags.extend(more);
        (dicts, diags)
    }

    /// Reads and compiles PETRARCH file contents (no IO).
    pub fn from_petrarch_sources(sources: PetrarchSources<'_>) -> (Dictionaries, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let verbs = match sources.verbs {
            Some((name, content)) => {
                let (v, d) = verbs::read_verbs(content, name);
                diags.extend(d);
                v
            }
            None => VerbDictionary::default(),
        };
        let mut actor_entries = Vec::new();
        for (name, content) in sources.actors {
            let (e, d) = actors::read_actors(content, name);
            actor_entries.extend(e);
            diags.extend(d);
        }
        let agents = match sources.agents {
            Some((name, content)) => {
                let (e, d) = agents::read_agents(content, name);
                diags.extend(d);
                AgentDictionary::from_entries(e)
            }
            None => AgentDictionary::default(),
        };
        let discards = match sources.discards {
            Some((name, content)) => {
                let (e, d) = discards::read_discards(content, name);
                diags.extend(d);
                DiscardList::from_entries(e)
            }
            None => DiscardList::default(),
        };
        let issues = match sources.issues {
            Some((name, content)) => {
                let (l, d) = issues::read_issues(content, name);
                diags.extend(d);
                l
            }
            None => IssueList::default(),
        };
        let dicts = Dictionaries {
            verbs,
            actors: ActorDictionary::from_entries(actor_entries),
            agents,
            discards,
            issues,
        };
        (dicts, diags)
    }

    /// Entry counts, for logs and benchmarks.
    pub fn summary(&self) -> String {
        format!(
            "{} synsets, {} verb blocks, {} verbs, {} patterns, {} transformations; \
             {} actors ({} names); {} agents ({} forms); {} discards; {} issue phrases ({} forms)",
            self.verbs.synsets.len(),
            self.verbs.blocks.len(),
            self.verbs.verbs.len(),
            self.verbs.patterns.len(),
            self.verbs.transformations.len(),
            self.actors.len(),
            self.actors.phrase_count(),
            self.agents.len(),
            self.agents.form_count(),
            self.discards.len(),
            self.issues.len(),
            self.issues.form_count(),
        )
    }
}

fn as_pair(x: &Option<(String, String)>) -> Option<(&str, &str)> {
    x.as_ref().map(|(n, c)| (n.as_str(), c.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn compiled_set_is_shareable_across_threads() {
        assert_send_sync::<Dictionaries>();
        let d = std::sync::Arc::new(Dictionaries::default());
        let d2 = std::sync::Arc::clone(&d);
        let n = std::thread::spawn(move || d2.actors.len()).join().ok();
        assert_eq!(n, Some(0));
    }
}
