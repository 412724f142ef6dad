DROP TABLE case_revisions;
