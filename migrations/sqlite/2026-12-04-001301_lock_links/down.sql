DROP TABLE lock_links;
