//! The reader (TUI). `crossterm event -> keymap -> Action -> App::update ->
//! ui::draw(&App)`. Terminal set-up and restore happen here and only here;
//! the terminal is restored on normal exit, on error and on panic. The
//! effects `App::update` asks for (run `$EDITOR`, write OSC 52) are carried
//! out here too, and answered with an action.

pub mod action;
pub mod app;
pub mod brief;
pub mod doc;
pub mod keymap;
pub mod pane;
pub mod state;
pub mod theme;
pub mod ui;
pub mod wrap;

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};
use std::time::Duration;

use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, KeyEventKind, MouseButton, MouseEventKind,
};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use action::{Action, Effect};
use app::App;

/// Whether the terminal is in the reader's mode (raw, alternate screen).
static ACTIVE: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Lines the mouse wheel scrolls per notch.
const WHEEL: i32 = 3;

/// Put the terminal back as it was: leave the alternate screen, stop mouse
/// capture and raw mode, show the cursor. Safe to call more than once:
/// only the first call after [`Guard::new`] writes anything (leaving the
/// alternate screen twice would move the cursor back over a panic message).
pub fn restore() {
    if !ACTIVE.swap(false, std::sync::atomic::Ordering::SeqCst) {
        return;
    }
    let _ = execute!(
        io::stdout(),
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
    let _ = disable_raw_mode();
    let _ = io::stdout().flush();
}

/// Restores the terminal when dropped (normal exit and errors).
struct Guard;

impl Guard {
    fn new() -> io::Result<Guard> {
        // Restore before any panic message is printed.
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
        enable_raw_mode()?;
        ACTIVE.store(true, std::sync::atomic::Ordering::SeqCst);
        let guard = Guard;
        execute!(
            io::stdout(),
            EnterAlternateScreen,
            EnableMouseCapture,
            EnableBracketedPaste
        )?;
        Ok(guard)
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

enum Msg {
    Term(Event),
    Action(Action),
}

/// Builds or reads the search index, off the UI thread.
pub type IndexJob = Box<dyn FnOnce() -> crate::search::Engine + Send>;

/// Run the reader until the user quits. `index`, when given, makes the
/// search index in the background; the first screen does not wait for it.
pub fn run(mut app: App, index: Option<IndexJob>) -> io::Result<()> {
    let _guard = Guard::new()?;
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    terminal.clear()?;
    let (tx, rx) = mpsc::channel::<Msg>();
    let input = tx.clone();
    let gate = Arc::new(InputGate::default());
    let input_gate = gate.clone();
    std::thread::Builder::new()
        .name("input".into())
        .spawn(move || {
            loop {
                // While another program has the terminal, its keys are its own.
                if input_gate.paused.load(Ordering::SeqCst) {
                    input_gate.parked.store(true, Ordering::SeqCst);
                    std::thread::sleep(Duration::from_millis(10));
                    continue;
                }
                match event::poll(Duration::from_millis(50)) {
                    Ok(true) => {}
                    Ok(false) => continue,
                    Err(_) => break,
                }
                let Ok(ev) = event::read() else { break };
                if input.send(Msg::Term(ev)).is_err() {
                    break;
                }
            }
        })?;
    if let Some(job) = index {
        let ready = tx.clone();
        std::thread::Builder::new()
            .name("index".into())
            .spawn(move || {
                let engine = std::sync::Arc::new(job());
                let _ = ready.send(Msg::Action(Action::IndexReady(engine)));
            })?;
    }
    let results = std::sync::Mutex::new(tx);
    app.start_worker(move |r| {
        if let Ok(tx) = results.lock() {
            let _ = tx.send(Msg::Action(Action::SearchResults(r)));
        }
    });
    let size = terminal.size()?;
    app.update(Action::Resize {
        width: size.width,
        height: size.height,
    });
    if std::env::var_os("BRIEFING_TEST_PANIC").is_some() {
        // For the test that checks the terminal is restored after a panic.
        terminal.draw(|f| ui::draw(f, &app))?;
        panic!("test panic requested by BRIEFING_TEST_PANIC");
    }
    while !app.quit {
        terminal.draw(|f| ui::draw(f, &app))?;
        let Ok(msg) = rx.recv() else { break };
        handle(&mut app, msg);
        perform_effects(&mut app, &mut terminal, &gate)?;
        // Apply everything that is already waiting before drawing again.
        while let Ok(msg) = rx.try_recv() {
            handle(&mut app, msg);
            perform_effects(&mut app, &mut terminal, &gate)?;
            if app.quit {
                break;
            }
        }
    }
    Ok(())
}

/// Lets the event loop stop the input thread from reading the terminal
/// while another program runs in it.
#[derive(Default)]
struct InputGate {
    /// Set by the loop: do not read the terminal.
    paused: AtomicBool,
    /// Set by the input thread once it has stopped reading.
    parked: AtomicBool,
}

impl InputGate {
    /// Stop the input thread reading, and wait until it has (it polls in
    /// short steps, so this takes at most one of them).
    fn pause(&self) {
        self.parked.store(false, Ordering::SeqCst);
        self.paused.store(true, Ordering::SeqCst);
        let start = std::time::Instant::now();
        while !self.parked.load(Ordering::SeqCst) && start.elapsed() < Duration::from_secs(2) {
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    fn resume(&self) {
        self.paused.store(false, Ordering::SeqCst);
    }
}

type Term = Terminal<CrosstermBackend<io::Stdout>>;

/// Carry out what the last update asked for, and tell the app how it went.
fn perform_effects(app: &mut App, terminal: &mut Term, gate: &InputGate) -> io::Result<()> {
    while let Some(effect) = app.effect.take() {
        let error = match &effect {
            Effect::Run { program, path, .. } => {
                let error = run_program(terminal, gate, program, path)?;
                // The window may have changed size meanwhile.
                let size = terminal.size()?;
                app.update(Action::Resize {
                    width: size.width,
                    height: size.height,
                });
                error
            }
            Effect::Clipboard { text } => {
                let out = terminal.backend_mut();
                out.write_all(osc52(text).as_bytes())
                    .and_then(|()| out.flush())
                    .err()
                    .map(|e| e.to_string())
            }
        };
        app.update(Action::Done { effect, error });
    }
    Ok(())
}

/// Hand the terminal to `program` (a shell command line; the file is its
/// last argument), then take it back. The error, if any, is for the
/// status line; failing to take the terminal back is an error of the reader.
fn run_program(
    terminal: &mut Term,
    gate: &InputGate,
    program: &str,
    path: &std::path::Path,
) -> io::Result<Option<String>> {
    gate.pause();
    let _ = execute!(
        io::stdout(),
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
    let _ = disable_raw_mode();
    // `sh -c` so that EDITOR="code --wait" works, with the path quoted as $1.
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("{program} \"$1\""))
        .arg("sh")
        .arg(path)
        .status();
    enable_raw_mode()?;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste
    )?;
    terminal.clear()?;
    gate.resume();
    Ok(match status {
        Ok(s) if s.success() => None,
        Ok(s) if s.code() == Some(127) => Some(format!("command not found: {program}")),
        Ok(s) => Some(match s.code() {
            Some(c) => format!("it exited with status {c}"),
            None => "it was stopped by a signal".into(),
        }),
        Err(e) => Some(format!("cannot run sh: {e}")),
    })
}

/// The OSC 52 sequence that puts `text` on the clipboard.
pub fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", base64(text.as_bytes()))
}

/// Standard base64 with padding.
fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ABC[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn handle(app: &mut App, msg: Msg) {
    let action = match msg {
        Msg::Action(a) => Some(a),
        Msg::Term(ev) => translate(app, ev),
    };
    if let Some(a) = action {
        app.update(a);
    }
}

/// A terminal event as an action.
pub fn translate(app: &App, ev: Event) -> Option<Action> {
    match ev {
        Event::Key(k) if k.kind != KeyEventKind::Release => app.key_action(&k),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::ScrollDown => Some(Action::Scroll {
                column: m.column,
                row: m.row,
                lines: WHEEL,
            }),
            MouseEventKind::ScrollUp => Some(Action::Scroll {
                column: m.column,
                row: m.row,
                lines: -WHEEL,
            }),
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
                column: m.column,
                row: m.row,
            }),
            _ => None,
        },
        Event::Resize(width, height) => Some(Action::Resize { width, height }),
        Event::Paste(s) => Some(Action::Paste(s)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn osc52_is_base64_in_the_escape() {
        assert_eq!(super::base64(b""), "");
        assert_eq!(super::base64(b"f"), "Zg==");
        assert_eq!(super::base64(b"fo"), "Zm8=");
        assert_eq!(super::base64(b"foo"), "Zm9v");
        assert_eq!(super::base64("Türkiye".as_bytes()), "VMO8cmtpeWU=");
        assert_eq!(super::osc52("hi"), "\x1b]52;c;aGk=\x07");
    }
}
