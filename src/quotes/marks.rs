//! How the quotation finder reads quotation marks: [`marks_view`], a copy of
//! the text in which every quotation mark is written as the double mark the
//! rules of `quote_segments` know, and nothing else changes. Each replacement
//! is a mark of the same length in bytes (`''` for ` "`, ‘ for “, ' for "),
//! so that every offset into the view is an offset into the clean text.
//!
//! Two conventions are read this way:
//! * a pair of apostrophes or backticks typed for a double mark (`''Yes,''`,
//!   ``` ``Yes,'' ```: news archives and treebank-style text);
//! * single marks as a document's quotation marks (‘Yes,’ or 'Yes,': British,
//!   Irish and Australian outlets, and US headlines), with double marks for a
//!   quotation inside one. Where a document's single-mark quotations that
//!   read as speech outnumber its double-mark ones, its single marks are read as double
//!   marks and the double marks inside them as single marks, which the rules
//!   pass over as they pass over a US quotation's inner ‘…’. Telling a
//!   quotation mark from an apostrophe ("don’t", "the workers’ union",
//!   "’90s") is the work of [`single_role`] and [`single_pairs`].

use std::borrow::Cow;

use crate::segment::Segmentation;
use crate::span::Span;

/// The text with its quotation marks read as double marks (see the module
/// documentation): first pairs of apostrophes or backticks, then single
/// marks where they are the document's quotation marks.
pub(super) fn marks_view<'t>(text: &'t str, seg: &Segmentation) -> Cow<'t, str> {
    let view = doubled_marks_view(text);
    match single_marks_view(&view, seg) {
        Some(swapped) => Cow::Owned(swapped),
        None => view,
    }
}

/// The text with each pair of apostrophes or backticks typed for a double
/// quotation mark (`''Yes,'' he said`, ``` ``Yes,'' ```: the convention of the
/// New York Times archive and of treebank-style text) read as a straight mark
/// beside a space, so that the rules for straight marks apply and every
/// offset stays that of the text: `''Yes` reads ` "Yes`, `Yes,''` reads
/// `Yes," `. A pair opens where it follows a space, the start of the text
/// or an opening bracket or dash and a word follows it; elsewhere it closes.
/// Three apostrophes are a pair and a single quotation mark inside it:
/// `'''Old` opens both, `old,'''` closes both. Longer runs are left alone.
fn doubled_marks_view(text: &str) -> Cow<'_, str> {
    if !text.contains("''") && !text.contains("``") {
        return Cow::Borrowed(text);
    }
    let bytes = text.as_bytes();
    let mut view = bytes.to_vec();
    let mut i = 0;
    while i + 1 < bytes.len() {
        let mark = bytes[i];
        let run = if matches!(mark, b'\'' | b'`') { bytes[i..].iter().take_while(|&&b| b == mark).count() } else { 0 };
        let starts_run = i.checked_sub(1).is_none_or(|p| bytes[p] != mark);
        if !(starts_run && (run == 2 || run == 3 && mark == b'\'')) {
            i += run.max(1);
            continue;
        }
        let before = text[..i].chars().next_back();
        let after = text[i + run..].chars().next();
        let opens = mark == b'`'
            || before.is_none_or(|c| c.is_whitespace() || "([{—–-".contains(c)) && after.is_some_and(|c| !c.is_whitespace());
        // The pair is the outer mark: first when opening, last when closing.
        let pair = if opens { i } else { i + run - 2 };
        view[pair..pair + 2].copy_from_slice(if opens { b" \"" } else { b"\" " });
        i += run;
    }
    // Only ASCII bytes were replaced by ASCII bytes.
    Cow::Owned(String::from_utf8(view).unwrap_or_else(|_| text.to_string()))
}

/// What a quotation mark can be, judged by its neighbours.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    /// ‘ or ' before a word, after a space, an opening bracket or a dash.
    SingleOpen,
    /// ’ or ' after a word or punctuation, before a space, punctuation or
    /// the end of the paragraph.
    SingleClose,
    /// A closing single mark after "s" and before a lower-case word: the end
    /// of a quotation, or a plural possessive ("the workers’ union").
    SingleCloseOrPossessive,
    DoubleOpen,
    DoubleClose,
    /// A straight double mark, which opens or closes by what is open.
    DoubleStraight,
}

impl Role {
    fn is_double(self) -> bool {
        matches!(self, Role::DoubleOpen | Role::DoubleClose | Role::DoubleStraight)
    }
}

/// A quotation mark at a byte offset of the text.
#[derive(Clone, Copy, Debug)]
struct Mark {
    at: usize,
    role: Role,
}

/// A quotation: where its opening mark is, where it ends (its closing
/// mark, or the end of the paragraph where it is left open), and whether
/// it has a closing mark.
#[derive(Clone, Copy, Debug)]
struct Pair {
    open: usize,
    end: usize,
    closed: bool,
}

impl Pair {
    fn inside(&self, other: &Pair) -> bool {
        other.open < self.open && self.end <= other.end
    }
}

/// Words after an apostrophe that stands for left-out letters ("’em",
/// "’tis", "rock ’n’ roll"), or for the start of a word in text split into
/// treebank tokens ("we 'll", "Russia 's").
const ELIDED_WORDS: &[&str] = &["em", "tis", "twas", "til", "cause", "n", "s", "t", "d", "m", "ll", "re", "ve"];

/// Where single marks are the document's quotation marks, the text with
/// each single-mark quotation's marks read as double marks and the double
/// marks inside it as single marks; else `None`. Single marks are its
/// quotation marks where at least two of its outermost single-mark pairs read
/// as speech and they outnumber its outermost double-mark pairs, so that a US
/// text keeps its double marks with a quotation in single marks inside one,
/// or titles in single marks.
fn single_marks_view(text: &str, seg: &Segmentation) -> Option<String> {
    // Two quotations that read as speech take two opening marks. Most texts
    // have none (their apostrophes are inside words): a look at each ‘ and '
    // turns them away before their paragraphs are read.
    let single_marks = memchr::memchr2_iter(b'\'', "‘".as_bytes()[0], text.as_bytes()).filter_map(|i| {
        let mark = ["\'", "‘"].into_iter().find(|mark| text[i..].starts_with(mark))?;
        Some((i, mark))
    });
    let openers = single_marks.filter(|&(i, mark)| single_role(&text[..i], mark, &text[i + mark.len()..]) == Some(Role::SingleOpen));
    if openers.take(2).count() < 2 {
        return None;
    }
    let marks: Vec<Vec<Mark>> = seg.paragraphs.iter().map(|p| paragraph_marks(text, p.span)).collect();
    let mut outer_singles: Vec<(Pair, usize)> = Vec::new(); // (pair, paragraph)
    let mut outer_doubles = 0;
    for (p, paragraph) in seg.paragraphs.iter().enumerate() {
        // A quotation over several paragraphs opens each of them and
        // closes only in the last.
        let reopened = marks.get(p + 1).and_then(|m| m.first()).is_some_and(|m| m.role == Role::SingleOpen && m.at == seg.paragraphs[p + 1].span.start);
        let singles = single_pairs(&marks[p], paragraph.span, reopened);
        let doubles = double_pairs(&marks[p], paragraph.span);
        outer_doubles += doubles.iter().filter(|d| !singles.iter().any(|s| d.inside(s))).count();
        outer_singles.extend(singles.into_iter().filter(|s| !doubles.iter().any(|d| s.inside(d))).map(|s| (s, p)));
    }
    // Titles and scare quotes in single marks ("‘Missing’ voters", a
    // headline's ‘Half-Life’) are common in US text too: only what reads as
    // speech votes for single marks, and it takes two such quotations.
    let speech = outer_singles.iter().filter(|(pair, _)| reads_as_speech(pair_content(text, pair))).count();
    if speech < 2 || speech <= outer_doubles {
        return None;
    }
    let mut view = text.to_string();
    for (pair, p) in outer_singles {
        swap_mark(&mut view, pair.open);
        if pair.closed {
            swap_mark(&mut view, pair.end);
        }
        for inner in marks[p].iter().filter(|m| m.role.is_double() && pair.open < m.at && m.at < pair.end) {
            swap_mark(&mut view, inner.at);
        }
    }
    Some(view)
}

/// The words between a pair's marks.
fn pair_content<'t>(text: &'t str, pair: &Pair) -> &'t str {
    let open_len = text[pair.open..].chars().next().map_or(0, char::len_utf8);
    &text[(pair.open + open_len).min(pair.end)..pair.end]
}

/// Whether the content of a quotation reads as something said rather than a
/// name, a title or a scare-quoted word: four words or more, one of them a
/// lower-case word of four letters or more ("We will not stand by", not
/// "Missing" or "The Medium is the Message").
fn reads_as_speech(content: &str) -> bool {
    let words = || content.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()));
    words().filter(|w| !w.is_empty()).count() >= 4 && words().any(|w| w.chars().count() >= 4 && w.starts_with(char::is_lowercase))
}

/// The quotation marks of a paragraph, single marks by [`single_role`] (an
/// apostrophe is none).
fn paragraph_marks(text: &str, paragraph: Span) -> Vec<Mark> {
    let body = paragraph.of(text);
    let mut marks = Vec::new();
    for (i, mark) in body.match_indices(['‘', '’', '\'', '“', '”', '„', '«', '»', '"']) {
        let role = match mark {
            "“" | "„" | "«" => Some(Role::DoubleOpen),
            "”" | "»" => Some(Role::DoubleClose),
            "\"" => Some(Role::DoubleStraight),
            _ => single_role(&body[..i], mark, &body[i + mark.len()..]),
        };
        if let Some(role) = role {
            marks.push(Mark { at: paragraph.start + i, role });
        }
    }
    marks
}

/// What a single mark (`mark`: ‘, ’ or ') between `before` and `after` in its
/// paragraph can be; `None` for an apostrophe: inside a word ("don’t",
/// "O'Neill"), before a decade or a word it shortens ("’90s", "’em", "rock
/// ’n’ roll"), or anywhere a quotation mark cannot be.
fn single_role(before: &str, mark: &str, after: &str) -> Option<Role> {
    let mut back = before.chars().rev();
    let (prev, prev2) = (back.next(), back.next());
    let next = after.chars().next();
    let opens = mark != "’"
        && prev.is_none_or(|p| p.is_whitespace() || "([{—–-“\"".contains(p))
        && next.is_some_and(|n| n.is_alphanumeric() || n == '“' || n == '"')
        && !elided(after);
    if opens {
        return Some(Role::SingleOpen);
    }
    let closes = mark != "‘"
        && prev.is_some_and(|p| p.is_alphanumeric() || ".,;:!?…%)]”\"—–-".contains(p))
        && next.is_none_or(|n| n.is_whitespace() || ".,;:!?…)]}”\"—–-".contains(n))
        // The second mark of "rock ’n’ roll".
        && !(prev == Some('n') && prev2.is_some_and(|p| "’‘'".contains(p)));
    if !closes {
        return None;
    }
    let possessive = prev == Some('s') && next.is_some_and(char::is_whitespace) && after.trim_start().starts_with(char::is_lowercase);
    Some(if possessive { Role::SingleCloseOrPossessive } else { Role::SingleClose })
}

/// Whether an apostrophe before `after` stands for left-out digits or
/// letters: a decade or year ("’90s", "class of '68."), or one of
/// [`ELIDED_WORDS`].
fn elided(after: &str) -> bool {
    let word = after.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    let rest = &after[word.len()..];
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    let year = digits == 2 && (word.len() == 2 && !rest.starts_with(char::is_whitespace) || &word[2..] == "s");
    year || ELIDED_WORDS.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// The single-mark quotations of a paragraph, given its marks. An opening
/// mark pairs with the next closing one; an opening mark before it is
/// dropped (an apostrophe, or a quotation whose closing mark is missing).
/// A mark that may be a plural possessive closes the quotation only when no
/// plain closing mark follows before the next opening one ("‘The workers’
/// union is angry,’ …"). An opening mark left open counts only in a
/// paragraph whose next paragraph opens with a single mark (`reopened`), the
/// convention of a quotation over paragraphs.
fn single_pairs(marks: &[Mark], paragraph: Span, reopened: bool) -> Vec<Pair> {
    let singles: Vec<Mark> = marks.iter().copied().filter(|m| !m.role.is_double()).collect();
    let mut pairs = Vec::new();
    let mut open: Option<usize> = None;
    for (k, m) in singles.iter().enumerate() {
        let closes = match m.role {
            Role::SingleOpen => {
                open = Some(m.at);
                false
            }
            Role::SingleCloseOrPossessive => !singles[k + 1..]
                .iter()
                .take_while(|later| later.role != Role::SingleOpen)
                .any(|later| later.role == Role::SingleClose),
            _ => true,
        };
        if let Some(start) = open.filter(|_| closes) {
            pairs.push(Pair { open: start, end: m.at, closed: true });
            open = None;
        }
    }
    if let Some(start) = open.filter(|_| reopened) {
        pairs.push(Pair { open: start, end: paragraph.end, closed: false });
    }
    pairs
}

/// The double-mark quotations of a paragraph, given its marks, as
/// `quote_segments` pairs them in outline: an opening mark pairs with the
/// next closing one, a straight mark closes what is open or else opens, and
/// a quotation left open runs to the end of the paragraph.
fn double_pairs(marks: &[Mark], paragraph: Span) -> Vec<Pair> {
    let mut pairs = Vec::new();
    let mut open: Option<usize> = None;
    for m in marks {
        match (m.role, open) {
            (Role::DoubleOpen, None) | (Role::DoubleStraight, None) => open = Some(m.at),
            (Role::DoubleClose, Some(start)) | (Role::DoubleStraight, Some(start)) => {
                pairs.push(Pair { open: start, end: m.at, closed: true });
                open = None;
            }
            _ => {}
        }
    }
    if let Some(start) = open {
        pairs.push(Pair { open: start, end: paragraph.end, closed: false });
    }
    pairs
}

/// Replaces the mark at `at` with the mark of the other kind, which has the
/// same length in bytes: ‘ and “, ’ and ”, ' and ".
fn swap_mark(view: &mut String, at: usize) {
    let Some(mark) = view[at..].chars().next() else { return };
    let swapped = match mark {
        '‘' => '“',
        '’' => '”',
        '\'' => '"',
        '“' => '‘',
        '”' => '’',
        '"' => '\'',
        _ => return, // « » „ have no single counterpart of their length
    };
    view.replace_range(at..at + mark.len_utf8(), swapped.encode_utf8(&mut [0; 4]));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    fn view(text: &str) -> String {
        marks_view(text, &segment(text)).into_owned()
    }

    #[test]
    fn british_single_marks_read_as_double_marks() {
        let text = "‘We will not give up the harbour,’ the mayor said. ‘Nobody here wants that.’\n\n\
                    She said the council would ‘fight for every job’ in the town.";
        let read = view(text);
        assert_eq!(read.len(), text.len());
        assert!(read.starts_with("“We will not give up the harbour,” the mayor said. “Nobody here wants that.”"), "{read}");
        assert!(read.contains("would “fight for every job” in"), "{read}");
    }

    #[test]
    fn straight_single_marks_and_a_double_mark_inside() {
        let text = "'They call it a \"wildcat\" strike,' she said. 'It is nothing of the kind.'";
        assert_eq!(view(text), "\"They call it a 'wildcat' strike,\" she said. \"It is nothing of the kind.\"");
    }

    #[test]
    fn apostrophes_are_not_quotation_marks() {
        let text = "‘The workers’ union won’t accept it,’ he said. ‘Not in the ’90s and not now, rock ’n’ roll or not.’";
        let read = view(text);
        assert!(read.starts_with("“The workers’ union won’t accept it,” he said."), "{read}");
        assert!(read.ends_with("“Not in the ’90s and not now, rock ’n’ roll or not.”"), "{read}");
    }

    #[test]
    fn a_quotation_over_paragraphs_opens_each_one() {
        let text = "She said: ‘Our members voted for the strike twice and they meant it.\n\n\
                    ‘If the minister wants to talk, he knows where we are.’ Then she left.";
        let read = view(text);
        assert!(read.starts_with("She said: “Our members"), "{read}");
        assert!(read.contains("“If the minister wants to talk, he knows where we are.” Then"), "{read}");
    }

    #[test]
    fn us_text_keeps_its_double_marks() {
        // Titles and a scare quote in single marks, a quotation in double marks.
        let text = "‘Missing’ Voters Could Decide the Race\n\n\
                    The studio called ‘Half Life: Alyx’ “a game we are proud of,” and critics praised ‘Echoes’.";
        assert_eq!(view(text), text);
        // A quotation nested in a US quotation stays single.
        let nested = "“He told me, ‘We will win this one easily,’ and then he left,” she said. “I believed him.”";
        assert_eq!(view(nested), nested);
    }

    #[test]
    fn one_single_mark_quotation_is_not_enough() {
        let text = "The union said the offer ‘does not go far enough for our members’ and left the talks.";
        assert_eq!(view(text), text);
    }

    #[test]
    fn doubled_apostrophes_read_as_straight_double_marks() {
        let text = "''This is a start,'' he said. ``We will see,'' she replied.";
        assert_eq!(view(text), " \"This is a start,\"  he said.  \"We will see,\"  she replied.");
    }
}
