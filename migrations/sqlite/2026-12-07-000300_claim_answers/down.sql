DROP TABLE claim_answers;
