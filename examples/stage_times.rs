//! Time each ingest stage on a file, the lexicon built once beforehand:
//! `cargo run --release --example stage_times -- FILE`.

use std::time::Instant;

use briefing::ingest::{
    self, Format, actors, alliances, conclusions, context, dates, lang, relations, scan,
};
use briefing::lexicon;

fn main() {
    let path = std::env::args().nth(1).expect("usage: stage_times FILE");
    let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    let t = Instant::now();
    let lex = lexicon::shared();
    println!(
        "lexicon build      {:>8.1} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    let mb = text.len() as f64 / 1e6;
    for round in 0..2 {
        let t = Instant::now();
        let doc = ingest::document(&text, Format::Text, lex).expect("text");
        let t_doc = t.elapsed();
        let t = Instant::now();
        let language = lang::detect(&text);
        let t_lang = t.elapsed();
        let t = Instant::now();
        let scanned = scan::document(&doc, lex);
        let t_scan = t.elapsed();
        let t = Instant::now();
        let dd = dates::resolve(&scanned, &lex.dates);
        let t_dates = t.elapsed();
        let t = Instant::now();
        let found = actors::find(&doc, &dd, &language, lex);
        let t_actors = t.elapsed();
        let sents = context::sentences(&doc, &scanned, &found, &dd);
        let sections: Vec<_> = found
            .headings
            .iter()
            .map(|h| relations::named_pair(h))
            .collect();
        let t = Instant::now();
        let rels = relations::extract(&sents, &sections, relations::named_pair(&found.title), lex);
        let t_rel = t.elapsed();
        let t = Instant::now();
        let all = alliances::extract(&sents, &rels, lex);
        let t_all = t.elapsed();
        let t = Instant::now();
        let concl = conclusions::rank(&doc, &sents, &rels, lex);
        let t_concl = t.elapsed();
        let total = t_doc + t_lang + t_scan + t_dates + t_actors + t_rel + t_all + t_concl;
        if round == 1 {
            for (name, d) in [
                ("clean+segment", t_doc),
                ("language", t_lang),
                ("scan phrases", t_scan),
                ("dates", t_dates),
                ("actors", t_actors),
                ("relations", t_rel),
                ("alliances", t_all),
                ("conclusions", t_concl),
            ] {
                println!("{name:<18} {:>8.1} ms", d.as_secs_f64() * 1e3);
            }
            println!(
                "total {:.1} ms for {:.2} MB: {:.1} MB/s ({} relations, {} alliances, {} judgments)",
                total.as_secs_f64() * 1e3,
                mb,
                mb / total.as_secs_f64(),
                rels.len(),
                all.len(),
                concl.len()
            );
        }
    }
}
