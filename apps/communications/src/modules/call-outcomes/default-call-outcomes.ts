/** The outcomes every account starts with, as in Sell; seeded on the account's first use. */
export const DEFAULT_CALL_OUTCOMES = ['Interested', 'Not interested', 'Left voicemail', 'No answer', 'Wrong number'] as const;
