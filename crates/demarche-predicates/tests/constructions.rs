//! One fixture per construction: a sentence through our parser, then the predications.
//! `UPDATE_EXPECT=1 cargo test -p demarche-predicates` rewrites the expectations after a
//! deliberate change; review the diff.

use demarche_predicates::{PredicateLexicon, Support, analyze, render};
use expect_test::{Expect, expect};

/// A tiny lexicon for the fixtures: a few event nouns and support verbs.
struct Lex;

const NOUNS: [&str; 10] = [
    "air strike",
    "strike",
    "talks",
    "sanctions",
    "shelling",
    "condemnation",
    "drone strike",
    "protest",
    "deal",
    "attack",
];

impl PredicateLexicon for Lex {
    fn event_noun(&self, words: &[&str]) -> Option<(usize, u32)> {
        let singular = |w: &str| w.strip_suffix('s').unwrap_or(w).to_string();
        for (id, noun) in NOUNS.iter().enumerate() {
            let parts: Vec<&str> = noun.split(' ').collect();
            if parts.len() > words.len() {
                continue;
            }
            let tail = &words[words.len() - parts.len()..];
            let ok = tail.iter().zip(&parts).enumerate().all(|(i, (w, p))| {
                *w == *p || (i + 1 == parts.len() && singular(w) == singular(p))
            });
            if ok {
                return Some((parts.len(), id as u32));
            }
        }
        None
    }
    fn support(&self, lemma: &str, particle: Option<&str>) -> Option<Support> {
        match (lemma, particle) {
            ("carry", Some("out"))
            | ("hold", _)
            | ("impose", _)
            | ("launch", _)
            | ("sign", _)
            | ("lodge", _)
            | ("hand", _) => Some(Support::Agentive),
            ("draw", _) | ("prompt", _) => Some(Support::Elicit),
            _ => None,
        }
    }
}

#[track_caller]
fn check(sentence: &str, expect: Expect) {
    let tree = demarche_parse::Parser::new().parse(sentence);
    let a = analyze(&tree, &Lex);
    expect.assert_eq(&render(&tree, &a));
}

#[test]
fn plain_subject_verb_object() {
    check(
        "Israel struck Gaza.",
        expect![[r#"
        p0 strike verb
           patient "Gaza" object
           agent "Israel" subject
    "#]],
    );
}

#[test]
fn support_verb_lends_subject_and_pps_to_event_noun() {
    check(
        "Israel carried out air strikes against Hezbollah positions in Lebanon.",
        expect![[r#"
            p0 carry verb absorbed
               patient "air strikes" object
               against "Hezbollah positions" pp
               in "Lebanon" pp
               agent "Israel" subject
            p1 air strikes noun support="carry out"
               against "Hezbollah positions" support-pp
               in "Lebanon" support-pp
               agent "Israel" support-subject
        "#]],
    );
}

#[test]
fn quoted_event_noun_is_still_the_support_verbs_object() {
    check(
        "Seoul said it would impose \"tough sanctions\" on Pyongyang.",
        expect![[r#"
            p0 say verb
               agent "Seoul" subject
            p1 impose verb absorbed future under p0 report
               patient "`` tough sanctions ''" object
               on "Pyongyang" pp
               agent "it" subject
            p2 sanctions noun support="impose" future under p0 report
               agent "tough" modifier
               on "Pyongyang" support-pp
               agent "it" support-subject
        "#]],
    );
}

#[test]
fn saying_participle_after_a_demanded_clause_is_the_demanders() {
    check(
        "Iraq demanded that Turkey pull its troops out, calling their presence a violation.",
        expect![[r#"
            p0 demand verb
               agent "Iraq" subject
            p1 pull verb under p0 complement
               patient "its troops" object
               agent "Turkey" subject
            p2 call verb under p0 participle
               patient "their presence" object
               second "a violation" object
               agent "Iraq" subject
        "#]],
    );
}

#[test]
fn saying_participle_after_an_adverbial_clause_is_the_speakers() {
    // Up through the "after" clause and the reported clause to the one who said it.
    check(
        "China said it had expelled the boats after they entered its waters, accusing Manila of \
         provocation.",
        expect![[r#"
            p0 say verb
               agent "China" subject
            p1 expel verb under p0 report
               patient "the boats" object
               agent "it" subject
            p2 enter verb under p1 adjunct
               patient "its waters" object
               agent "they" subject
            p3 accuse verb under p0 participle
               patient "Manila of provocation" object
               agent "China" matrix-subject
        "#]],
    );
}

#[test]
fn passive_with_by_agent_restores_deep_roles() {
    check(
        "Two soldiers were killed by militants in Mali.",
        expect![[r#"
            p0 kill verb passive
               agent "militants" by
               in "Mali" pp
               patient "Two soldiers" subject
        "#]],
    );
}

#[test]
fn passive_in_event_noun_phrase() {
    check(
        "Three Ukrainian soldiers were killed in a Russian drone strike.",
        expect![[r#"
            p0 kill verb passive
               in "a Russian drone strike" pp
               patient "Three Ukrainian soldiers" subject
            p1 strike noun under p0 argument
               agent "Russian drone" modifier
        "#]],
    );
}

#[test]
fn reduced_relative_participle_is_passive() {
    check(
        "Activists detained by China were released.",
        expect![[r#"
            p0 detain verb passive
               agent "China" by
               patient "Activists" antecedent
            p1 release verb passive
               patient "Activists detained by China" subject
        "#]],
    );
}

#[test]
fn report_chain_shares_subject_across_coordination() {
    check(
        "Ukraine said that Russia summoned the Polish ambassador and demanded an explanation.",
        expect![[r#"
            p0 say verb
               agent "Ukraine" subject
            p1 summon verb under p0 report
               patient "the Polish ambassador" object
               agent "Russia" shared-subject
            p2 demand verb under p0 report
               patient "an explanation" object
               agent "Russia" shared-subject
        "#]],
    );
}

#[test]
fn object_control_passes_object_down() {
    check(
        "The United Nations urged Myanmar to release political prisoners.",
        expect![[r#"
            p0 urge verb
               agent "The United Nations" subject
            p1 release verb to under p0 control
               patient "political prisoners" object
               agent "Myanmar" subject
        "#]],
    );
}

#[test]
fn subject_control_passes_subject_down() {
    check(
        "India agreed to hold talks with Pakistan.",
        expect![[r#"
            p0 agree verb
               agent "India" subject
            p1 hold verb absorbed to under p0 control
               patient "talks" object
               with "Pakistan" pp
               agent "India" controller
            p2 talks noun support="hold" to under p0 control
               with "Pakistan" support-pp
               agent "India" support-subject
        "#]],
    );
}

#[test]
fn adjunct_clause_is_its_own_event() {
    check(
        "Israel struck Gaza as Egypt hosted talks with Hamas.",
        expect![[r#"
            p0 strike verb
               patient "Gaza" object
               agent "Israel" subject
            p1 host verb under p0 adjunct
               patient "talks" object
               with "Hamas" pp
               agent "Egypt" subject
            p2 talks noun under p1 argument
        "#]],
    );
}

#[test]
fn negation_and_future() {
    check(
        "China will not impose sanctions on Russia.",
        expect![[r#"
            p0 impose verb absorbed negated future
               patient "sanctions" object
               on "Russia" pp
               agent "China" subject
            p1 sanctions noun support="impose" negated future
               on "Russia" support-pp
               agent "China" support-subject
        "#]],
    );
}

#[test]
fn possessor_is_the_agent_of_an_event_noun() {
    check(
        "Turkey condemned Israel's strikes on Gaza.",
        expect![[r#"
            p0 condemn verb
               patient "Israel 's strikes" object
               on "Gaza" pp
               agent "Turkey" subject
            p1 strikes noun under p0 argument
               agent "Israel 's" possessor
        "#]],
    );
}

#[test]
fn subject_relative_clause_takes_antecedent() {
    check(
        "Putin, who met Xi in Beijing, praised China.",
        expect![[r#"
            p0 meet verb
               patient "Xi" object
               in "Beijing" pp
               agent "Putin" antecedent
            p1 praise verb
               patient "China" object
               agent "Putin , who met Xi in Beijing ," subject
        "#]],
    );
}

#[test]
fn participle_after_comma_takes_main_subject() {
    check(
        "Russia launched missiles at Kyiv, killing three civilians.",
        expect![[r#"
            p0 launch verb
               patient "missiles" object
               at "Kyiv" pp
               agent "Russia" subject
            p1 kill verb under p0 participle
               patient "three civilians" object
               agent "Russia" matrix-subject
        "#]],
    );
}

#[test]
fn reporting_tail() {
    check(
        "Russian forces shelled Kharkiv overnight, the Ukrainian military said.",
        expect![[r#"
            p0 shell verb under p1 report
               patient "Kharkiv" object
               agent "Russian forces" subject
            p1 say verb
               agent "the Ukrainian military" subject
        "#]],
    );
}

#[test]
fn comitative_with() {
    check(
        "Zelensky arrived in Kyiv with the leaders of France and Germany.",
        expect![[r#"
            p0 arrive verb
               in "Kyiv" pp
               with "the leaders of France and Germany" pp
               agent "Zelensky" subject
        "#]],
    );
}

#[test]
fn event_noun_subject() {
    check(
        "A Russian drone strike killed two civilians in Odesa.",
        expect![[r#"
            p0 kill verb
               patient "two civilians" object
               in "Odesa" pp
               agent "A Russian drone strike" subject
            p1 strike noun
               agent "Russian drone" modifier
        "#]],
    );
}

#[test]
fn adverb_before_verb_is_skipped() {
    check(
        "Israel struck Gaza and then also attacked Lebanon.",
        expect![[r#"
            p0 strike verb
               patient "Gaza" object
               agent "Israel" shared-subject
            p1 attack verb
               patient "Lebanon" object
               agent "Israel" shared-subject
        "#]],
    );
}

#[test]
fn given_ptb_tree_maps_into_the_same_layer() {
    let tree = demarche_model::Tree::parse_ptb(
        "(ROOT (S (NP-SBJ (NNP Iran)) (VP (VBD was) (VP (VBN accused) (PP (IN by) (NP-LGS (NNP Israel))) (PP (IN of) (S-NOM (VP (VBG arming) (NP (NNS militants))))))) (. .)))",
    )
    .unwrap();
    expect![[r#"
        p0 accuse verb passive
           agent "Israel" by
           patient "Iran" subject
        p1 arm verb under p0 complement
           patient "militants" object
           agent "Iran" controller
    "#]]
    .assert_eq(&render(&tree, &analyze(&tree, &Lex)));
}

#[test]
fn partitive_gives_way_to_the_event_noun_after_of() {
    check(
        "Russia launched a wave of strikes on Kharkiv.",
        expect![[r#"
            p0 launch verb absorbed
               patient "a wave of strikes" object
               on "Kharkiv" pp
               agent "Russia" subject
            p1 strikes noun support="launch"
               on "Kharkiv" support-pp
               agent "Russia" support-subject
        "#]],
    );
}

#[test]
fn elicit_support_verb_makes_its_subject_the_patient() {
    check(
        "The missile test drew condemnation from Japan.",
        expect![[r#"
            p0 draw verb absorbed
               patient "condemnation" object
               from "Japan" pp
               agent "The missile test" subject
            p1 condemnation noun support="draw"
               from "Japan" support-pp
               patient "The missile test" support-subject
        "#]],
    );
}

#[test]
fn particle_read_as_preposition() {
    let tree = demarche_model::Tree::parse_ptb(
        "(ROOT (S (NP (NNP Israel)) (VP (VBD carried) (PP (IN out) (NP (NNS strikes))) (PP (IN on) (NP (NNP Gaza)))) (. .)))",
    )
    .unwrap();
    expect![[r#"
        p0 carry verb absorbed
           patient "strikes" object
           on "Gaza" pp
           agent "Israel" subject
        p1 strikes noun support="carry out"
           on "Gaza" support-pp
           agent "Israel" support-subject
    "#]]
    .assert_eq(&render(&tree, &analyze(&tree, &Lex)));
}

#[test]
fn event_noun_as_second_object_of_a_support_verb() {
    // "handed Turkey a protest": the noun is the second object; the first is its recipient,
    // as a `to` phrase.
    check(
        "Iraq handed Turkey a protest over the strikes.",
        expect![[r#"
            p0 hand verb absorbed
               patient "Turkey" object
               second "a protest" object
               over "the strikes" pp
               agent "Iraq" subject
            p1 protest noun support="hand"
               to "Turkey" support-pp
               over "the strikes" support-pp
               agent "Iraq" support-subject
            p2 strikes noun under p0 argument
        "#]],
    );
}

#[test]
fn participial_clause_with_by_phrase_is_passive() {
    // ", mediated by Egypt and Qatar": no auxiliary, a `by` phrase: the by-phrase is the agent
    // and the main clause's subject the patient (not the agent, as for ", killing …").
    check(
        "Israel and Hamas held talks in Cairo, mediated by Egypt and Qatar.",
        expect![[r#"
            p0 hold verb absorbed
               patient "talks" object
               in "Cairo" pp
               agent "Israel and Hamas" subject
            p1 mediate verb passive under p0 participle
               agent "Egypt and Qatar" by
               patient "Israel and Hamas" subject
            p2 talks noun support="hold"
               in "Cairo" support-pp
               agent "Israel and Hamas" support-subject
        "#]],
    );
}

#[test]
fn reporting_tail_with_a_participle() {
    // "…, Ukraine said, calling …": the saying's subject is the noun phrase after the first
    // clause and its comma, and the participle after the saying is the speaker's act.
    check(
        "Russian forces shelled Kharkiv, Ukraine's foreign ministry said, calling the attack a \
         war crime.",
        expect![[r#"
            p0 shell verb under p1 report
               patient "Kharkiv" object
               agent "Russian forces" subject
            p1 say verb
               agent "Ukraine 's foreign ministry" subject
            p2 call verb under p1 participle
               patient "the attack" object
               second "a war crime" object
               agent "Ukraine 's foreign ministry" matrix-subject
            p3 attack noun under p2 argument
        "#]],
    );
}

#[test]
fn flat_reporting_tail_after_a_quote() {
    // (S `` (NP We) (VP will …) , '' (NP X) (VP said)): the quoted clause is what the speaker
    // said, and the speaker is the noun phrase after the quote.
    check(
        "\"We will retaliate against Israel,\" the foreign ministry said.",
        expect![[r#"
            p0 retaliate verb future under p1 report
               against "Israel" pp
               agent "We" subject
            p1 say verb
               agent "the foreign ministry" subject
        "#]],
    );
}

#[test]
fn a_passive_controller_passes_its_subject_down() {
    // "is expected to meet": the passive's subject does the infinitive.
    check(
        "Wang Yi is expected to meet Japan's foreign minister in Jakarta.",
        expect![[r#"
            p0 expect verb passive
               patient "Wang Yi" subject
            p1 meet verb to under p0 control
               patient "Japan 's foreign minister" object
               in "Jakarta" pp
               agent "Wang Yi" controller
        "#]],
    );
}

#[test]
fn a_negation_before_an_infinitive_is_the_infinitive_s() {
    // "urged Israel not to launch": the urging happened; the negation is the clause's.
    check(
        "Egypt urged Israel not to launch a ground offensive.",
        expect![[r#"
            p0 urge verb
               patient "Israel" object
               agent "Egypt" subject
            p1 launch verb to under p0 control
               patient "a ground offensive" object
               agent "Israel" controller
        "#]],
    );
}
