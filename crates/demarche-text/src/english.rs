//! One home for English words: closed classes, verb classes and inflection, read from
//! `data/english/*.txt` (see its README). The parser's clients, the predicate layer, the coder
//! and the extractor ask here instead of keeping their own lists.
//!
//! Every list holds lemmas; [`verb_forms`] generates their regular forms (irregular ones are in
//! `irregular.txt`), and [`English::verb_lemma`] maps any form back to its lemma.
//!
//! ```
//! use demarche_text::english::{self, Aux, Modal, VerbClass};
//! let en = english::get();
//! assert_eq!(en.verb_lemma("struck"), "strike");
//! assert_eq!(en.verb_lemma("urged"), "urge");
//! assert_eq!(en.aux("were"), Some(Aux::Be));
//! assert_eq!(en.modal("would"), Some(Modal::Future));
//! assert!(en.is_negation("n't"));
//! assert!(en.has_class("said", VerbClass::Report));
//! assert!(en.has_class("urging", VerbClass::ObjectControl));
//! assert_eq!(english::verb_forms("visit"), ["visits", "visited", "visiting"]);
//! ```

use crate::wordhash::WordHasher;
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

type Map<K, V> = HashMap<K, V, WordHasher>;

/// `f` of [`lower`] of `word`, without allocating for an ASCII word of up to 32 bytes (lowered
/// on the stack): the look-ups of numbers, months and weekdays are asked about capitalised
/// words all the time.
pub fn with_lower<T>(word: &str, f: impl FnOnce(&str) -> T) -> T {
    let mut buf = [0u8; 32];
    if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        return f(word);
    }
    if word.is_ascii() && word.len() <= buf.len() {
        let lower = buf.get_mut(..word.len()).unwrap_or(&mut []);
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        return f(std::str::from_utf8(lower).unwrap_or(""));
    }
    f(&word.to_lowercase())
}

/// `word` in lower case, borrowed when it already is (plain lower-case ASCII, the usual case),
/// so lookups allocate only for capitalised or non-ASCII words.
fn lower(word: &str) -> Cow<'_, str> {
    if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(word.to_lowercase())
    }
}

/// An auxiliary verb family.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Aux {
    Be,
    Have,
    Do,
    /// The passive `get` ("got arrested").
    Get,
}

/// What a modal says about its verb.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Modal {
    Future,
    Possible,
    Obligation,
}

/// What a preposition's phrase marks: the sections of `preposition.txt` (a word may have
/// several).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prep {
    /// The agent of a passive (`by`).
    Agent,
    /// Joins its object to the noun phrase before it into one actor phrase (`of`, `in`, `from`).
    Part,
    /// Its object is where the event happens, not a participant (`in`).
    Place,
    /// Its object is where the event happens or where it is aimed (`in`, `to`, `at`, `against`).
    PlaceOrGoal,
    /// The infinitive marker (`to`).
    Infinitive,
    /// A verb particle a parser may read as a preposition ("carried out strikes").
    Particle,
    /// With no object, what a verb is aimed at ("clashed with", "fired at").
    Target,
    /// Its object may be the event that did it ("killed in an air strike").
    Event,
    /// Its object does the act too ("arrived with the leaders of …").
    Comitative,
    /// Its object names both sides of the event ("clashes between A and B").
    Pair,
    /// Its object is what a partitive noun counts ("a barrage of missiles").
    Counted,
    /// A gerund after it is done by the clause's subject, not its object ("expelled two
    /// diplomats after blaming Moscow").
    Circumstance,
    /// An event noun after it happened before ("after Israeli strikes on Gaza").
    Past,
    /// It opens the condition of a threat or promise ("would take countermeasures if …").
    Condition,
    /// Its object is what a verb of leaving leaves ("withdrew from the WHO").
    Departure,
    /// An event noun after it is the occasion of the clause's act, at the same time ("briefed
    /// him during talks in Gyeongju").
    Occasion,
    /// Its object is where goods come from ("tariffs on goods from China").
    Origin,
    /// After a verb's object, its object describes that object ("condemned the strikes as a
    /// violation of Venezuela's sovereignty"): no participant of the verb.
    Predicative,
    /// Its object is what a meeting or talks are about ("met over the strikes", "talks on
    /// Ukraine"): no side of them.
    Topic,
}

/// A verb class: the files of `data/english/` that list verbs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u16)]
pub enum VerbClass {
    Report = 1,
    SubjectControl = 2,
    ObjectControl = 4,
    Intent = 8,
    Aspect = 16,
    Deny = 32,
    /// Verbs that deny their infinitive happened ("failed to", "declined to").
    Negating = 128,
    /// Verbs of harm done ("killed", "hit", "destroyed"): an event noun that is their subject
    /// or their `in` phrase ("an air strike killed …", "killed in an air strike") happened.
    Effect = 64,
    /// Verbs of warning and vowing whose clause can name consequences (`consequence.txt`
    /// `[threat]`: "warned that …").
    Threat = 256,
    /// What befalls the one warned (`consequence.txt` `[consequence]`: "would pay a price",
    /// "would face punishment", "would be punished").
    Consequence = 512,
    /// Object-control verbs that assert their infinitive happened (`control.txt`
    /// `[causative]`: "prompting Mexico to break off relations": Mexico broke them off).
    Causative = 1024,
    /// What meets a deed of the one warned, said in the passive (`consequence.txt`
    /// `[response]`: "any strike would be met with force", "would be resisted").
    Response = 2048,
    /// Answering a deed in kind (`consequence.txt` `[retort]`: "vowed to respond in kind").
    Retort = 4096,
    /// Subject-control verbs of refusing their infinitive (`control.txt` `[refusing]`:
    /// "refused to free the aid worker"): a cooperative act refused, as one said to be not done.
    Refusing = 8192,
}

/// The [`VerbClass`]es of one verb ([`English::verb_classes`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct VerbClasses(u16);

impl VerbClasses {
    /// Whether the verb is of `class`.
    pub fn has(self, class: VerbClass) -> bool {
        self.0 & class as u16 != 0
    }
}

/// The compiled word lists (built once, shared by every thread).
#[derive(Debug)]
pub struct English {
    /// Every known form (lower case) → its lemma.
    lemma_of: Map<String, String>,
    /// Lemma → bit set of [`VerbClass`]es.
    classes: Map<String, u16>,
    aux: Map<&'static str, Aux>,
    /// Every auxiliary form in file order.
    aux_forms: Vec<(&'static str, Aux)>,
    /// The prepositions of each role (by `Prep as usize`), in file order: a role's test
    /// scans only its own words.
    prep: Vec<Vec<&'static str>>,
    /// The named lists of `forms.txt`.
    forms: Vec<(&'static str, Vec<&'static str>)>,
    /// The same lists line by line, for lists of phrases.
    form_lines: Vec<(&'static str, Vec<&'static str>)>,
    modal: Map<&'static str, Modal>,
    negation: Vec<&'static str>,
    adjunct: Vec<&'static str>,
    aux_forms_definite: Vec<&'static str>,
    anaphora: Vec<(Anaphor, &'static str)>,
    /// The one-word entries of `anaphora` (not `group` heads), first kind listed: a word is
    /// looked up, not compared with every phrase.
    anaphor_words: Map<&'static str, Anaphor>,
    /// `anaphora.txt` `[pair-head]`: plural heads that make a pair after "the two" or "both"
    /// and modifiers.
    pair_heads: Vec<&'static str>,
    partitive: Vec<&'static str>,
    place_noun: Vec<&'static str>,
}

/// What an anaphoric phrase stands for (`anaphora.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anaphor {
    /// "he", "she": a person named before.
    Person,
    /// "it", "its": an actor named before.
    Thing,
    /// "the two sides": the last two actors named together.
    Pair,
    /// "the group": the last armed group named.
    Group,
    /// "each other": the subject's members, each to the other.
    Reciprocal,
    /// "they", "them": an actor named before, or every actor of a list named as a subject.
    Plural,
    /// "the bloc": the last organisation named, written as the head noun after "the".
    Bloc,
    /// "we", "our": whoever says the clause it stands in.
    Speaker,
    /// "the guest", "the visitor": who made the last visit the document coded.
    Guest,
    /// "the ministers", "the leaders": the pair of the sentence just before, if it named one.
    RecentPair,
    /// "its neighbour", "its northern neighbour": the other country of the owner's pair.
    Neighbour,
    /// "the three countries", "the four Gulf states": the last list of that many actors named.
    Counted(u8),
}

const IRREGULAR: &str = include_str!("../data/english/irregular.txt");
const AUXILIARY: &str = include_str!("../data/english/auxiliary.txt");
const MODAL: &str = include_str!("../data/english/modal.txt");
const NEGATION: &str = include_str!("../data/english/negation.txt");
const ADJUNCT: &str = include_str!("../data/english/adjunct.txt");
const ANAPHORA: &str = include_str!("../data/english/anaphora.txt");
const PARTITIVE: &str = include_str!("../data/english/partitive.txt");
const PLACE_NOUN: &str = include_str!("../data/english/place-noun.txt");
const PREPOSITION: &str = include_str!("../data/english/preposition.txt");
const FORMS: &str = include_str!("../data/english/forms.txt");
const CLASS_FILES: [(&str, &str); 7] = [
    (
        "consequence",
        include_str!("../data/english/consequence.txt"),
    ),
    ("effect", include_str!("../data/english/effect.txt")),
    ("report", include_str!("../data/english/report.txt")),
    ("control", include_str!("../data/english/control.txt")),
    ("intent", include_str!("../data/english/intent.txt")),
    ("aspect", include_str!("../data/english/aspect.txt")),
    ("deny", include_str!("../data/english/deny.txt")),
];

/// The shared word lists.
pub fn get() -> &'static English {
    static EN: OnceLock<English> = OnceLock::new();
    EN.get_or_init(English::build)
}

/// Content lines of a data file: comments and blank lines removed.
fn lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines().filter_map(|l| {
        let l = match l.find('#') {
            Some(i) => &l[..i],
            None => l,
        };
        let l = l.trim();
        (!l.is_empty()).then_some(l)
    })
}

/// `[section]` lines split a file; yields (section, words of the line).
fn sections(text: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    let mut section = "";
    lines(text).filter_map(move |l| {
        if let Some(s) = l.strip_prefix('[').and_then(|s| s.strip_suffix(']')) {
            section = s;
            None
        } else {
            Some((section, l))
        }
    })
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// The regular third-person, past and gerund forms of a (single-word, lower-case) lemma.
pub fn verb_forms(lemma: &str) -> [String; 3] {
    let b = lemma.as_bytes();
    let consonant_y = lemma.ends_with('y') && b.len() > 1 && !is_vowel(b[b.len() - 2]);
    let third =
        if lemma.ends_with(['s', 'x', 'z']) || lemma.ends_with("ch") || lemma.ends_with("sh") {
            format!("{lemma}es")
        } else if consonant_y {
            format!("{}ies", &lemma[..lemma.len() - 1])
        } else {
            format!("{lemma}s")
        };
    let past = if lemma.ends_with('e') {
        format!("{lemma}d")
    } else if consonant_y {
        format!("{}ied", &lemma[..lemma.len() - 1])
    } else {
        format!("{lemma}ed")
    };
    let gerund = if let Some(stem) = lemma.strip_suffix("ie") {
        format!("{stem}ying")
    } else if lemma.ends_with('e')
        && !lemma.ends_with("ee")
        && !lemma.ends_with("ye")
        && b.len() > 2
    {
        format!("{}ing", &lemma[..lemma.len() - 1])
    } else {
        format!("{lemma}ing")
    };
    [third, past, gerund]
}

/// The plural of a (lower-case) noun, by rule.
pub fn noun_plural(noun: &str) -> String {
    let b = noun.as_bytes();
    // Built with one allocation (no formatting machinery: the geoparser asks for many).
    let (stem, suffix) =
        if noun.ends_with(['s', 'x', 'z']) || noun.ends_with("ch") || noun.ends_with("sh") {
            (noun, "es")
        } else if noun.ends_with('y') && b.len() > 1 && !is_vowel(b[b.len() - 2]) {
            (&noun[..noun.len() - 1], "ies")
        } else {
            (noun, "s")
        };
    let mut out = String::with_capacity(stem.len() + suffix.len());
    out.push_str(stem);
    out.push_str(suffix);
    out
}

impl English {
    fn build() -> English {
        let mut en = English {
            lemma_of: Map::default(),
            classes: Map::default(),
            aux: Map::default(),
            aux_forms: Vec::new(),
            prep: Vec::new(),
            forms: Vec::new(),
            form_lines: Vec::new(),
            modal: Map::default(),
            adjunct: lines(ADJUNCT).collect(),
            aux_forms_definite: sections(ANAPHORA)
                .filter(|(section, _)| *section == "definite")
                .map(|(_, w)| w)
                .collect(),
            partitive: lines(PARTITIVE).collect(),
            place_noun: lines(PLACE_NOUN).collect(),
            anaphora: sections(ANAPHORA)
                .filter_map(|(section, phrase)| {
                    let kind = match section {
                        "person" => Anaphor::Person,
                        "thing" => Anaphor::Thing,
                        "plural" => Anaphor::Plural,
                        "pair" => Anaphor::Pair,
                        "pair-recent" => Anaphor::RecentPair,
                        "group" => Anaphor::Group,
                        "bloc" => Anaphor::Bloc,
                        "reciprocal" => Anaphor::Reciprocal,
                        "speaker" => Anaphor::Speaker,
                        "guest" => Anaphor::Guest,
                        "neighbour" => Anaphor::Neighbour,
                        _ => return None,
                    };
                    Some((kind, phrase))
                })
                .collect(),
            anaphor_words: Map::default(),
            pair_heads: sections(ANAPHORA)
                .filter(|(section, _)| *section == "pair-head")
                .map(|(_, w)| w)
                .collect(),
            negation: NEGATION
                .split_whitespace()
                .filter(|w| !w.starts_with('#'))
                .collect(),
        };
        for &(kind, phrase) in &en.anaphora {
            if !matches!(kind, Anaphor::Group | Anaphor::Bloc | Anaphor::Neighbour)
                && !phrase.contains(' ')
            {
                en.anaphor_words.entry(phrase).or_insert(kind);
            }
        }
        for line in lines(IRREGULAR) {
            let (lemma, rest) = line.split_once('(').unwrap_or((line, ""));
            let lemma = lemma.trim();
            en.lemma_of.insert(lemma.to_string(), lemma.to_string());
            for form in rest.trim_end_matches(')').split_whitespace() {
                en.lemma_of
                    .entry(form.to_string())
                    .or_insert_with(|| lemma.to_string());
            }
        }
        for (section, words) in sections(AUXILIARY) {
            let aux = match section {
                "be" => Aux::Be,
                "have" => Aux::Have,
                "do" => Aux::Do,
                _ => Aux::Get,
            };
            for w in words.split_whitespace() {
                en.aux.entry(w).or_insert(aux);
                en.aux_forms.push((w, aux));
            }
        }
        for (section, words) in sections(PREPOSITION) {
            let role = match section {
                "agent" => Prep::Agent,
                "part" => Prep::Part,
                "place" => Prep::Place,
                "place-or-goal" => Prep::PlaceOrGoal,
                "particle" => Prep::Particle,
                "target" => Prep::Target,
                "event" => Prep::Event,
                "comitative" => Prep::Comitative,
                "pair" => Prep::Pair,
                "counted" => Prep::Counted,
                "circumstance" => Prep::Circumstance,
                "past" => Prep::Past,
                "condition" => Prep::Condition,
                "departure" => Prep::Departure,
                "occasion" => Prep::Occasion,
                "origin" => Prep::Origin,
                "predicative" => Prep::Predicative,
                "topic" => Prep::Topic,
                _ => Prep::Infinitive,
            };
            let i = role as usize;
            if en.prep.len() <= i {
                en.prep.resize_with(i + 1, Vec::new);
            }
            en.prep[i].extend(words.split_whitespace());
        }
        for (section, words) in sections(FORMS) {
            match en.forms.iter_mut().find(|(s, _)| *s == section) {
                Some((_, list)) => list.extend(words.split_whitespace()),
                None => en.forms.push((section, words.split_whitespace().collect())),
            }
            match en.form_lines.iter_mut().find(|(s, _)| *s == section) {
                Some((_, list)) => list.push(words.trim()),
                None => en.form_lines.push((section, vec![words.trim()])),
            }
        }
        for (section, words) in sections(MODAL) {
            let m = match section {
                "future" => Modal::Future,
                "possible" => Modal::Possible,
                _ => Modal::Obligation,
            };
            for w in words.split_whitespace() {
                en.modal.insert(w, m);
            }
        }
        for (file, text) in CLASS_FILES {
            for (section, lemma) in sections(text) {
                let class = match (file, section) {
                    ("report", _) => VerbClass::Report,
                    ("control", "object") => VerbClass::ObjectControl,
                    // A causative is an object-control verb too (its object does the act).
                    ("control", "causative") => {
                        *en.classes.entry(lemma.to_string()).or_default() |=
                            VerbClass::ObjectControl as u16;
                        VerbClass::Causative
                    }
                    ("control", "negating") => VerbClass::Negating,
                    ("control", "refusing") => VerbClass::Refusing,
                    ("control", _) => VerbClass::SubjectControl,
                    ("intent", _) => VerbClass::Intent,
                    ("aspect", _) => VerbClass::Aspect,
                    ("effect", _) => VerbClass::Effect,
                    ("consequence", "threat") => VerbClass::Threat,
                    ("consequence", "response") => VerbClass::Response,
                    ("consequence", "retort") => VerbClass::Retort,
                    ("consequence", _) => VerbClass::Consequence,
                    _ => VerbClass::Deny,
                };
                *en.classes.entry(lemma.to_string()).or_default() |= class as u16;
                en.learn_verb(lemma);
            }
        }
        en
    }

    /// Adds a lemma's regular forms to the form → lemma map (irregular forms, read first, win).
    fn learn_verb(&mut self, lemma: &str) {
        let head = lemma.split_whitespace().next().unwrap_or(lemma);
        if self.lemma_of.contains_key(head) {
            return;
        }
        self.lemma_of.insert(head.to_string(), head.to_string());
        for f in verb_forms(head) {
            self.lemma_of.entry(f).or_insert_with(|| head.to_string());
        }
    }

    /// The lemma of a verb form (any case). Known forms come from the lists; others are
    /// guessed by stripping a regular ending.
    pub fn verb_lemma(&self, word: &str) -> String {
        self.lemma(word).into_owned()
    }

    /// [`English::verb_lemma`], borrowed from the lists when they know the form (no allocation
    /// for a known lower-case form).
    pub fn lemma<'a>(&'a self, word: &str) -> Cow<'a, str> {
        let w = lower(word);
        match self.lemma_of.get(w.as_ref()) {
            Some(l) => Cow::Borrowed(l.as_str()),
            None => Cow::Owned(guess_lemma(&w)),
        }
    }

    /// The lemma of a form if the lists know it.
    pub fn known_lemma(&self, word: &str) -> Option<&str> {
        self.lemma_of.get(word).map(String::as_str)
    }

    pub fn aux(&self, word: &str) -> Option<Aux> {
        with_lower(word, |w| self.aux.get(w).copied())
    }

    pub fn modal(&self, word: &str) -> Option<Modal> {
        with_lower(word, |w| self.modal.get(w).copied())
    }

    /// The forms of an auxiliary, in file order.
    pub fn aux_forms(&self, aux: Aux) -> impl Iterator<Item = &'static str> + '_ {
        self.aux_forms
            .iter()
            .filter(move |(_, a)| *a == aux)
            .map(|(w, _)| *w)
    }

    /// Whether `word` (any case) is a preposition marking `role`.
    pub fn is_prep(&self, word: &str, role: Prep) -> bool {
        self.prep
            .get(role as usize)
            .is_some_and(|l| l.iter().any(|w| w.eq_ignore_ascii_case(word)))
    }

    /// The prepositions marking `role`, in file order.
    pub fn preps(&self, role: Prep) -> impl Iterator<Item = &'static str> + '_ {
        self.prep.get(role as usize).into_iter().flatten().copied()
    }

    /// A named list of exact word forms from `forms.txt` (empty when there is none).
    pub fn forms(&self, list: &str) -> &[&'static str] {
        self.forms
            .iter()
            .find(|(s, _)| *s == list)
            .map_or(&[], |(_, l)| l.as_slice())
    }

    /// A named list of `forms.txt` read as phrases, one a line (empty when there is none).
    pub fn form_phrases(&self, list: &str) -> &[&'static str] {
        self.form_lines
            .iter()
            .find(|(s, _)| *s == list)
            .map_or(&[], |(_, l)| l.as_slice())
    }

    /// Rule `titled-document`: whether a capitalised document noun (`forms.txt`
    /// `[titled-document]`) after the capitalised word `before` closes a document's name ("the
    /// Ankara Declaration", "the Minsk Agreements"): its words name no party.
    pub fn is_titled_document(&self, before: &str, head: &str) -> bool {
        let capital = |w: &str| w.starts_with(char::is_uppercase);
        capital(before) && capital(head) && self.is_form("titled-document", head)
    }

    /// Whether `word` (any case) is in the named list of `forms.txt`.
    pub fn is_form(&self, list: &str, word: &str) -> bool {
        self.forms(list)
            .iter()
            .any(|f| f.eq_ignore_ascii_case(word))
    }

    /// The definite article's forms (`anaphora.txt` `[definite]`).
    pub fn definite_forms(&self) -> &[&'static str] {
        &self.aux_forms_definite
    }

    /// Whether a word is the definite article (a description that refers back: "the ministry").
    pub fn is_definite(&self, word: &str) -> bool {
        self.aux_forms_definite
            .iter()
            .any(|d| d.eq_ignore_ascii_case(word))
    }

    /// Whether a subordinator or preposition opens an adverbial clause or gerund whose event
    /// is asserted on its own (`adjunct.txt`: "as", "while", "after" …).
    pub fn is_adjunct(&self, word: &str) -> bool {
        self.adjunct.iter().any(|a| a.eq_ignore_ascii_case(word))
    }

    /// Whether a noun counts or groups events ("a wave of strikes", "a new round of talks"):
    /// the event is the noun after its `of` (`partitive.txt`).
    pub fn is_partitive(&self, noun: &str) -> bool {
        let n = lower(noun);
        self.partitive
            .iter()
            .any(|p| *p == n || n.strip_suffix('s') == Some(*p))
    }

    /// Whether a noun names a place or a site, singular or plural (`place-noun.txt`).
    pub fn is_place_noun(&self, noun: &str) -> bool {
        let n = lower(noun);
        self.place_noun
            .iter()
            .any(|p| *p == n || n.strip_suffix('s') == Some(*p))
    }

    /// What a noun phrase (its words, lower case) stands for when it names an actor only by
    /// reference: a pronoun, "the two sides", "the group" (`anaphora.txt`).
    pub fn anaphor(&self, words: &[&str]) -> Option<Anaphor> {
        // One word: only a one-word entry can match it (a group needs "the" before its head).
        if let [w] = words {
            return self.anaphor_words.get(w).copied();
        }
        // Only a phrase as long as the words joined can be them joined.
        let len = words.iter().map(|w| w.len()).sum::<usize>() + words.len().saturating_sub(1);
        if let Some((kind, _)) = self.anaphora.iter().find(|(k, p)| {
            !matches!(k, Anaphor::Group | Anaphor::Bloc | Anaphor::Neighbour)
                && p.len() == len
                && is_joined(p, words)
        }) {
            return Some(*kind);
        }
        // "the three countries", "all four Gulf states": a count of three to nine, up to three
        // modifiers, a pair head; or the count alone ("The three agreed to …").
        if let ["the" | "all", n, rest @ ..] = words
            && match rest {
                [] => true,
                [mid @ .., head] => mid.len() <= 3 && self.pair_heads.contains(head),
            }
            && let Some(n) = self::words().cardinal(n).filter(|n| (3..=9).contains(n))
        {
            return Some(Anaphor::Counted(n as u8));
        }
        match words {
            // "the two former Soviet republics", "both Gulf neighbours": a pair head after "the
            // two" or "both" and one to three modifiers.
            ["the", "two", mid @ .., head] | ["both", mid @ .., head]
                if (1..=3).contains(&mid.len()) && self.pair_heads.contains(head) =>
            {
                Some(Anaphor::Pair)
            }
            ["the", .., head] if self.anaphora.contains(&(Anaphor::Group, *head)) => {
                Some(Anaphor::Group)
            }
            ["the", .., head] if self.anaphora.contains(&(Anaphor::Bloc, *head)) => {
                Some(Anaphor::Bloc)
            }
            // "its neighbour", "its northern neighbour", "his neighbour": a head after an
            // owner that is itself an anaphor ("its", "his", "their"), one word between at most.
            [owner, head] | [owner, _, head]
                if self.anaphora.contains(&(Anaphor::Neighbour, *head))
                    && matches!(
                        self.anaphor_words.get(owner),
                        Some(Anaphor::Thing | Anaphor::Person | Anaphor::Plural)
                    ) =>
            {
                Some(Anaphor::Neighbour)
            }
            _ => None,
        }
    }

    pub fn is_negation(&self, word: &str) -> bool {
        self.negation.iter().any(|n| n.eq_ignore_ascii_case(word))
    }

    /// Whether a verb form or a multi-word lemma ("call on") is in a class.
    pub fn has_class(&self, verb: &str, class: VerbClass) -> bool {
        let key = if verb.contains(' ') {
            lower(verb)
        } else {
            self.lemma(verb)
        };
        self.classes
            .get(key.as_ref())
            .is_some_and(|c| c & class as u16 != 0)
    }

    /// Every class of `verb` at once (one lemma and one lookup for several
    /// [`English::has_class`] questions about the same verb).
    pub fn verb_classes(&self, verb: &str) -> VerbClasses {
        let key = if verb.contains(' ') {
            lower(verb)
        } else {
            self.lemma(verb)
        };
        VerbClasses(self.classes.get(key.as_ref()).copied().unwrap_or(0))
    }

    /// The classes of a lemma as the lists key it (`verb_classes` of a one-word form is
    /// `lemma_classes` of its [`English::lemma`]).
    pub fn lemma_classes(&self, lemma: &str) -> VerbClasses {
        VerbClasses(self.classes.get(lemma).copied().unwrap_or(0))
    }

    /// Whether `verb` followed by `particle` ("call" + "on") is a multi-word lemma of a class.
    pub fn has_phrasal_class(&self, verb: &str, particle: &str, class: VerbClass) -> bool {
        let key = format!("{} {}", self.lemma(verb), lower(particle));
        self.classes
            .get(&key)
            .is_some_and(|c| c & class as u16 != 0)
    }
}

/// Whether `phrase` is `words` joined by single spaces (`words.join(" ") == phrase`, without
/// building the joined string).
pub fn is_joined(phrase: &str, words: &[&str]) -> bool {
    let mut rest = phrase;
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            match rest.strip_prefix(' ') {
                Some(r) => rest = r,
                None => return false,
            }
        }
        match rest.strip_prefix(w) {
            Some(r) => rest = r,
            None => return false,
        }
    }
    rest.is_empty()
}

/// A lemma guessed from a regular form: `-ies/-ied` → `-y`, `-ed/-ing` stripped (undoing a
/// doubled consonant, restoring a silent `e` after a consonant cluster that needs one), `-s`.
pub fn guess_lemma(w: &str) -> String {
    if let Some(stem) = w.strip_suffix("ies").or_else(|| w.strip_suffix("ied"))
        && stem.len() > 1
    {
        return format!("{stem}y");
    }
    for suffix in ["ing", "ed"] {
        let Some(stem) = w.strip_suffix(suffix) else {
            continue;
        };
        // "used", "using", "owed": a two-letter stem takes its e back.
        if stem.len() == 2 && !is_vowel(stem.as_bytes()[1]) {
            return format!("{stem}e");
        }
        if stem.len() > 2 {
            let b = stem.as_bytes();
            let (last, prev) = (b[b.len() - 1], b[b.len() - 2]);
            // "proceed", "succeed", "exceed": a base form in "-eed" (the pasts of verbs in
            // "-ee", "freed", are listed in irregular.txt).
            if suffix == "ed" && last == b'e' {
                return w.to_string();
            }
            if last == prev && !matches!(last, b'l' | b's' | b'z' | b'f') && !is_vowel(last) {
                return stem[..stem.len() - 1].to_string();
            }
            if needs_e(stem) {
                return format!("{stem}e");
            }
            return stem.to_string();
        }
    }
    if let Some(stem) = w.strip_suffix("es")
        && (stem.ends_with("ch") || stem.ends_with("sh") || stem.ends_with(['s', 'x', 'z']))
    {
        return stem.to_string();
    }
    if let Some(stem) = w.strip_suffix('s')
        && stem.len() > 2
        && !stem.ends_with('s')
    {
        return stem.to_string();
    }
    w.to_string()
}

/// Stems that English spells only with a final `e` (`prais-`, `argu-`, `forc-`, `lodg-`,
/// `vot-`); ambiguous ones are left as they are.
fn needs_e(stem: &str) -> bool {
    let b = stem.as_bytes();
    let (last, prev) = (b[b.len() - 1], b[b.len() - 2]);
    match last {
        b'u' | b'v' | b'c' => true,
        // "chang-", "exchang-", "lodg-", "challeng-" but "belong-", "bring-"
        b'g' => prev != b'n' || !matches!(b.get(b.len().wrapping_sub(3)), Some(b'o' | b'i')),
        b's' => {
            !stem.ends_with("ss") && (is_vowel(prev) || matches!(prev, b'n' | b'r' | b'p' | b'l'))
        }
        b'z' => prev != b'z',
        // "fir-", "declar-", "requir-", "captur-" but "appear-", "clear-", "honor-"
        b'r' => {
            let before = b.len().checked_sub(3).and_then(|i| b.get(i)).copied();
            matches!(prev, b'i' | b'u' | b'a')
                && (before.is_some_and(|c| !is_vowel(c)) || stem.ends_with("quir"))
        }
        // "blam-", "nam-", "fram-", "welcom-" but "claim-", "seem-", "form-"
        b'm' => b.len() >= 3 && is_vowel(prev) && !is_vowel(b[b.len() - 3]),
        // "fil-", "rul-", "schedul-", "exil-", "consol-" but "fail-", "boil-", "haul-", "cool-"
        b'l' => matches!(prev, b'i' | b'o' | b'u') && b.len() >= 3 && !is_vowel(b[b.len() - 3]),
        // "mediat-", "negotiat-", "retaliat-", "evacuat-"
        b't' if prev == b'a' && matches!(b.get(b.len().wrapping_sub(3)), Some(b'i' | b'u')) => true,
        b't' if prev == b'i' => ["cit", "unit", "invit", "ignit", "excit", "incit", "recit"]
            .iter()
            .any(|s| stem.ends_with(s)),
        b't' | b'k' | b'b' | b'p' | b'd' => {
            // one long vowel between consonants: "vot-", "stat-", "provok-", "describ-"
            b.len() >= 3 && matches!(prev, b'a' | b'i' | b'o' | b'u') && !is_vowel(b[b.len() - 3])
        }
        _ => false,
    }
}

/// Closed-class words, numbers written as words and calendar names (`function.txt`,
/// `numbers.txt`, `calendar.txt`), kept apart from [`English`]'s verb lists: the extractor
/// reads these, the coders do not.
#[derive(Debug)]
pub struct Words {
    function: Map<&'static str, ()>,
    cardinal: Map<&'static str, u64>,
    multiplier: Map<&'static str, u64>,
    ordinal: Map<&'static str, u32>,
    month: Map<&'static str, u32>,
    weekday: Map<&'static str, u32>,
}

const FUNCTION: &str = include_str!("../data/english/function.txt");
const NUMBERS: &str = include_str!("../data/english/numbers.txt");
const CALENDAR: &str = include_str!("../data/english/calendar.txt");

/// The shared closed-class, number and calendar words (built once).
pub fn words() -> &'static Words {
    static WORDS: OnceLock<Words> = OnceLock::new();
    WORDS.get_or_init(Words::build)
}

impl Words {
    fn build() -> Words {
        let mut w = Words {
            function: lines(FUNCTION)
                .flat_map(str::split_whitespace)
                .map(|x| (x, ()))
                .collect(),
            cardinal: Map::default(),
            multiplier: Map::default(),
            ordinal: Map::default(),
            month: Map::default(),
            weekday: Map::default(),
        };
        for (section, line) in sections(NUMBERS) {
            let mut parts = line.split_whitespace();
            let (Some(word), Some(value)) = (parts.next(), parts.next()) else {
                continue;
            };
            let Ok(value) = value.parse::<u64>() else {
                continue;
            };
            match section {
                "cardinal" => {
                    w.cardinal.insert(word, value);
                }
                "multiplier" => {
                    w.multiplier.insert(word, value);
                }
                _ => {
                    w.ordinal.insert(word, u32::try_from(value).unwrap_or(0));
                }
            }
        }
        for (section, line) in sections(CALENDAR) {
            let mut parts = line.split_whitespace();
            let (Some(name), Some(n)) = (parts.next(), parts.next().and_then(|n| n.parse().ok()))
            else {
                continue;
            };
            let map = if section == "month" {
                &mut w.month
            } else {
                &mut w.weekday
            };
            map.insert(name, n);
            for abbrev in parts {
                map.insert(abbrev, n);
            }
        }
        w
    }

    /// Whether `word` (any case) is a closed-class word that is never a name.
    pub fn is_function_word(&self, word: &str) -> bool {
        with_lower(word, |w| self.function.contains_key(w))
    }

    /// The list's own copy of a closed-class word (any case in, lower case out), so that a
    /// caller can keep it without allocating: `function_word("Against") == Some("against")`.
    pub fn function_word(&self, word: &str) -> Option<&'static str> {
        with_lower(word, |w| self.function.get_key_value(w).map(|(k, _)| *k))
    }

    /// The value of a number word ("three" → 3, "dozen" → 12), any case.
    pub fn cardinal(&self, word: &str) -> Option<u64> {
        with_lower(word, |w| self.cardinal.get(w).copied())
    }

    /// The factor of a multiplier word ("hundred" → 100), any case.
    pub fn multiplier(&self, word: &str) -> Option<u64> {
        with_lower(word, |w| self.multiplier.get(w).copied())
    }

    /// The value of an ordinal word ("third" → 3), any case.
    pub fn ordinal(&self, word: &str) -> Option<u32> {
        with_lower(word, |w| self.ordinal.get(w).copied())
    }

    /// The month number (1–12) of a month's name or abbreviation ("Oct." → 10), any case; a
    /// final period is ignored.
    pub fn month(&self, word: &str) -> Option<u32> {
        with_lower(word.trim_end_matches('.'), |w| self.month.get(w).copied())
    }

    /// Whether `word` is a month's full name (not an abbreviation), any case.
    pub fn is_month_name(&self, word: &str) -> bool {
        self.month(word).is_some() && word.len() > 3 && !word.ends_with('.')
            || word.eq_ignore_ascii_case("may")
    }

    /// The weekday number (Monday 1 … Sunday 7) of a weekday's name or abbreviation, any case.
    pub fn weekday(&self, word: &str) -> Option<u32> {
        with_lower(word.trim_end_matches('.'), |w| self.weekday.get(w).copied())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verb_classes_answer_as_has_class() {
        let en = get();
        let classes = [
            VerbClass::Report,
            VerbClass::SubjectControl,
            VerbClass::ObjectControl,
            VerbClass::Deny,
            VerbClass::Effect,
        ];
        for verb in [
            "said", "Urged", "agreed", "denied", "killed", "visited", "call on",
        ] {
            let all = en.verb_classes(verb);
            for c in classes {
                assert_eq!(all.has(c), en.has_class(verb, c), "{verb} {c:?}");
            }
        }
        assert!(en.verb_classes("said").has(VerbClass::Report));
        assert!(!en.verb_classes("visited").has(VerbClass::Report));
    }

    #[test]
    fn lemmas_of_news_verbs() {
        let en = get();
        for (form, lemma) in [
            ("said", "say"),
            ("mediated", "mediate"),
            ("negotiated", "negotiate"),
            ("evacuated", "evacuate"),
            ("retaliating", "retaliate"),
            ("freed", "free"),
            ("decreed", "decree"),
            ("proceed", "proceed"),
            ("filed", "file"),
            ("ruled", "rule"),
            ("scheduled", "schedule"),
            ("exiled", "exile"),
            ("failed", "fail"),
            ("boiled", "boil"),
            ("hauled", "haul"),
            ("controlled", "control"),
            ("succeeded", "succeed"),
            ("held", "hold"),
            ("urged", "urge"),
            ("praised", "praise"),
            ("visited", "visit"),
            ("stopped", "stop"),
            ("condemned", "condemn"),
            ("accused", "accuse"),
            ("voted", "vote"),
            ("shelled", "shell"),
            ("killed", "kill"),
            ("carried", "carry"),
            ("imposing", "impose"),
            ("launched", "launch"),
            ("detained", "detain"),
            ("arrested", "arrest"),
            ("signed", "sign"),
            ("staged", "stage"),
            ("lodged", "lodge"),
            ("issued", "issue"),
            ("expressed", "express"),
            ("targeted", "target"),
            ("attacked", "attack"),
            ("met", "meet"),
            ("struck", "strike"),
            ("criticised", "criticise"),
            ("exchanged", "exchange"),
            ("changing", "change"),
            ("blamed", "blame"),
            ("used", "use"),
            ("using", "use"),
            ("named", "name"),
            ("claimed", "claim"),
            ("deemed", "deem"),
            ("belonged", "belong"),
            ("fired", "fire"),
            ("declared", "declare"),
            ("required", "require"),
            ("appeared", "appear"),
            ("captured", "capture"),
        ] {
            assert_eq!(en.verb_lemma(form), lemma, "{form}");
        }
    }

    #[test]
    fn lookups_fold_case_and_join_words() {
        let en = get();
        // Capitalised and non-ASCII forms are lower-cased before the lookup.
        assert_eq!(en.verb_lemma("Said"), "say");
        assert_eq!(en.verb_lemma("URGED"), "urge");
        assert_eq!(en.verb_lemma("Étudied"), "étudy");
        assert!(en.has_class("Said", VerbClass::Report));
        assert!(en.has_class("Call On", VerbClass::ObjectControl));
        assert!(en.has_phrasal_class("Called", "ON", VerbClass::ObjectControl));
        assert_eq!(en.aux("WERE"), Some(Aux::Be));
        assert_eq!(en.modal("Will"), Some(Modal::Future));
        assert!(en.is_partitive("Waves"));
        assert!(
            en.is_place_noun("Camps")
                && en.is_place_noun("village")
                && !en.is_place_noun("missiles")
        );
        // `anaphor` compares the words joined by spaces.
        assert_eq!(en.anaphor(&["the two", "sides"]), Some(Anaphor::Pair));
        assert_eq!(en.anaphor(&["the", "two", "sides", ""]), None);
        assert_eq!(en.anaphor(&[]), None);
        assert!(is_joined("a b", &["a", "b"]) && is_joined("a b", &["a b"]));
        assert!(!is_joined("a b", &["a", "b", ""]) && is_joined("", &[]));
    }

    #[test]
    fn classes_and_closed_words() {
        let en = get();
        assert!(en.has_class("agreed", VerbClass::SubjectControl));
        assert!(en.has_class("agreed", VerbClass::Intent));
        assert!(!en.has_class("attacked", VerbClass::Report));
        assert!(en.has_phrasal_class("called", "on", VerbClass::ObjectControl));
        assert_eq!(en.aux("Has"), Some(Aux::Have));
        assert_eq!(en.modal("might"), Some(Modal::Possible));
        assert!(en.is_negation("never"));
        assert_eq!(en.anaphor(&["the", "two", "sides"]), Some(Anaphor::Pair));
        assert_eq!(en.anaphor(&["he"]), Some(Anaphor::Person));
        // One word is looked up: a thing, and neither a group head nor a phrase's first word.
        assert_eq!(en.anaphor(&["its"]), Some(Anaphor::Thing));
        assert_eq!(en.anaphor(&["group"]), None);
        assert_eq!(en.anaphor(&["the"]), None);
        assert_eq!(
            en.anaphor(&["the", "militant", "group"]),
            Some(Anaphor::Group)
        );
        assert_eq!(en.anaphor(&["the", "army"]), None);
        // A count alone, or "all" and a count: the last that many (rule `counted`).
        assert_eq!(en.anaphor(&["the", "three"]), Some(Anaphor::Counted(3)));
        assert_eq!(
            en.anaphor(&["all", "four", "countries"]),
            Some(Anaphor::Counted(4))
        );
        assert_eq!(en.anaphor(&["the", "ten"]), None);
        assert!(en.is_prep("BY", Prep::Agent));
        assert!(en.is_prep("in", Prep::Part) && en.is_prep("in", Prep::Place));
        assert!(!en.is_prep("to", Prep::Part));
        assert_eq!(en.preps(Prep::Infinitive).collect::<Vec<_>>(), ["to"]);
        assert!(en.aux_forms(Aux::Be).any(|w| w == "were"));
        assert!(en.is_form("legacy-aspect", "Keep") && !en.is_form("legacy-aspect", "kept"));
        assert_eq!(noun_plural("strike"), "strikes");
        assert_eq!(noun_plural("crisis"), "crisises");
        assert_eq!(noun_plural("militia"), "militias");
        assert_eq!(noun_plural("party"), "parties");
        assert_eq!(noun_plural("envoy"), "envoys");
        assert_eq!(noun_plural("church"), "churches");
    }

    #[test]
    fn closed_words_numbers_and_calendar() {
        let w = words();
        assert!(w.is_function_word("The") && w.is_function_word("despite"));
        assert_eq!(w.function_word("Against"), Some("against"));
        assert_eq!(w.function_word("Putin"), None);
        assert!(!w.is_function_word("Putin"));
        assert_eq!(w.cardinal("Three"), Some(3));
        assert_eq!(w.cardinal("dozen"), Some(12));
        assert_eq!(w.multiplier("hundred"), Some(100));
        assert_eq!(w.ordinal("third"), Some(3));
        assert_eq!(w.month("Oct."), Some(10));
        assert_eq!(w.month("sept"), Some(9));
        assert!(w.is_month_name("March") && !w.is_month_name("Mar."));
        assert_eq!(w.weekday("Thursday"), Some(4));
        assert_eq!(w.month("Mayday"), None);
    }
}
