//! Rule `comitative`: "A, together with B, condemned …", "A carried out drills with B": the
//! "with" phrase's actor does the act too, unless it is the act's partner or the phrase is an
//! event noun's own ("summoned the ambassador over Moscow's growing ties with Pyongyang").

use super::sides::{head_range, side};
use super::{Ctx, Side};
use demarche_dict::frames::NounFrame;
use demarche_predicates::{Filler, PredKind, Predication, Role, Via};
use demarche_text::english::Prep;

pub(super) fn comitative(
    ctx: &Ctx<'_>,
    p: &Predication,
    frame: Option<&NounFrame>,
) -> Option<Side> {
    let with = |w: &str| ctx.en.is_prep(w, Prep::Comitative);
    if frame.is_some_and(|f| f.target.iter().any(|t| with(t))) {
        return None;
    }
    // A phrase an event noun of the clause claims is the noun's ("ties with Pyongyang").
    let claimed = |f: &Filler| {
        ctx.a.preds.iter().any(|q| {
            q.kind == PredKind::Noun
                && ctx
                    .a
                    .args_of(q)
                    .iter()
                    .any(|y| y.via == Via::Adjacent && y.filler == *f)
        })
    };
    if let Some(s) = ctx.a.args_of(p).iter().find_map(|x| match &x.role {
        Role::Obl(prep) if with(prep) && !claimed(&x.filler) => side(ctx, p, &x.filler),
        _ => None,
    }) {
        return Some(s);
    }
    // Inside the subject, between commas: "Japan, together with the United States, condemned".
    let Filler::Phrase { node, .. } = ctx.a.arg(p, &Role::Agent)?.filler else {
        return None;
    };
    with_inside(ctx, p, node)
}

/// The side a comitative PP ("with B") directly inside a phrase names.
pub(super) fn with_inside(
    ctx: &Ctx<'_>,
    p: &Predication,
    node: demarche_model::NodeId,
) -> Option<Side> {
    let tree = ctx.tree;
    tree.children(node).iter().find_map(|&pp| {
        let kids = tree.children(pp);
        let prep = kids.first().and_then(|&k| tree.word(k))?;
        let np = *kids.get(1)?;
        if tree.label(pp) != "PP" || !ctx.en.is_prep(prep, Prep::Comitative) || tree.is_leaf(np) {
            return None;
        }
        let (lo, hi) = ctx.range.get(np.index()).copied()?;
        side(ctx, p, &Filler::Phrase { node: np, lo, hi })
    })
}

/// Rule `frontier`: an act with no target named, done on, along or near a border "with" an
/// actor (`forms.txt` `[frontier]`: "massed troops on its border with Syria", "clashes along the
/// frontier with Afghanistan"), is aimed at that actor. The `with` phrase is inside the border's
/// noun phrase or, as the parser often hangs it, the verb's next argument.
pub(super) fn frontier(ctx: &Ctx<'_>, p: &Predication) -> Option<Side> {
    let args = ctx.a.args_of(p);
    let with = |w: &str| ctx.en.is_prep(w, Prep::Comitative);
    args.iter().enumerate().find_map(|(i, x)| {
        let (Role::Obl(_), Filler::Phrase { node, lo, hi }) = (&x.role, x.filler) else {
            return None;
        };
        let (_, hhi) = head_range(ctx, node, lo, hi);
        let head = ctx.lower_words(hhi.checked_sub(1)?, hhi)?;
        if !ctx.en.is_form("frontier", head.first()?) {
            return None;
        }
        // "the border with Syria": a PP inside the phrase.
        let inside = with_inside(ctx, p, node);
        // "(on its border) (with Syria)": the next argument, right after the phrase.
        inside.or_else(|| match args.get(i + 1) {
            Some(y)
                if matches!(&y.role, Role::Obl(prep) if with(prep))
                    && matches!(y.filler, Filler::Phrase { lo, .. } if lo == hi + 1) =>
            {
                side(ctx, p, &y.filler)
            }
            _ => None,
        })
    })
}
