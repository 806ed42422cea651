import { z } from 'zod';
import { Channel } from './channel-item';
import { Role } from './role';

export const SearchRequest = z.object({
  q: z.string().trim().min(1, 'q must not be empty').max(500),
  channel: Channel.optional(),
  from: z.iso.datetime().optional(),
  to: z.iso.datetime().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});
export type SearchRequest = z.infer<typeof SearchRequest>;

export const SearchHit = z.object({
  id: z.uuid(),
  version: z.number().int(),
  channel: Channel,
  occurredAt: z.string(),
  subject: z.string(),
  snippet: z.string(),
  sensitivity: z.string(),
  topics: z.array(z.string()),
  piiTypes: z.array(z.string()),
  score: z.number(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResponse = z.object({ total: z.number().int(), hits: z.array(SearchHit) });
export type SearchResponse = z.infer<typeof SearchResponse>;

export const Principal = z.object({
  id: z.string(),
  tenant: z.string(),
  email: z.string(),
  name: z.string(),
  role: Role,
  team: z.string().optional(),
});
export type Principal = z.infer<typeof Principal>;
