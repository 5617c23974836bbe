import type { RouteObject } from "react-router";
import { LibraryPage } from "./library-page";
import { EditModulePage, NewModulePage } from "./module-editor-page";
import { ModulePage } from "./module-page";

/** Routes under /staff/curriculum: the library, a new module, one module, and its editor. */
export const curriculumRoutes: RouteObject[] = [
  { index: true, element: <LibraryPage /> },
  { path: "new", element: <NewModulePage /> },
  { path: ":key", element: <ModulePage /> },
  { path: ":key/edit", element: <EditModulePage /> },
];
