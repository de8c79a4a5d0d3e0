//! Data-driven tests: every article in `tests/data/articles/` and `examples/`
//! is coded, and the result is compared with `tests/data/expected/NAME.json`.
//!
//! The expected file holds the document object of `dyad code` plus the
//! sentences the segmenter found (as text, one string each), so that a
//! reviewer can read what changed. When behaviour changes on purpose, rewrite
//! all expected files with
//!
//! ```text
//! UPDATE_EXPECT=1 cargo test --test data_driven
//! ```
//!
//! and review the diff before committing it.

use std::path::{Path, PathBuf};

use dyad::extract::default_extractor;
use dyad::pipeline::{Options, Pipeline};
use dyad::read::{self, ReadOptions, Reader};

fn inputs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["tests/data/articles", "examples"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
            if matches!(ext, "txt" | "html" | "jsonl" | "warc") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// The document as the expected files show it.
fn render(pipeline: &Pipeline, path: &Path) -> serde_json::Value {
    let mut docs = Vec::new();
    for item in Reader::new(read::expand_inputs(&[path.to_path_buf()]), ReadOptions::default()) {
        let doc = item.and_then(|raw| pipeline.process(raw));
        match doc {
            Ok(doc) => {
                let mut line = Vec::new();
                dyad::output::write_document(&mut line, &doc).unwrap();
                let mut value: serde_json::Value = serde_json::from_slice(&line).unwrap();
                let sentences: Vec<&str> = doc.segmentation.sentences.iter().map(|s| s.span.of(&doc.text)).collect();
                value["sentences"] = serde_json::json!(sentences);
                docs.push(value);
            }
            Err(e) => docs.push(serde_json::json!({ "error": e.reason })),
        }
    }
    serde_json::Value::Array(docs)
}

#[test]
fn articles_match_expected_output() {
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let expected_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/expected");
    let mut failures = Vec::new();
    let files = inputs();
    let options = Options { published: Some(jiff::civil::date(2025, 6, 1)) };
    let pipeline = Pipeline::new(
        default_extractor(),
        std::sync::Arc::new(dyad::lexicon::Lexicon::builtin()),
        std::sync::Arc::new(dyad::events::EventCoder::builtin()),
        options,
    );
    assert!(files.len() >= 7, "test articles are missing: {files:?}");
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let expected_path = expected_dir.join(format!("{name}.json"));
        let actual = serde_json::to_string_pretty(&render(&pipeline, &path)).unwrap() + "\n";
        if update {
            std::fs::create_dir_all(&expected_dir).unwrap();
            std::fs::write(&expected_path, &actual).unwrap();
            continue;
        }
        match std::fs::read_to_string(&expected_path) {
            Ok(expected) if expected == actual => {}
            Ok(expected) => failures.push(format!("{name}: output differs from {}\n{}", expected_path.display(), first_difference(&expected, &actual))),
            Err(_) => failures.push(format!("{name}: no expected file {}", expected_path.display())),
        }
    }
    assert!(failures.is_empty(), "{}\n\nIf the change is intended: UPDATE_EXPECT=1 cargo test --test data_driven", failures.join("\n\n"));
}

fn first_difference(expected: &str, actual: &str) -> String {
    for (i, (e, a)) in expected.lines().zip(actual.lines()).enumerate() {
        if e != a {
            return format!("line {}:\n  expected: {e}\n  actual:   {a}", i + 1);
        }
    }
    format!("lengths differ: expected {} lines, actual {}", expected.lines().count(), actual.lines().count())
}
