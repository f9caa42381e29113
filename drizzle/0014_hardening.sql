ALTER TABLE `user` ADD `password_changed_at` integer;--> statement-breakpoint
ALTER TABLE `vote` ADD `lab_id` integer;--> statement-breakpoint
ALTER TABLE `ballot` ADD `voided_at` integer;--> statement-breakpoint
ALTER TABLE `vote_round` ADD `attendance` integer;--> statement-breakpoint
ALTER TABLE `vote_round` ADD `voided_at` integer;--> statement-breakpoint
ALTER TABLE `vote_round` ADD `voided_by` integer REFERENCES user(id);--> statement-breakpoint
ALTER TABLE `vote_round` ADD `void_reason` text;--> statement-breakpoint
ALTER TABLE `vote_round` ADD `voided_ballots` integer;--> statement-breakpoint
-- A closed vote's ballots cannot be voided (or un-voided) either.
DROP TRIGGER `ballot_closed_update`;
--> statement-breakpoint
CREATE TRIGGER `ballot_closed_update` BEFORE UPDATE OF `id`, `vote_id`, `voter_key`, `receipt`, `version`, `channel`, `assurance`, `round_id`, `kiosk_id`, `marks`, `uses`, `verified_uses`, `area`, `age_band`, `first_at`, `updated_at`, `voided_at` ON `ballot`
WHEN (SELECT `status` FROM `vote` WHERE `id` = OLD.`vote_id`) = 'closed'
BEGIN
	SELECT RAISE(ABORT, 'the vote is closed');
END;
