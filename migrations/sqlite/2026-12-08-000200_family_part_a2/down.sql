DROP TABLE family_answers;
DROP TABLE family_member_details;
