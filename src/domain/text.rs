//! Which characters typed text may hold. PostgreSQL refuses U+0000 in text, and no other
//! control character means anything in a name, a filter or a code; multi-line text (notes,
//! narratives) keeps its line breaks and tabs. Every parser of typed text asks here, and so
//! does the check of every query string and JSON body (`routes::input`).

use crate::error::Message;

/// Whether `c` may stand in one-line text: names, filters, codes, query parameters.
pub fn allowed_in_line(c: char) -> bool {
    !c.is_control()
}

/// Whether `c` may stand in multi-line text: one-line text plus line breaks and tabs.
pub fn allowed_in_block(c: char) -> bool {
    allowed_in_line(c) || matches!(c, '\n' | '\r' | '\t')
}

/// One-line text without control characters.
pub fn check_line(value: &str) -> Result<(), Message> {
    check(value, allowed_in_line)
}

/// Multi-line text without control characters other than line breaks and tabs.
pub fn check_block(value: &str) -> Result<(), Message> {
    check(value, allowed_in_block)
}

fn check(value: &str, allowed: fn(char) -> bool) -> Result<(), Message> {
    if value.chars().all(allowed) {
        Ok(())
    } else {
        Err(Message::new("validation-control-characters"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nul_and_escape_are_refused_everywhere() {
        for bad in ["a\0b", "\u{1b}[31m", "x\u{7f}", "\u{85}"] {
            assert!(check_line(bad).is_err(), "{bad:?}");
            assert!(check_block(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn line_breaks_and_tabs_only_in_blocks() {
        assert!(check_block("Минск\r\n\tДетали").is_ok());
        assert!(check_line("Минск\nДетали").is_err());
        assert!(check_line("Tijuana, Baja California").is_ok());
    }
}
