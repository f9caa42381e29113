CREATE TABLE `survey` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`engagement_id` integer NOT NULL,
	`title` text NOT NULL,
	`title_cy` text,
	`description` text DEFAULT '' NOT NULL,
	`description_cy` text,
	`definition` text NOT NULL,
	`next_question` integer DEFAULT 1 NOT NULL,
	`access` text DEFAULT 'open' NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`opens_at` integer,
	`closes_at` integer,
	`published_at` integer,
	`published_weighting` text DEFAULT 'none' NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`engagement_id`) REFERENCES `engagement`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `survey_engagement_idx` ON `survey` (`engagement_id`);--> statement-breakpoint
CREATE TABLE `survey_draft` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`survey_id` integer NOT NULL,
	`participant_id` integer NOT NULL,
	`answers` text DEFAULT '{}' NOT NULL,
	`last_page` integer DEFAULT 0 NOT NULL,
	`submitted` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`survey_id`) REFERENCES `survey`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`participant_id`) REFERENCES `participant`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `survey_draft_once_idx` ON `survey_draft` (`survey_id`,`participant_id`);--> statement-breakpoint
CREATE INDEX `survey_draft_participant_idx` ON `survey_draft` (`participant_id`);--> statement-breakpoint
CREATE TABLE `survey_response` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`survey_id` integer NOT NULL,
	`answers` text NOT NULL,
	`profile` text DEFAULT '{}' NOT NULL,
	`area` text,
	`age_band` text,
	`segments` text DEFAULT '[]' NOT NULL,
	`via_code` integer DEFAULT false NOT NULL,
	`submitted_on` integer NOT NULL,
	FOREIGN KEY (`survey_id`) REFERENCES `survey`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `survey_response_survey_idx` ON `survey_response` (`survey_id`);--> statement-breakpoint
CREATE TABLE `survey_response_special` (
	`response_id` integer PRIMARY KEY NOT NULL,
	`answers` text NOT NULL,
	`segments` text DEFAULT '[]' NOT NULL,
	FOREIGN KEY (`response_id`) REFERENCES `survey_response`(`id`) ON UPDATE no action ON DELETE cascade
);
