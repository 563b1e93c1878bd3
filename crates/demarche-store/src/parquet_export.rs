//! Parquet export of the store (`demarche export --to parquet`), written with the `parquet`
//! crate's column writers, without arrow: arrow would add minutes more to a clean build for no
//! gain here. Column names are the event table's ([`crate::parquet_io::EVENT_SCHEMA`]) where
//! they mean the same thing.
//!
//! One row per de-duplicated event; columns: `id`, `date` (DATE), `source`, `target`, `code`,
//! `root`, `quad_class`, `goldstein`, `plover`, `num_mentions`, `num_sources`, `num_articles`,
//! and from the first mention (see the export module): `source_text`, `target_text`,
//! `verb_text`, `doc_id`, `url`, `sentence_text`. Row groups hold up to 100,000 events.

use crate::types::StoredEvent;
use crate::{Result, Store, StoreError};
use parquet::data_type::{ByteArray, ByteArrayType, DoubleType, Int32Type, Int64Type};
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;
use std::io::Write;
use std::sync::Arc;

const SCHEMA: &str = "message event {
    REQUIRED INT64 id;
    REQUIRED INT32 date (DATE);
    REQUIRED BYTE_ARRAY source (UTF8);
    REQUIRED BYTE_ARRAY target (UTF8);
    REQUIRED BYTE_ARRAY code (UTF8);
    REQUIRED BYTE_ARRAY root (UTF8);
    REQUIRED INT32 quad_class;
    REQUIRED DOUBLE goldstein;
    OPTIONAL BYTE_ARRAY plover (UTF8);
    REQUIRED INT64 num_mentions;
    REQUIRED INT64 num_sources;
    REQUIRED INT64 num_articles;
    OPTIONAL BYTE_ARRAY source_text (UTF8);
    OPTIONAL BYTE_ARRAY target_text (UTF8);
    OPTIONAL BYTE_ARRAY verb_text (UTF8);
    OPTIONAL BYTE_ARRAY doc_id (UTF8);
    OPTIONAL BYTE_ARRAY url (UTF8);
    OPTIONAL BYTE_ARRAY sentence_text (UTF8);
}";

const ROW_GROUP: usize = 100_000;

fn pq(e: parquet::errors::ParquetError) -> StoreError {
    StoreError::Io(std::io::Error::other(format!("parquet: {e}")))
}

use crate::parquet_io::epoch_days;

impl Store {
    pub(crate) fn export_parquet<W: Write>(&self, mut out: W) -> Result<u64> {
        let schema = Arc::new(parse_message_type(SCHEMA).map_err(pq)?);
        let props = crate::parquet_io::writer_properties();
        // The writer wants `Write + Send`; a buffer is both, whatever `out` is.
        let mut buffer: Vec<u8> = Vec::new();
        let mut writer = SerializedFileWriter::new(&mut buffer, schema, props).map_err(pq)?;
        let mut group: Vec<StoredEvent> = Vec::new();
        let n = self.for_each_event(1, |e| {
            group.push(e.clone());
            if group.len() == ROW_GROUP {
                write_group(&mut writer, &group)?;
                group.clear();
            }
            Ok(())
        })?;
        if !group.is_empty() {
            write_group(&mut writer, &group)?;
        }
        writer.close().map_err(pq)?;
        out.write_all(&buffer)?;
        out.flush()?;
        Ok(n)
    }
}

fn bytes(s: &str) -> ByteArray {
    ByteArray::from(s.as_bytes().to_vec())
}

/// Values and definition levels of an optional text column.
fn optional(values: impl Iterator<Item = Option<String>>) -> (Vec<ByteArray>, Vec<i16>) {
    let mut present = Vec::new();
    let mut levels = Vec::new();
    for v in values {
        match v {
            Some(s) => {
                present.push(bytes(&s));
                levels.push(1);
            }
            None => levels.push(0),
        }
    }
    (present, levels)
}

fn write_group<W: Write + Send>(
    writer: &mut SerializedFileWriter<W>,
    events: &[StoredEvent],
) -> Result<()> {
    let mut rg = writer.next_row_group().map_err(pq)?;
    let first = |f: fn(&crate::types::Mention) -> Option<String>| {
        optional(events.iter().map(move |e| e.mentions.first().and_then(f)))
    };
    let mut index = 0usize;
    while let Some(mut col) = rg.next_column().map_err(pq)? {
        match index {
            0 => {
                let v: Vec<i64> = events.iter().map(|e| e.id).collect();
                col.typed::<Int64Type>().write_batch(&v, None, None)
            }
            1 => {
                let v: Vec<i32> = events.iter().map(|e| epoch_days(e.date)).collect();
                col.typed::<Int32Type>().write_batch(&v, None, None)
            }
            2..=5 => {
                let v: Vec<ByteArray> = events
                    .iter()
                    .map(|e| match index {
                        2 => bytes(&e.source),
                        3 => bytes(&e.target),
                        4 => bytes(&e.code),
                        _ => bytes(&e.root),
                    })
                    .collect();
                col.typed::<ByteArrayType>().write_batch(&v, None, None)
            }
            6 => {
                let v: Vec<i32> = events.iter().map(|e| i32::from(e.quad_class)).collect();
                col.typed::<Int32Type>().write_batch(&v, None, None)
            }
            7 => {
                let v: Vec<f64> = events
                    .iter()
                    .map(|e| crate::ingest::goldstein_f64(e.goldstein))
                    .collect();
                col.typed::<DoubleType>().write_batch(&v, None, None)
            }
            8 => {
                let (v, d) = optional(events.iter().map(|e| e.plover.clone()));
                col.typed::<ByteArrayType>().write_batch(&v, Some(&d), None)
            }
            9..=11 => {
                let v: Vec<i64> = events
                    .iter()
                    .map(|e| match index {
                        9 => e.num_mentions,
                        10 => e.num_sources,
                        _ => e.num_articles,
                    })
                    .map(|n| i64::try_from(n).unwrap_or(i64::MAX))
                    .collect();
                col.typed::<Int64Type>().write_batch(&v, None, None)
            }
            _ => {
                let (v, d) = match index {
                    12 => first(|m| Some(m.source_text.clone())),
                    13 => first(|m| Some(m.target_text.clone())),
                    14 => first(|m| Some(m.verb_text.clone())),
                    15 => first(|m| Some(m.doc_id.clone())),
                    16 => first(|m| m.doc_url.clone()),
                    _ => first(|m| Some(m.sentence_text.clone())),
                };
                col.typed::<ByteArrayType>().write_batch(&v, Some(&d), None)
            }
        }
        .map_err(pq)?;
        col.close().map_err(pq)?;
        index += 1;
    }
    rg.close().map_err(pq)?;
    Ok(())
}
