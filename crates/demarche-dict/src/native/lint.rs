//! `demarche dict lint`: checks a native dictionary set beyond what reading checks.
//!
//! Problems: everything the readers report (syntax, unknown CAMEO event codes, unknown noun
//! sets, bad `policy.txt` lines); duplicate and conflicting verbs, patterns, agent names, actor
//! names and discards; patterns that can never fire because identical earlier patterns match
//! first; malformed or unknown actor codes (checked against `actor_codes.txt`, our table of
//! country, region, role and organisation-type codes); inverted and overlapping date ranges in
//! a person's roles; noun sets that no pattern uses.

use super::{NativeSet, VerbLine};
use crate::model::*;
use demarche_model::{Date, Diagnostic};
use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::sync::OnceLock;

const CODE_TABLE: &str = include_str!("actor_codes.txt");

/// One problem, printed as `file:line: message`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    pub file: String,
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{}: {}", self.file, l, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

fn at(origin: &Origin, message: String) -> Problem {
    Problem {
        file: origin.file.to_string(),
        line: Some(origin.line),
        message,
    }
}

/// All problems of a set, sorted by file and line. `read_diagnostics` are the reader's
/// diagnostics for the same set; they are problems too.
pub fn lint(set: &NativeSet, read_diagnostics: &[Diagnostic]) -> Vec<Problem> {
    let mut out: Vec<Problem> = read_diagnostics
        .iter()
        .map(|d| Problem {
            file: d.file.clone(),
            line: d.line,
            message: match d.severity {
                demarche_model::Severity::Warning => format!("warning: {}", d.message),
                demarche_model::Severity::Error => d.message.clone(),
            },
        })
        .collect();
    lint_verbs(set, &mut out);
    lint_sets(set, &mut out);
    lint_agents(set, &mut out);
    lint_actors(set, &mut out);
    lint_discards(set, &mut out);
    out.sort_by(|a, b| {
        (a.file.as_str(), a.line, a.message.as_str()).cmp(&(
            b.file.as_str(),
            b.line,
            b.message.as_str(),
        ))
    });
    out.dedup();
    out
}

fn verb_name(v: &VerbLine) -> String {
    v.words.join(" ").to_lowercase()
}

fn lint_verbs(set: &NativeSet, out: &mut Vec<Problem>) {
    for m in set.merged_verbs() {
        // Verb lines: the bare verb's code given twice.
        let mut coded: Option<&VerbLine> = None;
        for v in &m.lines {
            if v.code.is_null() {
                continue;
            }
            match coded {
                None => coded = Some(v),
                Some(first) if first.code == v.code => out.push(at(
                    &v.origin,
                    format!(
                        "duplicate verb `{}` with code {} (also at {})",
                        verb_name(v),
                        v.code,
                        first.origin
                    ),
                )),
                Some(first) => out.push(at(
                    &v.origin,
                    format!(
                        "conflicting codes for verb `{}`: {} here, {} at {}",
                        verb_name(v),
                        v.code,
                        first.code,
                        first.origin
                    ),
                )),
            }
        }
        // Patterns: each expanded to the word sequences it stands for.
        let mut seen: HashMap<String, (&Origin, &VerbCode)> = HashMap::new();
        for p in &m.patterns {
            let Some(alternatives) = expand(set, &p.tokens) else {
                continue;
            };
            let mut covered_by: BTreeSet<&Origin> = BTreeSet::new();
            let mut conflict_reported = false;
            let mut covered = 0;
            for alt in &alternatives {
                match seen.get(alt) {
                    Some((origin, code)) if *origin == &p.origin => {
                        let _ = code;
                    }
                    Some((origin, code)) => {
                        if *code != &p.code {
                            if !conflict_reported {
                                out.push(at(
                                    &p.origin,
                                    format!(
                                        "conflicting codes for pattern `{}` of verb `{}`: {} here, {} at {}",
                                        alt,
                                        verb_name(m.first),
                                        p.code,
                                        code,
                                        origin
                                    ),
                                ));
                                conflict_reported = true;
                            }
                        } else {
                            covered += 1;
                            covered_by.insert(origin);
                        }
                    }
                    None => {
                        seen.insert(alt.clone(), (&p.origin, &p.code));
                    }
                }
            }
            if !alternatives.is_empty() && covered == alternatives.len() {
                let firsts: Vec<String> = covered_by.iter().map(|o| o.to_string()).collect();
                out.push(at(
                    &p.origin,
                    format!(
                        "unreachable pattern `{}` of verb `{}`: identical earlier pattern at {}",
                        p.written,
                        verb_name(m.first),
                        firsts.join(", ")
                    ),
                ));
            }
        }
    }
}

/// The word sequences a pattern matches, with sets expanded; `None` when there are too many to
/// compare (the check is skipped for that pattern rather than taking long).
fn expand(set: &NativeSet, tokens: &[PatternToken]) -> Option<Vec<String>> {
    const LIMIT: usize = 5000;
    let mut acc = vec![String::new()];
    for t in tokens {
        let alts = item_alternatives(set, &t.item)?;
        if acc.len() * alts.len() > LIMIT {
            return None;
        }
        let mut next = Vec::with_capacity(acc.len() * alts.len());
        for a in &acc {
            for b in &alts {
                next.push(if a.is_empty() {
                    b.clone()
                } else {
                    format!("{a} {b}")
                });
            }
        }
        acc = next;
    }
    Some(acc)
}

fn item_alternatives(set: &NativeSet, item: &PatternItem) -> Option<Vec<String>> {
    Some(match item {
        PatternItem::Verb => vec!["*".into()],
        PatternItem::Word(w) => vec![w.to_lowercase()],
        PatternItem::Synset(id) => set
            .sets
            .get(id.0 as usize)?
            .members
            .iter()
            .map(|p| p.words.join(" ").to_lowercase())
            .collect(),
        PatternItem::Source => vec!["$".into()],
        PatternItem::Target => vec!["+".into()],
        PatternItem::Compound => vec!["%".into()],
        PatternItem::Skip => vec!["^".into()],
        PatternItem::NounPhrase(items) => {
            let tokens: Vec<PatternToken> = items
                .iter()
                .map(|i| PatternToken {
                    item: i.clone(),
                    joined: false,
                })
                .collect();
            expand(set, &tokens)?
                .into_iter()
                .map(|s| format!("{{{s}}}"))
                .collect()
        }
        PatternItem::PrepPhrase {
            preposition,
            object,
        } => {
            let preps = item_alternatives(set, preposition)?;
            let tokens: Vec<PatternToken> = object
                .iter()
                .map(|i| PatternToken {
                    item: i.clone(),
                    joined: false,
                })
                .collect();
            let objects = expand(set, &tokens)?;
            let mut v = Vec::new();
            for p in &preps {
                for o in &objects {
                    v.push(if o.is_empty() {
                        format!("({p})")
                    } else {
                        format!("({p} {o})")
                    });
                }
            }
            v
        }
    })
}

fn lint_sets(set: &NativeSet, out: &mut Vec<Problem>) {
    let mut used = vec![false; set.sets.len()];
    fn mark(item: &PatternItem, used: &mut [bool]) {
        match item {
            PatternItem::Synset(id) => {
                if let Some(u) = used.get_mut(id.0 as usize) {
                    *u = true;
                }
            }
            PatternItem::NounPhrase(items) => items.iter().for_each(|i| mark(i, used)),
            PatternItem::PrepPhrase {
                preposition,
                object,
            } => {
                mark(preposition, used);
                object.iter().for_each(|i| mark(i, used));
            }
            _ => {}
        }
    }
    for g in &set.verb_groups {
        for p in &g.patterns {
            for t in &p.tokens {
                mark(&t.item, &mut used);
            }
        }
    }
    for (s, used) in set.sets.iter().zip(used) {
        if !used {
            out.push(at(
                &s.origin,
                format!("noun set `&{}` is never used", s.name.to_lowercase()),
            ));
        }
        let mut seen = BTreeSet::new();
        for m in &s.members {
            let text = m.words.join(" ").to_lowercase();
            if !seen.insert(text.clone()) {
                out.push(at(
                    &s.origin,
                    format!(
                        "duplicate member `{text}` in noun set `&{}`",
                        s.name.to_lowercase()
                    ),
                ));
            }
        }
    }
}

fn lint_agents(set: &NativeSet, out: &mut Vec<Problem>) {
    let mut seen: HashMap<String, &AgentEntry> = HashMap::new();
    for a in &set.agents {
        // An agent code is a role (`GOV`), possibly followed by more roles or a group's code
        // (`CHRCTH`, `GOVFRM`): the first three letters must be a role we know.
        let first = a.code.get(..3).unwrap_or("");
        if !a.code.len().is_multiple_of(3) || !codes().roles.contains(first) {
            out.push(at(
                &a.origin,
                format!(
                    "unknown agent code `{}` (expected a CAMEO role code from our table, e.g. GOV, MIL, REB)",
                    a.code
                ),
            ));
        }
        for f in &a.forms {
            let text = f.words.join(" ").to_lowercase();
            match seen.get(&text) {
                None => {
                    seen.insert(text, a);
                }
                Some(first) if first.code == a.code && first.placement == a.placement => {
                    out.push(at(
                        &a.origin,
                        format!("duplicate agent name `{text}` (also at {})", first.origin),
                    ))
                }
                Some(first) => out.push(at(
                    &a.origin,
                    format!(
                        "conflicting codes for agent name `{text}`: {} here, {} at {}",
                        a.code, first.code, first.origin
                    ),
                )),
            }
        }
    }
}

/// Our table of valid actor-code parts.
struct CodeTable {
    countries: BTreeSet<&'static str>,
    regions: BTreeSet<&'static str>,
    roles: BTreeSet<&'static str>,
    prefixes: BTreeSet<&'static str>,
}

fn codes() -> &'static CodeTable {
    static TABLE: OnceLock<CodeTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = CodeTable {
            countries: BTreeSet::new(),
            regions: BTreeSet::new(),
            roles: BTreeSet::new(),
            prefixes: BTreeSet::new(),
        };
        for line in CODE_TABLE.lines() {
            let line = line.split('#').next().unwrap_or("");
            let mut parts = line.split_whitespace();
            let (Some(kind), Some(code)) = (parts.next(), parts.next()) else {
                continue;
            };
            match kind {
                "country" => t.countries.insert(code),
                "region" => t.regions.insert(code),
                "role" => t.roles.insert(code),
                "prefix" => t.prefixes.insert(code),
                _ => false,
            };
        }
        t
    })
}

/// Checks one actor code against our table; `Err` says what is wrong.
pub fn check_actor_code(code: &str) -> Result<(), String> {
    let t = codes();
    if code.is_empty()
        || !code.len().is_multiple_of(3)
        || !code.bytes().all(|b| b.is_ascii_uppercase())
    {
        return Err(format!(
            "malformed actor code `{code}`: expected groups of three capital letters (`CHN`, `RUSGOV`)"
        ));
    }
    let segs: Vec<&str> = (0..code.len() / 3)
        .filter_map(|i| code.get(i * 3..i * 3 + 3))
        .collect();
    let Some(first) = segs.first() else {
        return Err(format!("malformed actor code `{code}`"));
    };
    if t.prefixes.contains(first) {
        // IGO/NGO/... codes continue with group codes, which are too many to list.
        return Ok(());
    }
    // A territory's code is its parent's plus three letters (`USAASM`); roles may follow it.
    let rest_from = if segs.len() >= 2 && t.countries.contains(code.get(..6).unwrap_or("")) {
        2
    } else if t.countries.contains(first) || t.regions.contains(first) {
        1
    } else {
        return Err(format!(
            "unknown actor code `{code}`: `{first}` is not a country, region or organisation-type code in our table"
        ));
    };
    // The part after the country (or region) starts with a role (`GOV`, `REB`); what follows a
    // role may be another role or a group's own code (`PSEREBHMS`, `LBNUAFHEZ`), which CAMEO
    // does not list exhaustively.
    if let Some(s) = segs.get(rest_from)
        && !t.roles.contains(s)
    {
        return Err(format!("unknown role code `{s}` in actor code `{code}`"));
    }
    Ok(())
}

fn codes_text(e: &ActorEntry) -> String {
    let mut parts: Vec<String> = e.dated.iter().map(|d| d.codes.written.clone()).collect();
    if let Some(d) = &e.default_codes {
        parts.push(d.written.clone());
    }
    parts.join("/")
}

fn span(r: &DateRestriction) -> (Option<Date>, Option<Date>) {
    match *r {
        DateRestriction::Before(d) => (None, Some(d)),
        DateRestriction::After(d) => (Some(d), None),
        DateRestriction::Between(a, b) => (Some(a), Some(b)),
    }
}

fn range_text(r: &DateRestriction) -> String {
    let (a, b) = span(r);
    let f = |d: Option<Date>| d.map(|d| d.to_string()).unwrap_or_default();
    format!("{}..{}", f(a), f(b))
}

fn lint_actors(set: &NativeSet, out: &mut Vec<Problem>) {
    let mut seen: HashMap<String, &ActorEntry> = HashMap::new();
    for e in &set.actors {
        let all_codes = e
            .dated
            .iter()
            .map(|d| &d.codes)
            .chain(e.default_codes.as_ref());
        for c in all_codes {
            for code in &c.codes {
                if let Err(m) = check_actor_code(code) {
                    out.push(at(&c.origin, m));
                }
            }
        }
        for (i, d) in e.dated.iter().enumerate() {
            let (a, b) = span(&d.restriction);
            if let (Some(a), Some(b)) = (a, b)
                && a > b
            {
                out.push(at(
                    &d.codes.origin,
                    format!("inverted date range {}", range_text(&d.restriction)),
                ));
                continue;
            }
            for earlier in e.dated.iter().take(i) {
                let (c, dd) = span(&earlier.restriction);
                let start = a.max(c);
                let end = match (b, dd) {
                    (Some(x), Some(y)) => Some(x.min(y)),
                    (x, None) => x,
                    (None, y) => y,
                };
                // Both ends are included, so a role that ends on the day the next begins
                // shares that one day: the handover day, which is allowed (the earlier line
                // wins it). A longer overlap is a problem.
                let handover = matches!((b, c), (Some(x), Some(y)) if x == y)
                    || matches!((dd, a), (Some(x), Some(y)) if x == y);
                let overlaps = !handover
                    && match (start, end) {
                        (Some(s), Some(t)) => s <= t,
                        _ => true,
                    };
                if overlaps && !matches!(span(&earlier.restriction), (Some(x), Some(y)) if x > y) {
                    out.push(at(
                        &d.codes.origin,
                        format!(
                            "role {} overlaps role {} at {}",
                            range_text(&d.restriction),
                            range_text(&earlier.restriction),
                            earlier.codes.origin
                        ),
                    ));
                }
            }
        }
        let mut own = BTreeSet::new();
        for p in &e.phrases {
            let text = p.phrase.words.join(" ").to_lowercase();
            if !own.insert(text.clone()) {
                out.push(at(
                    &p.origin,
                    format!("name `{text}` is listed twice in the same entry"),
                ));
                continue;
            }
            match seen.get(&text) {
                None => {
                    seen.insert(text, e);
                }
                Some(first) if codes_text(first) == codes_text(e) => out.push(at(
                    &p.origin,
                    format!("duplicate actor name `{text}` (also at {})", first.origin),
                )),
                Some(first) => out.push(at(
                    &p.origin,
                    format!(
                        "conflicting codes for actor name `{text}`: {} here, {} at {}",
                        codes_text(e),
                        codes_text(first),
                        first.origin
                    ),
                )),
            }
        }
    }
}

fn lint_discards(set: &NativeSet, out: &mut Vec<Problem>) {
    let mut seen: HashMap<&str, &DiscardEntry> = HashMap::new();
    for d in &set.discards {
        match seen.get(d.text.as_str()) {
            None => {
                seen.insert(&d.text, d);
            }
            Some(first) => out.push(at(
                &d.origin,
                format!(
                    "duplicate discard `{}` (also at {})",
                    d.text.to_lowercase(),
                    first.origin
                ),
            )),
        }
    }
}
