-- The lab's ideas and moderation log are append-only: hiding, merging and undo are new rows,
-- so the record of what was said and what the facilitator did can never be rewritten.
CREATE TRIGGER `lab_idea_no_update` BEFORE UPDATE ON `lab_idea`
BEGIN
	SELECT RAISE(ABORT, 'lab ideas are never edited');
END;
--> statement-breakpoint
CREATE TRIGGER `lab_idea_no_delete` BEFORE DELETE ON `lab_idea`
BEGIN
	SELECT RAISE(ABORT, 'lab ideas are never deleted');
END;
--> statement-breakpoint
CREATE TRIGGER `lab_event_no_update` BEFORE UPDATE ON `lab_event`
BEGIN
	SELECT RAISE(ABORT, 'the lab moderation log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `lab_event_no_delete` BEFORE DELETE ON `lab_event`
BEGIN
	SELECT RAISE(ABORT, 'the lab moderation log is append-only');
END;
