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
