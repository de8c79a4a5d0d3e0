//! Bytes to UTF-8 text: byte-order marks, declared HTML charsets, binary detection.
//!
//! Everything downstream sees `&str` with `\n` line endings; this is the only
//! place that knows about encodings.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};

/// How many leading bytes of a page the HTML charset prescan looks at, as browsers do.
const PRESCAN_BYTES: usize = 1024;
/// How far into a file binary detection looks.
const BINARY_SNIFF_BYTES: usize = 8192;

/// Decodes a plain-text document.
///
/// A byte-order mark wins; then `forced` (the user's `--encoding`); then strict
/// UTF-8. Plain text declares no charset, so invalid UTF-8 without `--encoding`
/// is an error rather than a silent guess that would corrupt names.
pub fn decode_text(bytes: &[u8], forced: Option<&'static Encoding>) -> Result<String, String> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return decode_strict(&bytes[bom_len..], encoding).map(normalize_newlines);
    }
    let encoding = forced.unwrap_or(UTF_8);
    // UTF-16 text is full of NUL bytes; only the other charsets can be told from binary that way.
    if encoding == UTF_16LE || encoding == UTF_16BE {
        if bytes.iter().all(|&b| b == 0 || b.is_ascii_whitespace()) {
            return Err("empty document (no text)".to_string());
        }
    } else {
        reject_binary(bytes)?;
    }
    decode_strict(bytes, encoding).map(normalize_newlines).map_err(|e| {
        if forced.is_none() {
            format!("{e}; if the file uses a legacy charset, name it with --encoding (e.g. --encoding windows-1252)")
        } else {
            e
        }
    })
}

/// Decodes an HTML page the way a browser would: byte-order mark, then the
/// transport's charset (an HTTP header inside a WARC record), then a charset
/// declared in the first kilobyte, then UTF-8 if the bytes are valid UTF-8,
/// then windows-1252. Returns the text and a note when the charset was guessed.
pub fn decode_html(bytes: &[u8], transport_charset: Option<&str>) -> Result<(String, Option<String>), String> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return decode_lossy(&bytes[bom_len..], encoding).map(|s| (normalize_newlines(s), None));
    }
    reject_binary(bytes)?;
    let declared = transport_charset
        .and_then(|label| Encoding::for_label(label.trim().as_bytes()))
        .or_else(|| prescan_meta_charset(&bytes[..bytes.len().min(PRESCAN_BYTES)]));
    let (encoding, note) = match declared {
        // A page cannot really be UTF-16 if its declaration is readable as ASCII.
        Some(e) if e == UTF_16LE || e == UTF_16BE => (UTF_8, None),
        Some(e) => (e, None),
        None if std::str::from_utf8(bytes).is_ok() => (UTF_8, None),
        None => (WINDOWS_1252, Some("no charset declared and not valid UTF-8; decoded as windows-1252".to_string())),
    };
    decode_lossy(bytes, encoding).map(|s| (normalize_newlines(s), note))
}

/// Whether the bytes look like HTML rather than plain text.
pub fn looks_like_html(prefix: &[u8]) -> bool {
    let head = &prefix[..prefix.len().min(4096)];
    let start = head.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(head.len());
    let head = &head[start..];
    if head.first() != Some(&b'<') {
        return false;
    }
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    ["<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<!--", "<div", "<p>", "<article"]
        .iter()
        .any(|tag| memchr::memmem::find(&lower, tag.as_bytes()).is_some())
}

fn reject_binary(bytes: &[u8]) -> Result<(), String> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err("empty document (no text)".to_string());
    }
    let head = &bytes[..bytes.len().min(BINARY_SNIFF_BYTES)];
    if let Some(at) = memchr::memchr(0, head) {
        return Err(format!("binary data, not text (NUL byte at offset {at})"));
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    if controls * 20 > head.len() {
        return Err(format!("binary data, not text ({controls} control bytes in the first {} bytes)", head.len()));
    }
    Ok(())
}

fn decode_strict(bytes: &[u8], encoding: &'static Encoding) -> Result<String, String> {
    match encoding.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(text) => Ok(text.into_owned()),
        None if encoding == UTF_8 => {
            let at = std::str::from_utf8(bytes).err().map(|e| e.valid_up_to()).unwrap_or(0);
            Err(format!("not valid UTF-8 (byte 0x{:02x} at offset {at})", bytes[at]))
        }
        None => Err(format!("not valid {} text", encoding.name())),
    }
}

fn decode_lossy(bytes: &[u8], encoding: &'static Encoding) -> Result<String, String> {
    let (text, _had_errors) = encoding.decode_without_bom_handling(bytes);
    if text.trim().is_empty() {
        return Err("empty document (no text)".to_string());
    }
    Ok(text.into_owned())
}

/// `\r\n` and lone `\r` become `\n`; a stray U+FEFF at the start is dropped.
pub fn normalize_newlines(text: String) -> String {
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    };
    if !text.contains('\r') {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out
}

/// Finds `<meta charset=X>` or `<meta http-equiv=Content-Type content="…; charset=X">`.
fn prescan_meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(at) = memchr::memmem::find(&lower[from..], b"<meta") {
        let tag_start = from + at;
        let tag_end = memchr::memchr(b'>', &lower[tag_start..]).map_or(lower.len(), |e| tag_start + e);
        let tag = &lower[tag_start..tag_end];
        if let Some(pos) = memchr::memmem::find(tag, b"charset") {
            let rest = &tag[pos + b"charset".len()..];
            let rest = rest.strip_prefix(b"=").or_else(|| {
                let trimmed = rest.iter().position(|b| !b.is_ascii_whitespace()).map(|p| &rest[p..])?;
                trimmed.strip_prefix(b"=")
            });
            if let Some(rest) = rest {
                let value: Vec<u8> = rest
                    .iter()
                    .copied()
                    .skip_while(|b| b.is_ascii_whitespace() || *b == b'"' || *b == b'\'')
                    .take_while(|b| !matches!(b, b'"' | b'\'' | b';' | b' ' | b'/' | b'>'))
                    .collect();
                if let Some(encoding) = Encoding::for_label(&value) {
                    return Some(encoding);
                }
            }
        }
        from = tag_end;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_text_passes_and_newlines_are_normalised() {
        assert_eq!(decode_text(b"One.\r\nTwo.\rThree.\n", None).unwrap(), "One.\nTwo.\nThree.\n");
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let mut bytes = vec![0xff, 0xfe];
        for unit in "Kyiv and Moscow swapped prisoners.".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(decode_text(&bytes, None).unwrap(), "Kyiv and Moscow swapped prisoners.");
        let mut be = vec![0xfe, 0xff];
        for unit in "Séoul".encode_utf16() {
            be.extend_from_slice(&unit.to_be_bytes());
        }
        assert_eq!(decode_text(&be, None).unwrap(), "Séoul");
    }

    #[test]
    fn invalid_utf8_text_names_the_offset_and_the_way_out() {
        let err = decode_text(b"caf\xe9 talks", None).unwrap_err();
        assert!(err.contains("offset 3"), "{err}");
        assert!(err.contains("--encoding"), "{err}");
        let forced = Encoding::for_label(b"windows-1252");
        assert_eq!(decode_text(b"caf\xe9 talks", forced).unwrap(), "café talks");
    }

    #[test]
    fn binary_and_empty_input_are_rejected() {
        assert!(decode_text(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", None).unwrap_err().contains("binary"));
        assert!(decode_text(b"  \n\t ", None).unwrap_err().contains("empty"));
        assert!(decode_html(b"", None).unwrap_err().contains("empty"));
    }

    #[test]
    fn html_meta_charset_is_honoured() {
        let page = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"></head><body>\x93Peace\x94 \x96 Lom\xe9</body></html>";
        let (text, note) = decode_html(page, None).unwrap();
        assert!(text.contains("\u{201c}Peace\u{201d} \u{2013} Lomé"), "{text}");
        assert_eq!(note, None);
        let (text, _) = decode_html(b"<meta charset='iso-8859-2'><p>\xb3\xf3d\xbc</p>", None).unwrap();
        assert!(text.contains("łódź"), "{text}");
    }

    #[test]
    fn html_transport_charset_wins_over_fallback_and_guess_is_noted() {
        let (text, _) = decode_html(b"<p>Bogot\xe1</p>", Some("ISO-8859-1")).unwrap();
        assert!(text.contains("Bogotá"));
        let (text, note) = decode_html(b"<p>Bogot\xe1</p>", None).unwrap();
        assert!(text.contains("Bogotá"));
        assert!(note.unwrap().contains("windows-1252"));
    }

    #[test]
    fn html_is_told_from_text() {
        assert!(looks_like_html(b"  <!DOCTYPE html><html>"));
        assert!(looks_like_html(b"<div class=x><p>Hi</p></div>"));
        assert!(!looks_like_html(b"Talks resume <in> Doha"));
        assert!(!looks_like_html(b"<3 peace"));
    }
}
