//! Dependency parses in (issue 13, part 4: `demarche code --conllu`, spaCy's ClearNLP labels and
//! UD v2 labels) and PETRARCH records coded from their tree alone (part 5: an empty `<Text>`).

use crate::{check, demarche, events, fixture, s, tempdir, write};
use serde_json::Value;
use std::collections::BTreeSet;

/// (document, sentence, source, target, code).
type Key = (String, u64, String, String, String);

fn key(doc: &str, sentence: u64, source: &str, target: &str, code: &str) -> Key {
    (
        doc.into(),
        sentence,
        source.into(),
        target.into(),
        code.into(),
    )
}

fn keys(events: &[Value]) -> BTreeSet<Key> {
    events
        .iter()
        .map(|e| {
            key(
                s(e, "doc_id"),
                e["sentence"].as_u64().unwrap_or(u64::MAX),
                s(e, "source"),
                s(e, "target"),
                s(e, "code"),
            )
        })
        .collect()
}

/// Every event's evidence spans slice its sentence to the texts it reports.
#[track_caller]
fn check_spans(events: &[Value]) {
    for e in events {
        let sentence = s(e, "sentence_text");
        for (span, text) in [
            ("source_span", "source_text"),
            ("target_span", "target_text"),
            ("verb_span", "verb_text"),
        ] {
            let Some([a, b]) = e["evidence"][span].as_array().map(|v| {
                [v[0].as_u64().unwrap_or(0), v[1].as_u64().unwrap_or(0)].map(|x| x as usize)
            }) else {
                continue;
            };
            assert_eq!(sentence.get(a..b), Some(s(e, text)), "{span} of {e}");
        }
    }
}

/// The spaCy fixture's events as coded by hand, before the coder ran on the sentences.
const SPACY_HANDCODED: &[(&str, u64, &str, &str, &str)] = &[
    ("wire-1", 0, "EGY", "QAT", "040"),
    ("wire-1", 0, "QAT", "EGY", "040"),
    ("wire-1", 1, "JPNGOV", "CHNGOV", "114"),
    ("wire-1", 2, "RUS", "UKR", "112"),
    ("wire-1", 3, "TUR", "SWE", "057"),
    ("wire-1", 3, "SWE", "TUR", "057"),
    ("wire-1", 4, "INDGOV", "JPN", "042"),
    ("wire-1", 5, "BRA", "ARG", "111"),
    ("wire-1", 6, "RUS", "UKR", "195"),
    ("wire-1", 7, "RUSGOV", "CHNGOV", "040"),
    ("wire-1", 7, "RUSGOV", "CHN", "051"),
    ("wire-2", 0, "ISRMIL", "LBN", "195"),
    ("wire-2", 1, "RUS", "UKRMIL", "194"),
    ("wire-2", 2, "KOR", "PRK", "111"),
    ("wire-2", 3, "PAKCOP", "PAKCVL", "173"),
    ("wire-2", 4, "ARM", "AZE", "0841"),
    ("wire-2", 4, "AZE", "ARM", "0841"),
    ("wire-2", 6, "KENCOP", "KENCVL", "175"),
];

/// Hand-coded events the coder does not find from these parses (nor from the raw text): the
/// dictionaries' reading, not the tree, differs.
const SPACY_MISSED: &[(&str, u64, &str, &str, &str)] = &[
    // Coded RUSMIL → UKR 190: "attacked" is 190 whatever the weapon.
    ("wire-1", 6, "RUS", "UKR", "195"),
    // Coded 044: "met Xi in Beijing" reads as a meeting at a named place.
    ("wire-1", 7, "RUSGOV", "CHNGOV", "040"),
    // Coded ISR → LBN 190: "aircraft" is no military agent word, "struck" is 190.
    ("wire-2", 0, "ISRMIL", "LBN", "195"),
    // Coded 190: "killed by shelling" is not told apart from other killing.
    ("wire-2", 1, "RUS", "UKRMIL", "194"),
];

fn expected(
    handcoded: &[(&str, u64, &str, &str, &str)],
    missed: &[(&str, u64, &str, &str, &str)],
) -> BTreeSet<Key> {
    handcoded
        .iter()
        .filter(|h| !missed.contains(h))
        .map(|&(d, i, a, b, c)| key(d, i, a, b, c))
        .collect()
}

#[test]
fn spacy_parses_code_the_hand_coded_events() {
    let dir = tempdir();
    let file = fixture(dir.path(), "news-spacy.conllu");
    let run = demarche(
        dir.path(),
        &["code", "--conllu", file, "--date", "2024-05-01"],
        None,
    );
    check(&run, "code --conllu on the spaCy fixture");
    assert_eq!(run.code, Some(0), "stderr: {}", run.stderr);
    assert!(
        run.stderr.contains("2 documents, 15 sentences"),
        "{}",
        run.stderr
    );
    let evs = events(&run);
    check_spans(&evs);
    let got = keys(&evs);
    let want = expected(SPACY_HANDCODED, SPACY_MISSED);
    let missing: Vec<&Key> = want.difference(&got).collect();
    assert!(missing.is_empty(), "missing {missing:?}\ngot {got:?}");
    // "Iran did not attack Saudi Arabia." codes nothing.
    assert!(
        !got.iter().any(|k| k.0 == "wire-2" && k.1 == 5),
        "the negated sentence coded {got:?}"
    );
    // The passive's agent is the source: the ministry summoned the ambassador.
    let summon = evs.iter().find(|e| s(e, "code") == "114").expect("114");
    assert_eq!(s(summon, "source_text"), "the Japanese foreign ministry");
    assert_eq!(s(summon, "target_text"), "The Chinese ambassador");
}

#[test]
fn parses_and_raw_text_agree_on_the_spacy_fixture() {
    let dir = tempdir();
    let file = fixture(dir.path(), "news-spacy.conllu");
    let from_trees = demarche(
        dir.path(),
        &["code", "--conllu", file, "--date", "2024-05-01"],
        None,
    );
    // `--format conllu` without `--parsed` codes the same text with the built-in parser.
    let from_text = demarche(
        dir.path(),
        &["code", "--format", "conllu", file, "--date", "2024-05-01"],
        None,
    );
    check(&from_text, "code --format conllu");
    assert_eq!(from_text.code, Some(0), "stderr: {}", from_text.stderr);
    let (a, b) = (keys(&events(&from_trees)), keys(&events(&from_text)));
    let both = a.intersection(&b).count();
    let either = a.union(&b).count();
    let hand: BTreeSet<Key> = expected(SPACY_HANDCODED, &[]);
    eprintln!(
        "spaCy fixture: {} events from the parses, {} from the raw text, {both} in both; \
         hand-coded found: {} from the parses, {} from the raw text, of {}",
        a.len(),
        b.len(),
        a.intersection(&hand).count(),
        b.intersection(&hand).count(),
        hand.len()
    );
    assert!(
        both * 10 >= either * 8,
        "parses and raw text disagree: only {a:?} vs {b:?}"
    );
    assert!(a.intersection(&hand).count() >= b.intersection(&hand).count());
}

/// The UD fixture's events as coded by hand, and those the coder does not find.
const UD_HANDCODED: &[(&str, u64, &str, &str, &str)] = &[
    ("ud-1", 0, "MEX", "ECU", "111"),
    ("ud-1", 1, "DEU", "IRNGOV", "114"),
    ("ud-1", 2, "SRB", "HUN", "040"),
    ("ud-1", 2, "HUN", "SRB", "040"),
    ("ud-1", 3, "POL", "BLR", "112"),
    ("ud-1", 4, "VNMGOV", "CHNGOV", "040"),
    ("ud-1", 6, "NOR", "SDN", "070"),
    ("ud-1", 6, "DNK", "TCD", "070"),
];
const UD_MISSED: &[(&str, u64, &str, &str, &str)] = &[
    // Coded VNMGOV → CHN 044: "his Chinese counterpart" has no agent word, "met in Hanoi" 044.
    ("ud-1", 4, "VNMGOV", "CHNGOV", "040"),
    // The gapped clause ("and Denmark to Chad") has no verb of its own in the basic tree.
    ("ud-1", 6, "DNK", "TCD", "070"),
];

#[test]
fn ud_parses_code_the_hand_coded_events() {
    let dir = tempdir();
    let file = fixture(dir.path(), "ud-stanza-style.conllu");
    let run = demarche(
        dir.path(),
        &["code", "--conllu", file, "--date", "2024-05-01"],
        None,
    );
    check(&run, "code --conllu on the UD fixture");
    assert_eq!(run.code, Some(0), "stderr: {}", run.stderr);
    let evs = events(&run);
    check_spans(&evs);
    let got = keys(&evs);
    let want = expected(UD_HANDCODED, UD_MISSED);
    let missing: Vec<&Key> = want.difference(&got).collect();
    assert!(missing.is_empty(), "missing {missing:?}\ngot {got:?}");
    // "cannot support" (a multi-word token) is negated: nothing.
    assert!(!got.iter().any(|k| k.1 == 5), "{got:?}");
    // The gapped "and Denmark to Chad" is not read as Norway sending aid to Denmark.
    assert!(!got.iter().any(|k| k.3 == "DNK"), "{got:?}");
    // Sentence 5 has no `# text`: its text is rebuilt from the words and SpaceAfter=No.
    let met = evs
        .iter()
        .find(|e| s(e, "verb_text") == "met")
        .expect("met");
    assert_eq!(
        s(met, "sentence_text"),
        "Vietnam's foreign minister met his Chinese counterpart in Hanoi."
    );
}

#[test]
fn bad_conllu_sentences_are_reported_and_the_rest_coded() {
    let dir = tempdir();
    let row = |cols: &str| cols.replace('|', "\t") + "\n";
    let mut text =
        String::from("# newdoc id = d\n# sent_id = s1\n# text = Russia criticised Japan.\n");
    text += &row("1|Russia|_|PROPN|NNP|_|2|nsubj|_|_");
    text += &row("2|criticised|_|VERB|VBD|_|0|root|_|_");
    text += &row("3|Japan|_|PROPN|NNP|_|2|obj|_|SpaceAfter=No");
    text += &row("4|.|_|PUNCT|.|_|2|punct|_|_");
    text += "\n# sent_id = s2\n# text = China praised Brazil.\n";
    text += &row("1|China|_|PROPN|NNP|_|2|nsubj|_|_");
    text += &row("2|praised|_|VERB|VBD|_|zero|root|_|_");
    text += "\n# sent_id = s3\n# text = India praised Chile.\n";
    text += &row("1|India|_|PROPN|NNP|_|2|nsubj|_|_");
    text += &row("2|praised|_|VERB|VBD|_|0|root|_|_");
    text += &row("3|Chile|_|PROPN|NNP|_|2|obj|_|SpaceAfter=No");
    text += &row("4|.|_|PUNCT|.|_|2|punct|_|_");
    let file = write(dir.path(), "bad.conllu", text);
    let run = demarche(
        dir.path(),
        &["code", "--conllu", file, "--date", "2024-05-01"],
        None,
    );
    check(&run, "a CoNLL-U file with a bad sentence");
    assert_eq!(run.code, Some(1), "stderr: {}", run.stderr);
    assert!(
        run.stderr.contains(
            "bad.conllu:12: error: sentence `s2`: word 2: HEAD `zero`: expected the number of \
             the head word"
        ),
        "{}",
        run.stderr
    );
    // `sentence` counts the coded sentences: the left-out one has none.
    assert_eq!(
        keys(&events(&run)),
        [
            key("d", 0, "RUS", "JPN", "111"),
            key("d", 1, "IND", "CHL", "051")
        ]
        .into_iter()
        .collect()
    );
}

#[test]
fn petrarch_record_with_empty_text_is_coded_from_its_tree() {
    let dir = tempdir();
    let file = write(
        dir.path(),
        "tree-only.xml",
        "<Sentences>\n\
         <Sentence date=\"20240501\" id=\"T-1\" source=\"ours\">\n\
         <Text>\n</Text>\n\
         <Parse>\n\
         (ROOT (S (`` ``) (NP (NNP Russia)) (VP (VBD accused) (NP (NNP Ukraine)) (PP (IN of) \
         (S (VP (VBG shelling) (NP (DT the) (NN plant) (-LRB- -LRB-) (NNP Zaporizhzhia) \
         (-RRB- -RRB-)))))) (. .) ('' '')))\n\
         </Parse>\n\
         </Sentence>\n\
         </Sentences>\n",
    );
    let run = demarche(dir.path(), &["code", "--parsed", file], None);
    check(&run, "a PETRARCH record with an empty <Text>");
    assert_eq!(run.code, Some(0), "stderr: {}", run.stderr);
    let evs = events(&run);
    assert_eq!(
        keys(&evs),
        [key("T-1", 0, "RUS", "UKR", "112")].into_iter().collect()
    );
    check_spans(&evs);
    assert_eq!(
        s(&evs[0], "sentence_text"),
        "\"Russia accused Ukraine of shelling the plant (Zaporizhzhia).\""
    );
}

/// (document, sentence, source, target, code) of every mention in a store.
fn stored_keys(db: &std::path::Path) -> BTreeSet<Key> {
    let store = demarche_store::Store::open(db).expect("open the store");
    store.integrity_check().expect("integrity");
    let mut stmt = store
        .connection()
        .prepare(
            "SELECT m.doc_id, m.sentence, e.source, e.target, e.code \
             FROM mentions m JOIN events e ON e.id = m.event_id",
        )
        .expect("query");
    stmt.query_map([], |r| {
        let sentence: i64 = r.get(1)?;
        Ok((r.get(0)?, sentence as u64, r.get(2)?, r.get(3)?, r.get(4)?))
    })
    .expect("rows")
    .collect::<Result<_, _>>()
    .expect("rows")
}

/// Runs `demarche ARGS --date 2024-05-01` in `dir` and checks it succeeded.
fn ok(dir: &std::path::Path, args: &[&str]) -> crate::Run {
    let mut all = args.to_vec();
    all.extend(["--date", "2024-05-01"]);
    let run = demarche(dir, &all, None);
    check(&run, &args.join(" "));
    assert_eq!(run.code, Some(0), "{args:?}: {}", run.stderr);
    run
}

#[test]
fn ingest_conllu_stores_what_code_conllu_codes_and_search_finds_it() {
    let dir = tempdir();
    let d = dir.path();
    for name in ["news-spacy.conllu", "ud-stanza-style.conllu"] {
        let file = fixture(d, name);
        let db = d.join(format!("{name}.db"));
        let run = ok(
            d,
            &[
                "ingest",
                "--conllu",
                file,
                "--db",
                db.to_str().expect("UTF-8"),
            ],
        );
        assert!(run.stdout.contains("new"), "{}", run.stdout);
        let from_code = keys(&events(&ok(d, &["code", "--conllu", file])));
        assert_eq!(stored_keys(&db), from_code, "{name}");
        // Without --conllu the text is parsed by the built-in parser, as `code` does.
        let text_db = d.join(format!("{name}.text.db"));
        ok(
            d,
            &[
                "ingest",
                "--format",
                "conllu",
                file,
                "--db",
                text_db.to_str().expect("UTF-8"),
            ],
        );
        let from_text = keys(&events(&ok(d, &["code", "--format", "conllu", file])));
        assert_eq!(stored_keys(&text_db), from_text, "{name}");
    }
    // The built-in parser reads the UD fixture's gapped clause ("and Denmark to Chad") as a
    // second object, the parse does not: the option is what made the store.
    let ud = |db: &str| stored_keys(&d.join(db));
    assert_ne!(
        ud("ud-stanza-style.conllu.db"),
        ud("ud-stanza-style.conllu.text.db")
    );
    // The full-text index holds the parsed sentences.
    let store = demarche_store::Store::open(d.join("news-spacy.conllu.db")).expect("open");
    let page = store
        .search_events(&demarche_store::EventQuery {
            text: Some("summoned".into()),
            ..Default::default()
        })
        .expect("search");
    assert_eq!(page.total, 1);
    assert_eq!(page.events[0].code, "114");
}

#[test]
fn explain_conllu_shows_each_sentence_of_a_document_from_its_parse() {
    let dir = tempdir();
    let file = fixture(dir.path(), "news-spacy.conllu");
    let run = demarche(
        dir.path(),
        &[
            "explain",
            "--conllu",
            file,
            "--id",
            "wire-1",
            "--date",
            "2024-05-01",
        ],
        None,
    );
    check(&run, "explain --conllu --id wire-1");
    assert_eq!(run.code, Some(0), "stderr: {}", run.stderr);
    // The eight sentences of wire-1, none of wire-2.
    assert_eq!(run.stdout.matches("=== document wire-1").count(), 8);
    assert!(!run.stdout.contains("wire-2"), "{}", run.stdout);
    // The passive read from spaCy's `nsubjpass`/`agent`: the ministry summoned the ambassador.
    assert!(
        run.stdout.contains("JPNGOV -> CHNGOV 114"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains(
            "sentence: The Chinese ambassador was summoned by the Japanese foreign ministry."
        ),
        "{}",
        run.stdout
    );
    // A document the file does not have.
    let run = demarche(
        dir.path(),
        &["explain", "--conllu", file, "--id", "wire-9"],
        None,
    );
    check(&run, "explain --conllu --id wire-9");
    assert_eq!(run.code, Some(2));
    assert!(
        run.stderr.contains("no document with id `wire-9`"),
        "{}",
        run.stderr
    );
}
