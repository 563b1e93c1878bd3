//! Reader for PETRARCH verb dictionaries, both dialects: PETRARCH-1 (`PETR.Validate.verbs.txt`,
//! TABARI-style word patterns) and PETRARCH-2 (`CAMEO.2.0.txt`, noun and prepositional phrase
//! patterns).
//!
//! ```text
//! &CURRENCY                     # synset: label, then `+` members
//! +DOLLARS
//! +SWISS FRANCS
//! &AUXVERB3_                    # trailing `_`: no plurals for any member
//! +HAVE
//!
//! --- GRANT [070] ---           # verb block with its primary code (`[---]` or none: null)
//! GRANT
//! GIVE {GAVE GIVEN} [071]       # irregular forms; own code
//! +CORDON_OFF {+CORDONED_OFF}   # multi-word verb, `+` marks the word tagged as the verb
//! - * &CURRENCY [903]           # PETRARCH-1 pattern
//! - SO IN_AND_*_OUT AGAIN [074] # `_`: consecutive words
//! - * (TO {BANNED PARTIES}) $ [1722]   # PETRARCH-2 pattern
//! - * ASSURANCES [031:032]      # code pair: forward and reverse events
//!
//! ~ a (a b ATTACK) SAY = a b 015   # transformation
//! ```
//!
//! Synsets may be defined anywhere in the file: their names are collected in a first pass, so a
//! pattern may use one defined later. A pattern naming an undefined synset is skipped with a
//! warning, as the documentation says PETRARCH does.

use crate::actors::{err, split_brackets, warn};
use crate::compiled::VerbDictionary;
use crate::model::*;
use crate::source::{SourceLine, lines};
use crate::words::{normalize_word, parse_phrase, plural_phrase, regular_verb_forms};
use demarche_model::Diagnostic;
use std::collections::HashMap;
use std::sync::Arc;

/// Reads and compiles a verb dictionary from `content` (named `file` in origins and
/// diagnostics).
pub fn read_verbs(content: &str, file: &str) -> (VerbDictionary, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let all = lines(content, file, &mut diags);
    let mut r = Reader {
        file,
        file_arc: Arc::from(file),
        diags,
        synsets: Vec::new(),
        synset_ids: HashMap::new(),
        blocks: Vec::new(),
        verbs: Vec::new(),
        patterns: Vec::new(),
        transformations: Vec::new(),
        mode: Mode::None,
        uses_phrases: false,
    };
    // Pass 1: every synset name, so patterns can use synsets defined further down.
    for line in &all {
        let t = line.text.trim();
        if let Some(label) = t.strip_prefix('&') {
            r.declare_synset(label, line);
        }
    }
    // Pass 2: everything else, in order.
    for line in &all {
        r.read_line(line);
    }
    r.flatten_synsets();
    let dialect = if r.uses_phrases {
        PatternDialect::Petrarch2
    } else {
        PatternDialect::Petrarch1
    };
    let dict = VerbDictionary::from_parts(
        r.synsets,
        r.blocks,
        r.verbs,
        r.patterns,
        r.transformations,
        dialect,
    );
    (dict, r.diags)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    None,
    Synset(SynsetId),
    Block(BlockId),
}

struct Reader<'f> {
    file: &'f str,
    file_arc: Arc<str>,
    diags: Vec<Diagnostic>,
    synsets: Vec<Synset>,
    synset_ids: HashMap<String, SynsetId>,
    blocks: Vec<VerbBlock>,
    verbs: Vec<VerbEntry>,
    patterns: Vec<VerbPattern>,
    transformations: Vec<Transformation>,
    mode: Mode,
    uses_phrases: bool,
}

impl Reader<'_> {
    fn origin(&self, line: &SourceLine<'_>) -> Origin {
        Origin {
            file: self.file_arc.clone(),
            line: line.number,
        }
    }

    fn error(&mut self, line: &SourceLine<'_>, msg: impl Into<String>) {
        self.diags.push(err(self.file, line, msg));
    }

    fn warning(&mut self, line: &SourceLine<'_>, msg: impl Into<String>) {
        self.diags.push(warn(self.file, line, msg));
    }

    fn declare_synset(&mut self, label: &str, line: &SourceLine<'_>) {
        let label = label.trim();
        let no_plurals = label.ends_with('_');
        let name = normalize_word(label.trim_end_matches('_')).into_owned();
        if name.is_empty() || name.contains(char::is_whitespace) {
            // Reported in pass 2, where the line is read in order.
            return;
        }
        if self.synset_ids.contains_key(&name) {
            return;
        }
        let id = SynsetId(self.synsets.len() as u32);
        self.synset_ids.insert(name.clone(), id);
        self.synsets.push(Synset {
            name,
            no_plurals,
            members: Vec::new(),
            phrases: Vec::new(),
            origin: self.origin(line),
        });
    }

    fn read_line(&mut self, line: &SourceLine<'_>) {
        let t = line.text.trim();
        if t.starts_with("---") {
            self.read_block_header(t, line);
        } else if let Some(label) = t.strip_prefix('&') {
            self.read_synset_header(label, line);
        } else if let Some(rest) = t.strip_prefix('~') {
            match parse_transformation(rest) {
                Ok((pattern, source, target, code)) => {
                    let origin = self.origin(line);
                    self.transformations.push(Transformation {
                        pattern,
                        source,
                        target,
                        code,
                        origin,
                    });
                }
                Err(msg) => self.error(line, msg),
            }
        } else if t.starts_with('-') {
            match self.mode {
                Mode::Block(b) => self.read_pattern(t, line, b),
                _ => self.error(line, "pattern `- ...` outside a verb block (expected `--- NAME [CODE] ---` before it)"),
            }
        } else if let Some(member) = t
            .strip_prefix('+')
            .filter(|_| matches!(self.mode, Mode::Synset(_)))
        {
            if let Mode::Synset(id) = self.mode {
                self.read_synset_member(member, line, id);
            }
        } else {
            let block = match self.mode {
                Mode::Block(b) => b,
                Mode::Synset(_) => {
                    self.error(line, "expected a `+` synset member, a `&NAME` synset or a `--- NAME [CODE] ---` verb block");
                    return;
                }
                Mode::None => {
                    self.warning(line, "verb before any `--- NAME [CODE] ---` block header; a block is opened for it");
                    let id = self.open_block(t.to_string(), VerbCode::Null, line);
                    self.mode = Mode::Block(id);
                    id
                }
            };
            self.read_verb(t, line, block);
        }
    }

    fn open_block(&mut self, name: String, code: VerbCode, line: &SourceLine<'_>) -> BlockId {
        let id = BlockId(self.blocks.len() as u32);
        let origin = self.origin(line);
        self.blocks.push(VerbBlock {
            name,
            code,
            verbs: Vec::new(),
            patterns: Vec::new(),
            origin,
        });
        id
    }

    fn read_block_header(&mut self, t: &str, line: &SourceLine<'_>) {
        // `---  DISGRACE   [110]---  ---` occurs: strip every trailing dash and blank.
        let inner = t
            .trim_start_matches('-')
            .trim_end_matches(|c: char| c == '-' || c.is_whitespace());
        let Some(brackets) = split_brackets(inner, self.file, line, &mut self.diags) else {
            // The block still opens (with a null code) so its verbs are not attached to the
            // previous block.
            let id = self.open_block(inner.trim().to_string(), VerbCode::Null, line);
            self.mode = Mode::Block(id);
            return;
        };
        let name = brackets.head.trim().to_string();
        if brackets.rest {
            self.warning(line, "text after the block code is ignored");
        }
        let code = match brackets.brackets.first() {
            Some(b) => match self.parse_code(b.body, line) {
                Some(c) => c,
                None => VerbCode::Null,
            },
            None => VerbCode::Null,
        };
        if brackets.brackets.len() > 1 {
            self.warning(line, "a block header has one code; the first is used");
        }
        if name.is_empty() {
            self.warning(line, "verb block header without a name");
        }
        let id = self.open_block(name, code, line);
        self.mode = Mode::Block(id);
    }

    fn read_synset_header(&mut self, label: &str, line: &SourceLine<'_>) {
        let name = normalize_word(label.trim().trim_end_matches('_')).into_owned();
        if name.is_empty() || name.contains(char::is_whitespace) {
            self.error(line, "synset label expected as `&NAME` without blanks");
            self.mode = Mode::None;
            return;
        }
        match self.synset_ids.get(&name).copied() {
            Some(id) => {
                let first_line = self.synsets.get(id.0 as usize).map(|s| s.origin.line);
                if first_line != Some(line.number) {
                    self.warning(
                        line,
                        format!("synset `&{name}` is defined again; its members are added to the first definition"),
                    );
                }
                self.mode = Mode::Synset(id);
            }
            None => self.mode = Mode::None,
        }
    }

    fn read_synset_member(&mut self, member: &str, line: &SourceLine<'_>, id: SynsetId) {
        let member = member.trim();
        let origin = self.origin(line);
        let m = if let Some(name) = member.strip_prefix('&') {
            SynsetMember::Synset {
                name: normalize_word(name.trim_end_matches('_')).into_owned(),
                origin,
            }
        } else {
            if member.contains(['$', '+', '%', '^', '*', '[', ']', '{', '}', '(', ')']) {
                self.error(
                    line,
                    "a synset member is a phrase of words; unexpected pattern token or bracket",
                );
                return;
            }
            let phrase = parse_phrase(member);
            if phrase.is_empty() {
                self.error(line, "expected a phrase after `+`");
                return;
            }
            SynsetMember::Phrase { phrase, origin }
        };
        if let Some(s) = self.synsets.get_mut(id.0 as usize) {
            s.members.push(m);
        }
    }

    /// Reads `[CODE]`'s body into a [`VerbCode`], warning on unusual codes.
    fn parse_code(&mut self, body: &str, line: &SourceLine<'_>) -> Option<VerbCode> {
        let body = body.trim();
        if body.is_empty() {
            self.error(
                line,
                "empty `[]`: expected an event code, `---` or `CODE:CODE`",
            );
            return None;
        }
        if body.contains(char::is_whitespace) {
            self.error(
                line,
                format!("event code expected without blanks, found `{body}`"),
            );
            return None;
        }
        if body == "---" {
            return Some(VerbCode::Null);
        }
        let mut half = |s: &str| -> Option<EventCode> {
            if s.is_empty() || s == "---" {
                return None;
            }
            let plain = (2..=4).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
            if !plain {
                self.diags.push(warn(
                    self.file,
                    line,
                    format!("unusual event code `{s}` (expected 2 to 4 digits); kept as written"),
                ));
            }
            Some(EventCode::new(s))
        };
        match body.split_once(':') {
            Some((a, b)) => {
                let (forward, reverse) = (half(a), half(b));
                if forward.is_none() && reverse.is_none() {
                    Some(VerbCode::Null)
                } else {
                    Some(VerbCode::Pair { forward, reverse })
                }
            }
            None => half(body).map(VerbCode::Event).or(Some(VerbCode::Null)),
        }
    }

    fn read_verb(&mut self, t: &str, line: &SourceLine<'_>, block: BlockId) {
        let Some(brackets) = split_brackets(t, self.file, line, &mut self.diags) else {
            return;
        };
        if brackets.brackets.len() > 1 {
            self.error(line, "a verb line has at most one code `[...]`");
            return;
        }
        let code = match brackets.brackets.first() {
            Some(b) => match self.parse_code(b.body, line) {
                Some(c) => Some(c),
                None => return,
            },
            None => None,
        };
        if brackets.rest {
            self.error(line, "unexpected text after the verb's code");
            return;
        }
        let head = brackets.head;
        let (base_text, irregular) = match (head.find('{'), head.find('}')) {
            (None, None) => (head.trim(), None),
            (Some(o), Some(c)) if o < c && head[c + 1..].trim().is_empty() => {
                (head[..o].trim(), Some(&head[o + 1..c]))
            }
            (Some(o), _) => {
                self.diags.push(
                    err(
                        self.file,
                        line,
                        "unbalanced `{`: expected `}` after the irregular forms",
                    )
                    .with_column(o + 1),
                );
                return;
            }
            (None, Some(c)) => {
                self.diags.push(
                    err(self.file, line, "unbalanced `}`: no `{` before it").with_column(c + 1),
                );
                return;
            }
        };
        let Some(base) = self.parse_verb_form(base_text, None, line) else {
            return;
        };
        let mut forms = vec![base.clone()];
        match irregular {
            Some(list) => {
                for f in list.split_whitespace() {
                    if let Some(form) = self.parse_verb_form(f, Some(base.verb_word), line)
                        && !forms.contains(&form)
                    {
                        forms.push(form);
                    }
                }
            }
            None => {
                for generated in regular_verb_forms(base.verb()) {
                    let mut form = base.clone();
                    if let Some(w) = form.words.get_mut(form.verb_word) {
                        *w = generated;
                    }
                    if !forms.contains(&form) {
                        forms.push(form);
                    }
                }
            }
        }
        let id = VerbId(self.verbs.len() as u32);
        let origin = self.origin(line);
        self.verbs.push(VerbEntry {
            written: base_text.to_string(),
            block,
            code,
            forms,
            irregular: irregular.is_some(),
            origin,
        });
        if let Some(b) = self.blocks.get_mut(block.0 as usize) {
            b.verbs.push(id);
        }
    }

    /// `+CORDON_OFF`, `WIRE_+TAP`, `LASH OUT`, `GIVE`. Without a `+` the verb word is the one at
    /// `default_verb_word` (the base form's position, for irregular forms) or the first.
    fn parse_verb_form(
        &mut self,
        text: &str,
        default_verb_word: Option<usize>,
        line: &SourceLine<'_>,
    ) -> Option<VerbForm> {
        let mut words = Vec::new();
        let mut marked = Vec::new();
        for w in text.split(|c: char| c == '_' || c.is_whitespace()) {
            if w.is_empty() {
                continue;
            }
            let (is_verb, w) = match w.strip_prefix('+') {
                Some(rest) => (true, rest),
                None => (false, w),
            };
            if w.is_empty() || w.contains(['+', '&', '$', '%', '^', '*', '(', ')']) {
                self.error(line, format!("verb form expected as words joined by `_` with an optional `+` before the verb, found `{text}`"));
                return None;
            }
            if is_verb {
                marked.push(words.len());
            }
            words.push(normalize_word(w).into_owned());
        }
        if words.is_empty() {
            self.error(line, "expected a verb");
            return None;
        }
        let verb_word = match marked.as_slice() {
            [] => default_verb_word.unwrap_or(0).min(words.len() - 1),
            [i] => *i,
            _ => {
                self.error(
                    line,
                    format!("a multi-word verb marks one word with `+`, found `{text}`"),
                );
                return None;
            }
        };
        Some(VerbForm { words, verb_word })
    }

    fn read_pattern(&mut self, t: &str, line: &SourceLine<'_>, block: BlockId) {
        let body = &t[1..];
        let Some(brackets) = split_brackets(body, self.file, line, &mut self.diags) else {
            return;
        };
        let Some(code_bracket) = brackets.brackets.last() else {
            self.error(line, "pattern expected a code `[...]` at its end");
            return;
        };
        if brackets.brackets.len() > 1 || brackets.rest {
            self.error(line, "a pattern has one code `[...]`, at its end");
            return;
        }
        let Some(code) = self.parse_code(code_bracket.body, line) else {
            return;
        };
        // Column of the pattern text in the line, for token errors.
        let offset = crate::actors::offset_in(&line.text, brackets.head);
        let tokens = match self.tokenize_pattern(brackets.head) {
            Ok(tokens) => tokens,
            Err(PatternError {
                message,
                at,
                severity_warning,
            }) => {
                let mut d = if severity_warning {
                    warn(self.file, line, message)
                } else {
                    err(self.file, line, message)
                };
                if let Some(at) = at {
                    d = d.with_column(offset + at + 1);
                }
                self.diags.push(d);
                return;
            }
        };
        let verbs: Vec<usize> = tokens
            .iter()
            .enumerate()
            .filter(|(_, t)| t.item == PatternItem::Verb)
            .map(|(i, _)| i)
            .collect();
        let verb_index = match verbs.as_slice() {
            [i] => *i,
            [] => {
                self.error(line, "pattern has no verb position `*`");
                return;
            }
            _ => {
                self.error(line, "pattern has more than one verb position `*`");
                return;
            }
        };
        if tokens.iter().any(|t| {
            matches!(
                t.item,
                PatternItem::NounPhrase(_) | PatternItem::PrepPhrase { .. }
            )
        }) {
            self.uses_phrases = true;
        }
        let id = PatternId(self.patterns.len() as u32);
        let origin = self.origin(line);
        self.patterns.push(VerbPattern {
            block,
            tokens,
            verb_index,
            code,
            comment: line.comment.as_deref().map(str::to_string),
            origin,
        });
        if let Some(b) = self.blocks.get_mut(block.0 as usize) {
            b.patterns.push(id);
        }
    }

    fn tokenize_pattern(&self, text: &str) -> Result<Vec<PatternToken>, PatternError> {
        let mut tokens = Vec::new();
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let c = bytes[i];
            // Any white space, not only ASCII: a no-break space must not stop the scan.
            if let Some(ch) = text.get(i..).and_then(|t| t.chars().next())
                && ch.is_whitespace()
            {
                i += ch.len_utf8();
                continue;
            }
            match c {
                b'{' => {
                    let close = find_close(text, i, b'{', b'}')?;
                    let items = self.phrase_items(&text[i + 1..close], i + 1, false)?;
                    if items.is_empty() {
                        return Err(PatternError::at("empty noun phrase `{}`", i));
                    }
                    tokens.push(PatternToken {
                        item: PatternItem::NounPhrase(items),
                        joined: false,
                    });
                    i = close + 1;
                }
                b'(' => {
                    let close = find_close(text, i, b'(', b')')?;
                    let mut items = self.phrase_items(&text[i + 1..close], i + 1, true)?;
                    if items.is_empty() {
                        return Err(PatternError::at("empty prepositional phrase `()`", i));
                    }
                    let preposition = Box::new(items.remove(0));
                    if !matches!(*preposition, PatternItem::Word(_) | PatternItem::Synset(_)) {
                        return Err(PatternError::at(
                            "a prepositional phrase starts with a preposition (a word or synset)",
                            i + 1,
                        ));
                    }
                    tokens.push(PatternToken {
                        item: PatternItem::PrepPhrase {
                            preposition,
                            object: items,
                        },
                        joined: false,
                    });
                    i = close + 1;
                }
                b'}' | b')' => {
                    return Err(PatternError::at(
                        format!("unbalanced `{}`: no opening bracket before it", c as char),
                        i,
                    ));
                }
                _ => {
                    let end = text[i..]
                        .find(|ch: char| ch.is_whitespace() || "{}()".contains(ch))
                        .map(|p| i + p)
                        .unwrap_or(text.len());
                    self.chunk_tokens(&text[i..end], i, &mut tokens)?;
                    i = end;
                }
            }
        }
        Ok(tokens)
    }

    /// One blank-separated chunk: pieces joined by `_` (`IN_AND_*_OUT`). A synset name may
    /// itself contain `_`; the longest defined name wins (`&FIGHT_OF_WORDS`), and what follows
    /// is joined to it (`&TIETYPES_RELATIONS` is `&TIETYPES` then `RELATIONS`).
    fn chunk_tokens(
        &self,
        chunk: &str,
        at: usize,
        out: &mut Vec<PatternToken>,
    ) -> Result<(), PatternError> {
        let pieces: Vec<&str> = chunk.split('_').collect();
        let mut k = 0;
        let mut first = true;
        while k < pieces.len() {
            let piece = pieces[k];
            if piece.is_empty() {
                // A trailing `_` (`IN_ *`, `OFF_`) marks a whole word; nothing to add.
                k += 1;
                continue;
            }
            let joined = !first;
            first = false;
            let item = if let Some(name) = piece.strip_prefix('&') {
                let mut best = None;
                let mut candidate = normalize_word(name).into_owned();
                for (j, next) in pieces.iter().enumerate().skip(k) {
                    if j > k {
                        candidate.push('_');
                        candidate.push_str(&normalize_word(next));
                    }
                    if let Some(id) = self.synset_ids.get(candidate.trim_end_matches('_')) {
                        best = Some((*id, j));
                    }
                }
                match best {
                    Some((id, j)) => {
                        k = j;
                        PatternItem::Synset(id)
                    }
                    None => {
                        return Err(PatternError {
                            message: format!(
                                "undefined synset `&{}`; pattern ignored",
                                normalize_word(name)
                            ),
                            at: Some(at),
                            severity_warning: true,
                        });
                    }
                }
            } else {
                simple_item(piece).map_err(|m| PatternError::at(m, at))?
            };
            out.push(PatternToken { item, joined });
            k += 1;
        }
        Ok(())
    }

    /// The items inside `{...}` or `(...)`. Inside parentheses a `{...}` noun phrase and the
    /// actor tokens are allowed; inside braces only words and synsets.
    fn phrase_items(
        &self,
        text: &str,
        offset: usize,
        in_parens: bool,
    ) -> Result<Vec<PatternItem>, PatternError> {
        let mut items = Vec::new();
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let c = bytes[i];
            // Any white space, not only ASCII: a no-break space must not stop the scan.
            if let Some(ch) = text.get(i..).and_then(|t| t.chars().next())
                && ch.is_whitespace()
            {
                i += ch.len_utf8();
                continue;
            }
            if c == b'{' && in_parens {
                let close = find_close(text, i, b'{', b'}').map_err(|e| e.shifted(offset))?;
                let inner = self.phrase_items(&text[i + 1..close], offset + i + 1, false)?;
                items.push(PatternItem::NounPhrase(inner));
                i = close + 1;
                continue;
            }
            if matches!(c, b'{' | b'}' | b'(' | b')') {
                return Err(PatternError::at(
                    format!("unexpected `{}` inside a phrase", c as char),
                    offset + i,
                ));
            }
            let end = text[i..]
                .find(|ch: char| ch.is_whitespace() || "{}()".contains(ch))
                .map(|p| i + p)
                .unwrap_or(text.len());
            let mut tokens = Vec::new();
            self.chunk_tokens(&text[i..end], offset + i, &mut tokens)?;
            for t in tokens {
                let allowed = match t.item {
                    PatternItem::Word(_) | PatternItem::Synset(_) => true,
                    PatternItem::Source
                    | PatternItem::Target
                    | PatternItem::Compound
                    | PatternItem::Skip => in_parens,
                    _ => false,
                };
                if !allowed {
                    return Err(PatternError::at(
                        "only words and synsets (and `$ + % ^` in a prepositional phrase) may appear inside a phrase",
                        offset + i,
                    ));
                }
                items.push(t.item);
            }
            i = end;
        }
        Ok(items)
    }

    /// Fills each synset's `phrases`: members, their plurals (unless the label or the member
    /// ends with `_`), and nested synsets' phrases.
    fn flatten_synsets(&mut self) {
        let n = self.synsets.len();
        let mut done: Vec<Option<Vec<Phrase>>> = vec![None; n];
        for i in 0..n {
            let mut stack = Vec::new();
            self.flatten_one(i, &mut done, &mut stack);
        }
        for (s, phrases) in self.synsets.iter_mut().zip(done) {
            s.phrases = phrases.unwrap_or_default();
        }
    }

    fn flatten_one(
        &mut self,
        i: usize,
        done: &mut Vec<Option<Vec<Phrase>>>,
        stack: &mut Vec<usize>,
    ) -> Vec<Phrase> {
        if let Some(Some(p)) = done.get(i) {
            return p.clone();
        }
        let Some(s) = self.synsets.get(i) else {
            return Vec::new();
        };
        stack.push(i);
        let no_plurals = s.no_plurals;
        let members = s.members.clone();
        let mut phrases = Vec::new();
        for m in members {
            match m {
                SynsetMember::Phrase { phrase, .. } => {
                    let make_plural = !no_plurals && !phrase.exact_end;
                    let plural = if make_plural {
                        plural_phrase(&phrase)
                    } else {
                        None
                    };
                    phrases.push(phrase);
                    phrases.extend(plural);
                }
                SynsetMember::Synset { name, origin } => {
                    match self.synset_ids.get(&name).copied() {
                        Some(_) if stack.len() > MAX_SYNSET_DEPTH => {
                            self.diags.push(Diagnostic::warning(
                            self.file,
                            Some(origin.line),
                            format!("synsets nested deeper than {MAX_SYNSET_DEPTH} levels; `&{name}` ignored here"),
                        ));
                        }
                        Some(id) if stack.contains(&(id.0 as usize)) => {
                            self.diags.push(Diagnostic::warning(
                                self.file,
                                Some(origin.line),
                                format!("synset `&{name}` includes itself; the cycle is cut here"),
                            ));
                        }
                        Some(id) => {
                            let nested = self.flatten_one(id.0 as usize, done, stack);
                            phrases.extend(nested);
                        }
                        None => self.diags.push(Diagnostic::warning(
                            self.file,
                            Some(origin.line),
                            format!("undefined synset `&{name}` in a synset; member ignored"),
                        )),
                    }
                }
            }
        }
        let mut seen = std::collections::HashSet::new();
        phrases.retain(|p| seen.insert(p.words.clone()));
        stack.pop();
        if let Some(slot) = done.get_mut(i) {
            *slot = Some(phrases.clone());
        }
        phrases
    }
}

struct PatternError {
    message: String,
    /// Byte offset in the pattern text.
    at: Option<usize>,
    severity_warning: bool,
}

impl PatternError {
    fn at(message: impl Into<String>, at: usize) -> Self {
        PatternError {
            message: message.into(),
            at: Some(at),
            severity_warning: false,
        }
    }

    fn shifted(mut self, by: usize) -> Self {
        self.at = self.at.map(|a| a + by);
        self
    }
}

fn find_close(text: &str, open_at: usize, open: u8, close: u8) -> Result<usize, PatternError> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    for (j, b) in bytes.iter().enumerate().skip(open_at) {
        if *b == open {
            depth += 1;
        } else if *b == close {
            depth = depth.saturating_sub(1);
            if depth == 0 {
                return Ok(j);
            }
        }
    }
    Err(PatternError::at(
        format!(
            "unbalanced `{}`: expected `{}`",
            open as char, close as char
        ),
        open_at,
    ))
}

fn simple_item(piece: &str) -> Result<PatternItem, String> {
    Ok(match piece {
        "*" | "**" => PatternItem::Verb,
        "$" => PatternItem::Source,
        "+" => PatternItem::Target,
        "%" => PatternItem::Compound,
        "^" => PatternItem::Skip,
        w if w.contains(['*', '$', '%', '^', '[', ']']) => {
            return Err(format!(
                "unexpected `{w}` in a pattern (tokens `* $ + % ^` stand alone)"
            ));
        }
        w => PatternItem::Word(normalize_word(w).into_owned()),
    })
}

type ParsedTransformation = (
    TransformEvent,
    TransformActor,
    TransformActor,
    TransformCode,
);

/// `a (a b ATTACK) SAY = a b 015` (the text after `~`).
fn parse_transformation(text: &str) -> Result<ParsedTransformation, String> {
    let expected =
        "transformation expected as `~ SOURCE (SOURCE TARGET VERB) VERB = SOURCE TARGET CODE`";
    let (lhs, rhs) = text
        .split_once('=')
        .ok_or_else(|| format!("{expected}: no `=`"))?;
    let spaced = lhs.replace('(', " ( ").replace(')', " ) ");
    let tokens: Vec<&str> = spaced.split_whitespace().collect();
    let mut pos = 0;
    let pattern =
        parse_transform_event(&tokens, &mut pos, 0).map_err(|m| format!("{expected}: {m}"))?;
    if pos != tokens.len() {
        return Err(format!("{expected}: unexpected `{}`", tokens[pos]));
    }
    let r: Vec<&str> = rhs.split_whitespace().collect();
    let [s, t, c] = r.as_slice() else {
        return Err(format!("{expected}: the result needs three parts"));
    };
    let code = match *c {
        "Q" => TransformCode::Inner,
        c if c.bytes().all(|b| b.is_ascii_digit()) && !c.is_empty() => {
            TransformCode::Code(EventCode::new(c))
        }
        c => return Err(format!("{expected}: `{c}` is not an event code or `Q`")),
    };
    Ok((pattern, transform_actor(s)?, transform_actor(t)?, code))
}

/// Deeper nesting than this is refused: real transformations nest once, and recursion on
/// untrusted input must stay bounded.
const MAX_TRANSFORM_DEPTH: usize = 16;

/// Deeper synset nesting than this is cut with a warning, for the same reason.
const MAX_SYNSET_DEPTH: usize = 32;

fn parse_transform_event(
    tokens: &[&str],
    pos: &mut usize,
    depth: usize,
) -> Result<TransformEvent, String> {
    if depth > MAX_TRANSFORM_DEPTH {
        return Err(format!("nested deeper than {MAX_TRANSFORM_DEPTH} levels"));
    }
    let next = |pos: &mut usize| -> Result<&str, String> {
        let t = tokens.get(*pos).copied().ok_or("it ends too early")?;
        *pos += 1;
        Ok(t)
    };
    let source = transform_actor(next(pos)?)?;
    let object = match next(pos)? {
        "(" => {
            let inner = parse_transform_event(tokens, pos, depth + 1)?;
            if next(pos)? != ")" {
                return Err("unbalanced `(`: expected `)`".to_string());
            }
            TransformObject::Event(Box::new(inner))
        }
        t => TransformObject::Actor(transform_actor(t)?),
    };
    let verb = match next(pos)? {
        "Q" => TransformVerb::Any,
        v if v.chars().any(|c| c.is_ascii_uppercase()) && !v.contains(['(', ')']) => {
            TransformVerb::Verb(normalize_word(v).into_owned())
        }
        v => return Err(format!("`{v}` is not a verb")),
    };
    Ok(TransformEvent {
        source,
        object,
        verb,
    })
}

fn transform_actor(t: &str) -> Result<TransformActor, String> {
    match t {
        "." => Ok(TransformActor::Unspecified),
        "_" => Ok(TransformActor::Absent),
        v if !v.is_empty() && v.chars().all(|c| c.is_ascii_lowercase()) => {
            Ok(TransformActor::Var(v.to_string()))
        }
        v => Err(format!(
            "`{v}` is not an actor variable (a lower-case letter, `.` or `_`)"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads `input`, asserts the diagnostics (as `line:E|W:message-prefix`), returns the dict.
    #[track_caller]
    fn check(input: &str, expected_diags: &[&str]) -> VerbDictionary {
        let (dict, diags) = read_verbs(input, "t.verbs.txt");
        crate::source::assert_diagnostics(&diags, expected_diags);
        dict
    }

    fn form_texts(d: &VerbDictionary, verb: usize) -> Vec<String> {
        d.verbs[verb]
            .forms
            .iter()
            .map(|f| {
                f.words
                    .iter()
                    .enumerate()
                    .map(|(i, w)| {
                        if i == f.verb_word {
                            format!("+{w}")
                        } else {
                            w.clone()
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("_")
            })
            .collect()
    }

    /// A compact rendering of a pattern's tokens, to compare with what was written.
    fn render(d: &VerbDictionary, p: &VerbPattern) -> String {
        fn item(d: &VerbDictionary, i: &PatternItem) -> String {
            match i {
                PatternItem::Verb => "*".into(),
                PatternItem::Word(w) => w.clone(),
                PatternItem::Synset(id) => format!("&{}", d.synsets[id.0 as usize].name),
                PatternItem::Source => "$".into(),
                PatternItem::Target => "+".into(),
                PatternItem::Compound => "%".into(),
                PatternItem::Skip => "^".into(),
                PatternItem::NounPhrase(items) => {
                    format!(
                        "{{{}}}",
                        items
                            .iter()
                            .map(|x| item(d, x))
                            .collect::<Vec<_>>()
                            .join(" ")
                    )
                }
                PatternItem::PrepPhrase {
                    preposition,
                    object,
                } => {
                    let mut s = format!("({}", item(d, preposition));
                    for o in object {
                        s.push(' ');
                        s.push_str(&item(d, o));
                    }
                    s.push(')');
                    s
                }
            }
        }
        let mut out = String::new();
        for (i, t) in p.tokens.iter().enumerate() {
            if i > 0 {
                out.push(if t.joined { '_' } else { ' ' });
            }
            out.push_str(&item(d, &t.item));
        }
        format!("{out} [{}]", p.code)
    }

    #[track_caller]
    fn check_pattern(synsets: &str, pattern: &str, expected: &str) {
        let d = check(
            &format!("{synsets}\n--- B [010] ---\nSAY\n{pattern}\n"),
            &[],
        );
        assert_eq!(render(&d, &d.patterns[0]), expected);
    }

    #[test]
    fn block_code_verb_code_and_null_default() {
        let d = check(
            "--- GRANT [070] ---\nGRANT\nGIVE {GAVE GIVEN} [071]\n--- ADD ---\nADD\n",
            &[],
        );
        assert_eq!(d.blocks.len(), 2);
        assert_eq!(
            d.code_of(VerbId(0)).map(|c| c.to_string()),
            Some("070".into())
        );
        assert_eq!(
            d.code_of(VerbId(1)).map(|c| c.to_string()),
            Some("071".into())
        );
        assert_eq!(d.code_of(VerbId(2)), Some(&VerbCode::Null));
        assert_eq!(d.blocks[0].verbs, [VerbId(0), VerbId(1)]);
    }

    #[test]
    fn regular_forms_are_generated_without_braces() {
        let d = check("--- A [010] ---\nACCELERATE\n", &[]);
        assert_eq!(
            form_texts(&d, 0),
            [
                "+ACCELERATE",
                "+ACCELERATES",
                "+ACCELERATED",
                "+ACCELERATING"
            ]
        );
        assert_eq!(d.forms_of("accelerating").len(), 1);
    }

    #[test]
    fn irregular_forms_replace_generation() {
        let d = check("--- B [191] ---\nBAN {BANS BANNED}  # tony\n", &[]);
        assert_eq!(form_texts(&d, 0), ["+BAN", "+BANS", "+BANNED"]);
        assert!(d.forms_of("BANNING").is_empty());
        assert!(d.verbs[0].irregular);
    }

    #[test]
    fn multi_word_verbs() {
        let d = check(
            "--- X [1721] ---\n+CORDON_OFF {+CORDONED_OFF +CORDONS_OFF}\nWIRE_+TAP\n+BEEF_UP\nLASH OUT\n",
            &[],
        );
        assert_eq!(
            form_texts(&d, 0),
            ["+CORDON_OFF", "+CORDONED_OFF", "+CORDONS_OFF"]
        );
        assert_eq!(
            form_texts(&d, 1),
            ["WIRE_+TAP", "WIRE_+TAPS", "WIRE_+TAPED", "WIRE_+TAPING"]
        );
        assert_eq!(form_texts(&d, 2)[2], "+BEEFED_UP");
        assert_eq!(form_texts(&d, 3)[0], "+LASH_OUT");
        let r = d.forms_of("cordoned")[0];
        assert_eq!(
            d.form(r).map(|f| f.after().to_vec()),
            Some(vec!["OFF".to_string()])
        );
        let r = d.forms_of("TAP")[0];
        assert_eq!(
            d.form(r).map(|f| f.before().to_vec()),
            Some(vec!["WIRE".to_string()])
        );
    }

    #[test]
    fn synsets_with_plurals_and_no_plural_markers() {
        let d = check(
            "&CURRENCY\n+DOLLAR\n+SWISS FRANC\n+KRONER_\n&AUX_\n+HAVE\n",
            &[],
        );
        let words = |i: usize| -> Vec<String> {
            d.synsets[i]
                .phrases
                .iter()
                .map(|p| p.words.join(" "))
                .collect()
        };
        assert_eq!(
            words(0),
            ["DOLLAR", "DOLLARS", "SWISS FRANC", "SWISS FRANCS", "KRONER"]
        );
        assert_eq!(words(1), ["HAVE"]);
        assert_eq!(d.synset_named("aux_"), Some(SynsetId(1)));
    }

    #[test]
    fn nested_synsets_flatten_and_cycles_are_cut() {
        let d = check(
            "&A\n+&B\n+CLOSER\n&B_\n+MILITARY\n&C\n+&C\n+&NOPE\n",
            &[
                "7:W:synset `&C` includes itself",
                "8:W:undefined synset `&NOPE`",
            ],
        );
        let words: Vec<String> = d.synsets[0]
            .phrases
            .iter()
            .map(|p| p.words.join(" "))
            .collect();
        assert_eq!(words, ["MILITARY", "CLOSER", "CLOSERS"]);
    }

    #[test]
    fn petrarch1_patterns_with_joins_and_tokens() {
        check_pattern(
            "",
            "- SO IN_AND_*_OUT_AGAIN NOW [074] #  pas",
            "SO IN_AND_*_OUT_AGAIN NOW [074]",
        );
        check_pattern("", "- + KNOWN_ * IN_ $  [076]", "+ KNOWN * IN $ [076]");
        check_pattern("", "- * EID AT ^ WITH +  [043]", "* EID AT ^ WITH + [043]");
        check_pattern("", "- % * [030:030]", "% * [030:030]");
        check_pattern(
            "",
            "- ** RESTORATION RELATIONS [050:050]",
            "* RESTORATION RELATIONS [050:050]",
        );
        check_pattern("", "- ANTI- + *  [111]", "ANTI- + * [111]");
    }

    #[test]
    fn synset_names_with_underscores_resolve_longest_first() {
        let syn = "&TIETYPES\n+MILITARY\n&FIGHT_OF_WORDS\n+ARGUMENT\n";
        check_pattern(
            syn,
            "- * NEW_&TIETYPES_RELATIONS [903]",
            "* NEW_&TIETYPES_RELATIONS [903]",
        );
        check_pattern(syn, "- * &FIGHT_OF_WORDS [111]", "* &FIGHT_OF_WORDS [111]");
    }

    #[test]
    fn synset_defined_after_use() {
        let d = check("--- B [010] ---\nSAY\n- * &LATER [020]\n&LATER\n+X\n", &[]);
        assert_eq!(render(&d, &d.patterns[0]), "* &LATER [020]");
    }

    #[test]
    fn petrarch2_phrase_patterns() {
        let syn = "&WEAPON\n+GUN\n";
        check_pattern(
            syn,
            "- * (TO {BANNED PARTIES}) $ [1722]",
            "* (TO {BANNED PARTIES}) $ [1722]",
        );
        check_pattern(
            syn,
            "- * OFF (FROM ^)  [042]  # SET",
            "* OFF (FROM ^) [042]",
        );
        check_pattern(syn, "- * (TO)  [042:043]", "* (TO) [042:043]");
        check_pattern(
            syn,
            "- &WEAPON * {MOCK ATTACKS} [062:062]",
            "&WEAPON * {MOCK ATTACKS} [062:062]",
        );
        check_pattern(syn, "- * (BEFORE COURT) [:173]", "* (BEFORE COURT) [:173]");
        let d = check(
            &format!("{syn}--- B ---\nX\n- * AID [070]\n- * {{AIR_STRIKE}} [195]\n"),
            &[],
        );
        assert_eq!(d.dialect, PatternDialect::Petrarch2);
    }

    #[test]
    fn dialect_is_petrarch1_without_phrases() {
        let d = check("--- B ---\nX\n- IN_* [075]\n", &[]);
        assert_eq!(d.dialect, PatternDialect::Petrarch1);
    }

    #[test]
    fn codes_pairs_nulls_and_unusual_codes() {
        let d = check(
            "--- B [---] ---\nX\n- A * [031:032]\n- B * [:110]\n- C * [---]\n- D * [075A]\n- E * [---:---]\n",
            &["6:W:unusual event code `075A`"],
        );
        assert!(d.blocks[0].code.is_null());
        let codes: Vec<String> = d.patterns.iter().map(|p| p.code.to_string()).collect();
        assert_eq!(codes, ["031:032", ":110", "---", "075A", "---"]);
        assert_eq!(d.patterns[1].code.forward(), None);
        assert_eq!(
            d.patterns[1].code.reverse().map(|c| c.code.as_str()),
            Some("110")
        );
        assert!(
            !d.patterns[3]
                .code
                .forward()
                .map(|c| c.known)
                .unwrap_or(true)
        );
        assert!(
            d.patterns[0]
                .code
                .forward()
                .map(|c| c.known)
                .unwrap_or(false)
        );
    }

    #[test]
    fn pattern_keeps_comment_and_origin() {
        let d = check("\n--- B [010] ---\nX\n- * AID [070]   # RUSH\n", &[]);
        assert_eq!(d.patterns[0].comment.as_deref(), Some("RUSH"));
        assert_eq!(d.patterns[0].origin.line, 4);
        assert_eq!(d.patterns[0].origin.rule_ref().file, "t.verbs.txt");
        assert_eq!(d.patterns_of(VerbId(0)).count(), 1);
    }

    #[test]
    fn header_quirks_of_the_reference_files() {
        let d = check(
            "--- TROUBLED  [---] # NOUN ---\nTROUBLED\n--- DELAY [120]  [031:031]  ---\nDELAY\n--- LASH OUT  [122] ---\nLASH OUT\n---  DISGRACE   [110]---  ---\nDISGRACE\n",
            &["3:W:a block header has one code"],
        );
        assert_eq!(d.blocks[0].name, "TROUBLED");
        assert_eq!(d.blocks[1].code.to_string(), "120");
        assert_eq!(d.blocks[2].name, "LASH OUT");
        assert_eq!(d.blocks[3].code.to_string(), "110");
    }

    #[test]
    fn transformations() {
        let d = check(
            "~ a (a b ATTACK) SAY = a b 015\n~ a (b . ATTACK ) WANT = a b 021\n~ a (a b Q) SAY = a b Q\n~ a (_ b X) Y = a b\n~ a b\n",
            &["4:E:transformation expected", "5:E:transformation expected"],
        );
        assert_eq!(d.transformations.len(), 3);
        let t = &d.transformations[1];
        assert_eq!(t.pattern.source, TransformActor::Var("a".into()));
        assert_eq!(t.pattern.verb, TransformVerb::Verb("WANT".into()));
        let TransformObject::Event(inner) = &t.pattern.object else {
            panic!("inner event expected");
        };
        assert_eq!(
            inner.object,
            TransformObject::Actor(TransformActor::Unspecified)
        );
        assert_eq!(d.transformations[2].code, TransformCode::Inner);
        assert_eq!(
            d.transformations[2].pattern.object,
            TransformObject::Event(Box::new(TransformEvent {
                source: TransformActor::Var("a".into()),
                object: TransformObject::Actor(TransformActor::Var("b".into())),
                verb: TransformVerb::Any,
            }))
        );
    }

    #[test]
    fn malformed_lines_are_located_and_skipped() {
        let d = check(
            "--- B [010] ---\nX\n- * {AID [070]\n- * AID) [070]\n- * AID\n- AID [070]\n- * * [070]\n- *SCEPTICAL [012]\n- * &NOPE [070]\nY {YS\n- * OK [071]\n",
            &[
                "3:E:unbalanced `{`",
                "4:E:unbalanced `)`",
                "5:E:pattern expected a code",
                "6:E:pattern has no verb",
                "7:E:pattern has more than one verb",
                "8:E:unexpected `*SCEPTICAL`",
                "9:W:undefined synset `&NOPE`",
                "10:E:unbalanced `{`",
            ],
        );
        assert_eq!(d.patterns.len(), 1);
        assert_eq!(d.patterns[0].origin.line, 11);
    }

    #[test]
    fn columns_point_into_the_line() {
        let (_, diags) = read_verbs("--- B ---\nX\n- * (TO BORDER [154]\n", "t");
        assert_eq!(diags[0].column, Some(5));
    }

    #[test]
    fn lines_outside_their_section() {
        check(
            "- * X [010]\n&S\nBARE\n+Y\nFREE\n",
            &[
                "1:E:pattern `- ...` outside a verb block",
                "3:E:expected a `+` synset member",
                "5:E:expected a `+` synset member",
            ],
        );
        let d = check("GIVE [070]\n- * AID [071]\n", &["1:W:verb before any"]);
        assert_eq!(d.patterns.len(), 1);
    }
}
