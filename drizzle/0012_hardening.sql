ALTER TABLE `user` ADD `password_changed_at` integer;--> statement-breakpoint
ALTER TABLE `vote` ADD `lab_id` integer;--> statement-breakpoint
ALTER TABLE `ballot` ADD `voided_at` integer;--> statement-breakpoint
ALTER TABLE `vote_round` ADD `attendance` integer;--> statement-breakpoint
ALTER TABLE `vote_round` ADD `voided_at` integer;--> statement-breakpoint
ALTER TABLE `vote_round` ADD `voided_by` integer REFERENCES user(id);--> statement-breakpoint
ALTER TABLE `vote_round` ADD `void_reason` text;--> statement-breakpoint
ALTER TABLE `vote_round` ADD `voided_ballots` integer;