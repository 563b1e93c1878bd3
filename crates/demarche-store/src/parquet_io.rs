//! Parquet in and out, without arrow: the **event table** that `demarche code --to parquet`,
//! the Python package and the Spark job all write (one schema, [`EVENT_SCHEMA`], documented in
//! the README), and **news input** (`id`, `date`, `text` columns) read row by row.
//!
//! Written with the `parquet` crate's column writers and read with its record API: arrow would
//! add minutes to a clean build for nothing these tables need. Files are snappy-compressed,
//! the codec pandas, pyarrow and Spark use by default, so their files read back here too.
//!
//! The event table has one row per event, in the order the events came:
//! the `demarche_model::Event` record flattened — `evidence.source_span` becomes
//! `source_start`/`source_end`, `action_geo` becomes `action_geo_*` — and `evidence.rules` a
//! list of `{file, line}` structs. Nothing is dropped except the gazetteer's GDELT-specific
//! geography fields (`fips`, `adm1`, `gdelt_type`, `full_name`, `feature_id`), which the GDELT
//! export carries.

use demarche_model::{Date, Diagnostic, Document, Event};
use parquet::basic::Compression;
use parquet::data_type::{ByteArray, ByteArrayType, DoubleType, FloatType, Int32Type};
use parquet::file::properties::WriterProperties;
use parquet::file::reader::{ChunkReader, FileReader, SerializedFileReader};
use parquet::file::writer::SerializedFileWriter;
use parquet::record::{Field, reader::RowIter};
use parquet::schema::parser::parse_message_type;
use parquet::schema::types::Type;
use std::io::Write;
use std::sync::Arc;

/// The event table's Parquet schema: the one table `demarche code --to parquet`, the Python
/// package (`demarche.code`) and Spark (`demarche.spark.code_events`) produce.
pub const EVENT_SCHEMA: &str = "message event {
    REQUIRED BYTE_ARRAY doc_id (UTF8);
    REQUIRED INT32 sentence;
    REQUIRED INT32 date (DATE);
    OPTIONAL INT32 event_date (DATE);
    REQUIRED BYTE_ARRAY source (UTF8);
    REQUIRED BYTE_ARRAY target (UTF8);
    REQUIRED BYTE_ARRAY code (UTF8);
    REQUIRED BYTE_ARRAY root (UTF8);
    REQUIRED INT32 quad_class;
    REQUIRED FLOAT goldstein;
    OPTIONAL BYTE_ARRAY plover (UTF8);
    REQUIRED BYTE_ARRAY source_text (UTF8);
    REQUIRED BYTE_ARRAY target_text (UTF8);
    REQUIRED BYTE_ARRAY verb_text (UTF8);
    REQUIRED BYTE_ARRAY sentence_text (UTF8);
    OPTIONAL INT32 source_start;
    OPTIONAL INT32 source_end;
    OPTIONAL INT32 target_start;
    OPTIONAL INT32 target_end;
    OPTIONAL INT32 verb_start;
    OPTIONAL INT32 verb_end;
    REQUIRED GROUP rules (LIST) {
        REPEATED GROUP list {
            REQUIRED GROUP element {
                REQUIRED BYTE_ARRAY file (UTF8);
                REQUIRED INT32 line;
            }
        }
    }
    OPTIONAL BYTE_ARRAY action_geo_name (UTF8);
    OPTIONAL BYTE_ARRAY action_geo_kind (UTF8);
    OPTIONAL BYTE_ARRAY action_geo_country (UTF8);
    OPTIONAL DOUBLE action_geo_lat;
    OPTIONAL DOUBLE action_geo_lon;
    OPTIONAL BYTE_ARRAY action_geo_id (UTF8);
    OPTIONAL BYTE_ARRAY geo_source (UTF8);
}";

/// Events per row group: a writer flushes a group when it holds this many.
pub const ROW_GROUP: usize = 65_536;

/// A Parquet failure, as text (the caller adds which file).
#[derive(Debug, thiserror::Error)]
#[error("parquet: {0}")]
pub struct ParquetError(String);

impl From<parquet::errors::ParquetError> for ParquetError {
    fn from(e: parquet::errors::ParquetError) -> Self {
        ParquetError(e.to_string())
    }
}

impl From<std::io::Error> for ParquetError {
    fn from(e: std::io::Error) -> Self {
        ParquetError(e.to_string())
    }
}

type PqResult<T> = std::result::Result<T, ParquetError>;

/// Days since 1970-01-01, Parquet's DATE.
pub fn epoch_days(date: Date) -> i32 {
    let epoch = Date::from_ymd_opt(1970, 1, 1).unwrap_or_default();
    i32::try_from((date - epoch).num_days()).unwrap_or(i32::MAX)
}

fn from_epoch_days(days: i64) -> Option<Date> {
    Date::from_ymd_opt(1970, 1, 1)?.checked_add_signed(chrono::Duration::try_days(days)?)
}

/// Snappy-compressed files, as pandas and Spark write them.
pub(crate) fn writer_properties() -> Arc<WriterProperties> {
    Arc::new(
        WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .build(),
    )
}

/// Writes events as the event table ([`EVENT_SCHEMA`]) in row groups of [`ROW_GROUP`].
pub struct EventWriter<W: Write + Send> {
    writer: SerializedFileWriter<W>,
    pending: Vec<Event>,
    rows: u64,
}

impl<W: Write + Send> std::fmt::Debug for EventWriter<W> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EventWriter")
            .field("rows", &self.rows)
            .finish_non_exhaustive()
    }
}

impl<W: Write + Send> EventWriter<W> {
    pub fn new(out: W) -> PqResult<Self> {
        let schema = Arc::new(parse_message_type(EVENT_SCHEMA)?);
        Ok(EventWriter {
            writer: SerializedFileWriter::new(out, schema, writer_properties())?,
            pending: Vec::new(),
            rows: 0,
        })
    }

    /// Adds events; a row group is written whenever [`ROW_GROUP`] are waiting.
    pub fn write(&mut self, events: &[Event]) -> PqResult<()> {
        self.pending.extend_from_slice(events);
        while self.pending.len() >= ROW_GROUP {
            let rest = self.pending.split_off(ROW_GROUP);
            let group = std::mem::replace(&mut self.pending, rest);
            self.write_group(&group)?;
        }
        Ok(())
    }

    /// Writes the events as one row group now (an empty slice writes nothing).
    pub fn write_group(&mut self, events: &[Event]) -> PqResult<()> {
        if events.is_empty() {
            return Ok(());
        }
        write_event_group(&mut self.writer, events)?;
        self.rows += events.len() as u64;
        Ok(())
    }

    /// Events written so far (not counting those still waiting for a row group).
    pub fn rows(&self) -> u64 {
        self.rows
    }

    /// Writes what is waiting and the footer; returns the output.
    pub fn finish(mut self) -> PqResult<W> {
        let pending = std::mem::take(&mut self.pending);
        self.write_group(&pending)?;
        Ok(self.writer.into_inner()?)
    }
}

/// The events as one complete Parquet file in memory (the Python package's hand-over to
/// pyarrow).
pub fn events_to_parquet(events: &[Event]) -> PqResult<Vec<u8>> {
    let mut w = EventWriter::new(Vec::new())?;
    w.write_group(events)?;
    w.finish()
}

fn text(s: &str) -> ByteArray {
    ByteArray::from(s.as_bytes().to_vec())
}

fn int(n: usize) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

/// Values and definition levels of an optional column.
fn optional<T>(values: impl Iterator<Item = Option<T>>) -> (Vec<T>, Vec<i16>) {
    let mut present = Vec::new();
    let mut levels = Vec::new();
    for v in values {
        match v {
            Some(x) => {
                present.push(x);
                levels.push(1);
            }
            None => levels.push(0),
        }
    }
    (present, levels)
}

/// One leaf column's data, in schema order.
enum Column {
    Text(Vec<ByteArray>),
    OptText(Vec<ByteArray>, Vec<i16>),
    Int(Vec<i32>),
    OptInt(Vec<i32>, Vec<i16>),
    Float(Vec<f32>),
    OptDouble(Vec<f64>, Vec<i16>),
    /// A leaf of the `rules` list: values, definition and repetition levels.
    ListText(Vec<ByteArray>, Vec<i16>, Vec<i16>),
    ListInt(Vec<i32>, Vec<i16>, Vec<i16>),
}

fn event_columns(events: &[Event]) -> Vec<Column> {
    let texts = |f: fn(&Event) -> &str| Column::Text(events.iter().map(|e| text(f(e))).collect());
    let opt_text = |f: fn(&Event) -> Option<&str>| {
        let (v, d) = optional(events.iter().map(|e| f(e).map(text)));
        Column::OptText(v, d)
    };
    let opt_int = |f: fn(&Event) -> Option<usize>| {
        let (v, d) = optional(events.iter().map(|e| f(e).map(int)));
        Column::OptInt(v, d)
    };
    let opt_double = |f: fn(&Event) -> Option<f64>| {
        let (v, d) = optional(events.iter().map(f));
        Column::OptDouble(v, d)
    };
    // The rules list: one entry per rule; an event without rules is an empty list (def 0).
    let (mut files, mut lines, mut def, mut rep) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for e in events {
        if e.evidence.rules.is_empty() {
            def.push(0);
            rep.push(0);
        }
        for (i, r) in e.evidence.rules.iter().enumerate() {
            files.push(text(&r.file));
            lines.push(int(r.line));
            def.push(1);
            rep.push(i16::from(i > 0));
        }
    }
    vec![
        texts(|e| &e.doc_id),
        Column::Int(events.iter().map(|e| int(e.sentence)).collect()),
        Column::Int(events.iter().map(|e| epoch_days(e.date)).collect()),
        {
            let (v, d) = optional(events.iter().map(|e| e.event_date.map(epoch_days)));
            Column::OptInt(v, d)
        },
        texts(|e| &e.source),
        texts(|e| &e.target),
        texts(|e| &e.code),
        texts(|e| &e.root),
        Column::Int(events.iter().map(|e| i32::from(e.quad_class)).collect()),
        Column::Float(events.iter().map(|e| e.goldstein).collect()),
        opt_text(|e| e.plover.as_deref()),
        texts(|e| &e.source_text),
        texts(|e| &e.target_text),
        texts(|e| &e.verb_text),
        texts(|e| &e.sentence_text),
        opt_int(|e| e.evidence.source_span.map(|s| s.start)),
        opt_int(|e| e.evidence.source_span.map(|s| s.end)),
        opt_int(|e| e.evidence.target_span.map(|s| s.start)),
        opt_int(|e| e.evidence.target_span.map(|s| s.end)),
        opt_int(|e| e.evidence.verb_span.map(|s| s.start)),
        opt_int(|e| e.evidence.verb_span.map(|s| s.end)),
        Column::ListText(files, def.clone(), rep.clone()),
        Column::ListInt(lines, def, rep),
        opt_text(|e| e.action_geo.as_ref().map(|g| g.name.as_str())),
        opt_text(|e| e.action_geo.as_ref().map(|g| g.kind.as_str())),
        opt_text(|e| e.action_geo.as_ref().map(|g| g.country.as_str())),
        opt_double(|e| e.action_geo.as_ref().map(|g| g.lat)),
        opt_double(|e| e.action_geo.as_ref().map(|g| g.lon)),
        opt_text(|e| e.action_geo.as_ref().map(|g| g.id.as_str())),
        opt_text(|e| e.geo_source.as_deref()),
    ]
}

fn write_event_group<W: Write + Send>(
    writer: &mut SerializedFileWriter<W>,
    events: &[Event],
) -> PqResult<()> {
    let mut columns = event_columns(events).into_iter();
    let mut rg = writer.next_row_group()?;
    while let Some(mut col) = rg.next_column()? {
        let Some(data) = columns.next() else {
            return Err(ParquetError(
                "the event schema has more columns than the writer fills".into(),
            ));
        };
        match data {
            Column::Text(v) => col.typed::<ByteArrayType>().write_batch(&v, None, None),
            Column::OptText(v, d) => col.typed::<ByteArrayType>().write_batch(&v, Some(&d), None),
            Column::Int(v) => col.typed::<Int32Type>().write_batch(&v, None, None),
            Column::OptInt(v, d) => col.typed::<Int32Type>().write_batch(&v, Some(&d), None),
            Column::Float(v) => col.typed::<FloatType>().write_batch(&v, None, None),
            Column::OptDouble(v, d) => col.typed::<DoubleType>().write_batch(&v, Some(&d), None),
            Column::ListText(v, d, r) => {
                col.typed::<ByteArrayType>()
                    .write_batch(&v, Some(&d), Some(&r))
            }
            Column::ListInt(v, d, r) => {
                col.typed::<Int32Type>().write_batch(&v, Some(&d), Some(&r))
            }
        }?;
        col.close()?;
    }
    rg.close()?;
    Ok(())
}

/// The columns of a news table that become a [`Document`]'s fields; others are ignored.
pub const NEWS_COLUMNS: [&str; 6] = ["id", "date", "text", "title", "source", "url"];

/// Reads news rows from a Parquet file: `id` and `text` are required (strings), `date` (DATE,
/// a timestamp, or a `YYYY-MM-DD…` string), `title`, `source` and `url` are optional. Each row
/// is handed to `f` as a document or as a diagnostic naming the row (1-based) and what was
/// wrong; `f` may stop the read by returning an error. A file that is not Parquet, or lacks
/// `id` or `text`, is one diagnostic.
pub fn read_news<R, E>(
    name: &str,
    reader: R,
    mut f: impl FnMut(std::result::Result<(Document, usize), Diagnostic>) -> std::result::Result<(), E>,
) -> std::result::Result<usize, E>
where
    R: ChunkReader + 'static,
{
    let fail = |msg: String| Diagnostic::error(name, None, msg);
    let file = match SerializedFileReader::new(reader) {
        Ok(r) => r,
        Err(e) => {
            f(Err(fail(format!("not a readable Parquet file: {e}"))))?;
            return Ok(0);
        }
    };
    let schema = file.metadata().file_metadata().schema();
    let fields: Vec<Arc<Type>> = schema
        .get_fields()
        .iter()
        .filter(|t| NEWS_COLUMNS.contains(&t.name()))
        .cloned()
        .collect();
    for required in ["id", "text"] {
        if !fields.iter().any(|t| t.name() == required) {
            let found: Vec<&str> = schema.get_fields().iter().map(|t| t.name()).collect();
            f(Err(fail(format!(
                "no `{required}` column: a news table needs `id` and `text` (and `date`); found {}",
                found.join(", ")
            ))))?;
            return Ok(0);
        }
    }
    let projection = match Type::group_type_builder(schema.name())
        .with_fields(fields)
        .build()
    {
        Ok(p) => p,
        Err(e) => {
            f(Err(fail(format!("cannot select the news columns: {e}"))))?;
            return Ok(0);
        }
    };
    let mut row_number = 0usize;
    let mut read = 0usize;
    for g in 0..file.num_row_groups() {
        let group = match file.get_row_group(g) {
            Ok(group) => group,
            Err(e) => {
                f(Err(fail(format!("row group {g}: {e}"))))?;
                continue;
            }
        };
        let rows = match RowIter::from_row_group(Some(projection.clone()), group.as_ref()) {
            Ok(rows) => rows,
            Err(e) => {
                f(Err(fail(format!("row group {g}: {e}"))))?;
                continue;
            }
        };
        for row in rows {
            row_number += 1;
            let item = match row {
                Ok(row) => news_document(row.into_columns()).map_err(|msg| {
                    Diagnostic::error(name, Some(row_number), format!("row {row_number}: {msg}"))
                }),
                Err(e) => Err(Diagnostic::error(
                    name,
                    Some(row_number),
                    format!("row {row_number}: {e}"),
                )),
            };
            if item.is_ok() {
                read += 1;
            }
            f(item.map(|d| (d, row_number)))?;
        }
    }
    Ok(read)
}

/// [`read_news`] over a file held in memory (standard input, a Python `bytes`).
pub fn read_news_bytes<E>(
    name: &str,
    data: Vec<u8>,
    f: impl FnMut(std::result::Result<(Document, usize), Diagnostic>) -> std::result::Result<(), E>,
) -> std::result::Result<usize, E> {
    read_news(name, bytes::Bytes::from(data), f)
}

fn news_document(columns: Vec<(String, Field)>) -> std::result::Result<Document, String> {
    let mut doc = Document::default();
    let (mut id, mut text) = (None, None);
    for (name, value) in columns {
        let string = |v: Field| -> std::result::Result<Option<String>, String> {
            match v {
                Field::Null => Ok(None),
                Field::Str(s) => Ok(Some(s)),
                Field::Int(n) => Ok(Some(n.to_string())),
                Field::Long(n) => Ok(Some(n.to_string())),
                other => Err(format!("column `{name}`: expected a string, found {other}")),
            }
        };
        match name.as_str() {
            "id" => id = string(value)?,
            "text" => text = string(value)?,
            "title" => doc.title = string(value)?,
            "source" => doc.source = string(value)?,
            "url" => doc.url = string(value)?,
            "date" => doc.date = news_date(value)?,
            _ => {}
        }
    }
    doc.id = id
        .filter(|s| !s.is_empty())
        .ok_or("`id` is null or empty")?;
    doc.text = text.ok_or_else(|| format!("record `{}`: `text` is null", doc.id))?;
    Ok(doc)
}

fn news_date(v: Field) -> std::result::Result<Option<Date>, String> {
    let bad = |what: String| format!("column `date`: {what}");
    match v {
        Field::Null => Ok(None),
        Field::Date(d) => from_epoch_days(i64::from(d))
            .map(Some)
            .ok_or_else(|| bad(format!("day {d} is out of range"))),
        Field::TimestampMillis(ms) => from_epoch_days(ms.div_euclid(86_400_000))
            .map(Some)
            .ok_or_else(|| bad(format!("timestamp {ms} ms is out of range"))),
        Field::TimestampMicros(us) => from_epoch_days(us.div_euclid(86_400_000_000))
            .map(Some)
            .ok_or_else(|| bad(format!("timestamp {us} µs is out of range"))),
        Field::Str(s) if s.trim().is_empty() => Ok(None),
        Field::Str(s) => s
            .get(..10)
            .and_then(|d| demarche_model::parse_date(d).ok())
            .map(Some)
            .ok_or_else(|| bad(format!("expected YYYY-MM-DD, found `{s}`"))),
        other => Err(bad(format!(
            "expected a DATE, a timestamp or a YYYY-MM-DD string, found {other}"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use demarche_model::{Evidence, RuleRef, Span};
    use parquet::record::{ListAccessor, RowAccessor};

    fn event(doc: &str, rules: usize) -> Event {
        Event {
            doc_id: doc.into(),
            sentence: 2,
            date: Date::from_ymd_opt(2021, 11, 20).unwrap(),
            event_date: (rules == 1).then(|| Date::from_ymd_opt(2021, 11, 18).unwrap()),
            source: "CHN".into(),
            target: "RUS".into(),
            code: "051".into(),
            root: String::new(),
            quad_class: 0,
            goldstein: 0.0,
            plover: None,
            source_text: "China".into(),
            target_text: "Russia".into(),
            verb_text: "praised".into(),
            sentence_text: "China praised Russia.".into(),
            evidence: Evidence {
                source_span: Some(Span::new(0, 5)),
                target_span: Some(Span::new(14, 20)),
                verb_span: (rules > 0).then(|| Span::new(6, 13)),
                rules: (0..rules)
                    .map(|i| RuleRef {
                        file: format!("f{i}.txt"),
                        line: 10 + i,
                    })
                    .collect(),
                antecedents: Vec::new(),
            },
            action_geo: None,
            geo_source: None,
        }
        .with_cameo_facts()
    }

    #[test]
    fn events_round_trip_with_spans_and_rules() {
        let events = vec![event("a", 0), event("b", 1), event("c", 3)];
        let bytes = events_to_parquet(&events).unwrap();
        let reader = SerializedFileReader::new(bytes::Bytes::from(bytes)).unwrap();
        assert_eq!(reader.metadata().file_metadata().num_rows(), 3);
        let rows: Vec<_> = reader
            .get_row_iter(None)
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        assert_eq!(rows[0].get_string(0).unwrap(), "a");
        assert_eq!(rows[1].get_int(1).unwrap(), 2);
        assert_eq!(rows[2].get_string(6).unwrap(), "051");
        assert_eq!(rows[0].get_int(15).unwrap(), 0);
        assert_eq!(rows[0].get_int(16).unwrap(), 5);
        assert!(rows[0].get_int(19).is_err(), "no verb span: null");
        let rules = |r: &parquet::record::Row| {
            let list = r.get_list(21).unwrap();
            (0..list.len())
                .map(|i| {
                    let g = list.get_group(i).unwrap();
                    (g.get_string(0).unwrap().clone(), g.get_int(1).unwrap())
                })
                .collect::<Vec<_>>()
        };
        assert!(rules(&rows[0]).is_empty());
        assert_eq!(rules(&rows[1]), [("f0.txt".to_string(), 10)]);
        assert_eq!(rules(&rows[2]).len(), 3);
        assert_eq!(rules(&rows[2])[2], ("f2.txt".to_string(), 12));
        let dates: Vec<i32> = rows[1]
            .get_column_iter()
            .filter_map(|(_, f)| match f {
                Field::Date(d) => Some(*d),
                _ => None,
            })
            .collect();
        let day = |d| epoch_days(Date::from_ymd_opt(2021, 11, d).unwrap());
        assert_eq!(dates, [day(20), day(18)]);
    }

    #[test]
    fn writer_flushes_full_row_groups() {
        let mut w = EventWriter::new(Vec::new()).unwrap();
        let batch: Vec<Event> = (0..1000).map(|i| event(&format!("d{i}"), 1)).collect();
        for _ in 0..70 {
            w.write(&batch).unwrap();
        }
        assert_eq!(w.rows(), ROW_GROUP as u64);
        let bytes = w.finish().unwrap();
        let reader = SerializedFileReader::new(bytes::Bytes::from(bytes)).unwrap();
        assert_eq!(reader.num_row_groups(), 2);
        assert_eq!(reader.metadata().file_metadata().num_rows(), 70_000);
    }

    fn news_file(
        schema: &str,
        write: impl FnOnce(&mut SerializedFileWriter<&mut Vec<u8>>),
    ) -> Vec<u8> {
        let mut out = Vec::new();
        let schema = Arc::new(parse_message_type(schema).unwrap());
        let mut w = SerializedFileWriter::new(&mut out, schema, writer_properties()).unwrap();
        write(&mut w);
        w.close().unwrap();
        out
    }

    fn read(bytes: Vec<u8>) -> (Vec<Document>, Vec<String>) {
        let (mut docs, mut diags) = (Vec::new(), Vec::new());
        read_news::<_, ()>("news.parquet", bytes::Bytes::from(bytes), |item| {
            match item {
                Ok((d, _)) => docs.push(d),
                Err(d) => diags.push(d.to_string()),
            }
            Ok(())
        })
        .unwrap();
        (docs, diags)
    }

    #[test]
    fn reads_news_rows_and_names_bad_ones() {
        let bytes = news_file(
            "message news { OPTIONAL BYTE_ARRAY id (UTF8); OPTIONAL BYTE_ARRAY date (UTF8);
             OPTIONAL BYTE_ARRAY text (UTF8); OPTIONAL INT64 extra; }",
            |w| {
                let mut rg = w.next_row_group().unwrap();
                let cols: [(Vec<&str>, Vec<i16>); 3] = [
                    (vec!["a", "b", "c"], vec![1, 1, 1, 0]),
                    (
                        vec!["2021-11-20", "2021-11-20T10:00:00", "20 Nov"],
                        vec![1, 1, 1, 0],
                    ),
                    (vec!["China praised Russia.", "x", "y"], vec![1, 1, 1, 0]),
                ];
                for (values, def) in cols {
                    let mut col = rg.next_column().unwrap().unwrap();
                    let v: Vec<ByteArray> = values.into_iter().map(text).collect();
                    col.typed::<ByteArrayType>()
                        .write_batch(&v, Some(&def), None)
                        .unwrap();
                    col.close().unwrap();
                }
                let mut col = rg.next_column().unwrap().unwrap();
                col.typed::<parquet::data_type::Int64Type>()
                    .write_batch(&[1, 2, 3, 4], Some(&[1, 1, 1, 1]), None)
                    .unwrap();
                col.close().unwrap();
                rg.close().unwrap();
            },
        );
        let (docs, diags) = read(bytes);
        assert_eq!(docs.len(), 2, "{diags:?}");
        assert_eq!(docs[0].id, "a");
        assert_eq!(docs[0].date, demarche_model::parse_date("2021-11-20").ok());
        assert_eq!(docs[1].date, docs[0].date);
        assert_eq!(docs[0].text, "China praised Russia.");
        assert_eq!(diags.len(), 2, "{diags:?}");
        assert!(diags[0].contains("row 3: column `date`"), "{diags:?}");
        assert!(diags[1].contains("row 4: `id` is null"), "{diags:?}");
    }

    #[test]
    fn refuses_a_table_without_text_and_a_file_that_is_not_parquet() {
        let bytes = news_file("message news { REQUIRED BYTE_ARRAY id (UTF8); }", |_| {});
        let (docs, diags) = read(bytes);
        assert!(docs.is_empty());
        assert!(diags[0].contains("no `text` column"), "{diags:?}");
        let (_, diags) = read(b"{\"id\":\"a\"}\n".to_vec());
        assert!(
            diags[0].contains("not a readable Parquet file"),
            "{diags:?}"
        );
    }
}
