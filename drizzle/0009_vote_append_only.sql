-- Ballot history, paper keyings and official counts are append-only; once a vote is closed its
-- ballots cannot change; once the first ballot arrives its rules and proposals cannot change.
-- These hold whatever the application code does, so not even a bug can alter a count.
CREATE TRIGGER `ballot_history_no_update` BEFORE UPDATE ON `ballot_history`
BEGIN
	SELECT RAISE(ABORT, 'ballot history is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `ballot_history_no_delete` BEFORE DELETE ON `ballot_history`
BEGIN
	SELECT RAISE(ABORT, 'ballot history is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `paper_entry_no_update` BEFORE UPDATE ON `paper_entry`
BEGIN
	SELECT RAISE(ABORT, 'paper entries are append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `paper_entry_no_delete` BEFORE DELETE ON `paper_entry`
BEGIN
	SELECT RAISE(ABORT, 'paper entries are append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `vote_result_no_update` BEFORE UPDATE ON `vote_result`
BEGIN
	SELECT RAISE(ABORT, 'an official count is never changed');
END;
--> statement-breakpoint
CREATE TRIGGER `vote_result_no_delete` BEFORE DELETE ON `vote_result`
BEGIN
	SELECT RAISE(ABORT, 'an official count is never changed');
END;
--> statement-breakpoint
CREATE TRIGGER `ballot_closed_insert` BEFORE INSERT ON `ballot`
WHEN (SELECT `status` FROM `vote` WHERE `id` = NEW.`vote_id`) = 'closed'
BEGIN
	SELECT RAISE(ABORT, 'the vote is closed');
END;
--> statement-breakpoint
CREATE TRIGGER `ballot_closed_update` BEFORE UPDATE ON `ballot`
WHEN (SELECT `status` FROM `vote` WHERE `id` = OLD.`vote_id`) = 'closed'
BEGIN
	SELECT RAISE(ABORT, 'the vote is closed');
END;
--> statement-breakpoint
CREATE TRIGGER `ballot_no_delete` BEFORE DELETE ON `ballot`
BEGIN
	SELECT RAISE(ABORT, 'ballots are never deleted');
END;
--> statement-breakpoint
CREATE TRIGGER `ballot_history_closed` BEFORE INSERT ON `ballot_history`
WHEN (SELECT `status` FROM `vote` WHERE `id` = NEW.`vote_id`) = 'closed'
BEGIN
	SELECT RAISE(ABORT, 'the vote is closed');
END;
--> statement-breakpoint
CREATE TRIGGER `vote_rules_frozen` BEFORE UPDATE OF `rules` ON `vote`
WHEN OLD.`rules_frozen_at` IS NOT NULL AND NEW.`rules` IS NOT OLD.`rules`
BEGIN
	SELECT RAISE(ABORT, 'the rules are frozen: ballots have been cast');
END;
--> statement-breakpoint
CREATE TRIGGER `vote_no_reopen` BEFORE UPDATE OF `status` ON `vote`
WHEN OLD.`status` = 'closed' AND NEW.`status` <> 'closed'
BEGIN
	SELECT RAISE(ABORT, 'a closed vote cannot reopen');
END;
--> statement-breakpoint
CREATE TRIGGER `proposal_frozen_insert` BEFORE INSERT ON `proposal`
WHEN (SELECT `rules_frozen_at` FROM `vote` WHERE `id` = NEW.`vote_id`) IS NOT NULL
BEGIN
	SELECT RAISE(ABORT, 'ballots have been cast: proposals cannot change');
END;
--> statement-breakpoint
CREATE TRIGGER `proposal_frozen_update` BEFORE UPDATE ON `proposal`
WHEN (SELECT `rules_frozen_at` FROM `vote` WHERE `id` = OLD.`vote_id`) IS NOT NULL
BEGIN
	SELECT RAISE(ABORT, 'ballots have been cast: proposals cannot change');
END;
--> statement-breakpoint
CREATE TRIGGER `proposal_frozen_delete` BEFORE DELETE ON `proposal`
WHEN (SELECT `rules_frozen_at` FROM `vote` WHERE `id` = OLD.`vote_id`) IS NOT NULL
BEGIN
	SELECT RAISE(ABORT, 'ballots have been cast: proposals cannot change');
END;
