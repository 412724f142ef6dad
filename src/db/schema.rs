//! Written by hand (not by `diesel print-schema`): UUID columns use the portable type, and
//! encrypted columns the `Sealed` type (TEXT in the database; see `db::sealed`).

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::uuid::PortableUuid;

    staff (id) {
        id -> PortableUuid,
        email -> Text,
        display_name -> Text,
        role -> Text,
        language -> Text,
        password_hash -> Nullable<Text>,
        active -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::uuid::PortableUuid;

    sessions (id_hash) {
        id_hash -> Text,
        staff_id -> Nullable<PortableUuid>,
        csrf_token -> Text,
        created_at -> Timestamp,
        last_seen_at -> Timestamp,
        expires_at -> Timestamp,
        second_factor_pending -> Nullable<Text>,
        user_agent -> Nullable<Text>,
        address -> Nullable<Text>,
        previous_sign_in_at -> Nullable<Timestamp>,
        previous_sign_in_address -> Nullable<Text>,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::uuid::PortableUuid;

    lock_links (token_hash) {
        token_hash -> Text,
        staff_id -> PortableUuid,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::uuid::PortableUuid;

    staff_access (staff_id) {
        staff_id -> PortableUuid,
        last_sign_in_at -> Nullable<Timestamp>,
        last_sign_in_address -> Nullable<Text>,
        locked_at -> Nullable<Timestamp>,
        locked_address -> Nullable<Text>,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::uuid::PortableUuid;

    api_tokens (id) {
        id -> PortableUuid,
        token_hash -> Text,
        staff_id -> PortableUuid,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::uuid::PortableUuid;

    account_tokens (token_hash) {
        token_hash -> Text,
        purpose -> Text,
        staff_id -> Nullable<PortableUuid>,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    login_throttle (scope, key_hash) {
        scope -> Text,
        key_hash -> Text,
        attempts -> Integer,
        counted_at -> Timestamp,
        blocked_until -> Nullable<Timestamp>,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::uuid::PortableUuid;

    audit_log (id) {
        id -> BigInt,
        occurred_at -> Timestamp,
        actor_id -> Nullable<PortableUuid>,
        action -> Text,
        target_type -> Nullable<Text>,
        target_id -> Nullable<Text>,
        address -> Nullable<Text>,
        details -> Text,
        chain_hash -> Nullable<Text>,
    }
}

diesel::table! {
    audit_chain (id) {
        id -> Integer,
        head_id -> Nullable<BigInt>,
        head_hash -> Nullable<Text>,
        sealed_through -> BigInt,
        links -> BigInt,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::uuid::PortableUuid;

    demo_records (id) {
        id -> PortableUuid,
        kind -> Text,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::uuid::PortableUuid;
    use crate::db::sealed::Sealed;

    clients (id) {
        id -> PortableUuid,
        family_name -> Text,
        given_name -> Text,
        middle_name -> Text,
        native_name -> Text,
        other_names -> Text,
        date_of_birth -> Nullable<Date>,
        sex -> Nullable<Text>,
        country_of_birth -> Nullable<Text>,
        nationalities -> Text,
        languages -> Text,
        interpreter_needed -> Bool,
        a_number -> Nullable<Sealed>,
        /// Keyed blind index of the A-number (crypto::Keyring::a_number_index).
        a_number_index -> Nullable<Text>,
        passport_numbers -> Sealed,
        passport_expiry -> Nullable<Date>,
        phone -> Sealed,
        phone_safe -> Bool,
        email -> Sealed,
        email_safe -> Bool,
        us_address -> Sealed,
        address_safe -> Bool,
        messenger -> Sealed,
        messenger_safe -> Bool,
        immigration_status -> Nullable<Text>,
        created_by -> Nullable<PortableUuid>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::uuid::PortableUuid;
    use crate::db::sealed::Sealed;

    client_entries (client_id) {
        client_id -> PortableUuid,
        last_arrival_on -> Nullable<Date>,
        port_of_entry -> Text,
        manner_of_entry -> Nullable<Text>,
        i94_number -> Sealed,
        class_of_admission -> Text,
        parole_expires_on -> Nullable<Date>,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::uuid::PortableUuid;
    use crate::db::sealed::Sealed;

    family_members (id) {
        id -> PortableUuid,
        client_id -> PortableUuid,
        position -> Integer,
        relationship -> Text,
        family_name -> Text,
        given_name -> Text,
        native_name -> Text,
        date_of_birth -> Nullable<Date>,
        marital_status -> Nullable<Text>,
        in_us -> Bool,
        derivative -> Bool,
        safe_to_contact -> Bool,
        notes -> Sealed,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::uuid::PortableUuid;
    use crate::db::sealed::Sealed;

    journey_legs (id) {
        id -> PortableUuid,
        client_id -> PortableUuid,
        position -> Integer,
        from_country -> Text,
        from_city -> Text,
        to_country -> Text,
        to_city -> Text,
        departed_on -> Nullable<Date>,
        arrived_on -> Nullable<Date>,
        mode -> Nullable<Text>,
        notes -> Sealed,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::uuid::PortableUuid;
    use crate::db::sealed::Sealed;

    persecution_events (id) {
        id -> PortableUuid,
        client_id -> PortableUuid,
        position -> Integer,
        occurred_on -> Nullable<Date>,
        place -> Sealed,
        actor -> Nullable<Text>,
        description -> Sealed,
        detention_days -> Nullable<Integer>,
        charges -> Sealed,
        outcome -> Sealed,
        evidence -> Sealed,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::uuid::PortableUuid;

    name_keys (key, person_id) {
        client_id -> PortableUuid,
        person_id -> PortableUuid,
        key -> Text,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::uuid::PortableUuid;

    /// One row per client and nationality, kept from `clients.nationalities` by triggers.
    client_nationalities (code, client_id) {
        code -> Text,
        client_id -> PortableUuid,
    }
}

diesel::table! {
    case_reference_counters (year) {
        year -> Integer,
        last_number -> Integer,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::uuid::PortableUuid;
    use crate::db::sealed::Sealed;

    cases (id) {
        id -> PortableUuid,
        reference -> Text,
        client_id -> PortableUuid,
        kind -> Nullable<Text>,
        stage -> Text,
        intake_complete -> Bool,
        lawyer_id -> Nullable<PortableUuid>,
        paralegal_id -> Nullable<PortableUuid>,
        conflict_status -> Text,
        conflict_note -> Sealed,
        conflict_checked_by -> Nullable<PortableUuid>,
        conflict_checked_at -> Nullable<Timestamp>,
        i589_filed_on -> Nullable<Date>,
        i589_received_on -> Nullable<Date>,
        one_year_exception -> Nullable<Text>,
        one_year_exception_until -> Nullable<Date>,
        ij_decision_on -> Nullable<Date>,
        granted_on -> Nullable<Date>,
        court_verified_on -> Nullable<Date>,
        closed_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        appeal_filed_on -> Nullable<Date>,
        i765_filed_on -> Nullable<Date>,
        re_parole_filed_on -> Nullable<Date>,
        i730_filed_on -> Nullable<Date>,
        i485_filed_on -> Nullable<Date>,
        source -> Text,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::uuid::PortableUuid;

    case_deadlines (case_id, kind, due_on) {
        case_id -> PortableUuid,
        kind -> Text,
        due_on -> Date,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::uuid::PortableUuid;
    use crate::db::sealed::Sealed;

    case_stage_history (id) {
        id -> BigInt,
        case_id -> PortableUuid,
        from_stage -> Nullable<Text>,
        to_stage -> Text,
        changed_at -> Timestamp,
        changed_by -> Nullable<PortableUuid>,
        note -> Sealed,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::uuid::PortableUuid;
    use crate::db::sealed::Sealed;

    case_events (id) {
        id -> PortableUuid,
        case_id -> PortableUuid,
        kind -> Text,
        scheduled_at -> Timestamp,
        place -> Text,
        official -> Text,
        outcome -> Sealed,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::uuid::PortableUuid;
    use crate::db::sealed::Sealed;

    ead_clock_stops (id) {
        id -> PortableUuid,
        case_id -> PortableUuid,
        stopped_on -> Date,
        restarted_on -> Nullable<Date>,
        reason -> Sealed,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::uuid::PortableUuid;
    use crate::db::sealed::Sealed;

    checklist_items (id) {
        id -> PortableUuid,
        case_id -> PortableUuid,
        position -> Integer,
        item -> Text,
        status -> Text,
        note -> Sealed,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::uuid::PortableUuid;
    use crate::db::sealed::Sealed;

    case_notes (id) {
        id -> PortableUuid,
        case_id -> PortableUuid,
        author_id -> Nullable<PortableUuid>,
        body -> Sealed,
        created_at -> Timestamp,
    }
}

diesel::table! {
    office_settings (key) {
        key -> Text,
        value -> Text,
    }
}

diesel::joinable!(sessions -> staff (staff_id));
diesel::joinable!(staff_access -> staff (staff_id));
diesel::joinable!(lock_links -> staff (staff_id));
diesel::joinable!(api_tokens -> staff (staff_id));
diesel::table! {
    use diesel::sql_types::*;
    use crate::db::uuid::PortableUuid;

    outbox (id) {
        id -> PortableUuid,
        recipient_id -> Nullable<PortableUuid>,
        to_address -> Text,
        case_id -> Nullable<PortableUuid>,
        kind -> Text,
        subject -> Text,
        text_body -> Text,
        html_body -> Text,
        status -> Text,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        give_up_at -> Timestamp,
        claimed_until -> Nullable<Timestamp>,
        last_error -> Text,
        created_at -> Timestamp,
        sent_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::uuid::PortableUuid;

    notifications (id) {
        id -> PortableUuid,
        recipient_id -> PortableUuid,
        case_id -> Nullable<PortableUuid>,
        kind -> Text,
        once_key -> Nullable<Text>,
        details -> Text,
        delivery -> Text,
        outbox_id -> Nullable<PortableUuid>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::uuid::PortableUuid;

    notification_preferences (staff_id, kind) {
        staff_id -> PortableUuid,
        kind -> Text,
        delivery -> Text,
    }
}

diesel::table! {
    scheduled_runs (job) {
        job -> Text,
        last_run_on -> Date,
    }
}

diesel::joinable!(audit_log -> staff (actor_id));
diesel::joinable!(client_entries -> clients (client_id));
diesel::joinable!(family_members -> clients (client_id));
diesel::joinable!(journey_legs -> clients (client_id));
diesel::joinable!(persecution_events -> clients (client_id));
diesel::joinable!(name_keys -> clients (client_id));
diesel::joinable!(client_nationalities -> clients (client_id));
diesel::joinable!(cases -> clients (client_id));
diesel::joinable!(case_deadlines -> cases (case_id));
diesel::joinable!(case_stage_history -> cases (case_id));
diesel::joinable!(case_stage_history -> staff (changed_by));
diesel::joinable!(case_events -> cases (case_id));
diesel::joinable!(ead_clock_stops -> cases (case_id));
diesel::joinable!(checklist_items -> cases (case_id));
diesel::joinable!(case_notes -> cases (case_id));
diesel::joinable!(outbox -> staff (recipient_id));
diesel::joinable!(notifications -> staff (recipient_id));

diesel::allow_tables_to_appear_in_same_query!(
    staff,
    sessions,
    staff_access,
    lock_links,
    api_tokens,
    account_tokens,
    login_throttle,
    audit_log,
    audit_chain,
    demo_records,
    clients,
    client_entries,
    family_members,
    journey_legs,
    persecution_events,
    name_keys,
    client_nationalities,
    case_reference_counters,
    cases,
    case_deadlines,
    case_stage_history,
    case_events,
    ead_clock_stops,
    checklist_items,
    case_notes,
    office_settings,
    outbox,
    notifications,
    notification_preferences,
    scheduled_runs,
);

// Issue 12 §1: forms submitted after their session ended.
diesel::table! {
    use diesel::sql_types::*;
    use crate::db::uuid::PortableUuid;
    use crate::db::sealed::Sealed;

    held_forms (id) {
        id -> PortableUuid,
        holder_hash -> Text,
        staff_id -> Nullable<PortableUuid>,
        address -> Nullable<Text>,
        page_path -> Text,
        action_path -> Text,
        fields -> Sealed,
        held_at -> Timestamp,
        expires_at -> Timestamp,
    }
}

// Issue 13: two-factor sign-in.
diesel::table! {
    use diesel::sql_types::*;
    use crate::db::uuid::PortableUuid;
    use crate::db::sealed::Sealed;

    second_factors (staff_id) {
        staff_id -> PortableUuid,
        secret -> Sealed,
        confirmed_at -> Nullable<Timestamp>,
        last_used_step -> Nullable<BigInt>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::uuid::PortableUuid;

    recovery_codes (code_hash) {
        code_hash -> Text,
        staff_id -> PortableUuid,
        created_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
    }
}

// Issue 13: the key that signs anonymous forms' CSRF tokens.
diesel::table! {
    server_secrets (name) {
        name -> Text,
        value -> Text,
        created_at -> Timestamp,
    }
}

// Issue 14: each nightly backup's outcome.
diesel::table! {
    backup_runs (id) {
        id -> BigInt,
        started_at -> Timestamp,
        finished_at -> Timestamp,
        file -> Text,
        size_bytes -> Nullable<BigInt>,
        succeeded -> Bool,
        failure -> Nullable<Text>,
    }
}

// Issue 15: inquiries from the public form.
diesel::table! {
    use diesel::sql_types::*;
    use crate::db::uuid::PortableUuid;
    use crate::db::sealed::Sealed;

    inquiries (id) {
        id -> PortableUuid,
        case_id -> PortableUuid,
        status -> Text,
        language -> Text,
        whereabouts -> Text,
        detained -> Bool,
        hearing_on -> Nullable<Date>,
        travelling_family -> Integer,
        account -> Sealed,
        submitted_from -> Nullable<Text>,
        received_at -> Timestamp,
        acted_at -> Nullable<Timestamp>,
        acted_by -> Nullable<PortableUuid>,
        decline_reason -> Sealed,
        merged_into -> Nullable<PortableUuid>,
    }
}

diesel::joinable!(inquiries -> cases (case_id));
diesel::allow_tables_to_appear_in_same_query!(inquiries, cases);
diesel::allow_tables_to_appear_in_same_query!(inquiries, clients);
diesel::allow_tables_to_appear_in_same_query!(inquiries, client_entries);

// Issue 15: a client's answers waiting for a lawyer's review.
diesel::table! {
    use diesel::sql_types::*;
    use crate::db::uuid::PortableUuid;
    use crate::db::sealed::Sealed;

    case_revisions (id) {
        id -> PortableUuid,
        case_id -> PortableUuid,
        answers -> Sealed,
        language -> Text,
        submitted_at -> Timestamp,
        status -> Text,
        reviewed_by -> Nullable<PortableUuid>,
        reviewed_at -> Nullable<Timestamp>,
        decisions -> Text,
    }
}

diesel::joinable!(case_revisions -> cases (case_id));
diesel::allow_tables_to_appear_in_same_query!(case_revisions, cases);

// Issue 15: questionnaire links a client fills in.
diesel::table! {
    use diesel::sql_types::*;
    use crate::db::uuid::PortableUuid;
    use crate::db::sealed::Sealed;

    questionnaires (id) {
        id -> PortableUuid,
        case_id -> PortableUuid,
        token_hash -> Text,
        language -> Text,
        created_by -> PortableUuid,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        revoked_at -> Nullable<Timestamp>,
        revoked_by -> Nullable<PortableUuid>,
        draft -> Sealed,
        draft_saved_at -> Nullable<Timestamp>,
        submitted_at -> Nullable<Timestamp>,
        revision_id -> Nullable<PortableUuid>,
    }
}

diesel::joinable!(questionnaires -> cases (case_id));
diesel::allow_tables_to_appear_in_same_query!(questionnaires, cases);

// Issue 16: I-589 Parts B and C of the applicant's case file.
diesel::table! {
    use diesel::sql_types::*;
    use crate::db::uuid::PortableUuid;
    use crate::db::sealed::Sealed;

    claim_answers (client_id) {
        client_id -> PortableUuid,
        grounds -> Text,
        past_harm -> Nullable<Bool>,
        past_harm_explanation -> Sealed,
        fear_of_harm -> Nullable<Bool>,
        fear_of_harm_explanation -> Sealed,
        arrested_abroad -> Nullable<Bool>,
        arrested_abroad_explanation -> Sealed,
        organizations -> Nullable<Bool>,
        organizations_explanation -> Sealed,
        continued_participation -> Nullable<Bool>,
        continued_participation_explanation -> Sealed,
        fear_of_torture -> Nullable<Bool>,
        fear_of_torture_explanation -> Sealed,
        earlier_applications -> Nullable<Bool>,
        earlier_applications_explanation -> Sealed,
        other_countries -> Nullable<Bool>,
        other_countries_explanation -> Sealed,
        status_elsewhere -> Nullable<Bool>,
        status_elsewhere_explanation -> Sealed,
        harmed_others -> Nullable<Bool>,
        harmed_others_explanation -> Sealed,
        returned -> Nullable<Bool>,
        returned_explanation -> Sealed,
        filed_after_one_year -> Nullable<Bool>,
        filed_after_one_year_explanation -> Sealed,
        crimes_in_us -> Nullable<Bool>,
        crimes_in_us_explanation -> Sealed,
    }
}

diesel::joinable!(claim_answers -> clients (client_id));
diesel::allow_tables_to_appear_in_same_query!(claim_answers, clients);

// Issue 16: I-589 Part A.II, beside each family member (spouse and children's items).
diesel::table! {
    use diesel::sql_types::*;
    use crate::db::uuid::PortableUuid;
    use crate::db::sealed::Sealed;

    family_member_details (member_id) {
        member_id -> PortableUuid,
        middle_name -> Sealed,
        other_names -> Sealed,
        a_number -> Sealed,
        passport_number -> Sealed,
        ssn -> Sealed,
        sex -> Nullable<Text>,
        city_of_birth -> Sealed,
        country_of_birth -> Nullable<Text>,
        nationality -> Nullable<Text>,
        ethnic_group -> Sealed,
        married_on -> Nullable<Date>,
        marriage_place -> Sealed,
        location -> Sealed,
        last_entry_place -> Sealed,
        last_entry_on -> Nullable<Date>,
        i94_number -> Sealed,
        status_when_admitted -> Sealed,
        current_status -> Sealed,
        status_expires_on -> Nullable<Date>,
        in_court_proceedings -> Nullable<Bool>,
        previous_arrival_on -> Nullable<Date>,
    }
}

diesel::joinable!(family_member_details -> family_members (member_id));
diesel::allow_tables_to_appear_in_same_query!(family_member_details, family_members);

// Issue 16: I-589 Part A.II's explicit "I do not have any children".
diesel::table! {
    use diesel::sql_types::*;
    use crate::db::uuid::PortableUuid;

    family_answers (client_id) {
        client_id -> PortableUuid,
        no_children -> Bool,
    }
}

diesel::joinable!(family_answers -> clients (client_id));

// Issue 16: I-589 Part A.III, the applicant's background.
diesel::table! {
    use diesel::sql_types::*;
    use crate::db::uuid::PortableUuid;
    use crate::db::sealed::Sealed;

    background_addresses (id) {
        id -> PortableUuid,
        client_id -> PortableUuid,
        kind -> Text,
        position -> Integer,
        street -> Sealed,
        city -> Sealed,
        province -> Sealed,
        country -> Text,
        from_month -> Text,
        to_month -> Text,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::uuid::PortableUuid;
    use crate::db::sealed::Sealed;

    background_schools (id) {
        id -> PortableUuid,
        client_id -> PortableUuid,
        position -> Integer,
        name -> Sealed,
        kind -> Sealed,
        location -> Sealed,
        from_month -> Text,
        to_month -> Text,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::uuid::PortableUuid;
    use crate::db::sealed::Sealed;

    background_jobs (id) {
        id -> PortableUuid,
        client_id -> PortableUuid,
        position -> Integer,
        employer -> Sealed,
        occupation -> Sealed,
        from_month -> Text,
        to_month -> Text,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::uuid::PortableUuid;
    use crate::db::sealed::Sealed;

    background_relatives (id) {
        id -> PortableUuid,
        client_id -> PortableUuid,
        relation -> Text,
        position -> Integer,
        full_name -> Sealed,
        birth_city -> Sealed,
        birth_country -> Text,
        location -> Sealed,
        deceased -> Bool,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::uuid::PortableUuid;

    background_answers (client_id) {
        client_id -> PortableUuid,
        feared_country_same -> Bool,
        no_schooling -> Bool,
        no_employment -> Bool,
        no_siblings -> Bool,
    }
}

diesel::joinable!(background_addresses -> clients (client_id));
diesel::joinable!(background_schools -> clients (client_id));
diesel::joinable!(background_jobs -> clients (client_id));
diesel::joinable!(background_relatives -> clients (client_id));
diesel::joinable!(background_answers -> clients (client_id));

// Issue 16: I-589 Part A.I of the applicant's case file beyond the client's details.
diesel::table! {
    use diesel::sql_types::*;
    use crate::db::uuid::PortableUuid;
    use crate::db::sealed::Sealed;

    applicant_details (client_id) {
        client_id -> PortableUuid,
        ssn -> Sealed,
        uscis_account_number -> Sealed,
        mailing_same_as_residence -> Nullable<Bool>,
        mailing_in_care_of -> Sealed,
        mailing_phone -> Sealed,
        mailing_street -> Sealed,
        mailing_apartment -> Sealed,
        mailing_city -> Sealed,
        mailing_state -> Sealed,
        mailing_zip -> Sealed,
        marital_status -> Nullable<Text>,
        city_of_birth -> Sealed,
        nationality_at_birth -> Nullable<Text>,
        ethnic_group -> Sealed,
        religion -> Sealed,
        court_proceedings -> Nullable<Text>,
        left_home_country_on -> Nullable<Date>,
        travel_document_country -> Nullable<Text>,
        native_language -> Nullable<Text>,
        native_dialect -> Sealed,
        fluent_in_english -> Nullable<Bool>,
        no_other_languages -> Bool,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::uuid::PortableUuid;
    use crate::db::sealed::Sealed;

    us_entries (id) {
        id -> PortableUuid,
        client_id -> PortableUuid,
        position -> Integer,
        arrived_on -> Nullable<Date>,
        place -> Sealed,
        status -> Sealed,
        status_expires_on -> Nullable<Date>,
    }
}

diesel::joinable!(applicant_details -> clients (client_id));
diesel::joinable!(us_entries -> clients (client_id));
diesel::allow_tables_to_appear_in_same_query!(applicant_details, us_entries, clients);

// Issue 16: a lawyer's override of the I-589 completeness check when filing.
diesel::table! {
    use diesel::sql_types::*;
    use crate::db::uuid::PortableUuid;
    use crate::db::sealed::Sealed;

    i589_overrides (id) {
        id -> PortableUuid,
        case_id -> PortableUuid,
        overridden_by -> PortableUuid,
        overridden_at -> Timestamp,
        missing_count -> Integer,
        missing_items -> Text,
        reason -> Sealed,
    }
}

diesel::joinable!(i589_overrides -> cases (case_id));
diesel::joinable!(i589_overrides -> staff (overridden_by));
diesel::allow_tables_to_appear_in_same_query!(i589_overrides, cases);
diesel::allow_tables_to_appear_in_same_query!(i589_overrides, staff);

// The client's one-row parts, read with the client in one statement (`clients::load`).
diesel::allow_tables_to_appear_in_same_query!(client_entries, claim_answers);
diesel::allow_tables_to_appear_in_same_query!(client_entries, family_answers);
diesel::allow_tables_to_appear_in_same_query!(client_entries, background_answers);
diesel::allow_tables_to_appear_in_same_query!(client_entries, applicant_details);
diesel::allow_tables_to_appear_in_same_query!(claim_answers, family_answers);
diesel::allow_tables_to_appear_in_same_query!(claim_answers, background_answers);
diesel::allow_tables_to_appear_in_same_query!(claim_answers, applicant_details);
diesel::allow_tables_to_appear_in_same_query!(family_answers, clients);
diesel::allow_tables_to_appear_in_same_query!(family_answers, background_answers);
diesel::allow_tables_to_appear_in_same_query!(family_answers, applicant_details);
diesel::allow_tables_to_appear_in_same_query!(background_answers, clients);
diesel::allow_tables_to_appear_in_same_query!(background_answers, applicant_details);
