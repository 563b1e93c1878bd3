//! Input formats through `demarche code` (issues #3 and #5): JSON Lines with a compact date,
//! an HTML page with boilerplate, an RSS feed, standard input; and deterministic output.

use crate::{Run, check, demarche, events, fixture, s, tempdir, write};

/// (doc_id, date, source, target, code) of every event.
fn rows(run: &Run) -> Vec<[String; 5]> {
    events(run)
        .iter()
        .map(|e| ["doc_id", "date", "source", "target", "code"].map(|k| s(e, k).to_string()))
        .collect()
}

fn row(doc: &str, date: &str, source: &str, target: &str, code: &str) -> [String; 5] {
    [doc, date, source, target, code].map(String::from)
}

#[test]
fn jsonl_date_as_yyyymmdd_is_written_as_yyyy_mm_dd() {
    let dir = tempdir();
    let file = write(
        dir.path(),
        "news.jsonl",
        "{\"id\":\"n1\",\"date\":\"20211120\",\"text\":\"China praised Russia.\"}\n",
    );
    let run = demarche(dir.path(), &["code", file], None);
    check(&run, "JSON Lines with a YYYYMMDD date");
    assert_eq!(run.code, Some(0), "stderr: {}", run.stderr);
    assert_eq!(
        rows(&run),
        vec![row("n1", "2021-11-20", "CHN", "RUS", "051")]
    );
}

#[test]
fn html_page_codes_the_article_body_and_not_the_boilerplate() {
    // The navigation, comment widget and footer of the page each hold a codable sentence too.
    let dir = tempdir();
    let page = fixture(dir.path(), "page.html");
    let run = demarche(dir.path(), &["code", page], None);
    check(&run, "HTML page");
    assert_eq!(run.code, Some(0), "stderr: {}", run.stderr);
    // The date comes from the page's `article:published_time`.
    assert_eq!(
        rows(&run),
        vec![row("page.html", "2022-03-04", "RUSMIL", "UKR", "194")]
    );
    let event = &events(&run)[0];
    assert_eq!(s(event, "verb_text"), "shelled");
}

#[test]
fn rss_feed_items_are_documents_with_their_own_dates() {
    let dir = tempdir();
    let feed = fixture(dir.path(), "feed.rss");
    let run = demarche(dir.path(), &["code", feed], None);
    check(&run, "RSS feed");
    assert_eq!(run.code, Some(0), "stderr: {}", run.stderr);
    assert_eq!(
        rows(&run),
        vec![
            row(
                "https://example.org/a",
                "2022-03-04",
                "RUSMIL",
                "UKR",
                "194"
            ),
            row("https://example.org/b", "2021-11-20", "CHN", "RUS", "051"),
        ]
    );
}

#[test]
fn standard_input_is_coded_when_no_file_is_given() {
    let dir = tempdir();
    let run = demarche(
        dir.path(),
        &["code", "--date", "2021-11-20"],
        Some("Russia praised China.\n".as_bytes()),
    );
    check(&run, "standard input");
    assert_eq!(run.code, Some(0), "stderr: {}", run.stderr);
    let got = rows(&run);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0][1..], row("", "2021-11-20", "RUS", "CHN", "051")[1..]);
}

#[test]
fn same_input_gives_byte_identical_output() {
    let dir = tempdir();
    let jsonl = write(
        dir.path(),
        "news.jsonl",
        [
            r#"{"id":"n1","date":"2021-11-20","text":"China praised Russia. Russian forces shelled the Ukrainian city of Kharkiv on Friday."}"#,
            r#"{"id":"n2","date":"2021-11-21","text":"Russian President Vladimir Putin accused Western countries of meddling."}"#,
            r#"{"id":"n3","date":"2021-11-22","text":"Russia praised China."}"#,
        ]
        .join("\n"),
    );
    let (page, feed) = (
        fixture(dir.path(), "page.html"),
        fixture(dir.path(), "feed.rss"),
    );
    let inputs = ["code", jsonl, page, feed];
    let first = demarche(dir.path(), &inputs, None);
    check(&first, "first run");
    assert!(
        events(&first).len() >= 5,
        "too few events to compare: {}",
        first.stdout
    );
    let second = demarche(dir.path(), &inputs, None);
    assert_eq!(first.stdout_bytes, second.stdout_bytes, "two runs differ");
    let one_thread = demarche(
        dir.path(),
        &[&inputs[..], &["--threads", "1"]].concat(),
        None,
    );
    assert_eq!(
        first.stdout_bytes, one_thread.stdout_bytes,
        "--threads 1 differs from the default"
    );
}

/// One WARC record of `kind` with the given payload (`Content-Length` computed from it).
fn warc_record(kind: &str, uri: &str, date: &str, id: &str, payload: &[u8]) -> Vec<u8> {
    let head = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: {date}\r\n\
         WARC-Record-ID: <urn:uuid:{id}>\r\nContent-Type: application/http; msgtype={kind}\r\n\
         Content-Length: {}\r\n\r\n",
        payload.len()
    );
    [head.as_bytes(), payload, b"\r\n\r\n"].concat()
}

/// An HTTP response carrying an HTML page whose article is `sentence`.
fn http_page(sentence: &str) -> Vec<u8> {
    format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n\
         <html><body><article><p>{sentence}</p></article></body></html>"
    )
    .into_bytes()
}

#[test]
fn warc_responses_are_documents_and_requests_are_skipped() {
    let dir = tempdir();
    let archive = [
        warc_record(
            "request",
            "https://example.org/a",
            "2022-03-04T10:00:00Z",
            "r",
            b"GET / HTTP/1.1\r\n\r\n",
        ),
        warc_record(
            "response",
            "https://example.org/a",
            "2022-03-04T10:00:00Z",
            "a",
            &http_page("Russian forces shelled the Ukrainian city of Kharkiv on Friday."),
        ),
        warc_record(
            "response",
            "https://example.org/b",
            "2021-11-20T08:00:00Z",
            "b",
            &http_page("China praised Russia."),
        ),
    ]
    .concat();
    let file = write(dir.path(), "crawl.warc", archive);
    let run = demarche(dir.path(), &["code", file], None);
    check(&run, "WARC");
    assert_eq!(run.code, Some(0), "stderr: {}", run.stderr);
    let got: Vec<[String; 3]> = rows(&run)
        .into_iter()
        .map(|r| [r[1].clone(), r[2].clone(), r[4].clone()])
        .collect();
    let want = [
        ["2022-03-04", "RUSMIL", "194"],
        ["2021-11-20", "CHN", "051"],
    ]
    .map(|r| r.map(String::from));
    assert_eq!(got, want);
}

#[test]
fn malformed_warc_record_is_reported_and_the_next_one_coded() {
    let dir = tempdir();
    let good = warc_record(
        "response",
        "https://example.org/b",
        "2021-11-20T08:00:00Z",
        "b",
        &http_page("China praised Russia."),
    );
    let bad = String::from_utf8_lossy(&warc_record(
        "response",
        "https://example.org/a",
        "2022-03-04T10:00:00Z",
        "a",
        &http_page("Israel attacked Egypt."),
    ))
    .replace("Content-Length: ", "Content-Length: x");
    let file = write(dir.path(), "broken.warc", [bad.as_bytes(), &good].concat());
    let run = demarche(dir.path(), &["code", file], None);
    check(&run, "malformed WARC record");
    assert!(
        run.stderr.contains("broken.warc:1"),
        "no broken.warc:1 diagnostic: {}",
        run.stderr
    );
    assert!(
        run.stderr.contains("Content-Length"),
        "the diagnostic does not say what was expected: {}",
        run.stderr
    );
    assert_ne!(
        run.code,
        Some(0),
        "a malformed record must show in the exit status"
    );
    let got: Vec<[String; 2]> = rows(&run)
        .into_iter()
        .map(|r| [r[2].clone(), r[3].clone()])
        .collect();
    assert_eq!(got, [["CHN".to_string(), "RUS".to_string()]]);
}

#[test]
fn atom_entries_are_documents_dated_by_publication() {
    let dir = tempdir();
    let feed = fixture(dir.path(), "feed.atom");
    let run = demarche(dir.path(), &["code", feed], None);
    check(&run, "Atom feed");
    assert_eq!(run.code, Some(0), "stderr: {}", run.stderr);
    assert_eq!(
        rows(&run),
        vec![
            row("urn:example:a", "2022-03-04", "RUSMIL", "UKR", "194"),
            // `published` (not the later `updated`) is the document's date.
            row("urn:example:b", "2021-11-20", "CHN", "RUS", "051"),
        ]
    );
}

#[test]
fn output_file_holds_what_stdout_would() {
    let dir = tempdir();
    let feed = fixture(dir.path(), "feed.rss");
    let to_stdout = demarche(dir.path(), &["code", feed], None);
    check(&to_stdout, "code to stdout");
    let to_file = demarche(
        dir.path(),
        &["code", feed, "--output", "events.jsonl"],
        None,
    );
    check(&to_file, "code --output");
    assert_eq!(to_file.code, Some(0), "stderr: {}", to_file.stderr);
    assert!(
        to_file.stdout.is_empty(),
        "events also on stdout: {}",
        to_file.stdout
    );
    let written = std::fs::read(dir.path().join("events.jsonl")).expect("events.jsonl written");
    assert_eq!(written, to_stdout.stdout_bytes);
    assert_eq!(events(&to_stdout).len(), 2);
}
