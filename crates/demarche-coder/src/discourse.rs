//! Actors within a document: what earlier sentences named, so that "he", "it", "the two sides",
//! "the group" and country-less descriptions ("the ministry", "the military") resolve to the
//! actor the document has named. Coded sentence by sentence (a fresh [`Discourse`] for every
//! sentence), nothing changes.
//!
//! Rules (each with a fixture in `tests/frames.rs`):
//! - `person-pronoun`: "he"/"she" is the last person named.
//! - `thing-pronoun`: "it"/"they" in a reported clause is the reporter ("Pakistan said it
//!   would …"); otherwise the last actor that was a subject, else the last actor named.
//! - `pair`: "the two sides", "both countries" are the last two countries named together.
//! - `group`: "the group", "the rebels" are the last armed group named.
//! - `retort` (with `frames/answers.rs`): the earlier sentences' events, for a vow to answer in
//!   kind whose own sentence names no deed.
//! - `description`: a country-less agent in a definite description ("the ministry", "the
//!   military") takes the country of the last actor with that agent, else of the last subject;
//!   first (`same-noun`) of one named with a noun of the description ("the ambassador" after
//!   "Russia's ambassador", "the court" after "the International Criminal Court").
//! - `pair-kind`: "the two leaders" is the last pair of leaders named, though a pair of
//!   countries was named since.
//! - `guest`: "the guest", "the visitor" is who made the last visit the document coded.
//! - `named-again`: a bare name ("Bektenov") is the actor an earlier sentence named in full
//!   ("Kazakh Prime Minister Olzhas Bektenov").
//! - `setting` and `setting-home` (with `frames/refer.rs`): the country of the document's
//!   dateline ("MANILA, Nov. 12 (PNA) --") is where its story happens; the dateline names no
//!   actor itself.
//! - `pair-subject` (with `frames/named.rs`): the pair a subject named by reference stood for
//!   is that sentence's subject, for a later "they".
//! - `listed-pair`: a pair named together in one list stands against the sides of a later
//!   event that share one of its members ("the two former Soviet republics" after "Armenia and
//!   Azerbaijan … Aliyev thanked Trump"); `[pair-head]` in `anaphora.txt` names the heads.
//! - `counted`: "the three juntas" are the last list of three actors named.

use crate::legacy::{CodedEvent, Mention};
use demarche_dict::policy::Policy;
use demarche_model::{Span, Tree};
use demarche_text::english::Anaphor;

/// An actor a sentence named.
#[derive(Debug, PartialEq, Eq)]
pub struct Entity {
    pub code: String,
    pub person: bool,
    /// It was the agent of a predication.
    pub subject: bool,
    /// It was named only as where something happened (the object of a place preposition:
    /// "held talks in Abu Dhabi"): no side of a pair.
    pub venue: bool,
    pub sentence: usize,
    pub text: String,
    pub span: Option<Span>,
}

impl Entity {
    /// An actor named at `span` (its words `text`) in sentence `sentence`: no person, subject
    /// or venue until said.
    pub(crate) fn new(code: String, sentence: usize, text: String, span: Option<Span>) -> Self {
        Entity {
            code,
            person: false,
            subject: false,
            venue: false,
            sentence,
            text,
            span,
        }
    }
}

impl Clone for Entity {
    fn clone(&self) -> Self {
        Entity {
            code: self.code.clone(),
            person: self.person,
            subject: self.subject,
            venue: self.venue,
            sentence: self.sentence,
            text: self.text.clone(),
            span: self.span,
        }
    }

    /// Field by field, so that the strings keep their buffers (the pair a document names is
    /// replaced often).
    fn clone_from(&mut self, source: &Self) {
        self.code.clone_from(&source.code);
        self.person = source.person;
        self.subject = source.subject;
        self.sentence = source.sentence;
        self.text.clone_from(&source.text);
        self.span = source.span;
    }
}

/// The actors a document has named so far (the most recent last; bounded).
#[derive(Debug, Clone, Default)]
pub struct Discourse {
    /// Index of the sentence being coded.
    pub sentence: usize,
    entities: Vec<Entity>,
    pair: Option<(Entity, Entity)>,
    /// The sentence that named the pair.
    pair_at: usize,
    /// The pair was named together in one list (not as an event's two sides).
    pair_listed: bool,
    /// Earlier pairs whose members are agents of one kind ("Russian President Putin and North
    /// Korean leader Kim": GOV), the latest last (bounded): rule `pair-kind`.
    agent_pairs: Vec<(Entity, Entity)>,
    /// The two countries of the latest meeting an earlier sentence coded (`mutual` in
    /// `policy.txt`): rule `met-pair`.
    met: Option<(Entity, Entity)>,
    /// Source, target and event codes of the events earlier sentences coded (most recent
    /// last; bounded), for rules `retort` and `deed-back` across sentences.
    deeds: Vec<(String, String, String)>,
    /// The country of the document's dateline (rule `setting`).
    setting: Option<String>,
    /// The setting was given ([`Discourse::set_setting`]): no sentence's parse is read for it.
    setting_given: bool,
}

/// How many entities a document keeps: enough for a long article, bounded on any input.
const KEEP: usize = 64;

/// How many pairs of agents of one kind a document keeps (rule `pair-kind`).
const PAIRS: usize = 8;

impl Discourse {
    pub fn new() -> Self {
        Discourse::default()
    }

    /// The country the document's dateline names (rule `setting`): given by the pipeline,
    /// which reads the dateline the sentence splitter left out, or read from a first
    /// sentence's parse that opens with one (`demarche explain`).
    pub(crate) fn setting(&self) -> Option<&str> {
        self.setting.as_deref()
    }

    /// Sets the document's setting (rule `setting`): the country of a dateline the sentence
    /// splitter left out of the sentences ([`crate::Coder::dateline_country`]).
    pub fn set_setting(&mut self, country: Option<String>) {
        self.setting = country;
        self.setting_given = true;
    }

    /// Reads a dateline left at the start of a document's first sentence (`(S (FRAG …) (: --)
    /// …)`, as `demarche explain` gives it): its first place with a country's bare code is the
    /// setting, unless the setting was given. Returns the dateline's span, whose mentions are
    /// no actors of the story.
    pub(crate) fn read_dateline(
        &mut self,
        tree: &Tree,
        mentions: &[Mention],
        policy: &Policy,
    ) -> Option<Span> {
        if self.sentence != 0 || self.setting_given {
            return None;
        }
        let s = *tree.children(tree.root()).first()?;
        let kids = tree.children(s);
        let (&frag, &dash) = (kids.first()?, kids.get(1)?);
        if tree.label(frag) != "FRAG" || tree.word(dash) != Some("--") {
            return None;
        }
        let span = tree.span(frag)?;
        if self.setting.is_none() {
            self.setting = setting_in(mentions, Some(span), policy);
        }
        Some(span)
    }

    /// Records what the sentence just coded named, then moves to the next sentence.
    pub(crate) fn finish_sentence(
        &mut self,
        named: Vec<Entity>,
        events: &[CodedEvent],
        policy: &Policy,
    ) {
        // Two actors named together in one list ("Armenia and Azerbaijan held talks in Abu
        // Dhabi", "Congo's government and the M23 signed …"), else the first two of different
        // countries named as more than a venue (no list built: most sentences name one).
        let differ = |a: &Entity, e: &Entity| a.code.get(..3) != e.code.get(..3);
        let countries = || named.iter().filter(|e| policy.is_country(&e.code));
        let sides = || countries().filter(|e| !e.venue);
        let together = countries().enumerate().find_map(|(i, a)| {
            countries()
                .skip(i + 1)
                // Two countries, or a state and an armed group of its own ("Congo's government
                // and the M23"); not a country and its own officials ("Japanese Foreign
                // Minister Kamikawa and Defence Minister Kihara").
                .find(|e| {
                    let armed = |x: &Entity| policy.is_armed_group(&x.code);
                    e.span == a.span && a.code != e.code && (differ(a, e) || armed(a) || armed(e))
                })
                .map(|e| (a, e))
        });
        let first_two = || {
            let a = sides().next()?;
            sides().find(|e| differ(a, e)).map(|e| (a, e))
        };
        // Else the two sides of the first event between two countries (not a modifier's
        // country: "thanked Astana for its help … to the Iranian border"), named here or
        // through an earlier sentence ("Berdimuhamedov thanked Astana").
        let side = |ev: &CodedEvent, role: &str| -> Option<Entity> {
            let code = if role == "source" {
                &ev.source
            } else {
                &ev.target
            };
            if let Some(x) = named.iter().find(|x| &x.code == code && !x.venue) {
                return Some(x.clone());
            }
            let a = ev.antecedents.iter().find(|a| a.role == role)?;
            Some(Entity::new(
                code.clone(),
                a.sentence,
                a.text.clone(),
                a.span,
            ))
        };
        let dyad = || {
            events
                .iter()
                // The codes first: no entity is built for an event that cannot be the pair.
                .filter(|ev| {
                    policy.is_country(&ev.source)
                        && policy.is_country(&ev.target)
                        && ev.source.get(..3) != ev.target.get(..3)
                })
                .find_map(|ev| Some((side(ev, "source")?, side(ev, "target")?)))
        };
        // Rule `met-pair`: the two sides of the sentence's first meeting between two countries,
        // coded both ways (a host's or broker's act is one way: "the UAE hosted talks between
        // Armenia and Azerbaijan" met the two of them).
        let meeting = |ev: &CodedEvent| {
            policy.is_mutual(&ev.code)
                && policy.is_country(&ev.source)
                && policy.is_country(&ev.target)
                && ev.source.get(..3) != ev.target.get(..3)
        };
        let back = |ev: &CodedEvent| {
            events.iter().any(|x| {
                meeting(x)
                    && x.source.get(..3) == ev.target.get(..3)
                    && x.target.get(..3) == ev.source.get(..3)
            })
        };
        let met = events
            .iter()
            .filter(|ev| meeting(ev) && back(ev))
            .find_map(|ev| Some((side(ev, "source")?, side(ev, "target")?)));
        if met.is_some() {
            self.met = met;
        }
        let listed = together.is_some();
        let chosen = match together {
            Some((a, e)) => Some((a.clone(), e.clone())),
            None => dyad().or_else(|| first_two().map(|(a, e)| (a.clone(), e.clone()))),
        };
        // Rule `listed-pair`: a pair named together in one list stands against an event's two
        // sides that share one of its members ("The leaders of Armenia and Azerbaijan signed …
        // Aliyev thanked Trump … The two former Soviet republics fought two wars").
        let shares = |(a, b): &(Entity, Entity)| {
            self.pair.as_ref().is_some_and(|(x, y)| {
                [a, b]
                    .iter()
                    .any(|e| [x, y].iter().any(|p| p.code.get(..3) == e.code.get(..3)))
            })
        };
        let chosen = chosen.filter(|c| listed || !self.pair_listed || !shares(c));
        if let Some((a, b)) = &chosen {
            fn agent(e: &Entity) -> Option<&str> {
                e.code.get(3..).filter(|r| !r.is_empty())
            }
            if agent(a).is_some() && agent(a) == agent(b) {
                self.agent_pairs.push((a.clone(), b.clone()));
                if self.agent_pairs.len() > PAIRS {
                    self.agent_pairs.remove(0);
                }
            }
        }
        if chosen.is_some() {
            self.pair = chosen;
            self.pair_at = self.sentence;
            self.pair_listed = listed;
        }
        self.entities.extend(named);
        if self.entities.len() > KEEP {
            let extra = self.entities.len() - KEEP;
            self.entities.drain(..extra);
        }
        self.sentence += 1;
    }

    /// The recorded events that had a target (not rule `lone-deed`'s acts done to no one).
    fn coded_deeds(&self) -> impl DoubleEndedIterator<Item = &(String, String, String)> {
        self.deeds.iter().filter(|(_, t, _)| !t.is_empty())
    }

    /// Records the events a sentence coded, for later sentences' retorts, and the acts of
    /// conflict it coded with no target (rule `lone-deed`, target empty).
    pub(crate) fn record_deeds<'e>(
        &mut self,
        events: impl Iterator<Item = (&'e str, &'e str, &'e str)>,
    ) {
        self.deeds
            .extend(events.map(|(s, t, c)| (s.to_string(), t.to_string(), c.to_string())));
        if self.deeds.len() > KEEP {
            let extra = self.deeds.len() - KEEP;
            self.deeds.drain(..extra);
        }
    }

    /// The source of the latest earlier deed (`deed` in `policy.txt`) done by another country
    /// than `country` to a third, or within its own country by force or coercion (`inward`:
    /// "Nicaraguan police detained an opposition figure"): whose deed a bystander's criticism
    /// answers.
    /// `kind`: which event codes count (rule `deed-noun`: "the raid" is a deed of force).
    pub(crate) fn deed_by_other(
        &self,
        country: &str,
        policy: &Policy,
        kind: impl Fn(&str) -> bool,
    ) -> Option<&str> {
        self.deeds.iter().rev().find_map(|(s, t, c)| {
            let doer = s.get(..3);
            // A deed by someone unnamed ("a drone attack that killed three soldiers") is
            // background no critic answers by name: the search goes on to an earlier one.
            (policy.is_deed(c)
                && kind(c)
                && doer != Some(country)
                && doer != Some("---")
                && (doer != t.get(..3) || s != t && policy.is_inward(c)))
            .then_some(s.as_str())
        })
    }

    /// The latest earlier event (source, target, code) that `keep` accepts (rule `same-act`:
    /// the act "followed suit" repeats).
    pub(crate) fn last_deed(
        &self,
        keep: impl Fn(&str, &str, &str) -> bool,
    ) -> Option<(&str, &str, &str)> {
        self.deeds
            .iter()
            .rev()
            .map(|(s, t, c)| (s.as_str(), t.as_str(), c.as_str()))
            .find(|&(s, t, c)| keep(s, t, c))
    }

    /// The target of the latest earlier event whose code `kind` accepts (rule
    /// `aid-recipient`: whom the document's aid went to).
    pub(crate) fn recipient_of(&self, kind: impl Fn(&str) -> bool) -> Option<&str> {
        self.coded_deeds()
            .rev()
            .find_map(|(_, t, c)| kind(c).then_some(t.as_str()))
    }

    /// The source of the latest earlier event aimed at `country` by another country, of a
    /// code `kind` accepts: whom a retort with no one named answers (rule `retort`), criticism
    /// of "the measures" (conflict, rule `deed-back`) or approval of "the decision" (the rest).
    pub(crate) fn deed_against(&self, country: &str, kind: impl Fn(&str) -> bool) -> Option<&str> {
        self.deeds.iter().rev().find_map(|(s, t, c)| {
            (t.get(..3) == Some(country) && s.get(..3) != Some(country) && kind(c))
                .then_some(s.as_str())
        })
    }

    /// Rule `pair-kind`: the latest pair whose members are both agents of `agent` ("the two
    /// leaders" after "Putin and Kim", though "South Korea and the United States" were named
    /// since), when it is not the last pair.
    pub(crate) fn pair_of(&self, agent: &str) -> Option<(&Entity, &Entity)> {
        let of = |e: &Entity| e.code.get(3..) == Some(agent);
        if self.pair.as_ref().is_some_and(|(a, b)| of(a) && of(b)) {
            return None;
        }
        let (a, b) = self
            .agent_pairs
            .iter()
            .rev()
            .find(|(a, b)| of(a) && of(b))?;
        Some((a, b))
    }

    /// The actors earlier sentences named, the latest first.
    fn earlier(&self) -> impl Iterator<Item = &Entity> {
        self.entities
            .iter()
            .rev()
            .filter(|e| e.sentence < self.sentence)
    }

    /// The actors named together with `member` in one list (one phrase of one sentence), the
    /// latest first.
    fn list_of(&self, member: &Entity) -> Vec<&Entity> {
        self.earlier()
            .filter(|e| e.sentence == member.sentence && e.span == member.span)
            .collect()
    }

    /// Rule `pair-besides`: the two other members of the latest list of three actors of three
    /// countries that named `country` ("China, Tanzania and Zambia signed …" for China: Tanzania
    /// and Zambia), when no pair was named since.
    pub(crate) fn pair_besides(&self, country: &str) -> Option<(&Entity, &Entity)> {
        let earlier = || self.earlier();
        earlier()
            .filter(|e| e.code.get(..3) == Some(country))
            .take_while(|e| self.pair.is_none() || e.sentence >= self.pair_at)
            .find_map(|member| {
                let list = self.list_of(member);
                let others: Vec<&Entity> = list
                    .iter()
                    .copied()
                    .filter(|e| e.code.get(..3) != Some(country))
                    .collect();
                match (list.len(), others.as_slice()) {
                    (3, [a, b]) if a.code.get(..3) != b.code.get(..3) => Some((*b, *a)),
                    _ => None,
                }
            })
    }

    /// Rule `met-pair`: the two countries of the latest meeting of an earlier sentence.
    pub(crate) fn met_pair(&self) -> Option<(&Entity, &Entity)> {
        self.met.as_ref().map(|(a, b)| (a, b))
    }

    /// The actors an anaphor stands for (two for a pair).
    pub(crate) fn resolve(&self, kind: Anaphor, policy: &Policy) -> Vec<&Entity> {
        let earlier = || self.earlier();
        match kind {
            // A person named by title and country ("Iran's foreign minister") is no person
            // entry: then the last subject.
            // Rule `subject-person`: of the persons the latest sentence naming one named, its
            // subject ("After the meeting, Prince Faisal voiced confidence that Aoun would carry
            // out reforms. He also called on Israel …": Faisal).
            Anaphor::Person => earlier()
                .find(|e| e.person)
                .map(|last| {
                    earlier()
                        .take_while(|e| e.sentence == last.sentence)
                        .filter(|e| e.person && e.subject)
                        .last()
                        .unwrap_or(last)
                })
                .or_else(|| earlier().find(|e| e.subject && !policy.is_armed_group(&e.code)))
                .into_iter()
                .collect(),
            Anaphor::Thing => earlier()
                .find(|e| e.subject && !e.person)
                .or_else(|| earlier().find(|e| !e.person))
                .into_iter()
                .collect(),
            // "they": every actor of the list the last subject was, else as "it".
            Anaphor::Plural => {
                let Some(first) = earlier().find(|e| e.subject && !e.person) else {
                    return self.resolve(Anaphor::Thing, policy);
                };
                let list = self.list_of(first);
                if list.len() > 1 {
                    list.into_iter().rev().collect()
                } else {
                    vec![first]
                }
            }
            // Rule `counted`: "the three countries" are the members of the latest list of
            // three actors of different countries named together.
            Anaphor::Counted(n) => {
                let found = earlier().find_map(|member| {
                    let list = self.list_of(member);
                    let mut countries: Vec<&str> =
                        list.iter().filter_map(|e| e.code.get(..3)).collect();
                    countries.sort_unstable();
                    countries.dedup();
                    (countries.len() == usize::from(n) && list.len() == usize::from(n))
                        .then_some(list)
                });
                // Else the actors of as many countries that the sentence before named ("Biden
                // hosted Kishida and Yoon. The three agreed …").
                let last = || {
                    let sentence = earlier().next()?.sentence;
                    let mut one_each: Vec<&Entity> = Vec::new();
                    for e in earlier().filter(|e| e.sentence == sentence) {
                        if one_each.iter().all(|k| k.code.get(..3) != e.code.get(..3)) {
                            one_each.push(e);
                        }
                    }
                    (one_each.len() == usize::from(n)).then_some(one_each)
                };
                found
                    .or_else(last)
                    .map(|l| l.into_iter().rev().collect())
                    .unwrap_or_default()
            }
            Anaphor::Pair => self
                .pair
                .as_ref()
                .map(|(a, b)| vec![a, b])
                .unwrap_or_default(),
            // Only the pair the sentence just before named.
            Anaphor::RecentPair if self.pair_at + 1 == self.sentence => {
                self.resolve(Anaphor::Pair, policy)
            }
            Anaphor::RecentPair => Vec::new(),
            Anaphor::Group => earlier()
                .find(|e| policy.is_armed_group(&e.code))
                .into_iter()
                .collect(),
            Anaphor::Bloc => earlier()
                .find(|e| policy.is_bloc(&e.code))
                .into_iter()
                .collect(),
            // Resolved against the predication's own agent or its speaker, not the discourse.
            Anaphor::Reciprocal | Anaphor::Speaker | Anaphor::Neighbour => Vec::new(),
            // Rule `guest`: the source of the last visit (`policy.txt` `visit`).
            Anaphor::Guest => {
                let Some((s, _, _)) = self.deeds.iter().rev().find(|(_, _, c)| policy.is_visit(c))
                else {
                    return Vec::new();
                };
                earlier()
                    .find(|e| e.code == *s)
                    .or_else(|| earlier().find(|e| e.code.get(..3) == s.get(..3)))
                    .into_iter()
                    .collect()
            }
        }
    }

    /// The actor an earlier sentence named with `words` ending its name, or as the given name
    /// before the last ("Bektenov", "Anwar" after "Kazakh Prime Minister Olzhas Bektenov" and
    /// "Malaysian Prime Minister Anwar Ibrahim"): rule `named-again`. The name may end before
    /// lower-case words its phrase goes on with ("declared Prime Minister Kamla Persad-Bissessar
    /// persona non grata").
    pub(crate) fn named_before(&self, words: &[&str]) -> Option<&Entity> {
        if words.is_empty() {
            return None;
        }
        // The name's words from its end, without collecting the entity's words. A word with a
        // capital anywhere is part of the name ("al-Nouri" too); only words with none ("persona
        // non grata") are skipped from the end.
        fn from_end(text: &str) -> impl Iterator<Item = &str> {
            let capitalised = |w: &&str| w.chars().any(char::is_uppercase);
            text.split_whitespace()
                .rev()
                .skip_while(move |w| !capitalised(w))
        }
        self.earlier().find(|e| {
            let mut t = from_end(&e.text);
            let ends = words.iter().rev().all(|w| t.next() == Some(*w));
            let longer = t.next().is_some();
            let given = words.len() == 1 && from_end(&e.text).nth(1) == words.first().copied();
            // A family name before a given name of two short syllables, as Korean names are
            // written unhyphenated ("Lee" after "President Lee Jae Myung").
            let syllables = |w: &str| w.len() <= 5 && w.starts_with(char::is_uppercase);
            let family = e.person
                && words.len() == 1
                && from_end(&e.text).take(2).all(syllables)
                && from_end(&e.text).nth(2) == words.first().copied();
            // A name before its patronymic ("Prince Faisal" after "Prince Faisal bin
            // Farhan": `forms.txt` `[name-particle]`), looked for only when the rest fail.
            let patronymic = || {
                let en = demarche_text::english::get();
                let all: Vec<&str> = e.text.split_whitespace().collect();
                all.windows(words.len() + 1).any(|w| {
                    w[..words.len()] == *words && en.is_form("name-particle", w[words.len()])
                })
            };
            let lower_word = || {
                e.text
                    .split_whitespace()
                    .any(|w| w.starts_with(char::is_lowercase))
            };
            ends && longer || given || family || lower_word() && patronymic()
        })
    }

    /// Rule `same-noun`: the last actor an earlier sentence named with agent `suffix` (or an
    /// organisation's code going on past it) and a noun of the description's `words` ("the
    /// ambassador" after "Russia's ambassador"; "the court" after "the International Criminal
    /// Court", IGOJUDICC).
    pub(crate) fn same_noun(&self, suffix: &str, words: &str) -> Option<&Entity> {
        // The description's words after its article, of more than a few letters.
        let nouns: Vec<&str> = words
            .split_whitespace()
            .skip(1)
            .filter(|w| w.len() > 3)
            .collect();
        // The one that shares the most of them ("the Commission president" after "European
        // Commission President von der Leyen" and "Mauritanian President Ghazouani"); the
        // latest on a tie, unless the tie is within one list, whose members share its text.
        let shared = |e: &Entity| {
            nouns
                .iter()
                .filter(|n| has_word(&e.text, |w| w.eq_ignore_ascii_case(n)))
                .count()
        };
        let candidates = || {
            self.earlier()
                .filter(|e| {
                    e.code
                        .get(3..)
                        .is_some_and(|r| r.starts_with(suffix) || r.ends_with(suffix))
                })
                .map(|e| (shared(e), e))
                .filter(|&(n, _)| n > 0)
        };
        let (most, best) =
            candidates().fold(None::<(usize, &Entity)>, |best, (n, e)| match best {
                Some((m, _)) if m >= n => best,
                _ => Some((n, e)),
            })?;
        let listed = candidates().any(|(n, e)| {
            n == most && e.code != best.code && e.span == best.span && e.sentence == best.sentence
        });
        (!listed).then_some(best)
    }

    /// Rule `name-head`: the last organisation an earlier sentence named with `head` as a
    /// word of its name, for "the League" after "an Arab League summit" (a capitalised head
    /// noun alone after "the", which the dictionaries give no code).
    pub(crate) fn named_by_head(&self, head: &str) -> Option<&Entity> {
        self.entities
            .iter()
            .rev()
            .filter(|e| e.sentence < self.sentence && e.code.len() > 3 && !e.person)
            .find(|e| has_word(&e.text, |w| w == head))
    }

    /// The actor whose country a country-less agent code ("---MIL") takes; first (rule
    /// `same-noun`) an actor of that agent named with a noun of the description's `words`
    /// ("the ambassador" after "Russia's ambassador", not after "Ukrainian President …").
    pub(crate) fn country_for(
        &self,
        agent_code: &str,
        words: &str,
        policy: &Policy,
    ) -> Option<&Entity> {
        let suffix = agent_code.get(3..).filter(|s| !s.is_empty())?;
        let earlier = || {
            self.earlier()
                .filter(|e| e.code.get(..3).is_some_and(|c| policy.is_country(c)))
        };
        // Rule `deed-doer`: "the military" after a deed is the doer's.
        let doer = || {
            let (s, _, _) = self
                .coded_deeds()
                .next_back()
                .filter(|_| policy.is_deed_doer(suffix))?;
            earlier().find(|e| e.code.get(..3) == s.get(..3))
        };
        self.same_noun(suffix, words)
            .or_else(|| earlier().find(|e| e.code.get(3..) == Some(suffix)))
            .or_else(doer)
            .or_else(|| earlier().find(|e| e.subject))
    }
}

/// Whether a word of `text`, its punctuation trimmed ("the International Criminal Court, hours
/// after …"), is one `matches` takes.
fn has_word(text: &str, matches: impl Fn(&str) -> bool) -> bool {
    text.split_whitespace()
        .any(|w| matches(w.trim_matches(|c: char| !c.is_alphanumeric())))
}

/// Phoenix's quad class of verbal conflict; material conflict is the next.
const VERBAL_CONFLICT: u8 = 3;

/// Whether an event code is of conflict, verbal or material (our CAMEO table's quad class).
pub(crate) fn is_conflict(code: &str) -> bool {
    demarche_model::cameo::lookup(code).is_some_and(|i| i.quad_class >= VERBAL_CONFLICT)
}

/// The first place among `mentions` (within `span`, if given) named by a country's bare code.
pub(crate) fn setting_in(
    mentions: &[Mention],
    span: Option<Span>,
    policy: &Policy,
) -> Option<String> {
    let inside = |m: &Mention| {
        span.is_none_or(|d| {
            m.span
                .is_some_and(|sp| sp.start >= d.start && sp.end <= d.end)
        })
    };
    mentions
        .iter()
        .filter(|m| m.level >= 2 && inside(m))
        .flat_map(|m| &m.codes)
        .find(|c| c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase()) && policy.is_country(c))
        .cloned()
}
