//! Page numbers and page sizes as asked for in a URL, bounded so that no request can ask
//! for an offset past what a 64-bit integer holds (`page=9223372036854775807` once became a
//! negative `OFFSET`). Every paged list and every `limit` parameter takes these types.

use serde::{Deserialize, Deserializer};

/// A 1-based page number. Anything past [`PageNumber::MAX`] is read as `MAX`, anything below
/// 1 as 1: both mean "the last" or "the first" page, which is what the list then shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PageNumber(u32);

impl PageNumber {
    pub const FIRST: Self = Self(1);
    /// Far past any list Refuge holds, and small enough that `MAX * PageSize::MAX` fits.
    pub const MAX: Self = Self(1_000_000);

    /// The number as typed: digits (with an optional sign), saturated into range; empty is
    /// the first page. Anything else is not a page number.
    pub fn parse(input: &str) -> Result<Self, InvalidNumber> {
        clamp_typed(input, 1, u64::from(Self::MAX.0))
            .map(|n| u32::try_from(n).map_or(Self::MAX, Self))
    }

    pub fn get(self) -> i64 {
        i64::from(self.0)
    }

    /// This page, or the last of `pages` if it lies beyond (an empty list has one page).
    pub fn within(self, pages: i64) -> Self {
        let last = u32::try_from(pages.max(1)).unwrap_or(u32::MAX);
        Self(self.0.min(last))
    }

    /// The rows before this page.
    pub fn offset(self, size: PageSize) -> i64 {
        (self.get() - 1) * size.get()
    }
}

impl Default for PageNumber {
    fn default() -> Self {
        Self::FIRST
    }
}

/// How many rows one page (or one `limit`) may hold: at least 1, at most [`PageSize::MAX`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PageSize(u32);

impl PageSize {
    pub const MAX: Self = Self(1_000);

    /// `n` brought into 1..=MAX.
    pub const fn new(n: u32) -> Self {
        if n == 0 {
            Self(1)
        } else if n > Self::MAX.0 {
            Self::MAX
        } else {
            Self(n)
        }
    }

    /// A size as typed, saturated into 1..=`max` (a caller's own cap, itself at most MAX).
    pub fn parse(input: &str, max: PageSize) -> Result<Self, InvalidNumber> {
        clamp_typed(input, 1, u64::from(max.0.min(Self::MAX.0)))
            .map(|n| u32::try_from(n).map_or(Self::MAX, Self))
    }

    pub fn get(self) -> i64 {
        i64::from(self.0)
    }

    /// This size, or `cap` if smaller: a list's own limit on what a caller may ask for.
    pub fn at_most(self, cap: PageSize) -> Self {
        self.min(cap)
    }

    /// Pages needed for `total` rows (never fewer than one).
    pub fn pages(self, total: i64) -> i64 {
        ((total.max(0) + self.get() - 1) / self.get()).max(1)
    }
}

/// The text was not a whole number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InvalidNumber;

impl std::fmt::Display for InvalidNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("not a whole number")
    }
}

/// Parses an optionally signed run of digits of any length and clamps it into `min..=max`
/// (never overflowing: more digits than fit just means "very large").
fn clamp_typed(input: &str, min: u64, max: u64) -> Result<u64, InvalidNumber> {
    let input = input.trim();
    if input.is_empty() {
        return Ok(min);
    }
    let (negative, digits) = match input.as_bytes()[0] {
        b'-' => (true, &input[1..]),
        b'+' => (false, &input[1..]),
        _ => (false, input),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(InvalidNumber);
    }
    if negative {
        return Ok(min);
    }
    let value = digits.parse::<u64>().unwrap_or(u64::MAX);
    Ok(value.clamp(min, max))
}

/// Query strings carry text; JSON may carry a number. Both are read the same way.
#[derive(Deserialize)]
#[serde(untagged)]
enum Typed {
    Integer(i64),
    Unsigned(u64),
    Text(String),
}

impl Typed {
    fn into_text(self) -> String {
        match self {
            Self::Integer(n) => n.to_string(),
            Self::Unsigned(n) => n.to_string(),
            Self::Text(s) => s,
        }
    }
}

impl<'de> Deserialize<'de> for PageNumber {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = Typed::deserialize(deserializer)?.into_text();
        Self::parse(&text).map_err(|_| serde::de::Error::custom("page: not a whole number"))
    }
}

impl<'de> Deserialize<'de> for PageSize {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = Typed::deserialize(deserializer)?.into_text();
        Self::parse(&text, Self::MAX)
            .map_err(|_| serde::de::Error::custom("limit: not a whole number"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn giant_page_numbers_saturate_and_offsets_stay_positive() {
        let page = PageNumber::parse("9223372036854775807").unwrap_or_default();
        assert_eq!(page, PageNumber::MAX);
        let huge = PageNumber::parse(&"9".repeat(40)).unwrap_or_default();
        assert_eq!(huge, PageNumber::MAX);
        assert!(huge.offset(PageSize::MAX) > 0);
    }

    #[test]
    fn zero_negative_and_empty_are_the_first_page() {
        for input in ["0", "-3", "-99999999999999999999", "", " "] {
            assert_eq!(PageNumber::parse(input), Ok(PageNumber::FIRST), "{input:?}");
        }
    }

    #[test]
    fn words_are_not_page_numbers() {
        for input in ["two", "1e9", "0x10", "1.5", "-", "١٢"] {
            assert_eq!(PageNumber::parse(input), Err(InvalidNumber), "{input:?}");
        }
    }

    #[test]
    fn a_page_past_the_end_is_the_last_page() {
        let page = PageNumber::parse("40").unwrap_or_default();
        assert_eq!(page.within(3).get(), 3);
        assert_eq!(page.within(0).get(), 1);
        assert_eq!(page.within(100).get(), 40);
    }

    #[test]
    fn page_sizes_are_capped_by_the_caller() {
        let cap = PageSize::new(200);
        assert_eq!(PageSize::parse("5000", cap).map(PageSize::get), Ok(200));
        assert_eq!(PageSize::parse("0", cap).map(PageSize::get), Ok(1));
        assert_eq!(PageSize::new(u32::MAX), PageSize::MAX);
        assert_eq!(PageSize::new(50).pages(101), 3);
        assert_eq!(PageSize::new(50).pages(0), 1);
    }

    #[test]
    fn json_numbers_and_query_text_both_deserialize() {
        let from_json: PageNumber = serde_json::from_str("7").unwrap_or_default();
        assert_eq!(from_json.get(), 7);
        let from_text: PageNumber = serde_json::from_str("\"12\"").unwrap_or_default();
        assert_eq!(from_text.get(), 12);
        let negative: PageNumber = serde_json::from_str("-4").unwrap_or_default();
        assert_eq!(negative, PageNumber::FIRST);
    }
}
