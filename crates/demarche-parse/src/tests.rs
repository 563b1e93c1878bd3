//! Golden trees for the sentence shapes the coder relies on, and property tests.
//!
//! Each expected tree was checked by hand against Penn Treebank conventions; a change in the
//! rules that alters one of them must update it here, with the reason in the commit message.

use super::*;

#[track_caller]
fn check(sentence: &str, expected: &str) {
    let tree = Parser::new().parse(sentence);
    assert_eq!(tree.to_ptb(), expected, "sentence {sentence:?}");
}

#[test]
fn where_clause_after_a_comma_is_an_adverbial_clause_of_the_verb_phrase() {
    check(
        "Arnor hosted the leaders of Gondor and Rohan in Minas Tirith, where they agreed to begin talks.",
        "(ROOT (S (NP (NNP Arnor)) (VP (VBD hosted) (NP (NP (DT the) (NNS leaders)) (PP (IN of) (NP (NNP Gondor) (CC and) (NNP Rohan)))) (PP (IN in) (NP (NNP Minas) (NNP Tirith))) (, ,) (SBAR (WHADVP (WRB where)) (S (NP (PRP they)) (VP (VBD agreed) (S (VP (TO to) (VP (VB begin) (NP (NNS talks))))))))) (. .)))",
    );
}

#[test]
fn simple_transitive_with_pp_on_the_verb() {
    check(
        "Arnor restored full diplomatic ties with Gondor on Thursday.",
        "(ROOT (S (NP (NNP Arnor)) (VP (VBD restored) (NP (JJ full) (JJ diplomatic) (NNS ties)) (PP (IN with) (NP (NNP Gondor))) (PP (IN on) (NP (NNP Thursday)))) (. .)))",
    );
}

#[test]
fn unknown_word_after_a_modal_and_not_is_a_verb() {
    // "will not hesitate": a word no list knows after a modal (and "not") is a base verb, not
    // the subject of an infinitive.
    check(
        "Gondor will not hesitate to respond.",
        "(ROOT (S (NP (NNP Gondor)) (VP (MD will) (RB not) (VP (VB hesitate) (S (VP (TO to) (VP (VB respond)))))) (. .)))",
    );
}

#[test]
fn us_first_in_a_sentence_is_the_country() {
    // "US" opening a sentence is a name (the pronoun is "Us"), and a plural after it that a
    // finite verb follows is its noun; "border" before "forces" is a modifier, and "the Rafah
    // crossing" a noun.
    check(
        "US forces clashed with Taliban border forces near the Rafah crossing.",
        "(ROOT (S (NP (NNP US) (NNS forces)) (VP (VBD clashed) (PP (IN with) (NP (NNP Taliban) (NN border) (NNS forces))) (PP (IN near) (NP (DT the) (NNP Rafah) (NN crossing)))) (. .)))",
    );
}

#[test]
fn quoted_noun_phrase_after_the_object() {
    // "called the sanctions \"an unfriendly act\"": a quotation that is one noun phrase opened
    // by a determiner is the verb's second object, and a preposition's object.
    check(
        "Arnor called the sanctions \"an unfriendly act\".",
        "(ROOT (S (NP (NNP Arnor)) (VP (VBD called) (NP (DT the) (NNS sanctions)) (`` ``) (NP (DT an) (JJ unfriendly) (NN act))) ('' '') (. .)))",
    );
    check(
        "Gondor welcomed the step as \"a new beginning\".",
        "(ROOT (S (NP (NNP Gondor)) (VP (VBD welcomed) (NP (DT the) (NN step)) (PP (IN as) (NP (`` ``) (DT a) (JJ new) (NN beginning) ('' '')))) (. .)))",
    );
}

#[test]
fn quoted_infinitive() {
    // "vowed to \"fight to the end\"": the opening quotation mark does not hide the verb.
    check(
        "Gondor vowed to \"fight to the end\".",
        "(ROOT (S (NP (NNP Gondor)) (VP (VBD vowed) (S (VP (TO to) (`` ``) (VP (VB fight) (PP (TO to) (NP (DT the) (NN end))))))) ('' '') (. .)))",
    );
}

#[test]
fn complement_clause_with_that_and_infinitive() {
    check(
        "Putin said that certain Western countries aspired to drive a wedge between Russia and China.",
        "(ROOT (S (NP (NNP Putin)) (VP (VBD said) (SBAR (IN that) (S (NP (JJ certain) (JJ Western) (NNS countries)) (VP (VBD aspired) (S (VP (TO to) (VP (VB drive) (NP (DT a) (NN wedge)) (PP (IN between) (NP (NNP Russia) (CC and) (NNP China)))))))))) (. .)))",
    );
}

#[test]
fn complement_clause_without_that() {
    check(
        "Ethiopia indicated it would act now with Libya.",
        "(ROOT (S (NP (NNP Ethiopia)) (VP (VBD indicated) (SBAR (S (NP (PRP it)) (VP (MD would) (VP (VB act) (ADVP (RB now)) (PP (IN with) (NP (NNP Libya)))))))) (. .)))",
    );
}

#[test]
fn object_control_infinitive() {
    check(
        "Eriador urged Gondor to respond to proposals on elections.",
        "(ROOT (S (NP (NNP Eriador)) (VP (VBD urged) (S (NP (NNP Gondor)) (VP (TO to) (VP (VB respond) (PP (TO to) (NP (NNS proposals))) (PP (IN on) (NP (NNS elections))))))) (. .)))",
    );
}

#[test]
fn passive_nests_the_participle() {
    check(
        "A hafling was reported on the pass of Cirith Ungol.",
        "(ROOT (S (NP (DT A) (NN hafling)) (VP (VBD was) (VP (VBN reported) (PP (IN on) (NP (NP (DT the) (NN pass)) (PP (IN of) (NP (NNP Cirith) (NNP Ungol))))))) (. .)))",
    );
}

#[test]
fn coordinated_subject_and_of_attachment() {
    check(
        "Fornost and Gondor welcomed a resumption of formal diplomatic ties with Osgiliath.",
        "(ROOT (S (NP (NNP Fornost) (CC and) (NNP Gondor)) (VP (VBD welcomed) (NP (NP (DT a) (NN resumption)) (PP (IN of) (NP (JJ formal) (JJ diplomatic) (NNS ties)))) (PP (IN with) (NP (NNP Osgiliath)))) (. .)))",
    );
}

#[test]
fn appositive_and_final_reporting_clause() {
    check(
        "Arnor signed a trade protocol with Dagolath, its biggest trading partner, officials said.",
        "(ROOT (S (S (NP (NNP Arnor)) (VP (VBD signed) (NP (DT a) (NN trade) (NN protocol)) (PP (IN with) (NP (NP (NNP Dagolath)) (, ,) (NP (PRP$ its) (JJS biggest) (VBG trading) (NN partner)))))) (, ,) (NP (NNS officials)) (VP (VBD said)) (. .)))",
    );
}

#[test]
fn possessives_and_coordinated_verb_phrases() {
    check(
        "The Calenardhon government condemned an attack by Osgiliath soldiers and promised aid to the affected villages.",
        "(ROOT (S (NP (DT The) (NNP Calenardhon) (NN government)) (VP (VP (VBD condemned) (NP (DT an) (NN attack)) (PP (IN by) (NP (NNP Osgiliath) (NNS soldiers)))) (CC and) (VP (VBD promised) (NP (NN aid)) (PP (TO to) (NP (DT the) (JJ affected) (NNS villages))))) (. .)))",
    );
    check(
        "Gondor's minister met Arnor's envoy.",
        "(ROOT (S (NP (NP (NNP Gondor) (POS 's)) (NN minister)) (VP (VBD met) (NP (NP (NNP Arnor) (POS 's)) (NN envoy))) (. .)))",
    );
}

#[test]
fn relative_clause_and_modal_negation() {
    check(
        "Zhao emphasized that China and Russia are neighbors that cannot be moved.",
        "(ROOT (S (NP (NNP Zhao)) (VP (VBD emphasized) (SBAR (IN that) (S (NP (NNP China) (CC and) (NNP Russia)) (VP (VBP are) (NP (NP (NNS neighbors)) (SBAR (WHNP (WDT that)) (S (VP (MD can) (RB not) (VP (VB be) (VP (VBN moved))))))))))) (. .)))",
    );
}

#[test]
fn about_to_follows_the_stanford_shape() {
    check(
        "Arnor is about to restore ties.",
        "(ROOT (S (NP (NNP Arnor)) (VP (VBZ is) (VP (IN about) (S (VP (TO to) (VP (VB restore) (NP (NNS ties))))))) (. .)))",
    );
}

#[test]
fn regression_adjective_before_a_verb_is_a_noun() {
    // "military" was tagged JJ and swallowed "launched" into the subject.
    check(
        "The U.S. military launched airstrikes on Monday.",
        "(ROOT (S (NP (DT The) (NNP U.S.) (NN military)) (VP (VBD launched) (NP (NNS airstrikes)) (PP (IN on) (NP (NNP Monday)))) (. .)))",
    );
}

#[track_caller]
fn check_contains(sentence: &str, parts: &[&str]) {
    let ptb = Parser::new().parse(sentence).to_ptb();
    for part in parts {
        assert!(
            ptb.contains(part),
            "{part:?} missing from the tree of {sentence:?}:\n{ptb}"
        );
    }
}

#[test]
fn regression_clause_coordination_after_comma_and() {
    // "needs" after the second conjunction was tagged as a plural noun.
    check_contains(
        "Russia needs a stable China, and China needs a strong Russia.",
        &["(CC and) (S (NP (NNP China)) (VP (VBZ needs) (NP (DT a) (JJ strong) (NNP Russia))))"],
    );
}

#[test]
fn regression_reporting_clause_with_a_long_subject() {
    // The speaker's PP ("for the Ministry of Commerce") hid the reporting clause.
    check_contains(
        "Trade will hit a record high, spokesperson for the Ministry of Commerce Shu Jueting stated on Thursday.",
        &[
            "(, ,) (NP (NP (NN spokesperson)) (PP (IN for)",
            "(VP (VBD stated) (PP (IN on) (NP (NNP Thursday))))",
        ],
    );
}

#[test]
fn regression_verb_coordination_with_adverb() {
    // "build" after "and jointly" was tagged as a noun.
    check_contains(
        "Both sides will follow the general direction and jointly build a new relationship.",
        &["(CC and) (VP (ADVP (RB jointly)) (VB build) (NP (DT a) (JJ new) (NN relationship)))"],
    );
}

#[test]
fn regression_comma_list_subject() {
    // The list's last conjunct was taken for the start of a clause.
    check_contains(
        "Arnor, Calenardhon and the evil awful Gondor welcomed a resumption of ties.",
        &[
            "(ROOT (S (NP (NP (NNP Arnor)) (, ,) (NP (NNP Calenardhon)) (CC and) (NP (DT the) (JJ evil) (JJ awful) (NNP Gondor))) (VP (VBD welcomed)",
        ],
    );
}

#[test]
fn regression_adjective_phrases_inside_noun_phrases() {
    check_contains(
        "Ithilen's awful and evil minister warned of the Prince.",
        &["(ADJP (JJ awful) (CC and) (JJ evil)) (NN minister)"],
    );
    check_contains(
        "A clearly inebriated official said today.",
        &["(NP (DT A) (ADJP (RB clearly) (JJ inebriated)) (NN official))"],
    );
}

#[test]
fn regression_noun_compound_before_the_verb() {
    // "guard" was taken for the verb of "Ithilen's palace guard militia was freed".
    check_contains(
        "Ithilen's palace guard militia was freed from Barad-dur.",
        &["(NN palace) (NN guard) (NN militia)) (VP (VBD was) (VP (VBN freed)"],
    );
}

#[test]
fn time_adjuncts_and_shared_modifiers() {
    // A bare time expression after the verb is NP-TMP, not an object the coder could take
    // for a target; a bare noun after "and" shares the first conjunct's modifiers.
    check_contains(
        "A senior official said today.",
        &["(VP (VBD said) (NP-TMP (NN today)))"],
    );
    check_contains(
        "Danish media and government warned Gondor.",
        &["(NP (JJ Danish) (NNS media) (CC and) (NN government))"],
    );
    check_contains(
        "Lawmakers and officials in Fornost welcomed it.",
        &["(NP (NP (NNS Lawmakers) (CC and) (NNS officials)) (PP (IN in) (NP (NNP Fornost))))"],
    );
}

#[test]
fn regression_news_sentences() {
    // "deal" after "and ... submarine" was taken for a verb and the object for a clause.
    check_contains(
        "France recalled its ambassadors to the United States and Australia in protest over the submarine deal.",
        &[
            "(VP (VBD recalled) (NP (PRP$ its) (NNS ambassadors))",
            "(NP (DT the) (NN submarine) (NN deal))",
        ],
    );
    // Coordinated infinitives.
    check_contains(
        "The two leaders agreed to strengthen cooperation and to hold consultations.",
        &[
            "(S (VP (VP (TO to) (VP (VB strengthen) (NP (NN cooperation)))) (CC and) (VP (TO to) (VP (VB hold)",
        ],
    );
    // Names with lower-case particles.
    check_contains(
        "Egypt's President el-Sisi received al-Burhan.",
        &["(NNP el-Sisi)", "(NNP al-Burhan)"],
    );
}

#[test]
fn quotations_and_parenthetical_participles() {
    check_contains(
        "\"This is unacceptable,\" said Foreign Minister Sergei Lavrov.",
        &["('' '') (VP (VBD said) (NP (NNP Foreign) (NNP Minister) (NNP Sergei) (NNP Lavrov)))"],
    );
    check_contains(
        "President Putin, speaking at a news conference, warned NATO.",
        &[
            "(NP (NP (NNP President) (NNP Putin)) (, ,) (VP (VBG speaking)",
            "(VP (VBD warned) (NP (NNP NATO)))",
        ],
    );
    check_contains(
        "It is not clear whether the two sides will meet again.",
        &["(ADJP (JJ clear)) (SBAR (IN whether) (S (NP (DT the) (CD two) (NNS sides))"],
    );
}

#[test]
fn verb_hook_turns_unknown_words_into_verbs() {
    let sentence = "Arnor blorfed Gondor.";
    let plain = Parser::new().tag(sentence);
    assert_eq!(plain[1].tag, "VBD", "-ed suffix alone");
    let sentence = "Arnor zorps Gondor.";
    assert_eq!(Parser::new().tag(sentence)[1].tag, "NNS");
    let hooked = Parser::with_verb_lexicon(|w| w == "zorps");
    assert_eq!(hooked.tag(sentence)[1].tag, "VBZ");
}

#[test]
fn leaves_point_into_the_sentence() {
    let sentence = "Putin’s “model” (new) isn't bad.";
    let tree = Parser::new().parse(sentence);
    let words: Vec<&str> = tree
        .leaves()
        .map(|l| tree.span(l).and_then(|s| s.slice(sentence)).unwrap_or("?"))
        .collect();
    assert_eq!(
        words,
        [
            "Putin", "’s", "“", "model", "”", "(", "new", ")", "is", "n't", "bad", "."
        ]
    );
    assert!(tree.to_ptb().contains("(-LRB- -LRB-)"));
}

#[test]
fn empty_and_long_inputs() {
    assert_eq!(Parser::new().parse("").to_ptb(), "(ROOT)");
    assert_eq!(Parser::new().parse("   ").to_ptb(), "(ROOT)");
    let long = "Arnor met Gondor and ".repeat(500);
    let tree = Parser::new().parse(&long);
    assert_eq!(tree.leaves().count(), 2000);
}

#[test]
fn output_is_deterministic() {
    let s = "Fornost and Gondor welcomed a resumption of ties, the agency said.";
    let p = Parser::new();
    assert_eq!(p.parse(s).to_ptb(), p.parse(s).to_ptb());
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    fn check_tree(text: &str) -> Result<(), TestCaseError> {
        let tree = Parser::new().parse(text);
        let mut last = 0;
        for leaf in tree.leaves() {
            let span = tree.span(leaf);
            prop_assert!(span.is_some());
            let span = span.unwrap_or_default();
            prop_assert!(
                span.slice(text).is_some(),
                "leaf span {span:?} off boundaries"
            );
            prop_assert!(span.start >= last);
            last = span.end;
        }
        // Every token is a leaf exactly once.
        prop_assert_eq!(tree.leaves().count(), demarche_text::tokenize(text).len());
        Ok(())
    }

    proptest! {
        #[test]
        fn arbitrary_text_never_panics(text in "\\PC{0,160}") {
            check_tree(&text)?;
        }

        #[test]
        fn word_salad_never_panics(words in proptest::collection::vec(
            "(the|a|of|and|,|said|that|to|is|was|has|will|not|who|which|Arnor|Gondor|attack|talks|restored|meeting|\\.|'s|\\(|\\)|about|after|officials|in|on)",
            0..60,
        )) {
            check_tree(&words.join(" "))?;
        }
    }
}

#[test]
fn regression_past_form_after_a_reporting_verb_is_finite() {
    // "said NP attacked ...": the noun phrase is the subject of the reported clause, so the
    // past form is VBD and heads its own clause (it was tagged VBN and attached as a second
    // complement of "said", which made the reported subject the target of the statement).
    check(
        "Ukraine said Russian forces attacked the city overnight.",
        "(ROOT (S (NP (NNP Ukraine)) (VP (VBD said) (SBAR (S (NP (JJ Russian) (NNS forces)) (VP (VBD attacked) (NP (DT the) (NN city)) (ADVP (RB overnight)))))) (. .)))",
    );
}

#[test]
fn regression_at_least_opens_a_noun_phrase() {
    // "at least 20 people" is a quantified noun phrase (the object, or the subject), not a PP.
    check(
        "The strikes killed at least 20 people in Gaza.",
        "(ROOT (S (NP (DT The) (NNS strikes)) (VP (VBD killed) (NP (IN at) (JJS least) (CD 20) (NNS people)) (PP (IN in) (NP (NNP Gaza)))) (. .)))",
    );
    check(
        "The bloc prepared countermeasures on up to 90 billion euros of goods.",
        "(ROOT (S (NP (DT The) (NN bloc)) (VP (VBD prepared) (NP (NNS countermeasures)) (PP (IN on) (NP (NP (IN up) (TO to) (CD 90) (CD billion) (NNS euros)) (PP (IN of) (NP (NNS goods)))))) (. .)))",
    );
    check(
        "At least 20 people were killed.",
        "(ROOT (S (NP (IN At) (JJS least) (CD 20) (NNS people)) (VP (VBD were) (VP (VBN killed))) (. .)))",
    );
}

#[test]
fn regression_force_after_its_kind_is_a_noun() {
    // "air force" was tagged (VBP force) and split the fronted PP from its noun.
    check(
        "According to the air force, Russia launched drones.",
        "(ROOT (S (PP (VBG According) (PP (TO to) (NP (DT the) (NN air) (NN force)))) (, ,) (NP (NNP Russia)) (VP (VBD launched) (NP (NNS drones))) (. .)))",
    );
}

#[test]
fn regression_reporting_verb_with_an_object_is_no_tail() {
    // ", Ireland and Norway recognised the state" was read as a final reporting clause
    // (", officials said Monday") because "recognise" can report; an object makes it the main
    // verb of a list subject.
    check(
        "Spain, Ireland and Norway recognised the state.",
        "(ROOT (S (NP (NNP Spain) (, ,) (NNP Ireland) (CC and) (NNP Norway)) (VP (VBD recognised) (NP (DT the) (NN state))) (. .)))",
    );
    check(
        "The talks failed, officials said last week.",
        "(ROOT (S (S (NP (DT The) (NNS talks)) (VP (VBD failed))) (, ,) (NP (NNS officials)) (VP (VBD said) (NP-TMP (JJ last) (NN week))) (. .)))",
    );
}

#[test]
fn regression_adverb_after_auxiliary_and_passive_parenthetical() {
    // "has long accused": "long" was an adjective and swallowed the verb into a noun phrase.
    check(
        "Washington has long accused Beijing.",
        "(ROOT (S (NP (NNP Washington)) (VP (VBZ has) (ADVP (RB long)) (VP (VBN accused) (NP (NNP Beijing)))) (. .)))",
    );
    // ", backed by artillery," is a passive participle inside the subject, not the main verb.
    check(
        "Russian troops, backed by artillery, stormed the town.",
        "(ROOT (S (NP (NP (JJ Russian) (NNS troops)) (, ,) (VP (VBN backed) (PP (IN by) (NP (NN artillery)))) (, ,)) (VP (VBD stormed) (NP (DT the) (NN town))) (. .)))",
    );
    // A participle before a noun after a verb is the object's adjective ("launched guided
    // bombs"), not a verb phrase of its own.
    check(
        "Russia launched guided bombs at Kharkiv.",
        "(ROOT (S (NP (NNP Russia)) (VP (VBD launched) (NP (VBN guided) (NNS bombs)) (PP (IN at) (NP (NNP Kharkiv)))) (. .)))",
    );
    // After a verb that is not of object control an infinitive is its purpose, and the noun
    // phrase before it its object ("take all necessary measures to protect …"); after "urge"
    // the object is the infinitive's subject.
    check(
        "China would take measures to protect its firms.",
        "(ROOT (S (NP (NNP China)) (VP (MD would) (VP (VB take) (NP (NNS measures)) (S (VP (TO to) (VP (VB protect) (NP (PRP$ its) (NNS firms))))))) (. .)))",
    );
    check(
        "China urged Manila to stop.",
        "(ROOT (S (NP (NNP China)) (VP (VBD urged) (S (NP (NNP Manila)) (VP (TO to) (VP (VB stop))))) (. .)))",
    );
    // A verb quoted alone after its auxiliary keeps its object ("had \"neutralized\" 12 …").
    check(
        "Turkish forces had \"neutralized\" 12 fighters.",
        "(ROOT (S (NP (JJ Turkish) (NNS forces)) (VP (VBD had) (`` ``) (VP (VBN neutralized) ('' '') (NP (CD 12) (NNS fighters)))) (. .)))",
    );
}

#[test]
fn regression_guard_after_its_kind_is_a_noun() {
    // "coast guard" was tagged (VBP guard), making "ships" its object.
    check(
        "Chinese coast guard ships blockaded a supply mission.",
        "(ROOT (S (NP (JJ Chinese) (NN coast) (NN guard) (NNS ships)) (VP (VBD blockaded) (NP (DT a) (NN supply) (NN mission))) (. .)))",
    );
}

#[test]
fn regression_act_noun_after_its_means_is_a_noun() {
    // "air strikes" was tagged (NN air) (VBZ strikes), so "would be met" lost its subject.
    check(
        "Any further air strikes would be met with force.",
        "(ROOT (S (NP (DT Any) (JJ further) (NN air) (NNS strikes)) (VP (MD would) (VP (VB be) (VP (VBN met) (PP (IN with) (NP (NN force)))))) (. .)))",
    );
    // "a bus station": "station" after a singular noun that "a" opens is a noun, not a VBP.
    check(
        "A drone strike on a bus station killed nine people.",
        "(ROOT (S (NP (NP (DT A) (NN drone) (NN strike)) (PP (IN on) (NP (DT a) (NN bus) (NN station)))) (VP (VBD killed) (NP (CD nine) (NNS people))) (. .)))",
    );
}

#[test]
fn comma_and_verb_after_a_reported_clause_is_the_reporters() {
    // "X said Y had killed Z, and vowed to …": the second verb phrase coordinates with "said",
    // not inside the reported clause (whose subject would then have vowed).
    check(
        "The Houthis said Israeli strikes had killed a minister, and vowed to retaliate.",
        "(ROOT (S (NP (DT The) (NNP Houthis)) (VP (VP (VBD said) (SBAR (S (NP (JJ Israeli) (NNS strikes)) (VP (VBD had) (VP (VBN killed) (NP (DT a) (NN minister))))))) (, ,) (CC and) (VP (VBD vowed) (S (VP (TO to) (VP (VB retaliate)))))) (. .)))",
    );
}

#[test]
fn quoted_word_opening_a_phrase_after_a_preposition() {
    // `of "anti-China" acts`: the opening quote after "of" left the PP without its object.
    check(
        "China sanctioned a senator for \"anti-China\" acts.",
        "(ROOT (S (NP (NNP China)) (VP (VBD sanctioned) (NP (DT a) (NN senator)) (PP (IN for) (NP (`` ``) (NNP anti-China) ('' '') (NNS acts)))) (. .)))",
    );
}

#[test]
fn quoted_object_after_a_verb() {
    // `take "overwhelming countermeasures"`: the quote opened no phrase and the object fell
    // out of the verb phrase.
    check_contains(
        "Pyongyang would take \"overwhelming countermeasures\" against Seoul.",
        &[
            "(VP (VB take) (NP (`` ``) (JJ overwhelming) (NNS countermeasures) ('' '')) (PP (IN against) (NP (NNP Seoul))))",
        ],
    );
}

#[test]
fn relative_clause_without_a_wh_word() {
    // "diplomats it accused of …": (PRP it) (VBN accused) was a second object; a subject
    // pronoun takes a finite verb, and the clause modifies the object.
    check(
        "Venezuela expelled three diplomats it accused of spying.",
        "(ROOT (S (NP (NNP Venezuela)) (VP (VBD expelled) (NP (NP (CD three) (NNS diplomats)) (SBAR (S (NP (PRP it)) (VP (VBD accused) (PP (IN of) (S (VP (VBG spying))))))))) (. .)))",
    );
}

#[test]
fn participle_after_comma_is_a_clause_not_an_appositive() {
    // ", accusing Islamabad of …" was read as an appositive noun phrase of "Pakistan", so the
    // predicate layer saw no accusation (a parser error, not a layer error).
    check_contains(
        "India suspended a water-sharing treaty with Pakistan, accusing Islamabad of backing the militants.",
        &["(, ,) (S (VP (VBG accusing) (NP (NNP Islamabad)) (PP (IN of) (S (VP (VBG backing)"],
    );
}

#[test]
fn finite_verb_after_an_infinitive_joins_the_finite_verb_phrase() {
    // "… of seeking to revive militarism and warned that …" coordinated "warned" with
    // "revive", so the warning had no subject (a parser error, not a layer error).
    check_contains(
        "Pyongyang accused Japan of seeking to revive militarism and warned that Tokyo would pay a price.",
        &["(NP (NN militarism))))))))) (CC and) (VP (VBD warned)"],
    );
}

#[test]
fn participle_before_a_common_noun_after_comma_is_a_clause() {
    // ", drawing swift condemnation from …" was an appositive noun phrase of "its east coast";
    // a list item (", drinking water and …") stays a noun phrase.
    check_contains(
        "North Korea fired a missile off its east coast, drawing swift condemnation from Japan.",
        &["(, ,) (S (VP (VBG drawing) (NP"],
    );
    check_contains(
        "The convoy carried food, drinking water and medicine.",
        &["(NP (VBG drinking) (NN water))"],
    );
}

#[test]
fn sentence_initial_gerund_before_between_is_a_noun() {
    // "Fighting between A and B raged" was read as a gerund clause with "between A" and a
    // second clause "B raged" (a tagger error, not a layer error).
    check_contains(
        "Fighting between Sudan's army and the Rapid Support Forces raged on in Khartoum.",
        &["(NP (NP (NN Fighting)) (PP (IN between)"],
    );
}

#[test]
fn comitative_between_commas_belongs_to_the_subject() {
    // "Japan, together with the United States, condemned …" was a fragment with no subject
    // (a parser error, not a layer error).
    check_contains(
        "Japan, together with the United States and South Korea, condemned the launch.",
        &["(S (NP (NP (NNP Japan)) (, ,) (ADVP (RB together)) (PP (IN with)"],
    );
}

#[test]
fn relative_clause_on_an_apposed_noun_with_a_name_as_subject() {
    // ", a charge Abidjan dismissed as baseless": the name was read into the noun phrase ("a
    // charge Abidjan") and the verb as a participle on it; after a comma or a preposition, an
    // indefinite noun followed by a name and a past verb opens a relative clause with no
    // wh-word, whose subject is the name.
    check(
        "Burkina Faso accused Ivory Coast of sheltering the plotters, a charge Abidjan dismissed as baseless.",
        "(ROOT (S (NP (NNP Burkina) (NNP Faso)) (VP (VBD accused) (NP (NNP Ivory) (NNP Coast)) (PP (IN of) (S (VP (VBG sheltering) (NP (DT the) (NNS plotters)))))) (, ,) (NP (NP (DT a) (NN charge)) (SBAR (S (NP (NNP Abidjan)) (VP (VBD dismissed) (PP (IN as) (NP (JJ baseless))))))) (. .)))",
    );
    // Not after a verb: "gave a speech Monday" keeps its noun phrase.
    check_contains(
        "The minister gave a speech Tuesday in Paris.",
        &["(NP (DT a) (NN speech)"],
    );
}

#[test]
fn time_before_a_subordinate_clause_with_a_coordinated_subject() {
    // ", days after the presidents of Congo and Rwanda met": "after" took "the presidents of
    // Congo" as its object and "and Rwanda met" became a clause of its own.
    check_contains(
        "The rebels pressed their offensive, days after the presidents of Congo and Rwanda met in Washington.",
        &[
            "(SBAR (NP (NNS days)) (IN after) (S (NP (NP (DT the) (NNS presidents)) (PP (IN of) (NP (NNP Congo) (CC and) (NNP Rwanda)))) (VP (VBD met)",
        ],
    );
}

#[test]
fn reporters_second_act_leaves_the_reported_clause() {
    // "said Tokyo's position had not changed and called on Beijing to …": "called" joined
    // "changed" under "had not" inside the reported clause; a finite verb of saying, urging or
    // intending after "and" is the reporter's. A deed stays in the clause.
    check_contains(
        "Japan's top spokesman said Tokyo's position had not changed and called on Beijing to take steps.",
        &[
            "(VP (VP (VBD said) (SBAR (S (NP (NP (NNP Tokyo) (POS 's)) (NN position)) (VP (VBD had) (RB not) (VP (VBN changed)))))) (CC and) (VP (VBD called)",
        ],
    );
    check_contains(
        "Ukraine said Russian troops had stormed the village and killed ten civilians.",
        &["(CC and) (VP (VBD killed)"],
    );
}

#[test]
fn reduced_relative_on_the_subject_before_its_auxiliary() {
    // "230 Venezuelans deported from the United States … were flown": with "were" still to
    // come, "deported" before a preposition is a participle on the subject, not its verb.
    check_contains(
        "More than 230 Venezuelans deported from the United States under a wartime law were flown to El Salvador.",
        &["(VP (VBN deported) (PP (IN from)", "(VBD were)"],
    );
    check_contains(
        "Russia deported two diplomats from Moscow on Friday.",
        &["(VP (VBD deported)"],
    );
}

#[test]
fn regression_a_name_after_a_day_opens_the_reported_clause() {
    // "said on Tuesday Russia must …": "Tuesday Russia" is no compound name.
    check(
        "Britain said on Tuesday Russia must hand over the suspect.",
        "(ROOT (S (NP (NNP Britain)) (VP (VBD said) (PP (IN on) (NP (NNP Tuesday))) (SBAR (S (NP (NNP Russia)) (VP (MD must) (VP (VB hand) (PP (IN over) (NP (DT the) (NN suspect)))))))) (. .)))",
    );
}

#[test]
fn regression_first_word_in_ly_before_a_verb_is_a_name() {
    // "Italy" is unknown to the tagger and ends in -ly: before "is" it is the subject.
    check(
        "Italy is ready.",
        "(ROOT (S (NP (NNP Italy)) (VP (VBZ is) (ADJP (JJ ready))) (. .)))",
    );
}

#[test]
fn regression_participle_between_a_name_and_a_noun_modifies_it() {
    // "the U.N. peacekeeping force": no clause "the U.N. (is) peacekeeping force".
    check(
        "Italy sent soldiers to the U.N. peacekeeping force.",
        "(ROOT (S (NP (NNP Italy)) (VP (VBD sent) (NP (NNS soldiers)) (PP (TO to) (NP (DT the) (NNP U.N.) (VBG peacekeeping) (NN force)))) (. .)))",
    );
}

#[test]
fn regression_amount_after_a_name_is_a_second_object() {
    // "give Sierra Leone 15 million pounds", "gave Ukraine $5 billion": two objects.
    check(
        "Britain gave Sierra Leone 15 million pounds.",
        "(ROOT (S (NP (NNP Britain)) (VP (VBD gave) (NP (NNP Sierra) (NNP Leone)) (NP (CD 15) (CD million) (NNS pounds))) (. .)))",
    );
}

#[test]
fn regression_present_verb_after_a_reported_it_is_finite() {
    // "said it firmly opposes": "opposes" is the reported clause's verb, not a plural noun.
    check(
        "Beijing said it firmly opposes the step.",
        "(ROOT (S (NP (NNP Beijing)) (VP (VBD said) (SBAR (S (NP (PRP it)) (ADVP (RB firmly)) (VP (VBZ opposes) (NP (DT the) (NN step)))))) (. .)))",
    );
}

#[test]
fn regression_more_than_a_number_opens_a_reported_clause() {
    // "said more than 50 people had been killed": a noun phrase opened by "more than", as by
    // "at least", is the subject of a clause without "that".
    check(
        "The ministry said more than 50 people had been killed.",
        "(ROOT (S (NP (DT The) (NN ministry)) (VP (VBD said) (SBAR (S (NP (JJR more) (IN than) (CD 50) (NNS people)) (VP (VBD had) (VP (VBN been) (VP (VBN killed))))))) (. .)))",
    );
}

#[test]
fn regression_a_word_in_ive_ending_a_determined_phrase_is_its_noun() {
    // "a new offensive in the east": the last word of "a new offensive" is its head noun; an
    // `-ive` word with no determiner stays an adjective ("seen as offensive").
    check(
        "Russia launched a new offensive in the east.",
        "(ROOT (S (NP (NNP Russia)) (VP (VBD launched) (NP (DT a) (JJ new) (NN offensive)) (PP (IN in) (NP (DT the) (JJ east)))) (. .)))",
    );
    check(
        "The move was seen as offensive by Beijing.",
        "(ROOT (S (NP (DT The) (NN move)) (VP (VBD was) (VP (VBN seen) (PP (IN as) (NP (JJ offensive))) (PP (IN by) (NP (NNP Beijing))))) (. .)))",
    );
}

#[test]
fn regression_a_subjects_appositive_keeps_its_prepositional_phrases() {
    // "Spain, the bloc's largest exporter to China, said": "to China" is the appositive's, up to
    // its closing comma, and the sentence keeps its subject.
    check(
        "Spain, the largest exporter to China, said it regretted the decision.",
        "(ROOT (S (NP (NP (NNP Spain)) (, ,) (NP (NP (DT the) (JJS largest) (NN exporter)) (PP (TO to) (NP (NNP China)))) (, ,)) (VP (VBD said) (SBAR (S (NP (PRP it)) (VP (VBD regretted) (NP (DT the) (NN decision)))))) (. .)))",
    );
}

#[test]
fn regression_a_headlines_comma_pair_is_its_subject() {
    // "Somalia, Ethiopia agree to …": in a sentence with no full stop, two names with a comma
    // before the verb are one subject (the coder reads them as a compound).
    check(
        "Somalia, Ethiopia agree to resume flights",
        "(ROOT (S (NP (NP (NNP Somalia)) (, ,) (NP (NNP Ethiopia))) (VP (VBP agree) (S (VP (TO to) (VP (VB resume) (NP (NNS flights))))))))",
    );
}

#[test]
fn regression_a_time_phrase_and_a_comma_open_the_clause() {
    // "Last week, Romania also expelled …": the time phrase is fronted, the clause keeps its
    // subject and its adverb.
    check(
        "Last week, Romania also expelled two diplomats.",
        "(ROOT (S (NP (JJ Last) (NN week)) (, ,) (NP (NNP Romania)) (ADVP (RB also)) (VP (VBD expelled) (NP (CD two) (NNS diplomats))) (. .)))",
    );
}

#[test]
fn regression_of_and_a_gerund_after_a_name_is_the_verbs() {
    // "accused Costa Rica and the United States of meddling": the "of" phrase belongs to the
    // whole coordinated object, not to its last name.
    check(
        "Nicaragua accused Costa Rica and the United States of meddling.",
        "(ROOT (S (NP (NNP Nicaragua)) (VP (VBD accused) (NP (NP (NP (NNP Costa) (NNP Rica)) (CC and) (NP (DT the) (NNP United) (NNP States))) (PP (IN of) (S (VP (VBG meddling)))))) (. .)))",
    );
}

#[test]
fn regression_a_where_clause_on_the_subject_closes_at_its_comma() {
    // "Spain, where many exiles live, summoned …": the relative clause is the subject's, and
    // the verb after its closing comma is the sentence's.
    check_contains(
        "Spain, where many exiles live, summoned the envoy.",
        &[
            "(NP (NP (NP (NNP Spain)) (, ,) (SBAR (WHADVP (WRB where)) (S (NP (JJ many) (NNS exiles)) (VP (VBP live)))) (, ,))",
        ],
    );
}

#[test]
fn dateline_with_commas_and_an_agency_is_a_fragment_before_the_lead() {
    // "NAIROBI, Kenya, Mar 26 –", "BEIJING, Sept. 5 (Xinhua) --": names, numbers, commas and a
    // bracketed agency before the dash are the dateline; the lead after it is a clause with
    // its own subject, not more noun phrases of a flat fragment.
    check(
        "MINAS TIRITH, Mar 26 (GNA) -- President Aragorn hosted the envoy of Rohan.",
        "(ROOT (S (FRAG (NP (NNP MINAS) (NNP TIRITH)) (, ,) (NP (NNP Mar) (CD 26)) (-LRB- -LRB-) (NP (NNP GNA)) (-RRB- -RRB-)) (: --) (S (NP (NNP President) (NNP Aragorn)) (VP (VBD hosted) (NP (NP (DT the) (NN envoy)) (PP (IN of) (NP (NNP Rohan))))) (. .))))",
    );
}

#[test]
fn quoted_adjective_stays_inside_its_noun_phrase() {
    // "held \"constructive\" talks": scare quotes around an adjective before the noun.
    check(
        "Gondor and Rohan held \"constructive\" talks.",
        "(ROOT (S (NP (NNP Gondor) (CC and) (NNP Rohan)) (VP (VBD held) (NP (`` ``) (JJ constructive) ('' '') (NNS talks))) (. .)))",
    );
}

#[test]
fn adverb_and_its_phrase_before_the_subject() {
    // "Later in the day, the guest held …": an adverb with a prepositional phrase and a comma
    // opens the clause; the noun phrase after it is the subject.
    check(
        "Later in the day, the envoy met Aragorn.",
        "(ROOT (S (ADVP (RB Later) (PP (IN in) (NP (DT the) (NN day)))) (, ,) (NP (DT the) (NN envoy)) (VP (VBD met) (NP (NNP Aragorn))) (. .)))",
    );
}

#[test]
fn a_name_with_commas_before_a_dash_is_no_dateline_unless_in_capitals() {
    // "Ali Hassan, 34 -- a former officer -- said …": a name in ordinary case with a comma is an
    // appositive, not a dateline; the dateline rule needs capitals or a bracket.
    let tree = Parser::new().parse("Ali Hassan, 34 -- a former officer -- said the envoy left.");
    assert!(
        !tree.to_ptb().starts_with("(ROOT (S (FRAG"),
        "{}",
        tree.to_ptb()
    );
}

#[test]
fn unknown_word_joined_to_an_adjective_before_a_noun_is_an_adjective() {
    // "held frank and friendly discussions", also in scare quotes: a word no list knows, read as
    // a noun by default, coordinated with an adjective before a noun, is an adjective; the noun
    // heads the phrase.
    check(
        "Gondor and Rohan held frank and friendly discussions.",
        "(ROOT (S (NP (NNP Gondor) (CC and) (NNP Rohan)) (VP (VBD held) (NP (ADJP (JJ frank) (CC and) (JJ friendly)) (NNS discussions))) (. .)))",
    );
    check(
        "Gondor and Rohan held \"frank and friendly\" discussions.",
        "(ROOT (S (NP (NNP Gondor) (CC and) (NNP Rohan)) (VP (VBD held) (NP (`` ``) (ADJP (JJ frank) (CC and) (JJ friendly)) ('' '') (NNS discussions))) (. .)))",
    );
}

#[test]
fn unknown_word_between_to_and_a_determiner_is_a_verb() {
    // "any attempt to divert its share": a word no list knows between the infinitive marker and
    // a possessive or determiner is a verb's base form; a common noun's infinitive before the
    // clause's own verb belongs to the subject.
    check(
        "Gondor warned that any attempt to divert its river would fail.",
        "(ROOT (S (NP (NNP Gondor)) (VP (VBD warned) (SBAR (IN that) (S (NP (NP (DT any) (NN attempt)) (S (VP (TO to) (VP (VB divert) (NP (PRP$ its) (NN river)))))) (VP (MD would) (VP (VB fail)))))) (. .)))",
    );
    check(
        "The efforts to end the war have failed.",
        "(ROOT (S (NP (NP (DT The) (NNS efforts)) (S (VP (TO to) (VP (VB end) (NP (DT the) (NN war)))))) (VP (VBP have) (VP (VBN failed))) (. .)))",
    );
}

#[test]
fn a_second_phrase_of_the_same_preposition_after_and_is_the_verbs() {
    // "accused Asmara of working with … and of arming rebels": the second "of" gerund is the
    // verb's complement too, not a stray phrase of the clause.
    check(
        "Gondor accused Arnor of working with the rebels and of arming their fighters.",
        "(ROOT (S (NP (NNP Gondor)) (VP (VBD accused) (NP (NNP Arnor)) (PP (IN of) (S (VP (VBG working) (PP (IN with) (NP (DT the) (NNS rebels)))))) (CC and) (PP (IN of) (S (VP (VBG arming) (NP (PRP$ their) (NNS fighters)))))) (. .)))",
    );
}

#[test]
fn relative_clause_opened_by_a_preposition_and_which() {
    // ", during which he held talks": a relative clause on the noun before the comma.
    check(
        "The envoy ended a visit to Arnor, during which he held talks with the king.",
        "(ROOT (S (NP (DT The) (NN envoy)) (VP (VBD ended) (NP (DT a) (NN visit)) (PP (TO to) (NP (NP (NNP Arnor)) (, ,) (SBAR (WHPP (IN during) (WHNP (WDT which))) (S (NP (PRP he)) (VP (VBD held) (NP (NNS talks)) (PP (IN with) (NP (DT the) (NN king))))))))) (. .)))",
    );
}

#[test]
fn a_verbal_act_after_and_in_a_reported_clause_is_the_reporters() {
    // `forms.txt` `[reporter-act]`: "accused" goes with "said", not with "reunited".
    check(
        "The ministry said the men had been reunited with their families and accused Gondor of meddling.",
        "(ROOT (S (NP (DT The) (NN ministry)) (VP (VP (VBD said) (SBAR (S (NP (DT the) (NNS men)) (VP (VBD had) (VP (VBN been) (VP (VBN reunited) (PP (IN with) (NP (PRP$ their) (NNS families))))))))) (CC and) (VP (VBD accused) (NP (NNP Gondor)) (PP (IN of) (S (VP (VBG meddling)))))) (. .)))",
    );
}

#[test]
fn a_time_word_before_the_subject() {
    // "Today," before the subject is a time phrase, not a fragment's noun phrase.
    check(
        "Today, five hobbits are coming home.",
        "(ROOT (S (NP (NN Today)) (, ,) (NP (CD five) (NNS hobbits)) (VP (VBP are) (VP (VBG coming) (NP (NN home)))) (. .)))",
    );
    // "On Friday" with no comma ends at its time word; the verb after the subject is finite.
    check(
        "On Friday Gondorian police expelled dozens of traders.",
        "(ROOT (S (PP (IN On) (NP (NNP Friday))) (NP (JJ Gondorian) (NNS police)) (VP (VBD expelled) (NP (NP (NNS dozens)) (PP (IN of) (NP (NNS traders))))) (. .)))",
    );
}

#[test]
fn a_time_phrase_with_no_comma_before_the_subject() {
    check(
        "Earlier this month Gondor's envoy suggested that Arnor had erred.",
        "(ROOT (S (NP-TMP (RBR Earlier) (DT this) (NN month)) (NP (NP (NNP Gondor) (POS 's)) (NN envoy)) (VP (VBD suggested) (SBAR (IN that) (S (NP (NNP Arnor)) (VP (VBD had) (VP (VBN erred)))))) (. .)))",
    );
}

#[test]
fn relative_clause_opened_by_a_preposition_and_whom() {
    check(
        "The envoy met the king of Arnor, with whom he discussed the border.",
        "(ROOT (S (NP (DT The) (NN envoy)) (VP (VBD met) (NP (NP (DT the) (NN king)) (PP (IN of) (NP (NP (NNP Arnor)) (, ,) (SBAR (WHPP (IN with) (WHNP (WP whom))) (S (NP (PRP he)) (VP (VBD discussed) (NP (DT the) (NN border))))))))) (. .)))",
    );
}

#[test]
fn a_participle_after_two_names_is_on_both() {
    check(
        "The envoys held talks between Arnor and Gondor mediated by Rohan.",
        "(ROOT (S (NP (DT The) (NNS envoys)) (VP (VBD held) (NP (NNS talks)) (PP (IN between) (NP (NP (NNP Arnor) (CC and) (NNP Gondor)) (VP (VBN mediated) (PP (IN by) (NP (NNP Rohan))))))) (. .)))",
    );
}

#[test]
fn a_name_with_a_conjunction_inside_is_one_name() {
    // `forms.txt` `[and-name]`: no coordination inside "Trinidad and Tobago".
    check(
        "Trinidad and Tobago Prime Minister Kamla Persad-Bissessar met Arnor's envoy.",
        "(ROOT (S (NP (NNP Trinidad) (NNP and) (NNP Tobago) (NNP Prime) (NNP Minister) (NNP Kamla) (NNP Persad-Bissessar)) (VP (VBD met) (NP (NP (NNP Arnor) (POS 's)) (NN envoy))) (. .)))",
    );
}

#[test]
fn a_gerund_opening_a_clause_before_a_past_verb_is_its_subject() {
    check(
        "Arnor brokered a truce in May, but fighting resumed within months.",
        "(ROOT (S (S (NP (NNP Arnor)) (VP (VBD brokered) (NP (DT a) (NN truce)) (PP (IN in) (NP (NNP May))))) (, ,) (CC but) (S (NP (NN fighting)) (VP (VBD resumed) (PP (IN within) (NP (NNS months))))) (. .)))",
    );
}

#[test]
fn a_verb_form_after_an_indefinite_article_and_modifiers_is_a_noun() {
    check(
        "The Rohirrim, an ethnic Eorling force in Rohan, belongs to Gondor.",
        "(ROOT (S (NP (NP (DT The) (NNP Rohirrim)) (, ,) (NP (NP (DT an) (JJ ethnic) (NNP Eorling) (NN force)) (PP (IN in) (NP (NNP Rohan)))) (, ,)) (VP (VBZ belongs) (PP (TO to) (NP (NNP Gondor)))) (. .)))",
    );
}

#[test]
fn a_verb_after_an_apposition_on_the_subject() {
    check(
        "Arnor, an old kingdom in the north, rejects the plan.",
        "(ROOT (S (NP (NP (NNP Arnor)) (, ,) (NP (NP (DT an) (JJ old) (NN kingdom)) (PP (IN in) (NP (DT the) (JJ north)))) (, ,)) (VP (VBZ rejects) (NP (DT the) (NN plan))) (. .)))",
    );
}

#[test]
fn a_lower_case_compound_opening_the_sentence_is_a_modifier() {
    check(
        "Last-minute talks between Arnor and Gondor ended without agreement.",
        "(ROOT (S (NP (NP (JJ Last-minute) (NNS talks)) (PP (IN between) (NP (NNP Arnor) (CC and) (NNP Gondor)))) (VP (VBD ended) (PP (IN without) (NP (NN agreement)))) (. .)))",
    );
}

#[test]
fn dozen_is_a_number() {
    check(
        "Arnor sent two dozen armoured vehicles to the frontier.",
        "(ROOT (S (NP (NNP Arnor)) (VP (VBD sent) (NP (CD two) (CD dozen) (JJ armoured) (NNS vehicles)) (PP (TO to) (NP (DT the) (NN frontier)))) (. .)))",
    );
}

#[test]
fn a_gerund_after_a_subordinator_before_a_past_verb_is_its_subject() {
    check(
        "Thousands fled after fighting erupted in the north.",
        "(ROOT (S (NP (NNS Thousands)) (VP (VBD fled) (SBAR (IN after) (S (NP (NN fighting)) (VP (VBD erupted) (PP (IN in) (NP (DT the) (JJ north))))))) (. .)))",
    );
}

#[test]
fn a_verb_after_an_indefinite_subject_with_modifiers_stays_a_verb() {
    // A verb form after an indefinite article and modifiers is a noun only where no object
    // follows it; opening the sentence, only before a preposition or punctuation: an
    // indefinite subject keeps its present-tense verb ("after a … boycott of" stays a noun).
    check(
        "A local court orders the release of the envoy.",
        "(ROOT (S (NP (DT A) (JJ local) (NN court)) (VP (VBZ orders) (NP (NP (DT the) (NN release)) (PP (IN of) (NP (DT the) (NN envoy))))) (. .)))",
    );
    check(
        "A local report finds serious abuses.",
        "(ROOT (S (NP (DT A) (JJ local) (NN report)) (VP (VBZ finds) (NP (JJ serious) (NNS abuses))) (. .)))",
    );
    check(
        "Arnor lifted the ban after a Gondor-led boycott of its ports.",
        "(ROOT (S (NP (NNP Arnor)) (VP (VBD lifted) (NP (DT the) (NN ban)) (PP (IN after) (NP (NP (DT a) (NNP Gondor-led) (NN boycott)) (PP (IN of) (NP (PRP$ its) (NNS ports)))))) (. .)))",
    );
    check(
        "In Arnor, a local court orders the release of the envoy.",
        "(ROOT (S (PP (IN In) (NP (NNP Arnor))) (, ,) (NP (DT a) (JJ local) (NN court)) (VP (VBZ orders) (NP (NP (DT the) (NN release)) (PP (IN of) (NP (DT the) (NN envoy))))) (. .)))",
    );
}

#[test]
fn a_gerund_before_a_participle_and_a_gerund_keeps_its_clause() {
    // "citing increased shelling" is a participial clause, not a subject and its verb.
    check(
        "Arnor recalled its envoy, citing increased shelling.",
        "(ROOT (S (NP (NNP Arnor)) (VP (VBD recalled) (NP (PRP$ its) (NN envoy)) (, ,) (S (VP (VBG citing) (VP (VBN increased) (S (VP (VBG shelling))))))) (. .)))",
    );
}

#[test]
fn a_compound_noun_opening_the_sentence_stays_a_noun() {
    // Only a compound that opens with an adjective or ends in a participle is a modifier.
    check(
        "Cease-fire holds in Arnor.",
        "(ROOT (S (NP (NNP Cease-fire)) (VP (VBZ holds) (PP (IN in) (NP (NNP Arnor)))) (. .)))",
    );
}

#[test]
fn a_verb_after_an_apposition_and_an_adverb() {
    check(
        "Arnor, an old kingdom in the north, also rejects the plan.",
        "(ROOT (S (NP (NP (NNP Arnor)) (, ,) (NP (NP (DT an) (JJ old) (NN kingdom)) (PP (IN in) (NP (DT the) (JJ north)))) (, ,)) (ADVP (RB also)) (VP (VBZ rejects) (NP (DT the) (NN plan))) (. .)))",
    );
}

#[test]
fn a_subordinate_clause_whose_subject_has_a_participle_with_its_agent() {
    // "as a delegation led by X held talks": the participle and its `by` phrase belong to the
    // subject of the clause "as" opens, not a prepositional phrase before a second verb phrase.
    check(
        "The handover came as a Gondorian delegation led by the foreign minister held talks in Arnor.",
        "(ROOT (S (NP (DT The) (NN handover)) (VP (VBD came) (SBAR (IN as) (S (NP (NP (DT a) (JJ Gondorian) (NN delegation)) (VP (VBN led) (PP (IN by) (NP (DT the) (JJ foreign) (NN minister))))) (VP (VBD held) (NP (NNS talks)) (PP (IN in) (NP (NNP Arnor))))))) (. .)))",
    );
}

#[test]
fn a_list_of_verb_phrases_stays_in_its_clause() {
    // "boarded a boat, beat its crew and seized their catch": one list, in the clause "after"
    // opens, not a second verb phrase of the main clause.
    check(
        "Arnor protested after Gondorian officers boarded a boat, beat its crew and seized their catch.",
        "(ROOT (S (NP (NNP Arnor)) (VP (VBD protested) (SBAR (IN after) (S (NP (JJ Gondorian) (NNS officers)) (VP (VP (VBD boarded) (NP (DT a) (NN boat))) (, ,) (VP (VBD beat) (NP (PRP$ its) (NN crew))) (CC and) (VP (VBD seized) (NP (PRP$ their) (NN catch))))))) (. .)))",
    );
}

#[test]
fn a_verbal_act_after_a_reported_copula_is_the_reporter_s() {
    // "said all staff were safe and condemned the attack": a state's subject does no verbal
    // act; "condemned" is the reporter's second act.
    check(
        "Arnor's foreign ministry said all embassy staff were safe and condemned the attack.",
        "(ROOT (S (NP (NP (NNP Arnor) (POS 's)) (JJ foreign) (NN ministry)) (VP (VP (VBD said) (SBAR (S (NP (DT all) (NN embassy) (NN staff)) (VP (VBD were) (ADJP (JJ safe)))))) (CC and) (VP (VBD condemned) (NP (DT the) (NN attack)))) (. .)))",
    );
}

#[test]
fn and_after_a_free_relative_object_goes_with_its_verb() {
    // "condemned what it called terrorism and urged Kabul to …": the second act is the
    // subject's, coordinated with "condemned", not a second verb of the free relative.
    check(
        "The ministry condemned what it called acts of terror and urged Arnor to act.",
        "(ROOT (S (NP (DT The) (NN ministry)) (VP (VP (VBD condemned) (SBAR (WHNP (WP what)) (S (NP (PRP it)) (VP (VBD called) (NP (NP (NNS acts)) (PP (IN of) (NP (NN terror)))))))) (CC and) (VP (VBD urged) (S (NP (NNP Arnor)) (VP (TO to) (VP (VB act)))))) (. .)))",
    );
}

#[test]
fn a_relative_clause_after_a_name_of_a_name_is_on_the_whole_name() {
    // Rule `name-of-name`: "the Economic Community of West Gondorian States, which …" — the
    // clause is on the organisation, not on the last part of its name.
    check(
        "Arnor left the Economic Community of West Gondorian States, which had sanctioned Rohan.",
        "(ROOT (S (NP (NNP Arnor)) (VP (VBD left) (NP (NP (NP (DT the) (NNP Economic) (NNP Community)) (PP (IN of) (NP (NNP West) (JJ Gondorian) (NNP States)))) (, ,) (SBAR (WHNP (WDT which)) (S (VP (VBD had) (VP (VBN sanctioned) (NP (NNP Rohan)))))))) (. .)))",
    );
}

#[test]
fn a_sentence_opening_with_a_when_clause_has_its_main_clause_after_the_comma() {
    // "When X did Y, Z did W": the clause of time is fronted and the verb after the comma is
    // the main clause's, finite (not a participle on the noun before it).
    check(
        "When Arnor attacked Rohan, Gondor asked Arnor to withdraw.",
        "(ROOT (S (SBAR (WHADVP (WRB When)) (S (NP (NNP Arnor)) (VP (VBD attacked) (NP (NNP Rohan))))) (, ,) (NP (NNP Gondor)) (VP (VBD asked) (S (NP (NNP Arnor)) (VP (TO to) (VP (VB withdraw))))) (. .)))",
    );
}

#[test]
fn a_quoted_word_closing_a_relative_clause_before_the_verb_stays_in_the_clause() {
    // "Arnor, which called the move "illegal," expelled …": the comma and the closing quote end
    // the relative clause; the verb after them is the subject's.
    check(
        "Arnor, which called the move \"illegal,\" expelled two envoys.",
        "(ROOT (S (NP (NP (NNP Arnor)) (, ,) (SBAR (WHNP (WDT which)) (S (VP (VBD called) (NP (DT the) (NN move) (`` ``)) (ADJP (JJ illegal)))))) (, ,) ('' '') (VP (VBD expelled) (NP (CD two) (NNS envoys))) (. .)))",
    );
}

#[test]
fn since_between_have_and_a_participle_is_an_adverb() {
    // "has since asked Arnor to …": not a preposition with "asked Arnor" as its object.
    check(
        "Rohan has since asked Arnor to return the envoy.",
        "(ROOT (S (NP (NNP Rohan)) (VP (VBZ has) (ADVP (RB since)) (VP (VBN asked) (S (NP (NNP Arnor)) (VP (TO to) (VP (VB return) (NP (DT the) (NN envoy))))))) (. .)))",
    );
}

#[test]
fn on_before_to_after_a_verb_is_an_adverb() {
    // "flew on to Gondor": going further, an adverb; the `to` phrase stays in the verb phrase.
    check(
        "Elrond flew on to Gondor on Thursday.",
        "(ROOT (S (NP (NNP Elrond)) (VP (VBD flew) (ADVP (RB on)) (PP (TO to) (NP (NNP Gondor))) (PP (IN on) (NP (NNP Thursday)))) (. .)))",
    );
}

#[test]
fn past_after_a_determiner_is_an_adjective() {
    // "for the past week", "its past raids": an adjective in the noun phrase, not a
    // preposition that splits it (the rule was lost once when a neighbouring rule was added).
    check(
        "Rohan shelled Osgiliath for the past week.",
        "(ROOT (S (NP (NNP Rohan)) (VP (VBD shelled) (NP (NNP Osgiliath)) (PP (IN for) (NP (DT the) (JJ past) (NN week)))) (. .)))",
    );
    check(
        "Gondor condemned Mordor for its past raids.",
        "(ROOT (S (NP (NNP Gondor)) (VP (VBD condemned) (NP (NNP Mordor)) (PP (IN for) (NP (PRP$ its) (JJ past) (NNS raids)))) (. .)))",
    );
}

#[test]
fn a_past_form_after_the_and_a_number_with_an_object_is_the_verb() {
    // "the two expelled each other's envoys": "the two" is the subject; not "two expelled".
    check(
        "Rohan and Gondor quarrelled, and the two expelled each other's envoys.",
        "(ROOT (S (S (NP (NNP Rohan) (CC and) (NNP Gondor)) (VP (VBD quarrelled))) (, ,) (CC and) (S (NP (DT the) (CD two)) (VP (VBD expelled) (NP (NP (DT each) (JJ other) (POS 's)) (NNS envoys)))) (. .)))",
    );
}

#[test]
fn a_phrase_between_commas_before_but_closes_the_first_clause() {
    // "X did Y, in 1949, but Z did W": two clauses, the phrase in the first.
    check(
        "Rohan recognised Gondor, in 1949, but Gondor expelled its envoy in 2018.",
        "(ROOT (S (S (NP (NNP Rohan)) (VP (VBD recognised) (NP (NNP Gondor))) (, ,) (PP (IN in) (NP (CD 1949)))) (, ,) (CC but) (S (NP (NNP Gondor)) (VP (VBD expelled) (NP (PRP$ its) (NN envoy)) (PP (IN in) (NP (CD 2018))))) (. .)))",
    );
}

#[test]
fn do_with_an_object_and_neighbouring_before_a_name() {
    // "after neighbouring Mali did the same": an adjective before the name, and `do` a verb
    // with its object.
    check(
        "Rohan left, after neighbouring Gondor did the same.",
        "(ROOT (S (NP (NNP Rohan)) (VP (VBD left) (, ,) (SBAR (IN after) (S (NP (JJ neighbouring) (NNP Gondor)) (VP (VBD did) (NP (DT the) (JJ same)))))) (. .)))",
    );
}

#[test]
fn a_dateline_with_a_lower_case_agency_and_one_hyphen() {
    // "BEIRUT, May 2 (dpa) - …": the agency in brackets in lower case, the dash one hyphen.
    check(
        "OSGILIATH, May 2 (dpa) - Rohan sent aid to Gondor on Thursday.",
        "(ROOT (S (FRAG (NP (NNP OSGILIATH)) (, ,) (NP (NNP May) (CD 2)) (-LRB- -LRB-) (NP (NN dpa)) (-RRB- -RRB-)) (: -) (S (NP (NNP Rohan)) (VP (VBD sent) (NP (NN aid)) (PP (TO to) (NP (NNP Gondor))) (PP (IN on) (NP (NNP Thursday)))) (. .))))",
    );
}

#[test]
fn a_past_form_after_the_and_a_number_before_a_nationality_or_a_time_is_a_modifier() {
    // "the two detained Canadians", "the 12 killed this week": no clause of "the two".
    check(
        "Gondor freed the two detained Canadians on Friday.",
        "(ROOT (S (NP (NNP Gondor)) (VP (VBD freed) (NP (DT the) (CD two) (JJ detained) (NNP Canadians)) (PP (IN on) (NP (NNP Friday)))) (. .)))",
    );
    check(
        "Among the 12 killed this week were two Rohan soldiers.",
        "(ROOT (S (PP (IN Among) (NP (NP (DT the) (CD 12)) (VP (VBN killed) (NP-TMP (DT this) (NN week))))) (VP (VBD were) (NP (CD two) (NNP Rohan) (NNS soldiers))) (. .)))",
    );
}

#[test]
fn a_participle_after_an_objects_appositive_is_the_clauses() {
    // "imposed sanctions on X, the founder of Y, accusing him of …": the participle after the
    // appositive's closing comma was a reduced relative of X, so the accusation's agent was X
    // and the sanctions' object ran to the end of the sentence (a parser error, not a layer
    // error). Before a subject's verb it stays inside the subject.
    check(
        "Rohan imposed sanctions on Grima, the adviser of the king, accusing him of treason.",
        "(ROOT (S (NP (NNP Rohan)) (VP (VBD imposed) (NP (NNS sanctions)) (PP (IN on) (NP (NP (NNP Grima)) (, ,) (NP (NP (DT the) (NN adviser)) (PP (IN of) (NP (DT the) (NN king)))))) (, ,) (S (VP (VBG accusing) (NP (NP (PRP him)) (PP (IN of) (NP (NN treason))))))) (. .)))",
    );
    check_contains(
        "Grima, the adviser of the king, speaking in Edoras, denied it.",
        &["(VP (VBD denied)"],
    );
}

#[test]
fn a_past_verb_after_a_reported_modal_clause_is_the_reporters() {
    // "said Washington would sell jets to the Kingdom and praised his guest": "praised" was
    // coordinated with "would sell", so the praise was Washington's and had the wrong agent.
    check(
        "Theoden said Rohan would send riders to Gondor and praised his guest.",
        "(ROOT (S (NP (NNP Theoden)) (VP (VP (VBD said) (SBAR (S (NP (NNP Rohan)) (VP (MD would) (VP (VB send) (NP (NNS riders)) (PP (TO to) (NP (NNP Gondor)))))))) (CC and) (VP (VBD praised) (NP (PRP$ his) (NN guest)))) (. .)))",
    );
}

#[test]
fn the_word_after_according_to_is_a_noun() {
    // "according to state media" was a participle with an infinitive "to state" whose object
    // was "media" (a tagger error, not a layer error).
    check(
        "Rohan attacked Gondor, according to state media.",
        "(ROOT (S (NP (NNP Rohan)) (VP (VBD attacked) (NP (NNP Gondor)) (, ,) (S (VP (VBG according) (PP (TO to) (NP (NN state) (NNS media)))))) (. .)))",
    );
}

#[test]
fn a_fronted_adverb_and_phrase_with_no_comma_before_the_subject() {
    // "Earlier in the day Xi held talks …": with no comma the fronted phrase was left out of
    // the clause, which had no subject (a parser error, not a layer error).
    check(
        "Earlier in the day Theoden held talks with Aragorn.",
        "(ROOT (S (ADVP (RBR Earlier) (PP (IN in) (NP (DT the) (NN day)))) (NP (NNP Theoden)) (VP (VBD held) (NP (NNS talks)) (PP (IN with) (NP (NNP Aragorn)))) (. .)))",
    );
}

#[test]
fn an_opening_phrase_before_a_name_and_its_verb_is_no_relative_clause() {
    // "In a statement Russia condemned the attack": the names and verb after an opening
    // preposition's noun were a relative clause with no wh-word on "a statement", so the
    // sentence had no main clause. With a comma and another verb after, it stays one.
    check(
        "In a statement Rohan condemned the attack.",
        "(ROOT (S (PP (IN In) (NP (DT a) (NN statement))) (NP (NNP Rohan)) (VP (VBD condemned) (NP (DT the) (NN attack))) (. .)))",
    );
    check(
        "In a move Rohan welcomed, Gondor withdrew its troops.",
        "(ROOT (S (PP (IN In) (NP (NP (DT a) (NN move)) (SBAR (S (NP (NNP Rohan)) (VP (VBD welcomed)))))) (, ,) (NP (NNP Gondor)) (VP (VBD withdrew) (NP (PRP$ its) (NNS troops))) (. .)))",
    );
}

#[test]
fn a_quoted_phrase_after_the_object_stays_in_the_verb_phrase() {
    // "had put relations with the embassies \"on pause\" after the two countries' ambassadors
    // criticised …": the verb phrase ended at the quotation mark, so "after" was a phrase of
    // the sentence and "criticised" took the reporter for its subject (a parser error, not a
    // layer error).
    check(
        "Theoden put relations with Gondor \"on pause\" after the two countries' envoys criticised his plan.",
        "(ROOT (S (NP (NNP Theoden)) (VP (VBD put) (NP (NNS relations)) (PP (IN with) (NP (NNP Gondor))) (`` ``) (PP (IN on) (NP (NN pause))) ('' '') (SBAR (IN after) (S (NP (NP (DT the) (CD two) (NNS countries) (POS ')) (NNS envoys)) (VP (VBD criticised) (NP (PRP$ his) (NN plan)))))) (. .)))",
    );
}

#[test]
fn a_nationality_after_a_determiner_before_a_gerund_is_its_adjective() {
    // "called the Azerbaijani shelling worrying": "the Azerbaijani" was a noun phrase with a
    // reduced relative "shelling worrying", so the layer coded a shelling of the caller (a
    // tagger error, not a layer error).
    check(
        "Theoden called the Gondorian shelling reckless.",
        "(ROOT (S (NP (NNP Theoden)) (VP (VBD called) (NP (DT the) (JJ Gondorian) (NN shelling)) (ADJP (JJ reckless))) (. .)))",
    );
}

#[test]
fn a_present_verb_after_a_reported_modal_clause_stays_in_the_clause() {
    // "said the army will withdraw and is considering talks": a present verb may go on a
    // modal's clause, so the consideration is the army's, not the reporter's (only a past verb
    // after a modal clause is the reporter's second act, as "and praised his guest" above).
    check(
        "Officials said the army will withdraw and is considering talks with the rebels.",
        "(ROOT (S (NP (NNS Officials)) (VP (VBD said) (SBAR (S (NP (DT the) (NN army)) (VP (VP (MD will) (VP (VB withdraw))) (CC and) (VP (VBZ is) (VP (VBG considering) (NP (NNS talks)) (PP (IN with) (NP (DT the) (NNS rebels))))))))) (. .)))",
    );
}

#[test]
fn a_plural_after_according_to_is_a_plural_noun() {
    // "according to reports": the word could be a verb, but it is the compound preposition's
    // plural object, not a singular noun.
    check_contains(
        "Rohan attacked Gondor, according to reports.",
        &["(PP (TO to) (NP (NNS reports)))"],
    );
    check_contains(
        "Rohan attacked Gondor, according to witnesses.",
        &["(PP (TO to) (NP (NNS witnesses)))"],
    );
}

#[test]
fn a_quotation_opening_with_a_phrase_after_the_object_is_no_quoted_phrase_of_the_verb() {
    // "told reporters \"in the coming days we will expel …\"": the quotation is a sentence that
    // opens with a phrase, not a quoted phrase of "told" (the quoted clause lost its event).
    // Only a phrase the quotation closes ("put relations \"on pause\" after …") is the verb's.
    check_contains(
        "Theoden told reporters \"in the coming days we will expel the envoy\".",
        &["(VP (VBD told) (NP (NNS reporters))) (`` ``) (PP (IN in)"],
    );
}
