import {
  DEFAULT_NOTICE_SETTINGS,
  type NoticeSettings,
  noticeSettingsSchema,
} from "../../core/privacy/notice.schema";
import { flatSettings } from "../access/flat-settings";
import type { Queryable } from "../db/connection";

/** The Patient Notice settings: app_settings rows `patient_notice_<field>`, each falling back alone. */
const stored = flatSettings("patient_notice", noticeSettingsSchema, DEFAULT_NOTICE_SETTINGS);

export function readNoticeSettings(q: Queryable): Promise<NoticeSettings> {
  return stored.read(q);
}

export function writeNoticeSettings(q: Queryable, settings: NoticeSettings, at: Date): Promise<void> {
  return stored.write(q, settings, at);
}
