//! Reader for PETRARCH XML: validation files (`<Environment>`, `<Sentence>` records with
//! `<EventCoding>`, `<Config>` changes between records, `<Stop>`) and plain PETRARCH input files
//! (the same `<Sentence>` records without codings; a missing `<Parse>` means raw text).
//!
//! The reader never fails as a whole: it returns every item it could read, in file order, plus
//! [`Diagnostic`]s naming the file and line of each problem. An invalid UTF-8 byte is reported
//! and read as `?` (one byte for one, so every later line number stays right), and reading goes
//! on; truncated XML stops reading at the break (records before it still come out).
//!
//! Design decision: items are returned in one ordered list ([`Item`]) so that a `<Config>` change
//! applies exactly to the records after it, as PETRARCH's validator applies it. Rejected
//! alternative: attaching the options in force to each record, which hides where they changed.

use demarche_model::{Date, Diagnostic, parse_date};
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

/// What `<Environment>` names: the dictionary files and options for a validation run.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Environment {
    pub verb_file: Option<String>,
    pub actor_files: Vec<String>,
    pub agent_file: Option<String>,
    pub discard_file: Option<String>,
    pub issue_file: Option<String>,
    /// Categories the validator should run (`<Include>`), upper-cased; empty means all.
    pub include: Vec<String>,
    /// `<Config>` options set inside `<Environment>`, in file order.
    pub options: Vec<ConfigOption>,
}

/// One `<Config option="..." value="...">` setting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigOption {
    pub option: String,
    pub value: String,
    /// 1-based line of the tag.
    pub line: usize,
}

/// What a validation record expects the coder to produce.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExpectedCoding {
    /// One event (source, target, CAMEO code). Codes in double quotes (`"THE MINISTRY"`) are
    /// new actors named by their noun-phrase text; the quotes are kept.
    Event {
        source: String,
        target: String,
        code: String,
    },
    /// `noevents="True"`: the record must produce no event.
    NoEvents,
    /// `error="..."`: the record must be rejected for this reason (`bad_input_parse`,
    /// `dateline`, `storydiscard`, `sentencediscard`).
    Error(String),
}

/// One `<Sentence>` record.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Record {
    pub id: String,
    /// The `date` attribute as written.
    pub date_text: String,
    /// The date, when `date_text` reads as one.
    pub date: Option<Date>,
    pub category: String,
    /// The `<Text>` content with runs of white space collapsed to one space and trimmed.
    pub text: String,
    /// The `<Parse>` content (Penn Treebank brackets), trimmed; `None` when absent.
    pub parse: Option<String>,
    /// 1-based line of the `<Parse>` start tag (for locating tree errors).
    pub parse_line: Option<usize>,
    pub expected: Vec<ExpectedCoding>,
    /// 1-based line of the `<Sentence>` tag.
    pub line: usize,
}

impl Record {
    /// Whether the record expects an error rather than events.
    pub fn expects_error(&self) -> Option<&str> {
        self.expected.iter().find_map(|e| match e {
            ExpectedCoding::Error(reason) => Some(reason.as_str()),
            _ => None,
        })
    }
}

/// One item of a PETRARCH XML file, in file order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    Record(Record),
    /// A `<Config>` change between records: applies to the records after it.
    Config(ConfigOption),
    /// `<Stop>`: the validator stops here.
    Stop {
        line: usize,
    },
}

/// Everything read from one file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PetrarchFile {
    pub environment: Environment,
    pub items: Vec<Item>,
    pub diagnostics: Vec<Diagnostic>,
}

impl PetrarchFile {
    /// The records, in order, ignoring `<Config>` and `<Stop>`.
    pub fn records(&self) -> impl Iterator<Item = &Record> {
        self.items.iter().filter_map(|i| match i {
            Item::Record(r) => Some(r),
            _ => None,
        })
    }
}

/// Byte offsets of line starts, for turning reader positions into 1-based lines.
struct LineIndex(Vec<usize>);

impl LineIndex {
    fn new(text: &[u8]) -> Self {
        let mut starts = vec![0];
        starts.extend(
            text.iter()
                .enumerate()
                .filter(|(_, b)| **b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex(starts)
    }

    fn line(&self, offset: usize) -> usize {
        match self.0.binary_search(&offset) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }
}

/// Which element's text we are collecting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Collect {
    None,
    Text,
    Parse,
    EnvField,
}

/// Reads a PETRARCH XML file. `file` names it in diagnostics. Never panics; see the module doc.
/// `bytes` as text, each byte of an invalid UTF-8 sequence replaced by `?`; `report` is called
/// with the offset of each invalid sequence.
fn repair_utf8(bytes: &[u8], mut report: impl FnMut(usize)) -> std::borrow::Cow<'_, str> {
    match std::str::from_utf8(bytes) {
        Ok(t) => std::borrow::Cow::Borrowed(t),
        Err(_) => {
            let mut out = String::with_capacity(bytes.len());
            let mut rest = bytes;
            let mut offset = 0;
            while !rest.is_empty() {
                match std::str::from_utf8(rest) {
                    Ok(t) => {
                        out.push_str(t);
                        break;
                    }
                    Err(e) => {
                        let good = e.valid_up_to();
                        out.push_str(std::str::from_utf8(&rest[..good]).unwrap_or_default());
                        let bad = e.error_len().unwrap_or(rest.len() - good);
                        report(offset + good);
                        out.extend(std::iter::repeat_n('?', bad));
                        rest = &rest[good + bad..];
                        offset += good + bad;
                    }
                }
            }
            std::borrow::Cow::Owned(out)
        }
    }
}

pub fn read(file: &str, bytes: &[u8]) -> PetrarchFile {
    let mut out = PetrarchFile::default();
    let lines = LineIndex::new(bytes);
    // Invalid bytes become `?`, one for one, so byte offsets (and line numbers) stay exact.
    let repaired = repair_utf8(bytes, |at| {
        out.diagnostics.push(Diagnostic::error(
            file,
            Some(lines.line(at)),
            format!("invalid UTF-8 at byte {at}: expected UTF-8 text; the byte is read as `?`"),
        ));
    });
    let text: &str = &repaired;
    if text.trim().is_empty() {
        out.diagnostics.push(Diagnostic::warning(
            file,
            None,
            "empty file: expected PETRARCH XML with <Sentence> records",
        ));
        return out;
    }
    let mut reader = Reader::from_str(text);
    let mut in_environment = false;
    let mut env_field = String::new();
    let mut record: Option<Record> = None;
    let mut collect = Collect::None;
    let mut buf = String::new();
    loop {
        let pos = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        let event = match reader.read_event() {
            Ok(ev) => ev,
            Err(e) => {
                let at = usize::try_from(reader.error_position()).unwrap_or(pos);
                out.diagnostics.push(Diagnostic::error(
                    file,
                    Some(lines.line(at)),
                    format!("malformed XML: {e}; reading stops here"),
                ));
                break;
            }
        };
        let line = lines.line(pos);
        match event {
            Event::Start(e) | Event::Empty(e) => {
                let name = e.name().as_ref().to_ascii_lowercase();
                match name.as_slice() {
                    b"environment" => in_environment = true,
                    b"sentence" => {
                        if let Some(open) = record.take() {
                            out.diagnostics.push(Diagnostic::error(
                                file,
                                Some(open.line),
                                format!("record `{}` is not closed: expected </Sentence>", open.id),
                            ));
                        }
                        let mut r = Record {
                            line,
                            ..Record::default()
                        };
                        for (k, v) in attributes(&e) {
                            match k.as_str() {
                                "id" => r.id = v,
                                "date" => r.date_text = v,
                                "category" => r.category = v,
                                _ => {}
                            }
                        }
                        if !r.date_text.is_empty() {
                            match parse_date(&r.date_text) {
                                Ok(d) => r.date = Some(d),
                                Err(msg) => out.diagnostics.push(Diagnostic::warning(
                                    file,
                                    Some(line),
                                    format!("record `{}`: {msg}", r.id),
                                )),
                            }
                        }
                        record = Some(r);
                    }
                    b"eventcoding" => {
                        let coding = read_coding(&e);
                        match (&mut record, coding) {
                            (Some(r), Some(c)) => r.expected.push(c),
                            (_, None) => out.diagnostics.push(Diagnostic::warning(
                                file,
                                Some(line),
                                "<EventCoding> without sourcecode/targetcode/eventcode, noevents or error: ignored",
                            )),
                            (None, Some(_)) => out.diagnostics.push(Diagnostic::warning(
                                file,
                                Some(line),
                                "<EventCoding> outside a <Sentence>: ignored",
                            )),
                        }
                    }
                    b"text" if record.is_some() => {
                        collect = Collect::Text;
                        buf.clear();
                    }
                    b"parse" if record.is_some() => {
                        collect = Collect::Parse;
                        buf.clear();
                        if let Some(r) = &mut record {
                            r.parse_line = Some(line);
                        }
                    }
                    b"config" => {
                        let mut opt = ConfigOption {
                            option: String::new(),
                            value: String::new(),
                            line,
                        };
                        for (k, v) in attributes(&e) {
                            match k.as_str() {
                                "option" => opt.option = v,
                                "value" => opt.value = v,
                                _ => {}
                            }
                        }
                        if opt.option.is_empty() {
                            out.diagnostics.push(Diagnostic::warning(
                                file,
                                Some(line),
                                "<Config> without an option attribute: ignored",
                            ));
                        } else if in_environment {
                            out.environment.options.push(opt);
                        } else {
                            out.items.push(Item::Config(opt));
                        }
                    }
                    b"stop" => out.items.push(Item::Stop { line }),
                    b"verbfile" | b"actorfile" | b"agentfile" | b"discardfile" | b"issuefile"
                    | b"include"
                        if in_environment =>
                    {
                        env_field = String::from_utf8_lossy(&name).into_owned();
                        collect = Collect::EnvField;
                        buf.clear();
                    }
                    _ => {}
                }
            }
            Event::Text(t) if collect != Collect::None => match t.unescape() {
                Ok(s) => buf.push_str(&s),
                // A bare `&` in a sentence is common in news text: keep it as written.
                Err(_) => buf.push_str(&String::from_utf8_lossy(t.as_ref())),
            },
            Event::CData(t) if collect != Collect::None => {
                buf.push_str(&String::from_utf8_lossy(t.as_ref()));
            }
            Event::End(e) => {
                let name = e.name().as_ref().to_ascii_lowercase();
                match name.as_slice() {
                    b"environment" => in_environment = false,
                    b"text" if collect == Collect::Text => {
                        if let Some(r) = &mut record {
                            r.text = collapse_ws(&buf);
                        }
                        collect = Collect::None;
                    }
                    b"parse" if collect == Collect::Parse => {
                        if let Some(r) = &mut record {
                            r.parse = Some(buf.trim().to_string());
                        }
                        collect = Collect::None;
                    }
                    b"sentence" => {
                        if let Some(r) = record.take() {
                            out.items.push(Item::Record(r));
                        }
                        collect = Collect::None;
                    }
                    _ if collect == Collect::EnvField => {
                        let value = buf.trim().to_string();
                        let env = &mut out.environment;
                        match env_field.as_str() {
                            "verbfile" => env.verb_file = Some(value),
                            "actorfile" => env.actor_files.extend(split_list(&value)),
                            "agentfile" => env.agent_file = Some(value),
                            "discardfile" => env.discard_file = Some(value),
                            "issuefile" => env.issue_file = Some(value),
                            "include" => {
                                env.include = value
                                    .split_whitespace()
                                    .map(|s| s.to_ascii_uppercase())
                                    .collect()
                            }
                            _ => {}
                        }
                        collect = Collect::None;
                    }
                    _ => {}
                }
            }
            Event::Eof => {
                if let Some(r) = record.take() {
                    out.diagnostics.push(Diagnostic::error(
                        file,
                        Some(r.line),
                        format!(
                            "record `{}` is truncated: expected </Sentence> before the end of the file",
                            r.id
                        ),
                    ));
                }
                break;
            }
            _ => {}
        }
    }
    if let Some(r) = record.take() {
        out.diagnostics.push(Diagnostic::error(
            file,
            Some(r.line),
            format!("record `{}` is incomplete: dropped", r.id),
        ));
    }
    out
}

fn split_list(value: &str) -> Vec<String> {
    value
        .split([',', ' ', '\t', '\n'])
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn collapse_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Attributes as (lower-cased key, value); malformed attributes are skipped.
fn attributes(e: &BytesStart<'_>) -> Vec<(String, String)> {
    e.attributes()
        .with_checks(false)
        .filter_map(Result::ok)
        .map(|a| {
            let key = String::from_utf8_lossy(a.key.as_ref()).to_ascii_lowercase();
            let value = match a.unescape_value() {
                Ok(v) => v.into_owned(),
                Err(_) => String::from_utf8_lossy(&a.value).into_owned(),
            };
            (key, value.trim().to_string())
        })
        .collect()
}

fn read_coding(e: &BytesStart<'_>) -> Option<ExpectedCoding> {
    let (mut source, mut target, mut code) = (None, None, None);
    for (k, v) in attributes(e) {
        match k.as_str() {
            "sourcecode" => source = Some(v),
            "targetcode" => target = Some(v),
            "eventcode" => code = Some(v),
            "noevents" if v.eq_ignore_ascii_case("true") => return Some(ExpectedCoding::NoEvents),
            "error" => return Some(ExpectedCoding::Error(v)),
            _ => {}
        }
    }
    match (source, target, code) {
        (None, None, None) => None,
        (s, t, c) => Some(ExpectedCoding::Event {
            source: s.unwrap_or_default(),
            target: t.unwrap_or_default(),
            code: c.unwrap_or_default(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: &str = r#"<Validation>
<Environment>
    <Verbfile>v.txt</Verbfile>
    <Actorfile>a.txt</Actorfile>
    <Include>valid DEMO</Include>
    <Config option="stop_on_error" value="True"></Config>
</Environment>
<Sentences>
<!-- a comment <Sentence id="fake"> -->
<Sentence date="19950101" id="R-1" category="DEMO" sentence="true">
<!-- comment inside -->
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<EventCoding sourcecode='"THE MINISTRY"' targetcode="GON" eventcode="033"/>
<Text>
Arnor  restores
ties &amp; more.
</Text>
<Parse>
(ROOT (S (NP (NNP Arnor))))
</Parse>
</Sentence>
<Config option="require_dyad" value="false"></Config>
<Sentence date="950102" id="R-2" category="ERROR">
<EventCoding noevents = "True"></EventCoding>
<Text>Raw only</Text>
</Sentence>
<Sentence date="19950103" id="R-3"><EventCoding error="dateline"></EventCoding><Text>x</Text></Sentence>
<Stop></Stop>
</Sentences>
</Validation>"#;

    #[test]
    fn reads_environment_records_config_and_stop() {
        let f = read("t.xml", SMALL.as_bytes());
        assert!(f.diagnostics.is_empty(), "{:?}", f.diagnostics);
        assert_eq!(f.environment.verb_file.as_deref(), Some("v.txt"));
        assert_eq!(f.environment.actor_files, ["a.txt"]);
        assert_eq!(f.environment.include, ["VALID", "DEMO"]);
        assert_eq!(f.environment.options.len(), 1);
        assert_eq!(f.items.len(), 5);
        let Item::Record(r1) = &f.items[0] else {
            panic!("expected a record first, got {:?}", f.items[0])
        };
        assert_eq!(r1.id, "R-1");
        assert_eq!(r1.line, 10);
        assert_eq!(r1.text, "Arnor restores ties & more.");
        assert_eq!(r1.parse.as_deref(), Some("(ROOT (S (NP (NNP Arnor))))"));
        assert_eq!(r1.date, Date::from_ymd_opt(1995, 1, 1));
        assert_eq!(
            r1.expected[1],
            ExpectedCoding::Event {
                source: "\"THE MINISTRY\"".into(),
                target: "GON".into(),
                code: "033".into()
            }
        );
        assert!(
            matches!(&f.items[1], Item::Config(c) if c.option == "require_dyad" && c.value == "false")
        );
        let Item::Record(r2) = &f.items[2] else {
            panic!("expected a record")
        };
        assert_eq!(r2.expected, [ExpectedCoding::NoEvents]);
        assert_eq!(r2.parse, None);
        assert_eq!(r2.date, Date::from_ymd_opt(1995, 1, 2));
        let Item::Record(r3) = &f.items[3] else {
            panic!("expected a record")
        };
        assert_eq!(r3.expects_error(), Some("dateline"));
        assert!(matches!(f.items[4], Item::Stop { .. }));
    }

    #[test]
    fn empty_file_is_a_warning() {
        let f = read("e.xml", b"");
        assert!(f.items.is_empty());
        assert_eq!(f.diagnostics.len(), 1);
        assert!(
            f.diagnostics[0]
                .to_string()
                .starts_with("e.xml: warning: empty file")
        );
    }

    #[test]
    fn truncated_xml_keeps_earlier_records() {
        let cut = SMALL.find("<Sentence date=\"950102\"").unwrap() + 60;
        let f = read("cut.xml", &SMALL.as_bytes()[..cut]);
        assert_eq!(f.records().count(), 1);
        let all: Vec<String> = f.diagnostics.iter().map(|d| d.to_string()).collect();
        assert!(
            all[0].starts_with("cut.xml:24: error: malformed XML"),
            "{all:?}"
        );
        assert!(
            all.iter()
                .any(|d| d.starts_with("cut.xml:23:") && d.contains("R-2")),
            "{all:?}"
        );
    }

    #[test]
    fn invalid_utf8_is_reported_and_reading_goes_on() {
        let mut bytes = SMALL.as_bytes().to_vec();
        let at = SMALL.find("Raw only").unwrap();
        bytes[at] = 0xff;
        let f = read("bad.xml", &bytes);
        let good = read("good.xml", SMALL.as_bytes());
        assert_eq!(f.records().count(), good.records().count());
        let d = f.diagnostics[0].to_string();
        assert!(d.starts_with("bad.xml:25: error: invalid UTF-8"), "{d}");
        assert_eq!(f.diagnostics.len(), 1, "{:?}", f.diagnostics);
        let texts: Vec<&str> = f.records().map(|r| r.text.as_str()).collect();
        assert!(texts.iter().any(|t| t.contains("?aw only")), "{texts:?}");
    }

    #[test]
    fn repair_keeps_offsets() {
        let mut seen = Vec::new();
        let fixed = repair_utf8(b"ab\xff\xfecd\xe2\x82", |at| seen.push(at));
        assert_eq!(fixed, "ab??cd??");
        assert_eq!(seen, [2, 3, 6]);
    }

    #[test]
    fn one_megabyte_line_is_read() {
        let long = "word ".repeat(200_000);
        let xml = format!(
            "<Sentences><Sentence id=\"L\" date=\"20200101\"><Text>{long}</Text></Sentence></Sentences>"
        );
        let f = read("long.xml", xml.as_bytes());
        assert!(f.diagnostics.is_empty());
        assert_eq!(
            f.records().next().map(|r| r.text.len()),
            Some(long.len() - 1)
        );
    }

    #[test]
    fn bad_date_is_a_warning_and_the_record_is_kept() {
        let f = read(
            "d.xml",
            b"<Sentences>\n<Sentence id=\"D\" date=\"yesterday\"><Text>x</Text></Sentence></Sentences>",
        );
        assert_eq!(f.records().count(), 1);
        assert!(
            f.diagnostics[0]
                .to_string()
                .starts_with("d.xml:2: warning:")
        );
    }
}

#[cfg(test)]
mod proptests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            let _ = read("p.xml", &bytes);
        }

        #[test]
        fn xml_like_text_never_panics(s in "(<Sentence id=\"a\">|<Text>|</Text>|<Parse>|</Parse>|</Sentence>|<Config option=\"x\" value=\"y\"/>|<EventCoding sourcecode=\"A\"/>|[a-z &<>\"=/])*") {
            let f = read("p.xml", s.as_bytes());
            for r in f.records() {
                prop_assert!(!r.text.contains("  "));
            }
        }
    }
}
