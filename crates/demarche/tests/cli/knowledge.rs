//! `demarche explain` on one sentence (issue #2) and `demarche extract` on the example article,
//! as JSON and as GDELT GKG rows (issue #5).

use serde_json::Value;

use crate::{article, check, demarche, fixture, must_exist, reference, s, tempdir};

#[test]
fn explain_shows_tree_actor_phrases_and_the_event() {
    let dir = tempdir();
    let sentence = "Russian President Vladimir Putin accused Western countries of meddling.";
    let run = demarche(
        dir.path(),
        &["explain", sentence, "--date", "2021-11-20"],
        None,
    );
    check(&run, "explain");
    assert_eq!(run.code, Some(0), "stderr: {}", run.stderr);
    let out = &run.stdout;
    assert!(out.contains("(ROOT"), "no tree:\n{out}");
    let actors = out
        .split("actor phrases:")
        .nth(1)
        .unwrap_or_else(|| panic!("no actor phrases:\n{out}"));
    let putin = actors
        .lines()
        .find(|l| l.contains("\"Russian President Vladimir Putin\""));
    assert!(
        putin.is_some_and(|l| l.contains("RUSGOV")),
        "Putin's phrase is not RUSGOV:\n{out}"
    );
    let west = actors.lines().find(|l| l.contains("\"Western countries\""));
    assert!(
        west.is_some_and(|l| l.contains("WST")),
        "`Western countries` is not WST:\n{out}"
    );
    let events = out
        .split("events:")
        .nth(1)
        .unwrap_or_else(|| panic!("no events section:\n{out}"));
    assert!(
        events.contains("RUSGOV -> WST 11"),
        "no RUSGOV -> WST 11x event line:\n{out}"
    );
}

#[test]
fn extract_finds_the_article_persons_with_roles() {
    let Some(reference) = reference() else { return };
    let file = article(&reference);
    let dir = tempdir();
    let run = demarche(
        dir.path(),
        &["extract", &file, "--date", "2021-11-20"],
        None,
    );
    check(&run, "extract");
    assert_eq!(run.code, Some(0), "stderr: {}", run.stderr);
    let docs: Vec<Value> = serde_json::Deserializer::from_str(&run.stdout)
        .into_iter::<Value>()
        .collect::<Result<_, _>>()
        .expect("extract writes JSON objects");
    assert_eq!(docs.len(), 1, "one document");
    let persons = docs[0]["persons"].as_array().expect("a `persons` list");
    for (name, role) in [
        ("Vladimir Putin", "President"),
        ("Zhao Lijian", "spokesperson"),
        ("Shu Jueting", "spokesperson"),
    ] {
        let person = persons.iter().find(|p| s(p, "name") == name);
        let person = person.unwrap_or_else(|| panic!("{name} not among the persons: {persons:?}"));
        let got = s(&person["role"], "text");
        assert!(
            got.eq_ignore_ascii_case(role),
            "{name}'s role is {got:?}, not {role:?}"
        );
    }
}

#[test]
fn extract_without_a_date_warns_and_names_the_date_it_used() {
    let dir = tempdir();
    let file = dir.path().join("note.txt");
    std::fs::write(&file, "Talks will resume on Friday, the envoy said.\n").expect("written");
    let before = chrono::Local::now().date_naive().to_string();
    let run = demarche(dir.path(), &["extract", &file.to_string_lossy()], None);
    let after = chrono::Local::now().date_naive().to_string();
    check(&run, "extract without a date");
    assert_eq!(run.code, Some(0), "stderr: {}", run.stderr);
    assert!(
        run.stderr.contains("warning: 1 document(s) carry no date")
            && (run.stderr.contains(&before) || run.stderr.contains(&after)),
        "no warning naming today's date: {}",
        run.stderr
    );
    // The weekday is resolved against that date, ahead of it ("will resume").
    let doc: Value = serde_json::from_str(run.stdout.lines().next().unwrap_or("")).expect("JSON");
    let friday = doc["dates"][0]["resolved"]["value"].as_str().unwrap_or("");
    assert!(friday.len() == 10 && friday >= before.as_str(), "{doc}");
    // With --date there is no warning.
    let run = demarche(
        dir.path(),
        &["extract", &file.to_string_lossy(), "--date", "2024-03-12"],
        None,
    );
    assert!(!run.stderr.contains("warning"), "{}", run.stderr);
}

#[test]
fn extract_to_gkg_writes_a_header_and_one_row_of_the_codebook_width() {
    let Some(reference) = reference() else { return };
    let file = article(&reference);
    let schema = must_exist(
        &reference,
        "gdelt/GDELT_2.0_gdeltKnowledgeGraph_Column_Labels_Header_Row_Sep2016.tsv",
    );
    let schema = std::fs::read_to_string(schema).expect("the GKG schema is readable");
    // Column rows start with their 0-based index; the first line is the schema's own header.
    let columns = schema
        .lines()
        .filter(|l| {
            l.split('\t')
                .next()
                .is_some_and(|c| c.trim().parse::<u32>().is_ok())
        })
        .count();
    assert!(columns > 20, "the schema lists only {columns} columns");
    let dir = tempdir();
    let run = demarche(
        dir.path(),
        &["extract", &file, "--date", "2021-11-20", "--to", "gkg"],
        None,
    );
    check(&run, "extract --to gkg");
    assert_eq!(run.code, Some(0), "stderr: {}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "a header and one row:\n{}", run.stdout);
    for line in &lines {
        assert_eq!(
            line.split('\t').count(),
            columns,
            "not {columns} columns: {line}"
        );
    }
    assert!(
        lines[0].contains("PERSONS"),
        "the first line is not a header: {}",
        lines[0]
    );
    for name in ["Vladimir Putin", "Zhao Lijian", "Shu Jueting"] {
        assert!(
            lines[1].contains(name),
            "the row does not name {name}: {}",
            lines[1]
        );
    }
}

#[test]
fn code_with_knowledge_dates_putins_accusation_and_attributes_his_words() {
    let Some(reference) = reference() else { return };
    let file = article(&reference);
    let dir = tempdir();
    let args = ["code", &file, "--date", "2021-11-20", "--with-knowledge"];
    let run = demarche(dir.path(), &args, None);
    check(&run, "code --with-knowledge");
    assert_eq!(run.code, Some(0), "stderr: {}", run.stderr);
    let events = crate::events(&run);
    let accuse = events
        .iter()
        .find(|e| s(e, "source") == "RUSGOV" && s(e, "target") == "WST");
    let accuse = accuse.unwrap_or_else(|| panic!("no RUSGOV -> WST event: {}", run.stdout));
    // "On Thursday, Putin said ..." in an article of Saturday 2021-11-20.
    assert_eq!(s(accuse, "event_date"), "2021-11-18", "{accuse}");
    assert_eq!(s(accuse, "date"), "2021-11-20", "{accuse}");
    let quotations = accuse["knowledge"]["quotations"]
        .as_array()
        .expect("the sentence's quotations");
    let putin = quotations
        .iter()
        .find(|q| s(&q["speaker"], "name") == "Vladimir Putin");
    let putin = putin.unwrap_or_else(|| panic!("no quotation by Vladimir Putin: {quotations:?}"));
    let reporters: Vec<&str> = putin["reported_by"]
        .as_array()
        .map(|r| r.iter().map(|x| s(x, "name")).collect())
        .unwrap_or_default();
    assert_eq!(reporters, ["TASS"], "{putin}");
}

#[test]
fn explain_a_validation_record_shows_the_fired_pattern_and_the_expected_events() {
    let Some(reference) = reference() else { return };
    let records = must_exist(&reference, "petrarch2/validation/PETR.UnitTest.records.xml");
    let dictionaries = must_exist(&reference, "petrarch2/dictionaries");
    let dir = tempdir();
    let args = [
        "explain",
        &records,
        "--id",
        "DEMO-00",
        "--dictionaries",
        &dictionaries,
    ];
    let run = demarche(dir.path(), &args, None);
    check(&run, "explain a record");
    assert_eq!(run.code, Some(0), "stderr: {}", run.stderr);
    let out = &run.stdout;
    assert!(
        out.contains("pattern fired: PETR.Validate.verbs.txt:"),
        "no fired pattern:\n{out}"
    );
    let (got, expected) = out
        .split_once("expected by the record:")
        .unwrap_or_else(|| panic!("no expected events:\n{out}"));
    assert!(got.contains("ARN -> GON 064"), "no coded event:\n{out}");
    assert!(
        expected.contains("ARN -> GON 064"),
        "no expected event:\n{out}"
    );

    let args = [
        "explain",
        &records,
        "--id",
        "NO-SUCH-ID",
        "--dictionaries",
        &dictionaries,
    ];
    let missing = demarche(dir.path(), &args, None);
    check(&missing, "explain an unknown record");
    assert_ne!(missing.code, Some(0));
    assert!(
        missing.stderr.contains("NO-SUCH-ID"),
        "the error does not name the id: {}",
        missing.stderr
    );
}

#[test]
fn explain_a_given_tree_with_petrarch_dictionaries_cites_their_lines() {
    let dir = tempdir();
    let (verbs, actors) = (
        fixture(dir.path(), "verbs.txt"),
        fixture(dir.path(), "actors.txt"),
    );
    let tree = "(ROOT (S (NP (NNP Arnor)) (VP (VBD attacked) (NP (NNP Gondor)))))";
    let args = [
        "explain",
        "--parse",
        tree,
        "--date",
        "2020-01-01",
        "--verbs",
        verbs,
        "--actors",
        actors,
    ];
    let run = demarche(dir.path(), &args, None);
    check(&run, "explain a given tree");
    assert_eq!(run.code, Some(0), "stderr: {}", run.stderr);
    let events = run.stdout.split("events:").nth(1).unwrap_or_default();
    assert!(
        events.contains("ARN -> GON 190"),
        "no event:\n{}",
        run.stdout
    );
    for rule in ["actors.txt:1", "actors.txt:2", "verbs.txt:2"] {
        assert!(
            events.contains(rule),
            "rule {rule} not cited:\n{}",
            run.stdout
        );
    }
}
