CREATE TABLE `export_job` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`format` text NOT NULL,
	`entity_id` integer NOT NULL,
	`requested_by` integer,
	`status` text NOT NULL,
	`step` integer DEFAULT 0 NOT NULL,
	`steps` integer DEFAULT 1 NOT NULL,
	`step_label` text NOT NULL,
	`error` text,
	`file_name` text,
	`mime` text,
	`size` integer,
	`runner` text NOT NULL,
	`created_at` integer NOT NULL,
	`finished_at` integer,
	`expires_at` integer,
	FOREIGN KEY (`requested_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `export_job_status_idx` ON `export_job` (`status`);