//! `briefs/` must be exactly what the current pipeline makes of `sources/`.
//! When this fails, regenerate with `cargo run --release -- ingest sources/`.

use std::collections::BTreeSet;
use std::path::PathBuf;

use briefing::{frontmatter, ingest, lexicon};

#[test]
fn briefs_match_the_current_pipeline() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut expected = BTreeSet::new();
    let mut sources: Vec<_> = std::fs::read_dir(root.join("sources"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    sources.sort();
    assert!(!sources.is_empty());
    for path in sources {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let source = format!("sources/{name}");
        let bytes = std::fs::read(&path).unwrap();
        let brief = ingest::ingest(&source, &bytes, lexicon::shared())
            .unwrap()
            .brief;
        let want = frontmatter::render(&brief);
        let file = root.join("briefs").join(format!("{}.md", brief.id));
        let have = std::fs::read_to_string(&file).unwrap_or_default();
        assert!(
            have == want,
            "briefs/{}.md is stale against the pipeline: run `cargo run --release -- ingest sources/`",
            brief.id
        );
        expected.insert(format!("{}.md", brief.id));
    }
    let present: BTreeSet<String> = std::fs::read_dir(root.join("briefs"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".md"))
        .collect();
    assert_eq!(
        present, expected,
        "briefs/ holds briefs that no source in sources/ generates"
    );
}
