import { type CSSVariablesResolver, createTheme } from "@mantine/core";

/**
 * Calm teal with indigo accents, at least 4.5:1 text contrast in both schemes. Shade 9 fills in both
 * schemes, so white text on any filled button passes; Mantine then uses shade 5 for outlines and
 * shade 0 for light-variant text in dark mode, which pass on the dark background.
 */
export const theme = createTheme({
  primaryColor: "teal",
  primaryShade: 9,
  autoContrast: true,
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  headings: { fontWeight: "650" },
  defaultRadius: "md",
  cursorType: "pointer",
  focusRing: "auto",
});

/** Mantine's default error and secondary-text colours fall below 4.5:1; these do not. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    "--mantine-color-error": "var(--mantine-color-red-9)",
    "--mantine-color-dimmed": "var(--mantine-color-gray-7)",
    "--mantine-color-placeholder": "var(--mantine-color-gray-7)",
  },
  dark: {
    "--mantine-color-error": "var(--mantine-color-red-4)",
    "--mantine-color-dimmed": "var(--mantine-color-dark-1)",
    "--mantine-color-placeholder": "var(--mantine-color-dark-1)",
  },
});
