import { type PipeTransform } from '@nestjs/common';
import { ApiBody } from '@nestjs/swagger';
import { ErrorCode } from '@tillit/protocol';
import { z, type ZodType } from 'zod';
import { AppError } from './app-error.js';

export function validationError(error: z.ZodError): AppError {
  return new AppError(ErrorCode.ValidationFailed, 'The request is not valid', {
    issues: error.issues.slice(0, 20).map((i) => ({ path: i.path.join('.'), message: i.message })),
  });
}

export function parseOrThrow<T extends ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(result.error);
  return result.data;
}

/** `@Body(zodBody(Schema))`: parses with the shared schema; unknown fields are refused by strict objects. */
export const zodBody = <T extends ZodType>(schema: T): PipeTransform<unknown, z.infer<T>> => ({
  transform: (value: unknown) => parseOrThrow(schema, value ?? {}),
});

/** Puts the same zod schema in the OpenAPI document. */
export const ApiZodBody = (schema: ZodType) =>
  ApiBody({ schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as object });

export const uuidParam: PipeTransform<string, string> = {
  transform: (value: string) => {
    // A malformed id cannot name anything: answer as for any unknown id.
    if (!z.uuid().safeParse(value).success) throw new AppError(ErrorCode.NotFound, 'Not found');
    return value;
  },
};
