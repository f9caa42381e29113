ALTER TABLE `code_batch` ADD `service_id` text REFERENCES service(id);--> statement-breakpoint
ALTER TABLE `ballot` ADD `verified_uses` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `ballot_history` ADD `verified_uses` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `vote_round` ADD `users_service_id` text REFERENCES service(id);--> statement-breakpoint
-- Counting rules version 2 asks about service use once per service: a ballot's `uses` now holds
-- service ids, not proposal ids. Current ballots are converted, closed votes' too (the trigger
-- that keeps a closed vote's ballots from changing is lifted for this one conversion, which
-- changes what the ids name, not what anyone said). Ballot history keeps what was submitted.
DROP TRIGGER `ballot_closed_update`;
--> statement-breakpoint
UPDATE `ballot` SET `uses` = COALESCE((
	SELECT json_group_array(`service_id`) FROM (
		SELECT DISTINCT `p`.`service_id` AS `service_id`
		FROM json_each(`ballot`.`uses`) AS `j`
		JOIN `proposal` AS `p` ON `p`.`id` = CAST(`j`.`value` AS INTEGER)
		ORDER BY `p`.`service_id`
	)
), '[]');
--> statement-breakpoint
CREATE TRIGGER `ballot_closed_update` BEFORE UPDATE ON `ballot`
WHEN (SELECT `status` FROM `vote` WHERE `id` = OLD.`vote_id`) = 'closed'
BEGIN
	SELECT RAISE(ABORT, 'the vote is closed');
END;
