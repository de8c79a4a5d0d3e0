//! Lexicons: who is who, as data compiled once and shared read-only.
//!
//! The built-in lexicon is written by the dyad team as reviewable TSV files in
//! `data/lexicon/` (countries, international bodies, non-state groups, people
//! with dated offices, role words), embedded in the binary at build time.
//! Users can add dictionaries in the TABARI/PETRARCH format with
//! `--actors`/`--agents` ([`petrarch`]).
//!
//! [`Lexicon`] compiles every surface form into Aho-Corasick automata
//! (leftmost-longest): proper names case-sensitively, role words and user
//! dictionaries ASCII-case-insensitively.

pub mod petrarch;
mod tsv;

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use jiff::civil::Date;

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

/// A match of a lexicon form in a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FormMatch {
    pub start: usize,
    pub end: usize,
    /// Candidates for this form, most specific first (usually one).
    pub form: usize,
}

/// The compiled lexicon.
pub struct Lexicon {
    pub entities: Vec<Entity>,
    /// Per pattern of `names`: the entities the form may refer to.
    form_targets: Vec<Vec<(EntityId, FormKind)>>,
    names: AhoCorasick,
    /// Per pattern of `folded`: entities from user dictionaries (matched ignoring ASCII case).
    folded_targets: Vec<Vec<(EntityId, FormKind)>>,
    folded: Option<AhoCorasick>,
    roles: Vec<Role>,
    role_matcher: AhoCorasick,
    role_words: Vec<String>,
    /// ISO alpha-3 → the state entity.
    states: HashMap<String, EntityId>,
    /// ISO alpha-3 → the country's adjective ("Russian"), for naming sector actors.
    adjectives: HashMap<String, String>,
    /// ISO alpha-3 → the government entity its seats name ("Kremlin" → Russian government).
    governments: HashMap<String, EntityId>,
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

    /// Compiles the automata.
    pub fn build(self) -> Lexicon {
        let (names, form_targets) = compile(self.forms, false);
        let folded = (!self.folded_forms.is_empty()).then(|| compile(self.folded_forms, true));
        let (folded, folded_targets) = match folded {
            Some((m, t)) => (Some(m), t),
            None => (None, Vec::new()),
        };
        let mut role_words: Vec<(String, Role)> = self.roles.into_iter().collect();
        role_words.sort_by(|a, b| a.0.cmp(&b.0));
        let role_matcher = AhoCorasickBuilder::new()
            .kind(Some(AhoCorasickKind::DFA))
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .build(role_words.iter().map(|(w, _)| w))
            .expect("role automaton");
        let (role_words, roles) = role_words.into_iter().unzip();
        Lexicon {
            entities: self.entities,
            form_targets,
            names,
            folded_targets,
            folded,
            roles,
            role_matcher,
            role_words,
            states: self.states,
            adjectives: self.adjectives,
            governments: self.governments,
        }
    }
}

fn compile(forms: HashMap<String, Vec<(EntityId, FormKind)>>, fold: bool) -> (AhoCorasick, Vec<Vec<(EntityId, FormKind)>>) {
    let mut forms: Vec<(String, Vec<(EntityId, FormKind)>)> = forms.into_iter().collect();
    // Sorted so that pattern ids (and so results) do not depend on hash order.
    forms.sort_by(|a, b| a.0.cmp(&b.0));
    // A DFA costs more memory and build time than the default NFA but scans
    // several times faster; every document is scanned, the lexicon built once.
    // Very large user dictionaries fall back to the (contiguous) NFA.
    let kind = if forms.len() <= 20_000 { AhoCorasickKind::DFA } else { AhoCorasickKind::ContiguousNFA };
    let matcher = AhoCorasickBuilder::new()
        .kind(Some(kind))
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(fold)
        .build(forms.iter().map(|(f, _)| f))
        .expect("lexicon automaton: patterns are non-empty strings");
    (matcher, forms.into_iter().map(|(_, t)| t).collect())
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

    /// Lexicon forms found in `text`, as whole words, left to right, longest first.
    /// User-dictionary forms are matched too; where both match, the longer wins.
    pub fn find_forms(&self, text: &str) -> Vec<(usize, usize, &[(EntityId, FormKind)])> {
        let mut found: Vec<(usize, usize, &[(EntityId, FormKind)])> = self
            .names
            .find_iter(text)
            .filter(|m| at_word_boundaries(text, m.start(), m.end()))
            .map(|m| (m.start(), m.end(), self.form_targets[m.pattern().as_usize()].as_slice()))
            .collect();
        if let Some(folded) = &self.folded {
            let extra = folded
                .find_iter(text)
                .filter(|m| at_word_boundaries(text, m.start(), m.end()))
                // A user dictionary's upper-case forms name proper nouns: require a capital.
                .filter(|m| text[m.start()..m.end()].chars().any(char::is_uppercase))
                .map(|m| (m.start(), m.end(), self.folded_targets[m.pattern().as_usize()].as_slice()));
            found.extend(extra);
            found.sort_by_key(|&(s, e, _)| (s, std::cmp::Reverse(e)));
            let mut kept: Vec<(usize, usize, &[(EntityId, FormKind)])> = Vec::with_capacity(found.len());
            for m in found {
                if kept.last().is_none_or(|k| m.0 >= k.1) {
                    kept.push(m);
                }
            }
            found = kept;
        }
        found
    }

    /// Role words found in `text` as whole words (ignoring case).
    pub fn find_roles<'l>(&'l self, text: &str) -> Vec<(usize, usize, &'l Role)> {
        self.role_matcher
            .find_iter(text)
            .filter(|m| at_word_boundaries(text, m.start(), m.end()))
            .map(|m| (m.start(), m.end(), &self.roles[m.pattern().as_usize()]))
            .collect()
    }

    /// The role a word or phrase names, if it is one ("spokeswoman" → GOV person).
    pub fn role(&self, word: &str) -> Option<&Role> {
        let index = if word.chars().any(char::is_uppercase) {
            let lower = word.to_lowercase();
            self.role_words.binary_search_by(|w| w.as_str().cmp(&lower))
        } else {
            self.role_words.binary_search_by(|w| w.as_str().cmp(word))
        };
        index.ok().map(|i| &self.roles[i])
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

    /// Number of entities and of distinct surface forms.
    pub fn size(&self) -> (usize, usize) {
        (self.entities.len(), self.form_targets.len() + self.folded_targets.len())
    }
}
