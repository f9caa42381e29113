// Participant-facing names of the lab's phases, kinds and roles, in the reader's language.
import type { IdeaKind, ParticipantRole } from '$lib/lab/ideas';
import type { Phase } from '$lib/lab/phases';
import { m } from '$lib/paraglide/messages';

export const phaseLabel: Record<Phase, () => string> = {
	ideas: m.lab_phase_ideas,
	group: m.lab_phase_group,
	vote: m.lab_phase_vote,
	shortlist: m.lab_phase_shortlist,
	closed: m.lab_phase_closed
};

export const phaseHelp: Record<Phase, () => string> = {
	ideas: m.lab_help_ideas,
	group: m.lab_help_group,
	vote: m.lab_help_vote,
	shortlist: m.lab_help_shortlist,
	closed: m.lab_help_closed
};

export const kindLabel: Record<IdeaKind, () => string> = {
	savesMoney: m.lab_kind_savesMoney,
	improvesOutcomes: m.lab_kind_improvesOutcomes,
	communityCanDo: m.lab_kind_communityCanDo
};

export const roleLabel: Record<ParticipantRole, () => string> = {
	serviceUser: m.lab_role_serviceUser,
	carer: m.lab_role_carer,
	staff: m.lab_role_staff,
	manager: m.lab_role_manager,
	other: m.lab_role_other
};

/** Roles as the results split them ("3 from carers"). */
export const roleShort: Record<ParticipantRole | 'none', () => string> = {
	serviceUser: m.lab_role_short_serviceUser,
	carer: m.lab_role_short_carer,
	staff: m.lab_role_short_staff,
	manager: m.lab_role_short_manager,
	other: m.lab_role_short_other,
	none: m.lab_role_short_none
};

/** "Sue, carer" under an idea: whatever the poster chose to give. */
export function byline(name: string | null, role: ParticipantRole | null): string {
	return [name, role ? roleLabel[role]() : null].filter(Boolean).join(', ');
}
