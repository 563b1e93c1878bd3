//! A readable listing of an [`Analysis`], for `demarche explain` and the fixtures.

use crate::{Analysis, Filler, Link, Modality, Polarity, PredKind, Role, Via, Voice};
use demarche_model::Tree;
use std::fmt::Write as _;

/// One line per predication, then one per argument:
/// `p1 summon verb under p0 report` / `   agent "Russia" subject`.
pub fn render(tree: &Tree, a: &Analysis) -> String {
    let leaves: Vec<&str> = tree.leaves().map(|l| tree.word(l).unwrap_or("")).collect();
    let mut out = String::new();
    for (i, p) in a.preds.iter().enumerate() {
        let _ = write!(
            out,
            "p{i} {} {}",
            p.lemma,
            match p.kind {
                PredKind::Verb => "verb",
                PredKind::Noun => "noun",
            }
        );
        if let Some(s) = &p.support_lemma {
            let _ = write!(out, " support=\"{s}\"");
        }
        if p.absorbed {
            out.push_str(" absorbed");
        }
        if p.voice == Voice::Passive {
            out.push_str(" passive");
        }
        if p.polarity == Polarity::Negated {
            out.push_str(" negated");
        }
        match p.modality {
            Modality::Asserted => {}
            Modality::Future => out.push_str(" future"),
            Modality::Possible => out.push_str(" possible"),
            Modality::Obligation => out.push_str(" obligation"),
        }
        if p.infinitive {
            out.push_str(" to");
        }
        if let Some((j, link)) = p.under {
            let l = match link {
                Link::Report => "report",
                Link::Deny => "deny",
                Link::Control => "control",
                Link::Complement => "complement",
                Link::Relative => "relative",
                Link::Participle => "participle",
                Link::Adjunct => "adjunct",
                Link::Argument => "argument",
            };
            let _ = write!(out, " under p{j} {l}");
        }
        out.push('\n');
        for arg in a.args_of(p) {
            let role = match &arg.role {
                Role::Agent => "agent".to_string(),
                Role::Patient => "patient".to_string(),
                Role::Second => "second".to_string(),
                Role::Obl(p) => p.to_string(),
                Role::Content => "content".to_string(),
            };
            let filler = match arg.filler {
                Filler::Phrase { lo, hi, .. } => format!(
                    "\"{}\"",
                    leaves
                        .get(lo as usize..hi as usize)
                        .map(|w| w.join(" "))
                        .unwrap_or_default()
                ),
                Filler::Pred(p) => format!("p{p}"),
            };
            let via = match arg.via {
                Via::Subject => "subject",
                Via::Object => "object",
                Via::By => "by",
                Via::Possessor => "possessor",
                Via::Modifier => "modifier",
                Via::Pp => "pp",
                Via::SharedSubject => "shared-subject",
                Via::Controller => "controller",
                Via::Antecedent => "antecedent",
                Via::MatrixSubject => "matrix-subject",
                Via::SupportSubject => "support-subject",
                Via::SupportPp => "support-pp",
                Via::Adjacent => "adjacent-pp",
                Via::Clause => "clause",
            };
            let _ = writeln!(out, "   {role} {filler} {via}");
        }
    }
    out
}
