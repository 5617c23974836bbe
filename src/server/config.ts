import path from "node:path";
import { z } from "zod";
import { INSTRUMENTS } from "../core/assessments/registry";
import { SMS_CHANNEL_KINDS, type SmsChannelKind } from "../core/schedule/reminder-settings.schema";

/**
 * The only reader of process.env. Parsed once at start; a bad value stops start-up with one
 * readable line naming the variable and what is expected.
 */

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const booleanText = (name: string) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .refine((v) => ["true", "false", "1", "0", "yes", "no", "on", "off"].includes(v), {
      message: `${name} must be true or false`,
    })
    .transform((v) => ["true", "1", "yes", "on"].includes(v));

const urlWithProtocols = (name: string, protocols: string[], example: string) =>
  z
    .string()
    .trim()
    .refine(
      (v) => {
        try {
          return protocols.includes(new URL(v).protocol);
        } catch {
          return false;
        }
      },
      { message: `${name} must be a URL like ${example}` },
    );

const INSTRUMENT_KEYS = INSTRUMENTS.map((i) => i.key);

const envSchema = z.object({
  PORT: z.coerce
    .number({ message: "PORT must be a whole number from 0 to 65535" })
    .int("PORT must be a whole number from 0 to 65535")
    .min(0, "PORT must be a whole number from 0 to 65535")
    .max(65535, "PORT must be a whole number from 0 to 65535")
    .default(3000),
  HOST: z.string().trim().min(1, "HOST must be a host name or IP address").default("localhost"),
  DATA_DIR: z.string().trim().min(1, "DATA_DIR must be a directory path").default("./data"),
  DATABASE_URL: urlWithProtocols(
    "DATABASE_URL",
    ["postgres:", "postgresql:"],
    "postgres://user:password@host:5432/bridgeway",
  ).optional(),
  BASE_URL: urlWithProtocols("BASE_URL", ["http:", "https:"], "https://iop.example.org").optional(),
  LOG_LEVEL: z
    .enum(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}` })
    .default("info"),
  SMTP_URL: urlWithProtocols(
    "SMTP_URL",
    ["smtp:", "smtps:"],
    "smtp://user:password@mail.example.org:587",
  ).optional(),
  DEMO: booleanText("DEMO").optional(),
  TRUST_PROXY: z
    .string()
    .trim()
    .refine((v) => /^(true|false|\d+|[0-9a-f.:/, ]+)$/i.test(v), {
      message:
        "TRUST_PROXY must be true, false, a hop count, or a comma-separated list of proxy addresses/CIDRs",
    })
    .optional(),
  SESSION_IDLE_MINUTES: z.coerce
    .number({ message: "SESSION_IDLE_MINUTES must be a whole number of minutes from 5 to 1440" })
    .int("SESSION_IDLE_MINUTES must be a whole number of minutes from 5 to 1440")
    .min(5, "SESSION_IDLE_MINUTES must be a whole number of minutes from 5 to 1440")
    .max(1440, "SESSION_IDLE_MINUTES must be a whole number of minutes from 5 to 1440")
    .default(30),
  STAFF_SESSION_IDLE_MINUTES: z.coerce
    .number({ message: "STAFF_SESSION_IDLE_MINUTES must be a whole number of minutes from 2 to 120" })
    .int("STAFF_SESSION_IDLE_MINUTES must be a whole number of minutes from 2 to 120")
    .min(2, "STAFF_SESSION_IDLE_MINUTES must be a whole number of minutes from 2 to 120")
    .max(120, "STAFF_SESSION_IDLE_MINUTES must be a whole number of minutes from 2 to 120")
    .default(15),
  MAIL_FROM: z
    .string()
    .trim()
    .regex(/^[^\r\n]+@[^\r\n]+$/, "MAIL_FROM must be an address like Bridgeway <no-reply@iop.example.org>")
    .optional(),
  SESSION_MAX_HOURS: z.coerce
    .number({ message: "SESSION_MAX_HOURS must be a whole number of hours from 1 to 72" })
    .int("SESSION_MAX_HOURS must be a whole number of hours from 1 to 72")
    .min(1, "SESSION_MAX_HOURS must be a whole number of hours from 1 to 72")
    .max(72, "SESSION_MAX_HOURS must be a whole number of hours from 1 to 72")
    .default(12),
  ALERT_SWEEP_MINUTES: z.coerce
    .number({ message: "ALERT_SWEEP_MINUTES must be a whole number of minutes from 1 to 60" })
    .int("ALERT_SWEEP_MINUTES must be a whole number of minutes from 1 to 60")
    .min(1, "ALERT_SWEEP_MINUTES must be a whole number of minutes from 1 to 60")
    .max(60, "ALERT_SWEEP_MINUTES must be a whole number of minutes from 1 to 60")
    .default(1),
  DISABLED_INSTRUMENTS: z
    .string()
    .transform((v) =>
      v
        .split(",")
        .map((key) => key.trim().toLowerCase())
        .filter(Boolean),
    )
    .refine((keys) => keys.every((key) => INSTRUMENT_KEYS.includes(key)), {
      message: `DISABLED_INSTRUMENTS must list questionnaire keys from: ${INSTRUMENT_KEYS.join(", ")}`,
    })
    .optional(),
  SMS_CHANNEL: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(
      z.enum(SMS_CHANNEL_KINDS, { message: `SMS_CHANNEL must be one of ${SMS_CHANNEL_KINDS.join(", ")}` }),
    )
    .optional(),
});

export type TrustProxy = boolean | number | string[];

export interface Config {
  port: number;
  host: string;
  /** Absolute path of the data directory (embedded database, lock file). */
  dataDir: string;
  /** Set when a PostgreSQL server is used instead of the embedded database. */
  databaseUrl: string | undefined;
  baseUrl: string;
  logLevel: (typeof LOG_LEVELS)[number];
  smtpUrl: string | undefined;
  /** Generate the demo program on first start. */
  demo: boolean;
  trustProxy: TrustProxy;
  /** Idle timeout for participants and family. */
  sessionIdleMinutes: number;
  /** Idle timeout for staff (HIPAA automatic logoff; 15 minutes by default). */
  staffSessionIdleMinutes: number;
  sessionMaxHours: number;
  /** The From address of outgoing email. */
  mailFrom: string;
  /** How often the job queue looks for unacknowledged urgent alerts to escalate. */
  alertSweepMinutes: number;
  /**
   * Questionnaires this program does not offer (e.g. `dast10`, whose terms are non-commercial):
   * not listed, not assignable, not scheduled. Responses already recorded stay in the chart.
   */
  disabledInstruments: string[];
  /**
   * How text-message reminders leave the server: `log` writes a line without the number or the text
   * (no SMS provider is built in; a program plugs one in), `none` sends no SMS at all.
   */
  smsChannel: SmsChannelKind;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

function parseTrustProxy(value: string | undefined): TrustProxy {
  if (value === undefined || value.toLowerCase() === "false") return false;
  if (value.toLowerCase() === "true") return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
}

/** Parse the environment. `cwd` resolves a relative DATA_DIR. Throws ConfigError with one line. */
export function parseConfig(env: Record<string, string | undefined>, cwd: string): Config {
  const relevant = Object.fromEntries(
    Object.keys(envSchema.shape).map((key) => {
      const raw = env[key];
      return [key, raw === undefined || raw.trim() === "" ? undefined : raw];
    }),
  );
  const parsed = envSchema.safeParse(relevant);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? "configuration");
    const got = relevant[name];
    const shown = name === "DATABASE_URL" || name === "SMTP_URL" ? "" : ` (got "${String(got)}")`;
    throw new ConfigError(
      `Invalid configuration: ${issue.message.startsWith(name) ? "" : `${name}: `}${issue.message}${shown}.`,
    );
  }
  const e = parsed.data;
  const displayHost = e.HOST === "0.0.0.0" || e.HOST === "::" ? "localhost" : e.HOST;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(cwd, e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    baseUrl: (e.BASE_URL ?? `http://${displayHost}:${e.PORT}`).replace(/\/+$/, ""),
    logLevel: e.LOG_LEVEL,
    smtpUrl: e.SMTP_URL,
    demo: e.DEMO ?? e.DATABASE_URL === undefined,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    staffSessionIdleMinutes: e.STAFF_SESSION_IDLE_MINUTES,
    mailFrom: e.MAIL_FROM ?? `Bridgeway <no-reply@${new URL(e.BASE_URL ?? "http://localhost").hostname}>`,
    sessionMaxHours: e.SESSION_MAX_HOURS,
    alertSweepMinutes: e.ALERT_SWEEP_MINUTES,
    disabledInstruments: e.DISABLED_INSTRUMENTS ?? [],
    smsChannel: e.SMS_CHANNEL ?? "none",
  };
}

/** Read the process environment once (called by the CLI entry point only). */
export function loadConfig(overrides: Record<string, string | undefined> = {}): Config {
  return parseConfig({ ...process.env, ...overrides }, process.cwd());
}
