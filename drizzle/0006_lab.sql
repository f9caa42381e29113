CREATE TABLE `lab` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`engagement_id` integer NOT NULL,
	`service_id` text NOT NULL,
	`title` text NOT NULL,
	`join_code` text NOT NULL,
	`prompts` text NOT NULL,
	`kinds` text NOT NULL,
	`dots_per_participant` integer DEFAULT 5 NOT NULL,
	`max_dots_per_idea` integer DEFAULT 2 NOT NULL,
	`roles_enabled` integer DEFAULT true NOT NULL,
	`phase` text DEFAULT 'ideas' NOT NULL,
	`paused` integer DEFAULT false NOT NULL,
	`countdown_ends_at` integer,
	`version` integer DEFAULT 0 NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`engagement_id`) REFERENCES `engagement`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `service`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `lab_join_code_idx` ON `lab` (`join_code`);--> statement-breakpoint
CREATE INDEX `lab_engagement_idx` ON `lab` (`engagement_id`);--> statement-breakpoint
CREATE TABLE `lab_dot` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lab_id` integer NOT NULL,
	`participant_id` integer NOT NULL,
	`item_type` text NOT NULL,
	`item_id` text NOT NULL,
	`placed_at` integer NOT NULL,
	FOREIGN KEY (`lab_id`) REFERENCES `lab`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`participant_id`) REFERENCES `lab_participant`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `lab_dot_lab_idx` ON `lab_dot` (`lab_id`);--> statement-breakpoint
CREATE INDEX `lab_dot_participant_idx` ON `lab_dot` (`participant_id`);--> statement-breakpoint
CREATE TABLE `lab_event` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lab_id` integer NOT NULL,
	`type` text NOT NULL,
	`payload` text NOT NULL,
	`by` integer,
	`at` integer NOT NULL,
	FOREIGN KEY (`lab_id`) REFERENCES `lab`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `lab_event_lab_idx` ON `lab_event` (`lab_id`);--> statement-breakpoint
CREATE TABLE `lab_idea` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lab_id` integer NOT NULL,
	`participant_id` integer,
	`posted_by` integer,
	`prompt_id` text NOT NULL,
	`kind` text NOT NULL,
	`text` text NOT NULL,
	`contribution` text,
	`role` text,
	`posted_at` integer NOT NULL,
	FOREIGN KEY (`lab_id`) REFERENCES `lab`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`participant_id`) REFERENCES `lab_participant`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`posted_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `lab_idea_lab_idx` ON `lab_idea` (`lab_id`);--> statement-breakpoint
CREATE INDEX `lab_idea_participant_idx` ON `lab_idea` (`participant_id`,`posted_at`);--> statement-breakpoint
CREATE TABLE `lab_participant` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lab_id` integer NOT NULL,
	`participant_id` integer NOT NULL,
	`display_name` text,
	`role` text,
	`joined_at` integer NOT NULL,
	FOREIGN KEY (`lab_id`) REFERENCES `lab`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`participant_id`) REFERENCES `participant`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `lab_participant_once_idx` ON `lab_participant` (`lab_id`,`participant_id`);--> statement-breakpoint
CREATE TABLE `lab_theme` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lab_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`lab_id`) REFERENCES `lab`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `lab_theme_lab_idx` ON `lab_theme` (`lab_id`);