//! Written by hand (not by `diesel print-schema`): UUID columns use the portable type.

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
        failures -> Integer,
        last_failure_at -> Timestamp,
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
    }
}

diesel::joinable!(sessions -> staff (staff_id));
diesel::joinable!(api_tokens -> staff (staff_id));
diesel::joinable!(audit_log -> staff (actor_id));

diesel::allow_tables_to_appear_in_same_query!(
    staff,
    sessions,
    api_tokens,
    account_tokens,
    login_throttle,
    audit_log,
);
