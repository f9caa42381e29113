CREATE TABLE `ballot` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`vote_id` integer NOT NULL,
	`voter_key` text NOT NULL,
	`receipt` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`channel` text NOT NULL,
	`assurance` text NOT NULL,
	`round_id` integer,
	`kiosk_id` integer,
	`marks` text NOT NULL,
	`uses` text DEFAULT '[]' NOT NULL,
	`area` text,
	`age_band` text,
	`segments` text DEFAULT '[]' NOT NULL,
	`first_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`vote_id`) REFERENCES `vote`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`round_id`) REFERENCES `vote_round`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`kiosk_id`) REFERENCES `vote_kiosk`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ballot_voter_idx` ON `ballot` (`vote_id`,`voter_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `ballot_receipt_idx` ON `ballot` (`receipt`);--> statement-breakpoint
CREATE INDEX `ballot_round_idx` ON `ballot` (`round_id`);--> statement-breakpoint
CREATE TABLE `ballot_draft` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`vote_id` integer NOT NULL,
	`draft_key` text NOT NULL,
	`content` text NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`vote_id`) REFERENCES `vote`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ballot_draft_key_idx` ON `ballot_draft` (`vote_id`,`draft_key`);--> statement-breakpoint
CREATE TABLE `ballot_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ballot_id` integer NOT NULL,
	`vote_id` integer NOT NULL,
	`version` integer NOT NULL,
	`receipt` text NOT NULL,
	`channel` text NOT NULL,
	`assurance` text NOT NULL,
	`round_id` integer,
	`kiosk_id` integer,
	`marks` text NOT NULL,
	`uses` text NOT NULL,
	`area` text,
	`age_band` text,
	`segments` text NOT NULL,
	`entered_by` integer,
	`submitted_at` integer NOT NULL,
	FOREIGN KEY (`ballot_id`) REFERENCES `ballot`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`vote_id`) REFERENCES `vote`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ballot_history_vote_idx` ON `ballot_history` (`vote_id`,`id`);--> statement-breakpoint
CREATE INDEX `ballot_history_ballot_idx` ON `ballot_history` (`ballot_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `ballot_history_receipt_idx` ON `ballot_history` (`receipt`);--> statement-breakpoint
CREATE TABLE `paper_entry` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`vote_id` integer NOT NULL,
	`serial` text NOT NULL,
	`stage` text NOT NULL,
	`entered_by` integer NOT NULL,
	`code_id` integer,
	`content` text NOT NULL,
	`spoilt` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`vote_id`) REFERENCES `vote`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entered_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`code_id`) REFERENCES `participation_code`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `paper_entry_once_idx` ON `paper_entry` (`vote_id`,`serial`,`stage`);--> statement-breakpoint
CREATE TABLE `proposal_image` (
	`proposal_id` integer PRIMARY KEY NOT NULL,
	`mime` text NOT NULL,
	`bytes` blob NOT NULL,
	FOREIGN KEY (`proposal_id`) REFERENCES `proposal`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `vote_count` (
	`vote_id` integer PRIMARY KEY NOT NULL,
	`state_key` text NOT NULL,
	`result` text NOT NULL,
	`digest` text NOT NULL,
	`computed_at` integer NOT NULL,
	FOREIGN KEY (`vote_id`) REFERENCES `vote`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `vote_kiosk` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`vote_id` integer NOT NULL,
	`label` text NOT NULL,
	`token_hash` text NOT NULL,
	`started_by` integer,
	`started_at` integer NOT NULL,
	`ended_at` integer,
	FOREIGN KEY (`vote_id`) REFERENCES `vote`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`started_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `vote_kiosk_token_idx` ON `vote_kiosk` (`token_hash`);--> statement-breakpoint
CREATE INDEX `vote_kiosk_vote_idx` ON `vote_kiosk` (`vote_id`);--> statement-breakpoint
CREATE TABLE `vote_result` (
	`vote_id` integer PRIMARY KEY NOT NULL,
	`digest` text NOT NULL,
	`ballots` integer NOT NULL,
	`counted_at` integer NOT NULL,
	`counted_by` integer,
	FOREIGN KEY (`vote_id`) REFERENCES `vote`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`counted_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `vote_round` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`vote_id` integer NOT NULL,
	`title` text NOT NULL,
	`code` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`opened_at` integer NOT NULL,
	`closed_at` integer,
	`revealed_at` integer,
	`created_by` integer,
	FOREIGN KEY (`vote_id`) REFERENCES `vote`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `vote_round_code_idx` ON `vote_round` (`code`);--> statement-breakpoint
CREATE INDEX `vote_round_vote_idx` ON `vote_round` (`vote_id`);