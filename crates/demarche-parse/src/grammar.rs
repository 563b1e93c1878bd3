//! A deterministic phrase-structure builder over tagged tokens, shaped like Stanford/PTB parses.
//!
//! Recursive descent with one token of commitment and short look-aheads, no backtracking
//! beyond small, bounded probes (`clause_follows`). The shapes follow the Penn Treebank
//! guidelines the PETRARCH coder was written against:
//! - `(S (NP ...) (VP ...) (. .))`, auxiliaries and modals nest their VP:
//!   `(VP (MD will) (VP (VB restore) ...))`, passives `(VP (VBD was) (VP (VBN reported) ...))`;
//! - objects, then PPs, as siblings inside the VP (a PP after the object attaches to the VP;
//!   only `of` attaches to the object noun); PPs after a subject attach to the subject;
//! - complement clauses `(SBAR (IN that) (S ...))`, also without `that` after reporting verbs;
//!   infinitives `(S (VP (TO to) (VP ...)))`, with a subject for "urged X to ...";
//! - NP coordination `(NP (NP ..) (CC and) (NP ..))`, possessives `(NP (NP X (POS 's)) ...)`,
//!   appositives `(NP (NP ..) (, ,) (NP ..) (, ,))`, relative clauses `(SBAR (WHNP ..) (S ..))`;
//! - a final reporting clause: `(S (S ...) (, ,) (NP officials) (VP (VBD said)) (. .))`.
//!
//! Depth is bounded: past [`MAX_DEPTH`] nested phrases the rest is attached flat, so no input
//! can overflow the stack.

use crate::lexicon::is_reporting_verb;
use crate::tagger::{is_be, is_do, is_have, is_subordinator};
use demarche_text::english::{self, VerbClass};
use std::borrow::Cow;

/// How many tokens a dateline spans at most, its dash included.
const DATELINE_MAX: usize = 14;

/// The most words between a list's second verb and the "and" that closes it.
const VERB_LIST_WINDOW: usize = 24;

/// Deepest nesting of phrases the builder will create before going flat.
pub(crate) const MAX_DEPTH: usize = 48;

/// A node of the tree under construction: a token index or a labelled phrase.
#[derive(Debug, Clone)]
pub(crate) enum Node {
    Leaf(usize),
    Phrase(&'static str, Vec<Node>),
}

fn phrase(label: &'static str, kids: Vec<Node>) -> Node {
    Node::Phrase(label, kids)
}

/// A coordinated noun phrase. Like the Stanford parser, conjuncts that are single nouns are
/// not bracketed: `(NP (NNP Gondor) (CC and) (NNP Osgiliath))`.
fn coordinate(parts: Vec<Node>) -> Node {
    let has_cc = parts.iter().any(|p| matches!(p, Node::Leaf(_)));
    let single = |p: &Node| match p {
        Node::Phrase("NP", k) => k.len() == 1 && matches!(k[0], Node::Leaf(_)),
        Node::Leaf(_) => true,
        _ => false,
    };
    if has_cc && parts.iter().all(single) {
        let flat = parts
            .into_iter()
            .flat_map(|p| match p {
                Node::Phrase(_, k) => k,
                leaf => vec![leaf],
            })
            .collect();
        return phrase("NP", flat);
    }
    phrase("NP", parts)
}

fn is_noun(t: &str) -> bool {
    matches!(t, "NN" | "NNS" | "NNP" | "NNPS")
}

fn is_verb(t: &str) -> bool {
    matches!(t, "VB" | "VBD" | "VBZ" | "VBP" | "VBN" | "VBG" | "MD")
}

fn is_finite(t: &str) -> bool {
    matches!(t, "VBD" | "VBZ" | "VBP" | "MD")
}

fn is_temporal(w: &str) -> bool {
    matches!(
        w,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "today"
            | "yesterday"
            | "tomorrow"
            | "tonight"
            | "week"
            | "weekend"
            | "month"
            | "year"
            | "day"
            | "night"
            | "morning"
            | "afternoon"
            | "evening"
            | "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
    )
}

/// Gerunds that work as prepositions and head a PP in the Stanford parses: "according to X",
/// "starting on Sunday", "following talks".
/// A time word that is not also a common word of another kind ("may", "march").
pub(crate) fn is_time_word(w: &str) -> bool {
    is_temporal(w) && !matches!(w, "may" | "march")
}

fn is_prepositional_gerund(w: &str) -> bool {
    matches!(
        w,
        "according" | "starting" | "beginning" | "following" | "including" | "ending" | "excluding"
    )
}

fn is_time_unit(w: &str) -> bool {
    matches!(
        w,
        "years"
            | "months"
            | "weeks"
            | "days"
            | "hours"
            | "minutes"
            | "decades"
            | "year"
            | "month"
            | "week"
            | "day"
    )
}

/// Whether a subject-position PP should stay with the noun rather than the clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Before the verb: PPs attach to the noun.
    Subject,
    /// After the verb: only `of` PPs attach to the noun.
    Object,
}

pub(crate) struct Grammar<'a> {
    tags: &'a [&'static str],
    low: &'a [Cow<'a, str>],
    pos: usize,
    depth: usize,
    /// Inside a comma list item: commas and conjunctions end the noun phrase.
    in_list: usize,
    /// Whether each token starts with a capital letter.
    caps: &'a [bool],
    /// The first token is a word in capitals ("MANILA"), as a dateline opens.
    pub(crate) first_upper: bool,
    /// Inside a clause reported by a reporting verb: ", and <verb>" ends it, for the reporter.
    reported: usize,
    /// Inside a free relative that is a verb's object ("condemned what it called …"): "and"
    /// and a finite verb end it, for the verb it is the object of.
    free_relative: usize,
    /// The depth of the noun phrase that is the object of an `of` between two names ("the
    /// Economic Community of [West African States]"): a ", which" clause after it is the whole
    /// name's.
    of_name: usize,
}

impl<'a> Grammar<'a> {
    pub(crate) fn new(tags: &'a [&'static str], low: &'a [Cow<'a, str>], caps: &'a [bool]) -> Self {
        Grammar {
            tags,
            low,
            pos: 0,
            depth: 0,
            in_list: 0,
            caps,
            first_upper: false,
            reported: 0,
            free_relative: 0,
            of_name: 0,
        }
    }

    fn t(&self, i: usize) -> &'static str {
        self.tags.get(i).copied().unwrap_or("")
    }

    fn w(&self, i: usize) -> &'a str {
        self.low.get(i).map_or("", |l| l)
    }

    fn cur(&self) -> &'static str {
        self.t(self.pos)
    }

    fn cw(&self) -> &'a str {
        self.w(self.pos)
    }

    fn done(&self) -> bool {
        self.pos >= self.tags.len()
    }

    fn leaf(&mut self) -> Node {
        let n = Node::Leaf(self.pos);
        self.pos += 1;
        n
    }

    fn too_deep(&self) -> bool {
        self.depth > MAX_DEPTH
    }

    /// Index of the first non-adverb at or after `j`.
    fn skip_adverbs(&self, mut j: usize) -> usize {
        while matches!(self.t(j), "RB" | "RBR" | "RBS") {
            j += 1;
        }
        j
    }

    /// Whether the names at `j` open a relative clause with no wh-word on the apposed
    /// indefinite noun before them (`crate::tagger::contact_relative_subject`, whose finite
    /// verb the tagger has given).
    fn contact_relative_at(&self, j: usize) -> bool {
        let mut v = j;
        while matches!(self.t(v), "NNP" | "NNPS") {
            v += 1;
        }
        matches!(self.t(v), "VBD" | "VBZ" | "VBP")
            && crate::tagger::contact_relative_subject(self.tags, |k| self.w(k), v)
    }

    fn np_starts_at(&self, j: usize) -> bool {
        let t = self.t(j);
        match t {
            "DT" | "PDT" | "PRP$" | "PRP" | "CD" | "JJ" | "JJR" | "JJS" | "NN" | "NNS" | "NNP"
            | "NNPS" | "$" | "EX" | "#" => true,
            "``" => {
                is_noun(self.t(j + 1))
                    || self.t(j + 1) == "JJ"
                    || matches!(self.t(j + 1), "VBG" | "VBN") && is_noun(self.t(j + 2))
                    || self.quoted_np(j)
            }
            "RB" => matches!(self.t(j + 1), "CD" | "JJ" | "DT"),
            "VBN" | "VBG" => matches!(self.t(j + 1), "NN" | "NNS" | "NNP" | "NNPS" | "JJ"),
            "IN" => self.at_least(j),
            _ => false,
        }
    }

    /// `` an unfriendly act '': a quotation that is one noun phrase opened by a determiner
    /// ("called the sanctions 'an unfriendly act'").
    fn quoted_np(&self, j: usize) -> bool {
        if !matches!(self.t(j + 1), "DT" | "PRP$") {
            return false;
        }
        let e = self.np_probe_end(j + 1);
        e > j + 2 && (self.t(e - 1) == "''" || self.t(e) == "''")
    }

    /// "at least 20 people", "at most three", "up to 90 billion euros", "up to $5 billion": a
    /// quantifier that opens a noun phrase, not a PP.
    fn at_least(&self, j: usize) -> bool {
        let number = matches!(self.t(j + 2), "CD" | "$");
        number
            && (self.w(j) == "at" && matches!(self.w(j + 1), "least" | "most")
                || self.w(j).eq_ignore_ascii_case("up") && self.w(j + 1) == "to")
    }

    /// Whether `a..b` is not empty and every tag in it is one of `tags`.
    fn tags_in(&self, a: usize, b: usize, tags: &[&str]) -> bool {
        a < b && (a..b).all(|k| tags.contains(&self.t(k)))
    }

    /// "more than 50 people", "fewer than 10" at `j`: a comparative of quantity before a number
    /// opens a noun phrase, as "at least" does ("said more than 50 people had been killed").
    fn more_than(&self, j: usize) -> bool {
        matches!(self.t(j + 2), "CD" | "$")
            && self.w(j + 1) == "than"
            && matches!(self.w(j), "more" | "fewer" | "less")
    }

    /// The end of a time phrase at `j` that a comma follows ("last week", "earlier this
    /// month", "two days later"): a noun phrase ending in a unit of time, an adverb of time
    /// around it allowed.
    fn time_before_comma(&self, j: usize) -> Option<usize> {
        let k = j + usize::from(matches!(self.t(j), "RB" | "RBR"));
        let mut e = self.np_probe_end(k);
        // "Last week, …", or one word of time alone ("Today, …", "On" aside: "Monday, …").
        let time = |w: &str| is_time_unit(w) || e == k + 1 && is_temporal(w);
        if e <= k || !time(self.w(e - 1)) {
            return None;
        }
        if matches!(self.w(e), "later" | "earlier" | "ago") {
            e += 1;
        }
        (self.t(e) == ",").then_some(e)
    }

    /// A time phrase at `j` as [`Self::time_before_comma`] reads it ("Earlier this month",
    /// "Last week"), with no comma but a subject and its verb after it: the index past it.
    fn time_before_subject(&self, j: usize) -> Option<usize> {
        let k = j + usize::from(matches!(self.t(j), "RB" | "RBR"));
        // Up to the first time unit ("this month"), a few modifiers before it.
        let mut e = k;
        while e < k + 3 && !is_time_unit(self.w(e)) && matches!(self.t(e), "DT" | "JJ" | "CD") {
            e += 1;
        }
        if e == k || !is_time_unit(self.w(e)) || self.t(e + 1) == "," {
            return None;
        }
        self.subject_and_verb_at(e + 1).then_some(e + 1)
    }

    /// Whether a plain subject (no participle) and then a finite verb start at `e`.
    fn subject_and_verb_at(&self, e: usize) -> bool {
        let mut f = e;
        while matches!(
            self.t(f),
            "DT" | "PRP$" | "CD" | "JJ" | "NN" | "NNS" | "NNP" | "NNPS" | "POS"
        ) {
            f += 1;
        }
        f > e && matches!(self.t(f), "VBD" | "VBN" | "VBZ" | "VBP" | "MD")
    }

    /// For a preposition at `j` followed by time words ("On Friday", "In January 5") and then,
    /// with no comma, a noun phrase and its verb: the index just past the time words.
    fn time_pp_before_subject(&self, j: usize) -> Option<usize> {
        if self.t(j) != "IN" || !is_time_word(self.w(j + 1)) {
            return None;
        }
        let mut e = j + 2;
        while is_time_word(self.w(e)) || self.t(e) == "CD" {
            e += 1;
        }
        self.subject_and_verb_at(e).then_some(e)
    }

    /// For a preposition at `j` that opens the sentence with an indefinite common noun and,
    /// with no comma, names and their verb ("In a statement Russia condemned …"): the index
    /// just past the noun (the tagger's `contact_relative_subject` leaves the names and verb
    /// to the main clause).
    fn opening_pp_before_names(&self, j: usize) -> Option<usize> {
        let opening = j == 0 || matches!(self.t(j - 1), ":" | "``");
        if !opening || self.t(j) != "IN" || !matches!(self.w(j + 1), "a" | "an" | "A" | "An") {
            return None;
        }
        let mut e = j + 2;
        while self.t(e) == "JJ" {
            e += 1;
        }
        let names = matches!(self.t(e + 1), "NNP" | "NNPS");
        let shape = self.t(e) == "NN" && names && self.subject_and_verb_at(e + 1);
        (shape && !self.contact_relative_at(e + 1)).then_some(e + 1)
    }

    /// Index just past a simple noun phrase starting at `j` (no PPs except `of`).
    fn np_probe_end(&self, mut j: usize) -> usize {
        let start = j;
        loop {
            let t = self.t(j);
            let ok = matches!(
                t,
                "DT" | "PDT"
                    | "PRP$"
                    | "CD"
                    | "JJ"
                    | "JJR"
                    | "JJS"
                    | "NN"
                    | "NNS"
                    | "NNP"
                    | "NNPS"
                    | "POS"
                    | "$"
                    | "#"
                    | "``"
                    | "''"
            ) || (t == "PRP" && j == start)
                || (t == "IN" && j == start && self.at_least(j))
                || (t == "EX" && j == start)
                || (matches!(t, "VBN" | "VBG") && matches!(self.t(j + 1), "NN" | "NNS" | "JJ"))
                || (t == "RB" && matches!(self.t(j + 1), "CD" | "JJ"))
                || (t == "IN" && self.w(j) == "of" && j > start && self.np_starts_at(j + 1))
                || (t == "CC" && j > start && self.np_starts_at(j + 1));
            if !ok {
                return j;
            }
            j += 1;
        }
    }

    /// Whether a clause (a noun phrase then a finite verb) starts at `j`.
    fn clause_follows(&self, j: usize) -> bool {
        if !self.np_starts_at(j) {
            return false;
        }
        let e = self.np_probe_end(j);
        if e == j {
            return false;
        }
        let mut v = self.skip_pps(e);
        // "after the presidents of Congo and Rwanda met": a coordinated subject.
        for _ in 0..3 {
            if !(self.t(v) == "CC" && self.w(v) == "and" && self.np_starts_at(v + 1)) {
                break;
            }
            let f = self.np_probe_end(v + 1);
            if f <= v + 1 {
                break;
            }
            v = self.skip_pps(f);
        }
        // "as a Mexican delegation led by the foreign minister held talks": a participle with
        // its agent after the subject.
        if self.t(v) == "VBN" && self.w(v + 1) == "by" && self.np_starts_at(v + 2) {
            let f = self.np_probe_end(v + 2);
            if f > v + 2 {
                v = self.skip_pps(f);
            }
        }
        is_finite(self.t(self.skip_adverbs(v)))
    }

    /// Index past up to three prepositional phrases starting at `e` ("of Commerce",
    /// "in 2021"), as a noun phrase's post-modifiers; `e` itself when none starts there.
    fn skip_pps(&self, mut e: usize) -> usize {
        for _ in 0..3 {
            let w = self.w(e);
            if matches!(self.t(e), "IN" | "TO")
                && !is_subordinator(w)
                && w != "that"
                && self.np_starts_at(e + 1)
            {
                let f = self.np_probe_end(e + 1);
                if f <= e + 1 {
                    break;
                }
                e = f;
            } else {
                break;
            }
        }
        e
    }

    /// Whether a verb group starts at `j` (after adverbs).
    fn verb_follows(&self, j: usize) -> bool {
        let mut v = self.skip_adverbs(j);
        // "to \"fight to the end\"": through an opening quotation mark.
        if self.t(v) == "``" {
            v = self.skip_adverbs(v + 1);
        }
        is_verb(self.t(v)) || (self.w(v) == "about" && self.t(v + 1) == "TO")
    }

    // ---------------------------------------------------------------- sentences and clauses

    /// The whole sentence: `(S ...)` (or `FRAG`) with everything consumed.
    pub(crate) fn sentence(&mut self) -> Node {
        if let Some(dash) = self.dateline_dash() {
            return self.dateline(dash);
        }
        let mut kids = Vec::with_capacity(4);
        let mut s = self.clause();
        loop {
            if self.done() {
                break;
            }
            let t = self.cur();
            // ", a senior official said on Saturday."
            if t == "," && self.reporting_tail(self.pos + 1) {
                let comma = self.leaf();
                let subj = self.np_full(Mode::Subject);
                let vp = self.vp_coord();
                let mut outer = vec![s, comma];
                outer.extend(subj);
                outer.push(vp);
                s = phrase("S", outer);
                continue;
            }
            // "X did Y, in 1949, but Z did W": a prepositional phrase between commas before the
            // conjunction closes the first clause.
            if t == "," && self.t(self.pos + 1) == "IN" && self.np_starts_at(self.pos + 2) {
                let save = self.pos;
                let comma = self.leaf();
                let pp = self.pp(Mode::Object);
                if self.cur() == "," && self.t(self.pos + 1) == "CC" {
                    if let Node::Phrase(_, ref mut k) = s {
                        k.push(comma);
                        k.push(pp);
                    }
                    continue;
                }
                self.pos = save;
            }
            // "..., and Z did W" / "X did Y; Z did W"
            if matches!(t, "CC" | ":") || (t == "," && self.t(self.pos + 1) == "CC") {
                let save = self.pos;
                let mut mids = Vec::new();
                while matches!(self.cur(), "," | "CC" | ":") && mids.len() < 3 {
                    mids.push(self.leaf());
                }
                if self.clause_follows(self.pos) || self.verb_follows(self.pos) {
                    let next = self.clause();
                    let mut outer = vec![s];
                    outer.extend(mids);
                    outer.push(next);
                    s = phrase("S", outer);
                    continue;
                }
                self.pos = save;
            }
            break;
        }
        kids.push(s);
        // Whatever is left: final punctuation, or fragments the rules did not place.
        while !self.done() {
            let before = self.pos;
            let node = self.fragment();
            kids.push(node);
            if self.pos == before {
                kids.push(self.leaf());
            }
        }
        if kids.len() == 1 {
            if let Some(Node::Phrase(label, k)) = kids.pop() {
                return phrase(label, k);
            }
            return phrase("S", Vec::new());
        }
        // Flatten the main clause's children with the trailing material, as PTB does.
        let mut first = kids.remove(0);
        if let Node::Phrase(_, ref mut k) = first {
            k.extend(kids);
        }
        first
    }

    /// A dateline with commas or a bracket before the lead ("NAIROBI, Kenya, Mar 26 – …",
    /// "BEIJING, Sept. 5 (Xinhua) -- …"): the index of its dash. It opens the sentence with a
    /// capitalised name (in capitals, when only commas mark it), holds only names, numbers,
    /// commas and brackets, and a lead of a few words follows the dash. (A dateline of names alone, "GAZA/CAIRO —", parses as a fragment and a
    /// clause already.)
    fn dateline_dash(&self) -> Option<usize> {
        if self.pos != 0 || self.t(0) != "NNP" || !self.caps.first().copied().unwrap_or(false) {
            return None;
        }
        // Commas after a name in capitals, or a bracketed agency or date ("Global Times (20
        // November 2021) –"); not "Ali Hassan, 34 -- a former officer -- said".
        // The dash as written ("--", or one hyphen: "BEIRUT, May 2 (dpa) - …"); inside the
        // brackets any one agency name, in lower case too ("(dpa)").
        let (mut comma, mut bracket, mut inside) = (false, false, false);
        for j in 1..DATELINE_MAX.min(self.tags.len()) {
            match self.t(j) {
                ":" if matches!(self.w(j), "--" | "-") && !inside => {
                    let marked = bracket || comma && self.first_upper;
                    return (marked && j + 3 < self.tags.len()).then_some(j);
                }
                "," => comma = true,
                "-LRB-" => (bracket, inside) = (true, true),
                "-RRB-" => (bracket, inside) = (true, false),
                "CD" => {}
                "NNP" | "NNPS" | "JJ" if self.caps.get(j).copied().unwrap_or(false) => {}
                "NN" | "NNS" if inside => {}
                _ => return None,
            }
        }
        None
    }

    /// `(S (FRAG dateline) (: --) (S lead))`: the dateline's comma-separated names as noun
    /// phrases, the lead parsed as a sentence of its own.
    fn dateline(&mut self, dash: usize) -> Node {
        let mut head = Vec::new();
        let mut chunk = Vec::new();
        while self.pos < dash {
            if matches!(self.cur(), "," | "-LRB-" | "-RRB-") {
                if !chunk.is_empty() {
                    head.push(phrase("NP", std::mem::take(&mut chunk)));
                }
                head.push(self.leaf());
            } else {
                chunk.push(self.leaf());
            }
        }
        if !chunk.is_empty() {
            head.push(phrase("NP", chunk));
        }
        let dash = self.leaf();
        let lead = self.sentence();
        phrase("S", vec![phrase("FRAG", head), dash, lead])
    }

    /// A chunk for material outside the clause structure.
    fn fragment(&mut self) -> Node {
        if self.np_starts_at(self.pos)
            && let Some(np) = self.np_full(Mode::Object)
        {
            return np;
        }
        if matches!(self.cur(), "IN" | "TO") && self.np_starts_at(self.pos + 1) {
            return self.pp(Mode::Object);
        }
        if self.verb_follows(self.pos) {
            return self.vp_coord();
        }
        self.leaf()
    }

    /// ", NP said ." at `j`: a reporting clause that ends the sentence.
    fn reporting_tail(&self, j: usize) -> bool {
        if !self.np_starts_at(j) {
            return false;
        }
        let mut e = self.np_probe_end(j);
        // "the Osgiliath newspaper al-Raya", "Russian news agency TASS"
        while is_noun(self.t(e)) {
            e += 1;
        }
        // "spokesperson for the Ministry of Commerce Shu Jueting stated"
        let mut e2 = self.skip_pps(e);
        while is_noun(self.t(e2)) {
            e2 += 1;
        }
        let v = self.skip_adverbs(e2);
        if !is_finite(self.t(v)) || !is_reporting_verb(self.w(v)) {
            return false;
        }
        // Nothing clause-like may follow the reporting verb except adjuncts.
        // An object right after the verb ("recognised the state") makes it a main verb, not a
        // tail; a bare time word ("said Monday", "said today") does not.
        let (first, fw) = (self.t(v + 1), self.w(v + 1));
        let time = is_temporal(fw) || matches!(fw, "last" | "next" | "this" | "late" | "early");
        if matches!(first, "DT" | "JJ" | "NNS" | "CD" | "PRP$" | "NN" | "NNP") && !time {
            return false;
        }
        let mut k = v + 1;
        while k < self.tags.len() {
            match self.t(k) {
                "." | "''" => return true,
                "IN" | "NNP" | "NN" | "DT" | "CD" | "JJ" | "RB" | "NNS" | "TO" | "PRP$" => {}
                _ => return false,
            }
            k += 1;
        }
        true
    }

    /// One clause: optional fronted material, a subject, a verb phrase.
    fn clause(&mut self) -> Node {
        self.depth += 1;
        let node = self.clause_inner();
        self.depth -= 1;
        node
    }

    fn clause_inner(&mut self) -> Node {
        let mut kids = Vec::with_capacity(4);
        if self.too_deep() {
            while !self.done() && !matches!(self.cur(), "." | ",") {
                kids.push(self.leaf());
            }
            return phrase("S", kids);
        }
        // Fronted material.
        for _ in 0..6 {
            let t = self.cur();
            let w = self.cw();
            if t == "``" || (t == "CC" && kids.is_empty()) {
                kids.push(self.leaf());
            } else if matches!(t, "RB" | "RBR") && matches!(self.t(self.pos + 1), ",") {
                let adv = phrase("ADVP", vec![self.leaf()]);
                kids.push(adv);
                kids.push(self.leaf());
            } else if matches!(t, "RB" | "RBR")
                && self.t(self.pos + 1) == "IN"
                && self.np_starts_at(self.pos + 2)
            {
                // "Later in the day, …", "Earlier on Monday, …": an adverb with its phrase
                // before the subject.
                // With no comma the subject and its verb follow at once ("Earlier in the day
                // Xi held talks …").
                let save = self.pos;
                let adv = self.leaf();
                let pp = self.pp(Mode::Subject);
                let comma = self.cur() == ",";
                let subject_next = self.np_starts_at(self.pos)
                    && self.verb_follows(self.np_probe_end(self.pos))
                    && is_finite(self.t(self.skip_adverbs(self.np_probe_end(self.pos))));
                if !comma && !subject_next {
                    self.pos = save;
                    break;
                }
                kids.push(phrase("ADVP", vec![adv, pp]));
                if comma {
                    kids.push(self.leaf());
                }
            } else if let Some(e) = self.time_before_comma(self.pos) {
                // "Last week, …", "Earlier this month, …", "Two days later, …": a time phrase
                // before the subject.
                let time: Vec<Node> = (self.pos..e).map(|_| self.leaf()).collect();
                kids.push(phrase("NP", time));
                kids.push(self.leaf());
            } else if t == "IN" && is_subordinator(w) && self.clause_follows(self.pos + 1) {
                let sbar_kids = vec![self.leaf(), self.clause()];
                kids.push(phrase("SBAR", sbar_kids));
                if self.cur() == "," {
                    kids.push(self.leaf());
                }
            } else if t == "WRB" && w == "when" && self.clause_follows(self.pos + 1) {
                // "When Faye visited Abuja, the presidents of Nigeria and Ghana asked him …": a
                // fronted clause of time, closed by its comma.
                let wh = phrase("WHADVP", vec![self.leaf()]);
                let sbar_kids = vec![wh, self.clause()];
                kids.push(phrase("SBAR", sbar_kids));
                if self.cur() == "," {
                    kids.push(self.leaf());
                }
            } else if matches!(t, "IN" | "TO" | "VBG") && self.w(self.pos) == "according" {
                kids.push(self.pp(Mode::Object));
                if self.cur() == "," {
                    kids.push(self.leaf());
                }
            } else if let Some(e) = self.time_before_subject(self.pos) {
                // "Earlier this month Spain's minister suggested …": the same with no comma.
                let time: Vec<Node> = (self.pos..e).map(|_| self.leaf()).collect();
                kids.push(phrase("NP-TMP", time));
            } else if let Some(e) = self.time_pp_before_subject(self.pos) {
                // "On Friday Burundian police expelled …": a time phrase with no comma ends at
                // its time words; the subject follows.
                let prep = self.leaf();
                let time: Vec<Node> = (self.pos..e).map(|_| self.leaf()).collect();
                kids.push(phrase("PP", vec![prep, phrase("NP", time)]));
            } else if let Some(e) = self.opening_pp_before_names(self.pos) {
                let prep = self.leaf();
                let np: Vec<Node> = (self.pos..e).map(|_| self.leaf()).collect();
                kids.push(phrase("PP", vec![prep, phrase("NP", np)]));
            } else if t == "IN" && self.np_starts_at(self.pos + 1) && !self.at_least(self.pos) {
                kids.push(self.pp(Mode::Subject));
                if self.cur() == "," {
                    kids.push(self.leaf());
                }
            } else if matches!(t, "VBG" | "VBN") && kids.is_empty() && !self.np_starts_at(self.pos)
            {
                // "Speaking on the sidelines ..., Zhao told ..."
                let vp = self.vp();
                kids.push(phrase("S", vec![vp]));
                if self.cur() == "," {
                    kids.push(self.leaf());
                }
            } else {
                break;
            }
        }
        // Subject.
        let mut has_subject = false;
        if self.np_starts_at(self.pos)
            && !(matches!(self.cur(), "VBN" | "VBG"))
            && let Some(mut np) = self.np_full(Mode::Subject)
        {
            // "X, in remarks published on Monday, urged ..."
            if self.cur() == "," && self.t(self.pos + 1) == "IN" {
                let save = self.pos;
                let comma = self.leaf();
                let pp = self.pp(Mode::Subject);
                if self.cur() == "," && self.verb_follows(self.pos + 1) {
                    let comma2 = self.leaf();
                    np = phrase("NP", vec![np, comma, pp, comma2]);
                } else {
                    self.pos = save;
                }
            } else if self.cur() == "," && matches!(self.t(self.pos + 1), "VBG" | "VBN") {
                // "President Putin, speaking at a news conference, warned ..."
                let save = self.pos;
                let comma = self.leaf();
                let vp = self.vp();
                if self.cur() == "," && self.verb_follows(self.pos + 1) {
                    let comma2 = self.leaf();
                    np = phrase("NP", vec![np, comma, vp, comma2]);
                } else {
                    self.pos = save;
                }
            }
            kids.push(np);
            has_subject = true;
        }
        // Adjuncts between subject and verb: "Arnor on Thursday signed", "Gollum recently did".
        if has_subject {
            for _ in 0..3 {
                if matches!(self.cur(), "RB" | "RBR") && self.verb_follows(self.pos + 1) {
                    let adv = phrase("ADVP", vec![self.leaf()]);
                    kids.push(adv);
                } else if self.cur() == "IN"
                    && self.np_starts_at(self.pos + 1)
                    && self.pp_then_verb(self.pos)
                {
                    kids.push(self.pp(Mode::Object));
                } else if self.cur() == "``" && self.verb_follows(self.skip_adverbs(self.pos + 1)) {
                    // "said it \"firmly opposes\" the move": a quote opening the predicate.
                    kids.push(self.leaf());
                } else if self.cur() == "," && self.verb_follows(self.pos + 1) {
                    // "Two countries, Vantor and Osk, declined": the appositive's comma.
                    kids.push(self.leaf());
                } else if self.cur() == ","
                    && self.t(self.pos + 1) == "''"
                    && self.verb_follows(self.pos + 2)
                {
                    // "Russia, which called the move \"illegal,\" expelled …": the comma and the
                    // closing quote of a relative clause before the verb.
                    kids.push(self.leaf());
                    kids.push(self.leaf());
                } else {
                    break;
                }
            }
        }
        if self.verb_follows(self.pos) {
            kids.push(self.vp_coord());
        } else if !has_subject
            && kids.is_empty()
            && self.np_starts_at(self.pos)
            && let Some(np) = self.np_full(Mode::Object)
        {
            kids.push(np);
        }
        let has_vp = kids.iter().any(|k| matches!(k, Node::Phrase("VP", _)));
        phrase(if has_vp { "S" } else { "FRAG" }, kids)
    }

    /// Whether a PP at `j` is followed directly by a verb (a PP between subject and verb).
    fn pp_then_verb(&self, j: usize) -> bool {
        let e = self.np_probe_end(j + 1);
        e > j + 1 && self.verb_follows(e) && is_finite(self.t(self.skip_adverbs(e)))
    }

    // ---------------------------------------------------------------- verb phrases

    /// A verb phrase, with coordination of verb phrases ("condemned X and promised Y").
    ///
    /// A finite verb does not join an infinitive or gerund ("accused Japan of seeking to
    /// revive militarism and warned that …": "warned" goes with "accused"); the phrase ends
    /// and a verb phrase further up takes it.
    fn vp_coord(&mut self) -> Node {
        let head = self.t(self.skip_adverbs(self.pos));
        let non_finite = matches!(head, "VB" | "VBG");
        let start = self.pos;
        let first = self.vp();
        let mut parts = vec![first];
        loop {
            let j = self.pos;
            let k = if self.t(j) == "," { j + 2 } else { j + 1 };
            if non_finite && is_finite(self.t(self.skip_adverbs(k))) {
                break;
            }
            if self.reporters_second_act(j, start) {
                break;
            }
            // "condemned what it called terrorism and urged Kabul to …": the object's verb
            // takes the second act.
            if self.free_relative > 0
                && self.t(j) == "CC"
                && is_finite(self.t(self.skip_adverbs(j + 1)))
            {
                break;
            }
            if self.t(j) == "CC" && self.verb_follows(j + 1) && !self.clause_follows(j + 1)
                || self.verb_list_goes_on(j, head)
            {
                parts.push(self.leaf());
                parts.push(self.vp());
            } else if self.t(j) == ","
                && self.t(j + 1) == "CC"
                && self.verb_follows(j + 2)
                && !self.clause_follows(j + 2)
                // "X said Y had struck Z, and vowed to …": the reporter's second act.
                && self.reported == 0
            {
                parts.push(self.leaf());
                parts.push(self.leaf());
                parts.push(self.vp());
            } else {
                break;
            }
        }
        if parts.len() == 1 {
            parts.pop().unwrap_or_else(|| phrase("VP", Vec::new()))
        } else {
            phrase("VP", parts)
        }
    }

    /// Whether the comma at `j` goes on a list of verb phrases headed by verbs of one tag
    /// (`tag`, the first's) that "and" closes further on: "boarded a boat, beat its crew and
    /// seized their catch" is one list, in the clause of its first verb.
    fn verb_list_goes_on(&self, j: usize, tag: &str) -> bool {
        if self.t(j) != "," || !matches!(tag, "VBD" | "VBZ" | "VBP") {
            return false;
        }
        let v = self.skip_adverbs(j + 1);
        if self.t(v) != tag || self.clause_follows(j + 1) {
            return false;
        }
        // The closing "and" within a bounded window, before any end of the clause.
        for k in v + 1..v + VERB_LIST_WINDOW {
            match self.t(k) {
                "." | ":" | "" => return false,
                "CC" if self.w(k) == "and" => return self.t(self.skip_adverbs(k + 1)) == tag,
                _ => {}
            }
        }
        false
    }

    /// Inside a reported clause, whether the conjunction at `j` opens the reporter's second
    /// act: a finite verb of saying, urging or intending ("said Tokyo's position had not
    /// changed and called on Beijing to …"; English lists: report, object control, intent,
    /// `forms.txt` `[reporter-act]`: "… and accused Washington of meddling"),
    /// which a verb phrase further up takes. A deed stays in the clause ("said Y attacked Z
    /// and killed W"), and so does a verbal act after an active clause ("said Russia had
    /// ignored the truce and rejected talks"): `[reporter-act]` only after a passive or a
    /// copula one starting at `start` ("said the men had been reunited … and accused", "said
    /// all staff were safe and condemned"). After a modal one a past verb is the reporter's:
    /// "said Washington would sell jets to Riyadh and praised his guest" (a past verb does not
    /// go on a modal's clause; a present one may: "said the army will withdraw and is
    /// considering talks").
    fn reporters_second_act(&self, j: usize, start: usize) -> bool {
        if self.reported == 0 || self.t(j) != "CC" {
            return false;
        }
        let v = self.skip_adverbs(j + 1);
        if self.t(v) != "VBD" && self.t(v) != "VBZ" {
            return false;
        }
        if self.t(v) == "VBD" && self.t(self.skip_adverbs(start)) == "MD" {
            return true;
        }
        let en = english::get();
        let w = self.w(v);
        en.has_class(w, VerbClass::Report)
            || en.has_class(w, VerbClass::ObjectControl)
            || en.has_class(w, VerbClass::Intent)
            || en.has_phrasal_class(w, self.w(v + 1), VerbClass::ObjectControl)
            || en.is_form("reporter-act", w) && (self.passive_at(start) || self.copula_at(start))
    }

    /// Whether the verb phrase at `j` is a copula before a state ("were safe", "was a
    /// mistake"): a form of "be" not followed by a participle; its subject does no verbal act
    /// ("said all staff were safe and condemned the attack": the reporter condemned).
    fn copula_at(&self, j: usize) -> bool {
        let be = |w: &str| matches!(w, "is" | "are" | "was" | "were");
        let k = self.skip_adverbs(j);
        be(self.w(k)) && !matches!(self.t(self.skip_adverbs(k + 1)), "VBN" | "VBG")
    }

    /// Whether the verb phrase at `j` is passive: a participle after a form of "be" ("been
    /// reunited"), or auxiliaries, a form of "be" and a participle from `j` on.
    fn passive_at(&self, j: usize) -> bool {
        let be = |w: &str| matches!(w, "is" | "are" | "was" | "were" | "be" | "been" | "being");
        if self.t(j) == "VBN" && j > 0 && be(self.w(j - 1)) {
            return true;
        }
        let mut k = self.skip_adverbs(j);
        while matches!(self.t(k), "MD") || matches!(self.w(k), "has" | "have" | "had") {
            k = self.skip_adverbs(k + 1);
        }
        be(self.w(k)) && self.t(self.skip_adverbs(k + 1)) == "VBN"
    }

    fn vp(&mut self) -> Node {
        self.depth += 1;
        let node = self.vp_inner();
        self.depth -= 1;
        node
    }

    fn vp_inner(&mut self) -> Node {
        let mut kids = Vec::with_capacity(4);
        if self.too_deep() {
            while !self.done() && !matches!(self.cur(), "." | ",") {
                kids.push(self.leaf());
            }
            return phrase("VP", kids);
        }
        // Leading adverbs.
        while matches!(self.cur(), "RB" | "RBR" | "RBS") && self.verb_follows(self.pos + 1) {
            let adv = phrase("ADVP", vec![self.leaf()]);
            kids.push(adv);
        }
        let t = self.cur();
        let w = self.cw();
        if !is_verb(t) {
            if w == "about" && self.t(self.pos + 1) == "TO" {
                // "is about to restore": (VP (IN about) (S (VP (TO to) ...)))
                kids.push(self.leaf());
                let inf = self.infinitive();
                kids.push(phrase("S", vec![inf]));
                return phrase("VP", kids);
            }
            return phrase("VP", kids);
        }
        let aux = t == "MD" || is_be(w) || is_have(w) || is_do(w) || w == "'s";
        kids.push(self.leaf());
        if aux {
            // Negation and adverbs between the auxiliary and the verb it governs.
            while matches!(self.cur(), "RB" | "RBR" | "RBS")
                && (self.verb_follows(self.pos)
                    || self.cw() == "about"
                    || (self.t(self.pos + 1) == "CC" && self.verb_follows(self.pos + 2)))
            {
                if self.t(self.pos + 1) == "CC" && matches!(self.t(self.pos + 2), "RB") {
                    // "was heavily and unjustly criticized"
                    let a = self.leaf();
                    let c = self.leaf();
                    let b = self.leaf();
                    kids.push(phrase("ADVP", vec![a, c, b]));
                } else if matches!(self.cw(), "not" | "n't") {
                    kids.push(self.leaf());
                } else if self.cw() == "about" && self.t(self.pos + 1) == "TO" {
                    break;
                } else {
                    let adv = phrase("ADVP", vec![self.leaf()]);
                    kids.push(adv);
                }
            }
            if self.verb_follows(self.pos) {
                // "had \"neutralized\" 12 fighters": a quotation mark around the verb alone.
                if self.cur() == "``" {
                    kids.push(self.leaf());
                }
                kids.push(self.vp_coord());
                return phrase("VP", kids);
            }
            if self.cw() == "about" && self.t(self.pos + 1) == "TO" {
                kids.push(self.vp());
                return phrase("VP", kids);
            }
            if matches!(self.cw(), "not" | "n't") {
                kids.push(self.leaf());
            }
        }
        self.complements(&mut kids, w);
        phrase("VP", kids)
    }

    /// `to` + verb phrase: `(VP (TO to) (VP ...))`.
    fn infinitive(&mut self) -> Node {
        let to = self.leaf();
        let mut kids = Vec::with_capacity(4);
        kids.push(to);
        if self.verb_follows(self.pos) {
            if self.cur() == "``" {
                kids.push(self.leaf());
            }
            kids.push(self.vp_coord());
        }
        let first = phrase("VP", kids);
        // "to strengthen X and to hold Y"
        if self.cur() == "CC" && self.t(self.pos + 1) == "TO" && self.verb_follows(self.pos + 2) {
            let cc = self.leaf();
            let second = self.infinitive();
            return phrase("VP", vec![first, cc, second]);
        }
        first
    }

    /// Objects, particles, PPs, clauses and adjuncts after a verb.
    fn complements(&mut self, kids: &mut Vec<Node>, verb: &str) {
        let reporting = is_reporting_verb(verb);
        let mut objects = 0;
        for _ in 0..40 {
            if self.done() {
                return;
            }
            let t = self.cur();
            let w = self.cw();
            let before = self.pos;
            match t {
                "RP" => {
                    let prt = phrase("PRT", vec![self.leaf()]);
                    kids.push(prt);
                }
                // "accused Asmara of working with … and of arming rebels": a second phrase of
                // the same preposition after "and" is the verb's too.
                "CC" if self.t(self.pos + 1) == "IN"
                    && self.last_preposition(kids) == Some(self.w(self.pos + 1))
                    && (self.t(self.pos + 2) == "VBG" || self.np_starts_at(self.pos + 2)) =>
                {
                    kids.push(self.leaf());
                    kids.push(self.pp(Mode::Object));
                }
                // "had put relations \"on pause\" after …": a quoted prepositional phrase is
                // the verb's, and the clause goes on after it. Only a phrase the quotation
                // closes: "told reporters \"in the coming days we will …\"" quotes a sentence.
                "``" if matches!(self.t(self.pos + 1), "IN" | "TO")
                    && self.np_starts_at(self.pos + 2)
                    && !is_subordinator(self.w(self.pos + 1)) =>
                {
                    let open = self.leaf();
                    let pp = self.pp(Mode::Object);
                    if self.cur() != "''" {
                        self.pos = before;
                        return;
                    }
                    kids.push(open);
                    kids.push(pp);
                    kids.push(self.leaf());
                }
                // The quotation mark closing a quoted verb alone ("had \"neutralized\" 12
                // fighters"): its object follows.
                "''" if kids.len() == 1
                    && self.pos >= 2
                    && self.t(self.pos - 2) == "``"
                    && self.np_starts_at(self.pos + 1) =>
                {
                    kids.push(self.leaf());
                }
                "," => {
                    let n = self.t(self.pos + 1);
                    let nw = self.w(self.pos + 1);
                    if n == "VBG" {
                        kids.push(self.leaf());
                        let vp = self.vp();
                        kids.push(phrase("S", vec![vp]));
                    } else if n == "IN" && is_subordinator(nw) && self.clause_follows(self.pos + 2)
                    {
                        kids.push(self.leaf());
                        let s = self.sbar();
                        kids.push(s);
                    } else if n == "WRB"
                        && matches!(nw, "where" | "when")
                        && self.clause_follows(self.pos + 2)
                    {
                        // "hosted the two leaders in Ankara, where they agreed to …": a clause
                        // on the place or time, hung on the verb phrase as an adverbial clause.
                        kids.push(self.leaf());
                        let wh = phrase("WHADVP", vec![self.leaf()]);
                        let s = self.clause();
                        kids.push(phrase("SBAR", vec![wh, s]));
                    } else if !self.reporting_tail(self.pos + 1)
                        && ((n == "RB" && !self.verb_follows(self.pos + 1))
                            || (matches!(n, "CD" | "JJ" | "NNS" | "DT")
                                && self.time_sbar_at(self.pos + 1)))
                    {
                        // ", almost five years after ..." continues the verb phrase.
                        kids.push(self.leaf());
                    } else {
                        return;
                    }
                }
                "IN" if self.at_least(self.pos) => {
                    self.object(kids, (reporting, verb), &mut objects);
                }
                "IN" if w == "that" => {
                    self.reported += usize::from(reporting);
                    let s = self.sbar();
                    self.reported -= usize::from(reporting);
                    kids.push(s);
                }
                "IN" if is_subordinator(w) && self.clause_follows(self.pos + 1) => {
                    let s = self.sbar();
                    kids.push(s);
                }
                "WRB" | "WP" => {
                    let wh_label = if t == "WRB" { "WHADVP" } else { "WHNP" };
                    let free = usize::from(t == "WP");
                    let wh = phrase(wh_label, vec![self.leaf()]);
                    self.free_relative += free;
                    let s = self.clause();
                    self.free_relative -= free;
                    kids.push(phrase("SBAR", vec![wh, s]));
                }
                "TO" if self.verb_follows(self.pos + 1) => {
                    let inf = self.infinitive();
                    kids.push(phrase("S", vec![inf]));
                }
                "IN" | "TO"
                    if (self.np_starts_at(self.pos + 1)
                        || matches!(self.t(self.pos + 1), "VBG" | "WDT" | "WP")
                        || matches!(self.w(self.pos + 1), "then" | "now")
                        || (self.t(self.pos + 1) == "IN" && self.np_starts_at(self.pos + 2))
                        || (self.t(self.pos + 1) == "RB" && self.t(self.pos + 2) == "VBG")) =>
                {
                    kids.push(self.pp(Mode::Object));
                }
                "VBG" if is_prepositional_gerund(w) => kids.push(self.pp(Mode::Object)),
                "VBG" => {
                    let vp = self.vp();
                    kids.push(phrase("S", vec![vp]));
                }
                // "believed linked to", "got injured"; before a noun the participle is its
                // adjective ("launched guided bombs at …": an object, below).
                "VBN" if !matches!(self.t(self.pos + 1), "NN" | "NNS" | "JJ") => {
                    let vp = self.vp();
                    kids.push(vp);
                }
                "JJ" | "JJR" | "JJS" if !self.np_starts_at_noun(self.pos) => {
                    let adj = self.adjp();
                    kids.push(adj);
                }
                "RB" | "RBR" | "RBS" => {
                    if self.np_starts_at(self.pos) && self.t(self.pos + 1) == "CD" {
                        self.object(kids, (reporting, verb), &mut objects);
                    } else {
                        let adv = phrase("ADVP", vec![self.leaf()]);
                        kids.push(adv);
                    }
                }
                _ if self.np_starts_at(self.pos) => {
                    self.object(kids, (reporting, verb), &mut objects);
                }
                _ => return,
            }
            if self.pos == before {
                return;
            }
        }
    }

    /// The preposition opening the last of a verb phrase's children, when that is a PP.
    fn last_preposition(&self, kids: &[Node]) -> Option<&'a str> {
        match kids.last()? {
            Node::Phrase("PP", k) => match k.first()? {
                Node::Leaf(i) => Some(self.w(*i)),
                Node::Phrase(..) => None,
            },
            _ => None,
        }
    }

    /// Whether `j` starts a noun phrase whose adjectives lead to a noun ("full ties").
    fn np_starts_at_noun(&self, j: usize) -> bool {
        let mut k = j;
        while matches!(self.t(k), "JJ" | "JJR" | "JJS" | "CC" | ",") && k < j + 6 {
            k += 1;
        }
        is_noun(self.t(k)) || matches!(self.t(k), "CD" | "VBG") || self.more_than(j)
    }

    /// "almost five years after crowds trashed ..." at `j`.
    fn time_sbar_at(&self, j: usize) -> bool {
        let e = self.np_probe_end(self.skip_adverbs(j));
        e > j
            && is_time_unit(self.w(e - 1))
            && self.t(e) == "IN"
            && is_subordinator(self.w(e))
            && self.clause_follows(e + 1)
    }

    /// An object NP, or a complement clause, or "X to do", after a verb.
    /// `verb`: whether the verb reports (its object may be a clause), and the verb (an
    /// object-control verb's object may be an infinitive's subject).
    fn object(&mut self, kids: &mut Vec<Node>, verb: (bool, &str), objects: &mut usize) {
        let (reporting, verb) = verb;
        let j = self.pos;
        if (reporting || self.t(j) == "PRP" && *objects == 0) && self.clause_follows(j) {
            self.reported += usize::from(reporting);
            let s = self.clause();
            self.reported -= usize::from(reporting);
            kids.push(phrase("SBAR", vec![s]));
            return;
        }
        if self.time_sbar_at(j) {
            let np = self.np_base_or_leaf();
            let sub = self.leaf();
            let s = self.clause();
            kids.push(phrase("SBAR", vec![np, sub, s]));
            return;
        }
        let Some(np) = self.np_full(Mode::Object) else {
            kids.push(self.leaf());
            return;
        };
        *objects += 1;
        // "said today", "met next week": a bare time expression is an adjunct (NP-TMP), as
        // in the Treebank, not an object.
        let np = match np {
            Node::Phrase("NP", k) if self.is_time_np(&k) => Node::Phrase("NP-TMP", k),
            other => other,
        };
        if self.cur() == "TO" && self.verb_follows(self.pos + 1) {
            // "urged Manila to stop …", "forced the president to flee": the object is the
            // infinitive's subject; after other verbs an infinitive is their purpose ("would
            // take all necessary measures to protect …"). Asked only here, where it matters.
            let en = english::get();
            if en.has_class(verb, VerbClass::ObjectControl)
                || en.has_class(verb, VerbClass::Causative)
            {
                let inf = self.infinitive();
                kids.push(phrase("S", vec![np, inf]));
            } else {
                kids.push(np);
                let inf = self.infinitive();
                kids.push(phrase("S", vec![inf]));
            }
            return;
        }
        kids.push(np);
    }

    /// Whether the leaves `k` spell a time expression: "today", "Monday", "next week".
    fn is_time_np(&self, k: &[Node]) -> bool {
        let words: Vec<&str> = k
            .iter()
            .filter_map(|n| match n {
                Node::Leaf(i) => Some(self.w(*i)),
                Node::Phrase(..) => None,
            })
            .collect();
        if words.len() != k.len() || words.is_empty() || words.len() > 2 {
            return false;
        }
        let last = words[words.len() - 1];
        let head_ok = is_time_word(last);
        let first_ok =
            words.len() == 1 || matches!(words[0], "next" | "last" | "this" | "late" | "early");
        head_ok && first_ok
    }

    fn np_base_or_leaf(&mut self) -> Node {
        match self.np_base() {
            Some(n) => n,
            None => self.leaf(),
        }
    }

    /// `(SBAR (IN that) (S ...))` at a complementizer or subordinator.
    fn sbar(&mut self) -> Node {
        let comp = self.leaf();
        let s = self.clause();
        phrase("SBAR", vec![comp, s])
    }

    fn adjp(&mut self) -> Node {
        let mut kids = Vec::with_capacity(4);
        while matches!(self.cur(), "JJ" | "JJR" | "JJS" | "RB" | "CC")
            && (self.cur() != "CC" || matches!(self.t(self.pos + 1), "JJ" | "JJR"))
        {
            kids.push(self.leaf());
        }
        if self.cur() == "TO" && self.verb_follows(self.pos + 1) {
            let inf = self.infinitive();
            kids.push(phrase("S", vec![inf]));
        } else if self.cur() == "IN"
            && self.np_starts_at(self.pos + 1)
            && !(is_subordinator(self.cw()) && self.clause_follows(self.pos + 1))
        {
            kids.push(self.pp(Mode::Object));
        }
        phrase("ADJP", kids)
    }

    // ---------------------------------------------------------------- noun and prepositional phrases

    /// A prepositional phrase: IN + NP, IN + gerund clause, "according to X".
    fn pp(&mut self, mode: Mode) -> Node {
        self.depth += 1;
        let mut kids = Vec::with_capacity(4);
        kids.push(self.leaf());
        if self.too_deep() {
            self.depth -= 1;
            return phrase("PP", kids);
        }
        if self.cur() == "TO" || (self.cur() == "IN" && self.np_starts_at(self.pos + 1)) {
            // "according to X", "because of X", "out of X"
            kids.push(self.pp(mode));
        } else if self.cur() == "VBG" || (self.cur() == "RB" && self.t(self.pos + 1) == "VBG") {
            let vp = self.vp();
            kids.push(phrase("S", vec![vp]));
        } else if matches!(self.cur(), "WDT" | "WP") {
            let wh = phrase("WHNP", vec![self.leaf()]);
            let s = self.clause();
            kids.push(phrase("SBAR", vec![wh, s]));
        } else if matches!(self.cur(), "RB") && matches!(self.cw(), "then" | "now" | "there") {
            // "since then"
            kids.push(phrase("NP", vec![self.leaf()]));
        } else if let Some(np) = self.np_full(mode) {
            kids.push(np);
        }
        self.depth -= 1;
        phrase("PP", kids)
    }

    /// A full noun phrase with its attachments (see the module doc).
    fn np_full(&mut self, mode: Mode) -> Option<Node> {
        self.depth += 1;
        let r = self.np_full_inner(mode);
        self.depth -= 1;
        r
    }

    fn np_full_inner(&mut self, mode: Mode) -> Option<Node> {
        let start = self.pos;
        let mut np = self.np_base()?;
        if self.too_deep() {
            return Some(np);
        }
        for _ in 0..12 {
            let t = self.cur();
            let w = self.cw();
            let before = self.pos;
            // "of" and a gerund after a name is the verb's ("accused Costa Rica and the United
            // States of meddling"), not the name's.
            let of_pp = t == "IN"
                && w == "of"
                && (self.np_starts_at(self.pos + 1)
                    || self.t(self.pos + 1) == "VBG"
                        && !self.tags_in(start, self.pos, &["NNP", "NNPS", "DT", "PRP"]));
            let subject_pp = (t == "IN" || t == "TO")
                && mode != Mode::Object
                && !is_subordinator(w)
                && self.np_starts_at(self.pos + 1)
                && !self.temporal_pp(self.pos);
            let reduced_relative = (t == "VBG" && !is_prepositional_gerund(w))
                || (t == "VBN"
                    && (mode == Mode::Subject
                        || matches!(self.t(self.pos + 1), "IN" | "TO")
                            && !self.verb_follows(self.pos + 1)));
            // "any attempt to divert the river would fail": a common noun's infinitive before
            // the clause's own verb belongs to the subject.
            let noun_infinitive = mode == Mode::Subject
                && t == "TO"
                && self.t(self.pos + 1) == "VB"
                && matches!(self.t(self.pos - 1), "NN" | "NNS")
                && !self.caps.get(self.pos - 1).copied().unwrap_or(true);
            if of_pp || subject_pp {
                // Rule `name-of-name`: "the Economic Community of West African States, which
                // had imposed …": a relative clause after an `of` between two names is on the
                // whole name, not on its last part.
                let name = |k: usize| matches!(self.t(k), "NNP" | "NNPS");
                let saved = self.of_name;
                if of_pp && self.pos > start && name(self.pos - 1) && name(self.pos + 1) {
                    // `pp` and its `np_full` each go one level deeper.
                    self.of_name = self.depth + 2;
                }
                let pp = self.pp(mode);
                self.of_name = saved;
                np = phrase("NP", vec![np, pp]);
            } else if noun_infinitive {
                let save = self.pos;
                let inf = self.infinitive();
                if self.cur() == "MD" || is_finite(self.cur()) {
                    np = phrase("NP", vec![np, phrase("S", vec![inf])]);
                } else {
                    self.pos = save;
                    break;
                }
            } else if reduced_relative {
                let vp = self.vp();
                np = phrase("NP", vec![np, vp]);
            } else if mode == Mode::Object
                && t == "PRP"
                && matches!(w, "it" | "they" | "he" | "she" | "we")
                && self.t(self.pos + 1) == "VBD"
                && self.t(self.pos + 2) == "IN"
            {
                // A relative clause with no wh-word whose verb has no object of its own:
                // "expelled three diplomats it accused of spying".
                let s = self.clause();
                np = phrase("NP", vec![np, phrase("SBAR", vec![s])]);
            } else if matches!(t, "NNP" | "NNPS") && self.contact_relative_at(self.pos) {
                // ", a move Damascus welcomed as …": the same clause after an apposed noun.
                let s = self.clause();
                np = phrase("NP", vec![np, phrase("SBAR", vec![s])]);
            } else if matches!(t, "WDT" | "WP") || (t == "WRB" && matches!(w, "where" | "when")) {
                let label = if t == "WRB" { "WHADVP" } else { "WHNP" };
                let wh = phrase(label, vec![self.leaf()]);
                let s = self.clause();
                np = phrase("NP", vec![np, phrase("SBAR", vec![wh, s])]);
            } else if t == "-LRB-" && self.np_starts_at(self.pos + 1) {
                let save = self.pos;
                let open = self.leaf();
                let inner = self.np_full(Mode::Object);
                if let (Some(inner), "-RRB-") = (inner, self.cur()) {
                    let close = self.leaf();
                    np = phrase("NP", vec![np, open, inner, close]);
                } else {
                    self.pos = save;
                    break;
                }
            } else if t == "CC" && self.in_list == 0 && self.np_starts_at(self.pos + 1) {
                let save = self.pos;
                let cc = self.leaf();
                if mode != Mode::Subject && self.clause_follows(self.pos) {
                    self.pos = save;
                    break;
                }
                // "Danish media and government", "Lawmakers and officials in X": a bare noun
                // shares the first conjunct's modifiers, and what follows attaches to both.
                let after_cc = self.pos;
                let flat_left = matches!(&np, Node::Phrase("NP", k) if k.iter().all(|n| matches!(n, Node::Leaf(_))));
                if flat_left
                    && matches!(self.cur(), "NN" | "NNS")
                    && !matches!(self.t(self.pos + 1), "NN" | "NNS" | "NNP" | "POS")
                {
                    let noun = self.leaf();
                    if let Node::Phrase(_, k) = &mut np {
                        k.push(cc);
                        k.push(noun);
                    }
                    continue;
                }
                self.pos = after_cc;
                let Some(conj) = self.np_full(mode) else {
                    self.pos = save;
                    break;
                };
                // "between Washington and Tehran mediated by Qatar": a passive participle with
                // its agent after the last of two names is on both, not on the last.
                np = match self.names_then_participle(&np, conj) {
                    Ok((name, vp)) => phrase("NP", vec![coordinate(vec![np, cc, name]), vp]),
                    Err(conj) => coordinate(vec![np, cc, conj]),
                };
            } else if t == "," {
                if self.of_name == self.depth && matches!(self.t(self.pos + 1), "WDT" | "WP") {
                    break;
                }
                match self.after_comma(mode) {
                    Some(list) => {
                        let has_cc = list
                            .iter()
                            .any(|n| matches!(n, Node::Leaf(i) if self.t(*i) == "CC"));
                        let mut k = vec![np];
                        k.extend(list);
                        np = if has_cc {
                            coordinate(k)
                        } else {
                            phrase("NP", k)
                        };
                    }
                    None => break,
                }
            } else {
                break;
            }
            if self.pos == before {
                break;
            }
        }
        Some(np)
    }

    /// For a first conjunct that is a name and a second that is a name with a passive
    /// participle and its `by` phrase: the second name and the participle; else the conjunct.
    fn names_then_participle(&self, first: &Node, conj: Node) -> Result<(Node, Node), Node> {
        let name = |n: &Node| match n {
            Node::Phrase("NP", k) => {
                !k.is_empty()
                    && k.iter()
                        .all(|x| matches!(x, Node::Leaf(i) if matches!(self.t(*i), "NNP" | "NNPS")))
            }
            _ => false,
        };
        let participle = |n: &Node| match n {
            Node::Phrase("VP", k) => matches!(
                k.as_slice(),
                [Node::Leaf(v), Node::Phrase("PP", pp), ..]
                    if self.t(*v) == "VBN"
                        && matches!(pp.first(), Some(Node::Leaf(b)) if self.w(*b) == "by")
            ),
            _ => false,
        };
        match conj {
            Node::Phrase("NP", mut k)
                if name(first) && k.len() == 2 && name(&k[0]) && participle(&k[1]) =>
            {
                let vp = k.pop().unwrap_or_else(|| phrase("VP", Vec::new()));
                let second = k.pop().unwrap_or_else(|| phrase("NP", Vec::new()));
                Ok((second, vp))
            }
            other => Err(other),
        }
    }

    /// Whether the PP at `j` is a time expression ("on Thursday") that belongs to the clause.
    fn temporal_pp(&self, j: usize) -> bool {
        let e = self.np_probe_end(j + 1);
        e > j + 1 && is_temporal(self.w(e - 1))
    }

    /// After an NP and a comma: a relative clause, an appositive or a list. Consumes what it
    /// returns; returns `None` (consuming nothing) when the comma ends the noun phrase.
    fn after_comma(&mut self, mode: Mode) -> Option<Vec<Node>> {
        let save = self.pos;
        let j = self.pos + 1;
        let t = self.t(j);
        if matches!(t, "WDT" | "WP") {
            let comma = self.leaf();
            let wh = phrase("WHNP", vec![self.leaf()]);
            let s = self.clause();
            let mut out = vec![comma, phrase("SBAR", vec![wh, s])];
            if self.cur() == "," && self.verb_follows(self.pos + 1) {
                out.push(self.leaf());
            }
            return Some(out);
        }
        // ", during which he held talks with …": a relative clause opened by a preposition
        // and "which" or "whom".
        if t == "IN"
            && matches!(self.t(j + 1), "WDT" | "WP")
            && matches!(self.w(j + 1), "which" | "whom")
            && self.clause_follows(j + 2)
        {
            let comma = self.leaf();
            let prep = self.leaf();
            let wh = phrase("WHNP", vec![self.leaf()]);
            let s = self.clause();
            let mut out = vec![
                comma,
                phrase("SBAR", vec![phrase("WHPP", vec![prep, wh]), s]),
            ];
            if self.cur() == "," && self.verb_follows(self.pos + 1) {
                out.push(self.leaf());
            }
            return Some(out);
        }
        // "Spain, where many exiled dissidents live, summoned …": a relative clause on the
        // place that is the subject, closed by a comma before the verb.
        if mode == Mode::Subject && t == "WRB" && self.w(j) == "where" && self.clause_follows(j + 1)
        {
            let comma = self.leaf();
            let wh = phrase("WHADVP", vec![self.leaf()]);
            let s = self.clause();
            if self.cur() == "," && self.verb_follows(self.pos + 1) {
                let close = self.leaf();
                return Some(vec![comma, phrase("SBAR", vec![wh, s]), close]);
            }
            self.pos = save;
            return None;
        }
        // A comitative between commas before the verb ("Japan, together with the United States
        // and South Korea, condemned …"): it belongs to the subject.
        if mode == Mode::Subject {
            let adv = usize::from(t == "RB" && matches!(self.w(j), "together" | "along"));
            if self.t(j + adv) == "IN"
                && matches!(self.w(j + adv), "with" | "alongside")
                && self.np_starts_at(j + adv + 1)
            {
                let mut out = vec![self.leaf()];
                if adv == 1 {
                    out.push(phrase("ADVP", vec![self.leaf()]));
                }
                out.push(self.pp(Mode::Object));
                if self.cur() == "," && self.verb_follows(self.pos + 1) {
                    out.push(self.leaf());
                    return Some(out);
                }
                self.pos = save;
            }
        }
        // ", accusing Islamabad of …", ", killing three", ", prompting the ministry to …": a
        // participial clause, not an appositive ("visiting figures" stays a noun phrase).
        // Before a common noun or adjective it is a clause too (", drawing swift condemnation
        // from …") unless that noun phrase goes on as a list item (", drinking water and …").
        let list_item = |e: usize| (j + 1..=e).any(|k| matches!(self.t(k), "," | "CC"));
        let participle = t == "VBG"
            && (matches!(self.t(j + 1), "NNP" | "NNPS" | "DT" | "PRP" | "PRP$" | "CD")
                || matches!(self.t(j + 1), "JJ" | "NN" | "NNS")
                    && !list_item(self.np_probe_end(j + 1)));
        if self.in_list > 0
            || participle
            || !self.np_starts_at(j)
            || self.reporting_tail(j)
            || self.time_sbar_at(j)
            || (mode != Mode::Subject && self.clause_follows(j))
        {
            return None;
        }
        // Items separated by commas; each item is a noun phrase without its own commas or
        // conjunctions, so that "A, B and C" comes out as one flat list.
        let mut out = Vec::new();
        loop {
            out.push(self.leaf());
            self.in_list += 1;
            let item = self.np_full(Mode::Object);
            self.in_list -= 1;
            let Some(item) = item else {
                self.pos = save;
                return None;
            };
            out.push(item);
            let k = self.pos + 1;
            if self.cur() == ","
                && self.t(k) != "CC"
                && self.np_starts_at(k)
                && !self.reporting_tail(k)
                && !self.time_sbar_at(k)
                && out.len() < 40
            {
                continue;
            }
            break;
        }
        let items = out.len() / 2;
        // The list ends with a conjunction: "A, B and C" / "A, B, and C".
        let comma_cc = self.cur() == "," && self.t(self.pos + 1) == "CC";
        if (self.cur() == "CC" || comma_cc)
            && self.np_starts_at(self.pos + if comma_cc { 2 } else { 1 })
        {
            let mid = self.pos;
            if comma_cc {
                out.push(self.leaf());
            }
            out.push(self.leaf());
            if mode != Mode::Subject && self.clause_follows(self.pos) {
                self.pos = mid;
                for _ in 0..(if comma_cc { 2 } else { 1 }) {
                    out.pop();
                }
            } else {
                self.in_list += 1;
                let last = self.np_full(mode);
                self.in_list -= 1;
                if let Some(last) = last {
                    out.push(last);
                    return Some(out);
                }
                self.pos = save;
                return None;
            }
        }
        if items > 1 {
            self.pos = save;
            return None;
        }
        // A headline's subject, "Somalia, Ethiopia agree to …": names with a comma for "and"
        // before the verb of a sentence with no full stop.
        let names = ["NNP", "NNPS"];
        if mode == Mode::Subject
            && items == 1
            && self.tags.last().is_some_and(|&t| t != ".")
            && matches!(self.cur(), "VBP" | "VBZ" | "VBD" | "MD")
            && self.tags_in(0, save, &names)
            && self.tags_in(save + 1, self.pos, &names)
        {
            return Some(out);
        }
        // "Spain, the bloc's largest pork exporter to China, said …": the subject's appositive
        // keeps its prepositional phrases up to its closing comma.
        if mode == Mode::Subject && matches!(self.cur(), "IN" | "TO") {
            let mid = self.pos;
            let mut pps = Vec::new();
            while matches!(self.cur(), "IN" | "TO")
                && self.np_starts_at(self.pos + 1)
                && pps.len() < 4
            {
                pps.push(self.pp(Mode::Object));
            }
            match out.pop() {
                Some(item) if self.cur() == "," && !pps.is_empty() => {
                    let mut kids = vec![item];
                    kids.extend(pps);
                    out.push(phrase("NP", kids));
                }
                Some(item) => {
                    out.push(item);
                    self.pos = mid;
                }
                None => self.pos = mid,
            }
        }
        // An appositive ends at a comma, the sentence end, or a closing bracket; never at a verb.
        match self.cur() {
            "," => {
                // "on Grima, the adviser of the king, accusing him of …": a participle after an
                // object's appositive is the clause's, so the closing comma stays outside.
                let participle = mode != Mode::Subject
                    && self.t(self.pos + 1) == "VBG"
                    && !is_prepositional_gerund(self.w(self.pos + 1));
                if participle || self.t(self.pos + 1) == "CC" || self.reporting_tail(self.pos + 1) {
                    return Some(out);
                }
                out.push(self.leaf());
                Some(out)
            }
            "." | "" | "-RRB-" | "''" => Some(out),
            t if mode != Mode::Subject && matches!(t, "IN" | "TO") => Some(out),
            _ => {
                self.pos = save;
                None
            }
        }
    }

    /// The noun phrase core: determiners, numbers, adjectives, nouns, possessives.
    fn np_base(&mut self) -> Option<Node> {
        let start = self.pos;
        let t = self.cur();
        if matches!(t, "PRP" | "EX") {
            let l = self.leaf();
            return Some(phrase("NP", vec![l]));
        }
        let mut kids: Vec<Node> = Vec::with_capacity(4);
        let mut seen_noun = false;
        loop {
            let t = self.cur();
            let nt = self.t(self.pos + 1);
            let take = match t {
                "DT" | "PDT" | "PRP$" => !seen_noun,
                // "gave Sierra Leone 15 million pounds", "gave Ukraine $5 billion": an amount
                // after a name (not a month's day) opens the second object.
                "CD" | "$"
                    if seen_noun
                        && matches!(self.t(self.pos.wrapping_sub(1)), "NNP" | "NNPS")
                        && !is_temporal(self.w(self.pos.wrapping_sub(1)))
                        && (t == "$" || matches!(nt, "CD" | "NNS")) =>
                {
                    false
                }
                "CD" | "$" | "#" => true,
                "IN" => {
                    kids.is_empty() && self.at_least(self.pos)
                        || kids.len() == 1 && self.more_than(self.pos - 1)
                }
                // The second word of "up to" after its first (`at_least`).
                "TO" => kids.len() == 1 && self.at_least(self.pos - 1),
                "JJ" | "JJR" | "JJS"
                    if seen_noun
                        && matches!(self.t(self.pos.wrapping_sub(1)), "NNP" | "NNPS")
                        && !matches!(self.cw(), "late" | "early" | "last" | "next") =>
                {
                    // "the Russia-China comprehensive strategic partnership",
                    // "the Central African Republic"
                    let mut k = self.pos;
                    while matches!(self.t(k), "JJ" | "JJR" | "JJS") {
                        k += 1;
                    }
                    let capitalised = self.caps.get(self.pos).copied().unwrap_or(false);
                    matches!(self.t(k), "NN" | "NNS") || (capitalised && is_noun(self.t(k)))
                }
                "JJ" | "JJR" | "JJS" => {
                    !seen_noun
                        || (is_noun(nt) && !matches!(self.cw(), "late" | "early" | "last" | "next"))
                }
                "NNP" | "NNPS" if seen_noun && self.contact_relative_at(self.pos) => false,
                // "said on Tuesday Russia must …": a name after a day opens the next clause.
                "NNP" | "NNPS" if seen_noun && is_time_word(self.w(self.pos.wrapping_sub(1))) => {
                    false
                }
                "NN" | "NNS" | "NNP" | "NNPS" => {
                    !(seen_noun
                        && matches!(
                            self.cw(),
                            "today" | "yesterday" | "tomorrow" | "tonight" | "overnight"
                        ))
                }
                "RB" | "RBS" | "RBR" => matches!(nt, "CD" | "JJ" | "VBN") && !seen_noun,
                "VBN" | "VBG" => {
                    (!seen_noun && matches!(nt, "NN" | "NNS" | "NNP" | "NNPS" | "JJ"))
                        // "the U.N. peacekeeping force", "the U.S. bombing campaign": after a
                        // determiner and a name, before a noun, a modifier.
                        || (seen_noun
                            && self.t(start) == "DT"
                            && matches!(self.t(self.pos.wrapping_sub(1)), "NNP" | "NNPS")
                            && matches!(nt, "NN" | "NNS"))
                }
                // A quoted word inside the phrase, or opening it after a preposition
                // ("accused of \"anti-China\" acts").
                "``" => {
                    (matches!(nt, "NN" | "NNS" | "NNP" | "NNPS" | "JJ")
                        || matches!(nt, "VBG" | "VBN") && is_noun(self.t(self.pos + 2))
                        || kids.is_empty() && self.quoted_np(self.pos))
                        && (!kids.is_empty()
                            || matches!(self.t(self.pos.wrapping_sub(1)), "IN" | "TO")
                            || self.t(self.pos.wrapping_sub(1)).starts_with("VB"))
                }
                // "held \"constructive\" talks": a quoted adjective before the noun.
                "''" => {
                    (seen_noun || self.t(self.pos.wrapping_sub(1)) == "JJ" && is_noun(nt))
                        && self.quote_open(start)
                }
                "CC" => {
                    // "awful and evil minister": adjectives joined inside the noun phrase.
                    matches!(self.t(self.pos.wrapping_sub(1)), "JJ") && nt == "JJ" && !seen_noun
                }
                "POS" => seen_noun || self.w(self.pos.wrapping_sub(1)) == "other",
                _ => false,
            };
            if !take {
                break;
            }
            if t == "POS" {
                let pos_leaf = self.leaf();
                let mut owner = std::mem::take(&mut kids);
                owner.push(pos_leaf);
                kids.push(phrase("NP", owner));
                seen_noun = false;
                continue;
            }
            if is_noun(t) {
                seen_noun = true;
            }
            // "awful and evil", "clearly inebriated": an adjective phrase inside the NP.
            if t == "JJ"
                && self.t(self.pos + 1) == "CC"
                && self.t(self.pos + 2) == "JJ"
                && !seen_noun
            {
                let a = self.leaf();
                let c = self.leaf();
                let b = self.leaf();
                kids.push(phrase("ADJP", vec![a, c, b]));
                continue;
            }
            if matches!(t, "RB" | "RBS" | "RBR") && matches!(nt, "JJ" | "VBN") && !kids.is_empty() {
                let a = self.leaf();
                let b = self.leaf();
                kids.push(phrase("ADJP", vec![a, b]));
                continue;
            }
            kids.push(self.leaf());
        }
        if kids.is_empty() {
            self.pos = start;
            return None;
        }
        // "the Prince's" alone: the possessive NP is the whole phrase.
        if kids.len() == 1
            && let Some(Node::Phrase("NP", _)) = kids.first()
        {
            return kids.pop();
        }
        Some(phrase("NP", kids))
    }

    /// Whether an opening quote was taken since `start` (so a closing one belongs here).
    fn quote_open(&self, start: usize) -> bool {
        let opens = (start..self.pos).filter(|&k| self.t(k) == "``").count();
        let closes = (start..self.pos).filter(|&k| self.t(k) == "''").count();
        opens > closes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_is_bounded() {
        // 500 nested "of" phrases must not overflow the stack.
        let mut tags = Vec::new();
        let mut low = Vec::new();
        for _ in 0..500 {
            tags.push("NN");
            low.push(Cow::from("x"));
            tags.push("IN");
            low.push(Cow::from("of"));
        }
        tags.push("NN");
        low.push(Cow::from("x"));
        let caps = vec![false; tags.len()];
        let mut g = Grammar::new(&tags, &low, &caps);
        let _ = g.sentence();
        assert_eq!(g.pos, tags.len());
    }
}
