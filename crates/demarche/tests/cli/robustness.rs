//! Bad input to `demarche code` (issue #2's bar): a clear diagnostic naming file and line, no
//! panic, and the rest of the input still coded.

use crate::{Run, check, demarche, events, fixture, s, tempdir, write};

/// The (doc_id, source, target, code) of every event, for compact assertions.
fn dyads(run: &Run) -> Vec<(String, String, String, String)> {
    events(run)
        .iter()
        .map(|e| {
            let f = |k| s(e, k).to_string();
            (f("doc_id"), f("source"), f("target"), f("code"))
        })
        .collect()
}

fn dyad(doc: &str, source: &str, target: &str, code: &str) -> (String, String, String, String) {
    (doc.into(), source.into(), target.into(), code.into())
}

/// A JSON Lines record with a given tree.
fn parsed_line(id: &str, text: &str, parse: &str) -> String {
    serde_json::json!({"id": id, "date": "2020-01-01", "text": text, "parse": parse}).to_string()
}

const ARNOR_ATTACKED_GONDOR: &str = "(S (NP (NNP Arnor)) (VP (VBD attacked) (NP (NNP Gondor))))";
const GONDOR_ATTACKED_ARNOR: &str =
    "(ROOT (S (NP (NNP Gondor)) (VP (VBD attacked) (NP (NNP Arnor)))))";

#[test]
fn empty_file_gives_no_events_and_names_the_file() {
    let dir = tempdir();
    let file = write(dir.path(), "empty.txt", "");
    let run = demarche(dir.path(), &["code", file, "--date", "2021-11-20"], None);
    check(&run, "empty file");
    assert!(
        run.stdout.is_empty(),
        "events from an empty file: {}",
        run.stdout
    );
    assert!(
        run.stderr.contains("empty.txt"),
        "stderr does not name the file: {}",
        run.stderr
    );
}

#[test]
fn invalid_utf8_text_file_is_reported_and_still_coded() {
    let dir = tempdir();
    let bad = write(
        dir.path(),
        "bad.txt",
        b"Russia praised China. \xff\xfe bytes.\n",
    );
    let good = write(dir.path(), "good.txt", "China praised Russia.\n");
    let run = demarche(
        dir.path(),
        &["code", bad, good, "--date", "2021-11-20"],
        None,
    );
    check(&run, "invalid UTF-8 in a text file");
    // Issue #14: the bytes are replaced and reported (file, line, column, byte offset), and
    // the document is coded rather than dropped.
    assert!(
        run.stderr.contains(
            "bad.txt:1:23: warning: invalid UTF-8 at byte 22 and 1 more place(s): expected UTF-8 text"
        ),
        "no located bad.txt diagnostic: {}",
        run.stderr
    );
    assert_eq!(
        run.code,
        Some(0),
        "a replaced byte is a warning: {}",
        run.stderr
    );
    assert_eq!(
        dyads(&run),
        vec![
            dyad("bad", "RUS", "CHN", "051"),
            dyad("good", "CHN", "RUS", "051")
        ]
    );
}

#[test]
fn invalid_utf8_jsonl_line_is_skipped_and_the_other_lines_coded() {
    let dir = tempdir();
    let mut input = Vec::new();
    input.extend_from_slice(br#"{"id":"a","date":"2021-11-20","text":"China praised Russia."}"#);
    input.extend_from_slice(
        b"\n{\"id\":\"b\",\"date\":\"2021-11-20\",\"text\":\"bad \xff here\"}\n",
    );
    input.extend_from_slice(br#"{"id":"c","date":"2021-11-20","text":"Russia praised China."}"#);
    input.push(b'\n');
    let file = write(dir.path(), "mixed.jsonl", input);
    let run = demarche(dir.path(), &["code", file], None);
    check(&run, "invalid UTF-8 in a JSON Lines line");
    assert!(
        run.stderr.contains("mixed.jsonl:2"),
        "no mixed.jsonl:2 diagnostic: {}",
        run.stderr
    );
    assert_ne!(
        run.code,
        Some(0),
        "an unreadable line must show in the exit status"
    );
    assert_eq!(
        dyads(&run),
        vec![
            dyad("a", "CHN", "RUS", "051"),
            dyad("c", "RUS", "CHN", "051")
        ]
    );
}

#[test]
fn megabyte_line_does_not_stop_the_next_record() {
    let dir = tempdir();
    let big = "word ".repeat(210_000); // > 1 MB of text in one JSON line
    let lines = [
        serde_json::json!({"id": "big", "date": "2021-11-20", "text": big}).to_string(),
        serde_json::json!({"id": "ok", "date": "2021-11-20", "text": "China praised Russia."})
            .to_string(),
    ];
    assert!(lines[0].len() > 1_000_000);
    let file = write(dir.path(), "big.jsonl", lines.join("\n") + "\n");
    let run = demarche(dir.path(), &["code", file], None);
    check(&run, "a 1 MB line");
    assert_eq!(dyads(&run), vec![dyad("ok", "CHN", "RUS", "051")]);
}

#[test]
fn tree_nested_100000_levels_is_refused_without_overflow() {
    let dir = tempdir();
    let nest = |depth: usize| {
        format!(
            "(ROOT {}{}{})",
            "(S ".repeat(depth),
            ARNOR_ATTACKED_GONDOR,
            ")".repeat(depth)
        )
    };
    let lines = [
        parsed_line("deep", "Arnor attacked Gondor", &nest(100_000)),
        // Within the depth cap (`demarche_model::MAX_TREE_DEPTH`): read and coded.
        parsed_line("nested", "Arnor attacked Gondor", &nest(150)),
        parsed_line("flat", "Gondor attacked Arnor", GONDOR_ATTACKED_ARNOR),
    ];
    let file = write(dir.path(), "deep.jsonl", lines.join("\n") + "\n");
    let (verbs, actors) = (
        fixture(dir.path(), "verbs.txt"),
        fixture(dir.path(), "actors.txt"),
    );
    let args = [
        "code", "--parsed", file, "--verbs", verbs, "--actors", actors,
    ];
    let run = demarche(dir.path(), &args, None);
    check(&run, "a tree nested 100,000 levels deep");
    // Issue #14: the coder's walks grow faster than the depth, so the reader stops at the
    // depth cap with an error naming the line, the record, the tree and the byte.
    assert!(
        run.stderr.contains(
            "deep.jsonl:1: error: record `deep`: parse tree 1: tree nested deeper than 200 levels"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(
        dyads(&run),
        vec![
            dyad("nested", "ARN", "GON", "190"),
            dyad("flat", "GON", "ARN", "190")
        ]
    );
}

#[test]
fn truncated_petrarch_xml_codes_the_records_before_the_break() {
    let dir = tempdir();
    let input = fixture(dir.path(), "truncated.xml");
    let (verbs, actors) = (
        fixture(dir.path(), "verbs.txt"),
        fixture(dir.path(), "actors.txt"),
    );
    for parsed in [true, false] {
        let mut args = vec!["code", input, "--verbs", verbs, "--actors", actors];
        if parsed {
            args.push("--parsed");
        }
        let run = demarche(dir.path(), &args, None);
        check(&run, "truncated PETRARCH XML");
        // Line 18 opens the record `R-3` that the file cuts off.
        let at = format!("{input}:18");
        assert!(
            run.stderr.contains(&at),
            "no {at} diagnostic (parsed={parsed}): {}",
            run.stderr
        );
        assert!(
            run.stderr.contains("R-3"),
            "the diagnostic does not name the record: {}",
            run.stderr
        );
        assert_ne!(
            run.code,
            Some(0),
            "a truncated input must show in the exit status"
        );
        assert_eq!(
            dyads(&run),
            vec![
                dyad("R-1", "ARN", "GON", "190"),
                dyad("R-2", "GON", "ARN", "190")
            ],
            "parsed={parsed}"
        );
    }
}

#[test]
fn unbalanced_bracket_in_petrarch_dictionaries_skips_only_that_line() {
    let dir = tempdir();
    let input = write(
        dir.path(),
        "one.jsonl",
        parsed_line(
            "one",
            "Arnor attacked Gondor",
            &format!("(ROOT {ARNOR_ATTACKED_GONDOR})"),
        ) + "\n",
    );
    let verbs = fixture(dir.path(), "verbs-unbalanced.txt");
    let actors = fixture(dir.path(), "actors-unbalanced.txt");
    let args = [
        "code", "--parsed", input, "--verbs", verbs, "--actors", actors,
    ];
    let run = demarche(dir.path(), &args, None);
    check(&run, "unbalanced bracket in dictionaries");
    // `--- PRAISE [051 ---` is line 3 of the verbs; `MORDOR [MOR` line 2 of the actors.
    for at in [format!("{verbs}:3"), format!("{actors}:2")] {
        assert!(
            run.stderr.contains(&at),
            "no {at} diagnostic: {}",
            run.stderr
        );
    }
    // GONDOR comes after the bad actor line and ATTACK before the bad verb line: both still used.
    assert_eq!(dyads(&run), vec![dyad("one", "ARN", "GON", "190")]);
    let event = &events(&run)[0];
    let rules = event["evidence"]["rules"].to_string();
    assert!(
        rules.contains(r#""line":3"#),
        "GONDOR (actors line 3) not among the rules: {rules}"
    );
}

#[test]
fn raw_text_with_50000_nested_parentheses_is_coded_around_them() {
    let dir = tempdir();
    let depth = 50_000;
    let text = format!(
        "China praised Russia. {}Israel attacked Egypt{}. Russia praised China.\n",
        "(".repeat(depth),
        ")".repeat(depth)
    );
    let file = write(dir.path(), "parens.txt", text);
    let run = demarche(dir.path(), &["code", file, "--date", "2021-11-20"], None);
    check(&run, "deeply nested parentheses in raw text");
    let got = dyads(&run);
    assert_eq!(
        got.first(),
        Some(&dyad("parens", "CHN", "RUS", "051")),
        "{got:?}"
    );
    assert_eq!(
        got.last(),
        Some(&dyad("parens", "RUS", "CHN", "051")),
        "{got:?}"
    );
}
