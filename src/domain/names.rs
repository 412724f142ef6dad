//! Name matching across scripts and spellings, for the search box and the conflict check.
//!
//! Clients' names reach the office in Cyrillic (Russian, Ukrainian, Belarusian) and in several
//! Latin spellings of the same Cyrillic (passport ICAO, BGN/PCGN, Ukrainian national, German,
//! Polish, scholarly). Each name token gets a few keys:
//!
//! - `exact`: lower-case, NFC, one apostrophe — the token as written;
//! - `translit`: a fixed Cyrillic→Latin transliteration, diacritics folded (š→sh) and spelling
//!   variants folded into one form (shch/sch/shh/šč, kh/h, ts/tz, x→ks, w→v, j/y/i as one letter,
//!   ye/ie→e, doubled letters once), so that Юлия, Yulia, Iuliia and Julia share one key. Where
//!   Cyrillic reads two ways, a second reading is kept (`translit_alt`): г is g in Russian and h
//!   in Ukrainian and Belarusian, and ё is written yo or e (Ёлкин = Yolkin = Elkin);
//! - `skeleton`: a looser key — first vowel, consonant classes, final vowel — for names that
//!   differ by a vowel or a hissing sound (Kovaliov ~ Kovalev, Sherbakov ~ Shcherbakov);
//! - `canonical`: the dictionary name for common East Slavic given names, linking Ukrainian,
//!   Russian, Belarusian and established English forms and unambiguous diminutives
//!   (Олександр ≈ Александр ≈ Alexander, Dmytro ≈ Dmitry ≈ Dima).
//!
//! Keys contain only `a`–`z` (the skeleton also `-`), so they can be used in SQL `LIKE`
//! patterns without escaping. To search, store [`search_keys`] of each person's names in an
//! index table, look candidates up with `key IN (keys(token).index_keys())` and, while the user
//! types, `key LIKE 't:' || reading || '%'` for each of the token's translit readings; then rank
//! the candidates with [`NameKeys::compare`]. The conflict check should ignore
//! [`MatchStrength::Prefix`].

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// How well a query token matches a candidate token, best first: `Exact < Transliteration`, so
/// the strongest of several matches is their `min()`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MatchStrength {
    /// The same spelling, ignoring case and Unicode normalization.
    Exact,
    /// Two spellings of the same written name (Юлия = Iuliia = Julia).
    Transliteration,
    /// The same given name in another language or as a diminutive (Олександр ≈ Alexander).
    Equivalent,
    /// Spelled alike after folding vowels and similar consonants (Goncharenko ~ Honcharenko).
    Similar,
    /// The query begins the candidate, for partial names while typing (Shch… → Shcherbakov).
    Prefix,
}

/// The comparison keys of one name token; see the module documentation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameKeys {
    pub exact: String,
    pub translit: String,
    /// The other reading of an ambiguous spelling (г as h; ё as e), when it differs.
    pub translit_alt: Option<String>,
    /// `None` when the token is too short for a loose comparison to mean anything.
    pub skeleton: Option<String>,
    /// The dictionary name, for common East Slavic given names.
    pub canonical: Option<&'static str>,
}

impl NameKeys {
    /// The token's transliterations: the main one, then the alternative reading if any.
    pub fn readings(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.translit.as_str())
            .chain(self.translit_alt.as_deref())
            .filter(|r| !r.is_empty())
    }

    /// The index-table keys of this token: `t:` transliterations, `s:` skeleton, `c:` canonical.
    pub fn index_keys(&self) -> Vec<String> {
        let mut keys: Vec<String> = self.readings().map(|r| format!("t:{r}")).collect();
        if let Some(skeleton) = &self.skeleton {
            keys.push(format!("s:{skeleton}"));
        }
        if let Some(canonical) = self.canonical {
            keys.push(format!("c:{canonical}"));
        }
        keys
    }

    /// How well `self` (the query token) matches `candidate`; allocation-free, for ranking
    /// many candidates against one query.
    pub fn compare(&self, candidate: &NameKeys) -> Option<MatchStrength> {
        if self.exact.is_empty() || candidate.exact.is_empty() {
            return None;
        }
        if self.exact == candidate.exact {
            return Some(MatchStrength::Exact);
        }
        if self
            .readings()
            .any(|q| candidate.readings().any(|c| q == c))
        {
            return Some(MatchStrength::Transliteration);
        }
        match (self.canonical, candidate.canonical) {
            (Some(q), Some(c)) if q == c => return Some(MatchStrength::Equivalent),
            // Two different known names (Oleg, Olga) are never merely similar.
            (Some(_), Some(_)) => {}
            _ => {
                if self.skeleton.is_some() && self.skeleton == candidate.skeleton {
                    return Some(MatchStrength::Similar);
                }
            }
        }
        let typed = self.exact.chars().filter(|c| c.is_alphanumeric()).count();
        if typed >= 2
            && self.readings().any(|q| {
                q.len() >= 2
                    && candidate
                        .readings()
                        .any(|c| c.len() > q.len() && c.starts_with(q))
            })
        {
            return Some(MatchStrength::Prefix);
        }
        None
    }
}

/// The words of a full name: split on spaces, hyphens and other punctuation. An apostrophe
/// inside a word belongs to it (Мар'яна, O'Brien, Natal'ya): splitting there would make
/// fragments such as "яна" that match other names.
pub fn tokens(full_name: &str) -> Vec<String> {
    let text = nfc(full_name);
    let mut words = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        if is_apostrophe(c) {
            if !word.is_empty() {
                word.push(c);
            }
        } else if c.is_alphanumeric() || is_combining_mark(c) {
            word.push(c);
        } else {
            finish_word(&mut word, &mut words);
        }
    }
    finish_word(&mut word, &mut words);
    words
}

fn finish_word(word: &mut String, words: &mut Vec<String>) {
    let trimmed = word.trim_end_matches(is_apostrophe);
    if !trimmed.is_empty() {
        words.push(trimmed.to_string());
    }
    word.clear();
}

/// The comparison keys of one token (a word from [`tokens`]).
pub fn keys(token: &str) -> NameKeys {
    let exact = exact_form(token);
    let (translit, translit_alt) = transliterations(&exact);
    let skeleton = skeleton(&translit);
    let canonical = DICTIONARY
        .get(translit.as_str())
        .or_else(|| translit_alt.as_deref().and_then(|alt| DICTIONARY.get(alt)))
        .copied();
    NameKeys {
        exact,
        translit,
        translit_alt,
        skeleton,
        canonical,
    }
}

/// The keys of tokens already seen: ranking a page of candidates meets the same given and
/// family names again and again, and working out a token's keys (normalization,
/// transliteration, skeleton) costs far more than looking them up.
#[derive(Debug, Default)]
pub struct KeyCache(HashMap<String, NameKeys>);

impl KeyCache {
    /// [`keys`] of `token`, worked out once per cache.
    pub fn keys(&mut self, token: String) -> NameKeys {
        self.0.entry(token).or_insert_with_key(|t| keys(t)).clone()
    }
}

/// How well one query token matches one candidate token. To rank many candidates, compute the
/// query's [`keys`] once and use [`NameKeys::compare`].
pub fn compare(query_token: &str, candidate_token: &str) -> Option<MatchStrength> {
    keys(query_token).compare(&keys(candidate_token))
}

/// The distinct keys to store in an index table for a person's name, sorted: each token's
/// transliterations (`t:`), skeleton (`s:`) and dictionary name (`c:`).
pub fn search_keys(full_name: &str) -> Vec<String> {
    let mut all: Vec<String> = tokens(full_name)
        .iter()
        .flat_map(|token| keys(token).index_keys())
        .collect();
    all.sort_unstable();
    all.dedup();
    all
}

fn nfc(text: &str) -> Cow<'_, str> {
    if is_nfc_quick(text.chars()) == IsNormalized::Yes {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.nfc().collect())
    }
}

/// The apostrophes and primes found in names: ASCII, typographic, the Ukrainian modifier letter
/// apostrophe, and the primes some transliterations write for ь and ъ.
fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2019}'
            | '\u{2018}'
            | '\u{02BC}'
            | '\u{02BB}'
            | '\u{02B9}'
            | '\u{02BA}'
            | '`'
            | '\u{00B4}'
            | '\u{2032}'
    )
}

fn exact_form(token: &str) -> String {
    nfc(token.trim())
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| if is_apostrophe(c) { '\'' } else { c })
        .collect()
}

/// How ambiguous letters are read in one pass of [`transliterate`].
#[derive(Clone, Copy)]
struct Reading {
    /// Cyrillic г as h (Ukrainian, Belarusian) rather than g (Russian).
    g_as_h: bool,
    /// The alternative reading of ё (e), ë (yo) and Latin "yo" (e).
    alternative_yo: bool,
}

/// The token's transliteration and, when the spelling reads two ways, the other reading.
fn transliterations(lower: &str) -> (String, Option<String>) {
    // Which East Slavic languages the Cyrillic letters allow: г is g only in Russian.
    let (mut not_russian, mut not_ukrainian, mut not_belarusian) = (false, false, false);
    let mut has_g = false;
    for c in lower.chars() {
        match c {
            'г' => has_g = true,
            'і' => not_russian = true,
            'ї' | 'є' | 'ґ' => (not_russian, not_belarusian) = (true, true),
            'ў' => (not_russian, not_ukrainian) = (true, true),
            'ы' | 'э' | 'ё' => not_ukrainian = true,
            'и' | 'щ' => not_belarusian = true,
            'ъ' => (not_ukrainian, not_belarusian) = (true, true),
            _ => {}
        }
    }
    let h_possible = !(not_ukrainian && not_belarusian);
    let g_ambiguous = has_g && !not_russian && h_possible;
    let g_as_h = not_russian && h_possible;
    let (primary, yo_ambiguous) = transliterate(
        lower,
        Reading {
            g_as_h,
            alternative_yo: false,
        },
    );
    if !g_ambiguous && !yo_ambiguous {
        return (primary, None);
    }
    let (alt, _) = transliterate(
        lower,
        Reading {
            g_as_h: g_as_h || g_ambiguous,
            alternative_yo: true,
        },
    );
    let alt = (alt != primary).then_some(alt);
    (primary, alt)
}

/// Transliterates a lower-case token into the key alphabet (`a`–`z`). Returns whether a
/// letter with two readings (ё, ë, Latin "yo") was met.
///
/// First every character becomes either a final sequence, written upper-case (Cyrillic, and
/// Latin letters with diacritics), or plain lower-case Latin, which the spelling rules then read
/// in context: Cyrillic "сх" stays s+kh, while Latin "sh" is ш.
fn transliterate(lower: &str, reading: Reading) -> (String, bool) {
    let mut ambiguous = false;
    let mut units: Vec<u8> = Vec::with_capacity(lower.len() + 8);
    let mut chars = lower.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii() {
            if c.is_ascii_alphabetic() {
                units.push(c.to_ascii_lowercase() as u8);
            }
            continue;
        }
        let fixed: &str = match c {
            'а' | 'ә' | 'ə' => "A",
            'б' => "B",
            'в' => "V",
            'г' => {
                if reading.g_as_h {
                    "KH"
                } else {
                    "G"
                }
            }
            'ґ' | 'ғ' | 'ğ' => "G",
            'д' => "D",
            'е' | 'э' => "E",
            'є' => "IE",
            'ё' => {
                ambiguous = true;
                if reading.alternative_yo { "E" } else { "IO" }
            }
            // In Slavic romanizations ë is ё; in French and Dutch names (Noël) it is e.
            'ë' => {
                ambiguous = true;
                if reading.alternative_yo { "IO" } else { "E" }
            }
            'ж' | 'ž' | 'ż' => "ZH",
            'з' | 'ź' => "Z",
            'и' | 'й' | 'і' | 'ї' | 'ы' | 'ӣ' | 'ı' => "I",
            'к' | 'қ' => "K",
            'л' | 'ł' => "L",
            'м' => "M",
            'н' | 'ң' => "N",
            'о' | 'ө' => "O",
            'п' => "P",
            'р' => "R",
            'с' | 'ś' => "S",
            'т' => "T",
            'у' | 'ў' | 'ŭ' | 'ү' | 'ұ' | 'ӯ' => "U",
            'ф' => "F",
            'х' | 'һ' | 'ҳ' => "KH",
            'ц' | 'ț' | 'ţ' => "TS",
            'ч' | 'č' | 'ć' => "CH",
            'ш' | 'š' | 'ş' => "SH",
            'щ' | 'ŝ' => "SHCH",
            'ҷ' => "DZH",
            'ъ' => "",
            // ьо is "io" (Ковальов = Kovaliov); elsewhere the soft sign is not written.
            'ь' => {
                if chars.peek() == Some(&'о') {
                    "I"
                } else {
                    ""
                }
            }
            'ю' => "IU",
            'я' => "IA",
            other => {
                // Other scripts and accented Latin: the closest ASCII, read as Latin.
                if let Some(ascii) = deunicode::deunicode_char(other) {
                    units.extend(
                        ascii
                            .bytes()
                            .filter(u8::is_ascii_alphabetic)
                            .map(|b| b.to_ascii_lowercase()),
                    );
                }
                continue;
            }
        };
        units.extend_from_slice(fixed.as_bytes());
    }

    let mut key = KeyBuilder(Vec::with_capacity(units.len() + 4));
    let mut i = 0;
    while i < units.len() {
        let rest = &units[i..];
        let b = rest[0];
        if b.is_ascii_uppercase() {
            key.push(b.to_ascii_lowercase());
            i += 1;
            continue;
        }
        let (out, used): (&[u8], usize) = match rest {
            [b's', b'c', b'h', b't', b's', b'c', b'h', ..] => (b"shch", 7),
            [b's', b'h', b't', b'c', b'h', ..] => (b"shch", 5),
            [b's', b'z', b'c', b'z', ..] => (b"shch", 4),
            [b's', b'h', b'c', b'h', ..] => (b"shch", 4),
            [b's', b'h', b'h', ..] | [b's', b'c', b'h', ..] => (b"shch", 3),
            [b't', b's', b'c', b'h', ..] => (b"ch", 4),
            [b't', b'c', b'h', ..] => (b"ch", 3),
            [b'c', b'h' | b'z', ..] => (b"ch", 2),
            [b'c', b'k', ..] => (b"k", 2),
            [b'c', b'e' | b'i' | b'y', ..] => (b"s", 1),
            [b'c', ..] | [b'q', ..] => (b"k", 1),
            [b's', b'h' | b'z', ..] => (b"sh", 2),
            [b'z', b'h', ..] => (b"zh", 2),
            // Ukrainian romanization writes зг as "zgh" so that it is not read as ж.
            [b'z', b'g', b'h', ..] => (b"zkh", 3),
            [b'k', b'h', ..] => (b"kh", 2),
            [b'p', b'h', ..] => (b"f", 2),
            [b't', b'h', ..] => (b"t", 2),
            [b't', b's' | b'z', ..] => (b"ts", 2),
            [b'h', ..] => (b"kh", 1),
            [b'x', ..] => (b"ks", 1),
            [b'w', ..] => (b"v", 1),
            [b'y' | b'j', b'o', ..] => {
                // Yo at the start or after a consonant spells ё, which is also written e
                // (Pyotr = Petr, Kovalyov = Kovalev); after a vowel it is a real y (Mayorov).
                let after_consonant = i == 0 || !is_vowel_unit(units[i - 1]);
                if b == b'y' && after_consonant {
                    ambiguous = true;
                    if reading.alternative_yo {
                        (b"e", 2)
                    } else {
                        (b"i", 1)
                    }
                } else {
                    (b"i", 1)
                }
            }
            [b'y' | b'j', ..] => (b"i", 1),
            _ => (&rest[..1], 1),
        };
        for &o in out {
            key.push(o);
        }
        i += used;
    }
    // Only ASCII letters were pushed, so the conversion cannot fail.
    (String::from_utf8(key.0).unwrap_or_default(), ambiguous)
}

fn is_vowel_unit(b: u8) -> bool {
    matches!(
        b.to_ascii_lowercase(),
        b'a' | b'e' | b'i' | b'o' | b'u' | b'y'
    )
}

/// Appends key letters, folding what spellings disagree on: doubled letters (Habibullin),
/// runs of the i/y/j letter (Iuliia) and the y of "ye" (Yevgeniy, Grigoryev, Andreyev).
struct KeyBuilder(Vec<u8>);

impl KeyBuilder {
    fn push(&mut self, b: u8) {
        let last = self.0.last().copied();
        if last == Some(b) {
            return;
        }
        if b == b'e' && last == Some(b'i') {
            self.0.pop();
            if self.0.last() == Some(&b'e') {
                return;
            }
        }
        self.0.push(b);
    }
}

/// First vowel, consonant classes, final vowel: "o-gncrnk-o" for Goncharenko and Honcharenko.
/// Hissing sounds fold together (sh, shch, s), as do g, h and kh, z and zh. `None` below three
/// consonant classes, where it would equate different short names (Oleg, Olga).
fn skeleton(translit: &str) -> Option<String> {
    const VOWELS: &[u8] = b"aeiou";
    let b = translit.as_bytes();
    let mut first_vowel = None;
    let mut final_vowel = None;
    let mut consonants: Vec<u8> = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let (class, used) = match &b[i..] {
            [b's', b'h', b'c', b'h', ..] => (b's', 4),
            [b's', b'h', ..] => (b's', 2),
            [b'c', b'h', ..] => (b'c', 2),
            [b'z', b'h', ..] => (b'z', 2),
            [b'k', b'h', ..] => (b'g', 2),
            [b't', b's', ..] => (b'x', 2),
            [b'g', ..] => (b'g', 1),
            [v, rest @ ..] if VOWELS.contains(v) => {
                // An i before another vowel is the y glide of ю, я, ё (Iulia, Iolkin).
                let glide = *v == b'i' && rest.first().is_some_and(|n| VOWELS.contains(n));
                if first_vowel.is_none() && !glide {
                    first_vowel = Some(*v);
                }
                if rest.is_empty() {
                    final_vowel = Some(*v);
                }
                i += 1;
                continue;
            }
            [c, ..] => (*c, 1),
            [] => break,
        };
        if consonants.last() != Some(&class) {
            consonants.push(class);
        }
        i += used;
    }
    if consonants.len() < 3 {
        return None;
    }
    let mut skeleton = String::with_capacity(consonants.len() + 4);
    skeleton.push(first_vowel.map_or('-', char::from));
    skeleton.push('-');
    skeleton.extend(consonants.iter().map(|&c| char::from(c)));
    skeleton.push('-');
    if let Some(v) = final_vowel {
        skeleton.push(char::from(v));
    }
    Some(skeleton)
}

/// Transliteration → dictionary name, built once from [`GIVEN_NAMES`].
static DICTIONARY: LazyLock<HashMap<String, &'static str>> = LazyLock::new(|| {
    let mut map = HashMap::new();
    for &(name, forms) in GIVEN_NAMES {
        for form in forms {
            let (primary, alt) = transliterations(&exact_form(form));
            map.entry(primary).or_insert(name);
            if let Some(alt) = alt {
                map.entry(alt).or_insert(name);
            }
        }
    }
    map
});

/// Common East Slavic given names: Russian, Ukrainian and Belarusian forms, the Latin
/// spellings that transliteration alone does not join, established English forms, and
/// diminutives that belong to one name only. Left out on purpose: English forms that are
/// different names in practice (Ivan/John, Maria/Mary, Yuri/George); Andrew, whose key is that
/// of the surname Андреев (Andrejew); diminutives shared by two names (Sasha, Zhenya, Valya,
/// Slava, Vitya, Alex); Дарина, a name of its own; and Belarusian Алена (= Елена), whose Latin
/// "Alena" is also Russian Алёна. Forms must not collide: a test checks that each reaches its
/// own name.
#[rustfmt::skip]
const GIVEN_NAMES: &[(&str, &[&str])] = &[
    // Men
    ("aleksandr", &["Александр", "Олександр", "Аляксандр", "Alexander", "Aleksander"]),
    ("aleksei", &["Алексей", "Олексій", "Аляксей", "Alexei", "Oleksii", "Aliaksei", "Лёша",
        "Алёша"]),
    ("anatoli", &["Анатолий", "Анатолій", "Анатоль", "Anatoly", "Толя"]),
    ("andrei", &["Андрей", "Андрій", "Андрэй", "Andrei", "Andrii"]),
    ("artem", &["Артём", "Артем", "Арцём", "Artyom", "Artsiom", "Artsem"]),
    ("bogdan", &["Богдан", "Багдан", "Bohdan", "Bogdan"]),
    ("daniil", &["Даниил", "Данило", "Данііл", "Данила", "Daniil", "Danylo", "Daniel"]),
    ("denis", &["Денис", "Дзяніс", "Denys", "Dzianis"]),
    ("dmitri", &["Дмитрий", "Дмитро", "Дзмітрый", "Dmitry", "Dmytro", "Dzmitry", "Dimitri",
        "Дима"]),
    ("evgeni", &["Евгений", "Євген", "Яўген", "Yevgeny", "Yevhen", "Yauhen", "Eugene"]),
    ("fedor", &["Фёдор", "Федор", "Федір", "Фёдар", "Fyodor", "Fedir", "Федя"]),
    ("georgi", &["Георгий", "Георгій", "Heorhii", "Georgy", "George"]),
    ("grigori", &["Григорий", "Григорій", "Рыгор", "Hryhorii", "Grigory", "Ryhor", "Gregory",
        "Гриша"]),
    ("igor", &["Игорь", "Ігор", "Ігар", "Igor", "Ihor", "Ihar"]),
    ("ilia", &["Илья", "Ілля", "Ілья", "Ilya", "Illia"]),
    ("ivan", &["Иван", "Іван", "Ivan", "Ваня"]),
    ("kirill", &["Кирилл", "Кирило", "Кірыл", "Kirill", "Kyrylo", "Kiryl"]),
    ("konstantin", &["Константин", "Костянтин", "Канстанцін", "Konstantin", "Kostiantyn",
        "Kanstantsin", "Constantine", "Костя"]),
    ("leonid", &["Леонид", "Леонід", "Леанід", "Leonid", "Leanid"]),
    ("maksim", &["Максим", "Максім", "Maksim", "Maksym", "Maxim", "Max"]),
    ("mikhail", &["Михаил", "Михайло", "Міхаіл", "Mikhail", "Mykhailo", "Michael", "Michail",
        "Миша"]),
    ("nikolai", &["Николай", "Микола", "Мікалай", "Nikolai", "Mykola", "Mikalai", "Nicholas",
        "Коля"]),
    ("oleg", &["Олег", "Алег", "Oleg", "Oleh", "Aleh"]),
    ("pavel", &["Павел", "Павло", "Pavel", "Pavlo", "Paul", "Паша"]),
    ("petr", &["Пётр", "Петро", "Пятро", "Pyotr", "Petro", "Piatro", "Peter", "Петя"]),
    ("roman", &["Роман", "Raman", "Раман"]),
    ("semen", &["Семён", "Семен", "Сямён", "Semyon", "Siamion"]),
    ("sergei", &["Сергей", "Сергій", "Сяргей", "Sergey", "Serhii", "Siarhei", "Серёжа"]),
    ("taras", &["Тарас"]),
    ("timofei", &["Тимофей", "Тимофій", "Цімафей", "Timofey", "Tymofii", "Tsimafei"]),
    ("vasili", &["Василий", "Василь", "Васіль", "Vasily", "Vasyl", "Vasil", "Вася"]),
    ("viktor", &["Виктор", "Віктор", "Віктар", "Viktor", "Victor", "Viktar"]),
    ("vitali", &["Виталий", "Віталій", "Віталь", "Vitaly", "Vitalii", "Vital"]),
    ("vladimir", &["Владимир", "Володимир", "Уладзімір", "Vladimir", "Volodymyr", "Uladzimir",
        "Володя", "Вова"]),
    ("vladislav", &["Владислав", "Уладзіслаў", "Vladyslav", "Uladzislau"]),
    ("yakov", &["Яков", "Яків", "Якаў", "Yakov", "Iakiv", "Yakau"]),
    ("yuri", &["Юрий", "Юрій", "Юрый", "Yuri", "Yurii", "Yury", "Юра"]),
    // Women
    ("aleksandra", &["Александра", "Олександра", "Аляксандра", "Alexandra", "Oleksandra",
        "Aliaksandra"]),
    ("alena", &["Алёна", "Alyona"]),
    ("anastasia", &["Анастасия", "Анастасія", "Anastasia", "Anastasiia", "Настя"]),
    ("anna", &["Анна", "Ганна", "Anna", "Hanna", "Hannah", "Аня"]),
    ("daria", &["Дарья", "Дарія", "Дар'я", "Darya", "Dariia", "Даша"]),
    ("darina", &["Дарина", "Daryna"]),
    ("ekaterina", &["Екатерина", "Катерина", "Кацярына", "Yekaterina", "Kateryna", "Katsiaryna",
        "Catherine", "Katherine", "Катя"]),
    ("elena", &["Елена", "Олена", "Yelena", "Olena", "Helen", "Helena", "Лена"]),
    ("evgenia", &["Евгения", "Євгенія", "Яўгенія", "Yevgenia", "Yevheniia", "Yauheniya",
        "Eugenia"]),
    ("galina", &["Галина", "Галіна", "Galina", "Halyna", "Halina", "Галя"]),
    ("irina", &["Ирина", "Ірина", "Ірына", "Irina", "Iryna", "Ира"]),
    ("julia", &["Юлия", "Юлія", "Yulia", "Julia", "Iuliia"]),
    ("kristina", &["Кристина", "Христина", "Крысціна", "Kristina", "Khrystyna", "Krystsina",
        "Christina"]),
    ("ksenia", &["Ксения", "Ксенія", "Ksenia", "Kseniia", "Xenia"]),
    ("liubov", &["Любовь", "Любов", "Любоў", "Lyubov", "Liubov", "Lubov", "Люба"]),
    ("liudmila", &["Людмила", "Людміла", "Lyudmila", "Liudmyla", "Ludmila", "Люда"]),
    ("maria", &["Мария", "Марія", "Марыя", "Maria", "Mariia", "Maryia", "Маша"]),
    ("mariana", &["Марьяна", "Мар'яна", "Марианна", "Maryana", "Mariana"]),
    ("marina", &["Марина", "Марына", "Marina", "Maryna"]),
    ("nadezhda", &["Надежда", "Надія", "Надзея", "Nadezhda", "Nadiia", "Nadzeya", "Надя"]),
    ("natalia", &["Наталья", "Наталия", "Наталія", "Наталля", "Natalia", "Natalya", "Natalie",
        "Наташа"]),
    ("oksana", &["Оксана", "Oksana"]),
    ("olga", &["Ольга", "Вольга", "Olga", "Olha", "Volha", "Оля"]),
    ("sofia", &["София", "Софія", "Софья", "Сафія", "Sofia", "Sophia", "Соня"]),
    ("svetlana", &["Светлана", "Світлана", "Святлана", "Svetlana", "Svitlana", "Sviatlana",
        "Света"]),
    ("tatiana", &["Татьяна", "Тетяна", "Таццяна", "Tatiana", "Tetiana", "Tatsiana", "Tatyana",
        "Таня"]),
    ("vera", &["Вера", "Віра", "Vera", "Vira"]),
    ("viktoria", &["Виктория", "Вікторія", "Вікторыя", "Victoria", "Viktoria", "Viktoriia",
        "Viktoryia", "Вика"]),
];

#[cfg(test)]
mod tests {
    use super::MatchStrength::{Equivalent, Exact, Prefix, Similar, Transliteration};
    use super::*;

    /// Spellings of one name: every pair must match, in both directions, at least this well.
    #[rustfmt::skip]
    const SAME_NAME: &[(MatchStrength, &[&str])] = &[
        // The names in DOMAIN.md and the brief.
        (Transliteration, &["Евгений", "Yevgeniy", "Evgeny", "Evgenii", "Evgeniy", "Yevgeny",
            "Jewgeni"]),
        (Transliteration, &["Юлия", "Yulia", "Iuliia", "Julia", "Yuliya", "Yuliia", "Juliya",
            "Юля"]),
        (Transliteration, &["Олександр", "Oleksandr", "Olexandr"]),
        (Transliteration, &["Александр", "Aleksandr", "Alexandr"]),
        (Equivalent, &["Олександр", "Oleksandr", "Александр", "Aleksandr", "Alexander", "Alexandr",
            "Аляксандр", "Aliaksandr"]),
        (Transliteration, &["Щербаков", "Shcherbakov", "Ščerbakov", "Scherbakov", "Shherbakov",
            "Szczerbakow", "Schtscherbakow", "ЩЕРБАКОВ"]),
        (Transliteration, &["Дмитрий", "Dmitry", "Dmitriy", "Dmitrii", "Dmitrij"]),
        (Equivalent, &["Дмитрий", "Dmitry", "Dmitriy", "Dmytro", "Дмитро", "Дзмітрый", "Dzmitry",
            "Dima", "Дима"]),
        (Transliteration, &["Сергей", "Sergey", "Sergei", "Sergej"]),
        (Transliteration, &["Сергій", "Serhii", "Serhiy"]),
        (Equivalent, &["Сергей", "Sergey", "Sergei", "Serhii", "Сергій", "Сяргей", "Siarhei"]),
        (Transliteration, &["Алексей", "Aleksey", "Alexei", "Alexey", "Aleksei"]),
        (Transliteration, &["Олексій", "Oleksii", "Oleksiy"]),
        (Equivalent, &["Алексей", "Aleksey", "Alexei", "Oleksii", "Oleksiy", "Олексій",
            "Aliaksei"]),
        (Transliteration, &["Наталья", "Наталия", "Наталія", "Наталля", "Natalia", "Natalya",
            "Nataliia", "Nataliya", "Natallia"]),
        (Equivalent, &["Наталья", "Natalia", "Наталія", "Natasha", "Natalie"]),
        (Transliteration, &["Михаил", "Mikhail", "Mihail"]),
        (Equivalent, &["Михаил", "Mikhail", "Mykhailo", "Михайло", "Michael", "Misha"]),
        (Transliteration, &["Хабибуллин", "Khabibullin", "Habibullin", "Khabibulin"]),
        (Transliteration, &["Жуков", "Zhukov", "Žukov", "Zhukow"]),
        (Transliteration, &["Цой", "Tsoy", "Tsoi", "Tzoi"]),
        (Transliteration, &["Чернов", "Chernov", "Černov", "Tchernov", "Tschernow"]),
        (Transliteration, &["Ёлкин", "Елкин", "Yolkin", "Elkin"]),
        // Russian surnames: ye/e/ie, ь, ё written yo or e.
        (Transliteration, &["Андреев", "Andreev", "Andreyev", "Andreiev", "Andrejew"]),
        (Transliteration, &["Васильев", "Vasilyev", "Vasiliev", "Vasilev", "Vassiliev",
            "Wassiljew"]),
        (Transliteration, &["Григорьев", "Grigoryev", "Grigoriev", "Grigorev"]),
        (Transliteration, &["Ильин", "Ilyin", "Ilin", "Iljin"]),
        (Transliteration, &["Дьяченко", "Dyachenko", "Diachenko", "D'yachenko"]),
        (Transliteration, &["Соловьёв", "Соловьев", "Solovyov", "Solovyev", "Soloviev", "Solovev"]),
        (Transliteration, &["Королёв", "Королев", "Korolyov", "Korolev"]),
        (Similar, &["Королёв", "Korolyov", "Korolev", "Koroliov"]),
        (Transliteration, &["Пётр", "Pyotr", "Petr"]),
        (Transliteration, &["Фёдоров", "Fyodorov", "Fedorov"]),
        (Transliteration, &["Абдуллаев", "Abdullaev", "Abdullayev", "Abdulaev"]),
        (Transliteration, &["Юсупов", "Yusupov", "Iusupov", "Jusupow"]),
        (Transliteration, &["Щукин", "Shchukin", "Schukin"]),
        (Transliteration, &["Кузнецов", "Kuznetsov", "Kuznetzov"]),
        // Ukrainian surnames and forms.
        (Transliteration, &["Мар'яна", "Мар’яна", "Марʼяна", "Марьяна", "Maryana", "Mar'yana",
            "Mariana"]),
        (Transliteration, &["Згурський", "Zghurskyi"]),
        (Transliteration, &["Згурський", "Zgurskiy"]),
        (Transliteration, &["Зеленський", "Зеленский", "Zelenskyy", "Zelenskyi", "Zelensky",
            "Zelenskiy"]),
        (Transliteration, &["Гончаренко", "Honcharenko"]),
        (Transliteration, &["Гончаренко", "Goncharenko"]),
        (Similar, &["Гончаренко", "Honcharenko", "Goncharenko"]),
        (Transliteration, &["Гаврилюк", "Havryliuk", "Havrylyuk"]),
        (Transliteration, &["Гаврилюк", "Gavrilyuk", "Gavriliuk"]),
        (Similar, &["Гаврилюк", "Havryliuk", "Gavrilyuk"]),
        (Transliteration, &["Ковальчук", "Kovalchuk", "Koval'chuk"]),
        (Transliteration, &["Мельник", "Melnyk", "Melnik", "Mel'nyk"]),
        (Transliteration, &["Ющенко", "Yushchenko", "Iushchenko", "Juschtschenko"]),
        (Transliteration, &["Ковальов", "Kovaliov", "Kovalyov"]),
        (Similar, &["Ковалёв", "Ковальов", "Kovalev", "Kovaliov"]),
        (Transliteration, &["Тимошенко", "Tymoshenko", "Timoshenko"]),
        (Transliteration, &["Шевченко", "Shevchenko", "Ševčenko"]),
        (Similar, &["Шевченко", "Shevchenko", "Schewtschenko", "Sevchenko"]),
        (Similar, &["Щербаков", "Sherbakov", "Shcherbakov"]),
        (Similar, &["Зеленська", "Zelenska", "Зеленская", "Zelenskaya"]),
        // Given names: Ukrainian ≈ Russian ≈ Belarusian ≈ English, and diminutives.
        (Equivalent, &["Галина", "Галіна", "Halyna", "Galina", "Halina"]),
        (Equivalent, &["Ганна", "Анна", "Hanna", "Anna", "Аня"]),
        (Equivalent, &["Олег", "Oleh", "Oleg", "Алег", "Aleh"]),
        (Equivalent, &["Ігор", "Игорь", "Ihor", "Igor", "Ihar"]),
        (Equivalent, &["Петро", "Пётр", "Petro", "Pyotr", "Peter", "Piatro", "Petya"]),
        (Equivalent, &["Павло", "Павел", "Pavlo", "Pavel", "Paul"]),
        (Equivalent, &["Володимир", "Владимир", "Volodymyr", "Vladimir", "Uladzimir", "Vova"]),
        (Equivalent, &["Микола", "Николай", "Mykola", "Nikolai", "Nikolay", "Mikalai", "Nicholas"]),
        (Equivalent, &["Катерина", "Екатерина", "Kateryna", "Ekaterina", "Yekaterina",
            "Katsiaryna", "Catherine"]),
        (Equivalent, &["Тетяна", "Татьяна", "Tetiana", "Tatiana", "Tatyana", "Tatsiana", "Tanya"]),
        (Equivalent, &["Ольга", "Olga", "Olha", "Volha"]),
        (Equivalent, &["Ірина", "Ирина", "Iryna", "Irina"]),
        (Equivalent, &["Світлана", "Светлана", "Svitlana", "Svetlana", "Sviatlana"]),
        (Equivalent, &["Віктор", "Виктор", "Viktor", "Victor"]),
        (Equivalent, &["Вікторія", "Виктория", "Viktoriia", "Victoria", "Viktoria"]),
        (Equivalent, &["Артем", "Артём", "Artem", "Artyom", "Artsiom"]),
        (Equivalent, &["Юрій", "Юрий", "Yurii", "Yuriy", "Yury", "Iurii"]),
        (Equivalent, &["Євген", "Евгений", "Yevhen", "Yevgeny", "Eugene", "Yauhen"]),
        (Equivalent, &["Олена", "Елена", "Olena", "Yelena", "Elena", "Helen"]),
        (Equivalent, &["Марія", "Мария", "Mariia", "Maria", "Maryia", "Masha"]),
        (Equivalent, &["Анастасія", "Анастасия", "Anastasiia", "Anastasia", "Nastya"]),
        (Equivalent, &["Софія", "София", "Sofiia", "Sofia", "Sophia"]),
        (Equivalent, &["Дарія", "Дарья", "Dariia", "Darya", "Daria", "Dasha"]),
        (Equivalent, &["Григорій", "Григорий", "Hryhorii", "Grigory", "Gregory"]),
        (Equivalent, &["Василь", "Василий", "Vasyl", "Vasily", "Vasiliy"]),
        (Equivalent, &["Андрій", "Андрей", "Andrii", "Andriy", "Andrei", "Andrey"]),
        (Equivalent, &["Денис", "Denys", "Denis", "Dzianis"]),
        (Equivalent, &["Богдан", "Bohdan", "Bogdan"]),
        (Equivalent, &["Людмила", "Liudmyla", "Lyudmila", "Ludmila"]),
        (Equivalent, &["Максим", "Maksym", "Maxim", "Maksim"]),
        (Equivalent, &["Кирило", "Кирилл", "Kyrylo", "Kirill"]),
        (Equivalent, &["Федір", "Фёдор", "Fedir", "Fyodor", "Fedor"]),
    ];

    /// Names a lawyer would take for different people: no match better than Prefix either way.
    const DIFFERENT: &[(&str, &str)] = &[
        ("Petrov", "Popov"),
        ("Иванов", "Ивашов"),
        ("Ivanov", "Ivashov"),
        ("Ivanov", "Ivanova"),
        ("Yulia", "Julian"),
        ("Yulia", "Ilya"),
        ("Alexander", "Alexandra"),
        ("Aleksandr", "Aleksei"),
        ("Олександр", "Олексій"),
        ("Евгений", "Евгения"),
        ("Evgeny", "Evgenia"),
        ("Oleg", "Olga"),
        ("Irina", "Arina"),
        ("Marina", "Mariana"),
        ("Maria", "Marina"),
        ("Anna", "Yana"),
        ("Anna", "Inna"),
        ("Elena", "Alena"),
        ("Olena", "Alyona"),
        ("Ivan", "John"),
        ("Ivan", "Ian"),
        ("Ivan", "Ivanna"),
        ("Nikolai", "Nicole"),
        ("Roman", "Ramon"),
        ("Petrov", "Petrenko"),
        ("Kovalenko", "Kovalchuk"),
        ("Kravchenko", "Kravchuk"),
        ("Sergey", "Sergeev"),
        ("Dmitry", "Dmitriev"),
        ("Andrei", "Andreev"),
        ("Mikhail", "Mikhailov"),
        ("Chernov", "Chernyshov"),
        ("Zhukov", "Zhuravlev"),
        ("Shcherbakov", "Shcherbina"),
        ("Daria", "Daryna"),
        ("Stanislav", "Stanislava"),
        ("Vitaly", "Vitalina"),
        ("Habibullin", "Habibulaev"),
        ("Tsoy", "Choi"),
        ("Yolkin", "Elkind"),
        ("Sasha", "Pasha"),
        ("Oksana", "Ksenia"),
        ("Melnik", "Melnikov"),
        ("Grigoriev", "Gorelov"),
        ("Shevchenko", "Savchenko"),
        ("Tkachenko", "Tkachuk"),
        ("Bondarenko", "Bondar"),
    ];

    fn all_pairs(names: &[&'static str]) -> Vec<(&'static str, &'static str)> {
        let mut pairs = Vec::new();
        for (i, a) in names.iter().enumerate() {
            for b in &names[i + 1..] {
                pairs.push((*a, *b));
                pairs.push((*b, *a));
            }
        }
        pairs
    }

    #[test]
    fn spellings_of_one_name_match() {
        let mut failures = Vec::new();
        for &(at_least, names) in SAME_NAME {
            for (a, b) in all_pairs(names) {
                let got = compare(a, b);
                if got.is_none_or(|strength| strength > at_least) {
                    failures.push(format!("{a} ~ {b}: {got:?}, want {at_least:?} or better"));
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn different_names_do_not_match() {
        let mut failures = Vec::new();
        for &(a, b) in DIFFERENT {
            for (q, c) in [(a, b), (b, a)] {
                let got = compare(q, c);
                if got.is_some_and(|strength| strength < Prefix) {
                    failures.push(format!("{q} ~ {c}: {got:?}"));
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn strengths_are_what_they_say() {
        assert_eq!(compare("ЮЛИЯ", "юлия"), Some(Exact));
        assert_eq!(compare("Мар'яна", "Мар’яна"), Some(Exact));
        // NFD (as pasted from some systems) is the same text as NFC.
        assert_eq!(compare("Андреи\u{306}", "Андрей"), Some(Exact));
        assert_eq!(compare("Юлия", "Iuliia"), Some(Transliteration));
        assert_eq!(compare("Олег", "Oleh"), Some(Transliteration));
        assert_eq!(compare("Олександр", "Александр"), Some(Equivalent));
        assert_eq!(compare("Dima", "Dmytro"), Some(Equivalent));
        assert_eq!(compare("Goncharenko", "Honcharenko"), Some(Similar));
        assert_eq!(compare("Yulia", "Julian"), Some(Prefix));
        assert_eq!(compare("Julian", "Yulia"), None);
        assert!(Exact < Transliteration && Transliteration < Equivalent);
        assert!(Equivalent < Similar && Similar < Prefix);
        assert_eq!([Prefix, Similar, Exact].into_iter().min(), Some(Exact));
    }

    #[test]
    fn partial_names_match_as_prefix() {
        for (typed, name) in [
            ("Ale", "Aleksandr"),
            ("Alex", "Александр"),
            ("Sh", "Щербаков"),
            ("Shch", "Щербаков"),
            ("Sch", "Щербаков"),
            ("Щерб", "Shcherbakov"),
            ("Yu", "Юлия"),
            ("Iul", "Юлия"),
            ("Mik", "Mikhail"),
            ("Mih", "Михаил"),
            ("Kh", "Хабибуллин"),
            ("Hab", "Khabibullin"),
            ("Yol", "Ёлкин"),
            ("Ho", "Гончаренко"),
        ] {
            assert_eq!(compare(typed, name), Some(Prefix), "{typed} → {name}");
        }
        for (typed, name) in [
            ("Ю", "Юлия"),
            ("A", "Anna"),
            ("Shk", "Щербаков"),
            ("", "Anna"),
        ] {
            assert_eq!(compare(typed, name), None, "{typed} → {name}");
        }
    }

    #[test]
    fn nothing_matches_blank() {
        assert_eq!(compare("", ""), None);
        assert_eq!(compare("   ", "Anna"), None);
        assert_eq!(compare("Anna", "—"), None);
    }

    #[test]
    fn tokens_split_words_and_keep_apostrophes_inside() {
        let cases: &[(&str, &[&str])] = &[
            ("  Юлия   Щербакова ", &["Юлия", "Щербакова"]),
            (
                "Anna-Maria Petrova–Vodkina",
                &["Anna", "Maria", "Petrova", "Vodkina"],
            ),
            (
                "Мар'яна Мар’яна Марʼяна",
                &["Мар'яна", "Мар’яна", "Марʼяна"],
            ),
            ("O'Brien, John", &["O'Brien", "John"]),
            ("'Misha' Ivanov", &["Misha", "Ivanov"]),
            ("A.S. Pushkin", &["A", "S", "Pushkin"]),
            ("Иванов (Ivanov)", &["Иванов", "Ivanov"]),
            ("Андреи\u{306}", &["Андрей"]),
            ("Ива\u{301}нов", &["Ива\u{301}нов"]),
            ("", &[]),
            (" - ' ", &[]),
        ];
        for &(input, want) in cases {
            assert_eq!(tokens(input), want, "{input:?}");
        }
    }

    #[test]
    fn keys_are_plain_ascii_letters() {
        for &(_, names) in SAME_NAME {
            for name in names {
                let k = keys(name);
                for key in k.readings() {
                    assert!(key.bytes().all(|b| b.is_ascii_lowercase()), "{name}: {key}");
                }
                if let Some(s) = &k.skeleton {
                    assert!(
                        s.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
                        "{name}: {s}"
                    );
                }
            }
        }
    }

    #[test]
    fn keys_of_the_sample_names() {
        let k = keys(" Щербаков ");
        assert_eq!(k.exact, "щербаков");
        assert_eq!(k.translit, "shcherbakov");
        assert_eq!(k.translit_alt, None);
        assert_eq!(k.canonical, None);
        assert!(k.skeleton.is_some());

        // г is g in Russian, h in Ukrainian; a spelling that could be either keeps both.
        let k = keys("Гончаренко");
        assert_eq!(k.translit, "goncharenko");
        assert_eq!(k.translit_alt.as_deref(), Some("khoncharenko"));
        assert_eq!(keys("Григорій").translit, "khrikhori");
        assert_eq!(keys("Григорий").translit, "grigori");
        assert_eq!(keys("Ёлкин").translit_alt.as_deref(), Some("elkin"));
        assert_eq!(keys("Олександр").canonical, Some("aleksandr"));

        // Short names get no skeleton: it would equate Oleg and Olga, Irina and Arina.
        assert_eq!(keys("Oleg").skeleton, None);
        assert_eq!(keys("Irina").skeleton, None);
    }

    #[test]
    fn every_dictionary_form_reaches_its_own_name() {
        for &(name, forms) in GIVEN_NAMES {
            for form in forms {
                assert_eq!(keys(form).canonical, Some(name), "{form}");
            }
        }
    }

    #[test]
    fn surnames_are_not_given_names() {
        for surname in [
            "Андреев",
            "Andrejew",
            "Петров",
            "Павлов",
            "Иванов",
            "Максимов",
            "Романов",
            "Щербаков",
        ] {
            assert_eq!(keys(surname).canonical, None, "{surname}");
        }
    }

    #[test]
    fn search_keys_are_sorted_distinct_and_stable() {
        let keys = search_keys("Юлия Юлия Щербакова");
        assert_eq!(
            keys,
            vec![
                "c:julia".to_string(),
                "s:e-srbkv-a".to_string(),
                "t:iulia".to_string(),
                "t:shcherbakova".to_string(),
            ]
        );
        assert_eq!(search_keys("Julia Shcherbakova"), keys);
        assert_eq!(search_keys("Shcherbakova, Iuliia"), keys);
        assert!(search_keys("  ").is_empty());

        let both = search_keys("Ганна Гончаренко");
        for key in [
            "t:gana",
            "t:khana",
            "c:anna",
            "t:goncharenko",
            "t:khoncharenko",
        ] {
            assert!(both.contains(&key.to_string()), "{key} in {both:?}");
        }
    }

    #[test]
    fn the_query_side_finds_the_index_side() {
        // What the database does: equal keys, or a t: prefix while typing.
        let index = search_keys("Олександр Гончаренко");
        for query in [
            "Alexander",
            "Oleksandr",
            "Honcharenko",
            "Goncharenko",
            "Aleksandr",
        ] {
            let wanted = keys(query).index_keys();
            assert!(wanted.iter().any(|k| index.contains(k)), "{query}");
        }
        let typed = keys("Honch");
        assert!(typed.readings().any(|r| {
            let pattern = format!("t:{r}");
            index.iter().any(|k| k.starts_with(&pattern))
        }));
    }
}
