//! Golden tests: sentence → tree → events with evidence, rendered as text and kept as insta
//! snapshots. A change in coding shows up as a reviewed diff of these files.

use demarche_coder::{Coder, Options};
use demarche_dict::{Dictionaries, PetrarchSources};
use demarche_model::{Tree, parse_date};
use std::fmt::Write as _;

const VERBS: &str = "\
--- ACCUSE [112] ---
ACCUSE
- * + OF &CRIME [1123]

&CRIME
+WAR_CRIMES
+GENOCIDE

--- VISIT [042:043] ---
VISIT
- * TALKS [040]

--- SAY [010] ---
SAY {SAID SAYS}

--- ARREST [173] ---
ARREST
";

const ACTORS: &str = "\
ARNOR [ARN]
+ARNORIAN
GONDOR [GON]
ROHAN [ROH]
ELROND [ELF]
";

const AGENTS: &str = "\
FOREIGN_MINISTER [~GOVFRM]
POLICE {} [~COP]
STUDENT [~EDU]
";

fn render(ptb: &str, text: &str, opts: &Options) -> String {
    let (d, _) = Dictionaries::from_petrarch_sources(PetrarchSources {
        verbs: Some(("g.verbs", VERBS)),
        actors: &[("g.actors", ACTORS)],
        agents: Some(("g.agents", AGENTS)),
        discards: None,
        issues: None,
    });
    let coder = Coder::new(&d);
    let tree = Tree::parse_ptb(ptb).unwrap().aligned_to(text);
    let date = parse_date("2015-05-05").unwrap();
    let coded = coder.code(&tree, text, date, opts);
    let mut out = format!("{text}\n{}\n", tree.pretty());
    let show = |s: Option<demarche_model::Span>| {
        s.and_then(|s| {
            s.slice(text)
                .map(|t| format!("{t:?} {}..{}", s.start, s.end))
        })
        .unwrap_or_else(|| "-".into())
    };
    for e in &coded.events {
        let rules: Vec<String> = e
            .rules
            .iter()
            .map(|r| format!("{}:{}", r.file, r.line))
            .collect();
        let _ = writeln!(
            out,
            "{} -> {} {}\n  source {}\n  target {}\n  verb   {}\n  rules  {}",
            e.source,
            e.target,
            e.code,
            show(e.source_span),
            show(e.target_span),
            show(e.verb_span),
            rules.join(" ")
        );
    }
    if coded.events.is_empty() {
        out.push_str("(no events)\n");
    }
    out
}

#[test]
fn accusation_with_a_synset_pattern() {
    insta::assert_snapshot!(render(
        "(ROOT (S (NP (NP (NNP Arnor) (POS 's)) (JJ foreign) (NN minister)) (VP (VBD accused) (NP (NNP Gondor)) (PP (IN of) (NP (NN genocide)))) (. .)))",
        "Arnor's foreign minister accused Gondor of genocide.",
        &Options::default(),
    ));
}

#[test]
fn paired_visit_code_with_a_compound_target() {
    insta::assert_snapshot!(render(
        "(ROOT (S (NP (NNP Elrond)) (VP (VBD visited) (NP (NNP Gondor) (CC and) (NNP Rohan)) (PP (IN on) (NP (NNP Monday)))) (. .)))",
        "Elrond visited Gondor and Rohan on Monday.",
        &Options::default(),
    ));
}

#[test]
fn reported_speech_codes_the_speaker_and_skips_the_inner_verb() {
    insta::assert_snapshot!(render(
        "(ROOT (S (NP (NNP Gondor) (NNS police)) (VP (VBD said) (SBAR (S (NP (NNP Arnorian) (NNS students)) (VP (VBD were) (VP (VBN arrested))))) ) (. .)))",
        "Gondor police said Arnorian students were arrested.",
        &Options::default(),
    ));
}
