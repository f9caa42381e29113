ALTER TABLE `survey` ADD `special_category_until` integer;--> statement-breakpoint
ALTER TABLE `vote_result` ADD `groups` text;--> statement-breakpoint
-- Keeping a promise: special-category answers are removed from ballots, their history and paper
-- keyings once a vote's result is recorded. The append-only guards stay for everything else:
-- these rows may change only by losing group answers, never by gaining or changing one.
DROP TRIGGER `ballot_history_no_update`;
--> statement-breakpoint
CREATE TRIGGER `ballot_history_no_update` BEFORE UPDATE OF `id`, `ballot_id`, `vote_id`, `version`, `receipt`, `channel`, `assurance`, `round_id`, `kiosk_id`, `marks`, `uses`, `verified_uses`, `area`, `age_band`, `entered_by`, `submitted_at` ON `ballot_history`
BEGIN
	SELECT RAISE(ABORT, 'ballot history is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `ballot_history_segments_only_removed` BEFORE UPDATE OF `segments` ON `ballot_history`
WHEN EXISTS (SELECT 1 FROM json_each(NEW.`segments`) AS `n`
	WHERE `n`.`value` NOT IN (SELECT `value` FROM json_each(OLD.`segments`)))
BEGIN
	SELECT RAISE(ABORT, 'ballot history is append-only: group answers may only be removed');
END;
--> statement-breakpoint
DROP TRIGGER `ballot_closed_update`;
--> statement-breakpoint
CREATE TRIGGER `ballot_closed_update` BEFORE UPDATE OF `id`, `vote_id`, `voter_key`, `receipt`, `version`, `channel`, `assurance`, `round_id`, `kiosk_id`, `marks`, `uses`, `verified_uses`, `area`, `age_band`, `first_at`, `updated_at` ON `ballot`
WHEN (SELECT `status` FROM `vote` WHERE `id` = OLD.`vote_id`) = 'closed'
BEGIN
	SELECT RAISE(ABORT, 'the vote is closed');
END;
--> statement-breakpoint
CREATE TRIGGER `ballot_closed_segments_only_removed` BEFORE UPDATE OF `segments` ON `ballot`
WHEN (SELECT `status` FROM `vote` WHERE `id` = OLD.`vote_id`) = 'closed'
	AND EXISTS (SELECT 1 FROM json_each(NEW.`segments`) AS `n`
		WHERE `n`.`value` NOT IN (SELECT `value` FROM json_each(OLD.`segments`)))
BEGIN
	SELECT RAISE(ABORT, 'the vote is closed: group answers may only be removed');
END;
--> statement-breakpoint
DROP TRIGGER `paper_entry_no_update`;
--> statement-breakpoint
CREATE TRIGGER `paper_entry_no_update` BEFORE UPDATE OF `id`, `vote_id`, `serial`, `stage`, `entered_by`, `code_id`, `spoilt`, `created_at` ON `paper_entry`
BEGIN
	SELECT RAISE(ABORT, 'paper entries are append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `paper_entry_content_only_removed` BEFORE UPDATE OF `content` ON `paper_entry`
WHEN json_remove(NEW.`content`, '$.profile.segments') IS NOT json_remove(OLD.`content`, '$.profile.segments')
	OR EXISTS (SELECT 1 FROM json_each(NEW.`content`, '$.profile.segments') AS `n`
		WHERE NOT EXISTS (SELECT 1 FROM json_each(OLD.`content`, '$.profile.segments') AS `o`
			WHERE `o`.`key` = `n`.`key` AND `o`.`value` IS `n`.`value`))
BEGIN
	SELECT RAISE(ABORT, 'paper entries are append-only: group answers may only be removed');
END;
