//! The coding pipeline for one sentence: tree → leaves and phrase ranges → comma-clause deletion
//! → noun phrases coded as actors (with agents and compounds) → verbs, patterns, source and
//! target → events.
//!
//! The sentence is seen two ways at once, as PETRARCH-1 does: as a tree (to find noun phrases,
//! verb phrases and clause boundaries) and as a flat sequence of words with noun-phrase markers
//! (to match the TABARI-style patterns, which are word sequences around the verb).
//!
//! | module | holds |
//! |---|---|
//! | `mod.rs` | the public types, [`Coder`] and the sentence loop (`code`, `code_with_mentions`) |
//! | `sent.rs` | the per-sentence state: leaves, phrase ranges, comma clauses, item sequence |
//! | `mentions.rs` | noun phrases → actor mentions: actor and agent hits, units, codes |
//! | `verbs.rs` | verb phrases: the verb, its pattern, passive voice, source and target |
//! | `matcher.rs` | pattern steps matched over item sequences |
//! | `news.rs` | the news reading's options: reported speech, negation, intent, joint, domestic |
//!
//! No CAMEO code and no English word is written here: English comes from
//! `demarche_text::english`, CAMEO policy from the dictionaries' `policy.txt`.

mod matcher;
mod mentions;
mod news;
mod places;
mod sent;
mod verbs;

use crate::discourse::Discourse;
use crate::lexicon::{self, Lexicon, UNKNOWN, WordId};
use crate::{Options, Rejection};
use demarche_dict::{ActorId, AgentId, Dictionaries, DiscardScope};
use demarche_model::{Date, NodeId, RuleRef, Span, Tree};
use sent::{BUFFERS, Phrase, build_items, delete_comma_clauses};

/// A range of leaves, first and one past the last.
type LeafRange = (u32, u32);

thread_local! {
    /// The predicate layer's analysis of the last sentence this thread coded, for its arrays.
    static ANALYSIS: std::cell::Cell<demarche_predicates::Analysis> =
        std::cell::Cell::new(demarche_predicates::Analysis::default());
}

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
    /// Where the document named a side this sentence names only by reference.
    pub antecedents: Vec<demarche_model::Antecedent>,
}

/// The result of coding one sentence.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Coded {
    pub events: Vec<CodedEvent>,
    /// Set when the sentence (or its story) is not coded at all.
    pub rejected: Option<Rejection>,
    /// Filled when [`Options::trace`] is on.
    pub trace: Option<Trace>,
    /// With the predicate layer: pattern codes of verbs whose target the pattern coder did
    /// not find, for the layer to complete (a target it finds, the dateline's country of rule
    /// `setting`, a doer's own people of `home-curb`). Emptied once the layer has read them.
    pub(crate) open: Vec<OpenCode>,
}

/// A pattern's code for a verb with a source but no target ("Japan sent 40 tonnes of tents"):
/// no event by itself; the predicate layer may find the target.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct OpenCode {
    pub verb_span: Option<Span>,
    /// The pattern's forward code, before any intent reading.
    pub code: String,
    /// The pattern that fired.
    pub pattern: u32,
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
    /// The predicate layer's reading ([`demarche_predicates::render`]) when frames are on.
    pub predicates: String,
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

/// An actor mention: a noun phrase the coder coded as an actor phrase (or found inside one), with
/// its codes (`---` for none) and the dictionary entries they came from.
#[derive(Debug, Clone)]
pub(crate) struct Mention {
    pub node: NodeId,
    /// Leaf range.
    pub lo: u32,
    pub hi: u32,
    pub codes: Vec<String>,
    /// The entries the codes came from ([`Coder::rule_refs`] names them where they are used).
    pub rules: Vec<RuleKey>,
    /// The noun phrase's span in the text.
    pub span: Option<Span>,
    /// 2: a dictionary actor or agent; 1: only a new actor named by its text; 0: null.
    pub level: u8,
    /// The phrase was removed with a comma clause: the events do not use it.
    pub deleted: bool,
}

/// A dictionary entry, by kind and index: cheap to copy while coding, turned into a
/// [`RuleRef`] (file and line) only for the events that are emitted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum RuleKey {
    Actor(u32),
    Agent(u32),
    Verb(u32),
    Pattern(u32),
    /// An entry of the embedded gazetteer (rule `place-country`).
    Place(u32),
}

/// More words than this after a dateline's dash make a lead, not a header (with the layer on).
const DATELINE_LEAD: usize = 4;

/// The sentence coder: a compiled lexicon over one dictionary set.
#[derive(Debug)]
pub struct Coder<'d> {
    dicts: &'d Dictionaries,
    lex: Lexicon,
    /// The interned `be` forms and passive-agent prepositions (see [`lexicon::be_forms`]).
    be_forms: Vec<WordId>,
    agent_preps: Vec<WordId>,
}

impl<'d> Coder<'d> {
    /// Compiles `dicts` for coding. Cheap compared with loading the files.
    pub fn new(dicts: &'d Dictionaries) -> Self {
        let lex = Lexicon::build(dicts);
        let ids = |words: Vec<String>| -> Vec<WordId> {
            words
                .iter()
                .map(|w| lex.words.get(w))
                .filter(|&id| id != UNKNOWN)
                .collect()
        };
        let be_forms = ids(lexicon::be_forms());
        let agent_preps = ids(lexicon::agent_prepositions());
        Coder {
            dicts,
            lex,
            be_forms,
            agent_preps,
        }
    }

    pub fn dictionaries(&self) -> &'d Dictionaries {
        self.dicts
    }

    /// Whether a mention names a person (an actor entry with dated roles among its entries);
    /// asked only of the mentions the discourse records.
    pub(crate) fn is_person(&self, m: &Mention) -> bool {
        m.rules.iter().any(|k| match k {
            RuleKey::Actor(i) => self
                .dicts
                .actors
                .get(ActorId(*i))
                .is_some_and(|e| !e.dated.is_empty()),
            _ => false,
        })
    }

    /// Whether `words` (lower case) are one of the names of a mention's actor entries and not
    /// its people's: a later name whose singular is another name of the entry ("Kenyans" beside
    /// "Kenyan") names the people, the entry's first name never does ("Philippines").
    pub(crate) fn names_state(&self, m: &Mention, words: &[&str]) -> bool {
        let same = |p: &demarche_dict::model::Phrase, w: &[&str]| {
            p.words.len() == w.len()
                && p.words
                    .iter()
                    .zip(w)
                    .all(|(a, b)| a.eq_ignore_ascii_case(b))
        };
        m.rules.iter().any(|k| {
            let RuleKey::Actor(i) = k else { return false };
            let Some(e) = self.dicts.actors.get(ActorId(*i)) else {
                return false;
            };
            e.phrases.iter().enumerate().any(|(n, p)| {
                if !same(&p.phrase, words) {
                    return false;
                }
                // "Sri Lankans" beside "Sri Lankan".
                let singular = match words {
                    [rest @ .., w] if n > 0 => w.strip_suffix('s').map(|s| (rest, s)),
                    _ => None,
                };
                singular.is_none_or(|(rest, s)| {
                    let one: Vec<&str> = rest.iter().copied().chain([s]).collect();
                    !e.phrases.iter().any(|q| same(&q.phrase, &one))
                })
            })
        })
    }

    /// Patterns the lexicon could not compile (skipped).
    pub fn skipped_patterns(&self) -> usize {
        self.lex.skipped_patterns
    }

    /// Codes one sentence. `tree` should be aligned to `text` (see `Tree::aligned_to`) for the
    /// evidence spans; coding itself uses only the tree's words.
    pub fn code(&self, tree: &Tree, text: &str, date: Date, opts: &Options) -> Coded {
        self.code_in(tree, text, date, opts, &mut Discourse::new())
    }

    /// [`Coder::code`] for one sentence of a document coded in order: `discourse` holds what
    /// earlier sentences named (with [`Options::frames`], "he", "the two sides", "the
    /// ministry" resolve through it) and learns what this one names.
    pub fn code_in(
        &self,
        tree: &Tree,
        text: &str,
        date: Date,
        opts: &Options,
        discourse: &mut Discourse,
    ) -> Coded {
        if !opts.frames() || self.dicts.frames.is_empty() {
            discourse.sentence += 1;
            return self.code_inner(tree, text, date, opts, None);
        }
        let (mut coded, mentions) = self.code_with_mentions(tree, text, date, opts);
        let mut named = Vec::new();
        let mut lone = Vec::new();
        let dateline = discourse.read_dateline(tree, &mentions, &self.dicts.policy);
        if coded.rejected.is_none() {
            // One analysis per thread, its arrays reused from sentence to sentence.
            let mut a = ANALYSIS.with(std::cell::Cell::take);
            crate::frames::analysis_into(self, tree, &mut a);
            (named, lone) = crate::frames::code_predications(
                self,
                tree,
                &a,
                &mentions,
                (&mut coded.events, &coded.open),
                discourse,
                text,
            );
            if let Some(t) = coded.trace.as_mut() {
                t.predicates = demarche_predicates::render(tree, &a);
            }
            coded.open.clear();
            ANALYSIS.with(|c| c.set(a));
        }
        discourse.record_deeds(
            coded
                .events
                .iter()
                .map(|e| (e.source.as_str(), e.target.as_str(), e.code.as_str()))
                .chain(lone.iter().map(|(s, c)| (s.as_str(), "", c.as_str()))),
        );
        // The dateline's places are no actors of the story (rule `setting`).
        if let Some(d) = dateline {
            named.retain(|e| e.span.is_none_or(|sp| sp.start >= d.end));
        }
        discourse.finish_sentence(named, &coded.events, &self.dicts.policy);
        coded
    }

    /// The country a dateline names ("MANILA, Nov. 12 (PNA) --"; `tree` is its parse): the
    /// setting of the document's story (rule `setting`, [`Discourse::set_setting`]).
    pub fn dateline_country(
        &self,
        tree: &Tree,
        text: &str,
        date: Date,
        opts: &Options,
    ) -> Option<String> {
        let (_, mentions) = self.code_with_mentions(tree, text, date, opts);
        crate::discourse::setting_in(&mentions, None, &self.dicts.policy)
    }

    /// [`Coder::code`], also returning every mention (the actor phrases and the noun phrases
    /// inside them that patterns may name, and the actor phrases comma-clause deletion removed,
    /// marked `deleted`; not the noun phrases inside those), in tree pre-order.
    pub(crate) fn code_with_mentions(
        &self,
        tree: &Tree,
        text: &str,
        date: Date,
        opts: &Options,
    ) -> (Coded, Vec<Mention>) {
        let mut mentions = Vec::new();
        let coded = self.code_inner(tree, text, date, opts, Some(&mut mentions));
        (coded, mentions)
    }

    /// The sentence loop of [`Coder::code`]; fills `mentions` when given (the events do not
    /// depend on it).
    fn code_inner(
        &self,
        tree: &Tree,
        text: &str,
        date: Date,
        opts: &Options,
        mentions: Option<&mut Vec<Mention>>,
    ) -> Coded {
        let mut out = Coded::default();
        if let Some(r) = self.reject(tree, text, opts) {
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
        // In the news reading an adverbial clause with its own subject inside a consumed
        // phrase is not swallowed (rule `adjunct-clause`): each consumed range keeps those
        // clauses' ranges as holes. Ranges nest (pre-order), so they form a stack.
        let mut consumed: Vec<(LeafRange, Vec<LeafRange>)> = Vec::new();
        // With `reported_speech`, a statement verb leaves its complement to be coded and its own
        // event is dropped when the complement codes one.
        let mut statements: Vec<news::Statement> = Vec::new();
        for n in 0..tree.len() {
            if s.kind.get(n) != Some(&Phrase::Vp) {
                continue;
            }
            let (lo, hi) = (s.lo[n], s.hi[n]);
            let inside = |r: &(u32, u32)| lo >= r.0 && lo < r.1;
            while consumed.last().is_some_and(|(r, _)| !inside(r)) {
                consumed.pop();
            }
            if consumed
                .last()
                .is_some_and(|(_, holes)| !holes.iter().any(inside))
            {
                continue;
            }
            let before = out.events.len();
            let open = opts.frames().then_some(&mut out.open);
            if self.code_vp(
                &s,
                NodeId(n as u32),
                opts,
                (&mut out.events, open),
                trace.as_mut(),
            ) {
                let statement = out.events.get(before..).is_some_and(|e| {
                    !e.is_empty() && e.iter().all(|e| self.dicts.policy.is_statement(&e.code))
                });
                if opts.reported_speech && statement {
                    statements.push(news::Statement {
                        events: before..out.events.len(),
                        lo,
                        hi,
                        vp: NodeId(n as u32),
                    });
                } else {
                    let holes = if opts.reported_speech {
                        news::adjunct_clauses(&s, NodeId(n as u32))
                    } else {
                        Vec::new()
                    };
                    consumed.push(((lo, hi), holes));
                }
            }
        }
        if opts.reported_speech && !statements.is_empty() {
            news::drop_statements(&s, &statements, &mut out.events);
        }
        if let Some(m) = mentions {
            self.mentions(&mut s, date, opts, m);
        }
        out.trace = trace;
        bufs.reclaim(s);
        BUFFERS.with(|b| *b.borrow_mut() = bufs);
        out
    }

    fn reject(&self, tree: &Tree, text: &str, opts: &Options) -> Option<Rejection> {
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
        // start of the sentence: the sentence is a news-wire header, not a statement. Read as
        // news (the predicate layer on), a dateline opens the lead that follows it ("ISTANBUL —
        // A third round of talks …"): only a sentence with no more than a few words after it
        // is a header.
        for (n, leaf) in tree.leaves().take(8).enumerate() {
            let w = tree.word(leaf).unwrap_or("");
            if w == ":" || w == "--" {
                let lead = opts.frames() && tree.leaves().count() > n + 1 + DATELINE_LEAD;
                return (n > 0 && !lead).then_some(Rejection::Dateline);
            }
            if w.chars().any(char::is_lowercase) || !w.chars().any(char::is_alphabetic) {
                return None;
            }
        }
        None
    }

    /// The file and line of each entry (those that exist).
    pub(crate) fn rule_refs(&self, keys: &[RuleKey]) -> Vec<RuleRef> {
        keys.iter().filter_map(|k| self.rule_ref(*k)).collect()
    }

    fn rule_ref(&self, k: RuleKey) -> Option<RuleRef> {
        let origin = match k {
            // Cited as `gazetteer:<n>`: the n-th entry (from 1, like a line) of `demarche-geo`'s
            // table, in its build order.
            RuleKey::Place(i) => {
                return Some(RuleRef {
                    file: "gazetteer".to_string(),
                    line: i as usize + 1,
                });
            }
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use demarche_dict::PetrarchSources;

    #[test]
    fn mentions_in_pre_order_with_inner_and_deleted_phrases() {
        let (dicts, _) = Dictionaries::from_petrarch_sources(PetrarchSources {
            verbs: Some(("v.txt", "--- ATTACK [190] ---\nATTACK\n")),
            actors: &[("a.txt", "ARNOR [ARN]\nGONDOR [GON]\nOSGILIATH [OSG]\n")],
            ..Default::default()
        });
        let coder = Coder::new(&dicts);
        let text = "Arnor, Osgiliath allies, attacked the army of Gondor.";
        let tree = Tree::parse_ptb(
            "(ROOT (S (NP (NNP Arnor)) (, ,) (NP (NNP Osgiliath) (NNS allies)) (, ,) \
             (VP (VBD attacked) (NP (NP (DT the) (NN army)) (PP (IN of) (NP (NNP Gondor))))) \
             (. .)))",
        )
        .unwrap()
        .aligned_to(text);
        let date = demarche_model::parse_date("2020-01-01").unwrap();
        // Only the internal clause is removed, not the terminal one after the last comma.
        let opts = Options {
            comma_emax: 0,
            ..Options::default()
        };
        let (coded, mentions) = coder.code_with_mentions(&tree, text, date, &opts);
        assert_eq!(coded, coder.code(&tree, text, date, &opts));
        let e = &coded.events[0];
        assert_eq!((e.source.as_str(), e.target.as_str()), ("ARN", "GON"));
        let shown: Vec<(&str, String, bool)> = mentions
            .iter()
            .map(|m| (&text[m.span.unwrap().range()], m.codes.join(" "), m.deleted))
            .collect();
        assert_eq!(
            shown,
            [
                ("Arnor", "ARN".to_string(), false),
                ("Osgiliath allies", "OSG".to_string(), true),
                ("the army of Gondor", "GON".to_string(), false),
                ("the army", "---".to_string(), false),
                ("Gondor", "GON".to_string(), false),
            ]
        );
        let gondor = mentions.last().unwrap();
        assert_eq!((gondor.lo, gondor.hi, gondor.level), (9, 10, 2));
        assert_eq!(coder.rule_refs(&gondor.rules)[0].line, 2);
    }
}
