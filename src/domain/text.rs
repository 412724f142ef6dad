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

/// Whether `c` overrides or isolates the direction of the text around it (U+202A–U+202E,
/// U+2066–U+2069, the marks U+200E, U+200F and U+061C): in a name it makes `evil.exe` of
/// `exe.live` on the screen, so the public form refuses it.
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}'
    )
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
    fn bidi_overrides_and_marks_are_bidi_controls_and_letters_are_not() {
        for c in [
            '\u{202E}', '\u{202A}', '\u{2066}', '\u{2069}', '\u{200F}', '\u{061C}',
        ] {
            assert!(is_bidi_control(c), "{c:?}");
        }
        assert!("Щербакова María ع".chars().all(|c| !is_bidi_control(c)));
    }

    #[test]
    fn line_breaks_and_tabs_only_in_blocks() {
        assert!(check_block("Минск\r\n\tДетали").is_ok());
        assert!(check_line("Минск\nДетали").is_err());
        assert!(check_line("Tijuana, Baja California").is_ok());
    }
}
