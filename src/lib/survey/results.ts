/**
 * The shapes of the survey analysis: per-service figures and the community tables. Every
 * figure is a cell carrying its own `n`, so that suppression can judge each one.
 */
import type { ContributionCode } from './template';
import type { MeanCell, ShareCell } from './statistics';

export interface ServiceResult {
	serviceId: string;
	/** Mean of the 1-5 answers; "don't know" is left out of the mean. */
	importance: MeanCell;
	/** Share of importance answers that were "don't know" (n = all importance answers). */
	importanceDontKnow: ShareCell;
	satisfaction: MeanCell;
	/** Share of satisfaction answers that were "don't use / don't know". */
	satisfactionDontUse: ShareCell;
	/** Share of contribution answers other than "none" alone. */
	contributing: ShareCell;
	/** Share of contribution answers that include each option (a household may tick several). */
	contributionKinds: Record<ContributionCode, ShareCell>;
	/** Share answering "a little" or "a lot" to doing more. */
	willing: ShareCell;
	/** Share answering "a lot". */
	willingALot: ShareCell;
}

/** One group's figures for one service. */
export interface CommunityCell {
	contributing: ShareCell;
	willing: ShareCell;
}

/**
 * Groups (segments or areas) x services. `cells[g][s]` is group `groupIds[g]` and service
 * `serviceIds[s]`; its `willing` is the willingness table, its `contributing` the map of who
 * already contributes.
 */
export interface CrossTable {
	groupIds: string[];
	/** Respondents in each group (not weighted). */
	respondents: number[];
	serviceIds: string[];
	cells: CommunityCell[][];
}

export interface CommunityMap {
	bySegment: CrossTable;
	byArea: CrossTable;
}
