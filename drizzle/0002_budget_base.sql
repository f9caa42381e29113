CREATE TABLE `proposal` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`vote_id` integer NOT NULL,
	`position` integer NOT NULL,
	`title` text NOT NULL,
	`title_cy` text,
	`description` text DEFAULT '' NOT NULL,
	`description_cy` text,
	`kind` text NOT NULL,
	`amount` integer NOT NULL,
	`service_id` text NOT NULL,
	`affects` text DEFAULT '[]' NOT NULL,
	`image_path` text,
	`image_alt` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`vote_id`) REFERENCES `vote`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `service`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `proposal_vote_idx` ON `proposal` (`vote_id`);--> statement-breakpoint
CREATE TABLE `proposal_source` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`proposal_id` integer NOT NULL,
	`lab_id` integer NOT NULL,
	`idea_id` integer,
	`theme_id` integer,
	FOREIGN KEY (`proposal_id`) REFERENCES `proposal`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `proposal_source_proposal_idx` ON `proposal_source` (`proposal_id`);--> statement-breakpoint
CREATE TABLE `vote` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`engagement_id` integer NOT NULL,
	`title` text NOT NULL,
	`title_cy` text,
	`description` text DEFAULT '' NOT NULL,
	`description_cy` text,
	`status` text DEFAULT 'draft' NOT NULL,
	`rules` text,
	`rules_frozen_at` integer,
	`opens_at` integer,
	`closes_at` integer,
	`eligibility` text DEFAULT 'codes' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`engagement_id`) REFERENCES `engagement`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `vote_engagement_idx` ON `vote` (`engagement_id`);