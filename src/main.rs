//! The `dyad` command line.

mod bench;

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use rayon::prelude::*;

use dyad::extract::default_extractor;
use dyad::pipeline::{Options, Pipeline};
use dyad::read::{self, Format, ReadOptions, Reader};

const USAGE: &str = "\
dyad: turns news into structured political event data

Usage:
  dyad code [OPTIONS] [FILE|DIR|- ...]   code articles; JSON Lines on standard output
  dyad bench extraction DIR             time HTML main-content extraction
  dyad bench text FILE|DIR ...          time cleaning and segmentation of plain text
  dyad help | --help | --version

Options for code:
  --input-format FORMAT   text, html, jsonl or warc (default: from name and content)
  --published YYYY-MM-DD  reference date for documents that carry none
  --encoding LABEL        charset of plain text that is not UTF-8 (e.g. windows-1252)
  --actors FILE           add an actors dictionary in TABARI/PETRARCH format (repeatable)
  --agents FILE           add an agents (role words) dictionary in that format (repeatable)
  --threads N             worker threads (default: all cores)

With no FILE, or with -, reads standard input. Directories are read recursively.
A document that cannot be read is reported on standard error and skipped; the
exit status is then 1.
";

/// Documents coded together before their output is written, in input order.
const BATCH_DOCS: usize = 256;
/// Bytes of input held in one batch at most (roughly: text and HTML lengths).
const BATCH_BYTES: usize = 64 << 20;

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1);
    let Some(command) = args.next() else {
        eprint!("{USAGE}");
        return ExitCode::from(2);
    };
    let rest: Vec<_> = args.collect();
    let result = match command.to_string_lossy().as_ref() {
        "code" => code(rest),
        "bench" => bench::run(rest),
        "help" | "--help" | "-h" => {
            print!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        "--version" | "-V" => {
            println!("dyad {}", env!("CARGO_PKG_VERSION"));
            Ok(ExitCode::SUCCESS)
        }
        other => Err(format!("unknown command {other:?}; see dyad --help")),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("dyad: {message}");
            ExitCode::from(2)
        }
    }
}

struct CodeArgs {
    read: ReadOptions,
    options: Options,
    threads: Option<usize>,
    paths: Vec<PathBuf>,
    actor_files: Vec<PathBuf>,
    agent_files: Vec<PathBuf>,
}

fn parse_code_args(args: Vec<std::ffi::OsString>) -> Result<CodeArgs, String> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_args(args);
    let mut parsed = CodeArgs { read: ReadOptions::default(), options: Options::default(), threads: None, paths: Vec::new(), actor_files: Vec::new(), agent_files: Vec::new() };
    let err = |e: lexopt::Error| e.to_string();
    while let Some(arg) = parser.next().map_err(err)? {
        match arg {
            Long("input-format") => {
                parsed.read.format = Some(parser.value().map_err(err)?.string().map_err(err)?.parse::<Format>()?)
            }
            Long("published") => {
                let value = parser.value().map_err(err)?.string().map_err(err)?;
                let date = read::parse_date(&value).filter(|_| value.len() == 10).ok_or_else(|| {
                    format!("--published {value:?} is not a date (expected YYYY-MM-DD)")
                })?;
                parsed.options.published = Some(date);
            }
            Long("encoding") => {
                let label = parser.value().map_err(err)?.string().map_err(err)?;
                parsed.read.encoding = Some(
                    encoding_rs::Encoding::for_label(label.as_bytes())
                        .ok_or_else(|| format!("--encoding {label:?} is not a known charset label"))?,
                );
            }
            Long("actors") => parsed.actor_files.push(PathBuf::from(parser.value().map_err(err)?)),
            Long("agents") => parsed.agent_files.push(PathBuf::from(parser.value().map_err(err)?)),
            Long("threads") => {
                let n: usize = parser.value().map_err(err)?.parse().map_err(err)?;
                parsed.threads = Some(n.max(1));
            }
            Value(path) => parsed.paths.push(PathBuf::from(path)),
            Short('h') | Long("help") => return Err(USAGE.to_string()),
            _ => return Err(arg.unexpected().to_string()),
        }
    }
    Ok(parsed)
}

fn code(args: Vec<std::ffi::OsString>) -> Result<ExitCode, String> {
    let args = parse_code_args(args)?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads.unwrap_or(0))
        .build()
        .map_err(|e| e.to_string())?;
    let lexicon = load_lexicon(&args.actor_files, &args.agent_files)?;
    let pipeline = Pipeline::new(default_extractor(), std::sync::Arc::new(lexicon), std::sync::Arc::new(dyad::events::EventCoder::builtin()), args.options);
    let mut reader = Reader::new(read::expand_inputs(&args.paths), args.read);
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let stderr = io::stderr();
    let mut failures = 0usize;
    loop {
        let mut batch = Vec::with_capacity(BATCH_DOCS);
        let mut bytes = 0;
        for item in reader.by_ref() {
            if let Ok(raw) = &item {
                bytes += match &raw.body {
                    dyad::doc::Body::Text(t) | dyad::doc::Body::Html(t) => t.len(),
                };
            }
            batch.push(item);
            if batch.len() >= BATCH_DOCS || bytes >= BATCH_BYTES {
                break;
            }
        }
        if batch.is_empty() {
            break;
        }
        let coded: Vec<_> = pool.install(|| {
            batch.into_par_iter().map(|item| item.and_then(|raw| pipeline.process(raw))).collect()
        });
        for result in coded {
            let written = match result {
                Ok(doc) => dyad::output::write_document(&mut out, &doc),
                Err(e) => {
                    failures += 1;
                    out.flush().and_then(|()| writeln!(stderr.lock(), "dyad: {e}"))
                }
            };
            if let Err(e) = written {
                return output_failed(e);
            }
        }
    }
    if let Err(e) = out.flush() {
        return output_failed(e);
    }
    Ok(if failures > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// The built-in lexicon plus the user's dictionaries. Each dictionary's
/// counts and rejected lines are reported on standard error; a file that
/// cannot be read at all is an error.
pub(crate) fn load_lexicon(actor_files: &[PathBuf], agent_files: &[PathBuf]) -> Result<dyad::lexicon::Lexicon, String> {
    use dyad::lexicon::{LexiconBuilder, petrarch};
    if actor_files.is_empty() && agent_files.is_empty() {
        return Ok(dyad::lexicon::Lexicon::builtin());
    }
    let mut builder = LexiconBuilder::with_builtin();
    let files = actor_files.iter().map(|f| (f, true)).chain(agent_files.iter().map(|f| (f, false)));
    for (file, actors) in files {
        let bytes = std::fs::read(file).map_err(|e| format!("{}: {e}", file.display()))?;
        let text = String::from_utf8_lossy(&bytes);
        let name = file.display().to_string();
        let report = if actors {
            petrarch::load_actors(&mut builder, &name, &text)
        } else {
            petrarch::load_agents(&mut builder, &name, &text)
        };
        for rejected in &report.rejected {
            eprintln!("dyad: {rejected}");
        }
        eprintln!(
            "dyad: {name}: loaded {} {} ({} forms), rejected {} lines",
            report.entries,
            if actors { "actors" } else { "agents" },
            report.forms,
            report.rejected.len()
        );
    }
    Ok(builder.build())
}

/// A closed pipe (`dyad code … | head`) is a normal way to stop; anything else is reported.
fn output_failed(e: io::Error) -> Result<ExitCode, String> {
    if e.kind() == io::ErrorKind::BrokenPipe {
        Ok(ExitCode::SUCCESS)
    } else {
        Err(format!("writing output: {e}"))
    }
}
