//! Synthetic libraries for benchmarks and scale tests: documents made by
//! recombining the real sentences of the sample sources, with the countries
//! in them swapped for others from the gazetteer and the years moved, so a
//! library of any size reads like the real thing. Deterministic for a seed.
//! `examples/gen_library.rs` runs them through the real pipeline.

use std::path::{Path, PathBuf};

use crate::brief::Brief;
use crate::ingest::{self, Format};
use crate::lexicon;

/// SplitMix64: small, fast, deterministic.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
    pub fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[self.below(v.len())]
    }
}

/// Sentences and headings of the sample sources.
pub struct Material {
    pub sentences: Vec<String>,
    pub headings: Vec<String>,
    /// Country names that occur in the sentences (to swap out).
    names: Vec<String>,
    /// Names to swap in.
    others: Vec<String>,
}

/// The sentences and headings of the documents in `sources` (a folder of
/// `.txt`/`.md` files), and the country names in them.
pub fn material(sources: &Path) -> std::io::Result<Material> {
    let lex = lexicon::shared();
    let mut sentences = Vec::new();
    let mut headings = Vec::new();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(sources)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "md"))
        .collect();
    paths.sort();
    for p in paths {
        let bytes = std::fs::read(&p)?;
        let text = String::from_utf8_lossy(&bytes);
        let Ok(doc) = ingest::document(&text, Format::Text, lex) else {
            continue;
        };
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
    Ok(Material {
        sentences,
        headings,
        names,
        others,
    })
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

/// Document `n` of a library made with `seed`: its file name and text (a
/// headline, headings and paragraphs of about `sentences` sentences).
pub fn document(n: usize, seed: u64, m: &Material, sentences: usize) -> (String, String) {
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

/// Briefs of a synthetic library without running extraction (title and
/// body only): enough for search and start-up benchmarks, and fast.
pub fn quick_briefs(m: &Material, n: usize, seed: u64, sentences: usize) -> Vec<Brief> {
    let lex = lexicon::shared();
    (0..n)
        .map(|i| {
            let (name, text) = document(i, seed, m, sentences);
            let doc = ingest::document(&text, Format::Text, lex).unwrap_or_else(|_| {
                ingest::segment::segment(String::new(), Vec::new(), &lex.abbreviations)
            });
            let body = crate::body::render(&doc.title, "", &doc.blocks);
            Brief {
                id: crate::ids::from_source(&name),
                title: doc.title.clone(),
                language: "id".into(),
                source: format!("generated/{name}"),
                body,
                ..Brief::default()
            }
        })
        .collect()
}

/// A minimal .docx (for tests and fuzz seeds): `paragraphs` are (style id, text); styles.xml names
/// the translated ids the way Indonesian Word does.
pub fn docx(paragraphs: &[(&str, &str)]) -> Vec<u8> {
    use std::io::Write;
    let mut body = String::new();
    for (style, text) in paragraphs {
        body.push_str("<w:p>");
        if !style.is_empty() {
            body.push_str(&format!("<w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr>"));
        }
        for (i, part) in text.split('\t').enumerate() {
            if i > 0 {
                body.push_str("<w:r><w:tab/></w:r>");
            }
            body.push_str(&format!(
                "<w:r><w:t xml:space=\"preserve\">{}</w:t></w:r>",
                part.replace('&', "&amp;")
                    .replace('<', "&lt;")
                    .replace('>', "&gt;")
            ));
        }
        body.push_str("</w:p>");
    }
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
         <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
    );
    let styles = "<?xml version=\"1.0\"?><w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
         <w:style w:type=\"paragraph\" w:styleId=\"Judul1\"><w:name w:val=\"heading 1\"/></w:style>\
         <w:style w:type=\"paragraph\" w:styleId=\"Judul2\"><w:name w:val=\"heading 2\"/></w:style>\
         <w:style w:type=\"paragraph\" w:styleId=\"JudulDokumen\"><w:name w:val=\"Title\"/></w:style>\
         </w:styles>";
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut w = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        w.start_file("[Content_Types].xml", opts).unwrap();
        w.write_all(b"<Types/>").unwrap();
        w.start_file("word/document.xml", opts).unwrap();
        w.write_all(document.as_bytes()).unwrap();
        w.start_file("word/styles.xml", opts).unwrap();
        w.write_all(styles.as_bytes()).unwrap();
        w.finish().unwrap();
    }
    buf.into_inner()
}
