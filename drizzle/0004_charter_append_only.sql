-- A signed charter is never edited and its history is kept: frozen versions, what happened to
-- them, signatures and review entries are append-only, whoever asks.
CREATE TRIGGER `charter_version_no_update` BEFORE UPDATE ON `charter_version`
BEGIN
	SELECT RAISE(ABORT, 'charter versions are append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `charter_version_no_delete` BEFORE DELETE ON `charter_version`
BEGIN
	SELECT RAISE(ABORT, 'charter versions are append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `charter_version_event_no_update` BEFORE UPDATE ON `charter_version_event`
BEGIN
	SELECT RAISE(ABORT, 'charter version events are append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `charter_version_event_no_delete` BEFORE DELETE ON `charter_version_event`
BEGIN
	SELECT RAISE(ABORT, 'charter version events are append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `charter_signature_no_update` BEFORE UPDATE ON `charter_signature`
BEGIN
	SELECT RAISE(ABORT, 'charter signatures are append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `charter_signature_no_delete` BEFORE DELETE ON `charter_signature`
BEGIN
	SELECT RAISE(ABORT, 'charter signatures are append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `charter_review_no_update` BEFORE UPDATE ON `charter_review`
BEGIN
	SELECT RAISE(ABORT, 'charter reviews are append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `charter_review_no_delete` BEFORE DELETE ON `charter_review`
BEGIN
	SELECT RAISE(ABORT, 'charter reviews are append-only');
END;
--> statement-breakpoint
-- A comment is answered once; what the resident wrote is never changed.
CREATE TRIGGER `charter_comment_answer_once` BEFORE UPDATE ON `charter_comment`
WHEN OLD.`status` <> 'open' OR NEW.`text` IS NOT OLD.`text` OR NEW.`author_name` IS NOT OLD.`author_name`
	OR NEW.`charter_id` IS NOT OLD.`charter_id` OR NEW.`key` IS NOT OLD.`key`
	OR NEW.`created_at` IS NOT OLD.`created_at`
BEGIN
	SELECT RAISE(ABORT, 'a charter comment is answered once and never rewritten');
END;
--> statement-breakpoint
CREATE TRIGGER `charter_comment_no_delete` BEFORE DELETE ON `charter_comment`
BEGIN
	SELECT RAISE(ABORT, 'charter comments are kept');
END;
--> statement-breakpoint
-- A signing link can only be revoked, once.
CREATE TRIGGER `charter_signing_link_revoke_only` BEFORE UPDATE ON `charter_signing_link`
WHEN OLD.`revoked_at` IS NOT NULL OR NEW.`token_hash` IS NOT OLD.`token_hash`
	OR NEW.`version_id` IS NOT OLD.`version_id` OR NEW.`party_id` IS NOT OLD.`party_id`
BEGIN
	SELECT RAISE(ABORT, 'a signing link can only be revoked');
END;
