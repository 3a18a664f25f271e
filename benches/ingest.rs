//! Ingest throughput: the whole pipeline (clean, segment, language, actors,
//! dates, relations, alliances, judgments, rendering) on each sample source,
//! on one core, the lexicon built beforehand. `cargo bench --bench ingest`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn ingest(c: &mut Criterion) {
    let lex = briefing::lexicon::shared();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sources");
    let mut group = c.benchmark_group("ingest");
    group.sample_size(20);
    let mut all = Vec::new();
    for name in ["000_f5840cd7195cf325.txt", "002_fea91339883cd94f.txt"] {
        let bytes = std::fs::read(root.join(name)).expect("sample source");
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| briefing::ingest::ingest(name, &bytes, lex).expect("ingests"))
        });
        all.push((name, bytes));
    }
    // Both samples, one after the other, as a batch would.
    let total: usize = all.iter().map(|(_, b)| b.len()).sum();
    group.throughput(Throughput::Bytes(total as u64));
    group.bench_function("both samples", |b| {
        b.iter(|| {
            for (name, bytes) in &all {
                briefing::ingest::ingest(name, bytes, lex).expect("ingests");
            }
        })
    });
    group.finish();
    let started = std::time::Instant::now();
    let _ = briefing::lexicon::Lexicon::embedded();
    println!(
        "lexicon build (once per process): {:.1} ms",
        started.elapsed().as_secs_f64() * 1e3
    );
}

criterion_group!(benches, ingest);
criterion_main!(benches);
