import type { Logger } from '@custodian/platform';
import { SearchRequest, SearchResponse } from '@custodian/schemas';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyRequest } from 'fastify';
import { z } from 'zod';
import { toHttpError } from './http-errors';
import type { RecordService } from './record-service';

const RecordParams = z.object({ id: z.uuid('id must be a record id (UUID)') });
const ViewQuery = z.object({
  unmask: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  purpose: z.string().trim().max(500).optional(),
});

const bearer = (req: FastifyRequest): string | undefined => {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7).trim() : undefined;
};

const jsonSchema = (s: z.ZodType) =>
  z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;

/** The HTTP API: thin handlers over the record service; zod validates, the service authorizes and audits. */
export async function buildApi(service: RecordService, log: Logger): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: log as FastifyBaseLogger,
    disableRequestLogging: false,
    bodyLimit: 1024 * 1024,
  });
  // zod is the validator (in the handlers); the JSON Schemas below only document the API.
  app.setValidatorCompiler(() => (value) => ({ value }));
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Custodian API',
        version: '0.1.0',
        description: 'Authorized, audited search over archived records.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
  });

  app.setErrorHandler((error, req, reply) => {
    const { status, body } = toHttpError(error);
    if (status >= 500) req.log.error({ err: error }, 'request failed');
    void reply.status(status).send(body);
  });

  app.get('/health', { schema: { security: [] } }, async () => ({ ok: true }));
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.get(
    '/search',
    { schema: { querystring: jsonSchema(SearchRequest), response: { 200: jsonSchema(SearchResponse) } } },
    async (req) => {
      const principal = await service.authenticate(bearer(req));
      return service.search(principal, req.query);
    },
  );

  app.get(
    '/records/:id',
    { schema: { params: jsonSchema(RecordParams), querystring: jsonSchema(ViewQuery) } },
    async (req) => {
      const principal = await service.authenticate(bearer(req));
      const { id } = RecordParams.parse(req.params);
      const q = ViewQuery.parse(req.query);
      return service.view(principal, id, { unmask: q.unmask, purpose: q.purpose });
    },
  );

  app.get('/audit/verify', async (req) => {
    const principal = await service.authenticate(bearer(req));
    return service.verifyAudit(principal);
  });

  return app;
}
