/**
 * The accessibility statement's dates (YYYY-MM-DD). The Public Sector Bodies (Websites and
 * Mobile Applications) (No. 2) Accessibility Regulations 2018 require both; review the
 * statement, and move `REVIEWED` on, whenever the list of problems changes.
 */
export const ACCESSIBILITY_STATEMENT = {
	prepared: '2026-12-07',
	reviewed: '2026-12-07'
} as const;

/** The known problems, as message keys, in the order the statement lists them. */
export const ACCESSIBILITY_PROBLEMS = [
	'a11y_problem_projector',
	'a11y_problem_live',
	'a11y_problem_drag',
	'a11y_problem_user_text',
	'a11y_problem_mixed'
] as const;
