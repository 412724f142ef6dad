//! Persecution and arrest histories for demo data, by country: what happened, who acted,
//! charges, outcome and the evidence that exists. Fictional composites of widely reported
//! patterns (protest arrests, "discrediting the army" charges, searches, detention, threats
//! to family); no real case is described.

use refuge::domain::codes::Persecutor;

/// (year, month, day)
pub(super) type Ymd = (i32, u32, u32);

/// A kind of persecution event; `{city}` is the client's home city, `{him}` the client.
pub(super) struct Template {
    /// Earliest and latest date (y, m, d); the latest is bounded by the departure anyway.
    pub window: (Option<Ymd>, Option<Ymd>),
    /// Happens to the family after the client left.
    pub after_departure: bool,
    pub actor: Persecutor,
    pub place: &'static str,
    pub description: &'static str,
    pub detention: Option<(i32, i32)>,
    pub charges: &'static str,
    pub outcome: &'static str,
    pub evidence: &'static [&'static str],
}

const FAMILY_THREAT: Template = Template {
    window: (None, None),
    after_departure: true,
    actor: Persecutor::Police,
    place: "{city}",
    description: "Police visited the client's mother twice asking where the client is and when the client will come back",
    detention: None,
    charges: "",
    outcome: "Mother warned that the client is wanted",
    evidence: &[
        "Messages from the mother (screenshots)",
        "Voice message from the mother",
    ],
};

pub(super) const BANK_MANAGER_EVENT: Template = Template {
    window: (None, None),
    after_departure: false,
    actor: Persecutor::Police,
    place: "{city}, district police department",
    description: "Arrested after filing a complaint about police mistreatment of a bank customer; questioned without a lawyer",
    detention: Some((2, 10)),
    charges: "Art. 319 Criminal Code (insulting a public official)",
    outcome: "Released on an undertaking not to leave; case pending",
    evidence: &["Copy of the complaint and the detention record"],
};

pub(super) const RESTAURANT_MANAGER_EVENT: Template = Template {
    window: (Some((2021, 1, 23)), Some((2021, 2, 2))),
    after_departure: false,
    actor: Persecutor::Police,
    place: "{city}, rally for a jailed opposition leader",
    description: "Detained for three days after a rally for a jailed opposition leader; a criminal case followed under a new law",
    detention: Some((3, 3)),
    charges: "Art. 207.3 Criminal Code ('fakes' about the army), up to 15 years",
    outcome: "Released; charged in absentia after leaving",
    evidence: &["Court summons; news report naming the detainees"],
};

pub(super) const ENGINEER_EVENT: Template = Template {
    window: (None, None),
    after_departure: false,
    actor: Persecutor::Military,
    place: "{city}, machine-building plant",
    description: "Ordered by the occupation administration to keep the plant working for the military; threatened with arrest for refusing",
    detention: None,
    charges: "Threatened with 'sabotage' charges",
    outcome: "Left with his wife and four children the following month",
    evidence: &["Order of the plant administration (photo); messages from colleagues"],
};

pub(super) const RUSSIA_EVENTS: &[Template] = &[
    Template {
        window: (Some((2022, 2, 24)), Some((2022, 2, 24))),
        after_departure: false,
        actor: Persecutor::Police,
        place: "{city}, anti-war protest in the city centre",
        description: "Detained at an anti-war protest on the day of the invasion; held overnight at the police station",
        detention: Some((1, 2)),
        charges: "Art. 20.2 part 5 Code of Administrative Offences (unauthorised public event)",
        outcome: "Fined 20,000 roubles by the district court",
        evidence: &[
            "Video of the arrest; court ruling",
            "Police report; list of detainees published by a rights group",
        ],
    },
    Template {
        window: (Some((2022, 9, 21)), Some((2022, 10, 5))),
        after_departure: false,
        actor: Persecutor::Police,
        place: "{city}, protest against the mobilisation",
        description: "Detained at a protest against the mobilisation; mobilisation summons handed out at the police station",
        detention: Some((2, 15)),
        charges: "Art. 20.2 part 8 Code of Administrative Offences (repeated violation)",
        outcome: "Administrative arrest served",
        evidence: &["Court ruling; summons (photo)"],
    },
    Template {
        window: (Some((2022, 3, 4)), None),
        after_departure: false,
        actor: Persecutor::Police,
        place: "{city}, district court",
        description: "Charged with 'discrediting the army' for an anti-war post on social media",
        detention: None,
        charges: "Art. 20.3.3 Code of Administrative Offences ('discrediting' the armed forces)",
        outcome: "Fined 50,000 roubles; a second charge would be criminal (Art. 280.3 Criminal Code)",
        evidence: &["Court ruling; screenshot of the post", "Court ruling"],
    },
    Template {
        window: (Some((2022, 3, 4)), None),
        after_departure: false,
        actor: Persecutor::SecurityService,
        place: "{city}, the client's apartment",
        description: "Apartment searched at 6 a.m. by investigators and FSB officers; laptops and phones seized",
        detention: Some((0, 2)),
        charges: "Witness, then suspect, in a case under Art. 207.3 Criminal Code ('fakes' about the army)",
        outcome: "Released on an undertaking not to leave; left Russia within a week",
        evidence: &["Search protocol (copy); letter from the defence lawyer"],
    },
    Template {
        window: (None, None),
        after_departure: false,
        actor: Persecutor::Police,
        place: "{city}, police station",
        description: "Beaten by officers at the police station after refusing to unlock the phone",
        detention: Some((1, 3)),
        charges: "",
        outcome: "Released without charge",
        evidence: &[
            "Medical report from the trauma centre; photos of bruises",
            "Medical report",
        ],
    },
    Template {
        window: (None, None),
        after_departure: false,
        actor: Persecutor::Police,
        place: "{city}, Center for Combating Extremism",
        description: "Summoned to the anti-extremism police for a 'preventive conversation' about donations to an organisation declared extremist",
        detention: None,
        charges: "Threatened with Art. 282.3 Criminal Code (financing extremist activity)",
        outcome: "Left Russia before the next summons",
        evidence: &["Summons (photo)", "Bank statement showing the donations"],
    },
    Template {
        window: (Some((2022, 9, 21)), None),
        after_departure: false,
        actor: Persecutor::Military,
        place: "{city}, military enlistment office",
        description: "Mobilisation summons delivered to the workplace; the enlistment office threatened criminal liability for not reporting",
        detention: None,
        charges: "Threatened with Art. 328 Criminal Code (evasion of military service)",
        outcome: "Left the country before the reporting date",
        evidence: &["Summons (photo)"],
    },
    Template {
        window: (None, None),
        after_departure: false,
        actor: Persecutor::SecurityService,
        place: "{city}, the client's home",
        description: "Home searched in a raid on a Jehovah's Witnesses congregation; religious literature seized",
        detention: Some((1, 2)),
        charges: "Art. 282.2 Criminal Code (organising the activity of an extremist organisation)",
        outcome: "Criminal case opened; travel ban imposed",
        evidence: &["Search protocol; indictment"],
    },
    Template {
        window: (None, None),
        after_departure: false,
        actor: Persecutor::NonStateActor,
        place: "{city}",
        description: "Attacked by a group after a dating-app set-up; police refused to register the complaint and mocked {him}",
        detention: None,
        charges: "",
        outcome: "No investigation",
        evidence: &["Medical report; refusal to open a case"],
    },
    Template {
        window: (None, None),
        after_departure: false,
        actor: Persecutor::SecurityService,
        place: "{city}, airport",
        description: "Stopped at the airport by FSB officers and questioned for six hours about independent reporting",
        detention: Some((0, 0)),
        charges: "",
        outcome: "Declared a 'foreign agent' two months later",
        evidence: &[
            "Ministry of Justice register entry",
            "Articles published by the client",
        ],
    },
    FAMILY_THREAT,
];

pub(super) const DONBAS_EVENTS: &[Template] = &[
    Template {
        window: (Some((2014, 6, 1)), None),
        after_departure: false,
        actor: Persecutor::Military,
        place: "{city}, checkpoint; basement of an occupied building",
        description: "Detained at a checkpoint by armed men; held in a basement and beaten during interrogations",
        detention: Some((5, 45)),
        charges: "Accused of 'spying for Ukraine'",
        outcome: "Released after relatives paid; ordered to report weekly",
        evidence: &[
            "Photos of injuries; statement of a fellow detainee",
            "Medical report from a clinic in Zaporizhzhia",
        ],
    },
    Template {
        window: (Some((2022, 2, 19)), None),
        after_departure: false,
        actor: Persecutor::Military,
        place: "{city}, the client's workplace",
        description: "Forcible mobilisation raid by occupation forces at the workplace; colleagues taken to the front",
        detention: None,
        charges: "",
        outcome: "Hid for three weeks, then left",
        evidence: &["Messages from colleagues"],
    },
    Template {
        window: (Some((2022, 3, 1)), None),
        after_departure: false,
        actor: Persecutor::SecurityService,
        place: "Russian border, 'filtration' point",
        description: "'Filtration' by FSB officers: phone searched, fingerprinted and questioned for eight hours",
        detention: Some((0, 1)),
        charges: "",
        outcome: "Let through after deleting photos",
        evidence: &["None kept"],
    },
    Template {
        window: (Some((2022, 2, 24)), None),
        after_departure: false,
        actor: Persecutor::Military,
        place: "{city}, the family's house",
        description: "Soldiers occupied the house and threatened the family at gunpoint",
        detention: None,
        charges: "",
        outcome: "Family left the house the next day",
        evidence: &["Photos of the house; neighbours' statements"],
    },
    FAMILY_THREAT,
];

pub(super) const BELARUS_EVENTS: &[Template] = &[
    Template {
        window: (Some((2020, 8, 9)), Some((2020, 8, 12))),
        after_departure: false,
        actor: Persecutor::Police,
        place: "Minsk, Okrestina detention centre",
        description: "Detained after the protest against the election results; held at Okrestina and beaten",
        detention: Some((3, 15)),
        charges: "Art. 24.23 Code of Administrative Offences (violation of the procedure for mass events)",
        outcome: "Administrative arrest served",
        evidence: &[
            "Medical report; photos",
            "Entry in a rights group's list of political detainees",
        ],
    },
    Template {
        window: (Some((2020, 9, 1)), None),
        after_departure: false,
        actor: Persecutor::SecurityService,
        place: "{city}, the client's apartment",
        description: "KGB searched the apartment over donations to a solidarity fund",
        detention: Some((0, 3)),
        charges: "Art. 361-4 Criminal Code (facilitating extremist activity)",
        outcome: "Left for Lithuania before the trial",
        evidence: &["Search protocol"],
    },
    Template {
        window: (Some((2021, 1, 1)), None),
        after_departure: false,
        actor: Persecutor::Police,
        place: "{city}, GUBOPiK office",
        description: "Called in after {him} appeared in a leaked list of protest-chat members; forced to record a 'repentance video'",
        detention: Some((0, 1)),
        charges: "",
        outcome: "Video published by a pro-government channel",
        evidence: &["Link to the video"],
    },
    Template {
        window: (None, None),
        after_departure: true,
        actor: Persecutor::SecurityService,
        place: "{city}",
        description: "Relatives questioned by the KGB about the client's whereabouts",
        detention: None,
        charges: "",
        outcome: "Relatives told the client is on a wanted list",
        evidence: &["Messages from relatives"],
    },
];

pub(super) const VENEZUELA_EVENTS: &[Template] = &[
    Template {
        window: (None, None),
        after_departure: false,
        actor: Persecutor::SecurityService,
        place: "{city}; El Helicoide",
        description: "Arrested by SEBIN agents after organising a protest",
        detention: Some((3, 60)),
        charges: "'Incitement to hatred' (Ley contra el Odio)",
        outcome: "Released with a reporting order",
        evidence: &["Court summons; photos"],
    },
    Template {
        window: (None, None),
        after_departure: false,
        actor: Persecutor::NonStateActor,
        place: "{city}, the family's house",
        description: "Armed colectivos shot at the house and threatened to kill the family",
        detention: None,
        charges: "",
        outcome: "Police refused to take a complaint",
        evidence: &["Photos of bullet holes"],
    },
];

pub(super) const NICARAGUA_EVENTS: &[Template] = &[
    Template {
        window: (Some((2018, 4, 18)), None),
        after_departure: false,
        actor: Persecutor::Police,
        place: "Managua, El Chipote",
        description: "Detained by police after the protests; interrogated and beaten",
        detention: Some((5, 90)),
        charges: "Terrorism (Law 977)",
        outcome: "Released; harassed by paramilitaries afterwards",
        evidence: &["Photos; human-rights centre record"],
    },
    Template {
        window: (None, None),
        after_departure: false,
        actor: Persecutor::NonStateActor,
        place: "{city}, the family's house",
        description: "Paramilitaries painted 'golpista' on the house and threatened the family",
        detention: None,
        charges: "",
        outcome: "Family moved to relatives",
        evidence: &["Photos of the house"],
    },
];

pub(super) const CUBA_EVENTS: &[Template] = &[Template {
    window: (Some((2021, 7, 11)), Some((2021, 7, 20))),
    after_departure: false,
    actor: Persecutor::SecurityService,
    place: "{city}",
    description: "Detained after the 11 July protests; beaten by state security",
    detention: Some((2, 30)),
    charges: "Public disorder",
    outcome: "Released awaiting trial",
    evidence: &["Video of the protest; summons"],
}];

pub(super) const GANG_EVENTS: &[Template] = &[
    Template {
        window: (None, None),
        after_departure: false,
        actor: Persecutor::NonStateActor,
        place: "{city}, the client's shop",
        description: "Extortion and death threats from a gang after refusing to pay the 'war tax'",
        detention: None,
        charges: "",
        outcome: "Police did nothing; business closed",
        evidence: &["Threatening messages; police report"],
    },
    Template {
        window: (None, None),
        after_departure: false,
        actor: Persecutor::NonStateActor,
        place: "{city}",
        description: "Gang members came to the children's school asking for the client",
        detention: None,
        charges: "",
        outcome: "Children taken out of school",
        evidence: &["Statement of the school director"],
    },
];

pub(super) const CAMEROON_EVENTS: &[Template] = &[
    Template {
        window: (Some((2017, 1, 1)), None),
        after_departure: false,
        actor: Persecutor::Military,
        place: "{city}",
        description: "Detained by soldiers during a raid on suspicion of supporting Anglophone separatists; beaten in custody",
        detention: Some((7, 90)),
        charges: "Terrorism (2014 law), before a military court",
        outcome: "Escaped during a transfer",
        evidence: &["Medical report; photos of scars"],
    },
    Template {
        window: (Some((2017, 1, 1)), None),
        after_departure: false,
        actor: Persecutor::Military,
        place: "{city}, the family's house",
        description: "Home burned during a military raid",
        detention: None,
        charges: "",
        outcome: "Family displaced",
        evidence: &["Photos; church letter"],
    },
];

pub(super) const ERITREA_EVENTS: &[Template] = &[
    Template {
        window: (None, None),
        after_departure: false,
        actor: Persecutor::Military,
        place: "Underground prison near {city}",
        description: "Held in an underground cell for deserting indefinite national service",
        detention: Some((60, 700)),
        charges: "Desertion",
        outcome: "Escaped; crossed into Sudan",
        evidence: &["Witness statement"],
    },
    Template {
        window: (None, None),
        after_departure: false,
        actor: Persecutor::SecurityService,
        place: "{city}",
        description: "Arrested when a Pentecostal prayer meeting was raided",
        detention: Some((30, 300)),
        charges: "",
        outcome: "Released on condition of renouncing the faith",
        evidence: &["Letter from the church"],
    },
];

pub(super) const GUINEA_EVENTS: &[Template] = &[Template {
    window: (None, None),
    after_departure: false,
    actor: Persecutor::Police,
    place: "Conakry, central prison",
    description: "Arrested at an opposition march",
    detention: Some((2, 120)),
    charges: "Participation in an unauthorised gathering",
    outcome: "Released after the family paid",
    evidence: &["Medical certificate; party membership card"],
}];

pub(super) const CONGO_EVENTS: &[Template] = &[Template {
    window: (None, None),
    after_departure: false,
    actor: Persecutor::SecurityService,
    place: "{city}",
    description: "Threatened and beaten by intelligence agents after reporting election irregularities",
    detention: Some((1, 20)),
    charges: "",
    outcome: "Went into hiding",
    evidence: &["Medical report; election observer accreditation"],
}];
