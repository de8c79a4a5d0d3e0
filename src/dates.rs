//! Dates in news text, resolved against the article's own date.
//!
//! An event needs a *when*, and news rarely writes it as a calendar date:
//! a strike happened "on Tuesday", a truce ran "from 29 February to 2 March",
//! shelling has gone on "since last year", talks resume "in early November".
//! Date crates parse timestamps and fixed formats; none reads this phrasing,
//! where most dates carry no year, many carry no number at all, and "May",
//! "March" or "2000" are often not dates. [`find_dates`] finds such
//! expressions and resolves each to a calendar date at the precision the text
//! supports ([`Precision`]), using the article's date (the *reference*) where
//! the text leaves something out.
//!
//! What it resolves:
//!
//! - full dates: `29 February 2024`, `February 29, 2024`, `the 7th of October
//!   2023`, `2023-10-07`; months and years: `October 2023`, `late October
//!   2023`, `mid-2023`, `in 2019`;
//! - dates missing their year or month: `Feb. 29`, `on 7 October`, `in
//!   March`, `the 7th`. They go to the occurrence nearest the reference,
//!   leaning to the past because news mostly reports what already happened:
//!   a future occurrence wins only when it is under half as far away as the
//!   past one and at most six months ahead;
//! - words relative to the reference: `today`, `yesterday`, `tomorrow`, `on
//!   Tuesday` (the latest Tuesday up to the reference; `next Tuesday` looks
//!   ahead), `last week`, `earlier this month`, `next year`, `in February last
//!   year`, `15 April last year`, `three weeks ago`, `the day before
//!   yesterday`. Weeks resolve to the month they fall in: a week is no
//!   precision of ours;
//! - ranges: `between 1 and 3 March`, `29 February–2 March`, `1-3 March
//!   2024`, `from 2019 to 2021`, `1 October 2023 – 31 January 2024`;
//! - anchors ([`Anchor`]): `since`, `until`, `before`, `after`, `prior to`,
//!   `ahead of`; `by early November` dates the event itself.
//!
//! Left out on purpose: decades (`the 1990s`), dates relative to other events
//! (`the previous day`, `two days later`), times of day, seasons, and tense
//! (`on Tuesday` is always the past Tuesday). Without a reference date,
//! expressions that need one are skipped rather than guessed.
//!
//! ```
//! use dyad::dates::find_dates;
//!
//! let text = "The ceasefire took effect on 19 January and held until early March.";
//! let found = find_dates(text, Some(jiff::civil::date(2024, 2, 28)));
//! let iso: Vec<String> = found.iter().map(|m| m.date.to_iso()).collect();
//! assert_eq!(iso, ["2024-01-19", "2024-03"]);
//! assert_eq!(&text[found[1].start..found[1].end], "until early March");
//! ```

use std::fmt;

use jiff::civil::{Date, Weekday};

/// How precisely the text fixes a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Precision {
    Day,
    Month,
    Year,
}

/// A resolved calendar date at the precision the text supports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct EventDate {
    /// The day; the first day of the month or year when the precision is coarser.
    pub date: Date,
    pub precision: Precision,
}

impl EventDate {
    fn new(date: Date, precision: Precision) -> EventDate {
        let date = match precision {
            Precision::Day => date,
            Precision::Month => date.first_of_month(),
            Precision::Year => date.first_of_year(),
        };
        EventDate { date, precision }
    }

    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, as far as the precision goes.
    pub fn to_iso(&self) -> String {
        let d = self.date;
        match self.precision {
            Precision::Day => format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
            Precision::Month => format!("{:04}-{:02}", d.year(), d.month()),
            Precision::Year => format!("{:04}", d.year()),
        }
    }
}

impl fmt::Display for EventDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_iso())
    }
}

/// How the expression relates an event to the date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Anchor {
    /// On the date; also `by` and `as of`: "by early November" dates the
    /// event to November.
    At,
    /// `since 2021`: from the date on.
    Since,
    /// `until March`: up to the date.
    Until,
    /// `before 7 October`, `prior to`, `ahead of`.
    Before,
    /// `after 7 October`.
    After,
}

/// One date expression found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateMention {
    /// Byte offset where the expression starts, its anchor word (`since`,
    /// `by`, `from`) included; a neutral `on` or `in` is not part of it.
    pub start: usize,
    /// Byte offset where the expression ends.
    pub end: usize,
    /// The date; for a range, its start.
    pub date: EventDate,
    /// The end of a range (`From 29 February to 2 March`).
    pub until: Option<EventDate>,
    pub anchor: Anchor,
    /// The resolution needed the reference date (`last week`, `on Tuesday`,
    /// `in February`, `this year`).
    pub relative: bool,
}

/// Finds the date expressions of `text`, in text order and not overlapping,
/// resolved against `reference`, the article's date. With no reference,
/// expressions that need one are left out.
pub fn find_dates(text: &str, reference: Option<Date>) -> Vec<DateMention> {
    let parser = Parser {
        toks: tokenize(text),
    };
    let mut found = Vec::new();
    let mut i = 0;
    while i < parser.toks.len() {
        match parser.mention(i) {
            Some(m) => {
                found.extend(parser.resolve(&m, reference));
                // An expression that does not resolve still is one: its pieces
                // must not be read again as smaller dates.
                i = m.end.max(i + 1);
            }
            None => i += 1,
        }
    }
    found
}

#[rustfmt::skip]
const MONTHS: [&str; 12] = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
];

/// No "may": its abbreviation is the full name.
#[rustfmt::skip]
const MONTH_ABBREVIATIONS: [(&str, i8); 12] = [
    ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("jun", 6), ("jul", 7), ("aug", 8),
    ("sep", 9), ("sept", 9), ("oct", 10), ("nov", 11), ("dec", 12),
];

/// Days a month can have in some year, so that a yearless `29 February` stands.
const MONTH_DAYS: [i8; 12] = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

#[rustfmt::skip]
const WEEKDAYS: [(&str, Weekday); 7] = [
    ("monday", Weekday::Monday), ("tuesday", Weekday::Tuesday),
    ("wednesday", Weekday::Wednesday), ("thursday", Weekday::Thursday),
    ("friday", Weekday::Friday), ("saturday", Weekday::Saturday), ("sunday", Weekday::Sunday),
];

/// Words before a date that make a bare month or year read as one and mean
/// "at that time" (`in May`, `since 2021`, `early March`). Only these license
/// "May" and "March", which are more often a verb or a name.
#[rustfmt::skip]
const STRONG_CONTEXT: &[&str] = &[
    "in", "since", "until", "till", "by", "during", "early", "mid", "late", "earlier", "later",
    "last", "next", "this", "end", "beginning", "start", "middle",
];

/// Weaker cues: enough for a year or an unambiguous month (`of 2016`, `after
/// October`), not for "May" (`after May resigned`). "and" and "or" count
/// only after a year (`in 2018 and 2019`), "to" not after `up` or `close`.
const WEAK_CONTEXT: &[&str] = &[
    "of",
    "from",
    "before",
    "after",
    "through",
    "throughout",
    "year",
];

/// Words before "of" that make the number after it a quantity (`a force of 2000`).
#[rustfmt::skip]
const QUANTITIES: &[&str] = &[
    "total", "number", "force", "sum", "group", "contingent", "crowd", "army", "maximum",
    "minimum", "average", "toll", "figure", "estimate", "loss", "deficit", "budget",
];

/// Capitalised words that may stand before "May" or "March" without making
/// them a name (`Theresa May`, `Long March`): sentence-initial function words.
#[rustfmt::skip]
const FUNCTION_WORDS: &[&str] = &[
    "in", "since", "until", "till", "by", "during", "early", "mid", "late", "earlier", "later",
    "last", "next", "this", "end", "beginning", "start", "middle", "of", "from", "before",
    "after", "through", "throughout", "to", "and", "between", "on", "at", "the", "a", "as",
    "for", "but", "or", "when", "with", "then", "that",
];

/// Nouns a number counts; a year is never followed by one (`2000 troops`).
#[rustfmt::skip]
const COUNTED: &[&str] = &[
    "people", "persons", "troops", "soldiers", "civilians", "children", "women", "men", "votes",
    "voters", "dollars", "euros", "pounds", "tonnes", "tons", "metres", "meters", "kilometres",
    "kilometers", "km", "miles", "units", "homes", "houses", "buildings", "families", "refugees",
    "migrants", "prisoners", "detainees", "hostages", "fighters", "police", "officers",
    "workers", "students", "casualties", "deaths", "dead", "cases", "percent", "per", "points",
    "barrels", "rockets", "missiles", "drones", "shells", "times", "members", "seats",
    "delegates", "residents", "protesters", "demonstrators", "militants", "jobs",
];

/// Words that make a date the name of something (`the March 8 movement`,
/// `6 April Youth Movement`, `26 July Street`) rather than a time.
#[rustfmt::skip]
const NAMED_AFTER: &[&str] = &[
    "movement", "alliance", "coalition", "bloc", "camp", "front", "group", "party", "forces",
    "youth", "revolution", "uprising", "brigade", "brigades", "martyrs", "street", "road",
    "bridge", "square", "stadium", "city", "avenue", "university", "school", "hospital",
    "district", "neighbourhood",
];

/// Words that make a weekday part of a name (`Super Tuesday`, `Good Friday`).
#[rustfmt::skip]
const WEEKDAY_NAMERS: &[&str] = &[
    "black", "super", "good", "bloody", "ash", "holy", "easter", "palm", "maundy", "cyber",
    "shrove", "fat", "blue", "great",
];

/// Capitalised words after a weekday that make it a title (`Sunday Times`).
#[rustfmt::skip]
const TITLES: &[&str] = &[
    "times", "telegraph", "express", "mirror", "post", "herald", "independent", "mail", "world",
    "people", "tribune", "star", "sport",
];

const PARTS_OF_DAY: &[&str] = &["morning", "afternoon", "evening", "night"];

/// Counts in `two days ago`.
#[rustfmt::skip]
const NUMBER_WORDS: [(&str, i32); 14] = [
    ("a", 1), ("an", 1), ("one", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5),
    ("six", 6), ("seven", 7), ("eight", 8), ("nine", 9), ("ten", 10), ("eleven", 11),
    ("twelve", 12),
];

/// What a run of text is, for the rules: letters, ASCII digits, an ordinal
/// like `7th`, anything else alphanumeric (`G20`, `1990s`), or one mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Word,
    Num,
    Ord(i8),
    Other,
    Punct(char),
}

#[derive(Debug, Clone, Copy)]
struct Tok<'a> {
    kind: Kind,
    text: &'a str,
    start: usize,
    end: usize,
    /// Whitespace (or the start of the text) comes before it: `F-16` and
    /// `30,000` are one thing, `7 October, 2023` is three.
    gap: bool,
}

fn tokenize(text: &str) -> Vec<Tok<'_>> {
    let mut toks = Vec::new();
    let mut gap = true;
    let mut run: Option<usize> = None;
    for (at, c) in text.char_indices() {
        if c.is_alphanumeric() {
            run.get_or_insert(at);
            continue;
        }
        if let Some(from) = run.take() {
            toks.extend(token(text, from, at, gap));
            gap = false;
        }
        if c.is_whitespace() {
            gap = true;
        } else {
            toks.extend(token(text, at, at + c.len_utf8(), gap));
            gap = false;
        }
    }
    if let Some(from) = run {
        toks.extend(token(text, from, text.len(), gap));
    }
    toks
}

fn token(text: &str, start: usize, end: usize, gap: bool) -> Option<Tok<'_>> {
    let s = text.get(start..end)?;
    let mut chars = s.chars();
    let kind = match (chars.next(), chars.next()) {
        (Some(c), None) if !c.is_alphanumeric() => Kind::Punct(c),
        _ => classify(s),
    };
    Some(Tok {
        kind,
        text: s,
        start,
        end,
        gap,
    })
}

fn classify(s: &str) -> Kind {
    if s.bytes().all(|b| b.is_ascii_digit()) {
        return Kind::Num;
    }
    if s.chars().all(char::is_alphabetic) {
        return Kind::Word;
    }
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    let suffix = s.get(digits..).unwrap_or("");
    if (1..=2).contains(&digits)
        && ["st", "nd", "rd", "th"]
            .iter()
            .any(|x| x.eq_ignore_ascii_case(suffix))
        && let Some(n) = s.get(..digits).and_then(|n| n.parse::<i8>().ok())
        && (1..=31).contains(&n)
    {
        return Kind::Ord(n);
    }
    Kind::Other
}

/// How strongly the word before a bare month or year makes it a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Ctx {
    None,
    Weak,
    Strong,
}

fn context_of(word: &str) -> Ctx {
    if STRONG_CONTEXT.iter().any(|w| w.eq_ignore_ascii_case(word)) {
        Ctx::Strong
    } else if WEAK_CONTEXT.iter().any(|w| w.eq_ignore_ascii_case(word)) {
        Ctx::Weak
    } else {
        Ctx::None
    }
}

/// Which occurrence a weekday or month name means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Which {
    /// The latest up to the reference, the reference included (`on Tuesday`,
    /// `this March`).
    Past,
    /// Strictly before (`last Tuesday`).
    Last,
    /// Strictly after (`next Tuesday`).
    Next,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Day,
    Week,
    Month,
    Year,
}

/// A date as the text gives it, before resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Point {
    /// What the text spells out; what it leaves out comes from the reference.
    Cal {
        year: Option<i16>,
        month: Option<i8>,
        day: Option<i8>,
    },
    /// A bare day opening a range (`between 1 and ...`): its month comes from the end.
    DayOnly(i8),
    Weekday {
        day: Weekday,
        which: Which,
        precision: Precision,
    },
    /// `n` units from the reference.
    Shift {
        unit: Unit,
        n: i32,
        precision: Precision,
    },
    /// A year counted from the reference's, maybe with a month and day
    /// (`February last year`, `15 April last year`).
    InYear {
        offset: i32,
        month: Option<i8>,
        day: Option<i8>,
    },
    /// `last March`, `next October`.
    MonthWhich { month: i8, which: Which },
}

fn cal(year: Option<i16>, month: Option<i8>, day: Option<i8>) -> Point {
    Point::Cal { year, month, day }
}

fn shift(unit: Unit, n: i32, precision: Precision) -> Point {
    Point::Shift { unit, n, precision }
}

/// A parsed expression core: where it ends (token index) and its date or range.
#[derive(Debug, Clone, Copy)]
struct Core {
    end: usize,
    a: Point,
    b: Option<Point>,
}

impl Core {
    fn one(end: usize, a: Point) -> Option<Core> {
        Some(Core { end, a, b: None })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Prefix {
    Since,
    Until,
    By,
    Before,
    After,
    From,
    Between,
    AsOf,
}

/// A found expression, in tokens, not yet resolved.
#[derive(Debug, Clone, Copy)]
struct Found {
    start: usize,
    end: usize,
    a: Point,
    b: Option<Point>,
    anchor: Anchor,
}

#[derive(Debug, Clone, Copy)]
struct MonthTok {
    month: i8,
    next: usize,
    abbreviated: bool,
    /// "May" or "March", which are more often not months.
    ambiguous: bool,
}

struct Parser<'a> {
    toks: Vec<Tok<'a>>,
}

impl<'a> Parser<'a> {
    fn tok(&self, i: usize) -> Option<&Tok<'a>> {
        self.toks.get(i)
    }

    fn word(&self, i: usize) -> Option<&'a str> {
        self.tok(i).filter(|t| t.kind == Kind::Word).map(|t| t.text)
    }

    fn is(&self, i: usize, w: &str) -> bool {
        self.word(i).is_some_and(|t| t.eq_ignore_ascii_case(w))
    }

    fn is_any(&self, i: usize, ws: &[&str]) -> bool {
        self.word(i)
            .is_some_and(|t| ws.iter().any(|w| t.eq_ignore_ascii_case(w)))
    }

    fn lower(&self, i: usize) -> Option<String> {
        self.word(i).map(str::to_ascii_lowercase)
    }

    fn punct(&self, i: usize) -> Option<char> {
        match self.tok(i)?.kind {
            Kind::Punct(c) => Some(c),
            _ => None,
        }
    }

    fn is_dash(&self, i: usize) -> bool {
        matches!(self.punct(i), Some('-' | '‐' | '–'))
    }

    /// Token `i` touches the token before it.
    fn attached(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| !t.gap)
    }

    fn is_num(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.kind == Kind::Num)
    }

    fn capitalized(&self, i: usize) -> bool {
        self.word(i)
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_uppercase)
    }

    /// The context the word before token `i` gives it.
    fn context_before(&self, i: usize) -> Ctx {
        let Some(p) = i.checked_sub(1) else {
            return Ctx::None;
        };
        if self.is_any(p, &["and", "or"]) {
            let after_year = p > 0 && self.year_at(p - 1).is_some();
            return if after_year { Ctx::Weak } else { Ctx::None };
        }
        if self.is(p, "to") {
            let amount = p > 0 && self.is_any(p - 1, &["up", "close", "nearly", "almost"]);
            return if amount { Ctx::None } else { Ctx::Weak };
        }
        if self.is(p, "of") && p > 0 && self.is_any(p - 1, QUANTITIES) {
            return Ctx::None;
        }
        if let Some(w) = self.word(p) {
            return context_of(w);
        }
        let hyphenated = self.is_dash(p) && self.attached(i) && self.attached(p) && p > 0;
        if hyphenated && self.is_any(p - 1, &["mid", "early", "late", "end"]) {
            return Ctx::Strong;
        }
        Ctx::None
    }

    /// A word a hyphen may join to a number in a date (`mid-2023`,
    /// `February–2 March`), unlike `COVID-19` or `F-16`.
    fn date_word(&self, i: usize) -> bool {
        let month = |w: &str| {
            MONTHS.iter().any(|m| m.eq_ignore_ascii_case(w))
                || MONTH_ABBREVIATIONS
                    .iter()
                    .any(|(a, _)| a.eq_ignore_ascii_case(w))
        };
        self.is_any(i, &["mid", "early", "late", "end", "start"]) || self.word(i).is_some_and(month)
    }

    /// A run of digits that is a number on its own, not a piece of `30,000`,
    /// `10:30`, `1.5`, `F-16`, `$2000` or `2%`.
    fn plain_number(&self, i: usize) -> bool {
        if !self.is_num(i) {
            return false;
        }
        if self.attached(i) && i > 0 {
            let glued = i >= 2 && self.attached(i - 1);
            let after_num = glued && self.is_num(i - 2);
            let after_word = glued
                && self
                    .tok(i - 2)
                    .is_some_and(|t| !matches!(t.kind, Kind::Num | Kind::Punct(_)));
            match self.punct(i - 1) {
                Some(',' | '.' | ':' | '/') if after_num => return false,
                Some('$' | '£' | '€' | '¥' | '#' | '№' | '+' | '−' | '@') => return false,
                Some('-' | '‐' | '–') if after_word && !self.date_word(i - 2) => return false,
                _ => {}
            }
        }
        if self.attached(i + 1) {
            let before_num = self.attached(i + 2) && self.is_num(i + 2);
            match self.punct(i + 1) {
                Some(',' | '.' | ':' | '/') if before_num => return false,
                Some('%') => return false,
                _ => {}
            }
        }
        true
    }

    fn day_at(&self, i: usize) -> Option<(i8, usize)> {
        let t = self.tok(i)?;
        let day = match t.kind {
            Kind::Num if t.text.len() <= 2 && self.plain_number(i) => t.text.parse().ok()?,
            Kind::Ord(n) => n,
            _ => return None,
        };
        (1..=31).contains(&day).then_some((day, i + 1))
    }

    /// A four-digit year, 1900 to 2100, that is no count (`2000 troops`) nor
    /// a decade (`1990's`).
    fn year_at(&self, i: usize) -> Option<(i16, usize)> {
        let t = self.tok(i)?;
        if t.text.len() != 4 || !self.plain_number(i) {
            return None;
        }
        let year: i16 = t.text.parse().ok()?;
        if !(1900..=2100).contains(&year) || self.is_any(i + 1, COUNTED) {
            return None;
        }
        let apostrophe = self.attached(i + 1) && matches!(self.punct(i + 1), Some('\'' | '’'));
        if year % 10 == 0 && apostrophe {
            return None;
        }
        Some((year, i + 1))
    }

    fn month_at(&self, i: usize) -> Option<MonthTok> {
        let w = self.word(i)?;
        // Month names are proper nouns; "may", "march" and "august" in lower
        // case are other words.
        if !self.capitalized(i) {
            return None;
        }
        let (month, abbreviated) = match MONTHS.iter().position(|m| m.eq_ignore_ascii_case(w)) {
            Some(m) => (i8::try_from(m).ok()? + 1, false),
            None => {
                let found = MONTH_ABBREVIATIONS
                    .iter()
                    .find(|(a, _)| a.eq_ignore_ascii_case(w));
                (found?.1, true)
            }
        };
        let mut next = i + 1;
        if abbreviated && self.punct(next) == Some('.') && self.attached(next) {
            next += 1;
        }
        let ambiguous = !abbreviated && (month == 3 || month == 5);
        if ambiguous && i > 0 && self.names_before(i - 1) {
            return None;
        }
        Some(MonthTok {
            month,
            next,
            abbreviated,
            ambiguous,
        })
    }

    /// Token `p` makes a following "May" or "March" part of a name: `Theresa
    /// May`, `Long March`, `Women's March`.
    fn names_before(&self, p: usize) -> bool {
        let function_word = self.is_any(p, FUNCTION_WORDS) || self.weekday_name(p).is_some();
        if self.capitalized(p) && !function_word {
            return true;
        }
        self.is(p, "s") && p > 0 && matches!(self.punct(p - 1), Some('\'' | '’'))
    }

    fn weekday_name(&self, i: usize) -> Option<Weekday> {
        let w = self.word(i)?;
        WEEKDAYS
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(w))
            .map(|&(_, d)| d)
    }

    /// An anchor word at `i`: what it is, where the date starts, the context it gives.
    fn prefix(&self, i: usize) -> Option<(Prefix, usize, Ctx)> {
        let one = |p, ctx| Some((p, i + 1, ctx));
        let two = |p, second| {
            if self.is(i + 1, second) {
                Some((p, i + 2, Ctx::Weak))
            } else {
                None
            }
        };
        match self.lower(i)?.as_str() {
            "since" => one(Prefix::Since, Ctx::Strong),
            "until" | "till" => one(Prefix::Until, Ctx::Strong),
            "by" => one(Prefix::By, Ctx::Strong),
            "before" => one(Prefix::Before, Ctx::Weak),
            "after" => one(Prefix::After, Ctx::Weak),
            // Strong: "from March to May" is common, "a letter from May" rare.
            "from" => one(Prefix::From, Ctx::Strong),
            "between" => one(Prefix::Between, Ctx::Strong),
            "prior" => two(Prefix::Before, "to"),
            "ahead" => two(Prefix::Before, "of"),
            "as" => two(Prefix::AsOf, "of"),
            _ => None,
        }
    }

    /// The expression starting at token `i`, if any.
    fn mention(&self, i: usize) -> Option<Found> {
        let (prefix, j, ctx) = match self.prefix(i) {
            Some((p, j, ctx)) => (Some(p), j, ctx),
            None => (None, i, self.context_before(i)),
        };
        let opens_range = matches!(prefix, Some(Prefix::From | Prefix::Between));
        let core = self.core(j, ctx, opens_range).or_else(|| {
            // "since the 7 October attack", "ahead of the 9 June elections"
            let dated = prefix.is_some() && self.is(j, "the");
            let day = || {
                self.day_first(j + 1)
                    .or_else(|| self.month_first(j + 1, Ctx::None))
            };
            dated.then(day).flatten()
        })?;
        let (mut end, mut a, mut b) = (core.end, core.a, core.b);
        let connects = self.is_dash(end)
            || self.is_any(end, &["to", "through"])
            || (prefix == Some(Prefix::From) && self.is_any(end, &["until", "till"]))
            || (prefix == Some(Prefix::Between) && self.is(end, "and"));
        if b.is_none()
            && connects
            && let Some(c) = self
                .core(end + 1, Ctx::Strong, false)
                .filter(|c| c.b.is_none())
        {
            b = Some(c.a);
            end = c.end;
        }
        if let Point::DayOnly(d) = a {
            match b {
                Some(Point::Cal {
                    year,
                    month: Some(month),
                    day: Some(e),
                }) if d < e => {
                    a = cal(year, Some(month), Some(d));
                }
                _ => return None,
            }
        }
        let mut anchor = match prefix {
            Some(Prefix::Since) => Anchor::Since,
            Some(Prefix::Until) => Anchor::Until,
            Some(Prefix::Before) => Anchor::Before,
            Some(Prefix::After) => Anchor::After,
            Some(Prefix::By | Prefix::From | Prefix::Between | Prefix::AsOf) | None => Anchor::At,
        };
        let onwards = self.is_any(end, &["onwards", "onward"]);
        if prefix == Some(Prefix::From) && b.is_none() && onwards {
            anchor = Anchor::Since;
            end += 1;
        }
        Some(Found {
            start: i,
            end,
            a,
            b,
            anchor,
        })
    }

    /// A date or range starting at token `i`, anchor words aside.
    fn core(&self, i: usize, ctx: Ctx, opens_range: bool) -> Option<Core> {
        let bare_day = || {
            let (d, j) = self.day_at(i).filter(|_| opens_range)?;
            Core::one(j, Point::DayOnly(d))
        };
        self.relative_word(i)
            .or_else(|| self.ago(i))
            .or_else(|| self.modified(i))
            .or_else(|| self.which(i, false))
            .or_else(|| self.weekday(i))
            .or_else(|| self.iso(i))
            .or_else(|| self.day_first(i))
            .or_else(|| self.month_first(i, ctx))
            .or_else(|| self.year(i, ctx))
            .or_else(|| self.nth(i))
            .or_else(bare_day)
    }

    /// `today`, `yesterday morning`, `the day before yesterday`.
    fn relative_word(&self, i: usize) -> Option<Core> {
        let day = |n| shift(Unit::Day, n, Precision::Day);
        if self.is(i, "the") && self.is(i + 1, "day") {
            let n = match (self.lower(i + 2)?.as_str(), self.lower(i + 3)?.as_str()) {
                ("before", "yesterday") => -2,
                ("after", "tomorrow") => 2,
                _ => return None,
            };
            return Core::one(i + 4, day(n));
        }
        // "USA Today", "Russia Today"
        let named = i > 0 && self.capitalized(i - 1) && !self.is_any(i - 1, FUNCTION_WORDS);
        if named && self.capitalized(i) {
            return None;
        }
        let n = match self.lower(i)?.as_str() {
            "today" | "tonight" => 0,
            "yesterday" => -1,
            "tomorrow" => 1,
            _ => return None,
        };
        let end = if self.is_any(i + 1, PARTS_OF_DAY) {
            i + 2
        } else {
            i + 1
        };
        Core::one(end, day(n))
    }

    /// `two days ago`, `a year ago`.
    fn ago(&self, i: usize) -> Option<Core> {
        if !self.is(i + 2, "ago") {
            return None;
        }
        let t = self.tok(i)?;
        let n = match t.kind {
            Kind::Num if t.text.len() <= 3 && self.plain_number(i) => t.text.parse().ok()?,
            Kind::Word => {
                NUMBER_WORDS
                    .iter()
                    .find(|(w, _)| w.eq_ignore_ascii_case(t.text))?
                    .1
            }
            _ => return None,
        };
        let point = match self.lower(i + 1)?.trim_end_matches('s') {
            "day" => shift(Unit::Day, -n, Precision::Day),
            "week" => shift(Unit::Week, -n, Precision::Month),
            "month" => shift(Unit::Month, -n, Precision::Month),
            "year" => shift(Unit::Year, -n, Precision::Year),
            _ => return None,
        };
        Core::one(i + 3, point)
    }

    /// `late October 2023`, `mid-2023`, `earlier this month`, `the end of the year`.
    fn modified(&self, i: usize) -> Option<Core> {
        let hyphen = self.is_dash(i + 1) && self.attached(i + 1) && self.attached(i + 2);
        let (j, of) = if self.is_any(i, &["early", "mid", "late", "earlier", "later"]) {
            (if hyphen { i + 2 } else { i + 1 }, false)
        } else if self.is(i, "end") && hyphen {
            (i + 2, false)
        } else {
            let k = if self.is(i, "the") { i + 1 } else { i };
            let part = self.is_any(k, &["end", "beginning", "start", "middle"]);
            if !(part && self.is(k + 1, "of")) {
                return None;
            }
            (k + 2, true)
        };
        if of && self.is(j, "the") {
            let point = match self.lower(j + 1)?.as_str() {
                "year" => Point::InYear {
                    offset: 0,
                    month: None,
                    day: None,
                },
                "month" => shift(Unit::Month, 0, Precision::Month),
                "week" => shift(Unit::Week, 0, Precision::Month),
                _ => return None,
            };
            return Core::one(j + 2, point);
        }
        // "late on Tuesday"
        if self.is(j, "on") {
            return self.weekday(j + 1);
        }
        self.which(j, true)
            .or_else(|| self.weekday(j))
            .or_else(|| self.month_first(j, Ctx::Strong))
            .or_else(|| self.year(j, Ctx::Strong))
    }

    /// `last week`, `this year`, `next Tuesday`, `this coming Friday`, `last March`.
    fn which(&self, i: usize, after_modifier: bool) -> Option<Core> {
        let (which, n, j) = match self.lower(i)?.as_str() {
            "last" => (Which::Last, -1, i + 1),
            "next" => (Which::Next, 1, i + 1),
            "this" if self.is(i + 1, "coming") => (Which::Next, 1, i + 2),
            "this" => (Which::Past, 0, i + 1),
            _ => return None,
        };
        // "the last year", "the next month": a stretch of time, not a date.
        if !after_modifier && i > 0 && self.is(i - 1, "the") {
            return None;
        }
        if let Some(m) = self.month_at(j).filter(|m| !m.abbreviated) {
            return Core::one(
                m.next,
                Point::MonthWhich {
                    month: m.month,
                    which,
                },
            );
        }
        if let Some(day) = self.weekday_name(j).filter(|_| self.capitalized(j)) {
            let end = if self.is_any(j + 1, PARTS_OF_DAY) {
                j + 2
            } else {
                j + 1
            };
            return Core::one(
                end,
                Point::Weekday {
                    day,
                    which,
                    precision: Precision::Day,
                },
            );
        }
        let point = match (self.lower(j)?.as_str(), which) {
            ("week", _) => shift(Unit::Week, n, Precision::Month),
            ("month", _) => shift(Unit::Month, n, Precision::Month),
            ("year", _) => Point::InYear {
                offset: n,
                month: None,
                day: None,
            },
            ("weekend", Which::Past) => shift(Unit::Day, 0, Precision::Month),
            ("weekend", _) => Point::Weekday {
                day: Weekday::Saturday,
                which,
                precision: Precision::Month,
            },
            ("night", Which::Last) => shift(Unit::Day, -1, Precision::Day),
            ("morning" | "afternoon" | "evening", Which::Past) => {
                shift(Unit::Day, 0, Precision::Day)
            }
            _ => return None,
        };
        Core::one(j + 1, point)
    }

    /// `Tuesday`, `Tuesday night`, or a weekday naming an explicit date
    /// (`Tuesday, 5 March 2024`), which then wins.
    fn weekday(&self, i: usize) -> Option<Core> {
        let day = self.weekday_name(i)?;
        let named = i > 0 && self.is_any(i - 1, WEEKDAY_NAMERS);
        let title = self.capitalized(i + 1) && self.is_any(i + 1, TITLES);
        if !self.capitalized(i) || named || title {
            return None;
        }
        let k = if self.punct(i + 1) == Some(',') {
            i + 2
        } else {
            i + 1
        };
        if let Some(c) = self.day_first(k).or_else(|| self.month_first(k, Ctx::None)) {
            return Some(c);
        }
        let end = if self.is_any(i + 1, PARTS_OF_DAY) {
            i + 2
        } else {
            i + 1
        };
        Core::one(
            end,
            Point::Weekday {
                day,
                which: Which::Past,
                precision: Precision::Day,
            },
        )
    }

    /// `2023-10-07`.
    fn iso(&self, i: usize) -> Option<Core> {
        let y = self.tok(i)?;
        if y.text.len() != 4 || !self.plain_number(i) {
            return None;
        }
        let part = |k: usize| {
            let t = self.tok(k).filter(|t| t.kind == Kind::Num && !t.gap)?;
            if t.text.len() > 2 {
                None
            } else {
                t.text.parse::<i8>().ok()
            }
        };
        let dashes = [i + 1, i + 3]
            .iter()
            .all(|&k| self.is_dash(k) && self.attached(k));
        if !dashes {
            return None;
        }
        let (month, day) = (part(i + 2)?, part(i + 4)?);
        // "2023-10-07-12" is some other code.
        let more = self.is_dash(i + 5) || self.punct(i + 5) == Some('.');
        if more && self.attached(i + 5) && self.attached(i + 6) {
            return None;
        }
        Core::one(
            i + 5,
            cal(Some(y.text.parse().ok()?), Some(month), Some(day)),
        )
    }

    /// `29 February 2024`, `7th of October`, `1-3 March 2024`, `29 Feb`.
    fn day_first(&self, i: usize) -> Option<Core> {
        let (d1, mut j) = self.day_at(i)?;
        let mut d2 = None;
        if (self.is_dash(j) || self.is(j, "to"))
            && let Some((d, k)) = self
                .day_at(j + 1)
                .filter(|&(_, k)| self.month_at(k).is_some())
        {
            d2 = Some(d);
            j = k;
        }
        if d2.is_none() && self.is(j, "of") {
            j += 1;
        }
        self.dated(self.month_at(j)?, d1, d2)
    }

    /// `February 29, 2024`, `Oct. 7`, `March 1-3, 2024`, `October 2023`,
    /// `February of this year`, and a month alone where the context allows.
    fn month_first(&self, i: usize, ctx: Ctx) -> Option<Core> {
        let month = self.month_at(i)?;
        let (m, j) = (Some(month.month), month.next);
        if let Some((d1, mut k)) = self.day_at(j) {
            let mut d2 = None;
            if self.is_dash(k)
                && let Some((d, n)) = self.day_at(k + 1)
            {
                d2 = Some(d);
                k = n;
            }
            return self.dated(MonthTok { next: k, ..month }, d1, d2);
        }
        let mut k = j;
        if self.punct(k) == Some(',') {
            k += 1;
        }
        if self.is(k, "of") {
            k += 1;
        }
        if let Some((y, n)) = self.year_at(k) {
            return Core::one(n, cal(Some(y), m, None));
        }
        if let Some((offset, k)) = self.year_offset(j) {
            return Core::one(
                k,
                Point::InYear {
                    offset,
                    month: m,
                    day: None,
                },
            );
        }
        let enough = if month.ambiguous {
            ctx == Ctx::Strong
        } else {
            ctx >= Ctx::Weak
        };
        if month.abbreviated || !enough || self.is_any(j, NAMED_AFTER) {
            return None;
        }
        Core::one(j, cal(None, m, None))
    }

    /// A day or day range in `month`, with the year that may follow the day.
    fn dated(&self, month: MonthTok, d1: i8, d2: Option<i8>) -> Option<Core> {
        let m = Some(month.month);
        let max = *MONTH_DAYS.get(usize::try_from(month.month - 1).ok()?)?;
        if d1 > max || d2.is_some_and(|d| d > max || d <= d1) {
            return None;
        }
        let mut j = month.next;
        if let Some((offset, k)) = self.year_offset(j) {
            let at = |day| Point::InYear {
                offset,
                month: m,
                day: Some(day),
            };
            return Some(Core {
                end: k,
                a: at(d1),
                b: d2.map(at),
            });
        }
        let k = if self.punct(j) == Some(',') { j + 1 } else { j };
        let year = self.year_at(k).map(|(y, n)| {
            j = n;
            y
        });
        if self.is_any(j, NAMED_AFTER) {
            return None;
        }
        let at = |day| cal(year, m, Some(day));
        Some(Core {
            end: j,
            a: at(d1),
            b: d2.map(at),
        })
    }

    /// `[of] this/last/next year` after a date: the year's offset from the
    /// reference's, and where the phrase ends.
    fn year_offset(&self, j: usize) -> Option<(i32, usize)> {
        let k = if self.is(j, "of") { j + 1 } else { j };
        if !self.is(k + 1, "year") {
            return None;
        }
        let offset = match self.lower(k)?.as_str() {
            "this" => 0,
            "last" => -1,
            "next" => 1,
            _ => return None,
        };
        Some((offset, k + 2))
    }

    /// A bare year, where the word before makes it one (`in 2019`, `of 2016`).
    fn year(&self, i: usize, ctx: Ctx) -> Option<Core> {
        if ctx == Ctx::None {
            return None;
        }
        let (y, j) = self.year_at(i)?;
        Core::one(j, cal(Some(y), None, None))
    }

    /// `the 7th`, only where nothing follows that it could be counting (`the
    /// 7th Brigade`, `the 21st century`).
    fn nth(&self, i: usize) -> Option<Core> {
        if !self.is(i, "the") {
            return None;
        }
        let Kind::Ord(d) = self.tok(i + 1)?.kind else {
            return None;
        };
        let free = match self.tok(i + 2) {
            None => true,
            Some(t) => {
                matches!(t.kind, Kind::Punct('.' | ',' | ';' | ':' | ')' | '!' | '?'))
                    || self.is_any(i + 2, &["at", "and", "when"])
            }
        };
        if !free {
            return None;
        }
        Core::one(i + 2, cal(None, None, Some(d)))
    }

    fn resolve(&self, f: &Found, reference: Option<Date>) -> Option<DateMention> {
        let mut a = f.a;
        // "from December to February 2024": the start takes the end's year,
        // or the one before when it would come later.
        if let Point::Cal {
            year: None,
            month: Some(am),
            day: ad,
        } = a
            && let Some(Point::Cal {
                year: Some(by),
                month,
                day,
            }) = f.b
        {
            let later = (am, ad.unwrap_or(1)) > (month.unwrap_or(12), day.unwrap_or(31));
            let year = if later { by.saturating_sub(1) } else { by };
            a = cal(Some(year), Some(am), ad);
        }
        let (date, relative) = resolve(a, reference)?;
        let until =
            f.b.and_then(|b| resolve_end(b, date, relative, reference))
                .filter(|(u, _)| u.date >= date.date);
        Some(DateMention {
            start: self.tok(f.start)?.start,
            end: self.tok(f.end.checked_sub(1)?)?.end,
            date,
            until: until.map(|(u, _)| u),
            anchor: f.anchor,
            relative: relative || until.is_some_and(|(_, r)| r),
        })
    }
}

fn ymd(y: i32, m: i32, d: i32) -> Option<Date> {
    Date::new(
        i16::try_from(y).ok()?,
        i8::try_from(m).ok()?,
        i8::try_from(d).ok()?,
    )
    .ok()
}

fn add_days(d: Date, n: i64) -> Option<Date> {
    d.checked_add(jiff::Span::new().try_days(n).ok()?).ok()
}

fn distance(a: Date, b: Date) -> Option<i64> {
    let (a, b) = (a.min(b), a.max(b));
    a.until(b).ok().map(|s| i64::from(s.get_days()))
}

fn month_index(d: Date) -> i32 {
    i32::from(d.year()) * 12 + i32::from(d.month()) - 1
}

fn from_month_index(i: i32) -> Option<Date> {
    ymd(i.div_euclid(12), i.rem_euclid(12) + 1, 1)
}

/// Picks between the latest occurrence up to the reference and the first one
/// after it, each with its distance. The past wins ties and anything less
/// than twice as near: news reports what happened more than what will.
fn pick(past: Option<(Date, i64)>, future: Option<(Date, i64)>, horizon: i64) -> Option<Date> {
    match (past, future) {
        (Some((p, dp)), Some((f, df))) => Some(if df <= horizon && 2 * df < dp { f } else { p }),
        (Some((p, _)), None) => Some(p),
        (None, Some((f, _))) => Some(f),
        (None, None) => None,
    }
}

/// Pairs each candidate day with its distance from the reference, for [`pick`].
fn by_days(r: Date, past: Option<Date>, future: Option<Date>) -> Option<Date> {
    let with = |x: Option<Date>| x.and_then(|x| Some((x, distance(x, r)?)));
    pick(with(past), with(future), 183)
}

/// The day `d` of month `m` nearest the reference (leap days may be years away).
fn nearest_day(r: Date, m: i8, d: i8) -> Option<Date> {
    let y = i32::from(r.year());
    let on = |y| ymd(y, i32::from(m), i32::from(d));
    let past = (y - 8..=y).rev().filter_map(on).find(|&x| x <= r);
    let future = (y..=y + 8).filter_map(on).find(|&x| x > r);
    by_days(r, past, future)
}

/// The month `m` nearest the reference.
fn nearest_month(r: Date, m: i8) -> Option<Date> {
    let now = month_index(r);
    let past = now - (now - (i32::from(m) - 1)).rem_euclid(12);
    let with = |i: i32| from_month_index(i).map(|x| (x, i64::from((i - now).abs())));
    pick(with(past), with(past + 12), 6)
}

/// The day `d` of the month nearest the reference (`on the 7th`).
fn nearest_day_of_month(r: Date, d: i8) -> Option<Date> {
    let now = month_index(r);
    let on = |i: i32| {
        let first = from_month_index(i)?;
        ymd(
            i32::from(first.year()),
            i32::from(first.month()),
            i32::from(d),
        )
    };
    let past = (0..=12).filter_map(|k| on(now - k)).find(|&x| x <= r);
    let future = (0..=12).filter_map(|k| on(now + k)).find(|&x| x > r);
    by_days(r, past, future)
}

/// Resolves one point; the flag says whether the reference was needed.
fn resolve(p: Point, reference: Option<Date>) -> Option<(EventDate, bool)> {
    use Precision::{Day, Month, Year};
    if let Point::Cal {
        year: Some(y),
        month,
        day,
    } = p
    {
        let (m, d, precision) = match (month, day) {
            (Some(m), Some(d)) => (m, d, Day),
            (Some(m), None) => (m, 1, Month),
            (None, None) => (1, 1, Year),
            (None, Some(_)) => return None,
        };
        return Some((EventDate::new(Date::new(y, m, d).ok()?, precision), false));
    }
    let r = reference?;
    let year = i32::from(r.year());
    let date = match p {
        Point::Cal {
            month: Some(m),
            day: Some(d),
            ..
        } => EventDate::new(nearest_day(r, m, d)?, Day),
        Point::Cal {
            month: Some(m),
            day: None,
            ..
        } => EventDate::new(nearest_month(r, m)?, Month),
        Point::Cal {
            month: None,
            day: Some(d),
            ..
        } => EventDate::new(nearest_day_of_month(r, d)?, Day),
        Point::Cal { .. } | Point::DayOnly(_) => return None,
        Point::Weekday {
            day,
            which,
            precision,
        } => {
            let now = r.weekday().to_monday_zero_offset();
            let want = day.to_monday_zero_offset();
            let back = i64::from((now - want).rem_euclid(7));
            let ahead = i64::from((want - now).rem_euclid(7));
            let n = match which {
                Which::Past => -back,
                Which::Last if back == 0 => -7,
                Which::Last => -back,
                Which::Next if ahead == 0 => 7,
                Which::Next => ahead,
            };
            EventDate::new(add_days(r, n)?, precision)
        }
        Point::Shift { unit, n, precision } => {
            let date = match unit {
                Unit::Day => add_days(r, i64::from(n))?,
                Unit::Week => add_days(r, 7 * i64::from(n))?,
                Unit::Month => from_month_index(month_index(r).checked_add(n)?)?,
                Unit::Year => ymd(year.checked_add(n)?, 1, 1)?,
            };
            EventDate::new(date, precision)
        }
        Point::InYear { offset, month, day } => {
            let precision = match (month, day) {
                (Some(_), Some(_)) => Day,
                (Some(_), None) => Month,
                (None, _) => Year,
            };
            let (m, d) = (i32::from(month.unwrap_or(1)), i32::from(day.unwrap_or(1)));
            EventDate::new(ymd(year + offset, m, d)?, precision)
        }
        Point::MonthWhich { month, which } => {
            let y = match which {
                Which::Past => year,
                Which::Last if month < r.month() => year,
                Which::Last => year - 1,
                Which::Next if month > r.month() => year,
                Which::Next => year + 1,
            };
            EventDate::new(ymd(y, i32::from(month), 1)?, Month)
        }
    };
    Some((date, true))
}

/// Resolves the end of a range: with no year of its own it is the first
/// such date from the start on (`From 29 February to 2 March`).
fn resolve_end(
    b: Point,
    start: EventDate,
    start_relative: bool,
    reference: Option<Date>,
) -> Option<(EventDate, bool)> {
    let s = start.date;
    let sy = i32::from(s.year());
    let date = match b {
        Point::Cal {
            year: None,
            month: Some(m),
            day: Some(d),
        } => {
            let on = |y| ymd(y, i32::from(m), i32::from(d));
            EventDate::new(
                (sy..=sy + 8).filter_map(on).find(|&x| x >= s)?,
                Precision::Day,
            )
        }
        Point::Cal {
            year: None,
            month: Some(m),
            day: None,
        } => {
            let y = if m >= s.month() { sy } else { sy + 1 };
            EventDate::new(ymd(y, i32::from(m), 1)?, Precision::Month)
        }
        Point::Weekday { day, precision, .. } => {
            let now = s.weekday().to_monday_zero_offset();
            let ahead = (day.to_monday_zero_offset() - now).rem_euclid(7);
            EventDate::new(add_days(s, i64::from(ahead))?, precision)
        }
        _ => return resolve(b, reference),
    };
    Some((date, start_relative))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    /// Renders what was found, for compact expectations: mentions joined by
    /// "; ", a range as "start/end", an anchor other than `At` as a word first.
    fn render(text: &str, reference: Option<Date>) -> String {
        let one = |m: &DateMention| {
            let anchor = match m.anchor {
                Anchor::At => "",
                Anchor::Since => "since ",
                Anchor::Until => "until ",
                Anchor::Before => "before ",
                Anchor::After => "after ",
            };
            match m.until {
                Some(u) => format!("{anchor}{}/{u}", m.date),
                None => format!("{anchor}{}", m.date),
            }
        };
        find_dates(text, reference)
            .iter()
            .map(one)
            .collect::<Vec<_>>()
            .join("; ")
    }

    fn only(text: &str, r: Option<Date>) -> DateMention {
        let found = find_dates(text, r);
        assert_eq!(found.len(), 1, "{text:?}: {found:?}");
        found[0]
    }

    /// (text, reference date or "", expected rendering).
    #[rustfmt::skip]
    const CASES: &[(&str, &str, &str)] = &[
        // Absolute dates.
        ("Israel and Hamas agreed to extend the truce on 29 February 2024.", "", "2024-02-29"),
        ("The talks in Cairo opened on February 29, 2024, officials said.", "", "2024-02-29"),
        ("Hamas fighters crossed into Israel on October 7, 2023.", "", "2023-10-07"),
        ("Mass protests erupted in Tbilisi in October 2023.", "", "2023-10"),
        ("The offensive on Avdiivka began in late October 2023.", "", "2023-10"),
        ("Inflation in Argentina peaked in early 2023.", "", "2023"),
        ("Wagner's mutiny in mid 2023 shook the Kremlin.", "", "2023"),
        ("Sudan's war was expected to end by late 2023.", "", "2023"),
        ("Fighting in Sudan resumed in mid-2023 after a lull.", "", "2023"),
        ("Elections were last held in 2019.", "", "2019"),
        ("Bolivia's crisis of 2019 still divides the country.", "", "2019"),
        ("Few remember the year 2000 in Grozny.", "", "2000"),
        ("Reports dated 2023-10-07 describe the breach of the fence.", "", "2023-10-07"),
        ("Crowds gathered on the 7th of October 2023 in Tel Aviv.", "", "2023-10-07"),
        ("Lula was sworn in on January 1st, 2023.", "", "2023-01-01"),
        ("The attacks of Sept. 11, 2001 reshaped US policy.", "", "2001-09-11"),
        ("Kenya's deployment to Haiti was approved in Sep 2023.", "", "2023-09"),
        ("The junta in Niger seized power on 26 July, 2023.", "", "2023-07-26"),
        ("The 1948 war displaced 700,000 people by 15 May 1948.", "", "1948-05-15"),
        ("The report covers 1 October 2023 – 31 January 2024.", "", "2023-10-01/2024-01-31"),
        // No year: nearest to the reference, leaning to the past.
        ("The ceasefire in Gaza took effect on 19 January.", "2024-02-28", "2024-01-19"),
        ("Sudan's army retook the bridge on Feb. 29.", "2024-02-28", "2024-02-29"),
        ("Kyiv reported a missile strike on 29 Feb.", "2024-02-28", "2024-02-29"),
        ("Gaza talks are expected to resume by early November.", "2024-02-28", "2023-11"),
        ("In late October, Israeli troops entered northern Gaza.", "2024-02-28", "2023-10"),
        ("Farmers in Punjab marched on Delhi in March.", "2024-11-05", "2024-03"),
        ("Trump takes office in January.", "2024-11-05", "2025-01"),
        ("The vote in Senegal is set for May 12.", "2024-02-28", "2024-05-12"),
        ("Protesters in Ramallah marked the 7th of October.", "2024-02-28", "2023-10-07"),
        ("The parliament in Dhaka met again on the 7th.", "2024-03-10", "2024-03-07"),
        ("Moldova votes on Oct. 20, the commission said.", "2024-09-30", "2024-10-20"),
        ("Niger's junta expelled the ambassador on Jan 6.", "2024-02-28", "2024-01-06"),
        // Relative to the reference (2024-02-28 is a Wednesday).
        ("The UN envoy arrived in Khartoum today.", "2024-02-28", "2024-02-28"),
        ("Two rockets hit Sderot yesterday morning.", "2024-02-28", "2024-02-27"),
        ("The cabinet meets tomorrow.", "2024-02-28", "2024-02-29"),
        ("Netanyahu will address the nation tonight.", "2024-02-28", "2024-02-28"),
        ("Houthi forces fired on a tanker on Tuesday.", "2024-02-28", "2024-02-27"),
        ("Serbia's president spoke Monday in Belgrade.", "2024-02-28", "2024-02-26"),
        ("The Knesset voted on Wednesday.", "2024-02-28", "2024-02-28"),
        ("Negotiators will meet in Doha next Tuesday.", "2024-02-28", "2024-03-05"),
        ("Talks in Geneva open this coming Friday.", "2024-02-28", "2024-03-01"),
        ("Protesters blocked the port last Wednesday.", "2024-02-28", "2024-02-21"),
        ("Pakistan's new cabinet was sworn in last week.", "2024-03-04", "2024-02"),
        ("Peru's congress debates the bill this week.", "2024-02-28", "2024-02"),
        ("The EU summit is next week.", "2024-02-28", "2024-03"),
        ("Haiti's prime minister resigned last month.", "2024-01-15", "2023-12"),
        ("Clashes in Tripoli erupted earlier this month.", "2024-02-28", "2024-02"),
        ("Turkey will hold local elections next month.", "2024-02-28", "2024-03"),
        ("Ethiopia and Somaliland signed a memorandum last year.", "2024-02-28", "2023"),
        ("Inflation in Egypt has doubled earlier this year.", "2024-11-05", "2024"),
        ("Indonesia elects a president next year.", "2023-06-01", "2024"),
        ("In February of this year, Navalny died in prison.", "2024-11-05", "2024-02"),
        ("Niger's coup came in July last year.", "2024-02-28", "2023-07"),
        ("Sudan's war broke out on 15 April last year.", "2024-02-28", "2023-04-15"),
        ("Kenya's finance bill protests peaked on 25 June this year.", "2024-11-05", "2024-06-25"),
        ("The ministry was shelled two days ago.", "2024-02-28", "2024-02-26"),
        ("Rafah crossing closed three weeks ago.", "2024-02-28", "2024-02"),
        ("The Cuban blackout began a year ago.", "2024-02-28", "2023"),
        ("Kosovo banned the dinar two years ago.", "2024-02-28", "2022"),
        ("He was detained the day before yesterday.", "2024-02-28", "2024-02-26"),
        ("Riots broke out in Nouméa last weekend.", "2024-05-22", "2024-05"),
        ("Fighting in El Fasher intensified late last year.", "2024-02-28", "2023"),
        ("The talks in Doha were hosted last March.", "2024-11-05", "2024-03"),
        // Relative to other events: not dates of ours.
        ("Troops had withdrawn the previous day.", "2024-02-28", ""),
        ("The minister had resigned the day before.", "2024-02-28", ""),
        ("Two days later the bridge reopened.", "2024-02-28", ""),
        // Ranges.
        ("From 29 February to 2 March, aid convoys were halted.", "2024-02-28", "2024-02-29/2024-03-02"),
        ("The Munich talks ran between 1 and 3 March.", "2024-02-28", "2024-03-01/2024-03-03"),
        ("A truce held 29 February–2 March in Idlib.", "2024-02-28", "2024-02-29/2024-03-02"),
        ("Voting took place 1-3 March 2024 in Iran.", "", "2024-03-01/2024-03-03"),
        ("The vote ran March 1-3, 2024 in Iran.", "", "2024-03-01/2024-03-03"),
        ("Lebanon had no president from 2019 to 2021.", "", "2019/2021"),
        ("Gas was rationed from December to February 2024.", "", "2023-12/2024-02"),
        ("Curfews held between 2020 and 2022 in Kashmir.", "", "2020/2022"),
        ("Bakhmut was fought over from August 2022 to May 2023.", "", "2022-08/2023-05"),
        // Anchors.
        ("The Taliban have ruled since 2021.", "", "since 2021"),
        ("The blockade of the Red Sea will last until March.", "2024-02-28", "until 2024-03"),
        ("The army has besieged the city since last year.", "2024-02-28", "since 2023"),
        ("Israeli forces withdrew after 7 October.", "2024-02-28", "after 2023-10-07"),
        ("Polls closed before 19 January in Taiwan.", "2024-02-28", "before 2024-01-19"),
        ("Aid must arrive prior to 1 March, the UN said.", "2024-02-28", "before 2024-03-01"),
        ("The deal must be signed by the end of the year.", "2024-02-28", "2024"),
        ("Sanctions apply from 2019 onwards.", "", "since 2019"),
        ("Since the 7 October attack, 29,000 people have been killed.", "2024-02-28", "since 2023-10-07"),
        ("Campaigning intensified ahead of the 9 June elections.", "2024-02-28", "before 2024-06-09"),
        ("Syria has been at war since the March 2011 uprising.", "", "since 2011-03"),
        ("Talks stalled before the war.", "2024-02-28", ""),
        ("Tension rose ahead of the elections.", "2024-02-28", ""),
        // Not dates.
        ("The cabinet met at 10:30 in Jerusalem.", "2024-02-28", ""),
        ("More than 30,000 Palestinians have been killed, including 12,000 children.", "2024-02-28", ""),
        ("UN Resolution 2334 condemned the settlements.", "2024-02-28", ""),
        ("Growth slowed to 2 percent and 1.5 million lost jobs.", "2024-02-28", ""),
        ("Settlers blocked Route 60 near page 12 of the report.", "2024-02-28", ""),
        ("Ukraine received F-16 jets after the G20 summit.", "2024-02-28", ""),
        ("COVID-19 closed the borders.", "2024-02-28", ""),
        ("Russia deployed 2000 troops, and 2,000 more in reserve.", "2024-02-28", ""),
        ("In 2000 troops crossed the border.", "2024-02-28", ""),
        ("Activists looked back on the 1990s.", "2024-02-28", ""),
        ("Many recalled the 1990's.", "2024-02-28", ""),
        ("Talks may resume soon.", "2024-02-28", ""),
        ("Theresa May told parliament she would resign.", "2024-02-28", ""),
        ("Thousands march on parliament each year in March.", "2024-11-05", "2024-03"),
        ("China launched a Long March 5 rocket.", "2024-02-28", ""),
        ("Hezbollah and the March 8 movement rejected the plan.", "2024-02-28", ""),
        ("The Women's March 2017 drew millions.", "2024-02-28", ""),
        ("Egypt's 6 April Youth Movement was banned.", "2024-02-28", ""),
        ("The 7th Armoured Brigade moved north.", "2024-02-28", ""),
        ("Iowa voted on Super Tuesday, then on Good Friday.", "2024-02-28", ""),
        ("The Sunday Times reported the leak.", "2024-02-28", ""),
        ("No elections were held on 31 April.", "2024-02-28", ""),
        ("The Jan Egeland report was published.", "2024-02-28", ""),
        ("The 1967 lines and pre-1967 borders were debated.", "2024-02-28", ""),
        ("Between 2 and 4 million people were displaced.", "2024-02-28", ""),
        ("On October 7, 2000 people were taken to hospitals.", "2024-02-28", "2023-10-07"),
        ("In 2019, 2,000 people fled.", "", "2019"),
        ("Budgets were cut in 2018 and 2019.", "", "2018; 2019"),
        ("The vote was postponed to 2025.", "", "2025"),
        ("Up to 2000 are feared dead and 2000 more were hurt.", "2024-02-28", ""),
        ("A force of 2000 was sent, USA Today reported.", "2024-02-28", ""),
        ("The last year has been hard; the next month will be harder.", "2024-02-28", ""),
        // A weekday with an explicit date: the date wins.
        ("Voting ends on Tuesday, 5 March 2024 in the Super Tuesday states.", "2024-02-28", "2024-03-05"),
        // Several in one text, in order.
        (
            "Israel struck Rafah on Tuesday. On 7 October 2023 Hamas attacked; since then, and until next month, talks go on.",
            "2024-02-28",
            "2024-02-27; 2023-10-07; until 2024-03",
        ),
    ];

    #[test]
    fn cases() {
        let mut failures = Vec::new();
        for &(text, r, expected) in CASES {
            let got = render(text, r.parse().ok());
            if got != expected {
                failures.push(format!(
                    "{text:?} ({r}): expected {expected:?}, got {got:?}"
                ));
            }
        }
        let failed = failures.len();
        assert!(
            failed == 0,
            "{failed} of {} failed:\n{}",
            CASES.len(),
            failures.join("\n")
        );
        assert!(CASES.len() >= 50);
    }

    #[test]
    fn spans_cover_the_whole_expression() {
        let r = Some(date(2024, 2, 28));
        for (text, span) in [
            (
                "The offensive began in late October 2023, officials said.",
                "late October 2023",
            ),
            (
                "Talks must conclude by early November in Doha.",
                "by early November",
            ),
            (
                "From 29 February to 2 March, aid convoys were halted.",
                "From 29 February to 2 March",
            ),
            (
                "The Taliban have ruled Afghanistan since 2021.",
                "since 2021",
            ),
            ("Fighting resumed in mid-2023.", "mid-2023"),
            (
                "Attacks on October 7, 2023, killed 1,200.",
                "October 7, 2023",
            ),
            (
                "It happened on Tuesday, 5 March 2024 in Niger.",
                "Tuesday, 5 March 2024",
            ),
            (
                "In February of this year, Navalny died.",
                "February of this year",
            ),
            (
                "The strike came yesterday morning near Kharkiv.",
                "yesterday morning",
            ),
            ("Sanctions apply from 2019 onwards.", "from 2019 onwards"),
        ] {
            let m = only(text, r);
            assert_eq!(text.get(m.start..m.end), Some(span), "{text:?}");
        }
    }

    #[test]
    fn precision_anchor_and_relative_flags() {
        let r = Some(date(2024, 2, 28));
        let m = only("The truce took effect on 19 January.", r);
        assert_eq!(
            m.date,
            EventDate {
                date: date(2024, 1, 19),
                precision: Precision::Day
            }
        );
        assert!(m.relative);
        assert_eq!(m.anchor, Anchor::At);

        let m = only("The Taliban have ruled since 2021.", r);
        assert_eq!(
            m.date,
            EventDate {
                date: date(2021, 1, 1),
                precision: Precision::Year
            }
        );
        assert!(!m.relative);
        assert_eq!(m.anchor, Anchor::Since);

        let m = only("Aid stayed blocked until March.", r);
        assert_eq!(
            m.date,
            EventDate {
                date: date(2024, 3, 1),
                precision: Precision::Month
            }
        );
        assert_eq!(m.anchor, Anchor::Until);

        let m = only("Shelling stopped after 7 October 2023.", r);
        assert_eq!(m.anchor, Anchor::After);
        assert!(!m.relative);

        let m = only("The convoy was stopped last week.", r);
        assert_eq!(m.date.precision, Precision::Month);
        assert_eq!(m.date.to_string(), "2024-02");

        let m = only("From 29 February to 2 March, aid convoys were halted.", r);
        assert_eq!(m.until.map(|u| u.to_iso()).as_deref(), Some("2024-03-02"));
        assert!(m.relative);
    }

    #[test]
    fn without_a_reference_relative_dates_are_skipped() {
        assert_eq!(
            render("Houthi forces fired on a tanker on Tuesday.", None),
            ""
        );
        assert_eq!(
            render("Sudan's army retook the bridge on 29 February.", None),
            ""
        );
        assert_eq!(
            render("Turkey votes this year, and Iran next month.", None),
            ""
        );
        let mixed = "Hamas attacked on 7 October 2023, and again on Tuesday.";
        assert_eq!(render(mixed, None), "2023-10-07");
        assert_eq!(
            render("Lebanon had no president from 2019 to 2021.", None),
            "2019/2021"
        );
        let m = only("Curfews ran from 1 March 2024 until next month.", None);
        assert_eq!((m.date.to_iso(), m.until), ("2024-03-01".to_string(), None));
    }

    #[test]
    fn nearest_occurrence_leans_to_the_past() {
        let r = date(2024, 2, 28);
        assert_eq!(nearest_month(r, 11), Some(date(2023, 11, 1)));
        assert_eq!(nearest_month(r, 2), Some(date(2024, 2, 1)));
        assert_eq!(nearest_month(date(2024, 11, 5), 3), Some(date(2024, 3, 1)));
        assert_eq!(nearest_month(date(2024, 11, 5), 1), Some(date(2025, 1, 1)));
        // Six months either way: a tie, so the past.
        assert_eq!(nearest_month(date(2024, 8, 15), 2), Some(date(2024, 2, 1)));
        assert_eq!(nearest_day(r, 2, 29), Some(date(2024, 2, 29)));
        // The next leap day is years away: the last one.
        assert_eq!(
            nearest_day(date(2025, 6, 1), 2, 29),
            Some(date(2024, 2, 29))
        );
        assert_eq!(nearest_day(r, 3, 5), Some(date(2024, 3, 5)));
        assert_eq!(nearest_day(r, 12, 25), Some(date(2023, 12, 25)));
    }

    #[test]
    fn char_boundaries_with_multibyte_text() {
        let text = "“Ж é” – the siege of Mariupol (Маріуполь) began on 24 February 2022 – \
                    “é” and ended on 20 May, Ж.";
        let found = find_dates(text, Some(date(2023, 1, 10)));
        let spans: Vec<&str> = found
            .iter()
            .filter_map(|m| text.get(m.start..m.end))
            .collect();
        assert_eq!(spans, ["24 February 2022", "20 May"]);
        assert_eq!(found[1].date.to_iso(), "2022-05-20");
        for m in &found {
            assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
        }
        let dashed = "Fighting raged 29 February–2 March in Idlib – “é”.";
        let m = only(dashed, Some(date(2024, 2, 28)));
        assert_eq!(dashed.get(m.start..m.end), Some("29 February–2 March"));
    }

    /// Random texts from date-like pieces and stray characters: no panic,
    /// spans on char boundaries, in order and not overlapping.
    #[test]
    fn fuzz_never_panics() {
        #[rustfmt::skip]
        const PIECES: &[&str] = &[
            "7", "29", "31", "2023", "1900", "2100", "9999", "0", "October", "May", "March",
            "Feb", ".", ",", "-", "–", "—", "“", "”", "é", "Ж", "🙂", "٣", " ", " ", "\n",
            "the", "last", "next", "this", "week", "year", "month", "from", "to", "between",
            "and", "since", "until", "by", "mid", "early", "late", "ago", "two", "days",
            "Tuesday", "3rd", "7th", "of", ":", "%", "'", "’", "day", "before", "yesterday",
            "today", "2023-10-07", "onwards", "end", "on", "coming", "s", "\u{0}", "1-3",
        ];
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        let references = [
            None,
            Some(date(2024, 2, 28)),
            Some(Date::MIN),
            Some(Date::MAX),
            Some(date(2024, 2, 29)),
        ];
        for _ in 0..4000 {
            let mut text = String::new();
            for _ in 0..next(24) {
                if next(8) == 0 {
                    text.push(char::from_u32(next(0x3000) as u32).unwrap_or('?'));
                } else {
                    text.push_str(PIECES[next(PIECES.len())]);
                }
                if next(2) == 0 {
                    text.push(' ');
                }
            }
            for r in references {
                let mut last_end = 0;
                for m in find_dates(&text, r) {
                    assert!(m.start < m.end && m.start >= last_end, "{text:?}");
                    assert!(
                        text.is_char_boundary(m.start) && text.is_char_boundary(m.end),
                        "{text:?}"
                    );
                    last_end = m.end;
                }
            }
        }
    }
}
