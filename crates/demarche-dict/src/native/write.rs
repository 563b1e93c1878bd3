//! The converter's writers: a compiled [`Dictionaries`] written in our format or in the
//! PETRARCH formats.
//!
//! Both writers work from the compiled model, so any reader's output can be written by either:
//! PETRARCH → native is "PETRARCH readers, then [`to_native`]"; native → PETRARCH is
//! "[`super::read_sources`], compile, then [`to_petrarch`]". What a target format cannot say is
//! listed in [`Converted::notes`] instead of being dropped silently.

use crate::Dictionaries;
use crate::model::*;
use crate::words::plural_phrase;
use demarche_model::Date;
use std::fmt::Write as _;

/// Written files, `(relative path, content)`, and what could not be carried over.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Converted {
    pub files: Vec<(String, String)>,
    pub notes: Vec<String>,
}

fn lower_words(p: &Phrase) -> String {
    p.words.join(" ").to_lowercase()
}

fn set_name(name: &str) -> String {
    name.replace('_', "-").to_lowercase()
}

fn native_item(item: &PatternItem, dict: &Dictionaries) -> String {
    match item {
        PatternItem::Verb => "*".into(),
        PatternItem::Word(w) => w.to_lowercase(),
        PatternItem::Synset(id) => match dict.verbs.synset(*id) {
            Some(s) => format!("&{}", set_name(&s.name)),
            None => "&undefined".into(),
        },
        PatternItem::Source => "$".into(),
        PatternItem::Target => "+".into(),
        PatternItem::Compound => "%".into(),
        PatternItem::Skip => "^".into(),
        PatternItem::NounPhrase(items) => {
            let inner: Vec<String> = items.iter().map(|i| native_item(i, dict)).collect();
            format!("{{{}}}", inner.join(" "))
        }
        PatternItem::PrepPhrase {
            preposition,
            object,
        } => {
            let prep = native_item(preposition, dict);
            let obj: Vec<String> = object.iter().map(|i| native_item(i, dict)).collect();
            match obj.len() {
                0 => format!("({prep})"),
                1 => format!("({prep} {})", obj.join(" ")),
                // Our prepositional phrases take one object; several words become one phrase.
                _ => format!("({prep} {{{}}})", obj.join(" ")),
            }
        }
    }
}

fn verb_phrase_native(v: &VerbEntry) -> String {
    let Some(base) = v.forms.first() else {
        return v.written.to_lowercase();
    };
    let multi = base.words.len() > 1;
    let mut parts = Vec::new();
    for (i, w) in base.words.iter().enumerate() {
        let mut s = String::new();
        if multi && i == base.verb_word {
            s.push('+');
        }
        s.push_str(&w.to_lowercase());
        if i == base.verb_word && v.irregular {
            let forms: Vec<String> = v
                .forms
                .iter()
                .skip(1)
                .map(|f| f.verb().to_lowercase())
                .collect();
            if !forms.is_empty() {
                s.push_str(&format!(" ({})", forms.join(" ")));
            }
        }
        parts.push(s);
    }
    parts.join(" ")
}

fn pad(out: &mut String, body: &str, code: &str) {
    let _ = writeln!(
        out,
        "{body:<40}{}{code}",
        if body.len() >= 40 { " " } else { "" }
    );
}

/// Our format: `verbs/converted.txt`, `agents.txt`, `actors/converted.txt`, `discards.txt`
/// (only the parts that have entries).
pub fn to_native(dict: &Dictionaries) -> Converted {
    let mut c = Converted::default();
    let v = &dict.verbs;
    if !v.blocks.is_empty() || !v.synsets.is_empty() {
        let mut out = String::from("# Converted by `demarche dict convert`.\n\n");
        for s in &v.synsets {
            let mut members = Vec::new();
            for m in &s.members {
                match m {
                    SynsetMember::Phrase { phrase, .. } => members.push(phrase.clone()),
                    SynsetMember::Synset { name, .. } => {
                        // Nested sets are flattened: our sets hold phrases only.
                        if let Some(inner) = v.synset_named(name).and_then(|id| v.synset(id)) {
                            for im in &inner.members {
                                if let SynsetMember::Phrase { phrase, .. } = im {
                                    members.push(phrase.clone());
                                }
                            }
                        }
                    }
                }
            }
            let written: Vec<String> = members
                .iter()
                .map(|p| {
                    if p.words.len() > 1 {
                        format!("{{{}}}", lower_words(p))
                    } else {
                        lower_words(p)
                    }
                })
                .collect();
            if written.is_empty() {
                c.notes.push(format!(
                    "synset &{} has no phrase members; left out",
                    s.name
                ));
                continue;
            }
            let _ = writeln!(out, "&{} = {}", set_name(&s.name), written.join(" | "));
        }
        for b in &v.blocks {
            let verbs: Vec<&VerbEntry> = b.verbs.iter().filter_map(|id| v.verb(*id)).collect();
            if verbs.is_empty() {
                if !b.patterns.is_empty() {
                    c.notes.push(format!(
                        "verb block `{}` has patterns but no verbs; left out",
                        b.name
                    ));
                }
                continue;
            }
            // A PETRARCH block's patterns apply to all its verbs; in our format patterns belong
            // to the verb line above them, so verbs with the same code share one `|` line and
            // each line is followed by the block's patterns.
            let mut lines: Vec<(String, Vec<String>)> = Vec::new();
            for ve in verbs {
                let code = ve.code.as_ref().unwrap_or(&b.code).to_string();
                match lines.iter_mut().find(|(c, _)| *c == code) {
                    Some((_, names)) => names.push(verb_phrase_native(ve)),
                    None => lines.push((code, vec![verb_phrase_native(ve)])),
                }
            }
            let mut pattern_lines = String::new();
            for pid in &b.patterns {
                let Some(p) = v.pattern(*pid) else { continue };
                let body: Vec<String> = p
                    .tokens
                    .iter()
                    .map(|t| native_item(&t.item, dict))
                    .collect();
                let mut line = format!("    {}", body.join(" "));
                let code = p.code.to_string();
                line = format!(
                    "{line:<40}{}{code}",
                    if line.len() >= 40 { " " } else { "" }
                );
                if let Some(comment) = &p.comment {
                    line.push_str(&format!("    # {comment}"));
                }
                pattern_lines.push_str(&line);
                pattern_lines.push('\n');
            }
            out.push('\n');
            for (code, names) in &lines {
                pad(&mut out, &names.join(" | "), code);
                out.push_str(&pattern_lines);
            }
        }
        let joined = v
            .patterns
            .iter()
            .filter(|p| p.tokens.iter().any(|t| t.joined))
            .count();
        if joined > 0 {
            c.notes.push(format!(
                "{joined} pattern(s) join words with `_` (consecutive words); our patterns write them with blanks"
            ));
        }
        if !v.transformations.is_empty() {
            c.notes.push(format!(
                "{} transformation(s) have no equivalent in our format; left out",
                v.transformations.len()
            ));
        }
        c.files.push(("verbs/converted.txt".into(), out));
    }
    if !dict.agents.entries.is_empty() {
        let mut out = String::from("# Converted by `demarche dict convert`.\n\n");
        for a in &dict.agents.entries {
            let head = match a.placement {
                AgentPlacement::Suffix => a.code.to_uppercase(),
                AgentPlacement::Prefix => format!("prefix {}", a.code.to_uppercase()),
            };
            let mut names = Vec::new();
            let mut forms = a.forms.iter();
            if let Some(first) = forms.next() {
                let rest: Vec<&Phrase> = forms.collect();
                let regular = plural_phrase(first);
                match rest.first() {
                    None => names.push(format!("{} (-)", lower_words(first))),
                    Some(p) if Some(*p) == regular.as_ref() => names.push(lower_words(first)),
                    Some(p) => names.push(format!("{} ({})", lower_words(first), lower_words(p))),
                }
                // Forms beyond singular and plural (substitution sets) become names of their own.
                for extra in rest.iter().skip(1) {
                    names.push(format!("{} (-)", lower_words(extra)));
                }
            }
            if !names.is_empty() {
                let _ = writeln!(out, "{head} = {}", names.join(" | "));
            }
        }
        c.files.push(("agents.txt".into(), out));
    }
    if !dict.actors.entries.is_empty() {
        let mut out = String::from("# Converted by `demarche dict convert`.\n\n");
        for e in &dict.actors.entries {
            let names: Vec<String> = e
                .phrases
                .iter()
                .map(|p| p.phrase.words.join(" "))
                .filter(|n| !n.contains(['|', '=']))
                .collect();
            if names.is_empty() {
                continue;
            }
            let code_of = |c: &ActorCodes| {
                if c.is_null() {
                    "---".to_string()
                } else {
                    c.codes.join("/").to_uppercase()
                }
            };
            if e.dated.is_empty() {
                let code = e
                    .default_codes
                    .as_ref()
                    .map(code_of)
                    .unwrap_or_else(|| "---".into());
                let _ = writeln!(out, "{code} = {}", names.join(" | "));
            } else {
                let _ = writeln!(out, "{}", names.join(" | "));
                for d in &e.dated {
                    let range = match d.restriction {
                        DateRestriction::Before(t) => format!("..{t}"),
                        DateRestriction::After(f) => format!("{f}.."),
                        DateRestriction::Between(f, t) => format!("{f}..{t}"),
                    };
                    let _ = writeln!(out, "    {range:<24}{}", code_of(&d.codes));
                }
                if let Some(d) = &e.default_codes {
                    let _ = writeln!(out, "    {:<24}{}", "..", code_of(d));
                }
            }
        }
        c.files.push(("actors/converted.txt".into(), out));
    }
    if !dict.discards.entries.is_empty() {
        let mut out = String::from("# Converted by `demarche dict convert`.\n\n");
        for d in &dict.discards.entries {
            let scope = match d.scope {
                DiscardScope::Sentence => "sentence",
                DiscardScope::Story => "story",
            };
            let stem = if d.whole_word { "" } else { "*" };
            let _ = writeln!(out, "{scope}: {}{stem}", d.text.to_lowercase());
        }
        c.files.push(("discards.txt".into(), out));
    }
    if !dict.issues.is_empty() {
        c.notes.push(format!(
            "{} issue phrase(s): our format has no issues file; left out",
            dict.issues.len()
        ));
    }
    c
}

fn petrarch_item(item: &PatternItem, dict: &Dictionaries) -> String {
    match item {
        PatternItem::Verb => "*".into(),
        PatternItem::Word(w) => w.to_uppercase(),
        PatternItem::Synset(id) => match dict.verbs.synset(*id) {
            Some(s) => format!("&{}", s.name),
            None => "&UNDEFINED".into(),
        },
        PatternItem::Source => "$".into(),
        PatternItem::Target => "+".into(),
        PatternItem::Compound => "%".into(),
        PatternItem::Skip => "^".into(),
        PatternItem::NounPhrase(items) => {
            let inner: Vec<String> = items.iter().map(|i| petrarch_item(i, dict)).collect();
            format!("{{{}}}", inner.join(" "))
        }
        PatternItem::PrepPhrase {
            preposition,
            object,
        } => {
            let mut parts = vec![petrarch_item(preposition, dict)];
            parts.extend(object.iter().map(|i| petrarch_item(i, dict)));
            format!("({})", parts.join(" "))
        }
    }
}

fn petrarch_form(f: &VerbForm) -> String {
    let multi = f.words.len() > 1;
    f.words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            if multi && i == f.verb_word {
                format!("+{w}")
            } else {
                w.clone()
            }
        })
        .collect::<Vec<_>>()
        .join("_")
}

fn underscored(p: &Phrase) -> String {
    p.words.join("_")
}

fn petrarch_date(d: Date) -> String {
    d.format("%Y%m%d").to_string()
}

/// The PETRARCH formats: `demarche.verbs.txt` (PETRARCH-2 patterns), `demarche.actors.txt`,
/// `demarche.agents.txt`, `demarche.discards.txt` (only the parts that have entries).
pub fn to_petrarch(dict: &Dictionaries) -> Converted {
    let mut c = Converted::default();
    let v = &dict.verbs;
    if !v.blocks.is_empty() {
        let mut out =
            String::from("# Converted by `demarche dict convert` from demarche's own format.\n\n");
        for s in &v.synsets {
            let _ = writeln!(out, "&{}", s.name);
            for m in &s.members {
                match m {
                    SynsetMember::Phrase { phrase, .. } => {
                        let _ = writeln!(out, "+{}", underscored(phrase));
                    }
                    SynsetMember::Synset { name, .. } => {
                        let _ = writeln!(out, "+&{name}");
                    }
                }
            }
            out.push('\n');
        }
        for b in &v.blocks {
            let _ = writeln!(out, "---  {}   [{}]  ---", b.name, b.code);
            for id in &b.verbs {
                let Some(ve) = v.verb(*id) else { continue };
                let Some(base) = ve.forms.first() else {
                    continue;
                };
                let mut line = petrarch_form(base);
                if ve.irregular {
                    let rest: Vec<String> = ve.forms.iter().skip(1).map(petrarch_form).collect();
                    line.push_str(&format!(" {{{}}}", rest.join(" ")));
                }
                if let Some(code) = &ve.code {
                    line.push_str(&format!(" [{code}]"));
                }
                let _ = writeln!(out, "{line}");
            }
            for pid in &b.patterns {
                let Some(p) = v.pattern(*pid) else { continue };
                let body: Vec<String> = p
                    .tokens
                    .iter()
                    .map(|t| petrarch_item(&t.item, dict))
                    .collect();
                let mut line = format!("- {}", body.join(" "));
                line = format!("{line:<50} [{}]", p.code);
                if let Some(comment) = &p.comment {
                    line.push_str(&format!("  # {comment}"));
                }
                let _ = writeln!(out, "{line}");
            }
            out.push('\n');
        }
        c.files.push(("demarche.verbs.txt".into(), out));
    }
    if !dict.actors.entries.is_empty() {
        let mut out =
            String::from("# Converted by `demarche dict convert` from demarche's own format.\n\n");
        for e in &dict.actors.entries {
            let mut phrases = e.phrases.iter();
            let Some(first) = phrases.next() else {
                continue;
            };
            let mut line = underscored(&first.phrase);
            if let Some(d) = &e.default_codes {
                line.push_str(&format!(" [{}]", d.written));
            }
            let _ = writeln!(out, "{line}");
            for p in phrases {
                let _ = writeln!(out, "+{}", underscored(&p.phrase));
            }
            for d in &e.dated {
                let r = match d.restriction {
                    DateRestriction::Before(t) => format!("<{}", petrarch_date(t)),
                    DateRestriction::After(f) => format!(">{}", petrarch_date(f)),
                    DateRestriction::Between(f, t) => {
                        format!("{}-{}", petrarch_date(f), petrarch_date(t))
                    }
                };
                let _ = writeln!(out, "\t[{} {r}]", d.codes.written);
            }
        }
        c.files.push(("demarche.actors.txt".into(), out));
    }
    if !dict.agents.entries.is_empty() {
        let mut out =
            String::from("# Converted by `demarche dict convert` from demarche's own format.\n\n");
        for a in &dict.agents.entries {
            let code = match a.placement {
                AgentPlacement::Suffix => format!("~{}", a.code),
                AgentPlacement::Prefix => format!("{}~", a.code),
            };
            let Some(first) = a.forms.first() else {
                continue;
            };
            let plural = match a.forms.get(1) {
                None => " {}".to_string(),
                Some(p) if Some(p) == plural_phrase(first).as_ref() => String::new(),
                Some(p) => format!(" {{{}}}", underscored(p)),
            };
            let _ = writeln!(out, "{}{plural} [{code}]", underscored(first));
            for extra in a.forms.iter().skip(2) {
                let _ = writeln!(out, "{} {{}} [{code}]", underscored(extra));
            }
        }
        c.files.push(("demarche.agents.txt".into(), out));
    }
    if !dict.discards.entries.is_empty() {
        let mut out =
            String::from("# Converted by `demarche dict convert` from demarche's own format.\n\n");
        for d in &dict.discards.entries {
            let story = if d.scope == DiscardScope::Story {
                "+"
            } else {
                ""
            };
            let end = if d.whole_word { "_" } else { "" };
            let _ = writeln!(out, "{story}{}{end}", d.text);
        }
        c.files.push(("demarche.discards.txt".into(), out));
    }
    c
}
