// /cafe/contacts: a café's door device hands in a visitor's follow-up contact; the café's
// organiser, or a coordinator or admin of the region, reads and erases them. Contacts never enter
// the event log, a pull, an export or the audit trail's details (DESIGN §6).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { codeSchema } from '../../src/domain/index';
import { writeAudit } from '../audit';
import { caller } from '../auth';
import type { AuthContext } from '../auth';
import type { ServerContext } from '../context';
import { ApiError } from '../errors';
import { badRequest } from '../routes/adminCommon';
import { bearer, errorSchema } from '../routes/schemas';
import { consentOf, contactsOf, keepContact } from './contacts';

interface ContactBody {
  ticket: string;
  firstName: string;
  phone?: string | null;
  email?: string | null;
}

const ticketSchema = codeSchema('ticket');
const PHONE = /^\+?[0-9 ()./-]{6,30}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const contactSchema = {
  type: 'object',
  required: ['ticket', 'firstName', 'phone', 'email', 'createdAt', 'eraseAfter'],
  properties: {
    ticket: { type: 'string', description: 'the visit’s BT ticket code' },
    firstName: { type: 'string' },
    phone: { type: 'string', nullable: true },
    email: { type: 'string', nullable: true },
    createdAt: { type: 'string', format: 'date-time' },
    eraseAfter: {
      type: 'string',
      format: 'date-time',
      description: "when it is erased: createdAt plus the café's contactRetentionDays",
    },
  },
} as const;

const schemaOf = <T extends Record<string, unknown>>(
  summary: string,
  parts: T & { response: Record<number, unknown> },
) => ({
  summary,
  tags: ['cafe'],
  security: bearer,
  ...parts,
  response: { 400: errorSchema, 401: errorSchema, 403: errorSchema, ...parts.response },
});

const forbidden = (message: string) => new ApiError(403, 'forbidden', message);

/** Empty text is no value. */
const given = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? null : trimmed;
};

/** The contact a door device sends, checked; a 400 names what is wrong. */
function checkedContact(body: ContactBody) {
  const ticket = body.ticket.trim().toUpperCase();
  if (!ticketSchema.safeParse(ticket).success)
    throw badRequest(`"${body.ticket}" is not a ticket code (BT and 9 symbols).`);
  const firstName = given(body.firstName);
  if (firstName === null) throw badRequest('A contact needs a first name.');
  const phone = given(body.phone);
  const email = given(body.email);
  if (phone === null && email === null)
    throw badRequest('A contact needs a phone number or an e-mail address.');
  if (phone !== null && !PHONE.test(phone))
    throw badRequest(`"${phone}" is not a phone number (digits, spaces, + ( ) . / -).`);
  if (email !== null && !EMAIL.test(email))
    throw badRequest(`"${email}" is not an e-mail address.`);
  return { ticket, firstName, phone, email };
}

/** The signed-in person who may read contacts at all (an organiser, coordinator or admin). */
function reader(auth: AuthContext) {
  const person = auth.person;
  const role = person?.role;
  if (person === null || (role !== 'organiser' && role !== 'coordinator' && role !== 'admin'))
    throw forbidden(
      "Only the café's organiser, or a coordinator or admin of the region, sees its contacts.",
    );
  return person;
}

/** A café of the caller's region that the caller may read the contacts of: its organiser, or a
 * coordinator or admin of the region. */
async function readableCafe(ctx: ServerContext, auth: AuthContext, siteId: string) {
  const person = reader(auth);
  const site = await ctx.store.db
    .selectFrom('sites')
    .select(['id', 'kind', 'contact_retention_days'])
    .where('id', '=', siteId)
    .where('tenant_id', '=', auth.tenantId)
    .executeTakeFirst();
  if (!site || site.kind !== 'cafe')
    throw new ApiError(404, 'not-found', 'This repair café is not in your region.');
  if (person.role === 'organiser') {
    const onRoster = await ctx.store.db
      .selectFrom('roster')
      .select('site_id')
      .where('person_id', '=', person.id)
      .where('site_id', '=', siteId)
      .executeTakeFirst();
    if (!onRoster) throw forbidden('An organiser sees only the contacts of the café they run.');
  }
  return { id: site.id, retentionDays: site.contact_retention_days };
}

/** A café's device with a host on its roster: the door, where contacts are given. */
async function doorDevice(ctx: ServerContext, request: FastifyRequest) {
  const auth = caller(request);
  const device = auth.device;
  if (device?.siteKind !== 'cafe')
    throw forbidden("Only a repair café's door device hands in visitors' contacts.");
  const host = await ctx.store.db
    .selectFrom('roster')
    .innerJoin('people', 'people.id', 'roster.person_id')
    .select('people.id')
    .where('roster.site_id', '=', device.siteId)
    .where('people.role', '=', 'host')
    .where('people.active', '=', 1)
    .executeTakeFirst();
  if (!host) throw forbidden("Only a repair café's door device hands in visitors' contacts.");
  return { tenantId: auth.tenantId, siteId: device.siteId };
}

export function contactRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const db = ctx.store.db;

  app.post<{ Body: ContactBody }>(
    '/cafe/contacts',
    {
      onRequest: ctx.requireAuth,
      schema: schemaOf(
        "Keep a visitor's follow-up contact (a café's door device; phone or e-mail)",
        {
          body: {
            type: 'object',
            required: ['ticket', 'firstName'],
            additionalProperties: false,
            properties: {
              ticket: { type: 'string', minLength: 1, maxLength: 40 },
              firstName: { type: 'string', minLength: 1, maxLength: 60 },
              phone: { type: 'string', maxLength: 40, nullable: true },
              email: { type: 'string', maxLength: 200, nullable: true },
            },
          },
          response: {
            200: {
              type: 'object',
              required: ['ok'],
              properties: { ok: { type: 'boolean', enum: [true] } },
            },
          },
        },
      ),
    },
    async (request) => {
      const door = await doorDevice(ctx, request);
      const contact = checkedContact(request.body);
      // Under the region's push lock: a check-in without consent stored while this runs would
      // otherwise find no contact to erase, and this one would stay.
      await ctx.store.withTenantLock(door.tenantId, async (trx) => {
        // The visit, where its check-in has arrived already, must be this café's and have consent.
        const checkIn = await trx
          .selectFrom('events')
          .select('site')
          .where('subject', '=', contact.ticket)
          .where('tenant_id', '=', door.tenantId)
          .where('type', '=', 'visit.checked-in')
          .orderBy('seq')
          .executeTakeFirst();
        if (checkIn && checkIn.site !== door.siteId)
          throw forbidden(`The ticket ${contact.ticket} was checked in at another repair café.`);
        const consent = await consentOf(trx, door.tenantId, [contact.ticket]);
        if (consent.get(contact.ticket) === false)
          throw new ApiError(
            400,
            'no-consent',
            `The visit ${contact.ticket} was checked in without consent to follow-up; no contact is kept.`,
          );
        await keepContact(trx, { ...door, ...contact }, ctx.now());
      });
      return { ok: true };
    },
  );

  app.get<{ Querystring: { site: string } }>(
    '/cafe/contacts',
    {
      onRequest: ctx.requireAuth,
      schema: schemaOf(
        "A café's follow-up contacts (its organiser, or the region's coordinators)",
        {
          querystring: {
            type: 'object',
            required: ['site'],
            properties: { site: { type: 'string', minLength: 1, maxLength: 100 } },
          },
          response: {
            200: {
              type: 'object',
              required: ['contacts'],
              properties: { contacts: { type: 'array', items: contactSchema } },
            },
            404: errorSchema,
          },
        },
      ),
    },
    async (request) => {
      const site = await readableCafe(ctx, caller(request), request.query.site);
      return { contacts: await contactsOf(db, site, ctx.now()) };
    },
  );

  app.delete<{ Params: { ticket: string } }>(
    '/cafe/contacts/:ticket',
    {
      onRequest: ctx.requireAuth,
      schema: schemaOf('Erase a visitor’s contact on request (gone already is fine)', {
        params: {
          type: 'object',
          required: ['ticket'],
          properties: { ticket: { type: 'string', maxLength: 40 } },
        },
        response: { 204: { type: 'null', description: 'erased, or there was none' } },
      }),
    },
    async (request, reply) => {
      const auth = caller(request);
      const ticket = request.params.ticket.trim().toUpperCase();
      const kept = await db
        .selectFrom('cafe_contacts')
        .select('site_id')
        .where('tenant_id', '=', auth.tenantId)
        .where('ticket', '=', ticket)
        .executeTakeFirst();
      // Nothing to erase (gone already, or never given): done, for those who may erase.
      if (!kept) {
        reader(auth);
        return reply.status(204).send();
      }
      await readableCafe(ctx, auth, kept.site_id);
      await db.transaction().execute(async (trx) => {
        await trx
          .deleteFrom('cafe_contacts')
          .where('tenant_id', '=', auth.tenantId)
          .where('ticket', '=', ticket)
          .execute();
        // The trail says that a contact was erased and by whom, never what it held.
        await writeAudit(trx, {
          tenantId: auth.tenantId,
          actor: auth.person?.id ?? null,
          action: 'contact.erased',
          target: ticket,
          details: { site: kept.site_id },
        });
      });
      return reply.status(204).send();
    },
  );
}
