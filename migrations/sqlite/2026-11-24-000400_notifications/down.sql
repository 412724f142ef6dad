DROP TABLE scheduled_runs;
DROP TABLE notification_preferences;
DROP TABLE notifications;
DROP TABLE outbox;
