//! CAMEO policy: the rules of the coder's news reading that are about codes, not words — which
//! event roots are statements, what an action announced for the future becomes, which roots
//! partners do together, whom criticism of a deed is aimed at, which agents are domestic and
//! which actor codes name no country. Read from `dictionaries/policy.txt` (format in
//! `dictionaries/README.md`, "Policy").
//!
//! The built-in file is compiled in ([`Policy::builtin`]) and is what every dictionary set
//! gets by default, PETRARCH's included: the coder options that read it are off in PETRARCH
//! mode. A native dictionary directory with its own `policy.txt` uses that file instead.
//!
//! ```
//! use demarche_dict::policy::Policy;
//! let (p, diags) = Policy::read("statement 01\nintent 04 = 036\njoint 03 04\n", "policy.txt");
//! assert!(diags.is_empty());
//! assert!(p.is_statement("010") && !p.is_statement("112"));
//! assert_eq!(p.intent_code("042"), "036");
//! assert_eq!(p.intent_code("112"), "112");
//! assert!(p.is_joint("043") && !p.is_joint("057"));
//! ```

use crate::model::Origin;
use crate::native::text::{FileCtx, lines};
use demarche_model::Diagnostic;
use std::sync::OnceLock;

/// One code of a policy rule and the line that gave it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyCode {
    /// A two-digit event root, a CAMEO event code or a three-letter actor code, as the rule
    /// takes.
    pub code: String,
    pub origin: Origin,
    /// `code` packed into one integer ([`code_key`]), so that the look-ups below compare
    /// integers instead of calling `memcmp` for every listed code.
    key: u64,
}

impl PolicyCode {
    fn new(code: &str, origin: Origin) -> PolicyCode {
        PolicyCode {
            code: code.to_string(),
            origin,
            key: code_key(code),
        }
    }

    /// Whether this is `code`, whose [`code_key`] is `key`.
    fn is(&self, code: &str, key: u64) -> bool {
        self.key == key && (key != LONG_CODE || self.code == code)
    }
}

/// The key of a code longer than seven bytes (compared as strings).
const LONG_CODE: u64 = u64::MAX;

/// A code of up to seven bytes as one integer (its bytes and its length: two codes have the
/// same key exactly when they are equal), or [`LONG_CODE`]. Policy codes are two to six bytes.
fn code_key(code: &str) -> u64 {
    let b = code.as_bytes();
    if b.len() > 7 {
        return LONG_CODE;
    }
    let mut k = (b.len() as u64) << 56;
    for (i, &c) in b.iter().enumerate() {
        k |= u64::from(c) << (8 * i);
    }
    k
}

/// One `intent` rule: an action of `root` announced for the future codes `code`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IntentRule {
    pub root: String,
    pub code: String,
    pub origin: Origin,
}

/// The CAMEO policy of the news reading (one line of `policy.txt` per rule).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Policy {
    /// `statement`: roots whose events are statements (their reported clause is coded too).
    pub statement_roots: Vec<PolicyCode>,
    /// `intent`: root → the code of the intention to do it.
    pub intent: Vec<IntentRule>,
    /// `joint`: roots a compound subject does between its members.
    pub joint_roots: Vec<PolicyCode>,
    /// `inward`: roots of acts a country's own forces or people do within it, coded between
    /// the country and itself ("the army shelled a market in Darfur" is SDN -> SDN).
    pub inward_roots: Vec<PolicyCode>,
    /// `at-home`: roots whose acts, with no target, are aimed at the doer's own country, as
    /// this agent ("thousands of Kenyans marched through Nairobi" is KEN -> KENGOV).
    pub at_home: Option<(Vec<PolicyCode>, PolicyCode)>,
    /// `home-curb`: event codes of curbs (a curfew, martial law) that, with no target, are
    /// aimed at the doer's own people, as this agent ("Bangladesh imposed a nationwide curfew"
    /// is BGD -> BGDCVL).
    pub home_curb: Option<(Vec<PolicyCode>, PolicyCode)>,
    /// `mutual`: event codes of acts two actors do with each other whichever is named first
    /// ("Putin met Trump" is RUS -> USA and USA -> RUS).
    pub mutual_codes: Vec<PolicyCode>,
    /// `third-party`: event codes of a third party's part in a pair's talks (hosting,
    /// mediating); with no target named, the target is the pair ("talks hosted by Turkey").
    pub third_party_codes: Vec<PolicyCode>,
    /// `deed-agent`: roots whose target, for a deed with a `by` phrase, is its agent.
    pub deed_target_roots: Vec<PolicyCode>,
    /// `approval-back`: roots of approval whose target, for a deed named only by a definite
    /// description ("welcomed the decision"), is whoever did something to the approver before.
    pub approval_back_roots: Vec<PolicyCode>,
    /// `measure-object`: roots of acts aimed, for a measure named with its author as a modifier
    /// ("UN sanctions on Iran"), at the measure's object.
    pub measure_object_roots: Vec<PolicyCode>,
    /// `deed`: roots of the events a later criticism of "the attack" or "the move" can answer
    /// (rule `deed-back`).
    pub deed_roots: Vec<PolicyCode>,
    /// `avenged`: roots of deeds that an answering act, with no doer named, avenges on its
    /// target (rule `avenged`).
    pub avenged_roots: Vec<PolicyCode>,
    /// `same-act`: roots of the acts that "followed suit" or "did the same" repeats by another
    /// doer (rule `same-act`).
    pub same_act_roots: Vec<PolicyCode>,
    /// `home-coercion`: roots of acts that a country-less domestic target suffers in the
    /// country of a source of this agent type.
    pub home_coercion: Option<(Vec<PolicyCode>, PolicyCode)>,
    /// `crowd`: agents that are crowds of people (protesters, residents).
    pub crowd_agents: Vec<PolicyCode>,
    /// `no-visit`: agents whose coming or arriving is no visit (refugees, migrants).
    pub no_visit_agents: Vec<PolicyCode>,
    /// `crowd-force`: roots of force that a crowd's act is instead (a riot), and that code.
    pub crowd_force: Option<(Vec<PolicyCode>, PolicyCode)>,
    /// `allied`: roots of acts that two countries doing them with no target do together, and
    /// the code of that joint act.
    pub allied: Option<(Vec<PolicyCode>, PolicyCode)>,
    /// `occasion`: roots of event nouns (meetings, talks, visits) that, named as the occasion
    /// of a clause's act ("during talks in Gyeongju"), are the clause's agent's with no doer of
    /// their own, and with the clause's object or partner with no partner of their own.
    pub occasion_roots: Vec<PolicyCode>,
    /// `occasion-partner`: roots of a clause's own act under which the clause's object is its
    /// occasion's partner ("briefed his counterpart during talks"; not "condemned Russia at a
    /// meeting of the council").
    pub occasion_partner_roots: Vec<PolicyCode>,
    /// `counterpart`: roots whose act with no target is aimed at the other side of the last
    /// event of the sentence that involves the doer ("raised its tariffs on American goods,
    /// vowing to fight to the end").
    pub counterpart_roots: Vec<PolicyCode>,
    /// `deed-doer`: agents ("the military") that, named with no country and no earlier actor of
    /// their own kind, are of the country whose act the document coded last.
    pub deed_doer_agents: Vec<PolicyCode>,
    /// `setting`: roots and event codes of acts (giving aid) that, with no target named and a
    /// foreign doer, are aimed at the country of the document's dateline.
    pub setting_codes: Vec<PolicyCode>,
    /// `setting-home`: agents that, named with no country in a document with a dateline, are
    /// of the dateline's country ("police fired tear gas", "Vice President X said").
    pub setting_home_agents: Vec<PolicyCode>,
    /// `fronted-place`: agents that, named with no country in a sentence that opens with a
    /// place ("In Beijing, a foreign ministry spokesman said"), are of that place's country.
    pub fronted_place_agents: Vec<PolicyCode>,
    /// `visit`: event codes whose source is a visitor, whom "the guest" or "the visitor" in a
    /// later sentence names (rule `guest`).
    pub visit_codes: Vec<PolicyCode>,
    /// `reporter-own`: agents of a state ("air defence units", "police") that, named with no
    /// country as the doer of a clause a state reports, are that state's.
    pub reporter_own_agents: Vec<PolicyCode>,
    /// `domestic`: source agents whose country a country-less target takes.
    pub domestic_agents: Vec<PolicyCode>,
    /// `not-country`: first three letters of actor codes that name no country.
    pub non_country: Vec<PolicyCode>,
    /// `armed-group`: actor types (or, first in a code, prefixes) of armed non-state groups,
    /// which "the group", "the rebels" refer back to.
    pub armed_groups: Vec<PolicyCode>,
    /// `bloc`: first letters of the codes of organisations that "the bloc", "the alliance"
    /// refer back to.
    pub blocs: Vec<PolicyCode>,
    /// `harm`: the code of a verb of harm done ("hit", "destroyed") with no code of its own,
    /// between two actors.
    pub harm: Option<PolicyCode>,
    /// `departure`: the code of leaving an organisation ("Mali left ECOWAS", "withdrew from
    /// the WHO"), from the one leaving to the organisation.
    pub departure: Option<PolicyCode>,
    /// `consequence`: the code of a warning that an actor will face consequences ("warned that
    /// Israel would pay a heavy price"), from the warner to that actor.
    pub consequence: Option<PolicyCode>,
    /// `naming`: the code of calling something by a word of disapproval ("called the ban
    /// illegal", "called the attack an act of terror"), from the namer to the deed's doer.
    pub naming: Option<PolicyCode>,
    /// `refusal`: roots whose acts, said to be not done in the future ("would not ease its
    /// sanctions on Cuba"), are refused: this code.
    pub refusal: Option<(Vec<PolicyCode>, PolicyCode)>,
    /// `state-protest`: roots whose acts by a state itself (a country's or capital's name, its
    /// government) are an official complaint: this code ("Vietnam protested China's
    /// deployment" is not a demonstration).
    pub state_protest: Option<(Vec<PolicyCode>, PolicyCode)>,
    /// `obligation`: the code of saying that another actor must or should do something
    /// ("Britain said Russia must hand over the suspect"), from the speaker to that actor.
    pub obligation: Option<PolicyCode>,
    /// `accord`: the code of a pair agreeing or pledging to do something no dictionary codes
    /// ("the two agreed to keep in regular contact"), each to the other.
    pub accord: Option<PolicyCode>,
}

/// The built-in `dictionaries/policy.txt` (compiled in with the other files by
/// `native/builtin.rs`).
fn builtin_text() -> &'static str {
    crate::native::default_sources()
        .iter()
        .find(|(path, _)| *path == "policy.txt")
        .map_or("", |(_, content)| *content)
}

impl Default for Policy {
    /// The built-in policy.
    fn default() -> Self {
        Policy::builtin().clone()
    }
}

/// The root of an event code: its first two characters.
fn root(code: &str) -> Option<&str> {
    code.get(..2)
}

/// The value of a `ROOT ... = VALUE` rule when `code`'s root is one of its roots.
fn by_root<'p>(
    rule: &'p Option<(Vec<PolicyCode>, PolicyCode)>,
    code: &str,
) -> Option<&'p PolicyCode> {
    let (roots, value) = rule.as_ref()?;
    has(roots, root(code)).then_some(value)
}

fn has(list: &[PolicyCode], key: Option<&str>) -> bool {
    key.is_some_and(|k| list.iter().any(|c| c.code == k))
}

impl Policy {
    /// The built-in policy, read once.
    pub fn builtin() -> &'static Policy {
        static P: OnceLock<Policy> = OnceLock::new();
        P.get_or_init(|| Policy::read(builtin_text(), "dictionaries/policy.txt").0)
    }

    /// Reads a policy file. Bad lines give diagnostics and are skipped; a rule the file does
    /// not give is empty (its option does nothing).
    pub fn read(content: &str, file: &str) -> (Policy, Vec<Diagnostic>) {
        let ctx = FileCtx::new(file);
        let mut p = Policy {
            statement_roots: Vec::new(),
            intent: Vec::new(),
            joint_roots: Vec::new(),
            inward_roots: Vec::new(),
            mutual_codes: Vec::new(),
            third_party_codes: Vec::new(),
            at_home: None,
            home_curb: None,
            deed_target_roots: Vec::new(),
            approval_back_roots: Vec::new(),
            measure_object_roots: Vec::new(),
            deed_roots: Vec::new(),
            avenged_roots: Vec::new(),
            same_act_roots: Vec::new(),
            home_coercion: None,
            crowd_agents: Vec::new(),
            no_visit_agents: Vec::new(),
            crowd_force: None,
            allied: None,
            occasion_roots: Vec::new(),
            occasion_partner_roots: Vec::new(),
            counterpart_roots: Vec::new(),
            deed_doer_agents: Vec::new(),
            setting_codes: Vec::new(),
            setting_home_agents: Vec::new(),
            fronted_place_agents: Vec::new(),
            visit_codes: Vec::new(),
            reporter_own_agents: Vec::new(),
            domestic_agents: Vec::new(),
            non_country: Vec::new(),
            armed_groups: Vec::new(),
            blocs: Vec::new(),
            harm: None,
            departure: None,
            consequence: None,
            naming: None,
            obligation: None,
            accord: None,
            refusal: None,
            state_protest: None,
        };
        let mut diags = Vec::new();
        for line in lines(content) {
            let n = line.number;
            let origin = ctx.origin(n);
            let mut words = line.text.split_whitespace();
            let keyword = words.next().unwrap_or("");
            let args: Vec<&str> = words.collect();
            let codes = |args: &[&str], check: fn(&str) -> bool, what: &str, d: &mut Vec<_>| {
                if args.is_empty() {
                    d.push(ctx.error(n, format!("`{keyword}` needs at least one {what}")));
                }
                let mut out = Vec::new();
                for a in args {
                    if check(a) {
                        out.push(PolicyCode::new(a, origin.clone()));
                    } else {
                        d.push(ctx.error(n, format!("`{keyword}`: `{a}` is not {what}")));
                    }
                }
                out
            };
            const ROOT: &str = "a CAMEO root (two digits, 01-20)";
            const AGENT: &str = "a three-letter actor code";
            const EVENT: &str = "a known CAMEO event code";
            match keyword {
                "statement" => p
                    .statement_roots
                    .extend(codes(&args, is_root, ROOT, &mut diags)),
                "joint" => p
                    .joint_roots
                    .extend(codes(&args, is_root, ROOT, &mut diags)),
                "inward" => p
                    .inward_roots
                    .extend(codes(&args, is_root, ROOT, &mut diags)),
                "mutual" => p
                    .mutual_codes
                    .extend(codes(&args, is_event_code, EVENT, &mut diags)),
                "third-party" => p
                    .third_party_codes
                    .extend(codes(&args, is_event_code, EVENT, &mut diags)),
                "deed-agent" => p
                    .deed_target_roots
                    .extend(codes(&args, is_root, ROOT, &mut diags)),
                "measure-object" => p
                    .measure_object_roots
                    .extend(codes(&args, is_root, ROOT, &mut diags)),
                "approval-back" => p
                    .approval_back_roots
                    .extend(codes(&args, is_root, ROOT, &mut diags)),
                "deed" => p
                    .deed_roots
                    .extend(codes(&args, is_root, ROOT, &mut diags)),
                "avenged" => p
                    .avenged_roots
                    .extend(codes(&args, is_root, ROOT, &mut diags)),
                "same-act" => p
                    .same_act_roots
                    .extend(codes(&args, is_root, ROOT, &mut diags)),
                "occasion" => p
                    .occasion_roots
                    .extend(codes(&args, is_root, ROOT, &mut diags)),
                "occasion-partner" => p
                    .occasion_partner_roots
                    .extend(codes(&args, is_root, ROOT, &mut diags)),
                "counterpart" => p
                    .counterpart_roots
                    .extend(codes(&args, is_root, ROOT, &mut diags)),
                "setting" => p.setting_codes.extend(codes(
                    &args,
                    |a| is_root(a) || is_event_code(a),
                    "a CAMEO root or event code",
                    &mut diags,
                )),
                "visit" => p
                    .visit_codes
                    .extend(codes(&args, is_event_code, EVENT, &mut diags)),
                "setting-home" => p
                    .setting_home_agents
                    .extend(codes(&args, is_agent, AGENT, &mut diags)),
                "fronted-place" => p
                    .fronted_place_agents
                    .extend(codes(&args, is_agent, AGENT, &mut diags)),
                "reporter-own" => p
                    .reporter_own_agents
                    .extend(codes(&args, is_agent, AGENT, &mut diags)),
                "deed-doer" => p
                    .deed_doer_agents
                    .extend(codes(&args, is_agent, AGENT, &mut diags)),
                "domestic" => p
                    .domestic_agents
                    .extend(codes(&args, is_agent, AGENT, &mut diags)),
                "crowd" => p
                    .crowd_agents
                    .extend(codes(&args, is_agent, AGENT, &mut diags)),
                "no-visit" => p
                    .no_visit_agents
                    .extend(codes(&args, is_agent, AGENT, &mut diags)),
                "not-country" => p
                    .non_country
                    .extend(codes(&args, is_agent, AGENT, &mut diags)),
                "armed-group" => p
                    .armed_groups
                    .extend(codes(&args, is_agent, AGENT, &mut diags)),
                "bloc" => p.blocs.extend(codes(&args, is_agent, AGENT, &mut diags)),
                "harm" | "departure" | "consequence" | "naming" | "obligation" | "accord" => match args
                    .as_slice()
                {
                    [code] if demarche_model::cameo::is_known(code) => {
                        let slot = match keyword {
                            "harm" => &mut p.harm,
                            "departure" => &mut p.departure,
                            "naming" => &mut p.naming,
                            "obligation" => &mut p.obligation,
                            "accord" => &mut p.accord,
                            _ => &mut p.consequence,
                        };
                        *slot = Some(PolicyCode::new(code, origin))
                    }
                    _ => diags.push(
                        ctx.error(n, format!("`{keyword}` expects one known CAMEO event code")),
                    ),
                },
                // `ROOT ... = CODE` (refusal, state-protest), `ROOT ... = AGENT` (at-home) and
                // `CODE ... = AGENT` (home-curb).
                "refusal" | "state-protest" | "crowd-force" | "allied" | "at-home" | "home-curb"
                | "home-coercion" => {
                    let coded = !matches!(keyword, "at-home" | "home-curb" | "home-coercion");
                    let (check, what): (fn(&str) -> bool, &str) = match coded {
                        true => (is_event_code, EVENT),
                        false => (is_agent, AGENT),
                    };
                    let (left, left_check, left_what): (_, fn(&str) -> bool, _) =
                        match keyword {
                            "home-curb" => ("CODE", is_event_code, EVENT),
                            _ => ("ROOT", is_root, ROOT),
                        };
                    let parts: Vec<&[&str]> = args.split(|a| *a == "=").collect();
                    let [roots, [value]] = parts.as_slice() else {
                        let shape = if coded { "CODE" } else { "AGENT" };
                        diags.push(
                            ctx.error(n, format!("`{keyword}` expects `{left} ... = {shape}`")),
                        );
                        continue;
                    };
                    if !check(value) {
                        diags.push(ctx.error(n, format!("`{keyword}`: `{value}` is not {what}")));
                        continue;
                    }
                    let roots = codes(roots, left_check, left_what, &mut diags);
                    let value = PolicyCode::new(value, origin.clone());
                    match keyword {
                        "refusal" => p.refusal = Some((roots, value)),
                        "state-protest" => p.state_protest = Some((roots, value)),
                        "home-curb" => p.home_curb = Some((roots, value)),
                        "home-coercion" => p.home_coercion = Some((roots, value)),
                        "crowd-force" => p.crowd_force = Some((roots, value)),
                        "allied" => p.allied = Some((roots, value)),
                        _ => p.at_home = Some((roots, value)),
                    }
                }
                "intent" => {
                    let Some(eq) = args.iter().position(|a| *a == "=") else {
                        diags.push(ctx.error(n, "`intent` expects `ROOT ... = CODE`"));
                        continue;
                    };
                    let (roots, code) = (&args[..eq], &args[eq + 1..]);
                    let [code] = code else {
                        diags.push(ctx.error(n, "`intent`: expected one event code after `=`"));
                        continue;
                    };
                    if !demarche_model::cameo::is_known(code) {
                        diags.push(
                            ctx.error(n, format!("`intent`: unknown CAMEO event code `{code}`")),
                        );
                        continue;
                    }
                    for r in codes(roots, is_root, ROOT, &mut diags) {
                        if let Some(old) = p.intent.iter().find(|i| i.root == r.code) {
                            diags.push(ctx.error(
                                n,
                                format!(
                                    "`intent`: root {} already has a rule (at {})",
                                    r.code, old.origin
                                ),
                            ));
                            continue;
                        }
                        p.intent.push(IntentRule {
                            root: r.code,
                            code: code.to_string(),
                            origin: r.origin,
                        });
                    }
                }
                _ => diags.push(ctx.error(
                    n,
                    format!(
                        "unknown policy rule `{keyword}`: expected statement, intent, joint, \
                         inward, mutual, third-party, at-home, home-curb, deed-agent, approval-back, measure-object, deed, avenged, home-coercion, crowd, crowd-force, allied, setting, setting-home, visit, occasion, occasion-partner, counterpart, deed-doer, reporter-own, domestic, not-country, armed-group, bloc, harm, departure, \
                         consequence, naming, obligation, accord, refusal or state-protest"
                    ),
                )),
            }
        }
        (p, diags)
    }

    /// Whether an event code is a statement (`statement`).
    pub fn is_statement(&self, code: &str) -> bool {
        has(&self.statement_roots, root(code))
    }

    /// The code of the intention to do `code` (`intent`); `code` itself when its root has no
    /// rule.
    pub fn intent_code<'a>(&'a self, code: &'a str) -> &'a str {
        let r = root(code);
        self.intent
            .iter()
            .find(|i| Some(i.root.as_str()) == r)
            .map_or(code, |i| i.code.as_str())
    }

    /// Whether a code's root is a cooperative act partners do together (`joint`).
    pub fn is_joint(&self, code: &str) -> bool {
        has(&self.joint_roots, root(code))
    }

    /// Whether a code's root is an act a country can do within itself (`inward`), or the code
    /// is one of the acts aimed at its own people (`home-curb`).
    pub fn is_inward(&self, code: &str) -> bool {
        has(&self.inward_roots, root(code)) || self.home_curb(code).is_some()
    }

    /// Whether an act is done with each other (`mutual`): the event code itself is listed.
    pub fn is_mutual(&self, code: &str) -> bool {
        let key = code_key(code);
        self.mutual_codes.iter().any(|c| c.is(code, key))
    }

    /// The `occasion` rule of an event noun's code: named as a clause's occasion, the noun
    /// takes its doer (and, with none of its own, its partner) from the clause.
    pub fn occasion(&self, code: &str) -> Option<&PolicyCode> {
        let r = root(code)?;
        self.occasion_roots.iter().find(|c| c.code == r)
    }

    /// Whether a clause's act of `code` lends its object to its occasion as partner
    /// (`occasion-partner`).
    pub fn lends_occasion_partner(&self, code: &str) -> bool {
        has(&self.occasion_partner_roots, root(code))
    }

    /// The `third-party` rule of an act that is a third party's part in a pair's talks.
    pub fn third_party(&self, code: &str) -> Option<&PolicyCode> {
        let key = code_key(code);
        self.third_party_codes.iter().find(|c| c.is(code, key))
    }

    /// The agent an act of `code` with no target is aimed at in the doer's own country
    /// (`at-home`), with the rule.
    pub fn at_home(&self, code: &str) -> Option<&PolicyCode> {
        by_root(&self.at_home, code)
    }

    /// The agent a curb of `code` with no target is aimed at in the doer's own country
    /// (`home-curb`), with the rule.
    pub fn home_curb(&self, code: &str) -> Option<&PolicyCode> {
        let (events, agent) = self.home_curb.as_ref()?;
        let key = code_key(code);
        events.iter().any(|c| c.is(code, key)).then_some(agent)
    }

    /// The code of refusing an act of `code` (`refusal`), with its rule.
    pub fn refusal(&self, code: &str) -> Option<&PolicyCode> {
        by_root(&self.refusal, code)
    }

    /// The code of an act of `code` done by a state itself (`state-protest`), with its rule.
    pub fn state_protest(&self, code: &str) -> Option<&PolicyCode> {
        by_root(&self.state_protest, code)
    }

    /// Whether an act of `code` with no target is aimed at the sentence's counterpart of its
    /// doer (`counterpart`).
    pub fn seeks_counterpart(&self, code: &str) -> bool {
        has(&self.counterpart_roots, root(code))
    }

    /// The `reporter-own` rule of a country-less agent (`MIL`) that, doing what a state
    /// reports, is that state's.
    pub fn reporter_own(&self, agent: &str) -> Option<&PolicyCode> {
        self.reporter_own_agents.iter().find(|a| a.code == agent)
    }

    /// Whether a country-less agent (`MIL`) takes the country of the last act's doer
    /// (`deed-doer`).
    pub fn is_deed_doer(&self, agent: &str) -> bool {
        self.deed_doer_agents.iter().any(|a| a.code == agent)
    }

    /// Whether a deed of `code` with no doer named is avenged on the answering act's target
    /// (`avenged`).
    pub fn is_avenged(&self, code: &str) -> bool {
        has(&self.avenged_roots, root(code))
    }

    /// The `same-act` line that lets "followed suit" repeat an act of `code`, if any.
    pub fn same_act(&self, code: &str) -> Option<&PolicyCode> {
        let r = root(code)?;
        self.same_act_roots.iter().find(|c| c.code == r)
    }

    /// Whether an act of `code` by `source` against a country-less domestic target is done in
    /// the source's own country (`home-coercion`: a government's arrests, not an army's).
    pub fn is_home_coercion(&self, code: &str, source: &str) -> bool {
        by_root(&self.home_coercion, code)
            .is_some_and(|agent| source.get(3..6) == Some(&agent.code))
    }

    /// The code a crowd's (`crowd`) act of force of `code` is instead (`crowd-force`: a riot),
    /// with its rule.
    pub fn crowd_force(&self, code: &str, source: &str) -> Option<&PolicyCode> {
        let agent = source.get(3..6)?;
        by_root(&self.crowd_force, code)
            .filter(|_| self.crowd_agents.iter().any(|a| a.code == agent))
    }

    /// The joint code of an act of `code` that two countries do with no target (`allied`).
    pub fn allied(&self, code: &str) -> Option<&PolicyCode> {
        by_root(&self.allied, code)
    }

    /// The `setting` entry an act of `code` with no target falls under: aimed at the country
    /// of the document's dateline.
    pub fn setting(&self, code: &str) -> Option<&PolicyCode> {
        let r = root(code);
        self.setting_codes
            .iter()
            .find(|c| Some(c.code.as_str()) == r || c.code == code)
    }

    /// Whether an event of `code` by `actor_code` is a visit its actor cannot make (`visit`
    /// codes, `no-visit` agents: "Syrian refugees came to Turkey").
    pub fn no_visit(&self, code: &str, actor_code: &str) -> bool {
        self.is_visit(code)
            && actor_code.get(3..).is_some_and(|rest| {
                self.no_visit_agents
                    .iter()
                    .any(|a| rest.starts_with(a.code.as_str()))
            })
    }

    /// The `setting-home` entry of a country-less agent (`GOV` of `---GOV`): of the country
    /// of the document's dateline.
    pub fn setting_home(&self, agent: &str) -> Option<&PolicyCode> {
        self.setting_home_agents.iter().find(|a| a.code == agent)
    }

    /// The `fronted-place` entry of a country-less agent (`GOV` of `---GOV`): of the country
    /// of the place its sentence opens with.
    pub fn fronted_place(&self, agent: &str) -> Option<&PolicyCode> {
        self.fronted_place_agents.iter().find(|a| a.code == agent)
    }

    /// Whether an event of `code` is a visit by its source (`visit`).
    pub fn is_visit(&self, code: &str) -> bool {
        self.visit_codes.iter().any(|c| c.code == code)
    }

    /// Whether an event of `code` is a deed a later criticism can answer (`deed`).
    pub fn is_deed(&self, code: &str) -> bool {
        has(&self.deed_roots, root(code))
    }

    /// Whether a code is approval aimed, for a described deed, at whoever did something to the
    /// approver (`approval-back`).
    pub fn approves_deed(&self, code: &str) -> bool {
        has(&self.approval_back_roots, root(code))
    }

    /// Whether an act of `code` about a measure is aimed at the measure's object
    /// (`measure-object`).
    pub fn aims_at_measure_object(&self, code: &str) -> bool {
        has(&self.measure_object_roots, root(code))
    }

    /// Whether a code's target is the agent of the deed it is about (`deed-agent`).
    pub fn targets_deed_agent(&self, code: &str) -> bool {
        has(&self.deed_target_roots, root(code))
    }

    /// Whether an actor code's first agent (after its three-letter country) is domestic
    /// (`domestic`): `SRBEDU` is, `SRBGOV` is not.
    pub fn is_domestic(&self, actor_code: &str) -> bool {
        actor_code.get(3..).is_some_and(|rest| {
            self.domestic_agents
                .iter()
                .any(|a| rest.starts_with(a.code.as_str()))
        })
    }

    /// Whether three letters that start an actor code name a country (not `not-country`).
    pub fn is_country(&self, prefix: &str) -> bool {
        let key = code_key(prefix);
        !self.non_country.iter().any(|c| c.is(prefix, key))
    }

    /// Whether an actor code names an organisation "the bloc" refers back to (`bloc`).
    pub fn is_bloc(&self, actor_code: &str) -> bool {
        actor_code.get(..3).is_some_and(|p| {
            let key = code_key(p);
            self.blocs.iter().any(|b| b.is(p, key))
        })
    }

    /// Whether an actor code names an armed non-state group (`armed-group`): its first three
    /// letters, or the three after its country, are one of the rule's types.
    pub fn is_armed_group(&self, actor_code: &str) -> bool {
        [actor_code.get(..3), actor_code.get(3..6)]
            .into_iter()
            .flatten()
            .any(|part| {
                let key = code_key(part);
                self.armed_groups.iter().any(|a| a.is(part, key))
            })
    }
}

fn is_root(s: &str) -> bool {
    s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()) && matches!(s.parse::<u8>(), Ok(1..=20))
}

fn is_event_code(s: &str) -> bool {
    demarche_model::cameo::is_known(s)
}

fn is_agent(s: &str) -> bool {
    s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_reads_cleanly() {
        let (p, diags) = Policy::read(builtin_text(), "dictionaries/policy.txt");
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(&p, Policy::builtin());
        assert!(p.is_statement("010"));
        assert_eq!(p.intent_code("042"), "036");
        assert_eq!(p.intent_code("190"), "138");
        assert_eq!(p.intent_code("010"), "010");
        assert!(p.is_joint("081") && !p.is_joint("020"));
        assert!(p.is_mutual("044") && !p.is_mutual("042") && !p.is_mutual("190"));
        assert!(p.third_party("045").is_some() && p.third_party("046").is_none());
        assert_eq!(p.refusal("085").map(|r| r.code.as_str()), Some("120"));
        assert!(p.refusal("190").is_none());
        assert_eq!(p.state_protest("141").map(|r| r.code.as_str()), Some("114"));
        assert!(p.state_protest("112").is_none());
        assert_eq!(p.at_home("141").map(|a| a.code.as_str()), Some("GOV"));
        assert_eq!(p.home_curb("1723").map(|a| a.code.as_str()), Some("CVL"));
        assert!(p.home_curb("1711").is_none());
        assert!(p.home_curb("0831").is_some() && p.is_inward("0813") && !p.is_inward("0842"));
        // Releasing prisoners with no nationality named is yielded at home.
        assert!(p.home_curb("0841").is_some() && p.is_inward("0841"));
        assert!(p.setting("073").is_some() && p.setting("0333").is_some());
        assert!(p.setting("036").is_none() && p.setting("190").is_none());
        assert!(p.setting_home("COP").is_some() && p.setting_home("MIL").is_none());
        assert!(p.fronted_place("GOV").is_some() && p.fronted_place("MIL").is_none());
        assert!(p.is_visit("042") && !p.is_visit("043"));
        assert!(p.is_deed("173") && p.is_deed("163") && !p.is_deed("020") && !p.is_deed("111"));
        assert!(p.is_avenged("190") && p.is_avenged("181") && !p.is_avenged("150"));
        assert!(p.is_home_coercion("173", "ARMGOV") && !p.is_home_coercion("173", "ISRMIL"));
        assert!(!p.is_home_coercion("190", "ARMGOV"));
        assert_eq!(
            p.crowd_force("190", "CODCVL").map(|c| c.code.as_str()),
            Some("145")
        );
        assert!(
            p.crowd_force("190", "CODMIL").is_none() && p.crowd_force("173", "CODCVL").is_none()
        );
        assert!(p.occasion("040").is_some() && p.occasion("111").is_none());
        assert!(p.lends_occasion_partner("051") && !p.lends_occasion_partner("111"));
        assert!(p.reporter_own("MIL").is_some() && p.reporter_own("REB").is_none());
        assert!(p.at_home("190").is_none());
        assert!(p.targets_deed_agent("111") && !p.targets_deed_agent("130"));
        assert!(p.approves_deed("051") && !p.approves_deed("111"));
        assert!(p.aims_at_measure_object("1312") && !p.aims_at_measure_object("040"));
        assert!(p.is_domestic("SRBEDU") && !p.is_domestic("SRBGOV") && !p.is_domestic("SRB"));
        assert!(!p.is_country("IGO") && p.is_country("SRB"));
        assert!(p.is_armed_group("PSEREBHMS") && p.is_armed_group("IMGMUSALQ"));
        assert!(!p.is_armed_group("ISRMIL") && !p.is_armed_group("RUS"));
        // Every rule cites its line.
        let line = p
            .intent
            .iter()
            .find(|i| i.root == "19")
            .unwrap()
            .origin
            .line;
        let text = builtin_text().lines().nth(line - 1).unwrap();
        assert!(text.starts_with("intent 18 19 20 = 138"), "{text}");
    }

    #[test]
    fn bad_lines_are_reported_and_skipped() {
        let (p, diags) = Policy::read(
            "statement 1\nintent 04 036\nintent 05 = 999\nintent 04 = 036\nintent 04 = 037\n\
             domestic cop\nfrobnicate 01\njoint\nmutual 999\nat-home 14 GOV\n",
            "p.txt",
        );
        let shown: Vec<String> = diags.iter().map(|d| d.to_string()).collect();
        assert_eq!(shown.len(), 9, "{shown:#?}");
        assert!(shown[0].starts_with("p.txt:1:"), "{}", shown[0]);
        assert_eq!(p.intent.len(), 1);
        assert!(p.statement_roots.is_empty() && p.domestic_agents.is_empty());
        assert!(p.mutual_codes.is_empty());
    }
}
