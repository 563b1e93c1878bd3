//! The content of an indirect quotation: whether an attribution leads or trails, where its
//! content starts and ends, and whether that content reads as a clause.

use super::{Found, is_cap, word};
use crate::lexicon::{self, Class, VerbClass, has};
use crate::tokens::{Tok, TokenKind};
use demarche_model::Span;

pub(super) fn trimmed(text: &str, span: Span) -> Option<Span> {
    let s = span.slice(text)?;
    let is_trim = |c: char| c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':');
    let lead = s.len() - s.trim_start_matches(is_trim).len();
    let body = s.trim_matches(is_trim);
    if body.is_empty() {
        return None;
    }
    let start = span.start + lead;
    Some(Span::new(start, start + body.len()))
}

/// Drops a leading dateline such as "Global Times (20 November 2021) – " from a content span.
pub(super) fn without_dateline(text: &str, span: Span) -> Span {
    let Some(s) = span.slice(text) else {
        return span;
    };
    for dash in [") – ", ") — ", ") - ", ") -- "] {
        let found = s.find(dash).filter(|&i| i < 90);
        if let Some(i) = found.filter(|&i| s.get(..i).is_some_and(|h| !h.contains('.'))) {
            return Span::new(span.start + i + dash.len(), span.end);
        }
    }
    span
}

/// Whether the attribution closes the sentence: after a comma, followed by its hearer, a cited
/// source and adjuncts only.
pub(super) fn is_trailing(text: &str, toks: &[Tok], f: &Found) -> bool {
    if f.inverted {
        return true;
    }
    let after_comma = f.subject.s > 0
        && toks
            .get(f.subject.s - 1)
            .is_some_and(|t| matches!(word(text, t), "," | "”" | "\""));
    if !after_comma {
        return false;
    }
    // What a comma closes before a trailing attribution is the reported clause; a description
    // ("A senior official, Basem Naim, said the …") or an adjunct ("In Kyiv, officials said the
    // …") is none, and the attribution leads.
    let comma_before = toks
        .get(f.subject.s - 1)
        .is_some_and(|t| word(text, t) == ",");
    // An opening participle is an adjunct too ("Speaking on Radio Maisha, X said the …").
    let opens_description = toks.first().is_some_and(|t| {
        let first = word(text, t);
        has(Class::NounMarker, &first.to_lowercase()) || is_cap(first) && first.ends_with("ing")
    });
    if comma_before
        && opens_description
        && !is_clause(text, toks.get(..f.subject.s - 1).unwrap_or(&[]))
    {
        return false;
    }
    let rest = toks.get(f.after..).unwrap_or(&[]);
    // "…, the agency said, adding that …": the added content is the speaker's second one.
    let rest = match added_content(text, rest, 0) {
        Some((comma, _)) => rest.get(..comma).unwrap_or(&[]),
        None => rest,
    };
    if rest.len() > 14 {
        return false;
    }
    let words: Vec<&str> = rest.iter().map(|t| word(text, t)).collect();
    if words
        .iter()
        .any(|w| matches!(*w, "that" | ":" | "“" | "\""))
    {
        return false;
    }
    match words.first() {
        None => true,
        Some(first) => {
            matches!(*first, "." | "," | "!" | "?" | ";" | ")")
                || has(Class::TrailingStarter, first)
                || has(Class::Hearer, first)
                || *first == "the"
                || *first == "a"
                || !is_clause(text, rest)
        }
    }
}

/// Where the content of a leading attribution starts: after "that", after the hearer of
/// "told", after adjuncts ("said on Friday that"), or right after the verb.
pub(super) fn content_start(text: &str, toks: &[Tok], f: &Found) -> usize {
    let w = |k: usize| toks.get(k).map_or("", |t| word(text, t));
    let k = f.after;
    // Adjuncts between the verb and "that": "said on Friday that", "told reporters in Moscow
    // that".
    let that = (k..toks.len().min(k + 10))
        .take_while(|&x| {
            toks.get(x)
                .is_some_and(|t| t.kind != TokenKind::Punct || w(x) == ",")
        })
        .find(|&x| w(x) == "that");
    if let Some(x) = that
        && (x == k || has(Class::TrailingStarter, w(k)) || has(Class::Hearer, w(k)) || w(k) == "in")
    {
        return x + 1;
    }
    // "…," Reyes said, adding that …
    if w(k) == "," && matches!(w(k + 1).to_lowercase().as_str(), "adding" | "saying") {
        return k + 2 + usize::from(w(k + 2) == "that");
    }
    // "reported, citing U.S. officials, that …"
    if w(k) == "," && w(k + 1) == "that" {
        return k + 2;
    }
    if matches!(w(k), "that" | ":" | ",") {
        return k + 1;
    }
    // Wire style without "on": "said Tuesday that".
    let en = demarche_text::english::words();
    if en.weekday(w(k)).is_some() && w(k + 1) == "that" {
        return k + 2;
    }
    // A day between the verb and a content without "that" ("said on Friday he would …"): the
    // content starts after it.
    let is_day = |x: usize| en.weekday(w(x)).is_some() || en.month(w(x)).is_some();
    let on = usize::from(w(k).eq_ignore_ascii_case("on"));
    if is_day(k + on) {
        let mut x = k + on;
        while x < toks.len() && (is_day(x) || w(x).bytes().all(|b| b.is_ascii_digit())) {
            x += 1;
        }
        if toks.get(x).is_some_and(|t| t.kind == TokenKind::Word) {
            return x;
        }
    }
    k
}

/// Where a leading attribution's content ends: before ", quoting …", ", citing …", ", adding
/// …", else at the sentence's end.
pub(super) fn content_end(text: &str, toks: &[Tok], from: usize) -> usize {
    let w = |k: usize| toks.get(k).map_or("", |t| word(text, t));
    (from..toks.len())
        .find(|&k| {
            w(k) == ","
                && (matches!(
                    w(k + 1).to_lowercase().as_str(),
                    "quoting" | "citing" | "adding" | "according" | "saying"
                ) || writers_as_clause(text, toks, k))
        })
        .unwrap_or(toks.len())
}

/// Whether ", as" at comma `k` opens the writer's clause of what happened meanwhile ("…, as the
/// Sutlej and Ravi rivers rose", "…, as clashes along the border entered a sixth day"): a
/// subject (a definite article, a capitalised name or a plural noun) and a verb in the past
/// tense before the sentence's end. "as well", "as part of", "as expected" stay in the content.
fn writers_as_clause(text: &str, toks: &[Tok], k: usize) -> bool {
    let w = |k: usize| toks.get(k).map_or("", |t| word(text, t));
    if !w(k + 1).eq_ignore_ascii_case("as") {
        return false;
    }
    let en = demarche_text::english::get();
    let first = w(k + 2);
    let subject = en.is_definite(first)
        || is_cap(first)
        || (first.ends_with('s') && !has(Class::Function, first) && first.len() > 3);
    let past = |j: usize| {
        let lower = w(j).to_lowercase();
        let prev = w(j - 1).to_lowercase();
        let lower_word = toks.get(j).is_some_and(|t| t.kind == TokenKind::Word) && !is_cap(w(j));
        // A noun after a determiner, a participle with its agent.
        let not_finite = en.is_definite(&prev)
            || has(Class::NounMarker, &prev)
            || en.is_prep(w(j + 1), demarche_text::english::Prep::Agent);
        lower_word
            && !not_finite
            && (lower.ends_with("ed") && lower.len() > 4
                || en
                    .known_lemma(&lower)
                    .is_some_and(|l| l != lower && !lower.ends_with('s')))
    };
    subject && (k + 3..toks.len()).any(past)
}

/// An ", adding (that) …" or ", saying (that) …" clause at or after token `from`: its comma
/// and where its content starts (the same speaker's second content).
pub(super) fn added_content(text: &str, toks: &[Tok], from: usize) -> Option<(usize, usize)> {
    let w = |k: usize| toks.get(k).map_or("", |t| word(text, t));
    let k = (from..toks.len()).find(|&k| {
        w(k) == "," && matches!(w(k + 1).to_lowercase().as_str(), "adding" | "saying")
    })?;
    let start = k + 2 + usize::from(w(k + 2) == "that");
    (start + 2 < toks.len()).then_some((k, start))
}

/// Whether the sentence at `span` is a headline: a first line without a closing full stop,
/// question or exclamation mark, with a blank line after it.
pub(super) fn is_headline(text: &str, span: Span) -> bool {
    let line = span.slice(text).unwrap_or("").trim_end();
    let rest = text.get(span.end..).unwrap_or("");
    let before = text.get(..span.start).unwrap_or("");
    before.trim().is_empty()
        && !line.ends_with(['.', '!', '?', '"', '\u{201d}'])
        && !line.contains('\n')
        && rest.trim_start_matches([' ', '\t']).starts_with("\n\n")
}

/// Whether the tokens read as a clause: they hold a verb form (an auxiliary or modal, a past
/// form, a verb the English lists know).
pub(super) fn is_clause(text: &str, toks: &[Tok]) -> bool {
    let en = demarche_text::english::get();
    let w_at = |k: usize| toks.get(k).map_or("", |t| word(text, t));
    if present_after_subject(text, toks) {
        return true;
    }
    toks.iter().enumerate().any(|(i, t)| {
        let w = word(text, t);
        let lower = w.to_lowercase();
        if t.kind != TokenKind::Word || is_cap(w) && i > 0 {
            return false;
        }
        let verb_form = en.aux(&lower).is_some()
            || en.modal(&lower).is_some()
            || (lower.ends_with("ed") && lower.len() > 4)
            || en.known_lemma(&lower).is_some_and(|l| l != lower || i > 0);
        // A form in "-ing" alone is a gerund or a participle ("at a donors' meeting"); with an
        // auxiliary the auxiliary counts.
        let gerund = lower.ends_with("ing") && en.known_lemma(&lower).is_some_and(|l| l != lower);
        if !verb_form || gerund || i == 0 {
            return verb_form && !gerund;
        }
        let prev = w_at(i - 1);
        // A participle with its agent after a noun ("a meeting attended by envoys", "a
        // statement relayed by SITE") modifies the noun; with an auxiliary the auxiliary counts.
        let agent_participle = en.is_prep(w_at(i + 1), demarche_text::english::Prep::Agent)
            && toks.get(i - 1).is_some_and(|p| p.kind == TokenKind::Word)
            && en.aux(&prev.to_lowercase()).is_none();
        // A word right after an article or a possessive determiner is a noun ("the pledge",
        // "its claims"), not a verb.
        let after_determiner = [
            "a", "an", "the", "its", "their", "his", "her", "our", "each", "every", "no",
        ]
        .iter()
        .any(|d| prev.eq_ignore_ascii_case(d));
        // A verb after a pronoun that follows a noun belongs to a relative clause without
        // "that" ("claimed the attack in a message on a website it runs").
        let contact_relative = || {
            i >= 2
                && toks.get(i - 2).is_some_and(|p| {
                    let x = word(text, p);
                    p.kind == TokenKind::Word && !is_cap(x) && !has(Class::Function, x)
                })
                && en.anaphor(&[prev.to_lowercase().as_str()]).is_some()
        };
        !(agent_participle || after_determiner || contact_relative())
    })
}

/// Rule present-after-subject: a clause may hold only a present verb the English lists do not
/// know ("The search covers an area of …", "The closure applies to trucks …", "The order
/// includes the village"). It opens with a determiner and one to three lower-case words of a
/// singular subject; the next word ends in "-s" and an object or a complement follows it (a
/// lower-case word, a determiner or a number), so it is the subject's verb in the present.
fn present_after_subject(text: &str, toks: &[Tok]) -> bool {
    let w = |k: usize| toks.get(k).map_or("", |t| word(text, t));
    let is_word = |k: usize| toks.get(k).is_some_and(|t| t.kind == TokenKind::Word);
    let en = demarche_text::english::get();
    let function = |x: &str| demarche_text::english::words().is_function_word(x);
    let first = w(0).to_lowercase();
    if !(en.is_definite(&first) || matches!(first.as_str(), "a" | "an" | "each" | "every")) {
        return false;
    }
    (2..=4).any(|v| {
        let verb = w(v);
        let subject_ok = (1..v).all(|k| {
            let x = w(k);
            is_word(k) && !is_cap(x) && !x.ends_with('s') && !function(x)
        });
        let looks_present = is_word(v)
            && !is_cap(verb)
            && verb.len() > 4
            && verb.ends_with('s')
            && !verb.ends_with("ss")
            && !verb.ends_with("us")
            && !function(verb);
        let next = w(v + 1);
        let object_follows = is_word(v + 1) && !is_cap(next)
            || next.bytes().next().is_some_and(|b| b.is_ascii_digit())
            || en.is_definite(next);
        subject_ok && looks_present && object_follows
    })
}

/// Rule directive-then-said: a content that opens with a directive (an object and an infinitive:
/// "warned drivers not to enter the underpasses") and goes on with "and" and a second speech
/// verb ("… and said 14 people had been pulled out", "… and added that …") reports the second
/// verb's words: the index of the content's first token after that verb (and its "that").
pub(super) fn directive_then_said(text: &str, toks: &[Tok]) -> Option<usize> {
    let en = demarche_text::english::get();
    let j = (1..toks.len()).find(|&j| {
        let w = toks.get(j).map_or("", |t| word(text, t)).to_lowercase();
        toks.get(j - 1).is_some_and(|t| word(text, t) == "and")
            && w != en.verb_lemma(&w)
            && lexicon::verb_has(VerbClass::Speech, &en.verb_lemma(&w))
    })?;
    // The directive: an object with no verb of its own, "to" and a lower-case word (any verb,
    // not only those the English lists know: "warned drivers not to enter …").
    let head = toks.get(..j - 1)?;
    let to = head.iter().position(|t| word(text, t) == "to")?;
    let infinitive = head.get(to + 1).is_some_and(|t| {
        let w = word(text, t);
        t.kind == TokenKind::Word && w.starts_with(char::is_lowercase)
    });
    if to == 0 || !infinitive || is_clause(text, head.get(..to)?) {
        return None;
    }
    let start = j + 1 + usize::from(toks.get(j + 1).is_some_and(|t| word(text, t) == "that"));
    (start < toks.len() && is_clause(text, toks.get(start..)?)).then_some(start)
}

/// Whether content is an object and an infinitive ("urged Manila to stop …", "asked allies to
/// send …"): a directive, not reported words. The object holds no verb before "to".
pub(super) fn object_infinitive(text: &str, toks: &[Tok]) -> bool {
    let Some(to) = toks.iter().position(|t| word(text, t) == "to") else {
        return false;
    };
    let object = toks.get(..to).unwrap_or(&[]);
    let verb = toks.get(to + 1).is_some_and(|t| {
        let w = word(text, t);
        !is_cap(w) && demarche_text::english::get().known_lemma(w) == Some(w)
    });
    to > 0 && verb && !is_clause(text, object)
}
