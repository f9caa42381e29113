ALTER TABLE `ballot_draft` ADD `checked_service_id` text REFERENCES service(id);--> statement-breakpoint
ALTER TABLE `paper_entry` ADD `checked_service_id` text REFERENCES service(id);--> statement-breakpoint
ALTER TABLE `vote_kiosk` ADD `users_service_id` text REFERENCES service(id);--> statement-breakpoint
ALTER TABLE `vote_kiosk` ADD `pin_hash` text;--> statement-breakpoint
ALTER TABLE `vote_kiosk` ADD `pin_failures` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- The check is part of a keying: appended, never changed.
DROP TRIGGER `paper_entry_no_update`;
--> statement-breakpoint
CREATE TRIGGER `paper_entry_no_update` BEFORE UPDATE OF `id`, `vote_id`, `serial`, `stage`, `entered_by`, `code_id`, `spoilt`, `created_at`, `checked_service_id` ON `paper_entry`
BEGIN
	SELECT RAISE(ABORT, 'paper entries are append-only');
END;
