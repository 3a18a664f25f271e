//! A realistic synthetic library for benchmarks:
//!
//! ```sh
//! cargo run --release --example gen_library -- --briefs 10000 --out /tmp/lib [--seed 7]
//! ```
//!
//! Each brief is made from about 50 real sentences of `sources/` (split by
//! the real segmenter), grouped into paragraphs under headings, with the
//! countries in them swapped for others from the gazetteer and the years
//! moved, and then run through the real pipeline, so it has real judgments,
//! relations, alliances and a timeline. The same seed gives the same library.

use std::path::{Path, PathBuf};
use std::time::Instant;

use clap::Parser;
use rayon::prelude::*;

use briefing::ingest;
use briefing::lexicon;
use briefing::synth::{document, material};

#[derive(Parser)]
struct Args {
    /// How many briefs to write
    #[arg(long, default_value_t = 1000)]
    briefs: usize,
    /// Where to write them (created if missing)
    #[arg(long)]
    out: PathBuf,
    /// Seed of the generator
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Sentences per brief (about)
    #[arg(long, default_value_t = 50)]
    sentences: usize,
}

fn main() {
    let args = Args::parse();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let started = Instant::now();
    let m = match material(&root.join("sources")) {
        Ok(m) => m,
        Err(e) => {
            eprintln!("gen_library: cannot read sources/: {e}");
            std::process::exit(1);
        }
    };
    if m.sentences.is_empty() {
        eprintln!("gen_library: no sentences in sources/");
        std::process::exit(1);
    }
    if let Err(e) = std::fs::create_dir_all(&args.out) {
        eprintln!("gen_library: cannot create {}: {e}", args.out.display());
        std::process::exit(1);
    }
    let lex = lexicon::shared();
    let failed: usize = (0..args.briefs)
        .into_par_iter()
        .map(|n| {
            let (name, text) = document(n, args.seed, &m, args.sentences);
            let source = format!("generated/{name}");
            let result = ingest::ingest(&source, text.as_bytes(), lex)
                .map_err(|e| e.to_string())
                .and_then(|i| {
                    briefing::library::save(&args.out, &i.brief, true).map_err(|e| e.to_string())
                });
            match result {
                Ok(_) => 0,
                Err(e) => {
                    eprintln!("gen_library: {name}: {e}");
                    1
                }
            }
        })
        .sum();
    eprintln!(
        "gen_library: {} briefs in {} ({} failed) in {:.1} s, from {} sentences of sources/",
        args.briefs - failed,
        args.out.display(),
        failed,
        started.elapsed().as_secs_f64(),
        m.sentences.len()
    );
    if failed > 0 {
        std::process::exit(1);
    }
}
