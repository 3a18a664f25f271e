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

use briefing::ingest::{self, Format};
use briefing::lexicon;

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

/// SplitMix64: small, fast, deterministic.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[self.below(v.len())]
    }
}

/// Sentences and headings of the sample sources.
struct Material {
    sentences: Vec<String>,
    headings: Vec<String>,
    /// Country names that occur in the sentences (to swap out).
    names: Vec<String>,
    /// Names to swap in.
    others: Vec<String>,
}

fn material(root: &Path) -> Material {
    let lex = lexicon::shared();
    let mut sentences = Vec::new();
    let mut headings = Vec::new();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(root.join("sources"))
        .expect("sources/ is readable")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "md"))
        .collect();
    paths.sort();
    for p in paths {
        let bytes = std::fs::read(&p).expect("a source is readable");
        let text = String::from_utf8_lossy(&bytes);
        let doc = ingest::document(&text, Format::Text, lex).expect("a source ingests");
        for s in &doc.sections {
            if let Some(h) = &s.heading {
                headings.push(h.clone());
            }
        }
        for (_, s) in doc.sentences() {
            if s.len() > 30 {
                sentences.push(s.to_string());
            }
        }
    }
    let names_by_id = lexicon::actor_names();
    let mut names = Vec::new();
    let mut others = Vec::new();
    for (id, list) in names_by_id {
        // States only: three upper-case letters.
        if id.len() != 3 || !id.chars().all(|c| c.is_ascii_uppercase()) {
            continue;
        }
        for n in list.iter().take(4) {
            if n.len() > 3 && sentences.iter().any(|s| s.contains(n.as_str())) {
                names.push(n.clone());
            }
        }
        if let Some(n) = list.iter().find(|n| !n.contains(' ') && n.len() > 3) {
            others.push(n.clone());
        }
    }
    names.sort();
    names.dedup();
    // Longest first, so "Korea Utara" is swapped before "Korea".
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    others.sort();
    Material {
        sentences,
        headings,
        names,
        others,
    }
}

/// Swap country names and move years, consistently within one brief.
fn vary(s: &str, m: &Material, swaps: &[(String, String)], year_shift: i32) -> String {
    let mut out = s.to_string();
    for (from, to) in swaps {
        if out.contains(from.as_str()) {
            out = out.replace(from.as_str(), to);
        }
    }
    let _ = m;
    // Years 1900..2030 move by the brief's shift.
    let mut result = String::with_capacity(out.len());
    let b = out.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let is_year = i + 4 <= b.len()
            && b[i..i + 4].iter().all(u8::is_ascii_digit)
            && (i == 0 || !b[i - 1].is_ascii_digit())
            && (i + 4 == b.len() || !b[i + 4].is_ascii_digit());
        if is_year {
            let y: i32 = out[i..i + 4].parse().unwrap_or(0);
            if (1900..2030).contains(&y) {
                result.push_str(&(y + year_shift).clamp(1950, 2026).to_string());
                i += 4;
                continue;
            }
        }
        let c = out[i..].chars().next().unwrap_or(' ');
        result.push(c);
        i += c.len_utf8();
    }
    result
}

/// The text of brief `n`: a title, headings and paragraphs.
fn document(n: usize, seed: u64, m: &Material, sentences: usize) -> (String, String) {
    let mut rng = Rng::new(seed.wrapping_mul(1_000_003).wrapping_add(n as u64));
    let mut swaps: Vec<(String, String)> = Vec::new();
    for from in &m.names {
        if rng.below(3) > 0 {
            swaps.push((from.clone(), rng.pick(&m.others).clone()));
        }
    }
    let shift = rng.below(21) as i32 - 10;
    let count = sentences / 2 + rng.below(sentences + 1);
    let mut picked: Vec<String> = Vec::with_capacity(count);
    // Runs of consecutive sentences read like real text.
    while picked.len() < count {
        let start = rng.below(m.sentences.len());
        let run = 1 + rng.below(5);
        for k in 0..run {
            if let Some(s) = m.sentences.get(start + k) {
                picked.push(vary(s, m, &swaps, shift));
            }
        }
    }
    picked.truncate(count);
    // A headline: the first words of one of its sentences.
    let title = {
        let s = rng.pick(&picked).clone();
        let words = 6 + rng.below(6);
        let t: Vec<&str> = s.split_whitespace().take(words).collect();
        t.join(" ")
            .trim_end_matches([',', '.', ';', ':'])
            .to_string()
    };
    let mut text = format!("{title}\n\n");
    let mut i = 0;
    let mut paragraphs = 0;
    while i < picked.len() {
        if paragraphs % 6 == 3 {
            let h = rng.pick(&m.headings).clone();
            text.push_str(&vary(&h, m, &swaps, shift));
            text.push_str("\n\n");
        }
        let len = 1 + rng.below(4);
        let end = (i + len).min(picked.len());
        text.push_str(&picked[i..end].join(" "));
        text.push_str("\n\n");
        i = end;
        paragraphs += 1;
    }
    (format!("gen-{:05}.txt", n + 1), text)
}

fn main() {
    let args = Args::parse();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let started = Instant::now();
    let m = material(root);
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
