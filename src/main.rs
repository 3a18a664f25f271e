//! The `briefing` command: parse the command line, wire configuration,
//! library and pipeline together, and turn every error into one line on
//! stderr and a non-zero exit.

use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand};

use briefing::brief::{Brief, BriefSummary};
use briefing::catalog::Catalog;
use briefing::config::{self, Config};
use briefing::ingest::{self, EXTENSIONS};
use briefing::library::{self, Library, Saved};
use briefing::{ids, lexicon, show};

/// Structured briefs from international-affairs documents (Indonesian and
/// English): key judgments, bilateral relations, alliances, timeline.
#[derive(Parser, Debug)]
#[command(
    name = "briefing",
    version,
    about,
    long_about = None,
    after_help = "Without a command, briefing opens the reader on the library (it needs a terminal; \
                  without one, use `briefing list` and `briefing show ID`).\n\
                  Source formats: plain text (.txt .text), Markdown (.md .markdown), \
                  HTML (.html .htm .xhtml), PDF with a text layer (.pdf), Word (.docx)."
)]
struct Cli {
    /// Config file (default: ./config.toml, else ~/.config/briefing/config.toml, else built-in defaults)
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Folder of briefs (default: the config's `library`, else ./briefs)
    #[arg(long, global = true, value_name = "DIR")]
    library: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Turn source documents (.txt .md .html .pdf .docx; files or folders) into briefs
    ///
    /// Formats: plain text (.txt .text; wrapped lines, hyphens and page furniture are
    /// repaired), Markdown (.md .markdown; headings, lists, quotes and emphasis kept),
    /// HTML (.html .htm .xhtml; the page's main text), PDF (.pdf; its text layer, so a
    /// scan needs OCR first) and Word (.docx). The format is read from the content
    /// first and the file name second: a saved web page called article.txt is read as
    /// HTML. Text that is not UTF-8 is read as Windows-1252, with a warning.
    Ingest {
        /// Where to write the briefs (default: the library)
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// Write nothing; report what would be written
        #[arg(long)]
        dry_run: bool,
        /// Print each brief as one JSON object per line on stdout (what was written is
        /// reported on stderr)
        #[arg(long)]
        json: bool,
        /// Replace briefs even if they were edited by hand
        #[arg(long)]
        force: bool,
        /// Source files, or folders: searched recursively (hidden files and folders
        /// skipped) for .txt .text .md .markdown .html .htm .xhtml .pdf .docx
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// List the briefs in the library, one line each
    List {
        /// One JSON object per brief per line
        #[arg(long)]
        json: bool,
    },
    /// Show one brief: key judgments, relations, alliances, timeline, source text
    Show {
        /// The brief's id (see `briefing list`)
        id: String,
        /// The brief as JSON
        #[arg(long)]
        json: bool,
    },
    /// Search titles, actors (any name), pairs, alliances, judgments and every sentence
    #[command(after_help = SEARCH_SYNTAX)]
    Search {
        /// Words to look for: every word must match (syntax below)
        #[arg(required = true, value_name = "QUERY")]
        query: Vec<String>,
        /// Show at most this many results
        #[arg(long, default_value_t = 20, value_name = "N")]
        limit: usize,
        /// One JSON object per result per line
        #[arg(long)]
        json: bool,
    },
    /// Export notes (all, or one brief's); `notes add` adds one from a script
    #[command(args_conflicts_with_subcommands = true)]
    Notes {
        /// Only the notes on this brief
        #[arg(value_name = "ID")]
        id: Option<String>,
        /// One JSON object per note per line
        #[arg(long, conflicts_with = "markdown")]
        json: bool,
        /// A Markdown document
        #[arg(long)]
        markdown: bool,
        #[command(subcommand)]
        action: Option<NotesAction>,
    },
}

/// The query syntax, for `briefing search --help` (the reader's help shows
/// the same).
const SEARCH_SYNTAX: &str = "\
Query syntax (as fzf's, plus phrases):
  azer rus      every word must match: whole words and word starts rank first,
                scattered letters count only within a word or two, and only
                when nothing matches better
  'word         literally, never as scattered letters
  \"a phrase\"    the phrase, spaces included
  ^word         at the start of a word (^word$: the whole word)
  word$         at the end of a word
  !word         leave out what contains it
  a | b         either
  AS, EU        a short word in capitals: that word, in the gazetteer's case
A word that names an actor (United States, AS, csto, kremlin, or the start of a
name: azer) also finds its other names (Amerika Serikat, Washington, ...).
Quote the query for the shell: briefing search '\"perjanjian damai\" !rusia'";

#[derive(Subcommand, Debug)]
enum NotesAction {
    /// Add a note on a passage; prints the note's id once it is safely on disk
    Add {
        /// The brief's id
        id: String,
        /// The passage, copied exactly from the brief's source text (or a key judgment)
        #[arg(long, value_name = "TEXT")]
        quote: String,
        /// The note
        #[arg(long, value_name = "NOTE")]
        text: String,
    },
}

fn main() -> ExitCode {
    std::panic::set_hook(Box::new(|info| {
        let msg = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown error".into());
        let at = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!("briefing: internal error: {msg}{at} (please report this)");
    }));
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        // The reader of our output went away (`briefing list | head`): done.
        Err(e) if broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            report(&e);
            ExitCode::FAILURE
        }
    }
}

/// Did writing to stdout fail because its reader closed the pipe?
fn broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// One line on stderr for an error and its causes.
fn report(e: &anyhow::Error) {
    let msg = format!("{e:#}");
    let one: String = msg.split_whitespace().collect::<Vec<_>>().join(" ");
    eprintln!("briefing: {one}");
}

fn warn(msg: &str) {
    eprintln!("briefing: warning: {msg}");
}

/// Configuration and library folder, by the design's precedence.
struct Setup {
    config: Config,
    library: PathBuf,
}

fn context(cli: &Cli) -> Result<Setup> {
    let platform = config::platform_config_file();
    let path = config::locate(cli.config.as_deref(), Path::new(""), platform.as_deref());
    let config = Config::load(path.as_deref())?;
    let library = cli
        .library
        .clone()
        .unwrap_or_else(|| config.library.clone());
    Ok(Setup { config, library })
}

fn run(cli: Cli) -> Result<ExitCode> {
    let ctx = context(&cli)?;
    match cli.command {
        None => cmd_default(&ctx),
        Some(Command::Ingest {
            out,
            dry_run,
            json,
            force,
            paths,
        }) => cmd_ingest(&ctx, out, dry_run, json, force, &paths),
        Some(Command::List { json }) => cmd_list(&ctx, json),
        Some(Command::Show { id, json }) => cmd_show(&ctx, &id, json),
        Some(Command::Search { query, limit, json }) => {
            cmd_search(&ctx, &query.join(" "), limit, json)
        }
        Some(Command::Notes {
            action: Some(NotesAction::Add { id, quote, text }),
            ..
        }) => cmd_notes_add(&ctx, &id, &quote, &text),
        Some(Command::Notes {
            id, json, markdown, ..
        }) => cmd_notes(&ctx, id.as_deref(), json, markdown),
    }
}

fn open_library(dir: &Path) -> Result<Library> {
    let lib = Library::open(dir)?;
    for p in lib.problems() {
        warn(&p.to_string());
    }
    Ok(lib)
}

/// The reader, on a terminal; without one, say how to read briefs instead.
fn cmd_default(ctx: &Setup) -> Result<ExitCode> {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        bail!(
            "the reader needs a terminal (stdin and stdout are not one); use `briefing list` and `briefing show ID` instead"
        );
    }
    let catalog = Catalog::open(&ctx.library, cache_dir().as_deref())?;
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let keymap = briefing::tui::keymap::Keymap::new(&ctx.config.keys)
        .map_err(|e| anyhow::anyhow!("config: {e}"))?;
    let opts = briefing::tui::app::Options {
        library_dir: ctx.library.clone(),
        notes_dir: notes_dir(ctx)?,
        theme: briefing::tui::theme::Theme::new(ctx.config.theme, no_color),
        keymap,
    };
    let mut app = briefing::tui::app::App::from_catalog(&catalog, opts);
    app.inline_notes = ctx.config.inline_notes;
    app.clipboard_osc52 = ctx.config.clipboard_osc52;
    briefing::tui::run(app, Some(Box::new(move || catalog.index()))).context("terminal error")?;
    Ok(ExitCode::SUCCESS)
}

/// The notes folder: the config's, else the platform data dir's `annotations`.
fn notes_dir(ctx: &Setup) -> Result<PathBuf> {
    if let Some(d) = &ctx.config.notes_dir {
        return Ok(d.clone());
    }
    directories::ProjectDirs::from("", "", "briefing")
        .map(|d| d.data_dir().join("annotations"))
        .ok_or_else(|| {
            anyhow::anyhow!("no home folder to keep notes in; set notes_dir in config.toml")
        })
}

fn cmd_search(ctx: &Setup, query: &str, limit: usize, json: bool) -> Result<ExitCode> {
    let cache = cache_dir();
    let engine = match cache
        .as_deref()
        .and_then(|c| briefing::catalog::cached_index(&ctx.library, c))
    {
        Some(e) => e,
        None => {
            // Each brief neither cache has is read once, for both.
            let progress = Progress::new();
            let (cat, engine) =
                Catalog::open_indexed(&ctx.library, cache.as_deref(), &|p, d, t| {
                    progress.report(p, d, t)
                })?;
            for p in &cat.problems {
                progress.suspend(|| warn(&p.to_string()));
            }
            progress.finish(cache.is_some());
            engine
        }
    };
    let hits = engine.search(query, limit);
    let mut out = std::io::stdout().lock();
    for h in &hits {
        if json {
            writeln!(out, "{}", briefing::search::hit_json(&engine, h))?;
        } else {
            let item = engine.item(h.item);
            let brief = engine.brief_of(h);
            let place = match item.jump.section {
                briefing::search::Section::Source => format!("source ¶{}", item.jump.index),
                s => s.name().to_string(),
            };
            writeln!(
                out,
                "{}  {}  {}  {}",
                brief.id,
                place,
                item.kind.label(),
                item.text
            )?;
        }
    }
    if hits.is_empty() && !json {
        eprintln!("briefing: no results for {query:?}");
    }
    drop(out);
    // The process ends here: freeing a large index would only cost time.
    std::mem::forget(engine);
    Ok(ExitCode::SUCCESS)
}

fn cmd_notes(ctx: &Setup, id: Option<&str>, json: bool, markdown: bool) -> Result<ExitCode> {
    use briefing::notes::{Store, export};
    let store = Store::new(notes_dir(ctx)?);
    let lib = open_library(&ctx.library)?;
    let all: Vec<(String, Vec<briefing::notes::Note>)> = match id {
        Some(id) => {
            ids::validate(id)?;
            vec![(id.to_string(), store.load(id)?)]
        }
        None => {
            let (all, problems) = store.load_all();
            for p in problems {
                warn(&p.to_string());
            }
            all
        }
    };
    let entries = export::entries(lib.briefs(), &all);
    let mut out = std::io::stdout().lock();
    if json {
        for e in &entries {
            writeln!(out, "{}", export::json(e))?;
        }
    } else if markdown {
        out.write_all(export::markdown(&entries).as_bytes())?;
    } else if entries.is_empty() {
        eprintln!("briefing: no notes in {}", store.dir().display());
    } else {
        out.write_all(export::text(&entries).as_bytes())?;
    }
    Ok(ExitCode::SUCCESS)
}

fn cmd_notes_add(ctx: &Setup, id: &str, quote: &str, text: &str) -> Result<ExitCode> {
    use briefing::notes::{self, Kind, Note, SourceText, Store};
    ids::validate(id)?;
    let brief = library::load(&ctx.library, id)?;
    let quote = briefing::body::normalize_ws(quote);
    if quote.is_empty() {
        bail!("--quote is empty");
    }
    if text.trim().is_empty() {
        bail!("--text is empty");
    }
    let src = SourceText::from_brief(&brief);
    let now = notes::now();
    let mut note = Note {
        id: notes::new_id(),
        kind: Kind::Sentence,
        quote: quote.clone(),
        prefix: String::new(),
        suffix: String::new(),
        position: None,
        paragraph: None,
        text: text.to_string(),
        created: now.clone(),
        updated: now,
    };
    let found =
        (1..=src.paragraph_count()).find_map(|n| src.paragraph(n).find(&quote).map(|at| (n, at)));
    if let Some((n, at)) = found {
        let sel = notes::select(&src, n, at..at + quote.len())
            .ok_or_else(|| anyhow::anyhow!("cannot anchor the quote in brief {id}"))?;
        if sel.quote.len() == src.paragraph(n).len() {
            note.kind = Kind::Paragraph;
        }
        note.prefix = sel.prefix;
        note.suffix = sel.suffix;
        note.position = Some(sel.position);
        note.paragraph = Some(n);
    } else if let Some(c) = brief.conclusions.iter().find(|c| c.text == quote) {
        note.kind = Kind::Judgment;
        note.paragraph = Some(c.paragraph);
    } else {
        bail!(
            "quote not found in brief {id}: copy it exactly from `briefing show {id}` (source text or a key judgment)"
        );
    }
    let store = Store::new(notes_dir(ctx)?);
    let changed = store.add(id, note.clone())?;
    if let Some((err, aside)) = changed.moved_aside {
        warn(&format!(
            "{err}; the old file was moved to {}",
            aside.display()
        ));
    }
    writeln!(std::io::stdout().lock(), "{}", note.id)?;
    Ok(ExitCode::SUCCESS)
}

fn print_list(summaries: &[BriefSummary]) {
    let idw = summaries.iter().map(|s| s.id.len()).max().unwrap_or(2);
    let mut out = std::io::stdout().lock();
    for s in summaries {
        let _ = writeln!(
            out,
            "{:<idw$}  {:<2}  {:<10}  {:>2} rel  {}",
            s.id,
            s.language,
            s.date.as_deref().unwrap_or("-"),
            s.relations,
            if s.title.is_empty() {
                "(untitled)"
            } else {
                &s.title
            },
        );
    }
}

/// The platform cache folder for library caches (none: no caching).
fn cache_dir() -> Option<PathBuf> {
    if std::env::var_os("BRIEFING_NO_CACHE").is_some() {
        return None;
    }
    directories::ProjectDirs::from("", "", "briefing").map(|d| d.cache_dir().join("libraries"))
}

/// The library through its caches, problems reported on stderr, the
/// briefs it has to read shown on `progress`.
fn open_catalog(dir: &Path, progress: &Progress) -> Result<Catalog> {
    let cat = Catalog::open_with(dir, cache_dir().as_deref(), &|p, d, t| {
        progress.report(p, d, t)
    })?;
    for p in &cat.problems {
        progress.suspend(|| warn(&p.to_string()));
    }
    Ok(cat)
}

/// A progress bar on stderr while caches are built (only when stderr is a
/// terminal; nothing otherwise, so scripts see only results and errors),
/// then one line saying what was built.
struct Progress {
    bar: indicatif::ProgressBar,
    started: std::time::Instant,
    /// Briefs read, per phase (catalog, index).
    read: [std::sync::atomic::AtomicUsize; 2],
}

impl Progress {
    fn new() -> Progress {
        let bar = if std::io::stderr().is_terminal() {
            indicatif::ProgressBar::new(0)
        } else {
            indicatif::ProgressBar::hidden()
        };
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} {msg} [{bar:30}] {pos}/{len} briefs, eta {eta}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
            .progress_chars("=> "),
        );
        Progress {
            bar,
            started: std::time::Instant::now(),
            read: Default::default(),
        }
    }

    fn report(&self, phase: briefing::catalog::Phase, done: usize, total: usize) {
        use briefing::catalog::Phase;
        let k = match phase {
            Phase::Reading => 0,
            Phase::Indexing => 1,
        };
        if done == 0 {
            self.bar.reset();
            self.bar.set_length(total as u64);
            self.bar.set_message(match phase {
                Phase::Reading => "reading the library",
                Phase::Indexing => "indexing for search",
            });
        } else {
            self.bar.inc(1);
            self.read[k].fetch_max(done, std::sync::atomic::Ordering::Relaxed);
        }
    }

    fn suspend<T>(&self, f: impl FnOnce() -> T) -> T {
        self.bar.suspend(f)
    }

    /// Clear the bar; on a terminal, say what was read (and cached).
    fn finish(&self, cached: bool) {
        self.bar.finish_and_clear();
        let [cat, idx] = [0, 1].map(|k| self.read[k].load(std::sync::atomic::Ordering::Relaxed));
        if (cat > 0 || idx > 0) && std::io::stderr().is_terminal() {
            let what = match (cat > 0, idx > 0) {
                (true, true) => format!("read {cat} briefs and indexed {idx}"),
                (true, false) => format!("read {cat} briefs"),
                _ => format!("indexed {idx} briefs"),
            };
            eprintln!(
                "briefing: {what} in {:.1} s{}",
                self.started.elapsed().as_secs_f64(),
                if cached { "; cached for next time" } else { "" }
            );
        }
    }
}

fn cmd_list(ctx: &Setup, json: bool) -> Result<ExitCode> {
    let progress = Progress::new();
    let cat = open_catalog(&ctx.library, &progress)?;
    progress.finish(cache_dir().is_some());
    let summaries: Vec<BriefSummary> = cat.entries.iter().map(|e| e.summary.clone()).collect();
    if json {
        let mut out = std::io::stdout().lock();
        for s in &summaries {
            writeln!(out, "{}", serde_json::to_string(s)?)?;
        }
    } else {
        print_list(&summaries);
    }
    Ok(ExitCode::SUCCESS)
}

fn cmd_show(ctx: &Setup, id: &str, json: bool) -> Result<ExitCode> {
    ids::validate(id)?;
    let brief = library::load(&ctx.library, id)?;
    if json {
        let json = serde_json::to_string_pretty(&brief.to_json())?;
        writeln!(std::io::stdout().lock(), "{json}")?;
    } else {
        let stdout = std::io::stdout();
        let width = if stdout.is_terminal() {
            crossterm::terminal::size().ok().map(|(w, _)| w as usize)
        } else {
            None
        };
        let mut out = stdout.lock();
        out.write_all(show::render(&brief, width).as_bytes())?;
    }
    Ok(ExitCode::SUCCESS)
}

/// A path as the user would write it: relative to the working folder when
/// it is inside it, without a leading `./`, with `/` separators.
fn display_source(p: &Path) -> String {
    let rel = std::env::current_dir()
        .ok()
        .and_then(|cwd| p.strip_prefix(&cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| p.to_path_buf());
    let s = rel.to_string_lossy().replace('\\', "/");
    let mut s = s.as_str();
    while let Some(rest) = s.strip_prefix("./") {
        s = rest;
    }
    s.to_string()
}

/// Expand folders into their supported files (recursively, sorted).
fn collect_inputs(paths: &[PathBuf], failed: &mut usize) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut found = Vec::new();
            walk(p, &mut found, failed);
            found.sort();
            if found.is_empty() {
                warn(&format!(
                    "{}: no source documents in this folder ({})",
                    p.display(),
                    extension_list()
                ));
            }
            files.extend(found);
        } else {
            files.push(p.clone());
        }
    }
    files
}

/// The extensions a folder is searched for: `.txt .text .md ...`.
fn extension_list() -> String {
    EXTENSIONS
        .iter()
        .map(|e| format!(".{e}"))
        .collect::<Vec<_>>()
        .join(" ")
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>, failed: &mut usize) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("briefing: cannot read folder {}: {e}", dir.display());
            *failed += 1;
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let hidden = path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if hidden {
            continue;
        }
        if path.is_dir() {
            walk(&path, out, failed);
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
        {
            out.push(path);
        }
    }
}

/// One input's outcome before its id is final.
struct Prepared {
    source: String,
    bytes: usize,
    result: std::result::Result<ingest::Ingested, String>,
}

/// How many files are read and ingested at once (bounded memory).
const CHUNK: usize = 256;

fn cmd_ingest(
    ctx: &Setup,
    out: Option<PathBuf>,
    dry_run: bool,
    json: bool,
    force: bool,
    paths: &[PathBuf],
) -> Result<ExitCode> {
    use rayon::prelude::*;
    let started = std::time::Instant::now();
    let out_dir = out.unwrap_or_else(|| ctx.library.clone());
    let mut failed = 0usize;
    let files = collect_inputs(paths, &mut failed);
    let custom;
    let lex = if ctx.config.lexicon.dir.is_none()
        && ctx.config.lexicon.aliases.is_empty()
        && ctx.config.lexicon.cues.is_empty()
    {
        lexicon::shared()
    } else {
        let from = match &ctx.config.origin {
            config::Origin::File(p) => p.display().to_string(),
            config::Origin::Embedded => "config".to_string(),
        };
        custom = lexicon::Lexicon::with_extension(&ctx.config.lexicon)
            .map_err(|e| anyhow::anyhow!("{from}: [lexicon]: {e}"))?;
        &custom
    };
    let progress = if files.len() > 1 && std::io::stderr().is_terminal() {
        let pb = indicatif::ProgressBar::new(files.len() as u64);
        pb.set_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} ingesting [{bar:30}] {pos}/{len} {per_sec} eta {eta}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
            .progress_chars("=> "),
        );
        pb
    } else {
        indicatif::ProgressBar::hidden()
    };
    // The notes folder, to report how each re-ingested brief's notes fare.
    let notes = notes_dir(ctx).ok().map(briefing::notes::Store::new);
    let mut done = 0usize;
    let mut total_bytes = 0usize;
    // Ids handed out in this run, with the source each went to.
    let mut assigned: HashMap<String, (String, String)> = HashMap::new();
    for chunk in files.chunks(CHUNK) {
        // Read and ingest in parallel; ids, output and writes keep input order.
        let prepared: Vec<Prepared> = chunk
            .par_iter()
            .map(|file| {
                let source = display_source(file);
                let p = match std::fs::read(file) {
                    Ok(bytes) => Prepared {
                        bytes: bytes.len(),
                        result: ingest::ingest(&source, &bytes, lex)
                            .map_err(|e| format!("cannot ingest {source}: {e}")),
                        source,
                    },
                    Err(e) => Prepared {
                        bytes: 0,
                        result: Err(format!("cannot read {source}: {e}")),
                        source,
                    },
                };
                progress.inc(1);
                p
            })
            .collect();
        let mut to_save: Vec<(String, Brief)> = Vec::new();
        let mut lines: Vec<String> = Vec::new();
        for p in prepared {
            let ingested = match p.result {
                Ok(i) => i,
                Err(e) => {
                    progress.suspend(|| eprintln!("briefing: {e}"));
                    failed += 1;
                    continue;
                }
            };
            total_bytes += p.bytes;
            for w in &ingested.warnings {
                progress.suspend(|| warn(&format!("{}: {w}", p.source)));
            }
            let mut brief = ingested.brief;
            brief.id = unique_id(&out_dir, &brief, &assigned);
            assigned.insert(
                brief.id.clone(),
                (brief.source.clone(), brief.source_sha256.clone()),
            );
            if json {
                lines.push(serde_json::to_string(&brief.to_json())?);
            }
            if dry_run {
                if !json {
                    let target = out_dir.join(format!("{}.md", brief.id));
                    lines.push(format!(
                        "{} -> {} (dry run, not written): {}",
                        p.source,
                        target.display(),
                        brief.title
                    ));
                }
                done += 1;
                continue;
            }
            to_save.push((p.source, brief));
        }
        if !to_save.is_empty() {
            std::fs::create_dir_all(&out_dir)
                .with_context(|| format!("cannot create {}", out_dir.display()))?;
        }
        let saved: Vec<(
            String,
            std::result::Result<Saved, library::LibraryError>,
            PathBuf,
            String,
        )> = to_save
            .par_iter()
            .map(|(source, brief)| {
                let target = out_dir.join(format!("{}.md", brief.id));
                (
                    source.clone(),
                    library::save(&out_dir, brief, force),
                    target,
                    brief.title.clone(),
                )
            })
            .collect();
        let mut stdout = std::io::stdout().lock();
        for l in &lines {
            writeln!(stdout, "{l}")?;
        }
        for ((source, result, target, title), (_, brief)) in saved.into_iter().zip(&to_save) {
            if let (Some(store), Ok(Saved::Created | Saved::Updated)) = (&notes, &result) {
                // Say what the new version did to the brief's notes.
                if let Ok(list) = store.load(&brief.id)
                    && !list.is_empty()
                {
                    let r = briefing::notes::reanchor(&list, brief);
                    progress.suspend(|| eprintln!("briefing: {}: {}", brief.id, r.message()));
                }
            }
            match result {
                Ok(saved) => {
                    let what = match saved {
                        Saved::Created => "created",
                        Saved::Updated => "updated",
                        Saved::Unchanged => "unchanged",
                    };
                    let line = format!("{source} -> {} ({what}): {title}", target.display());
                    if json {
                        progress.suspend(|| eprintln!("{line}"));
                    } else {
                        writeln!(stdout, "{line}")?;
                    }
                    done += 1;
                }
                Err(e) => {
                    progress.suspend(|| eprintln!("briefing: {e}"));
                    failed += 1;
                }
            }
        }
    }
    progress.finish_and_clear();
    if files.len() > 1 {
        let secs = started.elapsed().as_secs_f64().max(1e-6);
        let mb = total_bytes as f64 / 1e6;
        eprintln!(
            "briefing: {done} {} ingested, {failed} failed; {mb:.1} MB in {secs:.1} s ({:.1} MB/s)",
            if done == 1 { "document" } else { "documents" },
            mb / secs
        );
    }
    if files.is_empty() && failed == 0 {
        bail!(
            "nothing to ingest: no source documents in the given paths ({})",
            extension_list()
        );
    }
    Ok(if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// The brief's id, with a suffix when another document already holds it
/// (in the output folder or earlier in this run). The same source keeps its id.
fn unique_id(dir: &Path, brief: &Brief, assigned: &HashMap<String, (String, String)>) -> String {
    let same = |src: &str, sha: &str| src == brief.source || sha == brief.source_sha256;
    let taken_by_other = match assigned.get(&brief.id) {
        Some((src, sha)) => !same(src, sha),
        None => library::brief_path(dir, &brief.id)
            .ok()
            .and_then(|p| library::read_brief(&p).ok())
            .is_some_and(|b| !same(&b.source, &b.source_sha256)),
    };
    if taken_by_other {
        ids::with_suffix(&brief.id, &brief.source)
    } else {
        brief.id.clone()
    }
}
