//! Our own English lexicon: closed-class words with their Penn Treebank tags, common verbs with
//! their inflections, and a few open-class lists the suffix rules get wrong.
//!
//! Everything here is written by us from ordinary knowledge of English. Verb inflections are
//! generated from base forms by the spelling rules of English (`plan` → `planned`, `try` →
//! `tried`, `make` → `making`); irregular verbs list their past and participle forms.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// FNV-1a: the lexicon's keys are short words, for which SipHash's setup dominates. The maps are
/// never iterated, so the hash function cannot leak into output order.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;
type FastSet<K> = HashSet<K, BuildHasherDefault<Fnv>>;

/// Closed-class words and their tag (lower case). Ambiguous words (`that`, `her`, `'s`, `to`,
/// `about`, `up`) are settled by the tagger from context.
const CLOSED: &[(&str, &str)] = &[
    ("the", "DT"),
    ("a", "DT"),
    ("an", "DT"),
    ("this", "DT"),
    ("these", "DT"),
    ("those", "DT"),
    ("some", "DT"),
    ("any", "DT"),
    ("no", "DT"),
    ("every", "DT"),
    ("each", "DT"),
    ("another", "DT"),
    ("either", "DT"),
    ("neither", "DT"),
    ("all", "DT"),
    ("both", "DT"),
    ("half", "DT"),
    ("whatever", "WDT"),
    ("which", "WDT"),
    ("who", "WP"),
    ("whom", "WP"),
    ("what", "WP"),
    ("whoever", "WP"),
    ("whose", "WP$"),
    ("when", "WRB"),
    ("where", "WRB"),
    ("why", "WRB"),
    ("how", "WRB"),
    ("whenever", "WRB"),
    ("wherever", "WRB"),
    ("of", "IN"),
    ("in", "IN"),
    ("on", "IN"),
    ("at", "IN"),
    ("by", "IN"),
    ("for", "IN"),
    ("with", "IN"),
    ("from", "IN"),
    ("about", "IN"),
    ("after", "IN"),
    ("before", "IN"),
    ("during", "IN"),
    ("against", "IN"),
    ("between", "IN"),
    ("among", "IN"),
    ("amongst", "IN"),
    ("into", "IN"),
    ("over", "IN"),
    ("under", "IN"),
    ("through", "IN"),
    ("since", "IN"),
    ("until", "IN"),
    ("till", "IN"),
    ("without", "IN"),
    ("within", "IN"),
    ("across", "IN"),
    ("amid", "IN"),
    ("amidst", "IN"),
    ("despite", "IN"),
    ("toward", "IN"),
    ("towards", "IN"),
    ("upon", "IN"),
    ("near", "IN"),
    ("behind", "IN"),
    ("beyond", "IN"),
    ("along", "IN"),
    ("around", "IN"),
    ("as", "IN"),
    ("than", "IN"),
    ("because", "IN"),
    ("if", "IN"),
    ("whether", "IN"),
    ("while", "IN"),
    ("although", "IN"),
    ("though", "IN"),
    ("unless", "IN"),
    ("onto", "IN"),
    ("via", "IN"),
    ("per", "IN"),
    ("throughout", "IN"),
    ("like", "IN"),
    ("outside", "IN"),
    ("inside", "IN"),
    ("including", "VBG"),
    ("regarding", "VBG"),
    ("concerning", "VBG"),
    ("except", "IN"),
    ("besides", "IN"),
    ("beside", "IN"),
    ("versus", "IN"),
    ("whereas", "IN"),
    ("above", "IN"),
    ("below", "IN"),
    ("beneath", "IN"),
    ("underneath", "IN"),
    ("alongside", "IN"),
    ("past", "IN"),
    ("off", "IN"),
    ("out", "IN"),
    ("up", "IN"),
    ("down", "RB"),
    ("that", "IN"),
    ("to", "TO"),
    ("he", "PRP"),
    ("she", "PRP"),
    ("it", "PRP"),
    ("they", "PRP"),
    ("we", "PRP"),
    ("i", "PRP"),
    ("you", "PRP"),
    ("him", "PRP"),
    ("them", "PRP"),
    ("us", "PRP"),
    ("me", "PRP"),
    ("himself", "PRP"),
    ("herself", "PRP"),
    ("itself", "PRP"),
    ("themselves", "PRP"),
    ("ourselves", "PRP"),
    ("myself", "PRP"),
    ("yourself", "PRP"),
    ("his", "PRP$"),
    ("its", "PRP$"),
    ("their", "PRP$"),
    ("our", "PRP$"),
    ("my", "PRP$"),
    ("your", "PRP$"),
    ("her", "PRP$"),
    ("and", "CC"),
    ("or", "CC"),
    ("but", "CC"),
    ("nor", "CC"),
    ("&", "CC"),
    ("plus", "CC"),
    ("will", "MD"),
    ("would", "MD"),
    ("can", "MD"),
    ("could", "MD"),
    ("may", "MD"),
    ("might", "MD"),
    ("shall", "MD"),
    ("should", "MD"),
    ("must", "MD"),
    ("wo", "MD"),
    ("ca", "MD"),
    ("'ll", "MD"),
    ("'d", "MD"),
    ("ought", "MD"),
    ("not", "RB"),
    ("n't", "RB"),
    ("also", "RB"),
    ("very", "RB"),
    ("again", "RB"),
    ("already", "RB"),
    ("still", "RB"),
    ("just", "RB"),
    ("now", "RB"),
    ("then", "RB"),
    ("only", "RB"),
    ("even", "RB"),
    ("never", "RB"),
    ("ever", "RB"),
    ("too", "RB"),
    ("soon", "RB"),
    ("once", "RB"),
    ("twice", "RB"),
    ("later", "RB"),
    ("earlier", "RBR"),
    ("almost", "RB"),
    ("nearly", "RB"),
    ("further", "RB"),
    ("however", "RB"),
    ("moreover", "RB"),
    ("meanwhile", "RB"),
    ("instead", "RB"),
    ("perhaps", "RB"),
    ("together", "RB"),
    ("away", "RB"),
    ("back", "RB"),
    ("here", "RB"),
    ("there", "EX"),
    ("so", "RB"),
    ("yet", "RB"),
    ("thus", "RB"),
    ("therefore", "RB"),
    ("else", "RB"),
    ("ago", "RB"),
    ("abroad", "RB"),
    ("well", "RB"),
    ("often", "RB"),
    ("always", "RB"),
    ("sometimes", "RB"),
    ("rather", "RB"),
    ("quite", "RB"),
    ("indeed", "RB"),
    ("nevertheless", "RB"),
    ("otherwise", "RB"),
    ("hence", "RB"),
    ("anyway", "RB"),
    ("forward", "RB"),
    ("ahead", "RB"),
    ("apart", "RB"),
    ("home", "NN"),
    ("least", "JJS"),
    ("less", "JJR"),
    ("more", "JJR"),
    ("most", "JJS"),
    ("many", "JJ"),
    ("much", "JJ"),
    ("few", "JJ"),
    ("fewer", "JJR"),
    ("several", "JJ"),
    ("such", "JJ"),
    ("other", "JJ"),
    ("own", "JJ"),
    ("same", "JJ"),
    ("last", "JJ"),
    ("next", "JJ"),
    ("first", "JJ"),
    ("second", "JJ"),
    ("third", "JJ"),
    ("fourth", "JJ"),
    ("fifth", "JJ"),
    ("new", "JJ"),
    ("old", "JJ"),
    ("former", "JJ"),
    ("late", "JJ"),
    ("early", "JJ"),
    ("big", "JJ"),
    ("high", "JJ"),
    ("low", "JJ"),
    ("great", "JJ"),
    ("good", "JJ"),
    ("bad", "JJ"),
    ("full", "JJ"),
    ("senior", "JJ"),
    ("junior", "JJ"),
    ("top", "JJ"),
    ("main", "JJ"),
    ("key", "JJ"),
    ("major", "JJ"),
    ("minor", "JJ"),
    ("chief", "JJ"),
    ("deputy", "NN"),
    ("acting", "JJ"),
    ("recent", "JJ"),
    ("current", "JJ"),
    ("long", "JJ"),
    ("short", "JJ"),
    ("large", "JJ"),
    ("small", "JJ"),
    ("strong", "JJ"),
    ("weak", "JJ"),
    ("true", "JJ"),
    ("real", "JJ"),
    ("free", "JJ"),
    ("fair", "JJ"),
    ("hard", "JJ"),
    ("close", "JJ"),
    ("far", "RB"),
    ("wide", "JJ"),
    ("human", "JJ"),
    ("joint", "JJ"),
    ("south", "JJ"),
    ("north", "JJ"),
    ("east", "JJ"),
    ("west", "JJ"),
    ("evil", "JJ"),
    ("awful", "JJ"),
    ("clear", "JJ"),
    ("certain", "JJ"),
    ("able", "JJ"),
    ("likely", "JJ"),
    ("unlikely", "JJ"),
    ("daily", "JJ"),
    ("weekly", "JJ"),
    ("monthly", "JJ"),
    ("yearly", "JJ"),
    ("friendly", "JJ"),
    ("elderly", "JJ"),
    ("costly", "JJ"),
    ("deadly", "JJ"),
    ("holy", "JJ"),
    ("bilateral", "JJ"),
    ("its", "PRP$"),
    ("yesterday", "NN"),
    ("today", "NN"),
    ("tomorrow", "NN"),
    ("tonight", "NN"),
    ("percent", "NN"),
    ("per cent", "NN"),
    ("'s", "POS"),
    ("'", "POS"),
    ("one", "CD"),
    ("two", "CD"),
    ("three", "CD"),
    ("four", "CD"),
    ("five", "CD"),
    ("six", "CD"),
    ("seven", "CD"),
    ("eight", "CD"),
    ("nine", "CD"),
    ("ten", "CD"),
    ("eleven", "CD"),
    ("twelve", "CD"),
    ("thirteen", "CD"),
    ("fifteen", "CD"),
    ("twenty", "CD"),
    ("thirty", "CD"),
    ("forty", "CD"),
    ("fifty", "CD"),
    ("sixty", "CD"),
    ("seventy", "CD"),
    ("eighty", "CD"),
    ("ninety", "CD"),
    ("dozen", "CD"),
    ("hundred", "CD"),
    ("thousand", "CD"),
    ("million", "CD"),
    ("billion", "CD"),
    ("trillion", "CD"),
    ("dozens", "NNS"),
    ("hundreds", "NNS"),
    ("thousands", "NNS"),
    ("millions", "NNS"),
    ("family", "NN"),
    ("ally", "NN"),
    ("assembly", "NN"),
    ("supply", "NN"),
    ("anomaly", "NN"),
    ("monopoly", "NN"),
    ("news", "NN"),
    ("series", "NN"),
    ("species", "NN"),
    ("crisis", "NN"),
    ("analysis", "NN"),
    ("basis", "NN"),
    ("status", "NN"),
    ("consensus", "NN"),
    ("bus", "NN"),
    ("virus", "NN"),
    ("focus", "NN"),
    ("campus", "NN"),
    ("census", "NN"),
    ("hundred", "CD"),
    ("red", "JJ"),
    ("bed", "NN"),
    ("sacred", "JJ"),
    ("naked", "JJ"),
    ("wicked", "JJ"),
    ("morning", "NN"),
    ("evening", "NN"),
    ("thing", "NN"),
    ("things", "NNS"),
    ("king", "NN"),
    ("spring", "NN"),
    ("nothing", "NN"),
    ("something", "NN"),
    ("anything", "NN"),
    ("everything", "NN"),
    ("ceiling", "NN"),
    ("wedding", "NN"),
    ("during", "IN"),
    ("sibling", "NN"),
    ("string", "NN"),
    ("everyone", "NN"),
    ("someone", "NN"),
    ("anyone", "NN"),
    ("nobody", "NN"),
    ("official", "NN"),
    ("officials", "NNS"),
    ("people", "NNS"),
    ("police", "NNS"),
    ("media", "NNS"),
    ("government", "NN"),
    ("president", "NN"),
    ("minister", "NN"),
    ("ministry", "NN"),
    ("spokesperson", "NN"),
    ("spokesman", "NN"),
    ("spokeswoman", "NN"),
    ("country", "NN"),
    ("countries", "NNS"),
    ("leader", "NN"),
    ("leaders", "NNS"),
    ("troops", "NNS"),
    ("soldiers", "NNS"),
    ("forces", "NNS"),
    ("rebels", "NNS"),
    ("lawmakers", "NNS"),
    ("protesters", "NNS"),
    ("militants", "NNS"),
    ("crowds", "NNS"),
    ("residents", "NNS"),
    ("sources", "NNS"),
    ("authorities", "NNS"),
    ("diplomats", "NNS"),
    ("relations", "NNS"),
    ("ties", "NNS"),
    ("talks", "NNS"),
    ("news", "NN"),
    ("agency", "NN"),
    ("army", "NN"),
    ("party", "NN"),
    ("state", "NN"),
    ("states", "NNS"),
    ("war", "NN"),
    ("peace", "NN"),
    ("trade", "NN"),
    ("economy", "NN"),
    ("year", "NN"),
    ("years", "NNS"),
    ("week", "NN"),
    ("month", "NN"),
    ("day", "NN"),
    ("days", "NNS"),
    ("time", "NN"),
    ("security", "NN"),
    ("sides", "NNS"),
    ("side", "NN"),
    ("partnership", "NN"),
    ("cooperation", "NN"),
    ("embassy", "NN"),
    ("region", "NN"),
    ("world", "NN"),
    ("nation", "NN"),
    ("nations", "NNS"),
    ("city", "NN"),
    ("town", "NN"),
    ("village", "NN"),
    ("villages", "NNS"),
    ("man", "NN"),
    ("men", "NNS"),
    ("woman", "NN"),
    ("women", "NNS"),
    ("children", "NNS"),
    ("group", "NN"),
    ("groups", "NNS"),
    ("court", "NN"),
    ("council", "NN"),
    ("committee", "NN"),
    ("parliament", "NN"),
    ("meeting", "NN"),
    ("meetings", "NNS"),
    ("briefing", "NN"),
    ("briefings", "NNS"),
    ("statement", "NN"),
    ("visit", "NN"),
    ("attack", "NN"),
    ("attacks", "NNS"),
    ("election", "NN"),
    ("elections", "NNS"),
    ("aid", "NN"),
    ("deal", "NN"),
    ("deals", "NNS"),
    ("building", "NN"),
    ("buildings", "NNS"),
    ("overnight", "RB"),
    ("border", "NN"),
    ("members", "NNS"),
    ("member", "NN"),
];

/// Common adjectives the suffix rules miss (all tagged `JJ`).
const ADJECTIVES: &str = "
worth entire whole foreign deep possible due ready sure aware willing unable forthcoming
upcoming ongoing outgoing incoming various serious necessary military prime vice hot cold young
poor rich safe fresh special armed alleged so-called important difficult common proper extra
brief private secret routine neat cool male female illiterate fierce huge vast rare tough harsh
firm solid calm quiet brave angry happy sorry busy heavy light dark dead alive wrong right fine
nice tiny massive modern ancient urban rural civilian democratic independent opposite separate
complete direct open quick slow fast sharp steady stable prosperous successful strategic
comprehensive mutual equal extensive efficient respective positive negative diplomatic regular
previous overall total several annual key intense broad narrow severe grave dire nuclear
chemical tense fragile bitter violent peaceful hostile friendly close distant remote local
global regional national international federal provincial municipal judicial legal illegal
legitimate unconstitutional constitutional electoral presidential parliamentary economic
political financial commercial industrial agricultural humanitarian territorial maritime naval
aerial ethnic religious tribal sectarian renewed fresh latest recent fellow similar
different certain unclear unknown unspecified unnamed anonymous senior top high-level
long-term short-term bilateral multilateral unilateral joint allied
overwhelming sweeping crippling devastating unwavering far-reaching outstanding unprecedented corresponding
neighbouring neighboring
";

/// Common superlatives (tagged `JJS`).
pub(crate) const SUPERLATIVES: &str = "
largest biggest smallest highest lowest greatest strongest latest closest fiercest worst best
oldest youngest longest newest fastest toughest hardest richest poorest weakest widest deepest
nearest finest brightest darkest safest";

/// Irregular verbs: base, past, past participle (several forms separated by `/`).
const IRREGULAR: &[(&str, &str, &str)] = &[
    ("arise", "arose", "arisen"),
    ("speed", "sped/speeded", "sped/speeded"),
    ("awake", "awoke", "awoken"),
    ("bear", "bore", "borne/born"),
    ("beat", "beat", "beaten"),
    ("become", "became", "become"),
    ("begin", "began", "begun"),
    ("bend", "bent", "bent"),
    ("bet", "bet", "bet"),
    ("bid", "bid", "bid"),
    ("bind", "bound", "bound"),
    ("bite", "bit", "bitten"),
    ("bleed", "bled", "bled"),
    ("blow", "blew", "blown"),
    ("break", "broke", "broken"),
    ("breed", "bred", "bred"),
    ("bring", "brought", "brought"),
    ("build", "built", "built"),
    ("burn", "burned/burnt", "burned/burnt"),
    ("burst", "burst", "burst"),
    ("buy", "bought", "bought"),
    ("cast", "cast", "cast"),
    ("catch", "caught", "caught"),
    ("choose", "chose", "chosen"),
    ("cling", "clung", "clung"),
    ("come", "came", "come"),
    ("cost", "cost", "cost"),
    ("creep", "crept", "crept"),
    ("cut", "cut", "cut"),
    ("deal", "dealt", "dealt"),
    ("dig", "dug", "dug"),
    ("do", "did", "done"),
    ("draw", "drew", "drawn"),
    ("drink", "drank", "drunk"),
    ("drive", "drove", "driven"),
    ("eat", "ate", "eaten"),
    ("fall", "fell", "fallen"),
    ("feed", "fed", "fed"),
    ("feel", "felt", "felt"),
    ("fight", "fought", "fought"),
    ("find", "found", "found"),
    ("flee", "fled", "fled"),
    ("fly", "flew", "flown"),
    ("forbid", "forbade", "forbidden"),
    ("forecast", "forecast", "forecast"),
    ("foresee", "foresaw", "foreseen"),
    ("forget", "forgot", "forgotten"),
    ("forgive", "forgave", "forgiven"),
    ("freeze", "froze", "frozen"),
    ("get", "got", "got/gotten"),
    ("give", "gave", "given"),
    ("go", "went", "gone"),
    ("grind", "ground", "ground"),
    ("grow", "grew", "grown"),
    ("hang", "hung/hanged", "hung/hanged"),
    ("have", "had", "had"),
    ("hear", "heard", "heard"),
    ("hide", "hid", "hidden"),
    ("hit", "hit", "hit"),
    ("hold", "held", "held"),
    ("hurt", "hurt", "hurt"),
    ("keep", "kept", "kept"),
    ("know", "knew", "known"),
    ("lay", "laid", "laid"),
    ("lead", "led", "led"),
    ("lean", "leaned/leant", "leaned/leant"),
    ("leave", "left", "left"),
    ("lend", "lent", "lent"),
    ("let", "let", "let"),
    ("lie", "lay", "lain"),
    ("light", "lit", "lit"),
    ("lose", "lost", "lost"),
    ("make", "made", "made"),
    ("mean", "meant", "meant"),
    ("meet", "met", "met"),
    ("mislead", "misled", "misled"),
    ("overcome", "overcame", "overcome"),
    ("oversee", "oversaw", "overseen"),
    ("overtake", "overtook", "overtaken"),
    ("overthrow", "overthrew", "overthrown"),
    ("pay", "paid", "paid"),
    ("put", "put", "put"),
    ("quit", "quit", "quit"),
    ("read", "read", "read"),
    ("rebuild", "rebuilt", "rebuilt"),
    ("rid", "rid", "rid"),
    ("ride", "rode", "ridden"),
    ("ring", "rang", "rung"),
    ("rise", "rose", "risen"),
    ("run", "ran", "run"),
    ("say", "said", "said"),
    ("see", "saw", "seen"),
    ("seek", "sought", "sought"),
    ("sell", "sold", "sold"),
    ("send", "sent", "sent"),
    ("set", "set", "set"),
    ("shake", "shook", "shaken"),
    ("shed", "shed", "shed"),
    ("shoot", "shot", "shot"),
    ("show", "showed", "shown/showed"),
    ("shrink", "shrank", "shrunk"),
    ("shut", "shut", "shut"),
    ("sing", "sang", "sung"),
    ("sink", "sank", "sunk"),
    ("sit", "sat", "sat"),
    ("sleep", "slept", "slept"),
    ("slide", "slid", "slid"),
    ("speak", "spoke", "spoken"),
    ("spend", "spent", "spent"),
    ("spin", "spun", "spun"),
    ("split", "split", "split"),
    ("spread", "spread", "spread"),
    ("stand", "stood", "stood"),
    ("steal", "stole", "stolen"),
    ("stick", "stuck", "stuck"),
    ("sting", "stung", "stung"),
    ("strike", "struck", "struck/stricken"),
    ("strive", "strove/strived", "striven/strived"),
    ("swear", "swore", "sworn"),
    ("sweep", "swept", "swept"),
    ("swim", "swam", "swum"),
    ("swing", "swung", "swung"),
    ("take", "took", "taken"),
    ("teach", "taught", "taught"),
    ("tear", "tore", "torn"),
    ("tell", "told", "told"),
    ("think", "thought", "thought"),
    ("throw", "threw", "thrown"),
    ("undergo", "underwent", "undergone"),
    ("understand", "understood", "understood"),
    ("undertake", "undertook", "undertaken"),
    ("uphold", "upheld", "upheld"),
    ("upset", "upset", "upset"),
    ("wake", "woke", "woken"),
    ("wear", "wore", "worn"),
    ("weep", "wept", "wept"),
    ("win", "won", "won"),
    ("withdraw", "withdrew", "withdrawn"),
    ("withhold", "withheld", "withheld"),
    ("withstand", "withstood", "withstood"),
    ("write", "wrote", "written"),
    ("broadcast", "broadcast", "broadcast"),
    ("shrug", "shrugged", "shrugged"),
    ("outbid", "outbid", "outbid"),
];

/// Regular verbs by base form. A trailing `+` marks a final consonant that doubles before
/// `-ed`/`-ing` (`plan+` → `planned`, `planning`).
const REGULAR: &str = "
accept accompany accuse achieve acknowledge acquire act add address adjourn admire admit+
adopt advance advise advocate affect affirm agree aid aim alert allege allow ally amend
announce answer apologize apologise appeal appear applaud apply appoint appreciate approach
approve argue arm arrange arrest arrive ask aspire assassinate assault assert assess assign
assist assume assure attach attack attempt attend attract authorize authorise avert avoid
await back ban+ bargain base battle beg+ behead believe belong benefit blame blast block
blockade bolster bomb boost border borrow bother boycott breach brief broker burn call campaign
cancel capture care carry cause caution cease celebrate censure challenge change charge chase
cheer cite claim clash clear close collaborate collapse collect collide combat command comment
commit+ compare compel+ compensate compete complain complete comply concede conclude condemn
condone conduct confer+ confirm confiscate confront congratulate connect consider consolidate
consult contact contain contest continue contribute control+ convene convict convince cooperate
coordinate counter cover crack create criticize criticise crush curb damage dare debate decide
declare decline decry default defeat defend defer+ defuse delay delegate deliver demand demolish
demonstrate denounce deny depart depend deplore deploy deport deposit describe deserve design
desire destroy detain determine devastate develop dialogue die differ direct disagree disappear
discourage discover discuss dismantle dismiss dispatch display dispute disrupt dissolve
distribute divide document donate double doubt downplay drag+ drop+ dump ease echo elect
eliminate embrace emerge emphasize emphasise employ enable encourage end endorse endure enforce
engage enhance enjoy ensure enter equip+ erupt escalate escape establish evacuate evaluate
evade examine exceed exchange exclude execute exert exist expand expect expel+ experience
explain explode exploit explore export express extend extradite face facilitate fail fear file
fill finance finish fire focus follow force form formalize found free frustrate fuel fund gain
gather greet guarantee guard halt hamper hand handle happen harass harm head heal help
highlight hijack hire honor honour hope host house hunt identify ignore impose improve include
increase indicate inflict inform initiate injure insist inspect install instruct insult
integrate intend intensify interfere intervene interview introduce invade investigate invest
invite involve isolate issue join judge jump justify kidnap+ kill label+ lack land last launch
learn legalize legitimize liberate lift like limit link list live loan lobby locate look loot
lower maintain manage march mark massacre matter mediate mention merge migrate mine minimize
mobilize mock modernize monitor mount mourn move murder name need negotiate nominate normalize
note notify object obey oblige observe obstruct obtain occupy occur+ offer open operate oppose
order organize organise oust outline outlaw overturn owe own pardon participate pass patrol+
pause perform permit+ persecute persuade petition phone pick pledge plot+ plunder point poison
pose possess postpone pour praise pray predict prefer+ prepare present preserve press pressure
prevail prevent proceed proclaim produce prohibit promise promote propose prosecute protect
protest prove provide provoke publish pull punish purchase pursue push question raid raise
rally rate ratify reach react realize realise reassure rebuff rebuke recall receive recognize
recognise recommend reconcile reconsider record recover recruit reduce reelect refer+ reform
refrain refuse regain regard register regret+ reinforce reiterate reject rejoice release rely
remain remark remember remind remove renew renounce reopen repair repeat repel+ replace reply
report represent repress request require rescue resent reserve reside resign resist resolve
respect respond rest restore restrain restrict resume retain retake retaliate retreat return
reveal review revise revive revoke reward rob+ rotate rule sabotage safeguard sanction save
schedule score scrap+ search secure seem seize sentence separate serve settle share shell
shelter shift ship+ shoulder sign signal+ slam+ slash slow smuggle solve spark spur+ stabilize
stage start starve state station stay step+ stimulate stop+ storm strain strengthen stress
stretch struggle study submit+ succeed suffer suggest summon supply support suppose surge
surrender surround survive suspect suspend sustain talk target tax term terminate test
testify thank threaten tie top+ torture total tour track train transfer+ transform transport
travel treat trigger trust try turn unite urge use value veto vie violate visit voice vote vow
wage wait walk want warn watch welcome withdraw witness work worry wound yield
help kill resolve arbitrate spill deal fine abandon depart reach trash restore clash
contribute celebrate criticize question begin depart bargain marvel+ aim exceed lodge seal
preside descend relocate plead convey sponsor underline underscore enrich entrust hail voice
hint+ quote indicate transcend reaffirm uphold confer+ persist invoke vow assail exhort
rebut+ expel+ pool propel+ orchestrate characterize label+ brand accord plan+ wire tap+
report fire shell welcome jail sentence fine bomb shell raid topple oust elect
reopen postpone resign overthrow dispatch airlift evacuate rescue demolish
accelerate deepen broaden hasten expedite tighten loosen soothe upgrade downgrade allocate
earmark disburse rehearse galvanise galvanize underwrite reinstate inaugurate fortify mobilise
intercept repatriate recapture bombard amass encircle besiege annex abduct impeach indict
acquit+ imprison coerce intimidate reprimand commend laud lambast berate chide castigate spurn
snub+ defy flout disregard waive swap+ sever unseat depose ostracise ostracize bankroll squeeze
ambush
";

/// Tag bits for a verb form.
pub(crate) const BASE: u8 = 1;
pub(crate) const S3: u8 = 2;
pub(crate) const PAST: u8 = 4;
pub(crate) const PART: u8 = 8;
pub(crate) const GER: u8 = 16;

/// The lexicon, built once on first use.
pub(crate) struct Lexicon {
    closed: FastMap<&'static str, &'static str>,
    verbs: FastMap<String, u8>,
    nationality: FastSet<&'static str>,
    reporting: FastSet<&'static str>,
}

pub(crate) fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(Lexicon::build)
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

fn third_person(base: &str) -> String {
    let b = base.as_bytes();
    if base.ends_with(['s', 'x', 'z']) || base.ends_with("ch") || base.ends_with("sh") {
        format!("{base}es")
    } else if base.ends_with('y') && b.len() > 1 && !is_vowel(b[b.len() - 2]) {
        format!("{}ies", &base[..base.len() - 1])
    } else if base == "go" || base == "do" || base == "veto" || base == "echo" {
        format!("{base}es")
    } else {
        format!("{base}s")
    }
}

fn past(base: &str, double: bool) -> String {
    let b = base.as_bytes();
    if double {
        let last = &base[base.len() - 1..];
        format!("{base}{last}ed")
    } else if base.ends_with('e') {
        format!("{base}d")
    } else if base.ends_with('y') && b.len() > 1 && !is_vowel(b[b.len() - 2]) {
        format!("{}ied", &base[..base.len() - 1])
    } else {
        format!("{base}ed")
    }
}

fn gerund(base: &str, double: bool) -> String {
    if double {
        let last = &base[base.len() - 1..];
        format!("{base}{last}ing")
    } else if let Some(stem) = base.strip_suffix("ie") {
        format!("{stem}ying")
    } else if base.ends_with('e')
        && !base.ends_with("ee")
        && !base.ends_with("ye")
        && base.len() > 2
    {
        format!("{}ing", &base[..base.len() - 1])
    } else {
        format!("{base}ing")
    }
}

impl Lexicon {
    fn build() -> Lexicon {
        let mut closed: FastMap<&'static str, &'static str> =
            ADJECTIVES.split_whitespace().map(|w| (w, "JJ")).collect();
        closed.extend(SUPERLATIVES.split_whitespace().map(|w| (w, "JJS")));
        // Closed-class entries win over the adjective list.
        closed.extend(CLOSED.iter().copied());
        let mut verbs: FastMap<String, u8> = FastMap::default();
        let mut add = |w: String, bits: u8| {
            *verbs.entry(w).or_insert(0) |= bits;
        };
        for word in REGULAR.split_whitespace() {
            let (base, double) = match word.strip_suffix('+') {
                Some(b) => (b, true),
                None => (word, false),
            };
            add(base.to_string(), BASE);
            add(third_person(base), S3);
            let p = past(base, double);
            add(p.clone(), PAST | PART);
            add(gerund(base, double), GER);
        }
        for (base, pst, part) in IRREGULAR {
            add(base.to_string(), BASE);
            add(third_person(base), S3);
            for p in pst.split('/') {
                add(p.to_string(), PAST);
            }
            for p in part.split('/') {
                add(p.to_string(), PART);
            }
            add(gerund(base, false), GER);
        }
        // Gerunds of irregular verbs whose final consonant doubles.
        for g in [
            "beginning",
            "getting",
            "hitting",
            "letting",
            "putting",
            "running",
            "setting",
            "sitting",
            "shutting",
            "cutting",
            "winning",
            "swimming",
            "spinning",
            "forgetting",
            "upsetting",
            "quitting",
            "ridding",
            "bidding",
            "betting",
            "forbidding",
            "digging",
        ] {
            add(g.to_string(), GER);
        }
        Lexicon {
            closed,
            verbs,
            nationality: NATIONALITY.iter().copied().collect(),
            reporting: REPORTING.iter().copied().collect(),
        }
    }

    pub(crate) fn closed(&self, lower: &str) -> Option<&'static str> {
        self.closed.get(lower).copied()
    }

    /// Verb-form bits for a lower-case word (0 when not a known verb form).
    pub(crate) fn verb(&self, lower: &str) -> u8 {
        self.verbs.get(lower).copied().unwrap_or(0)
    }
}

/// Capitalised words that are adjectives of nationality or region when they modify a noun.
pub(crate) fn is_nationality(word: &str) -> bool {
    lexicon().nationality.contains(word)
}

const NATIONALITY: &[&str] = &[
    "Afghan",
    "African",
    "Albanian",
    "Algerian",
    "American",
    "Arab",
    "Arabic",
    "Argentine",
    "Armenian",
    "Asian",
    "Australian",
    "Austrian",
    "Belgian",
    "Brazilian",
    "British",
    "Bulgarian",
    "Burmese",
    "Cambodian",
    "Canadian",
    "Chilean",
    "Chinese",
    "Colombian",
    "Croatian",
    "Cuban",
    "Czech",
    "Danish",
    "Dutch",
    "Egyptian",
    "English",
    "Ethiopian",
    "European",
    "Filipino",
    "Finnish",
    "French",
    "German",
    "Greek",
    "Hungarian",
    "Indian",
    "Indonesian",
    "Iranian",
    "Iraqi",
    "Irish",
    "Israeli",
    "Italian",
    "Japanese",
    "Jordanian",
    "Kenyan",
    "Korean",
    "Kurdish",
    "Kuwaiti",
    "Lebanese",
    "Libyan",
    "Malaysian",
    "Mexican",
    "Mongolian",
    "Moroccan",
    "Nigerian",
    "Norwegian",
    "Pakistani",
    "Palestinian",
    "Persian",
    "Polish",
    "Portuguese",
    "Romanian",
    "Russian",
    "Saudi",
    "Scottish",
    "Serbian",
    "Somali",
    "Spanish",
    "Sudanese",
    "Swedish",
    "Swiss",
    "Syrian",
    "Taiwanese",
    "Thai",
    "Tibetan",
    "Turkish",
    "Ukrainian",
    "Venezuelan",
    "Vietnamese",
    "Western",
    "Eastern",
    "Northern",
    "Southern",
    "Islamic",
    "Muslim",
    "Christian",
    "Jewish",
    "Shiite",
    "Sunni",
    "Soviet",
    "Yemeni",
    "Qatari",
    "Emirati",
    "Bahraini",
    "Omani",
    "Tunisian",
    "Sri",
    "Nepali",
    "Bangladeshi",
    "Uzbek",
    "Kazakh",
    "Georgian",
    "Belarusian",
    "Estonian",
    "Latvian",
    "Lithuanian",
    "Slovak",
    "Slovenian",
    "Bosnian",
    "Macedonian",
    "Cypriot",
    "Maltese",
    "Icelandic",
    "Danish",
    "Peruvian",
    "Bolivian",
    "Ecuadorian",
    "Uruguayan",
    "Paraguayan",
    "Haitian",
    "Jamaican",
    "Ghanaian",
    "Senegalese",
    "Malian",
    "Congolese",
    "Rwandan",
    "Ugandan",
    "Tanzanian",
    "Zimbabwean",
    "Zambian",
    "Angolan",
    "Mozambican",
    "Namibian",
    "Eritrean",
    "Djiboutian",
    "Chadian",
    "Nigerien",
    "Cameroonian",
    "Ivorian",
    "Liberian",
    "Danish",
    "Atlantic",
    "Pacific",
    "Asian-Pacific",
    "Latin",
    "Nordic",
    "Baltic",
    "Balkan",
    "Caucasian",
    "Middle",
    "Azerbaijani",
    "Tajik",
    "Kyrgyz",
    "Turkmen",
    "Burkinabe",
    "Malagasy",
    "Kosovar",
    "Sahrawi",
    "Kashmiri",
    "Baloch",
    "Pashtun",
    "Rohingya",
    "Druze",
    "Yazidi",
    "Welsh",
    "Montenegrin",
    "Moldovan",
];

/// Verbs that report speech or thought: they take clause complements and end news sentences
/// ("..., officials said.").
pub(crate) fn is_reporting_verb(lower: &str) -> bool {
    lexicon().reporting.contains(lower)
}

const REPORTING: &[&str] = &[
    "said",
    "say",
    "says",
    "saying",
    "told",
    "tell",
    "tells",
    "reported",
    "reports",
    "added",
    "adds",
    "noted",
    "notes",
    "stated",
    "states",
    "announced",
    "announces",
    "confirmed",
    "confirms",
    "warned",
    "warns",
    "claimed",
    "claims",
    "insisted",
    "insists",
    "argued",
    "argues",
    "explained",
    "explains",
    "wrote",
    "writes",
    "emphasized",
    "emphasised",
    "emphasizes",
    "stressed",
    "stresses",
    "believed",
    "believes",
    "believe",
    "think",
    "thinks",
    "thought",
    "indicated",
    "indicates",
    "suggested",
    "suggests",
    "agreed",
    "agree",
    "agrees",
    "allowed",
    "allow",
    "allows",
    "hoped",
    "hopes",
    "feared",
    "fears",
    "expected",
    "expects",
    "declared",
    "declares",
    "revealed",
    "reveals",
    "acknowledged",
    "acknowledges",
    "admitted",
    "admits",
    "denied",
    "denies",
    "alleged",
    "alleges",
    "asserted",
    "asserts",
    "reiterated",
    "reiterates",
    "stressed",
    "know",
    "knew",
    "knows",
    "predicted",
    "predicts",
    "promised",
    "promises",
    "vowed",
    "vows",
    "pledged",
    "pledges",
    "urged",
    "proposed",
    "demanded",
    "decided",
    "ruled",
    "found",
    "learned",
    "realized",
    "remarked",
    "observed",
    "maintained",
    "maintains",
    "replied",
    "responded",
    "concluded",
    "felt",
    "feel",
    "feels",
    "show",
    "shows",
    "showed",
    "demonstrated",
    "demonstrates",
    "mean",
    "means",
    "meant",
    "hope",
    "say",
    "ensure",
    "ensured",
    "claim",
    "deny",
    "regretted",
    "regrets",
    "worried",
    "recognized",
    "recognised",
    "understand",
    "understood",
    "estimated",
    "estimates",
    "assured",
    "announce",
    "note",
    "warn",
    "insist",
    "argue",
    "explain",
    "expect",
    "declare",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections() {
        let l = lexicon();
        assert_eq!(l.verb("planned"), PAST | PART);
        assert_eq!(l.verb("restored"), PAST | PART);
        assert_eq!(l.verb("restoring"), GER);
        assert_eq!(l.verb("restores"), S3);
        assert_eq!(l.verb("tried"), PAST | PART);
        assert_eq!(l.verb("dropped"), PAST | PART);
        assert_eq!(l.verb("dropping"), GER);
        assert_eq!(l.verb("agreeing"), GER);
        assert_eq!(l.verb("dying"), GER);
        assert_eq!(l.verb("broken"), PART);
        assert_eq!(l.verb("broke"), PAST);
        assert_eq!(l.verb("said"), PAST | PART);
        assert_eq!(l.verb("put"), BASE | PAST | PART);
        assert_eq!(l.verb("pushes"), S3);
        assert_eq!(l.verb("embassy"), 0);
    }
}
