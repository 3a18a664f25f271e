//! Keys as data: `[keys]` of config.toml maps each command to a list of keys
//! (`"j"`, `"Down"`, `"Ctrl-s"`, `"Shift-Tab"`, `"PageDown"`, `"?"`). The
//! help screen is generated from the live keymap, so it never lies.
//!
//! One key may serve several commands (`N` is the notes view, and the
//! previous match while a find is active): the first command, in the order of
//! [`Command::ALL`], that applies where the user is wins.

use std::collections::BTreeMap;
use std::fmt;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::{Action, Command};

/// A key with the modifiers that matter (Ctrl, Alt; Shift is in the character).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

impl Key {
    pub fn from_event(ev: &KeyEvent) -> Key {
        let code = match ev.code {
            // Terminals report Shift-Tab as BackTab; some report upper-case
            // letters as lower-case plus Shift.
            KeyCode::Char(c) if ev.modifiers.contains(KeyModifiers::SHIFT) => {
                KeyCode::Char(c.to_uppercase().next().unwrap_or(c))
            }
            other => other,
        };
        Key {
            code,
            ctrl: ev.modifiers.contains(KeyModifiers::CONTROL),
            alt: ev.modifiers.contains(KeyModifiers::ALT),
        }
    }

    /// Parse `"Ctrl-s"`, `"Alt-Enter"`, `"Shift-Tab"`, `"PageDown"`, `"F5"`, `"?"`, `"N"`.
    pub fn parse(s: &str) -> Result<Key, String> {
        let mut ctrl = false;
        let mut alt = false;
        let mut shift = false;
        let mut rest = s;
        loop {
            let lower = rest.to_ascii_lowercase();
            if rest.len() > 1 && lower.starts_with("ctrl-") {
                ctrl = true;
                rest = &rest[5..];
            } else if rest.len() > 1 && lower.starts_with("alt-") {
                alt = true;
                rest = &rest[4..];
            } else if rest.len() > 1 && lower.starts_with("shift-") {
                shift = true;
                rest = &rest[6..];
            } else {
                break;
            }
        }
        let named = match rest.to_ascii_lowercase().as_str() {
            "enter" | "return" => Some(KeyCode::Enter),
            "esc" | "escape" => Some(KeyCode::Esc),
            "backspace" => Some(KeyCode::Backspace),
            "tab" if shift => Some(KeyCode::BackTab),
            "tab" => Some(KeyCode::Tab),
            "backtab" => Some(KeyCode::BackTab),
            "up" => Some(KeyCode::Up),
            "down" => Some(KeyCode::Down),
            "left" => Some(KeyCode::Left),
            "right" => Some(KeyCode::Right),
            "pageup" | "pgup" => Some(KeyCode::PageUp),
            "pagedown" | "pgdn" => Some(KeyCode::PageDown),
            "home" => Some(KeyCode::Home),
            "end" => Some(KeyCode::End),
            "delete" | "del" => Some(KeyCode::Delete),
            "insert" | "ins" => Some(KeyCode::Insert),
            "space" => Some(KeyCode::Char(' ')),
            _ => None,
        };
        let code = if let Some(code) = named {
            code
        } else if let Some(n) = rest
            .strip_prefix(['F', 'f'])
            .and_then(|n| n.parse::<u8>().ok())
            .filter(|n| (1..=24).contains(n))
        {
            KeyCode::F(n)
        } else {
            let mut chars = rest.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => {
                    let c = if shift {
                        c.to_uppercase().next().unwrap_or(c)
                    } else if ctrl {
                        c.to_ascii_lowercase()
                    } else {
                        c
                    };
                    KeyCode::Char(c)
                }
                _ => return Err(format!("unknown key {s:?}")),
            }
        };
        Ok(Key { code, ctrl, alt })
    }

    /// Is this a key a text input types (a printable character, no Ctrl/Alt)?
    pub fn is_text(&self) -> bool {
        matches!(self.code, KeyCode::Char(_)) && !self.ctrl && !self.alt
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("Ctrl-")?;
        }
        if self.alt {
            f.write_str("Alt-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Enter => f.write_str("Enter"),
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Backspace => f.write_str("Backspace"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::BackTab => f.write_str("Shift-Tab"),
            KeyCode::Up => f.write_str("Up"),
            KeyCode::Down => f.write_str("Down"),
            KeyCode::Left => f.write_str("Left"),
            KeyCode::Right => f.write_str("Right"),
            KeyCode::PageUp => f.write_str("PageUp"),
            KeyCode::PageDown => f.write_str("PageDown"),
            KeyCode::Home => f.write_str("Home"),
            KeyCode::End => f.write_str("End"),
            KeyCode::Delete => f.write_str("Delete"),
            KeyCode::Insert => f.write_str("Insert"),
            KeyCode::F(n) => write!(f, "F{n}"),
            other => write!(f, "{other:?}"),
        }
    }
}

/// The live keymap.
#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Vec<(Key, Command)>,
}

/// Where the keys go: which text input, if any, has the focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// No text input: every key is a command.
    Commands,
    /// A one-line input (search, find, filter): typing edits it; Enter, Esc
    /// and the arrows stay commands.
    Line,
    /// The note editor: every key edits, but save and cancel.
    Editor,
    /// A yes/no question.
    Question,
}

impl Keymap {
    /// A keymap from `command name -> keys` (as in `[keys]` of config.toml).
    pub fn new(keys: &BTreeMap<String, Vec<String>>) -> Result<Keymap, String> {
        let mut bindings = Vec::new();
        for (name, list) in keys {
            let cmd = Command::from_name(name).ok_or_else(|| {
                format!(
                    "unknown command {name:?} in [keys]; commands: {}",
                    Command::ALL.map(Command::name).join(", ")
                )
            })?;
            for k in list {
                let key = Key::parse(k).map_err(|e| format!("[keys] {name}: {e}"))?;
                bindings.push((key, cmd));
            }
        }
        bindings.sort_by_key(|(_, c)| Command::ALL.iter().position(|x| x == c));
        Ok(Keymap { bindings })
    }

    /// The shipped defaults.
    pub fn defaults() -> Keymap {
        Keymap::new(&crate::config::Config::embedded().keys).unwrap_or(Keymap {
            bindings: Vec::new(),
        })
    }

    /// Commands bound to `key`, in priority order.
    pub fn commands(&self, key: &Key) -> impl Iterator<Item = Command> + '_ {
        let key = *key;
        self.bindings
            .iter()
            .filter(move |(k, _)| *k == key)
            .map(|(_, c)| *c)
    }

    /// The keys bound to `cmd`, as written in config.toml.
    pub fn keys(&self, cmd: Command) -> Vec<String> {
        self.bindings
            .iter()
            .filter(|(_, c)| *c == cmd)
            .map(|(k, _)| k.to_string())
            .collect()
    }

    /// The first key of `cmd`, for hints (`"?"`).
    pub fn hint(&self, cmd: Command) -> String {
        self.keys(cmd).into_iter().next().unwrap_or_default()
    }

    /// Turn a key event into an action, given the focus and which commands
    /// apply where the user is.
    pub fn translate(
        &self,
        ev: &KeyEvent,
        focus: Focus,
        applies: impl Fn(Command) -> bool,
    ) -> Option<Action> {
        if ev.kind == KeyEventKind::Release {
            return None;
        }
        let key = Key::from_event(ev);
        let command = |allowed: &dyn Fn(Command) -> bool| {
            self.commands(&key)
                .find(|c| allowed(*c) && applies(*c))
                .map(Action::Command)
        };
        match focus {
            Focus::Commands => command(&|_| true),
            Focus::Question => match key.code {
                KeyCode::Char('y' | 'Y') | KeyCode::Enter => Some(Action::Confirm(true)),
                KeyCode::Char('n' | 'N') | KeyCode::Esc => Some(Action::Confirm(false)),
                _ => command(&|c| matches!(c, Command::Back | Command::Cancel))
                    .map(|_| Action::Confirm(false)),
            },
            Focus::Line => {
                let editing = key.is_text()
                    || matches!(
                        key.code,
                        KeyCode::Backspace
                            | KeyCode::Delete
                            | KeyCode::Left
                            | KeyCode::Right
                            | KeyCode::Home
                            | KeyCode::End
                    );
                if editing && !(key.ctrl || key.alt) {
                    return Some(Action::Input(*ev));
                }
                // Ctrl-U and Ctrl-W erase as in a shell or fzf, before any
                // binding of theirs elsewhere (Ctrl-U pages up in a list).
                if key.ctrl && !key.alt && matches!(key.code, KeyCode::Char('u' | 'w')) {
                    return Some(Action::Input(*ev));
                }
                command(&|c| {
                    matches!(
                        c,
                        Command::Open
                            | Command::Back
                            | Command::Down
                            | Command::Up
                            | Command::PageDown
                            | Command::PageUp
                            | Command::Quit
                    ) && !key.is_text()
                })
                .or(Some(Action::Input(*ev)))
            }
            Focus::Editor => command(&|c| matches!(c, Command::Save | Command::Cancel))
                .or(Some(Action::Input(*ev))),
        }
    }

    /// `(keys, description)` for every command, for the help screen.
    pub fn help(&self) -> Vec<(String, &'static str)> {
        Command::ALL
            .iter()
            .map(|c| (self.keys(*c).join(" "), c.describe()))
            .filter(|(k, _)| !k.is_empty())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn parses_and_prints_keys() {
        for s in [
            "j",
            "N",
            "?",
            "Enter",
            "Esc",
            "Ctrl-s",
            "Shift-Tab",
            "PageDown",
            "F5",
            "Space",
            "Alt-Enter",
        ] {
            assert_eq!(Key::parse(s).unwrap().to_string(), s);
        }
        assert_eq!(Key::parse("ctrl-S").unwrap().to_string(), "Ctrl-s");
        assert_eq!(Key::parse("Shift-n").unwrap().to_string(), "N");
        assert!(Key::parse("Hyper-x").is_err());
        assert!(Key::parse("xy").is_err());
    }

    #[test]
    fn shift_letters_match_upper_case_bindings() {
        let a = Key::from_event(&ev(KeyCode::Char('n'), KeyModifiers::SHIFT));
        let b = Key::from_event(&ev(KeyCode::Char('N'), KeyModifiers::SHIFT));
        assert_eq!(a, Key::parse("N").unwrap());
        assert_eq!(b, Key::parse("N").unwrap());
    }

    #[test]
    fn defaults_follow_the_design() {
        let km = Keymap::defaults();
        let first = |code, mods| {
            km.translate(&ev(code, mods), Focus::Commands, |_| true)
                .map(|a| format!("{a:?}"))
        };
        assert_eq!(
            first(KeyCode::Char('j'), KeyModifiers::NONE).as_deref(),
            Some("Command(Down)")
        );
        assert_eq!(
            first(KeyCode::Char('/'), KeyModifiers::NONE).as_deref(),
            Some("Command(Search)")
        );
        assert_eq!(
            first(KeyCode::BackTab, KeyModifiers::SHIFT).as_deref(),
            Some("Command(PrevSection)")
        );
        for (k, cmd) in [
            ("q", Command::Quit),
            ("a", Command::Annotate),
            ("e", Command::EditNote),
            ("d", Command::DeleteNote),
            ("?", Command::Help),
            ("Enter", Command::Open),
            ("Backspace", Command::Back),
            ("Esc", Command::Back),
            ("Tab", Command::NextSection),
            ("1", Command::Section1),
            ("5", Command::Section5),
            ("g", Command::Top),
            ("G", Command::Bottom),
            ("PageDown", Command::PageDown),
            ("Ctrl-s", Command::Save),
        ] {
            assert!(km.keys(cmd).contains(&k.to_string()), "{k} -> {cmd:?}");
        }
        // N: the previous match while a find is active, else the notes view.
        let n = ev(KeyCode::Char('N'), KeyModifiers::SHIFT);
        let a = km.translate(&n, Focus::Commands, |c| c != Command::FindPrev);
        assert!(matches!(a, Some(Action::Command(Command::Notes))));
        let a = km.translate(&n, Focus::Commands, |_| true);
        assert!(matches!(a, Some(Action::Command(Command::FindPrev))));
    }

    #[test]
    fn inputs_get_typing_and_keep_their_commands() {
        let km = Keymap::defaults();
        let t = |code, mods, focus| km.translate(&ev(code, mods), focus, |_| true);
        // In a one-line input, letters and Backspace edit; Enter, Esc, arrows command.
        assert!(matches!(
            t(KeyCode::Char('q'), KeyModifiers::NONE, Focus::Line),
            Some(Action::Input(_))
        ));
        assert!(matches!(
            t(KeyCode::Backspace, KeyModifiers::NONE, Focus::Line),
            Some(Action::Input(_))
        ));
        assert!(matches!(
            t(KeyCode::Enter, KeyModifiers::NONE, Focus::Line),
            Some(Action::Command(Command::Open))
        ));
        assert!(matches!(
            t(KeyCode::Down, KeyModifiers::NONE, Focus::Line),
            Some(Action::Command(Command::Down))
        ));
        // In the editor everything edits but save and cancel.
        assert!(matches!(
            t(KeyCode::Enter, KeyModifiers::NONE, Focus::Editor),
            Some(Action::Input(_))
        ));
        assert!(matches!(
            t(KeyCode::Char('q'), KeyModifiers::NONE, Focus::Editor),
            Some(Action::Input(_))
        ));
        assert!(matches!(
            t(KeyCode::Char('s'), KeyModifiers::CONTROL, Focus::Editor),
            Some(Action::Command(Command::Save))
        ));
        assert!(matches!(
            t(KeyCode::Esc, KeyModifiers::NONE, Focus::Editor),
            Some(Action::Command(Command::Cancel))
        ));
        assert!(matches!(
            t(KeyCode::Char('y'), KeyModifiers::NONE, Focus::Question),
            Some(Action::Confirm(true))
        ));
        assert!(matches!(
            t(KeyCode::Esc, KeyModifiers::NONE, Focus::Question),
            Some(Action::Confirm(false))
        ));
    }

    #[test]
    fn bad_bindings_are_errors() {
        let mut m = BTreeMap::new();
        m.insert("jump".to_string(), vec!["j".to_string()]);
        assert!(
            Keymap::new(&m)
                .unwrap_err()
                .starts_with("unknown command \"jump\"")
        );
        let mut m = BTreeMap::new();
        m.insert("down".to_string(), vec!["Ctrl-Foo".to_string()]);
        assert_eq!(
            Keymap::new(&m).unwrap_err(),
            "[keys] down: unknown key \"Ctrl-Foo\""
        );
    }
}
