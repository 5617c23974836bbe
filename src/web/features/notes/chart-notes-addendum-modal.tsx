import { useTranslation } from "react-i18next";
import { ApiError } from "../../app/api-client";
import { AddendumDialog } from "./addendum-dialog";
import { type AddendumSignInput, useAddAddendum } from "./api/chart-notes-add-addendum";

/**
 * Add a signed addendum to a note from the chart: why, what, and (on a group note) whether it
 * concerns this participant's entry or the session as a whole.
 */
export function ChartNoteAddendumModal({
  participantId,
  noteId,
  groupNote,
  onClose,
}: {
  participantId: string;
  noteId: string;
  groupNote: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation("chartNotes");
  const add = useAddAddendum(participantId);
  return (
    <AddendumDialog
      words={{
        ns: "chartNotes",
        passwordRequired: "addendum.passwordRequired",
        codeFormat: "addendum.codeFormat",
        cancel: "addendum.cancel",
        added: "addendum.done",
        proof: { ns: "chartNotes", prefix: "addendum" },
      }}
      concerns={groupNote}
      pending={add.isPending}
      add={(proofAndText, concerns) => {
        const input: AddendumSignInput = {
          ...proofAndText,
          ...(concerns === "entry" ? { entryParticipantId: participantId } : {}),
        };
        return add.mutateAsync({ noteId, input });
      }}
      errorText={(error) => {
        if (!(error instanceof ApiError)) return t("addendum.generic");
        if (error.status === 0) return t("addendum.network");
        return error.message || t("addendum.generic");
      }}
      onClose={onClose}
    />
  );
}
