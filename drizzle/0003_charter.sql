CREATE TABLE `charter` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`engagement_id` integer NOT NULL,
	`service_id` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`content` text NOT NULL,
	`slug` text NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`engagement_id`) REFERENCES `engagement`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `service`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `charter_slug_unique` ON `charter` (`slug`);--> statement-breakpoint
CREATE INDEX `charter_engagement_idx` ON `charter` (`engagement_id`);--> statement-breakpoint
CREATE TABLE `charter_comment` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`charter_id` integer NOT NULL,
	`key` text NOT NULL,
	`author_name` text DEFAULT '' NOT NULL,
	`text` text NOT NULL,
	`draft_version` integer NOT NULL,
	`created_at` integer NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`answer` text DEFAULT '' NOT NULL,
	`answered_at` integer,
	`answered_by` integer,
	FOREIGN KEY (`charter_id`) REFERENCES `charter`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`answered_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `charter_comment_key_idx` ON `charter_comment` (`charter_id`,`key`);--> statement-breakpoint
CREATE TABLE `charter_review` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`charter_id` integer NOT NULL,
	`key` text NOT NULL,
	`target_kind` text NOT NULL,
	`target_id` text NOT NULL,
	`status` text NOT NULL,
	`note` text NOT NULL,
	`version_number` integer NOT NULL,
	`recorded_by` integer,
	`recorded_at` integer NOT NULL,
	FOREIGN KEY (`charter_id`) REFERENCES `charter`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `charter_review_key_idx` ON `charter_review` (`charter_id`,`key`);--> statement-breakpoint
CREATE TABLE `charter_signature` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version_id` integer NOT NULL,
	`party_id` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`version_hash` text NOT NULL,
	`signed_at` integer NOT NULL,
	FOREIGN KEY (`version_id`) REFERENCES `charter_version`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `charter_signature_once_idx` ON `charter_signature` (`version_id`,`party_id`);--> statement-breakpoint
CREATE TABLE `charter_signing_link` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version_id` integer NOT NULL,
	`party_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`revoked_at` integer,
	FOREIGN KEY (`version_id`) REFERENCES `charter_version`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `charter_signing_link_token_hash_unique` ON `charter_signing_link` (`token_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `charter_signing_link_live_idx` ON `charter_signing_link` (`version_id`,`party_id`) WHERE "charter_signing_link"."revoked_at" is null;--> statement-breakpoint
CREATE TABLE `charter_version` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`charter_id` integer NOT NULL,
	`number` integer NOT NULL,
	`content` text NOT NULL,
	`hash` text NOT NULL,
	`frozen_at` integer NOT NULL,
	FOREIGN KEY (`charter_id`) REFERENCES `charter`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `charter_version_number_idx` ON `charter_version` (`charter_id`,`number`);--> statement-breakpoint
CREATE TABLE `charter_version_event` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version_id` integer NOT NULL,
	`kind` text NOT NULL,
	`at` integer NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`version_id`) REFERENCES `charter_version`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `charter_version_event_once_idx` ON `charter_version_event` (`version_id`,`kind`);