//! Fictional names for demo data: East Slavic names in Cyrillic with the Latin spellings they
//! arrive in (passport ICAO first, then BGN/PCGN, Ukrainian national, German/Polish and
//! scholarly forms), and Spanish, Central African, Horn of Africa and West African names.
//!
//! Every combination is invented; any likeness to a real person is a coincidence of common
//! names.

/// A given name: the native spelling (empty for Latin-script cultures) and its Latin
/// spellings, the passport's first.
pub struct Given {
    pub native: &'static str,
    pub latin: &'static [&'static str],
}

/// A family name with its masculine and feminine forms (the same where the language has one).
pub struct Family {
    pub native: &'static str,
    pub latin: &'static [&'static str],
    pub native_f: &'static str,
    pub latin_f: &'static [&'static str],
}

/// A patronymic (East Slavic middle name) in its masculine and feminine forms.
pub struct Patronymic {
    pub native: &'static str,
    pub latin: &'static str,
    pub native_f: &'static str,
    pub latin_f: &'static str,
}

const fn g(native: &'static str, latin: &'static [&'static str]) -> Given {
    Given { native, latin }
}

/// A family name with one form for both sexes.
const fn same(native: &'static str, latin: &'static [&'static str]) -> Family {
    Family {
        native,
        latin,
        native_f: native,
        latin_f: latin,
    }
}

const fn two(
    native: &'static str,
    latin: &'static [&'static str],
    native_f: &'static str,
    latin_f: &'static [&'static str],
) -> Family {
    Family {
        native,
        latin,
        native_f,
        latin_f,
    }
}

const fn p(
    native: &'static str,
    latin: &'static str,
    native_f: &'static str,
    latin_f: &'static str,
) -> Patronymic {
    Patronymic {
        native,
        latin,
        native_f,
        latin_f,
    }
}

/// The names of one culture.
pub struct NameSet {
    pub male: &'static [Given],
    pub female: &'static [Given],
    pub family: &'static [Family],
    pub patronymics: &'static [Patronymic],
    /// Spanish naming: two family names (paternal, maternal).
    pub two_family_names: bool,
}

pub const RUSSIAN: NameSet = NameSet {
    male: &[
        g("Евгений", &["Evgenii", "Yevgeniy", "Evgeny", "Evgeniy"]),
        g("Александр", &["Aleksandr", "Alexander", "Alexandr"]),
        g("Дмитрий", &["Dmitrii", "Dmitriy", "Dmitry"]),
        g("Сергей", &["Sergei", "Sergey", "Serguei"]),
        g("Алексей", &["Aleksei", "Alexey", "Aleksey"]),
        g("Андрей", &["Andrei", "Andrey"]),
        g("Михаил", &["Mikhail", "Michail", "Michael"]),
        g("Иван", &["Ivan"]),
        g("Николай", &["Nikolai", "Nikolay"]),
        g("Павел", &["Pavel", "Paul"]),
        g("Максим", &["Maksim", "Maxim"]),
        g("Артём", &["Artem", "Artyom", "Artiom"]),
        g("Юрий", &["Iurii", "Yuriy", "Yury", "Jurij"]),
        g("Илья", &["Ilia", "Ilya", "Il'ya"]),
        g("Кирилл", &["Kirill", "Kiril"]),
        g("Григорий", &["Grigorii", "Grigoriy", "Grigory"]),
        g("Владимир", &["Vladimir"]),
        g("Олег", &["Oleg"]),
        g("Игорь", &["Igor", "Igor'"]),
        g("Виталий", &["Vitalii", "Vitaliy", "Vitaly"]),
        g("Фёдор", &["Fedor", "Fyodor", "Fiodor"]),
        g("Вячеслав", &["Viacheslav", "Vyacheslav"]),
    ],
    female: &[
        g("Юлия", &["Iuliia", "Yulia", "Julia", "Yuliya"]),
        g("Екатерина", &["Ekaterina", "Yekaterina", "Katerina"]),
        g("Анна", &["Anna"]),
        g("Мария", &["Mariia", "Mariya", "Maria"]),
        g("Наталья", &["Natalia", "Natalya", "Natal'ia"]),
        g("Ольга", &["Olga", "Ol'ga"]),
        g("Татьяна", &["Tatiana", "Tatyana", "Tat'iana"]),
        g("Елена", &["Elena", "Yelena"]),
        g("Ксения", &["Kseniia", "Kseniya", "Xenia"]),
        g("Дарья", &["Daria", "Darya", "Dar'ia"]),
        g("Светлана", &["Svetlana"]),
        g("Ирина", &["Irina"]),
        g("Анастасия", &["Anastasiia", "Anastasiya", "Anastasia"]),
        g("Алёна", &["Alena", "Alyona", "Aliona"]),
        g("Марина", &["Marina"]),
        g("Евгения", &["Evgeniia", "Yevgeniya", "Eugenia"]),
    ],
    family: &[
        two(
            "Щербаков",
            &["Shcherbakov", "Ščerbakov", "Shherbakov"],
            "Щербакова",
            &["Shcherbakova", "Ščerbakova"],
        ),
        two(
            "Кузнецов",
            &["Kuznetsov", "Kuznecov", "Kusnezow"],
            "Кузнецова",
            &["Kuznetsova", "Kuznecova"],
        ),
        two(
            "Смирнов",
            &["Smirnov", "Smirnow"],
            "Смирнова",
            &["Smirnova"],
        ),
        two("Соколов", &["Sokolov"], "Соколова", &["Sokolova"]),
        two("Попов", &["Popov", "Popow"], "Попова", &["Popova"]),
        two("Волков", &["Volkov"], "Волкова", &["Volkova"]),
        two("Морозов", &["Morozov"], "Морозова", &["Morozova"]),
        two(
            "Фёдоров",
            &["Fedorov", "Fyodorov", "Fiodorov"],
            "Фёдорова",
            &["Fedorova", "Fyodorova"],
        ),
        two(
            "Журавлёв",
            &["Zhuravlev", "Zhuravlyov", "Žuravlev"],
            "Журавлёва",
            &["Zhuravleva", "Zhuravlyova"],
        ),
        two("Орлов", &["Orlov"], "Орлова", &["Orlova"]),
        two(
            "Чернышёв",
            &["Chernyshev", "Chernyshyov", "Černyšev"],
            "Чернышёва",
            &["Chernysheva", "Černyševa"],
        ),
        two("Лебедев", &["Lebedev"], "Лебедева", &["Lebedeva"]),
        two("Козлов", &["Kozlov"], "Козлова", &["Kozlova"]),
        two("Новиков", &["Novikov"], "Новикова", &["Novikova"]),
        two(
            "Ёлкин",
            &["Elkin", "Yolkin"],
            "Ёлкина",
            &["Elkina", "Yolkina"],
        ),
        two(
            "Хабибуллин",
            &["Khabibullin", "Habibullin"],
            "Хабибуллина",
            &["Khabibullina", "Habibullina"],
        ),
        two(
            "Зайцев",
            &["Zaitsev", "Zaytsev", "Zajcev"],
            "Зайцева",
            &["Zaitseva", "Zaytseva"],
        ),
        two(
            "Гончаров",
            &["Goncharov", "Gončarov"],
            "Гончарова",
            &["Goncharova"],
        ),
        two("Белов", &["Belov"], "Белова", &["Belova"]),
        two(
            "Ковалёв",
            &["Kovalev", "Kovalyov", "Kovaliov"],
            "Ковалёва",
            &["Kovaleva", "Kovalyova"],
        ),
        two(
            "Тихонов",
            &["Tikhonov", "Tichonov"],
            "Тихонова",
            &["Tikhonova"],
        ),
        two(
            "Яковлев",
            &["Iakovlev", "Yakovlev", "Jakowlew"],
            "Яковлева",
            &["Iakovleva", "Yakovleva"],
        ),
        same("Шевчук", &["Shevchuk", "Ševčuk"]),
        two(
            "Григорьев",
            &["Grigorev", "Grigoryev", "Grigor'ev"],
            "Григорьева",
            &["Grigoreva", "Grigoryeva"],
        ),
    ],
    patronymics: &[
        p(
            "Александрович",
            "Aleksandrovich",
            "Александровна",
            "Aleksandrovna",
        ),
        p("Сергеевич", "Sergeevich", "Сергеевна", "Sergeevna"),
        p("Дмитриевич", "Dmitrievich", "Дмитриевна", "Dmitrievna"),
        p("Иванович", "Ivanovich", "Ивановна", "Ivanovna"),
        p("Николаевич", "Nikolaevich", "Николаевна", "Nikolaevna"),
        p("Андреевич", "Andreevich", "Андреевна", "Andreevna"),
        p(
            "Владимирович",
            "Vladimirovich",
            "Владимировна",
            "Vladimirovna",
        ),
        p("Михайлович", "Mikhailovich", "Михайловна", "Mikhailovna"),
        p("Юрьевич", "Iurevich", "Юрьевна", "Iurevna"),
        p("Викторович", "Viktorovich", "Викторовна", "Viktorovna"),
        p("Евгеньевич", "Evgenevich", "Евгеньевна", "Evgenevna"),
    ],
    two_family_names: false,
};

pub const UKRAINIAN: NameSet = NameSet {
    male: &[
        g("Олександр", &["Oleksandr", "Oleksander", "Aleksandr"]),
        g("Дмитро", &["Dmytro", "Dmitro", "Dmitriy"]),
        g("Сергій", &["Serhii", "Serhiy", "Sergiy", "Sergey"]),
        g("Андрій", &["Andrii", "Andriy", "Andrey"]),
        g("Олексій", &["Oleksii", "Oleksiy", "Aleksey"]),
        g("Микола", &["Mykola", "Nikolay"]),
        g("Володимир", &["Volodymyr", "Vladimir"]),
        g("Юрій", &["Yurii", "Yuriy", "Iurii"]),
        g("Віталій", &["Vitalii", "Vitaliy"]),
        g("Богдан", &["Bohdan", "Bogdan"]),
        g("Тарас", &["Taras"]),
        g("Іван", &["Ivan"]),
        g("Максим", &["Maksym", "Maxim"]),
        g("Петро", &["Petro", "Petr"]),
        g("Василь", &["Vasyl", "Vasiliy"]),
        g("Євген", &["Yevhen", "Ievgen", "Evgeniy"]),
    ],
    female: &[
        g("Олена", &["Olena", "Elena"]),
        g("Оксана", &["Oksana"]),
        g("Наталія", &["Nataliia", "Natalia", "Natalya"]),
        g("Юлія", &["Yuliia", "Iuliia", "Yulia"]),
        g("Ірина", &["Iryna", "Irina"]),
        g("Тетяна", &["Tetiana", "Tetyana", "Tatiana"]),
        g("Ганна", &["Hanna", "Ganna", "Anna"]),
        g("Катерина", &["Kateryna", "Ekaterina"]),
        g("Марія", &["Mariia", "Maria"]),
        g("Людмила", &["Liudmyla", "Lyudmyla", "Ludmila"]),
        g("Софія", &["Sofiia", "Sofia"]),
        g("Вікторія", &["Viktoriia", "Viktoria", "Victoria"]),
    ],
    family: &[
        same("Шевченко", &["Shevchenko", "Schewtschenko"]),
        same("Коваленко", &["Kovalenko"]),
        same("Бондаренко", &["Bondarenko"]),
        same("Ткаченко", &["Tkachenko", "Tkačenko"]),
        same("Кравченко", &["Kravchenko"]),
        same("Олійник", &["Oliinyk", "Oliynyk", "Oleynik"]),
        same("Мельник", &["Melnyk", "Melnik"]),
        same("Ковальчук", &["Kovalchuk", "Koval'chuk"]),
        same("Гончаренко", &["Honcharenko", "Goncharenko"]),
        same("Поліщук", &["Polishchuk", "Polishuk"]),
        same("Савчук", &["Savchuk"]),
        same("Литвиненко", &["Lytvynenko", "Litvinenko"]),
        same("Марченко", &["Marchenko"]),
        same("Руденко", &["Rudenko"]),
        same("Петренко", &["Petrenko"]),
        same("Гнатюк", &["Hnatiuk", "Hnatyuk", "Gnatyuk"]),
        two(
            "Ковальський",
            &["Kovalskyi", "Kovalsky"],
            "Ковальська",
            &["Kovalska"],
        ),
    ],
    patronymics: &[
        p(
            "Олександрович",
            "Oleksandrovych",
            "Олександрівна",
            "Oleksandrivna",
        ),
        p("Іванович", "Ivanovych", "Іванівна", "Ivanivna"),
        p("Миколайович", "Mykolaiovych", "Миколаївна", "Mykolaivna"),
        p("Петрович", "Petrovych", "Петрівна", "Petrivna"),
        p("Васильович", "Vasylovych", "Василівна", "Vasylivna"),
        p("Сергійович", "Serhiiovych", "Сергіївна", "Serhiivna"),
    ],
    two_family_names: false,
};

pub const BELARUSIAN: NameSet = NameSet {
    male: &[
        g("Аляксандр", &["Aliaksandr", "Alyaksandr", "Aleksandr"]),
        g("Сяргей", &["Siarhei", "Syarhey", "Sergei"]),
        g("Дзмітрый", &["Dzmitry", "Dzmitryi", "Dmitry"]),
        g("Андрэй", &["Andrei", "Andrey"]),
        g("Павел", &["Pavel"]),
        g("Уладзімір", &["Uladzimir", "Vladimir"]),
        g("Мікалай", &["Mikalai", "Nikolai"]),
        g("Віктар", &["Viktar", "Viktor"]),
        g("Ігар", &["Ihar", "Igor"]),
        g("Юрый", &["Yury", "Iury", "Yuri"]),
    ],
    female: &[
        g("Вольга", &["Volha", "Olga"]),
        g("Святлана", &["Sviatlana", "Svyatlana", "Svetlana"]),
        g("Наталля", &["Natallia", "Natalya"]),
        g("Алена", &["Alena", "Alyona"]),
        g("Таццяна", &["Tatsiana", "Tatsyana", "Tatiana"]),
        g("Вікторыя", &["Viktoryia", "Viktoriya"]),
        g("Марыя", &["Maryia", "Maria"]),
        g("Ірына", &["Iryna", "Irina"]),
    ],
    family: &[
        same("Лукашэвіч", &["Lukashevich", "Lukaševič"]),
        same("Навумчык", &["Navumchyk", "Naumchik"]),
        same("Жук", &["Zhuk", "Žuk"]),
        two(
            "Шыманскі",
            &["Shymanski", "Szymański"],
            "Шыманская",
            &["Shymanskaya", "Shymanskaia"],
        ),
        two("Казлоў", &["Kazlou", "Kozlov"], "Казлова", &["Kazlova"]),
        two(
            "Мельнікаў",
            &["Melnikau", "Melnikov"],
            "Мельнікава",
            &["Melnikava"],
        ),
        two(
            "Раманаў",
            &["Ramanau", "Romanov"],
            "Раманава",
            &["Ramanava", "Romanova"],
        ),
        same("Бабарыка", &["Babaryka", "Babariko"]),
        same("Карпенка", &["Karpenka", "Karpenko"]),
        same("Шчэрба", &["Shcherba", "Ščerba"]),
    ],
    patronymics: &[
        p(
            "Аляксандравіч",
            "Aliaksandravich",
            "Аляксандраўна",
            "Aliaksandrauna",
        ),
        p("Сяргеевіч", "Siarheevich", "Сяргееўна", "Siarheeuna"),
        p("Іванавіч", "Ivanavich", "Іванаўна", "Ivanauna"),
        p("Мікалаевіч", "Mikalaevich", "Мікалаеўна", "Mikalaeuna"),
    ],
    two_family_names: false,
};

pub const SPANISH: NameSet = NameSet {
    male: &[
        g("", &["José", "Jose"]),
        g("", &["Luis"]),
        g("", &["Carlos"]),
        g("", &["Juan"]),
        g("", &["Jorge"]),
        g("", &["Miguel Ángel", "Miguel Angel"]),
        g("", &["Andrés", "Andres"]),
        g("", &["Óscar", "Oscar"]),
        g("", &["Yohandry"]),
        g("", &["Wilmer"]),
    ],
    female: &[
        g("", &["María José", "Maria Jose"]),
        g("", &["Ana"]),
        g("", &["Gabriela"]),
        g("", &["Daniela"]),
        g("", &["Valentina"]),
        g("", &["Camila"]),
        g("", &["Yusleidy"]),
        g("", &["Mayelín", "Mayelin"]),
    ],
    family: &[
        same("", &["González", "Gonzalez"]),
        same("", &["Rodríguez", "Rodriguez"]),
        same("", &["Hernández", "Hernandez"]),
        same("", &["Martínez", "Martinez"]),
        same("", &["López", "Lopez"]),
        same("", &["García", "Garcia"]),
        same("", &["Ramírez", "Ramirez"]),
        same("", &["Castillo"]),
        same("", &["Morales"]),
        same("", &["Ortega"]),
        same("", &["Vargas"]),
        same("", &["Rojas"]),
        same("", &["Peña", "Pena"]),
    ],
    patronymics: &[],
    two_family_names: true,
};

/// Anglophone and francophone Cameroon.
pub const CAMEROONIAN: NameSet = NameSet {
    male: &[
        g("", &["Emmanuel"]),
        g("", &["Divine"]),
        g("", &["Ebenezer"]),
        g("", &["Godlove"]),
        g("", &["Jean-Claude", "Jean Claude"]),
    ],
    female: &[
        g("", &["Blessing"]),
        g("", &["Clarisse"]),
        g("", &["Mirabel"]),
        g("", &["Gladys"]),
    ],
    family: &[
        same("", &["Ngwa"]),
        same("", &["Tabi"]),
        same("", &["Nkwenti", "Nkwente"]),
        same("", &["Fomba"]),
        same("", &["Achu"]),
        same("", &["Nfor"]),
    ],
    patronymics: &[],
    two_family_names: false,
};

/// Eritrea: the "family name" is the father's given name, spelled several ways in Latin.
pub const ERITREAN: NameSet = NameSet {
    male: &[
        g("ዮናስ", &["Yonas", "Yonatan"]),
        g("ዳዊት", &["Dawit", "Dawitt"]),
        g("ተስፋይ", &["Tesfay", "Tesfai"]),
        g("ሳሙኤል", &["Samuel", "Samiel"]),
    ],
    female: &[
        g("ሰምሃር", &["Semhar"]),
        g("ምሕረት", &["Mehret", "Meheret"]),
        g("ሰላም", &["Selam", "Salam"]),
    ],
    family: &[
        same("ገብረመድህን", &["Gebremedhin", "Ghebremedhin", "Gebre Medhin"]),
        same("ተስፋማርያም", &["Tesfamariam", "Tesfamaryam"]),
        same("ሃይለ", &["Haile", "Hayle"]),
        same("ኪዳነ", &["Kidane"]),
        same("ተኽለ", &["Tekle", "Tekleh"]),
    ],
    patronymics: &[],
    two_family_names: false,
};

pub const GUINEAN: NameSet = NameSet {
    male: &[
        g("", &["Mamadou"]),
        g("", &["Alpha Oumar", "Alpha Umar"]),
        g("", &["Ibrahima"]),
        g("", &["Thierno"]),
    ],
    female: &[
        g("", &["Fatoumata", "Fatimatou"]),
        g("", &["Aïssatou", "Aissatou"]),
        g("", &["Mariama"]),
        g("", &["Kadiatou"]),
    ],
    family: &[
        same("", &["Diallo", "Jallow"]),
        same("", &["Barry", "Bari"]),
        same("", &["Bah", "Ba"]),
        same("", &["Sow"]),
        same("", &["Camara", "Kamara"]),
    ],
    patronymics: &[],
    two_family_names: false,
};

pub const CONGOLESE: NameSet = NameSet {
    male: &[
        g("", &["Jean-Pierre", "Jean Pierre"]),
        g("", &["Patrick"]),
        g("", &["Christian"]),
        g("", &["Dieudonné", "Dieudonne"]),
    ],
    female: &[
        g("", &["Grâce", "Grace"]),
        g("", &["Aimée", "Aimee"]),
        g("", &["Chantal"]),
        g("", &["Nadine"]),
    ],
    family: &[
        same("", &["Mukendi"]),
        same("", &["Tshibanda", "Chibanda"]),
        same("", &["Ilunga"]),
        same("", &["Mbuyi", "Mbuyi-Kalala"]),
        same("", &["Kasongo"]),
    ],
    patronymics: &[],
    two_family_names: false,
};

/// The office's demo staff: (display name, e-mail local part).
pub const DEMO_LAWYERS: [(&str, &str); 4] = [
    ("Rachel Okafor", "rachel.okafor"),
    ("Daniel Weiss", "daniel.weiss"),
    ("Marina Sokolova", "marina.sokolova"),
    ("Tomás Herrera", "tomas.herrera"),
];
pub const DEMO_PARALEGALS: [(&str, &str); 6] = [
    ("Olha Petrenko", "olha.petrenko"),
    ("Kevin Tran", "kevin.tran"),
    ("Alina Nurieva", "alina.nurieva"),
    ("Luis Ortega", "luis.ortega"),
    ("Sveta Ivanova", "sveta.ivanova"),
    ("Priya Raman", "priya.raman"),
];
pub const DEMO_ADMIN: (&str, &str) = ("Office Manager", "office.manager");
/// A reserved domain (RFC 2606): no mail can reach a real person.
pub const DEMO_EMAIL_DOMAIN: &str = "demo-office.example";
