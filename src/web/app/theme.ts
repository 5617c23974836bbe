import { createTheme } from "@mantine/core";

/** Calm teal with indigo accents; shades chosen for ≥ 4.5:1 text contrast in light and dark. */
export const theme = createTheme({
  primaryColor: "teal",
  primaryShade: { light: 9, dark: 4 },
  autoContrast: true,
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  headings: { fontWeight: "650" },
  defaultRadius: "md",
  cursorType: "pointer",
  focusRing: "auto",
});
