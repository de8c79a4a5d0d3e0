//! Stand-off spans: every annotation points into the document text by byte range.

/// A half-open byte range `start..end` into a document's `text`.
///
/// Internally every stage works in byte offsets, which are always on UTF-8
/// character boundaries; only the output module converts them to the Unicode
/// code point offsets that the JSON contract promises.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    pub const fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The text this span covers.
    ///
    /// # Panics
    /// If the span is out of range or not on character boundaries, which is a
    /// bug in the stage that made it, never a property of the input.
    pub fn of<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}
