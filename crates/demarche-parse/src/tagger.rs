//! A rule-based part-of-speech tagger with Penn Treebank tags.
//!
//! Two passes. The first gives each token a context-free guess from our lexicon (closed-class
//! words, auxiliaries, verbs with their inflections), the caller's verb hook, capitalisation and
//! suffixes. The second walks left to right and settles the ambiguous words — verb or noun
//! (`attack`, `talks`), past tense or participle (`reported`), `that` as complementizer,
//! determiner or relative pronoun, `her`, `'s` — from the tags already settled on the left and
//! the guesses on the right, keeping track of whether the current clause already has a finite
//! verb.

use std::borrow::Cow;
use std::sync::OnceLock;

use crate::lexicon::{BASE, GER, PART, PAST, S3, is_nationality, is_reporting_verb, lexicon};
use demarche_text::english;

/// Per-token facts the rules look at.
#[derive(Debug, Clone)]
struct Info<'w> {
    /// The word in lower case, borrowed when it already is (most words).
    lower: Cow<'w, str>,
    cap: bool,
    vbits: u8,
    closed: Option<&'static str>,
    guess: &'static str,
    /// Two to four capitals: "US", "UK", "NATO".
    abbrev: bool,
}

fn punct_tag(w: &str) -> Option<&'static str> {
    Some(match w {
        "," => ",",
        "." | "!" | "?" => ".",
        ":" | ";" | "--" | "-" | "..." => ":",
        "``" => "``",
        "''" => "''",
        "`" => "``",
        "(" | "[" | "{" => "-LRB-",
        ")" | "]" | "}" => "-RRB-",
        "$" | "£" | "€" | "¥" => "$",
        "#" => "#",
        "%" => "NN",
        "&" => "CC",
        "/" => "SYM",
        _ => return None,
    })
}

fn aux_tag(lower: &str) -> Option<&'static str> {
    Some(match lower {
        "is" | "'s" => "VBZ",
        "are" | "am" | "'re" | "'m" => "VBP",
        "was" | "were" => "VBD",
        "be" => "VB",
        "been" => "VBN",
        "being" => "VBG",
        "has" => "VBZ",
        "have" | "'ve" => "VBP",
        "had" => "VBD",
        "having" => "VBG",
        "does" => "VBZ",
        "do" => "VBP",
        "did" => "VBD",
        _ => return None,
    })
}

pub(crate) fn is_be(lower: &str) -> bool {
    matches!(
        lower,
        "is" | "are" | "am" | "was" | "were" | "be" | "been" | "being" | "'re" | "'m"
    )
}

pub(crate) fn is_have(lower: &str) -> bool {
    matches!(lower, "has" | "have" | "had" | "having" | "'ve")
}

pub(crate) fn is_do(lower: &str) -> bool {
    matches!(lower, "do" | "does" | "did")
}

/// "20th", "1st", "3rd".
fn is_ordinal(lower: &str) -> bool {
    let digits = lower.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && matches!(&lower[digits..], "st" | "nd" | "rd" | "th")
}

fn is_number(w: &str) -> bool {
    let mut digits = 0;
    for c in w.chars() {
        if c.is_ascii_digit() {
            digits += 1;
        } else if !matches!(c, ',' | '.' | ':' | '/') {
            return false;
        }
    }
    digits > 0
}

/// Prepositions that cannot introduce a clause: a noun after them is not a subject.
fn is_pure_preposition(lower: &str) -> bool {
    matches!(
        lower,
        "of" | "in"
            | "on"
            | "at"
            | "by"
            | "for"
            | "with"
            | "from"
            | "into"
            | "about"
            | "against"
            | "between"
            | "among"
            | "during"
            | "over"
            | "under"
            | "through"
            | "within"
            | "without"
            | "across"
            | "toward"
            | "towards"
            | "to"
            | "near"
            | "amid"
            | "despite"
            | "upon"
    )
}

/// Subordinating words after which a new clause (and its own finite verb) begins.
pub(crate) fn is_subordinator(lower: &str) -> bool {
    matches!(
        lower,
        "because"
            | "although"
            | "though"
            | "while"
            | "whereas"
            | "unless"
            | "if"
            | "whether"
            | "after"
            | "before"
            | "since"
            | "until"
            | "as"
            | "once"
    )
}

fn noun_suffix(lower: &str) -> bool {
    [
        "tion", "sion", "ment", "ness", "ity", "ship", "ism", "ance", "ence", "ers", "ists",
        "ians", "ants", "ents", "ies", "ties",
    ]
    .iter()
    .any(|s| lower.len() > s.len() + 2 && lower.ends_with(s))
}

fn adj_suffix(lower: &str) -> bool {
    [
        "ous", "ive", "ic", "able", "ible", "ful", "less", "ish", "ese", "ary", "ical", "ial",
        "ian", "ent", "ant",
    ]
    .iter()
    .any(|s| lower.len() > s.len() + 2 && lower.ends_with(s))
}

/// Nouns in `-al` and similar that are adjectives before a noun ("official news agency") and
/// nouns otherwise ("officials said", "the proposal").
fn al_word(lower: &str) -> bool {
    lower.len() > 4 && lower.ends_with("al")
}

/// The tagger. `extra_verb` says whether a lower-case word is a verb form the caller knows.
/// Returns the tags and the lower-cased words (which the grammar reuses).
pub(crate) fn tag<'w>(
    words: &[&'w str],
    extra_verb: Option<&dyn Fn(&str) -> bool>,
) -> (Vec<&'static str>, Vec<Cow<'w, str>>) {
    let lex = lexicon();
    let n = words.len();
    let mut infos: Vec<Info> = Vec::with_capacity(n);
    // Sentence start for capitalisation: the first word that is not punctuation.
    let first_word = words
        .iter()
        .position(|w| punct_tag(w).is_none())
        .unwrap_or(0);
    for (i, w) in words.iter().enumerate() {
        // A word in lower-case ASCII is its own lower case (borrowed); other ASCII lowers byte
        // by byte: the same string as `to_lowercase`, faster.
        let lower: Cow<'w, str> = if !w.is_ascii() {
            Cow::Owned(w.to_lowercase())
        } else if w.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(w.to_ascii_lowercase())
        } else {
            Cow::Borrowed(*w)
        };
        let cap = w.chars().next().is_some_and(char::is_uppercase);
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        let all_caps = letters >= 2 && !w.chars().any(char::is_lowercase);
        let closed = lex.closed(&lower);
        let mut vbits = lex.verb(&lower);
        if vbits == 0
            && !cap
            && closed.is_none()
            && let Some(f) = extra_verb
            && f(&lower)
        {
            vbits = if lower.ends_with("ed") {
                PAST | PART
            } else if lower.ends_with("ing") {
                GER
            } else if lower.ends_with('s') {
                S3
            } else {
                BASE
            };
        }
        // "will not hesitate": a word no list knows, after a modal (and "not" or "never"), is
        // a verb's base form.
        if vbits == 0 && !cap && closed.is_none() && after_modal(&infos) {
            vbits = BASE;
        }
        let initial = i == first_word
            || (i > 0 && matches!(words[i - 1], "``" | "`" | ":" | "--" | "(" | "\"" | "'"));
        let guess = first_guess(w, &lower, cap, all_caps, initial, closed, &mut vbits);
        infos.push(Info {
            lower,
            cap,
            vbits,
            closed,
            guess,
            abbrev: all_caps && (2..=4).contains(&w.len()),
        });
    }
    let mut tags = resolve(&infos);
    adjective_heads(&mut tags, &infos);
    coordinated_adjectives(&mut tags, &infos);
    infinitives_before_determiners(&mut tags, &infos);
    names_with_and(&mut tags, &infos);
    (tags, infos.into_iter().map(|i| i.lower).collect())
}

/// "Trinidad and Tobago Prime Minister …", "Bosnia and Herzegovina's presidency": every word of
/// a capitalised name of `forms.txt` `[and-name]` (its words joined by `_`) is a proper noun, the
/// conjunction inside it too, so that coordination does not split the name.
fn names_with_and(tags: &mut [&'static str], infos: &[Info]) {
    static NAMES: OnceLock<Vec<Vec<&'static str>>> = OnceLock::new();
    let names = NAMES.get_or_init(|| {
        let forms = english::get().forms("and-name");
        forms.iter().map(|n| n.split('_').collect()).collect()
    });
    for i in 0..infos.len() {
        if !infos[i].cap {
            continue;
        }
        for name in names {
            if name.first() != Some(&&*infos[i].lower) {
                continue;
            }
            let n = name.len();
            let same = infos
                .get(i..i + n)
                .is_some_and(|run| name.iter().zip(run).all(|(w, info)| info.lower == *w));
            if same {
                tags[i..i + n].iter_mut().for_each(|t| *t = "NNP");
            }
        }
    }
}

/// "launched a new offensive in the east", "the Israeli offensive": a word in `-ive` guessed an
/// adjective by its ending alone, last in a noun phrase opened by a determiner or possessive
/// (nothing nominal follows), is the phrase's head noun.
fn adjective_heads(tags: &mut [&'static str], infos: &[Info]) {
    for i in 1..tags.len() {
        let x = &infos[i];
        if tags[i] != "JJ" || x.closed.is_some() || x.vbits != 0 || !x.lower.ends_with("ive") {
            continue;
        }
        let next = tags.get(i + 1).copied().unwrap_or("");
        if is_noun_tag(next) || matches!(next, "JJ" | "JJR" | "JJS" | "CD" | "VBG" | "VBN" | "HYPH")
        {
            continue;
        }
        let mut j = i;
        while j > 0 && matches!(tags[j - 1], "JJ" | "JJR" | "JJS" | "RB" | "CD" | "VBN") {
            j -= 1;
        }
        if j > 0 && matches!(tags[j - 1], "DT" | "PRP$" | "POS") {
            tags[i] = "NN";
        }
    }
}

/// "held frank and friendly discussions" (or with the adjectives in quotes): a word no list
/// knows, read as a noun by default, joined by "and" or "or" to an adjective before a noun,
/// is an adjective too.
fn coordinated_adjectives(tags: &mut [&'static str], infos: &[Info]) {
    for i in 1..tags.len().saturating_sub(3) {
        let x = &infos[i];
        let unknown = x.closed.is_none() && x.vbits == 0 && !x.cap && !noun_suffix(&x.lower);
        if tags[i] == "NN"
            && unknown
            && tags[i + 1] == "CC"
            && tags[i + 2] == "JJ"
            && (is_noun_tag(tags[i + 3])
                || tags[i + 3] == "''" && tags.get(i + 4).is_some_and(|t| is_noun_tag(t)))
            && matches!(
                tags[i - 1],
                "DT" | "PRP$" | "VBD" | "VBZ" | "VBP" | "VB" | "VBN" | "``"
            )
        {
            tags[i] = "JJ";
        }
    }
}

/// "any attempt to divert its share of the river": a word no list knows, read as a noun by
/// default, between the infinitive marker and an article or possessive is a verb's base form
/// (a noun after the preposition "to" is not followed by one).
fn infinitives_before_determiners(tags: &mut [&'static str], infos: &[Info]) {
    for i in 1..tags.len().saturating_sub(1) {
        let x = &infos[i];
        let unknown = x.closed.is_none() && x.vbits == 0 && !x.cap && !noun_suffix(&x.lower);
        // An article or possessive, not "this" or "next" before a time noun ("returned to
        // normalcy this week").
        let determiner = tags[i + 1] == "PRP$"
            || tags[i + 1] == "DT" && matches!(&*infos[i + 1].lower, "the" | "a" | "an");
        if tags[i] == "NN" && unknown && tags[i - 1] == "TO" && determiner {
            tags[i] = "VB";
        }
    }
}

/// Whether the words so far end with a modal, or a modal and "not" or "never".
fn after_modal(infos: &[Info]) -> bool {
    match infos {
        [.., m] if m.closed == Some("MD") => true,
        [.., m, n] => m.closed == Some("MD") && matches!(&*n.lower, "not" | "never"),
        _ => false,
    }
}

/// The context-free guess for one token; may clear or set `vbits`.
fn first_guess(
    w: &str,
    lower: &str,
    cap: bool,
    all_caps: bool,
    initial: bool,
    closed: Option<&'static str>,
    vbits: &mut u8,
) -> &'static str {
    if let Some(t) = punct_tag(w) {
        *vbits = 0;
        return t;
    }
    if is_number(w) {
        *vbits = 0;
        return "CD";
    }
    if is_ordinal(lower) {
        *vbits = 0;
        return "JJ";
    }
    if let Some(t) = aux_tag(lower) {
        return t;
    }
    if cap && !initial {
        // Mid-sentence capitals are names, except function words in titles and nationality
        // adjectives (settled in context).
        *vbits = 0;
        if let Some(t) = closed
            && matches!(t, "DT" | "IN" | "CC" | "TO" | "PRP$")
            && !all_caps
        {
            return t;
        }
        if is_nationality(w)
            || (!all_caps && (lower.ends_with("ian") || lower.ends_with("ese")) && w.len() > 5)
        {
            return "JJ";
        }
        return "NNP";
    }
    if cap && initial {
        // "US forces struck …": the country, not the pronoun "us".
        if w == "US" {
            *vbits = 0;
            return "NNP";
        }
        if let Some(t) = closed
            && !(t.starts_with("NN") && *vbits == 0 && all_caps)
        {
            return t;
        }
        if is_nationality(w) {
            *vbits = 0;
            return "JJ";
        }
        if *vbits != 0 {
            return verb_guess(*vbits);
        }
        if lower.ends_with("ly") && lower.len() > 4 {
            return "RB";
        }
        if noun_suffix(lower) {
            return if lower.ends_with('s') { "NNS" } else { "NN" };
        }
        // "Last-minute talks …", "Iran-backed rebels …": a compound whose later parts are in
        // lower case, opening the sentence, is a modifier, not a name, when it opens with an
        // adjective or adverb or ends in a participle ("Cease-fire holds" stays a noun).
        if w.contains('-')
            && w.split('-')
                .skip(1)
                .all(|p| p.starts_with(|c: char| c.is_ascii_lowercase()))
        {
            let lex = lexicon();
            let first = lower.split('-').next().unwrap_or("");
            let last = lower.rsplit('-').next().unwrap_or("");
            let modifier = matches!(lex.closed(first), Some("JJ" | "JJR" | "JJS" | "RB"));
            let bits = lex.verb(last);
            let participle = bits & (PART | GER) != 0 && bits & BASE == 0;
            if modifier || participle {
                return "JJ";
            }
        }
        return "NNP";
    }
    if let Some(t) = closed {
        return t;
    }
    if *vbits != 0 {
        return verb_guess(*vbits);
    }
    // Unknown lower-case word: suffixes.
    if w.contains('-') {
        // "el-Sisi", "al-Burhan": a name with a lower-case particle.
        if w.split('-')
            .skip(1)
            .any(|p| p.starts_with(char::is_uppercase))
        {
            *vbits = 0;
            return "NNP";
        }
        let first = w.split('-').next().unwrap_or("");
        if first.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            return "JJ";
        }
        let last = w.rsplit('-').next().unwrap_or("");
        if lexicon().verb(last) & PART != 0 && lexicon().verb(last) & BASE == 0 {
            return "JJ";
        }
        return "NN";
    }
    if lower.ends_with("ly") && lower.len() > 4 {
        return "RB";
    }
    if lower.len() > 5 && lower.ends_with("ing") {
        *vbits = GER;
        return "VBG";
    }
    if lower.len() > 4 && lower.ends_with("ed") && !lower.ends_with("eed") {
        *vbits = PAST | PART;
        return "VBD";
    }
    // Superlatives in -iest ("deadliest"); other -est words are mostly nouns ("interest",
    // "protest"), and the common superlatives are listed.
    if lower.ends_with("iest") && lower.len() > 6 {
        return "JJS";
    }
    if noun_suffix(lower) {
        return if lower.ends_with('s') { "NNS" } else { "NN" };
    }
    if adj_suffix(lower) || al_word(lower) {
        return "JJ";
    }
    if lower.ends_with('s')
        && !lower.ends_with("ss")
        && !lower.ends_with("us")
        && !lower.ends_with("is")
        && lower.len() > 3
    {
        return "NNS";
    }
    "NN"
}

fn verb_guess(vbits: u8) -> &'static str {
    if vbits & PAST != 0 {
        "VBD"
    } else if vbits & PART != 0 {
        "VBN"
    } else if vbits & GER != 0 {
        "VBG"
    } else if vbits & S3 != 0 {
        "VBZ"
    } else {
        "VB"
    }
}

fn is_noun_tag(t: &str) -> bool {
    matches!(t, "NN" | "NNS" | "NNP" | "NNPS")
}

fn is_finite(t: &str) -> bool {
    matches!(t, "VBD" | "VBZ" | "VBP" | "MD")
}

/// Second pass: settle ambiguous words in context.
fn resolve(infos: &[Info]) -> Vec<&'static str> {
    let n = infos.len();
    let mut tags: Vec<&'static str> = Vec::with_capacity(n);
    let mut finite_seen = false;
    let mut saved_finite: Option<bool> = None;
    // A sentence that opens with a subordinate clause ("When Faye visited Abuja, Nigeria asked
    // him …"): the comma that closes it opens the main clause, whose verb is finite again.
    let mut fronted_clause = false;
    let noun_like = |j: usize| -> bool {
        infos.get(j).is_some_and(|x| {
            is_noun_tag(x.guess)
                || matches!(x.guess, "JJ" | "CD" | "JJS" | "JJR" | "$")
                || (x.vbits & (BASE | S3) != 0 && aux_tag(&x.lower).is_none())
                || (x.guess == "VBG" && x.vbits == GER)
        })
    };
    for i in 0..n {
        let info = &infos[i];
        // Previous settled tag, skipping adverbs.
        let mut pj = None;
        for j in (0..i).rev() {
            if tags[j] == "RB" || tags[j] == "RBR" {
                continue;
            }
            pj = Some(j);
            break;
        }
        let p = pj.map_or("", |j| tags[j]);
        let pw = pj.map_or("", |j| &*infos[j].lower);
        let next = infos.get(i + 1);
        let ng = next.map_or("", |x| x.guess);
        let after_aux = |pred: fn(&str) -> bool| pj.is_some_and(|j| pred(&infos[j].lower));
        let mut t = info.guess;
        let lower = &*info.lower;
        // "Italy is prepared to …": a capitalised first word in -ly (an unknown word, guessed
        // an adverb by its ending) right before a finite verb or a modal is a name.
        if i == 0
            && info.cap
            && t == "RB"
            && info.closed.is_none()
            && next.is_some_and(|x| {
                matches!(x.guess, "VBZ" | "VBD" | "VBP" | "MD") || aux_tag(&x.lower).is_some()
            })
        {
            t = "NNP";
        }
        match lower {
            "that" if !info.cap || i == 0 => {
                t = if p.starts_with("VB") {
                    "IN"
                } else if is_noun_tag(p) || p == "PRP" {
                    let nx = next;
                    if nx.is_some_and(|x| {
                        x.guess == "MD"
                            || x.guess == "RB"
                            || (x.vbits != 0 && !x.cap && x.guess != "NN" && x.guess != "NNS")
                            || aux_tag(&x.lower).is_some()
                    }) {
                        "WDT"
                    } else {
                        "IN"
                    }
                } else if p.is_empty() || p == "IN" {
                    if is_noun_tag(ng) && !next.is_some_and(|x| x.cap) {
                        "DT"
                    } else {
                        "IN"
                    }
                } else {
                    "IN"
                };
            }
            "her" => {
                t = if noun_like(i + 1) && !matches!(ng, "CD") {
                    "PRP$"
                } else {
                    "PRP"
                };
            }
            "about" => {
                if ng == "CD" {
                    t = "RB";
                }
            }
            "'s" => {
                t = if matches!(p, "PRP" | "EX" | "WP" | "WDT") || pw == "that" {
                    "VBZ"
                } else {
                    "POS"
                };
            }
            "'" => {
                t = if i > 0 && infos[i - 1].lower.ends_with('s') && is_noun_tag(p) {
                    "POS"
                } else {
                    "''"
                };
            }
            "there" => {
                t = if next.is_some_and(|x| is_be(&x.lower) || x.guess == "MD") {
                    "EX"
                } else {
                    "RB"
                };
            }
            "up" | "out" | "off" | "down" | "away" | "back" if p.starts_with("VB") => {
                if matches!(
                    ng,
                    "DT" | "PRP$" | "NN" | "NNS" | "NNP" | "CD" | "JJ" | "." | "," | "" | "IN"
                ) {
                    // "stepped up patrols", "would be stepped up."
                    t = "RP";
                } else if lower != "up" && lower != "out" && lower != "off" {
                    t = "RB";
                }
            }
            // "the past week", "its past crimes": an adjective after a determiner, not a
            // preposition.
            "past" if matches!(p, "DT" | "PRP$") => t = "JJ",
            // "flew on to the Dominican Republic", "travelled on to Hanoi": going further, an
            // adverb before the verb's `to` phrase, not a preposition with no object.
            "on" if p.starts_with("VB") && next.is_some_and(|x| x.lower == "to") => t = "RB",
            // "has long accused", "was long seen": an adverb between an auxiliary and a verb.
            "long" | "already" | "repeatedly"
                if (after_aux(is_have) || after_aux(is_be))
                    && next.is_some_and(|x| x.vbits & (PAST | PART) != 0) =>
            {
                t = "RB";
            }
            "more" | "most" | "less" | "least" => {
                if matches!(ng, "JJ" | "RB") {
                    t = match lower {
                        "more" | "less" => "RBR",
                        _ => "RBS",
                    };
                }
            }
            // "according to state media": the object of the compound preposition, never an
            // infinitive; a form that could be a third-person verb is a plural ("according to
            // reports", "according to witnesses").
            _ if pw == "to"
                && pj.is_some_and(|j| j > 0 && infos[j - 1].lower == "according")
                && info.vbits != 0
                && !info.cap =>
            {
                t = if info.vbits & S3 != 0 { "NNS" } else { "NN" };
            }
            "had" if after_aux(is_have) => t = "VBN",
            "have" | "do" | "be" if matches!(p, "MD" | "TO") || after_aux(is_do) => {
                t = "VB";
            }
            _ => {
                if info.vbits != 0
                    && aux_tag(lower).is_none()
                    && (!info.cap || matches!(info.guess, "VBD" | "VBN" | "VBG" | "VBZ" | "VB"))
                {
                    t = settle_verb(infos, &tags, i, pj, finite_seen);
                } else if (info.closed.is_none() || matches!(lower, "military" | "official"))
                    && !info.cap
                    && (al_word(lower) || info.guess == "JJ" && lower.ends_with("ian"))
                    || lower == "military" && !info.cap
                {
                    // "official news agency" vs "the official said"
                    t = if noun_like(i + 1) && !matches!(ng, "CD") {
                        "JJ"
                    } else {
                        "NN"
                    };
                } else if info.guess == "JJ" && info.cap {
                    // "the Azerbaijani shelling": after a determiner, before a gerund, an
                    // adjective of its noun.
                    t = if noun_like(i + 1)
                        || next.is_some_and(|x| x.cap)
                        || p == "DT" && ng == "VBG"
                    {
                        "JJ"
                    } else if lower.ends_with('s') {
                        "NNPS"
                    } else {
                        "NNP"
                    };
                } else if (info.closed == Some("JJ") || info.guess == "JJ")
                    && info.vbits == 0
                    && !info.cap
                    && next.is_some_and(|x| {
                        x.guess == "MD"
                            || aux_tag(&x.lower).is_some() && x.lower != "'s"
                            || (x.vbits & PAST != 0 && x.vbits & BASE == 0 && x.closed.is_none())
                    })
                    && matches!(p, "NNP" | "NN" | "NNS" | "DT" | "POS" | "JJ")
                {
                    // "Korvia's navy chief said", "Arnor cleric is": an adjective right before a
                    // verb is a noun.
                    t = "NN";
                } else if info.cap
                    && matches!(info.guess, "NN" | "NNS")
                    && next.is_some_and(|x| x.cap && x.guess == "NNP")
                {
                    // "President Ilham Aliyev": a title before a name is part of the name.
                    t = "NNP";
                } else if info.guess == "NN"
                    && info.lower.contains('-')
                    && !info.cap
                    && noun_like(i + 1)
                {
                    t = "JJ";
                }
            }
        }
        // "pressed an offensive toward Uvira": an adjective right after an article with no
        // noun or adjective to follow heads its noun phrase.
        if t == "JJ"
            && matches!(pw, "a" | "an")
            && p == "DT"
            && matches!(ng, "IN" | "TO" | "." | "," | "CC" | "")
        {
            t = "NN";
        }
        // "a further show": an adverb between a determiner and a noun is an adjective.
        if t == "RB"
            && (matches!(p, "DT" | "PRP$") || lower == "further")
            && noun_like(i + 1)
            && ng != "JJ"
        {
            t = "JJ";
        }
        // "Dhaka has since asked India to …": "since" between a form of "have" and a past
        // participle is an adverb, not a preposition.
        if lower == "since"
            && i > 0
            && matches!(&*infos[i - 1].lower, "has" | "have" | "had")
            && infos.get(i + 1).is_some_and(|x| x.vbits & PART != 0)
        {
            t = "RB";
        }
        if is_finite(t) {
            finite_seen = true;
        }
        // A new clause may start: after a relative or subordinating word, and after a
        // conjunction ("Russia needs X, and China needs Y").
        // A relative clause's verb does not count for the clause around it: save the state
        // at the relative pronoun and restore it at the comma that closes the clause.
        if t == ","
            && let Some(saved) = saved_finite.take()
        {
            finite_seen = saved;
        } else if t == "," && fronted_clause {
            fronted_clause = false;
            finite_seen = false;
        }
        if i == 0 && (t == "WRB" && lower == "when" || t == "IN" && is_subordinator(lower)) {
            fronted_clause = true;
        }
        if (t == "WDT" || t == "WP") && i > 0 && tags[i - 1] == "," {
            saved_finite = Some(finite_seen);
        }
        if t == "WDT"
            || t == "WP"
            || t == "WRB"
            || (t == "CC" && i > 0 && tags[i - 1] == ",")
            || t == ":"
            || (t == "IN" && (lower == "that" || is_subordinator(lower)))
        {
            finite_seen = false;
        }
        tags.push(t);
    }
    tags
}

/// Whether a lower-case word is a people named by nationality in the plural ("canadians",
/// "israelis", "palestinians").
fn is_nationality_plural(lower: &str) -> bool {
    let Some(stem) = lower.strip_suffix('s') else {
        return false;
    };
    let mut chars = stem.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let word: String = first.to_uppercase().chain(chars).collect();
    stem.ends_with("ian") || is_nationality(&word)
}

/// Verb or noun, and which verb tag, for a token with verb forms.
fn settle_verb(
    infos: &[Info],
    tags: &[&'static str],
    i: usize,
    pj: Option<usize>,
    finite_seen: bool,
) -> &'static str {
    let info = &infos[i];
    let b = info.vbits;
    let lower = &*info.lower;
    let p = pj.map_or("", |j| tags[j]);
    let pw = pj.map_or("", |j| &*infos[j].lower);
    let next = infos.get(i + 1);
    let ng = next.map_or("", |x| x.guess);
    let nw = next.map_or("", |x| &*x.lower);
    let noun_next = next.is_some_and(|x| {
        is_noun_tag(x.guess) || (x.vbits & (BASE | S3) != 0 && aux_tag(&x.lower).is_none())
    });
    let prenominal = matches!(
        p,
        "DT" | "PRP$" | "JJ" | "JJR" | "JJS" | "POS" | "CD" | "$" | "``"
    );
    // "vowed to \"fight to the end\"": through an opening quotation mark.
    let quoted_after = p == "``"
        && pj
            .and_then(|j| j.checked_sub(1))
            .is_some_and(|k| matches!(tags[k], "MD" | "TO"));
    let after_modal = matches!(p, "MD" | "TO") || is_do(pw) || quoted_after;
    // A closing bracket ends a noun phrase: "the European Union (EU) agree".
    let subject_before = matches!(p, "NN" | "NNS" | "NNP" | "NNPS" | "PRP" | "-RRB-");
    let noun_pref = info.closed.is_some_and(|t| t.starts_with("NN"));
    // "the Ukrainian air force", "security forces": a unit noun after the word that names
    // the kind of force is the head of a compound noun, not a verb.
    if matches!(lower, "force" | "forces")
        && matches!(
            pw,
            "air"
                | "police"
                | "task"
                | "armed"
                | "security"
                | "defence"
                | "defense"
                | "naval"
                | "ground"
                | "border"
                | "special"
                | "peacekeeping"
                | "rapid"
                | "support"
        )
    {
        return if lower == "forces" { "NNS" } else { "NN" };
    }
    // "The MNDAA, an ethnic Kokang force in Shan State, …", "after a Saudi-led boycott of
    // Doha": after an indefinite article and only modifiers, the head noun of its phrase, not a
    // verb — unless an object follows ("In Kyiv, a local court orders the …"); opening the
    // sentence, only before a preposition or punctuation ("A local court orders …", "A UN
    // report finds widespread …" keep their verb).
    let mut k = i;
    while k > 0 && matches!(tags[k - 1], "JJ" | "NNP" | "NNPS" | "NN" | "VBN" | "HYPH") && i - k < 4
    {
        k -= 1;
    }
    let object_next = matches!(ng, "DT" | "PRP$" | "PRP" | "CD" | "TO") || nw == "that";
    let closes = matches!(ng, "IN" | "," | "." | ":") && nw != "that";
    if k < i
        && k > 0
        && b & (BASE | S3) != 0
        && tags[k - 1] == "DT"
        && matches!(&*infos[k - 1].lower, "a" | "an")
        && if k == 1 || matches!(tags[k - 2], "``" | ":") {
            closes
        } else {
            !object_next
        }
    {
        return if b & BASE == 0 { "NNS" } else { "NN" };
    }
    // "Chinese coast guard ships", "the Revolutionary Guards".
    if matches!(lower, "guard" | "guards")
        && matches!(
            pw,
            "coast" | "national" | "border" | "presidential" | "republican" | "revolutionary"
        )
    {
        return if lower == "guards" { "NNS" } else { "NN" };
    }
    // "any further air strikes on …", "drone attacks": an act noun after the word that names
    // its means is the head of a compound noun, not a verb.
    if matches!(
        lower,
        "strike" | "strikes" | "raid" | "raids" | "attack" | "attacks"
    ) && matches!(
        pw,
        "air" | "drone" | "missile" | "rocket" | "artillery" | "naval" | "suicide" | "cyber"
    ) {
        return if lower.ends_with('s') { "NNS" } else { "NN" };
    }
    // "US forces struck …", "UN peacekeepers have …": after an abbreviated name, a plural that
    // a finite verb follows is the head of the subject, not its verb.
    if p == "NNP"
        && lower.ends_with('s')
        && pj.is_some_and(|j| infos[j].abbrev)
        && next.is_some_and(|x| matches!(x.guess, "VBD" | "MD") || aux_tag(&x.lower).is_some())
    {
        return "NNS";
    }
    // "Taliban border forces", "border crossings": a listed noun before a unit noun is its
    // modifier, not a verb.
    if info.closed == Some("NN")
        && matches!(
            nw,
            "forces"
                | "force"
                | "guards"
                | "guard"
                | "troops"
                | "police"
                | "crossing"
                | "crossings"
                | "post"
                | "posts"
                | "patrol"
                | "patrols"
        )
    {
        return "NN";
    }
    // "the Rafah crossing": a crossing named by a name after "the".
    if matches!(lower, "crossing" | "crossings")
        && p == "NNP"
        && pj
            .and_then(|j| j.checked_sub(1))
            .is_some_and(|k| tags[k] == "DT")
    {
        return if lower.ends_with('s') { "NNS" } else { "NN" };
    }
    // A listed adjective that is not a verb here stays an adjective ("open", "direct").
    let noun_tag = if info.closed == Some("JJ") {
        "JJ"
    } else if info.closed == Some("NN") {
        "NN"
    } else if lower.ends_with('s') && b & BASE == 0 {
        "NNS"
    } else {
        "NN"
    };

    // -ing forms.
    if b & GER != 0 && b & (BASE | S3 | PAST | PART) == 0 {
        if pj.is_some_and(|j| is_be(&infos[j].lower)) {
            return "VBG";
        }
        // "Fighting between the army and the RSF raged …": an event between a pair.
        if pj.is_none() && next.is_some_and(|x| x.lower == "between") {
            return "NN";
        }
        // "…, but fighting resumed within months", "Shelling continued overnight", "since
        // fighting erupted in April": opening a clause before a past verb that no object
        // follows (nor a gerund object: "…, citing increased shelling", "Following renewed
        // fighting, …"), the clause's subject.
        let after_next = infos.get(i + 2).map_or("", |x| x.guess);
        if (matches!(p, "" | "," | "CC") || p == "IN" && is_subordinator(pw))
            && next.is_some_and(|x| x.vbits & PAST != 0 && !x.cap)
            && !matches!(
                after_next,
                "DT" | "PRP$" | "PRP" | "CD" | "JJ" | "JJR" | "JJS" | "VBG"
            )
            && !is_noun_tag(after_next)
        {
            return "NN";
        }
        if prenominal {
            return if noun_next && !noun_pref { "VBG" } else { "NN" };
        }
        if noun_pref && !matches!(p, "IN" | "" | ",") {
            return "NN";
        }
        return "VBG";
    }
    // Base form after a modal, `to` or `do`.
    if after_modal && b & BASE != 0 {
        return "VB";
    }
    // Past tense or participle.
    if b & (PAST | PART) != 0 && !(b & BASE != 0 && (prenominal || p == "IN")) {
        let part = b & PART != 0;
        let past = b & PAST != 0;
        if pj.is_some_and(|j| is_have(&infos[j].lower) || is_be(&infos[j].lower)) && part {
            return "VBN";
        }
        // "was heavily and unjustly criticized": look past adverbs and their conjunction.
        if p == "CC" && part {
            let k = (0..i)
                .rev()
                .find(|&k| !matches!(tags[k], "RB" | "RBR" | "CC"));
            if k.is_some_and(|k| is_have(&infos[k].lower) || is_be(&infos[k].lower))
                && i >= 2
                && tags[i - 1].starts_with("RB")
            {
                return "VBN";
            }
        }
        // '"This is unacceptable," said the minister': an inverted reporting clause.
        if is_reporting_verb(lower) && past && matches!(p, "''" | ",") {
            return "VBD";
        }
        // "but the two expelled each other's envoys": after "the" and a number, a past form
        // with its object is the clause's verb, not a participle. Not before a people named by
        // nationality ("the two detained Canadians") or a time ("the 12 killed this week"):
        // there it is a modifier.
        let object_next = || match ng {
            "DT" | "PRP$" => !infos
                .get(i + 2)
                .is_some_and(|x| crate::grammar::is_time_word(&x.lower)),
            "NNP" => !is_nationality_plural(nw),
            _ => false,
        };
        let counted_subject = p == "CD"
            && past
            && pj
                .and_then(|j| j.checked_sub(1))
                .is_some_and(|k| tags[k] == "DT")
            && object_next();
        if counted_subject {
            return "VBD";
        }
        if (prenominal || p == "IN") && !(is_reporting_verb(lower) && past) {
            return if noun_next {
                "JJ"
            } else if part {
                "VBN"
            } else {
                "VBD"
            };
        }
        if subject_before {
            if !past {
                return "VBN";
            }
            // "diplomats it accused of …": a subject pronoun takes a finite verb.
            if p == "PRP" && matches!(pw, "it" | "they" | "he" | "she" | "we") {
                return "VBD";
            }
            // ", a move Damascus welcomed": a name after an apposed indefinite noun is the
            // subject of a relative clause with no wh-word.
            if contact_relative_subject(tags, |k| infos.get(k).map_or("", |x| &*x.lower), i) {
                return "VBD";
            }
            let start = np_start(tags, pj.unwrap_or(0));
            let before = start.checked_sub(1).map(|k| (tags[k], &*infos[k].lower));
            if nw == "by" && part {
                return "VBN";
            }
            // "..., spokesperson for the Ministry of Commerce Shu Jueting stated at ..."
            if is_reporting_verb(lower) && past && nw != "to" {
                return "VBD";
            }
            // "in remarks published on Monday": a participle, unless an object follows
            // ("of the Commission Barroso held a meeting").
            let object_next = matches!(ng, "DT" | "PRP$" | "CD" | "JJ" | "PRP");
            // Only for a fronted or parenthetical PP ("In remarks published Monday, ...",
            // ", in remarks published on Monday,"); after a noun the PP modifies the subject
            // ("The interior minister of Calvia resigned").
            let fronted_pp =
                start >= 1 && (start == 1 || matches!(tags.get(start.wrapping_sub(2)), Some(&",")));
            // "On Friday Burundian police expelled …": the phrase of time ends at its time
            // word, and the words after it are the subject of this finite verb.
            let time_then_subject = infos
                .get(start)
                .is_some_and(|x| crate::grammar::is_time_word(&x.lower))
                && pj.is_some_and(|j| j > start);
            if let Some((_, w)) = before
                && is_pure_preposition(w)
                && part
                && !object_next
                && fronted_pp
                && !time_then_subject
            {
                return "VBN";
            }
            // "230 Venezuelans deported from the United States were flown to …": a participle
            // before a preposition, with an auxiliary of the same clause still to come, is a
            // reduced relative on the subject.
            if part && !finite_seen && matches!(ng, "IN" | "TO") && aux_ahead(infos, i + 2) {
                return "VBN";
            }
            if !finite_seen {
                return "VBD";
            }
            // "Ukraine said Russian forces shelled the city": a noun phrase right after a
            // reporting verb is the subject of its reported clause, so the verb is finite.
            if past && before.is_some_and(|(t, w)| t.starts_with("VB") && is_reporting_verb(w)) {
                return "VBD";
            }
            let clause_edge = before.is_none_or(|(t, w)| t == "," || t == "CC" || w == "that");
            if is_reporting_verb(lower) && clause_edge {
                return "VBD";
            }
            return if part { "VBN" } else { "VBD" };
        }
        // "Russian troops, backed by artillery, stormed ...": a participle opening a
        // parenthetical with its agent is passive.
        if p == "," && part && nw == "by" {
            return "VBN";
        }
        if p == "," || p == "CC" || p == ":" {
            if !finite_seen || (p == "CC" && past) {
                return if past { "VBD" } else { "VBN" };
            }
            return if part { "VBN" } else { "VBD" };
        }
        if matches!(p, "WDT" | "WP") || pw == "that" {
            return if past { "VBD" } else { "VBN" };
        }
        if p.is_empty() {
            return if part { "VBN" } else { "VBD" };
        }
        if p.starts_with("VB") {
            // "visited wounded soldiers": before a noun, after a main verb, an adjective.
            let aux_before = pj.is_some_and(|j| {
                is_be(&infos[j].lower) || is_have(&infos[j].lower) || is_do(&infos[j].lower)
            });
            if part && !aux_before && next.is_some_and(|x| matches!(x.guess, "NN" | "NNS")) {
                return "JJ";
            }
            return if part { "VBN" } else { "VBD" };
        }
        return if !finite_seen && past {
            "VBD"
        } else if part {
            "VBN"
        } else {
            "VBD"
        };
    }
    // Base or third-person form: verb or noun.
    let verb_tag = if b & S3 != 0 && lower.ends_with('s') {
        "VBZ"
    } else if b & BASE != 0 {
        "VBP"
    } else {
        return noun_tag;
    };
    // "said it firmly opposes the step", "said it \"firmly opposes\"", "they condemn": after
    // a subject pronoun (a nominative one, or "it" opening a reported clause) the form is the
    // verb; adverbs and an opening quote may stand between.
    let pron = (0..i)
        .rev()
        .find(|&k| !matches!(tags[k], "RB" | "RBR" | "``"))
        .filter(|&k| tags[k] == "PRP");
    if let Some(j) = pron {
        let w = &*infos[j].lower;
        let nominative = matches!(w, "he" | "she" | "they" | "we" | "i");
        let reported_it = w == "it"
            && j.checked_sub(1)
                .is_some_and(|k| is_reporting_verb(&infos[k].lower) || infos[k].lower == "that");
        if nominative || reported_it {
            return verb_tag;
        }
    }
    if prenominal || p == "IN" || p == "TO" && verb_tag == "VBZ" {
        return noun_tag;
    }
    if matches!(p, "WDT" | "WP") || pw == "that" && p == "WDT" {
        return verb_tag;
    }
    if subject_before && !finite_seen {
        // A clear verb right after means this word is part of a compound noun.
        let clear_verb_next = next.is_some_and(|x| {
            x.guess == "MD"
                || aux_tag(&x.lower).is_some()
                || (x.vbits & PAST != 0 && x.vbits & BASE == 0 && x.closed.is_none())
        });
        if clear_verb_next && p != "PRP" {
            return noun_tag;
        }
        // "palace guard militia was freed": a noun-noun-noun compound before the verb.
        let after_next = infos.get(i + 2);
        if p == "NN"
            && next.is_some_and(|x| matches!(x.guess, "NN" | "NNS") && !x.cap && x.vbits == 0)
            && after_next.is_some_and(|x| {
                x.guess == "MD"
                    || aux_tag(&x.lower).is_some()
                    || (x.vbits & PAST != 0 && x.vbits & BASE == 0)
            })
        {
            return noun_tag;
        }
        // A listed noun ("attack", "talks") after a singular common noun is more likely part
        // of a compound ("the government attack"); after a name, a plural or a pronoun it is
        // the verb ("Rebels attack convoy").
        if noun_pref && p == "NN" && !matches!(ng, "DT" | "PRP$" | "PRP") {
            return noun_tag;
        }
        // "a bus station in …": a plural-agreement form cannot follow a phrase that a singular
        // determiner opens, so it is the head of a compound noun.
        if verb_tag == "VBP" && p == "NN" {
            let start = np_start(tags, pj.unwrap_or(0));
            if matches!(
                &*infos[start].lower,
                "a" | "an" | "this" | "each" | "every" | "another"
            ) {
                return noun_tag;
            }
        }
        return verb_tag;
    }
    if p == "CC" {
        // Coordinated verbs share their form: "will follow X and jointly build Y",
        // "transcends X and promotes Y". Look back for the nearest verb of the clause.
        let cc = pj.unwrap_or(0);
        let last_verb = (cc.saturating_sub(30)..cc)
            .rev()
            .map(|k| tags[k])
            .find(|t| t.starts_with("VB") || *t == "MD");
        let coordinated = match last_verb {
            Some("VBZ") => verb_tag == "VBZ",
            Some("VBP") => verb_tag == "VBP",
            Some("VB") | Some("MD") => b & BASE != 0,
            _ => false,
        };
        // Only when the word is followed by something a verb takes.
        let takes_object = matches!(
            ng,
            "DT" | "PRP$" | "PRP" | "NNP" | "JJ" | "IN" | "TO" | "CD"
        ) || (matches!(last_verb, Some("VB") | Some("MD"))
            && matches!(ng, "NN" | "NNS"));
        if coordinated && takes_object {
            return if matches!(last_verb, Some("VB") | Some("MD")) {
                "VB"
            } else {
                verb_tag
            };
        }
        let before_cc = cc.checked_sub(1).map(|k| tags[k]);
        if before_cc == Some(verb_tag) && !noun_pref {
            return verb_tag;
        }
        return noun_tag;
    }
    if p == "RB" && !finite_seen {
        return verb_tag;
    }
    // "Hamas, an Islamist group in Gaza, rejects the plan": after the comma closing an
    // apposition on the subject (a determiner opens it), with no verb yet, the verb.
    if p == ","
        && !finite_seen
        && verb_tag == "VBZ"
        && pj.is_some_and(|comma| apposition_closed(tags, infos, comma, i))
    {
        return verb_tag;
    }
    noun_tag
}

/// Whether the comma at `comma` closes an apposition that a determiner opens after an earlier
/// comma on a noun ("The MNDAA, an ethnic Kokang force in Shan State,"), and something a verb
/// takes follows the `verb` after it (adverbs may stand between: ", also rejects the plan").
fn apposition_closed(tags: &[&'static str], infos: &[Info], comma: usize, verb: usize) -> bool {
    let takes = infos
        .get(verb + 1)
        .is_some_and(|x| matches!(x.guess, "DT" | "PRP$" | "TO" | "IN" | "NNP" | "JJ" | "CD"));
    let open = (0..comma).rev().find(|&k| tags[k] == ",");
    takes
        && open.is_some_and(|c| {
            c > 0
                && is_noun_tag(tags[c - 1])
                && infos.get(c + 1).is_some_and(|x| matches!(x.guess, "DT"))
                && !tags[..c].iter().any(|t| t.starts_with("VB") || *t == "MD")
        })
}

/// Start index of the noun phrase ending at `end` (walking back over noun-phrase tags).
/// Whether the names right before `verb` are the subject of a relative clause with no wh-word
/// on an apposed indefinite noun: `, a move Damascus welcomed`, `in an attack Qatar called`
/// (a comma or a preposition, `a`/`an`, adjectives, one common noun, then the names). The
/// grammar reads the same shape (`Grammar::contact_relative_at`).
pub(crate) fn contact_relative_subject<'w>(
    tags: &[&str],
    lower: impl Fn(usize) -> &'w str,
    verb: usize,
) -> bool {
    let mut k = verb;
    while k > 0 && matches!(tags[k - 1], "NNP" | "NNPS") {
        k -= 1;
    }
    if k == verb || k < 3 || tags[k - 1] != "NN" {
        return false;
    }
    let mut d = k - 1;
    while d > 0 && tags[d - 1] == "JJ" {
        d -= 1;
    }
    // A preposition opening the sentence ("In a statement Russia condemned the attack") fronts
    // a phrase before the main clause: names and a verb with an object of its own are that
    // clause ("In a move Damascus welcomed, Ankara withdrew …" stays a relative clause).
    let opening = d >= 2 && tags[d - 2] == "IN" && (d == 2 || matches!(tags[d - 3], ":" | "``"));
    let object_next = matches!(
        lower(verb + 1),
        "the" | "a" | "an" | "its" | "their" | "his" | "her" | "this" | "these" | "those"
    );
    d >= 2
        && tags[d - 1] == "DT"
        && matches!(lower(d - 1), "a" | "an")
        && matches!(tags[d - 2], "," | "IN")
        && !(opening && object_next)
}

/// Whether a form of `be` or `have` follows a noun within the next few words from `from`,
/// before any comma, clause word or other verb: the finite verb of the clause is still ahead.
fn aux_ahead(infos: &[Info], from: usize) -> bool {
    let end = (from + 12).min(infos.len());
    for k in from..end {
        let w = &*infos[k].lower;
        if (is_be(w) || is_have(w)) && k > from && is_noun_tag(infos[k - 1].guess) {
            return true;
        }
        if matches!(w, "," | ";" | "that" | "which" | "who" | "and" | "but")
            || matches!(infos[k].guess, "VBZ" | "VBP" | "MD")
        {
            return false;
        }
    }
    false
}

fn np_start(tags: &[&'static str], end: usize) -> usize {
    let mut k = end;
    while k > 0
        && matches!(
            tags[k - 1],
            "NN" | "NNS"
                | "NNP"
                | "NNPS"
                | "JJ"
                | "JJR"
                | "JJS"
                | "DT"
                | "PRP$"
                | "POS"
                | "CD"
                | "VBN"
                | "$"
        )
        || (k >= 1 && tags[k - 1] == "RB" && matches!(tags[k], "JJ" | "CD"))
    {
        k -= 1;
    }
    k
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(sentence: &str, expected: &str) {
        let words: Vec<&str> = sentence.split(' ').collect();
        let (tags, _) = tag(&words, None);
        let got: Vec<String> = words
            .iter()
            .zip(&tags)
            .map(|(w, t)| format!("{w}/{t}"))
            .collect();
        assert_eq!(got.join(" "), expected);
    }

    #[test]
    fn basic_clauses() {
        check(
            "Arnor is about to restore full diplomatic ties with Gondor .",
            "Arnor/NNP is/VBZ about/IN to/TO restore/VB full/JJ diplomatic/JJ ties/NNS with/IN Gondor/NNP ./.",
        );
        check(
            "The Calenardhon government condemned an attack by Osgiliath soldiers and promised aid .",
            "The/DT Calenardhon/NNP government/NN condemned/VBD an/DT attack/NN by/IN Osgiliath/NNP soldiers/NNS and/CC promised/VBD aid/NN ./.",
        );
        check(
            "Putin said that certain Western countries aspired to drive a wedge .",
            "Putin/NNP said/VBD that/IN certain/JJ Western/JJ countries/NNS aspired/VBD to/TO drive/VB a/DT wedge/NN ./.",
        );
    }

    #[test]
    fn passives_and_participles() {
        check(
            "A hafling was reported on the pass , officials said .",
            "A/DT hafling/NN was/VBD reported/VBN on/IN the/DT pass/NN ,/, officials/NNS said/VBD ./.",
        );
        check(
            "Gondor has criticized the recent closure of guest houses .",
            "Gondor/NNP has/VBZ criticized/VBN the/DT recent/JJ closure/NN of/IN guest/NN houses/NNS ./.",
        );
    }

    #[test]
    fn that_her_and_possessives() {
        check(
            "Gondor 's minister warned that a blockade that would harm her people .",
            "Gondor/NNP 's/POS minister/NN warned/VBD that/IN a/DT blockade/NN that/WDT would/MD harm/VB her/PRP$ people/NNS ./.",
        );
        check("It 's over .", "It/PRP 's/VBZ over/IN ./.");
    }
}
