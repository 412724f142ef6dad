DROP INDEX cases_paralegal_client;
