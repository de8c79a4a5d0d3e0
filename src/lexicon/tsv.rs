//! The built-in lexicon's TSV files (`data/lexicon/`), embedded at build time.
//!
//! Every file: tab-separated columns, `#` comment lines, `|` between the
//! surface forms of one field. Their headers document the columns and sources.

use std::fmt;

use jiff::civil::Date;

use super::{ActorKind, DatedCode, Entity, FormKind, LexiconBuilder, Role};

const COUNTRIES: &str = include_str!("../../data/lexicon/countries.tsv");
const IGOS: &str = include_str!("../../data/lexicon/igos.tsv");
const GROUPS: &str = include_str!("../../data/lexicon/groups.tsv");
const PEOPLE: &str = include_str!("../../data/lexicon/people.tsv");
const ROLES: &str = include_str!("../../data/lexicon/roles.tsv");

/// A line of a lexicon file that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

impl std::error::Error for LoadError {}

pub(super) fn load_builtin(b: &mut LexiconBuilder) -> Result<(), LoadError> {
    load_countries(b, "countries.tsv", COUNTRIES)?;
    load_igos(b, "igos.tsv", IGOS)?;
    load_groups(b, "groups.tsv", GROUPS)?;
    load_people(b, "people.tsv", PEOPLE)?;
    load_roles(b, "roles.tsv", ROLES)?;
    Ok(())
}

/// The data lines of a file: (line number, columns).
fn rows(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .map(|(i, l)| (i + 1, l.split('\t').map(str::trim).collect()))
}

fn forms(field: &str) -> impl Iterator<Item = &str> {
    field.split('|').map(str::trim).filter(|f| !f.is_empty())
}

fn error(file: &str, line: usize, message: impl Into<String>) -> LoadError {
    LoadError { file: file.to_string(), line, message: message.into() }
}

/// A CAMEO actor code: upper-case letters and digits, at least three. Country
/// and sector codes come in threes; IGO codes carry the body's acronym
/// (`IGOEU`, `IGONATO`).
fn is_code(code: &str) -> bool {
    code.len() >= 3 && code.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

fn load_countries(b: &mut LexiconBuilder, file: &str, text: &str) -> Result<(), LoadError> {
    // Governments are made once a country's adjective is known, so first gather.
    let mut seats: Vec<(usize, String, String)> = Vec::new();
    for (line, cols) in rows(text) {
        let [code, field, list, ..] = cols[..] else {
            return Err(error(file, line, "expected 3 columns: code, field, forms"));
        };
        if code.len() != 3 || !is_code(code) {
            return Err(error(file, line, format!("{code:?} is not an ISO alpha-3 code")));
        }
        let state = match b.state(code) {
            Some(id) => id,
            None => {
                let id = b.add_entity(Entity {
                    name: code.to_string(),
                    kind: ActorKind::State,
                    country: Some(code.to_string()),
                    codes: vec![DatedCode { code: code.to_string(), from: None, to: None, office: None }],
                });
                b.set_state(code, id);
                id
            }
        };
        match field {
            "name" => {
                if b.entities[state].name == code
                    && let Some(first) = forms(list).next()
                {
                    b.entity_mut(state).name = first.to_string();
                }
                forms(list).for_each(|f| b.add_form(f, state, FormKind::Name));
            }
            "adjective" => {
                if let Some(first) = forms(list).next() {
                    b.set_adjective(code, first);
                }
                forms(list).for_each(|f| b.add_form(f, state, FormKind::Adjective));
            }
            "seat" => forms(list).for_each(|f| seats.push((line, code.to_string(), f.to_string()))),
            "region" => forms(list).for_each(|f| b.add_form(f, state, FormKind::Region)),
            other => return Err(error(file, line, format!("unknown field {other:?} (name, adjective, seat, region)"))),
        }
    }
    let mut governments = std::collections::HashMap::new();
    for (_, code, seat) in seats {
        let government = *governments.entry(code.clone()).or_insert_with(|| {
            let adjective = b.adjectives.get(&code).cloned().unwrap_or_else(|| code.clone());
            b.add_entity(Entity {
                name: format!("{adjective} government"),
                kind: ActorKind::Government,
                country: Some(code.clone()),
                codes: vec![DatedCode { code: format!("{code}GOV"), from: None, to: None, office: None }],
            })
        });
        b.add_form(&seat, government, FormKind::Seat);
        b.governments.insert(code, government);
    }
    Ok(())
}

fn country_of(b: &LexiconBuilder, code: &str) -> Option<String> {
    let prefix = code.get(..3)?;
    b.state(prefix).map(|_| prefix.to_string())
}

fn load_igos(b: &mut LexiconBuilder, file: &str, text: &str) -> Result<(), LoadError> {
    for (line, cols) in rows(text) {
        let [code, name, aliases, ..] = cols[..] else {
            return Err(error(file, line, "expected columns: code, name, aliases, kind"));
        };
        if !code.starts_with("IGO") || !is_code(code) {
            return Err(error(file, line, format!("{code:?} is not an IGO code")));
        }
        let id = b.add_entity(Entity {
            name: name.to_string(),
            kind: ActorKind::Igo,
            country: None,
            codes: vec![DatedCode { code: code.to_string(), from: None, to: None, office: None }],
        });
        b.add_form(name, id, FormKind::Name);
        forms(aliases).for_each(|f| b.add_form(f, id, FormKind::Name));
    }
    Ok(())
}

fn load_groups(b: &mut LexiconBuilder, file: &str, text: &str) -> Result<(), LoadError> {
    for (line, cols) in rows(text) {
        let [code_field, name, aliases, kind, ..] = cols[..] else {
            return Err(error(file, line, "expected columns: code, name, aliases, kind, note"));
        };
        let codes = dated_codes(code_field).map_err(|m| error(file, line, m))?;
        // The code the group's country and government identity come from: its latest.
        let code = codes.last().map_or("", |c| c.code.as_str());
        let kind = match kind {
            "armed" | "political" => ActorKind::Group,
            "government" => ActorKind::Government,
            "media" => ActorKind::Media,
            "other" => ActorKind::Other,
            other => return Err(error(file, line, format!("unknown kind {other:?} (armed, political, government, media, other)"))),
        };
        // A body that is the country's government itself ("the Kremlin",
        // "Russian Foreign Ministry" as RUSGOV) is one identity with it.
        let government = country_of(b, code)
            .filter(|_| kind == ActorKind::Government && code.len() == 6 && code.ends_with("GOV"))
            .and_then(|c| b.governments.get(&c).copied());
        let id = match government {
            Some(id) => id,
            None => b.add_entity(Entity {
                name: name.to_string(),
                kind,
                country: country_of(b, code),
                codes,
            }),
        };
        b.add_form(name, id, FormKind::Name);
        forms(aliases).for_each(|f| b.add_form(f, id, FormKind::Name));
    }
    Ok(())
}

fn load_people(b: &mut LexiconBuilder, file: &str, text: &str) -> Result<(), LoadError> {
    let mut by_name: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (line, cols) in rows(text) {
        let [name, aliases, code, office, from, to, ..] = pad(&cols, 6)[..] else {
            return Err(error(file, line, "expected columns: name, aliases, code, office, from, to"));
        };
        if name.is_empty() || !is_code(code) {
            return Err(error(file, line, format!("a person needs a name and a CAMEO code (got {name:?}, {code:?})")));
        }
        let from = parse_bound(from, false).map_err(|m| error(file, line, m))?;
        let to = parse_bound(to, true).map_err(|m| error(file, line, m))?;
        if let (Some(f), Some(t)) = (from, to)
            && f > t
        {
            return Err(error(file, line, format!("term ends ({t}) before it starts ({f})")));
        }
        let term = DatedCode {
            code: code.to_string(),
            from,
            to,
            office: Some(office.to_string()).filter(|o| !o.is_empty()),
        };
        let id = match by_name.get(name) {
            Some(&id) => {
                b.entity_mut(id).codes.push(term);
                id
            }
            None => {
                let country = country_of(b, code);
                let id = b.add_entity(Entity { name: name.to_string(), kind: ActorKind::Person, country, codes: vec![term] });
                by_name.insert(name.to_string(), id);
                b.add_form(name, id, FormKind::Name);
                id
            }
        };
        for alias in forms(aliases) {
            let kind = if alias.contains(' ') { FormKind::Name } else { FormKind::Surname };
            b.add_form(alias, id, kind);
        }
    }
    Ok(())
}

fn load_roles(b: &mut LexiconBuilder, file: &str, text: &str) -> Result<(), LoadError> {
    for (line, cols) in rows(text) {
        let [word, sector, kind, ..] = cols[..] else {
            return Err(error(file, line, "expected columns: word, sector, kind"));
        };
        if sector.len() != 3 || !is_code(sector) {
            return Err(error(file, line, format!("{sector:?} is not a three-letter sector code")));
        }
        let person = match kind {
            "person" => true,
            "org" => false,
            other => return Err(error(file, line, format!("unknown kind {other:?} (person, org)"))),
        };
        b.add_role(word, Role { sector: sector.to_string(), person });
    }
    Ok(())
}

fn pad<'a>(cols: &[&'a str], n: usize) -> Vec<&'a str> {
    let mut v = cols.to_vec();
    while v.len() < n {
        v.push("");
    }
    v
}

/// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; a partial date is the first day of its
/// period as a start and the last day as an end.
/// A group's code field: one CAMEO code, or codes with the dates they hold
/// in the order they held ("AFGREB[2001-12-07..2021-08-14] AFGGOV[2021-08-15..]"),
/// either bound left open.
fn dated_codes(field: &str) -> Result<Vec<DatedCode>, String> {
    let mut codes = Vec::new();
    for item in field.split_whitespace() {
        let (code, dates) = match item.split_once('[') {
            Some((code, rest)) => {
                let range = rest.strip_suffix(']').ok_or_else(|| format!("{item:?}: a date range ends with ']'"))?;
                let (from, to) = range.split_once("..").ok_or_else(|| format!("{item:?}: a date range is FROM..TO"))?;
                (code, Some((parse_bound(from, false)?, parse_bound(to, true)?)))
            }
            None => (item, None),
        };
        if !is_code(code) {
            return Err(format!("{code:?} is not a CAMEO actor code"));
        }
        let (from, to) = dates.unwrap_or((None, None));
        if let (Some(f), Some(t)) = (from, to)
            && f > t
        {
            return Err(format!("{item:?}: the range ends before it starts"));
        }
        codes.push(DatedCode { code: code.to_string(), from, to, office: None });
    }
    if codes.is_empty() {
        return Err("no CAMEO actor code".to_string());
    }
    Ok(codes)
}

fn parse_bound(s: &str, end: bool) -> Result<Option<Date>, String> {
    if s.is_empty() {
        return Ok(None);
    }
    let parts: Vec<&str> = s.split('-').collect();
    let num = |p: &str| p.parse::<i16>().map_err(|_| format!("bad date {s:?} (expected YYYY-MM-DD, YYYY-MM or YYYY)"));
    let date = match parts[..] {
        [y, m, d] => Date::new(num(y)?, num(m)? as i8, num(d)? as i8),
        [y, m] => {
            let first = Date::new(num(y)?, num(m)? as i8, 1);
            if end { first.map(|d| d.last_of_month()) } else { first }
        }
        [y] => Date::new(num(y)?, if end { 12 } else { 1 }, if end { 31 } else { 1 }),
        _ => return Err(format!("bad date {s:?} (expected YYYY-MM-DD, YYYY-MM or YYYY)")),
    };
    date.map(Some).map_err(|e| format!("bad date {s:?}: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_lexicon_loads_without_errors() {
        let mut b = LexiconBuilder::new();
        load_builtin(&mut b).unwrap();
        assert!(b.states.len() >= 200, "{} states", b.states.len());
    }

    #[test]
    fn partial_dates_cover_their_period() {
        assert_eq!(parse_bound("2024-07", true).unwrap(), Some(jiff::civil::date(2024, 7, 31)));
        assert_eq!(parse_bound("2024", false).unwrap(), Some(jiff::civil::date(2024, 1, 1)));
        assert!(parse_bound("2024-13-01", false).is_err());
    }

    #[test]
    fn bad_lines_name_file_and_line() {
        let mut b = LexiconBuilder::new();
        let err = load_countries(&mut b, "c.tsv", "# header\nRUS\tname\tRussia\nRUSSIA\tname\tX\n").unwrap_err();
        assert_eq!((err.file.as_str(), err.line), ("c.tsv", 3));
        let err = load_people(&mut b, "p.tsv", "Jane Roe\t\tXXXGOV\tMinister\t2020-05-01\t2019-01-01\n").unwrap_err();
        assert!(err.message.contains("before it starts"), "{err}");
        let err = load_groups(&mut b, "g.tsv", "XXXREB[2020..2019] XXXGOV[2021..]\tFront\t\tarmed\t\n").unwrap_err();
        assert!(err.message.contains("before it starts"), "{err}");
        let err = load_groups(&mut b, "g.tsv", "# header\n\nXXXREB[2020\tFront\t\tarmed\t\n").unwrap_err();
        assert_eq!(err.line, 3, "{err}");
    }

    #[test]
    fn a_group_whose_status_changed_is_coded_by_the_document_date() {
        let mut b = LexiconBuilder::new();
        load_groups(&mut b, "g.tsv", "XXXREB[..2021-08-14] XXXGOV[2021-08-15..]\tThe Front\t\tarmed\t\n").unwrap();
        let front = b.entities.last().unwrap();
        let on = |y, m, d| front.code_on(Some(jiff::civil::date(y, m, d))).0;
        assert_eq!(on(2021, 8, 14).as_deref(), Some("XXXREB"));
        assert_eq!(on(2021, 8, 15).as_deref(), Some("XXXGOV"));
        // No date: the latest code.
        assert_eq!(front.code_on(None).0.as_deref(), Some("XXXGOV"));
    }
}
