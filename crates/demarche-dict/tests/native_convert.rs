//! Converter round trips on small inputs we wrote: native → PETRARCH → native, PETRARCH →
//! native → PETRARCH-equivalent model, and the whole built-in set through PETRARCH.

use demarche_dict::native::{self, write};
use demarche_dict::{Dictionaries, PatternItem, PetrarchSources, Severity};

/// A readable summary of everything a dictionary set says, independent of ids and origins:
/// verbs with forms and codes, patterns with codes, synsets, actors, agents, discards.
fn summary(d: &Dictionaries) -> Vec<String> {
    fn item(i: &PatternItem, d: &Dictionaries) -> String {
        match i {
            PatternItem::Verb => "*".into(),
            PatternItem::Word(w) => w.clone(),
            PatternItem::Synset(id) => format!(
                "&{}",
                d.verbs
                    .synset(*id)
                    .map(|s| s.name.clone())
                    .unwrap_or_default()
            ),
            PatternItem::Source => "$".into(),
            PatternItem::Target => "+".into(),
            PatternItem::Compound => "%".into(),
            PatternItem::Skip => "^".into(),
            PatternItem::NounPhrase(items) => {
                format!(
                    "{{{}}}",
                    items
                        .iter()
                        .map(|x| item(x, d))
                        .collect::<Vec<_>>()
                        .join(" ")
                )
            }
            PatternItem::PrepPhrase {
                preposition,
                object,
            } => {
                let mut parts = vec![item(preposition, d)];
                parts.extend(object.iter().map(|x| item(x, d)));
                format!("({})", parts.join(" "))
            }
        }
    }
    let mut out = Vec::new();
    for (i, v) in d.verbs.verbs.iter().enumerate() {
        let forms: Vec<String> = v.forms.iter().map(|f| f.words.join("_")).collect();
        let code = d.verbs.code_of(demarche_dict::VerbId(i as u32));
        let code = code.map(|c| c.to_string()).unwrap_or_default();
        out.push(format!("verb {} [{code}]", forms.join(" ")));
    }
    for (i, v) in d.verbs.verbs.iter().enumerate() {
        for p in d.verbs.patterns_of(demarche_dict::VerbId(i as u32)) {
            let toks: Vec<String> = p.tokens.iter().map(|t| item(&t.item, d)).collect();
            out.push(format!(
                "pattern {}: {} [{}]",
                v.forms[0].words.join("_"),
                toks.join(" "),
                p.code
            ));
        }
    }
    for s in &d.verbs.synsets {
        let mut members: Vec<String> = s
            .members
            .iter()
            .map(|m| match m {
                demarche_dict::SynsetMember::Phrase { phrase, .. } => phrase.words.join(" "),
                demarche_dict::SynsetMember::Synset { name, .. } => format!("&{name}"),
            })
            .collect();
        members.sort();
        out.push(format!("set {} = {}", s.name, members.join(" | ")));
    }
    for a in &d.actors.entries {
        let names: Vec<String> = a.phrases.iter().map(|p| p.phrase.words.join(" ")).collect();
        let mut codes: Vec<String> = a
            .dated
            .iter()
            .map(|x| format!("{} {:?}", x.codes.written, x.restriction))
            .collect();
        if let Some(c) = &a.default_codes {
            codes.push(format!("{} default", c.written));
        }
        out.push(format!(
            "actor {} => {}",
            names.join(" | "),
            codes.join(", ")
        ));
    }
    for a in &d.agents.entries {
        let forms: Vec<String> = a.forms.iter().map(|f| f.words.join(" ")).collect();
        out.push(format!(
            "agent {} => {} {:?}",
            forms.join(" | "),
            a.code,
            a.placement
        ));
    }
    for x in &d.discards.entries {
        out.push(format!(
            "discard {} {:?} whole={}",
            x.text, x.scope, x.whole_word
        ));
    }
    out.sort();
    out
}

const NATIVE: &[(&str, &str)] = &[
    (
        "verbs/a.txt",
        "&crime = corruption | {money laundering}\n\
         accuse | blame                         112\n\
         \x20   * (of &crime)                     1121\n\
         \x20   * (of {war crimes})               1124\n\
         hold (holds held holding)              ---\n\
         \x20   * talks                           040\n\
         \x20   * {joint exercises}               062\n\
         \x20   police * (on alert)               151\n\
         +speak (speaks spoke spoken speaking) highly of   051\n\
         highly +appreciate                     051\n\
         meet (meets met meeting)               031:032\n",
    ),
    (
        "actors/a.txt",
        "CHN = China | People's Republic of China | Beijing\n\
         IGOUNO = United Nations | UN\n\
         Vladimir Putin | Putin\n\
         \x20   2000-05-07..2008-05-07  RUSGOV  President\n\
         \x20   2012-05-07..            RUSGOV  President\n\
         \x20   ..1999-12-31            RUSELI  before\n\
         \x20   ..                      RUSELI  otherwise\n",
    ),
    (
        "agents.txt",
        "GOV = foreign ministry | spokesman (spokesmen) | authorities (-)\nprefix NGO = rights group\n",
    ),
    (
        "discards.txt",
        "sentence: world cup\nstory: horoscope\nsentence: batsman*\n",
    ),
];

fn petrarch_sources(files: &[(String, String)]) -> (Dictionaries, Vec<demarche_dict::Diagnostic>) {
    let get = |suffix: &str| {
        files
            .iter()
            .find(|(n, _)| n.ends_with(suffix))
            .map(|(n, c)| (n.as_str(), c.as_str()))
    };
    let actors: Vec<(&str, &str)> = get("actors.txt").into_iter().collect();
    Dictionaries::from_petrarch_sources(PetrarchSources {
        verbs: get("verbs.txt"),
        actors: &actors,
        agents: get("agents.txt"),
        discards: get("discards.txt"),
        issues: None,
    })
}

#[test]
fn native_to_petrarch_to_native_keeps_everything() {
    let (set, diags) = native::read_sources(NATIVE, "");
    assert!(diags.is_empty(), "{diags:?}");
    let original = set.compile();

    let petrarch = write::to_petrarch(&original);
    assert!(petrarch.notes.is_empty(), "{:?}", petrarch.notes);
    let (via_petrarch, diags) = petrarch_sources(&petrarch.files);
    let errors: Vec<_> = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    assert!(
        errors.is_empty(),
        "PETRARCH readers rejected our output: {errors:?}"
    );

    let back = write::to_native(&via_petrarch);
    let files: Vec<(&str, &str)> = back
        .files
        .iter()
        .map(|(n, c)| (n.as_str(), c.as_str()))
        .collect();
    let (set2, diags) = native::read_sources(&files, "");
    assert!(
        diags.is_empty(),
        "our reader rejected the converted files: {diags:?}\n{files:#?}"
    );
    let again = set2.compile();

    let (a, b) = (summary(&original), summary(&again));
    assert_eq!(a, b);
    // The summary is not empty or trivial: it saw every kind of entry.
    for kind in ["verb ", "pattern ", "set ", "actor ", "agent ", "discard "] {
        assert!(a.iter().any(|l| l.starts_with(kind)), "no {kind}in summary");
    }
    assert!(
        a.contains(&"pattern ACCUSE: * (OF &CRIME) [1121]".to_string()),
        "{a:#?}"
    );
    assert!(a.contains(&"verb SPEAK_HIGHLY_OF SPEAKS_HIGHLY_OF SPOKE_HIGHLY_OF SPOKEN_HIGHLY_OF SPEAKING_HIGHLY_OF [051]".to_string()), "{a:#?}");
}

const PETRARCH_VERBS: &str = "\
&TIES
+RELATIONS
+DIPLOMATIC_TIES

--- SEVER  [161] ---
SEVER
CUT {CUTS CUTTING}  [---]
- * &TIES                  [161]  # SEVER
- * AID                    [162]  # CUT
- * (OFF {MILITARY AID})   [1622] # CUT
";
const PETRARCH_ACTORS: &str = "\
GONDOR_ [GON]
+MINAS_TIRITH
ARAGORN_
\t[GONGOV 30190101-31200101]
\t[GONMIL <30181231]
";
const PETRARCH_AGENTS: &str = "FOREIGN_MINISTER [~GOV]\nTROOPS {} [~MIL]\nATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~JUD]\nHUMAN_RIGHTS_GROUP [NGO~]\n";
const PETRARCH_DISCARDS: &str = "WORLD CUP\n+HOROSCOPE_\n";

#[test]
fn petrarch_to_native_keeps_what_our_format_can_say() {
    let (original, diags) = Dictionaries::from_petrarch_sources(PetrarchSources {
        verbs: Some(("v.verbs.txt", PETRARCH_VERBS)),
        actors: &[("a.actors.txt", PETRARCH_ACTORS)],
        agents: Some(("a.agents.txt", PETRARCH_AGENTS)),
        discards: Some(("d.discards.txt", PETRARCH_DISCARDS)),
        issues: None,
    });
    assert!(
        diags.iter().all(|d| d.severity != Severity::Error),
        "{diags:?}"
    );
    let native = write::to_native(&original);
    assert!(native.notes.is_empty(), "{:?}", native.notes);
    let files: Vec<(&str, &str)> = native
        .files
        .iter()
        .map(|(n, c)| (n.as_str(), c.as_str()))
        .collect();
    let (set, diags) = native::read_sources(&files, "");
    assert!(diags.is_empty(), "{diags:?}\n{files:#?}");
    let converted = set.compile();
    // Our reader adds the regular plural of each pattern's head nouns; everything else is the
    // same.
    let (before, after) = (summary(&original), summary(&converted));
    let missing: Vec<&String> = before.iter().filter(|l| !after.contains(l)).collect();
    assert!(missing.is_empty(), "lost in conversion: {missing:#?}");
    let added: Vec<&String> = after.iter().filter(|l| !before.contains(l)).collect();
    assert_eq!(
        added,
        [
            "pattern CUT: * (OFF {MILITARY AIDS}) [1622]",
            "pattern CUT: * AIDS [162]",
            "pattern SEVER: * (OFF {MILITARY AIDS}) [1622]",
            "pattern SEVER: * AIDS [162]",
        ]
    );
    // A verb without its own code takes the block's, in both.
    let sever = converted.verbs.forms_of("SEVERED")[0].verb;
    assert_eq!(
        converted
            .verbs
            .code_of(sever)
            .map(|c| c.to_string())
            .as_deref(),
        Some("161")
    );
}

#[test]
fn the_builtin_set_survives_petrarch_and_back() {
    let (original, diags) = native::default_dictionaries();
    assert!(diags.is_empty());
    let petrarch = write::to_petrarch(&original);
    let (via, diags) = petrarch_sources(&petrarch.files);
    let errors: Vec<String> = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.to_string())
        .collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    let back = write::to_native(&via);
    let files: Vec<(&str, &str)> = back
        .files
        .iter()
        .map(|(n, c)| (n.as_str(), c.as_str()))
        .collect();
    let (set, diags) = native::read_sources(&files, "");
    let shown: Vec<String> = diags.iter().map(|d| d.to_string()).collect();
    assert!(shown.is_empty(), "{}", shown.join("\n"));
    assert_eq!(summary(&set.compile()), summary(&original));
}

#[test]
fn what_our_format_cannot_say_is_reported() {
    let verbs = "--- SAY [010] ---\nSAY\n- IN_* $  [010]\n~ a (b . ATTACK) SAY = a b 112\n";
    let (d, _) = Dictionaries::from_petrarch_sources(PetrarchSources {
        verbs: Some(("v.verbs.txt", verbs)),
        issues: Some((
            "i.issues.txt",
            "<ISSUE CATEGORY=\"X\">\nn:bomb [X]\n</ISSUE>\n",
        )),
        ..Default::default()
    });
    let notes = write::to_native(&d).notes;
    assert_eq!(notes.len(), 3, "{notes:?}");
    assert!(notes[0].contains("join words with `_`"), "{notes:?}");
    assert!(notes[1].contains("1 transformation(s)"), "{notes:?}");
    assert!(notes[2].contains("issue phrase(s)"), "{notes:?}");
}
