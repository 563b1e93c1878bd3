//! Dependency parses (CoNLL-U words) → phrase-structure [`Tree`]s of the Penn Treebank's shape,
//! so that the coder and the predicate layer, which read PTB trees, run on parses made by
//! spaCy, Stanza or UDPipe unchanged.
//!
//! Both label schemes of English parsers are read: ClearNLP's (spaCy: `nsubj`, `dobj`, `prep` +
//! `pobj`, `nsubjpass`, `auxpass`, `agent`, `neg`, `poss`, `npadvmod`) and Universal
//! Dependencies v2 (Stanza, UDPipe: `obj`, `obl`/`nmod` + `case`, `nsubj:pass`, `aux:pass`,
//! `obl:agent`, `nmod:poss`, `mark`, `flat`, `fixed`). Leaves take the PTB tag in XPOS, or one
//! derived from UPOS when XPOS is not a PTB tag.
//!
//! Each word projects phrases from its category and its dependents (the mapping in
//! ARCHITECTURE.md, "Dependency parses"):
//! - a verb, or any word with a subject or a copula, heads a clause: `S` (subject NP, then a `VP`
//!   per auxiliary, `to` and copula, innermost the verb with its objects, PPs and complements);
//!   a subordinator makes it `SBAR` (`PP` for "of shelling …"), a relative pronoun `SBAR` with
//!   `WHNP`; a participle on a noun, or a conjunct sharing the subject, stays a bare `VP`;
//! - a noun heads a flat base `NP` with its determiners, adjectives, compounds (a possessor is a
//!   nested `NP` ending in `POS`), then `(NP (NP base) PP SBAR …)` for what follows; UD's
//!   `case` makes it a `PP`;
//! - a ClearNLP preposition with `pobj`/`pcomp` heads a `PP`; adjectives `ADJP`, adverbs `ADVP`;
//! - coordination: `(NP A CC B)` flat for bare nouns, else `(X (X a) CC (Y b))`; clauses join
//!   as `VP`s when the conjuncts share the subject, as `S`s when they have their own.
//!
//! Non-projective arcs are lifted to the head's head until the tree is projective, so every
//! phrase covers a contiguous run of words and the leaves stay in sentence order. Every walk is
//! iterative or over the word list; sentences are capped at [`MAX_DEPENDENCY_WORDS`].

use crate::Tree;

/// One syntactic word of a dependency parse (a CoNLL-U word line).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DepWord {
    pub form: String,
    /// Universal part of speech (`NOUN`, `VERB`, ...); used when `xpos` is not a PTB tag.
    pub upos: String,
    /// Language-specific tag: for English, the Penn Treebank tag (`NNP`, `VBD`, ...).
    pub xpos: String,
    /// 1-based index of the head word; 0 for the root.
    pub head: usize,
    /// The relation to the head, ClearNLP or UD v2 (`nsubj:pass`).
    pub deprel: String,
}

/// Longest sentence converted (in words).
pub const MAX_DEPENDENCY_WORDS: usize = 512;

/// Why a dependency parse could not be made into a tree.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct DependencyError {
    /// The 1-based word the problem is at; 0 for the sentence as a whole.
    pub word: usize,
    pub message: String,
}

fn err(word: usize, message: impl Into<String>) -> DependencyError {
    DependencyError {
        word,
        message: message.into(),
    }
}

/// A relation, both schemes folded together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rel {
    Root,
    Subj,
    Expl,
    Csubj,
    Aux,
    Cop,
    Neg,
    Mark,
    Obj,
    /// ClearNLP: the word is a preposition heading a PP (`prep`, `agent`).
    Prep,
    Pobj,
    Pcomp,
    Case,
    Poss,
    Det,
    Amod,
    Nummod,
    Compound,
    Flat,
    Fixed,
    Advmod,
    /// Bare noun phrases of time or measure (`npadvmod`, `obl:tmod`, `nmod:tmod`).
    Npadvmod,
    Obl,
    Nmod,
    Appos,
    Acl,
    Relcl,
    Ccomp,
    Xcomp,
    Advcl,
    Conj,
    Cc,
    Punct,
    Prt,
    Other,
}

fn rel_of(deprel: &str) -> Rel {
    let lower = deprel.to_ascii_lowercase();
    let (base, sub) = match lower.split_once(':') {
        Some((b, s)) => (b, s),
        None => (lower.as_str(), ""),
    };
    match (base, sub) {
        ("root", _) => Rel::Root,
        ("nsubj" | "nsubjpass", _) => Rel::Subj,
        ("expl", _) => Rel::Expl,
        ("csubj" | "csubjpass", _) => Rel::Csubj,
        ("aux" | "auxpass", _) => Rel::Aux,
        ("cop", _) => Rel::Cop,
        ("neg", _) => Rel::Neg,
        ("mark", _) => Rel::Mark,
        ("obj" | "dobj" | "iobj" | "dative" | "attr" | "oprd", _) => Rel::Obj,
        ("prep" | "agent", _) => Rel::Prep,
        ("pobj", _) => Rel::Pobj,
        ("pcomp", _) => Rel::Pcomp,
        ("case", _) => Rel::Case,
        ("poss", _) | ("nmod", "poss") => Rel::Poss,
        ("det" | "predet" | "preconj", _) | ("cc", "preconj") => Rel::Det,
        ("amod" | "quantmod" | "acomp", _) => Rel::Amod,
        ("nummod" | "num" | "number", _) => Rel::Nummod,
        ("compound", "prt") | ("prt", _) => Rel::Prt,
        ("compound" | "nn", _) => Rel::Compound,
        ("flat" | "name" | "goeswith", _) => Rel::Flat,
        ("fixed" | "mwe", _) => Rel::Fixed,
        ("advmod", _) => Rel::Advmod,
        ("npadvmod" | "tmod", _) | ("obl" | "nmod", "tmod" | "npmod") => Rel::Npadvmod,
        ("obl", _) => Rel::Obl,
        ("nmod", _) => Rel::Nmod,
        ("appos", _) => Rel::Appos,
        ("relcl", _) | ("acl", "relcl") => Rel::Relcl,
        ("acl", _) => Rel::Acl,
        ("ccomp", _) => Rel::Ccomp,
        ("xcomp", _) => Rel::Xcomp,
        ("advcl", _) => Rel::Advcl,
        ("conj", _) => Rel::Conj,
        ("cc", _) => Rel::Cc,
        ("punct", _) => Rel::Punct,
        _ => Rel::Other,
    }
}

/// The Penn Treebank tags (and the few extra ones spaCy and Stanza write).
const PTB_TAGS: &[&str] = &[
    "CC", "CD", "DT", "EX", "FW", "IN", "JJ", "JJR", "JJS", "LS", "MD", "NN", "NNS", "NNP", "NNPS",
    "PDT", "POS", "PRP", "PRP$", "RB", "RBR", "RBS", "RP", "SYM", "TO", "UH", "VB", "VBD", "VBG",
    "VBN", "VBP", "VBZ", "WDT", "WP", "WP$", "WRB", "#", "$", ".", ",", ":", "``", "''", "-LRB-",
    "-RRB-", "HYPH", "NFP", "ADD", "AFX", "GW", "XX",
];

/// The leaf tag: XPOS when it is a PTB tag, else one from UPOS (and the word, for the few
/// universal tags that PTB splits).
fn ptb_tag(w: &DepWord) -> String {
    if PTB_TAGS.contains(&w.xpos.as_str()) {
        return w.xpos.clone();
    }
    let lower = w.form.to_lowercase();
    let tag = match w.upos.as_str() {
        "NOUN" => "NN",
        "PROPN" => "NNP",
        "VERB" | "AUX" => "VB",
        "ADJ" => "JJ",
        "ADV" => "RB",
        "ADP" | "SCONJ" => "IN",
        "DET" => "DT",
        "PRON" => "PRP",
        "NUM" => "CD",
        "CCONJ" => "CC",
        "PART" if lower == "to" => "TO",
        "PART" if lower == "'s" || lower == "’s" || lower == "'" => "POS",
        "PART" => "RB",
        "INTJ" => "UH",
        "SYM" => "SYM",
        "PUNCT" => match w.form.as_str() {
            "," => ",",
            "." | "!" | "?" => ".",
            "(" | "[" | "{" => "-LRB-",
            ")" | "]" | "}" => "-RRB-",
            "\"" | "“" | "``" => "``",
            "”" | "''" => "''",
            _ => ":",
        },
        _ => "FW",
    };
    tag.to_string()
}

/// The word as a PTB leaf: brackets escaped (`-LRB-`), and no character that would break the
/// bracket notation (white space, a stray bracket: `_`; such a word is then not found in the
/// text and keeps no span).
fn ptb_word(form: &str) -> String {
    match form {
        "(" => "-LRB-".into(),
        ")" => "-RRB-".into(),
        "[" => "-LSB-".into(),
        "]" => "-RSB-".into(),
        "{" => "-LCB-".into(),
        "}" => "-RCB-".into(),
        "" => "_".into(),
        _ => form
            .chars()
            .map(|c| {
                if c.is_whitespace() || c == '(' || c == ')' {
                    '_'
                } else {
                    c
                }
            })
            .collect(),
    }
}

/// A piece of a phrase under construction: a word (a leaf) or a phrase of the arena.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Item {
    Word(usize),
    Con(usize),
}

#[derive(Debug)]
struct Con {
    label: &'static str,
    kids: Vec<Item>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cat {
    Clause,
    Noun,
    Prep,
    Adj,
    Adv,
    Other,
}

struct Conv {
    n: usize,
    head: Vec<Option<usize>>,
    rel: Vec<Rel>,
    tag: Vec<String>,
    form: Vec<String>,
    kids: Vec<Vec<usize>>,
    /// First and last word of each subtree (contiguous once projective).
    lo: Vec<usize>,
    hi: Vec<usize>,
    /// Leading `cc`/punctuation of a conjunct (UD attaches them to the conjunct), left for the
    /// coordination to place.
    peeled: Vec<Vec<usize>>,
    cat: Vec<Cat>,
    arena: Vec<Con>,
    top: Vec<Item>,
}

impl Tree {
    /// Builds a PTB-shaped tree from one sentence's dependency parse (see the module doc).
    /// Leaves carry no spans: align the tree to the sentence text ([`Tree::aligned_to`]).
    ///
    /// ```
    /// use demarche_model::{DepWord, Tree};
    /// let w = |form: &str, xpos: &str, head: usize, deprel: &str| DepWord {
    ///     form: form.into(), xpos: xpos.into(), head, deprel: deprel.into(), ..DepWord::default()
    /// };
    /// let words = [
    ///     w("Arnor", "NNP", 2, "nsubj"), w("attacked", "VBD", 0, "root"),
    ///     w("Gondor", "NNP", 2, "obj"), w(".", ".", 2, "punct"),
    /// ];
    /// let tree = Tree::from_dependencies(&words).unwrap();
    /// assert_eq!(tree.to_ptb(), "(ROOT (S (NP (NNP Arnor)) (VP (VBD attacked) (NP (NNP Gondor))) (. .)))");
    /// ```
    pub fn from_dependencies(words: &[DepWord]) -> Result<Tree, DependencyError> {
        let n = words.len();
        if n == 0 {
            return Err(err(0, "a sentence without words"));
        }
        if n > MAX_DEPENDENCY_WORDS {
            return Err(err(
                0,
                format!("{n} words: at most {MAX_DEPENDENCY_WORDS} are read in one sentence"),
            ));
        }
        let mut head: Vec<Option<usize>> = Vec::with_capacity(n);
        for (i, w) in words.iter().enumerate() {
            if w.head > n {
                return Err(err(
                    i + 1,
                    format!(
                        "head {} is not a word of the sentence (expected 0 to {n})",
                        w.head
                    ),
                ));
            }
            if w.head == i + 1 {
                return Err(err(i + 1, "the word is its own head"));
            }
            head.push(w.head.checked_sub(1));
        }
        let Some(root) = head.iter().position(Option::is_none) else {
            return Err(err(0, "no root: expected one word with head 0"));
        };
        // Further roots hang on the first, as parataxis.
        let mut rel: Vec<Rel> = words.iter().map(|w| rel_of(&w.deprel)).collect();
        for i in 0..n {
            if i != root && head[i].is_none() {
                head[i] = Some(root);
                rel[i] = Rel::Other;
            }
        }
        rel[root] = Rel::Root;
        // Every word must reach the root.
        for start in 0..n {
            let mut cur = start;
            let mut steps = 0;
            while let Some(h) = head[cur] {
                cur = h;
                steps += 1;
                if steps > n {
                    return Err(err(start + 1, "the heads form a cycle: expected a tree"));
                }
            }
        }
        projectivize(&mut head);
        let mut c = Conv {
            n,
            rel,
            tag: words.iter().map(ptb_tag).collect(),
            form: words.iter().map(|w| ptb_word(&w.form)).collect(),
            kids: vec![Vec::new(); n],
            lo: (0..n).collect(),
            hi: (0..n).collect(),
            peeled: vec![Vec::new(); n],
            cat: vec![Cat::Other; n],
            arena: Vec::new(),
            top: vec![Item::Word(0); n],
            head,
        };
        for i in 0..n {
            if let Some(h) = c.head[i] {
                c.kids[h].push(i);
            }
        }
        // Post-order: reversed pre-order puts every word after its dependents.
        let mut order = Vec::with_capacity(n);
        let mut stack = vec![root];
        while let Some(w) = stack.pop() {
            order.push(w);
            stack.extend(c.kids[w].iter().copied());
        }
        order.reverse();
        for &w in &order {
            if let Some(h) = c.head[w] {
                c.lo[h] = c.lo[h].min(c.lo[w]);
                c.hi[h] = c.hi[h].max(c.hi[w]);
            }
        }
        for w in 0..n {
            c.cat[w] = c.category(w);
            if c.rel[w] == Rel::Conj {
                c.peeled[w] = c.kids[w]
                    .iter()
                    .copied()
                    .take_while(|&k| {
                        k < w && matches!(c.rel[k], Rel::Cc | Rel::Punct) && c.kids[k].is_empty()
                    })
                    .collect();
            }
        }
        for &w in &order {
            c.top[w] = c.build(w);
        }
        c.emit(root)
    }
}

/// Lifts non-projective arcs (a word between head and dependent that the head does not
/// dominate) to the head's head, pass after pass, until none is left.
fn projectivize(head: &mut [Option<usize>]) {
    let n = head.len();
    for _ in 0..=n {
        // Pre-order entry and exit times give dominance in O(1).
        let mut kids = vec![Vec::new(); n];
        let mut root = 0;
        for (i, h) in head.iter().enumerate() {
            match h {
                Some(h) => kids[*h].push(i),
                None => root = i,
            }
        }
        let (mut tin, mut tout) = (vec![0usize; n], vec![0usize; n]);
        let mut clock = 0;
        let mut stack = vec![(root, false)];
        while let Some((w, done)) = stack.pop() {
            if done {
                tout[w] = clock;
                continue;
            }
            tin[w] = clock;
            clock += 1;
            stack.push((w, true));
            stack.extend(kids[w].iter().rev().map(|&k| (k, false)));
        }
        let dominates = |h: usize, k: usize| tin[h] <= tin[k] && tout[k] <= tout[h];
        let mut lifts = Vec::new();
        for (d, h) in head.iter().enumerate() {
            if let Some(h) = *h {
                let (a, b) = (d.min(h), d.max(h));
                if (a + 1..b).any(|k| !dominates(h, k)) {
                    lifts.push(d);
                }
            }
        }
        if lifts.is_empty() {
            return;
        }
        for d in lifts {
            if let Some(h) = head[d] {
                // The root dominates everything, so `h` is never the root here.
                if let Some(g) = head[h] {
                    head[d] = Some(g);
                }
            }
        }
    }
}

fn is_verb_tag(tag: &str) -> bool {
    tag.starts_with("VB") || tag == "MD"
}

impl Conv {
    fn category(&self, w: usize) -> Cat {
        let tag = self.tag[w].as_str();
        let has = |r: &[Rel]| self.kids[w].iter().any(|&k| r.contains(&self.rel[k]));
        // ClearNLP's prepositions head their objects, whatever their tag ("following the talks").
        if self.rel[w] == Rel::Prep && has(&[Rel::Pobj, Rel::Pcomp, Rel::Prep]) {
            return Cat::Prep;
        }
        if is_verb_tag(tag) || has(&[Rel::Subj, Rel::Csubj, Rel::Expl, Rel::Cop]) {
            return Cat::Clause;
        }
        match tag {
            t if t.starts_with("NN") => Cat::Noun,
            "PRP" | "PRP$" | "CD" | "EX" | "WP" | "WP$" | "FW" | "$" | "#" | "SYM" | "DT"
            | "WDT" | "PDT" | "XX" | "ADD" | "LS" => Cat::Noun,
            t if t.starts_with("JJ") => Cat::Adj,
            "RB" | "RBR" | "RBS" | "WRB" => Cat::Adv,
            "IN" | "TO" | "RP" if self.rel[w] == Rel::Prep || has(&[Rel::Pobj, Rel::Pcomp]) => {
                Cat::Prep
            }
            _ => Cat::Other,
        }
    }

    fn con(&mut self, label: &'static str, kids: Vec<Item>) -> Item {
        self.arena.push(Con { label, kids });
        Item::Con(self.arena.len() - 1)
    }

    /// A dependent where it stands: its peeled coordinators, then its projection.
    fn place(&self, c: usize, out: &mut Vec<Item>) {
        out.extend(self.peeled[c].iter().map(|&p| Item::Word(p)));
        out.push(self.top[c]);
    }

    fn placed(&self, cs: &[usize]) -> Vec<Item> {
        let mut out = Vec::new();
        for &c in cs {
            self.place(c, &mut out);
        }
        out
    }

    /// Every word of a subtree as a leaf.
    fn flat(&self, c: usize) -> impl Iterator<Item = Item> + use<> {
        (self.lo[c]..=self.hi[c]).map(Item::Word)
    }

    /// Whether a pre-modifier's subtree is modifiers only, so it can lie flat in a base NP.
    fn flattenable(&self, c: usize) -> bool {
        (self.lo[c]..=self.hi[c]).filter(|&w| w != c).all(|w| {
            matches!(
                self.rel[w],
                Rel::Det
                    | Rel::Amod
                    | Rel::Nummod
                    | Rel::Compound
                    | Rel::Flat
                    | Rel::Fixed
                    | Rel::Advmod
                    | Rel::Npadvmod
                    | Rel::Cc
                    | Rel::Conj
                    | Rel::Punct
                    | Rel::Neg
            )
        })
    }

    fn own_kids(&self, h: usize) -> (Vec<usize>, Vec<usize>) {
        let peeled = &self.peeled[h];
        let (left, right): (Vec<usize>, Vec<usize>) = self.kids[h]
            .iter()
            .copied()
            .filter(|k| !peeled.contains(k))
            .partition(|&k| k < h);
        (left, right)
    }

    /// A function word (auxiliary, copula, subordinator) where it stands: a leaf, or with its
    /// own modifiers beside it.
    fn function_word(&self, c: usize, out: &mut Vec<Item>) {
        if self.kids[c].is_empty() {
            out.push(Item::Word(c));
        } else if self.flattenable(c) {
            out.extend(self.flat(c));
        } else {
            self.place(c, out);
        }
    }

    fn build(&mut self, h: usize) -> Item {
        let (left, right) = self.own_kids(h);
        let function = matches!(
            self.rel[h],
            Rel::Aux
                | Rel::Cop
                | Rel::Mark
                | Rel::Case
                | Rel::Cc
                | Rel::Punct
                | Rel::Det
                | Rel::Fixed
        );
        if function && left.is_empty() && right.is_empty() {
            return Item::Word(h);
        }
        match self.cat[h] {
            Cat::Clause => self.clause(h, left, right),
            Cat::Noun => {
                let label = if self.rel[h] == Rel::Npadvmod {
                    "NP-TMP"
                } else {
                    "NP"
                };
                self.noun_phrase(h, &left, &right, label)
            }
            Cat::Prep => self.prep_phrase(h, &left, &right),
            Cat::Adj => self.simple(h, &left, &right, "ADJP"),
            Cat::Adv if self.rel[h] == Rel::Neg && left.is_empty() && right.is_empty() => {
                Item::Word(h)
            }
            Cat::Adv => self.simple(h, &left, &right, "ADVP"),
            Cat::Other if left.is_empty() && right.is_empty() => {
                if self.rel[h] == Rel::Prt {
                    self.con("PRT", vec![Item::Word(h)])
                } else {
                    Item::Word(h)
                }
            }
            Cat::Other => self.simple(h, &left, &right, "X"),
        }
    }

    /// `label(left… h right…)`, with coordination among the right dependents.
    fn simple(&mut self, h: usize, left: &[usize], right: &[usize], label: &'static str) -> Item {
        let mut core = self.placed(left);
        core.push(Item::Word(h));
        self.coordinate(label, core, right, false)
    }

    /// A ClearNLP preposition: `(PP before… IN object…)`.
    fn prep_phrase(&mut self, h: usize, left: &[usize], right: &[usize]) -> Item {
        let mut core = self.placed(left);
        core.push(Item::Word(h));
        // "because of", "out of": fixed words stay with the preposition.
        let fixed = right
            .iter()
            .take_while(|&&c| self.rel[c] == Rel::Fixed && self.flattenable(c))
            .count();
        for &c in &right[..fixed] {
            core.extend(self.flat(c));
        }
        let rest = &right[fixed..];
        // The object and what follows it are the PP's; only a coordinated PP nests.
        if rest.iter().any(|&c| self.rel[c] == Rel::Conj) {
            return self.coordinate("PP", core, rest, false);
        }
        core.extend(self.placed(rest));
        self.con("PP", core)
    }

    fn noun_phrase(
        &mut self,
        h: usize,
        left: &[usize],
        right: &[usize],
        label: &'static str,
    ) -> Item {
        // UD: prepositions are `case` dependents of the noun; they make the phrase a PP.
        let case_end = left
            .iter()
            .rposition(|&c| self.rel[c] == Rel::Case && self.tag[c] != "POS");
        let (prefix, left) = match case_end {
            Some(k) => left.split_at(k + 1),
            None => (&left[..0], left),
        };
        let mut base = Vec::new();
        for &c in left {
            let possessor = self.rel[c] == Rel::Poss && !self.kids[c].is_empty();
            if !possessor && self.flattenable(c) {
                base.extend(self.flat(c));
            } else {
                self.place(c, &mut base);
            }
        }
        base.push(Item::Word(h));
        let tail = right
            .iter()
            .take_while(|&&c| {
                (matches!(
                    self.rel[c],
                    Rel::Flat | Rel::Compound | Rel::Nummod | Rel::Fixed
                ) || (self.rel[c] == Rel::Case && self.tag[c] == "POS"))
                    && self.flattenable(c)
            })
            .count();
        for &c in &right[..tail] {
            base.extend(self.flat(c));
        }
        let np = self.coordinate(
            if prefix.is_empty() { label } else { "NP" },
            base,
            &right[tail..],
            true,
        );
        if prefix.is_empty() {
            return np;
        }
        let mut pp = Vec::new();
        for &c in prefix {
            if self.flattenable(c) {
                pp.extend(self.flat(c));
            } else {
                self.place(c, &mut pp);
            }
        }
        pp.push(np);
        self.con("PP", pp)
    }

    /// `core` is the head's own phrase so far; `rest` its right dependents. Without a
    /// conjunct: `(label core rest…)`, or for a noun `(NP (NP core) rest…)`. With conjuncts: the head's
    /// conjunct, separators and the other conjuncts side by side — flat for bare nouns.
    fn coordinate(
        &mut self,
        label: &'static str,
        core: Vec<Item>,
        rest: &[usize],
        nouns: bool,
    ) -> Item {
        let conjs: Vec<usize> = (0..rest.len())
            .filter(|&i| self.rel[rest[i]] == Rel::Conj)
            .collect();
        let (Some(&first), Some(&last)) = (conjs.first(), conjs.last()) else {
            if rest.is_empty() || !nouns {
                let mut kids = core;
                kids.extend(self.placed(rest));
                return self.con(label, kids);
            }
            let inner = self.con(label, core);
            let mut kids = vec![inner];
            kids.extend(self.placed(rest));
            return self.con(label, kids);
        };
        let mut start = first;
        while start > 0 && matches!(self.rel[rest[start - 1]], Rel::Cc | Rel::Punct) {
            start -= 1;
        }
        let (own, coord, post) = (&rest[..start], &rest[start..=last], &rest[last + 1..]);
        let flat = nouns
            && own.is_empty()
            && core.iter().all(|i| matches!(i, Item::Word(_)))
            && coord.iter().all(|&c| {
                matches!(self.rel[c], Rel::Cc | Rel::Punct)
                    || (self.cat[c] == Cat::Noun
                        && self.flattenable(c)
                        && !self.kids[c]
                            .iter()
                            .any(|&k| self.rel[k] == Rel::Case && self.tag[k] != "POS"))
            });
        let mut kids;
        if flat {
            kids = core;
            for &c in coord {
                kids.extend(self.flat(c));
            }
        } else {
            let mut first_conjunct = self.con(label, core);
            if !own.is_empty() {
                let mut k = vec![first_conjunct];
                k.extend(self.placed(own));
                first_conjunct = self.con(label, k);
            }
            kids = vec![first_conjunct];
            kids.extend(self.placed(coord));
        }
        let body = self.con(label, kids);
        if post.is_empty() {
            return body;
        }
        let mut k = vec![body];
        k.extend(self.placed(post));
        self.con(label, k)
    }

    fn is_subject(&self, c: usize) -> bool {
        matches!(self.rel[c], Rel::Subj | Rel::Csubj | Rel::Expl)
    }

    /// An auxiliary layer: `aux`, `auxpass`, infinitival `to` (ClearNLP `aux`, UD `mark`).
    fn is_aux(&self, c: usize) -> bool {
        self.rel[c] == Rel::Aux || (self.rel[c] == Rel::Mark && self.tag[c] == "TO")
    }

    fn has_subject(&self, c: usize) -> bool {
        self.cat[c] == Cat::Clause && self.kids[c].iter().any(|&k| self.is_subject(k))
    }

    fn has_wh(&self, c: usize) -> bool {
        (self.lo[c]..=self.hi[c])
            .any(|w| matches!(self.tag[w].as_str(), "WDT" | "WP" | "WP$" | "WRB"))
    }

    fn clause(&mut self, h: usize, left: Vec<usize>, right: Vec<usize>) -> Item {
        let rel = self.rel[h];
        // The relative pronoun (or phrase) leads a relative clause: it goes to WHNP.
        let wh = (rel == Rel::Relcl)
            .then(|| left.iter().position(|&c| self.rel[c] != Rel::Punct))
            .flatten()
            .filter(|&i| self.has_wh(left[i]));
        let mark = left
            .iter()
            .rposition(|&c| self.rel[c] == Rel::Mark && self.tag[c] != "TO");
        let cut = match (wh, mark) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
        let (prefix, left) = match cut {
            Some(k) => left.split_at(k + 1),
            None => (&left[..0], &left[..]),
        };
        let verb = is_verb_tag(&self.tag[h]);
        let subj_left = left.iter().position(|&c| self.is_subject(c));
        let after_subj = subj_left.map_or(0, |s| s + 1);
        let cop = if verb {
            None
        } else {
            left.iter()
                .rposition(|&c| self.rel[c] == Rel::Cop)
                .filter(|&k| k >= after_subj)
        };
        let subj_right = match subj_left {
            Some(_) => None,
            None => right.iter().position(|&c| self.is_subject(c)),
        };
        // Left of the head: [pre] [subject] [mid] [auxiliary layers] ([copula] [predicate's own]).
        let first_aux = (after_subj..left.len()).find(|&i| self.is_aux(left[i]) || Some(i) == cop);
        let (pre, subj, mid): (&[usize], Option<usize>, &[usize]) = match (subj_left, first_aux) {
            (Some(s), Some(a)) => (&left[..s], Some(left[s]), &left[s + 1..a]),
            (Some(s), None) => (&left[..s], Some(left[s]), &left[s + 1..]),
            (None, Some(a)) => (&left[..a], None, &left[..0]),
            (None, None) => (left, None, &left[..0]),
        };
        let chain: &[usize] = match first_aux {
            Some(a) => match cop {
                Some(k) => &left[a..k],
                None => &left[a..],
            },
            None => &left[..0],
        };
        let (right_core, inverted): (&[usize], &[usize]) = match subj_right {
            Some(s) => right.split_at(s),
            None => (&right[..], &right[..0]),
        };
        // Trailing punctuation closes the clause, outside its verb phrase.
        let mut end = right_core.len();
        if inverted.is_empty() {
            while end > 0 && self.rel[right_core[end - 1]] == Rel::Punct {
                end -= 1;
            }
        }
        let (right_core, trailing) = right_core.split_at(end);

        // The innermost verb phrase: the verb (or copula and predicate) and what follows.
        let (mut inner, rest): (Vec<Item>, &[usize]) = match cop {
            Some(k) => {
                let own_left = &left[k + 1..];
                let take = self.predicate_span(right_core);
                let pred = self.predicate(h, own_left, &right_core[..take]);
                let mut items = Vec::new();
                self.function_word(left[k], &mut items);
                items.push(pred);
                (items, &right_core[take..])
            }
            None if verb => (vec![Item::Word(h)], right_core),
            None => {
                let take = self.predicate_span(right_core);
                // No verb and no copula (a verbless clause): the predicate alone.
                let pred = self.predicate(h, &[], &right_core[..take]);
                (vec![pred], &right_core[take..])
            }
        };
        // Coordination among the verb's dependents.
        let conjs: Vec<usize> = (0..rest.len())
            .filter(|&i| self.rel[rest[i]] == Rel::Conj)
            .collect();
        let mut s_coord: Option<(Vec<Item>, Vec<Item>)> = None;
        let vp_core = match (conjs.first(), conjs.last()) {
            (Some(&first), Some(&last)) => {
                let mut start = first;
                while start > 0 && matches!(self.rel[rest[start - 1]], Rel::Cc | Rel::Punct) {
                    start -= 1;
                }
                inner.extend(self.placed(&rest[..start]));
                let coord = &rest[start..=last];
                let post = &rest[last + 1..];
                // Clauses with their own subjects join as S (not before an inverted subject,
                // which must follow them).
                if inverted.is_empty() && conjs.iter().any(|&i| self.has_subject(rest[i])) {
                    s_coord = Some((self.placed(coord), self.placed(post)));
                    self.vp(inner)
                } else {
                    let own = self.vp(inner);
                    let mut kids = vec![own];
                    kids.extend(self.placed(coord));
                    kids.extend(self.placed(post));
                    self.con("VP", kids)
                }
            }
            _ => {
                inner.extend(self.placed(rest));
                self.vp(inner)
            }
        };
        // Auxiliary layers, innermost last: (VP will (RB not) (VP be (VP held …))).
        let mut layers: Vec<Vec<Item>> = Vec::new();
        for &c in chain {
            if self.is_aux(c) || layers.is_empty() {
                layers.push(Vec::new());
            }
            if let Some(l) = layers.last_mut() {
                if self.is_aux(c) {
                    self.function_word(c, l);
                } else {
                    self.place(c, l);
                }
            }
        }
        let mut vp = vp_core;
        for mut layer in layers.into_iter().rev() {
            layer.push(vp);
            vp = self.con("VP", layer);
        }
        // The clause.
        let subjectless_vp = subj.is_none()
            && subj_right.is_none()
            && prefix.is_empty()
            && ((rel == Rel::Conj && self.head[h].is_some_and(|g| self.cat[g] == Cat::Clause))
                || (matches!(rel, Rel::Acl | Rel::Amod) && chain.is_empty()));
        let mut items = self.placed(pre);
        if let Some(s) = subj {
            self.place(s, &mut items);
        }
        items.extend(self.placed(mid));
        items.push(vp);
        items.extend(self.placed(inverted));
        let mut clause = if subjectless_vp {
            if items.len() == 1 && trailing.is_empty() {
                items[0]
            } else {
                items.extend(self.placed(trailing));
                self.con("VP", items)
            }
        } else {
            let label = if subj_right.is_some() { "SINV" } else { "S" };
            if s_coord.is_none() {
                items.extend(self.placed(trailing));
            }
            self.con(label, items)
        };
        if let Some((coord, post)) = s_coord {
            let mut kids = vec![clause];
            kids.extend(coord);
            kids.extend(post);
            kids.extend(self.placed(trailing));
            clause = self.con("S", kids);
        }
        // Subordinators and relative pronouns.
        if !prefix.is_empty() {
            let gerund = self.tag[h] == "VBG" && subj.is_none() && chain.is_empty() && wh.is_none();
            let preposition = mark.is_some_and(|m| self.tag[prefix[m]] == "IN");
            let mut kids = Vec::new();
            for (i, &c) in prefix.iter().enumerate() {
                if Some(i) == wh {
                    kids.extend(self.peeled[c].iter().map(|&p| Item::Word(p)));
                    let w = self.wh_phrase(c);
                    kids.push(w);
                } else if self.flattenable(c) {
                    kids.extend(self.flat(c));
                } else {
                    self.place(c, &mut kids);
                }
            }
            kids.push(clause);
            let label = if gerund && preposition { "PP" } else { "SBAR" };
            return self.con(label, kids);
        }
        let finite_complement = subj.is_some()
            && ((rel == Rel::Ccomp && self.head[h].is_some_and(|g| g < h)) || rel == Rel::Relcl);
        if finite_complement {
            return self.con("SBAR", vec![clause]);
        }
        clause
    }

    fn vp(&mut self, items: Vec<Item>) -> Item {
        self.con("VP", items)
    }

    /// How many of `right` belong to a copula's predicate: its nominal dependents, up to the
    /// first clausal one.
    fn predicate_span(&self, right: &[usize]) -> usize {
        let mut take = 0;
        for (i, &c) in right.iter().enumerate() {
            match self.rel[c] {
                Rel::Nmod
                | Rel::Obl
                | Rel::Prep
                | Rel::Acl
                | Rel::Relcl
                | Rel::Appos
                | Rel::Amod
                | Rel::Nummod
                | Rel::Flat
                | Rel::Compound
                | Rel::Fixed
                | Rel::Case
                | Rel::Det
                | Rel::Poss
                | Rel::Pobj => take = i + 1,
                Rel::Conj if !self.has_subject(c) => take = i + 1,
                Rel::Cc | Rel::Punct => {}
                _ => break,
            }
        }
        take
    }

    /// A copula's predicate: a noun phrase, adjective phrase or prepositional phrase.
    fn predicate(&mut self, h: usize, left: &[usize], right: &[usize]) -> Item {
        let tag = self.tag[h].clone();
        if tag.starts_with("JJ") {
            self.simple(h, left, right, "ADJP")
        } else if tag.starts_with("RB") {
            self.simple(h, left, right, "ADVP")
        } else if matches!(tag.as_str(), "IN" | "TO") {
            self.prep_phrase(h, left, right)
        } else {
            self.noun_phrase(h, left, right, "NP")
        }
    }

    /// The relative pronoun's phrase, relabelled WHNP/WHPP/WHADVP.
    fn wh_phrase(&mut self, c: usize) -> Item {
        match self.top[c] {
            Item::Con(k) => {
                let label = match self.arena[k].label {
                    "PP" => "WHPP",
                    "ADVP" => "WHADVP",
                    _ => "WHNP",
                };
                self.arena[k].label = label;
                Item::Con(k)
            }
            Item::Word(w) => {
                let label = if self.tag[w] == "WRB" {
                    "WHADVP"
                } else {
                    "WHNP"
                };
                self.con(label, vec![Item::Word(w)])
            }
        }
    }

    /// Writes the phrases into a [`Tree`] under `ROOT`, checking that every word comes out
    /// once, in order.
    fn emit(&self, root: usize) -> Result<Tree, DependencyError> {
        let mut b = Tree::builder();
        b.open("ROOT");
        enum Step {
            Item(Item),
            Close,
        }
        let mut next = 0;
        let mut stack = vec![Step::Item(self.top[root])];
        while let Some(step) = stack.pop() {
            match step {
                Step::Close => b.close(),
                Step::Item(Item::Word(w)) => {
                    if w != next {
                        return Err(err(
                            w + 1,
                            "the words came out of order: could not build a tree",
                        ));
                    }
                    next += 1;
                    b.leaf(&self.tag[w], &self.form[w], None);
                }
                Step::Item(Item::Con(k)) => {
                    let con = &self.arena[k];
                    b.open(con.label);
                    stack.push(Step::Close);
                    stack.extend(con.kids.iter().rev().map(|&i| Step::Item(i)));
                }
            }
        }
        if next != self.n {
            return Err(err(next + 1, "a word was left out: could not build a tree"));
        }
        Ok(b.finish())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Words from compact lines: `form xpos head deprel`.
    fn words(spec: &str) -> Vec<DepWord> {
        spec.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(|l| {
                let f: Vec<&str> = l.split_whitespace().collect();
                DepWord {
                    form: f[0].into(),
                    xpos: f[1].into(),
                    head: f[2].parse().unwrap(),
                    deprel: f[3].into(),
                    upos: String::new(),
                }
            })
            .collect()
    }

    #[track_caller]
    fn check(spec: &str, expected: &str) {
        let tree = Tree::from_dependencies(&words(spec)).unwrap();
        assert_eq!(tree.to_ptb(), expected);
        // The bracket form reads back as the same tree.
        assert_eq!(Tree::parse_ptb(&tree.to_ptb()).unwrap(), tree);
    }

    #[test]
    fn clearnlp_passive_with_agent() {
        check(
            "The DT 3 det
             Chinese JJ 3 amod
             ambassador NN 5 nsubjpass
             was VBD 5 auxpass
             summoned VBN 0 ROOT
             by IN 5 agent
             Tokyo NNP 6 pobj
             . . 5 punct",
            "(ROOT (S (NP (DT The) (JJ Chinese) (NN ambassador)) (VP (VBD was) (VP (VBN summoned) \
             (PP (IN by) (NP (NNP Tokyo))))) (. .)))",
        );
    }

    #[test]
    fn ud_passive_with_case_marked_agent() {
        check(
            "The DT 3 det
             Chinese JJ 3 amod
             ambassador NN 5 nsubj:pass
             was VBD 5 aux:pass
             summoned VBN 0 root
             by IN 7 case
             Tokyo NNP 5 obl:agent
             . . 5 punct",
            "(ROOT (S (NP (DT The) (JJ Chinese) (NN ambassador)) (VP (VBD was) (VP (VBN summoned) \
             (PP (IN by) (NP (NNP Tokyo))))) (. .)))",
        );
    }

    #[test]
    fn gerund_after_preposition_both_schemes() {
        let expected = "(ROOT (S (NP (NNP Arnor)) (VP (VBD accused) (NP (NNP Gondor)) (PP (IN of) \
                        (S (VP (VBG shelling) (NP (DT the) (NN plant)))))) (. .)))";
        check(
            "Arnor NNP 2 nsubj
             accused VBD 0 ROOT
             Gondor NNP 2 dobj
             of IN 2 prep
             shelling VBG 4 pcomp
             the DT 7 det
             plant NN 5 dobj
             . . 2 punct",
            expected,
        );
        check(
            "Arnor NNP 2 nsubj
             accused VBD 0 root
             Gondor NNP 2 obj
             of IN 5 mark
             shelling VBG 2 advcl
             the DT 7 det
             plant NN 5 obj
             . . 2 punct",
            expected,
        );
    }

    #[test]
    fn coordination_in_both_schemes() {
        // ClearNLP: `cc` on the first conjunct; UD: on the second.
        let expected = "(ROOT (S (NP (NNP Arnor) (CC and) (NNP Rohan)) (VP (VBD signed) (NP (DT a) \
                        (NN treaty))) (. .)))";
        check(
            "Arnor NNP 4 nsubj
             and CC 1 cc
             Rohan NNP 1 conj
             signed VBD 0 ROOT
             a DT 6 det
             treaty NN 4 dobj
             . . 4 punct",
            expected,
        );
        check(
            "Arnor NNP 4 nsubj
             and CC 3 cc
             Rohan NNP 1 conj
             signed VBD 0 root
             a DT 6 det
             treaty NN 4 obj
             . . 4 punct",
            expected,
        );
    }

    #[test]
    fn verb_phrases_share_a_subject_clauses_do_not() {
        check(
            "Arnor NNP 2 nsubj
             struck VBD 0 root
             Gondor NNP 2 obj
             and CC 6 cc
             then RB 6 advmod
             attacked VBD 2 conj
             Rohan NNP 6 obj
             . . 2 punct",
            "(ROOT (S (NP (NNP Arnor)) (VP (VP (VBD struck) (NP (NNP Gondor))) (CC and) (VP (ADVP \
             (RB then)) (VP (VBD attacked) (NP (NNP Rohan))))) (. .)))",
        );
        check(
            "Arnor NNP 2 nsubj
             struck VBD 0 ROOT
             Gondor NNP 2 dobj
             and CC 2 cc
             Rohan NNP 6 nsubj
             replied VBD 2 conj
             . . 2 punct",
            "(ROOT (S (S (NP (NNP Arnor)) (VP (VBD struck) (NP (NNP Gondor)))) (CC and) (S (NP \
             (NNP Rohan)) (VP (VBD replied))) (. .)))",
        );
    }

    #[test]
    fn auxiliaries_negation_and_infinitives() {
        check(
            "Arnor NNP 4 nsubj
             did VBD 4 aux
             not RB 4 neg
             agree VB 0 ROOT
             to TO 6 aux
             attend VB 4 xcomp
             talks NNS 6 dobj
             . . 4 punct",
            "(ROOT (S (NP (NNP Arnor)) (VP (VBD did) (RB not) (VP (VB agree) (S (VP (TO to) (VP \
             (VB attend) (NP (NNS talks))))))) (. .)))",
        );
    }

    #[test]
    fn reported_speech_and_reporting_tail() {
        check(
            "Arnor NNP 2 nsubj
             said VBD 0 ROOT
             Gondor NNP 4 nsubj
             attacked VBD 2 ccomp
             . . 2 punct",
            "(ROOT (S (NP (NNP Arnor)) (VP (VBD said) (SBAR (S (NP (NNP Gondor)) (VP (VBD \
             attacked))))) (. .)))",
        );
        check(
            "Gondor NNP 2 nsubj
             attacked VBD 5 ccomp
             , , 5 punct
             Arnor NNP 5 nsubj
             said VBD 0 ROOT
             . . 5 punct",
            "(ROOT (S (S (NP (NNP Gondor)) (VP (VBD attacked))) (, ,) (NP (NNP Arnor)) (VP (VBD \
             said)) (. .)))",
        );
    }

    #[test]
    fn relative_clause_possessor_and_reduced_relative() {
        check(
            "Elrond NNP 8 nsubj
             , , 1 punct
             who WP 4 nsubj
             met VBD 1 relcl
             Arnor NNP 4 dobj
             , , 1 punct
             warmly RB 8 advmod
             praised VBD 0 ROOT
             Gondor NNP 11 poss
             's POS 9 case
             envoys NNS 8 dobj
             detained VBN 11 acl
             by IN 12 agent
             Rohan NNP 13 pobj
             . . 8 punct",
            "(ROOT (S (NP (NP (NNP Elrond)) (, ,) (SBAR (WHNP (WP who)) (S (VP (VBD met) (NP (NNP \
             Arnor))))) (, ,)) (ADVP (RB warmly)) (VP (VBD praised) (NP (NP (NP (NNP Gondor) (POS \
             's)) (NNS envoys)) (VP (VBN detained) (PP (IN by) (NP (NNP Rohan)))))) (. .)))",
        );
    }

    #[test]
    fn ud_copula_and_multiword_preposition() {
        check(
            "Arnor NNP 4 nsubj
             is VBZ 4 cop
             a DT 4 det
             threat NN 0 root
             according VBG 8 case
             to IN 5 fixed
             the DT 8 det
             envoy NN 4 nmod
             . . 4 punct",
            "(ROOT (S (NP (NNP Arnor)) (VP (VBZ is) (NP (NP (DT a) (NN threat)) (PP (VBG \
             according) (IN to) (NP (DT the) (NN envoy))))) (. .)))",
        );
    }

    #[test]
    fn brackets_and_upos_only_tags() {
        let mut ws = words(
            "Arnor _ 2 nsubj
             won _ 0 root
             ( _ 4 punct
             again _ 2 advmod
             ) _ 4 punct",
        );
        for (w, u) in ws
            .iter_mut()
            .zip(["PROPN", "VERB", "PUNCT", "ADV", "PUNCT"])
        {
            w.upos = u.into();
        }
        let tree = Tree::from_dependencies(&ws).unwrap();
        assert_eq!(
            tree.to_ptb(),
            "(ROOT (S (NP (NNP Arnor)) (VP (VB won) (ADVP (-LRB- -LRB-) (RB again) (-RRB- -RRB-)))))"
        );
        let aligned = tree.aligned_to("Arnor won (again)");
        assert_eq!(aligned.span(aligned.root()), Some(crate::Span::new(0, 17)));
    }

    #[test]
    fn non_projective_arcs_are_lifted() {
        // "Arnor saw Gondor yesterday that attacked": `attacked` (a relative on Gondor) crosses
        // `yesterday` (on saw); it is lifted to `saw`.
        let tree = Tree::from_dependencies(&words(
            "Arnor NNP 2 nsubj
             saw VBD 0 root
             Gondor NNP 2 obj
             yesterday NN 2 obl:tmod
             that WDT 6 nsubj
             attacked VBD 3 acl:relcl",
        ))
        .unwrap();
        let leaves: Vec<&str> = tree.leaves().filter_map(|l| tree.word(l)).collect();
        assert_eq!(
            leaves,
            ["Arnor", "saw", "Gondor", "yesterday", "that", "attacked"]
        );
    }

    #[test]
    fn bad_parses_are_errors_not_panics() {
        let e = Tree::from_dependencies(&words("a DT 2 det\nb NN 1 nsubj")).unwrap_err();
        assert!(e.message.contains("no root"), "{e}");
        let e =
            Tree::from_dependencies(&words("a DT 0 root\nb NN 3 nsubj\nc NN 2 obj")).unwrap_err();
        assert!(e.message.contains("cycle"), "{e}");
        let e = Tree::from_dependencies(&words("a DT 0 root\nb NN 9 obj")).unwrap_err();
        assert_eq!(e.word, 2);
        assert!(e.message.contains("expected 0 to 2"), "{e}");
        let e = Tree::from_dependencies(&words("a DT 1 root")).unwrap_err();
        assert!(e.message.contains("own head"), "{e}");
        assert!(Tree::from_dependencies(&[]).is_err());
        // Two roots: the second hangs on the first.
        let t = Tree::from_dependencies(&words("Arnor NNP 0 root\nwon VBD 0 root")).unwrap();
        assert_eq!(t.leaves().count(), 2);
    }
}

#[cfg(test)]
mod proptests {
    use super::*;
    use proptest::prelude::*;

    const RELS: &[&str] = &[
        "nsubj",
        "obj",
        "dobj",
        "prep",
        "pobj",
        "pcomp",
        "case",
        "mark",
        "aux",
        "aux:pass",
        "cop",
        "conj",
        "cc",
        "punct",
        "amod",
        "det",
        "compound",
        "nmod",
        "obl",
        "acl",
        "acl:relcl",
        "relcl",
        "ccomp",
        "xcomp",
        "advcl",
        "advmod",
        "neg",
        "poss",
        "nmod:poss",
        "appos",
        "flat",
        "fixed",
        "npadvmod",
        "expl",
        "prt",
        "dep",
        "root",
        "parataxis",
    ];
    const TAGS: &[&str] = &[
        "NN", "NNP", "VBD", "VBN", "VBG", "VB", "MD", "IN", "TO", "DT", "JJ", "RB", "CC", ",", ".",
        "WDT", "WP", "POS", "PRP", "PRP$", "CD", "RP", "_", "X(",
    ];

    proptest! {
        /// Any tree over the words converts with every word once, in order.
        #[test]
        fn every_word_once_in_order(
            (spec, order) in proptest::collection::vec((0usize..40, 0usize..RELS.len(), 0usize..TAGS.len()), 1..40)
                .prop_flat_map(|spec| {
                    let n = spec.len();
                    (Just(spec), Just((0..n).collect::<Vec<usize>>()).prop_shuffle())
                })
        ) {
            let n = spec.len();
            // Word order[k] hangs on a word placed before it in `order` (or, sometimes, on 0: a
            // further root), so the input is a tree with heads on either side and crossing arcs.
            let mut head = vec![0usize; n];
            for k in 1..n {
                let (h, _, _) = spec[order[k]];
                head[order[k]] = if h % 7 == 6 { 0 } else { order[h % k] + 1 };
            }
            let words: Vec<DepWord> = spec.iter().enumerate().map(|(i, &(_, r, t))| DepWord {
                form: format!("w{i}"),
                upos: "X".into(),
                xpos: TAGS[t].into(),
                head: head[i],
                deprel: RELS[r].into(),
            }).collect();
            let tree = Tree::from_dependencies(&words);
            prop_assert!(tree.is_ok(), "{:?}: {}", tree, words.iter().map(|w| format!("{} {} {} {}", w.form, w.xpos, w.head, w.deprel)).collect::<Vec<_>>().join("\n"));
            let tree = tree.unwrap();
            let leaves: Vec<String> = tree.leaves().filter_map(|l| tree.word(l).map(String::from)).collect();
            let expected: Vec<String> = (0..n).map(|i| format!("w{i}")).collect();
            prop_assert_eq!(leaves, expected);
            prop_assert!(Tree::parse_ptb(&tree.to_ptb()).is_ok());
        }

        /// Arbitrary heads (cycles, out of range) give an error or a tree, never a panic.
        #[test]
        fn arbitrary_heads_never_panic(spec in proptest::collection::vec((0usize..12, 0usize..RELS.len(), 0usize..TAGS.len()), 0..12)) {
            let words: Vec<DepWord> = spec.iter().enumerate().map(|(i, &(h, r, t))| DepWord {
                form: format!("w{i}"),
                upos: String::new(),
                xpos: TAGS[t].into(),
                head: h,
                deprel: RELS[r].into(),
            }).collect();
            let _ = Tree::from_dependencies(&words);
        }
    }
}
