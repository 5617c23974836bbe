import { ActionIcon, Menu, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconDots } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AdminUser } from "../../../core/identity/accounts.schema";
import { useDeactivateUser } from "./api/deactivate-user";
import { useReactivateUser } from "./api/reactivate-user";
import { useResendInvitation } from "./api/resend-invitation";
import { useResetUserMfa } from "./api/reset-user-mfa";
import { ConfirmModal } from "./confirm-modal";
import { EditUserModal } from "./edit-user-modal";
import { requestErrorKey } from "./form-errors";

type Dialog = "edit" | "deactivate" | "resetMfa" | null;

/** The row's menu: edit, resend invitation, reset MFA, deactivate or reactivate. */
export function UserActions({ user }: { user: AdminUser }) {
  const { t } = useTranslation("admin");
  const [dialog, setDialog] = useState<Dialog>(null);
  const deactivate = useDeactivateUser();
  const reactivate = useReactivateUser();
  const resetMfa = useResetUserMfa();
  const resend = useResendInvitation();
  const name = user.displayName;

  const fail = (error: unknown) => notifications.show({ color: "red", message: t(requestErrorKey(error)) });
  const close = () => {
    setDialog(null);
    deactivate.reset();
    resetMfa.reset();
  };

  return (
    <>
      <Menu position="bottom-end">
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" aria-label={t("users.actions.menu", { name })}>
            <IconDots size={18} aria-hidden />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          {user.kind === "staff" && user.status !== "deactivated" && (
            <Menu.Item onClick={() => setDialog("edit")}>{t("users.actions.edit")}</Menu.Item>
          )}
          {user.status === "invited" && (
            <Menu.Item
              onClick={() =>
                resend.mutate(user.id, {
                  onSuccess: (created) =>
                    notifications.show({
                      color: created.emailQueued ? "green" : "yellow",
                      message: created.emailQueued
                        ? t("users.invite.sent", { email: user.email })
                        : t("users.invite.notEmailed", { email: user.email }),
                    }),
                  onError: fail,
                })
              }
            >
              {t("users.actions.resend")}
            </Menu.Item>
          )}
          {user.mfaEnabled && (
            <Menu.Item onClick={() => setDialog("resetMfa")}>{t("users.actions.resetMfa")}</Menu.Item>
          )}
          {user.status === "deactivated" ? (
            <Menu.Item
              onClick={() =>
                reactivate.mutate(user.id, {
                  onSuccess: () =>
                    notifications.show({ color: "green", message: t("users.reactivated", { name }) }),
                  onError: fail,
                })
              }
            >
              {t("users.actions.reactivate")}
            </Menu.Item>
          ) : (
            <Menu.Item color="red" onClick={() => setDialog("deactivate")}>
              {t("users.actions.deactivate")}
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
      {dialog === "edit" && <EditUserModal user={user} onClose={close} />}
      <ConfirmModal
        opened={dialog === "deactivate"}
        title={t("users.deactivate.title", { name })}
        confirmLabel={t("users.deactivate.confirm")}
        danger
        loading={deactivate.isPending}
        error={deactivate.error}
        onClose={close}
        onConfirm={() =>
          deactivate.mutate(user.id, {
            onSuccess: () => {
              notifications.show({ color: "green", message: t("users.deactivated", { name }) });
              close();
            },
          })
        }
      >
        <Text>{t("users.deactivate.sessions")}</Text>
        <Text>{t("users.deactivate.records")}</Text>
      </ConfirmModal>
      <ConfirmModal
        opened={dialog === "resetMfa"}
        title={t("users.resetMfa.title", { name })}
        confirmLabel={t("users.resetMfa.confirm")}
        loading={resetMfa.isPending}
        error={resetMfa.error}
        onClose={close}
        onConfirm={() =>
          resetMfa.mutate(user.id, {
            onSuccess: () => {
              notifications.show({ color: "green", message: t("users.mfaReset", { name }) });
              close();
            },
          })
        }
      >
        {t("users.resetMfa.body")}
      </ConfirmModal>
    </>
  );
}
