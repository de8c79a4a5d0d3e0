//! A conservative fuzzy match of misspelt country names and adjectives
//! ("Ethopia", "Tadjikistan", "Chenchen").
//!
//! News copy misspells country names; the common misspellings are listed in
//! `countries.tsv`, and this index catches other one-letter slips of long
//! names. It only ever compares a word with the single-word names and
//! adjectives of states, never with other words, and only answers when:
//!
//! * the word has at least [`MIN_LEN`] letters, and the slip is inside it:
//!   the first two letters and the last are the form's (first names and
//!   surnames one letter from a country mostly touch the ends: "Roland",
//!   "Brazile"; slips in the second letter, "Quatar", are listed in
//!   `countries.tsv` instead);
//! * it is one edit away (a letter inserted, dropped, changed, or two
//!   neighbours swapped) from forms of exactly one state;
//! * it is not a real name that happens to be one letter away ([`NOT_MISSPELLINGS`]).
//!
//! The caller decides where a word may be a country at all (a capitalised word
//! standing alone, not inside a longer name).
//!
//! The index groups the forms by their first two letters and their last,
//! which every form one edit inside a word shares with it: a lookup compares
//! the word with the few forms of its group.

use rustc_hash::FxHashMap;

use super::{EntityId, FormKind};

/// Shortest word that is matched fuzzily.
pub const MIN_LEN: usize = 6;

/// Real names and words one edit from a country name or adjective, several
/// found by running the matcher over a thousand news articles.
const NOT_MISSPELLINGS: &[&str] = &[
    "columbia", "columbian", "columbians", "indiana", "frances", "georgina", "gorman", "kenyon", "angela", "hungry",
    "cameron", "greene", "deutch", "americas", "finish", "germain", "marian", "romana", "brutish", "osmani",
];

/// Forms of states, grouped by their first two letters and their last.
#[derive(Default)]
pub struct CountryIndex {
    /// Lower-case forms and what they name.
    forms: Vec<(String, EntityId, FormKind)>,
    /// For each (first, second, last) letters, the forms that have them: the
    /// only ones a word with those letters can be one edit inside of, or
    /// equal to.
    shapes: FxHashMap<(u8, u8, u8), Vec<u32>>,
    /// One bit per shape of `shapes` (first, second and last letter, each
    /// of 26): asked about for most capitalised words of a document, and
    /// nearly all of them have a shape no state's form has, which a bit
    /// tells without hashing.
    shape_bits: Vec<u64>,
}

/// The index of a shape's bit: three lower-case ASCII letters.
fn shape_bit(shape: (u8, u8, u8)) -> usize {
    let letter = |b: u8| usize::from(b - b'a');
    (letter(shape.0) * 26 + letter(shape.1)) * 26 + letter(shape.2)
}

impl CountryIndex {
    /// Indexes the single-word forms of states (ASCII letters, at least
    /// `MIN_LEN - 1` long, so that a five-letter name catches a six-letter slip).
    pub fn new<'f>(forms: impl Iterator<Item = (&'f str, EntityId, FormKind)>) -> CountryIndex {
        let mut index = CountryIndex { shape_bits: vec![0; (26 * 26 * 26usize).div_ceil(64)], ..CountryIndex::default() };
        for (form, entity, kind) in forms {
            if form.len() + 1 < MIN_LEN || !form.bytes().all(|b| b.is_ascii_alphabetic()) || form.bytes().skip(1).all(|b| b.is_ascii_uppercase()) {
                continue;
            }
            let form = form.to_ascii_lowercase();
            if index.forms.iter().any(|(f, e, _)| *f == form && *e == entity) {
                continue;
            }
            let id = index.forms.len() as u32;
            let bytes = form.as_bytes();
            let shape = (bytes[0], bytes[1], bytes[bytes.len() - 1]);
            index.shapes.entry(shape).or_default().push(id);
            index.shape_bits[shape_bit(shape) / 64] |= 1 << (shape_bit(shape) % 64);
            index.forms.push((form, entity, kind));
        }
        index
    }

    /// Whether some form has the first two letters and the last letter of
    /// `word`, as every form [`CountryIndex::lookup`] can find for it does:
    /// a test of one bit, to turn away most words before anything else.
    pub fn may_misspell(&self, word: &[u8]) -> bool {
        let &[first, second, .., last] = word else { return false };
        if ![first, second, last].iter().all(u8::is_ascii_alphabetic) {
            return false;
        }
        let bit = shape_bit((first.to_ascii_lowercase(), second.to_ascii_lowercase(), last.to_ascii_lowercase()));
        self.shape_bits[bit / 64] & 1 << (bit % 64) != 0
    }

    /// The state a capitalised word misspells, if exactly one state's form is
    /// one edit away. Exact forms are the lexicon's business, not this index's.
    pub fn lookup(&self, word: &str) -> Option<(EntityId, FormKind)> {
        if word.len() < MIN_LEN || word.len() > 62 || !word.bytes().all(|b| b.is_ascii_alphabetic()) {
            return None;
        }
        let bytes = word.as_bytes();
        let shape = (bytes[0].to_ascii_lowercase(), bytes[1].to_ascii_lowercase(), bytes[bytes.len() - 1].to_ascii_lowercase());
        let candidates = self.shapes.get(&shape)?;
        // Lower-cased on the stack: most words go no further than the next test.
        let mut buffer = [0u8; 62];
        let lower = &mut buffer[..word.len()];
        lower.copy_from_slice(bytes);
        lower.make_ascii_lowercase();
        let word = std::str::from_utf8(lower).expect("ASCII letters");
        let mut found: Option<(EntityId, FormKind)> = None;
        for &id in candidates {
            let (form, entity, kind) = &self.forms[id as usize];
            if *form == word {
                return None;
            }
            if !one_edit_inside(form, word) {
                continue;
            }
            match found {
                Some((e, _)) if e != *entity => return None,
                Some(_) => {}
                None => found = Some((*entity, *kind)),
            }
        }
        if found.is_some() && NOT_MISSPELLINGS.contains(&word) {
            return None;
        }
        found
    }
}

/// Whether two words are one edit apart with the edit inside the word: the
/// first two letters and the last are kept (names one letter from a country
/// mostly differ at an end: "Roland", "Brazile", "Frances", "Indiana").
fn one_edit_inside(form: &str, word: &str) -> bool {
    let (f, w) = (form.as_bytes(), word.as_bytes());
    f[..2] == w[..2] && f[f.len() - 1] == w[w.len() - 1] && one_edit_apart(form, word)
}

/// Whether two different ASCII words are one insertion, deletion,
/// substitution or swap of neighbours apart.
fn one_edit_apart(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (ra, rb) = (&a[prefix..], &b[prefix..]);
    match ra.len() as isize - rb.len() as isize {
        0 => !ra.is_empty() && (ra[1..] == rb[1..] || ra.len() >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && ra[2..] == rb[2..]),
        1 => ra[1..] == *rb,
        -1 => rb[1..] == *ra,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> CountryIndex {
        let forms = [
            ("Ethiopia", 1, FormKind::Name),
            ("Ethiopian", 1, FormKind::Adjective),
            ("Qatar", 2, FormKind::Name),
            ("Gambia", 3, FormKind::Name),
            ("Zambia", 4, FormKind::Name),
            ("Colombia", 5, FormKind::Name),
        ("Brazil", 9, FormKind::Name),
            ("Israel", 6, FormKind::Name),
            ("Chechen", 7, FormKind::Adjective),
            ("UAE", 8, FormKind::Name),
        ];
        CountryIndex::new(forms.into_iter())
    }

    #[test]
    fn one_letter_slips_of_a_state_are_found() {
        let index = index();
        assert_eq!(index.lookup("Ethopia"), Some((1, FormKind::Name)));
        assert_eq!(index.lookup("Ethipian"), Some((1, FormKind::Adjective)));
        assert_eq!(index.lookup("Ethiopain"), Some((1, FormKind::Adjective)));
        assert_eq!(index.lookup("Ethiopias"), None, "the slip touches the end");
        assert_eq!(index.lookup("Quatar"), None, "a slip in the second letter is left to countries.tsv");
        assert_eq!(index.lookup("Isreal"), Some((6, FormKind::Name)));
        assert_eq!(index.lookup("Chenchen"), Some((7, FormKind::Adjective)));
        // The shape test lets through every word the lookup can answer for.
        for word in ["Ethopia", "Ethipian", "Isreal", "Chenchen", "ISREAL"] {
            assert!(index.may_misspell(word.as_bytes()), "{word}");
        }
        for word in ["Xambia", "Trumps", "Is", "Isra\u{eb}"] {
            assert!(!index.may_misspell(word.as_bytes()), "{word}");
        }
    }

    #[test]
    fn exact_short_ambiguous_and_listed_words_are_left_alone() {
        let index = index();
        assert_eq!(index.lookup("Ethiopia"), None, "an exact form is the lexicon's");
        assert_eq!(index.lookup("Qatr"), None, "too short");
        assert_eq!(index.lookup("Xambia"), None, "first letter differs");
        assert_eq!(index.lookup("Columbia"), None, "a real name");
        assert_eq!(index.lookup("Brazile"), None, "a surname: the letter is added at the end");
        assert_eq!(index.lookup("Ethiopianism"), None, "more than one edit");
    }

    #[test]
    fn edits_are_counted_exactly() {
        assert!(one_edit_apart("israel", "isreal"));
        assert!(one_edit_apart("qatar", "quatar"));
        assert!(one_edit_apart("ethiopia", "ethopia"));
        assert!(one_edit_apart("zambia", "gambia"));
        assert!(!one_edit_apart("philippines", "phillipines"));
        assert!(!one_edit_apart("libya", "lybia"));
    }
}
