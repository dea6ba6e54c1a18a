// The one error shape of the API, { error: { code, message } }, and the handler that turns every
// thrown thing into it. Nothing here stores anything; a stack trace never reaches the client.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function errorBody(code: string, message: string) {
  return { error: { code, message } };
}

// Fastify's own errors, named in the API's words.
const FASTIFY_CODES: Record<string, [number, string, string]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'bad-json', 'The body is not valid JSON.'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'bad-json', 'The body is empty; JSON was expected.'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'too-large', 'The body is larger than the server accepts.'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [
    415,
    'unsupported-media-type',
    'This content type is not accepted here.',
  ],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [
    400,
    'bad-request',
    'The content length does not match the body.',
  ],
};

/** The API's code for a status, where nothing more specific is known: the code always says the
 * same as the status. */
const STATUS_CODES: Record<number, string> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  406: 'not-acceptable',
  409: 'conflict',
  413: 'too-large',
  415: 'unsupported-media-type',
  429: 'rate-limited',
};

function classify(error: FastifyError): [number, string, string] {
  if (error instanceof ApiError) return [error.status, error.code, error.message];
  const known = FASTIFY_CODES[error.code];
  if (known) return known;
  if (error.validation) {
    return [400, 'bad-request', `The request is not in the expected shape: ${error.message}.`];
  }
  if (error.statusCode === 429) {
    return [429, 'rate-limited', 'Too many attempts; wait a minute and try again.'];
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500)
    return [status, STATUS_CODES[status] ?? 'bad-request', error.message];
  return [500, 'internal', 'Something went wrong on the server; nothing was changed.'];
}

/** Makes every error of the app answer in the API's error shape. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const [status, code, message] = classify(error);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    void reply.status(status).send(errorBody(code, message));
  });
}

/** The JSON 404 of the API. */
export function sendNotFound(request: FastifyRequest, reply: FastifyReply): void {
  void reply
    .status(404)
    .send(errorBody('not-found', `Nothing at ${request.method} ${request.url}.`));
}

/** The public item card's one answer for every code it does not show (routes/publicItem.ts). */
export const NO_PUBLIC_INFO = 'No public information for this code.';

/** Fastify's router errors (a malformed URL, a path parameter over maxParamLength) in the API's
 * shape. A too-long parameter names nothing that exists, so it is a 404. */
export function frameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    const message = request.url.startsWith('/api/v1/public/items/')
      ? NO_PUBLIC_INFO
      : 'Nothing at this address.';
    void reply.status(404).send(errorBody('not-found', message));
    return;
  }
  void reply.status(400).send(errorBody('bad-request', 'The address is not a valid URL.'));
}
