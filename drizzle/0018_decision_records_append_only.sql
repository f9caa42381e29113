-- A published decision record is never edited, only superseded: a published version cannot be
-- changed or deleted, whoever asks. Only the draft (no number, not published) is edited.
CREATE TRIGGER `decision_version_published_no_update` BEFORE UPDATE ON `decision_version`
WHEN OLD.`published_at` IS NOT NULL
BEGIN
	SELECT RAISE(ABORT, 'a published decision record is never changed: publish a new version');
END;
--> statement-breakpoint
CREATE TRIGGER `decision_version_published_no_delete` BEFORE DELETE ON `decision_version`
WHEN OLD.`published_at` IS NOT NULL
BEGIN
	SELECT RAISE(ABORT, 'a published decision record is kept');
END;
--> statement-breakpoint
-- A version has a number exactly when it is published.
CREATE TRIGGER `decision_version_number_insert` BEFORE INSERT ON `decision_version`
WHEN (NEW.`published_at` IS NULL) <> (NEW.`number` IS NULL)
BEGIN
	SELECT RAISE(ABORT, 'a decision version has a number exactly when it is published');
END;
--> statement-breakpoint
CREATE TRIGGER `decision_version_number_update` BEFORE UPDATE ON `decision_version`
WHEN (NEW.`published_at` IS NULL) <> (NEW.`number` IS NULL) OR NEW.`record_id` IS NOT OLD.`record_id`
BEGIN
	SELECT RAISE(ABORT, 'a decision version has a number exactly when it is published');
END;
--> statement-breakpoint
CREATE TRIGGER `decision_record_no_update` BEFORE UPDATE ON `decision_record`
BEGIN
	SELECT RAISE(ABORT, 'decision records are kept as they were made');
END;
--> statement-breakpoint
CREATE TRIGGER `decision_record_no_delete` BEFORE DELETE ON `decision_record`
BEGIN
	SELECT RAISE(ABORT, 'decision records are kept');
END;
--> statement-breakpoint
-- Scrutiny questions, comments and answers are all kept, as they were written.
CREATE TRIGGER `decision_scrutiny_no_update` BEFORE UPDATE ON `decision_scrutiny`
BEGIN
	SELECT RAISE(ABORT, 'scrutiny questions and comments are kept as written');
END;
--> statement-breakpoint
CREATE TRIGGER `decision_scrutiny_no_delete` BEFORE DELETE ON `decision_scrutiny`
BEGIN
	SELECT RAISE(ABORT, 'scrutiny questions and comments are kept');
END;
--> statement-breakpoint
CREATE TRIGGER `decision_scrutiny_answer_no_update` BEFORE UPDATE ON `decision_scrutiny_answer`
BEGIN
	SELECT RAISE(ABORT, 'scrutiny answers are kept as written');
END;
--> statement-breakpoint
CREATE TRIGGER `decision_scrutiny_answer_no_delete` BEFORE DELETE ON `decision_scrutiny_answer`
BEGIN
	SELECT RAISE(ABORT, 'scrutiny answers are kept');
END;
