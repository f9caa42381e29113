CREATE TABLE `decision_record` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`engagement_id` integer NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`engagement_id`) REFERENCES `engagement`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `decision_record_engagement_id_unique` ON `decision_record` (`engagement_id`);--> statement-breakpoint
CREATE TABLE `decision_scrutiny` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`record_id` integer NOT NULL,
	`kind` text NOT NULL,
	`text` text NOT NULL,
	`version_number` integer,
	`author_id` integer,
	`author_name` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`record_id`) REFERENCES `decision_record`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `decision_scrutiny_record_idx` ON `decision_scrutiny` (`record_id`);--> statement-breakpoint
CREATE TABLE `decision_scrutiny_answer` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`scrutiny_id` integer NOT NULL,
	`text` text NOT NULL,
	`author_id` integer,
	`author_name` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`scrutiny_id`) REFERENCES `decision_scrutiny`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `decision_scrutiny_answer_item_idx` ON `decision_scrutiny_answer` (`scrutiny_id`);--> statement-breakpoint
CREATE TABLE `decision_version` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`record_id` integer NOT NULL,
	`number` integer,
	`content` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`published_at` integer,
	`published_by` integer,
	FOREIGN KEY (`record_id`) REFERENCES `decision_record`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`published_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `decision_version_number_idx` ON `decision_version` (`record_id`,`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `decision_version_one_draft_idx` ON `decision_version` (`record_id`) WHERE "decision_version"."published_at" is null;