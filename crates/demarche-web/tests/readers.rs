//! Golden tests for the HTML, RSS, Atom and WARC readers on documents written for this project
//! (`tests/fixtures/`), and on WARC files generated here.

use demarche_model::Document;
use demarche_web::{InputFormat, read_any, read_feed, read_html, read_warc};
use std::io::Write;

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[track_caller]
fn check_doc(
    doc: &Document,
    id: &str,
    date: Option<&str>,
    title: Option<&str>,
    source: Option<&str>,
    url: Option<&str>,
    text: &str,
) {
    assert_eq!(doc.id, id);
    assert_eq!(doc.date.map(|d| d.to_string()).as_deref(), date);
    assert_eq!(doc.title.as_deref(), title);
    assert_eq!(doc.source.as_deref(), source);
    assert_eq!(doc.url.as_deref(), url);
    assert_eq!(doc.text, text);
}

const PAGE_TEXT: &str = "Negotiators from Eastport and Westmark met on Thursday in the old customs house to restart talks over fishing rights in the shared harbour, the first meeting since the previous round collapsed two years ago.\n\nEastport's chief negotiator, Anna Lind, told reporters that both delegations had agreed to keep the harbour open to each other's fleets while the talks continue. \"Nobody gains from empty nets,\" she said.\n\nWestmark trade minister Pavel Oren said the two sides would exchange catch data every month and meet again in April. Trade across the harbour fell by 18 percent last year to $340 million, according to the port authority.\n\nFishing crews on both sides welcomed the news but warned that the quotas set in 2021 had already cost them a season.";

#[test]
fn html_page_keeps_the_article_and_its_metadata_and_drops_the_furniture() {
    let html = String::from_utf8(fixture("page.html")).unwrap();
    let (doc, diags) = read_html("page.html", &html);
    assert!(diags.is_empty(), "{diags:?}");
    let doc = doc.unwrap();
    check_doc(
        &doc,
        "https://ledger.example/world/harbour-talks-resume",
        Some("2024-03-15"),
        Some("Harbour talks resume after two-year pause"),
        Some("The Coastal Ledger"),
        Some("https://ledger.example/world/harbour-talks-resume"),
        PAGE_TEXT,
    );
    for furniture in [
        "Home",
        "Share on",
        "Comment Here",
        "Related stories",
        "Copyright",
        "About us",
    ] {
        assert!(
            !doc.text.contains(furniture),
            "{furniture:?} left in the text"
        );
    }
}

#[test]
fn html_metadata_fallbacks_meta_date_and_title_element() {
    let html = r#"<html><head><title>Council meets</title><meta name="date" content="2024-02-01">
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Council meets","datePublished":"2024-01-31"}</script>
        </head><body><p>The council met on Monday to discuss the budget for next year and agreed to publish its accounts.</p></body></html>"#;
    let (doc, _) = read_html("c.html", html);
    let doc = doc.unwrap();
    assert_eq!(doc.title.as_deref(), Some("Council meets"));
    assert_eq!(
        doc.date.map(|d| d.to_string()).as_deref(),
        Some("2024-02-01")
    );
    assert_eq!(doc.id, "c.html");
    assert_eq!(doc.url, None);
    // JSON-LD alone gives the date when no <meta> does.
    let html = html.replace(r#"<meta name="date" content="2024-02-01">"#, "");
    let (doc, _) = read_html("c.html", &html);
    assert_eq!(
        doc.unwrap().date.map(|d| d.to_string()).as_deref(),
        Some("2024-01-31")
    );
}

#[test]
fn html_without_text_is_an_error_naming_the_file() {
    let (doc, diags) = read_html("empty.html", "<html><body><nav>Home</nav></body></html>");
    assert!(doc.is_none());
    assert_eq!(diags.len(), 1);
    assert_eq!(
        diags[0].to_string(),
        "empty.html: error: expected an HTML page with text, found no paragraph text"
    );
}

#[test]
fn rss_items_become_documents() {
    let (docs, diags) = read_feed("feed.rss", &fixture("feed.rss"));
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(docs.len(), 2);
    check_doc(
        &docs[0],
        "ledger-2024-0315-01",
        Some("2024-03-15"),
        Some("Harbour talks resume"),
        Some("The Coastal Ledger: World"),
        Some("https://ledger.example/world/harbour-talks-resume"),
        "Negotiators from Eastport and Westmark met on Thursday to restart talks.\n\nThey will meet again in April.",
    );
    check_doc(
        &docs[1],
        "https://ledger.example/world/ferry-route",
        Some("2024-03-14"),
        Some("Ferry route opens"),
        Some("The Coastal Ledger: World"),
        Some("https://ledger.example/world/ferry-route"),
        "A new ferry route between Eastport and the islands opened on Wednesday.\n\nTickets cost 12 euros.",
    );
}

#[test]
fn atom_entries_become_documents() {
    let (docs, diags) = read_feed("feed.atom", &fixture("feed.atom"));
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(docs.len(), 2);
    // `published` wins over `updated`; the alternate link wins over the related one.
    check_doc(
        &docs[0],
        "urn:example:wire:1",
        Some("2024-03-13"),
        Some("Port strike ends"),
        Some("Ledger Wire"),
        Some("https://ledger.example/wire/port-strike-ends"),
        "Dock workers in Westmark ended a three-day strike on Wednesday.",
    );
    check_doc(
        &docs[1],
        "urn:example:wire:2",
        Some("2024-03-12"),
        Some("Quota review"),
        Some("Ledger Wire"),
        None,
        "The fisheries council will review quotas next month.",
    );
}

#[test]
fn broken_feed_keeps_the_good_items_and_names_line_and_item() {
    let (docs, diags) = read_feed("broken.rss", &fixture("broken.rss"));
    let titles: Vec<_> = docs
        .iter()
        .map(|d| d.title.clone().unwrap_or_default())
        .collect();
    assert_eq!(titles, ["First item is fine", "Second item has a bad date"]);
    assert_eq!(docs[1].date, None);
    let shown: Vec<String> = diags.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        [
            "broken.rss:10: warning: item 2: date `sometime in March` is not a date (expected RFC 2822 or ISO 8601)",
            "broken.rss:18: error: malformed XML in item 3: ill-formed document: expected `</description>`, but `</item>` was found; the rest of the feed is skipped",
        ]
    );
}

#[test]
fn a_feed_that_is_no_feed_is_refused() {
    let (docs, diags) = read_feed("x.xml", b"<html><body>hi</body></html>");
    assert!(docs.is_empty());
    assert_eq!(
        diags[0].to_string(),
        "x.xml:1: error: expected a feed (`<rss>`, `<feed>` or `<rdf:RDF>`), found `<html>`"
    );
}

/// One WARC record with the given type, fields and block.
fn record(kind: &str, fields: &[(&str, &str)], block: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    write!(out, "WARC/1.1\r\nWARC-Type: {kind}\r\n").unwrap();
    for (k, v) in fields {
        write!(out, "{k}: {v}\r\n").unwrap();
    }
    write!(out, "Content-Length: {}\r\n\r\n", block.len()).unwrap();
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

fn http(headers: &str, body: &[u8]) -> Vec<u8> {
    let mut out = format!("HTTP/1.1 200 OK\r\n{headers}\r\n").into_bytes();
    out.extend_from_slice(body);
    out
}

fn page(title: &str, body: &str) -> String {
    format!(
        "<html><head><title>{title}</title></head><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><p>{body}</p></article><footer>Comment Here</footer></body></html>"
    )
}

fn chunked(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    for part in body.chunks(50) {
        write!(out, "{:x}\r\n", part.len()).unwrap();
        out.extend_from_slice(part);
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(b"0\r\n\r\n");
    out
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(data).unwrap();
    enc.finish().unwrap()
}

const BODY_A: &str = "Dock workers in Westmark ended their strike on Wednesday after the port authority agreed to review shift patterns before the summer season begins.";
const BODY_B: &str = "The fisheries council of Eastport will review the harbour quotas next month, its chair said, after crews complained about the season lost in 2021.";

/// A small archive: warcinfo, an HTML response, a request, an image response, a broken record,
/// and a chunked + gzip-encoded HTML response after it.
fn archive() -> Vec<(Vec<u8>, &'static str)> {
    let page_a = page("Strike ends", BODY_A);
    let page_b = page("Quota review", BODY_B);
    let b_headers = "Content-Type: text/html; charset=utf-8\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n";
    vec![
        (
            record(
                "warcinfo",
                &[("WARC-Record-ID", "<urn:uuid:0>")],
                b"software: demarche test\r\n",
            ),
            "warcinfo",
        ),
        (
            record(
                "response",
                &[
                    ("WARC-Record-ID", "<urn:uuid:a>"),
                    ("WARC-Target-URI", "https://ledger.example/wire/strike"),
                    ("WARC-Date", "2024-03-14T07:00:00Z"),
                ],
                &http("Content-Type: text/html\r\n", page_a.as_bytes()),
            ),
            "a",
        ),
        (
            record(
                "request",
                &[("WARC-Target-URI", "https://ledger.example/wire/strike")],
                b"GET /wire/strike HTTP/1.1\r\n\r\n",
            ),
            "request",
        ),
        (
            record(
                "response",
                &[("WARC-Target-URI", "https://ledger.example/logo.png")],
                &http("Content-Type: image/png\r\n", b"\x89PNG...."),
            ),
            "image",
        ),
        (
            b"WARC/1.1\r\nWARC-Type: response\r\nContent-Length: many\r\n\r\nnot a block\r\n\r\n"
                .to_vec(),
            "broken",
        ),
        (
            record(
                "response",
                &[
                    ("WARC-Record-ID", "<urn:uuid:b>"),
                    ("WARC-Target-URI", "https://ledger.example/wire/quotas"),
                    ("WARC-Date", "2024-03-12T12:00:00Z"),
                ],
                &http(b_headers, &chunked(&gzip(page_b.as_bytes()))),
            ),
            "b",
        ),
    ]
}

#[track_caller]
fn check_archive(name: &str, bytes: Vec<u8>) {
    let (docs, diags) = read_warc(name, std::io::Cursor::new(bytes));
    assert_eq!(docs.len(), 2, "{docs:#?} {diags:?}");
    check_doc(
        &docs[0],
        "urn:uuid:a",
        Some("2024-03-14"),
        Some("Strike ends"),
        None,
        Some("https://ledger.example/wire/strike"),
        BODY_A,
    );
    check_doc(
        &docs[1],
        "urn:uuid:b",
        Some("2024-03-12"),
        Some("Quota review"),
        None,
        Some("https://ledger.example/wire/quotas"),
        BODY_B,
    );
    assert_eq!(diags.len(), 1, "{diags:?}");
    let d = diags[0].to_string();
    assert!(d.starts_with(&format!("{name}:")), "{d}");
    assert!(
        d.ends_with("error: record 5: expected a numeric `Content-Length` field"),
        "{d}"
    );
}

#[test]
fn warc_reads_html_responses_and_skips_the_rest() {
    let bytes: Vec<u8> = archive().into_iter().flat_map(|(r, _)| r).collect();
    check_archive("crawl.warc", bytes.clone());
    // The broken record starts on a known line: count the lines before it.
    let before: usize = archive()
        .into_iter()
        .take_while(|(_, tag)| *tag != "broken")
        .map(|(r, _)| r.iter().filter(|b| **b == b'\n').count())
        .sum();
    let (_, diags) = read_warc("crawl.warc", std::io::Cursor::new(bytes));
    assert_eq!(diags[0].line, Some(before + 1));
}

#[test]
fn warc_gz_with_one_member_per_record() {
    let bytes: Vec<u8> = archive().into_iter().flat_map(|(r, _)| gzip(&r)).collect();
    check_archive("crawl.warc.gz", bytes.clone());
    assert_eq!(InputFormat::detect(None, &bytes), Some(InputFormat::Warc));
    let (docs, _) = read_any("crawl.warc.gz", bytes).unwrap();
    assert_eq!(docs.len(), 2);
}

#[test]
fn truncated_warc_keeps_the_records_before_the_cut() {
    let mut bytes: Vec<u8> = archive().into_iter().take(2).flat_map(|(r, _)| r).collect();
    bytes.extend_from_slice(
        b"WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 500\r\n\r\nHTTP/1.1 200 OK\r\n",
    );
    let (docs, diags) = read_warc("cut.warc", std::io::Cursor::new(bytes));
    assert_eq!(docs.len(), 1);
    assert_eq!(diags.len(), 1);
    assert!(
        diags[0]
            .message
            .starts_with("record 3: truncated record: `Content-Length` is 500 bytes but only"),
        "{}",
        diags[0]
    );
}

/// A WARC response record holding `html` (bytes as they are).
fn response(html: &[u8]) -> Vec<u8> {
    let mut http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n".to_vec();
    http.extend_from_slice(html);
    let mut out = Vec::new();
    write!(
        out,
        "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://x.example/\r\nContent-Length: {}\r\n\r\n",
        http.len()
    )
    .unwrap();
    out.extend_from_slice(&http);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

#[test]
fn warc_body_with_invalid_utf8_is_read_and_reported() {
    let good = b"<html><body><p>Delegations met in Geneva on Friday and agreed to meet again.</p></body></html>";
    let mut bytes = response(good);
    bytes.extend(response(
        b"<html><body><p>Talks resumed in S\xe3o Paulo on Friday after a long pause.</p></body></html>",
    ));
    let items: Vec<_> =
        demarche_web::warc_records("crawl.warc", std::io::Cursor::new(bytes)).collect();
    // The first page, then the second page's warning, then the second page itself.
    assert_eq!(items.len(), 3, "{items:?}");
    assert!(items[0].is_ok());
    let warning = items[1].as_ref().unwrap_err();
    assert_eq!(warning.severity, demarche_model::Severity::Warning);
    // Record 2 starts on line 11 (ten lines of record 1 before it).
    assert_eq!(warning.line, Some(11));
    assert!(
        warning
            .message
            .starts_with("record 2: invalid UTF-8 at byte 33 of the HTTP body: expected UTF-8"),
        "{warning}"
    );
    let doc = items[2].as_ref().unwrap();
    assert!(doc.text.contains("S\u{FFFD}o Paulo"), "{}", doc.text);
}

#[test]
fn html_pages_nested_past_the_bound_keep_their_text_and_say_where() {
    let page = format!(
        "<html><body>\n{}<p>Delegations met in Geneva on Friday and agreed to meet again next month.</p></body></html>",
        "<div><span><b><i>".repeat(20_000)
    );
    let (doc, diags) = read_html("deep.html", &page);
    assert!(doc.unwrap().text.starts_with("Delegations met in Geneva"));
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert_eq!(diags[0].line, Some(2));
    assert!(
        diags[0]
            .message
            .starts_with("HTML nested deeper than 256 elements (byte"),
        "{}",
        diags[0]
    );
    let huge = "x".repeat(demarche_web::MAX_HTML_BYTES + 1);
    let (doc, diags) = read_html("huge.html", &huge);
    assert!(doc.is_none());
    assert!(diags[0].message.contains("larger than the"), "{}", diags[0]);
}
