//! Our own dictionary format: the files under `dictionaries/` (documented, with examples, in
//! `dictionaries/README.md`), read into the same model the PETRARCH readers produce, so the
//! coder runs on either.
//!
//! - [`default_dictionaries`]: the built-in set (every file under `dictionaries/`, compiled
//!   into the binary), compiled; [`load_dir`]: the same from a directory.
//! - [`read_sources`] reads file contents into a [`NativeSet`] (the entries before compilation,
//!   which [`lint()`] checks and [`NativeSet::compile`] turns into [`Dictionaries`]).
//! - [`write`]: our format and the PETRARCH formats written from a compiled set (the converter).
//!
//! Where a file belongs is decided by its path under the dictionary directory: `actors/*.txt`,
//! `verbs/*.txt`, `agents*.txt`, `discards*.txt`, and `policy.txt` (read by [`crate::policy`]).
//!
//! Design decision: every line of a verb file names one CAMEO code at its end, so a reader sees
//! at a glance what a phrase codes; a verb that appears in several groups (in several files) is
//! merged into one verb entry with one block holding all its patterns, so the coder finds every
//! pattern of a verb in one place. Rejected alternative: PETRARCH's synonym blocks with a block
//! code and per-verb overrides, where the code a verb gives depends on lines far above it.
//!
//! ```
//! use demarche_dict::native;
//! let files = [
//!     ("verbs/11.txt", "&spy = spying | treason\naccuse   112\n    * (of &spy)   1125\n"),
//!     ("actors/a.txt", "CHN = China\nRUS = Russia\n"),
//! ];
//! let (set, diagnostics) = native::read_sources(&files, "dictionaries/");
//! assert!(diagnostics.is_empty());
//! assert!(native::lint(&set, &diagnostics).is_empty());
//! let dicts = set.compile();
//! let accused = dicts.verbs.forms_of("ACCUSED")[0].verb;
//! assert_eq!(dicts.verbs.code_of(accused).map(|c| c.to_string()).as_deref(), Some("112"));
//! assert_eq!(dicts.verbs.patterns_of(accused).count(), 1);
//! ```

mod actors;
mod agents;
mod builtin;
mod discards;
pub mod lint;
pub(crate) mod text;
mod verbs;
pub mod write;

pub use actors::fixed_code_names;
pub use lint::{Problem, lint};

use crate::model::*;
use crate::words::{plural_phrase, regular_verb_forms};
use crate::{
    ActorDictionary, AgentDictionary, Dictionaries, DiscardList, IssueList, VerbDictionary,
};
use demarche_model::Diagnostic;
use std::collections::HashMap;
use std::path::Path;

/// A noun set of the verb files: `&crime = corruption | fraud | {money laundering}`.
#[derive(Debug, Clone, PartialEq)]
pub struct NounSet {
    /// Upper-case, without `&`.
    pub name: String,
    pub members: Vec<Phrase>,
    pub origin: Origin,
}

/// One verb phrase of a verb line (a line may list several, separated by `|`).
#[derive(Debug, Clone, PartialEq)]
pub struct VerbLine {
    /// The phrase as written (`+speak (speaks spoke spoken speaking) highly of`).
    pub written: String,
    /// Upper-case words of the lemma phrase (`SPEAK HIGHLY OF`).
    pub words: Vec<String>,
    /// Index of the verb word in `words`.
    pub verb_word: usize,
    /// The irregular forms of the verb word, when given in `(...)`.
    pub forms: Option<Vec<String>>,
    /// The code of the bare verb (`VerbCode::Null` for `---`).
    pub code: VerbCode,
    pub origin: Origin,
}

/// One indented pattern line.
#[derive(Debug, Clone, PartialEq)]
pub struct PatternLine {
    pub written: String,
    /// Synset ids index [`NativeSet::sets`].
    pub tokens: Vec<PatternToken>,
    pub verb_index: usize,
    pub code: VerbCode,
    pub comment: Option<String>,
    pub origin: Origin,
}

/// One verb line (its verbs, separated by `|`) and the pattern lines below it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct VerbGroup {
    pub verbs: Vec<VerbLine>,
    pub patterns: Vec<PatternLine>,
}

/// Everything read from one native dictionary set, before compilation.
#[derive(Debug, Clone, Default)]
pub struct NativeSet {
    pub sets: Vec<NounSet>,
    pub verb_groups: Vec<VerbGroup>,
    pub actors: Vec<ActorEntry>,
    pub agents: Vec<AgentEntry>,
    pub discards: Vec<DiscardEntry>,
    /// `policy.txt`, when the set has one (else the built-in policy is used).
    pub policy: Option<crate::policy::Policy>,
    /// `frames/*.txt`: event nouns and support verbs.
    pub frames: crate::frames::FrameSet,
}

/// What a file under the dictionary directory holds, by its path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Actors,
    Agents,
    Verbs,
    Discards,
    /// `policy.txt` at the top of the directory (see [`crate::policy`]).
    Policy,
    /// `frames/*.txt` (see [`crate::frames`]).
    Frames,
}

/// The kind of a file from its path relative to the dictionary directory (`/` separators).
pub fn kind_of(relative_path: &str) -> Option<FileKind> {
    if !relative_path.ends_with(".txt") {
        return None;
    }
    let name = relative_path.rsplit('/').next().unwrap_or(relative_path);
    if relative_path.starts_with("actors/") {
        Some(FileKind::Actors)
    } else if relative_path.starts_with("verbs/") {
        Some(FileKind::Verbs)
    } else if relative_path.starts_with("frames/") {
        Some(FileKind::Frames)
    } else if name.starts_with("agents") {
        Some(FileKind::Agents)
    } else if name.starts_with("discards") {
        Some(FileKind::Discards)
    } else if relative_path == "policy.txt" {
        Some(FileKind::Policy)
    } else {
        None
    }
}

/// Reads native files given as `(path relative to the dictionary directory, content)`.
/// `display_prefix` is put before each path in origins and diagnostics (`dictionaries/`).
/// Files are read in path order whatever order they are given in.
pub fn read_sources(files: &[(&str, &str)], display_prefix: &str) -> (NativeSet, Vec<Diagnostic>) {
    let mut files: Vec<(String, &str, &str)> = files
        .iter()
        .map(|(rel, content)| (format!("{display_prefix}{rel}"), *rel, *content))
        .collect();
    files.sort_by(|a, b| a.1.cmp(b.1));
    let mut set = NativeSet::default();
    let mut diags = Vec::new();
    let mut verb_files = Vec::new();
    for (name, rel, content) in &files {
        match kind_of(rel) {
            Some(FileKind::Actors) => actors::read_actor_file(name, content, &mut set.actors, &mut diags),
            Some(FileKind::Agents) => agents::read_agent_file(name, content, &mut set.agents, &mut diags),
            Some(FileKind::Discards) => {
                discards::read_discard_file(name, content, &mut set.discards, &mut diags)
            }
            Some(FileKind::Verbs) => verb_files.push((name.as_str(), *content)),
            Some(FileKind::Frames) => diags.extend(set.frames.add(content, name)),
            Some(FileKind::Policy) => {
                let (policy, more) = crate::policy::Policy::read(content, name);
                diags.extend(more);
                set.policy = Some(policy);
            }
            None => diags.push(Diagnostic::warning(
                name.clone(),
                None,
                "not a dictionary file: expected actors/*.txt, verbs/*.txt, frames/*.txt, agents*.txt, discards*.txt or policy.txt",
            )),
        }
    }
    verbs::read_verb_files(&verb_files, &mut set.sets, &mut set.verb_groups, &mut diags);
    (set, diags)
}

/// The built-in files: `(path under dictionaries/, content)`.
pub fn default_sources() -> &'static [(&'static str, &'static str)] {
    builtin::FILES
}

/// The content of one built-in file by its path under `dictionaries/` (`actors/countries.txt`).
pub fn default_source(path: &str) -> Option<&'static str> {
    builtin::FILES
        .iter()
        .find(|(p, _)| *p == path)
        .map(|(_, c)| *c)
}

/// The built-in set, read but not compiled (for lint).
pub fn default_set() -> (NativeSet, Vec<Diagnostic>) {
    read_sources(builtin::FILES, "dictionaries/")
}

/// The built-in dictionaries, compiled: what `demarche code` uses when given no dictionary.
pub fn default_dictionaries() -> (Dictionaries, Vec<Diagnostic>) {
    let (set, diags) = default_set();
    (set.compile(), diags)
}

/// Reads every `.txt` file under `dir` (recursively, in path order). An unreadable directory
/// or file is an error diagnostic; everything readable is still read.
pub fn read_dir(dir: &Path) -> (NativeSet, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut found = Vec::new();
    collect_txt(dir, "", &mut found, &mut diags);
    found.sort();
    let mut contents = Vec::new();
    for rel in found {
        let path = dir.join(&rel);
        match std::fs::read(&path) {
            Ok(bytes) => {
                let name = path.display().to_string();
                let text = crate::source::decode(&bytes, &name, &mut diags);
                contents.push((rel, text));
            }
            Err(e) => diags.push(Diagnostic::error(
                path.display().to_string(),
                None,
                format!("cannot read dictionary file: {e}"),
            )),
        }
    }
    let refs: Vec<(&str, &str)> = contents
        .iter()
        .map(|(r, c)| (r.as_str(), c.as_str()))
        .collect();
    let prefix = format!("{}/", dir.display().to_string().trim_end_matches('/'));
    let (set, more) = read_sources(&refs, &prefix);
    diags.extend(more);
    (set, diags)
}

/// [`read_dir`], compiled.
pub fn load_dir(dir: &Path) -> (Dictionaries, Vec<Diagnostic>) {
    let (set, diags) = read_dir(dir);
    (set.compile(), diags)
}

fn collect_txt(dir: &Path, rel: &str, out: &mut Vec<String>, diags: &mut Vec<Diagnostic>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            diags.push(Diagnostic::error(
                dir.display().to_string(),
                None,
                format!("cannot read dictionary directory: {e}"),
            ));
            return;
        }
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let rel_path = if rel.is_empty() {
            name.clone()
        } else {
            format!("{rel}/{name}")
        };
        let path = entry.path();
        if path.is_dir() {
            collect_txt(&path, &rel_path, out, diags);
        } else if name.ends_with(".txt") {
            out.push(rel_path);
        }
    }
}

impl NativeSet {
    /// Compiles into the model the coder reads. Every verb (by its words) becomes one verb
    /// entry with one block holding the patterns of every group it appears in; its code is the
    /// first non-null code any of its lines gives.
    pub fn compile(&self) -> Dictionaries {
        Dictionaries {
            verbs: self.compile_verbs(),
            actors: ActorDictionary::from_entries(self.actors.clone()),
            agents: AgentDictionary::from_entries(self.agents.clone()),
            discards: DiscardList::from_entries(self.discards.clone()),
            issues: IssueList::default(),
            policy: self.policy.clone().unwrap_or_default(),
            frames: self.frames.clone(),
        }
    }

    /// The verbs merged by their words: `(first line, code, forms, patterns)` in order of first
    /// appearance.
    pub fn merged_verbs(&self) -> Vec<MergedVerb<'_>> {
        let mut index: HashMap<(&[String], usize), usize> = HashMap::new();
        let mut out: Vec<MergedVerb<'_>> = Vec::new();
        for group in &self.verb_groups {
            for v in &group.verbs {
                let key = (v.words.as_slice(), v.verb_word);
                let i = *index.entry(key).or_insert_with(|| {
                    out.push(MergedVerb {
                        first: v,
                        code: VerbCode::Null,
                        forms: None,
                        patterns: Vec::new(),
                        lines: Vec::new(),
                    });
                    out.len() - 1
                });
                let Some(m) = out.get_mut(i) else { continue };
                if m.code.is_null() && !v.code.is_null() {
                    m.code = v.code.clone();
                }
                if m.forms.is_none() {
                    m.forms = v.forms.as_deref();
                }
                m.lines.push(v);
                for p in &group.patterns {
                    if !m.patterns.iter().any(|q| std::ptr::eq(*q, p)) {
                        m.patterns.push(p);
                    }
                }
            }
        }
        out
    }

    fn compile_verbs(&self) -> VerbDictionary {
        let synsets = self
            .sets
            .iter()
            .map(|s| {
                let mut phrases = Vec::new();
                for m in &s.members {
                    phrases.push(m.clone());
                    // Members are written as news writes them; a singular also matches its
                    // regular plural (a member already ending in S is taken as written).
                    let ends_in_s = m.words.last().is_some_and(|w| w.ends_with('S'));
                    if !ends_in_s {
                        phrases.extend(plural_phrase(m));
                    }
                }
                Synset {
                    name: s.name.clone(),
                    no_plurals: false,
                    members: s
                        .members
                        .iter()
                        .map(|p| SynsetMember::Phrase {
                            phrase: p.clone(),
                            origin: s.origin.clone(),
                        })
                        .collect(),
                    phrases,
                    origin: s.origin.clone(),
                }
            })
            .collect();
        let mut blocks = Vec::new();
        let mut verbs = Vec::new();
        let mut patterns = Vec::new();
        for (i, m) in self.merged_verbs().into_iter().enumerate() {
            let block = BlockId(i as u32);
            let mut block_patterns = Vec::new();
            let mut seen: Vec<(Vec<PatternToken>, VerbCode)> = Vec::new();
            for p in &m.patterns {
                for tokens in with_plural_heads(&p.tokens) {
                    let key = (tokens, p.code.clone());
                    if seen.contains(&key) {
                        continue;
                    }
                    block_patterns.push(PatternId(patterns.len() as u32));
                    patterns.push(VerbPattern {
                        block,
                        tokens: key.0.clone(),
                        verb_index: p.verb_index,
                        code: p.code.clone(),
                        comment: p.comment.clone(),
                        origin: p.origin.clone(),
                    });
                    seen.push(key);
                }
            }
            let v = m.first;
            let mut forms = vec![VerbForm {
                words: v.words.clone(),
                verb_word: v.verb_word,
            }];
            let verb = v.words.get(v.verb_word).cloned().unwrap_or_default();
            let inflected: Vec<String> = match m.forms {
                Some(given) => given.to_vec(),
                None => regular_verb_forms(&verb).to_vec(),
            };
            for f in inflected {
                let mut words = v.words.clone();
                if let Some(w) = words.get_mut(v.verb_word) {
                    *w = f;
                }
                let form = VerbForm {
                    words,
                    verb_word: v.verb_word,
                };
                if !forms.contains(&form) {
                    forms.push(form);
                }
            }
            verbs.push(VerbEntry {
                written: v.written.clone(),
                block,
                code: Some(m.code.clone()),
                forms,
                irregular: m.forms.is_some(),
                origin: v.origin.clone(),
            });
            blocks.push(VerbBlock {
                name: v.words.join(" "),
                code: VerbCode::Null,
                verbs: vec![VerbId(i as u32)],
                patterns: block_patterns,
                origin: v.origin.clone(),
            });
        }
        VerbDictionary::from_parts(
            synsets,
            blocks,
            verbs,
            patterns,
            Vec::new(),
            PatternDialect::Petrarch2,
        )
    }
}

/// A pattern and its variants with the regular plural of each head noun: `* agreement` also
/// gives `* agreements`. Heads are single words at the top level, the last word of a
/// `{noun phrase}` and the object of a prepositional phrase; words already ending in `S` are
/// taken as written. Patterns are matched on surface words, so without this a pattern written
/// in the singular would miss every plural in the news.
fn with_plural_heads(tokens: &[PatternToken]) -> Vec<Vec<PatternToken>> {
    fn plural_of(w: &str) -> Option<String> {
        (!w.ends_with('S') && w.chars().all(|c| c.is_alphabetic() || c == '-'))
            .then(|| crate::words::plural(w))
    }
    fn variants(item: &PatternItem) -> Vec<PatternItem> {
        match item {
            PatternItem::Word(w) => {
                let mut v = vec![item.clone()];
                v.extend(plural_of(w).map(PatternItem::Word));
                v
            }
            PatternItem::NounPhrase(items) => {
                let Some((last, rest)) = items.split_last() else {
                    return vec![item.clone()];
                };
                match last {
                    PatternItem::Word(_) => variants(last)
                        .into_iter()
                        .map(|l| {
                            let mut v = rest.to_vec();
                            v.push(l);
                            PatternItem::NounPhrase(v)
                        })
                        .collect(),
                    _ => vec![item.clone()],
                }
            }
            PatternItem::PrepPhrase {
                preposition,
                object,
            } => match object.as_slice() {
                [one] => variants(one)
                    .into_iter()
                    .map(|o| PatternItem::PrepPhrase {
                        preposition: preposition.clone(),
                        object: vec![o],
                    })
                    .collect(),
                _ => vec![item.clone()],
            },
            _ => vec![item.clone()],
        }
    }
    let mut out: Vec<Vec<PatternToken>> = vec![Vec::new()];
    for t in tokens {
        let vs = variants(&t.item);
        let mut next = Vec::with_capacity(out.len() * vs.len());
        for prefix in &out {
            for v in &vs {
                let mut p = prefix.clone();
                p.push(PatternToken {
                    item: v.clone(),
                    joined: t.joined,
                });
                next.push(p);
            }
        }
        out = next;
    }
    out
}

/// One verb with everything the verb files say about it.
#[derive(Debug, Clone)]
pub struct MergedVerb<'a> {
    pub first: &'a VerbLine,
    pub code: VerbCode,
    pub forms: Option<&'a [String]>,
    pub patterns: Vec<&'a PatternLine>,
    /// Every line that names this verb, in order.
    pub lines: Vec<&'a VerbLine>,
}

/// CAMEO codes of our table that no verb or pattern gives, on purpose: the codebook has no
/// label for them (they are placeholders in the numbering), so no phrase can be said to mean
/// them. Two-digit root codes count as reachable through their `0` code (`19` through `190`).
pub const UNREACHABLE_CODES: &[(&str, &str)] = &[
    ("0110", "no label in the CAMEO codebook"),
    ("0357", "no label in the CAMEO codebook"),
    ("109", "no label in the CAMEO codebook"),
    ("1641", "no label in the CAMEO codebook"),
    ("1642", "no label in the CAMEO codebook"),
    ("1643", "no label in the CAMEO codebook"),
];

/// Every event code some verb or pattern of `dicts` gives (forward or reverse), plus each
/// two-digit root whose `0` code is given.
pub fn reachable_codes(dicts: &Dictionaries) -> std::collections::BTreeSet<String> {
    let mut out = std::collections::BTreeSet::new();
    let codes = dicts
        .verbs
        .verbs
        .iter()
        .filter_map(|v| v.code.as_ref())
        .chain(dicts.verbs.patterns.iter().map(|p| &p.code))
        .chain(dicts.verbs.blocks.iter().map(|b| &b.code));
    for c in codes {
        for e in c.forward().into_iter().chain(c.reverse()) {
            out.insert(e.code.clone());
        }
    }
    let roots: Vec<String> = out
        .iter()
        .filter(|c| c.len() == 3 && c.ends_with('0'))
        .filter_map(|c| c.get(..2).map(str::to_string))
        .collect();
    out.extend(roots);
    out
}
