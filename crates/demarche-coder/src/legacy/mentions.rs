//! Noun phrases as actor mentions: which noun phrases of the tree are actor phrases (flat
//! phrases, `X of Y` merged), the actor and agent names in them (longest first), their units
//! (compounds, agents distributed over `X of A and B`), and the codes each unit gives
//! (`combine`: actor code plus agent codes; new actors named by their text).

use super::sent::{Phrase, Sent, Tag, span_of_range};
use super::{Coder, Mention, RuleKey};
use crate::Options;
use crate::lexicon::{UNKNOWN, WordId};
use demarche_dict::{ActorId, AgentId, AgentPlacement};
use demarche_model::{Date, NodeId, Span};
use demarche_text::english::{self, Prep};

/// A noun phrase treated as an actor mention.
#[derive(Debug, Clone)]
pub(super) struct Ne {
    pub(super) node: NodeId,
    /// Leaf range.
    pub(super) lo: u32,
    pub(super) hi: u32,
    pub(super) codes: Vec<String>,
    /// Per code: the words and entries it came from.
    pub(super) members: Vec<Member>,
    pub(super) rules: Vec<RuleKey>,
    /// 2: a dictionary actor or agent; 1: only a new actor named by its text; 0: null.
    pub(super) level: u8,
}

/// Evidence for one code of a noun phrase.
#[derive(Debug, Clone, Default)]
pub(super) struct Member {
    pub(super) span: Option<Span>,
    pub(super) rules: Vec<RuleKey>,
}

#[derive(Debug, Clone, Copy)]
pub(super) enum HitKind {
    Actor(ActorId),
    Agent(AgentId),
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Hit {
    pub(super) kind: HitKind,
    pub(super) lo: u32,
}

/// Rule `sea-name`: an actor named inside the name of a sea ("Oman" in "the Gulf of Oman").
fn sea_named(s: &Sent<'_>, h: &Hit) -> bool {
    matches!(h.kind, HitKind::Actor(_)) && super::places::in_sea_name(s, h.lo)
}

/// An actor phrase, possibly one part of a compound: its actor and agents.
#[derive(Debug, Clone, Default)]
struct Unit {
    actor: Option<ActorId>,
    agents: Vec<AgentId>,
    lo: u32,
    hi: u32,
}

/// How deep [`Coder::units`] follows nested noun phrases.
const MAX_NP_DEPTH: usize = 32;
/// How many noun phrases inside one actor phrase get their own codes for patterns.
const MAX_INNER: usize = 16;

impl Coder<'_> {
    pub(super) fn find_nes(&self, s: &mut Sent<'_>, date: Date, opts: &Options) {
        let tree = s.tree;
        let n = tree.len();
        // flat[i]: an NP that is only words, nested flat NPs, modifiers and merged phrases.
        let mut flat = std::mem::take(&mut s.flat);
        flat.clear();
        flat.resize(n, false);
        for i in (0..n).rev() {
            if s.kind[i] != Phrase::Np {
                continue;
            }
            let id = NodeId(i as u32);
            flat[i] = tree.children(id).iter().all(|&c| {
                let ci = c.index();
                if tree.is_leaf(c) {
                    return true;
                }
                match s.kind[ci] {
                    Phrase::Np => flat[ci],
                    Phrase::Mod => tree.children(c).iter().all(|&g| tree.is_leaf(g)),
                    Phrase::Pp => self.is_merge_pp(s, c, &flat),
                    _ => false,
                }
            });
        }
        let mut covered_until = 0u32;
        let mut deleted_until = 0u32;
        let mut main_hits: Vec<Hit> = Vec::new();
        let mut inner_count = 0usize;
        for i in 0..n {
            if s.kind[i] != Phrase::Np || s.hi[i] <= s.lo[i] {
                continue;
            }
            let (lo, hi) = (s.lo[i], s.hi[i]);
            let id = NodeId(i as u32);
            if lo < covered_until {
                // A noun phrase inside an actor phrase (`the parliament` in `the parliament of
                // Gondor`): patterns may name it with `^`, `$` or `+`.
                // Only the parts of `X of Y` constructions need their own codes: the head
                // noun phrase and the prepositional object.
                let in_pp_construction = tree.parent(id).is_some_and(|p| {
                    s.kind[p.index()] == Phrase::Pp
                        || (s.kind[p.index()] == Phrase::Np
                            && tree
                                .children(p)
                                .iter()
                                .any(|&c| s.kind[c.index()] == Phrase::Pp))
                });
                if in_pp_construction && inner_count < MAX_INNER && hi <= covered_until {
                    inner_count += 1;
                    let ne = self.make_ne(s, id, &main_hits, &flat, date, opts);
                    let k = s.nes.len() as u32;
                    s.nes.push(ne);
                    s.inner.push((lo, hi, k));
                }
                continue;
            }
            if !flat[i] {
                continue;
            }
            if (lo..hi).all(|l| s.deleted.get(l as usize).copied().unwrap_or(true)) {
                if lo >= deleted_until {
                    s.deleted_nps.push(id);
                    deleted_until = hi;
                }
                continue;
            }
            covered_until = hi;
            inner_count = 0;
            main_hits = self.hits(s, lo, hi);
            if opts.reported_speech && titled_document(s, lo, hi) {
                main_hits.clear();
            }
            let ne = self.make_ne(s, id, &main_hits, &flat, date, opts);
            let ne_index = s.nes.len() as u32;
            s.nes.push(ne);
            for l in lo..hi {
                if let Some(slot) = s.ne_of.get_mut(l as usize) {
                    *slot = ne_index;
                }
            }
        }
        s.flat = flat;
    }

    /// Every mention of the sentence, in tree pre-order (see [`Coder::code_with_mentions`]):
    /// the actor phrases and the noun phrases inside them, then, coded afresh with the
    /// comma-clause deletion undone, the actor phrases it removed. Runs after coding (it clears
    /// `s.deleted`).
    pub(super) fn mentions(
        &self,
        s: &mut Sent<'_>,
        date: Date,
        opts: &Options,
        out: &mut Vec<Mention>,
    ) {
        let tree = s.tree;
        // The phrases' codes and entries move into the mentions: coding is done with them.
        let mention = |ne: Ne, deleted: bool| Mention {
            node: ne.node,
            lo: ne.lo,
            hi: ne.hi,
            span: tree.span(ne.node),
            level: ne.level,
            deleted,
            codes: ne.codes,
            rules: ne.rules,
        };
        let start = out.len();
        out.extend(
            std::mem::take(&mut s.nes)
                .into_iter()
                .map(|ne| mention(ne, false)),
        );
        if s.deleted_nps.is_empty() {
            return;
        }
        s.deleted.iter_mut().for_each(|d| *d = false);
        for &id in &s.deleted_nps {
            let hits = self.hits(s, s.lo[id.index()], s.hi[id.index()]);
            let ne = self.make_ne(s, id, &hits, &s.flat, date, opts);
            out.push(mention(ne, true));
        }
        if let Some(new) = out.get_mut(start..) {
            new.sort_by_key(|m| m.node.index());
        }
    }

    fn make_ne(
        &self,
        s: &Sent<'_>,
        id: NodeId,
        hits: &[Hit],
        flat: &[bool],
        date: Date,
        opts: &Options,
    ) -> Ne {
        let units = self.units(s, id, hits, flat, 0);
        let (mut codes, mut members, rules) = self.unit_codes(s, &units, date, opts);
        // A compound keeps only its coded members (`The lions and Gondor` is Gondor).
        if codes.iter().any(|c| c != "---") {
            let keep: Vec<bool> = codes.iter().map(|c| c != "---").collect();
            let mut k = keep.iter();
            codes.retain(|_| k.next().copied().unwrap_or(false));
            let mut k = keep.iter();
            members.retain(|_| k.next().copied().unwrap_or(false));
        }
        let level = if codes.iter().any(|c| c != "---" && !c.starts_with('"')) {
            2
        } else if codes.iter().any(|c| c.starts_with('"')) {
            1
        } else {
            0
        };
        Ne {
            node: id,
            lo: s.lo[id.index()],
            hi: s.hi[id.index()],
            codes,
            members,
            rules,
            level,
        }
    }

    /// A PP merged into its noun phrase: a [`Prep::Part`] preposition (`of`) followed by
    /// flat noun phrases.
    fn is_merge_pp(&self, s: &Sent<'_>, pp: NodeId, flat: &[bool]) -> bool {
        let tree = s.tree;
        let children = tree.children(pp);
        let Some((&first, rest)) = children.split_first() else {
            return false;
        };
        let en = english::get();
        let prep_ok = tree.word(first).is_some_and(|w| en.is_prep(w, Prep::Part));
        prep_ok
            && !rest.is_empty()
            && rest
                .iter()
                .all(|&c| s.kind[c.index()] == Phrase::Np && flat[c.index()])
    }

    /// Actor and agent names in leaves `lo..hi`, left to right, longest first; an actor wins a
    /// tie with an agent.
    pub(super) fn hits(&self, s: &Sent<'_>, lo: u32, hi: u32) -> Vec<Hit> {
        let mut out = Vec::new();
        let range = lo as usize..hi as usize;
        let clean = s
            .deleted
            .get(range.clone())
            .is_some_and(|d| d.iter().all(|x| !x))
            && s.tags
                .get(range.clone())
                .is_some_and(|t| !t.contains(&Tag::Pronoun));
        // Whether the phrase's word `k` is capitalised: a name opened by "the" does not stop
        // before one ("The West African bloc ECOWAS" is no "the West").
        let capital = |k: usize| {
            (k < range.len())
                && s.leaf_node
                    .get(lo as usize + k)
                    .and_then(|&n| s.tree.word(n))
                    .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()))
        };
        if clean && let Some(words) = s.words.get(range.clone()) {
            self.scan_hits(words, &capital, lo, &mut out);
        } else {
            let words: Vec<WordId> = (lo..hi)
                .map(|l| {
                    let l = l as usize;
                    if s.deleted.get(l).copied().unwrap_or(true)
                        || s.tags.get(l) == Some(&Tag::Pronoun)
                    {
                        UNKNOWN
                    } else {
                        s.words.get(l).copied().unwrap_or(UNKNOWN)
                    }
                })
                .collect();
            self.scan_hits(&words, &capital, lo, &mut out);
        }
        out.retain(|h| !sea_named(s, h));
        out
    }

    fn scan_hits(
        &self,
        words: &[WordId],
        capital: &dyn Fn(usize) -> bool,
        lo: u32,
        out: &mut Vec<Hit>,
    ) {
        let mut i = 0usize;
        while i < words.len() {
            let mut actor = self.lex.actors.longest_at(words, i);
            if let Some(g) = self.lex.gapped_actor_at(words, i)
                && actor.is_none_or(|(_, len)| g.1 > len)
            {
                actor = Some(g);
            }
            let agent = self.lex.agents.longest_at(words, i);
            let (kind, len) = match (actor, agent) {
                (Some((a, la)), Some((_, lg))) if la >= lg => (HitKind::Actor(a.0), la),
                (_, Some((g, lg))) => (HitKind::Agent(g.0), lg),
                (Some((a, la)), None) => (HitKind::Actor(a.0), la),
                (None, None) => {
                    i += 1;
                    continue;
                }
            };
            // "the West Bank": a name opened by "the" gives way to one that starts on its next
            // word and runs past it ("the West" + "Bank" would be the West's banks).
            if len >= 2
                && self.lex.definite.contains(&words[i])
                && self
                    .lex
                    .actors
                    .longest_at(words, i + 1)
                    .is_some_and(|(_, l)| i + 1 + l > i + len)
            {
                i += 1;
                continue;
            }
            if len >= 2 && self.lex.definite.contains(&words[i]) && capital(i + len) {
                i += 1;
                continue;
            }
            out.push(Hit {
                kind,
                lo: lo + i as u32,
            });
            i += len.max(1);
        }
    }

    fn flat_unit(&self, hits: &[Hit], lo: u32, hi: u32) -> Unit {
        let mut u = Unit {
            lo,
            hi,
            ..Unit::default()
        };
        for h in hits.iter().filter(|h| h.lo >= lo && h.lo < hi) {
            match h.kind {
                HitKind::Actor(a) => {
                    if u.actor.is_none() {
                        u.actor = Some(a);
                    }
                }
                HitKind::Agent(g) => {
                    if !u.agents.contains(&g) {
                        u.agents.push(g);
                    }
                }
            }
        }
        u
    }

    /// The actor units of a noun phrase: one for a simple phrase, several for a compound
    /// (`Fornost and Gondor`), with agents distributed over `X of A and B` constructions.
    fn units(
        &self,
        s: &Sent<'_>,
        node: NodeId,
        hits: &[Hit],
        flat: &[bool],
        depth: usize,
    ) -> Vec<Unit> {
        let tree = s.tree;
        let children = tree.children(node);
        let (lo, hi) = (s.lo[node.index()], s.hi[node.index()]);
        // Real noun phrases nest a few levels; a pathological tree is read as one flat phrase
        // rather than recursing without bound.
        if depth > MAX_NP_DEPTH {
            return vec![self.flat_unit(hits, lo, hi)];
        }
        let is_split = |c: NodeId| {
            tree.is_leaf(c)
                && matches!(
                    s.tags.get(s.lo[c.index()] as usize),
                    Some(Tag::Conj) | Some(Tag::Comma)
                )
        };
        // A headline's "Somalia, Ethiopia agree …" (a sentence's first phrase, two phrases and a
        // comma, no closing punctuation) is a compound too.
        let headline = lo == 0
            && children.len() == 3
            && is_split(children[1])
            && !tree.is_leaf(children[0])
            && !tree.is_leaf(children[2])
            && s.tags.last().is_some_and(|t| *t != Tag::Punct);
        let has_cc = headline
            || children.iter().enumerate().any(|(i, &c)| {
                i > 0 && tree.is_leaf(c) && s.tags.get(s.lo[c.index()] as usize) == Some(&Tag::Conj)
            });
        if has_cc {
            let mut out: Vec<Unit> = Vec::new();
            let mut group: Vec<NodeId> = Vec::new();
            let mut leaf_level = false;
            let flush = |group: &mut Vec<NodeId>, out: &mut Vec<Unit>, leaf_level: &mut bool| {
                if group.is_empty() {
                    return;
                }
                if let [only] = group.as_slice()
                    && !tree.is_leaf(*only)
                    && s.kind[only.index()] == Phrase::Np
                {
                    out.extend(self.units(s, *only, hits, flat, depth + 1));
                    group.clear();
                    return;
                }
                if group.iter().any(|&g| tree.is_leaf(g)) {
                    *leaf_level = true;
                }
                let glo = group.iter().map(|g| s.lo[g.index()]).min().unwrap_or(lo);
                let ghi = group.iter().map(|g| s.hi[g.index()]).max().unwrap_or(hi);
                out.push(self.flat_unit(hits, glo, ghi));
                group.clear();
            };
            for &c in children {
                if is_split(c) {
                    flush(&mut group, &mut out, &mut leaf_level);
                } else {
                    group.push(c);
                }
            }
            flush(&mut group, &mut out, &mut leaf_level);
            if leaf_level {
                // `Danish media and government`: the leading actor modifies every conjunct.
                // Its modifying agents (`Danish Islamist media and government`) are carried
                // too: all of the first conjunct's agents but its head noun's (the last).
                let mut carried: Option<(ActorId, Vec<AgentId>)> = None;
                for u in &mut out {
                    match (u.actor, &carried) {
                        (Some(a), _) => {
                            let mods = u.agents.split_last().map(|(_, m)| m.to_vec());
                            carried = Some((a, mods.unwrap_or_default()));
                        }
                        (None, Some((a, mods))) if !u.agents.is_empty() => {
                            u.actor = Some(*a);
                            let mut agents = mods.clone();
                            for g in &u.agents {
                                if !agents.contains(g) {
                                    agents.push(*g);
                                }
                            }
                            u.agents = agents;
                        }
                        _ => {}
                    }
                }
            }
            if out.is_empty() {
                out.push(self.flat_unit(hits, lo, hi));
            }
            return out;
        }
        // `the ambassadors of Arnor, Osgiliath and Gondor`: head noun phrase + of/in/from phrase.
        let head = children
            .iter()
            .position(|&c| !tree.is_leaf(c) && s.kind[c.index()] == Phrase::Np);
        if let Some(hpos) = head {
            let pp = children.get(hpos + 1).copied().filter(|&c| {
                !tree.is_leaf(c) && s.kind[c.index()] == Phrase::Pp && self.is_merge_pp(s, c, flat)
            });
            if let (Some(&h), Some(pp)) = (children.get(hpos), pp) {
                let obj = tree.children(pp).get(1).copied();
                let hu = self.units(s, h, hits, flat, depth + 1);
                if hu.iter().any(|u| u.actor.is_some()) {
                    return hu;
                }
                if let Some(obj) = obj {
                    let ou = self.units(s, obj, hits, flat, depth + 1);
                    if ou.iter().any(|u| u.actor.is_some()) {
                        let heads: Vec<&Unit> =
                            hu.iter().filter(|u| !u.agents.is_empty()).collect();
                        if heads.is_empty() {
                            return ou;
                        }
                        let mut out = Vec::new();
                        for hd in &heads {
                            for o in ou.iter().filter(|o| o.actor.is_some()) {
                                let mut agents = hd.agents.clone();
                                for g in &o.agents {
                                    if !agents.contains(g) {
                                        agents.push(*g);
                                    }
                                }
                                out.push(Unit {
                                    actor: o.actor,
                                    agents,
                                    lo: o.lo,
                                    hi: o.hi,
                                });
                            }
                        }
                        return out;
                    }
                }
            }
        }
        // `Old foes Gondor and Osgiliath`, `(Eriadori and Calenardhon) leaders`: a compound
        // noun phrase inside a larger one keeps its members; agents outside it apply to all.
        let nps: Vec<NodeId> = children
            .iter()
            .copied()
            .filter(|&c| !tree.is_leaf(c) && s.kind[c.index()] == Phrase::Np)
            .collect();
        for &c in &nps {
            let cu = self.units(s, c, hits, flat, depth + 1);
            if cu
                .iter()
                .filter(|u| u.actor.is_some() || !u.agents.is_empty())
                .count()
                > 1
            {
                let (clo, chi) = (s.lo[c.index()], s.hi[c.index()]);
                let mut outside: Vec<AgentId> = Vec::new();
                let mut outside_actor = false;
                for h in hits
                    .iter()
                    .filter(|h| h.lo >= lo && h.lo < hi && (h.lo < clo || h.lo >= chi))
                {
                    match h.kind {
                        HitKind::Agent(g) => outside.push(g),
                        HitKind::Actor(_) => outside_actor = true,
                    }
                }
                if outside_actor {
                    break;
                }
                return cu
                    .into_iter()
                    .map(|mut u| {
                        for g in &outside {
                            if !u.agents.contains(g) {
                                u.agents.push(*g);
                            }
                        }
                        u
                    })
                    .collect();
            }
        }
        vec![self.flat_unit(hits, lo, hi)]
    }

    fn unit_codes(
        &self,
        s: &Sent<'_>,
        units: &[Unit],
        date: Date,
        opts: &Options,
    ) -> (Vec<String>, Vec<Member>, Vec<RuleKey>) {
        let mut codes: Vec<String> = Vec::new();
        let mut members: Vec<Member> = Vec::new();
        let mut all_rules: Vec<RuleKey> = Vec::new();
        let push = |c: String, codes: &mut Vec<String>| {
            if !codes.contains(&c) {
                codes.push(c);
            }
        };
        for u in units {
            let mut rules: Vec<RuleKey> = Vec::new();
            let agents: Vec<&demarche_dict::AgentEntry> = u
                .agents
                .iter()
                .filter_map(|g| self.dicts.agents.get(*g))
                .collect();
            for g in &u.agents {
                rules.push(RuleKey::Agent(g.0));
            }
            let actor_codes = u.actor.and_then(|a| {
                let e = self.dicts.actors.get(a)?;
                rules.push(RuleKey::Actor(a.0));
                e.codes_on(date)
            });
            match actor_codes {
                Some(ac) if !ac.is_null() => {
                    for c in &ac.codes {
                        push(combine(c, &agents), &mut codes);
                    }
                }
                Some(_) => push("---".to_string(), &mut codes),
                // Rule `former` (news reading): a person out of office is of the country of
                // the last office held, with no agent of that office.
                None if u.actor.is_some() => {
                    let former = u
                        .actor
                        .filter(|_| opts.domestic())
                        .and_then(|a| self.dicts.actors.get(a)?.former_on(date)?.first())
                        .and_then(|c| c.get(..3))
                        .filter(|c| self.dicts.policy.is_country(c));
                    push(former.unwrap_or("---").to_string(), &mut codes)
                }
                None => match self
                    .place_country(s, u.lo, u.hi, date)
                    .filter(|_| opts.places())
                {
                    Some((country, place)) => {
                        rules.push(RuleKey::Place(place));
                        push(combine(country, &agents), &mut codes);
                    }
                    None if !agents.is_empty() => push(combine("---", &agents), &mut codes),
                    None => {
                        let text = new_actor_text(s, u.lo, u.hi, opts.new_actor_length);
                        push(text.unwrap_or_else(|| "---".to_string()), &mut codes);
                    }
                },
            }
            // Each code added for this unit cites the unit's words and entries.
            let span = span_of_range(s, u.lo, u.hi);
            while members.len() < codes.len() {
                members.push(Member {
                    span,
                    rules: rules.clone(),
                });
            }
            all_rules.extend(rules);
        }
        if codes.is_empty() {
            codes.push("---".to_string());
            members.push(Member::default());
        }
        (codes, members, all_rules)
    }
}

/// Adds agent codes to an actor code: prefixes before, suffixes after, skipping a code the
/// actor code already carries (`USAGOV` + `GOV` stays `USAGOV`).
fn combine(actor: &str, agents: &[&demarche_dict::AgentEntry]) -> String {
    let mut code = actor.to_string();
    for g in agents
        .iter()
        .filter(|g| g.placement == AgentPlacement::Suffix)
    {
        if !has_code_at_3(&code, &g.code) {
            code.push_str(&g.code);
        }
    }
    for g in agents
        .iter()
        .filter(|g| g.placement == AgentPlacement::Prefix)
    {
        if !has_code_at_3(&code, &g.code) {
            code.insert_str(0, &g.code);
        }
    }
    code
}

/// Whether `code` contains `part` at an offset that is a multiple of three (CAMEO actor codes
/// are built from three-letter pieces).
fn has_code_at_3(code: &str, part: &str) -> bool {
    if part.is_empty() {
        return true;
    }
    (0..code.len())
        .step_by(3)
        .any(|i| code.get(i..).is_some_and(|rest| rest.starts_with(part)))
}

fn new_actor_text(s: &Sent<'_>, lo: u32, hi: u32, max_len: usize) -> Option<String> {
    if max_len == 0 {
        return None;
    }
    let mut words: Vec<String> = Vec::new();
    for l in lo..hi {
        let l = l as usize;
        if s.deleted.get(l).copied().unwrap_or(true) {
            continue;
        }
        if matches!(
            s.tags.get(l),
            Some(Tag::Possessive) | Some(Tag::Punct) | Some(Tag::Comma)
        ) {
            continue;
        }
        let w = s.leaf_node.get(l).and_then(|&n| s.tree.word(n))?;
        words.push(w.to_uppercase());
    }
    if words.is_empty() || words.len() > max_len {
        return None;
    }
    Some(format!("\"{}\"", words.join(" ")))
}

/// Whether an actor phrase has some code naming a country or organisation.
pub(super) fn has_country(ne: &Ne) -> bool {
    ne.codes.iter().any(|c| !c.starts_with("---"))
}

/// Rule `titled-document` (news reading): a noun phrase closed by a capitalised document noun
/// after a capitalised word names a document ("signed the Ankara Declaration"), not the country
/// of the place in its name ([`demarche_text::english::English::is_titled_document`]).
fn titled_document(s: &Sent<'_>, lo: u32, hi: u32) -> bool {
    let word = |l: u32| s.leaf_node.get(l as usize).and_then(|&n| s.tree.word(n));
    hi >= lo + 2
        && word(hi - 2)
            .zip(word(hi - 1))
            .is_some_and(|(before, head)| {
                demarche_text::english::get().is_titled_document(before, head)
            })
}
