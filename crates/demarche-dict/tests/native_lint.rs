//! `demarche dict lint` checks: each problem kind found in a tiny bad file we write, and the
//! shipped dictionaries clean.

use demarche_dict::native::{self, Problem, lint::check_actor_code};

fn problems(files: &[(&str, &str)]) -> Vec<Problem> {
    let (set, diags) = native::read_sources(files, "");
    native::lint(&set, &diags)
}

/// Expects exactly one problem, at `file:line`, containing `needle`.
#[track_caller]
fn check(files: &[(&str, &str)], file: &str, line: usize, needle: &str) {
    let ps = problems(files);
    assert_eq!(ps.len(), 1, "expected one problem, got {ps:#?}");
    assert_eq!(
        (ps[0].file.as_str(), ps[0].line),
        (file, Some(line)),
        "{}",
        ps[0]
    );
    assert!(
        ps[0].message.contains(needle),
        "`{}` should contain `{needle}`",
        ps[0]
    );
}

#[track_caller]
fn clean(files: &[(&str, &str)]) {
    let ps = problems(files);
    assert!(ps.is_empty(), "expected no problems, got {ps:#?}");
}

#[test]
fn problems_print_as_file_line_message() {
    let ps = problems(&[("verbs/a.txt", "hail  051\nhail  051\n")]);
    assert_eq!(
        ps[0].to_string(),
        "verbs/a.txt:2: duplicate verb `hail` with code 051 (also at verbs/a.txt:1)"
    );
}

#[test]
fn duplicate_and_conflicting_verbs() {
    check(
        &[
            ("verbs/a.txt", "hail  051\n"),
            ("verbs/b.txt", "hail  051\n"),
        ],
        "verbs/b.txt",
        1,
        "duplicate verb `hail`",
    );
    check(
        &[("verbs/a.txt", "hail  051\n\nhail  111\n")],
        "verbs/a.txt",
        3,
        "conflicting codes for verb `hail`: 111 here, 051 at verbs/a.txt:1",
    );
    // `---` lines add patterns without giving the bare verb a second code.
    clean(&[(
        "verbs/a.txt",
        "express  ---\n    * concern  110\nexpress  013\n",
    )]);
}

#[test]
fn unreachable_patterns() {
    check(
        &[(
            "verbs/a.txt",
            "accuse  112\n    * (of spying)  1125\n    * (of spying)  1125\n",
        )],
        "verbs/a.txt",
        3,
        "unreachable pattern `* (of spying)` of verb `accuse`: identical earlier pattern at verbs/a.txt:2",
    );
    // Shadowed through a set in another file of the same verb.
    check(
        &[
            (
                "verbs/a.txt",
                "&spy = spying | treason\naccuse  112\n    * (of &spy)  1125\n",
            ),
            ("verbs/b.txt", "accuse  ---\n    * (of treason)  1125\n"),
        ],
        "verbs/b.txt",
        2,
        "unreachable pattern",
    );
    // Partly covered is still reachable.
    clean(&[(
        "verbs/a.txt",
        "&spy = spying | treason\naccuse  112\n    * (of spying)  1125\n    * (of &spy)  1125\n",
    )]);
    // The same pattern under different verbs is fine.
    clean(&[(
        "verbs/a.txt",
        "accuse  112\n    * (of spying)  1125\nblame  112\n    * (of spying)  1125\n",
    )]);
}

#[test]
fn conflicting_pattern_codes() {
    check(
        &[(
            "verbs/a.txt",
            "&relief = aid | {debt relief}\nask  020\n    * aid  023\n    * &relief  0231\n",
        )],
        "verbs/a.txt",
        4,
        "conflicting codes for pattern `* aid` of verb `ask`: 0231 here, 023 at verbs/a.txt:3",
    );
}

#[test]
fn unknown_event_codes_come_from_the_reader() {
    check(
        &[("verbs/a.txt", "hail  0519\n")],
        "verbs/a.txt",
        1,
        "unknown CAMEO event code `0519`",
    );
}

#[test]
fn unused_sets_and_duplicate_members() {
    check(
        &[("verbs/a.txt", "&spy = spying\nhail  051\n")],
        "verbs/a.txt",
        1,
        "noun set `&spy` is never used",
    );
    check(
        &[(
            "verbs/a.txt",
            "&spy = spying | Spying\naccuse  112\n    * (of &spy)  1125\n",
        )],
        "verbs/a.txt",
        1,
        "duplicate member `spying`",
    );
}

#[test]
fn agents() {
    check(
        &[("agents.txt", "GOV = minister\nGOV = ministers (-)\n")],
        "agents.txt",
        2,
        "duplicate agent name `ministers`",
    );
    check(
        &[("agents.txt", "GOV = official\nMIL = officials (-)\n")],
        "agents.txt",
        2,
        "conflicting codes for agent name `officials`: MIL here, GOV at agents.txt:1",
    );
    check(
        &[("agents.txt", "XYZ = wizard\n")],
        "agents.txt",
        1,
        "unknown agent code `XYZ`",
    );
}

#[test]
fn actor_codes() {
    assert_eq!(check_actor_code("CHN"), Ok(()));
    assert_eq!(check_actor_code("RUSGOV"), Ok(()));
    assert_eq!(check_actor_code("USAASM"), Ok(()));
    assert_eq!(check_actor_code("USAASMGOV"), Ok(()));
    assert_eq!(check_actor_code("WST"), Ok(()));
    assert_eq!(check_actor_code("IGOWSTNAT"), Ok(()));
    assert!(check_actor_code("CHNG").unwrap_err().contains("malformed"));
    assert!(check_actor_code("CH1").unwrap_err().contains("malformed"));
    assert!(
        check_actor_code("XYZ")
            .unwrap_err()
            .contains("`XYZ` is not a country")
    );
    assert!(
        check_actor_code("CHNXYZ")
            .unwrap_err()
            .contains("unknown role code `XYZ`")
    );
    // A group's own code may follow a role, but not stand in for it.
    assert_eq!(check_actor_code("PSEREBISJ"), Ok(()));
    assert!(
        check_actor_code("PSEISJREB")
            .unwrap_err()
            .contains("unknown role code `ISJ`")
    );
    check(
        &[("actors/a.txt", "CHNX = China\n")],
        "actors/a.txt",
        1,
        "malformed actor code `CHNX`",
    );
    check(
        &[("actors/a.txt", "Someone\n    ..  QQQGOV\n")],
        "actors/a.txt",
        2,
        "unknown actor code `QQQGOV`",
    );
}

#[test]
fn person_date_ranges() {
    check(
        &[(
            "actors/a.txt",
            "Someone\n    2010-01-01..2005-01-01  USAGOV\n",
        )],
        "actors/a.txt",
        2,
        "inverted date range 2010-01-01..2005-01-01",
    );
    check(
        &[(
            "actors/a.txt",
            "Someone\n    2000-01-01..2010-01-01  USAGOV\n    2009-01-01..  USAELI\n",
        )],
        "actors/a.txt",
        3,
        "role 2009-01-01.. overlaps role 2000-01-01..2010-01-01 at actors/a.txt:2",
    );
    check(
        &[(
            "actors/a.txt",
            "Someone\n    ..2010-01-01  USAGOV\n    2005-01-01..2006-01-01  USAELI\n",
        )],
        "actors/a.txt",
        3,
        "overlaps",
    );
    // A handover day (one role ends the day the next begins) is not an overlap.
    clean(&[(
        "actors/a.txt",
        "Someone\n    2000-01-01..2010-01-01  USAGOV\n    2010-01-01..  USAELI\n",
    )]);
}

#[test]
fn actor_names() {
    check(
        &[
            ("actors/a.txt", "CHN = China\n"),
            ("actors/b.txt", "CHN = china\n"),
        ],
        "actors/b.txt",
        1,
        "duplicate actor name `china` (also at actors/a.txt:1)",
    );
    check(
        &[("actors/a.txt", "GEO = Georgia\nUSA = Georgia\n")],
        "actors/a.txt",
        2,
        "conflicting codes for actor name `georgia`: USA here, GEO at actors/a.txt:1",
    );
    check(
        &[("actors/a.txt", "CHN = China | CHINA\n")],
        "actors/a.txt",
        1,
        "listed twice in the same entry",
    );
}

#[test]
fn discards() {
    check(
        &[("discards.txt", "sentence: world cup\nstory: World Cup\n")],
        "discards.txt",
        2,
        "duplicate discard `world cup`",
    );
}

#[test]
fn shipped_dictionaries_are_clean() {
    let (set, diags) = native::default_set();
    let ps: Vec<String> = native::lint(&set, &diags)
        .iter()
        .map(|p| p.to_string())
        .collect();
    assert!(
        ps.is_empty(),
        "lint problems in the shipped dictionaries:\n{}",
        ps.join("\n")
    );
}
