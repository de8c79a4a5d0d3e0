//! Actors: who is who in a document, resolved to CAMEO codes.
//!
//! The stage finds every mention of a political actor and groups the mentions
//! of one identity into one [`Actor`]:
//!
//! 1. lexicon forms (states, seats of government, bodies, groups, people) by
//!    leftmost-longest matching; a seat after a locative preposition ("in
//!    Moscow") is a place, not an actor;
//! 2. country sectors composed from a country word and a role word ("the
//!    Russian government", "Israeli troops", "Putin's government");
//! 3. people: lexicon names, and capitalised names that a title, a role word,
//!    an apposition ("Ruslan Suleymanov, an independent expert") or a speech
//!    verb marks as a person; their role and affiliation come from the words
//!    around the name ("Russian Foreign Ministry spokeswoman Maria Zakharova");
//! 4. within-document resolution: surnames and title + surname ("Dr Ramani")
//!    and descriptions set up by an apposition ("The Palestinian leader,
//!    Mahmoud Abbas") point back to the person.
//!
//! A person's code comes from the lexicon's dated offices on the document's
//! date; a person the lexicon does not know gets a code only when the text
//! gives an affiliation.

use std::borrow::Cow;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::doc::{Actor, Place, Span};
use crate::lexicon::{ActorKind, EntityId, FormKind, Lexicon, Role, WordFilter};
use crate::segment::{Segmentation, TokenKind};

/// Titles that precede a person's name.
const TITLES: &[&str] = &[
    "Dr", "Dr.", "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Prof", "Prof.", "Professor", "Sir", "Dame", "Sheikh",
    "Shaikh", "Gen", "Gen.", "General", "Lt", "Lt.", "Col", "Col.", "Colonel", "Maj", "Maj.", "Major", "Capt",
    "Capt.", "Captain", "Adm", "Adm.", "Admiral", "Sgt", "Sgt.", "Rev", "Rev.", "Judge", "Justice", "Rabbi",
    "Imam", "Ayatollah", "Pope", "Cardinal", "Bishop", "Archbishop", "Lord", "Lady", "Senator", "Sen", "Sen.",
    "Rep", "Rep.", "Gov", "Gov.", "Mayor", "Ambassador", "Commodore", "Marshal", "Field Marshal", "Emir",
    "King", "Queen", "Prince", "Princess", "Crown Prince", "Sultan", "President", "Premier", "Chancellor", "Speaker",
];

// Titles start with a capital letter: `Finder::is_title` looks them up for
// capitalised tokens only.
const _: () = {
    let mut i = 0;
    while i < TITLES.len() {
        assert!(TITLES[i].as_bytes()[0].is_ascii_uppercase(), "titles start with a capital letter");
        i += 1;
    }
};

/// Lower-case words that may stand inside a name ("Abdel Fattah al-Burhan").
const NAME_PARTICLES: &[&str] = &[
    "al", "el", "bin", "ibn", "bint", "de", "da", "do", "dos", "das", "di", "du", "van", "von", "der", "den", "le",
    "la", "y", "ould", "ben", "abu", "bou",
];

/// Nouns that describe a person in an apposition ("X, an independent expert").
const PERSON_DESCRIPTORS: &[&str] = &[
    "expert", "analyst", "fellow", "member", "executive", "author", "professor", "researcher", "scholar", "journalist",
    "correspondent", "hostage", "director", "head", "chief", "leader", "founder", "official", "spokesperson",
    "spokesman", "spokeswoman", "adviser", "advisor", "candidate", "activist", "commander", "lecturer",
    "economist", "historian", "editor", "writer", "lawyer", "doctor", "resident", "student", "citizen",
    "negotiator", "envoy", "ambassador", "diplomat", "minister", "president", "secretary", "chairman",
    "chairwoman", "chair", "deputy", "representative", "mediator", "strategist", "consultant", "politician",
    "lawmaker", "senator", "general", "officer", "soldier", "survivor", "witness", "mother", "father", "son",
    "daughter", "wife", "husband", "brother", "sister", "pharmacist", "teacher", "farmer", "trader", "worker",
    "engineer", "nurse", "surgeon", "cleric", "imam", "priest", "veteran", "prisoner", "detainee", "refugee",
    "victim", "reporter", "commentator", "observer", "coordinator", "manager", "owner", "ceo", "partner",
    "attorney", "prosecutor", "aide", "specialist", "scientist", "physician", "fisherman",
];

/// Speech verbs that mark their subject or inverted subject as a person.
const SPEECH_VERBS: &[&str] = &[
    "said", "says", "told", "tells", "added", "adds", "noted", "notes", "explained", "explains", "stated",
    "states", "wrote", "writes", "argued", "argues", "warned", "warns", "cautioned", "insisted", "insists",
    "stressed", "stresses", "emphasised", "emphasized", "observed", "remarked", "recalled", "continued",
    "asked", "replied", "responded", "commented", "announced", "declared", "predicted", "predicts", "doubts",
    "believes", "thinks", "acknowledged", "admitted", "claimed", "suggested", "concluded", "pointed",
];

/// Words before a seat that make it a place rather than the government.
const LOCATIVES: &[&str] = &[
    "in", "to", "from", "at", "near", "into", "outside", "inside", "across", "towards", "toward", "via",
    "around", "between", "through", "visit", "visited", "visiting", "arrived", "reached", "left", "leaving",
];

/// Words that start a sentence but never a name.
const SENTENCE_OPENERS: &[&str] = &[
    "The", "A", "An", "However", "But", "And", "In", "On", "At", "By", "For", "From", "As", "After", "Before",
    "While", "When", "If", "Although", "Despite", "Unlike", "Thus", "Furthermore", "Additionally", "Meanwhile",
    "Indeed", "Rather", "First", "Second", "Third", "Finally", "Besides", "Nonetheless", "Still", "Yet", "Over",
    "Under", "Since", "Until", "During", "Such", "This", "That", "These", "Those", "It", "Its", "He", "She",
    "They", "We", "I", "His", "Her", "Their", "Our", "Other", "Some", "Many", "Most", "One", "Both", "Each",
    "Every", "No", "Not", "Only", "Even", "Also", "Then", "There", "Here", "Why", "What", "How", "Who",
    "Looking", "Officials", "Might", "Will", "Would", "Could", "Should", "Can", "May", "Time", "Regardless",
    "Of", "Very", "Among", "Amid", "Without", "With", "According", "Following", "Ahead", "Asked", "To", "Earlier",
    "Later",
];

/// Words inside a capitalised run that make it an organisation or place, not a person.
const NON_PERSON_WORDS: &[&str] = &[
    "Council", "Ministry", "Institute", "University", "Agency", "News", "Party", "Forces", "Union",
    "Organisation", "Organization", "Republic", "State", "States", "Authority", "Front", "Movement", "Group",
    "Army", "Brigades", "Court", "Bank", "Fund", "Company", "Corp", "Corporation", "Inc", "Ltd", "Committee",
    "Commission", "Office", "Department", "Service", "Services", "Centre", "Center", "Foundation", "Association",
    "League", "Assembly", "Parliament", "Congress", "Senate", "House", "Street", "Square", "Road", "Avenue",
    "Airport", "Hotel", "Hospital", "School", "College", "Times", "Post", "Journal", "Press", "Radio", "Television",
    "TV", "Network", "Media", "Daily", "Weekly", "Review", "Gazette", "Tribune", "Herald", "Guardian", "Analytics",
    "Brotherhood", "Jihad", "War", "Strip", "Bank", "Sea", "Ocean", "River", "Gulf", "Mountains", "Province",
    "Region", "District", "City", "County", "Valley", "Island", "Islands", "Peninsula", "Desert", "Crossing",
    "Declaration", "Agreement", "Accord", "Accords", "Treaty", "Summit", "Conference", "Forum", "Programme",
    "Program", "Initiative", "Plan", "Project", "Act", "Law", "Day", "Week", "Global", "South", "North", "East",
    "West", "Middle", "World", "International", "National", "Federal", "Royal", "United", "Arab", "Islamic",
];

/// Capitalised adjectives of party or camp that open a person's name
/// ("Democrat Joe Manchin", "Republican strategist") but are no name.
const AFFILIATION_ADJECTIVES: &[&str] = &[
    "Republican", "Democratic", "Democrat", "Conservative", "Socialist", "Communist", "Western", "Eastern",
    "Northern", "Southern",
];

/// Capitalised words inside an organisation's name before a role ("Foreign Ministry spokeswoman").
const ORGANISATION_WORDS: &[&str] = &[
    "Foreign", "Defence", "Defense", "Interior", "Finance", "Justice", "Health", "Energy", "Trade", "Economy",
    "Ministry", "Affairs", "Security", "National", "State", "Presidential", "Deputy", "Senior", "Chief",
    "Military", "Army", "Navy", "Air", "Force", "Intelligence", "Press", "Office",
];

/// Words that make a capitalised run an organisation ("Tax Policy Center").
const ORGANISATION_HEADS: &[&str] = &[
    "Center", "Centre", "Foundation", "Institute", "Bureau", "Office", "Association", "Council", "Committee",
    "Agency", "Commission", "Times", "Post", "News", "Journal", "Network", "Union", "Organization",
    "Organisation", "Fund", "University", "Company", "Corporation", "Coalition", "Alliance", "Federation",
    "Department", "Ministry", "Service", "Court", "Party", "Tribune", "Herald", "Gazette", "Magazine",
    "Television", "Radio", "Press", "Group", "Institution", "Society", "Board", "Authority", "Administration",
];

/// Organisation heads that make it a news outlet.
const MEDIA_HEADS: &[&str] = &["Times", "Post", "News", "Journal", "Network", "Tribune", "Herald", "Gazette", "Magazine", "Television", "Radio", "Press"];

/// Given names common in news, from `data/lexicon/given_names.tsv`: a place's
/// name right after one is a surname ("Luis Montenegro", "Jim Jordan").
/// Asked only before one-word place names, so a plain set.
static GIVEN_NAMES: std::sync::LazyLock<FxHashSet<&'static str>> = std::sync::LazyLock::new(|| {
    include_str!("../data/lexicon/given_names.tsv")
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .filter_map(|line| line.split('\t').next())
        .collect()
});

fn is_given_name(word: &str) -> bool {
    GIVEN_NAMES.contains(word)
}

/// Honorifics that name no office: a title word after one may be a surname ("Mr. King").
const PLAIN_HONORIFICS: &[&str] = &["Mr.", "Mrs.", "Ms.", "Mr", "Mrs", "Ms"];

/// Articles that open a description before a name ("The Palestinian leader, ", "A senior official, ").
const ARTICLES: &[&str] = &["The ", "the ", "A ", "a ", "An ", "an "];

/// Titles that are also common English surnames: after "Mr." or "Ms." or a
/// given name they are the surname ("Mr. King", "Larry King", "Ms. Bishop",
/// "Jim Justice"), where other titles are forms of address ("Mr. President").
const TITLES_THAT_ARE_SURNAMES: &[&str] = &["King", "Prince", "Bishop", "Justice", "Judge", "Duke", "Earl", "Baron", "Major", "Pope", "Deacon"];

/// Month and day names: capitalised, but not surnames.
const CALENDAR_WORDS: &[&str] = &[
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.",
    "Nov.", "Dec.", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
];

/// The word lists above that a word is on, as bits. The stage asks about
/// many words of every document, often about several lists at once: one
/// hash lookup answers them all.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Lists(u16);

impl Lists {
    const TITLE: Lists = Lists(1);
    const SENTENCE_OPENER: Lists = Lists(1 << 1);
    const NON_PERSON_WORD: Lists = Lists(1 << 2);
    const PERSON_DESCRIPTOR: Lists = Lists(1 << 3);
    const SPEECH_VERB: Lists = Lists(1 << 4);
    const LOCATIVE: Lists = Lists(1 << 5);
    const NAME_PARTICLE: Lists = Lists(1 << 6);
    const ORGANISATION_WORD: Lists = Lists(1 << 7);
    const ORGANISATION_HEAD: Lists = Lists(1 << 8);
    const CALENDAR_WORD: Lists = Lists(1 << 9);
    /// A person descriptor capitalised ("Director", "Executive"): inside a
    /// name run, where capitalised tokens have their lists looked up once.
    const CAPITALISED_DESCRIPTOR: Lists = Lists(1 << 10);

    /// The lists `word` is on, exactly as written (the lists are case-sensitive).
    fn of(word: &str) -> Lists {
        Lists::key(word).map(Lists::of_key).unwrap_or_default()
    }

    /// The lists of a word packed by [`Lists::key`]. Most words asked about
    /// are on no list: a bit of a filter turns nearly all of them away
    /// before the hash probe.
    fn of_key(key: u128) -> Lists {
        static WORD_LISTS: std::sync::LazyLock<(WordFilter, FxHashMap<u128, Lists>)> = std::sync::LazyLock::new(|| {
            let mut map: FxHashMap<u128, Lists> = FxHashMap::default();
            let lists = [
                (Lists::TITLE, TITLES),
                (Lists::SENTENCE_OPENER, SENTENCE_OPENERS),
                (Lists::NON_PERSON_WORD, NON_PERSON_WORDS),
                (Lists::PERSON_DESCRIPTOR, PERSON_DESCRIPTORS),
                (Lists::SPEECH_VERB, SPEECH_VERBS),
                (Lists::LOCATIVE, LOCATIVES),
                (Lists::NAME_PARTICLE, NAME_PARTICLES),
                (Lists::ORGANISATION_WORD, ORGANISATION_WORDS),
                (Lists::ORGANISATION_HEAD, ORGANISATION_HEADS),
                (Lists::CALENDAR_WORD, CALENDAR_WORDS),
            ];
            for (list, words) in lists {
                for &word in words {
                    let key = Lists::key(word).expect("list words are short (checked by a test)");
                    map.entry(key).or_default().0 |= list.0;
                }
            }
            for word in PERSON_DESCRIPTORS {
                let capitalised = format!("{}{}", word[..1].to_ascii_uppercase(), &word[1..]);
                let key = Lists::key(&capitalised).expect("list words are short (checked by a test)");
                map.entry(key).or_default().0 |= Lists::CAPITALISED_DESCRIPTOR.0;
            }
            let keys: Vec<u128> = map.keys().copied().collect();
            (WordFilter::new(&keys), map)
        });
        let (filter, map) = &*WORD_LISTS;
        if filter.may_contain(key) { map.get(&key).copied().unwrap_or_default() } else { Lists::default() }
    }

    /// A word of at most 15 bytes (every word on the lists) as one number:
    /// its bytes from the lowest, zero-padded, and its length in the top byte.
    /// Hashing and comparing a number is what makes the lookup cheap.
    ///
    /// The bytes are loaded in overlapping pieces straight into registers:
    /// copied into a buffer and read back as one number, they stall the load
    /// (this is asked for hundreds of thousands of words per megabyte).
    fn key(word: &str) -> Option<u128> {
        let b = word.as_bytes();
        let n = b.len();
        let le32 = |at: usize| u64::from(u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]]));
        let le64 = |at: usize| le32(at) | le32(at + 4) << 32;
        let low = match n {
            0 => 0,
            // Byte 0, the middle one and the last: all of a word this short.
            1..=3 => u64::from(b[0]) | u64::from(b[n / 2]) << (8 * (n / 2)) | u64::from(b[n - 1]) << (8 * (n - 1)),
            // The first four and the last four; where they overlap they agree.
            4..=7 => le32(0) | le32(n - 4) << (8 * (n - 4)),
            8..=15 => le64(0),
            _ => return None,
        };
        // Bytes 8.. as the top of the last eight, shifted down past those already in `low`.
        let high = if n > 8 { le64(n - 8) >> (8 * (16 - n)) } else { 0 };
        Some(u128::from(high) << 64 | u128::from(low) | (n as u128) << 120)
    }

    fn has(self, list: Lists) -> bool {
        self.0 & list.0 != 0
    }
}

/// What the name finder needs to know of a token, found once per document.
#[derive(Clone, Copy, Debug, Default)]
struct TokenClass {
    /// It starts with a capital letter.
    capitalised: bool,
    /// A capitalised word with a lower-case letter after the first, not a
    /// title: a word that can be part of a name ("Abbas", not "UN" or "Dr").
    name_word: bool,
    /// The word lists it is on; looked up for capitalised tokens only
    /// (see `Finder::token_lists`).
    lists: Lists,
    /// It is the first token of a sentence.
    sentence_start: bool,
}

/// One mention before actors are formed.
#[derive(Clone, Debug)]
struct Mention {
    span: Span,
    target: Target,
    /// How a lexicon form named the target; `None` for composed mentions.
    form: Option<FormKind>,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Target {
    Entity(EntityId),
    /// A country sector the lexicon has no entity for, e.g. `ISRMIL`.
    Sector { country: String, sector: String },
    /// A person the lexicon does not know: index into `Finder::people`.
    NewPerson(usize),
}

/// A person found in the text but not in the lexicon.
#[derive(Clone, Debug)]
struct NewPerson {
    name: String,
    /// `Person`, or `Other`/`Media` for an organisation the lexicon lacks.
    kind: ActorKind,
    role: Option<String>,
    code: Option<String>,
    country: Option<String>,
}

struct Finder<'a> {
    text: &'a str,
    seg: &'a Segmentation,
    lexicon: &'a Lexicon,
    date: Option<jiff::civil::Date>,
    mentions: Vec<Mention>,
    /// How many leading `mentions` are in text order and disjoint: during
    /// `sector_mentions`, the lexicon's and the misspelt countries. Lookups by
    /// position binary-search those and walk only the rest; zero elsewhere,
    /// where mentions are added and removed anywhere.
    in_text_order: usize,
    places: Vec<Place>,
    people: Vec<NewPerson>,
    /// Roles the text gives people the lexicon knows ("Foreign Ministry
    /// spokeswoman"), with the code the role gives where it names a sector
    /// and a country (or the person has one): the code for a date none of
    /// their terms covers ("Deputy Foreign Minister Abbas Araghchi" in 2016,
    /// years before the lexicon has him foreign minister).
    known_roles: FxHashMap<EntityId, (String, Option<String>)>,
    /// Spans already claimed by a mention or a modifier.
    claimed: Vec<Span>,
    /// Descriptions set up by apposition ("palestinian leader") → person target.
    descriptions: Vec<(String, Target)>,
    /// Per token: its class (see `classify_tokens`).
    classes: Vec<TokenClass>,
    /// Indices of the tokens that start with a capital letter: the only ones
    /// that can start a name or be a surname, listed once for both passes.
    capitalised: Vec<usize>,
    /// Per paragraph, whether it is in title case, once asked
    /// (see `in_title_case_paragraph`).
    title_case: Vec<std::cell::Cell<Option<bool>>>,
}

/// Finds the actors of a document.
pub fn find_actors(text: &str, seg: &Segmentation, lexicon: &Lexicon, date: Option<jiff::civil::Date>) -> Vec<Actor> {
    find_actors_and_places(text, seg, lexicon, date).0
}

/// Finds the actors of a document and the places it names: regions, cities
/// and seats of government used as places ("in Moscow").
pub fn find_actors_and_places(
    text: &str,
    seg: &Segmentation,
    lexicon: &Lexicon,
    date: Option<jiff::civil::Date>,
) -> (Vec<Actor>, Vec<Place>) {
    let mut f = Finder {
        text,
        seg,
        lexicon,
        date,
        mentions: Vec::new(),
        in_text_order: 0,
        // A document names a few of each: allocated once, not grown from nothing.
        places: Vec::with_capacity(8),
        people: Vec::with_capacity(8),
        known_roles: FxHashMap::default(),
        claimed: Vec::new(),
        descriptions: Vec::new(),
        classes: Vec::new(),
        capitalised: Vec::new(),
        title_case: vec![std::cell::Cell::new(None); seg.paragraphs.len()],
    };
    (f.classes, f.capitalised) = classify_tokens(text, seg);
    let scan = lexicon.scan(text, &seg.tokens);
    f.lexicon_mentions(&scan.forms);
    f.misspelt_countries();
    f.sector_mentions(&scan.roles);
    f.minorities();
    f.new_people(&scan.roles);
    f.acronym_organisations();
    f.merge_lone_surnames();
    f.prefer_people_named_in_full();
    f.surnames_and_descriptions();
    f.office_holders_described();
    let places = std::mem::take(&mut f.places);
    (f.into_actors(), places)
}

/// Every token's class, and the indices of the capitalised ones. Only
/// capitalised tokens get a word-list lookup here: the lists asked about for
/// the words of a name run (titles, sentence openers, organisation words)
/// hold capitalised words only, and `Finder::token_lists` looks any other
/// token up when asked.
fn classify_tokens(text: &str, seg: &Segmentation) -> (Vec<TokenClass>, Vec<usize>) {
    let bytes = text.as_bytes();
    let mut classes = vec![TokenClass::default(); seg.tokens.len()];
    let mut capitalised = Vec::with_capacity(seg.tokens.len() / 4);
    for (i, token) in seg.tokens.iter().enumerate() {
        let first = bytes[token.span.start];
        // One byte decides for ASCII: nearly every token.
        let upper = if first.is_ascii() { first.is_ascii_uppercase() } else { text[token.span.start..].starts_with(char::is_uppercase) };
        if !upper {
            continue;
        }
        let word = token.span.of(text);
        let lists = Lists::of(word);
        // An ASCII lower-case byte after the first is a lower-case letter
        // after the first character; other lower-case letters are rare.
        let lower_case_after_first = word.bytes().skip(1).any(|b| b.is_ascii_lowercase()) || !word.is_ascii() && word.chars().skip(1).any(char::is_lowercase);
        let name_word = token.kind == TokenKind::Word && lower_case_after_first && !lists.has(Lists::TITLE);
        classes[i] = TokenClass { capitalised: true, name_word, lists, sentence_start: false };
        capitalised.push(i);
    }
    // "Mr. King", "Larry King", "Ms. Bishop": after an honorific or a given
    // name, a title word that is also a common surname is one ("Mr.
    // President" is a form of address).
    for pair in capitalised.windows(2) {
        let (honorific, word) = (pair[0], pair[1]);
        // The word before is read only for the few title words.
        let before = || seg.tokens[honorific].span.of(text);
        if word == honorific + 1
            && classes[word].lists.has(Lists::TITLE)
            && TITLES_THAT_ARE_SURNAMES.contains(&seg.tokens[word].span.of(text))
            && (PLAIN_HONORIFICS.contains(&before()) || is_given_name(before()))
            && text[seg.tokens[honorific].span.end..seg.tokens[word].span.start] == *" "
            && seg.tokens[word].kind == TokenKind::Word
        {
            classes[word].name_word = true;
            classes[word].lists = Lists(classes[word].lists.0 & !Lists::TITLE.0);
        }
    }
    for sentence in &seg.sentences {
        classes[sentence.tokens.start].sentence_start = true;
    }
    (classes, capitalised)
}

impl<'a> Finder<'a> {
    fn is_claimed(&self, span: Span) -> bool {
        self.claimed.iter().any(|c| c.start < span.end && span.start < c.end)
    }

    fn claim(&mut self, span: Span) {
        self.claimed.push(span);
    }

    /// Where the run of whitespace that ends at byte `pos` starts (`pos` if there is none).
    fn spaces_before(&self, pos: usize) -> usize {
        self.text[..pos].trim_end().len()
    }

    /// The token before token `t` if only whitespace separates them:
    /// `word_before` at a token's start, without searching for it.
    #[inline]
    fn token_before(&self, t: usize) -> Option<usize> {
        let before = t.checked_sub(1)?;
        let (end, start) = (self.seg.tokens[before].span.end, self.seg.tokens[t].span.start);
        // Nearly always one space.
        let spaced = start == end + 1 && self.text.as_bytes()[end] == b' ' || all_whitespace(&self.text[end..start]);
        spaced.then_some(before)
    }

    /// The word just before byte `pos` (skipping spaces), and its start.
    fn word_before(&self, pos: usize) -> Option<(usize, &'a str)> {
        let i = self.seg.tokens.partition_point(|t| t.span.end <= pos);
        let t = self.seg.tokens.get(i.checked_sub(1)?)?;
        // Nearly always one space.
        let spaced = pos == t.span.end + 1 && self.text.as_bytes()[t.span.end] == b' ' || all_whitespace(&self.text[t.span.end..pos]);
        spaced.then(|| (t.span.start, t.span.of(self.text)))
    }

    /// The word lists token `i` is on (looked up once for capitalised tokens).
    fn token_lists(&self, i: usize) -> Lists {
        let class = self.classes[i];
        if class.capitalised { class.lists } else { Lists::of(self.token_text(i)) }
    }

    /// Whether token `t` is a title ("Dr.", "President"). Titles are
    /// capitalised (asserted beside `TITLES`): no lookup for other tokens.
    fn is_title(&self, t: usize) -> bool {
        self.classes[t].capitalised && self.token_lists(t).has(Lists::TITLE)
    }

    fn token_text(&self, i: usize) -> &'a str {
        self.seg.tokens[i].span.of(self.text)
    }

    fn sentence_of(&self, pos: usize) -> Span {
        self.seg.sentence_from(pos).map_or(Span::new(0, self.text.len()), |s| s.span)
    }

    /// Whether a possessive `'s`/`’s` follows byte `end`.
    fn possessive_after(&self, end: usize) -> Option<usize> {
        let rest = &self.text[end..];
        ["'s", "\u{2019}s", "'", "\u{2019}"]
            .iter()
            .find(|p| rest.starts_with(*p) && !rest[p.len()..].starts_with(char::is_alphanumeric))
            .map(|p| end + p.len())
    }

    fn lexicon_mentions(&mut self, forms: &[(usize, usize, &[(EntityId, FormKind)])]) {
        // Entities the document names in full, to tell apart two people who share a surname.
        // Needed only where a form names several (rarely).
        let named: Vec<EntityId> = if forms.iter().any(|(_, _, t)| t.len() > 1) {
            forms.iter().filter(|(_, _, t)| t.len() == 1 && t[0].1 == FormKind::Name).map(|(_, _, t)| t[0].0).collect()
        } else {
            Vec::new()
        };
        self.mentions.reserve(forms.len());
        // The end of a form stretched over the rest of its name: a form there is a word of it.
        let mut stretched_to = 0;
        for &(start, mut end, targets) in forms {
            if start < stretched_to {
                continue;
            }
            let Some((entity, kind)) = self.pick_target(targets, &named) else { continue };
            // "President Xi Jinping": a title form that the rest of the name follows.
            if kind == FormKind::Name
                && let Some(rest) = self.rest_of_own_name(end, entity)
            {
                end = rest;
                stretched_to = rest;
            }
            // "Carter Page", "Ash Carter", "Omar Suleiman Bakhit": a longer name the name finder reads.
            let person = self.lexicon.entities[entity].kind == ActorKind::Person;
            let longer = match kind {
                FormKind::Surname => self.inside_longer_name(start, end, Some(entity)),
                FormKind::Name if person => self.inside_longer_name(start, end, None),
                // "the San Jose Mercury News", "the Paris Agreement", "Real Madrid":
                // a seat that opens or ends a longer name is a word of it, but not in a headline,
                // where every word is capitalised ("Moscow Hosts Rival Factions").
                FormKind::Seat
                    if (self.capitalised_word_after(end) && self.inside_longer_name(start, end, None) || self.one_word_seat_ends_name(start, end))
                        && !self.in_title_case_paragraph(start) =>
                {
                    true
                }
                // "the National Security Council", "Russia's Security Council",
                // "the Virginia General Assembly": a national body named like a UN one.
                _ if self.lexicon.entities[entity].kind == ActorKind::Igo
                    && self.text[start..end].contains(|c: char| c.is_lowercase())
                    && self.national_body_before(start) =>
                {
                    true
                }
                // "Luis Montenegro", "Jim Jordan", "Jeremy Paris": a one-word
                // place after a given name is someone's surname, left to the name finder.
                _ => !person && !self.text[start..end].contains(' ') && self.given_name_before(start),
            };
            if longer {
                continue;
            }
            let span = Span::new(start, end);
            let place = match kind {
                FormKind::Region => true,
                FormKind::Seat => {
                    self.word_before(start).is_some_and(|(_, w)| lists_of_lowercase(w).has(Lists::LOCATIVE))
                        || self.text[end..].starts_with("-based")
                        || self.named_as_capital(start)
                }
                _ => false,
            };
            if place {
                if let Some(country) = self.lexicon.entities[entity].country.clone() {
                    self.places.push(Place { span, country });
                }
                continue;
            }
            self.mentions.push(Mention { span, target: Target::Entity(entity), form: Some(kind) });
        }
    }

    /// Whether the seat at byte `start` is named as a city: "the Afghan
    /// capital Kabul", "East Timor's capital, Dili", "the outskirts of
    /// Khartoum" (a place, whatever the sentence does with it, as "Kabul"
    /// alone may be the government).
    fn named_as_capital(&self, start: usize) -> bool {
        let before = self.text[..start].trim_end();
        let before = before.strip_suffix(',').unwrap_or(before);
        // "the city of Kabul", "the outskirts of Khartoum": the city, not its rulers.
        const CITY_PARTS: [&str; 8] = ["capital", "city of", "centre of", "center of", "outskirts of", "suburbs of", "streets of", "heart of"];
        CITY_PARTS.iter().any(|words| before.strip_suffix(words).is_some_and(|rest| !rest.ends_with(char::is_alphanumeric)))
    }

    /// "the Russian government", "Israeli troops", "Putin's government".
    fn sector_mentions(&mut self, roles: &[(usize, usize, &Role)]) {
        // The lexicon's forms and the misspelt countries: in text order, none overlapping.
        debug_assert!(self.mentions.windows(2).all(|w| w[0].span.end <= w[1].span.start));
        self.in_text_order = self.mentions.len();
        // Roles no country word modifies, for `roles_in_one_country_sentences`.
        let mut unplaced = Vec::with_capacity(roles.len());
        // At most one mention, and one claim, per role.
        self.mentions.reserve(roles.len());
        self.claimed.reserve(roles.len());
        // The sector of the compound the role ends ("rebel commanders"), with
        // the role before it when only a space separates them.
        let mut compound: &str = "";
        // Where that compound starts ("Military advisers from Egypt").
        let mut compound_start = 0;
        for (k, &(start, end, role)) in roles.iter().enumerate() {
            let after_role = k > 0 && self.text[roles[k - 1].1..start] == *" " && !self.text[..roles[k - 1].0].ends_with('-');
            compound = compound_sector(after_role.then(|| (compound, roles[k - 1].2.person)), role);
            if !after_role {
                compound_start = start;
            }
            // A role word followed by a name is a title ("Foreign Ministry
            // spokeswoman Maria Zakharova"), handled with the person.
            let mut title_end = end;
            for &(s, e, _) in &roles[k + 1..] {
                if s > title_end && self.text[title_end..s].chars().all(char::is_whitespace) {
                    title_end = e;
                } else {
                    break;
                }
            }
            let next_is_name = self.text[title_end..].starts_with(' ')
                && self.text[title_end + 1..].starts_with(|c: char| c.is_uppercase());
            if next_is_name {
                continue;
            }
            // Found once, and only if asked for: a mention right before the
            // role ("Russian troops") answers without it.
            let word_before_role = std::cell::OnceCell::new();
            let word_before_role = || *word_before_role.get_or_init(|| self.word_before(start));
            let modifier = self.modifier_before_word(start, word_before_role).or_else(|| self.adjective_over_noun(start, word_before_role()));
            // Where a country placed after the role ends: others may be listed after it.
            let mut placed_after = None;
            let (mention_index, country, span_start, end) = match modifier {
                // "ethnic Albanian guerrillas operating in Macedonia": the state they live in.
                Some((i, country, s)) => match self.ethnic_residence(s, end, &country) {
                    Some((residence, ethnic_start)) => (i, residence, ethnic_start, end),
                    None => (i, country, s, end),
                },
                // "rebels in the Ivory Coast", "students throughout Indonesia".
                // Refugees, troops and peacekeepers are of the country they come
                // from, not of the one they are in ("peacekeepers in Iraq").
                None => match self
                    .country_after(end)
                    .filter(|_| !self.overlaps_mention(Span::new(start, end)) && !self.after_told(start))
                    .filter(|_| {
                        let foreign = matches!(role.sector.as_str(), "REF" | "MIL") || self.text[start..end].contains("peacekeep");
                        !foreign || self.text[end..].starts_with(" from ") || self.text[end..].starts_with(" of ")
                    })
                {
                    Some((i, country, after)) => {
                        placed_after = Some(after);
                        (i, country, compound_start, after)
                    }
                    None => {
                        unplaced.push(k);
                        continue;
                    }
                },
            };
            // "the RSF's negotiators", "Hamas's leaders": people of the group, which
            // the group's own mention already codes; only states have sectors.
            // "Syrian government troops": the role before this one, with its country, is no group's.
            let modifier_is_state = mention_index.is_none_or(|i| match self.mentions[i].target {
                Target::Entity(e) => match self.lexicon.entities[e].kind {
                    ActorKind::State | ActorKind::Person => true,
                    ActorKind::Government => after_role && self.mentions[i].span.end == roles[k - 1].1,
                    _ => false,
                },
                _ => true,
            });
            if !modifier_is_state {
                continue;
            }
            let sector = compound.to_string();
            let span = Span::new(span_start, end);
            // "Qatari and Egyptian mediators", "Israeli, Egyptian and Qatari
            // officials": each state adjective listed before is that state's
            // sector too.
            let mut listed_from = span_start;
            while let Some(gap) = LIST_GAPS.iter().find(|gap| self.text[..listed_from].ends_with(**gap)) {
                let adjective_end = listed_from - gap.len();
                let lexicon = self.lexicon;
                let adjective = self.last_mention_ending_in(adjective_end..=adjective_end, |m| {
                    m.form == Some(FormKind::Adjective) && matches!(m.target, Target::Entity(e) if lexicon.entities[e].kind == ActorKind::State)
                });
                let Some(i) = adjective else { break };
                let Some(other) = self.country_of_target(&self.mentions[i].target) else { break };
                self.mentions[i].target = self.sector_target(other, sector.clone());
                self.mentions[i].form = None;
                listed_from = self.mentions[i].span.start;
            }
            // "the military governments of Mali, Burkina Faso and Niger":
            // each state listed after the first is that state's sector too.
            let mut listed_to = placed_after.unwrap_or(usize::MAX);
            while let Some(gap) = LIST_GAPS.iter().find(|gap| self.text.get(listed_to..).is_some_and(|rest| rest.starts_with(**gap))) {
                let lexicon = self.lexicon;
                let Some(i) = self.first_mention_starting_at(listed_to + gap.len()) else { break };
                let m = &self.mentions[i];
                // Not the subject of a clause of its own ("…, and Israel said")
                // nor a possessive ("and Uganda's police").
                let after = self.text[m.span.end..].trim_start_matches(' ');
                let clause = speech_verb_at(after)
                    || ["'s", "\u{2019}s", "has ", "had ", "is ", "was ", "will ", "would ", "have ", "are ", "were "].iter().any(|w| after.starts_with(w));
                if clause
                    || m.form != Some(FormKind::Name)
                    || !matches!(m.target, Target::Entity(e) if lexicon.entities[e].kind == ActorKind::State)
                {
                    break;
                }
                let Some(other) = self.country_of_target(&m.target) else { break };
                listed_to = m.span.end;
                self.mentions[i].target = self.sector_target(other, sector.clone());
                self.mentions[i].form = None;
            }
            let target = self.sector_target(country, sector);
            // The country word is part of this mention now, not a mention of the state.
            if let Some(i) = mention_index
                && !matches!(self.mentions[i].target, Target::Entity(e) if self.lexicon.entities[e].kind == ActorKind::Person)
            {
                self.mentions.remove(i);
                if i < self.in_text_order {
                    self.in_text_order -= 1;
                }
            }
            self.claim(span);
            self.mentions.push(Mention { span, target, form: None });
        }
        self.roles_in_one_country_sentences(roles, &unplaced);
        self.in_text_order = 0;
    }

    /// A country's sector: its government entity for `GOV`, where the lexicon has one.
    fn sector_target(&self, country: String, sector: String) -> Target {
        match self.lexicon.government(&country) {
            Some(id) if sector == "GOV" => Target::Entity(id),
            _ => Target::Sector { country, sector },
        }
    }

    /// The country word that modifies a role ending at byte `pos`: an
    /// adjective ("Russian government"), or a state's, body's or person's
    /// possessive ("Russia's army", "Putin's government"), possibly across
    /// capitalised organisation words ("Russian Foreign Ministry spokeswoman").
    /// Returns (its mention index, its country, its start).
    fn modifier_before(&self, pos: usize) -> Option<(Option<usize>, String, usize)> {
        self.modifier_before_word(pos, || self.word_before(pos))
    }

    /// `modifier_before`, with `word_before(pos)` from the caller, who may
    /// have found it already or need it later.
    fn modifier_before_word(&self, pos: usize, word_before_pos: impl Fn() -> Option<(usize, &'a str)>) -> Option<(Option<usize>, String, usize)> {
        let mut cursor = pos;
        for _ in 0..5 {
            // A mention that ends in the spaces before the cursor, or right before a possessive there.
            let spaces_start = self.spaces_before(cursor);
            let found = self.last_mention_ending_in(spaces_start.saturating_sub(4)..=cursor, |m| {
                let end = m.span.end;
                end >= spaces_start || ["'s", "\u{2019}s", "'", "\u{2019}"].contains(&&self.text[end..spaces_start])
            });
            if let Some(i) = found {
                let m = &self.mentions[i];
                let country = self.country_of_target(&m.target)?;
                return Some((Some(i), country, m.span.start));
            }
            // A region or city of a country, or its possessive: "Ohio
            // Governor John Kasich", "Gaza health officials", "Texas's attorney general".
            let p = self.places.partition_point(|p| p.span.end + 4 < spaces_start);
            let place = self.places[p..].iter().take_while(|p| p.span.end <= spaces_start).find(|p| {
                p.span.end == spaces_start || ["'s", "\u{2019}s"].contains(&&self.text[p.span.end..spaces_start])
            });
            // Not the end of a longer name ("Sierra Nevada Corporation").
            let inside_a_name = |place: &Place| {
                self.word_before(place.span.start).is_some_and(|(at, word)| {
                    at + word.len() + 1 == place.span.start
                        && word.starts_with(char::is_uppercase)
                        && !["The", "A", "An"].contains(&word)
                        && !AFFILIATION_ADJECTIVES.contains(&word)
                        && !lowercase_is_one_of(word, PAST_OFFICE)
                })
            };
            if let Some(place) = place.filter(|p| spaces_start < cursor && !inside_a_name(p)) {
                return Some((None, place.country.clone(), place.span.start));
            }
            let (word_start, word) = if cursor == pos { word_before_pos() } else { self.word_before(cursor) }?;
            let org_word = word.starts_with(char::is_uppercase)
                && (self.lexicon.role(word).is_some() || Lists::of(word).has(Lists::ORGANISATION_WORD));
            if !org_word {
                return None;
            }
            // The cursor only moves back: it is `pos` on the first round only.
            cursor = word_start;
        }
        None
    }

    fn country_of_target(&self, target: &Target) -> Option<String> {
        self.country_code(target).map(str::to_string)
    }

    /// `country_of_target`, borrowed: for rules that only compare countries.
    fn country_code<'s>(&'s self, target: &'s Target) -> Option<&'s str> {
        match target {
            Target::Entity(e) => self.lexicon.entities[*e].country.as_deref(),
            Target::Sector { country, .. } => Some(country),
            Target::NewPerson(i) => self.people[*i].country.as_deref(),
        }
    }

    /// People the lexicon does not know, and the roles of those it does.
    fn new_people(&mut self, roles: &[(usize, usize, &Role)]) {
        let tokens = &self.seg.tokens;
        debug_assert!(roles.windows(2).all(|w| w[0].1 <= w[1].0), "the scan's roles are in text order and do not overlap");
        // Name runs are read in text order, and what reading one adds to or
        // removes from the mentions and claims lies at or before it: only
        // what was there before this pass can overlap a later run.
        let mut earlier = EarlierMentions::of(&self.mentions, self.lexicon);
        let mut claimed = SpanSweep::new(self.claimed.iter().map(|&span| (span, ())).collect());
        // How many roles start at or before the last token asked about.
        let mut roles_started = 0;
        // Past the end of the last name run.
        let mut next = 0;
        for k in 0..self.capitalised.len() {
            let i = self.capitalised[k];
            if i < next {
                continue;
            }
            let Some((start_tok, end_tok)) = self.name_run(i) else { continue };
            next = end_tok;
            // Titles, offices and country words before a name are not part of it
            // ("Zimbabwean Prime Minister Robert Mugabe").
            let mut start_tok = start_tok;
            // Roles are in text order, and so are the tokens asked about: the
            // role that may hold a token is the last to start at or before it.
            let mut in_role = |t: usize| {
                let span = tokens[t].span;
                while roles.get(roles_started).is_some_and(|&(s, _, _)| s <= span.start) {
                    roles_started += 1;
                }
                roles_started > 0 && span.end <= roles[roles_started - 1].1
            };
            // The scan's roles first: they spare the role lookup for offices.
            // "Democrat Joe Manchin", but "the Republican Jewish Coalition".
            let affiliation = |t: usize| AFFILIATION_ADJECTIVES.contains(&self.token_text(t)) && self.organisation_head(t + 1..end_tok).0.is_none();
            // "FBI Director James Comey": a capitalised descriptor no role lists.
            let descriptor = |t: usize| self.classes[t].lists.has(Lists::CAPITALISED_DESCRIPTOR);
            while start_tok + 1 < end_tok
                && (in_role(start_tok) || self.is_prefix_word(start_tok, &mut earlier) || affiliation(start_tok) || descriptor(start_tok))
            {
                start_tok += 1;
            }
            // "Homeland Security Deputy Secretary Alejandro Mayorkas": a name
            // follows the last title, role or descriptor inside the run.
            let office = |t: usize| self.is_title(t) || descriptor(t) || self.lexicon.role(self.token_text(t)).is_some_and(|r| r.person);
            // Not inside an organisation's name ("Service Employees International Union").
            if let Some(t) = (start_tok + 1..end_tok - 1).rev().find(|&t| office(t))
                && self.organisation_head(t + 1..end_tok).0.is_none()
            {
                start_tok = t + 1;
            }
            let span = Span::new(tokens[start_tok].span.start, tokens[end_tok - 1].span.end);
            let (known, overlapped) = earlier.over(span).unwrap_or_else(|| self.mentions_over(span));
            // A lexicon person inside the run: only attach the role words around it.
            if let Some(target) = known {
                self.attach_context(span, start_tok, &target, roles);
                continue;
            }
            if overlapped || claimed.overlapping(span).next().is_some() {
                continue;
            }
            if end_tok - start_tok == 1 {
                // One word: a person only where a cue marks it (seldom), and
                // then only if it is no non-person word.
                // "the Western District of New York announced": a place is no person.
                if !self.single_name_is_person(span, start_tok, &mut earlier) || self.organisation_head(start_tok..end_tok).1 || self.is_place(span) {
                    continue;
                }
            } else {
                let (head, non_person) = self.organisation_head(start_tok..end_tok);
                if let Some(head) = head {
                    self.new_organisation(span, head);
                    continue;
                }
                // Names have at most four words and no function words; in a
                // headline such a run is its words ("Candidates Give Calculated
                // Super Bowl Predictions", "As He Recognizes").
                let headline = || {
                    let words = start_tok..end_tok;
                    let not_a_name = words.clone().filter(|&t| self.classes[t].name_word).count() > 4
                        || words.into_iter().any(|t| self.classes[t].lists.has(Lists::SENTENCE_OPENER));
                    not_a_name && self.in_title_case_paragraph(span.start)
                };
                // "Chief Strategy Officer", "The Hollywood Reporter": no name; but
                // "the Transport Secretary" is the office's holder.
                let office_name = descriptor(end_tok - 1) && self.token_before(start_tok).is_none_or(|t| self.token_text(t) != "the");
                // "told The Hill": a name that opens with an article is a title's or a body's.
                let titled = self.token_text(start_tok) == "The";
                if non_person || office_name || titled || self.is_place(span) || headline() || !self.marked_as_person(span, start_tok, roles) {
                    continue;
                }
            }
            // A name given in full again (in the headline and the text) is the same person.
            let name = span.of(self.text);
            let index = match self.people.iter().position(|p| p.kind == ActorKind::Person && p.name == name) {
                Some(index) => index,
                None => {
                    self.people.push(NewPerson { name: name.to_string(), kind: ActorKind::Person, role: None, code: None, country: None });
                    self.people.len() - 1
                }
            };
            let target = Target::NewPerson(index);
            self.mentions.push(Mention { span, target: target.clone(), form: None });
            self.attach_context(span, start_tok, &target, roles);
            self.office_country(index, span, roles);
        }
    }

    /// The first organisation head among the words of the name in `tokens`,
    /// and whether any of its words is a non-person word.
    fn organisation_head(&self, tokens: std::ops::Range<usize>) -> (Option<&'a str>, bool) {
        let mut head = None;
        let mut non_person = false;
        let mut add = |word: &'a str, lists: Lists| {
            if head.is_none() && lists.has(Lists::ORGANISATION_HEAD) {
                head = Some(word);
            }
            non_person |= lists.has(Lists::NON_PERSON_WORD);
        };
        for t in tokens {
            let token = self.token_text(t);
            // The tokens of a name run meet only at hyphens: a token of letters
            // and digits is a whole word, with its lists known if capitalised.
            if is_ascii_alphanumeric(token) {
                add(token, self.token_lists(t));
            } else {
                for word in token.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
                    add(word, Lists::of(word));
                }
            }
        }
        (head, non_person)
    }

    /// The first lexicon person with exactly this span among the mentions,
    /// and whether any mention overlaps it: one walk over them all.
    fn mentions_over(&self, span: Span) -> (Option<Target>, bool) {
        let mut overlapped = false;
        for m in &self.mentions {
            if m.span.start < span.end && span.start < m.span.end {
                overlapped = true;
                if m.span == span && matches!(m.target, Target::Entity(e) if self.lexicon.entities[e].kind == ActorKind::Person) {
                    return (Some(m.target.clone()), true);
                }
            }
        }
        (None, overlapped)
    }

    /// An organisation the lexicon lacks ("the Tax Policy Center", "PolitiFact" is not
    /// caught: one word): no code, kind media for news outlets.
    fn new_organisation(&mut self, span: Span, head: &str) {
        let kind = if MEDIA_HEADS.contains(&head) { ActorKind::Media } else { ActorKind::Other };
        let name = span.of(self.text).to_string();
        let (code, country) = self.organisation_country(span, head);
        let index = match self.people.iter().position(|p| p.name == name) {
            Some(i) => i,
            None => {
                self.people.push(NewPerson { name, kind, role: None, code, country });
                self.people.len() - 1
            }
        };
        self.mentions.push(Mention { span, target: Target::NewPerson(index), form: None });
    }

    /// "The NAACP said", "AROS said": an acronym the lexicon lacks, as the
    /// subject of a speech verb, is an organisation (no code), and so is the
    /// same acronym elsewhere in the document.
    fn acronym_organisations(&mut self) {
        let tokens = &self.seg.tokens;
        let acronym = |t: usize| {
            let word = self.token_text(t).as_bytes();
            (3..=6).contains(&word.len()) && word.iter().all(u8::is_ascii_uppercase) && tokens[t].kind == TokenKind::Word
        };
        // Cheap tests first: few capitalised tokens are acronyms, fewer have a verb after them.
        let mut found: Vec<&str> = Vec::new();
        for &t in &self.capitalised {
            if !acronym(t) {
                continue;
            }
            let span = tokens[t].span;
            let verb_after = self.text.as_bytes().get(span.end) == Some(&b' ') && speech_verb_at(&self.text[span.end + 1..]);
            // Not a word of a longer name or a heading in capitals ("WASHINGTON (AP)").
            // Nor a ticker (".IXIC").
            let spaced = span.start == 0 || self.text.as_bytes()[span.start - 1].is_ascii_whitespace();
            let alone = spaced && self.token_before(t).is_none_or(|b| !self.classes[b].capitalised || self.starts_sentence(t) || self.token_text(b) == "The");
            if verb_after && alone && !self.classes[t].lists.has(Lists::TITLE) && !NOT_ORGANISATION_ACRONYMS.contains(&self.token_text(t)) && !self.overlaps_mention(span) {
                let word = self.token_text(t);
                if !found.contains(&word) {
                    found.push(word);
                }
            }
        }
        for word in found {
            let index = self.people.len();
            self.people.push(NewPerson { name: word.to_string(), kind: ActorKind::Other, role: None, code: None, country: None });
            let spans: Vec<Span> = self.capitalised.iter().map(|&t| tokens[t].span).filter(|s| s.of(self.text) == word).collect();
            for span in spans {
                if !self.overlaps_mention(span) {
                    self.mentions.push(Mention { span, target: Target::NewPerson(index), form: None });
                }
            }
        }
    }

    /// A single capitalised word is a person's surname when an honorific
    /// stands before it ("Mr. Kamin") or a speech verb beside it ("Caddell
    /// said", "said Lynch") and no one in the document already has that surname.
    fn single_name_is_person(&self, span: Span, token: usize, earlier: &mut EarlierMentions<'a>) -> bool {
        let lists = self.classes[token].lists;
        if span.len() < 3 || lists.has(Lists::SENTENCE_OPENER) || lists.has(Lists::CALENDAR_WORD) {
            return false;
        }
        // Honorifics are titles, so capitalised, and speech verbs are not:
        // the class of the word before says which to look for, if either.
        let cue_before = || {
            self.token_before(token).is_some_and(|t| {
                let class = self.classes[t];
                if class.capitalised {
                    class.lists.has(Lists::TITLE)
                        && matches!(
                            self.token_text(t),
                            "Mr." | "Mrs." | "Ms." | "Mr" | "Mrs" | "Ms" | "Dr" | "Dr." | "Prof." | "Sen." | "Rep." | "Gov." | "King" | "Queen" | "Emir" | "Sultan"
                        )
                } else {
                    is_speech_verb(self.token_text(t)) && !self.starts_sentence(token)
                }
            })
        };
        let verb_after = || self.text.as_bytes().get(span.end) == Some(&b' ') && speech_verb_at(&self.text[span.end + 1..]);
        // The cues first: most capitalised words have none, and the tests
        // after them cost a lookup or a walk over every person found so far.
        if !(cue_before() || verb_after()) {
            return false;
        }
        let word = span.of(self.text);
        // "Mr. King": a title word after an honorific is a surname.
        let after_mister = TITLES_THAT_ARE_SURNAMES.contains(&word)
            && self.token_before(token).is_some_and(|t| PLAIN_HONORIFICS.contains(&self.token_text(t)));
        if !after_mister && (self.lexicon.role(word).is_some() || self.is_prefix_word(token, earlier))
            || is_contraction(word)
            || AFFILIATION_ADJECTIVES.contains(&word)
        {
            return false;
        }
        // "Florida’s Rick Wilson": a place or body that modifies the name after it.
        if self.possessive_after(span.end).is_some_and(|end| self.text[end..].strip_prefix(' ').is_some_and(|rest| rest.starts_with(char::is_uppercase))) {
            return false;
        }
        // "JAMA Psychiatry": the last word of a name that an acronym opens.
        if self.token_before(token).is_some_and(|t| {
            let before = self.token_text(t).as_bytes();
            before.len() >= 2 && before.iter().all(u8::is_ascii_uppercase)
        }) {
            return false;
        }
        // "Critics said", "Sources told": at a sentence's start any word is
        // capitalised; a name is one the document capitalises elsewhere too.
        if self.starts_sentence(token) && !self.capitalised_elsewhere(token) {
            return false;
        }
        // The walk over the mentions only where a lexicon person may have
        // the surname: it reads every mention's entity, seldom in cache.
        let surname_taken = self.people.iter().any(|p| p.kind == ActorKind::Person && after_last_space(&p.name) == word)
            || earlier.may_have_person_surname(word) && self.mentions.iter().any(|m| match m.target {
                Target::Entity(e) => {
                    let entity = &self.lexicon.entities[e];
                    entity.kind == ActorKind::Person && after_last_space(&entity.name) == word
                }
                _ => false,
            });
        !surname_taken
    }

    /// Whether the word of token `t` is capitalised elsewhere in the
    /// document than at a sentence's start.
    fn capitalised_elsewhere(&self, t: usize) -> bool {
        let word = self.token_text(t);
        self.capitalised.iter().any(|&i| i != t && self.token_text(i) == word && !self.starts_sentence(i))
    }

    /// The capitalised name starting at token `i`: (first, one past last) token.
    fn name_run(&self, i: usize) -> Option<(usize, usize)> {
        let tokens = &self.seg.tokens;
        let is_name_word = |t: usize| self.classes[t].name_word;
        if !is_name_word(i) || self.classes[i].lists.has(Lists::SENTENCE_OPENER) && self.starts_sentence(i) {
            return None;
        }
        let mut end = i + 1;
        while end < tokens.len() {
            // Nothing, or one byte (so an ASCII character), between the tokens.
            let gap_start = tokens[end - 1].span.end;
            let gap = match tokens[end].span.start - gap_start {
                0 => None,
                1 => Some(self.text.as_bytes()[gap_start]),
                _ => break,
            };
            if gap == Some(b'\n') {
                break;
            }
            let space = gap == Some(b' ');
            // "before the House Intelligence Committee Tuesday": a day after a name is a date.
            if self.classes[end].lists.has(Lists::CALENDAR_WORD) && self.token_text(end).ends_with("day") {
                break;
            }
            if is_name_word(end) && (space || gap.is_none() && self.token_text(end - 1) == "-") {
                end += 1;
            } else if end + 1 < tokens.len()
                && is_name_word(end + 1)
                && ((gap.is_none() && self.token_text(end) == "-") || (space && self.token_lists(end).has(Lists::NAME_PARTICLE)))
            {
                // A particle or hyphen only belongs to the name if a name word follows.
                end += 1;
            } else if space
                && end + 2 < tokens.len()
                && is_name_word(end + 2)
                && self.token_text(end + 1) == "-"
                && tokens[end].span.end == tokens[end + 1].span.start
                && tokens[end + 1].span.end == tokens[end + 2].span.start
                && self.token_lists(end).has(Lists::NAME_PARTICLE)
            {
                // "Mohammed al-Hindi", "Ahmed Abu al-Gheit": a particle hyphened to the name word after it.
                end += 3;
            } else if space && self.is_middle_initial(end) {
                // "Paul R. Pillar": the initial and the name word after it.
                end += 2;
            } else {
                break;
            }
        }
        // Stop before a role word ending the run ("Mikovic Said" does not happen, but "Hamas Leader" does).
        Some((i, end))
    }

    /// Whether token `t` is an initial ("R.") followed by a space and a name word.
    fn is_middle_initial(&self, t: usize) -> bool {
        let tokens = &self.seg.tokens;
        let initial = self.token_text(t).as_bytes();
        initial.len() == 2
            && initial[0].is_ascii_uppercase()
            && initial[1] == b'.'
            && tokens.get(t + 1).is_some_and(|next| next.span.start == tokens[t].span.end + 1 && self.text.as_bytes()[tokens[t].span.end] == b' ')
            && self.classes[t + 1].name_word
            // "… Plan B. Officials said": the initial ended a sentence.
            && !self.classes[t + 1].sentence_start
    }

    /// A capitalised word that opens a run but not a name: a lexicon mention,
    /// a role or an office word ("Zimbabwean", "Prime", "Minister").
    fn is_prefix_word(&self, t: usize, earlier: &mut EarlierMentions<'a>) -> bool {
        let w = self.token_text(t);
        // The role lookup last: it costs the most.
        self.token_lists(t).has(Lists::ORGANISATION_WORD)
            || matches!(w, "Prime" | "Vice" | "Acting" | "Interim" | "Former" | "Ousted" | "Late")
            || earlier.lexicon_form_at(self.seg.tokens[t].span.start)
            || self.lexicon.role(w).is_some()
    }

    /// Whether the words just before an intergovernmental body's name at
    /// `start` make it a national body: a state's possessive ("Russia's") or
    /// a capitalised word of a longer name ("National"), outside headlines.
    fn national_body_before(&self, start: usize) -> bool {
        let Some(before) = self.text[..start].strip_suffix(' ') else { return false };
        let word = &before[before.rfind(char::is_whitespace).map_or(0, |i| i + 1)..];
        let (name, possessive) = match word.strip_suffix("’s").or_else(|| word.strip_suffix("'s")) {
            Some(name) => (name, true),
            None => (word, false),
        };
        let name_word = name.starts_with(char::is_uppercase) && name.chars().skip(1).any(char::is_lowercase);
        // A sentence's first word may be any word ("Key Security Council
        // members"): there only a word of organisations' names counts.
        let word_start = start - 1 - word.len();
        let opens_sentence = self.seg.sentence_from(word_start).is_some_and(|s| s.span.start == word_start);
        let of_a_name = possessive || Lists::of(name).has(Lists::ORGANISATION_WORD) || !opens_sentence && !Lists::of(name).has(Lists::SENTENCE_OPENER);
        name_word && of_a_name && !self.in_title_case_paragraph(start)
    }

    /// Where the next word ends if it is the last word of `entity`'s name and
    /// the form ending at `end` does not already end with it ("President Xi"
    /// then "Jinping" for Xi Jinping).
    fn rest_of_own_name(&self, end: usize, entity: EntityId) -> Option<usize> {
        let rest = self.text[end..].strip_prefix(' ')?;
        let word = &rest[..rest.find(|c: char| !c.is_alphanumeric() && c != '-').unwrap_or(rest.len())];
        let name = &self.lexicon.entities[entity].name;
        let own = !word.is_empty() && name.strip_suffix(word).is_some_and(|head| head.ends_with(' ')) && !self.text[..end].ends_with(word);
        own.then(|| end + 1 + word.len())
    }

    /// Whether a place the lexicon found covers `span` (places are in text order).
    fn is_place(&self, span: Span) -> bool {
        let p = self.places.partition_point(|p| p.span.end <= span.start);
        self.places.get(p).is_some_and(|p| p.span.start <= span.start && span.end <= p.span.end)
    }

    /// Whether a space and a capital letter follow byte `end`.
    fn capitalised_word_after(&self, end: usize) -> bool {
        self.text[end..].strip_prefix(' ').is_some_and(|rest| rest.starts_with(char::is_uppercase))
    }

    /// Whether the paragraph around byte `pos` is written in title case, as
    /// headlines often are: three quarters of its words of four bytes or
    /// more are capitalised.
    fn in_title_case_paragraph(&self, pos: usize) -> bool {
        let i = self.seg.paragraphs.partition_point(|p| p.span.end <= pos);
        let (Some(paragraph), Some(known)) = (self.seg.paragraphs.get(i), self.title_case.get(i)) else { return false };
        if let Some(title_case) = known.get() {
            return title_case;
        }
        let sentences = &self.seg.sentences[paragraph.sentences.clone()];
        let tokens = sentences.first().map_or(0, |s| s.tokens.start)..sentences.last().map_or(0, |s| s.tokens.end);
        let (mut long_words, mut capitalised) = (0, 0);
        for t in tokens.filter(|&t| self.seg.tokens[t].kind == TokenKind::Word && self.seg.tokens[t].span.len() >= 4) {
            long_words += 1;
            capitalised += usize::from(self.classes[t].capitalised);
        }
        let title_case = long_words >= 3 && capitalised * 4 >= long_words * 3;
        known.set(Some(title_case));
        title_case
    }

    fn starts_sentence(&self, i: usize) -> bool {
        self.classes[i].sentence_start
            || i > 0 && self.classes[i - 1].sentence_start && ["“", "\"", "‘", "("].contains(&self.token_text(i - 1))
    }

    /// Title, role word, apposition or speech verb: the text says this is a person.
    fn marked_as_person(&self, span: Span, first_token: usize, roles: &[(usize, usize, &Role)]) -> bool {
        let spaces_start = self.spaces_before(span.start);
        if roles_ending_in(roles, spaces_start..span.start + 1).iter().any(|&(_, _, r)| r.person) {
            return true;
        }
        if let Some(t) = self.token_before(first_token) {
            let word = self.token_text(t);
            if self.is_title(t)
                || is_speech_verb(word)
                || self.lexicon.role(word).is_some_and(|r| r.person)
                || self.token_lists(t).has(Lists(Lists::PERSON_DESCRIPTOR.0 | Lists::CAPITALISED_DESCRIPTOR.0))
            {
                return true;
            }
        }
        let after = &self.text[span.end..];
        if after.starts_with(' ') && speech_verb_at(after.trim_start()) {
            return true;
        }
        // "Sweden's deputy prosecutor, Eva-Marie Persson, said": a name set off
        // by commas before the verb.
        if self.text[..span.start].ends_with(", ") && after.strip_prefix(", ").is_some_and(speech_verb_at) {
            return true;
        }
        if self.description_before(span, first_token).is_some() {
            return true;
        }
        if let Some(appos) = self.apposition_after(span) {
            let lower = lowercase(appos.of(self.text));
            return lower
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| Lists::of(w).has(Lists::PERSON_DESCRIPTOR) || self.lexicon.role(w).is_some_and(|r| r.person));
        }
        false
    }

    /// ", a senior member of Hamas," after a name: the apposition's span.
    fn apposition_after(&self, span: Span) -> Option<Span> {
        let after = &self.text[span.end..];
        let rest = after.strip_prefix(", ")?;
        let start = span.end + 2;
        let first = leading_letters(rest);
        let opens = ["a", "an", "the", "his", "her", "their", "A", "An", "The"].contains(&first)
            || rest.starts_with(|c: char| c.is_uppercase())
            || Lists::of(&lowercase(first)).has(Lists::PERSON_DESCRIPTOR);
        if !opens {
            return None;
        }
        let sentence = self.sentence_of(span.start);
        let limit = sentence.end.min(self.text.len());
        // A name the sentence's end cuts: no apposition.
        let body = self.text.get(start..limit)?;
        // At most 20 words.
        const MOST_WORDS: usize = 20;
        let stop = clause_within(body, MOST_WORDS)?;
        let stop = body[..stop].trim_end_matches(['.', ' ']).len();
        (stop > 0 && !more_words_than(&body[..stop], MOST_WORDS)).then(|| Span::new(start, start + stop))
    }

    /// Role and affiliation from the words before and after a person's name.
    /// `first_token` is the name's.
    fn attach_context(&mut self, span: Span, first_token: usize, target: &Target, roles: &[(usize, usize, &Role)]) {
        // Before: "Russian Foreign Ministry spokeswoman Maria Zakharova".
        let mut role_start = None;
        let mut sector = None;
        let mut cursor = span.start;
        loop {
            let spaces_start = self.spaces_before(cursor);
            let Some(&(s, _, r)) = roles_ending_in(roles, spaces_start..cursor).first() else { break };
            role_start = Some(s);
            sector.get_or_insert(r.sector.as_str());
            cursor = s;
        }
        if let Some(rs) = role_start {
            let modifier = self.modifier_before(rs);
            if let Some((_, _, mod_start)) = modifier {
                // The adjective belongs to the person's description now.
                self.mentions.retain(|m| !(m.span.start == mod_start && m.span.end <= rs));
            }
            // The role as the text gives it, with its country and a word
            // that puts it in the past: "Former Mexican President".
            let role_start = modifier.as_ref().map_or(rs, |&(_, _, mod_start)| mod_start);
            let role_start = self.word_before(role_start).filter(|(_, word)| lowercase_is_one_of(word, PAST_OFFICE)).map_or(role_start, |(at, _)| at);
            let role = self.text[role_start..span.start].trim().to_string();
            self.describe(target, role, modifier.map(|(_, c, _)| c), None, sector);
        }
        // After: "Mousa Abu Marzouk, a senior member of Hamas" / "X, Russian President Vladimir Putin's envoy".
        if let Some(appos) = self.apposition_after(span) {
            let phrase = appos.of(self.text);
            let role = ["a ", "an ", "the "].iter().fold(phrase, |phrase, article| strip_all(phrase, article)).to_string();
            // Read before the mentions change below.
            let (country, code) = if self.takes_affiliation(target) { self.affiliation_in(appos) } else { (None, None) };
            // "Putin's envoy" inside the apposition of a name is that person,
            // not the government; but only as the apposition's head, a few
            // words in ("a prominent Trump supporter", "a schoolteacher and
            // Trump supporter", "Russian President Vladimir Putin's envoy"),
            // not after a preposition or inside a clause ("the father of a
            // slain U.S. soldier", "who joined the bid to block Syrian refugees").
            let text = self.text;
            let heads_apposition = |m: &Mention| {
                let mut words = text[appos.start..m.span.start].split_whitespace();
                words.clone().count() <= 4 && !words.any(|w| NOT_IN_A_HEAD.contains(&w))
            };
            for m in self.mentions.iter_mut().filter(|m| appos.contains(m.span) && m.form.is_none() && heads_apposition(m)) {
                let last = lowercase(after_last_space(m.span.of(self.text)));
                if self.lexicon.role(&last).is_some_and(|r| r.person) {
                    m.target = target.clone();
                }
            }
            // A role lookup a word: only for the country a code is made from.
            let descriptor_sector = if country.is_some() && code.is_none() {
                phrase.split(|c: char| !c.is_alphanumeric()).rev().find_map(|w| self.lexicon.role(w).map(|r| r.sector.as_str()))
            } else {
                None
            };
            self.describe(target, role, country, code, descriptor_sector);
        }
        // Before, across a comma: "The Palestinian leader, Mahmoud Abbas," sets up a description.
        if let Some(desc_span) = self.description_before(span, first_token) {
            if let Target::NewPerson(_) = target {
                let (country, code) = if self.takes_affiliation(target) { self.affiliation_in(desc_span) } else { (None, None) };
                let desc = desc_span.of(self.text);
                let descriptor_sector = self.lexicon.role(after_last_space(desc)).map(|r| r.sector.as_str());
                let role = ARTICLES.iter().find_map(|a| desc.strip_prefix(a)).unwrap_or(desc).to_string();
                self.describe(target, role, country, code, descriptor_sector);
            }
            // "A senior Hamas official" describes; only "the Palestinian
            // leader" refers again later. "Islamic Jihad's deputy
            // secretary-general" describes too, and keeps its mention of the group.
            let desc = desc_span.of(self.text);
            if !(desc.starts_with("The ") || desc.starts_with("the ")) {
                // "Qatar's prime minister, Sheikh Mohammed": the state's
                // office the description names is this person.
                if possessive_of_a_name(desc) {
                    let office = self.mentions.iter().position(|m| {
                        m.span.start == desc_span.start && desc_span.contains(m.span) && self.is_state_sector(&m.target)
                    });
                    if let Some(i) = office {
                        self.mentions[i].target = target.clone();
                    }
                }
                return;
            }
            let key = normalize_description(desc);
            self.descriptions.push((key, target.clone()));
            self.mentions.retain(|m| !desc_span.contains(m.span));
            self.mentions.push(Mention { span: desc_span, target: target.clone(), form: None });
            self.claim(desc_span);
        }
    }

    /// "The Palestinian leader, " or "A senior Hamas official, " right before a
    /// name: a description of a person (ending in a person noun) that the name
    /// is in apposition to.
    /// `first_token` is the name's.
    fn description_before(&self, span: Span, first_token: usize) -> Option<Span> {
        // A title may stand between: "The RSF's chief negotiator, Dr. Omar Bakhit".
        let head = match self.text[..span.start].strip_suffix(", ") {
            Some(head) => head,
            None => {
                let title = self.token_before(first_token).filter(|&t| self.is_title(t))?;
                self.text[..self.seg.tokens[title].span.start].strip_suffix(", ")?
            }
        };
        let sentence = self.sentence_of(span.start);
        // The clause: after the last break in the sentence before the head's end.
        let from = sentence.start.min(head.len());
        let clause_start = rfind_clause_break(&head[from..]).map_or(sentence.start, |i| from + i + 1);
        let desc = head.get(clause_start..)?.trim_start();
        let desc_start = head.len() - desc.len();
        // "The Palestinian leader, Mahmoud Abbas", "A senior Hamas official,
        // Basem Naim", "Turkey's foreign minister, Hakan Fidan".
        let article = ARTICLES.iter().any(|a| desc.starts_with(a)) || possessive_of_a_name(desc);
        if !article || desc.split_whitespace().nth(6).is_some() {
            return None;
        }
        let last = lowercase(desc.split_whitespace().next_back()?);
        let person_noun = |word: &str| Lists::of(word).has(Lists::PERSON_DESCRIPTOR) || self.lexicon.role(word).is_some_and(|r| r.person);
        // "The Democratic candidates, Hillary Clinton and Bernie Sanders": a
        // plural describes several people, not the one name after it.
        let plural = is_plural_of(&last, person_noun);
        (person_noun(&last) && !plural).then(|| Span::new(desc_start, head.len()))
    }

    /// Gives a person the role the text describes and, for someone the
    /// lexicon lacks, the affiliation it gives: a group's or body's code, else
    /// the country with the sector of the role noun. The first description wins.
    fn describe(&mut self, target: &Target, role: String, country: Option<String>, code: Option<String>, sector: Option<&str>) {
        match target {
            Target::NewPerson(i) => {
                let p = &mut self.people[*i];
                p.role.get_or_insert(role);
                if p.code.is_none() {
                    p.code = code.or_else(|| country.as_ref().map(|c| format!("{c}{}", sector.unwrap_or_default())));
                    p.country = country;
                }
            }
            Target::Entity(e) => {
                let country = country.or_else(|| self.lexicon.entities[*e].country.clone());
                let code = code.or_else(|| sector.zip(country).map(|(sector, country)| format!("{country}{sector}")));
                self.known_roles.entry(*e).or_insert((role, code));
            }
            Target::Sector { .. } => {}
        }
    }

    /// Whether `describe` would give `target` an affiliation: a person the
    /// lexicon lacks, not yet given one. Others spare the walk over the mentions.
    fn takes_affiliation(&self, target: &Target) -> bool {
        matches!(target, Target::NewPerson(i) if self.people[*i].code.is_none())
    }

    /// The affiliation an apposition gives: a group or body named in it
    /// ("a senior member of Hamas"), a person's country ("Putin's envoy"),
    /// or a country adjective ("a Serbian analyst"). A place a person is based
    /// in ("a Belgrade-based analyst") is not an affiliation.
    fn affiliation_in(&self, appos: Span) -> (Option<String>, Option<String>) {
        // "the mother of a slain Israeli soldier": a relative's side is not
        // the person's.
        let head = appos.of(self.text).split(" of ").next().unwrap_or_default();
        if head.split_whitespace().next_back().is_some_and(|noun| lowercase_is_one_of(noun, RELATIVES)) && head.len() < appos.len() {
            return (None, None);
        }
        for m in self.mentions.iter().filter(|m| appos.contains(m.span)) {
            if self.text[m.span.end..].starts_with("-based") {
                continue;
            }
            // A state gives a nationality only as an adjective on the person
            // noun or a nationality noun ("a Serbian analyst", "a hostage with
            // an Israeli passport"), or as "of <state>" after an office
            // ("the president of Kenya") — not wherever it is named ("an
            // expert on Russian policy", "author of *Russia in Africa*").
            if matches!(&m.target, Target::Entity(e) if self.lexicon.entities[*e].kind == ActorKind::State)
                && !self.names_nationality(m)
            {
                continue;
            }
            match &m.target {
                Target::Entity(e) => {
                    let entity = &self.lexicon.entities[*e];
                    match entity.kind {
                        ActorKind::Group | ActorKind::Igo | ActorKind::Government => {
                            let (code, _) = entity.code_on(self.date);
                            return (entity.country.clone(), code);
                        }
                        ActorKind::Person => {
                            if self.possessive_after(m.span.end).is_some() {
                                let (code, _) = entity.code_on(self.date);
                                return (entity.country.clone(), code);
                            }
                        }
                        ActorKind::State => return (entity.country.clone(), None),
                        _ => {}
                    }
                }
                Target::Sector { country, sector } => return (Some(country.clone()), Some(format!("{country}{sector}"))),
                Target::NewPerson(_) => {}
            }
        }
        (None, None)
    }

    /// Whether a state mention inside an apposition says whose national the person is.
    fn names_nationality(&self, m: &Mention) -> bool {
        let next: String = self.text[m.span.end..].trim_start().chars().take_while(|c| c.is_alphabetic()).collect();
        let next = next.to_lowercase();
        match m.form {
            Some(FormKind::Adjective) => {
                ["passport", "citizen", "citizenship", "national", "nationality", "dual"].contains(&next.as_str())
                    || Lists::of(&next).has(Lists::PERSON_DESCRIPTOR)
                    || self.lexicon.role(&next).is_some_and(|r| r.person)
            }
            Some(FormKind::Name) => self.word_before(m.span.start).is_some_and(|(start, w)| {
                w == "of"
                    && self.word_before(start).is_some_and(|(_, noun)| {
                        let noun = noun.to_lowercase();
                        ["citizen", "national", "resident"].contains(&noun.as_str()) || self.lexicon.role(&noun).is_some_and(|r| r.person)
                    })
            }),
            _ => false,
        }
    }

    /// Surnames ("Mikovic", "Dr Ramani") and descriptions ("the Palestinian leader") of known people.
    fn surnames_and_descriptions(&mut self) {
        // The surnames of the document's people, each with the one person it
        // names, or `None` where it names several. A document names a dozen
        // people or so: a walk finds a surname faster than a hash, and the
        // list is allocated once, not grown.
        let mut surnames: Vec<(&str, Option<&Target>)> = Vec::with_capacity(16);
        // Most mentions of people repeat an earlier one: each person is looked
        // at once. Asked after the cheap test for a person, so that the walk
        // is over the few people of the document only.
        let mut seen: Vec<&Target> = Vec::with_capacity(16);
        for m in &self.mentions {
            let name = match &m.target {
                Target::Entity(e) if self.lexicon.entities[*e].kind == ActorKind::Person => self.lexicon.entities[*e].name.as_str(),
                Target::NewPerson(i) if self.people[*i].kind == ActorKind::Person => self.people[*i].name.as_str(),
                _ => continue,
            };
            if seen.contains(&&m.target) {
                continue;
            }
            seen.push(&m.target);
            let last = surname_of(name);
            if last.chars().count() > 2 && !Lists::of(last).has(Lists::CALENDAR_WORD) {
                // Each person comes once: a surname met again is another person's.
                match surnames.iter_mut().find(|(surname, _)| *surname == last) {
                    Some((_, person)) => *person = None,
                    None => surnames.push((last, Some(&m.target))),
                }
            }
        }
        let mut added = Vec::new();
        // Indices of place mentions that are a person's surname after all.
        let mut replaced = Vec::new();
        // Most capitalised words are no surname: a one-word mask of their
        // lengths and first and last bytes rules out nearly all without comparing words.
        let mask: u64 = surnames.iter().fold(0, |mask, (w, _)| mask | surname_bit(w.as_bytes()));
        // Spans by start, each with the furthest end up to it: a token is
        // inside a mention if one starting at or before it reaches its end.
        let mut reach: Vec<(usize, usize)> = Vec::new();
        // How many of `reach` start at or before the current token.
        let mut passed = 0;
        for &i in if surnames.is_empty() { &[][..] } else { &self.capitalised } {
            let tok = &self.seg.tokens[i];
            // Bytes, not a `str`: no test for character boundaries on every token.
            let word = &self.text.as_bytes()[tok.span.start..tok.span.end];
            if mask & surname_bit(word) == 0 {
                continue;
            }
            let Some(&(_, Some(target))) = surnames.iter().find(|(surname, _)| surname.as_bytes() == word) else { continue };
            // "Prince Harry" after "Matthew Prince": a title before a name is no surname.
            if self.classes[i].lists.has(Lists::TITLE) && self.capitalised_word_after(tok.span.end) {
                continue;
            }
            if reach.is_empty() {
                reach = self.mentions.iter().map(|m| (m.span.start, m.span.end)).collect();
                // Mostly in order already: the stable sort finds the runs.
                reach.sort();
                for k in 1..reach.len() {
                    reach[k].1 = reach[k].1.max(reach[k - 1].1);
                }
            }
            // "Dr Ramani": the title is part of the mention.
            let title_start = i
                .checked_sub(1)
                .filter(|&p| self.is_title(p) && self.text[self.seg.tokens[p].span.end..tok.span.start] == *" ")
                .map(|p| self.seg.tokens[p].span.start);
            // The tokens come in text order: the spans starting at or before
            // this one only grow in number.
            while passed < reach.len() && reach[passed].0 <= tok.span.start {
                passed += 1;
            }
            if passed > 0 && reach[passed - 1].1 >= tok.span.end {
                // "Mr. Montenegro" after "Luis Montenegro": with a title, the
                // person's surname, not the place the word also names. The
                // walk over the mentions only after a title (rarely).
                if title_start.is_none() {
                    continue;
                }
                let place = self.mentions.iter().position(|m| {
                    m.span == tok.span && matches!(m.target, Target::Entity(e) if self.lexicon.entities[e].kind != ActorKind::Person)
                });
                match place {
                    Some(m) => replaced.push(m),
                    None => continue,
                }
            }
            let start = title_start.unwrap_or(tok.span.start);
            added.push(Mention { span: Span::new(start, tok.span.end), target: target.clone(), form: Some(FormKind::Surname) });
        }
        // Highest index first, so that each removal leaves the others in place.
        replaced.sort_unstable();
        for &m in replaced.iter().rev() {
            self.mentions.remove(m);
        }
        self.mentions.extend(added);
        // Later uses of a description an apposition set up.
        let descriptions = std::mem::take(&mut self.descriptions);
        if descriptions.is_empty() {
            return;
        }
        // ASCII lower-casing keeps byte offsets aligned with the text.
        let lower = self.text.to_ascii_lowercase();
        for (key, target) in &descriptions {
            let mut from = 0;
            while let Some(at) = lower[from..].find(key.as_str()).map(|a| a + from) {
                from = at + key.len();
                let span = Span::new(at, at + key.len());
                // A description does not run across sentences.
                if self.sentence_of(at) != self.sentence_of(span.end - 1) {
                    continue;
                }
                let inside_other = self.mentions.iter().any(|m| m.span.contains(span) && m.span != span && !matches!(m.target, Target::Sector { .. }));
                if inside_other {
                    continue;
                }
                // The description of a known person beats a country-sector reading of the same words.
                self.mentions.retain(|m| !span.contains(m.span));
                self.mentions.push(Mention { span, target: target.clone(), form: None });
            }
        }
    }

    /// "the Russian leader", "the Egyptian minister", "the Palestinian
    /// president": a definite description of a country's office holder
    /// refers to the one person named in full before it whose code and
    /// office fit it (Putin, not Lavrov, is the Russian leader; no one is
    /// where two fit). The description's words after the country are looked
    /// for among the office's words; "leader" fits a head of state or
    /// government; a deputy or vice office fits only a description that says so.
    fn office_holders_described(&mut self) {
        struct Holder {
            target: Target,
            first: usize,
            code: String,
            office: String,
        }
        let mut holders: Vec<Holder> = Vec::new();
        let mut descriptions: Vec<(usize, bool)> = Vec::new();
        // A country's sector, or its government ("the Russian leader" is
        // Russia's government until it is found to be Putin).
        let lexicon = self.lexicon;
        let sector_of = |target: &Target| match target {
            Target::Sector { country, sector } => Some((country.clone(), sector.clone())),
            Target::Entity(e) if lexicon.entities[*e].kind == ActorKind::Government => {
                let code = lexicon.entities[*e].code_on(self.date).0?;
                let (country, sector) = code.split_at_checked(3)?;
                Some((country.to_string(), sector.to_string()))
            }
            _ => None,
        };
        // The descriptions first, by cheap tests: most documents have none,
        // and then the people's codes and offices are not looked up.
        // Each with whether "the" stands before it, which the mention takes
        // in when it is found to be a person.
        for (i, m) in self.mentions.iter().enumerate() {
            if m.form.is_none() && self.is_state_sector(&m.target) {
                // Definite: after "the", or with a possessive ("Qatar's prime minister").
                let before = &self.text[..m.span.start];
                let after_the = before.ends_with("the ") || before.ends_with("The ");
                if after_the || is_possessive(m.span.of(self.text).split(' ').next().unwrap_or_default()) {
                    descriptions.push((i, after_the));
                }
            }
        }
        if descriptions.is_empty() {
            return;
        }
        for m in &self.mentions {
            if m.form == Some(FormKind::Surname) || matches!(m.target, Target::Sector { .. }) {
                continue;
            }
            if let Some(h) = holders.iter_mut().find(|h| h.target == m.target) {
                h.first = h.first.min(m.span.start);
                continue;
            }
            let (code, office) = match &m.target {
                Target::Entity(e) if self.lexicon.entities[*e].kind == ActorKind::Person => self.code_and_role(*e),
                Target::NewPerson(p) if self.people[*p].kind == ActorKind::Person => {
                    let p = &self.people[*p];
                    (p.code.as_deref().map(|code| out_of_office(code, p.role.as_deref())), p.role.clone())
                }
                _ => continue,
            };
            let (Some(code), Some(office)) = (code, office) else { continue };
            holders.push(Holder { target: m.target.clone(), first: m.span.start, code, office: lowercase(&office).into_owned() });
        }
        if holders.is_empty() {
            return;
        }
        for (i, after_the) in descriptions {
            let m = &self.mentions[i];
            let Some((country, sector)) = sector_of(&m.target) else { continue };
            let lower = lowercase(m.span.of(self.text));
            // The words after the country's: "foreign minister" in "Russian
            // foreign minister". A region or city instead ("the Indiana
            // governor") must be in the office too.
            let region = self.places.iter().find(|p| p.span.start == m.span.start && p.span.end < m.span.end);
            let (modifier, office_words) = match region {
                Some(p) => lower.split_at(p.span.len()),
                None => match lower.split_once(' ') {
                    Some((modifier, words)) => (modifier, words),
                    None => continue,
                },
            };
            let office_words = office_words.trim_start();
            let modifier = region.map(|_| modifier);
            let Some(head) = office_words.split(' ').next_back() else { continue };
            let person_noun = self.lexicon.role(head).is_some_and(|r| r.person);
            let plural = is_plural_of(head, |singular| self.lexicon.role(singular).is_some());
            if !person_noun || plural {
                continue;
            }
            let deputy = |words: &str| words.split([' ', '-']).any(|w| ["deputy", "vice"].contains(&w));
            let fits = |h: &Holder| {
                let office = h.office.as_str();
                h.first < m.span.start
                    && h.code.strip_prefix(country.as_str()) == Some(sector.as_str())
                    && deputy(office) == deputy(office_words)
                    && modifier.is_none_or(|region| contains_words(office, region))
                    && if office_words == "leader" {
                        LEADER_OFFICES.iter().any(|l| office.contains(l))
                    } else {
                        contains_words(office, office_words)
                    }
            };
            let mut fitting = holders.iter().filter(|h| fits(h));
            if let (Some(holder), None) = (fitting.next(), fitting.next()) {
                let target = holder.target.clone();
                let m = &mut self.mentions[i];
                // The article with it, as an apposition's description has it.
                if after_the {
                    m.span = Span::new(m.span.start - 4, m.span.end);
                }
                m.target = target;
            }
        }
    }

    /// A lexicon surname alone ("Katz") names that person only when the
    /// document also gives the full name, or the person leads a state or body
    /// on the document's date (news says "Putin" without "Vladimir") and the
    /// document names that state otherwise too ("Morrison" in a story that
    /// never names Australia is someone else).
    fn drop_unsupported_surnames(&mut self) {
        // The lexicon entities that some mention names in full.
        if !self.mentions.iter().any(|m| m.form == Some(FormKind::Surname)) {
            return;
        }
        // Asked only for the few surname mentions: a walk, not a sort or a hash.
        let full_name_given: Vec<EntityId> = self
            .mentions
            .iter()
            .filter(|m| m.form != Some(FormKind::Surname))
            .filter_map(|m| match m.target {
                Target::Entity(e) => Some(e),
                _ => None,
            })
            .collect();
        let lexicon = self.lexicon;
        let surnames: Vec<(Span, EntityId)> = self
            .mentions
            .iter()
            .filter(|m| m.form == Some(FormKind::Surname))
            .filter_map(|m| match m.target {
                Target::Entity(e) => Some((m.span, e)),
                _ => None,
            })
            .collect();
        // "Morrison's lawyer": a sector (or a person) whose country a surname gives.
        let on_surname = |m: &Mention| surnames.iter().any(|(s, _)| m.span.start <= s.start && s.end <= m.span.end);
        // A surname without the full name names the person only if they lead
        // a state or body; a leader of a state, only if the document names it
        // otherwise too. Decided once per entity (a few per document: a walk, not a hash).
        let mut unsupported: Vec<EntityId> = Vec::new();
        let mut leaders_of_states: Vec<EntityId> = Vec::new();
        for &(_, e) in &surnames {
            if full_name_given.contains(&e) || unsupported.contains(&e) || leaders_of_states.contains(&e) {
                continue;
            }
            let entity = &lexicon.entities[e];
            match (is_leader(entity), &entity.country) {
                (false, _) => unsupported.push(e),
                (true, Some(_)) => leaders_of_states.push(e),
                (true, None) => {}
            }
        }
        if !leaders_of_states.is_empty() {
            // The countries the document names other than by surnames.
            let mut countries: Vec<&str> = self.places.iter().map(|p| p.country.as_str()).collect();
            for m in self.mentions.iter().filter(|m| m.form != Some(FormKind::Surname) && !on_surname(m)) {
                let country = match &m.target {
                    Target::Entity(e) => lexicon.entities[*e].country.as_deref(),
                    Target::Sector { country, .. } => Some(country.as_str()),
                    Target::NewPerson(i) => self.people[*i].country.as_deref(),
                };
                if let Some(country) = country.filter(|c| !countries.contains(c)) {
                    countries.push(country);
                }
            }
            for e in leaders_of_states {
                if lexicon.entities[e].country.as_deref().is_some_and(|c| !countries.contains(&c)) {
                    unsupported.push(e);
                }
            }
        }
        if unsupported.is_empty() {
            return;
        }
        let someone_else = |s: Span| surnames.iter().any(|&(span, e)| span == s && unsupported.contains(&e));
        self.mentions.retain(|m| match m.target {
            Target::Entity(_) if m.form == Some(FormKind::Surname) => !someone_else(m.span),
            Target::Sector { .. } => !surnames.iter().any(|&(s, _)| m.span.start <= s.start && s.end <= m.span.end && someone_else(s)),
            _ => true,
        });
    }

    fn into_actors(mut self) -> Vec<Actor> {
        self.drop_unsupported_surnames();
        // The mentions in text order (of equal spans, the earlier found first),
        // sorted as one integer each rather than moved whole: start, end and
        // index packed, ends and indices in 32 bits (texts are far below 4 GiB).
        debug_assert!(u32::try_from(self.text.len()).is_ok() && u32::try_from(self.mentions.len()).is_ok());
        let mut order: Vec<u128> = self
            .mentions
            .iter()
            .enumerate()
            .map(|(i, m)| (m.span.start as u128) << 64 | (m.span.end as u128) << 32 | i as u128)
            .collect();
        // The keys are distinct: any sort gives the stable order. The mentions
        // come in a few runs in text order (the lexicon's, then each later
        // pass's), which the stable sort finds and merges.
        order.sort();
        // One group of spans per target, in the order of first mention. A
        // document has a few dozen targets: a walk finds one faster than a
        // hash. Each key's index is replaced by its group's, and the groups
        // counted first, so that each group's spans are allocated once.
        const LOW_32: u128 = u32::MAX as u128;
        // At most one a mention: allocated once rather than grown.
        let mut targets: Vec<(&Target, usize)> = Vec::with_capacity(self.mentions.len());
        for key in &mut order {
            let target = &self.mentions[(*key & LOW_32) as usize].target;
            let group = match targets.iter().position(|(t, _)| *t == target) {
                Some(group) => {
                    targets[group].1 += 1;
                    group
                }
                None => {
                    targets.push((target, 1));
                    targets.len() - 1
                }
            };
            *key = *key & !LOW_32 | group as u128;
        }
        let mut groups: Vec<(&Target, Vec<Span>)> = targets.into_iter().map(|(t, n)| (t, Vec::with_capacity(n))).collect();
        for &key in &order {
            let span = Span::new((key >> 64) as usize, (key >> 32 & LOW_32) as usize);
            // Spans come in order: a repeated one repeats the last.
            let spans = &mut groups[(key & LOW_32) as usize].1;
            if spans.last() != Some(&span) {
                spans.push(span);
            }
        }
        groups.into_iter().map(|(target, mentions)| self.actor(target, mentions)).collect()
    }

    /// Whether a target is a country's sector or its government: what a
    /// description of a state's office ("the Russian leader", "Qatar's prime
    /// minister") reads as until it is found to be a person.
    fn is_state_sector(&self, target: &Target) -> bool {
        match target {
            Target::Sector { .. } => true,
            Target::Entity(e) => self.lexicon.entities[*e].kind == ActorKind::Government,
            Target::NewPerson(_) => false,
        }
    }

    /// A lexicon entity's code on the document's date and its role: the
    /// role the text gives, else the lexicon's office.
    fn code_and_role(&self, e: EntityId) -> (Option<String>, Option<String>) {
        let entity = &self.lexicon.entities[e];
        let (code, office) = entity.code_on(self.date);
        match self.known_roles.get(&e) {
            // The text's title where the lexicon has no term on the date;
            // "former" and the like make either an elite.
            Some((role, text_code)) => {
                let code = if entity.serves_on(self.date) { code } else { text_code.clone().or(code) };
                (code.map(|code| out_of_office(&code, Some(role))), Some(role.clone()))
            }
            None => (code, office.map(str::to_string)),
        }
    }

    /// The actor a target names, with its mentions.
    fn actor(&self, target: &Target, mentions: Vec<Span>) -> Actor {
        match target {
            Target::Entity(e) => {
                let entity = &self.lexicon.entities[*e];
                let (code, role) = self.code_and_role(*e);
                Actor { name: entity.name.clone(), code, kind: entity.kind, country: entity.country.clone(), role, mentions }
            }
            Target::Sector { country, sector } => {
                let adjective = self.lexicon.adjective(country).unwrap_or(country);
                Actor {
                    name: [adjective, " ", sector_name(sector)].concat(),
                    code: Some([country.as_str(), sector].concat()),
                    kind: ActorKind::of_sector(sector),
                    country: Some(country.clone()),
                    role: None,
                    mentions,
                }
            }
            Target::NewPerson(i) => {
                let p = &self.people[*i];
                Actor {
                    name: p.name.clone(),
                    code: p.code.as_deref().filter(|c| c.len() >= 3).map(|code| out_of_office(code, p.role.as_deref())),
                    kind: p.kind,
                    country: p.country.clone(),
                    role: p.role.clone(),
                    mentions,
                }
            }
        }
    }
}

/// A person's code as the role the text gives has it: a former holder of a
/// state office ("a former governor of Ohio", "ex-minister", "a retired
/// envoy") is one of the state's elites (`ELI`), as CAMEO codes people out
/// of office.
fn out_of_office(code: &str, role: Option<&str>) -> String {
    let former = role.is_some_and(|role| {
        let role = role.trim_start();
        role.starts_with("ex-") || role.starts_with("Ex-") || role.split(' ').next().is_some_and(|word| lowercase_is_one_of(word, PAST_OFFICE))
    });
    match code.split_at_checked(3) {
        Some((country, "GOV" | "MIL" | "LEG" | "JUD" | "COP")) if former => format!("{country}ELI"),
        _ => code.to_string(),
    }
}

/// What stands between the items of a list ("Mali, Burkina Faso and Niger"),
/// the longest first.
const LIST_GAPS: [&str; 3] = [", and ", " and ", ", "];

/// Nouns for a person's relatives and friends: "the widow of", "a son of".
const RELATIVES: &[&str] = &[
    "mother", "father", "son", "daughter", "wife", "husband", "widow", "widower", "brother", "sister", "parent",
    "parents", "child", "children", "relative", "relatives", "uncle", "aunt", "nephew", "niece", "cousin", "grandson",
    "granddaughter", "grandfather", "grandmother", "friend", "fiancée", "fiancee", "girlfriend", "boyfriend",
];

/// Acronyms that name no organisation, or one the speech-verb cue would get
/// wrong: offices ("CEO said"), measures, a transcript's speakers.
const NOT_ORGANISATION_ACRONYMS: &[&str] = &[
    "CEO", "CFO", "COO", "CTO", "GDP", "DNA", "HIV", "AIDS", "COVID", "PDF", "URL", "FAQ", "USA", "MPS", "PHD",
    "ALSO", "THE", "AND", "BUT", "NOT", "NEW", "SAID", "NOTE", "EDT", "EST", "GMT", "UTC",
];

/// Words before an office that put its holder out of it ("former", "the
/// late", "the ousted").
const PAST_OFFICE: &[&str] = &["former", "retired", "ousted", "deposed", "late", "exiled"];

/// Whether a word ends in a possessive "'s" ("Qatar's", "Qatar’s").
fn is_possessive(word: &str) -> bool {
    word.ends_with("'s") || word.ends_with("\u{2019}s")
}

/// Whether a word is the plural of a noun `is_noun` knows ("candidates",
/// "ministers"), not a singular ending in "s" ("boss").
fn is_plural_of(word: &str, is_noun: impl Fn(&str) -> bool) -> bool {
    word.strip_suffix('s').is_some_and(|singular| !singular.ends_with('s') && is_noun(singular))
}

/// Whether `desc` opens with a name's possessive: "Turkey's foreign
/// minister", "Islamic Jihad's deputy secretary-general" (capitalised words,
/// at most three, the last with "'s").
fn possessive_of_a_name(desc: &str) -> bool {
    let mut words = desc.split(' ');
    for _ in 0..3 {
        let Some(word) = words.next() else { return false };
        if !word.starts_with(char::is_uppercase) {
            return false;
        }
        if is_possessive(word) {
            return words.next().is_some();
        }
    }
    false
}

/// Words that end an apposition's head: prepositions and relative pronouns
/// (what follows them is not the person: "the father of a slain soldier").
const NOT_IN_A_HEAD: &[&str] = &[
    "who", "whom", "whose", "which", "that", "to", "of", "in", "for", "with", "by", "at", "on", "from", "among",
    "about", "against", "as", "over", "under",
];

/// Direction words between a preposition and a country ("of southern Serbia").
const DIRECTIONS: &[&str] = &[
    "northern", "southern", "eastern", "western", "central", "north", "south", "east", "west", "northeastern",
    "northwestern", "southeastern", "southwestern", "north-eastern", "north-western", "south-eastern", "south-western",
];

/// Titles of national office before a name, and the sector they give it.
const OFFICE_TITLES: &[(&str, &str)] = &[
    ("President", "GOV"), ("Premier", "GOV"), ("King", "GOV"), ("Queen", "GOV"), ("Emir", "GOV"), ("Sultan", "GOV"),
    ("Judge", "JUD"), ("General", "MIL"), ("Gen.", "MIL"), ("Gen", "MIL"),
];

/// Lowercase words that are not nouns between a country adjective and a role
/// ("the French said workers" is no "French paper workers").
const NOT_NOUNS: &[&str] = &[
    "and", "or", "but", "nor", "the", "a", "an", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as",
    "than", "that", "who", "whom", "which", "whose", "its", "his", "her", "our", "their", "new", "all", "two", "few",
    "own", "say", "said", "told", "tell", "met", "led", "let", "hit", "beat", "put", "set", "cut", "got", "saw",
    "see", "won", "win", "lost", "held", "hold", "sent", "send", "took", "take", "gave", "give", "shot", "fled",
    "left", "fought", "caught", "brought", "struck", "threw", "drove", "fell", "ran", "urge", "warn", "want", "will",
    "would", "can", "could", "may", "might", "must", "shall", "should", "did", "does", "had", "has", "have", "was",
    "were", "are", "not", "also", "then", "now", "still", "just", "only", "even", "very", "more", "most", "many",
    "much", "some", "any", "each", "every", "both", "such", "other", "another", "these", "those", "this", "is",
    "be", "been", "again", "today", "yesterday", "tonight", "began", "came", "went", "made", "kept", "stood", "broke",
    "rose", "face", "remain", "continue", "refuse",
];

/// The word lists `word` lower-cased is on; lower-cased on the stack when
/// it is short and ASCII, as nearly every word is.
/// The sector of a compound of role words ("rebel commanders", "government
/// troops"), given the sector of the words before the last, with whether the
/// word before it names people, and the last word's role.
///
/// The head noun decides ("government troops" are the military), unless the
/// modifier names a side a person is on whatever their rank (a rebel
/// commander is a rebel, an opposition lawmaker of the opposition), or names
/// a body whose people the head calls by a generic word: "military advisers"
/// are the military's, "party activists" the party's, "State Department
/// employees" the government's.
fn compound_sector<'s>(modifier: Option<(&'s str, bool)>, head: &'s Role) -> &'s str {
    match modifier {
        Some((sector, _)) if matches!(sector, "REB" | "OPP" | "UAF") => sector,
        Some((sector, false)) if head.person && matches!(head.sector.as_str(), "GOV" | "LAB" | "CVL") => sector,
        _ => &head.sector,
    }
}

fn lists_of_lowercase(word: &str) -> Lists {
    let mut buf = [0u8; 16];
    match buf.get_mut(..word.len()) {
        Some(lower) if word.is_ascii() => {
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            Lists::of(std::str::from_utf8(lower).unwrap_or_default())
        }
        _ => Lists::of(&word.to_lowercase()),
    }
}

/// Whether a word is on `NOT_NOUNS` (asked for most role words of a document).
/// "I’ve", "Don't", "We'll": a word with a contracted ending after an apostrophe.
fn is_contraction(word: &str) -> bool {
    word.rsplit_once(['\'', '’']).is_some_and(|(_, ending)| matches!(ending, "ve" | "ll" | "re" | "m" | "d" | "t"))
}

fn is_not_noun(word: &str) -> bool {
    static SET: std::sync::LazyLock<FxHashSet<&str>> = std::sync::LazyLock::new(|| NOT_NOUNS.iter().copied().collect());
    SET.contains(word)
}

/// Whether `word` lower-cased is one of `lower_words`; without allocating for
/// an ASCII word (where ASCII lower-casing is all that lower-casing does).
fn lowercase_is_one_of(word: &str, lower_words: &[&str]) -> bool {
    if word.is_ascii() {
        lower_words.iter().any(|l| l.eq_ignore_ascii_case(word))
    } else {
        lower_words.contains(&word.to_lowercase().as_str())
    }
}

/// Rules that place actors in a country from the words around them: roles
/// next to a country ("rebels in the Ivory Coast"), minorities under the state
/// they live in, offices in a sentence about one country, misspelt country
/// names, and the choice between people who share a surname.
impl<'a> Finder<'a> {
    /// Of several entities one form names (a surname two people share): the
    /// one whose dated offices cover the document's date, else the only one
    /// the document names in full, else (undated) the one with the latest
    /// term, else the first listed.
    fn pick_target(&self, targets: &[(EntityId, FormKind)], named: &[EntityId]) -> Option<(EntityId, FormKind)> {
        if targets.len() < 2 {
            return targets.first().copied();
        }
        let codes = |e: EntityId| self.lexicon.entities[e].codes.iter();
        let person = |e: EntityId| self.lexicon.entities[e].kind == ActorKind::Person;
        if let Some(d) = self.date {
            let covers = |e: EntityId| codes(e).any(|c| c.from.is_none_or(|f| f <= d) && c.to.is_none_or(|t| d <= t));
            let mut in_office = targets.iter().filter(|(e, _)| person(*e) && covers(*e));
            if let Some(&first) = in_office.next() {
                // Two in office at once ("King Abdullah", of Jordan and of
                // Saudi Arabia from 2005 to 2015): the one whose country the
                // document names.
                let country = |e: EntityId| self.lexicon.entities[e].country.as_deref();
                let country_named = |e: EntityId| country(e).is_some_and(|c| named.iter().any(|&n| country(n) == Some(c)));
                let second = in_office.clone().next();
                let pick = match second {
                    None => first,
                    Some(_) => *std::iter::once(&first).chain(in_office).find(|(e, _)| country_named(*e)).unwrap_or(&first),
                };
                return Some(pick);
            }
        }
        let mut in_full = targets.iter().filter(|(e, _)| named.contains(e));
        if let (Some(only), None) = (in_full.next(), in_full.next()) {
            return Some(*only);
        }
        let latest_term = |e: EntityId| codes(e).map(|c| (c.to.is_none(), c.to)).max();
        let latest = targets
            .iter()
            .filter(|(e, _)| person(*e))
            .max_by_key(|(e, _)| latest_term(*e))
            .filter(|(e, _)| self.date.is_none() && targets.iter().all(|(o, _)| o == e || latest_term(*o) < latest_term(*e)));
        latest.or(targets.first()).copied()
    }

    /// Whether a given name ([`GIVEN_NAMES`]) stands right before byte
    /// `start`, one space away.
    fn given_name_before(&self, start: usize) -> bool {
        // Every given name has a capital ASCII letter (checked by a test), and
        // tokens hold no whitespace: without a capital in the word before the
        // space ("the", "in"), no token there is a given name, and the search
        // for it is spared.
        let before = &self.text.as_bytes()[..start.saturating_sub(1)];
        if !before.rsplit(u8::is_ascii_whitespace).next().is_some_and(|word| word.iter().any(u8::is_ascii_uppercase)) {
            return false;
        }
        self.word_before(start).is_some_and(|(at, word)| at + word.len() + 1 == start && is_given_name(word))
    }

    /// Whether a person's form is part of a longer capitalised name ("Carter
    /// Page", "Omar Suleiman Bakhit", and for the surname of `surname_of` also
    /// "Ash Carter", "Diane D. Blair", but not "John F. Kerry"): the name
    /// finder reads those.
    fn inside_longer_name(&self, start: usize, end: usize, surname_of: Option<EntityId>) -> bool {
        let name_word = |w: &str| self.is_name_word(w);
        let i = self.seg.tokens.partition_point(|t| t.span.start < start);
        let after = i + self.seg.tokens[i..].iter().take_while(|t| t.span.start < end).count();
        let next = self.seg.tokens.get(after).filter(|t| t.span.start == end + 1 && self.text[end..].starts_with(' '));
        if next.is_some_and(|t| t.kind == TokenKind::Word && name_word(t.span.of(self.text))) {
            return true;
        }
        let Some(entity) = surname_of else { return false };
        let before = i.checked_sub(1).map(|p| (p, self.seg.tokens[p]));
        // A capitalised word before a surname, even at a sentence's start, is a first name ("Jeb Bush, why ...").
        // An initial ("Diane D. Blair") also makes it someone else's name.
        let initial = |w: &str| w.len() <= 2 && w.starts_with(|c: char| c.is_ascii_uppercase()) && w[1..].chars().all(|c| c == '.');
        let first_name = || self.lexicon.entities[entity].name.split(' ').next().unwrap_or("");
        before.is_some_and(|(p, t)| {
            let w = t.span.of(self.text);
            let own_initial = initial(w) && p > 0 && self.token_text(p - 1) == first_name();
            t.span.end + 1 == start && self.text[t.span.end..start] == *" " && (t.kind == TokenKind::Word && name_word(w) || initial(w) && !own_initial)
        })
    }

    /// Whether a word can be a word of someone's or something's name: capitalised,
    /// not all capitals, and no title, opener, organisation, role or calendar word.
    fn is_name_word(&self, w: &str) -> bool {
        if !(w.starts_with(char::is_uppercase) && w.chars().skip(1).any(char::is_lowercase)) {
            return false;
        }
        let lists = Lists::of(w);
        !lists.has(Lists::TITLE)
            && !lists.has(Lists::SENTENCE_OPENER)
            && !lists.has(Lists::ORGANISATION_WORD)
            && !matches!(w, "Secretary" | "Speaker" | "Minister" | "Former" | "Yesterday" | "Today" | "Tonight" | "Earlier" | "Later" | "Now" | "Last" | "Next")
            && !lists_of_lowercase(w).has(Lists::NAME_PARTICLE)
            && !lists.has(Lists::CALENDAR_WORD)
            && self.lexicon.role(w).is_none()
    }

    /// Whether the seat `text[start..end]` is one word and a name word that does
    /// not open the sentence comes right before it: it ends a longer name ("Real
    /// Madrid", "Trump Tower Manila", "Kerry Washington"). Longer seats are
    /// the government still: "the Obama White House".
    fn one_word_seat_ends_name(&self, start: usize, end: usize) -> bool {
        if self.text[start..end].contains(' ') {
            return false;
        }
        let i = self.seg.tokens.partition_point(|t| t.span.start < start);
        i.checked_sub(1).is_some_and(|p| {
            let t = self.seg.tokens[p];
            t.kind == TokenKind::Word
                && t.span.end + 1 == start
                && self.text.as_bytes()[t.span.end] == b' '
                && !self.starts_sentence(p)
                && self.is_name_word(t.span.of(self.text))
        })
    }

    /// Misspelt country names and adjectives ("Ethopia has agreed", "Chenchen
    /// refugees"): a capitalised word that no form matched, standing alone (not a
    /// word of a longer name), one letter away from a state's name.
    fn misspelt_countries(&mut self) {
        let tokens = &self.seg.tokens;
        let capitalised = |t: &crate::segment::Token| t.kind == TokenKind::Word && t.span.of(self.text).starts_with(char::is_uppercase);
        let mut found = Vec::new();
        // Only capitalised tokens can be: their list is far shorter than the document's tokens.
        for &i in &self.capitalised {
            let tok = &tokens[i];
            if tok.span.len() < 6 || !self.text.as_bytes()[tok.span.start].is_ascii_uppercase() {
                continue;
            }
            let w = tok.span.of(self.text);
            // Most words have no state's shape: the tests below are for the rest.
            if !self.lexicon.may_misspell_country(w) {
                continue;
            }
            if tok.kind != TokenKind::Word
                || w.len() < 6
                || !w.starts_with(|c: char| c.is_ascii_uppercase())
                || !w[1..].bytes().all(|b| b.is_ascii_lowercase())
            {
                continue;
            }
            let glued = |a: usize, b: usize| self.text[tokens[a].span.end..tokens[b].span.start] == *" ";
            let hyphen = |j: usize| tokens.get(j).is_some_and(|t| t.span.of(self.text) == "-");
            let touching = |a: usize, b: usize| tokens[a].span.end == tokens[b].span.start;
            if i > 0 && capitalised(&tokens[i - 1]) && glued(i - 1, i) && !self.starts_sentence(i - 1)
                || i + 1 < tokens.len() && capitalised(&tokens[i + 1]) && glued(i, i + 1)
                || i > 0 && hyphen(i - 1) && touching(i - 1, i)
                || hyphen(i + 1) && touching(i, i + 1)
            {
                continue;
            }
            // Lexicon mentions and places are in text order here.
            let overlaps = |s: Span| s.start < tok.span.end && tok.span.start < s.end;
            let m = self.mentions.partition_point(|m| m.span.end <= tok.span.start);
            let p = self.places.partition_point(|p| p.span.end <= tok.span.start);
            if self.mentions.get(m).is_some_and(|m| overlaps(m.span)) || self.places.get(p).is_some_and(|p| overlaps(p.span)) {
                continue;
            }
            if let Some((entity, kind)) = self.lexicon.misspelt_country(w) {
                found.push(Mention { span: tok.span, target: Target::Entity(entity), form: Some(kind) });
            }
        }
        if !found.is_empty() {
            self.mentions.extend(found);
            self.mentions.sort_by_key(|m| m.span.start);
        }
    }

    fn overlaps_mention(&self, span: Span) -> bool {
        let (ordered, rest) = self.mentions.split_at(self.in_text_order);
        // Of the ordered ones, only the first to end after `span` starts can overlap it.
        let i = ordered.partition_point(|m| m.span.end <= span.start);
        ordered.get(i).is_some_and(|m| m.span.start < span.end) || rest.iter().any(|m| m.span.start < span.end && span.start < m.span.end)
    }

    /// The index of the last mention whose end is in `ends` and that `accept`
    /// takes: as a backward walk over all mentions would find it.
    fn last_mention_ending_in(&self, ends: std::ops::RangeInclusive<usize>, accept: impl Fn(&Mention) -> bool) -> Option<usize> {
        let (ordered, rest) = self.mentions.split_at(self.in_text_order);
        if let Some(k) = rest.iter().rposition(|m| ends.contains(&m.span.end) && accept(m)) {
            return Some(self.in_text_order + k);
        }
        let to = ordered.partition_point(|m| m.span.end <= *ends.end());
        (0..to).rev().take_while(|&i| ordered[i].span.end >= *ends.start()).find(|&i| accept(&ordered[i]))
    }

    /// The mentions inside `outer`, in the order of `mentions`.
    fn mentions_within(&self, outer: Span) -> impl Iterator<Item = &Mention> {
        let (ordered, rest) = self.mentions.split_at(self.in_text_order);
        let from = ordered.partition_point(|m| m.span.start < outer.start);
        let to = ordered.partition_point(|m| m.span.end <= outer.end).max(from);
        ordered[from..to].iter().chain(rest.iter().filter(move |m| outer.contains(m.span)))
    }

    /// The index of the first mention that starts at byte `start`.
    fn first_mention_starting_at(&self, start: usize) -> Option<usize> {
        let (ordered, rest) = self.mentions.split_at(self.in_text_order);
        let i = ordered.partition_point(|m| m.span.start < start);
        if ordered.get(i).is_some_and(|m| m.span.start == start) {
            return Some(i);
        }
        rest.iter().position(|m| m.span.start == start).map(|k| self.in_text_order + k)
    }

    /// "French paper workers", "Kenyan tea farmers": a country adjective, one
    /// lowercase noun, then the role.
    /// `word_before_pos` is `word_before(pos)`, which the caller has found.
    fn adjective_over_noun(&self, pos: usize, word_before_pos: Option<(usize, &'a str)>) -> Option<(Option<usize>, String, usize)> {
        let (noun_start, noun) = word_before_pos?;
        let plain_noun = noun.len() >= 3
            && noun.bytes().all(|b| b.is_ascii_lowercase())
            && !["ed", "ing", "ly", "s"].iter().any(|end| noun.ends_with(end));
        if !plain_noun || self.text[noun_start + noun.len()..pos] != *" " || is_not_noun(noun) {
            return None;
        }
        let adjective_end = noun_start.checked_sub(1)?;
        let i = self.last_mention_ending_in(adjective_end..=adjective_end, |_| true)?;
        let m = &self.mentions[i];
        let singular_adjective = m.form == Some(FormKind::Adjective) && !m.span.of(self.text).ends_with('s');
        if !singular_adjective || self.text[m.span.end..noun_start] != *" " || self.lexicon.role(noun).is_some() {
            return None;
        }
        Some((Some(i), self.country_of_target(&m.target)?, m.span.start))
    }

    /// After a role ending at `end`: "in/of/from/throughout/across [the]
    /// [southern] <country or place>", or "of [former President] <person>".
    /// Returns (the mention's index, or `None` for a place; its country; its end).
    fn country_after(&self, end: usize) -> Option<(Option<usize>, String, usize)> {
        const LINKS: &[&str] = &["in ", "of ", "from ", "throughout ", "across ", "inside ", "based in ", "living in "];
        // Words that do not change the country: "in Christian east Beirut".
        const FAITHS: &[&str] = &["Christian", "Muslim", "Moslem", "Sunni", "Shiite", "Shia", "Druze", "Catholic", "Protestant"];
        let rest = self.text[end..].strip_prefix(' ')?;
        let link = LINKS.iter().find(|l| rest.starts_with(**l))?;
        let mut pos = end + 1 + link.len();
        for _ in 0..3 {
            let word = self.text[pos..].split(' ').next().unwrap_or("");
            let skip = word == "the"
                || lowercase_is_one_of(word, DIRECTIONS)
                || FAITHS.contains(&word)
                || *link == "of " && (Lists::of(word).has(Lists::TITLE) || word == "former" || self.lexicon.role(word).is_some());
            if !skip || word.is_empty() {
                break;
            }
            pos += word.len() + 1;
        }
        if let Some(i) = self.first_mention_starting_at(pos) {
            let m = &self.mentions[i];
            // "in the Zimbabwean capital": an adjective belongs to the noun after it.
            let fits = m.form != Some(FormKind::Adjective)
                && match m.target {
                Target::Entity(e) => match self.lexicon.entities[e].kind {
                    ActorKind::State | ActorKind::Government => true,
                    ActorKind::Person => *link == "of ",
                    _ => false,
                },
                    Target::Sector { .. } => true,
                    Target::NewPerson(_) => false,
                };
            // "the spokesperson of Qatar's foreign ministry": the country belongs to what follows.
            let fits = fits && self.possessive_after(m.span.end).is_none();
            return fits.then(|| Some((Some(i), self.country_of_target(&m.target)?, m.span.end))).flatten();
        }
        let place = self.places.iter().find(|p| p.span.start == pos)?;
        Some((None, place.country.clone(), place.span.end))
    }

    /// "ethnic Albanian(s)" starting at `adjective_start`, the group ending at
    /// `end`: CAMEO codes a minority under the state it lives in, the one
    /// named after it ("in Macedonia") or else the other country the sentence
    /// names most. Returns that state and where "ethnic" starts.
    fn ethnic_residence(&self, adjective_start: usize, end: usize, own: &str) -> Option<(String, usize)> {
        // The text before first: nearly every adjective has no "ethnic" there,
        // and that spares the search for the word before.
        let before = &self.text.as_bytes()[..self.spaces_before(adjective_start)];
        if !before.len().checked_sub(6).is_some_and(|at| before[at..].eq_ignore_ascii_case(b"ethnic")) {
            return None;
        }
        let (ethnic_start, word) = self.word_before(adjective_start)?;
        if !word.eq_ignore_ascii_case("ethnic") {
            return None;
        }
        if let Some((_, country, _)) = self.country_after(end).filter(|(_, c, _)| c != own) {
            return Some((country, ethnic_start));
        }
        let span = Span::new(ethnic_start, end);
        let mut counts: Vec<(&str, usize)> = Vec::new();
        for country in self.sentence_countries(span, false).filter(|&c| c != own) {
            match counts.iter_mut().find(|(c, _)| *c == country) {
                Some((_, n)) => *n += 1,
                None => counts.push((country, 1)),
            }
        }
        counts.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
        match counts[..] {
            [(c, _)] => Some((c.to_string(), ethnic_start)),
            [(c, a), (_, b), ..] if a > b => Some((c.to_string(), ethnic_start)),
            _ => None,
        }
    }

    /// The countries of the actors the sentence holding `span` names outside
    /// it, one per mention (places are weaker evidence: "the Jeddah
    /// Declaration"); with `not_visited`, countries after a locative ("arrived
    /// in Nigeria") are left out, as a visitor is not of the place visited.
    /// Not collected: callers only walk them.
    fn sentence_countries(&self, span: Span, not_visited: bool) -> impl Iterator<Item = &str> {
        let sentence = self.sentence_of(span.start);
        let outside = move |s: Span| s.end <= span.start || span.end <= s.start;
        let media = |t: &Target| match t {
            Target::Entity(e) => self.lexicon.entities[*e].kind == ActorKind::Media,
            Target::Sector { sector, .. } => sector == "MED",
            Target::NewPerson(i) => self.people[*i].kind == ActorKind::Media,
        };
        let after_locative = |m: &Mention| self.word_before(m.span.start).is_some_and(|(_, w)| lists_of_lowercase(w).has(Lists::LOCATIVE));
        self.mentions_within(sentence)
            .filter(move |m| outside(m.span) && !media(&m.target) && !(not_visited && after_locative(m)))
            .filter_map(|m| self.country_code(&m.target).filter(|c| c.len() == 3 && !c.starts_with("IGO")))
    }

    /// The one country the sentence names outside `span`, if it names exactly
    /// one. A place of another country makes it two ("Russian forces shelled
    /// Kharkiv, killing two civilians": not Russia's civilians), except for
    /// forces (`not_visited`), which are sent to places; a place alone names
    /// none (city names are too often ambiguous to code people by).
    fn sentence_country(&self, span: Span, not_visited: bool) -> Option<String> {
        let mut countries = self.sentence_countries(span, not_visited);
        let first = countries.next()?;
        if !countries.all(|c| c == first) {
            return None;
        }
        if !not_visited {
            let sentence = self.sentence_of(span.start);
            let from = self.places.partition_point(|p| p.span.start < sentence.start);
            if self.places[from..].iter().take_while(|p| p.span.end <= sentence.end).any(|p| p.country != first) {
                return None;
            }
        }
        Some(first.to_string())
    }

    /// Roles no country word modifies ("Moslem fundamentalist demonstrators",
    /// "security forces") in a sentence that names one country only: people
    /// or forces of that country. Of adjacent role words the last is the head.
    /// Left alone: a role after a preposition, a possessive, a comma or "told"
    /// ("for traders", "their families", "told reporters"), and one used as a
    /// modifier ("the paramilitary group", "military-led").
    fn roles_in_one_country_sentences(&mut self, roles: &[(usize, usize, &Role)], unplaced: &[usize]) {
        // "rebel commanders", but not "anti-terrorist police".
        let adjacent = |a: usize, b: usize| b == a + 1 && self.text[roles[a].1..roles[b].0] == *" " && !self.text[..roles[a].0].ends_with('-');
        for (n, &k) in unplaced.iter().enumerate() {
            let (start, end, role) = roles[k];
            if unplaced.get(n + 1).is_some_and(|&next| adjacent(k, next)) {
                continue;
            }
            let mut span_start = start;
            let mut j = n;
            while j > 0 && adjacent(unplaced[j - 1], unplaced[j]) {
                j -= 1;
                span_start = roles[unplaced[j]].0;
            }
            let word = &self.text[start..end];
            // "The Foreign Ministry said", "the Supreme Court ruled": a state body
            // named by its capitalised title alone is the one of the country
            // the sentence is about (not a word of a longer name: "the Supreme
            // Court Bar Association", "the Defence Ministry of Iraq" is placed already).
            let named_body = !role.person
                && matches!(role.sector.as_str(), "GOV" | "JUD" | "LEG" | "MIL" | "COP" | "SPY")
                && self.text[span_start..end].split(' ').all(|w| w.starts_with(char::is_uppercase))
                && self.word_before(span_start).is_some_and(|(_, w)| w == "the" || w == "The")
                && !self.capitalised_word_after(end);
            let plural = word.ends_with('s') || word.ends_with("men") || ["police", "clergy", "personnel"].contains(&word);
            let group = if role.person { plural } else { matches!(role.sector.as_str(), "COP" | "MIL" | "REB" | "UAF") };
            // Refugees come from elsewhere, peacekeepers too.
            if !named_body && (!group || matches!(role.sector.as_str(), "GOV" | "ELI" | "REF")) || word.contains("peacekeep") {
                continue;
            }
            // Terrorists and extremists are seldom of the country a sentence is
            // about, nor is a people that lives across borders (Kurds).
            let transnational = ["terrorist", "extremist", "jihadist", "kurd"]
                .iter()
                .any(|w| word.get(..w.len()).is_some_and(|p| p.eq_ignore_ascii_case(w)));
            // A capitalised role inside a sentence is part of a name ("Gang of Eight").
            let capitalised = !named_body
                && word.starts_with(char::is_uppercase)
                && {
                    let i = self.seg.tokens.partition_point(|t| t.span.start < start);
                    !self.starts_sentence(i)
                };
            if transnational || capitalised {
                continue;
            }
            let span = Span::new(span_start, end);
            if self.is_claimed(span) || self.overlaps_mention(span) || !self.stands_as_group(span) {
                continue;
            }
            let sector = unplaced[j + 1..=n]
                .iter()
                .fold((roles[unplaced[j]].2.sector.as_str(), roles[unplaced[j]].2.person), |(compound, person), &k| {
                    (compound_sector(Some((compound, person)), roles[k].2), roles[k].2.person)
                })
                .0;
            // Troops are not of the country they are sent to ("troops crossed into Haiti").
            let Some(country) = self.sentence_country(span, sector == "MIL") else { continue };
            self.claim(span);
            let target = self.sector_target(country, sector.to_string());
            self.mentions.push(Mention { span, target, form: None });
        }
    }

    /// "told reporters": an audience, not an actor.
    fn after_told(&self, start: usize) -> bool {
        self.word_before(start).is_some_and(|(_, w)| lowercase_is_one_of(w, &["told", "tell", "tells", "telling"]))
    }

    /// Whether a role phrase stands as a group of its own: not after a
    /// preposition, possessive, comma or "told", not a modifier of a noun.
    fn stands_as_group(&self, span: Span) -> bool {
        const BEFORE: &[&str] = &[
            "for", "of", "with", "to", "about", "on", "among", "between", "against", "by", "from", "their", "its",
            "his", "her", "our", "your", "my", "told", "tell", "tells", "telling", ",",
        ];
        let before = self.word_before(span.start).map(|(_, w)| w);
        if before.is_some_and(|w| lowercase_is_one_of(w, BEFORE)) || self.text[..span.start].trim_end().ends_with(',') {
            return false;
        }
        let after = &self.text[span.end..];
        if after.starts_with('-') {
            return false;
        }
        let next: &str = after.strip_prefix(' ').map_or("", |r| r.split(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or(""));
        let noun_next = next.len() >= 3
            && next.bytes().all(|b| b.is_ascii_lowercase())
            && !["ed", "ing", "ly", "s"].iter().any(|e| next.ends_with(e))
            && !is_not_noun(next);
        !noun_next
    }

    /// "ethnic Albanians", "the Albanians of southern Serbia": a minority,
    /// coded as civilians of the state it lives in.
    fn minorities(&mut self) {
        // Borrowed from the lexicon, not from `self`: no copy of the country per adjective.
        let lexicon = self.lexicon;
        for i in 0..self.mentions.len() {
            let m = &self.mentions[i];
            let Target::Entity(e) = m.target else { continue };
            if m.form != Some(FormKind::Adjective) || lexicon.entities[e].kind != ActorKind::State {
                continue;
            }
            let Some(own) = lexicon.entities[e].country.as_deref() else { continue };
            let span = m.span;
            let residence = self.ethnic_residence(span.start, span.end, own).or_else(|| {
                let of = self.text[span.end..].starts_with(" of ") && span.of(self.text).ends_with('s');
                of.then(|| self.country_after(span.end)).flatten().filter(|(_, c, _)| *c != own).map(|(_, c, _)| (c, span.start))
            });
            if let Some((country, start)) = residence {
                self.mentions[i] = Mention { span: Span::new(start, span.end), target: Target::Sector { country, sector: "CVL".into() }, form: None };
            }
        }
    }

    /// A person the text gives a national office but no country ("President
    /// Dos Santos", "Judge Alejandro Rivera", "King Mswati of Swaziland"): the
    /// state after "of", else the one country the sentence names (places
    /// after a locative left out, as a visitor is not of the place visited).
    fn office_country(&mut self, index: usize, span: Span, roles: &[(usize, usize, &Role)]) {
        if self.people[index].code.is_some() {
            return;
        }
        // "AFT President Randi Weingarten", "Cato Institute president Ed Crane": an
        // office after a name that is no country, body or role word ("Air Force
        // Gen.") is an organisation's.
        let of_state = |start: usize| {
            let i = self.seg.tokens.partition_point(|t| t.span.start < start);
            let Some((w_start, w)) = self.word_before(start) else { return true };
            let known = || {
                let role_from = roles.partition_point(|&(s, _, _)| s <= w_start);
                roles[..role_from].last().is_some_and(|&(_, e, _)| w_start < e)
                    || self.mentions.iter().any(|m| m.span.start <= w_start && w_start < m.span.end)
            };
            // The walk over the mentions last.
            self.starts_sentence(i) || !w.starts_with(char::is_uppercase) || Lists::of(w).has(Lists::SENTENCE_OPENER) || known()
        };
        // The title's sector, then whether it is of a state: few words before a name are titles.
        let title = self.word_before(span.start).and_then(|(start, w)| {
            let (_, sector) = OFFICE_TITLES.iter().find(|(t, _)| *t == w)?;
            of_state(start).then_some(*sector)
        });
        // Offices of state, not staff ("adviser", "spokesman", "aide").
        const OFFICES: &[&str] = &[
            "president", "minister", "premier", "king", "queen", "emir", "sultan", "chancellor", "judge", "justice",
            "prosecutor", "attorney general", "general", "commander", "ambassador", "speaker",
        ];
        // The roles that end in the spaces before the name.
        let roles_before = roles_ending_in(roles, self.spaces_before(span.start)..span.start + 1);
        let role = roles_before
            .iter()
            .find(|&&(_, _, r)| r.person)
            .filter(|&&(s, e, _)| {
                let words = self.text[s..e].to_lowercase();
                OFFICES.iter().any(|o| words.contains(o)) && !words.contains("campaign") && of_state(s)
            })
            .map(|(_, _, r)| r.sector.as_str())
            .filter(|s| matches!(*s, "GOV" | "MIL" | "JUD" | "COP" | "LEG"));
        let Some(sector) = role.or(title).map(str::to_string) else { return };
        // "Arab League Secretary-General Chedli Klibi": the body's code.
        let office_start = roles_before.first().map_or(span.start, |r| r.0);
        let office_start = self.word_before(span.start).filter(|_| title.is_some() && role.is_none()).map_or(office_start, |(s, _)| s);
        let body = self.mentions.iter().find(|m| m.span.end <= office_start && self.text[m.span.end..office_start].trim().is_empty());
        // An ambassador to a body is their own state's ("U.N. Ambassador John Bolton").
        let office_words = self.text[office_start..span.start].to_lowercase();
        let to_body = office_words.contains("ambassador");
        if let Some(Target::Entity(e)) = body.map(|m| &m.target).filter(|_| !to_body) {
            let entity = &self.lexicon.entities[*e];
            if matches!(entity.kind, ActorKind::Igo | ActorKind::Group) {
                let (code, _) = entity.code_on(self.date);
                let p = &mut self.people[index];
                p.code = code;
                p.country = entity.country.clone();
                return;
            }
        }
        let of_state = self.text[span.end..].starts_with(" of ").then(|| self.country_after(span.end)).flatten().map(|(_, c, _)| c);
        let Some(country) = of_state.or_else(|| self.sentence_country(span, true)) else { return };
        let p = &mut self.people[index];
        p.code = Some(format!("{country}{sector}"));
        p.country = Some(country);
    }

    /// An organisation named after a place ("Baghdad University Medical
    /// School", "Montenegro Municipality Association"): that country, with
    /// the sector its head word names. Returns (code, country).
    fn organisation_country(&self, span: Span, head: &str) -> (Option<String>, Option<String>) {
        let place = self.places.iter().find(|p| p.span.start == span.start).map(|p| p.country.clone());
        let state_before = || {
            let m = self.mentions.iter().find(|m| m.span.end + 1 == span.start && self.text[m.span.end..span.start] == *" ")?;
            // "American Israel Public Affairs Committee": the state word must open the name.
            if self.word_before(m.span.start).is_some_and(|(_, w)| w.starts_with(char::is_uppercase) && !Lists::of(w).has(Lists::SENTENCE_OPENER)) {
                return None;
            }
            let Target::Entity(e) = m.target else { return None };
            (self.lexicon.entities[e].kind == ActorKind::State).then(|| self.lexicon.entities[e].country.clone()).flatten()
        };
        let Some(country) = place.or_else(state_before) else { return (None, None) };
        let media = MEDIA_HEADS.contains(&head).then_some("MED");
        let sector = media.or_else(|| self.lexicon.role(head).map(|r| r.sector.as_str())).unwrap_or("");
        (Some(format!("{country}{sector}")), Some(country))
    }

    /// A one-word person the name finder met before the full name ("kill
    /// Omar" in a headline, "Ilhan Omar" in the text) is the person named in
    /// full, when one only has that surname.
    fn merge_lone_surnames(&mut self) {
        let lone = |p: &NewPerson| p.kind == ActorKind::Person && !p.name.contains(' ');
        if !self.people.iter().any(lone) {
            return;
        }
        let full_name_with = |surname: &str| {
            let mut named = self.people.iter().enumerate().filter(|(_, p)| p.kind == ActorKind::Person && p.name.contains(' ') && surname_of(&p.name) == surname);
            match (named.next(), named.next()) {
                (Some((i, _)), None) => Some(i),
                _ => None,
            }
        };
        let merged: Vec<(usize, usize)> =
            self.people.iter().enumerate().filter(|(_, p)| lone(p)).filter_map(|(j, p)| full_name_with(&p.name).map(|i| (j, i))).collect();
        for m in &mut self.mentions {
            if let Target::NewPerson(j) = m.target
                && let Some(&(_, i)) = merged.iter().find(|(lone, _)| *lone == j)
            {
                m.target = Target::NewPerson(i);
            }
        }
    }

    /// A lexicon surname that is also the surname of someone this document
    /// names in full and the lexicon lacks ("Jeb Bush … Bush said") is that person.
    fn prefer_people_named_in_full(&mut self) {
        if !self.mentions.iter().any(|m| m.form == Some(FormKind::Surname) && matches!(m.target, Target::Entity(_))) {
            return;
        }
        let named_in_full = |target: &Target| self.mentions.iter().any(|m| m.form != Some(FormKind::Surname) && m.target == *target);
        // Decided on the mentions as they are, then changed.
        let changes: Vec<(usize, usize)> = self
            .mentions
            .iter()
            .enumerate()
            .filter(|(_, m)| m.form == Some(FormKind::Surname) && !named_in_full(&m.target))
            .filter_map(|(k, m)| {
                let surname = m.span.of(self.text);
                let person = self.people.iter().position(|p| p.kind == ActorKind::Person && after_last_space(&p.name) == surname);
                person.map(|i| (k, i))
            })
            .collect();
        for (k, i) in changes {
            self.mentions[k].target = Target::NewPerson(i);
            self.mentions[k].form = None;
        }
    }
}

/// The run of letters `s` starts with (empty if it starts with anything else).
fn leading_letters(s: &str) -> &str {
    // ASCII letters byte by byte (nearly every word), then any others by character.
    let ascii = s.bytes().position(|b| !b.is_ascii_alphabetic()).unwrap_or(s.len());
    let rest = &s[ascii..];
    if rest.starts_with(|c: char| c.is_ascii()) {
        return &s[..ascii];
    }
    &s[..ascii + rest.find(|c: char| !c.is_alphabetic()).unwrap_or(rest.len())]
}

/// The letters speech verbs start with (bit `letter - 'a'`), and their
/// shortest and longest length: most words are ruled out by these, without
/// a lookup.
const SPEECH_VERB_SHAPE: (u32, usize, usize) = {
    let (mut initials, mut shortest, mut longest) = (0u32, usize::MAX, 0);
    let mut i = 0;
    while i < SPEECH_VERBS.len() {
        let verb = SPEECH_VERBS[i].as_bytes();
        assert!(verb[0].is_ascii_lowercase(), "speech verbs start with a lower-case ASCII letter");
        initials |= 1 << (verb[0] - b'a');
        shortest = if verb.len() < shortest { verb.len() } else { shortest };
        longest = if verb.len() > longest { verb.len() } else { longest };
        i += 1;
    }
    (initials, shortest, longest)
};

/// Whether a speech verb could start with byte `b`.
fn starts_speech_verb(b: u8) -> bool {
    b.is_ascii_lowercase() && SPEECH_VERB_SHAPE.0 >> (b - b'a') & 1 == 1
}

/// Whether `word` is a speech verb.
fn is_speech_verb(word: &str) -> bool {
    let (_, shortest, longest) = SPEECH_VERB_SHAPE;
    word.as_bytes().first().is_some_and(|&b| starts_speech_verb(b))
        && (shortest..=longest).contains(&word.len())
        && Lists::of(word).has(Lists::SPEECH_VERB)
}

/// Whether the letters `s` starts with (`leading_letters`) are a speech
/// verb ("said" of "said."): ASCII letters, no more than the longest verb,
/// and no letter of any kind after them.
fn speech_verb_at(s: &str) -> bool {
    let (_, _, longest) = SPEECH_VERB_SHAPE;
    if !s.as_bytes().first().is_some_and(|&b| starts_speech_verb(b)) {
        return false;
    }
    let letters = s.bytes().take(longest + 1).take_while(u8::is_ascii_alphabetic).count();
    letters <= longest && !s[letters..].starts_with(char::is_alphabetic) && is_speech_verb(&s[..letters])
}

/// Whether `s` is all ASCII letters and digits: a table lookup a byte.
fn is_ascii_alphanumeric(s: &str) -> bool {
    const ALPHANUMERIC: [bool; 256] = {
        let mut table = [false; 256];
        let mut b = 0;
        while b < 256 {
            table[b] = (b as u8).is_ascii_alphanumeric();
            b += 1;
        }
        table
    };
    s.bytes().all(|b| ALPHANUMERIC[usize::from(b)])
}

/// Where the first clause break in `s` is (a comma, semicolon, colon,
/// parenthesis or quotation mark), else its end; `None` once more than
/// `most_words` words are sure to come before it, the rest unread.
///
/// A word is sure when ASCII whitespace ends it and it has an ASCII byte
/// other than whitespace or '.': such a word lies within one word of
/// `split_whitespace` that trimming trailing dots and spaces leaves, so
/// `most_words` of them already make the clause too long.
fn clause_within(s: &str, most_words: usize) -> Option<usize> {
    // What each byte is to the scan; one table lookup a byte.
    const WORD: u8 = 0;
    const SOLID: u8 = 1;
    const SPACE: u8 = 2;
    const BREAK: u8 = 3;
    const MAYBE_BREAK: u8 = 4;
    const KIND: [u8; 256] = {
        let mut kind = [WORD; 256];
        let mut b = 0;
        while b < 128 {
            kind[b] = match b as u8 {
                b'\t'..=b'\r' | b' ' => SPACE,
                b',' | b';' | b':' | b'(' | b'"' => BREAK,
                b'.' => WORD,
                _ => SOLID,
            };
            b += 1;
        }
        // The first byte of '“'.
        kind[0xE2] = MAYBE_BREAK;
        kind
    };
    let b = s.as_bytes();
    let (mut words, mut solid) = (0, false);
    for (i, &byte) in b.iter().enumerate() {
        match KIND[usize::from(byte)] {
            WORD => {}
            SOLID => solid = true,
            SPACE => {
                words += usize::from(solid);
                if words > most_words {
                    return None;
                }
                solid = false;
            }
            BREAK => return Some(i),
            _ => {
                if clause_break_at(b, i) {
                    return Some(i);
                }
            }
        }
    }
    Some(b.len())
}

/// Whether `s` has more than `most` words (`split_whitespace`'s): counted
/// byte by byte where it is ASCII, as whitespace there is ASCII too.
fn more_words_than(s: &str, most: usize) -> bool {
    if !s.is_ascii() {
        return s.split_whitespace().nth(most).is_some();
    }
    let space = |b: u8| matches!(b, b'\t'..=b'\r' | b' ');
    let mut words = 0;
    let mut after_space = true;
    for &b in s.as_bytes() {
        let starts_word = after_space && !space(b);
        words += usize::from(starts_word);
        after_space = space(b);
    }
    words > most
}

/// Where the last clause break in `s` is (see `clause_within`).
fn rfind_clause_break(s: &str) -> Option<usize> {
    (0..s.len()).rev().find(|&i| clause_break_at(s.as_bytes(), i))
}

/// Whether a clause break starts at byte `i`: looked for byte by byte, as
/// all of them but '“' are ASCII, and no ASCII byte is part of another character.
fn clause_break_at(b: &[u8], i: usize) -> bool {
    match b[i] {
        b',' | b';' | b':' | b'(' | b'"' => true,
        0xE2 => b[i..].starts_with("“".as_bytes()),
        _ => false,
    }
}

/// What follows the last space in `s` (all of it if there is none):
/// `s.rsplit(' ').next()`. The strings are names and short phrases: a walk
/// back over the bytes costs less than setting up `rfind`'s searcher. The
/// space is ASCII, so the byte after it starts a character.
fn after_last_space(s: &str) -> &str {
    &s[s.bytes().rposition(|b| b == b' ').map_or(0, |i| i + 1)..]
}

/// The last word of a name, after its last space or hyphen ("Abu Marzouk",
/// "Al-Burhan"), before a generational suffix ("James Kennedy Jr."):
/// `name.split([' ', '-']).next_back()` without a searcher.
fn surname_of(name: &str) -> &str {
    let name = [" Jr.", " Jr", " Sr.", " Sr", " II", " III", " IV"].iter().find_map(|suffix| name.strip_suffix(suffix)).unwrap_or(name);
    // Both separators are ASCII: the byte after one starts a character.
    &name[name.bytes().rposition(|b| b == b' ' || b == b'-').map_or(0, |i| i + 1)..]
}

/// Whether `s` is all whitespace, as `char::is_whitespace` has it: byte by
/// byte where it is ASCII (a gap between words nearly always is).
fn all_whitespace(s: &str) -> bool {
    s.bytes().all(|b| matches!(b, b'\t'..=b'\r' | b' ')) || !s.is_ascii() && s.chars().all(char::is_whitespace)
}

/// `s` without every repetition of `prefix` at its start (`trim_start_matches`
/// without building a searcher).
fn strip_all<'s>(mut s: &'s str, prefix: &str) -> &'s str {
    while let Some(rest) = s.strip_prefix(prefix) {
        s = rest;
    }
    s
}

/// `word` lower-cased, borrowed where it already is (nearly every word).
fn lowercase(word: &str) -> Cow<'_, str> {
    if word.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) { Cow::Borrowed(word) } else { Cow::Owned(word.to_lowercase()) }
}

/// The roles that end in `ends`. The scan's roles are in text order and do
/// not overlap (leftmost-longest), so their ends are in order too.
fn roles_ending_in<'r, 'l>(roles: &'r [(usize, usize, &'l Role)], ends: std::ops::Range<usize>) -> &'r [(usize, usize, &'l Role)] {
    let from = roles.partition_point(|&(_, e, _)| e < ends.start);
    // Few or none: walked, not searched.
    let count = roles[from..].iter().take_while(|&&(_, e, _)| e < ends.end).count();
    &roles[from..from + count]
}

/// Spans sorted by start, each with what is known of it, asked about in
/// text order: which of them overlap a span, which start at a position. The
/// questions only move forward, so each walks on from where the last stopped.
struct SpanSweep<T> {
    entries: Vec<(Span, T)>,
    /// Per entry: the furthest end among it and the entries before it.
    reach: Vec<usize>,
    /// How many entries start before the end of the span last asked about.
    before_end: usize,
    /// How many entries start before the position last asked about.
    before_pos: usize,
}

impl<T> SpanSweep<T> {
    /// The sort is stable: entries that start together keep their order.
    fn new(mut entries: Vec<(Span, T)>) -> Self {
        // Nearly always in order already: the check spares the sort's buffer.
        if !entries.is_sorted_by_key(|(span, _)| span.start) {
            entries.sort_by_key(|(span, _)| span.start);
        }
        let reach = entries
            .iter()
            .scan(0, |reach, (span, _)| {
                *reach = span.end.max(*reach);
                Some(*reach)
            })
            .collect();
        SpanSweep { entries, reach, before_end: 0, before_pos: 0 }
    }

    /// How many entries start before `pos`, walking on from `passed`.
    fn starting_before(&self, pos: usize, passed: usize) -> usize {
        debug_assert!(passed == 0 || self.entries[passed - 1].0.start < pos, "asked about in text order");
        passed + self.entries[passed..].iter().take_while(|(s, _)| s.start < pos).count()
    }

    /// The entries that overlap `span`, from the last backwards.
    fn overlapping(&mut self, span: Span) -> impl Iterator<Item = &(Span, T)> {
        self.before_end = self.starting_before(span.end, self.before_end);
        let candidates = &self.entries[..self.before_end];
        candidates
            .iter()
            .zip(&self.reach[..self.before_end])
            .rev()
            .take_while(move |&(_, &reach)| span.start < reach)
            .map(|(entry, _)| entry)
            .filter(move |(s, _)| span.start < s.end)
    }

    /// The entries that start at byte `pos`, in order.
    fn starting_at(&mut self, pos: usize) -> impl Iterator<Item = &(Span, T)> {
        self.before_pos = self.starting_before(pos, self.before_pos);
        self.entries[self.before_pos..].iter().take_while(move |(s, _)| s.start == pos)
    }
}

/// What `Finder::new_people` needs of a mention found before it: how a
/// lexicon form named its target (`None` for a composed mention) and the
/// lexicon entity it is, if it is one. Whether that is a person is asked
/// only of the few a name run matches exactly: the entity is seldom in cache.
struct EarlierMention {
    form: Option<FormKind>,
    entity: Option<EntityId>,
}

/// The mentions found before `Finder::new_people`, by start.
struct EarlierMentions<'l> {
    sweep: SpanSweep<EarlierMention>,
    lexicon: &'l Lexicon,
    /// The surnames of the lexicon people among them, gathered when first
    /// asked for (not every document asks). A few dozen at most: a list
    /// compared by length first is cheaper to build and to ask than a set.
    person_surnames: Option<Vec<&'l str>>,
}

impl<'l> EarlierMentions<'l> {
    fn of(mentions: &[Mention], lexicon: &'l Lexicon) -> Self {
        let entries = mentions
            .iter()
            .map(|m| {
                let entity = match m.target {
                    Target::Entity(e) => Some(e),
                    _ => None,
                };
                (m.span, EarlierMention { form: m.form, entity })
            })
            .collect();
        EarlierMentions { sweep: SpanSweep::new(entries), lexicon, person_surnames: None }
    }

    /// Whether a lexicon person among them has the surname `word`. New
    /// people's passes only copy the targets of lexicon people, never add
    /// one: no mention found later can have a surname this does not know.
    fn may_have_person_surname(&mut self, word: &str) -> bool {
        let (sweep, lexicon) = (&self.sweep, self.lexicon);
        let surnames = self.person_surnames.get_or_insert_with(|| {
            let entities = sweep.entries.iter().filter_map(|(_, m)| m.entity).map(|e| &lexicon.entities[e]);
            entities.filter(|entity| entity.kind == ActorKind::Person).map(|entity| after_last_space(&entity.name)).collect()
        });
        surnames.contains(&word)
    }

    /// What `Finder::mentions_over` answers for `span`: the first lexicon
    /// person with exactly this span, and whether any mention overlaps it.
    /// `None` where a composed mention has exactly this span: its target may
    /// have changed since (`attach_context` points an apposition's
    /// "Putin's envoy" at the person), and only the mentions can tell.
    fn over(&mut self, span: Span) -> Option<(Option<Target>, bool)> {
        let mut overlapped = false;
        let mut person = None;
        for (m_span, m) in self.sweep.overlapping(span) {
            overlapped = true;
            if *m_span == span {
                m.form?;
                // Seen from the last backwards: the last seen is the first mention.
                person = m.entity.filter(|&e| self.lexicon.entities[e].kind == ActorKind::Person).or(person);
            }
        }
        Some((person.map(Target::Entity), overlapped))
    }

    /// Whether a lexicon form's mention other than a person's name starts
    /// at byte `pos`: the words before a name that are not part of it
    /// ("Egyptian" in "Egyptian Foreign Minister Badr Abdelatty"), where a
    /// person's name is the name itself.
    fn lexicon_form_at(&mut self, pos: usize) -> bool {
        let lexicon = self.lexicon;
        self.sweep
            .starting_at(pos)
            .any(|(_, m)| m.form.is_some() && !m.entity.is_some_and(|e| lexicon.entities[e].kind == ActorKind::Person))
    }
}

/// Whether a person has held an office whose holder news calls by surname
/// alone (a president, a king, a party leader), present or past.
fn is_leader(person: &crate::lexicon::Entity) -> bool {
    person.codes.iter().filter_map(|c| c.office.as_deref()).any(|o| {
        let o = o.to_lowercase();
        LEADER_OFFICES.iter().any(|l| o.contains(l)) && !o.contains("vice") && !o.contains("deputy")
    })
}

/// Words in the offices of those who lead a state, a government or a body.
const LEADER_OFFICES: &[&str] = &[
    "president", "prime minister", "chancellor", "king", "queen", "leader", "emir", "premier", "secretary-general",
    "secretary general", "pope", "sultan", "crown prince", "chairman",
];

/// Whether `words` occur in `text` as whole words, in order and together
/// ("foreign minister" in "russian foreign minister", not "minister" in "ministers").
fn contains_words(text: &str, words: &str) -> bool {
    text.match_indices(words).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + words.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// A bit for a (non-empty) word from its length and first and last bytes,
/// for `surnames_and_descriptions`' mask.
fn surname_bit(word: &[u8]) -> u64 {
    let (first, last) = (usize::from(word[0]), usize::from(word[word.len() - 1]));
    1 << ((word.len() * 7 + first * 3 + last) % 64)
}

fn normalize_description(desc: &str) -> String {
    let lower = desc.trim().to_ascii_lowercase();
    lower.strip_prefix("the ").unwrap_or(&lower).to_string()
}

fn sector_name(sector: &str) -> &'static str {
    match sector {
        "GOV" => "government",
        "MIL" => "military",
        "COP" => "police",
        "REB" => "rebels",
        "OPP" => "opposition",
        "PTY" => "party",
        "JUD" => "judiciary",
        "LEG" => "legislature",
        "CVL" => "civilians",
        "MED" => "media",
        "BUS" => "business",
        "SPY" => "intelligence",
        "REF" => "refugees",
        "HLH" => "health sector",
        "EDU" => "education sector",
        "REL" => "religious leaders",
        "LAB" => "labour",
        "ELI" => "elites",
        "HRI" => "human rights groups",
        "UAF" => "armed groups",
        "CRM" => "criminals",
        "NGO" => "NGOs",
        "AGR" => "farmers",
        "ENV" => "environmental groups",
        _ => "sector",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;
    use std::sync::OnceLock;

    fn lexicon() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::builtin)
    }

    fn actors(text: &str) -> Vec<Actor> {
        find_actors(text, &segment(text), lexicon(), Some(jiff::civil::date(2025, 6, 1)))
    }

    /// (name, code, mention texts) of every actor.
    fn summary(text: &str) -> Vec<(String, Option<String>, Vec<String>)> {
        actors(text)
            .into_iter()
            .map(|a| (a.name, a.code, a.mentions.iter().map(|m| m.of(text).to_string()).collect()))
            .collect()
    }

    fn find<'x>(all: &'x [(String, Option<String>, Vec<String>)], name: &str) -> &'x (String, Option<String>, Vec<String>) {
        all.iter().find(|a| a.0 == name).unwrap_or_else(|| panic!("no actor {name:?} in {all:#?}"))
    }

    #[test]
    fn every_given_name_has_a_capital_ascii_letter() {
        // `Finder::given_name_before` looks for one before searching the tokens.
        assert!(GIVEN_NAMES.iter().all(|name| name.bytes().any(|b| b.is_ascii_uppercase())));
    }

    #[test]
    fn a_clause_ends_at_its_first_break_unless_too_long() {
        assert_eq!(clause_within("a senior member of Hamas, said", 20), Some(24));
        assert_eq!(clause_within("an expert \u{201c}on\u{201d} it", 20), Some(10));
        assert_eq!(clause_within("one two three", 20), Some(13));
        assert_eq!(clause_within("one two three four, five", 2), None);
        // Dots alone and words with no ASCII letter may be trimmed away: not counted.
        assert_eq!(clause_within("one . . . two", 2), Some(13));
        assert_eq!(clause_within("\u{e9}\u{e9} \u{e9}\u{e9} \u{e9}\u{e9}", 1), Some(14));
    }

    #[test]
    fn after_last_space_is_the_last_piece_split_at_spaces_gives() {
        for s in ["", " ", "Putin", "Vladimir Putin", "José María Aznar", "Aznar ", "a  b", "\u{2019}s Lavrov", "Ma\u{00a0}Ying"] {
            assert_eq!(after_last_space(s), s.rsplit(' ').next().unwrap(), "{s:?}");
        }
    }

    #[test]
    fn words_are_counted_as_split_whitespace_counts_them() {
        for s in ["", " ", "a", " a  b\t c\x0b d \n", "a\u{a0}b c", ". . x"] {
            for most in 0..5 {
                assert_eq!(more_words_than(s, most), s.split_whitespace().nth(most).is_some(), "{s:?} {most}");
            }
        }
    }

    #[test]
    fn a_list_key_is_the_bytes_and_the_length() {
        let text = "Abcdefghijklmnopq";
        for n in 0..=text.len() {
            let word = &text[..n];
            let expected = (n < 16).then(|| {
                let mut key = [0u8; 16];
                key[..n].copy_from_slice(word.as_bytes());
                key[15] = n as u8;
                u128::from_le_bytes(key)
            });
            assert_eq!(Lists::key(word), expected, "{word:?}");
        }
    }

    #[test]
    fn every_list_word_has_a_key() {
        let lists = [
            TITLES, SENTENCE_OPENERS, NON_PERSON_WORDS, PERSON_DESCRIPTORS, SPEECH_VERBS, LOCATIVES, NAME_PARTICLES,
            ORGANISATION_WORDS, ORGANISATION_HEADS, CALENDAR_WORDS,
        ];
        for word in lists.concat() {
            assert!(Lists::key(word).is_some(), "{word:?} is too long for Lists::key");
            assert!(Lists::of(word) != Lists::default(), "{word:?}");
        }
        // classify_tokens looks these up for capitalised tokens only.
        for word in [TITLES, SENTENCE_OPENERS, ORGANISATION_WORDS, CALENDAR_WORDS].concat() {
            assert!(word.starts_with(char::is_uppercase), "{word:?}");
        }
        assert!(Lists::of("Dr").has(Lists::TITLE) && !Lists::of("Dr").has(Lists::SENTENCE_OPENER));
        assert_eq!(Lists::of("dr"), Lists::default());
        assert_eq!(Lists::of("Dr\0"), Lists::default());
    }

    #[test]
    fn states_governments_and_bodies_resolve_to_codes() {
        let text = "Kenya and the African Union urged calm. Nairobi said the talks would resume.";
        let all = summary(text);
        assert_eq!(find(&all, "Kenya").1.as_deref(), Some("KEN"));
        assert_eq!(find(&all, "Kenyan government").1.as_deref(), Some("KENGOV"));
        assert_eq!(find(&all, "Kenyan government").2, ["Nairobi"]);
        assert!(all.iter().any(|a| a.1.as_deref() == Some("IGOAU")), "{all:#?}");
    }

    #[test]
    fn a_middle_initial_stays_in_the_name() {
        let all = summary("“We will wait,” said Tomas K. Varga, an economist. Mr. Varga added that rates would fall.");
        assert_eq!(find(&all, "Tomas K. Varga").2, ["Tomas K. Varga", "Mr. Varga"]);
        // An initial that ends a sentence joins nothing.
        let all = summary("The council chose Plan B. Officials said it was cheaper.");
        assert!(all.iter().all(|a| !a.0.contains("Officials")), "{all:#?}");
    }

    #[test]
    fn a_capitalised_word_at_a_sentence_start_is_no_person() {
        let all = summary(
            "Critics said the plan was weak. Sources told reporters it would fail. I’ve said it before. \
             The agency announced Nov. 18 that it had chosen five firms.",
        );
        assert!(all.is_empty(), "{all:#?}");
    }

    #[test]
    fn party_words_office_words_and_places_before_a_name_are_not_in_it() {
        let all = summary("“It is over,” said Democratic strategist Lena Moss. “We lost,” said Zarnovia’s Kofi Adjei, a lawyer.");
        find(&all, "Lena Moss");
        find(&all, "Kofi Adjei");
        assert!(all.iter().all(|a| a.0 != "Democratic" && a.0 != "Zarnovia"), "{all:#?}");
        let all = summary("Harbour Authority Deputy Director Mara Quint told reporters the port was shut.");
        find(&all, "Mara Quint");
        // But a party word inside an organisation's name stays there.
        let all = summary("The Republican Harbour Coalition said the port was shut.");
        find(&all, "Republican Harbour Coalition");
    }

    #[test]
    fn a_name_set_off_by_commas_before_a_speech_verb_is_a_person() {
        let all = summary("“There is no case,” the deputy prosecutor, Ana-Lucia Brandt, said on Monday.");
        find(&all, "Ana-Lucia Brandt");
    }

    #[test]
    fn a_seat_that_opens_a_longer_name_is_a_word_of_it() {
        let all = summary("She wrote for the Nairobi Evening Ledger before the Paris Agreement was signed.");
        assert!(all.iter().all(|a| a.1.as_deref() != Some("KENGOV") && a.1.as_deref() != Some("FRAGOV")), "{all:#?}");
        // A headline capitalises every word: there the seat is the government.
        let all = summary("Nairobi Hosts Regional Talks On Sudan Ceasefire\n\nThe talks open on Monday.");
        assert_eq!(find(&all, "Kenyan government").2, ["Nairobi"]);
    }

    #[test]
    fn a_national_body_named_like_a_un_one_is_not_the_un() {
        let text = "Maria Osei, an adviser on the National Security Council, resigned. Ghana’s Security Council met. \
                    The Security Council then voted, as did the Accra General Assembly.";
        let all = summary(text);
        assert_eq!(find(&all, "United Nations Security Council").2, ["Security Council"]);
        assert!(all.iter().all(|a| a.1.as_deref() != Some("IGOUNOGA")), "{all:#?}");
        // An acronym stays the UN's.
        assert_eq!(find(&summary("Former U.N. envoy Kofi Mensah spoke."), "United Nations").2, ["U.N."]);
    }

    #[test]
    fn a_leader_named_by_surname_alone_needs_the_state_in_the_text() {
        let all = summary("Starmer said the flood defences would hold. Britain has spent heavily on them.");
        assert_eq!(find(&all, "Keir Starmer").1.as_deref(), Some("GBRGOV"));
        // A story that never names the country: another Starmer.
        let all = summary("Starmer said the bakery would reopen on Monday.");
        assert!(all.iter().all(|a| a.0 != "Keir Starmer"), "{all:#?}");
    }

    #[test]
    fn a_title_form_followed_by_the_rest_of_the_name_is_one_mention() {
        let text = "President Xi Jinping of China is likely to act. Xi's problem is simple.";
        let all = summary(text);
        assert_eq!(find(&all, "Xi Jinping").2, ["President Xi Jinping", "Xi"]);
        assert_eq!(all.iter().filter(|a| a.0 == "Xi Jinping").count(), 1, "{all:#?}");
    }

    #[test]
    fn a_surname_before_the_full_name_is_that_person() {
        let text = "Riverton man admits threat to Okonjo\n\nRep. Ada Okonjo said she forgave him. Okonjo asked for calm.";
        let all = summary(text);
        assert_eq!(find(&all, "Ada Okonjo").2, ["Okonjo", "Ada Okonjo", "Okonjo"]);
        assert_eq!(all.len(), 1, "{all:#?}");
    }

    #[test]
    fn places_articles_and_suffixes_are_not_people() {
        let text = "The office for the Western District of New York announced the charges. U.S. Attorney James Kennedy Jr. \
                    said the case was clear. Patrick Carlineo Jr. faces prison. His lawyer told The Hill he was sorry.";
        let all = summary(text);
        assert_eq!(find(&all, "James Kennedy Jr.").2, ["James Kennedy Jr."]);
        assert!(all.iter().all(|a| !["New York", "The Hill"].contains(&a.0.as_str())), "{all:#?}");
    }

    #[test]
    fn a_former_office_holder_is_of_the_elites() {
        let all = summary("“It works,” said Pierre Dubois, a former French minister. “No,” said Luc Martin, a French minister.");
        assert_eq!(find(&all, "Pierre Dubois").1.as_deref(), Some("FRAELI"));
        assert_eq!(find(&all, "Luc Martin").1.as_deref(), Some("FRAGOV"));
    }

    #[test]
    fn a_seat_after_a_locative_is_a_place() {
        let all = summary("The delegation arrived in Moscow on Monday, and the Kremlin welcomed it.");
        let government = find(&all, "Russian government");
        assert_eq!(government.2, ["Kremlin"]);
    }

    #[test]
    fn a_seat_named_as_a_capital_is_a_place() {
        let all = summary(
            "Bombs went off in the capital Kabul, and the Sudanese capital, Khartoum, was shelled. The outskirts of \
             Khartoum were quiet. Kabul protested.",
        );
        assert_eq!(find(&all, "Afghan government").2, ["Kabul"]);
        assert!(!all.iter().any(|a| a.1.as_deref() == Some("SDNGOV")), "{all:#?}");
    }

    #[test]
    fn a_one_word_seat_after_a_name_word_ends_that_name() {
        let all = summary(
            "He once managed Real Madrid, and later opened the luxury towers called Trump Tower Manila. Several aides \
             of the Obama White House disagreed with that choice.",
        );
        assert!(!all.iter().any(|a| a.1.as_deref().is_some_and(|c| c == "ESPGOV" || c == "PHLGOV")), "{all:#?}");
        assert_eq!(find(&all, "American government").2, ["White House"]);
    }

    #[test]
    fn a_name_given_in_full_twice_is_one_person_with_its_surname() {
        let all = summary(
            "Green Party candidate Jill Stein was escorted off the premises by the police on Monday.\n\n\
             Stein, who was not invited, boarded a bus. Later, candidate Jill Stein said she would protest.",
        );
        let stein: Vec<_> = all.iter().filter(|a| a.0 == "Jill Stein").collect();
        assert_eq!(stein.len(), 1, "{all:#?}");
        assert_eq!(stein[0].2, ["Jill Stein", "Stein", "Jill Stein"]);
    }

    #[test]
    fn a_title_that_is_a_surname_after_an_honorific_is_a_person() {
        let all = summary("Mr. King, 82, said he would not retire. \"Thank you, Mr. President,\" he said.");
        assert_eq!(find(&all, "King").2, ["King"]);
        assert!(!all.iter().any(|a| a.0 == "President"), "{all:#?}");
        // After a given name too; and a title before a name is not the surname.
        let all = summary("Matthew Prince, chief executive of CloudFlare, said it was fine. Prince Harry did not comment. Mr. Prince left.");
        assert_eq!(find(&all, "Matthew Prince").2, ["Matthew Prince", "Mr. Prince"]);
    }

    #[test]
    fn an_indefinite_description_before_a_name_gives_its_affiliation() {
        let text = "A senior Hamas official, Basem Naim, told reporters the talks had stalled. A senior Hamas official later denied it.";
        let all = summary(text);
        let naim = find(&all, "Basem Naim");
        assert_eq!(naim.1.as_deref(), Some("PSEREB"));
        // Only "the ..." refers again: the second official is not Naim.
        assert_eq!(naim.2, ["Basem Naim"]);
    }

    #[test]
    fn a_state_body_named_by_its_title_alone_is_of_the_sentence_country() {
        let all = summary(
            "The Foreign Ministry said in a statement that Moscow would respond. \
             In Brazil, the Supreme Court ruled on the case. The Supreme Court Bar Association objected.",
        );
        assert_eq!(find(&all, "Russian government").2, ["Foreign Ministry", "Moscow"]);
        assert_eq!(find(&all, "Brazilian judiciary").2, ["Supreme Court"]);
    }

    #[test]
    fn a_speaker_is_an_office_before_a_name() {
        let all = summary("House Speaker Paul Ryan said he would no longer defend the nominee. Speaker Ryan left early.");
        let ryan = find(&all, "Paul Ryan");
        assert_eq!(ryan.2, ["Paul Ryan", "Speaker Ryan"]);
    }

    #[test]
    fn a_day_after_a_name_is_not_part_of_it() {
        let all = summary("Volker testified before the House Intelligence Committee Tuesday.");
        assert!(all.iter().any(|a| a.0 == "House Intelligence Committee"), "{all:#?}");
    }

    #[test]
    fn a_sector_of_a_surname_that_names_someone_else_goes_with_it() {
        // No Australia in the story: this Morrison is not the prime minister, nor his lawyer Australian.
        let all = summary("Morrison's lawyer said the question was outside the scope of the inquiry.");
        assert!(!all.iter().any(|a| a.1.as_deref().is_some_and(|c| c.starts_with("AUS"))), "{all:#?}");
    }

    #[test]
    fn adjacent_role_words_are_one_compound() {
        let all = summary(
            "Two Sudanese rebel commanders spoke. Syrian government troops advanced. Iraqi military advisers stayed. \
             Chad's opposition lawmakers walked out, and anti-terrorist police officers in Pakistan were attacked.",
        );
        assert_eq!(find(&all, "Sudanese rebels").2, ["Sudanese rebel commanders"]);
        assert_eq!(find(&all, "Syrian military").2, ["Syrian government troops"]);
        assert_eq!(find(&all, "Iraqi military").2, ["Iraqi military advisers"]);
        assert_eq!(find(&all, "Chadian opposition").2, ["Chad's opposition lawmakers"]);
        assert_eq!(find(&all, "Pakistani police").2, ["police officers in Pakistan"]);
    }

    #[test]
    fn possessives_and_hyphenated_compounds() {
        let all = summary("Peru’s proposal was backed by Chilean-Bolivian negotiators.");
        assert_eq!(find(&all, "Peru").2, ["Peru"]);
        assert!(all.iter().any(|a| a.1.as_deref().is_some_and(|c| c.starts_with("CHL"))), "{all:#?}");
        assert!(all.iter().any(|a| a.1.as_deref().is_some_and(|c| c.starts_with("BOL"))), "{all:#?}");
    }

    #[test]
    fn country_and_role_compose_a_sector() {
        let all = summary("Israeli troops entered the town, and the Nigerian government protested. Abuja was firm.");
        assert_eq!(find(&all, "Israeli military").1.as_deref(), Some("ISRMIL"));
        let nigeria = find(&all, "Nigerian government");
        assert_eq!(nigeria.1.as_deref(), Some("NGAGOV"));
        assert_eq!(nigeria.2, ["Nigerian government", "Abuja"]);
    }

    #[test]
    fn a_title_codes_a_lexicon_person_on_a_date_none_of_their_terms_covers() {
        let on = |text: &str, date: jiff::civil::Date| find_actors(text, &segment(text), lexicon(), Some(date));
        let person = |all: &[Actor], name: &str| {
            let a = all.iter().find(|a| a.name == name).unwrap_or_else(|| panic!("no {name} in {all:#?}"));
            (a.code.clone().unwrap_or_default(), a.role.clone().unwrap_or_default())
        };
        // Years before the lexicon has him foreign minister, the text's title codes him.
        let text = "Iranian Deputy Foreign Minister Abbas Araghchi met the envoys in Vienna.";
        let all = on(text, jiff::civil::date(2016, 3, 1));
        assert_eq!(person(&all, "Abbas Araghchi"), ("IRNGOV".into(), "Iranian Deputy Foreign Minister".into()));
        // In office on the date: the lexicon's code; the role is the text's.
        let all = on(text, jiff::civil::date(2025, 3, 1));
        assert_eq!(person(&all, "Abbas Araghchi").0, "IRNGOV");
        // A title put in the past is an elite's, whatever the date.
        let all = on("Former Mexican President Felipe Calderon criticised the plan.", jiff::civil::date(2016, 2, 8));
        assert_eq!(person(&all, "Felipe Calderon"), ("MEXELI".into(), "Former Mexican President".into()));
        let all = on("Ousted President Askar Akayev agreed to resign.", jiff::civil::date(2005, 4, 4));
        assert_eq!(person(&all, "Askar Akayev").0, "KGZELI");
    }

    #[test]
    fn a_definite_description_of_an_office_refers_to_its_one_holder_named_before() {
        let all = summary(
            "Russian Foreign Minister Sergei Lavrov met Vladimir Putin and Mahmoud Abbas in Moscow. The Russian leader \
             thanked the Palestinian president. Later the Russian foreign minister spoke. Egyptian Foreign Minister Badr \
             Abdelatty and Qatari Prime Minister Mohammed bin Abdulrahman Al Thani arrived; the Egyptian minister spoke first.",
        );
        assert_eq!(find(&all, "Vladimir Putin").2, ["Vladimir Putin", "The Russian leader"]);
        assert_eq!(find(&all, "Mahmoud Abbas").2, ["Mahmoud Abbas", "the Palestinian president"]);
        assert_eq!(find(&all, "Sergei Lavrov").2, ["Sergei Lavrov", "the Russian foreign minister"]);
        assert_eq!(find(&all, "Badr Abdelatty").2, ["Badr Abdelatty", "the Egyptian minister"]);
        // Before anyone is named, or where two people fit, it stays the government.
        let all = summary(
            "The Russian minister spoke. Russian Foreign Minister Ivan Petrov and Russian Defence Minister Pavel Sidorov \
             met. The Russian minister spoke again.",
        );
        assert!(all.iter().all(|a| a.0 == "Russian government" || !a.2.iter().any(|m| m.contains("minister"))), "{all:#?}");
    }

    #[test]
    fn a_region_before_a_role_gives_its_country() {
        let all = summary(
            "Ohio Governor Kate Miller spoke. Gaza health officials said ten people died. Donetsk separatists shelled \
             the town. Sierra Nevada Corporation won a contract. The Ohio governor agreed, but the Indiana governor did not.",
        );
        let miller = find(&all, "Kate Miller");
        assert_eq!((miller.1.as_deref(), &miller.2[..]), (Some("USAGOV"), &["Kate Miller".to_string(), "The Ohio governor".to_string()][..]));
        assert!(all.iter().any(|a| a.1.as_deref() == Some("PSEHLH") && a.2 == ["Gaza health officials"]), "{all:#?}");
        assert!(all.iter().any(|a| a.1.as_deref() == Some("UKRREB") && a.2 == ["Donetsk separatists"]), "{all:#?}");
        // A region at the end of a longer name gives nothing.
        assert_eq!(find(&all, "Sierra Nevada Corporation").1, None);
        // Another state's governor is not Ohio's.
        assert!(find(&all, "American government").2.contains(&"Indiana governor".to_string()), "{all:#?}");
    }

    #[test]
    fn state_adjectives_listed_before_a_role_share_its_sector() {
        let all = summary("Egyptian and Qatari mediators met. Israeli, Jordanian and American officials agreed.");
        for (name, code) in [("Egyptian government", "EGYGOV"), ("Israeli government", "ISRGOV"), ("Jordanian government", "JORGOV")] {
            assert_eq!(find(&all, name).1.as_deref(), Some(code), "{all:#?}");
        }
    }

    #[test]
    fn a_possessive_description_before_a_name_gives_its_role_and_keeps_the_group() {
        let all = summary("Islamic Jihad's deputy leader, Karim Haddad, told reporters the movement backed it. Turkey's foreign minister, Hakan Fidan, called for calm.");
        let haddad = find(&all, "Karim Haddad");
        assert_eq!(haddad.1.as_deref(), Some("PSEREB"));
        assert_eq!(find(&all, "Palestinian Islamic Jihad").2, ["Islamic Jihad"]);
        assert_eq!(find(&all, "Hakan Fidan").2, ["Turkey's foreign minister", "Hakan Fidan"]);
    }

    #[test]
    fn a_particle_hyphened_to_a_name_word_is_part_of_the_name() {
        let all = summary("Mohammed al-Hindi told reporters the plan was dead. Hindi later said more.");
        assert_eq!(find(&all, "Mohammed al-Hindi").2, ["Mohammed al-Hindi", "Hindi"]);
    }

    #[test]
    fn a_bare_king_abdullah_is_the_one_on_the_throne() {
        let on = |text: &str, y: i16| find_actors(text, &segment(text), lexicon(), Some(jiff::civil::date(y, 6, 1)));
        let code = |all: &[Actor]| all.iter().find(|a| a.mentions.len() == 1 && a.name.starts_with("King Abdullah")).and_then(|a| a.code.clone());
        assert_eq!(code(&on("King Abdullah said peace was needed.", 2024)).as_deref(), Some("JORGOV"));
        // Both were kings from 2005 to 2015: the one whose country the story names.
        assert_eq!(code(&on("King Abdullah said Saudi Arabia would pump more oil.", 2010)).as_deref(), Some("SAUGOV"));
        assert_eq!(code(&on("King Abdullah said Jordan would host the talks.", 2010)).as_deref(), Some("JORGOV"));
    }

    #[test]
    fn a_place_of_another_country_leaves_a_role_unplaced() {
        let all = summary("Russian forces shelled Kharkiv overnight, killing two civilians. Russian police detained protesters.");
        assert!(!all.iter().any(|a| a.2.contains(&"civilians".to_string())), "{all:#?}");
        assert_eq!(find(&all, "Russian civilians").2, ["protesters"]);
    }

    #[test]
    fn states_listed_after_a_placed_role_share_its_sector() {
        let all = summary("The military governments of Mali, Burkina Faso and Niger left the bloc. Officials in Egypt objected, and Israel said it would respond.");
        assert_eq!(find(&all, "Burkinabe government").2, ["Burkina Faso"]);
        assert_eq!(find(&all, "Nigerien government").2, ["Niger"]);
        // A state opening a clause of its own stays the state.
        assert_eq!(find(&all, "Israel").1.as_deref(), Some("ISR"));
    }

    #[test]
    fn an_unknown_acronym_that_speaks_is_an_organisation() {
        let all = summary("The KWRA said it would sue. Leaders of the KWRA met the mayor. The CEO said no. The index .KWX added 2 points.");
        assert_eq!(find(&all, "KWRA").2, ["KWRA", "KWRA"]);
        assert!(!all.iter().any(|a| a.0 == "CEO" || a.0 == "KWX"), "{all:#?}");
    }

    #[test]
    fn only_the_head_of_an_apposition_is_the_person() {
        let all = summary("Omar Nasser, a senior Palestinian official, spoke first. Lina Saad, the mother of a slain Israeli soldier, spoke next.");
        assert_eq!(find(&all, "Omar Nasser").2, ["Omar Nasser", "Palestinian official"]);
        // The soldier is not the mother, nor is she of the military.
        let saad = find(&all, "Lina Saad");
        assert_eq!((saad.1.as_deref(), &saad.2[..]), (None, &["Lina Saad".to_string()][..]), "{all:#?}");
    }

    #[test]
    fn a_plural_description_before_names_refers_to_none_of_them() {
        let all = summary("The Democratic candidates, Hillary Clinton and Bernie Sanders, debated. The Democratic candidates agreed.");
        assert!(!find(&all, "Hillary Clinton").2.iter().any(|m| m.contains("candidates")), "{all:#?}");
    }

    #[test]
    fn title_role_and_country_compose_a_person() {
        let text = "Kenyan Foreign Ministry spokeswoman Wanjiru Kamau said the border would reopen. Kamau added that talks continue.";
        let found = actors(text);
        let kamau = found.iter().find(|a| a.name == "Wanjiru Kamau").expect("person found");
        assert_eq!(kamau.code.as_deref(), Some("KENGOV"));
        assert_eq!(kamau.role.as_deref(), Some("Kenyan Foreign Ministry spokeswoman"));
        let mentions: Vec<&str> = kamau.mentions.iter().map(|m| m.of(text)).collect();
        assert_eq!(mentions, ["Wanjiru Kamau", "Kamau"]);
    }

    #[test]
    fn apposition_gives_role_and_only_a_real_affiliation() {
        let text = "Tomas Lindqvist, an independent expert on the Arctic, noted that nothing changed. \
                    Ahmed Farouk, a senior member of Hamas, said the list was ready. \
                    Irena Kovac, a Zagreb-based political analyst, was doubtful. Lindqvist agreed.";
        let found = actors(text);
        let get = |n: &str| found.iter().find(|a| a.name == n).unwrap_or_else(|| panic!("{n} in {found:#?}"));
        assert_eq!(get("Tomas Lindqvist").role.as_deref(), Some("independent expert on the Arctic"));
        assert_eq!(get("Tomas Lindqvist").code, None);
        assert_eq!(get("Tomas Lindqvist").mentions.len(), 2);
        assert_eq!(get("Ahmed Farouk").code.as_deref(), Some("PSEREB"));
        assert_eq!(get("Irena Kovac").code, None, "a city one is based in is not an affiliation");
    }

    #[test]
    fn title_and_surname_resolve_to_the_full_name() {
        let text = "As Dr Aisha Bello, a lecturer at the university, explained, the vote matters. Dr Bello said more.";
        let found = actors(text);
        let bello = found.iter().find(|a| a.name == "Aisha Bello").expect("person");
        let mentions: Vec<&str> = bello.mentions.iter().map(|m| m.of(text)).collect();
        assert_eq!(mentions, ["Aisha Bello", "Dr Bello"]);
    }

    #[test]
    fn a_description_set_up_by_apposition_points_back() {
        let text = "The Nigerien leader, Idrissa Maiga, arrived in Algiers. Later the Nigerien leader met reporters.";
        let found = actors(text);
        let maiga = found.iter().find(|a| a.name == "Idrissa Maiga").expect("person");
        let mentions: Vec<&str> = maiga.mentions.iter().map(|m| m.of(text)).collect();
        assert_eq!(mentions, ["The Nigerien leader", "Idrissa Maiga", "Nigerien leader"]);
    }

    #[test]
    fn capitalised_words_without_a_person_cue_are_not_people() {
        let all = summary("After World War Two, Blue Harbour Holdings expanded. Time will tell.");
        assert!(all.iter().all(|a| a.0 != "World War Two" && a.0 != "Blue Harbour Holdings"), "{all:#?}");
    }

    #[test]
    fn mentions_are_word_aligned_spans_into_the_text() {
        let text = "Omanis and the Omani government: Muscat mediated; USS ships and US envoys.";
        for actor in actors(text) {
            for m in &actor.mentions {
                let s = m.of(text);
                assert!(!s.is_empty() && s.trim() == s, "{s:?}");
            }
        }
        let all = summary(text);
        assert!(all.iter().all(|a| !a.2.iter().any(|m| m == "US" && a.2.len() > 1 && a.2.contains(&"USS".to_string()))));
    }

    fn actors_on(text: &str, date: jiff::civil::Date) -> Vec<Actor> {
        find_actors(text, &segment(text), lexicon(), Some(date))
    }

    /// The code of the actor one of whose mentions is `mention`.
    fn code_of(all: &[(String, Option<String>, Vec<String>)], mention: &str) -> Option<String> {
        let actor = all.iter().find(|a| a.2.iter().any(|m| m == mention));
        actor.unwrap_or_else(|| panic!("no mention {mention:?} in {all:#?}")).1.clone()
    }

    #[test]
    fn misspelt_country_names_are_read_but_names_near_them_are_not() {
        let all = summary("Ethopia agreed to reopen the crossing. Mozambiqe rejected the offer. Quatar's emir hosted the talks.");
        assert_eq!(code_of(&all, "Ethopia").as_deref(), Some("ETH"));
        assert_eq!(code_of(&all, "Mozambiqe").as_deref(), Some("MOZ"));
        assert_eq!(code_of(&all, "Quatar's emir").as_deref(), Some("QATGOV"));
        let all = summary("Angela said the plan was sound, and researchers at Columbia agreed with Kenyon.");
        assert!(all.iter().all(|a| a.1.as_deref().is_none_or(|c| !["AGO", "COL", "KEN"].contains(&&c[..3]))), "{all:#?}");
    }

    #[test]
    fn a_role_takes_the_country_named_after_it() {
        let all = summary("Rebels in northern Mali seized two towns. Students throughout Bangladesh boycotted classes.");
        assert_eq!(code_of(&all, "Rebels in northern Mali").as_deref(), Some("MLIREB"));
        assert_eq!(code_of(&all, "Students throughout Bangladesh").as_deref(), Some("BGDEDU"));
        let all = summary("The council refused to send peacekeepers in Haiti.");
        assert!(all.iter().all(|a| a.1.as_deref() != Some("HTIMIL")), "peacekeepers are not of the country they are in: {all:#?}");
    }

    #[test]
    fn a_minority_is_coded_under_the_state_it_lives_in() {
        let all = summary("Ethnic Hungarians in Slovakia protested the language law. The Hungarians of southern Slovakia voted.");
        assert_eq!(code_of(&all, "Ethnic Hungarians").as_deref(), Some("SVKCVL"));
        assert_eq!(code_of(&all, "Hungarians").as_deref(), Some("SVKCVL"));
        let all = summary("Ethnic Uzbek traders fled after clashes near Osh, Kyrgyz officials said.");
        assert_eq!(code_of(&all, "Ethnic Uzbek traders").as_deref(), Some("KGZBUS"));
    }

    #[test]
    fn a_group_in_a_sentence_about_one_country_is_of_that_country() {
        let all = summary("Security forces fired tear gas at protesters in the Zimbabwean capital.");
        assert_eq!(code_of(&all, "Security forces").as_deref(), Some("ZWECOP"));
        assert_eq!(code_of(&all, "protesters").as_deref(), Some("ZWECVL"));
        let all = summary("Soldiers crossed from Chad into Sudan. Germany took in migrants, and voters thanked their families.");
        assert!(all.iter().all(|a| !a.2.iter().any(|m| ["Soldiers", "migrants", "families"].contains(&m.as_str()))), "{all:#?}");
    }

    #[test]
    fn an_office_takes_its_country_from_of_or_from_the_sentence() {
        let found = actors("King Tavita of Tonga opened the session. Judge Ana Ferreira ordered the arrest of three Paraguayan customs officers.");
        let get = |n: &str| found.iter().find(|a| a.name == n).unwrap_or_else(|| panic!("{n} in {found:#?}"));
        assert_eq!(get("Tavita").code.as_deref(), Some("TONGOV"));
        assert_eq!(get("Ana Ferreira").code.as_deref(), Some("PRYJUD"));
        let found = actors("Federation President Rui Costa praised Portugal's coach, Arab League Secretary-General Aisha Nour told Egypt.");
        let get = |n: &str| found.iter().find(|a| a.name == n).unwrap_or_else(|| panic!("{n} in {found:#?}"));
        assert_eq!(get("Rui Costa").code, None, "a federation's president holds no office of state");
        assert_eq!(get("Aisha Nour").code.as_deref(), Some("IGOARL"));
    }

    #[test]
    fn a_place_name_after_a_given_name_is_a_surname() {
        let all = summary(
            "Prime Minister Tomas Kenya of Lesotho arrived in Maseru. Mr. Kenya said the talks went well.\n\nRep. Jim Jordan, an Ohio Republican, said Jordan should get more aid.",
        );
        let kenya = find(&all, "Tomas Kenya");
        assert_eq!(kenya.1.as_deref(), Some("LSOGOV"), "{all:#?}");
        assert_eq!(kenya.2.len(), 2, "Mr. Kenya is the same person: {all:#?}");
        assert!(all.iter().all(|a| a.1.as_deref() != Some("KEN")), "{all:#?}");
        assert_eq!(find(&all, "Jim Jordan").2.len(), 1, "{all:#?}");
        assert_eq!(find(&all, "Jordan").1.as_deref(), Some("JOR"), "the country alone is still the country: {all:#?}");
    }

    #[test]
    fn people_who_share_a_name_are_told_apart_by_date_and_by_the_full_name() {
        let text = "Assad met the envoy in Damascus.";
        let name = |d| actors_on(text, d).into_iter().find(|a| a.kind == ActorKind::Person).map(|a| a.name);
        assert_eq!(name(jiff::civil::date(1995, 5, 1)).as_deref(), Some("Hafez al-Assad"));
        assert_eq!(name(jiff::civil::date(2010, 5, 1)).as_deref(), Some("Bashar al-Assad"));
        // A lexicon name inside a longer name is someone else.
        let all = summary("Anwar Sadat Hussein, a farmer from Minya, said prices rose.");
        assert!(all.iter().all(|a| a.0 != "Anwar Sadat"), "{all:#?}");
    }

    #[test]
    fn organisations_named_after_a_place_and_workers_of_a_trade() {
        let all = summary("Supplies reached Mombasa Technical University on Friday. Angry Chilean copper miners blocked the road.");
        assert_eq!(code_of(&all, "Mombasa Technical University").as_deref(), Some("KENEDU"));
        assert_eq!(code_of(&all, "Chilean copper miners").as_deref(), Some("CHLLAB"));
        let all = summary("Soviet troops left Kabul in 1989, and Kampuchean guerrillas crossed the border.");
        assert_eq!(code_of(&all, "Soviet troops").as_deref(), Some("RUSMIL"));
        assert_eq!(code_of(&all, "Kampuchean guerrillas").as_deref(), Some("KHMREB"));
    }
}
