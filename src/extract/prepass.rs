//! A byte-level pass that drops what is never article text before the page is parsed.
//!
//! On news pages, inline scripts, styles and SVG icons are often half the
//! bytes; removing them first makes the HTML parser and the extractor's tree
//! walks proportionally cheaper. JSON-LD scripts are kept: they carry the
//! page's metadata.

use std::borrow::Cow;

/// Elements whose whole content is dropped (the elements are kept, empty).
/// Besides code and graphics, these are the elements whose content the
/// extractor discards anyway (form controls, embedded media, `<noscript>`
/// fallbacks, navigation, footers, asides). Should one nest within itself,
/// the content after the inner close survives, which only costs speed.
const INERT: &[&[u8]] = &[
    b"script", b"style", b"svg", b"template", b"noscript", b"iframe", b"select", b"textarea", b"button",
    b"video", b"audio", b"canvas", b"picture", b"object", b"math", b"nav", b"footer", b"aside",
];

/// Returns the page without the contents of the [`INERT`] elements (a JSON-LD
/// `<script>` excepted) and without comments.
pub fn strip_inert(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut at = 0;
    while let Some(lt) = memchr::memchr(b'<', &bytes[at..]).map(|i| at + i) {
        let rest = &bytes[lt + 1..];
        let (cut_from, cut_to) = if rest.starts_with(b"!--") {
            let end = memchr::memmem::find(&rest[3..], b"-->").map_or(bytes.len(), |i| lt + 1 + 3 + i + 3);
            (lt, end)
        } else if let Some(name) = INERT.iter().find(|n| starts_with_tag(rest, n)) {
            let open_end = memchr::memchr(b'>', rest).map_or(bytes.len(), |i| lt + 1 + i + 1);
            let open_tag = &bytes[lt..open_end.min(bytes.len())];
            if *name == b"script" && contains_ignore_case(open_tag, b"ld+json") || open_tag.ends_with(b"/>") {
                at = open_end.min(bytes.len());
                continue;
            }
            let close = find_close(&bytes[open_end.min(bytes.len())..], name).map_or(bytes.len(), |i| open_end + i);
            (open_end, close)
        } else {
            at = lt + 1;
            continue;
        };
        let buf = out.get_or_insert_with(|| String::with_capacity(html.len()));
        buf.push_str(&html[copied..cut_from]);
        copied = cut_to;
        at = cut_to;
        if at >= bytes.len() {
            break;
        }
    }
    match out {
        None => Cow::Borrowed(html),
        Some(mut buf) => {
            buf.push_str(&html[copied.min(html.len())..]);
            Cow::Owned(buf)
        }
    }
}

/// `rest` (after a `<`) opens element `name`: the name followed by a space, `>` or `/`.
fn starts_with_tag(rest: &[u8], name: &[u8]) -> bool {
    rest.len() > name.len()
        && rest[..name.len()].eq_ignore_ascii_case(name)
        && matches!(rest[name.len()], b' ' | b'>' | b'/' | b'\t' | b'\n' | b'\r')
}

/// Offset of the `</name` that closes the element, case-insensitively.
fn find_close(hay: &[u8], name: &[u8]) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = memchr::memmem::find(&hay[from..], b"</").map(|i| from + i) {
        if hay.len() >= i + 2 + name.len() && hay[i + 2..i + 2 + name.len()].eq_ignore_ascii_case(name) {
            return Some(i);
        }
        from = i + 2;
    }
    None
}

fn contains_ignore_case(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_styles_and_comments_are_emptied() {
        let page = "<head><STYLE>p{}</STYLE><script src=a.js></script><script>if (a<b) x='</div>';</script></head><body><!-- ad --><p>Text</p><svg viewBox=0><path d=M0/></svg></body>";
        assert_eq!(
            strip_inert(page),
            "<head><STYLE></STYLE><script src=a.js></script><script></script></head><body><p>Text</p><svg viewBox=0></svg></body>"
        );
    }

    #[test]
    fn json_ld_and_lookalike_tags_survive() {
        let page = "<script type=\"application/ld+json\">{\"a\":1}</script><scripture>x</scripture><p>a < b</p>";
        assert_eq!(strip_inert(page), page);
    }

    #[test]
    fn unterminated_constructs_do_not_panic() {
        for page in ["<script>never closed", "<!-- open", "<style", "<", "<svg/>", "x<script"] {
            let _ = strip_inert(page);
        }
        assert_eq!(strip_inert("<p>a</p><!-- open"), "<p>a</p>");
    }
}
