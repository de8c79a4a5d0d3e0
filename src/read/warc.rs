//! WARC/1.0 and 1.1: the HTML pages of `response` and `resource` records.
//!
//! Records are read one at a time from a buffered stream (gzip members are
//! joined by the caller's `MultiGzDecoder`), so memory holds one record at a
//! time, and records that are not HTML pages are skipped without buffering.

use std::io::{self, BufRead, Read};

use super::{ReadError, decode_html, describe_io, read_notes};
use crate::doc::{Body, Metadata, RawDocument};

/// The largest record body buffered; bigger records (video, archives) are skipped.
const MAX_RECORD_BYTES: u64 = 64 << 20;

pub(super) struct WarcRecords<R> {
    reader: R,
    name: String,
    gzip: bool,
    record_no: usize,
    done: bool,
}

struct Header {
    warc_type: String,
    record_id: Option<String>,
    target_uri: Option<String>,
    content_type: String,
    content_length: u64,
}

impl<R: BufRead> WarcRecords<R> {
    pub(super) fn new(reader: R, name: String, gzip: bool) -> Self {
        WarcRecords { reader, name, gzip, record_no: 0, done: false }
    }

    fn origin(&self, id: Option<&str>) -> String {
        match id {
            Some(id) => format!("{} (record {} {id})", self.name, self.record_no),
            None => format!("{} (record {})", self.name, self.record_no),
        }
    }

    /// Reads the next record's header; `Ok(None)` at a clean end of file.
    fn read_header(&mut self) -> Result<Option<Header>, ReadError> {
        let mut line = String::new();
        // Skip the blank lines that end the previous record.
        loop {
            line.clear();
            let n = read_line(&mut self.reader, &mut line).map_err(|e| self.io_error(&e))?;
            if n == 0 {
                return Ok(None);
            }
            if !line.trim().is_empty() {
                break;
            }
        }
        self.record_no += 1;
        if !line.starts_with("WARC/") {
            return Err(ReadError::new(
                self.origin(None),
                format!("not a WARC record: expected a \"WARC/1.x\" line, found {:?}", truncate(line.trim_end(), 60)),
            ));
        }
        let mut header = Header {
            warc_type: String::new(),
            record_id: None,
            target_uri: None,
            content_type: String::new(),
            content_length: u64::MAX,
        };
        loop {
            line.clear();
            let n = read_line(&mut self.reader, &mut line).map_err(|e| self.io_error(&e))?;
            if n == 0 {
                return Err(ReadError::new(self.origin(header.record_id.as_deref()), "truncated WARC header"));
            }
            let l = line.trim_end_matches(['\r', '\n']);
            if l.is_empty() {
                break;
            }
            let Some((key, value)) = l.split_once(':') else { continue };
            let value = value.trim();
            match key.trim().to_ascii_lowercase().as_str() {
                "warc-type" => header.warc_type = value.to_ascii_lowercase(),
                "warc-record-id" => header.record_id = Some(value.trim_matches(['<', '>']).to_string()),
                "warc-target-uri" => header.target_uri = Some(value.trim_matches(['<', '>']).to_string()),
                "content-type" => header.content_type = value.to_ascii_lowercase(),
                "content-length" => {
                    header.content_length = value.parse().map_err(|_| {
                        ReadError::new(self.origin(header.record_id.as_deref()), format!("bad Content-Length {value:?}"))
                    })?
                }
                _ => {}
            }
        }
        if header.content_length == u64::MAX {
            return Err(ReadError::new(self.origin(header.record_id.as_deref()), "WARC record without Content-Length"));
        }
        Ok(Some(header))
    }

    fn io_error(&self, e: &io::Error) -> ReadError {
        ReadError::new(self.origin(None), describe_io(e, self.gzip))
    }

    /// Reads or skips the record block; `Ok(None)` when the record is not an article.
    fn read_record(&mut self, header: Header) -> Result<Option<RawDocument>, ReadError> {
        let origin = self.origin(header.record_id.as_deref());
        let wanted = matches!(header.warc_type.as_str(), "response" | "resource" | "conversion")
            && header.content_length <= MAX_RECORD_BYTES;
        let mut block = Vec::new();
        let got = if wanted {
            (&mut self.reader).take(header.content_length).read_to_end(&mut block)
        } else {
            io::copy(&mut (&mut self.reader).take(header.content_length), &mut io::sink()).map(|n| n as usize)
        }
        .map_err(|e| ReadError::new(&origin, describe_io(&e, self.gzip)))?;
        if (got as u64) < header.content_length {
            return Err(ReadError::new(
                &origin,
                format!("truncated WARC record: Content-Length {} but only {got} bytes", header.content_length),
            ));
        }
        if !wanted {
            return Ok(None);
        }
        let (content_type, payload) = if header.content_type.starts_with("application/http") {
            match split_http(&block) {
                Some(http) if (200..300).contains(&http.status) => {
                    let payload = http.decode_body().map_err(|r| ReadError::new(&origin, r))?;
                    (http.content_type, payload)
                }
                // Redirects, errors and unparsable responses carry no article.
                _ => return Ok(None),
            }
        } else {
            (header.content_type.clone(), block)
        };
        let is_html = content_type.is_empty() || content_type.contains("html");
        if !is_html {
            return Ok(None);
        }
        let charset = content_type
            .split(';')
            .filter_map(|p| p.trim().strip_prefix("charset="))
            .next()
            .map(|c| c.trim_matches('"').to_string());
        let (html, note) = decode_html(&payload, charset.as_deref()).map_err(|r| ReadError::new(&origin, r))?;
        let id = header.record_id.clone().unwrap_or_else(|| format!("{}#{}", self.name, self.record_no));
        let metadata = Metadata { url: header.target_uri, ..Metadata::default() };
        Ok(Some(RawDocument { id, origin, metadata, body: Body::Html(html), diagnostics: read_notes(note) }))
    }
}

impl<R: BufRead> Iterator for WarcRecords<R> {
    type Item = Result<RawDocument, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            let header = match self.read_header() {
                Ok(Some(h)) => h,
                Ok(None) => {
                    self.done = true;
                    break;
                }
                Err(e) => {
                    // Without a trustworthy Content-Length the next record cannot be found.
                    self.done = true;
                    return Some(Err(e));
                }
            };
            match self.read_record(header) {
                Ok(Some(doc)) => return Some(Ok(doc)),
                Ok(None) => continue,
                Err(e) => {
                    self.done = e.reason.starts_with("truncated") || e.reason.contains("gzip");
                    return Some(Err(e));
                }
            }
        }
        None
    }
}

/// Reads a header line, tolerating bytes that are not UTF-8.
fn read_line(reader: &mut impl BufRead, line: &mut String) -> io::Result<usize> {
    let mut bytes = Vec::new();
    let n = reader.read_until(b'\n', &mut bytes)?;
    line.push_str(&String::from_utf8_lossy(&bytes));
    Ok(n)
}

fn truncate(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

struct HttpResponse<'a> {
    status: u16,
    content_type: String,
    chunked: bool,
    content_encoding: String,
    body: &'a [u8],
}

fn split_http(block: &[u8]) -> Option<HttpResponse<'_>> {
    let end = memchr::memmem::find(block, b"\r\n\r\n").map(|i| (i, i + 4))
        .or_else(|| memchr::memmem::find(block, b"\n\n").map(|i| (i, i + 2)))?;
    let head = String::from_utf8_lossy(&block[..end.0]);
    let mut lines = head.lines();
    let status_line = lines.next()?;
    let status = status_line.split_whitespace().nth(1)?.parse().ok()?;
    let mut response =
        HttpResponse { status, content_type: String::new(), chunked: false, content_encoding: String::new(), body: &block[end.1..] };
    for line in lines {
        let Some((key, value)) = line.split_once(':') else { continue };
        let value = value.trim().to_ascii_lowercase();
        match key.trim().to_ascii_lowercase().as_str() {
            "content-type" => response.content_type = value,
            "transfer-encoding" => response.chunked = value.contains("chunked"),
            "content-encoding" => response.content_encoding = value,
            _ => {}
        }
    }
    Some(response)
}

impl HttpResponse<'_> {
    /// The payload with transfer and content encodings undone.
    fn decode_body(&self) -> Result<Vec<u8>, String> {
        let body = if self.chunked { dechunk(self.body) } else { self.body.to_vec() };
        match self.content_encoding.as_str() {
            "" | "identity" => Ok(body),
            "gzip" | "x-gzip" => {
                let mut out = Vec::new();
                flate2::read::MultiGzDecoder::new(&body[..])
                    .read_to_end(&mut out)
                    .map_err(|e| format!("HTTP body: {}", describe_io(&e, true)))?;
                Ok(out)
            }
            "deflate" => {
                let mut out = Vec::new();
                flate2::read::ZlibDecoder::new(&body[..])
                    .read_to_end(&mut out)
                    .map_err(|e| format!("HTTP body: corrupt deflate data ({e})"))?;
                Ok(out)
            }
            other => Err(format!("HTTP body in unsupported Content-Encoding {other:?}")),
        }
    }
}

/// Undoes HTTP/1.1 chunked transfer encoding; a malformed stream keeps what was read.
fn dechunk(mut body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len());
    while let Some(eol) = memchr::memmem::find(body, b"\r\n") {
        let size_text = String::from_utf8_lossy(&body[..eol]);
        let Ok(size) = usize::from_str_radix(size_text.split(';').next().unwrap_or("").trim(), 16) else { break };
        if size == 0 {
            break;
        }
        let start = eol + 2;
        let end = (start + size).min(body.len());
        out.extend_from_slice(&body[start..end]);
        body = body.get(end + 2..).unwrap_or(&[]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunked_bodies_are_joined() {
        assert_eq!(dechunk(b"5\r\nHello\r\n7;x=1\r\n, world\r\n0\r\n\r\n"), b"Hello, world");
        assert_eq!(dechunk(b"zz\r\n"), b"");
    }

    #[test]
    fn http_head_is_split_from_body() {
        let r = split_http(b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=ISO-8859-1\r\n\r\n<p>x</p>").unwrap();
        assert_eq!(r.status, 200);
        assert_eq!(r.content_type, "text/html; charset=iso-8859-1");
        assert_eq!(r.body, b"<p>x</p>");
    }
}
