import { useTranslation } from "react-i18next";
import { StaffSignModal } from "../treatment-plans/sign-modal";
import { useCosignNote } from "./api/chart-notes-cosign";

/** Co-sign a note as its named supervisor: the password again, or an authenticator code. */
export function ChartNoteCosignModal({
  participantId,
  noteId,
  onClose,
}: {
  participantId: string;
  noteId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation("chartNotes");
  const cosign = useCosignNote(participantId);
  return (
    <StaffSignModal
      title={t("cosign.title")}
      intro={t("cosign.intro")}
      successMessage={t("cosign.done")}
      pending={cosign.isPending}
      sign={(proof, callbacks) => cosign.mutate({ noteId, proof }, callbacks)}
      onClose={onClose}
    />
  );
}
