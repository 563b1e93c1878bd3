//! Parquet through the binary (issue 13): a news table in, the event table out (from a file
//! and from standard input), the same events as JSON Lines, and `export --to parquet`.

use crate::{check, demarche, events, s, tempdir, write};
use parquet::data_type::{ByteArray, ByteArrayType, Int32Type};
use parquet::file::properties::WriterProperties;
use parquet::file::reader::{FileReader, SerializedFileReader};
use parquet::file::writer::SerializedFileWriter;
use parquet::record::{Field, Row};
use std::sync::Arc;

const NEWS: [(&str, &str, &str); 3] = [
    ("n1", "2021-11-20", "China praised Russia."),
    (
        "n2",
        "2022-03-04",
        "Russian troops shelled Kharkiv. Ukraine accused Russia of war crimes.",
    ),
    (
        "n3",
        "2024-05-01",
        "Russia accused Ukraine of shelling the plant.",
    ),
];

/// A news table as pandas or Spark would write it: `id`, `date` (DATE), `text`.
fn news_parquet() -> Vec<u8> {
    let schema = "message news { REQUIRED BYTE_ARRAY id (UTF8); OPTIONAL INT32 date (DATE);
                  REQUIRED BYTE_ARRAY text (UTF8); }";
    let schema = Arc::new(parquet::schema::parser::parse_message_type(schema).unwrap());
    let props = Arc::new(
        WriterProperties::builder()
            .set_compression(parquet::basic::Compression::SNAPPY)
            .build(),
    );
    let mut out = Vec::new();
    let mut w = SerializedFileWriter::new(&mut out, schema, props).unwrap();
    let mut rg = w.next_row_group().unwrap();
    let texts = |i: usize| -> Vec<ByteArray> {
        NEWS.iter()
            .map(|n| ByteArray::from([n.0, n.1, n.2][i]))
            .collect()
    };
    let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap();
    let days: Vec<i32> = NEWS
        .iter()
        .map(|n| (demarche_model_date(n.1) - epoch).num_days() as i32)
        .collect();
    let mut col = rg.next_column().unwrap().unwrap();
    col.typed::<ByteArrayType>()
        .write_batch(&texts(0), None, None)
        .unwrap();
    col.close().unwrap();
    let mut col = rg.next_column().unwrap().unwrap();
    col.typed::<Int32Type>()
        .write_batch(&days, Some(&[1, 1, 1]), None)
        .unwrap();
    col.close().unwrap();
    let mut col = rg.next_column().unwrap().unwrap();
    col.typed::<ByteArrayType>()
        .write_batch(&texts(2), None, None)
        .unwrap();
    col.close().unwrap();
    rg.close().unwrap();
    w.close().unwrap();
    out
}

fn demarche_model_date(s: &str) -> chrono::NaiveDate {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn rows(bytes: Vec<u8>) -> Vec<Row> {
    assert!(bytes.starts_with(b"PAR1"), "a Parquet file");
    let reader = SerializedFileReader::new(bytes::Bytes::from(bytes)).expect("Parquet");
    reader
        .get_row_iter(None)
        .expect("rows")
        .map(|r| r.expect("a row"))
        .collect()
}

fn string(row: &Row, name: &str) -> String {
    row.get_column_iter()
        .find(|(n, _)| n.as_str() == name)
        .map(|(_, f)| match f {
            Field::Str(s) => s.clone(),
            other => other.to_string(),
        })
        .unwrap_or_default()
}

#[test]
fn a_parquet_news_table_codes_to_the_same_events_as_parquet_and_as_json_lines() {
    let dir = tempdir();
    write(dir.path(), "news.parquet", news_parquet());
    let run = demarche(
        dir.path(),
        &[
            "code",
            "news.parquet",
            "--to",
            "parquet",
            "--output",
            "events.parquet",
        ],
        None,
    );
    check(&run, "Parquet in, Parquet out");
    assert_eq!(run.code, Some(0), "stderr: {}", run.stderr);
    assert!(run.stderr.contains("3 documents"), "{}", run.stderr);
    let table = rows(std::fs::read(dir.path().join("events.parquet")).unwrap());

    let jsonl = demarche(dir.path(), &["code", "news.parquet"], None);
    check(&jsonl, "Parquet in, JSON Lines out");
    assert_eq!(jsonl.code, Some(0), "stderr: {}", jsonl.stderr);
    let json = events(&jsonl);
    assert!(json.len() >= 3, "{}", jsonl.stdout);
    assert_eq!(table.len(), json.len());
    for (row, e) in table.iter().zip(&json) {
        for field in [
            "doc_id",
            "date",
            "source",
            "target",
            "code",
            "verb_text",
            "sentence_text",
        ] {
            assert_eq!(string(row, field), s(e, field), "{field} of {e}");
        }
        let span = &e["evidence"]["verb_span"];
        assert_eq!(string(row, "verb_start"), span[0].to_string());
        assert_eq!(string(row, "verb_end"), span[1].to_string());
        let rules = e["evidence"]["rules"].as_array().unwrap();
        let listed = string(row, "rules");
        for r in rules {
            assert!(listed.contains(s(r, "file")), "{listed} lacks {r}");
        }
    }
    let accuse = json
        .iter()
        .find(|e| s(e, "doc_id") == "n3")
        .expect("an event of n3");
    assert_eq!(
        [s(accuse, "source"), s(accuse, "target"), s(accuse, "date")],
        ["RUS", "UKR", "2024-05-01"]
    );
}

#[test]
fn parquet_news_on_standard_input_and_parquet_events_on_standard_output() {
    let dir = tempdir();
    let run = demarche(
        dir.path(),
        &["code", "--to", "parquet"],
        Some(&news_parquet()),
    );
    check(&run, "Parquet on stdin");
    assert_eq!(run.code, Some(0), "stderr: {}", run.stderr);
    assert!(!rows(run.stdout_bytes).is_empty());
}

#[test]
fn parquet_with_knowledge_is_refused_with_a_reason() {
    let dir = tempdir();
    write(dir.path(), "news.parquet", news_parquet());
    let run = demarche(
        dir.path(),
        &[
            "code",
            "news.parquet",
            "--to",
            "parquet",
            "--with-knowledge",
            "-o",
            "x",
        ],
        None,
    );
    check(&run, "--with-knowledge --to parquet");
    assert_ne!(run.code, Some(0));
    assert!(
        run.stderr.contains("--with-knowledge writes JSON Lines"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_file_that_is_not_a_news_table_is_named_with_the_reason() {
    let dir = tempdir();
    let bad = write(dir.path(), "bad.parquet", "not parquet at all");
    let run = demarche(dir.path(), &["code", bad], None);
    check(&run, "not Parquet");
    assert_eq!(run.code, Some(1), "stderr: {}", run.stderr);
    assert!(
        run.stderr
            .contains("bad.parquet: error: not a readable Parquet file"),
        "{}",
        run.stderr
    );
}

#[test]
fn export_to_parquet_in_the_default_build() {
    let dir = tempdir();
    write(dir.path(), "news.parquet", news_parquet());
    let run = demarche(
        dir.path(),
        &["ingest", "news.parquet", "--db", "s.db"],
        None,
    );
    check(&run, "ingest Parquet news");
    assert_eq!(run.code, Some(0), "stderr: {}", run.stderr);
    let run = demarche(
        dir.path(),
        &[
            "export",
            "--to",
            "parquet",
            "--db",
            "s.db",
            "-o",
            "stored.parquet",
        ],
        None,
    );
    check(&run, "export --to parquet");
    assert_eq!(run.code, Some(0), "stderr: {}", run.stderr);
    let table = rows(std::fs::read(dir.path().join("stored.parquet")).unwrap());
    assert!(!table.is_empty());
    assert!(
        table
            .iter()
            .any(|r| string(r, "source") == "CHN" && string(r, "code") == "051")
    );
}
