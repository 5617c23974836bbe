import path from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { serviceWorker } from "./scripts/service-worker-plugin";

const root = path.resolve(import.meta.dirname, "src/web");
const api = "http://127.0.0.1:3000";

export default defineConfig({
  root,
  plugins: [
    react(),
    serviceWorker({
      source: path.join(root, "pwa/service-worker.js"),
      publicDir: path.join(root, "public"),
    }),
  ],
  build: {
    outDir: path.resolve(import.meta.dirname, "dist/web"),
    emptyOutDir: true,
    assetsDir: "assets",
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    port: 5173,
    proxy: { "/api": api, "/healthz": api, "/readyz": api },
  },
});
