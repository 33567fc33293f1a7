import type { Response } from 'express';
import type { z } from 'zod';

/**
 * Answers with a value shaped by its documented response schema: the body is exactly what the OpenAPI
 * description promises (keys in schema order, nothing extra), and drift between query and schema fails loudly.
 */
export function sendAs<T extends z.ZodType>(res: Response, schema: T, value: z.input<T>): void {
  res.json(schema.parse(value));
}
