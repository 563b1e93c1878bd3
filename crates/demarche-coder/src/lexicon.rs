//! The coder's compiled view of a [`Dictionaries`] set: every word interned to a `u32`, actor and
//! agent names in word-id tries, verb forms indexed by the verb word's id, patterns compiled to
//! element lists and sorted most specific first.
//!
//! Built once per dictionary set (a few milliseconds for the Phoenix set) and then only read, so
//! the per-sentence work compares integers instead of strings.

use demarche_dict::{
    ActorId, AgentId, Dictionaries, PatternItem, PatternToken, VerbCode, VerbFormRef, VerbPattern,
};
use demarche_text::english::{self, Aux, Prep};
use rustc_hash::FxHashMap;

/// An interned upper-case word. [`UNKNOWN`] is any word no dictionary mentions.
pub type WordId = u32;
pub const UNKNOWN: WordId = u32::MAX;

/// Upper-case words to ids.
#[derive(Debug, Default)]
pub struct Interner {
    ids: FxHashMap<Box<str>, WordId>,
}

impl Interner {
    fn intern(&mut self, word: &str) -> WordId {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = self.ids.len() as WordId;
        self.ids.insert(word.into(), id);
        id
    }

    /// The id of an already upper-cased word, [`UNKNOWN`] when no dictionary uses it.
    pub fn get(&self, upper: &str) -> WordId {
        self.ids.get(upper).copied().unwrap_or(UNKNOWN)
    }
}

/// The `be` forms the coder's passive test reads (upper case, from `demarche_text::english`):
/// the full forms only, since a contracted `'s` is also a possessive.
pub fn be_forms() -> Vec<String> {
    english::get()
        .aux_forms(Aux::Be)
        .filter(|w| !w.starts_with('\''))
        .map(str::to_ascii_uppercase)
        .collect()
}

/// A name's words as the sentence tokenizer splits them: "PEOPLE'S" is "PEOPLE" and "'S"
/// ("People's Liberation Army", "People's Republic of China").
fn split_possessives(words: &[String]) -> impl Iterator<Item = &str> {
    words.iter().flat_map(|w| {
        let stem = w
            .strip_suffix("'S")
            .or_else(|| w.strip_suffix("\u{2019}S"))
            .filter(|s| !s.is_empty());
        match stem {
            Some(s) => [Some(s), Some("'S")],
            None => [Some(w.as_str()), None],
        }
        .into_iter()
        .flatten()
    })
}

/// The prepositions that name the agent of a passive (upper case, from
/// `demarche_text::english`).
pub fn agent_prepositions() -> Vec<String> {
    english::get()
        .preps(Prep::Agent)
        .map(str::to_ascii_uppercase)
        .collect()
}

/// A word-id trie whose terminal nodes carry a value; used for actor and agent names.
#[derive(Debug)]
pub struct Trie<V: Copy> {
    edges: FxHashMap<(u32, WordId), u32>,
    values: Vec<Option<V>>,
}

impl<V: Copy> Default for Trie<V> {
    fn default() -> Self {
        Trie {
            edges: FxHashMap::default(),
            values: vec![None],
        }
    }
}

impl<V: Copy> Trie<V> {
    /// Inserts `words`; an existing value is kept (earlier entries win, as in PETRARCH's files).
    fn insert(&mut self, words: &[WordId], value: V) {
        if words.is_empty() {
            return;
        }
        let mut node = 0u32;
        for &w in words {
            let next = self.values.len() as u32;
            node = *self.edges.entry((node, w)).or_insert_with(|| next);
            if node == next {
                self.values.push(None);
            }
        }
        if let Some(slot) = self.values.get_mut(node as usize)
            && slot.is_none()
        {
            *slot = Some(value);
        }
    }

    /// The longest entry starting at `words[start]`: (value, number of words).
    pub fn longest_at(&self, words: &[WordId], start: usize) -> Option<(V, usize)> {
        let mut node = 0u32;
        let mut best = None;
        for (i, &w) in words.get(start..)?.iter().enumerate() {
            if w == UNKNOWN {
                break;
            }
            match self.edges.get(&(node, w)) {
                Some(&n) => node = n,
                None => break,
            }
            if let Some(Some(v)) = self.values.get(node as usize) {
                best = Some((*v, i + 1));
            }
        }
        best
    }
}

/// One element of a compiled pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Elem {
    Word(WordId),
    /// The preposition of a pattern's `(prep)`, `(prep +)` or `(prep $)` phrase: the word, but
    /// not an infinitive's `to`.
    Prep(WordId),
    /// Index into [`Lexicon::synsets`].
    Synset(u32),
    Source,
    Target,
    Compound,
    Skip,
}

/// A pattern element and whether it must be adjacent to the element matched before it
/// (the one nearer the verb).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    pub elem: Elem,
    pub closed: bool,
}

/// A compiled verb pattern: `upper` runs from the verb backwards, `lower` from the verb forwards.
#[derive(Debug, Clone)]
pub struct CompiledPattern {
    pub upper: Vec<Step>,
    pub lower: Vec<Step>,
    /// Every literal word of the pattern, sorted: a sentence lacking one cannot match, which
    /// rules out most patterns with a few binary searches.
    pub words: Vec<WordId>,
    pub code: VerbCode,
    /// Index into `VerbDictionary::patterns`, for evidence.
    pub pattern: u32,
}

/// A verb form as the coder looks it up: the verb word plus the words that must stand right
/// before and after it (multi-word verbs).
#[derive(Debug, Clone)]
pub struct CompiledForm {
    pub form: VerbFormRef,
    pub before: Vec<WordId>,
    pub after: Vec<WordId>,
    pub block: u32,
}

/// A synset's phrases as word ids, indexed by their first word (for matching forwards) and by
/// their last word (backwards), so a position is tested against only the phrases that can
/// start there.
#[derive(Debug, Default, Clone)]
pub struct CompiledSynset {
    pub phrases: Vec<Vec<WordId>>,
    pub by_first: FxHashMap<WordId, Vec<u32>>,
    pub by_last: FxHashMap<WordId, Vec<u32>>,
}

impl CompiledSynset {
    /// The phrases whose first (or, `backwards`, last) word is `w`.
    pub fn starting_with(&self, w: WordId, backwards: bool) -> impl Iterator<Item = &[WordId]> {
        let index = if backwards {
            &self.by_last
        } else {
            &self.by_first
        };
        index
            .get(&w)
            .into_iter()
            .flatten()
            .filter_map(|&i| self.phrases.get(i as usize).map(Vec::as_slice))
    }
}

/// An actor name whose words may have other words between them: its words and its
/// (actor, phrase index).
pub type GappedName = (Vec<WordId>, (ActorId, u32));

/// Everything the coder needs, in id form.
#[derive(Debug, Default)]
pub struct Lexicon {
    pub words: Interner,
    pub actors: Trie<(ActorId, u32)>,
    /// Actor names written with blanks (`ITHILEN TELEVISION`), which the PETRARCH documentation
    /// lets match with other words in between, by first word.
    pub gapped_actors: FxHashMap<WordId, Vec<GappedName>>,
    pub agents: Trie<(AgentId, u32)>,
    pub verb_forms: FxHashMap<WordId, Vec<CompiledForm>>,
    /// Per verb block: its patterns, most specific first.
    pub block_patterns: Vec<Vec<CompiledPattern>>,
    /// Per synset: its phrases as word ids.
    pub synsets: Vec<CompiledSynset>,
    /// Patterns that could not be compiled (an unknown synset, an alternative `|`): skipped.
    pub skipped_patterns: usize,
    /// The definite article's word ids (`english::English::definite_forms`), for actor names
    /// opened by it.
    pub definite: Vec<WordId>,
    /// Second halves of hyphenated words whose first half leads what they describe
    /// (`forms.txt` `[leader-suffix]`, upper case: "SAUDI-LED" is read as "SAUDI").
    pub leader_suffixes: Vec<String>,
}

impl Lexicon {
    /// The id of an upper-cased word; a hyphenated word no dictionary uses whose second half
    /// is a `[leader-suffix]` and whose first half is an actor's one-word name ("SAUDI-LED",
    /// not "YOUTH-LED") is its first half's.
    pub fn word(&self, upper: &str) -> WordId {
        match self.words.get(upper) {
            UNKNOWN => upper
                .rsplit_once('-')
                .filter(|(head, tail)| {
                    !head.is_empty() && self.leader_suffixes.iter().any(|s| s == tail)
                })
                .map(|(head, _)| self.words.get(head))
                .filter(|&h| self.actors.longest_at(&[h], 0).is_some())
                .unwrap_or(UNKNOWN),
            id => id,
        }
    }

    /// A blank-separated actor name starting at `words[start]` with other words allowed in
    /// between: (actor, words spanned).
    pub fn gapped_actor_at(
        &self,
        words: &[WordId],
        start: usize,
    ) -> Option<((ActorId, u32), usize)> {
        let first = *words.get(start)?;
        let cands = self.gapped_actors.get(&first)?;
        let mut best: Option<((ActorId, u32), usize)> = None;
        for (phrase, value) in cands {
            let mut pos = start;
            let mut ok = true;
            for w in phrase.iter().skip(1) {
                match words
                    .get(pos + 1..)
                    .and_then(|rest| rest.iter().position(|x| x == w))
                {
                    Some(k) => pos += 1 + k,
                    None => {
                        ok = false;
                        break;
                    }
                }
            }
            let span = pos + 1 - start;
            if ok && best.is_none_or(|(_, b)| span > b) {
                best = Some((*value, span));
            }
        }
        best
    }

    pub fn build(d: &Dictionaries) -> Lexicon {
        let mut lx = Lexicon::default();
        // Words the coder itself tests for (passive voice), whether or not a dictionary uses them.
        for w in be_forms().iter().chain(&agent_prepositions()) {
            lx.words.intern(w);
        }
        lx.definite = english::get()
            .definite_forms()
            .iter()
            .map(|w| lx.words.intern(&w.to_ascii_uppercase()))
            .collect();
        lx.leader_suffixes = english::get()
            .forms("leader-suffix")
            .iter()
            .map(|w| w.to_ascii_uppercase())
            .collect();
        for (i, e) in d.actors.entries.iter().enumerate() {
            for (j, p) in e.phrases.iter().enumerate() {
                let ids: Vec<WordId> = split_possessives(&p.phrase.words)
                    .map(|w| lx.words.intern(w))
                    .collect();
                lx.actors.insert(&ids, (ActorId(i as u32), j as u32));
                if ids.len() > 1
                    && p.phrase.gap_allowed.iter().any(|g| *g)
                    && let Some((&first, _)) = ids.split_first()
                {
                    lx.gapped_actors
                        .entry(first)
                        .or_default()
                        .push((ids.clone(), (ActorId(i as u32), j as u32)));
                }
            }
        }
        for (i, e) in d.agents.entries.iter().enumerate() {
            for (j, f) in e.forms.iter().enumerate() {
                let ids: Vec<WordId> = split_possessives(&f.words)
                    .map(|w| lx.words.intern(w))
                    .collect();
                lx.agents.insert(&ids, (AgentId(i as u32), j as u32));
            }
        }
        for s in &d.verbs.synsets {
            let mut cs = CompiledSynset::default();
            for p in &s.phrases {
                let ids: Vec<WordId> = p.words.iter().map(|w| lx.words.intern(w)).collect();
                let (Some(&first), Some(&last)) = (ids.first(), ids.last()) else {
                    continue;
                };
                let i = cs.phrases.len() as u32;
                cs.by_first.entry(first).or_default().push(i);
                cs.by_last.entry(last).or_default().push(i);
                cs.phrases.push(ids);
            }
            lx.synsets.push(cs);
        }
        for (vi, v) in d.verbs.verbs.iter().enumerate() {
            for (fi, f) in v.forms.iter().enumerate() {
                let verb = lx.words.intern(f.verb());
                let before = f.before().iter().map(|w| lx.words.intern(w)).collect();
                let after = f.after().iter().map(|w| lx.words.intern(w)).collect();
                let cf = CompiledForm {
                    form: VerbFormRef {
                        verb: demarche_dict::VerbId(vi as u32),
                        form: fi,
                    },
                    before,
                    after,
                    block: v.block.0,
                };
                lx.verb_forms.entry(verb).or_default().push(cf);
            }
        }
        // Longer multi-word forms first, so `CORDONED OFF` wins over a plain `CORDONED`.
        for forms in lx.verb_forms.values_mut() {
            forms.sort_by_key(|f| std::cmp::Reverse(f.before.len() + f.after.len()));
        }
        lx.block_patterns = vec![Vec::new(); d.verbs.blocks.len()];
        for (pi, p) in d.verbs.patterns.iter().enumerate() {
            match lx.compile_pattern(p, pi as u32) {
                Some(cp) => {
                    if let Some(list) = lx.block_patterns.get_mut(p.block.0 as usize) {
                        list.push(cp);
                    }
                }
                None => lx.skipped_patterns += 1,
            }
        }
        // Most specific first: PETRARCH tries longer patterns before shorter ones. The sort is
        // stable, so equally long patterns keep file order.
        for list in &mut lx.block_patterns {
            list.sort_by_key(|p| std::cmp::Reverse(p.upper.len() + p.lower.len()));
        }
        lx
    }

    fn compile_pattern(&mut self, p: &VerbPattern, index: u32) -> Option<CompiledPattern> {
        // `[+++]` marks a pattern for TABARI's complex coding, which PETRARCH does not do.
        if p.code.to_string().contains("+++") {
            return None;
        }
        // `joined` on a token ties it to the token before it in text order.
        let mut before: Vec<Step> = Vec::new();
        self.flatten(p.before(), &mut before)?;
        let mut after: Vec<Step> = Vec::new();
        self.flatten(p.after(), &mut after)?;
        // Upper steps run from the verb backwards: a step is closed when the token after it in
        // text order (nearer the verb) was joined to it.
        let verb_joined_to_prev = p
            .tokens
            .get(p.verb_index)
            .map(|t| t.joined)
            .unwrap_or(false);
        let n = before.len();
        let mut upper = Vec::with_capacity(n);
        for i in (0..n).rev() {
            let closed = if i + 1 == n {
                verb_joined_to_prev
            } else {
                before.get(i + 1).is_some_and(|s| s.closed)
            };
            if let Some(s) = before.get(i) {
                upper.push(Step {
                    elem: s.elem,
                    closed,
                });
            }
        }
        let mut words: Vec<WordId> = upper
            .iter()
            .chain(after.iter())
            .filter_map(|s| match s.elem {
                Elem::Word(w) | Elem::Prep(w) => Some(w),
                _ => None,
            })
            .collect();
        words.sort_unstable();
        words.dedup();
        Some(CompiledPattern {
            upper,
            words,
            lower: after,
            code: p.code.clone(),
            pattern: index,
        })
    }

    /// Flattens pattern tokens (PETRARCH-2 phrase groups become their words, open) into steps
    /// whose `closed` flag means "joined to the previous token in text order".
    fn flatten(&mut self, tokens: &[PatternToken], out: &mut Vec<Step>) -> Option<()> {
        for t in tokens {
            let start = out.len();
            self.flatten_item(&t.item, out)?;
            if let Some(first) = out.get_mut(start) {
                first.closed = t.joined;
            }
        }
        Some(())
    }

    fn flatten_item(&mut self, item: &PatternItem, out: &mut Vec<Step>) -> Option<()> {
        let open = |elem| Step {
            elem,
            closed: false,
        };
        match item {
            PatternItem::Verb => {}
            PatternItem::Word(w) => {
                let id = self.words.intern(w);
                out.push(open(Elem::Word(id)));
            }
            PatternItem::Synset(s) => out.push(open(Elem::Synset(s.0))),
            PatternItem::Source => out.push(open(Elem::Source)),
            PatternItem::Target => out.push(open(Elem::Target)),
            PatternItem::Compound => out.push(open(Elem::Compound)),
            PatternItem::Skip => out.push(open(Elem::Skip)),
            PatternItem::NounPhrase(items) => {
                for i in items {
                    self.flatten_item(i, out)?;
                }
            }
            PatternItem::PrepPhrase {
                preposition,
                object,
            } => {
                // "(to)", "(to +)": a preposition, never an infinitive's `to`; "(to negotiate)"
                // spells the infinitive out and matches it.
                let bare = object.iter().all(|i| {
                    matches!(
                        i,
                        PatternItem::Source | PatternItem::Target | PatternItem::Compound
                    )
                });
                match preposition.as_ref() {
                    PatternItem::Word(w) if bare => {
                        let id = self.words.intern(w);
                        out.push(open(Elem::Prep(id)));
                    }
                    other => self.flatten_item(other, out)?,
                }
                for i in object {
                    self.flatten_item(i, out)?;
                }
            }
        }
        Some(())
    }
}
