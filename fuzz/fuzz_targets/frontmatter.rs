//! The brief parser: any text gives a brief or an error, never a panic; and
//! a brief that parses renders back to text that parses to the same brief
//! (but for `content_sha256`, which rendering stamps anew: a parsed file may
//! have been edited by hand), and rendering that again changes nothing.
#![no_main]

use std::path::Path;

use briefing::frontmatter;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let path = Path::new("fuzz.md");
    if let Ok(brief) = frontmatter::parse(path, text) {
        let again = frontmatter::render(&brief);
        let back = frontmatter::parse(path, &again)
            .unwrap_or_else(|e| panic!("rendered brief does not parse: {e}\n{again}"));
        let mut same = back.clone();
        same.content_sha256 = brief.content_sha256.clone();
        assert_eq!(same, brief, "render/parse is not lossless");
        assert_eq!(frontmatter::render(&back), again, "render is not stable");
        assert!(!frontmatter::is_hand_edited(&again, &back), "a fresh render counts as hand-edited");
    }
});
