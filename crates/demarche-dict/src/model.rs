//! The compiled dictionary model: the types every dictionary reader produces and the coder reads.
//!
//! These types are an **API boundary**: the PETRARCH readers of this crate, our own format
//! (`native`), and the coder (`demarche-coder`) all speak them. They change only additively.
//!
//! All words are stored upper-case (PETRARCH upper-cases everything); every lookup in this
//! crate upper-cases its input itself, so callers may pass words as they appear in a tree.
//! Every entry keeps its [`Origin`] (file name and 1-based line) so the coder can cite the rules
//! that fired. All types own their data and are `Send + Sync`: one compiled
//! [`crate::Dictionaries`] is meant to be shared behind an `Arc` by all threads.

use demarche_model::{Date, RuleRef};
use std::fmt;
use std::sync::Arc;

/// Where an entry was written: a file name and a 1-based line.
///
/// The file name is shared (`Arc<str>`) by every entry of a file, so keeping an origin on each
/// of the ~50,000 Phoenix entries costs a pointer and a line number, not a string copy.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Origin {
    pub file: Arc<str>,
    pub line: usize,
}

impl Origin {
    pub fn new(file: impl Into<Arc<str>>, line: usize) -> Self {
        Origin {
            file: file.into(),
            line,
        }
    }

    /// Whether `r` names this entry (`*r == self.rule_ref()`, without building one).
    pub fn is(&self, r: &RuleRef) -> bool {
        r.line == self.line && r.file == *self.file
    }

    /// The evidence form the coder reports: `{file, line}`.
    pub fn rule_ref(&self) -> RuleRef {
        RuleRef {
            file: self.file.to_string(),
            line: self.line,
        }
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// A sequence of upper-case words, as an actor, agent, synset member or discard names it.
///
/// PETRARCH writes phrases with `_` or blanks between words (`UNITED_NATIONS`, `HAMAS WING`).
/// Both are kept as word boundaries; `gap_allowed[i]` records that words `i` and `i + 1` were
/// separated by a blank, which the agents documentation says allows other words in between
/// (an `_` demands consecutive words). The compiled lookups of this crate match phrases as
/// consecutive words; a coder that wants the looser reading can use `gap_allowed`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Phrase {
    pub words: Vec<String>,
    /// One flag per pair of neighbouring words (`words.len() - 1` flags).
    pub gap_allowed: Vec<bool>,
    /// The phrase was written with a trailing `_` (`AFGHANISTAN_`): in the TABARI tradition the
    /// last word must then be a whole word rather than a stem. Kept for coders that stem.
    pub exact_end: bool,
}

impl Phrase {
    /// Builds a phrase of consecutive words (no gaps), upper-casing each word.
    pub fn from_words<I, S>(words: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let words: Vec<String> = words
            .into_iter()
            .map(|w| crate::words::normalize_word(w.as_ref()).into_owned())
            .filter(|w| !w.is_empty())
            .collect();
        let gap_allowed = vec![false; words.len().saturating_sub(1)];
        Phrase {
            words,
            gap_allowed,
            exact_end: false,
        }
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

impl fmt::Display for Phrase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, w) in self.words.iter().enumerate() {
            if i > 0 {
                let gap = self.gap_allowed.get(i - 1).copied().unwrap_or(false);
                f.write_str(if gap { " " } else { "_" })?;
            }
            f.write_str(w)?;
        }
        if self.exact_end {
            f.write_str("_")?;
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------------
// Actors
// ---------------------------------------------------------------------------------------------

/// Index of an [`ActorEntry`] in [`ActorDictionary::entries`](crate::ActorDictionary).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ActorId(pub u32);

/// One actor record: a primary phrase, its `+synonyms`, and its codes.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorEntry {
    /// `phrases[0]` is the primary phrase; the rest are the `+` synonyms, in file order.
    pub phrases: Vec<ActorPhrase>,
    /// The code that applies when no date restriction does: the `[CODE]` on the primary line,
    /// or an undated `[CODE]` restriction line.
    pub default_codes: Option<ActorCodes>,
    /// Date-restricted codes in file order; the first whose restriction holds wins.
    pub dated: Vec<DatedCodes>,
    /// The primary phrase's line.
    pub origin: Origin,
}

/// One name of an actor, with the line it was written on.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorPhrase {
    pub phrase: Phrase,
    pub origin: Origin,
}

/// The codes one bracket gives an actor. PETRARCH writes several actors as one code joined by
/// `/` (`[FRO/BIL/SAM]` codes three actors); `codes` holds them split. The null code `[---]`
/// gives an empty `codes`: the actor is known but yields no code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorCodes {
    pub codes: Vec<String>,
    /// The bracket's text as written, without the date restriction (`FRO/BIL/SAM`, `---`).
    pub written: String,
    pub origin: Origin,
}

impl ActorCodes {
    /// Whether this is the null code `---`, which stops an actor from being coded.
    pub fn is_null(&self) -> bool {
        self.codes.is_empty()
    }

    /// The first code, if not null (most entries have exactly one).
    pub fn first(&self) -> Option<&str> {
        self.codes.first().map(String::as_str)
    }
}

/// Codes that apply only on some dates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatedCodes {
    pub codes: ActorCodes,
    pub restriction: DateRestriction,
}

/// A PETRARCH date restriction. Limits are inclusive ("or equal to", says the documentation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateRestriction {
    /// `[CODE <date]`: on or before `date`.
    Before(Date),
    /// `[CODE >date]`: on or after `date`.
    After(Date),
    /// `[CODE from-to]`: from `from` to `to`, both included.
    Between(Date, Date),
}

impl DateRestriction {
    pub fn holds_on(&self, date: Date) -> bool {
        match *self {
            DateRestriction::Before(d) => date <= d,
            DateRestriction::After(d) => date >= d,
            DateRestriction::Between(from, to) => from <= date && date <= to,
        }
    }
}

/// How many years after leaving office a person is still read as a former office holder of
/// that country ([`ActorEntry::former_on`]).
pub const FORMER_YEARS: i64 = 10;

impl ActorEntry {
    /// The codes that apply on `date`: the first date restriction (in file order) that holds,
    /// else the default. `None` when nothing applies; a returned null code (`is_null()`) means
    /// the dictionary says explicitly that the actor has no code then.
    pub fn codes_on(&self, date: Date) -> Option<&ActorCodes> {
        self.dated
            .iter()
            .find(|d| d.restriction.holds_on(date))
            .map(|d| &d.codes)
            .or(self.default_codes.as_ref())
    }

    /// The codes of the last dated role that ended before `date`, and no more than
    /// [`FORMER_YEARS`] before it, for an entry with no code on `date` and no default: who a
    /// former office holder was ("former President Rodrigo Duterte" in 2025). `None` when a
    /// role is still open, none has ended, or the last ended long ago (a bare surname in today's
    /// news is then more likely someone else's: "Betssy Chavez" is not Hugo Chávez).
    pub fn former_on(&self, date: Date) -> Option<&ActorCodes> {
        if self.default_codes.is_some() {
            return None;
        }
        self.dated
            .iter()
            .filter_map(|d| match d.restriction {
                DateRestriction::Before(end) | DateRestriction::Between(_, end)
                    if end < date && (date - end).num_days() <= FORMER_YEARS * 366 =>
                {
                    Some((end, &d.codes))
                }
                _ => None,
            })
            .max_by_key(|(end, _)| *end)
            .map(|(_, codes)| codes)
    }

    /// The primary phrase.
    pub fn primary(&self) -> Option<&Phrase> {
        self.phrases.first().map(|p| &p.phrase)
    }
}

// ---------------------------------------------------------------------------------------------
// Agents
// ---------------------------------------------------------------------------------------------

/// Index of an [`AgentEntry`] in [`AgentDictionary::entries`](crate::AgentDictionary).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AgentId(pub u32);

/// Where an agent code goes relative to the actor code it modifies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AgentPlacement {
    /// `[~GOV]`: the agent code is added after the actor code (`USA` + `GOV` = `USAGOV`).
    Suffix,
    /// `[NGO~]`: the agent code is added before the actor code (`NGO` + `USA` = `NGOUSA`).
    Prefix,
}

/// One agent line, e.g. `ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]`.
#[derive(Debug, Clone, PartialEq)]
pub struct AgentEntry {
    /// The phrase as written (after comment removal), for display.
    pub written: String,
    /// Every phrase that names this agent: the singular (one per substitution-set item when the
    /// line uses `!MARKER!`) and the plurals (regular, irregular from `{...}`, none for `{}`).
    pub forms: Vec<Phrase>,
    /// The agent code without its `~` (`GOV`).
    pub code: String,
    pub placement: AgentPlacement,
    pub origin: Origin,
}

impl AgentEntry {
    /// Combines this agent with an actor code, honouring prefix/suffix placement.
    pub fn apply_to(&self, actor_code: &str) -> String {
        match self.placement {
            AgentPlacement::Suffix => format!("{actor_code}{}", self.code),
            AgentPlacement::Prefix => format!("{}{actor_code}", self.code),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Verbs
// ---------------------------------------------------------------------------------------------

/// Index of a [`Synset`] in [`VerbDictionary::synsets`](crate::VerbDictionary).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SynsetId(pub u32);

/// Index of a [`VerbBlock`] in [`VerbDictionary::blocks`](crate::VerbDictionary).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BlockId(pub u32);

/// Index of a [`VerbEntry`] in [`VerbDictionary::verbs`](crate::VerbDictionary).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct VerbId(pub u32);

/// Index of a [`VerbPattern`] in [`VerbDictionary::patterns`](crate::VerbDictionary).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PatternId(pub u32);

/// A CAMEO event code as written in a dictionary (`051`, `1123`, and also oddities such as
/// `075A` or `025?` that the reference files contain; they are kept as written).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct EventCode {
    pub code: String,
    /// Whether our CAMEO table knows the code. Unknown codes are kept, flagged here, and (when
    /// they are not plain digits) reported as a warning by the reader.
    pub known: bool,
}

impl EventCode {
    pub fn new(code: impl Into<String>) -> Self {
        let code = code.into();
        let known = demarche_model::cameo::is_known(&code);
        EventCode { code, known }
    }
}

/// What a verb, verb block or pattern codes.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum VerbCode {
    /// `[---]`: this verb or pattern generates no event (it still stops less specific matches).
    Null,
    /// `[051]`: one event from source to target.
    Event(EventCode),
    /// `[031:032]`: two events, `forward` from source to target and `reverse` from target to
    /// source (`Sam met the orcs` gives SAM→ORC 031 and ORC→SAM 032). Either half may be empty
    /// (`[:110]` codes only the reverse event) or null (`---`), both written as `None`.
    Pair {
        forward: Option<EventCode>,
        reverse: Option<EventCode>,
    },
}

impl VerbCode {
    pub fn is_null(&self) -> bool {
        matches!(
            self,
            VerbCode::Null
                | VerbCode::Pair {
                    forward: None,
                    reverse: None
                }
        )
    }

    /// The source→target code, if any.
    pub fn forward(&self) -> Option<&EventCode> {
        match self {
            VerbCode::Null => None,
            VerbCode::Event(c) => Some(c),
            VerbCode::Pair { forward, .. } => forward.as_ref(),
        }
    }

    /// The target→source code of a pair, if any.
    pub fn reverse(&self) -> Option<&EventCode> {
        match self {
            VerbCode::Pair { reverse, .. } => reverse.as_ref(),
            _ => None,
        }
    }
}

impl fmt::Display for VerbCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            VerbCode::Null => f.write_str("---"),
            VerbCode::Event(c) => f.write_str(&c.code),
            VerbCode::Pair { forward, reverse } => {
                write!(f, "{}:{}", code_text(forward), code_text(reverse))
            }
        }
    }
}

fn code_text(c: &Option<EventCode>) -> &str {
    c.as_ref().map(|c| c.code.as_str()).unwrap_or("")
}

/// A synonym set `&NAME` with its `+` members.
#[derive(Debug, Clone, PartialEq)]
pub struct Synset {
    /// The label without `&` and without a trailing `_` (`&AUXVERB1_` is `AUXVERB1`).
    pub name: String,
    /// The label ended with `_`: no plurals are generated for any member.
    pub no_plurals: bool,
    /// The members as written, in file order.
    pub members: Vec<SynsetMember>,
    /// Every phrase the synset matches: members, their generated plurals, and the phrases of
    /// nested synsets, flattened. This is what a coder matches against.
    pub phrases: Vec<Phrase>,
    pub origin: Origin,
}

/// One `+` line of a synset.
#[derive(Debug, Clone, PartialEq)]
pub enum SynsetMember {
    /// `+AUSTRIAN FLORIN` (a trailing `_`, as in `+KRONER_`, sets `phrase.exact_end` and stops
    /// plural generation).
    Phrase { phrase: Phrase, origin: Origin },
    /// `+&TIETYPES`: another synset's phrases are included (the reference validation file tests
    /// this; the documentation of PETRARCH-1 says it is not supported, we support it).
    Synset { name: String, origin: Origin },
}

/// A verb block: `--- NAME [code] ---` followed by verbs and patterns.
#[derive(Debug, Clone, PartialEq)]
pub struct VerbBlock {
    /// The description between the dashes (`ACCELERATE`, `LASH OUT`).
    pub name: String,
    /// The block's primary code, used by its verbs that have no code of their own; `Null` when
    /// the header has none (the documentation's default).
    pub code: VerbCode,
    pub verbs: Vec<VerbId>,
    /// The block's patterns in file order. They apply to every verb of the block.
    pub patterns: Vec<PatternId>,
    pub origin: Origin,
}

/// One verb line of a block: a primary form and all its inflected forms.
#[derive(Debug, Clone, PartialEq)]
pub struct VerbEntry {
    /// The line's verb as written (`+CORDON_OFF`, `GIVE`).
    pub written: String,
    pub block: BlockId,
    /// The verb's own code (`CLARIFY {…} [040]`); `None` means "use the block's code".
    pub code: Option<VerbCode>,
    /// Every form: the base form first, then the irregular forms from `{...}` or, when there is
    /// no `{...}`, the generated regular forms (-S, -ED, -ING).
    pub forms: Vec<VerbForm>,
    /// Whether the forms came from `{...}` rather than being generated.
    pub irregular: bool,
    pub origin: Origin,
}

/// One form of a verb. Multi-word verbs (`+CORDON_OFF`, `WIRE_+TAP`) have several words;
/// `verb_word` is the index of the word the parse tree tags as the verb (the one marked `+`;
/// the first word when none is marked).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct VerbForm {
    pub words: Vec<String>,
    pub verb_word: usize,
}

impl VerbForm {
    /// The word a parse tree tags as a verb.
    pub fn verb(&self) -> &str {
        self.words
            .get(self.verb_word)
            .map(String::as_str)
            .unwrap_or("")
    }

    /// Words written before the verb word (`WIRE` in `WIRE_+TAP`).
    pub fn before(&self) -> &[String] {
        self.words.get(..self.verb_word).unwrap_or(&[])
    }

    /// Words written after the verb word (`OFF` in `+CORDON_OFF`).
    pub fn after(&self) -> &[String] {
        self.words.get(self.verb_word + 1..).unwrap_or(&[])
    }
}

/// Which pattern syntax a verb dictionary uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PatternDialect {
    /// PETRARCH-1 / TABARI-style word sequences (`PETR.Validate.verbs.txt`): words, `_` for
    /// consecutive words, `$ + % ^` tokens, synsets, `*` for the verb.
    Petrarch1,
    /// PETRARCH-2 phrase patterns (`CAMEO.2.0.txt`): noun phrases `{...}` (head last) and
    /// prepositional phrases `(PREP ...)` before or after the verb `*`.
    Petrarch2,
}

/// A verb pattern line: `- WORDS * WORDS [code] # comment`.
///
/// The pattern is kept as one token sequence in text order that includes the verb position
/// ([`PatternItem::Verb`]), so both dialects share a representation: PETRARCH-1 patterns use
/// words, synsets and the `$ + % ^` tokens; PETRARCH-2 patterns add [`PatternItem::NounPhrase`]
/// and [`PatternItem::PrepPhrase`].
#[derive(Debug, Clone, PartialEq)]
pub struct VerbPattern {
    pub block: BlockId,
    pub tokens: Vec<PatternToken>,
    /// Index of the [`PatternItem::Verb`] token in `tokens`.
    pub verb_index: usize,
    pub code: VerbCode,
    /// The trailing comment, often naming the verb the pattern was written for (`# RUSH`).
    pub comment: Option<String>,
    pub origin: Origin,
}

impl VerbPattern {
    /// Tokens written before the verb position, in text order.
    pub fn before(&self) -> &[PatternToken] {
        self.tokens.get(..self.verb_index).unwrap_or(&[])
    }

    /// Tokens written after the verb position, in text order.
    pub fn after(&self) -> &[PatternToken] {
        self.tokens.get(self.verb_index + 1..).unwrap_or(&[])
    }
}

/// One element of a pattern.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PatternToken {
    pub item: PatternItem,
    /// Joined to the previous token by `_` (`IN_*`, `NEW_&TIETYPES_RELATIONS`): the two must be
    /// consecutive words. A blank (`IN *`) allows words in between.
    pub joined: bool,
}

/// What a pattern token matches.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum PatternItem {
    /// `*`: the verb itself.
    Verb,
    /// A literal word, upper-case.
    Word(String),
    /// `&NAME`: any phrase of the synset.
    Synset(SynsetId),
    /// `$`: the source actor is found here.
    Source,
    /// `+`: the target actor is found here.
    Target,
    /// `%`: a compound actor (source and target both) is found here.
    Compound,
    /// `^`: skip one noun phrase.
    Skip,
    /// `{FINANCIAL AID}`: a noun phrase whose head is the last item.
    NounPhrase(Vec<PatternItem>),
    /// `(FOR AID)`, `(TO {BANNED PARTIES})`, `(FROM ^)`, `(TO)`: a prepositional phrase; the
    /// preposition is a word or synset, the object may be empty.
    PrepPhrase {
        preposition: Box<PatternItem>,
        object: Vec<PatternItem>,
    },
}

/// A PETRARCH-2 transformation: `~ a (a b ATTACK) SAY = a b 015`.
#[derive(Debug, Clone, PartialEq)]
pub struct Transformation {
    /// The left-hand side: the outer event, whose object is usually an inner event.
    pub pattern: TransformEvent,
    /// Result source, target and code.
    pub source: TransformActor,
    pub target: TransformActor,
    pub code: TransformCode,
    pub origin: Origin,
}

/// `source object VERB`, where the object is an actor or a parenthesised inner event.
#[derive(Debug, Clone, PartialEq)]
pub struct TransformEvent {
    pub source: TransformActor,
    pub object: TransformObject,
    pub verb: TransformVerb,
}

#[derive(Debug, Clone, PartialEq)]
pub enum TransformObject {
    Actor(TransformActor),
    Event(Box<TransformEvent>),
}

/// An actor slot of a transformation.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum TransformActor {
    /// A letter variable (`a`, `b`): the same letter means the same actor.
    Var(String),
    /// `.`: an actor that is present but not specified.
    Unspecified,
    /// `_`: no actor present.
    Absent,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum TransformVerb {
    /// A verb (matched through its code, so synonyms match too), upper-case.
    Verb(String),
    /// `Q`: any verb.
    Any,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum TransformCode {
    Code(EventCode),
    /// `Q`: the inner event's code.
    Inner,
}

// ---------------------------------------------------------------------------------------------
// Discards and issues
// ---------------------------------------------------------------------------------------------

/// Whether a discard phrase drops a sentence or a whole story.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DiscardScope {
    Sentence,
    /// Written with a leading `+`.
    Story,
}

/// One discard phrase (`+ACADEMY AWARD`, `BASEBALL`).
#[derive(Debug, Clone, PartialEq)]
pub struct DiscardEntry {
    /// The phrase upper-case, words separated by one blank, without `+` and trailing `_`.
    pub text: String,
    pub scope: DiscardScope,
    /// Written with a trailing `_`: the match must end at a blank, punctuation or the end of the
    /// text. Otherwise the phrase is a stem (`BATSMAN` also matches `BATSMANSHIP`).
    pub whole_word: bool,
    pub origin: Origin,
}

/// A category block of the issues file: `<ISSUE CATEGORY="ENERGY" TYPE="ALL">`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssueCategory {
    pub name: String,
    /// The `TYPE` attribute as written (`ALL`, `COUNTEVENT`), empty when absent.
    pub kind: String,
    pub origin: Origin,
}

/// How an issue phrase got its code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IssueCodeSource {
    /// Written on the line: `n:atrocity [ID_ATROCITY]`.
    Explicit,
    /// No code on the line: the previous coded line of the same category gives it (the issues
    /// file lists variants under one coded line this way).
    Previous,
    /// No code on the line and none before it in the category: the category's name.
    Category,
}

/// One issue line, expanded.
#[derive(Debug, Clone, PartialEq)]
pub struct IssuePhrase {
    /// The line's phrase as written (`n:crime against humanity`).
    pub written: String,
    /// Every string the line matches after `n:`, `v:` and `+` expansion: upper-case words
    /// separated by one blank.
    pub forms: Vec<String>,
    /// The issue code; `None` for an ignore phrase.
    pub code: Option<String>,
    pub code_source: IssueCodeSource,
    /// `Some` for `~phrase` (single) and `~~phrase` (double) ignore phrases, which cancel all
    /// issue coding of a sentence they occur in.
    pub ignore: Option<IgnoreKind>,
    /// Index into [`IssueList::categories`](crate::IssueList), when inside a category block.
    pub category: Option<u32>,
    pub origin: Origin,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IgnoreKind {
    /// `~phrase`
    Single,
    /// `~~phrase`
    Double,
}
