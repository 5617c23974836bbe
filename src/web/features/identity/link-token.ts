import { useEffect, useState } from "react";
import { useLocation, useNavigate } from "react-router";
import { linkTokenSchema } from "../../../core/identity/accounts.schema";

/** The secret token of an emailed link, from the fragment (`#token=…`), which never reaches the server's logs. */
export function tokenFromHash(hash: string): string | null {
  const value = new URLSearchParams(hash.replace(/^#/, "")).get("token");
  const parsed = linkTokenSchema.safeParse(value ?? "");
  return parsed.success ? parsed.data : null;
}

/** Read the token once when the page opens, then take it out of the address bar and the history entry. */
export function useLinkToken(): string | null {
  const { pathname, search, hash } = useLocation();
  const navigate = useNavigate();
  const [token] = useState(() => tokenFromHash(hash));
  useEffect(() => {
    if (hash) void navigate({ pathname, search, hash: "" }, { replace: true });
  }, [hash, pathname, search, navigate]);
  return token;
}
