import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./config";

const parse = (env: Record<string, string>) => parseConfig(env, "/srv/bridgeway");

describe("parseConfig", () => {
  it("runs embedded with the demo on localhost:3000 when nothing is set", () => {
    const config = parse({});
    expect(config).toMatchObject({
      port: 3000,
      host: "localhost",
      dataDir: "/srv/bridgeway/data",
      databaseUrl: undefined,
      baseUrl: "http://localhost:3000",
      demo: true,
      trustProxy: false,
      logLevel: "info",
    });
  });

  it("turns the demo off by default with a PostgreSQL server, and on when asked", () => {
    expect(parse({ DATABASE_URL: "postgres://u@db:5432/bw" }).demo).toBe(false);
    expect(parse({ DATABASE_URL: "postgres://u@db:5432/bw", DEMO: "true" }).demo).toBe(true);
    expect(parse({ DEMO: "off" }).demo).toBe(false);
  });

  it("offers every questionnaire unless DISABLED_INSTRUMENTS names some, and refuses unknown keys", () => {
    expect(parse({}).disabledInstruments).toEqual([]);
    expect(parse({ DISABLED_INSTRUMENTS: " DAST10, crafft " }).disabledInstruments).toEqual([
      "dast10",
      "crafft",
    ]);
    expect(() => parse({ DISABLED_INSTRUMENTS: "dast10,cssrs" })).toThrow(
      /DISABLED_INSTRUMENTS must list questionnaire keys from: .*dast10/,
    );
  });

  it("sends no SMS unless SMS_CHANNEL chooses the log channel, and refuses other values", () => {
    expect(parse({}).smsChannel).toBe("none");
    expect(parse({ SMS_CHANNEL: " Log " }).smsChannel).toBe("log");
    expect(() => parse({ SMS_CHANNEL: "twilio" })).toThrow(
      'Invalid configuration: SMS_CHANNEL must be one of log, none (got "twilio").',
    );
  });

  it("treats empty variables as unset", () => {
    expect(parse({ PORT: "", DATABASE_URL: " " }).port).toBe(3000);
  });

  it("reads proxies as a flag, a hop count or a list", () => {
    expect(parse({ TRUST_PROXY: "true" }).trustProxy).toBe(true);
    expect(parse({ TRUST_PROXY: "2" }).trustProxy).toBe(2);
    expect(parse({ TRUST_PROXY: "10.0.0.0/8, 127.0.0.1" }).trustProxy).toEqual(["10.0.0.0/8", "127.0.0.1"]);
  });

  it("strips a trailing slash from BASE_URL and resolves DATA_DIR against the working directory", () => {
    const config = parse({ BASE_URL: "https://iop.example.org/", DATA_DIR: "../var/bw" });
    expect(config.baseUrl).toBe("https://iop.example.org");
    expect(config.dataDir).toBe("/srv/var/bw");
  });

  it.each([
    [{ PORT: "abc" }, 'Invalid configuration: PORT must be a whole number from 0 to 65535 (got "abc").'],
    [{ PORT: "70000" }, 'Invalid configuration: PORT must be a whole number from 0 to 65535 (got "70000").'],
    [{ LOG_LEVEL: "loud" }, /^Invalid configuration: LOG_LEVEL must be one of fatal, error/],
    [{ DEMO: "maybe" }, 'Invalid configuration: DEMO must be true or false (got "maybe").'],
    [
      { DATABASE_URL: "mysql://root@db/x" },
      /^Invalid configuration: DATABASE_URL must be a URL like postgres:/,
    ],
    [{ BASE_URL: "localhost:3000" }, /^Invalid configuration: BASE_URL must be a URL like https:/],
    [{ SESSION_IDLE_MINUTES: "1" }, /SESSION_IDLE_MINUTES must be a whole number of minutes from 5 to 1440/],
  ])("stops with one line naming the variable for %o", (env, expected) => {
    expect(() => parse(env)).toThrow(ConfigError);
    expect(() => parse(env)).toThrow(expected);
  });

  it("never echoes a database password in the error", () => {
    expect(() => parse({ DATABASE_URL: "mysql://root:s3cret@db/x" })).toThrow(/^(?!.*s3cret)/);
  });
});
