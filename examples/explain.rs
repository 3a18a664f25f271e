//! Print the relation stage's reasoning for a source document:
//! `cargo run --example explain -- FILE [PAIR]` (PAIR like `AZE-RUS` filters);
//! `FILE --conclusions` prints every sentence's key-judgment score and its parts.

use briefing::ingest::{self, Format, load};
use briefing::lexicon;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: explain FILE [PAIR]");
        std::process::exit(2);
    };
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("explain: cannot read {path}: {e}");
            std::process::exit(1);
        }
    };
    let loaded = match load::load(&bytes, load::extension(path).as_deref()) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("explain: {path}: {e}");
            std::process::exit(1);
        }
    };
    let format = if loaded.format == Format::Markdown {
        Format::Markdown
    } else {
        Format::Text
    };
    let explained = if args.get(1).is_some_and(|a| a == "--conclusions") {
        ingest::explain_conclusions(&loaded.text, format, lexicon::shared())
    } else {
        ingest::explain_relations(&loaded.text, format, lexicon::shared())
    };
    match explained {
        Ok(lines) => {
            for l in lines {
                if args
                    .get(1)
                    .is_none_or(|p| p == "--conclusions" || l.contains(&format!(" {p} ")))
                {
                    println!("{l}");
                }
            }
        }
        Err(e) => {
            eprintln!("explain: {path}: {e}");
            std::process::exit(1);
        }
    }
}
