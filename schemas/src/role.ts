import { z } from 'zod';

/** Least-privilege roles; what each may do is decided in one place, `authorize()` in services/core. */
export const Role = z.enum(['agent', 'supervisor', 'compliance', 'auditor', 'admin', 'integration']);
export type Role = z.infer<typeof Role>;
