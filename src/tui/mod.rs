//! The reader (TUI). `crossterm event -> keymap -> Action -> App::update ->
//! ui::draw(&App)`. Terminal set-up and restore happen here and only here;
//! the terminal is restored on normal exit, on error and on panic.

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
use std::sync::mpsc;

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

use action::Action;
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
    std::thread::Builder::new()
        .name("input".into())
        .spawn(move || {
            while let Ok(ev) = event::read() {
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
        // Apply everything that is already waiting before drawing again.
        while let Ok(msg) = rx.try_recv() {
            handle(&mut app, msg);
            if app.quit {
                break;
            }
        }
    }
    Ok(())
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
