import {
  ActionIcon,
  type MantineColorScheme,
  SegmentedControl,
  Tooltip,
  useMantineColorScheme,
} from "@mantine/core";
import { useColorScheme } from "@mantine/hooks";
import { IconMoon, IconSun, IconSunMoon } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";

const ICONS = { light: IconSun, dark: IconMoon, auto: IconSunMoon } as const;

/** Cycle: follow the device → the opposite of the device → the device's own scheme → follow the device. */
export function nextColorScheme(current: MantineColorScheme, device: "light" | "dark"): MantineColorScheme {
  const opposite = device === "dark" ? "light" : "dark";
  if (current === "auto") return opposite;
  return current === opposite ? device : "auto";
}

/** Light, dark or automatic (follows the device); Mantine's manager keeps the choice in localStorage. */
export function ColorSchemeToggle() {
  const { t } = useTranslation();
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const device = useColorScheme("light", { getInitialValueInEffect: false });
  const Icon = ICONS[colorScheme];
  const current = t(`theme.${colorScheme}`);
  return (
    <Tooltip label={current} openDelay={300} withinPortal={false}>
      <ActionIcon
        variant="default"
        size="lg"
        aria-label={t("theme.toggle", { current })}
        onClick={() => setColorScheme(nextColorScheme(colorScheme, device))}
      >
        <Icon size={18} aria-hidden />
      </ActionIcon>
    </Tooltip>
  );
}

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t("common.language")}
      value={i18n.language.startsWith("es") ? "es" : "en"}
      onChange={(value) => void i18n.changeLanguage(value)}
      data={[
        { value: "en", label: <span lang="en">{t("common.english")}</span> },
        { value: "es", label: <span lang="es">{t("common.spanish")}</span> },
      ]}
    />
  );
}
