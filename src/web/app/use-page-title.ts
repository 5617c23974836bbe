import { useEffect } from "react";
import { useTranslation } from "react-i18next";

/** Name the browser tab after the page, in the reader's language (WCAG 2.4.2). */
export function usePageTitle(title: string): void {
  const { t } = useTranslation();
  const product = t("product.name");
  useEffect(() => {
    document.title = title === product ? product : `${title} · ${product}`;
  }, [title, product]);
}
