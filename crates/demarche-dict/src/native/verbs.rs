//! Reader for our verb files (`verbs/*.txt`): noun sets, verb lines and pattern lines.
//!
//! ```text
//! &crime = corruption | fraud | {money laundering}      # a noun set, usable as `&crime`
//!
//! accuse | charge                        112            # verb line: verbs sharing patterns
//!     * (of &crime)                       1121           # pattern line: for the line above
//! +speak (speaks spoke spoken speaking) highly of   051  # multi-word verb, irregular forms
//! ```
//!
//! Sets are collected from every verb file before any pattern is read, so a pattern may use a
//! set defined in another file (`00-sets.txt` holds the shared ones).

use super::text::{FileCtx, Line, fold_quotes, is_word_char, lines, parse_verb_code};
use super::{NounSet, PatternLine, VerbGroup, VerbLine};
use crate::model::*;
use demarche_model::Diagnostic;
use std::collections::BTreeMap;

/// Reads the sets, then the verb groups, of all verb files (in the order given).
pub(crate) fn read_verb_files(
    files: &[(&str, &str)],
    sets: &mut Vec<NounSet>,
    groups: &mut Vec<VerbGroup>,
    diags: &mut Vec<Diagnostic>,
) {
    let parsed: Vec<(FileCtx, Vec<Line<'_>>)> = files
        .iter()
        .map(|(name, content)| (FileCtx::new(name), lines(content)))
        .collect();
    // Pass 1: sets.
    let mut by_name: BTreeMap<String, SynsetId> = BTreeMap::new();
    for (ctx, ls) in &parsed {
        for line in ls.iter().filter(|l| !l.indented && l.text.starts_with('&')) {
            if let Some(set) = read_set(ctx, line, diags) {
                if let Some(first) = by_name.get(&set.name) {
                    let prev = sets.get(first.0 as usize).map(|s| s.origin.to_string());
                    diags.push(ctx.error(
                        line.number,
                        format!(
                            "noun set `&{}` is defined twice (first at {})",
                            set.name.to_lowercase(),
                            prev.unwrap_or_default()
                        ),
                    ));
                    continue;
                }
                by_name.insert(set.name.clone(), SynsetId(sets.len() as u32));
                sets.push(set);
            }
        }
    }
    // Pass 2: verbs and patterns.
    for (ctx, ls) in &parsed {
        let mut current: Option<VerbGroup> = None;
        for line in ls {
            if !line.indented && line.text.starts_with('&') {
                continue;
            }
            if line.indented {
                let Some(group) = current.as_mut() else {
                    diags.push(ctx.error(
                        line.number,
                        "pattern line before any verb line; expected a verb line at the start of the line first",
                    ));
                    continue;
                };
                match read_pattern(ctx, line, &by_name) {
                    Ok(p) => group.patterns.push(p),
                    Err(d) => diags.push(d),
                }
                continue;
            }
            let verbs = match read_verb_line(ctx, line) {
                Ok(v) => v,
                Err(d) => {
                    diags.push(d);
                    continue;
                }
            };
            // Every verb line starts a group: its patterns are the indented lines below it.
            // (Synonyms that share patterns are written on one line, separated by `|`.)
            if let Some(g) = current.take() {
                groups.push(g);
            }
            current = Some(VerbGroup {
                verbs,
                patterns: Vec::new(),
            });
        }
        if let Some(g) = current.take() {
            groups.push(g);
        }
    }
}

fn read_set(ctx: &FileCtx, line: &Line<'_>, diags: &mut Vec<Diagnostic>) -> Option<NounSet> {
    let Some((name, members)) = line.text.split_once('=') else {
        diags.push(ctx.error(
            line.number,
            "expected a noun set as `&name = member | member`, found no `=`",
        ));
        return None;
    };
    let name = name.trim().trim_start_matches('&');
    if name.is_empty() || !name.chars().all(|c| c.is_alphanumeric() || c == '-') {
        diags.push(ctx.error(
            line.number,
            format!("expected a set name of letters, digits and `-` after `&`, found `{name}`"),
        ));
        return None;
    }
    let mut phrases = Vec::new();
    let errors_before = diags.len();
    for m in members.split('|') {
        let m = m.trim();
        let inner = m
            .strip_prefix('{')
            .and_then(|x| x.strip_suffix('}'))
            .unwrap_or(m);
        let words: Vec<&str> = inner.split_whitespace().collect();
        if words.is_empty() {
            diags.push(ctx.error(
                line.number,
                "empty member in noun set; expected a word or `{words}` between `|`",
            ));
            continue;
        }
        if words.len() > 1 && !m.starts_with('{') {
            diags.push(ctx.error(
                line.number,
                format!("set member `{m}` has several words; write it as `{{{m}}}`"),
            ));
            continue;
        }
        if let Some(bad) = words.iter().find(|w| !w.chars().all(is_word_char)) {
            diags.push(ctx.error(
                line.number,
                format!("unexpected character in set member `{bad}`"),
            ));
            continue;
        }
        phrases.push(Phrase::from_words(words.iter().map(|w| fold_quotes(w))));
    }
    if phrases.is_empty() {
        if diags.len() == errors_before {
            diags.push(ctx.error(line.number, "noun set has no members after `=`"));
        }
        return None;
    }
    Some(NounSet {
        name: name.to_uppercase(),
        members: phrases,
        origin: ctx.origin(line.number),
    })
}

/// Splits the trailing code token off a line: `(body, code)`.
fn split_code<'a>(ctx: &FileCtx, line: &Line<'a>) -> Result<(&'a str, VerbCode), Diagnostic> {
    let text = line.text;
    // The last white space may be any Unicode space, so split at its char boundaries.
    let last_space = text.char_indices().rev().find(|(_, c)| c.is_whitespace());
    let (body, code) = match last_space {
        Some((i, c)) => (
            text.get(..i).unwrap_or("").trim_end(),
            text.get(i + c.len_utf8()..).unwrap_or(""),
        ),
        None => ("", text),
    };
    if body.is_empty() {
        return Err(ctx.error(
            line.number,
            format!(
                "expected a verb or pattern followed by a CAMEO code or `---`, found only `{text}`"
            ),
        ));
    }
    let code = parse_verb_code(code).map_err(|m| ctx.error(line.number, m))?;
    Ok((body, code))
}

/// A verb line: one or more verb phrases separated by `|`, then the code.
fn read_verb_line(ctx: &FileCtx, line: &Line<'_>) -> Result<Vec<VerbLine>, Diagnostic> {
    let (body, code) = split_code(ctx, line)?;
    let mut out = Vec::new();
    for alt in body.split('|') {
        out.push(read_verb_phrase(ctx, line, alt.trim(), &code)?);
    }
    Ok(out)
}

fn read_verb_phrase(
    ctx: &FileCtx,
    line: &Line<'_>,
    text: &str,
    code: &VerbCode,
) -> Result<VerbLine, Diagnostic> {
    let bad = |m: String| ctx.error(line.number, m);
    if text.is_empty() {
        return Err(bad("empty verb between `|`; expected a verb".into()));
    }
    let mut words: Vec<String> = Vec::new();
    let mut marked: Option<usize> = None;
    let mut forms: Option<(usize, Vec<String>)> = None;
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c.is_whitespace() {
            rest = rest.trim_start();
            continue;
        }
        if c == '(' {
            let Some(close) = rest.find(')') else {
                return Err(bad(format!(
                    "unbalanced `(` in verb `{text}`; expected `)` after the forms"
                )));
            };
            let Some(last) = words.len().checked_sub(1) else {
                return Err(bad(format!(
                    "forms `(...)` must follow the verb word in `{text}`"
                )));
            };
            if forms.is_some() {
                return Err(bad(format!(
                    "only one `(...)` list of forms is allowed in `{text}`"
                )));
            }
            let list: Vec<String> = rest[1..close]
                .split_whitespace()
                .map(|w| fold_quotes(w).to_uppercase())
                .collect();
            if list.is_empty() {
                return Err(bad(format!(
                    "empty forms `()` in `{text}`; list every form except the lemma"
                )));
            }
            if let Some(w) = list.iter().find(|w| !w.chars().all(is_word_char)) {
                return Err(bad(format!("unexpected character in form `{w}`")));
            }
            forms = Some((last, list));
            rest = &rest[close + 1..];
            continue;
        }
        let end = rest
            .find(|c: char| c.is_whitespace() || c == '(')
            .unwrap_or(rest.len());
        let token = &rest[..end];
        rest = &rest[end..];
        let word = match token.strip_prefix('+') {
            Some(w) => {
                if marked.is_some() {
                    return Err(bad(format!(
                        "more than one verb word marked `+` in `{text}`"
                    )));
                }
                marked = Some(words.len());
                w
            }
            None => token,
        };
        if word.is_empty() || !word.chars().all(is_word_char) {
            return Err(bad(format!(
                "unexpected `{token}` in verb `{text}`; expected words, `+` before the verb word, and `(forms)`"
            )));
        }
        words.push(fold_quotes(word).to_uppercase());
    }
    let verb_word = marked.unwrap_or(0);
    if words.len() > 1 && marked.is_none() {
        return Err(bad(format!(
            "multi-word verb `{text}` needs `+` before the word that is the verb"
        )));
    }
    let forms = match forms {
        Some((at, list)) if at == verb_word => Some(list),
        Some(_) => {
            return Err(bad(format!(
                "forms `(...)` in `{text}` must follow the verb word (the one marked `+`)"
            )));
        }
        None => None,
    };
    Ok(VerbLine {
        written: text.to_string(),
        words,
        verb_word,
        forms,
        code: code.clone(),
        origin: ctx.origin(line.number),
    })
}

/// A pattern line: elements with `*` for the verb, then the code.
fn read_pattern(
    ctx: &FileCtx,
    line: &Line<'_>,
    sets: &BTreeMap<String, SynsetId>,
) -> Result<PatternLine, Diagnostic> {
    let (body, code) = split_code(ctx, line)?;
    let mut p = PatternParser {
        ctx,
        line: line.number,
        text: body,
        pos: 0,
        sets,
    };
    let mut tokens = Vec::new();
    let mut verb_index = None;
    while let Some(item) = p.element()? {
        if item == PatternItem::Verb {
            if verb_index.is_some() {
                return Err(ctx.error(
                    line.number,
                    "more than one `*` in pattern; `*` marks the verb once",
                ));
            }
            verb_index = Some(tokens.len());
        }
        tokens.push(PatternToken {
            item,
            joined: false,
        });
    }
    let Some(verb_index) = verb_index else {
        return Err(ctx.error(
            line.number,
            "pattern has no `*`; expected `*` where the verb stands (`* (of espionage)`)",
        ));
    };
    Ok(PatternLine {
        written: body.to_string(),
        tokens,
        verb_index,
        code,
        comment: line.comment.map(str::to_string),
        origin: ctx.origin(line.number),
    })
}

struct PatternParser<'a> {
    ctx: &'a FileCtx,
    line: usize,
    text: &'a str,
    pos: usize,
    sets: &'a BTreeMap<String, SynsetId>,
}

impl PatternParser<'_> {
    fn err(&self, m: String) -> Diagnostic {
        self.ctx.error(self.line, m).with_column(self.pos + 1)
    }

    fn skip_space(&mut self) {
        let rest = &self.text[self.pos..];
        self.pos += rest.len() - rest.trim_start().len();
    }

    fn peek(&self) -> Option<char> {
        self.text[self.pos..].chars().next()
    }

    /// The next top-level element, or `None` at the end.
    fn element(&mut self) -> Result<Option<PatternItem>, Diagnostic> {
        self.skip_space();
        let Some(c) = self.peek() else {
            return Ok(None);
        };
        match c {
            '(' => {
                self.pos += 1;
                self.skip_space();
                let preposition = match self.noun()? {
                    Some(p @ (PatternItem::Word(_) | PatternItem::Synset(_))) => p,
                    _ => return Err(self.err("expected a preposition after `(`".into())),
                };
                self.skip_space();
                let mut object = Vec::new();
                if self.peek() != Some(')') {
                    match self.noun()? {
                        Some(o) => object.push(o),
                        None => {
                            return Err(
                                self.err("expected `)` to close the prepositional phrase".into())
                            );
                        }
                    }
                    self.skip_space();
                }
                if self.peek() != Some(')') {
                    return Err(self.err(
                        "expected `)` after the preposition's object (one word, `{words}` or `&set`)".into(),
                    ));
                }
                self.pos += 1;
                Ok(Some(PatternItem::PrepPhrase {
                    preposition: Box::new(preposition),
                    object,
                }))
            }
            ')' => Err(self.err("unbalanced `)`".into())),
            _ => match self.noun()? {
                Some(item) => Ok(Some(item)),
                None => Err(self.err(format!("unexpected `{c}` in pattern"))),
            },
        }
    }

    /// A word, `{words}`, `&set`, or one of `* $ + % ^`.
    fn noun(&mut self) -> Result<Option<PatternItem>, Diagnostic> {
        let Some(c) = self.peek() else {
            return Ok(None);
        };
        let single = match c {
            '*' => Some(PatternItem::Verb),
            '$' => Some(PatternItem::Source),
            '+' => Some(PatternItem::Target),
            '%' => Some(PatternItem::Compound),
            '^' => Some(PatternItem::Skip),
            _ => None,
        };
        if let Some(item) = single {
            self.pos += 1;
            return Ok(Some(item));
        }
        if c == '{' {
            let start = self.pos;
            let Some(close) = self.text[start..].find('}') else {
                return Err(self.err("unbalanced `{`; expected `}` after the noun phrase".into()));
            };
            let inner = &self.text[start + 1..start + close];
            if inner.contains(['{', '(', ')']) {
                return Err(self.err(
                    "a `{noun phrase}` holds words and `&sets` only; put prepositional phrases after it".into(),
                ));
            }
            let mut items = Vec::new();
            for w in inner.split_whitespace() {
                items.push(self.word_item(w)?);
            }
            self.pos = start + close + 1;
            return match items.len() {
                0 => Err(self.err("empty `{}`; expected the words of a noun phrase".into())),
                1 => Ok(items.pop()),
                _ => Ok(Some(PatternItem::NounPhrase(items))),
            };
        }
        if c == '}' {
            return Err(self.err("unbalanced `}`".into()));
        }
        let rest = &self.text[self.pos..];
        let end = rest
            .find(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '{' | '}'))
            .unwrap_or(rest.len());
        if end == 0 {
            return Ok(None);
        }
        let token = &rest[..end];
        let item = self.word_item(token)?;
        self.pos += end;
        Ok(Some(item))
    }

    fn word_item(&self, token: &str) -> Result<PatternItem, Diagnostic> {
        if let Some(name) = token.strip_prefix('&') {
            return match self.sets.get(&name.to_uppercase()) {
                Some(id) => Ok(PatternItem::Synset(*id)),
                None => Err(self.err(format!(
                    "unknown noun set `&{name}`; define it as `&{name} = ...` in a verb file"
                ))),
            };
        }
        if !token.chars().all(is_word_char) || token.starts_with('&') {
            return Err(self.err(format!("unexpected `{token}` in pattern")));
        }
        Ok(PatternItem::Word(fold_quotes(token).to_uppercase()))
    }
}
