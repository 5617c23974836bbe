/** The web address of a group session's note screen. */
export const groupNoteScreenPath = (trackId: string, occurrenceKey: string) =>
  `/staff/groups/${trackId}/${occurrenceKey}/note`;
