//! End-to-end tests of the `demarche` binary: each test runs the real executable
//! (`CARGO_BIN_EXE_demarche`) with `std::process::Command` on inputs written to a temp dir or kept
//! in `tests/fixtures/`, and checks exit status, stdout and stderr the way a script would.
//!
//! One test binary with one module per area (robustness, the example article, validation,
//! explain/extract, input formats, dictionary lint), so the suite links once. Tests that need
//! the shared reference material read `DEMARCHE_REFERENCE`: unset → they print why and return;
//! set but a file missing → they fail.

mod article;
mod conllu;
mod dict;
mod evaluation;
mod formats;
mod hostile;
mod ingest;
mod knowledge;
mod parquet;
mod robustness;
mod validate;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;

/// What one run of the binary gave.
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
    pub stdout_bytes: Vec<u8>,
}

/// Runs `demarche ARGS` in `dir`, feeding `stdin` when given (else an empty stdin, so a command
/// that wrongly waits on the terminal cannot hang the suite).
pub fn demarche(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_demarche"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the demarche binary starts");
    let mut pipe = child.stdin.take().expect("stdin is piped");
    let input = stdin.unwrap_or_default().to_vec();
    // Written from a thread: a large input must not deadlock against a full stdout pipe.
    let feeder = std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let out = child.wait_with_output().expect("the demarche binary runs");
    feeder.join().expect("the stdin feeder finishes");
    Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        stdout_bytes: out.stdout,
    }
}

/// The common check of every run: the process exited by itself with a status (not killed by a
/// signal), that status is not Rust's panic status 101, and stderr shows no panic message.
/// `what` names the case in the failure message.
pub fn check(run: &Run, what: &str) {
    let context = format!("{what}\n--- stderr ---\n{}", run.stderr);
    let code = run
        .code
        .unwrap_or_else(|| panic!("killed by a signal: {context}"));
    assert_ne!(code, 101, "exit status 101 (a panic): {context}");
    assert!(
        !run.stderr.contains("panicked"),
        "panic message on stderr: {context}"
    );
}

/// The JSON Lines events of a `demarche code` run's stdout.
pub fn events(run: &Run) -> Vec<Value> {
    run.stdout
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

/// A string field of an event (empty when missing, so a comparison fails with the event shown).
pub fn s<'a>(event: &'a Value, field: &str) -> &'a str {
    event.get(field).and_then(Value::as_str).unwrap_or_default()
}

/// A fresh temp dir for one test.
pub fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temp dir")
}

/// Writes `bytes` to `dir/name` and gives the name back (tests run the binary inside `dir`, so
/// diagnostics name the file as given).
pub fn write<'a>(dir: &Path, name: &'a str, bytes: impl AsRef<[u8]>) -> &'a str {
    std::fs::write(dir.join(name), bytes).expect("a test file is written");
    name
}

/// Copies `crates/demarche/tests/fixtures/NAME` into `dir` and gives the name back, so the run
/// inside `dir` sees (and its diagnostics and document ids show) a short relative name.
pub fn fixture<'a>(dir: &Path, name: &'a str) -> &'a str {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("fixture {}: {e}", path.display()));
    write(dir, name, bytes)
}

/// The shared reference folder from `DEMARCHE_REFERENCE`, or `None` (with the reason printed)
/// when the variable is unset.
pub fn reference() -> Option<PathBuf> {
    match std::env::var_os("DEMARCHE_REFERENCE") {
        Some(dir) => Some(PathBuf::from(dir)),
        None => {
            eprintln!(
                "skipped: DEMARCHE_REFERENCE is not set (point it at the shared reference folder)"
            );
            None
        }
    }
}

/// `base/rel`, which must exist (the reference is set, so a missing file is a failure).
pub fn must_exist(base: &Path, rel: &str) -> String {
    let path = base.join(rel);
    assert!(
        path.exists(),
        "DEMARCHE_REFERENCE is set but {} is missing",
        path.display()
    );
    path.to_string_lossy().into_owned()
}

/// The example article of the shared folder, reached from the reference folder.
pub fn article(reference: &Path) -> String {
    must_exist(
        reference,
        "../examples/global-times-2021-11-20-china-russia.txt",
    )
}
