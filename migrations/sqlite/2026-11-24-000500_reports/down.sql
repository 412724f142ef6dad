DROP INDEX cases_created_at;
