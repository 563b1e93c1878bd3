//! The built-in dictionaries: they load cleanly, every CAMEO code is reachable, the built-in
//! file list matches `dictionaries/`, and the phrases of the example article code as a reader
//! would code them.

use demarche_dict::native;
use demarche_dict::{Dictionaries, PatternItem};
use std::collections::BTreeSet;
use std::sync::OnceLock;

fn dicts() -> &'static Dictionaries {
    static D: OnceLock<Dictionaries> = OnceLock::new();
    D.get_or_init(|| native::default_dictionaries().0)
}

#[test]
fn default_set_loads_with_no_diagnostics() {
    let (d, diags) = native::default_dictionaries();
    let shown: Vec<String> = diags.iter().map(|d| d.to_string()).collect();
    assert!(shown.is_empty(), "{}", shown.join("\n"));
    assert!(d.verbs.verbs.len() > 400, "{}", d.summary());
    assert!(d.verbs.patterns.len() > 1500, "{}", d.summary());
    assert!(d.agents.len() > 200, "{}", d.summary());
    assert!(d.actors.len() > 300, "{}", d.summary());
}

#[test]
fn every_cameo_code_is_reachable_except_the_documented_ones() {
    let reachable = native::reachable_codes(dicts());
    let exempt: BTreeSet<&str> = native::UNREACHABLE_CODES.iter().map(|(c, _)| *c).collect();
    let missing: Vec<&str> = demarche_model::cameo::all_codes()
        .iter()
        .map(|c| c.code)
        .filter(|c| !reachable.contains(*c) && !exempt.contains(c))
        .collect();
    assert!(missing.is_empty(), "no verb or pattern gives: {missing:?}");
    // The exemptions are real: none of them is reachable after all, and each is in the table.
    for code in &exempt {
        assert!(demarche_model::cameo::is_known(code), "{code}");
        assert!(
            !reachable.contains(*code),
            "{code} is reachable; drop its exemption"
        );
    }
}

#[test]
fn builtin_list_matches_the_directory() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../dictionaries");
    let mut on_disk = Vec::new();
    let mut stack = vec![(root.clone(), String::new())];
    while let Some((dir, rel)) = stack.pop() {
        for e in std::fs::read_dir(&dir).unwrap() {
            let e = e.unwrap();
            let name = e.file_name().to_string_lossy().into_owned();
            let r = if rel.is_empty() {
                name.clone()
            } else {
                format!("{rel}/{name}")
            };
            if e.path().is_dir() {
                stack.push((e.path(), r));
            } else if name.ends_with(".txt") {
                on_disk.push(r);
            }
        }
    }
    on_disk.sort();
    let built_in: Vec<String> = native::default_sources()
        .iter()
        .map(|(p, _)| p.to_string())
        .collect();
    assert_eq!(built_in, on_disk, "update src/native/builtin.rs");
    for (p, content) in native::default_sources() {
        assert_eq!(
            std::fs::read_to_string(root.join(p)).unwrap(),
            *content,
            "{p}"
        );
    }
}

/// The code a verb form gives alone.
fn verb_code(form: &str) -> Option<String> {
    let d = dicts();
    let r = d.verbs.forms_of(form).first()?;
    d.verbs.code_of(r.verb).map(|c| c.to_string())
}

/// The code of the first pattern of the verb whose rendering equals `pattern`
/// (`* (of espionage)`, words lower-case, sets as `&name`).
fn pattern_code(form: &str, pattern: &str) -> Option<String> {
    let d = dicts();
    fn render(item: &PatternItem, d: &Dictionaries) -> String {
        match item {
            PatternItem::Verb => "*".into(),
            PatternItem::Word(w) => w.to_lowercase(),
            PatternItem::Synset(id) => format!(
                "&{}",
                d.verbs
                    .synset(*id)
                    .map(|s| s.name.to_lowercase())
                    .unwrap_or_default()
            ),
            PatternItem::NounPhrase(items) => {
                format!(
                    "{{{}}}",
                    items
                        .iter()
                        .map(|i| render(i, d))
                        .collect::<Vec<_>>()
                        .join(" ")
                )
            }
            PatternItem::PrepPhrase {
                preposition,
                object,
            } => {
                let mut parts = vec![render(preposition, d)];
                parts.extend(object.iter().map(|i| render(i, d)));
                format!("({})", parts.join(" "))
            }
            other => format!("{other:?}"),
        }
    }
    for r in d.verbs.forms_of(form) {
        for p in d.verbs.patterns_of(r.verb) {
            let text: Vec<String> = p.tokens.iter().map(|t| render(&t.item, d)).collect();
            if text.join(" ") == pattern {
                return Some(p.code.to_string());
            }
        }
    }
    None
}

fn synset_has(name: &str, phrase: &str) -> bool {
    let d = dicts();
    let Some(id) = d.verbs.synset_named(name) else {
        return false;
    };
    d.verbs
        .synset(id)
        .is_some_and(|s| s.phrases.iter().any(|p| p.words.join(" ") == phrase))
}

#[test]
fn example_article_phrases() {
    // "China highly appreciates Putin's 'China-Russia model'" → 051.
    assert_eq!(verb_code("APPRECIATES").as_deref(), Some("051"));
    let highly = dicts().verbs.forms_of("APPRECIATES").iter().any(|r| {
        dicts()
            .verbs
            .form(*r)
            .is_some_and(|f| f.words == ["HIGHLY", "APPRECIATES"])
    });
    assert!(highly, "`highly appreciates` is a multi-word verb");
    // "attaches great importance to the development of relations" → 051.
    assert_eq!(
        pattern_code("ATTACHES", "* {great importance} (to)").as_deref(),
        Some("051")
    );
    // "aspired to drive a wedge between Russia and China" → 113 (the coder makes the
    // speaker's report of it an accusation).
    assert_eq!(
        pattern_code("DRIVE", "* wedge (between)").as_deref(),
        Some("113")
    );
    // ... and "Putin said that <the West> aspired to drive a wedge" is Putin accusing the West.
    assert_eq!(
        pattern_code("SAID", "* Target &accusation").as_deref(),
        Some("112")
    );
    assert!(synset_has("ACCUSATION", "WEDGE"));
    // "Moscow and Beijing would continue to boost ties": each towards the other.
    assert_eq!(
        pattern_code("BOOST", "Compound * &cooperation").as_deref(),
        Some("030")
    );
    // "would continue to expand cooperation", "boost friendly partnership ties" → 030.
    assert_eq!(
        pattern_code("EXPAND", "* &cooperation").as_deref(),
        Some("030")
    );
    assert_eq!(
        pattern_code("BOOST", "* &cooperation").as_deref(),
        Some("030")
    );
    assert!(synset_has("COOPERATION", "TIES") && synset_has("COOPERATION", "PARTNERSHIP"));
    // "coordinate their actions in the international arena" → 050.
    assert_eq!(
        pattern_code("COORDINATE", "* actions").as_deref(),
        Some("050")
    );
}

#[test]
fn common_news_phrases() {
    let cases = [
        ("ACCUSED", "* (of &espionage)", "1125"),
        ("ACCUSED", "* (of &crime)", "1121"),
        ("HELD", "* talks", "040"),
        ("SIGNED", "* agreement", "057"),
        ("IMPOSED", "* &economic-sanctions", "163"),
        ("EXPRESSED", "* concern", "110"),
        ("URGED", "* restraint", "025"),
        ("THREATENED", "* &economic-sanctions", "1312"),
        ("EXPELLED", "* diplomat", "161"), // the wire sets code expelled diplomats 16, as recalled ones
        ("LAUNCHED", "* airstrikes", "195"),
        ("DEPLOYED", "* troops", "154"),
        ("RELEASED", "* &detained", "0841"),
        ("PAID", "* visit", "042"),
    ];
    for (form, pattern, code) in cases {
        assert_eq!(
            pattern_code(form, pattern).as_deref(),
            Some(code),
            "{form} {pattern}"
        );
    }
    for (form, code) in [
        ("PRAISED", "051"),
        ("HAILED", "051"),
        ("CONDEMNED", "111"),
        ("VISITED", "042"),
        ("ATTACKED", "190"),
        ("ARRESTED", "173"),
        ("MET", "040"),
        ("DENIED", "016"),
    ] {
        assert_eq!(verb_code(form).as_deref(), Some(code), "{form}");
    }
}

#[test]
fn agents_code_the_roles_news_names() {
    let d = dicts();
    let code = |w: &str| {
        let words: Vec<&str> = w.split(' ').collect();
        d.agents
            .exact(&words)
            .and_then(|m| d.agents.get(m.agent))
            .map(|e| e.code.clone())
    };
    for (name, expected) in [
        ("foreign ministry", "GOV"),
        ("spokesperson", "GOV"),
        ("president", "GOV"),
        ("prime minister", "GOV"),
        ("troops", "MIL"),
        ("soldiers", "MIL"),
        ("police", "COP"),
        ("judges", "JUD"),
        ("opposition", "OPP"),
        ("rebels", "REB"),
        ("companies", "BUS"),
        ("journalists", "MED"),
        ("civilians", "CVL"),
        ("refugees", "REF"),
        ("trade unions", "LAB"),
        ("universities", "EDU"),
        ("doctors", "HLH"),
        ("rights groups", "NGO"),
        ("clerics", "REL"),
    ] {
        assert_eq!(code(name).as_deref(), Some(expected), "{name}");
    }
}
