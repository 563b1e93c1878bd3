//! Stage tests for the coder with tiny dictionaries written here: one `check` helper, many
//! small cases (actors, dates, agents, compounds, verbs, patterns, passive voice, options,
//! discards, evidence), plus robustness on hostile trees.

use demarche_coder::{Coder, Options, Rejection};
use demarche_dict::{Dictionaries, PetrarchSources};
use demarche_model::{Date, Tree, parse_date};

const VERBS: &str = "\
&MONEY
+DOLLARS
+GOLD COINS

--- ATTACK [190] ---
ATTACK
- * WITH TANKS [195]
- $ HAS * +  [193]

--- MEET [031:032] ---
MEET {MET MEETS MEETING}

--- OPPOSE [112] ---
OPPOSE

--- GIVE [070] ---
GIVE {GAVE GIVEN GIVES GIVING}
- * &MONEY [071]

--- FREE [066] ---
FREE
- + * FROM $ [067]

--- IGNORE [---] ---
IGNORE

--- SEAL [---] ---
+CORDON_OFF {+CORDONED_OFF +CORDONS_OFF} [172]

--- SAY [010] ---
SAY {SAID SAYS}

--- VISIT [042] ---
VISIT

--- SIGN [057] ---
SIGN {SIGNED SIGNS}
";

const ACTORS: &str = "\
ARNOR [ARN]
+ARNORIAN
GONDOR [GON]
+MINAS_TIRITH
MORDOR [MOR]
BREE [BRE]
US [USA]
SAM_GAMGEE
\t[HOBCIV <20080119]
\t[HOBGOV 20080120-20121231]
\t[HOB]
";

const AGENTS: &str = "\
POLICE {} [~COP]
GOVERNMENT [~GOV]
MINISTER [~GOV]
SOLDIER [~MIL]
MSF {} [NGO~]
";

const DISCARDS: &str = "BASEBALL\n+TYPHOON\n";

fn dicts() -> Dictionaries {
    let (d, diags) = Dictionaries::from_petrarch_sources(PetrarchSources {
        verbs: Some(("t.verbs", VERBS)),
        actors: &[("t.actors", ACTORS)],
        agents: Some(("t.agents", AGENTS)),
        discards: Some(("t.discards", DISCARDS)),
        issues: None,
    });
    let errors: Vec<_> = diags
        .iter()
        .filter(|d| d.severity == demarche_model::Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    d
}

fn date(s: &str) -> Date {
    parse_date(s).unwrap()
}

/// Codes `ptb` (its words joined by blanks are the text) and compares "SRC TGT CODE" triples.
#[track_caller]
fn check_with(ptb: &str, on: &str, opts: &Options, expected: &[&str]) {
    let d = dicts();
    let coder = Coder::new(&d);
    let tree = Tree::parse_ptb(ptb).unwrap();
    let text = tree.words_under(tree.root());
    let tree = tree.aligned_to(&text);
    let coded = coder.code(&tree, &text, date(on), opts);
    let mut got: Vec<String> = coded
        .events
        .iter()
        .map(|e| format!("{} {} {}", e.source, e.target, e.code))
        .collect();
    got.sort();
    let mut want: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
    want.sort();
    assert_eq!(got, want, "sentence: {text}");
}

#[track_caller]
fn check(ptb: &str, expected: &[&str]) {
    check_with(ptb, "2010-01-01", &Options::default(), expected);
}

#[test]
fn subject_verb_object() {
    check(
        "(S (NP (NNP Arnor)) (VP (VBD attacked) (NP (NNP Gondor))) (. .))",
        &["ARN GON 190"],
    );
}

#[test]
fn a_pronoun_is_never_an_actor_name() {
    // "us" the pronoun is not "US" the country, though names match case-insensitively.
    check(
        "(S (NP (NNP Arnor)) (VP (VBD attacked) (NP (PRP us))) (. .))",
        &[],
    );
    check(
        "(S (NP (NNP Arnor)) (VP (VBD attacked) (NP (NNP US))) (. .))",
        &["ARN USA 190"],
    );
}

#[test]
fn verb_not_in_dictionary_codes_nothing() {
    check(
        "(S (NP (NNP Arnor)) (VP (VBD praised) (NP (NNP Gondor))) (. .))",
        &[],
    );
}

#[test]
fn multi_word_actor_synonym() {
    check(
        "(S (NP (NNP Arnor)) (VP (VBD attacked) (NP (NNP Minas) (NNP Tirith))) (. .))",
        &["ARN GON 190"],
    );
}

#[test]
fn date_restrictions_choose_the_code() {
    let t = "(S (NP (NNP Sam) (NNP Gamgee)) (VP (VBD attacked) (NP (NNP Mordor))) (. .))";
    let o = Options::default();
    check_with(t, "2008-01-19", &o, &["HOBCIV MOR 190"]);
    check_with(t, "2010-06-01", &o, &["HOBGOV MOR 190"]);
    check_with(t, "2013-01-01", &o, &["HOB MOR 190"]);
}

#[test]
fn agents_combine_with_actors() {
    check(
        "(S (NP (NNP Arnor)) (VP (VBD attacked) (NP (NNP Gondor) (NNS police))) (. .))",
        &["ARN GONCOP 190"],
    );
    check(
        "(S (NP (NNP MSF) (NNP Arnor) (NN minister)) (VP (VBD attacked) (NP (NNP Gondor))) (. .))",
        &["NGOARNGOV GON 190"],
    );
    // The possessive is not a word of the actor: "Gondor's government" is GONGOV.
    check(
        "(S (NP (NNP Arnor)) (VP (VBD attacked) (NP (NP (NNP Gondor) (POS 's)) (NN government))) (. .))",
        &["ARN GONGOV 190"],
    );
}

#[test]
fn agent_only_phrase_is_an_anonymous_actor() {
    check(
        "(S (NP (NNS Soldiers)) (VP (VBD attacked) (NP (NNP Gondor))) (. .))",
        &["---MIL GON 190"],
    );
}

#[test]
fn agent_distributes_over_a_compound_of_phrase() {
    check(
        "(S (NP (NP (NNS Soldiers)) (PP (IN from) (NP (NNP Arnor) (CC and) (NNP Bree)))) (VP (VBD attacked) (NP (NNP Gondor))) (. .))",
        &["ARNMIL GON 190", "BREMIL GON 190"],
    );
}

#[test]
fn compound_subject_and_object_give_every_pair() {
    check(
        "(S (NP (NNP Arnor) (CC and) (NNP Bree)) (VP (VBD attacked) (NP (NNP Gondor) (CC and) (NNP Mordor))) (. .))",
        &["ARN GON 190", "ARN MOR 190", "BRE GON 190", "BRE MOR 190"],
    );
}

#[test]
fn pattern_lower_words() {
    check(
        "(S (NP (NNP Arnor)) (VP (VBD attacked) (NP (NNP Gondor)) (PP (IN with) (NP (NNS tanks)))) (. .))",
        &["ARN GON 195"],
    );
}

#[test]
fn pattern_source_and_target_markers() {
    // `- + * FROM $`: the phrase before the verb is the target, the one after FROM the source.
    check(
        "(S (NP (NNP Bree)) (VP (VBD was) (VP (VBN freed) (PP (IN from) (NP (NNP Mordor))))) (. .))",
        &["MOR BRE 067"],
    );
}

#[test]
fn synset_in_pattern_with_a_multi_word_member() {
    check(
        "(S (NP (NNP Arnor)) (VP (VBD gave) (NP (JJ gold) (NNS coins)) (PP (TO to) (NP (NNP Gondor)))) (. .))",
        &["ARN GON 071"],
    );
    check(
        "(S (NP (NNP Arnor)) (VP (VBD gave) (NP (NNS horses)) (PP (TO to) (NP (NNP Gondor)))) (. .))",
        &["ARN GON 070"],
    );
}

#[test]
fn code_pair_gives_forward_and_reverse_events() {
    check(
        "(S (NP (NNP Arnor)) (VP (VBD met) (NP (NNP Gondor))) (. .))",
        &["ARN GON 031", "GON ARN 032"],
    );
}

#[test]
fn null_code_gives_no_event() {
    check(
        "(S (NP (NNP Arnor)) (VP (VBD ignored) (NP (NNP Gondor))) (. .))",
        &[],
    );
}

#[test]
fn multi_word_verb() {
    check(
        "(S (NP (NNP Arnor)) (VP (VBD cordoned) (PRT (RP off)) (NP (NNP Gondor))) (. .))",
        &["ARN GON 172"],
    );
}

#[test]
fn passive_voice_swaps_source_and_target() {
    check(
        "(S (NP (NNP Gondor)) (VP (VBD was) (VP (VBN opposed) (PP (IN by) (NP (NNP Arnor))))) (. .))",
        &["ARN GON 112"],
    );
}

#[test]
fn require_dyad_drops_null_targets() {
    let t = "(S (NP (NNP Arnor)) (VP (VBD attacked) (NP (DT the) (NN village))) (. .))";
    check(t, &[]);
    let o = Options {
        require_dyad: false,
        ..Options::default()
    };
    check_with(t, "2010-01-01", &o, &["ARN --- 190"]);
}

#[test]
fn new_actors_from_short_uncoded_phrases() {
    let t = "(S (NP (DT The) (NNP Ministry) (PP (IN of) (NP (NNP Magic)))) (VP (VBD attacked) (NP (NNP Gondor))) (. .))";
    check(t, &[]);
    let o = Options {
        new_actor_length: 4,
        ..Options::default()
    };
    check_with(t, "2010-01-01", &o, &["\"THE MINISTRY OF MAGIC\" GON 190"]);
    let o3 = Options {
        new_actor_length: 3,
        ..Options::default()
    };
    check_with(t, "2010-01-01", &o3, &[]);
}

#[test]
fn terminal_comma_clause_is_removed() {
    let t = "(S (S (NP (NNP Arnor)) (VP (VBD attacked) (NP (NNP Gondor)))) (, ,) (NP (NNP Bree)) (VP (VBD said) (NP (NNP Mordor))) (. .))";
    check(t, &["ARN GON 190"]);
    let o = Options {
        comma_emax: 0,
        ..Options::default()
    };
    check_with(t, "2010-01-01", &o, &["ARN GON 190", "BRE MOR 010"]);
}

#[test]
fn verbs_inside_a_coded_verb_phrase_are_not_coded_again() {
    check(
        "(S (NP (NNP Bree)) (VP (VBD said) (SBAR (S (NP (NNP Arnor)) (VP (VBD attacked) (NP (NNP Gondor)))))) (. .))",
        &["BRE ARN 010"],
    );
}

#[test]
fn options_by_name() {
    let mut o = Options::default();
    assert_eq!(o.set("require_dyad", "FALSE"), Ok(true));
    assert!(!o.require_dyad);
    assert_eq!(o.set("comma_emax", "0"), Ok(true));
    assert_eq!(o.comma_emax, 0);
    assert_eq!(o.set("stop_on_error", "True"), Ok(false));
    assert!(o.set("comma_min", "many").is_err());
    assert!(o.set("require_dyad", "perhaps").is_err());
}

#[test]
fn discards_reject_sentences_and_stories() {
    let d = dicts();
    let coder = Coder::new(&d);
    let code = |ptb: &str| {
        let tree = Tree::parse_ptb(ptb).unwrap();
        let text = tree.words_under(tree.root());
        let tree = tree.aligned_to(&text);
        coder.code(&tree, &text, date("2010-01-01"), &Options::default())
    };
    let c = code("(S (NP (NNP Arnor)) (VP (VBD attacked) (NP (NN baseball) (NNS fans))))");
    assert!(
        matches!(c.rejected, Some(Rejection::SentenceDiscard { .. })),
        "{c:?}"
    );
    assert!(c.events.is_empty());
    let c = code("(S (NP (DT A) (NN typhoon)) (VP (VBD attacked) (NP (NNP Gondor))))");
    assert_eq!(
        c.rejected.as_ref().map(|r| r.error_name()),
        Some("storydiscard")
    );
    let c = code(
        "(S (NP (NNP CEBU) (NNP CITY)) (: :) (NP (NNP Arnor)) (VP (VBD attacked) (NP (NNP Gondor))))",
    );
    assert_eq!(c.rejected, Some(Rejection::Dateline));
}

#[test]
fn evidence_spans_and_rules_point_into_the_text_and_dictionaries() {
    let d = dicts();
    let coder = Coder::new(&d);
    let text = "Yesterday the Arnorian army attacked Minas Tirith.";
    let tree = Tree::parse_ptb(
        "(S (NP-TMP (NN Yesterday)) (NP (DT the) (JJ Arnorian) (NN army)) (VP (VBD attacked) (NP (NNP Minas) (NNP Tirith))) (. .))",
    )
    .unwrap()
    .aligned_to(text);
    let c = coder.code(&tree, text, date("2010-01-01"), &Options::default());
    assert_eq!(c.events.len(), 1, "{c:?}");
    let e = &c.events[0];
    let slice = |s: Option<demarche_model::Span>| s.and_then(|s| s.slice(text)).unwrap_or("");
    assert_eq!((e.source.as_str(), e.target.as_str()), ("ARN", "GON"));
    assert_eq!(slice(e.source_span), "the Arnorian army");
    assert_eq!(slice(e.target_span), "Minas Tirith");
    assert_eq!(slice(e.verb_span), "attacked");
    let files: Vec<(&str, usize)> = e.rules.iter().map(|r| (r.file.as_str(), r.line)).collect();
    assert!(files.contains(&("t.verbs", 6)), "{files:?}");
    assert!(files.contains(&("t.actors", 1)), "{files:?}");
    assert!(files.contains(&("t.actors", 3)), "{files:?}");
}

#[test]
fn trace_names_actors_and_the_pattern_that_fired() {
    let d = dicts();
    let coder = Coder::new(&d);
    let tree = Tree::parse_ptb(
        "(S (NP (NNP Arnor)) (VP (VBD attacked) (NP (NNP Gondor)) (PP (IN with) (NP (NNS tanks)))))",
    )
    .unwrap();
    let text = tree.words_under(tree.root());
    let tree = tree.aligned_to(&text);
    let o = Options {
        trace: true,
        ..Options::default()
    };
    let c = coder.code(&tree, &text, date("2010-01-01"), &o);
    let t = c.trace.expect("trace requested");
    let codes: Vec<&str> = t
        .actors
        .iter()
        .flat_map(|a| a.codes.iter().map(String::as_str))
        .collect();
    assert_eq!(codes, ["ARN", "GON", "---"]);
    let v = &t.verbs[0];
    let (rule, text) = v.pattern.as_ref().expect("a pattern fired");
    assert_eq!(rule.line, 7);
    assert_eq!(text, "* WITH TANKS [195]");
    assert_eq!(v.code, "195");
}

#[test]
fn hostile_trees_do_not_panic() {
    let d = dicts();
    let coder = Coder::new(&d);
    let day = date("2010-01-01");
    let o = Options::default();
    // 100,000 levels of nested noun phrases, and of verb phrases.
    for label in ["NP", "VP", "S"] {
        let depth = 100_000;
        let mut s = format!("({label} ").repeat(depth);
        s.push_str("(VBD attacked) (NNP Gondor)");
        s.push_str(&")".repeat(depth));
        // Past the reader's limits on purpose: the coder itself must not overflow.
        let tree = Tree::parse_ptb_with(&s, demarche_model::TreeLimits::NONE).unwrap();
        let text = "attacked Gondor";
        let c = coder.code(&tree.aligned_to(text), text, day, &o);
        assert!(c.events.is_empty());
    }
    // A one-megabyte sentence of actor names.
    let words = "(NNP Gondor) ".repeat(80_000);
    let s = format!("(S (NP (NNP Arnor)) (VP (VBD attacked) (NP {words})))");
    let tree = Tree::parse_ptb_with(&s, demarche_model::TreeLimits::NONE).unwrap();
    let text = tree.words_under(tree.root());
    assert!(text.len() > 500_000);
    let c = coder.code(&tree.aligned_to(&text), &text, day, &o);
    assert_eq!(c.events.len(), 1);
    // Empty and leaf-only trees.
    let c = coder.code(&Tree::default(), "", day, &o);
    assert!(c.events.is_empty());
    let t = Tree::parse_ptb("(VBD attacked)").unwrap();
    assert!(coder.code(&t, "attacked", day, &o).events.is_empty());
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        #[test]
        fn arbitrary_trees_code_without_panic_and_spans_stay_in_the_text(
            labels in proptest::collection::vec(prop_oneof!["NP", "VP", "S", "PP", "SBAR"], 1..12),
            words in proptest::collection::vec(prop_oneof![
                "(NNP Arnor)", "(NNP Gondor)", "(VBD attacked)", "(VBD met)", "(CC and)",
                "(, ,)", "(IN by)", "(VBD was)", "(NNS police)", "(IN of)", "(NN baseball)"
            ], 1..16),
        ) {
            let d = dicts();
            let coder = Coder::new(&d);
            let mut s = String::new();
            for (i, l) in labels.iter().enumerate() {
                s.push('(');
                s.push_str(l);
                s.push(' ');
                if let Some(w) = words.get(i) {
                    s.push_str(w);
                    s.push(' ');
                }
            }
            for w in words.iter().skip(labels.len()) {
                s.push_str(w);
                s.push(' ');
            }
            s.push_str(&")".repeat(labels.len()));
            let Ok(tree) = Tree::parse_ptb(&s) else {
                return Ok(());
            };
            let text = tree.words_under(tree.root());
            let tree = tree.aligned_to(&text);
            let c = coder.code(&tree, &text, date("2010-01-01"), &Options::default());
            for e in &c.events {
                for sp in [e.source_span, e.target_span, e.verb_span].into_iter().flatten() {
                    prop_assert!(sp.slice(&text).is_some());
                }
                prop_assert!(e.source != e.target);
            }
        }
    }
}

#[test]
fn negation_option_drops_negated_verbs() {
    let t = "(S (NP (NNP Arnor)) (VP (VBD did) (RB not) (VP (VB attack) (NP (NNP Gondor)))) (. .))";
    check(t, &["ARN GON 190"]);
    let o = Options {
        negation: true,
        ..Options::default()
    };
    check_with(t, "2010-01-01", &o, &[]);
    let contracted =
        "(S (NP (NNP Arnor)) (VP (VBD did) (RB n't) (VP (VB attack) (NP (NNP Gondor)))) (. .))";
    check_with(contracted, "2010-01-01", &o, &[]);
    // Not negated: unchanged.
    check_with(
        "(S (NP (NNP Arnor)) (VP (VBD attacked) (NP (NNP Gondor))) (. .))",
        "2010-01-01",
        &o,
        &["ARN GON 190"],
    );
}

#[test]
fn intent_option_codes_announced_actions_as_intentions() {
    let will = "(S (NP (NNP Arnor)) (VP (MD will) (VP (VB visit) (NP (NNP Gondor)))) (. .))";
    let did = "(S (NP (NNP Arnor)) (VP (VBD visited) (NP (NNP Gondor))) (. .))";
    check(will, &["ARN GON 042"]);
    let o = Options {
        intent: true,
        ..Options::default()
    };
    check_with(will, "2010-01-01", &o, &["ARN GON 036"]);
    check_with(did, "2010-01-01", &o, &["ARN GON 042"]);
    let threat = "(S (NP (NNP Arnor)) (VP (MD will) (VP (VB attack) (NP (NNP Gondor)))) (. .))";
    check_with(threat, "2010-01-01", &o, &["ARN GON 138"]);
}

#[test]
fn reported_speech_option_codes_the_reported_event() {
    let t = "(S (NP (NNP Bree)) (VP (VBD said) (SBAR (S (NP (NNP Arnor)) (VP (VBD attacked) (NP (NNP Gondor)))))) (. .))";
    check(t, &["BRE ARN 010"]);
    let o = Options {
        reported_speech: true,
        ..Options::default()
    };
    check_with(t, "2010-01-01", &o, &["ARN GON 190"]);
    // The subject of a reported clause is not whom the statement addresses: without the
    // option PETRARCH's reading (Bree -> Arnor 010) stays; with it, no event, even when the
    // clause codes none of its own (here "praised" is not in the dictionary).
    let plain = "(S (NP (NNP Bree)) (VP (VBD said) (SBAR (S (NP (NNP Arnor)) (VP (VBD praised) (NP (NNP Gondor)))))) (. .))";
    check(plain, &["BRE ARN 010"]);
    check_with(plain, "2010-01-01", &o, &[]);
    // A statement addressed outside the clause keeps its own event.
    let to = "(S (NP (NNP Bree)) (VP (VBD said) (PP (TO to) (NP (NNP Arnor))) (SBAR (IN that) (S (NP (NNP Mordor)) (VP (VBD praised) (NP (NNP Gondor)))))) (. .))";
    check_with(to, "2010-01-01", &o, &["BRE ARN 010"]);
}

fn news() -> Options {
    Options {
        negation: true,
        intent: true,
        reported_speech: true,
        ..Options::default()
    }
}

#[test]
fn joint_subject_codes_a_cooperative_act_between_the_partners() {
    let t = "(S (NP (NNP Arnor) (CC and) (NNP Gondor)) (VP (VBD signed) (NP (DT the) (NN deal))) (. .))";
    // PETRARCH's reading: no target, no event.
    check(t, &[]);
    check_with(t, "2010-01-01", &news(), &["ARN GON 057", "GON ARN 057"]);
    // A visit is made to a host, never between the visitors (`visit` in the policy).
    let visit = "(S (NP (NNP Arnor) (CC and) (NNP Gondor)) (VP (VBD visited) (NP (DT the) (NN border))) (. .))";
    check_with(visit, "2010-01-01", &news(), &[]);
    // A conflictual act is not assumed to be mutual.
    let fight = "(S (NP (NNP Arnor) (CC and) (NNP Gondor)) (VP (VBD attacked) (NP (DT the) (NN border))) (. .))";
    check_with(fight, "2010-01-01", &news(), &[]);
    let mut off = news();
    off.set("joint_subject", "false").unwrap();
    check_with(t, "2010-01-01", &off, &[]);
}

#[test]
fn domestic_targets_take_a_place_or_the_source_country() {
    // Police (a domestic actor) against an agent with no country: the source's country.
    let t = "(S (NP (NNP Arnorian) (NNS police)) (VP (VBD attacked) (NP (DT the) (NN government))) (. .))";
    check(t, &["ARNCOP ---GOV 190"]);
    check_with(t, "2010-01-01", &news(), &["ARNCOP ARNGOV 190"]);
    // A place named in the verb phrase wins: soldiers are not a domestic actor by themselves.
    let place = "(S (NP (NNP Arnorian) (NNS soldiers)) (VP (VBD attacked) (NP (DT the) (NN government)) (PP (IN in) (NP (NNP Gondor)))) (. .))";
    check_with(place, "2010-01-01", &news(), &["ARNMIL GONGOV 190"]);
    let no_place = "(S (NP (NNP Arnorian) (NNS soldiers)) (VP (VBD attacked) (NP (DT the) (NN government))) (. .))";
    check_with(no_place, "2010-01-01", &news(), &["ARNMIL ---GOV 190"]);
}

#[test]
fn intention_verbs_make_their_infinitive_an_intention() {
    // "agree" is not in this dictionary: the infinitive is coded, as an intention with `intent`.
    let t = "(S (NP (NNP Arnor)) (VP (VBD agreed) (S (VP (TO to) (VP (VB visit) (NP (NNP Gondor)))))) (. .))";
    check_with(t, "2010-01-01", &news(), &["ARN GON 036"]);
    check(t, &["ARN GON 042"]);
    // "would continue to visit": the modal of an aspect verb reaches the infinitive.
    let cont = "(S (NP (NNP Arnor)) (VP (MD would) (VP (VB continue) (S (VP (TO to) (VP (VB visit) (NP (NNP Gondor))))))) (. .))";
    check_with(cont, "2010-01-01", &news(), &["ARN GON 036"]);
    let done = "(S (NP (NNP Arnor)) (VP (VBD continued) (S (VP (TO to) (VP (VB visit) (NP (NNP Gondor)))))) (. .))";
    check_with(done, "2010-01-01", &news(), &["ARN GON 042"]);
}

#[test]
fn recipient_country_for_a_country_less_object() {
    // "will send police officers to Haiti": the object has no country, the "to" phrase does.
    let t = "(S (NP (NNP Arnor)) (VP (VBD gave) (NP (NNS soldiers)) (PP (TO to) (NP (NNP Gondor)))) (. .))";
    check_with(t, "2010-01-01", &news(), &["ARN GONMIL 070"]);
}

#[test]
fn a_fronted_phrase_before_the_last_comma_keeps_the_main_clause() {
    // PETRARCH deletes the words after the last comma (comma_emax); when no verb phrase comes
    // before that comma they are the main clause, kept in the news reading.
    let t = "(S (PP (VBG According) (PP (TO to) (NP (NNP Bree)))) (, ,) (NP (NNP Arnor)) (VP (VBD attacked) (NP (NNP Gondor))) (. .))";
    check(t, &[]);
    check_with(t, "2010-01-01", &news(), &["ARN GON 190"]);
    // A real trailing aside is still deleted.
    let tail = "(S (S (NP (NNP Arnor)) (VP (VBD attacked) (NP (NNP Gondor)))) (, ,) (NP (NNP Bree)) (VP (VBD said) (NP (NNP Mordor))) (. .))";
    check_with(tail, "2010-01-01", &news(), &["ARN GON 190"]);
}

#[test]
fn a_place_is_not_the_partner_of_a_joint_act() {
    // "Japan and the Philippines signed a pact in Manila": Manila is where, not with whom.
    let t = "(S (NP (NNP Arnor) (CC and) (NNP Gondor)) (VP (VBD signed) (NP (DT the) (NN deal)) (PP (IN in) (NP (NNP Minas_Tirith)))) (. .))";
    check_with(t, "2010-01-01", &news(), &["ARN GON 057", "GON ARN 057"]);
    // "launched drones at Ukraine": the weapon has no country, the "at" phrase does.
    let at = "(S (NP (NNP Arnor)) (VP (VBD attacked) (NP (NNS soldiers)) (PP (IN at) (NP (NNP Gondor)))) (. .))";
    check_with(at, "2010-01-01", &news(), &["ARN GONMIL 190"]);
}

#[test]
fn disapproval_of_a_deed_targets_its_doer() {
    // "opposed the attack by Gondor": the criticism is aimed at Gondor (news reading only).
    let t = "(S (NP (NNP Arnor)) (VP (VBD opposed) (NP (NP (DT the) (NN attack)) (PP (IN by) (NP (NNP Gondor))))) (. .))";
    check_with(t, "2010-01-01", &news(), &["ARN GON 112"]);
    let on = "(S (NP (NNP Arnor)) (VP (VBD opposed) (NP (NP (DT the) (NN attack)) (PP (IN on) (NP (NNP Mordor))) (PP (IN by) (NP (NNP Gondor))))) (. .))";
    check(on, &["ARN MOR 112"]);
    check_with(on, "2010-01-01", &news(), &["ARN GON 112"]);
}

#[test]
fn a_statement_that_codes_nothing_leaves_its_clause_to_be_coded() {
    // With our own dictionaries, SAY's accusation pattern fires on "said ... plotting" but
    // binds "it" (no actor) as its target and codes nothing; the reported clause is then coded
    // in the news reading, "it" standing for Venezuela.
    let (d, _) = demarche_dict::native::default_dictionaries();
    let coder = Coder::new(&d);
    let ptb = "(S (NP (NNP Venezuela)) (VP (VBD said) (SBAR (S (NP (PRP it)) (VP (VBD had) (VP (VBN arrested) (NP (NP (CD three) (NNPS Americans)) (VP (VBN accused) (PP (IN of) (S (VP (VBG plotting) (PP (IN against) (NP (DT the) (NN government))))))))))))) (. .))";
    let tree = Tree::parse_ptb(ptb).unwrap();
    let text = tree.words_under(tree.root());
    let tree = tree.aligned_to(&text);
    let codes = |o: &Options| -> Vec<String> {
        coder
            .code(&tree, &text, date("2024-06-01"), o)
            .events
            .iter()
            .map(|e| format!("{} {} {}", e.source, e.target, e.code))
            .collect()
    };
    assert!(codes(&Options::default()).is_empty());
    assert_eq!(codes(&news()), ["VEN USA 173"]);
}
