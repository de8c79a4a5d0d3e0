//! `dyad bench`: throughput of the pipeline's stages on real inputs.
//!
//! Inputs are loaded and decoded first, so only the stage itself is timed.
//! Each measurement is the best of several runs (the least disturbed by
//! whatever else the machine is doing).

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use dyad::clean::clean;
use std::sync::Arc;

use dyad::doc::{Body, RawDocument};
use dyad::events::EventCoder;
use dyad::pipeline::{Options, Pipeline};
use dyad::extract::default_extractor;
use dyad::read::{self, ReadOptions, Reader};
use dyad::actors::find_actors;
use dyad::lexicon::Lexicon;
use dyad::segment::segment;

const RUNS: usize = 5;

pub fn run(args: Vec<std::ffi::OsString>) -> Result<ExitCode, String> {
    let mut args = args.into_iter().map(PathBuf::from);
    let what = args.next().map(|a| a.display().to_string()).unwrap_or_default();
    let paths: Vec<PathBuf> = args.collect();
    if what == "lexicon" {
        lexicon(&paths)?;
        return Ok(ExitCode::SUCCESS);
    }
    if paths.is_empty() {
        return Err("usage: dyad bench extraction DIR | dyad bench text FILE|DIR ... | dyad bench lexicon [ACTORS.txt ... AGENTS.txt]".into());
    }
    let bodies = load(&paths)?;
    match what.as_str() {
        "extraction" => extraction(&bodies),
        "text" => text(&bodies, reading_time(&paths)),
        other => return Err(format!("unknown benchmark {other:?} (expected extraction or text)")),
    }
    Ok(ExitCode::SUCCESS)
}

fn load(paths: &[PathBuf]) -> Result<Vec<Body>, String> {
    let mut bodies = Vec::new();
    for item in Reader::new(read::expand_inputs(paths), ReadOptions::default()) {
        match item {
            Ok(raw) => bodies.push(raw.body),
            Err(e) => eprintln!("dyad: {e}"),
        }
    }
    if bodies.is_empty() {
        return Err("no documents to measure".into());
    }
    Ok(bodies)
}

/// Time to read and decode every input (from the page cache after the first
/// run), the first step of part 1 as `dyad code` runs it on files.
fn reading_time(paths: &[PathBuf]) -> Duration {
    best_of(|| {
        let bytes: usize = Reader::new(read::expand_inputs(paths), ReadOptions::default())
            .filter_map(Result::ok)
            .map(|raw| match raw.body {
                Body::Text(t) | Body::Html(t) => t.len(),
            })
            .sum();
        std::hint::black_box(bytes);
    })
}

fn best_of(mut f: impl FnMut()) -> Duration {
    (0..RUNS)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn report(label: &str, docs: usize, bytes: usize, single: Duration, parallel: Duration) {
    let mb = bytes as f64 / 1e6;
    let threads = rayon::current_num_threads();
    println!(
        "{label}: {docs} documents, {mb:.1} MB\n  1 thread:  {:.3} s  {:.1} MB/s  {:.0} docs/s\n  {threads} threads: {:.3} s  {:.1} MB/s  {:.0} docs/s",
        single.as_secs_f64(),
        mb / single.as_secs_f64(),
        docs as f64 / single.as_secs_f64(),
        parallel.as_secs_f64(),
        mb / parallel.as_secs_f64(),
        docs as f64 / parallel.as_secs_f64(),
    );
}

fn extraction(bodies: &[Body]) {
    let pages: Vec<&str> = bodies.iter().filter_map(|b| if let Body::Html(h) = b { Some(h.as_str()) } else { None }).collect();
    let bytes = pages.iter().map(|p| p.len()).sum();
    let extractor = default_extractor();
    let extract_all = |page: &&str| extractor.extract(page, None).map(|e| e.text.len()).unwrap_or(0);
    let single = best_of(|| {
        std::hint::black_box(pages.iter().map(extract_all).sum::<usize>());
    });
    let parallel = best_of(|| {
        std::hint::black_box(pages.par_iter().map(extract_all).sum::<usize>());
    });
    report("HTML extraction", pages.len(), bytes, single, parallel);

    // The later stages on the extracted articles, against the same pages.
    let texts: Vec<String> = pages.iter().filter_map(|p| extractor.extract(p, None).ok()).map(|e| e.text).collect();
    let lexicon = Lexicon::builtin();
    let later = best_of(|| {
        let n: usize = texts
            .iter()
            .map(|t| {
                let cleaned = clean(t);
                let seg = segment(&cleaned.text);
                find_actors(&cleaned.text, &seg, &lexicon, None).len()
            })
            .sum();
        std::hint::black_box(n);
    });
    println!(
        "  clean + segment + actors on the {} extracted articles ({:.1} MB of text): {:.3} s on 1 thread, {:.0}% of extraction time",
        texts.len(),
        texts.iter().map(String::len).sum::<usize>() as f64 / 1e6,
        later.as_secs_f64(),
        100.0 * later.as_secs_f64() / single.as_secs_f64()
    );
}

fn text(bodies: &[Body], reading: Duration) {
    let texts: Vec<&str> = bodies.iter().filter_map(|b| if let Body::Text(t) = b { Some(t.as_str()) } else { None }).collect();
    let bytes = texts.iter().map(|t| t.len()).sum();
    let code = |t: &&str| {
        let cleaned = clean(t);
        segment(&cleaned.text).tokens.len()
    };
    let single = best_of(|| {
        std::hint::black_box(texts.iter().map(code).sum::<usize>());
    });
    let parallel = best_of(|| {
        std::hint::black_box(texts.par_iter().map(code).sum::<usize>());
    });
    report("clean + segment", texts.len(), bytes, single, parallel);

    let lexicon = Lexicon::builtin();
    let code_actors = |t: &&str| {
        let cleaned = clean(t);
        let seg = segment(&cleaned.text);
        find_actors(&cleaned.text, &seg, &lexicon, None).len()
    };
    let single_actors = best_of(|| {
        std::hint::black_box(texts.iter().map(code_actors).sum::<usize>());
    });
    let parallel_actors = best_of(|| {
        std::hint::black_box(texts.par_iter().map(code_actors).sum::<usize>());
    });
    report("clean + segment + actors", texts.len(), bytes, single_actors, parallel_actors);
    let cleaned: Vec<(String, dyad::segment::Segmentation)> = texts.iter().map(|t| { let text = clean(t).text; let seg = segment(&text); (text, seg) }).collect();
    let scan = best_of(|| {
        std::hint::black_box(cleaned.iter().map(|(t, seg)| { let scan = lexicon.scan(t, &seg.tokens); scan.forms.len() + scan.roles.len() }).sum::<usize>());
    });
    println!("  of which lexicon scanning alone: {:.3} s on 1 thread", scan.as_secs_f64());
    let actors = single_actors.as_secs_f64() - single.as_secs_f64();
    println!("  actors add {:.0}% to the time per megabyte of clean + segment (1 thread)", 100.0 * actors / single.as_secs_f64());
    let part1 = reading.as_secs_f64() + single.as_secs_f64();
    println!(
        "  reading and decoding the files: {:.3} s; actors add {:.0}% to part 1 as `dyad code` runs it (read + clean + segment: {:.3} s)",
        reading.as_secs_f64(),
        100.0 * actors / part1,
        part1
    );

    // The whole pipeline as `dyad code` runs it: actors, quotations, events.
    let options = Options { published: Some(jiff::civil::date(2016, 11, 1)) };
    let pipeline = Pipeline::new(default_extractor(), Arc::new(lexicon), Arc::new(EventCoder::builtin()), options);
    let code_all = |t: &&str| {
        let raw = RawDocument { id: String::new(), origin: String::new(), metadata: Default::default(), body: Body::Text(t.to_string()), diagnostics: Vec::new() };
        pipeline.process(raw).map_or(0, |d| d.events.len())
    };
    let single_all = best_of(|| {
        std::hint::black_box(texts.iter().map(code_all).sum::<usize>());
    });
    let parallel_all = best_of(|| {
        std::hint::black_box(texts.par_iter().map(code_all).sum::<usize>());
    });
    report("full pipeline (actors, quotes, events)", texts.len(), bytes, single_all, parallel_all);
    println!("  {} events", texts.iter().map(code_all).sum::<usize>());
}

/// Load time of the built-in lexicon, and with user dictionaries (files
/// whose name contains "agents" load as agents, the rest as actors).
fn lexicon(files: &[PathBuf]) -> Result<(), String> {
    let t = Instant::now();
    let builtin = Lexicon::builtin();
    let (entities, forms) = builtin.size();
    println!("built-in lexicon: {entities} entities, {forms} forms, loaded in {:.1} ms", t.elapsed().as_secs_f64() * 1e3);
    if files.is_empty() {
        return Ok(());
    }
    let (agents, actors): (Vec<PathBuf>, Vec<PathBuf>) =
        files.iter().cloned().partition(|f| f.file_name().is_some_and(|n| n.to_string_lossy().contains("agents")));
    let t = Instant::now();
    let lexicon = crate::load_lexicon(&actors, &agents)?;
    let (entities, forms) = lexicon.size();
    println!(
        "with {} dictionaries: {entities} entities, {forms} forms, loaded in {:.1} ms",
        files.len(),
        t.elapsed().as_secs_f64() * 1e3
    );
    Ok(())
}
