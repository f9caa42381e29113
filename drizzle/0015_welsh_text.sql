ALTER TABLE `engagement` ADD `title_cy` text;--> statement-breakpoint
ALTER TABLE `engagement` ADD `summary_cy` text;--> statement-breakpoint
ALTER TABLE `lab` ADD `title_cy` text;