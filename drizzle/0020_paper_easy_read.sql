ALTER TABLE `engagement` ADD `paper_return` text;--> statement-breakpoint
ALTER TABLE `engagement` ADD `paper_return_cy` text;--> statement-breakpoint
ALTER TABLE `proposal` ADD `easy_read` text;--> statement-breakpoint
ALTER TABLE `proposal` ADD `easy_read_cy` text;--> statement-breakpoint
ALTER TABLE `ballot` ADD `assisted` text;--> statement-breakpoint
ALTER TABLE `ballot_history` ADD `assisted` text;--> statement-breakpoint
-- Who helped is part of a ballot's version: appended with it, never changed afterwards, and a
-- closed vote's ballots keep theirs.
DROP TRIGGER `ballot_history_no_update`;
--> statement-breakpoint
CREATE TRIGGER `ballot_history_no_update` BEFORE UPDATE OF `id`, `ballot_id`, `vote_id`, `version`, `receipt`, `channel`, `assurance`, `round_id`, `kiosk_id`, `marks`, `uses`, `verified_uses`, `area`, `age_band`, `entered_by`, `submitted_at`, `assisted` ON `ballot_history`
BEGIN
	SELECT RAISE(ABORT, 'ballot history is append-only');
END;
--> statement-breakpoint
DROP TRIGGER `ballot_closed_update`;
--> statement-breakpoint
CREATE TRIGGER `ballot_closed_update` BEFORE UPDATE OF `id`, `vote_id`, `voter_key`, `receipt`, `version`, `channel`, `assurance`, `round_id`, `kiosk_id`, `marks`, `uses`, `verified_uses`, `area`, `age_band`, `first_at`, `updated_at`, `voided_at`, `assisted` ON `ballot`
WHEN (SELECT `status` FROM `vote` WHERE `id` = OLD.`vote_id`) = 'closed'
BEGIN
	SELECT RAISE(ABORT, 'the vote is closed');
END;
