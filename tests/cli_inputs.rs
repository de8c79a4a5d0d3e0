//! End-to-end tests of `dyad code` on every kind of input a user may hand it:
//! the four readers (text, HTML, JSON Lines, WARC), gzip, standard input,
//! directories, forced formats, character encodings, broken and hostile input,
//! cleaning, and the `published` date.
//!
//! Every test runs the real binary and checks what a user would look at: the
//! JSON lines on standard output, the `dyad: <input>: <reason>` lines on
//! standard error and the exit status. All article text here is invented.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use flate2::Compression;
use flate2::write::GzEncoder;
use serde_json::Value;
use tempfile::TempDir;

// ---------------------------------------------------------------------------
// Running the binary
// ---------------------------------------------------------------------------

/// What one `dyad code …` run produced.
#[derive(Debug)]
struct Run {
    status: i32,
    stdout: String,
    stderr: String,
    docs: Vec<Value>,
}

impl Run {
    fn ids(&self) -> Vec<String> {
        self.docs.iter().map(|d| d["doc_id"].as_str().expect("doc_id is a string").to_string()).collect()
    }

    /// The one document with this `doc_id`.
    fn doc(&self, id: &str) -> &Value {
        let found: Vec<&Value> = self.docs.iter().filter(|d| d["doc_id"] == id).collect();
        assert_eq!(found.len(), 1, "expected exactly one document {id:?}; got ids {:?}\n{self:#?}", self.ids());
        found[0]
    }

    /// The `dyad: …` lines on standard error.
    fn error_lines(&self) -> Vec<&str> {
        self.stderr.lines().filter(|l| l.starts_with("dyad: ")).collect()
    }

    /// The one stderr line that names `input`; it must also give `reason`.
    fn assert_error(&self, input: &str, reason: &str) {
        let lines: Vec<&str> = self.error_lines().into_iter().filter(|l| l.contains(input)).collect();
        assert_eq!(lines.len(), 1, "expected one stderr line naming {input:?}\n{self:#?}");
        let line = lines[0];
        assert!(
            line.starts_with(&format!("dyad: {input}")),
            "stderr line should start with `dyad: {input}`: {line:?}"
        );
        assert!(line.to_lowercase().contains(&reason.to_lowercase()), "stderr line should say {reason:?}: {line:?}");
    }

    fn assert_status(&self, status: i32) {
        assert_eq!(self.status, status, "exit status\n{self:#?}");
    }
}

/// Runs `dyad code ARGS`, feeding `stdin` when given.
fn dyad(args: &[&str], stdin: Option<&[u8]>) -> Run {
    dyad_os(&args.iter().map(|a| a.to_string()).collect::<Vec<_>>(), stdin)
}

fn dyad_os(args: &[String], stdin: Option<&[u8]>) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .arg("code")
        .args(args)
        .stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("dyad runs");
    let writer = stdin.map(|bytes| {
        let mut pipe = child.stdin.take().unwrap();
        let bytes = bytes.to_vec();
        std::thread::spawn(move || {
            let _ = pipe.write_all(&bytes);
        })
    });
    let out = child.wait_with_output().expect("dyad finishes");
    if let Some(w) = writer {
        w.join().unwrap();
    }
    let stdout = String::from_utf8(out.stdout).expect("stdout is UTF-8");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let status = out.status.code().unwrap_or(-1);
    assert!(!stderr.contains("panicked"), "dyad panicked (status {status}):\n{stderr}");
    let docs = stdout
        .lines()
        .map(|line| {
            let doc: Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("stdout line is not JSON ({e}): {line}"));
            check_document_shape(&doc);
            doc
        })
        .collect();
    Run { status, stdout, stderr, docs }
}

/// Every output object has the fields of SPEC §2 with the right JSON types.
fn check_document_shape(doc: &Value) {
    let obj = doc.as_object().unwrap_or_else(|| panic!("not an object: {doc}"));
    for key in ["doc_id", "url", "title", "authors", "published", "language", "text", "removed", "actors", "quotes", "events"] {
        assert!(obj.contains_key(key), "missing field {key:?} in {doc}");
    }
    assert!(doc["doc_id"].is_string(), "{doc}");
    assert!(doc["text"].as_str().is_some_and(|t| !t.trim().is_empty()), "empty text in {doc}");
    for key in ["url", "title", "published", "language"] {
        assert!(doc[key].is_null() || doc[key].is_string(), "{key} in {doc}");
    }
    for key in ["authors", "removed"] {
        assert!(doc[key].as_array().is_some_and(|a| a.iter().all(Value::is_string)), "{key} in {doc}");
    }
    for key in ["actors", "quotes", "events"] {
        assert!(doc[key].is_array(), "{key} in {doc}");
    }
    if let Some(date) = doc["published"].as_str() {
        let b = date.as_bytes();
        assert!(
            b.len() == 10 && b[4] == b'-' && b[7] == b'-' && date.replace('-', "").bytes().all(|c| c.is_ascii_digit()),
            "published is not YYYY-MM-DD: {date}"
        );
    }
}

fn text(doc: &Value) -> &str {
    doc["text"].as_str().unwrap()
}

fn strings(v: &Value) -> Vec<&str> {
    v.as_array().unwrap().iter().map(|s| s.as_str().unwrap()).collect()
}

// ---------------------------------------------------------------------------
// Building inputs
// ---------------------------------------------------------------------------

fn tmp() -> TempDir {
    tempfile::Builder::new().prefix("dyad-cli-").tempdir().unwrap()
}

/// Writes `bytes` to `dir/name` (creating parent folders) and returns the path as a string.
fn put(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> String {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, bytes).unwrap();
    path_str(&path)
}

fn path_str(p: &Path) -> String {
    p.to_str().unwrap().to_string()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = GzEncoder::new(Vec::new(), Compression::default());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

const SUDAN_TEXT: &str = "Envoys from Egypt and Ethiopia met in Khartoum on Monday.\n\nThey discussed water sharing on the Nile and agreed to meet again in March.";
const CHILE_TEXT: &str = "Chile recalled its ambassador from Caracas on Friday.\n\nThe foreign ministry in Santiago said the move was a protest over the expulsion of two diplomats.";

/// A news page with enough prose for the extractor, plus navigation and footer chrome.
fn article_page(title: &str, head_extra: &str, paragraphs: &[&str]) -> String {
    let body: String = paragraphs.iter().map(|p| format!("<p>{p}</p>\n")).collect();
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n{head_extra}\n</head>\n<body>\n\
         <nav class=\"site-nav\"><ul><li><a href=\"/\">Front page</a></li><li><a href=\"/world\">World desk menu</a></li>\
         <li><a href=\"/sport\">Sport results centre</a></li></ul></nav>\n\
         <article>\n<h1>{title}</h1>\n{body}</article>\n\
         <footer class=\"site-footer\"><p>Harbour Gazette newsroom, 12 Quay Street, Porto</p>\
         <p><a href=\"/about\">About the Harbour Gazette team</a></p></footer>\n</body></html>\n"
    )
}

const LISBON_PARAS: [&str; 4] = [
    "Fisheries ministers from Portugal and Morocco met in Lisbon on Tuesday to settle a long dispute over fishing rights off the Atlantic coast.",
    "The Portuguese minister said the talks had been frank and useful, and that both delegations wanted a deal before the summer season begins.",
    "Moroccan officials asked for a larger share of the sardine quota and for new rules on inspections of foreign vessels in their waters.",
    "A joint statement is expected later this week, according to diplomats from both countries who spoke on condition of anonymity.",
];

const HANOI_PARAS: [&str; 3] = [
    "Vietnam and the Philippines signed a coast guard cooperation pact in Hanoi on Thursday after two days of talks between their defence chiefs.",
    "The agreement sets up a hotline between the two services and commits them to joint search and rescue drills in the South China Sea.",
    "Officials in Manila described the pact as a practical step that would reduce the risk of accidents between fishing fleets at sea.",
];

const NAIROBI_PARAS: [&str; 3] = [
    "Kenyan mediators opened a new round of talks in Nairobi on Wednesday between the government of South Sudan and two opposition groups.",
    "The opposition delegations arrived late after a dispute over the seating plan, but both said they were ready to negotiate in good faith.",
    "Regional diplomats said a ceasefire monitoring mechanism would be the first item on the agenda when the sessions resume next week.",
];

/// An HTTP/1.1 200 response carrying `html`.
fn http_200(html: &str) -> Vec<u8> {
    let mut out = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nServer: test\r\n\r\n",
        html.len()
    )
    .into_bytes();
    out.extend_from_slice(html.as_bytes());
    out
}

/// One WARC/1.0 record with a correct Content-Length.
fn warc_record(warc_type: &str, id: &str, target: Option<&str>, content_type: &str, block: &[u8]) -> Vec<u8> {
    let target = target.map(|t| format!("WARC-Target-URI: {t}\r\n")).unwrap_or_default();
    let mut out = format!(
        "WARC/1.0\r\nWARC-Type: {warc_type}\r\nWARC-Record-ID: <{id}>\r\nWARC-Date: 2024-03-05T10:15:00Z\r\n{target}\
         Content-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

const WARCINFO_ID: &str = "urn:uuid:0b7c1d9e-6a51-4f0e-9d1a-1f2e3d4c5b6a";
const REQUEST_ID: &str = "urn:uuid:5d2a8c41-0e37-4b6f-a3c9-7e1f00aa4412";
const HANOI_ID: &str = "urn:uuid:9f1e6b3a-2c4d-4e8f-9a0b-1c2d3e4f5a6b";
const NAIROBI_ID: &str = "urn:uuid:c3d4e5f6-a7b8-4c9d-8e0f-112233445566";
const HANOI_URL: &str = "https://news.example.org/asia/vietnam-philippines-pact";
const NAIROBI_URL: &str = "https://news.example.org/africa/nairobi-talks";

/// The records of a small crawl: warcinfo, a request, and two HTML responses.
fn crawl_records() -> Vec<Vec<u8>> {
    let hanoi = article_page("Vietnam and Philippines sign coast guard pact", "", &HANOI_PARAS);
    let nairobi = article_page("South Sudan talks open in Nairobi", "", &NAIROBI_PARAS);
    vec![
        warc_record(
            "warcinfo",
            WARCINFO_ID,
            None,
            "application/warc-fields",
            b"software: hand-built test crawl\r\nformat: WARC File Format 1.0\r\n",
        ),
        warc_record(
            "request",
            REQUEST_ID,
            Some(HANOI_URL),
            "application/http; msgtype=request",
            b"GET /asia/vietnam-philippines-pact HTTP/1.1\r\nHost: news.example.org\r\nUser-Agent: test\r\n\r\n",
        ),
        warc_record("response", HANOI_ID, Some(HANOI_URL), "application/http; msgtype=response", &http_200(&hanoi)),
        warc_record("response", NAIROBI_ID, Some(NAIROBI_URL), "application/http; msgtype=response", &http_200(&nairobi)),
    ]
}

/// Checks the two articles of [`crawl_records`] came out, in order, and nothing else.
fn assert_crawl_docs(run: &Run) {
    assert_eq!(run.ids(), [HANOI_ID, NAIROBI_ID], "{run:#?}");
    let hanoi = &run.docs[0];
    assert_eq!(hanoi["url"], HANOI_URL);
    assert!(text(hanoi).contains(HANOI_PARAS[0]), "{hanoi}");
    assert!(text(hanoi).contains(HANOI_PARAS[2]), "{hanoi}");
    assert!(!text(hanoi).contains("World desk menu"), "navigation leaked: {hanoi}");
    let nairobi = &run.docs[1];
    assert_eq!(nairobi["url"], NAIROBI_URL);
    assert!(text(nairobi).contains(NAIROBI_PARAS[1]), "{nairobi}");
    for doc in &run.docs {
        assert!(!text(doc).contains("hand-built test crawl"), "warcinfo leaked: {doc}");
        assert!(!text(doc).contains("User-Agent"), "request leaked: {doc}");
        assert!(!text(doc).contains("HTTP/1.1"), "HTTP header leaked: {doc}");
    }
}

/// A deterministic pseudo-random byte source (a 64-bit LCG).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u8 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) as u8
    }

    fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| self.next()).collect()
    }

    /// Printable ASCII with some newlines and markup characters, so the
    /// blob passes binary detection and reaches the parsers.
    fn texty(&mut self, n: usize) -> Vec<u8> {
        const ALPHABET: &[u8] = b"abcdefghij KLMNOP <>/=\"'{}[]:,.\n\r\t-0123456789WARC";
        (0..n).map(|_| ALPHABET[self.next() as usize % ALPHABET.len()]).collect()
    }
}

/// Windows-1252 bytes for a string of ASCII plus the few non-ASCII characters used here.
fn windows_1252(s: &str) -> Vec<u8> {
    s.chars()
        .map(|c| match c {
            '\u{2018}' => 0x91,
            '\u{2019}' => 0x92,
            '\u{201c}' => 0x93,
            '\u{201d}' => 0x94,
            '\u{2013}' => 0x96,
            'é' => 0xe9,
            'ã' => 0xe3,
            c if c.is_ascii() => c as u8,
            c => panic!("no windows-1252 byte for {c:?} in this helper"),
        })
        .collect()
}

// ---------------------------------------------------------------------------
// 1. Readers
// ---------------------------------------------------------------------------

#[test]
fn plain_text_file_becomes_one_document_named_after_its_stem() {
    let dir = tmp();
    let story = "Border talks resume in Doha\n\nQatar hosted envoys from Afghanistan and Pakistan on Sunday.\nBoth sides agreed to reopen two crossings.\n";
    let path = put(dir.path(), "doha-talks.txt", story);
    let run = dyad(&[&path], None);
    run.assert_status(0);
    assert_eq!(run.ids(), ["doha-talks"]);
    let doc = &run.docs[0];
    assert_eq!(
        text(doc),
        "Border talks resume in Doha\n\nQatar hosted envoys from Afghanistan and Pakistan on Sunday.\nBoth sides agreed to reopen two crossings."
    );
    assert_eq!(doc["url"], Value::Null);
    assert_eq!(doc["title"], "Border talks resume in Doha");
    assert_eq!(doc["published"], Value::Null);
    assert!(strings(&doc["removed"]).is_empty(), "{doc}");
    assert!(run.error_lines().is_empty(), "{run:#?}");
}

#[test]
fn html_page_gives_article_text_and_page_metadata_without_chrome() {
    let dir = tmp();
    let head = "<meta name=\"author\" content=\"Ines Moreira\">\n\
                <meta property=\"article:published_time\" content=\"2023-05-17T08:30:00Z\">";
    let page = article_page("Ministers meet in Lisbon over fishing rights", head, &LISBON_PARAS);
    let path = put(dir.path(), "lisbon-fisheries.html", &page);
    let run = dyad(&[&path], None);
    run.assert_status(0);
    assert_eq!(run.ids(), ["lisbon-fisheries"]);
    let doc = &run.docs[0];
    assert_eq!(doc["title"], "Ministers meet in Lisbon over fishing rights");
    assert_eq!(strings(&doc["authors"]), ["Ines Moreira"]);
    assert_eq!(doc["published"], "2023-05-17");
    let t = text(doc);
    for para in LISBON_PARAS {
        assert!(t.contains(para), "paragraph missing: {para:?}\n{t}");
    }
    // Paragraphs stay separate and in page order.
    let at: Vec<usize> = LISBON_PARAS.iter().map(|p| t.find(p).unwrap()).collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{t}");
    assert!(t.contains(&format!("{}\n\n{}", LISBON_PARAS[0], LISBON_PARAS[1])), "{t}");
    for chrome in ["Front page", "World desk menu", "Sport results centre", "Quay Street", "Harbour Gazette", "<p>", "</"] {
        assert!(!t.contains(chrome), "boilerplate {chrome:?} in text:\n{t}");
    }
}

#[test]
fn jsonl_records_give_one_document_each_in_order() {
    let dir = tmp();
    let html = article_page("Vietnam and Philippines sign coast guard pact", "", &HANOI_PARAS);
    let lines = [
        serde_json::json!({"id": "berlin-1", "text": "Germany and Poland held consultations in Berlin on Monday.\nThey discussed rail links across the Oder."}),
        serde_json::json!({"id": "hanoi-2", "html": html}),
        serde_json::json!({"id": "quito-3", "text": "Ecuador and Peru agreed to demine a stretch of their border.", "published": "2024-06-03", "url": "https://news.example.net/quito-peru", "title": "Ecuador and Peru agree border demining"}),
        serde_json::json!({"id": 42, "text": "Mongolia hosted a trade forum with Kazakhstan in Ulaanbaatar."}),
    ];
    let body: String = lines.iter().map(|l| format!("{l}\n")).collect();
    let path = put(dir.path(), "feed.jsonl", body);
    let run = dyad(&[&path], None);
    run.assert_status(0);
    assert_eq!(run.ids(), ["berlin-1", "hanoi-2", "quito-3", "42"]);

    let berlin = &run.docs[0];
    assert_eq!(
        text(berlin),
        "Germany and Poland held consultations in Berlin on Monday.\nThey discussed rail links across the Oder."
    );
    assert_eq!(berlin["published"], Value::Null);

    let hanoi = &run.docs[1];
    for para in HANOI_PARAS {
        assert!(text(hanoi).contains(para), "{hanoi}");
    }
    assert!(!text(hanoi).contains("<p>") && !text(hanoi).contains("World desk menu"), "{hanoi}");
    assert_eq!(hanoi["title"], "Vietnam and Philippines sign coast guard pact");

    let quito = &run.docs[2];
    assert_eq!(quito["published"], "2024-06-03");
    assert_eq!(quito["url"], "https://news.example.net/quito-peru");
    assert_eq!(quito["title"], "Ecuador and Peru agree border demining");
    assert_eq!(text(quito), "Ecuador and Peru agreed to demine a stretch of their border.");

    assert_eq!(text(&run.docs[3]), "Mongolia hosted a trade forum with Kazakhstan in Ulaanbaatar.");
}

#[test]
fn warc_response_records_become_documents_and_other_records_are_skipped() {
    let dir = tmp();
    let path = put(dir.path(), "crawl.warc", crawl_records().concat());
    let run = dyad(&[&path], None);
    run.assert_status(0);
    assert_crawl_docs(&run);
    assert!(run.error_lines().is_empty(), "{run:#?}");
}

#[test]
fn whole_file_gzip_warc_is_read() {
    let dir = tmp();
    let path = put(dir.path(), "crawl.warc.gz", gzip(&crawl_records().concat()));
    let run = dyad(&[&path], None);
    run.assert_status(0);
    assert_crawl_docs(&run);
}

#[test]
fn per_record_gzip_warc_is_read() {
    let dir = tmp();
    let members: Vec<u8> = crawl_records().iter().flat_map(|r| gzip(r)).collect();
    let path = put(dir.path(), "crawl.warc.gz", members);
    let run = dyad(&[&path], None);
    run.assert_status(0);
    assert_crawl_docs(&run);
}

#[test]
fn gzipped_text_file_is_read_and_named_without_suffixes() {
    let dir = tmp();
    let path = put(dir.path(), "nile-envoys.txt.gz", gzip(SUDAN_TEXT.as_bytes()));
    let run = dyad(&[&path], None);
    run.assert_status(0);
    assert_eq!(run.ids(), ["nile-envoys"]);
    assert_eq!(text(&run.docs[0]), SUDAN_TEXT);
}

#[test]
fn standard_input_is_read_with_no_arguments() {
    let run = dyad(&[], Some(CHILE_TEXT.as_bytes()));
    run.assert_status(0);
    assert_eq!(run.ids(), ["stdin"]);
    assert_eq!(text(&run.docs[0]), CHILE_TEXT);
}

#[test]
fn dash_reads_standard_input_in_its_place_among_files() {
    let dir = tmp();
    let first = put(dir.path(), "first.txt", SUDAN_TEXT);
    let last = put(dir.path(), "last.txt", "Norway offered to host talks between Colombia and a rebel group in Oslo.");
    let run = dyad(&[&first, "-", &last], Some(CHILE_TEXT.as_bytes()));
    run.assert_status(0);
    assert_eq!(run.ids(), ["first", "stdin", "last"]);
    assert_eq!(text(&run.docs[1]), CHILE_TEXT);
}

#[test]
fn directories_are_read_recursively_in_sorted_order_skipping_hidden_files() {
    let dir = tmp();
    let root = dir.path().join("news");
    put(&root, "b-kyiv.txt", "Ukraine and Moldova agreed to open a new border crossing.");
    put(&root, "a-athens.txt", "Greece and Turkey resumed confidence-building talks in Athens.");
    put(&root, "m-asia/c-dhaka.txt", "Bangladesh and India discussed river sharing in Dhaka.");
    put(&root, "m-asia/deeper/d-kathmandu.txt", "Nepal hosted a regional meeting on disaster relief in Kathmandu.");
    put(&root, "z-lima.txt", "Peru recalled its envoy from Mexico City for consultations.");
    put(&root, ".draft.txt", "This hidden draft must never be read.");
    put(&root, ".cache/e-hidden.txt", "Nor must anything in a hidden folder.");
    let run = dyad(&[&path_str(&root)], None);
    run.assert_status(0);
    assert_eq!(run.ids(), ["a-athens", "b-kyiv", "c-dhaka", "d-kathmandu", "z-lima"]);
    assert!(!run.stdout.contains("hidden"), "{}", run.stdout);
}

#[test]
fn input_format_html_forces_a_txt_file_through_html_extraction() {
    let dir = tmp();
    let page = article_page("Ministers meet in Lisbon over fishing rights", "", &LISBON_PARAS);
    let path = put(dir.path(), "saved-page.txt", &page);
    let run = dyad(&["--input-format", "html", &path], None);
    run.assert_status(0);
    assert_eq!(run.ids(), ["saved-page"]);
    let t = text(&run.docs[0]);
    assert!(t.contains(LISBON_PARAS[2]), "{t}");
    assert!(!t.contains('<') && !t.contains("World desk menu"), "markup or chrome kept:\n{t}");
    assert_eq!(run.docs[0]["title"], "Ministers meet in Lisbon over fishing rights");
}

#[test]
fn input_format_jsonl_forces_a_file_without_extension() {
    let dir = tmp();
    let body = "{\"id\": \"seoul-1\", \"text\": \"South Korea and Japan held a security dialogue in Seoul.\"}\n\
                {\"id\": \"taipei-2\", \"text\": \"Officials in Taipei welcomed the talks.\"}\n";
    let path = put(dir.path(), "EXPORT", body);
    let run = dyad(&["--input-format", "jsonl", &path], None);
    run.assert_status(0);
    assert_eq!(run.ids(), ["seoul-1", "taipei-2"]);
    assert_eq!(text(&run.docs[0]), "South Korea and Japan held a security dialogue in Seoul.");

    // Forced the other way, the same file is one plain-text article.
    let as_text = dyad(&["--input-format", "text", &path], None);
    as_text.assert_status(0);
    assert_eq!(as_text.ids(), ["EXPORT"]);
    assert!(text(&as_text.docs[0]).contains("\"id\": \"seoul-1\""), "{as_text:#?}");
}

#[test]
fn warc_and_jsonl_without_extension_are_detected_from_content() {
    let dir = tmp();
    let warc = put(dir.path(), "crawl-0001", crawl_records().concat());
    let warc_gz = put(dir.path(), "crawl-0002", gzip(&crawl_records().concat()));
    let jsonl = put(
        dir.path(),
        "feed-export",
        "\n{\"id\": \"riga-1\", \"text\": \"Latvia and Lithuania signed an energy accord in Riga.\"}\n",
    );
    let run = dyad(&[&warc], None);
    run.assert_status(0);
    assert_crawl_docs(&run);
    let run = dyad(&[&warc_gz], None);
    run.assert_status(0);
    assert_crawl_docs(&run);
    let run = dyad(&[&jsonl], None);
    run.assert_status(0);
    assert_eq!(run.ids(), ["riga-1"]);
    assert_eq!(text(&run.docs[0]), "Latvia and Lithuania signed an energy accord in Riga.");
}

// ---------------------------------------------------------------------------
// 2. Encodings
// ---------------------------------------------------------------------------

#[test]
fn utf16le_text_with_byte_order_mark_is_decoded() {
    let dir = tmp();
    let story = "Séoul et Pyongyang ont rouvert une ligne téléphonique.\r\nLes deux Corées n’avaient pas parlé depuis un an.";
    let mut bytes = vec![0xff, 0xfe];
    for unit in story.encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    let path = put(dir.path(), "coree.txt", bytes);
    let run = dyad(&[&path], None);
    run.assert_status(0);
    assert_eq!(run.ids(), ["coree"]);
    assert_eq!(
        text(&run.docs[0]),
        "Séoul et Pyongyang ont rouvert une ligne téléphonique.\nLes deux Corées n’avaient pas parlé depuis un an."
    );
}

#[test]
fn windows_1252_html_with_meta_charset_is_decoded() {
    let dir = tmp();
    let paras = [
        "Togo\u{2019}s foreign minister received the Ghanaian delegation in Lomé on Saturday for talks on cross-border trade and security.",
        "\u{201c}We will not let smugglers set the agenda for our two nations,\u{201d} the minister told reporters after the meeting in Lomé.",
        "The delegations agreed to hold joint patrols along the border and to meet again in Accra before the end of the rainy season.",
    ];
    let page = article_page("Togo and Ghana agree joint border patrols", "", &paras)
        .replace("<meta charset=\"utf-8\">", "<meta charset=\"windows-1252\">");
    let bytes = windows_1252(&page);
    assert!(std::str::from_utf8(&bytes).is_err(), "the test page must not be valid UTF-8");
    let path = put(dir.path(), "lome-talks.html", bytes);
    let run = dyad(&[&path], None);
    run.assert_status(0);
    let t = text(&run.docs[0]);
    for para in paras {
        assert!(t.contains(para), "paragraph missing or mis-decoded: {para:?}\n{t}");
    }
    assert!(!t.contains('\u{fffd}'), "replacement characters in:\n{t}");
}

#[test]
fn invalid_utf8_text_is_refused_with_a_hint_and_decodes_with_encoding() {
    let dir = tmp();
    // windows-1252: 0xe1 'á', 0xfa 'ú', 0x93/0x94 curly double quotes.
    let bytes = b"Talks in Bogot\xe1 ended on Tuesday.\nThe envoy from Per\xfa said \x93progress\x94 was made.".to_vec();
    let bad = put(dir.path(), "bogota.txt", &bytes);
    let good = put(dir.path(), "chile.txt", CHILE_TEXT);

    let run = dyad(&[&bad, &good], None);
    run.assert_status(1);
    assert_eq!(run.ids(), ["chile"]);
    run.assert_error(&bad, "UTF-8");
    run.assert_error(&bad, "--encoding");

    let run = dyad(&["--encoding", "windows-1252", &bad, &good], None);
    run.assert_status(0);
    assert_eq!(run.ids(), ["bogota", "chile"]);
    assert_eq!(
        text(&run.docs[0]),
        "Talks in Bogotá ended on Tuesday.\nThe envoy from Perú said \u{201c}progress\u{201d} was made."
    );
}

// ---------------------------------------------------------------------------
// 3. Bad input: reported, skipped, the rest still coded
// ---------------------------------------------------------------------------

/// Runs `good-a.txt BAD good-z.txt` and checks both good documents come out,
/// in order, with exit status 1 and one error line naming the bad input.
fn bad_between_good(dir: &Path, bad: &str, reason: &str) -> Run {
    let a = put(dir, "good-a.txt", SUDAN_TEXT);
    let z = put(dir, "good-z.txt", CHILE_TEXT);
    let run = dyad(&[&a, bad, &z], None);
    run.assert_status(1);
    assert_eq!(run.ids(), ["good-a", "good-z"], "{run:#?}");
    assert_eq!(text(&run.docs[0]), SUDAN_TEXT);
    assert_eq!(text(&run.docs[1]), CHILE_TEXT);
    run.assert_error(bad, reason);
    assert_eq!(run.error_lines().len(), 1, "{run:#?}");
    run
}

#[test]
fn binary_file_is_reported_and_skipped() {
    let dir = tmp();
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0".to_vec();
    png.extend(Lcg(7).bytes(300));
    let bad = put(dir.path(), "chart.png", png);
    bad_between_good(dir.path(), &bad, "binary");
}

#[test]
fn empty_file_is_reported_and_skipped() {
    let dir = tmp();
    let bad = put(dir.path(), "blank.txt", "");
    bad_between_good(dir.path(), &bad, "empty");
}

#[test]
fn whitespace_only_file_is_reported_and_skipped() {
    let dir = tmp();
    let bad = put(dir.path(), "spaces.txt", " \n\n\t  \r\n   \n");
    bad_between_good(dir.path(), &bad, "empty");
}

#[test]
fn truncated_gzip_is_reported_and_skipped() {
    let dir = tmp();
    let long: String = (0..60)
        .map(|i| format!("Paragraph {i}: delegates from Nigeria and Niger met in Abuja to discuss border security and trade routes.\n"))
        .collect();
    let full = gzip(long.as_bytes());
    let bad = put(dir.path(), "abuja.txt.gz", &full[..full.len() / 2]);
    bad_between_good(dir.path(), &bad, "truncated gzip");
}

#[test]
fn truncated_warc_keeps_the_records_before_the_cut() {
    let dir = tmp();
    let records = crawl_records();
    let mut bytes = records[..3].concat(); // warcinfo, request, Hanoi response
    let cut = &records[3]; // the Nairobi response, promised in full but cut short
    bytes.extend_from_slice(&cut[..cut.len() - 700]);
    let bad = put(dir.path(), "partial.warc", bytes);
    let good = put(dir.path(), "good-z.txt", CHILE_TEXT);
    let run = dyad(&[&bad, &good], None);
    run.assert_status(1);
    assert_eq!(run.ids(), [HANOI_ID, "good-z"], "{run:#?}");
    assert_eq!(run.docs[0]["url"], HANOI_URL);
    run.assert_error(&bad, "truncated");
    assert!(run.stderr.contains("Content-Length"), "{run:#?}");
}

#[test]
fn truncated_per_record_gzip_warc_keeps_the_complete_members() {
    let dir = tmp();
    let lisbon = article_page("Ministers meet in Lisbon over fishing rights", "", &LISBON_PARAS);
    let lisbon_id = "urn:uuid:77aa88bb-0000-4111-8222-933344455566";
    let lisbon_url = "https://news.example.org/europe/lisbon-fisheries";
    let mut records = crawl_records();
    for id in [lisbon_id, "urn:uuid:77aa88bb-0000-4111-8222-933344455567"] {
        records.push(warc_record("response", id, Some(lisbon_url), "application/http; msgtype=response", &http_200(&lisbon)));
    }
    let (whole, cut) = records.split_at(records.len() - 1);
    // Enough whole records before the cut that format detection is not what fails
    // (see `small_truncated_gzip_keeps_the_complete_records` for that case).
    assert!(whole.iter().map(Vec::len).sum::<usize>() > 4096);
    let mut bytes: Vec<u8> = whole.iter().flat_map(|r| gzip(r)).collect();
    let last = gzip(&cut[0]);
    bytes.extend_from_slice(&last[..last.len() / 2]);
    let bad = put(dir.path(), "crawl.warc.gz", bytes);
    let good = put(dir.path(), "good-z.txt", CHILE_TEXT);
    let run = dyad(&[&bad, &good], None);
    run.assert_status(1);
    assert_eq!(run.ids(), [HANOI_ID, NAIROBI_ID, lisbon_id, "good-z"], "{run:#?}");
    run.assert_error(&bad, "truncated gzip");
}

#[test]

fn small_truncated_gzip_keeps_the_complete_records() {
    let dir = tmp();
    // JSON Lines: 30 short records, cut two thirds of the way through the gzip stream.
    let lines: String = (0..30)
        .map(|i| format!("{{\"id\": \"n{i}\", \"text\": \"Record {i}: Chad and Niger discussed border security.\"}}\n"))
        .collect();
    let full = gzip(lines.as_bytes());
    let jsonl = put(dir.path(), "feed.jsonl.gz", &full[..full.len() * 2 / 3]);
    // WARC: the Hanoi response as a complete gzip member, then half of the Nairobi member.
    let records = crawl_records();
    let mut warc = gzip(&records[2]);
    let cut = gzip(&records[3]);
    warc.extend_from_slice(&cut[..cut.len() / 2]);
    let warc = put(dir.path(), "crawl.warc.gz", warc);
    let good = put(dir.path(), "good-z.txt", CHILE_TEXT);

    let run = dyad(&[&jsonl, &good], None);
    run.assert_status(1);
    run.assert_error(&jsonl, "truncated gzip");
    let ids = run.ids();
    assert!(ids.len() > 5 && ids[0] == "n0" && ids.last().unwrap() == "good-z", "complete records lost: {run:#?}");

    let run = dyad(&[&warc, &good], None);
    run.assert_status(1);
    run.assert_error(&warc, "truncated gzip");
    assert_eq!(run.ids(), [HANOI_ID, "good-z"], "complete record lost: {run:#?}");
}

#[test]
fn invalid_jsonl_line_is_reported_with_its_line_number_and_neighbours_survive() {
    let dir = tmp();
    let body = "{\"id\": \"ankara-1\", \"text\": \"Turkey and Iraq discussed water flows on the Tigris.\"}\n\
                {\"id\": \"broken\", \"text\": \"The line is missing its closing brace\"\n\
                {\"id\": \"erbil-3\", \"text\": \"A delegation from Erbil travelled to Baghdad for budget talks.\"}\n";
    let bad = put(dir.path(), "feed.jsonl", body);
    let good = put(dir.path(), "good-z.txt", CHILE_TEXT);
    let run = dyad(&[&bad, &good], None);
    run.assert_status(1);
    assert_eq!(run.ids(), ["ankara-1", "erbil-3", "good-z"], "{run:#?}");
    run.assert_error(&format!("{bad}:2"), "invalid JSON");
    assert_eq!(run.error_lines().len(), 1, "{run:#?}");
}

#[test]
fn jsonl_record_without_text_or_html_is_reported() {
    let dir = tmp();
    let body = "{\"id\": \"lagos-1\", \"text\": \"Nigeria and Benin reopened their land border.\"}\n\
                {\"id\": \"no-body\", \"title\": \"Headline without a story\", \"url\": \"https://news.example.net/x\"}\n";
    let bad = put(dir.path(), "feed.jsonl", body);
    let good = put(dir.path(), "good-z.txt", CHILE_TEXT);
    let run = dyad(&[&bad, &good], None);
    run.assert_status(1);
    assert_eq!(run.ids(), ["lagos-1", "good-z"], "{run:#?}");
    run.assert_error(&format!("{bad}:2"), "\"text\"");
    run.assert_error(&format!("{bad}:2"), "\"html\"");
}

#[test]
fn nonexistent_path_is_reported_and_skipped() {
    let dir = tmp();
    let bad = path_str(&dir.path().join("missing").join("nowhere.txt"));
    bad_between_good(dir.path(), &bad, "no such file");
}

#[test]
fn html_page_without_article_text_is_reported_and_skipped() {
    let dir = tmp();
    let page = "<!DOCTYPE html><html><head><title>Loading</title>\
                <script>window.location = '/app';</script></head>\
                <body><nav><a href=\"/\">Home</a></nav><div id=\"root\"></div></body></html>";
    let bad = put(dir.path(), "app-shell.html", page);
    bad_between_good(dir.path(), &bad, "no article");
}

#[test]
fn published_that_is_not_a_date_is_a_usage_error() {
    let dir = tmp();
    let good = put(dir.path(), "chile.txt", CHILE_TEXT);
    for bad in ["notadate", "2024-13-01", "2024-02-30", "24-02-01", "2024/02/01T00:00"] {
        let run = dyad(&["--published", bad, &good], None);
        run.assert_status(2);
        assert!(run.docs.is_empty(), "{run:#?}");
        assert!(run.stderr.contains("--published"), "{run:#?}");
        assert!(run.stderr.contains(bad), "the message should quote the value: {run:#?}");
    }
}

#[test]
fn random_bytes_never_panic() {
    let dir = tmp();
    let mut rng = Lcg(0x5eed_d1ad);
    let mut files = Vec::new();
    for ext in ["txt", "html", "jsonl", "warc", "warc.gz", "bin"] {
        for i in 0..8 {
            let len = [0, 1, 7, 64, 513, 2048, 4097, 9000][i];
            let mut blob = if i % 2 == 0 { rng.bytes(len) } else { rng.texty(len) };
            // Give some blobs a believable start, so the parsers get past the first check.
            match (ext, i % 4) {
                ("warc" | "warc.gz", 1) => blob.splice(0..0, b"WARC/1.0\r\nContent-Length: 40\r\n\r\n".iter().copied()).for_each(drop),
                ("warc" | "warc.gz", 3) => blob.splice(0..0, b"WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: 300\r\n\r\nHTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n".iter().copied()).for_each(drop),
                ("jsonl", 1 | 3) => blob.splice(0..0, b"{\"id\": 1, \"html\": \"<p>".iter().copied()).for_each(drop),
                ("html", 1 | 3) => blob.splice(0..0, b"<!DOCTYPE html><html><body><article><p>".iter().copied()).for_each(drop),
                _ => {}
            }
            if ext == "warc.gz" && i >= 4 {
                blob = gzip(&blob);
            }
            files.push(put(dir.path(), &format!("blob-{i}.{ext}"), blob));
        }
    }
    // Each format on its own, then everything in one run, then all forced to each format.
    for ext in ["txt", "html", "jsonl", "warc", "warc.gz", "bin"] {
        let these: Vec<String> = files.iter().filter(|f| f.ends_with(&format!(".{ext}"))).cloned().collect();
        let run = dyad_os(&these, None);
        assert!(matches!(run.status, 0 | 1), "{ext}: {run:#?}");
    }
    for format in ["text", "html", "jsonl", "warc"] {
        let mut args = vec!["--input-format".to_string(), format.to_string()];
        args.extend(files.iter().cloned());
        let run = dyad_os(&args, None);
        assert!(matches!(run.status, 0 | 1), "--input-format {format}: {run:#?}");
    }
    // Random bytes on standard input too.
    let run = dyad(&[], Some(&Lcg(99).bytes(5000)));
    assert!(matches!(run.status, 0 | 1), "{run:#?}");
}

#[test]

fn jsonl_with_utf8_byte_order_mark_reads_every_record() {
    let dir = tmp();
    let body = "\u{feff}{\"id\": \"lima-1\", \"text\": \"Peru and Bolivia held talks on Lake Titicaca.\"}\n\
                {\"id\": \"lima-2\", \"text\": \"Chile sent an observer.\"}\n";
    let path = put(dir.path(), "export.jsonl", body);
    let run = dyad(&[&path], None);
    assert_eq!(run.ids(), ["lima-1", "lima-2"], "{run:#?}");
    run.assert_status(0);
}

#[test]

fn encoding_option_decodes_utf16_without_byte_order_mark() {
    let dir = tmp();
    let story = "Kenya and Uganda signed a pipeline accord in Kampala.";
    let bytes: Vec<u8> = story.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let path = put(dir.path(), "kampala.txt", bytes);
    let run = dyad(&["--encoding", "utf-16le", &path], None);
    run.assert_status(0);
    assert_eq!(run.ids(), ["kampala"]);
    assert_eq!(text(&run.docs[0]), story);
}

#[cfg(unix)]
#[test]

fn symlink_loop_in_a_directory_does_not_repeat_documents() {
    let dir = tmp();
    let root = dir.path().join("news");
    put(&root, "a-muscat.txt", "Oman hosted indirect talks between Iran and the United States.");
    std::fs::create_dir_all(root.join("sub")).unwrap();
    // news/sub/up -> news: a loop, as a careless "latest -> .." link makes.
    std::os::unix::fs::symlink("..", root.join("sub").join("up")).unwrap();
    let run = dyad(&[&path_str(&root)], None);
    assert!(matches!(run.status, 0 | 1), "{run:#?}");
    assert_eq!(run.ids(), ["a-muscat"], "stdout:\n{}\nstderr:\n{}", run.stdout, run.stderr);
}

#[test]
fn many_documents_keep_input_order_across_batches_and_threads() {
    let dir = tmp();
    let countries = ["Austria", "Brazil", "Cambodia", "Denmark", "Estonia", "Fiji", "Gabon", "Haiti"];
    let body: String = (0..700)
        .map(|i| {
            let (a, b) = (countries[i % 8], countries[(i * 3 + 1) % 8]);
            format!("{{\"id\": \"n{i:04}\", \"text\": \"Item {i}: {a} and {b} held consultations on trade.\"}}\n")
        })
        .collect();
    let path = put(dir.path(), "bulk.jsonl", body);
    let run = dyad(&["--threads", "4", &path], None);
    run.assert_status(0);
    let expected: Vec<String> = (0..700).map(|i| format!("n{i:04}")).collect();
    assert_eq!(run.ids(), expected);
    assert!(text(&run.docs[699]).starts_with("Item 699: "), "{}", run.docs[699]);
}

// ---------------------------------------------------------------------------
// 4. Cleaning, end to end
// ---------------------------------------------------------------------------

#[test]
fn cleaning_removes_boilerplate_and_keeps_every_other_line() {
    let dir = tmp();
    let dump = "Saved Web Pages\n\
                \n\
                Border talks stall in Tbilisi\n\
                \n\
                By Nino Kapanadze\n\
                \n\
                Georgian and Armenian negotiators ended a second day of talks without agreement on Wednesday.\n\
                \n\
                Soldiers stand guard at a checkpoint near the border. [Reuters]\n\
                \n\
                The two delegations said they would meet again next month in a neutral capital.\n\
                Both foreign ministries called the atmosphere constructive.\n\
                \n\
                Lasha Beridze is a correspondent for the Caucasus Courier.\n\
                \n\
                Follow her on X: @lasha_reports\n\
                \n\
                Radio Kavkaz\n\
                Radio Kavkaz\n";
    let path = put(dir.path(), "tbilisi.txt", dump);
    let run = dyad(&[&path], None);
    run.assert_status(0);
    let doc = run.doc("tbilisi");
    assert_eq!(
        text(doc),
        "Border talks stall in Tbilisi\n\
         \n\
         Georgian and Armenian negotiators ended a second day of talks without agreement on Wednesday.\n\
         \n\
         Soldiers stand guard at a checkpoint near the border.\n\
         \n\
         The two delegations said they would meet again next month in a neutral capital.\n\
         Both foreign ministries called the atmosphere constructive."
    );
    let removed = strings(&doc["removed"]);
    for gone in [
        "Saved Web Pages",
        "By Nino Kapanadze",
        "[Reuters]",
        "Lasha Beridze is a correspondent for the Caucasus Courier.",
        "Follow her on X: @lasha_reports",
        "Radio Kavkaz",
    ] {
        assert!(removed.contains(&gone), "{gone:?} not in removed {removed:?}");
        assert!(!text(doc).contains(gone), "{gone:?} still in text");
    }
    assert_eq!(removed.iter().filter(|r| **r == "Radio Kavkaz").count(), 2, "{removed:?}");
    assert_eq!(doc["title"], "Border talks stall in Tbilisi");
    let authors = strings(&doc["authors"]);
    assert!(authors.contains(&"Nino Kapanadze"), "{authors:?}");
    assert!(authors.contains(&"Lasha Beridze"), "{authors:?}");
}

// ---------------------------------------------------------------------------
// 5. The publication date
// ---------------------------------------------------------------------------

#[test]
fn own_date_wins_over_published_option_which_fills_the_rest() {
    let dir = tmp();
    let dated_text = put(
        dir.path(),
        "a-dated.txt",
        "Truce holds in Tripoli\n\nPublished On 4 Mar 2025\n\nThe truce between rival Libyan factions held for a third day.",
    );
    let undated_text = put(dir.path(), "b-undated.txt", "Jordan and Syria reopened the Nassib crossing to trucks.");
    let head = "<meta property=\"article:published_time\" content=\"2023-05-17T08:30:00+01:00\">";
    let dated_html = put(dir.path(), "c-dated.html", article_page("Ministers meet in Lisbon over fishing rights", head, &LISBON_PARAS));
    let jsonl = put(
        dir.path(),
        "d-feed.jsonl",
        "{\"id\": \"d-1\", \"text\": \"Oman mediated talks between Iran and the United States.\", \"published\": \"2024-11-30\"}\n\
         {\"id\": \"d-2\", \"text\": \"Kuwait sent an envoy to Muscat.\"}\n",
    );
    let args = [&dated_text, &undated_text, &dated_html, &jsonl];

    let run = dyad(&[&["--published", "2022-01-15"][..], &args.map(String::as_str)[..]].concat(), None);
    run.assert_status(0);
    assert_eq!(run.ids(), ["a-dated", "b-undated", "c-dated", "d-1", "d-2"]);
    assert_eq!(run.doc("a-dated")["published"], "2025-03-04");
    assert_eq!(run.doc("b-undated")["published"], "2022-01-15");
    assert_eq!(run.doc("c-dated")["published"], "2023-05-17");
    assert_eq!(run.doc("d-1")["published"], "2024-11-30");
    assert_eq!(run.doc("d-2")["published"], "2022-01-15");

    // Without the option, only the documents' own dates are there.
    let run = dyad(&args.map(String::as_str), None);
    run.assert_status(0);
    assert_eq!(run.doc("a-dated")["published"], "2025-03-04");
    assert_eq!(run.doc("b-undated")["published"], Value::Null);
    assert_eq!(run.doc("c-dated")["published"], "2023-05-17");
    assert_eq!(run.doc("d-1")["published"], "2024-11-30");
    assert_eq!(run.doc("d-2")["published"], Value::Null);
}
