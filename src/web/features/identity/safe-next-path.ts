/** Where to go after sign-in: only a path on this site, never another origin (open-redirect defence). */
export function safeNextPath(next: string | null | undefined): string | undefined {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return undefined;
  if (/[\u0000-\u001f]/.test(next)) return undefined;
  return next;
}
