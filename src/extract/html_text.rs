//! Extracted HTML to text: block elements become paragraphs separated by a
//! blank line, `<br>` a line break, and runs of whitespace one space.

use scraper::{Html, Node};

/// Elements that start a new paragraph. Trafilatura's own output tags
/// (`list`, `item`, `quote`, `row`, …) are listed too in case any survive.
const BLOCK: &[&str] = &[
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "pre", "table", "tr",
    "section", "article", "header", "footer", "figure", "figcaption", "dl", "dt", "dd", "main", "aside", "nav",
    "form", "fieldset", "address", "hr", "details", "summary", "caption", "tbody", "thead", "head", "list",
    "item", "quote", "row", "doc", "comments",
];

/// Closing punctuation after which a capital letter across a tag boundary
/// starts a new word ("<b>Summary:</b>Talks" → "Summary: Talks").
const GLUE_BEFORE_CAPITAL: &str = ".,:;!?)]\"\u{201d}\u{2019}";

/// Turns an HTML fragment into text with paragraphs as blank-line-separated lines.
pub fn html_to_text(html: &str) -> String {
    let fragment = Html::parse_fragment(html);
    let mut raw = String::with_capacity(html.len() / 2);
    walk(fragment.tree.root(), &mut raw, false);
    // Trim every line and keep at most one blank line in a row.
    let mut text = String::with_capacity(raw.len());
    for line in raw.split('\n').map(str::trim) {
        if line.is_empty() {
            if !text.is_empty() && !text.ends_with("\n\n") {
                text.push('\n');
            }
        } else {
            if !text.is_empty() && !text.ends_with('\n') {
                text.push('\n');
            }
            text.push_str(line);
            text.push('\n');
        }
    }
    text.truncate(text.trim_end().len());
    text
}

fn walk(node: ego_tree::NodeRef<Node>, out: &mut String, pre: bool) {
    for child in node.children() {
        match child.value() {
            Node::Text(t) => push_text(t, out, pre),
            Node::Element(e) => match e.name() {
                "script" | "style" | "noscript" | "template" => {}
                "br" => out.push('\n'),
                "td" | "th" => {
                    if !out.ends_with(char::is_whitespace) {
                        out.push(' ');
                    }
                    walk(child, out, pre);
                    out.push(' ');
                }
                name if BLOCK.contains(&name) => {
                    out.push_str("\n\n");
                    walk(child, out, pre || name == "pre");
                    out.push_str("\n\n");
                }
                _ => walk(child, out, pre),
            },
            _ => {}
        }
    }
}

fn push_text(t: &str, out: &mut String, pre: bool) {
    if pre {
        out.push_str(t);
        return;
    }
    let mut last_space = out.is_empty() || out.ends_with(char::is_whitespace);
    if !last_space
        && let (Some(prev), Some(next)) = (out.chars().last(), t.chars().next())
        && next.is_uppercase()
        && (prev.is_lowercase() || GLUE_BEFORE_CAPITAL.contains(prev))
    {
        out.push(' ');
        last_space = true;
    }
    for c in t.chars() {
        // A no-break space is kept as it is: it can be part of the text ("10\u{a0}km").
        if c.is_whitespace() && c != '\u{a0}' {
            if !last_space {
                out.push(' ');
                last_space = true;
            }
        } else {
            out.push(c);
            last_space = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_become_paragraphs_and_inline_tags_do_not_glue() {
        let html = "<h2>Talks in  Doha</h2><p>The envoy <b>said</b>\n  the talks <a href=x>would</a> resume.</p><p>Next one.<br>Second line.</p>";
        assert_eq!(html_to_text(html), "Talks in Doha\n\nThe envoy said the talks would resume.\n\nNext one.\nSecond line.");
    }

    #[test]
    fn tag_boundaries_between_sentences_get_a_space() {
        assert_eq!(html_to_text("<p><b>Update:</b>Ceasefire holds</p>"), "Update: Ceasefire holds");
        assert_eq!(html_to_text("<p>in Gaza.<span>The army</span></p>"), "in Gaza. The army");
        // Inside a word, markup does not split it.
        assert_eq!(html_to_text("<p>Zelen<i>sky</i>y</p>"), "Zelenskyy");
    }

    #[test]
    fn scripts_and_entities() {
        assert_eq!(html_to_text("<p>A &amp; B&nbsp;C</p><script>var x=1;</script>"), "A & B\u{a0}C");
    }
}
