//! Property tests: no reader panics on any input, and a line with an unbalanced bracket gives an
//! error at that line while every later entry still loads.

use demarche_dict::{
    ActorDictionary, AgentDictionary, Diagnostic, Severity, actors, agents, discards, issues, verbs,
};
use proptest::prelude::*;

/// Text made mostly of the characters the formats give meaning to, so that random input
/// reaches deep into the readers rather than being rejected on its first character.
fn format_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "[",
        "]",
        "{",
        "}",
        "(",
        ")",
        "<",
        ">",
        "!",
        "~",
        "~~",
        "+",
        "-",
        "---",
        "_",
        "*",
        "$",
        "%",
        "^",
        "&",
        "#",
        ";",
        ":",
        "=",
        " ",
        "\t",
        "\n",
        "\n\t",
        "<!--",
        "-->",
        "<ISSUE CATEGORY=\"X\">",
        "</ISSUE>",
        "n:",
        "v:",
        "A",
        "BC",
        "Y",
        "IE",
        "E",
        "SS",
        "950101",
        "20121109",
        "-",
        "---",
        "é",
        "\u{FFFD}",
        "0",
        "12",
    ]);
    prop::collection::vec(pieces, 0..80).prop_map(|v| v.concat())
}

fn errors_at(diags: &[Diagnostic]) -> Vec<usize> {
    diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .filter_map(|d| d.line)
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn readers_never_panic_on_format_like_text(s in format_text()) {
        let _ = verbs::read_verbs(&s, "f");
        let (a, _) = actors::read_actors(&s, "f");
        let (g, _) = agents::read_agents(&s, "f");
        let (d, _) = discards::read_discards(&s, "f");
        let (i, _) = issues::read_issues(&s, "f");
        // The compiled forms must accept any text too.
        let a = ActorDictionary::from_entries(a);
        let g = AgentDictionary::from_entries(g);
        let words: Vec<&str> = s.split_whitespace().collect();
        for k in 0..words.len() {
            let _ = a.matches_at(&words, k);
            let _ = g.longest_at(&words, k);
        }
        let _ = demarche_dict::DiscardList::from_entries(d).find(&s);
        let _ = i.find(&s);
    }

    #[test]
    fn readers_never_panic_on_arbitrary_text(s in any::<String>()) {
        let _ = verbs::read_verbs(&s, "f");
        let _ = actors::read_actors(&s, "f");
        let _ = agents::read_agents(&s, "f");
        let _ = discards::read_discards(&s, "f");
        let _ = issues::read_issues(&s, "f");
    }

    #[test]
    fn unbalanced_actor_bracket_is_reported_and_later_entries_load(
        n in 1usize..30, bad in 0usize..30, close in any::<bool>()
    ) {
        let bad = bad % n;
        let mut lines = Vec::new();
        for i in 0..n {
            if i == bad {
                lines.push(if close { format!("ACTOR_{i} CODE{i}]") } else { format!("ACTOR_{i} [CODE{i}") });
            } else {
                lines.push(format!("ACTOR_{i} [CODE{i}]"));
            }
            lines.push(format!("+SYN_{i}"));
        }
        let text = lines.join("\n");
        let (entries, diags) = actors::read_actors(&text, "f");
        prop_assert_eq!(errors_at(&diags), vec![2 * bad + 1]);
        prop_assert_eq!(entries.len(), n - 1);
        // Every later entry loaded, with its own synonym (not the bad entry's).
        let later: Vec<_> = entries.iter().filter(|e| e.origin.line > 2 * bad + 1).collect();
        prop_assert_eq!(later.len(), n - 1 - bad);
        for e in later {
            prop_assert_eq!(e.phrases.len(), 2);
        }
    }

    #[test]
    fn unbalanced_agent_bracket_is_reported_and_later_entries_load(
        n in 1usize..30, bad in 0usize..30
    ) {
        let bad = bad % n;
        let text: String = (0..n)
            .map(|i| if i == bad { format!("AGENT{i} [~GOV\n") } else { format!("AGENT{i} [~GOV]\n") })
            .collect();
        let (entries, diags) = agents::read_agents(&text, "f");
        prop_assert_eq!(errors_at(&diags), vec![bad + 1]);
        prop_assert_eq!(entries.len(), n - 1);
    }

    #[test]
    fn unbalanced_pattern_bracket_is_reported_and_later_patterns_load(
        n in 1usize..30, bad in 0usize..30, kind in 0usize..4
    ) {
        let bad = bad % n;
        let broken = ["- * (TO BORDER [154]", "- * {ARMS SHIPMENT [072]", "- * AID [070", "- * AID) [070]"][kind];
        let mut text = String::from("--- BLOCK [010] ---\nSAY\n");
        for i in 0..n {
            if i == bad {
                text.push_str(broken);
            } else {
                text.push_str(&format!("- * WORD{i} [020]"));
            }
            text.push('\n');
        }
        let (dict, diags) = verbs::read_verbs(&text, "f");
        prop_assert_eq!(errors_at(&diags), vec![bad + 3]);
        prop_assert_eq!(dict.patterns.len(), n - 1);
    }
}

#[test]
fn one_megabyte_line_is_read_without_trouble() {
    let long = "A".repeat(1 << 20);
    let (e, d) = actors::read_actors(&format!("{long} [X]\nB [Y]\n"), "f");
    assert_eq!(e.len(), 2);
    assert!(d.is_empty());
    let (v, d) = verbs::read_verbs(&format!("--- S [010] ---\nSAY\n- * {long} [020]\n"), "f");
    assert_eq!(v.patterns.len(), 1);
    assert!(d.is_empty());
    let (_, d) = agents::read_agents(&format!("{long} [~X\n"), "f");
    assert_eq!(d.len(), 1);
}

#[test]
fn deep_nesting_is_refused_not_a_stack_overflow() {
    // A transformation nested 100,000 levels deep.
    let deep = format!(
        "~ a {} b X {} SAY = a b 015\n",
        "( a ".repeat(100_000),
        ")".repeat(100_000)
    );
    let (v, d) = verbs::read_verbs(&deep, "f");
    assert!(v.transformations.is_empty());
    assert_eq!(errors_at(&d), vec![1]);
    // A chain of 10,000 synsets, each including the next.
    let mut chain = String::new();
    for i in 0..10_000 {
        chain.push_str(&format!("&S{i}\n+&S{}\n+W{i}\n", i + 1));
    }
    let (v, d) = verbs::read_verbs(&chain, "f");
    assert_eq!(v.synsets.len(), 10_000);
    assert!(d.iter().any(|d| d.message.contains("nested deeper")));
    // Nested noun phrases in a pattern are refused at the second level.
    let (v, d) = verbs::read_verbs("--- S ---\nSAY\n- * (TO {{A}}) [010]\n", "f");
    assert!(v.patterns.is_empty());
    assert_eq!(errors_at(&d), vec![3]);
}

proptest! {
    /// A phrase written back the PETRARCH way (`_` for adjacency, blank for a gap, trailing `_`
    /// for an exact end) reads as the same phrase.
    #[test]
    fn phrase_display_round_trips(
        words in prop::collection::vec("[A-Z0-9.'-]{1,8}", 1..6),
        seps in prop::collection::vec(prop::sample::select(vec!["_", " ", "  ", "\t", "_ ", " _"]), 5),
        exact in any::<bool>(),
    ) {
        let mut text = String::new();
        for (i, w) in words.iter().enumerate() {
            if i > 0 {
                text.push_str(seps[i - 1]);
            }
            text.push_str(w);
        }
        if exact {
            text.push('_');
        }
        let phrase = demarche_dict::words::parse_phrase(&text);
        prop_assert_eq!(&phrase.words, &words);
        prop_assert_eq!(phrase.exact_end, exact);
        let again = demarche_dict::words::parse_phrase(&phrase.to_string());
        prop_assert_eq!(again, phrase);
    }
}

/// Regression: a non-ASCII space inside a pattern made the pattern scanner stop advancing.
#[test]
fn non_ascii_space_in_a_pattern_does_not_hang() {
    let text = "--- S [010] ---\nSAY\n- *\u{3000}AID\u{A0}(TO\u{A0}{ARMS\u{3000}SHIPMENT}) [070]\n";
    let (v, d) = verbs::read_verbs(text, "f");
    assert!(d.is_empty(), "{d:?}");
    assert_eq!(v.patterns.len(), 1);
    assert_eq!(v.patterns[0].tokens.len(), 3);
}
