import { useTranslation } from "react-i18next";
import type { ReviewDetail } from "../../../core/treatment-plans/plan-api.schema";
import { useSignReview } from "./api/review-sign";
import { StaffSignModal } from "./sign-modal";

/** Sign a review as the clinician or the supervisor, with the same re-authentication as a plan version. */
export function ReviewSignModal({
  participantId,
  review,
  role,
  onClose,
}: {
  participantId: string;
  review: ReviewDetail;
  role: "clinician" | "supervisor";
  onClose: () => void;
}) {
  const { t } = useTranslation("myPlan");
  const sign = useSignReview();
  return (
    <StaffSignModal
      title={`${t("staff.signTitle")} — ${t(`staff.signRoles.${role}`)}`}
      intro={null}
      successMessage={t("staff.signed")}
      pending={sign.isPending}
      sign={(proof, callbacks) =>
        sign.mutate(
          {
            participantId,
            planId: review.planId,
            reviewId: review.id,
            signature: { role, revision: review.revision, ...proof },
          },
          callbacks,
        )
      }
      onClose={onClose}
    />
  );
}
