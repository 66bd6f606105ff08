// The words of council work for the server modules (import, manual entry, checks): kinds of
// meetings, motion results, a party's vote and where it came from. They live in $lib/council, so
// the pages use the same ones.

export type { MeetingKind, MeetingStatus, MotionType, MotionResult, PartyVote, VoteSource, SourceDocument } from '$lib/council';
export { MEETING_KINDS, MOTION_RESULTS, PARTY_VOTES, VOTE_SOURCES } from '$lib/council';
