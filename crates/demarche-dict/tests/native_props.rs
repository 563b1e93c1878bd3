//! Property tests: the native readers, the compiler and lint never panic on any input, and
//! every diagnostic names a line that exists in the file it names.

use demarche_dict::native;
use proptest::prelude::*;

/// Text built from the characters our formats give meaning to, so that the generator reaches
/// the interesting branches (brackets, `|`, `=`, `..`, codes, indentation) often.
fn dictionary_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("*".to_string()),
        Just("(".to_string()),
        Just(")".to_string()),
        Just("{".to_string()),
        Just("}".to_string()),
        Just("|".to_string()),
        Just(" = ".to_string()),
        Just("&set".to_string()),
        Just("&set = a | {b c}".to_string()),
        Just("+".to_string()),
        Just("..".to_string()),
        Just("2020-01-01".to_string()),
        Just("2020-13-45".to_string()),
        Just(" 051".to_string()),
        Just(" ---".to_string()),
        Just(" 031:".to_string()),
        Just("CHNGOV".to_string()),
        Just("prefix ".to_string()),
        Just("sentence: ".to_string()),
        Just("story:".to_string()),
        Just("# c".to_string()),
        Just("\n".to_string()),
        Just("\n    ".to_string()),
        Just("\t".to_string()),
        Just("é’".to_string()),
        "[a-z]{1,6}",
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn readers_compile_and_lint_never_panic(text in dictionary_text(), any in "\\PC{0,200}") {
        for name in ["verbs/a.txt", "actors/a.txt", "agents.txt", "discards.txt", "other.txt"] {
            for content in [text.as_str(), any.as_str()] {
                let (set, diags) = native::read_sources(&[(name, content)], "");
                let lines = content.lines().count();
                for d in &diags {
                    prop_assert_eq!(&d.file, name);
                    if let Some(l) = d.line {
                        prop_assert!(l >= 1 && l <= lines, "line {} of {} in {:?}", l, lines, content);
                    }
                }
                let dicts = set.compile();
                let _ = native::lint(&set, &diags);
                let _ = native::write::to_petrarch(&dicts);
                let _ = native::write::to_native(&dicts);
            }
        }
    }
}
