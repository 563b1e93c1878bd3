//! Speakers through pronouns and descriptions ("he said", "the agency said"), resolved against
//! who spoke before in the document.

use super::{Attribution, Np, is_cap, word};
use crate::entities::{Entities, EntityRef};
use crate::lexicon::{self, Class, has};
use crate::tokens::Tok;
use demarche_model::Span;

/// Pronoun and description speakers, resolved against who spoke before (see the `quotes` module doc).
#[derive(Default)]
pub(super) struct Discourse {
    /// Speakers in text order: sentence index, entity (when known), the subject as written,
    /// whether a person.
    speakers: Vec<(usize, Option<EntityRef>, String, bool)>,
}

impl Discourse {
    pub(super) fn resolve(
        &self,
        a: &mut Attribution,
        si: usize,
        entities: &Entities,
        sentence_start: usize,
    ) {
        let lower = a.text.to_lowercase();
        // A pronoun is who spoke last, before the person the entity layer found nearest.
        let pronoun = lexicon::is_person_pronoun(&lower) || matches!(lower.as_str(), "it" | "they");
        if a.entity.is_some() && !pronoun {
            return;
        }
        let window = || {
            self.speakers
                .iter()
                .rev()
                .take_while(move |(s, ..)| s + 2 >= si)
        };
        let recent = |person: bool| window().find(|(.., p)| *p == person);
        let set = |a: &mut Attribution, e: Option<EntityRef>, written: &str| {
            a.entity = e;
            a.name = match e {
                Some(e) => entities.name(e).map(str::to_string),
                None => Some(written.to_string()),
            };
        };
        // A speaker pronoun refers back past its own sentence, whose content may name others
        // ("Pedro Sanz will visit …, she said").
        if lexicon::is_person_pronoun(&lower) {
            if let Some((_, e, t, _)) = recent(true) {
                set(a, *e, t);
            } else if let Some(e) = entities.last_before(sentence_start, true) {
                set(a, Some(e), "");
            }
        } else if matches!(lower.as_str(), "it" | "they") {
            if let Some((_, e, t, _)) = recent(false) {
                set(a, *e, t);
            } else if let Some(e) = entities.last_before(sentence_start, false) {
                set(a, Some(e), "");
            }
        } else if let Some(head) = description_head(&lower)
            && has(Class::GenericSpeaker, head)
            && let Some((_, e, t, _)) = recent(false).filter(|(_, e, ..)| e.is_some())
        {
            // "the group said": the organisation that spoke last.
            set(a, *e, t);
        } else if let Some(head) = description_head(&lower) {
            // An organisation that spoke before and whose name holds the noun, else the one
            // that spoke last ("the group said"), else one named before whose name holds it.
            let holds = |name: &str| name.to_lowercase().split_whitespace().any(|w| w == head);
            let named_so = |e: &EntityRef| entities.name(*e).is_some_and(holds);
            if let Some((_, e, t, _)) = window()
                .filter(|(.., p)| !*p)
                .find(|(_, e, t, _)| e.as_ref().map_or(holds(t), named_so))
            {
                if t.to_lowercase() != lower {
                    set(a, *e, t);
                }
            } else if let Some(e) = entities
                .orgs_before(sentence_start)
                .into_iter()
                .rev()
                .find(named_so)
            {
                set(a, Some(e), "");
            } else if has(Class::GenericSpeaker, head)
                && let Some((_, e, t, _)) = recent(false)
            {
                set(a, *e, t);
            }
        }
    }

    /// Rule it-last-subject: a sentence that reports no one's words but opens with an
    /// organisation as its subject ("The committee moved 40 families to tents.", "The NDMO sent
    /// rations …") makes that organisation the one a later "it said" stands for, as a speaker
    /// would; before, "it" went back past it to the last speaker ("his office"). The subject is
    /// an organisation the entity layer found at the sentence's start, after "The" or not, or
    /// "the" and one or two lower-case words whose last heads organisation names ("the
    /// ministry", "the interior ministry").
    pub(super) fn subject(&mut self, text: &str, toks: &[Tok], entities: &Entities, si: usize) {
        let w = |k: usize| toks.get(k).map_or("", |t| word(text, t));
        let the = usize::from(w(0) == "The");
        let Some(first) = toks.get(the) else { return };
        if let Some((span, e @ EntityRef::Organization(_))) = entities.starting_at(first.span.start)
        {
            let written = span.slice(text).unwrap_or("").to_string();
            self.speakers.push((si, Some(e), written, false));
            return;
        }
        if the == 0 {
            return;
        }
        let lower = |k: usize| {
            let x = w(k);
            !x.is_empty() && x.chars().all(|c| c.is_ascii_lowercase())
        };
        let head = if lower(1) && has(Class::OrgHead, w(1)) {
            2
        } else if lower(1) && lower(2) && has(Class::OrgHead, w(2)) {
            3
        } else {
            return;
        };
        // The subject must be followed by its verb, not by more of a name.
        let next = w(head);
        if next.is_empty() || is_cap(next) || has(Class::Function, next) && next != "had" {
            return;
        }
        let written = (0..head)
            .map(w)
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        self.speakers.push((si, None, written, false));
    }

    pub(super) fn spoke(&mut self, a: &Attribution, si: usize) {
        let person = matches!(a.entity, Some(EntityRef::Person(_)))
            || a.entity.is_none() && lexicon::is_person_pronoun(&a.text.to_lowercase());
        let written = a.name.clone().unwrap_or_else(|| a.text.clone());
        // Pronouns left unresolved say nothing about who spoke.
        if a.entity.is_none()
            && a.name.is_none()
            && description_head(&a.text.to_lowercase()).is_none()
            && !a.text.contains(' ')
            && a.text.chars().next().is_some_and(char::is_lowercase)
        {
            return;
        }
        self.speakers.push((si, a.entity, written, person));
    }
}

/// Whether a subject is a description "the ministry", "the army" (one that pronouns and
/// descriptions resolve to who spoke).
pub(super) fn described(text: &str, toks: &[Tok], np: &Np) -> bool {
    let (Some(first), Some(last)) = (toks.get(np.s), toks.get(np.e.saturating_sub(1))) else {
        return false;
    };
    // Its noun is a common one ("the ministry", not "The United" before "States").
    !is_cap(word(text, last))
        && Span::new(first.span.start, last.span.end)
            .slice(text)
            .is_some_and(|t| description_head(&t.to_lowercase()).is_some())
}

/// The noun of a description "the ministry", "the group" (lower case, one or two words after
/// "the").
fn description_head(lower: &str) -> Option<&str> {
    let rest = lower.strip_prefix("the ")?;
    let words: Vec<&str> = rest.split_whitespace().collect();
    if words.is_empty()
        || words.len() > 2
        || words.iter().any(|w| !w.chars().all(char::is_alphabetic))
    {
        return None;
    }
    words.last().copied()
}
