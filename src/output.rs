//! JSON output: the document object of `SPEC.md` §2, one line per document.
//!
//! API boundary: this is the only module that knows JSON field names and the
//! only place where byte offsets become the Unicode code point offsets the
//! contract promises.

use std::io::{self, Write};

use serde::Serialize;

use crate::doc::{Document, Participant, Span};

#[derive(Serialize)]
struct DocumentJson<'d> {
    doc_id: &'d str,
    url: Option<&'d str>,
    title: Option<&'d str>,
    authors: &'d [String],
    published: Option<String>,
    /// `"document"` when the article carries its date, `"reference"` when it
    /// is the `--published` date given for documents that carry none.
    published_source: Option<&'static str>,
    language: Option<&'d str>,
    text: &'d str,
    removed: Vec<&'d str>,
    actors: Vec<ActorJson<'d>>,
    quotes: Vec<QuoteJson<'d>>,
    events: Vec<EventJson<'d>>,
    /// What stages noticed but handled, as `"stage: message"`.
    diagnostics: Vec<String>,
}

#[derive(Serialize)]
struct ActorJson<'d> {
    id: String,
    name: &'d str,
    code: Option<&'d str>,
    kind: &'static str,
    country: Option<&'d str>,
    role: Option<&'d str>,
    mentions: Vec<SpanJson>,
}

#[derive(Serialize)]
struct QuoteJson<'d> {
    text: &'d str,
    start: usize,
    end: usize,
    kind: &'static str,
    speaker: Option<SpeakerJson<'d>>,
    cue: Option<&'d str>,
}

#[derive(Serialize)]
struct SpeakerJson<'d> {
    name: &'d str,
    actor: Option<String>,
    code: Option<&'d str>,
    mention: Option<SpanJson>,
}

#[derive(Serialize)]
struct EventJson<'d> {
    source: ParticipantJson<'d>,
    target: Option<ParticipantJson<'d>>,
    cameo: &'d str,
    plover: Option<&'d str>,
    goldstein: f32,
    quad_class: u8,
    trigger: &'d str,
    sentence: SpanJson,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`: the precision the text gives.
    date: Option<String>,
    negated: bool,
    hypothetical: bool,
    location: Option<&'d str>,
    confidence: f32,
}

#[derive(Serialize)]
struct ParticipantJson<'d> {
    name: &'d str,
    code: Option<&'d str>,
    actor: Option<String>,
    /// Written only when true: a side the text leaves implicit.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    inferred: bool,
}

impl<'d> ParticipantJson<'d> {
    fn new(p: &'d Participant) -> ParticipantJson<'d> {
        ParticipantJson { name: &p.name, code: p.code.as_deref(), actor: p.actor.map(|i| format!("a{}", i + 1)), inferred: p.inferred }
    }
}

/// A span as code point offsets, end exclusive.
#[derive(Serialize)]
struct SpanJson {
    start: usize,
    end: usize,
}

impl SpanJson {
    fn new(code_points: &CodePoints, span: Span) -> SpanJson {
        let (start, end) = code_points.span(span);
        SpanJson { start, end }
    }
}

/// Writes one document as one JSON line.
pub fn write_document(out: &mut impl Write, doc: &Document) -> io::Result<()> {
    let code_points = CodePoints::new(&doc.text);
    let json = DocumentJson {
        doc_id: &doc.id,
        url: doc.metadata.url.as_deref(),
        title: doc.metadata.title.as_deref(),
        authors: &doc.metadata.authors,
        published: doc.metadata.published.map(|d| d.to_string()),
        published_source: doc.metadata.published.map(|_| if doc.published_is_reference { "reference" } else { "document" }),
        language: doc.metadata.language.as_deref(),
        text: &doc.text,
        removed: doc.removed.iter().map(|r| r.text.as_str()).collect(),
        actors: doc
            .actors
            .iter()
            .enumerate()
            .map(|(i, a)| ActorJson {
                id: format!("a{}", i + 1),
                name: &a.name,
                code: a.code.as_deref(),
                kind: a.kind.as_str(),
                country: a.country.as_deref(),
                role: a.role.as_deref(),
                mentions: a.mentions.iter().map(|&m| SpanJson::new(&code_points, m)).collect(),
            })
            .collect(),
        quotes: doc
            .quotes
            .iter()
            .map(|q| {
                let (start, end) = code_points.span(q.span);
                QuoteJson {
                    text: q.span.of(&doc.text),
                    start,
                    end,
                    kind: q.kind.as_str(),
                    speaker: q.speaker.as_ref().map(|s| SpeakerJson {
                        name: &s.name,
                        actor: s.actor.map(|i| format!("a{}", i + 1)),
                        code: s.code.as_deref(),
                        mention: s.mention.map(|m| SpanJson::new(&code_points, m)),
                    }),
                    cue: q.cue.as_deref(),
                }
            })
            .collect(),
        events: doc
            .events
            .iter()
            .map(|e| EventJson {
                source: ParticipantJson::new(&e.source),
                target: e.target.as_ref().map(ParticipantJson::new),
                cameo: &e.cameo,
                plover: e.plover.as_deref(),
                goldstein: e.goldstein,
                quad_class: e.quad_class,
                trigger: e.trigger.of(&doc.text),
                sentence: SpanJson::new(&code_points, e.sentence),
                date: e.date.map(|d| d.to_iso()),
                negated: e.negated,
                hypothetical: e.hypothetical,
                location: e.location.as_deref(),
                confidence: e.confidence,
            })
            .collect(),
        diagnostics: doc.diagnostics.iter().map(|d| format!("{}: {}", d.stage, d.message)).collect(),
    };
    serde_json::to_writer(&mut *out, &json)?;
    out.write_all(b"\n")
}

/// Converts byte offsets into a text to code point offsets.
///
/// ASCII text (most news) needs no table; otherwise one entry per non-ASCII
/// character makes each lookup a binary search.
pub struct CodePoints {
    /// (byte offset just after a multi-byte char, bytes saved so far), ascending.
    corrections: Vec<(usize, usize)>,
}

impl CodePoints {
    pub fn new(text: &str) -> CodePoints {
        let mut corrections = Vec::new();
        if !text.is_ascii() {
            let mut saved = 0;
            for (i, c) in text.char_indices() {
                let n = c.len_utf8();
                if n > 1 {
                    saved += n - 1;
                    corrections.push((i + n, saved));
                }
            }
        }
        CodePoints { corrections }
    }

    /// The code point offset of byte offset `byte` (which is on a char boundary).
    pub fn of(&self, byte: usize) -> usize {
        let k = self.corrections.partition_point(|&(at, _)| at <= byte);
        byte - if k == 0 { 0 } else { self.corrections[k - 1].1 }
    }

    pub fn span(&self, span: Span) -> (usize, usize) {
        (self.of(span.start), self.of(span.end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_points_count_characters_not_bytes() {
        let text = "Zakharova’s “list” — é😀x";
        let cp = CodePoints::new(text);
        for (char_index, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(cp.of(byte), char_index);
        }
        assert_eq!(cp.of(text.len()), text.chars().count());
        let ascii = CodePoints::new("plain");
        assert_eq!(ascii.span(Span::new(1, 4)), (1, 4));
    }
}
