/** Where to go after sign-in: only a path on this site, never another origin (open-redirect defence). */
export function safeNextPath(next: string | null | undefined): string | undefined {
  if (!next?.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return undefined;
  // Browsers drop tabs and newlines inside URLs, which could turn "/\n/evil" into "//evil".
  if ([...next].some((c) => c.charCodeAt(0) < 0x20)) return undefined;
  return next;
}
