//! RSS 2.0 / RSS 1.0 and Atom feeds → one [`Document`] per item or entry.
//!
//! A small event-driven reader over `quick-xml` rather than a feed library, so that a broken
//! feed still yields the items before the break and the diagnostic can name the line and the
//! item. Per item: title, link (RSS `<link>`, Atom `<link href>` with `rel="alternate"` or no
//! `rel`), date (`pubDate`, `dc:date`, `published`, `updated`), id (`guid`, `id`, else the
//! link), and text (`content:encoded` or Atom `content`, else `description` / `summary`) with
//! markup stripped and paragraphs kept. The feed's own title is each document's source.

use crate::dates::parse_web_date;
use crate::html::fragment_text;
use demarche_model::{Diagnostic, Document};
use quick_xml::Reader;
use quick_xml::events::Event;

#[derive(Default)]
struct Item {
    title: Option<String>,
    link: Option<String>,
    date: Option<String>,
    id: Option<String>,
    content: Option<String>,
    summary: Option<String>,
    line: usize,
}

/// Turns byte offsets into 1-based lines, counting only the bytes between one question and the
/// next: the reader asks in increasing order, so a whole feed costs one pass.
struct Lines<'a> {
    bytes: &'a [u8],
    pos: usize,
    line: usize,
}

impl<'a> Lines<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Lines {
            bytes,
            pos: 0,
            line: 1,
        }
    }

    fn at(&mut self, pos: u64) -> usize {
        let pos = usize::try_from(pos)
            .unwrap_or(usize::MAX)
            .min(self.bytes.len());
        let newlines = |a: usize, b: usize| {
            self.bytes
                .get(a..b)
                .map_or(0, |s| s.iter().filter(|c| **c == b'\n').count())
        };
        if pos >= self.pos {
            self.line += newlines(self.pos, pos);
        } else {
            self.line -= newlines(pos, self.pos);
        }
        self.pos = pos;
        self.line
    }
}

/// Reads a feed. `name` names the input in diagnostics; the documents' ids are the items' ids
/// or links, else `name#N` for the N-th item (1-based).
pub fn read_feed(name: &str, bytes: &[u8]) -> (Vec<Document>, Vec<Diagnostic>) {
    let mut docs = Vec::new();
    let mut diags = Vec::new();
    let mut reader = Reader::from_reader(bytes);
    reader.config_mut().trim_text(true);
    let mut lines = Lines::new(bytes);
    let mut path: Vec<String> = Vec::new();
    // Where in `path` each open `item`/`entry` element is, innermost last.
    let mut item_tags: Vec<usize> = Vec::new();
    let mut item: Option<Item> = None;
    let mut item_count = 0usize;
    let mut feed_title: Option<String> = None;
    let mut saw_root = false;
    loop {
        let event = reader.read_event();
        let pos = reader.buffer_position();
        match event {
            Err(e) => {
                let line = lines.at(reader.error_position());
                let at = if item.is_some() {
                    format!(" in item {}", item_count)
                } else {
                    String::new()
                };
                diags.push(Diagnostic::error(
                    name,
                    Some(line),
                    format!("malformed XML{at}: {e}; the rest of the feed is skipped"),
                ));
                break;
            }
            Ok(Event::Eof) => {
                if item.is_some() {
                    diags.push(Diagnostic::error(
                        name,
                        Some(lines.at(pos)),
                        format!("feed ends inside item {item_count}; that item is skipped"),
                    ));
                }
                break;
            }
            Ok(Event::Start(e)) => {
                let local = String::from_utf8_lossy(e.local_name().as_ref()).to_lowercase();
                if path.is_empty() {
                    saw_root = true;
                    if !matches!(local.as_str(), "rss" | "feed" | "rdf") {
                        diags.push(Diagnostic::error(
                            name,
                            Some(lines.at(pos)),
                            format!("expected a feed (`<rss>`, `<feed>` or `<rdf:RDF>`), found `<{local}>`"),
                        ));
                        break;
                    }
                }
                if matches!(local.as_str(), "item" | "entry") && item.is_none() {
                    item_count += 1;
                    item = Some(Item {
                        line: lines.at(pos),
                        ..Item::default()
                    });
                }
                if local == "link" {
                    take_atom_link(&e, item.as_mut());
                }
                if matches!(local.as_str(), "item" | "entry") {
                    item_tags.push(path.len());
                }
                path.push(local);
            }
            Ok(Event::Empty(e)) => {
                let local = String::from_utf8_lossy(e.local_name().as_ref()).to_lowercase();
                if local == "link" {
                    take_atom_link(&e, item.as_mut());
                }
            }
            Ok(Event::End(_)) => {
                let closed = path.pop().unwrap_or_default();
                if item_tags.last() == Some(&path.len()) {
                    item_tags.pop();
                }
                let finished = matches!(closed.as_str(), "item" | "entry")
                    .then(|| item.take())
                    .flatten();
                if let Some(it) = finished {
                    let title = feed_title.as_deref();
                    finish_item(name, it, item_count, title, &mut docs, &mut diags);
                }
            }
            Ok(Event::Text(t)) => {
                let value = match t.unescape() {
                    Ok(v) => v.into_owned(),
                    Err(e) => {
                        diags.push(Diagnostic::warning(
                            name,
                            Some(lines.at(pos)),
                            format!("bad character reference: {e}; text kept as written"),
                        ));
                        String::from_utf8_lossy(&t).into_owned()
                    }
                };
                take_text(&path, &item_tags, value, item.as_mut(), &mut feed_title);
            }
            Ok(Event::CData(c)) => {
                let value = String::from_utf8_lossy(&c).into_owned();
                take_text(&path, &item_tags, value, item.as_mut(), &mut feed_title);
            }
            Ok(_) => {}
        }
    }
    if !saw_root && diags.is_empty() {
        diags.push(Diagnostic::error(
            name,
            Some(1),
            "expected a feed, found no XML element",
        ));
    }
    (docs, diags)
}

fn take_atom_link(e: &quick_xml::events::BytesStart<'_>, item: Option<&mut Item>) {
    let Some(item) = item else { return };
    let attr = |key: &str| {
        e.try_get_attribute(key)
            .ok()
            .flatten()
            .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
    };
    let rel = attr("rel");
    let wanted = rel.as_deref().is_none_or(|r| r == "alternate") && item.link.is_none();
    if let Some(href) = attr("href").filter(|_| wanted) {
        item.link = Some(href);
    }
}

fn append(slot: &mut Option<String>, value: String) {
    match slot {
        Some(s) => s.push_str(&value),
        None => *slot = Some(value),
    }
}

fn take_text(
    path: &[String],
    item_tags: &[usize],
    value: String,
    item: Option<&mut Item>,
    feed_title: &mut Option<String>,
) {
    let Some(last) = path.last() else { return };
    let Some(item) = item else {
        // The feed's own title: `channel/title` (RSS) or `feed/title` (Atom).
        if last == "title" && feed_title.is_none() {
            let parent = path.len().checked_sub(2).and_then(|i| path.get(i));
            if parent.is_some_and(|p| p == "channel" || p == "feed") {
                *feed_title = Some(value.trim().to_string());
            }
        }
        return;
    };
    // Only direct children of the item count: an Atom entry's `source/title` is not its title.
    let depth_ok = item_tags.last().is_some_and(|&i| i + 2 == path.len());
    if !depth_ok {
        return;
    }
    match last.as_str() {
        "title" => append(&mut item.title, value),
        "link" => append(&mut item.link, value),
        "pubdate" | "date" | "published" => item.date = Some(value),
        "updated" if item.date.is_none() => item.date = Some(value),
        "guid" | "id" => append(&mut item.id, value),
        "encoded" | "content" => append(&mut item.content, value),
        "description" | "summary" => append(&mut item.summary, value),
        _ => {}
    }
}

fn finish_item(
    name: &str,
    it: Item,
    n: usize,
    feed_title: Option<&str>,
    docs: &mut Vec<Document>,
    diags: &mut Vec<Diagnostic>,
) {
    let body = it
        .content
        .or(it.summary)
        .map(|b| fragment_text(&b))
        .unwrap_or_default();
    let title = it
        .title
        .map(|t| fragment_text(&t))
        .filter(|t| !t.is_empty());
    let text = match (&title, body.is_empty()) {
        (_, false) => body,
        (Some(t), true) => t.clone(),
        (None, true) => {
            diags.push(Diagnostic::warning(
                name,
                Some(it.line),
                format!("item {n} has neither text nor title; skipped"),
            ));
            return;
        }
    };
    let date = match it.date.as_deref() {
        Some(raw) => {
            let d = parse_web_date(raw);
            if d.is_none() {
                diags.push(Diagnostic::warning(
                    name,
                    Some(it.line),
                    format!(
                        "item {n}: date `{}` is not a date (expected RFC 2822 or ISO 8601)",
                        raw.trim()
                    ),
                ));
            }
            d
        }
        None => None,
    };
    let link = it
        .link
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty());
    let id = it
        .id
        .map(|i| i.trim().to_string())
        .filter(|i| !i.is_empty())
        .or_else(|| link.clone())
        .unwrap_or_else(|| format!("{name}#{n}"));
    docs.push(Document {
        id,
        date,
        title,
        source: feed_title.map(str::to_string),
        url: link,
        text,
        parses: Vec::new(),
    });
}
