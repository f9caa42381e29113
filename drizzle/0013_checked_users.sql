ALTER TABLE `ballot_draft` ADD `checked_service_id` text REFERENCES service(id);--> statement-breakpoint
ALTER TABLE `paper_entry` ADD `checked_service_id` text REFERENCES service(id);--> statement-breakpoint
ALTER TABLE `vote_kiosk` ADD `users_service_id` text REFERENCES service(id);--> statement-breakpoint
ALTER TABLE `vote_kiosk` ADD `pin_hash` text;--> statement-breakpoint
ALTER TABLE `vote_kiosk` ADD `pin_failures` integer DEFAULT 0 NOT NULL;