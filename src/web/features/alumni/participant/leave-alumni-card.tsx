import { Alert, Button, Card, Checkbox, Group, Modal, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useLeaveAlumni } from "../api/leave-alumni";

/** Leave the alumni program, after a confirmation, optionally stopping the follow-up surveys too. */
export function LeaveAlumniCard() {
  const { t } = useTranslation("alumni");
  const [open, setOpen] = useState(false);
  const [alsoFollowUps, setAlsoFollowUps] = useState(false);
  const leave = useLeaveAlumni();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="alumni-leave-title">
      <Title order={2} size="h3" id="alumni-leave-title">
        {t("leave.title")}
      </Title>
      <Text mt="xs">{t("leave.body")}</Text>
      <Button mt="md" variant="outline" color="red" onClick={() => setOpen(true)}>
        {t("leave.button")}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t("leave.title")}>
        <Text>{t("leave.body")}</Text>
        <Checkbox
          mt="md"
          label={t("leave.alsoFollowUps")}
          checked={alsoFollowUps}
          onChange={(e) => setAlsoFollowUps(e.currentTarget.checked)}
        />
        {leave.isError && (
          <Alert color="red" mt="md" title={t("leave.error")}>
            {leave.error.message}
          </Alert>
        )}
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={() => setOpen(false)}>
            {t("leave.cancel")}
          </Button>
          <Button color="red" loading={leave.isPending} onClick={() => leave.mutate({ alsoFollowUps })}>
            {t("leave.confirm")}
          </Button>
        </Group>
      </Modal>
    </Card>
  );
}
