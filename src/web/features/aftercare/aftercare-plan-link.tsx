import { Badge, Button } from "@mantine/core";
import { IconRoute } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { MY_AFTERCARE } from "./api/aftercare-scope";
import { useAftercarePlan } from "./api/get-aftercare-plan";

/**
 * A link to My aftercare plan, shown only when a plan has been written (during care and for 30 days
 * after discharge). Placed on the participant's home, and on the alumni home by its owner.
 */
export function AftercarePlanLink() {
  const { t } = useTranslation("aftercare");
  const query = useAftercarePlan(MY_AFTERCARE);
  const plan = query.data;
  if (!plan || plan.version === 0) return null;
  const toSign = !plan.participantSignedAt && plan.gaps.blocking.length === 0;
  return (
    <Button
      component={Link}
      to="/me/aftercare"
      variant="light"
      size="lg"
      fullWidth
      leftSection={<IconRoute size={22} aria-hidden />}
      rightSection={
        toSign ? (
          <Badge color="orange">{t("link.toSign")}</Badge>
        ) : plan.status === "signed" ? (
          <Badge color="green">{t("link.signed")}</Badge>
        ) : null
      }
      styles={{ root: { height: "auto", minHeight: 52, paddingBlock: 8 }, label: { whiteSpace: "normal" } }}
    >
      {t("link.label")}
    </Button>
  );
}
