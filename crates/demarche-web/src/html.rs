//! HTML pages → [`Document`]: the article's main text and the page's metadata.
//!
//! Main text comes from `dom_smoothie`, a port of the readability algorithm (it scores blocks by
//! text and link density and drops navigation, sharing and comment widgets), asked for
//! formatted text so that paragraphs stay separated by blank lines. We then normalise white
//! space and drop short paragraphs that are page furniture ("Comment Here", "Share this",
//! "Read more"): readability keeps a widget when it sits inside the article's own block.
//! When readability finds no article (short pages), the text of the page's `<p>` elements
//! outside `nav`, `header`, `footer`, `aside` and `form` is used instead.
//!
//! Metadata, first match wins:
//! - title: `og:title`, `twitter:title`, `<title>`;
//! - source: `og:site_name`, `application-name`;
//! - publication date: `article:published_time`, `<meta name="date">` and its variants
//!   (`pubdate`, `publishdate`, `dc.date`, `dcterms.date`), `itemprop="datePublished"`,
//!   JSON-LD `datePublished` (through dom_smoothie), `<time datetime>`;
//! - URL: `<link rel="canonical">`, `og:url`.

use crate::dates::parse_web_date;
use demarche_model::{Diagnostic, Document};
use dom_query::Document as Dom;
use std::collections::BTreeSet;

/// Short paragraphs that are page furniture, compared lowercase without final punctuation.
const BOILERPLATE: &[&str] = &[
    "comment here",
    "comments",
    "leave a comment",
    "leave a reply",
    "add a comment",
    "post a comment",
    "share",
    "share this",
    "share this article",
    "share on facebook",
    "share on twitter",
    "tweet",
    "email",
    "print",
    "read more",
    "read more:",
    "related",
    "related articles",
    "related stories",
    "recommended",
    "advertisement",
    "subscribe",
    "subscribe now",
    "sign up",
    "follow us",
    "back to top",
    "you may also like",
    "most popular",
    "all rights reserved",
];

fn is_boilerplate(paragraph: &str) -> bool {
    let p = paragraph
        .trim()
        .trim_end_matches(['.', ':', '!', '»', '›', '>'])
        .trim()
        .to_lowercase();
    if p.chars().count() > 60 {
        return false;
    }
    BOILERPLATE.contains(&p.as_str())
        || p.starts_with("copyright")
        || p.starts_with('©')
        || p.starts_with("share this")
        || p.starts_with("follow us on")
}

/// Normalises extracted text: one space between words, paragraphs separated by one blank line,
/// furniture paragraphs dropped.
pub fn clean_paragraphs(text: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut current: Vec<String> = Vec::new();
    let flush = |current: &mut Vec<String>, out: &mut Vec<String>| {
        if !current.is_empty() {
            let p = current.join(" ");
            if !is_boilerplate(&p) {
                out.push(p);
            }
            current.clear();
        }
    };
    for line in text.lines() {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if line.is_empty() {
            flush(&mut current, &mut out);
        } else {
            // Lines of one paragraph join; a furniture line on its own is dropped even when no
            // blank line sets it apart.
            if is_boilerplate(&line) {
                flush(&mut current, &mut out);
                continue;
            }
            current.push(line);
        }
    }
    flush(&mut current, &mut out);
    out.join("\n\n")
}

fn meta(dom: &Dom, selectors: &[&str]) -> Option<String> {
    selectors.iter().find_map(|sel| {
        let found = dom.try_select(sel)?;
        let node = found.nodes().first()?;
        let value = node
            .attr("content")
            .or_else(|| node.attr("datetime"))
            .or_else(|| node.attr("href"))
            .map(|v| v.to_string())
            .unwrap_or_else(|| node.text().to_string());
        let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
        (!value.is_empty()).then_some(value)
    })
}

/// The lines of text inside the page's furniture (navigation, header, footer, asides, comment
/// and share widgets), normalised. Readability sometimes keeps one of them when the page has
/// little else; a paragraph of the extracted text equal to one of these lines is dropped.
fn furniture_lines(dom: &Dom) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let selector =
        r#"nav, header, footer, aside, [class*="comment"], [class*="share"], [id*="comment"]"#;
    let Some(nodes) = dom.try_select(selector) else {
        return out;
    };
    for node in nodes.nodes() {
        for line in node.formatted_text().lines() {
            let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
            if !line.is_empty() {
                out.insert(line);
            }
        }
    }
    out
}

/// Text of the page's paragraphs outside navigation and page furniture: the fallback when
/// readability finds no article.
fn paragraphs_outside_furniture(dom: &Dom) -> String {
    let Some(ps) = dom.try_select("p, h1, h2, li") else {
        return String::new();
    };
    let mut out = Vec::new();
    for node in ps.nodes() {
        let in_furniture = node.ancestors(None).iter().any(|a| {
            a.node_name().is_some_and(|n| {
                matches!(
                    &*n,
                    "nav" | "header" | "footer" | "aside" | "form" | "script" | "style"
                )
            }) || a.attr("class").is_some_and(|c| {
                let c = c.to_lowercase();
                c.contains("comment") || c.contains("share") || c.contains("menu")
            })
        });
        if !in_furniture {
            out.push(node.text().to_string());
        }
    }
    out.join("\n\n")
}

/// Largest HTML page read (bytes). The HTML tree of a page takes several times the page's size
/// in memory; a news article's page is well under a megabyte of markup.
pub const MAX_HTML_BYTES: usize = 16 << 20;

/// Reads one HTML page. `name` names the input in diagnostics and is the document's id when the
/// page gives no URL. Returns `None` (with a diagnostic) when the page has no text at all or is
/// larger than [`MAX_HTML_BYTES`]. A page nested deeper than [`crate::MAX_HTML_DEPTH`] elements
/// is read flattened below that depth (see [`crate::bound_nesting`]), with a warning.
pub fn read_html(name: &str, html: &str) -> (Option<Document>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    if html.len() > MAX_HTML_BYTES {
        diags.push(Diagnostic::error(
            name,
            None,
            format!(
                "an HTML page of {} bytes is larger than the {MAX_HTML_BYTES}-byte limit for one \
                 page: expected one article; skipped",
                html.len()
            ),
        ));
        return (None, diags);
    }
    let page = html;
    let (html, deep_at) = crate::nesting::bounded(page);
    if let Some(at) = deep_at {
        let line = page.get(..at).map_or(0, |b| b.matches('\n').count()) + 1;
        diags.push(Diagnostic::warning(
            name,
            Some(line),
            format!(
                "HTML nested deeper than {} elements (byte {at}): expected a page nested a few \
                 dozen levels; the elements beyond that depth are left out and their text is kept \
                 in their parent",
                crate::nesting::MAX_HTML_DEPTH
            ),
        ));
    }
    let html: &str = &html;
    let dom = Dom::from(html);
    let title = meta(
        &dom,
        &[
            r#"meta[property="og:title"]"#,
            r#"meta[name="twitter:title"]"#,
            "title",
        ],
    );
    let source = meta(
        &dom,
        &[
            r#"meta[property="og:site_name"]"#,
            r#"meta[name="application-name"]"#,
        ],
    );
    let url = meta(
        &dom,
        &[r#"link[rel="canonical"]"#, r#"meta[property="og:url"]"#],
    );
    let date_text = meta(
        &dom,
        &[
            r#"meta[property="article:published_time"]"#,
            r#"meta[name="date"]"#,
            r#"meta[name="pubdate"]"#,
            r#"meta[name="publishdate"]"#,
            r#"meta[name="dc.date"]"#,
            r#"meta[name="DC.date"]"#,
            r#"meta[name="dcterms.date"]"#,
            r#"[itemprop="datePublished"]"#,
        ],
    );

    let config = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        ..dom_smoothie::Config::default()
    };
    // Everything read from the tree is read before readability takes it over (it edits the
    // tree), so that the page is parsed once; only the rare fallback parses it again.
    let furniture = furniture_lines(&dom);
    let time_element = meta(&dom, &["time[datetime]"]);
    let article = dom_smoothie::Readability::with_document(dom, None, Some(config))
        .ok()
        .and_then(|mut r| r.parse().ok());
    let (mut text, json_ld_date) = match &article {
        Some(a) => (clean_paragraphs(&a.text_content), a.published_time.clone()),
        None => (String::new(), None),
    };
    let without_furniture = |t: String| -> String {
        t.split("\n\n")
            .filter(|p| !furniture.contains(*p))
            .collect::<Vec<_>>()
            .join("\n\n")
    };
    text = without_furniture(text);
    if text.trim().is_empty() {
        let dom = Dom::from(html);
        text = without_furniture(clean_paragraphs(&paragraphs_outside_furniture(&dom)));
    }
    let date_text = date_text.or(json_ld_date).or(time_element);
    let date = match date_text.as_deref().map(|d| (d, parse_web_date(d))) {
        Some((_, Some(d))) => Some(d),
        Some((raw, None)) => {
            diags.push(Diagnostic::warning(
                name,
                None,
                format!("publication date `{raw}` is not a date (expected ISO 8601 or RFC 2822); the page is read without a date"),
            ));
            None
        }
        None => None,
    };
    if text.trim().is_empty() {
        diags.push(Diagnostic::error(
            name,
            None,
            "expected an HTML page with text, found no paragraph text",
        ));
        return (None, diags);
    }
    let source = source.or_else(|| article.as_ref().and_then(|a| a.site_name.clone()));
    let doc = Document {
        id: url.clone().unwrap_or_else(|| name.to_string()),
        date,
        title: title.or_else(|| {
            article
                .as_ref()
                .map(|a| a.title.clone())
                .filter(|t| !t.is_empty())
        }),
        source,
        url,
        text,
        parses: Vec::new(),
    };
    (Some(doc), diags)
}

/// Strips markup from an HTML fragment (a feed item's description), keeping paragraphs apart.
pub fn fragment_text(fragment: &str) -> String {
    if !fragment.contains('<') && !fragment.contains('&') {
        return clean_paragraphs(fragment);
    }
    let (fragment, _) = crate::nesting::bounded(fragment);
    let dom = Dom::fragment(&*fragment);
    clean_paragraphs(&dom.formatted_text())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_paragraphs_are_dropped_and_paragraphs_kept() {
        let text =
            "  First   paragraph\nstill first.\n\n\nShare this\n\nSecond one.\n\nComment Here\n";
        assert_eq!(
            clean_paragraphs(text),
            "First paragraph still first.\n\nSecond one."
        );
    }

    #[test]
    fn fragments_lose_their_markup() {
        assert_eq!(
            fragment_text("<p>Talks <b>resumed</b> &amp; ended.</p><p>Next.</p>"),
            "Talks resumed & ended.\n\nNext."
        );
        assert_eq!(fragment_text("plain text"), "plain text");
    }
}
