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
    /// Role word → its index in `role_words` (for [`Lexicon::role`], asked for many words per document).
    role_index: FxHashMap<Box<str>, u32>,
    /// Lower-cased first word of every form → index into `first_words`, for
    /// words of up to 16 ASCII bytes (nearly all), packed into one number by
    /// [`packed_word`]: every word token of a document probes this table, and
    /// hashing and comparing a number is cheaper than a string. (Indices
    /// rather than the entries themselves keep the table small enough to stay
    /// in cache.)
    short_first_words: FxHashMap<u128, u32>,
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

/// The forms that start with one word, as indices, longest first.
#[derive(Default)]
struct FirstWord {
    names: Vec<u32>,
    /// Whether every name here starts with an ASCII capital, so that a
    /// lower-case word ("to", "said") need not try them ("To Lam", "Said Chengriha").
    names_capitalised: bool,
    folded: Vec<u32>,
    roles: Vec<u32>,
}

/// What [`Lexicon::scan`] finds in a text: whole-word, leftmost-longest,
/// non-overlapping within each list (a role word may lie inside a name).
pub struct Scan<'l> {
    /// Lexicon forms: (start, end, the entities the form may refer to).
    pub forms: Vec<(usize, usize, &'l [(EntityId, FormKind)])>,
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
        for variant in apostrophe_variants(form) {
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
            first_words[first].names.push(i as u32);
        }
        for (i, &first) in folded_first.iter().enumerate() {
            first_words[first].folded.push(i as u32);
        }
        for (i, &first) in roles_first.iter().enumerate() {
            first_words[first].roles.push(i as u32);
        }
        // Longest first, so that the first form that matches is the longest.
        for first in &mut first_words {
            first.names.sort_by_key(|&i| std::cmp::Reverse(names[i as usize].0.len()));
            first.folded.sort_by_key(|&i| std::cmp::Reverse(folded[i as usize].0.len()));
            first.roles.sort_by_key(|&i| std::cmp::Reverse(role_words[i as usize].0.len()));
            first.names_capitalised = first.names.iter().all(|&i| names[i as usize].0.as_bytes()[0].is_ascii_uppercase());
        }
        let (role_words, roles): (Vec<String>, Vec<Role>) = role_words.into_iter().unzip();
        let role_index = role_words.iter().enumerate().map(|(i, w)| (w.as_str().into(), i as u32)).collect();
        let entities = &self.entities;
        let countries_fuzzy = fuzzy::CountryIndex::new(names.iter().flat_map(|(form, targets)| {
            targets
                .iter()
                .filter(|(e, k)| matches!(k, FormKind::Name | FormKind::Adjective) && entities[*e].kind == ActorKind::State)
                .map(move |&(e, k)| (&**form, e, k))
        }));
        Lexicon {
            entities: self.entities,
            names,
            folded,
            role_words,
            roles,
            role_index,
            short_first_words,
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

/// Each byte in lower case if it is an ASCII letter or digit, else zero: one
/// table lookup per byte of every word token.
const KEY_BYTES: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut byte = 0;
    while byte < 256 {
        if (byte as u8).is_ascii_alphanumeric() {
            table[byte] = (byte as u8).to_ascii_lowercase();
        }
        byte += 1;
    }
    table
};

/// The leading run of ASCII letters and digits of `word`, lower-cased and
/// packed as by [`packed_word`] (its first 16 bytes if it is longer), and the
/// run's length.
///
/// Every word token of a document goes through here. One table lookup per
/// byte; the bytes are shifted into two registers, first the low eight then
/// the high eight (bytes stored one by one and read back as one number stall
/// the load).
fn leading_ascii_word(word: &[u8]) -> (u128, usize) {
    let key_byte = |i: usize| u64::from(KEY_BYTES[usize::from(word[i])]);
    let (mut low, mut high) = (0u64, 0u64);
    let mut len = 0;
    while len < word.len().min(8) && key_byte(len) != 0 {
        low |= key_byte(len) << (8 * len);
        len += 1;
    }
    while len >= 8 && len < word.len().min(16) && key_byte(len) != 0 {
        high |= key_byte(len) << (8 * (len - 8));
        len += 1;
    }
    while len < word.len() && key_byte(len) != 0 {
        len += 1;
    }
    (u128::from(high) << 64 | u128::from(low), len)
}

/// A word of at most 16 ASCII bytes as one number: its bytes from the lowest,
/// zero-padded (no letter or digit is a zero byte, so lengths differ too).
fn packed_word(word: &[u8]) -> Option<u128> {
    (word.len() <= 16 && word.is_ascii()).then(|| {
        let mut bytes = [0u8; 16];
        bytes[..word.len()].copy_from_slice(word);
        u128::from_le_bytes(bytes)
    })
}

fn apostrophe_variants(form: &str) -> Vec<String> {
    if form.contains('\'') {
        vec![form.to_string(), form.replace('\'', "\u{2019}")]
    } else {
        vec![form.to_string()]
    }
}

/// Whether `text[start..end]` stands as whole words: no letter or digit glued on either side.
fn at_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

impl Lexicon {
    /// The built-in lexicon of `data/lexicon/`.
    pub fn builtin() -> Lexicon {
        LexiconBuilder::with_builtin().build()
    }

    /// Lexicon forms and role words in `text`, looked up at each word or
    /// number token: one hash lookup per token on its first word, then the
    /// candidate forms that start with it, longest first. A form must end at a
    /// word boundary. User-dictionary forms are matched ignoring ASCII case but
    /// need a capital in the text; where they overlap a built-in form, the
    /// longer wins.
    pub fn scan<'l>(&'l self, text: &str, tokens: &[Token]) -> Scan<'l> {
        let mut scan = Scan { forms: Vec::new(), roles: Vec::new() };
        let mut folded_found = Vec::new();
        let (mut names_free, mut folded_free, mut roles_free) = (0, 0, 0);
        for token in tokens {
            if !matches!(token.kind, TokenKind::Word | TokenKind::Number) {
                continue;
            }
            let start = token.span.start;
            // As bytes: the token's ends are character boundaries already.
            let word = &text.as_bytes()[start..token.span.end];
            // The key is the token's leading run of letters and digits,
            // lower-cased: packed on the fly for a short ASCII run (nearly
            // every token), by characters where a non-ASCII letter may continue it.
            let (packed, len) = leading_ascii_word(word);
            let index = if word.get(len).is_some_and(|b| !b.is_ascii()) {
                self.first_word_entry(&first_word_key(&text[start..]))
            } else if len <= 16 {
                self.short_first_words.get(&packed).copied()
            } else {
                self.long_first_words.get(&*text[start..start + len].to_ascii_lowercase()).copied()
            };
            let Some(index) = index else { continue };
            let rest = &text[start..];
            let first = &self.first_words[index as usize];
            if start >= names_free && !(first.names_capitalised && word[0].is_ascii_lowercase()) {
                let found = first.names.iter().map(|&i| &self.names[i as usize]).find(|(form, _)| {
                    rest.starts_with(&**form) && at_word_boundaries(text, start, start + form.len())
                });
                if let Some((form, targets)) = found {
                    names_free = start + form.len();
                    scan.forms.push((start, names_free, targets.as_slice()));
                }
            }
            if start >= folded_free {
                let found = first.folded.iter().map(|&i| &self.folded[i as usize]).find(|(form, _)| {
                    let end = start + form.len();
                    rest.get(..form.len()).is_some_and(|t| t.eq_ignore_ascii_case(form) && t.chars().any(char::is_uppercase))
                        && at_word_boundaries(text, start, end)
                });
                if let Some((form, targets)) = found {
                    folded_free = start + form.len();
                    folded_found.push((start, folded_free, targets.as_slice()));
                }
            }
            if start >= roles_free {
                let found = first.roles.iter().find(|&&i| {
                    let word = &self.role_words[i as usize];
                    rest.get(..word.len()).is_some_and(|t| t.eq_ignore_ascii_case(word)) && at_word_boundaries(text, start, start + word.len())
                });
                if let Some(&i) = found {
                    roles_free = start + self.role_words[i as usize].len();
                    scan.roles.push((start, roles_free, &self.roles[i as usize]));
                }
            }
        }
        if !folded_found.is_empty() {
            let mut found = std::mem::take(&mut scan.forms);
            found.extend(folded_found);
            found.sort_by_key(|&(s, e, _)| (s, std::cmp::Reverse(e)));
            for m in found {
                if scan.forms.last().is_none_or(|k| m.0 >= k.1) {
                    scan.forms.push(m);
                }
            }
        }
        scan
    }

    /// The entry of a lower-cased first word.
    fn first_word_entry(&self, key: &str) -> Option<u32> {
        match packed_word(key.as_bytes()) {
            Some(packed) => self.short_first_words.get(&packed).copied(),
            None => self.long_first_words.get(key).copied(),
        }
    }

    /// The role a word or phrase names, if it is one ("spokeswoman" → GOV person).
    pub fn role(&self, word: &str) -> Option<&Role> {
        let mut buf = [0u8; 32];
        let index = if word.is_ascii() && word.len() <= buf.len() {
            // Nearly every word: lower-cased on the stack.
            let lower = &mut buf[..word.len()];
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            self.role_index.get(std::str::from_utf8(lower).unwrap_or_default())
        } else if word.chars().any(char::is_uppercase) {
            self.role_index.get(word.to_lowercase().as_str())
        } else {
            self.role_index.get(word)
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
        assert_eq!(leading_ascii_word(b"U.S."), (packed_word(b"u").unwrap(), 1));
        assert_eq!(leading_ascii_word(b"Abcdefgh9"), (packed_word(b"abcdefgh9").unwrap(), 9));
        assert_eq!(leading_ascii_word(b"SeventeenLetterwd"), (packed_word(b"seventeenletterw").unwrap(), 17));
        assert_eq!(leading_ascii_word("C\u{f4}te".as_bytes()), (packed_word(b"c").unwrap(), 1));
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
}
