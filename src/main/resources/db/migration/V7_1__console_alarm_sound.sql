-- The web console, risk supervisors (issue 14): whether an account's console plays the alarm sound of an
-- urgent risk alert. On unless the account switched it off; the banner and the title flash show regardless.
ALTER TABLE console_preference ADD COLUMN alert_sound boolean NOT NULL DEFAULT true;
