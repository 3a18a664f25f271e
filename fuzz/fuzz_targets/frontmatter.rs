//! The brief parser: any text gives a brief or an error, never a panic; and
//! a brief that parses renders back to text that parses to the same brief.
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
        assert_eq!(back, brief, "render/parse is not lossless");
    }
});
