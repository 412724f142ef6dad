//! The USCIS alien registration number (A-number): nine digits, written "A-012-345-678".
//! Older numbers have eight digits and are padded with a leading zero.

use std::fmt;

use crate::error::Message;

/// An A-number: always nine digits, never all zeros. Its `Debug` hides the digits, so that a
/// value logged by mistake does not carry a client's identifier into the logs.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ANumber(String);

impl ANumber {
    /// Accepts the number as people write it: "A-012-345-678", "A012345678", "a 12 345 678",
    /// "A#12345678", "012-345-678", "12345678" (eight digits get a leading zero).
    pub fn parse(input: &str) -> Result<Self, Message> {
        let input = input.trim();
        if input.is_empty() {
            return Err(Message::new("validation-required"));
        }
        let rest = match input.strip_prefix(['A', 'a']) {
            Some(rest) => rest.strip_prefix('#').unwrap_or(rest),
            None => input,
        };
        let mut digits = String::with_capacity(9);
        for c in rest.chars() {
            if c.is_ascii_digit() {
                digits.push(c);
            } else if !is_separator(c) {
                return Err(Message::new("validation-a-number"));
            }
        }
        match digits.len() {
            8 => digits.insert(0, '0'),
            9 => {}
            count => {
                return Err(Message::new("validation-a-number-length").with("digits", count));
            }
        }
        if digits.bytes().all(|b| b == b'0') {
            return Err(Message::new("validation-a-number-zero"));
        }
        Ok(Self(digits))
    }

    /// The nine digits, as stored.
    pub fn as_digits(&self) -> &str {
        &self.0
    }
}

/// Spaces and hyphens between digit groups, including the dashes word processors substitute.
fn is_separator(c: char) -> bool {
    c == ' ' || c == '-' || matches!(c, '\u{2010}'..='\u{2015}' | '\u{00A0}' | '\u{2212}')
}

/// The search box: `Some` when the whole query is an A-number in one of the accepted forms.
/// A nine-digit query may also be a passport number; callers should search those fields too.
pub fn looks_like_a_number(query: &str) -> Option<ANumber> {
    ANumber::parse(query).ok()
}

impl fmt::Display for ANumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = &self.0;
        write!(f, "A-{}-{}-{}", &d[..3], &d[3..6], &d[6..])
    }
}

impl fmt::Debug for ANumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ANumber(…)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn digits(input: &str) -> Result<String, Message> {
        ANumber::parse(input).map(|a| a.as_digits().to_string())
    }

    #[test]
    fn accepts_the_usual_ways_of_writing_it() {
        for input in [
            "A-012-345-678",
            "A012345678",
            "a 12 345 678",
            "12345678",
            "012-345-678",
            "012345678",
            "  A 012 345 678  ",
            "A#012345678",
            "a#12-345-678",
            "A–012–345–678",
            "A-12345678",
        ] {
            assert_eq!(digits(input), Ok("012345678".to_string()), "{input:?}");
        }
        assert_eq!(digits("A-212-345-678"), Ok("212345678".to_string()));
    }

    #[test]
    fn displays_in_the_uscis_form() {
        let a = ANumber::parse("a 12 345 678").map(|a| a.to_string());
        assert_eq!(a, Ok("A-012-345-678".to_string()));
        let a = ANumber::parse("987654321").map(|a| a.to_string());
        assert_eq!(a, Ok("A-987-654-321".to_string()));
    }

    #[test]
    fn refuses_wrong_lengths() {
        for (input, count) in [
            ("1234567", 7),
            ("A-1234-567", 7),
            ("0123456789", 10),
            ("A-0123-456-789", 10),
            ("A", 0),
            ("A-", 0),
            ("--", 0),
        ] {
            assert_eq!(
                ANumber::parse(input),
                Err(Message::new("validation-a-number-length").with("digits", count)),
                "{input:?}"
            );
        }
    }

    #[test]
    fn refuses_other_letters_and_signs() {
        for input in [
            "B012345678",
            "AA012345678",
            "012345678A",
            "A-012-345-67O",
            "IOE0912345678",
            "A.012.345.678",
            "A/012345678",
            "#012345678",
            "A 012 345 678 (old)",
            "０１２３４５６７８",
        ] {
            assert_eq!(
                ANumber::parse(input),
                Err(Message::new("validation-a-number")),
                "{input:?}"
            );
        }
    }

    #[test]
    fn refuses_blank_and_all_zeros() {
        assert_eq!(
            ANumber::parse("   "),
            Err(Message::new("validation-required"))
        );
        for input in ["000000000", "A-000-000-000", "00000000"] {
            assert_eq!(
                ANumber::parse(input),
                Err(Message::new("validation-a-number-zero")),
                "{input:?}"
            );
        }
    }

    #[test]
    fn debug_hides_the_digits() {
        let a = ANumber::parse("A-012-345-678").map(|a| format!("{a:?}"));
        assert_eq!(a, Ok("ANumber(…)".to_string()));
    }

    #[test]
    fn the_search_box_recognizes_a_numbers_only() {
        for query in ["A-012-345-678", "a012345678", "12345678", "012 345 678"] {
            assert_eq!(
                looks_like_a_number(query).map(|a| a.to_string()),
                Some("A-012-345-678".to_string()),
                "{query:?}"
            );
        }
        for query in [
            "Anna",
            "Ivanov 12345678",
            "1234",
            "+1 212 555 0123",
            "A-000-000-000",
            "",
        ] {
            assert!(looks_like_a_number(query).is_none(), "{query:?}");
        }
    }
}
