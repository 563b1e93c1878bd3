//! demarche-predicates: the predicate–argument layer between the parse and the CAMEO coder.
//!
//! A phrase-structure [`Tree`] (from our parser or given Penn Treebank trees) becomes a list of
//! [`Predication`]s: for every verb and every event noun, who did it (agent), to whom (patient),
//! the prepositional arguments, and how it is framed — voice (arguments are already in deep
//! roles, so a passive's subject is its patient and its `by` phrase its agent), polarity,
//! modality, and the predication it sits under (reported by a verb of saying, controlled by
//! "agree to"/"urge … to", a relative or participial clause). This crate knows English, not
//! CAMEO: which nouns are events and which verbs are support verbs comes from a
//! [`PredicateLexicon`] (the coder builds one from `dictionaries/frames/`); verb classes and
//! closed-class words come from [`demarche_text::english`].
//!
//! # How a tree becomes predications
//! 1. *Verb chains*: each lexical verb heads one predication; the auxiliaries above it (`will`,
//!    `has been`, `did not`, `to`) set modality, voice and polarity.
//! 2. *Arguments*: the clause's subject, the verb phrase's objects and prepositional phrases;
//!    passive subjects are patients and `by` phrases agents.
//! 3. *Gaps*: coordinated verb phrases share the subject; a relative clause's antecedent fills
//!    its missing subject or object; a reduced relative ("activists detained by China") makes its
//!    head noun the patient (past participle) or agent (`-ing`); a participial clause after a
//!    comma takes the main clause's subject; a control verb's infinitive takes its object
//!    ("urged Y to …") or subject ("agreed to …").
//! 4. *Event nouns*: a noun phrase headed by an event noun is a predication of its own: the
//!    possessor or an actor modifier is its agent ("Russia's strikes", "Russian shelling"), its
//!    prepositional phrases are its arguments; as the object of a support verb ("carried out
//!    air strikes on …") it takes the verb's subject, prepositional phrases and framing, and the
//!    support verb is absorbed.
//! 5. *Links*: each predication records the one it is under and how (report, control, …).
//!
//! Rejected alternative: role labels inside the parser. Given PTB trees would then need a second
//! path; here both kinds of tree map into one layer.
//!
//! ```
//! use demarche_predicates::{analyze, render, NoLexicon};
//! let tree = demarche_model::Tree::parse_ptb(
//!     "(ROOT (S (NP (NNP Israel)) (VP (VBD struck) (NP (NNP Gaza))) (. .)))").unwrap();
//! let a = analyze(&tree, &NoLexicon);
//! assert_eq!(render(&tree, &a), "p0 strike verb\n   patient \"Gaza\" object\n   agent \"Israel\" subject\n");
//! ```

mod build;
mod render;
mod shape;

pub use build::{analyze, analyze_into};
pub use render::render;

use demarche_model::{NodeId, Tree};
use demarche_text::english::VerbClasses;
use std::borrow::Cow;

/// What the coder knows about words that this layer needs: which noun phrases name events and
/// which verbs are support verbs.
pub trait PredicateLexicon {
    /// `words` are the lower-case words of a noun phrase up to and including its head noun (the
    /// head last). Returns how many words at the end name an event (`2` for "air strikes") and
    /// an id the lexicon understands, or `None`.
    fn event_noun(&self, words: &[&str]) -> Option<(usize, u32)>;
    /// Whether a verb lemma, with its particle if any ("carry" + "out"), is a support verb: its
    /// object noun names the event ("held talks", "carried out strikes"), and whose the
    /// verb's subject is.
    fn support(&self, lemma: &str, particle: Option<&str>) -> Option<Support>;
    /// The lemma of a verb form the English lists do not know, from the coder's own verb
    /// dictionary ("filed" is "file", "convened" "convene"), before a guess from its ending.
    fn verb_lemma(&self, _word: &str) -> Option<String> {
        None
    }
}

/// How a support verb relates its subject to the event its object names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Support {
    /// The subject does it: "Israel carried out strikes".
    Agentive,
    /// The subject undergoes it: "the launch drew condemnation from Japan", "prompting
    /// criticism from Beijing".
    Elicit,
}

/// A lexicon that knows no event nouns and no support verbs: verbs only.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoLexicon;

impl PredicateLexicon for NoLexicon {
    fn event_noun(&self, _: &[&str]) -> Option<(usize, u32)> {
        None
    }
    fn support(&self, _: &str, _: Option<&str>) -> Option<Support> {
        None
    }
}

/// Index of a predication in [`Analysis::preds`].
pub type PredId = u32;

/// Every predication of one sentence; arguments in one flat arena.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Analysis {
    pub preds: Vec<Predication>,
    pub args: Vec<Arg>,
    /// Node → the leaves it covers (first leaf index, one past the last), by node index:
    /// read once here for every reader of the analysis.
    pub ranges: Vec<(u32, u32)>,
    /// Leaf index → its node, in order.
    pub leaves: Vec<NodeId>,
    /// The lower-case forms of the leaves' words that are not lower case already, one after
    /// another (`lower_at` slices it; [`Analysis::lower_word`] reads them).
    lower: String,
    /// Leaf index → the byte range of its word's lower-case form in `lower`, or `None` when
    /// the word is its own lower case.
    lower_at: Vec<Option<(u32, u32)>>,
}

impl Analysis {
    /// The arguments of a predication.
    pub fn args_of(&self, p: &Predication) -> &[Arg] {
        self.args
            .get(p.args.start as usize..p.args.end as usize)
            .unwrap_or(&[])
    }

    /// The first argument of a predication with this role.
    pub fn arg(&self, p: &Predication, role: &Role) -> Option<&Arg> {
        self.args_of(p).iter().find(|a| &a.role == role)
    }

    /// The word of leaf `leaf` (a leaf index) in lower case — `word.to_lowercase()`, read
    /// once per sentence — or `None` past the last leaf.
    pub fn lower_word<'a>(&'a self, tree: &'a Tree, leaf: u32) -> Option<&'a str> {
        let node = *self.leaves.get(leaf as usize)?;
        Some(match self.lower_at.get(leaf as usize).copied().flatten() {
            Some((a, b)) => self.lower.get(a as usize..b as usize).unwrap_or(""),
            None => tree.word(node).unwrap_or(""),
        })
    }

    /// The predication `p` hangs under, with the link's kind.
    pub fn governor(&self, p: &Predication) -> Option<(&Predication, Link)> {
        let (j, link) = p.under?;
        Some((self.preds.get(j as usize)?, link))
    }

    /// The noun predication whose noun phrase is `node`, if any.
    pub fn noun_at(&self, node: NodeId) -> Option<PredId> {
        self.preds
            .iter()
            .position(|p| p.kind == PredKind::Noun && p.scope == node)
            .map(|i| i as PredId)
    }
}

/// One predicate with its arguments and framing.
#[derive(Debug, Clone, PartialEq)]
pub struct Predication {
    /// The leaf that names it: the verb, or the event noun's head.
    pub head: NodeId,
    /// Verb lemma ("strike"), or the event noun's words ("air strikes"); borrowed from the
    /// shared English lists when they know the form.
    pub lemma: Cow<'static, str>,
    pub kind: PredKind,
    /// For an event noun: the lexicon's id. For a verb: unused (0).
    pub noun: u32,
    /// First leaf index of the event noun's name (for "air strikes", the leaf of "air").
    pub name_lo: u32,
    /// The particle of a phrasal verb ("out" in "carried out").
    pub particle: Option<NodeId>,
    /// The support verb an event noun is the object of ("held" in "held talks").
    pub support: Option<NodeId>,
    /// The support verb's lemma with its particle ("carry out").
    pub support_lemma: Option<String>,
    /// A support verb whose event noun took it over: not an event of its own.
    pub absorbed: bool,
    pub voice: Voice,
    pub polarity: Polarity,
    pub modality: Modality,
    /// A `to`-infinitive.
    pub infinitive: bool,
    /// Range into [`Analysis::args`].
    pub args: std::ops::Range<u32>,
    /// The predication this one is embedded under, and how.
    pub under: Option<(PredId, Link)>,
    /// The clause's verb phrase (verbs) or the noun phrase (nouns): the evidence span.
    pub scope: NodeId,
    /// For a verb, the verb classes of its word, as [`English::has_class`] gives them for it
    /// (asked once here rather than by every rule that needs one); for an event noun, none
    /// (ask [`English::has_class`] of its word).
    ///
    /// [`English::has_class`]: demarche_text::english::English::has_class
    pub classes: VerbClasses,
}

impl Predication {
    /// A predication as written: active, affirmed, asserted, under nothing, no arguments yet.
    pub fn new(
        head: NodeId,
        lemma: Cow<'static, str>,
        kind: PredKind,
        noun: u32,
        name_lo: u32,
        scope: NodeId,
    ) -> Self {
        Predication {
            head,
            lemma,
            kind,
            noun,
            name_lo,
            particle: None,
            support: None,
            support_lemma: None,
            absorbed: false,
            voice: Voice::Active,
            polarity: Polarity::Affirmed,
            modality: Modality::Asserted,
            infinitive: false,
            args: 0..0,
            under: None,
            scope,
            classes: VerbClasses::default(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PredKind {
    Verb,
    Noun,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Voice {
    Active,
    Passive,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Polarity {
    Affirmed,
    Negated,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Modality {
    Asserted,
    /// `will`, `would`, `shall`.
    Future,
    /// `may`, `might`, `could`, `can`.
    Possible,
    /// `must`, `should`.
    Obligation,
}

/// How a predication sits under another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Link {
    /// The content of a reporting verb ("said that …", "said … , X said").
    Report,
    /// The content of a denial ("denied that …").
    Deny,
    /// The infinitive of a control verb ("agreed to …", "urged Y to …").
    Control,
    /// Any other complement clause or infinitive.
    Complement,
    /// A relative clause on an argument of the other predication.
    Relative,
    /// A participial clause after a comma (", killing …").
    Participle,
    /// An adverbial clause (", as …", "while …", "after …").
    Adjunct,
    /// An event noun in an argument of the other predication ("condemned the strikes").
    Argument,
}

/// One argument of a predication.
#[derive(Debug, Clone, PartialEq)]
pub struct Arg {
    pub role: Role,
    pub filler: Filler,
    /// How it was found (for tests and `explain`).
    pub via: Via,
}

/// Deep roles, after voice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Role {
    Agent,
    Patient,
    /// The second object ("gave Ukraine weapons": Ukraine is the patient, weapons second).
    Second,
    /// A prepositional argument: the preposition, lower case ("against", "according to");
    /// borrowed from the closed-class word list when it is there (no allocation).
    Obl(Cow<'static, str>),
    /// A clause the predicate takes (reported, controlled).
    Content,
}

/// What fills a role: a phrase (with its leaf range), or another predication.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filler {
    /// A node and the leaf range `lo..hi` it stands for (a modifier is part of a noun phrase).
    Phrase {
        node: NodeId,
        lo: u32,
        hi: u32,
    },
    Pred(PredId),
}

/// How an argument was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Via {
    Subject,
    Object,
    By,
    Possessor,
    Modifier,
    Pp,
    /// The subject of a verb phrase coordinated with this one.
    SharedSubject,
    /// A control verb's object or subject.
    Controller,
    /// The noun a relative clause hangs on.
    Antecedent,
    /// The subject of the main clause, for a participial clause.
    MatrixSubject,
    /// The subject of the support verb.
    SupportSubject,
    /// A prepositional phrase of the support verb.
    SupportPp,
    /// A prepositional phrase the parser hung on the verb right after the phrase whose object
    /// is this noun ("during a visit (to Hanoi) (by Japan's minister)").
    Adjacent,
    Clause,
}
