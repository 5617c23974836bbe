import type { RouteObject } from "react-router";
import { GetHelpPage } from "./get-help-page";
import { InquiryPage } from "./inquiry-page";
import { ProgramPage } from "./program-page";
import { SelfCheckPage } from "./self-check-page";

/** The public "Get help" pages under `/get-help`: no sign-in. */
export const getHelpRoutes: RouteObject[] = [
  { index: true, element: <GetHelpPage /> },
  { path: "self-check", element: <SelfCheckPage /> },
  { path: "inquiry", element: <InquiryPage /> },
  { path: "programs/:siteId", element: <ProgramPage /> },
];
