//! `demarche dict lint` (issue #4): clean on the shipped dictionaries; a problem in a folder of
//! our own is reported as `file:line` with a non-zero exit.

use crate::{check, demarche, tempdir};

#[test]
fn shipped_dictionaries_lint_clean() {
    let dictionaries = concat!(env!("CARGO_MANIFEST_DIR"), "/../../dictionaries");
    let dir = tempdir();
    let run = demarche(dir.path(), &["dict", "lint", dictionaries], None);
    check(&run, "dict lint on the shipped set");
    assert_eq!(
        run.code,
        Some(0),
        "lint problems:\n{}{}",
        run.stdout,
        run.stderr
    );
}

/// Writes a tiny dictionary folder; `verb_line` is the verbs file's second line.
fn tiny_folder(root: &std::path::Path, verb_line: &str) {
    let write = |rel: &str, text: &str| {
        let path = root.join(rel);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("folders made");
        std::fs::write(path, text).expect("a dictionary file written");
    };
    write(
        "actors/countries.txt",
        "# two countries\nFRA = France\nDEU = Germany\n",
    );
    write("verbs/19-fight.txt", &format!("# one verb\n{verb_line}\n"));
    write("agents.txt", "# one agent\nGOV = government\n");
    write("discards.txt", "# none\n");
}

#[test]
fn lint_reports_an_unknown_cameo_code_with_file_and_line() {
    let dir = tempdir();
    // The same folder twice, differing only in the verb's code: the clean one shows that the
    // bad one fails because of that line.
    tiny_folder(&dir.path().join("good"), "attack    190");
    tiny_folder(&dir.path().join("bad"), "attack    999");
    let good = demarche(dir.path(), &["dict", "lint", "good"], None);
    check(&good, "lint of a clean tiny folder");
    assert_eq!(
        good.code,
        Some(0),
        "the clean folder has problems:\n{}{}",
        good.stdout,
        good.stderr
    );
    let bad = demarche(dir.path(), &["dict", "lint", "bad"], None);
    check(&bad, "lint of a bad tiny folder");
    assert_ne!(bad.code, Some(0), "a lint problem must fail the run");
    let output = format!("{}{}", bad.stdout, bad.stderr);
    assert!(
        output.contains("bad/verbs/19-fight.txt:2"),
        "no file:line for the problem:\n{output}"
    );
    assert!(
        output.contains("999"),
        "the problem does not name the code:\n{output}"
    );
}
