DROP TABLE i589_overrides;
