import { useTranslation } from "react-i18next";
import { StaffSignModal } from "../treatment-plans/sign-modal";
import { useCosignFromWorklist } from "./api/cosign-note";

/**
 * The co-sign dialog of the worklist: the supervisor the note names re-enters their password or an
 * authenticator code (the same form plans are signed with); a wrong password lands on its field.
 */
export function CosignDialog({ noteId, onClose }: { noteId: string; onClose: () => void }) {
  const { t } = useTranslation("notesWorklist");
  const cosign = useCosignFromWorklist();
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
