//! Every user intent is an [`Action`]. Keys and mouse events become actions
//! ([`super::keymap`]); only [`super::app::App::update`] changes state.

use crossterm::event::KeyEvent;

use crate::search::worker::Results;

/// A bindable command: what a key in `[keys]` of config.toml can do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Command {
    Quit,
    Down,
    Up,
    PageDown,
    PageUp,
    Top,
    Bottom,
    Open,
    Back,
    NextSection,
    PrevSection,
    Section1,
    Section2,
    Section3,
    Section4,
    Section5,
    Inner,
    Outer,
    Search,
    Find,
    Sort,
    FindNext,
    FindPrev,
    Annotate,
    EditNote,
    DeleteNote,
    Reattach,
    ToggleNotes,
    Notes,
    OpenSource,
    OpenBrief,
    Copy,
    Help,
    Save,
    Cancel,
}

impl Command {
    /// Every command, in the order the help screen lists them.
    pub const ALL: [Command; 35] = [
        Command::Down,
        Command::Up,
        Command::PageDown,
        Command::PageUp,
        Command::Top,
        Command::Bottom,
        Command::Open,
        Command::Back,
        Command::NextSection,
        Command::PrevSection,
        Command::Section1,
        Command::Section2,
        Command::Section3,
        Command::Section4,
        Command::Section5,
        Command::Inner,
        Command::Outer,
        Command::Search,
        Command::Find,
        Command::Sort,
        Command::FindNext,
        Command::FindPrev,
        Command::Annotate,
        Command::EditNote,
        Command::DeleteNote,
        Command::Reattach,
        Command::ToggleNotes,
        Command::Notes,
        Command::OpenSource,
        Command::OpenBrief,
        Command::Copy,
        Command::Help,
        Command::Save,
        Command::Cancel,
        Command::Quit,
    ];

    /// The name used in `[keys]` of config.toml.
    pub fn name(self) -> &'static str {
        match self {
            Command::Quit => "quit",
            Command::Down => "down",
            Command::Up => "up",
            Command::PageDown => "page_down",
            Command::PageUp => "page_up",
            Command::Top => "top",
            Command::Bottom => "bottom",
            Command::Open => "open",
            Command::Back => "back",
            Command::NextSection => "next_section",
            Command::PrevSection => "prev_section",
            Command::Section1 => "section_1",
            Command::Section2 => "section_2",
            Command::Section3 => "section_3",
            Command::Section4 => "section_4",
            Command::Section5 => "section_5",
            Command::Inner => "inner",
            Command::Outer => "outer",
            Command::Search => "search",
            Command::Find => "find",
            Command::Sort => "sort",
            Command::FindNext => "find_next",
            Command::FindPrev => "find_prev",
            Command::Annotate => "annotate",
            Command::EditNote => "edit_note",
            Command::DeleteNote => "delete_note",
            Command::Reattach => "reattach",
            Command::ToggleNotes => "toggle_notes",
            Command::Notes => "notes",
            Command::OpenSource => "open_source",
            Command::OpenBrief => "open_brief",
            Command::Copy => "copy",
            Command::Help => "help",
            Command::Save => "save",
            Command::Cancel => "cancel",
        }
    }

    pub fn from_name(name: &str) -> Option<Command> {
        Command::ALL.into_iter().find(|c| c.name() == name)
    }

    /// What the help screen says the command does.
    pub fn describe(self) -> &'static str {
        match self {
            Command::Quit => "quit (from any view but an open editor)",
            Command::Down => "move the selection down",
            Command::Up => "move the selection up",
            Command::PageDown => "page down",
            Command::PageUp => "page up",
            Command::Top => "go to the top",
            Command::Bottom => "go to the bottom",
            Command::Open => "open / jump to what is selected",
            Command::Back => "back (history); close an overlay",
            Command::NextSection => "next section",
            Command::PrevSection => "previous section",
            Command::Section1 => "section 1: key judgments",
            Command::Section2 => "section 2: relations",
            Command::Section3 => "section 3: alliances",
            Command::Section4 => "section 4: timeline",
            Command::Section5 => "section 5: source text",
            Command::Inner => "select sentences in a paragraph; a pair's evidence",
            Command::Outer => "back to paragraphs; back to the pair list",
            Command::Search => "search everything (fuzzy)",
            Command::Find => "find in this view (filter the library / notes)",
            Command::Sort => "library: sort by date, title or when added (cycles)",
            Command::FindNext => "next match of the find",
            Command::FindPrev => "previous match (while a find is active)",
            Command::Annotate => "annotate the selected passage / item",
            Command::EditNote => "edit the note on the selected item (pick one if several)",
            Command::DeleteNote => {
                "delete the note on the selected item (pick one if several; asks first)"
            }
            Command::Reattach => {
                "re-attach a note: pick it in the notes view, then select its new passage"
            }
            Command::ToggleNotes => "show / hide the notes' text under their passages",
            Command::Notes => "notes view (the notes of this library)",
            Command::OpenSource => "open the brief's source file in $PAGER (else less)",
            Command::OpenBrief => {
                "edit the brief's file in $VISUAL / $EDITOR (else vi); re-read after"
            }
            Command::Copy => "copy the selected passage to the clipboard (OSC 52)",
            Command::Help => "this help",
            Command::Save => "in the note editor: save",
            Command::Cancel => "in the note editor: cancel (asks if there is text)",
        }
    }
}

/// Something that changes the reader's state.
#[derive(Debug, Clone)]
pub enum Action {
    /// A bound command.
    Command(Command),
    /// A key for the text input that has the focus (search, find, filter, editor).
    Input(KeyEvent),
    /// Text pasted into the focused input.
    Paste(String),
    /// Mouse wheel at a cell: positive scrolls down.
    Scroll { column: u16, row: u16, lines: i32 },
    /// Left click at a cell.
    Click { column: u16, row: u16 },
    /// The terminal has a new size.
    Resize { width: u16, height: u16 },
    /// Search results from the worker.
    SearchResults(Results),
    /// The search index has been built or read.
    IndexReady(std::sync::Arc<crate::search::Engine>),
    /// Answer to a yes/no question.
    Confirm(bool),
    /// The event loop carried out an [`Effect`]; `error` says why it failed.
    Done {
        effect: Effect,
        error: Option<String>,
    },
}

/// Something [`super::app::App::update`] asks the event loop to do outside
/// the reader's state: hand the terminal to another program, or write to it.
/// The loop answers with [`Action::Done`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Run `program` (a shell command line such as `$EDITOR`) on `path`,
    /// with the terminal out of raw mode and the alternate screen.
    Run {
        program: String,
        path: std::path::PathBuf,
        /// What the file is, for messages (`source file`, `brief`).
        what: &'static str,
        /// Brief to read again afterwards (it may have been edited).
        reload: Option<usize>,
    },
    /// Put `text` on the terminal's clipboard with OSC 52.
    Clipboard { text: String },
}
