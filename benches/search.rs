//! Search latency per keystroke over a synthetic library of 10,000 briefs
//! (about 500,000 sentences, built by `briefing::synth` from the real
//! sentences of `sources/`), typing each query a key at a time as the
//! reader's worker does (reusing what the previous keystroke found).
//!
//! Criterion measures each keystroke; a summary at the start prints the
//! median and p99 over every keystroke of every query, repeated.
//! `cargo bench --bench search`.

use std::time::Instant;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};

use briefing::search::{Engine, Session};

/// The keystroke sequence, and three other realistic queries.
const QUERIES: [&str; 4] = [
    "azer rus",
    "kremlin iran",
    "perjanjian damai",
    "sekutu moskow",
];
const LIMIT: usize = 50;

fn engine() -> Engine {
    let m = briefing::synth::material(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sources"),
    )
    .expect("sources/");
    let started = Instant::now();
    let briefs = briefing::synth::quick_briefs(&m, 10_000, 7, 50);
    let e = Engine::new(&briefs);
    let sentences: usize = briefs
        .iter()
        .map(|b| {
            briefing::body::parse(&b.body)
                .paragraphs()
                .map(|p| {
                    briefing::ingest::segment::sentences(p, briefing::lexicon::abbreviations())
                        .len()
                })
                .sum::<usize>()
        })
        .sum();
    println!(
        "library: {} briefs, {sentences} sentences, {} search items (built in {:.1} s)",
        briefs.len(),
        e.len(),
        started.elapsed().as_secs_f64()
    );
    e
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

/// Median and p99 per keystroke, every query typed 20 times.
fn summary(e: &Engine) {
    let mut all = Vec::new();
    println!("{:<20} {:>9} {:>9}", "keystroke", "median", "p99");
    for q in QUERIES {
        let mut per_key: Vec<Vec<f64>> = vec![Vec::new(); q.len()];
        for _ in 0..20 {
            let mut session = Session::default();
            for end in 1..=q.len() {
                let t = Instant::now();
                let hits = e.search_with(&mut session, &q[..end], LIMIT);
                per_key[end - 1].push(t.elapsed().as_secs_f64() * 1e3);
                std::hint::black_box(hits);
            }
        }
        for (k, mut v) in per_key.into_iter().enumerate() {
            v.sort_by(f64::total_cmp);
            println!(
                "{:<20} {:>7.2}ms {:>7.2}ms",
                format!("{:?}", &q[..=k]),
                percentile(&v, 0.5),
                percentile(&v, 0.99)
            );
            all.extend(v);
        }
    }
    all.sort_by(f64::total_cmp);
    println!(
        "ALL KEYSTROKES: median {:.2} ms, p99 {:.2} ms over {} samples",
        percentile(&all, 0.5),
        percentile(&all, 0.99),
        all.len()
    );
    let t = Instant::now();
    let _ = e.brute_force("azer rus", LIMIT);
    println!(
        "brute force (every item scored) for \"azer rus\": {:.1} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
}

fn keystrokes(c: &mut Criterion) {
    let e = engine();
    summary(&e);
    let mut group = c.benchmark_group("keystroke");
    group.sample_size(10);
    group.warm_up_time(std::time::Duration::from_millis(500));
    group.measurement_time(std::time::Duration::from_secs(2));
    for q in QUERIES {
        // The session as it is after the previous keystroke.
        let mut before = Session::default();
        for end in 1..=q.len() {
            let typed = &q[..end];
            group.bench_function(format!("{typed:?}"), |b| {
                b.iter_batched(
                    || before.clone(),
                    |mut s| e.search_with(&mut s, typed, LIMIT),
                    BatchSize::LargeInput,
                )
            });
            e.search_with(&mut before, typed, LIMIT);
        }
    }
    group.finish();
}

criterion_group!(benches, keystrokes);
criterion_main!(benches);
