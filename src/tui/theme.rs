//! Colours of the reader. `dark`, `light` and `mono` from config.toml;
//! `NO_COLOR` in the environment forces `mono`, which uses only bold,
//! underline and reverse video.

use ratatui::style::{Color, Modifier, Style};

use crate::brief::Stance;
use crate::config::ThemeName;

/// Styles by role.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    pub name: ThemeName,
    pub text: Style,
    pub dim: Style,
    pub title: Style,
    pub heading: Style,
    pub accent: Style,
    /// The selected row / paragraph.
    pub selected: Style,
    /// The gutter bar beside the selected paragraph.
    pub bar: Style,
    /// Matched characters of a search or find.
    pub matched: Style,
    /// A passage jumped to from search (highlighted until you move).
    pub flash: Style,
    pub note: Style,
    pub status: Style,
    pub error: Style,
    pub cooperation: Style,
    pub conflict: Style,
    pub mixed: Style,
    pub border: Style,
    pub quote: Style,
}

impl Theme {
    /// The theme for a config name, honouring `NO_COLOR` (`no_color`).
    pub fn new(name: ThemeName, no_color: bool) -> Theme {
        let name = if no_color { ThemeName::Mono } else { name };
        let plain = Style::default();
        let bold = plain.add_modifier(Modifier::BOLD);
        match name {
            ThemeName::Mono => Theme {
                name,
                text: plain,
                dim: plain,
                title: bold,
                heading: bold.add_modifier(Modifier::UNDERLINED),
                accent: bold,
                selected: plain.add_modifier(Modifier::REVERSED),
                bar: bold,
                matched: plain.add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
                flash: plain.add_modifier(Modifier::REVERSED),
                note: bold,
                status: plain.add_modifier(Modifier::REVERSED),
                error: bold,
                cooperation: plain,
                conflict: bold,
                mixed: plain.add_modifier(Modifier::UNDERLINED),
                border: plain,
                quote: plain.add_modifier(Modifier::ITALIC),
            },
            ThemeName::Dark | ThemeName::Light => {
                let dark = name == ThemeName::Dark;
                let fg = |d: Color, l: Color| plain.fg(if dark { d } else { l });
                Theme {
                    name,
                    text: plain,
                    dim: fg(Color::DarkGray, Color::Gray),
                    title: fg(Color::White, Color::Black).add_modifier(Modifier::BOLD),
                    heading: fg(Color::LightCyan, Color::Blue).add_modifier(Modifier::BOLD),
                    accent: fg(Color::LightYellow, Color::Magenta).add_modifier(Modifier::BOLD),
                    selected: plain.bg(if dark {
                        Color::Rgb(45, 50, 65)
                    } else {
                        Color::Rgb(215, 225, 245)
                    }),
                    bar: fg(Color::LightYellow, Color::Magenta),
                    matched: fg(Color::LightYellow, Color::Red).add_modifier(Modifier::BOLD),
                    flash: plain.bg(if dark {
                        Color::Rgb(90, 75, 20)
                    } else {
                        Color::Rgb(255, 240, 170)
                    }),
                    note: fg(Color::LightMagenta, Color::Magenta),
                    status: plain.bg(if dark {
                        Color::Rgb(30, 34, 44)
                    } else {
                        Color::Rgb(225, 228, 235)
                    }),
                    error: fg(Color::LightRed, Color::Red).add_modifier(Modifier::BOLD),
                    cooperation: fg(Color::LightGreen, Color::Green),
                    conflict: fg(Color::LightRed, Color::Red),
                    mixed: fg(Color::Yellow, Color::Rgb(160, 110, 0)),
                    border: fg(Color::DarkGray, Color::Gray),
                    quote: fg(Color::Gray, Color::DarkGray).add_modifier(Modifier::ITALIC),
                }
            }
        }
    }

    pub fn stance(&self, s: Stance) -> Style {
        match s {
            Stance::Cooperation => self.cooperation,
            Stance::Conflict => self.conflict,
            Stance::Mixed => self.mixed,
        }
    }

    /// A style for a tone (-10..+10): conflict below -1, cooperation above +1.
    pub fn tone(&self, tone: f64) -> Style {
        if tone > 1.0 {
            self.cooperation
        } else if tone < -1.0 {
            self.conflict
        } else {
            self.mixed
        }
    }

    pub fn is_mono(&self) -> bool {
        self.name == ThemeName::Mono
    }
}
