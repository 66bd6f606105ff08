// The words of council work, shared by the import, manual entry, the checks and (later) the
// pages: kinds of meetings, motion results, a party's vote and where that vote came from.

export type { MeetingKind, MeetingStatus, MotionType, MotionResult, PartyVote, VoteSource, SourceDocument } from '$lib/council';
export { MEETING_KINDS, MOTION_RESULTS, PARTY_VOTES, VOTE_SOURCES } from '$lib/council';
