//! Sentence splitting for news text, by rules and our own abbreviation list.
//!
//! The text is first cut into blocks at blank lines (a single line break inside a paragraph is
//! just white space, as in wrapped text). A block is never joined to the next one, so a headline
//! followed by a blank line is a segment of its own even without a final period. The first line
//! of a document is also a headline when it has no final punctuation, is short, and the body
//! follows on the next line without a blank line.
//!
//! Datelines ("MOSCOW, Nov 18 (Reuters) -", "BEIJING —", "Global Times (20 November 2021) –",
//! "CEBU CITY: --") at the start of one of the first blocks become a [`SegmentKind::Dateline`]
//! segment of their own, so that the first sentence's subject is the sentence's real subject.
//! [`split_sentences`] leaves datelines and known page boilerplate ("Comment Here") out;
//! [`segment`] returns every segment with its kind.
//!
//! Inside a block a sentence ends at `.`, `!`, `?` or `…` (with any closing quotes and brackets
//! after it) followed by white space and then a capital letter, a digit or an opening quote,
//! unless the word before the period is an abbreviation that cannot end a sentence there: a
//! title or initial (`Gen.`, `F.`) never does, `No.`/`Jan.` not before a number, and `U.S.`,
//! `Inc.`, `p.m.` only when the next word is one that typically starts a sentence (`The`, `He`).
//! Decimals (`29.2`) never split because no white space follows the period.

use crate::abbrev::{self, AbbrevKind};
use demarche_model::Span;

/// What a segment of a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SegmentKind {
    /// The document's first line when it has no final punctuation.
    Headline,
    /// A place/agency/date prefix such as "MOSCOW, Nov 18 (Reuters) -".
    Dateline,
    /// An ordinary sentence.
    Sentence,
    /// A block that is page furniture ("Comment Here", "Read more").
    Boilerplate,
}

/// A segment of a document: its byte span (trimmed of white space) and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Segment {
    pub span: Span,
    pub kind: SegmentKind,
}

/// The spans of the sentences to code: headlines and sentences, in order, without datelines
/// and boilerplate. Spans are trimmed, non-empty, ordered and on character boundaries.
///
/// ```
/// let text = "MOSCOW, Nov 18 (Reuters) - The U.S. envoy met Gen. Ivanov at 5 p.m. He said \"talks went well.\" Trade grew 29.2 percent.";
/// let s: Vec<&str> = demarche_text::split_sentences(text).iter().map(|s| &text[s.range()]).collect();
/// assert_eq!(s, [
///     "The U.S. envoy met Gen. Ivanov at 5 p.m.",
///     "He said \"talks went well.\"",
///     "Trade grew 29.2 percent.",
/// ]);
/// ```
pub fn split_sentences(text: &str) -> Vec<Span> {
    segment(text)
        .into_iter()
        .filter(|s| matches!(s.kind, SegmentKind::Headline | SegmentKind::Sentence))
        .map(|s| s.span)
        .collect()
}

/// The dateline that opens a document ("MANILA, Nov. 12 (PNA) --"), without its dash or
/// colon: where the story is told from. Looked for in the first segments only.
pub fn dateline(text: &str) -> Option<Span> {
    let d = dateline_segment(text)?;
    let head = text[d.range()].trim_end_matches(['-', '\u{2014}', '\u{2013}', ':', ' ']);
    (!head.is_empty()).then(|| Span::new(d.start, d.start + head.len()))
}

/// The dateline segment that opens a document, its dash or colon included (see [`segment`]).
pub fn dateline_segment(text: &str) -> Option<Span> {
    // Only the document's head is segmented: a dateline opens it or follows its headline. A
    // head with none of the separators that end a dateline has none, and is not segmented.
    let head = &text[..floor_boundary(text, DATELINE_HEAD)];
    if !DATELINE_SEPARATORS.iter().any(|sep| head.contains(sep))
        && bracket_dateline_len(head.trim_start()).is_none()
    {
        return None;
    }
    segment(head)
        .into_iter()
        .find(|s| s.kind == SegmentKind::Dateline)
        .map(|s| s.span)
}

/// What ends a dateline: a dash or a colon.
const DATELINE_SEPARATORS: &[&str] = &[" -- ", " - ", " — ", " – ", "—", "–", ": "];

/// How many bytes of a document's head [`dateline`] segments.
const DATELINE_HEAD: usize = 1000;

/// Every segment of `text`, with its kind (see the module doc).
pub fn segment(text: &str) -> Vec<Segment> {
    let mut out = Vec::new();
    for (block_index, block) in blocks(text).into_iter().enumerate() {
        let mut start = block.start;
        if block_index == 0
            && let Some(headline_end) = headline_line(text, block)
        {
            out.push(Segment {
                span: trim(text, Span::new(block.start, headline_end)),
                kind: SegmentKind::Headline,
            });
            start = headline_end;
        }
        let rest = trim(text, Span::new(start, block.end));
        if rest.is_empty() {
            continue;
        }
        let body = &text[rest.range()];
        if is_boilerplate(body) {
            out.push(Segment {
                span: rest,
                kind: SegmentKind::Boilerplate,
            });
            continue;
        }
        let mut from = rest.start;
        if block_index < 3
            && let Some(len) = dateline_len(body)
        {
            out.push(Segment {
                span: trim(text, Span::new(rest.start, rest.start + len)),
                kind: SegmentKind::Dateline,
            });
            from = rest.start + len;
        }
        let first_kind = if block_index == 0 && out.is_empty() && !ends_with_terminal(body) {
            SegmentKind::Headline
        } else {
            SegmentKind::Sentence
        };
        for (i, span) in split_block(text, Span::new(from, rest.end))
            .into_iter()
            .enumerate()
        {
            out.push(Segment {
                span,
                kind: if i == 0 {
                    first_kind
                } else {
                    SegmentKind::Sentence
                },
            });
        }
    }
    out
}

/// Blocks of non-blank lines, as spans.
fn blocks(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut block_start: Option<usize> = None;
    let mut line_start = 0;
    let mut last_content_end = 0;
    for line in text.split_inclusive('\n') {
        let end = line_start + line.len();
        if line.trim().is_empty() {
            if let Some(s) = block_start.take() {
                out.push(Span::new(s, last_content_end));
            }
        } else {
            if block_start.is_none() {
                block_start = Some(line_start);
            }
            last_content_end = end;
        }
        line_start = end;
    }
    if let Some(s) = block_start {
        out.push(Span::new(s, last_content_end));
    }
    out
}

/// If the first line of the block is a headline directly followed by body text, the byte
/// offset where that line ends.
fn headline_line(text: &str, block: Span) -> Option<usize> {
    let body = &text[block.range()];
    let nl = body.find('\n')?;
    let first = body[..nl].trim();
    let rest = body[nl..].trim();
    if first.is_empty() || rest.is_empty() || ends_with_terminal(first) {
        return None;
    }
    let words = first.split_whitespace().count();
    // A wrapped sentence's first line usually ends in a lower-case word; a headline line is
    // short. Both tests keep wrapped text from being cut.
    let next_upper = rest.chars().next().is_some_and(char::is_uppercase);
    let last_word_lower = first
        .split_whitespace()
        .next_back()
        .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase));
    if words <= 20 && next_upper && !(last_word_lower && words > 8) && first.len() < 200 {
        Some(block.start + nl)
    } else {
        None
    }
}

fn ends_with_terminal(s: &str) -> bool {
    s.trim_end()
        .trim_end_matches(['"', '”', '’', '\'', ')', ']'])
        .ends_with(['.', '!', '?', '…'])
}

fn trim(text: &str, span: Span) -> Span {
    let Some(s) = text.get(span.range()) else {
        return Span::new(span.start, span.start);
    };
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead == s.len() {
        return Span::new(span.end, span.end);
    }
    Span::new(span.start + lead, span.end - trail)
}

/// Known page furniture that arrives with scraped articles.
fn is_boilerplate(block: &str) -> bool {
    const PHRASES: &[&str] = &[
        "comment here",
        "comments",
        "share this",
        "share this article",
        "share",
        "read more",
        "related",
        "related articles",
        "related stories",
        "advertisement",
        "click here",
        "subscribe",
        "follow us",
        "print",
        "email",
    ];
    let norm = block.trim().trim_end_matches([':', '.', '!']);
    // Compared in place when ASCII (the same answer as lower-casing first, without copying
    // a paragraph); any other text is lower-cased as before.
    if norm.is_ascii() {
        return PHRASES.iter().any(|p| p.eq_ignore_ascii_case(norm));
    }
    let norm = norm.to_lowercase();
    PHRASES.contains(&norm.as_str())
}

/// Length in bytes of a dateline at the start of `block`, including the dash or colon after
/// it and the white space that follows.
fn dateline_len(block: &str) -> Option<usize> {
    separated_dateline_len(block).or_else(|| bracket_dateline_len(block))
}

/// A dateline closed by its agency in brackets with no dash after it, as PTI and IANS write
/// them: "KATHMANDU, Dec 4 (PTI) Nepal and China …". The place is a word in capitals before a
/// comma, the agency one to three capitalised words, and a capitalised word follows.
fn bracket_dateline_len(block: &str) -> Option<usize> {
    let window = &block[..floor_boundary(block, 80)];
    let close = window.find(") ")?;
    let open = window[..close].rfind('(')?;
    let agency = &window[open + 1..close];
    let agency_ok = (2..=20).contains(&agency.len())
        && agency.split(' ').count() <= 3
        && agency.split(' ').all(|w| {
            w.starts_with(|c: char| c.is_uppercase()) && w.chars().all(char::is_alphabetic)
        });
    let prefix = &block[..open];
    let words: Vec<&str> = prefix.split_whitespace().collect();
    let place_ok = prefix.contains(',')
        && (1..=8).contains(&words.len())
        && words.first().is_some_and(|w| {
            let b = w.trim_end_matches(',');
            b.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !b.chars().any(char::is_lowercase)
        })
        && words
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()));
    let rest = &block[close + 1..];
    let body = rest.trim_start();
    let next_ok = body.starts_with(|c: char| c.is_uppercase() || matches!(c, '"' | '“'));
    (agency_ok && place_ok && next_ok).then(|| block.len() - body.len())
}

/// A dateline closed by a dash or a colon (see [`DATELINE_SEPARATORS`]).
fn separated_dateline_len(block: &str) -> Option<usize> {
    let window_end = floor_boundary(block, 120);
    let window = &block[..window_end];
    let (at, sep) = DATELINE_SEPARATORS
        .iter()
        .filter_map(|sep| window.find(sep).map(|i| (i, *sep)))
        .min_by_key(|(i, _)| *i)?;
    let prefix = &block[..at];
    let words: Vec<&str> = prefix.split_whitespace().collect();
    if words.is_empty() || words.len() > 12 {
        return None;
    }
    fn bare(w: &str) -> &str {
        w.trim_matches(|c: char| matches!(c, ',' | '(' | ')' | '.' | ':'))
    }
    let all_capitalised = words.iter().all(|w| {
        let b = bare(w);
        b.is_empty() || b.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
    });
    let has_caps_word = words.iter().any(|w| {
        let b = bare(w);
        b.chars().filter(|c| c.is_alphabetic()).count() >= 2 && b.chars().all(|c| !c.is_lowercase())
    });
    let has_parens = prefix.contains('(') && prefix.contains(')');
    let ok = all_capitalised
        && if sep == ": " {
            has_caps_word
                && words
                    .iter()
                    .all(|w| !bare(w).chars().any(char::is_lowercase))
        } else {
            has_caps_word || has_parens
        };
    if !ok {
        return None;
    }
    // Swallow the separator and any further dashes or white space ("CEBU CITY: -- ").
    let mut end = at + sep.len();
    let rest = &block[end..];
    let extra = rest.len()
        - rest
            .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '—' | '–'))
            .len();
    end += extra;
    // A dateline must leave a sentence after it.
    if block[end..].trim().is_empty() {
        return None;
    }
    Some(end)
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Words that commonly begin a sentence; used after abbreviations that may end one.
fn is_sentence_starter(word: &str) -> bool {
    const STARTERS: &[&str] = &[
        "The",
        "A",
        "An",
        "He",
        "She",
        "It",
        "They",
        "We",
        "I",
        "You",
        "His",
        "Her",
        "Its",
        "Their",
        "Our",
        "This",
        "That",
        "These",
        "Those",
        "There",
        "In",
        "On",
        "At",
        "But",
        "And",
        "Or",
        "So",
        "Yet",
        "As",
        "After",
        "Before",
        "When",
        "While",
        "If",
        "Although",
        "Though",
        "However",
        "Meanwhile",
        "Also",
        "Some",
        "Many",
        "Most",
        "Both",
        "All",
        "Each",
        "Such",
        "According",
        "Last",
        "For",
        "From",
        "With",
        "Without",
        "By",
        "Since",
        "During",
        "Earlier",
        "Later",
        "What",
        "Who",
        "Why",
        "How",
        "Where",
        "Other",
        "Still",
        "Now",
        "Then",
        "Officials",
    ];
    let bare = word.trim_end_matches(|c: char| !c.is_alphanumeric());
    STARTERS.contains(&bare)
}

/// Splits one block (already past any dateline) into trimmed sentence spans.
fn split_block(text: &str, block: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let body = &text[block.range()];
    let mut sent_start = 0usize;
    let mut iter = body.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if !matches!(c, '.' | '!' | '?' | '…') {
            continue;
        }
        // Extend over further terminal marks and closing quotes/brackets.
        let mut end = i + c.len_utf8();
        let mut closed_by_quote = false;
        while let Some(&(j, d)) = iter.peek() {
            if matches!(d, '.' | '!' | '?' | '…') {
                end = j + d.len_utf8();
                iter.next();
            } else if matches!(d, '"' | '”' | '’' | '\'' | ')' | ']' | '»') {
                closed_by_quote = true;
                end = j + d.len_utf8();
                iter.next();
            } else {
                break;
            }
        }
        let after = &body[end..];
        if !after.starts_with(char::is_whitespace) {
            // End of block (handled below) or a decimal/abbreviation run like "29.2", "U.S.-led".
            continue;
        }
        let next_word = after.split_whitespace().next().unwrap_or("");
        let Some(n) = next_word.chars().next() else {
            continue;
        };
        let opens = matches!(n, '"' | '“' | '‘' | '\'' | '(' | '[' | '«');
        let starts_upper = n.is_uppercase()
            || (opens && next_word.chars().nth(1).is_some_and(|d| !d.is_lowercase()));
        if !(starts_upper || n.is_ascii_digit()) {
            continue;
        }
        if c == '.' && !closed_by_quote {
            let word_start = body[..i].rfind(char::is_whitespace).map_or(0, |k| {
                k + body[k..].chars().next().map_or(1, char::len_utf8)
            });
            let word = body[word_start..i + 1].trim_start_matches(['(', '"', '“', '‘', '\'', '[']);
            let boundary = match abbrev::kind(word) {
                AbbrevKind::None => true,
                AbbrevKind::Title => false,
                AbbrevKind::BeforeNumber => !n.is_ascii_digit(),
                AbbrevKind::Other => opens || is_sentence_starter(next_word),
            };
            if !boundary {
                continue;
            }
        }
        let span = trim(text, Span::new(block.start + sent_start, block.start + end));
        if !span.is_empty() {
            out.push(span);
        }
        sent_start = end;
    }
    let span = trim(text, Span::new(block.start + sent_start, block.end));
    if !span.is_empty() {
        out.push(span);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(text: &str, expected: &[&str]) {
        let got: Vec<&str> = split_sentences(text)
            .iter()
            .map(|s| &text[s.range()])
            .collect();
        assert_eq!(got, expected, "text {text:?}");
    }

    #[track_caller]
    fn kinds(text: &str, expected: &[(SegmentKind, &str)]) {
        let got: Vec<(SegmentKind, &str)> = segment(text)
            .iter()
            .map(|s| (s.kind, &text[s.span.range()]))
            .collect();
        assert_eq!(got, expected, "text {text:?}");
    }

    #[test]
    fn abbreviations_do_not_split() {
        check(
            "Sen. John F. Kennedy met U.N. officials and Gen. Smith on Jan. 5 at 3 p.m. local time. The talks ended.",
            &[
                "Sen. John F. Kennedy met U.N. officials and Gen. Smith on Jan. 5 at 3 p.m. local time.",
                "The talks ended.",
            ],
        );
        check(
            "Acme Inc. said profits rose. Mr. Li agreed.",
            &["Acme Inc. said profits rose.", "Mr. Li agreed."],
        );
        check(
            "It was built by Acme Inc. The firm is in the U.S. It grew.",
            &[
                "It was built by Acme Inc.",
                "The firm is in the U.S.",
                "It grew.",
            ],
        );
        // "No." before a word is an answer, not "number".
        check(
            "Resolution No. 5 passed. No. It did not.",
            &["Resolution No. 5 passed.", "No.", "It did not."],
        );
    }

    #[test]
    fn decimals_and_amounts() {
        check(
            "Trade reached $1.5 billion, up 29.2 percent. Dr. Wu said 2021 was good.",
            &[
                "Trade reached $1.5 billion, up 29.2 percent.",
                "Dr. Wu said 2021 was good.",
            ],
        );
    }

    #[test]
    fn quotations() {
        check(
            "\"We will win.\" He said it twice. “Never again!” she said. 'Fine.' They left.",
            &[
                "\"We will win.\"",
                "He said it twice.",
                "“Never again!” she said.",
                "'Fine.'",
                "They left.",
            ],
        );
        check(
            "He said: \"It is over. We go home.\" Then he left.",
            &["He said: \"It is over.", "We go home.\"", "Then he left."],
        );
    }

    #[test]
    fn datelines_are_their_own_segment() {
        kinds(
            "MOSCOW, Nov 18 (Reuters) - Putin spoke. He left.",
            &[
                (SegmentKind::Dateline, "MOSCOW, Nov 18 (Reuters) -"),
                (SegmentKind::Sentence, "Putin spoke."),
                (SegmentKind::Sentence, "He left."),
            ],
        );
        kinds(
            "BEIJING — China said so.",
            &[
                (SegmentKind::Dateline, "BEIJING —"),
                (SegmentKind::Sentence, "China said so."),
            ],
        );
        kinds(
            "CEBU CITY: -- Mayor Sitoy filed a suit.",
            &[
                (SegmentKind::Dateline, "CEBU CITY: --"),
                (SegmentKind::Sentence, "Mayor Sitoy filed a suit."),
            ],
        );
        // The agency in brackets closes a PTI-style dateline with no dash.
        kinds(
            "KATHMANDU, Dec 4 (PTI) Nepal and China signed a deal. Oli left.",
            &[
                (SegmentKind::Dateline, "KATHMANDU, Dec 4 (PTI)"),
                (SegmentKind::Sentence, "Nepal and China signed a deal."),
                (SegmentKind::Sentence, "Oli left."),
            ],
        );
        // Brackets in an ordinary opening sentence are not a dateline.
        kinds(
            "Nepal (PTI) signed a deal. Oli left.",
            &[
                (SegmentKind::Sentence, "Nepal (PTI) signed a deal."),
                (SegmentKind::Sentence, "Oli left."),
            ],
        );
        // An ordinary sentence with a dash is not a dateline.
        kinds(
            "John Smith - the mayor - said so.",
            &[(SegmentKind::Sentence, "John Smith - the mayor - said so.")],
        );
        kinds(
            "The plan: talks first.",
            &[(SegmentKind::Sentence, "The plan: talks first.")],
        );
    }

    #[test]
    fn boilerplate_phrases_in_any_case() {
        assert!(is_boilerplate("  RELATED ARTICLES: "));
        assert!(is_boilerplate("Read More."));
        assert!(!is_boilerplate("Share this with Gondor."));
        // Not ASCII: lower-cased before the comparison, and still not furniture.
        assert!(!is_boilerplate("Réad more"));
        assert!(!is_boilerplate("Ｓhare"));
    }

    #[test]
    fn headlines_and_paragraphs() {
        kinds(
            "Arnor restores ties\n\nArnor restored ties\nwith Gondor. Crowds cheered.\n\nComment Here\n",
            &[
                (SegmentKind::Headline, "Arnor restores ties"),
                (SegmentKind::Sentence, "Arnor restored ties\nwith Gondor."),
                (SegmentKind::Sentence, "Crowds cheered."),
                (SegmentKind::Boilerplate, "Comment Here"),
            ],
        );
        kinds(
            "Gondor wins vote\nThe assembly voted on Monday.",
            &[
                (SegmentKind::Headline, "Gondor wins vote"),
                (SegmentKind::Sentence, "The assembly voted on Monday."),
            ],
        );
        // A wrapped sentence is not mistaken for a headline.
        check(
            "Arnor is about to restore full diplomatic ties with Gondor almost\nfive years after crowds trashed its embassy.",
            &[
                "Arnor is about to restore full diplomatic ties with Gondor almost\nfive years after crowds trashed its embassy.",
            ],
        );
    }

    #[test]
    fn odd_inputs() {
        check("", &[]);
        check("\n\n  \n", &[]);
        check("...", &["..."]);
        check("Hi. ", &["Hi."]);
        check("no final period", &["no final period"]);
        check("a. b. c.", &["a. b. c."]);
    }
}

#[cfg(test)]
mod proptests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn spans_are_ordered_and_on_boundaries(text in "\\PC{0,200}") {
            let mut last = 0;
            for s in segment(&text) {
                prop_assert!(s.span.start >= last);
                prop_assert!(s.span.start < s.span.end);
                let t = s.span.slice(&text);
                prop_assert!(t.is_some());
                prop_assert_eq!(t.unwrap_or_default().trim(), t.unwrap_or_default());
                last = s.span.end;
            }
        }

        #[test]
        fn news_like_text(text in "([A-Z][a-z]{0,6}|U\\.S\\.|Gen\\.|[0-9]\\.[0-9]|[.!?\"“”’ ]|\n|—| - ){0,60}") {
            for s in segment(&text) {
                prop_assert!(s.span.slice(&text).is_some());
            }
        }
    }
}
