import { type CSSVariablesResolver, createTheme, mergeThemeOverrides } from "@mantine/core";

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

/** The theme with translated labels for the controls Mantine draws itself. */
export function themeWithLabels(labels: { close: string }) {
  const closeButtonProps = { "aria-label": labels.close };
  // A dialog's <header> is not the page's banner landmark.
  const attributes = { header: { role: "presentation" } };
  return mergeThemeOverrides(
    theme,
    createTheme({
      components: {
        Modal: { defaultProps: { closeButtonProps, attributes } },
        Drawer: { defaultProps: { closeButtonProps, attributes } },
        Notification: { defaultProps: { closeButtonProps } },
      },
    }),
  );
}

/**
 * Light-variant text (badges, alerts) on its tinted background, at least 4.5:1: Mantine's defaults
 * for these colours fall between 3.6 and 4.3.
 */
const LIGHT_TEXT: Record<string, string> = {
  green: "#1e6b2f",
  red: "#a61e1e",
  orange: "#8f3208",
  yellow: "#7a4a00",
  blue: "#1c4f8f",
};

/** Mantine's default error and secondary-text colours fall below 4.5:1; these do not. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    ...Object.fromEntries(
      Object.entries(LIGHT_TEXT).map(([color, hex]) => [`--mantine-color-${color}-light-color`, hex]),
    ),
    // Teal 9 on teal 1 (light badges, alerts) is 4.3:1 and Mantine's hover for a shade-9 fill is the
    // lighter shade 8 (3.9:1 under white text): a darker teal keeps both above 4.5:1.
    "--mantine-color-teal-light-color": "#066649",
    "--mantine-primary-color-light-color": "#066649",
    "--mantine-color-teal-filled-hover": "#066649",
    "--mantine-primary-color-filled-hover": "#066649",
    // Links stay above 4.5:1 on a hovered table row too.
    "--mantine-color-anchor": "#066649",
    // Orange 9 under white text is 4.3:1; the break-the-glass warnings use a darker orange.
    "--mantine-color-orange-filled": "#b03d0c",
    "--mantine-color-orange-filled-hover": "#963409",
    "--mantine-color-error": "var(--mantine-color-red-9)",
    "--mantine-color-dimmed": "var(--mantine-color-gray-7)",
    "--mantine-color-placeholder": "var(--mantine-color-gray-7)",
  },
  dark: {
    "--mantine-color-orange-filled": "#b03d0c",
    "--mantine-color-orange-filled-hover": "#963409",
    "--mantine-color-error": "var(--mantine-color-red-4)",
    "--mantine-color-dimmed": "var(--mantine-color-dark-1)",
    "--mantine-color-placeholder": "var(--mantine-color-dark-1)",
  },
});
