//! `dyad code --actors/--agents`: user dictionaries in the TABARI/PETRARCH format.

use std::process::Command;

fn write(dir: &std::path::Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

#[test]
fn user_dictionaries_add_actors_and_report_bad_lines() {
    let dir = tempfile::tempdir().unwrap();
    let actors = write(
        dir.path(),
        "my.actors.txt",
        "# invented actors for a test\nNORTHERN_SALT_COMPANY_  [NSCBUS]\n+NORTH_SALT_\nLENA_VARGA_\n\t[HUNGOV >240101]\n\t[HUNELI 100101-231231]\nBROKEN_ENTRY_ [XYZ\n",
    );
    let agents = write(dir.path(), "my.agents.txt", "SALT_MINER [~LAB]\nNO_CODE_HERE\n");
    let article = write(
        dir.path(),
        "story.txt",
        "Lena Varga met the North Salt board in Szeged.\n\nHungarian salt miners walked out on Monday.",
    );
    let out = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(["code", "--published", "2024-05-02", "--actors", &actors, "--agents", &agents, &article])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "a rejected dictionary line is reported, not fatal: {stderr}");
    assert!(stderr.contains(&format!("{actors}:7: unclosed [")), "{stderr}");
    assert!(stderr.contains(&format!("{agents}:2: agent")), "{stderr}");
    assert!(stderr.contains("loaded 2 actors (3 forms), rejected 1 lines"), "{stderr}");
    assert!(stderr.contains("loaded 1 agents (2 forms), rejected 1 lines"), "{stderr}");

    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let text = doc["text"].as_str().unwrap();
    let actors = doc["actors"].as_array().unwrap();
    let find = |name: &str| actors.iter().find(|a| a["name"] == name).unwrap_or_else(|| panic!("{name} in {actors:#?}"));
    // Dated codes follow the document's date.
    assert_eq!(find("Lena Varga")["code"], "HUNGOV");
    let company = find("Northern Salt Company");
    assert_eq!(company["code"], "NSCBUS");
    let m = &company["mentions"][0];
    let (s, e) = (m["start"].as_u64().unwrap() as usize, m["end"].as_u64().unwrap() as usize);
    assert_eq!(text.chars().skip(s).take(e - s).collect::<String>(), "North Salt");
    // The agents file's role word composes with the built-in country adjective.
    assert!(actors.iter().any(|a| a["code"] == "HUNLAB"), "{actors:#?}");
}

#[test]
fn a_missing_dictionary_is_an_error() {
    let out = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(["code", "--actors", "/nonexistent/dict.txt", "-"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/dict.txt"));
}
