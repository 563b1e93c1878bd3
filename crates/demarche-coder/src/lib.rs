//! demarche-coder: PETRARCH-compatible event coding on parse trees.
//!
//! # Main types
//! - [`Coder`]: built once from a [`demarche_dict::Dictionaries`] set (it compiles a
//!   [`lexicon::Lexicon`] of interned words, actor and agent tries and sorted patterns), then
//!   codes sentences from any number of threads (`&Coder` is `Sync`).
//! - [`Options`]: the PETRARCH coding options (`require_dyad`, `new_actor_length`, the
//!   `comma_*` clause lengths) plus `trace`.
//! - [`Coded`]: the events of one sentence ([`CodedEvent`], with byte spans of source, target
//!   and verb text and the dictionary entries that fired), or a [`Rejection`] (discard
//!   phrase, dateline), and an optional [`Trace`] for `demarche explain`.
//! - [`validate`]: the conformance harness over PETRARCH validation records.
//!
//! # Inputs and outputs
//! Input: a [`demarche_model::Tree`] aligned to its sentence text, the sentence text, a date and
//! options. Output: [`Coded`]. This crate does no IO (**Architecture Invariant**).
//!
//! # Design decision
//! The sentence is read as PETRARCH-1 reads it: noun phrases found in the tree become actor
//! mentions (with compounds and agents), and each verb phrase headed by a dictionary verb is
//! matched against its block's TABARI-style patterns over the flat word sequence before and
//! after the verb; the source and target come from the pattern or from PETRARCH's priorities
//! (first coded phrase before the verb; first coded phrase after it). All words are interned to
//! integers when the dictionaries are compiled, so the per-sentence work is integer compares
//! and a few small vectors. Rejected alternative: PETRARCH-2's approach of building a
//! phrase-object graph with per-phrase event lists and transformations, which is slower and
//! codes the PETRARCH-1 unit tests (written for the pattern semantics above) worse.
//!
//! ```
//! use demarche_coder::{Coder, Options};
//! use demarche_dict::{Dictionaries, PetrarchSources};
//! let verbs = "--- ATTACK [190] ---\nATTACK\n";
//! let actors = "ARNOR [ARN]\nGONDOR [GON]\n";
//! let (dicts, _) = Dictionaries::from_petrarch_sources(PetrarchSources {
//!     verbs: Some(("v.txt", verbs)),
//!     actors: &[("a.txt", actors)],
//!     ..Default::default()
//! });
//! let coder = Coder::new(&dicts);
//! let text = "Arnor attacked Gondor.";
//! let tree = demarche_model::Tree::parse_ptb(
//!     "(ROOT (S (NP (NNP Arnor)) (VP (VBD attacked) (NP (NNP Gondor))) (. .)))",
//! ).unwrap().aligned_to(text);
//! let date = demarche_model::parse_date("2020-01-01").unwrap();
//! let coded = coder.code(&tree, text, date, &Options::default());
//! let e = &coded.events[0];
//! assert_eq!((e.source.as_str(), e.target.as_str(), e.code.as_str()), ("ARN", "GON", "190"));
//! assert_eq!(&text[e.verb_span.unwrap().range()], "attacked");
//! ```

pub mod discourse;
mod frames;
mod legacy;
pub mod lexicon;
pub mod validate;

pub use discourse::Discourse;
pub use legacy::{Coded, CodedEvent, Coder, Trace, TraceActor, TraceVerb};

use demarche_model::RuleRef;
use serde::{Deserialize, Serialize};

/// PETRARCH's coding options, with PETRARCH's defaults.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Options {
    /// Events need a non-null source and target (`---` is null; `---GOV` is not).
    pub require_dyad: bool,
    /// Noun phrases with no actor or agent of at most this many words become actors named by
    /// their text (`"MINISTRY OF MAGIC"`); 0 disables.
    pub new_actor_length: usize,
    /// Internal comma-delimited clauses of `comma_min..=comma_max` words are removed.
    pub comma_min: usize,
    pub comma_max: usize,
    /// Initial clause (before the first comma) limits; `comma_bmax = 0` disables.
    pub comma_bmin: usize,
    pub comma_bmax: usize,
    /// Terminal clause (after the last comma) limits.
    pub comma_emin: usize,
    pub comma_emax: usize,
    /// Record a [`Trace`] of the decisions (costs time; for `explain`).
    #[serde(default)]
    pub trace: bool,
    /// Not in PETRARCH: a verb negated by a negation word (`demarche_text::english`: "did not
    /// attack") codes no event unless a pattern matched (patterns can spell negations out
    /// themselves).
    #[serde(default)]
    pub negation: bool,
    /// Not in PETRARCH: an action under a future modal ("will visit") or after an intention
    /// verb is coded as the intent to do it, by the `intent` rules of `dictionaries/policy.txt`
    /// (an intent to meet rather than a visit).
    #[serde(default)]
    pub intent: bool,
    /// Not in PETRARCH: a statement verb (a `statement` root of `dictionaries/policy.txt`,
    /// "said") does not swallow the clause it reports: "X said Y attacked Z" codes Y → Z, and
    /// X's statement event is dropped when the reported clause codes an event. Verbs with their
    /// own target ("X accused Y") are unchanged.
    #[serde(default)]
    pub reported_speech: bool,
    /// Not in PETRARCH: a compound subject doing a cooperative act (`joint` in `policy.txt`)
    /// with no coded target codes it between its members, each way ("India and China agreed to
    /// resolve the dispute" is IND → CHN and CHN → IND). `None` (the default) follows `reported_speech`,
    /// the switch our dictionaries' news reading turns on, so PETRARCH runs are unchanged.
    #[serde(default)]
    pub joint_subject: Option<bool>,
    /// Not in PETRARCH: a target that is an agent with no country ("protesters", "the
    /// government") takes the country of a place in the verb phrase ("arrested protesters in
    /// Nairobi"), else that of a domestic source (`domestic` in `policy.txt`: "Serbian students
    /// protested against the government" is SRB → SRB).
    /// `None` (the default) follows `reported_speech`, like `joint_subject`.
    #[serde(default)]
    pub domestic: Option<bool>,
    /// Not in PETRARCH: the predicate layer ([`demarche_predicates`]) is coded too — event
    /// nouns under support verbs through `dictionaries/frames/`, passives by their deep roles,
    /// coordinated, relative, participial and adverbial clauses, comitatives — and merged with
    /// the pattern coder's events (see the `frames` module). `None` follows `reported_speech`.
    #[serde(default)]
    pub frames: Option<bool>,
    /// Not in PETRARCH: a noun phrase with no actor of the dictionaries that names a place of
    /// the embedded gazetteer (`demarche-geo`: "the Jenin refugee camp", "Bukavu", "the
    /// Donetsk region") stands for the place's country, as the cities of PETRARCH's country
    /// dictionaries do (rule `place-country`, [`legacy`]'s mentions). `None` follows
    /// `reported_speech`.
    #[serde(default)]
    pub places: Option<bool>,
}

impl Options {
    /// Whether joint acts of a compound subject are coded between its members.
    pub fn joint_subject(&self) -> bool {
        self.joint_subject.unwrap_or(self.reported_speech)
    }

    /// Whether the predicate layer is coded with the frames.
    pub fn frames(&self) -> bool {
        self.frames.unwrap_or(self.reported_speech)
    }

    /// Whether gazetteer places stand for their countries in phrases with no actor.
    pub fn places(&self) -> bool {
        self.places.unwrap_or(self.reported_speech)
    }

    /// Whether country-less agent targets take a place's or a domestic source's country.
    pub fn domestic(&self) -> bool {
        self.domestic.unwrap_or(self.reported_speech)
    }
}

impl Default for Options {
    fn default() -> Self {
        Options {
            require_dyad: true,
            new_actor_length: 0,
            comma_min: 2,
            comma_max: 8,
            comma_bmin: 0,
            comma_bmax: 0,
            comma_emin: 2,
            comma_emax: 8,
            trace: false,
            negation: false,
            intent: false,
            reported_speech: false,
            joint_subject: None,
            domestic: None,
            frames: None,
            places: None,
        }
    }
}

/// An option could not be set.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OptionError {
    #[error("option `{option}`: expected {expected}, found `{value}`")]
    BadValue {
        option: String,
        value: String,
        expected: &'static str,
    },
}

impl Options {
    /// Sets an option by its PETRARCH name (`require_dyad`, `comma_emax`, ...), as a `<Config>`
    /// record or a config file writes it. Returns `Ok(false)` for options that do not affect
    /// coding (`stop_on_error`, `write_actor_root`, ...), which are accepted and ignored.
    pub fn set(&mut self, option: &str, value: &str) -> Result<bool, OptionError> {
        let v = value.trim();
        let num = |expected| {
            v.parse::<usize>().map_err(|_| OptionError::BadValue {
                option: option.to_string(),
                value: value.to_string(),
                expected,
            })
        };
        let slot = match option.trim().to_ascii_lowercase().as_str() {
            "require_dyad" => {
                self.require_dyad = match v.to_ascii_lowercase().as_str() {
                    "true" | "1" | "yes" => true,
                    "false" | "0" | "no" => false,
                    _ => {
                        return Err(OptionError::BadValue {
                            option: option.to_string(),
                            value: value.to_string(),
                            expected: "true or false",
                        });
                    }
                };
                return Ok(true);
            }
            "negation" | "intent" | "reported_speech" | "joint_subject" | "domestic" | "frames"
            | "places" => {
                let flag = match v.to_ascii_lowercase().as_str() {
                    "true" | "1" | "yes" => true,
                    "false" | "0" | "no" => false,
                    _ => {
                        return Err(OptionError::BadValue {
                            option: option.to_string(),
                            value: value.to_string(),
                            expected: "true or false",
                        });
                    }
                };
                match option.trim().to_ascii_lowercase().as_str() {
                    "negation" => self.negation = flag,
                    "intent" => self.intent = flag,
                    "joint_subject" => self.joint_subject = Some(flag),
                    "places" => self.places = Some(flag),
                    "domestic" => self.domestic = Some(flag),
                    "frames" => self.frames = Some(flag),
                    _ => self.reported_speech = flag,
                }
                return Ok(true);
            }
            "new_actor_length" => &mut self.new_actor_length,
            "comma_min" => &mut self.comma_min,
            "comma_max" => &mut self.comma_max,
            "comma_bmin" => &mut self.comma_bmin,
            "comma_bmax" => &mut self.comma_bmax,
            "comma_emin" => &mut self.comma_emin,
            "comma_emax" => &mut self.comma_emax,
            _ => return Ok(false),
        };
        *slot = num("a whole number")?;
        Ok(true)
    }
}

/// Why a sentence was not coded at all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Rejection {
    /// A sentence discard phrase occurs in the text.
    SentenceDiscard { phrase: String, rule: RuleRef },
    /// A story discard phrase (`+PHRASE`) occurs: the whole story is dropped.
    StoryDiscard { phrase: String, rule: RuleRef },
    /// The sentence starts with a news-wire dateline (`CEBU CITY: --`).
    Dateline,
}

impl Rejection {
    /// The name PETRARCH's validation records use for this error.
    pub fn error_name(&self) -> &'static str {
        match self {
            Rejection::SentenceDiscard { .. } => "sentencediscard",
            Rejection::StoryDiscard { .. } => "storydiscard",
            Rejection::Dateline => "dateline",
        }
    }
}
