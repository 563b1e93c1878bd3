//! The coding pipeline for one sentence: tree → leaves and phrase ranges → comma-clause deletion
//! → noun phrases coded as actors (with agents and compounds) → verbs, patterns, source and
//! target → events.
//!
//! The sentence is seen two ways at once, as PETRARCH-1 does: as a tree (to find noun phrases,
//! verb phrases and clause boundaries) and as a flat sequence of words with noun-phrase markers
//! (to match the TABARI-style patterns, which are word sequences around the verb).

use crate::lexicon::{CompiledPattern, Elem, Lexicon, Step, UNKNOWN, WordId};
use crate::{Options, Rejection};
use demarche_dict::{ActorId, AgentId, AgentPlacement, Dictionaries, DiscardScope, VerbCode};
use demarche_model::{Date, NodeId, RuleRef, Span, Tree};

/// One event found in a sentence, with its evidence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodedEvent {
    pub source: String,
    pub target: String,
    pub code: String,
    pub source_span: Option<Span>,
    pub target_span: Option<Span>,
    pub verb_span: Option<Span>,
    /// Dictionary entries that fired: the verb, the pattern (if any), actors and agents.
    pub rules: Vec<RuleRef>,
}

/// The result of coding one sentence.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Coded {
    pub events: Vec<CodedEvent>,
    /// Set when the sentence (or its story) is not coded at all.
    pub rejected: Option<Rejection>,
    /// Filled when [`Options::trace`] is on.
    pub trace: Option<Trace>,
}

/// What the coder saw and decided, for `demarche explain`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Trace {
    /// Noun phrases treated as actors, with their codes (`---` for none).
    pub actors: Vec<TraceActor>,
    /// Every dictionary verb found, with the pattern that fired.
    pub verbs: Vec<TraceVerb>,
    /// Byte spans of words removed as comma-delimited clauses.
    pub deleted: Vec<Span>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TraceActor {
    pub span: Option<Span>,
    pub codes: Vec<String>,
    pub rules: Vec<RuleRef>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TraceVerb {
    pub span: Option<Span>,
    pub verb: String,
    pub block: String,
    /// The pattern that fired: its location and its text form.
    pub pattern: Option<(RuleRef, String)>,
    /// Patterns of the block that were tried.
    pub candidates: usize,
    pub code: String,
    pub source: Option<Vec<String>>,
    pub target: Option<Vec<String>>,
    pub passive: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    Verb,
    Punct,
    Comma,
    Possessive,
    Conj,
    Adverb,
    /// A personal pronoun (`PRP`): never an actor name ("us" is not the USA).
    Pronoun,
    Other,
}

fn classify_tag(tag: &str) -> Tag {
    let b = tag.as_bytes();
    match b {
        b"," => Tag::Comma,
        b"POS" => Tag::Possessive,
        b"CC" => Tag::Conj,
        b"PRP" => Tag::Pronoun,
        _ if b.starts_with(b"VB") => Tag::Verb,
        _ if b.starts_with(b"RB") => Tag::Adverb,
        _ if b.iter().all(|c| !c.is_ascii_alphabetic()) => Tag::Punct,
        b"-LRB-" | b"-RRB-" | b"HYPH" | b"NFP" => Tag::Punct,
        _ => Tag::Other,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phrase {
    Np,
    Vp,
    Pp,
    Clause,
    Mod,
    Other,
}

fn classify_label(label: &str) -> Phrase {
    let base = label.split(['-', '=']).next().unwrap_or(label);
    match base {
        "NP" if label.contains("TMP") => Phrase::Other,
        "NP" | "NML" | "NX" => Phrase::Np,
        "VP" => Phrase::Vp,
        "PP" => Phrase::Pp,
        "S" | "SBAR" | "SINV" | "SQ" | "SBARQ" => Phrase::Clause,
        "ADJP" | "QP" | "ADVP" => Phrase::Mod,
        _ => Phrase::Other,
    }
}

/// A flat-sequence item: a word (leaf index) or a noun-phrase boundary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Item {
    Word(u32),
    NeStart(u32),
    NeEnd(u32),
}

/// A noun phrase treated as an actor mention.
#[derive(Debug, Clone)]
struct Ne {
    node: NodeId,
    /// Leaf range.
    lo: u32,
    hi: u32,
    codes: Vec<String>,
    /// Per code: the words and entries it came from.
    members: Vec<Member>,
    rules: Vec<RuleKey>,
    /// 2: a dictionary actor or agent; 1: only a new actor named by its text; 0: null.
    level: u8,
}

/// Evidence for one code of a noun phrase.
#[derive(Debug, Clone, Default)]
struct Member {
    span: Option<Span>,
    rules: Vec<RuleKey>,
}

/// A dictionary entry, by kind and index: cheap to copy while coding, turned into a
/// [`RuleRef`] (file and line) only for the events that are emitted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum RuleKey {
    Actor(u32),
    Agent(u32),
    Verb(u32),
    Pattern(u32),
}

#[derive(Debug, Clone, Copy)]
enum HitKind {
    Actor(ActorId),
    Agent(AgentId),
}

#[derive(Debug, Clone, Copy)]
struct Hit {
    kind: HitKind,
    lo: u32,
}

/// An actor phrase, possibly one part of a compound: its actor and agents.
#[derive(Debug, Clone, Default)]
struct Unit {
    actor: Option<ActorId>,
    agents: Vec<AgentId>,
    lo: u32,
    hi: u32,
}

/// Arrays of [`Sent`] kept between sentences so that coding a sentence allocates little.
#[derive(Debug, Default)]
struct Buffers {
    leaf_node: Vec<NodeId>,
    words: Vec<WordId>,
    tags: Vec<Tag>,
    leaf_index: Vec<u32>,
    lo: Vec<u32>,
    hi: Vec<u32>,
    kind: Vec<Phrase>,
    closes: Vec<bool>,
    stop: Vec<u32>,
    deleted: Vec<bool>,
    ne_of: Vec<u32>,
    items: Vec<Item>,
    leaf_item: Vec<u32>,
    present: Vec<WordId>,
}

impl Buffers {
    fn reclaim(&mut self, s: Sent<'_>) {
        self.leaf_node = s.leaf_node;
        self.words = s.words;
        self.tags = s.tags;
        self.lo = s.lo;
        self.hi = s.hi;
        self.kind = s.kind;
        self.stop = s.stop;
        self.deleted = s.deleted;
        self.ne_of = s.ne_of;
        self.items = s.items;
        self.leaf_item = s.leaf_item;
        self.present = s.present;
    }
}

thread_local! {
    static BUFFERS: std::cell::RefCell<Buffers> = std::cell::RefCell::new(Buffers::default());
}

/// The per-sentence working state.
struct Sent<'t> {
    tree: &'t Tree,
    /// Leaf index → node.
    leaf_node: Vec<NodeId>,
    words: Vec<WordId>,
    tags: Vec<Tag>,
    deleted: Vec<bool>,
    /// Node → leaf range.
    lo: Vec<u32>,
    hi: Vec<u32>,
    kind: Vec<Phrase>,
    nes: Vec<Ne>,
    /// Leaf → NE index or u32::MAX.
    ne_of: Vec<u32>,
    /// The sentence's known words, sorted, for ruling out patterns quickly.
    present: Vec<WordId>,
    /// Noun phrases inside actor phrases: (first leaf, end leaf, NE index), in pre-order.
    inner: Vec<(u32, u32, u32)>,
    items: Vec<Item>,
    /// Leaf → index of its first item (its NE start if it opens one).
    leaf_item: Vec<u32>,
    /// Leaf → index of the first leaf after the last clause that closed at or before it.
    stop: Vec<u32>,
}

const NONE: u32 = u32::MAX;
/// How deep [`Coder::units`] follows nested noun phrases.
const MAX_NP_DEPTH: usize = 32;
/// How many noun phrases inside one actor phrase get their own codes for patterns.
const MAX_INNER: usize = 16;
/// How far [`Coder::subject_ne`] climbs looking for a subject.
const MAX_CLIMB: usize = 256;

/// The sentence coder: a compiled lexicon over one dictionary set.
#[derive(Debug)]
pub struct Coder<'d> {
    dicts: &'d Dictionaries,
    lex: Lexicon,
    be_forms: [WordId; 8],
    by: WordId,
}

impl<'d> Coder<'d> {
    /// Compiles `dicts` for coding. Cheap compared with loading the files.
    pub fn new(dicts: &'d Dictionaries) -> Self {
        let lex = Lexicon::build(dicts);
        let g = |w: &str| lex.words.get(w);
        let be_forms = [
            g("WAS"),
            g("WERE"),
            g("IS"),
            g("ARE"),
            g("BE"),
            g("BEEN"),
            g("BEING"),
            g("AM"),
        ];
        let by = g("BY");
        Coder {
            dicts,
            lex,
            be_forms,
            by,
        }
    }

    pub fn dictionaries(&self) -> &'d Dictionaries {
        self.dicts
    }

    /// Patterns the lexicon could not compile (skipped).
    pub fn skipped_patterns(&self) -> usize {
        self.lex.skipped_patterns
    }

    /// Codes one sentence. `tree` should be aligned to `text` (see `Tree::aligned_to`) for the
    /// evidence spans; coding itself uses only the tree's words.
    pub fn code(&self, tree: &Tree, text: &str, date: Date, opts: &Options) -> Coded {
        let mut out = Coded::default();
        if let Some(r) = self.reject(tree, text) {
            out.rejected = Some(r);
            return out;
        }
        if tree.is_empty() {
            return out;
        }
        // Per-sentence arrays are reused from one sentence to the next on each thread.
        let mut bufs = BUFFERS.with(|b| std::mem::take(&mut *b.borrow_mut()));
        let mut s = self.prepare(tree, &mut bufs);
        delete_comma_clauses(&mut s, opts);
        self.find_nes(&mut s, date, opts);
        build_items(&mut s);
        let mut trace = opts.trace.then(Trace::default);
        if let Some(t) = trace.as_mut() {
            for (i, d) in s.deleted.iter().enumerate() {
                if *d && let Some(sp) = s.leaf_node.get(i).and_then(|&n| tree.span(n)) {
                    t.deleted.push(sp);
                }
            }
            for ne in &s.nes {
                t.actors.push(TraceActor {
                    span: tree.span(ne.node),
                    codes: ne.codes.clone(),
                    rules: ne.rules.iter().filter_map(|k| self.rule_ref(*k)).collect(),
                });
            }
        }
        // Verb phrases in pre-order; once a verb codes an event, the verbs inside its phrase
        // are part of what it reports ("said it would attack") and are not coded again.
        let mut consumed = (0u32, 0u32);
        // With `reported_speech`, a statement verb leaves its complement to be coded and its own
        // event is dropped when the complement codes one: (events of the statement, its span).
        let mut statements: Vec<(std::ops::Range<usize>, u32, u32, usize)> = Vec::new();
        for n in 0..tree.len() {
            if s.kind.get(n) != Some(&Phrase::Vp) {
                continue;
            }
            let (lo, hi) = (s.lo[n], s.hi[n]);
            if lo >= consumed.0 && lo < consumed.1 {
                continue;
            }
            let before = out.events.len();
            if self.code_vp(&s, NodeId(n as u32), opts, &mut out.events, trace.as_mut()) {
                let statement = out
                    .events
                    .get(before..)
                    .is_some_and(|e| !e.is_empty() && e.iter().all(|e| e.code.starts_with("01")));
                if opts.reported_speech && statement {
                    statements.push((before..out.events.len(), lo, hi, n));
                } else {
                    consumed = (lo, hi);
                }
            }
        }
        if opts.reported_speech && !statements.is_empty() {
            let mut drop = vec![false; out.events.len()];
            for (range, lo, hi, vp) in &statements {
                // "Ukraine said Russian forces shelled Kharkiv": the subject of the reported
                // clause is not what the statement is addressed to, whether or not the clause
                // codes an event of its own.
                let clause_spans = tree
                    .children(NodeId(*vp as u32))
                    .iter()
                    .filter(|c| s.kind.get(c.index()) == Some(&Phrase::Clause))
                    .filter_map(|c| tree.span(*c));
                for span in clause_spans {
                    for i in range.clone() {
                        let inside = out
                            .events
                            .get(i)
                            .and_then(|e| e.target_span)
                            .is_some_and(|t| t.start >= span.start && t.end <= span.end);
                        if inside && let Some(d) = drop.get_mut(i) {
                            *d = true;
                        }
                    }
                }
                let (Some(a), Some(b)) = (
                    s.leaf_node.get(*lo as usize).and_then(|&n| tree.span(n)),
                    s.leaf_node
                        .get(*hi as usize - 1)
                        .and_then(|&n| tree.span(n)),
                ) else {
                    continue;
                };
                let inner = out.events.iter().enumerate().any(|(i, e)| {
                    !range.contains(&i)
                        && e.verb_span
                            .is_some_and(|v| v.start >= a.start && v.end <= b.end)
                });
                if inner {
                    for i in range.clone() {
                        if let Some(d) = drop.get_mut(i) {
                            *d = true;
                        }
                    }
                }
            }
            let mut k = drop.iter();
            out.events.retain(|_| !k.next().copied().unwrap_or(false));
        }
        out.trace = trace;
        bufs.reclaim(s);
        BUFFERS.with(|b| *b.borrow_mut() = bufs);
        out
    }

    fn reject(&self, tree: &Tree, text: &str) -> Option<Rejection> {
        if let Some((entry, _)) = self.dicts.discards.first(text) {
            let rule = entry.origin.rule_ref();
            return Some(match entry.scope {
                DiscardScope::Story => Rejection::StoryDiscard {
                    phrase: entry.text.clone(),
                    rule,
                },
                DiscardScope::Sentence => Rejection::SentenceDiscard {
                    phrase: entry.text.clone(),
                    rule,
                },
            });
        }
        // A dateline ("CEBU CITY: --") is a run of upper-case words ending in `:` or `--` at the
        // start of the sentence: the sentence is a news-wire header, not a statement.
        for (n, leaf) in tree.leaves().take(8).enumerate() {
            let w = tree.word(leaf).unwrap_or("");
            if w == ":" || w == "--" {
                return (n > 0).then_some(Rejection::Dateline);
            }
            if w.chars().any(char::is_lowercase) || !w.chars().any(char::is_alphabetic) {
                return None;
            }
        }
        None
    }

    fn prepare<'t>(&self, tree: &'t Tree, bufs: &mut Buffers) -> Sent<'t> {
        let n = tree.len();
        let mut leaf_node = std::mem::take(&mut bufs.leaf_node);
        leaf_node.clear();
        let mut words = std::mem::take(&mut bufs.words);
        words.clear();
        let mut tags = std::mem::take(&mut bufs.tags);
        tags.clear();
        let mut upper = String::new();
        let mut leaf_index = std::mem::take(&mut bufs.leaf_index);
        leaf_index.clear();
        leaf_index.resize(n, NONE);
        for id in tree.nodes() {
            if let Some(w) = tree.word(id) {
                leaf_index[id.index()] = leaf_node.len() as u32;
                leaf_node.push(id);
                upper.clear();
                if w.is_ascii() {
                    upper.push_str(w);
                    upper.make_ascii_uppercase();
                } else {
                    for c in w.chars() {
                        upper.extend(c.to_uppercase());
                    }
                }
                words.push(self.lex.words.get(&upper));
                tags.push(classify_tag(tree.label(id)));
            }
        }
        let mut lo = std::mem::take(&mut bufs.lo);
        lo.clear();
        lo.resize(n, NONE);
        let mut hi = std::mem::take(&mut bufs.hi);
        hi.clear();
        hi.resize(n, 0u32);
        let mut kind = std::mem::take(&mut bufs.kind);
        kind.clear();
        kind.resize(n, Phrase::Other);
        for i in (0..n).rev() {
            let id = NodeId(i as u32);
            if tree.is_leaf(id) {
                lo[i] = leaf_index[i];
                hi[i] = leaf_index[i] + 1;
                continue;
            }
            kind[i] = classify_label(tree.label(id));
            for &c in tree.children(id) {
                let c = c.index();
                if lo[c] != NONE {
                    lo[i] = lo[i].min(lo[c]);
                    hi[i] = hi[i].max(hi[c]);
                }
            }
            if lo[i] == NONE {
                lo[i] = 0;
                hi[i] = 0;
            }
        }
        let nl = leaf_node.len();
        let mut present = std::mem::take(&mut bufs.present);
        present.clear();
        present.extend(words.iter().copied().filter(|&w| w != UNKNOWN));
        present.sort_unstable();
        present.dedup();
        // stop[v]: where a verb's upper sequence ends, going backwards: just after the last
        // clause that closed before the verb.
        let mut closes = std::mem::take(&mut bufs.closes);
        closes.clear();
        closes.resize(nl + 1, false);
        for i in 0..n {
            if kind[i] == Phrase::Clause && hi[i] > lo[i] {
                closes[hi[i] as usize] = true;
            }
        }
        let mut stop = std::mem::take(&mut bufs.stop);
        stop.clear();
        stop.resize(nl + 1, 0u32);
        let mut last = 0u32;
        for (v, c) in closes.iter().enumerate() {
            if *c {
                last = v as u32;
            }
            stop[v] = last;
        }
        bufs.leaf_index = leaf_index;
        bufs.closes = closes;
        Sent {
            tree,
            leaf_node,
            words,
            tags,
            deleted: {
                let mut v = std::mem::take(&mut bufs.deleted);
                v.clear();
                v.resize(nl, false);
                v
            },
            lo,
            hi,
            kind,
            nes: Vec::new(),
            ne_of: {
                let mut v = std::mem::take(&mut bufs.ne_of);
                v.clear();
                v.resize(nl, NONE);
                v
            },
            present,
            inner: Vec::new(),
            items: {
                let mut v = std::mem::take(&mut bufs.items);
                v.clear();
                v
            },
            leaf_item: {
                let mut v = std::mem::take(&mut bufs.leaf_item);
                v.clear();
                v
            },
            stop,
        }
    }

    // -----------------------------------------------------------------------------------------
    // Noun phrases
    // -----------------------------------------------------------------------------------------

    fn find_nes(&self, s: &mut Sent<'_>, date: Date, opts: &Options) {
        let tree = s.tree;
        let n = tree.len();
        // flat[i]: an NP that is only words, nested flat NPs, modifiers and of/in/from phrases.
        let mut flat = vec![false; n];
        for i in (0..n).rev() {
            if s.kind[i] != Phrase::Np {
                continue;
            }
            let id = NodeId(i as u32);
            flat[i] = tree.children(id).iter().all(|&c| {
                let ci = c.index();
                if tree.is_leaf(c) {
                    return true;
                }
                match s.kind[ci] {
                    Phrase::Np => flat[ci],
                    Phrase::Mod => tree.children(c).iter().all(|&g| tree.is_leaf(g)),
                    Phrase::Pp => self.is_merge_pp(s, c, &flat),
                    _ => false,
                }
            });
        }
        let mut covered_until = 0u32;
        let mut main_hits: Vec<Hit> = Vec::new();
        let mut inner_count = 0usize;
        for i in 0..n {
            if s.kind[i] != Phrase::Np || s.hi[i] <= s.lo[i] {
                continue;
            }
            let (lo, hi) = (s.lo[i], s.hi[i]);
            let id = NodeId(i as u32);
            if lo < covered_until {
                // A noun phrase inside an actor phrase (`the parliament` in `the parliament of
                // Gondor`): patterns may name it with `^`, `$` or `+`.
                // Only the parts of `X of Y` constructions need their own codes: the head
                // noun phrase and the prepositional object.
                let in_pp_construction = tree.parent(id).is_some_and(|p| {
                    s.kind[p.index()] == Phrase::Pp
                        || (s.kind[p.index()] == Phrase::Np
                            && tree
                                .children(p)
                                .iter()
                                .any(|&c| s.kind[c.index()] == Phrase::Pp))
                });
                if in_pp_construction && inner_count < MAX_INNER && hi <= covered_until {
                    inner_count += 1;
                    let ne = self.make_ne(s, id, &main_hits, &flat, date, opts);
                    let k = s.nes.len() as u32;
                    s.nes.push(ne);
                    s.inner.push((lo, hi, k));
                }
                continue;
            }
            if !flat[i] {
                continue;
            }
            if (lo..hi).all(|l| s.deleted.get(l as usize).copied().unwrap_or(true)) {
                continue;
            }
            covered_until = hi;
            inner_count = 0;
            main_hits = self.hits(s, lo, hi);
            let ne = self.make_ne(s, id, &main_hits, &flat, date, opts);
            let ne_index = s.nes.len() as u32;
            s.nes.push(ne);
            for l in lo..hi {
                if let Some(slot) = s.ne_of.get_mut(l as usize) {
                    *slot = ne_index;
                }
            }
        }
    }

    fn make_ne(
        &self,
        s: &Sent<'_>,
        id: NodeId,
        hits: &[Hit],
        flat: &[bool],
        date: Date,
        opts: &Options,
    ) -> Ne {
        let units = self.units(s, id, hits, flat, 0);
        let (mut codes, mut members, rules) = self.unit_codes(s, &units, date, opts);
        // A compound keeps only its coded members (`The lions and Gondor` is Gondor).
        if codes.iter().any(|c| c != "---") {
            let keep: Vec<bool> = codes.iter().map(|c| c != "---").collect();
            let mut k = keep.iter();
            codes.retain(|_| k.next().copied().unwrap_or(false));
            let mut k = keep.iter();
            members.retain(|_| k.next().copied().unwrap_or(false));
        }
        let level = if codes.iter().any(|c| c != "---" && !c.starts_with('"')) {
            2
        } else if codes.iter().any(|c| c.starts_with('"')) {
            1
        } else {
            0
        };
        Ne {
            node: id,
            lo: s.lo[id.index()],
            hi: s.hi[id.index()],
            codes,
            members,
            rules,
            level,
        }
    }

    /// A PP merged into its noun phrase: `of`, `in` or `from` followed by flat noun phrases.
    fn is_merge_pp(&self, s: &Sent<'_>, pp: NodeId, flat: &[bool]) -> bool {
        let tree = s.tree;
        let children = tree.children(pp);
        let Some((&first, rest)) = children.split_first() else {
            return false;
        };
        let prep_ok = tree.word(first).is_some_and(|w| {
            w.eq_ignore_ascii_case("of")
                || w.eq_ignore_ascii_case("in")
                || w.eq_ignore_ascii_case("from")
        });
        prep_ok
            && !rest.is_empty()
            && rest
                .iter()
                .all(|&c| s.kind[c.index()] == Phrase::Np && flat[c.index()])
    }

    /// Actor and agent names in leaves `lo..hi`, left to right, longest first; an actor wins a
    /// tie with an agent.
    fn hits(&self, s: &Sent<'_>, lo: u32, hi: u32) -> Vec<Hit> {
        let mut out = Vec::new();
        let range = lo as usize..hi as usize;
        let clean = s
            .deleted
            .get(range.clone())
            .is_some_and(|d| d.iter().all(|x| !x))
            && s.tags
                .get(range.clone())
                .is_some_and(|t| !t.contains(&Tag::Pronoun));
        if clean && let Some(words) = s.words.get(range) {
            self.scan_hits(words, lo, &mut out);
            return out;
        }
        let words: Vec<WordId> = (lo..hi)
            .map(|l| {
                let l = l as usize;
                if s.deleted.get(l).copied().unwrap_or(true) || s.tags.get(l) == Some(&Tag::Pronoun)
                {
                    UNKNOWN
                } else {
                    s.words.get(l).copied().unwrap_or(UNKNOWN)
                }
            })
            .collect();
        self.scan_hits(&words, lo, &mut out);
        out
    }

    fn scan_hits(&self, words: &[WordId], lo: u32, out: &mut Vec<Hit>) {
        let mut i = 0usize;
        while i < words.len() {
            let mut actor = self.lex.actors.longest_at(words, i);
            if let Some(g) = self.lex.gapped_actor_at(words, i)
                && actor.is_none_or(|(_, len)| g.1 > len)
            {
                actor = Some(g);
            }
            let agent = self.lex.agents.longest_at(words, i);
            let (kind, len) = match (actor, agent) {
                (Some((a, la)), Some((_, lg))) if la >= lg => (HitKind::Actor(a.0), la),
                (_, Some((g, lg))) => (HitKind::Agent(g.0), lg),
                (Some((a, la)), None) => (HitKind::Actor(a.0), la),
                (None, None) => {
                    i += 1;
                    continue;
                }
            };
            out.push(Hit {
                kind,
                lo: lo + i as u32,
            });
            i += len.max(1);
        }
    }

    fn flat_unit(&self, hits: &[Hit], lo: u32, hi: u32) -> Unit {
        let mut u = Unit {
            lo,
            hi,
            ..Unit::default()
        };
        for h in hits.iter().filter(|h| h.lo >= lo && h.lo < hi) {
            match h.kind {
                HitKind::Actor(a) => {
                    if u.actor.is_none() {
                        u.actor = Some(a);
                    }
                }
                HitKind::Agent(g) => {
                    if !u.agents.contains(&g) {
                        u.agents.push(g);
                    }
                }
            }
        }
        u
    }

    /// The actor units of a noun phrase: one for a simple phrase, several for a compound
    /// (`Fornost and Gondor`), with agents distributed over `X of A and B` constructions.
    fn units(
        &self,
        s: &Sent<'_>,
        node: NodeId,
        hits: &[Hit],
        flat: &[bool],
        depth: usize,
    ) -> Vec<Unit> {
        let tree = s.tree;
        let children = tree.children(node);
        let (lo, hi) = (s.lo[node.index()], s.hi[node.index()]);
        // Real noun phrases nest a few levels; a pathological tree is read as one flat phrase
        // rather than recursing without bound.
        if depth > MAX_NP_DEPTH {
            return vec![self.flat_unit(hits, lo, hi)];
        }
        let is_split = |c: NodeId| {
            tree.is_leaf(c)
                && matches!(
                    s.tags.get(s.lo[c.index()] as usize),
                    Some(Tag::Conj) | Some(Tag::Comma)
                )
        };
        let has_cc = children.iter().enumerate().any(|(i, &c)| {
            i > 0 && tree.is_leaf(c) && s.tags.get(s.lo[c.index()] as usize) == Some(&Tag::Conj)
        });
        if has_cc {
            let mut out: Vec<Unit> = Vec::new();
            let mut group: Vec<NodeId> = Vec::new();
            let mut leaf_level = false;
            let flush = |group: &mut Vec<NodeId>, out: &mut Vec<Unit>, leaf_level: &mut bool| {
                if group.is_empty() {
                    return;
                }
                if let [only] = group.as_slice()
                    && !tree.is_leaf(*only)
                    && s.kind[only.index()] == Phrase::Np
                {
                    out.extend(self.units(s, *only, hits, flat, depth + 1));
                    group.clear();
                    return;
                }
                if group.iter().any(|&g| tree.is_leaf(g)) {
                    *leaf_level = true;
                }
                let glo = group.iter().map(|g| s.lo[g.index()]).min().unwrap_or(lo);
                let ghi = group.iter().map(|g| s.hi[g.index()]).max().unwrap_or(hi);
                out.push(self.flat_unit(hits, glo, ghi));
                group.clear();
            };
            for &c in children {
                if is_split(c) {
                    flush(&mut group, &mut out, &mut leaf_level);
                } else {
                    group.push(c);
                }
            }
            flush(&mut group, &mut out, &mut leaf_level);
            if leaf_level {
                // `Danish media and government`: the leading actor modifies every conjunct.
                // Its modifying agents (`Danish Islamist media and government`) are carried
                // too: all of the first conjunct's agents but its head noun's (the last).
                let mut carried: Option<(ActorId, Vec<AgentId>)> = None;
                for u in &mut out {
                    match (u.actor, &carried) {
                        (Some(a), _) => {
                            let mods = u.agents.split_last().map(|(_, m)| m.to_vec());
                            carried = Some((a, mods.unwrap_or_default()));
                        }
                        (None, Some((a, mods))) if !u.agents.is_empty() => {
                            u.actor = Some(*a);
                            let mut agents = mods.clone();
                            for g in &u.agents {
                                if !agents.contains(g) {
                                    agents.push(*g);
                                }
                            }
                            u.agents = agents;
                        }
                        _ => {}
                    }
                }
            }
            if out.is_empty() {
                out.push(self.flat_unit(hits, lo, hi));
            }
            return out;
        }
        // `the ambassadors of Arnor, Osgiliath and Gondor`: head noun phrase + of/in/from phrase.
        let head = children
            .iter()
            .position(|&c| !tree.is_leaf(c) && s.kind[c.index()] == Phrase::Np);
        if let Some(hpos) = head {
            let pp = children.get(hpos + 1).copied().filter(|&c| {
                !tree.is_leaf(c) && s.kind[c.index()] == Phrase::Pp && self.is_merge_pp(s, c, flat)
            });
            if let (Some(&h), Some(pp)) = (children.get(hpos), pp) {
                let obj = tree.children(pp).get(1).copied();
                let hu = self.units(s, h, hits, flat, depth + 1);
                if hu.iter().any(|u| u.actor.is_some()) {
                    return hu;
                }
                if let Some(obj) = obj {
                    let ou = self.units(s, obj, hits, flat, depth + 1);
                    if ou.iter().any(|u| u.actor.is_some()) {
                        let heads: Vec<&Unit> =
                            hu.iter().filter(|u| !u.agents.is_empty()).collect();
                        if heads.is_empty() {
                            return ou;
                        }
                        let mut out = Vec::new();
                        for hd in &heads {
                            for o in ou.iter().filter(|o| o.actor.is_some()) {
                                let mut agents = hd.agents.clone();
                                for g in &o.agents {
                                    if !agents.contains(g) {
                                        agents.push(*g);
                                    }
                                }
                                out.push(Unit {
                                    actor: o.actor,
                                    agents,
                                    lo: o.lo,
                                    hi: o.hi,
                                });
                            }
                        }
                        return out;
                    }
                }
            }
        }
        // `Old foes Gondor and Osgiliath`, `(Eriadori and Calenardhon) leaders`: a compound
        // noun phrase inside a larger one keeps its members; agents outside it apply to all.
        let nps: Vec<NodeId> = children
            .iter()
            .copied()
            .filter(|&c| !tree.is_leaf(c) && s.kind[c.index()] == Phrase::Np)
            .collect();
        for &c in &nps {
            let cu = self.units(s, c, hits, flat, depth + 1);
            if cu
                .iter()
                .filter(|u| u.actor.is_some() || !u.agents.is_empty())
                .count()
                > 1
            {
                let (clo, chi) = (s.lo[c.index()], s.hi[c.index()]);
                let mut outside: Vec<AgentId> = Vec::new();
                let mut outside_actor = false;
                for h in hits
                    .iter()
                    .filter(|h| h.lo >= lo && h.lo < hi && (h.lo < clo || h.lo >= chi))
                {
                    match h.kind {
                        HitKind::Agent(g) => outside.push(g),
                        HitKind::Actor(_) => outside_actor = true,
                    }
                }
                if outside_actor {
                    break;
                }
                return cu
                    .into_iter()
                    .map(|mut u| {
                        for g in &outside {
                            if !u.agents.contains(g) {
                                u.agents.push(*g);
                            }
                        }
                        u
                    })
                    .collect();
            }
        }
        vec![self.flat_unit(hits, lo, hi)]
    }

    fn unit_codes(
        &self,
        s: &Sent<'_>,
        units: &[Unit],
        date: Date,
        opts: &Options,
    ) -> (Vec<String>, Vec<Member>, Vec<RuleKey>) {
        let mut codes: Vec<String> = Vec::new();
        let mut members: Vec<Member> = Vec::new();
        let mut all_rules: Vec<RuleKey> = Vec::new();
        let push = |c: String, codes: &mut Vec<String>| {
            if !codes.contains(&c) {
                codes.push(c);
            }
        };
        for u in units {
            let mut rules: Vec<RuleKey> = Vec::new();
            let agents: Vec<&demarche_dict::AgentEntry> = u
                .agents
                .iter()
                .filter_map(|g| self.dicts.agents.get(*g))
                .collect();
            for g in &u.agents {
                rules.push(RuleKey::Agent(g.0));
            }
            let actor_codes = u.actor.and_then(|a| {
                let e = self.dicts.actors.get(a)?;
                rules.push(RuleKey::Actor(a.0));
                e.codes_on(date)
            });
            match actor_codes {
                Some(ac) if !ac.is_null() => {
                    for c in &ac.codes {
                        push(combine(c, &agents), &mut codes);
                    }
                }
                Some(_) => push("---".to_string(), &mut codes),
                None if u.actor.is_some() => push("---".to_string(), &mut codes),
                None if !agents.is_empty() => push(combine("---", &agents), &mut codes),
                None => {
                    let text = new_actor_text(s, u.lo, u.hi, opts.new_actor_length);
                    push(text.unwrap_or_else(|| "---".to_string()), &mut codes);
                }
            }
            // Each code added for this unit cites the unit's words and entries.
            let span = span_of_range(s, u.lo, u.hi);
            while members.len() < codes.len() {
                members.push(Member {
                    span,
                    rules: rules.clone(),
                });
            }
            all_rules.extend(rules);
        }
        if codes.is_empty() {
            codes.push("---".to_string());
            members.push(Member::default());
        }
        (codes, members, all_rules)
    }

    // -----------------------------------------------------------------------------------------
    // Verbs
    // -----------------------------------------------------------------------------------------

    fn code_vp(
        &self,
        s: &Sent<'_>,
        vp: NodeId,
        opts: &Options,
        events: &mut Vec<CodedEvent>,
        trace: Option<&mut Trace>,
    ) -> bool {
        let tree = s.tree;
        let Some(&first) = tree.children(vp).first() else {
            return false;
        };
        if !tree.is_leaf(first) {
            return false;
        }
        let v = s.lo[first.index()] as usize;
        if s.tags.get(v) != Some(&Tag::Verb) || s.deleted.get(v).copied().unwrap_or(true) {
            return false;
        }
        let Some(&vw) = s.words.get(v) else {
            return false;
        };
        let Some(forms) = self.lex.verb_forms.get(&vw) else {
            return false;
        };
        // Forms are sorted most specific first; among equally specific ones a later definition
        // of the same verb replaces an earlier one, as it does in PETRARCH's verb table.
        let fits = |f: &&crate::lexicon::CompiledForm| {
            let nb = f.before.len();
            let na = f.after.len();
            v >= nb
                && f.before
                    .iter()
                    .enumerate()
                    .all(|(k, w)| s.words.get(v - nb + k) == Some(w))
                && f.after
                    .iter()
                    .enumerate()
                    .all(|(k, w)| s.words.get(v + 1 + k) == Some(w))
                && v + 1 + na <= s.words.len()
        };
        let form = forms.iter().filter(fits).fold(
            None,
            |best: Option<&crate::lexicon::CompiledForm>, f| match best {
                Some(b) if b.before.len() + b.after.len() > f.before.len() + f.after.len() => {
                    Some(b)
                }
                _ => Some(f),
            },
        );
        let Some(form) = form else { return false };
        let vfirst = v - form.before.len();
        let vlast = v + form.after.len();
        let vp_hi = s.hi[vp.index()] as usize;
        // Item ranges: upper = [ustart, ufirst) read backwards; lower = (vlast item, lend).
        let ustart = s
            .leaf_item
            .get(s.stop.get(vfirst).copied().unwrap_or(0) as usize)
            .copied()
            .unwrap_or(0) as usize;
        let ufirst = item_of_word(s, vfirst);
        let lstart = item_of_word(s, vlast) + 1;
        let lend = s
            .leaf_item
            .get(vp_hi)
            .copied()
            .map(|x| x as usize)
            .unwrap_or(s.items.len())
            .max(lstart);
        let upper: Vec<Item> = s
            .items
            .get(ustart..ufirst.max(ustart))
            .unwrap_or(&[])
            .iter()
            .rev()
            .copied()
            .collect();
        let lower: &[Item] = s.items.get(lstart..lend).unwrap_or(&[]);

        let verb = self.dicts.verbs.verb(form.form.verb);
        let block_patterns = self
            .lex
            .block_patterns
            .get(form.block as usize)
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        let mut fired: Option<(&CompiledPattern, Binds)> = None;
        for p in block_patterns {
            if !p.words.iter().all(|w| s.present.binary_search(w).is_ok()) {
                continue;
            }
            let mut b = Binds::default();
            if self.match_steps(s, lower, &p.lower, 0, &mut b, false)
                && self.match_steps(s, &upper, &p.upper, 0, &mut b, true)
            {
                fired = Some((p, b));
                break;
            }
        }
        let code: Option<&VerbCode> = match &fired {
            Some((p, _)) => Some(&p.code),
            None => self.dicts.verbs.code_of(form.form.verb),
        };
        let mut binds = fired.as_ref().map(|(_, b)| *b).unwrap_or_default();
        let verb_span = span_of_leaves(s, vfirst, vlast);
        let mut rules = vec![RuleKey::Verb(form.form.verb.0)];
        if let Some((p, _)) = &fired {
            rules.push(RuleKey::Pattern(p.pattern));
        }

        // Passive voice: `X was opposed by Y` codes Y → X.
        let mut passive = false;
        if fired.is_none()
            && tree.label(first) == "VBN"
            && self.is_passive(s, &upper)
            && let Some(agent) = self.by_phrase(s, lower)
        {
            passive = true;
            binds.source = Some(agent);
            binds.target = self
                .subject_ne(s, vp, Some(agent))
                .or_else(|| find_source(s, &upper, Some(agent)));
        }
        let reciprocal = binds.compound.is_some() && binds.target.is_none() && binds.compound_upper;
        if binds.compound.is_some() {
            if binds.compound_upper {
                if binds.source.is_none() {
                    binds.source = binds.compound;
                }
            } else if binds.target.is_none() {
                binds.target = binds.compound;
            }
        }
        let source = binds
            .source
            .or_else(|| self.subject_ne(s, vp, binds.target))
            .or_else(|| find_source(s, &upper, binds.target));
        let target = if reciprocal {
            source
        } else {
            binds
                .target
                .or_else(|| find_target(s, lower, &upper, source))
        };

        if let Some(t) = trace {
            let code_text = code.map(|c| c.to_string()).unwrap_or_else(|| "---".into());
            let pattern = fired.as_ref().and_then(|(p, _)| {
                let vp = self
                    .dicts
                    .verbs
                    .pattern(demarche_dict::PatternId(p.pattern))?;
                Some((vp.origin.rule_ref(), pattern_text(vp)))
            });
            t.verbs.push(TraceVerb {
                span: verb_span,
                verb: verb.map(|v| v.written.clone()).unwrap_or_default(),
                block: verb
                    .and_then(|v| self.dicts.verbs.block(v.block))
                    .map(|b| b.name.clone())
                    .unwrap_or_default(),
                pattern,
                candidates: block_patterns.len(),
                code: code_text,
                source: source
                    .and_then(|n| s.nes.get(n as usize))
                    .map(|n| n.codes.clone()),
                target: target
                    .and_then(|n| s.nes.get(n as usize))
                    .map(|n| n.codes.clone()),
                passive,
            });
        }
        let Some(code) = code else { return false };
        // "agreed to resume talks", "pledged to send aid": with `intent`, a bare intention verb
        // leaves its infinitive to be coded (as an intention, see `intent_frame`).
        if opts.intent && fired.is_none() && is_intent_verb(vw_text(s, v)) && has_infinitive(s, vp)
        {
            return false;
        }
        // Negation (an option): "did not attack" is not an attack, unless a pattern spelled the
        // negation out itself.
        if opts.negation && fired.is_none() && self.aux_before(s, vp, &NEGATIONS) {
            return false;
        }
        let future = opts.intent && (self.aux_before(s, vp, &FUTURE) || intent_frame(s, vp, 0));
        // `[025?]`: a code the dictionary marks as doubtful codes nothing.

        let fwd = usable(code.forward()).map(|c| if future { intent_code(c) } else { c });
        let rev = usable(code.reverse()).map(|c| if future { intent_code(c) } else { c });
        if fwd.is_none() && rev.is_none() {
            return false;
        }
        // "condemned the killing of a Hezbollah commander by Israel": criticism or rejection
        // of a deed is aimed at whoever did it, named by a "by" phrase (news reading only).
        let target = match fwd {
            Some(c)
                if opts.domestic()
                    && !passive
                    && fired.is_none()
                    && matches!(c.get(..2), Some("11" | "12")) =>
            {
                self.by_phrase(s, lower)
                    .filter(|&b| Some(b) != source)
                    .filter(|&b| s.nes.get(b as usize).is_some_and(has_country))
                    .or(target)
            }
            _ => target,
        };
        // Joint action of a compound subject with no coded target ("India and China agreed to
        // resolve the dispute", "Armenia and Azerbaijan signed a deal"): a cooperative act
        // (roots 03-08) done together is coded between the partners, each way.
        let target = match (source, target) {
            (Some(src), t)
                if opts.joint_subject()
                    && fwd.is_some_and(is_joint_root)
                    && t.is_none_or(|t| {
                        s.nes
                            .get(t as usize)
                            .is_none_or(|n| !has_country(n) || is_place(s, n))
                    })
                    && s.nes.get(src as usize).is_some_and(|n| {
                        n.codes.iter().filter(|c| !c.starts_with("---")).count() >= 2
                    }) =>
            {
                Some(src)
            }
            (_, t) => t,
        };
        let (Some(src), Some(tgt)) = (source, target) else {
            return false;
        };
        let (Some(sne), Some(tne)) = (s.nes.get(src as usize), s.nes.get(tgt as usize)) else {
            return false;
        };
        // An agent with no country as target ("dozens of protesters", "the government"):
        // with the option `domestic`, it takes the country of a place
        // the verb phrase names ("arrested protesters in Nairobi"), else, when the source is a
        // domestic actor (police, courts, opposition, students, workers, civilians), the
        // source's own country ("Serbian students protested against the government").
        let place = if opts.domestic() {
            place_country(s, vp, src, tgt)
        } else {
            None
        };
        let localise = |sc: &str, tc: &str| -> Option<String> {
            if !opts.domestic() || tc.len() <= 3 || !tc.starts_with("---") || sc.starts_with("---")
            {
                return None;
            }
            let agent = tc.get(3..)?;
            if let Some(p) = place {
                return Some(format!("{p}{agent}"));
            }
            let country = sc.get(..3)?;
            let domestic = ["COP", "JUD", "OPP", "EDU", "LAB", "CVL"]
                .iter()
                .any(|a| sc.get(3..).is_some_and(|r| r.starts_with(a)));
            (domestic && !matches!(country, "IGO" | "NGO" | "MNC"))
                .then(|| format!("{country}{agent}"))
        };
        let before = events.len();
        let mut emit = |a: usize, b: usize, c: &str, forward: bool| {
            let (sn, tn) = if forward { (sne, tne) } else { (tne, sne) };
            let (Some(sc), Some(tc)) = (sn.codes.get(a), tn.codes.get(b)) else {
                return;
            };
            let local = if forward { localise(sc, tc) } else { None };
            let tc = local.as_ref().unwrap_or(tc);
            if sc == tc || (opts.require_dyad && (sc == "---" || tc == "---")) {
                return;
            }
            if events
                .iter()
                .any(|e| &e.source == sc && &e.target == tc && e.code == c)
            {
                return;
            }
            let none = Member::default();
            let sm = sn.members.get(a).unwrap_or(&none);
            let tm = tn.members.get(b).unwrap_or(&none);
            let mut keys = rules.clone();
            keys.extend(sm.rules.iter().copied());
            keys.extend(tm.rules.iter().copied());
            keys.sort_unstable();
            keys.dedup();
            let mut ev_rules: Vec<RuleRef> =
                keys.iter().filter_map(|k| self.rule_ref(*k)).collect();
            ev_rules.sort();
            ev_rules.dedup();
            events.push(CodedEvent {
                source: sc.clone(),
                target: tc.clone(),
                code: c.to_string(),
                source_span: sm.span.or_else(|| tree.span(sn.node)),
                target_span: tm.span.or_else(|| tree.span(tn.node)),
                verb_span,
                rules: ev_rules,
            });
        };
        for a in 0..sne.codes.len() {
            for b in 0..tne.codes.len() {
                if let Some(f) = fwd {
                    emit(a, b, f, true);
                }
                if let Some(r) = rev {
                    emit(b, a, r, false);
                }
            }
        }
        // "Venezuela said it had arrested three Americans accused of plotting ...": a verb
        // with a reported clause that codes nothing itself (no country on one side) leaves
        // the clause to be coded, in the news reading.
        if opts.reported_speech && events.len() == before && has_finite_clause(s, vp) {
            return false;
        }
        true
    }

    /// The subject of a verb phrase, from the tree: climbing from the verb phrase, the nearest
    /// noun phrase before it in an enclosing clause (or the noun phrase a reduced relative
    /// modifies). Its first coded actor phrase is the source.
    fn subject_ne(&self, s: &Sent<'_>, vp: NodeId, exclude: Option<u32>) -> Option<u32> {
        let tree = s.tree;
        let mut child = vp;
        let mut null_subject: Option<u32> = None;
        // Clauses nest a few levels in real text; the bound keeps a pathological tree linear.
        let mut levels = 0;
        while let Some(parent) = tree.parent(child) {
            levels += 1;
            if levels > MAX_CLIMB {
                break;
            }
            let pk = s.kind[parent.index()];
            let is_s = pk == Phrase::Clause && !tree.label(parent).starts_with("SBAR");
            if is_s || pk == Phrase::Np {
                let kids = tree.children(parent);
                let pos = kids.iter().position(|&c| c == child).unwrap_or(0);
                // A clause joined to an earlier one without a subject of its own (`Gondor
                // launched X and shelling Y`) shares the earlier clause's subject.
                let shared = |c: NodeId| {
                    let sub_s = is_s
                        && !tree.is_leaf(c)
                        && s.kind[c.index()] == Phrase::Clause
                        && !tree.label(c).starts_with("SBAR");
                    if !sub_s {
                        return None;
                    }
                    tree.children(c)
                        .iter()
                        .copied()
                        .find(|&g| !tree.is_leaf(g) && s.kind[g.index()] == Phrase::Np)
                };
                for &c in kids.get(..pos).unwrap_or(&[]).iter().rev() {
                    let c = if tree.is_leaf(c) || s.kind[c.index()] != Phrase::Np {
                        match shared(c) {
                            Some(np) => np,
                            None => continue,
                        }
                    } else {
                        c
                    };
                    let (lo, hi) = (s.lo[c.index()], s.hi[c.index()]);
                    let mut nes: Vec<u32> = Vec::new();
                    for l in lo..hi {
                        let ne = s.ne_of.get(l as usize).copied().unwrap_or(NONE);
                        if ne != NONE && Some(ne) != exclude && nes.last() != Some(&ne) {
                            nes.push(ne);
                        }
                    }
                    let level = |n: u32| s.nes.get(n as usize).map_or(0, |ne| ne.level);
                    let best = nes
                        .iter()
                        .copied()
                        .find(|&n| level(n) == 2)
                        .or_else(|| nes.iter().copied().find(|&n| level(n) == 1));
                    if best.is_some() {
                        return best;
                    }
                    // An uncoded subject (`it would act`): keep looking further up, as
                    // PETRARCH takes the first coded phrase before the verb.
                    if null_subject.is_none() {
                        null_subject = nes.first().copied();
                    }
                    if !nes.is_empty() {
                        break;
                    }
                }
            }
            child = parent;
        }
        null_subject
    }

    /// Whether one of `words` stands as an auxiliary or adverb before the verb of `vp`: a leaf
    /// child of `vp` or of an enclosing verb phrase (up to three levels) before the path to the
    /// verb ("did not attack", "will visit").
    fn aux_before(&self, s: &Sent<'_>, vp: NodeId, words: &[&str]) -> bool {
        aux_before_free(s, vp, words)
    }

    fn rule_ref(&self, k: RuleKey) -> Option<RuleRef> {
        let origin = match k {
            RuleKey::Actor(i) => &self.dicts.actors.get(ActorId(i))?.origin,
            RuleKey::Agent(i) => &self.dicts.agents.get(AgentId(i))?.origin,
            RuleKey::Verb(i) => &self.dicts.verbs.verb(demarche_dict::VerbId(i))?.origin,
            RuleKey::Pattern(i) => {
                &self
                    .dicts
                    .verbs
                    .pattern(demarche_dict::PatternId(i))?
                    .origin
            }
        };
        Some(origin.rule_ref())
    }

    fn is_passive(&self, s: &Sent<'_>, upper: &[Item]) -> bool {
        for it in upper {
            if let Item::Word(l) = *it {
                let l = l as usize;
                match s.tags.get(l) {
                    Some(Tag::Adverb) => continue,
                    Some(Tag::Verb) => {
                        let w = s.words.get(l).copied().unwrap_or(UNKNOWN);
                        return w != UNKNOWN && self.be_forms.contains(&w);
                    }
                    _ => return false,
                }
            }
        }
        false
    }

    /// The noun phrase right after `BY` in the lower sequence.
    fn by_phrase(&self, s: &Sent<'_>, lower: &[Item]) -> Option<u32> {
        if self.by == UNKNOWN {
            return None;
        }
        for (i, item) in lower.iter().enumerate() {
            if let Item::Word(l) = item
                && s.words.get(*l as usize) == Some(&self.by)
            {
                return match lower.get(i + 1) {
                    Some(Item::NeStart(ne)) => Some(*ne),
                    _ => None,
                };
            }
        }
        None
    }
}

fn item_of_word(s: &Sent<'_>, leaf: usize) -> usize {
    // The Word item of a leaf: its first item, plus one when it opens a noun phrase.
    let first = s.leaf_item.get(leaf).copied().unwrap_or(0) as usize;
    match s.items.get(first) {
        Some(Item::NeStart(_)) => first + 1,
        _ => first,
    }
}

fn span_of_leaves(s: &Sent<'_>, a: usize, b: usize) -> Option<Span> {
    let sa = s.leaf_node.get(a).and_then(|&n| s.tree.span(n));
    let sb = s.leaf_node.get(b).and_then(|&n| s.tree.span(n));
    match (sa, sb) {
        (Some(x), Some(y)) => Some(x.cover(y)),
        (x, y) => x.or(y),
    }
}

/// Pattern bindings: noun phrases matched by `$`, `+` and `%`.
#[derive(Debug, Clone, Copy, Default)]
struct Binds {
    source: Option<u32>,
    target: Option<u32>,
    compound: Option<u32>,
    compound_upper: bool,
}

impl Coder<'_> {
    /// Matches `steps` against `seq` from position `pos`, with backtracking over open steps
    /// and over the noun phrases an actor element can stand for.
    /// `backwards` is true for the upper sequence (items already reversed), which flips the
    /// meaning of noun-phrase start and end markers and the order of synset phrase words.
    fn match_steps(
        &self,
        s: &Sent<'_>,
        seq: &[Item],
        steps: &[Step],
        pos: usize,
        b: &mut Binds,
        backwards: bool,
    ) -> bool {
        let Some((step, rest)) = steps.split_first() else {
            return true;
        };
        let mut q = pos;
        while q < seq.len() {
            // An open word step: jump straight to the next occurrence of the word.
            if let (Elem::Word(w), false) = (step.elem, step.closed) {
                let found = seq.get(q..).and_then(|rest| {
                    rest.iter().position(
                        |it| matches!(it, Item::Word(l) if s.words.get(*l as usize) == Some(&w)),
                    )
                });
                let Some(k) = found else {
                    return false;
                };
                if w != UNKNOWN && self.match_steps(s, seq, rest, q + k + 1, b, backwards) {
                    return true;
                }
                q += k + 1;
                continue;
            }
            match step.elem {
                Elem::Word(_) | Elem::Synset(_) => {
                    if let Some(next) =
                        self.match_words(s, seq, step.elem, q, step.closed, backwards)
                        && self.match_steps(s, seq, rest, next, b, backwards)
                    {
                        return true;
                    }
                }
                _ => {
                    for (ne, next) in self.ne_candidates(s, seq, step.elem, q, backwards) {
                        let saved = *b;
                        match step.elem {
                            Elem::Source => b.source = Some(ne),
                            Elem::Target => b.target = Some(ne),
                            Elem::Compound => {
                                b.compound = Some(ne);
                                b.compound_upper = backwards;
                            }
                            _ => {}
                        }
                        if self.match_steps(s, seq, rest, next, b, backwards) {
                            return true;
                        }
                        *b = saved;
                    }
                }
            }
            if step.closed {
                return false;
            }
            q += 1;
        }
        false
    }

    /// Tries a word or synset element at `q`; returns the position after it.
    fn match_words(
        &self,
        s: &Sent<'_>,
        seq: &[Item],
        elem: Elem,
        q: usize,
        closed: bool,
        backwards: bool,
    ) -> Option<usize> {
        match elem {
            Elem::Word(w) => {
                let q = skip_markers(seq, q, closed);
                match seq.get(q)? {
                    Item::Word(l) if s.words.get(*l as usize) == Some(&w) && w != UNKNOWN => {
                        Some(q + 1)
                    }
                    _ => None,
                }
            }
            Elem::Synset(id) => {
                let q0 = skip_markers(seq, q, closed);
                let synset = self.lex.synsets.get(id as usize)?;
                let Some(Item::Word(l0)) = seq.get(q0) else {
                    return None;
                };
                let w0 = *s.words.get(*l0 as usize)?;
                // The longest phrase that matches here.
                let mut best: Option<usize> = None;
                for ph in synset.starting_with(w0, backwards) {
                    let mut p = q0;
                    let mut ok = true;
                    let n = ph.len();
                    for k in 0..n {
                        let w = if backwards { ph[n - 1 - k] } else { ph[k] };
                        if k > 0 {
                            p = skip_markers(seq, p, true);
                        }
                        match seq.get(p) {
                            Some(Item::Word(l)) if s.words.get(*l as usize) == Some(&w) => p += 1,
                            _ => {
                                ok = false;
                                break;
                            }
                        }
                    }
                    if ok && n > 0 && best.is_none_or(|bp| p > bp) {
                        best = Some(p);
                    }
                }
                best
            }
            _ => None,
        }
    }

    /// The noun phrases an actor element (`$ + % ^`) can match at `q`, each with the position
    /// after it: a whole actor phrase starting here, a noun phrase inside it starting (ending,
    /// backwards) at this word, or the rest of the actor phrase a previous word matched into.
    /// `^` prefers the smallest phrase, the others the largest.
    fn ne_candidates(
        &self,
        s: &Sent<'_>,
        seq: &[Item],
        elem: Elem,
        q: usize,
        backwards: bool,
    ) -> Vec<(u32, usize)> {
        let mut out: Vec<(u32, usize)> = Vec::new();
        let mut q = q;
        // Step over the end of the phrase before (a start marker, read backwards).
        while let Some(Item::NeEnd(_)) | Some(Item::NeStart(_)) = seq.get(q) {
            let opening = matches!(
                (seq.get(q), backwards),
                (Some(Item::NeStart(_)), false) | (Some(Item::NeEnd(_)), true)
            );
            if opening {
                break;
            }
            q += 1;
        }
        let find =
            |from: usize, target: Item| (from..seq.len()).find(|&p| seq.get(p) == Some(&target));
        let inner_at = |leaf: u32| {
            s.inner.iter().filter(move |&&(lo, hi, _)| {
                if backwards {
                    hi == leaf + 1
                } else {
                    lo == leaf
                }
            })
        };
        let inner_next = |lo: u32, hi: u32, from: usize| {
            let boundary = if backwards { lo } else { hi.saturating_sub(1) };
            find(from, Item::Word(boundary)).map(|p| p + 1)
        };
        match seq.get(q) {
            Some(&Item::NeStart(x)) | Some(&Item::NeEnd(x)) => {
                let Some(ne) = s.nes.get(x as usize) else {
                    return out;
                };
                let close = if backwards {
                    Item::NeStart(x)
                } else {
                    Item::NeEnd(x)
                };
                if let Some(p) = find(q + 1, close) {
                    out.push((x, p + 1));
                }
                let leaf = if backwards {
                    ne.hi.saturating_sub(1)
                } else {
                    ne.lo
                };
                for &(lo, hi, k) in inner_at(leaf) {
                    if let Some(p) = inner_next(lo, hi, q) {
                        out.push((k, p));
                    }
                }
            }
            Some(&Item::Word(l)) => {
                for &(lo, hi, k) in inner_at(l) {
                    if let Some(p) = inner_next(lo, hi, q) {
                        out.push((k, p));
                    }
                }
                // The rest of the phrase this word is in.
                // Only `^` may stand for the rest of a phrase: `$` and `+` name whole actors.
                let x = s.ne_of.get(l as usize).copied().unwrap_or(NONE);
                if elem == Elem::Skip && x != NONE && q > 0 {
                    let prev_inside = match seq.get(q - 1) {
                        Some(Item::Word(pl)) => s.ne_of.get(*pl as usize) == Some(&x),
                        _ => false,
                    };
                    let close = if backwards {
                        Item::NeStart(x)
                    } else {
                        Item::NeEnd(x)
                    };
                    if prev_inside && let Some(p) = find(q, close) {
                        out.insert(0, (x, p + 1));
                    }
                }
            }
            None => {}
        }
        if elem == Elem::Compound {
            out.retain(|&(k, _)| s.nes.get(k as usize).is_some_and(|n| n.codes.len() >= 2));
        }
        if elem == Elem::Skip {
            out.reverse();
        }
        out
    }
}

/// Skips noun-phrase markers (they are not words, so they do not break adjacency).
fn skip_markers(seq: &[Item], mut q: usize, _closed: bool) -> usize {
    while let Some(Item::NeStart(_) | Item::NeEnd(_)) = seq.get(q) {
        q += 1;
    }
    q
}

/// Noun phrases in `seq` (an upper sequence, verb-outward) in sentence order.
fn nes_in(seq: &[Item]) -> impl Iterator<Item = u32> + '_ {
    seq.iter().rev().filter_map(|it| match it {
        Item::NeStart(n) => Some(*n),
        _ => None,
    })
}

/// The source from the upper sequence: the first coded noun phrase in sentence order
/// (dictionary actors before new actors), else the first uncoded one.
fn find_source(s: &Sent<'_>, upper: &[Item], exclude: Option<u32>) -> Option<u32> {
    let cands = || nes_in(upper).filter(|&n| Some(n) != exclude);
    let level = |n: u32| s.nes.get(n as usize).map_or(0, |ne| ne.level);
    cands()
        .find(|&n| level(n) == 2)
        .or_else(|| cands().find(|&n| level(n) == 1))
        .or_else(|| cands().next())
}

/// The target, by PETRARCH's priorities: a coded phrase after the verb whose codes differ from
/// the source's (dictionary actors before new actors); an uncoded phrase after the verb; then
/// the same before the verb, nearest first.
fn find_target(s: &Sent<'_>, lower: &[Item], upper: &[Item], source: Option<u32>) -> Option<u32> {
    let src_codes = source.and_then(|n| s.nes.get(n as usize)).map(|n| &n.codes);
    let differs = |n: u32| {
        let Some(ne) = s.nes.get(n as usize) else {
            return false;
        };
        match src_codes {
            Some(sc) if sc.len() == 1 && ne.codes.len() == 1 => sc != &ne.codes,
            _ => true,
        }
    };
    let lower_nes = || {
        lower
            .iter()
            .filter_map(|it| match it {
                Item::NeStart(n) => Some(*n),
                _ => None,
            })
            .filter(|&n| Some(n) != source)
    };
    let upper_nes = || {
        upper
            .iter()
            .filter_map(|it| match it {
                Item::NeEnd(n) => Some(*n),
                _ => None,
            })
            .filter(|&n| Some(n) != source)
    };
    let level = |n: u32| s.nes.get(n as usize).map_or(0, |ne| ne.level);
    lower_nes()
        .find(|&n| level(n) == 2 && differs(n))
        .or_else(|| lower_nes().find(|&n| level(n) == 1 && differs(n)))
        .or_else(|| lower_nes().find(|&n| level(n) == 0))
        .or_else(|| upper_nes().find(|&n| level(n) == 2 && differs(n)))
        .or_else(|| upper_nes().find(|&n| level(n) == 1 && differs(n)))
        .or_else(|| upper_nes().find(|&n| level(n) == 0))
}

/// Adds agent codes to an actor code: prefixes before, suffixes after, skipping a code the
/// actor code already carries (`USAGOV` + `GOV` stays `USAGOV`).
fn combine(actor: &str, agents: &[&demarche_dict::AgentEntry]) -> String {
    let mut code = actor.to_string();
    for g in agents
        .iter()
        .filter(|g| g.placement == AgentPlacement::Suffix)
    {
        if !has_code_at_3(&code, &g.code) {
            code.push_str(&g.code);
        }
    }
    for g in agents
        .iter()
        .filter(|g| g.placement == AgentPlacement::Prefix)
    {
        if !has_code_at_3(&code, &g.code) {
            code.insert_str(0, &g.code);
        }
    }
    code
}

/// Whether `code` contains `part` at an offset that is a multiple of three (CAMEO actor codes
/// are built from three-letter pieces).
fn has_code_at_3(code: &str, part: &str) -> bool {
    if part.is_empty() {
        return true;
    }
    (0..code.len())
        .step_by(3)
        .any(|i| code.get(i..).is_some_and(|rest| rest.starts_with(part)))
}

fn new_actor_text(s: &Sent<'_>, lo: u32, hi: u32, max_len: usize) -> Option<String> {
    if max_len == 0 {
        return None;
    }
    let mut words: Vec<String> = Vec::new();
    for l in lo..hi {
        let l = l as usize;
        if s.deleted.get(l).copied().unwrap_or(true) {
            continue;
        }
        if matches!(
            s.tags.get(l),
            Some(Tag::Possessive) | Some(Tag::Punct) | Some(Tag::Comma)
        ) {
            continue;
        }
        let w = s.leaf_node.get(l).and_then(|&n| s.tree.word(n))?;
        words.push(w.to_uppercase());
    }
    if words.is_empty() || words.len() > max_len {
        return None;
    }
    Some(format!("\"{}\"", words.join(" ")))
}

/// Removes comma-delimited clauses by length, as TABARI and PETRARCH do: an internal clause
/// between two commas, the initial clause before the first comma and the terminal clause after
/// the last one, each within its configured word-count range. Commas inside noun phrases are
/// lists, not clause boundaries, and are left alone.
fn delete_comma_clauses(s: &mut Sent<'_>, opts: &Options) {
    let tree = s.tree;
    let nl = s.leaf_node.len();
    let commas: Vec<usize> = (0..nl)
        .filter(|&l| {
            s.tags.get(l) == Some(&Tag::Comma)
                && s.leaf_node
                    .get(l)
                    .and_then(|&n| tree.parent(n))
                    .is_none_or(|p| s.kind[p.index()] != Phrase::Np)
        })
        .collect();
    if commas.is_empty() {
        return;
    }
    let count = |a: usize, b: usize| {
        (a..b)
            .filter(|&l| {
                !matches!(
                    s.tags.get(l),
                    Some(Tag::Punct) | Some(Tag::Comma) | Some(Tag::Possessive)
                )
            })
            .count()
    };
    // The end of the sentence, before its final punctuation.
    let mut end = nl;
    while end > 0 && matches!(s.tags.get(end - 1), Some(Tag::Punct)) {
        end -= 1;
    }
    let mut del: Vec<(usize, usize)> = Vec::new();
    let (first, last) = (commas[0], commas[commas.len() - 1]);
    if opts.comma_bmax > 0 {
        let n = count(0, first);
        if n >= opts.comma_bmin && n <= opts.comma_bmax {
            del.push((0, first + 1));
        }
    }
    if opts.comma_max > 0 {
        for w in commas.windows(2) {
            let n = count(w[0] + 1, w[1]);
            if n >= opts.comma_min && n <= opts.comma_max {
                del.push((w[0], w[1]));
            }
        }
    }
    // "According to the air force, Russia launched 40 drones at Ukraine": when nothing before
    // the last comma is a verb phrase, what follows it is the main clause, not a trailing
    // aside. (Only in the news reading; PETRARCH deletes it.)
    let main_clause_after = opts.reported_speech
        && !(0..s.kind.len()).any(|n| s.kind[n] == Phrase::Vp && (s.hi[n] as usize) <= last);
    if opts.comma_emax > 0 && last < end && !main_clause_after {
        let n = count(last + 1, end);
        if n >= opts.comma_emin && n <= opts.comma_emax {
            del.push((last, end));
        }
    }
    for (a, b) in del {
        for l in a..b {
            if let Some(d) = s.deleted.get_mut(l) {
                *d = true;
            }
        }
    }
}

fn build_items(s: &mut Sent<'_>) {
    let nl = s.leaf_node.len();
    s.items.clear();
    s.leaf_item.clear();
    s.leaf_item.resize(nl + 1, 0);
    let mut open: u32 = NONE;
    for l in 0..nl {
        s.leaf_item[l] = s.items.len() as u32;
        let ne = s.ne_of.get(l).copied().unwrap_or(NONE);
        if ne != open && open != NONE {
            s.items.push(Item::NeEnd(open));
            s.leaf_item[l] = s.items.len() as u32;
            open = NONE;
        }
        if s.deleted.get(l).copied().unwrap_or(true) {
            continue;
        }
        if ne != NONE && ne != open {
            s.items.push(Item::NeStart(ne));
            open = ne;
        }
        s.items.push(Item::Word(l as u32));
    }
    if open != NONE {
        s.items.push(Item::NeEnd(open));
    }
    s.leaf_item[nl] = s.items.len() as u32;
}

/// A pattern in PETRARCH's written form, for traces.
fn pattern_text(p: &demarche_dict::VerbPattern) -> String {
    use demarche_dict::PatternItem as P;
    fn item(i: &P, out: &mut String) {
        match i {
            P::Verb => out.push('*'),
            P::Word(w) => out.push_str(w),
            P::Synset(id) => {
                out.push('&');
                out.push_str(&id.0.to_string());
            }
            P::Source => out.push('$'),
            P::Target => out.push('+'),
            P::Compound => out.push('%'),
            P::Skip => out.push('^'),
            P::NounPhrase(items) => {
                out.push('{');
                for (k, x) in items.iter().enumerate() {
                    if k > 0 {
                        out.push(' ');
                    }
                    item(x, out);
                }
                out.push('}');
            }
            P::PrepPhrase {
                preposition,
                object,
            } => {
                out.push('(');
                item(preposition, out);
                for x in object {
                    out.push(' ');
                    item(x, out);
                }
                out.push(')');
            }
        }
    }
    let mut out = String::new();
    for (k, t) in p.tokens.iter().enumerate() {
        if k > 0 {
            out.push(if t.joined { '_' } else { ' ' });
        }
        item(&t.item, &mut out);
    }
    out.push_str(&format!(" [{}]", p.code));
    out
}

/// A code half that can be emitted: `[025?]` marks a doubtful code, which codes nothing.
fn usable(c: Option<&demarche_dict::EventCode>) -> Option<&str> {
    c.map(|c| c.code.as_str())
        .filter(|c| !c.contains('?') && !c.is_empty())
}

/// The span covering leaves `lo..hi`.
fn span_of_range(s: &Sent<'_>, lo: u32, hi: u32) -> Option<Span> {
    let mut cover: Option<Span> = None;
    for l in lo..hi {
        if s.deleted.get(l as usize).copied().unwrap_or(true) {
            continue;
        }
        if let Some(sp) = s.leaf_node.get(l as usize).and_then(|&n| s.tree.span(n)) {
            cover = Some(cover.map_or(sp, |c| c.cover(sp)));
        }
    }
    cover
}

const NEGATIONS: [&str; 3] = ["not", "n't", "never"];
const FUTURE: [&str; 5] = ["will", "would", "shall", "'ll", "wo"];

/// Verbs whose infinitive complement is an intention, not an act: "agreed to resume talks".
const INTENT_VERBS: [&str; 24] = [
    "agree", "agrees", "agreed", "pledge", "pledges", "pledged", "vow", "vows", "vowed", "promise",
    "promises", "promised", "plan", "plans", "planned", "intend", "intends", "intended", "decide",
    "decides", "decided", "offer", "offers", "offered",
];

/// Verbs that carry the modality of an enclosing "will": "would continue to support".
const ASPECT_VERBS: [&str; 4] = ["continue", "continues", "continued", "keep"];

fn is_intent_verb(w: &str) -> bool {
    INTENT_VERBS.iter().any(|x| w.eq_ignore_ascii_case(x))
}

/// The text of leaf word `v` ("" when out of range).
fn vw_text<'a>(s: &'a Sent<'_>, v: usize) -> &'a str {
    s.leaf_node
        .get(v)
        .and_then(|&n| s.tree.word(n))
        .unwrap_or("")
}

/// Whether verb phrase `vp` has a clause complement that is not an infinitive ("said [it had
/// arrested ...]").
fn has_finite_clause(s: &Sent<'_>, vp: NodeId) -> bool {
    let tree = s.tree;
    tree.children(vp)
        .iter()
        .any(|&c| s.kind.get(c.index()) == Some(&Phrase::Clause))
        && !has_infinitive(s, vp)
}

/// Whether verb phrase `vp` has an infinitive complement `(S (VP (TO to) (VP ...)))`.
fn has_infinitive(s: &Sent<'_>, vp: NodeId) -> bool {
    let tree = s.tree;
    tree.children(vp).iter().any(|&c| {
        s.kind.get(c.index()) == Some(&Phrase::Clause)
            && tree.children(c).first().is_some_and(|&inner| {
                s.kind.get(inner.index()) == Some(&Phrase::Vp)
                    && tree
                        .children(inner)
                        .first()
                        .and_then(|&t| tree.word(t))
                        .is_some_and(|w| w.eq_ignore_ascii_case("to"))
            })
    })
}

/// Whether verb phrase `vp` is the infinitive of an intention ("agreed to [resume talks]",
/// "will continue to [support]"): `(VP intent-verb (S (VP (TO to) vp)))`, or the same under
/// an aspect verb that is itself future or an intention.
fn intent_frame(s: &Sent<'_>, vp: NodeId, depth: usize) -> bool {
    let tree = s.tree;
    let Some(to_vp) = tree.parent(vp) else {
        return false;
    };
    let to_first = tree.children(to_vp).first().and_then(|&t| tree.word(t));
    if s.kind.get(to_vp.index()) != Some(&Phrase::Vp)
        || !to_first.is_some_and(|w| w.eq_ignore_ascii_case("to"))
    {
        return false;
    }
    let Some(clause) = tree.parent(to_vp) else {
        return false;
    };
    let Some(frame) = tree.parent(clause) else {
        return false;
    };
    if s.kind.get(clause.index()) != Some(&Phrase::Clause)
        || s.kind.get(frame.index()) != Some(&Phrase::Vp)
    {
        return false;
    }
    let Some(head) = tree.children(frame).first().and_then(|&h| tree.word(h)) else {
        return false;
    };
    if is_intent_verb(head) {
        return true;
    }
    depth < 2
        && ASPECT_VERBS.iter().any(|x| head.eq_ignore_ascii_case(x))
        && (aux_before_free(s, frame, &FUTURE) || intent_frame(s, frame, depth + 1))
}

/// The CAMEO intent code for an action announced for the future ("will visit" is 036, an intent
/// to meet, where "visited" is 042): cooperative roots map to their "express intent" code in
/// root 03, material conflict to a threat of force (138), other conflict to a threat (130).
/// Statements and codes already about intentions are kept.
fn intent_code(code: &str) -> &str {
    match code.get(..2) {
        Some("04") => "036",
        Some("05") => "032",
        Some("06") => "031",
        Some("07") => "033",
        Some("08") => "035",
        Some("14" | "15" | "16" | "17") => "130",
        Some("18" | "19" | "20") => "138",
        _ => code,
    }
}

/// Whether a code's root is a cooperative act that partners can do together (03-08).
fn is_joint_root(code: &str) -> bool {
    matches!(code.get(..2), Some("03" | "04" | "05" | "06" | "07" | "08"))
}

/// Whether an actor phrase has some code naming a country or organisation.
fn has_country(ne: &Ne) -> bool {
    ne.codes.iter().any(|c| !c.starts_with("---"))
}

/// Whether one of `words` stands before `vp` in up to three enclosing verb phrases ("did not
/// [attack]", "will not [visit]").
fn aux_before_free(s: &Sent<'_>, vp: NodeId, words: &[&str]) -> bool {
    let tree = s.tree;
    let mut child = vp;
    for _ in 0..3 {
        let Some(parent) = tree.parent(child) else {
            return false;
        };
        if s.kind[parent.index()] != Phrase::Vp {
            return false;
        }
        for &c in tree.children(parent) {
            if c == child {
                break;
            }
            if let Some(w) = tree.word(c)
                && words.iter().any(|x| w.eq_ignore_ascii_case(x))
            {
                return true;
            }
            // `did not`, `will not` under an ADVP.
            if !tree.is_leaf(c) && s.kind[c.index()] == Phrase::Mod {
                for &g in tree.children(c) {
                    if tree
                        .word(g)
                        .is_some_and(|w| words.iter().any(|x| w.eq_ignore_ascii_case(x)))
                    {
                        return true;
                    }
                }
            }
        }
        child = parent;
    }
    false
}

/// Whether an actor phrase is the object of "in": a place ("signed a pact in Manila"), not a
/// participant.
fn is_place(s: &Sent<'_>, ne: &Ne) -> bool {
    let tree = s.tree;
    tree.parent(ne.node).is_some_and(|pp| {
        s.kind.get(pp.index()) == Some(&Phrase::Pp)
            && tree
                .children(pp)
                .first()
                .and_then(|&c| tree.word(c))
                .is_some_and(|w| w.eq_ignore_ascii_case("in"))
    })
}

/// The country (three letters) of a place named by an "in", "to", "at" or "against" phrase
/// inside verb phrase `vp` that is neither the source nor the target: "killed 20 people in
/// Gaza" gives PSE, "will send police officers to Haiti" HTI, "launched drones at Ukraine" UKR.
fn place_country<'a>(s: &'a Sent<'_>, vp: NodeId, src: u32, tgt: u32) -> Option<&'a str> {
    let tree = s.tree;
    let (lo, hi) = (s.lo.get(vp.index())?, s.hi.get(vp.index())?);
    s.nes.iter().enumerate().find_map(|(i, ne)| {
        if i as u32 == src || i as u32 == tgt || ne.lo < *lo || ne.hi > *hi {
            return None;
        }
        let pp = tree.parent(ne.node)?;
        let prep = tree.children(pp).first().and_then(|&c| tree.word(c))?;
        if s.kind.get(pp.index()) != Some(&Phrase::Pp)
            || !["in", "to", "at", "against"]
                .iter()
                .any(|x| prep.eq_ignore_ascii_case(x))
        {
            return None;
        }
        let code = ne.codes.first()?;
        let country = code.get(..3)?;
        (!code.starts_with("---") && !matches!(country, "IGO" | "NGO" | "MNC")).then_some(country)
    })
}
