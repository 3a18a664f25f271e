//! The HTML loader: any bytes named .html load, extract and segment without
//! a panic; the main text never contains markup from scripts or styles.
#![no_main]

use briefing::ingest::{self, html, load};
use briefing::lexicon;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(text) = std::str::from_utf8(bytes) {
        let _ = html::extract(text);
    }
    if let Ok(loaded) = load::load(bytes, Some("html")) {
        let _ = ingest::document(&loaded.text, loaded.format, lexicon::shared());
    }
});
