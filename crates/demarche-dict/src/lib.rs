//! demarche-dict: the dictionary model, readers for the PETRARCH/Phoenix dictionary formats, and
//! the compiled lookups the coder uses.
//!
//! # Main types
//! - [`Dictionaries`]: one compiled set — [`VerbDictionary`], [`ActorDictionary`],
//!   [`AgentDictionary`], [`DiscardList`], [`IssueList`], and the CAMEO [`policy::Policy`] of
//!   the news reading. Immutable after loading, `Send + Sync`, meant to be shared behind an
//!   `Arc` by every coding thread.
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
pub mod frames;
pub mod issues;
pub mod lookup;
pub mod model;
pub mod native;
pub mod policy;
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
    /// The CAMEO policy of the news reading (`dictionaries/policy.txt`; the built-in one
    /// unless a native set has its own).
    pub policy: policy::Policy,
    /// Event frames (`dictionaries/frames/*.txt`): event nouns and support verbs. Empty for
    /// PETRARCH's dictionaries.
    pub frames: frames::FrameSet,
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
    /// Every word the verb dictionary knows as a verb, lower-cased: the parser's verb lexicon.
    pub fn verb_words(&self) -> std::collections::HashSet<String> {
        self.verbs
            .verbs
            .iter()
            .flat_map(|v| v.forms.iter())
            .map(|f| f.verb().to_lowercase())
            .filter(|w| !w.is_empty())
            .collect()
    }

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
    ///
    /// The actor files (about half the work for the Phoenix set) are read on a second thread
    /// while this one reads the rest; the result and the order of diagnostics (verbs, actors,
    /// agents, discards, issues) do not depend on the threads.
    pub fn from_petrarch_sources(sources: PetrarchSources<'_>) -> (Dictionaries, Vec<Diagnostic>) {
        std::thread::scope(|scope| {
            let actor_thread = std::thread::Builder::new()
                .name("demarche-dict-actors".into())
                .spawn_scoped(scope, || load_actor_sources(sources.actors));
            let (verbs, verb_diags) = match sources.verbs {
                Some((name, content)) => verbs::read_verbs(content, name),
                None => (VerbDictionary::default(), Vec::new()),
            };
            let (agents, agent_diags) = match sources.agents {
                Some((name, content)) => {
                    let (e, d) = agents::read_agents(content, name);
                    (AgentDictionary::from_entries(e), d)
                }
                None => (AgentDictionary::default(), Vec::new()),
            };
            let (discards, discard_diags) = match sources.discards {
                Some((name, content)) => {
                    let (e, d) = discards::read_discards(content, name);
                    (DiscardList::from_entries(e), d)
                }
                None => (DiscardList::default(), Vec::new()),
            };
            let (issues, issue_diags) = match sources.issues {
                Some((name, content)) => issues::read_issues(content, name),
                None => (IssueList::default(), Vec::new()),
            };
            // If the thread could not be started, read the actors here instead.
            let (actors, actor_diags) = match actor_thread {
                Ok(handle) => handle.join().unwrap_or_else(|_| {
                    let message = "internal error: the actor reader stopped; no actors loaded";
                    (
                        ActorDictionary::default(),
                        vec![Diagnostic::error("actors", None, message)],
                    )
                }),
                Err(_) => load_actor_sources(sources.actors),
            };
            let mut diags = verb_diags;
            diags.extend(actor_diags);
            diags.extend(agent_diags);
            diags.extend(discard_diags);
            diags.extend(issue_diags);
            let dicts = Dictionaries {
                verbs,
                actors,
                agents,
                discards,
                issues,
                policy: policy::Policy::default(),
                frames: frames::FrameSet::default(),
            };
            (dicts, diags)
        })
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

/// Reads and compiles every actor file into one dictionary (entries in file order).
fn load_actor_sources(files: &[(&str, &str)]) -> (ActorDictionary, Vec<Diagnostic>) {
    let mut entries = Vec::new();
    let mut diags = Vec::new();
    for (name, content) in files {
        let (e, d) = actors::read_actors(content, name);
        entries.extend(e);
        diags.extend(d);
    }
    (ActorDictionary::from_entries(entries), diags)
}

fn as_pair(x: &Option<(String, String)>) -> Option<(&str, &str)> {
    x.as_ref().map(|(n, c)| (n.as_str(), c.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn sources_load_with_diagnostics_in_a_fixed_order() {
        let actors = [
            ("a1.txt", "GONDOR [GON\nROHAN [ROH]\n"),
            ("a2.txt", "ARNOR [ARN\n"),
        ];
        let sources = PetrarchSources {
            verbs: Some(("v.txt", "--- SAY [010] ---\nSAY\n- * {AID [070]\n")),
            actors: &actors,
            agents: Some(("g.txt", "TROOP [~MIL\nSOLDIER [~MIL]\n")),
            discards: Some(("d.txt", "[###]\n")),
            issues: Some(("i.txt", "oil [OIL\n")),
        };
        for _ in 0..3 {
            let (d, diags) = Dictionaries::from_petrarch_sources(sources);
            let files: Vec<&str> = diags.iter().map(|d| d.file.as_str()).collect();
            assert_eq!(
                files,
                ["v.txt", "a1.txt", "a2.txt", "g.txt", "d.txt", "i.txt"]
            );
            assert_eq!(
                (d.verbs.verbs.len(), d.actors.len(), d.agents.len()),
                (1, 1, 1)
            );
        }
    }

    #[test]
    fn missing_file_is_an_error_and_the_rest_loads() {
        let dir =
            std::env::temp_dir().join(format!("demarche-dict-missing-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let agents = dir.join("agents.txt");
        let written = std::fs::write(&agents, "SOLDIER [~MIL]\n");
        assert!(written.is_ok());
        let paths = PetrarchPaths {
            verbs: Some(dir.join("no-such-verbs.txt")),
            agents: Some(agents),
            ..PetrarchPaths::default()
        };
        let (d, diags) = Dictionaries::load_petrarch(&paths);
        assert_eq!(diags.len(), 1);
        assert!(diags[0].message.starts_with("cannot read dictionary file"));
        assert!(diags[0].file.ends_with("no-such-verbs.txt"));
        assert_eq!(d.agents.len(), 1);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn compiled_set_is_shareable_across_threads() {
        assert_send_sync::<Dictionaries>();
        let d = std::sync::Arc::new(Dictionaries::default());
        let d2 = std::sync::Arc::clone(&d);
        let n = std::thread::spawn(move || d2.actors.len()).join().ok();
        assert_eq!(n, Some(0));
    }
}
