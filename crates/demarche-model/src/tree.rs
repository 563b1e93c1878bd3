//! Phrase-structure trees with Penn Treebank labels, stored in an arena.
//!
//! Preterminals are the leaves: a leaf node has a part-of-speech label (`NNP`) and a word
//! (`Arnor`). Phrase nodes (`NP`, `VP`, `S`, ...) have children. Nodes are stored in pre-order,
//! so a parent's id is always smaller than its children's; the reader and every walk are
//! iterative, so a tree nested 100,000 levels deep neither overflows the stack nor panics.
//!
//! Trees read from input are bounded ([`TreeLimits`]): [`Tree::parse_ptb`] refuses a tree nested
//! deeper than [`MAX_TREE_DEPTH`] levels or with more than [`MAX_TREE_WORDS`] words, with an
//! error at the byte where the limit was crossed, before the rest is held in memory. The coder's
//! walks over a tree are superlinear in its depth (a clause under a clause under a clause ...),
//! so an input must not choose the depth. Alignment ([`Tree::aligned_to`]) looks for each word
//! at most [`MAX_ALIGN_GAP`] bytes after the previous word found, so a word missing from a long
//! text costs a bounded scan, not the rest of the text.

use crate::Span;
use std::borrow::Cow;
use std::fmt::Write as _;

/// Deepest nesting [`Tree::parse_ptb`] accepts (levels of brackets). Parser output and treebank
/// trees of news sentences are a few dozen levels deep.
pub const MAX_TREE_DEPTH: usize = 200;

/// Most words (leaves) [`Tree::parse_ptb`] accepts in one tree: a sentence, not a document.
pub const MAX_TREE_WORDS: usize = 1_000;

/// How far past the previous word found [`Tree::aligned_to`] looks for the next word (bytes).
pub const MAX_ALIGN_GAP: usize = 4_096;

/// Bounds on a tree read by [`Tree::parse_ptb_with`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TreeLimits {
    /// Deepest nesting of brackets.
    pub max_depth: usize,
    /// Most leaves.
    pub max_words: usize,
}

impl TreeLimits {
    /// No bounds: for trees from a trusted source (tests, our own fixtures).
    pub const NONE: TreeLimits = TreeLimits {
        max_depth: usize::MAX,
        max_words: usize::MAX,
    };
}

impl Default for TreeLimits {
    /// [`MAX_TREE_DEPTH`] and [`MAX_TREE_WORDS`].
    fn default() -> Self {
        TreeLimits {
            max_depth: MAX_TREE_DEPTH,
            max_words: MAX_TREE_WORDS,
        }
    }
}

/// Index of a node in its [`Tree`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NodeId(pub u32);

impl NodeId {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    Phrase,
    Leaf,
}

#[derive(Debug, Clone, PartialEq)]
struct Node {
    /// A Penn Treebank label is shared, not allocated per node ([`label_of`]).
    label: Cow<'static, str>,
    word: Option<String>,
    parent: Option<NodeId>,
    /// The node's children: `kids[first_kid..first_kid + kid_count]` of the tree, laid out
    /// once the tree is complete ([`Tree::link`]), so no node holds an allocation of its own.
    first_kid: u32,
    kid_count: u32,
    span: Option<Span>,
}

/// A node's label: one static string shared by every node with a Penn Treebank label (tags
/// and phrases), a copy only for another. Matched as bytes, which compiles to a branch on the
/// length and then the bytes (a match on `&str` compares the arms one by one).
fn label_of(label: &str) -> Cow<'static, str> {
    Cow::Borrowed(match label.as_bytes() {
        b"ROOT" => "ROOT",
        b"S" => "S",
        b"SBAR" => "SBAR",
        b"SBARQ" => "SBARQ",
        b"SINV" => "SINV",
        b"SQ" => "SQ",
        b"NP" => "NP",
        b"VP" => "VP",
        b"PP" => "PP",
        b"ADJP" => "ADJP",
        b"ADVP" => "ADVP",
        b"PRT" => "PRT",
        b"QP" => "QP",
        b"WHNP" => "WHNP",
        b"WHADVP" => "WHADVP",
        b"WHPP" => "WHPP",
        b"WHADJP" => "WHADJP",
        b"CONJP" => "CONJP",
        b"FRAG" => "FRAG",
        b"INTJ" => "INTJ",
        b"LST" => "LST",
        b"NAC" => "NAC",
        b"NX" => "NX",
        b"PRN" => "PRN",
        b"RRC" => "RRC",
        b"UCP" => "UCP",
        b"X" => "X",
        b"NP-TMP" => "NP-TMP",
        b"CC" => "CC",
        b"CD" => "CD",
        b"DT" => "DT",
        b"EX" => "EX",
        b"FW" => "FW",
        b"IN" => "IN",
        b"JJ" => "JJ",
        b"JJR" => "JJR",
        b"JJS" => "JJS",
        b"LS" => "LS",
        b"MD" => "MD",
        b"NN" => "NN",
        b"NNS" => "NNS",
        b"NNP" => "NNP",
        b"NNPS" => "NNPS",
        b"PDT" => "PDT",
        b"POS" => "POS",
        b"PRP" => "PRP",
        b"PRP$" => "PRP$",
        b"RB" => "RB",
        b"RBR" => "RBR",
        b"RBS" => "RBS",
        b"RP" => "RP",
        b"SYM" => "SYM",
        b"TO" => "TO",
        b"UH" => "UH",
        b"VB" => "VB",
        b"VBD" => "VBD",
        b"VBG" => "VBG",
        b"VBN" => "VBN",
        b"VBP" => "VBP",
        b"VBZ" => "VBZ",
        b"WDT" => "WDT",
        b"WP" => "WP",
        b"WP$" => "WP$",
        b"WRB" => "WRB",
        b"." => ".",
        b"," => ",",
        b":" => ":",
        b"``" => "``",
        b"''" => "''",
        b"-LRB-" => "-LRB-",
        b"-RRB-" => "-RRB-",
        b"#" => "#",
        b"$" => "$",
        _ => return Cow::Owned(label.to_string()),
    })
}

/// A phrase-structure tree. Built by [`Tree::parse_ptb`] or by a parser through
/// [`Tree::builder`]; read through node ids.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Tree {
    nodes: Vec<Node>,
    /// Every node's children, node by node, in order (see `Node::first_kid`).
    kids: Vec<NodeId>,
}

/// Why a bracketed tree could not be read. `offset` is a byte offset into the input.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message} (at byte {offset})")]
pub struct TreeError {
    pub offset: usize,
    pub message: String,
}

impl TreeError {
    fn new(offset: usize, message: impl Into<String>) -> Self {
        TreeError {
            offset,
            message: message.into(),
        }
    }

    /// 1-based line and column of the error in `input`.
    pub fn line_column(&self, input: &str) -> (usize, usize) {
        let before = input.get(..self.offset.min(input.len())).unwrap_or(input);
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        (line, column)
    }
}

/// Builds a tree top-down: `open` a phrase, add `leaf`s and nested phrases, `close` it.
#[derive(Debug, Default)]
pub struct TreeBuilder {
    tree: Tree,
    stack: Vec<NodeId>,
}

impl TreeBuilder {
    pub fn open(&mut self, label: &str) -> NodeId {
        let id = self.tree.push(label, None, self.stack.last().copied());
        self.stack.push(id);
        id
    }

    pub fn leaf(&mut self, tag: &str, word: &str, span: Option<Span>) -> NodeId {
        let id = self
            .tree
            .push(tag, Some(word.to_string()), self.stack.last().copied());
        self.tree.nodes[id.index()].span = span;
        id
    }

    pub fn close(&mut self) {
        self.stack.pop();
    }

    /// Closes any open phrases and computes phrase spans from the leaves.
    pub fn finish(mut self) -> Tree {
        self.stack.clear();
        self.tree.link();
        self.tree.compute_phrase_spans();
        self.tree
    }
}

impl Tree {
    pub fn builder() -> TreeBuilder {
        TreeBuilder::default()
    }

    /// A builder with room for `nodes` nodes (phrases and leaves), for a caller that knows how
    /// many it will add.
    pub fn builder_with_capacity(nodes: usize) -> TreeBuilder {
        let mut b = TreeBuilder::default();
        b.tree.nodes.reserve(nodes);
        b
    }

    fn push(&mut self, label: &str, word: Option<String>, parent: Option<NodeId>) -> NodeId {
        let id = NodeId(self.nodes.len() as u32);
        self.nodes.push(Node {
            label: label_of(label),
            word,
            parent,
            first_kid: 0,
            kid_count: 0,
            span: None,
        });
        id
    }

    /// Lays out every node's children from the parents, in one array: counted, placed node by
    /// node, then filled in id order (pre-order, so each node's children stay left to right).
    fn link(&mut self) {
        for node in &mut self.nodes {
            node.kid_count = 0;
        }
        for i in 0..self.nodes.len() {
            if let Some(p) = self.nodes[i].parent {
                self.nodes[p.index()].kid_count += 1;
            }
        }
        let mut at = 0u32;
        for node in &mut self.nodes {
            node.first_kid = at;
            at += node.kid_count;
            node.kid_count = 0;
        }
        self.kids.clear();
        self.kids.resize(at as usize, NodeId(0));
        for i in 0..self.nodes.len() {
            if let Some(p) = self.nodes[i].parent {
                let parent = &mut self.nodes[p.index()];
                self.kids[(parent.first_kid + parent.kid_count) as usize] = NodeId(i as u32);
                parent.kid_count += 1;
            }
        }
    }

    /// Reads one Penn Treebank bracketed tree, e.g. `(ROOT (S (NP (NNP Arnor)) ...))`.
    ///
    /// Accepts the forms parsers write: an outer unlabelled bracket `( (S ...))`, `ROOT`, any
    /// white space. Text after the tree's closing bracket is an error, and so is a tree beyond
    /// the default [`TreeLimits`] (nested deeper than [`MAX_TREE_DEPTH`], more than
    /// [`MAX_TREE_WORDS`] words).
    pub fn parse_ptb(input: &str) -> Result<Tree, TreeError> {
        Self::parse_ptb_with(input, TreeLimits::default())
    }

    /// [`Tree::parse_ptb`] with other bounds ([`TreeLimits::NONE`] for none). Time and memory
    /// are linear in the input; reading stops at the byte where a bound is crossed.
    pub fn parse_ptb_with(input: &str, limits: TreeLimits) -> Result<Tree, TreeError> {
        let bytes = input.as_bytes();
        let mut words = 0usize;
        let mut tree = Tree::default();
        let mut stack: Vec<NodeId> = Vec::new();
        let mut i = 0;
        let skip_ws = |i: &mut usize| {
            while *i < bytes.len() && bytes[*i].is_ascii_whitespace() {
                *i += 1;
            }
        };
        let read_atom = |i: &mut usize| -> &str {
            let start = *i;
            while *i < bytes.len()
                && !bytes[*i].is_ascii_whitespace()
                && !b"()".contains(&bytes[*i])
            {
                *i += 1;
            }
            // Atoms end at ASCII bytes, so the slice is on character boundaries.
            &input[start..*i]
        };
        skip_ws(&mut i);
        if i >= bytes.len() {
            return Err(TreeError::new(
                i,
                "expected a bracketed tree, found nothing",
            ));
        }
        let mut done = false;
        while i < bytes.len() {
            skip_ws(&mut i);
            if i >= bytes.len() {
                break;
            }
            if done {
                return Err(TreeError::new(
                    i,
                    "unexpected text after the tree's closing bracket",
                ));
            }
            match bytes[i] {
                b'(' => {
                    let open_at = i;
                    i += 1;
                    skip_ws(&mut i);
                    let label = if i < bytes.len() && bytes[i] == b'(' {
                        String::new()
                    } else {
                        read_atom(&mut i).to_string()
                    };
                    skip_ws(&mut i);
                    if i >= bytes.len() {
                        return Err(TreeError::new(
                            open_at,
                            "unbalanced `(`: the tree is truncated",
                        ));
                    }
                    if bytes[i] == b'(' || bytes[i] == b')' {
                        if stack.len() >= limits.max_depth {
                            return Err(TreeError::new(
                                open_at,
                                format!(
                                    "tree nested deeper than {} levels: expected the parse of one sentence",
                                    limits.max_depth
                                ),
                            ));
                        }
                        let id = tree.push(&label, None, stack.last().copied());
                        stack.push(id);
                    } else {
                        // A preterminal: (TAG word)
                        let word = read_atom(&mut i).to_string();
                        skip_ws(&mut i);
                        if i >= bytes.len() || bytes[i] != b')' {
                            return Err(TreeError::new(
                                i.min(bytes.len()),
                                format!("expected `)` after the word `{word}`"),
                            ));
                        }
                        i += 1;
                        if label.is_empty() {
                            return Err(TreeError::new(open_at, "a word without a tag"));
                        }
                        words += 1;
                        if words > limits.max_words {
                            return Err(TreeError::new(
                                open_at,
                                format!(
                                    "tree of more than {} words: expected the parse of one sentence",
                                    limits.max_words
                                ),
                            ));
                        }
                        tree.push(&label, Some(word), stack.last().copied());
                        if stack.is_empty() {
                            done = true;
                        }
                    }
                }
                b')' => {
                    if stack.pop().is_none() {
                        return Err(TreeError::new(i, "unbalanced `)`: nothing is open"));
                    }
                    i += 1;
                    if stack.is_empty() {
                        done = true;
                    }
                }
                _ => {
                    let start = i;
                    let atom = read_atom(&mut i);
                    return Err(TreeError::new(
                        start,
                        format!("expected `(` or `)`, found `{atom}`"),
                    ));
                }
            }
        }
        if !stack.is_empty() {
            return Err(TreeError::new(
                bytes.len(),
                format!("unbalanced `(`: {} bracket(s) left open", stack.len()),
            ));
        }
        tree.strip_unlabelled_root();
        tree.link();
        Ok(tree)
    }

    /// `( (S ...) )` is the usual PTB wrapper: drop an unlabelled root with one child.
    fn strip_unlabelled_root(&mut self) {
        if self.nodes.first().is_some_and(|n| n.label.is_empty()) {
            self.nodes[0].label = Cow::Borrowed("ROOT");
        }
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// The root node (the tree must not be empty).
    pub fn root(&self) -> NodeId {
        NodeId(0)
    }

    pub fn label(&self, id: NodeId) -> &str {
        &self.nodes[id.index()].label
    }

    /// The word of a leaf; `None` for a phrase.
    pub fn word(&self, id: NodeId) -> Option<&str> {
        self.nodes[id.index()].word.as_deref()
    }

    pub fn kind(&self, id: NodeId) -> NodeKind {
        if self.nodes[id.index()].word.is_some() {
            NodeKind::Leaf
        } else {
            NodeKind::Phrase
        }
    }

    pub fn is_leaf(&self, id: NodeId) -> bool {
        self.kind(id) == NodeKind::Leaf
    }

    pub fn parent(&self, id: NodeId) -> Option<NodeId> {
        self.nodes[id.index()].parent
    }

    #[inline]
    pub fn children(&self, id: NodeId) -> &[NodeId] {
        let node = &self.nodes[id.index()];
        let start = node.first_kid as usize;
        &self.kids[start..start + node.kid_count as usize]
    }

    /// Byte span of a node in the sentence text, once aligned (see [`Tree::aligned_to`]).
    pub fn span(&self, id: NodeId) -> Option<Span> {
        self.nodes[id.index()].span
    }

    /// All node ids in pre-order (parents before children, left to right).
    pub fn nodes(&self) -> impl Iterator<Item = NodeId> + '_ {
        (0..self.nodes.len() as u32).map(NodeId)
    }

    /// Leaves in sentence order.
    pub fn leaves(&self) -> impl Iterator<Item = NodeId> + '_ {
        self.nodes().filter(|&n| self.is_leaf(n))
    }

    /// Leaves under `id`, in order. Pre-order storage makes a subtree a contiguous id range.
    pub fn leaves_under(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        let end = self.subtree_end(id);
        (id.0..end.0).map(NodeId).filter(|&n| self.is_leaf(n))
    }

    /// One past the last node id of the subtree rooted at `id`.
    pub fn subtree_end(&self, id: NodeId) -> NodeId {
        let mut cur = id;
        while let Some(&last) = self.children(cur).last() {
            cur = last;
        }
        NodeId(cur.0 + 1)
    }

    /// Ancestors of `id`, nearest first (excluding `id`).
    pub fn ancestors(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        std::iter::successors(self.parent(id), move |&n| self.parent(n))
    }

    /// Words under `id` joined with single spaces.
    pub fn words_under(&self, id: NodeId) -> String {
        let mut out = String::new();
        for leaf in self.leaves_under(id) {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(self.word(leaf).unwrap_or(""));
        }
        out
    }

    /// Sets every leaf's span by finding its word in `text`, left to right, then gives each
    /// phrase the span covering its leaves. Treebank escapes (`-LRB-`, `` `` ``, `''`) and curly
    /// quotes match their plain forms. A word not found in the text keeps no span.
    ///
    /// The first word found may be anywhere in `text`; each later word is looked for at most
    /// [`MAX_ALIGN_GAP`] bytes after the previous one. The whole alignment tries at most
    /// `4 × text length + words × MAX_ALIGN_GAP` positions, so it is linear in the text and the
    /// tree whatever words are missing.
    pub fn aligned_to(self, text: &str) -> Tree {
        let words = self.nodes.iter().filter(|n| n.word.is_some()).count();
        let mut budget = text
            .len()
            .saturating_mul(4)
            .saturating_add(words.saturating_mul(MAX_ALIGN_GAP));
        self.aligned_within(text, &mut budget)
    }

    /// [`Tree::aligned_to`] spending at most `*budget` tried positions, shared with the caller
    /// (who may align many trees against one budget). When the budget runs out the remaining
    /// words keep no span and `*budget` is 0.
    pub fn aligned_within(mut self, text: &str, budget: &mut usize) -> Tree {
        let mut cursor: usize = 0;
        let mut found_any = false;
        for i in 0..self.nodes.len() {
            let Some(word) = self.nodes[i].word.as_deref() else {
                continue;
            };
            let limit = if found_any {
                cursor.saturating_add(MAX_ALIGN_GAP)
            } else {
                text.len()
            };
            let found = find_token(text, cursor, word, limit, budget);
            self.nodes[i].span = found;
            if let Some(span) = found {
                cursor = span.end;
                found_any = true;
            }
        }
        self.compute_phrase_spans();
        self
    }

    /// The sentence the leaves spell, untokenised: treebank escapes back to their characters
    /// (`-LRB-` → `(`, ``` `` ``` and `''` → `"`), no space before closing punctuation and
    /// clitics (`,` `.` `)` `'s` `n't`), none after opening ones (`(` `$` an opening quote).
    /// [`Tree::aligned_to`] finds every leaf in it. For inputs that give a tree and no text
    /// (PETRARCH records with an empty `<Text>`).
    pub fn untokenized(&self) -> String {
        let mut out = String::new();
        let mut glue_next = true;
        let mut open_quote = false;
        for leaf in self.leaves() {
            let word = self.word(leaf).unwrap_or("");
            let plain = match word {
                "-LRB-" | "-lrb-" => "(",
                "-RRB-" | "-rrb-" => ")",
                "-LSB-" | "-lsb-" => "[",
                "-RSB-" | "-rsb-" => "]",
                "-LCB-" | "-lcb-" => "{",
                "-RCB-" | "-rcb-" => "}",
                "``" | "''" => "\"",
                "`" => "'",
                w => w,
            };
            let lower = word.to_lowercase();
            let closes = matches!(
                plain,
                "." | "," | ";" | ":" | "?" | "!" | "%" | ")" | "]" | "}" | "..."
            ) || word == "''"
                || (word == "\"" && open_quote)
                || matches!(
                    lower.as_str(),
                    "'s" | "'re" | "'ve" | "'ll" | "'d" | "'m" | "n't" | "'" | "’s"
                );
            let opens = matches!(plain, "(" | "[" | "{" | "$" | "#")
                || word == "``"
                || (word == "\"" && !open_quote);
            if word == "``" || word == "''" || word == "\"" {
                open_quote = opens;
            }
            if !out.is_empty() && !glue_next && !closes {
                out.push(' ');
            }
            out.push_str(&plain.replace("\\/", "/").replace("\\*", "*"));
            glue_next = opens;
        }
        out
    }

    /// How deep the tree is: 1 for a lone leaf, 0 for an empty tree. Linear time.
    pub fn depth(&self) -> usize {
        // Pre-order storage: a parent's depth is known before its children's.
        let mut depth = vec![0usize; self.nodes.len()];
        let mut deepest = 0;
        for (i, node) in self.nodes.iter().enumerate() {
            let d = node.parent.map_or(1, |p| depth[p.index()] + 1);
            depth[i] = d;
            deepest = deepest.max(d);
        }
        deepest
    }

    fn compute_phrase_spans(&mut self) {
        for i in (0..self.nodes.len()).rev() {
            if self.nodes[i].word.is_some() {
                continue;
            }
            let mut cover: Option<Span> = None;
            for &c in self.children(NodeId(i as u32)) {
                if let Some(s) = self.nodes[c.index()].span {
                    cover = Some(cover.map_or(s, |acc| acc.cover(s)));
                }
            }
            self.nodes[i].span = cover;
        }
    }

    /// The tree in one-line bracket notation.
    pub fn to_ptb(&self) -> String {
        self.render(false)
    }

    /// The tree indented one level per depth, for people (`demarche explain`).
    pub fn pretty(&self) -> String {
        self.render(true)
    }

    fn render(&self, indent: bool) -> String {
        let mut out = String::new();
        if self.nodes.is_empty() {
            return out;
        }
        // Iterative walk: (node, depth, closing?)
        let mut stack = vec![(self.root(), 0usize, false)];
        while let Some((id, depth, closing)) = stack.pop() {
            if closing {
                out.push(')');
                continue;
            }
            if indent && !self.is_leaf(id) && id != self.root() {
                out.push('\n');
                out.push_str(&"  ".repeat(depth));
            } else if id != self.root() {
                out.push(' ');
            }
            let node = &self.nodes[id.index()];
            match &node.word {
                Some(w) => {
                    let _ = write!(out, "({} {})", node.label, w);
                }
                None => {
                    let _ = write!(out, "({}", node.label);
                    stack.push((id, depth, true));
                    for &c in self.children(id).iter().rev() {
                        stack.push((c, depth + 1, false));
                    }
                }
            }
        }
        out
    }
}

/// The plain-text forms a treebank token may stand for.
fn token_forms(word: &str) -> Vec<String> {
    match word {
        "-LRB-" | "-lrb-" => vec!["(".into(), "[".into()],
        "-RRB-" | "-rrb-" => vec![")".into(), "]".into()],
        "-LCB-" | "-lcb-" => vec!["{".into()],
        "-RCB-" | "-rcb-" => vec!["}".into()],
        "-LSB-" | "-lsb-" => vec!["[".into()],
        "-RSB-" | "-rsb-" => vec!["]".into()],
        "``" | "''" => vec!["\"".into(), "'".into(), word.into()],
        "`" => vec!["'".into()],
        "--" => vec!["--".into(), "—".into(), "–".into(), "-".into()],
        _ => vec![word.replace("\\/", "/").replace("\\*", "*")],
    }
}

/// Folds typographic quotes and apostrophes to their ASCII forms for matching.
pub(crate) fn fold_char(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' | '`' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{2033}' => '"',
        _ => c,
    }
}

fn matches_at(text: &str, at: usize, form: &str) -> Option<usize> {
    let mut t = text.get(at..)?.char_indices();
    for fc in form.chars() {
        let (_, tc) = t.next()?;
        if fold_char(tc)
            .to_lowercase()
            .ne(fold_char(fc).to_lowercase())
        {
            return None;
        }
    }
    Some(at + t.next().map_or(text.len() - at, |(i, _)| i))
}

/// The first place at or after `cursor` and starting at or before `limit` where `word` (in one
/// of its forms) stands in `text`; each position tried costs one from `budget`.
fn find_token(
    text: &str,
    cursor: usize,
    word: &str,
    limit: usize,
    budget: &mut usize,
) -> Option<Span> {
    let forms = token_forms(word);
    for (i, _) in text.get(cursor..)?.char_indices() {
        let at = cursor + i;
        if at > limit || *budget == 0 {
            return None;
        }
        *budget -= 1;
        if let Some(end) = forms.iter().find_map(|f| matches_at(text, at, f)) {
            return Some(Span::new(at, end));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const DEMO: &str = "(ROOT (S (NP (NNP Arnor)) (VP (VBD attacked) (NP (NNP Gondor))) (. .)))";

    #[test]
    fn reads_and_prints() {
        let t = Tree::parse_ptb(DEMO).unwrap();
        assert_eq!(t.to_ptb(), DEMO);
        assert_eq!(t.label(t.root()), "ROOT");
        assert_eq!(t.words_under(t.root()), "Arnor attacked Gondor .");
        let vp = t.nodes().find(|&n| t.label(n) == "VP").unwrap();
        assert_eq!(t.words_under(vp), "attacked Gondor");
        assert_eq!(t.parent(vp).map(|p| t.label(p)), Some("S"));
    }

    #[test]
    fn unlabelled_outer_bracket() {
        let t = Tree::parse_ptb("( (S (NP (PRP We)) (VP (VBD won))))").unwrap();
        assert_eq!(t.label(t.root()), "ROOT");
        assert_eq!(t.leaves().count(), 2);
    }

    #[test]
    fn alignment_handles_escapes_and_curly_quotes() {
        let text = "Putin’s “model” (new) isn't bad";
        let t = Tree::parse_ptb(
            "(S (NP (NNP Putin) (POS 's)) (`` ``) (NN model) ('' '') (-LRB- -LRB-) (JJ new) (-RRB- -RRB-) (VBZ is) (RB n't) (JJ bad))",
        )
        .unwrap()
        .aligned_to(text);
        let got: Vec<&str> = t
            .leaves()
            .map(|l| t.span(l).and_then(|s| s.slice(text)).unwrap_or("?"))
            .collect();
        assert_eq!(
            got,
            [
                "Putin", "’s", "“", "model", "”", "(", "new", ")", "is", "n't", "bad"
            ]
        );
        assert_eq!(t.span(t.root()), Some(Span::new(0, text.len())));
    }

    #[test]
    fn untokenized_text_reads_as_written_and_aligns() {
        let t = Tree::parse_ptb(
            "(S (`` ``) (NP (NNP Arnor) (POS 's)) (NN envoy) ('' '') (VBD did) (RB n't) (VB go) \
             (-LRB- -LRB-) (CD 2\\/3) (NN %) (-RRB- -RRB-) (, ,) (NNP Gondor) (VBD said) (. .))",
        )
        .unwrap();
        let text = t.untokenized();
        assert_eq!(text, "\"Arnor's envoy\" didn't go (2/3%), Gondor said.");
        let aligned = t.aligned_to(&text);
        assert!(aligned.leaves().all(|l| aligned.span(l).is_some()));
        assert_eq!(aligned.span(aligned.root()), Some(Span::new(0, text.len())));
    }

    #[test]
    fn errors_are_located() {
        let e = Tree::parse_ptb("(S (NP (NNP Arnor)").unwrap_err();
        assert!(e.message.contains("unbalanced `(`"), "{e}");
        let e = Tree::parse_ptb("(S (NP x))) ").unwrap_err();
        assert!(e.message.contains("after the tree"), "{e}");
        assert!(Tree::parse_ptb("").is_err());
        assert!(Tree::parse_ptb("   ").is_err());
        let e = Tree::parse_ptb("(S\n  (NP (NNP Arnor) oops))").unwrap_err();
        assert_eq!(e.line_column("(S\n  (NP (NNP Arnor) oops))"), (2, 19));
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let depth = 100_000;
        let mut s = "(X ".repeat(depth);
        s.push_str("(NN deep)");
        s.push_str(&")".repeat(depth));
        let t = Tree::parse_ptb_with(&s, TreeLimits::NONE).unwrap();
        assert_eq!(t.len(), depth + 1);
        assert_eq!(t.depth(), depth + 1);
        assert_eq!(t.leaves().count(), 1);
        assert!(t.to_ptb().len() >= s.len() - depth);
        let truncated = &s[..s.len() - 10];
        assert!(Tree::parse_ptb_with(truncated, TreeLimits::NONE).is_err());
        // Dropping it is no recursion either.
        drop(t);
    }

    #[test]
    fn limits_stop_the_reader_where_they_are_crossed() {
        let deep = format!(
            "{}(NN deep){}",
            "(X ".repeat(MAX_TREE_DEPTH + 5),
            ")".repeat(MAX_TREE_DEPTH + 5)
        );
        let e = Tree::parse_ptb(&deep).unwrap_err();
        assert!(e.message.contains("nested deeper than"), "{e}");
        assert_eq!(e.offset, 3 * MAX_TREE_DEPTH, "{e}");
        let just = format!(
            "{}(NN deep){}",
            "(X ".repeat(MAX_TREE_DEPTH),
            ")".repeat(MAX_TREE_DEPTH)
        );
        assert_eq!(
            Tree::parse_ptb(&just).map(|t| t.depth()),
            Ok(MAX_TREE_DEPTH + 1)
        );
        let wide = format!("(S {})", "(NN w) ".repeat(MAX_TREE_WORDS + 1));
        let e = Tree::parse_ptb(&wide).unwrap_err();
        assert!(e.message.contains("more than"), "{e}");
        let fits = format!("(S {})", "(NN w) ".repeat(MAX_TREE_WORDS));
        assert_eq!(
            Tree::parse_ptb(&fits).map(|t| t.leaves().count()),
            Ok(MAX_TREE_WORDS)
        );
    }

    #[test]
    fn alignment_looks_a_bounded_distance_ahead() {
        // The second word is further than MAX_ALIGN_GAP after the first: not found.
        let text = format!("Arnor {} attacked", "x".repeat(MAX_ALIGN_GAP + 10));
        let t = Tree::parse_ptb("(S (NNP Arnor) (VBD attacked))")
            .unwrap()
            .aligned_to(&text);
        let spans: Vec<Option<Span>> = t.leaves().map(|l| t.span(l)).collect();
        assert_eq!(spans, [Some(Span::new(0, 5)), None]);
        // The first word may be anywhere.
        let text = format!("{} Arnor attacked", "x".repeat(3 * MAX_ALIGN_GAP));
        let t = Tree::parse_ptb("(S (NNP Arnor) (VBD attacked))")
            .unwrap()
            .aligned_to(&text);
        assert!(t.leaves().all(|l| t.span(l).is_some()));
        // A shared budget runs out and leaves the rest unaligned.
        let mut budget = 3;
        let t = Tree::parse_ptb("(S (NNP Arnor) (VBD attacked))")
            .unwrap()
            .aligned_within("xx Arnor attacked", &mut budget);
        assert_eq!(budget, 0);
        assert!(t.leaves().all(|l| t.span(l).is_none()));
    }

    #[test]
    fn missing_words_cost_linear_time() {
        // 2,000 words none of which is in a 1 MB text: bounded by the alignment budget.
        let text = "y ".repeat(1 << 19);
        let tree = format!("(S {})", "(NN zz) ".repeat(MAX_TREE_WORDS));
        let start = std::time::Instant::now();
        let t = Tree::parse_ptb(&tree).unwrap().aligned_to(&text);
        assert!(t.leaves().all(|l| t.span(l).is_none()));
        assert!(
            start.elapsed() < std::time::Duration::from_secs(20),
            "{:?}",
            start.elapsed()
        );
    }

    #[test]
    fn builder_computes_phrase_spans() {
        let mut b = Tree::builder();
        b.open("S");
        b.open("NP");
        b.leaf("NNP", "Arnor", Some(Span::new(0, 5)));
        b.close();
        b.open("VP");
        b.leaf("VBD", "won", Some(Span::new(6, 9)));
        b.close();
        let t = b.finish();
        assert_eq!(t.span(t.root()), Some(Span::new(0, 9)));
        assert_eq!(t.subtree_end(NodeId(1)), NodeId(3));
    }
}

#[cfg(test)]
mod proptests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn arbitrary_input_never_panics(s in "[()A-Za-z .,']{0,200}") {
            let _ = Tree::parse_ptb(&s);
        }

        #[test]
        fn alignment_spans_lie_on_boundaries(text in "\\PC{0,80}", words in proptest::collection::vec("[a-z’'“]{1,4}", 0..8)) {
            let inner: Vec<String> = words.iter().map(|w| format!("(NN {w})")).collect();
            let ptb = format!("(S {})", inner.join(" "));
            if let Ok(t) = Tree::parse_ptb(&ptb) {
                let t = t.aligned_to(&text);
                for n in t.nodes() {
                    if let Some(s) = t.span(n) {
                        prop_assert!(s.slice(&text).is_some());
                    }
                }
            }
        }
    }
}
