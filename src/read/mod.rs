//! Readers: files, directories and standard input to [`RawDocument`]s.
//!
//! Four formats, detected from the file name and content or forced by the
//! user: plain `text` and `html` (one article per file), and the streamed
//! container formats `jsonl` and `warc`, which are read record by record so
//! that a file of any size is never held in memory. Gzip (including WARC's
//! per-record gzip) is undone transparently.
//!
//! Architecture invariant: a reader never aborts the run. A bad file or record
//! is an `Err(ReadError)` item in the stream, naming the input and the reason,
//! and reading goes on with the next one.

mod decode;
mod jsonl;
mod warc;

use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Cursor, Read};
use std::path::{Path, PathBuf};

use encoding_rs::Encoding;

use crate::doc::{Body, Diagnostic, Metadata, RawDocument, Severity};
pub use decode::{decode_html, decode_text, looks_like_html};
use decode::normalize_newlines as normalize;

/// The largest file read whole as one article. Anything larger is almost
/// certainly a container read under the wrong format.
const MAX_ARTICLE_BYTES: u64 = 64 << 20;
/// How many leading bytes are peeked at to detect a format.
const SNIFF_BYTES: usize = 4096;

/// An input format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Html,
    Jsonl,
    Warc,
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Format, String> {
        match s.to_ascii_lowercase().as_str() {
            "text" | "txt" => Ok(Format::Text),
            "html" | "htm" => Ok(Format::Html),
            "jsonl" | "ndjson" | "json" => Ok(Format::Jsonl),
            "warc" => Ok(Format::Warc),
            _ => Err(format!("unknown input format {s:?} (expected text, html, jsonl or warc)")),
        }
    }
}

/// How to read inputs.
#[derive(Clone, Copy, Debug, Default)]
pub struct ReadOptions {
    /// Forces a format instead of detecting it.
    pub format: Option<Format>,
    /// Charset for plain text that is not UTF-8 and has no byte-order mark.
    pub encoding: Option<&'static Encoding>,
}

/// Where documents come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    Stdin,
    Path(PathBuf),
}

impl Input {
    fn name(&self) -> String {
        match self {
            Input::Stdin => "<stdin>".to_string(),
            Input::Path(p) => p.display().to_string(),
        }
    }
}

/// A document or file that could not be read, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadError {
    /// The file, or the file and record (`news.jsonl:17`).
    pub origin: String,
    pub reason: String,
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.origin, self.reason)
    }
}

impl std::error::Error for ReadError {}

impl ReadError {
    pub(crate) fn new(origin: impl Into<String>, reason: impl Into<String>) -> ReadError {
        ReadError { origin: origin.into(), reason: reason.into() }
    }
}

/// Describes an I/O error in words a user can act on.
pub(crate) fn describe_io(err: &io::Error, gzip: bool) -> String {
    match err.kind() {
        io::ErrorKind::UnexpectedEof if gzip => "truncated gzip data (the file ends mid-stream)".to_string(),
        io::ErrorKind::UnexpectedEof => "truncated (the file ends mid-record)".to_string(),
        io::ErrorKind::InvalidInput | io::ErrorKind::InvalidData if gzip => format!("corrupt gzip data ({err})"),
        io::ErrorKind::NotFound => "no such file".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => err.to_string(),
    }
}

/// Expands the command line's inputs: no input or `-` is standard input;
/// directories are walked recursively in name order, skipping hidden entries.
pub fn expand_inputs(args: &[PathBuf]) -> Vec<Result<Input, ReadError>> {
    if args.is_empty() {
        return vec![Ok(Input::Stdin)];
    }
    let mut out = Vec::new();
    let mut visited = std::collections::HashSet::new();
    for arg in args {
        if arg.as_os_str() == "-" {
            out.push(Ok(Input::Stdin));
        } else {
            walk(arg, &mut out, &mut visited);
        }
    }
    out
}

/// Walks `path`; `visited` holds the canonical directories already walked, so
/// that a symbolic link back up the tree is not followed round in circles.
fn walk(path: &Path, out: &mut Vec<Result<Input, ReadError>>, visited: &mut std::collections::HashSet<PathBuf>) {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => return out.push(Err(ReadError::new(path.display().to_string(), describe_io(&e, false)))),
    };
    if !meta.is_dir() {
        return out.push(Ok(Input::Path(path.to_path_buf())));
    }
    if let Ok(canonical) = std::fs::canonicalize(path)
        && !visited.insert(canonical) {
        return;
    }
    let entries = match std::fs::read_dir(path) {
        Ok(rd) => rd,
        Err(e) => return out.push(Err(ReadError::new(path.display().to_string(), describe_io(&e, false)))),
    };
    let mut children: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')))
        .collect();
    children.sort();
    for child in children {
        walk(&child, out, visited);
    }
}

/// Reads every input in order, yielding documents and errors as they come.
pub struct Reader {
    inputs: std::vec::IntoIter<Result<Input, ReadError>>,
    current: Option<Box<dyn Iterator<Item = Result<RawDocument, ReadError>>>>,
    options: ReadOptions,
}

impl Reader {
    pub fn new(inputs: Vec<Result<Input, ReadError>>, options: ReadOptions) -> Reader {
        Reader { inputs: inputs.into_iter(), current: None, options }
    }
}

impl Iterator for Reader {
    type Item = Result<RawDocument, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(item) = self.current.as_mut().and_then(Iterator::next) {
                return Some(item);
            }
            self.current = None;
            match self.inputs.next()? {
                Err(e) => return Some(Err(e)),
                Ok(input) => match open(&input, &self.options) {
                    Ok(records) => self.current = Some(records),
                    Err(e) => return Some(Err(e)),
                },
            }
        }
    }
}

type Records = Box<dyn Iterator<Item = Result<RawDocument, ReadError>>>;

/// Opens one input and returns the stream of its records.
fn open(input: &Input, options: &ReadOptions) -> Result<Records, ReadError> {
    let name = input.name();
    let raw: Box<dyn Read> = match input {
        Input::Stdin => Box::new(io::stdin()),
        Input::Path(p) => Box::new(File::open(p).map_err(|e| ReadError::new(&name, describe_io(&e, false)))?),
    };
    let mut raw = BufReader::with_capacity(1 << 16, raw);
    let head = raw.fill_buf().map_err(|e| ReadError::new(&name, describe_io(&e, false)))?;
    let gzip = head.starts_with(&[0x1f, 0x8b]);
    let stream: Box<dyn Read> = if gzip { Box::new(flate2::read::MultiGzDecoder::new(raw)) } else { Box::new(raw) };
    let (prefix, stream) = peek(stream, SNIFF_BYTES).map_err(|e| ReadError::new(&name, describe_io(&e, gzip)))?;
    let declared = options.format.or_else(|| format_from_name(input));
    let format = declared.unwrap_or_else(|| sniff(&prefix));
    let reader = BufReader::with_capacity(1 << 16, stream);
    let id = match input {
        Input::Stdin => "stdin".to_string(),
        Input::Path(p) => doc_id_from_path(p),
    };
    match format {
        Format::Jsonl => Ok(Box::new(jsonl::JsonlRecords::new(reader, name, id, gzip))),
        Format::Warc => Ok(Box::new(warc::WarcRecords::new(reader, name, gzip))),
        Format::Text | Format::Html => {
            let doc = read_article(reader, &name, id, format, declared.is_none(), gzip, options.encoding);
            Ok(Box::new(std::iter::once(doc)))
        }
    }
}

/// Reads up to `n` bytes, then hands back those bytes and a reader that
/// yields them again followed by the rest.
///
/// If the stream breaks within those bytes (a small truncated gzip file), the
/// bytes read so far are still handed on and the error comes after them, so
/// that the complete records before the break are not lost.
fn peek(mut stream: Box<dyn Read>, n: usize) -> io::Result<(Vec<u8>, Box<dyn Read>)> {
    let mut prefix = Vec::with_capacity(n);
    let rest: Box<dyn Read> = match (&mut stream).take(n as u64).read_to_end(&mut prefix) {
        Ok(_) => stream,
        Err(e) if !prefix.is_empty() => Box::new(FailAfter(Some(e))),
        Err(e) => return Err(e),
    };
    let replay = Cursor::new(prefix.clone());
    Ok((prefix, Box::new(replay.chain(rest))))
}

/// A reader that fails once with a stored error, then reads as empty.
struct FailAfter(Option<io::Error>);

impl Read for FailAfter {
    fn read(&mut self, _buf: &mut [u8]) -> io::Result<usize> {
        match self.0.take() {
            Some(e) => Err(e),
            None => Ok(0),
        }
    }
}

fn read_article(
    reader: impl Read,
    name: &str,
    id: String,
    format: Format,
    sniffed: bool,
    gzip: bool,
    encoding: Option<&'static Encoding>,
) -> Result<RawDocument, ReadError> {
    let mut bytes = Vec::new();
    reader
        .take(MAX_ARTICLE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| ReadError::new(name, describe_io(&e, gzip)))?;
    if bytes.len() as u64 > MAX_ARTICLE_BYTES {
        return Err(ReadError::new(
            name,
            format!(
                "larger than {} MiB, too large for one article; for many articles use --input-format jsonl or warc",
                MAX_ARTICLE_BYTES >> 20
            ),
        ));
    }
    let mut note = None;
    let body = match format {
        Format::Html => {
            let (html, charset_note) = decode_html(&bytes, None).map_err(|r| ReadError::new(name, r))?;
            note = charset_note;
            Body::Html(html)
        }
        _ => {
            let text = decode_text(&bytes, encoding).map_err(|r| ReadError::new(name, r))?;
            // Content sniffing saw raw bytes; a UTF-16 page only shows its tags once decoded.
            if sniffed && looks_like_html(text.as_bytes()) { Body::Html(text) } else { Body::Text(text) }
        }
    };
    Ok(RawDocument { id, origin: name.to_string(), metadata: Metadata::default(), body, diagnostics: read_notes(note) })
}

/// The format a file name declares, looking through a `.gz` suffix.
fn format_from_name(input: &Input) -> Option<Format> {
    let Input::Path(path) = input else { return None };
    let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    let ext = name.rsplit_once('.')?.1;
    match ext {
        "txt" | "text" | "md" => Some(Format::Text),
        "html" | "htm" | "xhtml" | "shtml" => Some(Format::Html),
        "jsonl" | "ndjson" => Some(Format::Jsonl),
        "warc" => Some(Format::Warc),
        _ => None,
    }
}

/// The format the first bytes suggest.
fn sniff(prefix: &[u8]) -> Format {
    let start = prefix.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(prefix.len());
    let head = &prefix[start..];
    if head.starts_with(b"WARC/") {
        Format::Warc
    } else if head.starts_with(b"{") {
        Format::Jsonl
    } else if looks_like_html(head) {
        Format::Html
    } else {
        Format::Text
    }
}

/// The file stem: `news/abbas-moscow.txt` → `abbas-moscow`, `page.html.gz` → `page`.
fn doc_id_from_path(path: &Path) -> String {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && ext.len() <= 6 => stem.to_string(),
        _ => name.to_string(),
    }
}

/// Turns a reader's note into a diagnostic.
fn read_notes(note: Option<String>) -> Vec<Diagnostic> {
    note.map(|message| Diagnostic { severity: Severity::Warning, stage: "read", message }).into_iter().collect()
}

/// Parses a publication date in the forms metadata uses: `2024-02-28`,
/// `2024-02-28T09:15:00Z`, `2024-02-28T09:15:00+03:00`, `2024/02/28`, `20240228`.
/// The calendar date as written is kept (no time-zone conversion): it is the
/// date the publisher meant.
pub fn parse_date(s: &str) -> Option<jiff::civil::Date> {
    let s = s.trim();
    let digits: Vec<&str> = s
        .get(..10.min(s.len()))?
        .split(['-', '/', '.'])
        .collect();
    let (y, m, d) = match digits.as_slice() {
        [y, m, d] if y.len() == 4 => (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?),
        [compact] if compact.len() >= 8 && compact.bytes().take(8).all(|b| b.is_ascii_digit()) => {
            (compact[..4].parse().ok()?, compact[4..6].parse().ok()?, compact[6..8].parse().ok()?)
        }
        _ => return None,
    };
    jiff::civil::Date::new(y, m, d).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doc_ids_are_file_stems() {
        assert_eq!(doc_id_from_path(Path::new("a/abbas-moscow.txt")), "abbas-moscow");
        assert_eq!(doc_id_from_path(Path::new("page.html.gz")), "page");
        assert_eq!(doc_id_from_path(Path::new("README")), "README");
    }

    #[test]
    fn formats_come_from_names_then_content() {
        let p = |s: &str| Input::Path(PathBuf::from(s));
        assert_eq!(format_from_name(&p("x.HTML")), Some(Format::Html));
        assert_eq!(format_from_name(&p("crawl.warc.gz")), Some(Format::Warc));
        assert_eq!(format_from_name(&p("news.jsonl")), Some(Format::Jsonl));
        assert_eq!(format_from_name(&p("story")), None);
        assert_eq!(sniff(b"WARC/1.0\r\n"), Format::Warc);
        assert_eq!(sniff(b"\n{\"id\": 1}"), Format::Jsonl);
        assert_eq!(sniff(b"<!doctype html>"), Format::Html);
        assert_eq!(sniff(b"Talks in Doha"), Format::Text);
    }

    #[test]
    fn dates_in_metadata_forms_parse() {
        let d = jiff::civil::date(2024, 2, 28);
        for s in ["2024-02-28", "2024-02-28T23:15:00Z", "2024-02-28T09:15:00+03:00", "2024/02/28", "20240228"] {
            assert_eq!(parse_date(s), Some(d), "{s}");
        }
        assert_eq!(parse_date("2024-02-30"), None);
        assert_eq!(parse_date("yesterday"), None);
    }
}
