//! The compiled dictionaries: entries plus the lookups a coder needs, built once and then only
//! read (shared behind an `Arc` by all threads).
//!
//! Each dictionary is built from its entries with `from_entries` (or `from_parts` for verbs),
//! which is also how our own format (`native`) produces the same types.

use crate::lookup::{PhraseIndex, PhraseMatch, WordHasher};
use crate::model::*;
use crate::words::normalize_word;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use demarche_model::Date;
use std::borrow::Cow;
use std::collections::HashMap;

// ---------------------------------------------------------------------------------------------
// Actors
// ---------------------------------------------------------------------------------------------

/// All actor entries of one or more actor files, with a phrase index over every name.
#[derive(Debug, Clone, Default)]
pub struct ActorDictionary {
    pub entries: Vec<ActorEntry>,
    index: PhraseIndex,
}

/// An actor phrase found in a word sequence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ActorMatch {
    pub actor: ActorId,
    /// Index into the entry's `phrases` (0 = primary).
    pub phrase: usize,
    /// Words matched.
    pub len: usize,
}

impl ActorDictionary {
    /// Compiles entries (in file order; earlier entries win ties between equal phrases).
    pub fn from_entries(entries: Vec<ActorEntry>) -> Self {
        let mut index = PhraseIndex::new();
        for (i, e) in entries.iter().enumerate() {
            for (j, p) in e.phrases.iter().enumerate() {
                index.insert(&p.phrase, i as u32, j as u32);
            }
        }
        index.finish();
        ActorDictionary { entries, index }
    }

    pub fn get(&self, id: ActorId) -> Option<&ActorEntry> {
        self.entries.get(id.0 as usize)
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Number of names (primary phrases and synonyms) indexed.
    pub fn phrase_count(&self) -> usize {
        self.index.len()
    }

    /// The longest actor name starting at `words[start]` (case-insensitive).
    pub fn longest_at<S: AsRef<str>>(&self, words: &[S], start: usize) -> Option<ActorMatch> {
        self.index.longest_at(words, start).map(actor_match)
    }

    /// Every actor name starting at `words[start]`, longest first.
    pub fn matches_at<S: AsRef<str>>(&self, words: &[S], start: usize) -> Vec<ActorMatch> {
        self.index
            .matches_at(words, start)
            .into_iter()
            .map(actor_match)
            .collect()
    }

    /// The actor whose name is exactly these words.
    pub fn exact<S: AsRef<str>>(&self, words: &[S]) -> Option<ActorMatch> {
        self.index.exact(words).map(actor_match)
    }

    /// The codes of `actor` on `date` (see [`ActorEntry::codes_on`]).
    pub fn codes_on(&self, actor: ActorId, date: Date) -> Option<&ActorCodes> {
        self.get(actor)?.codes_on(date)
    }

    /// The first code of `actor` on `date`, `None` when nothing applies or the code is null.
    pub fn code_on(&self, actor: ActorId, date: Date) -> Option<&str> {
        self.codes_on(actor, date)?.first()
    }
}

fn actor_match(m: PhraseMatch) -> ActorMatch {
    ActorMatch {
        actor: ActorId(m.entry),
        phrase: m.form as usize,
        len: m.len,
    }
}

// ---------------------------------------------------------------------------------------------
// Agents
// ---------------------------------------------------------------------------------------------

/// All agent entries, with a phrase index over every form (singulars, plurals, substitutions).
#[derive(Debug, Clone, Default)]
pub struct AgentDictionary {
    pub entries: Vec<AgentEntry>,
    index: PhraseIndex,
}

/// An agent form found in a word sequence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct AgentMatch {
    pub agent: AgentId,
    /// Index into the entry's `forms`.
    pub form: usize,
    pub len: usize,
}

impl AgentDictionary {
    pub fn from_entries(entries: Vec<AgentEntry>) -> Self {
        let mut index = PhraseIndex::new();
        for (i, e) in entries.iter().enumerate() {
            for (j, p) in e.forms.iter().enumerate() {
                index.insert(p, i as u32, j as u32);
            }
        }
        index.finish();
        AgentDictionary { entries, index }
    }

    pub fn get(&self, id: AgentId) -> Option<&AgentEntry> {
        self.entries.get(id.0 as usize)
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Number of forms indexed.
    pub fn form_count(&self) -> usize {
        self.index.len()
    }

    pub fn longest_at<S: AsRef<str>>(&self, words: &[S], start: usize) -> Option<AgentMatch> {
        self.index.longest_at(words, start).map(agent_match)
    }

    pub fn matches_at<S: AsRef<str>>(&self, words: &[S], start: usize) -> Vec<AgentMatch> {
        self.index
            .matches_at(words, start)
            .into_iter()
            .map(agent_match)
            .collect()
    }

    pub fn exact<S: AsRef<str>>(&self, words: &[S]) -> Option<AgentMatch> {
        self.index.exact(words).map(agent_match)
    }
}

fn agent_match(m: PhraseMatch) -> AgentMatch {
    AgentMatch {
        agent: AgentId(m.entry),
        form: m.form as usize,
        len: m.len,
    }
}

// ---------------------------------------------------------------------------------------------
// Verbs
// ---------------------------------------------------------------------------------------------

/// A verb form reachable from a word: which verb, which of its forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct VerbFormRef {
    pub verb: VerbId,
    /// Index into the verb's `forms`.
    pub form: usize,
}

/// Synsets, verb blocks, verbs, patterns and transformations of one verb dictionary, with an
/// index from every verb word (the word a tree tags as a verb) to the forms it belongs to.
#[derive(Debug, Clone)]
pub struct VerbDictionary {
    pub synsets: Vec<Synset>,
    pub blocks: Vec<VerbBlock>,
    pub verbs: Vec<VerbEntry>,
    pub patterns: Vec<VerbPattern>,
    pub transformations: Vec<Transformation>,
    pub dialect: PatternDialect,
    by_verb_word: HashMap<Box<str>, Vec<VerbFormRef>, WordHasher>,
    synset_by_name: HashMap<Box<str>, SynsetId>,
}

impl Default for VerbDictionary {
    fn default() -> Self {
        VerbDictionary::from_parts(
            Vec::new(),
            Vec::new(),
            Vec::new(),
            Vec::new(),
            Vec::new(),
            PatternDialect::Petrarch2,
        )
    }
}

impl VerbDictionary {
    /// Compiles the parts. Ids inside the parts index these vectors; an id that points nowhere
    /// is tolerated (lookups return nothing for it) so a buggy producer cannot cause a panic.
    pub fn from_parts(
        synsets: Vec<Synset>,
        blocks: Vec<VerbBlock>,
        verbs: Vec<VerbEntry>,
        patterns: Vec<VerbPattern>,
        transformations: Vec<Transformation>,
        dialect: PatternDialect,
    ) -> Self {
        let mut by_verb_word: HashMap<Box<str>, Vec<VerbFormRef>, WordHasher> = HashMap::default();
        for (i, v) in verbs.iter().enumerate() {
            for (j, f) in v.forms.iter().enumerate() {
                let refs = by_verb_word.entry(f.verb().into()).or_default();
                let r = VerbFormRef {
                    verb: VerbId(i as u32),
                    form: j,
                };
                if !refs.contains(&r) {
                    refs.push(r);
                }
            }
        }
        let mut synset_by_name = HashMap::new();
        for (i, s) in synsets.iter().enumerate() {
            synset_by_name
                .entry(s.name.as_str().into())
                .or_insert(SynsetId(i as u32));
        }
        VerbDictionary {
            synsets,
            blocks,
            verbs,
            patterns,
            transformations,
            dialect,
            by_verb_word,
            synset_by_name,
        }
    }

    /// The verb forms whose verb word is `word` (any case), in file order. A multi-word form
    /// (`+CORDON_OFF`) is listed under its verb word (`CORDON`); the caller checks the
    /// neighbouring words with [`VerbForm::before`] and [`VerbForm::after`].
    pub fn forms_of(&self, word: &str) -> &[VerbFormRef] {
        // A short ASCII word is upper-cased on the stack (what `normalize_word` gives it).
        let mut buf = [0u8; 32];
        let key = match buf.get_mut(..word.len()) {
            Some(b) if word.is_ascii() => {
                b.copy_from_slice(word.as_bytes());
                b.make_ascii_uppercase();
                std::str::from_utf8(b).map_or_else(|_| normalize_word(word), Cow::Borrowed)
            }
            _ => normalize_word(word),
        };
        self.by_verb_word
            .get(key.as_ref())
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    pub fn verb(&self, id: VerbId) -> Option<&VerbEntry> {
        self.verbs.get(id.0 as usize)
    }

    pub fn form(&self, r: VerbFormRef) -> Option<&VerbForm> {
        self.verb(r.verb)?.forms.get(r.form)
    }

    pub fn block(&self, id: BlockId) -> Option<&VerbBlock> {
        self.blocks.get(id.0 as usize)
    }

    pub fn pattern(&self, id: PatternId) -> Option<&VerbPattern> {
        self.patterns.get(id.0 as usize)
    }

    pub fn synset(&self, id: SynsetId) -> Option<&Synset> {
        self.synsets.get(id.0 as usize)
    }

    /// A synset by name, with or without `&` and a trailing `_`.
    pub fn synset_named(&self, name: &str) -> Option<SynsetId> {
        let name = name.trim_start_matches('&').trim_end_matches('_');
        self.synset_by_name
            .get(normalize_word(name).as_ref())
            .copied()
    }

    /// The code of a verb used alone: its own code, else its block's.
    pub fn code_of(&self, id: VerbId) -> Option<&VerbCode> {
        let v = self.verb(id)?;
        v.code
            .as_ref()
            .or_else(|| self.block(v.block).map(|b| &b.code))
    }

    /// The patterns that apply to a verb (its block's), in file order.
    pub fn patterns_of(&self, id: VerbId) -> impl Iterator<Item = &VerbPattern> + '_ {
        let ids: &[PatternId] = self
            .verb(id)
            .and_then(|v| self.block(v.block))
            .map(|b| b.patterns.as_slice())
            .unwrap_or(&[]);
        ids.iter().filter_map(|p| self.pattern(*p))
    }

    /// Whether `words[start..]` begins with one of the synset's phrases; returns the length of
    /// the longest such phrase.
    pub fn synset_match_len<S: AsRef<str>>(
        &self,
        id: SynsetId,
        words: &[S],
        start: usize,
    ) -> Option<usize> {
        let s = self.synset(id)?;
        let rest = words.get(start..)?;
        s.phrases
            .iter()
            .filter(|p| {
                !p.words.is_empty()
                    && p.words.len() <= rest.len()
                    && p.words
                        .iter()
                        .zip(rest)
                        .all(|(w, r)| w.as_str() == normalize_word(r.as_ref()).as_ref())
            })
            .map(|p| p.words.len())
            .max()
    }
}

// ---------------------------------------------------------------------------------------------
// Discards
// ---------------------------------------------------------------------------------------------

/// The discard phrases, compiled into one multi-pattern automaton over sentence text.
#[derive(Debug, Clone)]
pub struct DiscardList {
    pub entries: Vec<DiscardEntry>,
    automaton: Option<AhoCorasick>,
}

impl Default for DiscardList {
    fn default() -> Self {
        DiscardList::from_entries(Vec::new())
    }
}

/// A discard phrase found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DiscardHit {
    /// Index into [`DiscardList::entries`].
    pub entry: usize,
    /// Byte offsets of the match in the text given.
    pub start: usize,
    pub end: usize,
}

impl DiscardList {
    pub fn from_entries(entries: Vec<DiscardEntry>) -> Self {
        let automaton = build_automaton(entries.iter().map(|e| e.text.as_str()));
        DiscardList { entries, automaton }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Every discard phrase in `text` (case-insensitive), in text order. A phrase must start the
    /// text or follow a blank (PETRARCH prefixes it with `' '`); one written with a trailing `_`
    /// must also end at a blank, punctuation or the end of the text, otherwise it is a stem.
    /// `text` may be the sentence as written or its words joined by blanks.
    pub fn find(&self, text: &str) -> Vec<DiscardHit> {
        let Some(ac) = &self.automaton else {
            return Vec::new();
        };
        let upper = text.to_ascii_uppercase();
        let bytes = upper.as_bytes();
        let mut hits = Vec::new();
        for m in ac.find_overlapping_iter(&upper) {
            let Some(entry) = self.entries.get(m.pattern().as_usize()) else {
                continue;
            };
            if !starts_word(bytes, m.start()) {
                continue;
            }
            if entry.whole_word && !ends_word(bytes, m.end()) {
                continue;
            }
            hits.push(DiscardHit {
                entry: m.pattern().as_usize(),
                start: m.start(),
                end: m.end(),
            });
        }
        hits
    }

    /// The first discard phrase in `text`, if any (see [`find`](Self::find)).
    pub fn first(&self, text: &str) -> Option<(&DiscardEntry, DiscardHit)> {
        let hit = self.find(text).into_iter().next()?;
        Some((self.entries.get(hit.entry)?, hit))
    }
}

fn build_automaton<'a>(patterns: impl Iterator<Item = &'a str>) -> Option<AhoCorasick> {
    let patterns: Vec<&str> = patterns.collect();
    if patterns.is_empty() {
        return None;
    }
    // Overlapping search needs the standard match kind. Patterns are upper-case and `find`
    // upper-cases the text (ASCII only, so byte offsets are kept): an ASCII-case-insensitive
    // automaton would be about twice as large and slower to build. An automaton that fails to
    // build (it cannot for a few thousand short patterns) leaves the list empty rather than
    // panicking.
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::Standard)
        .build(patterns)
        .ok()
}

fn starts_word(text: &[u8], start: usize) -> bool {
    start == 0 || text.get(start - 1).is_some_and(|b| b.is_ascii_whitespace())
}

fn ends_word(text: &[u8], end: usize) -> bool {
    match text.get(end) {
        None => true,
        Some(b) => b.is_ascii_whitespace() || b.is_ascii_punctuation(),
    }
}

// ---------------------------------------------------------------------------------------------
// Issues
// ---------------------------------------------------------------------------------------------

/// The issue phrases and categories, compiled into one automaton over all expanded forms.
#[derive(Debug, Clone)]
pub struct IssueList {
    pub categories: Vec<IssueCategory>,
    pub phrases: Vec<IssuePhrase>,
    automaton: Option<AhoCorasick>,
    /// For each automaton pattern, the phrase it came from.
    pattern_phrase: Vec<u32>,
}

impl Default for IssueList {
    fn default() -> Self {
        IssueList::from_entries(Vec::new(), Vec::new())
    }
}

/// The issues of one text: codes with counts, and whether an ignore phrase cancelled them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct IssueMatches {
    /// `(code, number of matched phrases)`, sorted by code.
    pub counts: Vec<(String, usize)>,
    /// Indices into [`IssueList::phrases`] of every phrase that matched, in text order.
    pub phrases: Vec<usize>,
    /// An ignore phrase (`~…` or `~~…`) matched: PETRARCH then codes no issue for the sentence,
    /// so `counts` is empty.
    pub ignored: bool,
}

impl IssueList {
    pub fn from_entries(categories: Vec<IssueCategory>, phrases: Vec<IssuePhrase>) -> Self {
        let mut pattern_phrase = Vec::new();
        let mut texts = Vec::new();
        for (i, p) in phrases.iter().enumerate() {
            for f in &p.forms {
                texts.push(f.as_str());
                pattern_phrase.push(i as u32);
            }
        }
        let automaton = build_automaton(texts.into_iter());
        IssueList {
            categories,
            phrases,
            automaton,
            pattern_phrase,
        }
    }

    pub fn len(&self) -> usize {
        self.phrases.len()
    }

    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// Number of expanded forms compiled.
    pub fn form_count(&self) -> usize {
        self.pattern_phrase.len()
    }

    /// The issues of `text`. As PETRARCH pads both the text and each phrase with a blank, a
    /// phrase matches only whole words: it must start the text or follow a blank, and end it or
    /// precede a blank or punctuation.
    pub fn find(&self, text: &str) -> IssueMatches {
        let mut out = IssueMatches::default();
        let Some(ac) = &self.automaton else {
            return out;
        };
        let upper = text.to_ascii_uppercase();
        let bytes = upper.as_bytes();
        let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
        let mut seen: Vec<(usize, usize)> = Vec::new();
        for m in ac.find_overlapping_iter(&upper) {
            if !starts_word(bytes, m.start()) || !ends_word(bytes, m.end()) {
                continue;
            }
            let Some(&pi) = self.pattern_phrase.get(m.pattern().as_usize()) else {
                continue;
            };
            let pi = pi as usize;
            // Two forms of one phrase at the same place count once.
            if seen.contains(&(pi, m.start())) {
                continue;
            }
            seen.push((pi, m.start()));
            let Some(phrase) = self.phrases.get(pi) else {
                continue;
            };
            out.phrases.push(pi);
            if phrase.ignore.is_some() {
                out.ignored = true;
            } else if let Some(code) = &phrase.code {
                *counts.entry(code.as_str()).or_default() += 1;
            }
        }
        if !out.ignored {
            out.counts = counts
                .into_iter()
                .map(|(c, n)| (c.to_string(), n))
                .collect();
        }
        out
    }
}
