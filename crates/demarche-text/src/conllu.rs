//! Reader for CoNLL-U (Universal Dependencies' format, written by spaCy, Stanza and UDPipe):
//! each sentence's dependency parse becomes a Penn Treebank-shaped tree
//! ([`Tree::from_dependencies`]) in [`Document::parses`], its text (`# text`, else the words
//! joined by their `SpaceAfter=No`) goes into [`Document::text`], so the coding pipeline takes
//! it as it takes a given PTB tree.
//!
//! Documents start at `# newdoc` (`# newdoc id = X` names them); a file without any is one
//! document, named by the caller. `# newpar` starts a paragraph (a blank line in the text).
//! Multi-word token lines (`1-2`) give the surface form for a rebuilt text and are not words of
//! the tree; empty nodes (`5.1`) and the enhanced dependencies (DEPS) are ignored.
//!
//! Read line by line from any `BufRead`: memory holds one document (a document is closed after
//! [`MAX_DOC_SENTENCES`] sentences and the next part starts, so a file without `# newdoc` stays
//! bounded too). A bad sentence is reported (file, line, what was expected) and left out of
//! the trees (its text stays in the document); reading goes on.

use crate::read::{Line, read_bounded_line};
use demarche_model::{DepWord, Diagnostic, Document, Tree};
use std::io::BufRead;

/// Longest line read (1 MiB); a longer one is skipped with its sentence, and reported.
pub const MAX_CONLLU_LINE: usize = 1 << 20;

/// Most sentences in one document before it is closed and a next part (`ID/2`) begins.
pub const MAX_DOC_SENTENCES: usize = 10_000;

/// Streams documents from CoNLL-U. `file` names the input in diagnostics; `default_id` names
/// documents that no `# newdoc id` names (numbered `-2`, `-3` … after the first).
///
/// ```
/// let conllu = "# text = Arnor won.\n1\tArnor\t_\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n\
///               2\twon\t_\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n3\t.\t_\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";
/// let docs: Vec<_> = demarche_text::read_conllu(conllu.as_bytes(), "in.conllu", "in").collect();
/// let (doc, line) = docs[0].as_ref().unwrap();
/// assert_eq!((doc.id.as_str(), doc.text.as_str(), *line), ("in", "Arnor won.", 1));
/// assert_eq!(doc.parses, ["(ROOT (S (NP (NNP Arnor)) (VP (VBD won)) (. .)))"]);
/// ```
pub fn read_conllu<R: BufRead>(reader: R, file: &str, default_id: &str) -> ConlluReader<R> {
    ConlluReader {
        reader,
        file: file.to_string(),
        default_id: default_id.to_string(),
        line_no: 0,
        buf: Vec::new(),
        doc: None,
        docs_started: 0,
        sent: Sentence::default(),
        newpar: false,
        out: std::collections::VecDeque::new(),
        done: false,
    }
}

/// Iterator returned by [`read_conllu`]: each document with the line it starts on, and each
/// problem as an `Err` (the document with its good sentences still comes).
#[derive(Debug)]
pub struct ConlluReader<R> {
    reader: R,
    file: String,
    default_id: String,
    line_no: usize,
    buf: Vec<u8>,
    doc: Option<Doc>,
    docs_started: usize,
    sent: Sentence,
    newpar: bool,
    out: std::collections::VecDeque<Result<(Document, usize), Diagnostic>>,
    done: bool,
}

#[derive(Debug)]
struct Doc {
    id: String,
    line: usize,
    text: String,
    parses: Vec<String>,
    sentences: usize,
    part: usize,
}

/// The sentence being read.
#[derive(Debug, Default)]
struct Sentence {
    /// Line of its first line (comment or word).
    line: usize,
    id: Option<String>,
    text: Option<String>,
    words: Vec<DepWord>,
    /// Surface tokens for a text rebuilt from the words: form and whether a space follows.
    surface: Vec<(String, bool)>,
    /// The last word id a multi-word token covers.
    token_until: usize,
    /// The first problem found; the rest of the sentence is skipped.
    error: Option<Diagnostic>,
}

impl Sentence {
    fn is_empty(&self) -> bool {
        self.words.is_empty() && self.error.is_none()
    }
}

fn space_after(misc: &str) -> bool {
    !misc.split('|').any(|f| f == "SpaceAfter=No")
}

impl<R: BufRead> ConlluReader<R> {
    fn read_line(&mut self) -> std::io::Result<Line> {
        read_bounded_line(&mut self.reader, &mut self.buf, MAX_CONLLU_LINE)
    }

    fn error(&self, line: usize, message: impl Into<String>) -> Diagnostic {
        Diagnostic::error(&self.file, Some(line), message)
    }

    /// Marks the sentence bad at this line (the first problem wins).
    fn fail(&mut self, message: String) {
        if self.sent.error.is_none() {
            if self.sent.words.is_empty() && self.sent.line == 0 {
                self.sent.line = self.line_no;
            }
            let name = match &self.sent.id {
                Some(id) => format!("sentence `{id}`: "),
                None => String::new(),
            };
            self.sent.error = Some(self.error(
                self.line_no,
                format!("{name}{message}; the sentence is left out"),
            ));
        }
    }

    fn start_doc(&mut self, id: Option<String>, line: usize) {
        self.docs_started += 1;
        let id = id.unwrap_or_else(|| {
            if self.docs_started == 1 {
                self.default_id.clone()
            } else {
                format!("{}-{}", self.default_id, self.docs_started)
            }
        });
        self.doc = Some(Doc {
            id,
            line,
            text: String::new(),
            parses: Vec::new(),
            sentences: 0,
            part: 1,
        });
    }

    fn flush_doc(&mut self) {
        if let Some(d) = self.doc.take()
            && d.sentences > 0
        {
            self.out.push_back(Ok((
                Document {
                    id: d.id,
                    text: d.text,
                    parses: d.parses,
                    ..Document::default()
                },
                d.line,
            )));
        }
    }

    /// Ends the sentence being read: its text into the document, its tree into the parses.
    fn finish_sentence(&mut self) {
        let sent = std::mem::take(&mut self.sent);
        if sent.is_empty() {
            return;
        }
        if self.doc.is_none() {
            self.start_doc(None, sent.line);
        }
        let text = sent.text.clone().unwrap_or_else(|| {
            let mut t = String::new();
            for (form, space) in &sent.surface {
                t.push_str(form);
                if *space {
                    t.push(' ');
                }
            }
            t.trim_end().to_string()
        });
        let result = match sent.error {
            Some(d) => Err(d),
            None => Tree::from_dependencies(&sent.words).map_err(|e| {
                let name = sent
                    .id
                    .as_ref()
                    .map_or_else(String::new, |id| format!("sentence `{id}`: "));
                let at = if e.word > 0 {
                    format!("word {}: ", e.word)
                } else {
                    String::new()
                };
                self.error(
                    sent.line,
                    format!("{name}{at}{}; the sentence is left out", e.message),
                )
            }),
        };
        let newpar = std::mem::take(&mut self.newpar);
        let Some(doc) = self.doc.as_mut() else {
            return;
        };
        if !doc.text.is_empty() && !text.is_empty() {
            doc.text.push_str(if newpar { "\n\n" } else { " " });
        }
        doc.text.push_str(&text);
        doc.sentences += 1;
        match result {
            Ok(tree) => doc.parses.push(tree.to_ptb()),
            Err(d) => self.out.push_back(Err(d)),
        }
        if doc.sentences >= MAX_DOC_SENTENCES {
            let (id, part) = (doc.id.clone(), doc.part);
            let base = match part {
                1 => id.clone(),
                _ => id
                    .rsplit_once('/')
                    .map_or(id.clone(), |(b, _)| b.to_string()),
            };
            self.flush_doc();
            self.out.push_back(Err(Diagnostic::warning(
                &self.file,
                Some(self.line_no),
                format!(
                    "document `{id}` reached {MAX_DOC_SENTENCES} sentences: the next ones go \
                     into `{base}/{}` (expected `# newdoc` between documents)",
                    part + 1
                ),
            )));
            self.docs_started += 1;
            self.doc = Some(Doc {
                id: format!("{base}/{}", part + 1),
                line: self.line_no + 1,
                text: String::new(),
                parses: Vec::new(),
                sentences: 0,
                part: part + 1,
            });
        }
    }

    fn comment(&mut self, line: &str) {
        let body = line.trim_start_matches('#').trim();
        let (key, value) = match body.split_once('=') {
            Some((k, v)) => (k.trim(), Some(v.trim())),
            None => (body, None),
        };
        if key == "newdoc" || key.starts_with("newdoc ") {
            self.finish_sentence();
            self.flush_doc();
            let id = (key == "newdoc id")
                .then(|| value.filter(|v| !v.is_empty()).map(str::to_string))
                .flatten();
            self.start_doc(id, self.line_no);
            self.newpar = false;
            return;
        }
        if key == "newpar" || key.starts_with("newpar ") {
            self.newpar = true;
            return;
        }
        if self.sent.line == 0 {
            self.sent.line = self.line_no;
        }
        match (key, value) {
            ("sent_id", Some(v)) => self.sent.id = Some(v.to_string()),
            ("text", Some(v)) => self.sent.text = Some(v.to_string()),
            _ => {}
        }
    }

    fn word_line(&mut self, line: &str) {
        if self.sent.line == 0 {
            self.sent.line = self.line_no;
        }
        if self.sent.error.is_some() {
            return;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            self.fail(format!(
                "expected 10 tab-separated columns (ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS \
                 MISC), found {}",
                cols.len()
            ));
            return;
        }
        let id = cols[0];
        if id.contains('.') {
            return; // an empty node of the enhanced graph
        }
        if let Some((a, b)) = id.split_once('-') {
            match (a.parse::<usize>(), b.parse::<usize>()) {
                (Ok(a), Ok(b)) if a == self.sent.words.len() + 1 && b >= a => {
                    self.sent
                        .surface
                        .push((cols[1].to_string(), space_after(cols[9])));
                    self.sent.token_until = b;
                }
                _ => self.fail(format!(
                    "multi-word token `{id}`: expected a range of the next word ids, from {}",
                    self.sent.words.len() + 1
                )),
            }
            return;
        }
        let expected = self.sent.words.len() + 1;
        match id.parse::<usize>() {
            Ok(n) if n == expected => {}
            _ => {
                self.fail(format!("word id `{id}`: expected {expected}"));
                return;
            }
        }
        let head = match cols[6].parse::<usize>() {
            Ok(h) => h,
            Err(_) => {
                self.fail(format!(
                    "word {expected}: HEAD `{}`: expected the number of the head word (0 for \
                     the root)",
                    cols[6]
                ));
                return;
            }
        };
        if cols[7].is_empty() || cols[7] == "_" {
            self.fail(format!(
                "word {expected}: DEPREL is empty: expected a dependency relation"
            ));
            return;
        }
        if expected > self.sent.token_until {
            self.sent
                .surface
                .push((cols[1].to_string(), space_after(cols[9])));
        }
        self.sent.words.push(DepWord {
            form: cols[1].to_string(),
            upos: cols[3].to_string(),
            xpos: cols[4].to_string(),
            head,
            deprel: cols[7].to_string(),
        });
        if self.sent.words.len() > demarche_model::MAX_DEPENDENCY_WORDS {
            self.fail(format!(
                "more than {} words: expected a sentence",
                demarche_model::MAX_DEPENDENCY_WORDS
            ));
        }
    }
}

impl<R: BufRead> Iterator for ConlluReader<R> {
    type Item = Result<(Document, usize), Diagnostic>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(item) = self.out.pop_front() {
                return Some(item);
            }
            if self.done {
                return None;
            }
            match self.read_line() {
                Err(e) => {
                    self.done = true;
                    self.out.push_back(Err(Diagnostic::error(
                        &self.file,
                        Some(self.line_no + 1),
                        format!("cannot read: {e}; reading stops here"),
                    )));
                    self.finish_sentence();
                    self.flush_doc();
                }
                Ok(Line::Eof) => {
                    self.done = true;
                    self.finish_sentence();
                    self.flush_doc();
                }
                Ok(Line::TooLong(n)) => {
                    self.line_no += 1;
                    self.fail(format!(
                        "a line of {n} bytes: expected at most {MAX_CONLLU_LINE}"
                    ));
                }
                Ok(Line::Ok) => {
                    self.line_no += 1;
                    let bytes = std::mem::take(&mut self.buf);
                    let text = match std::str::from_utf8(&bytes) {
                        Ok(t) => std::borrow::Cow::Borrowed(t),
                        Err(_) => {
                            self.fail("invalid UTF-8: expected UTF-8 text".to_string());
                            String::from_utf8_lossy(&bytes)
                        }
                    };
                    let line = text.trim_end();
                    if line.trim().is_empty() {
                        self.finish_sentence();
                    } else if line.starts_with('#') {
                        let owned = line.to_string();
                        self.comment(&owned);
                    } else {
                        let owned = line.to_string();
                        self.word_line(&owned);
                    }
                    self.buf = bytes;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(input: &str) -> (Vec<(Document, usize)>, Vec<String>) {
        let mut docs = Vec::new();
        let mut diags = Vec::new();
        for item in read_conllu(input.as_bytes(), "t.conllu", "t") {
            match item {
                Ok(d) => docs.push(d),
                Err(d) => diags.push(d.to_string()),
            }
        }
        (docs, diags)
    }

    /// Lines with `|` for tabs.
    fn tsv(s: &str) -> String {
        s.lines()
            .map(|l| l.trim().replace('|', "\t"))
            .collect::<Vec<_>>()
            .join("\n")
            + "\n"
    }

    #[test]
    fn documents_paragraphs_multiword_tokens_and_empty_nodes() {
        let input = tsv("# newdoc id = a
             # sent_id = a1
             # text = Arnor won.
             1|Arnor|_|PROPN|NNP|_|2|nsubj|_|_
             2|won|_|VERB|VBD|_|0|root|_|SpaceAfter=No
             3|.|_|PUNCT|.|_|2|punct|_|_

             # newpar
             1|Gondor|_|PROPN|NNP|_|4|nsubj|_|_
             2-3|cannot|_|_|_|_|_|_|_|_
             2|can|_|AUX|MD|_|4|aux|_|_
             3|not|_|PART|RB|_|4|advmod|_|_
             3.1|x|_|_|_|_|_|_|4:dep|_
             4|win|_|VERB|VB|_|0|root|4:root|SpaceAfter=No
             5|.|_|PUNCT|.|_|4|punct|_|_

             # newdoc
             1|Rohan|_|PROPN|NNP|_|0|root|_|_
             ");
        let (docs, diags) = read(&input);
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(docs.len(), 2);
        let (a, line) = &docs[0];
        assert_eq!((a.id.as_str(), *line), ("a", 1));
        // The second sentence has no `# text`: rebuilt from the surface tokens.
        assert_eq!(a.text, "Arnor won.\n\nGondor cannot win.");
        assert_eq!(a.parses.len(), 2);
        assert!(
            a.parses[1].contains("(MD can) (ADVP (RB not))"),
            "{}",
            a.parses[1]
        );
        let (b, line) = &docs[1];
        assert_eq!(
            (b.id.as_str(), b.text.as_str(), *line),
            ("t-2", "Rohan", 17)
        );
    }

    #[test]
    fn bad_sentences_are_reported_and_skipped() {
        let input = tsv("# sent_id = s1
             # text = Arnor won.
             1|Arnor|_|PROPN|NNP|_|x|nsubj|_|_
             2|won|_|VERB|VBD|_|0|root|_|_

             # sent_id = s2
             # text = Gondor lost.
             1|Gondor|_|PROPN|NNP|_|2|nsubj|_|_
             3|lost|_|VERB|VBD|_|0|root|_|_

             # sent_id = s3
             1|Rohan|_|PROPN|NNP|_|2|nsubj
             2|rode|_|VERB|VBD|_|0|root|_|_

             # sent_id = s4
             # text = Eriador waited.
             1|Eriador|_|PROPN|NNP|_|2|nsubj|_|_
             2|waited|_|VERB|VBD|_|1|root|_|_

             # sent_id = s5
             # text = Dale stood.
             1|Dale|_|PROPN|NNP|_|2|nsubj|_|_
             2|stood|_|VERB|VBD|_|0|root|_|_
             ");
        let (docs, diags) = read(&input);
        assert_eq!(diags.len(), 4, "{diags:?}");
        assert!(
            diags[0].starts_with("t.conllu:3: error: sentence `s1`: word 1: HEAD `x`"),
            "{diags:?}"
        );
        assert!(
            diags[1].starts_with("t.conllu:9: error: sentence `s2`: word id `3`: expected 2"),
            "{diags:?}"
        );
        assert!(
            diags[2].starts_with("t.conllu:12: error: sentence `s3`: expected 10 tab-separated"),
            "{diags:?}"
        );
        assert!(
            diags[3].starts_with("t.conllu:15: error: sentence `s4`: no root"),
            "{diags:?}"
        );
        // The document keeps every sentence's text and the good sentence's tree.
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].0.parses.len(), 1);
        assert!(docs[0].0.text.ends_with("Eriador waited. Dale stood."));
    }

    #[test]
    fn invalid_utf8_and_long_lines_are_errors() {
        let mut input = b"1\tA\xff\t_\tX\tNN\t_\t0\troot\t_\t_\n\n".to_vec();
        input.extend_from_slice(b"1\t");
        input.extend(std::iter::repeat_n(b'a', MAX_CONLLU_LINE + 5));
        input.extend_from_slice(b"\n\n1\tOk\t_\tX\tNN\t_\t0\troot\t_\t_\n");
        let mut diags = Vec::new();
        let mut docs = Vec::new();
        for item in read_conllu(input.as_slice(), "u.conllu", "u") {
            match item {
                Ok(d) => docs.push(d.0),
                Err(d) => diags.push(d.to_string()),
            }
        }
        assert_eq!(diags.len(), 2, "{diags:?}");
        assert!(diags[0].starts_with("u.conllu:1: error: invalid UTF-8"));
        assert!(diags[1].starts_with("u.conllu:3: error: a line of"));
        assert_eq!(docs[0].parses, ["(ROOT (NP (NN Ok)))"]);
    }
}

#[cfg(test)]
mod proptests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn arbitrary_input_never_panics(s in "([0-9]{1,2}(-[0-9])?(\\.[0-9])?\t[a-z]{0,3}\t_\t[A-Z]{0,4}\t[A-Z]{0,3}\t_\t[0-9]{1,2}\t[a-z:]{0,6}\t_\t[A-Za-z=]{0,12}\n|# [a-z_ =]{0,12}\n|\n|[ -~\t]{0,20}\n){0,30}") {
            for (doc, _) in read_conllu(s.as_bytes(), "p.conllu", "p").flatten() {
                for p in &doc.parses {
                    prop_assert!(Tree::parse_ptb(p).is_ok());
                }
            }
        }
    }
}
