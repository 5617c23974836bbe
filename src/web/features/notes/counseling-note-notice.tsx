import { Alert } from "@mantine/core";
import { IconLock } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";

/** The one sentence that says why these notes are apart from the record (42 CFR Part 2). */
export function CounselingNoteNotice() {
  const { t } = useTranslation("sessionNotes");
  return (
    <Alert
      color="grape"
      variant="light"
      icon={<IconLock aria-hidden />}
      title={t("counseling.restrictedTitle")}
    >
      {t("counseling.restricted")}
    </Alert>
  );
}
