//! Dictionaries in the TABARI/PETRARCH format that event-data users already have.
//!
//! Actors files: one entry per line, words joined by `_` (a trailing `_` marks
//! a whole-word match, which dyad always does), `+` lines are synonyms of the
//! entry above, `[CODE]` after the entry or on indented lines gives its codes,
//! optionally dated: `[RUSGOV >080508]` from, `[RUSGOV <080508]` until,
//! `[RUSELI 700101-990809]` a range (YYMMDD or YYYYMMDD). Agents files map
//! role nouns to sector codes (`FARMER [~AGR]`) and may define word
//! alternatives (`!PERSON! = MAN, MEN, WOMAN`). `#` starts a comment.
//!
//! A line that cannot be read is reported with its file and line number and
//! skipped; the rest of the file still loads.

use jiff::civil::Date;

use super::{ActorKind, DatedCode, Entity, FormKind, LexiconBuilder, LoadError, Role};

/// What loading one dictionary did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LoadReport {
    /// Entries (actors) or words (agents) added.
    pub entries: usize,
    /// Surface forms added, synonyms and macro expansions included.
    pub forms: usize,
    /// Lines skipped, with the reason.
    pub rejected: Vec<LoadError>,
}

struct Pending {
    phrases: Vec<String>,
    codes: Vec<DatedCode>,
    line: usize,
}

/// Loads an actors dictionary into `builder`.
pub fn load_actors(builder: &mut LexiconBuilder, file: &str, text: &str) -> LoadReport {
    let mut report = LoadReport::default();
    let mut pending: Option<Pending> = None;
    for (i, raw) in text.lines().enumerate() {
        let line_no = i + 1;
        let line = raw.split('#').next().unwrap_or("");
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        let reject = |report: &mut LoadReport, message: String| {
            report.rejected.push(LoadError { file: file.to_string(), line: line_no, message });
        };
        if let Some(synonym) = trimmed.strip_prefix('+') {
            match (&mut pending, phrase(synonym)) {
                (Some(p), Ok(ph)) => p.phrases.push(ph),
                (None, _) => reject(&mut report, "synonym (+) with no entry above it".into()),
                (_, Err(m)) => reject(&mut report, m),
            }
            continue;
        }
        if trimmed.starts_with('[') {
            match (&mut pending, codes_in(trimmed)) {
                (Some(p), Ok(codes)) => p.codes.extend(codes),
                (None, _) => reject(&mut report, "code line with no entry above it".into()),
                (_, Err(m)) => reject(&mut report, m),
            }
            continue;
        }
        // A new entry: flush the previous one.
        if let Some(p) = pending.take() {
            flush(builder, file, p, &mut report);
        }
        let (words, codes) = match trimmed.find('[') {
            Some(at) => (&trimmed[..at], codes_in(&trimmed[at..])),
            None => (trimmed, Ok(Vec::new())),
        };
        match (phrase(words), codes) {
            (Ok(ph), Ok(codes)) => pending = Some(Pending { phrases: vec![ph], codes, line: line_no }),
            (Err(m), _) | (_, Err(m)) => reject(&mut report, m),
        }
    }
    if let Some(p) = pending.take() {
        flush(builder, file, p, &mut report);
    }
    report
}

fn flush(builder: &mut LexiconBuilder, file: &str, p: Pending, report: &mut LoadReport) {
    if p.codes.is_empty() {
        report.rejected.push(LoadError {
            file: file.to_string(),
            line: p.line,
            message: format!("entry {:?} has no [CODE]", p.phrases[0]),
        });
        return;
    }
    let dated = p.codes.iter().any(|c| c.from.is_some() || c.to.is_some());
    let first = &p.codes[0].code;
    let kind = if dated {
        ActorKind::Person
    } else if first.starts_with("IGO") {
        ActorKind::Igo
    } else if first.len() == 3 {
        ActorKind::State
    } else {
        ActorKind::of_sector(&first[3..6.min(first.len())])
    };
    let country = first.get(..3).filter(|c| builder.state(c).is_some()).map(str::to_string);
    let name = title_case(&p.phrases[0]);
    let id = builder.add_entity(Entity { name, kind, country, codes: p.codes });
    for ph in &p.phrases {
        builder.add_folded_form(ph, id, FormKind::Name);
        report.forms += 1;
    }
    report.entries += 1;
}

/// `VLADIMIR_PUTIN_` → `VLADIMIR PUTIN`.
fn phrase(words: &str) -> Result<String, String> {
    let joined = words.split(['_', ' ', '\t']).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ");
    if joined.is_empty() {
        return Err(format!("empty phrase in {:?}", words.trim()));
    }
    if joined.contains(['[', ']', '{', '}', '<', '>', '=']) {
        return Err(format!("unexpected bracket or operator in phrase {joined:?}"));
    }
    Ok(joined)
}

/// Every `[CODE dates]` group in the rest of a line.
fn codes_in(s: &str) -> Result<Vec<DatedCode>, String> {
    let mut codes = Vec::new();
    let mut rest = s.trim();
    while let Some(open) = rest.find('[') {
        let close = rest[open..].find(']').ok_or_else(|| format!("unclosed [ in {:?}", s.trim()))? + open;
        codes.push(code(&rest[open + 1..close])?);
        rest = &rest[close + 1..];
    }
    if !rest.trim().is_empty() {
        return Err(format!("unexpected text after codes: {:?}", rest.trim()));
    }
    Ok(codes)
}

fn code(inside: &str) -> Result<DatedCode, String> {
    let mut parts = inside.split_whitespace();
    let code = parts.next().ok_or("empty [ ]")?.trim_matches('~').to_string();
    if code.is_empty() || !code.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()) {
        return Err(format!("{code:?} is not a CAMEO code"));
    }
    let (mut from, mut to) = (None, None);
    // "[EGYGOV > 140608]": a space after the operator is tolerated.
    let dates = match parts.next() {
        Some(op @ (">" | "<")) => parts.next().map(|d| format!("{op}{d}")),
        other => other.map(str::to_string),
    };
    if let Some(dates) = dates.as_deref() {
        if let Some(d) = dates.strip_prefix('>') {
            from = Some(date(d)?);
        } else if let Some(d) = dates.strip_prefix('<') {
            to = Some(date(d)?);
        } else if let Some((a, b)) = dates.split_once('-') {
            from = Some(date(a)?);
            to = Some(date(b)?);
        } else {
            return Err(format!("bad date range {dates:?} in [{inside}]"));
        }
    }
    if parts.next().is_some() {
        return Err(format!("unexpected text in [{inside}]"));
    }
    Ok(DatedCode { code, from, to, office: None })
}

/// `YYMMDD` (00–49 → 2000s, 50–99 → 1900s) or `YYYYMMDD`.
fn date(s: &str) -> Result<Date, String> {
    let bad = || format!("bad date {s:?} (expected YYMMDD or YYYYMMDD)");
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    let (y, rest) = match s.len() {
        6 => {
            let yy: i16 = s[..2].parse().map_err(|_| bad())?;
            (if yy < 50 { 2000 + yy } else { 1900 + yy }, &s[2..])
        }
        8 => (s[..4].parse().map_err(|_| bad())?, &s[4..]),
        _ => return Err(bad()),
    };
    let m: i8 = rest[..2].parse().map_err(|_| bad())?;
    let d: i8 = rest[2..].parse().map_err(|_| bad())?;
    Date::new(y, m, d).map_err(|_| bad())
}

fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut cs = w.chars();
            match cs.next() {
                Some(c) => c.to_uppercase().chain(cs.flat_map(char::to_lowercase)).collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}

/// Loads an agents dictionary (role nouns → sector codes) into `builder`.
pub fn load_agents(builder: &mut LexiconBuilder, file: &str, text: &str) -> LoadReport {
    let mut report = LoadReport::default();
    let mut macros: Vec<(String, Vec<String>)> = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line_no = i + 1;
        let trimmed = raw.split('#').next().unwrap_or("").trim();
        if trimmed.is_empty() {
            continue;
        }
        let mut reject = |message: String| report.rejected.push(LoadError { file: file.to_string(), line: line_no, message });
        // "!PERSON! = MAN, MEN" defines alternatives; "!MINIST! [~GOV]" is an entry using them.
        if trimmed.starts_with('!') && trimmed.contains('=') {
            match trimmed.split_once('=') {
                Some((name, alts)) if name.trim().ends_with('!') => {
                    let alts = alts.split(',').map(|a| a.trim().to_string()).filter(|a| !a.is_empty()).collect();
                    macros.push((name.trim().to_string(), alts));
                }
                _ => reject(format!("bad macro definition {trimmed:?} (expected !NAME! = A, B)")),
            }
            continue;
        }
        let Some(at) = trimmed.find('[') else {
            reject(format!("agent {trimmed:?} has no [~CODE]"));
            continue;
        };
        let codes = match codes_in(&trimmed[at..]) {
            Ok(c) if !c.is_empty() => c,
            Ok(_) => {
                reject("empty code".into());
                continue;
            }
            Err(m) => {
                reject(m);
                continue;
            }
        };
        // "CHAMBER_OF_COMMERCE {CHAMBERS_OF_COMMERCE}": an explicit plural; "{}" none;
        // without braces the regular plural is made, as TABARI does.
        let (words, plural) = match trimmed[..at].split_once('{') {
            Some((w, rest)) => (w.trim(), rest.split('}').next().map(str::trim).filter(|p| !p.is_empty()).map(str::to_string)),
            None => (trimmed[..at].trim(), pluralize(trimmed[..at].trim())),
        };
        let expanded = expand(words, &macros).and_then(|mut v| {
            if let Some(p) = plural {
                v.extend(expand(&p, &macros)?);
            }
            Some(v)
        });
        let Some(expanded) = expanded else {
            reject(format!("unknown macro in {words:?}"));
            continue;
        };
        let sector = codes[0].code.clone();
        for w in expanded {
            match phrase(&w) {
                Ok(ph) => {
                    builder.add_role(&ph, Role { sector: sector.clone(), person: true });
                    report.forms += 1;
                }
                Err(m) => reject(m),
            }
        }
        report.entries += 1;
    }
    report
}

/// The regular English plural of a phrase's last word (`SALT_MINER` →
/// `SALT_MINERS`); none for a phrase ending in a macro, whose alternatives
/// list their plurals themselves (`!PERSON! = MAN, MEN`).
fn pluralize(phrase: &str) -> Option<String> {
    let p = phrase.trim_end_matches('_');
    let upper = p.to_uppercase();
    if upper.ends_with('!') {
        return None;
    }
    let stem_y = upper.ends_with('Y') && !upper.ends_with("AY") && !upper.ends_with("EY") && !upper.ends_with("OY");
    Some(if upper.ends_with("MAN") {
        format!("{}EN", &p[..p.len() - 2])
    } else if stem_y {
        format!("{}IES", &p[..p.len() - 1])
    } else if ["S", "X", "CH", "SH", "Z"].iter().any(|e| upper.ends_with(e)) {
        format!("{p}ES")
    } else {
        format!("{p}S")
    })
}

/// Expands `!MACRO!` references into every alternative; `None` if one is undefined.
fn expand(words: &str, macros: &[(String, Vec<String>)]) -> Option<Vec<String>> {
    let Some(start) = words.find('!') else { return Some(vec![words.to_string()]) };
    let end = words[start + 1..].find('!')? + start + 1;
    let name = &words[start..=end];
    let alts = &macros.iter().find(|(n, _)| n == name)?.1;
    let mut out = Vec::new();
    for alt in alts {
        out.extend(expand(&format!("{}{}{}", &words[..start], alt, &words[end + 1..]), macros)?);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_synonyms_and_dated_codes_load() {
        let mut b = LexiconBuilder::new();
        let text = "# a comment\nARNOR_  [ARN]\n+NORTH_KINGDOM_\nARAGORN_ # king\n\t[ARNGOV > 300101]\n\t[ARNELI 100101-291231]\n";
        let report = load_actors(&mut b, "t.actors.txt", text);
        assert_eq!((report.entries, report.forms, report.rejected.len()), (2, 3, 0));
        let lex = b.build();
        let aragorn = lex.entities.iter().find(|e| e.name == "Aragorn").unwrap();
        assert_eq!(aragorn.codes.len(), 2);
        assert_eq!(aragorn.code_on(Some(jiff::civil::date(2031, 5, 1))).0.as_deref(), Some("ARNGOV"));
        assert_eq!(aragorn.code_on(Some(jiff::civil::date(2015, 5, 1))).0.as_deref(), Some("ARNELI"));
        let text = "Envoys of the North Kingdom met Aragorn.";
        let found = lex.scan(text, &crate::segment::segment(text).tokens).forms;
        assert_eq!(found.len(), 2);
    }

    #[test]
    fn malformed_lines_are_reported_with_line_numbers() {
        let mut b = LexiconBuilder::new();
        let text = "+ORPHAN_\nGONDOR_ [GON\nROHAN_ [ROH 99x]\nMORIA_\nSHIRE_ [SHR]\n";
        let report = load_actors(&mut b, "bad.txt", text);
        let lines: Vec<usize> = report.rejected.iter().map(|e| e.line).collect();
        assert_eq!(lines, [1, 2, 3, 4]);
        assert!(report.rejected[1].message.contains("unclosed"));
        assert!(report.rejected[3].message.contains("no [CODE]"));
        assert_eq!(report.entries, 1);
    }

    #[test]
    fn agents_expand_macros() {
        let mut b = LexiconBuilder::new();
        let text = "!PERSON! = MAN, WOMAN\nFISHER!PERSON! [~AGR]\nHERDER [~AGR]\n!PERSON! [~CVL]\nRIOT_POLICE {} [~COP]\nWAR_CHIEF {WAR_CHIEFS} [~MIL]\nBROKEN [\n";
        let report = load_agents(&mut b, "a.txt", text);
        assert_eq!((report.entries, report.forms, report.rejected.len()), (5, 9, 1));
        let lex = b.build();
        assert_eq!(lex.role("fisherwoman").map(|r| r.sector.as_str()), Some("AGR"));
        assert_eq!(lex.role("herders").map(|r| r.sector.as_str()), Some("AGR"));
        assert_eq!(lex.role("war chiefs").map(|r| r.sector.as_str()), Some("MIL"));
        assert!(lex.role("riot polices").is_none());
    }
}
