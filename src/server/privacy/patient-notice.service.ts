import { DomainError } from "../../core/platform/errors";
import {
  checkAcknowledgement,
  deriveNoticeStanding,
  findMissingNoticeSettings,
  isNoticeDue,
} from "../../core/privacy/notice.rules";
import type {
  AcknowledgementInput,
  CurrentNotice,
  NoticeSettings,
  NoticeStatus,
  PaperDeliveryInput,
} from "../../core/privacy/notice.schema";
import { noticeVersionOf } from "../../core/privacy/notice.text";
import { type AuditContext, appendAudit, recordAudit } from "../audit/audit.service";
import type { Database, Queryable } from "../db/connection";
import type { Actor } from "../identity/auth.service";
import { ownParticipantId } from "../participant-app/own-participant";
import type { ParticipantAccess } from "../platform/route-access";
import { readNoticeSettings, writeNoticeSettings } from "./notice-settings.repo";
import * as store from "./privacy.sql";

async function currentOf(q: Queryable): Promise<CurrentNotice> {
  const settings = await readNoticeSettings(q);
  return {
    version: noticeVersionOf(settings),
    settings,
    missingSettings: findMissingNoticeSettings(settings),
  };
}

async function statusOf(q: Queryable, participantId: string): Promise<NoticeStatus> {
  // One after another: `q` may be a transaction (one connection).
  const current = await currentOf(q);
  const rows = await store.listNoticeDeliveries(q, participantId);
  const deliveries = rows.map((r) => ({
    id: r.id,
    noticeVersion: r.notice_version,
    method: r.method,
    deliveredAt: r.delivered_at,
    deliveredBy: r.delivered_by_name,
    acknowledgedAt: r.acknowledged_at,
    acknowledgement: r.acknowledgement,
  }));
  const standing = deriveNoticeStanding(deliveries, current.version);
  return { currentVersion: current.version, standing, due: isNoticeDue(standing), deliveries };
}

/**
 * §2.22 Patient Notice: the program's settings (header, contact, effective date) that fill in our
 * notice text, and for each participant which version was given, how, and whether they acknowledged
 * it — in the app (electronic) or on paper recorded by staff (signed or declined to sign).
 */
export function createPatientNoticeService(deps: { db: Database; now: () => Date }) {
  const { db, now } = deps;
  return {
    /** GET /patient-notice: the notice in force (public: §2.22(c) has it posted on the website too). */
    current: () => currentOf(db),

    /** PUT /patient-notice: administrators change the settings; a new effective date is a new version. */
    async updateSettings(settings: NoticeSettings, context: AuditContext): Promise<CurrentNotice> {
      const at = now();
      await db.transaction(async (tx) => {
        await writeNoticeSettings(tx, settings, at);
        await appendAudit(
          tx,
          context,
          {
            action: "settings.patient_notice_update",
            resourceType: "settings",
            purpose: "operations",
            details: { version: noticeVersionOf(settings) },
          },
          at,
        );
      });
      return currentOf(db);
    },

    /** GET /me/patient-notice: the participant's own deliveries and standing. Audited (self). */
    async mine(actor: Actor, context: AuditContext): Promise<NoticeStatus> {
      const participantId = ownParticipantId(actor, "a Patient Notice");
      const status = await statusOf(db, participantId);
      await recordAudit(
        db,
        context,
        {
          action: "patient_notice.read",
          resourceType: "patient_notice_delivery",
          participantId,
          purpose: "self",
        },
        now(),
      );
      return status;
    },

    /**
     * POST /me/patient-notice/acknowledgement: "I have read this notice", for the version read. A
     * delivery of that version waiting for acknowledgement is acknowledged; otherwise reading it in the
     * app is the (electronic) delivery, acknowledged at once.
     */
    async acknowledgeMine(
      actor: Actor,
      input: AcknowledgementInput,
      context: AuditContext,
    ): Promise<NoticeStatus> {
      const participantId = ownParticipantId(actor, "a Patient Notice");
      const place = await store.findParticipantPlace(db, participantId);
      if (!place) throw new DomainError("NOT_FOUND", "No such participant.");
      const at = now();
      await db.transaction(async (tx) => {
        const status = await statusOf(tx, participantId);
        const refused = checkAcknowledgement(status.deliveries, input.version, status.currentVersion);
        if (refused) throw new DomainError(refused);
        const waiting = status.deliveries.find(
          (d) => d.noticeVersion === status.currentVersion && d.acknowledgement === null,
        );
        let deliveryId: string;
        if (waiting) {
          if (!(await store.acknowledgeNoticeDelivery(tx, waiting.id, at, "signed"))) {
            throw new DomainError("NOTICE_ALREADY_ACKNOWLEDGED");
          }
          deliveryId = waiting.id;
        } else {
          deliveryId = await store.insertNoticeDelivery(tx, {
            participantId,
            episodeId: place.episode_id,
            noticeVersion: status.currentVersion,
            method: "electronic",
            deliveredBy: null,
            deliveredAt: at,
            acknowledgedAt: at,
            acknowledgement: "signed",
          });
        }
        await appendAudit(
          tx,
          context,
          {
            action: "patient_notice.acknowledge",
            resourceType: "patient_notice_delivery",
            resourceId: deliveryId,
            participantId,
            purpose: "self",
            details: { version: status.currentVersion },
          },
          at,
        );
      });
      return statusOf(db, participantId);
    },

    /** GET /participants/:id/patient-notice: the chart's view (the route's guard authorizes and audits). */
    statusFor: (access: ParticipantAccess) => statusOf(db, access.participantId),

    /** POST /participants/:id/patient-notice/deliveries: staff handed over the current notice on paper. */
    async recordPaper(
      actor: Actor,
      access: ParticipantAccess,
      input: PaperDeliveryInput,
      context: AuditContext,
    ): Promise<NoticeStatus> {
      const place = await store.findParticipantPlace(db, access.participantId);
      if (!place) throw new DomainError("NOT_FOUND", "No such participant.");
      const at = now();
      await db.transaction(async (tx) => {
        const { version } = await currentOf(tx);
        const id = await store.insertNoticeDelivery(tx, {
          participantId: access.participantId,
          episodeId: place.episode_id,
          noticeVersion: version,
          method: "paper",
          deliveredBy: actor.user.id,
          deliveredAt: at,
          acknowledgedAt: at,
          acknowledgement: input.acknowledgement,
        });
        await appendAudit(
          tx,
          context,
          {
            action: "patient_notice.deliver",
            resourceType: "patient_notice_delivery",
            resourceId: id,
            participantId: access.participantId,
            purpose: access.purpose,
            details: { method: "paper", acknowledgement: input.acknowledgement, version },
          },
          at,
        );
      });
      return statusOf(db, access.participantId);
    },
  };
}
export type PatientNoticeService = ReturnType<typeof createPatientNoticeService>;
