//! Cleaning: drops the boilerplate that text dumps and extracted pages carry.
//!
//! Rules work on whole lines (a header line a browser adds when saving a page,
//! share and follow lines, newsletter and cookie notices, bylines, author bios,
//! widget names repeated at the end) and on one line-final fragment (a photo
//! credit glued to a caption, `… children. [Getty]`). Everything else is kept
//! byte for byte: what is removed is reported as a [`Removal`], and the text
//! that remains is the text all later offsets point into.
//!
//! Facts a dump carries outside the article (a byline, a dateline, a bio) are
//! returned as [`Metadata`] so that they are not lost with the line.

use crate::doc::{Metadata, Removal};

/// Lines longer than this (in words) are article prose; line rules skip them.
const SHORT_LINE_WORDS: usize = 40;
/// How many non-empty lines at the start count as the page head.
const HEAD_LINES: usize = 8;
/// How many non-empty lines at the end count as the page tail.
const TAIL_LINES: usize = 8;

/// The result of cleaning.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cleaned {
    pub text: String,
    pub removed: Vec<Removal>,
    /// Title, authors and date found in the dump itself.
    pub metadata: Metadata,
}

/// What happens to one line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Fate {
    Keep,
    /// Keep only the first `n` bytes (a credit was cut off the end).
    KeepPrefix(usize),
    Drop(&'static str),
}

struct Line<'t> {
    /// The line without its newline.
    text: &'t str,
    fate: Fate,
}

impl Line<'_> {
    fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }
}

/// Cleans a plain-text article.
pub fn clean(input: &str) -> Cleaned {
    let mut lines: Vec<Line> = Vec::new();
    for text in input.split('\n') {
        lines.push(Line { text, fate: Fate::Keep });
    }
    let mut metadata = Metadata::default();
    let content: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].is_blank()).collect();

    for (rank, &i) in content.iter().enumerate() {
        let line = lines[i].text;
        let in_head = rank < HEAD_LINES;
        let in_tail = rank + TAIL_LINES >= content.len();
        lines[i].fate = judge_line(line, in_head, in_tail, &mut metadata);
    }
    strip_trailing_widgets(&mut lines, &content);
    find_author_bio(&mut lines, &content, &mut metadata);

    if metadata.title.is_none() {
        metadata.title = headline(&lines);
    }
    let (text, removed) = assemble(&lines);
    Cleaned { text, removed, metadata }
}

fn judge_line(line: &str, in_head: bool, in_tail: bool, metadata: &mut Metadata) -> Fate {
    let trimmed = line.trim();
    // Counting stops early: only whether the line is short matters.
    let words = trimmed.split_whitespace().take(SHORT_LINE_WORDS + 1).count();
    if words <= SHORT_LINE_WORDS {
        let lower = normalize_for_rules(trimmed);
        if in_head && is_page_chrome(&lower) {
            return Fate::Drop("saved-page-header");
        }
        if is_share_line(&lower) {
            return Fate::Drop("share-follow");
        }
        if is_notice(&lower) {
            return Fate::Drop("notice");
        }
        if is_related_link(&lower) {
            return Fate::Drop("related-link");
        }
        if in_head {
            if let Some(authors) = byline(trimmed) {
                if metadata.authors.is_empty() {
                    metadata.authors = authors;
                }
                return Fate::Drop("byline");
            }
            if let Some(date) = dateline(&lower) {
                metadata.published.get_or_insert(date);
                return Fate::Drop("dateline");
            }
        }
        if in_tail && is_known_widget(&lower) {
            return Fate::Drop("widget");
        }
    }
    match photo_credit_start(line) {
        Some(0) => Fate::Drop("photo-credit"),
        Some(cut) => Fate::KeepPrefix(cut),
        None => Fate::Keep,
    }
}

/// Lowercase, with no-break and other odd spaces made plain, for rule matching.
fn normalize_for_rules(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Lines a browser or site puts above the article when a page is saved as text.
fn is_page_chrome(lower: &str) -> bool {
    const CHROME: &[&str] = &[
        "saved web pages", "saved web page", "skip to main content", "skip to content", "skip to navigation",
        "skip to main navigation", "menu", "main menu", "search", "sign in", "log in", "login", "subscribe",
        "home", "advertisement", "open in app", "listen to this article", "print", "close", "toggle navigation",
        "accessibility", "go to content", "jump to content", "breaking news",
    ];
    CHROME.contains(&lower.trim_end_matches([':', '.', '|']).trim())
}

/// Share buttons and "follow the author" lines.
fn is_share_line(lower: &str) -> bool {
    const NETWORKS: &[&str] = &[
        "twitter", "x", "facebook", "instagram", "telegram", "linkedin", "bluesky", "threads", "whatsapp",
        "youtube", "tiktok", "mastodon", "email", "e-mail",
    ];
    let words: Vec<&str> = lower.split_whitespace().collect();
    let Some(first) = words.first() else { return false };
    let short = words.len() <= 12;
    let names_network = words.iter().any(|w| NETWORKS.contains(&w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')));
    let has_handle = words.iter().any(|w| w.starts_with('@') && w.len() > 1);
    match *first {
        "follow" => short && (has_handle || names_network || lower.starts_with("follow us")),
        "share" | "share:" => short,
        "tweet" | "email" | "e-mail" | "print" | "copy" => short && (names_network || lower.contains("link") || words.len() <= 3),
        _ => {
            short
                && (lower.starts_with("click to share")
                    || lower.starts_with("you can follow")
                    || (has_handle && lower.contains("follow") && words.len() <= 8))
        }
    }
}

/// Newsletter, subscription, cookie and copyright notices.
fn is_notice(lower: &str) -> bool {
    let has = |s: &str| lower.contains(s);
    (has("newsletter") && (has("subscribe") || has("sign up") || has("sign-up") || has("inbox") || has("delivered")))
        || (has("cookie") && (has("accept") || has("consent") || has("we use") || has("policy") || has("settings")))
        || lower.starts_with("subscribe to ")
        || lower.starts_with("subscribe now")
        || lower.starts_with("sign up for ")
        || lower.starts_with("sign up to ")
        || has("already a subscriber")
        || has("to continue reading")
        || has("this article is for subscribers")
        || has("all rights reserved")
        || lower.starts_with("copyright ")
        || lower.starts_with('©')
}

/// "Read more: …" and "Related: …" lines pointing at other stories.
fn is_related_link(lower: &str) -> bool {
    ["read more:", "read also:", "also read:", "see also:", "related:", "recommended:", "more:", "watch:", "listen:"]
        .iter()
        .any(|p| lower.starts_with(p))
}

/// Names of players, apps and blocks that close a page.
fn is_known_widget(lower: &str) -> bool {
    const WIDGETS: &[&str] = &[
        "advertisement", "related", "related stories", "related articles", "read more", "more from", "most read",
        "most popular", "recommended", "comments", "show comments", "tags", "topics", "share", "listen",
        "podcasts", "trending", "more stories", "latest news", "back to top",
    ];
    WIDGETS.contains(&lower.trim_end_matches([':', '.']).trim())
}

/// Where a photo credit glued to the end of the line starts (`… [Getty]`),
/// including the spaces before it; `Some(0)` when the whole line is a credit.
fn photo_credit_start(line: &str) -> Option<usize> {
    let body = line.trim_end();
    if !body.ends_with(']') {
        // Only the line's opening words can name it a credit; don't lowercase a whole paragraph.
        let head_end = body.char_indices().nth(16).map_or(body.len(), |(i, _)| i);
        let lower = normalize_for_rules(&body[..head_end]);
        let words = body.split_whitespace().take(13).count();
        let credit_line = ["photo:", "photograph:", "image:", "picture:", "credit:", "photo credit:", "image credit:"]
            .iter()
            .any(|p| lower.starts_with(p));
        return (credit_line && words <= 12).then_some(0);
    }
    let open = body.rfind('[')?;
    let inner = &body[open + 1..body.len() - 1];
    if !is_credit(inner) {
        return None;
    }
    let cut = body[..open].trim_end().len();
    Some(cut)
}

fn is_credit(inner: &str) -> bool {
    const AGENCIES: &[&str] = &[
        "getty", "afp", "reuters", "ap", "epa", "anadolu", "xinhua", "images", "image", "photo", "photos", "via",
        "handout", "pool", "shutterstock", "alamy", "sopa", "nurphoto", "sipa", "bloomberg", "file", "supplied",
        "courtesy", "wikimedia", "tass", "sputnik", "ria", "upi", "dpa", "ansa", "efe", "aa", "wana", "ips",
        "picture", "alliance", "corbis", "archive", "screengrab", "screenshot",
    ];
    let words: Vec<String> = inner
        .split(|c: char| c.is_whitespace() || c == '/' || c == '-' || c == ',')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    !words.is_empty() && words.len() <= 6 && words.iter().any(|w| AGENCIES.contains(&w.as_str()))
}

/// "By Nadia Kassem and Yusuf Adeyemi" → the names.
fn byline(line: &str) -> Option<Vec<String>> {
    let rest = line.strip_prefix("By ").or_else(|| line.strip_prefix("BY "))?;
    let rest = rest.split(['|', '•', '·']).next()?.trim();
    let rest = rest.split_once(", ").map_or(rest, |(names, _outlet)| names);
    let names: Vec<String> = rest
        .split(" and ")
        .flat_map(|p| p.split(" & "))
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty())
        .collect();
    let looks_like_name = |n: &String| {
        let words: Vec<&str> = n.split_whitespace().collect();
        (1..=4).contains(&words.len()) && words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase))
    };
    (!names.is_empty() && names.len() <= 4 && names.iter().all(looks_like_name)).then_some(names)
}

/// "Published On 10 Jun 2025", "Updated: June 10, 2025", or a line that is
/// only a date ("Wednesday 23 October 2025 14:05 GMT") → the date.
fn dateline(lower: &str) -> Option<jiff::civil::Date> {
    let prefixed = ["published on", "published:", "published", "posted on", "posted:", "updated on", "updated:", "updated", "last updated"]
        .iter()
        .find_map(|p| lower.strip_prefix(p));
    match prefixed {
        Some(rest) => parse_written_date(rest.trim()),
        None => bare_date(lower),
    }
}

/// A line that holds a date and nothing else but a weekday before it and a
/// time after it: the date a saved article was published.
fn bare_date(lower: &str) -> Option<jiff::civil::Date> {
    const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
    const TIME_WORDS: [&str; 13] = ["am", "pm", "a.m.", "p.m.", "gmt", "utc", "bst", "cet", "est", "edt", "et", "pt", "|"];
    let mut words: Vec<&str> = lower.split(|c: char| c.is_whitespace() || c == ',').filter(|w| !w.is_empty()).collect();
    if words.first().is_some_and(|w| WEEKDAYS.contains(w)) {
        words.remove(0);
    }
    let (date, rest) = words.split_at_checked(3)?;
    let time = |w: &&str| TIME_WORDS.contains(w) || w.contains(':') && w.chars().any(|c| c.is_ascii_digit());
    if !rest.iter().all(time) {
        return None;
    }
    parse_written_date(&date.join(" "))
}

/// Parses `10 Jun 2025`, `June 10, 2025`, `2025-06-10`, ignoring a trailing time.
pub fn parse_written_date(s: &str) -> Option<jiff::civil::Date> {
    if let Some(d) = crate::read::parse_date(s) {
        return Some(d);
    }
    let tokens: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
        .take(3)
        .collect();
    let [a, b, c] = tokens.as_slice() else { return None };
    let (day, month, year) = if let Some(m) = month_number(a) {
        (b.parse().ok()?, m, c.parse().ok()?)
    } else {
        (a.trim_end_matches(['s', 't', 'n', 'd', 'r', 'h']).parse().ok()?, month_number(b)?, c.parse().ok()?)
    };
    jiff::civil::Date::new(year, month, day).ok()
}

fn month_number(word: &str) -> Option<i8> {
    const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let w = word.trim_end_matches('.').to_lowercase();
    if w.len() < 3 {
        return None;
    }
    let i = MONTHS.iter().position(|m| w.starts_with(m))?;
    let full = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"][i];
    (full.starts_with(&w) || w == "sept").then_some(i as i8 + 1)
}

/// Drops the run of short, unpunctuated lines that ends a page when they are
/// widget names: a line repeated in that run ("WP Radio" twice) or a known one.
fn strip_trailing_widgets(lines: &mut [Line], content: &[usize]) {
    let kept: Vec<usize> = content.iter().copied().filter(|&i| lines[i].fate == Fate::Keep).collect();
    let mut run_start = kept.len();
    while run_start > 0 && is_widget_shaped(lines[kept[run_start - 1]].text) {
        run_start -= 1;
    }
    let run = &kept[run_start..];
    for (k, &i) in run.iter().enumerate() {
        let text = lines[i].text.trim();
        let repeated = run.iter().enumerate().any(|(j, &o)| j != k && lines[o].text.trim() == text);
        if repeated {
            lines[i].fate = Fate::Drop("widget");
        }
    }
}

fn is_widget_shaped(line: &str) -> bool {
    let t = line.trim();
    let words = t.split_whitespace().count();
    (1..=5).contains(&words) && !t.ends_with(['.', '!', '?', '"', '”', '’', '…', ':', ','])
}

/// An author bio near the end: "Giorgio Cafiero is the CEO of Gulf State Analytics."
fn find_author_bio(lines: &mut [Line], content: &[usize], metadata: &mut Metadata) {
    let kept: Vec<usize> = content.iter().copied().filter(|&i| lines[i].fate == Fate::Keep).collect();
    // Only the last two paragraphs still standing can be a bio.
    for &i in kept.iter().rev().take(2) {
        if let Some(name) = bio_subject(lines[i].text.trim()) {
            lines[i].fate = Fate::Drop("author-bio");
            if !metadata.authors.contains(&name) && metadata.authors.len() < 4 {
                metadata.authors.push(name);
            }
            return;
        }
    }
}

fn bio_subject(line: &str) -> Option<String> {
    const ROLES: &[&str] = &[
        "journalist", "correspondent", "reporter", "writer", "editor", "analyst", "ceo", "founder", "fellow",
        "researcher", "professor", "author", "contributor", "columnist", "director", "freelance", "producer",
        "commentator", "lecturer", "scholar",
    ];
    let words = line.split_whitespace().count();
    if !(5..=45).contains(&words) || !line.ends_with('.') {
        return None;
    }
    let (name, rest) = line.split_once(" is ")?;
    let name_words: Vec<&str> = name.split_whitespace().collect();
    let capitalised = name_words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase));
    if !(2..=4).contains(&name_words.len()) || !capitalised {
        return None;
    }
    let rest_lower = rest.to_lowercase();
    let article = ["a ", "an ", "the "].iter().any(|a| rest_lower.starts_with(a));
    let role = rest_lower.split(|c: char| !c.is_alphanumeric()).any(|w| ROLES.contains(&w));
    (article && role).then(|| name.to_string())
}

/// A first line that reads as a headline: short, no final full stop, and
/// followed by a blank line.
fn headline(lines: &[Line]) -> Option<String> {
    let mut kept = lines.iter().enumerate().filter(|(_, l)| !matches!(l.fate, Fate::Drop(_)) && !l.is_blank());
    let (i, first) = kept.next()?;
    let t = first.text.trim();
    let words = t.split_whitespace().count();
    let followed_by_gap = lines.get(i + 1).is_some_and(Line::is_blank);
    ((3..=25).contains(&words) && !t.ends_with(['.', ',', ';', ':']) && followed_by_gap).then(|| t.to_string())
}

/// Builds the cleaned text from the lines' fates. Between two kept lines the
/// original separator is kept; where lines were dropped between them, the
/// separator after the earlier kept line stands for the whole gap.
fn assemble(lines: &[Line]) -> (String, Vec<Removal>) {
    let mut out = String::new();
    let mut removed = Vec::new();
    let mut pending_gap: Option<String> = None;
    let mut gap = String::new();
    let mut gap_closed = false;
    for line in lines {
        match line.fate {
            Fate::Drop(rule) if !line.is_blank() => {
                removed.push(Removal { text: line.text.trim().to_string(), rule });
                gap_closed = true;
            }
            _ if line.is_blank() => {
                if !gap_closed {
                    gap.push_str(line.text);
                    gap.push('\n');
                }
            }
            fate => {
                let text = match fate {
                    Fate::KeepPrefix(n) => {
                        removed.push(Removal { text: line.text[n..].trim().to_string(), rule: "photo-credit" });
                        &line.text[..n]
                    }
                    _ => line.text,
                };
                if !out.is_empty() {
                    out.push_str(pending_gap.as_deref().unwrap_or("\n"));
                    out.push_str(&gap);
                }
                out.push_str(text);
                pending_gap = Some("\n".to_string());
                gap.clear();
                gap_closed = false;
            }
        }
    }
    let trimmed_len = out.trim_end().len();
    out.truncate(trimmed_len);
    (out, removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn removed(c: &Cleaned) -> Vec<&str> {
        c.removed.iter().map(|r| r.text.as_str()).collect()
    }

    #[test]
    fn saved_page_header_and_trailing_widgets_go() {
        let c = clean("Saved Web Pages\n\nTalks open in Nairobi\n\nKenya hosted the talks.\n\nPeace Radio\nPeace Radio");
        assert_eq!(c.text, "Talks open in Nairobi\n\nKenya hosted the talks.");
        assert_eq!(removed(&c), ["Saved Web Pages", "Peace Radio", "Peace Radio"]);
        assert_eq!(c.metadata.title.as_deref(), Some("Talks open in Nairobi"));
    }

    #[test]
    fn photo_credit_is_cut_from_caption_only() {
        let c = clean("Soldiers patrol the border near Kidal. [AFP/Getty]\n\nThe army said it [the ministry] agreed.");
        assert_eq!(c.text, "Soldiers patrol the border near Kidal.\n\nThe army said it [the ministry] agreed.");
        assert_eq!(removed(&c), ["[AFP/Getty]"]);
        // An editorial insertion in brackets at a line's end is not a credit.
        let c = clean("He said they would talk to [the Russians]");
        assert!(c.removed.is_empty());
    }

    #[test]
    fn follow_and_share_lines_go_with_nbsp() {
        let c = clean("The envoy left Caracas.\n\nShare this article\n\nFollow her on Twitter:\u{a0}@someone\n\nMore talks are due.");
        assert_eq!(c.text, "The envoy left Caracas.\n\nMore talks are due.");
        assert_eq!(removed(&c), ["Share this article", "Follow her on Twitter:\u{a0}@someone"]);
    }

    #[test]
    fn prose_about_following_or_sharing_stays() {
        let text = "Ankara will follow the talks closely.\nThe two sides share a border of 900 km and agreed to follow up on Friday.";
        let c = clean(text);
        assert_eq!(c.text, text);
        assert!(c.removed.is_empty());
    }

    #[test]
    fn notices_go() {
        let c = clean("We use cookies to improve your experience. Accept all\nSeoul protested.\nSubscribe to our newsletter\n© 2025 Example News. All rights reserved.");
        assert_eq!(c.text, "Seoul protested.");
        assert_eq!(c.removed.len(), 3);
    }

    #[test]
    fn byline_and_dateline_become_metadata() {
        let c = clean("Truce holds in Tripoli\n\nBy Leila Haddad and Tom Berg\n\nPublished On 4 Mar 2025\n\nThe truce held.");
        assert_eq!(c.text, "Truce holds in Tripoli\n\nThe truce held.");
        assert_eq!(c.metadata.authors, ["Leila Haddad", "Tom Berg"]);
        assert_eq!(c.metadata.published, Some(jiff::civil::date(2025, 3, 4)));
    }

    #[test]
    fn a_line_that_is_only_a_date_is_the_publication_date() {
        let c = clean("Port strike spreads\n\nBy Ana Ruiz\n\nWednesday 23 October 2025 14:05 GMT\n\nThe strike spread.");
        assert_eq!(c.text, "Port strike spreads\n\nThe strike spread.");
        assert_eq!(c.metadata.published, Some(jiff::civil::date(2025, 10, 23)));
        assert_eq!(clean("Talks\n\nOctober 23, 2025\n\nThey met.").metadata.published, Some(jiff::civil::date(2025, 10, 23)));
        // A sentence that starts with a date is text.
        let text = "Talks\n\n23 October 2025 was the day the strike began.\n\nThey met.";
        let c = clean(text);
        assert_eq!((c.text.as_str(), c.metadata.published), (text, None));
    }

    #[test]
    fn author_bio_at_the_end_goes_and_names_the_author() {
        let c = clean("The vote is on Sunday.\n\nAmara Okafor is a correspondent for West Africa Weekly.\n\nFollow her on X: @amara");
        assert_eq!(c.text, "The vote is on Sunday.");
        assert_eq!(c.metadata.authors, ["Amara Okafor"]);
        // The same shape inside the story is reporting, not a bio.
        let text = "Jan Novak is a former analyst at the ministry.\n\nHe said the deal would hold.\n\nThe ministry declined to comment.\n\nTalks resume in May.";
        assert_eq!(clean(text).text, text);
    }

    #[test]
    fn a_single_short_closing_line_is_kept() {
        let text = "Negotiators met for six hours.\n\nTime will tell";
        assert_eq!(clean(text).text, text);
    }

    #[test]
    fn written_dates_parse() {
        let d = jiff::civil::date(2025, 6, 10);
        for s in ["10 Jun 2025", "June 10, 2025", "10th June 2025", "2025-06-10", "Jun. 10, 2025 14:32"] {
            assert_eq!(parse_written_date(s), Some(d), "{s}");
        }
        assert_eq!(parse_written_date("Monday"), None);
    }

    #[test]
    fn nothing_to_clean_leaves_text_identical() {
        let text = "Line one.\nLine two with “quotes”.\n\n  Indented line.";
        assert_eq!(clean(text).text, text);
    }
}
