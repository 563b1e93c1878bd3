//! Event frames: what an event noun means in CAMEO, and which verbs are support verbs whose
//! object names the event ("held talks", "carried out strikes"). Read from
//! `dictionaries/frames/*.txt` (format in `dictionaries/README.md`, "Frames").
//!
//! ```
//! use demarche_dict::frames::FrameSet;
//! let text = "support  hold | carry out | impose | lift\n\
//!             noun  sanction (sanctions)   + on|against   with lift|ease   085\n\
//!             noun  sanction (sanctions)   + on|against   163\n\
//!             noun  air strike | airstrike   + on|against   195\n\
//!             noun  talks   + with|between   joint   040\n";
//! let (f, diags) = FrameSet::read(text, "frames/x.txt");
//! assert!(diags.is_empty(), "{diags:?}");
//! let (len, name) = f.event_noun(&["israeli", "air", "strikes"]).unwrap();
//! assert_eq!(len, 2);
//! assert_eq!(f.frame_for(name, Some("carry out")).unwrap().code, "195");
//! let (_, s) = f.event_noun(&["new", "sanctions"]).unwrap();
//! assert_eq!(f.frame_for(s, Some("impose")).unwrap().code, "163");
//! assert_eq!(f.frame_for(s, Some("lift")).unwrap().code, "085");
//! assert!(f.is_support("carry", Some("out")) && f.is_support("hold", None));
//! assert!(!f.is_support("carry", None));
//! ```

use crate::lookup::WordHasher;
use crate::model::Origin;
use crate::native::text::{FileCtx, lines};
use demarche_model::Diagnostic;
use demarche_text::english::is_joined;
use std::collections::HashMap;

/// One `noun` line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NounFrame {
    /// The names as written (singular).
    pub names: Vec<String>,
    /// Prepositions whose object is the target.
    pub target: Vec<String>,
    /// Prepositions whose object is the source (`by` when the line gives none).
    pub source: Vec<String>,
    /// A symmetric act: coordinated agents or `between A and B` code both ways.
    pub joint: bool,
    /// Only under these support verbs (lemmas; empty: any or none).
    pub with: Vec<String>,
    pub code: String,
    pub origin: Origin,
}

/// A support verb: lemma, with its particle if any ("carry out").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SupportVerb {
    pub lemma: String,
    /// `support-with`: the verb changes what the noun means ("lifted sanctions"), so it codes
    /// only through frames that name it in `with`.
    pub only_with: bool,
    /// `support-elicit`: the verb's subject undergoes the event, whose agent is the noun's
    /// `from`/`by` phrase ("drew condemnation from Japan").
    pub elicit: bool,
    pub origin: Origin,
}

/// Every frame of a dictionary set, indexed.
#[derive(Debug, Clone, Default)]
pub struct FrameSet {
    pub nouns: Vec<NounFrame>,
    pub support: Vec<SupportVerb>,
    /// Lower-case name form (singular or plural, words joined by one space) → name id.
    forms: HashMap<String, u32, WordHasher>,
    /// The same forms keyed by their last word: (words in the form, the form, name id), most
    /// words first, so [`FrameSet::event_noun`] needs no joined key.
    by_last: HashMap<String, Vec<(usize, String, u32)>, WordHasher>,
    /// A bit per hash of every key of `by_last` (2,048 bits): most noun phrases end in a word
    /// no name ends in, and this answers them without touching the map.
    last_bits: [u64; 32],
    /// Name id → frames naming it, in file order.
    by_name: Vec<Vec<u32>>,
    /// A bit per hash of the first word of every support verb (256 bits), kept by
    /// [`FrameSet::add`] and [`FrameSet::extend`]: most verbs are no support verb, and this
    /// answers them without comparing the verb with every entry of `support`.
    support_bits: [u64; 4],
    longest: usize,
}

impl FrameSet {
    /// Reads one frame file; bad lines give diagnostics and are skipped.
    pub fn read(content: &str, file: &str) -> (FrameSet, Vec<Diagnostic>) {
        let mut set = FrameSet::default();
        let diags = set.add(content, file);
        (set, diags)
    }

    /// Adds the lines of one more file.
    pub fn add(&mut self, content: &str, file: &str) -> Vec<Diagnostic> {
        let ctx = FileCtx::new(file);
        let mut diags = Vec::new();
        for line in lines(content) {
            let n = line.number;
            let text = line.text.trim();
            let (keyword, rest) = text.split_once(char::is_whitespace).unwrap_or((text, ""));
            match keyword {
                "support" | "support-with" | "support-elicit" => {
                    for lemma in rest.split('|').map(normalise).filter(|l| !l.is_empty()) {
                        self.mark_support(&lemma);
                        self.support.push(SupportVerb {
                            lemma,
                            only_with: keyword == "support-with",
                            elicit: keyword == "support-elicit",
                            origin: ctx.origin(n),
                        });
                    }
                }
                "noun" => match parse_noun(rest, ctx.origin(n)) {
                    Ok(frame) => self.push_noun(frame),
                    Err(e) => diags.push(ctx.error(n, e)),
                },
                _ => diags.push(ctx.error(
                    n,
                    format!(
                        "expected a line starting with `support`, `support-with`, `support-elicit` or `noun`, found `{keyword}`"
                    ),
                )),
            }
        }
        diags
    }

    fn push_noun(&mut self, frame: NounFrame) {
        let index = self.nouns.len() as u32;
        for (name, plurals) in frame.names.iter().map(|n| split_plurals(n)) {
            let id = match self.forms.get(&name) {
                Some(&id) => id,
                None => {
                    let id = self.by_name.len() as u32;
                    self.by_name.push(Vec::new());
                    id
                }
            };
            let mut forms = vec![name.clone()];
            if plurals.is_empty() {
                let (lead, last) = match name.rsplit_once(' ') {
                    Some((l, w)) => (format!("{l} "), w.to_string()),
                    None => (String::new(), name.clone()),
                };
                forms.push(format!(
                    "{lead}{}",
                    demarche_text::english::noun_plural(&last)
                ));
            } else {
                let lead = name
                    .rsplit_once(' ')
                    .map(|(l, _)| format!("{l} "))
                    .unwrap_or_default();
                forms.extend(plurals.iter().map(|p| format!("{lead}{p}")));
            }
            for f in forms {
                let words = f.split(' ').count();
                self.longest = self.longest.max(words);
                if self.forms.contains_key(&f) {
                    continue;
                }
                self.forms.insert(f.clone(), id);
                let last = f.rsplit(' ').next().unwrap_or(&f).to_string();
                let bit = last_bit(&last);
                self.last_bits[bit / 64] |= 1 << (bit % 64);
                let list = self.by_last.entry(last).or_default();
                let at = list.partition_point(|(n, _, _)| *n >= words);
                list.insert(at, (words, f, id));
            }
            if let Some(list) = self.by_name.get_mut(id as usize) {
                list.push(index);
            }
        }
        self.nouns.push(frame);
    }

    /// `words` end with a noun phrase's head (lower case). The longest name that ends there:
    /// (how many words it spans, name id).
    pub fn event_noun(&self, words: &[&str]) -> Option<(usize, u32)> {
        let max = self.longest.min(words.len());
        let tail = &words[words.len() - max..];
        let last = *tail.last()?;
        // A form matches the words it joins, so its last word is the last word when that has
        // no space in it: no candidate under it, no match.
        let candidates = match last.contains(' ') {
            false => {
                let bit = last_bit(last);
                if self.last_bits[bit / 64] & (1 << (bit % 64)) == 0 {
                    return None;
                }
                self.by_last.get(last)?
            }
            true => return self.event_noun_joined(words, max),
        };
        if tail.iter().any(|w| w.contains(' ')) {
            return self.event_noun_joined(words, max);
        }
        // Without spaces inside words, `k` words joined match only a form of `k` words: the
        // candidates, most words first.
        candidates.iter().find_map(|(k, form, id)| {
            (*k <= max && is_joined(form, &words[words.len() - k..])).then_some((*k, *id))
        })
    }

    /// [`FrameSet::event_noun`] by joined keys: the definition, for words with spaces in them
    /// (the joined keys then do not split at word boundaries).
    fn event_noun_joined(&self, words: &[&str], max: usize) -> Option<(usize, u32)> {
        (1..=max).rev().find_map(|k| {
            let key = words[words.len() - k..].join(" ");
            self.forms.get(&key).map(|&id| (k, id))
        })
    }

    /// The support verb `lemma` (+ `particle`), if it is one: exact first, then the verb
    /// alone ("held up" is "hold").
    pub fn support_verb(&self, lemma: &str, particle: Option<&str>) -> Option<&SupportVerb> {
        // Either match starts with the word `lemma` starts with.
        if !self.may_support(lemma) {
            return None;
        }
        let exact = |v: &&SupportVerb| match particle {
            Some(p) => {
                v.lemma.len() == lemma.len() + 1 + p.len()
                    && v.lemma.starts_with(lemma)
                    && v.lemma.ends_with(p)
                    && v.lemma.as_bytes().get(lemma.len()) == Some(&b' ')
            }
            None => v.lemma == lemma,
        };
        self.support
            .iter()
            .find(exact)
            .or_else(|| particle.and_then(|_| self.support.iter().find(|v| v.lemma == lemma)))
    }

    /// Whether `lemma` (+ `particle`) is a support verb.
    pub fn is_support(&self, lemma: &str, particle: Option<&str>) -> bool {
        self.support_verb(lemma, particle).is_some()
    }

    /// The first frame of a name that allows this support verb (or none).
    pub fn frame_for(&self, name: u32, support: Option<&str>) -> Option<&NounFrame> {
        self.frame_for_args(name, support, |_| false)
    }

    /// Among the frames of a name that allow this support verb, the first whose target
    /// prepositions the phrase has (`has_prep`: "joint drills around Taiwan" is posture, "joint
    /// drills with Russia" cooperation), else the first.
    pub fn frame_for_args(
        &self,
        name: u32,
        support: Option<&str>,
        has_prep: impl Fn(&str) -> bool,
    ) -> Option<&NounFrame> {
        let mut allowed = self.allowed(name, support);
        let first = allowed.next()?;
        if first.target.iter().any(|t| has_prep(t)) {
            return Some(first);
        }
        allowed
            .find(|f| f.target.iter().any(|t| has_prep(t)))
            .or(Some(first))
    }

    /// The codes a name means by itself: its frames' with no support verb required, else all
    /// its frames' ("the raid": 190).
    pub fn plain_codes(&self, name: u32) -> Vec<&str> {
        let names = self.by_name.get(name as usize).map_or(&[][..], |v| &v[..]);
        let frames = || names.iter().filter_map(|&i| self.nouns.get(i as usize));
        let plain: Vec<&str> = frames()
            .filter(|f| f.with.is_empty())
            .map(|f| f.code.as_str())
            .collect();
        if plain.is_empty() {
            frames().map(|f| f.code.as_str()).collect()
        } else {
            plain
        }
    }

    /// Whether some frame of a name, with whatever support verb, is aimed through `prep`
    /// ("sanctions on", "strikes against").
    pub fn aims_through(&self, name: u32, prep: &str) -> bool {
        let names = self.by_name.get(name as usize).map_or(&[][..], |v| &v[..]);
        names.iter().any(|&i| {
            self.nouns
                .get(i as usize)
                .is_some_and(|f| f.target.iter().any(|t| t == prep))
        })
    }

    fn allowed<'f, 's>(
        &'f self,
        name: u32,
        support: Option<&'s str>,
    ) -> impl Iterator<Item = &'f NounFrame> + use<'f, 's> {
        let only_with = support.is_some_and(|s| {
            let head = s.split(' ').next().unwrap_or(s);
            self.may_support(head)
                && self
                    .support
                    .iter()
                    .any(|v| v.only_with && (v.lemma == s || v.lemma == head))
        });
        let names = self.by_name.get(name as usize).map_or(&[][..], |v| &v[..]);
        names.iter().filter_map(move |&i| {
            let f = self.nouns.get(i as usize)?;
            let ok = (f.with.is_empty() && !only_with)
                || support.is_some_and(|s| {
                    let head = s.split(' ').next().unwrap_or(s);
                    f.with.iter().any(|w| w == s || w == head)
                });
            ok.then_some(f)
        })
    }

    /// Appends another set's frames (a dictionary set of several files).
    pub fn extend(&mut self, other: FrameSet) {
        for v in &other.support {
            self.mark_support(&v.lemma);
        }
        self.support.extend(other.support);
        for f in other.nouns {
            self.push_noun(f);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.nouns.is_empty() && self.support.is_empty()
    }

    /// Sets the bit of a support verb's first word.
    fn mark_support(&mut self, lemma: &str) {
        let bit = support_bit(lemma);
        self.support_bits[bit / 64] |= 1 << (bit % 64);
    }

    /// False when no support verb's first word is `text`'s first word.
    fn may_support(&self, text: &str) -> bool {
        let bit = support_bit(text);
        self.support_bits[bit / 64] & (1 << (bit % 64)) != 0
    }
}

/// The bit of `FrameSet::support_bits` for the first word of a verb or support-verb lemma.
fn support_bit(text: &str) -> usize {
    use std::hash::BuildHasher;
    let first = text.split(' ').next().unwrap_or(text);
    (WordHasher.hash_one(first) >> 56) as usize
}

/// The bit of `FrameSet::last_bits` for a word.
fn last_bit(word: &str) -> usize {
    use std::hash::BuildHasher;
    // The top bits: the multiply-rotate hash mixes upwards.
    (WordHasher.hash_one(word) >> 53) as usize
}

fn normalise(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// `crisis (crises)` → ("crisis", ["crises"]); `talks` → ("talks", []).
fn split_plurals(name: &str) -> (String, Vec<String>) {
    match name.split_once('(') {
        Some((n, p)) => (
            normalise(n),
            p.trim_end_matches(')')
                .split_whitespace()
                .map(str::to_lowercase)
                .collect(),
        ),
        None => (normalise(name), Vec::new()),
    }
}

/// `NAMES [+ preps] [$ preps] [joint] [with verbs] CODE`.
fn parse_noun(rest: &str, origin: Origin) -> Result<NounFrame, String> {
    let mut tokens: Vec<&str> = rest.split_whitespace().collect();
    let code = tokens
        .pop()
        .filter(|c| c.len() >= 2 && c.len() <= 4 && c.bytes().all(|b| b.is_ascii_digit()))
        .ok_or("a noun line ends with its CAMEO code (2-4 digits)")?
        .to_string();
    // Names run until the first `+` or `$` (so a name may hold "joint" or "with"), else until
    // the first keyword.
    let key = |t: &str| matches!(t, "+" | "$" | "joint" | "with");
    let split = tokens
        .iter()
        .position(|t| matches!(*t, "+" | "$"))
        .or_else(|| tokens.iter().position(|t| key(t)))
        .unwrap_or(tokens.len());
    let names: Vec<String> = tokens[..split]
        .join(" ")
        .split('|')
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty())
        .collect();
    if names.is_empty() {
        return Err("a noun line names at least one noun before its bindings".into());
    }
    let mut frame = NounFrame {
        names,
        target: Vec::new(),
        source: Vec::new(),
        joint: false,
        with: Vec::new(),
        code,
        origin,
    };
    let mut i = split;
    let list = |t: Option<&&str>| -> Result<Vec<String>, String> {
        let t = t.ok_or("`+`, `$` and `with` take a list: `+ on|against`")?;
        Ok(t.split('|').map(str::to_lowercase).collect())
    };
    while i < tokens.len() {
        match tokens[i] {
            "+" => {
                frame.target = list(tokens.get(i + 1))?;
                i += 2;
            }
            "$" => {
                frame.source = list(tokens.get(i + 1))?;
                i += 2;
            }
            "with" => {
                // Support verbs may be two words ("break off|call off"): read to the next key.
                let end = tokens[i + 1..]
                    .iter()
                    .position(|t| key(t))
                    .map_or(tokens.len(), |p| i + 1 + p);
                frame.with = tokens[i + 1..end]
                    .join(" ")
                    .split('|')
                    .map(normalise)
                    .filter(|w| !w.is_empty())
                    .collect();
                if frame.with.is_empty() {
                    return Err("`with` takes a list of support verbs".into());
                }
                i = end;
            }
            "joint" => {
                frame.joint = true;
                i += 1;
            }
            other => {
                return Err(format!(
                    "unexpected `{other}`: expected `+`, `$`, `joint`, `with` or the code"
                ));
            }
        }
    }
    if frame.source.is_empty() {
        frame.source.push("by".into());
    }
    Ok(frame)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The indexed lookup gives what the definition (longest joined key) gives, on our own
    /// frames and on words with spaces, empty words and case the keys do not have.
    #[test]
    fn event_noun_agrees_with_joined_keys() {
        let mut set = FrameSet::default();
        for (file, text) in crate::native::default_sources() {
            if file.starts_with("frames/") {
                set.add(text, file);
            }
        }
        assert!(set.longest >= 2, "our frames have multi-word names");
        let names: Vec<String> = set.forms.keys().cloned().collect();
        let mut cases: Vec<Vec<String>> = Vec::new();
        for n in &names {
            let words: Vec<String> = n.split(' ').map(str::to_string).collect();
            cases.push(words.clone());
            let mut longer = vec!["the".to_string(), "israeli".to_string()];
            longer.extend(words.iter().cloned());
            cases.push(longer);
            if let Some((first, rest)) = words.split_first() {
                let mut partial = vec![format!("x{first}")];
                partial.extend(rest.iter().cloned());
                cases.push(partial);
            }
            // One word holding a space: the joined keys match across it.
            if words.len() >= 2 {
                cases.push(vec!["a".to_string(), words.join(" ")]);
                let (head, last) = words.split_at(words.len() - 1);
                cases.push(vec![head.join(" "), last[0].clone()]);
            }
        }
        cases.push(Vec::new());
        cases.push(vec![String::new()]);
        cases.push(vec![String::new(), "strikes".to_string()]);
        cases.push(vec!["Air".to_string(), "Strikes".to_string()]);
        for words in &cases {
            let refs: Vec<&str> = words.iter().map(String::as_str).collect();
            let max = set.longest.min(refs.len());
            assert_eq!(
                set.event_noun(&refs),
                set.event_noun_joined(&refs, max),
                "{refs:?}"
            );
        }
    }
}
