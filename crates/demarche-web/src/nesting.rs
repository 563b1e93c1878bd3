//! A linear pre-pass that bounds how deeply an HTML page nests before the HTML parser sees it.
//!
//! Why: the HTML tree builder (`html5ever`, under `dom_query` and `dom_smoothie`) walks its stack
//! of open elements for most tags, and readability walks ancestors and descendants of most
//! nodes, so a page nested `n` levels deep costs time in `n²` (20,000 nested `<div>` took 47 s)
//! and some walks recurse (50,000 unclosed `<div><span><b><i>` overflowed the stack). A crawl
//! delivers such pages.
//!
//! How: [`bounded`] first reads the page with a small tokenizer and a model of the tree
//! builder's stack of open elements and list of active formatting elements. The model is
//! conservative: it closes an element only where the HTML parsing rules certainly close it, so
//! its depth is never below the parser's (up to the few elements the parser inserts on its own,
//! such as `tbody` and `tr`). A page whose model depth stays within [`MAX_HTML_DEPTH`] — every
//! real page — is handed on unchanged, byte for byte. A deeper page is rewritten: every element
//! is closed explicitly where the model closes it, so the tags are balanced, and elements opened
//! beyond [`MAX_HTML_DEPTH`] are left out (their text stays, in their parent; `script` and
//! `style` content beyond the limit is dropped). The caller reports where the limit was crossed.
//!
//! Both passes are linear in the page: every walk over the model's stack is bounded by the
//! limit (the check) or paid for by the elements it closes (the rewrite).

use std::borrow::Cow;

/// Deepest nesting of elements handed to the HTML parser. Real pages nest a few dozen levels.
pub const MAX_HTML_DEPTH: usize = 256;

/// How far an implied close (a `<p>` closing an open `<p>`, a `<li>` an open `<li>`) looks down
/// the stack in the rewrite; the check looks the whole (bounded) stack.
const REWRITE_WALK: usize = 64;

/// The page as the HTML parser should get it, and the byte offset where the page crossed
/// [`MAX_HTML_DEPTH`] (`None`: the page is returned unchanged). [`crate::read_html`] and
/// [`crate::fragment_text`] call it before they parse; it is public for callers that hand
/// pages to an HTML parser of their own.
///
/// ```
/// let deep = "<div>".repeat(10_000) + "text";
/// let (page, at) = demarche_web::bound_nesting(&deep);
/// assert_eq!(at, Some(5 * demarche_web::MAX_HTML_DEPTH));
/// assert!(page.contains("text"));
/// let (page, at) = demarche_web::bound_nesting("<p>Fine.</p>");
/// assert_eq!((&*page, at), ("<p>Fine.</p>", None));
/// ```
pub fn bound_nesting(html: &str) -> (Cow<'_, str>, Option<usize>) {
    bounded(html)
}

pub(crate) fn bounded(html: &str) -> (Cow<'_, str>, Option<usize>) {
    bounded_to(html, MAX_HTML_DEPTH)
}

/// [`bounded`] with another limit (tests use small ones).
fn bounded_to(html: &str, max: usize) -> (Cow<'_, str>, Option<usize>) {
    match too_deep_at(html, max) {
        None => (Cow::Borrowed(html), None),
        Some(at) => (Cow::Owned(rewrite(html, max)), Some(at)),
    }
}

// ---------------------------------------------------------------------------------------------
// Tokenizer

/// A token and the byte range it covers.
#[derive(Debug)]
enum Tok {
    /// Character data (also `<` that opens no tag).
    Text,
    Start {
        name: String,
        self_closing: bool,
        /// `<font>` with `color`, `face` or `size`: it breaks out of SVG/MathML.
        font_breaks_out: bool,
    },
    End {
        name: String,
    },
    /// A comment, doctype, processing instruction or bogus comment: no element.
    Markup,
    /// A CDATA section (only read as such inside SVG/MathML).
    Cdata,
    /// The content of a raw-text element (`script`, `style`, `title`, ...).
    Raw,
    /// A tag the parser drops (the input ends inside it, or `</>`).
    Dropped,
}

fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// Raw-text and RCDATA elements of HTML: their content is text up to `</name`.
/// (`noscript` is not among them: the parser runs with scripting off.)
fn is_raw_text(name: &str) -> bool {
    matches!(
        name,
        "script" | "style" | "xmp" | "iframe" | "noembed" | "noframes" | "textarea" | "title"
    )
}

struct Tokenizer<'a> {
    s: &'a [u8],
    i: usize,
    /// Inside a raw-text element: its name (`plaintext`: to the end).
    raw: Option<String>,
}

impl<'a> Tokenizer<'a> {
    fn new(html: &'a str) -> Self {
        Tokenizer {
            s: html.as_bytes(),
            i: 0,
            raw: None,
        }
    }

    fn find(&self, from: usize, needle: &[u8]) -> Option<usize> {
        let hay = self.s.get(from..)?;
        if needle.is_empty() || hay.len() < needle.len() {
            return None;
        }
        hay.windows(needle.len())
            .position(|w| w == needle)
            .map(|p| from + p)
    }

    /// Offset of the first `>` at or after `from`, or the end.
    fn past_gt(&self, from: usize) -> usize {
        self.find(from, b">").map_or(self.s.len(), |p| p + 1)
    }

    /// The next token. `cdata` says whether a CDATA section is read as one here (inside
    /// SVG/MathML); otherwise `<![CDATA[` is a bogus comment ending at the first `>`.
    fn next(&mut self, cdata: bool) -> Option<(Tok, std::ops::Range<usize>)> {
        let start = self.i;
        if start >= self.s.len() {
            return None;
        }
        if let Some(name) = self.raw.take() {
            let end = if name == "plaintext" {
                self.s.len()
            } else {
                self.raw_end(start, &name)
            };
            self.i = end;
            if end > start {
                return Some((Tok::Raw, start..end));
            }
            return self.next(cdata);
        }
        if self.s[start] != b'<' {
            let end = self.find(start, b"<").unwrap_or(self.s.len());
            self.i = end;
            return Some((Tok::Text, start..end));
        }
        let rest = &self.s[start..];
        let tok = if rest.starts_with(b"<!--") {
            self.i = self.comment_end(start + 4);
            Tok::Markup
        } else if rest.starts_with(b"<![CDATA[") && cdata {
            self.i = self.find(start + 9, b"]]>").map_or(self.s.len(), |p| p + 3);
            Tok::Cdata
        } else if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            self.i = self.past_gt(start + 2);
            Tok::Markup
        } else if rest.starts_with(b"</") {
            match rest.get(2) {
                Some(b) if b.is_ascii_alphabetic() => match self.tag(start + 2) {
                    Some((name, _, _, end)) => {
                        self.i = end;
                        Tok::End { name }
                    }
                    None => {
                        self.i = self.s.len();
                        Tok::Dropped
                    }
                },
                Some(b'>') => {
                    self.i = start + 3;
                    Tok::Dropped
                }
                Some(_) => {
                    self.i = self.past_gt(start + 2);
                    Tok::Markup
                }
                None => {
                    self.i = self.s.len();
                    Tok::Text
                }
            }
        } else if rest.get(1).is_some_and(u8::is_ascii_alphabetic) {
            match self.tag(start + 1) {
                Some((name, self_closing, font_breaks_out, end)) => {
                    self.i = end;
                    Tok::Start {
                        name,
                        self_closing,
                        font_breaks_out,
                    }
                }
                None => {
                    self.i = self.s.len();
                    Tok::Dropped
                }
            }
        } else {
            // A `<` that opens nothing is text.
            let end = self.find(start + 1, b"<").unwrap_or(self.s.len());
            self.i = end;
            Tok::Text
        };
        Some((tok, start..self.i))
    }

    /// Where a comment whose text starts at `from` ends (past `-->`, `--!>`, or the abrupt
    /// `<!-->` and `<!--->`).
    fn comment_end(&self, from: usize) -> usize {
        let rest = &self.s[from.min(self.s.len())..];
        if rest.starts_with(b">") {
            return from + 1;
        }
        if rest.starts_with(b"->") {
            return from + 2;
        }
        // One scan for `--`, looking at what follows each.
        let mut at = from;
        while let Some(p) = self.find(at, b"--") {
            match self.s.get(p + 2) {
                Some(b'>') => return p + 3,
                Some(b'!') if self.s.get(p + 3) == Some(&b'>') => return p + 4,
                _ => at = p + 1,
            }
        }
        self.s.len()
    }

    /// Where the content of raw-text element `name` starting at `from` ends: before the first
    /// `</name` followed by white space, `/` or `>` (any case), or at the end.
    fn raw_end(&self, from: usize, name: &str) -> usize {
        let n = name.len();
        let mut at = from;
        while let Some(p) = self.find(at, b"</") {
            let candidate = self.s.get(p + 2..p + 2 + n);
            let after = self.s.get(p + 2 + n).copied();
            if candidate.is_some_and(|c| c.eq_ignore_ascii_case(name.as_bytes()))
                && after.is_none_or(|b| is_ws(b) || b == b'/' || b == b'>')
            {
                return p;
            }
            at = p + 2;
        }
        self.s.len()
    }

    /// Reads a tag whose name starts at `from`: (lower-case name, self-closing, font breaks
    /// out, offset past `>`), or `None` when the input ends inside the tag.
    fn tag(&self, from: usize) -> Option<(String, bool, bool, usize)> {
        let s = self.s;
        let mut i = from;
        while i < s.len() && !is_ws(s[i]) && s[i] != b'/' && s[i] != b'>' {
            i += 1;
        }
        let name = String::from_utf8_lossy(&s[from..i]).to_ascii_lowercase();
        let mut self_closing = false;
        let mut font_breaks_out = false;
        loop {
            // Before an attribute name.
            while i < s.len() && is_ws(s[i]) {
                i += 1;
            }
            match s.get(i)? {
                b'>' => return Some((name, self_closing, font_breaks_out, i + 1)),
                b'/' => {
                    i += 1;
                    if s.get(i) == Some(&b'>') {
                        self_closing = true;
                    }
                    continue;
                }
                _ => {}
            }
            self_closing = false;
            // The attribute name: a first `=` belongs to it.
            let name_start = i;
            i += 1;
            while i < s.len() && !is_ws(s[i]) && !matches!(s[i], b'/' | b'>' | b'=') {
                i += 1;
            }
            let attr = &s[name_start..i];
            if ["color", "face", "size"]
                .iter()
                .any(|a| attr.eq_ignore_ascii_case(a.as_bytes()))
            {
                font_breaks_out = true;
            }
            while i < s.len() && is_ws(s[i]) {
                i += 1;
            }
            if s.get(i) != Some(&b'=') {
                continue;
            }
            i += 1;
            while i < s.len() && is_ws(s[i]) {
                i += 1;
            }
            match s.get(i)? {
                q @ (b'"' | b'\'') => {
                    let q = *q;
                    let close = s.get(i + 1..)?.iter().position(|&b| b == q)?;
                    i += 1 + close + 1;
                }
                b'>' => {}
                _ => {
                    while i < s.len() && !is_ws(s[i]) && s[i] != b'>' {
                        i += 1;
                    }
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Element classes (the HTML parsing rules' lists)

fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "basefont"
            | "bgsound"
            | "br"
            | "col"
            | "embed"
            | "frame"
            | "hr"
            | "image"
            | "img"
            | "input"
            | "keygen"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
    )
}

fn is_formatting(name: &str) -> bool {
    matches!(
        name,
        "a" | "b"
            | "big"
            | "code"
            | "em"
            | "font"
            | "i"
            | "nobr"
            | "s"
            | "small"
            | "strike"
            | "strong"
            | "tt"
            | "u"
    )
}

/// Elements whose opening puts a marker in the list of active formatting elements.
fn is_marker(name: &str) -> bool {
    matches!(
        name,
        "applet" | "object" | "marquee" | "template" | "td" | "th" | "caption"
    )
}

fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Start tags that close an open `p` (in button scope). `table` is not among them: it closes
/// one only outside quirks mode, and the model must not close what the parser keeps.
fn closes_p(name: &str) -> bool {
    is_heading(name)
        || matches!(
            name,
            "address"
                | "article"
                | "aside"
                | "blockquote"
                | "center"
                | "details"
                | "dialog"
                | "dir"
                | "div"
                | "dl"
                | "fieldset"
                | "figcaption"
                | "figure"
                | "footer"
                | "header"
                | "hgroup"
                | "main"
                | "menu"
                | "nav"
                | "ol"
                | "p"
                | "search"
                | "section"
                | "summary"
                | "ul"
                | "pre"
                | "listing"
                | "form"
                | "plaintext"
                | "xmp"
                | "li"
                | "dd"
                | "dt"
        )
}

/// HTML elements in the parsing rules' "special" category.
fn is_special_html(name: &str) -> bool {
    is_heading(name)
        || matches!(
            name,
            "address"
                | "applet"
                | "area"
                | "article"
                | "aside"
                | "base"
                | "basefont"
                | "bgsound"
                | "blockquote"
                | "body"
                | "br"
                | "button"
                | "caption"
                | "center"
                | "col"
                | "colgroup"
                | "dd"
                | "details"
                | "dir"
                | "div"
                | "dl"
                | "dt"
                | "embed"
                | "fieldset"
                | "figcaption"
                | "figure"
                | "footer"
                | "form"
                | "frame"
                | "frameset"
                | "head"
                | "header"
                | "hgroup"
                | "hr"
                | "html"
                | "iframe"
                | "img"
                | "input"
                | "keygen"
                | "li"
                | "link"
                | "listing"
                | "main"
                | "marquee"
                | "menu"
                | "meta"
                | "nav"
                | "noembed"
                | "noframes"
                | "noscript"
                | "object"
                | "ol"
                | "p"
                | "param"
                | "plaintext"
                | "pre"
                | "script"
                | "search"
                | "section"
                | "select"
                | "source"
                | "style"
                | "summary"
                | "table"
                | "tbody"
                | "td"
                | "template"
                | "textarea"
                | "tfoot"
                | "th"
                | "thead"
                | "title"
                | "tr"
                | "track"
                | "ul"
                | "wbr"
                | "xmp"
        )
}

/// The namespace an element is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ns {
    Html,
    Svg,
    Math,
}

/// SVG and MathML elements that are "special" and scope boundaries.
fn is_foreign_boundary(ns: Ns, name: &str) -> bool {
    match ns {
        Ns::Html => false,
        Ns::Math => matches!(name, "mi" | "mo" | "mn" | "ms" | "mtext" | "annotation-xml"),
        Ns::Svg => matches!(name, "foreignobject" | "desc" | "title"),
    }
}

/// Inside these SVG/MathML elements, tags are HTML again. (`annotation-xml` is one only with
/// an HTML encoding; taking it as one always can only make the model deeper.)
fn is_integration_point(ns: Ns, name: &str) -> bool {
    is_foreign_boundary(ns, name)
}

/// HTML start tags that end SVG/MathML content (`font` only with color, face or size).
fn breaks_out(name: &str) -> bool {
    is_heading(name)
        || matches!(
            name,
            "b" | "big"
                | "blockquote"
                | "body"
                | "br"
                | "center"
                | "code"
                | "dd"
                | "div"
                | "dl"
                | "dt"
                | "em"
                | "embed"
                | "head"
                | "hr"
                | "i"
                | "img"
                | "li"
                | "listing"
                | "menu"
                | "meta"
                | "nobr"
                | "ol"
                | "p"
                | "pre"
                | "ruby"
                | "s"
                | "small"
                | "span"
                | "strong"
                | "strike"
                | "sub"
                | "sup"
                | "table"
                | "tt"
                | "u"
                | "ul"
                | "var"
        )
}

/// Phrasing elements: leaving one out of the page needs no white space in its place.
fn is_inline(name: &str) -> bool {
    is_formatting(name)
        || matches!(
            name,
            "abbr"
                | "bdi"
                | "bdo"
                | "cite"
                | "data"
                | "dfn"
                | "kbd"
                | "label"
                | "mark"
                | "q"
                | "rp"
                | "rt"
                | "ruby"
                | "samp"
                | "span"
                | "sub"
                | "sup"
                | "time"
                | "var"
        )
}

/// An element on a model stack.
#[derive(Debug, Clone)]
struct Open {
    name: String,
    ns: Ns,
    /// In the SVG or MathML namespace.
    foreign: bool,
    /// (Rewrite) its start tag was written out.
    emitted: bool,
}

impl Open {
    fn special(&self) -> bool {
        if self.foreign {
            is_foreign_boundary(self.ns, &self.name)
        } else {
            is_special_html(&self.name)
        }
    }

    /// A boundary of the default scope (and so of button and list-item scope).
    fn scope_boundary(&self) -> bool {
        if self.foreign {
            is_foreign_boundary(self.ns, &self.name)
        } else {
            matches!(
                self.name.as_str(),
                "applet"
                    | "caption"
                    | "html"
                    | "table"
                    | "td"
                    | "th"
                    | "marquee"
                    | "object"
                    | "template"
            )
        }
    }

    fn table_boundary(&self) -> bool {
        !self.foreign && matches!(self.name.as_str(), "html" | "table" | "template")
    }

    fn html(&self, name: &str) -> bool {
        !self.foreign && self.name == name
    }

    fn integration_point(&self) -> bool {
        is_integration_point(self.ns, &self.name)
    }
}

/// The namespace of a new element named `name` under `parent`.
fn child_ns(parent: Option<&Open>, name: &str) -> Ns {
    match (name, parent) {
        ("svg", _) => Ns::Svg,
        ("math", _) => Ns::Math,
        (_, Some(p)) if p.foreign && !p.integration_point() => p.ns,
        _ => Ns::Html,
    }
}

/// The scope rules an implied close searches with.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Scope {
    /// Default scope plus `button`.
    Button,
    /// Default scope plus `ol`, `ul`.
    ListItem,
    Default,
    /// `html`, `table`, `template`.
    Table,
    /// For `li`, `dd`, `dt`: stop at a special element other than `address`, `div`, `p`.
    ListStart,
    /// For end tags of ordinary and formatting elements: stop at any special element.
    Special,
}

impl Scope {
    fn stops_at(self, e: &Open) -> bool {
        match self {
            Scope::Default => e.scope_boundary(),
            Scope::Button => e.scope_boundary() || e.html("button"),
            Scope::ListItem => e.scope_boundary() || e.html("ol") || e.html("ul"),
            Scope::Table => e.table_boundary(),
            Scope::ListStart => e.special() && !(e.html("address") || e.html("div") || e.html("p")),
            Scope::Special => e.special() || e.html("select"),
        }
    }
}

/// Index (from the bottom) of the nearest element from the top of `stack` that `wanted`
/// accepts, looking at most `limit` elements down and stopping at `scope`'s boundaries.
fn find_open(
    stack: &[Open],
    limit: usize,
    scope: Scope,
    wanted: impl Fn(&Open) -> bool,
) -> Option<usize> {
    for (k, e) in stack.iter().enumerate().rev().take(limit) {
        if wanted(e) {
            return Some(k);
        }
        // Inside a `select` the parser ignores what would close elements outside it.
        if scope.stops_at(e) || e.html("select") {
            return None;
        }
    }
    None
}

/// The scope an end tag named `name` looks for its element in.
fn end_scope(name: &str) -> Scope {
    match name {
        "p" => Scope::Button,
        "li" => Scope::ListItem,
        "td" | "th" | "tr" | "tbody" | "thead" | "tfoot" | "table" | "caption" | "colgroup" => {
            Scope::Table
        }
        _ if is_formatting(name) => Scope::Special,
        _ if is_special_html(name) => Scope::Default,
        _ => Scope::Special,
    }
}

// ---------------------------------------------------------------------------------------------
// The model of the tree builder, for the check and for the rewrite

struct Model {
    stack: Vec<Open>,
    /// The list of active formatting elements: names, `None` for a marker.
    active: Vec<Option<String>>,
    /// How far implied closes and end tags look down the stack.
    walk: usize,
    /// (Rewrite) the page written so far; `None` in the check.
    out: Option<String>,
    /// (Rewrite) elements written out and still open.
    emitted_depth: usize,
    /// The depth limit.
    max: usize,
    /// HTML `frameset` elements open: inside them the parser ignores `style`, `title` and the
    /// like, so their content is markup, not raw text. (Inside a `select` the parser,
    /// html5ever 0.40, reads them as raw text: "<select><style></select>…" keeps the select
    /// open.)
    no_raw: usize,
}

impl Model {
    fn check(max: usize) -> Self {
        Model {
            stack: Vec::new(),
            active: Vec::new(),
            walk: usize::MAX,
            out: None,
            emitted_depth: 0,
            max,
            no_raw: 0,
        }
    }

    fn rewrite(capacity: usize, max: usize) -> Self {
        Model {
            walk: REWRITE_WALK,
            out: Some(String::with_capacity(capacity)),
            ..Model::check(max)
        }
    }

    /// The deepest the parser's stack can be now: the open elements plus every active
    /// formatting element (each may be reopened).
    fn depth_bound(&self) -> usize {
        self.stack.len() + self.active.len()
    }

    fn top(&self) -> Option<&Open> {
        self.stack.last()
    }

    /// Whether a CDATA section would be read as one here.
    fn in_foreign(&self) -> bool {
        self.top().is_some_and(|e| e.foreign)
    }

    fn write(&mut self, text: &str) {
        if let Some(out) = &mut self.out {
            out.push_str(text);
        }
    }

    /// Pops the stack down to `len` elements, writing end tags for what was written out and
    /// clearing the formatting list to the marker of each marker element popped.
    fn pop_to(&mut self, len: usize) {
        while self.stack.len() > len {
            let Some(e) = self.stack.pop() else { break };
            if e.html("frameset") {
                self.no_raw -= 1;
            }
            if e.emitted {
                self.emitted_depth -= 1;
                if let Some(out) = &mut self.out {
                    out.push_str("</");
                    out.push_str(&e.name);
                    out.push('>');
                }
            }
            if !e.foreign && is_marker(&e.name) {
                while let Some(entry) = self.active.pop() {
                    if entry.is_none() {
                        break;
                    }
                }
            }
        }
    }

    /// Pops through the nearest element `wanted` accepts, if `scope` lets it be found.
    fn close(&mut self, scope: Scope, wanted: impl Fn(&Open) -> bool) -> bool {
        match find_open(&self.stack, self.walk, scope, wanted) {
            Some(k) => {
                self.pop_to(k);
                true
            }
            None => false,
        }
    }

    fn close_p(&mut self) {
        self.close(Scope::Button, |e| e.html("p"));
    }

    /// Opens an element: `tag` is its start tag as written (rewrite only).
    fn push(&mut self, name: &str, ns: Ns, tag: &str) {
        let emitted = self.out.is_some() && self.emitted_depth < self.max;
        if emitted {
            self.emitted_depth += 1;
            self.write(tag);
        } else if !is_inline(name) {
            // Left out: a space keeps the words of its text apart from its neighbours'.
            self.space();
        }
        if ns == Ns::Html && name == "frameset" {
            self.no_raw += 1;
        }
        self.stack.push(Open {
            name: name.to_string(),
            ns,
            foreign: ns != Ns::Html,
            emitted,
        });
    }

    /// An element that opens nothing here (a void element, a self-closed SVG/MathML one).
    /// In the rewrite it is written with an end tag of its own, so that even where the parser
    /// reads it as an open element (its context differs when ancestors were left out), it closes.
    fn standalone(&mut self, name: &str, tag: &str) {
        if self.out.is_none() {
            return;
        }
        if self.emitted_depth < self.max {
            self.write(tag);
            self.write(&format!("</{name}>"));
        } else if !is_inline(name) {
            self.space();
        }
    }

    /// One space, unless the page written so far already ends in white space.
    fn space(&mut self) {
        if let Some(out) = &mut self.out
            && !out.ends_with(|c: char| c.is_ascii_whitespace())
        {
            out.push(' ');
        }
    }

    /// Back to HTML: closes the SVG/MathML elements above the nearest HTML element or
    /// integration point.
    fn break_out(&mut self) {
        let keep = self
            .stack
            .iter()
            .rposition(|e| !e.foreign || e.integration_point())
            .map_or(0, |k| k + 1);
        self.pop_to(keep);
    }

    /// Removes the last active formatting element named `name` after the last marker.
    fn forget_active(&mut self, name: &str) {
        let lowest = self.active.len().saturating_sub(self.walk);
        for k in (lowest..self.active.len()).rev() {
            match &self.active[k] {
                None => return,
                Some(n) if n == name => {
                    self.active.remove(k);
                    return;
                }
                Some(_) => {}
            }
        }
    }

    /// A start tag. Returns the raw-text mode it starts (`script`, `plaintext`, ...), if any.
    fn start(
        &mut self,
        name: &str,
        self_closing: bool,
        font_breaks_out: bool,
        tag: &str,
    ) -> Option<String> {
        if self.in_foreign()
            && self.top().is_some_and(|e| !e.integration_point())
            && (breaks_out(name) || (name == "font" && font_breaks_out))
        {
            self.break_out();
        }
        let ns = child_ns(self.top(), name);
        if ns != Ns::Html {
            if !self_closing {
                self.push(name, ns, tag);
            } else {
                self.standalone(name, tag);
            }
            return None;
        }
        match name {
            "html" | "head" | "body" => {
                // Merged into the elements the parser always has.
                self.write(tag);
                return None;
            }
            "br" => {
                // In any context a line break that opens nothing.
                self.write("<br>");
                return None;
            }
            _ if is_void(name) => {
                self.standalone(name, tag);
                return None;
            }
            "li" => {
                self.close(Scope::ListStart, |e| e.html("li"));
            }
            "dd" | "dt" => {
                self.close(Scope::ListStart, |e| e.html("dd") || e.html("dt"));
            }
            "option" if self.top().is_some_and(|e| e.html("option")) => {
                self.pop_to(self.stack.len() - 1);
            }
            "button" => {
                self.close(Scope::Default, |e| e.html("button"));
            }
            "a" => {
                let open_a = self
                    .active
                    .iter()
                    .rev()
                    .take(self.walk)
                    .take_while(|e| e.is_some())
                    .any(|e| e.as_deref() == Some("a"));
                if open_a {
                    self.close(Scope::Special, |e| e.html("a"));
                    self.forget_active("a");
                }
            }
            "td" | "th" => {
                self.close(Scope::Table, |e| e.html("td") || e.html("th"));
                if self.top().is_some_and(|e| e.html("table")) {
                    self.push("tbody", Ns::Html, "<tbody>");
                }
                if self
                    .top()
                    .is_some_and(|e| e.html("tbody") || e.html("thead") || e.html("tfoot"))
                {
                    self.push("tr", Ns::Html, "<tr>");
                }
            }
            "tr" => {
                self.close(Scope::Table, |e| e.html("tr"));
                if self.top().is_some_and(|e| e.html("table")) {
                    self.push("tbody", Ns::Html, "<tbody>");
                }
            }
            "tbody" | "thead" | "tfoot" => {
                self.close(Scope::Table, |e| {
                    e.html("tbody") || e.html("thead") || e.html("tfoot")
                });
            }
            _ => {}
        }
        if closes_p(name) {
            self.close_p();
        }
        if is_heading(name)
            && self
                .top()
                .is_some_and(|e| !e.foreign && is_heading(&e.name))
        {
            self.pop_to(self.stack.len() - 1);
        }
        self.push(name, Ns::Html, tag);
        if is_formatting(name) {
            self.active.push(Some(name.to_string()));
        } else if is_marker(name) {
            self.active.push(None);
        }
        (self.no_raw == 0 && (is_raw_text(name) || name == "plaintext")).then(|| name.to_string())
    }

    /// An end tag.
    fn end(&mut self, name: &str) {
        if matches!(name, "br" | "p")
            && self.in_foreign()
            && self.top().is_some_and(|e| !e.integration_point())
        {
            // `</br>` and `</p>` end SVG/MathML content as an HTML start tag would.
            self.break_out();
        }
        if self.in_foreign() {
            // In SVG/MathML an end tag closes the nearest element of its name above the nearest
            // HTML element; failing that, the HTML rules below apply.
            let found = self
                .stack
                .iter()
                .enumerate()
                .rev()
                .take(self.walk)
                .take_while(|(_, e)| e.foreign)
                .find(|(_, e)| e.name == name)
                .map(|(k, _)| k);
            if let Some(k) = found {
                self.pop_to(k);
                return;
            }
        }
        match name {
            "html" | "head" | "body" => self.write(&format!("</{name}>")),
            "br" => self.write("<br>"),
            "form" => {
                // The parser removes the form element alone; the elements in it stay open.
                if let Some(k) =
                    find_open(&self.stack, self.walk, Scope::Default, |e| e.html("form"))
                {
                    let e = self.stack.remove(k);
                    if e.emitted {
                        // Written out: close what is above it too, so the tags stay nested.
                        self.stack.insert(k, e);
                        self.pop_to(k);
                    }
                }
            }
            _ if is_heading(name) => {
                self.close(Scope::Default, |e| !e.foreign && is_heading(&e.name));
            }
            _ => {
                let closed = self.close(end_scope(name), |e| e.name == name);
                // A formatting element closed, or not open at all, leaves the list; one open
                // but out of reach (a block opened in it) stays there, to be reopened.
                if is_formatting(name)
                    && (closed
                        || !self
                            .stack
                            .iter()
                            .rev()
                            .take(self.walk)
                            .any(|e| e.name == name))
                {
                    self.forget_active(name);
                }
            }
        }
    }
}

/// The byte offset at which the page's nesting (as the model bounds it) first exceeds `max`,
/// or `None`.
fn too_deep_at(html: &str, max: usize) -> Option<usize> {
    let mut model = Model::check(max);
    let mut tok = Tokenizer::new(html);
    while let Some((t, range)) = tok.next(model.in_foreign()) {
        match t {
            Tok::Start {
                name,
                self_closing,
                font_breaks_out,
            } => {
                tok.raw = model.start(&name, self_closing, font_breaks_out, "");
            }
            Tok::End { name } => model.end(&name),
            _ => {}
        }
        if model.depth_bound() > max {
            return Some(range.start);
        }
    }
    None
}

/// The page with balanced tags and at most `max` elements open at once.
fn rewrite(html: &str, max: usize) -> String {
    let mut model = Model::rewrite(html.len() + 64, max);
    let mut tok = Tokenizer::new(html);
    while let Some((t, range)) = tok.next(model.in_foreign()) {
        let text = &html[range];
        match t {
            Tok::Text => model.write(text),
            // Comments, doctypes and the like carry no article text; written out, a comment
            // could hide from this pass what the parser reads in another context.
            Tok::Markup => {}
            Tok::Raw => {
                // Escaped: whatever the parser makes of the element, no tag in it reaches the
                // parser. (Script and style text changes, which no article needs.)
                let top = model.top();
                match top {
                    Some(e) if e.name == "plaintext" => {
                        model.write(&text.replace('&', "&amp;").replace('<', "&lt;"));
                    }
                    Some(e) if e.emitted => model.write(&text.replace('<', "&lt;")),
                    _ => {}
                }
            }
            // CDATA is SVG/MathML content, never article text: dropped, so nothing in it can
            // reach the parser as markup.
            Tok::Cdata | Tok::Dropped => {}
            Tok::Start {
                name,
                self_closing,
                font_breaks_out,
            } => {
                tok.raw = model.start(&name, self_closing, font_breaks_out, text);
            }
            Tok::End { name } => model.end(&name),
        }
    }
    model.pop_to(0);
    model.out.unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use dom_query::Document as Dom;

    /// How deep the HTML parser nests `html` (elements, counted from the document root).
    pub(crate) fn parsed_depth(html: &str) -> usize {
        let dom = Dom::from(html);
        dom.root()
            .descendants_it()
            .map(|n| n.ancestors_it(None).count())
            .max()
            .unwrap_or(0)
    }

    /// The words of the page's text, in order.
    fn words(html: &str) -> Vec<String> {
        Dom::from(html)
            .root()
            .text()
            .split_whitespace()
            .map(str::to_string)
            .collect()
    }

    const NORMAL: &[&str] = &[
        "<html><body><p>One<p>Two<ul><li>a<li>b</ul><table><tr><td>x<td>y<tr><td>z</table></body></html>",
        "<!DOCTYPE html><p>Icons <svg><path d='M0 0'/><path/><g><circle/></g></svg> and <b>bold</b>.</p>",
        "<div><!-- <div><div> --><script>if (a<b) { x = '<div>'; }</script><p>Text</p></div>",
        "<title>T <b></title><textarea><div><div></textarea><p>After</p>",
    ];

    #[test]
    fn real_pages_pass_unchanged() {
        for page in NORMAL {
            let (out, at) = bounded(page);
            assert!(matches!(out, Cow::Borrowed(_)), "{page}");
            assert_eq!(at, None, "{page}");
        }
        let fixture = include_str!("../tests/fixtures/page.html");
        assert_eq!(bounded(fixture).1, None);
    }

    #[test]
    fn many_siblings_are_not_depth() {
        // Unclosed paragraphs, list items and cells close each other: no depth builds up.
        let page = format!(
            "<body>{}<ul>{}</ul><table>{}</table>",
            "<p>para ".repeat(5_000),
            "<li>item ".repeat(5_000),
            "<tr><td>a<td>b".repeat(2_000)
        );
        assert_eq!(bounded(&page).1, None);
    }

    /// Pages that nest deeply in different ways, each `n` times.
    fn hostile(n: usize) -> Vec<(&'static str, String)> {
        vec![
            (
                "nested div",
                format!(
                    "{}<p>deep text</p>{}",
                    "<div>".repeat(n),
                    "</div>".repeat(n)
                ),
            ),
            (
                "unclosed",
                format!(
                    "<p>start</p>{}<p>deep text</p>",
                    "<div><span><b><i>".repeat(n)
                ),
            ),
            (
                "self-closed div",
                format!("{}deep text", "<div/>".repeat(n)),
            ),
            (
                "reopened formatting",
                "<p><b class=x{}>deep text</p>".repeat(n).to_string(),
            ),
            (
                "span blocks",
                format!("<span>{}deep text", "<div></span>".repeat(n)),
            ),
            ("svg br", format!("<svg></br>{}deep text", "<x/>".repeat(n))),
            (
                "annotation",
                format!(
                    "<math><annotation-xml encoding=text/html>{}deep text",
                    "<div/>".repeat(n)
                ),
            ),
            ("tables", format!("{}deep text", "<table><td>".repeat(n))),
            (
                "anchors in blocks",
                format!("{}deep text", "<a href=x><div>".repeat(n)),
            ),
            (
                "select",
                format!("<div>{}deep text", "<select><div></div><span>".repeat(n)),
            ),
            // A raw-text element inside a select keeps the select open: "</select><xmp>" is
            // its text, and what follows nests inside the select.
            (
                "raw text in select",
                format!(
                    "<select><style></select><xmp></style>{}deep text",
                    "<div>".repeat(n)
                ),
            ),
        ]
    }

    #[test]
    fn deep_pages_are_bounded_and_keep_their_text() {
        let max = 16;
        for (what, page) in hostile(300) {
            let (out, at) = bounded_to(&page, max);
            assert!(at.is_some(), "{what}: not seen as deep");
            let depth = parsed_depth(&out);
            assert!(depth <= 3 * max + 8, "{what}: parsed {depth} deep");
            assert!(
                words(&out).iter().any(|w| w == "deep"),
                "{what}: the text is lost"
            );
        }
    }

    #[test]
    fn small_limit_keeps_the_text_in_order() {
        let page = format!(
            "<p>first</p>{}<p>middle words here</p>{}<p>last</p>",
            "<div><span>x".repeat(40),
            "</span></div>".repeat(40)
        );
        let (out, at) = bounded_to(&page, 10);
        assert!(at.is_some());
        // Every character of the text, in order (a left-out block leaves a space behind).
        assert_eq!(words(&out).concat(), words(&page).concat());
        assert!(words(&out).contains(&"middle".to_string()));
        assert!(parsed_depth(&out) <= 3 * 10 + 8);
    }

    #[test]
    fn linear_time_at_the_issues_sizes() {
        // 100,000 nested <div> and 50,000 unclosed <div><span><b><i>: the rewrite is linear.
        for (what, page) in [
            (
                "nested",
                "<div>".repeat(100_000) + "text" + &"</div>".repeat(100_000),
            ),
            ("unclosed", "<div><span><b><i>".repeat(50_000) + "text"),
        ] {
            let start = std::time::Instant::now();
            let (out, at) = bounded(&page);
            assert!(at.is_some(), "{what}");
            assert!(out.len() < page.len() * 2, "{what}");
            assert!(
                start.elapsed().as_secs() < 10,
                "{what}: {:?}",
                start.elapsed()
            );
        }
    }

    const SOUP: &[&str] = &[
        "<div>",
        "</div>",
        "<p>",
        "</p>",
        "<span>",
        "</span>",
        "<b>",
        "</b>",
        "<i class=q>",
        "</i>",
        "<a href=x>",
        "</a>",
        "<li>",
        "</li>",
        "<ul>",
        "</ul>",
        "<table>",
        "</table>",
        "<tr>",
        "<td>",
        "</td>",
        "<th>",
        "<caption>",
        "<col>",
        "<select>",
        "</select>",
        "<option>",
        "<svg>",
        "</svg>",
        "<math>",
        "<mi>",
        "<annotation-xml encoding=text/html>",
        "<foreignObject>",
        "<desc>",
        "<x/>",
        "<div/>",
        "<g>",
        "</br>",
        "<br>",
        "<font color=red>",
        "<font>",
        "<form>",
        "</form>",
        "<button>",
        "<h1>",
        "</h2>",
        "<dd>",
        "<dt>",
        "<nobr>",
        "<script>x<y</script>",
        "<style>",
        "</style>",
        "<title>",
        "<textarea>",
        "<!--",
        "-->",
        "<![CDATA[",
        "]]>",
        "<template>",
        "</template>",
        "<object>",
        "</object>",
        "<frameset>",
        "<body>",
        "<head>",
        "<html>",
        "<plaintext>",
        "text ",
        "&amp; ",
        "<",
        ">",
        "'",
        "\"",
        "<pre>",
        "<xmp>",
        "</xmp>",
        "<iframe>",
        "<noscript>",
        "<marquee>",
        "<image>",
        "<hr>",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 300, ..Default::default() })]

        /// Whatever the soup: a page the check lets through nests no deeper in the parser than
        /// the limit (plus the parser's own `html`, `body` and the text level), and a page it
        /// rewrites nests within three times the limit.
        #[test]
        fn the_parser_never_nests_past_the_bound(
            picks in proptest::collection::vec(0..SOUP.len(), 0..1200)
        ) {
            let max = 4;
            let page: String = picks.iter().map(|&k| SOUP[k]).collect();
            let (out, at) = bounded_to(&page, max);
            let depth = parsed_depth(&out);
            match at {
                None => proptest::prop_assert!(depth <= max + 6, "passed at depth {}: {}", depth, page),
                Some(_) => proptest::prop_assert!(depth <= 3 * max + 8, "rewritten to depth {}: {}", depth, page),
            }
        }
    }

    #[test]
    fn tokenizer_edges() {
        // A `>` inside a quoted attribute does not end the tag; `</>` and a lone `<` are no tags.
        let page = format!("<div title='a>b'>{}x", "<div></>< ".repeat(40));
        let (out, at) = bounded_to(&page, 8);
        assert!(at.is_some());
        assert!(out.starts_with("<div title='a>b'>"));
        // Comments end at `-->`, `--!>` and the abrupt `<!-->`.
        for c in [
            "<!-- a -->",
            "<!-- a --!>",
            "<!-->",
            "<!--->",
            "<!---- a -->",
        ] {
            let page = format!("{c}{}", "<div>".repeat(20));
            assert_eq!(too_deep_at(&page, 10), Some(c.len() + 5 * 10), "{c}");
        }
        // The input ending inside a tag or comment is no panic.
        for page in [
            "<div",
            "<div a='",
            "</div",
            "<!--",
            "<",
            "</",
            "<![CDATA[",
            "<script>x",
        ] {
            let _ = bounded_to(page, 1);
        }
    }
}
