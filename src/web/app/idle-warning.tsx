import { Button, Group, Modal, Text } from "@mantine/core";
import { useEffect, useState, useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import { useRefreshSession } from "../features/identity/api/refresh-session";
import { useForgetSession, useSignOut } from "../features/identity/api/sign-out";
import { lastApiRequestAt, subscribeToApiActivity } from "./api-client";

const MINUTE = 60_000;
/** The server records activity at most once a minute, so its deadline may be up to a minute earlier. */
const SERVER_MARGIN = MINUTE;
/** How long before the deadline the warning opens. */
export const WARNING_LEAD = 2 * MINUTE;

/** When to warn and when to sign out, counted from the last API request. */
export function idleDeadlines(lastRequestAt: number, idleTimeoutMinutes: number) {
  const signOutAt = lastRequestAt + idleTimeoutMinutes * MINUTE - SERVER_MARGIN;
  return { warnAt: signOutAt - WARNING_LEAD, signOutAt };
}

/** "1:05" for 65 seconds. */
export function formatCountdown(milliseconds: number): string {
  const seconds = Math.max(0, Math.ceil(milliseconds / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

/**
 * Signs a person out after the program's idle timeout, for their privacy, and warns them two minutes
 * before with a countdown: "Stay signed in" refreshes the session, "Sign out" ends it now.
 */
export function IdleWarning({ idleTimeoutMinutes }: { idleTimeoutMinutes: number }) {
  const { t } = useTranslation();
  const [mountedAt] = useState(() => Date.now());
  const lastRequest = useSyncExternalStore(subscribeToApiActivity, lastApiRequestAt);
  const { warnAt, signOutAt } = idleDeadlines(Math.max(lastRequest, mountedAt), idleTimeoutMinutes);
  const [now, setNow] = useState(() => Date.now());
  const forget = useForgetSession();
  const refresh = useRefreshSession();
  const signOut = useSignOut();

  useEffect(() => {
    // `now` is when the last tick ran; the clock may have moved on since (activity, a sleeping laptop).
    const current = Math.max(now, Date.now());
    if (current >= signOutAt) {
      void forget(`/sign-in?reason=idle&minutes=${idleTimeoutMinutes}`);
      return;
    }
    const delay = current < warnAt ? warnAt - current : Math.min(1000, signOutAt - current);
    const timer = setTimeout(() => setNow(Date.now()), delay);
    return () => clearTimeout(timer);
  }, [now, warnAt, signOutAt, forget, idleTimeoutMinutes]);

  const opened = now >= warnAt && now < signOutAt;
  const staySignedIn = () => refresh.mutate();
  return (
    <Modal
      opened={opened}
      onClose={staySignedIn}
      title={t("idle.title")}
      centered
      closeOnClickOutside={false}
      withCloseButton={false}
    >
      <Text>{t("idle.body", { time: formatCountdown(signOutAt - now) })}</Text>
      {refresh.isError && (
        <Text c="red" mt="xs" role="alert">
          {t("common.somethingWrong")}
        </Text>
      )}
      <Group mt="lg" justify="flex-end">
        <Button variant="default" onClick={() => signOut.mutate()} loading={signOut.isPending}>
          {t("common.signOut")}
        </Button>
        <Button onClick={staySignedIn} loading={refresh.isPending} data-autofocus>
          {t("idle.stay")}
        </Button>
      </Group>
    </Modal>
  );
}
