//! JSON Lines: one article per line, `{"id", "text"|"html", "url"?, "title"?, "published"?}`.

use std::io::BufRead;

use serde::Deserialize;

use super::{ReadError, decode_html, describe_io, normalize, parse_date};
use crate::doc::{Body, Metadata, RawDocument};

#[derive(Deserialize)]
struct Record {
    id: Option<serde_json::Value>,
    text: Option<String>,
    html: Option<String>,
    url: Option<String>,
    title: Option<String>,
    published: Option<String>,
    #[serde(default)]
    authors: Vec<String>,
    language: Option<String>,
}

/// Streams the records of a JSON Lines file, one line at a time.
pub(super) struct JsonlRecords<R> {
    reader: R,
    name: String,
    stem: String,
    line_no: usize,
    buf: Vec<u8>,
    done: bool,
    gzip: bool,
}

impl<R: BufRead> JsonlRecords<R> {
    pub(super) fn new(reader: R, name: String, stem: String, gzip: bool) -> Self {
        JsonlRecords { reader, name, stem, line_no: 0, buf: Vec::new(), done: false, gzip }
    }

    fn parse_line(&self) -> Result<RawDocument, ReadError> {
        let origin = format!("{}:{}", self.name, self.line_no);
        // A byte-order mark may open the file (editors on Windows write one).
        let bytes = if self.line_no == 1 { self.buf.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&self.buf) } else { &self.buf };
        let line = std::str::from_utf8(bytes)
            .map_err(|e| ReadError::new(&origin, format!("not valid UTF-8 (at byte {} of the line)", e.valid_up_to())))?;
        let record: Record = serde_json::from_str(line).map_err(|e| {
            let hint = if e.is_eof() { "; the line is cut short (truncated file?)" } else { "" };
            ReadError::new(&origin, format!("invalid JSON: {e}{hint}"))
        })?;
        let id = match record.id {
            Some(serde_json::Value::String(s)) if !s.is_empty() => s,
            Some(serde_json::Value::Number(n)) => n.to_string(),
            _ => format!("{}:{}", self.stem, self.line_no),
        };
        let body = match (record.text, record.html) {
            (Some(text), _) if !text.trim().is_empty() => Body::Text(normalize(text)),
            (_, Some(html)) if !html.trim().is_empty() => {
                Body::Html(decode_html(html.as_bytes(), Some("utf-8")).map_err(|r| ReadError::new(&origin, r))?.0)
            }
            (None, None) => return Err(ReadError::new(&origin, "no \"text\" or \"html\" field")),
            _ => return Err(ReadError::new(&origin, "empty document (no text)")),
        };
        let published = match record.published.as_deref() {
            None | Some("") => None,
            Some(s) => Some(parse_date(s).ok_or_else(|| {
                ReadError::new(&origin, format!("\"published\" is not a date: {s:?} (expected YYYY-MM-DD)"))
            })?),
        };
        let metadata = Metadata {
            url: record.url,
            title: record.title,
            authors: record.authors,
            published,
            language: record.language,
        };
        Ok(RawDocument { id, origin, metadata, body, diagnostics: Vec::new() })
    }
}

impl<R: BufRead> Iterator for JsonlRecords<R> {
    type Item = Result<RawDocument, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            self.buf.clear();
            self.line_no += 1;
            match self.reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => self.done = true,
                Ok(_) if self.buf.iter().all(u8::is_ascii_whitespace) => continue,
                Ok(_) => return Some(self.parse_line()),
                Err(e) => {
                    // The stream itself broke (e.g. truncated gzip): nothing after this can be trusted.
                    self.done = true;
                    return Some(Err(ReadError::new(
                        format!("{}:{}", self.name, self.line_no),
                        describe_io(&e, self.gzip),
                    )));
                }
            }
        }
        None
    }
}
