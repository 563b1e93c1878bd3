//! Reference test: every dictionary file shipped with PETRARCH (read from
//! `$DEMARCHE_REFERENCE/petrarch2/dictionaries`) loads with plausible counts and with exactly the
//! error diagnostics listed below, each of which is a real defect of the file.

use demarche_dict::{
    Diagnostic, Dictionaries, PatternDialect, PetrarchPaths, Severity, VerbCode, actors, agents,
    discards, issues, verbs,
};
use std::path::PathBuf;

fn dictionaries_dir() -> Option<PathBuf> {
    match std::env::var_os("DEMARCHE_REFERENCE") {
        Some(root) => Some(PathBuf::from(root).join("petrarch2/dictionaries")),
        None => {
            eprintln!("DEMARCHE_REFERENCE is unset; skipping the reference dictionary test");
            None
        }
    }
}

fn read(dir: &std::path::Path, name: &str) -> String {
    let bytes = std::fs::read(dir.join(name))
        .unwrap_or_else(|e| panic!("{name} must exist under DEMARCHE_REFERENCE: {e}"));
    String::from_utf8_lossy(&bytes).into_owned()
}

fn errors(diags: &[Diagnostic]) -> Vec<String> {
    diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| format!("{}:{}", d.file, d.line.unwrap_or(0)))
        .collect()
}

#[test]
fn every_file_loads_with_only_the_known_defects() {
    let Some(dir) = dictionaries_dir() else {
        return;
    };
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("dictionaries folder must exist")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 11, "files: {names:?}");
    let mut all_errors = Vec::new();
    for name in &names {
        let content = read(&dir, name);
        let diags = if name.ends_with(".verbs.txt") || name == "CAMEO.2.0.txt" {
            verbs::read_verbs(&content, name).1
        } else if name.ends_with(".actors.txt") {
            actors::read_actors(&content, name).1
        } else if name.ends_with(".agents.txt") {
            agents::read_agents(&content, name).1
        } else if name.ends_with(".discards.txt") {
            discards::read_discards(&content, name).1
        } else if name.contains("Issue") {
            issues::read_issues(&content, name).1
        } else {
            panic!("unexpected file {name}");
        };
        for d in &diags {
            eprintln!("{d}");
        }
        all_errors.extend(errors(&diags));
    }
    // Each of these lines really is malformed; the entry (or restriction) is skipped and the
    // rest of the file loads.
    let expected: &[&str] = &[
        "CAMEO.2.0.txt:1735",                  // `- *SCEPTICAL`: no blank after `*`
        "CAMEO.2.0.txt:2374",                  // `(WITH VISIT) VISIT)[042:043]`: stray `)`
        "CAMEO.2.0.txt:7606",                  // `(ON ^) ^)[111]`: stray `)`
        "Phoenix.Countries.actors.txt:2039",   // 7-digit date `9008223`
        "Phoenix.Countries.actors.txt:14190",  // range `20121207-20120802` ends before it starts
        "Phoenix.Countries.actors.txt:15346",  // `+FAEROYENE]_`: stray `]`
        "Phoenix.Countries.actors.txt:18010",  // 9-digit date `201005011`
        "Phoenix.Countries.actors.txt:22508",  // 10-digit date `1920030320`
        "Phoenix.Countries.actors.txt:22519",  // same
        "Phoenix.Countries.actors.txt:31715", // `[MNEGOV 20121204]`: a date without `<`, `>` or `-`
        "Phoenix.Countries.actors.txt:43613", // 10-digit date `1920050709`
        "Phoenix.Countries.actors.txt:51384", // `[USAGOV 19820101]`: a date without `<`, `>` or `-`
        "Phoenix.International.actors.txt:40", // 7-digit date `2004017`
        "Phoenix.IssueCoding.txt:1198",       // two entries run together on one line
        "Phoenix.IssueCoding.txt:2521",       // `aqim [X] [X]`: two codes
        "Phoenix.IssueCoding.txt:2889",       // two entries run together on one line
        "Phoenix.IssueCoding.txt:3053",       // `... [X]*******`: text after the code
        "Phoenix.agents.txt:544",             // `[~ENV}`: unbalanced `[`
        "Phoenix.agents.txt:1927",            // `ISLAMIC_EXTREMIST` without a code
    ];
    assert_eq!(all_errors, expected);
}

fn date(s: &str) -> demarche_model::Date {
    demarche_model::parse_date(s).expect("test date")
}

#[test]
fn phoenix_set_counts_are_plausible() {
    let Some(dir) = dictionaries_dir() else {
        return;
    };
    let (d, diags) = Dictionaries::load_petrarch(&PetrarchPaths::phoenix(&dir));
    eprintln!("{}", d.summary());
    // All the known defects listed above are in the Phoenix set's files.
    assert_eq!(errors(&diags).len(), 19);
    // CAMEO.2.0: 40 synsets defined; 4668 pattern lines, less 3 malformed and 2 naming an
    // undefined synset; 9 transformation lines, one commented out.
    assert_eq!(d.verbs.dialect, PatternDialect::Petrarch2);
    assert_eq!(d.verbs.synsets.len(), 40);
    assert_eq!(d.verbs.patterns.len(), 4663);
    assert_eq!(d.verbs.transformations.len(), 8);
    assert!(d.verbs.blocks.len() > 300 && d.verbs.verbs.len() > 1500);
    assert!(d.actors.len() > 20_000 && d.actors.phrase_count() > 30_000);
    assert!(d.agents.len() > 2_000 && d.agents.form_count() > d.agents.len());
    assert!(d.discards.len() > 400);
    assert!(d.issues.len() > 3_000 && d.issues.categories.len() > 40);
}

#[test]
fn phoenix_lookups_answer_like_the_files_say() {
    let Some(dir) = dictionaries_dir() else {
        return;
    };
    let (d, _) = Dictionaries::load_petrarch(&PetrarchPaths::phoenix(&dir));
    // Actors: a country synonym, and a person with dated codes
    // (`ABDUL_QADIR_`: AFGELI 620101-780427, AFGGOV 780427-780430, then AFGELI).
    let kabul = d
        .actors
        .longest_at(&["Kabul"], 0)
        .expect("KABUL is an Afghanistan synonym");
    assert_eq!(
        d.actors.code_on(kabul.actor, date("2010-01-01")),
        Some("AFG")
    );
    let q = d.actors.exact(&["ABDUL", "QADIR"]).expect("ABDUL_QADIR_");
    assert_eq!(
        d.actors.code_on(q.actor, date("1978-04-28")),
        Some("AFGGOV")
    );
    assert_eq!(
        d.actors.code_on(q.actor, date("1990-01-01")),
        Some("AFGELI")
    );
    let origin = &d.actors.get(q.actor).expect("entry").origin;
    assert_eq!(origin.file.as_ref(), "Phoenix.Countries.actors.txt");
    // Agents: plural generated, suffix placement.
    let m = d.agents.longest_at(&["farmers"], 0).expect("FARMER [~AGR]");
    let farmer = d.agents.get(m.agent).expect("entry");
    assert_eq!(farmer.apply_to("AFG"), "AFGAGR");
    // Verbs: a generated form and an irregular one, with their block codes and patterns.
    let hurried = d.verbs.forms_of("hurried");
    assert!(!hurried.is_empty(), "HURRY {{... HURRIED}}");
    let v = hurried[0].verb;
    assert!(d.verbs.patterns_of(v).count() >= 10);
    assert!(matches!(d.verbs.code_of(v), Some(VerbCode::Null)));
    assert!(!d.verbs.forms_of("accelerated").is_empty());
    // Discards and issues.
    assert!(d.discards.first("He won the Academy Award.").is_some());
    let found = d.issues.find("THE WORLD BANK AND THE IMF MET");
    assert_eq!(found.counts, [("INT_FINANCIAL_INST".to_string(), 2)]);
}

#[test]
fn validation_set_matches_its_documented_shape() {
    let Some(dir) = dictionaries_dir() else {
        return;
    };
    let (d, diags) = Dictionaries::load_petrarch(&PetrarchPaths::validation(&dir));
    assert!(errors(&diags).is_empty());
    assert_eq!(d.verbs.dialect, PatternDialect::Petrarch1);
    // `MET [031:032]`: a code pair.
    let met = d.verbs.forms_of("MET")[0].verb;
    let code = d.verbs.code_of(met).expect("MET has a block code");
    assert_eq!(code.forward().map(|c| c.code.as_str()), Some("031"));
    assert_eq!(code.reverse().map(|c| c.code.as_str()), Some("032"));
    // `SAM_GAMGEE`'s restrictions: the first one that holds wins.
    let sam = d.actors.exact(&["SAM", "GAMGEE"]).expect("SAM_GAMGEE");
    assert_eq!(
        d.actors.code_on(sam.actor, date("2010-01-10")),
        Some("ORCHOB")
    );
    assert_eq!(
        d.actors.code_on(sam.actor, date("2011-01-10")),
        Some("HOBMIL")
    );
    // Substitution set and the `+&TIETYPES` nested synset.
    assert!(d.agents.exact(&["CONGRESSWOMEN"]).is_some());
    let accord = d.verbs.synset_named("&ACCORDSYN").expect("ACCORDSYN");
    let phrases = &d.verbs.synset(accord).expect("synset").phrases;
    assert!(phrases.iter().any(|p| p.words == ["CULTURAL"]));
    assert!(phrases.iter().any(|p| p.words == ["SWISS", "FRANCS"]));
}
