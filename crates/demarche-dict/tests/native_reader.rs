//! Reader tests for our own dictionary format: every construct, and every diagnostic with the
//! file and line it names.

use demarche_dict::native::{self, NativeSet};
use demarche_dict::{Diagnostic, Dictionaries, PatternItem, VerbCode};

fn read(files: &[(&str, &str)]) -> (NativeSet, Vec<Diagnostic>) {
    native::read_sources(files, "")
}

fn compile(files: &[(&str, &str)]) -> Dictionaries {
    let (set, diags) = read(files);
    assert!(diags.is_empty(), "unexpected diagnostics: {diags:?}");
    set.compile()
}

/// Reads `content` as `file` and expects exactly one diagnostic, on `line`, containing `needle`.
#[track_caller]
fn check_diag(file: &str, content: &str, line: usize, needle: &str) {
    let (_, diags) = read(&[(file, content)]);
    assert_eq!(
        diags.len(),
        1,
        "expected one diagnostic for {content:?}, got {diags:?}"
    );
    let d = &diags[0];
    assert_eq!(d.file, file);
    assert_eq!(d.line, Some(line), "line of {d}");
    assert!(
        d.message.contains(needle),
        "`{}` should contain `{needle}`",
        d.message
    );
}

fn verb_forms(d: &Dictionaries, word: &str) -> Vec<(Vec<String>, String)> {
    d.verbs
        .forms_of(word)
        .iter()
        .filter_map(|r| {
            let v = d.verbs.verb(r.verb)?;
            let f = d.verbs.form(*r)?;
            Some((f.words.clone(), v.code.as_ref()?.to_string()))
        })
        .collect()
}

fn words(ws: &[&str]) -> Vec<String> {
    ws.iter().map(|w| w.to_string()).collect()
}

#[test]
fn single_verb_gets_regular_forms_and_its_code() {
    let d = compile(&[("verbs/a.txt", "accuse    112\n")]);
    for form in ["ACCUSE", "ACCUSES", "ACCUSED", "ACCUSING", "accused"] {
        assert_eq!(
            verb_forms(&d, form),
            vec![(words(&[&form.to_uppercase()]), "112".into())]
        );
    }
    let v = &d.verbs.verbs[0];
    assert!(!v.irregular);
    assert_eq!(v.origin.to_string(), "verbs/a.txt:1");
}

#[test]
fn irregular_forms_replace_the_generated_ones() {
    let d = compile(&[("verbs/a.txt", "hold (holds held holding)   ---\n")]);
    let v = &d.verbs.verbs[0];
    assert!(v.irregular);
    let all: Vec<String> = v.forms.iter().map(|f| f.verb().to_string()).collect();
    assert_eq!(all, ["HOLD", "HOLDS", "HELD", "HOLDING"]);
    assert_eq!(v.code, Some(VerbCode::Null));
    assert!(d.verbs.forms_of("HOLDED").is_empty());
}

#[test]
fn multi_word_verbs_mark_the_verb_word() {
    let d = compile(&[(
        "verbs/a.txt",
        "+speak (speaks spoke spoken speaking) highly of   051\nhighly +appreciate   051\n",
    )]);
    assert_eq!(
        verb_forms(&d, "spoke"),
        vec![(words(&["SPOKE", "HIGHLY", "OF"]), "051".into())]
    );
    let appreciate = verb_forms(&d, "appreciates");
    assert_eq!(
        appreciate,
        vec![(words(&["HIGHLY", "APPRECIATES"]), "051".into())]
    );
    let r = d.verbs.forms_of("APPRECIATES")[0];
    assert_eq!(d.verbs.form(r).map(|f| f.verb_word), Some(1));
}

#[test]
fn synonyms_on_one_line_share_the_patterns_below_it() {
    let d = compile(&[(
        "verbs/a.txt",
        "criticize | criticise   111\n    * (for &x)    112\nhail  051\n&x = corruption\n",
    )]);
    for verb in ["CRITICIZE", "CRITICISE"] {
        let id = d.verbs.forms_of(verb)[0].verb;
        assert_eq!(d.verbs.patterns_of(id).count(), 1, "{verb}");
    }
    let hail = d.verbs.forms_of("HAIL")[0].verb;
    assert_eq!(
        d.verbs.patterns_of(hail).count(),
        0,
        "patterns belong to the line above only"
    );
}

#[test]
fn pattern_elements_map_to_the_model() {
    let d = compile(&[(
        "verbs/a.txt",
        "&crime = corruption | {money laundering}\n\
         accuse   112\n\
         \x20   * (of &crime)              1121   # a crime\n\
         \x20   * {joint exercises}        062\n\
         \x20   * wedge (between)          113\n\
         \x20   police * (on alert) $ + % ^  151\n\
         \x20   * (for {&crime probe})    031:032\n",
    )]);
    // The first pattern compiled from each line (later ones are plural variants, tested below).
    let mut p = Vec::new();
    for line in 3..=7 {
        p.push(
            d.verbs
                .patterns
                .iter()
                .find(|x| x.origin.line == line)
                .unwrap()
                .clone(),
        );
    }
    let crime = d.verbs.synset_named("CRIME").unwrap();
    assert_eq!(p[0].tokens[0].item, PatternItem::Verb);
    assert_eq!(
        p[0].tokens[1].item,
        PatternItem::PrepPhrase {
            preposition: Box::new(PatternItem::Word("OF".into())),
            object: vec![PatternItem::Synset(crime)],
        }
    );
    assert_eq!(p[0].code.to_string(), "1121");
    assert_eq!(p[0].comment.as_deref(), Some("a crime"));
    assert_eq!(p[0].origin.line, 3);
    assert_eq!(
        p[1].tokens[1].item,
        PatternItem::NounPhrase(vec![
            PatternItem::Word("JOINT".into()),
            PatternItem::Word("EXERCISES".into())
        ])
    );
    assert_eq!(p[2].tokens[1].item, PatternItem::Word("WEDGE".into()));
    assert!(
        matches!(&p[2].tokens[2].item, PatternItem::PrepPhrase { object, .. } if object.is_empty())
    );
    assert_eq!(p[3].verb_index, 1);
    assert_eq!(p[3].before()[0].item, PatternItem::Word("POLICE".into()));
    let tail: Vec<&PatternItem> = p[3].after().iter().map(|t| &t.item).collect();
    assert_eq!(
        tail[1..],
        [
            &PatternItem::Source,
            &PatternItem::Target,
            &PatternItem::Compound,
            &PatternItem::Skip
        ]
    );
    assert_eq!(p[4].code.forward().map(|c| c.code.as_str()), Some("031"));
    assert_eq!(p[4].code.reverse().map(|c| c.code.as_str()), Some("032"));
}

#[test]
fn pattern_head_nouns_also_match_their_plural() {
    let d = compile(&[(
        "verbs/a.txt",
        "sign  057\n    * agreement  057\n    * {trade deal}  061\n    * talks  040\n    * request (for aid)  020\n",
    )]);
    let shown: Vec<String> = d
        .verbs
        .patterns
        .iter()
        .map(|p| {
            let t: Vec<String> = p.tokens.iter().map(|t| format!("{:?}", t.item)).collect();
            format!("{}: {}", p.origin.line, t.join(" "))
        })
        .collect();
    assert_eq!(
        shown,
        [
            "2: Verb Word(\"AGREEMENT\")",
            "2: Verb Word(\"AGREEMENTS\")",
            "3: Verb NounPhrase([Word(\"TRADE\"), Word(\"DEAL\")])",
            "3: Verb NounPhrase([Word(\"TRADE\"), Word(\"DEALS\")])",
            "4: Verb Word(\"TALKS\")",
            "5: Verb Word(\"REQUEST\") PrepPhrase { preposition: Word(\"FOR\"), object: [Word(\"AID\")] }",
            "5: Verb Word(\"REQUEST\") PrepPhrase { preposition: Word(\"FOR\"), object: [Word(\"AIDS\")] }",
            "5: Verb Word(\"REQUESTS\") PrepPhrase { preposition: Word(\"FOR\"), object: [Word(\"AID\")] }",
            "5: Verb Word(\"REQUESTS\") PrepPhrase { preposition: Word(\"FOR\"), object: [Word(\"AIDS\")] }",
        ]
    );
}

#[test]
fn sets_are_shared_across_files_and_match_regular_plurals() {
    let d = compile(&[
        ("verbs/b.txt", "accuse   112\n    * (of &crime)   1121\n"),
        ("verbs/a.txt", "&crime = bribe | {war crime} | sanctions\n"),
    ]);
    let s = &d.verbs.synsets[0];
    let phrases: Vec<String> = s.phrases.iter().map(|p| p.words.join(" ")).collect();
    assert_eq!(
        phrases,
        ["BRIBE", "BRIBES", "WAR CRIME", "WAR CRIMES", "SANCTIONS"]
    );
    assert_eq!(s.origin.to_string(), "verbs/a.txt:1");
}

#[test]
fn a_verb_in_several_files_is_one_entry_with_all_patterns() {
    let d = compile(&[
        ("verbs/01.txt", "express   ---\n    * concern   110\n"),
        ("verbs/05.txt", "express   ---\n    * gratitude   051\n"),
        ("verbs/09.txt", "express   013\n"),
    ]);
    assert_eq!(d.verbs.verbs.len(), 1);
    let id = d.verbs.forms_of("EXPRESSED")[0].verb;
    let mut codes: Vec<String> = d
        .verbs
        .patterns_of(id)
        .map(|p| p.code.to_string())
        .collect();
    codes.dedup(); // plural variants follow their pattern
    assert_eq!(codes, ["110", "051"]);
    assert_eq!(
        d.verbs.code_of(id).map(|c| c.to_string()),
        Some("013".into())
    );
}

#[test]
fn actors_fixed_lines_and_person_blocks() {
    let d = compile(&[(
        "actors/a.txt",
        "CHN = China | People’s Republic of China | Beijing   # capital\n\
         Vladimir Putin | Putin\n\
         \x20   2000-05-07..2008-05-07  RUSGOV  President of Russia\n\
         \x20   2012-05-07..            RUSGOV  President\n\
         \x20   ..1999-08-08            RUSELI\n\
         Someone Else\n\
         \x20   ..   USAELI\n",
    )]);
    let a = &d.actors;
    assert_eq!(a.len(), 3);
    let china = a
        .exact(&["people's", "republic", "of", "china"])
        .unwrap()
        .actor;
    let day = |s| demarche_model::parse_date(s).unwrap();
    assert_eq!(a.code_on(china, day("2021-11-20")), Some("CHN"));
    let putin = a.exact(&["Putin"]).unwrap().actor;
    assert_eq!(a.code_on(putin, day("2021-11-20")), Some("RUSGOV"));
    assert_eq!(a.code_on(putin, day("2010-01-01")), None);
    assert_eq!(a.code_on(putin, day("1995-01-01")), Some("RUSELI"));
    let other = a.exact(&["someone", "else"]).unwrap().actor;
    assert_eq!(a.code_on(other, day("1995-01-01")), Some("USAELI"));
}

#[test]
fn agents_plurals_and_placement() {
    let d = compile(&[(
        "agents.txt",
        "GOV = foreign ministry | spokesman (spokesmen) | police (-)\nprefix NGO = rights group\n",
    )]);
    let form = |w: &[&str]| {
        let m = d.agents.exact(w)?;
        let e = d.agents.get(m.agent)?;
        Some(e.apply_to("CHN"))
    };
    assert_eq!(form(&["foreign", "ministries"]), Some("CHNGOV".into()));
    assert_eq!(form(&["spokesmen"]), Some("CHNGOV".into()));
    assert_eq!(form(&["spokesmans"]), None);
    assert_eq!(form(&["polices"]), None);
    assert_eq!(form(&["police"]), Some("CHNGOV".into()));
    assert_eq!(form(&["rights", "groups"]), Some("NGOCHN".into()));
}

#[test]
fn discards_scopes_and_stems() {
    let d = compile(&[(
        "discards.txt",
        "sentence: World Cup\nstory: horoscope\nsentence: batsman*\n",
    )]);
    let e = &d.discards.entries;
    assert_eq!(e.len(), 3);
    assert_eq!(e[0].text, "WORLD CUP");
    assert!(e[0].whole_word);
    assert_eq!(e[1].scope, demarche_dict::DiscardScope::Story);
    assert!(!e[2].whole_word);
    assert!(d.discards.first("They won the World Cup final.").is_some());
}

#[test]
fn comments_and_blank_lines_are_ignored() {
    let d = compile(&[(
        "verbs/a.txt",
        "# heading\n\naccuse   112   # trailing\n# between\n    * (of spying)   1125\n",
    )]);
    assert!(d.verbs.patterns.iter().all(|p| p.origin.line == 5));
}

#[test]
fn verb_line_diagnostics() {
    check_diag("verbs/a.txt", "accuse\n", 1, "followed by a CAMEO code");
    check_diag(
        "verbs/a.txt",
        "\naccuse  xyz\n",
        2,
        "expected a CAMEO event code",
    );
    check_diag(
        "verbs/a.txt",
        "accuse  999\n",
        1,
        "unknown CAMEO event code `999`",
    );
    check_diag(
        "verbs/a.txt",
        "    * wedge   113\n",
        1,
        "pattern line before any verb line",
    );
    check_diag(
        "verbs/a.txt",
        "+speak +highly of  051\n",
        1,
        "more than one verb word marked",
    );
    check_diag("verbs/a.txt", "speak highly of  051\n", 1, "needs `+`");
    check_diag(
        "verbs/a.txt",
        "+speak highly (highlier) of  051\n",
        1,
        "must follow the verb word",
    );
    check_diag("verbs/a.txt", "hold ()  040\n", 1, "empty forms");
    check_diag("verbs/a.txt", "hold (held  040\n", 1, "unbalanced `(`");
    check_diag("verbs/a.txt", "hold (held) (holds)  040\n", 1, "only one");
    check_diag(
        "verbs/a.txt",
        "(held) hold  040\n",
        1,
        "must follow the verb word",
    );
    check_diag("verbs/a.txt", "ho!d  040\n", 1, "unexpected `ho!d`");
    check_diag(
        "verbs/a.txt",
        "hold (he!d)  040\n",
        1,
        "unexpected character in form",
    );
    check_diag(
        "verbs/a.txt",
        "hold |  | meet  040\n",
        1,
        "empty verb between `|`",
    );
}

#[test]
fn pattern_line_diagnostics() {
    let p = |pattern: &str| format!("accuse  112\n    {pattern}\n");
    check_diag(
        "verbs/a.txt",
        &p("(of spying)  1125"),
        2,
        "pattern has no `*`",
    );
    check_diag(
        "verbs/a.txt",
        &p("* * (of spying)  1125"),
        2,
        "more than one `*`",
    );
    check_diag(
        "verbs/a.txt",
        &p("* {joint exercises  062"),
        2,
        "unbalanced `{`",
    );
    check_diag("verbs/a.txt", &p("* (of spying  1125"), 2, "expected `)`");
    check_diag("verbs/a.txt", &p("* spying)  1125"), 2, "unbalanced `)`");
    check_diag("verbs/a.txt", &p("* spying}  1125"), 2, "unbalanced `}`");
    check_diag(
        "verbs/a.txt",
        &p("* (of war crimes)  1124"),
        2,
        "after the preposition's object",
    );
    check_diag(
        "verbs/a.txt",
        &p("* {war (of words)}  111"),
        2,
        "holds words and `&sets` only",
    );
    check_diag("verbs/a.txt", &p("* {}  111"), 2, "empty `{}`");
    check_diag(
        "verbs/a.txt",
        &p("* (of &nothing)  111"),
        2,
        "unknown noun set `&nothing`",
    );
    check_diag("verbs/a.txt", &p("* ()  111"), 2, "expected a preposition");
    check_diag("verbs/a.txt", &p("* sp!ing  111"), 2, "unexpected `sp!ing`");
    check_diag(
        "verbs/a.txt",
        &p("* spying  12345"),
        2,
        "expected a CAMEO event code",
    );
    // The column points at the problem.
    let (_, diags) = read(&[("verbs/a.txt", "accuse  112\n    * (of spying  1125\n")]);
    assert_eq!(diags[0].column, Some(13));
}

#[test]
fn set_diagnostics() {
    check_diag("verbs/a.txt", "&crime corruption\n", 1, "found no `=`");
    check_diag(
        "verbs/a.txt",
        "&cri me = corruption\n",
        1,
        "expected a set name",
    );
    check_diag(
        "verbs/a.txt",
        "&crime = money laundering\n",
        1,
        "has several words",
    );
    check_diag(
        "verbs/a.txt",
        "&crime = bribery | | fraud\n",
        1,
        "empty member",
    );
    check_diag(
        "verbs/a.txt",
        "&crime = br!bery\n",
        1,
        "unexpected character in set member",
    );
    check_diag("verbs/a.txt", "&crime = \n", 1, "empty member");
    let (_, diags) = read(&[
        ("verbs/a.txt", "&crime = fraud\n"),
        ("verbs/b.txt", "\n&crime = bribery\n"),
    ]);
    assert_eq!(diags.len(), 1);
    assert_eq!(
        (diags[0].file.as_str(), diags[0].line),
        ("verbs/b.txt", Some(2))
    );
    assert!(
        diags[0]
            .message
            .contains("defined twice (first at verbs/a.txt:1)")
    );
}

#[test]
fn actor_diagnostics() {
    check_diag("actors/a.txt", "chn = China\n", 1, "expected an actor code");
    check_diag("actors/a.txt", "CHN = China | | PRC\n", 1, "empty name");
    check_diag(
        "actors/a.txt",
        "    2000-01-01..  RUSGOV\n",
        1,
        "outside a person block",
    );
    check_diag(
        "actors/a.txt",
        "Vladimir Putin\nCHN = China\n",
        1,
        "person has no role lines",
    );
    check_diag(
        "actors/a.txt",
        "Putin\n    2000-01-01  RUSGOV\n",
        2,
        "expected a date range",
    );
    check_diag(
        "actors/a.txt",
        "Putin\n    2000-13-01..  RUSGOV\n",
        2,
        "not a calendar date",
    );
    check_diag(
        "actors/a.txt",
        "Putin\n    2000-1-1..  RUSGOV\n",
        2,
        "expected a date as YYYY-MM-DD",
    );
    check_diag(
        "actors/a.txt",
        "Putin\n    2000-01-01..\n",
        2,
        "expected a role line",
    );
    check_diag(
        "actors/a.txt",
        "Putin\n    2000-01-01..  rusgov\n",
        2,
        "expected an actor code",
    );
}

#[test]
fn agent_and_discard_diagnostics() {
    check_diag("agents.txt", "GOV government\n", 1, "found no `=`");
    check_diag(
        "agents.txt",
        "gov = government\n",
        1,
        "expected an agent code",
    );
    check_diag(
        "agents.txt",
        "GOV = spokesman (spokesmen\n",
        1,
        "unbalanced `(`",
    );
    check_diag("agents.txt", "GOV = spokesman ()\n", 1, "empty `()`");
    check_diag(
        "agents.txt",
        "GOV = minister\n    MIL = army\n",
        2,
        "unexpected indented line",
    );
    check_diag("agents.txt", "GOV = minister | \n", 1, "empty name");
    check_diag(
        "discards.txt",
        "world cup\n",
        1,
        "expected `sentence: phrase`",
    );
    check_diag("discards.txt", "story:  \n", 1, "expected a phrase");
    let (_, diags) = read(&[("notes.txt", "anything\n")]);
    assert_eq!(diags.len(), 1);
    assert_eq!(diags[0].severity, demarche_dict::Severity::Warning);
    assert!(diags[0].message.contains("not a dictionary file"));
}

#[test]
fn a_bad_line_does_not_stop_the_rest() {
    let (set, diags) = read(&[(
        "verbs/a.txt",
        "accuse  112\n    * (of spying  1125\n    * (of treason)  1125\nbad line\nhail  051\n",
    )]);
    assert_eq!(diags.len(), 2);
    let d = set.compile();
    assert_eq!(d.verbs.verbs.len(), 2);
    let lines: std::collections::BTreeSet<usize> =
        d.verbs.patterns.iter().map(|p| p.origin.line).collect();
    assert_eq!(lines.into_iter().collect::<Vec<_>>(), [3]);
}

#[test]
fn load_dir_reads_files_and_reports_a_missing_directory() {
    let dir = std::env::temp_dir().join(format!("demarche-native-{}", std::process::id()));
    let verbs = dir.join("verbs");
    std::fs::create_dir_all(&verbs).unwrap();
    std::fs::write(verbs.join("a.txt"), "hail  051\n").unwrap();
    std::fs::write(dir.join("README.md"), "not read").unwrap();
    let (d, diags) = native::load_dir(&dir);
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(d.verbs.verbs.len(), 1);
    assert!(d.verbs.verbs[0].origin.file.ends_with("verbs/a.txt"));
    std::fs::remove_dir_all(&dir).unwrap();
    let (_, diags) = native::load_dir(&dir);
    assert_eq!(diags.len(), 1);
    assert!(
        diags[0]
            .message
            .contains("cannot read dictionary directory")
    );
}

#[test]
fn regression_unicode_space_before_the_code_panicked() {
    // An ideographic space (3 bytes) before the code once split the line inside a character.
    let d = compile(&[("verbs/a.txt", "hail\u{3000}051\n")]);
    assert_eq!(
        verb_forms(&d, "HAILED"),
        vec![(words(&["HAILED"]), "051".into())]
    );
}

#[test]
fn fixed_code_names_keep_the_written_case_and_skip_person_blocks() {
    let content = "# countries\nCHN = China | People's Republic of China | PRC   # note\n\
                   Vladimir Putin | Putin\n    2012-05-07..  RUSGOV  President of Russia\n\
                   USA = United States |  | US\n";
    let lines = demarche_dict::native::fixed_code_names(content);
    assert_eq!(
        lines,
        vec![
            ("CHN", vec!["China", "People's Republic of China", "PRC"]),
            ("USA", vec!["United States", "US"]),
        ]
    );
    // The built-in country file is there by its path, and its first line reads.
    let countries = demarche_dict::native::default_source("actors/countries.txt").unwrap();
    assert_eq!(
        demarche_dict::native::fixed_code_names(countries)[0].0,
        "AFG"
    );
    assert!(demarche_dict::native::default_source("actors/nowhere.txt").is_none());
}
