//! `demarche._demarche`: the native half of the Python package. It calls the `demarche` facade
//! library — `Pipeline`, `coding_options`, the dictionary loaders, `demarche::input` and the
//! Parquet event table of `demarche_store::parquet_io` — and holds no coding logic of its own:
//! what `demarche code` writes for a document, this writes for the same document.
//!
//! Events cross into Python as one in-memory Parquet file per call (the event table, the same
//! writer as `demarche code --to parquet`), which the Python side opens with pyarrow: one
//! schema for the binary, Python and Spark, and no arrow crate in the build. Coding releases
//! the GIL and runs on a rayon pool of the `Coder`'s own.

use demarche::dict::{Dictionaries, PetrarchPaths, native};
use demarche::input::{InputFormat, InputSpec, read_located};
use demarche::model::{Date, Diagnostic, Document, Severity, parse_date};
use demarche::store::parquet_io;
use demarche::{Pipeline, TreeSource, coding_options};
use pyo3::create_exception;
use pyo3::exceptions::{PyStopIteration, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use rayon::prelude::*;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, sync_channel};
use std::sync::{Arc, Mutex};

create_exception!(
    _demarche,
    DemarcheError,
    PyValueError,
    "A record, a dictionary or an input that demarche cannot use; the message names which and why."
);

self_cell::self_cell!(
    /// Compiled dictionaries and the pipeline that borrows them.
    struct Loaded {
        owner: Dictionaries,
        #[covariant]
        dependent: Pipeline,
    }
);

/// PETRARCH files as Python passes them: verbs, actors, agents, discards, issues.
type PetrarchFiles = (
    PathBuf,
    Vec<PathBuf>,
    Option<PathBuf>,
    Option<PathBuf>,
    Option<PathBuf>,
);

/// One coded batch (Parquet bytes and warnings), or why the stream stopped.
type Batch = Result<(Vec<u8>, Vec<String>), String>;

fn error(msg: impl Into<String>) -> PyErr {
    DemarcheError::new_err(msg.into())
}

/// `record 3 (id 'a7')`: how every message names a record.
fn record(index: usize, id: &str) -> String {
    format!("record {index} (id {id:?})")
}

/// The dictionaries a `Coder` was asked for, and whether they are ours (for the options).
fn load(
    dictionaries: Option<PathBuf>,
    petrarch: Option<PetrarchFiles>,
) -> PyResult<(Dictionaries, bool, Vec<Diagnostic>)> {
    match (dictionaries, petrarch) {
        (Some(_), Some(_)) => Err(error(
            "give either dictionaries=PATH (our format) or petrarch=..., not both",
        )),
        (None, Some((verbs, actors, agents, discards, issues))) => {
            for p in std::iter::once(&verbs)
                .chain(&actors)
                .chain(agents.iter())
                .chain(discards.iter())
                .chain(issues.iter())
            {
                if !p.is_file() {
                    return Err(error(format!(
                        "petrarch dictionary {}: no such file",
                        p.display()
                    )));
                }
            }
            if actors.is_empty() {
                return Err(error(
                    "petrarch= needs at least one actors file besides the verbs file",
                ));
            }
            let paths = PetrarchPaths {
                verbs: Some(verbs),
                actors,
                agents,
                discards,
                issues,
            };
            let (d, diags) = Dictionaries::load_petrarch(&paths);
            Ok((d, false, diags))
        }
        (Some(dir), None) => {
            if !dir.is_dir() {
                return Err(error(format!(
                    "dictionaries={}: expected a folder of dictionary files in demarche's format",
                    dir.display()
                )));
            }
            let (d, diags) = native::load_dir(&dir);
            Ok((d, true, diags))
        }
        (None, None) => {
            let (d, diags) = native::default_dictionaries();
            Ok((d, true, diags))
        }
    }
}

/// Dates of the records, each `YYYY-MM-DD` or missing; a bad one names its record.
fn parse_dates(ids: &[String], dates: &[Option<String>]) -> PyResult<Vec<Option<Date>>> {
    dates
        .iter()
        .enumerate()
        .map(|(i, d)| match d {
            None => Ok(None),
            Some(s) => parse_date(s).map(Some).map_err(|e| {
                error(format!(
                    "{}: date {s:?}: {e}",
                    record(i, ids.get(i).map_or("", String::as_str))
                ))
            }),
        })
        .collect()
}

fn documents(
    ids: Vec<String>,
    texts: Vec<String>,
    dates: Vec<Option<String>>,
) -> PyResult<Vec<Document>> {
    if ids.len() != texts.len() || dates.len() != texts.len() {
        return Err(error(format!(
            "{} texts, {} ids and {} dates: give one of each per record",
            texts.len(),
            ids.len(),
            dates.len()
        )));
    }
    let parsed = parse_dates(&ids, &dates)?;
    Ok(ids
        .into_iter()
        .zip(texts)
        .zip(parsed)
        .map(|((id, text), date)| Document {
            id,
            text,
            date,
            ..Document::default()
        })
        .collect())
}

fn parquet_error(e: parquet_io::ParquetError) -> PyErr {
    error(format!("writing the event table: {e}"))
}

/// Codes documents on the pool, from their text or their given trees (`trees`); events in
/// input order as one Parquet file, and the warnings.
fn code_batch(
    loaded: &Loaded,
    pool: &rayon::ThreadPool,
    docs: &[(Document, String)],
    fallback: Date,
    trees: TreeSource,
) -> Result<(Vec<u8>, Vec<String>), parquet_io::ParquetError> {
    let pipeline = loaded.borrow_dependent();
    let coded: Vec<_> = pool.install(|| {
        docs.par_iter()
            .map(|(d, _)| pipeline.code_document_with(d, fallback, trees))
            .collect()
    });
    let mut warnings = Vec::new();
    let mut events = Vec::new();
    for ((_, where_), c) in docs.iter().zip(coded) {
        for d in c.diagnostics {
            warnings.push(format!("{where_}: {}: {}", severity(&d), d.message));
        }
        events.extend(c.events);
    }
    Ok((parquet_io::events_to_parquet(&events)?, warnings))
}

fn drain(problems: &Mutex<Vec<String>>) -> Vec<String> {
    problems
        .lock()
        .map(|mut p| std::mem::take(&mut *p))
        .unwrap_or_default()
}

fn severity(d: &Diagnostic) -> &'static str {
    match d.severity {
        Severity::Error => "error",
        _ => "warning",
    }
}

/// A loaded coder: dictionaries compiled once, a pipeline and a thread pool, reused for every
/// call. Safe to share between Python threads; every call releases the GIL while it codes.
#[pyclass(frozen, module = "demarche._demarche")]
struct Coder {
    loaded: Arc<Loaded>,
    pool: Arc<rayon::ThreadPool>,
    #[pyo3(get)]
    dictionaries: String,
    #[pyo3(get)]
    threads: usize,
    #[pyo3(get)]
    dictionary_warnings: Vec<String>,
}

#[pymethods]
impl Coder {
    #[new]
    #[pyo3(signature = (dictionaries=None, petrarch=None, options=None, keep_unattributed=false, threads=None))]
    fn new(
        py: Python<'_>,
        dictionaries: Option<PathBuf>,
        petrarch: Option<PetrarchFiles>,
        options: Option<Vec<(String, String)>>,
        keep_unattributed: bool,
        threads: Option<usize>,
    ) -> PyResult<Self> {
        let label = match (&dictionaries, &petrarch) {
            (Some(d), _) => d.display().to_string(),
            (None, Some(p)) => format!("petrarch: {}", p.0.display()),
            (None, None) => "built-in".to_string(),
        };
        let (dicts, own, diags) = py.detach(|| load(dictionaries, petrarch))?;
        let mut opts = coding_options(own);
        for (k, v) in options.unwrap_or_default() {
            match opts.set(&k, &v) {
                Ok(true) => {}
                Ok(false) => return Err(error(format!("unknown coding option `{k}`"))),
                Err(e) => return Err(error(format!("coding option `{k}={v}`: {e}"))),
            }
        }
        let loaded = py.detach(|| {
            Loaded::new(dicts, |d| {
                Pipeline::new(d)
                    .with_options(opts)
                    .with_unattributed(keep_unattributed)
            })
        });
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads.unwrap_or(0))
            .thread_name(|i| format!("demarche-{i}"))
            .build()
            .map_err(|e| error(format!("cannot start the worker threads: {e}")))?;
        Ok(Coder {
            loaded: Arc::new(loaded),
            threads: pool.current_num_threads(),
            pool: Arc::new(pool),
            dictionaries: label,
            dictionary_warnings: diags.iter().map(ToString::to_string).collect(),
        })
    }

    /// Codes records; returns (event table as Parquet bytes, warnings naming their records).
    #[pyo3(signature = (ids, texts, dates, default_date))]
    fn code_parquet<'py>(
        &self,
        py: Python<'py>,
        ids: Vec<String>,
        texts: Vec<String>,
        dates: Vec<Option<String>>,
        default_date: String,
    ) -> PyResult<(Bound<'py, PyBytes>, Vec<String>)> {
        let fallback =
            parse_date(&default_date).map_err(|e| error(format!("date={default_date:?}: {e}")))?;
        let docs: Vec<(Document, String)> = documents(ids, texts, dates)?
            .into_iter()
            .enumerate()
            .map(|(i, d)| {
                let r = record(i, &d.id);
                (d, r)
            })
            .collect();
        let (bytes, warnings) = py
            .detach(|| {
                code_batch(
                    &self.loaded,
                    &self.pool,
                    &docs,
                    fallback,
                    TreeSource::Builtin,
                )
            })
            .map_err(parquet_error)?;
        Ok((PyBytes::new(py, &bytes), warnings))
    }

    /// Reads files (or standard input for no path) in any format the binary reads and codes
    /// them batch by batch: an iterator of (Parquet bytes, warnings). `format="conllu"` codes
    /// the files' dependency parses (as `demarche code --conllu`); every other format, and
    /// CoNLL-U recognised by its name or first bytes, is coded from its text.
    #[pyo3(signature = (paths, format=None, date=None, default_date=None))]
    fn code_files(
        &self,
        paths: Vec<PathBuf>,
        format: Option<String>,
        date: Option<String>,
        default_date: Option<String>,
    ) -> PyResult<CodeStream> {
        let format = format.as_deref().map(input_format).transpose()?;
        let trees = if format == Some(InputFormat::Conllu) {
            TreeSource::Given
        } else {
            TreeSource::Builtin
        };
        let date = date
            .map(|d| parse_date(&d).map_err(|e| error(format!("date={d:?}: {e}"))))
            .transpose()?;
        let fallback = match default_date {
            Some(d) => parse_date(&d).map_err(|e| error(format!("default date {d:?}: {e}")))?,
            None => date.ok_or_else(|| error("a fallback date is needed"))?,
        };
        for p in &paths {
            if !p.exists() && p.as_os_str() != "-" {
                return Err(error(format!("{}: no such file", p.display())));
            }
        }
        let spec = InputSpec {
            paths,
            format,
            date,
        };
        let (tx, rx) = sync_channel::<Batch>(2);
        let loaded = Arc::clone(&self.loaded);
        let pool = Arc::clone(&self.pool);
        std::thread::spawn(move || {
            let problems = Mutex::new(Vec::new());
            let result = read_located(
                &spec,
                |batch| {
                    let docs: Vec<(Document, String)> = batch
                        .into_iter()
                        .map(|(d, origin)| {
                            let where_ = match origin.line {
                                Some(l) => format!("{}:{l}: record {:?}", origin.file, d.id),
                                None => format!("{}: record {:?}", origin.file, d.id),
                            };
                            (d, where_)
                        })
                        .collect();
                    let item = code_batch(&loaded, &pool, &docs, fallback, trees)
                        .map(|(bytes, mut w)| {
                            // Unreadable records come before the batch's own warnings.
                            let mut unread = drain(&problems);
                            unread.append(&mut w);
                            (bytes, unread)
                        })
                        .map_err(|e| e.to_string());
                    // A send fails when Python dropped the iterator: stop reading.
                    tx.send(item)
                        .map_err(|_| anyhow::anyhow!("the consumer stopped reading"))
                },
                |d| {
                    if let Ok(mut p) = problems.lock() {
                        p.push(d.to_string());
                    }
                },
            );
            let rest = drain(&problems);
            match result {
                Ok(_) if !rest.is_empty() => {
                    let _ = tx.send(Ok((Vec::new(), rest)));
                }
                Ok(_) => {}
                Err(e) => {
                    let _ = tx.send(Err(e.to_string()));
                }
            }
        });
        Ok(CodeStream {
            rx: Mutex::new(Some(rx)),
        })
    }

    /// The knowledge of records as columns: (doc_id, kind, text, start, end, detail).
    #[pyo3(signature = (ids, texts, dates))]
    fn extract_columns(
        &self,
        py: Python<'_>,
        ids: Vec<String>,
        texts: Vec<String>,
        dates: Vec<Option<String>>,
    ) -> PyResult<ExtractColumns> {
        let docs = documents(ids, texts, dates)?;
        py.detach(|| extract_batch(&self.pool, &docs))
    }

    fn __repr__(&self) -> String {
        format!(
            "Coder(dictionaries={:?}, threads={})",
            self.dictionaries, self.threads
        )
    }
}

type ExtractColumns = (
    Vec<String>,
    Vec<String>,
    Vec<Option<String>>,
    Vec<Option<i64>>,
    Vec<Option<i64>>,
    Vec<String>,
);

/// One row per extracted item: persons, organizations, places, quotations, amounts, dates,
/// and the document's tone; `detail` is the item's full JSON record (as `demarche extract`).
fn extract_batch(pool: &rayon::ThreadPool, docs: &[Document]) -> PyResult<ExtractColumns> {
    let knowledge: Vec<_> = pool.install(|| {
        docs.par_iter()
            .map(|d| {
                let sentences = demarche::text::split_sentences(&d.text);
                demarche::extract::extract(&d.text, d.date, Some(&sentences))
            })
            .collect()
    });
    let mut cols: ExtractColumns = Default::default();
    for (doc, k) in docs.iter().zip(&knowledge) {
        let value =
            serde_json::to_value(k).map_err(|e| error(format!("record {:?}: {e}", doc.id)))?;
        let mut push = |kind: &str, item: &serde_json::Value| {
            let text = item
                .get("text")
                .or_else(|| item.get("name"))
                .and_then(|t| t.as_str())
                .map(str::to_string);
            let span = item
                .get("span")
                .or_else(|| item.pointer("/mentions/0/span"))
                .and_then(|s| s.as_array())
                .map(|s| {
                    (
                        s.first().and_then(|v| v.as_i64()),
                        s.get(1).and_then(|v| v.as_i64()),
                    )
                });
            cols.0.push(doc.id.clone());
            cols.1.push(kind.to_string());
            cols.2.push(text);
            cols.3.push(span.and_then(|s| s.0));
            cols.4.push(span.and_then(|s| s.1));
            cols.5.push(item.to_string());
        };
        for (key, kind) in [
            ("persons", "person"),
            ("organizations", "organization"),
            ("places", "place"),
            ("quotations", "quotation"),
            ("amounts", "amount"),
            ("dates", "date"),
        ] {
            for item in value
                .get(key)
                .and_then(|v| v.as_array())
                .into_iter()
                .flatten()
            {
                push(kind, item);
            }
        }
        if let Some(tone) = value.get("tone") {
            push("tone", tone);
        }
    }
    Ok(cols)
}

fn input_format(name: &str) -> PyResult<InputFormat> {
    Ok(match name.to_ascii_lowercase().as_str() {
        "text" | "txt" => InputFormat::Text,
        "jsonl" | "json" | "ndjson" => InputFormat::Jsonl,
        "petrarch" | "xml" => InputFormat::Petrarch,
        "html" => InputFormat::Html,
        "feed" | "rss" | "atom" => InputFormat::Feed,
        "warc" => InputFormat::Warc,
        "parquet" => InputFormat::Parquet,
        "conllu" | "conll" => InputFormat::Conllu,
        other => {
            return Err(error(format!(
                "format={other:?}: expected text, jsonl, petrarch, html, feed, warc, parquet or conllu"
            )));
        }
    })
}

/// Batches of coded events from `Coder.code_files`, as they are ready.
#[pyclass(module = "demarche._demarche")]
struct CodeStream {
    rx: Mutex<Option<Receiver<Batch>>>,
}

#[pymethods]
impl CodeStream {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyBytes>, Vec<String>)> {
        let mut guard = self
            .rx
            .lock()
            .map_err(|_| error("the stream's lock is poisoned"))?;
        let Some(rx) = guard.take() else {
            return Err(PyStopIteration::new_err(()));
        };
        // The receiver moves into the GIL-free wait and comes back with what it got.
        let (rx, got) = py.detach(move || {
            let got = rx.recv();
            (rx, got)
        });
        match got {
            Ok(Ok((bytes, warnings))) => {
                *guard = Some(rx);
                Ok((PyBytes::new(py, &bytes), warnings))
            }
            Ok(Err(msg)) => Err(error(msg)),
            Err(_) => Err(PyStopIteration::new_err(())),
        }
    }
}

/// The event table with no rows: its schema, for pyarrow and Spark.
#[pyfunction]
fn empty_event_table<'py>(py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
    let bytes = parquet_io::events_to_parquet(&[]).map_err(parquet_error)?;
    Ok(PyBytes::new(py, &bytes))
}

/// The event table's schema in Parquet's message syntax (as documented in the README).
#[pyfunction]
fn event_schema_text() -> &'static str {
    parquet_io::EVENT_SCHEMA
}

#[pymodule]
fn _demarche(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Coder>()?;
    m.add_class::<CodeStream>()?;
    m.add_function(wrap_pyfunction!(empty_event_table, m)?)?;
    m.add_function(wrap_pyfunction!(event_schema_text, m)?)?;
    m.add("DemarcheError", m.py().get_type::<DemarcheError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
