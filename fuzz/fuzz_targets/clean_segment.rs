//! The cleaner and segmenter on any text (plain and Markdown): no panic, and
//! every paragraph and sentence is real text at a valid place.
#![no_main]

use briefing::ingest::{self, Format};
use briefing::lexicon;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let lex = lexicon::shared();
    for format in [Format::Text, Format::Markdown] {
        if let Ok(doc) = ingest::document(text, format, lex) {
            for p in &doc.paragraphs {
                assert!(!p.text.trim().is_empty(), "empty paragraph");
                for s in &p.sentences {
                    assert!(p.text.get(s.clone()).is_some(), "sentence range off a char boundary");
                }
            }
        }
    }
});
