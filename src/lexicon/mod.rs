//! Lexicons: who is who, as data compiled once and shared read-only.
//!
//! The built-in lexicon is written by the dyad team as reviewable TSV files in
//! `data/lexicon/` (countries, international bodies, non-state groups, people
//! with dated offices, role words), embedded in the binary at build time.
//! Users can add dictionaries in the TABARI/PETRARCH format with
//! `--actors`/`--agents` ([`petrarch`]).
//!
//! [`Lexicon`] indexes every surface form by its first word; [`Lexicon::scan`]
//! looks each word token of a document up once and finds the longest form
//! that starts there: proper names case-sensitively, role words and user
//! dictionaries ignoring ASCII case. (An Aho-Corasick automaton over the raw
//! bytes did the same at a third of the speed: the segmenter has already found
//! every place a form can start.)

mod fuzzy;
mod packed;
pub mod petrarch;
mod tsv;

use std::collections::HashMap;

use jiff::civil::Date;
use rustc_hash::FxHashMap;

use crate::segment::{Token, TokenKind};

pub use tsv::LoadError;

/// What kind of thing an actor is (`SPEC.md` §2, field `kind`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ActorKind {
    State,
    Government,
    Person,
    Group,
    Igo,
    Media,
    Other,
}

impl ActorKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::State => "state",
            ActorKind::Government => "government",
            ActorKind::Person => "person",
            ActorKind::Group => "group",
            ActorKind::Igo => "igo",
            ActorKind::Media => "media",
            ActorKind::Other => "other",
        }
    }

    /// The kind of a country sector actor ("Israeli troops", "the Russian government").
    pub fn of_sector(sector: &str) -> ActorKind {
        match sector {
            "GOV" | "MIL" | "COP" | "JUD" | "LEG" | "SPY" => ActorKind::Government,
            "REB" | "OPP" | "PTY" | "UAF" | "CRM" => ActorKind::Group,
            "MED" => ActorKind::Media,
            _ => ActorKind::Other,
        }
    }
}

/// A code valid over a date range (both ends inclusive; open where `None`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DatedCode {
    pub code: String,
    pub from: Option<Date>,
    pub to: Option<Date>,
    /// The office held, for people ("President", "Foreign Minister").
    pub office: Option<String>,
}

impl DatedCode {
    fn covers(&self, date: Date) -> bool {
        self.from.is_none_or(|f| f <= date) && self.to.is_none_or(|t| date <= t)
    }
}

/// Index of an [`Entity`] in [`Lexicon::entities`].
pub type EntityId = usize;

/// One identity: a state, a government, a body, a group or a person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    pub name: String,
    pub kind: ActorKind,
    /// ISO alpha-3 country the entity belongs to, where it has one.
    pub country: Option<String>,
    /// Codes by date; an undated entity has one code without dates.
    pub codes: Vec<DatedCode>,
}

impl Entity {
    /// The code (and office) in force on `date`.
    ///
    /// A person outside all their terms is coded as an elite of their last
    /// country (`RUSELI`): a former president is not `GOV` today. Without a
    /// date, the latest term is taken.
    pub fn code_on(&self, date: Option<Date>) -> (Option<String>, Option<&str>) {
        let Some(date) = date else {
            let latest = self.codes.iter().max_by_key(|c| (c.to.is_none(), c.to, c.from));
            return (latest.map(|c| c.code.clone()), latest.and_then(|c| c.office.as_deref()));
        };
        // Of several offices held at once, the latest appointment is the one news means.
        if let Some(c) = self.codes.iter().filter(|c| c.covers(date)).max_by_key(|c| c.from) {
            return (Some(c.code.clone()), c.office.as_deref());
        }
        if self.kind == ActorKind::Person {
            let country = self.country.clone().or_else(|| self.codes.first().map(|c| c.code.chars().take(3).collect()));
            return (country.filter(|c| c.len() == 3 && !c.starts_with("IGO")).map(|c| format!("{c}ELI")), None);
        }
        (self.codes.first().map(|c| c.code.clone()), None)
    }
}

impl Entity {
    /// Whether one of the entity's codes is in force on `date`: for a person,
    /// whether they hold an office the lexicon knows. Without a date, or
    /// without dated codes, always.
    pub fn serves_on(&self, date: Option<Date>) -> bool {
        date.is_none_or(|date| self.codes.is_empty() || self.codes.iter().any(|c| c.covers(date)))
    }
}

/// How a surface form refers to its entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FormKind {
    /// The entity's name or a full alias ("Russia", "Vladimir Putin", "PLO").
    Name,
    /// A country adjective or demonym ("Russian", "Israelis").
    Adjective,
    /// A seat of government used for the government ("Moscow", "Kremlin").
    Seat,
    /// A region or city of a country: a place, not an actor.
    Region,
    /// A surname used alone ("Putin", "Abbas").
    Surname,
}

/// A role or organisation word and the sector it names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Role {
    /// Three-letter CAMEO sector code (`GOV`, `MIL`, `REB`, …).
    pub sector: String,
    /// Whether the word denotes a person ("spokeswoman") rather than a body ("ministry").
    pub person: bool,
}

/// The compiled lexicon.
pub struct Lexicon {
    pub entities: Vec<Entity>,
    /// Case-sensitive surface forms and the entities each may refer to.
    names: Vec<(Box<str>, Vec<(EntityId, FormKind)>)>,
    /// Forms from user dictionaries, lower case, matched ignoring ASCII case.
    folded: Vec<(Box<str>, Vec<(EntityId, FormKind)>)>,
    /// Role words, lower case and sorted (so that indices do not depend on hash order).
    role_words: Vec<String>,
    roles: Vec<Role>,
    /// Role word → its index in `role_words`, for [`Lexicon::role`] (asked
    /// for many words per document): words of up to 16 ASCII bytes packed
    /// by [`packed_word`], behind a filter (most words asked about are not
    /// role words), …
    short_roles: FxHashMap<u128, u32>,
    short_role_filter: WordFilter,
    /// … and longer or non-ASCII ones.
    long_roles: FxHashMap<Box<str>, u32>,
    /// First word of every form → index into `first_words`, for words of up
    /// to 16 ASCII bytes (nearly all), packed into one number by
    /// [`packed_word`] and marked for case by [`case_marked`]: the word
    /// tokens of a document probe this table, and hashing and comparing a
    /// number is cheaper than a string. (Indices rather than the entries
    /// themselves keep the table small enough to stay in cache.) A word
    /// that starts with a lower-case letter is there only where a form can
    /// start with it in lower case: not "to" of "To Lam" nor "said" of "Said
    /// Chengriha", which are frequent and start only capitalised names.
    short_first_words: packed::PackedIndex,
    /// The same for longer or non-ASCII first words.
    long_first_words: FxHashMap<Box<str>, u32>,
    /// The forms that start with each first word.
    first_words: Vec<FirstWord>,
    /// ISO alpha-3 → the state entity.
    states: HashMap<String, EntityId>,
    /// ISO alpha-3 → the country's adjective ("Russian"), for naming sector actors.
    adjectives: HashMap<String, String>,
    /// ISO alpha-3 → the government entity its seats name ("Kremlin" → Russian government).
    governments: HashMap<String, EntityId>,
    /// Single-word names and adjectives of states, for misspellings ("Ethopia").
    countries_fuzzy: fuzzy::CountryIndex,
}

/// The forms that start with one word, longest first.
#[derive(Default)]
struct FirstWord {
    names: Vec<Candidate>,
    /// Whether every name here starts with an ASCII capital, so that a
    /// lower-case word ("to", "said") need not try them ("To Lam", "Said Chengriha").
    names_capitalised: bool,
    folded: Vec<Candidate>,
    roles: Vec<Candidate>,
}

/// A form that starts with a given first word, with the bytes that tell
/// most candidates apart without reading the form: a frequent first word
/// ("President", "New", "Democratic") starts 15 to 20 forms, and the text
/// after it matches one at most.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Candidate {
    /// The form's first 16 bytes, zero-padded, as two numbers (the first in
    /// the lowest byte), in ASCII lower case where its list is matched
    /// ignoring case: compared with the text in two steps, and all of a
    /// form of 16 bytes or fewer (nearly every one).
    head: [u64; 2],
    /// Index of the form in its list (`names`, `folded` or `role_words`).
    index: u32,
    /// The form's length in bytes.
    len: u32,
    /// The form's last byte (in lower case where `head` is): the forms of
    /// one first word mostly differ there, and it is the cheapest test.
    last: u8,
}

/// The masks of the first `n` bytes of 16 (two numbers), for `n` up to 16.
const HEAD_MASKS: [[u64; 2]; 17] = {
    let mut masks = [[0; 2]; 17];
    let mut n = 1;
    while n <= 16 {
        masks[n] = if n <= 8 { [u64::MAX >> (64 - 8 * n), 0] } else { [u64::MAX, u64::MAX >> (128 - 8 * n)] };
        n += 1;
    }
    masks
};

/// Sixteen bytes of `text` from `at` as two numbers, zero-padded past its end.
fn sixteen_bytes(text: &[u8], at: usize) -> [u64; 2] {
    [eight_bytes(text, at), eight_bytes(text, at.saturating_add(8))]
}

/// Two numbers of text with their ASCII capitals in lower case.
fn lower_case_head([low, high]: [u64; 2]) -> [u64; 2] {
    [to_lower(low, ascii_letter_bytes(low)), to_lower(high, ascii_letter_bytes(high))]
}

impl Candidate {
    /// The candidate for the form at `index` of its list, matched ignoring
    /// ASCII case where `fold`.
    fn new(index: usize, form: &str, fold: bool) -> Candidate {
        let bytes = if fold { form.to_ascii_lowercase().into_bytes() } else { form.as_bytes().to_vec() };
        Candidate {
            head: sixteen_bytes(&bytes[..bytes.len().min(16)], 0),
            index: index as u32,
            len: form.len() as u32,
            last: bytes[bytes.len() - 1],
        }
    }

    /// Whether the form may be the text's `bytes` from their start (whose
    /// first 16 are `head`), compared ignoring ASCII case where `fold` (and
    /// then `head` is in lower case): its length, its last byte, then its
    /// first 16 bytes. Where this passes, a form of 16 bytes or fewer is
    /// there; the rest of a longer one is compared by the caller.
    #[inline]
    fn may_match(&self, bytes: &[u8], head: [u64; 2], fold: bool) -> bool {
        let len = self.len as usize;
        // The length is at least one (no form is empty); where it is longer
        // than `bytes`, there is no last byte.
        let Some(&last) = bytes.get(len.wrapping_sub(1)) else { return false };
        let last = if fold { last.to_ascii_lowercase() } else { last };
        let [low_mask, high_mask] = HEAD_MASKS[len.min(16)];
        last == self.last && (head[0] ^ self.head[0]) & low_mask | (head[1] ^ self.head[1]) & high_mask == 0
    }
}

impl FirstWord {
    /// Whether a form can start here at a token that starts with a
    /// lower-case ASCII letter (see [`Matcher::forms_at`]).
    fn may_start_lower_case(&self) -> bool {
        !self.names_capitalised || !self.folded.is_empty() || !self.roles.is_empty()
    }
}

/// A lexicon form found in a text: (start, end, the entities the form may refer to).
pub type FoundForm<'l> = (usize, usize, &'l [(EntityId, FormKind)]);

/// What [`Lexicon::scan`] finds in a text: whole-word, leftmost-longest,
/// non-overlapping within each list (a role word may lie inside a name).
pub struct Scan<'l> {
    /// Lexicon forms.
    pub forms: Vec<FoundForm<'l>>,
    /// Role words: (start, end, role).
    pub roles: Vec<(usize, usize, &'l Role)>,
}

/// Collects entries before compiling them into a [`Lexicon`].
#[derive(Default)]
pub struct LexiconBuilder {
    entities: Vec<Entity>,
    forms: HashMap<String, Vec<(EntityId, FormKind)>>,
    folded_forms: HashMap<String, Vec<(EntityId, FormKind)>>,
    roles: HashMap<String, Role>,
    states: HashMap<String, EntityId>,
    adjectives: HashMap<String, String>,
    governments: HashMap<String, EntityId>,
}

impl LexiconBuilder {
    pub fn new() -> LexiconBuilder {
        LexiconBuilder::default()
    }

    /// A builder that starts with the built-in lexicon, for adding user dictionaries.
    pub fn with_builtin() -> LexiconBuilder {
        let mut builder = LexiconBuilder::new();
        tsv::load_builtin(&mut builder).expect("the built-in lexicon is valid (checked by its tests)");
        builder
    }

    /// Adds an entity and returns its id.
    pub fn add_entity(&mut self, entity: Entity) -> EntityId {
        self.entities.push(entity);
        self.entities.len() - 1
    }

    pub fn entity_mut(&mut self, id: EntityId) -> &mut Entity {
        &mut self.entities[id]
    }

    /// Adds a case-sensitive surface form. Forms with an apostrophe also get
    /// their typographic twin ("Côte d’Ivoire").
    pub fn add_form(&mut self, form: &str, entity: EntityId, kind: FormKind) {
        // "the Kremlin": the article is not part of the name, and its case varies.
        let form = form.trim();
        let form = form.strip_prefix("the ").or_else(|| form.strip_prefix("The ")).unwrap_or(form);
        if form.is_empty() {
            return;
        }
        // "FBI" is "F.B.I." in some papers' style (the New York Times').
        let dotted = dotted_acronym(form);
        for variant in apostrophe_variants(form).into_iter().chain(dotted) {
            let targets = self.forms.entry(variant).or_default();
            if !targets.contains(&(entity, kind)) {
                targets.push((entity, kind));
            }
        }
    }

    /// Adds a form matched ignoring ASCII case (user dictionaries are upper case).
    pub fn add_folded_form(&mut self, form: &str, entity: EntityId, kind: FormKind) {
        let form = form.trim().to_lowercase();
        if form.is_empty() {
            return;
        }
        for variant in apostrophe_variants(&form) {
            let targets = self.folded_forms.entry(variant).or_default();
            if !targets.contains(&(entity, kind)) {
                targets.push((entity, kind));
            }
        }
    }

    pub fn add_role(&mut self, word: &str, role: Role) {
        if word.trim().is_empty() {
            return;
        }
        for variant in apostrophe_variants(&word.trim().to_lowercase()) {
            self.roles.insert(variant, role.clone());
        }
    }

    pub fn set_state(&mut self, iso3: &str, entity: EntityId) {
        self.states.insert(iso3.to_string(), entity);
    }

    pub fn state(&self, iso3: &str) -> Option<EntityId> {
        self.states.get(iso3).copied()
    }

    pub fn set_adjective(&mut self, iso3: &str, adjective: &str) {
        self.adjectives.entry(iso3.to_string()).or_insert_with(|| adjective.to_string());
    }

    /// Compiles the lexicon: every form is indexed by its first word.
    pub fn build(self) -> Lexicon {
        let names = sorted(self.forms);
        let folded = sorted(self.folded_forms);
        let mut role_words: Vec<(String, Role)> = self.roles.into_iter().collect();
        role_words.sort_by(|a, b| a.0.cmp(&b.0));
        let mut short_first_words: FxHashMap<u128, u32> = FxHashMap::default();
        let mut long_first_words: FxHashMap<Box<str>, u32> = FxHashMap::default();
        let mut first_words: Vec<FirstWord> = Vec::new();
        let mut entry = |form: &str| -> usize {
            let next = first_words.len();
            let key = first_word_key(form);
            let index = match packed_word(key.as_bytes()) {
                Some(packed) => *short_first_words.entry(packed).or_insert(next as u32),
                None => *long_first_words.entry(key.into()).or_insert(next as u32),
            } as usize;
            if index == next {
                first_words.push(FirstWord::default());
            }
            index
        };
        let names_first: Vec<usize> = names.iter().map(|(form, _)| entry(form)).collect();
        let folded_first: Vec<usize> = folded.iter().map(|(form, _)| entry(form)).collect();
        let roles_first: Vec<usize> = role_words.iter().map(|(word, _)| entry(word)).collect();
        for (i, &first) in names_first.iter().enumerate() {
            first_words[first].names.push(Candidate::new(i, &names[i].0, false));
        }
        for (i, &first) in folded_first.iter().enumerate() {
            first_words[first].folded.push(Candidate::new(i, &folded[i].0, true));
        }
        for (i, &first) in roles_first.iter().enumerate() {
            first_words[first].roles.push(Candidate::new(i, &role_words[i].0, true));
        }
        // Longest first, so that the first form that matches is the longest.
        for first in &mut first_words {
            for candidates in [&mut first.names, &mut first.folded, &mut first.roles] {
                candidates.sort_by_key(|c| std::cmp::Reverse(c.len));
            }
            first.names_capitalised = first.names.iter().all(|c| names[c.index as usize].0.as_bytes()[0].is_ascii_uppercase());
        }
        let (role_words, roles): (Vec<String>, Vec<Role>) = role_words.into_iter().unzip();
        let mut short_roles: FxHashMap<u128, u32> = FxHashMap::default();
        let mut long_roles: FxHashMap<Box<str>, u32> = FxHashMap::default();
        for (i, word) in role_words.iter().enumerate() {
            match packed_word(word.as_bytes()) {
                Some(packed) => short_roles.insert(packed, i as u32),
                None => long_roles.insert(word.as_str().into(), i as u32),
            };
        }
        let short_role_filter = WordFilter::new(&short_roles.keys().copied().collect::<Vec<u128>>());
        let entities = &self.entities;
        let countries_fuzzy = fuzzy::CountryIndex::new(names.iter().flat_map(|(form, targets)| {
            targets
                .iter()
                .filter(|(e, k)| matches!(k, FormKind::Name | FormKind::Adjective) && entities[*e].kind == ActorKind::State)
                .map(move |&(e, k)| (&**form, e, k))
        }));
        // A word that starts with a letter is there in capitals, and in lower
        // case where a form can start so; sorted, so that the table does not
        // depend on hash order.
        let mut marked: Vec<(u128, u32)> = Vec::new();
        for (&key, &i) in &short_first_words {
            if (key as u8).is_ascii_lowercase() {
                marked.push((key & !0x20, i));
            }
            if !(key as u8).is_ascii_lowercase() || first_words[i as usize].may_start_lower_case() {
                marked.push((key, i));
            }
        }
        marked.sort_unstable();
        Lexicon {
            entities: self.entities,
            names,
            folded,
            role_words,
            roles,
            short_roles,
            short_role_filter,
            long_roles,
            short_first_words: packed::PackedIndex::new(&marked),
            long_first_words,
            first_words,
            states: self.states,
            adjectives: self.adjectives,
            governments: self.governments,
            countries_fuzzy,
        }
    }
}

/// Forms sorted, so that indices (and so results) do not depend on hash order.
fn sorted(forms: HashMap<String, Vec<(EntityId, FormKind)>>) -> Vec<(Box<str>, Vec<(EntityId, FormKind)>)> {
    let mut forms: Vec<(Box<str>, Vec<(EntityId, FormKind)>)> = forms.into_iter().map(|(f, t)| (f.into(), t)).collect();
    forms.sort_by(|a, b| a.0.cmp(&b.0));
    forms
}

/// The lower-cased run of letters and digits a form or a text position starts with.
fn first_word_key(text: &str) -> String {
    let end = text.find(|c: char| !c.is_alphanumeric()).unwrap_or(text.len());
    text[..end].to_lowercase()
}

/// Every byte of a `u64` set to 1, and every byte's high bit.
const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
/// Bit 5 of every byte: lower case for letters, …
const LOWER_CASE: u64 = 0x2020_2020_2020_2020;
/// … and of every byte but the first.
const LOWER_CASE_BUT_FIRST: u64 = 0x2020_2020_2020_2000;

/// The high bit of each byte of `x` that is at least `c`, for bytes and `c`
/// below 0x80: `(b | 0x80) - c` keeps the high bit exactly when `b >= c`,
/// and never borrows from the next byte.
fn bytes_at_least(x: u64, c: u8) -> u64 {
    (x | HIGH_BITS).wrapping_sub(ONES * u64::from(c)) & HIGH_BITS
}

/// The high bit of each byte of `x` that is an ASCII letter, eight bytes at
/// a time: no table lookup and no branch per byte.
fn ascii_letter_bytes(x: u64) -> u64 {
    // With bit 5 set, capitals land on the lower-case letters.
    let folded = (x & !HIGH_BITS) | (ONES * 0x20);
    bytes_at_least(folded, b'a') & !bytes_at_least(folded, b'z' + 1) & !x
}

/// The high bit of each byte of `x` that is an ASCII digit.
fn ascii_digit_bytes(x: u64) -> u64 {
    let low7 = x & !HIGH_BITS;
    bytes_at_least(low7, b'0') & !bytes_at_least(low7, b'9' + 1) & !x
}

/// `x` with its ASCII letters in lower case, given their high bits
/// (`ascii_letter_bytes(x)`): bit 5 (0x20) makes a capital lower case.
fn to_lower(x: u64, letters: u64) -> u64 {
    x | letters >> 2
}

/// The low `n` bytes (at most eight) of a `u64` as a mask.
fn low_bytes(n: usize) -> u64 {
    u64::MAX.checked_shr(64 - 8 * n as u32).unwrap_or(0)
}

/// The leading run of ASCII letters and digits of eight bytes of text (the
/// first in the lowest byte), cut at `limit` bytes: lower-cased with the
/// bytes after it zeroed, and its length.
fn leading_run(x: u64, limit: usize) -> (u64, usize) {
    let letters = ascii_letter_bytes(x);
    let others = !(letters | ascii_digit_bytes(x)) & HIGH_BITS;
    let run = (others.trailing_zeros() as usize / 8).min(limit);
    (to_lower(x, letters) & low_bytes(run), run)
}

/// The high bit of each byte of eight bytes of text that is no ASCII letter
/// or digit.
fn non_alphanumeric_bytes(x: u64) -> u64 {
    !(ascii_letter_bytes(x) | ascii_digit_bytes(x)) & HIGH_BITS
}

/// The high bits of the bytes from the `n`th on (`n` at most eight), which
/// lie past the end of a token of `n` bytes: a table, as no one shift gives
/// both none and all eight.
const PAST_END: [u64; 9] = {
    let mut past = [0; 9];
    let mut n = 0;
    while n < 8 {
        past[n] = HIGH_BITS << (8 * n);
        n += 1;
    }
    past
};

/// The bytes below the one whose high bit is `stop` (a single bit, or none
/// for all eight) as a mask.
fn bytes_below(stop: u64) -> u64 {
    (stop >> 7).wrapping_sub(1)
}

/// Eight bytes of `text` from `at` as a number, the first in the lowest
/// byte; zeros (which end a run) past the end of the text.
fn eight_bytes(text: &[u8], at: usize) -> u64 {
    match text.get(at..).and_then(<[u8]>::first_chunk::<8>) {
        Some(&bytes) => u64::from_le_bytes(bytes),
        None => {
            let mut bytes = [0u8; 8];
            let rest = &text[at.min(text.len())..];
            bytes[..rest.len()].copy_from_slice(rest);
            u64::from_le_bytes(bytes)
        }
    }
}

/// The leading run of ASCII letters and digits of the token
/// `text[start..end]`, lower-cased and packed as by [`packed_word`] (its
/// first 16 bytes if it is longer), and the run's length.
///
/// Every word token of a document goes through here, so the token is read
/// eight bytes at a time (from the text, which usually goes on past the
/// token) and classified and lower-cased as one number, then cut at the
/// token's end: a byte loop takes more instructions, and mispredicts on
/// every word's length.
fn leading_ascii_word(text: &[u8], start: usize, end: usize) -> (u128, usize) {
    let token_len = end - start;
    let (low, low_len) = leading_run(eight_bytes(text, start), token_len);
    if low_len < 8 || token_len == 8 {
        return (u128::from(low), low_len);
    }
    let (high, high_len) = leading_run(eight_bytes(text, start + 8), token_len - 8);
    let packed = u128::from(high) << 64 | u128::from(low);
    let len = match high_len {
        8 => 16 + text[start + 16..end].iter().take_while(|b| b.is_ascii_alphanumeric()).count(),
        _ => 8 + high_len,
    };
    (packed, len)
}

/// The first word of the token of `token_len` bytes (at most eight) at
/// `start` as a key of the first-word table, for nearly every token: its
/// leading run of letters and digits, found in one number; `None` where a
/// non-ASCII byte cuts the run (see [`Lexicon::first_word_by_bytes`]).
///
/// The run ends at the first stop: a byte that is no ASCII letter or digit,
/// or the token's end. Lower case is bit 5 set, which the digits have
/// already; the first byte keeps its case (see [`case_marked`]).
#[inline]
fn packed_short_first_word(text: &[u8], start: usize, token_len: usize) -> Option<u64> {
    let head = eight_bytes(text, start);
    let past = PAST_END[token_len];
    let stops = non_alphanumeric_bytes(head) | past;
    let first_stop = stops & stops.wrapping_neg();
    (first_stop & head & !past == 0).then(|| (head | LOWER_CASE_BUT_FIRST) & bytes_below(first_stop))
}

/// [`packed_short_first_word`] for a token of nine to sixteen bytes, in two
/// numbers.
#[inline]
fn packed_medium_first_word(text: &[u8], start: usize, token_len: usize) -> Option<u128> {
    let (low, high) = (eight_bytes(text, start), eight_bytes(text, start + 8));
    let low_stops = non_alphanumeric_bytes(low);
    if low_stops != 0 {
        let first_stop = low_stops & low_stops.wrapping_neg();
        (first_stop & low == 0).then(|| u128::from((low | LOWER_CASE_BUT_FIRST) & bytes_below(first_stop)))
    } else {
        let past = PAST_END[token_len - 8];
        let stops = non_alphanumeric_bytes(high) | past;
        let first_stop = stops & stops.wrapping_neg();
        (first_stop & high & !past == 0)
            .then(|| u128::from((high | LOWER_CASE) & bytes_below(first_stop)) << 64 | u128::from(low | LOWER_CASE_BUT_FIRST))
    }
}

/// The key of the token `text[start..end]` as [`Lexicon::scan`] finds it
/// without [`Lexicon::first_word_by_bytes`], whatever its length.
#[cfg(test)]
fn packed_first_word(text: &[u8], start: usize, end: usize) -> Option<u128> {
    match end - start {
        token_len @ 0..=8 => packed_short_first_word(text, start, token_len).map(u128::from),
        token_len @ 9..=16 => packed_medium_first_word(text, start, token_len),
        _ => None,
    }
}

/// A set of packed words that answers most "is it there?" questions with
/// one bit: nearly every token of a document is in no table, and testing a
/// bit costs far less than a hash probe. A set bit means "maybe", to be
/// confirmed by the table itself.
pub(crate) struct WordFilter {
    bits: Box<[u64]>,
    /// 64 minus the log2 of the number of bits: the top bits of the hash index them.
    shift: u32,
}

impl WordFilter {
    /// A filter over `words` with about 32 bits per word (so that about one
    /// absent word in 32 gets through), but no more than fits in a corner of
    /// the L1 cache.
    pub(crate) fn new(words: &[u128]) -> WordFilter {
        let len = (words.len() * 32).next_power_of_two().clamp(64, 1 << 16);
        let mut filter = WordFilter { bits: vec![0; len / 64].into_boxed_slice(), shift: 64 - len.trailing_zeros() };
        for &word in words {
            let bit = filter.bit(word);
            filter.bits[bit / 64] |= 1 << (bit % 64);
        }
        filter
    }

    pub(crate) fn may_contain(&self, word: u128) -> bool {
        let bit = self.bit(word);
        self.bits[bit / 64] & 1 << (bit % 64) != 0
    }

    fn bit(&self, word: u128) -> usize {
        let folded = (word as u64) ^ ((word >> 64) as u64).rotate_left(29);
        (folded.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }
}

/// A word of at most 16 ASCII bytes as one number: its bytes from the lowest,
/// zero-padded (so a word with a zero byte has none: lengths differ too).
fn packed_word(word: &[u8]) -> Option<u128> {
    (word.len() <= 16 && word.iter().all(|&b| (1..0x80).contains(&b))).then(|| {
        let mut bytes = [0u8; 16];
        bytes[..word.len()].copy_from_slice(word);
        u128::from_le_bytes(bytes)
    })
}

/// A lower-cased packed word with its first byte in the case of `first`,
/// the first byte of the text it comes from: a capital where that is one.
/// The first-word table holds a word twice, in capitals and in lower case,
/// so that one probe also tells whether a form can start with the word in
/// the case the text has it.
fn case_marked(packed: u128, first: u8) -> u128 {
    if first.is_ascii_uppercase() { packed & !0x20 } else { packed }
}

/// An acronym of two to five capital letters written with a full stop after
/// each ("FBI" → "F.B.I."), or `None` for any other form.
fn dotted_acronym(form: &str) -> Option<String> {
    ((2..=5).contains(&form.len()) && form.bytes().all(|b| b.is_ascii_uppercase()))
        .then(|| form.chars().flat_map(|c| [c, '.']).collect())
}

fn apostrophe_variants(form: &str) -> Vec<String> {
    if form.contains('\'') {
        vec![form.to_string(), form.replace('\'', "\u{2019}")]
    } else {
        vec![form.to_string()]
    }
}

/// Whether `text` starts with a letter or digit: out of line, as the text
/// after a form nearly always starts with an ASCII byte.
#[cold]
#[inline(never)]
fn starts_with_alphanumeric(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_alphanumeric)
}

/// The state of [`Lexicon::scan`]: what it has found, and where each list
/// is free again (matches do not overlap within a list).
struct Matcher<'l, 't> {
    lexicon: &'l Lexicon,
    text: &'t str,
    scan: Scan<'l>,
    /// User-dictionary forms, merged into `scan.forms` at the end.
    folded_found: Vec<FoundForm<'l>>,
    names_free: usize,
    folded_free: usize,
    roles_free: usize,
}

impl<'l, 't> Matcher<'l, 't> {
    fn new(lexicon: &'l Lexicon, text: &'t str, tokens: usize) -> Matcher<'l, 't> {
        // News has about one form and one role word in 30 tokens: room for
        // them at once, rather than growing the lists a few times per document.
        let expected = tokens / 16;
        let scan = Scan { forms: Vec::with_capacity(expected), roles: Vec::with_capacity(expected) };
        Matcher { lexicon, text, scan, folded_found: Vec::new(), names_free: 0, folded_free: 0, roles_free: 0 }
    }

    /// The longest form of each list that starts at byte `start`, where the
    /// token there starts with the first word `first`. Out of line: about
    /// one word token in eight gets here, and the loop over all of them
    /// needs the registers.
    #[inline(never)]
    fn forms_at(&mut self, start: usize, first: &'l FirstWord) {
        let (lexicon, text) = (self.lexicon, self.text);
        // Every form must start and end at a word boundary: the start is
        // tested once here, the end per candidate.
        // An ASCII byte is a whole character (nearly always a space here):
        // decoded only where it is not.
        let letter_before = match text.as_bytes()[..start].last() {
            None => false,
            Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
            Some(_) => text[..start].chars().next_back().is_some_and(char::is_alphanumeric),
        };
        if letter_before {
            return;
        }
        let rest = &text[start..];
        let bytes = rest.as_bytes();
        let head = sixteen_bytes(text.as_bytes(), start);
        // An ASCII byte is a whole character: decoded only where it is not.
        let ends_word = |len: usize| match bytes.get(len) {
            None => true,
            Some(b) if b.is_ascii() => !b.is_ascii_alphanumeric(),
            Some(_) => !starts_with_alphanumeric(&rest[len..]),
        };
        if start >= self.names_free && !(first.names_capitalised && bytes[0].is_ascii_lowercase()) {
            let found = first.names.iter().find(|c| {
                c.may_match(bytes, head, false)
                    && (c.len <= 16 || bytes[16..c.len as usize] == lexicon.names[c.index as usize].0.as_bytes()[16..])
                    && ends_word(c.len as usize)
            });
            if let Some(c) = found {
                self.names_free = start + c.len as usize;
                self.scan.forms.push((start, self.names_free, lexicon.names[c.index as usize].1.as_slice()));
            }
        }
        // Bytes equal but for ASCII case end where the form's characters do.
        if start >= self.folded_free && !first.folded.is_empty() {
            let head = lower_case_head(head);
            let found = first.folded.iter().find(|c| {
                let (len, form) = (c.len as usize, lexicon.folded[c.index as usize].0.as_bytes());
                c.may_match(bytes, head, true)
                    && (len <= 16 || bytes[16..len].eq_ignore_ascii_case(&form[16..]))
                    && rest[..len].chars().any(char::is_uppercase)
                    && ends_word(len)
            });
            if let Some(c) = found {
                self.folded_free = start + c.len as usize;
                self.folded_found.push((start, self.folded_free, lexicon.folded[c.index as usize].1.as_slice()));
            }
        }
        if start >= self.roles_free && !first.roles.is_empty() {
            let head = lower_case_head(head);
            let found = first.roles.iter().find(|c| {
                let len = c.len as usize;
                c.may_match(bytes, head, true)
                    && (len <= 16 || bytes[16..len].eq_ignore_ascii_case(&lexicon.role_words[c.index as usize].as_bytes()[16..]))
                    && ends_word(len)
            });
            if let Some(c) = found {
                self.roles_free = start + c.len as usize;
                self.scan.roles.push((start, self.roles_free, &lexicon.roles[c.index as usize]));
            }
        }
    }

    /// The scan, with user-dictionary forms merged in: where they overlap a
    /// built-in form, the longer wins.
    fn finish(self) -> Scan<'l> {
        let mut scan = self.scan;
        if !self.folded_found.is_empty() {
            let mut found = std::mem::take(&mut scan.forms);
            found.extend(self.folded_found);
            found.sort_by_key(|&(s, e, _)| (s, std::cmp::Reverse(e)));
            for m in found {
                if scan.forms.last().is_none_or(|k| m.0 >= k.1) {
                    scan.forms.push(m);
                }
            }
        }
        scan
    }
}

impl Lexicon {
    /// The built-in lexicon of `data/lexicon/`.
    pub fn builtin() -> Lexicon {
        LexiconBuilder::with_builtin().build()
    }

    /// Lexicon forms and role words in `text`, looked up at each word or
    /// number token: its first word is tested against a filter, probed in
    /// the first-word table where the filter lets it through, then the
    /// candidate forms that start with it, longest first. A form must end at a
    /// word boundary. User-dictionary forms are matched ignoring ASCII case but
    /// need a capital in the text; where they overlap a built-in form, the
    /// longer wins.
    pub fn scan<'l>(&'l self, text: &str, tokens: &[Token]) -> Scan<'l> {
        let mut matcher = Matcher::new(self, text, tokens.len());
        for token in tokens {
            if !matches!(token.kind, TokenKind::Word | TokenKind::Number) {
                continue;
            }
            // Nearly every token: eight bytes or fewer, found in one number
            // here and turned away by the filter; the others out of line,
            // so that the loop keeps its registers. (Each way leaves the
            // loop body itself: an `Option` made on either costs a test.)
            let (start, end) = (token.span.start, token.span.end);
            let token_len = end.wrapping_sub(start);
            let index = if token_len <= 8
                && let Some(key) = packed_short_first_word(text.as_bytes(), start, token_len)
            {
                let Some(index) = self.short_first_words.get_short(key) else { continue };
                index
            } else if (9..=16).contains(&token_len)
                && let Some(key) = packed_medium_first_word(text.as_bytes(), start, token_len)
            {
                let Some(index) = self.short_first_words.get(key) else { continue };
                index
            } else {
                let Some(index) = self.first_word_by_bytes(text, start, end) else { continue };
                index
            };
            matcher.forms_at(start, &self.first_words[index as usize]);
        }
        matcher.finish()
    }

    /// The entry of the first word of the token `text[start..end]`, if any
    /// form starts with it, the ways [`Lexicon::scan`] finds it.
    #[cfg(test)]
    fn first_word_at(&self, text: &str, start: usize, end: usize) -> Option<u32> {
        match packed_first_word(text.as_bytes(), start, end) {
            Some(key) => self.short_first_words.get(key),
            None => self.first_word_by_bytes(text, start, end),
        }
    }

    /// The entry of the first word of any token (see [`Lexicon::scan`]), a
    /// byte at a time where needed. Out of line, so that the loop over every
    /// token keeps its registers.
    #[inline(never)]
    fn first_word_by_bytes(&self, text: &str, start: usize, end: usize) -> Option<u32> {
        let (packed, len) = leading_ascii_word(text.as_bytes(), start, end);
        // Not where typographic punctuation (U+2000 to U+203F: bytes E2 80,
        // no letter or digit among them) ends the run ("don’t", "Trump’s"):
        // the key is the run, as for "dont".
        let rest = &text.as_bytes()[start + len..end];
        if rest.first().is_some_and(|b| !b.is_ascii()) && !rest.starts_with(&[0xE2, 0x80]) {
            self.first_word_entry(&first_word_key(&text[start..]))
        } else if len <= 16 {
            self.short_first_words.get(case_marked(packed, text.as_bytes()[start]))
        } else {
            self.long_first_words.get(&*text[start..start + len].to_ascii_lowercase()).copied()
        }
    }

    /// The entry of a lower-cased first word, whatever the case of the
    /// text it comes from.
    fn first_word_entry(&self, key: &str) -> Option<u32> {
        match packed_word(key.as_bytes()) {
            Some(packed) => self.short_first_words.get(case_marked(packed, (packed as u8).to_ascii_uppercase())),
            None => self.long_first_words.get(key).copied(),
        }
    }

    /// The role a word or phrase names, if it is one ("spokeswoman" → GOV person).
    pub fn role(&self, word: &str) -> Option<&Role> {
        let index = match packed_word(word.as_bytes()) {
            // Nearly every word: packed and lower-cased in registers.
            Some(packed) => {
                let [low, high] = [packed as u64, (packed >> 64) as u64].map(|x| to_lower(x, ascii_letter_bytes(x)));
                let packed = u128::from(high) << 64 | u128::from(low);
                self.short_role_filter.may_contain(packed).then(|| self.short_roles.get(&packed)).flatten()
            }
            None if word.chars().any(char::is_uppercase) => self.long_roles.get(word.to_lowercase().as_str()),
            None => self.long_roles.get(word),
        };
        index.map(|&i| &self.roles[i as usize])
    }

    pub fn state(&self, iso3: &str) -> Option<EntityId> {
        self.states.get(iso3).copied()
    }

    /// The government entity of a country, named by its seats of government.
    pub fn government(&self, iso3: &str) -> Option<EntityId> {
        self.governments.get(iso3).copied()
    }

    /// The adjective of a country ("RUS" → "Russian").
    pub fn adjective(&self, iso3: &str) -> Option<&str> {
        self.adjectives.get(iso3).map(String::as_str)
    }

    /// Whether `word` may misspell a state's name, as far as its first two
    /// letters and its last can tell: a cheap test before
    /// [`Lexicon::misspelt_country`], which most words fail.
    pub fn may_misspell_country(&self, word: &str) -> bool {
        self.countries_fuzzy.may_misspell(word.as_bytes())
    }

    /// The state a capitalised word misspells ("Ethopia", "Chenchen"): one
    /// edit from the single-word forms of exactly one state (see [`fuzzy`]).
    pub fn misspelt_country(&self, word: &str) -> Option<(EntityId, FormKind)> {
        self.countries_fuzzy.lookup(word)
    }

    /// Number of entities and of distinct surface forms.
    pub fn size(&self) -> (usize, usize) {
        (self.entities.len(), self.names.len() + self.folded.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    #[test]
    fn leading_ascii_word_packs_the_run_in_lower_case() {
        let whole = |word: &[u8]| leading_ascii_word(word, 0, word.len());
        assert_eq!(whole(b"U.S."), (packed_word(b"u").unwrap(), 1));
        assert_eq!(whole(b"Abcdefgh9"), (packed_word(b"abcdefgh9").unwrap(), 9));
        assert_eq!(whole(b"SeventeenLetterwd"), (packed_word(b"seventeenletterw").unwrap(), 17));
        assert_eq!(whole("C\u{f4}te".as_bytes()), (packed_word(b"c").unwrap(), 1));
        // Every length, cut at the token's end whatever follows it, and every byte.
        let text = b"AZaz09Sixteenletterwrd-x";
        for end in 0..=text.len() {
            let run = text[..end].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
            let key = packed_word(&text[..run.min(16)].to_ascii_lowercase()).unwrap();
            assert_eq!(leading_ascii_word(text, 0, end), (key, run), "{end}");
        }
        for byte in 0..=255u8 {
            let word = [b'a', byte, b'b'];
            let run = if byte.is_ascii_alphanumeric() { 3 } else { 1 };
            assert_eq!(leading_ascii_word(&word, 0, 3), (packed_word(&word[..run].to_ascii_lowercase()).unwrap(), run), "{byte}");
        }
    }

    #[test]
    fn packed_first_words_are_the_leading_run_with_the_first_byte_in_its_case() {
        // Tokens of every length up to 20 bytes, of letters, digits,
        // punctuation and non-ASCII characters, anywhere in a text and at
        // its very end: where the fast way gives a key, it is the one a
        // byte loop finds; it gives none only where a non-ASCII byte cuts
        // the run or the token is longer than 16 bytes.
        let pieces = ["a", "Z", "q", "M", "0", "9", ".", "'", "-", "é", "’", "\u{212a}", "Δ", "x", "K"];
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..20_000 {
            let mut text = String::new();
            for _ in 0..next() % 12 {
                text.push_str(pieces[(next() % pieces.len() as u64) as usize]);
            }
            let bytes = text.as_bytes();
            for start in 0..=bytes.len() {
                for end in start..=bytes.len().min(start + 20) {
                    let token = &bytes[start..end];
                    let run = token.iter().take_while(|b| b.is_ascii_alphanumeric()).count();
                    let cut = token.get(run).is_some_and(|b| !b.is_ascii());
                    let got = packed_first_word(bytes, start, end);
                    if cut || token.len() > 16 {
                        assert_eq!(got, None, "{text:?} {start}..{end}");
                        continue;
                    }
                    let mut key = token[..run].to_ascii_lowercase();
                    if let Some(first) = key.first_mut() {
                        *first = token[0];
                    }
                    assert_eq!(got, packed_word(&key), "{text:?} {start}..{end}");
                }
            }
        }
    }

    #[test]
    fn every_form_of_the_builtin_lexicon_is_found_through_its_first_word() {
        // The packed keys, the filter and the probe agree with the index
        // built from the forms: each form's first token leads to its entry.
        let lexicon = Lexicon::builtin();
        type List<'a> = &'a [(Box<str>, Vec<(EntityId, FormKind)>)];
        type Entries = fn(&FirstWord) -> &[Candidate];
        let lists: [(List, Entries, bool); 2] =
            [(&lexicon.names, |f| &f.names, false), (&lexicon.folded, |f| &f.folded, true)];
        let mut checked = 0;
        for (list, entries, fold) in lists {
            for (i, (form, _)) in list.iter().enumerate() {
                let Some(token) = segment(form).tokens.first().copied() else { continue };
                if token.span.start != 0 || !matches!(token.kind, TokenKind::Word | TokenKind::Number) {
                    continue;
                }
                let index = lexicon.first_word_at(form, 0, token.span.end).unwrap_or_else(|| panic!("{form}"));
                assert!(entries(&lexicon.first_words[index as usize]).contains(&Candidate::new(i, form, fold)), "{form}");
                checked += 1;
            }
        }
        for (i, word) in lexicon.role_words.iter().enumerate() {
            let end = segment(word).tokens[0].span.end;
            let index = lexicon.first_word_at(word, 0, end).unwrap_or_else(|| panic!("{word}"));
            assert!(lexicon.first_words[index as usize].roles.contains(&Candidate::new(i, word, true)), "{word}");
            assert_eq!(lexicon.role(word).map(|r| &r.sector), Some(&lexicon.roles[i].sector), "{word}");
        }
        assert!(checked > 1000);
    }

    #[test]
    fn scan_finds_forms_whatever_the_length_or_script_of_their_first_word() {
        let mut builder = LexiconBuilder::new();
        // First words of 2, 16, 17 and 21 bytes, and non-ASCII ones.
        for form in ["Ab", "Sixteenletterwrd Group", "Seventeenletterwd Group", "Ab1234567890123456789 Unit", "Côte d'Ivoire", "Δelta Force"] {
            let entity = builder.add_entity(Entity { name: form.into(), kind: ActorKind::Group, country: None, codes: Vec::new() });
            builder.add_form(form, entity, FormKind::Name);
        }
        builder.add_role("spokeswoman", Role { sector: "GOV".into(), person: true });
        let lexicon = builder.build();
        let text = "Ab and ab met the Sixteenletterwrd Group, the Seventeenletterwd Group and the \
                    Ab1234567890123456789 Unit in Côte d’Ivoire; a Δelta Force Spokeswoman spoke.";
        let scan = lexicon.scan(text, &segment(text).tokens);
        let forms: Vec<&str> = scan.forms.iter().map(|&(start, end, _)| &text[start..end]).collect();
        assert_eq!(
            forms,
            ["Ab", "Sixteenletterwrd Group", "Seventeenletterwd Group", "Ab1234567890123456789 Unit", "Côte d’Ivoire", "Δelta Force"]
        );
        let roles: Vec<&str> = scan.roles.iter().map(|&(start, end, _)| &text[start..end]).collect();
        assert_eq!(roles, ["Spokeswoman"]);
    }

    #[test]
    fn scan_compares_forms_of_any_length_in_full_up_to_the_text_end() {
        // Forms of 16 bytes or fewer are compared as two numbers, longer
        // ones also byte by byte after them; a form may end the text, and a
        // text may end inside one.
        let mut builder = LexiconBuilder::new();
        let entity = builder.add_entity(Entity { name: "AQAP".into(), kind: ActorKind::Group, country: None, codes: Vec::new() });
        builder.add_folded_form("AL QAEDA IN THE ARABIAN PENINSULA", entity, FormKind::Name);
        builder.add_folded_form("AL QAEDA", entity, FormKind::Name);
        builder.add_form("Sixteen Byte Nam", entity, FormKind::Name);
        builder.add_form("Seventeen Byte Nam", entity, FormKind::Name);
        builder.add_role("deputy spokeswoman", Role { sector: "GOV".into(), person: true });
        builder.add_role("deputy", Role { sector: "GOV".into(), person: true });
        let lexicon = builder.build();
        let found = |text: &str| {
            let scan = lexicon.scan(text, &segment(text).tokens);
            let forms: Vec<&str> = scan.forms.iter().map(|&(start, end, _)| &text[start..end]).collect::<Vec<_>>();
            let roles: Vec<&str> = scan.roles.iter().map(|&(start, end, _)| &text[start..end]).collect::<Vec<_>>();
            (forms.join("|"), roles.join("|"))
        };
        assert_eq!(found("Al Qaeda in the Arabian Peninsula"), ("Al Qaeda in the Arabian Peninsula".into(), String::new()));
        assert_eq!(found("Al Qaeda in the Arabian Peninsulas"), ("Al Qaeda".into(), String::new()));
        assert_eq!(found("Al Qaeda in the Arabian Peninsul"), ("Al Qaeda".into(), String::new()));
        assert_eq!(found("al qaeda in the arabian peninsula"), (String::new(), String::new()));
        assert_eq!(found("Sixteen Byte Nam, Seventeen Byte Nam"), ("Sixteen Byte Nam|Seventeen Byte Nam".into(), String::new()));
        assert_eq!(found("Sixteen Byte Na Seventeen Byte Name"), (String::new(), String::new()));
        assert_eq!(found("Sixteen Byte Nam\u{e9} Sixteen byte Nam"), (String::new(), String::new()));
        assert_eq!(found("The Deputy Spokeswoman and a deputy spokeswomen"), (String::new(), "Deputy Spokeswoman|deputy".into()));
        assert_eq!(found("DEPUTY SPOKESWOMAN"), (String::new(), "DEPUTY SPOKESWOMAN".into()));
    }
}
