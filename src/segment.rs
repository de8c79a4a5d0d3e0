//! Sentence and token segmentation.
//!
//! [`segment`] turns a cleaned document into [`Token`]s, [`Sentence`]s and
//! [`Paragraph`]s, all as byte [`Span`]s into the text. It makes one pass over
//! the bytes (ASCII fast path; characters are decoded only where the text is
//! not ASCII) that emits tokens together with a small flag word per token, and
//! one pass over those flags that places sentence and paragraph boundaries.
//! It allocates only the three output vectors and one flag vector.
//!
//! # Tokens
//! * Words are runs of letters, digits and combining marks. An apostrophe
//!   followed by a letter stays inside the word ("don't", "O'Neill"), except a
//!   possessive `'s`/`’s`, which becomes its own `Word` token ("Russia", "’s").
//!   Any other apostrophe ("the Kurds’ demands") is a `Punct` token.
//! * Hyphens and dashes are always their own `Punct` tokens; a run of ASCII
//!   hyphens ("--") is one token.
//! * `.`, `,` and `:` between two digits stay inside the number ("30,000",
//!   "3.5", "10:30"); a token that starts with a digit is a `Number` ("1990s",
//!   "7th"). `&` between two letters or digits stays inside ("AT&T").
//! * Abbreviations keep their period: the words of `ABBREVIATIONS`, dotted
//!   letter sequences ("U.S.", "a.m.", "e.g.") and single capital initials
//!   ("W." in "George W. Bush").
//! * URLs (`http://`, `https://`, `www.`), e-mail addresses, `@handles` and
//!   `#hashtags` are single `Symbol` tokens; so is each emoji (with its
//!   modifiers, ZWJ sequence or flag pair) and any other symbol character.
//! * A run of `.`, `!`, `?` and `…` is one `Punct` token ("?!", "...").
//!
//! # Sentences and paragraphs
//! The text is first cut into *blocks* at hard line breaks; each block is a
//! paragraph. A blank line is always a hard break. A single line break is a
//! hard break unless the next line starts with a lower-case letter or with
//! `,` `;` `:` `)` `]` `}` `%` (hard-wrapped text), or the line ends with a
//! title abbreviation ("Gen.") or a hyphen glued to a word; a line with no
//! letters at all ("***") is always cut off on both sides.
//!
//! Inside a block a sentence ends after a terminal token (`.` `!` `?` `…` run)
//! plus any closing quotes and brackets glued to it, when whitespace follows
//! and the next token starts with a capital, a digit, a letter of a caseless
//! script, or an opening quote or bracket. Exceptions:
//! * a title or connective abbreviation ("Dr.", "vs.", "e.g.", "No. 10") never
//!   ends a sentence; other abbreviations, acronyms and initials ("U.S.",
//!   "Inc.", "Jan.", "Del.", "W.") end one only before a common sentence-starting word
//!   from `SENTENCE_STARTERS` ("…moved to the U.S. The next day…"), or before
//!   a capital when a closing quote or bracket follows them;
//! * a list marker ("1. Introduction") does not end a sentence;
//! * in a one-line block of at most 40 tokens that does not end with terminal
//!   punctuation (a headline, caption or byline), `?` and `!` do not end a
//!   sentence ("Moscow as mediator? Why Russia is hosting talks").
//!
//! Boundaries need whitespace: "right now…Very little" stays one sentence.

use crate::span::Span;
use std::ops::Range;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters, digits and marks, starting with a letter; also abbreviations
    /// with their period ("Dr.", "U.S.") and a split-off possessive "’s".
    Word,
    /// A token starting with a digit: "30,000", "3.5", "1990s", "7th".
    Number,
    /// Punctuation: quotes, brackets, dashes, `. , ; : ! ? …`, `%`, `/`, `&`.
    Punct,
    /// URL, e-mail, @handle, #hashtag, emoji, currency sign or other symbol.
    Symbol,
}

/// One token: a non-empty span of non-whitespace text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

impl Token {
    /// The text of the token.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        self.span.of(text)
    }
}

/// A sentence: `span` runs from its first token's start to its last token's
/// end; `tokens` indexes [`Segmentation::tokens`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    pub tokens: Range<usize>,
}

/// A paragraph: `span` runs from its first sentence's start to its last
/// sentence's end; `sentences` indexes [`Segmentation::sentences`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    pub span: Span,
    pub sentences: Range<usize>,
}

/// The tokens, sentences and paragraphs of a text. Sentences tile the tokens
/// in order and paragraphs tile the sentences; every range is non-empty.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Segmentation {
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
    pub paragraphs: Vec<Paragraph>,
}

impl Segmentation {
    /// The tokens of sentence `s`.
    pub fn sentence_tokens(&self, s: usize) -> &[Token] {
        &self.tokens[self.sentences[s].tokens.clone()]
    }

    /// The indices of the tokens that overlap `span`.
    pub fn tokens_overlapping(&self, span: Span) -> Range<usize> {
        let first = self.tokens.partition_point(|t| t.span.end <= span.start);
        let last = self.tokens.partition_point(|t| t.span.start < span.end);
        first..last.max(first)
    }

    /// The first sentence that ends after byte `pos`: the one holding it, or
    /// the next one when `pos` lies between sentences.
    pub fn sentence_from(&self, pos: usize) -> Option<&Sentence> {
        self.sentences.get(self.sentences.partition_point(|s| s.span.end <= pos))
    }
}

/// Segments `text` into tokens, sentences and paragraphs. Never panics.
pub fn segment(text: &str) -> Segmentation {
    let mut lexer = Lexer {
        b: text.as_bytes(),
        tokens: Vec::with_capacity(text.len() / 6 + 4),
        meta: Vec::with_capacity(text.len() / 6 + 4),
        nl: 2,
        sp: false,
    };
    lexer.run();
    let Lexer { tokens, meta, .. } = lexer;
    let (sentences, paragraphs) = split(text, &tokens, &meta);
    Segmentation {
        tokens,
        sentences,
        paragraphs,
    }
}

// ---------------------------------------------------------------------------
// Abbreviations

/// How an abbreviation that keeps its period behaves at a sentence boundary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Abbr {
    /// A title before a name; needs a capital; never ends a sentence.
    Title,
    /// A month; needs a capital; ends a sentence only before a sentence starter.
    Month,
    /// A name or company suffix; needs a capital; like `Month`.
    Suffix,
    /// Any case; like `Month` ("etc.").
    Loose,
    /// Any case; never ends a sentence ("vs.", "e.g.").
    Link,
    /// "No."/"Nos.": an abbreviation only before a number; never ends one.
    Numero,
}

/// Words that keep their period, lower-case, without the final period.
#[rustfmt::skip]
const ABBREVIATIONS: &[(&str, Abbr)] = {
    use Abbr::*;
    &[
        // Titles and ranks.
        ("mr", Title), ("mrs", Title), ("ms", Title), ("messrs", Title), ("mme", Title),
        ("dr", Title), ("prof", Title), ("rev", Title), ("hon", Title), ("pres", Title),
        ("gov", Title), ("govs", Title), ("sen", Title), ("sens", Title), ("rep", Title),
        ("reps", Title), ("amb", Title), ("atty", Title), ("supt", Title), ("insp", Title),
        ("gen", Title), ("lt", Title), ("col", Title), ("maj", Title), ("capt", Title),
        ("cmdr", Title), ("adm", Title), ("brig", Title), ("sgt", Title), ("cpl", Title),
        ("pvt", Title), ("st", Title), ("mt", Title),
        // Months.
        ("jan", Month), ("feb", Month), ("mar", Month), ("apr", Month), ("jun", Month),
        ("jul", Month), ("aug", Month), ("sep", Month), ("sept", Month), ("oct", Month),
        ("nov", Month), ("dec", Month),
        // Name and company suffixes.
        ("jr", Suffix), ("sr", Suffix), ("inc", Suffix), ("corp", Suffix), ("ltd", Suffix),
        ("co", Suffix), ("bros", Suffix),
        // A title that is also a state's abbreviation ("state Del. Ana Ruiz",
        // "Dover, Del."): a boundary only before a sentence starter, as a suffix.
        ("del", Suffix),
        // Ordinary abbreviations.
        ("etc", Loose), ("approx", Loose), ("est", Loose), ("al", Loose),
        // Connectives.
        ("vs", Link), ("cf", Link), ("viz", Link), ("e.g", Link), ("i.e", Link),
        // Numero.
        ("no", Numero), ("nos", Numero),
    ]
};

/// Capitalised words that commonly open a sentence; after an acronym,
/// initial or suffix abbreviation ("U.S.", "W.", "Inc.") they mark a boundary.
#[rustfmt::skip]
const SENTENCE_STARTERS: &[&str] = &[
    "A", "An", "The", "This", "That", "These", "Those", "There", "Then", "Thus",
    "He", "She", "It", "They", "We", "I", "You", "His", "Her", "Its", "Their", "Our",
    "In", "On", "At", "By", "For", "From", "With", "Without", "Under", "Over",
    "After", "Before", "During", "Since", "Until", "When", "While", "Where", "What",
    "Who", "Why", "How", "If", "As", "Although", "Though", "Because", "But", "And",
    "Or", "So", "Yet", "Still", "However", "Meanwhile", "Moreover", "Furthermore",
    "Nevertheless", "Instead", "Also", "Both", "Each", "Every", "Some", "Many", "Most",
    "Several", "Such", "Other", "Another", "All", "Any", "Earlier", "Later", "Now",
    "Today", "Yesterday", "Last", "Next",
];

/// Packs up to 8 ASCII bytes, lower-cased, into an integer (0 if impossible).
const fn pack(w: &[u8]) -> u64 {
    if w.is_empty() || w.len() > 8 {
        return 0;
    }
    let mut v = 0u64;
    let mut k = 0;
    while k < w.len() {
        let c = w[k];
        if !(c.is_ascii_alphabetic() || c == b'.') {
            return 0;
        }
        v |= (c.to_ascii_lowercase() as u64) << (8 * k);
        k += 1;
    }
    v
}

/// `ABBREVIATIONS` with packed keys, so a lookup compares integers.
const ABBR_KEYS: [u64; ABBREVIATIONS.len()] = {
    let mut keys = [0u64; ABBREVIATIONS.len()];
    let mut k = 0;
    while k < keys.len() {
        keys[k] = pack(ABBREVIATIONS[k].0.as_bytes());
        k += 1;
    }
    keys
};

/// Packs up to 16 bytes into an integer, case kept (0 if impossible).
const fn pack16(w: &[u8]) -> u128 {
    if w.is_empty() || w.len() > 16 {
        return 0;
    }
    let mut v = 0u128;
    let mut k = 0;
    while k < w.len() {
        v |= (w[k] as u128) << (8 * k);
        k += 1;
    }
    v
}

/// `SENTENCE_STARTERS`, packed.
const STARTER_KEYS: [u128; SENTENCE_STARTERS.len()] = {
    let mut keys = [0u128; SENTENCE_STARTERS.len()];
    let mut k = 0;
    while k < keys.len() {
        keys[k] = pack16(SENTENCE_STARTERS[k].as_bytes());
        k += 1;
    }
    keys
};

fn is_starter(w: &str) -> bool {
    let key = pack16(w.as_bytes());
    key != 0 && STARTER_KEYS.contains(&key)
}

fn lookup_abbr(w: &[u8]) -> Option<Abbr> {
    let key = pack(w);
    if key == 0 {
        return None;
    }
    ABBR_KEYS
        .iter()
        .position(|&k| k == key)
        .map(|k| ABBREVIATIONS[k].1)
}

/// Flags for the word `b[start..end]` when a period follows it at `end`, if
/// that period belongs to the word.
fn abbr_flags(b: &[u8], start: usize, end: usize) -> Option<u16> {
    let w = &b[start..end];
    if w.len() == 1 {
        return w[0].is_ascii_uppercase().then_some(ABBR_SOFT);
    }
    let cap = w[0].is_ascii_uppercase();
    match lookup_abbr(w)? {
        Abbr::Title => cap.then_some(ABBR_HARD),
        Abbr::Month | Abbr::Suffix => cap.then_some(ABBR_SOFT),
        Abbr::Loose => Some(ABBR_SOFT),
        Abbr::Link => Some(ABBR_HARD),
        Abbr::Numero => {
            let mut p = end + 1;
            while p < b.len() && (b[p] == b' ' || b[p] == b'\t') {
                p += 1;
            }
            (p < b.len() && b[p].is_ascii_digit()).then_some(ABBR_HARD)
        }
    }
}

// ---------------------------------------------------------------------------
// Per-token flags, kept beside the tokens while segmenting.

/// Whitespace before the token: none, spaces, one line break, a blank line.
const GAP_MASK: u16 = 0b11;
const GAP_NONE: u16 = 0;
const GAP_SPACE: u16 = 1;
const GAP_NL: u16 = 2;
const GAP_PARA: u16 = 3;
/// A run of `.` `!` `?` `…`.
const TERMINAL: u16 = 1 << 2;
/// Closing quote or bracket (straight quotes are both opener and closer).
const CLOSER: u16 = 1 << 3;
/// Opening quote or bracket, `¿`, `¡`.
const OPENER: u16 = 1 << 4;
/// Abbreviation that never ends a sentence.
const ABBR_HARD: u16 = 1 << 5;
/// Abbreviation that ends a sentence only before a sentence starter.
const ABBR_SOFT: u16 = 1 << 6;
const START_LOWER: u16 = 1 << 7;
const START_UPPER: u16 = 1 << 8;
const START_DIGIT: u16 = 1 << 9;
/// Starts with a letter of a script without case.
const START_UNCASED: u16 = 1 << 10;
/// Contains letters (words, URLs, handles...).
const HAS_ALPHA: u16 = 1 << 11;
/// `,` `;` `:` `)` `]` `}` `%`: a line starting with one continues the last.
const CONT: u16 = 1 << 12;
/// Hyphen or dash.
const HYPHEN: u16 = 1 << 13;
/// `”` `»` `›`: closes a quotation even after a space ("« Non. »").
const SPACED_CLOSER: u16 = 1 << 14;

/// Flags that let a token start a sentence after terminal punctuation.
const PLAUSIBLE_START: u16 = START_UPPER | START_DIGIT | START_UNCASED | OPENER;

// ---------------------------------------------------------------------------
// Character classes

/// Decodes the char at `i`, which must be a char boundary of valid UTF-8.
#[inline]
fn decode(b: &[u8], i: usize) -> (char, usize) {
    let c0 = b[i] as u32;
    if c0 < 0x80 {
        return (c0 as u8 as char, 1);
    }
    let (len, mut v) = if c0 < 0xE0 {
        (2, c0 & 0x1F)
    } else if c0 < 0xF0 {
        (3, c0 & 0x0F)
    } else {
        (4, c0 & 0x07)
    };
    for k in 1..len {
        v = (v << 6) | (b.get(i + k).copied().unwrap_or(0x80) as u32 & 0x3F);
    }
    (char::from_u32(v).unwrap_or('\u{FFFD}'), len)
}

/// Whitespace, plus invisible break and direction controls that never form
/// tokens: ZWSP, LRM/RLM, bidi embeddings and isolates, word joiner, BOM.
pub fn is_space_char(c: char) -> bool {
    c.is_whitespace()
        || matches!(c, '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{180E}')
}

/// Combining marks, joiners, variation selectors, emoji modifiers and tags, and
/// the soft hyphen: they continue the token before them (coarse ranges).
#[rustfmt::skip]
const MARKS: &[(u32, u32)] = &[
    (0x00AD, 0x00AD), (0x0300, 0x036F), (0x0483, 0x0489), (0x0591, 0x05BD), (0x05BF, 0x05BF),
    (0x05C1, 0x05C2), (0x05C4, 0x05C5), (0x05C7, 0x05C7), (0x0610, 0x061A), (0x064B, 0x065F),
    (0x0670, 0x0670), (0x06D6, 0x06DC), (0x06DF, 0x06E4), (0x06E7, 0x06E8), (0x06EA, 0x06ED),
    (0x0711, 0x0711), (0x0730, 0x074A), (0x07A6, 0x07B0), (0x07EB, 0x07F3), (0x0816, 0x082D),
    (0x0859, 0x085B), (0x08D3, 0x0963), (0x0981, 0x0DF3), (0x0E31, 0x0E31), (0x0E34, 0x0E3A),
    (0x0E47, 0x0E4E), (0x0EB1, 0x0EB1), (0x0EB4, 0x0EBC), (0x0EC8, 0x0ECD), (0x0F18, 0x0F19),
    (0x0F35, 0x0F35), (0x0F37, 0x0F37), (0x0F39, 0x0F39), (0x0F3E, 0x0F3F), (0x0F71, 0x0F84),
    (0x0F86, 0x0F87), (0x0F8D, 0x0FBC), (0x0FC6, 0x0FC6), (0x102B, 0x103E), (0x1056, 0x1059),
    (0x105E, 0x1060), (0x1062, 0x1064), (0x1067, 0x106D), (0x1071, 0x1074), (0x1082, 0x108D),
    (0x108F, 0x108F), (0x109A, 0x109D), (0x135D, 0x135F), (0x1712, 0x1714), (0x1732, 0x1734),
    (0x1752, 0x1753), (0x1772, 0x1773), (0x17B4, 0x17D3), (0x17DD, 0x17DD), (0x180B, 0x180D),
    (0x1885, 0x1886), (0x18A9, 0x18A9), (0x1920, 0x193B), (0x1A17, 0x1A1B), (0x1A55, 0x1A7F),
    (0x1AB0, 0x1AFF), (0x1B00, 0x1B04), (0x1B34, 0x1B44), (0x1B6B, 0x1B73), (0x1B80, 0x1B82),
    (0x1BA1, 0x1BAD), (0x1BE6, 0x1BF3), (0x1C24, 0x1C37), (0x1CD0, 0x1CF9), (0x1DC0, 0x1DFF),
    (0x200C, 0x200D), (0x20D0, 0x20FF), (0x2CEF, 0x2CF1), (0x2D7F, 0x2D7F), (0x2DE0, 0x2DFF),
    (0x302A, 0x302F), (0x3099, 0x309A), (0xA66F, 0xA67D), (0xA69E, 0xA69F), (0xA6F0, 0xA6F1),
    (0xA802, 0xA802), (0xA806, 0xA806), (0xA80B, 0xA80B), (0xA823, 0xA827), (0xA880, 0xA881),
    (0xA8B4, 0xA8C5), (0xA8E0, 0xA8F1), (0xA926, 0xA92D), (0xA947, 0xA953), (0xA980, 0xA983),
    (0xA9B3, 0xA9C0), (0xAA29, 0xAA36), (0xAA43, 0xAA43), (0xAA4C, 0xAA4D), (0xAAEB, 0xAAEF),
    (0xAAF5, 0xAAF6), (0xABE3, 0xABEA), (0xABEC, 0xABED), (0xFB1E, 0xFB1E), (0xFE00, 0xFE0F),
    (0xFE20, 0xFE2F), (0x1F3FB, 0x1F3FF), (0xE0020, 0xE007F), (0xE0100, 0xE01EF),
];

fn in_ranges(table: &[(u32, u32)], c: char) -> bool {
    let c = c as u32;
    table
        .binary_search_by(|&(lo, hi)| {
            if hi < c {
                std::cmp::Ordering::Less
            } else if lo > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

fn is_mark(c: char) -> bool {
    in_ranges(MARKS, c)
}

/// A non-ASCII char that continues a word.
#[inline]
fn is_word_cont(c: char) -> bool {
    if ('\u{2000}'..='\u{206F}').contains(&c) {
        // General Punctuation: only the joiners continue words.
        return c == '\u{200C}' || c == '\u{200D}';
    }
    c.is_alphanumeric() || is_mark(c)
}

/// Sentence-final punctuation beyond ASCII `.` `!` `?`.
fn is_terminal_char(c: char) -> bool {
    matches!(
        c,
        '\u{2026}' | '\u{203C}' | '\u{203D}' | '\u{2047}'
            ..='\u{2049}'
                | '\u{3002}'
                | '\u{FF01}'
                | '\u{FF1F}'
                | '\u{FF0E}'
                | '\u{FE52}'
                | '\u{FE56}'
                | '\u{FE57}'
                | '\u{061F}'
                | '\u{06D4}'
                | '\u{0964}'
                | '\u{0965}'
                | '\u{0589}'
                | '\u{037E}'
                | '\u{1362}'
    )
}

/// Other punctuation outside ASCII (coarse ranges).
#[rustfmt::skip]
const OTHER_PUNCT: &[(u32, u32)] = &[
    (0x00A1, 0x00A1), (0x00A7, 0x00A7), (0x00AB, 0x00AB), (0x00B6, 0x00B7), (0x00BB, 0x00BB),
    (0x00BF, 0x00BF), (0x0387, 0x0387), (0x055A, 0x055F), (0x05BE, 0x05BE), (0x05C0, 0x05C0),
    (0x05C3, 0x05C3), (0x05C6, 0x05C6), (0x05F3, 0x05F4), (0x0609, 0x060D), (0x061B, 0x061B),
    (0x061E, 0x061E), (0x066A, 0x066D), (0x0970, 0x0970), (0x0E4F, 0x0E4F), (0x0E5A, 0x0E5B),
    (0x2010, 0x2027), (0x2030, 0x205E), (0x2212, 0x2212), (0x2E00, 0x2E4F), (0x3001, 0x3003),
    (0x3008, 0x3011), (0x3014, 0x301F), (0xFE10, 0xFE19), (0xFE30, 0xFE4F), (0xFE50, 0xFE6B),
    (0xFF01, 0xFF0F), (0xFF1A, 0xFF20), (0xFF3B, 0xFF40), (0xFF5B, 0xFF65),
];

/// Flags of a non-ASCII punctuation char, or `None` if it is not one.
fn punct_flags(c: char) -> Option<u16> {
    Some(match c {
        // “ ‘ close German quotations („…“); « ‹ close Danish/German ones (»…«).
        '\u{201C}' | '\u{2018}' | '\u{AB}' | '\u{2039}' => OPENER | CLOSER,
        '\u{BB}' | '\u{203A}' => OPENER | CLOSER | SPACED_CLOSER,
        '\u{201D}' => CLOSER | SPACED_CLOSER,
        '\u{201E}' | '\u{201F}' | '\u{201A}' | '\u{201B}' | '\u{300C}' | '\u{300E}' | '\u{3008}'
        | '\u{300A}' | '\u{3010}' | '\u{FF08}' | '\u{FF3B}' | '\u{A1}' | '\u{BF}' => OPENER,
        '\u{2019}' | '\u{300D}' | '\u{300F}' | '\u{3009}' | '\u{300B}' | '\u{3011}' | '\u{FF09}'
        | '\u{FF3D}' => CLOSER,
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => HYPHEN,
        '\u{060C}' | '\u{061B}' | '\u{3001}' | '\u{FF0C}' | '\u{FF1A}' | '\u{FF1B}' => CONT,
        _ if in_ranges(OTHER_PUNCT, c) => 0,
        _ => return None,
    })
}

/// Flags for a token starting at `i` (case of its first char).
fn start_flags(b: &[u8], i: usize) -> u16 {
    let c = b[i];
    if c < 0x80 {
        if c.is_ascii_uppercase() {
            START_UPPER | HAS_ALPHA
        } else if c.is_ascii_lowercase() {
            START_LOWER | HAS_ALPHA
        } else if c.is_ascii_digit() {
            START_DIGIT
        } else {
            0
        }
    } else {
        let (ch, _) = decode(b, i);
        if ch.is_uppercase() {
            START_UPPER | HAS_ALPHA
        } else if ch.is_lowercase() {
            START_LOWER | HAS_ALPHA
        } else if ch.is_alphabetic() {
            START_UNCASED | HAS_ALPHA
        } else if ch.is_numeric() {
            START_DIGIT
        } else {
            0
        }
    }
}

/// Whether a word char (letter, digit, mark) starts at `p`.
#[inline]
fn word_cont_at(b: &[u8], p: usize) -> bool {
    match b.get(p) {
        None => false,
        Some(&c) if c < 0x80 => c.is_ascii_alphanumeric(),
        Some(_) => is_word_cont(decode(b, p).0),
    }
}

/// Whether a letter starts at `p`.
#[inline]
fn letter_at(b: &[u8], p: usize) -> bool {
    match b.get(p) {
        None => false,
        Some(&c) if c < 0x80 => c.is_ascii_alphabetic(),
        Some(_) => decode(b, p).0.is_alphabetic(),
    }
}

fn starts_with_ci(s: &[u8], prefix: &[u8]) -> bool {
    s.len() >= prefix.len() && s[..prefix.len()].eq_ignore_ascii_case(prefix)
}

/// End of a URL starting at `start`, if one does.
fn url_end(b: &[u8], start: usize) -> Option<usize> {
    let rest = &b[start..];
    let plen = if starts_with_ci(rest, b"https://") {
        8
    } else if starts_with_ci(rest, b"http://") {
        7
    } else if starts_with_ci(rest, b"www.") {
        4
    } else {
        return None;
    };
    let body = start + plen;
    if !word_cont_at(b, body) {
        return None;
    }
    let mut e = body;
    while e < b.len() {
        let c = b[e];
        if c < 0x80 {
            if c <= b' ' || matches!(c, b'"' | b'<' | b'>' | b'`' | 0x7F) {
                break;
            }
            e += 1;
        } else {
            let (ch, l) = decode(b, e);
            if is_space_char(ch)
                || matches!(
                    ch,
                    '\u{201C}'
                        | '\u{201D}'
                        | '\u{2018}'
                        | '\u{2019}'
                        | '\u{AB}'
                        | '\u{BB}'
                        | '\u{2026}'
                        | '\u{2013}'
                        | '\u{2014}'
                )
            {
                break;
            }
            e += l;
        }
    }
    // Trailing punctuation belongs to the sentence; unbalanced closers too.
    let count = |s: &[u8], c: u8| s.iter().filter(|&&x| x == c).count();
    while e > body {
        match b[e - 1] {
            b'.' | b',' | b';' | b':' | b'!' | b'?' | b'\'' | b'*' => e -= 1,
            b')' if count(&b[start..e], b')') > count(&b[start..e], b'(') => e -= 1,
            b']' if count(&b[start..e], b']') > count(&b[start..e], b'[') => e -= 1,
            _ => break,
        }
    }
    (e > body).then_some(e)
}

/// End of a domain name ("un.org") starting at `p`: two or more labels.
fn domain_end(b: &[u8], mut e: usize) -> Option<usize> {
    let mut labels = 0;
    loop {
        let s = e;
        while e < b.len() && (b[e].is_ascii_alphanumeric() || b[e] == b'-') {
            e += 1;
        }
        if e == s {
            return None;
        }
        labels += 1;
        if e + 1 < b.len() && b[e] == b'.' && b[e + 1].is_ascii_alphanumeric() {
            e += 1;
        } else {
            break;
        }
    }
    (labels >= 2).then_some(e)
}

// ---------------------------------------------------------------------------
// Tokens

struct Lexer<'t> {
    b: &'t [u8],
    tokens: Vec<Token>,
    meta: Vec<u16>,
    /// Line breaks since the last token (2 at the start of the text).
    nl: u32,
    /// Whether whitespace was seen since the last token.
    sp: bool,
}

impl Lexer<'_> {
    #[inline]
    fn push(&mut self, start: usize, end: usize, kind: TokenKind, flags: u16) {
        let gap = if self.nl >= 2 {
            GAP_PARA
        } else if self.nl == 1 {
            GAP_NL
        } else if self.sp {
            GAP_SPACE
        } else {
            GAP_NONE
        };
        self.nl = 0;
        self.sp = false;
        self.tokens.push(Token {
            span: Span::new(start, end),
            kind,
        });
        self.meta.push(flags | gap);
    }

    fn run(&mut self) {
        let b = self.b;
        let n = b.len();
        let mut i = 0;
        while i < n {
            let c = b[i];
            i = match c {
                b' ' | b'\t' => {
                    self.sp = true;
                    i + 1
                }
                b'\n' | 0x0B => {
                    self.nl += 1;
                    i + 1
                }
                b'\r' => {
                    self.nl += 1;
                    if i + 1 < n && b[i + 1] == b'\n' {
                        i + 2
                    } else {
                        i + 1
                    }
                }
                0x0C => {
                    self.nl += 2;
                    i + 1
                }
                b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' => self.word(i),
                0x80..=0xFF => self.non_ascii(i),
                _ => self.ascii_punct(i, c),
            };
        }
    }

    fn non_ascii(&mut self, i: usize) -> usize {
        let (ch, len) = decode(self.b, i);
        if is_space_char(ch) {
            match ch {
                '\u{85}' | '\u{2028}' => self.nl += 1,
                '\u{2029}' => self.nl += 2,
                _ => self.sp = true,
            }
            return i + len;
        }
        if is_word_cont(ch) {
            return self.word(i);
        }
        if is_terminal_char(ch) {
            return self.terminal_run(i);
        }
        if ch == '\u{2019}'
            && let Some(e) = self.glued_s(i, len)
        {
            return e;
        }
        if let Some(f) = punct_flags(ch) {
            self.push(i, i + len, TokenKind::Punct, f);
            return i + len;
        }
        self.symbol(i, ch, len)
    }

    fn ascii_punct(&mut self, i: usize, c: u8) -> usize {
        let b = self.b;
        let one = |this: &mut Self, kind, flags| {
            this.push(i, i + 1, kind, flags);
            i + 1
        };
        let run = |this: &mut Self, kind, flags| {
            let mut e = i + 1;
            while e < b.len() && b[e] == c {
                e += 1;
            }
            this.push(i, e, kind, flags);
            e
        };
        use TokenKind::{Punct, Symbol};
        match c {
            b'.' | b'!' | b'?' => self.terminal_run(i),
            b'"' => one(self, Punct, OPENER | CLOSER),
            b'\'' => match self.glued_s(i, 1) {
                Some(e) => e,
                None => one(self, Punct, OPENER | CLOSER),
            },
            b'(' | b'[' | b'{' => one(self, Punct, OPENER),
            b')' | b']' | b'}' => one(self, Punct, CLOSER | CONT),
            b',' | b';' | b':' | b'%' => one(self, Punct, CONT),
            b'-' => run(self, Punct, HYPHEN),
            b'*' | b'_' => run(self, Punct, 0),
            b'=' | b'~' => run(self, Symbol, 0),
            b'&' | b'/' | b'\\' => one(self, Punct, 0),
            b'@' => self.at_sign(i),
            b'#' => self.hash(i),
            _ => one(self, Symbol, 0),
        }
    }

    /// A run of sentence-final punctuation starting at `i`.
    fn terminal_run(&mut self, i: usize) -> usize {
        let b = self.b;
        let mut e = i;
        while e < b.len() {
            let c = b[e];
            if c == b'.' || c == b'!' || c == b'?' {
                e += 1;
            } else if c >= 0x80 {
                let (ch, l) = decode(b, e);
                if !is_terminal_char(ch) {
                    break;
                }
                e += l;
            } else {
                break;
            }
        }
        self.push(i, e, TokenKind::Punct, TERMINAL);
        e
    }

    /// A possessive `'s` glued to the token before the apostrophe at `i`.
    fn glued_s(&mut self, i: usize, alen: usize) -> Option<usize> {
        let b = self.b;
        let after = i + alen;
        if after < b.len() && (b[after] | 0x20) == b's' && !word_cont_at(b, after + 1) {
            let last = self.tokens.last()?;
            if last.span.end == i && matches!(last.kind, TokenKind::Word | TokenKind::Number) {
                self.push(i, after + 1, TokenKind::Word, START_LOWER | HAS_ALPHA);
                return Some(after + 1);
            }
        }
        None
    }

    /// A word or number starting at `start` (a letter, digit or mark).
    fn word(&mut self, start: usize) -> usize {
        let b = self.b;
        let n = b.len();
        let c0 = b[start];
        let flags = start_flags(b, start);
        if (c0 | 0x20 == b'h' || c0 | 0x20 == b'w')
            && let Some(e) = url_end(b, start)
        {
            self.push(start, e, TokenKind::Symbol, HAS_ALPHA);
            return e;
        }
        // Dotted acronym: "U.S.", "a.m.", "e.g.".
        if c0.is_ascii_alphabetic()
            && start + 3 < n
            && b[start + 1] == b'.'
            && b[start + 2].is_ascii_alphabetic()
            && b[start + 3] == b'.'
        {
            let mut e = start + 4;
            while e + 1 < n && b[e].is_ascii_alphabetic() && b[e + 1] == b'.' {
                e += 2;
            }
            let abbr = match lookup_abbr(&b[start..e - 1]) {
                Some(Abbr::Link) => ABBR_HARD,
                _ => ABBR_SOFT,
            };
            self.push(start, e, TokenKind::Word, flags | abbr);
            return e;
        }
        let kind = if flags & START_DIGIT != 0 {
            TokenKind::Number
        } else {
            TokenKind::Word
        };
        let mut i = start;
        loop {
            while i < n && b[i].is_ascii_alphanumeric() {
                i += 1;
            }
            if i >= n {
                break;
            }
            let c = b[i];
            let alen = if c >= 0x80 {
                let (ch, len) = decode(b, i);
                if ch == '\u{2019}' {
                    len
                } else if is_word_cont(ch) {
                    i += len;
                    continue;
                } else {
                    break;
                }
            } else {
                match c {
                    b'\'' => 1,
                    b'.' | b',' | b':' => {
                        if b[i - 1].is_ascii_digit() && i + 1 < n && b[i + 1].is_ascii_digit() {
                            i += 1;
                            continue;
                        }
                        break;
                    }
                    b'&' => {
                        if b[i - 1].is_ascii_alphanumeric() && i + 1 < n && b[i + 1].is_ascii_alphanumeric() {
                            i += 1;
                            continue;
                        }
                        break;
                    }
                    _ => break,
                }
            };
            // An apostrophe at `i`: possessive, inner, or the end of the word.
            let after = i + alen;
            if after < n && (b[after] | 0x20) == b's' && !word_cont_at(b, after + 1) {
                self.push(start, i, kind, flags);
                self.push(i, after + 1, TokenKind::Word, START_LOWER | HAS_ALPHA);
                return after + 1;
            }
            if letter_at(b, after) {
                i = after;
                continue;
            }
            break;
        }
        let end = i;
        if end < n
            && b[end] == b'.'
            && !(end + 1 < n && b[end + 1] == b'.')
            && let Some(abbr) = abbr_flags(b, start, end)
        {
            self.push(start, end + 1, TokenKind::Word, flags | abbr);
            return end + 1;
        }
        self.push(start, end, kind, flags);
        end
    }

    /// An e-mail address (whose local part may already be tokens), an
    /// @handle, or a lone `@`.
    fn at_sign(&mut self, i: usize) -> usize {
        let b = self.b;
        let mut ls = i;
        while ls > 0
            && (b[ls - 1].is_ascii_alphanumeric() || matches!(b[ls - 1], b'.' | b'_' | b'%' | b'+' | b'-'))
        {
            ls -= 1;
        }
        while ls < i && matches!(b[ls], b'.' | b'%' | b'+' | b'-') {
            ls += 1;
        }
        if ls < i
            && let Some(de) = domain_end(b, i + 1)
        {
            let mut p = self.tokens.len();
            while p > 0 && self.tokens[p - 1].span.start >= ls {
                p -= 1;
            }
            if p > 0 && self.tokens[p - 1].span.end > ls {
                ls = self.tokens[p - 1].span.end;
            }
            if ls < i && p < self.tokens.len() {
                let gap = self.meta[p] & GAP_MASK;
                self.tokens.truncate(p);
                self.meta.truncate(p);
                self.tokens.push(Token {
                    span: Span::new(ls, de),
                    kind: TokenKind::Symbol,
                });
                self.meta.push(gap | HAS_ALPHA);
                return de;
            }
        }
        let mut e = i + 1;
        while e < b.len() && (b[e].is_ascii_alphanumeric() || b[e] == b'_') {
            e += 1;
        }
        self.push(i, e, TokenKind::Symbol, if e > i + 1 { HAS_ALPHA } else { 0 });
        e
    }

    /// A #hashtag or a run of `#`.
    fn hash(&mut self, i: usize) -> usize {
        let b = self.b;
        let mut e = i + 1;
        if b.get(e) == Some(&b'_') || word_cont_at(b, e) {
            while e < b.len() {
                let c = b[e];
                if c < 0x80 {
                    if !(c.is_ascii_alphanumeric() || c == b'_') {
                        break;
                    }
                    e += 1;
                } else {
                    let (ch, l) = decode(b, e);
                    if !is_word_cont(ch) {
                        break;
                    }
                    e += l;
                }
            }
            self.push(i, e, TokenKind::Symbol, HAS_ALPHA);
        } else {
            while e < b.len() && b[e] == b'#' {
                e += 1;
            }
            self.push(i, e, TokenKind::Symbol, 0);
        }
        e
    }

    /// An emoji or other symbol with its modifiers, ZWJ sequence or flag pair.
    fn symbol(&mut self, i: usize, ch: char, len: usize) -> usize {
        let b = self.b;
        let is_regional = |c: char| ('\u{1F1E6}'..='\u{1F1FF}').contains(&c);
        let mut e = i + len;
        if is_regional(ch) && e < b.len() && b[e] >= 0x80 {
            let (d, dl) = decode(b, e);
            if is_regional(d) {
                e += dl;
            }
        }
        while e < b.len() && b[e] >= 0x80 {
            let (d, dl) = decode(b, e);
            if !is_mark(d) {
                break;
            }
            e += dl;
            if d == '\u{200D}' && e < b.len() && b[e] >= 0x80 {
                let (x, xl) = decode(b, e);
                if !is_space_char(x) && punct_flags(x).is_none() && !is_terminal_char(x) {
                    e += xl;
                }
            }
        }
        self.push(i, e, TokenKind::Symbol, 0);
        e
    }
}

// ---------------------------------------------------------------------------
// Sentences and paragraphs

fn split(text: &str, tokens: &[Token], meta: &[u16]) -> (Vec<Sentence>, Vec<Paragraph>) {
    let n = tokens.len();
    let mut sentences = Vec::with_capacity(n / 16 + 1);
    let mut paragraphs = Vec::with_capacity(n / 64 + 1);
    if n == 0 {
        return (sentences, paragraphs);
    }
    let gap = |k: usize| meta[k] & GAP_MASK;
    // Whether the line starting at token `s` has letters.
    let line_alpha = |s: usize| {
        let mut k = s;
        let mut alpha = false;
        loop {
            alpha |= meta[k] & HAS_ALPHA != 0;
            k += 1;
            if k >= n || gap(k) >= GAP_NL {
                return alpha;
            }
        }
    };
    let mut block_start = 0;
    let mut single_line = true;
    let mut cur_alpha = line_alpha(0);
    for k in 0..n {
        let hard = if k + 1 == n {
            true
        } else {
            let g = gap(k + 1);
            if g < GAP_NL {
                false
            } else {
                let next_alpha = line_alpha(k + 1);
                let hard = g == GAP_PARA
                    || !cur_alpha
                    || !next_alpha
                    || !(meta[k + 1] & (START_LOWER | CONT) != 0
                        || meta[k] & ABBR_HARD != 0
                        || (meta[k] & HYPHEN != 0 && gap(k) == GAP_NONE && k > block_start));
                cur_alpha = next_alpha;
                single_line &= hard;
                hard
            }
        };
        if hard {
            let first = sentences.len();
            split_block(text, tokens, meta, block_start, k, single_line, &mut sentences);
            paragraphs.push(Paragraph {
                span: Span::new(tokens[block_start].span.start, tokens[k].span.end),
                sentences: first..sentences.len(),
            });
            block_start = k + 1;
            single_line = true;
        }
    }
    (sentences, paragraphs)
}

/// Splits the tokens `bs..=be` of one block into sentences.
fn split_block(
    text: &str,
    tokens: &[Token],
    meta: &[u16],
    bs: usize,
    be: usize,
    single_line: bool,
    out: &mut Vec<Sentence>,
) {
    let gap = |k: usize| meta[k] & GAP_MASK;
    // A closer glued to token `k`, or after a space when it is `”`/`»`/`›`
    // and not glued to what follows.
    let closer_after = |k: usize| {
        k < be
            && meta[k + 1] & CLOSER != 0
            && match gap(k + 1) {
                GAP_NONE => true,
                GAP_SPACE => meta[k + 1] & SPACED_CLOSER != 0 && (k + 1 == be || gap(k + 2) != GAP_NONE),
                _ => false,
            }
    };
    let mut push = |s: usize, e: usize| {
        out.push(Sentence {
            span: Span::new(tokens[s].span.start, tokens[e].span.end),
            tokens: s..e + 1,
        })
    };
    // Headlines and captions: no split at `?`/`!` in a short unterminated line.
    let suppress_qe = single_line && be - bs < 40 && {
        let mut k = be;
        while k > bs && gap(k) == GAP_NONE && meta[k] & CLOSER != 0 {
            k -= 1;
        }
        meta[k] & (TERMINAL | ABBR_SOFT) == 0
    };
    let mut ss = bs;
    let mut i = bs;
    while i < be {
        let f = meta[i];
        if f & (TERMINAL | ABBR_SOFT) == 0 {
            i += 1;
            continue;
        }
        let mut j = i;
        while closer_after(j) {
            j += 1;
        }
        if j >= be {
            break;
        }
        if gap(j + 1) == GAP_NONE {
            i = j + 1;
            continue;
        }
        let next = meta[j + 1];
        let boundary = if f & TERMINAL != 0 {
            next & PLAUSIBLE_START != 0
                && !is_list_marker(text, tokens, meta, i, ss)
                && !(suppress_qe && tokens[i].span.of(text).bytes().any(|c| c == b'?' || c == b'!'))
        } else if j > i {
            next & PLAUSIBLE_START != 0
        } else {
            is_starter(tokens[j + 1].span.of(text))
        };
        if boundary {
            push(ss, j);
            ss = j + 1;
        }
        i = j + 1;
    }
    push(ss, be);
}

/// "1." or "a." opening a sentence: a list marker, not a sentence.
fn is_list_marker(text: &str, tokens: &[Token], meta: &[u16], i: usize, ss: usize) -> bool {
    if i != ss + 1 || meta[i] & GAP_MASK != GAP_NONE || tokens[i].span.len() != 1 {
        return false;
    }
    let t = tokens[ss];
    let s = t.span.of(text);
    match t.kind {
        TokenKind::Number => s.len() <= 3 && s.bytes().all(|c| c.is_ascii_digit()),
        TokenKind::Word => s.len() == 1,
        _ => false,
    }
}

// ---------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(text: &str) -> Vec<&str> {
        let seg = segment(text);
        check(text, &seg);
        seg.sentences.iter().map(|s| s.span.of(text)).collect()
    }

    fn toks(text: &str) -> Vec<&str> {
        let seg = segment(text);
        check(text, &seg);
        seg.tokens.iter().map(|t| t.span.of(text)).collect()
    }

    fn kinds(text: &str) -> Vec<(&str, TokenKind)> {
        let seg = segment(text);
        check(text, &seg);
        seg.tokens.iter().map(|t| (t.span.of(text), t.kind)).collect()
    }

    fn paras(text: &str) -> Vec<&str> {
        let seg = segment(text);
        check(text, &seg);
        seg.paragraphs.iter().map(|p| p.span.of(text)).collect()
    }

    /// Invariants: tokens are non-empty, ordered, on char boundaries, and
    /// with the whitespace between them tile the text; sentences tile the
    /// tokens and paragraphs the sentences, with matching spans.
    fn check(text: &str, seg: &Segmentation) {
        let mut pos = 0;
        for t in &seg.tokens {
            let (s, e) = (t.span.start, t.span.end);
            assert!(
                pos <= s && s < e && e <= text.len(),
                "bad span {:?} in {:?}",
                t,
                text
            );
            assert!(
                text.is_char_boundary(s) && text.is_char_boundary(e),
                "{:?} in {:?}",
                t,
                text
            );
            assert!(
                text[pos..s].chars().all(is_space_char),
                "gap {:?} in {:?}",
                &text[pos..s],
                text
            );
            assert!(
                !text[s..e].chars().next().is_some_and(is_space_char),
                "{:?} in {:?}",
                t,
                text
            );
            pos = e;
        }
        assert!(
            text[pos..].chars().all(is_space_char),
            "tail {:?} in {:?}",
            &text[pos..],
            text
        );
        let mut next = 0;
        for s in &seg.sentences {
            assert_eq!(s.tokens.start, next, "{:?}", text);
            assert!(s.tokens.end > s.tokens.start);
            let (a, b) = (seg.tokens[s.tokens.start], seg.tokens[s.tokens.end - 1]);
            assert_eq!(s.span, Span::new(a.span.start, b.span.end));
            next = s.tokens.end;
        }
        assert_eq!(next, seg.tokens.len());
        let mut next = 0;
        for p in &seg.paragraphs {
            assert_eq!(p.sentences.start, next);
            assert!(p.sentences.end > p.sentences.start);
            let (a, b) = (
                &seg.sentences[p.sentences.start],
                &seg.sentences[p.sentences.end - 1],
            );
            assert_eq!(p.span, Span::new(a.span.start, b.span.end));
            next = p.sentences.end;
        }
        assert_eq!(next, seg.sentences.len());
    }

    // --- tokens -----------------------------------------------------------

    #[test]
    fn empty_and_blank_inputs() {
        for text in [
            "",
            " ",
            "\n\n",
            "\t \u{a0}\u{2028}\u{2029}\r\n",
            "\u{200B}\u{FEFF}",
        ] {
            let seg = segment(text);
            check(text, &seg);
            assert!(seg.tokens.is_empty() && seg.sentences.is_empty() && seg.paragraphs.is_empty());
        }
    }

    #[test]
    fn plain_words_and_final_period() {
        assert_eq!(toks("Troops left Kherson."), ["Troops", "left", "Kherson", "."]);
        assert_eq!(toks("  Talks  resumed "), ["Talks", "resumed"]);
    }

    #[test]
    fn possessives_split() {
        assert_eq!(toks("Russia’s envoy"), ["Russia", "’s", "envoy"]);
        assert_eq!(toks("Iran's nuclear deal"), ["Iran", "'s", "nuclear", "deal"]);
        assert_eq!(toks("the Kurds’ demands"), ["the", "Kurds", "’", "demands"]);
        assert_eq!(toks("the rebels' base"), ["the", "rebels", "'", "base"]);
        assert_eq!(toks("the U.S.’s allies"), ["the", "U.S.", "’s", "allies"]);
        assert_eq!(kinds("Chad’s")[1], ("’s", TokenKind::Word));
    }

    #[test]
    fn inner_apostrophes_kept() {
        assert_eq!(toks("They won't sign"), ["They", "won't", "sign"]);
        assert_eq!(toks("we don’t know"), ["we", "don’t", "know"]);
        assert_eq!(toks("Mr. O'Neill of Sana'a"), ["Mr.", "O'Neill", "of", "Sana'a"]);
    }

    #[test]
    fn hyphens_and_dashes_split() {
        assert_eq!(
            toks("an Israeli-Russian deal"),
            ["an", "Israeli", "-", "Russian", "deal"]
        );
        assert_eq!(toks("the 2014–2022 war"), ["the", "2014", "–", "2022", "war"]);
        assert_eq!(
            toks("Kyiv — the capital — was hit"),
            ["Kyiv", "—", "the", "capital", "—", "was", "hit"]
        );
        assert_eq!(toks("peace--for now"), ["peace", "--", "for", "now"]);
        assert_eq!(kinds("a-b")[1], ("-", TokenKind::Punct));
    }

    #[test]
    fn title_abbreviations_keep_period() {
        assert_eq!(toks("Dr. Amara Osei spoke"), ["Dr.", "Amara", "Osei", "spoke"]);
        assert_eq!(
            toks("Gen. Ruiz and Lt. Col. Baker"),
            ["Gen.", "Ruiz", "and", "Lt.", "Col.", "Baker"]
        );
        assert_eq!(
            toks("Sen. Hale met Gov. Ortiz"),
            ["Sen.", "Hale", "met", "Gov.", "Ortiz"]
        );
        assert_eq!(
            toks("Mrs. Lin, Ms. Diaz, Prof. Kaur"),
            ["Mrs.", "Lin", ",", "Ms.", "Diaz", ",", "Prof.", "Kaur"]
        );
    }

    #[test]
    fn months_and_misc_abbreviations() {
        assert_eq!(
            toks("on Sept. 14 and Jan. 3"),
            ["on", "Sept.", "14", "and", "Jan.", "3"]
        );
        assert_eq!(toks("Brazil vs. Chile"), ["Brazil", "vs.", "Chile"]);
        assert_eq!(
            toks("tanks, drones, etc. were"),
            ["tanks", ",", "drones", ",", "etc.", "were"]
        );
        assert_eq!(
            toks("Acme Inc. and Zeta Corp. sued"),
            ["Acme", "Inc.", "and", "Zeta", "Corp.", "sued"]
        );
        assert_eq!(
            toks("approx. 400 est. losses"),
            ["approx.", "400", "est.", "losses"]
        );
    }

    #[test]
    fn numero_only_before_number() {
        assert_eq!(toks("No. 10 Downing"), ["No.", "10", "Downing"]);
        assert_eq!(toks("He said no. Then"), ["He", "said", "no", ".", "Then"]);
        assert_eq!(
            sents("The No. 2 official resigned."),
            ["The No. 2 official resigned."]
        );
    }

    #[test]
    fn dotted_acronyms() {
        assert_eq!(
            toks("U.S. and U.N. and E.U."),
            ["U.S.", "and", "U.N.", "and", "E.U."]
        );
        assert_eq!(
            toks("the U.K. and U.S.A. at 9 a.m. or 5 p.m."),
            [
                "the", "U.K.", "and", "U.S.A.", "at", "9", "a.m.", "or", "5", "p.m."
            ]
        );
        assert_eq!(
            toks("e.g. Mali, i.e. Niger"),
            ["e.g.", "Mali", ",", "i.e.", "Niger"]
        );
        assert_eq!(toks("U.S.-led"), ["U.S.", "-", "led"]);
    }

    #[test]
    fn initials() {
        assert_eq!(toks("Harold W. Baines"), ["Harold", "W.", "Baines"]);
        assert_eq!(toks("A. K. Mensah wrote"), ["A.", "K.", "Mensah", "wrote"]);
        assert_eq!(
            sents("The novel by T. R. M. Okoro won. It sold well."),
            ["The novel by T. R. M. Okoro won.", "It sold well."]
        );
    }

    #[test]
    fn numbers() {
        assert_eq!(kinds("30,000"), [("30,000", TokenKind::Number)]);
        assert_eq!(
            toks("3.5 million, 12.5% and 1990s"),
            ["3.5", "million", ",", "12.5", "%", "and", "1990s"]
        );
        assert_eq!(kinds("the 7th brigade at 10:30")[1], ("7th", TokenKind::Number));
        assert_eq!(toks("at 10:30 on $4.2bn"), ["at", "10:30", "on", "$", "4.2bn"]);
        assert_eq!(toks("in 2023."), ["in", "2023", "."]);
        assert_eq!(kinds("AT&T")[0], ("AT&T", TokenKind::Word));
    }

    #[test]
    fn urls() {
        assert_eq!(
            toks("See https://news.example.org/a/b?x=1&y=2."),
            ["See", "https://news.example.org/a/b?x=1&y=2", "."]
        );
        assert_eq!(
            toks("(via www.example.com/report)"),
            ["(", "via", "www.example.com/report", ")"]
        );
        assert_eq!(
            toks("at http://en.example.org/wiki/War_(1812), then"),
            ["at", "http://en.example.org/wiki/War_(1812)", ",", "then"]
        );
        assert_eq!(kinds("HTTP://EXAMPLE.COM")[0].1, TokenKind::Symbol);
        assert_eq!(toks("www. x"), ["www", ".", "x"]);
    }

    #[test]
    fn emails_handles_hashtags() {
        assert_eq!(
            kinds("Write to press.office@un-example.org today"),
            [
                ("Write", TokenKind::Word),
                ("to", TokenKind::Word),
                ("press.office@un-example.org", TokenKind::Symbol),
                ("today", TokenKind::Word),
            ]
        );
        assert_eq!(
            toks("(j.doe+news@mail.example.com)"),
            ["(", "j.doe+news@mail.example.com", ")"]
        );
        assert_eq!(
            kinds("@UN_News said #Sudan #الخرطوم")[0],
            ("@UN_News", TokenKind::Symbol)
        );
        assert_eq!(
            toks("@UN_News said #Sudan #الخرطوم"),
            ["@UN_News", "said", "#Sudan", "#الخرطوم"]
        );
        assert_eq!(toks("a @ b # c"), ["a", "@", "b", "#", "c"]);
    }

    #[test]
    fn quotes_and_brackets_are_punct() {
        assert_eq!(
            toks("“Enough,” she said"),
            ["“", "Enough", ",", "”", "she", "said"]
        );
        assert_eq!(
            toks("‘no’ and «non» and „nein“"),
            ["‘", "no", "’", "and", "«", "non", "»", "and", "„", "nein", "“"]
        );
        assert_eq!(
            toks("\"Go\" (now) [sic]; yes: no! why? so…"),
            [
                "\"", "Go", "\"", "(", "now", ")", "[", "sic", "]", ";", "yes", ":", "no", "!", "why", "?",
                "so", "…"
            ]
        );
        assert!(
            kinds("“a” (b)")
                .iter()
                .filter(|(t, _)| *t != "a" && *t != "b")
                .all(|&(_, k)| k == TokenKind::Punct)
        );
    }

    #[test]
    fn terminal_runs_are_one_token() {
        assert_eq!(
            toks("Really?! Wait... no!!!"),
            ["Really", "?!", "Wait", "...", "no", "!!!"]
        );
    }

    #[test]
    fn emoji_and_symbols() {
        assert_eq!(toks("peace 🕊️ now"), ["peace", "🕊️", "now"]);
        assert_eq!(
            toks("family 👨‍👩‍👧 flag 🇺🇦🇵🇱 thumbs 👍🏽👍"),
            ["family", "👨‍👩‍👧", "flag", "🇺🇦", "🇵🇱", "thumbs", "👍🏽", "👍"]
        );
        assert_eq!(kinds("€40m")[0], ("€", TokenKind::Symbol));
        assert_eq!(toks("25°C"), ["25", "°", "C"]);
    }

    #[test]
    fn non_latin_scripts_and_marks() {
        assert_eq!(toks("قال الرئيس، إن"), ["قال", "الرئيس", "،", "إن"]);
        assert_eq!(toks("שָׁלוֹם עולם"), ["שָׁלוֹם", "עולם"]);
        // "e" + combining acute stays one word.
        assert_eq!(toks("Jose\u{301} Marti\u{301}"), ["Jose\u{301}", "Marti\u{301}"]);
        assert_eq!(toks("नई दिल्ली। मोदी"), ["नई", "दिल्ली", "।", "मोदी"]);
        assert_eq!(toks("Пу\u{AD}тин"), ["Пу\u{AD}тин"]);
    }

    #[test]
    fn zero_width_and_bidi_controls() {
        assert_eq!(toks("Gaza\u{200B}Strip"), ["Gaza", "Strip"]);
        assert_eq!(toks("\u{FEFF}Kabul\u{200F} fell"), ["Kabul", "fell"]);
        assert_eq!(toks("a\u{200D}b"), ["a\u{200D}b"]);
    }

    // --- sentences --------------------------------------------------------

    #[test]
    fn basic_sentence_boundaries() {
        assert_eq!(
            sents("Rain fell in Lima. Markets closed early."),
            ["Rain fell in Lima.", "Markets closed early."]
        );
        assert_eq!(
            sents("Is it over? Nobody knows! We wait."),
            ["Is it over?", "Nobody knows!", "We wait."]
        );
        assert_eq!(sents("Really?! Yes."), ["Really?!", "Yes."]);
        assert_eq!(sents("  Trailing space.  "), ["Trailing space."]);
        assert_eq!(sents("no capital. after this"), ["no capital. after this"]);
        assert_eq!(sents("Glued.Together here"), ["Glued.Together here"]);
    }

    #[test]
    fn digits_and_openers_start_sentences() {
        assert_eq!(
            sents("It ended in 2019. 40 people died."),
            ["It ended in 2019.", "40 people died."]
        );
        assert_eq!(
            sents("He left. “We stay,” she said."),
            ["He left.", "“We stay,” she said."]
        );
        assert_eq!(
            sents("He left. (The rest stayed.) Then rain."),
            ["He left.", "(The rest stayed.)", "Then rain."]
        );
    }

    #[test]
    fn closing_quotes_attach_to_sentence() {
        assert_eq!(
            sents("She said, “The border is closed.” Trucks waited."),
            ["She said, “The border is closed.”", "Trucks waited."]
        );
        assert_eq!(
            sents("He asked: \"Who pays?\" Nobody replied."),
            ["He asked: \"Who pays?\"", "Nobody replied."]
        );
        assert_eq!(
            sents("It was ‘final.’ Talks ended."),
            ["It was ‘final.’", "Talks ended."]
        );
    }

    #[test]
    fn quotation_with_comma_or_lowercase_cue_is_one_sentence() {
        let t = "“We will free the detainees,” said Colonel Farid Haddad.";
        assert_eq!(sents(t), [t]);
        let t = "“The siege is broken!” he told reporters.";
        assert_eq!(sents(t), [t]);
        let t = "“Why now?” asked one diplomat in Nairobi.";
        assert_eq!(sents(t), [t]);
        assert_eq!(
            sents("“It is over!” he said. The crowd cheered."),
            ["“It is over!” he said.", "The crowd cheered."]
        );
    }

    #[test]
    fn multi_sentence_quotation() {
        assert_eq!(
            sents("The minister said: “We tried. We failed. We will try again.” Then she left."),
            [
                "The minister said: “We tried.",
                "We failed.",
                "We will try again.”",
                "Then she left."
            ]
        );
    }

    #[test]
    fn titles_never_end_sentences() {
        assert_eq!(
            sents("Officials met Dr. Samira Nasser in Amman."),
            ["Officials met Dr. Samira Nasser in Amman."]
        );
        assert_eq!(
            sents("Gen. Tanaka spoke. Adm. Ito did not."),
            ["Gen. Tanaka spoke.", "Adm. Ito did not."]
        );
        assert_eq!(
            sents("It was Mr. The Artist himself."),
            ["It was Mr. The Artist himself."]
        );
    }

    #[test]
    fn acronyms_end_sentences_only_before_starters() {
        assert_eq!(
            sents("U.S. officials said the talks failed."),
            ["U.S. officials said the talks failed."]
        );
        assert_eq!(
            sents("He met U.N. Secretary-General staff."),
            ["He met U.N. Secretary-General staff."]
        );
        assert_eq!(
            sents("She moved to the U.S. The next day she spoke."),
            ["She moved to the U.S.", "The next day she spoke."]
        );
        assert_eq!(
            sents("Aid reached the U.N. But fighting resumed."),
            ["Aid reached the U.N.", "But fighting resumed."]
        );
        assert_eq!(
            sents("He works for Delta Ltd. It is in Accra."),
            ["He works for Delta Ltd.", "It is in Accra."]
        );
        // "Del." is a delegate's title and a state's abbreviation.
        assert_eq!(
            sents("State Del. Ana Ruiz spoke first. She was born in Dover, Del. The family moved."),
            ["State Del. Ana Ruiz spoke first.", "She was born in Dover, Del.", "The family moved."]
        );
        assert_eq!(
            sents("Delta Ltd. Chairman Obi resigned."),
            ["Delta Ltd. Chairman Obi resigned."]
        );
        assert_eq!(
            sents("Talks began at 9 a.m. Monday in Oslo."),
            ["Talks began at 9 a.m. Monday in Oslo."]
        );
        assert_eq!(
            sents("She returned to the U.S.” Then silence."),
            ["She returned to the U.S.”", "Then silence."]
        );
    }

    #[test]
    fn other_abbreviations_in_sentences() {
        assert_eq!(
            sents("Rockets, mortars, etc. were seized. The raid ended."),
            ["Rockets, mortars, etc. were seized.", "The raid ended."]
        );
        assert_eq!(
            sents("Some states, e.g. Peru, abstained."),
            ["Some states, e.g. Peru, abstained."]
        );
        assert_eq!(
            sents("Violence rose in Jan. 2024 and fell in Feb. The UN noted it."),
            ["Violence rose in Jan. 2024 and fell in Feb.", "The UN noted it."]
        );
        assert_eq!(
            sents("Harold W. Baines won. Others lost."),
            ["Harold W. Baines won.", "Others lost."]
        );
    }

    #[test]
    fn decimals_and_numbers_do_not_split() {
        assert_eq!(
            sents("Growth was 3.5 percent. Inflation hit 12.5%."),
            ["Growth was 3.5 percent.", "Inflation hit 12.5%."]
        );
        assert_eq!(
            sents("He lives at No. 10 with staff."),
            ["He lives at No. 10 with staff."]
        );
    }

    #[test]
    fn ellipsis_rules() {
        assert_eq!(
            sents("We waited... and waited. Nothing."),
            ["We waited... and waited.", "Nothing."]
        );
        assert_eq!(sents("We waited… and waited."), ["We waited… and waited."]);
        assert_eq!(
            sents("We waited... Nothing came."),
            ["We waited...", "Nothing came."]
        );
        // An ellipsis glued to the next word never splits.
        assert_eq!(
            sents("“Not right now…Very little is left.”"),
            ["“Not right now…Very little is left.”"]
        );
    }

    #[test]
    fn list_markers() {
        assert_eq!(
            sents("1. Withdraw troops.\n2. Free prisoners."),
            ["1. Withdraw troops.", "2. Free prisoners."]
        );
    }

    // --- lines and paragraphs ---------------------------------------------

    #[test]
    fn blank_lines_end_sentences_and_paragraphs() {
        let t = "Shelling resumed in Donetsk\n\nThe mayor fled\n   \n  Power returned.";
        assert_eq!(
            sents(t),
            ["Shelling resumed in Donetsk", "The mayor fled", "Power returned."]
        );
        assert_eq!(
            paras(t),
            ["Shelling resumed in Donetsk", "The mayor fled", "Power returned."]
        );
        let t = "Aid arrived. Crowds gathered.\n\nThe UN warned.";
        assert_eq!(paras(t), ["Aid arrived. Crowds gathered.", "The UN warned."]);
        assert_eq!(segment(t).paragraphs[0].sentences, 0..2);
        assert_eq!(
            sents("the end of one\n\nthe start of another"),
            ["the end of one", "the start of another"]
        );
    }

    #[test]
    fn single_newline_rules() {
        // Terminal punctuation at the end of the line.
        assert_eq!(
            paras("Fighting stopped.\nThe truce held."),
            ["Fighting stopped.", "The truce held."]
        );
        assert_eq!(
            sents("He said “enough.”\nThen he left."),
            ["He said “enough.”", "Then he left."]
        );
        // Headline, byline, caption: no terminal punctuation, capital next.
        let t = "Cairo as broker? Why Egypt keeps hosting ceasefire talks\nBy Nadia Farouk\nDelegates arrived on Monday.";
        assert_eq!(
            sents(t),
            [
                "Cairo as broker? Why Egypt keeps hosting ceasefire talks",
                "By Nadia Farouk",
                "Delegates arrived on Monday."
            ]
        );
        assert_eq!(paras(t).len(), 3);
        // Hard-wrapped text continues on a lower-case line.
        let t = "The convoy crossed into\nnorthern Syria at dawn. It\nwas attacked later.";
        assert_eq!(
            sents(t),
            [
                "The convoy crossed into\nnorthern Syria at dawn.",
                "It\nwas attacked later."
            ]
        );
        assert_eq!(paras(t).len(), 1);
        assert_eq!(sents("“It is done!”\nhe said."), ["“It is done!”\nhe said."]);
        // Digits and list items on the next line.
        assert_eq!(
            sents("Casualties by region\n120 in the north"),
            ["Casualties by region", "120 in the north"]
        );
    }

    #[test]
    fn newline_after_title_or_hyphen_continues() {
        assert_eq!(
            sents("The report was led by Gen.\nAmos Kiptoo of Kenya."),
            ["The report was led by Gen.\nAmos Kiptoo of Kenya."]
        );
        assert_eq!(
            sents("an Indo-\nPakistani accord"),
            ["an Indo-\nPakistani accord"]
        );
    }

    #[test]
    fn letterless_lines_stand_alone() {
        let t = "Ceasefire collapses\n***\nthe shelling resumed\n---\n2024";
        assert_eq!(
            sents(t),
            [
                "Ceasefire collapses",
                "***",
                "the shelling resumed",
                "---",
                "2024"
            ]
        );
    }

    #[test]
    fn headline_question_with_final_punct_still_splits() {
        assert_eq!(
            sents("Will Ankara act? Nobody knows."),
            ["Will Ankara act?", "Nobody knows."]
        );
    }

    #[test]
    fn crlf_tabs_nbsp() {
        let t = "Ports reopened.\r\nShips sailed.\r\n\r\nNew paragraph\r\nhere.";
        assert_eq!(
            sents(t),
            ["Ports reopened.", "Ships sailed.", "New paragraph\r\nhere."]
        );
        assert_eq!(paras(t).len(), 3);
        assert_eq!(
            toks("Troops\tadvanced\u{a0}on\u{a0}Goma."),
            ["Troops", "advanced", "on", "Goma", "."]
        );
        assert_eq!(
            sents("Troops\tadvanced.\u{a0}Goma\u{a0}fell."),
            ["Troops\tadvanced.", "Goma\u{a0}fell."]
        );
    }

    #[test]
    fn unicode_line_and_paragraph_separators() {
        assert_eq!(
            paras("First line.\u{2028}Second line.\u{2029}Third."),
            ["First line.", "Second line.", "Third."]
        );
        assert_eq!(sents("wrapped\u{2028}text"), ["wrapped\u{2028}text"]);
    }

    #[test]
    fn non_latin_sentences() {
        assert_eq!(
            sents("He wrote: 北京会谈结束。 Then left."),
            ["He wrote: 北京会谈结束。", "Then left."]
        );
        assert_eq!(
            sents("Il a dit « Non. » Puis il est parti."),
            ["Il a dit « Non. »", "Puis il est parti."]
        );
        assert_eq!(
            sents("Er sagte: „Nein.“ Dann ging er. »Gut.« Sie blieb."),
            ["Er sagte: „Nein.“", "Dann ging er.", "»Gut.«", "Sie blieb."]
        );
        assert_eq!(sents("“Stop. ” Then quiet."), ["“Stop. ”", "Then quiet."]);
    }

    #[test]
    fn structure_ranges() {
        let t = "A. B.\n\nC d e.";
        let seg = segment(t);
        check(t, &seg);
        assert_eq!(seg.paragraphs.len(), 2);
        assert_eq!(seg.sentence_tokens(seg.sentences.len() - 1).len(), 4);
        assert_eq!(seg.tokens[0].text(t), "A.");
    }

    #[test]
    fn more_quote_and_ellipsis_cases() {
        assert_eq!(
            sents("“We tried…” Then silence fell."),
            ["“We tried…”", "Then silence fell."]
        );
        assert_eq!(
            sents("He said: \"One. Two.\" Then he left."),
            ["He said: \"One.", "Two.\"", "Then he left."]
        );
        assert_eq!(
            sents("Prices rose 5%. Then they fell."),
            ["Prices rose 5%.", "Then they fell."]
        );
        assert_eq!(sents("“Go!”, the crowd shouted."), ["“Go!”, the crowd shouted."]);
    }

    #[test]
    fn acronym_at_wrapped_line_end() {
        assert_eq!(
            sents("sanctions imposed by the U.S.\nofficials in Seoul"),
            ["sanctions imposed by the U.S.\nofficials in Seoul"]
        );
        assert_eq!(
            sents("sanctions imposed by the U.S.\nOfficials in Seoul"),
            ["sanctions imposed by the U.S.", "Officials in Seoul"]
        );
    }

    #[test]
    fn token_kinds_of_every_class() {
        use TokenKind::*;
        assert_eq!(
            kinds("Dr. Ali’s 2nd #vote… “yes” 🗳️ @ali www.example.net"),
            [
                ("Dr.", Word),
                ("Ali", Word),
                ("’s", Word),
                ("2nd", Number),
                ("#vote", Symbol),
                ("…", Punct),
                ("“", Punct),
                ("yes", Word),
                ("”", Punct),
                ("🗳️", Symbol),
                ("@ali", Symbol),
                ("www.example.net", Symbol),
            ]
        );
    }

    #[test]
    fn sentence_and_paragraph_indices() {
        let t = "Kyiv was shelled. Odesa too.\nLviv was quiet.\n\nThe end.";
        let seg = segment(t);
        check(t, &seg);
        let ranges: Vec<_> = seg.paragraphs.iter().map(|p| p.sentences.clone()).collect();
        assert_eq!(ranges, [0..2, 2..3, 3..4]);
        assert_eq!(seg.sentences[1].tokens, 4..7);
        assert_eq!(seg.sentences[1].span.of(t), "Odesa too.");
    }

    // --- robustness -------------------------------------------------------

    const TRICKY: &[&str] = &[
        "Dr. Ümit Özdemir’s “plan” — in Ankara… failed?!\n\n",
        "مرحبا\u{200F}. שלום! 東京。 ",
        "👩🏽‍⚕️👨‍👩‍👧‍👦🇯🇵🇺🇳x",
        "U.S.A. U.N. a.m. No. 5 vs. etc. e.g.",
        "\r\n\r\n\t\u{a0}\u{2028}\u{2029}\u{85}\u{0B}\u{0C}",
        "x@y.z @ # #\u{301} ' ’ ’s 's",
        "https://a.b/(c)) www.x.y.",
        "\u{0}\u{1}\u{7F}\u{FFFD}\u{E000}\u{10FFFF}\u{FE0F}\u{200D}",
        "\u{301}\u{301}a\u{20E3}1\u{FE0F}\u{20E3}",
        "“‘«»’” ... …… ?!?! ---- —— ***",
        "3.5.6,7:8 1990s 7th $3 12.5%",
        "A.\nB.\n\nC",
        "Gen.\nx\n---\n",
    ];

    #[test]
    fn tricky_inputs_tile_the_text() {
        for t in TRICKY {
            check(t, &segment(t));
        }
        let all = TRICKY.concat();
        check(&all, &segment(&all));
        // Every prefix and suffix on a char boundary.
        for (i, _) in all.char_indices() {
            check(&all[..i], &segment(&all[..i]));
            check(&all[i..], &segment(&all[i..]));
        }
    }

    #[test]
    fn random_mixtures_never_panic() {
        let pieces = [
            "a", "B", "Ç", "ß", "7", ".", "!", "?", "…", "’", "'", "\"", "“", "”", "(", ")", "-", "—", " ",
            "\n", "\r\n", "\t", "\u{a0}", "\u{200B}", "\u{200D}", "\u{301}", "🇺", "👍", "🏽", "@", "#",
            "www.", "http://", "U.S.", "Dr.", "No.", "s", "ع", "中", ",", ":", "%", "\u{2029}", "\u{FE0F}",
            "e.g.", "*", "_", "&", "/",
        ];
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..3000 {
            let mut s = String::new();
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let len = (state % 24) as usize;
            for _ in 0..len {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                s.push_str(pieces[(state % pieces.len() as u64) as usize]);
            }
            check(&s, &segment(&s));
        }
    }

    #[test]
    fn odd_strings_never_panic() {
        let odd = [
            ".",
            "..",
            "'",
            "’s",
            "'s",
            "@",
            "@x",
            "a@",
            "@.",
            "#",
            "http://",
            "https://x",
            "www.",
            "U.",
            "U.S",
            "e.g",
            "No.",
            "No. ",
            "Mr.",
            "\u{200D}",
            "\u{FE0F}",
            "🇺",
            "x\u{301}",
            "\u{10FFFF}",
            "\r",
            "\n\r",
            "\u{0}",
            "—",
            "1,",
            "1.",
            ",1",
            "AT&",
            "&T",
            "a'",
            "s'",
        ];
        for t in odd {
            check(t, &segment(t));
        }
    }

    // --- speed ------------------------------------------------------------

    /// `cargo test --release -- --ignored --nocapture throughput`
    #[test]
    #[ignore]
    fn throughput() {
        let para = "Negotiators from Ethiopia and Eritrea met in Nairobi on Tuesday, \
            officials said. “We will not accept any deal that ignores the border,” said \
            Dr. Hana Tesfaye, the lead envoy. The U.S. and the E.U. sent observers; \
            about 30,000 people have fled since Jan. 2023, up 12.5% from a year earlier. \
            Gen. Mulugeta’s forces withdrew from two towns... but fighting continued near \
            the Sudanese frontier. Was it enough? Few thought so!\n\
            Analysts at www.example.org warned of a “long, grinding war” in the region’s \
            north — one that Mr. Abiy’s government denies. At 9 a.m. the talks resumed.\n\n";
        let mut text = String::with_capacity(52 << 20);
        while text.len() < 50 << 20 {
            text.push_str(para);
        }
        let seg = segment(&text); // warm up
        let mb = text.len() as f64 / 1e6;
        let runs = 5;
        let t0 = std::time::Instant::now();
        let mut count = 0;
        for _ in 0..runs {
            count += segment(std::hint::black_box(&text)).tokens.len();
        }
        let whole = t0.elapsed().as_secs_f64() / runs as f64;
        // The same text as ~64 KB documents, the size the pipeline sees.
        let t0 = std::time::Instant::now();
        let mut start = 0;
        while start < text.len() {
            let mut end = (start + (64 << 10)).min(text.len());
            while !text.is_char_boundary(end) {
                end += 1;
            }
            count += segment(std::hint::black_box(&text[start..end])).tokens.len();
            start = end;
        }
        let docs = t0.elapsed().as_secs_f64();
        println!(
            "segment: {mb:.1} MB, one call {:.0} MB/s, 64 KB documents {:.0} MB/s \
             ({} tokens, {} sentences; checksum {count})",
            mb / whole,
            mb / docs,
            seg.tokens.len(),
            seg.sentences.len()
        );
    }
}
