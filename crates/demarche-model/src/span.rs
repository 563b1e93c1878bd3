//! Byte spans into an original text.

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into a text that the holder of the span knows.
///
/// Serialised as a two-element array `[start, end]` so that JSON output stays compact and
/// obviously usable as `text[start..end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    pub fn range(self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    pub fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }

    pub fn is_empty(self) -> bool {
        self.len() == 0
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// Moves the span by `offset` bytes, e.g. from sentence-relative to document-relative.
    pub fn shift(self, offset: usize) -> Span {
        Span::new(self.start + offset, self.end + offset)
    }

    /// The text under the span, or `None` if it is out of bounds or not on character boundaries.
    pub fn slice(self, text: &str) -> Option<&str> {
        text.get(self.range())
    }
}

impl Serialize for Span {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        [self.start, self.end].serialize(s)
    }
}

impl<'de> Deserialize<'de> for Span {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let [start, end] = <[usize; 2]>::deserialize(d)?;
        if end < start {
            return Err(serde::de::Error::custom(format!(
                "span end {end} is before its start {start}"
            )));
        }
        Ok(Span { start, end })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slice_respects_char_boundaries() {
        let text = "Putin’s model";
        assert_eq!(Span::new(0, 5).slice(text), Some("Putin"));
        // ’ is three bytes long: a span ending inside it is refused, not a panic.
        assert_eq!(Span::new(0, 6).slice(text), None);
        assert_eq!(Span::new(0, 100).slice(text), None);
    }

    #[test]
    fn serde_round_trip_as_array() {
        let json = serde_json::to_string(&Span::new(3, 9)).unwrap();
        assert_eq!(json, "[3,9]");
        assert_eq!(
            serde_json::from_str::<Span>(&json).unwrap(),
            Span::new(3, 9)
        );
        assert!(serde_json::from_str::<Span>("[9,3]").is_err());
    }

    #[test]
    fn cover_and_shift() {
        assert_eq!(Span::new(4, 6).cover(Span::new(1, 5)), Span::new(1, 6));
        assert_eq!(Span::new(4, 6).shift(10), Span::new(14, 16));
    }
}
