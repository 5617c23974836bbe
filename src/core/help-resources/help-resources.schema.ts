import { z } from "zod";

/** The most local resources a program lists on the participants' Help page. */
export const HELP_RESOURCES_MAX = 30;
export const HELP_RESOURCE_LANGUAGES = ["any", "en", "es"] as const;

const PHONE = /^[0-9+()\-.\s]{3,30}$/;

/** One local resource the program offers its participants (a food bank, a recovery café, a clinic). */
export const helpResourceSchema = z
  .object({
    name: z.string().trim().min(1, { message: "Give the resource a name." }).max(120, {
      message: "Keep the name to 120 characters.",
    }),
    phone: z
      .string()
      .trim()
      .max(30)
      .refine((value) => value === "" || PHONE.test(value), {
        message: "Use digits, spaces and + ( ) - . only.",
      })
      .default(""),
    url: z
      .string()
      .trim()
      .max(500)
      .refine((value) => value === "" || /^https:\/\/[^\s]+$/.test(value), {
        message: "Use a web address that starts with https://.",
      })
      .default(""),
    description: z
      .string()
      .trim()
      .max(300, { message: "Keep the description to 300 characters." })
      .default(""),
    /** The language the resource serves in: shown to everyone when "any". */
    language: z.enum(HELP_RESOURCE_LANGUAGES, { message: "Choose a language." }).default("any"),
  })
  .refine((r) => r.phone !== "" || r.url !== "", {
    message: "Give a phone number or a web address, so people can reach it.",
    path: ["phone"],
  });
export type HelpResource = z.infer<typeof helpResourceSchema>;

/** GET/PUT /help-resources (settings), GET /me/help-resources (the participant's Help page). */
export const helpResourcesSchema = z.object({
  resources: z
    .array(helpResourceSchema)
    .max(HELP_RESOURCES_MAX, { message: `List at most ${HELP_RESOURCES_MAX} resources.` }),
});
export type HelpResources = z.infer<typeof helpResourcesSchema>;

/** What the participant's Help page reads: the program's resources and their site's on-call line. */
export const myHelpResourcesSchema = helpResourcesSchema.extend({
  onCall: z.object({ site: z.string(), phone: z.string() }).nullable(),
});
export type MyHelpResources = z.infer<typeof myHelpResourcesSchema>;
